"""Trained-staff record: who was trained (initials or a role) and when, per premises.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "premises_id",
            sa.Integer,
            sa.ForeignKey("premises.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("who", sa.String(40), nullable=False),
        sa.Column("trained_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_training_records_premises", "training_records", ["premises_id"])


def downgrade() -> None:
    op.drop_index("ix_training_records_premises", table_name="training_records")
    op.drop_table("training_records")
