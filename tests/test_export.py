from assistant.export import sections, to_markdown
from assistant.pipeline import draft_plan

from .conftest import TRAINER_NOTES


def test_markdown_holds_the_whole_plan_and_an_acknowledgement():
    plan = draft_plan(TRAINER_NOTES).plan
    md = to_markdown(plan, include_review=False)
    for text in [plan.deficiencies[0].evidence.split(":")[0], plan.goals[0].target, plan.check_ins[-1].date.isoformat(),
                 "## Responsibilities - Organisation", "Employee comments", "Signature"]:
        assert text in md
    assert "Review notes" not in md


def test_review_notes_only_when_asked():
    plan = draft_plan(TRAINER_NOTES + "\nHR manager's comment: she is too emotional.").plan
    assert "too emotional" not in to_markdown(plan, include_review=False)
    assert "Review notes" in to_markdown(plan, include_review=True)


def test_chinese_plans_get_chinese_headings():
    plan = draft_plan("面谈 2026-04-30 前台主管 王磊\n问题：投诉12起。\n目标：5月底前投诉降到4起以下。").plan
    titles = [s.title for s in sections(plan)]
    assert "问题与证据" in titles and "SMART目标" in titles
    assert to_markdown(plan).startswith("# 绩效改进计划")
