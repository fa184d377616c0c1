"""How often the notes say the manager and the employee meet to follow progress: 'check in every two weeks',
'weekly 1:1s', 'fortnightly catch-up', '每两周复盘一次'. The check-ins follow it (never further apart than the
policy allows); notes that say nothing leave the policy's spacing. And the day they set for the review
('we check in on 31 Aug', 'Review date: 31/03/2026', '8月31日复查'), which closes goals that give no date of their own.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .lexicon import vocab_terms
from .numbers import WORD_NUMBERS, zh_number

if TYPE_CHECKING:
    from .notes import Sentence

# A meeting to follow progress, in the same sentence as how often.
_MEETING = re.compile(
    r"""\b(?:check[- ]?ins?|check\s+in|catch[- ]?ups?|1[:-]1s?|one[- ](?:to|on)[- ]ones?|reviews?|review\s+(?:it|this|progress)
          |meet(?:ings?)?|sync(?:s|[- ]ups?)?|touch\s+base|sit\s+down)\b
      | 复盘 | 面谈 | 沟通 | 碰头 | 一对一 | 检查 | 跟进 | 过一下 | 对一下""",
    re.I | re.X,
)
_EVERY = re.compile(
    r"""\bevery\s+(?:(?P<other>other|second)\s+(?P<unit_o>week|month)
                    | (?P<n>\d{1,2}|[a-z]+)\s+(?P<unit_n>days|weeks|months)
                    | (?P<unit_1>day|week|month|fortnight))\b
      | \b(?P<adverb>daily|weekly|fortnightly|bi-?weekly|monthly)\b
      | 每(?:隔)?(?P<zh_n>[一二两三四五六七八九十\d]{0,2})(?:个)?(?P<zh_unit>天|日|周|星期|礼拜|月)
      | (?P<zh_double>双周)""",
    re.I | re.X,
)
_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 30}
_ADVERB = {"daily": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14, "bi-weekly": 14, "monthly": 30}


def stated_gap(sentences: list[str]) -> int | None:
    """Days between two check-ins as the notes state them, or None: the first sentence naming both a meeting and
    how often ('Check in every two weeks' 14, 'weekly 1:1s' 7, '每两周复盘一次' 14). Daily meetings are no plan's
    check-ins, so a gap under a week is not taken."""
    for text in sentences:
        if not _MEETING.search(text):
            continue
        for m in _EVERY.finditer(text):
            days = _days(m)
            if days and days >= 7:
                return days
    return None


def _days(m: re.Match[str]) -> int | None:
    if m["other"]:
        return 2 * _DAYS[m["unit_o"].lower()]
    if m["unit_n"]:
        n = int(m["n"]) if m["n"].isdigit() else WORD_NUMBERS.get(m["n"].lower())
        return n * _DAYS[m["unit_n"].lower().rstrip("s")] if n else None
    if m["unit_1"]:
        return _DAYS[m["unit_1"].lower()]
    if m["adverb"]:
        return _ADVERB[m["adverb"].lower()]
    if m["zh_double"]:
        return 14
    n = zh_number(m["zh_n"]) if m["zh_n"] else 1
    return n * _DAYS[m["zh_unit"]] if n else None


def stated_review(sentences: list[Sentence], start: dt.date) -> dt.date | None:
    """The last day after the interview that a sentence naming a review meeting sets ('Both to be achieved by the next
    review on 31 January 2027', 'Review date: three weeks from today'), or None. Not a review that is a task ('review
    the rota by 3 May', 'review 东区指标'), a day something starts from, a length ('posted 14 days ahead'), nor a day
    over a year ahead."""
    review = vocab_terms("meetings", "review")
    days = [d.date for s in sentences if s.kind != "excluded" and any(_MEETING_AFTER.match(s.text, end)
                                                                    for _, end in review.spans(s.text))
            for d in s.dates if d.role not in ("start", "duration") and start < d.date <= start + dt.timedelta(days=366)]
    return max(days, default=None)


# What follows a review word when it names a meeting, not a task: a date or a time word, a verb of arranging, the
# end of a clause ('review on 14 May', 'check-in is booked for…', 'Review date: …', '复查时间：', '面谈定在…', '…复盘。').
# 'review the rota', 'catch up on the backlog', 'reviews must average 4.5' are none.
_MEETING_AFTER = re.compile(r"""\s*(?:$|[,.:;!?)(（）：，。；！？]|\d
        | (?:on|in|at|by|for|date|meeting|session|is|will|was|set|booked|scheduled|planned|due|again|then|next|after
           |before|around|of\s+(?:progress|the\s+plan|this)|progress|it|this|with\s+(?:me|you|him|her|them))\b
        | 时间|日期|定在|安排在|在|于|前|后|时|一次|。|，)""", re.I | re.X)
