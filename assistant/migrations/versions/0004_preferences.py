"""Each person's settings for the workspace (interface language, learning mode), kept with their account
name so they follow them to another browser and survive a reload."""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "preferences",
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("language", sa.String(8), nullable=False, server_default="en"),
        sa.Column("learning", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("preferences")
