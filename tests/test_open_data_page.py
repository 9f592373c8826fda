"""The open data page lists every download and names every dataset with its licence notice."""

from __future__ import annotations

from bs4 import BeautifulSoup

from locator.opendata import exports, sources


def test_the_open_data_page_links_every_download_that_answers(app):
    client = app.test_client()
    page = BeautifulSoup(client.get("/open-data").data, "html.parser")
    links = [a["href"] for a in page.select("#downloads a")]
    assert {link.split("?")[0] for link in links} == {
        "/api/v1/export.geojson",
        "/api/v1/export.gpkg",
        "/api/v1/export.hsds.json",
        "/api/v1/openapi.json",
    }
    for link in links:
        with client.get(link) as response:
            assert response.status_code == 200, link


def test_the_open_data_page_shows_every_sources_notice(app):
    text = BeautifulSoup(app.test_client().get("/open-data").data, "html.parser").get_text(" ")
    text = " ".join(text.split())
    for source in sources.PLACE_SOURCES:
        assert source.name in text
        assert source.notice in text
    for source in exports.ATTRIBUTION:
        assert source["name"] in text


def test_every_page_footer_leads_to_the_open_data_page(app):
    page = BeautifulSoup(app.test_client().get("/").data, "html.parser")
    assert page.select_one("footer a[href='/open-data']") is not None
