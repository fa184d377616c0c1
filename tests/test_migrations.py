"""The store's schema comes from ordered migrations: a store made by 0.1.0 (committed as a fixture) upgrades
without losing a row, and the tables the code declares are exactly what the migrations build."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from assistant import migrations
from assistant.db import metadata
from assistant.storage import PlanStore

FIXTURE = Path(__file__).parent / "fixtures" / "store-0.1.0.db"
TABLES = ("plans", "versions", "audit", "corrections")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as c:
        return {t: c.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def test_a_store_made_by_0_1_0_upgrades_keeping_every_row(tmp_path):
    path = tmp_path / "plans.db"
    shutil.copy(FIXTURE, path)
    before = _counts(path)
    assert before == {"plans": 2, "versions": 2, "audit": 6, "corrections": 1}
    store = PlanStore(f"sqlite:///{path}")
    head = ScriptDirectory.from_config(migrations.config(store.engine)).get_current_head()
    assert migrations.current(store.engine) == head != migrations.FIRST
    assert _counts(path) == before
    submitted = next(p for p in store.list() if p.status == "submitted")
    assert submitted.owner == "Ms Manager" and submitted.plan.goals[0].target == ">= 95%"
    assert [a["action"] for a in store.audit_trail(submitted.id)][-1] == "comment"
    assert store.corrections(submitted.id)
    PlanStore(f"sqlite:///{path}")  # opening it again applies nothing more
    assert _counts(path) == before


def test_the_declared_tables_are_what_the_migrations_build(tmp_path):
    store = PlanStore(f"sqlite:///{tmp_path / 'new.db'}")
    with store.engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), metadata) == []
    assert (tmp_path / "new.db").stat().st_mode & 0o077 == 0  # readable by its owner only
