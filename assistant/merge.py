"""Keep a manager's edits when a plan is drafted again (after a reading is corrected).

A three-way merge by content: what the manager changed between the assistant's last draft and their
working copy is applied to the new draft. Rows they added (a responsibility, a root cause, a check-in)
are kept, rows they deleted stay deleted, and a goal whose target, deadline or metric they set keeps
their values where the new draft has a goal for the same metric. Everything else comes from the new draft.
"""
from __future__ import annotations

from .schema import Plan

# The sections merged row by row, and what identifies a row in each.
_ROWS = {
    "responsibilities": lambda r: (r.owner, " ".join(r.action.lower().split())),
    "root_causes": lambda r: " ".join(r.cause.lower().split()),
    "check_ins": lambda r: (r.date, " ".join(r.focus.lower().split())),
}
_GOAL_FIELDS = ("target", "deadline", "baseline", "manager_set")


def merge_edits(old_draft: Plan, edited: Plan, new_draft: Plan) -> Plan:
    """`new_draft` with the manager's edits of `old_draft` (as seen in `edited`) applied."""
    update: dict = {}
    for section, key in _ROWS.items():
        before = {key(r) for r in getattr(old_draft, section)}
        after = {key(r): r for r in getattr(edited, section)}
        added = [r for k, r in after.items() if k not in before]
        deleted = before - after.keys()
        rows = [r for r in getattr(new_draft, section) if key(r) not in deleted]
        known = {key(r) for r in rows}
        update[section] = rows + [r for r in added if key(r) not in known]
    drafted = {g.metric.lower(): g for g in old_draft.goals if g.metric}
    goals = []
    for g in new_draft.goals:
        metric = (g.metric or "").lower()  # a goal without a metric has no counterpart to take edits from
        mine = next((e for e in edited.goals if metric and (e.metric or "").lower() == metric), None)
        theirs = drafted.get(metric)
        if mine is not None and theirs is not None:
            changed = {f: getattr(mine, f) for f in _GOAL_FIELDS if getattr(mine, f) != getattr(theirs, f)}
            g = g.model_copy(update=changed)
        goals.append(g)
    update["goals"] = goals
    return new_draft.model_copy(update=update)
