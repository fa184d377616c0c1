"""YAML front matter: the block between two '---' lines at the top of a knowledge file or of notes kept in a note app."""
from __future__ import annotations

import re
from functools import cache

from .lexicon import load

FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,20}?)\s*:\s*(?P<value>\S.*?)\s*$")
_FRONT_LINES = 12  # a note's front matter closes within this many lines


@cache
def _labels() -> dict[str, str]:
    """Each front-matter key that says who or when, and the form label it stands for ('who' -> 'Employee')."""
    table = load("vocabulary", "en")["front_matter"]
    return {key: label for label, keys in (("Employee", table["employee"]), ("Role", table["role"]),
                                           ("Manager", table["manager"]), ("Date", table["date"])) for key in keys}


def as_form(lines: list[str]) -> list[str]:
    """Notes' lines with their front matter's keys read as a form's labels: 'who: Renée Castellanos' as 'Employee: Renée
    Castellanos', 'as: night support worker' as 'Role: …', 'by:' as 'Manager:', 'on: 2026-06-09' as 'Date: …' (one
    person's name only: not 'people: [Ana, Ben]')."""
    if not lines or lines[0].strip() != "---":
        return lines
    end = next((i for i, line in enumerate(lines[1:_FRONT_LINES], 1) if line.strip() == "---"), None)
    if end is None:
        return lines
    out = list(lines)
    for i in range(1, end):
        field = _FIELD.match(lines[i])
        label = _labels().get(field["key"].strip().lower()) if field else None
        value = field["value"].strip("[]\"' ") if field else ""
        if field and label and value and not (label in ("Employee", "Manager") and re.search(r"[,;，、]", value)):
            out[i] = f"{label}: {value}"
    return out
