"""Registrations, manage links, temporary closure, moderators and the audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.add_column(sa.Column("contact_email", sa.String(254), nullable=True))
        batch.add_column(sa.Column("checklist", sa.Text, nullable=True))
        batch.add_column(sa.Column("closed_until", sa.Date, nullable=True))
        batch.add_column(sa.Column("manage_token_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("pending_changes", sa.Text, nullable=True))
        batch.add_column(sa.Column("moderation_note", sa.Text, nullable=True))
        batch.create_index("ix_premises_manage_token", ["manage_token_hash"], unique=True)
    op.create_table(
        "moderators",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("area_codes", sa.Text, nullable=False, server_default=""),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "premises_id",
            sa.Integer,
            sa.ForeignKey("premises.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_premises", "audit_log", ["premises_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_premises", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("moderators")
    with op.batch_alter_table("premises") as batch:
        batch.drop_index("ix_premises_manage_token")
        for column in (
            "moderation_note",
            "pending_changes",
            "manage_token_hash",
            "closed_until",
            "checklist",
            "contact_email",
        ):
            batch.drop_column(column)
