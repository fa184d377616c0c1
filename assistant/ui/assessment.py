"""What a goal lacks, in one place: the goals table's SMART column and learning mode's comments both say it.

A goal's gaps are what the checks flagged on it (a SMART part missing, a deadline beyond the policy, a target or
baseline the notes do not give) and a missing baseline, which no check flags but without which progress cannot be
shown. A goal with no gap is the one learning mode calls strong and the SMART column ticks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import LIST_SEPARATORS, term, text
from ..schema import Plan

_AT = re.compile(r"goals\[(?P<index>\d+)\]\.(?P<field>[a-z_]+)")


@dataclass(frozen=True)
class Gap:
    kind: str  # "missing" (a part), "not_in_notes" (a target or baseline), "too_long" (the deadline)
    field: str
    detail: str = ""  # the value not in the notes, or the goal's length in days


def goal_gaps(plan: Plan, index: int) -> list[Gap]:
    """What goal `index` of `plan` lacks, from the plan's flags and its baseline: the missing parts first."""
    goal, missing, other = plan.goals[index], [], []
    for flag in plan.review_flags:
        m = _AT.fullmatch(flag.location or "")
        if not m or int(m["index"]) != index:
            continue
        if flag.kind == "smart" and flag.severity == "error":
            missing.append(Gap("missing", m["field"]))
        elif flag.kind == "smart" and goal.deadline and plan.interview_date:
            other.append(Gap("too_long", "deadline", str((goal.deadline - plan.interview_date).days)))
        elif flag.kind == "grounding" and m["field"] in ("target", "baseline"):
            other.append(Gap("not_in_notes", m["field"], getattr(goal, m["field"]) or ""))
    if not (goal.baseline or "").strip():
        missing.append(Gap("missing", "baseline"))
    return list(dict.fromkeys(missing + other))


def smart_cell(plan: Plan, index: int, lang: str) -> str:
    """The SMART column: ✓, or ✗ and what the goal lacks, in a few words."""
    gaps = goal_gaps(plan, index)
    if not gaps:
        return "✓"
    missing = [term(lang, "field", g.field) for g in gaps if g.kind == "missing"]
    said = [text(lang, "status.lacks", parts=LIST_SEPARATORS[lang].join(missing))] if missing else []
    said += [text(lang, f"status.gap_{g.kind}", field=term(lang, "field", g.field)) for g in gaps if g.kind != "missing"]
    return "✗ " + LIST_SEPARATORS[lang].join(said)
