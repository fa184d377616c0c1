"""Hold a model's draft to the notes, after the repair re-ask has had its chance.

Small models misread numbers (100% where the notes say 90%), invent dates and write names where
actions belong. Whatever is still wrong after one re-ask is taken from the deterministic notes
analysis (the embedded drafter's plan for the same notes), never guessed, and every change is
listed so that the trace can say what was corrected.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass

from pydantic import Field

from ..dates import find_dates
from ..notes import NotesAnalysis
from ..policy import Policy
from ..quantities import find_quantities
from ..schema import CheckIn, Plan, Responsibility
from ..screening import screen_counted
from ..textutil import content_tokens, coverage
from .model_output import DraftCause, DraftDeficiency, DraftGoal, PlanDraft, capped


class HeldGoal(DraftGoal):
    """A goal once held to the notes: the model's wording, the analysis's metric, numbers and dates."""

    metric: str | None = Field(default=None, max_length=120)
    baseline: str | None = None
    target: str | None = None
    deadline: dt.date  # the analysis's, or the policy's default end
    source_sentences: list[str] = Field(default_factory=list)


@dataclass
class HeldDraft:
    """A model's draft once held to the notes, with what the analysis supplies besides."""

    deficiencies: list[DraftDeficiency]
    root_causes: list[DraftCause]
    goals: list[HeldGoal]
    responsibilities: list[Responsibility]
    check_ins: list[CheckIn]


@dataclass(frozen=True)
class NoteFigures:
    """The numbers and dates a plan's sentences may state: the notes', and the deadlines the analysis
    drew from them ("by end of August" allows "31 Aug 2026")."""

    numbers: frozenset
    dates: frozenset
    interview: dt.date

    @classmethod
    def of(cls, analysis: NotesAnalysis, reference: Plan | None = None) -> NoteFigures:
        usable = [s for s in analysis.sentences if s.kind not in ("excluded", "meta")]
        dates = {d.date for s in analysis.sentences for d in s.dates}
        if reference is not None:
            dates |= {d for d in [*(g.deadline for g in reference.goals), reference.period.end] if d}
        return cls(frozenset(q.value for s in usable for q in s.quantities), frozenset(dates), analysis.interview_date)

    def unsupported(self, text: str) -> list[str]:
        """The figures in `text` the notes do not give (a date is checked as a date, not as its numbers)."""
        mentions = [d for d in find_dates(text, self.interview) if d.role != "duration"]
        bad = [d.text for d in mentions if d.date not in self.dates]
        return bad + [q.text for q in find_quantities(text, [(d.start, d.end) for d in mentions]) if q.value not in self.numbers]


def prose_number_errors(draft: PlanDraft, figures: NoteFigures) -> list[str]:
    """Numbers and dates written into the model's sentences that the notes do not hold, for the repair request."""
    errors = []
    for where, items, attr in (("goals", draft.goals, "description"), ("root_causes", draft.root_causes, "cause")):
        for i, item in enumerate(items):
            bad = figures.unsupported(getattr(item, attr))
            if bad:
                errors.append(f"{where}[{i}].{attr}: {', '.join(bad)} is not a number or date the notes give")
    return errors


def quote(analysis: NotesAnalysis, sentence_ids: list[str]) -> str:
    """Evidence in the notes' own words: the cited sentences (without screened words), as the embedded drafter quotes."""
    return capped(DraftDeficiency, "evidence", " ".join(s.body for i in sentence_ids if (s := analysis.by_id(i.strip().upper()))))


def _judging(text: str) -> bool:
    """Wording the plan's own screening would flag: the model's words never carry it into a plan."""
    return bool(screen_counted(text, absolutes=True))


def _prose_ok(text: str, figures: NoteFigures, notes_tokens, min_coverage: float) -> bool:
    return coverage(text, notes_tokens) >= min_coverage and not figures.unsupported(text)


def hold_to_notes(draft: PlanDraft, analysis: NotesAnalysis, reference: Plan, policy: Policy) -> tuple[HeldDraft, list[str]]:  # noqa: C901 -- predates the complexity budget
    draft = draft.model_copy(deep=True)
    fixes: list[str] = []
    usable = {s.id: s for s in analysis.sentences if s.kind not in ("excluded", "meta")}
    figures = NoteFigures.of(analysis, reference)
    start = analysis.interview_date
    default_end = policy.default_end(start)
    notes_tokens = content_tokens(analysis.text)

    def ids(values: list[str]) -> list[str]:
        return [v for v in dict.fromkeys(v.strip().upper() for v in values) if v in usable]

    def held_goal(gid: str, links: list[str], description: str, ref) -> HeldGoal:
        """The model's (or the analysis's) wording with the analysis's metric, numbers and deadline."""
        return HeldGoal(id=gid, deficiency_ids=capped(HeldGoal, "deficiency_ids", links),
                        description=capped(HeldGoal, "description", description),
                        metric=capped(HeldGoal, "metric", ref.metric or "") or None, baseline=ref.baseline or None,
                        target=ref.target, deadline=ref.deadline or default_end, source_sentences=ids(ref.source_sentences))

    # Deficiencies: cite real sentences, quote the notes, no duplicates.
    kept: list = []
    seen_sources: set[tuple[str, ...]] = set()
    shortfalls = {s.id for s in analysis.of_kind("observation")}
    for d in draft.deficiencies:
        d.source_sentences = ids(d.source_sentences) or _best_sentence(d.evidence, usable)
        if not set(d.source_sentences) & shortfalls:
            fixes.append(f"dropped deficiency {d.id!r}: it cites no sentence that states a shortfall")
            continue
        if _judging(d.area):
            ref = next((rd for rd in reference.deficiencies if set(rd.source_sentences) & set(d.source_sentences)), None)
            if ref is None:
                fixes.append(f"dropped deficiency {d.id!r}: its name {d.area!r} judges the person")
                continue
            fixes.append(f"{d.id}: area {d.area!r} -> {ref.area!r}")
            d.area = capped(DraftDeficiency, "area", ref.area)
        if not d.evidence.strip() or coverage(d.evidence, notes_tokens) < 0.6:
            if d.evidence.strip():
                fixes.append(f"{d.id}: evidence replaced by the quoted sentences")
            d.evidence = quote(analysis, d.source_sentences)
        key = tuple(sorted(d.source_sentences))
        if key in seen_sources:
            fixes.append(f"dropped {d.id}: repeats another deficiency")
            continue
        seen_sources.add(key)
        kept.append(d)
    draft.deficiencies = kept

    # Two of the model's deficiencies inside one shortfall of the analysis (a sentence the notes
    # continue in the next, say) are one deficiency: merged, and references to the second follow.
    known_as: dict = {}  # every id the model used -> the deficiency it now names
    for d in draft.deficiencies:
        known_as.setdefault(d.id, d)
    for rd in reference.deficiencies:
        inside = [d for d in draft.deficiencies if set(d.source_sentences) & set(rd.source_sentences)]
        for extra in inside[1:]:
            if set(extra.source_sentences) <= set(rd.source_sentences):
                first = inside[0]
                first.source_sentences = capped(DraftDeficiency, "source_sentences",
                                                list(dict.fromkeys([*first.source_sentences, *extra.source_sentences])))
                first.evidence = quote(analysis, first.source_sentences)
                draft.deficiencies.remove(extra)
                known_as[extra.id] = first
                fixes.append(f"merged {extra.id} into {first.id}: one shortfall in the notes")

    # Shortfalls the analysis found and the model missed are added; each reference deficiency maps to one of ours.
    ref_objs: dict = {}
    for rd in reference.deficiencies:
        mine = next((d for d in draft.deficiencies if set(d.source_sentences) & set(rd.source_sentences)), None)
        # A name must fit the sentences it cites (the analysis's name for them counts): "Pipeline
        # coverage" for a missed quota is replaced. (Names that judge went in the loop above.)
        cited = content_tokens(" ".join([rd.area, *(usable[i].text for i in mine.source_sentences)])) if mine else frozenset()
        if mine is not None and coverage(mine.area, cited) < 0.34:
            fixes.append(f"{mine.id}: area {mine.area!r} -> {rd.area!r}")
            mine.area = capped(DraftDeficiency, "area", rd.area)
        if mine is not None and not set(rd.source_sentences) <= set(mine.source_sentences):
            # The whole shortfall, as the analysis reads it, is the evidence ("...as important; several cancelled").
            mine.source_sentences = capped(DraftDeficiency, "source_sentences",
                                           list(dict.fromkeys([*mine.source_sentences, *ids(rd.source_sentences)])))
            mine.evidence = quote(analysis, mine.source_sentences)
        if mine is None:
            mine = DraftDeficiency(id=_next_id("D", [d.id for d in draft.deficiencies]),
                                   area=capped(DraftDeficiency, "area", rd.area),
                                   evidence=capped(DraftDeficiency, "evidence", rd.evidence),
                                   source_sentences=capped(DraftDeficiency, "source_sentences", ids(rd.source_sentences)))
            draft.deficiencies.append(mine)
            fixes.append(f"added {mine.id} ({rd.area}) from the notes analysis")
        ref_objs[rd.id] = mine
    _unique_ids(draft.deficiencies, "D")
    renamed = {model_id: d.id for model_id, d in known_as.items()}  # after renumbering
    ref_map = {ref_id: mine.id for ref_id, mine in ref_objs.items()}  # after renumbering
    def_ids = {d.id for d in draft.deficiencies}

    def our_ids(values: list[str]) -> list[str]:
        return [i for i in dict.fromkeys(renamed.get(v, v) for v in values) if i in def_ids]

    # Goals: numbers and dates from the notes, linked to real deficiencies.
    ref_goals = list(reference.goals)
    held_for: dict[str, HeldGoal] = {}  # the analysis's goal id -> our goal holding its numbers
    goals: list[HeldGoal] = []
    for g in draft.goals:
        g.deficiency_ids = our_ids(g.deficiency_ids) or _link(g, draft.deficiencies)
        ref = _matching_goal(g, ref_goals, ref_map, held_for)
        if ref is None or not ref.target:
            fixes.append(f"dropped goal {g.id!r}: the notes give it no target")
            continue
        # The wording must be about this goal's measure ("supervision records" is not "plan completion").
        shortfall = [i for rd in reference.deficiencies if rd.id in ref.deficiency_ids for i in rd.source_sentences]
        about = content_tokens(" ".join([ref.description, ref.metric or "",
                                         *(usable[i].text for i in ids([*ref.source_sentences, *shortfall]))]))
        if not _prose_ok(g.description, figures, notes_tokens, 0.4) or _judging(g.description) \
                or coverage(g.description, about) < 0.25:
            fixes.append(f"{g.id}: description {g.description!r} -> the analysis's")
            g.description = capped(DraftGoal, "description", ref.description)
        held_for[ref.id] = held_goal(g.id, g.deficiency_ids, g.description, ref)
        goals.append(held_for[ref.id])
    for ref_goal in ref_goals:
        if ref_goal.id in held_for or not ref_goal.target:
            continue
        links = [ref_map[i] for i in ref_goal.deficiency_ids if i in ref_map]
        new = held_for[ref_goal.id] = held_goal(_next_id("G", [g.id for g in goals]), links, ref_goal.description, ref_goal)
        goals.append(new)
        fixes.append(f"added goal {new.id} ({ref_goal.target}) from the notes analysis")
    _unique_ids(goals, "G")
    goal_map = {ref_id: g.id for ref_id, g in held_for.items()}  # after renumbering

    # Root causes: the model's wording, on real sentences; the analysis's when the model gave none.
    causes = []
    for c in draft.root_causes:
        c.source_sentences = ids(c.source_sentences)
        c.deficiency_ids = our_ids(c.deficiency_ids)
        if _judging(c.cause):
            fixes.append(f"dropped cause {c.cause!r}: biased, sensitive or injected wording")
            continue
        if not _prose_ok(c.cause, figures, notes_tokens, 0.5):
            fixes.append(f"dropped cause {c.cause!r}: not in the notes' words or numbers")
            continue
        restated = _restated_shortfall(c.cause, usable)
        if restated:
            fixes.append(f"dropped cause {c.cause!r}: it restates a shortfall ({restated})")
            continue
        causes.append(c)
    draft.root_causes = causes
    if not draft.root_causes and reference.root_causes:
        draft.root_causes = [
            DraftCause(cause=capped(DraftCause, "cause", c.cause),
                       deficiency_ids=capped(DraftCause, "deficiency_ids", [ref_map[i] for i in c.deficiency_ids if i in ref_map]),
                       source_sentences=capped(DraftCause, "source_sentences", ids(c.source_sentences)))
            for c in reference.root_causes]
        fixes.append("root causes taken from the notes analysis")

    # Responsibilities: the agreed actions the analysis found, linked to our goals.
    end = max([g.deadline for g in goals], default=default_end)
    responsibilities = [r.model_copy(update={"goal_ids": [goal_map[i] for i in r.goal_ids if i in goal_map]})
                        for r in reference.responsibilities]

    # Check-ins: the analysis's, when they still fit the plan's end; else spaced by the policy.
    checks = [c for c in reference.check_ins if start < c.date <= end]
    if not checks or checks[-1].date < end or policy.long_gaps([start, *(c.date for c in checks)]):
        focus = "进度回顾" if analysis.language == "zh" else "Review progress against the goals"
        checks = [CheckIn(date=when, focus=focus) for when in policy.check_in_dates(start, end, analysis.check_in_gap)]
        fixes.append("check-ins respaced to the policy's rhythm")
    return HeldDraft(draft.deficiencies, draft.root_causes, goals, responsibilities, checks[:6]), fixes


def _restated_shortfall(cause: str, usable: dict) -> str | None:
    """The shortfall sentence a 'cause' only restates ("performance issues with ticket times"), if any:
    it is closer to a shortfall than to any sentence that can give a reason (an account, a cause, context)."""
    tokens = content_tokens(cause)
    if not tokens:
        return None
    best = {True: (0.0, ""), False: (0.0, "")}
    for sid, s in usable.items():
        if s.kind in ("observation", "account", "cause", "context"):
            shortfall = s.kind == "observation"
            best[shortfall] = max(best[shortfall], (coverage(cause, content_tokens(s.text)), sid))
    (score, sid), (other, _) = best[True], best[False]
    return sid if score >= 0.3 and score > other else None


def _best_sentence(text: str, usable: dict) -> list[str]:
    tokens = content_tokens(text)
    if not tokens:
        return []
    scored = [(coverage(text, content_tokens(s.text)), sid) for sid, s in usable.items()]
    score, sid = max(scored, default=(0.0, ""))
    return [sid] if score >= 0.6 else []


def _link(goal, deficiencies) -> list[str]:
    for d in deficiencies:
        if set(getattr(goal, "source_sentences", [])) & set(d.source_sentences):
            return [d.id]
    return [deficiencies[0].id] if deficiencies else []


def _matching_goal(goal, ref_goals, ref_map: dict[str, str], used: Container[str]):
    """The analysis's goal for the same deficiency (or the same number), not yet matched."""
    values = {q.value for q in find_quantities(getattr(goal, "target", None) or goal.description)}
    best, best_score = None, 0
    for ref in ref_goals:
        if ref.id in used:
            continue
        score = 0
        if {ref_map.get(i) for i in ref.deficiency_ids} & set(goal.deficiency_ids):
            score += 2
        if values & {q.value for q in find_quantities(ref.target or "")}:
            score += 2
        if set(ref.source_sentences) & set(getattr(goal, "source_sentences", [])):
            score += 1
        if score > best_score:
            best, best_score = ref, score
    return best


def _next_id(prefix: str, existing: list[str]) -> str:
    n = 1
    while f"{prefix}{n}" in existing:
        n += 1
    return f"{prefix}{n}"


def _unique_ids(items, prefix: str) -> None:
    seen: list[str] = []
    for item in items:
        if item.id in seen or not item.id.startswith(prefix):
            item.id = _next_id(prefix, seen + [i.id for i in items])
        seen.append(item.id)
