"""Targets a point states without a figure: a time of day ('stage ready by 17:00', '报表每天6:00前出'), none ('no
missed logs', '流程差错为零': 0) or every time ('every plant test logged', '全部完成': 100%).

The words are data (`[word_targets]` of each language's vocabulary): the drafter turns such a point into a goal
with a value, and the checks accept that value as one the notes give.
"""
from __future__ import annotations

import re
from functools import cache

from .lexicon import languages, terms, vocab_list
from .quantities import Quantity

CLOCK = "clock"  # the unit of a time-of-day target; its text is the time as written

_CLOCK = re.compile(r"""
    (?<![\d.:/])
    (?: (?:[01]?\d|2[0-3]) : [0-5]\d (?:\s?[ap]\.?m\.?)?   # 17:00, 6:00, 5:30pm
      | (?:1[0-2]|0?[1-9]) \s? [ap]\.?m\.?                  # 5pm, 11 a.m.
      | (?:[01]?\d|2[0-3]) 点 半?                           # 6点, 6点半
    )
    (?![\d:/])""", re.I | re.X)


@cache
def _words(key: str) -> re.Pattern[str]:
    return terms(tuple(w for lang in languages() for w in vocab_list("word_targets", key, lang)))


@cache
def _opening(key: str) -> re.Pattern[str]:
    """The key's words at the start of a point, after any lead ('and no gaps…', 'So I want every test…'), or
    right after a colon ('the measures are: no fence line short')."""
    return re.compile(rf"(?:^|[:：])[\s\-–•*>#.,、·]*(?:(?:{_words('lead').pattern})[\s,，]*)*(?:{_words(key).pattern})",
                      re.I | re.ASCII)


def _stated(item: str, key: str) -> tuple[int, int] | None:
    """Where the point states the key's target: the opening words with their lead ('and no'), or (0, 0) for words
    found further in, which stay part of what is measured ('PM checklist signed every week')."""
    for pattern, at_start in ((_opening(f"{key}_opening"), True), (_words(f"{key}_anywhere"), False)):
        for m in pattern.finditer(item):
            rest = item[m.end():]
            if not rest.startswith("-") and not _words("not_after").match(rest.lstrip()):  # not 'no-shows', 'no later'
                return m.span() if at_start else (0, 0)
    return None


def word_target(item: str) -> Quantity | None:
    """The value of a point that gives its target without a figure, or None. The quantity's text is the opening
    words that say it ('and no'), for the metric to drop, or its value where the words stay in the metric."""
    clock = _CLOCK.search(item)
    if clock:
        return Quantity(clock.group(0), clock.start(), clock.end(), 0.0, CLOCK, None, "<=", False)
    for key, value, unit in (("none", 0.0, ""), ("every", 100.0, "%")):
        span = _stated(item, key)
        if span:
            start, end = span
            text = item[start:end].strip(" :：") if end else f"{value:g}{unit}"
            return Quantity(text, start, end, value, unit, None, None, False)
    return None
