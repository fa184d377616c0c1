import datetime as dt

import pytest

from assistant.dates import explicit_dates, find_dates, held_on, undated_interview
from assistant.notes import analyse
from assistant.pipeline import draft_plan

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
        ("rework under 2% across September and October", JUL_31, dt.date(2026, 10, 31)),
        ("no missed collections over Nov-Jan", dt.date(2026, 10, 20), dt.date(2027, 1, 31)),
        ("returns processed within 48h by month-end", MAY_12, dt.date(2026, 5, 31)),
        ("all audits passed in Q4", JUL_31, dt.date(2026, 12, 31)),
        ("every shelf labelled before Christmas", JUL_31, dt.date(2026, 12, 24)),
        ("9月、10月 盘点差异 0 次", JUL_31, dt.date(2026, 10, 31)),
        ("Q3末 客诉降到 5 起以内", MAY_12, dt.date(2026, 9, 30)),
        ("第四季度末前完成交接", JUL_31, dt.date(2026, 12, 31)),
        ("双11前 拣货准确率 99%", JUL_31, dt.date(2026, 11, 10)),  # before a single day: the day before it
        ("旺季前（9/15）完成培训", JUL_31, dt.date(2026, 9, 15)),
        ("rota gaps closed by Thursday the 13th", JUL_31, dt.date(2026, 8, 13)),
        ("handover notes due the 3rd of next month", JUL_31, dt.date(2026, 8, 3)),
        ("no late loads for the whole of September", JUL_31, dt.date(2026, 9, 30)),
        ("no missed scans over the next 6 weeks (to 11 Sep)", JUL_31, dt.date(2026, 9, 11)),
        ("三季度客诉不超过3起", JUL_31, dt.date(2026, 9, 30)),
        ("明年一季度末前完成系统切换", JUL_31, dt.date(2027, 3, 31)),
        ("第一季结束前：调阅逾期每月不超过5件", dt.date(2026, 11, 18), dt.date(2027, 3, 31)),  # Taiwan's '第一季結束前', folded
        ("本季底前补齐", JUL_31, dt.date(2026, 9, 30)),
        ("下个月漏检不超过1次", JUL_31, dt.date(2026, 8, 31)),
        ("下个月中之前交齐台账", JUL_31, dt.date(2026, 8, 15)),
        ("all checks signed by 04.09.; review (sitting 18.09.)", JUL_31, dt.date(2026, 9, 4)),  # day.month.
        ("rota published by 14.08.2026", JUL_31, dt.date(2026, 8, 14)),
        ("every crate scanned by Tuesday 18 August", JUL_31, dt.date(2026, 8, 18)),  # the date says which Tuesday
        ("the hoist fixed by Fri 7th", JUL_31, dt.date(2026, 8, 7)),
        ("bins emptied daily from 03/08", JUL_31, dt.date(2026, 8, 3)),  # 3 Aug: 8 March would be half a year away
        ("order sheet in by 9/15", JUL_31, dt.date(2026, 9, 15)),
        ("台账下个月 10 号之前交齐", JUL_31, dt.date(2026, 8, 10)),
        ("下周三之前把排班表发出来", JUL_31, dt.date(2026, 8, 5)),  # 31 Jul 2026 is a Friday
        ("0 lates thru July", JUL_31, dt.date(2026, 7, 31)),
        ("Cat 1 recognition ≤ 60s on ≥ 90% of calls, Oct + Nov audits", JUL_31, dt.date(2026, 11, 30)),
        # dates in Chinese numerals, and Taiwan's Minguo years (115 is 2026)
        ("九月三十日前完成盘点", JUL_31, dt.date(2026, 9, 30)),
        ("十二月底前交齐", JUL_31, dt.date(2026, 12, 31)),
        ("急救复训9月内完成", JUL_31, dt.date(2026, 9, 30)),  # within September: by its end
        ("rework <5% of pcs by the 20th nxt month", dt.date(2026, 5, 6), dt.date(2026, 6, 20)),  # (no 'of', shorthand)
        ("by the 10th next month", dt.date(2026, 5, 6), dt.date(2026, 6, 10)),
        ("台账10月以内补齐", JUL_31, dt.date(2026, 10, 31)),
        ("二〇二六年十月八日前提交", JUL_31, dt.date(2026, 10, 8)),
        ("請於115年9月15日前完成", JUL_31, dt.date(2026, 9, 15)),
        ("民国116年1月前结案", JUL_31, dt.date(2027, 1, 31)),
        ("二十号前把表交上来", JUL_31, dt.date(2026, 8, 20)),
        ("5号之前交", dt.date(2026, 8, 10), dt.date(2026, 9, 5)),  # the 5th has passed: next month's
        ("all returns booked by the August bank holiday", JUL_31, dt.date(2026, 8, 31)),  # its last Monday
        ("stock counted by Thanksgiving", JUL_31, dt.date(2026, 11, 26)),
        ("rota signed off before Black Friday", JUL_31, dt.date(2026, 11, 26)),  # the day before 27 Nov
        ("the new menu tested by Valentine's", JUL_31, dt.date(2027, 2, 14)),
        ("error rate under 0.5% by 30-01-2027", JUL_31, dt.date(2027, 1, 30)),  # a year written with hyphens
        ("all kits checked by the last Friday in October", JUL_31, dt.date(2026, 10, 30)),
        ("the backlog cleared within a fortnight", JUL_31, dt.date(2026, 8, 14)),
        ("rota fixed by the first working day of September", JUL_31, dt.date(2026, 9, 1)),
    ],
)
def test_deadlines_resolve_against_the_interview_date(text, ref, expected):
    """Also the periods, seasons and named days notes use instead of a date."""
    found = find_dates(text, ref)
    assert found, text
    assert found[0].date == expected


@pytest.mark.parametrize("text", ["24/7 support", "Three duplicate payments in Q2", "every Friday afternoon",
                                  "every opp has a next step by Friday EOD each week", "she may need the May rota",
                                  "the July audit found 3 gaps", "invoices matched by the 3rd working day",
                                  "timesheets in by the 25th of every month", "rent paid on the 1st of the month",
                                  "no more than 2 spills in any four-week period", "over a rolling 12-month period",
                                  "坐3号线上班", "每月三次巡检", "三号仓库", "5月内容审核漏了3条", "一月内整改完成"])
def test_things_that_are_not_deadlines(text):
    assert [d for d in find_dates(text, MAY_12) if d.role == "deadline"] == []


def test_a_count_after_a_month_and_a_services_window_are_not_dates():
    assert find_dates("In August 14 of his 90 jobs ran over", JUL_31) == []
    assert [d.role for d in find_dates("two visits fell outside the 28-day window", JUL_31)] == ["duration"]
    assert [d.role for d in find_dates("by the way on 5 Aug he was late", JUL_31)] == ["point"]


def test_the_date_of_an_event_a_goal_is_due_by_is_its_deadline():
    (mention,) = find_dates("every bay signed off by the fire audit on 14 September", JUL_31)
    assert (mention.date, mention.role) == (dt.date(2026, 9, 14), "deadline")


def test_a_decimal_ending_a_sentence_is_not_a_date():
    assert find_dates("Average pick time rose to 8.10.", MAY_12) == []
    assert find_dates("每周五交周报", MAY_12) == []  # every Friday: a rhythm


def test_a_day_named_with_on_is_the_nearest_such_day():
    (mention,) = find_dates("they rejected a pallet on the 28th", MAY_12)
    assert (mention.date, mention.role) == (dt.date(2026, 4, 28), "point")


def test_a_chinese_weekday_beside_a_date_is_no_length_of_time():
    assert [d.role for d in find_dates("1:1 记录 5/12 周二", MAY_12)] == ["point"]


def test_a_length_of_time_in_an_observation_is_not_a_deadline():
    (mention,) = find_dates("the payments retry feature slipped 3 weeks", MAY_12)
    assert mention.role == "duration"


def test_only_dates_with_a_year_can_fix_the_interview_date():
    assert explicit_dates("PIP prep - Helen, 2026-06-03, by 31 Aug") == [dt.date(2026, 6, 3)]
    assert explicit_dates("held 3 March 2026") == [dt.date(2026, 3, 3)]
    assert explicit_dates("面谈 2026年6月3日") == [dt.date(2026, 6, 3)]
    assert explicit_dates("pages 1-2-3, 4-5-26") == []  # a hyphenated date needs its four-digit year
    # one separator throughout, and a year of this century: ranges, decimals, versions and extensions are no dates
    assert explicit_dates("pick rate 9.5-12 an hour, yield 2.5-10%, v1.2-2024, ratio 3/4-10, ext. 01-12-3456") == []


@pytest.mark.parametrize("text, expected", [
    ("Deadline: the spring inventory (12 Mar)", dt.date(2027, 3, 12)),
    ("Deadline for both targets - 31 Jan", dt.date(2027, 1, 31)),
    ("完成期限：3月20日", dt.date(2027, 3, 20)),
])
def test_a_line_labelled_deadline_makes_its_date_a_deadline(text, expected):
    """However far along the line the date stands; the same date on another line is a day something happened."""
    (mention,) = find_dates(text, dt.date(2026, 11, 17))
    assert (mention.date, mention.role) == (expected, "deadline")
    (mention,) = find_dates("Stock counted on 12 Mar", dt.date(2026, 11, 17))
    assert mention.role == "point"
    due, handed_in = find_dates("Deadline: 14 Dec, handed in 21 Nov", dt.date(2026, 11, 30))  # the label's date only
    assert (due.role, handed_in.role, handed_in.date) == ("deadline", "point", dt.date(2026, 11, 21))


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


TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Catch-up notes", "Lead: Ines | Picker: Tomasz", "Wed 4 Mar 2026, canteen"], dt.date(2026, 3, 4)),
        (["dictated on the drive home - 1:1 with Oskar, Thursday 9 July"], dt.date(2026, 7, 9)),
        (["面谈时间：3月5日（周四）", "被面谈人：周峰"], dt.date(2026, 3, 5)),
        (["绩效面谈记录 2026-04-30 前台主管 王某"], dt.date(2026, 4, 30)),
        (["Date of review: 22 October"], dt.date(2026, 10, 22)),
        (["Kiln room – supervision notes – Tue 03/11/2026"], dt.date(2026, 11, 3)),  # a Tuesday: 3 November
        (["Sorting office – Lena Vogt, postal sorter (bay 4) – 15/09/2026"], dt.date(2026, 9, 15)),  # '4) –' is no range
        (["Ravi K – 17/3/26 – 1:1 in the yard office"], dt.date(2026, 3, 17)),  # '– 1:1' is no range either
        (["recorded on my phone, today is Monday the 9th of February 2026"], dt.date(2026, 2, 9)),
        (["10/8 小周 面谈（咖啡师，二号店）"], dt.date(2026, 10, 8)),  # Chinese notes put the month first
        (["Rota period 01 JUN 2026 - 30 JUN 2026", "Notes on Kim's July rota"], None),  # a range is no meeting
        (["minutes.txt (H. Osei, 14-10-2026)", "Agreed: 3 audits by 1 Dec"], dt.date(2026, 10, 14)),  # hyphens, day first
        (["Glazier catch-up - bay 3, lates - 19.11", "mgr: Tove"], dt.date(2026, 11, 19)),  # dots, day first
        (["Q3 review - score 3.5", "Agreed: 3 audits by 1 Dec"], None),  # a decimal is no date
        (["Sam Ode - 1:1 at 10.05 am, room 3.12", "error rate 1.05 per 100"], None),  # nor a time, a room, a rate
        (["仓储三组 面谈（11月24日）", "| 目标 | 差错率降到1%以下 | 2027年2月28日前 |"], dt.date(2026, 11, 24)),
        (["Kennels – winter review (Thurs 12th, Mar '26)", "first deliveries are 2 June"], dt.date(2026, 3, 12)),
        (["Boatyard 1:1, Oct 8th, '26"], dt.date(2026, 10, 8)),  # a year after an apostrophe
        (["面談日期：民國115年3月5日", "受談人：林怡君"], dt.date(2026, 3, 5)),  # a Minguo year
        (["日期：115/03/05　主管：陳"], dt.date(2026, 3, 5)),
        (["谈话记录（二〇二六年三月五日）"], dt.date(2026, 3, 5)),  # a date in numerals
        (["9.18 跟阿坤（配送）复盘，下面是我记的"], dt.date(2026, 9, 18)),  # the review held that day
        (["下次复盘 10.20", "目标：差错0次"], None),  # a review still to come
        (["月底复盘 11.30", "目标：差错0次"], None),
    ],
)
def test_the_interview_date_is_read_from_any_header_layout(lines, expected):
    assert held_on(lines, "\n".join(lines), TODAY) == expected


def test_a_year_less_header_date_is_the_latest_one_on_its_weekday():
    """'Mon 3 Feb' was a Monday in 2025, not in 2026."""
    assert held_on(["Mon 3 Feb - review with Adaeze"], "", TODAY) == dt.date(2025, 2, 3)


@pytest.mark.parametrize("line", [
    "Thurs 9 July – sat down with Tasha Green (adoption coordinator) in the cattery office.",
    "9 July – sat down with Ola (pastry chef) for her review",  # no weekday: the latest 9 July
])
def test_a_weekday_written_short_beside_a_date_gives_its_year(line):
    """'Thurs' is Thursday, and 'sat down' just past the date's window is no weekday: 9 July 2026 was a Thursday."""
    assert held_on([line], line, TODAY) == dt.date(2026, 7, 9)


def test_a_year_less_date_on_its_weekday_may_lie_just_ahead_of_today():
    """Notes dated a few weeks ahead keep their year: 'Wed 7 Jan' seen on 3 December 2025 is 2026, not 2015."""
    assert held_on(["Wed 7 Jan - check-in with Oskar, pruning crew"], "", dt.date(2025, 12, 3)) == dt.date(2026, 1, 7)


def test_a_slash_date_is_read_the_way_the_notes_other_months_agree_with():
    notes = ["Mtg 4/10/26 w/ Pieter, orchard", "Picked 310 kg a day in September", "Agreed: 400 kg a day by 15 Nov"]
    assert held_on(notes, "\n".join(notes), TODAY) == dt.date(2026, 10, 4)
    notes = ["Mtg 4/10/26 w/ Pieter, orchard", "Picked 310 kg a day in March", "Agreed: 400 kg a day by 15 May"]
    assert held_on(notes, "\n".join(notes), TODAY) == dt.date(2026, 4, 10)


def test_a_deadline_in_the_first_lines_is_not_the_interview_date():
    assert held_on(["Agreed: 24 crates an hour by 1 Oct."], "", TODAY) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Returns processed late in April and May. Target: none late by end of July.", dt.date(2026, 6, 1)),
        ("Dispatch report - Aug 2026\nLate loads 14", dt.date(2026, 9, 1)),
        ("3月份客户投诉9起，目标5月底前降到3起", dt.date(2026, 4, 1)),
        # the months a goal line names are ahead, not reported on
        ("Till shortages 6 times in June and July.\nTarget: no shortage in Oct and Nov.", dt.date(2026, 8, 1)),
        ("6月、7月报表错了5次。\n目标：10月、11月差错0次。", dt.date(2026, 8, 1)),
        # a period's start does not end it: October of the year before, the wash-ups late in January
        ("Top seller since October, but the wash-ups ran late 9 times in January.", dt.date(2026, 2, 1)),
        ("Top seller since October.", dt.date(2026, 11, 1)),  # the only month named
    ],
)
def test_undated_notes_are_anchored_after_the_last_month_they_report_on(text, expected):
    assert undated_interview(text, TODAY) == expected


@pytest.mark.parametrize("text", ["Late on 4 days this month.", "Target: zero by end of May.", "5月底前完成"])
def test_notes_that_report_no_past_month_are_not_anchored(text):
    assert undated_interview(text, TODAY) is None


def test_undated_notes_resolve_deadlines_in_the_year_they_report_on_and_say_so():
    from assistant.notes import analyse

    notes = ("Hi Marta, thanks for today. In September, 6 of your 20 site reports were filed late.\n"
             "Target: no late reports by end of November.\nYou'll file each report the same day.")
    analysis = analyse(notes, today=dt.date(2027, 1, 20))
    assert analysis.interview_date == dt.date(2026, 10, 1) and analysis.interview_date_assumed
    (deadline,) = [d.date for s in analysis.sentences for d in s.dates if d.role == "deadline"]
    assert deadline == dt.date(2026, 11, 30)


@pytest.mark.parametrize("lines, expected", [
    (["Ravi Shah – Year 6 teacher – feedback meeting 22.1.26"], dt.date(2026, 1, 22)),
    (["晓彤 4.27 聊了下"], dt.date(2026, 4, 27)),
    (["1:1 Yuki Sato (biomedical scientist) 27-Jan — Bea"], dt.date(2026, 1, 27)),
])
def test_dotted_and_hyphenated_header_dates(lines, expected):
    assert held_on(lines, lines[0], TODAY) == expected


def test_the_notes_own_gloss_of_a_deadline_wins():
    """The goal the embedded drafter makes takes the glossed date (drafted without retrieval, which no
    deadline depends on, so this file needs neither Chroma nor the encoder)."""
    from assistant.drafting.base import DraftContext
    from assistant.drafting.embedded import EmbeddedDrafter
    from assistant.notes import analyse

    notes = ("1:1 with Ada Obi, order picker, 2026-10-06\nPicking accuracy was 96.1% in September.\n"
             "- accuracy 98.5% or better before the Christmas peak starts (call it end of November)")
    plan = EmbeddedDrafter().draft(analyse(notes), DraftContext())
    assert [g.deadline for g in plan.goals] == [dt.date(2026, 11, 30)]


def test_a_header_date_on_a_long_first_line_is_the_interview_date():
    lines = ["Tomasz Nowak / warehouse team lead, night shift / 14 October / me (Abena Mensah, ops manager)",
             "Pick errors 31 in September against a limit of 10."]
    assert held_on(lines, "\n".join(lines), TODAY) == dt.date(2026, 10, 14)


@pytest.mark.parametrize("text, role", [("No more than 3 late starts in a month, by end of May.", "duration"),
                                        ("Finish the forklift course in a month.", "deadline")])
def test_in_a_month_after_a_count_is_a_rate_not_a_deadline(text, role):
    first = find_dates(text, dt.date(2026, 3, 2))[0]
    assert text[first.start:first.end] == "in a month" and first.role == role


@pytest.mark.parametrize("text, expected", [
    ("coverage 90% by end oct", dt.date(2026, 10, 31)), ("till end-Nov", dt.date(2026, 11, 30)),
    ("cancellations under 5% thru Q4", dt.date(2026, 12, 31)), ("new handheld unit eow", dt.date(2026, 10, 2)),
])
def test_shorthand_deadlines(text, expected):
    assert [(d.date, d.role) for d in find_dates(text, dt.date(2026, 9, 29))] == [(expected, "deadline")]


@pytest.mark.parametrize("text", ["at the end of the day it worked", "the end result was poor", "end of shift handover"])
def test_an_end_that_is_no_date(text):
    assert find_dates(text, dt.date(2026, 9, 29)) == []


def test_an_undated_meeting_follows_the_latest_day_reported_on_the_weekday_the_opening_names():
    notes = ("Subject: what we discussed on Monday\nQuick recap.\n--- REPORT | 01 DEC 2025 - 15 JAN 2026 ---\n"
             "Audits late on 11 of 46 nights, one person on nights since Jonas left in November.")
    a = analyse(notes, today=dt.date(2026, 12, 2))
    assert a.interview_date_assumed and a.interview_date == dt.date(2026, 1, 19)  # the Monday after 15 Jan 2026


def test_a_goal_in_the_middle_of_a_paragraph_names_no_month_reported_on():
    notes = ("Hi Marta, re Tomasz (driver). 11 late departures out of 60 duties in Jan. "
             "Goal: no more than 2 late departures in April. Cheers, Dev")
    assert analyse(notes, today=dt.date(2026, 12, 2)).interview_date == dt.date(2026, 2, 1)


@pytest.mark.parametrize("opening, held", [
    ("Catch-up w/ Bettina 22.01.", dt.date(2026, 1, 22)),  # day.month. with no year
    ("Subject: Follow-up from our review meeting (Amara, Planning Officer) - Tuesday 10 Feb", dt.date(2026, 2, 10)),
])
def test_the_meeting_date_in_an_opening_line(opening, held):
    a = analyse(opening + "\nLate 4 times in Jan.", today=dt.date(2026, 12, 2))
    assert (a.interview_date, a.interview_date_assumed) == (held, False)


def test_a_report_period_is_not_the_meeting_date():
    a = analyse("Recap.\nREPORT 01 DEC 2025 - 15 JAN 2026\nAudits late 11 / 46.", today=dt.date(2026, 12, 2))
    assert a.interview_date != dt.date(2025, 12, 1)


def test_a_heading_sets_the_deadline_of_the_goals_below_it():
    plan = draft_plan("Review with Tom (night auditor), 2026-01-19.\nAudits closed late on 11 of 46 nights.\n"
                      "So, for the next 8 weeks:\n1. Audit closed by 05:00 on at least 90% of nights.\n"
                      "2. Zero unposted charges.\n\nTarget: no late audits by 30 June.").plan
    assert [str(g.deadline) for g in plan.goals] == ["2026-03-16", "2026-03-16", "2026-06-30"]


@pytest.mark.parametrize("text, ref, expected", [
    # a week ends on its Friday, as 'end of week' does: ISO week 12 of 2027 runs Mon 22 to Sun 28 March
    ("Aim for the end of wk 12: every delivery logged", dt.date(2027, 2, 1), dt.date(2027, 3, 26)),
    ("第18周结束前完成全部盘点", dt.date(2027, 3, 1), dt.date(2027, 5, 7)),
    ("4.20前把台账补齐", dt.date(2027, 3, 9), dt.date(2027, 4, 20)),
    ("ready for the (28/5) handover", dt.date(2027, 5, 2), dt.date(2027, 5, 28)),
    ("matches the count at the 27/9 audit", dt.date(2027, 9, 1), dt.date(2027, 9, 27)),
])
def test_week_numbers_days_from_today_and_dotted_or_slashed_days(text, ref, expected):
    assert expected in [d.date for d in find_dates(text, ref)]


def test_a_time_from_today_is_a_deadline_not_a_length_of_time():
    assert [(d.date, d.role) for d in find_dates("Two weeks from today: no unlabelled trays", dt.date(2027, 5, 3))] == [
        (dt.date(2027, 5, 17), "deadline")]


def test_a_week_starting_point_is_its_monday_and_a_bare_fraction_is_still_no_date():
    assert [(d.date, d.role) for d in find_dates("from week 12", dt.date(2027, 2, 1))] == [(dt.date(2027, 3, 22), "start")]
    assert find_dates("covered 24/7 and 3/4 of calls answered", dt.date(2027, 2, 1)) == []


def test_a_header_line_typed_by_someone_still_dates_the_interview():
    lines = ["Stores 1:1 with Oskar Lind (porter) – Weds 14 Apr, notes typed by Mo", "Late 3 times."]
    assert held_on(lines, "\n".join(lines), dt.date(2027, 6, 1)) == dt.date(2027, 4, 14)


def test_a_slash_date_in_the_header_is_read_the_way_the_notes_write_the_others():
    lines = ["Ana Ruiz – picker – 1:1 9/11", "Scanner errors 12 in Oct.", "Recount at the 28/11 stock check."]
    assert held_on(lines, "\n".join(lines), dt.date(2027, 12, 1)) == dt.date(2027, 11, 9)
    lines = ["Stores 1:1 Thu 4/3, wk 9", "Temp not logged on 6 of 30 deliveries."]
    assert held_on(lines, "\n".join(lines), dt.date(2027, 12, 20)) == dt.date(2027, 3, 4)


@pytest.mark.parametrize("text, ref, expected", [
    ("国庆前把库存盘清", dt.date(2026, 8, 3), dt.date(2026, 9, 30)),  # before a single day: the day before it
    ("before Christmas, every locker relabelled", dt.date(2026, 11, 2), dt.date(2026, 12, 24)),
    ("by Christmas, every locker relabelled", dt.date(2026, 11, 2), dt.date(2026, 12, 25)),
    ("年底前交齐", dt.date(2026, 8, 3), dt.date(2026, 12, 31)),  # before a period's end: still that day
    ("春节前退货降到2次以内", dt.date(2027, 11, 20), dt.date(2028, 1, 25)),  # a feast that moves with the year
    ("清明前把茶青烘干记录补齐", dt.date(2027, 3, 2), dt.date(2027, 4, 4)),  # a solar term's day moves too
    ("the new rota live before Easter", dt.date(2028, 1, 10), dt.date(2028, 4, 15)),
    ("月中之前把清单用起来", dt.date(2026, 6, 3), dt.date(2026, 6, 15)),  # this month's middle, no month named
    ("月中之前把清单用起来", dt.date(2026, 6, 20), dt.date(2026, 7, 15)),  # its middle has passed: the next one's
    ("月底前超期为零", dt.date(2026, 6, 3), dt.date(2026, 6, 30)),
])
def test_named_days_feasts_and_a_months_middle_or_end(text, ref, expected):
    assert [d.date for d in find_dates(text, ref) if d.role == "deadline"] == [expected]


@pytest.mark.parametrize("text", ["每月底对账一次", "上月底的库存", "三年前入职"])
def test_a_recurring_or_past_month_end_is_no_deadline(text):
    assert not [d for d in find_dates(text, dt.date(2026, 6, 3)) if d.role == "deadline"]


def test_a_moving_feast_in_a_year_not_listed_is_no_date():
    assert not find_dates("before Easter", dt.date(2041, 1, 10))


def test_a_date_in_brackets_after_a_named_day_says_which_day_is_meant():
    found = find_dates("every job closed by the Easter holidays (27 March)", dt.date(2026, 2, 10))
    assert [(d.date, d.role) for d in found] == [(dt.date(2026, 3, 27), "deadline")]


@pytest.mark.parametrize("target, deadline", [
    ("Target before the stock count (we count on 14 March this year): shrinkage under 2%.", "2026-03-14"),
    ("Targets b4 the Q1 review (27 March): returns under 4%.", "2026-03-27"),
    ("By the Christmas menu sign-off on 4 December I want plate waste under 6%.", "2026-12-04"),
    ("目标：客户验厂（3 月 20 日）前 温度记录完整率 100%。", "2026-03-20"),
])
def test_a_date_the_notes_give_for_an_event_is_the_goals_deadline(target, deadline):
    plan = draft_plan(f"Review with Lotte (baker), 2026-02-02.\nShrinkage was 4.5% in January, plate waste 11%, returns 9%, "
                      f"温度记录缺了6天.\n{target}").plan
    assert [g.deadline.isoformat() for g in plan.goals] == [deadline]


def test_a_date_in_brackets_after_another_is_its_gloss_but_a_later_review_is_not():
    text = "Complete the allergen course by 30 June (review on 15 July)."
    dates = {d.text: d.role for d in find_dates(text, dt.date(2026, 5, 1))}
    assert dates == {"30 June": "deadline", "15 July": "point"}


def test_what_must_be_reached_before_a_day_is_a_target_in_chinese():
    a = analyse("谈话记录 2026年12月10日 站长办公室 马文斌\n我：组串巡检10月只巡了3次，计划是8次。\n我：春节前要做到：巡检按计划100%完成。")
    target = next(s for s in a.sentences if "100%" in s.text)
    assert target.kind == "target"


@pytest.mark.parametrize("target, deadline", [
    ("Target: no more than 2 misprints before the Christmas rush (the catalogue goes to print 4 Dec).", "2026-12-04"),
    ("Target: fewer than 3 late returns by the end of term (half term starts 23 Oct).", "2026-10-23"),
    ("Target: under 2 keying errors by the October payroll (paid 28 Oct).", "2026-10-28"),
    ("Target: oven checks logged every day before the Easter rush (w/c 22 March).", "2027-03-22"),
])
def test_a_date_that_says_when_a_named_time_falls_is_the_deadline(target, deadline):
    plan = draft_plan("Review with Aled (print room), 2026-09-14.\nAled had 7 misprints, 5 late returns, 6 keying errors "
                      "and 4 missed oven checks in August.\n" + target).plan
    assert [g.deadline.isoformat() for g in plan.goals] == [deadline]


@pytest.mark.parametrize("line, kind", [
    ("下月中（10/15）前：double booking 0 次；超 30 天未提交的 invoice 清零。", "target"),
    ("6月底前：double booking 0 次。", "target"),
    ("By 15 October: double bookings 0.", "target"),
    ("目标（6月底）：首件未确认就批量生产 0 次，参数变更 100% 有单。", "target"),
    ("Jan-Apr: 27 double bookings (team avg 6).", "observation"),
])
def test_a_label_that_only_says_by_when_sets_a_target_and_a_past_period_does_not(line, kind):
    a = analyse("Review with Ann Lowe (facilities coordinator), 2026-09-24.\nAnn had 23 double bookings in September and "
                "14 invoices over 30 days.\n" + line)
    assert a.sentences[2].kind == kind


def test_the_day_in_brackets_wins_over_a_period_named_beside_it():
    plan = draft_plan("Review with Aled (technician), 2026-07-09.\nAled missed the visit window on 12 of 64 visits in June.\n"
                      "Target before the Q3 close (we close the quarter on 25 September this year): 98% of visits in window.").plan
    assert [g.deadline.isoformat() for g in plan.goals] == ["2026-09-25"]


@pytest.mark.parametrize("lines, expected", [
    (["Depot 1:1, 19/04/2026. Ruth (Transport Manager) / Kemal (driver)."], dt.date(2026, 4, 19)),  # a full stop after it
    (["catch-up mon 2/3 (wk 10) w/ Ilse", "3 late loads in feb, 2 in jan, feb was the worst"], dt.date(2026, 3, 2)),
    (["6/11 面谈 w/ 小周", "背景：这个月单量比上个月多了两成，大家都很忙，不是她一个人的问题。", "1）到货登记不及时，上周有三次当天没录系统。",
      "2）盘点差异：仓库二区差了 12 箱，到现在还没找到原因。", "10/24 那批货晚了两天", "10月投诉 3 次"], dt.date(2026, 6, 11)),
    (["6/11 review w/ Tam", "on 24/10 the pallet went missing"], dt.date(2026, 11, 6)),
    (["6/11 review w/ Tam", "passed 9/14 audits in Oct", "3/4 的单子当天录入"], dt.date(2026, 11, 6)),  # scores, not dates
])
def test_the_interview_date_reads_as_the_notes_write_their_other_dates(lines, expected):
    """A week number beside it, and the notes' other slash dates ('10/24' month first, '24/10' day first), decide
    how a date that reads both ways is meant."""
    assert held_on(lines, "\n".join(lines), TODAY) == expected


def test_working_days_count_the_working_week_and_say_by_when_only_when_nothing_is_measured_against_them():
    thursday = dt.date(2027, 3, 4)
    found = find_dates("ok so within 3 working days: all 14 returns filed", thursday)
    assert [(d.date, d.role) for d in found] == [(dt.date(2027, 3, 9), "deadline")]  # Fri, Mon, Tue
    done = find_dates("the course done within 5 business days", thursday)
    assert [(d.date, d.role) for d in done] == [(dt.date(2027, 3, 11), "deadline")]
    assert find_dates("95% of claims paid within 3 working days", thursday)[0].role == "duration"


def test_a_deadline_after_an_event_the_notes_date_elsewhere():
    from assistant.notes import analyse

    a = analyse("Stores 1:1, 02/03/2027\nThe fire inspection is on 15 March.\nTwo blocked exits found in February.\n"
                "Target: a fortnight after the inspection, 0 blocked exits on the weekly walk.\n"
                "Three weeks after the inspection, every extinguisher tagged.\n")
    due = {s.text[:12]: [(d.date, d.role) for d in s.dates] for s in a.sentences}
    assert due["Target: a fo"] == [(dt.date(2027, 3, 29), "deadline")]
    assert due["Three weeks "] == [(dt.date(2027, 4, 5), "deadline")]
    assert analyse("1:1, 02/03/2027\nTwo weeks after the reorg the rota changed.\n").sentences[1].dates[0].role != "deadline"


@pytest.mark.parametrize("heading, due", [
    ("TARGETS (by end of Q3, 30/09/2026)", dt.date(2026, 9, 30)),
    ("PART 2 - GOALS (review date 15/08/2026)", dt.date(2026, 8, 15)),
    ("改进目标（6月1日—7月31日）", dt.date(2026, 7, 31)),
])
def test_a_targets_heading_dates_the_targets_under_it_in_brackets(heading, due):
    notes = (f"Review with Ola Berg (cheesemaker), 2026-05-12.\nRinds cracked on 9 of 40 wheels in April.\n{heading}\n"
             "- cracked rinds on no more than 2 wheels a month")
    assert [g.deadline for g in draft_plan(notes).plan.goals] == [due]


def test_a_date_that_glosses_another_holds_the_goal():
    notes = ("Review with Ola Berg (cheesemaker), 2026-11-24.\nRinds cracked on 9 of 40 wheels in October.\n"
             "Target: cracked rinds on no more than 2 wheels before the Christmas rush, so by the 18th.")
    assert [g.deadline for g in draft_plan(notes).plan.goals] == [dt.date(2026, 12, 18)]


@pytest.mark.parametrize("lines, expected", [
    (["Date: 02.06.2026 - 1:1 with Jo"], dt.date(2026, 6, 2)),  # dots: the day first
    (["Period: 1 – 31 May 2026", "Notes on Kim's rota"], None),  # a range, no meeting
])
def test_dotted_dates_and_ranges_in_the_header(lines, expected):
    assert held_on(lines, "\n".join(lines), TODAY) == expected


def test_a_gloss_dates_only_the_point_it_glosses():
    notes = ("Review with Ola Berg (picker), 2026-11-24.\nMis-picks were 3% in October.\nTarget: mis-picks under 1% by "
             "30 April and dispatch accuracy 99% before the Christmas peak, so by 18 December.")
    assert sorted(g.deadline for g in draft_plan(notes).plan.goals) == [dt.date(2026, 12, 18), dt.date(2027, 4, 30)]


def test_a_bracket_that_names_no_deadline_dates_no_targets():
    from assistant.notes.labels import _heading_deadline

    assert _heading_deadline("Targets (HR meeting 10 March)", dt.date(2026, 2, 17)) is None


@pytest.mark.parametrize("target, deadline", [
    ("End of next month (30 April): no more than 1 mislabelled pallet a week.", "2026-04-30"),
    ("By the spring show (the doors open Saturday 18 April): no more than 1 mislabelled pallet a week.", "2026-04-18"),
    ("Before the spring show（4/18）: no more than 1 mislabelled pallet a week.", "2026-04-18"),
    ("Goal: 1 mislabelled pallet a week at most, a month after the show (show 18 April → 18 May).", "2026-05-18"),
    ("Aim: mislabelled pallets down to 2/3 max by 30 April, none by the end of May.", "2026-04-30"),
])
def test_a_day_the_notes_write_beside_a_deadline_in_words_is_that_deadline(target, deadline):
    """In brackets after 'end of next month', right after the event it dates, or after an arrow; a count's bounds
    ('2/3 max') are no date."""
    notes = (f"Review with Bram (stock controller), 2026-03-10.\nBram mislabelled 6 pallets in February, 2 went to the wrong "
             f"store.\n{target}")
    assert draft_plan(notes).plan.goals[0].deadline.isoformat() == deadline


def test_a_deadline_the_notes_gloss_does_not_date_an_undated_interview():
    notes = ("Bram mislabelled 6 pallets in February.\nI'll pair him with Noor each week in March.\n"
             "End of next month (30 April): no more than 1 mislabelled pallet a week.")
    assert undated_interview(notes, dt.date(2026, 12, 3)) == dt.date(2026, 3, 1)


def test_a_goal_that_names_only_a_day_in_passing_is_due_at_the_review():
    notes = ("Review with Bram (stock controller), 2026-03-10.\nBram mislabelled 6 pallets in February, 2 went to the wrong "
             "store.\nFor the spring range (first delivery 2 April) I want no more than 1 mislabelled pallet a week.\n"
             "We'll look at it again at the end of May.")
    assert draft_plan(notes).plan.goals[0].deadline == dt.date(2026, 5, 31)


def test_christmas_misspelt_in_quick_notes_is_still_christmas():
    found = find_dates("re-works down to 1 a month by chrismas", dt.date(2026, 10, 2))
    assert [d.date for d in found if d.role == "deadline"] == [dt.date(2026, 12, 25)]


@pytest.mark.parametrize("length, due", [("over the next eight weeks", dt.date(2026, 6, 30)),
                                         ("over the next 8 weeks", dt.date(2026, 6, 30)),
                                         ("within a fortnight", dt.date(2026, 5, 28))])  # six weeks before the review
def test_a_goal_counted_in_weeks_is_due_on_the_review_day_the_notes_set_near_its_end(length, due):
    notes = ("Review with Bram (stock controller), 2026-05-14.\nBram mislabelled 6 pallets in April, 2 went to the wrong store.\n"
             f"Target: no mislabelled pallets {length}. We review at the end of June.")
    assert [g.deadline for g in draft_plan(notes).plan.goals] == [due]


@pytest.mark.parametrize("text, role", [
    ("At the end of the shift on 12 March she left the till open.", "point"),
    ("Target: by 30/6 at most 2 mislabelled pallets a week.", "deadline"),
])
def test_a_past_day_at_the_end_of_a_shift_is_no_deadline_and_a_bound_after_a_date_keeps_it(text, role):
    assert [d.role for d in find_dates(text, dt.date(2026, 3, 20)) if "/" in d.text or "March" in d.text] == [role]


@pytest.mark.parametrize("line", ["质量会议通报：5月返工12次。", "Will from stores says that in May four more went wrong.",
                                  "As you'll see from the log, in May four more went wrong."])
def test_a_meeting_or_a_name_before_a_month_does_not_make_it_a_future_one(line):
    notes = f"Ines keyed 14 wrong numbers in April.\n{line}"
    assert undated_interview(notes, dt.date(2026, 12, 3)) == dt.date(2026, 6, 1)


def test_a_goal_on_a_named_day_keeps_that_day_beside_a_later_review():
    notes = ("Review with Bram (forklift driver), 2026-05-14.\nBram failed the forklift re-test in April with 72%.\n"
             "Goal: pass the forklift re-test on 12 June with 100%. We review at the end of July.")
    assert [g.deadline for g in draft_plan(notes).plan.goals] == [dt.date(2026, 6, 12)]


def test_a_day_named_with_on_after_before_something_is_the_next_such_day():
    (mention,) = find_dates("all three rinks resurfaced before the league starts on the 9th", MAY_12)
    assert (mention.date, mention.role) == (dt.date(2026, 6, 9), "deadline")
    (seen,) = find_dates("before that, on the 9th, the ice was rough", MAY_12)  # another clause: a day gone by
    assert (seen.date, seen.role) == (dt.date(2026, 5, 9), "point")


def test_the_end_of_an_event_the_notes_date_elsewhere_is_a_deadline():
    from assistant.notes import analyse

    a = analyse("Stage crew 1:1, 02/03/2027\nThe touring season runs 12 March – 20 June.\n"
                "Set changes under 4 minutes by the end of the season.\nZero lost props by the end of the month.\n")
    due = {s.text[:9]: [(d.date, d.role) for d in s.dates] for s in a.sentences}
    assert due["Set chang"] == [(dt.date(2027, 6, 20), "deadline")]  # the season's end, not its start
    assert due["Zero lost"] == [(dt.date(2027, 3, 31), "deadline")]  # a month is read by the date rules


def test_a_count_before_a_month_is_no_date_and_a_past_clause_keeps_its_day():
    assert find_dates("Mispicks in February: 14, March so far: 6", MAY_12)[-1].text == "in February"  # not '14, March'
    (gone,) = find_dates("The float was not counted in time for the audit on the 9th", MAY_12)
    assert (gone.date, gone.role) == (dt.date(2026, 5, 9), "point")


def test_the_end_of_an_event_needs_a_day_it_ends_and_a_recurring_end_is_none():
    from assistant.notes import analyse

    a = analyse("Stage crew 1:1, 02/03/2027\nThe refit project kicks off 13 April.\nChecks with the teaching staff on 3 May.\n"
                "Zero lost props by the end of the project.\nTills balanced by the end of each shift.\n")
    assert [s.dates for s in a.sentences[3:]] == [[], []]  # a start is no end; 'each' is not in 'teaching'


@pytest.mark.parametrize("text, day", [
    ("We meet again on the 10th to close it out.", dt.date(2026, 6, 10)),  # still to come: the next 10th
    ("I'll walk the line with her on the 3rd.", dt.date(2026, 6, 3)),
    ("He rejected a load on the 9th.", dt.date(2026, 5, 9)),  # said of the past: the nearest 9th
    ("We met again on the 11th.", dt.date(2026, 5, 11)),
])
def test_a_day_of_the_month_still_to_come_is_the_next_one(text, day):
    (found,) = find_dates(text, MAY_12)
    assert found.date == day


@pytest.mark.parametrize("sentence, notes", [
    ("厂家 audit 是 6月2号，audit 后两周内：返修不超过 2 台。", ""),  # the event dated in the same sentence
    ("验收后两周内把问题清单清零。", "甲方验收定在6月2号。\n"),  # in another line, in Chinese
])
def test_a_chinese_deadline_after_an_event_counts_from_the_events_day(sentence, notes):
    from assistant.notes.events import event_deadlines

    found = event_deadlines(sentence, find_dates(sentence, MAY_12), notes + sentence, MAY_12)
    assert [d.date for d in found if d.role == "deadline"] == [dt.date(2026, 6, 16)]


@pytest.mark.parametrize("text, day", [
    ("Target: 95% of reads by the end of the first quarter.", dt.date(2027, 3, 31)),  # said in May: next year's Q1
    ("Both files on time, before the year-end run on 18 December.", dt.date(2026, 12, 18)),  # the run's own day
    ("All reconciliations closed by year-end.", dt.date(2026, 12, 31)),
])
def test_a_quarter_named_in_words_and_a_year_end_with_its_own_day(text, day):
    assert [d.date for d in find_dates(text, MAY_12) if d.role == "deadline"] == [day]


def test_over_the_first_weeks_of_an_event_counts_from_the_day_it_opens():
    from assistant.notes.events import event_deadlines

    text = "No missed checks over the first four weeks of the term, which starts on Monday 7 September."
    found = event_deadlines(text, find_dates(text, MAY_12), text, MAY_12)
    assert [d.date for d in found if d.role == "deadline"] == [dt.date(2026, 10, 5)]


def test_a_month_end_followed_by_a_figure_is_still_the_month_end():
    assert [d.date for d in find_dates("Pick accuracy to 95% by month-end from 88% now.", MAY_12)] == [dt.date(2026, 5, 31)]


def test_a_season_is_no_quarter():
    for text in ("这个季节客流大，迟到不超过1次", "本季新品上架要核对价签", "下个季节排班再说"):
        assert not [d for d in find_dates(text, dt.date(2026, 3, 20)) if d.date.month in (3, 6)], text


def test_an_event_dated_where_the_sentence_names_it_sets_the_deadline_after_it():
    from assistant.notes.events import event_deadlines

    ref = dt.date(2026, 2, 24)
    said = "backlog under 10 by two weeks after the fire inspection on 9 March"
    assert dt.date(2026, 3, 23) in [d.date for d in event_deadlines(said, find_dates(said, ref), said, ref) if d.role == "deadline"]
    later = "all fixed two weeks after the audit, by 30 April"  # a deadline further on is not the audit's day
    assert dt.date(2026, 5, 14) not in [d.date for d in event_deadlines(later, find_dates(later, ref), later, ref)]


@pytest.mark.parametrize("text", ["同一月份的数据", "统一月度考核", "近三月投诉增加", "她在3号前台值班", "二十号前后到", "Incident ref 110/12/20"])
def test_words_like_chinese_dates_and_reference_numbers_are_no_dates(text):
    assert find_dates(text, JUL_31) == []


def test_a_month_a_chinese_year_starts_from_is_its_first_day():
    (found,) = find_dates("从2026年9月起每周复盘", JUL_31)
    assert (found.date, found.role) == (dt.date(2026, 9, 1), "start")


@pytest.mark.parametrize("text, ref, want", [
    ("quality at 85% or above by two weeks from Monday", dt.date(2027, 3, 4), dt.date(2027, 3, 22)),  # a Thursday
    ("目标：scrap rate 7月底降到 2%，3Q 末到 1.5%", dt.date(2026, 6, 3), dt.date(2026, 9, 30)),
    ("Q1 wrap 前: check-in 等待时间降到 5 分钟以内", dt.date(2027, 1, 5), dt.date(2027, 3, 31)),
    ("返工率 Q3内 降到 2%", dt.date(2026, 6, 3), dt.date(2026, 9, 30)),  # 'within Q3'
    ("Q3内完成 SOP 培训", dt.date(2026, 6, 3), dt.date(2026, 9, 30)),
    ("退货率 Q1 内到 3%", dt.date(2026, 11, 24), dt.date(2027, 3, 31)),  # 'within Q1, to 3%'
    ("Q2 结束前 差评率降到 1%", dt.date(2026, 11, 24), dt.date(2027, 6, 30)),  # 'before Q2 ends'
    ("Q1 targets: 2 callbacks a week at most, every job card signed.", dt.date(2026, 12, 2), dt.date(2027, 3, 31)),  # its targets
])
def test_weeks_from_a_weekday_and_quarters_written_short_are_deadlines(text, ref, want):
    assert max(d.date for d in find_dates(text, ref) if d.role == "deadline") == want


@pytest.mark.parametrize("text", ["Q2内部培训", "Q1内容更新", "看一下 Q3 的到货"])
def test_a_quarter_inside_a_word_is_no_deadline(text):
    assert not find_dates(text, dt.date(2026, 11, 24))


def test_two_digits_after_a_day_and_a_month_are_its_year_where_a_field_ends():
    assert analyse("1:1 nts - Rhys Nolan, van drvr - 9 jun 27 - me = Sandra P.\n- 4 late drops\n").interview_date == dt.date(2027, 6, 9)
    assert [d.date for d in find_dates("due 3 Dec 12 calls", dt.date(2027, 3, 4))] == [dt.date(2027, 12, 3)]


@pytest.mark.parametrize("text, date, role", [
    ("complaints down to 35 by summer", dt.date(2027, 5, 31), "deadline"),  # before it begins (June): the next one
    ("no tunings slipping over the summer", dt.date(2026, 8, 31), "end"),
    ("all reports filed by the end of summer", dt.date(2026, 8, 31), "deadline"),
    ("rework 0 times (Q3)", dt.date(2026, 9, 30), "end"),  # a period in brackets after the figure
    ("返工重飞 0 次（Q3）", dt.date(2026, 9, 30), "end"),
])
def test_seasons_with_their_word_and_a_quarter_in_brackets_are_dates(text, date, role):
    assert [(d.date, d.role) for d in find_dates(text, dt.date(2026, 6, 5))] == [(date, role)]


@pytest.mark.parametrize("text", ["the summer menu launched", "a fall in sales", "summer staff start soon"])
def test_a_season_without_a_word_that_dates_it_is_no_date(text):
    assert find_dates(text, dt.date(2026, 3, 9)) == []


def test_a_day_written_as_an_ordinal_word_before_of_and_a_month():
    a = analyse("Talked to Tommo (fixer mason) today, the tenth of February 2026.\nHe fixed 14 of 25 stones.\n"
                "Goal: lime log 100% complete, reviewed by the end of next month.", today=dt.date(2026, 12, 4))
    assert a.interview_date == dt.date(2026, 2, 10)
    assert analyse("Catch-up with Ana on the twenty-first of March.\nShe was late 3 times.",
                   today=dt.date(2026, 12, 4)).interview_date == dt.date(2026, 3, 21)
    assert analyse("She came second of the five applicants.\nShe was late 3 times.", today=dt.date(2026, 12, 4)).interview_date \
        == dt.date(2026, 12, 4)


def test_a_line_that_says_the_day_the_talk_was_held_gives_the_interview_date_wherever_it_stands():
    a = analyse("那个我说一下今天谈的情况啊。\n上个月交的那批团扇，30把里面有7把返工。\n交期也拖了，客户原本说的6月20号，结果拖到7月3号才发出去。\n"
                "目标就是下个月底之前返工控制在3把以内。\n好，这是跟梅秀兰的，刺绣师，7月21号谈的，2026年。", today=dt.date(2026, 12, 4))
    assert (a.interview_date, a.employee_name, a.employee_role) == (dt.date(2026, 7, 21), "梅秀兰", "刺绣师")


@pytest.mark.parametrize("line, held", [
    ("Stable notes – Ria Moss, groom – second Tuesday of March 2026 – JB", dt.date(2026, 3, 10)),
    ("25.11.13 压铸2线 刘芳(操作工) 面谈", dt.date(2025, 11, 13)),  # a Chinese header: the year first
    ("Review 25.11.13 with Ann Lee", dt.date(2013, 11, 25)),  # elsewhere the day first
])
def test_a_meeting_day_by_its_weekday_in_a_month_or_a_chinese_short_date(line, held):
    assert held_on([line, "x"], "x", dt.date(2026, 12, 5)) == held


@pytest.mark.parametrize("text, end", [
    ("目标：6、7两个月日志填写率100%", dt.date(2026, 7, 31)),
    ("9、10月返工0次", dt.date(2026, 10, 31)),
    ("8月日志缺了几次", dt.date(2026, 8, 31)),  # a month's log ('日志'), not a day of it
])
def test_months_named_together_in_chinese_run_to_the_last(text, end):
    assert [d.date for d in find_dates(text, dt.date(2026, 6, 9))] == [end]


def test_two_months_named_together_stay_one_target():
    plan = draft_plan("【群聊】仓储部 2026/6/9\n周敏：今天和叉车司机郑浩做了绩效面谈。\n周敏：5月他有6天没填点检记录。\n"
                      "周敏：目标：6、7两个月点检记录填写率100%，叉车事故0次。\n").plan
    assert sorted(g.target or "" for g in plan.goals) == ["0次", "100%"]
    assert {g.deadline for g in plan.goals} == {dt.date(2026, 7, 31)}


@pytest.mark.parametrize("text, due", [("1、3个月内把返工率降到2%以下", dt.date(2026, 9, 9)), ("2、10天内交检查报告", dt.date(2026, 6, 19))])
def test_a_numbered_point_keeps_its_length_of_time(text, due):
    assert [d.date for d in find_dates(text, dt.date(2026, 6, 9))] == [due]


def test_a_weekday_of_a_month_in_a_finding_does_not_date_the_meeting():
    assert held_on(["Review Tue 3 Mar - stocktake on the last Friday of Feb was short", "x"], "x",
                   dt.date(2026, 12, 5)) == dt.date(2026, 3, 3)


def test_points_listed_with_a_pause_mark_stay_apart():
    plan = draft_plan("员工：林小燕\n面谈日期：2026-06-09\n5月点检记录缺了6天，返工3次。\n"
                      "目标：点检记录填写率100%、7月返工不超过1次。\n").plan
    assert sorted(g.target or "" for g in plan.goals) == ["100%", "<= 1次"], [g.target for g in plan.goals]



@pytest.mark.parametrize("first, held", [
    # a forward word elsewhere on a long first line is not about the date
    ("Wednesday 11 Feb, sat down with Tomasz (repair luthier) over coffee from the new place next door.", dt.date(2026, 2, 11)),
    ("1:1 Ana, 3 Mar. Next one 4 Apr", dt.date(2026, 3, 3)),
    ("Catch-up 3 Mar (next: 4 Apr)", dt.date(2026, 3, 3)),
    # the date's own clause looks ahead
    ("Next review 12 Mar", None),
    ("Follow-up due 14 Mar", None),
])
def test_only_the_dates_own_clause_on_a_first_line_says_it_is_ahead(first, held):
    assert held_on([first], first, dt.date(2026, 12, 5)) == held


@pytest.mark.parametrize("text, held", [
    # a bare day in an opening that says the talk was today, in the month after the last one the notes report on
    ("ok this is Mick notes from the chat with Shay this morning the 19th after second lot\n"
     "three horses got the wrong feed in July\nhe asked about his course I said we'd look at it in October\n",
     dt.date(2026, 8, 19)),
    ("今天19号跟小王聊了一下。\n7月迟到5次。\n", dt.date(2026, 8, 19)),
])
def test_a_bare_day_of_an_undated_talk_and_a_month_someone_would_look_at_later(text, held):
    assert undated_interview(text, dt.date(2026, 12, 5)) == held


@pytest.mark.parametrize("text, held", [
    ("She'd also missed two in September.\nLate 3 times in August.\n", dt.date(2026, 10, 1)),  # past, not would
    ("今天3号线停了，跟小王聊了一下。\n7月迟到5次。\n", dt.date(2026, 8, 1)),  # line 3, not the 3rd
    ("Spoke to Dana today, the 3rd of the three talks.\nLate 4 times in July.\n", dt.date(2026, 8, 1)),
])
def test_no_bare_day_nor_month_ahead_where_the_words_say_otherwise(text, held):
    assert undated_interview(text, dt.date(2026, 12, 5)) == held


@pytest.mark.parametrize("text", ["Q1内容审核漏了3篇", "Q2内部审计发现3项问题", "Q2前端页面改版延期了"])
def test_a_quarter_that_opens_a_word_is_no_deadline(text):
    assert not [d for d in find_dates(text, dt.date(2026, 6, 3)) if d.role == "deadline"]


@pytest.mark.parametrize("line, held", [
    ("voice memo thursday 14 may sat with jaylen numbers first then we look at the rota", dt.date(2026, 5, 14)),
    ("1:1 notes 14 May, then we review on 30 June", dt.date(2026, 5, 14)),  # the review is ahead, the talk is not
])
def test_a_review_to_come_gives_no_interview_date(line, held):
    assert analyse(line + "\n3 late starts in April.\n", today=dt.date(2026, 12, 5)).interview_date == held


def test_a_target_line_below_the_opening_gives_no_interview_date():
    notes = "Notes on Dana\n3 late starts in April.\ntarget 0 late starts, review on 30 June\n"
    assert analyse(notes, today=dt.date(2026, 12, 5)).interview_date != dt.date(2026, 6, 30)


def test_a_weekday_and_a_spelled_day_in_a_memo_s_opening_is_the_interview_and_a_review_to_come_is_not():
    notes = ("voice memo tuesday the twenty second after the one to one with Owen\n"
             "three pre dive checklists in august were missing the second signature\n"
             "target 0 missing signatures through october and november then we review on the first of december\n")
    analysis = analyse(notes, today=dt.date(2026, 12, 5))
    assert analysis.interview_date == dt.date(2026, 9, 22)  # the latest Tuesday the 22nd
    assert analysis.review_date == dt.date(2026, 12, 1)
    assert [g.deadline for g in draft_plan(notes, interview_date=dt.date(2026, 9, 22)).plan.goals] == [dt.date(2026, 12, 1)]


def test_an_ordinal_day_spelled_with_a_space_is_a_date():
    (found,) = find_dates("we meet again on the twenty first of march", dt.date(2026, 2, 3))
    assert found.date == dt.date(2026, 3, 21)


def test_a_range_of_weeks_runs_from_the_first_to_the_last_week_s_end():
    first, last = find_dates("Targets W46–W52: remakes < 5%", dt.date(2026, 11, 5))
    assert (first.role, last.role, last.date) == ("start", "end", dt.date(2026, 12, 27))


def test_a_label_that_dates_an_event_sets_the_targets_below_it_by_the_day_in_brackets():
    notes = ("飞书文档 · 1:1 Notes · 2026-08-06\n## 数据\n- Jira：她名下 23 个 bug 还 open，掉线率 5%。\n## Targets\n"
             "- 9 月 sprint review（9/24）前：掉线率 ≤ 2%，crash bug 清零\n")
    analysis = analyse(notes)
    assert analysis.sentences[-1].kind == "target"
    assert {g.deadline for g in draft_plan(notes).plan.goals} == {dt.date(2026, 9, 24)}
    fix = analyse("Notes 3 May\nFix scanner by 30/09: IT to order the part\n").sentences[-1]
    assert fix.kind != "target"  # a task's own words before the date: no label of targets


def test_the_day_a_target_s_own_sentence_is_checked_is_its_deadline_and_a_length_inside_it_its_measure():
    notes = ("[03/08/2026, 17:40] Kit: Hi Bryony, here's the summary of today's review\n"
             "[03/08/2026, 17:41] Kit: feeding charts had gaps on 6 of 14 nights in July\n"
             "[03/08/2026, 17:42] Kit: release forms took 9 days on average\n"
             "[03/08/2026, 17:45] Kit: target: 0 gaps on the feeding charts and all release forms in within 5 days, "
             "we check on 30 Sept\n")
    goals = draft_plan(notes).plan.goals
    assert goals and {g.deadline for g in goals} == {dt.date(2026, 9, 30)}


def test_sat_as_a_verb_is_no_weekday_beside_the_date():
    """'the ninth of september sat in the back room': 9 September of this year, not a year whose 9 September is a Saturday."""
    line = "ok recording this on the ninth of september sat in the back room after the review"
    assert held_on([line], line, dt.date(2026, 12, 5)) == dt.date(2026, 9, 9)


def test_sat_before_at_or_on_is_still_the_weekday():
    assert held_on(["Check-in Sat at 10, 13 May"], "Check-in Sat at 10, 13 May", dt.date(2026, 12, 5)) == dt.date(2023, 5, 13)


@pytest.mark.parametrize("line, held", [
    ("Cut-up QA 1:1 - DS / MK - 12.viii.2026", dt.date(2026, 8, 12)),  # a month in Roman numerals
    ("Date of meeting: 2/X/2026", dt.date(2026, 10, 2)),  # with slashes: the Roman numeral is the month, whatever the order
    ("Performance conversation — Station 7 — 11/02/2026 — CTL Morag Fraser", dt.date(2026, 2, 11)),  # no range '7 — 11/02'
    ("Subject: 1:1 follow-up – Ravi C. – 12/11", dt.date(2026, 11, 12)),  # not 11 December, still to come on 5 December
])
def test_the_interview_date_in_a_heading_written_unusually(line, held):
    notes = line + "\nThe January audit found 18 of 60 records incomplete.\n"
    assert held_on(notes.splitlines(), notes, dt.date(2026, 12, 5)) == held


@pytest.mark.parametrize("text, date", [
    ("95% of reports on time by 31/I/2027.", dt.date(2027, 1, 31)), ("New rota from 2/XI.", dt.date(2026, 11, 2)),
])
def test_a_roman_month_between_slashes_is_the_month(text, date):
    assert [d.date for d in find_dates(text, dt.date(2026, 10, 14))] == [date]


def test_around_a_day_is_no_deadline_before_it():
    ref = dt.date(2026, 11, 11)
    assert [(d.date, d.role) for d in find_dates("截止日都挤在11月1号前后", ref)] == [(dt.date(2026, 11, 1), "point")]
    assert [(d.date, d.role) for d in find_dates("11月1号前交齐", ref)] == [(dt.date(2027, 11, 1), "deadline")]


def test_the_nth_of_next_month_is_a_date_with_or_without_a_word_before_it():
    ref = dt.date(2026, 11, 19)
    assert [d.date for d in find_dates("right through to the end of phase 2 thats the 18th of next month", ref)] == [
        dt.date(2026, 12, 18)]
    assert [d.date for d in find_dates("by the 18th of next month", ref)] == [dt.date(2026, 12, 18)]
    assert find_dates("the 18th floor was closed", ref) == []


@pytest.mark.parametrize("text", ["See page 4/i of the manual.", "I went 3/I think.", "Section 3.ii. applies."])
def test_roman_numerals_that_are_no_month_stay_as_written(text):
    assert find_dates(text, dt.date(2026, 10, 14)) == []


def test_a_date_opening_a_memo_with_no_punctuation_is_the_day_it_was_held():
    memo = ("我是 Fang 今天 4 月 15 号 刚跟 Kai 做完 review 趁记得赶紧录一下 " + "问题一 报告晚了三周 他说需求改了好几轮 " * 8
            + "目标是 by end of May 全部按时")
    assert held_on([memo], memo, dt.date(2026, 12, 5)) == dt.date(2026, 4, 15)


def test_a_slash_date_with_its_year_is_read_day_first_where_month_first_falls_far_from_the_interview():
    ref = dt.date(2026, 3, 3)
    assert [d.date for d in find_dates("Replace the scanner by 10/03/2026", ref)] == [dt.date(2026, 3, 10)]
    assert [d.date for d in find_dates("Due 10/03/2026", dt.date(2026, 9, 20))] == [dt.date(2026, 10, 3)]


def test_an_outline_number_with_a_roman_numeral_is_no_date():
    assert find_dates("See section 3.ii. of the SOP and goal 1.i. below", dt.date(2026, 12, 5)) == []


def test_the_last_day_of_a_month_is_its_end():
    found = find_dates("Medicine book complete by the last day of August.", dt.date(2026, 6, 12))
    assert [(d.date, d.role) for d in found] == [(dt.date(2026, 8, 31), "deadline")]


@pytest.mark.parametrize("text, role", [
    ("callouts within 3 days of the request", "duration"),  # how close to another day, not by when
    ("T2 sprays within 2 days of the planned date", "duration"),
    ("finish the course within 2 weeks", "deadline"),
])
def test_within_days_of_another_day_is_a_measure(text, role):
    (found,) = find_dates(text, dt.date(2026, 5, 14))
    assert found.role == role


@pytest.mark.parametrize("text, want", [
    ("Target：6月–7月 sprint 资源 0 次晚交", dt.date(2026, 7, 31)),  # months joined by an en dash
    ("3 of his next 4 dogs through, Sept/Oct qualifying round", dt.date(2026, 10, 31)),  # months joined by a slash
])
def test_months_joined_by_a_dash_or_a_slash_run_to_the_last(text, want):
    assert [d.date for d in find_dates(text, dt.date(2026, 5, 27))] == [want]


def test_after_a_quarter_ends_is_no_deadline():
    assert not find_dates("Q3结束后再评估", dt.date(2026, 5, 1))


def test_a_slash_date_on_its_weekday_is_read_within_the_last_year_where_one_reading_is():
    # 'Tue 7/4' with June and September named after it: 7 April 2026 (a Tuesday), not 4 July 2023 (the last Tuesday 4 July)
    text = "notes – Ravi 1:1 Tue 7/4\ntarget: 12 days by end of June, 10 by end of Sept\n"
    assert held_on(text.split("\n"), text, dt.date(2026, 12, 6)) == dt.date(2026, 4, 7)


@pytest.mark.parametrize("line", [
    "Targets（到 9/30）：返工每月 ≤ 1 单",  # '到' before a date: until then
    "五、改进目标（考核期至2026年9月30日）\n返工每月≤1单",  # the period assessed runs to that date
    "Targets for the review on 30 September:\n- rework at most 1 a month",  # the review the targets are for
])
def test_targets_run_to_the_date_their_label_or_heading_gives(line):
    notes = "Review 2026-07-23, 宠物美容师 Ken\n返工 7 月有 5 单，标准是每月不超过 1 单。\n" + line + "\n"
    assert [g.deadline for g in draft_plan(notes).plan.goals] == [dt.date(2026, 9, 30)]


@pytest.mark.parametrize("line", ["【Targets - by 9/30】rework at most 1 a month; cuts 0", "[Targets – by 30 Sep] rework at most 1 a month; cuts 0"])
def test_a_label_in_brackets_before_its_targets_names_them_and_their_date(line):
    notes = "Review 2026-07-23, groomer Ken\nRework on 5 dogs in July, standard is 1 a month.\nTwo nail cuts too short.\n"
    goals = draft_plan(notes + line + "\n").plan.goals
    assert [(g.target, g.deadline) for g in goals] == [("<= 1/month", dt.date(2026, 9, 30)), ("0", dt.date(2026, 9, 30))]


def test_a_goal_that_lists_its_days_in_brackets_is_due_by_the_last():
    notes = ("Review 2026-03-04, arborist Dev\nWork orders closed: 6.5 a week against a crew target of 9.\n"
             "Missed 2 of 2 aerial rescue drills in the autumn cycle.\n"
             "Goal 1: Work orders closed per week at least 9, by end of June.\n"
             "Goal 2: Attend both aerial rescue drills in the spring cycle (Apr 8, May 13).\n")
    assert [g.deadline for g in draft_plan(notes).plan.goals][1:] == [dt.date(2026, 5, 13)]


@pytest.mark.parametrize("notes, deadlines", [
    ("面谈 2026-11-04 质检员 贺婷\n抽检检出率 8/10。\n目标：12月底前，抽检检出率从 8/10 提到 10/10。\n", [dt.date(2026, 12, 31)]),
    ("Review 4 Nov 2026 - Dana (picker)\nPick errors 14 in October, standard is 3.\n"
     "Targets for the review on 8 January:\n- pick errors at most 3 a month\n", [dt.date(2027, 1, 8)]),
])
def test_a_fraction_after_to_is_no_date_and_a_review_target_runs_to_the_review(notes, deadlines):
    assert [g.deadline for g in draft_plan(notes).plan.goals] == deadlines


def test_a_range_and_a_past_day_are_no_deadlines():
    ref = dt.date(2026, 11, 4)
    assert [d.role for d in find_dates("从12月1日到12月20日贺婷休年假", ref)] == ["point", "point"]
    assert find_dates("目标：不再迟到（上次迟到 11/2）。", ref) == []


@pytest.mark.parametrize("text, date, role", [
    ("46 training tops unaccounted for at the end of October.", dt.date(2026, 10, 31), "point"),  # just ended
    ("At the end of September she had 3 open cases.", dt.date(2026, 9, 30), "point"),
    ("Target: under 10 by the end of October.", dt.date(2027, 10, 31), "deadline"),  # 'by': still to come
    ("We check again at the end of January.", dt.date(2027, 1, 31), "deadline"),
])
def test_the_end_of_a_month_that_just_ended_is_that_month_unless_a_deadline_is_said(text, date, role):
    found, = find_dates(text, dt.date(2026, 11, 3))
    assert (found.date, found.role) == (date, role)


@pytest.mark.parametrize("text, date, role", [
    ("README for each workspace by 2026-W48.", dt.date(2026, 11, 27), "deadline"),  # the week's Friday, as 'W48'
    ("Peer review from 2026-W49.", dt.date(2026, 11, 30), "start"),  # its Monday
    ("Backlog under 300 by 2026W52.", dt.date(2026, 12, 25), "deadline"),
    ("Consultation forms 100% at the end-of-November audit.", dt.date(2026, 11, 30), "deadline"),
])
def test_iso_week_dates_and_a_hyphenated_end_of_month_are_dates(text, date, role):
    found, = find_dates(text, dt.date(2026, 11, 3))
    assert (found.date, found.role) == (date, role)


@pytest.mark.parametrize("text", ["CARD 1/6 - who/when", "page 2/3 of the notes", "Part no. 2026W3 swapped"])
def test_a_card_or_page_count_and_a_part_number_are_no_dates(text):
    assert find_dates(text, dt.date(2026, 11, 3)) == []


def test_an_iso_week_date_with_its_day_dates_the_interview():
    lines = ["h1. 1:1 - Tobias Lindqvist / Nadia Rahman - 2026-W44-2", "Backlog 412 drawings."]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 12, 6)) == dt.date(2026, 10, 27)


def test_a_card_count_on_the_first_line_does_not_date_the_interview():
    lines = ["CARD 1/6 - who/when", "Trevor Moss, gilder - with me, Lou B. - Weds 4 Nov, workshop office"]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 12, 6)) == dt.date(2026, 11, 4)


@pytest.mark.parametrize("text, day", [
    ("Her timecard 27/10/2026 shows 09:41 clock-in.", dt.date(2026, 10, 27)),  # 'card' ends a longer word
    ("Flights depart 14/11/26, back 28/11/26.", dt.date(2026, 11, 14)),
    ("Rota sheet 30/11/2026 still not signed.", dt.date(2026, 11, 30)),  # a date with its year, after 'sheet'
])
def test_a_slash_date_after_a_word_ending_like_card_or_part_is_still_a_date(text, day):
    assert day in [d.date for d in find_dates(text, dt.date(2026, 11, 2))]


@pytest.mark.parametrize("text", ["Target: every end-of-month count submitted by the 2nd working day.",
                                  "The end-of-week report was incomplete twice."])
def test_a_routine_named_end_of_month_or_week_is_no_date(text):
    assert not [d for d in find_dates(text, dt.date(2026, 11, 2)) if "end" in d.text]


@pytest.mark.parametrize("text, ref, day", [
    ("the day after Boxing Day", dt.date(2026, 11, 1), dt.date(2026, 12, 27)),
    ("by the Friday after Christmas", dt.date(2026, 11, 1), dt.date(2027, 1, 1)),
    ("the Monday after the clocks went back", dt.date(2026, 11, 20), dt.date(2026, 10, 26)),
    ("before the clocks go forward", dt.date(2026, 11, 20), dt.date(2027, 3, 27)),
])
def test_a_day_counted_from_a_named_day(text, ref, day):
    assert [d.date for d in find_dates(text, ref)] == [day]


def test_the_interview_held_the_day_after_the_clocks_went_back():
    lines = ["SITE PERFORMANCE CHAT", "Operative: Kwame Asante", "Date: Monday – the day after the clocks went back"]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 12, 6)) == dt.date(2026, 10, 26)
    assert held_on(["1:1 – the Christmas rota", "Dana late 3 times"], "", dt.date(2026, 12, 6)) is None


@pytest.mark.parametrize("text, day", [
    ("07-Nov-26 | Orla Byrne (tram driver) | with me", dt.date(2026, 11, 7)),
    ("Met on 07-Nov-2026 at the depot", dt.date(2026, 11, 7)),
    ("07 Nov 2026", dt.date(2026, 11, 7)),
])
def test_a_day_month_year_written_with_hyphens_keeps_its_year(text, day):
    assert [d.date for d in find_dates(text, dt.date(2027, 1, 10))] == [day]
    assert explicit_dates(text) == [day]


def test_a_time_after_a_hyphenated_day_and_month_is_no_year():
    assert [d.date for d in find_dates("07-Nov-09:30 shift", dt.date(2026, 12, 6))] == [dt.date(2026, 11, 7)]


@pytest.mark.parametrize("first, day", [
    ("录音开始，今天是十月八号，哦不对，今天是十月九号，跟小邓面谈。", dt.date(2026, 10, 9)),
    ("Voice note. Today's Monday the fifth of October — no, scratch that, it's Tuesday, the sixth.", dt.date(2026, 10, 6)),
    ("Dictating after the review on 14 September — sorry, 15 September.", dt.date(2026, 9, 15)),
])
def test_a_dictated_date_taken_back_is_not_the_interview_s(first, day):
    lines = [first, "Late for 4 of 10 shifts."]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 12, 6)) == day


def test_a_date_with_no_words_taking_it_back_still_dates_the_interview():
    lines = ["Review on 14 September - no later follow-up needed.", "Late for 4 of 10 shifts."]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 12, 6)) == dt.date(2026, 9, 14)


@pytest.mark.parametrize("text, day", [
    ("The mounts were due end of Feb and two are still on the bench.", dt.date(2026, 2, 28)),
    ("The report was due on 14 March.", dt.date(2026, 3, 14)),
    ("The report is due by 14 May.", dt.date(2026, 5, 14)),  # still to come
    ("Target: all three mounts done by end of Feb.", dt.date(2027, 2, 28)),
])
def test_a_deadline_said_in_the_past_is_one_gone_by(text, day):
    assert [d.date for d in find_dates(text, dt.date(2026, 4, 30))] == [day]


@pytest.mark.parametrize("text, days", [
    ("Holiday booked 15-Mar-31-Mar, so the review moves.", [dt.date(2026, 3, 15), dt.date(2026, 3, 31)]),  # a range
    ("14-Jun-10am, back office", [dt.date(2026, 6, 14)]),  # a time, not the year 2010
])
def test_look_alikes_of_a_hyphenated_year(text, days):
    assert [d.date for d in find_dates(text, dt.date(2026, 6, 1))] == days


@pytest.mark.parametrize("first, day", [
    ("面谈记录 刘洋 3月5号，错了两单，客户投诉了", dt.date(2026, 3, 5)),  # 'got two orders wrong'
    ("Met 3 March, I mean it was a long one, Sam was late 4 times", dt.date(2026, 3, 3)),
    ("Date: Mon 2 March — sorry, forgot to send these earlier", dt.date(2026, 3, 2)),
    ("Date: 4 May, no, not really a formal review, more a chat", dt.date(2026, 5, 4)),
])
def test_words_that_take_nothing_back_leave_the_date(first, day):
    lines = ["1:1 Sam Pike", first]
    assert held_on(lines, "\n".join(lines), dt.date(2026, 6, 1)) == day


@pytest.mark.parametrize("line, today, held", [
    ("1:1 w/ Ruby 03.10 — 离国庆还有4天，先过一遍", dt.date(2026, 12, 7), dt.date(2026, 9, 27)),  # the count decides '03.10'
    ("面谈记录（春节前两天，在仓库办公室）", dt.date(2027, 3, 1), dt.date(2027, 2, 4)),
    ("Check-in with Abi, two days before Christmas", dt.date(2027, 1, 10), dt.date(2026, 12, 23)),
])
def test_a_day_counted_back_from_a_named_day_dates_the_meeting(line, today, held):
    assert held_on([line], line, today) == held


def test_a_count_to_a_named_day_not_yet_come_this_year_is_last_years():
    line = "1:1 with Abi — 离春节还有10天"
    assert held_on([line], line, dt.date(2026, 12, 7)) == dt.date(2026, 2, 7)


@pytest.mark.parametrize("lines, today, held", [
    (["5.20 跟王芳面谈", "离双11还有5天的时候她把库存盘错了"], dt.date(2026, 11, 20), dt.date(2026, 5, 20)),  # when it happened
    (["跟王芳聊了聊，她是客服。", "双11前两天要把库存备齐。"], dt.date(2026, 12, 7), None),  # a task's day
    (["Catch-up with Dana", "Two days before Christmas she called in sick."], dt.date(2027, 1, 10), None),
    (["1:1 with Dana - the rota for two days before Christmas"], dt.date(2027, 1, 10), None),  # the meeting's subject
])
def test_a_day_counted_to_a_named_day_that_is_not_the_meetings_dates_nothing(lines, today, held):
    assert held_on(lines, "\n".join(lines), today) == held


@pytest.mark.parametrize("line, held", [
    ("Voice memo. It's the Thursday after the Easter weekend, I've just finished Callum's check-in.", "2026-04-09"),
    ("AD plant – performance conversation – Tuesday the 14th (week after Easter)", "2026-04-14"),
    ("review - tuesday the twenty second", "2026-09-22"),  # no named day beside it: the latest such day
])
def test_a_meetings_day_named_from_a_holiday_is_the_latest_such_day_not_after_today(line, held):
    assert held_on([line], line, dt.date(2026, 12, 7)).isoformat() == held


@pytest.mark.parametrize("line, held", [
    ("1:1 Thursday the 9th – Dana Ruiz, cashier – Christmas rota and holiday cover", "2026-07-09"),  # a subject, not the day
    ("1:1 Tuesday the 14th – Dana Ruiz, cashier – Easter leave requests discussed", "2026-07-14"),
])
def test_a_holiday_named_as_a_subject_places_no_date(line, held):
    assert held_on([line], line, dt.date(2026, 12, 7)).isoformat() == held


def test_the_day_after_an_event_named_after_a_holiday_is_not_dated_by_the_holiday():
    line = "Voice memo. It's the Monday after the Christmas party, just done Dana Ruiz's check-in."
    assert held_on([line], line, dt.date(2026, 12, 7)) is None


def test_a_catch_up_to_come_is_not_the_meeting_and_a_quoted_replys_day_is():
    notes = ("Subject: Re: our chat\nHi Wiremu,\nThanks for your reply below.\n"
             "In August the kit log was blank on 5 of 12 trips.\nYou'll fill in the kit log before every trip.\n"
             "For September–October: 100% of kit logs filled in.\nLet's catch up at the end of the season, 31 October.\n\n"
             "Cheers, Ana\n\nOn Thu, 3 Sept 2026 at 18:10, Wiremu Tane <w.tane@example.org> wrote:\n> Thanks for today.\n")
    plan = draft_plan(notes).plan
    assert plan.interview_date.isoformat() == "2026-09-03"
    assert [g.deadline.isoformat() for g in plan.goals] == ["2026-10-31"]


@pytest.mark.parametrize("text, due", [("Checks signed 100% at the November re-audit.", dt.date(2026, 11, 30)),
                                       ("Sign In 100% by the December review.", dt.date(2026, 12, 31)),
                                       ("At the May review we found 4 unsigned checks.", None),
                                       ("At the September audit we found 4 errors.", None)])
def test_a_check_named_by_its_month_soon_after_the_interview_is_a_goals_deadline(text, due):
    found = [d.date for d in find_dates(text, dt.date(2026, 10, 20)) if d.role == "deadline"]
    assert found == ([due] if due else [])


@pytest.mark.parametrize("notes, review", [
    ("Minutes: review, road marking operative Ravi Chaudhry\nHeld: Thu 05/11/26\nLines failed the survey on 1.8 km in September.\n"
     "Nozzle to be replaced by the workshop — 13/11/26\nTarget: all lines above 150 mcd.\nNext review: 04/02/27.", dt.date(2027, 2, 4)),
    ("Review, Ravi Chaudhry, 11/05/26\nLines failed the survey on 1.8 km in October.\nNozzle replaced by 11/13/26.\n"
     "Target: all lines above 150 mcd.\nNext review: 02/04/27.", dt.date(2027, 2, 4)),
])
def test_a_slash_date_is_read_the_way_the_notes_write_their_others(notes, review):
    assert analyse(notes).review_date == review


def test_a_check_in_the_interviews_own_month_is_one_gone_by():
    assert not [d for d in find_dates("At the November audit she scored 62% on record keeping.", dt.date(2026, 11, 28))
                if d.role == "deadline"]


def test_a_measure_set_at_none_by_a_named_day_is_a_goal_due_that_day():
    plan = draft_plan("quarry plant - review w/ Les Crowther (plant op) 22/10/26 - JW\n"
                      "- 9 loads rejected on site in oct for low temp\n- wrong mix sent out 2x in oct\n"
                      "agreed\n- Les: temp check every load\n\n- temp rejects: 0 by xmas\n- wrong mixes: nil by xmas\n").plan
    assert {(g.target.strip(), g.deadline) for g in plan.goals} >= {("0", dt.date(2026, 12, 25))}
    assert all(g.deadline == dt.date(2026, 12, 25) for g in plan.goals)


def test_a_date_field_naming_a_day_by_the_calendar_is_the_interview_not_a_later_day_the_notes_name():
    a = analyse("PERFORMANCE CONVERSATION\nName: Ffion Harris\nJob: scoreboard operator\nDate: St George's Day, 2026\n"
                "Scoreboard errors: 7 since March.\nTarget: no board errors for the rest of the season.\n"
                "Review at the end of the season, last home game 24 September.")
    assert a.interview_date == dt.date(2026, 4, 23)


def test_a_month_then_a_day_in_words_is_a_date_only_with_a_year_or_a_stop_after_it():
    a = analyse("[0:00] Right, this is Gemma Rowe, Thursday March fifth 2026, notes from the review with Ivo Petrov.\n"
                "[0:09] He missed 4 of 12 gate checks.\n[0:20] Target: all gate checks logged by the first of May.\n",
                today=dt.date(2026, 12, 4))
    assert a.interview_date == dt.date(2026, 3, 5)
    assert explicit_dates("Friday June twenty-second, 2026") == [dt.date(2026, 6, 22)]
    assert [d.date for d in find_dates("by March third.", dt.date(2026, 1, 10))] == [dt.date(2026, 3, 3)]
    assert find_dates("the March second shift ran short", dt.date(2026, 1, 10)) == []


@pytest.mark.parametrize("text", ["by the 20th (next month)", "by the twentieth of next month", "due the twentieth of next month"])
def test_a_day_of_next_month_in_brackets_or_in_words_is_next_months(text):
    assert [d.date for d in find_dates(text, dt.date(2026, 11, 3))] == [dt.date(2026, 12, 20)]


@pytest.mark.parametrize("text, role", [
    ("会议纪要会后 2 个工作日内上传。", "duration"),   # counted from each meeting: how fast, not by when
    ("纪要 2 个工作日内上传率 100%。", "duration"),     # a rate's window
    ("收到投诉后3天内回复。", "duration"),
    ("5个工作日内完成整改。", "deadline"),             # from today: by when
])
def test_a_chinese_length_of_time_counted_from_each_event_is_how_fast_not_a_deadline(text, role):
    assert [d.role for d in find_dates(text, dt.date(2026, 3, 27))] == [role]


def test_a_weekday_after_a_named_chinese_festival_and_a_compact_day_give_the_interview_date():
    a = analyse("冷箱组 1:1（2026 中秋后第一个周一，上午）\n9 月有 7 个箱子 PTI 后又报警。\n目标：10 月底前报警 ≤ 2 个/月。\n",
                today=dt.date(2026, 12, 7))
    assert a.interview_date == dt.date(2026, 9, 28)
    assert explicit_dates("REF RO-1:1/18JUN26/AB>CD") == [dt.date(2026, 6, 18)]
    assert explicit_dates("serial 12DEC99X") == []


def test_a_compact_day_after_a_cases_reference_is_its_number():
    assert explicit_dates("Case ref 12JAN24, 1:1 held 4 March 2026") == [dt.date(2026, 3, 4)]


def test_a_dotted_date_at_a_sentences_end_and_a_check_of_all_the_targets_on_a_day():
    notes = ("Lift 1:1 – Reto Frei with Matthias Roth (lift mechanic), 27.01.2026\n"
             "Two grip-force tests overdue by more than a week.\nChecklist not signed off before 08:15 on 7 days.\n"
             "Target: 0 overdue grip-force tests at the review on 15.03.2026.\n")
    goals = draft_plan(notes).plan.goals
    assert dt.date(2026, 3, 15) in {g.deadline for g in goals}
    notes = ("Organ tuning review, 17 Feb 2026 – Tom Weld (voicer)\n- 4 pipes per rank spoke slowly on the Holy Trinity job.\n"
             "- The Holy Trinity visit overran by a day and a half.\n"
             "Targets: fewer than 2 slow-speaking pipes per rank on the next two reed jobs.\n"
             "Tuning visits inside the booked time. We'll look at all three on 28 April.\n")
    goals = draft_plan(notes).plan.goals
    assert goals and {g.deadline for g in goals} == {dt.date(2026, 4, 28)}


@pytest.mark.parametrize("text, when", [
    ("re-inspect all harnesses by 31.vii", dt.date(2026, 7, 31)),  # a month in Roman numerals
    ("review 15.ix", dt.date(2026, 9, 15)),
    ("jottings, dictated 14.vii.26", dt.date(2026, 7, 14)),
    ("see section 3.v of the manual", None),  # a numbered part: no day
    ("Check 2.iii of the wardrobe manual", None),
])
def test_a_month_in_roman_numerals(text, when):
    found = [d.date for d in find_dates(text, dt.date(2026, 7, 10))]
    assert found == ([when] if when else [])
