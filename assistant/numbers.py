"""Numbers written in words: the one table of English number words and the one reader of Chinese numerals,
shared by dates ('two weeks', '三个月内') and quantities ('zero duplicates', '4起以下', '十二次').

Which words count where is each pattern's business ('one' is seldom a quantity; 'a month' is a duration).
"""
from __future__ import annotations

import re

WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "forty-five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# The counts a length of time is written with in words ('six weeks', 'sixty days'), longest first.
COUNT_WORDS = "|".join(sorted((w for w in WORD_NUMBERS if w != "zero"), key=len, reverse=True))
ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# A Chinese numeral up to 99: a digit ('三'), or tens and units around 十 ('十', '十二', '二十', '二十五').
_ZH_NUMBER = re.compile(r"(?P<digit>[零一二两三四五六七八九])|(?P<tens>[一二两三四五六七八九]?)十(?P<units>[一二三四五六七八九]?)")


def zh_number(text: str) -> int | None:
    """The value of Arabic digits or of a Chinese numeral up to 99 ('十二' 12); None for what names no one
    number: '两三' (two or three), '三四' (three or four), '五一' (May Day), '二三十' (twenty or thirty)."""
    if text.isdigit():
        return int(text)
    m = _ZH_NUMBER.fullmatch(text)
    if m is None:
        return None
    if m["digit"]:
        return ZH_DIGITS[m["digit"]]
    return ZH_DIGITS.get(m["tens"], 1) * 10 + ZH_DIGITS.get(m["units"], 0)


# Dates written in Chinese numerals ('二〇二六年三月十五日', '三月底', '十五号前') or in the Minguo calendar that
# Taiwanese forms use ('115年3月5日', '民國115年', '115/03/05': year 115 is 2026), each part as it would be written in
# figures, and a month in Roman numerals ('12.viii.2026'). Only the parts of a date: '三个月' (three months) and '三日内'
# (within three days) stay words.
_DATE_IN_WORDS = re.compile(
    r"""(?:民[国國]\s*)?(?<![\d/.-])(?P<minguo>1[01]\d)(?=\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月|/\d{1,2}/\d{1,2}(?![\d/]))
      | (?P<year>[〇零一二三四五六七八九]{4})(?=\s*年)
      | (?<![个個每几幾两兩数數上下同统統这這那第近连連续續本该該整头頭一二三四五六七八九十\d])
        (?P<month>十[一二]?|[一二三四五六七八九])(?=\s*月)(?!\s*月[一二三四五六七八九十]次)   # not '同一月', '近三月', '一月一次'
      | (?<=月)(?P<day>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号號])
      | (?<![一二三四五六七八九十两兩\d])(?P<day_only>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])
        (?=\s*[号號]\s*(?:前(?![台厅廳线線端沿后後])|之前|以前|截止|为止|為止))
      | (?<![\w./])(?P<roman>\d{1,2}[./](?i:xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i)[./]\d{2,4})\b  # a month in Roman
      | (?<![\w./])(?P<roman_year>(?i:xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i)[./]20\d\d)\b  # numerals: '12.viii.2026',
      | (?<![\w./])(?P<roman_day>\d{1,2}/(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II))(?![\w/])  # '14/X/2026', 'XI/2026', '2/XI'""",
    re.X,
)
_ROMAN_MONTHS = {r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), start=1)}
_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _roman_date(written: str) -> str:
    """'14/X/2026' -> '14 Oct 2026', 'XI/2026' -> 'Nov 2026', '2/XI' -> '2 Nov': the month by its name, which no reading
    order of day and month can mistake."""
    parts = re.split(r"[./]", written)
    month = next(p for p in parts if p.lower() in _ROMAN_MONTHS)
    return " ".join(_MONTH_NAMES[_ROMAN_MONTHS[month.lower()] - 1] if p == month else p for p in parts)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_YEAR_DIGITS = {"〇": "0", **{k: str(v) for k, v in ZH_DIGITS.items()}}
MINGUO = 1911  # Minguo year 1 is 1912


def in_figures(text: str) -> tuple[str, list[int]] | None:
    """`text` with the parts of its dates written in words or Minguo years put in figures, and where each
    character of that came from in `text` (None where there is nothing to put in figures)."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    chinese = bool(_CHINESE.search(text))
    for m in _DATE_IN_WORDS.finditer(text):
        kind = m.lastgroup or ""
        written = m[kind]
        if kind == "minguo" and not chinese:
            continue  # '110/12/20' in an English note is a reference number, not a Taiwanese date
        if kind == "minguo":
            figures = str(int(written) + MINGUO)
        elif kind == "year":
            figures = "".join(_YEAR_DIGITS[c] for c in written)
        elif kind.startswith("roman"):
            figures = _roman_date(written)
        else:
            figures = str(zh_number(written) or "")
        if not figures:
            continue
        out.append(text[at:m.start()])
        where += range(at, m.start())
        out.append(figures)
        if kind.startswith("roman"):  # ('12.viii.2026' -> '12 Aug 2026', one shorter: its last figure is its last character)
            where += [m.start() + round(k * (len(written) - 1) / max(len(figures) - 1, 1)) for k in range(len(figures))]
        else:
            where += [min(m.start() + k, m.end() - 1) for k in range(len(figures))]
        at = m.end()
    if not out:
        return None
    out.append(text[at:])
    where += range(at, len(text))
    return "".join(out), where
