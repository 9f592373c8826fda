"""How long things last: a listing without a check, a recorded use."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from locator.domain.vocabulary import Status

# A listing not confirmed by its business for longer than this is stale: moderators see it,
# and the public page says so.
STALE_AFTER = timedelta(days=365)


def is_stale(last_confirmed: date | None, created_at: datetime | None, today: date) -> bool:
    """Return True when a listing has gone unconfirmed (or, never confirmed, unchanged) too long."""
    if last_confirmed is not None:
        return today - last_confirmed > STALE_AFTER
    return created_at is not None and today - created_at.date() > STALE_AFTER


# How far people walk: about 4.8 km/h; a reply suggests walking up to about 15 minutes.
WALKING_M_PER_MIN = 80
WALK_LIMIT_M = 15 * WALKING_M_PER_MIN

# On a public listing only these change at once; every other edit waits for a moderator.
# The readiness answers (the codeword schemes joined among them) are the business's own word and
# shown on nothing public, so they change at once too.
APPLY_AT_ONCE = frozenset({"opening_hours", "closed_from", "closed_until", "checklist"})


def split_changes(status: str, changes: Mapping[str, object]) -> tuple[dict, dict]:
    """Return (apply now, wait for a moderator): a published listing's words wait, hours do not.

    A listing not yet public is still under review as a whole, so its edits all apply now.
    """
    if status != Status.PUBLISHED:
        return dict(changes), {}
    now = {name: value for name, value in changes.items() if name in APPLY_AT_ONCE}
    waiting = {name: value for name, value in changes.items() if name not in APPLY_AT_ONCE}
    return now, waiting


def months_before(day: date, months: int) -> date:
    """Return the same day `months` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_after(day: date, months: int) -> date:
    """Return the same day `months` calendar months later (the month's last day if shorter)."""
    return months_before(day, -months)
