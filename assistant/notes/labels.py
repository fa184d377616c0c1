"""Labels and headings: what a line's label ('Targets by June 30:', 'Agreed actions', '原因：', 'Li:') or a
heading says the sentences under it are, or who speaks them, and the date a heading sets for its lines."""
from __future__ import annotations

import collections
import datetime as dt
import re
from collections.abc import Iterator

from .. import grid, reader
from ..dates import find_dates
from ..language import sentence_language, unspaced
from ..lexicon import area_name, load, terms, vocab_terms, zh_name
from ..quantities import find_quantities
from ..reader.role import is_role, leads_others
from ..textutil import FILLER_LEAD, NAME_WORD, PARTICLE
from .forms import field_words
from .mail import CHAT_HEADING
from .names import HEADER_WORDS, SPOKEN_OF_ANY, is_name
from .parties import _PartyFinder

# A line's label: 'Targets:', 'Me:', '我：', and a speaker with a time stamp after the name, with or without a
# colon ('王秀梅 10:31：…', '刘健 00:00:12 听得到吗', 'Dana [14:02]: …', an export's 'Speaker 2 01:14 …').
_STAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[apAP][mM])?[\])]?"
_LABEL = re.compile(rf"""^\s*(?:{_STAMP}\s+(?=[^\W\d]))?(?:  # a transcript's time first: '[00:00:03] Fiona Gallacher:'
      (?P<speaker>[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|\d{{1,2}}(?=\s+[\[(]?\d)))?(?:\s(?!周|星期|礼拜|[今明昨]天|[上下中]午|晚上|早上|每[天日周晚早月])[\u4e00-\u9fff·]{{1,6}})?|[\u4e00-\u9fff·]{{1,6}})  # 'Capt. Lau 刘船长'
        (?:\s*[(（][^()（）\n]{{1,20}}[)）])?\s+(?P<stamp>{_STAMP})(?=\s|[:：]|$)\s*[:：]?  # a speaker, '阿明 (engineer) 21:12:'
    | (?P<label>[^:：\n]{{1,80}}?)\s*[:：]
    | (?P<arrowed>[A-Za-z][A-Za-z ]{{1,24}}?)\s*(?:->|=>|→)(?=\s)  # shorthand: 'agreed -> T drops the yard job'
    | (?P<dashed>[A-Za-z][A-Za-z0-9 ]{{1,24}}?\s*[(（](?P<whose>[^()（）\n]{{1,20}})[)）])\s+[-–—](?=\s+\S)  # 'Action 3 (Manager) - …'
    | [【\[](?P<bracketed>[^】\]\n]{{2,40}})[】\]](?=[ \t]*\S) )\s*  # in brackets before its words: '【Targets - by 3/31】…'
    """, re.X)


def label_match(text: str) -> re.Match[str] | None:
    """`_LABEL`'s match at the start of `text`; a label before an arrow or in brackets only where it names what follows
    ('agreed ->', 'target ->', 'Action 3 (manager) -', '【Targets】'), not who ('me -> order the phone' stays whole: the
    rules read its owner from the words)."""
    m = _LABEL.match(text)
    shorthand = m and (m.group("arrowed") or m.group("dashed") or m.group("bracketed"))
    kind = _label_kind(shorthand) if shorthand else None
    if shorthand and kind not in reader.CONTENT_LABELS:
        return None  # (nor a bracket that says something else: '[laughs]', '[inaudible] yes')
    if m and m.group("dashed") and (kind not in ("action", "target") or _label_kind(m.group("whose")) in reader.CONTENT_LABELS
                                    or _REPEATED.fullmatch(f"({m.group('whose')})")):
        return None  # a heading's words before a dash ('Performance feedback - Tomás Ferreira'), or a bracket that says
        # something else than whose it is ('Actions (agreed) - …')
    return m


def label_text(m: re.Match[str]) -> str:
    """The label a `_LABEL` match found: the speaker's name, or the words before the colon (without the Markdown marks
    that make it bold: '**Target**:')."""
    text = m.group("speaker") or m.group("label") or m.group("arrowed") or m.group("dashed") or m.group("bracketed")
    return text.strip("*_") if text else text


_LABEL_QUALIFIER = re.compile(r"^\s*(?:[-–—]\s*)?(?:(?:by|b4|for|in|until|till|from|after|before|over|during)\b|\(|（|\d)", re.I)  # not 'in' of 'interview'


def _kind_words(kind: str) -> tuple[str, ...]:
    """The words of every language that label `kind`; for tasks, also those that say whose they are ('What I'll do')."""
    labels = load("vocabulary")["labels"]
    whose = (*labels.get("writer_actions", ()), *labels.get("employee_actions", ())) if kind == "action" else ()
    return (*labels[kind], *whose)


def _openings(words: str) -> Iterator[tuple[str, str]]:
    """(kind, the words after it) for each kind of content whose label word opens `words` ('targets', 'agreed')."""
    for kind in reader.CONTENT_LABELS:
        m = terms(_kind_words(kind)).match(words)
        if m:
            yield kind, words[m.end():]


# What a label ending on 'target' says of it other than what it is: 'Previous target', 'Gap to target', 'Career goals'.
_NOT_AN_AIM = re.compile(r"""\b(?:not|no|previous|last|old|original|prior|current|gap|shortfall|off|hit|on|to|status|progress
    |review|career|personal|development|meeting|purpose|missed|miss|below|under|behind|failed|short|against|vs|of|and|met
    |month's|week's|year's|new)\b""", re.X)
_GLOSS_ZH = re.compile(r"(?<=[a-z])\s+[\u4e00-\u9fff]{1,6}$")


def _content_label(words: str) -> str | None:
    """'target', 'action'… when a label opens with a content word ('Targets by June 30', 'Agreed actions')."""
    words = _GLOSS_ZH.sub("", words)  # 'Action plan 行动': an English label glossed in Chinese
    for kind, rest in _openings(words):
        if not rest.strip() or _LABEL_QUALIFIER.match(rest) or (len(words.split()) <= 2 and not _MEETING.search(rest)):
            return kind  # but 'Performance interview' names the meeting
    return None


_EVENT = re.compile(r"\b(?:review|audit|inspection|launch|sprint|visit|go-live|handover)\b|评审|审核|内审|验收|上线|检查|复盘", re.I)
_DEADLINE_WORDS = re.compile(r"\b(?:by|before|until|till|no later than|due)\b|之?前|以前|为止|截止|[\s()（）,，]", re.I)


def _only_a_deadline(label: str) -> bool:
    """A label that says nothing but when: 'By 15 October', '下月中（10/15）前', '6月底前', or when by an event it dates
    ('9 月 sprint review（9/24）前', 'Before the audit (12 March)')."""
    found = find_dates(label, dt.date(2026, 1, 1))
    if not any(d.role == "deadline" for d in found):  # not a period alone: "Jan-Apr:"
        return False
    rest = label
    for d in sorted(found, key=lambda d: d.start, reverse=True):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = _DEADLINE_WORDS.sub(" ", rest)
    words = re.findall(r"[A-Za-z][\w'-]*|[\u4e00-\u9fff]{1,2}", rest)
    return not words or (len(words) <= 3 and bool(_EVENT.search(rest)))  # (not 'Fix scanner by 30/09:', a task)


_ARROW_LEAD = re.compile(r"^\s*(?P<lead>[^→\n]{1,30}?)\s*(?:→|->|=>)\s*\S")


def deadline_arrow(content: str) -> bool:
    """A line that opens with only a deadline and an arrow to what is due by then: '两周内 → log 签名 100%'."""
    m = _ARROW_LEAD.match(content)
    return bool(m and _only_a_deadline(m.group("lead")))


_MEETING = re.compile(r"\b(?:interview|review|meeting|notes|conversation|1:1|one-to-one)\b|面谈|谈话|会议记录")
_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|isn't|aren't|wasn't|weren't)\b")  # a sentence, no label
# What a meeting's label lists when it lists what was raised: 'Points from today's review:', '今天 review 的 points 跟你 recap
# 一下：' (the lines below are the findings, read by their own words; not the meeting's details).
_RAISED = re.compile(r"\b(?:points|issues|concerns|findings|recap|things\s+(?:we|i)\s+(?:covered|discussed|raised))\b|要点|几点|问题")


def mark_kind(bullet: str) -> str | None:
    """The kind a mark opening a line says it is ('🎯' a target, '🟢' a strength), from `marks.toml`."""
    mark = bullet.strip().rstrip("\ufe0f")
    return next((kind for kind, marks in load("marks")["labels"].items() if mark in marks), None)


def heading_kind(label: str) -> str | None:
    """What a heading line alone says the lines below it are: a label's kind, or the employee's account."""
    kind, words = _label_kind(label), label.strip().lower()
    if kind == "meta" and re.fullmatch(r"(?:targets?|goals?|objectives?)\s+(?:and|&)\s+(?:the\s+)?(?:next\s+)?review", words):
        kind = "target"  # 'Targets and review': the targets first, then the review's date
    account = _account_words()
    found = account.search(words) if unspaced(words) else None
    if kind is None and (account.fullmatch(words) or (found and found.end() == len(words) and found.start() <= 2)):
        return "employee_person"  # '员工本人意见' too, not '经理回应员工意见'
    return kind


_REPEATED = re.compile(r"\s*(?:[(（](?:\d{1,2}|cont(?:inued|['’]?d|\.)?)[)）]|\#\d{1,2})$", re.I)  # a label's second line of a form: 'Issues observed (2)', 'Employee comments (cont.)'
# A form's section label that names whose its lines are: 'Agreed actions - reviewer:', 'Actions – employee:'.
WHOSE_SECTION = re.compile(r"(?:\s+[-–—]\s+|\s*[(（]\s*)(?P<whose>reviewer|manager|line manager|mgr|employee|staff member|other|others"
                           r"|company|经理|主管|员工|公司)\s*[)）]?\s*$", re.I)  # 'Agreed actions - reviewer', 'Action 3 (manager)', '行动（员工）'


_GLOSS = re.compile(r"(?P<outer>[^()（）]+?)\s*[(（](?P<inner>[^()（）]+)[)）]")  # a heading glossed in brackets
_PLAN_LETTER = re.compile(r"[pw]")  # the letter of a note scheme's plan: P of SOAP notes, W of GROW
_ASKING = re.compile(r"(?:the\s+)?(?:why|what|how|so what|what happened|what we found)\??", re.I)


# A meeting's label over what was said in it, not about the meeting: '谈话内容：', '面谈要点：'.
_WHAT_WAS_SAID = re.compile(r"(?:内容|要点|经过)$")


def _meta_words() -> re.Pattern[str]:
    """The labels of the meeting's details: a form's fields and the list of those present ('Date:', 'Present:', '参会人：')."""
    labels = load("vocabulary")["labels"]
    return terms((*labels["meta"], *labels.get("attendees", ())))


def _account_words() -> re.Pattern[str]:
    """The labels of the employee's own words: 'Employee comments', '本人说明'."""
    return terms(tuple(load("vocabulary")["labels"].get("account_heading", ())))


def lists_fields(label: str) -> bool:
    """A label of the meeting's details whose values may sit on the lines below it ('Attendees:', 'Rating key:'), not
    one that only names the notes ('Notes:', 'Description (notes added after the call):'), whose lines are the notes."""
    listed = _meta_words().fullmatch(label.strip().lower()) is not None
    return listed or _DETAILS.search(label) is not None  # (or 'Meeting details:', '面谈信息：')


_DETAILS = re.compile(r"\b(?:details|information|info|particulars)\b|信息|资料|基本情况", re.I)


def _label_kind(label: str) -> str | None:
    words = _SECTION.sub("", label.strip().lower())  # 'SECTION D – TARGETS (by 30/09):' labels targets
    words = WHOSE_SECTION.sub("", _REPEATED.sub("", words))  # 'Issues observed (2):' labels what 'Issues observed:' does
    gloss = _GLOSS.fullmatch(words)
    glossed = _content_label(gloss["inner"]) if gloss else None
    if gloss and glossed and (_ASKING.fullmatch(gloss["outer"]) or (_PLAN_LETTER.fullmatch(gloss["outer"]) and glossed == "action")):
        return glossed  # 'WHY (findings)': under a question word, the words in brackets say what the lines below are; so
        # does 'P (plan)' of SOAP notes, or 'W (way forward)' of GROW (not 'O (objective)', 'R (reality)': what was seen)
    opening = _content_label(words)
    if opening:
        return opening  # 'Goal for the next six weeks (review 2 June):' sets a goal, whatever else it names
    if re.fullmatch(r"[a-z][\w-]*(?:\s[a-z][\w-]*)?\s(?:target|goal)", words) and not _NOT_AN_AIM.search(words):
        return "target"  # 'Backlog target:', 'Return rate goal:': the aim for what it names
    if _only_a_deadline(label):
        return "target"  # '下月中（10/15）前：', 'By 15 October:': what is to be reached by then
    if _MEETING.search(words) and not _CLAUSE.search(words) and not _RAISED.search(words) and not _WHAT_WAS_SAID.search(words):
        return "meta"  # 'Performance interview: ...' introduces the meeting, not a problem ('Ticket notes are late:' does not)
    if unspaced(words) and len(words) <= 6:  # a short label in a language without spaces: a label word anywhere in it
        labels = load("vocabulary", sentence_language(words)).get("labels", {})
        for kind in reader.CONTENT_LABELS:
            if any(w in words for w in labels.get(kind, ())):
                return kind
    labels = load("vocabulary")["labels"]
    if _meta_words().fullmatch(words):  # ('Present:', '参会人：' list those at the meeting)
        return "meta"
    if terms(tuple(labels.get("account", ()))).fullmatch(words):
        return "employee_person"
    if words in ("q", "问"):
        return "manager_person"  # 'Q: The sign-in sheets are missing for five shifts.': the one asking holds the interview
    if words == "question":
        return "question"
    return None


_QUESTION = re.compile(r"""^\s*(?:(?:\d{1,2}|[QqＱ]\d{0,2})\s*[.)、:：．-]?\s*)?  # its number: '3.', 'Q2:', '4、'
    (?P<words>[^?？:：\n]{1,60}?)\s*(?P<mark>[?？])?\s*$""", re.VERBOSE)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[QqＱ]\d{0,2})\s*[.)、．]")


_FORM_Q = re.compile(r"^\s*(?:[QqＱ]|问)\s*[:：]")


def asks(line: str, *, q_tag: bool = False) -> tuple[bool, str | None]:
    """Whether a line is a numbered question a form or an agenda asks ('3. What went wrong?', '6. 目标？', a form's 'Q6.
    Measures of success' with no question mark; with `q_tag`, a form's 'Q: Strengths?' too), and what its answers below are (a label kind, 'employee_person' for the employee's
    side, None for 'other' or unknown). A numbered 'Other' / '其他' ends the questions before it."""
    if q_tag and _FORM_Q.match(line):
        line = _FORM_Q.sub("Q.", line, count=1)
    m = _QUESTION.match(line)
    if not m or not _NUMBERED.match(line) or re.search(r"\d", m.group("words")):
        return False, None  # '1. Late drops 14 times in April - why?' is a finding with a question, not a form's
    words = m.group("words").strip().lower()
    for kind, patterns in load("vocabulary").get("questions", {}).items():
        if kind == "answer":
            continue  # the answers' labels, not a kind of question
        found = terms(tuple(patterns)).search(words)
        q_numbered = re.match(r"\s*[QqＱ]\d", line) is not None and len(words.split()) <= 6  # 'Q6. Measures of success'
        if found and (m.group("mark") or (kind == "other" and found.group() == words) or q_numbered):
            return True, None if kind == "other" else kind
    return bool(m.group("mark")), None


def form_questions(lines: list[str]) -> bool:
    """Whether the notes' 'Q:' ('问：') lines are a form's questions, not a speaker's: two or more, each a question, none
    addressed to anyone ('Q: What did we agree?', "Q: Ilse's explanation?"; not 'Q: How do you think it went?' unless the
    answers speak of the employee: 'A: Busy; she feels …'), and no 'A:' answered in the first person ('A: I was rushing
    for the first wave' is the employee speaking) but where a question asks of the employee ('问：他自己怎么说？') or more
    answers speak of them ('答：短款她说…' beside one '答：我把收款二维码和现金分开') or, two or more, to them ('答：你说预约系统的
    密码…', '答：你每周核对50个'): the writer answering their own form."""
    asked = [line for line in lines if _FORM_Q.match(line)]
    answers = [line[a.end():] for line in lines if (a := _FORM_A.match(line))]
    own = sum(bool(_FIRST_PERSON.match(answer)) for answer in answers)
    to_them = sum(bool(_ADDRESSED.search(answer)) for answer in answers)  # the writer answering, to the employee
    to_them = to_them if to_them >= 2 and to_them > own else 0
    of_them = sum(bool(SPOKEN_OF_ANY.search(answer)) for answer in answers) + to_them  # the writer's summary of what was said
    asks_of_them = any(SPOKEN_OF_ANY.search(q) for q in asked)  # '问：她自己怎么说？'
    if any(q.lstrip().startswith("问") for q in asked) and not asks_of_them and not to_them:
        return False  # '问：…' over '答：…' is an interview, its answers the employee's, unless a question asks of them
    return len(asked) >= 2 and all(re.search(r"[?？]\s*$", q) and (of_them or not _ADDRESSED.search(q)) for q in asked) \
        and (not own or of_them > own or asks_of_them)  # (not the employee's 'A: I was rushing')


_FORM_A = re.compile(r"^\s*(?:[AaＡ]|答)\s*[:：]\s*")
_FIRST_PERSON = re.compile(r"(?:I|I['’](?:ll|m|ve|d)|my|we|我)\b|我", re.I)
_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b|你|您", re.I)


def is_answer(label: str) -> bool:
    """'A:', '答：': an answer's label, which names no one where a form asks the questions."""
    return label.strip().lower() in load("vocabulary").get("questions", {}).get("answer", ())


_VIEW = re.compile(r"\b(?:view|comments?|side|account|response|says?)\b|说法|补充|意见|解释|回应|说明|陈述|自述", re.I)


def row_label(line: str, finder: _PartyFinder, repeated: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """A table row whose first cell says what the row is ('| 12 | Target | …', 'Strength<TAB>No lost samples',
    'Background<TAB>…', 'Siân's view<TAB>…', '| 6 | 优点 | …'): the kind, and where the rest of the row starts. Cells
    the table repeats on every row (`grid.repeated_cells`: an export's date, name, role) may come before it."""
    first = grid.first_cell(line)
    if not first:
        return None
    cell, end = first
    skipped, exported = 0, False  # past a log's date and whose row it is: '09/07/2026<TAB>Chloe Adeyemi<TAB>Target<TAB>…'
    while ((skipped < 2 and _DATE_OR_NAME.fullmatch(cell.strip())) or _a_field(cell.strip(), repeated)) and (
            after := grid.first_cell(line[end:])):
        exported = exported or _a_field(cell.strip(), repeated)
        cell, end, skipped = after[0], end + after[1], skipped + 1
    if skipped and not (_PLAIN_KIND.fullmatch(cell.strip()) or (exported and _EXPORT_KIND.fullmatch(cell.strip()))):
        return None  # there only a cell that says outright what the row is, not a topic ('KPI', 'Compliance')
    if _OWN_LABEL.match(cell):
        return None  # '目标（3.15前）：报损每月不超过200件 | 邓秀兰': the cell labels its own words, read as a labelled line
    rest = len(line) - len(line[end:].lstrip(" \t|｜"))  # where the cells after the label start
    if re.sub(r"[\s*_:：]+", "", cell).lower() in field_words():
        return "meta", rest  # 'Role<TAB>Medical Records Clerk': a form's field
    kind = opening_label(f"{cell}:") or _label_or_person(cell, finder) or _account_cell(cell)
    if kind in (*reader.CONTENT_LABELS, "background") or (kind and kind.endswith("_person") and _VIEW.search(cell)):
        return kind, rest
    return None


def _account_cell(cell: str) -> str | None:
    """A row's label of the employee's own words: '| 本人说明 | …|', '| Employee comments | …|'."""
    return "employee_person" if _account_words().fullmatch(cell.strip().lower()) else None


def _a_field(cell: str, repeated: frozenset[str]) -> bool:
    """A cell an export repeats on every row that says no kind of row itself (not four rows of 'Action' one below
    another)."""
    return cell in repeated and not _PLAIN_KIND.fullmatch(cell) and not _EXPORT_KIND.fullmatch(cell)


_PLAIN_KIND = re.compile(r"(?i:targets?|goals?|actions?|agreed|positives?|strengths?|causes?)|目标|措施|行动|亮点|原因")
# ... and in an export, after the fields each row repeats, a kind of finding or of account: 'issue', 'employee view'
_EXPORT_KIND = re.compile(r"(?i:issues?|concerns?|findings?|observations?|background|context|(?:[\w'’]+\s)?(?:view|comments?))")
_DATE_OR_NAME = re.compile(rf"\d{{1,4}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?|{NAME_WORD}[ \t]+{NAME_WORD}(?:[ \t]*\([^)]*\))?")
_TURN = re.compile(r"但|但是|不过|可是|\bbut\b|\bhowever\b", re.I)
_OWN_LABEL = re.compile(r"^[^:：]{1,30}[:：]\s*\S")  # a label, its colon and words after it, in one cell


def opening_label(body: str) -> str | None:
    """'background', 'target' or 'strength' where the writer says what the sentence is: 'For context, we sell about
    400 mugs a month', 'FYI …', 'Background only: …', '顺便说一句，…', '… 41,000 guests, not his KPI'; 'What I'd like to see
    by June is …', '我希望看到…'; 'On the plus side he's brilliant with the tourists'."""
    labels = load("vocabulary").get("labels", {})  # every language's: 'FYI 车间二月份产量…'
    text = body.strip().lstrip("(（[")  # '(Background: the team filed 1,240 returns…)'
    spoken = FILLER_LEAD.sub("", text)  # 'So just so you know, …': after fillers, only where it reports no shortfall
    falls_short = vocab_terms("observation", "negative", sentence_language(text)).occurs_in(text)
    for kind, key in (("background", "background"), ("target", "target_opening"), ("strength", "strength_opening")):
        openings = terms(tuple(labels.get(key, ())))
        m = openings.match(text) or (None if falls_short else openings.match(spoken))
        if m and kind == "strength" and _TURN.search(m.string[m.end():]):
            continue  # '他的优点是细心，但这个月漏检了3次': the praise turns to the shortfall
        if m and (kind != "background" or unspaced(m.group()) or " " in m.group() or m.group().lower() in ("fyi", "btw")
                  or _SAYS_WHAT_FOLLOWS.match(m.string[m.end():])):
            return kind
    if terms(tuple(labels.get("background_anywhere", ()))).search(text):
        return "background"
    if terms(tuple(labels.get("background_in_passing", ()))).search(text) and not vocab_terms(
            "observation", "negative", sentence_language(text)).occurs_in(text):
        return "background"  # 'The bindery ran 900 books last Saturday, by the way' (not '…missed the drill, by the way')
    label = _LABEL_WORDS.match(text)  # 'Team context, not a concern: …', 'Numbers for the file, so the context is there: …'
    if label and any(re.match(r"\s*(?:$|[,，]|(?:for|only)\b)", label.group(1)[m.end():])  # not 'Context switching:'
                     for m in terms(tuple(labels.get("background", ()))).finditer(label.group(1))):
        return "background"
    return None


def target_opening_end(body: str) -> int:
    """Where a target opening ends in `body` ('For the panto run I want ', 'What I'd like to see '), or 0."""
    m = terms(tuple(load("vocabulary").get("labels", {}).get("target_opening", ()))).match(body)
    return m.end() if m else 0


_LABEL_WORDS = re.compile(r"^([^:：\d]{2,60}?)\s*[:：]\s*\S")  # the words of a label before its colon, no figures


# After an opening word, the writer's label ends: ', ', ': ', or a few words and a colon ('Background only: …',
# 'Context for whoever reads this later: …').
_SAYS_WHAT_FOLLOWS = re.compile(r"\s*(?:[,，:：;–—-]|(?:[^\s:：.]+\s+){0,5}[^\s:：.]*[:：])")


_CAPITALISED = re.compile(NAME_WORD)
_FULL_NAME = re.compile(NAME_WORD + r"\s" + NAME_WORD)  # a speaker's two names: 'Natasha Brook 0:12'

# A sentence that only names what follows: 'Targets, as agreed.', 'Actions for next month.', '原因如下。'
_HEADING_SENTENCE = re.compile(r"""^\s*(?P<words>[^\d.。:：]{2,40}?)\s*(?:[.。:：]|——|-)?\s*$""")
_HEADING_FILLER = re.compile(r"""^[\s,，]*(?:(?:as|we|you|i|she|he|they)\s+agreed|agreed|for\s+(?:the\s+)?next\s+\w+|
    going\s+forward|from\s+now(?:\s+on)?|below|as\s+follows|如下|(?:我们)?约定(?:如下)?)?[\s,，]*$""", re.I | re.X)


def heading_sentence(chunk: str) -> str | None:
    """The kind a sentence sets for the sentences after it on its line and in its paragraph, when it only
    names them ('Targets, as agreed.', 'Next steps going forward.'), like a heading line."""
    m = _HEADING_SENTENCE.match(chunk)
    if not m or _CLAUSE.search(m.group("words")):
        return None
    return next((kind for kind, rest in _openings(m.group("words").strip().lower()) if _HEADING_FILLER.match(rest)), None)


_HEADING_END = re.compile(r"[:：]\s*$")


def _heading_deadline(line: str, ref: dt.date) -> dt.date | None:
    """The date a short heading sets for the lines below it: 'So, for the next 8 weeks:', 'Targets (by 30 June):',
    '下个月底前：'; and a targets heading's date in brackets, with no colon ('TARGETS (by end of Q2, 30/06/2026)',
    'SECTION D - TARGETS (review date 31/08/2026)', '改进目标（3月1日—4月30日）')."""
    if len(line.split()) > 10:
        return None
    if _HEADING_END.search(line):
        dates = find_dates(line, ref)  # ('Targets for the review on 8 December:': the review's date, too)
        reviewed = bool(_REVIEWED.search(line)) and _label_kind(line[:min((d.start for d in dates), default=0)]) == "target"
        ends = [d.date for d in dates if (d.role in ("deadline", "end") or reviewed) and d.date > ref]
        return max(ends) if ends else None
    bracketed = _BRACKETED_DATE.search(line)
    if bracketed and _label_kind(line[:bracketed.start()].strip(" *#_-–")) == "target":
        said, dates = bracketed.group(1), find_dates(bracketed.group(1), ref)
        rest = "".join(c for i, c in enumerate(said) if not any(d.start <= i < d.end for d in dates))
        # a date a review or due word names, or dates alone ('（6月1日—7月31日）'); not '(HR meeting 10 March)'
        named = bool(re.search(r"\b(?:by|due|review|deadline|until|before)\b|截止|前|底|末|复查|复盘", said, re.I)
                     or re.fullmatch(r"[\s—–~至到,，-]*", rest))
        ends = [d.date for d in dates if (d.role == "deadline" or (named and d.role in ("point", "end"))) and d.date > ref]
        return max(ends) if ends else None
    return None


# A targets heading for the review they are judged at: 'Targets for the review on 8 December:' (not 'next review 13
# November', '11月20日第一次复盘': a check-in on the way).
_REVIEWED = re.compile(r"\b(?:for|at)\s+(?:the|our|your)\s+(?:\w+\s+)?review\b|考核", re.I)
_GLOSSED = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # a bracketed gloss or date closing a line


def heading_words(line: str, ref: dt.date) -> str:
    """A heading's own words, without its section number or a closing date in brackets: 'TARGETS' in 'SECTION D -
    TARGETS (review date 31/08/2026)'; a bracket that says more stays ('Targets (95% pick accuracy by 30 June)')."""
    gloss = _GLOSSED.search(line)
    if gloss:
        said = gloss.group()
        dates = find_dates(said, ref)
        undated = "".join(c for i, c in enumerate(said) if not any(d.start <= i < d.end for d in dates))
        if dates and not re.search(r"\d", undated) and len(undated.split()) <= 4:
            line = line[:gloss.start()]
    return _SECTION.sub("", line)


def opens_section(line: str) -> bool:
    """A form's numbered section starts on this line ('Section D - comments', 'PART 2: Actions', '三、')."""
    return bool(_SECTION.match(line))


_BRACKETED_DATE = re.compile(r"[(（]([^()（）]{2,60})[)）]\s*$")
_SECTION = re.compile(r"^\W*(?:(?:section|part|step|item|agenda\s+item)\s+\w{1,3}\s*[-–—:.)]\s*|[一二三四五六七八九十]+[、.．]\s*)", re.I)


_WHAT_ONE_DOES = re.compile(r"^\s*what\s+(.{1,30}?)\s*(?:'ll|’ll|\s+will|\s+is\s+going\s+to|\s+are\s+going\s+to|\s+agreed\s+to)\s+do\s*$",
                            re.I)


def _initials(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s.-]+", name) if part[:1].isupper())  # ('R.T.' -> 'RT')


# After a field label, a name (and a role) fills the field: 'Manager: Alex Chen (ops)', 'Employee: Dana Ruiz, picker'.
_NAMED_VALUE = re.compile(rf"^\s*(?P<name>(?:{NAME_WORD}|[A-Z]\.?)(?:\s+(?:{NAME_WORD}|[A-Z]\.?)){{0,2}})\s*(?:[,(|–—-]|$)"
                          rf"|^\s*[\u4e00-\u9fff·]{{2,9}}\s*(?:[，,（(|｜]|$)")


def _bare_score(rest: str) -> bool:
    """What follows a score's label is the score alone ('3', '2 (below standard)', '4/5    Next review: July'), up to
    the next field."""
    first = re.split(r"\s{2,}|\t|[|｜]", rest.strip())[0]
    return len(first.split()) <= 3 and not re.search(r"[,;，；]", first)


def _field_or_speaker(label: str, rest: str, tag: bool = False) -> str:
    """'Mgr: Right, I've pulled your March surveys' is the manager speaking, 'Mgr: Sam Ortiz' a header field: after
    the word for a side of the interview, a sentence is what that side says; and anything at all where the notes
    use the word as a speaker's tag (`tag`: it opens line after line), as 'Mgr: Second, torque marking.'"""
    labels = load("vocabulary")["labels"]
    side = "manager_person" if label.strip().lower() in labels["manager_meta"] else \
        "employee_person" if label.strip().lower() in labels["employee_meta"] else None
    named = _NAMED_VALUE.match(rest)
    if named and named.group("name") and not is_name(named.group("name").split()[0]):
        named = None  # 'Mgr: Right, I've pulled your surveys': an interjection, not a name
    if side and (tag or (not named and (len(rest.split()) >= 4 or (unspaced(rest) and len(rest.strip()) >= 8)))):
        return side
    return "meta"


def speaker_tags(lines: list[str]) -> frozenset[str]:
    """The labels that open three lines or more ('Mgr:', 'Emp:'): a transcript's speakers, not a form's fields."""
    return frozenset(tag.lower() for tag in speakers(lines))


def chat_turns(lines: list[str]) -> list[tuple[str, str]]:
    """(speaker, what they say) for each line a speaker's tag opens ('Dana: …', '[09:02] Dana: …'), and each line below
    a chat app's message heading ('Priscilla Adeyemi  10:02'), up to the next tag or heading."""
    turns, current = [], None
    for line in lines:
        if (m := label_match(line)) and line[m.end():].strip():
            turns.append((label_text(m).strip(), line[m.end():]))
            current = None
        elif (heading := CHAT_HEADING.match(line)) and is_name(heading["who"]):
            current = heading["who"]
        elif current and line.strip():
            turns.append((current, line))
    return turns


def speakers(lines: list[str]) -> list[str]:
    """`speaker_tags` as first written ('Fiona Gallacher', '周莉'), the most lines first."""
    opened = collections.Counter(who for who, _ in chat_turns(lines))
    counts: collections.Counter[str] = collections.Counter()
    written: dict[str, str] = {}
    for tag, n in opened.items():
        counts[tag.lower()] += n
        written.setdefault(tag.lower(), tag)
    return [written[tag] for tag, n in counts.most_common() if n >= 3]


def _initials_or_surname(person: str, finder: _PartyFinder, tags: frozenset[str] = frozenset()) -> str | None:
    """A speaker named by initials ('DOH' for Daisy Okwu-Hart) or by surname alone ('黄：', '温：'): the employee or
    the manager whose name they stand for; where the notes name the employee another surname is the manager's, whose
    notes they are, and so are the only other initials that speak line after line ('BL:' beside the employee's
    'RO:'). None for any other label."""
    if person.isupper() and 2 <= len(person) <= 4:
        employees = {_initials(a) for a in finder.employee}
        if person in employees:
            return "employee_person"
        if finder.manager_name and _initials(finder.manager_name) == person:
            return "manager_person"
        speakers = {t.upper() for t in tags if t.isalpha() and 2 <= len(t) <= 4}
        return "manager_person" if speakers - employees == {person} else None
    if len(person) == 1 and person.isupper() and "q" not in tags:  # 'L: till drawer sticks' in notes on Lewis
        return _one_initial(person, finder, tags)
    if unspaced(person) and len(person) == 2:  # '振东：' for 卢振东: a speaker by the given name
        if any(unspaced(a) and len(a) == 3 and a[1:] == person for a in finder.employee):
            return "employee_person"
        manager = finder.manager_name or ""
        return "manager_person" if unspaced(manager) and len(manager) == 3 and manager[1:] == person else None
    if len(person) != 1 or person not in load("vocabulary", "zh")["roles"]["surnames"]:
        return None
    employee = [a for a in finder.employee if unspaced(a) and len(a) >= 2]
    if any(a[0] == person for a in employee):
        return "employee_person"
    if finder.manager_name and unspaced(finder.manager_name) and finder.manager_name[0] == person:
        return "manager_person"
    return "manager_person" if employee and not finder.manager_name else None


def _titled_speaker(title: str, finder: _PartyFinder) -> str | None:
    """Whose lines a transcript's speaker tag by job opens ('FOREMAN:', 'FIREMAN:', 'Sister:'): the employee's where the
    job is theirs (or its first word), the manager's where it leads others."""
    role = finder.employee_role.lower()
    if unspaced(title) or not is_role(title):
        return None  # (a Chinese tag is a name with its title: '王丽店长 09:21')
    if role and title in (role, role.split()[0]):
        return "employee_person"  # 'COMMIS:' for a commis chef
    return "manager_person" if leads_others(title) else None


def _one_initial(letter: str, finder: _PartyFinder, tags: frozenset[str]) -> str | None:
    """Whose a one-letter tag is: the employee's where it is their given name's initial and no other one-letter tag
    but the manager's speaks in the notes ('L:' and 'me:' in notes on Lewis); the manager's the same way round."""
    initials = {w[0] for w in finder.employee if w[:1].isupper() and not unspaced(w)}
    manager = (finder.manager_name or "")[:1]
    others = {t.upper() for t in tags if len(t) == 1 and t.isalpha()} - {letter}
    if letter in initials and letter != manager and others <= {manager}:
        return "employee_person"
    if letter == manager and letter not in initials and others <= initials:
        return "manager_person"
    return None


def _may_be(person: str, name: str) -> bool:
    """Whether a speaker tag may be the person named so: 'Callum' or 'Reid' for 'Callum Reid', 'Jo' for 'Joanna',
    'Joe' for 'J. Okafor' (not 'del' for 'Marta del Olmo')."""
    if not person or not name:
        return False
    words = [w for w in name.split() if not re.fullmatch(PARTICLE, w, re.I)] or name.split()
    if re.fullmatch(r"[A-Z]\.?", words[0]) and person[:1] == words[0][:1]:
        return True
    tag = person.lower()
    return any(w.lower().startswith(tag[:3]) or tag.startswith(w.lower()[:3]) for w in words if len(w) > 1)


_MARKED_ME = re.compile(r"\S\s*[(（](?i:me|myself|我)[)）]$")  # 'ST (me)': the writer, named and marked


# A speaker's name with their job in brackets: '苏晴（店长）'.
_GLOSSED_NAME = re.compile(r"(?P<name>[^()（）]{2,30}?)\s*[(（][^()（）\n]{1,20}[)）]")
# A speaker named in both scripts: 'Darren 林', 'Vivian 吴薇', '林达 Darren' (a Chinese surname, or a name: not 'Nina 说明').
_TWO_SCRIPTS = re.compile(rf"([A-Z][a-z'’-]+)[ \t]+({zh_name()}|[{load('vocabulary', 'zh')['roles']['surnames']}])"
                          rf"|({zh_name()})[ \t]+([A-Z][a-z'’-]+)")


def _either_script(parts: list[str], finder: _PartyFinder, rest: str, *, stamped: bool, tags: frozenset[str]) -> str | None:
    """Whose words a speaker's name in two scripts opens: the person either part names (a surname alone, '陈' of 'Emily
    陈', names no one), else as its Latin part says."""
    read = [_label_or_person(part, finder, rest, stamped=stamped, tags=tags) for part in parts]
    return next((who for who in read if who and who.endswith("_person")), read[0] if parts[0].isascii() else read[-1])


def _label_or_person(label: str, finder: _PartyFinder, rest: str = "", *, stamped: bool = False,
                     tags: frozenset[str] = frozenset()) -> str | None:
    """The kind a line's label gives what follows, or whose words they are ('Me:', 'Dana:', 'Natasha Brook 0:12');
    `stamped` when a transcript's time stamp follows the label, which makes it a speaker; `tags`, the labels that
    open many lines of the notes (`speaker_tags`)."""
    label = _REPEATED.sub("", label.strip())  # 'Employee comments (cont.)'
    kind = _label_kind(label)
    key = label.strip().lower()
    clauses = re.split(r"[，,；;]\s*", label.strip())
    if kind is None and len(clauses) > 1 and unspaced(label):  # '杀青定在11月28日，杀青前的要求：': its last clause
        kind = _label_kind(clauses[-1])
    if kind == "meta" and key in load("vocabulary")["labels"]["score"] and not _bare_score(rest):
        return None  # 'Rating: below standard, 14 calls closed without ID checks': the finding, not a form's field
    if kind == "meta" and rest:
        kind = _field_or_speaker(label, rest, key in tags)
    if kind:
        return kind
    person = re.sub(r"(?:'s|’s)?\s*(?:view|comment|comments|side|perspective|response|account|notes?|input|feedback)?\s*$", "", label.strip(), flags=re.I)
    if unspaced(person) and (glossed := _GLOSSED_NAME.fullmatch(person)) and (known := _known_speaker(glossed["name"], finder)):
        return known  # in Chinese, the employee or the manager with their job in brackets: '苏晴（店长）' (not another's:
        # '小周（HR）' speaks for HR); in English such a line reads as it did unlabelled ('Helen Marsh (Loco Dept Manager):
        # Right, this is the review for …' opens the notes)
    doing = _WHAT_ONE_DOES.match(label)
    if doing:  # 'What I'll do:' the manager's actions; 'What Maddie will do:' the employee's (actions, not her account)
        who = _label_or_person(doing.group(1), finder, rest)
        return "action" if who == "employee_person" else who
    if (person.lower() in ("her", "his", "their", "employee") and person != label.strip()) or (
            person in ("他", "她") and key in tags and "我" in tags and not {"他", "她"} <= tags):
        return "employee_person"  # 'Her side:', 'His view:': the employee's account; '我：… / 她：…' line by line
    if person.lower() in ("me", "i", "my", "myself", "manager", "mgr") or person in ("我", "本人") or _MARKED_ME.search(person):
        return "manager_person"  # 'Me: I'll book the course', '我：…': the note's writer speaking
    if short := _initials_or_surname(person, finder, tags):
        return short
    if key in tags and (titled := _titled_speaker(key, finder)):
        return titled
    if stamped and (handle := _HANDLE.fullmatch(person)) and (whose := _handle_of(handle.group(), finder)):
        return whose  # a chat export's user name: 'jadair' is Jess Adair, 'rmenon_walls' Ravi Menon
    if two := _TWO_SCRIPTS.fullmatch(person):  # 'Darren 林', 'Vivian 吴薇': a speaker's name in both scripts
        return _either_script([p for p in two.groups() if p and len(p) > 1], finder, rest, stamped=stamped, tags=tags)
    return _named_speaker(person, finder, rest, key in tags, stamped=stamped) if person and len(person) <= 30 else None


_HANDLE = re.compile(r"@?[a-z][a-z0-9._-]{2,30}")  # a user name in lower case, as a chat export shows its speakers


def _handle_of(handle: str, finder: _PartyFinder) -> str | None:
    """'employee_person' or 'manager_person' where a user name is made of the employee's or the manager's name: their
    surname after their initial or given name ('jadair', 'jess.adair'), or their given name alone ('ravi')."""
    letters, first = re.sub(r"[^a-z]", "", handle), re.split(r"[._-]", handle.lstrip("@"))[0]
    for kind, names in (("employee_person", finder.employee), ("manager_person", finder.manager)):
        for words in ([w.lower() for w in re.findall(r"[A-Za-z]+", name)] for name in names):
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1] in letters and letters.startswith(words[0][0]):
                return kind
            if words and len(words[0]) >= 3 and first == words[0]:
                return kind
    return None


def _known_speaker(person: str, finder: _PartyFinder) -> str | None:
    """'employee_person' or 'manager_person' where `person` is a name the header gives the employee or the manager."""
    if not (finder.en.fullmatch(person) or finder.zh.fullmatch(person)):
        return None
    owner = finder.owner_of(person)
    if owner == "employee":
        return "employee_person"
    return "manager_person" if owner == "manager" and (person.lower() in [a.lower() for a in finder.manager] or unspaced(person)) else None


def _named_speaker(person: str, finder: _PartyFinder, rest: str, tagged: bool, *, stamped: bool) -> str | None:
    """Whose words a label naming someone opens: the employee's, the manager's, or None; `tagged` where the label opens
    many lines of the notes."""
    if known := _known_speaker(person, finder):
        return known
    if ((_CAPITALISED.fullmatch(person) or (stamped and _FULL_NAME.fullmatch(person))) and not finder.find(person) and not HEADER_WORDS.match(person)
            and not area_name(person, "en") and (stamped or not find_quantities(rest))):
        # The notes are the manager's: another named speaker is the employee, unless the notes name the employee
        # and this is someone else ('Natasha Brook 0:12' in a recording of Callum's 1:1): the one holding it.
        someone_else = bool(finder.employee) and not any(_may_be(person, a) for a in finder.employee)
        if stamped and someone_else:
            return "manager_person"  # a recording's other speaker is the one holding it
        if someone_else and not tagged:
            return None  # a one-off 'Route:' in a form, or 'Sandra:' from HR twice, where the notes name the employee otherwise
        return "employee_person"
    return None
