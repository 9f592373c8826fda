"""The people who sign in: moderators and head offices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

# How many characters of an actor the audit trail keeps.
ACTOR_LENGTH = 120


@dataclass(frozen=True, slots=True, kw_only=True)
class Moderator:
    """A council, partnership or police moderator, perhaps limited to some districts."""

    id: int
    email: str
    name: str
    password_hash: str
    # Local authority district codes, comma-separated; empty means every district.
    area_codes: str = ""
    active: bool = True
    created_at: datetime | None = None
    failed_sign_ins: int = 0
    locked_until: datetime | None = None
    totp_secret: str | None = None

    @property
    def codes(self) -> list[str]:
        """Return the districts this moderator may decide (empty: all of them)."""
        return [code for code in (self.area_codes or "").split(",") if code]

    @property
    def actor(self) -> str:
        """Return how the audit trail names this moderator (its column keeps 120 characters)."""
        return f"moderator:{self.id}:{self.email}"[:ACTOR_LENGTH]


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """A head office that uploads its estate and sees all of its premises."""

    id: int
    name: str
    email: str
    password_hash: str
    active: bool = True
    created_at: datetime | None = None
    failed_sign_ins: int = 0
    locked_until: datetime | None = None
    totp_secret: str | None = None
    # Readiness answers declared for the whole estate, as JSON.
    checklist: str | None = None

    @property
    def readiness(self) -> dict:
        """Return the readiness answers declared for the estate."""
        return json.loads(self.checklist or "{}")

    @property
    def actor(self) -> str:
        """Return how the audit trail names this head office (its column keeps 120 characters)."""
        return f"organisation:{self.id}:{self.email}"[:ACTOR_LENGTH]
