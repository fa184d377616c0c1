"""A deadline set by an event the notes date elsewhere: 'a fortnight after the audit', with 'MCA audit is 14 April'
further up."""
from __future__ import annotations

import datetime as dt
import re

from ..dates import DateMention, add_length, find_dates

_AFTER_EVENT = re.compile(r"""
    \b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>fortnight|weeks?|days?|months?)
    \s+(?:after|following)\s+(?:the\s+|our\s+|her\s+|his\s+|their\s+)?
    (?P<event>[a-z][\w-]{2,})""", re.I | re.X)


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
    return sorted(out, key=lambda d: d.start)


def _event_date(event: str, notes: str, sentence: str, ref: dt.date) -> dt.date | None:
    """The date another line gives the event: its name, then a date a few words on ('audit is 14 April')."""
    word = event.lower()
    for line in notes.split("\n"):
        at = line.lower().find(word)
        if at < 0 or sentence.strip() in line:
            continue
        for d in find_dates(line[at:at + len(word) + 40], ref):
            if d.role in ("point", "deadline"):
                return d.date
    return None
