"""Editing hours on the manage page through the grid, on a 390 px phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, LEEDS, screenshot
from .test_accessibility import BLOCKING, describe
from .test_business_layout import CONTROLS, CONTROLS_OUTSIDE, PHONE
from builders import READY_CHECKLIST

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

LATE_FRIDAY = "Mo-Sa 09:00-17:30, Fr 18:00-01:00"


def manage_link(site, opening_hours: str) -> str:
    """Register a premises with these hours (no moderator needed to manage it); return its link."""
    with site.app.test_client() as client:
        done = client.post(
            "/api/v1/registrations",
            json={
                "name": "Late Friday Shop",
                "organisation": "Grid Test Ltd",
                "address": "4 Briggate, Leeds",
                "postcode": "LS1 6HD",
                "lat": LEEDS[0] - 0.021,
                "lon": LEEDS[1] - 0.021,
                "opening_hours": opening_hours,
                "scheme": "external",
                "contact_email": "grid@example.org",
                "checklist": READY_CHECKLIST,
            },
        ).get_json()
    return site.url("/manage/" + done["manage_url"].rsplit("/", 1)[1])


def assert_fits_and_passes_axe(page, what: str) -> None:
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{what} scrolls sideways by {overflow} px"
    outside = page.evaluate(CONTROLS_OUTSIDE, CONTROLS)
    assert not outside, f"{what}: controls off the side of a 390 px screen: {outside}"
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{what}:\n{describe(blocking)}"


def test_saturday_changed_in_the_grid_on_a_phone_keeps_friday_late_and_shows_the_week(
    site, new_context
):
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    page.goto(manage_link(site, LATE_FRIDAY))
    expect(page.locator("#friday_close2")).to_have_value("01:00")
    page.locator("#saturday_open1").scroll_into_view_if_needed()
    assert_fits_and_passes_axe(page, "the manage page")
    screenshot(page, "manage-hours-grid-phone.png")
    page.locator("#closed_to").scroll_into_view_if_needed()
    screenshot(page, "manage-hours-closure-phone.png")

    page.fill("#saturday_close1", "16:00")
    with page.expect_navigation():
        page.click("#save")
    expect(page.locator("#manage-message")).to_contain_text("Saved and shown now: opening hours.")
    expect(page.locator("#hours-change tr.changed th")).to_have_text(["Saturday"])
    expect(page.locator("#hours-warnings")).to_have_count(0)
    expect(page.locator("#saturday_close1")).to_have_value("16:00")
    expect(page.locator("#friday_close2")).to_have_value("01:00")
    page.locator("#hours-change").scroll_into_view_if_needed()
    assert_fits_and_passes_axe(page, "the manage page after a save")
    screenshot(page, "manage-hours-saved-phone.png")


def test_an_osm_line_edit_on_a_phone_warns_of_the_day_it_cut(site, new_context):
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    page.goto(manage_link(site, LATE_FRIDAY))
    page.click("#hours-line summary")
    page.fill("#opening_hours", LATE_FRIDAY + "; Sa 09:00-16:00")
    with page.expect_navigation():
        page.click("#save")
    expect(page.locator("#hours-warnings")).to_contain_text("Friday's hours changed too")
    page.locator("#hours-change").scroll_into_view_if_needed()
    assert_fits_and_passes_axe(page, "the manage page with a warning")
    screenshot(page, "manage-hours-warning-phone.png")
