"""The reader: what each sentence of the notes is, learnt from labelled notes rather than written as rules.

Every sentence gets a reading (`READINGS`), an owner when it is an action, and a confidence. The
word rules in `notes/` still run first (they are exact about numbers, dates, labels and names) and
their verdict is one of the features; the learnt model has the last word where it is sure, and the
rules' reading stands where it is not.

    from assistant.notes import analyse
    for s in analyse(text).sentences:
        print(s.id, s.reading, s.owner, round(s.confidence, 2), s.text)
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..dates import WEEKDAYS
from ..language import language_of, unspaced
from ..lexicon import load, vocab, vocab_list, zh_name
from ..notes.names import SPOKEN_OF, SURNAME_IN_CAPITALS, full_name_of, is_name
from ..schema import OWNERS
from ..textutil import NAME_WORD, PARTICLE
from .features import rows, rows_in_context
from .header import NAME_CLASSES, Candidate, candidates  # noqa: F401  (NAME_CLASSES: part of the API)
from .header import rows as candidate_rows
from .meaning import EncodedModel, kept_out
from .memory import nearest
from .model import LinearModel
from .people_zh import surname_titled
from .role import is_role, is_title, role_like, says_no_job
from .role_candidates import ROLE_CLASSES  # noqa: F401  (part of the API)
from .role_candidates import candidates as candidate_roles
from .role_candidates import rows as role_rows

if TYPE_CHECKING:
    from ..notes import NotesAnalysis, Sentence

TRAINED_ON = ("en", "zh")  # the languages of the labelled notes: in another, the model's guesses are noise, the rules read
READINGS = ("shortfall", "standard", "account", "cause", "action", "target", "strength", "quoted", "aside", "header",
            "other")
KEEP_OUT = ("keep", "sensitive", "bias", "injection")  # what the reader keeps out of a plan by meaning, beside the word lists
SURE_KEEP_OUT = 0.6
_WHY = {
    "sensitive": ("The reader took this for a personal disclosure (health, family, a confidence); it was left out of "
                  "the plan.", "Keep it out of the plan; pass it to HR if it matters."),
    "bias": ("The reader took this for a remark about who the employee is (age, gender, origin, family, disability) "
             "rather than what they did; it was left out of the plan.", "Describe observable work and its results."),
    "injection": ("The reader took this for an instruction to the assistant or an attempt to decide the plan's outcome "
                  "(a resignation, a rating, goals marked as met) rather than a note about the work; it was treated as "
                  "data and left out of the plan.", "Remove it from the notes; describe the employee's work only."),
}
# What each reading means for drafting (the kinds `notes/` and the drafters work with).
KIND_OF = {"shortfall": "observation", "standard": "standard", "account": "account", "cause": "cause",
           "action": "action", "target": "target", "strength": "context", "quoted": "context", "aside": "context",
           "header": "meta", "other": "context"}
# The rules' kinds as readings, where the model is unsure or absent.
READING_OF_KIND = {"observation": "shortfall", "standard": "standard", "account": "account", "cause": "cause",
                   "action": "action", "target": "target", "context": "other", "meta": "header", "excluded": "other"}
# Below this probability the rules' reading stands. Chosen by cross-validation on the training notes, each writer's
# notes read by models trained on the other writers' (0.83 of sentences right at 0.3 against 0.77 at 0.5). A
# sentence the rules took for a shortfall needs 0.5: losing a shortfall loses a plan its evidence.
SURE = 0.3
SURE_UNLESS_SHORTFALL = 0.5
SURE_OVER_STATED = 0.85  # where the notes state what a sentence is (`Sentence.stated`), or count her shortfall (`_counted`)
SURE_ONLY_TALK = 0.6  # an account the rules found, which the model reads as talk around it
SURE_HEADER_BELOW = 0.95  # a signature or '记录人：周建军' at the foot of the actions
SURE_TASK_NOT_CUE = 0.65  # a task where the rules saw a shortfall or the employee's account by its surface
SURE_UNDER_HEADING = 0.5  # where only a heading above says what it is
NEVER = 1.01  # more than any probability
# Labels that name what the lines under them are ('Targets:', 'Agreed actions', '原因：'), in the order notes/labels.py tries them.
CONTENT_LABELS = ("target", "action", "cause", "problem", "support", "strength")
RULE_PRIOR = 0.15  # the rules' reading counts this much more than the first pass's probability for it
SURE_SHORTFALL = 0.5  # a shortfall in a sentence where the rules saw no sign of falling short
# The owner model overrules the owner of a person or team an action names (the rules often take the employee,
# named another way, for another party) from this probability on, except where the rules found the manager: on
# the training notes by writer, 0.88 of owners right against 0.85 when whoever was named kept the action (0.3 to
# 0.6 scored alike; overruling a named manager too, 0.885, would lose what the header says about the manager).
SURE_OVER_NAMED = 0.6
SURE_NAME = 0.5  # a name the model picks for the employee or the manager; below it the rules' name stands
# ... or, for the employee, a name this likely that leads every other by NAME_LEAD (employee named on our held-out
# notes: 0.76 against 0.72 with SURE_NAME alone; on the t21 notes 0.75 against 0.72).
FAIRLY_SURE_NAME, NAME_LEAD = 0.3, 0.15
# Who the employee is: below SURE_EMPLOYEE for the chosen name, or with another name at DOUBT or above, the
# review panel asks the manager to confirm instead of trusting the guess.
SURE_EMPLOYEE, DOUBT = 0.6, 0.35
# The role candidate the model likes best is taken from this probability on (chosen by cross-validation on the
# training notes: 0.84 of roles right at 0.1, 0.77 at 0.3); below it the rules' role (or none) stands.
SURE_ROLE = 0.1
# ... or, where the rules found none, the likeliest from this probability on when it is a job title and nothing else
# ('理赔员', 'MOT tester'; not '就是周师'): the role model is shy on new writers' notes (the right phrase first at 0.03
# to 0.09). Header on our held-out notes 0.87 -> 0.88, on t25-t29 up 0.01 to 0.03 each, the shared wide cases 0.83 ->
# 0.85 (0.04 scored a little lower, 0.01 too: more wrong phrases let in).
FAIRLY_SURE_ROLE = 0.02
# The second pass moves a sentence to another kind from this probability on (from a shortfall, SURE_MOVE_SHORTFALL),
# never into a shortfall (that it read '谢谢店长' or 'Second, scheduling' as one cost the shared wide cases precision,
# 0.92 -> 0.90): readings as drafting uses them 0.79 -> 0.81 on our held-out notes, plans 0.919 -> 0.925 there and
# 0.925 -> 0.935 on t29's, t25-t28 and the shared cases alike (0.3 to 0.6, and 0.6 to 0.9 from a shortfall, scored alike).
SURE_MOVE, SURE_MOVE_SHORTFALL = 0.6, 0.9
MODEL_FILE = "model.npz"


# A day of the week said as a day ('from next monday') in a phrase, or opening it where the notes say it so ('monday head'
# of 'from next monday head office', run together in a voice memo), makes it no job; not 'Saturday assistant'.
_WEEKDAY = "(?:" + "|".join(w for w in WEEKDAYS if len(w) > 3) + ")"
_DAY_CUE = r"\b(?:next|from|this|on|every|last|by|until)\s+"


def _a_day(text: str, phrase: str) -> bool:
    return bool(re.search(_DAY_CUE + _WEEKDAY + r"\b", phrase, re.I)
                or (re.match(_WEEKDAY + r"\b", phrase, re.I) and re.search(_DAY_CUE + re.escape(phrase), text, re.I)))


@dataclass(frozen=True)
class Reading:
    reading: str
    confidence: float
    owner: str | None = None
    owner_confidence: float = 0.0
    keep_out: str = "keep"
    keep_out_confidence: float = 0.0


@dataclass(frozen=True)
class Reader:
    readings: LinearModel  # the first pass: each sentence by itself and its neighbours' shape
    in_context: LinearModel  # the second pass: the same, the block of lines it sits in, and the first pass's readings around
    owners: LinearModel
    keep_out: LinearModel
    names: LinearModel
    roles: LinearModel

    def people(self, text: str, rule_employee: str | None, rule_manager: str | None) -> tuple[str | None, str | None]:
        """The employee's and the manager's names: the model's choice where it is sure, the rules' elsewhere. The
        manager is chosen first; the employee is someone else, taken when the model is sure of them, or fairly
        sure and well ahead of everyone else named."""
        cands = candidates(text, rule_employee, rule_manager)
        if not cands:
            return rule_employee, rule_manager
        probs = self.names.probabilities(candidate_rows(cands))
        p_employee = probs[:, self.names.classes.index("employee")]
        p_manager = probs[:, self.names.classes.index("manager")]
        best = max(range(len(cands)), key=lambda i: -1.0 if cands[i].chosen_never else p_manager[i])
        manager = cands[best].text if not cands[best].chosen_never and p_manager[best] >= SURE_NAME else (
            rule_manager or _titled_lead(cands))
        ranked = sorted((float(p), c.text) for c, p, pm in zip(cands, p_employee, p_manager)
                        if not (manager and _same_person(c.text, manager) and pm > p)
                        and "org:True" not in c.features and not c.chosen_never)  # never an organisation: 'Hartwell Ground
        # Investigations Ltd', nor a title: 'Driving Examiner'
        employee = rule_employee
        # A name the rules read where the model has no candidate ('跟道具员小唐谈话') is overturned only when the model is sure.
        unseen = bool(rule_employee) and not any(_same_person(c.text, rule_employee or "") for c in cands)
        if ranked:
            p, name = ranked[-1]
            runner_up = ranked[-2][0] if len(ranked) > 1 else 0.0
            if p >= SURE_NAME or (p >= FAIRLY_SURE_NAME and p - runner_up >= NAME_LEAD and not unseen):
                employee = max((c.text for c in cands if c.text.startswith(name + " ")), key=len, default=name)
        employee = employee or _sole_subject(cands, text, manager)
        if employee and manager and employee != manager and _same_person(employee, manager):  # 'Steve Morgan', 'Steve'
            employee, manager = self._one_role(cands, p_employee, p_manager, employee, manager, rule_manager)
        employee, manager = _fuller(employee, rule_employee), _fuller(manager, rule_manager)
        manager = manager if manager != employee else rule_manager
        return employee, (None if employee and manager and _same_person(employee, manager) else manager)

    @staticmethod
    def _one_role(cands: list[Candidate], p_employee: np.ndarray, p_manager: np.ndarray, employee: str, manager: str,
                  rule_manager: str | None) -> tuple[str, str | None]:
        """One person is not both employee and manager ('Steve Morgan' and 'Steve'): they keep the side the model is
        surer of; the other side goes to the likeliest other person named, or to the rules' manager, or to no one."""
        def surest(p: np.ndarray, who: str) -> float:
            return max((float(x) for c, x in zip(cands, p) if _same_person(c.text, who)), default=0.0)

        if surest(p_employee, employee) >= surest(p_manager, manager):
            other = rule_manager if rule_manager and not _same_person(rule_manager, employee) else None
            return employee, other
        others = [(float(p), c.text) for c, p in zip(cands, p_employee)
                  if not _same_person(c.text, manager) and not is_role(c.text) and "org:True" not in c.features]
        return (max(others)[1] if others else employee), manager

    def role(self, text: str, name: str | None, rule_role: str | None) -> str | None:
        """The employee's role: the candidate phrase the model likes best where it is sure enough, else the rules'."""
        choices = self.role_choices(text, name, rule_role)
        if choices and choices[0][1] >= SURE_ROLE:
            return choices[0][0]
        if rule_role is None and choices and choices[0][1] >= FAIRLY_SURE_ROLE and is_title(choices[0][0]):
            return choices[0][0]  # the likeliest phrase, unsure, but a job title and nothing else
        return rule_role

    def employee_choices(self, text: str, rule_employee: str | None, rule_manager: str | None) -> list[tuple[str, float]]:
        """Every person the notes name (not a name with an organisation's word: 'Kestrel Logistics'), with the name
        model's probability that they are the employee, likeliest first (the LLM drafter asks among them)."""
        cands = [c for c in candidates(text, rule_employee, rule_manager) if "org:True" not in c.features and not c.chosen_never]
        if not cands:
            return []
        column = self.names.probabilities(candidate_rows(cands))[:, self.names.classes.index("employee")]
        return sorted(((c.text, float(p)) for c, p in zip(cands, column)), key=lambda choice: -choice[1])

    def role_choices(self, text: str, name: str | None, rule_role: str | None) -> list[tuple[str, float]]:
        """Every role candidate of the notes with the model's probability that it is the employee's role, likeliest
        first (`role` takes the first where it is sure enough; the LLM drafter asks among them where it is not), each
        one that `may_be_the_role`."""
        cands = [c for c in candidate_roles(text, name, rule_role) if may_be_the_role(text, c.text)]
        if not cands:
            return []
        column = self.roles.probabilities(role_rows(cands))[:, self.roles.classes.index("role")]
        return sorted(((c.text, float(p)) for c, p in zip(cands, column)), key=lambda choice: -choice[1])

    def rivals(self, text: str, employee: str | None, rule_employee: str | None, rule_manager: str | None) -> tuple[str, ...]:
        """Other names the notes might be about: where the model is unsure who the employee is, the plan asks."""
        cands = candidates(text, rule_employee, rule_manager)
        if not cands or not employee:
            return ()
        column = self.names.probabilities(candidate_rows(cands))[:, self.names.classes.index("employee")]
        chosen = max((p for c, p in zip(cands, column) if c.text in employee or employee in c.text), default=0.0)
        others = sorted(((p, c.text) for c, p in zip(cands, column)
                         if c.text not in employee and employee not in c.text and c.text != rule_manager and not c.chosen_never
                         and c.text != full_name_of(employee, text)), reverse=True)
        if not others or (chosen >= SURE_EMPLOYEE and others[0][0] < DOUBT):
            return ()
        return tuple(name for p, name in others[:2] if p >= DOUBT / 2)

    def read(self, analysis: NotesAnalysis) -> list[Reading]:
        """The model's reading of each sentence, the rules' verdict counted as a prior.

        The first pass decides what drafting does with a sentence (its kind, and how sure the model is of it)
        unless the second pass, which also sees how the sentences around were read, is sure of another kind
        (`SURE_MOVE`); the second pass names the reading within the kind (quoted material, an aside, a strength
        or other are all context to drafting). On notes by writers the corpus never saw, the second pass tells
        readings apart far better (0.88 of sentences right alone), but letting it move every sentence between
        kinds (a shortfall read as a cause) cost plans coverage on the shared wide cases (0.91 against 0.98). Where
        both passes read the same kind, the confidence is how sure the surer pass is of that kind (the second pass's
        share for it): it says how sure the reader is of what drafting does with the sentence, not of the reading's
        name within the kind (readings as drafting uses them on our held-out notes 0.827 -> 0.85)."""
        first_rows = rows(analysis)
        if not first_rows:
            return []
        classes = self.readings.classes
        p_first = self.readings.probabilities(first_rows)
        first = [classes[int(p.argmax())] for p in p_first]
        p_second = self.in_context.probabilities(rows_in_context(analysis, first_rows, first))
        p_owner = self.owners.probabilities(first_rows)
        p_out = self.keep_out.probabilities(first_rows)
        out = []
        for s, p1, p2, po, pk in zip(analysis.sentences, p_first, p_second, p_owner, p_out):
            prior = np.zeros(len(classes))
            prior[classes.index(READING_OF_KIND[s.rule_kind])] = RULE_PRIOR
            r1 = int((p1 + prior).argmax())
            r2 = int((p2 + prior).argmax())
            if KIND_OF[classes[r2]] != KIND_OF[classes[r1]] and classes[r2] != "shortfall" and p2[r2] >= (
                    SURE_MOVE_SHORTFALL if classes[r1] == "shortfall" else SURE_MOVE):
                r1, p1 = r2, p2  # the second pass is sure it is another kind: it decides, with its own confidence
            same_kind = [KIND_OF[c] == KIND_OF[classes[r1]] for c in classes]
            r = int(np.where(same_kind, p2 + prior, -1.0).argmax())
            sure = float(p1[r1])
            if KIND_OF[classes[r2]] == KIND_OF[classes[r1]]:  # both passes read this kind: as sure of it as the surer
                sure = max(sure, float(np.where(same_kind, p2, 0.0).sum()))
            o, k = int(po.argmax()), int(pk.argmax())
            out.append(Reading(classes[r], sure, self.owners.classes[o], float(po[o]),
                               self.keep_out.classes[k], float(pk[k])))
        return out

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        parts: dict[str, Any] = {name: np.frombuffer(getattr(self, name).to_bytes(), dtype=np.uint8) for name in PARTS}
        np.savez_compressed(buffer, **parts)  # (typed Any: numpy's stub would read a part as its allow_pickle flag)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Reader:
        with np.load(io.BytesIO(data)) as parts:
            return cls(*(LinearModel.from_file(io.BytesIO(parts[name].tobytes()))
                         for name in PARTS))


PARTS = ("readings", "in_context", "owners", "keep_out", "names", "roles")


@dataclass(frozen=True)
class Correction:
    """A manager's word on one sentence: its reading, and for an action its owner. Matched by the sentence's
    text, so a correction still applies when lines above it were added or removed."""

    text: str
    reading: str
    owner: str | None = None

    @property
    def key(self) -> str:
        return sentence_key(self.text)

    def __post_init__(self) -> None:
        if self.reading not in READINGS:
            raise ValueError(f"unknown reading {self.reading!r}: use one of {', '.join(READINGS)}")
        if self.owner is not None and self.owner not in OWNERS:
            raise ValueError(f"unknown owner {self.owner!r}: use one of {', '.join(OWNERS)}")


@functools.cache
def bundled() -> Reader | None:
    """The reader trained on the corpus in `training/`, shipped with the package (None if absent)."""
    path = resources.files(__package__).joinpath(MODEL_FILE)
    return Reader.from_bytes(path.read_bytes()) if path.is_file() else None


def apply(analysis: NotesAnalysis, reader: Reader | None, corrections: tuple[Correction, ...] = (),
          meaning: EncodedModel | None = None) -> None:
    """Give every sentence its reading: the manager's correction of it (or of a sentence much like it) first,
    then the model where it is sure, the rules elsewhere. What must stay out of the plan is read from the words
    (the rules, the reader's keep-out part) and from the meaning (`meaning`, or the bundled model)."""
    from ..notes import Party

    readings = reader.read(analysis) if reader and language_of(analysis.text) in TRAINED_ON else []
    if readings:
        _keep_out(analysis, readings, meaning)
    dialogue = in_dialogue(analysis)
    by_key: dict[str, Correction] = {}
    for c in corrections:
        by_key.setdefault(c.key, c)  # the first (newest) correction of a sentence wins
    for i, s in enumerate(analysis.sentences):
        rule_reading = "strength" if s.kind == "context" and s.label == "strength" else READING_OF_KIND[s.kind]
        learnt = readings[i] if readings else None
        if s.kind == "excluded" and any(h.kind == "private" for h in s.hits):
            s.reading, s.confidence = "aside", 1.0  # the notes mark it as the manager's own
        elif s.kind == "excluded" and learnt:
            s.reading, s.confidence = learnt.reading, learnt.confidence  # what it would be, were it not kept out
        elif learnt is None or learnt.confidence < _needed(s, learnt, analysis.interview_date):
            s.reading, s.confidence = rule_reading, learnt.confidence if learnt and learnt.reading == rule_reading else 0.0
            if learnt and KIND_OF[learnt.reading] == s.kind:  # the rules' kind stands; the model names the reading in it
                s.reading = learnt.reading
        else:
            s.reading, s.confidence = learnt.reading, learnt.confidence
            s.kind = KIND_OF[learnt.reading]
        fixed, sure = by_key.get(sentence_key(s.text)), 1.0
        if fixed is None and (near := nearest(s.text, corrections)):
            fixed, sure = near  # a sentence much like one the manager corrected is read the same way
            if fixed.owner and s.actor and _NAMED.fullmatch(s.actor.text):
                fixed = Correction(fixed.text, fixed.reading)  # but a person the sentence names keeps the action
        if fixed is not None:  # a correction never lets in what screening kept out
            s.reading, s.confidence = fixed.reading, sure
            if s.kind != "excluded":
                s.kind = KIND_OF[fixed.reading]
        if s.kind != "action":
            s.owner = None
            continue
        if fixed is not None and fixed.owner:
            s.owner, s.actor = fixed.owner, Party(party_for(analysis, s, fixed.owner), fixed.owner)
            s.owner_confidence = sure
            continue
        s.owner = owner_of(s, learnt, dialogue, own_line=_opened_by(s, analysis.employee_aliases))
        s.owner_confidence = learnt.owner_confidence if learnt and learnt.owner == s.owner else 0.0
        if s.owner != rule_owner(s, dialogue):
            s.actor = Party(party_for(analysis, s, s.owner), s.owner)


def _keep_out(analysis: NotesAnalysis, readings: list[Reading], meaning: EncodedModel | None) -> None:
    """What stays out of the plan by what it means, beside the word lists: what the word model is sure of, then
    the sentences whose encoding shows it (`meaning`), the word model's likeliest first. The flag never quotes it."""
    from ..screening import Hit

    def keep_out(s: Sentence, kind: str) -> None:
        why, instead = _WHY[kind]
        s.hits, s.kind = [*s.hits, Hit(kind, "reader", "read by meaning", why, instead)], "excluded"  # (a private mark stays)

    for s, learnt in zip(analysis.sentences, readings):
        if learnt.keep_out != "keep" and learnt.keep_out_confidence >= SURE_KEEP_OUT and not s.hits:
            keep_out(s, learnt.keep_out)
    likely = [1.0 - r.keep_out_confidence if r.keep_out == "keep" else r.keep_out_confidence for r in readings]
    for i, (kind, _) in kept_out(analysis, meaning, likely).items():
        keep_out(analysis.sentences[i], kind)


_NAMED = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*|[\u4e00-\u9fff·]{{2,6}}")  # a person's name, not 'the shift lead'
_FIRST_PERSON = re.compile(r"""^\W*(?:(?:sure|ok|okay|so|and|right|yes|fine|great|then|also|well)\W+)*
    (?:i(?:'ll|’ll|\s+will|\s+shall|\s+can|'m|’m|\s+am|\s+have|'ve|\s+did)|let\s+me|we(?:'ll|’ll|\s+will)|我(?:来|会|去|负责|先|再|这边))""",
                           re.I | re.X)
_ADDRESSED = re.compile(r"\b(?:you|your|you'll|you’ll)\b|你", re.I)
# Words that open a line without telling anyone to do anything.
_NOT_AN_ORDER = re.compile(r"""^(?:i|we|he|she|they|it|the|a|an|my|our|his|her|their|this|that|there|so|ok|okay|and|but|also|
    then|yes|no|right|well|thanks|me|will|would|can|could|should|shall|might|must|may|have|has|had|did|was|were|is|are|am|
    been|sure|fine|great)$|(?:ed|ing)$""", re.I | re.X)


# A label that says the line is the employee's account: 'Her side:', "Employee's view:", '员工说法：'.
_VIEW_LABEL = re.compile(r"""^\W*(?:(?:her|his|their|the\ employee'?s?|employee'?s?|staff)\s+(?:side|view|account|comments?|response|
    perspective|input|feedback)|员工(?:的)?(?:说法|意见|解释|回应|反馈|自述))\s*[:：]""", re.I | re.X)


def _needed(s: Sentence, learnt: Reading, held: dt.date | None = None) -> float:
    """How sure the model must be to read a sentence otherwise than the rules: surest where the notes state what it
    is (a label such as 'Target:', a named actor, a figure dated after the interview), and before taking background
    figures for a shortfall ('handles 300 orders a day') or dropping one the rules found."""
    if _never(s, learnt):
        return NEVER
    if s.rule_kind == "account" and KIND_OF[learnt.reading] in ("context", "meta") and not _VIEW_LABEL.match(s.text):
        return SURE_ONLY_TALK  # the employee's small talk ('Sure, go.') or their email's 'To:' line: no account
    if s.rule_kind == "account" and learnt.reading == "action":
        return SURE_TASK_NOT_CUE  # the employee's own line may be a task they take on: 'Raj: 下周 重考 gowning 认证'
    if s.stated or _counted(s, learnt):
        return SURE_OVER_STATED
    if s.under_heading and s.label in CONTENT_LABELS:  # a line below 'Agreed:' may be the aim or the praise added after the tasks
        return SURE_UNDER_HEADING if learnt.reading in ("target", "strength", "shortfall", "standard", "cause") else SURE_OVER_STATED
    if learnt.reading == "shortfall" and s.rule_kind == "context":
        return SURE_SHORTFALL
    if learnt.reading == "action" and s.rule_kind == "observation" and not s.dates:
        return SURE_TASK_NOT_CUE  # a shortfall with no date is seldom a task: 'Theatres are sending late changes by phone'
    if (learnt.reading == "target" and s.rule_kind == "observation" and s.dates and held is not None
            and all(d.role == "point" and d.date <= held for d in s.dates)):
        return SURE_OVER_STATED  # a shortfall on the day it happened is no aim: 'No hi-vis on stand 27 on 19 Oct' (not a day
        # to come: 'Before load-in on 12 March 2027 he does the refresher, and from then the measures are: …')
    return SURE_UNLESS_SHORTFALL if s.rule_kind == "observation" else SURE


# Something left undone, said of someone: 'TH has not completed the annual refresher', 'she hasn't booked the course'.
_NOT_DONE = re.compile(r"""^\W*(?:\S+\s+){1,2}?(?:has|have|had)\s*(?:not|n['’]t|never)\s+(?:yet\s+)?
    (?:completed|done|finished|submitted|attended|booked|logged|sent|filed|returned|signed|passed|updated)\b""", re.I | re.X)


def _by_the_employee(s: Sentence) -> bool:
    """The sentence opens with the employee: by name or initials, or as 'he' or 'she'."""
    body = s.body.lstrip(" -*•")
    opening = body.split(maxsplit=1)[0] if body.strip() else ""
    return opening.lower() in ("he", "she") or any(p.owner == "employee" and body.startswith(p.text) for p in s.parties)


# The employee, then a verb of failing in the past: 'Owen missed …', 'She skipped …' (not 'Owen re-runs the missed …').
_MISSED_AFTER_NAME = re.compile(r"^\W*(?:\S+\s+){1,2}?(?:missed|skipped|forgot|failed|lost|dropped|overran)\b", re.I)


# Speech that did not happen: 'didn't tell me', 'never flagged it', '没有提前说', '未通知'.
_UNSAID = re.compile(r"""(?:没有?|未)(?:提前|事先|及时|主动)?(?:说|告诉|通知|讲|报|提)
    |\b(?:didn['’]?t|did\s+not|never|failed\s+to)\s+(?:\w+\s+)?(?:tell|say|let\s+\w+\s+know|mention|flag|warn|raise)\b""", re.I | re.X)


def _never(s: Sentence, learnt: Reading) -> bool:
    """Where the notes say outright what a sentence is, against the model's reading of it."""
    from ..notes.classify import counts_a_shortfall, opens_with_target  # (the notes package reads with this one)

    if s.label in CONTENT_LABELS and learnt.reading == "header" and not (s.under_heading and learnt.confidence >= SURE_HEADER_BELOW):
        return True  # under 'Agreed actions:', 'Target:' or '原因：' a line is content, however short
    if s.rule_kind == "target" and opens_with_target(s.body):
        return True  # 'Target …', '目标 7-8月 每月≥6000亩': the writer says what it is
    if s.label == "target" and learnt.reading == "shortfall":
        return True  # under 'Target:' or '目标（6月底）：' a figure is what is to be reached, not what fell short
    if learnt.reading == "target" and s.rule_kind == "observation" and not s.label and counts_a_shortfall(s):
        return True  # '本月收银差错4次': a count of what fell short, with no bound or date to reach, is no target
    if (learnt.reading == "action" and s.rule_kind == "observation" and not s.label and _by_the_employee(s)
            and _MISSED_AFTER_NAME.match(s.body) and counts_a_shortfall(s)):
        return True  # 'Owen missed 4 line cleans in October': what they failed to do, counted, is no task
    if (s.label == "problem" and learnt.reading == "standard" and s.quantities and not s.quantities[0].reference
            and any(q.reference for q in s.quantities)):
        return True  # under '问题2：' or 'Issue:' a figure held against the standard is the shortfall
    if learnt.reading in ("target", "shortfall") and s.rule_kind == "context" and vocab("word_targets", "past_target").search(s.body):
        return True  # 'Sales EUR 2,950 a month, 20% above target': a result past its target, no shortfall, none to reach
    if s.rule_kind == "standard" and learnt.reading == "shortfall" and s.quantities and all(q.reference for q in s.quantities):
        return True  # 'The team average is 3.': every figure in it is the standard or the others' mark, none hers
    if s.label == "problem" and s.measured and learnt.reading == "strength":
        return True  # a row its own cells show missed ('| 100% | 71% | FAIL |'), or a figure against the standard beside it
    if not s.under_heading and s.label == "strength" and learnt.reading == "shortfall":
        return True  # the line's own label, or its table row met ('| 100% | 100% | PASS |'), says it is a strength
    if s.rule_kind == "observation" and learnt.reading == "cause" and _NOT_DONE.match(s.body) and _by_the_employee(s):
        return True  # 'TH has not completed the annual refresher, overdue since November': what they left undone
    if s.rule_kind == "observation" and learnt.reading == "account" and _UNSAID.search(s.body):
        return True  # 'she did not tell anyone it would slip', '她没有提前说会 delay': what went unsaid is the shortfall
    if (s.rule_kind == "action" and learnt.reading != "action" and s.actor and s.actor.owner == "organisation"
            and s.text.rstrip().endswith(("?", "？"))):
        return True  # a team asked outright to act: 'HR, can you book him on …?', '…, can IT ashore look at it?'
    if s.column == "finding" and learnt.reading in ("action", "target"):
        return True  # under 'What we saw' a row's cell says what happened: its task and its target have columns
    # the writer says it is background: 'For context, …', '…, not his KPI'
    return s.label == "background" and learnt.reading in ("shortfall", "standard")


def may_be_the_role(text: str, phrase: str) -> bool:
    """A phrase of the notes that may be the employee's role: not one with someone doing something in it ('transcribed
    by Otter'), nor one said only of another ('praised by the structural engineer'), nor a day ('Saturday'), a chat's
    mention ('@全体成员'), a word that says who someone is rather than what they do ('员工'), a correspondent, or the one
    a talk is with, by surname and title ('跟王护士', '王护士' of '跟王护士长一起跟小陈谈话')."""
    talked_with = phrase[:1] in "跟和与同找" and (surname_titled(phrase[1:]) or re.fullmatch(zh_name(), phrase[1:]) is not None)
    return (not re.search(r"\b(?:by|from)\b", phrase, re.I) and not talked_with and not surname_titled(phrase)
            and not _anothers(text, phrase) and not _a_day(text, phrase)
            and not re.search(rf"@\s?{re.escape(phrase)}", text) and not says_no_job(phrase) and not _a_correspondent(text, phrase)
            and not _a_full_name(text, phrase))


def _a_full_name(text: str, phrase: str) -> bool:
    """Someone's first name and surname, the notes calling them by the first name alone too: 'Margrit Aebischer' ('…
    Margrit to tick each shelf'), though it ends as 'baker' does; not 'Head Baker', 'Dog Warden' nor 'Senior
    Embryologist'."""
    words = phrase.split()
    return (len(words) >= 2 and is_name(phrase) and not role_like(phrase) and not is_title(phrase)
            and re.search(rf"(?<![\w'’-]){re.escape(words[0])}(?![\w'’-])(?![ \t]+{re.escape(words[1])})", text) is not None)


def _counted(s: Sentence, learnt: Reading) -> bool:
    """A count the rules read as a shortfall, which the model takes for the header (a counted shortfall is content,
    even on the first line) or, where it names the employee, for talk ('Bea keyed 6 overtime claims twice in
    February', amid background lines)."""
    if s.rule_kind != "observation" or not s.quantities:
        return False
    return learnt.reading == "header" or (KIND_OF[learnt.reading] == "context" and any(p.owner == "employee" for p in s.parties))


def _a_correspondent(text: str, phrase: str) -> bool:
    """The phrase is someone writing or written to: 'Cc: Rob Sturgess', 'Rob Sturgess wrote:' (no job; not the job
    beside a name there: 'To: Dana Reid, HGV Driver')."""
    if not is_name(phrase) or role_like(phrase):
        return False
    edge = re.escape(phrase)
    return bool(re.search(rf"^\W*(?:from|to|cc|bcc)\s*:[^\n]*(?<!\w){edge}(?!\w)|(?<!\w){edge}\s+wrote\s*:", text, re.M | re.I))


def _anothers(text: str, phrase: str) -> bool:
    """Every mention of the job `phrase` is someone else's: 'praised by the structural engineer', 'a call from the
    site agent', 'the harbour master logged a complaint', '合作社会计那边' below the opening line (not 'a talk with the
    store manager, Rosa', who may be the employee, nor the opening's '跟老郑聊了一下 钟表维修那边', his side of the shop)."""
    edge = "" if unspaced(phrase) else r"(?<!\w)", "" if unspaced(phrase) else r"(?!\w)"  # Chinese runs words together
    found = [(m.start(), m.end()) for m in re.finditer(rf"{edge[0]}{re.escape(phrase)}{edge[1]}", text)]
    return bool(found) and all(re.search(r"\b(?:by|from)\s+(?:the|a|an|their|his|her)\s+$", text[max(0, i - 20):i], re.I)
                               or (_SOMEONE_ACTING.match(text, j) and re.search(r"\b(?:the|a|an)\s+$", text[max(0, i - 6):i], re.I))
                               or (re.match(r"\s*(?:那边|那头|那儿)", text[j:j + 4]) and "\n" in text[:i]) for i, j in found)


# What someone did, said after their job: 'the harbour master logged a complaint', 'the vet rang back'.
_SOMEONE_ACTING = re.compile(r"""\s+(?:logged|reported|complained|raised|flagged|escalated|emailed|phoned|rang|called|said|told
    |sent|wrote|asked|noticed|spotted|found|saw|gave|took|came|visited|inspected|praised|refused)\b""", re.X)  # (not a
# participle that describes the employee: 'an apprentice hired in January', 'a sous chef based at Leeds')


def _titled_lead(cands: list[Candidate]) -> str | None:
    """The one person named with a title of one who leads others beside them, where another is named with a job:
    'Owen Pryce (transport manager) with Nadia Haddad, driver'."""
    def first_title(c: Candidate) -> str:
        return next((f for f in c.features if f.startswith("near:")), "near:none")
    full = [c for c in cands if (len(c.text.split()) > 1 or unspaced(c.text)) and not c.chosen_never]  # a whole name,
    # not 'Owen' alone
    leads = [c.text for c in full if first_title(c) == "near:lead"]
    return leads[0] if len(leads) == 1 and any(first_title(c) == "near:job" for c in full) else None


def in_dialogue(analysis: NotesAnalysis) -> bool:
    """A transcript or chat: the employee speaks on lines of their own, beside the manager's."""
    return any(s.speaker == "employee" and s.label == "employee" for s in analysis.sentences)


def owner_of(s: Sentence, learnt: Reading | None, dialogue: bool = False, own_line: bool = False) -> str:
    """Who does an action: the model where it is sure (surer against a person the sentence names, and never
    against the manager named, nor against the employee speaking of themself on a line their name or initials open
    (`own_line`), nor against a table row's Owner cell: the rules know the manager's name and title from the header,
    whose line it is and which column is whose); else the rules."""
    from ..notes.parties import TEAM_TAG  # (the notes package reads with this one)

    named = s.actor.owner if s.actor else None
    rule = rule_owner(s, dialogue)
    if (s.column == "action" or s.owner_tag) and named:
        return rule  # a table's Owner cell says whose the task is, as does a chat's point its tag: '- 你：…'
    if named == "organisation" and s.actor and TEAM_TAG.search(s.actor.text) and re.match(rf"\W*{re.escape(s.actor.text)}\s*[:：]", s.text):
        return rule  # so does a team's tag before it: 'Biostat team：TFL 冻结后再交', 'Data team: fix the export'
    if named == "organisation" and s.actor and re.match(rf"\W*(?:the\s+)?{re.escape(s.actor.text)}\s*(?:[(（,][^()（）,]{{1,30}}[)）,]\s*)?"
                                                        r"(?:to|will|'ll|’ll|shall|is\s+going\s+to|are\s+going\s+to)\b", s.body, re.I):
        return rule  # and a team's or someone else's job opening the task: 'Fitters to clear the defect card', 'The key team
        # lead, Ross, will hand over keys'
    if named == "organisation" and s.actor and s.body.startswith(s.actor.text) and _a_department(s.actor.text):
        return rule  # in Chinese, a department opening the task, whom to ask in brackets or not: '教务（小林）重排周末课表'
        # (not '我跟市场部定…' nor '每张处方…', where the words only end as a department's do)
    if own_line and named == "employee" and _FIRST_PERSON.search(s.body) and not _ADDRESSED.search(s.body):
        return rule  # 'KD: I'll do the line check': the employee's own line says who 'I' is (not 'I'll need you to…')
    told = dialogue and s.label == "manager" and named is None and rule == "employee"  # 'Me: Check the note at the door'
    if learnt and learnt.owner and named != "manager" and learnt.owner_confidence >= (SURE if named is None and not told else SURE_OVER_NAMED):
        return learnt.owner
    return rule


def _a_department(party: str) -> bool:
    """A department the lexicon lists, alone or with whom to ask there: '教务', '设备科（老王）', 'Facilities'."""
    name = re.sub(r"[（(][^()（）]*[)）]$", "", party)
    if name.casefold() in (d.casefold() for d in vocab_list("parties", "departments", "en")):
        return True  # an English one before the Chinese words of its task: 'Company 买一台新的 demagnetizer'
    return name in vocab_list("parties", "departments", "zh") or (
        3 <= len(name) <= 4 and name[:1] not in load("vocabulary", "zh")["parties"]["not_department_openers"] and re.search("[部科处室组]$", name) is not None)


def _opened_by(s: Sentence, aliases: tuple[str, ...]) -> bool:
    """The employee's own line of a transcript: a speaker's tag that is their name or its initials ('Kerrin:', 'KD:'),
    as the speaker's label reads initials (`notes.labels._initials`); or a line of no tag among the employee's own
    words ('I will do the ORB every watch' in their mail forwarded below the notes)."""
    from ..notes.labels import _initials

    tag = " ".join(re.findall(r"[^\W\d_]+", s.text.split(s.body, 1)[0] if s.body and s.body in s.text else ""))
    if s.speaker == "employee" and s.label == "employee" and not tag:
        return True
    initials = {_initials(a) for a in aliases if len(a.split()) > 1}
    return s.speaker == "employee" and bool(tag) and (tag.lower() in {a.lower() for a in aliases} or tag in initials)


def rule_owner(s: Sentence, dialogue: bool = False) -> str:
    """Who the word rules say does an action: its named actor; on a 'Manager:' line the manager, except in a
    dialogue where the manager tells the employee what to do ('Me: Do the e-learning this week', 'I want
    you to sit with Oksana'); else the employee."""
    if s.actor:
        return s.actor.owner
    if s.label != "manager":
        return "employee"
    if dialogue and not _FIRST_PERSON.search(s.body):
        first = re.match(r"\W*([A-Za-z]+)", s.body)
        imperative = first is not None and not _NOT_AN_ORDER.search(first.group(1)) and not first.group(1)[1:].isupper()
        # ('下周开始你每天出车前检查', not '每周抽你 20 单' where '你' is what the writer acts on)
        addressed = re.search(r"(?<![抽给帮陪跟带替教找])你", s.body) if unspaced(s.body) else _ADDRESSED.search(s.body)
        if imperative or (addressed and not re.match(r"\W*(?:will|can|could|should|would)\b", s.body, re.I)):
            return "employee"
    return "manager"


def sentence_key(text: str) -> str:
    """A sentence as corrections match it: spacing and closing punctuation do not count."""
    return " ".join(text.split()).rstrip(" .;,:!?。；，：！？")


def _fuller(chosen: str | None, rule: str | None) -> str | None:
    """The rules' form of the one the model chose where it adds the initials or the rest of the name: 'J. Tarrant' for
    'Tarrant', 'Hayley Brandt' for 'Hayley', 'Harriet O.' for 'Harriet', 'Fenna de Wit' for 'Wit', 'Petra HALVORSEN' (an
    export's surname in capitals) for 'Petra'."""
    if chosen and rule and (re.fullmatch(rf"(?:[A-Z]\.\s?){{1,3}}{re.escape(chosen)}|{re.escape(chosen)}\s(?:(?:{PARTICLE}\s){{0,2}}{NAME_WORD}|[A-Z]\.|{SURNAME_IN_CAPITALS})", rule) or (
            re.fullmatch(NAME_WORD, chosen) and re.fullmatch(rf"{NAME_WORD}\s(?:[a-z]+\s)?{re.escape(chosen)}", rule)
            and not is_role(rule.split()[0]))):
        return rule
    return chosen


# What opens a line before its words: a bullet or a number, a time stamp, a speaker's tag ('- ', '李明 20:32：', '[14:02] Sam: ').
_STAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?"
_LINE_LEAD = re.compile(rf"""^[^\w\u4e00-\u9fff]*(?:{_STAMP}\s*)?
    (?:(?P<tag>[^\s:：\d][^:：\n]{{0,15}}?)\s*(?:{_STAMP})?\s*[:：]\s*)?  # the speaker's tag
    [^\w\u4e00-\u9fff]*""", re.X)


def _sole_subject(cands: list[Candidate], text: str, manager: str | None) -> str | None:
    """Where no one is named the employee: the only person the notes name at all, the manager and those who speak
    aside, where a line of the notes opens with them ('Dana had 4 near-misses in Feb.', '李明 20:32：赵婷这个月迟到5次了')."""
    leads = [(m.group("tag") or "", line[m.end():]) for line in text.split("\n") if (m := _LINE_LEAD.match(line))
             and (m.group("tag") or "").strip().lower() not in ("from", "cc", "bcc", "sent")]  # (not the mail's writer)
    tags = {tag.strip() for tag, _ in leads}
    named = [n for c in cands if "org:True" not in c.features and (n := _as_named(c))]
    people = [p for p in named if p not in tags and not (manager and _same_person(p, manager))]
    one = max(people, key=len, default=None)
    if one is None or not all(_same_person(p, one) for p in people):
        return None
    if unspaced(one):  # in Chinese, as the one a count is of: '赵婷这个月迟到5次了' (not '王师傅说叉车又坏了')
        return one if any(words.startswith(one) and _ZH_COUNTED_OF.match(words, len(one)) for _, words in leads) else None
    if not SPOKEN_OF.search(text):
        return None  # no one is spoken of as a person ('Chester had 4 late trailers': a depot)
    said = re.compile(re.escape(one) + r"(?![\w'’])")  # in English, as someone who did something ('Dana had…', 'Dana missed…'),
    acted = re.compile(re.escape(one) + _ACTED)  # the one a mail is to, or named twice: not a word opening a line ('Late to
    # shift 4 times')
    opens = [(tag.strip().lower(), words) for tag, words in leads if said.match(words)]
    return one if opens and (any(acted.match(w) or tag == "to" for tag, w in opens) or len(said.findall(text)) >= 2) else None


_ACTED = r"\s+(?:has|had|is|was|did|does|will|would|can|could|should|keeps|kept|(?!said\b)[a-z]+ed)\b"  # (not 'Priya said …')
_ZH_COUNTED_OF = re.compile(r"(?:这个月|上个月|本月|上月|这周|上周|本周|今天|昨天|[一二三四五六七八九十\d]{1,2}月|又|经常|总是|老是|多次|\d)")


def _as_named(c: Candidate) -> str | None:
    """A candidate as a name: itself, or a Chinese name before a character no given name is written with ('赵婷' of
    '赵婷这个月…'), or None."""
    if not c.chosen_never:
        return c.text
    strict = re.match(zh_name(), c.text)
    return strict.group(0) if strict else None


def _same_person(a: str, b: str) -> bool:
    """Two forms of one name: 'Dana' and 'Dana Ruiz', '敏' and '赵敏'; not two full names that share the first
    ('Sophie Lindqvist' and 'Sophie Hart')."""
    if len(a.split()) > 1 and len(b.split()) > 1 and a.split()[-1] != b.split()[-1]:
        return False
    return a in b or b in a or a.split()[0] == b.split()[0]


def party_for(analysis: NotesAnalysis, s, owner: str) -> str:
    named = [p.text for p in s.parties if p.owner == owner]
    if named:
        return named[0]
    zh = analysis.language == "zh"
    if owner == "employee":
        return analysis.employee_name or ("员工" if zh else "Employee")
    if owner == "manager":
        return analysis.manager or ("经理" if zh else "Manager")
    return "组织" if zh else "Organisation"
