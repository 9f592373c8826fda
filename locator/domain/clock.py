"""One clock for every rule that says "now" or "today": London's, replaceable in tests.

Dates a person reads or a rule counts (a listing confirmed, a use recorded, a year without a
check) are London dates, whatever the server's own time zone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def _system_now() -> datetime:
    return datetime.now(UTC)


# Where the time comes from: the system, or what a test sets.
_reading: dict[str, Callable[[], datetime]] = {"source": _system_now}


def utc_now() -> datetime:
    """Return the current time, aware, in UTC."""
    return _reading["source"]().astimezone(UTC)


def london_now() -> datetime:
    """Return the current time in London."""
    return utc_now().astimezone(LONDON)


def today() -> date:
    """Return today's date in London."""
    return london_now().date()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Make the clock read `source` (an aware datetime each call); None restores the system's."""
    _reading["source"] = source or _system_now


def as_utc(moment: datetime) -> datetime:
    """Return a stored time as aware UTC (SQLite gives back the UTC wall time without a zone)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
