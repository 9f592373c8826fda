"""A head office's estate: the premises its own uploads (or a moderator) linked to it."""

from __future__ import annotations

import re
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from locator.domain import clock
from locator.domain.accounts import Organisation
from locator.domain.errors import SpaceNotFound
from locator.domain.premises import Premises
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
