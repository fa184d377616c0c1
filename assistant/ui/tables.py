"""A plan as the editable tables the workspace shows, and back: the only translation the UI needs."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..notes import NotesAnalysis
from ..reader import OWNERS
from ..reader import READINGS
from ..schema import CheckIn, Deficiency, Goal, Plan, ReviewFlag, Responsibility, RootCause, load_plan_lenient

DEFICIENCY_COLUMNS = ["ID", "Area", "Evidence", "Sentences"]
CAUSE_COLUMNS = ["Cause", "Deficiencies"]
GOAL_COLUMNS = ["ID", "Description", "Metric", "Baseline", "Target", "Deadline", "Deficiencies", "SMART", "Set by me"]
GOAL_TYPES = ["str"] * 8 + ["bool"]  # "Set by me" is a checkbox: the manager vouches for a value the notes do not give
RESPONSIBILITY_COLUMNS = ["Party", "Action", "Due"]
CHECK_IN_COLUMNS = ["Date", "Focus"]
FLAG_COLUMNS = ["Severity", "Kind", "Message", "Where", "Suggestion"]


def _ids(text) -> list[str]:
    return [t for t in re.split(r"[\s,;，、]+", str(text or "").strip().upper()) if t]


def _date(text, problems: list[str], where: str) -> dt.date | None:
    text = str(text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        problems.append(f"{where}: '{text}' is not a date (use YYYY-MM-DD)")
        return None


def _cells(table) -> list[list[str]]:
    """Every row of a Dataframe value (list of lists, or a pandas frame) as strings, blank rows included."""
    if table is None:
        return []
    if hasattr(table, "values") and hasattr(table, "columns"):
        table = table.values.tolist()
    if isinstance(table, dict):
        table = table.get("data", [])
    return [["" if c is None or (isinstance(c, float) and c != c) else str(c) for c in row] for row in table]


def _rows(table) -> list[list[str]]:
    """Rows of a Dataframe value with something in them."""
    return [r for r in _cells(table) if any(c.strip() for c in r)]


# What a row needs before it becomes part of the plan; until then it stays in its table, marked incomplete.
NEEDED = {
    "deficiencies": ((1, 2), "an area and its evidence"),
    "causes": ((0,), "a cause"),
    "goals": ((1,), "a description"),
    "employee": ((1,), "an action"),
    "manager": ((1,), "an action"),
    "organisation": ((1,), "an action"),
    "check_ins": ((0,), "a date"),
}
TABLE_WIDTH = {"deficiencies": 4, "causes": 2, "goals": 9, "employee": 3, "manager": 3, "organisation": 3, "check_ins": 2}


@dataclass
class Pending:
    """Rows a manager added but has not filled in: kept in place, left out of the plan until complete."""

    rows: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)

    def add(self, table: str, index: int, row: list[str]) -> None:
        self.rows.setdefault(table, []).append((index, row))

    def messages(self, names: dict[str, str]) -> list[str]:
        return [f"{names.get(table, table)}: row {index + 1} is incomplete (it needs {NEEDED[table][1]}); "
                f"fill it in or delete it" for table, rows in self.rows.items() for index, _ in rows]

    def merge(self, tables: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
        """The plan's tables with the incomplete rows put back where the manager left them."""
        out = dict(tables)
        for table, rows in self.rows.items():
            merged = list(out.get(table, []))
            for index, row in sorted(rows):
                merged.insert(min(index, len(merged)), row)
            out[table] = merged
        return out


def _complete_rows(table: str, value, pending: Pending) -> list[list[str]]:
    """The rows of `table` filled in enough to enter the plan; the others go to `pending`."""
    needed, _ = NEEDED[table]
    complete = []
    for index, row in enumerate(_cells(value)):
        row = row + [""] * (TABLE_WIDTH[table] - len(row))
        if all(row[i].strip() for i in needed):
            complete.append(row)
        else:
            pending.add(table, index, row)
    return complete


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


def smart_status(plan: Plan) -> list[str]:
    out = []
    for i, _ in enumerate(plan.goals):
        missing = [f for f in plan.review_flags if f.kind == "smart" and (f.location or "").startswith(f"goals[{i}]")]
        out.append("✓" if not missing else "✗ " + "; ".join(f.message.split(":")[-1].strip() for f in missing)[:120])
    return out


def to_tables(plan: Plan) -> dict[str, list[list[str]]]:
    status = smart_status(plan)
    tables = {
        "deficiencies": [[d.id, d.area, d.evidence, ", ".join(d.source_sentences)] for d in plan.deficiencies],
        "causes": [[c.cause, ", ".join(c.deficiency_ids)] for c in plan.root_causes],
        "goals": [[g.id, g.description, g.metric or "", g.baseline or "", g.target or "",
                   g.deadline.isoformat() if g.deadline else "", ", ".join(g.deficiency_ids), status[i], g.manager_set]
                  for i, g in enumerate(plan.goals)],
        "check_ins": [[c.date.isoformat(), c.focus] for c in plan.check_ins],
        "flags": flag_rows(plan.review_flags),
    }
    for owner in OWNERS:
        tables[owner] = [[r.party, r.action, r.due.isoformat() if r.due else ""]
                         for r in plan.responsibilities if r.owner == owner]
    return tables


def flag_rows(flags: list[ReviewFlag]) -> list[list[str]]:
    order = {"error": 0, "warning": 1, "info": 2}
    return [[f.severity, f.kind, f.message, f.location or "", f.suggestion or ""]
            for f in sorted(flags, key=lambda f: order[f.severity])]


def sorted_flags(flags: list[ReviewFlag]) -> list[ReviewFlag]:
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(flags, key=lambda f: order[f.severity])


def from_tables(base: Plan, tables: dict, header: dict | None = None) -> tuple[Plan, list[str], Pending]:
    """The edited plan, the cells that could not be read, and the rows not yet filled in.

    Unknown rows are the manager's own. `header` holds the edited employee, role, manager and
    interview date (empty strings clear them)."""
    problems: list[str] = []
    pending = Pending()
    known_defs = {d.id: d for d in base.deficiencies}
    deficiencies = []
    for n, row in enumerate(_complete_rows("deficiencies", tables.get("deficiencies"), pending), 1):
        did = row[0].strip() or f"D{n}"
        original = known_defs.get(did)
        edited = original is None or original.evidence != row[2]
        deficiencies.append(Deficiency(id=did, area=row[1].strip(), evidence=row[2].strip(), source_sentences=_ids(row[3]),
                                       manager_set=(original.manager_set if original and not edited else
                                                    original is None)))
    causes = [RootCause(cause=r[0].strip(), deficiency_ids=_ids(r[1]))
              for r in _complete_rows("causes", tables.get("causes"), pending)]
    known_goals = {g.id: g for g in base.goals}
    goals = []
    for n, row in enumerate(_complete_rows("goals", tables.get("goals"), pending), 1):
        gid = row[0].strip() or f"G{n}"
        original = known_goals.get(gid)
        values = dict(description=row[1].strip(), metric=row[2].strip() or None, baseline=row[3].strip() or None,
                      target=row[4].strip() or None)
        deadline = _date(row[5], problems, f"goal {gid} deadline")
        if original is not None and values["description"] == original.description:
            values["description"] = _follow(original, values["metric"], values["target"], deadline)
        ticked = _ticked(row[8]) if len(row) > 8 else None
        changed_numbers = original is None or (original.target, original.baseline) != (values["target"], values["baseline"])
        kept = bool(original.manager_set if original and not changed_numbers else original is None)
        goals.append(Goal(id=gid, deficiency_ids=_ids(row[6]), deadline=deadline,
                          source_sentences=original.source_sentences if original else [],
                          manager_set=kept if ticked is None else (ticked or original is None), **values))
    responsibilities = []
    for owner in OWNERS:
        for row in _complete_rows(owner, tables.get(owner), pending):
            match = next((r for r in base.responsibilities if r.owner == owner and r.action == row[1].strip()), None)
            responsibilities.append(Responsibility(
                owner=owner, party=row[0].strip() or owner, action=row[1].strip(),
                due=_date(row[2], problems, f"{owner} action due date"),
                goal_ids=match.goal_ids if match else [], source_sentences=match.source_sentences if match else []))
    check_ins = []
    for row in _complete_rows("check_ins", tables.get("check_ins"), pending):
        day = _date(row[0], problems, "check-in date")
        if day:
            check_ins.append(CheckIn(date=day, focus=row[1].strip() or "Progress review"))
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
            data["interview_date"] = _date(header["interview_date"], problems, "interview date") or base.interview_date
    start = data["interview_date"] if header is not None else (base.period.start or base.interview_date)
    data["period"] = {"start": start, "end": max(deadlines) if deadlines else base.period.end}
    return load_plan_lenient(data), problems, pending


def _spans(analysis: NotesAnalysis | None, notes: str, label_of) -> list[tuple[str, str | None]]:
    """The notes as (text, label) spans for gr.HighlightedText: each sentence labelled by `label_of`."""
    if analysis is None:
        return [(notes, None)] if notes else []
    spans, pos, text = [], 0, analysis.text
    for s in analysis.sentences:
        if s.start > pos:
            spans.append((text[pos:s.start], None))
        spans.append((text[s.start:s.end], label_of(s)))
        pos = max(pos, s.end)
    if pos < len(text):
        spans.append((text[pos:], None))
    return spans


def highlighted_notes(analysis: NotesAnalysis | None, notes: str, sentence_ids: list[str], label: str = "evidence"):
    """The notes with the given sentences marked (the evidence of a deficiency, the sentences of a flag)."""
    wanted = set(sentence_ids)
    return _spans(analysis, notes, lambda s: f"{label} {s.id}" if s.id in wanted else None)


# ---------------------------------------------------------------- how the notes were read

UNSURE = 0.6  # below this the reading view marks a sentence as unsure
CORRECTION_CHOICES = [r for r in READINGS if r != "action"] + [f"action: {o}" for o in OWNERS]
_COLOURS = {"shortfall": "#f4a6a6", "standard": "#c9d7f2", "account": "#f3dca2", "cause": "#f6c28b",
            "action: employee": "#a8dcb5", "action: manager": "#8fd3d6", "action: organisation": "#c5b3e6",
            "target": "#9ec9f0", "strength": "#d6e8a8", "quoted": "#dddddd", "aside": "#eeeeee",
            "header": "#e8e8e8", "other": "#f4f4f4", "kept out": "#444444"}
READING_COLOURS = {**_COLOURS, **{f"{k} ?": v for k, v in _COLOURS.items() if k != "kept out"}}  # kept out is never unsure


def reading_label(s) -> str:
    """What the reading view shows for a sentence: its reading (with the owner of an action), '?' when unsure."""
    if s.kind == "excluded":
        return "kept out"
    name = f"action: {s.owner}" if s.reading == "action" and s.owner else s.reading
    return name if s.confidence >= UNSURE or s.stated else f"{name} ?"


def reading_spans(analysis: NotesAnalysis | None, notes: str):
    """The notes with every sentence coloured by how it was read."""
    return _spans(analysis, notes, reading_label)


def sentence_choices(analysis: NotesAnalysis | None) -> list[tuple[str, str]]:
    """The sentences a manager may re-read, each chosen by its text: ids move when the notes are edited."""
    if analysis is None:
        return []
    return [(f"{s.id} · {reading_label(s)} · {s.text[:70]}", s.text) for s in analysis.sentences if s.kind != "excluded"]
