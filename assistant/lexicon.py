"""Load the word lists in `lexicons/` and compile them into regular expressions once.

English terms match on word boundaries, case-insensitively; Chinese terms match anywhere
(Chinese has no spaces between words).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from .textutil import text_cache

LEXICON_DIR = Path(__file__).with_name("lexicons")
_CJK = re.compile(r"[\u3400-\u9fff]")


@cache
def load(name: str) -> dict:
    with open(LEXICON_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


_HEAD = r"(?<![A-Za-z0-9])"


def _bounded(pattern: str) -> str:
    if _CJK.search(pattern):
        return pattern
    head = _HEAD if re.match(r"[A-Za-z0-9(]", pattern) else ""
    tail = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9)?+*]$", pattern) else ""
    return f"{head}(?:{pattern}){tail}"


@cache
def terms(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation for a list of terms; longest terms first so phrases win."""
    ordered = sorted(patterns, key=len, reverse=True)
    # ASCII case-folding: Unicode folding makes compiling these alternations ten times slower,
    # and Chinese has no case anyway.
    return re.compile("|".join(_bounded(p) for p in ordered), re.IGNORECASE | re.ASCII)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")  # an upper-case letter that is not an escape such as \S


def lowered(text: str) -> str:
    """ASCII letters lower-cased, everything else (and so every offset) kept: what `Terms` searches."""
    return text.translate(_ASCII_LOWER)


class Terms:
    """A word list matched as `terms()` matches it, about six times faster, for the lists asked of
    every sentence (screening, areas, judgement words). Python's `re` cannot skip ahead to where a
    term may start when each term opens with a look-behind and the match ignores case; so the text
    is lower-cased (ASCII only, which keeps every offset), the pattern is case-sensitive, and the
    left word boundary is checked here."""

    def __init__(self, patterns: tuple[str, ...]):
        for p in patterns:
            if _UPPER_LITERAL.search(p):
                raise ValueError(f"lexicon term {p!r}: write terms in lower case (matching ignores case)")
        self.words = patterns
        ordered = sorted(patterns, key=len, reverse=True)
        self.pattern = re.compile("|".join(_bounded(p).removeprefix(_HEAD) for term in ordered for p in _expand_lead(term)),
                                  re.ASCII)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        return self.spans_lowered(lowered(text))

    def spans_lowered(self, low: str) -> Iterator[tuple[int, int]]:
        """`spans` of text already passed through `lowered` (when several lists search one text)."""
        pos = 0
        while (m := self.pattern.search(low, pos)) is not None:
            start, end = m.span()
            if start > 0 and low[start] in _ALNUM and low[start - 1] in _ALNUM:
                pos = start + 1  # inside a word: a term may still start further on
                continue
            yield start, end
            pos = max(end, start + 1)

    def found(self, text: str) -> list[str]:
        """The matched words, as written in `text`."""
        return [text[s:e] for s, e in self.spans(text)]

    def occurs_in(self, text: str) -> bool:
        """Whether any term is in `text` (the search stops at the first)."""
        return next(self.spans(text), None) is not None


# A term that opens with a group of plain words: '(?:her|his|their) age'.
_LEAD_GROUP = re.compile(r"^\(\?:([^()\\\[\]?*+{}.^$]*)\)(?![?*+{])")


def _expand_lead(term: str) -> list[str]:
    """'(?:her|his) age' as 'her age', 'his age', tried in the same order. One such term among
    hundreds keeps `re` from skipping to where a term may start; written out, every term opens
    with a letter, and a sentence is searched ten times faster."""
    m = _LEAD_GROUP.match(term)
    rest = term[m.end():] if m else ""
    return [alt + rest for alt in m.group(1).split("|")] if m and rest else [term]


@cache
def fast_terms(patterns: tuple[str, ...]) -> Terms:
    return Terms(patterns)


def vocab(section: str, key: str) -> re.Pattern[str]:
    return terms(tuple(load("vocabulary")[section][key]))


def vocab_terms(section: str, key: str) -> Terms:
    """`vocab` for the lists asked of every sentence: the faster `Terms`, same matches."""
    return fast_terms(tuple(load("vocabulary")[section][key]))


def vocab_list(section: str, key: str) -> list[str]:
    return list(load("vocabulary")[section][key])


@lru_cache(maxsize=1)
def zh_name() -> str:
    """A Chinese personal name, as a pattern: a surname (one character or two) and one or two more characters,
    or a name written with a middle dot ('艾力·买买提')."""
    roles = load("vocabulary")["roles"]
    compound = "|".join(roles["zh_compound_surnames"])
    return (rf"(?:[\u4e00-\u9fff]{{2,4}}·[\u4e00-\u9fff]{{2,4}}|(?:{compound})[\u4e00-\u9fff]{{1,2}}"
            rf"|[{roles['zh_surnames']}][\u4e00-\u9fff]{{1,2}})")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=1)
def _areas() -> tuple[Terms, list[tuple[str, str, Terms]]]:
    """Every area's keywords, and all of them in one list: most sentences name no area, and one search says so."""
    areas = load("areas")["area"]
    every = fast_terms(tuple(dict.fromkeys(k for a in areas for k in a["keywords"])))
    return every, [(a["en"], a["zh"], fast_terms(tuple(a["keywords"]))) for a in areas]


@text_cache()
def area_name(text: str, language: str) -> str | None:
    """The performance area whose keywords the text uses most (first listed wins a tie)."""
    low = lowered(text)
    every, areas = _areas()
    if next(every.spans_lowered(low), None) is None:
        return None
    best, best_hits = None, 0
    for en, zh, keywords in areas:
        hits = sum(1 for _ in keywords.spans_lowered(low))
        if hits > best_hits:
            best, best_hits = (zh if language == "zh" else en), hits
    return best
