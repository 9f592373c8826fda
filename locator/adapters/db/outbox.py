"""The outbox: mail written with the change it tells of, delivered after the commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from locator.adapters.db.tables import outbox
from locator.domain import clock

# A deliverer that took a message and has not finished in this long is taken to have died.
CLAIM_EXPIRES = timedelta(minutes=5)
# After this many failed attempts a message waits for an operator (`flask outbox`).
MAX_ATTEMPTS = 8


@dataclass(frozen=True, slots=True)
class Letter:
    """One message waiting to go."""

    id: int
    recipient: str
    subject: str
    body: str
    attempts: int


class OutboxRepository:
    """Queue, claim and settle outgoing mail."""

    def __init__(self, store):
        self._store = store

    def add(self, recipient: str, subject: str, body: str) -> int:
        """Queue a message, inside the caller's transaction when one is open; return its id."""
        with self._store.transaction() as connection:
            result = connection.execute(
                outbox.insert().values(
                    recipient=recipient,
                    subject=subject[:200],
                    body=body,
                    created_at=clock.utc_now(),
                    attempts=0,
                )
            )
        return int(result.inserted_primary_key[0])

    def claim(self, limit: int, now: datetime | None = None) -> list[Letter]:
        """Take up to `limit` unsent messages for delivery; another deliverer skips them."""
        now = now or clock.utc_now()
        stale = now - CLAIM_EXPIRES
        free = sa.and_(
            outbox.c.sent_at.is_(None),
            outbox.c.attempts < MAX_ATTEMPTS,
            sa.or_(outbox.c.claimed_at.is_(None), outbox.c.claimed_at < stale),
        )
        query = sa.select(outbox).where(free).order_by(outbox.c.id).limit(limit)
        taken = []
        with self._store.transaction() as connection:
            for row in connection.execute(query).all():
                # The condition again in the update: only one deliverer wins each message.
                won = connection.execute(
                    outbox.update().where(outbox.c.id == row.id, free).values(claimed_at=now)
                ).rowcount
                if won:
                    taken.append(Letter(row.id, row.recipient, row.subject, row.body, row.attempts))
        return taken

    def sent(self, letter_id: int) -> None:
        """Mark a message delivered and drop its body."""
        with self._store.transaction() as connection:
            connection.execute(
                outbox.update()
                .where(outbox.c.id == letter_id)
                .values(sent_at=clock.utc_now(), body="", claimed_at=None, last_error=None)
            )

    def delivered(self, letter_id: int) -> bool:
        """Return True once a message has been sent."""
        query = sa.select(outbox.c.sent_at.is_not(None)).where(outbox.c.id == letter_id)
        with self._store.reading() as connection:
            return bool(connection.execute(query).scalar())

    def failed(self, letter_id: int, error: str) -> None:
        """Release a message for a later attempt, saying what went wrong."""
        with self._store.transaction() as connection:
            connection.execute(
                outbox.update()
                .where(outbox.c.id == letter_id)
                .values(attempts=outbox.c.attempts + 1, claimed_at=None, last_error=error[:500])
            )

    def waiting(self) -> dict[str, int]:
        """Return how many messages wait to be sent, and how many have given up."""
        query = sa.select(
            sa.func.count().filter(outbox.c.attempts < MAX_ATTEMPTS),
            sa.func.count().filter(outbox.c.attempts >= MAX_ATTEMPTS),
        ).where(outbox.c.sent_at.is_(None))
        with self._store.reading() as connection:
            waiting, stuck = connection.execute(query).one()
        return {"waiting": int(waiting), "given_up": int(stuck)}

    def retry_given_up(self) -> int:
        """Give every message that ran out of attempts a fresh set; return how many."""
        with self._store.transaction() as connection:
            return connection.execute(
                outbox.update()
                .where(outbox.c.sent_at.is_(None), outbox.c.attempts >= MAX_ATTEMPTS)
                .values(attempts=0)
            ).rowcount

    def purge_sent(self, before: datetime) -> int:
        """Delete the record of messages sent before a time; return how many went."""
        with self._store.transaction() as connection:
            return connection.execute(
                outbox.delete().where(outbox.c.sent_at.is_not(None), outbox.c.sent_at < before)
            ).rowcount
