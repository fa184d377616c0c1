"""Where plans live: every draft and saved edit as a version, a working copy for autosave, the HR
workflow and an audit trail. SQLAlchemy Core over SQLite by default; PostgreSQL also works (`db.py`).

The working copy is what autosave writes every few seconds (notes and plan), so a refresh or a
crash loses at most those seconds; versions are the deliberate snapshots a manager and HR compare.
Every write raises the plan's revision: a write that started from an older revision, made by someone
else since, is refused (`StaleEdit`) rather than overwriting their edit. The store does not decide who
may do what: `access.py` does, and `Workspace` asks it before every call here.
"""
from __future__ import annotations

import builtins
import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select, update

from .db import (
    PLAN_TABLES,
    audit,
    corrections,
    open_engine,
    overrides,
    plans,
    shares,
    versions,
)
from .errors import PlanCoachError
from .inputs import check_notes_length
from .reader import Correction, sentence_key
from .schema import Plan, load_plan_lenient

STATUSES = ("draft", "submitted", "changes_requested", "approved", "superseded")
TRANSITIONS = {
    "draft": {"submitted"},
    "submitted": {"changes_requested", "approved"},
    "changes_requested": {"submitted"},
    "approved": {"superseded"},  # only by the approval of a revision (`revise`)
    "superseded": set(),
}
BLOCKING_KINDS = ("bias", "wording", "sensitive", "injection")  # 'wording' was part of 'bias' until session 13
MIN_OVERRIDE_WORDS = 4  # an override reason says why in a sentence, not "." or "ok"


class WorkflowError(PlanCoachError, ValueError):
    """A status change the workflow does not allow; the message says why."""


class StaleEdit(WorkflowError):
    """The plan changed since this edit started from it; saving would overwrite someone else's edit."""

    def __init__(self, plan_id: str, by: str | None, at: dt.datetime, comparison: str = ""):
        self.plan_id, self.by, self.at = plan_id, by, at
        self.comparison = comparison  # their version against the refused edit, when the workspace made one
        super().__init__(f"This plan was changed by {by or 'someone'} at {at:%Y-%m-%d %H:%M} UTC since you opened it, "
                         "so your edit was not saved: Save version shows their version beside yours; open the plan again to "
                         "continue from theirs.")


@dataclass
class StoredPlan:
    id: str
    status: str
    notes: str
    working_plan: str | None  # the plan's JSON as stored; `plan` reads it when first asked
    employee: str | None
    updated_at: dt.datetime
    version: int
    owner: str | None = None
    revision: int = 0
    updated_by: str | None = None
    employee_account: str | None = None
    shared_with: frozenset[str] = field(default_factory=frozenset)
    revises: str | None = None  # the approved plan this one changes

    @functools.cached_property
    def plan(self) -> Plan | None:
        """The working copy as a Plan, parsed only when asked (an access check needs the row, not the plan)."""
        return load_plan_lenient(self.working_plan) if self.working_plan else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stored(row, version: int = 0, shared_with: frozenset[str] = frozenset()) -> StoredPlan:
    return StoredPlan(row.id, row.status, row.notes, row.working_plan, row.employee, row.updated_at, version, row.owner,
                      row.revision, row.updated_by, row.employee_account, shared_with, row.revises)


class PlanStore:
    def __init__(self, url: str, max_notes_chars: int = 100_000):
        self.max_notes_chars = max_notes_chars  # every route that stores notes is held to it here
        self.engine = open_engine(url)

    # ------------------------------------------------------------ plans and versions

    def create(self, notes: str, plan: Plan | None, author: str, *, kind: str = "draft") -> str:
        check_notes_length(notes, self.max_notes_chars)
        plan_id = uuid.uuid4().hex
        now = _now()
        with self.engine.begin() as c:
            c.execute(plans.insert().values(
                id=plan_id, employee=plan.employee.name if plan else None, role=plan.employee.role if plan else None,
                status="draft", language=plan.language if plan else "en", notes=notes,
                working_plan=plan.model_dump_json() if plan else None, owner=author, created_at=now, updated_at=now,
                revision=1, updated_by=author))
            self._audit(c, plan_id, author, "created", f"by {plan.drafter}" if plan else "notes only")
            if plan is not None:
                self._add_version(c, plan_id, plan, notes, author, kind)
        return plan_id

    def save_version(self, plan_id: str, plan: Plan, notes: str, author: str, *, kind: str = "edit",
                     revision: int | None = None) -> int:
        """A new version unless nothing changed since the last one; returns the current version number.
        `revision` is the plan's revision the edit started from (None: do not check)."""
        check_notes_length(notes, self.max_notes_chars)
        with self.engine.begin() as c:
            self._write(c, plan_id, author, revision, working_plan=plan.model_dump_json(), notes=notes,
                        employee=plan.employee.name, role=plan.employee.role, language=plan.language)
            last = c.execute(select(versions.c.number, versions.c.plan, versions.c.notes)
                             .where(versions.c.plan_id == plan_id).order_by(versions.c.number.desc()).limit(1)).first()
            if last and _same_plan(last.plan, plan.model_dump_json()) and last.notes == notes:
                return last.number
            number = self._add_version(c, plan_id, plan, notes, author, kind)
            self._audit(c, plan_id, author, "saved" if kind == "edit" else "drafted", f"version {number}")
            return number

    def autosave(self, plan_id: str, notes: str, plan: Plan | None, author: str, *, revision: int | None = None) -> int:
        """The working copy only: cheap enough to call every few seconds. Returns the new revision."""
        values = {"notes": notes}
        check_notes_length(notes, self.max_notes_chars)
        if plan is not None:
            values["working_plan"] = plan.model_dump_json()
        with self.engine.begin() as c:
            return self._write(c, plan_id, author, revision, **values)

    def get(self, plan_id: str) -> StoredPlan:
        with self.engine.connect() as c:
            row = self._require(c, plan_id)
            number = c.execute(select(func.max(versions.c.number)).where(versions.c.plan_id == plan_id)).scalar() or 0
            shared = frozenset(c.execute(select(shares.c.user).where(shares.c.plan_id == plan_id)).scalars())
        return _stored(row, number, shared)

    def list(self, *, status: str | tuple[str, ...] | None = None, visible_to: str | None = None,
             not_owner: str | None = None, employee_account: str | None = None, limit: int = 50,
             offset: int = 0) -> list[StoredPlan]:
        """One page of plans, most recently updated first, filtered in the query: in the given status(es),
        owned by or shared with `visible_to`, not owned by `not_owner`, for the employee's account."""
        query = select(plans).order_by(plans.c.updated_at.desc(), plans.c.id).limit(limit).offset(offset)
        if status:
            query = query.where(plans.c.status.in_([status] if isinstance(status, str) else list(status)))
        if visible_to is not None:
            shared = select(shares.c.plan_id).where(shares.c.user == visible_to)
            query = query.where(or_(plans.c.owner == visible_to, plans.c.id.in_(shared)))
        if not_owner is not None:
            query = query.where(or_(plans.c.owner.is_(None), plans.c.owner != not_owner))
        if employee_account is not None:
            query = query.where(plans.c.employee_account == employee_account)
        with self.engine.connect() as c:
            return [_stored(r) for r in c.execute(query).all()]

    def versions(self, plan_id: str) -> builtins.list[dict]:  # (the method `list` shadows the type here)
        with self.engine.connect() as c:
            rows = c.execute(select(versions.c.number, versions.c.kind, versions.c.author, versions.c.created_at)
                             .where(versions.c.plan_id == plan_id).order_by(versions.c.number)).all()
        return [dict(r._mapping) for r in rows]

    def version(self, plan_id: str, number: int) -> Plan:
        with self.engine.connect() as c:
            text = c.execute(select(versions.c.plan).where(versions.c.plan_id == plan_id,
                                                           versions.c.number == number)).scalar()
        if text is None:
            raise KeyError(f"plan {plan_id} has no version {number}")
        return load_plan_lenient(text)

    # ------------------------------------------------------------ sharing, corrections and deletion

    def share(self, plan_id: str, user: str, by: str) -> None:
        """Let another manager's account read and edit this plan."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            if c.execute(select(shares).where(shares.c.plan_id == plan_id, shares.c.user == user)).first() is None:
                c.execute(shares.insert().values(plan_id=plan_id, user=user, created_at=_now()))
                self._audit(c, plan_id, by, "shared", f"with {user}")

    def adopt(self, owner: str, account: str, by: str) -> int:
        """Give every plan of `owner` to `account` (the plans drafted without sign-in, to the manager who wrote them),
        each with a line in its history; returns how many."""
        with self.engine.begin() as c:
            ids = c.execute(select(plans.c.id).where(plans.c.owner == owner)).scalars().all()
            c.execute(update(plans).where(plans.c.owner == owner).values(owner=account))
            for plan_id in ids:
                self._audit(c, plan_id, by, "adopted", f"to {account}")
        return len(ids)

    def owned_by(self, owner: str) -> int:
        """How many plans `owner` has."""
        with self.engine.begin() as c:
            return c.execute(select(func.count()).select_from(plans).where(plans.c.owner == owner)).scalar_one()

    def set_employee_account(self, plan_id: str, account: str | None, by: str) -> None:
        """The employee's account, who may read the plan (and acknowledge it) once it is approved."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            c.execute(update(plans).where(plans.c.id == plan_id).values(employee_account=account or None))
            self._audit(c, plan_id, by, "employee account", account or "none")

    def add_correction(self, plan_id: str, correction: Correction, author: str) -> None:
        """The manager's reading of one sentence of this plan's notes (replacing an earlier one of it)."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            for row in c.execute(select(corrections.c.id, corrections.c.text)
                                 .where(corrections.c.plan_id == plan_id)).all():
                if sentence_key(row.text) == correction.key:
                    c.execute(corrections.delete().where(corrections.c.id == row.id))
            c.execute(corrections.insert().values(plan_id=plan_id, text=correction.text, reading=correction.reading,
                                                  owner=correction.owner, author=author, created_at=_now()))
            self._audit(c, plan_id, author, "correction",
                        f"a sentence read as {correction.reading}" + (f" ({correction.owner})" if correction.owner else ""))

    def corrections(self, plan_id: str | None = None) -> tuple[Correction, ...]:
        """One plan's corrections or (None) all, newest first: what the organisation's managers taught the reader."""
        query = select(corrections.c.text, corrections.c.reading, corrections.c.owner).order_by(corrections.c.id.desc())
        if plan_id:
            query = query.where(corrections.c.plan_id == plan_id)
        with self.engine.connect() as c:
            return tuple(Correction(r.text, r.reading, r.owner) for r in c.execute(query).all())

    def delete(self, plan_id: str) -> None:
        """Remove a plan and everything kept with it: versions, corrections, shares, overrides, audit trail."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            for table in PLAN_TABLES:
                c.execute(table.delete().where(table.c.plan_id == plan_id))
            c.execute(plans.delete().where(plans.c.id == plan_id))

    # ------------------------------------------------------------ HR workflow

    def set_status(self, plan_id: str, status: str, actor: str, *, comment: str = "", override: str = "") -> None:
        """Move a plan along draft -> submitted -> changes_requested | approved.

        Approving a plan whose flags still include bias, wording, sensitive or injection needs an override
        reason of a sentence, kept as a record with the flags it overrode.
        """
        if status not in STATUSES:
            raise WorkflowError(f"unknown status {status!r}")
        with self.engine.begin() as c:
            row = self._require(c, plan_id)
            if status not in TRANSITIONS[row.status]:
                raise WorkflowError(f"a plan that is {row.status.replace('_', ' ')} cannot become {status.replace('_', ' ')}")
            if status == "approved":
                plan = load_plan_lenient(row.working_plan) if row.working_plan else None
                blocking = [f for f in (plan.review_flags if plan else []) if f.kind in BLOCKING_KINDS]
                if blocking and not override.strip():
                    raise WorkflowError(f"{len(blocking)} unresolved bias, wording, sensitive or injection flags: fix them, or "
                                        "approve with an override reason")
                if blocking and len(override.split()) < MIN_OVERRIDE_WORDS:
                    raise WorkflowError(f"An override reason says why in at least {MIN_OVERRIDE_WORDS} words; "
                                        "write what was checked and why the flags do not apply.")
                if blocking:
                    c.execute(overrides.insert().values(
                        plan_id=plan_id, actor=actor, reason=override.strip(), at=_now(),
                        flags=json.dumps([{"kind": f.kind, "message": f.message} for f in blocking], ensure_ascii=False)))
                    self._audit(c, plan_id, actor, "override", f"{len(blocking)} flags overridden: {override.strip()}")
            c.execute(update(plans).where(plans.c.id == plan_id).values(status=status, updated_at=_now()))
            self._audit(c, plan_id, actor, f"status:{status}", f"{row.status} -> {status}")
            if comment.strip():
                self._audit(c, plan_id, actor, "comment", comment.strip())
            if status == "approved" and row.revises:
                c.execute(update(plans).where(plans.c.id == row.revises).values(status="superseded", updated_at=_now()))
                self._audit(c, row.revises, actor, "status:superseded", f"approved -> superseded by {plan_id}")

    def revise(self, plan_id: str, author: str) -> str:
        """Start a revision of an approved plan: a new draft with its notes, plan, manager, shares and employee
        account, which goes through HR again; the approved plan stays as it is until the revision is approved.
        One revision at a time."""
        with self.engine.begin() as c:
            row = self._require(c, plan_id)
            if row.status != "approved":
                raise WorkflowError("Only an approved plan is revised; edit this one directly.")
            open_one = c.execute(select(plans.c.id).where(plans.c.revises == plan_id,
                                                          plans.c.status != "superseded")).scalar()
            if open_one:
                raise WorkflowError("A revision of this plan is already open: open it from the list of plans.")
            new_id, now = uuid.uuid4().hex, _now()
            c.execute(plans.insert().values(
                id=new_id, employee=row.employee, role=row.role, status="draft", language=row.language,
                notes=row.notes, working_plan=row.working_plan, owner=row.owner, created_at=now, updated_at=now,
                revision=1, updated_by=author, employee_account=row.employee_account, revises=plan_id))
            for user in c.execute(select(shares.c.user).where(shares.c.plan_id == plan_id)).scalars().all():
                c.execute(shares.insert().values(plan_id=new_id, user=user, created_at=now))
            if row.working_plan:
                self._add_version(c, new_id, load_plan_lenient(row.working_plan), row.notes, author, "revision")
            self._audit(c, new_id, author, "created", f"a revision of approved plan {plan_id}")
            self._audit(c, plan_id, author, "revision started", f"as plan {new_id}")
        return new_id

    def comment(self, plan_id: str, actor: str, text: str) -> None:
        if not text.strip():
            raise WorkflowError("a comment needs some text")
        with self.engine.begin() as c:
            self._require(c, plan_id)
            self._audit(c, plan_id, actor, "comment", text.strip())

    def record(self, plan_id: str, actor: str, action: str, detail: str) -> None:
        """One line in the plan's audit trail."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            self._audit(c, plan_id, actor, action, detail)

    def audit_trail(self, plan_id: str) -> builtins.list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(audit.c.at, audit.c.actor, audit.c.action, audit.c.detail)
                             .where(audit.c.plan_id == plan_id).order_by(audit.c.id)).all()
        return [dict(r._mapping) for r in rows]

    def overrides(self, plan_id: str) -> builtins.list[dict]:
        """The overrides HR made on this plan: who, when, why, and which flags (as dicts)."""
        with self.engine.connect() as c:
            rows = c.execute(select(overrides.c.actor, overrides.c.reason, overrides.c.flags, overrides.c.at)
                             .where(overrides.c.plan_id == plan_id).order_by(overrides.c.id)).all()
        return [{**r._mapping, "flags": json.loads(r.flags)} for r in rows]

    # ------------------------------------------------------------ internals

    def _require(self, c, plan_id: str):
        row = c.execute(select(plans).where(plans.c.id == plan_id)).first()
        if row is None:
            raise KeyError(f"no plan {plan_id}")
        return row

    def _write(self, c, plan_id: str, author: str, revision: int | None, **values) -> int:
        """Update the plan row if nobody else changed it since `revision`; returns the new revision."""
        row = self._require(c, plan_id)
        if revision is not None and row.revision != revision and row.updated_by != author:
            raise StaleEdit(plan_id, row.updated_by, row.updated_at)
        c.execute(update(plans).where(plans.c.id == plan_id).values(
            **values, updated_at=_now(), updated_by=author, revision=plans.c.revision + 1))
        return row.revision + 1

    def _add_version(self, c, plan_id: str, plan: Plan, notes: str, author: str, kind: str) -> int:
        number = (c.execute(select(func.max(versions.c.number)).where(versions.c.plan_id == plan_id)).scalar() or 0) + 1
        c.execute(versions.insert().values(plan_id=plan_id, number=number, kind=kind, plan=plan.model_dump_json(),
                                           notes=notes, author=author, created_at=_now()))
        return number

    def _audit(self, c, plan_id: str, actor: str, action: str, detail: str = "") -> None:
        c.execute(audit.insert().values(plan_id=plan_id, at=_now(), actor=actor, action=action, detail=detail))


def _same_plan(a: str, b: str) -> bool:
    """Equal apart from the review flags, which are recomputed on every check."""
    def strip(text: str) -> dict:
        return {k: v for k, v in json.loads(text).items() if k != "review_flags"}
    return strip(a) == strip(b)


_STORES: dict[str, PlanStore] = {}


def open_store(url: str, max_notes_chars: int = 100_000) -> PlanStore:
    if url not in _STORES:
        _STORES[url] = PlanStore(url, max_notes_chars)
    _STORES[url].max_notes_chars = max_notes_chars
    return _STORES[url]
