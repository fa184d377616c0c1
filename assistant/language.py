"""Which language notes, and each of their sentences, are written in: a code ('en', 'zh', ...) of a language
with a folder of word lists.

Each language folder's `profile.toml` says how the language is recognised: the letters it is written in
(`letters`, a character class), how much one of them weighs against one letter of another script (`weight`:
a Chinese character says about as much as a four-letter word), whether words are separated by spaces
(`spaces`), and, for languages that share their letters with others (English, Spanish, ...), common short
words (`words`) that tell them apart. A new language is a new folder: no code names one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import languages, load


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    letters: str  # a character class, without its brackets
    weight: float
    spaces: bool
    words: frozenset[str]


@cache
def profiles() -> tuple[Profile, ...]:
    """Every language with a profile, the bundled ones first (English first: the language of last resort)."""
    out = []
    for code in languages():
        spec = load("profile", code)
        out.append(Profile(code, spec.get("name", code), spec["letters"], float(spec.get("weight", 1)),
                           bool(spec.get("spaces", True)), frozenset(spec.get("words", ()))))
    return tuple(out)


def profile(code: str) -> Profile:
    return next(p for p in profiles() if p.code == code)


@cache
def _scripts() -> tuple[tuple[re.Pattern[str], float, tuple[Profile, ...]], ...]:
    """The profiles grouped by the letters they share, each group with one pattern and its weight."""
    groups: dict[str, list[Profile]] = {}
    for p in profiles():
        groups.setdefault(p.letters, []).append(p)
    return tuple((re.compile(f"[{letters}]"), max(p.weight for p in group), tuple(group)) for letters, group in groups.items())


@cache
def _unspaced_letters() -> re.Pattern[str] | None:
    classes = "".join(p.letters for p in profiles() if not p.spaces)
    return re.compile(f"[{classes}]") if classes else None


def unspaced(text: str) -> bool:
    """Whether the text holds a letter of a language written without spaces between words (Chinese): such text
    is matched anywhere, not on word boundaries, and splits into words differently."""
    letters = _unspaced_letters()
    return letters is not None and letters.search(text) is not None


_WORD = re.compile(r"[^\W\d_]+")


def _by_words(text: str, group: tuple[Profile, ...], default: str | None) -> str:
    """Among languages sharing their letters, the one whose common words the text uses most; on a tie the
    `default` (the notes' language) if it is one of them, else the first."""
    if len(group) == 1:
        return group[0].code
    words = _WORD.findall(text.lower())
    counts = [sum(w in p.words for w in words) for p in group]
    best = max(counts)
    tied = [p.code for p, n in zip(group, counts, strict=True) if n == best]
    return default if default in tied else tied[0]


def language_of(text: str) -> str:
    """The language notes are written in: the letters with the most weight win (a tie goes to the heavier
    letters: one Chinese character for every four Latin letters makes notes Chinese), then common words
    decide among the languages written in them. Notes with no letters are in the first language."""
    best, best_score = None, (0.0, 0.0)
    for letters, weight, group in _scripts():
        score = (len(letters.findall(text)) * weight, weight)
        if score[0] > 0 and score > best_score:
            best, best_score = group, score
    return _by_words(text, best, None) if best else profiles()[0].code


@lru_cache(maxsize=4096)
def sentence_language(text: str, default: str | None = None) -> str:
    """A sentence's language: one with a letter of a language written without spaces is in it (a Chinese
    sentence often carries English words: 'CRM 记录不全'); another is in the language its letters and common
    words say, or `default` (the notes' language) when they say nothing."""
    heaviest = None
    for letters, weight, group in _scripts():
        found = len(letters.findall(text))
        if found and not group[0].spaces:
            return _by_words(text, group, default)
        if found and (heaviest is None or found * weight > heaviest[0]):
            heaviest = (found * weight, group)
    if heaviest is None:
        return default or profiles()[0].code
    return _by_words(text, heaviest[1], default)
