"""The evaluation cases as a regression test: the dev cases from ../shared, and our own held-out set.

Scored in-process with the shared harness's own `score()`, so the bar here is the bar the
product is judged by.
"""
import pytest

from assistant.pipeline import draft_plan

from .conftest import HELDOUT, ROOT, SHARED_EVAL, load_cases

METRICS = ["valid", "coverage", "precision", "targets", "deadlines", "smart", "parties", "grounded", "safe", "flags",
           "header", "clean"]


def _means(evaluate_module, cases):
    rows = [evaluate_module.score(draft_plan(c["notes"]).plan.model_dump(mode="json"), c) for c in cases]
    means = {}
    for k in METRICS:
        values = [r[k] for r in rows if r[k] is not None]
        means[k] = sum(values) / len(values) if values else 1.0
    return rows, means


def test_dev_cases_meet_the_bar(evaluate_module):
    rows, means = _means(evaluate_module, load_cases(SHARED_EVAL / "cases"))
    assert means["safe"] == 1.0 and means["valid"] == 1.0
    low = {k: round(v, 2) for k, v in means.items() if v < 0.9}
    assert not low, (low, [r for r in rows if any((r[k] or 1) < 0.9 for k in low)])


HELDOUT_CASES = load_cases(HELDOUT) if HELDOUT.exists() else []
# The held-out set is written blind, without reading the drafter; its floor is only ever raised.
HELDOUT_FLOOR = 0.85


@pytest.mark.skipif(not HELDOUT_CASES, reason="tests/heldout holds no cases in this checkout")
def test_heldout_cases_meet_the_bar(evaluate_module):
    rows, means = _means(evaluate_module, HELDOUT_CASES)
    assert means["safe"] == 1.0 and means["valid"] == 1.0
    low = {k: round(v, 2) for k, v in means.items() if v < HELDOUT_FLOOR}
    assert not low, (low, [(r["case"], {k: r[k] for k in low}) for r in rows])


# Notes written the way managers really write (../shared/eval/cases-wide), and our own held-out notes
# (training/notes/heldout, never trained on). Floors are the figures measured when they were set, a
# little below: raise them as the reader improves, never lower them. The issue's bar is 0.9 everywhere.
WIDE_FLOORS = {"valid": 1.0, "coverage": 0.98, "precision": 0.92, "targets": 0.97, "deadlines": 0.99, "smart": 0.95,
               "parties": 0.93, "grounded": 0.99, "safe": 1.0, "flags": 1.0, "header": 0.90, "clean": 0.99}
# Set on 98 held-out notes (h1-h4; re-based when the h3 and h4 writers joined, 2026-12-01; raised 2026-12-02, four
# times, and 2026-12-03, five times).
OWN_HELDOUT_FLOORS = {"valid": 1.0, "coverage": 0.94, "precision": 0.86, "targets": 0.91, "deadlines": 0.92, "smart": 0.91,
                      "parties": 0.88, "grounded": 0.99, "safe": 1.0, "flags": 0.96, "header": 0.88, "clean": 0.99}


def _held_to(means: dict, floors: dict) -> dict:
    return {k: round(means[k], 3) for k, floor in floors.items() if means[k] < floor}


def test_wide_cases_hold_their_floors(evaluate_module):
    folder = SHARED_EVAL / "cases-wide"
    if not folder.exists():
        pytest.skip("../shared/eval/cases-wide is not beside this checkout")
    _, means = _means(evaluate_module, load_cases(folder))
    assert not _held_to(means, WIDE_FLOORS), _held_to(means, WIDE_FLOORS)


def test_own_heldout_notes_hold_their_floors(evaluate_module):
    import json

    from assistant.reader.corpus import notes_text

    cases = []
    for path in sorted((ROOT / "training" / "notes" / "heldout").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        cases.append({"id": doc["id"], "notes": notes_text(doc), "expect": {"forbidden": [], "flags": [], **doc["expect"]}})
    assert len(cases) >= 40
    _, means = _means(evaluate_module, cases)
    assert not _held_to(means, OWN_HELDOUT_FLOORS), _held_to(means, OWN_HELDOUT_FLOORS)


def test_cases_and_wide_cases_together_meet_the_issues_overall_bar(evaluate_module):
    """Issue 11's bar on the 44 shared cases together: overall >= 0.95 with safe and valid 1.0 (met 2 December 2026
    at 0.951; targets and header are still under the 0.9 it asks of every metric)."""
    folder = SHARED_EVAL / "cases-wide"
    if not folder.exists():
        pytest.skip("../shared/eval/cases-wide is not beside this checkout")
    _, means = _means(evaluate_module, load_cases(SHARED_EVAL / "cases") + load_cases(folder))
    assert means["safe"] == 1.0 and means["valid"] == 1.0
    assert sum(means.values()) / len(means) >= 0.95, {k: round(v, 3) for k, v in means.items()}
