"""The one path every plan takes: notes -> analysis -> retrieval -> drafter -> review checks.

The CLI, the Gradio app and the benchmarks all call `draft_plan` and `recheck`, so the embedded
and the LLM drafter get exactly the same validation and review.
"""
from __future__ import annotations

import datetime as dt
import gc
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .checks import review
from .drafting.base import DraftContext, Drafter, DraftingError
from .errors import PlanCoachError, first_line
from .inputs import check_notes_length, validate_notes
from .notes import NotesAnalysis, analyse
from .policy import Policy
from .reader import Correction
from .schema import Plan
from .settings import Settings, get_settings

log = logging.getLogger("plancoach")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass
class DraftResult:
    plan: Plan
    analysis: NotesAnalysis


@dataclass
class CheckResult:
    plan: Plan
    analysis: NotesAnalysis | None  # None for a plan checked without notes


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


def retrieval_query(analysis: NotesAnalysis) -> str:
    """What a similar plan would share with these notes: the role and the shortfalls (not the
    employee's name, which says nothing about similarity and costs encoder tokens)."""
    shortfalls = [s.body for s in analysis.of_kind("observation", "standard", "target")]
    query = " ".join([analysis.employee_role or "", *shortfalls]).strip() or analysis.text
    names = sorted({analysis.employee_name or "", *(analysis.employee_name or "").split()} - {""}, key=len, reverse=True)
    if any(name in query for name in names):  # whole words only: 'Al' must not cut 'Also'
        query = re.sub(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, names)) + r")(?![A-Za-z])", " ", query)
    return query


def build_context(analysis: NotesAnalysis, settings: Settings) -> DraftContext:
    from chromadb.errors import ChromaError

    from .knowledge import open_knowledge, repair_knowledge, retrieve

    def search(kb):
        return retrieve(kb, retrieval_query(analysis), analysis.language,
                        samples=settings.retrieval_samples, policy=settings.retrieval_policy)

    kb = open_knowledge(settings)
    try:
        samples, policy = search(kb)
    except ChromaError as exc:  # the embedded index is out of step with itself: built again once, then searched
        samples, policy = search(repair_knowledge(settings, exc))
    return DraftContext(samples=samples, policy=policy, rules=Policy.of(settings))


def run_drafter(drafter: Drafter, analysis: NotesAnalysis, context: DraftContext) -> Plan:
    """The drafter's plan. An error no drafter means to raise (a bug: a KeyError, a ValidationError) is a
    DraftingError naming the drafter, so the user gets one line and the opt-in fallback can take over."""
    try:
        return drafter.draft(analysis, context)
    except PlanCoachError:
        raise
    except Exception as exc:
        log.debug("the %s drafter failed", drafter.name, exc_info=True)
        raise DraftingError(f"The {drafter.name} drafter failed ({type(exc).__name__}: {first_line(exc)}). Your notes are "
                            "unchanged; please report this with the notes, and draft with the other drafter meanwhile "
                            "(--drafter or PLANCOACH_DRAFTER).") from exc


def draft_plan(
    notes: str,
    *,
    interview_date: dt.date | None = None,
    employee: str | None = None,
    role: str | None = None,
    drafter: Drafter | str | None = None,
    settings: Settings | None = None,
    corrections: tuple[Correction, ...] = (),
) -> DraftResult:
    settings = settings or get_settings()
    notes = validate_notes(notes, settings.max_notes_chars)
    analysis = analyse(notes, interview_date=interview_date, employee=employee, role=role, corrections=corrections)
    context = build_context(analysis, settings)
    if drafter is None or isinstance(drafter, str):
        drafter = make_drafter(drafter, settings)
    try:
        plan = run_drafter(drafter, analysis, context)
    except DraftingError as exc:
        if not (drafter.name.startswith("llm") and settings.llm_fallback_to_embedded):
            raise
        # Opt-in only (PLANCOACH_LLM_FALLBACK_TO_EMBEDDED): the plan says who really drafted it, and why.
        log.warning("%s failed (%s); drafting with the embedded drafter", drafter.name, exc)
        from .drafting.embedded import EmbeddedDrafter

        plan = run_drafter(EmbeddedDrafter(), analysis, context)
        plan.drafter = f"embedded (fallback: {drafter.name} failed)"
    plan.review_flags = review(plan, analysis, context.rules)
    if analysis.script:
        return DraftResult(plan=analysis.script.written_plan(plan), analysis=analysis.as_written())
    return DraftResult(plan=plan, analysis=analysis)


def recheck(plan: Plan, notes: str | None, settings: Settings | None = None) -> Plan:
    """Re-run every check on a (possibly edited) plan against its notes; returns the plan with fresh flags."""
    return recheck_with_analysis(plan, notes, settings).plan


def recheck_with_analysis(plan: Plan, notes: str | None, settings: Settings | None = None) -> CheckResult:
    """`recheck`, keeping the notes analysis for callers that show it (the workspace highlights sentences)."""
    settings = settings or get_settings()
    analysis = None
    if notes is not None:
        check_notes_length(notes, settings.max_notes_chars)  # before the analysis, which is linear in them
    if notes is not None and notes.strip():
        analysis = analyse(notes, interview_date=plan.interview_date, employee=plan.employee.name, role=plan.employee.role)
    plan = plan.model_copy(deep=True)
    if analysis and analysis.script:  # notes in traditional characters: checked folded, the plan's own words kept
        plan.review_flags = analysis.script.checked(plan, lambda folded: review(folded, analysis, Policy.of(settings)))
        return CheckResult(plan=plan, analysis=analysis.as_written())
    plan.review_flags = review(plan, analysis, Policy.of(settings))
    return CheckResult(plan=plan, analysis=analysis)


class _IndexingProgress:
    """'Indexing the knowledge base: 40% (12 of 30 files)' every tenth of the way, once indexing has taken a
    second (an index already up to date says nothing)."""

    def __init__(self, say: Callable[[str], None]):
        self.say, self.shown, self.started = say, -1, time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tenth > self.shown and time.monotonic() - self.started >= 1.0:
            self.shown = tenth
            self.say(f"Indexing the knowledge base: {tenth * 10}% ({done} of {total} files)")


def warm_up(settings: Settings | None = None, say: Callable[[str], None] = lambda _: None) -> None:
    """What a long-running process (the web app) does once, before the first manager drafts: index the
    knowledge (`say`ing how far it is), load the encoder, compile the word lists (a draft of a bundled example), then move
    everything loaded so far out of the garbage collector's way (`gc.freeze`): with the web app loaded,
    a full collection over its ~225,000 objects took 130-160 ms, and could land inside a manager's draft."""
    from .knowledge import open_knowledge

    settings = settings or get_settings()
    try:
        kb = open_knowledge(settings, progress=_IndexingProgress(say))
        for example in sorted(EXAMPLES.glob("*.txt")):  # none in an installed package: the index only
            draft_plan(example.read_text(encoding="utf-8"), drafter="embedded", settings=settings)
    except Exception as e:  # noqa: BLE001 -- a Chroma server that is down: the first draft says so, with what to fix
        log.warning("warm-up stopped: %s", e)
        return
    say(f"Knowledge base ready: {kb.collection.count()} passages from the sample plans and policy.")
    gc.collect()
    gc.freeze()
