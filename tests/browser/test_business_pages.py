"""Registration, the manage link and moderation in a real browser, with hostile text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from locator.listings import accounts

from .support import BROWSER_WARNINGS, screenshot
from builders import ready_form

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PROBE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def no_script_ran(page) -> None:
    assert page.evaluate("() => window.__xss === undefined")


def test_hostile_text_from_a_registration_is_shown_as_text_on_every_page(site, page):
    # In Norwich, away from the Leeds and Manchester premises the other browser tests count.
    page.goto(site.url("/register"))
    page.fill("#organisation", "Probe Ltd")
    page.fill("#name", f"Probe {PROBE}")
    page.fill("#address", "3 Gentleman's Walk, Norwich")
    page.fill("#postcode", "NR2 1NT")
    page.locator("#postcode").press("Tab")
    # The postcode puts a draggable pin on the map, which fills the hidden coordinates.
    expect(page.locator("#lat")).to_have_value(re.compile(r"^52\.6\d+$"))
    expect(page.locator("#pin-hint")).to_contain_text("NR2")
    page.fill("#opening_hours", "24/7")
    page.fill("#how_to_ask", PROBE)
    page.fill("#contact_email", "probe@example.org")
    page.check("#r-phone_charging")
    for key, value in ready_form().items():
        page.check(f"#{key}-{value}")
    page.click("#register-submit")
    expect(page.locator("#reference")).to_have_text(re.compile(r"SSL-\d{6}"))
    manage_url = page.locator("#manage-link").get_attribute("href")
    no_script_ran(page)

    page.goto(manage_url)
    expect(page.locator("#name")).to_have_value(f"Probe {PROBE}")
    expect(page.locator("#how_to_ask")).to_have_value(PROBE)
    no_script_ran(page)

    locator = site.app.extensions["locator"]
    accounts.create_moderator(
        locator.store,
        locator.areas,
        "probe-mod@example.org",
        "Probe Mod",
        "a long password here",
        [],
    )
    page.goto(site.url("/moderate/login"))
    page.fill("#email", "probe-mod@example.org")
    page.fill("#password", "a long password here")
    page.click("button[type=submit]")
    row = page.locator("#queue tr", has_text="Probe <img")
    expect(row).to_be_visible()
    no_script_ran(page)
    row.locator("a").first.click()
    expect(page.locator("h1")).to_contain_text(f"Probe {PROBE}")
    no_script_ran(page)
    page.click("button[value=approve]")
    expect(page.locator("#status")).to_have_text("published")

    space_id = int(page.url.rsplit("/", 1)[1])  # the review page is /moderate/spaces/<id>
    page.goto(site.url(f"/spaces/{space_id}"))
    expect(page.locator("h1")).to_have_text(f"Probe {PROBE}")
    expect(page.locator("#how-to-ask")).to_contain_text(PROBE)
    no_script_ran(page)
    page.goto(site.url("/?q=NR2&open_now=false"))
    expect(page.locator("a.result-link", has_text="Probe <img")).to_be_visible()
    no_script_ran(page)


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_a_moderator_keeps_their_districts_referral_contacts_at_phone_and_desktop_widths(
    site, new_context, width, height
):
    locator = site.app.extensions["locator"]
    email = f"referrals-{width}@example.org"
    accounts.create_moderator(
        locator.store, locator.areas, email, "Leeds Mod", "a long password here", ["Leeds"]
    )
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(site.url("/moderate/login"))
    page.fill("#email", email)
    page.fill("#password", "a long password here")
    page.click("button[type=submit]")
    page.click("#referral-directory")
    expect(page.locator("#contacts-heading")).to_have_text("Contacts for Leeds")
    name = f"Leeds Community Safety {width}"
    page.fill("#contact-name", name)
    page.fill("#contact-phone", "555 1234")
    page.check("#topic-police")
    page.click("#save-contact")
    expect(page.locator("#phone-error")).to_contain_text("is not a UK phone number")
    expect(page.locator("#contact-phone")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"moderate-referrals-error-{width}.png")
    page.fill("#contact-phone", "0113 496 0100")
    page.fill("#contact-hours", "Mo-Fr 09:00-17:00")
    page.click("#save-contact")
    expect(page.locator("#referral-message")).to_have_text("The contact is added.")
    expect(page.locator("#contacts li", has_text=name)).to_contain_text("Police")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"moderate-referrals-{width}.png")


def test_a_shop_registers_with_a_lunch_break_and_a_late_night_on_a_phone(site, new_context):
    from .test_record_and_review import no_serious_violations, no_sideways_scroll

    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(site.url("/register"))
    page.fill("#organisation", "Lunch Ltd")
    page.fill("#name", "Lunch Break Books")
    page.fill("#address", "5 Gentleman's Walk, Norwich")
    page.fill("#postcode", "NR2 1NT")
    page.locator("#postcode").press("Tab")
    expect(page.locator("#lat")).to_have_value(re.compile(r"^52\.6\d+$"))
    for day in ("monday", "tuesday", "wednesday", "thursday"):
        page.fill(f"#{day}_open1", "09:00")
        page.fill(f"#{day}_close1", "12:30")
        page.fill(f"#{day}_open2", "13:30")
        page.fill(f"#{day}_close2", "17:30")
    page.fill("#friday_open1", "18:00")
    page.fill("#friday_close1", "02:00")  # a late night, past midnight
    page.check("#bank-holidays-closed")
    page.fill("#contact_email", "lunch@example.org")
    for key, value in ready_form().items():
        page.check(f"#{key}-{value}")
    no_sideways_scroll(page)
    no_serious_violations(page)
    page.click("#register-submit")
    expect(page.locator("#reference")).to_have_text(re.compile(r"SSL-\d{6}"))
    hours = page.locator("table.hours")
    expect(hours.locator("tr", has_text="Monday")).to_contain_text("09:00")
    expect(hours.locator("tr", has_text="Monday")).to_contain_text("13:30")
    expect(hours.locator("tr", has_text="Friday")).to_contain_text("18:00")
    expect(hours.locator("tr", has_text="Friday")).to_contain_text("02:00")
    no_sideways_scroll(page)
    no_serious_violations(page)
    screenshot(page, "registered-lunch-and-late-night-phone.png")
