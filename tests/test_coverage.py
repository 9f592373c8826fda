"""Coverage gaps: the hour-by-week grid, the uncovered area and the partners' page."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest
import shapely

from locator.coverage import gaps as coverage
from locator.coverage.gaps import Site
from locator.domain.errors import InvalidParameter
from locator.domain.premises import Located

from builders import add_premises, ids_by_ref
from conftest import premises_row

# A hand-made district: a 4 km square around Leeds city centre, not from the data files.
CENTRE_LAT, CENTRE_LON = 53.7997, -1.5492
METRES_PER_DEG = 111_195.0
HALF_SIDE_M = 2000.0
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# A week with no bank holiday in England (the one before has the Early May bank holiday).
PLAIN_MONDAY = date(2026, 5, 11)


def offset(north_m: float, east_m: float) -> tuple[float, float]:
    """Return the point this many metres north and east of the square's centre."""
    d_lat = north_m / METRES_PER_DEG
    d_lon = east_m / (METRES_PER_DEG * math.cos(math.radians(CENTRE_LAT)))
    return CENTRE_LAT + d_lat, CENTRE_LON + d_lon


def square() -> shapely.Polygon:
    south, west = offset(-HALF_SIDE_M, -HALF_SIDE_M)
    north, east = offset(HALF_SIDE_M, HALF_SIDE_M)
    return shapely.box(west, south, east, north)


A = Site(*offset(0, 0), "Mo-Fr 09:00-17:00")  # at the centre
B = Site(*offset(600, 0), "Fr-Sa 18:00-02:00")  # 600 m north, inside the radius
C = Site(*offset(0, 3000), "24/7")  # 3 km east: outside the square and the radius


@pytest.fixture(scope="module")
def three_shops():
    return coverage.analyse(square(), [A, B, C], coverage.reference_week(monday=PLAIN_MONDAY))


def test_the_hand_made_district_is_centred_where_shop_a_is(three_shops):
    assert three_shops.centre == pytest.approx((A.lat, A.lon), abs=1e-9)


@pytest.mark.parametrize(
    ("day", "hour", "in_district", "near_centre", "why"),
    [
        (FRI, 22, 1, 1, "B's Friday night"),
        (SAT, 1, 1, 1, "B's Friday night runs past midnight"),
        (SAT, 2, 0, 0, "B closes at 02:00"),
        (SUN, 1, 1, 1, "B's Saturday night"),
        (SUN, 3, 0, 0, "only C, 3 km away, is open"),
        (MON, 10, 1, 1, "A"),
        (MON, 8, 0, 0, "A opens at 09:00"),
        (FRI, 16, 1, 1, "A's last hour"),
        (FRI, 17, 0, 0, "A closes at 17:00 and B opens at 18:00"),
        (FRI, 18, 1, 1, "B opens"),
        (SAT, 12, 0, 0, "A is shut at weekends"),
    ],
)
def test_each_cell_counts_the_premises_open_for_that_hour(
    three_shops, day, hour, in_district, near_centre, why
):
    cell = three_shops.cell(day, hour)
    assert (cell.open_in_district, cell.open_near_centre) == (in_district, near_centre), why
    assert cell.centre_covered is (near_centre > 0)


def test_the_grid_has_seven_days_of_twenty_four_hours_monday_first(three_shops):
    assert [len(day) for day in three_shops.cells] == [24] * 7
    first, last = three_shops.cell(MON, 0), three_shops.cell(SUN, 23)
    assert first.start.date() == PLAIN_MONDAY and first.start.hour == 0
    assert last.start.date() == date(2026, 5, 17) and last.end.hour == 0


def test_a_premises_open_for_part_of_an_hour_does_not_cover_it():
    result = coverage.analyse(
        square(), [Site(A.lat, A.lon, "Mo 10:30-12:00")], coverage.Week(PLAIN_MONDAY)
    )
    assert [result.cell(MON, hour).open_in_district for hour in (10, 11, 12)] == [0, 1, 0]


@pytest.mark.parametrize(
    "hours_text",
    ["Mo-Su 18:00+", 'Mo-Su "by appointment"', "not hours at all"],
)
def test_hours_that_are_unknown_or_unreadable_never_count_as_open(hours_text):
    result = coverage.analyse(
        square(), [Site(A.lat, A.lon, hours_text)], coverage.Week(PLAIN_MONDAY)
    )
    assert all(cell.open_in_district == 0 for day in result.cells for cell in day)


def test_a_temporary_closure_closes_every_hour_before_the_reopening_date():
    closed = Site(A.lat, A.lon, "24/7", closed_until=date(2026, 5, 13))
    result = coverage.analyse(square(), [closed], coverage.Week(PLAIN_MONDAY))
    assert [result.cell(day, 12).open_in_district for day in (MON, TUE, WED, THU)] == [0, 0, 1, 1]


def test_a_scheduled_closure_closes_only_the_hours_of_its_own_days():
    # Closed Tuesday and Wednesday: from the 12th, open again on the 14th.
    refit = Site(
        A.lat, A.lon, "24/7", closed_until=date(2026, 5, 14), closed_from=date(2026, 5, 12)
    )
    result = coverage.analyse(square(), [refit], coverage.Week(PLAIN_MONDAY))
    assert [result.cell(day, 12).open_in_district for day in (MON, TUE, WED, THU)] == [1, 0, 0, 1]


def test_each_distinct_hours_and_nation_is_evaluated_once_for_the_week():
    coverage.open_hours.cache_clear()
    shops = [Site(*offset(10 * i, 0), "Mo-Sa 08:00-20:00") for i in range(40)]
    shops += [Site(*offset(0, 10 * i), "24/7") for i in range(40)]
    coverage.analyse(square(), shops, coverage.Week(PLAIN_MONDAY))
    assert coverage.open_hours.cache_info().misses == 2


def test_the_whole_district_is_uncovered_when_nothing_is_open_nearby(three_shops):
    gaps = three_shops.gaps(SUN, 3)
    assert gaps.covered_share == 0
    assert gaps.uncovered_share == 1
    assert gaps.uncovered_mask.all()
    assert gaps.uncovered.area == pytest.approx(square().area)


def test_the_uncovered_share_falls_to_about_the_circle_around_a_when_it_is_open(three_shops):
    gaps = three_shops.gaps(MON, 10)
    # A 1 km circle in a 4 km square leaves about 1 - pi/16 of it uncovered.
    assert gaps.uncovered_share == pytest.approx(1 - math.pi / 16, abs=0.03)
    assert gaps.uncovered.area / square().area == pytest.approx(gaps.uncovered_share, abs=0.03)
    assert not gaps.uncovered.contains(shapely.Point(A.lon, A.lat))
    assert gaps.uncovered.contains(shapely.Point(*reversed(offset(1800, 1800))))


def test_grid_points_are_about_250_m_apart_and_all_inside_the_district(three_shops):
    grid = three_shops.grid
    assert grid.spacing_m == 250
    assert grid.size == 16 * 16
    assert shapely.contains_xy(square(), grid.lons, grid.lats).all()


def test_a_large_district_gets_a_wider_grid_instead_of_too_many_points():
    grid = coverage.district_grid(square(), spacing_m=50, max_points=1000)
    assert grid.size <= 1100
    assert grid.spacing_m > 50


def test_a_district_smaller_than_one_cell_is_one_point():
    tiny = shapely.Point(CENTRE_LON, CENTRE_LAT).buffer(0.0005)
    grid = coverage.district_grid(tiny, spacing_m=250)
    assert grid.size == 1


def test_a_district_with_no_premises_is_uncovered_all_week():
    result = coverage.analyse(square(), [], coverage.Week(PLAIN_MONDAY))
    assert all(cell.covered_share == 0 for day in result.cells for cell in day)
    assert result.gaps(FRI, 22).uncovered_share == 1


@pytest.mark.parametrize(
    ("day", "hour", "expected"),
    [
        (SUN, 3, "At 03:00 on Sunday no safe space is open within 1 km of any part of Testville."),
        (MON, 10, "At 10:00 on Monday no safe space is open within 1 km of 80% of Testville."),
    ],
)
def test_the_summary_says_how_much_of_the_district_has_nothing_open(
    three_shops, day, hour, expected
):
    assert coverage.summary(three_shops, day, hour, "Testville") == expected


def test_the_summary_says_when_every_part_is_covered():
    everywhere = [Site(*offset(n, e), "24/7") for n in (-1000, 1000) for e in (-1000, 1000)]
    result = coverage.analyse(square(), everywhere, coverage.Week(PLAIN_MONDAY), radius_m=1500)
    assert coverage.summary(result, SAT, 4, "Testville") == (
        "At 04:00 on Saturday a safe space is open within 1.5 km of every part of Testville."
    )


@pytest.mark.parametrize(
    ("share", "words"),
    [(0, "0%"), (0.004, "less than 1%"), (0.38, "38%"), (0.996, "more than 99%"), (1, "100%")],
)
def test_percentages_never_round_a_part_to_none_or_to_all(share, words):
    assert coverage.percent(share) == words


@pytest.mark.parametrize(
    ("today", "nation", "monday", "skipped"),
    [
        (date(2026, 5, 6), "england", date(2026, 5, 11), ()),
        (date(2026, 5, 11), "england", date(2026, 5, 18), ()),  # a Monday: the next one
        (date(2026, 4, 28), "england", date(2026, 5, 11), (date(2026, 5, 4),)),
        (
            date(2026, 12, 20),
            "scotland",
            date(2027, 1, 11),
            (date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)),
        ),
    ],
)
def test_the_default_week_is_the_coming_one_without_a_bank_holiday(today, nation, monday, skipped):
    week = coverage.reference_week(nation, today)
    assert (week.monday, week.skipped, week.bank_holidays) == (monday, skipped, ())


def test_a_chosen_week_with_a_bank_holiday_notes_it():
    week = coverage.reference_week("england", monday=date(2026, 5, 4))
    assert [day for day, _name in week.bank_holidays] == [date(2026, 5, 4)]


def test_a_chosen_week_must_start_on_a_monday():
    with pytest.raises(InvalidParameter):
        coverage.reference_week("england", monday=date(2026, 5, 5))


def test_every_hour_of_the_week_the_clocks_go_forward_has_a_length():
    result = coverage.analyse(
        square(), [Site(A.lat, A.lon, "24/7")], coverage.Week(date(2026, 3, 23))
    )
    assert all(cell.end > cell.start for day in result.cells for cell in day)
    assert all(cell.open_in_district == 1 for day in result.cells for cell in day)


def test_premises_near_keeps_rows_in_or_near_the_district_and_flags_those_in_it():
    rows = [
        Located(1, *offset(0, 0), "", "24/7", "england", "E1"),
        Located(2, *offset(0, 2500), "", "24/7", "england", "E2"),  # 500 m outside: near
        Located(3, *offset(0, 9000), "", "24/7", "england", "E2"),  # far away
    ]
    near = coverage.premises_near(rows, square(), radius_m=1000, area_code="E1")
    assert [(p.lon, p.in_district) for p in near] == [(rows[0].lon, True), (rows[1].lon, False)]


@pytest.mark.parametrize(
    ("parse", "raw", "value"),
    [
        (coverage.parse_day, "fri", FRI),
        (coverage.parse_day, "Sunday", SUN),
        (coverage.parse_day, None, FRI),
        (coverage.parse_hour, "0", 0),
        (coverage.parse_hour, "22:00", 22),
        (coverage.parse_hour, "", 22),
        (coverage.parse_radius_km, "0.5", 0.5),
        (coverage.parse_radius_km, "5", 5.0),
    ],
)
def test_parameters_are_read(parse, raw, value):
    assert parse(raw) == value


@pytest.mark.parametrize(
    ("parse", "raw"),
    [
        (coverage.parse_day, "friday night"),
        (coverage.parse_hour, "24"),
        (coverage.parse_hour, "-1"),
        (coverage.parse_hour, "22:30"),
        (coverage.parse_hour, "٣"),  # a digit, but not an ASCII one
        (coverage.parse_radius_km, "0.4"),
        (coverage.parse_radius_km, "6"),
        (coverage.parse_radius_km, "nan"),
        (coverage.parse_radius_km, "one"),
    ],
)
def test_bad_parameters_are_refused_with_the_field_named(parse, raw):
    with pytest.raises(InvalidParameter) as caught:
        parse(raw)
    assert caught.value.field in ("day", "hour", "radius_km")


# -- the page --------------------------------------------------------------------------------

LEEDS_CENTRE = (53.79648, -1.54785)


def cell_counts(html: str, day: str, hour: int) -> tuple[int, int]:
    found = re.search(
        rf'data-day="{day}" data-hour="{hour}" data-open="(\d+)" data-near-centre="(\d+)"', html
    )
    assert found, (day, hour)
    return int(found.group(1)), int(found.group(2))


@pytest.fixture
def leeds_shops(locator):
    lat, lon = LEEDS_CENTRE
    add_premises(
        locator,
        [
            premises_row("all-day", lat, lon, opening_hours="24/7", name="Night Owl Chemist"),
            premises_row("office", lat + 0.002, lon, opening_hours="Mo-Fr 09:00-17:00"),
        ],
        publish=True,
    )
    return ids_by_ref(locator)


def test_the_page_shows_the_grid_the_sentence_and_the_map_for_a_district(client, leeds_shops):
    response = client.get("/partners/coverage?area=leeds&day=mon&hour=10&radius_km=1")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Coverage gaps in Leeds" in html
    assert cell_counts(html, "mon", 10) == (2, 2)
    assert cell_counts(html, "sun", 3) == (1, 1)
    assert html.count('<td class="') == 168
    assert re.search(r"At 10:00 on Monday no safe space is open within 1 km of \d+% of Leeds", html)
    assert "<caption>" in html and 'scope="row"' in html and 'scope="col"' in html
    assert 'aria-current="true"' in html
    assert "fitBounds" in html and "L.geoJson" in html
    # Business text stays out of the inline map script.
    assert "Night Owl" not in html


def test_only_public_premises_count(client, locator, leeds_shops):
    before = cell_counts(
        client.get("/partners/coverage?area=leeds").get_data(as_text=True), "mon", 10
    )
    locator.store.premises.set_status(leeds_shops["office"], "suspended")
    after = cell_counts(
        client.get("/partners/coverage?area=leeds").get_data(as_text=True), "mon", 10
    )
    assert (before, after) == ((2, 2), (1, 1))


def test_the_page_without_a_district_offers_the_choice(client):
    response = client.get("/partners/coverage")
    assert response.status_code == 200
    assert "Choose a district" in response.get_data(as_text=True)


def test_an_unknown_district_is_not_found_with_a_message(client):
    response = client.get("/partners/coverage?area=atlantis")
    assert response.status_code == 404
    assert "There is no district called &#39;atlantis&#39;" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("day=someday", "day must be one of mon, tue, wed, thu, fri, sat, sun."),
        ("hour=25", "hour must be a whole number from 0 to 23."),
        ("hour=ten", "hour must be a whole number from 0 to 23."),
        ("radius_km=50", "radius_km must be a number from 0.5 to 5."),
        ("radius_km=inf", "radius_km must be a number from 0.5 to 5."),
    ],
)
def test_bad_parameters_get_400_with_a_clear_message(client, query, message):
    response = client.get(f"/partners/coverage?area=leeds&{query}")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
