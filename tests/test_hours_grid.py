"""The hours grid read from stored hours and written back, and a week compared line by line."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from locator.hours import grid
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.listings.hours_edit import LINE_NAMES, compare_hours, hours_sent

ROOT = Path(__file__).parent.parent
TODAY = date(2026, 12, 2)  # a Wednesday, with Christmas and the New Year ahead
LATE_FRIDAY = "Mo-Sa 09:00-17:30, Fr 18:00-01:00"
FRIDAY_BEFORE = "09:00–17:30, 18:00–01:00"
FRIDAY_CUT = "09:00–17:30, 18:00–00:00"


def stored_hours(path: str, fmt: str) -> set[str]:
    """Return the distinct opening hours of a file as an import reads them."""
    _, rows = importing.read_rows(ROOT / path, fmt, "Test")
    return {row.values["opening_hours"] for row in rows if row.values.get("opening_hours")}


def judged_hours() -> set[str]:
    with open(ROOT / "tests/data/hours_judged_norwich.csv", encoding="utf-8") as handle:
        return {row["expression"] for row in csv.DictReader(handle)}


DEMO = "locator/data/demo"
SOURCES = {
    # name: (the expressions, the least share of those that parse the grid must hold)
    "demo Norwich shops": (lambda: stored_hours(f"{DEMO}/norwich_shops.geojson", "geojson"), 0.9),
    "demo pharmacies (NHS)": (lambda: stored_hours(f"{DEMO}/gm_pharmacies.geojson", "nhs"), 0.95),
    "OSM extract": (lambda: stored_hours("tests/data/osm/norwich_shops.flat.geojson", "auto"), 0.9),
    # Chosen for being hard: months, comments, open ends, particular days.
    "judged Norwich cases": (judged_hours, 0.5),
}


@pytest.mark.parametrize("source", SOURCES)
def test_stored_hours_read_into_the_grid_and_written_back_keep_the_same_week(source):
    read, least_share = SOURCES[source]
    fitted = readable = 0
    for expression in sorted(read()):
        try:
            schedule = hours.parse_hours(expression)
        except hours.HoursError:
            continue  # refused at import: never stored
        readable += 1
        reading = grid.grid_reading(schedule, TODAY)
        if not reading.values:
            assert reading.reason, expression
            continue
        again = hours.parse_hours(grid.hours_from_grid(reading.values))
        assert grid.usual_week(again, TODAY) == grid.usual_week(schedule, TODAY), expression
        fitted += 1
    assert fitted >= least_share * readable, f"{fitted} of {readable} fit the grid"


@pytest.mark.parametrize(
    ("expression", "line", "said"),
    [
        (LATE_FRIDAY, "Friday", FRIDAY_BEFORE),
        (LATE_FRIDAY, "Saturday", "09:00–17:30"),
        (LATE_FRIDAY, "Sunday", "Closed"),
        ("24/7", "Monday", "24 hours"),
        ("Fr 22:00-24:00; Sa 00:00-24:00; Su 00:00-02:00", "Friday", "22:00–00:00"),
        ("Fr 22:00-24:00; Sa 00:00-24:00; Su 00:00-02:00", "Saturday", "24 hours"),
        ("Fr 22:00-24:00; Sa 00:00-24:00; Su 00:00-02:00", "Sunday", "00:00–02:00"),
        ("Mo-Su 18:00-02:00; PH off", "Sunday", "18:00–02:00"),
        ("Mo-Su 18:00-02:00; PH off", "Bank holidays", "Closed"),
        ("Mo-Sa 09:00-17:30; PH 10:00-16:00", "Bank holidays", "10:00–16:00"),
        ("Mo-Fr 09:00-17:00", "Bank holidays", "Not known"),
        ("Mo-Sa; Su 10:00-16:00", "Monday", "Not known"),
    ],
)
def test_each_line_of_the_week_holds_the_hours_of_the_day_they_open_on(expression, line, said):
    week = grid.usual_week(hours.parse_hours(expression), TODAY)
    assert {each.name: each.text for each in week}[line] == said


@pytest.mark.parametrize(
    ("expression", "cells"),
    [
        (
            LATE_FRIDAY,
            {
                "friday_open1": "09:00",
                "friday_close1": "17:30",
                "friday_open2": "18:00",
                "friday_close2": "01:00",
                "saturday_close1": "17:30",
                "sunday_open1": None,
                "bank_holidays": "unsure",
            },
        ),
        ("Mo-Sa 09:00-17:30; PH off", {"monday_open1": "09:00", "bank_holidays": "closed"}),
        (
            "Mo-Sa 09:00-17:30; Su,PH 10:00-16:00",
            {"sunday_open1": "10:00", "bank_holidays": "open", "ph_close1": "16:00"},
        ),
        ("24/7", {"wednesday_open1": "00:00", "wednesday_close1": "00:00"}),
    ],
)
def test_the_grid_is_filled_from_the_listings_hours(expression, cells):
    reading = grid.grid_reading(hours.parse_hours(expression), TODAY)
    assert reading.reason is None
    assert {name: reading.values.get(name) for name in cells} == cells


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("Mo-Sa 08:00-12:00,13:00-15:00,16:00-18:00", "Monday has 3 opening times"),
        ("Mar-Oct Mo-Su 10:00-18:00; Nov-Feb Mo-Su 10:00-16:00", "change with the date"),
        ("Mo-Fr 09:00-17:00; Mo[1] off", "change with the date"),
        ("Mo-Fr 09:00-17:00; Dec 24 off", "change with the date"),
        ("Mo-Sa; Su 10:00-16:00", "not set times"),
        ("Mo-Fr 09:00-17:00; Sa 10:00+", "not set times"),
        ("Mo-Fr 09:00-17:00; PH 10:00+", "not set times"),
        ('Mo-Fr 09:00-17:00; Sa "by appointment"', "not set times"),
        # A later Monday rule overrides the holiday rule on Monday holidays only.
        ("Mo-Sa 09:00-17:30; PH off; Mo 09:00-12:00", "differ from one bank holiday to another"),
    ],
)
def test_hours_the_grid_cannot_hold_fill_no_cell_and_say_why(expression, reason):
    reading = grid.grid_reading(hours.parse_hours(expression), TODAY)
    assert reading.values == {}
    assert reason in reading.reason


def test_comparing_two_weeks_names_each_line_that_reads_differently():
    before = grid.usual_week(hours.parse_hours(LATE_FRIDAY), TODAY)
    after = grid.usual_week(hours.parse_hours(LATE_FRIDAY + "; Sa 09:00-16:00; PH off"), TODAY)
    assert grid.week_changes(before, after) == [
        grid.LineChange("Friday", FRIDAY_BEFORE, FRIDAY_CUT),
        grid.LineChange("Saturday", "09:00–17:30", "09:00–16:00"),
        grid.LineChange("Bank holidays", "Not known", "Closed"),
    ]
    assert grid.week_changes(before, before) == []


def manage_form(expression: str, **changes: str) -> dict[str, str]:
    """Return what the manage page sends for a listing's hours, with some cells changed."""
    cells = grid.grid_reading(hours.parse_hours(expression), TODAY).values
    return {"hours_shown": expression, "opening_hours": expression, **cells, **changes}


def test_editing_saturday_in_the_grid_keeps_fridays_late_night():
    edit = hours_sent(manage_form(LATE_FRIDAY, saturday_close1="16:00"), LATE_FRIDAY, "england")
    assert edit.touched == {"Saturday"}
    schedule = hours.parse_hours(edit.expression)
    friday_night = datetime(2026, 12, 5, 0, 30, tzinfo=hours.LONDON)  # early Saturday
    assert schedule.status(friday_night).state == "open"
    assert schedule.status(datetime(2026, 12, 5, 16, 30, tzinfo=hours.LONDON)).state == "closed"
    change = compare_hours(LATE_FRIDAY, edit.expression, "england", edit.touched, TODAY)
    assert [line.name for line in change.changes] == ["Saturday"]
    assert change.warnings == ()


def test_an_edited_osm_line_that_cuts_an_untouched_day_is_warned_about():
    line = LATE_FRIDAY + "; Sa 09:00-16:00"
    edit = hours_sent(manage_form(LATE_FRIDAY, opening_hours=line), LATE_FRIDAY, "england")
    assert (edit.expression, edit.touched) == (line, {"Saturday"})
    change = compare_hours(LATE_FRIDAY, line, "england", edit.touched, TODAY)
    assert change.warnings == (
        f"Friday's hours changed too: {FRIDAY_BEFORE} → {FRIDAY_CUT}. "
        "If that is not what you meant, put it back below.",
    )


@pytest.mark.parametrize(
    ("before", "after", "touched"),
    [
        ("Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00; Sa 10:00-12:00", {"Saturday"}),
        ("Mo-Fr 09:00-17:00; PH off", "Mo-Fr 09:00-17:00; PH 10:00-12:00", {"Bank holidays"}),
        (
            "Mo-Fr 09:00-17:00; Sa 10:00-12:00",
            "Mo-Fr 09:00-17:00; Sa-Mo 10:00-12:00",
            {"Saturday", "Sunday", "Monday"},
        ),
        ("Mo-Fr 09:00-17:00", 'Mo-Fr 09:00-17:00 "ring the bell"', set(LINE_NAMES[:5])),
        ("Mo-Fr 09:00-17:00", "24/7", set(LINE_NAMES)),
    ],
)
def test_an_osm_line_touches_the_days_its_added_or_removed_rules_name(before, after, touched):
    edit = hours_sent(manage_form(before, opening_hours=after), before, "england")
    assert edit.touched == touched


@pytest.mark.parametrize(
    "expression", [LATE_FRIDAY, "Mar-Oct Mo-Su 10:00-18:00; Nov-Feb Mo-Su 10:00-16:00"]
)
def test_a_form_sent_back_as_shown_changes_no_hours(expression):
    assert hours_sent(manage_form(expression), expression, "england").expression is None


def test_filling_in_the_grid_replaces_hours_it_could_not_show():
    seasonal = "Mar-Oct Mo-Su 10:00-18:00; Nov-Feb Mo-Su 10:00-16:00"
    form = manage_form(seasonal, monday_open1="09:00", monday_close1="12:00")
    edit = hours_sent(form, seasonal, "england")
    assert (edit.expression, edit.touched) == ("Mo 09:00-12:00", {"Monday"})
