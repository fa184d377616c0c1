"""A redraft keeps the manager's edits (merge.merge_edits), on plans built here rather than drafted."""
from __future__ import annotations

import datetime as dt

from assistant.merge import merge_edits
from assistant.schema import Goal, Plan


def _plan(*goals: Goal) -> Plan:
    return Plan.model_validate({"status": "draft", "drafter": "embedded", "goals": list(goals)}, context={"lenient": True})


def test_a_target_the_manager_set_survives_and_a_goal_without_a_metric_is_taken_from_the_new_draft():
    calls = Goal(id="G1", description="Make 25 calls a week", metric="Calls", target="25 calls/week",
                 deadline=dt.date(2026, 4, 30))
    loose = Goal(id="G2", description="Keep the CRM up to date")  # no metric: nothing to match it by
    old = _plan(calls, loose)
    edited = _plan(calls.model_copy(update={"target": "30 calls/week", "manager_set": True}),
                   loose.model_copy(update={"description": "Log every call in the CRM"}))
    new = _plan(calls.model_copy(update={"deadline": dt.date(2026, 5, 15)}), loose)

    merged = merge_edits(old, edited, new)

    assert merged.goals[0].target == "30 calls/week" and merged.goals[0].manager_set  # the manager's value
    assert merged.goals[0].deadline == dt.date(2026, 5, 15)  # not edited: the new draft's
    assert merged.goals[1] == loose  # before, a goal without a metric raised AttributeError here
