"""Changing opening hours on the manage page: through the grid or the OSM line, and what else moved.

The page sends the grid's cells, the OSM line and the hours it showed. A changed OSM line wins
(it is the advanced way, and replaces the table); otherwise changed cells become new hours. After
a save the week before and after is compared line by line, and a line that changed although the
person did not touch it is named, so that nothing is lost silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import chain

from locator.hours import grid
from locator.hours import schedule as hours

# The hidden field with the hours the page showed: what the person's changes are measured from.
HOURS_SHOWN = "hours_shown"
LINE_NAMES = (*(day.title() for day in grid.GRID_DAYS), grid.BANK_HOLIDAYS)


@dataclass(frozen=True)
class HoursEdit:
    """The hours a manage form asks for, and the lines of the week the person changed."""

    expression: str | None  # None: neither the grid nor the OSM line was changed
    touched: frozenset[str]  # line names: "Friday", "Bank holidays"


def hours_sent(form: Mapping[str, str], current: str, nation: str) -> HoursEdit:
    """Return the hours a manage form asks for; raise InvalidParameter for a grid that is wrong."""
    shown = form.get(HOURS_SHOWN) or current
    line = form.get("opening_hours")
    if line is not None and line.strip() != shown.strip():
        return HoursEdit(line.strip(), _lines_named(shown, line))
    fields = grid.grid_fields()
    if not any(name in form for name in fields):
        return HoursEdit(None, frozenset())
    before = _filled(reading_of(shown, nation).values)
    sent = _filled({name: form.get(name, "") for name in fields})
    if sent == before:
        return HoursEdit(None, frozenset())
    touched = {
        name
        for row, name in zip((*grid.GRID_DAYS, grid.HOLIDAY_ROW), LINE_NAMES, strict=True)
        if any(sent.get(f"{row}_{part}") != before.get(f"{row}_{part}") for part in grid.PARTS)
    }
    if sent.get("bank_holidays") != before.get("bank_holidays"):
        touched.add(grid.BANK_HOLIDAYS)
    return HoursEdit(grid.hours_from_grid(sent), frozenset(touched))


def reading_of(expression: str, nation: str, today: date | None = None) -> grid.GridReading:
    """Return stored hours as the grid reads them; hours that no longer parse fill no cells."""
    try:
        schedule = hours.parse_hours(expression, nation)
    except hours.HoursError as error:
        return grid.GridReading({}, f"they can no longer be read: {error}", ())
    return grid.grid_reading(schedule, today)


@dataclass(frozen=True)
class HoursChange:
    """An ordinary week's hours before and after a save, and what changed unasked."""

    before: tuple[grid.Line, ...]
    after: tuple[grid.Line, ...]
    changes: tuple[grid.LineChange, ...]
    warnings: tuple[str, ...]  # one sentence per line that changed but was not touched

    @property
    def rows(self) -> list[tuple[str, grid.Line, grid.Line, bool]]:
        """Return each line as (name, before, after, changed), for one table of both weeks."""
        return [
            (old.name, old, new, old != new)
            for old, new in zip(self.before, self.after, strict=True)
        ]


def compare_hours(
    before: str, after: str, nation: str, touched: frozenset[str], today: date | None = None
) -> HoursChange:
    """Compare the week before and after a change; warn of each changed line not touched."""
    week_before = grid.usual_week(hours.parse_hours(before, nation), today)
    week_after = grid.usual_week(hours.parse_hours(after, nation), today)
    changes = tuple(grid.week_changes(week_before, week_after))
    warnings = tuple(
        f"{_whose(change.name)} changed too: {change.before} → {change.after}. "
        "If that is not what you meant, put it back below."
        for change in changes
        if change.name not in touched
    )
    return HoursChange(week_before, week_after, changes, warnings)


def _whose(name: str) -> str:
    return "Bank holiday hours" if name == grid.BANK_HOLIDAYS else f"{name}'s hours"


def _filled(cells: Mapping[str, str]) -> dict[str, str]:
    return {name: value.strip() for name, value in cells.items() if value and value.strip()}


# What a person meant to change in the OSM line is read from the rules they added or removed:
# the days those rules name. Rules are split where OSM splits them; comments are set aside.
_COMMENT = re.compile(r'"[^"]*"')
_RULE_BREAK = re.compile(r";|\|\||,\s+(?=[A-Za-z])")
_DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_RANGE = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?\b")
_HOLIDAY = re.compile(r"\bPH\b")


def _rules(expression: str) -> set[str]:
    text = _COMMENT.sub('""', expression)
    return {" ".join(rule.split()) for rule in _RULE_BREAK.split(text) if rule.strip()}


def _lines_named(before: str, after: str) -> frozenset[str]:
    """Return the lines of the week named by the rules one OSM line has and the other has not.

    A rule that names no day (`24/7`, `Dec 25 off`) may change any of them.
    """
    named: set[str] = set()
    for rule in _rules(before) ^ _rules(after):
        days = [_days_in(match) for match in _DAY_RANGE.finditer(rule)]
        holiday = bool(_HOLIDAY.search(rule))
        if not days and not holiday:
            return frozenset(LINE_NAMES)
        named.update(LINE_NAMES[index] for index in chain.from_iterable(days))
        if holiday:
            named.add(grid.BANK_HOLIDAYS)
    return frozenset(named)


def _days_in(match: re.Match) -> list[int]:
    """Return the weekday numbers of 'Fr' or 'Mo-Fr' (a range may wrap: 'Sa-Mo')."""
    first = _DAY_CODES.index(match[1])
    last = _DAY_CODES.index(match[2] or match[1])
    return [(first + offset) % 7 for offset in range((last - first) % 7 + 1)]
