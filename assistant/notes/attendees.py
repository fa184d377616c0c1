"""A list of those present: 'Present: Adaeze Okonkwo (Payroll Clerk), Liam Fairweather (Payroll Team Leader, minutes)',
'出席：Kelvin 黄（Facilities Manager）、Nina 许（Facility Coordinator）', '参会：Station Manager 周立，Load Controller Kevin 陈浩'.

A transcript's key to its speakers' tags ('FM = Fionn MacAskill (mate), KD = Kerrin Doyle (deckhand)') lists them
too; there the one who holds the interview speaks to a 'you' more, and opens it. Each entry is a name with a role
before it or in brackets after it. HR is neither side of the interview. Of the
others, the employee is one who neither wrote the notes ('me', 'minutes', '记录') nor leads others; among equals, the
one the notes go on to talk about most. The manager is the writer, or one left with a title of one who leads others,
or the one left.
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass
from functools import cache

from ..language import unspaced
from ..lexicon import label_alternation, languages, load, terms, vocab_list, zh_name
from ..reader.role import is_role, leads_others
from ..textutil import NAME_WORD
from .names import is_name, names_someone
from .writer import written_by


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str | None
    writer: bool = False  # 'me', or the one taking the minutes


@cache
def _field() -> re.Pattern[str]:
    words = terms(tuple(vocab_list("labels", "attendees"))).pattern
    # at a line's start, or after another field on the line: '时间：2026-07-06 10:00　参会：Sandy Chen（…）、…',
    # 'Date: 30 Nov 2026. Present: …'
    return re.compile(rf"(?:^[ \t*#>|-]*|[\u3000\t|｜;；·•][ \t]*|(?<=\S)[ \t]{{2,}}+|(?<=\S\.)[ \t]+)(?:{words})[ \t]*[:：][ \t]*(?P<list>.+)$",
                      re.I | re.M)


def _people_line(lines: list[str]) -> tuple[str, list[Attendee]] | None:
    """A line of the first ones that lists two people or more, each with a role in brackets, with no label or after
    any: 'Ros Kennedy (Chief Officer) / Eamon Quigley (deckhand)', 'Performance conversation: Joanne Pryce (lifting
    supervisor) and Marek Dvořák (tower crane operator, TC2)'."""
    for line in lines[:4]:
        listed = re.sub(r"^[^:：()（）]{0,40}[:：]\s*", "", line)
        entries = [e.strip() for e in _BETWEEN.split(listed) if e.strip()]
        bracketed = [e for e in entries if _BRACKETED.match(e)]
        if len(entries) >= 2 and len(bracketed) == len(entries):
            people = [a for a in (_entry(e) for e in entries if not is_hr(e)) if a and a.role and is_name(a.name)]
            if len(people) >= 2 and len(people) == len([e for e in entries if not is_hr(e)]):
                return line, people
    return None


# Between entries, never inside brackets: 'Daniel Okonkwo (Area Manager, 记录), 马国栋 (…)', 'Kevin 陈（PM）/ Vivian 王（CRC）'.
_BETWEEN = re.compile(r"(?:[,;，；、|｜]|\s+(?:and|&|/|\+)\s+|(?<=[)）])\s*/)(?![^(（]*[)）])")  # (and a plus: "Owen Tate (…) + me (…)")
_BRACKETED = re.compile(r"^(?P<out>[^(（]+?)\s*[(（](?P<inside>[^)）]*)[)）]\s*(?:[A-Z]{2,4}\s*)?$")  # '… (PRM Team Leader) RK'
# Words in an entry that say what someone does at the meeting, not their job: 'minutes', '记录'.
_DUTY = re.compile(r"\b(?:minutes|notes|note-taker|scribe|chair)\b|记录|主持", re.I)
# Where a list of those present ends and a sentence begins: '…, Ines Varga (glassblower). Recorded by OP.'
_LIST_ENDS = re.compile(r"(?<=[)）])\s*[.。]\s+(?=\S)")
_SPEAKER = re.compile(r"^[\s\[\]\d:.()]*[^\n:：\[\]]{1,40}?\s*[\[\]\d:.()]*[:：]", re.M)
_ME = re.compile(r"^(?:me|myself|I|我|本人)$", re.I)
_ZH_FULL_NAME = r"[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]{2,6}"  # '阿依古丽·买买提'


def _latin_name_at_end(entry: str) -> re.Match[str] | None:
    return re.search(rf"(?:(?:{NAME_WORD}|[A-Z]{{2,}}|[A-Z]\.)\s*){{0,3}}(?:{NAME_WORD})(?:\s*[\u4e00-\u9fff]{{1,3}})?\s*$", entry)


def _entry(text: str) -> Attendee | None:
    """'Kelvin 黄（Facilities Manager）', 'QA Manager Daniel 宋', '仓库主管张伟', '我（韦光明，项目经理）'."""
    text = text.strip(" 。")
    text = text if re.search(r"\b[A-Z]\.$", text) else text.rstrip(" .")  # not the dot of an initial: 'J.P.', 'Sam K.'
    duty = bool(_DUTY.search(_BRACKETED.sub(lambda m: m.group("out"), text)))  # 'I. Lund (QC Manager) - notes'
    text = re.sub(rf"\s*[-–—]\s*(?:{_DUTY.pattern})\s*$", "", text, flags=re.I)
    bracketed = _BRACKETED.match(text)
    if bracketed:
        parts = [p.strip() for p in re.split(r"[,，]", bracketed.group("inside")) if p.strip()]
        duty = duty or any(_DUTY.search(p) for p in parts)
        parts = [p for p in parts if not _DUTY.search(p) and (is_role(p) or not re.fullmatch(r"[A-Z]{2,4}", p))]  # not 'KAB' (initials)
        out = bracketed.group("out").strip()
        if _ME.match(out) and parts:  # '我（韦光明，项目经理）': the writer, named inside
            return Attendee(parts[0], ", ".join(parts[1:]) or None, writer=True)
        if parts and re.fullmatch(r"[A-Z]{2,3}", out) and out == _initials(parts[0]):
            return Attendee(parts[0], ", ".join(parts[1:]) or None, writer=duty)  # 'KM (Kofi Mensah, care assistant)': a tag
        if not parts and bracketed.group("inside").strip() == _initials(out) and is_name(out):
            return Attendee(out, None, writer=duty)  # 'Dev Ramsaran (DR)': the initials say the whole of it is the name
        named = _named(out)
        role = ", ".join(parts) or (named.role if named else None)
        return Attendee(named.name if named else out, role, writer=duty)
    named = _named(text)
    return Attendee(named.name, named.role, writer=duty) if named else None


@cache
def _job_words() -> frozenset[str]:
    """Job words as whole words ('specialist', 'manager'): 'Oliver' ends like one but is none."""
    return frozenset(w.lower() for lang in languages() for w in [*load("roles", lang).get("terms", ()),
                                                                  *vocab_list("names", "lead_titles", lang)])


def _named(text: str) -> Attendee | None:
    """A name at the end of an entry, after its role: 'QA Specialist Sophie 邓', '乘务长 邹晓岚', '仓库主管张伟';
    or initials alone ('J.P.', 'KB')."""
    if re.fullmatch(r"(?:[A-Z]\.?){2,3}", text):
        return Attendee(text, None)
    latin = _latin_name_at_end(text)
    if latin:
        words = latin.group(0).split()
        jobs = [i for i, w in enumerate(words) if w.lower() in _job_words() or (w.isupper() and not w.endswith("."))]
        name = " ".join(words[jobs[-1] + 1:] if jobs else words)
        before = text[: text.rindex(name)].strip()
        if name:  # not the name in the other script before it: '卢振东 Lu Zhendong'
            return Attendee(name, before if before and (is_role(before) or not unspaced(before)) else None)
    chinese = re.search(rf"({_ZH_FULL_NAME}|{zh_name()})\s*$", text)
    if chinese:
        before = text[: chinese.start()].strip()
        if not before or is_role(before):
            return Attendee(chinese.group(1), before or None)
    return None


def _mentions(person: Attendee, body: str) -> int:
    """How often the notes refer to the person: by name, first or last name, given name ('国栋'), initials ('AO')."""
    name = person.name
    forms = {name}
    if re.search(r"[\u4e00-\u9fff]", name) and " " not in name:
        forms |= {name[1:]} if len(name) >= 3 else set()
    else:
        parts = name.split()
        forms |= {p for p in parts if len(p) >= 2}
        if len(parts) >= 2 and all(p[0].isupper() for p in parts):
            forms.add("".join(p[0] for p in parts))
    return sum(len(re.findall(rf"(?<![A-Za-z]){re.escape(f)}(?![a-z])", body)) for f in forms)


def is_hr(entry: str) -> bool:
    """HR, or someone there for the employee or as a witness: neither side of the interview."""
    return bool(re.search(r"""\bHR(?:BP)?\b|\bhuman\s+resources\b|\bpeople\s+(?:partner|team)\b|人事|人力|HRBP|工会
        |\b(?:union|staff|employee)\s+rep(?:resentative)?\b|\btrade\s+union\b|\bcompanion\b|\bwitness\b|\bobserver\b""", entry, re.I | re.X))


def _in_title(person: Attendee, title: str) -> bool:
    """The meeting's title names the person's job ('店长绩效面谈' for 'Store Manager 店长')."""
    words = re.findall(r"[A-Za-z]{3,}|[\u4e00-\u9fff]{2,}", person.role or "")
    return any(w.lower() in _job_words() and w.lower() in title.lower() for w in words)


# A transcript's key to its speakers' tags: 'FM = Fionn MacAskill (mate), KD = Kerrin Doyle (deckhand)', 'HW = me'.
_KEY = re.compile(rf"""(?:^|[,;，；]|\s{{2,}}|\t|[(（]\s*key\s*[:：])\s*(?P<tag>[A-Z]{{1,3}}|{NAME_WORD})\s*[=＝]\s*
    (?P<entry>[^,;，；=＝\n(（]+(?:[(（][^)）\n]*[)）])?)(?=\s*(?:[,;，；]|$|\s{{2,}}|\t))""", re.M | re.X)
# What labels a key to the speakers' tags: '(key: …', 'Speakers: …', 'Call signs: …'.
_KEY_LABEL = r"^[ \t*#>-]*(?:speakers?|key|legend|call\s*signs?|who(?:['’]s|\s+is)\s+who)\s*[:：]"
_KEY_LINE = re.compile(r"^\s*[(（]\s*key\s*[:：]|" + _KEY_LABEL, re.I)
# A speaker's tag opening a line, after a time or not: 'KD: …', '[00:01:15] Mina Sato: …'.
_TAG = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^\s:：]{1,12}(?:[ \t][^\s:：]{1,20}){0,2})\s*[:：]\s*(.*)$")
_YOU = re.compile(r"\b(?:you|your|you'?ve|you'?re|you'?ll)\b|你", re.I)


def _spoken(lines: list[str]) -> collections.Counter[str]:
    """How many lines each speaker's tag opens."""
    return collections.Counter(m.group(1) for line in lines if (m := _TAG.match(line)))


def _speakers_key(lines: list[str]) -> tuple[str, dict[str, str]] | None:
    """A key's line and its entries by tag, where two of its tags open lines of the notes (not a table's legend,
    'A = Absent, L = Late', nor a formula, 'Score = Speed x Accuracy'); in the first lines, or in brackets further
    down ('(key: AP = Anita Patel, section manager; LF = Leon Fairweather, track patroller)'), or labelled anywhere
    ('Speakers: R7 = Recovery 7, Gary Leach, recovery driver. C1 = Control 1, Sunita Bal, shift manager (me).')."""
    spoken = _spoken(lines)
    for line in lines[:8] + [line for line in lines[8:] if _KEY_LINE.match(line)]:
        pairs = _labelled_key(line) or {m.group("tag"): m.group("entry").strip() for m in _KEY.finditer(line)}
        if len(pairs) >= 2 and sum(spoken[tag] > 0 for tag in pairs) >= 2:
            return line, pairs
    return None


# A key's line by its label, its entries one sentence each: 'Speakers: R7 = Recovery 7, Gary Leach, recovery driver. C1 = …'.
_LABELLED_KEY = re.compile(_KEY_LABEL + r"\s*", re.I)
_KEYED_ENTRY = re.compile(r"(?:^|(?<=[.;；])\s+)(?P<tag>[A-Z]{1,3}\d{0,2})\s*[=＝]\s*(?P<entry>.+?)(?=[.;；]\s+[A-Z]{1,3}\d{0,2}\s*[=＝]|[.;；]?\s*$)")


def _labelled_key(line: str) -> dict[str, str]:
    """The entries of a labelled key's line by tag, each as `_entry` reads one: the name among its parts, not a call
    sign's gloss before it ('Recovery 7, Gary Leach, recovery driver' -> 'Gary Leach (recovery driver)'), the writer's
    marked ('…, shift manager (me)' -> 'me (Sunita Bal, shift manager)')."""
    label = _LABELLED_KEY.match(line)
    out: dict[str, str] = {}
    for m in _KEYED_ENTRY.finditer(line[label.end():] if label else ""):
        entry = m["entry"].strip()
        mine = bool(re.search(r"[(（]\s*(?:me|myself|我)\s*[)）]\s*$", entry, re.I))
        parts = [p.strip() for p in re.split(r"[,，]", re.sub(r"\s*[(（]\s*(?:me|myself|我)\s*[)）]\s*$", "", entry)) if p.strip()]
        at = 1 if len(parts) >= 3 and is_name(parts[1]) else next((i for i, p in enumerate(parts) if is_name(p)), None)
        if at is None:
            continue
        inside = ", ".join(parts[at:])
        out[m["tag"]] = f"me ({inside})" if mine else f"{parts[at]} ({', '.join(parts[at + 1:])})" if parts[at + 1:] else parts[at]
    return out


# A line of its own that keys one speaker's tag to a name: '发言人1：韩志刚（生产主管）', 'Speaker 2 = Dana Ruiz, picker'.
_KEY_ENTRY = re.compile(r"""^\s*(?P<tag>[^\s:：=＝]{1,12}(?:[ \t]\d{1,2})?)\s*[:：=＝]\s*
    (?P<entry>[^\s:：=＝,，(（]{1,20}(?:[ \t][^\s:：=＝,，(（]{1,20}){0,2}\s*(?:[(（][^)）\n]{1,30}[)）]|[,，][^,，:：\n]{1,30})?)\s*$""", re.X)


def keyed_speakers(lines: list[str]) -> dict[str, str]:
    """Each speaker's tag a key in the notes names, with the name: from a key's line ('FM = Fionn MacAskill (mate),
    KD = Kerrin Doyle') or a line of its own for each tag in the first lines ('发言人1：韩志刚（生产主管）'), where the tag
    opens three lines or more of the notes."""
    spoken = _spoken(lines)
    key = _speakers_key(lines)
    named = {tag: person.name for tag, entry in (key[1] if key else {}).items() if (person := _entry(entry))}
    for line in lines[:10]:
        if (m := _KEY_ENTRY.match(line)) and spoken[m["tag"]] >= 3 and (person := _entry(m["entry"])) \
                and m["entry"].startswith(person.name):  # the name first, not 'COLM: Appreciated, Gwen.'
            named.setdefault(m["tag"], person.name)
    return {tag: name for tag, name in named.items() if is_name(name) or re.fullmatch(zh_name(), name)}


def _speaking(lines: list[str], tags: dict[str, Attendee]) -> tuple[Attendee | None, collections.Counter]:
    """Who speaks first, and how often each speaks to a 'you': the one holding the interview speaks to the other
    ('Your scan rate was 71 an hour') and most often opens it."""
    first, to_you = None, collections.Counter[Attendee]()
    for line in lines:
        m = _TAG.match(line)
        if m and m.group(1) in tags:
            first = first or tags[m.group(1)]
            to_you[tags[m.group(1)]] += bool(_YOU.search(m.group(2)))
    return first, to_you


def _initials(name: str) -> str:
    """'KM' for 'Kofi Mensah', 'FW' for 'Fenna de Wit': the first letters of its capitalised words."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))


def _listed_tags(people: list[Attendee]) -> dict[str, Attendee]:
    """Speakers' tags a transcript may use without a key: each one's name as listed ('Mina Sato:') and initials ('AW'
    for 'A. Whitlock'), where no two people share them (a first name is no such tag: 'Me:' may answer 'Priya:')."""
    tags: dict[str, list[Attendee]] = collections.defaultdict(list)
    for a in people:
        if len(re.findall(r"[A-Z][\w'’-]*", a.name)) >= 2:
            tags[_initials(a.name)].append(a)
            tags[a.name].append(a)
    return {tag: found[0] for tag, found in tags.items() if len(found) == 1}


@cache
def _holder_field() -> re.Pattern[str]:
    return re.compile(rf"^\W*(?i:{label_alternation('manager_meta', 'en')})\s*[:：]\s*(?P<who>{NAME_WORD}(?:[ \t]{NAME_WORD})?)", re.M)


def _held_by(head: str) -> str | None:
    """The one a field of their own names as holding the meeting ('Organizer: Hamza Siddiqui' above 'Attendees: Beatrix
    Lund; Hamza Siddiqui'): not the employee, wherever listed."""
    field = _holder_field().search(head)
    return field["who"] if field and is_name(field["who"]) else None


def present(lines: list[str]) -> tuple[Attendee | None, Attendee | None] | None:
    """The employee and the manager from a list of those present in the first lines, or a speakers' key, or None
    where there is neither. The employee is None where everyone listed leads others, none of them wrote the notes
    and the title names none of their jobs: the employee may not be on the list at all."""
    head = "\n".join(lines[:8])
    field = _field().search(head)
    if field and len(_labelled_key(head[head.rfind("\n", 0, field.start()) + 1:].split("\n")[0])) >= 2:
        field = None  # 'Speakers: T4 = Tow 4, Owen Pryce, …': a key of tags, not a list of those present
    key = None if field else _speakers_key(lines)
    plain = None if field or key else _people_line(lines)
    if not field and not key and not plain:
        return None
    tags: dict[str, Attendee] = {}
    writer_keyed = False
    if field:
        entries = _LIST_ENDS.split(field.group("list"))[0]
        listed, people = field.group(0), [a for a in (_entry(e) for e in _BETWEEN.split(entries) if not is_hr(e)) if a]
    elif plain:
        listed, people = plain
    elif key:
        listed, people = key[0], []
        for tag, entry in key[1].items():
            if _ME.match(entry):
                writer_keyed = True  # 'HW = me': the writer, who holds the interview, is not named
            elif (person := _entry(entry)) and not is_hr(entry):
                tags[tag] = person
                people.append(person)
        if writer_keyed and len(people) == 1:
            return people[0], None
    if len(people) < 2:
        return None
    # not as a speaker's tag ('00:01 Noor Haddad: …'): whoever speaks most need not be the one spoken of
    body = _SPEAKER.sub("", "\n".join(lines).replace(listed, ""))
    writer = written_by(head)
    if not writer and (holder := _held_by(head)) and not any(
            a.role and leads_others(a.role) for a in people if holder not in a.name):
        writer = holder  # (not where another listed leads others: the employee may have booked the 1:1 themselves)
    people = [Attendee(a.name, a.role, writer=True) if writer and writer in a.name else a for a in people]
    title = lines[0]
    opens, to_you = _speaking(lines, tags or _listed_tags(people))
    ranked = sorted(people, key=lambda a: (a.writer, bool(a.role and leads_others(a.role)), to_you[a], a == opens,
                                           not _in_title(a, title), -_mentions(a, body)))
    employee: Attendee | None = ranked[0]
    spoken_of = [a for a in people if a.name in body]  # (by the full name: a given name may be someone else's too)
    named_above = field is not None and names_someone(head[:field.start()])  # ('… w/ Ahmed Karimi' above 'Present: …')
    spoken_lead = spoken_of[0] if (len(spoken_of) == 1 and all(a.role and leads_others(a.role) for a in people)
                                   and not any(a.writer for a in people) and not named_above) else None
    employee = spoken_lead or employee  # leads alone listed ('生产主管', '包装二线班长'): the one the notes go on to speak of
    known_writer = any(a.writer for a in people if a is not employee)
    if employee and (employee.writer or (employee.role and leads_others(employee.role) and not _in_title(employee, title)
                                         and not known_writer and employee is not spoken_lead)):
        employee = None
    others = [a for a in people if a is not employee]
    manager = next((a for a in others if a.writer), None) or next((a for a in others if a.role and leads_others(a.role)), None)
    return employee, manager or (others[0] if employee else None)


# A transcript export's numbered speakers: 'Speaker 1 00:15 The audit found …', 'Speaker 2  01:14 …'.
_NUMBERED_SPEAKER = re.compile(r"^\s*(?P<tag>(?i:speaker|spk|participant|voice)\s*\d{1,2})\s+[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+(?P<said>.*)$")
# The one holding the meeting: greeting the other by name, or speaking of 'your review'.
_GREETS = re.compile(rf"""\b(?i:thanks|thank\s+you)\s+(?i:for)\s+(?i:coming(?:\s+in)?|your\s+time|making\s+time)[ \t]*,[ \t]*(?P<name>{NAME_WORD})\b
    | ^\W*(?i:hi|hello|hey|morning|afternoon|right|ok(?:ay)?|so)[ \t]*,?[ \t]+(?P<hailed>{NAME_WORD})\b[ \t]*[,.!]""", re.X)
_HOLDS_IT = re.compile(r"\b(?:your\s+(?:\w+[- ])?(?:review|appraisal|1:1|one[- ]to[- ]one|check-in|probation)|i\s+want\s+to\s+(?:go\s+through|talk\s+about|start)|i['’]ll\s+get\s+you)\b", re.I)


def anonymous_speakers(lines: list[str]) -> tuple[str, str, str | None] | None:
    """The manager's and the employee's tags in a transcript of two numbered speakers ('Speaker 1', 'Speaker 2'), and the
    employee's name where the manager greets them by it ('Thanks for coming in, Nadia'): the one who greets the other or
    speaks of 'your review' holds the meeting."""
    said: dict[str, list[str]] = collections.defaultdict(list)
    for line in lines:
        if m := _NUMBERED_SPEAKER.match(line):
            said[m["tag"]].append(m["said"])
    if len(said) != 2:
        return None
    holds = {tag: sum(bool(_GREETS.search(t)) + bool(_HOLDS_IT.search(t)) for t in texts) for tag, texts in said.items()}
    (first, a), (second, b) = holds.items()
    if a == b:
        return None
    manager, employee = (first, second) if a > b else (second, first)
    greeted = next((g["name"] or g["hailed"] for t in said[manager] if (g := _GREETS.search(t)) and is_name(g["name"] or g["hailed"])), None)
    return manager, employee, greeted
