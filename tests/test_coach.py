"""Learning mode's comments on the manager's own plan read it as a manager would: a count written in words is a
figure, and an action done 'every Friday' or 'daily' can be checked though it has no due date."""
from __future__ import annotations

from pathlib import Path

from assistant.pipeline import draft_plan
from assistant.ui import coach

NOTES = Path(__file__).parent / "notes" / "teacher-qa.txt"


def _plan():
    plan = draft_plan(NOTES.read_text(encoding="utf-8")).plan
    assert plan.deficiencies and plan.responsibilities
    return plan


def _said(plan, section: str, lang: str = "en") -> str:
    return " ".join(words for _, words in coach.comments(plan, section, lang))


def test_evidence_with_a_count_in_words_gives_a_figure_and_an_opinion_does_not():
    plan = _plan()
    first = plan.deficiencies[0]
    first.evidence = "Three escalations to the director in February were not logged in the CRM"
    assert f"{first.id} ({first.area}) gives no number" not in _said(plan, "deficiencies")
    first.evidence = "Her records are not good enough"
    assert f"{first.id} ({first.area}) gives no number" in _said(plan, "deficiencies")
    first.evidence = "三次升级投诉没有记录在系统中"
    assert "没有数字" not in _said(plan, "deficiencies", "zh")


def test_an_action_with_a_frequency_in_its_words_is_dated_and_one_without_is_not():
    plan = _plan()
    action = next(r for r in plan.responsibilities if r.owner == "employee")
    plan.responsibilities = [action, *(r for r in plan.responsibilities if r.owner != "employee")]
    action.due = None
    for words in ("Publish the weekly rota every Friday by 3 pm", "Log each escalation in the CRM on the same day",
                  "Review the queue daily", "每天下班前核对当日凭证", "每周二提交周报"):
        action.action = words
        assert "actions for the employee have no date" not in _said(plan, "responsibilities"), words
    for words in ("Work harder on the rota", "Log every escalation in the CRM"):
        action.action = words
        assert "1 of 1 actions for the employee have no date" in _said(plan, "responsibilities"), words
