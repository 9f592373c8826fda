"""Record and Review: uses of a safe space, without personal data; reminder dates.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "premises_id",
            sa.Integer,
            sa.ForeignKey("premises.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("part_of_day", sa.String(10), nullable=False),
        sa.Column("need", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("referred_to", sa.String(30), nullable=True),
        sa.Column("staff_support", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("note", sa.String(140), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_uses_premises_date", "uses", ["premises_id", "occurred_on"])
    with op.batch_alter_table("premises") as batch:
        batch.add_column(sa.Column("reminded_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.drop_column("reminded_on")
    op.drop_index("ix_uses_premises_date", table_name="uses")
    op.drop_table("uses")
