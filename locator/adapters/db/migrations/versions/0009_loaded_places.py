"""Places operators load from newer official files, ahead of the shipped gazetteer.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loaded_places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("place_kind", sa.String(20), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
    )
    op.create_index("ix_loaded_places_kind_key", "loaded_places", ["kind", "key"])
    op.create_index("ix_loaded_places_source", "loaded_places", ["source"])
    op.create_table(
        "loaded_sources",
        sa.Column("source", sa.String(60), primary_key=True),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("loaded_sources")
    op.drop_index("ix_loaded_places_source", table_name="loaded_places")
    op.drop_index("ix_loaded_places_kind_key", table_name="loaded_places")
    op.drop_table("loaded_places")
