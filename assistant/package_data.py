"""The folders that ship inside the package: the bundled prompts and knowledge base.

`prompts/` and `knowledge/` live at the repository's top level, where an organisation reads them and
writes its own after them; `assistant/bundled/` links them into the package, so that a wheel carries
them and an installed PlanCoach finds them through the package from any working directory. (The word
lists in `lexicons/<language>/` and the reader's model sit inside the package already; the organisation's
PLANCOACH_LEXICON_DIRS extend the word lists.) An organisation's own folders (PLANCOACH_PROMPTS_DIR,
PLANCOACH_KNOWLEDGE_DIRS) are read instead, as before.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled(name: str) -> Path:
    """The bundled folder `name` ('prompts' or 'knowledge') as a path on disk (PlanCoach is installed as
    files, never zipped: Chroma and the ingest walk these folders)."""
    return Path(str(resources.files(__package__) / "bundled" / name))
