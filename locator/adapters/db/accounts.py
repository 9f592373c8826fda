"""The accounts aggregate: moderators and head offices."""

from __future__ import annotations

import sqlalchemy as sa

from locator.adapters.db.tables import moderators, organisations
from locator.domain import clock
from locator.domain.accounts import Moderator, Organisation


class AccountsRepository:
    """Create and find the accounts people sign in with."""

    def __init__(self, store):
        self._store = store

    def add_organisation(self, name: str, email: str, password_hash: str) -> int:
        """Create a head-office account; return its id."""
        return self._add(organisations, name=name, email=email, password_hash=password_hash)

    def add_moderator(self, email: str, name: str, password_hash: str, area_codes: str) -> int:
        """Create a moderator account; return its id."""
        return self._add(
            moderators, email=email, name=name, password_hash=password_hash, area_codes=area_codes
        )

    def organisation(
        self, *, email: str | None = None, organisation_id: int | None = None
    ) -> Organisation | None:
        """Return a head-office account by email or id, or None."""
        row = self._find(organisations, email, organisation_id)
        return Organisation(**row) if row else None

    def moderator(
        self, *, email: str | None = None, moderator_id: int | None = None
    ) -> Moderator | None:
        """Return a moderator by email or id, or None."""
        row = self._find(moderators, email, moderator_id)
        return Moderator(**row) if row else None

    def _add(self, table: sa.Table, **values) -> int:
        with self._store.transaction() as connection:
            result = connection.execute(
                table.insert().values(**values, active=True, created_at=clock.utc_now())
            )
        return int(result.inserted_primary_key[0])

    def _find(self, table: sa.Table, email: str | None, account_id: int | None) -> dict | None:
        column, value = (table.c.email, email) if email is not None else (table.c.id, account_id)
        with self._store.reading() as connection:
            row = connection.execute(sa.select(table).where(column == value)).first()
        return dict(row._mapping) if row else None
