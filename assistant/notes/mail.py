"""An email's layout: who it is to and from, whom its subject names, whose message is quoted or forwarded
below it, who signs it, and the addressee of a letter."""
from __future__ import annotations

import itertools
import re

from ..lexicon import load, vocab
from ..reader.role import is_role, leads_others, role_like
from ..textutil import NAME_WORD, PARTICLE
from .attendees import is_hr
from .names import (
    COURTESY_TITLE,
    HEADER_WORDS,
    INITIAL,
    MEETING_WORDS,
    SPOKEN_OF,
    TITLE,
    is_name,
    names_someone,
    to_you,
    you_and_them,
)

MAIL_FIELD = re.compile(rf"^\s*(?P<field>from|to|cc)\s*:\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)(?P<rest>.*)$", re.I | re.M)
_SUBJECT_OR_DATE = re.compile(r"^\s*(?:subject|subj|re|fwd?|date|sent|from|cc)\s*:.*$", re.I | re.M)  # an email's own fields
_GREETING = re.compile(rf"^\s*(?:(?:hi|hello|hey|dear|morning|afternoon)\s+)?(?:{COURTESY_TITLE}\s+)?(?P<name>{NAME_WORD})\s*[,，:!–-]",
                       re.I | re.M)  # ('Dear Ms Okonjo,')
# 'Kit, Dom here, as promised …', 'Hi Priya - it's Sam': the one greeted and the one writing.
_GREETED_BY_SENDER = re.compile(rf"""^\s*(?:(?i:hi|hello|hey|dear)\s+)?(?P<to>{NAME_WORD})\s*[,，!–—-]\s*
    (?:(?i:it['’]?s|this\s+is)\s+(?P<sender>{NAME_WORD})\b|(?P<sender_>{NAME_WORD})\s+here\b)""", re.M | re.X)
_GREETED_ALONE = re.compile(rf"^[ \t]*(?:(?i:hi|hello|hey|dear)[ \t]+)?(?P<name>{NAME_WORD})[ \t]*[,，!–—-][ \t]*$", re.M)  # ("Hemi –")
# ... or opening a line of the message: 'hey Emeka, writing up what we said on the call'
_GREETED_IN_LINE = re.compile(rf"^[ \t]*(?i:hi|hello|hey|dear)[ \t]+(?P<name>{NAME_WORD})(?:[ \t]*[(（][^()（）\n]{{1,12}}[)）])?[ \t]*[,，!–—-]",
                              re.M)  # ('Hi Mia (张米娅), 这是今天 debrief 的 summary — Capt. Hugo Marin')
_TALK_WITH = re.compile(rf"\b(?:with|w/|re:?)\s+{NAME_WORD}")  # '… 1:1 with Tom Baker', '1:1 w/ Tom Reyes (driver)'
# A chat app's message heading alone on its line, the lines below it being that person's: 'Priscilla Adeyemi  10:02',
# 'Jun Takeda  4:11 PM' (a Slack or Teams copy).
CHAT_HEADING = re.compile(r"""^\s*(?P<who>[^\W\d][\w.'’-]*(?:\s[^\W\d][\w.'’-]*){0,3})  # one to four words of a name
    (?:\s{2,}\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?|\s\d{1,2}:\d{2}\s?[AaPp][Mm])\s*$  # the time alone after it, set apart
    # by two spaces or with its AM/PM (not a title's 'Jordan Lee 10:30')""", re.X)


def _about_them(text: str) -> bool:
    """`text` speaks more about 'him' or 'her' than to 'you': written about the employee to someone else."""
    you, them = you_and_them(text)
    return them > you


def written_to(lines: list[str]) -> tuple[str, str | None] | None:
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
    mail = list(MAIL_FIELD.finditer(head))
    fields = {m.group("field").lower(): m for m in mail
              if not re.match(r"[\w.+-]*@", m.group("rest"))}  # an address alone names no one: 'To: driver147@northfleet…'
    to = fields["to"].group("name") if "to" in fields else None
    to_hr = any(is_hr(m.group(0)) for m in mail if m.group("field").lower() == "to")  # 'To: hr.team@…'
    # a chat message's writer, on its heading above the greeting: 'Ingrid Svensson  4:12 PM' over 'hey Emeka, writing up …'
    chat = next((c for line in lines[:3] if (c := CHAT_HEADING.match(line)) and is_name(c["who"])), None)
    opening = "\n".join(line for line in lines[:4] if not (chat and CHAT_HEADING.match(line)))  # (without the writer's heading)
    # a greeting opening a chat's message, or the notes themselves where they do not say the talk was with someone else
    # ('Hi Mia (张米娅), 这是今天 debrief 的 summary — Capt. Hugo Marin', not 'Hey Sam - 1:1 with Tom Baker today')
    in_line = _GREETED_IN_LINE.search(opening) if chat else _GREETED_IN_LINE.match(opening)
    in_line = None if in_line and not chat and _TALK_WITH.search(opening) else in_line
    greeting = _GREETED_ALONE.search(opening) or in_line
    if ("to" not in fields and not to_hr and greeting and is_name(greeting.group("name"))
            and not names_someone(_SUBJECT_OR_DATE.sub("", opening[:greeting.start()]))  # not 'Tom Baker - picker' above 'Hi Karen,'
            and to_you("\n".join([opening[greeting.end():], *lines[4:10]]))):
        sender = fields["from"].group("name") if "from" in fields and is_name(fields["from"].group("name")) else None
        return greeting.group("name"), sender or (chat["who"] if chat else None)  # 'Morag,' on a line of its own, then
        # 'you moved…': written to the employee
    if not to or not is_name(to) or is_hr(re.split(r";|\bcc\s*:", fields["to"].group(0), flags=re.I)[0]):  # (HR in copy)
        return None
    greeted = [m.group("name") for m in _GREETING.finditer(head) if is_name(m.group("name"))]  # not 'Hi,' alone
    body = "\n".join(line for line in lines[:14] if not MAIL_FIELD.match(line))
    unnamed = not greeted and to_you(body) and not SPOKEN_OF.search(body)  # 'Hi,' and then 'you own a P1…': to the one it
    # is sent to (not 'a quick update for you … Liam was late, he says …')
    if (to.split()[0] not in greeted and not unnamed) or (_about_them("\n".join(lines[:12])) and (
            _subject_names_another(head, to) or _met_another("\n".join(lines[4:12]), to))):
        return None  # (a recap to a colleague greets them too, and speaks about 'him', whom its subject or its opening
        # names: 'here is a note of the meeting I held this morning with Ravinder Sandhu, deputy registrar')
    sender = fields["from"].group("name") if "from" in fields else None
    return to, sender if sender and is_name(sender) else None


def _a_place_below(lines: list[str], name: str) -> bool:
    """The notes below the subject write `name` as a place ('I met my dispenser at Harrow this morning') and never as
    someone who says or does something ('Harrow said …', "Harrow's returns")."""
    body = "\n".join(line for line in lines if not _SUBJECT.match(line))
    said = [body[max(0, m.start() - 8):m.end() + 8] for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", body)]
    return any(re.search(rf"\b(?:at|in|near)\s+{re.escape(name)}", x) for x in said) and not any(
        re.search(rf"{re.escape(name)}(?:['’]s\b|\s+(?:says|said|told|will|was|is|has|had|did)\b)", x) for x in said)


def _met_another(body: str, to: str) -> bool:
    """The body says the talk was with someone other than `to`: '… the meeting I held this morning with Ravinder Sandhu'."""
    met = (m.group(0).split(None, 1)[1] for m in _TALK_WITH.finditer(body))
    return any(is_name(who) and who not in to for who in met)


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
_COPIED = re.compile(r"\b(?:(?:copied|copying|cc['’]?d|cc-?ed|cc['’]?ing|(?:put|added))\s+(?:him|her|them)\b|(?:copied|cc['’]?d)\s+to\s+(?:him|her|them)\b)",
                     re.I)  # ('… copied to him so we both have the same record')


def copied_in(lines: list[str]) -> tuple[str, str | None] | None:
    """An email sent to HR with the employee in copy: 'From: Imogen Tate / To: Farid Osman (HR) / Cc: Callum Birch'
    over '… I've copied him in': the one in copy is the employee, the sender the manager."""
    head = "\n".join(lines[:8])
    cc = next((m for m in MAIL_FIELD.finditer(head) if m["field"].lower() == "cc"), None)
    if cc is None or not is_name(cc["name"]) or is_hr(cc.group(0)) or not _COPIED.search("\n".join(lines[:20])):
        return None
    sender = _sender(lines[:6])
    return cc["name"], sender if sender and is_name(sender) else None


_SUBJECT = re.compile(r"^\s*(?:subject|subj|re|主题)\s*[:：]\s*(?:(?:re|fwd?|aw|回复|转发)\s*[:：]\s*)*(?P<value>.+)$", re.I | re.M)
_SUBJECT_NAME = re.compile(rf"(?:{TITLE})?(?P<name>{INITIAL}{NAME_WORD}(?:[ \t](?:{NAME_WORD}|[A-Z]\.))?)(?![\w.])")  # ('Tomasz W.')


def named_in_subject(lines: list[str]) -> tuple[str, str | None] | None:
    """An email whose subject names the one it is about ('Subject: Q2 review – Ms. Zhou Min（周敏）', 'Subject: Notes
    from Thursday's review (Marisol Vega)'): they are the employee and its sender ('From:') the manager; the first
    such name, set apart at the subject's end or said again in the notes. Not a job title, a place, the one who signs
    the email, nor anyone where the email greets someone by name and speaks to 'you' (then `written_to` decides)."""
    subject = _SUBJECT.search("\n".join(lines[:6]))
    if subject is None:
        return None
    sender = _sender(lines[:6])
    sender = sender if sender and is_name(sender) else None
    if to_you("\n".join(lines[:12])) and any(is_name(g.group("name")) for g in _GREETING.finditer("\n".join(lines[:8]))):
        return None  # 'Hi Priya, … you …' under 'Subject: Hartley account review': the one greeted (`written_to`)
    value = subject.group("value")
    named = []  # (a name, whether it is set apart at the subject's end, whether its job follows it)
    for m in _SUBJECT_NAME.finditer(value):
        name, bracketed = m.group("name"), _bracketed(value, m)
        jobbed = " " in name and _job_after(value, name)  # 'Review – Nadia Rahimi, turnstile technician – 07/12/26 (Owen Trask)'
        if (is_name(name) and not HEADER_WORDS.match(name) and not (sender and (name in sender or sender in name))
                and not re.search(r"\b(?:at|in|from|to|for)\s*$", value[:m.start()], re.I)  # a place
                and not _job_ahead(value[m.start():]) and not _signs(lines, name)
                and (bracketed or named_again(lines, name) or jobbed)
                and not _NAMES_A_THING.match(value, m.end()) and not _a_place_below(lines, name)):
            named.append((name, bracketed, jobbed))
    if not named:
        return None
    first = next((n for n, _, jobbed in named if jobbed), None) or min(named, key=lambda n: not n[1])[0]  # the first with
    # their job, else a bracketed one, else the first
    fuller = re.search(rf"(?<!\w){re.escape(first)}[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}(?!\w)", "\n".join(lines))  # 'Sami' -> 'Sami Haddad'
    return (fuller.group(0) if fuller and " " not in first and is_name(fuller.group(0)) else first), sender


# A capitalised word that names a thing, a place or a client before the noun it qualifies ('Complaint – Brookfield pour
# 3 March', 'Hartley account'), not a meeting ('Dana review') nor an apostrophe ('Dana's review').
_NAMES_A_THING = re.compile(r"[ \t]+(?!(?:1:1|review|catch-?up|check-?in|chat|notes?|meeting|follow-?up|appraisal|pip|recap|and|or|re|w)\b)[a-z][a-z-]+\b")


def subject_role(lines: list[str], name: str) -> str | None:
    """The job an email's subject gives beside the employee's name: 'Subject: PIP prep - Brendan Keogh (site hand, oyster
    beds)', 'Subject: 1:1 follow-up - Declan Moraes - blade repair, crew B'."""
    subject = _SUBJECT.search("\n".join(lines[:6]))
    beside = subject and re.search(rf"{re.escape(name)}\s*(?:[(（](?P<bracketed>[^)）,，;]+)|[-–—|]\s*(?P<field>.+?)(?=\s[-–—]\s|\s*[|(（,，;；]|\s*$))",
                                   subject.group("value"))
    job = beside and (beside["bracketed"] or beside["field"]).strip()
    if not job and subject and name.split()[0] not in subject.group("value"):  # no name in it: the field after the meeting's
        after = re.search(rf"{MEETING_WORDS.pattern}[^-–—|\n]{{0,20}}\s[-–—|]\s*(?P<field>[^,，|;(（\n]+)", subject.group("value"), re.I)
        job = after and after["field"].strip()  # 'Subject: Seat review follow-up - trainee solicitor, residential property seat'
        job = job if job and is_role(job) and not leads_others(job) else None
    return job if job and (is_role(job) or (role_like(job) and not _NOT_A_JOB.search(job))) and not is_name(job) \
        and not MEETING_WORDS.search(job) else None


# Words of a subject's phrase that is about the letter, not a job: 'copy for his line manager', 'second warning'.
_NOT_A_JOB = re.compile(r"\b(?:for|his|her|their|the|a|an|of|to|copy|warning|written|final|second|first|notice|letter|hearing"
                        r"|outcome|draft|confidential)\b", re.I)


def _sender(lines: list[str]) -> str | None:
    """The name on an email's 'From:' line among `lines` (the last, if several)."""
    return next((m.group("name") for m in reversed(list(MAIL_FIELD.finditer("\n".join(lines))))
                 if m.group("field").lower() == "from"), None)


def sent_by(lines: list[str], name: str) -> bool:
    """'From: Dan Whitfield' at the top: the one who wrote the email, the manager (a message the employee sent is quoted
    or forwarded below, and read by `replying_to`)."""
    sender = _sender(lines[:4])
    return sender is not None and sender.split()[0] == name.split()[0]


_SIGN_OFF_WORDS = r"thanks|cheers|best|regards|kind regards|br|thank you|ta"  # what a message closes with before the name
_SIGN_OFF = re.compile(rf"\W*(?:(?:{_SIGN_OFF_WORDS})\W+)?(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)\W*", re.I)
_SIGN_OFF_LINE = re.compile(rf"\W*(?i:{_SIGN_OFF_WORDS}|best wishes|many thanks|warm regards|all the best|yours|sincerely"
                            rf"|yours sincerely|with thanks)\W*$")
# What closes a message below its signature: a disclaimer, a phone number, a web or mail address.
_BELOW_SIGNATURE = re.compile(r"(?i)confidential|disclaimer|intended\s+(?:solely\s+)?for|^\W*(?:tel|mob|phone|t|m)\b|\d{4,}|www\.|@")


def signature(lines: list[str]) -> tuple[str, str | None] | None:
    """The one who signs the notes at their foot and the job their signature gives: 'Cheers,' over 'Annelise' and
    'Annelise Marchetti' over 'Senior Partner | Lowfield Equine Practice' -> ('Annelise Marchetti', 'Senior Partner').
    Past a disclaimer or contact lines below it; None where no sign-off word opens the signature."""
    words = [line.strip() for line in lines if line.strip()]
    end = len(words)
    while end > 0 and _BELOW_SIGNATURE.search(words[end - 1]) and not is_name(words[end - 1]):
        end -= 1
    for at in range(max(0, end - 5), end):
        if not _SIGN_OFF_LINE.fullmatch(words[at]):
            continue
        names = [w for w in words[at + 1:end] if is_name(w)]
        if not names:
            return None
        last = max(i for i in range(at + 1, end) if words[i] in names)
        job_line = words[last + 1] if last + 1 < len(words) else ""  # (its first part: '… | 01491 555 204' may follow)
        job = re.split(r"\s*[|,，·–—]\s*", job_line)[0].strip()
        return max(names, key=len), job if job and not _BELOW_SIGNATURE.search(job) else None
    return None


def signed_as(lines: list[str], role: str) -> str | None:
    """The one who signs a message with the employee's role, above it, where nothing else names the employee: 'Br,
    Tomasz' over '2nd Engineer' in their own mail forwarded below a recap of the appraisal 'with our 2nd Engineer'; in
    full where a 'From:' line gives the whole name."""
    for above, line in itertools.pairwise(lines):
        sign = _SIGN_OFF.fullmatch(above)
        if line.strip(" .,").lower() != role.lower() or not sign or not is_name(sign["name"]):
            continue
        first = sign["name"].split()[0]
        full = next((m["name"] for m in MAIL_FIELD.finditer("\n".join(lines))
                     if m["field"].lower() == "from" and m["name"].split()[0] == first and " " in m["name"]), None)
        return full or sign["name"]
    return None


# The notes saying the employee's own words follow them: 'his own comments are underneath', 'her reply is below'.
_THEIRS_BELOW = re.compile(r"""\b(?:his|her|their)\s+(?:own\s+)?(?:comments?|reply|response|e?-?mail|message|words|views?)
    \s+(?:is\s+|are\s+)?(?:underneath|below|beneath|further\s+down|at\s+the\s+bottom)\b""", re.I | re.X)
_SIGN_OFF_WORD = re.compile(rf"\W*(?:{_SIGN_OFF_WORDS}|many thanks)\W*$", re.I)  # on a line of its own, above the name


def signed_below(lines: list[str]) -> str | None:
    """The one who signs the message at the notes' foot where the notes say the employee's own words are below them
    ('… his own comments are underneath' over a reply signed 'Regards, / Desmond Achterberg')."""
    said = next((i for i, line in enumerate(lines) if _THEIRS_BELOW.search(line)), None)
    if said is None:
        return None
    words = [line for line in lines[said + 1:] if line.strip()]
    last, before = (words[-1], words[-2]) if len(words) >= 2 else ("", "")
    sign = _SIGN_OFF.fullmatch(last)
    signed = sign is not None and is_name(sign["name"]) and (sign["name"] != last.strip() or _SIGN_OFF_WORD.fullmatch(before))
    return sign["name"] if sign and signed else None


def sent_to_hr(lines: list[str], name: str) -> bool:
    """'To: Fiona Brennan (HR Business Partner)': the one an email goes to is in HR, no side of the interview."""
    first = re.escape(name.split()[0])
    return any(re.match(r"\s*(?:to|cc)\s*:", line, re.I) and re.search(rf"\b{first}\b", line) and is_hr(line)
               for line in lines[:6])


def _job_after(value: str, name: str) -> bool:
    """`name` is followed in the subject by their job: 'Nadia Rahimi, turnstile technician'."""
    after = re.search(rf"(?<!\w){re.escape(name)}[ \t]*[,，][ \t]*([^,，()（）\n–—|-]{{2,40}}?)[ \t]*(?:[,，()（）–—|-]|$)", value)
    return after is not None and is_role(after[1].strip())


def _job_ahead(text: str) -> bool:
    """'Night auditor review', 'Mobile Locksmith review': the capitals open a job title, not a name."""
    words = text.split()
    return any(is_role(" ".join(words[:n])) for n in (1, 2, 3))


def _bracketed(value: str, m: re.Match[str]) -> bool:
    """A name set apart at the subject's end ('… review (Marisol Vega)', '1:1 write-up – Nikhil Rao'), or as a field of its
    own between dashes, with its job in brackets after it ('1:1 recap - Tomasz W. (fencing gang 2 lead) - 29 June')."""
    return bool(re.search(r"[(（\-–—:|]\s*$", value[:m.start()])) and (
        not value[m.end():].strip(" )）.") or bool(_FIELD_AFTER.match(value, m.end())))


_FIELD_AFTER = re.compile(r"[ \t]*[(（][^()（）]{2,40}[)）][ \t]+[-–—|]")  # a bracket after the name, then the next field


def named_again(lines: list[str], name: str) -> bool:
    """The subject's name comes up in the notes too, beyond a subject line, and not as a sentence's first word
    ('Callouts at Marlow House' above 'Callouts went up again.') unless it is a full name's given name."""
    rest = "\n".join(line for line in lines if not _SUBJECT.match(line))
    full = " " in name.strip() and is_name(name.split()[0])  # 'Ingrid Solberg', then 'Ingrid missed 6 of 10 deadlines.'
    if full and re.search(rf"(?<!\w){TITLE}{re.escape(name.split()[-1])}(?!\w)", rest):
        return True  # or by title and surname: 'Ms Solberg said …'
    for m in re.finditer(rf"(?<![\w'’]){re.escape(name.split()[0])}(?!\w)", rest):
        before = rest[:m.start()].rsplit("\n", 1)[-1].rstrip()
        if full or (before and (not before.endswith((".", "!", "?", ":")) or re.search(TITLE + "$", before + " "))):
            return True
        if vocab("cause", "speech", "en").match(rest, m.end() + 1):
            return True  # first in its sentence, but someone who speaks: 'Tobias says the probe reads 99%'
    return False


def _signs(lines: list[str], name: str) -> bool:
    """The one the subject names signs the email: 'Thanks, Dan' or 'Kevin Li | Sales Manager' among its last lines."""
    first = re.escape(name.split()[0])  # (or a surname alone after the given name: 'Dr Alex Adeyemi | Core Manager')
    return any(re.match(rf"[^\w>]*(?:(?:thanks|cheers|best|regards|thank you)\W+)?(?:{TITLE})?(?:(?-i:{NAME_WORD})[ \t]+)?{first}\b(?!['’])", line, re.I)
               and (len(line) <= 30 or "|" in line) and not _DIVIDER.search(line) for line in lines[-6:])
    # (not 'Priya will send the forecast', '> Jason', nor a divider over a reply: '----- Mr. Ortiz 的回复 -----')


_DIVIDER = re.compile(r"-{3,}|={3,}|_{3,}|回复|(?i:\breply\b|\bwrote\b|original message|forwarded)")


# A reply with the message it answers quoted below: '> From: Dom Kaczmarek', '> Hi Hayley, can you send over …'.
_QUOTED_FROM = re.compile(rf"^[ \t]*>[ \t]*from\s*:\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)", re.I | re.M)
_REPLY_SUBJECT = re.compile(r"^\s*subject\s*:\s*re\s*:", re.I | re.M)


def replying_to(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """A reply written to 'you' over the employee's own message, quoted: the quoted sender is the employee, the one
    they greet (who signs the reply) the manager, and the job after their name in their sign-off their role
    ('Cheers, Dom Kaczmarek, Mobile Locksmith'). Not a message forwarded from someone else."""
    text = "\n".join(lines)
    if not _REPLY_SUBJECT.search("\n".join(lines[:3])) or any(m["field"].lower() == "to" for m in MAIL_FIELD.finditer("\n".join(lines[:3]))):
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


# The writer's words that what they forward is the employee's own: 'his email underneath', 'her reply below' (not where
# the line names someone else: 'the customer's complaint below, and her reply').
_THEIR_MAIL = re.compile(r"\b(?:his|her|their)\s+(?:e-?mail|reply|response|answer|mail|message)\b", re.I)
_SOMEONE_ELSES = re.compile(r"\b(?:customer|client|supplier|vendor|rep|contractor|landlord|tenant|patient|guest|agency|candidate)s?\b", re.I)
# A message forwarded into the notes: '---------- Forwarded message ----------', '-----Original Message-----', 'Begin
# forwarded message:', then the 'From:' line naming who wrote it ('From: Tomasz Wrona <2e.hollinbay@…>').
FORWARDED = re.compile(r"^\W*(?:-+\s*)?(?:forwarded\s+message|original\s+message|begin\s+forwarded\s+message)\b", re.I)


def reply_forwarded(lines: list[str]) -> tuple[str, str | None] | None:
    """The sender of a mail forwarded below a recap that calls it the employee's ('Notes from the review below, and his
    email underneath'), and the role their signature gives ('Olly Featherstone | Yacht Broker | Solent Yacht Brokers')."""
    mark = next((i for i, line in enumerate(lines) if FORWARDED.match(line)), None)
    if mark is None:
        return None
    said = next((line for line in lines[:mark] if _THEIR_MAIL.search(line)), None)
    if said is None or _SOMEONE_ELSES.search(said):
        return None
    sender = next((m for line in lines[mark + 1:mark + 4] if (m := MAIL_FIELD.match(line)) and m["field"].lower() == "from"), None)
    if sender is None or " " not in sender["name"] or not is_name(sender["name"]):
        return None
    signed = next((line for line in lines[mark + 4:] if line.strip().startswith(sender["name"])), "")
    job = re.split(r"\s*[|,–—]\s*", signed.strip()[len(sender["name"]):].strip(" |,–—-"))[0] if signed else ""
    if job and leads_others(job):
        return None  # a manager's mail forwarded, not the employee's
    return sender["name"], job if job and is_role(job) else None


# A letter's addressee block: 'Mr Luka Petrović' on a line of its own (a job title on the next), whom 'Dear Luka,' greets.
_ADDRESSEE = re.compile(rf"^\s*{COURTESY_TITLE}[ \t]+(?P<name>(?:[A-Z]\.[ \t]?)?{NAME_WORD}(?:[ \t]{NAME_WORD}){{0,2}})\s*$")  # ('Ms C. Okonjo')


def addressee(lines: list[str]) -> tuple[str, str | None] | None:
    """The one a formal letter is addressed to, and the job under their name, where its greeting names them; or, in a
    letter written to 'you' with no address, the one its opening greeting names by title and surname ('Dear Ms
    Okonkwo-Baptiste,')."""
    for i, line in enumerate(lines[:10]):
        if (m := _ADDRESSEE.match(line)) and is_name(m["name"]):
            words = m["name"].split()
            greeted = any(g["name"] in (words[0], words[-1]) for g in _GREETING.finditer("\n".join(lines[i + 1:i + 8])))
            job = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if greeted:
                return m["name"], job if is_role(job) and not is_name(job) else None
    titled = next((m for line in lines[:4] if (m := _TITLED_GREETING.match(line))), None)
    return (f"{titled['title']} {titled['name']}", None) if titled and to_you("\n".join(lines)) else None


_TITLED_GREETING = re.compile(rf"^\s*(?i:dear)\s+(?P<title>(?i:mr|mrs|ms|miss|mx|dr))\.?\s+(?P<name>{NAME_WORD})\s*[,，:]\s*$")
