from assistant.checks import has_errors, review
from assistant.notes import analyse
from assistant.pipeline import draft_plan, recheck

NOTES = """Notes from feedback meeting w/ Priya (Tier-1 support agent), 2026-05-12, mgr: Tom.
AHT 11.5 min vs 7 min target for April. CSAT 71% (team 86%).
Plan: finish refund policy module by 5/23; use macros for top 10 ticket types.
Tom: review 5 of her tickets weekly + give written feedback. QA team to calibrate scoring with her.
Targets by June 30: AHT <= 8 min, CSAT >= 82%."""


def _kinds(plan, severity=None):
    return {(f.kind, f.location) for f in plan.review_flags if severity in (None, f.severity)}


def test_a_fresh_draft_has_no_errors():
    plan = draft_plan(NOTES).plan
    assert not has_errors(plan.review_flags), plan.review_flags


def test_an_edit_that_removes_the_target_raises_a_smart_error_and_fixing_it_clears_it():
    plan = draft_plan(NOTES).plan
    plan.goals[0].target = "lower"
    flagged = recheck(plan, NOTES)
    assert ("smart", "goals[0].target") in _kinds(flagged, "error")
    plan.goals[0].target = "<= 8 min"
    assert ("smart", "goals[0].target") not in _kinds(recheck(plan, NOTES))


def test_a_deadline_beyond_policy_gets_a_warning():
    plan = draft_plan(NOTES).plan
    plan.goals[0].deadline = plan.interview_date.replace(month=12)
    assert ("smart", "goals[0].deadline") in _kinds(recheck(plan, NOTES), "warning")


def test_grounding_catches_invented_numbers_and_evidence_unless_marked():
    plan = draft_plan(NOTES).plan
    plan.goals[1].target = ">= 95%"
    plan.deficiencies[0].evidence = "Spends too long on personal calls every afternoon"
    kinds = _kinds(recheck(plan, NOTES), "error")
    assert ("grounding", "goals[1].target") in kinds and ("grounding", "deficiencies[0].evidence") in kinds
    plan.goals[1].manager_set = True
    plan.deficiencies[0].manager_set = True
    assert not any(k == "grounding" for k, _ in _kinds(recheck(plan, NOTES), "error"))


def test_biased_words_typed_into_the_plan_are_errors_with_a_neutral_suggestion():
    plan = draft_plan(NOTES).plan
    plan.deficiencies[0].evidence = "She is too emotional and set in her ways"
    flags = [f for f in recheck(plan, NOTES).review_flags if f.kind == "bias"]
    assert flags and all(f.severity == "error" and f.suggestion for f in flags)


def test_missing_support_and_ungoaled_deficiencies_are_pointed_out():
    notes = "Review with Sam, 2026-01-10.\nLate 5 times in Dec; 3 reports missing.\nTarget: 0 late arrivals by 31 Jan."
    plan = draft_plan(notes).plan
    messages = " ".join(f.message for f in plan.review_flags if f.kind == "coverage")
    assert "the manager" in messages and "the organisation" in messages


def test_checks_run_without_notes_too():
    plan = draft_plan(NOTES).plan
    assert not has_errors(review(plan, None))


def test_notes_flags_say_what_was_kept_out():
    notes = NOTES + "\nTom's comment: she's too emotional with customers."
    flags = [f for f in draft_plan(notes).plan.review_flags if f.kind == "bias"]
    assert flags and flags[0].severity == "warning" and flags[0].sentence_ids
    assert "too emotional" not in draft_plan(notes).plan.model_dump_json(exclude={"review_flags"})
    assert analyse(notes).excluded


def test_a_review_note_never_says_the_notes_give_nothing_when_they_do():
    """A part left empty in the plan is pointed back to the sentence of the notes that holds it."""
    from assistant.checks import review
    from assistant.notes import analyse
    from assistant.pipeline import draft_plan

    notes = ("1:1 with Priya Nair, stock controller, 2026-05-04\nCycle counts: 9 of 20 done on time in April.\n"
             "I'll give her Friday mornings free of deliveries.\nTarget: 20 of 20 counts on time by 30 June.")
    plan = draft_plan(notes).plan
    (mine,) = [r for r in plan.responsibilities if r.owner == "manager"]
    edited = plan.model_copy(update={"responsibilities": [r for r in plan.responsibilities if r is not mine],
                                     "goals": []})
    messages = {f.message: f.sentence_ids for f in review(edited, analyse(notes)) if f.kind == "coverage"}
    manager = next(m for m in messages if "the manager" in m)
    assert mine.source_sentences[0] in manager and "read as an action for the manager" in manager
    assert messages[manager] == mine.source_sentences
    no_goal = next(m for m in messages if "has no goal" in m)
    assert "read as a target no goal uses" in no_goal and "the notes give no target" not in no_goal
    # Without the notes' word for it, the plain message stands.
    assert any(m == "No responsibility is recorded for the organisation (other people, departments, the company)."
               for m in messages)
