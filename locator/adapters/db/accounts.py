"""The accounts aggregate: moderators and head offices."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from locator.adapters.db.tables import moderators, organisations, sign_ins
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

    def moderators(self) -> list[Moderator]:
        """Return every active moderator account, oldest first."""
        query = sa.select(moderators).where(moderators.c.active.is_(True)).order_by(moderators.c.id)
        with self._store.reading() as connection:
            return [Moderator(**row._mapping) for row in connection.execute(query)]

    # -- signing in ---------------------------------------------------------------------

    def record_failure(self, kind: str, account_id: int, limit: int, lock_until: datetime) -> bool:
        """Count a wrong password or code; at `limit` in a row lock the account; True if locked."""
        table = _TABLES[kind]
        with self._store.transaction() as connection:
            connection.execute(
                table.update()
                .where(table.c.id == account_id)
                .values(failed_sign_ins=table.c.failed_sign_ins + 1)
            )
            failures = connection.execute(
                sa.select(table.c.failed_sign_ins).where(table.c.id == account_id)
            ).scalar_one()
            if failures < limit:
                return False
            connection.execute(
                table.update()
                .where(table.c.id == account_id)
                .values(failed_sign_ins=0, locked_until=lock_until)
            )
        return True

    def record_success(self, kind: str, account_id: int) -> None:
        """Forget the wrong passwords before a successful sign-in."""
        table = _TABLES[kind]
        with self._store.transaction() as connection:
            connection.execute(
                table.update()
                .where(table.c.id == account_id)
                .values(failed_sign_ins=0, locked_until=None)
            )

    def set_totp_secret(self, kind: str, account_id: int, secret: str | None) -> None:
        """Set (or, with None, remove) an account's authenticator secret."""
        table = _TABLES[kind]
        with self._store.transaction() as connection:
            connection.execute(
                table.update().where(table.c.id == account_id).values(totp_secret=secret)
            )

    def set_estate_readiness(self, organisation_id: int, checklist: str) -> None:
        """Keep the readiness answers a head office declared for its whole estate (JSON)."""
        with self._store.transaction() as connection:
            connection.execute(
                organisations.update()
                .where(organisations.c.id == organisation_id)
                .values(checklist=checklist)
            )

    def start_session(self, kind: str, account_id: int, token_hash: str, now: datetime) -> None:
        """Record a new signed-in session."""
        with self._store.transaction() as connection:
            connection.execute(
                sign_ins.insert().values(
                    token_hash=token_hash,
                    kind=kind,
                    account_id=account_id,
                    created_at=now,
                    last_seen_at=now,
                )
            )

    def session(self, token_hash: str) -> tuple[str, int, datetime] | None:
        """Return (kind, account id, last seen) of a session, or None when there is none."""
        query = sa.select(sign_ins.c.kind, sign_ins.c.account_id, sign_ins.c.last_seen_at).where(
            sign_ins.c.token_hash == token_hash
        )
        with self._store.reading() as connection:
            row = connection.execute(query).first()
        return (row.kind, row.account_id, clock.as_utc(row.last_seen_at)) if row else None

    def touch_session(self, token_hash: str, now: datetime) -> None:
        """Record that a session was used now."""
        with self._store.transaction() as connection:
            connection.execute(
                sign_ins.update()
                .where(sign_ins.c.token_hash == token_hash)
                .values(last_seen_at=now)
            )

    def end_session(self, token_hash: str) -> None:
        """Delete one session: its cookie, wherever it was copied, signs nobody in again."""
        with self._store.transaction() as connection:
            connection.execute(sign_ins.delete().where(sign_ins.c.token_hash == token_hash))

    def end_idle_sessions(self, before: datetime) -> int:
        """Delete sessions last used before a time; return how many."""
        with self._store.transaction() as connection:
            result = connection.execute(sign_ins.delete().where(sign_ins.c.last_seen_at < before))
        return result.rowcount

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


_TABLES = {"moderator": moderators, "organisation": organisations}
