"""A plan as the workspace's tables and back: nothing is lost by showing it (an unchanged table is the same plan,
so a change event that changes nothing writes nothing)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.notes import analyse
from assistant.pipeline import draft_plan
from assistant.ui import tables as T

NOTES = sorted((Path(__file__).parent / "notes").glob("*.txt"))


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_a_plan_read_back_from_its_tables_is_the_same_plan(path):
    plan = draft_plan(path.read_text(encoding="utf-8")).plan
    shown = T.to_tables(plan, plan.language)
    header = {"employee": plan.employee.name or "", "role": plan.employee.role or "",
              "interview_date": plan.interview_date.isoformat() if plan.interview_date else ""}
    again, problems, pending = T.from_tables(plan, {name: shown[name] for name in T.TABLES}, header, plan.language)
    assert T.same_plan(again, plan) and not problems.by_table and not pending.rows
    assert [c.source_sentences for c in again.root_causes] == [c.source_sentences for c in plan.root_causes]


def test_an_edited_cell_is_a_different_plan_and_an_unreadable_date_is_named_beside_its_table():
    plan = draft_plan((Path(__file__).parent / "notes" / "teacher-qa.txt").read_text(encoding="utf-8")).plan
    shown = T.to_tables(plan)
    shown["goals"][0][5] = "next Friday"
    again, problems, _ = T.from_tables(plan, {name: shown[name] for name in T.TABLES})
    assert not T.same_plan(again, plan) and again.goals[0].deadline is None
    assert problems.by_table == {"goals": ["Row 1: 'next Friday' is not a date; use YYYY-MM-DD."]}


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_the_smart_column_and_learning_mode_agree_on_every_goal(path):
    """One assessment of a goal: the SMART column ticks exactly the goals learning mode calls strong, and names
    what learning mode calls weak (a goal without a baseline among them, which no check flags)."""
    from assistant.pipeline import recheck
    from assistant.ui import coach

    plan = draft_plan(path.read_text(encoding="utf-8")).plan
    if plan.goals:
        plan.goals[0].baseline = None
        plan = recheck(plan, path.read_text(encoding="utf-8"))
    for lang in ("en", "zh"):
        column = [row[7] for row in T.to_tables(plan, lang)["goals"]]
        said = coach.comments(plan, "goals", lang)
        for goal, cell in zip(plan.goals, column):
            about = [mark for mark, words in said if f" {goal.id} " in f" {words} ".replace("：", " ")]
            assert about and (cell == "✓") == (about == ["✓"]), (goal.id, cell, said)
    if plan.goals:
        assert T.to_tables(plan)["goals"][0][7].startswith("✗") and "baseline" in T.to_tables(plan)["goals"][0][7]


@pytest.mark.parametrize("change", ["deleted", "added"])
def test_a_column_added_or_deleted_in_the_browser_changes_no_field(change):
    """A table's cell menu offers "Delete column" and "Add column": every cell after the change would land in the
    wrong field (an action read from the due date, a due date lost). The table stays as it was, and says why."""
    plan = draft_plan((Path(__file__).parent / "notes" / "teacher-qa.txt").read_text(encoding="utf-8")).plan
    shown = T.to_tables(plan)
    owner = next(o for o in T.OWNERS if shown[o])
    shown[owner] = [[party, due] if change == "deleted" else [party, action, "", due]
                    for party, action, due in shown[owner]]
    shown["causes"][0][0] = "A cause the manager rewrote"  # an edit elsewhere in the same change still counts
    again, problems, pending = T.from_tables(plan, {name: shown[name] for name in T.TABLES})
    mine = [(r.party, r.action, r.due) for r in again.responsibilities if r.owner == owner]
    assert mine == [(r.party, r.action, r.due) for r in plan.responsibilities if r.owner == owner]
    assert problems.by_table == {owner: ["This table's columns are fixed: the column you added or deleted is undone, "
                                         "and no cell was changed."]}
    assert again.root_causes[0].cause == "A cause the manager rewrote" and not pending.rows


def test_a_responsibility_added_without_a_party_names_the_employee_or_the_manager():
    """A row added in the browser starts with an empty party cell: the plan names the person, as the drafter does (it
    said 'employee' in English whatever the plan's language), or the party in the plan's language."""
    for notes, organisation in (("teacher-qa.txt", "the organisation"), ("zh-cashier-sections.txt", "组织")):
        plan = draft_plan((Path(__file__).parent / "notes" / notes).read_text(encoding="utf-8")).plan
        plan.manager = plan.manager or "Dana Reyes"
        shown = T.to_tables(plan)
        for owner in T.OWNERS:
            shown[owner].append(["", f"A new action for the {owner}", ""])
        header = {"employee": "Sam Lee", "role": plan.employee.role or "", "interview_date": ""}
        again, problems, _ = T.from_tables(plan, {name: shown[name] for name in T.TABLES}, header)
        added = {r.owner: r.party for r in again.responsibilities if r.action.startswith("A new action")}
        assert added == {"employee": "Sam Lee", "manager": plan.manager, "organisation": organisation}, notes
        assert not problems.by_table


def test_a_kpi_rows_result_against_the_target_beside_it_says_whether_it_falls_short():
    a = analyse("Review - Aoife Brennan (dispatcher) - 2 June 2026\n\n| Measure | May actual | Standard |\n|---|---|---|\n"
                "| Calls answered in 20s | 71% | 90% |\n| Missed pickups | 12 | 4 |\n| Average call time | 6 min | 7 min |\n"
                "| Jobs over budget | 3 | fewer than 5 |\n")
    kinds = {s.text.split("|")[1].strip(): s.kind for s in a.sentences if s.text.count("|") >= 3 and any(c.isdigit() for c in s.text)}
    assert kinds == {"Calls answered in 20s": "observation", "Missed pickups": "observation",
                     "Average call time": "context", "Jobs over budget": "context"}


@pytest.mark.parametrize("notes, falls_short, met", [
    ("Review: Gareth Pryce, QA inspector - 14 Nov 2026\n\n| Check | Target | Result | Verdict |\n|---|---|---|---|\n"
     "| First-pass yield | >= 97% | 98.4% | PASS |\n| Audit findings closed on time | 100% | 71% | FAIL |\n"
     "| Calibration records complete | 100% | 100% | PASS |\n| Inspection reports within 24h | 95% | 80% | FAIL |\n",
     ["Audit findings closed on time", "Inspection reports within 24h"],
     ["First-pass yield", "Calibration records complete"]),
    ("面谈记录：质检员 何佳（2026年11月14日）\n\n| 指标 | 目标 | 实际 | 是否达标 |\n|---|---|---|---|\n"
     "| 一次合格率 | 97% | 98% | 达标 |\n| 审核问题按时关闭率 | 100% | 71% | 未达标 |\n",
     ["审核问题按时关闭率"], ["一次合格率"]),
])
def test_a_rows_verdict_and_figures_say_whether_it_falls_short_and_a_row_met_sets_no_goal(notes, falls_short, met):
    a = analyse(notes)
    rows = {s.text.split("|")[1].strip(): s for s in a.sentences if s.text.count("|") >= 4 and any(c.isdigit() for c in s.text)}
    assert {k for k, s in rows.items() if s.reading == "shortfall"} == set(falls_short)
    assert {k for k, s in rows.items() if s.reading == "strength"} == set(met)
    plan = draft_plan(notes).plan
    assert sorted(d.area for d in plan.deficiencies) == sorted(falls_short)
    assert sorted(g.metric for g in plan.goals) == sorted(falls_short)


@pytest.mark.parametrize("row, reading", [
    ("| Cash drop variance | – | – | FAIL |", "shortfall"),  # no figures: the verdict says
    ("| Audit findings closed | 100% | 71% | PASS |", "shortfall"),  # the figures outweigh a verdict against them
    ("| Scanner errors a week | under 5 | 12 | On track |", "shortfall"),  # 'on track' is how it goes, not met
    ("| Calibration records complete | 100% | 100% | ✅ |", "strength"),
])
def test_a_verdict_cell_decides_only_where_the_figures_do_not(row, reading):
    a = analyse("Review: Gareth Pryce, QA inspector - 14 Nov 2026\n\n| Check | Target | Result | Verdict |\n|---|---|---|---|\n"
                f"{row}\n| First-pass yield | >= 97% | 96% | FAIL |\n\nGareth says the template changed twice.\n")
    assert next(s for s in a.sentences if s.text == row).reading == reading


def test_under_a_kpis_heading_rows_with_a_result_beside_their_standard_are_findings_and_the_targets_below_date_them():
    notes = ("## Review - Aoife Brennan, Stock Controller - 12 Feb 2026\n\n### KPIs (Nov-Jan)\n"
             "| KPI | Standard | Actual | Comment |\n|---|---|---|---|\n"
             "| Cycle count accuracy | >= 98% | 93.4% | worst in peak |\n"
             "| Stock write-offs | <= 5k a month | 3.1k | good |\n"
             "| Discrepancies investigated within 5 days | 90% | 54% | 61 still open |\n\n"
             "### Targets\nCycle count accuracy >= 98% by the end of April.\n")
    plan = draft_plan(notes).plan
    assert sorted(d.area for d in plan.deficiencies) == ["Cycle count accuracy", "Discrepancies investigated within 5 days"]
    assert sorted(g.metric for g in plan.goals) == ["Cycle count accuracy", "Discrepancies investigated within 5 days"]
    # (the row's target said again below is one goal, dated by the line that says it again)
    assert next(g.deadline for g in plan.goals if g.metric == "Cycle count accuracy").isoformat() == "2026-04-30"


@pytest.mark.parametrize("row, reading", [
    ("| Missed calls returned same day | 95% | 60% |", "shortfall"),  # a share of what comes fewer, dealt with
    ("| Discrepancies investigated within 5 days | 90% | 54% |", "shortfall"),
    ("| Mis-picks | 2% | 5% |", "shortfall"),  # fewer is better
    ("| Late deliveries | 5% | 3% |", "strength"),
])
def test_a_share_of_what_comes_fewer_that_was_dealt_with_is_better_higher(row, reading):
    a = analyse("Review: Gareth Pryce, dispatcher - 14 Nov 2026\n\n| Measure | Target | Result |\n|---|---|---|\n"
                f"{row}\n| Calls answered in 20s | 90% | 71% |\n")
    assert next(s for s in a.sentences if s.text == row).reading == reading


@pytest.mark.parametrize("row", ["| Complaints escalated to a manager | 5% | 9% |", "| Complaints unresolved after 48h | 5% | 12% |",
                                 "| Defects reopened after fix | 3% | 6% |"])
def test_a_share_of_what_comes_fewer_that_got_worse_is_still_better_lower(row):
    a = analyse("Review: Gareth Pryce, dispatcher - 14 Nov 2026\n\n| Measure | Target | Result |\n|---|---|---|\n"
                f"{row}\n| Calls answered in 20s | 90% | 71% |\n")
    assert next(s for s in a.sentences if s.text == row).reading == "shortfall"


def test_a_spaced_table_whose_cells_run_past_their_columns_is_still_read_by_column():
    notes = ("KILN CREW — 1:1 RECORD\nOperator: Tomasz Wrona, kiln operator\nHeld: 4 March 2026\n\n"
             "What                 Detail                                          Status\n"
             "Firing log           5 of 12 firings in February with no log entry     NOT MET\n"
             "Cone checks          cone pack placed on every firing                  MET\n\n"
             "Action                                                     Who              By\n"
             "Write the firing log before the kiln is switched on, every firing, no exceptions at all   Tomasz   from now\n"
             "Replace the broken log tablet                              Maintenance      20-03-2026\n")
    plan = draft_plan(notes).plan
    assert [d.area for d in plan.deficiencies] == ["Firing log"]  # the met row is no finding
    actions = {(r.owner, r.action) for r in plan.responsibilities}
    assert any(o == "employee" and a.startswith("Write the firing log") and "Tomasz" not in a for o, a in actions), actions
    assert ("organisation", "Replace the broken log tablet") in actions, actions


def test_a_log_tables_rows_with_a_reading_a_required_value_and_ok_no_are_shortfalls():
    a = analyse("Pool plant 1-2-1 — Marcus Delaney (pool plant operator) — 27/10/2026\n"
                "| Date | Check | Reading | Required | OK? |\n|---|---|---|---|---|\n"
                "| 05/10 | free chlorine, main pool | 0.6 mg/l | 1.0–2.0 mg/l | no |\n| 11/10 | pH, learner pool | 7.9 | 7.2–7.6 | no |\n"
                "Target: free chlorine and pH in range on 100% of logged tests by 30 November.")
    assert [s.kind for s in a.sentences if "pool |" in s.text] == ["observation", "observation"]


def test_a_list_whose_heading_names_its_columns_between_slashes_gives_each_tasks_owner():
    notes = ("Review – Priya Nair, packer – 3 Nov 2026 – notes by Sandra Cole\nIssues:\n- 5 mislabelled pallets in October\n\n"
             "Actions (owner / due)\n- Check every label against the pick list / Priya / from Monday\n"
             "- Reprint the faded zone signs / Facilities / 20 Nov\n- Take her off the night rota / Sandra / end of Nov\n")
    owners = {r.action: r.owner for r in draft_plan(notes).plan.responsibilities}
    assert owners == {"Check every label against the pick list": "employee", "Reprint the faded zone signs": "organisation",
                      "Take her off the night rota": "manager"}, owners


def test_a_slashed_heading_that_names_the_task_column_too_and_a_weekday_as_the_due_cell_give_each_owner():
    notes = ("Check-in with Dana Whitlock (kiln operator), 3 Nov 2026. Me: Priya Raman, shift lead.\nIssues:\n"
             "- Firing logs incomplete on 6 of 20 batches in October.\n\nActions (what / who / when):\n"
             "- Complete the firing log for every batch / Dana / from Monday\n- Book a refresher on the kiln controller / me / Friday\n"
             "- Replace the faulty timer / maintenance / 20 Nov\n")
    owners = {r.action: r.owner for r in draft_plan(notes).plan.responsibilities}
    assert owners == {"Complete the firing log for every batch": "employee", "Book a refresher on the kiln controller": "manager",
                      "Replace the faulty timer": "organisation"}, owners


def test_a_time_of_day_after_a_chinese_word_is_no_speakers_stamp():
    a = analyse("3/5 跟 Leo 面谈\n- 工单首次响应平均 9 小时\n措施：\n- Ticket 每天 9:00 和 14:00 固定各看一次\n")
    assert any(s.body.startswith("Ticket 每天 9:00") for s in a.sentences)


def test_a_tables_first_person_observed_column_a_name_in_its_action_cell_and_a_number_that_names_a_scene():
    notes = ("Prop shop – review points\n\n| Area | What I've seen | What he said | Agreed |\n|---|---|---|---|\n"
             "| Finishes | 3 of 8 props for Tosca came back chipped after the first week | The new paint cures slowly | Oren to seal "
             "every prop before it leaves the shop |\n| Records | Build sheets missing for 4 of the new pieces | – | Oren: sheets done "
             "for every piece by 15 May |\n\nTargets: Act 3 props ready by the half on 100% of shows.\n\n"
             "Notes: J. Hale (Head of Props) re: Oren Vass, prop maker – 23/04/2026\n")
    plan = draft_plan(notes).plan
    assert len(plan.deficiencies) == 2
    assert {r.owner for r in plan.responsibilities if "sheets done" in r.action or "seal every prop" in r.action} == {"employee"}
    assert "100%" in {g.target for g in plan.goals}


def test_a_table_with_two_columns_of_what_was_seen_keeps_its_area_column():
    notes = ("Records – 1:1 log 20/01/2026\nEmployee\tAnia Kos\nRole\tRecords Clerk\nSupervisor\tKen Hollis\n"
             "Area\tWhat I saw\tEvidence\nTracking\tfiles leaving without a tracer\t27 untracked sets found in the Dec audit\n"
             "Filing\tmisfiles on the shelving\t19 misfiles in 500 checked (3.8%)\n")
    assert [d.area for d in draft_plan(notes).plan.deficiencies] == ["Tracking", "Filing"]


def test_a_line_of_a_systems_field_codes_is_no_shortfall():
    notes = ("=== CONVERSATION RECORD (export) ===\nEMP_NM: OKAFOR, Chidi | EMP_ID: 88214 | JOB_TTL: Porter | GRADE: B3\n"
             "MGR_NM: LUND, Anna | CONV_DT: 30-JUL-2026\nB1: 6 late transfers in June against a 15 min standard.\n")
    assert not any("EMP_NM" in d.evidence for d in draft_plan(notes).plan.deficiencies)
