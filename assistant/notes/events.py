"""A deadline set by an event the notes date elsewhere: 'a fortnight after the audit', with 'MCA audit is 14 April'
further up; 'by the end of the run', with 'the panto run, which ends 10 January'."""
from __future__ import annotations

import datetime as dt
import re

from ..dates import MONTH_PATTERN, DateMention, add_length, find_dates
from ..numbers import zh_number

_AFTER_EVENT = re.compile(r"""
    \b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>fortnight|weeks?|days?|months?)
    \s+(?:after|following)\s+(?:the\s+|our\s+|her\s+|his\s+|their\s+)?
    (?P<event>[a-z][\w-]{2,})""", re.I | re.X)
# 'over the first six weeks of the season, which opens on 12 December': the event's start and that length after it
_FIRST_OF_EVENT = re.compile(r"""
    \b(?:over|in|during|for|within|through)\s+the\s+first\s+(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})
    \s+(?P<unit>weeks?|days?|months?)\s+of\s+(?:the\s+|our\s+|this\s+|next\s+)?(?P<event>[a-z][\w-]{2,})""", re.I | re.X)
# '审核后两周内', 'audit 后两周内', '验收后10天内': the same, written in Chinese (the event is the words before 后)
_AFTER_EVENT_ZH = re.compile(r"""(?P<event>[A-Za-z][\w-]{2,}|[\u4e00-\u9fff]{2,4})\s*(?:之后|以后|后)\s*
    (?P<count>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?P<unit>周|个星期|天|个月)(?:内|之内|以内)?""", re.X)
_ZH_UNITS = {"周": "week", "个星期": "week", "天": "day", "个月": "month"}
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
    for m in _AFTER_EVENT.finditer(sentence):  # the event dated further up, or right there: '… after the inspection on 9 March'
        held = _event_date(m.group("event"), notes, sentence, ref) or _dated_here(sentence[m.start("event"):], ref)
        if held is None:
            continue
        count, unit = m.group("count").lower(), m.group("unit").lower().rstrip("s")
        length = add_length(held, count, "week" if unit == "fortnight" else unit)[1] - held
        due = held + (2 * length if unit == "fortnight" else length)
        out = [d for d in out if d.end <= m.start() or d.start >= m.end()]  # 'two weeks' alone was only a length
        out.append(DateMention(m.group(0), m.start(), m.end(), due, "deadline"))
    for m in _FIRST_OF_EVENT.finditer(sentence):
        if _PERIODS.fullmatch(m.group("event")):
            continue  # 'over the first two weeks of the month': the date rules read that
        starts = _event_date(m.group("event"), notes, sentence, ref, before=len(sentence), start=m.start("event"))
        if starts is None:
            continue
        due = add_length(starts, m.group("count").lower(), m.group("unit").lower().rstrip("s"))[1]
        out = [d for d in out if d.end <= m.start() or d.start >= m.end()]
        out.append(DateMention(m.group(0), m.start(), m.end(), due, "deadline"))
    for m in _AFTER_EVENT_ZH.finditer(sentence):
        count = m.group("count") if m.group("count").isdigit() else str(zh_number(m.group("count")) or "")
        held = next((d for e in _tails(m.group("event")) if (d := _event_date(e, notes, sentence, ref, before=m.start()))), None)
        if held is None or not count:
            continue
        due = add_length(held, count, _ZH_UNITS[m.group("unit")])[1]
        out = [d for d in out if d.end <= m.start("count") or d.start >= m.end()]
        out.append(DateMention(m.group(0), m.start(), m.end(), due, "deadline"))
    for m in _END_OF_EVENT.finditer(sentence):
        if _PERIODS.fullmatch(m.group("event")) or any(d.start < m.end() and d.end > m.start() for d in out):
            continue
        if (ends := _event_date(m.group("event"), notes, sentence, ref, end=True)) is not None:
            out.append(DateMention(m.group(0), m.start(), m.end(), ends, "deadline"))
    return sorted(out, key=lambda d: d.start)


_DATED_ON = re.compile(r"[\w\s'-]{0,40}?\b(?:on|of|is|was|set\s+for)\s+")  # 'council inspection on ', 'audit is '


def _dated_here(event_on: str, ref: dt.date) -> dt.date | None:
    """The date the sentence gives its event as it names it ('inspection on 9 March'), not a deadline further on."""
    said = _DATED_ON.match(event_on)
    dated = [d for d in find_dates(event_on[said.end():], ref) if d.start == 0] if said else []
    return dated[0].date if dated else None


def _tails(event: str) -> list[str]:
    """An event named in Chinese may carry the words before it ('厂家审核'): its last two to four characters."""
    if not re.fullmatch(r"[\u4e00-\u9fff]+", event):
        return [event]
    return [event[i:] for i in range(len(event) - 1)]


def _event_date(event: str, notes: str, sentence: str, ref: dt.date, end: bool = False,
                before: int | None = None, start: int = 0) -> dt.date | None:
    """The date another line gives the event: its name, then a date a few words on ('audit is 14 April'); for its
    `end`, only a date an end word leads to ('the run, which ends 10 January', 'trial 3 March – 30 April'). With
    `before`, the sentence's own words from `start` up to there count as a line too ('audit 是 12月8号，audit 后两周内',
    '…of the season, which opens on 12 December')."""
    word = re.compile(rf"(?<![A-Za-z]){re.escape(event)}(?![A-Za-z])", re.I)  # 'each' is not in 'teaching'; 'audit后' is
    own = [sentence[start:before]] if before is not None else []
    for line in own + [line for line in notes.split("\n") if sentence.strip() not in line]:
        named = word.search(line)
        if named is None:
            continue
        window = line[named.start():named.end() + 40]
        dated = [d for d in find_dates(window, ref) if d.role in ("point", "deadline", "end", "start")]
        if end:
            dated = [d for d in dated if _ENDS.search(window[:d.start])]  # not the day it starts ('kicks off 13 April')
        if dated:
            return dated[0].date
    return None
