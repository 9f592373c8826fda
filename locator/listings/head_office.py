"""A head office's estate: the premises its own uploads (or a moderator) linked to it."""

from __future__ import annotations

import csv
import functools
import io
import re
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from locator import presenting
from locator.adapters.db.tables import IMPORT_FIELDS
from locator.domain import clock, policy
from locator.domain.accounts import Organisation
from locator.domain.errors import SpaceNotFound
from locator.domain.premises import Premises
from locator.domain.vocabulary import FACILITIES, IMPORT_COLUMNS, Scheme, Status
from locator.geo.gazetteer import km_between
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.importing import service as imports
from locator.listings import manage
from locator.listings.manage import token_hash

# An upload waits this long for its head office to confirm the import.
UPLOAD_KEPT = timedelta(hours=2)
UPLOAD_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
FILE_NAME_LENGTH = 300  # of an uploaded file's name, as the audit trail keeps it


def estate(store, organisation: Organisation) -> list[Premises]:
    """Return every premises the head office uploaded (linked by id, never by name)."""
    rows = store.premises.estate(organisation.id)
    return sorted(rows, key=lambda row: (row.name.lower(), row.ref))


def estate_space(store, organisation: Organisation, space_id: int) -> Premises:
    """Return one of the head office's premises, or raise SpaceNotFound."""
    row = store.premises.get(space_id)
    if row is None or row.organisation_id != organisation.id:
        raise SpaceNotFound(f"{organisation.name} has no premises {space_id}.")
    return row


def new_record_link(store, organisation: Organisation, space_id: int) -> str:
    """Give one of the head office's stores a new link for recording uses; return its token.

    Only the token's hash is kept, so the link can be shown once; a link given before stops
    working. Raises SpaceNotFound for a premises not in the estate.
    """
    row = estate_space(store, organisation, space_id)
    token = secrets.token_urlsafe(24)
    action = "record_link_replaced" if row.record_token_hash else "record_link_created"
    store.premises.change(
        row.id, {"record_token_hash": token_hash(token)}, organisation.actor, action, {}
    )
    return token


def revoke_record_link(store, organisation: Organisation, space_id: int) -> None:
    """Stop one of the head office's stores' link for recording uses from working."""
    row = estate_space(store, organisation, space_id)
    if row.record_token_hash is None:
        return
    store.premises.change(
        row.id, {"record_token_hash": None}, organisation.actor, "record_link_revoked", {}
    )


def recording_space(store, token: str) -> Premises:
    """Return the store a link for recording uses opens, or raise SpaceNotFound."""
    row = manage.opened_by(store, token, "record")
    # A store a moderator took out of the estate no longer answers to its head office's link.
    if row is None or row.organisation_id is None:
        raise SpaceNotFound("This link for recording uses is not valid, or it has been replaced.")
    return row


# The words the preview names each field an upload may change by ("position": lat and lon, and
# the district and nation they are in).
FIELD_NAMES = {
    "name": "Name",
    "address": "Address",
    "postcode": "Postcode",
    "position": "Position on the map",
    "opening_hours": "Opening hours",
    "facilities": "Facilities",
    "phone": "Phone",
    "website": "Website",
    "how_to_ask": "How to ask",
    "scheme": "Scheme",
    "demo": "Demo data",
}
# The stored fields each one the preview shows stands for (the demo flag is not an import's).
_STORED_AS = {
    field: ("lat", "lon", "area_code", "nation") if field == "position" else (field,)
    for field in FIELD_NAMES
    if field != "demo"
}
SCHEME_WORDS = {
    Scheme.EXTERNAL: "External (shown to the public)",
    Scheme.INTERNAL: "Internal (staff only, never shown)",
}
# Hours said in words only while the words stay short; longer, the expression itself is clearer.
HOURS_WORDS_LIMIT = 80
# Estate premises an upload may withdraw when its file leaves them out: those listed or waiting.
LISTED = (Status.PUBLISHED, Status.PENDING)


@dataclass(frozen=True)
class FieldChange:
    """One field an upload's row changes, old and new in words."""

    field: str  # a FIELD_NAMES key
    old: str
    new: str
    # A published listing's public words wait for a moderator; its hours change at once.
    for_moderator: bool = False

    @property
    def label(self) -> str:
        return FIELD_NAMES[self.field]


@dataclass(frozen=True)
class RowPreview:
    """What saving an upload would do to one of its rows' premises."""

    ref: str
    name: str
    kind: str  # "changed", "new" or "unchanged"
    changes: tuple[FieldChange, ...] = ()
    premises: Premises | None = None  # as stored; None for a new one


@dataclass(frozen=True)
class UploadPreview:
    """Every good row's fate (changed first, then new, then unchanged, each in file order),
    and the estate's listed premises the file leaves out."""

    rows: tuple[RowPreview, ...]
    missing: tuple[Premises, ...]

    def of_kind(self, kind: str) -> list[RowPreview]:
        """Return the rows of one kind ("changed", "new" or "unchanged")."""
        return [row for row in self.rows if row.kind == kind]

    def count(self, kind: str) -> int:
        """Return how many rows are of one kind."""
        return len(self.of_kind(kind))


_KIND_ORDER = {"changed": 0, "new": 1, "unchanged": 2}


def preview_upload(
    service, organisation: Organisation, plan: importing.ImportPlan
) -> UploadPreview:
    """Say, row by row, what saving an upload would change in the estate, before it is saved."""
    imports.locate(service, plan.rows)  # the district and nation are written too
    rows = estate(service.store, organisation)
    stored = {(row.organisation, row.ref): row for row in rows}
    today = clock.today()
    previews = [
        _row_preview(planned, stored.get((planned["organisation"], planned["ref"])), service, today)
        for planned in plan.rows
    ]
    previews.sort(key=lambda preview: _KIND_ORDER[preview.kind])  # stable: file order within
    # A rejected row's store is still in the file: its row needs mending, not its listing ending.
    in_file = {planned["ref"] for planned in plan.rows} | {r.ref for r in plan.rejected if r.ref}
    missing = tuple(row for row in rows if row.ref not in in_file and row.status in LISTED)
    return UploadPreview(tuple(previews), missing)


def _row_preview(planned: dict, row: Premises | None, service, today: date) -> RowPreview:
    if row is None:
        return RowPreview(planned["ref"], planned["name"], "new")
    # The comparison the import's write makes; an upload never publishes or marks as demo.
    changed = {
        name: planned.get(name) for name in IMPORT_FIELDS if planned.get(name) != getattr(row, name)
    }
    if not changed and not row.demo:
        return RowPreview(planned["ref"], planned["name"], "unchanged", premises=row)
    _, held = policy.split_changes(row.status, changed)
    changes = [
        FieldChange(
            field,
            *_field_words(field, planned, row, service, today),
            for_moderator=any(name in held for name in names),
        )
        for field, names in _STORED_AS.items()
        if any(name in changed for name in names)
    ]
    if row.demo:
        changes.append(FieldChange("demo", "yes", "no"))
    return RowPreview(planned["ref"], planned["name"], "changed", tuple(changes), row)


def _field_words(field: str, planned: dict, row: Premises, service, today: date) -> tuple[str, str]:
    """Return a changed field's old and new values as a person reads them."""
    if field == "position":
        return _place_words(row.lat, row.lon, row.area_code, service), (
            _place_words(planned["lat"], planned["lon"], planned.get("area_code"), service)
            + f"; moved {_metres_between(row, planned)}"
        )
    if field == "opening_hours":
        old = _hours_words(row.opening_hours, row.nation, today)
        new = _hours_words(planned["opening_hours"], planned.get("nation") or row.nation, today)
        # Words that read the same (a bank-holiday rule, say) hide the change: show the hours.
        return (old, new) if old != new else (row.opening_hours, planned["opening_hours"])
    if field == "facilities":
        return _facility_words(row.facilities), _facility_words(planned["facilities"])
    if field == "scheme":
        return SCHEME_WORDS[row.scheme], SCHEME_WORDS[planned["scheme"]]
    return getattr(row, field) or "none", planned.get(field) or "none"


def _place_words(lat: float, lon: float, area_code: str | None, service) -> str:
    area = service.areas.by_code(area_code) if area_code else None
    return f"{lat:.5f}, {lon:.5f}" + (f" in {area.name}" if area else "")


def _metres_between(row: Premises, planned: dict) -> str:
    metres = km_between((row.lat, row.lon), (planned["lat"], planned["lon"])) * 1000
    return "less than 1 m" if metres < 1 else f"{metres:,.0f} m"


def _facility_words(joined: str | None) -> str:
    codes = [code for code in (joined or "").split(";") if code]
    return ", ".join(FACILITIES.get(code, code) for code in codes) or "none"


@functools.lru_cache(maxsize=1024)
def _hours_words(expression: str, nation: str, today: date) -> str:
    """Say an ordinary week's hours in words when they are short, else give the expression."""
    try:
        schedule = hours.parse_hours(expression, nation)
    except hours.HoursError:
        return expression
    words = presenting.week_summary(schedule, datetime.combine(today, time(12), hours.LONDON))
    return words if words and len(words) <= HOURS_WORDS_LIMIT else expression


@dataclass(frozen=True)
class SavedUpload:
    """What saving an upload did: the import's counts, and how many premises it confirmed
    and withdrew."""

    result: imports.ImportResult
    confirmed: int
    withdrawn: int = 0


def save_upload(
    service,
    organisation: Organisation,
    plan: importing.ImportPlan,
    *,
    confirm_unchanged: bool,
    withdraw_missing: bool = False,
    file_name: str | None = None,
) -> SavedUpload:
    """Write an upload's good rows into the estate, and audit it, all in one transaction.

    With `confirm_unchanged`, the premises it leaves as they were are confirmed as still
    correct today; with `withdraw_missing`, the listed premises the file leaves out are
    withdrawn as a store's own Withdraw does.
    """
    # Found before the write: afterwards an updated premises would look unchanged too.
    preview = preview_upload(service, organisation, plan)
    unchanged = [row.premises for row in preview.of_kind("unchanged")] if confirm_unchanged else []
    missing = preview.missing if withdraw_missing else ()
    store = service.store
    with store.transaction():
        result = imports.write_plan(service, plan, review=True, organisation_id=organisation.id)
        confirmed = manage.confirm_listings(
            store, unchanged, organisation.actor, {"unchanged_in_upload": True}
        )
        for row in missing:
            manage.withdraw_listing(store, row, actor=organisation.actor)
        saved = SavedUpload(result, confirmed, len(missing))
        store.uploads.record_import(organisation.id, organisation.actor, _audited(saved, file_name))
    return saved


def _audited(saved: SavedUpload, file_name: str | None) -> dict:
    """Return the audit entry's detail of a saved upload: its file and what it did."""
    result = saved.result
    return {
        "file_name": file_name or "",
        "read": result.plan.read,
        "inserted": result.inserted,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "rejected": len(result.plan.rejected),
        "confirmed": saved.confirmed,
        "withdrawn": saved.withdrawn,
    }


@dataclass(frozen=True)
class UploadEvent:
    """One imported upload as the head office's list shows it."""

    when: datetime  # London time
    by: str  # the email of who signed in
    file_name: str
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    confirmed: int = 0
    withdrawn: int = 0

    def words(self) -> str:
        """Say what the upload did: '3 rows read: 1 new, 0 updated, 2 unchanged, 0 rejected'."""
        counts = [
            f"{self.inserted} new",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.rejected} rejected",
        ]
        counts += [f"{self.confirmed} confirmed"] if self.confirmed else []
        counts += [f"{self.withdrawn} withdrawn"] if self.withdrawn else []
        return f"{self.read} rows read: " + ", ".join(counts)


def upload_history(store, organisation: Organisation, limit: int = 10) -> list[UploadEvent]:
    """Return the head office's last imported uploads from the audit trail, newest first."""
    fields = {name for name in UploadEvent.__dataclass_fields__ if name not in ("when", "by")}
    return [
        UploadEvent(
            when=clock.as_utc(entry["created_at"]).astimezone(clock.LONDON),
            by=entry["actor"].split(":", 2)[-1],
            **{name: entry[name] for name in fields if name in entry},
        )
        for entry in store.uploads.imports(organisation.id, limit)
    ]


def confirm_estate(store, organisation: Organisation) -> int:
    """Confirm every listed premises of the estate as still correct today; return how many."""
    rows = [row for row in estate(store, organisation) if row.status in LISTED]
    return manage.confirm_listings(store, rows, organisation.actor, {"whole_estate": True})


def rejected_report(plan: importing.ImportPlan) -> str:
    """Return an upload's rejected rows as CSV: line, ref, field, reason."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["line", "ref", "field", "reason"])
    for rejected in plan.rejected:
        line = rejected.where.removeprefix("line ")
        field = manage.row_error_field(rejected.reason) or ""
        writer.writerow(map(_spreadsheet_safe, (line, rejected.ref or "", field, rejected.reason)))
    return out.getvalue()


def _spreadsheet_safe(cell: str) -> str:
    # A cell a spreadsheet would run as a formula ("=HYPERLINK(...)") is shown as text instead.
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


# The template's example row: every column of the import format filled in, and valid as it is.
TEMPLATE_EXAMPLE = {
    "ref": "store-0001",
    "name": "Briggate Pharmacy",
    "address": "12 Briggate, Leeds",
    "postcode": "LS1 6HD",
    "lat": "53.7967",
    "lon": "-1.5429",
    "opening_hours": "Mo-Sa 08:00-22:00; Su 10:00-16:00; PH off",
    "facilities": "phone_charging;toilet;first_aid",
    "phone": "0113 496 0000",
    "website": "https://www.example.org/stores/leeds",
    "how_to_ask": "Ask at the pharmacy counter",
    "scheme": "external",
}


def template_csv(organisation: Organisation) -> str:
    """Return the estate file's template: the import format's header row and one example row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(IMPORT_COLUMNS)
    example = {**TEMPLATE_EXAMPLE, "organisation": organisation.name}
    writer.writerow(example[name] for name in IMPORT_COLUMNS)
    return out.getvalue()


@dataclass(frozen=True)
class StagedUpload:
    """An estate file waiting for its head office to confirm the import."""

    suffix: str
    content: bytes
    file_name: str | None = None


def stage_upload(
    store, organisation: Organisation, suffix: str, content: bytes, file_name: str | None = None
) -> str:
    """Keep an uploaded estate file until its head office confirms; return its token."""
    store.uploads.purge()  # expired ones go whenever a new one comes
    token = secrets.token_urlsafe(24)
    expires = clock.utc_now() + UPLOAD_KEPT
    name = _file_name(file_name)
    store.uploads.add(token_hash(token), organisation.id, suffix, content, expires, name)
    return token


def _file_name(name: str | None) -> str | None:
    """Return the last part of an uploaded file's name, printable and within its column."""
    if not name:
        return None
    last = re.split(r"[\\/]", name)[-1]
    return "".join(ch for ch in last if ch.isprintable())[:FILE_NAME_LENGTH] or None


def staged_upload(store, organisation: Organisation, token: str) -> StagedUpload | None:
    """Return the organisation's own unexpired upload, or None."""
    if not UPLOAD_TOKEN.match(token or ""):
        return None
    found = store.uploads.find(token_hash(token), organisation.id)
    return StagedUpload(*found) if found else None


def discard_upload(store, token: str) -> None:
    """Forget an upload once it is imported."""
    store.uploads.delete(token_hash(token))


@contextmanager
def upload_file(suffix: str, content: bytes) -> Iterator[Path]:
    """Yield an upload as a file in a folder only this user can read, deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="estate-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        yield path
