"""A name many places share ("Victoria", "Newport") is answered with the choices, nearest first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

MANCHESTER = "53.4808,-2.2426"
ISLE_OF_WIGHT = "50.7000,-1.2900"


def location(app, **params) -> dict:
    response = app.test_client().get("/api/v1/spaces", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["location"]


def labels(found: dict) -> list[str]:
    return [found["label"]] + [other["label"] for other in found.get("alternatives", [])]


def test_victoria_offers_the_london_station_and_the_manchester_stop(app):
    found = labels(location(app, q="Victoria"))
    assert found[0] == "London Victoria station"
    assert "Victoria tram stop, Manchester" in found


def test_a_device_in_manchester_puts_manchester_victoria_first_and_london_after(app):
    found = labels(location(app, q="Victoria", near=MANCHESTER))
    assert found[0] == "Victoria tram stop, Manchester"
    assert "London Victoria station" in found[1:]


@pytest.mark.parametrize(
    ("near", "first"),
    [(None, "Newport, Wales"), (ISLE_OF_WIGHT, "Newport, Isle of Wight")],
)
def test_places_of_one_name_are_told_apart_by_their_council_and_ordered_by_the_device(
    app, near, first
):
    found = labels(location(app, q="Newport", **({"near": near} if near else {})))
    assert found[0] == first
    assert len(found) == len(set(found)) >= 4


def test_a_postcode_means_one_place_and_offers_no_choices(app):
    assert "alternatives" not in location(app, q="M4 3AQ")


@pytest.mark.parametrize("near", ["53.48", "north,west", "91,0", "53.48,-2.24,1"])
def test_a_malformed_near_is_a_clear_400(app, near):
    response = app.test_client().get("/api/v1/spaces", query_string={"q": "Victoria", "near": near})
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == "near"


def test_the_page_links_the_other_places_and_a_link_lands_on_that_place(app):
    client = app.test_client()
    page = BeautifulSoup(client.get("/?q=Victoria&facilities=toilet").data, "html.parser")
    links = {a.get_text(): a["href"] for a in page.select("#other-places a")}
    href = links["Victoria tram stop, Manchester"]
    assert "facilities=toilet" in href  # the filters stay
    chosen = BeautifulSoup(client.get(href).data, "html.parser")
    assert "Victoria tram stop, Manchester" in chosen.select_one("#results-summary").get_text()
    assert "London Victoria station" in chosen.select_one("#other-places").get_text()
