"""The pages for a lost or replaced manage link: no serious axe violation, fit a 390 px phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from locator.domain.premises import reference
from locator.listings import manage

from .support import BROWSER_WARNINGS, screenshot
from .test_accessibility import BLOCKING, describe
from .test_record_and_review import manage_url

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def replaced(site) -> tuple[str, str]:
    """Return the reference of a premises and its manage link, since replaced by a new one."""
    link = manage_url(site, "Lost Link Shop")
    store = site.app.extensions["locator"].store
    row = manage.managed_space(store, link.rsplit("/", 1)[1])
    manage.replace_manage_link(store, site.app.extensions["mailer"], row, site.base)
    return reference(row.id), link


def send_form(page, reference_text: str, email: str) -> None:
    page.fill("#reference", reference_text)
    page.fill("#contact_email", email)
    with page.expect_navigation():
        page.click("#send-link")


# Each page: where it is, what is done there, and the status it answers with.
PAGES = {
    "lost": ("/manage/lost", None, 200),
    "reminder": ("/manage?reference={reference}", None, 200),
    "replaced": ("{link}", None, 404),
    "refused": ("/manage/lost", ("SSL-12x", "record@example.org"), 400),
    "asked": ("/manage/lost", ("{reference}", "someone@example.org"), 200),
}


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("name", PAGES)
def test_manage_link_pages_have_no_serious_accessibility_violations_and_fit_a_phone(
    site, replaced, new_context, viewport, name
):
    ref, link = replaced
    path, form, status = PAGES[name]
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    url = path.format(reference=ref, link=link)
    response = page.goto(url if url.startswith("http") else site.url(url))
    if form:
        with page.expect_response(lambda answer: answer.request.method == "POST") as sent:
            send_form(page, *(value.format(reference=ref) for value in form))
        response = sent.value
    assert response.status == status, f"{name}: {response.status}"
    page.wait_for_load_state("networkidle")
    assert page.locator("#quick-exit").is_visible()
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{name} at {viewport}:\n{describe(blocking)}"
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {viewport['width']} px"
    if viewport is PHONE:
        screenshot(page, f"manage-link-{name}-phone.png")
