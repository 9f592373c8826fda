"""Local referral contacts that partnerships keep for each district.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referral_contacts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("area_code", sa.String(9), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("website", sa.String(500), nullable=True),
        sa.Column("topics", sa.String(300), nullable=False),
        sa.Column("hours", sa.String(1000), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_referral_contacts_area", "referral_contacts", ["area_code"])


def downgrade() -> None:
    op.drop_index("ix_referral_contacts_area", table_name="referral_contacts")
    op.drop_table("referral_contacts")
