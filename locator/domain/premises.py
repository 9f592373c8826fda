"""A premises as the rest of the code sees it: one frozen record, read by name, not position."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from locator.domain.errors import InvalidParameter
from locator.domain.vocabulary import CODEWORDS, PUBLIC_SCHEME, PUBLIC_STATUS


@dataclass(frozen=True, slots=True, kw_only=True)
class Premises:
    """One premises with everything stored about it; change it with `changed`, never in place."""

    id: int
    organisation: str
    ref: str
    name: str
    address: str = ""
    postcode: str | None = None
    lat: float
    lon: float
    opening_hours: str
    # Codes joined by ";" in vocabulary order, as stored and as in the import format.
    facilities: str = ""
    phone: str | None = None
    website: str | None = None
    how_to_ask: str | None = None
    scheme: str
    status: str
    area_code: str | None = None
    nation: str = "england"
    demo: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_confirmed: date | None = None
    contact_email: str | None = None
    checklist: str | None = None
    closed_until: date | None = None
    closed_from: date | None = None
    manage_token_hash: str | None = None
    pending_changes: str | None = None
    moderation_note: str | None = None
    reminded_on: date | None = None
    organisation_id: int | None = None
    record_token_hash: str | None = None

    @property
    def is_public(self) -> bool:
        """Return True when the public may see this premises (external and published)."""
        return self.scheme == PUBLIC_SCHEME and self.status == PUBLIC_STATUS

    @property
    def facility_codes(self) -> list[str]:
        """Return the facility codes as a list."""
        return [code for code in (self.facilities or "").split(";") if code]

    @property
    def readiness(self) -> dict:
        """Return the readiness answers kept with the listing (and the codewords joined)."""
        return json.loads(self.checklist or "{}")

    @property
    def codewords(self) -> tuple[str, ...]:
        """Return the codeword schemes the business has joined, in vocabulary order."""
        joined = self.readiness.get("codewords") or ()
        return tuple(code for code in CODEWORDS if code in joined)

    @property
    def waiting_changes(self) -> dict:
        """Return the edits that wait for a moderator, by field."""
        return json.loads(self.pending_changes or "{}")

    def changed(self, **values) -> Premises:
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **values)


FIELDS = tuple(field.name for field in dataclasses.fields(Premises))
# Ids are 32-bit signed integers in SQLite's and PostgreSQL's tables alike: a larger number is
# no premises (PostgreSQL would refuse even to compare it).
MAX_ID = 2**31 - 1


def reference(space_id: int) -> str:
    """Return the reference number a business quotes, e.g. SSL-000123."""
    return f"SSL-{space_id:06d}"


# In any case ("ssl-123"), but spelled out: IGNORECASE would also take look-alike letters.
REFERENCE = re.compile(r"[Ss][Ss][Ll]-([0-9]{1,12})")


def space_id_of(text: object) -> int | None:
    """Return the id a reference such as SSL-000123 names; None when no premises could have it.

    Raise InvalidParameter when the text is not a reference at all.
    """
    found = REFERENCE.fullmatch(text) if isinstance(text, str) else None
    if found is None:
        raise InvalidParameter(
            "Give the reference from your registration email, such as SSL-000123.", "reference"
        )
    space_id = int(found.group(1))
    return space_id if 0 < space_id <= MAX_ID else None


class Located(NamedTuple):
    """The few facts of a public premises the spatial index and the coverage maps need."""

    id: int
    lat: float
    lon: float
    facilities: str
    opening_hours: str
    nation: str
    area_code: str | None
    closed_until: date | None = None
    closed_from: date | None = None


def closed_on(day: date, closed_from: date | None, closed_until: date | None) -> bool:
    """Return True when a temporary closure covers a London date.

    It covers every day from `closed_from` (None: it has begun) to the day before
    `closed_until`, the day the premises open again.
    """
    if closed_until is None or day >= closed_until:
        return False
    return closed_from is None or day >= closed_from
