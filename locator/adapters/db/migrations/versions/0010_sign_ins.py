"""Sign-ins kept on the server, lockout after repeated wrong passwords, two-factor secrets.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ACCOUNT_TABLES = ("moderators", "organisations")


def upgrade() -> None:
    op.create_table(
        "sign_ins",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("account_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sign_ins_account", "sign_ins", ["kind", "account_id"])
    for table in ACCOUNT_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("failed_sign_ins", sa.Integer, nullable=False, server_default="0")
            )
            batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(sa.Column("totp_secret", sa.String(64), nullable=True))


def downgrade() -> None:
    for table in ACCOUNT_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("totp_secret")
            batch.drop_column("locked_until")
            batch.drop_column("failed_sign_ins")
    op.drop_index("ix_sign_ins_account", table_name="sign_ins")
    op.drop_table("sign_ins")
