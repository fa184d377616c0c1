"""Learning mode: comments on the manager's own plan, section by section, in plain words (what is strong, what
is weak and why), beside why the section matters, a weak example and a strong one taken from the sample plan
the draft drew on (the closest to these notes: retrieval ranks `plan.sources`), else from the SMART guide.

The comments read the plan and its flags as they stand; their words are in the language files ([coach]).
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from ..i18n import term, text
from ..knowledge import BUNDLED, learning_guide
from ..policy import check_in_span
from ..quantities import has_quantity
from ..reader import OWNERS
from ..schema import Plan
from ..textutil import markdown_text
from .assessment import Gap, goal_gaps

SECTIONS = ("deficiencies", "causes", "goals", "responsibilities", "check_ins")
GUIDE_SECTION = {"deficiencies": "Deficiencies", "causes": "Root causes", "goals": "Goals",
                 "responsibilities": "Responsibilities", "check_ins": "Check-ins"}
SAMPLE_HEADINGS = {"deficiencies": ("Deficiencies", "不足之处"), "causes": ("Root causes", "根本原因"),
                   "goals": ("Goals", "改进目标"), "responsibilities": ("Responsibilities", "职责分工"),
                   "check_ins": ("Check-ins", "跟进检查")}
_GOOD, _WEAK = "✓", "✗"
# How often an action is done, said in its own words: an action with one can be checked though it has no due date.
_FREQUENCY = re.compile(
    r"""\b(?:every|each)\s+(?:other\s+|second\s+)?(?:day|morning|evening|week|weekday|month|quarter|shift|session
                                                   |meeting|\w+day)\b
      | \b(?:daily|weekly|fortnightly|bi-?weekly|monthly|quarterly)\b
      | \bon\s+the\s+same\s+day\b | \bsame[- ]day\b
      | 每(?:隔)?[一二两三四五六七八九十\d]{0,2}(?:个)?(?:天|日|周|星期|礼拜|月|季度|班)""",
    re.I | re.X,
)


def _say(lang: str, key: str, **values) -> str:
    return text(lang, f"coach.{key}", **{k: markdown_text(str(v)) for k, v in values.items()})


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _short(words: str, limit: int = 80) -> str:
    """`words` cut at a word (or, in Chinese, a character) before `limit`, marked when cut."""
    if len(words) <= limit:
        return words
    cut = words[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _flagged(plan: Plan, kind: str, location: str) -> bool:
    return any(f.kind == kind and (f.location or "") == location for f in plan.review_flags)


def _deficiencies(plan: Plan, lang: str) -> list[tuple[str, str]]:
    out, praised = [], False
    covered = {i for g in plan.goals for i in g.deficiency_ids}
    for i, d in enumerate(plan.deficiencies):
        if _flagged(plan, "grounding", f"deficiencies[{i}].evidence"):
            out.append((_WEAK, _say(lang, "def_not_in_notes", did=d.id)))
        elif not has_quantity(d.evidence):  # 'Three escalations were not logged' gives a figure, in words
            out.append((_WEAK, _say(lang, "def_no_figure", did=d.id, area=d.area)))
        elif not praised:
            out.append((_GOOD, _say(lang, "def_strong", did=d.id, evidence=_short(d.evidence))))
            praised = True
        if d.id not in covered:
            out.append((_WEAK, _say(lang, "def_no_goal", did=d.id)))
    return out


def _causes(plan: Plan, lang: str) -> list[tuple[str, str]]:
    if not plan.root_causes:
        return [(_WEAK, _say(lang, "cause_none"))]
    unlinked = [(_WEAK, _say(lang, "cause_unlinked", n=n)) for n, c in enumerate(plan.root_causes, 1) if not c.deficiency_ids]
    return unlinked or [(_GOOD, _say(lang, "cause_strong", count=len(plan.root_causes)))]


_GAP_SAID = {"deadline": "goal_no_deadline", "target": "goal_no_target", "metric": "goal_no_metric",
             "deficiency_ids": "goal_no_deficiency", "baseline": "goal_no_baseline"}  # a missing part, by field


def _gap(goal_id: str, gap: Gap, lang: str) -> str:
    if gap.kind == "missing":
        return _say(lang, _GAP_SAID[gap.field], goal=goal_id)
    if gap.kind == "not_in_notes":
        return _say(lang, "goal_not_in_notes", goal=goal_id, field=term(lang, "field", gap.field), value=gap.detail)
    return _say(lang, "goal_too_long", goal=goal_id, days=gap.detail)


def _goals(plan: Plan, lang: str) -> list[tuple[str, str]]:
    """Each goal's gaps as the SMART column counts them (`assessment.goal_gaps`), or why it is strong."""
    if not plan.goals:
        return [(_WEAK, _say(lang, "goal_none"))]
    out = []
    for i, g in enumerate(plan.goals):
        out += [(_WEAK, _gap(g.id, gap, lang)) for gap in goal_gaps(plan, i)] or \
            [(_GOOD, _say(lang, "goal_strong", goal=g.id, target=g.target, deadline=_day(g.deadline)))]
    return out


def _responsibilities(plan: Plan, lang: str) -> list[tuple[str, str]]:
    out = []
    for owner in OWNERS:
        actions = [r for r in plan.responsibilities if r.owner == owner]
        party = term(lang, "party", owner)
        if not actions:
            out.append((_WEAK, _say(lang, "resp_missing", owner=party)))
        elif undated := [r for r in actions if r.due is None and not _FREQUENCY.search(r.action)]:
            out.append((_WEAK, _say(lang, "resp_undated", owner=party, count=len(undated), total=len(actions))))
    return out or [(_GOOD, _say(lang, "resp_strong", total=len(plan.responsibilities)))]


def _check_ins(plan: Plan, lang: str, max_gap: int) -> list[tuple[str, str]]:
    dates = sorted(c.date for c in plan.check_ins)
    if not dates:
        return [(_WEAK, _say(lang, "check_none", days=max_gap))]
    end = max((g.deadline for g in plan.goals if g.deadline), default=None)
    points = check_in_span(plan.interview_date, dates, end)
    gaps = [(a, b, (b - a).days) for a, b in itertools.pairwise(points)]
    long = [(_WEAK, _say(lang, "check_gap", start=_day(a), end=_day(b), days=days, max=max_gap))
            for a, b, days in gaps if days > max_gap]
    return long or [(_GOOD, _say(lang, "check_strong", count=len(dates), days=max(d for *_, d in gaps)))]


def comments(plan: Plan, section: str, lang: str, *, max_gap: int = 30) -> list[tuple[str, str]]:
    """What is strong (✓) and weak (✗) in one section of this plan, each a sentence saying why."""
    if section == "goals":
        return _goals(plan, lang)
    if section == "check_ins":
        return _check_ins(plan, lang, max_gap)
    return {"deficiencies": _deficiencies, "causes": _causes, "responsibilities": _responsibilities}[section](plan, lang)


def _sample_file(plan: Plan, folders: list[Path]) -> tuple[str, Path] | None:
    """The sample plan the draft drew on first (retrieval's closest to these notes), if it can be read."""
    for source in (s for s in plan.sources if s.kind == "sample"):
        for folder in [*folders, BUNDLED]:
            path = Path(folder) / source.path
            if path.is_file():
                return source.title, path
    return None


def similar_example(plan: Plan, section: str, folders: list[Path] | None = None) -> tuple[str, str] | None:
    """(title, example) of `section` in the closest sample plan: its first item (for responsibilities, the first
    of each party's), as the sample writes it."""
    found = _sample_file(plan, list(folders or []))
    if found is None:
        return None
    title, path = found
    try:
        body = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for part in re.split(r"\n(?=## )", body):
        lines = part.strip().splitlines()
        if lines and lines[0][3:].strip() in SAMPLE_HEADINGS[section]:
            items = [ln[2:].replace("**", "").strip() for ln in lines[1:] if ln.startswith("- ")]
            if section == "responsibilities":
                heads = [n for n, ln in enumerate(lines) if ln.startswith("### ")]
                items = [next((ln[2:].strip() for ln in lines[h + 1:] if ln.startswith("- ")), "") for h in heads]
                return (title, " · ".join(f"{lines[h][4:].strip()}: {i}" for h, i in zip(heads, items) if i)) if heads else None
            return (title, items[0]) if items else None
    return None


def guide_md(plan: Plan | None, section: str, lang: str, folders: list[Path] | None = None, *,
             max_gap: int = 30) -> str:
    """Learning mode's panel for one section: comments on this plan, then why it matters, a weak example and a
    strong one (from the closest sample plan when the draft drew on one)."""
    lines = []
    if plan is not None:
        lines += [f"**{text(lang, 'labels.this_plan')}**",
                  *[f"- {mark} {said}" for mark, said in comments(plan, section, lang, max_gap=max_gap)],
                  ""]
    entry = learning_guide(folders, lang).get(GUIDE_SECTION[section], {})
    example = similar_example(plan, section, folders) if plan is not None else None
    if entry:
        lines += [f"**{text(lang, 'labels.why')}** {entry.get('why', '')}",
                  f"- **{text(lang, 'labels.weak')}** {entry.get('weak', '')}"]
        if example:
            title, said = example
            lines.append(f"- **{text(lang, 'labels.strong_from', title=markdown_text(title))}** {markdown_text(said)}")
        else:
            lines.append(f"- **{text(lang, 'labels.strong')}** {entry.get('strong', '')}")
        lines.append(f"- **{text(lang, 'labels.tip')}** {entry.get('tip', '')}")
    return "\n".join(lines)
