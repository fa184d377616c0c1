"""The header: the employee's name and role and the manager, from the notes' first lines, and the ways the
notes refer to each of them."""
from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from ..dates import MONTH_PATTERN, MONTHS, WEEKDAYS
from ..grid import cells
from ..language import unspaced
from ..lexicon import NOT_A_ZH_NAME, load, vocab, vocab_list, zh_name
from ..reader.people_zh import employee_zh, leader_zh
from ..reader.role import TALK_CHARACTERS, is_role, leads_others
from ..textutil import NAME_WORD, PARTICLE
from .attendees import is_hr, present
from .names import INITIALS_BEFORE_NAME, TITLE, is_name, team_initials
from .writer import written_by

_HEADER_WORDS = re.compile(
    r"(?:Interview|Review|Notes?|Meeting|Performance|Feedback|Date|Met|Spoke|Talked|Discussed|Had|Call|Chat|Check|Sat"
    r"|Session|Summary|Follow|Conversation|Catch|Today|Yesterday|Monthly|Weekly|Quarterly|Annual|Mid|End|Year)\b")
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
_MAIL_FIELD = re.compile(rf"^\s*(?P<field>from|to|cc)\s*:\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)(?P<rest>.*)$", re.I | re.M)
_SUBJECT_OR_DATE = re.compile(r"^\s*(?:subject|subj|re|fwd?|date|sent|from|cc)\s*:.*$", re.I | re.M)  # an email's own fields
_GREETING = re.compile(rf"^\s*(?:(?:hi|hello|hey|dear|morning|afternoon)\s+)?(?P<name>{NAME_WORD})\s*[,，:!–-]", re.I | re.M)

# 'Kit, Dom here, as promised …', 'Hi Priya - it's Sam': the one greeted and the one writing.
_GREETED_BY_SENDER = re.compile(rf"""^\s*(?:(?i:hi|hello|hey|dear)\s+)?(?P<to>{NAME_WORD})\s*[,，!–—-]\s*
    (?:(?i:it['’]?s|this\s+is)\s+(?P<sender>{NAME_WORD})\b|(?P<sender_>{NAME_WORD})\s+here\b)""", re.M | re.X)

_GREETED_ALONE = re.compile(rf"^[ \t]*(?:(?i:hi|hello|hey|dear)[ \t]+)?(?P<name>{NAME_WORD})[ \t]*[,，!][ \t]*$", re.M)


def _names_someone(text: str) -> bool:
    """Some word of `text` is a name: a header that already says who the note is about."""
    return any(is_name(w) and not _HEADER_WORDS.match(w) for w in re.findall(NAME_WORD, text))


def you_and_them(text: str) -> tuple[int, int]:
    """How often `text` speaks to 'you', and about 'him' or 'her'."""
    return len(vocab("names", "addressed").findall(text)), len(vocab("names", "third_person").findall(text))


def to_you(text: str) -> bool:
    """`text` speaks more to 'you' than about 'him' or 'her': written to the employee."""
    you, them = you_and_them(text)
    return you > them


def _about_them(text: str) -> bool:
    """`text` speaks more about 'him' or 'her' than to 'you': written about the employee to someone else."""
    you, them = you_and_them(text)
    return them > you


def _written_to(lines: list[str]) -> tuple[str, str | None] | None:
    """An email to the employee: 'From: Helen Ashworth / To: Tunde Bakare' and a greeting that names the one it is
    to ('Tunde,', 'Hi Tunde'): the recipient is the employee, the sender the manager. A recap sent to HR greets HR;
    one to a colleague greets them, speaks about 'him' or 'her' and names them in its subject.
    With no 'To:' field, a greeting on a line of its own before words more to 'you' than about 'him' or 'her' names
    the employee."""
    head = "\n".join(lines[:10])
    if signed := _GREETED_BY_SENDER.search("\n".join(lines[:3])):
        sender = signed.group("sender") or signed.group("sender_")
        if is_name(signed.group("to")) and is_name(sender) and sender != signed.group("to"):
            return signed.group("to"), sender
    mail = list(_MAIL_FIELD.finditer(head))
    fields = {m.group("field").lower(): m for m in mail
              if not re.match(r"[\w.+-]*@", m.group("rest"))}  # an address alone names no one: 'To: driver147@northfleet…'
    to = fields["to"].group("name") if "to" in fields else None
    to_hr = any(is_hr(m.group(0)) for m in mail if m.group("field").lower() == "to")  # 'To: hr.team@…'
    if ("to" not in fields and not to_hr and (alone := _GREETED_ALONE.search("\n".join(lines[:4]))) and is_name(alone.group("name"))
            and not _names_someone(_SUBJECT_OR_DATE.sub("", "\n".join(lines[:4])[:alone.start()]))  # not 'Tom Baker - picker' above 'Hi Karen,'
            and to_you("\n".join(lines[:10])[alone.end():])):
        sender = fields["from"].group("name") if "from" in fields and is_name(fields["from"].group("name")) else None
        return alone.group("name"), sender  # 'Morag,' on a line of its own, then 'you moved…': written to the employee
    if not to or not is_name(to) or is_hr(re.split(r";|\bcc\s*:", fields["to"].group(0), flags=re.I)[0]):  # (HR in copy)
        return None
    greeted = [m.group("name") for m in _GREETING.finditer(head) if is_name(m.group("name"))]  # not 'Hi,' alone
    if to.split()[0] not in greeted or (_about_them("\n".join(lines[:12])) and _subject_names_another(head, to)):
        return None  # (a recap to a colleague greets them too, and speaks about 'him', whom its subject names)
    sender = fields["from"].group("name") if "from" in fields else None
    return to, sender if sender and is_name(sender) else None


def _subject_names_another(head: str, to: str) -> bool:
    """The email's subject names someone other than the one it is to: 'Subject: Re: Jonah Pettigrew - catch-up'."""
    return bool(_others_in_subject(head, to))


def _others_in_subject(head: str, to: str) -> list[str]:
    """The people an email's subject names other than `to` ('Subject: FW: notes from Thursday + Ottilie's reply')."""
    subject = _SUBJECT.search(head)
    names = [re.sub(r"['’]s$", "", m["name"]) for m in _SUBJECT_NAME.finditer(subject.group("value"))] if subject else []
    return [n for n in names if is_name(n) and n not in to and to not in n]


def _whose_in_subject(lines: list[str], to: str) -> str | None:
    """The one an email's subject names as its business ('… + Ottilie's reply'), or names and the body names again; None
    where the subject is about 'your' review (written to the one greeted) or names no one else."""
    head, body = "\n".join(lines[:4]), "\n".join(lines[2:])
    subject = _SUBJECT.search(head)
    if subject is None or re.search(r"\byour\b", subject.group("value"), re.I):
        return None
    return next((n for n in _others_in_subject(head, to)
                 if re.search(rf"\b{re.escape(n)}['’]s\b", subject.group("value")) or re.search(rf"\b{re.escape(n)}\b", body)), None)


def greeted_about(lines: list[str], name: str | None) -> str | None:
    """Where an email greets someone ('Hi Fran,'; `name`, when the notes were read as about them) and speaks about 'her'
    or 'him', not to 'you': the one its subject names ('… + Ottilie's reply'), whom the recap is about. None otherwise."""
    head = "\n".join(lines[:4])
    greeted = [m["name"] for m in _GREETING.finditer(head) if is_name(m["name"])]
    if not greeted or (name and name not in greeted) or not _about_them("\n".join(lines[:12])):
        return None
    return _whose_in_subject(lines, name or greeted[0])


# 'I've copied him in', 'cc'd her', 'copying them so they have it', 'put him on copy' (not 'copied the rota into …').
_COPIED = re.compile(r"\b(?:copied|copying|cc['’]?d|cc-?ed|cc['’]?ing|(?:put|added))\s+(?:him|her|them)\b", re.I)


def _copied_in(lines: list[str]) -> tuple[str, str | None] | None:
    """An email sent to HR with the employee in copy: 'From: Imogen Tate / To: Farid Osman (HR) / Cc: Callum Birch'
    over '… I've copied him in': the one in copy is the employee, the sender the manager."""
    head = "\n".join(lines[:8])
    cc = next((m for m in _MAIL_FIELD.finditer(head) if m["field"].lower() == "cc"), None)
    if cc is None or not is_name(cc["name"]) or is_hr(cc.group(0)) or not _COPIED.search("\n".join(lines[:20])):
        return None
    sender = _sender(lines[:6])
    return cc["name"], sender if sender and is_name(sender) else None


_FULL_NAME = re.compile(rf"(?<!\w)(?:[A-Z]\.[ \t]?{NAME_WORD}|{NAME_WORD}[ \t]{NAME_WORD})(?!\w)")


def _full_name(line: str) -> str | None:
    """A name of more than one word in `line` ('A. Mensah-Clarke', 'Dana Ruiz'): beside it, capitals are a team's."""
    return next((m.group(0) for m in _FULL_NAME.finditer(line) if is_name(m.group(0))), None)


_INITIAL = rf"(?:{INITIALS_BEFORE_NAME}|[A-Z]\.[ \t]?(?={NAME_WORD}))"  # as in a name's candidates, and one initial: 'K. Mensah'
_SUBJECT = re.compile(r"^\s*(?:subject|subj|主题)\s*[:：]\s*(?:(?:re|fwd?|aw|回复|转发)\s*[:：]\s*)*(?P<value>.+)$", re.I | re.M)
_SUBJECT_NAME = re.compile(rf"(?:{TITLE})?(?P<name>{_INITIAL}{NAME_WORD}(?:[ \t]{NAME_WORD})?)(?!\w)")


def _named_in_subject(lines: list[str]) -> tuple[str, str | None] | None:
    """An email whose subject names the one it is about ('Subject: Q2 review – Ms. Zhou Min（周敏）', 'Subject: Notes
    from Thursday's review (Marisol Vega)'): they are the employee and its sender ('From:') the manager; the first
    such name, set apart at the subject's end or said again in the notes. Not a job title, a place, the one who signs
    the email, nor anyone where the email greets someone by name and speaks to 'you' (then `_written_to` decides)."""
    subject = _SUBJECT.search("\n".join(lines[:6]))
    if subject is None:
        return None
    sender = _sender(lines[:6])
    sender = sender if sender and is_name(sender) else None
    if to_you("\n".join(lines[:12])) and any(is_name(g.group("name")) for g in _GREETING.finditer("\n".join(lines[:8]))):
        return None  # 'Hi Priya, … you …' under 'Subject: Hartley account review': the one greeted (`_written_to`)
    value = subject.group("value")
    named = []  # (a name, whether it is set apart at the subject's end)
    for m in _SUBJECT_NAME.finditer(value):
        name, bracketed = m.group("name"), _bracketed(value, m)
        if (is_name(name) and not _HEADER_WORDS.match(name) and not (sender and (name in sender or sender in name))
                and not re.search(r"\b(?:at|in|from|to|for)\s*$", value[:m.start()], re.I)  # a place
                and not _job_ahead(value[m.start():]) and not _signs(lines, name) and (bracketed or _said_again(lines, name))):
            named.append((name, bracketed))
    if not named:
        return None
    first = min(named, key=lambda n: not n[1])[0]  # a bracketed one first, else the first
    fuller = re.search(rf"(?<!\w){re.escape(first)}[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}(?!\w)", "\n".join(lines))  # 'Sami' -> 'Sami Haddad'
    return (fuller.group(0) if fuller and " " not in first and is_name(fuller.group(0)) else first), sender


def _subject_role(lines: list[str], name: str) -> str | None:
    """The job an email's subject gives beside the employee's name: 'Subject: PIP prep - Brendan Keogh (site hand, oyster
    beds)', 'Subject: 1:1 follow-up - Declan Moraes - blade repair, crew B'."""
    subject = _SUBJECT.search("\n".join(lines[:6]))
    beside = subject and re.search(rf"{re.escape(name)}\s*(?:[(（](?P<bracketed>[^)）,，;]+)|[-–—|]\s*(?P<field>.+?)(?=\s[-–—]\s|\s*[|(（,，;；]|\s*$))",
                                   subject.group("value"))
    job = beside and (beside["bracketed"] or beside["field"]).strip()
    if not job and subject and name.split()[0] not in subject.group("value"):  # no name in it: the field after the meeting's
        after = re.search(rf"{_MEETING_WORDS.pattern}[^-–—|\n]{{0,20}}\s[-–—|]\s*(?P<field>[^,，|;(（\n]+)", subject.group("value"), re.I)
        job = after and after["field"].strip()  # 'Subject: Seat review follow-up - trainee solicitor, residential property seat'
        job = job if job and is_role(job) and not leads_others(job) else None
    return job if job and (is_role(job) or (_is_role(job) and not _NOT_A_JOB.search(job))) and not is_name(job) \
        and not _MEETING_WORDS.search(job) else None


# Words of a subject's phrase that is about the letter, not a job: 'copy for his line manager', 'second warning'.
_NOT_A_JOB = re.compile(r"\b(?:for|his|her|their|the|a|an|of|to|copy|warning|written|final|second|first|notice|letter|hearing"
                        r"|outcome|draft|confidential)\b", re.I)


_MEETING_WORDS = re.compile(r"\b(?:1:1|1-1|review|notes?|catch-up|check-in|follow-up|meeting|summary|recap|write-up|pip|prep"
                            r"|feedback|appraisal|conversation|supervision)\b", re.I)
# A line that says what the notes are, whoever wrote it, at their foot as well as their head: 'Notes from 1:1 with Ruth
# Hollis, cooper, 1 Dec 2026 - D. Baird', 'cc: file - Hana Vošková, keeper'.
_HEADER_LINE = re.compile(r"""^\W*(?:(?:notes?|minutes|summary|record|write-?up)\b[^.\n]{0,40}?(?:1:1|1-1|121|review|check-in
    |catch-up|meeting|interview|conversation|chat|supervision)\b
      (?:[^.\n]{0,20}?\b(?:with|w/)\s|[^\n]{0,60}?\b(?-i:[A-Z][A-Za-z]+\s*:\s*[A-Z]))  # '… with Dana', '… Keeper: Morag Sinclair'
    | cc\s*:\s*(?:(?:the|her|his|their|personnel|staff|hr)\s+)?file\s*[-–—:,]\s*[A-Z]
    | re\s*:\s*(?-i:[A-Z][a-z]+[ \t]+[A-Z][a-z'-]+)\s*[,–—-][^\n]{0,60}?\b(?:1:1|1-1|121|review|check-in|catch-up|supervision)\b)  # 're: Callum Reid, Floor Supervisor – 1:1 held 11/11/26'
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


def _sender(lines: list[str]) -> str | None:
    """The name on an email's 'From:' line among `lines` (the last, if several)."""
    return next((m.group("name") for m in reversed(list(_MAIL_FIELD.finditer("\n".join(lines))))
                 if m.group("field").lower() == "from"), None)


def sent_by(lines: list[str], name: str) -> bool:
    """'From: Dan Whitfield' at the top: the one who wrote the email, the manager (a message the employee sent is quoted
    or forwarded below, and read by `_replying_to`)."""
    sender = _sender(lines[:4])
    return sender is not None and sender.split()[0] == name.split()[0]


_SIGN_OFF = re.compile(rf"\W*(?:(?:thanks|cheers|best|regards|kind regards|br|thank you|ta)\W+)?(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)\W*",
                       re.I)


def signed_as(lines: list[str], role: str) -> str | None:
    """The one who signs a message with the employee's role, above it, where nothing else names the employee: 'Br,
    Tomasz' over '2nd Engineer' in their own mail forwarded below a recap of the appraisal 'with our 2nd Engineer'; in
    full where a 'From:' line gives the whole name."""
    for above, line in itertools.pairwise(lines):
        sign = _SIGN_OFF.fullmatch(above)
        if line.strip(" .,").lower() != role.lower() or not sign or not is_name(sign["name"]):
            continue
        first = sign["name"].split()[0]
        full = next((m["name"] for m in _MAIL_FIELD.finditer("\n".join(lines))
                     if m["field"].lower() == "from" and m["name"].split()[0] == first and " " in m["name"]), None)
        return full or sign["name"]
    return None


def sent_to_hr(lines: list[str], name: str) -> bool:
    """'To: Fiona Brennan (HR Business Partner)': the one an email goes to is in HR, no side of the interview."""
    first = re.escape(name.split()[0])
    return any(re.match(r"\s*(?:to|cc)\s*:", line, re.I) and re.search(rf"\b{first}\b", line) and is_hr(line)
               for line in lines[:6])


def _job_ahead(text: str) -> bool:
    """'Night auditor review', 'Mobile Locksmith review': the capitals open a job title, not a name."""
    words = text.split()
    return any(is_role(" ".join(words[:n])) for n in (1, 2, 3))


def _bracketed(value: str, m: re.Match[str]) -> bool:
    """A name set apart at the subject's end: '… review (Marisol Vega)', '1:1 write-up – Nikhil Rao'."""
    return bool(re.search(r"[(（\-–—:|]\s*$", value[:m.start()])) and not value[m.end():].strip(" )）.")


def _said_again(lines: list[str], name: str) -> bool:
    """The subject's name comes up in the notes too, beyond a subject line, and not as a sentence's first word
    ('Callouts at Marlow House' above 'Callouts went up again.')."""
    rest = "\n".join(line for line in lines if not _SUBJECT.match(line))
    for m in re.finditer(rf"(?<![\w'’]){re.escape(name.split()[0])}(?!\w)", rest):
        before = rest[:m.start()].rsplit("\n", 1)[-1].rstrip()
        if before and (not before.endswith((".", "!", "?", ":")) or re.search(TITLE + "$", before + " ")):
            return True
        if vocab("cause", "speech", "en").match(rest, m.end() + 1):
            return True  # first in its sentence, but someone who speaks: 'Tobias says the probe reads 99%'
    return False


def _signs(lines: list[str], name: str) -> bool:
    """The one the subject names signs the email: 'Thanks, Dan' or 'Kevin Li | Sales Manager' among its last lines."""
    first = re.escape(name.split()[0])
    return any(re.match(rf"[^\w>]*(?:(?:thanks|cheers|best|regards|thank you)\W+)?{first}\b(?!['’])", line, re.I)
               and (len(line) <= 30 or "|" in line) for line in lines[-6:])  # not 'Priya will send the forecast', '> Jason'


# A reply with the message it answers quoted below: '> From: Dom Kaczmarek', '> Hi Hayley, can you send over …'.
_QUOTED_FROM = re.compile(rf"^[ \t]*>[ \t]*from\s*:\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)", re.I | re.M)
_REPLY_SUBJECT = re.compile(r"^\s*subject\s*:\s*re\s*:", re.I | re.M)


def _replying_to(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """A reply written to 'you' over the employee's own message, quoted: the quoted sender is the employee, the one
    they greet (who signs the reply) the manager, and the job after their name in their sign-off their role
    ('Cheers, Dom Kaczmarek, Mobile Locksmith'). Not a message forwarded from someone else."""
    text = "\n".join(lines)
    if not _REPLY_SUBJECT.search("\n".join(lines[:3])) or any(m["field"].lower() == "to" for m in _MAIL_FIELD.finditer("\n".join(lines[:3]))):
        return None
    m = _QUOTED_FROM.search(text)
    if m is None or not is_name(sender := m["name"]) or is_hr(m.group(0)):
        return None
    above, quoted = text[:m.start()], re.sub(r"(?m)^[ \t]*>[ \t]?", "", text[m.end():])
    greeted = next((g["name"] for g in _GREETING.finditer(quoted) if is_name(g["name"])), None)
    if not greeted or greeted in sender or not re.search(rf"\b{re.escape(greeted)}\b", above):
        return None  # the one the quoted message greets signs the reply
    if not to_you(above):
        return None
    job = re.search(rf"{re.escape(sender)}\s*[,|–-]\s*([A-Za-z][\w -]{{2,40}}?)\s*$", quoted, re.M)
    about_another = any(is_name(n) and n not in sender for n in re.findall(rf"({NAME_WORD})['’]s\b", quoted))
    if (job and leads_others(job.group(1))) or about_another:
        return None  # a lead asking for someone's figures ('can you send over Dom's numbers?'), not the employee
    signed = re.search(rf"\b{re.escape(greeted)}(?:[ \t]{NAME_WORD})?", above[-400:])
    organisations = load("vocabulary")["names"]["organisation_words"]  # not 'SecureTurn Locks Ltd'
    role = job.group(1) if job and not any(w in organisations for w in job.group(1).split()) else None
    return sender, role, signed.group(0) if signed else greeted


# 'just done Kemal Yilmaz's review (Pirate Cove kiosks supervisor)': the review is the employee's
_WHOSE_REVIEW = re.compile(rf"""({NAME_WORD}(?:[ \t]{NAME_WORD})?)['’]s[ \t]+(?:[\w-]+[ \t]+)?
    (?:review|1:1|appraisal|check-in|catch-up|supervision|PIP|probation\s+review)\b(?:[ \t]*[(（](?P<role>[^)）\n]{{2,50}})[)）])?""", re.X)


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
        if is_name(m.group(1)):
            role = m.group("role")
            return m.group(1), role if role and _is_role(role) else None
    for m in _review_of().finditer(header):
        name = m["name"]
        called = name[-2:] if unspaced(name) else name.split()[0]  # '浩然' of '王浩然', 'Dana' of 'Dana Ruiz'
        said = re.escape(called) if unspaced(name) else rf"(?<!\w){re.escape(called)}(?!\w)"
        if (unspaced(name) or is_name(name)) and len(re.findall(said, notes)) >= 2:
            return name, None
    return None


def _names_another_person(before: str, name: str) -> bool:
    """A field before the one with a title that leads others is someone else's full name alone ('Bakery line 1:1 -
    Oskar Lind - 12/05/2026 - P. Meyer (Production Manager)'): that title is the manager's."""
    fields = (f.strip() for f in re.split(r"\s[-–—|]\s|[,;|]", before))
    return any(re.fullmatch(rf"{NAME_WORD}[ \t]{NAME_WORD}", f) and is_name(f) and f not in name for f in fields)


_PLACE_AFTER = re.compile(r"[ \t]+(?:[A-Z]&[A-Z][ \t]+)?(?:" + "|".join(vocab_list("names", "place_nouns", "en")) + r")(?=[ \t]*(?:[-–—|,;]|$))")


def a_place(text: str, name: str) -> bool:
    """Every time the notes write `name`, the word for a place follows it: 'Gwynt Uchaf O&M base', a place's name."""
    found = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    return bool(found) and all(_PLACE_AFTER.match(text, m.end()) for m in found)
_TITLE_GOES_ON = re.compile(r" ([a-z]+)\b")  # a capitalised word whose title goes on in lower case: 'Service advisor'


def _is_role(text: str) -> bool:
    return bool(vocab("roles", "terms", "en").search(text)) or bool(re.match(r"^[a-z]", text.strip()))


# Characters that start the next word after a name in running Chinese ('李强进行', '李强表示').
_ZH_AFTER_NAME = "[进在的是和与说聊谈表认每负于将要对为，、。（(]"


def _zh_name(text: str) -> re.Match[str] | None:
    surnames = load("vocabulary", "zh")["roles"]["surnames"]
    suffixes = "|".join(sorted(vocab_list("roles", "suffixes", "zh"), key=len, reverse=True))
    return re.search(
        rf"([\u4e00-\u9fff]{{0,6}}?(?:{suffixes}))\s*[:：]?\s*({NOT_A_ZH_NAME}[{surnames}][\u4e00-\u9fff]{{1,2}}?)(?=[^\u4e00-\u9fff]|{_ZH_AFTER_NAME}|$)", text
    )


_NAME_ORDER = r"(?P<order>[ \t]*\((?i:last|surname|family name)[ \t]*,[ \t]*(?i:first|given)(?:[ \t]+names?)?\))?"  # '(Last, First)'


def _zh_title(before: str) -> str:
    """The job in the words before a Chinese name: the longest title they end with ('跟咱们车队网约车司机' -> '车队网约车司机')."""
    words = re.split(r"[与和的为是日月年，、]", before)[-1]
    return next((words[i:] for i in range(len(words)) if not TALK_CHARACTERS.search(words[i:]) and is_role(words[i:])), words)


def _given_name(word: str) -> bool:
    """The word after a comma in a name field is a given name ('Okonkwo, Adaeze'), not a role ('Dana, forklift')."""
    return re.fullmatch(NAME_WORD, word) is not None and is_name(word) and not _is_role(word)


def _employee_field(language: str) -> str:
    """The labels a form gives the employee's name ('Employee name', '被面谈人'), longest first, as a pattern; not a
    transcript's short speaker tag ('Emp:'), nor a label inside a longer word ('服务对象' is not '对象')."""
    words = sorted((w for w in vocab_list("labels", "employee_meta", language) if len(w) > 3 or unspaced(w)), key=len, reverse=True)
    return "(?<![\u4e00-\u9fff])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


_ZH_EMPLOYEE_FIELD = _employee_field("zh")  # '被面谈人：甘露', '【面谈对象】温雅婷', '受談人：林志豪'
_EN_EMPLOYEE_FIELD = _employee_field("en")
_EMPLOYEE_LABEL = re.compile(r"(?:\b" + _EN_EMPLOYEE_FIELD + "|" + _ZH_EMPLOYEE_FIELD +
                             r")\s*[:：】]\s*\x00", re.I)


_ZH_MANAGER_FIELD = "(?:(?<!被)面谈人|(?<!被)谈话人|面谈经理|直属上级|经理|提交人|填写人|记录人)"
# The manager's name in a labelled field, marked '\x00' in the form's lines: 'Site supervisor：\x00', '面谈人：\x00'.
_MANAGER_LABEL = re.compile(r"(?:\b(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
    vocab_list("labels", "manager_meta", "en"), key=len, reverse=True)) + r")|" + _ZH_MANAGER_FIELD + r")\s*[:：】]\s*(?:" + TITLE + r")?\x00")

# A name in a header line: 'Dana Ruiz', 'Finn O.' (an initial for the surname), or initials before the role in brackets
# ('1:1 w/ JK (door sup, …)').
_NAMED = rf"(?:{_INITIAL}{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD})?(?:[ \t](?!I\b)[A-Z](?:\.|(?![\w.'’&/])))?(?!\w)|[A-Z]{{2,3}}(?=\s*[(（|｜]))"  # 'DJ Park', 'Sam K', 'JT (', 'w/ ZJ｜'
# A header field of a job in lower case, then the name: '- dispatcher A. Mensah-Clarke -', '| nurse J. Okafor |'.
_JOB_THEN_NAME = re.compile(rf"""(?:^|[-–—|:]\s+)(?P<job>[a-z][\w&'’-]*(?:[ \t][a-z][\w&'’-]*){{0,3}})[ \t]+
    (?P<name>(?:[A-Z]\.[ \t]?)?{_NAMED})(?=\s*(?:[-–—|,(]|$))""", re.X)
# Initials met with initials, or at a meeting: 'TC operator KO w/ GH', 'client payroll manager AO with RK', 'JL 1:1 (…)'.
_INITIALS_MET = re.compile(r"""(?<![\w/])(?P<one>[A-Z]{2,3})\s+(?:
      (?:w/|with)\s+(?P<other>[A-Z]{2,3})(?![\w/])
    | (?:1:1|1-1|121|review|check-in|catch-up)\b)""", re.X)


def _form_row(line: str) -> str:
    """A form's row of label and value cells read as labelled fields: '| 姓名 | 刘桂芬 | 岗位 | 门诊收费员 |' ->
    '姓名：刘桂芬；岗位：门诊收费员', '| Name | Dana Ruiz | Role | picker |' -> 'Name：Dana Ruiz；Role：picker', an export's
    'Employee,Nkechi Obi' -> 'Employee：Nkechi Obi'."""
    parts = cells(line) or _csv_pair(line)
    labels = [_field_label(p) for p in parts[::2]] if parts else []
    if parts and len(parts) == 2 and labels == [None] and _job_label(parts[0]) and (named := re.match(_FIELD_NAME, parts[1])) \
            and is_name(named.group(0)):
        return f"{parts[0]}：{parts[1]}"  # '| Technician | Rhiannon Mbeki (wind turbine technician) |': a field a job names
    if not parts or len(parts) % 2 or None in labels:
        return line
    return "；".join(f"{label}：{value}" for label, value in zip(labels, parts[1::2]))


_CSV_PAIR = re.compile(r'^\s*"?(?P<label>[^",\n]{1,40}?)"?\s*,\s*"?(?P<value>[^",\n]{1,80}?)"?\s*$')


def _csv_pair(line: str) -> list[str] | None:
    """A line of an exported form's two comma-separated cells, label and value: 'Employee,Nkechi Obi'."""
    pair = _CSV_PAIR.match(line)
    if pair and pair["label"].strip().lower() == "post" and _is_role(pair["value"]):
        return ["Role", pair["value"]]  # 'post,Centrifugal Operator - Station C': the job (a field only with a job in it)
    return [pair["label"], pair["value"]] if pair and _field_label(pair["label"]) else None


_RULE_ROW = re.compile(r"^[\s|｜:+=-]*-{2,}[\s|｜:+=-]*$")  # a table's rule: '|---|---|', '+------+'


def _column_form(lines: list[str]) -> list[str]:
    """A form laid out in columns, a row of field labels over a row of values ('| Employee | Role | Reviewer | Date |',
    '|---|…', '| Yusuf Demir | ice technician | C. Lambert | 9 Feb 2026 |'): the labels' row becomes the fields it
    heads ('Employee：Yusuf Demir；Role：ice technician；…'). Only the first such table, among the opening lines."""
    for i, line in enumerate(lines[:6]):
        labels = [c.strip() for c in cells(line) or ()]
        if not labels or any(_field_label(c) is None for c in labels):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if not _RULE_ROW.match(lines[k])), None)
        values = [c.strip() for c in cells(lines[j]) or ()] if j is not None else []
        if len(values) == len(labels):
            return [*lines[:i], "；".join(f"{label}：{value}" for label, value in zip(labels, values)), *lines[i + 1:]]
    return lines


def _field_label(cell: str) -> str | None:
    """A cell that is a form's label, as a label: '姓名', 'Name', and one said in both languages, '员工 Employee' ->
    '员工'; None for any other cell."""
    fields = field_words()
    if re.sub(r"[\s*_:：]+", "", cell).lower() in fields:
        return cell
    halves = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z][A-Za-z ]*[A-Za-z]", cell)
    if len(halves) == 2 and all(re.sub(r"\s+", "", h).lower() in fields for h in halves):
        return halves[0]
    return None


@lru_cache(maxsize=1)
def field_words() -> frozenset[str]:
    """A form's field labels in every language: 'Name', 'Role', 'Manager', '姓名', '岗位', '面谈人'."""
    labels = load("vocabulary")["labels"]
    return frozenset(w.replace(" ", "").lower() for key in ("meta", "manager_meta", "employee_meta") for w in labels.get(key, ()))


# A form's field giving the role: '岗位：门诊收费员', 'Job title: Welding Inspector (CSWIP 3.1)    Depot: …', 'Trade:
# Scaffolder (advanced)', 'Title 職位: Financial Planner 理財策劃' (the English words before the Chinese).
_ROLE_FIELD = re.compile(r"""(?:岗位|职位|职务|工种)\s*[:：]\s*([A-Za-z0-9][\w.&/'’ -]{1,40}?(?=\s+[\u4e00-\u9fff]|\s*[(（,，;；|｜]|\s{2,}|\s*$)|[^\s，,；;|｜（(]{2,12})
    | \b(?i:job\s+title|role|position|post|trade|occupation|designation)\s*[:：]\s*([A-Za-z][\w&/'’ -]{1,40}?)(?=\s{2,}|\t|\s*[(,;|；]|\s*$)""", re.X | re.M)


def form_role(lines: list[str]) -> str | None:
    """The role a form's field gives: '岗位：门诊收费员', '| Role | picker |', 'Job title: Welding Inspector (CSWIP 3.1)'."""
    field = _ROLE_FIELD.search("\n".join(_form_row(line) for line in lines))
    if not field:
        return None
    role = (field.group(1) or field.group(2)).strip()
    paired = [part.strip() for part in re.split(r"\s+/\s+", role)]  # 'Lab Supervisor / Lab Technician': the two
    led = [part for part in paired if not leads_others(part)]       # listed at the meeting, the one who leads no one
    two = any(_ATTENDING.search(line) for line in lines)            # (not one person's two hats: 'Supervisor / Trainer')
    return led[0] if two and len(paired) == 2 and len(led) == 1 else role


_ATTENDING = re.compile(r"^\W*(?:参会人|参加人?|与会人?|出席|present|attendees|participants)\s*[:：]", re.I)


def stated_role(lines: list[str], name: str | None) -> str | None:
    """The role a form states outright: a role field ('Role: picker', '| 岗位 | 门诊收费员 |'), or a field its job
    names that holds the employee's name ('Keeper: Morag Sinclair'), among the opening lines or on the line at the foot."""
    if field := form_role(lines[:8]):
        return field
    if (keyed := _writer_keyed(lines[:3])) and keyed[0] == name:
        return keyed[1]  # '（LJ：MES 工程师；HM：我）'
    return _job_of(name, "\n".join([*lines[:3], *filter(None, [_foot_line(lines)])]))


# The name that ends a header field before a bracket: 'DJ Park', 'Sam K.', 'Ana María Ruiz', initials alone ('JT (reefer
# tech)') and a Latin name with its Chinese surname ('Aria 孙 (lounge host)').
_NAME_RUN = re.compile(rf"""(?<![A-Za-z])(
      {INITIALS_BEFORE_NAME}(?:{NAME_WORD}|[A-Z]\.?)(?:\s(?:{PARTICLE}\s){{0,2}}(?:{NAME_WORD}|[A-Z]\.?)){{0,2}}(?:[ \t][\u4e00-\u9fff])?
    | (?<!\S)[A-Z]{{2,3}}
    )\s*$""", re.X)


def _names_the_one(run: str, inner: str) -> bool:
    """The name before a bracket names the one whose role the bracket holds: initials only before a listed job
    ('JT (reefer tech)', not 'QA (nights)'), a name before any role-like words."""
    if re.fullmatch(r"[A-Z]{2,3}", run):
        return is_role(re.split(r"[,，;；]", inner)[0]) and not team_initials(run)
    return is_name(re.sub(r"[ \t][\u4e00-\u9fff]$", "", run)) and (_is_role(inner) or is_role(re.split(r"[,，;；]", inner)[0]))  # 'Ken 刘 (NPC 演员, …)'


_ROLE_AFTER_INITIALS = re.compile(r"\s*[,，]\s*([^,，()\n–—|-]{2,40}?)\s*(?=[,，–—|-]|$)")


_DICTATED_NAME = re.compile(r"""\b(?:(?P<met>chat|review|1:1|talk|meeting|catch[- ]?up|conversation|session|supervision|appraisal
        |sat\s+down|sit\s+down)\s+)?
      (?:with|about|re|(?:talked|spoke|spoken|speaking|talking|chatted|chatting|been)\s+to)\s+(?P<first>[a-z][a-z'’-]+)
      (?:[ \t]+(?P<second>[a-z][a-z'’-]+))?
    | ^\W*(?P<opening>[a-z][a-z'’-]+)(?=\s+(?:[-–—|,]|talk|1:1|review|chat|catch)\b|\s+[-–—|])""", re.X | re.M)
# ('jordan – valeter – 1:1'; 'the chat with farah' names her though the memo says 'she' after it)


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
    return next((o for o, after in others if o not in name and (o.isupper() or is_name(o)) and not _HEADER_WORDS.match(o)
                 and not is_hr(after.split(")")[0])), None)  # not 'with Priya Shah (HR) sitting in'


# 'ST (me): get the east monitor moved', 'Bev (me) to book the course': the writer marks themself.
_ME_MARK = re.compile(rf"(?<![\w.])({NAME_WORD}(?:[ \t]{NAME_WORD})?|[A-Z]{{2,3}})[ \t]*[(（](?i:me|我)[)）]")


def _writer_marked(lines: list[str]) -> str | None:
    return next((m.group(1) for line in lines if (m := _ME_MARK.search(line))), None)


# The name a header field holds: 'Jean-Baptiste Moreau', 'R.D.', up to three capitalised words.
_FIELD_NAME = r"(?:[A-Z]\.){2,3}|[A-Z]\.[ \t]?[A-Z][\w'’\-]+|[A-Z][\w'’\-]*(?:[ \t][A-Z](?:\.|[\w'’\-]*)){0,2}"  # 'A. Rahman', 'Ana M. Ruiz'; not 'Morag Sinclair. Interviewer'
# A header field named by a job, holding a name: 'Operator: Jean-Baptiste Moreau (bridge operator, B-shift)'.
_JOB_FIELD = re.compile(r"""(?:^|[|｜·•]\s*|[.;]\s+|\s{2,}|\t)(?P<label>[A-Za-z][A-Za-z -]{1,30}?)\s*[:：]\s*
    (?P<name>""" + _FIELD_NAME + r""")(?:\s*\((?P<role>[^)\n]{2,40})\))?
    (?=[ \t]*(?:$|[|｜;,.·•(]|\s{2,}))  # the field ends: not a speaker's line ('Vivian: Kevin，今天 review 的 summary')""", re.M | re.X)


# A transcript's key to its speakers: 'PA: Priscilla Adeyemi (curriculum lead). FW: Fenna de Wit (BSL tutor)'.
_SPEAKER_KEY = re.compile(rf"""(?:^|[.;,|]\s*)(?P<tag>[A-Z]{{2,3}})\s*[:：=]\s*
    (?P<name>{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}){{0,2}})
    \s*[(（](?P<role>[^)）\n]{{2,60}})[)）]""", re.M | re.X)


def _speaker_key(header: str) -> tuple[str, str, str] | None:
    """The employee, their role and the manager from a key to two speakers, each tagged by their initials: the one
    whose title leads others is the manager."""
    others = vocab("parties", "attending", "en")  # not HR, a union rep, an observer
    keyed = [(m["name"], re.split(r"\s*[,;]\s*", m["role"])[0]) for m in _SPEAKER_KEY.finditer(header)
             if m["tag"] == "".join(w[0] for w in m["name"].split() if w[0].isupper())
             and not is_hr(m["role"]) and not others.search(m["role"].lower())]
    leading = [leads_others(role) for _, role in keyed]
    if len(keyed) != 2 or leading.count(True) != 1:
        return None
    (employee, role), (manager, _) = keyed[leading.index(False)], keyed[leading.index(True)]
    return employee, role, manager


_KEY = re.compile(r"[（(]([^）)\n]{3,80})[）)]")
_KEY_ENTRY = re.compile(r"^\s*([A-Z]{2,3}|[\u4e00-\u9fff]{1,4})\s*[:：=]\s*(.+?)\s*$")
_WRITER = re.compile(r"我|本人|me|i|myself|writer", re.I)


def _writer_keyed(lines: list[str]) -> tuple[str, str | None, str] | None:
    """A key to two speakers, one of them marked as the writer: '（LJ：MES 工程师；HM：我）', '(DK = me, RS = fitter)'.
    The other is the employee, the job beside their tag their role."""
    for key in (m.group(1) for line in lines for m in _KEY.finditer(line)):
        entries = [e for part in re.split(r"[；;，,]", key) if (e := _KEY_ENTRY.match(part))]
        writers = [e for e in entries if _WRITER.fullmatch(e.group(2))]
        if len(entries) == 2 and len(writers) == 1:
            other = next(e for e in entries if e is not writers[0])
            job = other.group(2)
            return other.group(1), job if is_role(job) or is_role(re.sub(r"^[A-Za-z\d ]+(?=[\u4e00-\u9fff])", "", job)) else None, \
                writers[0].group(1)  # ('MES 工程师': a Chinese title after a system's name)
    return None


def _job_label(label: str) -> bool:
    """A field's label that is the employee's job ('Technician'), not a lead's ('Supervisor') nor someone else's at the
    meeting ('Interviewer', 'Mentor', 'Union rep')."""
    return is_role(label) and not leads_others(label) and not vocab("parties", "attending", "en").fullmatch(label.lower())


def _job_field(header: str) -> tuple[str, str] | None:
    """The employee and their role from a field a job names ('Technician: Siobhan Nkemelu', 'Operator: Ana Ruiz
    (bridge operator, nights)'): not a title of one who leads others ('Supervisor: …') nor of someone else at the
    meeting ('Interviewer:', 'Mentor:', 'Union rep:'), and a name in it."""
    for m in _JOB_FIELD.finditer(header):
        label, person = m.group("label").strip(), m.group("name").strip()
        if _job_label(label) and is_name(person):
            return person, re.split(r"\s*[,;]\s*", m.group("role") or label)[0]
    return None


def _job_of(name: str | None, header: str) -> str | None:
    """The job a field names where the field holds `name`: 'Keeper: Morag Sinclair', where another line named her first."""
    job = _job_field(header)
    return job[1] if job and job[0] == name else None


# A heading over one person's block of a form: 'Section A - Reviewer', "Reviewer's details", '面谈人信息'.
_PARTY_HEADING = re.compile(r"""^\W*(?:(?:section|part)\s+\w{1,3}\s*[-–—:.)]\s*)?(?P<who>[^\d:：]{2,30}?)(?:'s|’s)?
    \s*(?:details|information|info|particulars|信息|资料)?\s*[:：]?\s*$""", re.I | re.X)
_FIELD = re.compile(r"^\W*(?P<label>[^\W\d][\w '’/]{0,24}?|[\u4e00-\u9fff]{1,6})\s*[:：]")
_NAME_FIELD = re.compile(r"^(\W*)(?:full\s+name|name|姓名)(?=\s*[:：])", re.I)
_TITLE_FIELD = re.compile(r"^\W*(?:position|role|job\s*title|title|designation|grade|岗位|职位|职务)\s*[:：]", re.I)


_MANAGER_WORD = re.compile(r"\b(?i:manager|mgr|supervisor|reviewer|interviewer|appraiser|assessor|line manager|charge nurse"
                          r"|head of (?:dept|department)|hod|team lead|shift lead|head chef|principal|director|foreman)")
# (past a line's end only after the label's colon: not 'Ward Manager' over 'Reason: …')
_NAME_AFTER_LABEL = re.compile(r"(?:[ \t]*[:：]\s*|[ \t]+)((?:" + TITLE + r")?(?:" + NAME_WORD + r")(?:[ \t]" + NAME_WORD + r")?)")


@cache
def _party_labels() -> tuple[frozenset[str], frozenset[str]]:
    """The labels of the manager's and of the employee's fields, in every language, in lower case."""
    def of(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in vocab_list("labels", key, "en") + vocab_list("labels", key, "zh"))
    return of("manager_meta"), of("employee_meta")


def sectioned(lines: list[str]) -> list[str]:
    """A form that gives each person a block under its own heading ('Section A - Reviewer', then 'Name: Graham
    Oyelaran' and 'Position: Technical Manager'): the manager's block's name labelled as the manager's ('Reviewer:',
    '面谈人：') and its title left out, so that neither is read as the employee's. The block ends at a line that is no
    field, or at the employee's own field ('Employee name: …')."""
    managers, employees = _party_labels()
    out, managers_block = [], False
    for line in lines:
        heading, field = _PARTY_HEADING.match(line), _FIELD.match(line)
        if heading and not field:
            who = heading["who"].strip().lower()
            managers_block = who in managers and who not in employees
        elif not field or (field["label"].strip().lower() in employees and not _NAME_FIELD.match(line)):
            managers_block = False  # the block has ended
        elif managers_block and _TITLE_FIELD.match(line):
            line = ""  # the manager's own title
        elif managers_block and (name_field := _NAME_FIELD.match(line)):
            label = vocab_list("labels", "manager_meta", "zh" if unspaced(line) else "en")[0]
            line = name_field.group(1) + label + line[name_field.end():]
        out.append(line)
    return out


# A chat app's message heading alone on its line, the lines below it being that person's: 'Priscilla Adeyemi  10:02',
# 'Jun Takeda  4:11 PM' (a Slack or Teams copy).
CHAT_HEADING = re.compile(r"""^\s*(?P<who>[^\W\d][\w.'’-]*(?:\s[^\W\d][\w.'’-]*){0,3})  # one to four words of a name
    (?:\s{2,}\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?|\s\d{1,2}:\d{2}\s?[AaPp][Mm])\s*$  # the time alone after it, set apart
    # by two spaces or with its AM/PM (not a title's 'Jordan Lee 10:30')""", re.X)
# The one the meeting was with, on the line below the writer's own: 'Abi Okonkwo, Senior Youth Worker - supervision
# notes' over 'with Ruben Castillo (Youth Worker, Eastside detached), Fri 20/11/26'.
_WITH_BELOW = re.compile(rf"^\W*(?i:with|w/)\s+(?:{TITLE})?(?P<name>{_NAMED})(?:\s*[(（](?P<inner>[^)）\n]{{2,60}})[)）])?")
# Someone at the meeting who is not its subject: 'with Tom Hale sitting in from HR'.
_ONLOOKER = re.compile(r"\b(?:sitting\s+in|sat\s+in|observing|present|taking\s+notes|note[- ]?taker)\b|\bHR\b", re.I)


def _barred(line: str) -> tuple[str, str, str | None] | None:
    """A header of fields between bars, one a name with a job beside it, another a name alone: 'Group Ex catch-up | Tessa
    Moyo - Yoga Instructor | Liam Duarte | Fri 06-11-2026': the employee, their role, and the manager."""
    fields = [f.strip() for f in re.split(r"\s[|｜]\s", line)]
    if len(fields) < 3:
        return None
    employee = manager = None
    for field in fields:
        pair = re.fullmatch(rf"(?P<name>{_NAMED})\s*(?:[-–—,]\s*(?P<job>[^()\n]{{2,40}})|[(（](?P<inner>[^)）]{{2,40}})[)）])", field)
        job = pair and (pair["job"] or pair["inner"]).strip()
        if pair and job and is_name(pair["name"]) and is_role(job) and not leads_others(job) and employee is None:
            employee = (pair["name"], job)
        elif manager is None and (is_name(field) or (pair and job and is_name(pair["name"]) and leads_others(job))):
            manager = pair["name"] if pair else field  # 'Liam Duarte', 'Tom Hale - Studio Manager'

    return (*employee, manager) if employee else None


def _comma_fields(line: str) -> tuple[str, str, str | None] | None:
    """A CSV export's first row of the meeting's fields, with no spaces after its commas: 'meeting,22/09/2026,RK,process
    technician - moulding hall B,reviewer DM': the initials or name before a job, and the reviewer's."""
    fields = [f.strip() for f in line.split(",")] if ", " not in line else []
    employee = manager = None
    for before, field in itertools.pairwise(fields):
        job = re.split(r"\s[-–—]\s", field)[0].strip()
        initials = re.fullmatch(r"[A-Z]{2,3}", before) and not team_initials(before)  # not 'QA'
        if employee is None and (initials or is_name(before)) and is_role(job) and not leads_others(job):
            employee = (before, job)
        reviewer = re.fullmatch(rf"(?i:reviewer|manager|supervisor|interviewer|appraiser)\s+({_NAMED}|[A-Z]{{2,3}})", field)
        manager = manager or (reviewer.group(1) if reviewer else None)
    return (*employee, manager) if employee and len(fields) >= 4 else None


def titled_hr(text: str, name: str) -> bool:
    """The notes give `name` an HR title in brackets ('周敏(HR)', 'Priya Das (HR) sitting in'): HR's, never the employee."""
    return any(is_hr(m.group(1)) for m in re.finditer(re.escape(name) + r"\s*[(（]([^)）]{1,40})[)）]", text))


_BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*$")


def _find_people(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """Employee name, role and manager from the header lines ('Sam K (backend engineer II) ... Manager: Alex'), or
    from the line at the notes' foot that says what they are, where the notes open with content, or the opening lines
    name no one the notes speak of again ('Reptile House - keeper review notes' above '… cc: file - Hana Vošková')."""
    lines = [_BOLD_LINE.sub(r"\1", _form_row(line)) for line in _column_form(lines)]  # '**Sales 1:1 — Vincent …**' as plain text
    if keyed := _writer_keyed(lines[:3]):
        return keyed  # '（LJ：MES 工程师；HM：我）': a key that marks the writer says outright who the other is
    if lines and (barred := _barred(lines[0])):
        return barred
    if fielded := next((f for line in lines[:2] if (f := _comma_fields(line))), None):
        return fielded
    if len(lines) > 1 and (chat := CHAT_HEADING.match(lines[0])) and is_name(chat["who"]):
        message = _people(lines[1:])  # 'Priyanka Das  10:14 AM' over '1:1 notes - Kwame Asante (…)': the writer's message
        if (message[0] and message[0] != chat["who"] and not titled_hr(lines[1], message[0])
                and not (message[1] and (is_hr(message[1]) or leads_others(message[1])))):
            return message[0], message[1], message[2] or chat["who"]
    if len(lines) > 1 and (met := _WITH_BELOW.match(lines[1])) and is_name(met["name"]) and _MEETING_WORDS.search(lines[0]) \
            and not _ONLOOKER.search(lines[1]):
        writer = _people(lines[:1])  # the writer's line above, their name and title: the meeting was with the one below
        if writer[0] and writer[1] and lines[0].lstrip(" #*-").startswith(writer[0]) and met["name"] != writer[0]:
            inner = re.split(r"[,，;]", met["inner"] or "")[0].strip()
            return met["name"], inner if is_role(inner) else None, writer[0]
    found = _people(lines)
    foot = _foot_line(lines)
    if foot and (_PROSE.search(lines[0]) or not found[0] or not _said_after(lines[1:-2], found[0])):
        return _people([foot, *lines])
    if not found[0] and (replied := _reply_forwarded(lines)):
        return replied[0], replied[1], found[2]
    if not found[0] and (acknowledged := _acknowledged(lines, found[2])):
        return acknowledged[0], acknowledged[1], found[2]
    if not found[0] and (initialled := _initialled(lines)):
        return initialled, None, found[2]
    if not found[0] and (below := _name_below_date(lines)):
        return below, None, found[2]
    if not found[0] and (addressed := _addressee(lines)):
        return addressed[0], addressed[1], found[2]
    return found


# The writer's words that what they forward is the employee's own: 'his email underneath', 'her reply below' (not where
# the line names someone else: 'the customer's complaint below, and her reply').
_THEIR_MAIL = re.compile(r"\b(?:his|her|their)\s+(?:e-?mail|reply|response|answer|mail|message)\b", re.I)
_SOMEONE_ELSES = re.compile(r"\b(?:customer|client|supplier|vendor|rep|contractor|landlord|tenant|patient|guest|agency|candidate)s?\b", re.I)
# A message forwarded into the notes: '---------- Forwarded message ----------', '-----Original Message-----', 'Begin
# forwarded message:', then the 'From:' line naming who wrote it ('From: Tomasz Wrona <2e.hollinbay@…>').
_FORWARDED = re.compile(r"^\W*(?:-+\s*)?(?:forwarded\s+message|original\s+message|begin\s+forwarded\s+message)\b", re.I)


def _reply_forwarded(lines: list[str]) -> tuple[str, str | None] | None:
    """The sender of a mail forwarded below a recap that calls it the employee's ('Notes from the review below, and his
    email underneath'), and the role their signature gives ('Olly Featherstone | Yacht Broker | Solent Yacht Brokers')."""
    mark = next((i for i, line in enumerate(lines) if _FORWARDED.match(line)), None)
    if mark is None:
        return None
    said = next((line for line in lines[:mark] if _THEIR_MAIL.search(line)), None)
    if said is None or _SOMEONE_ELSES.search(said):
        return None
    sender = next((m for line in lines[mark + 1:mark + 4] if (m := _MAIL_FIELD.match(line)) and m["field"].lower() == "from"), None)
    if sender is None or " " not in sender["name"] or not is_name(sender["name"]):
        return None
    signed = next((line for line in lines[mark + 4:] if line.strip().startswith(sender["name"])), "")
    job = re.split(r"\s*[|,–—]\s*", signed.strip()[len(sender["name"]):].strip(" |,–—-"))[0] if signed else ""
    if job and leads_others(job):
        return None  # a manager's mail forwarded, not the employee's
    return sender["name"], job if job and is_role(job) else None


# A write-up's foot where the employee signs that it was read to them: 'Acknowledged: Kyle Dunn (thermoplastic operative)'.
_ACKNOWLEDGED = re.compile(r"^\W*(?:acknowledged|received|read and understood)(?:\s+by)?\s*[:：]", re.I)
_SIGNER = re.compile(rf"\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}})(?:\s*[(（](?P<role>[^)）\n]{{2,40}})[)）])?")


def _acknowledged(lines: list[str], manager: str | None) -> tuple[str, str | None] | None:
    """The employee and role on a signing line at the notes' foot, where no header names them: not the manager, nor
    anyone whose title leads others ('Acknowledged: Helen Shaw (Pharmacy Manager)')."""
    label = next((m for line in lines[-2:] if (m := _ACKNOWLEDGED.match(line))), None)
    signer = _SIGNER.match(label.string, label.end()) if label else None
    if not signer or not is_name(signer["name"]) or (manager and signer["name"].split()[-1] in manager):
        return None
    role = (signer["role"] or "").strip() or None
    return None if role and leads_others(role) else (signer["name"], role if role and _is_role(role) and not is_name(role) else None)


# A letter's addressee block: 'Mr Luka Petrović' on a line of its own (a job title on the next), whom 'Dear Luka,' greets.
_ADDRESSEE = re.compile(rf"^\s*(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}})\s*$")


def _addressee(lines: list[str]) -> tuple[str, str | None] | None:
    """The one a formal letter is addressed to, and the job under their name, where its greeting names them."""
    for i, line in enumerate(lines[:10]):
        if (m := _ADDRESSEE.match(line)) and is_name(m["name"]):
            words = m["name"].split()
            greeted = any(g["name"] in (words[0], words[-1]) for g in _GREETING.finditer("\n".join(lines[i + 1:i + 8])))
            job = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if greeted:
                return m["name"], job if is_role(job) and not is_name(job) else None
    return None


def _name_below_date(lines: list[str]) -> str | None:
    """A name alone on the line below one of the date alone, among the opening lines ('27.08.26' over 'Ruairí Quinlan',
    'Wed 22.VII.2026' over '宋雅婷'), that the notes then speak of, by name or as 'him' or 'her' (not 'Night Shift' or
    'Kings Cross' above a list of what went wrong there): whom the notes are about."""
    for i, (line, below) in enumerate(itertools.pairwise(lines[:4])):
        name = below.strip(" \t*#:-–—")
        person = (" " in name and is_name(name) and _full_name(name) == name) or re.fullmatch(zh_name(), name)
        spoken_of = _said_after(lines[i + 2:], name) or (unspaced(name) and name[1:] in "\n".join(lines[i + 2:])) or bool(
            re.search(r"\b(?:him|her|he|she|his)\b|[他她]", "\n".join(lines[i + 2:i + 5]), re.I))
        if _DATE_ONLY.match(line) and re.search(r"\d", line) and person and spoken_of:
            return name
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
# The one the talk was with, introduced with their place in the team: 'with Ieuan Davies, who has been our second shepherd'.
_WITH_WHO = re.compile(rf"\bwith\s+({NAME_WORD}[ \t]{NAME_WORD}),[ \t]+who(?:['’]s|[ \t]+(?:has[ \t]+been|is|was|joined|started|runs))\b")
# Who a dictated memo says is speaking, with their title: "right this is Ian Strachan harvesting supervisor …".
_SELF_NAMED = re.compile(rf"\b(?i:this\s+is|it['’]?s)\s+(?P<name>{NAME_WORD}[ \t]{NAME_WORD})[ \t,]+(?P<after>(?:[a-z]+[ \t]+){{0,2}}[a-z]+)")
# A name said outright for the notes, in a dictated memo: "… the harvester lad, that's Callum Reid for the record".
_FOR_THE_RECORD = re.compile(rf"\b(?i:that['’]?s|that\s+is|it['’]?s|this\s+is\s+about)\s+({NAME_WORD}[ \t]{NAME_WORD})[ \t,]+(?i:for\s+the\s+(?:record|notes|file))\b")
# A form's discussion opening with whom the talk was: 'Met with Jess in the playroom office after handover; …'.
_MET_WITH = re.compile(rf"^\W*(?i:(?:i\s+)?(?:met|sat\s+down)\s+with)\s+({_NAMED})(?=[\s,;.(]|$)", re.M)


def _people(lines: list[str]) -> tuple[str | None, str | None, str | None]:  # noqa: C901 -- predates the complexity budget
    """`_find_people` on the lines as given, the first taken as the header's."""
    header = "\n".join(lines[:3])
    name = role = manager = None
    # (a field's whole value: not a speaker's words after a tag, 'Emp: No problem.')
    surname_first = False  # a form that writes names 'Last, First'
    field = (r"\b(?i:" + _EN_EMPLOYEE_FIELD + r")" + _NAME_ORDER + r"\s*[:：]\s*(?P<name>(?>" + _FIELD_NAME
             + r"|[\u4e00-\u9fff]{2,4}(?=[\s(（,，|]|$)))(?![ \t]+[a-z])\s*(?:(?P<sep>[,(])\s*(?P<after>[^,.\n()]+(?:\([^)\n]*\))?))?")
    m = re.search(field, header) or re.search(r"^[\s*#-]*" + field, "\n".join(lines[3:10]), re.M)  # (further down, a form's
    # field on a line of its own: 'Section B - Employee' over 'Name: Dee Whitcombe')
    if m:
        name, role = m["name"].strip(), (m["after"] or "").strip() or None
        if role and m["sep"] == "," and _given_name(role) and (m["order"] or _said_after([x for x in lines if m["name"] not in x], role)):
            name, role, surname_first = f"{role} {name}", None, True  # 'Employee Name (Last, First): Okonkwo, Adaeze'
        elif role and is_name(role) and not _is_role(role):
            role = None  # 'Employee: 梁志恒 (Leung), dim sum chef': another form of the name
    if not name:
        name, role, manager = _speaker_key(header) or (name, role, manager)
    if not name:
        name, role = _job_field(header) or (name, role)
    if not name:
        name, manager = _named_in_subject(lines) or _written_to(lines) or _copied_in(lines) or (name, manager)
    if not name:
        name, role, manager = _replying_to(lines) or (name, role, manager)
    attending = None if name else present(lines)  # 'Present: Adaeze Okonkwo (Payroll Clerk), Liam Fairweather (…)'
    if attending and attending[0]:
        name, role = attending[0].name, attending[0].role
    if not name and unspaced(header):
        further = re.search(_ZH_EMPLOYEE_FIELD + rf"\s*[:：】]\s*({zh_name()})(?=[\s（(，,｜|]|$)", "\n".join(lines[8:16]), re.M)
        name = further.group(1) if further else employee_zh(lines)  # a form's field after the agreement: '对象：赵一鸣，安检员'
        if name and re.search(_ZH_MANAGER_FIELD + r"\s*[:：]\s*" + re.escape(name), header):
            # '面谈人：王蕾（咨询部总监）': the one who held the talk, not the employee; read again without that line
            name = employee_zh([line for line in lines if not re.match(r"\W*" + _ZH_MANAGER_FIELD + r"\s*[:：]", line)])
    managers, employees = _party_labels()
    mm = next((m for label in _MANAGER_WORD.finditer(header) if (m := _NAME_AFTER_LABEL.match(header, label.end()))
               and m.group(1).lower() not in managers and m.group(1).lower() not in employees
               and not (" " not in m.group(1) and re.match(r"[ \t]*[:：]", header[m.end():]))), None)  # not a label: 'Reason:'
    # (not the label below a heading: 'Section A - Reviewer' over 'Reviewer: Graham Oyelaran')
    if not mm:  # a form's labelled field further down: 'Reviewer: Jo Whitlock (Practice Manager)' on its fourth line
        mm = re.search(r"^[\s*#-]*(?i:manager|line manager|reviewer|interviewer|appraiser|assessor|supervisor)\s*[:：]\s*((?:" + TITLE + r")?(?:"
                       + NAME_WORD + r")(?:[ \t]" + NAME_WORD + r")?)", "\n".join(lines[3:8]), re.M)
    not_names = load("vocabulary")["names"]["not_names"]
    labelled = mm is not None and bool(re.search(r"[:：]", mm.string[mm.start():mm.start(1)]))  # 'Manager: Ann Lee'
    if not labelled and (own := _SELF_NAMED.search(header)) and any(leads_others(" ".join(own["after"].split()[:n])) for n in (1, 2, 3)):
        manager, mm = own["name"], None  # 'this is Ian Strachan harvesting supervisor Glen Affric block 14': the one speaking
    if mm and not vocab("roles", "terms", "en").fullmatch(mm.group(1).lower()) and mm.group(1).split()[-1] not in not_names:
        manager = mm.group(1)  # not 'Mgr: Right, thanks for coming in'
        given = re.match(rf",[ \t]*({NAME_WORD})(?=[ \t]*(?:[(（|]|$))", mm.string[mm.end():], re.M)  # 'Reviewer: Halvorsen, Petra'
        manager = f"{given[1]} {manager}" if given and surname_first and " " not in manager and _given_name(given[1]) else manager
    if not manager:
        mm = re.search(r"\bwith\s+(?:the\s+|my\s+|her\s+|his\s+|their\s+)?((?:[A-Z]{2,}\s|[A-Za-z]+\s)?(?:manager|supervisor|team lead|lead|director|minister|head of [A-Za-z]+))\b", header, re.I)
        if mm:
            manager = mm.group(1).strip()
    if not manager:
        manager = written_by(header) or (attending[1].name if attending and attending[1] else None)
    leader: tuple[str, str] | None = None  # 'Gráinne O'Sullivan (Terminal Ops Superintendent)': the employee only
    first = lines[0] if lines else ""
    if not name:                            # when no one else is named
        for pm in re.finditer(r"([^()（）\n]{1,80}?)\s*[(（]([^()（）\n]{1,60})[)）]", first):
            tail = _ROLE_SEP.split(pm.group(1))[-1].strip()
            inner = pm.group(2).strip()
            name_run = _NAME_RUN.search(tail)
            if re.fullmatch(r"[A-Z]{2,3}", inner) and (after := _ROLE_AFTER_INITIALS.match(first, pm.end())):
                inner = after.group(1)  # 'Jasmine Mbatha (JM), biobank technician': the role follows her initials
            if is_name(inner) and tail and _is_role(tail) and not is_name(tail):
                name, role = inner, tail
            elif name_run and _names_the_one(name_run.group(1), inner):
                name, role = name_run.group(1), re.split(r"[,，;；]", inner)[0].strip()  # 'Oisin Barr (deck hand, ferry 2)'
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
        name, role = whose_review(header, "\n".join(lines)) or (name, role)
    opening_line = lines[1] if len(lines) > 1 and _DATE_ONLY.match(lines[0]) else lines[0] if lines else ""
    opening = _OPENS_WITH_NAME.match(opening_line)  # (below a line of its date and time alone: 'Thursday, 29 January 2026 07:41')
    job = opening.group("job") if opening else None
    if not name and opening and is_name(opening.group(1)) and (not job or (_is_role(job) and not is_name(job) and not _MEETING_WORDS.search(job))) \
            and (" " in opening.group(1) or (job and not leads_others(job) and _said_again(lines[1:], opening.group(1)))):
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
    if not name and (introduced := _WITH_WHO.search("\n".join(lines[:8]))) and is_name(introduced.group(1)):
        name = introduced.group(1)  # 'Anyway the proper bit, with Ieuan Davies, who has been our second shepherd since …'
    if not name and lines:
        # 'with Dana' or '1:1 Dana' first, then '- Ms. Patel', then a name opening the line; on the second line, after
        # a first that names no one ('Voice memo, transcribed - 17 June' above '… this is about Shauna'), the first only
        leads = (r"\b(?:with|w/|for|re:?|about|notes\s+on)\s+|(?<!\S)(?:1:1|1-1|121|1on1|1 to 1|one[- ]to[- ]one)\s+",
                 r"\bwith\s+(?:the|our|my)\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+", r"[-–—:]\s+", r"^")  # '… with the store manager, Rosa Marchetti'
        for line, lead in [*((lines[0], lead) for lead in leads), *((line, leads[0]) for line in lines[1:2])]:
            for wm in re.finditer("(?:" + lead + r")(" + TITLE + r")?(" + _NAMED + r")", line):
                initials = wm.group(2).isupper() and not team_initials(wm.group(2))
                goes_on = _TITLE_GOES_ON.match(line, wm.end())
                if goes_on and " " not in wm.group(2) and _is_role(f"{wm.group(2)} {goes_on.group(1)}"):
                    continue  # 'Service advisor 月度面谈 – …': a job's first word, not a name
                if _PLACE_AFTER.match(line, wm.end()):
                    continue  # 'Gwynt Uchaf O&M base': a place's name
                if lead == leads[2] and not line[wm.end():].strip() and (opener := re.match(_NAMED, line.lstrip(" #*"))) \
                        and opener.group(0) != wm.group(2) and is_name(opener.group(0)) and is_name(wm.group(2)) \
                        and not _HEADER_WORDS.match(wm.group(2)) and wm.group(2).lower() not in (*WEEKDAYS, *MONTHS):
                    manager = manager or wm.group(2)  # 'Priya – notes for our chat, Wed 18 Feb — Keith': the writer signs
                    continue
                if ((initials or is_name(wm.group(2))) and wm.group(2) not in (manager or "") + (leader[0] if leader else "")
                        and (wm.group(1) or initials or not _HEADER_WORDS.match(wm.group(2))) and not sent_by(lines, wm.group(2))):
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
        zp = re.search(_ZH_EMPLOYEE_FIELD + r"\s*[:：】]\s*([\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8})(?=[\s（(，,｜|]|$)",
                       "\n".join(lines[:8]), re.M) \
            or re.search(rf"({zh_name()})\s*[（(]([^）)\d]{{1,12}})[）)]", lines[0])  # not '周报（9.14-9.18）'
        titled = zp and zp.lastindex == 1 and is_role(zp.group(1)) and _name_after_title().match(zp.string, zp.end())
        if zp and titled:  # '被面谈人：室内设计师 Ada（黄思琪）': the job, then the name (in the other script too)
            name, role = titled["zh"] or titled["zh_only"] or titled["en"], zp.group(1)
        elif zp:
            inner = zp.group(2) if zp.lastindex and zp.lastindex > 1 else None
            name, role = zp.group(1), None if inner and is_name(inner) and not _is_role(inner) else inner  # '赵磊 (Leo)'
    if not name:
        zh = _zh_name(lines[0] if lines else "")
        if zh and not re.search(r"面谈人|面谈经理|经理\s*$", lines[0][: zh.start()] + zh.group(1)):
            role, name = _zh_title(zh.group(1)), zh.group(2)
    zm = re.search(_ZH_MANAGER_FIELD + r"\s*(?:[:：]|为|是)\s*(.+)", header)
    if zm and not manager:
        zh = _zh_name(zm.group(1))
        manager = zh.group(2) if zh else re.split(r"[，,（(|｜]|\s{2,}", zm.group(1))[0].strip()[:20]
    elif not manager and (zm := re.search(_ZH_MANAGER_FIELD + rf"\s*[:：]\s*(?:\S+\s+)?({zh_name()})\s*$", "\n".join(lines[3:8]), re.M)):
        manager = zm.group(1)  # a form's fourth line on ('面谈人：物业主任 王淑芬'): a name, not a speaker's words
    if not manager and unspaced(header):
        manager = leader_zh(lines, name)
    name = name or _dictated(lines) or _met_with(lines)
    if name and not manager and lines:
        manager = _beside_on_line(lines[0], name) or _writer_marked(lines)
    if name and _heads_an_organisation(name, lines[:3]):
        name = None  # 'Hartwell Ground Investigations Ltd': the letterhead, not a person
    if name and not role and (zh := _zh_name(lines[0] if lines else "")) and zh.group(2) == name:
        role = _zh_title(zh.group(1))  # '跟咱们车队货车司机孙国栋聊了一下', the name read first by the name list
    if name and not role:
        role = form_role(lines[:8]) or _subject_role(lines, name) or _job_of(name, header) or _your_review(header)
    return name, role, manager


_YOUR_REVIEW = re.compile(r"\b(?:your|his|her)\s+(?P<job>[a-z][a-z -]{2,40}?)\s+(?:review|appraisal|1:1|check-in|pip)\b", re.I)


def _your_review(header: str) -> str | None:
    """The job of whoever the review is: 'notes for our chat, Wed 18 Feb (your met observer review)'."""
    found = _YOUR_REVIEW.search(header)
    job = found["job"].strip() if found else None
    return job if job and is_role(job) and not _MEETING_WORDS.search(job) and not leads_others(job) else None


# The name after a job in a Chinese form's field: '室内设计师 Ada（黄思琪）', '室内设计师 黄思琪'.
@cache
def _name_after_title() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?:(?P<en>{NAME_WORD})[ \t]*(?:[（(](?P<zh>{zh_name()})[)）])?|(?P<zh_only>{zh_name()}))")


def _met_with(lines: list[str]) -> str | None:
    """The one a form's discussion says the writer met, in its first lines, where nothing above names the employee."""
    found = _MET_WITH.search("\n".join(lines[1:10]))
    return found.group(1) if found and is_name(found.group(1)) and not _HEADER_WORDS.match(found.group(1)) else None


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
    elif is_name(name):
        tokens = name.split()
        out += [t for i, t in enumerate(tokens) if len(t) >= (2 if i == 0 else 3)]
    return tuple(dict.fromkeys(out))
