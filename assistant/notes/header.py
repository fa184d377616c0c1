"""The header: the employee's name and role and the manager, from the notes' first lines, and the ways the
notes refer to each of them."""
from __future__ import annotations

import collections
import itertools
import re
from functools import cache

from .. import reader
from ..dates import MONTH_PATTERN, MONTHS, WEEKDAYS
from ..grid import cells, is_rule
from ..language import unspaced
from ..lexicon import NOT_A_ZH_NAME, label_alternation, load, talked_of, vocab, vocab_list, zh_name
from ..reader.people_zh import employee_zh, leader_zh
from ..reader.role import TALK_CHARACTERS, is_role, is_title, leads_others, role_like
from ..textutil import NAME_WORD, PARTICLE
from .attendees import is_hr, present
from .forms import (
    EN_EMPLOYEE_FIELD,
    FIELD_NAME,
    LABELLED_NAME,
    MANAGER_WORD,
    NAME_AFTER_LABEL,
    NAME_ORDER,
    ZH_EMPLOYEE_FIELD,
    ZH_MANAGER_FIELD,
    barred_fields,
    column_form,
    comma_fields,
    form_role,
    form_row,
    given_name,
    job_field,
    job_of,
    name_fields,
    party_labels,
    signed_at_foot,
    speaker_key,
    titled_job,
    writer_keyed,
)
from .labels import heading_kind
from .mail import (
    CHAT_HEADING,
    addressee,
    copied_in,
    named_again,
    named_in_subject,
    reply_forwarded,
    replying_to,
    sent_by,
    subject_role,
    written_to,
)
from .names import (
    CALLED_BY_NAME,
    HEADER_WORDS,
    INITIALS_BEFORE_NAME,
    MEETING_WORDS,
    NAMED,
    SPOKEN_OF_ANY,
    SURNAME_IN_CAPITALS,
    TITLE,
    is_name,
    team_initials,
    to_you,
)
from .writer import written_by

_ROLE_SEP = re.compile(r"(?:(?<!\w)-|-(?!\w)|[–—:|/,]|\bwith\b|\bw/|\bfor\b|\bof\b)", re.I)  # not the hyphen in 'follow-up'


def _names_another_job(text: str) -> bool:
    """The rest of a header line holds a job title of someone who leads no one ('Mei Lin forklift driver 1:1 …'),
    not only dates, places and shifts ('night shift')."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    phrases = (" ".join(words[i:j]) for j in range(1, len(words) + 1) for i in range(max(0, j - 4), j))
    return any(is_role(p) and not leads_others(p) and not p.isupper() for p in phrases)  # not 'PM' of 'PM review'


# 'Kasia Nowak - 1:1 - …', 'Maddy Fenwick - banker mason - mid-yr w/ Clive', 'Harriet O. - court reporter (steno) - …',
# 'Bea - bindery - Thurs 3rd Sept': the one named first, before the meeting or their job, is the one the meeting is with.
_OPENS_WITH_NAME = re.compile(rf"""^\W*(?:\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?[ \t]+)?  # after its date: '12/5 Keith H - sprayer op -'
    ({NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}|[ \t][A-Z]\.|[ \t][A-Z](?=[ \t]*[-–—|,]))?)(?![\w-])\s*[-–—|,]\s*
    (?:(?:1:1|1-1|121|one-to-one|review|check-in|catch-up|catch\ up|appraisal|supervision|probation)\b
      | (?:chat|talk|call|meeting|conversation|sit-down|debrief)\b(?!\s+(?:with|w/))  # not 'Mark Hale — talk w/ Dana' (his)
      | (?P<job>[A-Za-z][\w&'’-]*(?:[ \t][A-Za-z][\w&'’-]*){{0,3}})\s*[-–—|,(])""", re.I | re.X)
# A line of a date and a time and nothing else: 'Thursday, 29 January 2026    07:41', '2026-03-02 14:00'.
_DATE_ONLY = re.compile(rf"""^[\s\W]*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|{MONTH_PATTERN}|\d{{1,4}}
    |(?<=\.)[IVX]{{1,4}}(?=\.)|[ap]\.?m\.?|[\s,./:-])+$""", re.I | re.X)  # (a month in Roman numerals: '22.VII.2026')
_FULL_NAME = re.compile(rf"(?<!\w)(?:[A-Z]\.[ \t]?{NAME_WORD}|{NAME_WORD}[ \t]{NAME_WORD})(?!\w)")


def _full_name(line: str) -> str | None:
    """A name of more than one word in `line` ('A. Mensah-Clarke', 'Dana Ruiz'): beside it, capitals are a team's."""
    return next((m.group(0) for m in _FULL_NAME.finditer(line) if is_name(m.group(0))), None)


# A line that says what the notes are, whoever wrote it, at their foot as well as their head: 'Notes from 1:1 with Ruth
# Hollis, cooper, 1 Dec 2026 - D. Baird', 'cc: file - Hana Vošková, keeper'.
_HEADER_LINE = re.compile(r"""^\W*(?:(?:notes?|minutes|summary|record|write-?up)\b[^.\n]{0,40}?(?:1:1|1-1|121|review|check-in
    |catch-up|meeting|interview|conversation|chat|supervision)\b
      (?:[^.\n]{0,20}?\b(?:with|w/)\s|[^\n]{0,60}?\b(?-i:[A-Z][A-Za-z]+\s*:\s*[A-Z]))  # '… with Dana', '… Keeper: Morag Sinclair'
    | cc\s*:\s*(?:(?:the|her|his|their|personnel|staff|hr)\s+)?file\s*[-–—:,]\s*[A-Z]
    | (?:notes?|minutes|record|write-?up)\s+(?:for|on|about|re)\s*:?\s+(?-i:[A-Z][a-z'’-]+[ \t]+[A-Z][\w'’-]+)\s*[(,]  # 'Notes for
    # Priya Nair (…', 'Notes on: Jordan Pike (resident DJ) · Spoke with: …'
    | re\s*:\s*(?-i:[A-Z][a-z]+[ \t]+[A-Z][a-z'-]+)\s*[,–—-][^\n]{0,60}?\b(?:1:1|1-1|121|review|check-in|catch-up|supervision)\b  # 're: Callum Reid, Floor Supervisor – 1:1 held 11/11/26'
    | (?=[^\n]*[|｜])[^\n]*?\b(?:subject|employee|reviewee|appraisee|staff\s+member)\s*:\s*(?-i:[A-Z])[^\n]*?[|｜]\s*[^\n]*\d)  # a record's fields
    # in a row: 'Logged by: W. Achterberg (…) | Subject: H. Qureshi, Barrier Operator | Interview: 09.02.2026'
    """, re.I | re.X)


def header_at_foot(lines: list[str]) -> str | None:
    """The line that says what the notes are, where it closes them rather than opens them: the notes open with a
    sentence of content ('Leakers: 9 of the 140 casks she rebuilt in November weeped at the filling store.'), not a
    header of their own ('Maria Lopez - 1:1 - 3 Nov 2026 - Dev'), and one of their last two lines, not HR's, says it."""
    return _foot_line(lines) if _PROSE.search(lines[0] if lines else "") else None


def _foot_line(lines: list[str]) -> str | None:
    """One of the last two lines that says what the notes are (not HR's), where none of the first lines does."""
    if len(lines) < 3 or any(_HEADER_LINE.search(line) for line in lines[:min(3, len(lines) - 2)]):
        return None
    return next((line for line in reversed(lines[-2:]) if _HEADER_LINE.search(line) and not is_hr(line)), None)


_PROSE = re.compile(r"(?:\S+\s+){5,}\S+[.!?]\s*$|[\u4e00-\u9fff].{14,}[。！？]\s*$")  # a sentence of six words or more


def _said_after(lines: list[str], name: str) -> bool:
    """`name`'s first word comes up in `lines` (the notes between their header and their foot)."""
    return bool(re.search(rf"(?<!\w){re.escape(name.split()[0])}(?!\w)", "\n".join(lines)))


# 'just done Kemal Yilmaz's review (Pirate Cove kiosks supervisor)': the review is the employee's
_WHOSE_REVIEW = re.compile(rf"""({NAME_WORD}(?:[ \t]{NAME_WORD})?)['’]s[ \t]+(?:[\w-]+[ \t]+)?
    (?:review|1:1|one[ \t-](?:to|on)[ \t-]one|appraisal|check-in|catch-up|supervision|PIP|probation\s+review|(?P<file>file|record))\b(?:[ \t]*[(（](?P<role>[^)）\n]{{2,50}})[)）])?""", re.X)


@cache
def _review_of() -> re.Pattern[str]:
    """A meeting word, a colon and the name it is with, alone in its field: 'review：王浩然｜2026年12月4日',
    'Appraisal: Dana Ruiz - 3 Mar'."""
    return re.compile(rf"""(?i:review|1:1|one-to-one|appraisal|check-in|catch-up|supervision)[ \t]*[:：][ \t]*
        (?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?|{zh_name()})(?=[ \t]*(?:[|｜,，;；(（—–-]|$))""", re.X | re.M)


def whose_review(header: str, notes: str = "") -> tuple[str, str | None] | None:
    """Whose review the first lines say this is: 'finished Ana Pires's review (kiosk supervisor)', or 'review：王浩然'
    where the notes name them again (not 'Review: Mid Year')."""
    for m in _WHOSE_REVIEW.finditer(header):
        if m["file"] and not re.search(r"\bfor[ \t]+$", header[:m.start()]):
            continue  # 'for Elin's file' (not 'attach this to Dana's record as well')
        if is_name(m.group(1)):
            role = re.split(r"[,，;；]", m.group("role") or "")[0].strip()  # 'mass spec technician, Orbitrap suite'
            fuller = re.search(rf"(?<!\w){re.escape(m.group(1))}[ \t]+({NAME_WORD})(?![\w'’])", notes) if " " not in m.group(1) else None
            name = f"{m.group(1)} {fuller[1]}" if fuller and is_name(f"{m.group(1)} {fuller[1]}") else m.group(1)  # 'Elin Hughes'
            return name, role if role and role_like(role) else None
    for m in _review_of().finditer(header):
        name = m["name"]
        called = name[-2:] if unspaced(name) else name.split()[0]  # '浩然' of '王浩然', 'Dana' of 'Dana Ruiz'
        said = re.escape(called) if unspaced(name) else rf"(?<!\w){re.escape(called)}(?!\w)"
        if (unspaced(name) or is_name(name)) and len(re.findall(said, notes)) >= 2:
            return name, None
    return None


# A message that says whom the writer just met: 'quick write-up of the review I just did with Mags (Magdalena Hruba,
# grower in Bay 3)', "notes from the 1:1 we had with Tomasz": the chat's other party is who it is sent to, not who it is about.
_HELD_WITH = re.compile(rf"""(?:\b(?:1:1|1-1|one[- ]to[- ]one|review|appraisal|check-in|catch[- ]?up|supervision)
    [ \t]+(?:that[ \t]+)?(?:I|we)[ \t]+(?:(?:just|only[ \t]+just|have[ \t]+just|'ve[ \t]+just|’ve[ \t]+just)[ \t]+)?
    (?:did|had|held|ran|done|finished)[ \t]+with
    |(?:^|[—–|:-])[ \t]*(?i:me)[ \t]*(?:\+|&|and|w/)(?=[ \t]*{NAME_WORD}[ \t]*(?:[A-Z]\.[ \t]*)?[,(—–|-]))  # '— me + Jonah P., quick 1:1'
    [ \t]+(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)
    (?:[ \t]*\((?P<inner>[^()\n]{{2,80}})\))?""", re.X)


# The two at the meeting written as a pair, the writer second: 'crew: Anders Lindqvist (snowmaker, grade 2) ↔ me, …'.
_PAIRED_WITH_ME = re.compile(rf"""(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)(?:[ \t]*\((?P<inner>[^()\n]{{2,80}})\))?
    [ \t]*(?:↔|<->|<=>|⇄)[ \t]*(?i:me)\b""", re.X)


# The two at the meeting as a line of its own, the writer second: 'Ngozi + me, 30 mins, her room'.
_NAME_AND_ME = re.compile(rf"^\W*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)[ \t]*(?:\+|&|and|w/)[ \t]*(?i:me|myself)\b(?P<inner>)", re.M)


def review_held_with(lines: list[str]) -> tuple[str, str | None] | None:
    """The one a message in the first lines says the review was held with, and their job from the bracket after them
    (their full name too, where it opens the bracket): ('Magdalena Hruba', 'grower')."""
    m = _HELD_WITH.search("\n".join(lines)) or _PAIRED_WITH_ME.search("\n".join(lines)) or _NAME_AND_ME.search("\n".join(lines))
    if not m or not is_name(m["name"]) or re.match(r"[^\n]{0,40}?\babout\b", m.string[m.end():]):
        return None  # (not 'the catch-up I had with Gareth (payroll officer) about Tom')
    if is_hr(m.string[m.end():m.end() + 30].split("\n")[0]) or re.match(r"[ \t]*(?:cc|bcc|panel|present)\b", m.string[
            m.string.rfind("\n", 0, m.start()) + 1:], re.I):
        return None  # 'me + Sara L., HR, sitting in on …': HR beside the writer, not whom the review was with
    fields = [f.strip() for f in re.split(r"[,，;；]", m["inner"] or "")]
    name = fields.pop(0) if fields and " " in fields[0] and is_name(fields[0]) else m["name"]
    job = next((j for f in fields if is_role(j := re.sub(r"\s+(?:in|on|at|for)\s.*$", "", f))), None)
    if job and (leads_others(job) or is_hr(job)):
        return None  # one who leads others or HR: the meeting was about someone else
    return name, job


def _names_another_person(before: str, name: str) -> bool:
    """A field before the one with a title that leads others is someone else's full name alone ('Bakery line 1:1 -
    Oskar Lind - 12/05/2026 - P. Meyer (Production Manager)'): that title is the manager's."""
    fields = (f.strip() for f in re.split(r"\s[-–—|]\s|[,;|]", before))
    return any(re.fullmatch(rf"{NAME_WORD}[ \t]{NAME_WORD}", f) and is_name(f) and f not in name for f in fields)


_TEAM_AFTER = re.compile(r"[ \t]+(?:" + "|".join(vocab_list("names", "team_nouns", "en")) + r")\b")
# A place's or a team's noun closing a header's field after a capitalised word: 'Gwynt Uchaf O&M base', 'Soil & aggregates
# lab', 'Ramp ops' (not 'Dana from the depot').
_PLACE_AFTER = re.compile(r"""[ \t]+(?:[A-Z]&[A-Z][ \t]+)?(?:(?:&|and|(?!(?:from|at|in|of|the|to|with|for|on|by|w)\b)[a-z]+)[ \t]+){0,3}
    (?:""" + "|".join(vocab_list("names", "place_nouns", "en") + vocab_list("names", "team_nouns", "en")) + r""")(?=[ \t]*(?:[-–—|,;]|$|(?P<talk>(?:1:1|1-1|121|review|check-?in|catch-?up|chat|notes?|meeting|supervision)\b)))""",
                          re.X)  # (or before the talk: 'Cheese room 1:1 – 2 Feb', where one word opens it)


def a_place(text: str, name: str) -> bool:
    """Every time the notes write `name`, the word for a place follows it: 'Gwynt Uchaf O&M base', a place's name."""
    found = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    return bool(found) and all((place := _PLACE_AFTER.match(text, m.end())) and not place["talk"] for m in found)


_TITLE_GOES_ON = re.compile(r" ([a-z]+)\b")  # a capitalised word whose title goes on in lower case: 'Service advisor'
# Characters that start the next word after a name in running Chinese ('李强进行', '李强表示').
_ZH_AFTER_NAME = "[进在的是和与说聊谈表认每负于将要对为，、。（(]"


# A Chinese form's employee field with the name in Latin letters, and in characters beside it ('员工：Ma Xiaodong 马晓东，')
# or in brackets after a name in English ('员工：Coco（陈可可）').
_ZH_FIELD_LATIN = re.compile(ZH_EMPLOYEE_FIELD + r"""\s*[:：】]\s*(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){1,2}|[A-Z][a-z]+(?=[ \t]*[（(])
      |[A-Z][a-z]+[ \t][\u4e00-\u9fff](?![\u4e00-\u9fff]))  # ('被谈话人：Kevin 刘（主雕）': a given name and a Chinese surname)
    [ \t]*(?:[（(](?P<bracketed>[\u4e00-\u9fff]{2,4})[)）]|(?P<zh>[\u4e00-\u9fff]{2,4}))?(?=[ \t]*(?:[，,；;（(|｜]|$))""", re.M | re.X)
# The employee's field with what it holds in brackets, their staff number before their name: '被谈话人（司机工号/姓名）：
# D10482 / 黄志强'.
_NUMBERED_FIELD = re.compile(ZH_EMPLOYEE_FIELD + rf"[（(][^）)\n]{{1,12}}[）)]\s*[:：]\s*[A-Za-z]{{0,3}}\d{{3,}}\s*[/／|｜]\s*({zh_name()})")


def _placed_name(first: str, header: str) -> tuple[str, str | None] | None:
    """The name further along the employee's labelled field whose first word, taken for the name, is neither a name
    nor a job ('谈话对象：第三网格 网格员 孙丽娟': her grid, her job, her name), and the job among the words before it."""
    field = re.search(ZH_EMPLOYEE_FIELD + r"\s*[:：】]\s*" + re.escape(first) + r"(?=[ \t\u3000])", header)
    if not field:
        return None
    words = header[field.end():].split("\n")[0].split()
    words = list(itertools.takewhile(lambda w: not w.endswith("人"), words))  # (up to another's label: '面谈人 李红')
    names = [w for w in words if re.fullmatch(zh_name(), w)]
    if not names or re.fullmatch(zh_name(), first) or re.fullmatch(r"[老小阿][\u4e00-\u9fff]{1,2}", first) or is_role(first):
        return None  # (a name, or one by which colleagues call them: '老周 叉车司机')
    jobs = [w for w in words[:words.index(names[0])] if is_role(w) and not leads_others(w)]
    return names[0], jobs[0] if jobs else None


def _zh_name(text: str) -> re.Match[str] | None:
    surnames = load("vocabulary", "zh")["roles"]["surnames"]
    suffixes = "|".join(sorted(vocab_list("roles", "suffixes", "zh"), key=len, reverse=True))
    return re.search(
        rf"([\u4e00-\u9fff]{{0,6}}?(?:{suffixes}))\s*[:：]?\s*({NOT_A_ZH_NAME}[{surnames}][\u4e00-\u9fff]{{1,2}}?)(?=[^\u4e00-\u9fff]|{_ZH_AFTER_NAME}|$)", text
    )


def _zh_title(before: str) -> str:
    """The job in the words before a Chinese name: the longest title they end with ('跟咱们车队网约车司机' -> '车队网约车司机')."""
    words = re.split(r"[与和的为是日月年，、]", before)[-1]
    return next((words[i:] for i in range(len(words)) if not TALK_CHARACTERS.search(words[i:]) and is_role(words[i:])), words)


# A header field of a job in lower case, then the name: '- dispatcher A. Mensah-Clarke -', '| nurse J. Okafor |'.
_JOB_THEN_NAME = re.compile(rf"""(?:^|[-–—|:]\s+)(?P<job>[a-z][\w&'’-]*(?:[ \t][a-z][\w&'’-]*){{0,3}})[ \t]+
    (?P<name>(?:[A-Z]\.[ \t]?)?{NAMED})(?=\s*(?:[-–—|,(]|$))""", re.X)
# Initials met with initials, or at a meeting: 'TC operator KO w/ GH', 'client payroll manager AO with RK', 'JL 1:1 (…)'.
_INITIALS_MET = re.compile(r"""(?<![\w/])(?P<one>[A-Z]{2,3})\s+(?:
      (?:w/|with)\s+(?P<other>[A-Z]{2,3})(?![\w/])
    | (?:1:1|1-1|121|review|check-in|catch-up)\b)""", re.X)


def stated_role(lines: list[str], name: str | None) -> str | None:
    """The role a form states outright: a role field ('Role: picker', '| 岗位 | 门诊收费员 |'), or a field its job
    names that holds the employee's name ('Keeper: Morag Sinclair'), among the opening lines or on the line at the foot."""
    if field := form_role(lines[:8]):
        return field
    if (keyed := writer_keyed(lines[:3])) and keyed[0] == name:
        return keyed[1]  # '（LJ：MES 工程师；HM：我）'
    return job_of(name, "\n".join([*lines[:3], *filter(None, [_foot_line(lines)])]))


# The name that ends a header field before a bracket: 'DJ Park', 'Sam K.', 'Ana María Ruiz', initials alone ('JT (reefer
# tech)') and a Latin name with its Chinese surname ('Aria 孙 (lounge host)').
_NAME_RUN = re.compile(rf"""(?<![A-Za-z])(
      {INITIALS_BEFORE_NAME}(?:{NAME_WORD}|[A-Z]\.?)(?:\s(?:{PARTICLE}\s){{0,2}}(?:{NAME_WORD}|[A-Z]\.?)){{0,2}}(?:[ \t][\u4e00-\u9fff])?
    | (?<!\S)[A-Z]{{2,3}}
    | (?<![\w.])(?:[A-Z]\.){{2,3}}  # 'R.T. (glassblower, hot shop)'
    )\s*$""", re.X)


def _bracket_role(inner: str) -> str:
    """The role a bracket after a name gives: its first part, or past the full name a nickname's bracket gives first
    ('Moose (Callum Fraser on the roster, 2nd season patroller)')."""
    parts = [p.strip() for p in re.split(r"[,，;；]", inner)]
    named = re.match(rf"{NAME_WORD}[ \t]+{NAME_WORD}\b", parts[0])
    if named and given_name(named.group(0).split()[0]) and len(parts) > 1 and is_role(parts[1]):
        return parts[1]
    return parts[0]


def _names_the_one(run: str, inner: str) -> bool:
    """The name before a bracket names the one whose role the bracket holds: initials only before a listed job
    ('JT (reefer tech)', not 'QA (nights)'), a name before any role-like words."""
    if re.fullmatch(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}", run):
        return is_role(re.split(r"[,，;；]", inner)[0]) and not team_initials(run)
    return is_name(re.sub(r"[ \t][\u4e00-\u9fff]$", "", run)) and (role_like(inner) or is_role(re.split(r"[,，;；]", inner)[0]))  # 'Ken 刘 (NPC 演员, …)'


_ROLE_AFTER_INITIALS = re.compile(r"\s*[,，]\s*([^,，()\n–—|-]{2,40}?)\s*(?=[,，–—|-]|$)")
_DICTATED_NAME = re.compile(r"""\b(?:(?P<met>chat|review|1:1|talk|meeting|catch[- ]?up|conversation|session|supervision|appraisal
        |sat\s+down|sit\s+down)\s+)?
      (?:with|about|re|(?:talked|spoke|spoken|speaking|talking|chatted|chatting|been)\s+to)\s+(?P<first>[a-z][a-z'’-]+)
      (?:[ \t]+(?P<second>[a-z][a-z'’-]+))?
    | ^\W*(?P<opening>[a-z][a-z'’-]+)(?=\s+(?:[-–—|,]|talk|1:1|review|chat|catch)\b|\s+[-–—|])""", re.X | re.M)


def _dictated(lines: list[str]) -> str | None:
    """The one a dictated, all-lowercase note is about ('voice memo … ok so just talked to brenda naylor um', 'jordan –
    valeter – prep bay 1:1'): the words after 'with', 'to' or 'about' in its first lines, or the word opening them
    before a dash or the meeting, whose first word the note says again (or that a job follows). Written with capitals,
    as a name is."""
    if not lines or re.search(r"[A-Z]", lines[0]) or not re.search(r"[a-z]", lines[0]):
        return None
    body = "\n".join(lines)
    not_names = set(vocab_list("names", "not_dictated", "en")) | set(load("roles", "en")["terms"])
    for m in _DICTATED_NAME.finditer("\n".join(lines[:3])):
        words = [m["opening"]] if m["opening"] else [w for w in (m["first"], m["second"]) if w]
        field = re.split(r"\s[-–—|,]\s", m.string[m.end():].lstrip(" -–—|,"))[0] if m["opening"] else ""
        said_again = len(re.findall(rf"\b{re.escape(words[0])}\b", body)) >= 2
        met = m["met"] and is_name(words[0].capitalize())  # 'the chat with farah', not 'the meeting with finance'
        if words[0] in not_names or not (said_again or met or is_role(field)):  # 'jordan – valeter –': a job beside it
            continue
        words = words[:1] if words[-1] in not_names or re.search(r"['’]", words[-1]) else words  # not 'farah it's'
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return None


# The other one on a header line that names the employee: after them, the one it was 'w/' or a name closing the line
# ('Aria 孙 (lounge host) 1:1 w/ Ben', 'Kasia Nowak - 1:1 - 09/11/2026 - Dean'); before them, one paired by a slash
# ('RM / JT (reefer tech)'). ('1:1 w/ Dana' names the employee, not the manager.)
_NOT_A_PERSON = re.compile(r"\b(?:Shift|Night|Nights|Day|Days|Team|Crew|Site|Office|Depot|Branch|Store|Ward|Line|Rota|Review|Notes?)\b")
# 'w/ Dana', '- Dana -', and a full name closing the line after the date: '… (apiarist) 08 Jul 2026 Tobias Finch'
_AFTER_EMPLOYEE = re.compile(rf"\bw(?:ith|/)\s*(?:{TITLE})?({NAME_WORD}(?:[ \t]{NAME_WORD})?)|(?:[-–—|]|(?<=[)）])[ \t]*/)\s*(?:(?!(?:HR|IT|QA|QC|PA)\b)[A-Z]{{2,5}}[ \t]+)?({NAME_WORD}(?:[ \t]{NAME_WORD})?)\s*(?:$|[-–—|,])"
                             rf"|\b(?:19|20)\d\d[ \t]+({NAME_WORD}[ \t]{NAME_WORD})\s*$")
_SLASH_BEFORE = re.compile(rf"(?<![\w/])([A-Z]{{2,3}}|{NAME_WORD})\s*/\s*$")
_A_PLACE = re.compile(r"^(?:North|South|East|West|Upper|Lower|Bay|Block|Ward|Unit)\b|\b(?:House|Wing|Bay|Block|Floor|Court|Lodge"
                      r"|Gardens|Farm|Yard|Dock|Quay|Campus|Office|Site|Centre|Depot|Four|Two|Three|One)$")  # (not Park, Hall, Mill: surnames)
_SLASH_AFTER = re.compile(rf"[ \t]*/[ \t]*({NAME_WORD}[ \t]{NAME_WORD})\s*(?:$|[-–—|,])")


def _beside_on_line(line: str, name: str) -> str | None:
    """The one the header line names beside the employee `name`: the manager who held the meeting."""
    at = line.find(name)
    if at < 0:
        return None
    after = _SLASH_AFTER.match(line, at + len(name))
    paired = _SLASH_BEFORE.search(line[:at]) or (after if after and not _A_PLACE.search(after.group(1)) else None)
    others = [(paired.group(1), "")] if paired else []  # 'JT / Dana Kerr', '1:1 Nadia Karim / Euan Fraser — Thu 5 March'
    others += [(m.group(1) or m.group(2) or m.group(3), line[m.end():m.end() + 20]) for m in _AFTER_EMPLOYEE.finditer(line, at + len(name))
               if not (m.group(3) and _NOT_A_PERSON.search(m.group(3)))]  # not '… 3 June 2026 Night Shift'
    return next((o for o, after in others if o not in name and (o.isupper() or is_name(o)) and not HEADER_WORDS.match(o)
                 and not is_hr(after.split(")")[0])), None)  # not 'with Priya Shah (HR) sitting in'


# 'ST (me): get the east monitor moved', 'Bev (me) to book the course': the writer marks themself.
_ME_MARK = re.compile(rf"(?<![\w.])({NAME_WORD}(?:[ \t]{NAME_WORD})?|[A-Z]{{2,3}})[ \t]*[(（](?i:me|我)[)）]")
# ... or who says they are dictating: 'File note, this is Captain Olu Adeyemi, marine superintendent, dictating on …'.
_DICTATING = re.compile(rf"^(?:\W*(?i:file\s+note|voice\s+note|note)\W+)?(?i:this\s+is)\s+(?:{TITLE}|(?i:captain|capt\.?)\s+)?({NAME_WORD}(?:[ \t]{NAME_WORD}){{0,2}})"
                        r"(?:,(?![^,\n]*\b(?:HR|human\s+resources)\b)[^,\n]{2,40},)?\s+(?i:dictating)\b")


# The notes' foot naming who signed them off: 'Signed off: D. Marsh (contracts manager)', 'Reviewed by: Ann Lee'.
_SIGNED_OFF = re.compile(rf"^\W*(?i:signed(?:\s+off)?|completed|reviewed|written|prepared)(?:\s+(?i:by))?(?i:\s*\((?:reviewer|manager|line\s+manager|supervisor|interviewer)\))?\s*[:：]\s*(?P<who>(?:{TITLE})?"
                         rf"(?:[A-Z]\.[ \t]?)?{NAME_WORD}(?:[ \t]{NAME_WORD})?)\s*(?:[(（,]|$)")


def _signed_off(lines: list[str]) -> str | None:
    return next((m["who"] for line in lines[-3:] if (m := _SIGNED_OFF.match(line)) and is_name(m["who"])), None)


def _writer_marked(lines: list[str]) -> str | None:
    """The writer who marks their own name ('Sam (me)'), or dictates; not a label the writer marks theirs ('Action (me):')."""
    return next((m.group(1) for line in lines if (m := _ME_MARK.search(line) or _DICTATING.search(line))
                 and heading_kind(m.group(1)) not in reader.CONTENT_LABELS), None)


# The one the meeting was with, on the line below the writer's own: 'Abi Okonkwo, Senior Youth Worker - supervision
# notes' over 'with Ruben Castillo (Youth Worker, Eastside detached), Fri 20/11/26'.
_WITH_BELOW = re.compile(rf"^\W*(?i:with|w/)\s+(?:{TITLE})?(?P<name>{NAMED})(?:\s*[(（](?P<inner>[^)）\n]{{2,60}})[)）])?")
# Someone at the meeting who is not its subject: 'with Tom Hale sitting in from HR'.
_ONLOOKER = re.compile(r"\b(?:sitting\s+in|sat\s+in|observing|present|taking\s+notes|note[- ]?taker)\b|\bHR\b", re.I)


def titled_hr(text: str, name: str) -> bool:
    """The notes give `name` an HR title in brackets ('周敏(HR)', 'Priya Das (HR) sitting in'): HR's, never the employee."""
    return any(is_hr(m.group(1)) for m in re.finditer(re.escape(name) + r"\s*[(（]([^)）]{1,40})[)）]", text))


_LABEL_OPENS = re.compile(r"^\s*【([^】\n]{1,20})】\s*")
_BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*$")


# A line wholly in brackets that says how the notes were made, not who they are about ('[1:1 - Ines Vidal …]' is a header).
_SOURCE_NOTE = re.compile(r"""[\[【][^\[\]【】\n]{0,40}(?i:scan|transcri|ocr|photo|voice|memo|audio|recording|dictat|export|pasted|copied
    |语音|转文字|录音|扫描|拍照|截图|钉钉|企业微信|飞书|微信|导出)[^\[\]【】\n]{0,40}[\]】]""", re.X)

# A recording's heading that gives its title in quotes after its number: 'Voice memo 12 · "Niamh Doherty review" · 4:12',
# read as its title: 'Niamh Doherty review · 4:12'.
_SOURCE_TITLE = re.compile(r"""^\W*(?i:voice\s*memo|voice\s*note|memo|recording|audio|dictation)\s*\#?\d*\s*[·•|:–—-]\s*
    ["“'‘](?P<title>[^"”'’\n]{3,60})["”'’]""", re.X)
_DOCUMENT = r"\.(?i:docx?|pdf|txt|md|rtf|odt|pages)"  # a document's extension
# A first line that only names the file the notes were kept in: '== 1to1_031126.txt ==', 'review_notes.docx'.
_FILE_LINE = re.compile(rf"[\s=#*_~-]*[\w.-]+{_DOCUMENT}[\s=#*_~-]*")


# A field's value that names the writer and then their name: 'mgr: me (Ada Bright)', '面谈人：我（马丽）'.
_ME_NAMED = re.compile(rf"(?<=[:：])[ \t]*(?i:me|myself)[ \t]*[(（][ \t]*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)[ \t]*[)）]"
                       rf"|(?<=[:：])[ \t]*(?:我|本人)[ \t]*[(（][ \t]*(?P<zh>{zh_name()})[ \t]*[)）]")


def _named_as_me(m: re.Match[str]) -> str:
    """`_ME_NAMED`'s field as the name, then who it is: 'mgr: Ada Bright (me)'."""
    return f" {m['name']} (me)" if m["name"] else f"{m['zh']}（我）"


# A mail address in angle brackets after a name: 'Organizer: Annika Holm <annika.holm@fjellvarsel.example>'.
_ADDRESS_AFTER = re.compile(r"[ \t]*<[^<>\s@]+@[^<>\s]+>")


def _find_people(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """`_header_people` of the lines below a first line that says how the notes came ('[scanned from notebook p.14 -
    OCR]', '【钉钉 语音转文字 16:41】'), each name said again to correct it read as corrected ('my review with Shawna,
    no, Siobhan, S I O B H A N, … Siobhan Duffy, inbetweener')."""
    lines = [_ADDRESS_AFTER.sub("", _ME_NAMED.sub(_named_as_me, _WIKI_LINK.sub(r"\1", _SAID_AGAIN_IN_FULL.sub(
        "", _SPELLED_OUT.sub("", _CORRECTED.sub("", line)))))) for line in lines]
    lines = [_given_name_first(_DATED_WEEKDAY.sub("", _ONE_ON_ONE.sub("1:1", line))) if at < 3 else line for at, line in enumerate(lines)]
    lines = lines[1:] if lines and _SOURCE_NOTE.fullmatch(lines[0].strip()) else lines
    lines = [_SOURCE_TITLE.sub(r"\g<title>", lines[0]), *lines[1:]] if lines else lines
    found = _header_people(lines)
    if titled := _field_titled_as_the_role(lines, found):
        return titled
    if found[0]:
        return found
    at = 1 if lines and _FILE_LINE.fullmatch(lines[0]) else 0  # (below '== 1to1_031126.txt ==')
    line = lines[at] if len(lines) > at else ""  # 'check-in w/ ines carvalho — bench luthier —': a first line written in
    low = _LOWER_NAME.search(line)  # lower case up to the name, read capitalised
    if not low or line[:low.end()] != line[:low.end()].lower() or (low["alone"] is not None and not _says_who(line[low.end():])):
        return found
    written = low["name"]
    capitalised = re.sub(r"(?<![\w'’-])[a-z]", lambda c: c.group().upper(), written)
    again = _header_people([line[:low.start("name")] + capitalised + line[low.end("name"):], *lines[at + 1:]])
    return (written, again[1], again[2]) if again[0] == capitalised and is_name(capitalised) else found  # (not 'new starter')


def _field_titled_as_the_role(lines: list[str], found: tuple[str | None, str | None, str | None]
                              ) -> tuple[str, str, str | None] | None:
    """Where the field read as the manager's is labelled with the job the heading says the meeting was with ('Field
    interviewer check-in' over 'Interviewer: Tomás Brennan | Field supervisor: Anjali Rao'), that field names the
    employee, and a field of one who leads others the manager."""
    name, role, manager = found
    if not (role and manager) or leads_others(role):
        return None  # ('Role: Night Supervisor | Supervisor: Mark Owen': her supervisor)
    fields = name_fields("\n".join(lines[:4]))
    if name and any(who == name for _, who in fields):
        return None  # a field names the employee already: 'Job title: Claims Assessor | Assessor: Lynn Price' beside 'Name: …'
    job_word = role.split()[-1].casefold()
    if not any(label.casefold().split()[-1] == job_word and who == manager for label, who in fields):
        return None
    leads = [who for label, who in fields if who != manager and leads_others(label) and is_name(who)]
    return manager, role, leads[0] if leads else None


def _says_who(rest: str) -> bool:
    """What follows a lower-case name opening the notes says it is someone's: their job, the meeting's date or the meeting
    ('kofi asamoah - counter fishmonger', 'kieran doyle - sat 25/7 - end of shift chat'), not a topic's remark ('late
    starts - again', 'stock count - freezer')."""
    first = re.split(r"[—–,(|)]|\s-\s", rest.strip(" \t-—–,(|"), maxsplit=1)[0].strip()
    dated = re.search(r"\d{1,2}[/.-]\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", first, re.I)
    return is_role(first) or dated is not None or bool(MEETING_WORDS.search(first))


# A name in lower case opening a line or after the words that lead to the employee's, before a dash or a bracket:
# 'review kasia nowak (erector, crew b)', 'check-in w/ ines carvalho — bench luthier', 'kofi asamoah - counter fishmonger'.
_LOWER_NAME = re.compile(rf"""(?:(?P<alone>^)[ \t]*|(?<![\w/])(?:with|w/|for|review|re:?|about|1:1|1-1|121)[ \t]+)
    (?P<name>[a-z][a-z'’-]+(?:[ \t](?:{PARTICLE})){{0,2}}[ \t][a-z][a-z'’-]+)(?=[ \t]*(?:[—–,(|]|-[ \t]))""", re.X)


# A weekday's short name before the date it is, which would read as a name: 'Thu 12 Nov 2026', 'Sun 3/5'.
_DATED_WEEKDAY = re.compile(r"(?<![\w'’-])(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?[ \t]+(?=\d)")


# A surname in capitals before the given name, as a register or a meeting invite writes it: 'LINDQVIST Hanna / OKAFOR Joseph'.
_CAPITALS_FIRST = re.compile(rf"(?<![\w'’-])(?=[A-Z]{{4}})(?P<surname>{SURNAME_IN_CAPITALS})[ \t]+(?P<given>[A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z][a-z])")
# (not a title's capitals before a full name: 'DOSM Grace Lin')


def _given_name_first(line: str) -> str:
    """`line` with each name written surname first in capitals turned round: 'Hanna Lindqvist' for 'LINDQVIST Hanna'."""
    def turned(m: re.Match[str]) -> str:
        surname = m["surname"].title()
        return f"{m['given']} {surname}" if is_name(surname) and is_name(m["given"]) and not team_initials(m["surname"]) else m[0]
    return _CAPITALS_FIRST.sub(turned, line)


# A note app's link to a person's page: '## 1:1 [[Marco]] (shift sup)', '[[Dana Ruiz|Dana]]' (read as the name shown).
_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|\n]*\|)?([^\[\]|\n]+)\]\]")
# A name a dictation corrects: 'Shawna, no, Siobhan', 'Shona - sorry, Siobhan', 'Sean I mean Siobhan'; and a name spelled
# out letter by letter after it ('S I O B H A N,', 'M-A-R-G-R-I-T,'), and said again in full ('Margrit, Margrit Aebischer').
_CORRECTED = re.compile(rf"\b{NAME_WORD}[ \t]*[,–—-]?[ \t]+(?i:no|sorry|I\s+mean|scratch\s+that|correction)\b[ \t]*[,.:–—-]?[ \t]+(?={NAME_WORD})")
# A one-to-one spelt as a Chinese note or a chat writes it, read as '1:1': '12/1 1on1 马建军(老马) 钣金', '1 on 1 w/ Dev'.
_ONE_ON_ONE = re.compile(r"(?<![\w:/-])(?:1\s?on\s?1|1-on-1|1v1|1to1)(?![\w:/-])", re.I)
_SAID_AGAIN_IN_FULL = re.compile(rf"\b({NAME_WORD})[ \t]*,[ \t]*(?=\1[ \t]+{NAME_WORD})")  # 'Margrit, Margrit Aebischer'
_SPELLED_OUT = re.compile(r"(?<![\w])(?:[A-Z](?:[ \t]|-(?=[A-Z]\b))){3,}[A-Z]\b[ \t]*[,.]?[ \t]*(?:(?:it|that)\s+always\s+gets\s+that\s+wrong[ \t]*[,.]?[ \t]*)?")


def _header_people(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """Employee name, role and manager from the header lines ('Sam K (backend engineer II) ... Manager: Alex'), or
    from the line at the notes' foot that says what they are, where the notes open with content, or the opening lines
    name no one the notes speak of again ('Reptile House - keeper review notes' above '… cc: file - Hana Vošková')."""
    lines = [_LABEL_OPENS.sub(r"\1 ", _BOLD_LINE.sub(r"\1", form_row(line))) for line in column_form(lines) if not is_rule(line)]
    # ('**Sales 1:1 — Vincent …**' as plain text, '【1:1 记录】李浩 (QC chemist)' as '1:1 记录 李浩 (QC chemist)'; a table's
    # rule left out: '| 员工 | 陈可可 |' over '|---|---|')
    if keyed := writer_keyed(lines[:3]):
        return keyed  # '（LJ：MES 工程师；HM：我）': a key that marks the writer says outright who the other is
    if barred := next((barred_here for line in lines[:2] if (barred_here := barred_fields(line))), None):
        return barred  # (on the line under a title too: 'Livehouse「回声」show 复盘' over 'show：… ｜ 阿May（舞台监督）｜ by 我 Dennis')
    if fielded := next((f for line in lines[:2] if (f := comma_fields(line))), None):
        return fielded
    if len(lines) > 1 and (chat := CHAT_HEADING.match(lines[0])) and is_name(chat["who"]):
        message = _people(lines[1:])  # 'Priyanka Das  10:14 AM' over '1:1 notes - Kwame Asante (…)': the writer's message
        if (message[0] and message[0] != chat["who"] and not titled_hr(lines[1], message[0])
                and not (message[1] and (is_hr(message[1]) or leads_others(message[1])))):
            return message[0], message[1], message[2] or chat["who"]
    if len(lines) > 1 and (met := _WITH_BELOW.match(lines[1])) and is_name(met["name"]) and MEETING_WORDS.search(lines[0]) \
            and not _ONLOOKER.search(lines[1]):
        writer = _people(lines[:1])  # the writer's line above, their name and title: the meeting was with the one below
        if writer[0] and writer[1] and lines[0].lstrip(" #*-").startswith(writer[0]) and met["name"] != writer[0]:
            inner = re.split(r"[,，;]", met["inner"] or "")[0].strip()
            return met["name"], inner if is_role(inner) else None, writer[0]
    found = _people(lines)
    foot = _foot_line(lines)
    if foot and (_PROSE.search(lines[0]) or not found[0] or not _said_after(lines[1:-2], found[0])):
        return _people([foot, *lines])
    signed = _SIGNED_AFTER_DATE.search(lines[0]) if lines else None  # a page's writer after its date ('Daily note 2 Dec
    page_writer = signed["who"] if signed and is_name(signed["who"]) else None  # 2026 - Kev Moran'), read as its header's name
    if not found[1] and (heading := _meeting_heading(lines, None if found[0] == page_writer else found[0])):
        return heading[0], heading[1], found[2] or heading[2] or (page_writer if page_writer != heading[0] else None)
    return found if found[0] else _named_elsewhere(lines, found)


# A heading further down that says whose meeting the part below it records: a day's page in a notes app with other parts
# above it ('## Bookings' … '## 1:1 Marco (shift sup)').
_HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# ('## 1:1 Marco (shift sup)', '## Check-in with Priya Nair', '## Review w/ Dana'; not '## Stock review', '## Appraisal prep')
_ONE_TO_ONE = re.compile(rf"""^(?i:1:1|1-1|121|one[- ]to[- ]one|check-in|catch[- ]?up|(?:review|supervision|appraisal)(?=\s+(?:with|w/)\b))
    \s*(?i:with|w/|[-–:])?\s*(?=\[\[|{NAME_WORD})""", re.X)


def _meeting_heading(lines: list[str], name: str | None) -> tuple[str, str | None, str | None] | None:
    """The employee, role and manager a meeting's heading below the top gives, where it names the one the header names
    or the header names no one."""
    for at, line in enumerate(lines[1:], 1):
        heading = _HEADING_MARK.sub("", line)
        if heading != line and _ONE_TO_ONE.match(heading):
            who, role, manager = _people([heading, *lines[at + 1:]])
            if who and (name is None or who == name) and (role is None or is_role(role)):
                return who, role, manager
    return None


# A header line of its own under lines of small talk: what the notes are and whose, a full name then a comma.
_HEADER_BELOW = re.compile(rf"""^\W*(?i:(?:review|1:1|appraisal|check-in|supervision|performance)\s+)?(?i:notes?|record|summary)
    \s*(?:[:：]|[-–—]|\s(?i:for|on|from))\s*{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}),""", re.X)


def _named_elsewhere(lines: list[str], found: tuple[str | None, str | None, str | None]) -> tuple[str | None, str | None,
                                                                                            str | None]:
    """Where the header's lines name no employee: a reply's quoted sender, an acknowledgement signed at the foot,
    initials, a name below the date, a layout of its own, the one a mail is written to, or a header line below small
    talk; `found` (its role and manager) otherwise."""
    if replied := reply_forwarded(lines):
        return replied[0], replied[1], found[2]
    if acknowledged := signed_at_foot(lines, found[2]):
        return acknowledged[0], acknowledged[1], found[2]
    if initialled := _initialled(lines):
        return initialled, None, found[2]
    if below := _name_below_date(lines):
        return below, None, found[2]
    if laid_out := _surname_first_opening(lines) or _column_speaker(lines) or _initials_with_job(lines) or _called_by_name(lines):
        return laid_out[0], laid_out[1] or found[1], found[2]
    if addressed := addressee(lines):
        return addressed[0], addressed[1], found[2]
    if (below_at := next((i for i in range(1, min(6, len(lines))) if _HEADER_BELOW.match(lines[i])), None)) is not None:
        return _people(lines[below_at:])  # 'Review notes: Gwen Lloyd-Harris, peripatetic brass tutor, met Wed 25 Nov' below
        # a few lines of small talk
    return found


def _name_below_date(lines: list[str]) -> str | None:
    """A name alone on the line below one of the date alone, among the opening lines ('27.08.26' over 'Ruairí Quinlan',
    'Wed 22.VII.2026' over '宋雅婷'), that the notes then speak of, by name or as 'him' or 'her' (not 'Night Shift' or
    'Kings Cross' above a list of what went wrong there): whom the notes are about."""
    for i, (line, below) in enumerate(itertools.pairwise(lines[:4])):
        name = below.strip(" \t*#:-–—")
        person = (" " in name and is_name(name) and _full_name(name) == name) or re.fullmatch(zh_name(), name)
        if not (_DATE_ONLY.match(line) and re.search(r"\d", line) and person):
            continue  # (a rule of dashes below the date is no one: nothing is left of it to look for)
        if _said_after(lines[i + 2:], name) or (unspaced(name) and name[1:] in "\n".join(lines[i + 2:])) \
                or SPOKEN_OF_ANY.search("\n".join(lines[i + 2:i + 5])):
            return name
    return None


def _surname_first_opening(lines: list[str]) -> tuple[str, str | None] | None:
    """An export's name opening the notes, surname first in capitals, and the job after it: 'KOVAC, Bernard — sweep —
    25/11' (not a word in capitals before a greeting: 'OK, Dana', nor a header's 'CONFIDENTIAL, …', 'NIGHTS, …')."""
    caps = _CAPITAL_SURNAME_OPENS.match(lines[0]) if lines else None
    job = (caps["job"] or "").strip() if caps else ""
    if not caps or not given_name(caps["given"]) or not is_role(job) or leads_others(job):
        return None  # (with the job after it: not 'CONFIDENTIAL, Priya Shah - 1:1 notes')
    return f"{caps['given']} {caps['surname']}", job


# Initials alone on a line with a job in brackets: 'JM (shearer, 2nd season w/ the gang)'.
_INITIALS_JOB = re.compile(r"^\W*(?P<initials>[A-Z]{2,3})[ \t]*[(（](?P<job>[^,，;)）\n]{2,40})[^)）\n]*[)）]\s*$")


def _initials_with_job(lines: list[str]) -> tuple[str, str] | None:
    """The employee's initials and job on a line of their own among the opening lines, under a first line that names
    no one ('JM / shed 2 / 3 nov' over 'w/ RB' over 'JM (shearer, 2nd season w/ the gang)'); not a team's ('QA (nights)')."""
    for line in lines[:4]:
        if (m := _INITIALS_JOB.match(line)) and not team_initials(m["initials"]) and is_role(m["job"].strip()) \
                and not leads_others(m["job"].strip()) and not _ONLOOKER.search(line) and not _attending(m["job"]):
            return m["initials"], m["job"].strip()
    return None


_ORDINAL = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly|Next|Then|Also|Plus|Overall|Otherwise|Honestly)$")


def _called_by_name(lines: list[str]) -> tuple[str, None] | None:
    """The one notes written to 'you' call by name in passing, where they name no one in their header: 'So, Aoife,
    here's what we agreed.' (one name so called, said to 'you')."""
    text = "\n".join(lines)
    if not to_you(text):
        return None
    not_names = load("vocabulary")["names"]["not_names"]
    names = (m["name"] or m["named"] for m in CALLED_BY_NAME.finditer(text))
    called = {n for n in names if is_name(n) and not HEADER_WORDS.match(n) and n.lower() not in (*WEEKDAYS, *MONTHS)
              and n not in not_names and not _ORDINAL.match(n)}
    return (called.pop(), None) if len(called) == 1 else None


# A table's column of what the employee said, headed by their name: 'Kwame A. (ramp agent) says', "Dana's view".
_SPEAKER_COLUMN = re.compile(rf"""(?P<name>{NAMED})\s*(?:[(（](?P<job>[^)）\n]{{2,40}})[)）])?\s*
    (?:says|said|response|responded|view|comments?|account|explanation|side|['’]s\s+(?:view|side|response|account|explanation|comments?))""", re.X)


def _attending(job: str) -> bool:
    """A job of someone else at the meeting: 'union rep', 'trainer', 'HR adviser'."""
    return bool(vocab("parties", "attending", "en").fullmatch(job.strip().lower())) or is_hr(job)


def _column_speaker(lines: list[str]) -> tuple[str, str | None] | None:
    """The employee, and their job where the heading gives it, from the heading of a table's column of what they
    said, the table among the opening lines: 'topic | evidence | Kwame A. (ramp agent) says | agreed'."""
    for line in lines[:6]:
        heads = [m for cell in cells(line) or () if (m := _SPEAKER_COLUMN.fullmatch(cell.strip()))]
        if len(heads) == 1 and is_name((name := re.sub(r"['’]s$", "", heads[0]["name"])).rstrip(" .")):
            job = (heads[0]["job"] or "").strip()
            if job and (leads_others(job) or _attending(job) or team_initials(job)):
                return None  # a trainer's or QA's column ('Kev (trainer) says'): not the employee's
            return name, job if is_role(job) else None
    return None


# Initials that stand for the one the notes are about: 'Summary for BZ's file', 'BZ says', 'Agreed with BZ:'.
_INITIALS_OF_SUBJECT = re.compile(r"\b(?P<initials>[A-Z]{2,3})(?:['’]s\s+(?:file|record|review|view|side)\b|\s+(?:says|said|admits|agreed)\b)"
                                  r"|\b(?:with|for)\s+(?P<after>[A-Z]{2,3})\b(?=\s*[:：,.])")


def _initialled(lines: list[str]) -> str | None:
    """The full name elsewhere in the notes (a forwarded subject's 'Bartek Zieliński') whose initials the body uses
    for the one it is about ('Summary for BZ's file', 'BZ says …'); None unless exactly one name has them."""
    text = "\n".join(lines)
    used = {m["initials"] or m["after"] for m in _INITIALS_OF_SUBJECT.finditer(text)} - {"HR", "IT", "QA", "OK", "AM", "PM"}
    if len(used) != 1:
        return None
    initials = used.pop()
    names = {m.group(0) for m in _FULL_NAME.finditer(text)
             if is_name(m.group(0)) and "".join(w[0] for w in m.group(0).replace(".", " ").split()) == initials}
    return names.pop() if len(names) == 1 else None


# A line further down that says what the notes are, the name and job first: 'Fiona Reid (home care worker, Northside
# round) - supervision, the performance bit.'
_TITLE_LINE_BELOW = re.compile(rf"""^\W*(?P<name>{NAME_WORD}[ \t]{NAME_WORD})\s*[(（](?P<job>[^)）\n]{{2,60}})[)）]\s*[-–—:,]\s*
    (?i:1:1|one[- ]to[- ]one|review|supervision|appraisal|catch-?up|check-?in|notes)\b""", re.M | re.X)
# A line below the first opening with a full name and a job, then what else the header says:
# 'Trevor Moss, gilder (frames bench) - with me, Lou B. - Weds 4 Nov'.
_HEADER_REST = re.compile(rf"""\bwith\s+me\b|\b(?:1:1|1-1|one[- ]to[- ]one|review|supervision|appraisal)\b
    |\b(?:reviewer|reviewed\s+by|line\s+manager|manager|supervisor)\s*[:：]  # the one reviewing, labelled: '· reviewer: Katya'
    |\b(?:{"|".join(WEEKDAYS)})\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN})\b|\b\d{{1,2}}[/.]\d{{1,2}}\b""", re.I | re.X)
# (what else a header line says: not 'Joan Fell, customer - rang about the late delivery again')
_NAME_COMMA_JOB = re.compile(rf"^\W*(?P<name>{NAME_WORD}[ \t]{NAME_WORD}),[ \t]+(?P<job>[A-Za-z][A-Za-z -]{{1,40}}?)[ \t]*(?=[(（,;–—·•|]|[ \t]-[ \t]|$)", re.M)
# Who wrote the notes, at the end of the header's line: '… – 03 jun 26 – notes MK', or a name after its date:
# '… – Morwenna Trist – 11/06/26 – P. Agnew'.
_NOTES_BY = re.compile(rf"[-–—|,]\s*(?i:notes?|written|typed(?:\s+up)?)\s*(?i:by)?\s*[:：]?\s*(?P<who>[A-Z]{{2,3}}|{NAME_WORD})\s*$")
_SIGNED_AFTER_DATE = re.compile(rf"\d[^-–—|]*\s[-–—|]\s*(?P<who>(?:[A-Z]\.[ \t]?)?{NAME_WORD}(?:[ \t]{NAME_WORD})?)\s*$")


# A chat's stamp above a message: its day ('—— 2026年10月20日 周二 ——') or its sender and time ('Cathy 21:14').
_CHAT_STAMP = re.compile(rf"""^(?:[\s\W\d]|[年月日号周星期一二三四五六七天])*$
    | ^\W*(?:{NAME_WORD}(?:[ \t]{NAME_WORD})?|[\u4e00-\u9fff]{{2,4}})[ \t]+\d{{1,2}}:\d{{2}}\W*$""", re.X)


def _message_opening(lines: list[str]) -> str:
    """The first line of a chat message: the first of the notes, below the chat's stamps."""
    return next((line for line in lines[:4] if not (_CHAT_STAMP.match(line) or _DATE_ONLY.match(line))), "")


# A message to a colleague about someone else's notes: '@Tom 你帮我看看小李今天的面谈记录', '@Jordan can you check my notes
# on Marco Silva'.
_ABOUT_ANOTHER = re.compile(r"[小老阿][\u4e00-\u9fff](?=[的今这那，,\s])|\bnotes?\s+(?:on|about|for)\s+[A-Z]|(?:帮我|帮忙)(?:看|check)", re.I)


def _mentioned_is_employee(who: str, lines: list[str], opening: str) -> bool:
    """The one a chat message mentions first is the one it is about: a name (not '@所有人', '@all'), and the message
    speaks to 'you' ('你看看有没有要补充的'), not of someone else's notes."""
    if who.lower() in ("all", "everyone", "here", "channel", "team") or who in ("所有人", "全体成员", "大家"):
        return False
    rest = opening[opening.find(who) + len(who):] if who in opening else ""
    if _ABOUT_ANOTHER.search(rest):
        return False
    return (unspaced(who) or is_name(who)) and to_you("\n".join(lines[:12]))


# A chat message opening by mentioning someone: '@阿杰 今天聊的我整理一下'.
_MENTIONED = re.compile(rf"^\W{{0,2}}@(?P<name>[\u4e00-\u9fff]{{2,4}}|{NAME_WORD}(?:[ \t]{NAME_WORD})?)(?=[\s,，:：]|$)")
# The one the talk was with, introduced with their place in the team: 'with Ieuan Davies, who has been our second shepherd'.
_WITH_WHO = re.compile(rf"\bwith\s+({NAME_WORD}[ \t]{NAME_WORD}),[ \t]+who(?:['’]s|[ \t]+(?:has[ \t]+been|is|was|joined|started|runs))\b")
# A 1:1's own title line below other lines (texts forwarded above it): '1:1 notes - Sam T. (axe throwing coach) - Mon 2 Nov'.
_ONE_TO_ONE_BELOW = re.compile(rf"^\W*(?i:1:1|1-1|121|one[- ]to[- ]one)(?i:\s+notes?)?\s*[-–—:]\s*(?P<name>{NAMED})\s*[(（](?P<job>[^)）\n]{{2,40}})[)）]",
                               re.M)
# Whom a spoken note is about, then their job as one of ours: '… following up on what we said about Callum Reid, our street
# lighting electrician on the east patch, I had him in this afternoon'.
_ABOUT_OUR = re.compile(rf"\b(?:about|with|re)\s+(?P<name>{NAME_WORD}[ \t]{NAME_WORD}),[ \t]+(?:our|my)[ \t]+(?P<job>[a-z][a-z -]{{2,40}}?)(?=[ \t]+(?:on|at|in|for|from)\b|[,.;]|$)", re.M)
# Who a dictated memo says is speaking, with their title: "right this is Ian Strachan harvesting supervisor …".
_SELF_NAMED = re.compile(rf"\b(?i:this\s+is|it['’]?s)\s+(?P<name>{NAME_WORD}[ \t]{NAME_WORD})[ \t,]+(?P<after>(?:[a-z]+[ \t]+){{0,2}}[a-z]+)")
# A name said outright for the notes, in a dictated memo: "… the harvester lad, that's Callum Reid for the record".
_FOR_THE_RECORD = re.compile(rf"\b(?i:that['’]?s|that\s+is|it['’]?s|this\s+is\s+about)\s+({NAME_WORD}[ \t]{NAME_WORD})[ \t,]+(?i:for\s+the\s+(?:record|notes|file))\b")
# A form's discussion opening with whom the talk was: 'Met with Jess in the playroom office after handover; …'.
_MET_WITH = re.compile(rf"""^\W*(?:[^\n]{{0,24}}?[ \t][–—-][ \t]*)?  # (after the day: 'Tues 8/6/27 – talked to Oona …')
    (?i:(?:i\s+)?(?:met|sat\s+down|talked|spoke|spoken|chatted|had\s+(?:a|the|my)\s+(?:chat|talk|word|catch-?up|1:1))\s+(?:with|to)
    |(?:the\s+)?(?:review|meeting|1:1|appraisal|conversation|supervision)\s+(?:was|is)\s+with)  # 'Review was with Margrit …'
    \s+({NAMED})(?=[\s,;.(]|$)""", re.M | re.X)


# A table's row read as a field (`form_row` joins its cells with '：'), its value a name and perhaps its bracket: not
# a speaker's 'OP: Fair, the …', nor a colleague's 'Forklift driver: Kwame Osei' further down a note.
_TABLE_FIELD = re.compile(r"[^:：,，]{1,32}：[ \t]*[^\s,，]+(?:[ \t][^\s,，]+){0,2}(?:[ \t]*[(（][^)）]*[)）]|,[ \t]*[a-z][a-z -]{2,40})?")
# (or a job after a comma: '| Surveyor | Nnamdi Eze, hydrographic surveyor |')


_CAPITAL_SURNAME_OPENS = re.compile(rf"""^\W*(?!(?:NOTES?|AGREED|ACTIONS?|UPDATE|URGENT|DRAFT|FINAL|TODO|SUBJECT|ASAP|RE|FYI|FWD?
    |CONFIDENTIAL|PRIVATE|PERSONAL|RESTRICTED|SENSITIVE|INTERNAL|OFFICIAL|IMPORTANT|SUMMARY|REVIEW|MEETING|NIGHTS?|DAYS?|LATES?
    |EARLIES|WEEKENDS?|COPY)\b)
    (?P<surname>[A-Z]{{3,}}(?:[-'’][A-Z]{{2,}})?),[ \t]*(?P<given>{NAME_WORD})
    (?:[ \t]*[-–—|][ \t]*(?P<job>[a-z][\w '’-]{{1,40}}?)[ \t]*(?:[-–—|,(]|$))?""", re.X)
# A heading's field naming someone surname first, the surname in capitals: '… – ADEYEMI, Ngozi (EO, Work Coach) – …'.
_SURNAME_COMMA_GIVEN = rf"(?P<surname>{SURNAME_IN_CAPITALS}),[ \t]*(?P<given>{NAME_WORD})"  # 'HALE, Tom'
_SURNAME_FIRST_FIELD = re.compile(rf"(?:^|[–—|:]\s*|\s-\s){_SURNAME_COMMA_GIVEN}(?=[ \t]*(?:[(（|–—]|\s-\s|$))")
_CAPITAL_SURNAME_FIRST = re.compile(MANAGER_WORD.pattern + rf"\s*[:：]\s*{_SURNAME_COMMA_GIVEN}"
                                    r"(?=[ \t]*(?:$|[|｜(（;；])|[ \t]{2,}\S)", re.M)  # (the given name ends the field: not 'TBC,
# Kev covering'; another field may follow two spaces on: 'Rev: HENDRY, Alasdair   Date: 07/08')


# A calendar invite's organiser, and a form's field of the employee: an invite names its one attendee beside the first,
# a form its employee in the second.
_ORGANISER = re.compile(r"^\W*(?i:organi[sz]er|organi[sz]ed\s+by)\s*[:：]", re.M)
_EMPLOYEE_FIELD_LINE = re.compile(r"^\W*(?i:" + EN_EMPLOYEE_FIELD + r")\s*[:：]", re.M)
# The one invited to a meeting, in a calendar invite's field: 'Attendee: S. Mbatha (Seed Bank Technician)'.
# ('Required attendees: Sørensen, Ingrid': an export's surname first, before a comma)
_INVITED = re.compile(rf"""^\W*(?i:(?:(?:required|optional)\s+)?(?:attendees?|invitees?|guests?)|required)\s*:\s*
    (?P<name>{FIELD_NAME})(?:,[ \t]*(?P<given>[A-Z][\w'’\-]+))?(?:\s*\((?P<role>[^)\n]{{2,40}})\))?\s*$""", re.M | re.X)


_MANAGER_FIELD_BEFORE = re.compile(r"(?:^|[\s;；|｜,，])(?i:" + label_alternation("manager_meta", "en") + r")\s*[:：]\s*$")  # the label of the manager's field, before a name


_TITLED_VALUE = re.compile(r"([:：])[ \t]*(?i:owner|proprietor|director|manager|head)[ \t]*:(?=[ \t]*[A-Z])")


_NAME_BRACKET = re.compile(r"([^()（）\n]{1,80}?)\s*[(（]([^()（）\n]{1,60})[)）]")  # 'Dana Ruiz (picker)', '… A. MacInnes (site manager)'


def _job_in_brackets_after(line: str, name: str) -> str | None:
    """The job in brackets right after `name` on `line` ('跟林晓（DM）聊', '跟 Cindy 周 (医药代表，华东二区) 做了 review'), not
    another name ('跟阿杰（陈杰）谈') nor a lead's title."""
    surname = r"(?:\s+[\u4e00-\u9fff])?" if name.isascii() else ""  # ('Cindy 周')
    pm = next((pm for pm in _NAME_BRACKET.finditer(line) if re.search(re.escape(name) + surname + r"\s*$", pm.group(1))), None)
    if pm is None:
        return None
    inner = pm.group(2).strip()
    parts = [p.strip() for p in re.split(r"[，,、;；]", inner) if p.strip()]
    if not parts or is_name(parts[0]) or re.fullmatch(zh_name(), parts[0]) or _bracket_manager(pm):
        return None
    if found := next((p for p in parts if is_role(p)), None):
        return found
    alone = parts[0] if len(parts) == 1 else ""  # a job's letters ('DM', 'FAE') or a trade's word or two ('验光'), not a
    # date, a team, how they met or what they went through ('三组', '电话', '试用期', '刚休完产假')
    if re.fullmatch(r"[A-Z]{2,4}", alone) and not team_initials(alone):
        return alone
    return alone if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", alone) and not re.search(r"[了完刚在也请休假次第线电期组班队部区号]", alone) else None


def _bracket_manager(pm: re.Match[str]) -> str | None:
    """The name before a bracket in the manager's field: 'reviewer：A. MacInnes (site manager)'."""
    name_run = _NAME_RUN.search(_ROLE_SEP.split(pm.group(1))[-1].strip())
    return name_run.group(1) if name_run and _MANAGER_FIELD_BEFORE.search(pm.group(1)[:pm.group(1).rfind(name_run.group(1))]) else None


_ASKS_SOMEONE = re.compile(r"(?:(?<=\bCan)|(?<=\bWill)|(?<=\bMay))\s+(?:you|u)\b(?![-'’])")  # a modal that is a name too: 'Can you …'
# (not 'Will' of 'catch up with Will we went over …')
_ASKS_AFTER_TAG = re.compile(r"\s*:\s*(?i:can|could|would|will|pls|please)\s+(?i:you|u)\b")  # 'Ollie: Could you …'


_REVIEW_WITH = re.compile(r"\b(?:review|1:1|check-in|supervision|appraisal|catch-up|meeting)\s+(?:with|w/)\s+$", re.I)
# A header that opens with a name and a job, perhaps after its label: 'Notes: Rosa Almeida, bridal seamstress — review with …'.
_NAMED_WITH_JOB_FIRST = re.compile(rf"^\W*(?:[A-Za-z][\w ]{{0,20}}:[ \t]*)?(?P<name>{NAMED}),[ \t]*(?P<job>[^,—–|()\n-]{{2,40}}?)[ \t]+[—–|-]")


def _people(lines: list[str]) -> tuple[str | None, str | None, str | None]:  # noqa: C901 -- predates the complexity budget
    """`_find_people` on the lines as given, the first taken as the header's."""
    header = "\n".join(lines[:3])
    name = role = manager = None
    # (a field's whole value: not a speaker's words after a tag, 'Emp: No problem.')
    surname_first = False  # a form that writes names 'Last, First'
    field = (r"\b(?i:" + EN_EMPLOYEE_FIELD + r")" + NAME_ORDER + r"\s*[:：]\s*(?P<name>(?>" + FIELD_NAME
             + r"|[\u4e00-\u9fff]{2,4}(?=[\s(（,，|]|$)))(?![ \t]+[a-z])\s*(?:(?P<sep>[,(])\s*(?P<after>[^,.\n()|｜]+(?:\([^)\n]*\))?))?")
    m = re.search(field, header) or re.search(r"^[\s*#-]*" + field, "\n".join(lines[3:10] + lines[max(10, len(lines) - 3):]), re.M)
    # (further down, a form's field on a line of its own: 'Section B - Employee' over 'Name: Dee Whitcombe'; or at the foot
    # of a form filled in out of order: 'Name of staff member: Lorraine Quigley    Post: Midday supervisor')
    if m:
        name, role = m["name"].strip(), (m["after"] or "").strip() or None
        first = re.sub(r"\s*\([^)]*\)$", "", role or "")  # ('KOWALCZYK, Piotr (emp# 20931)': the given name before the number)
        if first and m["sep"] == "," and given_name(first) and (m["order"] or m["name"].isupper()  # ('OYELARAN, Babatunde')
                                                                or _said_after([x for x in lines if m["name"] not in x], first)):
            name, role, surname_first = f"{first} {name}", None, True  # 'Employee Name (Last, First): Okonkwo, Adaeze'
        elif role and is_name(role) and not role_like(role):
            role = None  # 'Employee: 梁志恒 (Leung), dim sum chef': another form of the name
    if not name and (latin := _ZH_FIELD_LATIN.search("\n".join(lines[:8]))) and (
            is_name(latin["name"]) or re.fullmatch(r"[A-Z][a-z]+[ \t][\u4e00-\u9fff]", latin["name"])):
        bracketed = latin["bracketed"] if latin["bracketed"] and re.fullmatch(zh_name(), latin["bracketed"]) \
            and not is_role(latin["bracketed"]) else None  # (not '员工：Kevin（夜班组长）', 'Amy（实习）')
        name = latin["zh"] or bracketed or latin["name"]  # '员工：Ma Xiaodong 马晓东，ULD build-up agent': a Chinese form's field, the name in
        # Latin letters and in characters beside it (the notes' own sentences use those)
    if not name:
        name, role, manager = speaker_key(header) or speaker_key("\n".join(lines[-2:])) or (name, role, manager)  # (or at
        # the foot: 'key: PM = Priya Mahal (…Coordinator) / TN = Tomasz Nowak (court interpreter, sessional)')
    if not name:
        rows = [line for line in lines[3:10] if _TABLE_FIELD.fullmatch(line.strip()) and not unspaced(line)]
        name, role = job_field(header) or job_field("\n".join(rows)) or (name, role)  # (further down, a table's row of its
        # own: 'Technician：Ifeoma Chukwu')
    if not name:
        name, manager = named_in_subject(lines) or written_to(lines) or copied_in(lines) or (name, manager)
    if not name:
        name, role, manager = replying_to(lines) or (name, role, manager)
    attending = None if name else present(lines)  # 'Present: Adaeze Okonkwo (Payroll Clerk), Liam Fairweather (…)'
    if attending and attending[0]:
        name, role = attending[0].name, attending[0].role
    if not name and lines and (caps := _SURNAME_FIRST_FIELD.search(lines[0])) and is_name(caps["given"]) \
            and not _MANAGER_FIELD_BEFORE.search(lines[0][:caps.start("surname")]) \
            and not HEADER_WORDS.match(caps["surname"].title()) and is_name(caps["surname"].title()):  # (not 'OK, Dana —')
        name = f"{caps['given']} {caps['surname']}"  # 'Support plan meeting – ADEYEMI, Ngozi (EO, Work Coach) – 30/06/2026'
    if not name and unspaced(header):
        further = re.search(ZH_EMPLOYEE_FIELD + rf"\s*[:：】]\s*(?:[\u4e00-\u9fff]{{2,8}}[ \t\u3000]+)?({zh_name()})(?=[\s（(，,｜|]|$)",
                            "\n".join(lines[8:16] + lines[max(16, len(lines) - 2):]), re.M)  # (or at the foot: '记录：黄建明　员工：鹿雨桐')
        numbered = _NUMBERED_FIELD.search("\n".join(lines[:8]))  # '被谈话人（司机工号/姓名）：D10482 / 黄志强'
        name = numbered.group(1) if numbered else further.group(1) if further else employee_zh(lines)  # a form's field after
        # the agreement: '对象：赵一鸣，安检员'
        if name and re.search(ZH_MANAGER_FIELD + r"\s*[:：]\s*(?:[\u4e00-\u9fff]{2,8}\s+)?" + re.escape(name), "\n".join(lines[:8])):
            # '面谈人：王蕾（咨询部总监）', '面谈人：仓储主管 孙立': the one who held the talk, not the employee; read again
            # without that line
            name = employee_zh([line for line in lines if not re.match(r"\W*" + ZH_MANAGER_FIELD + r"\s*[:：]", line)])
        if name and not role and (job := _job_in_brackets_after(lines[0] if lines else "", name)):
            role = job  # '跟林晓（DM）聊': the job in brackets after the name
    managers, employees = party_labels()
    untitled = _TITLED_VALUE.sub(r"\1", header)  # 'reviewer：Owner: Celeste Marchetti': the reviewer's title, then the name
    mm = next((m for label in MANAGER_WORD.finditer(untitled) if (m := NAME_AFTER_LABEL.match(untitled, label.end()))
               and m.group(1).lower() not in managers and m.group(1).lower() not in employees
               and not (" " not in m.group(1) and re.match(r"[ \t]*[:：]", untitled[m.end():]))), None)  # not a label: 'Reason:'
    # (not the label below a heading: 'Section A - Reviewer' over 'Reviewer: Graham Oyelaran')
    if not mm:  # a form's labelled field further down: 'Reviewer: Jo Whitlock (Practice Manager)' on its fourth line
        mm = re.search(r"^[\s*#-]*(?i:manager|line manager|reviewer|interviewer|appraiser|assessor|supervisor|organi[sz]er|conversation owner)\s*[:：]\s*("
                       + LABELLED_NAME + ")", "\n".join(lines[3:8]), re.M)
    not_names = load("vocabulary")["names"]["not_names"]
    labelled = mm is not None and bool(re.search(r"[:：]", mm.string[mm.start():mm.start(1)]))  # 'Manager: Ann Lee'
    if not labelled and (own := _SELF_NAMED.search(header)) and any(leads_others(" ".join(own["after"].split()[:n])) for n in (1, 2, 3)):
        manager, mm = own["name"], None  # 'this is Ian Strachan harvesting supervisor Glen Affric block 14': the one speaking
    if mm and not vocab("roles", "terms", "en").fullmatch(mm.group(1).lower()) and mm.group(1).split()[-1] not in not_names:
        manager = mm.group(1)  # not 'Mgr: Right, thanks for coming in'
        given = re.match(rf",[ \t]*({NAME_WORD})(?=[ \t]*(?:[(（|]|$))", mm.string[mm.end():], re.M)  # 'Reviewer: Halvorsen, Petra'
        manager = f"{given[1]} {manager}" if given and surname_first and " " not in manager and given_name(given[1]) else manager
    if not manager and (caps := _CAPITAL_SURNAME_FIRST.search(header)):
        manager = f"{caps['given']} {caps['surname']}"  # 'Manager: HALE, Tom': an export's surname first, in capitals
    if not manager:
        mm = re.search(r"\bwith\s+(?:the\s+|my\s+|her\s+|his\s+|their\s+)?((?:[A-Z]{2,}\s|[A-Za-z]+\s)?(?:manager|supervisor|team lead|lead|director|minister|head of [A-Za-z]+))\b", header, re.I)
        if mm:
            manager = mm.group(1).strip()
    if not manager:
        manager = written_by(header) or (attending[1].name if attending and attending[1] else None) or (
            written_by("\n".join(lines[-2:])) if len(lines) > 3 else None)  # (or at the foot: '记录：黄建明　员工：鹿雨桐')
    leader: tuple[str, str] | None = None  # 'Gráinne O'Sullivan (Terminal Ops Superintendent)': the employee only
    first = lines[0] if lines else ""
    brackets = list(_NAME_BRACKET.finditer(first))
    manager = manager or next((who for pm in brackets if (who := _bracket_manager(pm))), None)
    if not name:                            # when no one else is named
        for pm in brackets:
            tail = _ROLE_SEP.split(pm.group(1))[-1].strip()
            inner = pm.group(2).strip()
            name_run = _NAME_RUN.search(tail)
            if re.fullmatch(r"[A-Z]{2,3}", inner) and (after := _ROLE_AFTER_INITIALS.match(first, pm.end())):
                inner = after.group(1)  # 'Jasmine Mbatha (JM), biobank technician': the role follows her initials
            named_before = any(" " in part.strip() and is_name(part.strip()) for part in _ROLE_SEP.split(pm.group(1))[:-1])
            if is_name(inner) and tail and role_like(tail) and not is_name(tail) and not named_before:
                name, role = inner, tail  # 'picker (Dana Ruiz)'; not 'Joost Bakker, call-taker (Blue Watch)', a team
            elif _bracket_manager(pm):
                continue
            elif name_run and _names_the_one(name_run.group(1), inner):
                name, role = name_run.group(1), _bracket_role(inner)  # 'Oisin Barr (deck hand, ferry 2)'
            rest = first.replace(name or "\x00", " ").replace(f"({inner})", " ")
            if name and role and leads_others(role) and (_names_another_job(rest)
                                                         or _names_another_person(first[:first.find(name)], name)):
                leader, name, role = leader or (name, role), None, None
            elif name:
                break
    if not name and lines and (met := _INITIALS_MET.search(lines[0])) and not team_initials(met.group("one")) \
            and not team_initials(met.group("other") or "") and not (met.group("other") is None and _full_name(lines[0])):
        # (capitals before '1:1' on a line that names someone in full are a team's: 'EOC 1:1 notes - A. Mensah-Clarke')
        name, manager = met.group("one"), manager or met.group("other")
    if not name:
        name, role = whose_review("\n".join(lines[:5]), "\n".join(lines)) or (name, role)  # ('… for Elin's file' below a
        # mail's fields and greeting)
    opening_line = lines[1] if len(lines) > 1 and _DATE_ONLY.match(lines[0]) else lines[0] if lines else ""
    opening = _OPENS_WITH_NAME.match(opening_line)  # (below a line of its date and time alone: 'Thursday, 29 January 2026 07:41')
    job = opening.group("job") if opening else None
    if not name and opening and is_name(opening.group(1)) and (not job or (role_like(job) and not is_name(job) and not MEETING_WORDS.search(job))) \
            and (" " in opening.group(1) or (job and not leads_others(job) and named_again(lines[1:], opening.group(1)))):
        # one name alone only before a job of no lead, said again: 'Bea - bindery -', not 'Snowmaking – catch-up' nor
        # 'Marta - shift lead - 1:1 w/ Kofi' (the writer); a full name before the talk: 'Lola Mensah — chat 2/6 — Vince'
        name, role = opening.group(1), job or role  # 'Kasia Nowak - 1:1 - 09/11/2026 - Dean': the one the meeting is with
    if not name and lines and (jm := _JOB_THEN_NAME.search(lines[0])) and is_role(jm["job"]) and not leads_others(jm["job"]) \
            and is_name(jm["name"]) and not vocab("roles", "terms", "en").fullmatch(jm["name"].lower()) and jm["name"] != manager:
        name, role = jm["name"], role or jm["job"]  # '1:1 notes - dispatcher A. Mensah-Clarke - 18.09.26'
    if not name and (recorded := _FOR_THE_RECORD.search("\n".join(lines[:3]))) and is_name(recorded.group(1)):
        name = recorded.group(1)  # '… with the harvester lad this morning thats Callum Reid for the record …'
    if not name and (below := _TITLE_LINE_BELOW.search("\n".join(lines[1:8]))) and is_name(below["name"]):
        name, role = below["name"], role or re.split(r"[,，;；]", below["job"])[0].strip()
        # 'Fiona Reid (home care worker, Northside round) - supervision, the performance bit.' below a line of small talk
    if not name and (listed := _NAME_COMMA_JOB.search("\n".join(lines[1:4]))) and is_name(listed["name"]) \
            and (is_title(listed["job"]) if listed["job"][0].isupper() else role_like(listed["job"])) \
            and not leads_others(listed["job"]) and listed["name"] != manager \
            and _HEADER_REST.search(rest := listed.string[listed.end():].split("\n")[0]) \
            and not re.search(rf"\b(?:with|w/|on|about|for|re:?)\s+{NAMED}", rest):
        name, role = listed["name"], role or listed["job"]  # 'Trevor Moss, gilder (frames bench) - with me, Lou B.' below a title
    if not name and (mention := _MENTIONED.match(opened := _message_opening(lines))) \
            and _mentioned_is_employee(mention["name"], lines, opened):
        name = mention["name"]  # '@阿杰 今天聊的我整理一下 — Vivian': the message is to the one it mentions first
    if not name and (introduced := _WITH_WHO.search("\n".join(lines[:8]))) and is_name(introduced.group(1)):
        name = introduced.group(1)  # 'Anyway the proper bit, with Ieuan Davies, who has been our second shepherd since …'
    if not name and (below := _ONE_TO_ONE_BELOW.search("\n".join(lines[1:8]))) and is_title(below["job"]) \
            and not leads_others(below["job"]) and not re.search(r"\bmy\b", below["job"], re.I):
        name, role = below["name"], role or below["job"]  # '1:1 notes - Sam T. (axe throwing coach) - Mon 2 Nov' below texts
    if not name and (ours := _ABOUT_OUR.search("\n".join(lines[:8]))) and is_name(ours["name"]) and role_like(ours["job"]):
        name, role = ours["name"], role or ours["job"]  # '… about Callum Reid, our street lighting electrician on the east patch'
    if not name and lines:
        # 'with Dana' or '1:1 Dana' first, then '- Ms. Patel', then a name opening the line; on the second line, after
        # a first that names no one ('Voice memo, transcribed - 17 June' above '… this is about Shauna'), the first only
        leads = (r"\b(?:with|w/|for|re:?|about|notes\s+on)\s+|(?<!\S)(?:1:1|1-1|121|1on1|1 to 1|one[- ]to[- ]one)\s+",
                 r"\bwith\s+(?:the|our|my)\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+", r"[-–—:]\s+", r"^")  # '… with the store manager, Rosa Marchetti'
        for line, lead in [*((lines[0], lead) for lead in leads), *((line, leads[0]) for line in lines[1:2])]:
            for wm in re.finditer("(?:" + lead + r")(" + TITLE + r")?(" + NAMED + r")", line):
                initials = wm.group(2).isupper() and not team_initials(wm.group(2))
                if " " not in wm.group(2) and _ASKS_SOMEONE.match(line, wm.end()):
                    continue  # 'Ollie: Can you put Sam B. on bar': a request's verb, not a name
                if lead == "^" and _ASKS_AFTER_TAG.match(line, wm.end()):
                    continue  # … nor the one asking it
                goes_on = _TITLE_GOES_ON.match(line, wm.end())
                if goes_on and " " not in wm.group(2) and role_like(f"{wm.group(2)} {goes_on.group(1)}"):
                    continue  # 'Service advisor 月度面谈 – …': a job's first word, not a name
                if (place := _PLACE_AFTER.match(line, wm.end())) and not (" " in wm.group(2) and (
                        _TEAM_AFTER.match(line, wm.end()) or place["talk"])):
                    continue  # 'Gwynt Uchaf O&M base', 'Ramp ops': a place's or a team's name (not 'Dana Reid ops')
                if lead == leads[2] and not line[wm.end():].strip() and (opener := re.match(NAMED, line.lstrip(" #*"))) \
                        and opener.group(0) != wm.group(2) and is_name(opener.group(0)) and is_name(wm.group(2)) \
                        and not HEADER_WORDS.match(wm.group(2)) and wm.group(2).lower() not in (*WEEKDAYS, *MONTHS):
                    manager = manager or wm.group(2)  # 'Priya – notes for our chat, Wed 18 Feb — Keith': the writer signs
                    continue
                if lead == leads[0] and (opener := _NAMED_WITH_JOB_FIRST.match(line)) and opener["name"] != wm.group(2) \
                        and _REVIEW_WITH.search(line[:wm.start(2)]) and is_name(opener["name"]) \
                        and role_like(opener["job"]) and not leads_others(opener["job"]) and not is_hr(opener["job"]):
                    name, role, manager = opener["name"], role or opener["job"].strip(), manager or wm.group(2)
                    break  # 'Notes: Rosa Almeida, bridal seamstress — review with Celia Drummond': the one named with a job
                    # first, the review held by the other
                if ((initials or is_name(wm.group(2))) and wm.group(2) not in (manager or "") + (leader[0] if leader else "")
                        and (wm.group(1) or initials or not HEADER_WORDS.match(wm.group(2))) and not sent_by(lines, wm.group(2))):
                    name = wm.group(2)
                    break
            if name:
                break
    if not name and leader:
        name, role = leader
    elif leader and not manager:
        manager = leader[0]
    if not name and lines:
        # '被面谈人：甘露', '【面谈对象】温雅婷（Emily）': a labelled name needs no known surname
        zp = re.search(ZH_EMPLOYEE_FIELD + r"\s*[:：】]\s*([\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8})(?=[\s（(，,｜|]|$)",
                       "\n".join(lines[:8]), re.M) \
            or re.search(rf"({zh_name()})\s*[（(]([^）)\d]{{1,12}})[）)]", lines[0])  # not '周报（9.14-9.18）'
        titled = zp and zp.lastindex == 1 and is_role(zp.group(1)) and _name_after_title().match(zp.string, zp.end())
        if zp and titled:  # '被面谈人：室内设计师 Ada（黄思琪）': the job, then the name (in the other script too)
            name, role = titled["zh"] or titled["zh_only"] or titled["en"], zp.group(1)
        elif zp:
            inner = zp.group(2) if zp.lastindex and zp.lastindex > 1 else None
            name, role = zp.group(1), None if inner and is_name(inner) and not role_like(inner) else inner  # '赵磊 (Leo)'
    if not name:
        zh = _zh_name(lines[0] if lines else "")
        if zh and not re.search(r"面谈人|面谈经理|经理\s*$", lines[0][: zh.start()] + zh.group(1)):
            role, name = _zh_title(zh.group(1)), zh.group(2)
    zm = re.search(ZH_MANAGER_FIELD + r"\s*(?:[:：]|为|是)\s*(?:(?:我|本人)\s*[，,]\s*)?(.+)", header)  # ('谈话人：我，值班主任 Steven Ho')
    if zm and not manager:
        zh = _zh_name(zm.group(1))
        manager = zh.group(2) if zh else re.split(r"[，,（(|｜。；;]|\s{2,}|\s+(?=\d)", zm.group(1))[0].strip()[:20]  # not its date
    elif not manager and (zm := re.search(ZH_MANAGER_FIELD + rf"\s*[:：]\s*(?:\S+\s+)?({zh_name()})\s*$", "\n".join(lines[3:8]), re.M)):
        manager = zm.group(1)  # a form's fourth line on ('面谈人：物业主任 王淑芬'): a name, not a speaker's words
    if not manager and unspaced(header):
        manager = leader_zh(lines, name)
    if not manager and lines and (noted := _NOTES_BY.search(lines[0]) or _SIGNED_AFTER_DATE.search(lines[0])) \
            and noted["who"] not in (name, "".join(w[:1] for w in (name or "").split())) and not team_initials(noted["who"]) \
            and noted["who"] not in ("TBC", "TBD", "WIP", "NA") \
            and (noted["who"].isupper() or is_name(noted["who"])):
        manager = noted["who"]  # '… – 03 jun 26 – notes MK', '… – Morwenna Trist – 11/06/26 – P. Agnew': who wrote them
    name = name or _dictated(lines) or _met_with(lines) or _file_named(lines)
    if name and not manager and lines:
        manager = _beside_on_line(lines[0], name) or _writer_marked(lines) or _signed_off(lines)
    if name and _heads_an_organisation(name, lines[:3]):
        name = None  # 'Hartwell Ground Investigations Ltd': the letterhead, not a person
    if name and unspaced(name) and (placed := _placed_name(name, header)):
        name, role = placed[0], role or placed[1]  # '谈话对象：第三网格 网格员 孙丽娟': where they work, their job, their name
    if name and not role and (zh := _zh_name(lines[0] if lines else "")) and zh.group(2) == name:
        role = _zh_title(zh.group(1))  # '跟咱们车队货车司机孙国栋聊了一下', the name read first by the name list
    top = "\n".join(lines[:8])
    if manager and _ORGANISER.search(top) and not _EMPLOYEE_FIELD_LINE.search(top) \
            and (invited := _INVITED.search(top)) and invited["name"] not in manager and not is_hr(invited["role"] or "") \
            and not (invited["given"] and (" " in invited["name"] or is_role(invited["given"]))):  # (one name written surname
        # first, not two attendees: 'Petra Novak, Amira')
        name, role = " ".join(filter(None, (invited["given"], invited["name"]))), invited["role"]  # 'MEETING: Dr Harriet Vandeleur-Moss — 1:1' over 'Organiser: Dr
        # Harriet Vandeleur-Moss' and 'Attendee: S. Mbatha (Seed Bank Technician)': the invite's organiser holds the talk
    if name and not role:
        role = (form_role(lines[:8]) or subject_role(lines, name) or job_of(name, header) or _your_review(header)
                or (titled_job(lines[0]) if lines and name in lines[0] else None)
                or (_job_in_brackets_after(next((line for line in lines[:3] if name in line), ""), name) if unspaced(name) else None))
        # ('谈话对象：黄海生（二轨）')
    return name, role, manager


_YOUR_REVIEW = re.compile(r"\b(?:your|his|her)\s+(?P<job>[a-z][a-z -]{2,40}?)\s+(?:review|appraisal|1:1|check-in|pip)\b", re.I)


def _your_review(header: str) -> str | None:
    """The job of whoever the review is: 'notes for our chat, Wed 18 Feb (your met observer review)'."""
    found = _YOUR_REVIEW.search(header)
    job = found["job"].strip() if found else None
    return job if job and is_role(job) and not MEETING_WORDS.search(job) and not leads_others(job) else None


# The name after a job in a Chinese form's field: '室内设计师 Ada（黄思琪）', '室内设计师 黄思琪'.
@cache
def _name_after_title() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?:(?P<en>{NAME_WORD})[ \t]*(?:[（(](?P<zh>{zh_name()})[)）])?|(?P<zh_only>{zh_name()}))")


# A document's file name: 'GR_1on1_Annie_20260812.docx', 'File: 2026-11-14_Rowe_K_checkin_draft.docx'.
_FILE_NAME = re.compile(rf"(?<![\w.])(?P<stem>[\w-]{{6,80}}){_DOCUMENT}\b")
_FILE_MEETING = re.compile(r"(?i:1on1|121|1to1|one-?to-?one|review|pip|appraisal|catch-?up|check-?in|supervision|pdr|ppr|pdp)")  # a whole part


def _file_named(lines: list[str]) -> str | None:
    """The name a document's file name gives on its first lines, where nothing else names the employee: one name (and
    an initial beside it) among a date and the meeting's word, the rest of its parts being no one ('Template', 'draft');
    or, where a form says the name is in the file name ('Employee name: see file name'), the name or the two beside it."""
    pointed = _SEE_FILE_NAME.search("\n".join(lines[:8])) is not None  # 'Employee name: see file name'
    for m in (m for line in lines[:2] for m in _FILE_NAME.finditer(line)):
        parts = [p for p in re.split(r"[_-]+", m["stem"]) if p]
        dated = sum(p.isdigit() for p in parts) >= 3 or any(p.isdigit() and len(p) >= 6 for p in parts)
        met = any(_FILE_MEETING.fullmatch("".join(parts[i:i + 2])) or _FILE_MEETING.fullmatch(parts[i]) for i in range(len(parts)))
        names = [i for i, p in enumerate(parts) if re.fullmatch(r"[A-Z][a-z]+|(?:Mc|Mac|O|D)[A-Z][a-z]+", p) and is_name(p)
                 and not HEADER_WORDS.match(p) and not _FILE_MEETING.fullmatch(p)]
        if pointed and met and len(names) == 2 and names[1] == names[0] + 1:
            return _in_order(parts[names[0]], parts[names[1]], "\n".join(lines[1:]))  # 'PIP_draft_McDonald_Sinead_v2.docx'
        if not ((dated or pointed) and met and len(names) == 1):
            continue
        i = names[0]
        before, after = parts[i - 1] if i else "", parts[i + 1] if i + 1 < len(parts) else ""
        initial = after if re.fullmatch(r"[A-Z]", after) else before if re.fullmatch(r"[A-Z]", before) else ""
        given = collections.Counter(w for w in re.findall(rf"\b({initial}[a-z]+)\b", "\n".join(lines)) if is_name(w)) if initial else None
        if given and (top := given.most_common(1)[0])[1] >= 2:
            return f"{top[0]} {parts[i]}"  # 'PDR_Hobbs_L_22-09-2026.docx' above 'Lee was gang leader' … 'Lee to …'
        if re.fullmatch(r"[A-Z]", after):
            return f"{parts[i]} {after}."  # 'Rowe_K': as written, the initial after
        return f"{before}. {parts[i]}" if re.fullmatch(r"[A-Z]", before) else parts[i]
    return None


_SEE_FILE_NAME = re.compile(r"\b(?:see|as (?:in|per)|in) (?:the )?file ?name\b", re.I)


def _in_order(a: str, b: str, below: str) -> str:
    """Two names of a file name as the person is called: first the one the notes use alone more often ('McDonald_Sinead'
    over 'Sinead says …' is Sinead McDonald); as written where they use neither more."""
    def alone(word: str) -> int:
        return len(re.findall(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", below))
    return f"{b} {a}" if alone(b) > alone(a) else f"{a} {b}"


# What says a talk the first lines tell of came before the meeting, or was with someone from elsewhere: 'Spoke with Mark
# first about the van rota', 'Talked to Sam Reid from payroll before the meeting' (not '… this morning before the first
# wagons came in').
_NOT_THE_TALK = re.compile(r"""[ \t]*(?:[A-Z][a-z]+[ \t]*)?(?i:first\b|beforehand\b|earlier\b|from\s+(?:payroll|hr|finance|ops|the\s+\w+\s+(?:team|office))
    |before\s+(?:the|our|my)\s+(?:meeting|review|1:1|interview|appraisal|call))""", re.X)


def _met_with(lines: list[str]) -> str | None:
    """The one the notes' first lines say the writer met or talked to ('Talked to Oona after the site meeting', 'Review was
    with Margrit'), where nothing above names the employee."""
    if zh := re.search(rf"(?:跟|和|与)[ \t]*({talked_of()})[^，。,\n]{{0,12}}?(?:聊|谈|面谈|沟通)", "\n".join(lines[:3])):
        return zh.group(1)  # '正月十六，开工第二天，跟阿添在晒场边上聊了一个多钟'
    found = _MET_WITH.search("\n".join(lines[:10]))
    if found and _NOT_THE_TALK.match(found.string[found.end():]):
        return None  # a talk before the meeting, or with someone from elsewhere: 'Spoke with Mark first about the van rota'
    return found.group(1) if found and is_name(found.group(1)) and not HEADER_WORDS.match(found.group(1)) else None


def _heads_an_organisation(name: str, lines: list[str]) -> bool:
    """`name` opens a line whose other words are all an organisation's ('Hartwell Ground Investigations Ltd')."""
    organisation = set(load("vocabulary", "en")["names"]["organisation_words"])
    for line in lines:
        if line.strip().startswith(name):
            rest = line.strip()[len(name):].split()
            return bool(rest) and all(w.strip(".,") in organisation for w in rest)
    return False


def other_script(lines: list[str], name: str | None) -> str | None:
    """The employee's name in the other script, written beside it in the header: 'Kelly Wang' of '王可欣 Kelly Wang',
    '周美琳' of 'Gina Zhou 周美琳' (the notes may call her by either). A single English name beside the Chinese one
    ('Mei 林美') only where a line it opens says 'I' ('Mei：我每周一…'): a nickname may head notes about her too ('Mei：
    DND 房处理不对…'). Never a job ('王经理', 'Tom Baker') nor a day ('周五跟 Marcus')."""
    if not name:
        return None
    head, zh = "\n".join(lines[:3]), unspaced(name)
    other = rf"{NAME_WORD}(?:[ \t]{NAME_WORD})?" if zh else rf"(?<![\u4e00-\u9fff]){zh_name()}"
    m = (re.search(rf"(?<!\w){re.escape(name)}[ \t]*[(（]?[ \t]*({other})(?!\w)", head)
         or re.search(rf"({other})[ \t]*[(（]?[ \t]*{re.escape(name)}(?!\w)", head))
    found = m.group(1) if m else None
    if not found or is_role(found) or re.match(r"周[一二三四五六日天末]", found) or (zh and not is_name(found)):
        return None
    if zh and " " not in found and not re.search(rf"^\W*{re.escape(found)}\s*[:：].*?(?:我(?!们)|\bI\b)", "\n".join(lines), re.M):
        return None
    return found


def _aliases(name: str | None, *, manager: bool = False) -> tuple[str, ...]:
    """The ways notes refer to a person: 'Marcus Bell' -> Marcus, Bell; '陈静' -> 陈经理 (for a manager);
    '古丽娜尔·艾合买提' -> 古丽娜尔 (a name written with a middle dot goes by its first part)."""
    if not name:
        return ()
    out = [name]
    if "·" in name:
        out.append(name.split("·")[0])
    elif unspaced(name):
        out += ["小" + name[0], "老" + name[0]] if not manager else [name[0] + t for t in vocab_list("parties", "supervisory", "zh")]
    elif is_name(name) and re.search(rf"\s{PARTICLE}\s", name):  # 'Fenna de Wit' -> Fenna, de Wit
        first, *rest = name.split()
        out += [first, " ".join(rest)]
    elif capitals := _SURNAME_IN_CAPITALS.fullmatch(name) or _CAPITALS_AFTER.fullmatch(name):  # 'LINDQVIST Maja' (or
        # 'Maja LINDQVIST') -> Maja, LINDQVIST, Lindqvist
        out += [capitals["given"], capitals["surname"], capitals["surname"].title()]
    elif is_name(name):
        tokens = name.split()
        out += [t for i, t in enumerate(tokens) if len(t.rstrip(".")) >= (2 if i == 0 else 3)]  # (not an initial: 'D.')
        if 2 <= len(tokens) <= 3 and all(t[:1].isupper() for t in tokens):  # by initials with their dots: 'L.Q.' (bare, 'LQ'
            out.append(".".join(t[0] for t in tokens) + ".")  # would be read in any case: 'Be', 'To', 'PO' are words)
    return tuple(dict.fromkeys(out))


_SURNAME_IN_CAPITALS = re.compile(rf"(?P<surname>{SURNAME_IN_CAPITALS}),?[ \t]+(?P<given>[A-Z][a-z'’-]+)")
_CAPITALS_AFTER = re.compile(rf"(?P<given>[A-Z][a-z'’-]+)[ \t]+(?P<surname>{SURNAME_IN_CAPITALS})")
