"""Targets stated without a figure: a time of day, none, every time."""
import datetime as dt

import pytest

from assistant.pipeline import draft_plan
from assistant.word_targets import CLOCK, word_target


@pytest.mark.parametrize("point, value, unit", [
    ("and no unlabelled jars left on the shelf", 0, ""),
    ("So I want every delivery note scanned", 100, "%"),
    ("Cold room log filled in each shift", 100, "%"),
    ("the measures are: no trolley left unlocked", 0, ""),
    ("no more parcels sent without a signature", 0, ""),
    ("The target is no unsealed sample bags from the next batch", 0, ""),
    ("样品登记差错为零", 0, ""),
    ("交接班零遗漏", 0, ""),
    ("质检回访零问题", 0, ""),  # 零 before any trouble, not only the listed ones
    ("固件组零返工", 0, ""),
    ("每张单据当天录入", 100, "%"),
    ("Float counted and banked by 4:30pm", 0, CLOCK),
    ("日报每天9点前发出", 0, CLOCK),
])
def test_a_point_gives_its_target_in_words(point, value, unit):
    q = word_target(point)
    assert q is not None and (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("point", [
    "no later than the stock take", "every other week we meet", "零售柜台的陈列", "无法按时到岗", "No-shows phoned the day before",
    "零件到货要点检", "一百零五单", "零下18度冷库", "零担货物按承诺时间发出", "零基础学员",
    "tidy the loading bay", "the target is no different for her than for the team", "the goal is no better than last year",
])
def test_other_words_are_no_target(point):
    assert word_target(point) is None


def test_a_worded_target_becomes_a_measurable_goal_tied_to_its_shortfall():
    plan = draft_plan(
        "Review with Tomasz (bakery shift lead), 2026-05-04.\n"
        "Problem: the allergen labels were missing on 6 trays in April.\n"
        "Target: by 30 June, and no trays leave the bake room without an allergen label.\n"
        "Target: allergen label check signed by 05:30 on every early shift by 30 June.\n"
        "Target: proving room swept every night by 30 June.").plan
    targets = {g.target: g for g in plan.goals}
    assert set(targets) == {"0", "by 05:30"}
    assert targets["0"].metric.lower().startswith("trays leave the bake room")
    assert all(g.deficiency_ids == ["D1"] for g in plan.goals)  # the swept proving room is about no shortfall
    assert not [f for f in plan.review_flags if f.kind == "grounding"]


@pytest.mark.parametrize("point", ["stock cards complete", "the asset register fully up to date", "timesheets up to date"])
def test_a_point_that_ends_complete_or_up_to_date_is_every_time(point):
    q = word_target(point)
    assert q is not None and (q.value, q.unit) == (100.0, "%")


def test_complete_as_a_verb_or_mid_sentence_is_no_target():
    assert word_target("complete the handover sheet") is None
    assert word_target("the course is complete for most of the team") is None


@pytest.mark.parametrize("point, value", [
    ("job photos uploaded same day", 100), ("same-day close-out of every callback", 100),
    ("巡检记录补齐", 100), ("晨会每天都开", 100), ("盘点不再漏", 0), ("神秘顾客检查不扣分", 0),
])
def test_same_day_and_no_longer_missed_in_either_language(point, value):
    q = word_target(point)
    assert q is not None and q.value == value


@pytest.mark.parametrize("point", ["Meter readings on time", "月报按时提交", "房费差异当日核清"])
def test_on_time_is_every_time(point):
    quantity = word_target(point)
    assert quantity is not None and (quantity.value, quantity.unit) == (100, "%")
    assert word_target(point.replace("on time", "not on time").replace("按时", "没按时").replace("当日", "未当日")) is None


@pytest.mark.parametrize("point", ["rarely on schedule", "isn't on time", "月结凭证没有按时提交的要说明原因", "不能按时到岗", "事发当日他迟到了"])
def test_negated_or_reported_on_time_is_no_target(point):
    assert word_target(point) is None


@pytest.mark.parametrize("text", ["Fridge temperatures logged daily", "交接记录齐全", "货架清洁一次不漏", "巡检记录完整"])
def test_a_habit_said_in_full_is_every_time(text):
    q = word_target(text)
    assert q is not None and q.value == 100 and q.unit == "%", text


@pytest.mark.parametrize("text", ["daily stand-up missed twice", "记录不完整的有3份"])
def test_the_same_words_inside_a_finding_are_no_target(text):
    assert word_target(text) is None, text



def test_a_target_without_a_figure_is_linked_to_the_shortfall_by_the_label_of_its_item():
    """'清零' holds no figure: its goal stands only linked to a shortfall, here by the words of the item's label
    ('KYC review：…') that the shortfall's own words lack."""
    plan = draft_plan("Review with Tina Lo, 27 March 2026\n\n**Issues**\n1. KYC review：目前有 17 个客户档案超过期限 30 天以上。\n"
                      "2. Call-back：2 月有 2 次没有录音。\n\n**Targets**\n- 6 月 30 日前 overdue KYC 清零。\n- Call-back 录音率 100%。\n").plan
    assert ("0", dt.date(2026, 6, 30)) in [(g.target, g.deadline) for g in plan.goals], [(g.metric, g.target) for g in plan.goals]
