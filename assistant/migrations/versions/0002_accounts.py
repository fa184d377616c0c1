"""Who is who: accounts, plans shared with other managers, HR overrides as records, and a plan revision
so that a stale save is refused instead of overwriting someone else's edit. Lists page in SQL, by owner
and status."""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200)),  # none for accounts that sign in through OIDC
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("failed_sign_ins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", _WHEN),
        sa.Column("session_epoch", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_table(
        "shares",
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("plans.id"), primary_key=True),
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("plans.id"), nullable=False, index=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),  # JSON list of the overridden flags' kind and message
        sa.Column("at", _WHEN, nullable=False),
    )
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("updated_by", sa.String(200)))
        batch.add_column(sa.Column("employee_account", sa.String(200)))
        batch.create_index("ix_plans_owner_updated", ["owner", "updated_at"])
        batch.create_index("ix_plans_status_updated", ["status", "updated_at"])


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_index("ix_plans_status_updated")
        batch.drop_index("ix_plans_owner_updated")
        batch.drop_column("employee_account")
        batch.drop_column("updated_by")
        batch.drop_column("revision")
    for table in ("overrides", "shares", "users"):
        op.drop_table(table)
