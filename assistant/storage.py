"""Where plans live: every draft and saved edit as a version, a working copy for autosave, the HR
workflow and an audit trail. SQLAlchemy Core over SQLite by default; a PostgreSQL URL also works.

The working copy is what autosave writes every few seconds (notes and plan), so a refresh or a
crash loses at most those seconds; versions are the deliberate snapshots a manager and HR compare.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text, create_engine, event,
                        func, select, update)

from .inputs import check_notes_length
from .reader import Correction, sentence_key
from .schema import Plan, load_plan_lenient

metadata = MetaData()

plans = Table(
    "plans", metadata,
    Column("id", String(36), primary_key=True),
    Column("employee", String(200)),
    Column("role", String(200)),
    Column("status", String(32), nullable=False, default="draft"),
    Column("language", String(8), default="en"),
    Column("notes", Text, nullable=False, default=""),
    Column("working_plan", Text),  # the latest autosaved plan JSON (may be newer than the last version)
    Column("owner", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # draft (by a drafter) or edit (saved by a person)
    Column("plan", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("author", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

# The manager's readings of sentences in a plan's notes: personal data like the notes, kept and deleted with
# the plan, and the reader's memory for the organisation's next drafts (`reader.memory`).
corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("reading", String(16), nullable=False),
    Column("owner", String(16)),
    Column("author", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

STATUSES = ("draft", "submitted", "changes_requested", "approved")
TRANSITIONS = {
    "draft": {"submitted"},
    "submitted": {"changes_requested", "approved"},
    "changes_requested": {"submitted"},
    "approved": set(),
}
BLOCKING_KINDS = ("bias", "sensitive", "injection")


class WorkflowError(ValueError):
    """A status change the workflow does not allow; the message says why."""


@dataclass
class StoredPlan:
    id: str
    status: str
    notes: str
    plan: Plan | None
    employee: str | None
    updated_at: dt.datetime
    version: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class PlanStore:
    def __init__(self, url: str, max_notes_chars: int = 100_000):
        self.max_notes_chars = max_notes_chars  # every route that stores notes is held to it here
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, future=True)
        if url.startswith("sqlite"):
            @event.listens_for(self.engine, "connect")
            def _sqlite_pragmas(conn, _):  # concurrent readers while one writer autosaves
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA busy_timeout=5000")
                cur.close()
        metadata.create_all(self.engine)

    # ------------------------------------------------------------ plans and versions

    def create(self, notes: str, plan: Plan | None, author: str, *, kind: str = "draft") -> str:
        check_notes_length(notes, self.max_notes_chars)
        plan_id = uuid.uuid4().hex
        now = _now()
        with self.engine.begin() as c:
            c.execute(plans.insert().values(
                id=plan_id, employee=plan.employee.name if plan else None, role=plan.employee.role if plan else None,
                status="draft", language=plan.language if plan else "en", notes=notes,
                working_plan=plan.model_dump_json() if plan else None, owner=author, created_at=now, updated_at=now))
            self._audit(c, plan_id, author, "created", f"by {plan.drafter}" if plan else "notes only")
            if plan is not None:
                self._add_version(c, plan_id, plan, notes, author, kind)
        return plan_id

    def save_version(self, plan_id: str, plan: Plan, notes: str, author: str, *, kind: str = "edit") -> int:
        """A new version unless nothing changed since the last one; returns the current version number."""
        check_notes_length(notes, self.max_notes_chars)
        with self.engine.begin() as c:
            self._require(c, plan_id)
            last = c.execute(select(versions.c.number, versions.c.plan, versions.c.notes)
                             .where(versions.c.plan_id == plan_id).order_by(versions.c.number.desc()).limit(1)).first()
            text = plan.model_dump_json()
            c.execute(update(plans).where(plans.c.id == plan_id).values(
                working_plan=text, notes=notes, employee=plan.employee.name, role=plan.employee.role,
                language=plan.language, updated_at=_now()))
            if last and _same_plan(last.plan, text) and last.notes == notes:
                return last.number
            number = self._add_version(c, plan_id, plan, notes, author, kind)
            self._audit(c, plan_id, author, "saved" if kind == "edit" else "drafted", f"version {number}")
            return number

    def autosave(self, plan_id: str, notes: str, plan: Plan | None) -> None:
        """The working copy only: cheap enough to call every few seconds."""
        check_notes_length(notes, self.max_notes_chars)
        values = {"notes": notes, "updated_at": _now()}
        if plan is not None:
            values["working_plan"] = plan.model_dump_json()
        with self.engine.begin() as c:
            self._require(c, plan_id)
            c.execute(update(plans).where(plans.c.id == plan_id).values(**values))

    def get(self, plan_id: str) -> StoredPlan:
        with self.engine.connect() as c:
            row = self._require(c, plan_id)
            number = c.execute(select(func.max(versions.c.number)).where(versions.c.plan_id == plan_id)).scalar() or 0
        plan = load_plan_lenient(row.working_plan) if row.working_plan else None
        return StoredPlan(row.id, row.status, row.notes, plan, row.employee, row.updated_at, number)

    def list(self, status: str | tuple[str, ...] | None = None, limit: int = 200) -> list[StoredPlan]:
        """The most recently updated plans, in the given status(es): filtered in the query, so that the
        HR queue is never crowded out by newer drafts."""
        query = select(plans).order_by(plans.c.updated_at.desc()).limit(limit)
        if status:
            query = query.where(plans.c.status.in_([status] if isinstance(status, str) else list(status)))
        with self.engine.connect() as c:
            rows = c.execute(query).all()
        return [StoredPlan(r.id, r.status, r.notes, load_plan_lenient(r.working_plan) if r.working_plan else None,
                           r.employee, r.updated_at, 0) for r in rows]

    def versions(self, plan_id: str) -> list[dict]:
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

    def diff(self, plan_id: str, old: int | None = None, new: int | None = None) -> str:
        """What changed between two versions (default: the first draft and the working copy), as a unified diff."""
        from .export import to_markdown

        before = self.version(plan_id, old or 1)
        after = self.version(plan_id, new) if new else self.get(plan_id).plan
        a = to_markdown(before, include_review=False).splitlines()
        b = to_markdown(after, include_review=False).splitlines()
        label_b = f"version {new}" if new else "current"
        return "\n".join(difflib.unified_diff(a, b, f"version {old or 1}", label_b, lineterm="", n=1))

    # ------------------------------------------------------------ corrections and deletion

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
        """Remove a plan and everything kept with it: versions, corrections, audit trail."""
        with self.engine.begin() as c:
            self._require(c, plan_id)
            for table in (corrections, versions, audit):
                c.execute(table.delete().where(table.c.plan_id == plan_id))
            c.execute(plans.delete().where(plans.c.id == plan_id))

    # ------------------------------------------------------------ HR workflow

    def set_status(self, plan_id: str, status: str, actor: str, *, comment: str = "", override: str = "") -> None:
        """Move a plan along draft -> submitted -> changes_requested | approved.

        Approving a plan whose flags still include bias, sensitive or injection needs an override
        reason, which the audit trail records with the flags it overrode.
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
                    raise WorkflowError(f"{len(blocking)} unresolved bias, sensitive or injection flags: fix them, or "
                                        "approve with an override reason")
                if blocking:
                    self._audit(c, plan_id, actor, "override", json.dumps(
                        {"reason": override.strip(), "flags": [f.message for f in blocking]}, ensure_ascii=False))
            c.execute(update(plans).where(plans.c.id == plan_id).values(status=status, updated_at=_now()))
            self._audit(c, plan_id, actor, f"status:{status}", f"{row.status} -> {status}")
            if comment.strip():
                self._audit(c, plan_id, actor, "comment", comment.strip())

    def comment(self, plan_id: str, actor: str, text: str) -> None:
        if not text.strip():
            raise WorkflowError("a comment needs some text")
        with self.engine.begin() as c:
            self._require(c, plan_id)
            self._audit(c, plan_id, actor, "comment", text.strip())

    def audit_trail(self, plan_id: str) -> list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(audit.c.at, audit.c.actor, audit.c.action, audit.c.detail)
                             .where(audit.c.plan_id == plan_id).order_by(audit.c.id)).all()
        return [dict(r._mapping) for r in rows]

    # ------------------------------------------------------------ internals

    def _require(self, c, plan_id: str):
        row = c.execute(select(plans).where(plans.c.id == plan_id)).first()
        if row is None:
            raise KeyError(f"no plan {plan_id}")
        return row

    def _add_version(self, c, plan_id: str, plan: Plan, notes: str, author: str, kind: str) -> int:
        number = (c.execute(select(func.max(versions.c.number)).where(versions.c.plan_id == plan_id)).scalar() or 0) + 1
        c.execute(versions.insert().values(plan_id=plan_id, number=number, kind=kind, plan=plan.model_dump_json(),
                                           notes=notes, author=author, created_at=_now()))
        return number

    def _audit(self, c, plan_id: str, actor: str, action: str, detail: str = "") -> None:
        c.execute(audit.insert().values(plan_id=plan_id, at=_now(), actor=actor, action=action, detail=detail))


def _same_plan(a: str, b: str) -> bool:
    """Equal apart from the review flags, which are recomputed on every check."""
    strip = lambda t: {k: v for k, v in json.loads(t).items() if k != "review_flags"}  # noqa: E731
    return strip(a) == strip(b)


_STORES: dict[str, PlanStore] = {}


def open_store(url: str, max_notes_chars: int = 100_000) -> PlanStore:
    if url not in _STORES:
        _STORES[url] = PlanStore(url, max_notes_chars)
    _STORES[url].max_notes_chars = max_notes_chars
    return _STORES[url]
