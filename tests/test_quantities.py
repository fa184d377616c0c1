import pytest

from assistant.pipeline import draft_plan
from assistant.quantities import find_quantities


def _by_text(text):
    return {q.text: q for q in find_quantities(text)}


def test_units_comparators_and_references():
    qs = _by_text("AHT 11.5 min vs 7 min target for April. CSAT 71% (team 86%). Targets: CSAT >= 82%, $60k closed, 3x coverage.")
    assert qs["11.5 min"].unit == "min" and not qs["11.5 min"].reference
    assert qs["7 min"].reference  # 'vs' and 'target' make it a standard, not a result
    assert qs["86%"].reference and not qs["71%"].reference
    assert qs[">= 82%"].comparator == ">=" and qs[">= 82%"].value == 82
    assert qs["$60k"].value == 60000 and qs["$60k"].unit == "$"
    assert qs["3x"].unit == "x"
    qs = _by_text("NMS consultations: average 11 a month against an objective of 25.")
    assert qs["11 a month"].unit == "" and not qs["11 a month"].reference  # 'against' is no unit,
    assert qs["25"].reference  # and the objective is the standard it is held to
    assert not any(q.reference for q in find_quantities("Ada missed her objectives 3 quarters running."))


def test_rates_and_counted_nouns():
    (calls,) = find_quantities("Logged 9 discovery calls/week")
    assert (calls.value, calls.unit, calls.per) == (9, "discovery calls", "week")
    (zero,) = find_quantities("zero duplicates")
    assert zero.value == 0 and zero.unit == "duplicates"


def test_identifiers_times_and_meetings_are_not_numbers():
    assert find_quantities("Q4 review, sev-2 bug, Tier-1 agent, aisle 14, weekly 1:1 at 10am") == []
    # what a place or a machine is numbered by: the target is the number after it
    assert [q.value for q in find_quantities("runway 09 strikes down to 3 or fewer a month, kiln 4 losses below 2%")] == [3, 2]
    assert [q.value for q in find_quantities("field 40 calls a day, lift 20 boxes, the help desk 12 calls")] == [40, 20, 12]


def test_chinese_numbers_and_units():
    qs = _by_text("4月客户投诉12起，高峰期平均25分钟，标准10分钟；目标：投诉降到4起以下，等待时间不超过10分钟，销售额55万，每周培训一次")
    assert qs["12起"].unit == "起"
    assert qs["25分钟"].unit == "min" and qs["标准10分钟".removeprefix("标准")].reference
    assert qs["降到4起以下"].comparator == "<"
    assert qs["不超过10分钟"].comparator == "<="
    assert qs["55万"].value == 550000
    assert qs["一次"].value == 1
    assert "4" not in qs  # '4月' is a month


def test_the_fast_number_search_finds_exactly_what_the_full_pattern_finds():
    """`_number_matches` starts each search just before the next possible number; same matches as `finditer`."""
    import re
    from pathlib import Path

    from assistant.quantities import _NUMBER, _number_matches

    root = Path(__file__).resolve().parents[1]
    texts = [t for f in [*root.glob("tests/notes/*"), *root.glob("knowledge/**/*.md"), root / "README.md", *root.glob("docs/*.md")]
             for t in re.split(r"(?<=[.!?。\n])", f.read_text(encoding="utf-8"))]
    texts += ["at least     $ 5k per week", "no more than\n\n\n 3 errors", "fewer than  two calls", "不少于 10次",
              "v2 and Q4 and 3", "within 48h, over 90%", "no more than \u2003 $ 4"]
    found = 0
    for text in texts:
        expected = [m.span() for m in _NUMBER.finditer(text)]
        assert [m.span() for m in _number_matches(text)] == expected, text
        found += len(expected)
    assert found > 500


@pytest.mark.parametrize("text, value, comparator", [
    ("出库准确率要提升到百分之九十八", 98.0, ">="),
    ("回访覆盖率达到八成以上", 80.0, ">="),
    ("返工率压到一成以下", 10.0, "<"),
    ("签收率九成五", 95.0, None),
    ("巡检百分之百覆盖", 100.0, None),
])
def test_a_share_written_in_chinese_words_is_a_percentage(text, value, comparator):
    [q] = find_quantities(text)
    assert (q.value, q.unit, q.comparator) == (value, "%", comparator)


@pytest.mark.parametrize("text", ["流程一成不变", "他八成是忘了", "成本涨了", "完成了三单"])
def test_chinese_words_near_a_share_that_are_no_share(text):
    assert not [q for q in find_quantities(text) if q.unit == "%"]


def test_a_target_written_as_a_chinese_share_is_the_goals_value():
    notes = ("面谈记录 2026年3月2日 分拣员 刘晓峰\n2月分拣差错率4%，标准是1%以内。\n目标：4月底前分拣准确率提升到百分之九十九。")
    assert [g.target for g in draft_plan(notes).plan.goals] == [">= 99%"]


@pytest.mark.parametrize("text, value, comparator", [
    ("百分之一百", 100.0, None), ("百分之九十九点五", 99.5, None), ("九成五的订单要当天发出", 95.0, None),
    ("达到九成五以上的人员", 95.0, ">="), ("不到一成", 10.0, "<"),
])
def test_chinese_shares_read_whole(text, value, comparator):
    [q] = [q for q in find_quantities(text) if q.unit == "%"]
    assert (q.value, q.comparator) == (value, comparator)


@pytest.mark.parametrize("text", ["这事九成九是系统问题", "他八成又忘了打卡", "我估计八成没看邮件"])
def test_most_likely_in_chinese_is_no_share(text):
    assert not [q for q in find_quantities(text) if q.unit == "%"]


@pytest.mark.parametrize("text, value, unit", [
    ("The leaf clearance was skipped four weeks out of six.", 4.0, "of 6"),
    ("skipped 4 weeks out of 6", 4.0, "of 6"),
    ("one in five calls went unlogged", 1.0, "of 5"),
    ("remakes on 5 of 31 orders", 5.0, "of 31"),
])
def test_a_share_of_a_count_in_words_or_figures_is_one_value(text, value, unit):
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_a_count_larger_than_its_whole_is_no_share():
    assert all(not q.unit.startswith("of") for q in find_quantities("3 in 2 weeks"))


def test_a_chinese_bound_said_as_what_may_not_be_passed():
    """'不能超过3次' is at most 3, not over 3; '不可以多过' (Cantonese-flavoured) and '不得低于' alike."""
    qs = _by_text("迟到不能超过3次，差评不可以多过1条，好评率不得低于95%，上月超过4次")
    assert (qs["不能超过3次"].comparator, qs["不可以多过1条"].comparator, qs["不得低于95%"].comparator) == ("<=", "<=", ">=")
    assert qs["超过4次"].comparator == ">"


@pytest.mark.parametrize("text, written, low, high, unit", [
    ("Ice depth between 32 and 38 mm at every grid point", "between 32 and 38 mm", 32, 38, "mm"),
    ("Fridge kept at 2-5°C every day", "2-5°C", 2, 5, "°C"),
    ("between 2 and 4 errors a week", "between 2 and 4 errors", 2, 4, "errors"),
    ("温度控制在2到5度之间", "2到5度之间", 2, 5, "°C"),
    ("每周巡检3-4次", "3-4次", 3, 4, "次"),
])
def test_a_range_is_one_quantity(text, written, low, high, unit):
    (q,) = [q for q in find_quantities(text) if q.low is not None]
    assert (q.text, q.low, q.value, q.unit, q.comparator) == (written, low, high, unit, "between")


@pytest.mark.parametrize("text", ["dropped from 4 to 2 complaints", "works 9-5 on weekdays", "the 2025-2026 season",
                                  "rota 17:00-19:00", "from 60% to 80%", "第3-4周", "aisle 12-14"])
def test_a_change_hours_years_and_labels_are_no_range(text):
    assert not [q for q in find_quantities(text) if q.low is not None]


def test_a_target_written_as_a_range_is_one_goal_with_both_bounds():
    plan = draft_plan("1:1 with Dana Ruiz, rink technician, 2 March 2026\n"
                      "- Ice depth survey: 9 of 30 points under 28 mm in February.\n"
                      "Targets:\n- Ice depth between 32 and 38 mm at every grid point by 30 April.").plan
    (goal,) = plan.goals
    assert (goal.target, goal.metric) == ("32–38 mm", "Ice depth at every grid point")


def test_a_category_number_is_no_quantity():
    assert [q.text for q in find_quantities("Cat 1 recognition ≤ 60s on ≥ 90% of calls")] == ["≤ 60s", "≥ 90%"]


def test_two_targets_joined_by_and_are_two_goals_whatever_period_follows():
    plan = draft_plan("Recap of our 1:1 with Ellis Gutteridge (courier), 9 June 2026\n"
                      "On 3 runs in May the logger showed platelets above 24°C for more than 30 minutes.\n"
                      "4 deliveries in May had no countersigned handover form.\n"
                      "Targets: zero temperature excursions and 100% countersigned handovers in July and August.").plan
    assert sorted(g.target for g in plan.goals) == ["0", "100%"]


@pytest.mark.parametrize("text", ["Rooms 101-105 were signed off", "In weeks 3-4 she missed two", "Target: 1-2k calls a month"])
def test_numbered_things_and_multiplied_bounds_are_no_range(text):
    assert not [q for q in find_quantities(text) if q.low is not None]


@pytest.mark.parametrize("text, unit, value", [
    ("no lifting above the 20 m/s gust limit", "m/s", 20.0),
    ("under 30 km/h on site roads", "km/h", 30.0),
    ("revenue 2m/year", "", 2_000_000.0),  # a million a year, not metres
])
def test_a_speed_keeps_its_unit_and_a_million_a_year_stays_a_million(text, unit, value):
    q = find_quantities(text)[0]
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize("text, found", [
    ("目标就是龙井损耗一个月控制在3两以内", [("两", 3.0, "<=")]),  # 'a month' is the rate's period; 两 a weight after a digit
    ("会员卡七月底前做到一个月10张", [("张", 10.0, None)]),
    ("用了一个月", [("个月", 1.0, None)]),  # a month with no figure after it is a length of time
    ("两个人请假", [("个", 2.0, None)]),  # 两 before a measure is the number two
])
def test_a_month_before_a_rates_figure_is_its_period_not_a_count(text, found):
    assert [(q.unit, q.value, q.comparator) for q in find_quantities(text)] == found


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("偏差不超30mm", 30, "mm", "<="), ("wheels over 5kg", 5, "kg", ">"), ("余压低于50bar", 50, "bar", "<"),
])
def test_a_unit_of_measure_written_tight_to_its_number_is_read(text, value, unit, comparator):
    [q] = find_quantities(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("text", ["bay B12 again", "the 3rd time", "line 7A was down"])
def test_codes_with_letters_after_a_number_are_no_quantity(text):
    assert not [q for q in find_quantities(text) if q.unit], text


def test_a_count_after_a_place_noun_is_a_count_but_the_place_number_is_not():
    assert [q.value for q in find_quantities("late at mooring station 0 times in May")] == [0]
    assert find_quantities("station 4 was down again") == []


@pytest.mark.parametrize("text, value", [("she did seventy repairs in august", 70), ("eighty calls a week", 80),
                                         ("nineteen jobs came back", 19)])
def test_counts_written_in_words_up_to_ninety(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_a_chinese_requirement_with_english_terms_between_sets_a_standard_and_a_label_alone_does_not():
    from assistant.quantities import find_quantities

    (found, limit) = find_quantities("QC 各有 20+ findings，主要是 table 数字对不上 我们 SOP 要求每份 QC findings < 10 个")
    assert not found.reference and limit.reference
    assert not find_quantities("标准 所有 assignment 提前 15 min 到场")[0].reference  # a row's label, not a requirement


@pytest.mark.parametrize("text, figures", [
    ("3 8D reports went to the customer after 7 days", [3.0, 7.0]),  # an 8D report is no length of time
    ("the 3D printer jammed 4 times in May", [4.0]),
    ("5S audit failed 2 times, tickets closed in 5d", [2.0, 5.0]),
    ("Oil wastage 15L a shift against 5L, fridge at 9C", [15.0, 5.0, 9.0]),  # but a unit in capitals is a unit
])
def test_a_name_with_a_figure_in_it_is_no_quantity(text, figures):
    assert [q.value for q in find_quantities(text, [])] == figures


@pytest.mark.parametrize("text", ["每天下午4点前把当天走访录入平台", "早上8点半前到岗", "晚上10点以后不接单"])
def test_a_chinese_clock_time_is_no_quantity(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, written, value, unit, comparator", [
    ("Drive-thru time < 3m30s by June", "< 3m30s", 3.5, "min", "<"),
    ("the briefing ran 1h 30m", "1h 30m", 1.5, "h", None),
    ("at most 2 hrs 15 mins a shift", "at most 2 hrs 15 mins", 2.25, "h", "<="),
    ("平均3分30秒", "3分30秒", 3.5, "min", None),
    ("控制在1小时30分钟以内", "控制在1小时30分钟以内", 1.5, "h", "<="),
])
def test_a_length_of_time_in_two_units_is_one_quantity(text, written, value, unit, comparator):
    [q] = find_quantities(text)
    assert (q.text, q.value, q.unit, q.comparator) == (written, value, unit, comparator)


@pytest.mark.parametrize("text", ["revenue 3m 20 stores", "3 min 30 min", "下午2点30分到", "3m 20k calls"])
def test_what_is_no_length_in_two_units(text):
    """'m' alone is a million ('3m' stays 3,000,000), one unit twice is two lengths, '2点30分' a clock time."""
    assert not any(q.in_two_units for q in find_quantities(text))
    assert find_quantities("revenue 3m 20 stores")[0].value == 3_000_000


def test_a_target_time_in_minutes_and_seconds_keeps_its_seconds():
    plan = draft_plan("1:1 with Marcus Obi, shift lead, 3 June 2026\n"
                      "- Drive-thru service time averaged 4m10s across May; the standard is 3m30s.\n"
                      "Target: drive-thru service time < 3m30s by 31 July.").plan
    (goal,) = plan.goals
    assert (goal.target, goal.baseline) == ("< 3m30s", "4m10s")


@pytest.mark.parametrize("text, value", [("Target: Block 3 slots a week for coaching", 3.0),
                                         ("Season 20 steaks per service max", 20.0)])
def test_a_verb_before_a_number_leaves_the_count(text, value):
    assert find_quantities(text)[0].value == value


def test_points_then_a_time_in_chinese_are_no_length_in_two_units():
    assert not any(q.in_two_units for q in find_quantities("考核得分 8分 20秒内接通率 90%"))


@pytest.mark.parametrize("text, unit, comparator", [
    ("all transfers at 6 knots or less", "knots", "<="),  # the bound after the noun the figure counts
    ("2 late starts or fewer a month", "late starts", "<="),
    ("6 pallets or more", "pallets", ">="),
    ("6 knots, less than last year", "knots", None),  # no bound said after it
])
def test_a_bound_after_the_noun_a_figure_counts(text, unit, comparator):
    q = find_quantities(text)[0]
    assert (q.unit, q.comparator) == (unit, comparator)


@pytest.mark.parametrize("text, value, unit", [
    ("到现在还差三分之一没画", 33.0, "%"),  # a fraction in Chinese words
    ("完成了三分之二", 67.0, "%"),
    ("一半没做完", 50.0, "%"),
    ("有两处金箔起翘", 2.0, "处"),  # places counted
])
def test_chinese_fractions_halves_and_more_measure_words(text, value, unit):
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["回去再说", "一成不变", "分之", "下一轮 mystery shop", "一道去", "返工率降一半"])
def test_chinese_words_that_hold_no_figure(text):
    assert not find_quantities(text)
