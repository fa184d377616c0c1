"""Of two people a header names, the one who leads others is the manager and the other is the employee: 'Pilot
launch coxswain review – Duncan Fyfe – with Capt. Elin Rask (Deputy HM)', 'Host: Vivian (Chief Stew) ｜ Guest: 小唐 –
2nd stew', '王老师（平台主管）↔ Bo（彭博，工程师）'. The reading of the header's layout chooses first; this only turns a
choice that fell on the one who leads, where the header names exactly one other person who does not."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import load, zh_name
from ..reader.role import is_role, leads_others
from ..textutil import NAME_WORD
from .names import HEADER_WORDS, is_name

# A rank or title before a name that says its holder leads others: 'Capt. Elin Rask', 'Sgt Daniel Mbeki', 'Chef Ramon'.
_LEADING_RANK = r"(?:Capt|Captain|Sgt|Sergeant|Lt|Lieutenant|Maj|Major|Cdr|Commander|Insp|Inspector|Supt|Chief|Head|Chef|Skipper)\.?"
_EN_PERSON = re.compile(rf"""(?<![\w.])
    (?:(?P<rank>{_LEADING_RANK})[ \t]+)?
    (?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{0,2}})
    (?:[ \t]*[(（](?P<inner>[^()（）\n]{{1,40}})[)）]           # 'Vivian (Chief Stew)'
      | [ \t]+[-–—][ \t]+(?P<dashed>[^|｜\n–—()（）]{{2,30}}?)[ \t]*(?=[|｜–—]|$))?  # '… – 2nd stew ｜'
    """, re.X)


# Words in a bracket or after a dash that read as a job though no job word is listed: '2nd stew', 'deck hand'.
_JOB_LIKE = re.compile(r"(?:\d+(?:st|nd|rd|th)[ \t]+)?[a-z][a-z-]+(?:[ \t][a-z][a-z-]+)?$")


_MET = re.compile(r"\b(?i:with|w/|by|reviewer|interviewer)[ \t:]*$")


@dataclass(frozen=True)
class _Person:
    name: str
    role: str | None
    leads: bool
    ranked: bool = False  # a rank or title before the name: 'Capt. Elin Rask', '许经理'
    met: bool = False  # named as the one the meeting is with: '… – review with Bronwen Hale (area ops)'


@cache
def _zh_person() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A Chinese name on a header line and what follows it; and the titles that lead others, at a name's end."""
    titled = "|".join(t for t in load("vocabulary", "zh")["names"]["lead_titles"] if t != "我")
    surnames = load("vocabulary", "zh")["roles"]["surnames"]
    person = re.compile(rf"""(?<![\d一二两三四五六七八九十半几个])(?P<name>(?:[{surnames}](?:{titled}|老师|师傅))|[小老阿][{surnames}]|{zh_name()})
        (?:[ \t]*[（(](?P<inner>[^()（）\n]{{1,30}})[)）] | [ \t]+[-–—][ \t]+(?P<dashed>[^|｜\n–—()（）]{{2,30}}?)[ \t]*(?=[|｜–—]|$))?""", re.X)
    return person, re.compile(rf"(?:{titled})$")


def _zh_people(line: str) -> list[_Person]:
    """Chinese names on a header line: with a bracket ('王老师（平台主管）'), or a surname before a title that leads
    ('许经理', '罗班长'), or a familiar name before a dash and a job ('小唐 – 2nd stew')."""
    person, leading_title = _zh_person()
    found = []
    for m in person.finditer(line):
        inner = m["inner"] or m["dashed"] or ""
        ranked = leading_title.search(m["name"]) is not None
        if not inner and not ranked and not re.search(r"(?:老师|师傅)$|^[小老阿]", m["name"]):
            continue  # (a full name only with its bracket or job beside it: not '冷冻电' of '冷冻电镜平台')
        parts = [p.strip() for p in re.split(r"[,，;；]", inner) if p.strip()]
        role = next((p for p in parts if is_role(p) or _JOB_LIKE.match(p)), None)
        found.append(_Person(m["name"], role, ranked or bool(role and leads_others(role)), ranked))
    return found


def _en_people(line: str) -> list[_Person]:
    found = []
    for m in _EN_PERSON.finditer(line):
        inner = (m["inner"] or m["dashed"] or "").strip()
        alone = " " not in m["name"] and not (m["inner"] or m["rank"] or (m["dashed"] and is_role(inner)))
        if not is_name(m["name"]) or HEADER_WORDS.match(m["name"]) or alone:
            continue  # (a word alone only with its job or rank beside it: not 'Aldmouth – Pilot launch coxswain review')
        parts = [p.strip() for p in re.split(r"[,，;；]", inner) if p.strip()]
        role = next((p for p in parts if is_role(p) or leads_others(p) or _JOB_LIKE.match(p)), None)
        leads = bool(m["rank"]) or bool(role and leads_others(role))
        found.append(_Person(m["name"], role, leads, bool(m["rank"]), bool(_MET.search(line[:m.start()]))))
    return found


def _same(a: str, b: str) -> bool:
    """The same person named two ways: 'Elin Rask' and 'Capt. Elin Rask', 'Daniel Mbeki' and 'Sgt Daniel'."""
    return a in b or b in a or bool(set(re.findall(NAME_WORD, a)) & set(re.findall(NAME_WORD, b)) - {"Sgt", "Capt", "Chef", "Chief", "Head"})


def led_header(lines: list[str], name: str | None) -> tuple[str, str | None, str] | None:
    """Employee, role and manager where the header's first lines name `name` as one who leads others and exactly one
    other person who does not, with a job of their own or beside a rank of `name`'s; None otherwise (both lead, or
    neither, or more than one other, or a lead's job beside a name alone: that may be the lead's own review)."""
    if not name:
        return None
    people = [p for line in lines[:3] for p in (_zh_people(line) + _en_people(line))]
    chosen = [p for p in people if _same(p.name, name)]
    if not chosen or not all(p.leads for p in chosen):
        return None
    others = {p.name: p for p in people if not _same(p.name, name) and not p.leads}
    if len(others) != 1 or any(not _same(p.name, name) and p.leads for p in people):
        return None
    other = next(iter(others.values()))
    if other.met and not any(p.ranked for p in chosen):
        return None  # the meeting was with the other: 'Aled Rhys (shift supervisor) – review with Bronwen Hale (area ops)'
    if other.role is None and not any(p.ranked for p in chosen):
        return None  # a lead's job beside someone with none: 'Aled Rhys (shift supervisor) – w/ Bronwen Hale' is Aled's review
    return other.name, other.role, name
