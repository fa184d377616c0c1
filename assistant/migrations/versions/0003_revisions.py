"""Revisions of approved plans: an approved plan is never edited; a change starts a new plan that revises it
and goes through HR again, and the approved one becomes superseded when its revision is approved."""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("revises", sa.String(36)))  # the approved plan this one changes
        batch.create_index("ix_plans_revises", ["revises"])


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_index("ix_plans_revises")
        batch.drop_column("revises")
