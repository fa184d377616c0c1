"""What the web workspace does, as plain functions: the Gradio UI and its API are thin layers on this.

Every function takes the signed-in `User` first and the plan's id, looks the plan up in the store and
asks `access.require` before reading or changing anything; nothing about a stored plan is taken from the
caller's word. Functions take and return plans and ids, never UI components, so the same steps are used
by the browser, by `gradio_client` and by the tests.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .access import User, listed, require
from .accounts import Account, AccountError, Accounts, RecordedChange
from .compare import edit_against_stored, plan_diff
from .export import FORMATS, Audience, render
from .i18n import text
from .inputs import InputError
from .merge import merge_edits
from .notes import NotesAnalysis, analyse
from .output import export_folder, safe_file_name
from .pipeline import CheckResult, draft_plan, recheck_with_analysis
from .preferences import Preferences
from .reader import Correction
from .schema import Plan
from .settings import Settings, get_settings
from .storage import PlanStore, StaleEdit, StoredPlan, WorkflowError, open_store

EXPORTS = FORMATS  # what the workspace offers to download
AccountChange = Literal["add", "set role", "disable", "enable", "reset password"]
ACCOUNT_CHANGES: tuple[AccountChange, ...] = ("add", "set role", "disable", "enable", "reset password")
PAGE = 50  # plans per page of a list
MIN_REQUEST_WORDS = 4  # a request for changes says what to change ("no", "." or "fix" tell the manager nothing)
_CJK = re.compile(r"[\u3400-\u9fff]")


class CommentNeeded(WorkflowError):
    """A request for changes whose comment does not say what to change; shown beside the comment box."""


def words_in(comment: str) -> float:
    """About how many words a comment says: its words between spaces, and a word for every two Chinese characters."""
    cjk = len(_CJK.findall(comment))
    return len(_CJK.sub(" ", comment).split()) + cjk / 2


@dataclass
class Workspace:
    settings: Settings
    store: PlanStore

    @classmethod
    def open(cls, settings: Settings | None = None) -> Workspace:
        settings = settings or get_settings()
        return cls(settings, open_store(settings.resolved_database_url(), settings.max_notes_chars))

    @property
    def accounts(self) -> Accounts:
        return Accounts(self.store.engine)

    @property
    def preferences(self) -> Preferences:
        return Preferences(self.store.engine)

    # ------------------------------------------------------------ reading

    def plan(self, user: User, plan_id: str, action: str = "read") -> StoredPlan:
        """The stored plan, if `user` may do `action` to it (`AccessDenied` otherwise, also for a missing plan)."""
        try:
            stored = self.store.get(plan_id)
        except KeyError:
            stored = None
        require(user, action, stored)
        assert stored is not None
        return stored

    def plans(self, user: User, page: int = 0, *, for_review: bool = False) -> list[StoredPlan]:
        """One page of the plans `user` may see: a manager's own and shared ones, HR's review queue (also in the
        list when `for_review`), an employee's approved plans."""
        visible = listed(user, for_review=for_review)
        return [] if visible is None else self.store.list(**visible, limit=PAGE, offset=page * PAGE)

    def versions(self, user: User, plan_id: str) -> list[dict]:
        self.plan(user, plan_id)
        return self.store.versions(plan_id)

    def diff(self, user: User, plan_id: str, old: int | None = None, new: int | None = None) -> str:
        """What changed between two versions (default: the first draft and the working copy)."""
        stored = self.plan(user, plan_id)
        before = self.store.version(plan_id, old or 1)
        after = self.store.version(plan_id, new) if new else stored.plan
        if after is None:
            raise KeyError(f"plan {plan_id} has no working copy")
        return plan_diff(before, after, f"version {old or 1}", f"version {new}" if new else "current")

    def audit_trail(self, user: User, plan_id: str) -> list[dict]:
        self.plan(user, plan_id)
        return self.store.audit_trail(plan_id)

    def comments(self, user: User, plan_id: str) -> list[dict]:
        """What people wrote on the plan (HR's requests among them), oldest first."""
        return [a for a in self.audit_trail(user, plan_id) if a["action"] == "comment"]

    def overrides(self, user: User, plan_id: str) -> list[dict]:
        """The blocking flags HR approved the plan over: who, when, why and which flags."""
        self.plan(user, plan_id)
        return self.store.overrides(plan_id)

    def reading(self, notes: str, plan: Plan | None = None) -> NotesAnalysis | None:
        """The notes as `plan` reads them (its interview date and employee) with every correction the organisation's
        managers made: what the reading view colours and a correction picks its sentence from. None for notes with
        nothing in them or that cannot be read. No stored plan is read, so no one's permission is asked."""
        if not (notes or "").strip():
            return None
        try:
            return analyse(notes, interview_date=plan.interview_date if plan else None,
                           employee=plan.employee.name if plan else None, corrections=self.store.corrections()).as_written()
        except (InputError, ValueError):
            return None

    @staticmethod
    def sentences(notes: str, plan: Plan | None = None) -> NotesAnalysis | None:
        """The notes as the sentences a plan's evidence and flags point at (dated from the plan's interview), for
        highlighting; None for notes with nothing in them or on any failure: highlighting never breaks editing."""
        if not (notes or "").strip():
            return None
        try:
            return analyse(notes, interview_date=plan.interview_date if plan else None).as_written()
        except Exception:  # noqa: BLE001 -- highlighting is a convenience
            return None

    # ------------------------------------------------------------ drafting and editing

    def draft(self, user: User, notes: str, *, employee: str | None = None, role: str | None = None,
              interview_date: dt.date | None = None, plan_id: str | None = None, drafter: str | None = None,
              corrections: tuple[Correction, ...] = ()) -> tuple[str, Plan, NotesAnalysis]:
        """Draft from notes and store the draft as a version (of a new plan, or of `plan_id`). The notes are read
        with every correction the organisation's managers made (`store.corrections`), and `corrections` on top."""
        if plan_id:
            self.plan(user, plan_id, "edit")
        else:
            require(user, "draft")
        corrections = tuple(corrections) + self.store.corrections()
        result = draft_plan(notes, employee=employee or None, role=role or None, interview_date=interview_date,
                            drafter=drafter, settings=self.settings, corrections=corrections)
        plan = result.plan
        if plan_id:
            self.store.save_version(plan_id, plan, notes, user.name, kind="draft")
            return plan_id, plan, result.analysis
        return self.store.create(notes, plan, user.name), plan, result.analysis

    def redraft(self, user: User, plan_id: str, notes: str, edited: Plan | None, *, employee: str | None = None,
                role: str | None = None, interview_date: dt.date | None = None) -> tuple[Plan, NotesAnalysis | None, int | None]:
        """Draft `plan_id` again (after a correction) and keep the manager's edits: the edited plan is saved as
        a version first (its number returned when a new one was written) and its changes to the assistant's
        last draft are applied to the new draft (`merge.merge_edits`)."""
        self.plan(user, plan_id, "edit")
        versions = self.store.versions(plan_id)
        drafts = [v["number"] for v in versions if v["kind"] == "draft"]
        old = self.store.version(plan_id, drafts[-1]) if drafts else None
        kept = None
        if edited is not None:
            number = self.save(user, plan_id, edited, notes)
            kept = number if number > len(versions) else None
        _, plan, analysis = self.draft(user, notes, employee=employee, role=role, interview_date=interview_date,
                                       plan_id=plan_id)
        if edited is not None and old is not None:
            checked = self.check(user, merge_edits(old, edited, plan), notes, plan_id)
            return checked.plan, checked.analysis, kept
        return plan, analysis, kept

    def correct(self, user: User, plan_id: str, correction: Correction) -> None:
        """Keep the manager's reading of a sentence with the plan; later drafts (of any plan) learn from it."""
        self.plan(user, plan_id, "edit")
        self.store.add_correction(plan_id, correction, user.name)

    def check(self, user: User, plan: Plan, notes: str | None, plan_id: str | None = None,
              revision: int | None = None) -> CheckResult:
        """Re-run every check on an edited plan (with the analysis, for highlighting); the working copy of
        `plan_id` is autosaved, unless someone else changed it since `revision` (`StaleEdit`)."""
        before = self.plan(user, plan_id, "edit").plan if plan_id else None  # refused before any work
        checked = recheck_with_analysis(plan, notes, self.settings)
        if plan_id:
            with self._compared_when_stale(plan_id, checked.plan, notes or ""):
                self.store.autosave(plan_id, notes or "", checked.plan, user.name, revision=revision)
            self._record_vouched(user, plan_id, before, checked.plan)
        return checked

    def autosave_notes(self, user: User, plan_id: str, notes: str, revision: int | None = None) -> int:
        self.plan(user, plan_id, "edit")
        return self.store.autosave(plan_id, notes, None, user.name, revision=revision)

    def save(self, user: User, plan_id: str, plan: Plan, notes: str, revision: int | None = None) -> int:
        before = self.plan(user, plan_id, "edit").plan
        checked = recheck_with_analysis(plan, notes, self.settings).plan
        with self._compared_when_stale(plan_id, checked, notes):
            number = self.store.save_version(plan_id, checked, notes, user.name, kind="edit", revision=revision)
        self._record_vouched(user, plan_id, before, checked)
        return number

    @contextlib.contextmanager
    def _compared_when_stale(self, plan_id: str, plan: Plan, notes: str):
        """A refused stale write carries the other person's version against this edit, for the manager to compare."""
        try:
            yield
        except StaleEdit as exc:
            stored = self.store.get(plan_id)
            if stored.plan is not None:
                exc.comparison = edit_against_stored(stored.plan, stored.notes, exc.by or "someone", plan, notes)
            raise

    def _record_vouched(self, user: User, plan_id: str, before: Plan | None, after: Plan) -> None:
        """The audit trail says who marked a goal's values or a deficiency's evidence as set by the manager (the
        grounding check then accepts what the notes do not give)."""
        was = {g.id for g in before.goals if g.manager_set} if before else set()
        for goal in after.goals:
            if goal.manager_set and goal.id not in was:
                self.store.record(plan_id, user.name, "set by manager",
                                  f"{goal.id}: target {goal.target or '-'}, deadline {goal.deadline or '-'}")
        was = {d.id for d in before.deficiencies if d.manager_set} if before else set()
        for deficiency in after.deficiencies:
            if deficiency.manager_set and deficiency.id not in was:
                self.store.record(plan_id, user.name, "set by manager", f"{deficiency.id}: evidence {deficiency.evidence}")

    def share(self, user: User, plan_id: str, other: str) -> None:
        """Let another manager read and edit the plan."""
        self.plan(user, plan_id, "share")
        account = self.accounts.get(other)
        if account is None or account.role != "manager":
            raise ValueError(f"{other!r} is not a manager's account: share with a manager (`plancoach users list`).")
        self.store.share(plan_id, other, user.name)

    def set_employee_account(self, user: User, plan_id: str, account: str | None) -> None:
        """The employee's account, who may read the plan once approved."""
        self.plan(user, plan_id, "edit")
        self.store.set_employee_account(plan_id, account, user.name)

    # ------------------------------------------------------------ workflow

    def submit(self, user: User, plan_id: str, plan: Plan | None = None, notes: str = "",
               revision: int | None = None) -> None:
        """Send the plan to HR's review queue; the manager's working copy (`plan`, with its `notes`), when given, is
        saved as a version first (refused as `save` refuses it)."""
        if plan is not None:
            self.save(user, plan_id, plan, notes, revision)
        self.plan(user, plan_id, "submit")
        self.store.set_status(plan_id, "submitted", user.name)

    def review(self, user: User, plan_id: str, status: str, *, comment: str = "", override: str = "") -> None:
        """HR requests changes (saying what to change, in a comment of a few words) or approves (with an override
        reason where blocking flags remain)."""
        self.plan(user, plan_id, "review")
        if status == "changes_requested" and words_in(comment) < MIN_REQUEST_WORDS:
            raise CommentNeeded(f"Say in the comment what the manager should change, in at least {MIN_REQUEST_WORDS} "
                                "words; the request was not sent.")
        self.store.set_status(plan_id, status, user.name, comment=comment, override=override)

    def revise(self, user: User, plan_id: str) -> str:
        """Start a revision of an approved plan (a new draft that goes through HR again); returns its id."""
        self.plan(user, plan_id, "revise")
        return self.store.revise(plan_id, user.name)

    def comment(self, user: User, plan_id: str, text: str) -> None:
        self.plan(user, plan_id, "comment")
        self.store.comment(plan_id, user.name, text)

    def acknowledge(self, user: User, plan_id: str) -> None:
        self.plan(user, plan_id, "acknowledge")
        self.store.comment(plan_id, user.name, "Acknowledged the plan.")

    # ------------------------------------------------------------ accounts (administrators)

    def users(self, user: User) -> list[Account]:
        self._administers(user)
        return self.accounts.list()

    def account_history(self, user: User) -> list[RecordedChange]:
        """Who changed which account, when and how: the latest first."""
        self._administers(user)
        return self.accounts.history()

    @staticmethod
    def _administers(user: User) -> None:
        require(user, "admin")
        if user.alone:  # an account made here would turn sign-in on with nobody able to sign in as administrator
            raise AccountError("Create the first administrator on the command line: plancoach users add NAME --role admin")

    def manage_account(self, user: User, change: AccountChange, name: str, *, role: str = "",
                       password: str = "") -> str:
        """An administrator adds an account or changes one; returns what was done, in a sentence. An
        administrator never disables or demotes their own account, so a workspace always keeps one."""
        self._administers(user)
        accounts, name = self.accounts, name.strip()
        if change != "add" and accounts.get(name) is None:
            raise AccountError(f"No account named {name!r}: pick one from the list.")
        if change in ("disable", "set role") and name == user.name and not (change == "set role" and role == "admin"):
            raise AccountError("You cannot disable or demote your own account; ask another administrator.")
        if change == "add":
            accounts.add(name, role, password or None, by=user.name)
            return f"Account {name} ({role}) created."
        if change == "set role":
            accounts.set_role(name, role, by=user.name)
            return f"{name} is now {role}; their open sessions have ended."
        if change == "disable":
            accounts.disable(name, by=user.name)
            return f"{name} is disabled and signed out."
        if change == "enable":
            accounts.enable(name, by=user.name)
            return f"{name} can sign in again."
        accounts.reset_password(name, password, by=user.name)
        return f"{name}'s password is reset; their open sessions have ended."

    # ------------------------------------------------------------ export

    def export(self, user: User, plan_id: str, fmt: str, folder: Path | None = None, *,
               audience: Audience = "employee") -> Path:
        """Write the stored plan (its working copy) as a document for download, for the employee or for HR, on
        the organisation's paper; marked as a draft until HR approves it. An employee gets the employee's copy.
        The file name says whose plan and which copy, in the plan's language."""
        stored = self.plan(user, plan_id)
        if stored.plan is None:
            raise ValueError("This plan has no draft yet: draft it first.")
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        if user.role == "employee":
            audience = "employee"
        plan = stored.plan
        content = render(plan, fmt, audience=audience, approved=stored.status == "approved",
                         page_size=self.settings.page_size)
        # The folder's keep time starts once the document is ready, not while a first PDF is still rendering.
        folder = folder or export_folder(self.settings.data_dir / "exports", self.settings.export_keep_minutes)
        copy = "" if fmt == "json" else text(plan.language, f"files.{audience}")
        path = folder / safe_file_name(text(plan.language, "files.prefix"), plan.employee.name or "",
                                       f"{copy}{FORMATS[fmt]}", folder)
        # A new file in a new private folder: written directly (an atomic write's temporary name would not fit
        # beside a name already cut to the file system's limit).
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
