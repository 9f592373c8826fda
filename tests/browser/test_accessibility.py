"""No serious or critical axe-core violations on the public pages (axe runs offline)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import BROWSER_WARNINGS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

BLOCKING = {"serious", "critical"}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=LS1",
        "/?q=Victoria",
        "place",
        "/embed?area=leeds",
        "/partners/embed",
        "/quick-exit",
        "/open-data",
    ],
)
@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_public_pages_have_no_serious_accessibility_violations(
    site, new_context, path, width, height
):
    # bypass_csp lets axe's script in whatever script-src the pages send.
    context = new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    url = site.place("leeds-charging-247") if path == "place" else site.url(path)
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{url} at {width}×{height}:\n{describe(blocking)}"


@pytest.mark.parametrize(
    "path",
    [
        "/?lang=cy",
        "/?q=LS1&lang=cy",
        "place",
        "/embed?area=leeds&lang=cy",
        "/quick-exit?lang=cy",
        "/training?lang=cy",
        "/no-such-page?lang=cy",
    ],
)
def test_welsh_public_pages_have_no_serious_accessibility_violations(site, new_context, path):
    context = new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    url = site.place("leeds-charging-247") + "?lang=cy" if path == "place" else site.url(path)
    page.goto(url)
    assert page.get_attribute("html", "lang") == "cy"
    page.wait_for_load_state("networkidle")
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{url}:\n{describe(blocking)}"


def test_axe_finds_violations_on_a_page_that_has_them(site, page):
    """Proves the checker runs offline and reports, so a clean result above means something."""
    page.goto(site.url("/healthz"))
    page.set_content('<html><body><img src="data:,"><input type="text"></body></html>')
    ids = {v["id"] for v in Axe().run(page).response["violations"]}
    assert {"image-alt", "label"} <= ids


@pytest.mark.parametrize(
    "path",
    [
        "/register",
        "/record-and-review",
        "/moderate/login",
        "/business/login",
        "/partners/coverage?area=leeds&day=fri&hour=22",
    ],
)
def test_business_and_partner_pages_have_no_serious_accessibility_violations(
    site, new_context, path
):
    context = new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    response = page.goto(site.url(path))
    assert response.ok, f"{path}: {response.status}"
    page.wait_for_load_state("networkidle")
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{path}:\n{describe(blocking)}"


def test_the_search_page_still_works_at_200_percent_zoom(site, new_context):
    # A 640 px wide window at device scale 2 is what a 1280 px screen shows at 200% zoom.
    page = new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2).new_page()
    page.goto(site.url("/?q=LS1"))
    assert page.locator("#quick-exit").is_visible()
    assert page.locator("ol#results li.result").first.is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the page scrolls sideways at 200% zoom"
