"""Account changes as a record: who added an account or changed its role, disabled, enabled it or reset its
password, when, and the role given (never a password). The accounts table says only how things stand."""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("account", sa.String(200), nullable=False, index=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("role", sa.String(16)),
        sa.Column("old_role", sa.String(16)),
    )


def downgrade() -> None:
    op.drop_table("account_changes")
