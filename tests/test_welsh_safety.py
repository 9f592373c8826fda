"""Every public page in Welsh and English, with no safety text left in English on a Welsh page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import template_rendered

from builders import add_premises, ids_by_ref
from conftest import premises_row

LEEDS = (53.7965, -1.5478)
# What a frightened person must be able to read in their language: the danger bar, the way out,
# what to do when nothing is open. None of these may be left in English on a Welsh page.
ENGLISH_SAFETY = (
    "Call 999",
    "In danger?",
    "Can't speak?",
    "then press 55",
    "Exit this page",
    "What you can do now",
    "Not an emergency",
    "In an emergency always call 999",
    "Nothing nearby matches",
    "call before you go",
)
PUBLIC_PAGES = (
    "/",
    "/?q=LS1",
    "/?q=LS1&facilities=defibrillator&radius_km=1",
    "/?q=Nowhereatallshire",
    "/spaces/{charger}",
    "/quick-exit",
    "/embed?area=leeds",
    "/training",
    "/no-such-page",
)
# Top-level templates of public pages; the table above must render every one in both languages.
PUBLIC_TEMPLATES = {
    "index.html",
    "place.html",
    "quick_exit.html",
    "embed.html",
    "training.html",
    "error.html",
}


@pytest.fixture
def leeds(locator):
    lat, lon = LEEDS
    add_premises(
        locator,
        [
            premises_row(
                "charger", lat + 0.001, lon, opening_hours="24/7", facilities="phone_charging"
            ),
            premises_row("nights", lat + 0.004, lon, opening_hours="Mo-Su 22:00-22:05"),
        ],
    )
    return ids_by_ref(locator)


def _page(client, path: str, **headers) -> tuple[int, BeautifulSoup]:
    with client.get(path, headers=headers) as response:
        return response.status_code, BeautifulSoup(response.data, "html.parser")


def _with(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_welsh_public_page_leads_with_999_in_welsh_and_leaves_no_safety_text_in_english(
    client, leeds, path
):
    status, page = _page(client, _with(path.format(**leeds), "cy"))
    assert status in (200, 400, 404)
    assert page.html["lang"] == "cy"
    assert page.select_one("#call-999").get_text(strip=True) == "Ffoniwch 999"
    assert "55" in page.select_one("#silent-solution").get_text()
    assert page.select_one("#quick-exit").get_text(strip=True) == "Gadael y dudalen hon"
    text = " ".join(page.get_text(" ").split())
    left = [english for english in ENGLISH_SAFETY if english in text]
    assert not left, f"English left on the Welsh page {path}: {left}"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_english_page_offers_cymraeg_and_the_switch_keeps_the_search(client, leeds, path):
    _, page = _page(client, path.format(**leeds))
    assert page.html["lang"] == "en-GB"
    switch = page.select_one("#language-switch")
    assert switch.get_text(strip=True) == "Cymraeg" and switch["lang"] == "cy"
    assert "lang=cy" in switch["href"]
    if "q=LS1" in path:
        assert "q=LS1" in switch["href"]


def test_a_browser_that_prefers_welsh_gets_welsh_and_the_page_says_it_varies(client, leeds):
    with client.get("/?q=LS1", headers={"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"}) as r:
        page = BeautifulSoup(r.data, "html.parser")
        assert "Accept-Language" in r.headers["Vary"]
        assert "Set-Cookie" not in r.headers
    assert page.html["lang"] == "cy"
    assert page.select_one("#language-switch").get_text(strip=True) == "English"


def test_links_and_the_search_form_keep_a_language_picked_with_lang(client, leeds):
    _, page = _page(client, "/?q=LS1&lang=cy")
    place_links = [a["href"] for a in page.select("a.result-link")]
    assert place_links and all("lang=cy" in href for href in place_links)
    assert page.select_one('form#search input[name="lang"]')["value"] == "cy"


def test_every_public_template_renders_in_both_languages(app, client, leeds):
    rendered: dict[str, set[str]] = {"en": set(), "cy": set()}
    current = {"lang": "en"}

    def record(sender, template, context, **extra):
        rendered[current["lang"]].add(template.name)

    with template_rendered.connected_to(record, app):
        for lang in ("en", "cy"):
            current["lang"] = lang
            for path in PUBLIC_PAGES:
                status, _ = _page(client, _with(path.format(**leeds), lang))
                assert status in (200, 400, 404)
    assert rendered["en"] >= PUBLIC_TEMPLATES
    assert rendered["cy"] >= PUBLIC_TEMPLATES


@pytest.mark.parametrize("path", ["/register", "/business/login", "/partners/embed"])
def test_business_and_partner_pages_stay_english_for_a_welsh_browser(client, path):
    status, page = _page(client, path, **{"Accept-Language": "cy"})
    assert status == 200
    assert page.html["lang"] == "en-GB"
    assert page.select_one("#call-999").get_text(strip=True) == "Call 999"


@pytest.mark.parametrize(
    ("query", "first_line"),
    [("q=CF10 1EP", "0808 80 10 800"), ("q=LS1", "0808 2000 247")],
)
def test_with_nothing_open_a_place_in_wales_is_offered_wales_own_domestic_abuse_line(
    client, query, first_line
):
    # Nothing is listed near either place: the page offers the lines that answer day and night.
    _, page = _page(client, f"/?{query}&radius_km=1")
    lines = [a.get_text(strip=True) for a in page.select("#nothing-open li a[href^='tel:']")]
    assert first_line in lines
