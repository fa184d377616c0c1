"""The LLM drafter against a real OpenAI-compatible server and a real small model (llama.cpp).

Opt-in, as it takes minutes: `bash scripts/llm_quality_run.sh pytest` builds the server, fetches
the test model and sets PLANCOACH_TEST_LLM_URL. Without it these tests are skipped.
"""
from __future__ import annotations

import os

import pytest

from assistant.checks import has_errors
from assistant.drafting.llm import LLMDrafter
from assistant.pipeline import draft_plan
from assistant.settings import Settings

from .conftest import TRAINER_NOTES

URL = os.environ.get("PLANCOACH_TEST_LLM_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set PLANCOACH_TEST_LLM_URL (scripts/llm_quality_run.sh pytest)")


# The reader gives the manager (p 0.49) an action whose sentence names only Facilities: the one question asked.
FACILITIES = """1:1 with Priya Shah (dispatcher), 3 June 2026. Manager: Omar Haddad.
- Priya's dispatch error rate was 6% in May against a 2% standard.
- Target: error rate <= 2% by 31 July.
- Facilities move the desk next to the board before Monday."""


def test_a_real_model_answers_the_reader_s_question_through_the_detected_mode():
    settings = Settings(llm_base_url=URL, llm_model="local", llm_timeout_s=180, llm_questions=["employee", "role", "owners"])
    drafter = LLMDrafter(settings)
    plan = draft_plan(FACILITIES, drafter=drafter, settings=settings).plan
    assert drafter.call.mode in ("json_object", "tools", "json_schema")
    assert drafter.trace.asked == ["owners"] and not drafter.trace.repaired  # one JSON answer, held to its schema
    assert plan.drafter == "llm:local" and plan.status == "draft" and not has_errors(plan.review_flags)
    assert any(g.target == "<= 2%" and str(g.deadline) == "2026-07-31" for g in plan.goals)
    assert {r.owner for r in plan.responsibilities if "desk" in r.action} <= {"manager", "organisation"}
    assert drafter.trace.model_seconds < settings.llm_plan_budget_s


def test_notes_the_reader_is_sure_of_ask_the_model_nothing():
    settings = Settings(llm_base_url=URL, llm_model="local", llm_timeout_s=180)
    drafter = LLMDrafter(settings)
    plan = draft_plan(TRAINER_NOTES, drafter=drafter, settings=settings).plan
    assert drafter.trace.calls == 0 and plan.drafter == "llm:local" and not has_errors(plan.review_flags)
    assert any(g.target == ">= 90%" and str(g.deadline) == "2026-08-31" for g in plan.goals)
