"""A public premises as a GeoJSON Feature with its state at a time: open, closing, on arrival."""

from __future__ import annotations

from datetime import datetime, timedelta

from locator import presenting
from locator.domain import clock, features, policy
from locator.domain.premises import Premises
from locator.hours import schedule as hours

# Minutes a place must stay open after someone walking there arrives.
ARRIVAL_MARGIN_MIN = 5


def safe_schedule(expression: str, nation: str):
    """Return a schedule, or None when stored hours can no longer be evaluated."""
    try:
        return hours.parse_hours(expression, nation)
    except hours.HoursError:
        return None


def is_stale(row: Premises) -> bool:
    """Return True when a listing has not been confirmed for over a year."""
    return policy.is_stale(row.last_confirmed, row.created_at, clock.today())


def bank_holiday_somewhere(at: datetime) -> bool:
    """Return True when `at` falls on a bank holiday in any UK nation."""
    day = hours.local_time(at).date()
    return any(hours.holiday_name(nation, day) for nation in hours.NATIONS)


def arrival_deadline(at: datetime, minutes: int) -> datetime:
    """Return when a place must still be open for someone leaving at `at` to use it."""
    return at + timedelta(minutes=minutes + ARRIVAL_MARGIN_MIN)


def open_on_arrival(status: hours.HoursStatus, at: datetime, minutes: int) -> bool:
    """Return True when a place stays open from `at` until someone walking there has arrived."""
    if not status.is_open:
        return False
    if status.next_change is None:
        return True
    return status.next_change.timestamp() >= arrival_deadline(at, minutes).timestamp()


def space_feature(row: Premises, at: datetime, url: str, distance_m: float | None = None) -> dict:
    """Turn a premises row into a public GeoJSON Feature with its state at `at`.

    With `distance_m` (the place was found from a location) it also says how far it is and
    whether it is still open when someone walking there arrives.
    """
    schedule = safe_schedule(row.opening_hours, row.nation)
    status = schedule.status(at) if schedule else hours.HoursStatus("unknown", None)
    status_text = presenting.status_phrase(status.state, status.next_change, at, status.next_state)
    holiday = hours.holiday_name(row.nation, hours.local_time(at).date())
    # Not saying how they open on a bank holiday, but open on an ordinary day at this time.
    unconfirmed = bool(
        holiday
        and schedule is not None
        and status.state == "unknown"
        and not schedule.sets_holidays
        and schedule.usual_status(at).is_open
    )
    if unconfirmed:
        status_text = presenting.HOLIDAY_UNCONFIRMED
    closed_until = row.closed_until
    if closed_until and hours.local_time(at).date() < closed_until:
        status = hours.HoursStatus("closed", None)
        status_text = f"Temporarily closed · reopens {closed_until:%a %-d %b}"
        unconfirmed = False
    arrival = {}
    if distance_m is not None:
        walking = presenting.walking_minutes(distance_m)
        arrives_open = open_on_arrival(status, at, walking)
        if status.is_open and not arrives_open:
            status_text = presenting.closing_before_arrival(status.next_change, at)
        arrival = {
            "distance_m": round(distance_m),
            "walking_minutes": walking,
            "distance_text": presenting.distance_phrase(distance_m),
            "open_on_arrival": arrives_open,
        }
    properties = {
        **features.data_properties(row, url),
        # The state at `at`, which the exports leave to their readers.
        "open_now": status.is_open,
        "state": status.state,
        "status_text": status_text,
        "next_change": status.next_change.isoformat() if status.next_change else None,
        "stale": is_stale(row),
        "holiday": holiday,
        "hours_unconfirmed": unconfirmed,
        **arrival,
    }
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": properties,
    }
