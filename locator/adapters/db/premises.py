"""The premises aggregate: a premises, its audit trail, and the version that says it changed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from locator.adapters.db import bulk
from locator.adapters.db.tables import (
    IMPORT_FIELDS,
    INSERT_FIELDS,
    audit_log,
    data_version,
    is_public,
    premises,
)
from locator.domain import clock, policy
from locator.domain.premises import Located, Premises
from locator.domain.vocabulary import IMPORT_COLUMNS, PUBLIC_SCHEME, Status

_LOCATED = [premises.c[name] for name in Located._fields]
_SCHEME = INSERT_FIELDS.index("scheme")
# What a write compares an import row with, for the premises it would update.
_EXISTING = [
    premises.c.organisation,
    premises.c.ref,
    premises.c.id,
    premises.c.status,
    premises.c.demo,
    premises.c.pending_changes,
    *(premises.c[name] for name in IMPORT_FIELDS),
]
# What the open-data exports may read: the public facts, never the contact email, the readiness
# answers, the manage link's hash or edits still waiting for a moderator.
PUBLIC_FIELDS = (
    "id",
    *IMPORT_COLUMNS,
    "status",
    "area_code",
    "nation",
    "demo",
    "last_confirmed",
    "closed_from",
    "closed_until",
)
# What a search result shows: the public facts, and when the listing was made (a listing never
# confirmed goes stale a year after it was made).
SHOWN_FIELDS = (*PUBLIC_FIELDS, "created_at")


@dataclass
class WriteSummary:
    """What a write of premises rows did."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def _premises(row) -> Premises:
    return Premises(**row._mapping)


class PremisesRepository:
    """Read and change premises; every change bumps the data version and is audited."""

    def __init__(self, store):
        self._store = store

    # -- reading -----------------------------------------------------------------------------

    def located(self) -> list[Located]:
        """Return what the spatial index needs of every public premises."""
        with self._store.reading() as connection:
            return [
                Located(*row) for row in connection.execute(sa.select(*_LOCATED).where(is_public()))
            ]

    def public(self, ids: Sequence[int]) -> dict[int, Premises]:
        """Return public premises by id; ids that are not public are left out."""
        if not ids:
            return {}
        query = sa.select(premises).where(premises.c.id.in_(list(ids)), is_public())
        with self._store.reading() as connection:
            return {row.id: _premises(row) for row in connection.execute(query)}

    def public_one(self, space_id: int) -> Premises | None:
        """Return one public premises, or None."""
        return self.public([space_id]).get(space_id)

    def public_in_batches(
        self, batch_size: int, fields: Sequence[str] = PUBLIC_FIELDS
    ) -> Iterator[list[Premises]]:
        """Yield every public premises in id order, a batch at a time (keyset paging).

        Only `fields` (PUBLIC_FIELDS or SHOWN_FIELDS) are read; the others keep their defaults.
        """
        columns = [premises.c[name] for name in fields]
        last_id = None
        while True:
            query = sa.select(*columns).where(is_public()).order_by(premises.c.id).limit(batch_size)
            if last_id is not None:
                query = query.where(premises.c.id > last_id)
            # A short read per batch: a slow download never pins a pooled connection or a long
            # read transaction (which would stop SQLite checkpointing its WAL).
            with self._store.reading() as connection:
                rows = [
                    Premises(**dict(zip(fields, row, strict=True)))
                    for row in connection.execute(query)
                ]
            if not rows:
                return
            yield rows
            if len(rows) < batch_size:
                return
            last_id = rows[-1].id

    def get(self, space_id: int) -> Premises | None:
        """Return one premises whatever its status (for operators), or None."""
        rows = self._where(premises.c.id == space_id, limit=1)
        return rows[0] if rows else None

    def by_token_hash(self, token_hash: str, link: str = "manage") -> Premises | None:
        """Return the premises a private link opens (`manage` or `record`), or None."""
        rows = self._where(premises.c[f"{link}_token_hash"] == token_hash, limit=1)
        return rows[0] if rows else None

    def count(self, **values) -> int:
        """Count premises, optionally only those with these column values."""
        return self._count(*(premises.c[name] == value for name, value in values.items()))

    def moderation_queue(
        self,
        area_codes: Sequence[str],
        reported: Iterable[int],
        stale_before: date,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Premises]]:
        """Return how many wait for a moderator in these districts, and one page of them."""
        waiting = self._waiting_for_moderator(area_codes, reported, stale_before)
        return self._count(waiting), self._where(waiting, limit=limit, offset=offset)

    def ids_in_areas(self, area_codes: Sequence[str]) -> list[int]:
        """Return the ids of every premises in these districts (every premises if none)."""
        query = sa.select(premises.c.id)
        if area_codes:
            query = query.where(premises.c.area_code.in_(list(area_codes)))
        with self._store.reading() as connection:
            return list(connection.execute(query).scalars())

    def at_postcode(self, postcode: str, except_id: int) -> list[Premises]:
        """Return the other premises at a postcode."""
        return self._where(premises.c.postcode == postcode, premises.c.id != except_id)

    def estate(self, organisation_id: int) -> list[Premises]:
        """Return every premises linked to a head office."""
        return self._where(premises.c.organisation_id == organisation_id, limit=None)

    def due_for_reminder(self, due: date) -> list[Premises]:
        """Return registered listings not confirmed or reminded since `due`."""
        return self._where(premises.c.contact_email.is_not(None), _due_since(due), limit=None)

    def estates_due_for_reminder(self, due: date) -> list[Premises]:
        """Return head offices' premises not confirmed or reminded since `due`."""
        return self._where(premises.c.organisation_id.is_not(None), _due_since(due), limit=None)

    def audit_entries(self, space_id: int) -> list[dict]:
        """Return a premises' audit trail, newest first."""
        query = (
            sa.select(audit_log)
            .where(audit_log.c.premises_id == space_id)
            .order_by(audit_log.c.id.desc())
        )
        with self._store.reading() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def audit_trails(self, space_ids: Sequence[int]) -> dict[int, list[dict]]:
        """Return the audit trails of several premises at once, oldest entry first."""
        found: dict[int, list[dict]] = {space_id: [] for space_id in space_ids}
        query = (
            sa.select(audit_log)
            .where(audit_log.c.premises_id.in_(list(space_ids)))
            .order_by(audit_log.c.id)
        )
        with self._store.reading() as connection:
            for row in connection.execute(query):
                found[row.premises_id].append(dict(row._mapping))
        return found

    def pending_by_organisation(self, area_codes: Sequence[str]) -> dict[int, int]:
        """Return how many new listings wait for a moderator in these districts, by head office."""
        query = (
            sa.select(premises.c.organisation_id, sa.func.count())
            .where(
                premises.c.status == Status.PENDING,
                premises.c.organisation_id.is_not(None),
                _in_areas(area_codes),
            )
            .group_by(premises.c.organisation_id)
        )
        with self._store.reading() as connection:
            return {office: int(count) for office, count in connection.execute(query)}

    def pending_in_estate(self, organisation_id: int, area_codes: Sequence[str]) -> list[Premises]:
        """Return a head office's new listings waiting for a moderator in these districts."""
        return self._where(
            premises.c.organisation_id == organisation_id,
            premises.c.status == Status.PENDING,
            _in_areas(area_codes),
            limit=None,
        )

    # -- changing ----------------------------------------------------------------------------

    def add(self, values: dict, actor: str, action: str, detail: dict) -> int:
        """Insert one premises and its audit entry; return its id."""
        now = clock.utc_now()
        with self._store.transaction() as connection:
            result = connection.execute(
                premises.insert().values(**values, created_at=now, updated_at=now)
            )
            space_id = int(result.inserted_primary_key[0])
            self._audit(connection, space_id, actor, action, detail)
            self._bump_version(connection)
        return space_id

    def change(self, space_id: int, values: dict, actor: str, action: str, detail: dict) -> None:
        """Change one premises and record who did what, in one transaction."""
        with self._store.transaction() as connection:
            if values:
                connection.execute(
                    premises.update()
                    .where(premises.c.id == space_id)
                    .values(**values, updated_at=clock.utc_now())
                )
                self._bump_version(connection)
            self._audit(connection, space_id, actor, action, detail)

    def change_many(
        self, space_ids: Sequence[int], values: dict, actor: str, action: str, detail: dict
    ) -> None:
        """Make the same change to many premises and audit each, in one transaction."""
        if not space_ids:
            return
        now = clock.utc_now()
        entry = json.dumps(detail, sort_keys=True, default=str)
        with self._store.transaction() as connection:
            # A few hundred at a time: SQLite limits how many values one statement binds.
            for start in range(0, len(space_ids), 500):
                chunk = list(space_ids[start : start + 500])
                connection.execute(
                    premises.update()
                    .where(premises.c.id.in_(chunk))
                    .values(**values, updated_at=now)
                )
                connection.execute(
                    audit_log.insert(),
                    [
                        {
                            "premises_id": space_id,
                            "actor": actor,
                            "action": action,
                            "detail": entry,
                            "created_at": now,
                        }
                        for space_id in chunk
                    ],
                )
            self._bump_version(connection)

    def set_status(self, space_id: int, status: str) -> bool:
        """Change one premises' status; return False when there is no such premises."""
        with self._store.transaction() as connection:
            result = connection.execute(
                premises.update()
                .where(premises.c.id == space_id)
                .values(status=status, updated_at=clock.utc_now())
            )
            if result.rowcount:
                self._bump_version(connection)
        return bool(result.rowcount)

    def delete_demo(self) -> int:
        """Delete every demo premises; return how many went."""
        with self._store.transaction() as connection:
            result = connection.execute(premises.delete().where(premises.c.demo.is_(True)))
            if result.rowcount:
                self._bump_version(connection)
        return result.rowcount

    def write_rows(
        self,
        rows: Iterable[dict],
        *,
        publish: bool = False,
        demo: bool = False,
        confirmed: date | None = None,
        review: bool = False,
        organisation_id: int | None = None,
    ) -> WriteSummary:
        """Insert or update premises keyed by (organisation, ref), all in one transaction.

        With `review`, changes to a published listing's public fields wait for a moderator
        (in pending_changes) and only new opening hours apply at once. `organisation_id` links
        every row to the head office that uploaded them.
        """
        rows = list(rows)
        if not rows:
            return WriteSummary()
        return self.write_batches(
            [bulk.tuples(rows, INSERT_FIELDS)],
            publish=publish,
            demo=demo,
            confirmed=confirmed,
            review=review,
            organisation_id=organisation_id,
        )

    def write_batches(
        self,
        batches: Iterable[list[tuple]],
        *,
        publish: bool = False,
        demo: bool = False,
        confirmed: date | None = None,
        review: bool = False,
        organisation_id: int | None = None,
    ) -> WriteSummary:
        """Write rows as write_rows does, a batch at a time, all in one transaction.

        A row is a tuple of its INSERT_FIELDS. The batches may be made as they are written (a
        file read and checked a chunk at a time), so only one is held at once; no
        (organisation, ref) may be in two of them.
        """
        summary = WriteSummary()
        now = clock.utc_now()
        options = {
            "publish": publish,
            "demo": demo,
            "confirmed": confirmed,
            "review": review,
            "organisation_id": organisation_id,
        }
        with self._store.transaction() as connection:
            # Whether each organisation had premises before this write: the rows of one that
            # had none are all new, and a first import looks nothing up.
            known: dict[str, bool] = {}
            for rows in batches:
                if rows:
                    self._write_batch(connection, rows, known, summary, now, **options)
            if summary.inserted or summary.updated:
                self._bump_version(connection)
        return summary

    def _write_batch(
        self,
        connection,
        rows: list[tuple],
        known: dict[str, bool],
        summary: WriteSummary,
        now,
        *,
        publish: bool,
        demo: bool,
        confirmed: date | None,
        review: bool,
        organisation_id: int | None,
    ) -> None:
        """Insert a batch's new rows and update its changed ones; count them in `summary`."""
        unknown = sorted({row[0] for row in rows}.difference(known))
        if unknown:
            present = self._organisations_present(connection, unknown)
            if present and not any(known.values()):
                _fresh_statistics(connection)
            known.update((name, name in present) for name in unknown)
        existing = self._existing(connection, [row[:2] for row in rows if known[row[0]]])
        inserts, updates = ([], []) if existing else (rows, [])
        for row in rows if existing else ():
            found = existing.get(row[:2])
            if found is None:
                inserts.append(row)
                continue
            status = Status.PUBLISHED if publish and row[_SCHEME] == PUBLIC_SCHEME else None
            values = _updated(found, row, status, demo, review)
            if values is None:
                summary.unchanged += 1
                continue
            values["updated_at"] = now
            if organisation_id is not None:
                values["organisation_id"] = organisation_id
            updates.append(values)
        if inserts:
            # A new row's status depends only on its scheme.
            published = (Status.PUBLISHED if publish else Status.PENDING,)
            statuses = {PUBLIC_SCHEME: published}
            pending = (Status.PENDING,)
            values = [row + statuses.get(row[_SCHEME], pending) for row in inserts]
            same = {"demo": demo, "last_confirmed": confirmed, "organisation_id": organisation_id}
            if bulk.can_copy(connection):
                # The time now() would stamp: the transaction's start, the same for every row.
                stamp = connection.execute(sa.select(sa.func.now())).scalar()
                same.update(created_at=stamp, updated_at=stamp)
                bulk.copy_rows(connection, premises, (*INSERT_FIELDS, "status"), values, same)
            else:
                # The database stamps the times: binding a datetime per row costs a third
                # of a large import.
                stamped = premises.insert().values(
                    created_at=sa.func.now(), updated_at=sa.func.now()
                )
                bulk.execute_many(connection, stamped, (*INSERT_FIELDS, "status"), values, same)
        if updates:
            statement = (
                premises.update()
                .where(premises.c.id == sa.bindparam("b_id"))
                .values({name: sa.bindparam(name) for name in updates[0] if name != "b_id"})
            )
            connection.execute(statement, updates)
        summary.inserted += len(inserts)
        summary.updated += len(updates)

    # -- inside ------------------------------------------------------------------------------

    def _where(self, *conditions, limit: int | None = 500, offset: int = 0) -> list[Premises]:
        """Return premises matching SQL conditions, oldest change first."""
        query = (
            sa.select(premises)
            .where(*conditions)
            .order_by(premises.c.updated_at, premises.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self._store.reading() as connection:
            return [_premises(row) for row in connection.execute(query)]

    def _count(self, *conditions) -> int:
        query = sa.select(sa.func.count()).select_from(premises).where(*conditions)
        with self._store.reading() as connection:
            return int(connection.execute(query).scalar() or 0)

    def _waiting_for_moderator(
        self, area_codes: Sequence[str], reported: Iterable[int], stale_before: date
    ) -> sa.ColumnElement[bool]:
        """Return the condition for what waits for a moderator in these districts (all if none).

        New registrations, changes waiting, public reports, and published listings their
        business has not confirmed since `stale_before`.
        """
        scope = premises.c.area_code.in_(list(area_codes)) if area_codes else sa.true()
        return sa.and_(
            scope,
            sa.or_(
                premises.c.status == Status.PENDING,
                premises.c.pending_changes.is_not(None),
                premises.c.id.in_(list(reported) or [-1]),
                sa.and_(
                    premises.c.status == Status.PUBLISHED,
                    premises.c.demo.is_(False),
                    sa.or_(
                        premises.c.last_confirmed.is_(None),
                        premises.c.last_confirmed < stale_before,
                    ),
                ),
            ),
        )

    def _organisations_present(self, connection, organisations: list[str]) -> set[str]:
        """Return which of these organisations have premises."""
        present = set()
        for start in range(0, len(organisations), 500):
            chunk = organisations[start : start + 500]
            query = sa.select(premises.c.organisation).where(premises.c.organisation.in_(chunk))
            present.update(connection.execute(query.distinct()).scalars())
        return present

    def _existing(self, connection, keys: list[tuple]) -> dict[tuple[str, str], tuple]:
        """Return (id, status, demo, pending_changes, *import fields) by (organisation, ref)
        for the premises with these keys."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        if connection.dialect.name == "sqlite":
            records = _sqlite_records(connection, keys)
        elif connection.dialect.name == "postgresql":
            # One query for them all: two arrays, paired row by row, joined on the key.
            organisations, refs = (list(column) for column in zip(*keys, strict=True))
            pairs = (
                sa.func.unnest(
                    sa.bindparam("organisations", organisations, type_=postgresql.ARRAY(sa.String)),
                    sa.bindparam("refs", refs, type_=postgresql.ARRAY(sa.String)),
                )
                .table_valued("organisation", "ref")
                .render_derived(name="wanted")
            )
            on = (premises.c.organisation == pairs.c.organisation) & (premises.c.ref == pairs.c.ref)
            records = connection.execute(sa.select(*_EXISTING).join(pairs, on))
        else:
            records = connection.execute(
                sa.select(*_EXISTING).where(
                    sa.tuple_(premises.c.organisation, premises.c.ref).in_(keys)
                )
            )
        wanted = set(keys)
        existing = {}
        for record in records:
            if (record[0], record[1]) in wanted:
                existing[(record[0], record[1])] = tuple(record[2:])
        return existing

    def _audit(self, connection, space_id: int | None, actor: str, action: str, detail) -> None:
        connection.execute(
            audit_log.insert().values(
                premises_id=space_id,
                actor=actor,
                action=action,
                detail=json.dumps(detail, sort_keys=True, default=str),
                created_at=clock.utc_now(),
            )
        )

    def _bump_version(self, connection) -> None:
        self._store.local_changes += 1
        connection.execute(
            data_version.update()
            .where(data_version.c.id == 1)
            .values(version=data_version.c.version + 1)
        )


def _in_areas(area_codes: Sequence[str]) -> sa.ColumnElement[bool]:
    """Return the condition for premises in these districts (every premises if none)."""
    return premises.c.area_code.in_(list(area_codes)) if area_codes else sa.true()


def _due_since(due: date) -> sa.ColumnElement[bool]:
    """Return the condition for a listing in use, not confirmed or reminded since `due`."""
    # A listing never confirmed (a head office's upload) counts from the day it was made, as
    # it does when it goes stale: a store uploaded yesterday is not yet due a check.
    made_by = datetime.combine(due + timedelta(days=1), time(), tzinfo=UTC)
    return sa.and_(
        premises.c.status.in_([Status.PUBLISHED, Status.PENDING]),
        sa.or_(
            premises.c.last_confirmed <= due,
            premises.c.last_confirmed.is_(None) & (premises.c.created_at < made_by),
        ),
        sa.or_(premises.c.reminded_on.is_(None), premises.c.reminded_on <= due),
    )


def _updated(found: tuple, row: tuple, status: str | None, demo: bool, review: bool) -> dict | None:
    """Return the update for an existing premises from an import row (its INSERT_FIELDS), or
    None when unchanged."""
    # Most rows of a file imported again are unchanged: tell so before building anything.
    if found[4:] == row[2:] and (status or found[1]) == found[1] and found[2] == demo:
        return None
    values = dict(zip(IMPORT_FIELDS, row[2:], strict=True))
    record_id, old_status, _, old_waiting, *old_values = found
    new_status = status or old_status
    waiting = old_waiting
    if review:
        old = dict(zip(IMPORT_FIELDS, old_values, strict=True))
        changed = {name: values[name] for name in IMPORT_FIELDS if values[name] != old[name]}
        at_once, held = policy.split_changes(old_status, changed)
        if held:
            values = {**old, **at_once}
            merged = {**json.loads(old_waiting or "{}"), **held}
            waiting = json.dumps(merged, sort_keys=True, default=str)
    values.update(b_id=record_id, status=new_status, demo=demo, pending_changes=waiting)
    return values


def _sqlite_records(connection, keys: list[tuple]) -> list[tuple]:
    """Return the _EXISTING columns of the premises with these keys, from SQLite.

    Each query asks for every pairing of the names and refs of as many keys as SQLite takes
    values (the caller drops the pairings it did not ask for), through the driver's own
    cursor: a re-import reads every row back, and SQLAlchemy's handling of each row and each
    bound value cost more than SQLite's lookups.
    """
    driver = connection.connection.dbapi_connection
    # The smallest limit any SQLite release has had is 999; newer ones take 32,766.
    most = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 2
    names = ", ".join(column.name for column in _EXISTING)
    records = []
    cursor = driver.cursor()
    try:
        for start in range(0, len(keys), most):
            organisations = sorted({name for name, _ in keys[start : start + most]})
            refs = sorted({ref for _, ref in keys[start : start + most]})
            cursor.execute(  # names from our own table; every value is bound
                f"SELECT {names} FROM {premises.name} "  # noqa: S608
                f"WHERE organisation IN ({', '.join('?' * len(organisations))}) "
                f"AND ref IN ({', '.join('?' * len(refs))})",
                [*organisations, *refs],
            )
            records += cursor.fetchall()
    finally:
        cursor.close()
    return records


def _fresh_statistics(connection) -> None:
    """On PostgreSQL, have the premises table's statistics brought up to date if they are stale.

    Straight after a large import the planner knows nothing of the new rows, and looks a
    chunk's refs up by reading every premises of the organisation (60 ms a chunk instead of
    3 ms). ANALYZE reads a sample of fixed size: a fraction of a second.
    """
    if connection.dialect.name != "postgresql":
        return
    stale = connection.execute(
        sa.text(
            "SELECT n_mod_since_analyze > n_live_tup / 10 FROM pg_stat_user_tables "
            "WHERE relid = CAST(:table AS regclass)"
        ),
        {"table": premises.name},
    ).scalar()
    if not stale:
        return
    try:
        with connection.begin_nested():
            connection.execute(sa.text(f"ANALYZE {premises.name}"))
    except sa.exc.DBAPIError:
        pass  # not the table's owner: the lookups are slower, not wrong
