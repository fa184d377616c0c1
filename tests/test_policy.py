"""One policy for every plan: read from the policy file's front matter, a set PLANCOACH_* variable winning,
and applied alike by the drafter (plan length, check-in rhythm) and the checks."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from assistant.checks import review
from assistant.drafting.base import DraftContext
from assistant.drafting.embedded import EmbeddedDrafter
from assistant.notes import analyse
from assistant.policy import Policy
from assistant.settings import Settings, SettingsError

from .conftest import TRAINER_NOTES


def policy_folder(tmp_path, front_matter: str):
    folder = tmp_path / "knowledge"
    (folder / "policy").mkdir(parents=True)
    (folder / "policy" / "our-policy.md").write_text(f"---\ntitle: Our policy\nkind: policy\n{front_matter}---\n# Our policy\n",
                                                   encoding="utf-8")
    return folder


def test_the_bundled_policy_file_and_the_settings_agree():
    defaults = {name: Settings.model_fields[name].default for name in ("plan_default_days", "plan_max_days",
                                                                        "check_in_max_gap_days")}
    assert Policy.of(Settings()) == Policy(**defaults) == Policy(60, 90, 30)


def test_an_organisation_s_policy_file_gives_the_numbers_and_a_set_variable_wins(tmp_path, monkeypatch):
    folder = policy_folder(tmp_path, "plan_default_days: 40\nplan_max_days: 70\ncheck_in_max_gap_days: 14\n")
    assert Policy.of(Settings(knowledge_dirs=[folder])) == Policy(40, 70, 14)
    assert Policy.of(Settings(knowledge_dirs=[folder], plan_max_days=80)) == Policy(40, 80, 14)
    monkeypatch.setenv("PLANCOACH_PLAN_DEFAULT_DAYS", "45")
    assert Policy.of(Settings(knowledge_dirs=[folder])).plan_default_days == 45
    assert Policy.of(Settings()).plan_default_days == 45  # over the bundled file too


@pytest.mark.parametrize(("front_matter", "message"), [
    ("plan_max_days: ninety\n", r"our-policy.md: its front matter gives plan_max_days: 'ninety'"),
    ("check_in_max_gap_days: 0\n", r"check_in_max_gap_days: 0, which is not allowed \(input should be greater than"),
    ("plan_default_days: 120\n", r"default plan length \(120 days\) is longer than the longest plan the policy allows"),
])
def test_a_policy_file_number_out_of_range_is_one_line_naming_the_file(tmp_path, front_matter, message):
    with pytest.raises(SettingsError, match=message):
        Policy.of(Settings(knowledge_dirs=[policy_folder(tmp_path, front_matter)]))


def test_check_ins_are_spread_to_the_end_within_the_gap():
    start = dt.date(2026, 3, 2)
    policy = Policy(60, 90, 30)
    assert policy.check_in_dates(start, start + dt.timedelta(days=61)) == [
        dt.date(2026, 3, 22), dt.date(2026, 4, 12), dt.date(2026, 5, 2)]
    assert policy.check_in_dates(start, start + dt.timedelta(days=20)) == [dt.date(2026, 3, 12), dt.date(2026, 3, 22)]
    assert policy.check_in_dates(start, start + dt.timedelta(days=10)) == [dt.date(2026, 3, 12)]
    assert policy.long_gaps([start, dt.date(2026, 3, 20), dt.date(2026, 5, 1)]) == [(dt.date(2026, 3, 20), dt.date(2026, 5, 1))]


def test_the_drafter_and_the_checks_apply_one_policy(tmp_path):
    analysis = analyse(TRAINER_NOTES)
    weekly = Policy.of(Settings(knowledge_dirs=[policy_folder(tmp_path, "check_in_max_gap_days: 7\n")]))
    plan = EmbeddedDrafter().draft(analysis, DraftContext(rules=weekly))
    dates = [analysis.interview_date, *(c.date for c in plan.check_ins)]
    assert max((b - a).days for a, b in itertools.pairwise(dates)) <= 7 and plan.check_ins[-1].date == plan.period.end
    assert not [f for f in review(plan, analysis, weekly) if f.kind == "policy"]
    monthly = [f.message for f in review(plan.model_copy(update={"check_ins": plan.check_ins[-1:]}), analysis, weekly)
               if f.kind == "policy"]
    assert monthly == ["31 days pass between 2026-07-31 and 2026-08-31 without a check-in."]
    short = Policy(20, 25, 30)  # a goal due 31 days after the interview is past this policy's longest plan
    assert any("at most 25 days" in f.message for f in review(plan, analysis, short) if f.kind == "smart")


@pytest.mark.parametrize("sentences, gap", [
    (["We will check in every two weeks."], 14),
    (["Weekly 1:1s until the end of March."], 7),
    (["Fortnightly catch-up with me on Fridays."], 14),
    (["Review progress every other week."], 14),
    (["每两周复盘一次。"], 14),
    (["每周五跟我过一下工单。"], 7),
    (["He works every two weeks on the night rota."], None),  # no meeting named
    (["Daily stand-up at 9, check in daily."], None),  # daily meetings are not a plan's check-ins
    (["Late 3 times.", "Monthly review with HR."], 30),
])
def test_the_notes_say_how_often_to_meet(sentences, gap):
    from assistant.cadence import stated_gap

    assert stated_gap(sentences) == gap


def test_check_ins_keep_the_rhythm_the_notes_state_within_the_policy():
    policy = Policy(plan_default_days=60, plan_max_days=90, check_in_max_gap_days=30)
    start = dt.date(2026, 1, 19)
    assert policy.check_in_dates(start, dt.date(2026, 3, 31), every=14) == [
        dt.date(2026, 2, 2), dt.date(2026, 2, 16), dt.date(2026, 3, 2), dt.date(2026, 3, 16), dt.date(2026, 3, 31)]
    # every six weeks is further apart than the policy allows: the policy's spacing
    assert policy.check_in_dates(start, dt.date(2026, 3, 31), every=42) == policy.check_in_dates(start, dt.date(2026, 3, 31))


def test_a_draft_meets_as_often_as_the_notes_say():
    from assistant.pipeline import draft_plan

    notes = ("Review with Tom (night auditor), 2026-01-19.\nAudits closed late on 11 of 46 nights.\n"
             "Target: 90% of audits closed by 05:00 by 31 March.\nWe will check in every two weeks.")
    dates = [c.date for c in draft_plan(notes).plan.check_ins]
    assert dates[0] == dt.date(2026, 2, 2) and dates[-1] == dt.date(2026, 3, 31)
    assert all((b - a).days <= 15 for a, b in zip([dt.date(2026, 1, 19), *dates], dates))


@pytest.mark.parametrize("line, due", [
    ("We meet again to review it all on 14 May.", dt.date(2026, 5, 14)),
    ("Review date: six weeks from today", dt.date(2026, 4, 13)),
    ("Follow-up review in sixty days.", dt.date(2026, 5, 1)),
    ("5月20日复盘。", dt.date(2026, 5, 20)),
])
def test_goals_with_no_date_of_their_own_run_to_the_review_the_notes_set(line, due):
    from assistant.pipeline import draft_plan

    notes = ("Review with Ines Duarte (lab technician), 2026-03-02.\nSamples were logged late on 9 of 40 runs.\n"
             f"Target: samples logged within one hour on 95% of runs.\n{line}")
    plan = draft_plan(notes).plan
    assert [g.deadline for g in plan.goals] == [due]
    assert plan.check_ins[-1].date == due and plan.period.end == due


@pytest.mark.parametrize("line", [
    "I will review the rota on 14 May.",  # a task with an object, not a meeting
    "Rota posted 14 days ahead.",  # a length, and no review at all
    "Review the logs every Friday.",
])
def test_a_review_that_is_a_task_or_a_length_sets_no_deadline(line):
    from assistant.cadence import stated_review
    from assistant.notes import analyse

    analysis = analyse(f"Review with Ines Duarte (lab technician), 2026-03-02.\nSamples logged late on 9 of 40 runs.\n{line}")
    assert stated_review(analysis.sentences, analysis.interview_date) is None


def test_a_goals_own_date_is_kept_and_a_later_review_ends_the_plan():
    from assistant.pipeline import draft_plan

    notes = ("Review with Ines Duarte (lab technician), 2026-03-02.\nSamples were logged late on 9 of 40 runs.\n"
             "Target: samples logged within one hour on 95% of runs by 30 April.\nWe review progress on 12 May.")
    plan = draft_plan(notes).plan
    assert [g.deadline for g in plan.goals] == [dt.date(2026, 4, 30)]
    assert plan.check_ins[-1].date == dt.date(2026, 5, 12)


@pytest.mark.parametrize("line, review", [
    ("She also needs to catch up on the filing backlog by 20 March.", None),
    ("Follow up with the client by 10 April.", None),
    ("Customer reviews must average 4.5 by 30 June.", None),
    ("She must review stock levels by 3 May.", None),
    ("复查时间：2026年5月20日", dt.date(2026, 5, 20)),
    ("下次面谈定在5月20日。", dt.date(2026, 5, 20)),
    ("Next catch-up 14 May.", dt.date(2026, 5, 14)),
])
def test_a_review_is_a_meeting_not_a_task_that_mentions_one(line, review):
    from assistant.cadence import stated_review
    from assistant.notes import analyse

    analysis = analyse(f"Review with Ines Duarte (lab technician), 2026-03-02.\nSamples logged late on 9 of 40 runs.\n{line}")
    assert stated_review(analysis.sentences, analysis.interview_date) == review
