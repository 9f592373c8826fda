"""The staff training pack in a real browser: accessible, readable on a phone, printable."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import BROWSER_WARNINGS
from .test_accessibility import BLOCKING, describe

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_the_training_pack_has_no_serious_accessibility_violations(
    site, new_context, width, height
):
    page = new_context(viewport={"width": width, "height": height}, bypass_csp=True).new_page()
    response = page.goto(site.url("/training"))
    assert response.ok
    page.wait_for_load_state("networkidle")
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"/training at {width}×{height}:\n{describe(blocking)}"


def test_the_training_pack_reads_on_a_phone_without_sideways_scrolling(site, new_context):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(site.url("/training"))
    assert page.locator("#quick-exit").is_visible()
    assert page.locator("#call-999").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the training pack scrolls sideways on a phone"
    # The contents lead to each stage on the same page.
    page.get_by_role("link", name="Response", exact=True).click()
    assert page.url.endswith("#response")
    assert page.get_by_role("heading", name="Stage 4: Response").is_visible()


def test_the_print_button_gives_the_pdf(site, new_context):
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(site.url("/training"))
    response = page.request.get(site.url(page.locator("#training-pdf").get_attribute("href")))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
