"""Shared fixtures: the dev evaluation cases live in ../shared beside the repository."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
HELDOUT = ROOT / "tests" / "heldout"

# One knowledge index for the whole run (and the next): the first draft indexes the bundled
# knowledge with the real embeddings, later ones reuse it. Tests that need their own store say so. Each checkout
# has its own: Chroma's embedded store is not shared safely between processes, and a second checkout's test run
# beside this one (CI on a clean clone) failed with "Error finding id" when they shared one.
_CHECKOUT = hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]
os.environ.setdefault("PLANCOACH_DATA_DIR", str(Path(tempfile.gettempdir()) / f"plancoach-test-data-{_CHECKOUT}"))
os.environ.setdefault("PLANCOACH_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"plancoach-test-cache-{_CHECKOUT}"))

TRAINER_NOTES = """Performance interview - training specialist (Li Na), review of July, held 2026-07-31 with HR manager.
- Training plan not fully implemented on time: 14 of 20 planned sessions ran as scheduled (70%). Company requires >= 90%.
- Li did not supervise or check the study groups' training in time; no weekly records collected.
Li's view: she didn't coordinate with the department heads in advance, so sessions clashed with production work.
Agreed for August: confirm each plan with the dept heads first; remind the responsible person 1 week before each session.
HR Minister to stress importance of training to the study groups and check Li's process weekly.
Team leaders submit written records after each session.
Target: plan completion rate >= 90% by 31 Aug."""

# Notes the LLM drafter asks the model about: two people are named, and either could be the employee.
TWO_NAMES = """Catch-up with Tom Baker and Karen Wu, 3 June 2026.
- Tom's dispatch error rate was 6% in May against a 2% standard.
- Karen said the new routing screen confuses the night shift.
- Tom to complete the routing refresher by 20 June.
- I will pair Tom with Karen for two night shifts next week.
- Target: error rate <= 2% by 31 July."""


def load_cases(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def training_note(folder: str, name: str) -> str:
    """The text of a labelled note of the repository's corpus (`training/notes/FOLDER/*NAME*.json`)."""
    from assistant.reader.corpus import notes_text

    path = next((ROOT / "training" / "notes" / folder).glob(f"*{name}*.json"))
    return notes_text(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture
def trainer_notes() -> str:
    return TRAINER_NOTES


@pytest.fixture
def evaluate_module():
    """The shared evaluation harness, imported from ../shared (skipped where the checkout has no shared/)."""
    if not (SHARED_EVAL / "evaluate.py").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    sys.path.insert(0, str(SHARED_EVAL))
    try:
        import evaluate
    finally:
        sys.path.pop(0)
    return evaluate


@pytest.fixture(scope="session")
def knowledge_index():
    """The bundled knowledge, indexed, for a test that needs the index itself. Only tests that ask for it
    (or start an app: `servers.running_app` asks) pay for Chroma and the encoder; a draft in the test
    process indexes on first use by itself."""
    from .servers import shared_knowledge_index

    return shared_knowledge_index()


@pytest.fixture(scope="session")
def postgres_databases():
    """A throwaway PostgreSQL server for the test run; each call of the yielded function makes a fresh database."""
    from .servers import running_postgres

    with running_postgres() as new_database:
        yield new_database


STORE_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=STORE_BACKENDS)
def store_url(request, tmp_path):
    """The URL of a fresh, empty plan store: a SQLite file, and (marker `postgres`) a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'plans.db'}"
    return request.getfixturevalue("postgres_databases")()
