"""Numbers written in words, read once for dates and quantities alike."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.dates import find_dates
from assistant.numbers import zh_number
from assistant.quantities import find_quantities


@pytest.mark.parametrize(("text", "value"), [("三", 3), ("两", 2), ("零", 0), ("十", 10), ("十二", 12), ("二十", 20),
                                             ("二十五", 25), ("12", 12)])
def test_chinese_numerals_up_to_ninety_nine(text, value):
    assert zh_number(text) == value


@pytest.mark.parametrize("text", ["两三", "三四", "五一", "二三十", "一一", "十十"])
def test_a_range_or_a_name_is_no_number(text):
    assert zh_number(text) is None


def test_dates_and_quantities_read_the_same_numerals():
    ref = dt.date(2026, 3, 2)
    assert [d.date for d in find_dates("十二月底前完成", ref)] == [dt.date(2026, 12, 31)]
    assert [d.date for d in find_dates("三个月内", ref)] == [dt.date(2026, 6, 2)]
    assert [(q.value, q.unit) for q in find_quantities("每周十二次")] == [(12.0, "次")]
    # 'Two or three days', 'three or four hours': no single number, so neither a deadline nor a figure.
    assert find_dates("两三个月内", ref) == [] and find_quantities("要等两三天") == []
    assert find_quantities("只睡三四个小时") == []
