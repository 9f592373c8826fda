"""Place names in the visitor's language: Caerdydd on a Welsh page, Cardiff on an English one."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from locator.domain import language
from locator.geo.names import shown, softly

CARDIFF = (51.48, -3.18)
ROATH = (51.4956, -3.1562)
NEWPORT_GWENT = (51.588, -2.997)
NEWPORT_WIGHT = (50.70, -1.29)
SWANSEA_STATION = (51.625, -3.941)


@pytest.mark.parametrize(
    ("label", "point", "welsh"),
    [
        ("Cardiff", CARDIFF, "Caerdydd"),
        ("Y Rhath (Roath), Caerdydd - Cardiff", ROATH, "Y Rhath, Caerdydd"),
        ("Newport", NEWPORT_GWENT, "Casnewydd"),
        ("Newport, Wales", NEWPORT_GWENT, "Casnewydd, Cymru"),
        ("Newport, Isle of Wight", NEWPORT_WIGHT, "Newport, Isle of Wight"),
        ("Swansea station", SWANSEA_STATION, "Gorsaf Abertawe"),
        ("CF10 1EP, Butetown", CARDIFF, "CF10 1EP, Butetown"),
        ("M1", (53.48, -2.24), "M1"),
    ],
)
def test_a_place_is_named_in_welsh_only_where_os_gives_it_a_welsh_name(label, point, welsh):
    assert shown(label, *point, lang="cy") == welsh


@pytest.mark.parametrize("label", ["Cardiff", "Y Rhath (Roath), Caerdydd - Cardiff", "Newport"])
def test_english_labels_are_left_as_they_are(label):
    assert shown(label, *CARDIFF, lang="en") == label


def _searched_label(client, query: str, **headers) -> str:
    with client.get("/", query_string=query, headers=headers) as response:
        assert response.status_code == 200
        page = BeautifulSoup(response.data, "html.parser")
    return page.select_one("#map")["data-here-label"]


@pytest.mark.parametrize(
    ("query", "headers", "label"),
    [
        ("q=Cardiff&lang=cy", {}, "Caerdydd"),
        ("q=Caerdydd", {"Accept-Language": "cy"}, "Caerdydd"),
        ("q=Caerdydd", {}, "Cardiff"),
        ("q=Abertawe&lang=en", {"Accept-Language": "cy"}, "Swansea"),
    ],
)
def test_the_searched_place_is_named_in_the_pages_language(client, query, headers, label):
    assert _searched_label(client, query, **headers) == label


def test_a_welsh_visitors_bangor_is_the_one_in_gwynedd_and_an_english_visitors_is_the_larger_one(
    client,
):
    welsh = _searched_label(client, "q=Bangor&lang=cy")
    english = _searched_label(client, "q=Bangor")
    assert welsh.startswith("Bangor") and english.startswith("Bangor")
    with client.get("/api/v1/spaces", query_string={"q": "Bangor"}) as response:
        english_lat = response.get_json()["location"]["lat"]
    with client.get("/", query_string="q=Bangor&lang=cy") as response:
        page = BeautifulSoup(response.data, "html.parser")
    welsh_lat = float(page.select_one("#map")["data-here-lat"])
    assert welsh_lat == pytest.approx(53.23, abs=0.05)  # Bangor, Gwynedd
    assert english_lat != pytest.approx(welsh_lat, abs=0.05)


def test_the_api_names_places_in_english_whatever_the_browser_prefers(client):
    with client.get(
        "/api/v1/spaces", query_string={"q": "Caerdydd"}, headers={"Accept-Language": "cy"}
    ) as response:
        assert response.get_json()["location"]["label"] == "Cardiff"


@pytest.mark.parametrize(
    ("name", "point", "after_i"),
    [
        ("Caerdydd", CARDIFF, "Gaerdydd"),
        ("Casnewydd", NEWPORT_GWENT, "Gasnewydd"),
        ("Bangor", (53.228, -4.13), "Fangor"),
        ("Llandudno", (53.32, -3.83), "Landudno"),
        ("Pwllheli", (52.89, -4.42), "Bwllheli"),
        ("Abertawe", SWANSEA_STATION, "Abertawe"),
        ("Butetown", CARDIFF, "Butetown"),
        ("Bangor", (54.66, -5.67), "Bangor"),
        ("Manchester", (53.48, -2.24), "Manchester"),
    ],
)
def test_welsh_names_of_places_in_wales_mutate_after_i_and_nothing_else_does(name, point, after_i):
    with language.speaking("cy"):
        assert softly(name, *point) == after_i
    assert softly(name, *point) == name


def test_a_welsh_summary_says_o_fewn_i_gaerdydd(client):
    with client.get("/", query_string="q=Cardiff&lang=cy") as response:
        page = BeautifulSoup(response.data, "html.parser")
    assert "i Gaerdydd" in page.select_one("#results-summary").get_text()
