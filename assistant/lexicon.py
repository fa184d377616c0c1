"""Load the word lists in `lexicons/` and compile them into regular expressions once.

Each language has a folder (`lexicons/en/`, `lexicons/zh/`) with a `profile.toml` and the same file names;
what is no language's (a chat template's tokens) is in `lexicons/common/`. An organisation's folders
(PLANCOACH_LEXICON_DIRS) have the same layout and extend the bundled lists, or add a language.
English terms match on word boundaries, case-insensitively; Chinese terms match anywhere
(Chinese has no spaces between words).
"""
from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator
from functools import cache, cached_property, lru_cache
from pathlib import Path

from . import compiled
from .errors import PlanCoachError
from .textutil import text_cache

LEXICON_DIR = Path(__file__).with_name("lexicons")
COMMON = "common"  # the folder of what every language shares


class LexiconError(PlanCoachError):
    """A word list in a lexicon folder cannot be read; the message names the file."""


def lexicon_dirs() -> tuple[Path, ...]:
    """The bundled word lists, then the organisation's folders (PLANCOACH_LEXICON_DIRS), each extending those before it."""
    from .settings import get_settings

    return (LEXICON_DIR, *(get_settings().lexicon_dirs or ()))


@cache
def languages() -> tuple[str, ...]:
    """The code of every language with a profile (a folder holding `profile.toml`), the bundled ones first."""
    codes: list[str] = []
    for folder in lexicon_dirs():
        codes += [p.parent.name for p in sorted(folder.glob("*/profile.toml")) if p.parent.name not in codes]
    return tuple(codes)


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"the word list {path} is not valid TOML ({exc}): fix it or remove it from "
                           "PLANCOACH_LEXICON_DIRS") from None


def _extend(into: dict, more: dict, *, replace: bool) -> dict:
    """Tables merged key by key and lists joined; a single value (a name, a why) is replaced, or kept when
    `replace` is off (several languages' parts: the first language's)."""
    for key, value in more.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _extend(old, value, replace=replace)
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = old + value
        elif old is None or replace:
            into[key] = value if not isinstance(value, dict) else _extend({}, value, replace=True)
    return into


@cache
def _language_part(name: str, lang: str) -> dict:
    """One folder's `name.toml`, bundled then each organisation folder's, extending it."""
    part: dict = {}
    for folder in lexicon_dirs():
        path = folder / lang / f"{name}.toml"
        if path.exists():
            _extend(part, _read(path), replace=True)
    return part


@cache
def load(name: str, lang: str | None = None) -> dict:
    """The word list `name`: one language's part (`lang`), or what every language contributes (mixed notes
    use both); what is in `common/` is in both."""
    parts = [_language_part(name, code) for code in ((lang,) if lang else languages())]
    merged: dict = {}
    for part in (*parts, _language_part(name, COMMON)):
        _extend(merged, part, replace=False)
    if lang is None and not merged:
        raise LexiconError(f"no word list {name}.toml in {', '.join(map(str, lexicon_dirs()))}: reinstall PlanCoach")
    return merged


@cache
def _word_letter() -> str:
    """A letter or digit of a language written with spaces, in any script ('í' of 'línea', 'ü' of 'Müller'), as a
    character class: a term must not start or end beside one. The letters of a language written without spaces
    (Chinese) are no such letter: 'SLA' is a word in 'SLA达标'."""
    from .language import profiles  # the profiles are word lists too: read through this module

    return "[^\\W_" + "".join(p.letters for p in profiles() if not p.spaces) + "]"


def _edges(pattern: str) -> tuple[bool, bool]:
    """Whether a term needs a word boundary before it and after it: not in a language written without spaces
    (matched anywhere), nor beside a character of the term that is no letter ('$' of '$5k')."""
    from .language import unspaced

    if unspaced(pattern):
        return False, False
    return bool(re.match(r"[^\W_]|\(", pattern)), bool(re.search(r"(?:[^\W_]|[)?+*])$", pattern))


def _alternation(ordered: list[str], *, heads: bool = True) -> str:
    """The terms as one alternation in their order, each run of terms that need the same boundaries under one
    pair of them: `H(?:a|b)T` finds what `HaT|HbT` finds, and compiling a boundary costs milliseconds (its
    letters are every script's; `(?u-i:...)` makes them Unicode in a pattern that is otherwise ASCII)."""
    runs = []
    for (head, tail), group in itertools.groupby(ordered, key=_edges):
        before = f"(?u-i:(?<!{_word_letter()}))" if head and heads else ""
        after = f"(?u-i:(?!{_word_letter()}))" if tail else ""
        runs.append(f"{before}(?:{'|'.join(group)}){after}")
    return "|".join(runs)


def _folded(pattern: str) -> str:
    """A term with letters outside ASCII ('línea') matches them in either case ('LÍNEA'); the others fold ASCII
    only: Unicode folding makes compiling these alternations ten times slower, and Chinese has no case anyway."""
    return f"(?u:{pattern})" if any(c.isalpha() and c.upper() != c.lower() and not c.isascii() for c in pattern) else pattern


@cache
def terms(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation for a list of terms; longest terms first so phrases win."""
    if not patterns:
        return re.compile("(?!)")  # an empty list matches nothing (an empty alternation would match everywhere)
    ordered = sorted(patterns, key=len, reverse=True)
    return compiled.regex(_alternation([_folded(p) for p in ordered]), re.IGNORECASE | re.ASCII)


def _has_capital(term: str) -> bool:
    """An upper-case letter that is not an escape such as \\S."""
    return any(c.isupper() and not term[:i].endswith("\\") for i, c in enumerate(term))


def lowered(text: str) -> str:
    """Letters lower-cased where that keeps them one character ('Á' -> 'á'; not 'İ', which becomes two), so
    every offset is kept: what `Terms` searches."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _word_character(c: str) -> bool:
    """`_word_letter()` for one character."""
    from .language import unspaced

    return c.isalnum() and not unspaced(c)


class Terms:
    """A word list matched as `terms()` matches it, about six times faster, for the lists asked of
    every sentence (screening, areas, judgement words). Python's `re` cannot skip ahead to where a
    term may start when each term opens with a look-behind and the match ignores case; so the text
    is lower-cased (`lowered`, which keeps every offset), the pattern is case-sensitive, and the
    left word boundary is checked here. The right one is checked in the pattern for ASCII letters, which
    compile fast; a term that ends beside another letter ('caf' of 'café') is tried again with every
    script's letters (`exact`, compiled the first time such a text comes)."""

    def __init__(self, patterns: tuple[str, ...]):
        for p in patterns:
            if _has_capital(p):
                raise ValueError(f"lexicon term {p!r}: write terms in lower case (matching ignores case)")
        self.words = patterns
        ordered = sorted(patterns, key=len, reverse=True)
        self._expanded = [p for term in ordered for p in _expand_lead(term)]
        self.pattern = compiled.regex("|".join(f"(?:{p})(?![A-Za-z0-9])" if _edges(p)[1] else f"(?:{p})" for p in self._expanded)
                                  or "(?!)", re.ASCII)

    @cached_property
    def exact(self) -> re.Pattern[str]:
        """The pattern with the right word boundary of every script."""
        return compiled.regex(_alternation(self._expanded, heads=False) or "(?!)", re.ASCII)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        return self.spans_lowered(lowered(text))

    def spans_lowered(self, low: str) -> Iterator[tuple[int, int]]:
        """`spans` of text already passed through `lowered` (when several lists search one text)."""
        pos = 0
        while (m := self.pattern.search(low, pos)) is not None:
            start, end = m.span()
            if start > 0 and _word_character(low[start]) and _word_character(low[start - 1]):
                pos = start + 1  # inside a word: a term may still start further on
                continue
            if end < len(low) and not low[end].isascii() and _word_character(low[end]) and _word_character(low[end - 1]):
                m = self.exact.match(low, start)  # 'caf' of 'café': another term may end at a boundary
                if m is None:
                    pos = start + 1
                    continue
                start, end = m.span()
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


def vocab(section: str, key: str, lang: str | None = None) -> re.Pattern[str]:
    """A list of `vocabulary.toml` as one pattern: one language's (`lang`), or every language's."""
    return terms(tuple(load("vocabulary", lang).get(section, {}).get(key, ())))


@lru_cache(maxsize=1)
def _retractions() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load("vocabulary").get("spoken", {}).get("retractions", ())) or "(?!)", re.I)


# What is said instead after the words that take something back: a figure, a name, a day ('it's Wednesday, the
# thirteenth', 'not three, four'), in Chinese any words (not a sentence of the speaker's own: 'I meant to ask').
_SAID_INSTEAD = re.compile(r"[\s,:;—–-]*(?:(?i:scratch\s+that|i\s+mean|make\s+(?:that|it)|or\s+rather|sorry|it'?s|it\s+is"
                           r"|it\s+was|not\s+\w+)[\s,:;—–-]+)*(?:the\s+)?(?:\d|[A-Z][a-z]|[\u4e00-\u9fff])")


def retracted(text: str, end: int) -> bool:
    """The words of `text` before `end` are taken back at once, as a dictating speaker does, and something is said
    instead: 'Tuesday the twelfth — no, scratch that, it's Wednesday', 'Margit — sorry, Margrit', '三月五号，哦不对不对，今天是
    三月六号' (not '3 March, I mean it was a long one', nor 'Priya, sorry, I meant to ask')."""
    taken = _retractions().match(text, end)
    return taken is not None and _SAID_INSTEAD.match(text, taken.end()) is not None


def vocab_terms(section: str, key: str, lang: str | None = None) -> Terms:
    """`vocab` for the lists asked of every sentence: the faster `Terms`, same matches."""
    return fast_terms(tuple(load("vocabulary", lang).get(section, {}).get(key, ())))


@cache
def commitment_terms(what: str) -> Terms:
    """A list of `commitments.toml` (every language's): how notes say in words who will do something ('manager',
    'organisation', 'speaker') or what the target is ('target')."""
    return fast_terms(tuple(load("commitments")[what]))


def vocab_list(section: str, key: str, lang: str | None = None) -> list[str]:
    return list(load("vocabulary", lang).get(section, {}).get(key, ()))


@cache
def label_alternation(key: str, lang: str) -> str:
    """A list of field labels of `vocabulary.toml` as the body of one alternation, longest first, a space in a label
    matching any run of spaces ('line manager', 'Line  manager'): for patterns that find the field's colon after it."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(vocab_list("labels", key, lang), key=len, reverse=True))


# What opens like a surname but names a day ('周五' Friday, '周末', '周年') or is a common word ('简单', '方便', '许多').
NOT_A_ZH_NAME = "(?!周[一二三四五六日天末年](?:(?![\u4e00-\u9fff])|(?=[周到至和或、早晚上下中]))|季度|方面|方案|方便|方法|马上|简单|许多)"  # (周天宇 is a name; '季度面谈',
# '周五周六晚上' are no one)


@lru_cache(maxsize=1)
def not_in_given_names() -> str:
    """The characters no Chinese given name is written with ('的', '说', '员'), as a character class's inside."""
    return str(load("vocabulary", "zh")["roles"]["not_in_given_names"])


@lru_cache(maxsize=2)
def zh_name(loose: bool = False) -> str:
    """A Chinese personal name, as a pattern: a surname (one character or two) and one or two more characters that
    a given name may be written with (any, when `loose`), or a name written with a middle dot ('艾力·买买提'); never a
    weekday ('周五') nor an anniversary ('周年')."""
    roles = load("vocabulary", "zh")["roles"]
    compound = "|".join(roles["compound_surnames"])
    given = r"[\u4e00-\u9fff]{1,2}" if loose else rf"(?:(?![{not_in_given_names()}])[\u4e00-\u9fff]){{1,2}}"
    return (rf"(?:[\u4e00-\u9fff]{{2,4}}·[\u4e00-\u9fff]{{2,4}}|(?:{compound}){given}"
            rf"|{NOT_A_ZH_NAME}[{roles['surnames']}]{given})")


# Words that open as a familiar name does but name no one: '大家', '小组', '老板', '老师', '大伙', '小时'.
_NOT_FAMILIAR = "大家|大伙|小组|老板|老师|小时|小区|老家|大约|大概"


@cache
def talked_of() -> str:
    """Someone a Chinese sentence says the writer talked with, as a pattern: a familiar name ('大刘', '小彭', '阿强'; not
    '老板', '大家', '小组') or a full name."""
    surnames = load("vocabulary", "zh")["roles"]["surnames"]
    return rf"(?:(?!{_NOT_FAMILIAR})[小老大][{surnames}]|阿[\u4e00-\u9fff]|{zh_name()})"


def familiar_name(word: str) -> bool:
    """A colleague called by their surname after a familiar prefix ('老马', '小周'): a name, never a job."""
    roles = load("vocabulary", "zh")["roles"]
    return len(word) == 2 and word[0] in roles["familiar_prefixes"] and word[1] in roles["surnames"]


@lru_cache(maxsize=1)
def _areas() -> tuple[Terms, list[tuple[str, Terms]]]:
    """Every area's keywords in every language, and all of them in one list: most sentences name no area, and
    one search says so."""
    areas = load("areas")
    every = fast_terms(tuple(dict.fromkeys(k for a in areas.values() for k in a["keywords"])))
    return every, [(key, fast_terms(tuple(a["keywords"]))) for key, a in areas.items()]


@text_cache()
def area_name(text: str, language: str) -> str | None:
    """The name, in `language` (else in the first language), of the performance area whose keywords the text
    uses most (first listed wins a tie)."""
    low = lowered(text)
    every, areas = _areas()
    if next(every.spans_lowered(low), None) is None:
        return None
    best, best_hits = None, 0
    for key, keywords in areas:
        hits = sum(1 for _ in keywords.spans_lowered(low))
        if hits > best_hits:
            best, best_hits = key, hits
    if best is None:
        return None
    return load("areas", language).get(best, {}).get("name") or load("areas")[best]["name"]
