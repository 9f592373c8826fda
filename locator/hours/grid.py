"""The weekly hours grid: its cells to OSM opening hours and back, and a week compared day by day.

The grid has a line per weekday with up to two spans (a closing time at or before the opening
time means the next morning) and a line for bank holidays. `hours_from_grid` writes OSM hours
from it; `grid_reading` fills it from stored hours, or says why it cannot do so faithfully.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from locator.domain import clock
from locator.domain.errors import InvalidParameter
from locator.hours import schedule as hours

GRID_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
HOLIDAY_ROW = "ph"
BANK_HOLIDAYS = "Bank holidays"
SPANS_PER_LINE = 2
PARTS = ("open1", "close1", "open2", "close2")


# No "same as a normal day": a bank holiday falls on different weekdays, so we could not know
# which day's hours to use.
BANK_HOLIDAY_CHOICES = {
    "closed": "Closed on bank holidays",
    "open": "Open on bank holidays, at these times:",
    "unsure": "Not sure, or it varies",
}


GRID_TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")


def grid_fields() -> tuple[str, ...]:
    """Return the names of every cell of the grid, the bank-holiday choice last."""
    rows = (*GRID_DAYS, HOLIDAY_ROW)
    return (*(f"{row}_{part}" for row in rows for part in PARTS), "bank_holidays")


def hours_from_grid(form: Mapping[str, str]) -> str:
    """Turn the grid (two spans a day, and a bank-holiday row) into OSM opening hours."""
    week = {day: ",".join(_grid_spans(form, day, day.title())) or "CLOSED" for day in GRID_DAYS}
    try:
        expression = hours.nhs_week_to_osm(week)
    except hours.HoursError as error:
        raise InvalidParameter(str(error), "opening_hours") from None
    return expression + _bank_holiday_rule(form)


def _grid_spans(form: Mapping[str, str], row: str, name: str) -> list[str]:
    """Return one grid row's spans, e.g. ['09:00-12:00', '13:00-17:30']; empty when closed."""
    spans = []
    for n in (1, 2):
        start, end = (form.get(f"{row}_{part}{n}", "").strip() for part in ("open", "close"))
        if not (start or end):
            continue
        if not (start and end):
            raise InvalidParameter(
                f"Give both an opening and a closing time for {name}.", "opening_hours"
            )
        if not (GRID_TIME.match(start) and GRID_TIME.match(end)):
            raise InvalidParameter(
                f"Give the times for {name} in hours and minutes, such as 09:00.", "opening_hours"
            )
        end = "24:00" if end == "00:00" else end  # closing at midnight
        if start == end:
            raise InvalidParameter(
                f"The opening and closing times for {name} are the same ({start}); for a whole "
                "day give 00:00 to 00:00.",
                "opening_hours",
            )
        spans.append(f"{start}-{end}")
    return sorted(set(spans))


def _bank_holiday_rule(form: Mapping[str, str]) -> str:
    """Return the grid's bank-holiday rule ('; PH off', '; PH 10:00-16:00'), or '' when unsure."""
    choice = form.get("bank_holidays", "").strip()
    spans = _grid_spans(form, HOLIDAY_ROW, "bank holidays")
    if not choice and spans:
        choice = "open"  # times without a choice can only mean open at those times
    if choice and choice not in BANK_HOLIDAY_CHOICES:
        raise InvalidParameter(
            "Choose closed, open at set times, or not sure for bank holidays.", "opening_hours"
        )
    if choice == "open":
        if not spans:
            raise InvalidParameter(
                "Give your opening and closing times on bank holidays, or choose closed or not "
                "sure.",
                "opening_hours",
            )
        # Last, after '; ': on a bank holiday it replaces whatever the weekday rules say.
        return "; PH " + ",".join(spans)
    if spans:
        raise InvalidParameter(
            f"You gave times for bank holidays but chose '{BANK_HOLIDAY_CHOICES[choice]}': "
            "clear the times, or choose to open on bank holidays.",
            "opening_hours",
        )
    return "; PH off" if choice == "closed" else ""


# --- reading hours the way the grid writes them --------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the grid as stored hours read: a weekday, or bank holidays.

    Spans are (opens, closes) as the grid writes them: a night that runs past midnight belongs
    to the day it began on ('18:00', '01:00'), and midnight is '00:00'.
    """

    name: str  # "Friday" or "Bank holidays"
    spans: tuple[tuple[str, str], ...] = ()
    unknown: bool = False  # part of the day's hours are not definite
    varies: bool = False  # bank holidays that do not all open alike

    @property
    def text(self) -> str:
        """Say the line's hours, e.g. '09:00–12:00, 13:00–17:30', 'Closed' or 'Not known'."""
        return ", ".join(self.pieces)

    @property
    def pieces(self) -> tuple[str, ...]:
        """Return what the line says in pieces, a span each, for a page that keeps each whole."""
        if self.varies:
            return ("Differ from one bank holiday to another",)
        spans = tuple(
            "24 hours" if opens == closes else f"{opens}–{closes}" for opens, closes in self.spans
        )
        if spans and self.unknown:
            return (*spans, "otherwise not known")
        return spans or ("Not known" if self.unknown else "Closed",)


@dataclass(frozen=True)
class GridReading:
    """Stored hours as the grid's cells, or why the grid cannot hold them faithfully."""

    values: dict[str, str]  # cell name → value; empty when `reason` is given
    reason: str | None  # the end of a sentence: "We cannot show your hours in the table: …"
    week: tuple[Line, ...]  # Monday to Sunday, then bank holidays


def usual_week(schedule: hours.Schedule, today: date | None = None) -> tuple[Line, ...]:
    """Return an ordinary week's lines (no bank holiday near it), Monday first, then holidays."""
    today = today or clock.today()
    days = _lines(schedule, _ordinary_monday(schedule.nation, today), 7)
    return (*days, _holiday_line(schedule, today))


def grid_reading(schedule: hours.Schedule, today: date | None = None) -> GridReading:
    """Return the grid's cells for stored hours, or why they cannot be shown in it faithfully."""
    today = today or clock.today()
    week = usual_week(schedule, today)
    reason = _unfit(week, schedule.sets_holidays)
    values = {} if reason else _cells(week)
    if values:
        try:
            again = hours.parse_hours(hours_from_grid(values), schedule.nation)
        except (InvalidParameter, hours.HoursError):
            again = None
        if again is None or not same_hours(schedule, again, today):
            reason = "they change with the date (months, weeks or particular days)."
            values = {}
    return GridReading(values, reason, week)


def same_hours(first: hours.Schedule, second: hours.Schedule, today: date | None = None) -> bool:
    """Return True when two schedules open and close alike every minute of the coming year."""
    start = datetime.combine(today or clock.today(), time())
    end = start + timedelta(days=366)
    return first.wall_intervals(start, end) == second.wall_intervals(start, end)


@dataclass(frozen=True)
class LineChange:
    """A line of the week that reads differently after a change."""

    name: str
    before: str
    after: str


def week_changes(before: Sequence[Line], after: Sequence[Line]) -> list[LineChange]:
    """Compare two weeks line by line; return the lines that differ, in the week's order."""
    return [
        LineChange(old.name, old.text, new.text)
        for old, new in zip(before, after, strict=True)
        if old != new
    ]


def _ordinary_monday(nation: str, today: date) -> date:
    """Return the first Monday from this week on whose week has no bank holiday near it.

    Near: from the Sunday before to the Tuesday after, so no night is cut by a holiday's rule.
    """
    monday = today - timedelta(days=today.weekday())
    for _ in range(8):
        near = (monday + timedelta(days=offset) for offset in range(-1, 9))
        if not any(hours.holiday_name(nation, day) for day in near):
            return monday
        monday += timedelta(weeks=1)
    return monday


def _lines(schedule: hours.Schedule, first: date, count: int) -> list[Line]:
    """Return `count` days' lines from `first`, each night past midnight on the day it began."""
    # One day either side: whether the first morning continues the night before, and how far
    # the last night runs.
    days = [first + timedelta(days=offset) for offset in range(-1, count + 1)]
    spans = schedule.wall_intervals(
        datetime.combine(days[0], time()), datetime.combine(days[-1] + timedelta(days=1), time())
    )
    pieces: dict[date, list[list[datetime]]] = {day: [] for day in days}
    unknown: set[date] = set()
    for begins, end, state in spans:
        start = begins
        while state != "closed" and start < end:
            stop = min(end, datetime.combine(start.date() + timedelta(days=1), time()))
            if state == "open":
                pieces[start.date()].append([start, stop])
            else:
                unknown.add(start.date())
            start = stop
    for day in days[1:]:
        night, morning = pieces[day - timedelta(days=1)], pieces[day]
        if night and morning and _continues(night[-1], morning[0], day):
            night[-1][1] = morning.pop(0)[1]
    return [
        Line(
            _day_name(day),
            tuple((f"{start:%H:%M}", f"{stop:%H:%M}") for start, stop in pieces[day]),
            day in unknown,
        )
        for day in days[1:-1]
    ]


def _continues(night: list[datetime], morning: list[datetime], day: date) -> bool:
    """Return True when a morning span is the end of the night before, as the grid writes it.

    Not when either is a whole day, nor when the night would close at or after its own
    opening time: the grid cannot write a span of a day or more.
    """
    midnight = datetime.combine(day, time())
    return (
        night[1] == midnight == morning[0]
        and night[0].time() != time()
        and morning[1].date() == day
        and morning[1].time() < night[0].time()
    )


def _day_name(day: date) -> str:
    """Return a date's weekday name, e.g. 'Friday'."""
    return GRID_DAYS[day.weekday()].title()


def _holiday_line(schedule: hours.Schedule, today: date) -> Line:
    """Return the bank holidays' line: how every bank holiday in the coming year opens."""
    if not schedule.sets_holidays:
        return Line(BANK_HOLIDAYS, unknown=True)  # the grid's "not sure"
    upcoming = hours.next_bank_holidays(schedule.nation, today, count=20)
    lines = [_lines(schedule, day, 1)[0] for day, _name in upcoming if (day - today).days < 365]
    seen = {(line.spans, line.unknown) for line in lines}
    if len(seen) != 1:
        return Line(BANK_HOLIDAYS, varies=True)
    spans, unknown = seen.pop()
    return Line(BANK_HOLIDAYS, spans, unknown)


def _unfit(week: Sequence[Line], sets_holidays: bool) -> str | None:
    """Return why the grid cannot hold a week's lines (the end of a sentence), or None.

    Bank holidays not known are the grid's "not sure" only when the hours say nothing of them.
    """
    if any(line.unknown for line in week[:-1]) or (sets_holidays and week[-1].unknown):
        return (
            "some of them are not set times (a day without times, an open end such as "
            "'18:00+', or a comment)."
        )
    for line in week:
        if len(line.spans) > SPANS_PER_LINE:
            return (
                f"{line.name} has {len(line.spans)} opening times ({line.text}); the table has two."
            )
    if week[-1].varies:
        return "they differ from one bank holiday to another."
    return None


def _cells(week: Sequence[Line]) -> dict[str, str]:
    """Return the grid's cells for week lines that fit it."""
    cells = {}
    for row, line in zip((*GRID_DAYS, HOLIDAY_ROW), week, strict=True):
        for n, (opens, closes) in enumerate(line.spans, start=1):
            cells[f"{row}_open{n}"], cells[f"{row}_close{n}"] = opens, closes
    holidays = week[-1]
    cells["bank_holidays"] = (
        "open" if holidays.spans else "unsure" if holidays.unknown else "closed"
    )
    return cells
