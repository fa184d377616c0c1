"""The evaluation cases as a regression test: the dev cases from ../shared, and our own held-out set.

Scored in-process with the shared harness's own `score()`, so the bar here is the bar the
product is judged by.
"""
import pytest

from assistant.pipeline import draft_plan

from .conftest import HELDOUT, SHARED_EVAL, load_cases

METRICS = ["valid", "coverage", "precision", "targets", "deadlines", "smart", "parties", "grounded", "safe", "flags"]


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
