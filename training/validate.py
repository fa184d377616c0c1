"""Check labelled note files (training/notes/*/*.json) against the corpus format in training/README.md.

    python training/validate.py training/notes/train/some-note.json ...   # or no argument: every file
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

FLAGS = {"sensitive", "bias", "injection", "private"}
EXPECT_KEYS = {"deficiencies", "goal_targets", "deadline_window", "deadlines", "parties", "owners", "wrong_owner",
               "forbidden", "flags", "not_deficiencies", "employee", "insufficient"}
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from assistant.reader import OWNERS, READINGS  # noqa: E402
from assistant.reader.corpus import notes_text  # noqa: E402


def problems(doc: dict) -> list[str]:  # noqa: C901 -- predates the complexity budget
    out = []
    for key in ("id", "language", "style", "provenance", "segments", "header", "expect"):
        if key not in doc:
            out.append(f"missing top-level key {key!r}")
    if out:
        return out
    if doc["language"] not in ("en", "zh", "mixed"):
        out.append("language must be en, zh or mixed")
    for i, seg in enumerate(doc["segments"]):
        where = f"segments[{i}] {seg.get('text', '')[:40]!r}"
        if not isinstance(seg.get("text"), str) or not seg["text"].strip():
            out.append(f"{where}: text must be a non-empty string")
        if seg.get("text", "") != seg.get("text", "").strip():
            out.append(f"{where}: text must not start or end with whitespace (put it in sep)")
        if "\n" in seg.get("text", ""):
            out.append(f"{where}: text must not hold a line break (split it into segments)")
        if seg.get("reading") not in READINGS:
            out.append(f"{where}: reading {seg.get('reading')!r} is not one of {sorted(READINGS)}")
        owner = seg.get("owner")
        if seg.get("reading") == "action" and owner not in OWNERS:
            out.append(f"{where}: an action needs owner employee, manager or organisation")
        if owner is not None and owner not in OWNERS:
            out.append(f"{where}: owner {owner!r} is not one of {sorted(OWNERS)} or null")
        bad = set(seg.get("flags", [])) - FLAGS
        if bad:
            out.append(f"{where}: unknown flags {sorted(bad)}")
        if not isinstance(seg.get("sep", ""), str) or seg.get("sep", "").strip():
            out.append(f"{where}: sep must be whitespace only")
    h = doc["header"]
    for key in ("employee", "role", "manager", "interview_date"):
        if key not in h:
            out.append(f"header.{key} missing (use null when the notes do not say)")
    if h.get("interview_date"):
        try:
            dt.date.fromisoformat(h["interview_date"])
        except ValueError:
            out.append("header.interview_date must be YYYY-MM-DD or null")
    text = notes_text(doc)
    for key in ("employee", "role", "manager"):
        if h.get(key) and h[key] not in text:
            out.append(f"header.{key} {h[key]!r} does not appear in the notes as written")
    e = doc["expect"]
    bad = set(e) - EXPECT_KEYS
    if bad:
        out.append(f"expect has unknown keys {sorted(bad)}")
    if not e.get("insufficient"):
        for key in ("deficiencies", "goal_targets", "deadline_window", "parties", "forbidden", "flags"):
            if key not in e:
                out.append(f"expect.{key} missing")
    for x in e.get("goal_targets", []):
        if str(x) not in text.replace(",", ""):
            out.append(f"expect.goal_targets {x!r} is not in the notes")
    for x in e.get("forbidden", []):
        if x.lower() not in text.lower():
            out.append(f"expect.forbidden {x!r} is not in the notes")
    return out


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(HERE.glob("notes/*/*.json"))
    bad = 0
    for f in files:
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            print(f"{f}: {e}")
            bad += 1
            continue
        for p in problems(doc):
            print(f"{f}: {p}")
            bad += 1
    print(f"{len(files)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
