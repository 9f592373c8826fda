"""The chat panel in Welsh in a real browser: the page's language goes with each message."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]


def test_a_postcode_typed_on_the_welsh_page_is_answered_in_welsh(site, page):
    page.goto(site.url("/?lang=cy"))
    page.locator("#chat-message").fill("M1")
    page.locator("#chat-send").click()
    reply = page.locator("#chat-log .from-helper").last
    expect(reply).to_contain_text("Y lle diogel agosaf sydd ar agor nawr ger M1")
    expect(reply.locator(".chat-results a").first).to_be_visible()


def test_danger_written_in_welsh_shows_ffoniwch_999_first(site, page):
    page.goto(site.url("/?lang=cy"))
    page.locator("#chat-message").fill("Help! Mae rhywun yn fy nilyn i ger gorsaf Leeds")
    page.locator("#chat-message").press("Enter")
    reply = page.locator("#chat-log .from-helper.is-emergency")
    expect(reply.locator(".chat-999 a")).to_have_text("Ffoniwch 999")
    expect(reply.locator("p").nth(1)).to_contain_text("Os ydych chi mewn perygl nawr, ffoniwch 999")


def test_when_the_service_cannot_be_reached_the_welsh_page_says_so_in_welsh(site, page):
    page.goto(site.url("/?lang=cy"))
    page.route("**/api/v1/chat", lambda route: route.abort())
    page.locator("#chat-message").fill("helo")
    page.locator("#chat-send").click()
    reply = page.locator("#chat-log .from-helper.is-emergency")
    expect(reply).to_contain_text("methais i â chyrraedd y gwasanaeth")
    expect(reply).to_contain_text("Methu siarad? Deialwch 999 ac yna pwyswch 55.")
