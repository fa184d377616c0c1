"""Who may do what, on a real store (SQLite and PostgreSQL): every Workspace call checks the signed-in user against the stored plan."""
from __future__ import annotations

import time

import pytest

from assistant.access import AccessDenied, User
from assistant.accounts import AccountError, Accounts, SignInRefused
from assistant.settings import get_settings
from assistant.storage import PlanStore, StaleEdit
from assistant.workspace import CommentNeeded, Workspace

from .conftest import TRAINER_NOTES

MIA, OMAR = User("mia", "manager"), User("omar", "manager")
HANA, ELI, ADA = User("hana", "hr"), User("eli", "employee"), User("ada", "admin")


@pytest.fixture
def ws(store_url):
    store = PlanStore(store_url)
    accounts = Accounts(store.engine)
    for user in (MIA, OMAR, HANA, ELI, ADA):
        accounts.add(user.name, user.role, "a long enough password", by="ada")
    return Workspace(get_settings(), store)


@pytest.fixture
def plan_id(ws):
    return ws.draft(MIA, TRAINER_NOTES)[0]


def test_a_managers_plan_is_theirs_alone_until_shared(ws, plan_id):
    assert ws.plan(MIA, plan_id).owner == "mia"
    for user in (OMAR, HANA, ELI, ADA):
        with pytest.raises(AccessDenied, match="not yours to see"):
            ws.plan(user, plan_id)
        with pytest.raises(AccessDenied):
            ws.export(user, plan_id, "json")
    with pytest.raises(AccessDenied, match="not yours to see"):
        ws.plan(MIA, "no-such-plan")  # a missing plan reads the same as someone else's
    assert [p.id for p in ws.plans(OMAR)] == []
    ws.share(MIA, plan_id, "omar")
    assert [p.id for p in ws.plans(OMAR)] == [plan_id]
    ws.save(OMAR, plan_id, ws.plan(OMAR, plan_id).plan, TRAINER_NOTES + "\nOmar's line.")
    with pytest.raises(ValueError, match="not a manager"):
        ws.share(MIA, plan_id, "hana")


def test_only_managers_draft_and_only_hr_reviews(ws, plan_id):
    for user in (HANA, ELI, ADA):
        with pytest.raises(AccessDenied, match="Only managers"):
            ws.draft(user, TRAINER_NOTES)
    ws.submit(MIA, plan_id)
    with pytest.raises(AccessDenied, match="Only HR"):
        ws.review(MIA, plan_id, "approved")
    assert [p.id for p in ws.plans(HANA, for_review=True)] == [plan_id]
    ws.review(HANA, plan_id, "changes_requested", comment="Add a date to the manager's action.")
    assert [c["detail"] for c in ws.comments(MIA, plan_id)] == ["Add a date to the manager's action."]  # reaches her


def test_a_request_for_changes_says_what_to_change(ws, plan_id):
    """HR's request for changes sent with no comment, or one that tells the manager nothing, is refused and the plan
    stays submitted; a few words, in English or Chinese, are enough."""
    ws.submit(MIA, plan_id)
    for comment in ("", "   ", "fix", "Please fix this", "请修改"):
        with pytest.raises(CommentNeeded, match="Say in the comment what the manager should change, in at least 4 words"):
            ws.review(HANA, plan_id, "changes_requested", comment=comment)
    assert ws.plan(HANA, plan_id).status == "submitted"
    ws.review(HANA, plan_id, "changes_requested", comment="请给每项经理行动写上完成日期")
    assert ws.plan(MIA, plan_id).status == "changes_requested"
    ws.submit(MIA, plan_id)
    ws.review(HANA, plan_id, "changes_requested", comment="Add dates to the manager's actions.")
    assert [c["detail"] for c in ws.comments(MIA, plan_id)][-1] == "Add dates to the manager's actions."


def test_a_submitted_plan_is_read_only_until_hr_asks_for_changes(ws, plan_id):
    plan = ws.plan(MIA, plan_id).plan
    ws.submit(MIA, plan_id)
    for change in (lambda: ws.save(MIA, plan_id, plan, TRAINER_NOTES), lambda: ws.check(MIA, plan, TRAINER_NOTES, plan_id),
                   lambda: ws.autosave_notes(MIA, plan_id, "wiped"), lambda: ws.draft(MIA, TRAINER_NOTES, plan_id=plan_id)):
        with pytest.raises(AccessDenied, match="read-only until HR requests changes"):
            change()
    ws.review(HANA, plan_id, "changes_requested", comment="Give every action a due date.")
    ws.save(MIA, plan_id, plan, TRAINER_NOTES + "\nDates added.")
    ws.submit(MIA, plan_id)
    ws.review(HANA, plan_id, "approved")
    with pytest.raises(AccessDenied, match="can no longer be changed"):
        ws.save(MIA, plan_id, plan, TRAINER_NOTES)
    assert ws.plan(MIA, plan_id).status == "approved"


def test_submitting_the_working_copy_saves_it_first_and_hr_sees_who_overrode_what(ws, plan_id):
    plan = ws.plan(MIA, plan_id).plan.model_copy(deep=True)
    plan.goals[0].target = ">= 95%"
    revision = ws.plan(MIA, plan_id).revision
    ws.submit(MIA, plan_id, plan, TRAINER_NOTES + "\nAgreed on the day.", revision)
    stored = ws.plan(HANA, plan_id)
    assert stored.status == "submitted" and stored.plan.goals[0].target == ">= 95%"
    assert [v["kind"] for v in ws.versions(HANA, plan_id)] == ["draft", "edit"]  # saved as a version, then submitted
    assert [p.id for p in ws.plans(HANA, for_review=True)] == [plan_id]  # in HR's queue
    with pytest.raises(AccessDenied):
        ws.submit(MIA, plan_id, plan, TRAINER_NOTES)  # submitted: read-only, nothing saved
    assert len(ws.versions(MIA, plan_id)) == 2
    assert ws.overrides(HANA, plan_id) == []
    with pytest.raises(AccessDenied):
        ws.overrides(OMAR, plan_id)


def test_hr_never_reviews_a_plan_they_wrote(ws):
    accounts = ws.accounts
    plan_id = ws.draft(OMAR, TRAINER_NOTES)[0]
    ws.submit(OMAR, plan_id)
    accounts.set_role("omar", "hr", by="ada")  # Omar moved to HR: his own plan is still not his to approve
    omar_hr = User("omar", "hr")
    with pytest.raises(AccessDenied):
        ws.review(omar_hr, plan_id, "approved")
    assert plan_id not in [p.id for p in ws.plans(omar_hr, for_review=True)]


def test_the_employee_reads_their_approved_plan_only(ws, plan_id):
    ws.set_employee_account(MIA, plan_id, "eli")
    with pytest.raises(AccessDenied):
        ws.plan(ELI, plan_id)  # still a draft
    ws.submit(MIA, plan_id)
    ws.review(HANA, plan_id, "approved")
    assert [p.id for p in ws.plans(ELI)] == [plan_id]
    ws.acknowledge(ELI, plan_id)
    ws.comment(ELI, plan_id, "I would like the first check-in a week earlier.")
    with pytest.raises(AccessDenied):
        ws.review(ELI, plan_id, "changes_requested")
    assert [c["actor"] for c in ws.comments(MIA, plan_id)] == ["eli", "eli"]
    with pytest.raises(AccessDenied, match="interview notes stay with the manager"):
        ws.plan(ELI, plan_id, "notes")  # the manager's own words and asides are not the employee's copy
    assert ws.plan(MIA, plan_id, "notes").notes and ws.plan(HANA, plan_id, "notes").notes


def test_a_change_to_an_approved_plan_is_a_revision_that_goes_through_hr_again(ws, plan_id):
    ws.set_employee_account(MIA, plan_id, "eli")
    ws.share(MIA, plan_id, "omar")
    ws.submit(MIA, plan_id)
    with pytest.raises(AccessDenied, match="Only an approved plan"):
        ws.revise(MIA, plan_id)
    ws.review(HANA, plan_id, "approved")
    for user in (HANA, ELI):
        with pytest.raises(AccessDenied, match="Only the plan's manager"):
            ws.revise(user, plan_id)

    revision = ws.revise(OMAR, plan_id)  # a manager it is shared with may start it too
    new = ws.plan(MIA, revision)
    assert (new.status, new.revises, new.owner, new.notes) == ("draft", plan_id, "mia", ws.plan(MIA, plan_id).notes)
    assert new.shared_with == {"omar"} and [v["kind"] for v in ws.versions(MIA, revision)] == ["revision"]
    with pytest.raises(ValueError, match="already open"):
        ws.revise(MIA, plan_id)
    edited = new.plan.model_copy(deep=True)
    edited.goals[0].target = ">= 95%"
    ws.save(MIA, revision, edited, new.notes)
    assert ws.plan(ELI, plan_id).plan.goals[0].target == ">= 90%"  # the approved plan is untouched meanwhile
    with pytest.raises(AccessDenied):
        ws.plan(ELI, revision)  # the employee sees the revision once HR approves it

    ws.submit(MIA, revision)
    ws.review(HANA, revision, "approved")
    assert ws.plan(MIA, plan_id).status == "superseded"
    assert {p.id: p.status for p in ws.plans(ELI)} == {revision: "approved", plan_id: "superseded"}
    with pytest.raises(AccessDenied, match="acknowledges their approved plan"):
        ws.acknowledge(ELI, plan_id)  # the superseded one stays readable, as history
    ws.acknowledge(ELI, revision)
    assert any(a["action"] == "status:superseded" for a in ws.audit_trail(MIA, plan_id))


def test_a_stale_save_is_refused_naming_who_changed_the_plan(ws, plan_id):
    ws.share(MIA, plan_id, "omar")
    revision = ws.plan(MIA, plan_id).revision
    plan = ws.plan(MIA, plan_id).plan
    ws.save(OMAR, plan_id, plan, TRAINER_NOTES + "\nOmar's edit.", revision)
    mine = plan.model_copy(deep=True)
    mine.goals[0].target = ">= 97%"
    with pytest.raises(StaleEdit, match="changed by omar at") as refused:
        ws.save(MIA, plan_id, mine, TRAINER_NOTES + "\nMia's edit.", revision)
    assert ws.plan(MIA, plan_id).notes.endswith("Omar's edit.")  # nothing overwritten
    comparison = refused.value.comparison  # their version against the refused edit, plan and notes
    assert "--- omar's version (saved)" in comparison and "+++ your edit (not saved)" in comparison
    assert ">= 97%" in comparison and "-Omar's edit." in comparison and "+Mia's edit." in comparison
    ws.save(MIA, plan_id, plan, TRAINER_NOTES + "\nMia's edit.", ws.plan(MIA, plan_id).revision)


def test_accounts_hash_passwords_lock_after_repeated_failures_and_end_sessions(ws):
    accounts = ws.accounts
    with ws.store.engine.connect() as c:
        stored = c.exec_driver_sql("select password_hash from users where name = 'mia'").scalar()
    assert stored.startswith("$argon2id$") and "a long enough password" not in stored
    user = accounts.sign_in("mia", "a long enough password")
    assert accounts.user("mia", user.session_epoch) == user
    for _ in range(5):
        with pytest.raises(SignInRefused):
            accounts.sign_in("mia", "wrong password!")
    with pytest.raises(SignInRefused):
        accounts.sign_in("mia", "a long enough password")  # locked, even with the right password
    accounts.reset_password("mia", "another long password", by="ada")
    assert accounts.user("mia", user.session_epoch) is None  # the reset ended the old session
    accounts.sign_in("mia", "another long password")
    accounts.disable("mia", by="ada")
    with pytest.raises(SignInRefused):
        accounts.sign_in("mia", "another long password")
    with pytest.raises(AccountError, match="at least 10"):
        accounts.add("new.person", "manager", "short", by="ada")
    with pytest.raises(AccountError, match="Unknown role"):
        accounts.add("new.person", "boss", "a long enough password", by="ada")


def test_a_session_follows_its_account_at_once_here_and_within_seconds_from_another_process(ws, monkeypatch):
    import assistant.accounts as accounts_module

    monkeypatch.setattr(accounts_module, "SESSION_RECHECK_SECONDS", 0.3)
    accounts = ws.accounts
    omar = accounts.sign_in("omar", "a long enough password")
    assert accounts.user("omar", omar.session_epoch) == omar  # read once, then remembered for a moment
    Accounts(ws.store.engine).disable("omar", by="ada")  # another page of this process: at once
    assert accounts.user("omar", omar.session_epoch) is None
    accounts.enable("omar", by="ada")
    omar = accounts.sign_in("omar", "a long enough password")
    assert accounts.user("omar", omar.session_epoch) == omar
    with PlanStore(str(ws.store.engine.url.render_as_string(hide_password=False))).engine.begin() as c:
        c.exec_driver_sql("update users set active = false where name = 'omar'")  # `plancoach users disable`
    time.sleep(0.35)
    assert accounts.user("omar", omar.session_epoch) is None
