import datetime as dt

import pytest

from assistant.dates import explicit_dates, find_dates

MAY_12 = dt.date(2026, 5, 12)
JUL_31 = dt.date(2026, 7, 31)


@pytest.mark.parametrize(
    "text, ref, expected",
    [
        ("due 2026-08-15", JUL_31, dt.date(2026, 8, 15)),
        ("by 31 Aug", JUL_31, dt.date(2026, 8, 31)),
        ("by Aug 31", JUL_31, dt.date(2026, 8, 31)),
        ("finish the module by 5/23", MAY_12, dt.date(2026, 5, 23)),
        ("due 11/2/2026", MAY_12, dt.date(2026, 11, 2)),
        ("by end of April", dt.date(2026, 3, 2), dt.date(2026, 4, 30)),
        ("by Jan 31", dt.date(2026, 11, 20), dt.date(2027, 1, 31)),  # next occurrence, not last January
        ("next 2 sprints (ending Oct 24)", dt.date(2026, 9, 15), dt.date(2026, 10, 24)),
        ("within 90 days", MAY_12, MAY_12 + dt.timedelta(days=90)),
        ("a 60-day plan", MAY_12, MAY_12 + dt.timedelta(days=60)),
        ("5月底前投诉降到4起以下", dt.date(2026, 4, 30), dt.date(2026, 5, 31)),
        ("11月30日前完成", JUL_31, dt.date(2026, 11, 30)),
        ("10月15日前", JUL_31, dt.date(2026, 10, 15)),
        ("三个月内完成", MAY_12, dt.date(2026, 8, 12)),
        ("2026年9月30日", MAY_12, dt.date(2026, 9, 30)),
        ("by the end of Q3", MAY_12, dt.date(2026, 9, 30)),
        ("Targets by June 30: AHT <= 8 min", MAY_12, dt.date(2026, 6, 30)),
    ],
)
def test_deadlines_resolve_against_the_interview_date(text, ref, expected):
    found = find_dates(text, ref)
    assert found, text
    assert found[0].date == expected


@pytest.mark.parametrize("text", ["24/7 support", "Three duplicate payments in Q2", "every Friday afternoon",
                                  "every opp has a next step by Friday EOD each week"])
def test_things_that_are_not_deadlines(text):
    assert [d for d in find_dates(text, MAY_12) if d.role == "deadline"] == []


def test_a_length_of_time_in_an_observation_is_not_a_deadline():
    (mention,) = find_dates("the payments retry feature slipped 3 weeks", MAY_12)
    assert mention.role == "duration"


def test_only_dates_with_a_year_can_fix_the_interview_date():
    assert explicit_dates("PIP prep - Helen, 2026-06-03, by 31 Aug") == [dt.date(2026, 6, 3)]
    assert explicit_dates("held 3 March 2026") == [dt.date(2026, 3, 3)]


def test_a_pattern_is_skipped_only_when_it_cannot_match():
    """`_NEEDS` skips a pattern on sentences without its key words; every match must hold them."""
    from pathlib import Path

    from assistant.dates import _NEEDS, _PATTERNS

    root = Path(__file__).resolve().parents[1]
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*root.glob("tests/notes/*"), *root.glob("knowledge/samples/*.md")])
    text += " a 60-day plan, within 2 weeks, next three months, 3wk, 两周内, 10个工作日内, 3个月, 5月底, 2026年5月3日, 本月底"
    matched = 0
    for kind, pattern in _PATTERNS:
        if kind in _NEEDS:
            for m in pattern.finditer(text):
                assert _NEEDS[kind].search(m.group(0)), (kind, m.group(0))
                matched += 1
    assert matched > 20
