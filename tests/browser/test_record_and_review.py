"""Recording, reading, correcting and deleting uses from the manage page, on a phone and a desk."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, LEEDS, screenshot
from builders import READY_CHECKLIST

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

BLOCKING = {"serious", "critical"}


def manage_url(site, name: str) -> str:
    """Register a premises (no moderator needed to manage it); return its manage link."""
    with site.app.test_client() as client:
        done = client.post(
            "/api/v1/registrations",
            json={
                "name": name,
                "organisation": "Record Test Ltd",
                "address": "2 Briggate, Leeds",
                "postcode": "LS1 6HD",
                "lat": LEEDS[0] - 0.02,
                "lon": LEEDS[1] - 0.02,
                "opening_hours": "24/7",
                "scheme": "external",
                "contact_email": "record@example.org",
                "checklist": READY_CHECKLIST,
            },
        ).get_json()
    return site.url("/manage/" + done["manage_url"].rsplit("/", 1)[1])


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow} px"


def no_serious_violations(page) -> None:
    violations = Axe().run(page).response["violations"]
    blocking = [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"{page.url}: {blocking}"


@pytest.mark.parametrize(("width", "height", "name"), [(390, 844, "phone"), (1280, 800, "desk")])
def test_a_business_records_reads_corrects_and_deletes_a_use(
    site, new_context, width, height, name
):
    context = new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    page.goto(manage_url(site, f"Record Test {name}"))

    # A note that names and describes the person is refused, and comes back to be mended.
    page.select_option("#need", "felt_unsafe")
    page.check("#staff_support")
    page.fill("#note", "Sarah, 19, blonde, was crying")
    page.click("#record-use")
    expect(page.locator("#note-error")).to_contain_text("“Sarah” (a name)")
    expect(page.locator("#note")).to_have_value("Sarah, 19, blonde, was crying")
    expect(page.locator("#need")).to_have_value("felt_unsafe")
    no_sideways_scroll(page)
    page.evaluate("document.getElementById('note-error').scrollIntoView({block: 'center'})")
    screenshot(page, f"record-refused-{name}.png")

    page.fill("#note", "Waited inside until a taxi came, left safely")
    page.click("#record-use")
    expect(page.locator("#use-message")).to_have_text(
        "Recorded. Thank you: this helps the scheme improve."
    )
    expect(page.locator("#welfare-check")).to_contain_text("Employee Assistance Programme")
    entry = page.locator("#use-log li")
    expect(entry).to_have_count(1)
    expect(entry.locator(".use-need")).to_have_text("Felt unsafe or followed")
    expect(entry.locator(".use-support")).to_have_text("Needed support afterwards")
    expect(entry.locator(".use-note")).to_have_text("Waited inside until a taxi came, left safely")
    no_sideways_scroll(page)
    no_serious_violations(page)
    screenshot(page, f"record-welfare-{name}.png")  # where the browser lands: #record
    page.evaluate("document.getElementById('log').scrollIntoView()")
    screenshot(page, f"record-log-{name}.png")

    entry.locator(".use-change").click()
    expect(page.locator("h1")).to_have_text("Change a recorded use")
    expect(page.locator("#note")).to_have_value("Waited inside until a taxi came, left safely")
    no_sideways_scroll(page)
    screenshot(page, f"record-change-{name}.png")
    no_serious_violations(page)
    page.select_option("#outcome", "referred")
    page.select_option("#referred_to", "police")
    page.click("#save-use")
    expect(page.locator("#use-message")).to_have_text("The entry is corrected.")
    expect(page.locator("#use-log li .use-agency")).to_have_text("Police (101)")

    page.locator("#use-log li .use-change").click()
    page.click("#delete-use")
    expect(page.locator("#use-message")).to_have_text("The entry is deleted.")
    expect(page.locator("#use-log-empty")).to_be_visible()
