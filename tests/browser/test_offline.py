"""With no signal: the last search read again from the phone, 999 first; nothing left on exit."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
# For reviewing by eye (/tmp/shots): not kept with the project's docs/screenshots.
SHOTS = Path(tempfile.gettempdir()) / "shots"
NAMES = "ol.results a.result-link"
# Whether the phone holds a copy of this page, kept by the service worker.
KEPT = """async () => Boolean(
  await caches.match(location.href, { ignoreVary: true, cacheName: "locator-results" }))"""
RESULTS_CACHED = "async () => (await caches.keys()).includes('locator-results')"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def wait_until_kept(page) -> None:
    """Wait until the service worker holds a copy of the page shown."""
    for _ in range(100):
        if page.evaluate(KEPT):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the service worker did not keep {page.url}")


def searched_and_kept(new_context, site, path: str):
    """Return a phone's context and page after a search the service worker has kept."""
    context = new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url(path))
    expect(page.locator(NAMES).first).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=100)
    wait_until_kept(page)
    return context, page


@pytest.mark.parametrize(
    ("lang", "offline_words"),
    [("en", "You are offline: these were open at"), ("cy", "Rydych chi all-lein: roedd y rhain")],
)
def test_a_search_reloaded_with_no_signal_shows_its_places_with_999_first(
    site, new_context, lang, offline_words
):
    context, page = searched_and_kept(new_context, site, f"/?q=M1&lang={lang}")
    names = page.locator(NAMES).all_inner_texts()
    expect(page.locator("#offline-banner")).to_be_hidden()
    context.set_offline(True)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-offline", "")
    assert page.locator(NAMES).all_inner_texts() == names
    banner = page.locator("#offline-banner")
    expect(banner).to_be_visible()
    expect(banner.locator(".offline-when")).to_contain_text(offline_words)
    expect(banner.locator(".offline-when")).to_contain_text(re.compile(r"\b\d\d:\d\d\b"))
    expect(banner.locator("a").first).to_have_attribute("href", "tel:999")
    # The 999 bar is still the first thing on the page, and the first number to call.
    expect(page.locator("a[href^='tel:']").first).to_have_attribute("href", "tel:999")
    # With no search to make, the first place follows the banner on the first screen.
    first_place = page.locator(NAMES).first.bounding_box()
    assert first_place["y"] + first_place["height"] < PHONE["height"]
    shot(page, f"offline-results-{lang}.png")


@pytest.mark.parametrize(("lang", "heading"), [("en", "You are offline"), ("cy", "Rydych chi")])
def test_a_search_never_kept_shows_the_offline_page_with_999(site, new_context, lang, heading):
    context, page = searched_and_kept(new_context, site, f"/?q=M1&lang={lang}")
    context.set_offline(True)
    page.goto(site.url(f"/?q=LS1&lang={lang}"))
    expect(page.locator("main h1")).to_contain_text(heading)
    expect(page.locator("main a[href^='tel:']").first).to_have_attribute("href", "tel:999")
    expect(page.locator("#offline-helplines li")).to_have_count(3)
    assert page.locator("#offline-banner").count() == 0
    shot(page, f"offline-page-{lang}.png")


def test_the_quick_exit_deletes_the_kept_search(site, new_context):
    context, page = searched_and_kept(new_context, site, "/?q=M1")
    assert page.evaluate(RESULTS_CACHED)
    page.locator("#quick-exit").click()
    page.wait_for_url(site.exit_url)
    # Back on the site, on a page that is not a search: nothing of the search is left.
    later = context.new_page()
    later.goto(site.url("/offline"))
    assert not later.evaluate(RESULTS_CACHED)
    context.set_offline(True)
    later.goto(site.url("/?q=M1"))
    expect(later.locator("main h1")).to_have_text("You are offline")
    expect(later.locator(NAMES)).to_have_count(0)


def test_only_the_latest_search_is_kept(site, new_context):
    _, page = searched_and_kept(new_context, site, "/?q=M1")
    page.goto(site.url("/?q=LS1"))
    expect(page.locator(NAMES).first).to_be_visible()
    wait_until_kept(page)
    kept = page.evaluate(
        "async () => (await (await caches.open('locator-results')).keys()).map((r) => r.url)"
    )
    assert kept == [site.url("/?q=LS1")]
