"""Scheduled closures (closed from a date to a date) and a public report's short text.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.add_column(sa.Column("closed_from", sa.Date, nullable=True))
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("text", sa.String(500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("text")
    with op.batch_alter_table("premises") as batch:
        batch.drop_column("closed_from")
