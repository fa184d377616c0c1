"""Find dates in notes and resolve them against the interview date.

Notes write dates every way a person does ("31 Aug", "5/23", "end of April", "5月底前",
"next 2 sprints (ending Oct 24)", "60-day plan"); a goal needs an ISO deadline. A date
without a year is the occurrence nearest the interview (the next one, for a deadline).
"""
from __future__ import annotations

import calendar
import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .language import unspaced
from .lexicon import load, retracted
from .numbers import COUNT_WORDS, WORD_NUMBERS, in_figures, zh_number
from .textutil import text_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}

MONTH_PATTERN = _MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_M = "(" + _MONTH + ")"
_YEAR = r"(\d{4}|['’]\d{2})"  # '2026', or '26 after an apostrophe
# ... and after a day and a month, two digits alone where a field ends: '1:1 nts - Jaylen - 9 jun 27 - me = Sandra'
# or after a hyphen: '18-Dec-26', '18-Dec-2026'
_YEAR_AFTER_DAY = r"(\d{4}|['’]\d{2}|(?<=-)\d{2}(?![\w:-])|\d{2}(?=[ \t]*(?:[-–—|;)\]\n]|$)))"
_BEFORE_YEAR = r"(?:,?\s+|-(?=\d{2}(?:\d{2})?(?![\w:-])))"  # (not '15-Mar-31-Mar', a range; nor '14-Jun-10am', a time)
_ORDINAL_DAYS: dict[str, int] = load("calendar", "en")["ordinal_days"]
# '25 Nov', '25th Nov', '25th, Nov', '25-Nov' (not '3, Nov'), 'the tenth of February'
_ORDINAL_WORDS = "|".join(w.replace("-", "[- ]") for w in sorted(_ORDINAL_DAYS, key=len, reverse=True))  # 'twenty second' too
_DAY_BEFORE_MONTH = (r"(\d{1,2}|(?<=the\s)(?:" + _ORDINAL_WORDS + r")(?=\s+of\s))"
                     r"(?:(?:st|nd|rd|th),?\s+|\s+|-)")


def _day_number(day: str) -> int:
    """'25' or 'tenth': the day of the month."""
    return int(day) if day.isdigit() else _ORDINAL_DAYS[re.sub(r"[\s-]+", "-", day.lower())]
# A weekday written before a date ('Friday 19 June', 'Fri, 3rd'): the date says which day is meant.
_WEEKDAY_WORD = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+(?:the\s+)?)?"
# The hour of the day named before the date ('by close of play Friday 13 March', 'by EOD 4 June', 'by noon on the 3rd').
_TIME_OF_DAY = (r"(?:(?:close\s+of\s+(?:play|business)|end\s+of\s+(?:play|business|(?:the\s+)?day)|cop|cob|eod|noon|midday"
                r"|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)|\d{1,2}:\d\d)\s*,?\s+(?:on\s+)?)?")
# ('（到 9/30）', '考核期至…': until then, in brackets or of a period; not '从 8/10 提到 10/10', '报到 12月1日')
_DEADLINE_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\bb4|\buntil|\btill|\bto|\bdue|\bdeadline|\bending|\bends?|\bno later than|\bthrough|\bthru|\bwithin|\bcompleted?|\btargets?|\bgoals?|截至|截止|(?<![天周月年时])之?前|[（(]\s*[到至]|期\s*[到至])"
    r"[\s:：(（,-]*(?:on\s+|the\s+)?" + _TIME_OF_DAY + _WEEKDAY_WORD + r"$",
    re.IGNORECASE,
)
_START_BEFORE = re.compile(r"(?:\bfrom|\bstarting|\bstarts?|\bas of|\bbeginning|\bfrom)[\s:]*(?:on\s+|the\s+)?" + _WEEKDAY_WORD + "$",
                          re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"^\s*[)）]?\s*(?:前(?![台厅线端沿后])|之前|以前|为止|截止)")  # '（6月18日）前'; not 前台 (front desk)
_START_AFTER = re.compile(r"^\s*(?:起|开始)")
_OF_ANOTHER_DAY = re.compile(r"\s+(?:of|from|after|before)\s+(?:the\s+|its\s+|their\s+|each\s+)?(?:planned|scheduled|booked|due|agreed|target|set|request|order|call|referral|delivery|arrival|admission|incident)\b", re.I)
_ZH_DUE_VERB = "完成|达到|到|降|提升|提高|控制|做到|交|提交|实现|把|要|必须|全部"  # what 'Q3内' is followed by when it is a deadline ('Q3内完成')
_PERIOD_END = re.compile(r"(?:end|close|wrap|eoq|eo|[:：]|末|底|结束|内|前)", re.I)  # ('Q4 targets:' ends on its colon)
_PERIOD_WORDS = ("in", "for", "during", "over", "across", "through", "thru", "throughout")  # 'in Q3', 'for July and August'
_IN_PERIOD = re.compile(r"(?:\b(?:" + "|".join(_PERIOD_WORDS) + r")\s+(?:the\s+)?|[(（]\s*)$", re.I)  # and '0 次（Q3）'
# Before a Chinese length of time, the event each one is counted from or 'each': a service level ('会后 2 个工作日内',
# '收到投诉后 3 天内', '每单 2 天内').
_ZH_HOW_FAST_BEFORE = re.compile(r"[每各]|(?:会|收到[^，,；;]{0,8}|发生|接到[^，,；;]{0,8})\s*(?:后|之后|以后)\s*$")
_WEEKLY_AFTER = re.compile(r"[^.;]{0,20}\b(?:each|every)\s+week|[^.;]{0,20}\bweekly\b", re.I)


def _named_days_pattern() -> str:
    table = load("calendar")
    return "(?:" + "|".join([*table.get("days", {}), *table.get("ends", {}), *table.get("feasts", {})]) + ")"


NAMED_DAY = re.compile(_named_days_pattern(), re.I)  # a day of the year named, not dated: 'xmas', '春节'

_ISO_WEEK = r"(?<![\d-])(\d{4})-?W(\d{2})"  # a year's week by its ISO number: '2026-W44', '2026W48'
_ISO_WEEK_DAY = re.compile(_ISO_WEEK + r"-?([1-7])(?![\d-])", re.I)  # and a day of it: '2026-W44-2', Tuesday of week 44

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("iso_week", re.compile(_ISO_WEEK + r"(?:-?([1-7]))?(?![\d-])", re.I)),  # '2026-W44-2', '2026W48'
    ("zh_full", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")),
    # '2027年1月前': that month's end ('从2026年3月起': its first day); not the first month of a range ('3月至6月')
    ("zh_year_month", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?(?:底|末)?(?!\s*\d|[初中上下]|\s*[至到~-])")),
    # 'the last Friday in January', 'the first working day of March'
    ("nth_weekday", re.compile(r"""\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+
        (mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:working|business|week)\s?day)(?:day|nesday|sday|urday)?\s+
        (?:of|in)\s+""" + _M + r"\b", re.I | re.X)),
    ("zh_md", re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    ("zh_part", re.compile(r"(?<!\d)(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份)?(底|末|中旬|中|初|上旬|下旬|以内|之内|内(?![容部外]))")),  # '7月内完成': by its end
    ("zh_rel_day", re.compile(r"(本|这个?|下个?|次)月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]")),  # '下个月 15 号'
    ("zh_weekday", re.compile(r"(?<!每)(这个?|本|下个?)?(?:周|星期|礼拜)([一二三四五六日天])")),  # '下周五', '周三之前'
    # '下个月底', '本月中', and '月中之前', '月底前' alone: this month's (the next one's, when its middle has passed)
    ("zh_rel_month", re.compile(r"(?:(本|这个|下个?|次)月(底|末|中|份)?|(?<![\d一二三四五六七八九十个每年上])月(底|末|中)(?!旬))(?![初\d])")),
    # '25 Nov 2026', '25th, Nov '26', 'Nov 25th, 2026' (a year of two digits after an apostrophe)
    ("en_dm", re.compile(r"(?<![\d/])" + _DAY_BEFORE_MONTH + r"(?:of\s+)?" + _M + r"\.?(?:" + _BEFORE_YEAR + _YEAR_AFTER_DAY + r")?(?![a-z])", re.I)),
    # ... and 'October sixth 2026', 'by March third.' (a day in words only with a year or a stop after it: not 'March second shift')
    ("en_md", re.compile(r"(?<![a-z])" + _M + r"\.?\s+(\d{1,2}|(?:" + _ORDINAL_WORDS + r")(?=,?\s+\d{4}\b|\s*[.,;:)\n]|\s*$))(?:st|nd|rd|th)?"
                         r"(?![\d%]|:\d|\s+(?:of|out\s+of)\b)(?:,?\s+" + _YEAR + r")?", re.I)),
    # '12.05.,', '(sitting 16.03.)', 'by 06.03.', '16.03.2026': day first (`_resolve` tells it from a decimal)
    ("day_dot_month", re.compile(r"(?<![\d.,£$€¥])(\d{1,2})\.(\d{2})\.(\d{4}|\d{2})?(?!\d|\.\d)")),  # ('… on 15.03.2026.')
    ("roman_month", re.compile(r"(?<![\d.])(\d{1,2})\.\s?(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)(?:\.(\d{4}|\d{2}))?\b(?!\.\d)", re.I)),  # '31.vii'
    ("hyphen_dmy", re.compile(r"(?<![\d/.-])(\d{1,2})-(\d{1,2})-(20\d\d)(?![\d-])")),  # 'by 30-01-2027'
    # not a count's bounds: 'down to 3/4 max by 13 March' (but 'from 1/7 max 2 breaks' is a date)
    ("slash", re.compile(r"""(?<![\d/\#])(?:(?<!\bcard\ )(?<!\bpage\ )(?<!\bpart\ )(?<!\bstep\ )(?<!\bslide\ )(?<!\bsheet\ )
                             |(?=\d{1,2}/\d{1,2}/\d))  # not 'CARD 1/6' (but 'Rota sheet 30/11/2026' with its year)
                             (\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])
                             (?!\s*(?:max(?:imum)?|min(?:imum)?|tops)\b(?!\s*\d))""", re.I | re.X)),
    ("end_of", re.compile(r"\b(?:the\s+)?(?:end|close|last\s+day)(?:\s+of\s+|-of-(?=" + _MONTH + r")|\s*-\s*|\s+(?=[a-z]{3}))(?:the\s+)?(?:(next|this|following)\s+)?(" + _MONTH + r"|month|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|quarter|q[1-4]|year|week)\b", re.I)),
    ("mid", re.compile(r"\bmid[- ]?" + _M + r"\b", re.I)),
    ("q_end", re.compile(r"\b(?:eo)?(q[1-4]|[1-4]q)\s*(?:end|close|wrap(?:[- ]?up)?|(?:targets?|goals?|objectives?)\s*[:：]|末|底|结束(?:之?前)?(?![以之]?后)|(?:以?内|之?前)(?=$|[^\u4e00-\u9fff]|" + _ZH_DUE_VERB + "))?(?![a-z0-9])", re.I)),
    # '3Q 末', 'Q1 wrap', 'Q1内完成', 'Q4 targets: …' (a label: its targets are due at the quarter's end; not 'Q1内容',
    # 'Q2内部', 'missed her Q3 targets', 'agree Q1 targets by 15 January')
    # '第三季度末', '下季度', and Taiwan's '第一季結束前' (folded: '结束'), '本季底'
    # ('季' alone only with its end: '这个季节', '本季新品' are seasons)
    ("zh_quarter", re.compile(r"(明年)?(?:第?([一二三四1-4])季度|第([一二三四1-4])季(?=末|底|结束)|(本|这个?|下个?)(?:季度|季(?=末|底|结束)))(末|底|结束)?")),
    ("period_end", re.compile(r"\b(eow|eom|eoq|eoy|week[- ]end|month[- ]end|quarter[- ]end|year[- ]end)\b", re.I)),
    # 'for July and August', 'over Dec-Feb', '6月、7月': the end of the last month named
    ("months", re.compile(r"""(?:\b(?:in|for|during|over|across|through|thru|throughout|until|till|by|(?:the\s+)?(?:whole|rest|end)\s+of|all\s+of)\s+(?:the\s+)?(?:months?\s+of\s+)?)?
        \b""" + _M + r"""\b(?:\s*(?:,|and|&|\+|or|to|through|thru|until|-|–|/)\s*""" + _MONTH + r"""\b)*(?!\s*\d|\.?\s+\d)""", re.I | re.X)),
    # '7月、8月', '7-8月', '6、7两个月' (the months run to the last one named)
    ("zh_months", re.compile(r"(?<![\d年./:])(?:\d{1,2}\s*[、至到~～–—-]\s*)?(\d{1,2})\s*(?:[两二三]个?)?月(?:份)?(?:\s*[、,，和至到~～–—-]\s*\d{1,2}\s*月(?:份)?)*"
                             r"(?![\d号底末中初前内起个]|日(?!志)|上旬|下旬)")),
    ("named_day", NAMED_DAY),  # 'by Christmas', '双11前', '春节前'
    # 'end of wk 46', 'from week 12', 'W14', 'wk 46 结束前', '第46周': a week of the year by its ISO number
    ("week_number", re.compile(r"(?:\b(?:wk|week|w)\.?\s?(\d{1,2})\b(?!\s*(?:days?|weeks?|months?|%|x\b|of\b|/))|第\s*(\d{1,2})\s*周)", re.I)),
    ("from_today", re.compile(rf"\b(\d{{1,2}}|{COUNT_WORDS}|a)\s+(day|week|month)s?\s+"
                              r"(?:from|after)\s+(?:today|now|this (?:meeting|review|conversation|1:1)|the interview"
                              r"|(?:next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)),  # '… from Monday': the coming one
    ("duration", re.compile(rf"(?:(within|in|over|for|after|next|the next)\s+(?:the\s+)?(?:next\s+)?)?(\d{{1,3}}|{COUNT_WORDS}|a)\s*[- ]?((?:working |business )?day|week|wk|month|fortnight)s?(?:[- ](plan|pip|period|programme|program))?\b", re.I)),
    ("zh_duration", re.compile(r"(\d{1,3}|[一二两三四五六七八九十]{1,2})\s*(天|周(?![一二三四五六日天末])|个星期|个月|个工作日)\s*(内|之内|后|以内)?")),
    # 'by Friday the 20th', 'by the 5th', 'the 20th of next month': that day, this month or the next; not a day that
    # comes round each month ('by the 5th working day', 'by the 10th of each month', 'on the 1st of the month')
    ("day_of_month", re.compile(r"\b(by|before|on|until|till|from|due)\s+" + _WEEKDAY_WORD + r"(?:the\s+)?(\d{1,2}(?=st|nd|rd|th)|(?<=the\s)(?:"
                                + _ORDINAL_WORDS + r")(?=\s+of\s))(?:st|nd|rd|th)?"  # ('by the twentieth of next month')
                                r"(?:(?:\s+(?:of\s+)?|\s*[(（]\s*)(next|nxt|this|the\s+following)\s+month[)）]?)?\b"  # ('by the 20th nxt month',
                                # 'by the 20th (next month)')
                                r"(?!\s+(?:working|business|calendar)\s+days?|\s+(?:day\s+)?(?:of\s+)?(?:each|every|the)\s+month)", re.I)),
    # 'thats the 18th of next month' with no word before it: the month says it is a date to come
    ("day_of_next_month", re.compile(r"\bthe\s+(\d{1,2}(?=st|nd|rd|th)|" + _ORDINAL_WORDS + r")(?:st|nd|rd|th)?\s+of\s+(?:next|the\s+following)\s+month\b", re.I)),
    ("weekday", re.compile(r"\b(by|on|before|until|next|this)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri)\b", re.I)),
    ("relative", re.compile(r"\b(tomorrow|next week|end of (?:this|next) week)\b", re.I)),
    ("zh_dotted", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?=\s*(?:前|之前|以前|为止|截止))")),  # '3.15前': 15 March
    ("zh_day", re.compile(r"(?<![\d月年./])(\d{1,2})\s*号(?=\s*(?:前(?![台厅线端沿后])|之前|以前|为止|截止))")),  # '20号前': the next 20th
]


# What a pattern cannot match without: patterns that open with an optional part are tried at every
# position of every sentence, and most sentences hold none of these words (duration alone was 40%).
_NEEDS: dict[str, re.Pattern[str]] = {
    "zh_full": re.compile("年"), "zh_year_month": re.compile("年"), "zh_md": re.compile("月"), "zh_part": re.compile("月"), "zh_rel_month": re.compile("月"), "zh_rel_day": re.compile("月"), "zh_weekday": re.compile("[周期拜]"),
    "zh_duration": re.compile("[天周期月日]"), "zh_months": re.compile("月"), "zh_quarter": re.compile("季"),
    "duration": re.compile("day|week|wk|month|fortnight", re.I), "week_number": re.compile(r"wk|week|w\.?\s?\d|周", re.I),
    "from_today": re.compile("from|after", re.I), "zh_dotted": re.compile("前|为止|截止"), "zh_day": re.compile("号"),
    "day_of_next_month": re.compile("month", re.I), "iso_week": re.compile(r"\dW\d|-W\d", re.I),
}


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: dt.date
    role: str  # "deadline", "start", "point" (a date something happened) or "duration" (a length of time)


@lru_cache(maxsize=1)
def _calendar() -> list[tuple[re.Pattern[str], Callable[[int], dt.date | None], bool]]:
    """Each named day: its pattern, its date in a given year (None where not known), and whether it is one day
    (before it is the day before) rather than a period's end."""
    table = load("calendar")
    def on(month: int, day: int) -> Callable[[int], dt.date | None]:
        return lambda year: _safe(year, month, day)
    def listed(dates: list[str]) -> Callable[[int], dt.date | None]:
        by_year = {int(d[:4]): dt.date.fromisoformat(d) for d in dates}
        return by_year.get
    return ([(re.compile(p, re.I), on(int(v[:2]), int(v[3:])), True) for p, v in table.get("days", {}).items()]
            + [(re.compile(p, re.I), on(int(v[:2]), int(v[3:])), False) for p, v in table.get("ends", {}).items()]
            + [(re.compile(p, re.I), listed(v), True) for p, v in table.get("feasts", {}).items()])


# 'before Christmas', '国庆前', '春节之前': the day before a single day
_BEFORE_DAY = re.compile(r"\bbefore\s+(?:the\s+)?$", re.I)
# 'the day after Boxing Day', 'the Monday after the clocks went back': a day counted on from a single day
_AFTER_DAY = re.compile(r"\bthe\s+(?:day|(?P<weekday>mon|tues|wednes|thurs|fri|satur|sun)day)\s+after\s+(?:the\s+)?$", re.I)
_DAY_BEFORE = re.compile(r"^\s*(?:之前|以前|前(?!后))")


# 'the Easter holidays (3 April)', '国庆（9月30日）', 'the Christmas peak (the bumper issue goes to print 11 Dec)': a day
# and its month in brackets after the name, or a few words on ('the Christmas range lock on 11 December', 'Christmas
# break starts 18 Dec')
_DATED_AFTER = re.compile(r"^\s*(?:(?:[\w-]+\s+){0,3}[(（][^()（）\n]{0,40}?|(?:[\w/-]+\s+){1,5}(?:on\s+(?:the\s+)?)?)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                          + _MONTH + r"|" + _MONTH + r"\s+\d|\d{1,2}\s*月\s*\d)", re.I)


def _calendar_day(name: str) -> tuple[Callable[[int], dt.date | None], bool]:
    """How a named day ('Christmas', '双11') falls in a given year, and whether it is a single day."""
    return next((make, single) for pattern, make, single in _calendar() if pattern.fullmatch(name))


def _named_day(m: re.Match[str], ref: dt.date, role: str) -> dt.date | None:
    if _DATED_AFTER.match(m.string[m.end():]):
        return None  # the date in brackets says which day is meant
    make, single = _calendar_day(m.group(0))
    day = _pick_year(ref, role, make)
    if day and single and (after := _AFTER_DAY.search(m.string[:m.start()])):
        if not after["weekday"]:
            return day + dt.timedelta(days=1)
        weekday = WEEKDAYS[f"{after['weekday'].lower()}day"]
        return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    before = _BEFORE_DAY.search(m.string[:m.start()]) or _DAY_BEFORE.match(m.string[m.end():])
    return day - dt.timedelta(days=1) if day and single and before else day


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_ROMAN_MONTHS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_ROMAN_DATE_CUE = re.compile(r"\b(?:review|deadline|date|due|by|on|until|till|before|from)\s+$", re.I)  # before '31.vii' with no year


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(d: dt.date, months: int) -> dt.date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1, "final": -1}


def _nth_weekday(year: int, month: int, ordinal: str, day: str) -> dt.date:
    """The first (second, …, last) such day of a month: a weekday, or a working day (Monday to Friday)."""
    days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    weekday = WEEKDAYS.get(day[:3])  # None: a working day ('working day', 'business day', 'weekday')
    wanted = [d for d in days if (d.weekday() < 5 if weekday is None else d.weekday() == weekday)]
    return wanted[_ORDINALS[ordinal]]


def _pick_year(ref: dt.date, role: str, make) -> dt.date | None:
    """Resolve a year-less date: the next one after the interview for deadlines, else the nearest."""
    options = [d for d in (make(ref.year - 1), make(ref.year), make(ref.year + 1)) if d]
    if not options:
        return None
    if role in ("deadline", "start"):
        after = [d for d in options if d >= ref]
        return min(after) if after else max(options)
    if role == "held":  # the meeting's day: the latest not after `ref`
        return max((d for d in options if d <= ref), default=None)
    return min(options, key=lambda d: abs((d - ref).days))


# A dotted day without a year is a date only after a word that leads to one, or before punctuation or more words.
_DATE_CUE = re.compile(r"\b(?:by|on|from|until|till|before|after|since|due|sitting|am|bis|vom|le|el)\s+$", re.I)
_DATE_AFTER_DOT = re.compile(r"[,;:)）]|\s+[a-z\d(]")


def _nearest_day(ref: dt.date, day: int) -> dt.date | None:
    """The day-of-month `day` nearest `ref`: this month's, last month's or next month's."""
    options = [d for n in (-1, 0, 1) if (first := _add_months(ref.replace(day=1), n)) and (d := _safe(first.year, first.month, day))]
    return min(options, key=lambda d: abs((d - ref).days)) if options else None


# 'so within ten working days: 0 missing logs', '… done within 10 business days': the date the goals are due by; not
# '90% of recalls within 2 working days', how fast each is to be done.
_DEADLINE_CLAUSE = re.compile(r"\s*(?:(?:so|and|then|ok|okay|right|all|everything)\s+)*", re.I)
_DONE_BEFORE = re.compile(r"\b(?:done|completed?|finished|sorted|in place|signed off|closed out)\s*$", re.I)


def add_length(ref: dt.date, count_s: str, unit: str) -> tuple[int, dt.date]:
    """'3 weeks', 'a month', 'two days' after `ref`: the count and the date it ends on."""
    count_s, unit = count_s.lower(), unit.lower()
    count = 1 if count_s == "a" else int(count_s) if count_s.isdigit() else WORD_NUMBERS[count_s]
    if unit in ("working day", "business day"):  # 'within ten working days': weekends do not count
        end = ref
        for _ in range(count):
            end += dt.timedelta(days=3 if end.weekday() == 4 else 2 if end.weekday() == 5 else 1)
        return count, end
    days = {"week": 7, "wk": 7, "fortnight": 14}.get(unit, 1)  # 'within a fortnight'
    end = _add_months(ref, count) if unit == "month" else ref + dt.timedelta(days=count * days)
    return count, end


def _slash_date(a: int, b: int, ref: dt.date, role: str) -> dt.date | None:
    """'6/5' month first, as most software writes it; but day first ('06/07' said on 2 July, '24/07') where month
    first cannot be a date or falls more than half a year from the interview while day first falls near it."""
    month_first = _pick_year(ref, role, lambda y: _safe(y, a, b)) if a <= 12 else None
    day_first = _pick_year(ref, role, lambda y: _safe(y, b, a)) if b <= 12 else None
    return _in_order(month_first, day_first, ref)


def _in_order(month_first: dt.date | None, day_first: dt.date | None, ref: dt.date) -> dt.date | None:
    """Of a slash date's two readings, month first, unless it cannot be a date, or falls more than half a year from the
    interview while day first falls near it ('10/03/2026' in notes of March 2026: 10 March, not 3 October)."""
    if month_first is None or day_first is None:
        return month_first or day_first
    return day_first if _far(month_first, ref) and not _far(day_first, ref) else month_first


def _far(date: dt.date, ref: dt.date) -> bool:
    """More than half a year from the interview: no date a note about it is likely to name."""
    return abs((date - ref).days) > 183


# 'by the BRC audit on 18 November', 'before the stocktake (3 June)', 'before the Q3 close (we close the quarter on 25
# September)', 'by the end of term (the break starts 18 Dec)': the event's date is the deadline
_DEADLINE_EVENT = re.compile(r"""\b(?:by|before|b4|until|till)\s+(?!the\s+way\b)(?:the\s+|our\s+|her\s+|his\s+|their\s+)?[^\W\d][\w'-]*
    (?:\s+[\w'-]+){0,3}(?:\s+on\s+(?:the\s+)?|\s*[,(（]\s*|\s*[(（][^()（）]{0,40}?)$""", re.I | re.X)


# 'before the season opens' just ahead of 'on the 19th', in the same clause: the day is something to be ready by,
# unless the clause tells of the past ('left before the handover was signed off on the 15th')
_AHEAD_OF = re.compile(r"\b(?:before|ahead\s+of|in\s+time\s+for|ready\s+for)\b[^,.;:!?–—()]{0,40}$", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|met|didn't|wasn't|weren't|hadn't|left|went|came|got|took|made|forgot|missed)\b", re.I)


# Words by which a clause speaks of what is still to come: 'we meet again on the 20th', 'I'll check on the 3rd'.
_COMING = re.compile(r"\b(?:will|shall|going\s+to|again|next|meet|follow[- ]?up|catch[- ]?up|check[- ]?in)\b|['’]ll\b", re.I)


# After 'year-end' or 'month-end', a thing with its own day: 'year-end run on 18 December', 'month-end close (27th)'.
_OWN_DAY_AFTER = re.compile(r"[ \t]+[a-z][\w-]*[ \t]+(?:on|is|[(（])[ \t]*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?[ \t]+)?\d", re.I)


def _clause_before(text: str, at: int) -> str:
    """The words of `text` before `at`, back to the start of their clause."""
    return re.split(r"[,.;:!?–—()\n]", text[:at])[-1]

# 'End of next month (31 March): …': the day in brackets after a period's end is that end
_PERIOD_END_GLOSS = re.compile(r"""\b(?:end|close)\s+of\s+(?:the\s+)?(?:next|this|the\s+following|following)\s+
    (?:month|quarter|week|term|season|year|half)\s*[(（]\s*$""", re.I | re.X)


# A line labelled with the deadline ('Deadline: February stock count (26 Feb)', 'Deadline for both: …', '完成期限：…')
_DEADLINE_LABEL = re.compile(r"""[^\w\n]*(?:deadlines?|due(?:\s+date)?|completion\s+date
    | 截止(?:日期|时间)? | 完成(?:日期|时间|期限) | 期限)(?:\s+(?:for|of)\s+[^:：\n]{1,30})?\s*(?:[:：]|\s[-–—]\s)""", re.I | re.X)


def _labelled_deadline(text: str, start: int) -> bool:
    """The first date after a deadline label on its line ('Deadline: stock count (26 Feb)'), not a later one ('…, handed
    in 21 Oct')."""
    label = _DEADLINE_LABEL.match(text, text.rfind("\n", 0, start) + 1)
    return label is not None and not re.search(r"\d", text[label.end():start])


# A deadline already missed, said in the past: 'the mounts were due end of Feb', 'was due on 14 March' (a day gone by).
_WAS_DUE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:originally\s+|first\s+)?due\s+(?:by\s+|on\s+|for\s+)?(?:the\s+)?$", re.I)


# The check a goal is measured at, named by its month: 'Checks signed 100% at the November re-audit'.
_AT_THE = re.compile(r"\b(?:at|in|by)\s+(?:the|our|his|her|their)\s+$", re.I)
_CHECK_AHEAD = 183  # days: a check named by its month further ahead than this was one gone by
_CHECK_AFTER = re.compile(r"\s+(?:re-?audit|audit|review|check-?in|supervision|inspection|assessment|appraisal)\b", re.I)


def _role(text: str, start: int, end: int) -> str:
    before, after = text[max(0, start - 30):start], text[end:end + 4]
    if _WAS_DUE.search(before):
        return "point"
    if _AT_THE.search(before) and _CHECK_AFTER.match(text, end):
        return "check"  # the check a goal is measured at, named by its date or month: a deadline (see `_resolve`)
    if (_DEADLINE_AFTER.match(after) or _DEADLINE_BEFORE.search(before) or _PERIOD_END_GLOSS.search(before)
            or _DEADLINE_EVENT.search(text[max(0, start - 80):start])
            or _labelled_deadline(text, start)):
        return "deadline"
    if _START_AFTER.match(after) or _START_BEFORE.search(before):
        return "start"
    return "point"


_JUST_ENDED = 45  # days: the end of a month named with no 'by' that ended this long before the interview is that month's


def _resolve(kind: str, m: re.Match[str], ref: dt.date, role: str) -> tuple[dt.date | None, str]:  # noqa: C901 -- predates the complexity budget
    g = m.groups()
    if kind == "iso":
        return _safe(int(g[0]), int(g[1]), int(g[2])), role
    if kind == "iso_week":  # a day of the week, or the week's Monday to start from and its Friday to end by
        try:
            return dt.date.fromisocalendar(int(g[0]), int(g[1]), int(g[2] or {"start": 1}.get(role, 5))), role
        except ValueError:  # week 53 of a year with 52
            return None, role
    if kind == "zh_full":
        return _safe(int(g[0]), int(g[1]), int(g[2])), role
    if kind == "zh_year_month":
        year, month = int(g[0]), int(g[1])
        if not 1 <= month <= 12:
            return None, role
        return (dt.date(year, month, 1) if role == "start" else _month_end(year, month)), role
    if kind == "zh_md":
        month, day = int(g[0]), int(g[1])
        return _pick_year(ref, role, lambda y: _safe(y, month, day)), role
    if kind == "zh_part":
        month, part = zh_number(g[0]) or 0, g[1]
        if not 1 <= month <= 12:
            return None, role
        part_day = {"初": 5, "上旬": 10, "中": 15, "中旬": 15, "下旬": 25}.get(part)
        if part in ("以内", "之内", "内"):  # '7月内完成': within July, by its end
            if month == 1:
                return None, role  # '一月内整改完成' (read in figures as '1月内'): within a month, more often than within January
            part = "底"
        role = "deadline" if part in ("底", "末") and role == "point" else role
        make = (lambda y: _month_end(y, month)) if part_day is None else (lambda y: _safe(y, month, part_day))
        return _pick_year(ref, "deadline" if role != "point" else role, make), role
    if kind == "zh_rel_month":  # '下个月底' a deadline; '下个月' the month as a period; '下个月中' its middle
        part = g[1] if g[0] else g[2]
        months = (1 if part == "中" and ref.day >= 15 else 0) if not g[0] else 0 if g[0] in ("本", "这个") else 1
        first = _add_months(ref.replace(day=1), months)
        if part == "中":
            return first.replace(day=15), "deadline"
        return _month_end(first.year, first.month), "deadline" if part in ("底", "末") else "end"
    if kind in ("en_dm", "en_md"):
        day_s, month_s, year_s = (g[0], g[1], g[2]) if kind == "en_dm" else (g[1], g[0], g[2])
        month, day = MONTHS[month_s.lower()[:3]], _day_number(day_s)
        if year_s:
            return _safe(_year(year_s), month, day), role
        return _pick_year(ref, role, lambda y: _safe(y, month, day)), role
    if kind in ("day_dot_month", "roman_month"):  # '16.03.2026'; the month in Roman numerals: 'by 31.vii', 'review 15.ix.26'
        day, year_s, before = int(g[0]), g[2], m.string[:m.start()]
        month = int(g[1]) if kind == "day_dot_month" else _ROMAN_MONTHS.index(g[1].lower()) + 1
        if not year_s and kind == "day_dot_month" and not _DATE_AFTER_DOT.match(m.string[m.end():]) and not _DATE_CUE.search(before):
            return None, role  # 'AHT rose to 8.10.': a decimal ending a sentence
        if not year_s and kind == "roman_month" and not _ROMAN_DATE_CUE.search(before):
            return None, role  # 'section 3.v of the manual': a numbered part, no day
        if year_s:
            return _safe(int(year_s) + (2000 if len(year_s) == 2 else 0), month, day), role
        return _pick_year(ref, role, lambda y: _safe(y, month, day)), role
    if kind in ("slash", "hyphen_dmy"):
        a, b, year_s = int(g[0]), int(g[1]), g[2]
        if year_s:
            year = int(year_s) + (2000 if len(year_s) == 2 else 0)
            return _in_order(_safe(year, a, b) if a <= 12 else None, _safe(year, b, a) if b <= 12 else None, ref), role
        # "24/7", "3/4 of tickets": a bare fraction is not a date without context; 'at the 30/10 check', '(31/7)' are
        if role == "point" and not (12 < a <= 31 and b <= 12 and re.search(r"(?:\(|\bthe\s+|\bat\s+|\bon\s+)$", m.string[:m.start()], re.I)):
            return None, role
        return _slash_date(a, b, ref, role), role
    if kind == "zh_rel_day":
        day = zh_number(g[1]) or 0
        first = _add_months(ref.replace(day=1), 0 if g[0] in ("本", "这", "这个") else 1)
        return _safe(first.year, first.month, day), role if role != "point" else "deadline"
    if kind == "zh_weekday":
        which, day = g[0] or "", _ZH_WEEKDAY[g[1]]
        monday = ref - dt.timedelta(days=ref.weekday())
        if which.startswith("下"):
            return monday + dt.timedelta(days=7 + day), role
        ahead = (day - ref.weekday()) % 7
        if role == "point" and not which:
            return monday + dt.timedelta(days=day), role  # '2月24日 周二': the day of this week
        return ref + dt.timedelta(days=ahead or 7), role
    if kind == "end_of":
        which, unit = (g[0] or "").lower(), g[1].lower()
        if role == "point" and unit[:3] in MONTHS and not which and (0 <= (ref - (past := _month_end(
                ref.year - (MONTHS[unit[:3]] > ref.month), MONTHS[unit[:3]]))).days <= _JUST_ENDED
                or _WAS_DUE.search(m.string[max(0, m.start() - 30):m.start()])):
            return past, role  # '46 tops unaccounted for at the end of October', said on 3 November: the month just ended;
            # 'were due end of Feb', said in April: the deadline missed
        role = "deadline"
        if unit == "month":
            first = _add_months(ref.replace(day=1), 1 if which in ("next", "following") else 0)
            return _month_end(first.year, first.month), role
        if unit == "week":
            friday = ref + dt.timedelta(days=(4 - ref.weekday()) % 7 + (7 if which in ("next", "following") else 0))
            return friday, role
        if unit == "year":
            return dt.date(ref.year + (1 if which == "next" else 0), 12, 31), role
        if unit.endswith("quarter") and unit != "quarter":  # 'by the end of the first quarter': the next Q1's end
            q_month = 3 * ("first second third fourth".split().index(unit.split()[0]) + 1 if unit[0].isalpha() else int(unit[0]))
            return _pick_year(ref, role, lambda y: _month_end(y, q_month)), role
        if unit == "quarter":
            q_month = ((ref.month - 1) // 3 + 1) * 3 + (3 if which == "next" else 0)
            year = ref.year + (q_month - 1) // 12
            return _month_end(year, (q_month - 1) % 12 + 1), role
        if unit.startswith("q"):
            q_month = int(unit[1]) * 3
            return _pick_year(ref, role, lambda y: _month_end(y, q_month)), role
        month = MONTHS[unit[:3]]
        return _pick_year(ref, role, lambda y: _month_end(y, month)), role
    if kind == "nth_weekday":
        return _pick_year(ref, "deadline" if role != "point" else role,
                          lambda y: _nth_weekday(y, MONTHS[g[2].lower()[:3]], g[0].lower(), g[1].lower())), role
    if kind == "mid":
        month = MONTHS[g[0].lower()[:3]]
        return _pick_year(ref, "deadline" if role != "point" else role, lambda y: _safe(y, month, 15)), role
    if kind == "q_end":
        ending = bool(_PERIOD_END.search(m.group(0))) or role == "deadline"
        if not ending and not _IN_PERIOD.search(m.string[max(0, m.start() - 20):m.start()]):
            return None, role
        q_month = int(re.sub(r"\D", "", g[0])) * 3
        if re.search(r"[:：]$", m.group(0)) and 0 < (ref - _month_end(ref.year, q_month)).days < 120:
            return None, role  # 'She missed her Q3 targets: …' said in November: the quarter just gone, no deadline
        if ending:
            return _pick_year(ref, "deadline", lambda y: _month_end(y, q_month)), "deadline"
        return _pick_year(ref, "point", lambda y: _month_end(y, q_month)), "end"  # 'in Q3': the quarter's end
    if kind == "zh_quarter":
        next_year, number, short_number, relative, end = g
        number = number or short_number
        role = "deadline" if end else "end"
        quarter = zh_number(number) if number else None  # '第三季度', 'Q3末'
        if quarter:
            q_month = quarter * 3
            if next_year:
                return _month_end(ref.year + 1, q_month), role
            return _pick_year(ref, "deadline", lambda y: _month_end(y, q_month)), role
        q_month = ((ref.month - 1) // 3 + 1) * 3 + (3 if relative.startswith("下") else 0)
        year = ref.year + (q_month - 1) // 12
        return _month_end(year, (q_month - 1) % 12 + 1), role
    if kind == "period_end":
        if _OWN_DAY_AFTER.match(m.string, m.end()):
            return None, role  # 'before the year-end run on 18 December': the run's own day says when
        unit = g[0].lower()[:5]
        if unit in ("eow", "week-", "week "):
            return ref + dt.timedelta(days=(4 - ref.weekday()) % 7), "deadline"  # this week's Friday
        if unit in ("eom", "month"):
            return _month_end(ref.year, ref.month), "deadline"
        if unit in ("eoy", "year-", "year "):
            return dt.date(ref.year, 12, 31), "deadline"
        q_month = ((ref.month - 1) // 3 + 1) * 3
        return _month_end(ref.year, q_month), "deadline"
    if kind in ("months", "zh_months"):
        names = re.findall(_MONTH, m.group(0), re.I) if kind == "months" else re.findall(r"(\d{1,2})\s*(?:[两二三]个?)?月", m.group(0))
        last = MONTHS[names[-1].lower()[:3]] if kind == "months" else int(names[-1])
        if not 1 <= last <= 12:
            return None, role
        lead = m.group(0).split()[0].lower()
        if kind == "months" and lead in ("by", "until", "till"):
            return _pick_year(ref, "deadline", lambda y: _month_end(y, last)), "deadline"
        if kind == "months" and len(names) == 1 and lead not in (*_PERIOD_WORDS, "whole", "rest", "all", "the"):
            if role == "check" and (due := _pick_year(ref, "deadline", lambda y: _month_end(y, last))) \
                    and (due.year, due.month) != (ref.year, ref.month) and (due - ref).days <= _CHECK_AHEAD:
                return due, "deadline"  # the check named by its month, soon: 'at the November re-audit' said in October (not
                # 'at the May review we found …', nor 'At the November audit she scored 62%' said on 28 November)
            return None, role  # a month named alone ('May was busy', 'the May run') is no date to hold a goal to
        if kind == "months" and "/" in m.group(0) and lead not in (*_PERIOD_WORDS, "whole", "rest", "all", "the"):
            return _pick_year(ref, "point", lambda y: _month_end(y, last)), "point"  # 'oct/nov sheets', 'Sept/Oct round'
        return _pick_year(ref, "point", lambda y: _month_end(y, last)), "end" if role == "point" else role
    if kind == "named_day":
        if season := re.match(r"(by|before)\b|(?:over|during|through|across|for|end of|the end of)\b", m.group(0), re.I):
            role = "deadline" if season.group(1) else "end"  # a season with its word: 'by summer', 'over the summer'
        return _named_day(m, ref, "deadline" if role != "point" else role), role
    if kind == "duration":
        lead, count_s, unit, plan_word = g
        count, end = add_length(ref, count_s, unit)
        if not count:
            return None, role
        clause = re.split(r"[,;:(]", m.string[:m.start()])[-1]
        contextual = bool(plan_word) or (lead or "").lower() in ("within", "in", "next", "the next", "over")
        if re.search(r"\b(?:each|every|per|weekly|daily)\b", m.string, re.I) and not plan_word:
            return end, "duration"  # 'mark each set within 7 days': a service level, not a date
        if (lead or "").lower() == "in" and count == 1 and re.search(r"\d", clause) and not plan_word:
            return end, "duration"  # 'max 2 late sign-ons in a month': a rate, not the goal's deadline
        if re.search(r"\b(?:any|a\s+rolling|rolling|each|every|per)\s+$", m.string[:m.start()], re.I):
            return end, "duration"  # 'no more than 3 in any four-week period': a window that rolls, not a date
        if _OF_ANOTHER_DAY.match(m.string, m.end()):
            return end, "duration"  # 'T2/T3 within 2 days of the planned date': how close to a day, not by when
        if unit.lower().startswith(("working", "business")) and not _DEADLINE_CLAUSE.fullmatch(clause) \
                and not _DONE_BEFORE.search(m.string[:m.start()]):
            return end, "duration"  # 'queries answered within 2 working days': how fast, not by when
        return end, "deadline" if contextual else ("end" if (lead or "").lower() == "for" else "duration")
    if kind == "zh_duration":
        number, unit, tail = zh_number(g[0]), g[1], g[2]
        if not number:
            return None, role
        end = (_add_months(ref, number) if unit == "个月"
               else ref + dt.timedelta(days=number * {"天": 1, "个工作日": 1, "周": 7, "个星期": 7}[unit]))
        before, after = re.split(r"[，,；;。：:（(]", m.string[:m.start()])[-1], re.split(r"[，,；;。]", m.string[m.end():])[0]
        if _ZH_HOW_FAST_BEFORE.search(before) or (unit in ("天", "个工作日") and re.match(r"\s*[\u4e00-\u9fff]{1,3}率", after)
                                                   and not re.search(r"提升|提高|提到|达到|降到|降至|升到", after)):
            return end, "duration"  # '会后 2 个工作日内上传', '2 个工作日内上传率 100%', '每单3天内回复': how fast each is
            # done, not by when (not '两周内光功率值填写率要100%', by when)
        return end, "deadline" if tail else "duration"
    if kind == "weekday":
        lead, day = g[0].lower(), WEEKDAYS[g[1].lower()]
        if re.match(r"[\s,]+(?:the\s+)?\d", m.string[m.end():]):
            return None, role  # 'by Friday 19 June': the date that follows says which Friday
        if _WEEKLY_AFTER.match(m.string[m.end():]):
            return None, role  # 'by Friday EOD each week' is a rhythm, not a deadline
        ahead = (day - ref.weekday()) % 7 or 7
        if lead == "next" and ahead < 7:
            ahead += 7 if ref.weekday() < day else 0
        return ref + dt.timedelta(days=ahead), "deadline" if lead in ("by", "before", "until") else role
    if kind == "day_of_month":
        lead, day, which = g[0].lower(), _day_number(g[1]), (g[2] or "").lower()
        if re.search(r"[(（]", m.group(0)) and not re.search(r"[)）]", re.split(r"[(（]", m.group(0))[-1] + m.string[m.end():m.end() + 2]):
            which = ""  # 'by the 20th (next month the audit moves to weekly)': a remark in brackets, not the month
        first = ref.replace(day=1)
        clause = _clause_before(m.string, m.start())
        ready_by = _AHEAD_OF.search(m.string[:m.start()]) and not _PAST.search(clause)
        coming = bool(_COMING.search(clause)) and not _PAST.search(clause) and not re.search(r"[a-z]{3,}ed\b", clause, re.I)
        if lead == "on" and not which and not ready_by and not coming:
            return _nearest_day(ref, day), "point"  # 'rejected a load on the 24th', 'starts on the 3rd': the nearest 24th
        if lead == "on" and coming and not which:  # 'we meet again on the 20th': the next 20th
            first = _add_months(first, 1) if day <= ref.day else first
            return _safe(first.year, first.month, day), "point"
        # ... but 'in place before the season opens on the 19th' is a deadline: the next 19th
        if which in ("next", "nxt", "the following") or (not which and day <= ref.day):
            first = _add_months(first, 1)
        date = _safe(first.year, first.month, day)
        return date, "start" if lead == "from" else "deadline"
    if kind == "day_of_next_month":
        following = _add_months(ref.replace(day=1), 1)
        return _safe(following.year, following.month, _day_number(g[0])), "point"
    if kind == "week_number":
        week = int(g[0] or g[1])
        if not 1 <= week <= 53:
            return None, role
        after, before = m.string[m.end():m.end() + 6], m.string[max(0, m.start() - 12):m.start()]
        if re.match(r"\s*(?:结束|末|底)", after) or re.search(r"\bend\s+of\s+(?:the\s+)?$", before, re.I):
            role = "deadline"
        elif re.match(r"\s*[–—-]\s*(?:wk|week|w)?\.?\s?\d", after, re.I):
            role = "start"  # 'W46–W52': a range of weeks runs from the first …
        elif re.search(r"(?:wk|week|w)\.?\s?\d{1,2}\s*[–—-]\s*(?:wk|week|w)?\.?\s?$", before, re.I) and role == "point":
            role = "end"  # … to the last
        weekday = {"start": 0, "end": 6}.get(role, 4)  # a week's Monday to start from, its Friday to end by (as 'end of
        # week'), and a range of weeks its last week's Sunday

        def make(year: int) -> dt.date | None:
            try:
                return dt.date.fromisocalendar(year, week, weekday + 1)
            except ValueError:  # week 53 of a year with 52
                return None
        return _pick_year(ref, role, make), role
    if kind == "from_today":
        start = ref + dt.timedelta(days=(WEEKDAYS[g[2].lower()] - ref.weekday() - 1) % 7 + 1) if g[2] else ref
        return add_length(start, g[0], g[1])[1], "deadline"
    if kind == "zh_dotted":
        month, day = int(g[0]), int(g[1])
        return (_pick_year(ref, "deadline", lambda y: _safe(y, month, day)), "deadline") if 1 <= month <= 12 else (None, role)
    if kind == "zh_day":
        day, first = int(g[0]), ref.replace(day=1)
        first = _add_months(first, 1) if day <= ref.day else first
        if not 1 <= day <= 31:
            return None, role
        return _safe(first.year, first.month, day) or _month_end(first.year, first.month), "deadline"  # '31号前' in April
    if kind == "relative":
        word = g[0].lower()
        if word == "tomorrow":
            return ref + dt.timedelta(days=1), role
        if word == "next week":
            return ref + dt.timedelta(days=7), role
        extra = 7 if "next" in word else 0
        return ref + dt.timedelta(days=(4 - ref.weekday()) % 7 + extra), "deadline"
    return None, role


def find_dates(text: str, ref: dt.date) -> list[DateMention]:
    """Every date in `text`, resolved against `ref` (the interview date), in reading order."""
    return list(_find_dates(text, ref))


@text_cache()
def _find_dates(text: str, ref: dt.date) -> tuple[DateMention, ...]:
    """The dates of `text`, found in it with its dates' words put in figures ('三月十五日', '115年3月5日'), each
    given back at its place in `text`."""
    view = in_figures(text)
    if view is None:
        return _dates_in(text, ref)
    figures, where = view
    return tuple(DateMention(text[where[d.start]:where[d.end - 1] + 1].strip(), where[d.start], where[d.end - 1] + 1,
                             d.date, d.role) for d in _dates_in(figures, ref))


def _dates_in(text: str, ref: dt.date) -> tuple[DateMention, ...]:
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        if kind in _NEEDS and not _NEEDS[kind].search(text):
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            date, role = _resolve(kind, m, ref, _role(text, start, end))
            if date is None:
                continue
            role = "deadline" if role == "check" else role
            taken.append((start, end))
            found.append(DateMention(m.group(0).strip(), start, end, date, role))
    return tuple(sorted(found, key=lambda d: d.start))


_EXPLICIT = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"
    r"|(?<![\d/.-])(\d{1,2})([/.]|-(?=\d{1,2}-20\d\d))(\d{1,2})\8(\d{4}|\d{2})(?![\d/-]|\.\d)"  # '23-11-2026' too
    r"|(?<!\d)" + _DAY_BEFORE_MONTH + r"(?:of\s+)?" + _M + _BEFORE_YEAR + _YEAR_AFTER_DAY + "|" + _M + r"\.?\s+(\d{1,2}|" + _ORDINAL_WORDS + r")(?:st|nd|rd|th)?,?\s+" + _YEAR,  # ('October sixth 2026')
    re.I,
)


def explicit_dates(text: str) -> list[dt.date]:
    """Dates that carry their own year, as written (a slash date read month first)."""
    return [options[0] for _, _, options in _explicit(text)]


def _year(written: str) -> int:
    """'2026', or '26 written after an apostrophe ('99 is 1999)."""
    year = int(written.lstrip("'’"))
    return year if len(written) == 4 else year + (2000 if year < 70 else 1900)


def _explicit(text: str) -> list[tuple[int, int, list[dt.date]]]:
    """(start, end, readings) of each date with a year; '3/9/26' has two readings, 9 March and 3 September."""
    view = in_figures(text)
    if view is None:
        return _explicit_in(text)
    figures, where = view
    return [(where[start], where[end - 1] + 1, options) for start, end, options in _explicit_in(figures)]


def _explicit_in(text: str) -> list[tuple[int, int, list[dt.date]]]:
    out = []
    for m in _EXPLICIT.finditer(text):
        g = m.groups()
        if g[0]:
            options = [_safe(int(g[0]), int(g[1]), int(g[2]))]
        elif g[3]:
            options = [_safe(int(g[3]), int(g[4]), int(g[5]))]
        elif g[6]:
            a, b = int(g[6]), int(g[8])
            year = int(g[9]) + (2000 if len(g[9]) == 2 else 0)
            dotted = g[7] == "."  # '02.06.2026': written with dots, the day comes first
            options = [_safe(year, b, a)] if dotted else [_safe(year, a, b), _safe(year, b, a)] if a != b else [_safe(year, a, b)]
            if dotted and len(g[9]) == 2 and a >= 20 and unspaced(text):
                options.insert(0, _safe(2000 + a, b, int(g[9])))  # '26.9.22 盾构2号机': in Chinese a year (20xx) comes first
        elif g[10]:
            options = [_safe(_year(g[12]), MONTHS[g[11].lower()[:3]], _day_number(g[10]))]
        else:
            options = [_safe(_year(g[15]), MONTHS[g[13].lower()[:3]], _day_number(g[14]))]
        found = [d for d in options if d]
        if found:
            out.append((m.start(), m.end(), found))
    for m in _ISO_WEEK_DAY.finditer(text):
        with contextlib.suppress(ValueError):
            out.append((m.start(), m.end(), [dt.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3]))]))
    for m in _COMPACT_DATE.finditer(text):  # '18JUN26', '03MAR2027': a reference's or a log's day, in capitals
        if _NUMBERED_AS.search(text[:m.start()]):
            continue  # 'Case ref 12JAN24': a case's number
        if day := _safe(_year("'" + m[3] if len(m[3]) == 2 else m[3]), MONTHS[m[2].lower()], int(m[1])):
            out.append((m.start(), m.end(), [day]))
    return sorted(out, key=lambda found: found[0])


_NUMBERED_AS = re.compile(r"\b(?:case|ref|reference|no|number|invoice|order|ticket|job)\.?[ \t]*[:#]?[ \t]*$", re.I)
_COMPACT_DATE = re.compile(r"(?<![A-Za-z0-9])(\d{1,2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(\d{4}|\d{2})(?![A-Za-z0-9])")


# ---------------------------------------------------------------- the interview's own date

_DATE_LINE = re.compile(
    r"""interview | review | meeting | \bmtg | 1:1 | 1-1 | one[- ]on[- ]one | catch[- ]?up | check[- ]?in
      | conversation | \bheld | \bdate | \bwhen\b | \bsent\b | \bcall\b | \bchat\b | \bnotes?\b | recap | ^\W*on\s*[:：]  # (a form's 'On: 11/02/2026')
      | 面谈 | 谈话 | 会议 | 沟通 | 日期 | 时间 | 记录""",
    re.I | re.X,
)
# A date that opens or closes a range ('01 DEC 2025 - 15 JAN 2026', a report's period) is no meeting's date.
_MEETING_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b(?!\s+(?:mornings|evenings|nights))", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|until|through|thru|~|至|到)\s*\d(?!\d*[:：]\d)", re.I)  # not '24/2/26 – 1:1
_RANGE_BEFORE = re.compile(  # a date, then the dash: not 'veterinary nurse (ward 2) – 07/07/2026' or '1:1 - 09/11/2026'
    r"""(?:(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})? | \d{1,2}(?:st|nd|rd|th)?\s+""" + _MONTH + r"""\.?(?:,?\s+\d{4})?
         | """ + _MONTH + r"""\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})? | \d{1,2}\s*[月日号])
        \s*(?:-|–|—|to|until|through|thru|~|至|到)
      | (?<![\d:)])\b\d{1,2}\s*(?:-|–|to|until|through|thru|~|至|到))  # a bare day first, not 'Station 7 — 11/02/2026'
    \s*$""", re.I | re.X)
_YEARLESS = ("en_dm", "en_md", "zh_md", "slash", "dotted", "day_dot_month", "heading_day_dot")
# '4.27 聊了下', '11.2 黎秀英 面谈': a month and day with a dot, as Chinese notes date themselves (headers only)
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.%])")
_DAY_DOT_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")  # '22.01.': the day first, a dot after each
# 'nights - 26.11' on a heading written with spaces: the day first, the month in two digits, set apart by a dash, a bar
# or a comma and ending its part of the line (not 'score 3.5', 'room 3.12', 'at 10.05 am', 'rate 1.05 per 100')
_HEADING_DAY_DOT = re.compile(r"(?:^|[-–—|,(]\s*)(\d{1,2})\.(\d{2})(?=\s*(?:$|[-–—|,)]))")
# A line about a meeting still to come ('Next review 14 July', '下次复盘 6月3日', '10月31号复盘') holds no interview date.
_FORWARD = re.compile(r"""\b(?:next|again|upcoming|future|due|until)\b
    | \bby\s+(?:the\s+)?(?:end|close|mid|early|late|next|this|\d|""" + _MONTH + r"""|mon|tue|wed|thu|fri|sat|sun)  # not 'typed by Gill'
    | \bfollow[- ]?up\b(?!\s+(?:from|to|after|on|of)\s+(?:our|the|this|today|yesterday|my|your))  # not 'Follow-up from our review'
    | \bthen\s+(?:we\s+)?(?:review|check|meet|catch\s+up)\s+(?:it\s+|again\s+)*(?:on|at|in|by)\b | ^\W*targets?\b
      # '… then we review on the first of december' (not 'then we look at the rota')
    | \b(?:let['’]?s|let\s+us|we['’]ll|we\s+will|i['’]ll|i\s+will)\s+(?:catch\s+up|meet|review|check\s+in|touch\s+base|reconvene
        |look\s+(?:at\s+it\s+)?again|sit\s+down)\b  # "Let's catch up at the end of the season, 31 October""
    | 下次|下一次|复谈|复盘|再约|之前|前完成""", re.I | re.X)
# ... but a review held with someone is this meeting: '9.25 跟大伟（场控）复盘' (not '月底复盘 11.30').
_HELD_WITH = re.compile(r"(?:跟|和|与)\s*[^\s，,。；;\d]{1,12}?(?:[（(][^）)]{1,12}[）)])?\s*复盘")
# A line that says the day this talk was held: '这是跟梅秀兰的，7月21号谈的，2026年' (not '上次6.3谈的改进计划', '6月3号谈的目标').
_SAID_HELD = re.compile(r"""^(?!.*(?:上次|上回|之前|以前|上个月))
    .*(?<!\d)\d{1,2}\s*[月.]\s*\d{1,2}\s*[日号]?\s*(?:那天|当天)?\s*(?:面谈|谈|聊)(?:的|了|过)(?:一下)?\s*(?:[，,。.；;！!]|$)""", re.X)
_WEEKDAY_NEAR = re.compile(
    r"""\b(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|rs|s|t|r|\.)?\b
        (?!(?<=\bsat)\s+(?:in|down|with|there|around|through|outside|next\s+to|beside)\b)  # 'sat in the back room'
      | (?:周|星期|礼拜)([一二三四五六日天])""", re.I | re.X)
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_MONTH_WORD = re.compile(_M + r"\b|(?<!\d)(\d{1,2})\s*月", re.I)
_WEEK_NUMBER = re.compile(r"\b(?:wk|week)\.?\s?(\d{1,2})\b", re.I)  # 'wk 11': a month of the year too


def held_on(lines: list[str], text: str, today: dt.date) -> dt.date | None:
    """The date the interview was held: from the first lines or a line about the meeting ('Date:',
    'Tue 17 Feb', '3/9/26', '面谈时间：3月5日'), never a deadline. A date without a year is the latest
    one not after today (on the weekday written beside it, if any); a slash date that reads both ways
    is read the way that puts the notes' other months nearest it."""
    lines = [view[0] if (view := in_figures(line)) else line for line in lines]  # '今天是三月六号': 3月6号
    heading = lines[:2]
    said = [line for line in lines if _SAID_HELD.search(line)]  # '好，这是跟梅秀兰的，7月21号谈的' at the foot says it outright

    def ahead(line: str, start: int, end: int) -> bool:
        """A date for a meeting to come: said so on its line, or, on a first line, in its own clause (not 'Wednesday
        11 Feb, sat down with Tomasz over coffee from the new place next door')."""
        said_of = _clause(line, start, end) if line in heading else line
        return bool(_FORWARD.search(said_of)) and not _HELD_WITH.search(line)

    about = said + [line for i, line in enumerate(lines[:40]) if i < 2 or _DATE_LINE.search(line) or (i < 4 and len(line) <= 60)]
    if counted := next((day for line in heading + said if (day := _counted_to_named_day(line, today))), None):
        return counted  # '06.11 — 离双11还有5天': the count says which way the figures read
    for line in lines[:2] + about:
        for start, end, options in _explicit(line):
            if (line not in heading and ahead(line, start, end)) or retracted(line, end):
                continue  # (nor a date the speaker takes back: '三月五号，哦不对不对，今天是三月六号')
            if _role(line, start, end) == "point" and not _RANGE_AFTER.match(line, end) and not _RANGE_BEFORE.search(line[:start]):
                weekday = _weekday_near(line, start, end)  # 'Thu 04/06/2026': 4 June, a Thursday, not 6 April
                return _nearest_months([d for d in options if d.weekday() == weekday] or options, text, today)
    for line in about:
        if _DATE_FIELD.match(line) and (day := _named_day_held(line, today)):
            return day  # 'Date: St Swithin's Day', before a day another line names ('last home game 24 September')
        for kind, pattern in [*_PATTERNS, ("dotted", _DOTTED), ("day_dot_month", _DAY_DOT_MONTH),
                              ("heading_day_dot", _HEADING_DAY_DOT)]:
            if (kind not in _YEARLESS or (kind == "dotted" and not unspaced(line))
                    or (kind == "heading_day_dot" and (unspaced(line) or line not in heading))):
                continue
            for m in pattern.finditer(line):
                if kind in ("en_dm", "en_md") and m.group(3):
                    continue  # a year of its own: read above
                if _role(line, m.start(), m.end()) != "point" or ahead(line, m.start(), m.end()):
                    continue
                if day := _yearless_held(kind, m, line, text, today):
                    return day
    return next((day for line in about if not ahead(line, 0, len(line))
                 and (day := _nth_weekday_held(line, today) or (_weekday_day_held(line, today) if line in heading else None)
                      or _named_day_held(line, today))),
                None) or _replied_on(lines)  # 'first Monday of September', 'tuesday the twenty second', 'the day after the
    # clocks went back'; else the day of the employee's reply the notes quote


# A quoted reply's opening: 'On Sat, 5 Sept 2026 at 21:04, Tane Horomona <tane.h@…> wrote:' (the meeting was that day:
# '> thanks for today').
_REPLIED = re.compile(r"^\W*On\s+(?P<when>[^\n]{6,140}?)\bwrote\s*:\s*$", re.I)


def _replied_on(lines: list[str]) -> dt.date | None:
    for line in lines:
        if (m := _REPLIED.match(line)) and (found := _explicit(m["when"])):
            return max(found[0][2])
    return None


def _yearless_held(kind: str, m: re.Match[str], line: str, text: str, today: dt.date) -> dt.date | None:
    """The meeting's day a date with no year (`m`, of pattern `kind`) on `line` says: the latest such day not after today,
    on the weekday beside it; a date taken back gives way to the day said instead, or to none."""
    days, weekday = _month_days(kind, m), _weekday_near(line, m.start(), m.end())
    if retracted(line, m.end()):
        said = _said_instead(line, m.end(), days)
        if said is None:
            return None  # taken back, and the date said instead is read on
        days, weekday = said
    # as the notes write it elsewhere ('30/10'); in Chinese, the month first ('9/7 面谈': 7 September)
    if kind == "slash" and len(days) == 2 and (order := written_order(text) or ("month first" if unspaced(line) else None)):
        days = days[1:] if order == "day first" else days[:1]
    options = [d for d in (_latest(month, day, today, weekday) for month, day in days) if d]
    if week := _WEEK_NUMBER.search(line):  # 'mon 2/3 (wk 10)': the week written beside it decides
        options = [d for d in options if d.isocalendar()[1] == int(week.group(1))] or options
    return _nearest_months(options, text, today) if options else None


def _said_instead(line: str, end: int, days: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int] | None:
    """The day said instead of a date taken back at `end`, in the same month, with its weekday: 'Tuesday the twelfth of
    May — no, scratch that, it's Wednesday, the thirteenth'; None where no such day follows."""
    again = _WEEKDAY_DAY.search(line, end)
    if not again:
        return None
    return [(month, _day_number(again.group(2) or again.group(3))) for month, _ in days], WEEKDAYS[again.group(1).lower()]


# A day counted back from a named day: '离双11还有5天' (five days to go until 11 November), '中秋前一天' (the day before
# the Mid-Autumn Festival), 'two days before Christmas'.
_COUNTED_TO = re.compile(rf"""离\s*(?P<to>{NAMED_DAY.pattern})\s*(?:还有|只有|就剩|还剩|剩)\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?P<unit>天|周|个?星期)
    |(?P<before>{NAMED_DAY.pattern})\s*(?:节)?\s*前\s*(?P<bn>\d+|[一二两三四五六七八九十]+)\s*(?P<bunit>天|周|个?星期)
    |(?<!\bfor\s)(?<!\bthe\s)(?<!\babout\s)\b(?P<en_n>\d+|a|one|two|three|four|five|six|seven)\s+(?P<en_unit>days?|weeks?)\s+before\s+(?:the\s+)?
     (?P<en_to>{NAMED_DAY.pattern})""", re.I | re.X)
# A line that records the meeting, where a count says its day (not 'Two days before Christmas she called in sick').
_MET = re.compile(r"\b(?:1:1|1-1|121|review|check-?in|catch-?up|chat|met|meeting|spoke|talked|sat\s+down|supervision)\b|面谈|谈话|聊|谈|沟通|复盘",
                  re.I)
_AT_THE_TIME = re.compile(r"\s*(?:的时候|那天|时)")  # '离双11还有5天的时候她把库存盘错了': when something happened


def _counted_to_named_day(line: str, today: dt.date) -> dt.date | None:
    """The meeting's day a line counts back from a named day, the latest such day not after today; None where the line
    counts none or is not about the meeting."""
    m = _COUNTED_TO.search(line)
    if not m or not _MET.search(line) or _AT_THE_TIME.match(line, m.end()):
        return None
    name, count, unit = ((m["to"], m["n"], m["unit"]) if m["to"] else (m["before"], m["bn"], m["bunit"]) if m["before"]
                         else (m["en_to"], m["en_n"], m["en_unit"]))
    n = 1 if count.lower() in ("a", "one") else zh_number(count) if not count.isascii() else (
        int(count) if count.isdigit() else WORD_NUMBERS.get(count.lower()))
    if not n:
        return None
    make, _ = _calendar_day(name)  # (the pattern matched one of the calendar's names)
    back = dt.timedelta(days=n * (1 if unit.lower().startswith(("天", "day")) else 7))
    days = [day - back for year in (today.year + 1, today.year, today.year - 1) if (day := make(year))]
    return next((day for day in days if day <= today), None)


# A named day placing a date beside it ('(week after Easter)'), and an event named after the day, which is no day.
_NEAR_DAY = re.compile(r"\b(?:week|weekend|days?|fortnight)\s+(?:after|before|of)\s+(?:the\s+)?$", re.I)
_NAMED_EVENT = re.compile(r"\s+(?:party|do|rota|leave|cover|lunch|dinner|event|shopping|parade|market|fair|concert|show|"
                          r"closure|opening|trading|orders?|stock|requests?)\b", re.I)


_DATE_FIELD = re.compile(r"\W*(?:date|held)\W*[:：]", re.I)


def _named_day_held(line: str, today: dt.date, beside: bool = False) -> dt.date | None:
    """A day a meeting's line names by the calendar, counted on from it or as the line's date ('Date: Monday – the day
    after the clocks went back', 'the Thursday after the Easter weekend'), not a subject ('1:1 – the Christmas rota'),
    the latest such day not after today; `beside` another date, any named day near it ('(week after Easter)')."""
    m = NAMED_DAY.search(line)
    if m and (zh := _ZH_WEEKDAY_AFTER.match(line, m.end())) and (day := _named_day(m, today, "held")):
        weekday = "一二三四五六日".find(zh.group(1).replace("天", "日"))
        day += dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)  # '中秋后第一个周一': the Monday after it
        return day if day <= today else None
    if not m or _NAMED_EVENT.match(line, m.end()) or not (
            (beside and _NEAR_DAY.search(line[:m.start()])) or _AFTER_DAY.search(line[:m.start()])
            or re.match(r"\W*(?:date|held)\W*$", line[:m.start()], re.I)):
        return None  # (not an event named after the day: 'the Monday after the Christmas party', 'Christmas rota')
    day = _named_day(m, today, "held")
    return day if day and day <= today else None


# The weekday after a named day, in Chinese: '中秋后第一个周一', '国庆之后的周三'.
_ZH_WEEKDAY_AFTER = re.compile(r"\s*(?:节)?(?:后|之后|过后)(?:的)?(?:第(?:一|1)个)?(?:周|星期|礼拜)([一二三四五六日天])")


# What ends a clause around a date on a first line.
_CLAUSE_END = re.compile(r"[,;!?，；。！？()（）：]|:(?!\d)|\.(?:\s|$)|\s[-–—]\s")


def _clause(line: str, start: int, end: int) -> str:
    """The clause of `line` that holds the date at [start, end), no more than `_CLAUSE_REACH` characters either side (a
    memo transcribed without punctuation is one line with no clause end)."""
    before = [m.end() for m in _CLAUSE_END.finditer(line, 0, start)]
    after = _CLAUSE_END.search(line, end - 1 if line[end - 1:end] == "." else end)  # ('3 Mar.': its dot ends it)
    return line[max(before[-1] if before else 0, start - _CLAUSE_REACH):min(after.start() if after else len(line), end + _CLAUSE_REACH)]


_CLAUSE_REACH = 80


def _nth_weekday_held(line: str, today: dt.date) -> dt.date | None:
    """'first Monday of September 2026' as the meeting's day: in the year written after it, else the latest not after
    today."""
    for m in dict(_PATTERNS)["nth_weekday"].finditer(line):
        if _role(line, m.start(), m.end()) != "point":
            continue
        ordinal, day, month = (g.lower() for g in m.groups()[:3])
        written = re.match(r"[ \t,]*(\d{4})\b", line[m.end():])
        years = [int(written.group(1))] if written else [today.year, today.year - 1]
        held = [d for d in (_nth_weekday(y, MONTHS[month[:3]], ordinal, day) for y in years) if d <= today]
        if held:
            return held[0]
    return None


# A weekday and a day of the month, no month: 'voice memo tuesday the twenty second after the one to one', 'Fri the 3rd'.
_WEEKDAY_DAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+"
                          r"(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(" + _ORDINAL_WORDS + r"))\b(?!\s*(?:of\b|" + _MONTH + r"))", re.I)


def _weekday_day_held(line: str, today: dt.date) -> dt.date | None:
    """'tuesday the twenty second' as the meeting's day: the latest day of that number on that weekday, not after today."""
    m = _WEEKDAY_DAY.search(line)
    if not m:
        return None
    day, weekday = _day_number(m.group(2) or m.group(3)), WEEKDAYS[m.group(1).lower()]
    month, days = today.replace(day=1), []
    for _ in range(12):
        held = _safe(month.year, month.month, day)
        if held and held <= today and held.weekday() == weekday:
            days.append(held)
        month = _add_months(month, -1)
    near = _named_day_held(line, today, beside=True)  # 'Tuesday the 14th (week after Easter)': the one by that day
    return min(days, key=lambda d: abs((d - near).days)) if near and days else days[0] if days else None


# A slash date, not a score: '9/14 audits passed', '8/20 jobs', '3/4 的单子' count things.
_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])(?!\s*(?:[a-z]+s\b|of\b|个|次|件|单|条|台|张|份|项|%))", re.I)


# A slash date with its year: '13/11/26', '04/02/2027'.
_SLASH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")


def written_order(text: str) -> str | None:
    """How the notes write slash dates, years or none ('13/11/26' day first, '11/13/26' month first), where some can
    only be read one way and none only the other."""
    pairs = [(int(a), int(b)) for a, b in _SLASH.findall(text) if (int(a), int(b)) != (24, 7)]
    pairs += [(int(a), int(b)) for a, b, _ in _SLASH_YEAR.findall(text)]
    day_first = any(12 < a <= 31 and b <= 12 for a, b in pairs)
    month_first = any(a <= 12 < b <= 31 for a, b in pairs)
    return None if day_first == month_first else "day first" if day_first else "month first"


def in_written_order(mention: DateMention, order: str | None) -> DateMention:
    """`mention` read the way the notes write their slash dates: '04/02/27' in notes that write '13/11/26' is 4 February,
    though one slash date alone is read month first."""
    m = _SLASH_YEAR.fullmatch(mention.text)
    if order is None or m is None:
        return mention
    a, b = int(m[1]), int(m[2])
    first, second = (b, a) if order == "day first" else (a, b)  # (month, day)
    if a > 12 or b > 12 or (mention.date.month, mention.date.day) == (first, second):
        return mention
    date = _safe(int(m[3]) + (2000 if len(m[3]) == 2 else 0), first, second)
    return dataclasses.replace(mention, date=date) if date else mention


def _month_days(kind: str, m: re.Match[str]) -> list[tuple[int, int]]:
    g = m.groups()
    if kind in ("zh_md", "dotted"):
        return [(int(g[0]), int(g[1]))] if 1 <= int(g[0]) <= 12 else []
    if kind in ("day_dot_month", "heading_day_dot"):
        return [(int(g[1]), int(g[0]))] if 1 <= int(g[1]) <= 12 else []
    if kind in ("en_dm", "en_md"):
        day_s, month_s = (g[0], g[1]) if kind == "en_dm" else (g[1], g[0])
        return [(MONTHS[month_s.lower()[:3]], _day_number(day_s))]
    if g[2]:
        return []  # a slash date with a year is explicit
    a, b = int(g[0]), int(g[1])
    return [(a, b), (b, a)] if a != b and a <= 12 and b <= 12 else [(a, b) if a <= 12 else (b, a)]


def _weekday_near(line: str, start: int, end: int) -> int | None:
    """The weekday written beside the date at line[start:end] ('Thu 04/06', '3月5日（周四）'), or None."""
    lo, hi = max(0, start - 12), end + 8  # matched on the whole line: 'sat' beside a window's edge may be 'sat down'
    w = next((m for m in _WEEKDAY_NEAR.finditer(line) if m.start() >= lo and m.end() <= hi), None)
    if not w:
        return None
    return WEEKDAYS[w.group(1).lower()[:3]] if w.group(1) else _ZH_WEEKDAY[w.group(2)]


def _latest(month: int, day: int, today: dt.date, weekday: int | None) -> dt.date | None:
    """The latest such date not after today (a week's grace for notes dated ahead); with a `weekday` written beside
    it, the one on that weekday nearest today, ahead or behind ('Wed 6 Jan' in December 2026: January 2027, not 2021)."""
    years = [d for d in (_safe(today.year + 1 - k, month, day) for k in range(8)) if d]
    on_day = [d for d in years if weekday is not None and d.weekday() == weekday]
    if on_day:
        return min(on_day, key=lambda d: abs((d - today).days))
    dates = [d for d in years if d <= today + dt.timedelta(days=7)]
    return dates[0] if dates else None


def _nearest_months(options: list[dt.date], text: str, today: dt.date) -> dt.date:
    """Of a date's readings, the one the months named in the notes cluster around, and on a tie the latest (notes are
    written soon after the talk: 'Thursday (12/11)' on 5 December is 12 November 2026, not 11 December 2025); one that
    has not come yet is no day the talk was held, where another reading has ('12/11' on 5 December: 12 November), nor
    one more than a year ago, where another is within it."""
    options = [d for d in options if d <= today] or options
    options = [d for d in options if (today - d).days <= 366] or options  # ('Tue 7/4' in 2026: 7 April 2026, a Tuesday,
    if len(options) == 1:                                                # not 4 July 2023, the last Tuesday that was)
        return options[0]
    months = [MONTHS[m.group(1).lower()[:3]] if m.group(1) else int(m.group(2)) for m in _MONTH_WORD.finditer(text)]
    months += [dt.date.fromisocalendar(options[0].year, int(w), 1).month for w in _WEEK_NUMBER.findall(text) if 1 <= int(w) <= 52]
    months = [m for m in months if 1 <= m <= 12]

    def distance(d: dt.date) -> int:
        return sum(min((m - d.month) % 12, (d.month - m) % 12) for m in months)

    return min(options, key=lambda d: (distance(d), abs((today - d).days)))


_PAST_MONTH = re.compile(
    r"""\b(?:in|during|for|since|over|across|of|last)\s+(?:the\s+month\s+of\s+)?""" + _M + r"""\b(?!\s+\d{1,2}\b)
        (?:\s*(?:,|and|&|or|to|through|-|–)\s*""" + _MONTH + r"""\b(?!\s+\d{1,2}\b))*
      | \b""" + _M + r"""\s+(20\d\d)\b
      | (?<![\d年])(\d{1,2})\s*月(?:份)?(?![底末中初前内起]|上旬|下旬|\d{1,2}\s*[日号])
      | (?<!\d)(20\d\d)\s*年\s*(\d{1,2})\s*月(?![底末中初前内起\d])""",
    re.I | re.X,
)


# A line that states a goal: its label first ('Target:', '- Goals', '目标：'), after any bullet or number.
_GOAL_LINE = re.compile(r"""[^\w\n]*(?:\d{1,2}[.)、]\s*)?
    (?:(?:(?:the|our|new|agreed)\s+)?(?:targets?|goals?|aims?|objectives?|kpis?|tgts?)\b | 目标 | 指标)""", re.I | re.X)


def undated_interview(text: str, today: dt.date) -> dt.date | None:
    """For notes that give no interview date: the day after the latest day they report on ('15 JAN 2026', 'came
    on 9 Jan'), on the weekday the opening names if any ('what we discussed on Monday'); else the first day after
    the latest month they report on ('in May', 'Aug 2026', '4月客户投诉12起'), so 'by end of June' is the June
    after it and not the next year's, or the day of that month an opening about today names ('this morning the
    19th', '今天19号'). None when the notes name no past month; the plan says the date was assumed."""
    reported = [options for start, end, options in _explicit(text)
                if _role(text, start, end) == "point" and not _in_goal(text, start)]
    dated = [max(options) for options in reported if min(options) <= today]
    # months and days without a year are read near the latest one with a year ('01 DEC 2025 - 15 JAN 2026 ...
    # since Jonas left in November': November 2025)
    anchor = min(max(dated) + dt.timedelta(days=31), today) if dated else today
    month = _latest_month_reported(text, anchor)
    day = _latest_day_reported(text, anchor, [max(options) for options in reported])
    if day is not None and (month is None or day >= month):
        after = day + dt.timedelta(days=1)
        named = _MEETING_WEEKDAY.search("\n".join(text.splitlines()[:3]))
        if named:
            after += dt.timedelta(days=(WEEKDAYS[named.group(1).lower()] - after.weekday()) % 7)
        return min(after, today)
    if not month:
        return None
    after = _add_months(month, 1)
    if (bare := _BARE_DAY.search("\n".join(text.splitlines()[:2]))) and (held := _day_of(after, int(bare["day"] or bare["zh"]))) <= today:
        return held  # 'chat with Shay this morning the 19th', after reporting on July: 19 August
    return min(after, today)


# A day of the month alone, in an opening that says the talk was today: 'this morning the 19th', '今天19号'.
_BARE_DAY = re.compile(r"""\b(?:today|this\s+(?:morning|afternoon|evening))[,\s]+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b
    (?!\s*(?:of\b|""" + _MONTH + r"""))|今天\s*(?P<zh>\d{1,2})\s*[号日](?![线机楼仓号])""", re.I | re.X)


def _day_of(first: dt.date, day: int) -> dt.date:
    """`day` of the month that starts on `first`, or its last day where the month is shorter."""
    last = (_add_months(first, 1) - dt.timedelta(days=1)).day
    return first.replace(day=min(max(day, 1), last))


def _in_goal(text: str, start: int) -> bool:
    """The sentence (or line) holding text[start] states a goal ('Goal: no more than 2 in April') or something still to
    be done before it ('I'll listen to three of your calls each week in March')."""
    opening = max(text.rfind("\n", 0, start), *(text.rfind(p + " ", 0, start) for p in ".!?;。！？；")) + 1
    clause = max(opening, *(text.rfind(p, opening, start) + 1 for p in ",，:："))
    return bool(_GOAL_LINE.match(text, opening) or _WILL.search(text, clause, start))


# What someone will or would do, in the clause before a month ('I'll listen to three of your calls each week in March',
# 'I said we'd look at it in October'); lower case only, so 'Will from stores says that in May…' names someone.
_WILL = re.compile(r"""\b(?:will|shall|going\s+to)\b|(?<=\w)['’]ll\b
    |(?<=\w)['’]d\s+(?!(?:\w+ly\s+|also\s+|already\s+|just\s+|never\s+)?(?:been|had|done|gone|got|seen|made|taken|said|told
      |left|\w+ed)\b)  # 'we'd look at it in October' (not 'she'd also missed two in September')
    """, re.X)


def _latest_month_reported(text: str, today: dt.date) -> dt.date | None:
    """The first day of the latest past month the notes report on, outside goals. A month a period starts in ('since
    October') does not end it where another month is named: 'since October … 12 times in January' ends in January."""
    reported = [m for m in _PAST_MONTH.finditer(text)
                if _role(text, m.start(), m.end()) == "point" and not _in_goal(text, m.start())]
    # a month a goal names ('Target: 0 errors in Oct and Nov') is ahead, not reported on
    ends = [m for m in reported if not m.group(0).lower().startswith("since")]
    latest: dt.date | None = None
    for m in ends or reported:
        g = m.groups()
        if g[0]:  # 'in April and May': the last month named
            month, year = MONTHS[re.findall(_MONTH, m.group(0), re.I)[-1].lower()[:3]], None
        elif g[1]:
            month, year = MONTHS[g[1].lower()[:3]], int(g[2])
        else:
            month, year = int(g[3] or g[5]), int(g[4]) if g[4] else None
        if not 1 <= month <= 12:
            continue
        year = year or (today.year if month <= today.month else today.year - 1)
        first = dt.date(year, month, 1)
        if first <= today and (latest is None or first > latest):
            latest = first
    return latest


def _latest_day_reported(text: str, today: dt.date, dated: list[dt.date]) -> dt.date | None:
    """The latest past day the notes report on: one of `dated` (the dates with a year they report on), or a day
    and a month named in words ('9 Jan', 'Dec 12'), outside goals and deadlines."""
    days: list[dt.date | None] = list(dated)
    for kind, pattern in _PATTERNS:
        if kind in ("en_dm", "en_md"):
            for m in pattern.finditer(text):
                if m.group(3) or _role(text, m.start(), m.end()) != "point" or _in_goal(text, m.start()):
                    continue
                ((month, day),) = _month_days(kind, m)
                days.append(_latest(month, day, today, None))
    past = [d for d in days if d and d <= today]
    return max(past) if past else None
