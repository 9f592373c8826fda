"""The chat as a conversation danger, "where are you?", the answer, with or without JS."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import BROWSER_WARNINGS, MANCHESTER, screenshot

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

PHONE = {"width": 390, "height": 844}


def test_danger_then_where_then_m1_on_a_phone_keeps_999_and_finds_places(site, new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("someone is following me")
    page.locator("#chat-send").click()
    asked = page.locator("#chat-log .from-helper").last
    expect(asked.locator(".chat-999 a")).to_have_attribute("href", "tel:999")
    expect(asked).to_contain_text("Tell me where you are")
    expect(asked.locator(".chat-choices button", has_text="Use my location")).to_be_visible()

    page.locator("#chat-message").fill("M1")
    page.locator("#chat-send").click()
    answer = page.locator("#chat-log .from-helper").nth(1)
    expect(answer).to_have_class("chat-message from-helper is-emergency")
    expect(answer.locator(".chat-999 a")).to_be_visible()
    expect(answer.locator(".chat-results a", has_text="Piccadilly Safe Shop")).to_be_visible()
    expect(page.locator("#quick-exit")).to_be_in_viewport()
    answer.scroll_into_view_if_needed()
    screenshot(page, "phone-chat-conversation.png")


def test_the_same_conversation_works_without_javascript(site, new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("someone is following me")
    page.locator("#chat-send").click()
    expect(page.locator(".from-helper .chat-999 a")).to_be_visible()
    expect(page.locator(".from-helper")).to_contain_text("Tell me where you are")

    page.locator("#chat-message").fill("M1")
    page.locator("#chat-send").click()
    reply = page.locator(".from-helper")
    expect(reply.locator(".chat-999 a")).to_be_visible()
    expect(reply.locator(".chat-results a", has_text="Piccadilly Safe Shop")).to_be_visible()
    screenshot(page, "phone-chat-conversation-no-js.png")


def test_a_bare_help_gets_999_and_sharing_the_location_finds_the_nearest(site, new_context):
    lat, lon = MANCHESTER
    context = new_context(
        viewport=PHONE, geolocation={"latitude": lat, "longitude": lon}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("help")
    page.locator("#chat-send").click()
    first = page.locator("#chat-log .from-helper").last
    expect(first.locator(".chat-999 a")).to_be_visible()
    first.locator(".chat-choices button", has_text="Use my location").click()
    answer = page.locator("#chat-log .from-helper").nth(1)
    expect(answer.locator(".chat-999 a")).to_be_visible()
    expect(answer.locator(".chat-results a", has_text="Piccadilly Safe Shop")).to_be_visible()


def test_the_common_answers_are_buttons_that_send_themselves(site, page):
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("hello")
    page.locator("#chat-send").click()
    page.locator("#chat-log .chat-choices button", has_text="Charge my phone").click()
    expect(page.locator("#chat-log .from-you").last).to_have_text(
        "You said: My phone needs charging"
    )
    expect(page.locator("#chat-log .from-helper").last).to_contain_text("phone charging")


def test_without_javascript_the_common_answers_are_buttons_too(site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("hello")
    page.locator("#chat-send").click()
    page.locator(".chat-choices button", has_text="A toilet").click()
    expect(page.locator(".from-you")).to_contain_text("I need a toilet")
    expect(page.locator(".from-helper")).to_contain_text("toilet")


def test_danger_in_words_no_rule_knows_leads_with_999_on_a_phone(site, new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site.url("/"))
    page.locator("#chat-message").fill("he's got my sister in the car and wont let her out")
    page.locator("#chat-send").click()
    answer = page.locator("#chat-log .from-helper").last
    expect(answer).to_have_class("chat-message from-helper is-emergency")
    expect(answer.locator(".chat-999 a")).to_have_attribute("href", "tel:999")
    expect(answer).to_contain_text("Tell me where you are")
    answer.scroll_into_view_if_needed()
    screenshot(page, "phone-chat-scored-danger.png")
