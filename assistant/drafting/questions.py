"""What the LLM drafter asks a model: only what the reader is unsure of, and every answer checked against the notes.

Each question is one small prompt (`prompts/<name>.md`) after the numbered notes, answered by one short JSON
object under a schema. An answer that fails its check is ignored, so a small model can only choose among what the
notes say (and where it chooses wrongly among the role's phrases, it can cost a right role), and a capable one fixes
what the reader misses:

  employee  who the plan is about, where the reader names nobody, or (opt-in, 'rivals') hesitates between names: one of
            the notes' names
  name      who the plan is about, where the reader names nobody and has no name to offer: a name the notes write
  role      the employee's job title, where the role model is unsure: one of the notes' role phrases, or none
  job       the employee's job title, where the reader found none and has no phrase to offer: a job title the notes write
  owners    who does an action whose owner the reader is unsure of, where the sentence points to one party (a
            name, a team, 'I', 'you') and the reader chose another: that party, or the reader's

The checked answers change the reading in place (`reread`): each only what it is about, and the embedded
drafter drafts from that reading.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import reader
from ..language import unspaced
from ..notes import NotesAnalysis, Party, Sentence
from ..notes.header import _aliases
from ..notes.labels import _label_kind
from ..notes.names import is_name
from ..reader.people_zh import may_be_named
from ..reader.role import is_role, is_title
from ..schema import OWNERS

# The reader is unsure of a role below this probability for its best candidate, and of an action's owner below
# this probability for the owner it chose (or when its owner model chose another).
UNSURE_ROLE = 0.5
# A phrase the role model gives less than this is not offered (on our labelled notes: the roles the notes give
# scored 0.015-0.09 where the model was unsure, and the phrases of notes that give no role mostly below 0.015).
ROLE_FLOOR = 0.015
UNSURE_OWNER = 0.6
MOST_CHOICES = 6  # names or roles offered; a longer list costs prompt time and confuses small models
MOST_ACTIONS = 6
HEADER_SENTENCES = 3  # the first sentences, which say who meets whom, come with every question
MOST_SENTENCES = 14  # an excerpt: on a busy 2-core machine the 1.5B test model reads ~20-40 prompt tokens a second
NONE = "none"
# 'I' as the one who acts: the subject ('I'll book', '我来'), not 'w/ me' or 'send me', and not 'we' or 'all of us'.
_FIRST_PERSON = re.compile(r"(?<![\w'’])I(?:'ll|’ll|'m|’m|'ve|’ve)?(?![\w'’])|(?:^|[，,。：:；;\s])我(?!们)")
# A line opened by who speaks or acts: 'SD:', 'Ruth:', 'Me:', 'me - ', '我：', '刘婷 10:43：' (not a label: 'Action:').
_SPEAKER_TAG = re.compile(r"^\W*([A-Z][A-Za-z.'’-]{0,20}|me|[\u4e00-\u9fff]{1,4})(?:\s+\d{1,2}:\d{2})?(?:\s*[:：]|\s+[-–]\s)", re.I)
_ME = {"me", "i", "manager", "我", "经理", "主管"}
_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{2,4})?")
_ADDRESSED = re.compile(r"(?:^|\W)(?:you|your|you'll|you’ll)(?:\W|$)|你", re.I)


@dataclass(frozen=True)
class Question:
    name: str  # the prompt file: prompts/<name>.md
    values: dict[str, str]  # its placeholders
    schema: dict[str, Any]  # the answer's JSON schema (servers that take one hold the model to it)
    check: Callable[[dict], tuple[dict[str, Any], list[str]]]  # the answer -> (what it changes, what was ignored, why)
    about: frozenset[str] = frozenset()  # the sentences the model reads for it (with the header): an excerpt, not the notes
    topic: str = ""  # the setting that allows it (PLANCOACH_LLM_QUESTIONS), where not its name: 'name' is an 'employee' question

    @property
    def setting(self) -> str:
        return self.topic or self.name


@dataclass
class Answers:
    """What the model's checked answers change in the reader's reading."""

    employee: str | None = None
    role: str | None = None  # NONE: the notes give the employee no role
    owners: dict[str, str] = field(default_factory=dict)  # sentence id -> owner

    def __bool__(self) -> bool:
        return bool(self.employee or self.role or self.owners)


def _enum(key: str, choices: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": {key: {"type": "string", "enum": choices}}, "required": [key]}


def _free(key: str) -> dict[str, Any]:
    return {"type": "object", "properties": {key: {"type": "string", "maxLength": 60}}, "required": [key]}


def _written(said: str, text: str) -> str | None:
    """`said` as the notes write it (their casing), a whole word of theirs ('Eve', not the 'eve' of 'evening'), or None
    when they do not."""
    if not said:
        return None
    edge = ("", "") if unspaced(said) else (r"(?<![\w'’-])", r"(?![\w'’-])")
    found = re.search(edge[0] + re.escape(said) + edge[1], text, re.I)
    return found.group(0) if found else None


def _the_manager(name: str, manager: str | None) -> bool:
    """`name` is the manager's, in full or in part ('Price' of 'Annabel Price'; not 'Ann')."""
    if not manager:
        return False
    if unspaced(name) or unspaced(manager):
        return name in manager or manager in name
    words, theirs = set(name.lower().split()), set(manager.lower().split())
    return words <= theirs or theirs <= words


def _same_person(a: str, b: str | None) -> bool:
    return bool(b) and (a in b or b in a)  # type: ignore[operator]


def excerpt(analysis: NotesAnalysis, wanted: list[str]) -> frozenset[str]:
    """The sentences a question needs: the header and the first MOST_SENTENCES of `wanted` (ids), in the notes' order."""
    head = [s.id for s in analysis.sentences[:HEADER_SENTENCES]]
    return frozenset([*head, *list(dict.fromkeys(i for i in wanted if i not in head))[:MOST_SENTENCES - len(head)]])


def mentioning(analysis: NotesAnalysis, words: list[str]) -> list[str]:
    """The ids of the sentences that hold any of `words`."""
    return [s.id for s in analysis.sentences if any(w and w in s.text for w in words)]


def employee_question(analysis: NotesAnalysis) -> Question | None:
    """Who the plan is about, where the reader named rivals or nobody (and the caller did not say): the reader's
    choice and its rivals, or the people the name model gives at least a rival's chance (reader.DOUBT / 2). Asked about
    rivals only where the settings say so ('rivals'): a pick among names the notes all give cannot be checked against
    them, and the test model's picks cost our labelled notes more names than they fixed (5 against 2)."""
    learnt = reader.bundled()
    if "employee" in analysis.given or learnt is None or (analysis.employee_name and not analysis.employee_rivals):
        return None
    ranked = learnt.employee_choices(analysis.text, analysis.employee_name, analysis.manager)
    people = {name for name, _ in ranked}
    if analysis.employee_name:
        names = [analysis.employee_name, *(n for n in analysis.employee_rivals if n in people)]
    else:
        names = [name for name, p in ranked if p >= reader.DOUBT / 2]
    choices = [n for n in dict.fromkeys(names) if not _same_person(n, analysis.manager)][:MOST_CHOICES]
    if not choices and not analysis.employee_name:
        return name_question(analysis, [name for name, _ in ranked])
    if not choices or choices == [analysis.employee_name]:
        return None
    if not analysis.employee_name:
        choices.append(NONE)  # the notes may name nobody the plan is about

    def check(data: dict) -> tuple[dict[str, Any], list[str]]:
        said = str(data.get("employee", "")).strip()
        if said not in choices:
            return {}, [f"employee {said!r}: not one of the names offered"]
        return ({"employee": said} if said not in (analysis.employee_name, NONE) else {}), []

    return Question("employee", {"choices": ", ".join(choices)}, _enum("employee", choices), check,
                    excerpt(analysis, mentioning(analysis, [n.split()[0] for n in choices if n != NONE])),
                    "employee" if not analysis.employee_name else "rivals")


def name_question(analysis: NotesAnalysis, people: list[str]) -> Question:
    """Who the plan is about, in the notes' own words, where the reader named nobody and the name model gives no one
    a rival's chance ('Siobhan Kelly' signing off, a nickname the notes use throughout): the model reads the header and
    the sentences that name `people` and copies a name. The answer must be written in the notes as a person's name (not
    a job title, a team or a word of the header) and not be the manager's."""
    def check(data: dict) -> tuple[dict[str, Any], list[str]]:
        said = str(data.get("employee", "")).strip()
        if said.lower() == NONE:
            return {}, []
        why = _not_a_name(said, analysis)
        return ({}, [f"employee {said!r}: {why}"]) if why else ({"employee": _written(said, analysis.text)}, [])

    firsts = [p.split()[0] for p in people if p.split()]
    return Question("name", {}, _free("employee"), check,
                    excerpt(analysis, [*mentioning(analysis, firsts), *(s.id for s in analysis.sentences[-2:])]), "employee")


def _not_a_name(said: str, analysis: NotesAnalysis) -> str | None:
    """Why `said` is not the name of someone the notes write about, or None."""
    written = _written(said, analysis.text)
    if written is None:
        return "not in the notes"
    if _the_manager(written, analysis.manager):
        return "the manager"
    if unspaced(written):
        return None if _CHINESE_NAME.fullmatch(written) and may_be_named(written) and not is_role(written) else "not a name"
    return None if is_name(written) and not is_title(written) else "not a name"


def role_question(analysis: NotesAnalysis) -> Question | None:
    """The employee's role, where the role model's best candidate is below UNSURE_ROLE (and the caller gave none):
    the phrases it gives at least ROLE_FLOOR, or none."""
    learnt = reader.bundled()
    if "role" in analysis.given or learnt is None:
        return None
    ranked = learnt.role_choices(analysis.text, analysis.employee_name, analysis.employee_role)
    if ranked and ranked[0][1] >= UNSURE_ROLE:
        return None
    theirs = _managers_titles(analysis)
    choices = [text for text, p in ranked[:MOST_CHOICES] if p >= ROLE_FLOOR and text.lower() not in theirs]
    if not choices:
        return None if analysis.employee_role else job_question(analysis, [text for text, _ in ranked])
    if analysis.employee_role and analysis.employee_role not in choices:
        choices.insert(0, analysis.employee_role)
    choices.append(NONE)

    def check(data: dict) -> tuple[dict[str, Any], list[str]]:
        said = str(data.get("role", "")).strip()
        if said not in choices:
            return {}, [f"role {said!r}: not one of the phrases offered"]
        if said == NONE:
            return ({"role": NONE} if analysis.employee_role else {}), []
        return ({"role": said} if said != analysis.employee_role else {}), []

    values = {"employee": analysis.employee_name or "the employee", "choices": ", ".join(choices)}
    name = (analysis.employee_name or "").split()
    return Question("role", values, _enum("role", choices), check,
                    excerpt(analysis, mentioning(analysis, [*name[:1], *(c for c in choices if c != NONE)])))


def job_question(analysis: NotesAnalysis, phrases: list[str]) -> Question:
    """The employee's job title in the notes' own words, where the reader found none and the role model offers no
    phrase (a title it never saw, 'game master', '夜审'): the model reads the header and the sentences that name the
    employee or hold `phrases`, and copies a title or says none. The answer must be written in the notes as a job title
    (it ends in a job's word: 'bell attendant', '收费员'), and one the notes may give the employee (not only someone
    else's: 'a call from the site agent'; not a word that says who someone is: 'staff member')."""
    def check(data: dict) -> tuple[dict[str, Any], list[str]]:
        said = str(data.get("role", "")).strip()
        if said.lower() == NONE:
            return {}, []
        written = _written(said, analysis.text)
        if written is None:
            return {}, [f"role {said!r}: not in the notes"]
        if (not _job_shaped(written) or not reader.may_be_the_role(analysis.text, written)
                or _same_person(written, analysis.employee_name) or written.lower() in _managers_titles(analysis)):
            return {}, [f"role {said!r}: not a job title the notes give the employee"]
        return {"role": written}, []

    name = (analysis.employee_name or "").split()
    values = {"employee": analysis.employee_name or "the employee"}
    return Question("job", values, _free("role"), check, excerpt(analysis, mentioning(analysis, [*name[:1], *phrases])), "role")


def _job_shaped(phrase: str) -> bool:
    """A phrase that may be a job title by its shape: a few words ending in a job's word ('bell attendant', '收费员'),
    or in Chinese a short run with no word of talk in it ('夜审', '控场DM'; not '就是周师', '他跟我说'); no figures."""
    if re.search(r"\d", phrase):
        return False
    if unspaced(phrase):
        return len(phrase) <= 8 and not re.search("[的是就了我你他她们这那很说把让]", phrase)
    return len(phrase.split()) <= 5 and is_role(phrase)


def _managers_titles(analysis: NotesAnalysis) -> set[str]:
    """The job titles the notes write beside the manager's name, lower-cased: 'caves manager' of 'This is Thomas
    Brunner, caves manager', '店长' of '苏晴（店长）'. Never offered, nor taken, as the employee's."""
    if not analysis.manager:
        return set()
    name = re.escape(analysis.manager)
    after = re.finditer(rf"{name}\s*(?:[,，(（:：]|\s[-–—]\s)\s*([^,，()（）\n]{{2,40}}?)\s*(?=[,，.。)）:：|·\n]|\s[-–—]\s|$)",
                        analysis.text)
    before = re.finditer(rf"(?:^|[\s,(（:：|])((?:[A-Z][\w&/-]*\s){{1,3}}){name}", analysis.text)  # 'Store Manager Tom Reyes'
    titles = (m.group(1).strip() for m in [*after, *before])
    return {title.lower() for title in titles if is_role(title)}


def pointed_to(s: Sentence, analysis: NotesAnalysis) -> set[str]:
    """The owners a sentence itself points to: the parties it names; 'I' as the subject for whoever speaks (the
    manager, the employee on the employee's line, 'someone' on a line tagged with a speaker the notes do not name:
    'BS: I'll book you on the course'); else 'you' or the employee's line for the employee. A sentence that points to
    nobody is the employee's, as the rules read it. A speaker's tag alone points to nobody: in a transcript the
    manager's line often tells the employee what to do ('Me: Timesheets to Ahmed by 9 on Monday')."""
    owners = {p.owner for p in s.parties}
    tag = _SPEAKER_TAG.match(s.text)
    who = tag.group(1) if tag and not _label_kind(tag.group(1)) else None  # 'Action: ...' is a label, not a speaker
    manager_speaks = s.label == "manager" or bool(who and (who.lower() in _ME or who in analysis.manager_aliases))
    employee_speaks = s.speaker == "employee" or s.label == "employee" or bool(who and who in analysis.employee_aliases)
    if _FIRST_PERSON.search(s.body):
        owners.add("manager" if manager_speaks or not (who or employee_speaks) else
                   "employee" if employee_speaks else "someone")
    elif _ADDRESSED.search(s.body) or employee_speaks:
        owners.add("employee")
    return owners or {"employee"}


def owners_question(analysis: NotesAnalysis) -> Question | None:
    """Who does each action the reader is unsure of where the sentence points to one party alone and the reader chose
    another (the manager's own corrections are never asked about). On our labelled notes and the wide cases the
    test model's answers about sentences that point to two parties ('Priya and I will ...') cost more owners than
    they fixed; such a sentence keeps the reader's owner."""
    corrected = {c.key for c in analysis.corrections}
    unsure = [s for s in analysis.of_kind("action")
              if s.owner_confidence < UNSURE_OWNER and reader.sentence_key(s.text) not in corrected
              and len(named := pointed_to(s, analysis)) == 1 and named <= set(OWNERS) and s.owner not in named][:MOST_ACTIONS]
    if not unsure:
        return None
    ids = [s.id for s in unsure]
    schema = {"type": "object", "properties": {i: {"type": "string", "enum": list(OWNERS)} for i in ids}, "required": ids}

    def check(data: dict) -> tuple[dict[str, Any], list[str]]:
        owners, ignored = {}, []
        for s in unsure:
            said = str(data.get(s.id, "")).strip().lower()
            if said == s.owner:
                continue
            if said not in OWNERS:
                ignored.append(f"{s.id} owner {said!r}: not employee, manager or organisation")
            elif {said} != pointed_to(s, analysis):
                ignored.append(f"{s.id} owner {said!r}: the sentence does not point to the {said} alone")
            else:
                owners[s.id] = said
        return ({"owners": owners} if owners else {}), ignored

    values = {"actions": "\n".join(f"{s.id}: {s.text}" for s in unsure),
              "employee": analysis.employee_name or "the employee", "manager": analysis.manager or "the manager"}
    before = [analysis.sentences[i - 1].id for i, s in enumerate(analysis.sentences) if s in unsure and i]
    return Question("owners", values, schema, check, excerpt(analysis, sorted([*ids, *before], key=lambda i: int(i[1:]))))


# In the order they are asked: the role's candidates are scored for the employee the first answer names.
QUESTIONS: tuple[Callable[[NotesAnalysis], Question | None], ...] = (employee_question, role_question, owners_question)


def reread(analysis: NotesAnalysis, answers: Answers) -> None:
    """`analysis` with the model's checked answers, in place (the checks and the workspace see the reading the plan
    was drafted from). Each answer changes what it is about and nothing else: the employee's name (and the names
    they go by) and role in the header, an action's owner in its sentence. The notes are not read again with
    another employee (that moved shortfalls and owners the model was never asked about), a manager's correction
    also applies to sentences much like it and the model's does not, and the model's answers are not the manager's:
    the review still asks about a name the reader was unsure of."""
    if answers.employee:
        doubted = (analysis.employee_name, *analysis.employee_rivals)
        analysis.employee_rivals = tuple(n for n in doubted if n and not _same_person(n, answers.employee))
        analysis.employee_name, analysis.employee_aliases = answers.employee, _aliases(answers.employee)
    if answers.role:
        analysis.employee_role = None if answers.role == NONE else answers.role
    for sid, owner in answers.owners.items():
        s = analysis.by_id(sid)
        if s is not None and s.kind == "action":
            s.owner, s.actor = owner, Party(reader.party_for(analysis, s, owner), owner)
