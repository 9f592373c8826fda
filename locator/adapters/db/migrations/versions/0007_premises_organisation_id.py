"""Premises belong to a head office by id, not by the organisation name typed in.

Existing rows whose organisation names a head office account are linked to it, except public
registrations (refs starting "web-"): anyone could have typed a chain's name there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_premises_organisation",
            "organisations",
            ["organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_premises_organisation_id", ["organisation_id"])
    op.execute(
        "UPDATE premises SET organisation_id = (SELECT organisations.id FROM organisations"
        " WHERE organisations.name = premises.organisation) WHERE ref NOT LIKE 'web-%'"
    )


def downgrade() -> None:
    with op.batch_alter_table("premises") as batch:
        batch.drop_index("ix_premises_organisation_id")
        batch.drop_constraint("fk_premises_organisation", type_="foreignkey")
        batch.drop_column("organisation_id")
