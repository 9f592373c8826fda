"""The business and moderator pages: no serious axe violation, and usable on a 390 px phone."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from locator.listings import accounts, manage

from .support import BROWSER_WARNINGS, PASSWORD, sign_in
from .test_accessibility import BLOCKING, describe
from .test_record_and_review import manage_url

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 800}
MODERATOR = "layout-mod@example.org"
HEAD_OFFICE = "layout-hq@example.org"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = ("opens", "closes", "opens again", "closes again")

# The rendered controls matching a selector that stick out of the window on either side: a
# thumb cannot reach them without scrolling the page sideways.
CONTROLS_OUTSIDE = """(selector) => [...document.querySelectorAll(selector)]
  .filter((element) => element.getClientRects().length)
  .map((element) => [element.name || element.id || element.outerHTML.slice(0, 60),
                     element.getBoundingClientRect()])
  .filter(([, box]) => box.left < 0 || box.right > window.innerWidth + 0.5)
  .map(([name, box]) => `${name}: ${Math.round(box.left)} to ${Math.round(box.right)} px`)"""
CONTROLS = "input:not([type=hidden]), select, textarea, button"
HOURS_INPUTS = ".hours-grid input, input[name=opening_hours]"
# The words a sighted user reads for a box of the hours grid: its own label where shown, else
# its column heading.
SHOWN_NAME = """(input) => {
  const seen = (el) => el.getClientRects().length && el.getBoundingClientRect().width > 1;
  const shown = (el) => [...el.childNodes]
    .map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent
                    : seen(node) ? shown(node) : ""))
    .join("").trim();
  const label = [...input.labels].find(seen);
  if (label) return shown(label);
  const cell = input.closest("td");
  const heading = cell.closest("table").tHead.rows[0].cells[cell.cellIndex];
  return seen(heading) ? shown(heading) : "";
}"""


@dataclass(frozen=True)
class Accounts:
    manage: str  # a manage link
    premises: str  # the same premises on its head office's pages


@pytest.fixture(scope="module")
def business(site) -> Accounts:
    """A moderator for Leeds, and a head office whose estate is one registered premises."""
    locator = site.app.extensions["locator"]
    accounts.create_moderator(
        locator.store, locator.areas, MODERATOR, "Layout Mod", PASSWORD, ["Leeds"]
    )
    organisation = accounts.create_organisation(
        locator.store, "Layout Shops", HEAD_OFFICE, PASSWORD
    )
    link = manage_url(site, "Layout Test Shop")
    space_id = manage.managed_space(locator.store, link.rsplit("/", 1)[1]).id
    locator.store.premises.change(space_id, {"organisation_id": organisation}, "test", "linked", {})
    return Accounts(manage=link, premises=site.url(f"/business/premises/{space_id}"))


def refuse_a_contact(page) -> None:
    page.fill("#contact-name", "Leeds Layout Service")
    page.fill("#contact-phone", "555 1234")
    page.check("#topic-police")
    page.click("#save-contact")
    expect(page.locator("#phone-error")).to_be_visible()


# Each page by name: who signs in first ("moderate", "business" or nobody) and where it is.
PAGES = {
    "register": (None, "/register"),
    "manage": (None, "{manage}"),
    "moderate-referrals": ("moderate", "/moderate/referrals"),
    "moderate-referrals-refused": ("moderate", "/moderate/referrals"),
    "business": ("business", "/business"),
    "business-premises": ("business", "{premises}"),
    "business-statistics": ("business", "/business/statistics"),
    "business-readiness": ("business", "/business/readiness"),
}


def open_page(site, business, new_context, viewport, name: str):
    """Open one of PAGES, signed in as it needs; return the Playwright page."""
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    kind, path = PAGES[name]
    if kind:
        sign_in(page, site, kind, MODERATOR if kind == "moderate" else HEAD_OFFICE)
    url = path.format(manage=business.manage, premises=business.premises)
    response = page.goto(url if url.startswith("http") else site.url(url))
    assert response.ok, f"{name}: {response.status}"
    if name.endswith("-refused"):
        refuse_a_contact(page)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("name", PAGES)
def test_business_pages_have_no_serious_accessibility_violations_and_no_sideways_scroll(
    site, business, new_context, viewport, name
):
    page = open_page(site, business, new_context, viewport, name)
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{name} at {viewport}:\n{describe(blocking)}"
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {viewport['width']} px"


@pytest.mark.parametrize("name", ["register", "manage", "business-premises"])
def test_every_control_for_the_hours_is_within_reach_on_a_phone(site, business, new_context, name):
    page = open_page(site, business, new_context, PHONE, name)
    assert page.locator(HOURS_INPUTS).count() > 0
    outside = page.evaluate(CONTROLS_OUTSIDE, HOURS_INPUTS)
    assert not outside, f"{name}: hours controls off the side of a 390 px screen: {outside}"
    outside = page.evaluate(CONTROLS_OUTSIDE, CONTROLS)
    assert not outside, f"{name}: controls off the side of a 390 px screen: {outside}"


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_each_time_in_the_hours_grid_is_named_by_its_day_and_shows_what_it_is(
    site, new_context, viewport
):
    page = new_context(viewport=viewport).new_page()
    page.goto(site.url("/register"))
    for day in DAYS:
        for part in PARTS:
            box = page.get_by_label(re.compile(f"^{day} {part}$", re.IGNORECASE))
            expect(box).to_be_visible()
            # What a sighted user reads beside the box: its column heading on a desk,
            # its own label when the grid stacks on a phone.
            shown = box.evaluate(SHOWN_NAME)
            assert shown.lower() in (part, part.split()[0]), f"{day} {part}: shows {shown!r}"


def test_a_refused_contact_is_announced_once_in_a_summary_that_leads_to_the_field(
    site, business, new_context
):
    page = open_page(site, business, new_context, PHONE, "moderate-referrals-refused")
    assert page.locator("[role=alert]").count() == 1
    summary = page.locator("[role=alert]")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    summary.get_by_role("link", name="is not a UK phone number").click()
    assert page.url.endswith("#contact-phone")
    # The field and its label land below the sticky 999 bar, not under it.
    bar = page.locator(".danger-bar").bounding_box()
    label = page.locator("label[for=contact-phone]").bounding_box()
    assert bar["y"] + bar["height"] <= label["y"] < PHONE["height"]
    expect(page.locator("#contact-phone")).to_have_accessible_description(
        page.locator("#phone-error").inner_text()
    )
    assert page.title().startswith("Error: ")
