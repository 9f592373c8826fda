"""A head office's link for a store's staff to record uses: only the token's hash is kept.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.add_column(sa.Column("record_token_hash", sa.String(64), nullable=True))
        batch.create_index("ix_premises_record_token", ["record_token_hash"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.drop_index("ix_premises_record_token")
        batch.drop_column("record_token_hash")
