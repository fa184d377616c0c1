"""Who wrote the notes up: 'reviewed 9 Feb 2027 by Carla Moss', 'notes taken by Gill', 'edited by Fiona Hollis',
'Completed by: Sister A. Mahmood',
'记录：Kelvin', '以下为 Grace 手动整理'. In a header that names two people, the writer is the manager."""
from __future__ import annotations

import re

from ..dates import MONTH_PATTERN
from ..lexicon import zh_name
from ..reader.role import is_role
from ..textutil import NAME_WORD
from .names import TITLE, is_name

# 'reviewed 9 Feb 2027 by Carla Moss', 'notes taken by Gill', 'held on Tuesday by Sam': the one who held or wrote up
# the interview; between the verb and 'by' only a date or a time ('Notes on the shifts covered by Priya' names no writer).
_BY_WRITER = re.compile(r"""\b(?:reviewed|conducted|held|led|run|interviewed|written(?:\s+up)?|typed(?:\s+up)?|edited|
    (?:notes\s+)?taken|prepared|recorded|notes|minuted|completed|filled\s+in|compiled)
    (?:[\s,]+(?:on|at|in|the|today|yesterday|this|morning|afternoon|\S*\d\S*|""" + MONTH_PATTERN + r"""\.?|
    (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?)){0,5}
    [\s,]+by\s*[:：]?\s*""", re.I | re.X)


# 'Minutes: Kelvin', '记录：Kelvin', '记录人：张伟': a line that names the one taking the notes.
_WRITER_FIELD = re.compile(r"(?:^|[|｜;；]\s*)(?:minutes|minute[- ]taker|note[- ]taker|scribe|记录人?|纪要整理)\s*[:：]\s*(?P<who>[^\s,，;；|｜()（）]{1,20})",
                           re.I | re.M)


# '以下为 Grace 手动整理', '由王丽整理', '本纪要由 Kelvin 记录': the one who wrote the notes up, in Chinese.
_ZH_WRITER = re.compile(r"(?:由|为)\s*(?P<who>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|[\u4e00-\u9fff]{2,3}?)\s*(?:手动|手工|现场)?(?:整理|记录|记)(?![\u4e00-\u9fff])")


# '[09:14] Renata Oliveira: quick recap of my 1:1 with DJ', 'Jen: ok done w/ Kasia - notes for u': a speaker telling
# someone about the meeting they held is the one who held it.
_SPEAKER_HELD = re.compile(r"""^[ \t]*(?:\[[^\]\n]{1,25}\]|\d[\d/., :]{3,20}(?:[ap]m)?)?[ \t]*[-–]?[ \t]*  # a chat export's stamp
    (?P<who>(?-i:[A-Z])[\w'’-]+(?:[ ](?-i:[A-Z])[\w'’-]+)?)[ \t]*:[ \t]*
    [^\n]{0,60}?\b(?:(?:my|our)\s+(?:1:1|1-1|121|one[- ]to[- ]one|review|meeting|catch[- ]?up|chat|conversation|talk|sit[- ]?down)
              |(?:done|finished|sat\s+down)(?:\s+(?:the|my|a))?(?:\s+(?:1:1|1-1|review|meeting|catch[- ]?up|chat|talk))?
              |(?:had|did|held)\s+(?:the\s+|my\s+|a\s+)?(?:1:1|1-1|review|meeting|catch[- ]?up|chat|talk))
    [ \t]+(?:with|w/)\s""", re.I | re.X | re.M)


def names_the_writer(line: str) -> bool:
    """The line opens with the field of the one taking the notes and their name: '记录：黄建明　员工：鹿雨桐', 'Minutes: M.
    Ebbesen' (not '记录：车厢温度高于-15℃共7次': what was recorded)."""
    field = _WRITER_FIELD.match(line.strip())
    return field is not None and written_by(field.group(0)) is not None


def written_by(header: str) -> str | None:
    for field in _WRITER_FIELD.finditer(header):  # someone named, not 'Minutes: performance feedback meeting'
        who = field.group("who")
        if is_role(who) and (named := re.match(rf"[ \t\u3000]+({zh_name()}|{NAME_WORD}(?:[ \t]{NAME_WORD})?)", header[field.end():])):
            who = named.group(1)  # '记录：门店店长 许诺': the name after the writer's title
        if is_name(who) or who.isupper() or re.match(r"[\u4e00-\u9fff]", who):
            return who
    zh = _ZH_WRITER.search(header)
    if zh and (is_name(zh.group("who")) or re.fullmatch(zh_name(), zh.group("who"))):  # (not '以下为录音整理', '由我来整理')
        return zh.group("who")
    held = _SPEAKER_HELD.search(header)
    if held and is_name(held.group("who")):
        return held.group("who")
    m = _BY_WRITER.search(header)
    run = re.match("(?:" + TITLE + r")?((?:[A-Z]\.[ \t]?)?" + NAME_WORD + r"(?:[ \t]" + NAME_WORD + ")?)", header[m.end():]) if m else None
    return run.group(1) if run and is_name(run.group(1)) else None


