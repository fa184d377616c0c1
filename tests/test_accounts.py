"""Account changes are recorded with who made them (issue 12): in the store, from the command line and by single
sign-on, never with a password; the sessions of a changed account still end at once."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from assistant.accounts import AccountError, Accounts
from assistant.i18n import rewrite
from assistant.storage import PlanStore

PASSWORD = "a long enough password"


@pytest.fixture
def accounts(tmp_path):
    return Accounts(PlanStore(f"sqlite:///{tmp_path / 'plans.db'}").engine)


def test_every_change_is_recorded_with_who_made_it_and_never_a_password(accounts, tmp_path):
    accounts.add("mia", "manager", PASSWORD, by="ada")
    accounts.set_role("mia", "hr", by="ada")
    accounts.disable("mia", by="root (command line)")
    accounts.enable("mia", by="ada")
    accounts.reset_password("mia", "another long password", by="ada")
    accounts.add("sso.person", "employee", None, by="single sign-on")
    with pytest.raises(AccountError):
        accounts.disable("nobody", by="ada")  # refused: nothing recorded
    history = accounts.history()
    assert [(c.actor, c.account, c.action, c.role, c.old_role) for c in reversed(history)] == [
        ("ada", "mia", "add", "manager", None), ("ada", "mia", "set role", "hr", "manager"),
        ("root (command line)", "mia", "disable", "hr", None), ("ada", "mia", "enable", "hr", None),
        ("ada", "mia", "reset password", "hr", None), ("single sign-on", "sso.person", "add", "employee", None)]
    assert all(c.at.tzinfo is not None for c in history) and history[0].at >= history[-1].at
    with sqlite3.connect(tmp_path / "plans.db") as c:
        stored = " ".join(str(v) for row in c.execute("select * from account_changes") for v in row)
    assert PASSWORD not in stored and "another long password" not in stored and "argon2" not in stored


def test_a_changed_account_signs_out_at_once_with_its_change_recorded(accounts):
    accounts.add("omar", "manager", PASSWORD, by="ada")
    signed_in = accounts.sign_in("omar", PASSWORD)
    assert accounts.user("omar", signed_in.session_epoch) is not None  # read once: now kept for a moment
    accounts.disable("omar", by="ada")
    assert accounts.user("omar", signed_in.session_epoch) is None
    assert accounts.history(limit=1)[0].action == "disable"


def test_the_command_line_records_the_system_user(tmp_path):
    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}"}
    for args in (["add", "zoe", "--role", "manager"], ["set-role", "zoe", "admin"], ["reset-password", "zoe"]):
        subprocess.run([sys.executable, "-m", "assistant.cli", "users", *args], env=env, input=PASSWORD + "\n", text=True,
                       check=True, capture_output=True)
    history = Accounts(PlanStore(env["PLANCOACH_DATABASE_URL"]).engine).history()
    assert [c.action for c in history] == ["reset password", "set role", "add"]
    assert all("command line" in c.actor and c.account == "zoe" for c in history)
    assert rewrite("actors", history[0].actor, "zh").endswith("（命令行）")  # as the Accounts tab shows it in Chinese


def test_the_command_line_refuses_an_empty_password(tmp_path):
    """Enter alone (or an empty line piped in) would make an account no one can sign in to with a password."""
    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}"}
    refused = subprocess.run([sys.executable, "-m", "assistant.cli", "users", "add", "zoe", "--role", "admin"], env=env,
                             input="\n", text=True, capture_output=True)
    assert refused.returncode != 0 and "the password is empty" in refused.stderr
    assert Accounts(PlanStore(env["PLANCOACH_DATABASE_URL"]).engine).list() == []


def test_plans_drafted_before_sign_in_are_given_to_their_manager(tmp_path):
    """Plans drafted with no account (owner 'local') could not be opened by anyone once accounts existed: adding the
    first account says so, and `plancoach plans adopt NAME` gives them to a manager's account (never to an
    administrator, who reads no plan), with a line in each plan's history."""
    from assistant.access import ALONE, User
    from assistant.settings import get_settings
    from assistant.workspace import Workspace

    from .conftest import TRAINER_NOTES

    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}"}
    store = PlanStore(env["PLANCOACH_DATABASE_URL"])
    ws = Workspace(get_settings(), store)
    drafted = {ws.draft(ALONE, TRAINER_NOTES)[0], ws.draft(ALONE, TRAINER_NOTES + "\nSecond interview.")[0]}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant.cli", *args], env=env, input=PASSWORD + "\n", text=True,
                              capture_output=True)

    added = cli("users", "add", "ada", "--role", "admin")
    assert "2 plans were drafted before sign-in was on" in added.stdout and "plancoach plans adopt NAME" in added.stdout
    refused = cli("plans", "adopt", "ada")
    assert refused.returncode != 0 and "'ada' is not a manager's account" in refused.stderr
    cli("users", "add", "mia", "--role", "manager")
    mia = User("mia", "manager")
    assert ws.plans(mia) == []
    adopted = cli("plans", "adopt", "mia")
    assert adopted.returncode == 0 and "2 plans drafted before sign-in are now mia's." in adopted.stdout
    assert {p.id for p in ws.plans(mia)} == drafted
    trail = ws.audit_trail(mia, drafted.pop())
    assert trail[-1]["action"] == "adopted" and trail[-1]["detail"] == "to mia" and "command line" in trail[-1]["actor"]
    assert "nothing to give" in cli("plans", "adopt", "mia").stdout
