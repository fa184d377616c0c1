"""A review flag in the reader's language and in plain words: its message, its suggestion and where it points
("Goal G2 · deadline", never "goals[1].deadline")."""
from __future__ import annotations

import functools
import re

from ..lexicon import load
from ..schema import Plan, ReviewFlag
from . import LANGUAGES, read_back, rewrite, term, terms, translate_value

_LOCATION = re.compile(r"""
    (?:notes:(?P<sentence>S\d+))                  # a sentence of the notes
    | (?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?  # a section, or one row of it
      (?:\.(?P<field>[a-z_]+))?                   # and one of its fields
    """, re.VERBOSE)
_ROWS = {"deficiencies": "deficiencies", "goals": "goals"}  # sections whose rows have ids the manager sees


def _row_name(section: str, index: int, plan: Plan | None) -> str:
    rows = getattr(plan, _ROWS[section], []) if plan is not None and section in _ROWS else []
    return rows[index].id if 0 <= index < len(rows) else str(index + 1)


def where(location: str | None, lang: str, plan: Plan | None = None) -> str:
    """Where a flag points, as a person says it: 'Goal G1 · deadline', 'Notes, sentence S4', 'Responsibilities'."""
    m = _LOCATION.fullmatch(location or "")
    if not m:
        return location or ""
    if m["sentence"]:
        return f"{term(lang, 'section', 'notes')} {m['sentence']}"
    section, index, field = m["section"], m["index"], m["field"]
    if index is None:
        name = term(lang, "section", f"all_{section}") if f"all_{section}" in terms(lang, "section") else \
            term(lang, "section", section)
    else:
        name = f"{term(lang, 'section', section)} {_row_name(section, int(index), plan)}"
    return f"{name} · {term(lang, 'field', field)}" if field else name


@functools.cache
def _bias(lang: str) -> dict:
    return load("bias", lang)


@functools.cache
def _lexicon_reasons() -> dict[str, tuple[str, str]]:
    """The bias lists' why and instead in every language -> (category, 'why' | 'instead')."""
    found = {}
    for lang in LANGUAGES:
        for category, spec in _bias(lang).items():
            for part in ("why", "instead"):
                found[spec[part]] = (category, part)
    return found


def _reason(value: str, lang: str) -> str:
    """A screening list's why or instead in `lang` (the bias lists have each language; the others are named
    in `terms.reason`)."""
    hit = _lexicon_reasons().get(value)
    if hit:
        category, part = hit
        return _bias(lang).get(category, {}).get(part, value)
    return translate_value(value, lang)


def _values(plan: Plan | None):
    def value(name: str, written: str, lang: str) -> str:
        if name == "where":
            return where(written, lang, plan)
        if name in ("why", "instead"):
            return _reason(written, lang)
        if name == "goal_index":
            return _row_name("goals", int(written), plan)
        if name in ("cause_index", "action_index"):
            return str(int(written) + 1)
        return translate_value(written, lang, name)
    return value


def message(flag: ReviewFlag, lang: str, plan: Plan | None = None) -> str:
    return rewrite("checks", flag.message, lang, _values(plan))


def suggestion(flag: ReviewFlag, lang: str, plan: Plan | None = None) -> str:
    """The suggested fix in `lang`: a check's tip, or a screening list's advice."""
    written = flag.suggestion or ""
    if read_back("checks", written):
        return rewrite("checks", written, lang, _values(plan))
    return _reason(written, lang)


def severity(flag: ReviewFlag, lang: str) -> str:
    return term(lang, "severity", flag.severity)


def kind(flag: ReviewFlag, lang: str) -> str:
    return term(lang, "kind", flag.kind)


def row(flag: ReviewFlag, lang: str, plan: Plan | None = None) -> list[str]:
    """The flags table's row: severity, kind, message, where, suggestion."""
    return [severity(flag, lang), kind(flag, lang), message(flag, lang, plan), where(flag.location, lang, plan),
            suggestion(flag, lang, plan)]


__all__ = ["kind", "message", "row", "severity", "suggestion", "where"]
