"""The first answer is true: open means open for the person on the way, on any day."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from locator import presenting
from locator.importing import service as imports
from locator.importing.rows import RawRow
from locator.search.query import parse_at

from builders import add_premises, ids_by_ref
from conftest import premises_row

MANCHESTER = (53.4794, -2.2453)
TEATIME = "2026-12-02T17:50"  # a Wednesday
CHRISTMAS_NOON = "2026-12-25T12:00"  # a Friday
EASTER_SUNDAY_2027 = "2027-03-28T12:00"


def search(client, **params):
    response = client.get("/api/v1/spaces", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def by_ref(collection, ids) -> dict[str, dict]:
    names = {v: k for k, v in ids.items()}
    return {names[f["id"]]: f["properties"] for f in collection["features"]}


def refs(collection, ids) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[f["id"]] for f in collection["features"]]


@pytest.fixture
def on_the_way(locator):
    """Four places north of the centre: two stay open long enough to reach, two do not."""
    lat, lon = MANCHESTER
    add_premises(
        locator,
        [
            # About 220 m (3 min walk), closing in 5 min: gone before you arrive.
            premises_row("closing_near", lat + 0.002, lon, opening_hours="Mo-Su 08:00-17:55"),
            # About 450 m (6 min walk), closing in 40 min.
            premises_row("closing_ok", lat + 0.004, lon, opening_hours="Mo-Su 08:00-18:30"),
            # About 1.1 km (14 min walk), always open.
            premises_row("stays", lat + 0.01, lon, opening_hours="24/7; PH 00:00-24:00"),
            # About 1.3 km (17 min walk), closing in 20 min: 17 + 5 is too long.
            premises_row("far_closing", lat + 0.012, lon, opening_hours="Mo-Su 08:00-18:10"),
        ],
    )
    return ids_by_ref(locator)


def test_places_open_on_arrival_come_before_those_that_close_on_the_way(client, on_the_way):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=TEATIME, open_now="true")
    assert refs(found, on_the_way) == ["closing_ok", "stays", "closing_near", "far_closing"]


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        # The nearest closes on the way: the one that stays open comes from further out.
        (1, ["closing_ok"]),
        (2, ["closing_ok", "stays"]),
        (3, ["closing_ok", "stays", "closing_near"]),
    ],
)
def test_a_short_list_still_puts_the_places_open_on_arrival_first(
    client, on_the_way, limit, expected
):
    found = search(
        client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=TEATIME, open_now="true", limit=limit
    )
    assert refs(found, on_the_way) == expected


@pytest.mark.parametrize(
    ("ref", "arrives_open", "status"),
    [
        ("closing_near", False, "Closes in 5 min: you may not get there in time"),
        ("closing_ok", True, "Closes in 40 min"),
        ("stays", True, "Open 24 hours"),
        ("far_closing", False, "Closes in 20 min: you may not get there in time"),
    ],
)
def test_each_place_says_whether_it_is_still_open_when_you_get_there(
    client, on_the_way, ref, arrives_open, status
):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=TEATIME, open_now="true")
    properties = by_ref(found, on_the_way)[ref]
    assert properties["open_on_arrival"] is arrives_open
    assert properties["status_text"] == status


def test_a_place_that_closes_on_the_way_is_amber_not_green_in_the_list(client, on_the_way):
    page = BeautifulSoup(client.get(f"/?q=M1&at={TEATIME}").get_data(as_text=True), "html.parser")
    closing = page.select_one(f'li.result[data-id="{on_the_way["closing_near"]}"] .status')
    assert "status-closing" in closing["class"] and "status-open" not in closing["class"]


def test_the_chat_in_danger_first_suggests_a_place_that_stays_open(client, on_the_way):
    response = client.post(
        "/api/v1/chat",
        json={
            "message": "someone is following me",
            "lat": MANCHESTER[0],
            "lon": MANCHESTER[1],
            "at": TEATIME,
        },
    )
    answer = response.get_json()
    assert answer["reply"].startswith("If you are in danger now, call 999")
    assert answer["results"][0]["id"] == on_the_way["closing_ok"]
    assert answer["results"][0]["open_on_arrival"] is True


@pytest.fixture
def christmas(locator):
    """Three places with the same week; only their bank-holiday rules differ."""
    lat, lon = MANCHESTER
    add_premises(
        locator,
        [
            premises_row("silent", lat + 0.001, lon, opening_hours="Mo-Su 08:00-20:00"),
            premises_row(
                "ph_open", lat + 0.002, lon, opening_hours="Mo-Su 08:00-20:00; PH 10:00-16:00"
            ),
            premises_row("ph_off", lat + 0.003, lon, opening_hours="Mo-Su 08:00-20:00; PH off"),
        ],
    )
    return ids_by_ref(locator)


@pytest.mark.parametrize(
    ("ref", "state", "open_now"),
    [("silent", "unknown", False), ("ph_open", "open", True), ("ph_off", "closed", False)],
)
def test_on_christmas_day_only_a_ph_rule_decides(client, christmas, ref, state, open_now):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=CHRISTMAS_NOON)
    properties = by_ref(found, christmas)[ref]
    assert (properties["state"], properties["open_now"]) == (state, open_now)
    assert properties["holiday"] == "Christmas Day"


def test_hours_silent_on_bank_holidays_say_phone_first(client, christmas):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=CHRISTMAS_NOON)
    assert by_ref(found, christmas)["silent"]["status_text"] == (
        "Bank holiday: hours not confirmed, phone first"
    )


def test_the_open_now_api_lists_only_confirmed_open_places_on_a_bank_holiday(client, christmas):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=CHRISTMAS_NOON, open_now="true")
    assert refs(found, christmas) == ["ph_open"]


def test_the_list_puts_unconfirmed_holiday_hours_below_the_confirmed_open(client, christmas):
    html = client.get(f"/?q=M1&at={CHRISTMAS_NOON}").get_data(as_text=True)
    page = BeautifulSoup(html, "html.parser")
    items = page.select("ol#results li.result")
    assert [int(item["data-id"]) for item in items] == [christmas["ph_open"], christmas["silent"]]
    assert "phone first" in items[1].select_one(".status").get_text()
    assert "status-unconfirmed" in items[1].select_one(".status")["class"]


def test_an_ordinary_day_names_no_holiday(client, christmas):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at="2026-12-02T12:00")
    assert {p["holiday"] for p in by_ref(found, christmas).values()} == {None}


@pytest.mark.parametrize(
    ("hours", "at", "listed_open"),
    [
        ("Mo-Sa; Su closed", "2026-12-01T03:00", False),
        ("Mo-Sa; Su closed", "2026-12-01T12:00", False),
        ("Tu-Sa; Su-Mo closed", "2026-12-02T12:00", False),
        ("Mo-Su 09:00-18:00; easter off", EASTER_SUNDAY_2027, False),
        ("Mo-Su 09:00-18:00; easter off", "2027-03-27T12:00", True),
    ],
)
def test_open_now_follows_days_without_times_and_easter(locator, client, hours, at, listed_open):
    add_premises(locator, [premises_row("shop", *MANCHESTER, opening_hours=hours)])
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=at, open_now="true")
    assert bool(found["features"]) is listed_open


def test_days_without_times_are_shown_as_hours_unknown(locator, client):
    add_premises(locator, [premises_row("shop", *MANCHESTER, opening_hours="Mo-Sa; Su closed")])
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at="2026-12-01T03:00")
    properties = found["features"][0]["properties"]
    assert (properties["state"], properties["open_now"]) == ("unknown", False)


def test_the_importer_keeps_days_without_times_with_a_warning_on_the_row(locator):
    rows = [
        RawRow("line 2", premises_row("a", *MANCHESTER, opening_hours="Mo-Sa; Su closed")),
        RawRow("line 3", premises_row("b", *MANCHESTER, opening_hours="Mo-Sa 09:00-17:00")),
    ]
    plan = imports.import_rows(locator, "csv", rows, dry_run=True).plan
    assert len(plan.rows) == 2 and not plan.rejected
    assert [(w.where, w.ref, w.reason) for w in plan.warnings] == [
        ("line 2", "a", "opening_hours: days without times: shown as hours unknown")
    ]


@pytest.mark.parametrize(
    ("metres", "phrase"),
    [
        (350, "350 m · 4 min walk"),
        (3600, "3.6 km · 45 min walk"),
        (3700, "3.7 km · too far to walk"),
        (12300, "12.3 km · too far to walk"),
    ],
)
def test_walking_times_over_45_minutes_are_never_printed(metres, phrase):
    assert presenting.distance_phrase(metres) == phrase


def test_the_chat_on_a_bank_holiday_says_which_places_to_phone_first(client, christmas):
    answer = client.post(
        "/api/v1/chat",
        json={
            "message": "I need somewhere safe to wait",
            "lat": MANCHESTER[0],
            "lon": MANCHESTER[1],
            "at": CHRISTMAS_NOON,
        },
    ).get_json()
    assert answer["results"][0]["id"] == christmas["ph_open"]
    assert "bank holiday (Christmas Day)" in answer["reply"]
    assert "phone first" in answer["reply"] and "Shop silent" in answer["reply"]


def test_the_place_page_says_bank_holiday_hours_are_not_confirmed(client, christmas):
    html = client.get(f"/spaces/{christmas['silent']}?at={CHRISTMAS_NOON}").get_data(as_text=True)
    status = BeautifulSoup(html, "html.parser").select_one("#today-status")
    assert status.get_text() == "Bank holiday: hours not confirmed, phone first"
    assert "status-unconfirmed" in status["class"]


def test_the_index_knows_when_each_open_place_next_changes(locator, client, on_the_way):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=TEATIME, open_now="true")
    ids = [feature["id"] for feature in found["features"]]
    until = locator.index.current().open_until(ids, parse_at(TEATIME))
    expected = [
        datetime.fromisoformat(f["properties"]["next_change"]).timestamp()
        if f["properties"]["next_change"]
        else math.inf
        for f in found["features"]
    ]
    assert until == expected
