"""A public premises as a GeoJSON Feature with its state at a time: open, closing, on arrival."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple

import orjson

from locator import presenting
from locator.domain import clock, features, policy
from locator.domain.language import gettext
from locator.domain.premises import Premises, closed_on
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


def arrival_deadline(at: float, minutes: int) -> float:
    """Return when (POSIX time) a place must still be open for someone leaving at `at` to use it."""
    return at + (minutes + ARRIVAL_MARGIN_MIN) * 60


def open_on_arrival(status: hours.HoursStatus, at: float, minutes: int) -> bool:
    """Return True when a place stays open from `at` (POSIX time) until someone walking arrives."""
    if not status.is_open:
        return False
    if status.next_change is None:
        return True
    return status.next_change_timestamp >= arrival_deadline(at, minutes)


def until_closure(
    status: hours.HoursStatus, day: date, closed_from: date | None, closed_until: date | None
) -> hours.HoursStatus:
    """Return an open status cut short at the midnight a scheduled closure begins after `day`."""
    if not (status.is_open and closed_from and closed_until and day < closed_from < closed_until):
        return status
    begins = datetime.combine(closed_from, time(), hours.LONDON)
    if status.next_change is not None and status.next_change <= begins:
        return status
    return hours.HoursStatus("open", begins, "closed")


class Moment(NamedTuple):
    """A time as every result's state reads it: as given, its London date and its POSIX time."""

    at: datetime
    day: date
    timestamp: float


def moment_of(at: datetime) -> Moment:
    """Work out once what the state of each result at `at` reads of it."""
    return Moment(at, hours.local_time(at).date(), at.timestamp())


def state_properties(
    schedule,
    nation: str,
    closed_until: date | None,
    stale: bool,
    moment: Moment,
    distance_m: float | None = None,
    status: hours.HoursStatus | None = None,
    closed_from: date | None = None,
) -> dict:
    """Return what a premises' state at a moment adds to its stored facts: open, closing, arrival.

    With `distance_m` (the place was found from a location) it also says how far it is and
    whether it is still open when someone walking there arrives. `status` is the schedule's
    status at the moment when the caller already has it.
    """
    at = moment.at
    if status is None:
        status = schedule.status(at) if schedule else hours.HoursStatus("unknown", None)
    status = until_closure(status, moment.day, closed_from, closed_until)
    seconds = None
    if status.next_change is not None:
        seconds = status.next_change_timestamp - moment.timestamp
    status_text = presenting.status_phrase(
        status.state, status.next_change, at, status.next_state, moment.day, seconds
    )
    holiday = hours.holiday_name(nation, moment.day)
    # Not saying how they open on a bank holiday, but open on an ordinary day at this time.
    unconfirmed = bool(
        holiday
        and schedule is not None
        and status.state == "unknown"
        and not schedule.sets_holidays
        and schedule.usual_status(at).is_open
    )
    if unconfirmed:
        status_text = gettext(presenting.HOLIDAY_UNCONFIRMED)
    if closed_on(moment.day, closed_from, closed_until):
        status = hours.HoursStatus("closed", None)
        status_text = gettext(
            "Temporarily closed · reopens %(day)s", day=presenting.short_date(closed_until)
        )
        unconfirmed = False
    arrival = {}
    if distance_m is not None:
        walking = presenting.walking_minutes(distance_m)
        arrives_open = open_on_arrival(status, moment.timestamp, walking)
        if status.is_open and not arrives_open:
            status_text = presenting.closing_before_arrival(status.next_change, at)
        arrival = {
            "distance_m": round(distance_m),
            "walking_minutes": walking,
            "distance_text": presenting.distance_phrase(distance_m),
            "open_on_arrival": arrives_open,
        }
    return {
        # The state at `at`, which the exports leave to their readers.
        "open_now": status.is_open,
        "state": status.state,
        "status_text": status_text,
        "next_change": status.next_change_iso,
        "stale": stale,
        "holiday": holiday,
        "hours_unconfirmed": unconfirmed,
        **arrival,
    }


def space_feature(row: Premises, at: datetime, url: str, distance_m: float | None = None) -> dict:
    """Turn a premises row into a public GeoJSON Feature with its state at `at`."""
    schedule = safe_schedule(row.opening_hours, row.nation)
    state = state_properties(
        schedule,
        row.nation,
        row.closed_until,
        is_stale(row),
        moment_of(at),
        distance_m,
        closed_from=row.closed_from,
    )
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": {**features.data_properties(row, url), **state},
    }


class ShownSpace(NamedTuple):
    """A public premises as a result shows it: its facts as JSON, and what its state needs."""

    id: int
    # The Feature's JSON up to and including its stored facts, open for the state to follow:
    # serialised once when the index is built, not per request.
    head: bytes
    schedule: object | None
    nation: str
    closed_until: date | None
    last_confirmed: date | None
    created_at: datetime | None
    closed_from: date | None = None

    def stale(self, today: date) -> bool:
        """Return True when the listing has not been confirmed for over a year."""
        return policy.is_stale(self.last_confirmed, self.created_at, today)

    def state(
        self,
        moment: Moment,
        today: date,
        distance_m: float | None = None,
        status: hours.HoursStatus | None = None,
    ) -> dict:
        """Return its state at a moment (and, with a distance, on arrival)."""
        stale = self.stale(today)
        return state_properties(
            self.schedule,
            self.nation,
            self.closed_until,
            stale,
            moment,
            distance_m,
            status,
            self.closed_from,
        )

    def feature_json(self, url: str, state: dict) -> bytes:
        """Return the whole Feature as JSON: the stored facts, its page's address and its state."""
        url_json, state_json = orjson.dumps(url), orjson.dumps(state)
        return b"".join((self.head, b'"url":', url_json, b",", state_json[1:], b"}"))


def shown_space(row: Premises, schedule) -> ShownSpace:
    """Serialise a public premises' stored facts once, for every search that shows it."""
    facts = features.data_properties(row, url="")
    del facts["url"]  # the site's address comes from the request
    feature = {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": facts,
    }
    # Drop the closing braces of properties and Feature: the per-request part follows.
    head = orjson.dumps(feature)[:-2] + b","
    return ShownSpace(
        row.id,
        head,
        schedule,
        row.nation,
        row.closed_until,
        row.last_confirmed,
        row.created_at,
        row.closed_from,
    )
