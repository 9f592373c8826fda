"""A head office's estate: the premises its own uploads (or a moderator) linked to it."""

from __future__ import annotations

from locator.domain.accounts import Organisation
from locator.domain.errors import SpaceNotFound
from locator.domain.premises import Premises


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
