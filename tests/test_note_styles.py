"""Notes written the many ways managers write them: prose, Markdown, Q/A, Chinese sections.

Each file in tests/notes is a style the drafter must read; the assertions are what a
reviewer would check first.
"""
from pathlib import Path

import pytest

from assistant.pipeline import draft_plan

NOTES = Path(__file__).with_name("notes")


def plan_of(name):
    return draft_plan((NOTES / name).read_text(encoding="utf-8")).plan


def by_owner(plan):
    out = {}
    for r in plan.responsibilities:
        out.setdefault(r.owner, []).append(f"{r.party}: {r.action}")
    return out


def test_prose_with_first_person_manager():
    plan = plan_of("prose-sales.txt")
    assert plan.employee.name == "Dana"
    assert {(g.baseline, g.target) for g in plan.goals} == {("$30k", "$45k"), ("12 calls/week", "25 calls/week")}
    owners = by_owner(plan)
    assert owners["manager"] == ["Manager: Coach her every Monday"]
    assert owners["employee"] == ["Dana: Make 25 calls a week"] and owners["organisation"] == ["IT: Give her CRM training"]
    assert [c.cause for c in plan.root_causes] == ["She struggles with the new CRM"]


def test_markdown_headings_without_colons():
    plan = plan_of("markdown-line-cook.txt")
    assert (plan.employee.name, plan.employee.role, plan.manager) == ("Omar Haddad", "line cook", "Chef Rosa")
    assert len(plan.deficiencies) == 2
    assert {g.target for g in plan.goals} == {"<= 10 min", "0"}
    assert {g.deadline.isoformat() for g in plan.goals} == {"2026-07-13"}  # 'within 6 weeks' of 1 June
    assert set(by_owner(plan)) == {"employee", "organisation"}
    assert all("Review" not in r.action for r in plan.responsibilities)


def test_chinese_numbered_sections_and_full_width_brackets():
    plan = plan_of("zh-cashier-sections.txt")
    assert (plan.employee.name, plan.employee.role, plan.manager) == ("张敏", "出纳", "刘洋")
    assert {(g.baseline, g.target) for g in plan.goals} == {("6笔", "< 1笔"), ("4天", "<= 2天")}
    assert plan.root_causes[0].cause.startswith("新的财务系统")
    assert by_owner(plan)["organisation"] == ["信息部: 安排系统操作培训"]


def test_nurse_work_vocabulary_is_not_sensitive_and_named_manager_acts():
    plan = plan_of("nurse-medication.txt")
    assert not {f.kind for f in plan.review_flags} & {"sensitive", "bias"}
    assert by_owner(plan)["manager"] == ["Paul: Audit 4 charts a week"]
    assert plan.employee.name == "Kate Moss"


def test_leave_details_and_bracketed_instructions_stay_out():
    plan = plan_of("dispatcher-leave-injection.txt")
    kinds = {f.kind for f in plan.review_flags}
    assert {"sensitive", "injection"} <= kinds and "bias" not in kinds
    body = plan.model_dump_json(exclude={"review_flags"})
    assert "surgery" not in body and "exceeding" not in body
    assert {g.target for g in plan.goals} == {">= 95%", "0"}


def test_question_and_answer_transcript():
    plan = plan_of("teacher-qa.txt")
    assert plan.manager == "Mr Jones"
    assert all("?" not in d.evidence and "Interview" not in d.evidence for d in plan.deficiencies)
    assert [c.cause for c in plan.root_causes] == ["She is covering two extra classes since December"]
    assert ">= 7 days" not in {g.target for g in plan.goals} and "<= 7 days" in {g.target for g in plan.goals}
    assert by_owner(plan)["manager"] == ["Mr Jones: Remove one cover class from her timetable"]
