"""The labelled corpus (training/notes/) as examples: each analysed sentence with the reading and owner
its writer gave the segment it sits in."""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from pathlib import Path

from ..notes import NotesAnalysis, analyse


@dataclass
class Example:
    analysis: NotesAnalysis
    index: int  # the sentence within the analysis
    reading: str
    owner: str | None
    language: str  # the note's: en, zh or mixed
    note: str  # the note's id
    keep_out: str = "keep"  # keep, sensitive or bias: what must stay out of a plan whatever its reading


def notes_text(doc: dict) -> str:
    """The notes as the manager wrote them: every segment's text followed by its separator."""
    return "".join(seg["text"] + seg.get("sep", "") for seg in doc["segments"])


def examples(doc: dict) -> list[Example]:
    """Every sentence the reader sees in one labelled note, with the label of the segment it starts in."""
    text = notes_text(doc)
    starts, pos = [], 0
    for seg in doc["segments"]:
        starts.append(pos)
        pos += len(seg["text"]) + len(seg.get("sep", ""))
    analysis = analyse(text, read=False)
    out = []
    for i, s in enumerate(analysis.sentences):
        k = bisect.bisect_right(starts, s.start) - 1
        if k < 0:
            continue
        seg = doc["segments"][k]
        flags = set(seg.get("flags", []))
        keep_out = next((k for k in ("sensitive", "bias", "injection") if k in flags), "keep")
        out.append(Example(analysis, i, seg["reading"], seg.get("owner"), doc["language"], doc["id"], keep_out))
    return out


def load(folder: Path) -> list[Example]:
    out: list[Example] = []
    for path in sorted(folder.glob("*.json")):
        out += examples(json.loads(path.read_text(encoding="utf-8")))
    return out
