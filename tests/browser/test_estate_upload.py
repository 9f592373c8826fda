"""A head office's estate upload, checked in Chromium on a phone: every section of the check
page readable at 390 px, nothing sideways, no serious axe violation."""

from __future__ import annotations

import csv
import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from locator.domain.vocabulary import IMPORT_COLUMNS
from locator.listings import accounts

from .support import BROWSER_WARNINGS, LEEDS, PASSWORD, SCREENSHOTS, screenshot, sign_in
from .test_accessibility import BLOCKING, describe
from conftest import premises_row

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
EMAIL = "estate-hq@example.org"


def estate_file(rows: list[dict]) -> dict:
    """Return an upload for Playwright's set_input_files: the rows as an import CSV."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(IMPORT_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return {"name": "estate.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}


def stores(*refs: str, **values) -> list[dict]:
    lat, lon = LEEDS
    return [premises_row(ref, lat + n * 0.001, lon, **values) for n, ref in enumerate(refs)]


@pytest.fixture(scope="module")
def head_office(site) -> str:
    """A head office with no premises yet; return its email."""
    locator = site.app.extensions["locator"]
    accounts.create_organisation(locator.store, "Estate Layout Shops", EMAIL, PASSWORD)
    return EMAIL


def check(page, site, rows: list[dict]) -> None:
    """Upload an estate file from the estate page and wait for its check page."""
    page.goto(site.url("/business"))
    page.set_input_files("#file", estate_file(rows))
    with page.expect_navigation():
        page.click("#upload button[type=submit]")


def test_the_check_page_of_an_estate_upload_fits_a_phone_and_is_accessible(
    site, head_office, new_context
):
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, site, "business", head_office)
    check(page, site, stores("e1", "e2", "e3", "e4"))
    with page.expect_navigation():
        page.click("#confirm-upload button[type=submit]")

    again = stores("e1", "e2", "e3") + stores("e5", opening_hours="whenever") + stores("e6")
    again[0].update(
        opening_hours="Mo-Fr 09:00-17:30; Sa 10:00-16:00; Su off",
        facilities="Phone Charging; Toilets; first aid",
        how_to_ask="Ask any member of staff at the pharmacy counter for the quiet room",
    )
    again[1]["name"] = "Briggate Pharmacy and Travel Clinic (formerly Shop e2)"
    check(page, site, again)
    expect(page.locator("h1")).to_have_text("Check your estate file")
    expect(page.locator("#preview tbody tr")).to_have_count(3)  # e1, e2 changed; e6 new
    expect(page.locator("#missing-premises tbody tr")).to_have_count(1)  # e4
    expect(page.locator("#rejected tbody tr")).to_have_count(1)  # e5
    page.locator("#unchanged summary").click()  # e3, opened to be checked too
    page.wait_for_load_state("networkidle")
    screenshot(page, "estate-upload-check-phone.png")
    full = SCREENSHOTS / "estate-upload-check-phone-full.png"
    page.screenshot(path=str(full), full_page=True)

    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the check page scrolls sideways by {overflow} px at 390 px"
    # The choices are within a thumb's reach, unticked.
    for box in ("#confirm-unchanged", "#withdraw-missing"):
        right = page.locator(box).bounding_box()
        assert right["x"] >= 0 and right["x"] + right["width"] <= PHONE["width"]
        expect(page.locator(box)).not_to_be_checked()

    # Saved, withdrawing the store left out: the estate page lists the upload.
    page.check("#withdraw-missing")
    with page.expect_navigation():
        page.click("#confirm-upload button[type=submit]")
    expect(page.locator("#withdrawn-missing")).to_contain_text("Withdrew 1 premises")
    page.goto(site.url("/business"))
    expect(page.locator("#upload-history li")).to_have_count(2)
    expect(page.locator("#confirm-all button")).to_have_text(
        "Everything is still correct for all 4 stores"
    )
    screenshot(page, "estate-home-phone.png")
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the estate page scrolls sideways by {overflow} px at 390 px"
