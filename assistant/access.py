"""Who may do what with a plan. Every read and change in the workspace and its API asks here first, with the
signed-in user and the plan as stored (never as the browser describes it).

- A manager drafts plans, and reads and edits their own and those shared with them while they are drafts
  or HR has asked for changes; they submit them to HR. An approved plan is never edited: its manager starts
  a revision, a new plan that goes through HR again and supersedes it once approved.
- HR reads every plan submitted to them, comments, requests changes, approves and overrides flags with
  a reason, never on a plan they wrote themselves.
- An employee reads the approved plans made for their account (and those a revision superseded),
  acknowledges them and comments.
- An admin manages accounts, knowledge, prompts and policy, and reads no plan.
- On a loopback workspace with no account, one person works alone with every role; nothing is separated.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import PlanCoachError

if TYPE_CHECKING:
    from .storage import StoredPlan

ROLES = ("manager", "hr", "employee", "admin")
EDITABLE = ("draft", "changes_requested")
REVIEWED = ("submitted", "changes_requested", "approved", "superseded")  # what HR sees
FOR_EMPLOYEE = ("approved", "superseded")  # what the employee reads of their plans


@dataclass(frozen=True)
class User:
    name: str
    role: str
    session_epoch: int = 0
    alone: bool = False  # the one person of a loopback workspace without sign-in


ALONE = User("local", "manager", alone=True)


class AccessDenied(PlanCoachError, PermissionError):
    """The signed-in user may not do this; the message says why without revealing the plan."""

    def __init__(self, user: User, action: str, plan_id: str | None, reason: str):
        self.user, self.action, self.plan_id = user, action, plan_id
        super().__init__(reason)


def _works_on(user: User, plan: StoredPlan) -> bool:
    return user.alone or (user.role == "manager" and (plan.owner == user.name or user.name in plan.shared_with))


def _reviews(user: User, plan: StoredPlan) -> bool:
    return user.alone or (user.role == "hr" and plan.status in REVIEWED and plan.owner != user.name)


def _is_employee_of(user: User, plan: StoredPlan) -> bool:
    return user.role == "employee" and plan.employee_account == user.name and plan.status in FOR_EMPLOYEE


def may_read(user: User, plan: StoredPlan) -> bool:
    return _works_on(user, plan) or _reviews(user, plan) or _is_employee_of(user, plan)


def listed(user: User, *, for_review: bool = False) -> dict | None:
    """Which plans `user` sees in a list, as `PlanStore.list` filters (None: none): a manager their own and
    shared ones, HR the plans submitted to them (their review queue when `for_review`), an employee their
    approved plans."""
    if user.alone:
        return {"status": REVIEWED if for_review else None}
    if user.role == "hr":
        return {"status": REVIEWED, "not_owner": user.name}
    if user.role == "employee":
        return {"status": FOR_EMPLOYEE, "employee_account": user.name}
    if user.role == "manager" and not for_review:
        return {"visible_to": user.name}
    return None


def require(user: User, action: str, plan: StoredPlan | None = None) -> None:
    """Raise `AccessDenied` unless `user` may do `action` (to `plan`).

    Actions: draft (a new plan), read, notes (the interview notes behind it), edit, submit, share, comment, review (request changes, approve,
    override), acknowledge, revise (start a revision of an approved plan), admin.
    """
    reason = _refusal(user, action, plan)
    if reason:
        raise AccessDenied(user, action, plan.id if plan else None, reason)


def _refusal(user: User, action: str, plan: StoredPlan | None) -> str | None:  # noqa: C901 -- predates the complexity budget
    if action == "draft":
        return None if user.alone or user.role == "manager" else "Only managers draft plans."
    if action == "admin":
        return None if user.alone or user.role == "admin" else "Only an administrator can do this."
    if plan is None or not may_read(user, plan):
        return "No such plan, or it is not yours to see."  # the same words whether or not it exists
    if action == "read":
        return None
    if action == "notes":  # the interview notes hold the manager's own words and asides: the plan is the employee's copy
        return None if _works_on(user, plan) or _reviews(user, plan) else "The interview notes stay with the manager and HR; your plan is in My plans."
    if action in ("edit", "submit", "share"):
        if not _works_on(user, plan):
            return "Only the plan's manager can change it."
        if plan.status not in EDITABLE:
            return (f"This plan is {plan.status.replace('_', ' ')}: it is read-only until HR requests changes."
                    if plan.status == "submitted" else f"This plan is {plan.status}: it can no longer be changed.")
        return None
    if action == "revise":
        if not _works_on(user, plan):
            return "Only the plan's manager can start a revision of it."
        return None if plan.status == "approved" else "Only an approved plan is revised; edit this one directly."
    if action == "review":
        if user.role != "hr" and not user.alone:
            return "Only HR can request changes or approve a plan."
        if plan.owner == user.name and not user.alone:
            return "HR cannot review a plan they wrote themselves; ask another HR reviewer."
        return None
    if action == "comment":
        return None  # everyone who may read the plan may comment on it
    if action == "acknowledge":
        if not _is_employee_of(user, plan) or plan.status != "approved":
            return "Only the employee acknowledges their approved plan."
        return None
    raise ValueError(f"unknown action {action!r}")
