"""The README's start command (`scripts/start.sh`) as a newcomer sees it: a few lines of progress, not pip's
output, and the log's path when the install fails. Run on a copy of the script with a stand-in for pip (that prints
what a first install prints) and for `plancoach serve`, so it neither installs nor serves."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIP_LINES = 90


def _checkout(tmp_path: Path, pip_exit: int, installing_for: int = 0) -> Path:
    """A folder laid out like a checkout whose .venv holds a pip that prints a first install's lines (then spends
    `installing_for` seconds installing what it fetched) and exits with `pip_exit`, and a `plancoach` that says it
    serves."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "start.sh", tmp_path / "scripts" / "start.sh")
    bin_ = tmp_path / ".venv" / "bin"
    bin_.mkdir(parents=True)
    collecting = "\n".join(f"Collecting package-{n}" for n in range(PIP_LINES))
    installing = "Installing collected packages: " + ", ".join(f"package-{n}" for n in range(PIP_LINES))
    (bin_ / "python").write_text(f"#!/bin/sh\ncat <<'EOF'\n{collecting}\n{installing}\nEOF\nsleep {installing_for}\n"
                                 f"echo 'ERROR: no space left' >&2\nexit {pip_exit}\n")
    (bin_ / "plancoach").write_text("#!/bin/sh\necho \"serving: $*\"\n")
    fonts = tmp_path / "path"
    fonts.mkdir()
    (fonts / "fc-list").write_text("#!/bin/sh\necho 'WenQuanYi Zen Hei'\n")  # the Chinese font is there
    for script in (bin_ / "python", bin_ / "plancoach", fonts / "fc-list"):
        script.chmod(0o755)
    return tmp_path


def _start(folder: Path, **env_vars: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{folder / 'path'}:{os.environ['PATH']}", **env_vars}
    return subprocess.run(["bash", str(folder / "scripts" / "start.sh"), "--port", "7861"], check=False, env=env,
                          capture_output=True, text=True, timeout=60)


def test_the_start_command_shows_a_few_lines_of_progress_and_keeps_pips_output_in_a_log(tmp_path):
    folder = _checkout(tmp_path, 0)
    run = _start(folder)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Installing PlanCoach") and "Installed." in lines and lines[-1] == "serving: serve --port 7861"
    assert len(lines) <= 6 and "Collecting" not in run.stdout and not run.stderr
    assert (folder / ".venv" / "install.log").read_text().count("Collecting") == PIP_LINES


def test_a_failed_install_names_its_log_and_shows_its_last_lines(tmp_path):
    folder = _checkout(tmp_path, 1)
    run = _start(folder)
    assert run.returncode == 1 and "serving" not in run.stdout
    assert f"its output is in {folder / '.venv' / 'install.log'}" in run.stderr
    assert "ERROR: no space left" in run.stderr and run.stderr.count("Collecting") <= 5


def test_while_pip_installs_what_it_fetched_the_lines_say_so_and_move_on(tmp_path):
    """pip fetches for a minute, then installs in silence for two: the lines said 'N packages fetched so far' with
    the same N eight times over, as if stuck. They now say it is installing, and for how long so far."""
    folder = _checkout(tmp_path, 0, installing_for=4)
    run = _start(folder, PLANCOACH_PROGRESS_EVERY="1")
    assert run.returncode == 0, run.stderr
    moving = [line for line in run.stdout.splitlines() if line.startswith("  ... installing")]
    assert moving and all(re.fullmatch(rf"  \.\.\. installing the {PIP_LINES} packages \(\d+ s so far\)", m) for m in moving)
    assert "fetched so far" not in run.stdout and len(set(moving)) == len(moving)
