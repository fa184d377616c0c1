"""Find numbers with their units in notes: '96.1%', '$60k', '11.5 min', '20 calls/week', '55万', '4起以下', '九成'.

A goal's target and baseline are taken from these, never made up, so the extraction keeps the
text as written and marks numbers that name a standard ('vs 7 min target', '标准10分钟').
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .lexicon import vocab
from .numbers import WORD_NUMBERS, ZH_DIGITS, zh_number
from .textutil import text_cache

_WORDS = "|".join(w for w in WORD_NUMBERS if w != "one")  # 'one of the reasons', 'a one-off': seldom a count
_ONE_AFTER_LIMIT = r"(?:(?<=than\s)|(?<=most\s)|(?<=max\s)|(?<=to\s))one\b"  # but 'no more than one' is a count
_ZH = "[" + "".join(ZH_DIGITS) + "十]"
_ZH_MEASURE = "次|名|个|起|件|人|天|周|小时|分钟|单|笔|台|张|份|项|条|位|家|例|遍|场|本|套|批|处"

_TIME_UNITS = {
    "min": "min", "mins": "min", "minute": "min", "minutes": "min", "sec": "s", "secs": "s", "second": "s",
    "seconds": "s", "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "day": "day", "days": "day",
    "d": "day", "wk": "week", "wks": "week", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "分钟": "min", "小时": "h", "天": "day", "周": "week", "秒": "s", "秒钟": "s",
}
TIME_UNITS = frozenset(_TIME_UNITS.values())  # the units a length of time is read in: 'min', 'h', 'day', …
# '不能超过3次', '不可以多过1次': what may not be passed, a bound
_MAY_NOT = {f"{no}{word}": bound for no in ("不能", "不可以", "不可", "不得", "不应", "不准")
            for word, bound in (("超过", "<="), ("多过", "<="), ("多于", "<="), ("高于", "<="), ("低于", ">="), ("少于", ">="))}
_CMP_WORDS = {
    "<=": "<=", "=<": "<=", "≤": "<=", ">=": ">=", "=>": ">=", "≥": ">=", "<": "<", ">": ">",
    "within": "<=", "at least": ">=", "no less than": ">=", "not less than": ">=", "minimum": ">=", "min.": ">=", "over": ">",
    "above": ">", "more than": ">", "at most": "<=", "no more than": "<=", "not more than": "<=", "up to": "<=",
    "maximum": "<=", "max": "<=", "max.": "<=", "under": "<", "below": "<", "less than": "<", "fewer than": "<",
    "不超过": "<=", "不超": "<=", "不高于": "<=", "不多于": "<=", "最多": "<=", "不低于": ">=", "不少于": ">=", "至少": ">=", "达到": ">=",
    **_MAY_NOT,
    "低于": "<", "少于": "<", "高于": ">", "超过": ">", "降到": "<=", "降至": "<=", "控制在": "<=", "提升到": ">=", "提高到": ">=",
}
_CMP_AFTER = {"以下": "<", "以内": "<=", "以上": ">=", "or less": "<=", "or fewer": "<=", "or more": ">=",
              "or better": ">=", "or above": ">=", "or higher": ">=", "or lower": "<=", "+": ">="}

_COMPARATOR = (
    r"<=|>=|=<|=>|≤|≥|<|>|\bwithin|\bat least|\bno (?:less|more) than|\bnot (?:less|more) than|\bminimum|\bmin\.|\bover"
    r"|\babove|\bmore than|\bat most|\bup to|\bmaximum|\bmax\.?|\bunder|\bbelow|\bless than|\bfewer than"
    r"|" + "|".join(_MAY_NOT) +
    r"|不超过|不超|不高于|不多于|最多|不低于|不少于|至少|达到|低于|少于|高于|超过|降到|降至|控制在|提升到|提高到")
_NUMBER = re.compile(
    r"(?P<cmp>" + _COMPARATOR + r")?\s*"
    r"(?P<cur>[$€£¥￥])?\s?"
    r"(?P<num>(?<![A-Za-z0-9_.\-/#:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.]*(?-i:[DGS])(?![A-Za-z]))|\b(?:" + _WORDS + r")\b|" + _ONE_AFTER_LIMIT +  # (not "8D", "3D printer", "5S audit", "4G": a name with a figure in it)
    r"|" + _ZH + r"{1,3}(?=(?:" + _ZH_MEASURE + r")))"
    r"(?P<mult>\s?(?:k|K|m|M|bn|万|千|亿)(?![A-Za-z]|/s(?![A-Za-z])))?"
    r"(?P<pct>\s?(?:%|％|percent\b|pct\b)|x(?![A-Za-z]))?"
    r"(?P<unit>\s?[- ]?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|h(?![A-Za-z])|days?|d(?![A-Za-z])|wks?|weeks?|months?)(?![A-Za-z])"
    r"|\s?(?:m/s|km/h|kph|mph)(?![A-Za-z])"  # a speed: 'the 20 m/s gust limit'
    r"|\s?(?:分钟|小时|秒钟?|天|周|个月|个?工作日|次|名|个|起|件|人|单|笔|台|张|份|项|条|位|家|例|元|遍|场|本|套|批|处|斤|两(?!个)))?"
    r"(?P<per>\s?(?:/|per |a |an |each |every )\s?(?:day|wk|week|month|shift|hour|hr|h|call|ticket|session|sprint|quarter)s?\b"
    r"|/(?:天|周|月|班|小时))?"
    r"(?P<after>\s?(?:以下|以内|以上|or less|or fewer|or more|or better|or above|or higher|or lower|\+(?!\d)))?",
    re.IGNORECASE,
)
# What every number above contains: most plan sentences (causes, actions) have none, and this says so in one pass.
_ANY_NUMBER = re.compile(r"\d|" + _ZH + r"|\b(?:" + _WORDS + r")\b|" + _ONE_AFTER_LIMIT, re.IGNORECASE)
_SKIP_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:aisle|room|gate|bay|dock|floor|building|ward|zone|version|v|store|branch|station|lane|route|site|table|bed"
    r"|terminal|tier|level|sev|severity|cat|category|p|q|l|#|no\.|number|ticket|case|order|model|chapter|page|step|line"
    r"|runway|platform|pier|berth|quay|hangar|kiln|oven|vat|tank|pump|crane|vessel|enclosure|paddock|plot|shelf|rack|chair"
    r"|phase|episode)"  # ('phase 2 sign-off': a name, not a count)
    r"\s?[-#]?\s?$",  # (not a noun that is also a verb: 'field 40 calls', 'lift 20 boxes')
    re.IGNORECASE,
)
# (letters run onto a number make a code, 'B12', '4x4', '3rd', not a unit of measure written tight: '30mm', '5kg')
_TIMES_AFTER = re.compile(r"\s?(?:times|x\b|occasions|次)", re.IGNORECASE)
_SKIP_AFTER = re.compile(r"""^(?::\d|(?:am|pm|a\.m\.|p\.m\.|st|nd|rd|th)\b
    |(?!(?:mm|cm|km|kg|mg|ml|kw|kwh|kv|mbps|gb|mb|tb|bar|psi|rpm|lbs?|ft)(?![A-Za-z]))[A-Za-z]\w|\s?(?:月|年|号|日|季度)
    |点(?:半|钟|整|前|以前|之前|后|以后|[一二三四五]?[十刻]|\d))""",  # ('下午4点前': a clock time)
                         re.IGNORECASE | re.VERBOSE)
_STOP = (r"(?:in|on|at|by|for|of|to|vs|versus|against|and|or|per|from|since|over|the|a|an|where|that|which|when|while|who|with|after"
         r"|before|because|than|is|are|was|were|has|had|have|this|last|next|each|every|avg|average|more|less|out|so|but"
         r"|it|its|his|her|their|our|we|he|she|they|focused|ago|only|total|all|went|came|got|took|did|were|had"
         r"|happened|occurred|reported|logged|recorded|seen|found|made|between|until|till|during|across)\b")
_NOUN_AFTER = re.compile(r"^\s?((?!" + _STOP + r")[A-Za-z][\w\-']*(?:\s(?!" + _STOP + r")[A-Za-z][\w\-']*){0,2})", re.IGNORECASE)
_REF_AFTER = re.compile(r"^\s?的?(?:standard|target|norm|quota|benchmark|sla|expected|required|标准|目标|要求)", re.IGNORECASE)
_PER_NOUN = re.compile(r"^\s?(?:/|per |a |an |each |every )\s?(day|wk|week|month|shift|hour|hr)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    text: str  # the number as written, with comparator and unit: '<= 8 min', '$60k', '20 calls/week'
    start: int
    end: int
    value: float
    unit: str  # '%', 'x', '$', 'min', 'h', 'day', 'week', 'month', a counted noun ('mis-picks', '起'), or ''
    per: str | None  # 'week' in '20 calls/week'
    comparator: str | None  # '<', '<=', '>', '>=' when the notes give one
    reference: bool  # the number states a standard or target ('vs 7 min target', 'team avg is 20')
    low: float | None = None  # a range's lower bound ('between 32 and 38 mm': 32; `value` is 38, `comparator` 'between')
    in_two_units: bool = False  # a length written '3m30s': `value` 3.5 in `unit` 'min', the text says it whole

    @property
    def number_text(self) -> str:
        """The bare number as the notes wrote it ('60k', '11.5', '55万', '3m30s'); a range's upper bound."""
        if self.in_two_units and (duration := _DURATION.search(self.text)):
            return duration.group(0)
        found = _BARE_NUMBER.findall(self.text)
        return (found[-1] if self.low is not None else found[0]).strip() if found else self.text

    @property
    def low_text(self) -> str:
        """A range's lower bound as the notes wrote it ('32' in 'between 32 and 38 mm')."""
        found = _BARE_NUMBER.findall(self.text)
        return found[0].strip() if found else ""


_BARE_NUMBER = re.compile(r"[\d.,]+(?:\s?(?:k|m|bn|万|千|亿)(?![a-z]))?|" + _ZH + "+|" + _WORDS, re.IGNORECASE)
_PER_WORD = re.compile(r"^(?:/|per|an?|each|every)\s?", re.I)


def _value(num: str, mult: str | None) -> float | None:
    """The number's value, or None for Chinese numerals that name no one number ('两三天': two or three days)."""
    num = num.replace(",", "").lower()
    if num in WORD_NUMBERS:
        value = float(WORD_NUMBERS[num])
    elif num[0] in ZH_DIGITS or num[0] == "十":
        zh = zh_number(num)
        if zh is None:
            return None
        value = float(zh)
    else:
        value = float(num)
    factor = {"k": 1e3, "m": 1e6, "bn": 1e9, "万": 1e4, "千": 1e3, "亿": 1e8}.get((mult or "").strip().lower(), 1)
    return value * factor


_TIMES = re.compile(r"(?<![\w.])[x×](\d{1,2})(?![\d.%\w])")
_COUNT = r"(?:\d{1,4}|\b(?:" + "|".join(WORD_NUMBERS) + r")\b)"
# 'N of M' as one value: '4 of 10', '1 in 5', 'four weeks out of six' (a noun may stand between only before 'out of').
_FRACTION = re.compile(rf"""(?<![\d.])(?P<n>{_COUNT})
    (?:\s+(?:of|in) | (?:\s+[a-z][\w'-]*)?\s+out\ of)
    (?:\s+(?:his|her|their|the|your|my)\s+next)?  # '3 of his next 4 dogs'
    \s+(?P<m>{_COUNT})(?![\d%]|\.\d)""", re.I | re.X)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else WORD_NUMBERS[word.lower()]


# A share written in Chinese words: '百分之九十五' (95%), '百分之九十九点五', '九成' (90%), '九成五' (95%), '一成以下',
# '不到一成' (under 10%), '三分之一' (33%), '一半' (50%); not '一成不变' (unchanged), nor '八成是忘了' / '九成九是系统问题' (most likely).
_ZH_SHARE = re.compile(r"""(?P<cmp>不超过|不高于|不低于|不少于|至少|达到|低于|超过|降到|降至|控制在|提升到|提高到|不到)?
    (?:百分之(?P<pct>一?百|[零一二两三四五六七八九十]{1,3})(?:点(?P<decimal>[零一二三四五六七八九]{1,2}))?
     | (?P<tenths>[一二两三四五六七八九])成(?P<more>半|[一二三四五六七八九](?![个人次件天位名]))?+(?!不变|[是会要得就又没也都可能概])
     | (?P<den>[二两三四五六七八九十])分之(?P<part>[一二两三四五六七八九])  # a fraction: '三分之一' (a third)
     | (?<![降减少砍])(?P<half>一半))  # 'half'
    (?P<after>以上|以下|以内|不到)?""", re.X)


def _zh_shares(text: str, refs: re.Pattern[str]) -> Iterator[Quantity]:
    for m in _ZH_SHARE.finditer(text):
        if m.group("half"):
            value = 50.0
        elif m.group("den"):
            value = float(round(100.0 * (zh_number(m.group("part")) or 0) / (zh_number(m.group("den")) or 1)))
        elif m.group("pct"):
            value = 100.0 if m.group("pct") in ("百", "一百") else float(zh_number(m.group("pct")) or 0)
            if m.group("decimal"):
                value += float("0." + "".join(str(ZH_DIGITS[c]) for c in m.group("decimal")))
        else:
            more = m.group("more")
            value = float((zh_number(m.group("tenths")) or 0) * 10 + (5 if more == "半" else (zh_number(more) or 0) if more else 0))
        if not value:
            continue
        after, before = m.group("after") or "", m.group("cmp") or ""
        comparator = "<" if "不到" in (after, before) else _CMP_AFTER.get(after) or _CMP_WORDS.get(before)
        yield Quantity(m.group(0), m.start(), m.end(), value, "%", None, comparator, _named_standard(text, m.start(), refs))


def _named_standard(text: str, start: int, refs: re.Pattern[str]) -> bool:
    """The words just before text[start], within its clause, say the number is a standard ('vs', 'target', '标准'); in
    Chinese with English terms in it, a verb that requires it further back ('SOP 要求每份 QC findings < 10 个')."""
    if refs.search(re.split(r"[.;:,(（，；。：]", text[max(0, start - 16):start])[-1]):
        return True
    before = re.split(r"[.;:,(（，；。：]", text[max(0, start - 24):start])[-1]
    return bool(re.search(r"[A-Za-z]{3}", before)) and bool(_REQUIRES_ZH.search(before))


_REQUIRES_ZH = re.compile("要求|规定|应为|应该")


# Words after a range that are no unit: 'o'clock', a pronoun, a multiplier ('1-2k calls' is read as two numbers).
_NOT_A_UNIT = "am|pm|and|or|to|of|out|in|on|at|by|per|a|the|o|she|he|they|we|you|it|i|his|her|their|k|m|bn"
# A range of values, one quantity: 'between 32 and 38 mm', '2-5°C', '3–4 visits', '控制在2到5度之间'. Without
# 'between' or '之间' a range needs a unit after it and a dash between ('9-5' is office hours, 'from 4 to 2' a change).
_RANGE = re.compile(r"""
    (?:(?P<between>\bbetween)\s+)?
    (?<![A-Za-z0-9_.:/#第-])(?P<a>\d+(?:\.\d+)?)\s?(?P<unit_a>%|％|°C|°F|℃|°)?
    \s*(?P<to>and|-|–|—|~|～|至|到)\s*
    (?P<b>\d+(?:\.\d+)?)(?![\d.:/-])
    (?P<unit>\s?(?:%|％|°C|°F|℃|°|度|percent\b|""" + _ZH_MEASURE + r"""|(?!(?:""" + _NOT_A_UNIT + r""")\b)[A-Za-z]{1,12}\b))?
    (?P<apart>\s?之间)?""", re.X)
# Before a range, what numbers things rather than measuring them: 'Rooms 101-105', 'Aisles 3-5', 'in weeks 3-4'.
_NUMBERED_BEFORE = re.compile(r"(?:rooms?|aisles?|bays?|tickets?|orders?|lines?|pages?|weeks?|days?|months?|years?|levels?|floors?"
                              r"|units?|items?|rows?|cases?|steps?|chapters?|sections?|stages?|phases?)\s*$", re.I)


def _ranges(text: str) -> Iterator[Quantity]:
    for m in _RANGE.finditer(text):
        low, high = float(m["a"]), float(m["b"])
        bounded = m["between"] or m["apart"] or (m["unit"] and m["to"] not in ("到", "and"))
        if _NUMBERED_BEFORE.search(text[max(0, m.start("a") - 12):m.start("a")]) or re.match(r"[kKmM]\b|bn\b", text[m.end("b"):]):
            continue  # numbers of things ('Rooms 101-105'), or a multiplier after ('1-2k calls')
        if not bounded or (m["to"] == "and") != bool(m["between"]) or low >= high or (1900 <= low <= 2100 and 1900 <= high <= 2100):
            continue  # 'from 4 to 2' (a change), '2025-2026' (years)
        unit = (m["unit"] or m["unit_a"] or "").strip()
        unit = {"％": "%", "℃": "°C", "度": "°C", "percent": "%"}.get(unit.lower(), unit)
        yield Quantity(m.group(0).strip(), m.start(), m.end(), high, unit, None, "between", False, low)


# A length of time in two units, one quantity: '3m30s', '1h 30m', '2 hrs 15 mins', '3分30秒', '1小时30分钟'
# ('m' is minutes only here, before seconds or after hours: alone, '3m' is three million).
_DURATION = re.compile(r"""
    (?<![A-Za-z0-9_.:/#-])(?P<a>\d{1,3})\s?(?P<big>hours?|hrs?|h|minutes?|mins?|m|个?小时|分钟?)\s?
    (?P<b>[0-5]?\d)\s?(?P<small>minutes?|mins?|m|seconds?|secs?|s|分钟?|秒钟?)(?![A-Za-z\d])""", re.X | re.I)
_HOURS = re.compile(r"h|hrs?|hours?|个?小时", re.I)
_SECONDS = re.compile(r"s|secs?|seconds?|秒钟?", re.I)
_COMPARATOR_BEFORE = re.compile(r"(?:" + _COMPARATOR + r")\s*$", re.I)
_COMPARATOR_AFTER = re.compile(r"\s?(?:" + "|".join(re.escape(w) for w in _CMP_AFTER) + ")", re.I)


def _durations(text: str, refs: re.Pattern[str]) -> Iterator[Quantity]:
    for m in _DURATION.finditer(text):
        hours, seconds = bool(_HOURS.fullmatch(m["big"])), bool(_SECONDS.fullmatch(m["small"]))
        if hours == seconds or (m["big"].startswith("分") and m.end("big") != m.start("b")):
            continue  # hours then minutes, or minutes then seconds ('3 min 30 min' is no one length), and in Chinese written
            # tight: '考核得分 8分 20秒内接通率' is points, then a time
        cmp = _COMPARATOR_BEFORE.search(text, 0, m.start())
        after = _COMPARATOR_AFTER.match(text, m.end())
        start = cmp.start() if cmp else m.start()
        end = after.end() if after else m.end()
        comparator = (_CMP_AFTER.get(after.group(0).strip().lower()) if after else None) or (
            _CMP_WORDS.get(cmp.group(0).strip().lower()) if cmp else None)
        reference = _named_standard(text, start, refs) or bool(_REF_AFTER.match(text[end:]))
        yield Quantity(text[start:end].strip(), start, end, int(m["a"]) + int(m["b"]) / 60, "h" if hours else "min",
                       None, comparator, reference, in_two_units=True)


def find_quantities(text: str, skip_spans: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Numbers in `text` with unit and comparator; dates (`skip_spans`), times, ids ('Q4', 'sev-2', 'aisle 14') left out.

    'N of M' is one value ('4 of 10 reports', '1 in 5 offers'), compared only with values out of the same M.
    """
    return list(_find_quantities(text, tuple(skip_spans)))


_CURRENCY = frozenset("$€£¥￥")


def _number_matches(text: str) -> Iterator[re.Match[str]]:
    """`_NUMBER.finditer(text)`, faster: its optional comparator in front keeps `re` from skipping
    ahead, so each search starts just before the next thing that may be a number (a comparator is at
    most 13 characters, then spaces and a currency sign), and text without numbers is skipped."""
    pos = 0
    while (candidate := _ANY_NUMBER.search(text, pos)) is not None:
        start = candidate.start()
        while start > pos and (text[start - 1].isspace() or text[start - 1] in _CURRENCY):  # between comparator and number
            start -= 1
        match = _NUMBER.search(text, max(pos, start - 14))
        if match is None:
            return
        yield match
        pos = match.end()


# 'a month' before the figure a rate allows in it: '损耗一个月控制在3两以内', '一个月10张' (the rate's period, no count).
_ZH_RATE = re.compile(r"一(?:个月|周|天)(?=[^，。；,;\d]{0,6}\d)")


@text_cache()
def _find_quantities(text: str, skip_spans: tuple[tuple[int, int], ...]) -> tuple[Quantity, ...]:  # noqa: C901 -- predates the complexity budget
    if not _ANY_NUMBER.search(text) and "百分之百" not in text:
        return ()
    refs = vocab("observation", "reference")
    out: list[Quantity] = []
    fractions = []
    for f in _FRACTION.finditer(text):
        if any(s <= f.start() < e for s, e in skip_spans):
            continue
        part, whole = _count(f.group("n")), _count(f.group("m"))
        if whole <= 0 or part > whole:
            continue  # '3 in 2 weeks' is no share
        out.append(Quantity(f.group(0), f.start(), f.end(), float(part), f"of {whole}", None, None,
                            _named_standard(text, f.start(), refs)))
        fractions.append(f.span())
    for q in [*_ranges(text), *_durations(text, refs)]:
        if not any(s < q.end and q.start < e for s, e in (*skip_spans, *fractions)):  # not over a date ('10-12 June')
            out.append(q)
            fractions.append((q.start, q.end))
    if "成" in text or "分之" in text or "一半" in text:
        shares = [q for q in _zh_shares(text, refs) if not any(s <= q.start < e for s, e in skip_spans)]
        out += shares
        fractions += [(q.start, q.end) for q in shares]
    skip_spans = (*skip_spans, *fractions)
    for m in _number_matches(text):
        num_start, num_end = m.span("num")
        if any(s <= num_start < e for s, e in skip_spans) or _ZH_RATE.match(text, num_start):
            continue
        before, after = text[max(0, num_start - 12):num_start], text[m.end():]
        if not m.group("cur") and _SKIP_BEFORE.search(before.rstrip("(")) and not _TIMES_AFTER.match(after) \
                and _TIME_UNITS.get((m.group("unit") or "").strip(" -").lower()) is None:
            continue  # 'bay 6', 'station 4'; but 'late at mooring station 0 times' and 'block 2 hours' count
        if not (m.group("pct") or m.group("unit") or m.group("mult") or m.group("per")) and _SKIP_AFTER.match(text[num_end:]):
            continue
        if re.match(r"\d", m.group("num")) is None and m.group("num").lower() in WORD_NUMBERS and not _NOUN_AFTER.match(after):
            continue
        unit = ""
        if m.group("cur"):
            unit = "$" if m.group("cur") == "$" else m.group("cur")
        if m.group("pct"):
            unit = "%" if "x" not in m.group("pct").lower() else "x"
        elif m.group("unit"):
            raw = m.group("unit").strip(" -")
            unit = _TIME_UNITS.get(raw.lower(), raw)
        end = m.end()
        per = None
        if m.group("per"):
            per_word = _PER_WORD.sub("", m.group("per").strip()).rstrip("s").lower()
            per = {"wk": "week", "hr": "hour", "h": "hour", "天": "day", "周": "week", "月": "month", "班": "shift", "小时": "hour"}.get(per_word, per_word)
        if not unit:
            noun = _NOUN_AFTER.match(after) if not m.group("after") else None
            if noun and not m.group("cur"):
                unit = noun.group(1).lower()
                end = m.end() + noun.end()
                tail = _PER_NOUN.match(text[end:])
                if tail and per is None:
                    per = {"wk": "week", "hr": "hour"}.get(tail.group(1).lower(), tail.group(1).lower())
                    end += tail.end()
        value = _value(m.group("num"), m.group("mult"))
        if value is None:
            continue
        cmp_word = (m.group("cmp") or "").strip().lower()
        comparator = _CMP_AFTER.get((m.group("after") or "").strip().lower()) or _CMP_WORDS.get(cmp_word)
        if comparator is None and (noun_after := _COMPARATOR_AFTER.match(text, end)):
            comparator = _CMP_AFTER[noun_after.group(0).strip().lower()]  # after the noun: '6 knots or less', '2 late starts or fewer'
            end = noun_after.end()
        start = m.start() if cmp_word else (m.start("cur") if m.group("cur") else num_start)
        reference = _named_standard(text, start, refs) or bool(_REF_AFTER.match(text[end:]))
        out.append(Quantity(text[start:end].strip(), start, end, value, unit, per, comparator, reference))
    for m in _TIMES.finditer(text):  # shorthand's count of times: 'held the shoe on too long x2'
        if not any(s <= m.start() < e for s, e in skip_spans) and not any(q.start <= m.start() < q.end for q in out):
            out.append(Quantity(m.group(0), m.start(), m.end(), float(m.group(1)), "times", None, None, False))
    return tuple(sorted(out, key=lambda q: q.start))


@text_cache()  # asked of every plan sentence on every re-check
def has_quantity(text: str) -> bool:
    return bool(find_quantities(text))
