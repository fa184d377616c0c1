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
