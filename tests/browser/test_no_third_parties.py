"""With default settings the browser talks to our own site only, and privacy claims hold."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from locator.config import SETTINGS
from locator.geo.tiles import TileCache

from .support import BROWSER_WARNINGS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

DEFAULT_TILE_URL = next(s.default_value() for s in SETTINGS if s.name == "TILE_URL")
NO_COOKIES = re.compile(r"\bno cookies\b", re.IGNORECASE)


@pytest.fixture
def default_tiles(site, tmp_path):
    """Serve the live site with the default TILE_URL; the upstream is a stand-in that records."""
    buffer = io.BytesIO()
    Image.new("L", (256, 256), 220).save(buffer, "PNG")
    asked: list[str] = []

    def fetch(url, headers, timeout_s):
        asked.append(url)
        return buffer.getvalue()

    app = site.app
    saved = app.config["TILE_URL"], app.extensions["tiles"]
    app.config["TILE_URL"] = DEFAULT_TILE_URL
    app.extensions["tiles"] = TileCache(
        "https://tiles.invalid/{z}/{x}/{y}.png", tmp_path / "tiles", 10**7, fetch=fetch
    )
    try:
        yield asked
    finally:
        app.config["TILE_URL"], app.extensions["tiles"] = saved


def recorded_requests(page) -> list[str]:
    """Start recording the URL of every request the page makes; return the growing list."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def elsewhere(site, urls: list[str]) -> list[str]:
    """Return the URLs not on the site's own origin (data: URLs travel nowhere)."""
    own = urlsplit(site.base)[:2]
    return [url for url in urls if not url.startswith("data:") and urlsplit(url)[:2] != own]


def test_a_search_on_a_phone_with_default_tiles_asks_only_our_own_site(
    site, new_context, default_tiles
):
    assert DEFAULT_TILE_URL.startswith("/tiles/")
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    requests = recorded_requests(page)
    page.goto(site.url("/"))
    page.fill("#q", "M1")
    page.click("#search-submit")
    expect(page.locator("ol.results > li.result").first).to_be_visible()
    toggle = page.locator("#view-toggle")
    if toggle.is_visible():  # on a phone the map may sit behind "Show map"
        toggle.click()
    expect(page.locator("#map img.leaflet-tile-loaded").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert elsewhere(site, requests) == []
    assert [url for url in requests if urlsplit(url).path.startswith("/tiles/")]
    assert default_tiles, "the stand-in upstream was asked for the tiles, server-side"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=LS1",
        "/spaces/{leeds-charging-247}",
        "/embed?area=leeds",
        "/partners/embed",
        "/quick-exit",
        "/register",
        "/business/login",
        "/moderate/login",
    ],
)
def test_each_page_loads_nothing_from_elsewhere_and_claims_no_cookies_only_if_it_sets_none(
    site, new_context, default_tiles, path
):
    path = re.sub(r"\{([\w-]+)\}", lambda ref: str(site.ids[ref.group(1)]), path)
    context = new_context()
    page = context.new_page()
    requests = recorded_requests(page)
    assert page.goto(site.url(path)).ok
    page.wait_for_load_state("networkidle")
    assert elsewhere(site, requests) == []
    if context.cookies():
        assert not NO_COOKIES.search(page.locator("body").inner_text())
