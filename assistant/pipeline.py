"""The one path every plan takes: notes -> analysis -> retrieval -> drafter -> review checks.

The CLI, the Gradio app and the benchmarks all call `draft_plan` and `recheck`, so the embedded
and the LLM drafter get exactly the same validation and review.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .checks import review
from .drafting.base import DraftContext, Drafter
from .inputs import validate_notes
from .notes import NotesAnalysis, analyse
from .schema import Plan
from .settings import Settings, get_settings


@dataclass
class DraftResult:
    plan: Plan
    analysis: NotesAnalysis


def make_drafter(name: str | None = None, settings: Settings | None = None) -> Drafter:
    settings = settings or get_settings()
    name = name or settings.resolved_drafter()
    if name == "embedded":
        from .drafting.embedded import EmbeddedDrafter

        return EmbeddedDrafter()
    if name == "llm":
        from .drafting.llm import LLMDrafter

        return LLMDrafter(settings)
    raise ValueError(f"unknown drafter {name!r}: use 'embedded' or 'llm' (PLANCOACH_DRAFTER)")


def build_context(analysis: NotesAnalysis, settings: Settings) -> DraftContext:
    return DraftContext(
        plan_default_days=settings.plan_default_days,
        plan_max_days=settings.plan_max_days,
        check_in_max_gap_days=settings.check_in_max_gap_days,
    )


def draft_plan(
    notes: str,
    *,
    interview_date: dt.date | None = None,
    employee: str | None = None,
    role: str | None = None,
    drafter: Drafter | str | None = None,
    settings: Settings | None = None,
) -> DraftResult:
    settings = settings or get_settings()
    notes = validate_notes(notes, settings.max_notes_chars)
    analysis = analyse(notes, interview_date=interview_date, employee=employee, role=role)
    if drafter is None or isinstance(drafter, str):
        drafter = make_drafter(drafter, settings)
    plan = drafter.draft(analysis, build_context(analysis, settings))
    plan.review_flags = review(plan, analysis, max_days=settings.plan_max_days, max_gap_days=settings.check_in_max_gap_days)
    return DraftResult(plan=plan, analysis=analysis)


def recheck(plan: Plan, notes: str | None, settings: Settings | None = None) -> Plan:
    """Re-run every check on a (possibly edited) plan against its notes; returns the plan with fresh flags."""
    settings = settings or get_settings()
    analysis = None
    if notes is not None and notes.strip():
        analysis = analyse(notes, interview_date=plan.interview_date, employee=plan.employee.name, role=plan.employee.role)
    plan = plan.model_copy(deep=True)
    plan.review_flags = review(plan, analysis, max_days=settings.plan_max_days, max_gap_days=settings.check_in_max_gap_days)
    return plan
