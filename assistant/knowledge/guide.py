"""Learning mode's guide: why each plan section matters, with a weak and a strong example, read from the
SMART guide file (an organisation's own first, in the interface's language where it has one)."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from .documents import BUNDLED, read_document
from .errors import UnreadableFile

log = logging.getLogger("plancoach")


GUIDE_SECTIONS = ("Deficiencies", "Root causes", "Goals", "Responsibilities", "Check-ins")


# The guide's files by interface language, and what its headings and field labels mean in either language.
_GUIDE_FILES = {"en": ("smart-guide.md",), "zh": ("smart-guide.zh.md", "smart-guide.md")}
_GUIDE_HEADINGS = {"问题与证据": "Deficiencies", "根本原因": "Root causes", "目标": "Goals", "职责分工": "Responsibilities",
                   "跟进检查": "Check-ins"}
_GUIDE_FIELD = re.compile(r"^(Why it matters|Weak|Strong|Tip|为什么重要|较弱|较强|提示)\s*[:：]\s*(.+)$")
_GUIDE_KEYS = {"Why it matters": "why", "Weak": "weak", "Strong": "strong", "Tip": "tip",
               "为什么重要": "why", "较弱": "weak", "较强": "strong", "提示": "tip"}


def learning_guide(folders: list[Path] | None = None, language: str = "en") -> dict[str, dict[str, str]]:
    """Why each plan section matters, with a weak and a strong example, from the knowledge base's SMART guide,
    keyed by the English section names (GUIDE_SECTIONS).

    Read from the file, not the index, so that an organisation's own guide replaces ours: the first
    folder holding one wins, in the interface's language if it has that (`smart-guide.zh.md`), else English.
    """
    for folder in [*(folders or []), BUNDLED]:
        for name in _GUIDE_FILES.get(language, _GUIDE_FILES["en"]):
            path = next(iter(sorted(Path(folder).rglob(name))), None) if Path(folder).is_dir() else None
            if path is not None:
                try:
                    return _read_guide(path)
                except UnreadableFile as exc:  # the next folder's guide, or ours
                    log.warning("learning guide skipped: %s", exc)
    return {}


def _read_guide(path: Path) -> dict[str, dict[str, str]]:
    guide: dict[str, dict[str, str]] = {}
    _, body = read_document(path)
    for section in re.split(r"\n(?=##\s)", "\n" + body):
        lines = section.strip().splitlines()
        if not lines or not lines[0].startswith("## "):
            continue
        fields = {}
        for line in lines[1:]:
            m = _GUIDE_FIELD.match(line.strip())
            if m:
                fields[_GUIDE_KEYS[m.group(1)]] = m.group(2).strip()
        if fields:
            heading = lines[0][3:].strip()
            guide[_GUIDE_HEADINGS.get(heading, heading)] = fields
    return guide
