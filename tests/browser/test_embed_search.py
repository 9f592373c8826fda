"""The embed's search on a phone: a typed postcode, "Use my location" inside a partner's iframe,
and no serious accessibility violations."""

from __future__ import annotations

import html
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, LEEDS, distances_m, screenshot

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

RESULTS = "ol.results > li.result"
# Places that close before someone walking there arrives go below the others, out of order.
ARRIVING_OPEN = f"{RESULTS}:not([data-state=closing]) .distance"
PHONE = {"width": 390, "height": 844}
# Where "Headrow Corner Shop" is (see conftest.seed_rows), 1.5 km from the centre of Leeds.
HEADROW = (LEEDS[0] + 0.0150, LEEDS[1] - 0.0100)


def test_a_postcode_typed_in_the_embed_lists_the_nearest_places_with_a_summary(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site.url("/embed?area=leeds"))
    expect(page.locator("#results-summary")).to_contain_text("nearest to the centre of Leeds")
    page.locator("input#q").fill("LS1 4AP")
    page.locator("button#embed-search-submit").click()
    expect(page.locator("#results-summary")).to_contain_text("LS1 4AP")
    expect(page.locator("#results-summary")).to_contain_text("in Leeds")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert re.search(r"[?&]area=leeds(&|$)", page.url) and "q=LS1" in page.url
    metres = distances_m(page.locator(ARRIVING_OPEN).all_inner_texts())
    assert metres == sorted(metres)
    expect(page.locator("input#q")).to_have_value("LS1 4AP")
    # The picture should show what a person sees once the map has its markers and icons.
    page.wait_for_function("() => document.querySelector('#map').dataset.markers !== undefined")
    page.wait_for_load_state("networkidle")
    assert screenshot(page, "embed-search-mobile.png").stat().st_size > 0


def test_use_my_location_in_a_partners_iframe_lists_places_near_that_position(site, new_context):
    latitude, longitude = HEADROW
    context = new_context(
        viewport=PHONE,
        geolocation={"latitude": latitude, "longitude": longitude},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(f"{site.other}/start.html")
    embed = html.escape(site.url("/embed?area=leeds"), quote=True)
    page.set_content(
        f'<h1>Partner site</h1><iframe src="{embed}" title="Safe spaces" width="380" '
        'height="800" allow="geolocation"></iframe>'
    )
    frame = page.frame_locator("iframe")
    expect(frame.locator(RESULTS).first).to_contain_text("Briggate Late Shop")
    frame.locator("button#embed-locate").click()
    expect(frame.locator("#results-summary")).to_contain_text("your location")
    expect(frame.locator(RESULTS).first).to_contain_text("Headrow Corner Shop")
    metres = distances_m(frame.locator(ARRIVING_OPEN).all_inner_texts())
    assert metres[0] < 50 and metres == sorted(metres)
    # The partner's page stays where it was, with the embed still inside it.
    assert page.url == f"{site.other}/start.html"


def test_a_search_in_the_embed_leaves_no_trail_in_the_history(site, new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(f"{site.other}/start.html")
    page.goto(site.url("/embed?area=leeds"))
    for place in ("LS1", "Leeds station"):
        page.locator("input#q").fill(place)
        page.locator("button#embed-search-submit").click()
        expect(page.locator("#results-summary")).to_contain_text(place)
        page.wait_for_load_state()  # embed.js is in place before the next search
    page.go_back()
    assert page.url == f"{site.other}/start.html", "Back should skip every search"


def test_the_embed_says_when_the_location_cannot_be_had(site, new_context):
    page = new_context(viewport=PHONE).new_page()  # no permission: the request is refused
    page.goto(site.url("/embed?area=leeds"))
    page.locator("button#embed-locate").click()
    expect(page.locator("#embed-locate-status")).to_contain_text("could not get your location")


@pytest.mark.parametrize(
    "path",
    ["/embed?area=leeds&q=LS1", "/embed?area=leeds&q=Xqzzyplugh", "/partners/embed?lat=51&lon=0"],
)
def test_the_embed_search_has_no_serious_accessibility_violations(site, new_context, path):
    # bypass_csp lets axe's script in whatever script-src the pages send.
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    page.goto(site.url(path))
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not blocking, [(v["id"], [n["target"] for n in v["nodes"]]) for v in blocking]
