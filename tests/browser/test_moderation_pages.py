"""A moderator's review page and a business's reports, on a 390 × 844 phone: readable and usable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from locator.listings import accounts, manage

from .support import BROWSER_WARNINGS, PASSWORD, screenshot, sign_in
from .test_business_layout import PHONE
from .test_record_and_review import manage_url, no_serious_violations, no_sideways_scroll

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

MODERATOR = "talks-mod@example.org"
REPORTED = "Shutters down at 7pm on a Wednesday"


def listing(site, name: str) -> tuple[str, int]:
    """Register and approve a premises, report it with words and ask for two changes."""
    locator = site.app.extensions["locator"]
    store = locator.store
    if store.accounts.moderator(email=MODERATOR) is None:
        accounts.create_moderator(store, locator.areas, MODERATOR, "Talks Mod", PASSWORD, ["Leeds"])
    link = manage_url(site, name)
    row = manage.managed_space(store, link.rsplit("/", 1)[1])
    store.premises.set_status(row.id, "published")
    store.reports.add(row.id, "closed", REPORTED)
    changes = {"name": f"{name} Briggate", "how_to_ask": "Say the word"}
    manage.update_listing(store, store.premises.get(row.id), changes)
    return link, row.id


def test_a_moderator_reads_and_decides_a_listing_field_by_field_on_a_phone(site, new_context):
    _link, space_id = listing(site, "Review Phone Shop")
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, site, "moderate", MODERATOR)
    row = page.locator(f"#queue tr[data-id='{space_id}']")
    expect(row).to_contain_text("waiting under a day")
    expect(row).to_contain_text(f"“{REPORTED}”")
    no_serious_violations(page)
    screenshot(page, "moderate-queue-phone.png")

    page.goto(site.url(f"/moderate/spaces/{space_id}"))
    expect(page.locator("#hours-words")).to_have_text("24 hours")
    expect(page.locator("#weekly-hours tbody tr")).to_have_count(7)
    expect(page.locator("#reports li")).to_contain_text("It was closed · ")
    expect(page.locator("#reports li")).to_contain_text(REPORTED)
    expect(page.locator("#audit")).not_to_contain_text("{")
    no_sideways_scroll(page)
    no_serious_violations(page)
    screenshot(page, "moderate-review-phone.png")

    page.check("#apply-name")
    page.check("#discard-how_to_ask")
    page.fill("#reason-how_to_ask", "Keep 'Ask at the till': staff know it.")
    with page.expect_navigation():
        page.click("button[value=decide_changes]")
    expect(page.locator("#waiting")).to_have_count(0)
    expect(page.locator("h1")).to_contain_text("Review Phone Shop Briggate")
    expect(page.locator("#audit tbody tr").first).to_contain_text(
        "applied the change to premises name; discarded the change to how to ask for help"
    )
    no_sideways_scroll(page)
    no_serious_violations(page)
    screenshot(page, "moderate-review-decided-phone.png")


def test_a_business_reads_its_reports_and_withdraws_only_with_a_yes_on_a_phone(site, new_context):
    link, space_id = listing(site, "Reports Phone Shop")
    page = new_context(viewport=PHONE).new_page()
    page.goto(link)
    expect(page.locator("#public-reports li")).to_contain_text("It was closed · ")
    expect(page.locator("#public-reports li")).to_contain_text(REPORTED)
    no_sideways_scroll(page)
    no_serious_violations(page)
    page.locator("#public-reports-heading").scroll_into_view_if_needed()
    screenshot(page, "manage-reports-phone.png")

    page.click("#withdraw")  # not ticked: the browser asks for the tick, nothing is sent
    assert page.locator("#confirm_withdraw").evaluate("box => box.validity.valueMissing")
    assert site.app.extensions["locator"].store.premises.get(space_id).status == "published"
    page.check("#confirm_withdraw")
    with page.expect_navigation():
        page.click("#withdraw")
    expect(page.locator("#listing-status")).to_have_text(
        "withdrawn by you: not shown to the public"
    )
    expect(page.locator("#list-again")).to_be_visible()
    no_sideways_scroll(page)
    no_serious_violations(page)
    page.locator("#list-again").scroll_into_view_if_needed()
    screenshot(page, "manage-withdrawn-phone.png")
    with page.expect_navigation():
        page.click("#list-again")
    expect(page.locator("#listing-status")).to_have_text("waiting for a moderator")
    assert site.app.extensions["locator"].store.premises.get(space_id).status == "pending"
