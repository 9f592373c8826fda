"""A head office's estate: the premises its own uploads (or a moderator) linked to it."""

from __future__ import annotations

import re
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from locator.adapters.db.tables import IMPORT_FIELDS
from locator.domain import clock
from locator.domain.accounts import Organisation
from locator.domain.errors import SpaceNotFound
from locator.domain.premises import Premises
from locator.importing import rows as importing
from locator.importing import service as imports
from locator.listings import manage
from locator.listings.manage import token_hash

# An upload waits this long for its head office to confirm the import.
UPLOAD_KEPT = timedelta(hours=2)
UPLOAD_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


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


def unchanged_premises(
    service, organisation: Organisation, plan: importing.ImportPlan
) -> list[Premises]:
    """Return the head office's premises that the plan's rows would leave exactly as stored."""
    imports.locate(service, plan.rows)  # the district and nation are written too
    stored = {(row.organisation, row.ref): row for row in estate(service.store, organisation)}
    return [
        row
        for planned in plan.rows
        if (row := stored.get((planned["organisation"], planned["ref"]))) is not None
        and _leaves_as_stored(planned, row)
    ]


def _leaves_as_stored(planned: dict, row: Premises) -> bool:
    """Tell whether writing an upload's row would change nothing of a stored premises."""
    # The comparison the import's write makes; an upload never publishes or marks as demo.
    return not row.demo and all(planned.get(name) == getattr(row, name) for name in IMPORT_FIELDS)


@dataclass(frozen=True)
class SavedUpload:
    """What saving an upload did: the import's counts and how many premises it confirmed."""

    result: imports.ImportResult
    confirmed: int


def save_upload(
    service, organisation: Organisation, plan: importing.ImportPlan, *, confirm_unchanged: bool
) -> SavedUpload:
    """Write an upload's good rows into the estate; with `confirm_unchanged`, also confirm the
    premises it leaves as they were as still correct today."""
    # Found before the write: afterwards an updated premises would look unchanged too.
    unchanged = unchanged_premises(service, organisation, plan) if confirm_unchanged else []
    result = imports.write_plan(service, plan, review=True, organisation_id=organisation.id)
    confirmed = manage.confirm_listings(
        service.store, unchanged, organisation.actor, {"unchanged_in_upload": True}
    )
    return SavedUpload(result, confirmed)


def stage_upload(store, organisation: Organisation, suffix: str, content: bytes) -> str:
    """Keep an uploaded estate file until its head office confirms; return its token."""
    store.uploads.purge()  # expired ones go whenever a new one comes
    token = secrets.token_urlsafe(24)
    expires = clock.utc_now() + UPLOAD_KEPT
    store.uploads.add(token_hash(token), organisation.id, suffix, content, expires)
    return token


def staged_upload(store, organisation: Organisation, token: str) -> tuple[str, bytes] | None:
    """Return (suffix, content) of the organisation's own unexpired upload, or None."""
    if not UPLOAD_TOKEN.match(token or ""):
        return None
    return store.uploads.find(token_hash(token), organisation.id)


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
