"""Leaflet comes only when the map is shown: on a phone the list, its buttons and the chat
work without it, and the map shows everything once it is opened."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, LEEDS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
RESULTS = "ol.results > li.result"
SEARCH = "/?q=LS1"


def leaflet_requests(page) -> list[str]:
    """Start recording every request for Leaflet's files; return the growing list."""
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if "/static/vendor/" in r.url else None)
    return urls


def pin_numbers(page) -> list[int]:
    return sorted(int(text) for text in page.locator("#map .pin").all_inner_texts())


def test_on_a_phone_the_results_show_with_no_leaflet_fetched(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    asked = leaflet_requests(page)
    page.goto(site.url(SEARCH))
    expect(page.locator(RESULTS).first).to_be_in_viewport()
    expect(page.locator("#call-999")).to_be_in_viewport()
    page.wait_for_load_state("networkidle")
    assert asked == []
    assert page.evaluate("typeof window.L") == "undefined"


def test_the_home_page_on_a_phone_fetches_no_leaflet_either(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    asked = leaflet_requests(page)
    page.goto(site.url("/"))
    expect(page.locator("#q")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert asked == []


def test_opening_the_map_on_a_phone_fetches_leaflet_and_shows_the_listed_places(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    asked = leaflet_requests(page)
    page.goto(site.url(SEARCH))
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.locator("#view-toggle").click()
    expect(page.locator("#view-toggle")).to_have_text("Show list")
    expect(page.locator("#map .pin").first).to_be_visible()
    assert pin_numbers(page) == list(range(1, page.locator(RESULTS).count() + 1))
    assert any("leaflet.js" in url for url in asked)
    # The files are named by their version, like every static file: kept, never fetched twice.
    assert all(re.search(r"\?v=[0-9a-z.]+$", url) for url in asked), asked
    page.wait_for_function("() => (document.querySelector('#map').dataset.markers|0) > 0")
    page.locator("#view-toggle").click()
    expect(page.locator(RESULTS).first).to_be_visible()


def test_scrolling_down_to_the_map_on_a_phone_draws_it(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site.url(SEARCH))
    page.wait_for_load_state("networkidle")
    page.locator("#map").scroll_into_view_if_needed()
    expect(page.locator("#map .pin").first).to_be_visible()
    assert pin_numbers(page) == list(range(1, page.locator(RESULTS).count() + 1))


def test_on_a_wide_screen_the_map_beside_the_list_shows_its_markers(site, new_context):
    page = new_context(viewport=WIDE).new_page()
    page.goto(site.url(SEARCH))
    expect(page.locator(RESULTS).first).to_be_visible()
    expect(page.locator("#map .pin").first).to_be_in_viewport()
    assert pin_numbers(page) == list(range(1, page.locator(RESULTS).count() + 1))
    page.wait_for_function("() => (document.querySelector('#map').dataset.markers|0) > 0")
    expect(page.locator("#map .leaflet-marker-icon").first).to_be_attached()


def test_use_my_location_works_before_leaflet_and_the_map_then_shows_you_and_the_list(
    site, new_context
):
    latitude, longitude = LEEDS
    context = new_context(
        viewport=PHONE,
        geolocation={"latitude": latitude, "longitude": longitude},
        permissions=["geolocation"],
    )
    page = context.new_page()
    asked = leaflet_requests(page)
    page.goto(site.url("/"))
    page.locator("button#locate").click()
    expect(page.locator("#results-summary")).to_contain_text(re.compile("your location", re.I))
    expect(page.locator(RESULTS).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.locator("#view-toggle").click()
    expect(page.locator("#map .pin").first).to_be_visible()
    assert pin_numbers(page) == list(range(1, page.locator(RESULTS).count() + 1))
    # The ring where the person is, named when pointed at.
    page.locator("#map path.leaflet-interactive").hover(force=True)
    expect(page.locator("#map .leaflet-tooltip")).to_have_text("You are here")


def test_the_chat_shows_a_place_on_the_map_even_when_leaflet_has_not_come_yet(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    # A slow connection: Leaflet's files are asked for (the chat is below the map on a phone,
    # so the map scrolls past) but do not arrive until the place has been asked for.
    held, arrived = [], []

    def hold(route):
        if arrived:
            route.continue_()
        else:
            held.append(route)

    page.route("**/static/vendor/**", hold)
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("my phone is dead and I'm in M1")
    page.locator("#chat-send").click()
    show = page.get_by_role("button", name="Show Piccadilly Safe Shop on the map")
    expect(show).to_be_visible()
    show.click()
    expect(page.locator("#map")).to_have_attribute("data-map-state", "loading")
    arrived.append(True)
    for route in held:
        route.continue_()
    marker = page.locator('#map .leaflet-marker-icon[title="Piccadilly Safe Shop"]')
    expect(marker).to_be_in_viewport()
