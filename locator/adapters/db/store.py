"""The database: tables, migrations and the queries the services need (no Flask here)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from locator.adapters.db.tables import (
    IMPORT_FIELDS,
    INSERT_FIELDS,
    audit_log,
    data_version,
    is_public,
    moderators,
    organisations,
    premises,
    referral_contacts,
    reports,
    uses,
)
from locator.domain import clock, policy
from locator.domain.vocabulary import PUBLIC_SCHEME, Status

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return clock.utc_now()


@dataclass
class WriteSummary:
    """What a write of premises rows did."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


class Store:
    """Access to the premises database."""

    def __init__(self, url: str):
        self.url = url
        parsed = make_url(url)
        options: dict = {"future": True}
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            options["pool_pre_ping"] = True
        try:
            self.engine: Engine = sa.create_engine(url, **options)
        except ImportError as exc:
            # PostgreSQL's driver is an extra: say how to install it, not a traceback.
            raise RuntimeError(
                f"DATABASE_URL {parsed.drivername}:// needs a database driver that is not "
                "installed; for PostgreSQL: pip install 'safe-spaces-locator[postgres]'"
            ) from exc
        if parsed.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def migrate(self, revision: str = "head") -> None:
        """Create or upgrade the schema to a migration (the newest by default); safe twice."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def ping(self) -> bool:
        """Return True when the database answers a trivial query."""
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.SQLAlchemyError:
            return False

    def data_version(self) -> int:
        """Return the counter that changes whenever premises change."""
        with self.engine.connect() as connection:
            value = connection.execute(
                sa.select(data_version.c.version).where(data_version.c.id == 1)
            ).scalar()
        return int(value or 0)

    def bump_version(self, connection) -> None:
        """Mark premises as changed, inside the caller's transaction."""
        connection.execute(
            data_version.update()
            .where(data_version.c.id == 1)
            .values(version=data_version.c.version + 1)
        )

    def index_rows(self) -> list[tuple]:
        """Return the columns the spatial index needs, for public premises only."""
        query = sa.select(
            premises.c.id,
            premises.c.lat,
            premises.c.lon,
            premises.c.facilities,
            premises.c.opening_hours,
            premises.c.nation,
            premises.c.area_code,
            premises.c.closed_until,
        ).where(is_public())
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(query)]

    def public_spaces(self, ids: Sequence[int]) -> dict[int, dict]:
        """Return public premises rows by id; ids that are not public are left out."""
        if not ids:
            return {}
        query = sa.select(premises).where(premises.c.id.in_(list(ids)), is_public())
        with self.engine.connect() as connection:
            return {row.id: dict(row._mapping) for row in connection.execute(query)}

    def public_space(self, space_id: int) -> dict | None:
        """Return one public premises row, or None."""
        return self.public_spaces([space_id]).get(space_id)

    def space(self, space_id: int) -> dict | None:
        """Return one premises row whatever its status (for operators), or None."""
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(premises).where(premises.c.id == space_id)).first()
        return dict(row._mapping) if row else None

    def count(self, **filters) -> int:
        """Count premises, optionally filtered by column values."""
        query = sa.select(sa.func.count()).select_from(premises)
        for column, value in filters.items():
            query = query.where(premises.c[column] == value)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def write_premises(  # noqa: C901 - one transaction: insert, update or hold each row
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
        summary = WriteSummary()
        if not rows:
            return summary
        now = utcnow()
        organisations = sorted({row["organisation"] for row in rows})
        key_columns = [premises.c.organisation, premises.c.ref, premises.c.id, premises.c.status]
        compare_columns = [premises.c[name] for name in IMPORT_FIELDS]
        with self.engine.begin() as connection:
            existing: dict[tuple[str, str], tuple] = {}
            for start in range(0, len(organisations), 500):
                chunk = organisations[start : start + 500]
                result = connection.execute(
                    sa.select(
                        *key_columns, premises.c.demo, premises.c.pending_changes, *compare_columns
                    ).where(premises.c.organisation.in_(chunk))
                )
                for record in result:
                    existing[(record[0], record[1])] = tuple(record[2:])
            inserts, updates = [], []
            for row in rows:
                status = Status.PUBLISHED if publish and row["scheme"] == PUBLIC_SCHEME else None
                found = existing.get((row["organisation"], row["ref"]))
                if found is None:
                    values = {name: row.get(name) for name in INSERT_FIELDS}
                    values["status"] = status or Status.PENDING
                    values["demo"] = demo
                    values["last_confirmed"] = confirmed
                    values["organisation_id"] = organisation_id
                    inserts.append(values)
                    continue
                values = {name: row.get(name) for name in IMPORT_FIELDS}
                record_id, old_status, old_demo, old_waiting, *old_values = found
                new_status = status or old_status
                if (
                    tuple(old_values) == tuple(values[name] for name in IMPORT_FIELDS)
                    and new_status == old_status
                    and old_demo == demo
                ):
                    summary.unchanged += 1
                    continue
                waiting = old_waiting
                if review:
                    old = dict(zip(IMPORT_FIELDS, old_values, strict=True))
                    changed = {
                        name: values[name] for name in IMPORT_FIELDS if values[name] != old[name]
                    }
                    at_once, held = policy.split_changes(old_status, changed)
                    values = {**old, **at_once} if held else values
                    if held:
                        merged = {**json.loads(old_waiting or "{}"), **held}
                        waiting = json.dumps(merged, sort_keys=True, default=str)
                values.update(
                    b_id=record_id,
                    status=new_status,
                    demo=demo,
                    updated_at=now,
                    pending_changes=waiting,
                )
                if organisation_id is not None:
                    values["organisation_id"] = organisation_id
                updates.append(values)
            if inserts:
                # The database stamps the times: binding a datetime per row costs a third
                # of a large import.
                stamped = premises.insert().values(
                    created_at=sa.func.now(), updated_at=sa.func.now()
                )
                _bulk_execute(connection, stamped, inserts)
            if updates:
                statement = (
                    premises.update()
                    .where(premises.c.id == sa.bindparam("b_id"))
                    .values({name: sa.bindparam(name) for name in updates[0] if name != "b_id"})
                )
                connection.execute(statement, updates)
            summary.inserted, summary.updated = len(inserts), len(updates)
            if inserts or updates:
                self.bump_version(connection)
        return summary

    def set_status(self, space_id: int, status: str) -> bool:
        """Change one premises' status; return False when there is no such premises."""
        with self.engine.begin() as connection:
            result = connection.execute(
                premises.update()
                .where(premises.c.id == space_id)
                .values(status=status, updated_at=utcnow())
            )
            if result.rowcount:
                self.bump_version(connection)
        return bool(result.rowcount)

    def delete_demo(self) -> int:
        """Delete every demo premises; return how many went."""
        with self.engine.begin() as connection:
            result = connection.execute(premises.delete().where(premises.c.demo.is_(True)))
            if result.rowcount:
                self.bump_version(connection)
        return result.rowcount

    def add_report(self, space_id: int, reason: str) -> bool:
        """Record a problem report for a public premises; return False when it is not public."""
        with self.engine.begin() as connection:
            public = connection.execute(
                sa.select(premises.c.id).where(premises.c.id == space_id, is_public())
            ).first()
            if public is None:
                return False
            connection.execute(
                reports.insert().values(premises_id=space_id, reason=reason, created_at=utcnow())
            )
        return True

    def report_counts(self, space_id: int) -> dict[str, int]:
        """Return open problem reports for a premises by reason."""
        query = (
            sa.select(reports.c.reason, sa.func.count())
            .where(reports.c.premises_id == space_id, reports.c.resolved_at.is_(None))
            .group_by(reports.c.reason)
        )
        with self.engine.connect() as connection:
            return {reason: int(count) for reason, count in connection.execute(query)}

    # -- registrations, manage links and moderation --------------------------------------

    def insert_premises(self, values: dict, actor: str, action: str, detail: dict) -> int:
        """Insert one premises and its audit entry; return its id."""
        now = utcnow()
        with self.engine.begin() as connection:
            result = connection.execute(
                premises.insert().values(**values, created_at=now, updated_at=now)
            )
            space_id = int(result.inserted_primary_key[0])
            self._audit(connection, space_id, actor, action, detail)
            self.bump_version(connection)
        return space_id

    def update_premises(
        self, space_id: int, values: dict, actor: str, action: str, detail: dict
    ) -> None:
        """Change one premises and record who did what, in one transaction."""
        with self.engine.begin() as connection:
            connection.execute(
                premises.update()
                .where(premises.c.id == space_id)
                .values(**values, updated_at=utcnow())
            )
            self._audit(connection, space_id, actor, action, detail)
            self.bump_version(connection)

    def by_token_hash(self, token_hash: str) -> dict | None:
        """Return the premises a manage link opens, or None."""
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(premises).where(premises.c.manage_token_hash == token_hash)
            ).first()
        return dict(row._mapping) if row else None

    def premises_where(self, *conditions, limit: int = 500, offset: int = 0) -> list[dict]:
        """Return premises matching SQL conditions, oldest change first."""
        query = (
            sa.select(premises)
            .where(*conditions)
            .order_by(premises.c.updated_at, premises.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(query)]

    def _moderation_waiting(
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

    def moderation_queue(
        self,
        area_codes: Sequence[str],
        reported: Iterable[int],
        stale_before: date,
        limit: int,
        offset: int,
    ) -> tuple[int, list[dict]]:
        """Return how many wait for a moderator in these districts, and one page of them."""
        waiting = self._moderation_waiting(area_codes, reported, stale_before)
        return self.count_where(waiting), self.premises_where(waiting, limit=limit, offset=offset)

    def ids_in_areas(self, area_codes: Sequence[str]) -> list[int]:
        """Return the ids of every premises in these districts (every premises if none)."""
        query = sa.select(premises.c.id)
        if area_codes:
            query = query.where(premises.c.area_code.in_(list(area_codes)))
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def at_postcode(self, postcode: str, except_id: int) -> list[dict]:
        """Return the other premises at a postcode."""
        return self.premises_where(premises.c.postcode == postcode, premises.c.id != except_id)

    def estate(self, organisation_id: int) -> list[dict]:
        """Return every premises linked to a head office."""
        return self.premises_where(premises.c.organisation_id == organisation_id, limit=100_000)

    def due_for_reminder(self, due: date) -> list[dict]:
        """Return registered listings not confirmed or reminded since `due`."""
        return self.premises_where(
            premises.c.contact_email.is_not(None),
            premises.c.status.in_([Status.PUBLISHED, Status.PENDING]),
            sa.or_(premises.c.last_confirmed.is_(None), premises.c.last_confirmed <= due),
            sa.or_(premises.c.reminded_on.is_(None), premises.c.reminded_on <= due),
            limit=100_000,
        )

    def count_where(self, *conditions) -> int:
        """Count premises matching SQL conditions."""
        query = sa.select(sa.func.count()).select_from(premises).where(*conditions)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def open_reports(self) -> dict[int, dict[str, int]]:
        """Return unresolved problem reports by premises and reason."""
        query = (
            sa.select(reports.c.premises_id, reports.c.reason, sa.func.count())
            .where(reports.c.resolved_at.is_(None))
            .group_by(reports.c.premises_id, reports.c.reason)
        )
        counts: dict[int, dict[str, int]] = {}
        with self.engine.connect() as connection:
            for space_id, reason, count in connection.execute(query):
                counts.setdefault(space_id, {})[reason] = int(count)
        return counts

    def resolve_reports(self, connection, space_id: int) -> None:
        """Mark a premises' reports dealt with, inside the caller's transaction."""
        connection.execute(
            reports.update()
            .where(reports.c.premises_id == space_id, reports.c.resolved_at.is_(None))
            .values(resolved_at=utcnow())
        )

    def add_organisation(self, name: str, email: str, password_hash: str) -> int:
        """Create a head-office account; return its id."""
        return self._add_account(organisations, name=name, email=email, password_hash=password_hash)

    def add_moderator(self, email: str, name: str, password_hash: str, area_codes: str) -> int:
        """Create a moderator account; return its id."""
        return self._add_account(
            moderators, email=email, name=name, password_hash=password_hash, area_codes=area_codes
        )

    def organisation(self, *, email: str | None = None, organisation_id: int | None = None):
        """Return a head-office account by email or id, or None."""
        return self._account(organisations, email, organisation_id)

    def moderator(self, *, email: str | None = None, moderator_id: int | None = None):
        """Return a moderator by email or id, or None."""
        return self._account(moderators, email, moderator_id)

    def _add_account(self, table: sa.Table, **values) -> int:
        with self.engine.begin() as connection:
            result = connection.execute(
                table.insert().values(**values, active=True, created_at=utcnow())
            )
        return int(result.inserted_primary_key[0])

    def _account(self, table: sa.Table, email: str | None, account_id: int | None):
        column, value = (table.c.email, email) if email is not None else (table.c.id, account_id)
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(table).where(column == value)).first()
        return dict(row._mapping) if row else None

    def add_use(self, space_id: int, values: dict) -> None:
        """Record one use of a safe space."""
        with self.engine.begin() as connection:
            connection.execute(
                uses.insert().values(premises_id=space_id, created_at=utcnow(), **values)
            )

    def use_counts(self, space_ids: Sequence[int], since: date) -> list[tuple]:
        """Return (month 'YYYY-MM', need, outcome, count) for uses of these premises."""
        if not space_ids:
            return []
        query = sa.select(uses.c.occurred_on, uses.c.need, uses.c.outcome).where(
            uses.c.premises_id.in_(list(space_ids)), uses.c.occurred_on >= since
        )
        counts: dict[tuple, int] = {}
        with self.engine.connect() as connection:
            for day, need, outcome in connection.execute(query):
                key = (f"{day:%Y-%m}", need, outcome)
                counts[key] = counts.get(key, 0) + 1
        return [(*key, n) for key, n in sorted(counts.items())]

    def recent_uses(self, space_id: int, limit: int = 20) -> list[dict]:
        """Return the latest uses of one premises, newest first."""
        query = (
            sa.select(uses)
            .where(uses.c.premises_id == space_id)
            .order_by(uses.c.occurred_on.desc(), uses.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(query)]

    def purge_uses(self, before: date) -> int:
        """Delete uses that happened before a date; return how many went."""
        with self.engine.begin() as connection:
            return connection.execute(uses.delete().where(uses.c.occurred_on < before)).rowcount

    def audit_entries(self, space_id: int) -> list[dict]:
        """Return a premises' audit trail, newest first."""
        query = (
            sa.select(audit_log)
            .where(audit_log.c.premises_id == space_id)
            .order_by(audit_log.c.id.desc())
        )
        with self.engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(query)]

    def _audit(self, connection, space_id: int | None, actor: str, action: str, detail) -> None:
        connection.execute(
            audit_log.insert().values(
                premises_id=space_id,
                actor=actor,
                action=action,
                detail=json.dumps(detail, sort_keys=True, default=str),
                created_at=utcnow(),
            )
        )

    def replace_referral_contacts(self, rows: Sequence[dict]) -> None:
        """Replace the whole contact list of every area the rows name, in one transaction."""
        if not rows:
            return
        codes = sorted({row["area_code"] for row in rows})
        now = utcnow()
        values = [
            {
                "area_code": row["area_code"],
                "name": row["name"],
                "phone": row["phone"],
                "website": row.get("website"),
                "topics": ";".join(row["topics"]),
                "hours": row.get("hours") or "",
                "updated_at": now,
            }
            for row in rows
        ]
        with self.engine.begin() as connection:
            connection.execute(
                referral_contacts.delete().where(referral_contacts.c.area_code.in_(codes))
            )
            connection.execute(referral_contacts.insert(), values)

    def referral_contacts(self, area_code: str, topics: Iterable[str]) -> list[dict]:
        """Return an area's contacts serving any of the topics, by name, with topics as a list."""
        wanted = sorted(set(topics))
        if not wanted:
            return []
        # Padding with the separator makes ";police;" match the whole code, never a part.
        padded = sa.literal(";") + referral_contacts.c.topics + sa.literal(";")
        query = (
            sa.select(referral_contacts)
            .where(
                referral_contacts.c.area_code == area_code,
                sa.or_(*(padded.contains(f";{code};", autoescape=True) for code in wanted)),
            )
            .order_by(referral_contacts.c.id)
        )
        with self.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
        for row in rows:
            row["topics"] = [code for code in row["topics"].split(";") if code]
        # Sorted here: PostgreSQL's collation and SQLite's byte order disagree on names.
        rows.sort(key=lambda row: (row["name"].casefold(), row["id"]))
        return rows

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def _bulk_execute(connection, statement, rows: list[dict]) -> None:
    """Run one statement for many rows of plain values (str, float, int, bool, None, date).

    SQLAlchemy's per-row parameter processing costs more than the database's own work on
    large imports; the values here need none, so they go straight to the driver.
    """
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(rows[0]))
    # Dates are the one kind the driver may not take as they are: SQLite's default adapter is
    # deprecated from Python 3.12, so they go through the column type's own conversion.
    table = statement.table
    convert = {
        name: processor
        for name in rows[0]
        if name in table.c
        and isinstance(table.c[name].type, sa.Date | sa.DateTime)
        and (processor := _bind_processor(table.c[name].type, connection.dialect)) is not None
    }
    if convert:
        rows = [
            {key: convert[key](value) if key in convert else value for key, value in row.items()}
            for row in rows
        ]
    if compiled.positional:
        order = compiled.positiontup
        params = [tuple(row[name] for name in order) for row in rows]
    else:
        params = rows
    connection.exec_driver_sql(str(compiled), params)


def _bind_processor(column_type, dialect):
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets web workers read while an import writes; NORMAL sync is safe under WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
