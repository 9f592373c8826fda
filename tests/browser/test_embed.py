"""The embeddable map, as a partner's website shows it, and framing everywhere else."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, MANCHESTER

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

RESULTS = "ol.results > li.result"


def frame_ancestors(headers: dict[str, str]) -> str | None:
    """Return the frame-ancestors directive of a Content-Security-Policy header, if any."""
    for directive in headers.get("content-security-policy", "").split(";"):
        name, _, value = directive.strip().partition(" ")
        if name.lower() == "frame-ancestors":
            return value.strip()
    return None


def test_the_embed_shows_a_map_and_a_list_for_an_area(site, page):
    page.goto(site.url("/embed?area=leeds"))
    expect(page.locator("#map.leaflet-container, #map .leaflet-container")).to_have_count(1)
    expect(page.locator(RESULTS).first).to_be_visible()
    expect(page.locator("#map .leaflet-marker-icon, #map .marker-cluster").first).to_be_attached()
    expect(page.locator("form#search")).to_have_count(0)


def test_the_embed_shows_inside_a_partner_site_on_another_origin(site, page):
    page.goto(f"{site.other}/frame-embed.html")
    frame = page.frame_locator("iframe")
    expect(frame.locator(RESULTS).first).to_be_visible()
    expect(frame.locator("a.result-link", has_text="Briggate Late Shop")).to_have_count(1)


def test_the_embed_filters_by_facility(site, page):
    page.goto(site.url("/embed?area=leeds&open_now=false&facilities=phone_charging"))
    expect(page.locator(RESULTS).first).to_be_visible()
    names = set(page.locator(f"{RESULTS} a.result-link").all_inner_texts())
    assert names == {"Briggate Late Shop", "Kirkgate Stationers"}


def test_the_embed_takes_a_bounding_box(site, page):
    lat, lon = MANCHESTER
    bbox = f"{lon - 0.05},{lat - 0.05},{lon + 0.05},{lat + 0.05}"
    page.goto(site.url(f"/embed?bbox={bbox}"))
    expect(page.locator("a.result-link", has_text="Piccadilly Safe Shop")).to_have_count(1)
    expect(page.locator("a.result-link", has_text="Briggate Late Shop")).to_have_count(0)


def test_the_embed_takes_a_centre_and_zoom(site, page):
    lat, lon = MANCHESTER
    page.goto(site.url(f"/embed?lat={lat}&lon={lon}&zoom=14"))
    expect(page.locator("a.result-link", has_text="Piccadilly Safe Shop")).to_have_count(1)


def test_the_embed_may_be_framed_by_anyone(site, page):
    headers = page.goto(site.url("/embed?area=leeds")).all_headers()
    assert "x-frame-options" not in headers
    ancestors = frame_ancestors(headers)
    assert ancestors is None or ancestors not in ("'none'", "'self'"), ancestors


@pytest.mark.parametrize("path", ["/", "/?q=LS1", "/quick-exit", "/partners/embed"])
def test_pages_other_than_the_embed_refuse_to_be_framed(site, page, path):
    headers = page.goto(site.url(path)).all_headers()
    assert frame_ancestors(headers) == "'none'", headers.get("content-security-policy")


def test_a_place_page_refuses_to_be_framed(site, page):
    headers = page.goto(site.place("leeds-daytime")).all_headers()
    assert frame_ancestors(headers) == "'none'", headers.get("content-security-policy")


def test_another_site_framing_the_home_page_shows_nothing_of_it(site, page):
    page.goto(site.url("/"))
    expect(page.locator("form#search")).to_have_count(1)
    page.goto(f"{site.other}/frame-home.html")
    expect(page.locator("body[data-frame-loaded]")).to_have_count(1)
    expect(page.frame_locator("iframe").locator("form#search")).to_have_count(0)
    expect(page.frame_locator("iframe").locator("a#call-999")).to_have_count(0)


def test_partners_build_an_embed_snippet_with_a_live_preview(site, page):
    page.goto(site.url("/partners/embed"))
    page.locator("select#embed-area").select_option("leeds")
    page.locator('input[name="facilities"][value="phone_charging"]').check()
    snippet = page.locator("textarea#embed-snippet")
    expect(snippet).to_have_value(re.compile(r"<iframe[^>]+src=\"[^\"]*/embed\?"))
    expect(snippet).to_have_value(re.compile(r"area=leeds"))
    expect(snippet).to_have_value(re.compile(r"phone_charging"))
    preview = page.locator("iframe#embed-preview")
    expect(preview).to_have_attribute("src", re.compile(r"/embed\?.*area=leeds"))
    expect(page.frame_locator("iframe#embed-preview").locator(RESULTS).first).to_be_visible()
