"""The search page and its results in Welsh; English unchanged; the API always English."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup

from locator import presenting
from locator.domain import language
from locator.hours import schedule as hours

from builders import add_premises
from conftest import LONDON, london, premises_row

M1 = (53.4794, -2.2453)
# Wednesday 2 December 2026, half an hour before the shop near M1 closes.
EVENING = "2026-12-02T19:30"

# Words of the search page and its list that a Welsh page must not show in English.
ENGLISH_WORDS = (
    "Find a safe space near you",
    "Postcode, street, town or station",
    "Use my location",
    "Filters:",
    "Open now only",
    "Apply filters",
    "I need",
    "Safe spaces",
    "Show map",
    "Numbered pins",
    "safe spaces open",
    "within 5 km",
    "min walk",
    "Closes in",
    "Open ·",
    "hours not confirmed",
    "How to ask:",
    "Directions:",
    "Call 0161",
    "Somewhere to sit",
    "Toilet",
    "Search, or zoom in",
    "You are here",
)


@pytest.fixture
def manchester(locator):
    lat, lon = M1
    add_premises(
        locator,
        [
            premises_row(
                "till8",
                lat + 0.001,
                lon,
                opening_hours="Mo-Su 08:00-20:00",
                facilities="toilet;seating",
                phone="0161 496 0000",
            ),
            premises_row("allday", lat + 0.002, lon, opening_hours="24/7"),
        ],
    )


def page(client, url: str, **headers) -> BeautifulSoup:
    with client.get(url, headers=headers) as response:
        assert response.status_code == 200
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def search_words(shown: BeautifulSoup) -> str:
    """Return the text and read-aloud attributes of the search, the list and the map."""
    parts = [
        element.get_text(" ", strip=True)
        for element in shown.select(".search-panel, .results-panel, .map-panel")
    ]
    for name in ("placeholder", "aria-label", "title", "data-list-text", "data-map-text"):
        parts += [element[name] for element in shown.select(f".layout [{name}]")]
    parts.append(shown.select_one("#map-words").get_text())
    return " ".join(parts)


ASKED_IN_WELSH = {
    "by ?lang=cy": ({"url": f"/?q=M1&at={EVENING}&lang=cy"}, {}),
    "by Accept-Language": ({"url": f"/?q=M1&at={EVENING}"}, {"Accept-Language": "cy"}),
}


@pytest.mark.parametrize(("asked", "headers"), ASKED_IN_WELSH.values(), ids=ASKED_IN_WELSH)
def test_a_welsh_visitor_sees_the_search_and_its_results_in_welsh(
    client, manchester, asked, headers
):
    shown = page(client, asked["url"], **headers)
    assert shown.html["lang"] == "cy"
    assert (
        shown.select_one("#search-heading").get_text() == "Dod o hyd i le diogel yn agos atoch chi"
    )
    assert shown.select_one("#results-heading").get_text() == "Lleoedd diogel"
    assert shown.select_one("#results-summary").get_text() == (
        "2 le diogel ar agor Mer 2 Rhag 19:30 o fewn 5 km i M1, Manchester."
    )
    first, second = shown.select("ol#results li.result")
    assert first.select_one(".status").get_text() == "Yn cau ymhen 30 munud"
    assert first.select_one(".distance").get_text().endswith("munud o gerdded")
    assert [li.get_text() for li in first.select(".facilities li")] == [
        "Toiled",
        "Rhywle i eistedd",
    ]
    assert first.select_one("a.call").get_text() == "Ffoniwch 0161 496 0000"
    # 24/7 without a bank-holiday rule: Christmas Day is not covered.
    assert second.select_one(".status").get_text() == (
        "Ar agor · oriau heb eu cadarnhau o Gwen 25 Rhag ymlaen"
    )
    words = search_words(shown)
    assert [english for english in ENGLISH_WORDS if english in words] == []


def test_the_same_search_in_english_is_unchanged(client, manchester):
    shown = page(client, f"/?q=M1&at={EVENING}")
    assert shown.select_one("#results-summary").get_text() == (
        "2 safe spaces open at Wed 2 Dec 19:30 within 5 km of M1, Manchester."
    )
    first = shown.select_one("ol#results li.result")
    assert first.select_one(".status").get_text() == "Closes in 30 min"
    assert first.select_one(".distance").get_text().endswith("min walk")
    assert json.loads(shown.select_one("#map-words").get_text())["states"] is None
    assert shown.select_one("form#search input[name=lang]") is None


def test_a_welsh_page_asked_with_lang_keeps_it_in_its_form_links_and_map(client, manchester):
    shown = page(client, f"/?q=M1&at={EVENING}&lang=cy")
    assert shown.select_one("form#search input[type=hidden][name=lang]")["value"] == "cy"
    links = [a["href"] for a in shown.select("ol#results a.result-link")]
    assert links and all(link.endswith("?lang=cy") for link in links)
    words = json.loads(shown.select_one("#map-words").get_text())
    assert words["lang"] == "cy"
    assert words["states"]["open"] == "Ar agor"
    assert words["searched"] == "Wedi chwilio: {place}"


def test_a_welsh_page_from_the_browser_language_adds_no_lang_to_its_links(client, manchester):
    shown = page(client, f"/?q=M1&at={EVENING}", **{"Accept-Language": "cy"})
    assert shown.select_one("form#search input[name=lang]") is None
    assert all("lang=" not in a["href"] for a in shown.select("ol#results a.result-link"))
    assert json.loads(shown.select_one("#map-words").get_text())["lang"] == ""


def test_the_list_from_use_my_location_is_welsh_when_asked(client, manchester):
    lat, lon = M1
    shown = page(client, f"/results?lat={lat}&lon={lon}&at={EVENING}&lang=cy")
    assert shown.select_one("#results-summary").get_text() == (
        "2 le diogel ar agor Mer 2 Rhag 19:30 o fewn 5 km i'ch lleoliad."
    )


def test_a_place_not_found_is_said_in_welsh_with_links_that_keep_the_language(client):
    with client.get("/?q=Lodnon&lang=cy") as response:
        assert response.status_code == 400
        shown = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    said = shown.select_one("#q-error").get_text(" ", strip=True)
    assert said.startswith("Methon ni ddod o hyd i 'Lodnon': ceisiwch god post")
    assert "Oeddech chi'n golygu" in said and " neu " in said
    links = [a["href"] for a in shown.select("#q-error a.suggestion")]
    assert links and all("lang=cy" in link for link in links)


def test_nothing_open_at_3am_on_christmas_day_is_said_in_welsh(client, manchester):
    shown = page(client, "/?q=M1&at=2026-12-25T03:00&lang=cy")
    assert shown.select_one("#results-summary").get_text() == (
        "Does dim lle diogel ar agor Gwen 25 Rhag 03:00 o fewn 5 km i M1, Manchester."
    )
    advice = shown.select_one("#nothing-open").get_text(" ", strip=True)
    assert advice.startswith("Beth allwch chi ei wneud nawr:")
    assert "Mewn perygl: ffoniwch 999" in advice
    assert shown.select_one("#closed-heading").get_text() == (
        "Ddim ar agor nawr: pryd maen nhw'n agor"
    )
    notes = [note.get_text() for note in shown.select(".holiday-note")]
    assert "Gŵyl banc heddiw (Dydd Nadolig)." in notes


def test_the_api_stays_english_for_a_welsh_browser(client, manchester):
    with client.get(
        f"/api/v1/spaces?q=M1&open_now=true&at={EVENING}", headers={"Accept-Language": "cy"}
    ) as r:
        found = r.get_json()
    first = found["features"][0]["properties"]
    assert first["status_text"] == "Closes in 30 min"
    assert first["distance_text"].endswith("min walk")
    assert (
        found["description"] == "Safe spaces open at Wed 2 Dec 19:30, within 5 km of M1, Manchester"
    )
    with client.get("/api/v1/spaces?q=M1&radius_km=99", headers={"Accept-Language": "cy"}) as r:
        assert r.get_json()["error"]["message"] == "radius_km must be between 0 and 50."


# -- the words of presenting, in both languages -------------------------------------------------

EVERY_DAY = hours.parse_hours("Mo-Su 08:00-20:00")


def status_at(expression: str, at: datetime) -> str:
    status = hours.parse_hours(expression).status(at)
    return presenting.status_phrase(status.state, status.next_change, at, status.next_state)


# The autumn clock change: 01:40 summer time is 30 real minutes before 01:10 winter time.
BEFORE_CHANGE = datetime(2026, 10, 25, 1, 40, tzinfo=LONDON)
AFTER_CHANGE = datetime(2026, 10, 25, 1, 10, fold=1, tzinfo=LONDON)

PHRASES = {
    "closed at 3 a.m.": (
        lambda: status_at("Mo-Su 08:00-20:00", london("2026-12-02 03:00")),
        "Closed · opens 08:00",
        "Ar gau · yn agor 08:00",
    ),
    "closing soon": (
        lambda: status_at("Mo-Su 08:00-20:00", london("2026-12-02 19:35")),
        "Closes in 25 min",
        "Yn cau ymhen 25 munud",
    ),
    "opening tomorrow": (
        lambda: status_at("Mo-Su 08:00-20:00", london("2026-12-02 21:00")),
        "Closed · opens 08:00 tomorrow",
        "Ar gau · yn agor 08:00 yfory",
    ),
    "open all day and night": (
        lambda: status_at("Mo-Su,PH 00:00-24:00", london("2026-12-02 21:00")),
        "Open 24 hours",
        "Ar agor 24 awr",
    ),
    "not covered from midnight on Christmas Eve": (
        lambda: status_at("24/7", london("2026-12-24 12:00")),
        "Open · hours not confirmed from midnight",
        "Ar agor · oriau heb eu cadarnhau o hanner nos ymlaen",
    ),
    "on Christmas Day itself": (
        lambda: status_at("Mo-Su 08:00-20:00", london("2026-12-25 12:00")),
        "Hours not known · ask before you rely on it",
        "Oriau ddim yn hysbys · holwch cyn dibynnu arno",
    ),
    "across the clock change": (
        lambda: presenting.status_phrase("open", AFTER_CHANGE, BEFORE_CHANGE, "closed"),
        "Closes in 30 min",
        "Yn cau ymhen 30 munud",
    ),
    "a walk": (
        lambda: presenting.distance_phrase(350),
        "350 m · 4 min walk",
        "350 m · 4 munud o gerdded",
    ),
    "too far to walk": (
        lambda: presenting.distance_phrase(12300),
        "12.3 km · too far to walk",
        "12.3 km · rhy bell i gerdded",
    ),
    "closing before you arrive": (
        lambda: presenting.closing_before_arrival(
            london("2026-12-02 20:00"), london("2026-12-02 19:50")
        ),
        "Closes in 10 min: you may not get there in time",
        "Yn cau ymhen 10 munud: efallai na fyddwch chi'n cyrraedd mewn pryd",
    ),
    "a closure over Christmas": (
        lambda: presenting.closure_phrase(None, date(2026, 12, 26), date(2026, 12, 20)),
        "Temporarily closed until Friday 25 December: open again on Saturday 26 December.",
        "Ar gau dros dro tan ddydd Gwener 25 Rhagfyr: ar agor eto ddydd Sadwrn 26 Rhagfyr.",
    ),
    "a closure for one day": (
        lambda: presenting.closure_phrase(
            date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 20)
        ),
        "Closed for the day on Thursday 24 December.",
        "Ar gau am y diwrnod ddydd Iau 24 Rhagfyr.",
    ),
    "a closure to come": (
        lambda: presenting.closure_phrase(
            date(2026, 12, 23), date(2026, 12, 25), date(2026, 12, 20)
        ),
        "Closed from Wednesday 23 December to Thursday 24 December, both days included.",
        "Ar gau o ddydd Mercher 23 Rhagfyr tan ddydd Iau 24 Rhagfyr, gan gynnwys y ddau ddiwrnod.",
    ),
    "hours that set bank holidays": (
        lambda: presenting.bank_holiday_note(
            hours.parse_hours("Mo-Su 08:00-20:00; PH off"), london("2026-12-20 12:00")
        ),
        "These hours set bank-holiday opening (England and Wales calendar). Next bank holiday in "
        "England and Wales: Friday 25 December (Christmas Day) — closed at midday.",
        "Mae'r oriau hyn yn nodi sut mae'r lle ar agor ar wyliau banc (calendr Cymru a Lloegr). "
        "Yr ŵyl banc nesaf (calendr Cymru a Lloegr): dydd Gwener 25 Rhagfyr (Dydd Nadolig) — "
        "ar gau ganol dydd.",
    ),
    "a week's hours in brief": (
        lambda: presenting.week_summary(
            hours.parse_hours("Mo-Fr 09:00-17:30; Sa 10:00-13:00; PH off"),
            london("2026-12-02 12:00"),
        ),
        "Mon–Fri 9am–5:30pm; Sat 10am–1pm",
        "Llun–Gwen 09:00–17:30; Sad 10:00–13:00",
    ),
    "a substitute bank holiday": (
        lambda: presenting.holiday_words("Boxing Day (observed)"),
        "Boxing Day (observed)",
        "Gŵyl San Steffan (diwrnod yn lle)",
    ),
}


@pytest.mark.parametrize(("say", "english", "welsh"), PHRASES.values(), ids=PHRASES)
def test_each_phrase_is_said_in_welsh_and_unchanged_in_english(say, english, welsh):
    assert say() == english
    with language.speaking("cy"):
        assert say() == welsh
    assert say() == english  # a phrase cached in one language is not said in the other


def test_the_weekly_table_names_days_and_bank_holidays_in_welsh():
    christmas_week = london("2026-12-23 12:00")
    english = presenting.weekly_table(hours.parse_hours("24/7"), christmas_week)
    with language.speaking("cy"):
        welsh = presenting.weekly_table(hours.parse_hours("24/7"), christmas_week)
    assert [row.name for row in welsh] == [
        "Dydd Llun",
        "Dydd Mawrth",
        "Dydd Mercher",
        "Dydd Iau",
        "Dydd Gwener",
        "Dydd Sadwrn",
        "Dydd Sul",
    ]
    assert english[4].name == "Friday" and english[4].note == "Bank holiday: Christmas Day"
    assert welsh[4].note == "Gŵyl banc: Dydd Nadolig"
    assert [row.spans for row in welsh] == [row.spans for row in english]
