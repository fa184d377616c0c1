"""The store's schema as an ordered list of Alembic migrations (`versions/`), applied when a store opens.

A store made before migrations existed (tables, no `alembic_version`) is stamped at the first migration,
which creates exactly that schema, and upgraded from there; nothing is dropped or rewritten.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

FIRST = "0001"


def config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent))
    cfg.attributes["engine"] = engine
    return cfg


def current(engine: Engine) -> str | None:
    with engine.connect() as c:
        return MigrationContext.configure(c).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the store at `engine` to the newest schema."""
    cfg = config(engine)
    if current(engine) is None and inspect(engine).has_table("plans"):
        command.stamp(cfg, FIRST)  # made by 0.1.0, before migrations: its schema is the first migration's
    command.upgrade(cfg, "head")
