"""A safe way out everywhere: quick exit by Shift, no trail in Back, error pages, chat failures."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, LEEDS, screenshot
from .test_accessibility import BLOCKING, describe

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
RESULTS = "ol.results > li.result"
INDICATOR = "#quick-exit .quick-exit-indicator"


@pytest.fixture
def phone(new_context):
    return new_context(viewport=PHONE).new_page()


def press_all(page, keys: list[str]) -> None:
    """Press each key (e.g. "Shift+M") with no pause between: a brisk typist."""
    for key in keys:
        page.keyboard.press(key)


def shift_held_around(page, letter: str) -> None:
    page.keyboard.down("Shift")
    page.keyboard.press(letter)
    page.keyboard.up("Shift")


def shift_released_first(page, letter: str) -> None:
    page.keyboard.down("Shift")
    page.keyboard.down(letter)
    page.keyboard.up("Shift")
    page.keyboard.up(letter)


def type_postcode(page, capital) -> None:
    """Type "M4 3AQ", making each capital with `capital(page, letter)`."""
    capital(page, "M")
    press_all(page, ["4", "Space", "3"])
    capital(page, "A")
    capital(page, "Q")


# Ways of typing the capitals of "M4 3AQ": each makes three Shift key presses in under a second.
TYPING_CAPITALS = {
    "shift-plus-letter": lambda page: type_postcode(
        page, lambda p, k: p.keyboard.press(f"Shift+{k}")
    ),
    "shift-held-around-each-letter": lambda page: type_postcode(page, shift_held_around),
    "shift-released-before-the-letter": lambda page: type_postcode(page, shift_released_first),
}


# --- quick exit by Shift ---------------------------------------------------------------------


@pytest.mark.parametrize("typing", TYPING_CAPITALS.values(), ids=TYPING_CAPITALS.keys())
def test_typing_a_postcode_with_capitals_briskly_does_not_leave_the_page(site, phone, typing):
    phone.goto(site.url("/"))
    phone.locator("input#q").focus()
    typing(phone)
    expect(phone.locator("input#q")).to_have_value("M4 3AQ")
    phone.wait_for_timeout(300)  # time for a wrongly started exit to show
    assert phone.url.startswith(site.base), f"typing capitals left the page for {phone.url}"
    expect(phone.locator(INDICATOR)).to_be_hidden()


def test_three_bare_shift_presses_leave_for_the_neutral_page(site, phone):
    phone.goto(site.url("/?q=LS1"))
    press_all(phone, ["Shift", "Shift", "Shift"])
    phone.wait_for_url(site.exit_url)
    expect(phone.locator("h1")).to_have_text("Weather forecast")


def test_one_shift_press_lights_one_of_three_and_says_what_to_do_next(site, phone):
    phone.goto(site.url("/"))
    status = phone.locator("#quick-exit-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(phone.locator(INDICATOR)).to_be_hidden()
    phone.keyboard.press("Shift")
    expect(phone.locator(INDICATOR)).to_be_visible()
    expect(phone.locator(f"{INDICATOR} .quick-exit-light")).to_have_count(3)
    expect(phone.locator(f"{INDICATOR} .quick-exit-light.is-on")).to_have_count(1)
    expect(status).to_have_text("Shift pressed 1 time. Press Shift 2 more times to exit the page.")
    expect(phone.locator("#quick-exit")).to_be_in_viewport(ratio=1)
    screenshot(phone, "quick-exit-indicator.png")
    phone.keyboard.press("Shift")
    expect(phone.locator(f"{INDICATOR} .quick-exit-light.is-on")).to_have_count(2)
    expect(status).to_have_text("Shift pressed 2 times. Press Shift 1 more time to exit the page.")


def test_another_key_between_shift_presses_starts_the_count_again(site, phone):
    phone.goto(site.url("/"))
    press_all(phone, ["Shift", "Shift", "a", "Shift"])
    expect(phone.locator(f"{INDICATOR} .quick-exit-light.is-on")).to_have_count(1)
    assert phone.url.startswith(site.base)


def test_the_count_is_forgotten_after_five_seconds_without_a_shift_press(site, phone):
    phone.clock.install()
    phone.goto(site.url("/"))
    press_all(phone, ["Shift", "Shift"])
    phone.clock.run_for(5100)
    expect(phone.locator(INDICATOR)).to_be_hidden()
    expect(phone.locator("#quick-exit-status")).to_have_text("Exit this page expired.")
    phone.keyboard.press("Shift")
    expect(phone.locator(f"{INDICATOR} .quick-exit-light.is-on")).to_have_count(1)
    assert phone.url.startswith(site.base)


# --- no trail in Back ------------------------------------------------------------------------


def test_two_searches_with_the_form_leave_history_length_unchanged(site, phone):
    phone.goto(f"{site.other}/start.html")
    phone.goto(site.url("/"))
    before = phone.evaluate("history.length")
    phone.locator("input#q").fill("LS1")
    phone.locator("button#search-submit").click()
    expect(phone.locator(RESULTS).first).to_be_visible()
    assert "q=LS1" in phone.url
    phone.locator("input#q").fill("M1")
    phone.locator("input#q").press("Enter")
    expect(phone.locator("input#q")).to_have_value("M1")
    expect(phone.locator("a.result-link", has_text="Piccadilly Safe Shop")).to_be_visible()
    assert phone.evaluate("history.length") == before
    expect(phone).to_have_title("Find a safe space · Safe Spaces Locator")
    phone.go_back()
    assert phone.url == f"{site.other}/start.html", "Back should skip every search"


def test_use_my_location_adds_no_history_entry(site, new_context):
    latitude, longitude = LEEDS
    page = new_context(
        viewport=PHONE,
        geolocation={"latitude": latitude, "longitude": longitude},
        permissions=["geolocation"],
    ).new_page()
    page.goto(site.url("/"))
    before = page.evaluate("history.length")
    page.locator("button#locate").click()
    expect(page.locator(RESULTS).first).to_be_visible()
    assert page.evaluate("history.length") == before
    assert page.url == site.url("/"), "the position must not be put in the address"


# --- error pages -----------------------------------------------------------------------------


def test_a_404_page_shows_call_999_and_exit_this_page(site, phone):
    response = phone.goto(site.url("/no-such-page"))
    assert response.status == 404
    expect(phone.locator("h1")).to_have_text("Page not found")
    call = phone.locator("a#call-999")
    expect(call).to_be_in_viewport()
    expect(call).to_have_attribute("href", "tel:999")
    exit_link = phone.locator("a#quick-exit")
    expect(exit_link).to_be_in_viewport(ratio=1)
    expect(phone.locator("main a[href='/']")).to_be_visible()
    screenshot(phone, "error-404-mobile.png")
    exit_link.click()
    phone.wait_for_url(site.exit_url)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["390", "1280"])
def test_the_404_page_has_no_serious_accessibility_violations(site, new_context, viewport):
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    assert page.goto(site.url("/no-such-page")).status == 404
    page.wait_for_load_state("networkidle")
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_a_withdrawn_listing_page_offers_another_safe_space(site, phone):
    store = site.app.extensions["locator"].store
    space_id = site.ids["leeds-closed"]
    store.premises.set_status(space_id, "suspended")
    try:
        assert phone.goto(site.url(f"/spaces/{space_id}")).status == 404
        expect(phone.locator("h1")).to_have_text("This safe space is no longer listed")
        expect(phone.locator("a#call-999")).to_be_visible()
        phone.locator("main a", has_text="Find another safe space").click()
        phone.wait_for_url(site.url("/"))
    finally:
        store.premises.set_status(space_id, "published")


# --- the chat when it fails ------------------------------------------------------------------


def answer_429(route) -> None:
    route.fulfill(
        status=429,
        json={
            "error": {
                "code": "rate_limited",
                "message": "Too many requests: please wait a minute and try again. "
                "If you are in danger, call 999.",
                "field": None,
            }
        },
    )


CHAT_FAILURES = {
    "rate-limited": (answer_429, "Too many requests"),
    "server-error": (
        lambda route: route.fulfill(status=502, body="<h1>Bad gateway</h1>"),
        "something went wrong",
    ),
    "network-down": (lambda route: route.abort(), "could not reach the service"),
}


@pytest.mark.parametrize("failure", CHAT_FAILURES.values(), ids=CHAT_FAILURES.keys())
def test_a_chat_that_fails_still_shows_call_999_in_the_panel(site, phone, failure):
    answer, message = failure
    phone.route("**/api/v1/chat", answer)
    phone.goto(site.url("/"))
    phone.locator("#chat-message").fill("someone is following me")
    phone.locator("#chat-send").click()
    reply = phone.locator("#chat-log .from-helper").last
    expect(reply).to_contain_text(re.compile(message, re.I))
    call = reply.locator(".chat-999 a")
    expect(call).to_have_text("Call 999")
    expect(call).to_have_attribute("href", "tel:999")
    expect(call).to_be_visible()
    expect(reply).to_contain_text("Can't speak? Dial 999 then press 55")


# --- short viewports -------------------------------------------------------------------------


def test_at_400_percent_zoom_the_danger_bar_keeps_to_one_line_beside_the_exit_button(
    site, new_context
):
    # 1280 × 640 at 400% zoom is 320 × 160 CSS pixels.
    page = new_context(viewport={"width": 320, "height": 160}, device_scale_factor=4).new_page()
    page.goto(site.url("/"))
    bar = page.locator(".danger-bar").bounding_box()
    call = page.locator("a#call-999").bounding_box()
    exit_box = page.locator("a#quick-exit").bounding_box()
    assert bar["height"] <= 40, f"the danger bar takes {bar['height']}px of 160"
    assert exit_box["y"] + exit_box["height"] <= 48
    assert call["x"] + call["width"] <= exit_box["x"], "the exit button covers Call 999"
    # Hit-testing the end of the link finds it: neither covered nor cut off by the one line.
    end_of_call = page.evaluate(
        """([x, y]) => document.elementFromPoint(x, y).closest('#call-999') !== null""",
        [call["x"] + call["width"] - 2, call["y"] + call["height"] / 2],
    )
    assert end_of_call, "Call 999 is cut short"
    expect(page.locator("a#call-999")).to_be_visible()
    expect(page.locator("a#quick-exit")).to_be_in_viewport(ratio=1)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
