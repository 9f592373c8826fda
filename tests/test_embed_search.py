"""The embed's own search: a typed place, the visitor's position, the partner's centre or the
district's main town, and a summary that counts honestly."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from locator.domain.vocabulary import facility_mask
from locator.search.features import safe_schedule
from locator.search.index import IndexFilter, SpaceIndex
from locator.search.query import parse_space_query

from builders import add_premises
from conftest import london, premises_row

LEEDS = (53.7965, -1.5478)  # the GeoNames point of Leeds: the district's main town
OTLEY = (53.9055, -1.6938)  # in the Leeds district, 15 km north-west of Leeds
MANCHESTER = (53.4808, -2.2426)
NOON = "2026-12-02T12:00"  # a Wednesday


@pytest.fixture
def leeds(locator):
    """Premises across the Leeds district, one closed at noon and one in Manchester."""
    lat, lon = LEEDS
    add_premises(
        locator,
        [
            premises_row(
                "centre", lat + 0.001, lon, name="Briggate Shop", facilities="phone_charging"
            ),
            premises_row("kirkgate", lat - 0.004, lon + 0.006, name="Kirkgate Shop"),
            premises_row(
                "headingley", 53.8195, -1.5760, name="Headingley Shop", facilities="phone_charging"
            ),
            premises_row("otley-edge", 53.8950, -1.6700, name="Otley Edge Shop"),
            premises_row("otley", OTLEY[0] + 0.001, OTLEY[1], name="Otley Market Shop"),
            premises_row(
                "evenings", lat + 0.002, lon, name="Evening Shop", opening_hours="Mo-Su 18:00-23:00"
            ),
            premises_row("manchester", *MANCHESTER, name="Piccadilly Shop"),
        ],
    )


def embed(client, query: str, status: int = 200) -> BeautifulSoup:
    response = client.get(f"/embed?{query}&at={NOON}")
    assert response.status_code == status, response.get_data(as_text=True)[:1000]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def names(page: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in page.select("ol#results a.result-link")]


def summary(page: BeautifulSoup) -> str:
    return page.select_one("#results-summary").get_text(" ", strip=True)


def hidden_fields(page: BeautifulSoup) -> dict[str, str]:
    return {tag["name"]: tag["value"] for tag in page.select("#embed-search input[type=hidden]")}


def metres(page: BeautifulSoup) -> list[float]:
    found = []
    for text in (tag.get_text() for tag in page.select("ol#results .distance")):
        value, unit = re.search(r"([\d.]+) (km|m)\b", text).groups()
        found.append(float(value) * (1000 if unit == "km" else 1))
    return found


# -- the list ---------------------------------------------------------------------------------


def test_searching_in_the_embed_orders_by_distance_from_the_searched_place(client, leeds):
    page = embed(client, "area=leeds&q=Otley")
    assert names(page) == ["Otley Market Shop", "Otley Edge Shop"]
    assert metres(page) == sorted(metres(page))
    assert summary(page) == (
        "2 of 5 safe spaces open at Wed 2 Dec 12:00 in Leeds are within 5 km of Otley, Leeds, "
        "nearest first."
    )
    assert page.select_one("input#q")["value"] == "Otley"


def test_without_a_search_the_list_starts_from_the_districts_main_town_and_says_so(client, leeds):
    page = embed(client, "area=leeds")
    assert names(page) == [
        "Briggate Shop",
        "Kirkgate Shop",
        "Headingley Shop",
        "Otley Edge Shop",
        "Otley Market Shop",
    ]
    assert metres(page) == sorted(metres(page))
    assert summary(page) == (
        "5 safe spaces open at Wed 2 Dec 12:00 in Leeds, nearest to the centre of Leeds first."
    )


def test_a_centre_the_partner_chose_overrides_the_main_town(client, leeds):
    page = embed(client, f"area=leeds&lat={OTLEY[0]}&lon={OTLEY[1]}")
    assert names(page)[:2] == ["Otley Market Shop", "Otley Edge Shop"]
    assert names(page)[-1] == "Kirkgate Shop"
    assert "nearest to the centre you chose first" in summary(page)


def test_the_visitors_shared_position_orders_the_list_from_there(client, leeds):
    page = embed(client, f"area=leeds&lat={LEEDS[0]}&lon={LEEDS[1]}&my_lat=53.8950&my_lon=-1.6700")
    assert names(page)[0] == "Otley Edge Shop"
    assert "within 5 km of your location" in summary(page)
    # The partner's centre stays in the form for the next search; the position does not.
    hidden = hidden_fields(page)
    assert hidden["lat"] == str(LEEDS[0]) and "my_lat" not in hidden


def test_the_summary_says_n_nearest_of_m_when_the_limit_cuts_the_list(client, leeds):
    page = embed(client, "area=leeds&limit=2")
    assert names(page) == ["Briggate Shop", "Kirkgate Shop"]
    assert summary(page) == (
        "2 of 5 safe spaces open at Wed 2 Dec 12:00 in Leeds: the nearest to the centre of Leeds."
    )
    searched = embed(client, "area=leeds&limit=1&q=Otley")
    assert summary(searched).startswith("1 of 5 safe spaces open at Wed 2 Dec 12:00 in Leeds:")
    assert summary(searched).endswith("the nearest to Otley, Leeds.")


def test_the_count_is_of_matches_for_the_filter_in_the_district(client, leeds):
    page = embed(client, "area=leeds&facilities=phone_charging&limit=1")
    assert summary(page) == (
        "1 of 2 safe spaces open at Wed 2 Dec 12:00 with phone charging in Leeds: the nearest "
        "to the centre of Leeds."
    )
    everything = embed(client, "area=leeds&open_now=false&limit=1")
    assert summary(everything).startswith("1 of 6 safe spaces in Leeds:")


def test_a_place_that_cannot_be_found_is_said_beside_the_box_and_the_list_stays(client, leeds):
    page = embed(client, "area=leeds&q=Xqzzyplugh", status=400)
    assert "We could not find 'Xqzzyplugh'" in page.select_one("#q-error").get_text()
    assert page.select_one("input#q")["aria-invalid"] == "true"
    assert "nearest to the centre of Leeds" in summary(page)
    assert names(page)[0] == "Briggate Shop"


def test_the_search_form_keeps_the_partners_scope_as_hidden_fields(client, leeds):
    page = embed(client, "area=leeds&facilities=phone_charging&limit=5")
    form = page.select_one("form#embed-search")
    assert form["action"] == "/embed" and form["method"] == "get"
    scope = {"area": "leeds", "facilities": "phone_charging", "at": NOON, "limit": "5"}
    assert hidden_fields(page) == scope
    assert page.select_one("button#embed-locate").has_attr("hidden")  # shown by embed.js


def test_a_search_centres_the_map_on_the_place_instead_of_the_district(client, leeds):
    whole = embed(client, "area=leeds").select_one("#map")
    assert whole.has_attr("data-bounds") and not whole.has_attr("data-here-lat")
    searched = embed(client, "area=leeds&q=Otley").select_one("#map")
    assert not searched.has_attr("data-bounds")
    assert searched["data-here-label"] == "Otley, Leeds"


def test_the_embed_without_a_district_still_says_when_there_may_be_more(client, leeds):
    lat, lon = LEEDS
    page = embed(client, f"lat={lat}&lon={lon}&limit=2")
    assert summary(page) == (
        "The 2 safe spaces open at Wed 2 Dec 12:00 nearest to the centre you chose; there may "
        "be more."
    )


# -- the builder ------------------------------------------------------------------------------


def test_the_builder_puts_the_partners_centre_in_the_snippet(client):
    page = BeautifulSoup(
        client.get(f"/partners/embed?area=leeds&lat={OTLEY[0]}&lon={OTLEY[1]}").data, "html.parser"
    )
    snippet = page.select_one("textarea#embed-snippet").get_text()
    assert 'src="http://localhost/embed?area=leeds&lat=53.90550&lon=-1.69380"' in snippet
    assert page.select_one("input#embed-lat")["value"] == str(OTLEY[0])


def test_the_builder_names_the_main_town_the_list_starts_from_by_default(client):
    page = BeautifulSoup(client.get("/partners/embed?area=kirklees").data, "html.parser")
    assert "centre of Huddersfield" in page.select_one("#embed-centre-hint").get_text()
    assert "lat=" not in page.select_one("textarea#embed-snippet").get_text()


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (str(MANCHESTER[0]), str(MANCHESTER[1]), "That centre is not in Leeds"),
        ("-1.5478", "53.7965", "That centre is not in Leeds"),  # the wrong way round
        ("53.8", "", "Give lat and lon together."),
        ("north", "-1.5", "lat must be a number"),
    ],
)
def test_the_builder_refuses_a_centre_outside_the_district(client, lat, lon, message):
    response = client.get(f"/partners/embed?area=leeds&lat={lat}&lon={lon}")
    assert response.status_code == 400
    page = BeautifulSoup(response.data, "html.parser")
    assert message in page.select_one("#embed-centre-error").get_text()
    assert "lat=" not in page.select_one("textarea#embed-snippet").get_text()


# -- counting -----------------------------------------------------------------------------------


def test_the_index_counts_the_premises_that_pass_a_filter():
    rows = [
        (1, 53.80, -1.55, "phone_charging", "24/7", "england", "E08000035"),
        (2, 53.81, -1.55, "", "24/7", "england", "E08000035"),
        (3, 53.80, -1.56, "phone_charging", "Mo-Fr 18:00-23:00", "england", "E08000035"),
        (4, 53.48, -2.24, "phone_charging", "24/7", "england", "E08000003"),
    ]
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    noon = london("2026-12-02 12:00")
    charging = facility_mask(["phone_charging"])
    assert index.count() == 4
    assert index.count(IndexFilter(at=noon)) == 3
    assert index.count(IndexFilter(facilities=charging)) == 3
    assert index.count(IndexFilter(at=noon, facilities=charging, area_code="E08000035")) == 1
    assert index.count(IndexFilter(area_code="W06000015")) == 0
    assert SpaceIndex.from_rows([], schedule_for=safe_schedule).count(IndexFilter(at=noon)) == 0


def test_the_locator_counts_public_matches_in_a_querys_district(locator, leeds):
    def count(**params) -> int:
        return locator.count(parse_space_query({"at": NOON, **params}, locator.areas))

    assert count(area="leeds", open_now="true") == 5
    assert count(area="leeds") == 6
    assert count(area="leeds", open_now="true", facilities="phone_charging") == 2
    assert count(area="manchester") == 1
