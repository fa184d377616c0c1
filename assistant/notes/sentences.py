"""The notes as numbered sentences: what a sentence and an analysis hold, the text normalised, its
language, and each line cut into sentences (abbreviations and decimals kept whole)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dates import DateMention
from ..grid import Row
from ..language import language_of, unspaced
from ..lexicon import commitment_terms, vocab, vocab_list, zh_name
from ..quantities import Quantity
from ..schema import Language
from ..screening import Hit
from .forms import field_words
from .names import is_name

if TYPE_CHECKING:
    from ..reader import Correction
    from .script import Script


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
    label: str | None = None  # target, action, cause, problem, support, strength, meta, background, employee, manager
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
    confidence: float = 0.0  # how sure the reader is of the kind `reading` gives drafting (0 where the rules decided alone)
    owner_confidence: float = 0.0  # for actions: the owner model's probability for `owner` (0 where it chose another)
    measured: bool = False  # a figure set beside the standard on its line (`_measured_beside_standard`)
    ahead: bool = False  # a figure for a time still to come: a goal, whatever the line's shape (`_figure_ahead`)
    block_deadline: dt.date | None = None  # the date a heading above it sets ('For the next 8 weeks:', 'By end of March:')
    column: str | None = None  # the part of a table row it was cut from: finding, target or action (`grid.parts`)
    under_heading: bool = False  # its label is a heading's above it ('Agreed actions:'), not its line's own
    tagged: Party | None = None  # under an actions heading, the employee's name opening its line ('振东: 上传数据')
    owner_tag: bool = False  # the notes tag the task with whose it is: a chat's point ('Marco 19:13：- 你：…'), 'Me:' under
    # 'Agreed actions', an export row's owner cell

    @property
    def _counted_shortfall(self) -> bool:
        return self.rule_kind == "observation" and bool(self.quantities)

    @property
    def stated(self) -> bool:
        """The notes say outright what this sentence is: a label of its own line (not the manager's speaker tag, which
        says who speaks, not what is said), a named actor, the employee quoted ('she said'),
        a commitment in words ('will', '我来', '我从7月起'), a figure dated after the interview or one set beside the
        standard on its line, a bound wished or proposed in words ("Let's say: … 6 knots or less", 'I want under 3')."""
        return bool((self.label and not self.under_heading and (self.label != "manager" or self._counted_shortfall)) or self.actor or self.speaker == "employee" or self.ahead or self.measured
                    or (self.rule_kind == "action" and (_FUTURE.search(self.body) or commitment_terms("speaker").occurs_in(self.body)))
                    or (self.rule_kind == "target" and any(q.comparator for q in self.quantities)
                        and commitment_terms("aim").occurs_in(self.body)))


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
    review_date: dt.date | None = None  # the day the notes set for the review ('we check in on 31 Aug')
    corrections: tuple[Correction, ...] = ()  # the manager's readings of sentences, applied over the reader's
    given: frozenset[str] = frozenset()  # what the caller stated rather than the notes: 'employee', 'role'
    rows: dict[int, Row] = field(default_factory=dict)  # the rows of the notes' tables, by line number (from 1)
    script: Script | None = None  # notes in traditional characters, read folded (`notes.script`)

    def as_written(self) -> NotesAnalysis:
        """The analysis to show: for notes in traditional characters, their text as written (else itself)."""
        return self.script.written_analysis(self) if self.script else self

    def of_kind(self, *kinds: str) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in kinds]

    def by_id(self, sid: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sid), None)

    @property
    def excluded(self) -> list[Sentence]:
        return self.of_kind("excluded")


# A commitment in words ('will', 'agreed to'): the notes say outright what the sentence is (`Sentence.stated`).
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|is going to|are going to|am going to|agreed to|agreed that|commits? to|(?<!was )(?<!were )(?<!was already )(?<!were already )(?<!was fully )(?<!were fully )committed to|plans? to"
    r"|needs? to|has to|have to)|(?<!not )\bgonna|'ll|’ll|(?:'s|’s|'m|’m|'re|’re)\s+going to"
    # a memo typed by voice, with no apostrophes: 'im going to get a third wrench ordered', 'hell do the refresher'
    r"|\bim\s+going\s+to|\b(?:ill|hell|shell|theyll|youll)(?=\s+(?:" + "|".join(vocab_list("action", "verbs", "en")) + r")\b))"
    r"[\s,]+(?:(?:uh|um|er|erm)[\s,]+)*(?!not\b|be (?:late|behind)\b)\w",
    re.I,
)


_STAMP_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[apAP][mM])?"
_STAMP_DAY = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_STAMP_DATE = r"(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|" + _STAMP_DAY + ")"  # a day written either way round
# What opens a line without being its words: a bullet, a number, a heading mark, a quote mark, a time stamp.
_BULLET = re.compile(rf"""^\s*(?:
      (?:\*(?!\*)|--?(?![>-])|[–—](?=\s)|[•·▪◦‣+])(?:\s*(?:->|=>|→|⇒|➔|➜))? | \#{{1,6}} | >   # a bullet (a dash of
                                                              # any length: '– Agreed: …'), perhaps with an arrow: '- -> me: …'
    | h[1-6]\.(?=\s)                                     # a wiki's heading mark: 'h3. Actions' (Confluence, Jira)
    | \((?:x|/|!|i|\?|on|off)\)(?=\s)                      # a wiki's status icon: '(x) Tobias: …', '(/) done'
    | (?:->|=>|→|⇒|➔|➜)                                  # an arrow opening a shorthand line: '→ Ivy：…'
    | [\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?           # an emoji bullet: '🎯 by the 20th：…', '✅ …'
    | \d\ufe0f?\u20e3                                     # a keycap number: '1️⃣ 充电桩 uptime：…'
    | [\u2460-\u2473](?![\u2460-\u2473号班线组台机#])       # a circled number ①-⑳: '③我 找厂家修测试机' (not '⑤号机')
    | \(?\d{{1,2}}[.)、](?!\d)                           # '1.' '2)' '3、'
    | \d{{1,2}}[a-h][.)](?=\s|$)                          # a form's sub-item: '10a.', '7c.'
    | [A-H]\d{{1,2}}[.)](?=\s)                            # a form's item under its section's letter: 'B2.', 'E1.'
    | \d{{1,2}}\.\d{{1,2}}(?=\s+[A-Z\u4e00-\u9fff])       # '2.1 Scheduling'
    | [（(][\d一二三四五六七八九十]{{1,2}}[)）] | [一二三四五六七八九十]{{1,2}}、
    | [a-h][.)](?=\s)
    | \[{_STAMP_TIME}\]                                   # a transcript's time stamp: '[10:02] Me: ...'
    | {_STAMP_TIME}(?=\s+[^\s:：]{{1,30}}[:：])               # '00:04:15 Femke: ...'
    | {_STAMP_TIME}\s+[-–—](?=\s)                          # a log's time stamp: '14:18 – JB: the monitor…'
    | {_STAMP_DATE},?\s+{_STAMP_TIME}(?=\s+[^\s:：]{{1,30}}[:：])  # '2026/06/03 19:42 陈磊：…'
    | \[(?:{_STAMP_DATE},?\s*{_STAMP_TIME}|{_STAMP_TIME},?\s*{_STAMP_DAY})\]   # a chat export: '[01/12/2026, 17:02] Jen: ...',
                                                                          # '[2026-07-28 16:05] Lin Zhou (HR): …'
    | \[\d{{1,2}}[/.]\d{{1,2}},?\s*{_STAMP_TIME}\](?=\s+[^\s:：]{{1,30}}(?:\s[^\s:：]{{1,30}})?[:：])  # with no year: '[19/11, 18:52] Helen Price: …'
    | {_STAMP_DAY},?\s+{_STAMP_TIME}\s+[-–]\s+(?=[^:：\n]{{1,30}}[:：])       # '01/12/2026, 17:02 - Jen: ...'
    )\s*""", re.X)

_ENUM_INLINE = re.compile(r"^\s*(?:\(?\d{1,2}[.)、](?!\d)|[（(]\d{1,2}[)）])\s*")
_SPLIT = re.compile(
    r"(?<=[;；。！？!?])\s*"  # always ends a sentence
    r"|(?<=[^\d\s.][.])\s+(?=[\"'(\[]?[A-Z0-9\u4e00-\u9fff])"  # a full stop before a capital or digit
    r"|(?<=\d[.])\s+(?=[A-Z\u4e00-\u9fff])"  # '... 6 times. Jordan' but not '96.1'
    r"|,?\s+(?:and|but|while)\s+(?=(?:I|we|he|she|they)\s+(?:will|'ll|shall|am going to|agreed)\b)"  # a second actor
    # a finding, a dash, then who acts on it: '3/40 jobs with no bleed – Kasia to run the preflight', '… – I'll stagger lunches'
    r"|\s+[-–—]\s+(?=(?:I|we|(?!(?:Down|Up|Due|Back|Next|Prior|Priority|Subject|Owing|Close|Set|Need|Needs|Time|Plan|Hard|"
    r"Easy|Able|Going|Thanks)\b)[A-Z][a-z]+)(?:'ll|’ll|\s+(?:to|will|shall|agreed\s+to|is\s+going\s+to))\b)"
)
# Abbreviations that also end sentences ('by end of Feb.', 'pens, pads etc.'): a capitalised word after them starts one.
_ENDS_SENTENCE = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|etc)\.$", re.I)
_ABBREV = re.compile(r"""(?:\b(?:vs|e\.g|i\.e|etc|approx|avg|dr|mr|mrs|ms|st|no|dept|incl|est|min|max|wk|hr|hrs
    |jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec
    |capt|cpt|prof|sgt|lt|col|cllr|insp|supt|rev|fr|sr|jr)  # titles before a name: 'Capt. Lau', 'Sr. Hollis'
    |(?<!["'’”])\b[A-Z])\.$""", re.I | re.X)  # (not the plural after a quote: 'no more "OK"s.')


def normalise(text: str, *, tabs: bool = False) -> str:
    """One form of the notes for reading; tabs become spaces (same offsets) unless `tabs` keeps them for the
    table reader ('Area<TAB>Finding<TAB>Who')."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b-\u200f\u2028\u2029\ufeff]", "", text)
    return text if tabs else text.replace("\t", " ")


def detect_language(text: str) -> Language:
    """The plan's language: the notes' own, or English for a language with word lists but no plan wording (i18n)."""
    code = language_of(text)
    return "zh" if code == "zh" else "en"


# Voice-to-text Chinese often marks its pauses with spaces and no punctuation at all ('…记错了 一次是… 然后你说…');
# shorthand spaces its words ('6月 门诊配药 被复核拦下 5次'): pieces a few characters long are words, not clauses.
_SPOKEN_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff%\d])\s+(?=[\u4e00-\u9fff])")
_ANY_STOP = re.compile(r"[,.;:!?()，。！？；：、（）]")
_STOP = re.compile(r"[,;!?()，。！？；：、（）]|(?<!\d)[.:]|[.:](?!\d)")  # not a decimal's point nor a time's colon
_LEAD_LABEL = re.compile(r"^[^\s:：]{1,12}[:：]")  # a label before a memo's speech is none of its punctuation: '语音转文字：那个 今天…'
_RUN_ON = 200  # a line this long with no stop is a whole memo run together: its decimals ('3.5%') end no clause
_CLAUSE_CHARS = 6  # the shortest a spoken clause is, on average


_SPOKEN = 300  # a line this long per stop and one more, or longer, is speech transcribed without punctuation
_HERE = re.compile("")  # a cut that takes no character: the clause after it starts with its opener


# Someone named and what they say, in a memo transcribed with capitals: '… late and short | Kirsty says the supermarket …'.
_NAMED_SAYS = re.compile(r"(?<=\s)[A-Z][a-z]+ (?:says|said|reckons|thinks|admits|admitted|explained)\b")


def _spoken_cuts(line: str) -> list[re.Match[str]]:
    """Where the clauses of a memo transcribed without punctuation begin (`[spoken]` in vocabulary.toml): at an opener
    or a numbered point's, or at a subject the word before does not join to what came before; no piece shorter than
    three words (six Chinese characters), before a cut or after the last. A lead-in too short to stand before a numbered
    point ('先说这个 | 问题一 …') ends the clause before it."""
    openers, subjects, items = (vocab("spoken", key) for key in ("openers", "subjects", "items"))
    inside, joiners = ({w.lower() for w in vocab_list("spoken", key)} for key in ("inside", "joiners"))

    def after(pos: int, words: set[str]) -> bool:
        before = line[:pos].split()
        return bool(before) and before[-1].lower() in words

    def long_enough(piece: str) -> bool:
        return len(piece.split()) >= 3 or len(re.findall(r"[\u4e00-\u9fff]", piece)) >= 6

    numbered = {m.start() for m in items.finditer(line) if not after(m.start(), inside)}
    starts = sorted({m.start() for m in openers.finditer(line) if not after(m.start(), inside)} | numbered
                    | {m.start() for m in subjects.finditer(line) if m.start() and not after(m.start(), joiners)}
                    | {m.start() for m in _NAMED_SAYS.finditer(line) if not after(m.start(), joiners | inside)})
    kept: list[int] = []
    for pos in starts:
        if pos and not line[pos - 1].isspace() and not unspaced(line[pos - 1]):
            continue  # inside a word
        if long_enough(line[kept[-1] if kept else 0:pos]):
            kept.append(pos)
        elif pos in numbered and kept and long_enough(line[kept[-2] if len(kept) > 1 else 0:pos]):
            kept[-1] = pos
    if kept and not long_enough(line[kept[-1]:]):
        kept.pop()  # 'decide then': no clause of one word at the end
    return [m for pos in kept if (m := _HERE.match(line, pos))]  # (an empty pattern matches anywhere: every one)


# Where an item of a numbered list on one line begins: 'Agenda: 1. Safety  2. Records  3. Visitor engagement'.
_LIST_ITEM = re.compile(r"(?:(?<=[:：])\s*|\s{2,})(?=\(?\d{1,2}[.)]\s+\S)")


# A team taking on its part of a task the sentence gives someone first: 'I'll get a wrench ordered tomorrow | and the
# safety team are running the refresher on the 1st', 'I will book the course | and IT will replace the scanner'.
_TEAM_TAKES_ON = re.compile(r"""\s+and\s+(?=(?:the\s+(?:[A-Za-z&]+\s+){0,2}(?:team|office|department|dept|desk|supplier|vendor)s?
    |HR|IT|L&D|Facilities|Payroll|Procurement
    |[A-Z][a-z]+\s+(?:in|from|at)\s+(?:the\s+)?[a-z]+)  # 'and Sarah in the office will chase the dealer'
    \s+(?:will|'ll|are\s+going\s+to|is\s+going\s+to|(?:are|is)\s+[a-z]+ing
    |(?:have|has)\s+agreed)\b)""", re.X)


def _team_takes_on(line: str) -> list[re.Match[str]]:
    """`_TEAM_TAKES_ON` where the words before it commit someone to something ('I'll …', 'Dana to …'), three or more."""
    return [m for m in _TEAM_TAKES_ON.finditer(line)
            if len(line[:m.start()].split()) >= 3 and (_FUTURE.search(line[:m.start()]) or re.match(r"\W*\w+\s+to\s", line))]


def _cuts(line: str, dictated: bool = False) -> list[re.Match[str]]:
    """Where sentences end in a line: punctuation, the items of a numbered list on one line (two or more of them: not
    'Overall rating  2.  Below expectations'), in unpunctuated Chinese, the spaces of its pauses, in a memo transcribed
    without punctuation on one line, the clauses its openers and subjects begin, and where the notes are `dictated` line
    by line, the employee's account inside a long line."""
    cuts = sorted([*_SPLIT.finditer(line), *_team_takes_on(line)], key=lambda m: m.start())
    if len(items := list(_LIST_ITEM.finditer(line))) >= 2:
        cuts = sorted(cuts + items, key=lambda m: m.start())
    pauses = list(_SPOKEN_PAUSE.finditer(line))
    stops = _STOP if len(line) >= _RUN_ON else _ANY_STOP
    unlabelled = _LEAD_LABEL.sub("", line) if len(pauses) >= _MEMO_CLAUSES else line  # (a line of a few pauses after its
    # label is a speaker's: '宋说:零件等太久 瑞士件要等3-4周 没件只能先放着')
    if len(pauses) >= 2 and not stops.search(unlabelled) and len(line.split()) * _CLAUSE_CHARS <= len(line):
        cuts = sorted(cuts + pauses, key=lambda m: m.start())
    if spoken(line):
        cuts = sorted(cuts + _spoken_cuts(line), key=lambda m: m.start())
    elif dictated and len(line) >= _DICTATED_LINE and not _STOP.search(line):
        cuts = sorted(cuts + _reported(line), key=lambda m: m.start())
    return cuts


def _reported(line: str) -> list[re.Match[str]]:
    """Where, in a line of dictated notes, the employee's account of what went before begins ('… late on five mornings
    in the last three weeks | he said its the train from Dartford'): three words or more before it."""
    return [here for m in vocab("spoken", "reports").finditer(line)
            if len(line[:m.start()].split()) >= 3 and not re.search(r"\b(?:and|that|what)\s*$", line[:m.start()], re.I)
            and (here := _HERE.match(line, m.start()))]


_DICTATED_LINE = 80  # in dictated notes, a line this long with no stop holds more than one thought


def dictated(lines: list[str]) -> bool:
    """Notes dictated into a phone line by line: four or more long lines (twelve words or more), nearly all with no stop
    in them ('and timekeeping hes been late on five mornings in the last three weeks he said its the train')."""
    long = [line for line in lines if len(line.split()) >= 12]
    return len(long) >= 4 and sum(not _STOP.search(line) for line in long) >= 0.8 * len(long)


def spoken(line: str) -> bool:
    """A line that is a whole memo transcribed without punctuation: long, with hardly a stop in it."""
    return len(line) >= (len(_STOP.findall(line)) + 1) * _SPOKEN


_MEMO_CLAUSES = 6  # a line cut at its pauses into this many clauses, or more, and no stop is a memo run together


def run_together(line: str, clauses: int) -> bool:
    """A memo spoken on one line, cut into `clauses`: long with hardly a stop (`spoken`), or cut at its pauses into
    many clauses with no stop at all; its clauses are read one by one, as a paragraph's sentences are."""
    return spoken(line) or (clauses >= _MEMO_CLAUSES and not re.search(r"[。！？；.!?;]", line))


# A point's number after a chat's speaker and time, or a speaker's tag, where a sentence does not end: '陈国栋 19:38  1.',
# '吴建 19:18：1.'
_NUMBER_AFTER_TAG = re.compile(r"""^\s*(?:\S+(?:\s\S+)?\s+\d{1,2}:\d{2}(?::\d{2})?\s{2,}
    | [^\s:：]{1,12}(?:\s\S+)?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[:：]\s*
    | [\u4e00-\u9fff·]{1,8}\s+\d{1,2}:\d{2}(?::\d{2})?\s+  # ('王丽店长 09:21 1. 小周…')
    | (?P<who>[A-Z][a-z'’-]+(?:\s[A-Z][\w'’.-]*){1,2})\s*[:：]\s*  # a transcript's 'Rob Tanner: 1. Recs out within 48h'
    | (?:[\u4e00-\u9fff·-]{1,8}\s)?(?P<zh>[\u4e00-\u9fff·]{2,4})\s*[:：]\s*  # a chat's '春熙路店长 何志强：1. 份量：…'
    )\(?\d{1,2}[.)]$""", re.X)


_ZH_NAME = re.compile(zh_name())


def _opens_a_point(tag: re.Match[str]) -> bool:
    """`_NUMBER_AFTER_TAG`'s number opens a point of the speaker's list: after a time stamp, or after a name (not a
    field's label: 'Overall Rating: 2. Below expectations', '评分：2.')."""
    if tag["zh"]:
        return _ZH_NAME.fullmatch(tag["zh"]) is not None and tag["zh"] not in field_words()
    if tag["who"]:
        return is_name(tag["who"]) and not ({tag["who"].replace(" ", "").lower(), tag["who"].split()[-1].lower()} & field_words())
    return True


# A chat app's reactions copied with a message, as a line of their own: ':sweat_smile: 1', ':+1: 2 :eyes: 1'. No words.
_REACTIONS = re.compile(r"(?::[\w+\-]+:\s*\d*\s*)+")


def _split_sentences(line: str, offset: int, dictated: bool = False) -> list[tuple[str, int]]:
    """Split one line into (sentence, start offset) pairs, keeping abbreviations and decimals whole."""
    pieces, start = [], 0
    for m in _cuts(line, dictated):
        cut = m.start()
        if cut <= start:
            continue
        chunk = line[start:cut]
        if chunk.endswith(".") and _ABBREV.search(chunk) and not (
                _ENDS_SENTENCE.search(chunk) and re.match(r"[A-Z][a-z]", line[m.end():])):
            continue  # 'vs. Tom', 'Feb. 3' stay whole; 'by end of Feb. Check in' is two sentences
        if (tag := _NUMBER_AFTER_TAG.search(chunk)) and _opens_a_point(tag):
            continue  # a list's number after a speaker's tag opens its point: '陈国栋 19:38  1. 每天…'
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
        if stripped and re.search(r"\w", stripped) and not _REACTIONS.fullmatch(stripped):
            out.append((stripped, offset + s + (len(chunk) - len(chunk.lstrip()))))
    return out
