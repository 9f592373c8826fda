"""Places operators loaded from newer official files, kept for every machine to read."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from locator.adapters.db.bulk import bulk_execute
from locator.adapters.db.tables import loaded_places, loaded_sources
from locator.domain import clock
from locator.geo.loading import LoadedPlace

# A name shared by this many places ("High Street") is ranked among these at most.
MAX_NAMED = 5000
_PLACE_COLUMNS = [loaded_places.c[name] for name in LoadedPlace._fields]


@dataclass(frozen=True, slots=True)
class LoadedSource:
    """One source an operator loaded: what file, in what format, when, and how many places."""

    source: str
    format: str
    file_name: str
    entries: int
    loaded_at: datetime


class PlacesRepository:
    """Replace, clear and look up loaded places; `changes` counts this process's own writes."""

    def __init__(self, store):
        self._store = store
        self.changes = 0

    def replace(
        self, source: str, fmt: str, file_name: str, batches: Iterable[list[LoadedPlace]]
    ) -> int:
        """Put a source's places in place of its earlier ones, all or nothing; return how many.

        The batches are written as they come, inside one transaction: an error raised while
        they are read leaves the earlier places as they were.
        """
        written = 0
        try:
            with self._store.transaction() as connection:
                connection.execute(loaded_places.delete().where(loaded_places.c.source == source))
                connection.execute(loaded_sources.delete().where(loaded_sources.c.source == source))
                insert = loaded_places.insert()
                for batch in batches:
                    if batch:
                        rows = [{"source": source, **place._asdict()} for place in batch]
                        bulk_execute(connection, insert, rows)
                        written += len(batch)
                connection.execute(
                    loaded_sources.insert().values(
                        source=source,
                        format=fmt,
                        file_name=file_name[:300],
                        entries=written,
                        loaded_at=clock.utc_now(),
                    )
                )
        finally:
            self.changes += 1
        return written

    def clear(self, source: str | None = None) -> int:
        """Delete the places of one source, or of every source; return how many went."""
        with self._store.transaction() as connection:
            places, sources = loaded_places.delete(), loaded_sources.delete()
            if source is not None:
                places = places.where(loaded_places.c.source == source)
                sources = sources.where(loaded_sources.c.source == source)
            removed = connection.execute(places).rowcount
            connection.execute(sources)
        self.changes += 1
        return removed

    def sources(self) -> list[LoadedSource]:
        """Return every source loaded, by name."""
        query = sa.select(loaded_sources).order_by(loaded_sources.c.source)
        with self._store.reading() as connection:
            return [LoadedSource(**row._mapping) for row in connection.execute(query)]

    def any(self) -> bool:
        """Return True when any place is loaded (False before the table exists)."""
        query = sa.select(loaded_places.c.id).limit(1)
        try:
            with self._store.reading() as connection:
                return connection.execute(query).first() is not None
        except (sa.exc.OperationalError, sa.exc.ProgrammingError):
            return False  # not migrated yet: nothing can have been loaded

    def postcode(self, key: str) -> tuple[float, float] | None:
        """Return (lat, lon) of a full postcode written without spaces, the latest load's."""
        query = (
            sa.select(loaded_places.c.lat, loaded_places.c.lon)
            .where(loaded_places.c.kind == "postcode", loaded_places.c.key == key)
            .order_by(loaded_places.c.id.desc())
            .limit(1)
        )
        with self._store.reading() as connection:
            row = connection.execute(query).first()
        return (row.lat, row.lon) if row else None

    def named(
        self, keys: Collection[str], within: tuple[float, float, float, float] | None = None
    ) -> list[LoadedPlace]:
        """Return the places loaded under any of these name keys, inside a box when given.

        within: (south, west, north, east) in degrees.
        """
        if not keys:
            return []
        query = (
            sa.select(*_PLACE_COLUMNS)
            .where(loaded_places.c.kind == "name", loaded_places.c.key.in_(list(keys)))
            .order_by(loaded_places.c.id)
            .limit(MAX_NAMED)
        )
        if within is not None:
            south, west, north, east = within
            query = query.where(
                loaded_places.c.lat.between(south, north), loaded_places.c.lon.between(west, east)
            )
        with self._store.reading() as connection:
            return [LoadedPlace(*row) for row in connection.execute(query)]
