"""Load the word lists in `lexicons/` and compile them into regular expressions once.

English terms match on word boundaries, case-insensitively; Chinese terms match anywhere
(Chinese has no spaces between words).
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    with open(LEXICON_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def _bounded(pattern: str) -> str:
    if _CJK.search(pattern):
        return pattern
    head = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9(]", pattern) else ""
    tail = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9)?+*]$", pattern) else ""
    return f"{head}(?:{pattern}){tail}"


@lru_cache(maxsize=None)
def terms(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation for a list of terms; longest terms first so phrases win."""
    ordered = sorted(patterns, key=len, reverse=True)
    # ASCII case-folding: Unicode folding makes compiling these alternations ten times slower,
    # and Chinese has no case anyway.
    return re.compile("|".join(_bounded(p) for p in ordered), re.IGNORECASE | re.ASCII)


def vocab(section: str, key: str) -> re.Pattern[str]:
    return terms(tuple(load("vocabulary")[section][key]))


def vocab_list(section: str, key: str) -> list[str]:
    return list(load("vocabulary")[section][key])


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=1)
def _areas() -> list[tuple[str, str, re.Pattern[str]]]:
    return [(a["en"], a["zh"], terms(tuple(a["keywords"]))) for a in load("areas")["area"]]


def area_name(text: str, language: str) -> str | None:
    """The performance area whose keywords the text uses most (first listed wins a tie)."""
    best, best_hits = None, 0
    for en, zh, pattern in _areas():
        hits = len(pattern.findall(text))
        if hits > best_hits:
            best, best_hits = (zh if language == "zh" else en), hits
    return best
