"""Numbers written in words: the one table of English number words and the one reader of Chinese numerals,
shared by dates ('two weeks', '三个月内') and quantities ('zero duplicates', '4起以下', '十二次').

Which words count where is each pattern's business ('one' is seldom a quantity; 'a month' is a duration).
"""
from __future__ import annotations

import re

WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
                "sixty": 60, "ninety": 90}
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
