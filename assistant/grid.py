"""Tables in notes: which column of a row says what.

Managers paste tables ('Area | Observed | Target | Owner | By', a tab-separated tracker, a Markdown grid).
Read as running text, a row runs its cells together; read as a table, its heading row says which cell is the
area, the figure observed, the target, the owner and the date. The heading words are in
`lexicons/columns.toml`, by language.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .dates import MONTH_PATTERN
from .language import unspaced
from .lexicon import languages, load

_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:[|\t ]\s*:?-{2,}:?\s*)*\|?\s*$")  # '|---|:---:|', '-----  ------'
_DIGIT = re.compile(r"\d")
# A heading cell that names the period its column was measured in: '10月', 'Oct 2026', 'Q3', 'wk 12', 'FY26', '2026'.
_PERIOD_CELL = re.compile(rf"""\d{{1,2}}\s*月份?|(?:20)?\d{{2}}\s*年(?:\d{{1,2}}\s*月)?|Q[1-4](?:\s*\d{{2,4}})?|(?:wks?|weeks?|W)\s*\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?|FY\s*\d{{2,4}}|20\d\d
    |[A-Za-z]{{3,9}}\.?\s*(?:20)?\d{{2}}
    |{MONTH_PATTERN}\.?(?=\s)|(?:this|last)\s+(?:week|month|quarter|year)(?=\s)  # 'May actual', 'last month actual'
    """, re.I | re.X)
_CLOSING_PERIOD = re.compile(rf"\s*[(（]?\s*(?:(?:in|for|during|over)\s+)?(?:{_PERIOD_CELL.pattern})\s*[)）]?$", re.I | re.X)


@dataclass(frozen=True)
class Row:
    """One row of a table whose heading the reader understood: its cells by kind of column."""

    line: int  # counted from 1, as `Sentence.line`
    cells: dict[str, str]
    content: str = ""  # the cells that say what the row is about: not its number, status, owner or date
    kinds: tuple[str | None, ...] = ()  # the kind of each column of its table, in order


@functools.cache
def _heading_words() -> dict[str, str]:
    """Every heading word of every language, with the kind of column it names."""
    words: dict[str, str] = {}
    for lang in languages():
        for column, names in load("columns", lang).items():
            words.update({name.lower(): column for name in names})
    return words


def is_rule(line: str) -> bool:
    """A table's rule under its heading, no row of its own: '|---|:---:|', '-----  ------'."""
    return _RULE_ROW.match(line) is not None


def cells(line: str) -> list[str] | None:
    """The cells of a table row (tabs, or pipes with or without the outer ones), or None for running text."""
    if "\t" not in line.strip() and "|" not in line and "｜" not in line:
        return None
    parts = [line[a:b] for a, b in _spans(line)]
    return parts if len(parts) >= 2 else None


_CELL_END = re.compile(r"\t|[|｜]")


def _spans(line: str) -> list[tuple[int, int]]:
    """Where each cell's text starts and ends in `line` (`cells` gives their text): split at tabs (the line's own
    edges stripped first), else at pipes (the empty cells outside the outer ones are none)."""
    tabbed = "\t" in line.strip()
    first, last = (len(line) - len(line.lstrip()), len(line.rstrip())) if tabbed else (0, len(line))
    edges = [m.start() for m in re.finditer(r"\t" if tabbed else r"[|｜]", line) if first <= m.start() < last]
    spans = []
    for left, right in itertools.pairwise([first - 1, *edges, last]):
        cell = line[left + 1:right]
        start = left + 1 + len(cell) - len(cell.lstrip())
        spans.append((start, max(start, left + 1 + len(cell.rstrip()))))
    if not tabbed:
        if spans and spans[0][0] == spans[0][1]:
            spans = spans[1:]
        if spans and spans[-1][0] == spans[-1][1]:
            spans = spans[:-1]
    return spans


# Which part of a row a column's cell belongs to. An owner's or a date's cell goes with the task beside it; a column
# the heading does not name ('Status'), with the part before it.
_PART = {"area": "finding", "observed": "finding", "target": "target", "action": "action"}


@dataclass
class _Part:
    name: str
    start: int
    end: int


def parts(row: Row, line: str) -> list[tuple[str, int, int]]:
    """A row that holds a finding beside its action, and perhaps its target ('| Cash drop | Variance over £20 on 4
    nights | Under £5 every night | Count the float at handover | Bao | 15 Jan |'), cut into those parts: (part,
    start, end) in `line`. Read whole, such a row is one task. A row with no task, or without a finding of its own
    (no figure, a word or two; a few characters of Chinese), or whose finding does not come first, is not cut: [] (a
    row of findings and targets alone reads well whole: '| Errors | 6 | 0 |')."""
    found = row.cells.get("observed", "")
    if not (_DIGIT.search(found) or len(found.split()) > 2 or (unspaced(found) and len(found) > 4)):
        return []
    spans = _spans(line)
    if len(spans) != len(row.kinds):
        return []  # a row short of a cell (a blank first one stripped): read whole
    cut: list[_Part] = []
    waiting: list[tuple[int, int]] = []  # an owner's or a date's cells before the task they go with
    for kind, (start, end) in zip(row.kinds, spans):
        if not re.search(r"\w", line[start:end]):
            continue  # '–': nothing in it
        if kind in ("owner", "when"):
            if cut and cut[-1].name == "action":
                cut[-1].end = end  # the task's owner and date
            else:
                waiting.append((start, end))
            continue
        part = _PART.get(kind or "")
        if part == "action" and waiting:
            cut.append(_Part(part, waiting[0][0], end))  # '| Priya | Walk Bao through the checklist |'
        elif cut and (part is None or part == cut[-1].name):
            cut[-1].end = end  # another cell of the same part
        else:
            cut.append(_Part(part or "finding", start, end))
        waiting = []  # an owner or a date beside no task is in no part (the row's cells still say whose and when)
    named = [p.name for p in cut]
    if "action" not in named or named[0] != "finding" or named.count("finding") > 1:
        return []  # no task beside it, or the finding after its standard ('| KPI | Standard | Q2 actual |'): read whole
    return [(p.name, p.start, p.end) for p in cut]


def first_cell(line: str) -> tuple[str, int] | None:
    """A row's first cell that is not its number ('| 12 | Target | …' -> 'Target'), and where the cells after it
    start in the line; None for running text or a row of one cell."""
    parts = cells(line)
    if not parts:
        return None
    column = 1 if _NUMBER.match(parts[0]) and len(parts) > 2 else 0
    ends = [m.end() for m in _CELL_END.finditer(line)]
    if line.lstrip().startswith(("|", "｜")):
        ends = ends[1:]  # the opening pipe ends no cell
    return (parts[column], ends[column]) if column < len(ends) else None


def _heading(parts: list[str]) -> list[str | None] | None:
    """The kind of each column, when `parts` read as a heading row: no figures, and two columns or more named. A
    period may open a heading cell ('3月实际', 'Oct actual'): the column is what follows it."""
    words = _heading_words()

    def unperiod(cell: str) -> str:
        period = _PERIOD_CELL.match(cell.strip())
        rest = cell.strip()[period.end():].strip(" -–(（)）") if period else ""
        closing = _CLOSING_PERIOD.search(cell.strip())  # 'What happened in Q1', 'Result (Oct)'
        before = cell.strip()[:closing.start()].strip(" -–") if closing else ""
        return rest if rest and rest.lower() in words else before if before and before.lower() in words else cell

    parts = [unperiod(p) for p in parts]
    if any(_DIGIT.search(p) and not _PERIOD_CELL.fullmatch(p.strip()) for p in parts):
        return None  # a row of figures, not a heading ('| KPI | 10月 | Target |' names a month, and is one)
    kinds = [_cell_kind(p, words) for p in parts]
    if len(set(named := [k for k in kinds if k])) < len(named):
        kinds = [_cell_kind(p, words, glossed=False) for p in parts]  # ('类别 Category | 内容 Detail': no gloss says which is which)
    if kinds.count("observed") == 2:  # 'Area | What I saw | Evidence': the second says more of the first
        kinds[len(kinds) - 1 - kinds[::-1].index("observed")] = None
    periods = [i for i, p in enumerate(parts) if kinds[i] is None and _PERIOD_CELL.fullmatch(p.strip())]
    if len(periods) == 1 and "observed" not in kinds and sum(k is not None for k in kinds) >= 2:
        kinds[periods[0]] = "observed"  # the one column headed by its period alone is what was measured then: 'WEEKS
        # 31-34' beside two columns the heading names (not a tracker's week by week, 'Wk 10 | Wk 11 | Wk 12', nor a
        # row whose due cell is a week, 'Action | Meters | … | wk 37')
    named = [k for k in kinds if k]
    return kinds if len(named) >= 2 and len(set(named)) == len(named) else None


_IN_TWO_SCRIPTS = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u4e00-\u9fff])")


def _cell_kind(cell: str, words: dict[str, str], glossed: bool = True) -> str | None:
    """The kind a heading cell names: as a whole, or without its bracket ('What we saw (Oct)'), or each of its
    halves naming the same kind ('Standard / target'), or one half of a heading in two languages ('指标 KPI')."""
    def kind(text: str) -> str | None:
        return words.get(re.sub(r"[\s*_:：]+", " ", text).strip().lower())

    found = kind(cell) or kind(re.sub(r"[(（][^)）]*[)）]", " ", cell))
    if found is None and glossed and (halves := [h for h in _IN_TWO_SCRIPTS.split(cell) if h.strip()]) and len(halves) == 2:
        glosses = {k for h in halves if (k := kind(h)) is not None}  # a heading glossed in the other language: '指标 KPI'
        found = glosses.pop() if len(glosses) == 1 else None
    if found is None and (halves := [h for h in re.split(r"\s*[/&]\s*|\s+or\s+", cell) if h.strip()]) and len(halves) > 1:
        named = {kind(h) for h in halves}
        found = named.pop() if len(named) == 1 else None
    return found


def is_heading(line: str) -> bool:
    """A table's heading row: '| KPI | 10月 | Target | Due |', 'What<TAB>Who<TAB>By'."""
    parts = cells(line)
    return parts is not None and _heading(parts) is not None


_NUMBER = re.compile(r"^\W*(?:#|no\.?\s*)?[A-Z]{0,4}-?\d{1,4}\W*$", re.I)  # '3', '#12', 'T-04', 'PIP-2'


def _content(kinds: list[str | None], parts: list[str]) -> str:
    """A row's cells without its number, a one- or two-word status ('open', 'in progress'), its verdict ('PASS'), its
    owner or date."""
    def kept(column: int, kind: str | None, cell: str) -> bool:
        if kind in ("owner", "when", "verdict") or not re.search(r"\w", cell) or (column == 0 and _NUMBER.match(cell)):
            return False
        return not (kind == "observed" and not _DIGIT.search(cell) and len(cell.split()) <= 2 and cell.isascii())
    return " | ".join(p for i, (k, p) in enumerate(zip(kinds, parts)) if kept(i, k, p))


def closing_cells_start(row: Row, line: str) -> int | None:
    """Where the owner's and date's cells that close a row start in `line` ('Replace the scanner<TAB>IT<TAB>10/03'), or
    None where the row does not close with them."""
    spans = _spans(line)
    if len(spans) != len(row.kinds):
        return None
    start = None
    for kind, (a, _) in reversed(list(zip(row.kinds, spans))):
        if kind not in ("owner", "when"):
            break
        start = a
    return start


_THOUSANDS = re.compile(r"\d{3}(?!\d)")  # the digits after the comma of '1,200' (not of a row number before a date, '1,2026-01-28')


def _csv_fields(line: str, exports: bool = False) -> list[tuple[int, int, bool]] | None:
    """The fields of a comma-separated line as (start, end, quoted), a quoted field's span with its quotes; None when a
    quote is left open, the line has no comma, or it reads as prose: a comma outside quotes followed by a space ('late
    twice, in May'), or one between digits ('1,200'; with `exports`, only before three: not a row's number before its
    date, '1,2026-01-28')."""
    fields, start, quoted, inside = [], 0, False, False
    for i, c in enumerate(line):
        if c == '"' and (inside or i == start or quoted):
            inside, quoted = not inside, True  # ('""' inside a quoted cell closes and opens it again)
        elif c == "," and not inside:
            if line[i + 1:i + 2] == " " or (line[i - 1:i].isdigit() and not quoted and (
                    _THOUSANDS.match(line, i + 1) if exports else line[i + 1:i + 2].isdigit())):
                return None
            fields.append((start, i, quoted))
            start, quoted = i + 1, False
    if inside or not fields:
        return None
    return [*fields, (start, len(line), quoted)]


def csv_as_tabs(text: str, exports: bool = False) -> str:
    """A comma-separated table pasted into notes (a review export) as a tab-separated one of the same length, so it is
    read as tables are: the commas between its cells become tabs, the quotes around a cell spaces. A table is a heading
    row of three cells or more the reader understands ('item,type,detail,owner,due'), or with `exports` one of field
    names the reader does not know over two rows or more (`_export_heading`), and the lines below it with as many cells."""
    lines = text.split("\n")
    width = 0
    for n, line in enumerate(lines):
        fields = None if "\t" in line or "|" in line else _csv_fields(line, exports)
        if fields is None or (width and len(fields) != width):
            width = 0
        if fields is None:
            continue
        if not width:
            heading = [line[a:b] for a, b, _ in fields]
            if len(fields) < 3 or (_heading(heading) is None and not (exports and _export_heading(heading, lines[n + 1:n + 3]))):
                continue
            width = len(fields)
        chars = list(line)
        for a, b, quoted in fields:
            if b < len(chars):
                chars[b] = "\t"
            if quoted:
                chars[a] = " "
                if b - 1 > a and chars[b - 1] == '"':
                    chars[b - 1] = " "
        lines[n] = "".join(chars)
    return "\n".join(lines)


# A list's heading that names the columns of its items in brackets, between slashes: 'Actions (owner / due)', '措施（负责人 /
# 截止）'; the items below then give them after the task the same way: '- Fix the jig / Leo / next week'.
_SLASHED_HEADING = re.compile(r"[(（]\s*((?:[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff ]{0,14}?\s*/\s*){1,3}[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff ]{0,14}?)\s*[)）]\s*[:：]?\s*$")


_OWNER_COLUMN = re.compile(r"\b(?:owner|who|by\s+whom|responsible|lead)\b|负责人?|责任人|谁", re.I)
# A heading's first column that names the task itself ('Actions (what / who / when)'): the item's text before its
# first slash, not a column after the task.
_TASK_COLUMN = re.compile(r"\s*(?:what|task|action|item|step|to\s*do|做什么|事项|行动|措施|任务)\s*/", re.I)


def slashes_as_tabs(text: str) -> str:
    """The items under a heading that names their columns between slashes ('Actions (owner / due)', 'Actions (what /
    who / when)') as rows of a table of the same length: each ' / ' between an item's cells becomes ' <TAB> ', where
    the item has as many as the heading names columns after the task. The list ends at a blank line."""
    lines = text.split("\n")
    columns = 0
    for n, line in enumerate(lines):
        if (heading := _SLASHED_HEADING.search(line)) and _OWNER_COLUMN.search(heading.group(1)):
            columns = heading.group(1).count("/") + (not _TASK_COLUMN.match(heading.group(1)))  # (a list of tasks:
            # not 'Response times (target / actual)')
        elif not line.strip():
            columns = 0
        elif columns and "\t" not in line and line.count(" / ") == columns:
            lines[n] = line.replace(" / ", " \t ")
    return "\n".join(lines)


_COLUMN_NAME = re.compile(r"[A-Za-z][A-Za-z_]*(?: [A-Za-z_]+)?")  # 'section', 'review_id', 'staff name'


def _export_heading(heading: list[str], below: list[str]) -> bool:
    """A system's export whose column names the reader does not know ('section,note,type'): field names of a word or
    two, and the two lines below it rows of as many fields."""
    return all(_COLUMN_NAME.fullmatch(cell) for cell in heading) and len(below) == 2 and all(
        (fields := _csv_fields(line, True)) is not None and len(fields) == len(heading) for line in below)


_SPACED = re.compile(r"\S+(?:[ ]\S+)*")  # a cell of a table laid out in spaces: words one space apart
_SPACED_RULE = re.compile(r"^[ ]*-{3,}(?:[ ]{2,}-{3,})+[ ]*$")  # '-----------------  ---------------'


def spaced_as_tabs(text: str) -> str:
    """A table laid out in columns of spaces (a plain-text export, 'ITEM   WEEKS 31-34   EXPECTED' over a rule of
    dashes) as a tab-separated one of the same length: a heading row of cells two spaces apart or more that the reader
    understands, then the rows below it whose cells start where the heading's do, until a line that does not fit (a
    blank line, running text). The space before each column becomes a tab."""
    lines = text.split("\n")
    starts: list[int] = []
    for n, line in enumerate(lines):
        if starts and _SPACED_RULE.match(line):
            continue
        if starts and line.strip() and _fits(line, starts):
            lines[n] = _tabbed(line, starts)
            continue
        if starts and line.strip() and (gapped := _gapped(line, len(starts))) is not None:
            lines[n] = gapped  # a cell that runs past its column: 'Prove zero pressure … opening trap   Bheki      every run'
            continue
        found = list(_SPACED.finditer(line)) if "  " in line.strip() and "\t" not in line and "|" not in line else []
        gaps_ok = all(line[a.end():b.start()].startswith("  ") for a, b in itertools.pairwise(found))
        if len(found) >= 2 and gaps_ok and _heading([m.group(0) for m in found]) is not None:
            starts = [m.start() for m in found]
            lines[n] = _tabbed(line, starts)
        else:
            starts = []
    return "\n".join(lines)


def _fits(line: str, starts: list[int]) -> bool:
    """A row of a spaced table: text at its first column, and a space before every later column it reaches."""
    return not line[:starts[0]].strip() and all(line[c - 1] == " " and line[c] != " " for c in starts[1:] if c < len(line))


def _gapped(line: str, columns: int) -> str | None:
    """A row whose cells do not start where the heading's do, but that two spaces or more part into as many cells as the
    heading has, with its first cell at the line's start: each gap's first space becomes a tab (the same length)."""
    gaps = list(re.finditer(r"(?<=\S) {2,}(?=\S)", line))
    if len(gaps) != columns - 1 or line[:1].isspace():
        return None
    chars = list(line)
    for gap in gaps:
        chars[gap.start()] = "\t"
    return "".join(chars)


def _tabbed(line: str, starts: list[int]) -> str:
    chars = list(line)
    for c in starts[1:]:
        if c < len(chars):
            chars[c - 1] = "\t"
    return "".join(chars)


def repeated_cells(text: str) -> frozenset[str]:
    """The cells that say the same on every row of a table of three rows or more under its heading: an export's
    fields written out on each row ('2026-01-28<TAB>Priya Raman<TAB>cabin presentation agent<TAB>…'), no words of what
    each row says."""
    found: set[str] = set()
    table: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        parts = cells(line)
        if parts is not None and (not table or len(table[0]) - 2 <= len(parts) <= len(table[0])):
            table.append([p.strip() for p in parts])  # (a row whose last cells are empty is shorter)
            continue
        if len(table) >= 4:  # a heading and three rows
            found.update(column[0] for column in zip(*table[1:]) if column[0] and len(set(column)) == 1)
        table = [[p.strip() for p in parts]] if parts is not None else []
    return frozenset(found)


def rows(text: str) -> dict[int, Row]:
    """The rows of every table in `text` with a heading row the reader understood, by line number (from 1)."""
    found: dict[int, Row] = {}
    kinds: list[str | None] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if _RULE_ROW.match(line):
            continue
        parts = cells(line)
        if parts is None:
            kinds = None  # the table ended
            continue
        heading = _heading(parts)
        if heading is not None:
            kinds = heading
        elif kinds is not None and len(parts) <= len(kinds):
            own = _short_row(kinds, parts)
            found[number] = Row(number, {k: p for k, p in zip(own, parts) if k and p}, _content(own, parts), tuple(own))
    return found


# A table's date cell: 'by 31 Oct', 'from 12 Oct', 'now', 'weekly', '2 weeks'.
_WHEN_CELL = re.compile(rf"""(?:by|from|before|until|end\s+of|w/?c|wk|week)\b.* | \d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})? | \d{{4}}-\d{{2}}-\d{{2}}
    | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN}).* | (?:{MONTH_PATTERN}).*
    | (?:now|asap|today|tomorrow|ongoing|weekly|daily|monthly|fortnightly|tbc|eod|eow|next\s+\w+)
    | (?:this\s+)?(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday)?\.?(?:\s+(?:am|pm|morning|afternoon|eod))?  # 'Friday',
    # 'Thurs pm' (not 'Sun Li', 'Thu Nguyen': names)
    | (?:\d+|one|two|three|four|six)\s+(?:days?|weeks?|months?)
    | \d{{1,2}}\s*月\s*(?:\d{{1,2}}\s*[日号]|[初中底末])?\s*(?:前|之前)?
    | (?:立即|马上|即日起|本周[一二三四五六日]?内?|下周[一二三四五六日]?|(?:周|星期)[一二三四五六日天]前?|下个?月[初中底]?|月底前?|年底前?|季度末|长期|持续|每[天日周月]
      |从[^，。,]{{1,12}}(?:开始|起))""", re.I | re.X)  # ('10 月底', '11 月 15 日', '立即', '从下一个项目开始'; not '9月实际')


# A row's status or priority, no one's name: 'Done', 'Medium', 'In progress'.
_STATUS_CELL = re.compile(r"(?i:done|open|closed|complete[d]?|pending|ongoing|in\s+progress|not\s+started|high|medium|low|urgent"
                          r"|yes|no|n/?a|ok|red|amber|green|met|not\s+met|on\s+track|late|overdue)")
# A cell of a capitalised word or three before a row's date cell: whose the task is, a team or a person ('Yard (Dale)').
_OWNER_BEFORE_DATE = re.compile(r"[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,2}(?:\s*\([^()]{1,30}\))?")


def slashed_row(line: str) -> bool:
    """An item of a list whose heading named its columns between slashes, as `slashes_as_tabs` wrote it."""
    return " \t " in line


def closing_cells(line: str, names_owner: Callable[[str], bool]) -> tuple[int, str | None, str | None] | None:
    """A row of a table whose heading the reader did not understand, closing with its owner's cell and its date's
    ('…<TAB>Pocket sweep first<TAB>Priya<TAB>from next shift', '…<TAB>Put gloves on the par list<TAB>Stores<TAB>2026-02-02',
    '…,Print the size charts,manager'), or a status or priority before the date ('…,High,2026-10-12'): where those cells
    start in `line`, the owner's cell and the date's; None where the row does not close with them (empty cells after
    them are none)."""
    spans = [(a, b) for a, b in _spans(line) if b > a] if cells(line) else []
    least = 2 if slashed_row(line) else 3  # (a slashed item has no label's cell before the task)
    start, owner, when = None, None, None
    if len(spans) >= least and _WHEN_CELL.fullmatch(line[spans[-1][0]:spans[-1][1]].strip()):
        start, when = spans[-1][0], line[spans[-1][0]:spans[-1][1]].strip()
        spans = spans[:-1]
    if len(spans) >= least and _STATUS_CELL.fullmatch(cell := line[spans[-1][0]:spans[-1][1]].strip()):
        start = spans[-1][0]  # a status or priority beside the date: no words of the task, and no one's
    elif len(spans) >= least and (names_owner(cell) or (when and _OWNER_BEFORE_DATE.fullmatch(cell))):
        start, owner = spans[-1][0], cell
    return (start, owner, when) if start is not None else None


def _short_row(kinds: list[str | None], parts: list[str]) -> list[str | None]:
    """The columns of a row one cell short of its heading, whose last cell is a date where the heading's last column
    is one: its first cell names the row, the rest are the last columns' (the blank cell left out was in between:
    'shore base<TAB>keep the Tuesday boat slot fixed<TAB>ops office<TAB>from 12 Oct' under 'item | observed | agreed
    action | owner | due'). Any other row: the heading's columns in order."""
    if len(parts) == len(kinds) - 1 >= 3 and kinds[-1] == "when" and _WHEN_CELL.fullmatch(parts[-1].strip()):
        return [kinds[0], *kinds[len(kinds) - len(parts) + 1:]]
    return list(kinds)
