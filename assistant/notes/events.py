"""A deadline set by an event the notes date elsewhere: 'a fortnight after the audit', with 'MCA audit is 14 April'
further up; 'by the end of the run', with 'the panto run, which ends 10 January'."""
from __future__ import annotations

import datetime as dt
import re

from ..dates import MONTH_PATTERN, DateMention, add_length, find_dates

_AFTER_EVENT = re.compile(r"""
    \b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>fortnight|weeks?|days?|months?)
    \s+(?:after|following)\s+(?:the\s+|our\s+|her\s+|his\s+|their\s+)?
    (?P<event>[a-z][\w-]{2,})""", re.I | re.X)
_END_OF_EVENT = re.compile(r"""
    \b(?:by|before|until|till|through|for)\s+(?:the\s+)?(?:end|close|last\s+day)\s+of\s+
    (?:the\s+|this\s+|our\s+|her\s+|his\s+|their\s+)?(?P<event>[a-z][\w-]{2,})""", re.I | re.X)
# Periods the date rules read themselves ('by the end of the month', 'end of next quarter'), and the words of a
# recurring end ('by the end of each shift', 'of every day'): no event's day.
_PERIODS = re.compile(r"months?|quarters?|years?|weeks?|days?|shifts?|next|this|following|each|every|q[1-4]|" + MONTH_PATTERN,
                      re.I)
_ENDS = re.compile(r"\b(?:ends?|ending|finish(?:es)?|closes?|until|till|to|through)\s*(?:on\s+)?$|[-–]\s*$", re.I)


def event_deadlines(sentence: str, dates: list[DateMention], notes: str, ref: dt.date) -> list[DateMention]:
    """`dates` with a deadline for each 'N after <event>' whose event another line of the notes dates."""
    out = list(dates)
    for m in _AFTER_EVENT.finditer(sentence):
        held = _event_date(m.group("event"), notes, sentence, ref)
        if held is None:
            continue
        count, unit = m.group("count").lower(), m.group("unit").lower().rstrip("s")
        length = add_length(held, count, "week" if unit == "fortnight" else unit)[1] - held
        due = held + (2 * length if unit == "fortnight" else length)
        out = [d for d in out if d.end <= m.start() or d.start >= m.end()]  # 'two weeks' alone was only a length
        out.append(DateMention(m.group(0), m.start(), m.end(), due, "deadline"))
    for m in _END_OF_EVENT.finditer(sentence):
        if _PERIODS.fullmatch(m.group("event")) or any(d.start < m.end() and d.end > m.start() for d in out):
            continue
        if (ends := _event_date(m.group("event"), notes, sentence, ref, end=True)) is not None:
            out.append(DateMention(m.group(0), m.start(), m.end(), ends, "deadline"))
    return sorted(out, key=lambda d: d.start)


def _event_date(event: str, notes: str, sentence: str, ref: dt.date, end: bool = False) -> dt.date | None:
    """The date another line gives the event: its name, then a date a few words on ('audit is 14 April'); for its
    `end`, only a date an end word leads to ('the run, which ends 10 January', 'trial 3 March – 30 April')."""
    word = re.compile(rf"\b{re.escape(event)}\b", re.I)  # 'each' is not in 'teaching'
    for line in notes.split("\n"):
        named = word.search(line)
        if named is None or sentence.strip() in line:
            continue
        window = line[named.start():named.end() + 40]
        dated = [d for d in find_dates(window, ref) if d.role in ("point", "deadline", "end")]
        if end:
            dated = [d for d in dated if _ENDS.search(window[:d.start])]  # not the day it starts ('kicks off 13 April')
        if dated:
            return dated[0].date
    return None
