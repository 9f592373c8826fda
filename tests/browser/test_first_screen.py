"""What a frightened person sees first on a phone: the nearest open place, true and on screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, screenshot

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
RESULTS = "ol.results > li.result"
# Wednesday 2 December 2026 at 19:53: Kirkgate Stationers (about 5 min walk from LS1's centre)
# closes at 20:00, too soon to reach with five minutes to spare.
CLOSING_SOON = "/?q=LS1&at=2026-12-02T19:53"
CHRISTMAS = "/?q=LS1&at=2026-12-25T12:00"
NOTHING_OPEN = "/?q=LS1&facilities=private_room&at=2026-12-02T12:00"


def phone(new_context):
    return new_context(viewport=PHONE, bypass_csp=True).new_page()


def on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 40 <= PHONE["height"]


def test_after_searching_a_district_the_nearest_open_place_is_on_the_first_screen(
    site, new_context
):
    page = phone(new_context)
    page.goto(site.url("/"))
    page.locator("input#q").fill("LS1")
    page.locator("button#search-submit").click()
    first = page.locator(RESULTS).first
    expect(first).to_be_visible()
    expect(page.locator("#results-summary")).to_be_focused()
    assert first.get_attribute("data-state") == "open"
    assert on_first_screen(page, page.locator("#results-summary"))
    assert on_first_screen(page, first.locator(".result-name"))
    assert on_first_screen(page, first.locator(".status"))
    page.wait_for_load_state("networkidle")
    screenshot(page, "phone-results.png")


def test_a_place_we_cannot_find_is_said_beside_the_search_box_which_takes_focus(site, new_context):
    page = phone(new_context)
    page.goto(site.url("/"))
    page.locator("input#q").fill("Qqzzxv")
    page.locator("button#search-submit").click()
    box = page.locator("input#q")
    expect(box).to_be_focused()
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_attribute("aria-describedby", "q-error")
    expect(page.locator("#q-error")).to_contain_text("could not find")
    assert on_first_screen(page, page.locator("#q-error"))


def test_a_place_closing_before_you_could_walk_there_is_amber_and_listed_below(site, new_context):
    page = phone(new_context)
    page.goto(site.url(CLOSING_SOON))
    closing = page.locator(f'{RESULTS}[data-id="{site.ids["leeds-daytime"]}"]')
    expect(closing.locator(".status")).to_have_text(
        "Closes in 7 min: you may not get there in time"
    )
    assert closing.get_attribute("data-state") == "closing"
    colour = closing.locator(".status").evaluate("node => getComputedStyle(node).color")
    green = page.evaluate(
        "() => { const p = document.createElement('p'); p.className = 'status status-open';"
        " document.body.append(p); return getComputedStyle(p).color; }"
    )
    assert colour != green
    states = page.locator(RESULTS).evaluate_all("items => items.map(i => i.dataset.state)")
    assert states.index("closing") > max(i for i, s in enumerate(states) if s == "open")
    closing.scroll_into_view_if_needed()
    screenshot(page, "phone-closing-soon.png")


def test_on_christmas_day_hours_without_a_bank_holiday_rule_say_phone_first(site, new_context):
    page = phone(new_context)
    page.goto(site.url(CHRISTMAS))
    daytime = page.locator(f'{RESULTS}[data-id="{site.ids["leeds-daytime"]}"]')
    expect(daytime.locator(".status")).to_have_text(
        "Bank holiday: hours not confirmed, phone first"
    )
    # "PH off": closed that day, so never among the open or unconfirmed places.
    evening = page.locator(f'ol#results > li.result[data-id="{site.ids["leeds-evening"]}"]')
    expect(evening).to_have_count(0)
    daytime.scroll_into_view_if_needed()
    screenshot(page, "phone-bank-holiday.png")


def test_when_nothing_is_open_the_page_leads_with_what_to_do_now(site, new_context):
    page = phone(new_context)
    page.goto(site.url(NOTHING_OPEN))
    advice = page.locator("#nothing-open")
    expect(advice).to_contain_text("999")
    expect(advice).to_contain_text("101")
    expect(page.locator("#closed-heading")).to_be_visible()
    closed = page.locator("ol#results-closed > li.result").first
    expect(closed.locator(".status")).to_contain_text("opens")
    assert on_first_screen(page, advice)
    screenshot(page, "phone-nothing-open.png")


def test_the_map_toggle_shows_numbered_pins_that_match_the_list(site, new_context):
    page = phone(new_context)
    page.goto(site.url("/?q=LS1"))
    page.locator("#view-toggle").click()
    expect(page.locator("#results")).to_be_hidden()
    expect(page.locator("#view-toggle")).to_have_text("Show list")
    pins = page.locator("#map .pin")
    expect(pins.first).to_be_visible()
    numbers = sorted(int(text) for text in pins.all_inner_texts())
    listed = page.locator(RESULTS).count()
    assert numbers == list(range(1, listed + 1))
    page.locator("#view-toggle").click()
    expect(page.locator("#results")).to_be_visible()


@pytest.mark.parametrize("path", [CLOSING_SOON, CHRISTMAS, NOTHING_OPEN, "/?q=Qqzzxv"])
def test_the_new_states_have_no_serious_accessibility_violations(site, new_context, path):
    page = phone(new_context)
    page.goto(site.url(path))
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not blocking, [(v["id"], [n["target"] for n in v["nodes"]]) for v in blocking]
