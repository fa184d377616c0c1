import datetime as dt
import json

import pytest
from pydantic import ValidationError

from assistant.schema import SCHEMA_FILE, Plan, plan_json_schema


def _plan(**over):
    data = {
        "status": "draft", "language": "en", "drafter": "embedded", "interview_date": "2026-05-12",
        "deficiencies": [{"id": "D1", "area": "Handling time", "evidence": "AHT 11.5 min", "source_sentences": ["S2"]}],
        "goals": [{"id": "G1", "deficiency_ids": ["D1"], "description": "AHT <= 8 min", "metric": "AHT",
                   "target": "<= 8 min", "deadline": "2026-06-30"}],
        "responsibilities": [{"owner": "manager", "party": "Tom", "action": "Review 5 tickets weekly", "goal_ids": ["G1"]}],
    }
    data.update(over)
    return data


def test_a_valid_plan_round_trips_through_json():
    plan = Plan.model_validate(_plan())
    assert Plan.model_validate_json(plan.model_dump_json()) == plan
    assert plan.goals[0].deadline == dt.date(2026, 6, 30)


@pytest.mark.parametrize("change, message", [
    ({"goals": [{"id": "G1", "deficiency_ids": ["D9"], "description": "x", "deadline": "2026-06-30"}]}, "D9"),
    ({"goals": [{"id": "G1", "deficiency_ids": ["D1"], "description": "x", "deadline": "2026-05-01"}]}, "after the interview"),
    ({"responsibilities": [{"owner": "employee", "party": "P", "action": "a", "goal_ids": ["G7"]}]}, "G7"),
    ({"goals": []}, "at least one deficiency and one goal"),
    ({"deficiencies": [{"id": "D1", "area": "a", "evidence": "e"}, {"id": "D1", "area": "b", "evidence": "f"}]}, "unique"),
])
def test_cross_field_rules(change, message):
    with pytest.raises(ValidationError, match=message):
        Plan.model_validate(_plan(**change))


def test_owner_must_be_one_of_three():
    with pytest.raises(ValidationError):
        Plan.model_validate(_plan(responsibilities=[{"owner": "HR", "party": "HR", "action": "a"}]))


def test_an_insufficient_plan_may_be_empty():
    assert Plan.model_validate({"status": "insufficient_information", "drafter": "embedded"}).goals == []


def test_committed_schema_file_matches_the_models():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == plan_json_schema(), \
        "assistant/plan.schema.json is stale: run `plancoach schema > assistant/plan.schema.json`"
