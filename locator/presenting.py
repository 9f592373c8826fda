"""Words and tables people read: status phrases, distances, weekly hours, directions links."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from urllib.parse import quote

from locator.domain import policy
from locator.domain.vocabulary import FACILITIES
from locator.hours import schedule as hours

NATION_NAMES = {
    "england": "England and Wales",
    "wales": "England and Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SOON = timedelta(minutes=60)
WALKING_M_PER_MIN = policy.WALKING_M_PER_MIN
# Beyond this a walking time misleads: nobody frightened walks an hour; say the distance.
MAX_WALK_MINUTES = 45
HOLIDAY_UNCONFIRMED = "Bank holiday: hours not confirmed, phone first"


def status_phrase(
    state: str,
    next_change: datetime | None,
    at: datetime,
    next_state: str | None = None,
    today: date | None = None,
    seconds: float | None = None,
) -> str:
    """Say whether a place is open at `at` and when that changes, e.g. 'Closes in 25 min'.

    `today` is the London date of `at` and `seconds` the time until the change, when the
    caller has them already.
    """
    if state == "unknown":
        return "Hours not known · ask before you rely on it"
    if next_change is None:
        return "Open 24 hours" if state == "open" else "Closed"
    if seconds is None:
        seconds = seconds_between(at, next_change)
    if seconds > SOON.total_seconds():
        return _later_phrase(state, next_change, next_state, today or hours.local_time(at).date())
    minutes = max(1, round(seconds / 60))
    if state == "open" and next_state == "unknown":
        # Open until a day the hours do not cover (a bank holiday): not a closing time.
        return f"Open · hours not confirmed from in {minutes} min"
    return f"Closes in {minutes} min" if state == "open" else f"Closed · opens in {minutes} min"


@lru_cache(maxsize=4096)
def _later_phrase(state: str, next_change: datetime, next_state: str | None, today: date) -> str:
    # A change more than an hour away is said by its day and time, the same all day long: every
    # search that day shares the words.
    when = _when_on(next_change, today)
    if state == "open" and next_state == "unknown":
        # Open until a day the hours do not cover (a bank holiday): not a closing time.
        local = hours.local_time(next_change)
        if local.hour == local.minute == 0 and (local.date() - today).days > 1:
            when = f"{local:%a %-d %b}"  # the whole day is not covered
        return f"Open · hours not confirmed from {when}"
    return f"Open · closes {when}" if state == "open" else f"Closed · opens {when}"


@lru_cache(maxsize=4096)
def _when_on(moment: datetime, today: date) -> str:
    # Depends on the day only, so every search that day shares it (next changes are few).
    moment = hours.local_time(moment)
    clock = f"{moment:%H:%M}"
    days = (moment.date() - today).days
    if clock == "00:00" and days in (0, 1):
        return "midnight"
    if days == 0:
        return clock
    if days == 1:
        return f"{clock} tomorrow"
    if days < 7:
        return f"{moment:%a} {clock}"
    return f"{moment:%a %-d %b} {clock}"


def walking_minutes(metres: float) -> int:
    """Return the whole minutes it takes to walk a distance (at least 1)."""
    return max(1, round(metres / WALKING_M_PER_MIN))


def seconds_between(start: datetime, end: datetime) -> float:
    """Return the real seconds from `start` to `end`.

    By timestamps: two London times subtract as wall clocks, an hour out across a clock change.
    """
    return end.timestamp() - start.timestamp()


def closing_before_arrival(next_change: datetime | None, at: datetime) -> str:
    """Say that an open place shuts before someone walking there could arrive."""
    if next_change is None:
        return "Open"
    minutes = max(1, round(seconds_between(at, next_change) / 60))
    return f"Closes in {minutes} min: you may not get there in time"


def distance_phrase(metres: float | None) -> str | None:
    """Say a walking distance, e.g. '350 m · 4 min walk', or '12.3 km · too far to walk'."""
    if metres is None:
        return None
    minutes = walking_minutes(metres)
    length = f"{round(metres / 10) * 10:.0f} m" if metres < 1000 else f"{metres / 1000:.1f} km"
    if minutes > MAX_WALK_MINUTES:
        return f"{length} · too far to walk"
    return f"{length} · {minutes} min walk"


@dataclass(frozen=True)
class DayHours:
    """One row of a weekly opening-hours table."""

    day: date
    name: str  # "Monday"
    spans: tuple[str, ...]  # ("09:00–17:30",) or () when closed all day
    note: str | None  # "Bank holiday: Christmas Day" or "Hours not known"
    today: bool


def weekly_table(schedule: hours.Schedule, at: datetime) -> list[DayHours]:
    """Return this week's hours, Monday first, as the premises' schedule gives them."""
    at = hours.local_time(at)
    monday = at.date() - timedelta(days=at.weekday())
    start = datetime.combine(monday, datetime.min.time(), hours.LONDON)
    end = start + timedelta(days=7)
    # A little either side, to see where a late night that crosses the week's ends finishes.
    spans = schedule.intervals(start - LATE_NIGHT, end + LATE_NIGHT)
    holiday_names = dict(hours.next_bank_holidays(schedule.nation, monday, count=20))
    rows = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        day_start = datetime.combine(day, datetime.min.time(), hours.LONDON)
        day_end = day_start + timedelta(days=1)
        opened, unknown = [], False
        for span_start, span_end, state in spans:
            if span_end <= day_start or span_start >= day_end:
                continue
            if state == "unknown":
                unknown = True
            if state != "open":
                continue
            if _late_night(span_start, span_end, day_start - timedelta(days=1)):
                continue  # the night before's, shown on its own day
            if _late_night(span_start, span_end, day_start):
                opened.append(f"{span_start:%H:%M}–{span_end:%H:%M}")
                continue
            shown_start = max(span_start, day_start)
            shown_end = min(span_end, day_end)
            end_text = "24:00" if shown_end == day_end else f"{shown_end:%H:%M}"
            opened.append(f"{shown_start:%H:%M}–{end_text}")
        note = None
        if day in holiday_names:
            note = f"Bank holiday: {holiday_names[day]}"
        elif unknown:
            note = "Hours not known for part of the day"
        rows.append(DayHours(day, WEEKDAYS[offset], tuple(opened), note, day == at.date()))
    return rows


# Opening that runs past midnight until this late belongs to the evening it started, as a
# shop says "Friday 18:00–02:00"; longer runs are shown split by day.
LATE_NIGHT = timedelta(hours=6)


def _late_night(span_start: datetime, span_end: datetime, day_start: datetime) -> bool:
    """Tell whether a span opens on the day starting `day_start` and ends early the next day."""
    next_day = day_start + timedelta(days=1)
    return day_start < span_start < next_day < span_end <= next_day + LATE_NIGHT


def week_summary(schedule: hours.Schedule, at: datetime) -> str:
    """Say an ordinary week's hours briefly, e.g. 'Mon–Fri 9am–5pm; Sat 10am–1pm'."""
    week = weekly_table(schedule, at)
    # A bank holiday's hours are not the usual ones: describe the next week without one.
    for _ in range(3):
        if not any(row.note and row.note.startswith("Bank holiday") for row in week):
            break
        next_monday = week[0].day + timedelta(days=7)
        week = weekly_table(schedule, datetime.combine(next_monday, time(12), hours.LONDON))
    days_by_hours: dict[str, list[int]] = {}
    for number, row in enumerate(week):
        if row.spans:
            said = ", ".join(_twelve_hour_span(span) for span in row.spans)
        elif row.note:
            said = "times not stated"
        else:
            continue  # closed all day
        days_by_hours.setdefault(said, []).append(number)
    if list(days_by_hours.values()) == [list(range(7))]:
        said = next(iter(days_by_hours))
        return "24 hours" if said == "24 hours" else f"Every day {said}"
    return "; ".join(f"{_day_ranges(days)} {said}" for said, days in days_by_hours.items())


def _twelve_hour_span(span: str) -> str:
    """Turn '09:00–17:30' into '9am–5:30pm', and a whole day into '24 hours'."""
    start, end = span.split("–")
    if (start, end) == ("00:00", "24:00"):
        return "24 hours"
    return f"{_twelve_hour(start)}–{_twelve_hour(end)}"


def _twelve_hour(clock: str) -> str:
    hour, minute = (int(part) for part in clock.split(":"))
    if hour % 24 == 0 and minute == 0:
        return "midnight"
    suffix = "am" if hour % 24 < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}:{minute:02d}{suffix}"


def _day_ranges(days: list[int]) -> str:
    """Turn day numbers (0 = Monday) into 'Mon–Fri, Sun'."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [
        WEEKDAYS[run[0]][:3] + (f"–{WEEKDAYS[run[-1]][:3]}" if len(run) > 1 else "") for run in runs
    ]
    return ", ".join(names)


def closure_phrase(closed_from: date | None, closed_until: date | None, today: date) -> str | None:
    """Say a temporary closure that has not ended (both days included); None when there is none.

    `closed_until` is the day the premises open again, as stored.
    """
    if closed_until is None or closed_until <= today:
        return None
    last = closed_until - timedelta(days=1)
    if closed_from is None or closed_from <= today:
        return f"Temporarily closed until {last:%A %-d %B}: open again on {closed_until:%A %-d %B}."
    if closed_from == last:
        return f"Closed for the day on {last:%A %-d %B}."
    return f"Closed from {closed_from:%A %-d %B} to {last:%A %-d %B}, both days included."


def referral_card(contact: Mapping, nation: str, at: datetime) -> dict:
    """Return a local referral contact as the chat shows it, with whether it answers at `at`.

    `open_now` is None when the hours are not stated or do not say (a bank holiday they do not
    cover): never a guess that a line is answered.
    """
    try:
        schedule = hours.parse_hours(contact["hours"], nation) if contact["hours"] else None
    except hours.HoursError:
        schedule = None  # hours a newer parser no longer reads count as not stated
    state = schedule.state(at) if schedule else "unknown"
    return {
        "name": contact["name"],
        "phone": contact["phone"],
        "website": contact["website"],
        "topics": list(contact["topics"]),
        # Hours that open on no ordinary week (a few dates a year) are shown as written.
        "hours_text": (week_summary(schedule, at) or contact["hours"]) if schedule else None,
        "open_now": {"open": True, "closed": False}.get(state),
    }


def bank_holiday_note(schedule: hours.Schedule, at: datetime) -> str:
    """Say how bank holidays affect these hours and when the next one is."""
    nation = NATION_NAMES.get(schedule.nation, "England and Wales")
    upcoming = hours.next_bank_holidays(schedule.nation, hours.local_time(at).date())
    mentions_ph = "PH" in schedule.expression
    lead = (
        f"These hours set bank-holiday opening ({nation} calendar)."
        if mentions_ph
        else "These hours say nothing about bank holidays: check before you rely on them."
    )
    if not upcoming:
        return lead
    day, name = upcoming[0]
    noon = datetime.combine(day, datetime.min.time(), hours.LONDON) + timedelta(hours=12)
    state = schedule.status(noon).state
    word = {"open": "open at midday", "closed": "closed at midday"}.get(state, "hours not known")
    return f"{lead} Next bank holiday in {nation}: {day:%A %-d %B} ({name}) — {word}."


def directions(lat: float, lon: float, name: str) -> dict[str, str]:
    """Return walking-directions links to a point in three map apps."""
    point = f"{lat:.6f},{lon:.6f}"
    return {
        "osm": f"https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B{lat:.6f}%2C{lon:.6f}",
        "google": f"https://www.google.com/maps/dir/?api=1&destination={point}&travelmode=walking",
        "apple": f"https://maps.apple.com/?daddr={point}&dirflg=w&q={quote(name)}",
    }


def facility_labels(codes) -> list[tuple[str, str]]:
    """Return (code, readable label) pairs in vocabulary order."""
    return [(code, FACILITIES[code]) for code in FACILITIES if code in set(codes)]


def moment_words(moment: datetime) -> str:
    """Say a stored moment in London time, e.g. 'Wed 2 Dec 2026, 14:05' (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"{hours.local_time(moment):%a %-d %b %Y, %H:%M}"


def field_value(name: str, value) -> str:
    """Say a listing field's value as a person reads it: facilities by name, nothing as 'none'."""
    if name == "facilities" and value:
        return ", ".join(label for _code, label in facility_labels(str(value).split(";")))
    if value in (None, ""):
        return "none"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    return str(value)


_EMAIL_LIKE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE_LIKE = re.compile(r"\+?[0-9][0-9 ()-]{5,}")


def contact_href(contact: str) -> str | None:
    """Return a mailto: or tel: link for a contact that is just an email or a phone number."""
    if _EMAIL_LIKE.fullmatch(contact):
        return f"mailto:{contact}"
    if _PHONE_LIKE.fullmatch(contact):
        return "tel:" + re.sub(r"[^0-9+]", "", contact)
    return None
