"""What changed between two states of a plan, as a unified diff of the plan as read (its Markdown) and of the notes."""
from __future__ import annotations

import difflib

from .export import to_markdown
from .schema import Plan


def plan_diff(before: Plan, after: Plan, before_label: str, after_label: str) -> str:
    """The plan's changes, line by line, with one line of context."""
    return _diff(to_markdown(before), to_markdown(after), before_label, after_label)


def edit_against_stored(stored: Plan, stored_notes: str, stored_by: str, plan: Plan, notes: str) -> str:
    """Someone else's saved version against the edit that was refused: the plan, then the notes if they differ."""
    theirs = f"{stored_by}'s version (saved)"
    parts = [plan_diff(stored, plan, theirs, "your edit (not saved)")]
    if notes.strip() != stored_notes.strip():
        parts.append(_diff(stored_notes, notes, f"{theirs}: notes", "your notes (not saved)"))
    return "\n\n".join(p for p in parts if p) or "(the plans are the same; only the notes' spacing differs)"


def _diff(a: str, b: str, a_label: str, b_label: str) -> str:
    return "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), a_label, b_label, lineterm="", n=1))
