"""A plan as the editable tables the workspace shows, and back: the only translation the UI needs.

Tables are shown in the interface's language (headers, the SMART column, the flags); what the manager
types is read back by position, whatever the language."""
from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass, field
from typing import Literal

from ..i18n import columns, term, text
from ..i18n import flags as F
from ..notes import NotesAnalysis
from ..reader import OWNERS, READINGS
from ..schema import (
    CheckIn,
    Deficiency,
    Goal,
    Plan,
    Responsibility,
    ReviewFlag,
    RootCause,
    load_plan_lenient,
)
from .assessment import smart_cell

# "Set by me" is a checkbox: the manager vouches for a value the notes do not give (the grounding check accepts it).
DEFICIENCY_TYPES: list[Literal["str", "bool"]] = ["str", "str", "str", "str", "bool"]
GOAL_TYPES: list[Literal["str", "bool"]] = ["str", "str", "str", "str", "str", "str", "str", "str", "bool"]
TABLES = ("deficiencies", "causes", "goals", *OWNERS, "check_ins")


def headers(table: str, lang: str) -> list[str]:
    """A table's column headers in `lang` (the three responsibility tables share theirs)."""
    return columns(lang, "responsibilities" if table in OWNERS else table)


def _ids(text) -> list[str]:
    return [t for t in re.split(r"[\s,;，、]+", str(text or "").strip().upper()) if t]


@dataclass
class Problems:
    """Cells that could not be read, by table, in the interface's language: shown beside their table."""

    lang: str = "en"
    by_table: dict[str, list[str]] = field(default_factory=dict)

    def add(self, table: str, key: str, **params) -> None:
        self.by_table.setdefault(table, []).append(text(self.lang, f"errors.{key}", **params))

    def date(self, value, table: str, row: int) -> dt.date | None:
        value = str(value or "").strip()
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            self.add(table, "not_a_date" if table != "header" else "header_date", row=row + 1, value=value)
            return None


def _cells(table) -> list[list[str]]:
    """Every row of a Dataframe value (list of lists, or a pandas frame) as strings, blank rows included."""
    if table is None:
        return []
    if hasattr(table, "values") and hasattr(table, "columns"):
        table = table.values.tolist()
    if isinstance(table, dict):
        table = table.get("data", [])
    return [["" if c is None or (isinstance(c, float) and math.isnan(c)) else str(c) for c in row] for row in table]


def _rows(table) -> list[list[str]]:
    """Rows of a Dataframe value with something in them."""
    return [r for r in _cells(table) if any(c.strip() for c in r)]


# What a row needs before it becomes part of the plan; until then it stays in its table, marked incomplete.
NEEDED = {"deficiencies": (1, 2), "causes": (0,), "goals": (1,), "employee": (1,), "manager": (1,),
          "organisation": (1,), "check_ins": (0,)}  # what each lacks is named in the language files ([needs])
TABLE_WIDTH = {"deficiencies": 5, "causes": 2, "goals": 9, "employee": 3, "manager": 3, "organisation": 3, "check_ins": 2}


@dataclass
class Pending:
    """Rows a manager added but has not filled in: kept in place, left out of the plan until complete."""

    rows: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)

    def add(self, table: str, index: int, row: list[str]) -> None:
        self.rows.setdefault(table, []).append((index, row))

    def report(self, problems: Problems) -> None:
        """Each incomplete row, as a problem beside its table."""
        for table, rows in self.rows.items():
            for index, _ in rows:
                problems.add(table, "incomplete", row=index + 1, needs=text(problems.lang, f"needs.{table}"))

    def merge(self, tables: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
        """The plan's tables with the incomplete rows put back where the manager left them."""
        out = dict(tables)
        for table, rows in self.rows.items():
            merged = list(out.get(table, []))
            for index, row in sorted(rows):
                merged.insert(min(index, len(merged)), row)
            out[table] = merged
        return out


def moved(value, row: int, step: int) -> list[list[str]] | None:
    """The table's rows with `row` moved `step` places (-1 up, +1 down), or None when it cannot move that way."""
    rows = _cells(value)
    to = row + step
    if not (0 <= row < len(rows) and 0 <= to < len(rows)):
        return None
    rows[row], rows[to] = rows[to], rows[row]
    return rows


def _complete_rows(table: str, value, pending: Pending) -> list[tuple[int, list[str]]]:
    """The rows of `table` filled in enough to enter the plan, with their place in the table; the others go to
    `pending`."""
    needed = NEEDED[table]
    complete = []
    for index, row in enumerate(value):
        row = row + [""] * (TABLE_WIDTH[table] - len(row))
        if all(row[i].strip() for i in needed):
            complete.append((index, row))
        else:
            pending.add(table, index, row)
    return complete


def _columns_kept(base: Plan, tables: dict, problems: Problems) -> dict[str, list[list[str]]]:
    """Each table's rows; a table whose rows are wider or narrower than its columns had a column added or deleted
    (by an API caller: the browser's tables have fixed columns), which would shift every cell after it into the wrong
    field: that table stays as `base` has it, and the caller is told beside it."""
    out = {}
    for table in TABLES:
        rows = _cells(tables.get(table))
        if rows and max(len(r) for r in rows) != TABLE_WIDTH[table]:
            problems.add(table, "columns_fixed")
            rows = _cells(to_tables(base)[table])
        out[table] = rows
    return out


def _party(owner: str, base: Plan, header: dict | None) -> str:
    """Whom a responsibility names when its party cell is left empty (a row the manager added): the employee or the
    manager by name when the plan has one, else the party's word in the plan's language."""
    header = header or {}
    named = {"employee": header.get("employee") or base.employee.name, "manager": header.get("manager") or base.manager}
    return (named.get(owner) or "").strip() or term(base.language, "party", owner)


def _ticked(value) -> bool:
    """A checkbox cell: a bool from the browser, or its text from an API caller."""
    return value is True or str(value).strip().lower() in ("true", "1", "yes", "✓", "x")


def _deadline_words(day: dt.date) -> list[str]:
    """How a goal's sentence may write its deadline (the drafters' forms first)."""
    return [f"{day.day} {day:%b} {day.year}", f"{day.year}年{day.month}月{day.day}日", day.isoformat(),
            f"{day.day} {day:%B} {day.year}", f"{day.day} {day:%b}", f"{day.month}月{day.day}日"]


def _follow(goal: Goal, metric: str | None, target: str | None, deadline: dt.date | None) -> str:
    """The goal's sentence with its metric, target and deadline as the manager just set them in their cells
    (each replaced where the sentence says the old one)."""
    text = goal.description
    for old, new in ((goal.metric, metric), (goal.target, target)):
        if old and new and old != new and old in text:
            text = text.replace(old, new)
    if goal.deadline and deadline and goal.deadline != deadline:
        for old, new in zip(_deadline_words(goal.deadline), _deadline_words(deadline)):
            if old in text:
                text = text.replace(old, new)
                break
    return text


def to_tables(plan: Plan, lang: str = "en") -> dict[str, list[list]]:
    status = [smart_cell(plan, i, lang) for i in range(len(plan.goals))]
    tables: dict[str, list[list]] = {
        "deficiencies": [[d.id, d.area, d.evidence, ", ".join(d.source_sentences), d.manager_set]
                         for d in plan.deficiencies],
        "causes": [[c.cause, ", ".join(c.deficiency_ids)] for c in plan.root_causes],
        "goals": [[g.id, g.description, g.metric or "", g.baseline or "", g.target or "",
                   g.deadline.isoformat() if g.deadline else "", ", ".join(g.deficiency_ids), status[i], g.manager_set]
                  for i, g in enumerate(plan.goals)],
        "check_ins": [[c.date.isoformat(), c.focus] for c in plan.check_ins],
        "flags": [F.row(f, lang, plan) for f in sorted_flags(plan.review_flags)],
    }
    for owner in OWNERS:
        tables[owner] = [[r.party, r.action, r.due.isoformat() if r.due else ""]
                         for r in plan.responsibilities if r.owner == owner]
    return tables


def same_plan(a: Plan, b: Plan) -> bool:
    """The same plan as the tables show it: equal apart from the flags and the order of the three parties'
    responsibilities (the tables group them by party)."""
    def shown(plan: Plan) -> dict:
        data = plan.model_dump(exclude={"review_flags"})
        data["responsibilities"].sort(key=lambda r: OWNERS.index(r["owner"]))
        return data
    return shown(a) == shown(b)


def sorted_flags(flags: list[ReviewFlag]) -> list[ReviewFlag]:
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(flags, key=lambda f: order[f.severity])


def from_tables(base: Plan, tables: dict, header: dict | None = None,
                lang: str = "en") -> tuple[Plan, Problems, Pending]:
    """The edited plan, the cells that could not be read (by table, in `lang`), and the rows not yet filled in.

    Unknown rows are the manager's own, and so is a row whose "Set by me" is ticked. `header` holds the
    edited employee, role, manager and interview date (empty strings clear them)."""
    problems = Problems(lang)
    pending = Pending()
    tables = _columns_kept(base, tables, problems)
    known_defs = {d.id: d for d in base.deficiencies}
    deficiencies = []
    for n, (_, row) in enumerate(_complete_rows("deficiencies", tables.get("deficiencies"), pending), 1):
        did = row[0].strip() or f"D{n}"
        original = known_defs.get(did)
        deficiencies.append(Deficiency(id=did, area=row[1].strip(), evidence=row[2].strip(), source_sentences=_ids(row[3]),
                                       manager_set=_ticked(row[4]) or original is None))
    known_causes = {c.cause: c for c in base.root_causes}
    causes = [RootCause(cause=r[0].strip(), deficiency_ids=_ids(r[1]),
                        source_sentences=known_causes[r[0].strip()].source_sentences if r[0].strip() in known_causes else [])
              for _, r in _complete_rows("causes", tables.get("causes"), pending)]
    known_goals = {g.id: g for g in base.goals}
    goals = []
    for n, (index, row) in enumerate(_complete_rows("goals", tables.get("goals"), pending), 1):
        gid = row[0].strip() or f"G{n}"
        drafted = known_goals.get(gid)
        description = row[1].strip()
        values = {"metric": row[2].strip() or None, "baseline": row[3].strip() or None, "target": row[4].strip() or None}
        deadline = problems.date(row[5], "goals", index)
        if drafted is not None and description == drafted.description:
            description = _follow(drafted, values["metric"], values["target"], deadline)
        goals.append(Goal(id=gid, deficiency_ids=_ids(row[6]), description=description, deadline=deadline,
                          source_sentences=drafted.source_sentences if drafted else [],
                          manager_set=_ticked(row[8]) or drafted is None, **values))
    responsibilities = []
    for owner in OWNERS:
        for index, row in _complete_rows(owner, tables.get(owner), pending):
            match = next((r for r in base.responsibilities if r.owner == owner and r.action == row[1].strip()), None)
            responsibilities.append(Responsibility(
                owner=owner, party=row[0].strip() or _party(owner, base, header), action=row[1].strip(),
                due=problems.date(row[2], owner, index),
                goal_ids=match.goal_ids if match else [], source_sentences=match.source_sentences if match else []))
    check_ins = []
    for index, row in _complete_rows("check_ins", tables.get("check_ins"), pending):
        day = problems.date(row[0], "check_ins", index)
        if day:
            check_ins.append(CheckIn(date=day, focus=row[1].strip() or text(base.language, "labels.check_in_focus")))
    deadlines = [g.deadline for g in goals if g.deadline]
    data = base.model_dump()
    data.update(
        deficiencies=[d.model_dump() for d in deficiencies], root_causes=[c.model_dump() for c in causes],
        goals=[g.model_dump() for g in goals], responsibilities=[r.model_dump() for r in responsibilities],
        check_ins=[c.model_dump() for c in check_ins], review_flags=[],
        status="draft" if deficiencies and goals else base.status,
    )
    if header is not None:
        data["employee"] = {"name": (header.get("employee") or "").strip() or None,
                            "role": (header.get("role") or "").strip() or None}
        if "manager" in header:
            data["manager"] = (header.get("manager") or "").strip() or None
        if (header.get("interview_date") or "").strip():
            data["interview_date"] = problems.date(header["interview_date"], "header", 0) or base.interview_date
    start = data["interview_date"] if header is not None else (base.period.start or base.interview_date)
    ends = [*deadlines, *(c.date for c in check_ins if c.date)]  # the plan runs to its last deadline or final review
    data["period"] = {"start": start, "end": max(ends) if ends else base.period.end}
    pending.report(problems)
    return load_plan_lenient(data), problems, pending


def _spans(analysis: NotesAnalysis | None, notes: str, label_of) -> list[tuple[str, str | None]]:
    """The notes as (text, label) spans for gr.HighlightedText: each sentence labelled by `label_of`."""
    if analysis is None:
        return [(notes, None)] if notes else []
    spans: list[tuple[str, str | None]] = []
    pos, text = 0, analysis.text
    for s in analysis.sentences:
        if s.start > pos:
            spans.append((text[pos:s.start], None))
        spans.append((text[s.start:s.end], label_of(s)))
        pos = max(pos, s.end)
    if pos < len(text):
        spans.append((text[pos:], None))
    return spans


def highlighted_notes(analysis: NotesAnalysis | None, notes: str, sentence_ids: list[str], label: str = "evidence",
                      lang: str = "en"):
    """The notes with the given sentences marked (the evidence of a deficiency, the sentences of a flag)."""
    wanted = set(sentence_ids)
    name = term(lang, "reading", label)
    return _spans(analysis, notes, lambda s: f"{name} {s.id}" if s.id in wanted else None)


# ---------------------------------------------------------------- how the notes were read

UNSURE = 0.6  # below this the reading view marks a sentence as unsure
CORRECTIONS = [r for r in READINGS if r != "action"] + [f"action: {o}" for o in OWNERS]
_COLOURS = {"shortfall": "#f4a6a6", "standard": "#c9d7f2", "account": "#f3dca2", "cause": "#f6c28b",
            "action: employee": "#a8dcb5", "action: manager": "#8fd3d6", "action: organisation": "#c5b3e6",
            "target": "#9ec9f0", "strength": "#d6e8a8", "quoted": "#dddddd", "aside": "#eeeeee",
            "header": "#e8e8e8", "other": "#f4f4f4", "kept out": "#444444"}


def reading_colours(lang: str) -> dict[str, str]:
    """The reading view's colours by the labels it shows in `lang` ('?' marks an unsure reading)."""
    named = {term(lang, "reading", k): v for k, v in _COLOURS.items()}
    return {**named, **{f"{k} ?": v for k, v in named.items() if k != term(lang, "reading", "kept out")}}


def reading_legend(lang: str) -> str:
    """The reading view's colours, each reading named once (an unsure one, marked '?', has its colour): Gradio's
    legend named each twice, with and without '?'."""
    items = []
    for key, colour in _COLOURS.items():
        ink = "#ffffff" if key == "kept out" else "#000000"
        items.append(f'<span class="pc-legend-item" style="background:{colour}; color:{ink}">'
                     f'{html.escape(term(lang, "reading", key))}</span>')
    return f'<div class="pc-legend">{"".join(items)}</div>'


def correction_choices(lang: str) -> list[tuple[str, str]]:
    """What a sentence can be re-read as: shown in `lang`, sent as the reading's name."""
    return [(term(lang, "reading", c), c) for c in CORRECTIONS]


def reading_label(s, lang: str = "en") -> str:
    """What the reading view shows for a sentence: its reading (with the owner of an action), '?' when unsure."""
    if s.kind == "excluded":
        return term(lang, "reading", "kept out")
    name = term(lang, "reading", f"action: {s.owner}" if s.reading == "action" and s.owner else s.reading)
    return name if s.confidence >= UNSURE or s.stated else f"{name} ?"


def reading_spans(analysis: NotesAnalysis | None, notes: str, lang: str = "en"):
    """The notes with every sentence coloured by how it was read."""
    return _spans(analysis, notes, lambda s: reading_label(s, lang))


def sentence_choices(analysis: NotesAnalysis | None, lang: str = "en") -> list[tuple[str, str]]:
    """The sentences a manager may re-read, each chosen by its text: ids move when the notes are edited."""
    if analysis is None:
        return []
    return [(f"{s.id} · {reading_label(s, lang)} · {s.text[:70]}", s.text)
            for s in analysis.sentences if s.kind != "excluded"]
