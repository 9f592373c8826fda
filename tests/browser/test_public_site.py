"""The public pages in a real browser, as someone looking for a safe space uses them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import (
    BROWSER_WARNINGS,
    FACILITY_CODES,
    LEEDS,
    XSS_NAME,
    XSS_POINT,
    distances_m,
    screenshot,
)

pytestmark = [pytest.mark.slow, BROWSER_WARNINGS]

RESULTS = "ol.results > li.result"
ALL_LEEDS = "/?q=LS1&open_now=false&radius_km=10"


def result_ids(page) -> set[int]:
    return {
        int(value)
        for value in page.locator(RESULTS).evaluate_all(
            "items => items.map(item => item.dataset.id)"
        )
    }


def show_filters(page) -> None:
    """Open any folded part of the search form (e.g. a <details> of filters), as a user would."""
    for summary in page.locator("form#search details:not([open]) > summary").all():
        summary.click()


def result_named(page, name: str):
    return page.locator(RESULTS).filter(has=page.locator("a.result-link", has_text=name))


# --- the infrastructure itself -------------------------------------------------------------


def test_the_live_server_answers_health_and_search_requests_in_the_browser(site, page):
    assert page.goto(site.url("/healthz")).status == 200
    response = page.goto(site.url("/api/v1/spaces?q=LS1&limit=50"))
    names = {feature["properties"]["name"] for feature in response.json()["features"]}
    assert {"Briggate Late Shop", "Station Pharmacy", XSS_NAME} <= names
    assert "Piccadilly Safe Shop" not in names


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_no_request_leaves_localhost_on_the_home_place_and_embed_pages(
    site, new_context, guard, bypass_csp
):
    # Without the CSP the network guard sees every request the pages would try to make.
    page = new_context(bypass_csp=bypass_csp).new_page()
    for path in ("/?q=LS1", f"/spaces/{site.ids['leeds-charging-247']}", "/embed?area=leeds"):
        assert page.goto(site.url(path)).ok, path
        page.wait_for_load_state("networkidle")
    assert guard.outside_requests == []
    refused = [text for text in guard.console_errors if "Content Security Policy" in text]
    assert refused == []


def test_public_pages_set_no_cookies(site, context, page):
    paths = ("/", "/?q=LS1", f"/spaces/{site.ids['leeds-charging-247']}", "/embed?area=leeds")
    for path in paths:
        response = page.goto(site.url(path))
        assert response.ok, path
        assert "set-cookie" not in response.all_headers(), path
        page.wait_for_load_state("networkidle")
    assert context.cookies() == []


def test_public_pages_log_no_errors_to_the_console(site, page, guard):
    for path in ("/?q=LS1", f"/spaces/{site.ids['leeds-daytime']}", "/embed?area=leeds"):
        page.goto(site.url(path))
        page.wait_for_load_state("networkidle")
    assert guard.console_errors == []


# --- home: help first ----------------------------------------------------------------------


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_the_999_link_and_the_55_note_are_shown_on_the_home_page(site, new_context, width, height):
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(site.url("/"))
    call = page.locator("a#call-999")
    expect(call).to_be_visible()
    expect(call).to_be_in_viewport()
    expect(call).to_have_attribute("href", "tel:999")
    expect(call).to_contain_text("999")
    expect(page.locator("#silent-solution")).to_contain_text("55")


def test_the_999_link_is_shown_on_a_place_page_too(site, page):
    page.goto(site.place("leeds-daytime"))
    expect(page.locator("a#call-999")).to_be_visible()


def test_the_quick_exit_button_stays_on_screen_when_scrolled_to_the_bottom(site, new_context):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(site.url(ALL_LEEDS))
    expect(page.locator(RESULTS).first).to_be_visible()
    exit_link = page.locator("a#quick-exit")
    expect(exit_link).to_contain_text("Exit this page")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0, "the page should be long enough to scroll"
    expect(exit_link).to_be_in_viewport(ratio=1)
    box = exit_link.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844


def test_quick_exit_leaves_for_the_exit_page_and_back_does_not_return(site, page):
    page.goto(f"{site.other}/start.html")
    page.goto(site.url("/?q=LS1"))
    page.locator("a#quick-exit").click()
    page.wait_for_url(site.exit_url)
    expect(page.locator("h1")).to_have_text("Weather forecast")
    page.go_back()
    assert not page.url.startswith(site.base), f"back returned to the locator: {page.url}"


def test_pressing_shift_three_times_exits_and_back_does_not_return(site, page):
    page.goto(f"{site.other}/start.html")
    page.goto(site.url("/?q=LS1"))
    expect(page.locator(RESULTS).first).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(site.exit_url)
    page.go_back()
    assert not page.url.startswith(site.base), f"back returned to the locator: {page.url}"


def test_the_quick_exit_help_page_explains_what_it_cannot_hide(site, page):
    page.goto(site.url("/"))
    page.locator("a#quick-exit-help").click()
    page.wait_for_url(site.url("/quick-exit"))
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("h1")).not_to_be_empty()
    expect(page.locator("a#call-999")).to_be_visible()


# --- the search form -----------------------------------------------------------------------


def test_the_search_form_offers_place_time_facilities_distance_and_location(site, page):
    page.goto(site.url("/"))
    show_filters(page)
    form = page.locator("form#search")
    expect(form).to_have_attribute("method", re.compile(r"^get$", re.I))
    assert form.evaluate("form => new URL(form.action).pathname") == "/"
    expect(form.locator("input#q")).to_have_attribute("name", "q")
    expect(form.locator("input#q")).to_be_visible()
    open_now = form.locator("select#open_now")
    expect(open_now).to_have_attribute("name", "open_now")
    expect(open_now).to_have_value("true")
    values = open_now.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert set(values) == {"true", "false"}
    expect(form.locator("input#at")).to_have_attribute("type", "datetime-local")
    expect(form.locator("input#at")).to_have_attribute("name", "at")
    expect(form.locator("select#radius_km")).to_be_visible()
    expect(form.locator("button#search-submit")).to_be_visible()
    expect(page.locator("button#locate")).to_contain_text("Use my location")
    for code in FACILITY_CODES:
        box = form.locator(f'input[type="checkbox"][name="facilities"][value="{code}"]')
        expect(box).to_have_count(1)
        labels = box.evaluate(
            """box => Array.from(box.labels).filter(label => {
                const r = label.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && label.innerText.trim() !== "";
            }).map(label => label.innerText.trim())"""
        )
        assert labels, f"the {code} checkbox has no visible label"


def test_searching_a_postcode_lists_the_spaces_there(site, page):
    page.goto(site.url("/"))
    page.locator("input#q").fill("LS1")
    show_filters(page)
    page.locator("select#open_now").select_option("false")
    page.locator("button#search-submit").click()
    expect(page.locator("#results-summary")).to_contain_text("LS1")
    expect(result_named(page, "Briggate Late Shop")).to_have_count(1)
    expect(result_named(page, "Station Pharmacy")).to_have_count(1)
    expect(result_named(page, "Piccadilly Safe Shop")).to_have_count(0)


def test_searching_another_town_replaces_the_list(site, page):
    page.goto(site.url("/?q=LS1"))
    expect(result_named(page, "Briggate Late Shop")).to_have_count(1)
    page.locator("input#q").fill("M1")
    page.locator("button#search-submit").click()
    expect(result_named(page, "Piccadilly Safe Shop")).to_have_count(1)
    expect(result_named(page, "Briggate Late Shop")).to_have_count(0)


def test_the_summary_says_how_many_spaces_are_open_and_where(site, page):
    page.goto(site.url("/?q=LS1"))
    summary = page.locator("#results-summary")
    expect(summary).to_contain_text(re.compile(r"\d+ safe spaces? open now", re.I))
    expect(summary).to_contain_text("LS1")
    # The 24/7 premises are open whenever the test runs.
    expect(result_named(page, "Briggate Late Shop")).to_have_count(1)
    expect(result_named(page, "Vicar Lane Gallery")).to_have_count(0)


def test_when_nothing_is_open_the_summary_says_so_and_the_nearest_are_listed(site, page):
    # Only the gallery has a private room, and it is open one hour a year, months away.
    page.goto(site.url("/?q=LS1&open_now=true&facilities=private_room"))
    expect(page.locator("#results-summary")).to_contain_text("No safe space")
    expect(page.locator(RESULTS).first).to_be_visible()


def test_a_result_shows_distance_status_facilities_how_to_ask_call_and_directions(site, page):
    page.goto(site.url(ALL_LEEDS))
    item = result_named(page, "Briggate Late Shop")
    expect(item).to_have_attribute("data-id", str(site.ids["leeds-charging-247"]))
    link = item.locator("a.result-link")
    expect(link).to_have_text("Briggate Late Shop")
    expect(link).to_have_attribute(
        "href", re.compile(rf"/spaces/{site.ids['leeds-charging-247']}$")
    )
    expect(item.locator(".distance")).to_contain_text(re.compile(r"\d+(\.\d+)? ?k?m"))
    expect(item.locator(".distance")).to_contain_text(re.compile(r"\d+ min walk"))
    expect(item.locator(".status")).to_contain_text(re.compile(r"open", re.I))
    expect(item.locator("ul.facilities > li")).to_have_count(4)
    expect(item.locator(".how-to-ask")).to_contain_text("Ask for Safe Space at the till")
    expect(item.locator('a.call[href^="tel:"]')).to_have_count(1)
    expect(item.locator("a.directions-osm")).to_have_attribute("href", re.compile("openstreetmap"))
    expect(item.locator("a.directions-google")).to_have_attribute("href", re.compile("google"))
    expect(item.locator("a.directions-apple")).to_have_attribute("href", re.compile("apple"))
    expect(item.locator(".demo-badge")).to_have_count(0)


def test_a_space_without_a_phone_has_no_call_link(site, page):
    page.goto(site.url(ALL_LEEDS))
    pharmacy = result_named(page, "Station Pharmacy")
    expect(pharmacy).to_have_count(1)
    expect(pharmacy.locator("a.call")).to_have_count(0)


def test_a_closed_space_says_it_is_closed(site, page):
    page.goto(site.url(ALL_LEEDS))
    status = result_named(page, "Vicar Lane Gallery").locator(".status")
    expect(status).to_contain_text(re.compile(r"closed", re.I))


def test_without_javascript_the_server_lists_only_spaces_with_the_chosen_facility(
    site, new_context
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site.url("/?q=LS1&facilities=phone_charging"))
    expect(result_named(page, "Briggate Late Shop")).to_have_count(1)
    with_charging = {site.ids["leeds-charging-247"], site.ids["leeds-daytime"]}
    assert result_ids(page) <= with_charging

    page.goto(site.url("/?q=LS1&open_now=false&facilities=phone_charging"))
    assert result_ids(page) == with_charging


def test_use_my_location_lists_the_nearest_space_first(site, new_context):
    latitude, longitude = LEEDS
    context = new_context(
        geolocation={"latitude": latitude, "longitude": longitude}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.goto(site.url("/"))
    page.locator("button#locate").click()
    expect(page.locator("#results-summary")).to_contain_text(re.compile("your location", re.I))
    expect(page.locator(RESULTS).first).to_be_visible()
    # Places still open when you get there come first, nearest first; one that closes on the
    # way (near 20:00 or 23:30 here) goes below them, so compare those open on arrival.
    metres = distances_m(page.locator(f"{RESULTS}[data-state=open] .distance").all_inner_texts())
    assert metres[0] == min(metres)
    assert metres == sorted(metres)


def test_the_map_shows_markers_for_the_results(site, page):
    page.goto(site.url("/?q=LS1"))
    expect(page.locator("#map.leaflet-container, #map .leaflet-container")).to_have_count(1)
    markers = page.locator("#map .leaflet-marker-icon, #map .marker-cluster")
    expect(markers.first).to_be_attached()
    assert markers.count() >= 1


def test_screenshots_of_the_home_page_after_a_search(site, new_context):
    shots = (("home-mobile.png", 390, 844, False), ("home-desktop.png", 1280, 800, True))
    for name, width, height, map_in_view in shots:
        page = new_context(viewport={"width": width, "height": height}).new_page()
        page.goto(site.url("/"))
        page.locator("input#q").fill("LS1")
        page.locator("button#search-submit").click()
        expect(page.locator(RESULTS).first).to_be_visible()
        # The picture should show what a person sees once the map has its markers and icons;
        # a phone draws the map only when it is opened (test_lazy_map.py), so shows the list.
        if map_in_view:
            page.wait_for_function("() => (document.querySelector('#map').dataset.markers|0) > 0")
        page.wait_for_load_state("networkidle")
        assert screenshot(page, name).stat().st_size > 0


# --- place page ----------------------------------------------------------------------------


def test_a_place_page_shows_hours_facilities_how_to_ask_and_directions(site, page):
    page.goto(site.place("leeds-daytime"))
    expect(page.locator("h1")).to_have_text("Kirkgate Stationers")
    expect(page.locator("#today-status")).not_to_be_empty()
    rows = page.locator("table#weekly-hours tbody tr")
    expect(rows).to_have_count(7)
    expect(rows.first).to_contain_text(re.compile(r"^\s*Mon", re.I))
    expect(rows.first).to_contain_text("08:00")
    expect(rows.first).to_contain_text("20:00")
    expect(rows.last).to_contain_text(re.compile(r"^\s*Sun", re.I))
    expect(rows.last).to_contain_text("10:00")
    expect(page.locator("code#osm-hours")).to_have_text("Mo-Sa 08:00-20:00; Su 10:00-16:00")
    expect(page.locator("#bank-holiday-note")).not_to_be_empty()
    expect(page.locator("ul.facilities > li")).to_have_count(2)
    expect(page.locator("#how-to-ask")).to_contain_text("Ask at the till")
    expect(page.locator("#place-map")).to_be_visible()
    for kind, host in (("osm", "openstreetmap"), ("google", "google"), ("apple", "apple")):
        expect(page.locator(f"a.directions-{kind}")).to_have_attribute("href", re.compile(host))
    expect(page.locator("a#report-problem")).to_be_visible()
    expect(page.locator("#last-checked")).not_to_be_empty()


def test_a_place_open_all_day_says_it_is_open_today(site, page):
    page.goto(site.place("leeds-charging-247"))
    expect(page.locator("#today-status")).to_contain_text(re.compile("open", re.I))


def test_an_unknown_place_is_not_found(site, page):
    response = page.goto(site.url("/spaces/999999"))
    assert response.status == 404


# --- nothing in a name runs -----------------------------------------------------------------


def test_a_name_with_markup_shows_as_text_in_the_list_and_runs_nothing(site, page):
    page.goto(site.url("/?q=LS1"))
    link = page.locator("a.result-link", has_text="Bad Name")
    expect(link).to_have_text(XSS_NAME)
    expect(page.locator("ol#results img[src='x'], ol#results script")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_a_name_with_markup_shows_as_text_on_its_place_page_and_runs_nothing(site, page):
    page.goto(site.place("leeds-xss"))
    expect(page.locator("h1")).to_have_text(XSS_NAME)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_a_name_with_markup_shows_as_text_in_its_map_popup_and_runs_nothing(site, page):
    # An embed of a small box around the probe: its marker is the only one in view.
    latitude, longitude = XSS_POINT
    bbox = f"{longitude - 0.001},{latitude - 0.001},{longitude + 0.001},{latitude + 0.001}"
    page.goto(site.url(f"/embed?bbox={bbox}&open_now=false"))
    markers = page.locator("#map .leaflet-marker-icon:not(.marker-cluster)")
    expect(markers.first).to_be_visible()
    popup = page.locator(".leaflet-popup-content")
    texts = []
    for marker in markers.all():
        marker.click()
        expect(popup).to_be_visible()
        texts.append(popup.inner_text())
        if "Bad Name" in texts[-1]:
            break
    else:
        pytest.fail(f"no marker popup shows the probe's name: {texts}")
    expect(popup).to_contain_text(XSS_NAME)
    expect(popup.locator("img, script")).to_have_count(0)
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_the_home_page_asks_for_no_markers_until_a_search_or_a_zoom_into_a_region(site, page):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/api/v1/spaces" in r.url else None)
    page.goto(site.url("/"))
    page.wait_for_load_state("networkidle")
    # The whole UK's markers would be hundreds of points a slow phone must fetch for nothing.
    assert asked == []
    expect(page.locator("#map .map-hint")).to_contain_text("Search, or zoom in")
    zoom_in = "([lat, lon]) => window[document.querySelector('#map').dataset.mapVar]"
    page.evaluate(zoom_in + ".setView([lat, lon], 13)", list(LEEDS))
    page.wait_for_function("() => (document.querySelector('#map').dataset.markers|0) > 0")
    assert len(asked) == 1 and "bbox=" in asked[0]
    expect(page.locator("#map .map-hint")).to_have_count(0)
