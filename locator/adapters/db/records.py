"""What is kept beside the premises: recorded uses, public problem reports, referral contacts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import sqlalchemy as sa

from locator.adapters.db.tables import (
    audit_log,
    is_public,
    premises,
    referral_contacts,
    reports,
    uploads,
    uses,
)
from locator.domain import clock
from locator.domain.moderation import Report


class UsesRepository:
    """Record and Review: one row per use of a safe space, nothing about the person."""

    def __init__(self, store):
        self._store = store

    def add(self, space_id: int, values: dict) -> None:
        """Record one use of a safe space."""
        with self._store.transaction() as connection:
            connection.execute(
                uses.insert().values(premises_id=space_id, created_at=clock.utc_now(), **values)
            )

    def counts(self, space_ids: Sequence[int], since: date) -> list[tuple]:
        """Return (month 'YYYY-MM', need, outcome, agency, part of day, staff support, count)."""
        if not space_ids:
            return []
        query = sa.select(
            uses.c.occurred_on,
            uses.c.need,
            uses.c.outcome,
            uses.c.referred_to,
            uses.c.part_of_day,
            uses.c.staff_support,
        ).where(uses.c.premises_id.in_(list(space_ids)), uses.c.occurred_on >= since)
        counts: dict[tuple, int] = {}
        with self._store.reading() as connection:
            for day, *fields in connection.execute(query):
                key = (f"{day:%Y-%m}", *fields[:-1], bool(fields[-1]))
                counts[key] = counts.get(key, 0) + 1
        # Sorted by month alone: an agency may be None, which does not compare with text.
        return [(*key, n) for key, n in sorted(counts.items(), key=lambda item: item[0][0])]

    def totals(self, space_ids: Sequence[int], since: date) -> dict[int, tuple[int, int]]:
        """Return (uses, uses where staff needed support) by premises, for those with any."""
        if not space_ids:
            return {}
        supported = sa.func.sum(sa.case((uses.c.staff_support.is_(True), 1), else_=0))
        query = (
            sa.select(uses.c.premises_id, sa.func.count(), supported)
            .where(uses.c.premises_id.in_(list(space_ids)), uses.c.occurred_on >= since)
            .group_by(uses.c.premises_id)
        )
        with self._store.reading() as connection:
            return {
                space_id: (int(count), int(support or 0))
                for space_id, count, support in connection.execute(query)
            }

    def recent(self, space_id: int, limit: int = 20, offset: int = 0) -> list[dict]:
        """Return the latest uses of one premises, newest first (`offset` of them skipped)."""
        query = (
            sa.select(uses)
            .where(uses.c.premises_id == space_id)
            .order_by(uses.c.occurred_on.desc(), uses.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._store.reading() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def purge(self, before: date) -> int:
        """Delete uses that happened before a date; return how many went."""
        with self._store.transaction() as connection:
            return connection.execute(uses.delete().where(uses.c.occurred_on < before)).rowcount

    def count(self, space_id: int) -> int:
        """Return how many uses of one premises are kept."""
        query = sa.select(sa.func.count()).where(uses.c.premises_id == space_id)
        with self._store.reading() as connection:
            return int(connection.execute(query).scalar_one())

    def find(self, space_id: int, use_id: int) -> dict | None:
        """Return one use of one premises, or None (also when it is another premises')."""
        query = sa.select(uses).where(uses.c.id == use_id, uses.c.premises_id == space_id)
        with self._store.reading() as connection:
            row = connection.execute(query).first()
        return dict(row._mapping) if row else None

    def update(self, space_id: int, use_id: int, values: dict) -> bool:
        """Correct one use of one premises; return False when it has no such use."""
        with self._store.transaction() as connection:
            result = connection.execute(
                uses.update()
                .where(uses.c.id == use_id, uses.c.premises_id == space_id)
                .values(**values)
            )
        return result.rowcount == 1

    def delete(self, space_id: int, use_id: int) -> bool:
        """Delete one use of one premises; return False when it has no such use."""
        with self._store.transaction() as connection:
            result = connection.execute(
                uses.delete().where(uses.c.id == use_id, uses.c.premises_id == space_id)
            )
        return result.rowcount == 1


class ReportsRepository:
    """What members of the public say is wrong with a listing: a reason and a time."""

    def __init__(self, store):
        self._store = store

    def add(self, space_id: int, reason: str, text: str | None = None) -> bool:
        """Record a problem report for a public premises; return False when it is not public."""
        with self._store.transaction() as connection:
            public = connection.execute(
                sa.select(premises.c.id).where(premises.c.id == space_id, is_public())
            ).first()
            if public is None:
                return False
            connection.execute(
                reports.insert().values(
                    premises_id=space_id, reason=reason, text=text, created_at=clock.utc_now()
                )
            )
        return True

    def counts(self, space_id: int) -> dict[str, int]:
        """Return open problem reports for a premises by reason."""
        return self.open().get(space_id, {})

    def open(self, space_id: int | None = None) -> dict[int, dict[str, int]]:
        """Return unresolved problem reports by premises and reason (of one premises if given)."""
        query = (
            sa.select(reports.c.premises_id, reports.c.reason, sa.func.count())
            .where(reports.c.resolved_at.is_(None))
            .group_by(reports.c.premises_id, reports.c.reason)
        )
        if space_id is not None:
            query = query.where(reports.c.premises_id == space_id)
        found: dict[int, dict[str, int]] = {}
        with self._store.reading() as connection:
            for premises_id, reason, count in connection.execute(query):
                found.setdefault(premises_id, {})[reason] = int(count)
        return found

    def listed(
        self, space_ids: Sequence[int], open_only: bool = True, limit: int | None = None
    ) -> dict[int, list[Report]]:
        """Return the premises' problem reports, newest first (at most `limit` for each)."""
        query = (
            sa.select(
                reports.c.premises_id,
                reports.c.reason,
                reports.c.text,
                reports.c.created_at,
                reports.c.resolved_at,
            )
            .where(reports.c.premises_id.in_(list(space_ids)))
            .order_by(reports.c.id.desc())
        )
        if open_only:
            query = query.where(reports.c.resolved_at.is_(None))
        found: dict[int, list[Report]] = {space_id: [] for space_id in space_ids}
        with self._store.reading() as connection:
            for space_id, *values in connection.execute(query):
                if limit is None or len(found[space_id]) < limit:
                    found[space_id].append(Report(*values))
        return found

    def resolve(self, space_id: int) -> None:
        """Mark a premises' reports dealt with."""
        with self._store.transaction() as connection:
            connection.execute(
                reports.update()
                .where(reports.c.premises_id == space_id, reports.c.resolved_at.is_(None))
                .values(resolved_at=clock.utc_now())
            )


class ReferralContactsRepository:
    """The local services each partnership keeps for its district."""

    def __init__(self, store):
        self._store = store

    def replace(self, rows: Sequence[dict]) -> None:
        """Replace the whole contact list of every area the rows name, in one transaction."""
        if not rows:
            return
        codes = sorted({row["area_code"] for row in rows})
        values = [_stored(row) for row in rows]
        with self._store.transaction() as connection:
            connection.execute(
                referral_contacts.delete().where(referral_contacts.c.area_code.in_(codes))
            )
            connection.execute(referral_contacts.insert(), values)

    def serving(self, area_code: str, topics: Iterable[str]) -> list[dict]:
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
        return self._listed(query)

    def in_area(self, area_code: str | None) -> list[dict]:
        """Return all of an area's contacts, by name, with topics as a list."""
        if not area_code:
            return []
        return self._listed(
            sa.select(referral_contacts).where(referral_contacts.c.area_code == area_code)
        )

    def find(self, contact_id: int) -> dict | None:
        """Return one contact with topics as a list, or None."""
        found = self._listed(
            sa.select(referral_contacts).where(referral_contacts.c.id == contact_id)
        )
        return found[0] if found else None

    def add(self, row: dict, actor: str) -> int:
        """Add one contact and its audit entry; return its id."""
        with self._store.transaction() as connection:
            contact_id = connection.execute(
                referral_contacts.insert().values(**_stored(row))
            ).inserted_primary_key[0]
            _audit(connection, actor, "referral_added", {"id": contact_id, **row})
        return contact_id

    def update(self, contact_id: int, row: dict, actor: str) -> None:
        """Replace one contact's details and audit what it was and what it is."""
        before = self.find(contact_id)
        with self._store.transaction() as connection:
            connection.execute(
                referral_contacts.update()
                .where(referral_contacts.c.id == contact_id)
                .values(**_stored(row))
            )
            detail = {"id": contact_id, **row, "before": _described(before)}
            _audit(connection, actor, "referral_changed", detail)

    def delete(self, contact_id: int, actor: str) -> None:
        """Delete one contact and audit what it was."""
        before = self.find(contact_id)
        with self._store.transaction() as connection:
            connection.execute(
                referral_contacts.delete().where(referral_contacts.c.id == contact_id)
            )
            _audit(connection, actor, "referral_deleted", {"id": contact_id, **_described(before)})

    def _listed(self, query) -> list[dict]:
        with self._store.reading() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
        for row in rows:
            row["topics"] = [code for code in row["topics"].split(";") if code]
        # Sorted here: PostgreSQL's collation and SQLite's byte order disagree on names.
        rows.sort(key=lambda row: (row["name"].casefold(), row["id"]))
        return rows


def _stored(row: dict) -> dict:
    """Return a contact's column values, topics joined, stamped now."""
    return {
        "area_code": row["area_code"],
        "name": row["name"],
        "phone": row["phone"],
        "website": row.get("website"),
        "topics": ";".join(row["topics"]),
        "hours": row.get("hours") or "",
        "updated_at": clock.utc_now(),
    }


def _described(row: dict | None) -> dict:
    keys = ("area_code", "name", "phone", "website", "topics", "hours")
    return {key: row[key] for key in keys} if row else {}


def _audit(
    connection, actor: str, action: str, detail: dict, organisation_id: int | None = None
) -> None:
    # In the premises' audit trail with no premises: the directory is a partnership's, and the
    # detail names the district and the contact; an upload is its head office's.
    connection.execute(
        audit_log.insert().values(
            premises_id=None,
            organisation_id=organisation_id,
            actor=actor,
            action=action,
            detail=json.dumps(detail, sort_keys=True, default=str),
            created_at=clock.utc_now(),
        )
    )


# The audit trail's action for an estate file imported.
UPLOAD_IMPORTED = "estate_uploaded"


class UploadsRepository:
    """Estate files waiting for their head office to confirm the import."""

    def __init__(self, store):
        self._store = store

    def add(
        self,
        token_hash: str,
        organisation_id: int,
        suffix: str,
        content: bytes,
        expires: datetime,
        file_name: str | None = None,
    ) -> None:
        """Keep an uploaded file until `expires`."""
        with self._store.transaction() as connection:
            connection.execute(
                uploads.insert().values(
                    token_hash=token_hash,
                    organisation_id=organisation_id,
                    suffix=suffix,
                    content=content,
                    created_at=clock.utc_now(),
                    expires_at=expires,
                    file_name=file_name,
                )
            )

    def find(self, token_hash: str, organisation_id: int) -> tuple[str, bytes, str | None] | None:
        """Return (suffix, content, file name) of an organisation's unexpired upload, or None."""
        query = sa.select(uploads.c.suffix, uploads.c.content, uploads.c.file_name).where(
            uploads.c.token_hash == token_hash,
            uploads.c.organisation_id == organisation_id,
            uploads.c.expires_at > clock.utc_now(),
        )
        with self._store.reading() as connection:
            row = connection.execute(query).first()
        return (row.suffix, bytes(row.content), row.file_name) if row else None

    def record_import(self, organisation_id: int, actor: str, detail: dict) -> None:
        """Add an imported upload to the audit trail, as its head office's own entry."""
        with self._store.transaction() as connection:
            _audit(connection, actor, UPLOAD_IMPORTED, detail, organisation_id)

    def imports(self, organisation_id: int, limit: int = 10) -> list[dict]:
        """Return a head office's imported uploads from the audit trail, newest first."""
        query = (
            sa.select(audit_log.c.actor, audit_log.c.detail, audit_log.c.created_at)
            .where(
                audit_log.c.organisation_id == organisation_id,
                audit_log.c.action == UPLOAD_IMPORTED,
            )
            .order_by(audit_log.c.id.desc())
            .limit(limit)
        )
        with self._store.reading() as connection:
            return [
                {"actor": actor, "created_at": created_at, **json.loads(detail or "{}")}
                for actor, detail, created_at in connection.execute(query)
            ]

    def delete(self, token_hash: str) -> None:
        """Forget an upload (imported, or given up)."""
        with self._store.transaction() as connection:
            connection.execute(uploads.delete().where(uploads.c.token_hash == token_hash))

    def purge(self) -> int:
        """Delete expired uploads; return how many."""
        with self._store.transaction() as connection:
            result = connection.execute(
                uploads.delete().where(uploads.c.expires_at <= clock.utc_now())
            )
        return result.rowcount
