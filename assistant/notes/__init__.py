"""Read a manager's interview notes: numbered sentences, who is speaking, who acts, and what each sentence is.

Everything downstream (both drafters, the grounding check, the UI's highlighting) works from
this analysis, so a plan can always point back to the sentence it came from.

A sentence's `kind` is one of:
  meta         who, when, with whom (the header)
  observation  a shortfall the manager saw (evidence for a deficiency)
  standard     a stated norm with no result of its own ('Company requires >= 90%')
  account      the employee's own explanation (a root cause)
  cause        a reason given in the notes
  action       something someone will do (a responsibility)
  target       a goal with a value and usually a date
  context      anything else
  excluded     injection, biased or sensitive text: kept out of every plan
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import keepout, reader
from ..cadence import stated_gap
from ..dates import MONTH_PATTERN, DateMention, explicit_dates, find_dates, held_on, undated_interview
from ..lexicon import area_name, has_cjk, load, terms, vocab, vocab_list, vocab_terms, zh_name
from ..quantities import Quantity, find_quantities
from ..reader.people_zh import employee_zh
from ..reader.role import role_beside, says_no_job
from ..schema import Language
from ..screening import Hit, injection_hits, screen
from ..textutil import NAME_WORD, at_word_boundary, content_tokens, lower_same_offsets


@dataclass(frozen=True)
class Party:
    text: str  # as written: 'QA team', 'Tom', '人力资源部'
    owner: str  # 'employee', 'manager' or 'organisation'


@dataclass
class Sentence:
    id: str
    text: str  # exactly as in the notes, for quoting and highlighting
    body: str  # without bullet, line label and speaker prefix
    line: int
    start: int
    end: int
    label: str | None = None  # target, action, cause, problem, support, meta, employee, manager
    kind: str = "context"
    speaker: str | None = None  # 'employee' when it is the employee's own account
    actor: Party | None = None  # who does it, for actions
    action: str = ""  # the body without its actor and modal: 'Give clear acceptance criteria'
    bullet: bool = False  # the line was a bullet point: its sentences are one point
    item_start: bool = False  # began with an inline number ('2. ...'): a new point
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    rule_kind: str = "context"  # what the word rules made of it, before the reader
    reading: str = "other"  # the reader's verdict: one of reader.READINGS
    owner: str | None = None  # for actions: employee, manager or organisation
    confidence: float = 0.0  # the reader's probability for `reading` (0 where the rules decided alone)
    ahead: bool = False  # a figure for a time still to come: a goal, whatever the line's shape (`_figure_ahead`)
    block_deadline: dt.date | None = None  # the date a heading above it sets ('For the next 8 weeks:', 'By end of March:')

    @property
    def stated(self) -> bool:
        """The notes say outright what this sentence is: a label, a named actor, the employee quoted ('she said'),
        a commitment in words, or a figure dated after the interview."""
        return bool(self.label or self.actor or self.speaker == "employee" or self.ahead
                    or (self.rule_kind == "action" and _FUTURE.search(self.body)))


@dataclass
class NotesAnalysis:
    text: str
    language: Language
    sentences: list[Sentence]
    interview_date: dt.date
    interview_date_assumed: bool
    employee_name: str | None
    employee_role: str | None
    manager: str | None
    employee_aliases: tuple[str, ...] = ()
    manager_aliases: tuple[str, ...] = ()
    employee_rivals: tuple[str, ...] = ()  # other names the notes might be about, when the reader is unsure
    check_in_gap: int | None = None  # days between check-ins, where the notes say how often ('every two weeks')

    def of_kind(self, *kinds: str) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in kinds]

    def by_id(self, sid: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sid), None)

    @property
    def excluded(self) -> list[Sentence]:
        return self.of_kind("excluded")


# ---------------------------------------------------------------- text and sentences

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣+]|#{1,6}|>|\(?\d{1,2}[.)、](?!\d)|\d{1,2}\.\d{1,2}(?=\s+[A-Z\u4e00-\u9fff])|[（(][\d一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[a-h][.)](?=\s)"
                     r"|\[\d{1,2}:\d{2}(?::\d{2})?(?:\s?[apAP][mM])?\]"  # a transcript's time stamp: '[10:02] Me: ...'
                     r"|\d{1,2}:\d{2}(?::\d{2})?(?=\s+[^\s:：]{1,30}[:：]))\s*")  # '00:04:15 Femke: ...'

_ENUM_INLINE = re.compile(r"^\s*(?:\(?\d{1,2}[.)、](?!\d)|[（(]\d{1,2}[)）])\s*")
_SPLIT = re.compile(
    r"(?<=[;；。！？!?])\s*"  # always ends a sentence
    r"|(?<=[^\d\s.][.])\s+(?=[\"'(\[]?[A-Z0-9\u4e00-\u9fff])"  # a full stop before a capital or digit
    r"|(?<=\d[.])\s+(?=[A-Z\u4e00-\u9fff])"  # '... 6 times. Jordan' but not '96.1'
    r"|,?\s+(?:and|but|while)\s+(?=(?:I|we|he|she|they)\s+(?:will|'ll|shall|am going to|agreed)\b)"  # a second actor
)
# Abbreviations that also end sentences ('by end of Feb.', 'pens, pads etc.'): a capitalised word after them starts one.
_ENDS_SENTENCE = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|etc)\.$", re.I)
_ABBREV = re.compile(r"(?:\b(?:vs|e\.g|i\.e|etc|approx|avg|dr|mr|mrs|ms|st|no|dept|incl|est|min|max|wk|hr|hrs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$", re.I)
_LABEL = re.compile(r"^\s*([^:：\n]{1,60}?)\s*[:：]\s*")
_LABEL_QUALIFIER = re.compile(r"^\s*(?:by|for|in|until|till|from|after|before|over|during|\(|（|\d)", re.I)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b-\u200f\u2028\u2029\ufeff]", "", text)
    return text.replace("\t", " ")


def detect_language(text: str) -> Language:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk * 2 >= latin * 0.5 else "en"


def _split_sentences(line: str, offset: int) -> list[tuple[str, int]]:
    """Split one line into (sentence, start offset) pairs, keeping abbreviations and decimals whole."""
    pieces, start = [], 0
    for m in _SPLIT.finditer(line):
        cut = m.start()
        if cut <= start:
            continue
        chunk = line[start:cut]
        if chunk.endswith(".") and _ABBREV.search(chunk) and not (
                _ENDS_SENTENCE.search(chunk) and re.match(r"[A-Z][a-z]", line[m.end():])):
            continue  # 'vs. Tom', 'Feb. 3' stay whole; 'by end of Feb. Check in' is two sentences
        pieces.append((chunk, start))
        start = m.end()
    pieces.append((line[start:], start))
    merged: list[tuple[str, int]] = []
    for chunk, s in pieces:
        if merged and re.fullmatch(r"\s*\(?\d{1,2}[.)、]\s*", merged[-1][0]):
            _, prev_start = merged.pop()
            chunk, s = line[prev_start:s + len(chunk)], prev_start
        merged.append((chunk, s))
    pieces = merged
    out = []
    for chunk, s in pieces:
        stripped = chunk.strip()
        if stripped and re.search(r"\w", stripped):
            out.append((stripped, offset + s + (len(chunk) - len(chunk.lstrip()))))
    return out


# ---------------------------------------------------------------- labels

def _content_label(words: str) -> str | None:
    """'target', 'action'… when a label opens with a content word ('Targets by June 30', 'Agreed actions')."""
    for kind in reader.CONTENT_LABELS:
        m = terms(tuple(load("vocabulary")["labels"][kind])).match(words)
        if m and (not words[m.end():].strip() or _LABEL_QUALIFIER.match(words[m.end():]) or len(words.split()) <= 2):
            return kind
    return None


_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|isn't|aren't|wasn't|weren't)\b")  # a sentence, no label


def _label_kind(label: str) -> str | None:
    words = label.strip().lower()
    opening = _content_label(words)
    if opening:
        return opening  # 'Goal for the next six weeks (review 2 June):' sets a goal, whatever else it names
    if re.search(r"\b(?:interview|review|meeting|notes|conversation|1:1|one-to-one)\b|面谈|谈话|会议记录", words) \
            and not _CLAUSE.search(words):
        return "meta"  # 'Performance interview: ...' introduces the meeting, not a problem ('Ticket notes are late:' does not)
    if has_cjk(words) and len(words) <= 6:
        for kind in reader.CONTENT_LABELS:
            if any(w in words for w in load("vocabulary")["labels"][kind] if has_cjk(w)):
                return kind
    meta = terms(tuple(load("vocabulary")["labels"]["meta"]))
    if meta.fullmatch(words):
        return "meta"
    if words in ("a", "answer", "response", "employee response", "employee's response", "答"):
        return "employee_person"
    if words in ("q", "question", "问"):
        return "question"
    return None


# ---------------------------------------------------------------- header: who, when

_TITLE = r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|RN|Chef|Coach)\.?\s"
_HEADER_WORDS = re.compile(
    r"(?:Interview|Review|Notes?|Meeting|Performance|Feedback|Date|Met|Spoke|Talked|Discussed|Had|Call|Chat|Check|Sat"
    r"|Session|Summary|Follow|Conversation|Catch|Today|Yesterday|Monthly|Weekly|Quarterly|Annual|Mid|End|Year)\b")
_NAME_TOKEN = re.compile(r"^(?:" + NAME_WORD + r"|[A-Z]\.?)$")
_ROLE_SEP = re.compile(r"(?:[-–—:|/,]|\bwith\b|\bw/|\bfor\b|\bof\b|\bwith\b)", re.I)


def _is_name(text: str) -> bool:
    tokens = text.strip().split()
    if not 1 <= len(tokens) <= 3 or not _NAME_TOKEN.match(tokens[0]) or len(tokens[0]) < 2:
        return False
    if vocab("roles", "en").search(text):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def _is_role(text: str) -> bool:
    return bool(vocab("roles", "en").search(text)) or bool(re.match(r"^[a-z]", text.strip()))


# Characters that start the next word after a name in running Chinese ('李强进行', '李强表示').
_ZH_AFTER_NAME = "[进在的是和与说表认每负于将要对为，、。（(]"


def _zh_name(text: str) -> re.Match[str] | None:
    surnames = load("vocabulary")["roles"]["zh_surnames"]
    suffixes = "|".join(sorted(vocab_list("roles", "zh_suffixes"), key=len, reverse=True))
    return re.search(
        rf"([\u4e00-\u9fff]{{0,6}}?(?:{suffixes}))\s*[:：]?\s*([{surnames}][\u4e00-\u9fff]{{1,2}}?)(?=[^\u4e00-\u9fff]|{_ZH_AFTER_NAME}|$)", text
    )


_ZH_EMPLOYEE_FIELD = r"(?:被面谈人|面谈对象|员工姓名|员工|姓名)"  # '被面谈人：甘露', '【面谈对象】温雅婷'
_EMPLOYEE_LABEL = re.compile(r"(?:\b(?:employee|employee name|name|staff|staff member)|" + _ZH_EMPLOYEE_FIELD +
                             r")\s*[:：】]\s*\x00", re.I)


def _find_people(lines: list[str]) -> tuple[str | None, str | None, str | None]:  # noqa: C901 -- predates the complexity budget
    """Employee name, role and manager from the header lines ('Sam K (backend engineer II) ... Manager: Alex')."""
    header = "\n".join(lines[:3])
    name = role = manager = None
    m = re.search(r"\b(?i:employee|name|staff)\s*[:：]\s*([A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-.]*){0,2})\s*(?:[,(]\s*([^,.\n()]+(?:\([^)\n]*\))?))?", header)
    if m:
        name, role = m.group(1).strip(), (m.group(2) or "").strip() or None
    if not name and has_cjk(header):
        name = employee_zh(lines)
    mm = re.search(r"\b(?i:manager|mgr|supervisor|reviewer|interviewer|line manager|charge nurse|head of (?:dept|department)|hod"
                   r"|team lead|shift lead|head chef|principal|director|foreman)\s*[:：]?\s*((?:" + _TITLE + r")?(?:" + NAME_WORD + r")(?:[ \t]" + NAME_WORD + r")?)", header)
    if mm and not vocab("roles", "en").fullmatch(mm.group(1).lower()):
        manager = mm.group(1)
    if not manager:
        mm = re.search(r"\bwith\s+(?:the\s+|my\s+|her\s+|his\s+|their\s+)?((?:[A-Z]{2,}\s|[A-Za-z]+\s)?(?:manager|supervisor|team lead|lead|director|minister|head of [A-Za-z]+))\b", header, re.I)
        if mm:
            manager = mm.group(1).strip()
    if not name:
        for pm in re.finditer(r"([^()\n]{1,80}?)\s*\(([^()\n]{1,60})\)", lines[0] if lines else ""):
            tail = _ROLE_SEP.split(pm.group(1))[-1].strip()
            inner = pm.group(2).strip()
            name_run = re.search(r"(?<![A-Za-z])((?:" + NAME_WORD + r"|[A-Z]\.?)(?:\s(?:" + NAME_WORD + r"|[A-Z]\.?)){0,2})\s*$", tail)
            if _is_name(inner) and tail and _is_role(tail) and not _is_name(tail):
                name, role = inner, tail
            elif name_run and _is_name(name_run.group(1)) and _is_role(inner):
                name, role = name_run.group(1), inner
            if name:
                break
    if not name and lines:
        # 'with Dana' first, then '- Ms. Patel', then a name opening the line
        for lead in (r"\b(?:with|w/|for|re:?|about)\s+", r"[-–—:]\s+", r"^"):
            for wm in re.finditer("(?:" + lead + r")(" + _TITLE + r")?(" + NAME_WORD + r"(?:[ \t]" + NAME_WORD + r")?)\b", lines[0]):
                if _is_name(wm.group(2)) and wm.group(2) not in (manager or "") and (wm.group(1) or not _HEADER_WORDS.match(wm.group(2))):
                    name = wm.group(2)
                    break
            if name:
                break
    if not name and lines:
        # '被面谈人：甘露', '【面谈对象】温雅婷（Emily）': a labelled name needs no known surname
        zp = re.search(_ZH_EMPLOYEE_FIELD + r"\s*[:：】]\s*([\u4e00-\u9fff·]{2,9}?)(?=[\s（(，,｜|]|$)",
                       "\n".join(lines[:8]), re.M) \
            or re.search(rf"({zh_name()})\s*[（(]([^）)]{{1,12}})[）)]", lines[0])
        if zp:
            name, role = zp.group(1), zp.group(2) if zp.lastindex and zp.lastindex > 1 else None
    if not name:
        zh = _zh_name(lines[0] if lines else "")
        if zh and not re.search(r"面谈人|面谈经理|经理\s*$", lines[0][: zh.start()] + zh.group(1)):
            role, name = re.split(r"[与和的为是日月年，、]", zh.group(1))[-1], zh.group(2)
    zm = re.search(r"(?:(?<!被)面谈人|面谈经理|直属上级|经理)\s*(?:[:：]|为|是)\s*(.+)", header)
    if zm and not manager:
        zh = _zh_name(zm.group(1))
        manager = zh.group(2) if zh else re.split(r"[，,（(|｜]|\s{2,}", zm.group(1))[0].strip()[:20]
    return name, role, manager


def _aliases(name: str | None, *, manager: bool = False) -> tuple[str, ...]:
    """The ways notes refer to a person: 'Marcus Bell' -> Marcus, Bell; '陈静' -> 陈经理 (for a manager)."""
    if not name:
        return ()
    out = [name]
    if has_cjk(name):
        out += ["小" + name[0], "老" + name[0]] if not manager else [name[0] + t for t in vocab_list("parties", "supervisory_zh")]
    elif _is_name(name):
        tokens = name.split()
        out += [t for i, t in enumerate(tokens) if len(t) >= (2 if i == 0 else 3)]
    return tuple(dict.fromkeys(out))


# ---------------------------------------------------------------- parties and actors

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class _NameMatch:
    """The parts of `re.Match` that party matching uses."""

    string: str
    begin: int
    finish: int
    lastgroup: str = "name"

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self, index: int = 0) -> str:
        return self.string[self.begin:self.finish]


_PartyMatch = re.Match[str] | _NameMatch  # what party searches return


class _Names:
    """`re.compile(rf"(?P<name>{b}(?:{names}){b})", flags)` for one notes' few names, by plain string
    search: compiling even that small pattern took ~0.2 ms, for every notes."""

    def __init__(self, names: tuple[str, ...], *, bounded: bool, ignore_case: bool):
        self.names, self.bounded, self.ignore_case = names, bounded, ignore_case
        self.keys = [n.lower() for n in names] if ignore_case else list(names)
        # A name whose lower case changes its length ('İlker') is searched with the pattern.
        self.keys_fit = all(len(k) == len(n) for k, n in zip(self.keys, names))
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern itself, for text in which lower-casing moves offsets ('İ')."""
        if self._pattern is None:
            edge = r"\b" if self.bounded else ""
            self._pattern = re.compile(f"(?P<name>{edge}(?:{'|'.join(map(re.escape, self.names))}){edge})",
                                       re.IGNORECASE if self.ignore_case else 0)
        return self._pattern

    def _key(self, text: str) -> str | None:
        """The text to search, or None where lower-casing and `re`'s case folding disagree."""
        if not self.ignore_case:
            return text
        return lower_same_offsets(text) if self.keys_fit else None

    def _fits(self, text: str, start: int, end: int) -> bool:
        return not self.bounded or (at_word_boundary(text, start) and at_word_boundary(text, end))

    def search(self, text: str, pos: int = 0) -> _PartyMatch | None:
        key = self._key(text)
        if key is None:
            return self.pattern.search(text, pos)
        best: tuple[int, int] | None = None  # at one start the earlier name wins, as in `a|b`
        for name in self.keys:
            at = key.find(name, pos)
            while at != -1 and (best is None or at < best[0]) and not self._fits(text, at, at + len(name)):
                at = key.find(name, at + 1)
            if at != -1 and (best is None or at < best[0]):
                best = (at, at + len(name))
        return _NameMatch(text, *best) if best else None

    def match(self, text: str) -> _PartyMatch | None:
        found = self.search(text)
        return found if found is not None and found.start() == 0 else None

    def fullmatch(self, text: str) -> _PartyMatch | None:
        key = self._key(text)
        if key is None:
            return self.pattern.fullmatch(text)
        for name in self.keys:
            if key == name and self._fits(text, 0, len(name)):
                return _NameMatch(text, 0, len(name))
        return None


class _Alternatives:
    """`re.compile(f"{first}|{rest}")` in two halves: the notes' own names, and the long word lists,
    compiled once per process (compiling them with the names took ~5 ms an analysis). Same matches:
    the leftmost wins, and at one position the name."""

    def __init__(self, first: _Names | None, rest: re.Pattern[str]):
        self.first, self.rest = first, rest

    def match(self, text: str) -> _PartyMatch | None:
        return (self.first and self.first.match(text)) or self.rest.match(text)

    def fullmatch(self, text: str) -> _PartyMatch | None:
        return (self.first and self.first.fullmatch(text)) or self.rest.fullmatch(text)

    def search(self, text: str, pos: int = 0) -> _PartyMatch | None:
        a = self.first.search(text, pos) if self.first else None
        b = self.rest.search(text, pos)
        return a if a and (b is None or a.start() <= b.start()) else b

    def finditer(self, text: str) -> Iterator[_PartyMatch]:
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()


@functools.cache
def _party_words_en() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The English party pattern without names, and the words every such party ends in (lower case;
    None when a word list holds what lower-casing would change)."""
    groups = "|".join(vocab_list("parties", "group_nouns_en"))
    depts = "|".join(re.escape(d) for d in sorted(vocab_list("parties", "departments_en"), key=len, reverse=True))
    people = "|".join(re.escape(p) for p in sorted(vocab_list("parties", "people_en"), key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<person>\b(?:the\s+)?(?:[A-Za-z][\w\-]*\s){{0,2}}(?:{people})\b)"
        + rf"|(?P<group>\b(?:the\s+)?(?:[A-Za-z&][\w&\-]*\s){{0,2}}(?:{groups})\b)"
        + rf"|(?P<dept>(?<![\w-])(?:{depts})(?![\w-]))",
        re.IGNORECASE,
    )
    keywords = "|".join([people, groups, depts])
    plain = keywords.isascii() and not re.search(r"\\[A-Z]", keywords)
    return pattern, re.compile(keywords.lower()) if plain else None


@functools.cache
def _party_words_zh() -> re.Pattern[str]:
    zh_depts = "|".join(re.escape(d) for d in vocab_list("parties", "departments_zh"))
    suffix = "|".join(vocab_list("parties", "group_suffix_zh"))
    people_zh = "|".join(vocab_list("parties", "people_zh"))
    return re.compile(
        rf"(?P<dept>{zh_depts}|[\u4e00-\u9fff]{{1,4}}(?:{suffix}))"
        + rf"|(?P<person>[{load('vocabulary')['roles']['zh_surnames']}](?:{'|'.join(vocab_list('parties', 'supervisory_zh'))})|{people_zh})"
    )


class _PartyFinder:
    def __init__(self, employee: tuple[str, ...], manager: tuple[str, ...], manager_name: str | None):
        self.employee = employee
        self.manager = manager
        self.manager_name = manager_name
        by_length = sorted(employee + manager, key=len, reverse=True)
        names = tuple(a for a in by_length if not has_cjk(a))
        zh_names = tuple(a for a in by_length if has_cjk(a))
        self.en_words, self.en_keywords = _party_words_en()
        self.en_names = _Names(names, bounded=True, ignore_case=True) if names else None
        self.en = _Alternatives(self.en_names, self.en_words)
        self.zh = _Alternatives(_Names(zh_names, bounded=False, ignore_case=False) if zh_names else None, _party_words_zh())

    def owner_of(self, text: str) -> str:
        low = text.lower().removeprefix("the ").strip()
        if any(low == a.lower() or low.startswith((a.lower() + " ", a.lower() + "'")) for a in self.employee):
            return "employee"
        if low in ("i", "me", "manager", "mgr", "my manager", "line manager", "经理") or any(
            low == a.lower() or low.startswith(a.lower()) for a in self.manager
        ):
            return "manager"
        plural = re.search(r"(?:s|heads|leaders|leads|team|teams)$", low) and not low.endswith("ss")
        supervisory = vocab("parties", "supervisory_en").search(low) or any(t in text for t in vocab_list("parties", "supervisory_zh"))
        if supervisory and not plural and not vocab("parties", "group_nouns_en").search(low):
            mgr_words = set(re.findall(r"\w+", (self.manager_name or "").lower())) - {"manager", "the"}
            if not self.manager_name or (mgr_words & set(re.findall(r"\w+", low))) or (
                not _is_name(self.manager_name) and not has_cjk(self.manager_name)
            ):
                return "manager"
        return "organisation"

    def find(self, text: str) -> list[Party]:
        found = []
        for m in (self.zh.finditer(text) if has_cjk(text) else self._find_en(text)):
            words = m.group(0).strip()
            if words.lower() in ("team", "group", "the team", "office", "support"):
                continue
            found.append(Party(words, self.owner_of(words)))
        return found

    def _find_en(self, text: str) -> Iterator[_PartyMatch]:
        """`self.en.finditer(text)`, two to three times faster: the word-list pattern, slow to try at
        every position, is searched from three words before the next party word (a match is at most
        'the' and two words before one), so stretches without a party word are skipped."""
        low, keywords, names = lower_same_offsets(text), self.en_keywords, self.en_names
        if keywords is None or low is None:
            yield from self.en.finditer(text)
            return
        token_starts = [m.start() for m in _TOKEN.finditer(text)]

        def next_word_party(pos: int) -> re.Match[str] | None:
            word = keywords.search(low, pos)
            if word is None:
                return None
            token = bisect.bisect_right(token_starts, word.start()) - 1
            return self.en_words.search(text, max(pos, token_starts[token - 3] if token >= 3 else 0))

        pos = 0
        name = names.search(text) if names else None
        party = next_word_party(0)
        while name or party:
            match = name if name and (party is None or name.start() <= party.start()) else party
            assert match is not None  # the loop runs while one of the two is found
            yield match
            pos = match.end()
            if names and name and name.start() < pos:
                name = names.search(text, pos)
            if party and party.start() < pos:
                party = next_word_party(pos)

    _ASK = re.compile(r"^(?:please\s+)?(?:ask|request|get|have|need)\s+(?:the\s+)?(.{1,40}?)\s+(?:for|to)\s+(.+)$", re.I)
    _PRONOUN = re.compile(r"^(?:I'll|I will|I shall|I am going to|I'm going to|I need to|I plan to|I'd like to|I can|we will|we'll)\b", re.I)

    def actor(self, body: str) -> tuple[Party | None, str]:
        """Who acts at the start of `body`, and the action with the actor and modal removed."""
        body = re.sub(r"^(?:and|also|then|\+|&)\s+", "", body.strip(), flags=re.I)
        body = re.sub(r"^(?:we|they|both of us)\s+(?:have\s+)?agreed\s+(?:that\s+|on\s+)?", "", body, flags=re.I)
        lead = re.match(r"^(?:he|she|they)\s+(?:will|'ll|shall|is going to|needs to|has to|agreed to|commits to)\s+", body, re.I)
        if lead:
            return None, _strip_modal(body[lead.end():])
        ask = self._ASK.match(body)
        if ask and self.find(ask.group(1)):
            party = self.find(ask.group(1))[0]
            action = ask.group(2)
            if body[ask.end(1):ask.start(2)].strip() == "for":  # 'ask IT for a laptop': the party provides it
                action = ("Provide " if not has_cjk(action) else "") + action
            return Party(party.text, party.owner if party.owner != "employee" else "organisation"), action
        if self._PRONOUN.match(body):
            rest = self._PRONOUN.sub("", body, count=1)
            return Party(self.manager_name or "Manager", "manager"), _strip_modal(rest)
        if has_cjk(body):
            m = self.zh.match(body)
            if m:
                return Party(m.group(0), self.owner_of(m.group(0))), body[m.end():].lstrip("：:，, ")
            return None, body
        m = self.en.match(body)
        if not m:
            named = re.match(r"^((?:" + _TITLE + r")?" + NAME_WORD + r"(?:\s" + NAME_WORD + r")?)\s+(?:will|'ll|to|shall|is going to|agreed to)\s+(?=\w)", body)
            if named and named.group(1).split()[0].lower() not in ("we", "they", "it", "this", "that", "he", "she"):
                return Party(named.group(1), self.owner_of(named.group(1))), _strip_modal(body[named.end():])
            return None, body
        rest = body[m.end():]
        verb = re.match(r"\s*(?:'ll|\w+)", rest)
        if (not verb or not vocab("action", "party_verbs_en").fullmatch(verb.group(0).strip().lower())) and not re.match(
                r"\s*[:：]", rest):
            return None, body
        party = Party(m.group(0).strip(), self.owner_of(m.group(0)))
        return party, _strip_modal(rest.lstrip(":： "))


# A date named by its month or its numbers ('end of April', '1 Oct', '10月底', '2026-05-31', '5/31'): weekdays, 'the
# 22nd' and quarters are left out, as the year or week they fall in is a guess.
_ANCHORED = re.compile(r"\b" + MONTH_PATTERN + r"\b | \d{1,2}\s*月 | \d{4}-\d{1,2} | \b\d{1,2}/\d{1,2}\b", re.I | re.X)
_NONE_OF = re.compile(r"\b(?:no|zero|none of the)\b", re.I)  # 'no comebacks' aims at none: no shortfall's word
_FILLER = frozenset("by before until till at least most to of in on the a an and or no more than so per".split())


def _figure_ahead(s: Sentence, ref: dt.date, assumed: bool) -> bool:
    """A figure for a time still to come is a goal, however the line is shaped: '60 sessions sold in June' said
    at an April interview, 'So by end of April: full records on 100% of GAs', 'Agreed: 24 kg/hr by 1 Oct'
    (an agreement with nobody doing anything: a figure, a date and at most a few words naming the measure).
    Only against an interview date the notes give, only dates named by month or number, never with a
    shortfall's words ('lost', 'missed', '最低'; 'no comebacks' aims at none); a period ('in May') is ahead only
    if it starts after the interview."""
    dated = [d for d in s.dates if d.role in ("deadline", "end") and _ANCHORED.search(d.text)]
    if assumed or not s.quantities or not dated or _negative(_NONE_OF.sub(" ", s.body)):
        return False
    if any((d.date.replace(day=1) if d.role == "end" else d.date) <= ref for d in dated):
        return False
    if s.kind == "observation":
        return True
    if s.kind != "action" or s.actor is not None:
        return False
    rest = s.text
    for start, end in sorted([(q.start, q.end) for q in s.quantities] + [(d.start, d.end) for d in dated], reverse=True):
        rest = rest[:start] + " " + rest[end:]
    label = _LABEL.match(rest)
    rest = rest[label.end():] if label else rest
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in _FILLER and not has_cjk(w)]
    return len(words) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 6


def _strip_modal(text: str) -> str:
    text = re.sub(
        r"^\s*(?:'ll|will|shall|should|must|needs? to|has to|have to|is to|are to|is going to|agreed to|to|can)\s+",
        "", text.strip(), flags=re.I,
    )
    return text[:1].upper() + text[1:] if text else text


# ---------------------------------------------------------------- sentence kinds

_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|is going to|are going to|agreed to|agreed that|commits? to|committed to|plans? to|needs? to|has to|have to)\s+(?!not\b|be (?:late|behind)\b)\w",
    re.I,
)
_TARGET_START = re.compile(r"^\s*(?:(?:the\s+|our\s+|new\s+)?(?:targets?|goals?|aim|objectives?|kpis?)\b|目标|指标)", re.I)

def _starts_imperative(body: str) -> bool:
    first = re.match(r"\s*([A-Za-z][\w\-]*)", body)
    return first is not None and bool(vocab("action", "verbs_en").fullmatch(first.group(1).lower()))


def _negative(text: str) -> bool:
    if has_cjk(text):
        return vocab_terms("observation", "negative_zh").occurs_in(text)
    return vocab_terms("observation", "negative_en").occurs_in(text) or bool(re.search(r"\w+n't\b", text))


def _positive(text: str) -> bool:
    return vocab_terms("observation", "positive_en").occurs_in(text) or vocab_terms("observation", "positive_zh").occurs_in(text)


def _classify(s: Sentence, finder: _PartyFinder) -> str:  # noqa: C901 -- predates the complexity budget
    body = s.body
    numbers = list(s.quantities)
    if s.label == "meta":
        return "meta"
    if s.text.rstrip().endswith(("?", "？")) or s.label in ("question", "strength"):
        return "context"
    if s.label == "target" or _TARGET_START.match(body):
        return "target"
    if s.label in ("action", "support"):
        return "action"
    if s.label == "cause" or s.speaker == "employee":
        return "account" if s.speaker == "employee" else "cause"
    if (s.actor is not None and s.actor.owner != "employee") or (s.actor and s.actor.owner == "employee" and not _negative(body)):
        return "action"
    praise = _positive(body) and not _negative(body)  # 'Exceeded the checklist target': a strength
    if s.label == "problem":
        return "context" if praise else "observation"
    if s.label == "manager":
        return "action" if (_starts_imperative(body) or vocab("action", "recurring_en").search(body)) and not _negative(body) else "observation"
    if re.match(r"^\s*(?:because|due to|as a result|since|因为|由于)", body, re.I):
        return "cause"
    if praise:
        return "context"
    if has_cjk(body):
        if _negative(body) and not re.match(r"^\s*(?:每|将|要|需要|请)", body):
            return "observation"
        if vocab("action", "cues_zh").search(body):
            return "action"
        return "observation" if numbers and (area_name(body, "zh") or any(q.reference for q in numbers)) else "context"
    if (_starts_imperative(body) and not finder.en.match(body)) or re.match(r"^\s*(?:to|will|must|should)\s", body, re.I):
        return "action"
    if _FUTURE.search(body) and not re.search(r"\b(?:if|unless|otherwise)\b", body, re.I):
        return "action"
    if re.search(r"\b(?:due|every|each|daily|weekly)\b", body, re.I) and not _negative(body.replace("due", "")):
        return "action"
    if _negative(body):
        return "observation"
    if numbers and all(q.reference for q in numbers):
        return "standard"
    if numbers and (area_name(body, "en") or any(q.reference for q in numbers)):
        return "observation"  # 'AHT 11.5 min', '58d vs 40d SLA'; but not 'with the company 6 years, a team of 12'
    return "context"


# ---------------------------------------------------------------- the analysis

def analyse(  # noqa: C901 -- predates the complexity budget
    text: str,
    *,
    interview_date: dt.date | None = None,
    employee: str | None = None,
    role: str | None = None,
    today: dt.date | None = None,
    read: bool = True,
    corrections: tuple[reader.Correction, ...] = (),
) -> NotesAnalysis:
    """Sentences with their readings; `read=False` stops at the word rules (what the reader learns from),
    `corrections` are the manager's own readings of some sentences, which win over both."""
    text = normalise(text)
    language = detect_language(text)
    raw_lines = text.split("\n")
    content_lines = [line for line in raw_lines if line.strip()]
    found_name, found_role, manager = _find_people(content_lines)
    learnt = reader.bundled() if read else None
    rivals: tuple[str, ...] = ()
    if learnt is not None:
        named, manager = learnt.people(text, found_name, manager)
        stated = bool(found_name and _EMPLOYEE_LABEL.search("\n".join(content_lines[:8]).replace(found_name, "\x00")))
        if stated:
            named = found_name  # 'Employee: Dana Ruiz', '被面谈人：甘露': what a form states is not second-guessed
        rivals = () if employee or stated else learnt.rivals(text, named, found_name, manager)
        if named != found_name:
            same = bool(found_name and named and (found_name in named or named in found_name))
            found_name, found_role = named, found_role if same else None
    name = employee or found_name
    if not role:
        role = role_beside(text, name) or (found_role if found_role and not says_no_job(found_role) else None)
        role = learnt.role(text, name, role) if learnt is not None else role
    today = today or dt.date.today()
    found_date = None if interview_date else held_on(content_lines, text, today)
    ref = interview_date or found_date or undated_interview(text, today) or today
    employee_aliases, manager_aliases = _aliases(name), _aliases(manager, manager=True)
    finder = _PartyFinder(employee_aliases, manager_aliases, manager)

    sentences: list[Sentence] = []
    offset = 0
    block_label: str | None = None
    block_deadline: dt.date | None = None
    first_content_line = True
    for line_no, line in enumerate(raw_lines):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            block_label = block_deadline = None
            continue
        bullet = _BULLET.match(line)
        content_start = bullet.end() if bullet and bullet.end() < len(line) else 0
        content = line[content_start:]
        heading_deadline = _heading_deadline(content, ref)
        if heading_deadline or _HEADING_END.search(content):
            block_deadline = heading_deadline  # a new heading: its own date, or none
        line_label = None
        label_m = _LABEL.match(content)
        heading = None if label_m else _label_kind(content.strip().rstrip("：:"))
        if heading and heading != "meta" and len(content.split()) <= 4 and not re.search(r"\d", content):
            block_label = heading  # '## Agreed actions', '二、改进措施': a heading for the lines below
            continue
        if label_m:
            line_label = _label_or_person(label_m.group(1), finder, content[label_m.end():])
            if line_label and not content[label_m.end():].strip():
                block_label = line_label  # a heading line: it labels the lines below it
                continue
        label_for_line = line_label or block_label
        injected = bool(injection_hits(content))
        prev: Sentence | None = None
        for chunk, start in _split_sentences(content, line_start + content_start):
            s = Sentence(id=f"S{len(sentences) + 1}", text=chunk, body=chunk, line=line_no + 1, start=start, end=start + len(chunk))
            label = label_for_line
            own = _LABEL.match(chunk)
            own_label = _label_or_person(own.group(1), finder, chunk[own.end():]) if own else None
            if own and own_label:
                label = own_label
                s.body = chunk[own.end():]
            s.item_start = bool(_ENUM_INLINE.match(s.body))
            s.bullet = bool(bullet)
            s.body = _ENUM_INLINE.sub("", s.body).strip()
            s.label = {"employee_person": "employee", "manager_person": "manager"}.get(label, label) if label else label
            s.block_deadline = None if heading_deadline else block_deadline
            _read_speaker(s, finder, prev)
            s.dates = find_dates(s.text, ref)
            s.quantities = find_quantities(s.text, [(d.start, d.end) for d in s.dates if d.role != "duration"])
            s.parties = finder.find(s.body)
            s.actor, s.action = finder.actor(s.body)
            if s.actor is None and prev is not None and prev.kind == "action" and prev.actor and _starts_imperative(s.body):
                s.actor, s.action = prev.actor, s.body
            s.kind = _classify(s, finder)
            if _figure_ahead(s, ref, interview_date is None and found_date is None):
                s.kind, s.ahead = "target", True
            if first_content_line and s.label is None and _looks_meta(s, name, manager) and (
                s.kind in ("context", "standard")
                or (s.kind in ("action", "observation") and not _FUTURE.search(s.body) and not _negative(s.body)
                and explicit_dates(s.text))
            ):
                s.kind, s.actor = "meta", None
            s.hits = _screen_sentence(s, injected)
            if s.hits and _redactable(s):
                s.body = _redact(s.body, s.hits)  # 'lazy, missed 4 of 10 deadlines': keep the facts, drop the words
            elif s.hits:
                s.kind = "excluded"
            sentences.append(s)
            prev = s
        first_content_line = False
    _revive_measured_context(sentences)
    keepout.apply(sentences, raw_lines)
    for s in sentences:
        s.rule_kind = s.kind
    analysis = NotesAnalysis(
        text=text,
        language=language,
        sentences=sentences,
        interview_date=ref,
        interview_date_assumed=interview_date is None and found_date is None,
        employee_name=name,
        employee_role=role,
        manager=manager,
        employee_aliases=employee_aliases,
        manager_aliases=manager_aliases,
        employee_rivals=rivals,
    )
    reader.apply(analysis, learnt, corrections)
    # A name the plan asks about is one the kept sentences use: never one only a kept-out disclosure names.
    kept = [s.text for s in sentences if s.kind != "excluded"]
    analysis.employee_rivals = tuple(r for r in rivals if r not in manager_aliases and any(r in t for t in kept))
    analysis.check_in_gap = stated_gap(kept)
    return analysis


_GENERIC = frozenset({"target", "goal", "standa", "month", "week", "day", "rate", "number", "total", "averag"})


def _revive_measured_context(sentences: list[Sentence]) -> None:
    """Figures about what a target measures are evidence: 'Reopened tickets 15 last month' + 'reopened tickets below 5'."""
    targets = [content_tokens(s.body) - _GENERIC for s in sentences if s.kind == "target"]
    for s in sentences:
        if (s.kind == "context" and s.label is None and s.quantities and not s.text.rstrip().endswith(("?", "？"))
                and not _positive(s.body) and any(len(content_tokens(s.body) & t) >= 1 for t in targets)):
            s.kind = "observation"


_CAPITALISED = re.compile(NAME_WORD)


_HEADING_END = re.compile(r"[:：]\s*$")


def _heading_deadline(line: str, ref: dt.date) -> dt.date | None:
    """The date a short heading sets for the lines below it: 'So, for the next 8 weeks:', 'Targets (by 30 June):',
    '下个月底前：'."""
    if not _HEADING_END.search(line) or len(line.split()) > 10:
        return None
    ends = [d.date for d in find_dates(line, ref) if d.role in ("deadline", "end") and d.date > ref]
    return max(ends) if ends else None


def _label_or_person(label: str, finder: _PartyFinder, rest: str = "") -> str | None:
    kind = _label_kind(label)
    if kind:
        return kind
    person = re.sub(r"(?:'s|’s)?\s*(?:view|comment|comments|side|perspective|response|account|notes?|input|feedback)?\s*$", "", label.strip(), flags=re.I)
    if person.lower() in ("me", "i", "myself", "manager", "mgr") or person in ("我", "本人"):
        return "manager_person"  # 'Me: I'll book the course', '我：…': the note's writer speaking
    if person and len(person) <= 30:
        owner = finder.owner_of(person) if (finder.en.fullmatch(person) or finder.zh.fullmatch(person)) else None
        if owner == "employee":
            return "employee_person"
        if owner == "manager" and (person.lower() in [a.lower() for a in finder.manager] or has_cjk(person)):
            return "manager_person"
        if (_CAPITALISED.fullmatch(person) and not finder.find(person) and not _HEADER_WORDS.match(person)
                and not area_name(person, "en") and not find_quantities(rest)):
            return "employee_person"  # notes are the manager's: another named speaker is the employee
    return None


# Verbs only: 'view', 'notes', 'comment' make labels ("Li's view:"), not speech in running text.
_SPEECH_VERBS = re.compile(
    r"(?:says?|said|thinks?|feels?|felt|explains?|explained|admits?|admitted|mentions?|mentioned|claims?|claimed"
    r"|believes?|reported|told me|acknowledges?|acknowledged|points? out|pointed out|argues?|argued)", re.I)


_WE_OR_I = re.compile(r"^\s*(?:we|I)\b", re.I)


def _read_speaker(s: Sentence, finder: _PartyFinder, prev: Sentence | None) -> None:
    if s.label == "employee":
        s.speaker = "employee"
        return
    speech = _SPEECH_VERBS
    m = re.match(r"^\s*(?:(?:also|and)\s+)?(\S+(?:\s\S+)?)\s+(?:also\s+)?(" + speech.pattern + r")\b[,:]?\s*(?:that\s+)?", s.body, re.I)
    who = None
    if m:
        subject = m.group(1).strip()
        own = finder.owner_of(subject) == "employee" and finder.find(subject)
        stranger = _NAME_TOKEN.match(subject) and not finder.find(subject) and len(subject.split()) == 1 and subject not in ("I", "We")
        if subject.lower() in ("he", "she", "they") or own or stranger:
            who = "employee"
    elif re.match(r"^\s*(?:also|and)\s+(?:" + speech.pattern + r")\b", s.body, re.I) and prev is not None:
        who = prev.speaker
    zh = re.match(r"^\s*(.{1,4}?)(?:" + vocab("cause", "speech_zh").pattern + r")", s.body)
    if zh and (zh.group(1) in finder.employee or zh.group(1) in ("他", "她", "他自己", "她自己", "员工", "本人")):
        who = "employee"
    if (who is None and prev is not None and prev.speaker == "employee" and prev.line == s.line
            and not finder.actor(s.body)[0] and not _FUTURE.search(s.body) and not _WE_OR_I.match(s.body)):
        who = "employee"
    s.speaker = who


_META_WORDS = re.compile(r"interview|review|meeting|1:1|conversation|notes|pip|prep|feedback|面谈|记录|谈话", re.I)


def _looks_meta(s: Sentence, name: str | None, manager: str | None) -> bool:
    if s.label == "meta":
        return True
    signals = [q for q in s.quantities if q.unit not in ("", )]
    if _negative(s.body) and (signals or len(s.body) > 60) and not s.dates:
        return False
    meta_words = _META_WORDS.search(s.text)
    return bool(s.dates or meta_words or (name and name in s.text) or (manager and manager in s.text))


_REDACTABLE = {"label", "absolute", "coded"}


def _redactable(s: Sentence) -> bool:
    """Judgement words next to counted facts can be cut; protected traits, health and injections cannot."""
    return (s.kind == "observation" and all(h.kind == "bias" and h.category in _REDACTABLE for h in s.hits)
            and any(q.unit or q.value for q in s.quantities))


def _redact(body: str, hits: list[Hit]) -> str:
    for h in sorted(hits, key=lambda h: -len(h.text)):
        body = re.sub(r"(?:\b(?:is|was|are|very|so|really|just|a|an)\s+)*" + re.escape(h.text) + r"(?:\s+(?:and|,))?", " ", body,
                      flags=re.I)
    body = re.sub(r"^\W*(?:(?:he|she|they)(?:'s|\s+is|\s+was)?\s*)?(?:and\s+|,\s*)?", "", body.strip(), flags=re.I)
    body = re.sub(r"\s{2,}", " ", body).strip(" ,;")
    return body[:1].upper() + body[1:]


def _screen_sentence(s: Sentence, injected_line: bool) -> list[Hit]:
    if injected_line:
        return injection_hits(s.text) or [Hit("injection", "injection", s.text[:60],
                                               "This text sits on a line that addresses the assistant; it was treated as data.",
                                               "Remove it from the notes.")]
    judging = s.kind in ("observation", "standard", "context", "meta") and s.speaker != "employee"
    evidence = any(q.unit or q.value for q in s.quantities)
    return screen(s.body, absolutes=judging, has_evidence=evidence)
