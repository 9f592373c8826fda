"""No signal and little data: the service worker, the manifest, the offline page, low data."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from locator.domain.helplines import round_the_clock
from locator.web import offline
from locator.web.caching import content_version

from builders import add_premises
from conftest import premises_row

MANCHESTER = (53.4808, -2.2426)  # M1
STATIC = Path(offline.__file__).resolve().parent / "static"
# A search at a chosen time, so that the banner's time is known.
SEARCH = "/?q=M1&at=2026-12-02T21:40"


@pytest.fixture
def manchester(locator):
    lat, lon = MANCHESTER
    rows = [
        premises_row("shop", lat, lon, name="Piccadilly Safe Shop", opening_hours="24/7"),
        premises_row("chemist", lat + 0.001, lon, facilities="toilet;first_aid"),
    ]
    add_premises(locator, rows, publish=True)


def page(client, path: str, **headers) -> BeautifulSoup:
    with client.get(path, headers=headers) as response:
        assert response.status_code == 200, path
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def worker_settings(client) -> dict:
    with client.get("/sw.js") as response:
        first_line = response.get_data(as_text=True).split("\n", 1)[0]
    match = re.fullmatch(r"const SETTINGS = (\{.*\});", first_line)
    assert match, first_line
    return json.loads(match.group(1))


# --- the service worker ----------------------------------------------------------------------


def test_the_service_worker_is_javascript_from_the_site_root_that_is_always_revalidated(client):
    with client.get("/sw.js") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/javascript"
        assert response.headers["Cache-Control"] == "no-cache"
        code = response.get_data(as_text=True)
    assert code.endswith((STATIC / "sw.js").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ["/sw.js", "/manifest.webmanifest"])
def test_an_unchanged_worker_or_manifest_costs_no_data_when_checked_again(client, path):
    with client.get(path) as response:
        etag = response.headers["ETag"]
    with client.get(path, headers={"If-None-Match": etag}) as response:
        assert (response.status_code, response.data) == (304, b"")


def test_every_file_the_service_worker_keeps_at_install_is_served(client):
    settings = worker_settings(client)
    assert re.fullmatch(r"[0-9a-f]{12}", settings["version"])
    assert settings["offline"] == {
        "": "/offline",
        "en": "/offline?lang=en",
        "cy": "/offline?lang=cy",
    }
    for url in settings["shell"] + list(settings["offline"].values()):
        with client.get(url) as response:
            assert response.status_code == 200, url


def test_the_cache_version_changes_when_a_file_of_the_shell_changes(tmp_path):
    (tmp_path / "site.css").write_text("body { color: black; }")
    first = offline._version_of((tmp_path,))
    (tmp_path / "site.css").write_text("body { color: navy; }")
    content_version.cache_clear()
    offline._version_of.cache_clear()
    assert offline._version_of((tmp_path,)) != first


def test_the_quick_exit_deletes_the_cache_the_worker_keeps_results_in():
    worker = (STATIC / "sw.js").read_text(encoding="utf-8")
    name = re.search(r'const RESULTS = "([^"]+)";', worker).group(1)
    assert f'caches.delete("{name}")' in (STATIC / "quick-exit.js").read_text(encoding="utf-8")


# --- installing as an app --------------------------------------------------------------------


def test_the_manifest_installs_the_site_with_icons_that_exist(client):
    with client.get("/manifest.webmanifest") as response:
        assert response.mimetype == "application/manifest+json"
        manifest = json.loads(response.get_data(as_text=True))
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/",
        "/",
        "standalone",
    )
    assert manifest["name"] == "Safe Spaces Locator"
    kinds = set()
    for icon in manifest["icons"]:
        with client.get(icon["src"]) as response:
            assert response.status_code == 200 and response.mimetype == "image/png", icon
            width, height = Image.open(io.BytesIO(response.data)).size
        assert icon["sizes"] == f"{width}x{height}"
        kinds.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= kinds


@pytest.mark.parametrize(
    ("path", "headers", "name", "start_url"),
    [
        ("/manifest.webmanifest?lang=cy", {}, "Lleoedd Diogel", "/?lang=cy"),
        ("/manifest.webmanifest", {"Accept-Language": "cy"}, "Lleoedd Diogel", "/"),
        ("/manifest.webmanifest", {"Accept-Language": "en-GB"}, "Safe Spaces Locator", "/"),
    ],
)
def test_a_welsh_visitor_installs_the_app_with_its_welsh_name(
    client, path, headers, name, start_url
):
    with client.get(path, headers=headers) as response:
        manifest = json.loads(response.get_data(as_text=True))
        assert "Accept-Language" in response.headers["Vary"]
    assert (manifest["name"], manifest["start_url"]) == (name, start_url)


def test_every_full_page_links_the_manifest_and_starts_the_worker(client, manchester):
    for path in ("/", SEARCH, "/offline", "/quick-exit"):
        html = page(client, path)
        assert html.select_one("link[rel=manifest]")["href"] == "/manifest.webmanifest", path
        assert html.select_one("link[rel=apple-touch-icon]"), path
        assert html.select_one("script[src^='/static/offline.js']"), path


# --- the offline page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "heading", "call"),
    [
        ("/offline", "You are offline", "Call 999"),
        ("/offline?lang=cy", "Rydych chi all-lein", "Ffoniwch 999"),
    ],
)
def test_the_offline_page_leads_with_999_and_55_then_the_other_numbers(client, path, heading, call):
    main = page(client, path).select_one("main")
    assert words(main.select_one("h1")) == heading
    first_call = main.select_one("a[href^='tel:']")
    assert (first_call["href"], words(first_call)) == ("tel:999", call)
    assert "55" in words(main.select_one("#offline-999"))
    numbers = [a["href"] for a in main.select("a[href^='tel:'], a[href^='sms:']")]
    expected = ["tel:999", "tel:101", "tel:111", "sms:61016"]
    # A Welsh page offers Wales's own domestic abuse line.
    lines = round_the_clock(wales="lang=cy" in path)
    expected += [f"tel:{line.phone.replace(' ', '')}" for line in lines]
    assert numbers == expected
    # It knows no search: it never says what was open.
    assert "open at" not in words(main) and "ar agor am" not in words(main)


# --- the offline banner ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "call", "sentence"),
    [
        (
            SEARCH,
            "Call 999",
            "You are offline: these were open at 21:40; call before you go.",
        ),
        (
            SEARCH + "&lang=cy",
            "Ffoniwch 999",
            "Rydych chi all-lein: roedd y rhain ar agor am 21:40; ffoniwch cyn i chi fynd.",
        ),
    ],
)
def test_a_search_carries_a_hidden_offline_banner_with_999_first_and_its_time(
    client, manchester, path, call, sentence
):
    html = page(client, path)
    banner = html.select_one("#offline-banner")
    assert banner.has_attr("hidden")
    assert banner["data-made-at"] == "2026-12-02T21:40+00:00"  # London time, GMT in December
    assert words(banner.select_one("a")) == call and banner.select_one("a")["href"] == "tel:999"
    assert words(banner.select_one(".offline-when")) == sentence
    assert html.select("ol.results li.result"), "the list the banner speaks of"


def test_a_page_with_no_search_has_no_offline_banner(client):
    assert page(client, "/").select_one("#offline-banner") is None


# --- low data --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_low_data_search_is_the_list_in_one_request(client, manchester, lang):
    with client.get(f"{SEARCH}&lite=1&lang={lang}") as response:
        html = response.get_data(as_text=True)
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("ol.results li.result")
    assert soup.select("script[src]") == []
    assert [link["href"] for link in soup.select("link[href]")] == ["data:,"]
    assert "/static/" not in html, "no file of ours is asked for: icons, Leaflet, map.js"
    assert soup.select_one("#map, #map-panel, #view-toggle, #map-assets, #locate, img") is None
    # Style and scripts are written into the page, allowed by this response's nonce.
    assert soup.select_one("style")["nonce"] == nonce
    assert all(script["nonce"] == nonce for script in soup.select("script"))
    assert "quick-exit" in "".join(script.get_text() for script in soup.select("script"))
    assert soup.select_one("a#quick-exit")["href"]


@pytest.mark.parametrize(
    ("path", "switch_words", "switch_keeps", "switch_drops"),
    [
        (SEARCH, "Low data", {"q": "M1", "lite": "1"}, set()),
        (SEARCH + "&lite=1", "Show the full page with the map", {"q": "M1"}, {"lite"}),
        ("/?lang=cy", "Data isel", {"lang": "cy", "lite": "1"}, set()),
    ],
)
def test_the_search_page_switches_low_data_on_and_off_keeping_the_search(
    client, manchester, path, switch_words, switch_keeps, switch_drops
):
    switch = page(client, path).select_one("#low-data-switch")
    assert words(switch) == switch_words
    query = dict(re.findall(r"[?&]([^=&]+)=([^&]*)", switch["href"]))
    assert switch_keeps.items() <= query.items() and not switch_drops & query.keys()


def test_the_form_and_links_of_a_low_data_search_stay_low_data(client, manchester):
    html = page(client, SEARCH + "&lite=1")
    assert html.select_one("form#search input[name=lite]")["value"] == "1"
    assert "lite=1" in html.select_one("a.brand")["href"]
    full = page(client, SEARCH)
    assert full.select_one("form#search input[name=lite]") is None
    assert "lite" not in full.select_one("a.brand")["href"]


def test_low_data_is_only_for_the_search_page(client):
    html = page(client, "/quick-exit?lite=1")
    assert html.select_one("link[rel=stylesheet]")
