"""The schema of PlanCoach 0.1.0: plans, their versions, the audit trail and the readings managers corrected."""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("employee", sa.String(200)),
        sa.Column("role", sa.String(200)),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("working_plan", sa.Text),
        sa.Column("owner", sa.String(200)),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("plans.id"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("plan", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("plans.id"), nullable=False, index=True),
        sa.Column("at", _WHEN, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("plans.id"), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reading", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(16)),
        sa.Column("author", sa.String(200)),
        sa.Column("created_at", _WHEN, nullable=False),
    )


def downgrade() -> None:
    for table in ("corrections", "audit", "versions", "plans"):
        op.drop_table(table)
