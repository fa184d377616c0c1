"""PlanCoach as others install it: a wheel built from the repository, installed into a fresh virtual
environment, drafting from another folder with the prompts and knowledge base the wheel carries."""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "assistant", "prompts", "knowledge")


def run(*args: str | Path, cwd: Path | None = None, env: dict | None = None) -> str:
    done = subprocess.run([str(a) for a in args], check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A virtual environment holding the wheel (its dependencies are this environment's, read through a
    .pth file, so nothing is downloaded); the bin/ folder of it."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"  # a copy: the build writes build/ and *.egg-info beside the sources
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():  # assistant/bundled/ links prompts/ and knowledge/: copied as links
            shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp / "dist", source)
    (wheel,) = (tmp / "dist").glob("plancoach-*.whl")
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", venv)
    (purelib,) = (venv / "lib").glob("python3*/site-packages")
    (purelib / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    run(venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel)
    return venv / "bin"


def clean_env(tmp: Path) -> dict:
    """This test run's environment without what would point the installed package back at the repository."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("PLANCOACH_")}
    return {**env, "PLANCOACH_DATA_DIR": str(tmp / "data")}


@pytest.mark.slow
def test_the_installed_wheel_carries_its_prompts_and_knowledge(installed, tmp_path):
    where = json.loads(run(installed / "python", "-c", "import json, assistant, assistant.package_data as p; "
                           "print(json.dumps([assistant.__file__, str(p.bundled('prompts')), str(p.bundled('knowledge'))]))",
                           cwd=tmp_path, env=clean_env(tmp_path)))
    venv = installed.parent
    assert all(Path(path).is_relative_to(venv) for path in where), where  # the wheel's files, not the repository's
    prompts, knowledge = Path(where[1]), Path(where[2])
    for prompt in (ROOT / "prompts").glob("*.md"):
        assert (prompts / prompt.name).read_text(encoding="utf-8") == prompt.read_text(encoding="utf-8")
    shipped = sorted(p.relative_to(knowledge).as_posix() for p in knowledge.rglob("*") if p.is_file())
    assert shipped == sorted(p.relative_to(ROOT / "knowledge").as_posix() for p in (ROOT / "knowledge").rglob("*")
                             if p.is_file())
    models = run(installed / "python", "-c", "from assistant.reader import bundled, meaning; "
                 "print(bundled() is not None, meaning.bundled_meaning() is not None)", cwd=tmp_path, env=clean_env(tmp_path))
    assert models.split() == ["True", "True"]  # the reader and its keep-out-by-meaning model travel in the wheel


@pytest.mark.slow
def test_the_installed_command_drafts_from_another_folder_with_sources(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "examples" / "training-specialist.txt", elsewhere / "notes.txt")
    plan = json.loads(run(installed / "plancoach", "draft", "notes.txt", "--format", "json", "--drafter", "embedded",
                          cwd=elsewhere, env=clean_env(tmp_path)))
    assert plan["status"] == "draft" and plan["goals"]
    samples = [s["path"] for s in plan["sources"] if s["kind"] == "sample"]
    policy = [s["path"] for s in plan["sources"] if s["kind"] == "policy"]
    assert samples and policy
    # Sources name the bundled knowledge base's files, indexed by the installed package on first use.
    assert all((ROOT / "knowledge" / path).is_file() for path in samples + policy), samples + policy
    assert "policy/improvement-plan-policy.md" in policy
