"""A store's staff record a use through the link their head office gave them, on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from locator.listings import accounts, manage

from .support import BROWSER_WARNINGS, screenshot
from .test_record_and_review import manage_url, no_serious_violations, no_sideways_scroll

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
HEAD_OFFICE = "record-link-hq@example.org"
PASSWORD = "a long password here"


def test_a_head_office_gives_a_store_a_link_and_its_staff_record_a_use_on_a_phone(
    site, new_context
):
    locator = site.app.extensions["locator"]
    organisation = accounts.create_organisation(
        locator.store, "Record Link Shops", HEAD_OFFICE, PASSWORD
    )
    link = manage_url(site, "Record Link Store")
    space_id = manage.managed_space(locator.store, link.rsplit("/", 1)[1]).id
    locator.store.premises.change(space_id, {"organisation_id": organisation}, "test", "linked", {})

    office = new_context(viewport=PHONE, bypass_csp=True).new_page()
    office.goto(site.url("/business/login"))
    office.fill("#email", HEAD_OFFICE)
    office.fill("#password", PASSWORD)
    with office.expect_navigation():
        office.click("#login button[type=submit]")
    office.goto(site.url(f"/business/premises/{space_id}#record-link"))
    screenshot(office, "record-link-offer-phone.png")
    office.click("#give-record-link")
    expect(office.locator("#record-link-reach")).to_contain_text("cannot change the listing")
    record_url = office.locator("#record-link-url").get_attribute("href")
    no_sideways_scroll(office)
    no_serious_violations(office)
    screenshot(office, "record-link-given-phone.png")

    # The store's staff: no sign-in, only the link.
    staff = new_context(viewport=PHONE, bypass_csp=True).new_page()
    staff.goto(record_url)
    expect(staff.locator("h1")).to_contain_text("Record Link Store")
    expect(staff.locator("#use-permission")).to_contain_text("only with the person's permission")
    assert staff.locator("#manage-form, #withdraw, #confirm").count() == 0
    no_sideways_scroll(staff)
    no_serious_violations(staff)
    screenshot(staff, "record-link-page-phone.png")
    staff.select_option("#need", "wait")
    staff.select_option("#outcome", "collected")
    staff.check("#staff_support")
    staff.fill("#note", "Waited inside until family came")
    staff.click("#record-use")
    expect(staff.locator("#use-message")).to_have_text(
        "Recorded. Thank you: this helps the scheme improve."
    )
    expect(staff.locator("#welfare-check")).to_be_visible()
    entry = staff.locator("#use-log li")
    expect(entry).to_have_count(1)
    expect(entry.locator(".use-need")).to_have_text("Wait for family or friends")
    no_sideways_scroll(staff)
    no_serious_violations(staff)
    screenshot(staff, "record-link-recorded-phone.png")

    # The head office sees the store's use among its own.
    office.goto(site.url("/business/statistics"))
    expect(office.locator("#uses-by-store .store-uses")).to_have_text("1")
    no_sideways_scroll(office)
