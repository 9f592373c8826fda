"""Words and tables people read: status phrases, distances, weekly hours, directions links."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from urllib.parse import quote

from babel.dates import format_date

from locator.domain import language, policy
from locator.domain.language import N_, gettext
from locator.domain.vocabulary import FACILITIES, facility_label
from locator.hours import schedule as hours

# Said with gettext where shown.
NATION_NAMES = {
    "england": N_("England and Wales"),
    "wales": N_("England and Wales"),
    "scotland": N_("Scotland"),
    "northern_ireland": N_("Northern Ireland"),
}
# English day names; other languages take theirs from babel (see day_name).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The names the holidays package gives UK bank holidays, listed to be translated.
BANK_HOLIDAY_NAMES = (
    N_("New Year's Day"),
    N_("New Year Holiday"),
    N_("Saint Patrick's Day"),
    N_("Good Friday"),
    N_("Easter Monday"),
    N_("May Day"),
    N_("Spring Bank Holiday"),
    N_("Battle of the Boyne"),
    N_("Summer Bank Holiday"),
    N_("Late Summer Bank Holiday"),
    N_("Saint Andrew's Day"),
    N_("Christmas Day"),
    N_("Boxing Day"),
)
SOON = timedelta(minutes=60)
WALKING_M_PER_MIN = policy.WALKING_M_PER_MIN
# Beyond this a walking time misleads: nobody frightened walks an hour; say the distance.
MAX_WALK_MINUTES = 45
HOLIDAY_UNCONFIRMED = N_("Bank holiday: hours not confirmed, phone first")


def _english() -> bool:
    return language.current() == language.ENGLISH


def day_name(day: date, short: bool = False) -> str:
    """Say a day of the week in the current language: 'Friday', or 'Fri' when `short`."""
    if _english():
        name = WEEKDAYS[day.weekday()]
        return name[:3] if short else name
    return format_date(day, "EEE" if short else "EEEE", locale=language.current())


def short_date(day: date, year: bool = False) -> str:
    """Say a date briefly in the current language: 'Fri 25 Dec' ('Fri 25 Dec 2026' with `year`)."""
    if _english():
        return f"{day:%a %-d %b %Y}" if year else f"{day:%a %-d %b}"
    return format_date(day, "EEE d MMM y" if year else "EEE d MMM", locale=language.current())


def long_date(day: date, after_word: bool = False) -> str:
    """Say a date in full in the current language: 'Friday 25 December'.

    Welsh writes 'dydd Gwener 25 Rhagfyr', and 'ddydd Gwener ...' (`after_word`) where the day
    follows 'tan', 'o' or stands for 'on': the soft mutation the sentence asks for.
    """
    if _english():
        return f"{day:%A %-d %B}"
    said = format_date(day, "EEEE d MMMM", locale=language.current())
    said = said[:1].lower() + said[1:]
    return "d" + said if after_word and said.startswith("dydd") else said


def holiday_words(name: str) -> str:
    """Say a bank holiday's name (as the holidays package gives it) in the current language."""
    base, observed, _rest = name.partition(" (observed)")
    said = gettext(base)
    return gettext("%(holiday)s (observed)", holiday=said) if observed else said


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
        return gettext("Hours not known · ask before you rely on it")
    if next_change is None:
        return gettext("Open 24 hours") if state == "open" else gettext("Closed")
    if seconds is None:
        seconds = seconds_between(at, next_change)
    if seconds > SOON.total_seconds():
        return _later_phrase(
            state, next_change, next_state, today or hours.local_time(at).date(), language.current()
        )
    return _soon_phrase(state, next_state, max(1, round(seconds / 60)), language.current())


@lru_cache(maxsize=1024)
def _soon_phrase(state: str, next_state: str | None, minutes: int, speaking: str) -> str:  # noqa: ARG001 - a cache key
    # Every place changing in the same minute shares the words (in each language: `speaking`
    # is part of the key), so a search does not look each one up.
    if state == "open" and next_state == "unknown":
        # Open until a day the hours do not cover (a bank holiday): not a closing time.
        return gettext("Open · hours not confirmed from in %(minutes)s min", minutes=minutes)
    if state == "open":
        return gettext("Closes in %(minutes)s min", minutes=minutes)
    return gettext("Closed · opens in %(minutes)s min", minutes=minutes)


@lru_cache(maxsize=4096)
def _later_phrase(
    state: str, next_change: datetime, next_state: str | None, today: date, speaking: str
) -> str:
    # A change more than an hour away is said by its day and time, the same all day long: every
    # search that day shares the words (in each language: `speaking` is part of the key).
    when = _when_on(next_change, today, speaking)
    if state == "open" and next_state == "unknown":
        # Open until a day the hours do not cover (a bank holiday): not a closing time.
        local = hours.local_time(next_change)
        if local.hour == local.minute == 0 and (local.date() - today).days > 1:
            when = short_date(local.date())  # the whole day is not covered
        return gettext("Open · hours not confirmed from %(when)s", when=when)
    if state == "open":
        return gettext("Open · closes %(when)s", when=when)
    return gettext("Closed · opens %(when)s", when=when)


@lru_cache(maxsize=4096)
def _when_on(moment: datetime, today: date, speaking: str) -> str:  # noqa: ARG001 - a cache key
    # Depends on the day only, so every search that day shares it (next changes are few);
    # `speaking`, the language, keeps each language's words apart in the cache.
    moment = hours.local_time(moment)
    clock = f"{moment:%H:%M}"
    days = (moment.date() - today).days
    if clock == "00:00" and days in (0, 1):
        return gettext("midnight")
    if days == 0:
        return clock
    if days == 1:
        return gettext("%(time)s tomorrow", time=clock)
    if days < 7:
        return f"{day_name(moment.date(), short=True)} {clock}"
    return f"{short_date(moment.date())} {clock}"


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
        return gettext("Open")
    minutes = max(1, round(seconds_between(at, next_change) / 60))
    return gettext("Closes in %(minutes)s min: you may not get there in time", minutes=minutes)


def distance_phrase(metres: float | None) -> str | None:
    """Say a walking distance, e.g. '350 m · 4 min walk', or '12.3 km · too far to walk'."""
    if metres is None:
        return None
    minutes = walking_minutes(metres)
    length = f"{round(metres / 10) * 10:.0f} m" if metres < 1000 else f"{metres / 1000:.1f} km"
    return _distance_words(length, minutes, language.current())


@lru_cache(maxsize=4096)
def _distance_words(length: str, minutes: int, speaking: str) -> str:  # noqa: ARG001 - a cache key
    # Results share a few hundred distances, said once per language rather than per result.
    if minutes > MAX_WALK_MINUTES:
        return gettext("%(length)s · too far to walk", length=length)
    return gettext("%(length)s · %(minutes)s min walk", length=length, minutes=minutes)


@dataclass(frozen=True)
class DayHours:
    """One row of a weekly opening-hours table."""

    day: date
    name: str  # "Monday"
    spans: tuple[str, ...]  # ("09:00–17:30",) or () when closed all day
    note: str | None  # "Bank holiday: Christmas Day" or "Hours not known"
    today: bool
    bank_holiday: bool = False


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
            note = gettext("Bank holiday: %(name)s", name=holiday_words(holiday_names[day]))
        elif unknown:
            note = gettext("Hours not known for part of the day")
        rows.append(
            DayHours(
                day, day_name(day), tuple(opened), note, day == at.date(), day in holiday_names
            )
        )
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
        if not any(row.bank_holiday for row in week):
            break
        next_monday = week[0].day + timedelta(days=7)
        week = weekly_table(schedule, datetime.combine(next_monday, time(12), hours.LONDON))
    days_by_hours: dict[str, list[int]] = {}
    for number, row in enumerate(week):
        if row.spans:
            said = ", ".join(_twelve_hour_span(span) for span in row.spans)
        elif row.note:
            said = gettext("times not stated")
        else:
            continue  # closed all day
        days_by_hours.setdefault(said, []).append(number)
    if list(days_by_hours.values()) == [list(range(7))]:
        said = next(iter(days_by_hours))
        whole_day = gettext("24 hours")
        return whole_day if said == whole_day else gettext("Every day %(hours)s", hours=said)
    return "; ".join(f"{_day_ranges(days)} {said}" for said, days in days_by_hours.items())


def _twelve_hour_span(span: str) -> str:
    """Turn '09:00–17:30' into '9am–5:30pm', and a whole day into '24 hours'.

    Other languages keep the 24-hour clock, which Welsh writes too.
    """
    start, end = span.split("–")
    if (start, end) == ("00:00", "24:00"):
        return gettext("24 hours")
    return f"{_twelve_hour(start)}–{_twelve_hour(end)}"


def _twelve_hour(clock: str) -> str:
    hour, minute = (int(part) for part in clock.split(":"))
    if hour % 24 == 0 and minute == 0:
        return gettext("midnight")
    if not _english():
        return clock
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
    monday = date(2024, 1, 1)  # any Monday: day numbers count from it

    def short(number: int) -> str:
        return day_name(monday + timedelta(days=number), short=True)

    names = [short(run[0]) + (f"–{short(run[-1])}" if len(run) > 1 else "") for run in runs]
    return ", ".join(names)


def closure_phrase(closed_from: date | None, closed_until: date | None, today: date) -> str | None:
    """Say a temporary closure that has not ended (both days included); None when there is none.

    `closed_until` is the day the premises open again, as stored.
    """
    if closed_until is None or closed_until <= today:
        return None
    last = closed_until - timedelta(days=1)
    if closed_from is None or closed_from <= today:
        return gettext(
            "Temporarily closed until %(last)s: open again on %(reopens)s.",
            last=long_date(last, after_word=True),
            reopens=long_date(closed_until, after_word=True),
        )
    if closed_from == last:
        return gettext("Closed for the day on %(day)s.", day=long_date(last, after_word=True))
    return gettext(
        "Closed from %(first)s to %(last)s, both days included.",
        first=long_date(closed_from, after_word=True),
        last=long_date(last, after_word=True),
    )


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
    nation = gettext(NATION_NAMES.get(schedule.nation, "England and Wales"))
    upcoming = hours.next_bank_holidays(schedule.nation, hours.local_time(at).date())
    mentions_ph = "PH" in schedule.expression
    lead = (
        gettext("These hours set bank-holiday opening (%(nation)s calendar).", nation=nation)
        if mentions_ph
        else gettext("These hours say nothing about bank holidays: check before you rely on them.")
    )
    if not upcoming:
        return lead
    day, name = upcoming[0]
    noon = datetime.combine(day, datetime.min.time(), hours.LONDON) + timedelta(hours=12)
    state = schedule.status(noon).state
    if state == "open":
        word = gettext("open at midday")
    elif state == "closed":
        word = gettext("closed at midday")
    else:
        word = gettext("hours not known")
    following = gettext(
        "Next bank holiday in %(nation)s: %(day)s (%(name)s) — %(state)s.",
        nation=nation,
        day=long_date(day),
        name=holiday_words(name),
        state=word,
    )
    return f"{lead} {following}"


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
    return [(code, facility_label(code)) for code in FACILITIES if code in set(codes)]


def moment_words(moment: datetime) -> str:
    """Say a stored moment in London time, e.g. 'Wed 2 Dec 2026, 14:05' (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = hours.local_time(moment)
    return f"{short_date(local.date(), year=True)}, {local:%H:%M}"


def field_value(name: str, value) -> str:
    """Say a listing field's value as a person reads it: facilities by name, nothing as 'none'."""
    if name == "facilities" and value:
        return ", ".join(label for _code, label in facility_labels(str(value).split(";")))
    if value in (None, ""):
        return gettext("none")
    if isinstance(value, date):
        if _english():
            return f"{value:%-d %B %Y}"
        return format_date(value, "d MMMM y", locale=language.current())
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
