"""The trained-staff record: who at a premises was trained (initials or a role) and when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from locator.adapters.db.tables import training_records
from locator.domain import clock


class TrainingRepository:
    """One row per member of staff trained at a premises."""

    def __init__(self, store):
        self._store = store

    def add(self, space_id: int, who: str, trained_on: date) -> None:
        """Record that someone at a premises was trained on a day."""
        with self._store.transaction() as connection:
            connection.execute(
                training_records.insert().values(
                    premises_id=space_id,
                    who=who,
                    trained_on=trained_on,
                    created_at=clock.utc_now(),
                )
            )

    def entries(self, space_ids: Sequence[int]) -> list[dict]:
        """Return the entries of some premises, most recently trained first."""
        if not space_ids:
            return []
        query = (
            sa.select(training_records)
            .where(training_records.c.premises_id.in_(list(space_ids)))
            .order_by(training_records.c.trained_on.desc(), training_records.c.id.desc())
        )
        with self._store.reading() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def remove(self, space_id: int, entry_id: int) -> bool:
        """Delete one entry of one premises; return False when it is not that premises'."""
        query = training_records.delete().where(
            training_records.c.id == entry_id, training_records.c.premises_id == space_id
        )
        with self._store.transaction() as connection:
            return connection.execute(query).rowcount == 1
