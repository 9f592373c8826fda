"""Premises and the data version counter.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "premises",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("ref", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(500), nullable=False, server_default=""),
        sa.Column("postcode", sa.String(10), nullable=True),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("opening_hours", sa.String(1000), nullable=False),
        sa.Column("facilities", sa.String(300), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=True),
        sa.Column("website", sa.String(500), nullable=True),
        sa.Column("how_to_ask", sa.String(1000), nullable=True),
        sa.Column("scheme", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("area_code", sa.String(9), nullable=True),
        sa.Column("nation", sa.String(20), nullable=False, server_default="england"),
        sa.Column("demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_confirmed", sa.Date, nullable=True),
        sa.UniqueConstraint("organisation", "ref", name="uq_premises_organisation_ref"),
        sa.CheckConstraint("scheme in ('external', 'internal')", name="ck_premises_scheme"),
        sa.CheckConstraint(
            "status in ('pending', 'published', 'rejected', 'suspended')",
            name="ck_premises_status",
        ),
    )
    op.create_index("ix_premises_public", "premises", ["status", "scheme"])
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(version, [{"id": 1, "version": 1}])


def downgrade() -> None:
    op.drop_table("data_version")
    op.drop_index("ix_premises_public", table_name="premises")
    op.drop_table("premises")
