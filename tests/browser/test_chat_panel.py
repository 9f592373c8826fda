"""The chat panel in a real browser: ask, see open places with what you need, follow one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]


def test_asking_for_a_charge_in_m1_lists_open_places_with_charging_and_links_to_them(site, page):
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("my phone is dead and I'm in M1")
    page.locator("#chat-send").click()
    reply = page.locator("#chat-log .from-helper").last
    expect(reply).to_contain_text("phone charging")
    link = reply.locator(".chat-results a", has_text="Piccadilly Safe Shop")
    expect(link).to_be_visible()
    expect(page.locator("#chat-message")).to_be_focused()
    link.click()
    expect(page.locator("h1")).to_have_text("Piccadilly Safe Shop")
    expect(page.locator("ul.facilities")).to_contain_text("Phone charging")


def test_danger_in_the_chat_shows_call_999_first_with_quick_exit_still_in_view(site, page):
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("help someone is following me near leeds station")
    page.locator("#chat-message").press("Enter")
    reply = page.locator("#chat-log .from-helper.is-emergency")
    expect(reply.locator(".chat-999 a")).to_have_attribute("href", "tel:999")
    expect(reply.locator("p").nth(1)).to_contain_text("call 999")
    expect(reply.locator(".chat-results li").first).to_be_visible()
    expect(page.locator("#quick-exit")).to_be_in_viewport()
    expect(page.locator("#call-999")).to_be_in_viewport()


def test_the_chat_works_as_a_plain_form_without_javascript(site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("I need the loo near LS1")
    page.locator("#chat-send").click()
    expect(page.locator("h1")).to_have_text("Ask for help")
    expect(page.locator(".from-helper")).to_contain_text("toilet")
    expect(page.locator(".chat-results a").first).to_be_visible()


def test_the_chat_panel_is_on_the_embed_too(site, page):
    page.goto(site.url("/embed?area=leeds"))
    page.locator("#chat-message").fill("where can I sit down near LS1")
    page.locator("#chat-send").click()
    expect(page.locator("#chat-log .chat-results li").first).to_be_visible()
