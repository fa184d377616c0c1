"""The organisation's database: its tables (as the migrations leave them) and how an engine is opened.

SQLite by default (a file readable by its owner only), PostgreSQL through a `postgresql+psycopg://` URL.
Opening an engine applies every migration the store has not had yet (`migrations.upgrade`).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    false,
    true,
)
from sqlalchemy.engine import Engine

from . import migrations

metadata = MetaData()
_WHEN = DateTime(timezone=True)

plans = Table(
    "plans", metadata,
    Column("id", String(36), primary_key=True),
    Column("employee", String(200)),
    Column("role", String(200)),
    Column("status", String(32), nullable=False),
    Column("language", String(8)),
    Column("notes", Text, nullable=False),
    Column("working_plan", Text),  # the latest autosaved plan JSON (may be newer than the last version)
    Column("owner", String(200)),  # the account that created it
    Column("created_at", _WHEN, nullable=False),
    Column("updated_at", _WHEN, nullable=False),
    Column("revision", Integer, nullable=False, server_default="0"),  # +1 on every write: stale saves are refused
    Column("updated_by", String(200)),
    Column("employee_account", String(200)),  # the employee's account, who may read the plan once approved
    Column("revises", String(36), index=True),  # the approved plan this one changes (migration 0003)
    Index("ix_plans_owner_updated", "owner", "updated_at"),
    Index("ix_plans_status_updated", "status", "updated_at"),
)
versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # draft (by a drafter), edit (by a person), revision (of an approved plan)
    Column("plan", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("author", String(200)),
    Column("created_at", _WHEN, nullable=False),
)
audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("at", _WHEN, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("detail", Text, nullable=False),
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
    Column("created_at", _WHEN, nullable=False),
)
users = Table(
    "users", metadata,
    Column("name", String(200), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(200)),  # none for accounts that sign in through OIDC
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("failed_sign_ins", Integer, nullable=False, server_default="0"),
    Column("locked_until", _WHEN),
    Column("session_epoch", Integer, nullable=False, server_default="0"),  # +1 ends every session of the account
    Column("created_at", _WHEN, nullable=False),
)
shares = Table(
    "shares", metadata,
    Column("plan_id", String(36), ForeignKey("plans.id"), primary_key=True),
    Column("user", String(200), primary_key=True),
    Column("created_at", _WHEN, nullable=False),
)
overrides = Table(
    "overrides", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False, index=True),
    Column("actor", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("flags", Text, nullable=False),  # JSON list of the overridden flags' kind and message
    Column("at", _WHEN, nullable=False),
)
# A person's workspace settings, by account name (the one person of a workspace without sign-in is "local").
preferences = Table(
    "preferences", metadata,
    Column("user", String(200), primary_key=True),
    Column("language", String(8), nullable=False, server_default="en"),
    Column("learning", Boolean, nullable=False, server_default=false()),
    Column("updated_at", _WHEN, nullable=False),
)
# Who changed an account and how (migration 0005): added, role set (from `old_role` to `role`), disabled, enabled,
# password reset. Never a password.
account_changes = Table(
    "account_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", _WHEN, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("account", String(200), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("role", String(16)),
    Column("old_role", String(16)),
)

PLAN_TABLES = (corrections, versions, audit, shares, overrides)  # what is kept with a plan and deleted with it


def open_engine(url: str) -> Engine:
    """An engine on `url` with the newest schema; a new SQLite file is created readable by its owner only.
    A plain `postgresql://` (or `postgres://`) URL uses psycopg 3, the driver PlanCoach installs."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            url = "postgresql+psycopg://" + url.removeprefix(plain)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new data folder: its owner only
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    engine = create_engine(url, future=True)
    if url.startswith("sqlite"):
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(conn, _):  # concurrent readers while one writer autosaves
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    migrations.upgrade(engine)
    return engine
