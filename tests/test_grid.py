"""Tables in notes: a heading row says which cell is the area, the target and the date, and each row with a
target becomes a goal of its own with that row's deadline."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.grid import rows
from assistant.notes import analyse
from assistant.pipeline import draft_plan

GRID_NOTES = """Quarterly check-in, Ines Duarte (payroll clerk), 3 March 2026, with Tom Reyes (payroll manager)

KPI | Now | Goal | Who | Due
Payslip errors | 14 in February | no more than 3 a month | Ines | 30 April
Timesheet chasing | 22% of timesheets late | ≤ 5% late | Ines | end of May
Pension uploads | 2 of 3 uploads missed the cut-off | all on time | Ines | 15 April

Ines says the new rota system exports hours in the wrong format, so she re-keys them by hand.
Tom will ask IT to fix the export by 20 March.
"""


def test_a_heading_row_names_the_columns_of_the_rows_under_it():
    found = rows("Notes\n| Area | Observed | Target | Owner | By |\n|---|---|---|---|---|\n"
                 "| Till counts | 4 short | 0 short | Sam | 30 June |\n\nAfterwards | we talked")
    assert list(found) == [4]
    assert found[4].cells == {"area": "Till counts", "observed": "4 short", "target": "0 short", "owner": "Sam",
                              "when": "30 June"}


def test_tab_separated_and_chinese_headings_are_read_and_a_table_without_known_headings_is_not():
    assert rows("指标\t现状\t目标\t截止\n退货差错\t12单\t3单以内\t6月30日")[2].cells["target"] == "3单以内"
    assert rows("Section | Notes\nPerformance | 9 completions against a target of 15") == {}
    assert rows("Week\tUnits/hr\tErrors\nw/c 06.04\t44\t6.8%") == {}


def test_each_row_with_a_target_is_a_goal_with_its_own_area_target_and_deadline():
    plan = draft_plan(GRID_NOTES).plan
    by_metric = {g.metric: g for g in plan.goals}
    assert by_metric["Payslip errors"].deadline == dt.date(2026, 4, 30)
    assert by_metric["Timesheet chasing"].deadline == dt.date(2026, 5, 31)
    assert "5%" in (by_metric["Timesheet chasing"].target or "")
    assert by_metric["Pension uploads"].deadline == dt.date(2026, 4, 15)
    assert by_metric["Pension uploads"].target == "100%"  # 'all on time'
    assert all("|" not in g.metric for g in plan.goals)


def test_an_action_table_gives_each_row_its_owner():
    """'Action | Owner | Due' under a Markdown heading: each row is an action of the person or team in its owner cell."""
    plan = draft_plan("## Review - Kofi Mensah (stores clerk) - 4 May 2026\n"
                      "Kofi's manager: Ruth Lowe\n"
                      "Goods-in: 12 of 80 deliveries in April were booked in a day late.\n"
                      "Target: every delivery booked in on the day it arrives, 100% by 30 June.\n\n"
                      "**Actions**\n"
                      "| Action | Owner | Due |\n"
                      "|---|---|---|\n"
                      "| Book deliveries in before lunch each day | Kofi | from 11 May |\n"
                      "| Weekly check of the goods-in log | Ruth | Fridays |\n"
                      "| Fix the scanner dock at bay 2 | Facilities | end of May |\n").plan
    owners = {r.action: (r.owner, r.party) for r in plan.responsibilities}
    assert owners["Book deliveries in before lunch each day"] == ("employee", "Kofi Mensah")
    assert owners["Weekly check of the goods-in log"] == ("manager", "Ruth Lowe")
    assert owners["Fix the scanner dock at bay 2"] == ("organisation", "Facilities")
    due = {r.action: r.due for r in plan.responsibilities}
    assert due["Fix the scanner dock at bay 2"] == dt.date(2026, 5, 31)


def test_a_plain_date_in_an_action_rows_due_cell_is_its_due_date():
    plan = draft_plan("Review - Kofi Mensah (stores clerk) - 4 May 2026\n"
                      "Goods-in: 12 of 80 deliveries in April were booked in a day late.\n"
                      "Target: every delivery booked in on the day it arrives, 100% by 30 June.\n\n"
                      "| Action | Owner | Due |\n"
                      "|---|---|---|\n"
                      "| Move the goods-in desk next to bay 1 for Q2 | Facilities | 15 May |\n").plan
    (row,) = [r for r in plan.responsibilities if r.owner == "organisation"]
    assert row.due == dt.date(2026, 5, 15)


TSV_SHEET = (
    "Bakery line 1:1 - Oskar Lind - 12/05/2026 - P. Meyer (Production Manager)\n"
    "Copied from the review sheet:\n"
    "Area\tFinding\tWho\tWhen\n"
    "Proving times\tDough left in the prover past 50 min on 7 of 22 shifts in April\n"
    "Oskar's view\tThe prover timer has been unreliable since the March service\n"
    "Strength\tNever missed a sanitation sign-off this year\n"
    "Action\tSet a phone timer for every prover load\tOskar\tfrom now\n"
    "Action\tGet the prover timer repaired\tMaintenance\tend of May\n"
    "Target\tNo batch over 50 min in the prover\tOskar\tby 30 June\n"
    "Background\tThe line runs 40,000 loaves a week\n"
)


def test_a_tab_separated_sheet_is_read_row_by_row_with_its_first_cell_as_the_label():
    result = draft_plan(TSV_SHEET)
    plan = result.plan
    assert plan.status == "draft" and plan.employee.name == "Oskar Lind"
    evidence = " ".join(d.evidence for d in plan.deficiencies)
    assert "prover past 50 min" in evidence
    assert "sanitation" not in evidence and "40,000" not in evidence  # a strength and a background row
    assert {r.owner for r in plan.responsibilities} >= {"employee", "organisation"}
    assert [(g.target, g.deadline.isoformat()) for g in plan.goals] == [("0 (over 50 min)", "2026-06-30")]
    account = next(s for s in result.analysis.sentences if "timer has been unreliable" in s.text)
    assert account.text.startswith("The prover timer")  # the label cell is not part of the sentence


def test_a_numbered_table_whose_second_cell_labels_the_row():
    plan = draft_plan(
        "Dispatch review - Lena Vos (dispatcher) - 2026-09-03, notes by Ray (ops manager)\n"
        "| # | Item | Detail | Owner |\n"
        "|---|---|---|---|\n"
        "| 1 | Issue | 12 jobs sent to the wrong depot in August | Lena |\n"
        "| 2 | Strength | Calm on the phone with angry drivers | - |\n"
        "| 3 | Action | Check the depot code before every release | Lena |\n"
        "| 4 | Target | Wrong-depot jobs at most 2 a month by 31 October | Lena |\n").plan
    assert len(plan.deficiencies) == 1 and "wrong depot" in plan.deficiencies[0].evidence
    assert [g.deadline.isoformat() for g in plan.goals] == ["2026-10-31"]


def test_a_heading_that_names_the_month_measured_is_still_a_heading():
    table = rows("| Measure | Sep 2026 | Target | By |\n| Rebooking rate | 41% | 60% | end of Nov |")
    assert table[2].cells["target"] == "60%" and table[2].cells["area"] == "Rebooking rate"
    assert rows("| Measure | 41 | 60 | 3 |\n| Rebooking rate | 41% | 60% | end of Nov |") == {}


def test_a_heading_cell_may_open_with_the_period_it_was_measured_in():
    notes = ("仓储月度面谈 2026-05-06 员工：韦海燕（仓管员） 面谈人：蒙主管\n\n"
             "| 项目 | 4月实际 | 目标 |\n| --- | --- | --- |\n| 盘点差异（件） | 12 | 3 |\n| 入库及时率 | 88% | 98% |\n\n"
             "下次面谈：6月30日。")
    table = rows(notes)
    assert [r.cells for r in table.values()] == [{"area": "盘点差异（件）", "observed": "12", "target": "3"},
                                                 {"area": "入库及时率", "observed": "88%", "target": "98%"}]
    goals = draft_plan(notes).plan.goals
    assert [(g.target, g.deadline) for g in goals] == [("3", dt.date(2026, 6, 30)), ("98%", dt.date(2026, 6, 30))]


def test_a_heading_cell_names_its_column_without_its_bracket_or_by_both_its_halves():
    from assistant.grid import _heading

    assert _heading(["Area", "What we saw (Oct)", "Standard / target", "Owner", "By"]) == [
        "area", "observed", "target", "owner", "when"]
    assert _heading(["Area", "Owner / target", "By"]) == ["area", None, "when"]  # halves of two kinds name none


# A review table whose rows each hold the finding, its target and the agreed task (a bakery, in our own words).
PIP_GRID = """Bakery review, Tomasz Wrona (night baker), 10 March 2026, with Alys Pugh (production manager)

| Area | What we found | Standard | Action | Owner | By |
|---|---|---|---|---|---|
| Proving times | 7 of 20 batches over-proved in February | No more than 1 batch a month over-proved | Set a timer for every rack on the proving log | Tomasz | 30 April |
| Oven checks | Temperature log blank on 5 nights | Log filled every night | Put the log sheet on the oven door | Alys | 20 March |
| Flour deliveries | Deliveries arrive after 02:00 on most nights | – | Move the delivery slot to 22:00 | Purchasing (Remi) | 31 March |
| Customer orders | Very reliable with the cafe's special orders | – | – | – | – |
"""


def test_a_row_holding_a_finding_its_standard_and_its_task_gives_a_shortfall_a_goal_and_an_owned_task():
    plan = draft_plan(PIP_GRID).plan
    assert [d.area for d in plan.deficiencies] == ["Proving times", "Oven checks"]
    assert "7 of 20 batches over-proved" in plan.deficiencies[0].evidence
    proving = next(g for g in plan.goals if g.metric == "Proving times")
    assert proving.deadline == dt.date(2026, 4, 30) and proving.deficiency_ids == [plan.deficiencies[0].id]
    tasks = {r.action: r for r in plan.responsibilities}
    timer = tasks["Set a timer for every rack on the proving log"]
    assert timer.owner == "employee" and proving.id in timer.goal_ids and timer.due == dt.date(2026, 4, 30)
    assert tasks["Put the log sheet on the oven door"].owner == "manager"
    assert tasks["Move the delivery slot to 22:00"].owner == "organisation"
    assert not any("cafe" in d.evidence for d in plan.deficiencies)  # a row of praise and no task stays out


def test_a_row_of_findings_and_targets_without_a_task_is_read_whole():
    found = rows("| Metric | Actual | Target |\n|---|---|---|\n| Errors | 6 | 0 |\n")
    line = "| Errors | 6 | 0 |"
    from assistant.grid import parts
    assert parts(found[3], line) == []
    task_row = rows("| Area | Seen | Action | Owner |\n|---|---|---|---|\n| Errors | 6 in May | Double-check | Sam |\n")
    line = "| Errors | 6 in May | Double-check | Sam |"
    assert [(p, line[a:b]) for p, a, b in parts(task_row[3], line)] == [("finding", "Errors | 6 in May"),
                                                                          ("action", "Double-check | Sam")]


@pytest.mark.parametrize("heading", ["| KPI | Current | Target | Gap | Due |", "| Measure | Result | Example | Standard | By |"])
def test_a_heading_with_a_gap_or_example_column_is_still_a_heading(heading):
    notes = (f"Review with Ines Duarte (picker), 3 March 2026\n{heading}\n|---|---|---|---|---|\n"
             "| Pick accuracy | 96.5% | 99.5% | 3 points | 30 April |\n")
    assert 4 in rows(notes)


def test_a_rows_owner_and_date_go_with_its_task_whatever_the_column_order():
    from assistant.grid import parts

    def cut(heading: str, row: str) -> list[tuple[str, str]]:
        found = rows(f"{heading}\n{row}")
        return [(p, row[a:b]) for p, a, b in parts(found[2], row)] if 2 in found else []

    assert cut("| Area | What we found | Owner | Action | By |",
               "| Audit pack | Incomplete on 3 nights | Priya | Walk Bao through the checklist | 31 Jan |") == [
        ("finding", "Audit pack | Incomplete on 3 nights"), ("action", "Priya | Walk Bao through the checklist | 31 Jan")]
    assert cut("| 事项 | 存在问题 | 目标 | 行动 | 负责人 | 截止 |", "| 夜审报表 | 报表经常漏填，领导多次提醒 | 每晚按时完成 | 使用核对清单 | 张伟 | 1月31日 |")[0] == (
        "finding", "夜审报表 | 报表经常漏填，领导多次提醒")  # a Chinese finding with no figure is cut too
    tabs = "Area\tSeen\tTarget\tAction\tOwner\tBy"
    assert cut(tabs, "\tSafe left unlocked twice\tLocked every time\tUse the lock check\tBao\t31 Jan") == []  # a blank cell
    assert cut(tabs, "Cash drop\tOver £20 on 4 nights | twice over £50\tUnder £5\tCount the float\tBao\t15 Feb")[1:] == [
        ("target", "Under £5"), ("action", "Count the float\tBao\t15 Feb")]  # a pipe inside a tabbed cell


def test_a_finding_cell_that_opens_with_a_verb_is_no_task_and_an_owner_cell_is_not_overruled():
    plan = draft_plan("Night audit review – Bao Tran (night auditor) – 20 March 2026 – Lorna Fitch\n"
                      "| Area | What we saw | Action | Target | Owner | By |\n|---|---|---|---|---|---|\n"
                      "| Report writing | Shift report missing on 3 nights | Use the template | every night | Bao | 30 April |\n"
                      "| Shadowing with Lee | Going well, 6 shifts so far | Carry on twice a week | – | Bao | 30 April |\n").plan
    assert [d.area for d in plan.deficiencies] == ["Report writing"]
    assert {(r.action, r.owner, r.due) for r in plan.responsibilities} == {
        ("Use the template", "employee", dt.date(2026, 4, 30)), ("Carry on twice a week", "employee", dt.date(2026, 4, 30))}


def test_an_agreed_column_holds_the_rows_aims_and_a_label_rows_empty_cells_are_no_words():
    """'| Area | What happened | Agreed |': what was agreed in a row is its aim or its task, so the plan has goals; a
    row the first cell labels ('| Support | … | |') keeps none of the empty cells after its words."""
    result = draft_plan(
        "Lock-keeping check-in - Bryn Tal, lock keeper - 12.03.2027, me (Nia, section lead)\n\n"
        "| Area | What happened | Agreed |\n|---|---|---|\n"
        "| Log entries | 6 of 28 boat passages in February not logged | every passage logged, by end of April |\n"
        "| Paddle checks | weekly paddle check skipped 3 times | 4 checks a month from now on |\n"
        "| Support | Estates to fix the log tablet's charger (by 20 March) | |\n"
        "| Strengths | boaters praise how he handles the queue | |\n")
    plan = result.plan
    logged = next(g for g in plan.goals if "logged" in g.description)
    assert logged.deadline.isoformat() == "2027-04-30" and any("4" in g.target for g in plan.goals)
    support = next(r for r in plan.responsibilities if "charger" in r.action)
    assert support.owner == "organisation" and "|" not in support.action


EXPORT = """Review export - Nadia Brooks, depot picker, 12 Mar 2026
item,type,detail,owner,due
1,finding,"Late picks: 14 in February, mostly on Fridays",,
2,employee view,"Says the handheld froze on 4 shifts, so she picked from paper",,
3,action,"Pick the Friday trunking orders first thing",Nadia,31/03/2026
4,action,"Replace the handheld",IT service desk,20/03/2026
5,action,"Cover one Friday shift a week",me,31/03/2026
6,target,"Late picks: 2 or fewer in April",Nadia,30/04/2026
"""


def test_a_comma_separated_export_is_read_as_a_table_with_its_owner_and_due_columns():
    """A review sheet saved as CSV: each row's type cell labels it, its owner and due cells say whose and by when, and no
    comma inside a quoted cell splits it."""
    sentences = analyse(EXPORT).sentences
    by_text = {s.text: s for s in sentences}
    assert "Says the handheld froze on 4 shifts, so she picked from paper" in by_text
    assert by_text["Replace the handheld"].owner == "organisation"
    assert by_text["Cover one Friday shift a week"].owner == "manager"
    plan = draft_plan(EXPORT).plan
    due = {r.action: r.due for r in plan.responsibilities}
    assert due["Replace the handheld"] == dt.date(2026, 3, 20)
    assert [(g.target, g.deadline) for g in plan.goals] == [("<= 2", dt.date(2026, 4, 30))]
    assert all("," not in d.evidence.split(" ")[0] for d in plan.deficiencies)  # no '1,finding,' in the evidence


def test_prose_with_commas_is_no_comma_separated_table():
    """A line of column words is no heading when its commas are followed by spaces, and a number's comma splits nothing."""
    notes = ("We went through targets, actions, timing\nPicks were 1,200 a day against 3,400 for the team\n"
             "She was late 4 times in March, twice in April, and once in May.\n")
    assert [s.text for s in analyse(notes).sentences] == notes.strip().split("\n")


SPACED = """1:1 Nadia Osei 12/03/2026
ITEM               WEEKS 6-9          EXPECTED
-----------------  -----------------  -------------
Label errors       14 of 300 packs    under 5
Short weights      9 packs            0

AGREED                                 WHO           WHEN
Check the label roll at every change   Nadia         from Mon
Recalibrate the checkweigher           Maintenance   20 March
"""


def test_a_table_laid_out_in_spaces_is_read_by_its_columns_and_a_period_heads_what_was_measured():
    """A plain-text export's columns two spaces apart or more, under a heading the reader understands: each row's cells
    are its columns ('WEEKS 6-9' heads the figures measured), and the action table's owners are its WHO cells."""
    from assistant.grid import spaced_as_tabs

    table = rows(spaced_as_tabs(SPACED))
    assert table[4].cells == {"area": "Label errors", "observed": "14 of 300 packs", "target": "under 5"}
    assert table[8].cells["owner"] == "Nadia" and table[9].cells["owner"] == "Maintenance"
    owners = {r.action: r.owner for r in draft_plan(SPACED).plan.responsibilities}
    assert any("checkweigher" in action.lower() and owner == "organisation" for action, owner in owners.items()), owners
    assert spaced_as_tabs("Picks  were slow\nWe talked  about it\n") == "Picks  were slow\nWe talked  about it\n"


def test_a_row_one_cell_short_with_a_date_last_keeps_its_owner_and_task_in_their_columns():
    text = ("item\tobserved\tagreed action\towner\tdue\n"
            "feeding\t4 days with no feed log\tlog every feed in the app\tRuaridh\tnow\n"
            "shore base\tkeep the Tuesday boat slot fixed\tops office\tfrom 12 Oct\n"
            "his view\tthe feed camera was down\n")
    found = rows(text)
    assert found[3].cells == {"area": "shore base", "action": "keep the Tuesday boat slot fixed", "owner": "ops office",
                              "when": "from 12 Oct"}
    assert found[4].cells == {"area": "his view", "observed": "the feed camera was down"}  # (not short by one, no date)


def test_a_row_one_cell_short_whose_last_cell_is_a_figure_keeps_the_headings_order():
    found = rows("Area\tObserved\tTarget\tDue\nLate starts\t6 in Oct\t0\n")
    assert found[2].cells == {"area": "Late starts", "observed": "6 in Oct", "target": "0"}


TRACKER_EXPORT = """entry,logged,colleague,post,assessor,entry_type,remarks,who,due
1,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,issue,"Sealant left uncured on 5 of 20 units checked, two came back from site",,
2,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,issue,"Cut list not signed off before cutting on 3 jobs",,
3,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,standard,"Every unit cured 24 h before dispatch",,
4,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,his view,"The curing rack is full by Wednesday so units go out early",,
5,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,action,"Tag each unit with its cure start time",Tomasz,from Monday
6,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,action,"Order a second curing rack",Facilities,2026-10-30
7,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,target,"Zero units back from site for sealant by 2026-12-18",Tomasz,2026-12-18
"""


def test_an_exports_rows_repeat_its_fields_and_say_their_kind_after_them():
    """A system's export under column names of its own: the fields every row repeats (date, name, job, assessor) are
    no words of any row, the short cell after them says what the row is, and the owner's and date's cells that close
    a task's row say whose it is and by when, not words of the task."""
    analysis = analyse(TRACKER_EXPORT)
    assert (analysis.employee_name, analysis.employee_role) == ("Tomasz Wrobel", "glazier")
    texts = [s.text for s in analysis.sentences]
    kinds_known = [t for t in texts if "standard" not in t]  # ('standard' is no kind of row the reader knows: read whole)
    assert not any("Tomasz Wrobel" in t or "H. Achebe" in t for t in kinds_known[1:])
    assert "Tag each unit with its cure start time" in texts and "Order a second curing rack" in texts
    plan = draft_plan(TRACKER_EXPORT).plan
    owners = {r.action: (r.owner, r.due) for r in plan.responsibilities}
    assert owners["Order a second curing rack"] == ("organisation", dt.date(2026, 10, 30))
    assert owners["Tag each unit with its cure start time"][0] == "employee"
    assert [g.deadline for g in plan.goals] == [dt.date(2026, 12, 18)]


def test_a_tables_target_column_naming_the_aim_takes_its_figure_from_the_measure_beside_it():
    """'| Target | Measure | By |' over '| Returns | under 3% of orders |': the 'Target' column names each aim, the figure is
    the measure's."""
    notes = ("Review 3 Nov 2026 - Ola Berg (packer)\nReturns for damage 7% in October, standard 3%.\n"
             "Labels missing on 12 parcels.\n\n| Target | Measure | By |\n|---|---|---|\n"
             "| Returns | under 3% of orders | 31 Jan 2027 |\n| Labels | 0 parcels without a label | 31 Dec 2026 |\n")
    goals = {(g.target, g.deadline) for g in draft_plan(notes).plan.goals}
    assert goals == {("< 3%", dt.date(2027, 1, 31)), ("0", dt.date(2026, 12, 31))}


def test_an_exports_priority_cell_is_no_owner_and_empty_cells_keep_the_table():
    notes = ("entry,logged,colleague,post,assessor,entry_type,remarks,priority,due\n"
             "1,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,issue,Sealant left uncured on 5 of 20 units,High,\n"
             "2,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,issue,Cut list not signed on 3 jobs,High,\n"
             "3,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,action,Tag each unit with its cure start time,High,2026-10-12\n"
             "4,2026-10-06,Tomasz Wrobel,glazier,H. Achebe,action,Order a second curing rack,Medium,2026-10-30\n")
    tasks = {r.action: r.due for r in draft_plan(notes).plan.responsibilities}
    assert tasks == {"Tag each unit with its cure start time": dt.date(2026, 10, 12),
                     "Order a second curing rack": dt.date(2026, 10, 30)}


def test_an_exports_target_row_keeps_its_owner_cell_out_of_the_goal_and_its_date_as_the_deadline():
    notes = ("row,date,staff,role,item,type,notes,owner,due\n"
             "1,2026-11-10,Ana Ruiz,barista,waste,finding,\"Milk waste 14 litres a week, standard 6\",,\n"
             "2,2026-11-10,Ana Ruiz,barista,waste,target,\"Milk waste under 7 litres a week\",Ana,2027-01-31\n"
             "3,2026-11-10,Ana Ruiz,barista,waste,action,\"Steam to the line on the jug\",Ana,2026-12-01\n")
    drafted = draft_plan(notes)
    goal, = drafted.plan.goals
    assert "Ana" not in goal.metric and "7" in goal.target and goal.deadline == dt.date(2027, 1, 31)
    assert ("assumption", "goals[0].deadline") not in {(f.kind, f.location) for f in drafted.plan.review_flags}  # the cell says it


def test_a_heading_cell_glossed_in_the_other_language_names_its_column():
    table = rows("| 指标 KPI | Q3 实际 | Target 目标 | 备注 |\n|---|---|---|---|\n| CRM 拜访记录 | 55% | 100% | 很多没录入 |\n")
    assert table[3].cells == {"area": "CRM 拜访记录", "observed": "55%", "target": "100%"}


def test_two_heading_cells_glossed_alike_leave_the_columns_unnamed_as_before():
    table = rows("| 类别 Category | 内容 Detail | Owner | Due |\n|---|---|---|---|\n| 行动 Action | 周五先出 draft | Lan | 9/18 |\n")
    assert table[3].kinds == (None, None, "owner", "when")


@pytest.mark.parametrize("heading", ["| Area | What happened in Q1 | Agreed action |", "| Area | Result (Oct) | Agreed action |"])
def test_a_heading_cell_closing_on_its_period_names_its_column(heading):
    table = rows(heading + "\n|---|---|---|\n| Feedstock register | 9 of 62 deliveries not logged | log every delivery |\n")
    assert table[3].cells == {"area": "Feedstock register", "observed": "9 of 62 deliveries not logged",
                              "action": "log every delivery"}
