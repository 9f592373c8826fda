"""Estate uploads in the audit trail: each entry may name its head office, and a staged file
keeps the name it was uploaded under.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_audit_organisation",
            "organisations",
            ["organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_audit_organisation", ["organisation_id"])
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(sa.Column("file_name", sa.String(300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_column("file_name")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_index("ix_audit_organisation")
        batch.drop_constraint("fk_audit_organisation", type_="foreignkey")
        batch.drop_column("organisation_id")
