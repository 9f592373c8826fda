"""Public pages rendered on the server: the no-JavaScript search, place pages, headers."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from builders import add_premises, ids_by_ref
from conftest import premises_row

LEEDS = (53.7965, -1.5478)
PROBE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Bad Name'


@pytest.fixture
def leeds(locator):
    lat, lon = LEEDS
    add_premises(
        locator,
        [
            premises_row(
                "charger",
                lat + 0.001,
                lon,
                opening_hours="24/7",
                facilities="phone_charging;seating",
                phone="0113 496 0000",
            ),
            premises_row("plain", lat + 0.002, lon, opening_hours="24/7"),
            premises_row(
                "probe", lat + 0.003, lon, opening_hours="24/7", name=PROBE, how_to_ask="<b>ask</b>"
            ),
            premises_row("nights", lat + 0.004, lon, opening_hours="Mo-Su 22:00-23:00"),
        ],
    )
    return ids_by_ref(locator)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def names(page: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in page.select("ol.results a.result-link")]


def test_the_list_search_works_without_javascript(client, leeds):
    page = soup(client.get("/?q=LS1&facilities=phone_charging&at=2026-12-02T12:00"))
    assert names(page) == ["Shop charger"]
    item = page.select_one("li.result")
    assert item.select_one(".distance").get_text().endswith("min walk")
    # 24/7 with no PH rule: Christmas Day is not covered, so it is not "Open 24 hours".
    assert item.select_one(".status").get_text() == "Open · hours not confirmed from Fri 25 Dec"
    assert item.select_one("a.call")["href"] == "tel:01134960000"
    assert {a["class"][0] for a in item.select(".directions a")} == {
        "directions-osm",
        "directions-google",
        "directions-apple",
    }
    assert page.select_one("input[value=phone_charging]").has_attr("checked")


def test_repeated_facility_checkboxes_all_apply(client, leeds):
    page = soup(client.get("/?q=LS1&facilities=phone_charging&facilities=seating"))
    assert names(page) == ["Shop charger"]


def test_open_now_is_on_by_default_on_the_page(client, leeds):
    page = soup(client.get("/?q=LS1&at=2026-12-02T12:00"))
    assert "Shop nights" not in names(page)
    everything = soup(client.get("/?q=LS1&at=2026-12-02T12:00&open_now=false"))
    assert "Shop nights" in names(everything)
    assert "opens 22:00" in everything.get_text()


def test_when_nothing_is_in_the_radius_the_page_says_so_and_shows_the_nearest(client, leeds):
    page = soup(client.get("/?q=Bradford&radius_km=1&at=2026-12-02T12:00"))
    summary = page.select_one("#results-summary").get_text()
    assert summary.startswith("No safe space open at Wed 2 Dec 12:00 within 1 km of Bradford.")
    advice = page.select_one("#nothing-open").get_text()
    assert "999" in advice and "101" in advice and "116 123" in advice
    assert page.select_one("#wider-heading").get_text() == "Open further away"
    assert names(page)[0] == "Shop charger"


def test_business_text_is_escaped_everywhere(client, leeds):
    html = client.get("/?q=LS1").get_data(as_text=True)
    assert "<script>window.__xss" not in html
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in html
    place = client.get(f"/spaces/{leeds['probe']}").get_data(as_text=True)
    assert "<img src=x" not in place and "<b>ask</b>" not in place
    assert soup(client.get(f"/spaces/{leeds['probe']}")).h1.get_text() == PROBE


def test_a_place_page_shows_hours_week_facilities_and_how_to_ask(client, leeds):
    page = soup(client.get(f"/spaces/{leeds['nights']}?at=2026-12-02T12:00"))
    rows = page.select("table#weekly-hours tbody tr")
    assert [r.th.get_text().split()[0] for r in rows] == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    assert rows[2].td.get_text(strip=True).startswith("22:00–23:00")
    assert page.select_one("#today-status").get_text() == "Closed · opens 22:00"
    assert page.select_one("code#osm-hours").get_text() == "Mo-Su 22:00-23:00"
    assert "bank holidays" in page.select_one("#bank-holiday-note").get_text()
    assert page.select_one("#how-to-ask").get_text().startswith("How to ask")
    assert page.select_one("a#report-problem")


def test_place_pages_of_hidden_or_missing_spaces_are_not_found(client, locator, leeds):
    locator.store.premises.set_status(leeds["plain"], "suspended")
    assert client.get(f"/spaces/{leeds['plain']}").status_code == 404
    assert client.get("/spaces/999999").status_code == 404


def test_a_problem_report_is_recorded_without_personal_data(client, locator, leeds):
    response = client.post(f"/spaces/{leeds['charger']}/report", data={"reason": "no_facility"})
    assert response.status_code == 200
    assert locator.store.reports.counts(leeds["charger"]) == {"no_facility": 1}
    assert (
        client.post(f"/spaces/{leeds['charger']}/report", data={"reason": "x"}).status_code == 400
    )
    locator.store.premises.set_status(leeds["plain"], "suspended")
    hidden = client.post(f"/spaces/{leeds['plain']}/report", data={"reason": "closed"})
    assert hidden.status_code == 404


@pytest.mark.parametrize(
    "path", ["/", "/?q=LS1", "/quick-exit", "/partners/embed", "/embed?area=leeds", "/spaces/{id}"]
)
def test_public_pages_set_no_cookies_and_a_content_security_policy(client, leeds, path):
    response = client.get(path.format(id=leeds["charger"]))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    if path.startswith("/embed"):
        assert "frame-ancestors *" in policy and "X-Frame-Options" not in response.headers
    else:
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Frame-Options"] == "DENY"


def test_every_page_leads_with_999_and_quick_exit(client, leeds):
    for path in ["/", "/quick-exit", "/embed?area=leeds", f"/spaces/{leeds['charger']}"]:
        page = soup(client.get(path))
        assert page.select_one("a#call-999")["href"] == "tel:999"
        assert "55" in page.select_one("#silent-solution").get_text()
        assert page.select_one("a#quick-exit")


def test_pages_load_nothing_from_other_sites(client, leeds):
    for path in ["/", "/?q=LS1", f"/spaces/{leeds['charger']}", "/embed?area=leeds"]:
        page = soup(client.get(path))
        for tag in page.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            assert url.startswith(("/", "data:")), (path, url)


def test_bad_page_parameters_get_a_readable_message_not_an_error_page(client, leeds):
    response = client.get("/?q=LS1&radius_km=500")
    assert response.status_code == 400
    assert "radius_km must be between" in soup(response).select_one("#results-summary").get_text()


def test_the_embed_builder_makes_an_iframe_snippet(client):
    page = soup(client.get("/partners/embed?area=manchester&facilities=toilet&height=500"))
    snippet = page.select_one("textarea#embed-snippet").get_text()
    assert '<iframe src="http://localhost/embed?area=manchester&facilities=toilet"' in snippet
    assert 'height="500"' in snippet
    assert (
        page.select_one("iframe#embed-preview")["src"] == "/embed?area=manchester&facilities=toilet"
    )


def test_leaflet_is_served_from_the_pip_package(client):
    with client.get("/static/vendor/leaflet/leaflet.js") as response:
        assert response.status_code == 200 and b"Leaflet" in response.data[:2000]
    assert client.get("/static/vendor/nothing/x.js").status_code == 404
    assert client.get("/static/vendor/leaflet/../../../etc/passwd").status_code == 404


@pytest.mark.parametrize("typed", ["Stanion Acton Dailly", "Norwich castel quater"])
def test_each_place_a_failed_search_may_have_meant_is_a_link_that_finds_it(client, typed):
    page = BeautifulSoup(
        client.get("/", query_string={"q": typed, "facilities": "toilet"}).get_data(as_text=True),
        "html.parser",
    )
    links = page.select("#q-error a.suggestion")
    assert links, "the names it may mean are offered"
    for link in links:
        assert "facilities=toilet" in link["href"]  # the other choices are kept
        followed = client.get(link["href"])
        assert followed.status_code == 200, link.get_text()
        assert (
            BeautifulSoup(followed.get_data(as_text=True), "html.parser").select_one("#q-error")
            is None
        )
