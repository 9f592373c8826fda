"""The public pages besides the search in Welsh: place, report, quick exit, embed, errors and the
training pack (page and PDF); English unchanged, and the JSON API always English."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import abort
from pypdf import PdfReader
from werkzeug.exceptions import BadRequest, Gone, RequestEntityTooLarge, UnsupportedMediaType

from locator.domain import language, training
from locator.printing.pdfs import _font_dir, _printable, _ttf_charset
from locator.printing.training import training_pack_pdf
from locator.web import errors

from builders import add_premises, ids_by_ref
from conftest import premises_row

LEEDS = (53.7965, -1.5478)
STATIC = Path(__file__).resolve().parent.parent / "locator" / "web" / "static"
WELSH_BROWSER = {"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"}
# What every page in Welsh must say, whatever its own words (base.html's danger bar and exit).
CALL_999, EXIT = "Ffoniwch 999", "Gadael y dudalen hon"


@pytest.fixture
def shop(locator) -> int:
    lat, lon = LEEDS
    add_premises(
        locator,
        [
            premises_row("shop", lat, lon, opening_hours="Mo-Su 08:00-20:00"),
            premises_row("next door", lat + 0.001, lon, opening_hours="Mo-Su 08:00-20:00"),
        ],
    )
    return ids_by_ref(locator)["shop"]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def visit(client, method: str, path: str, headers=None, **form) -> tuple[int, BeautifulSoup]:
    with client.open(path, method=method, headers=headers or {}, data=form or None) as response:
        return response.status_code, soup(response)


# Each page: how to reach it (the shop's id fills {shop}), its status, and its heading in each
# language.
PAGES = [
    ("GET", "/spaces/{shop}", {}, 200, "Shop shop", "Shop shop"),
    ("GET", "/quick-exit", {}, 200, "About quick exit", "Ynglŷn â gadael yn gyflym"),
    ("GET", "/embed", {}, 200, "Safe spaces map", "Map lleoedd diogel"),
    ("GET", "/no-such-page", {}, 404, "Page not found", "Heb ddod o hyd i'r dudalen"),
    ("POST", "/spaces/{shop}/report", {"reason": "closed"}, 200, "Thank you", "Diolch"),
    (
        "POST",
        "/spaces/{shop}/report",
        {"reason": "closed", "text": "x" * 600},
        400,
        "Report a problem with Shop shop",
        "Rhoi gwybod am broblem gyda Shop shop",
    ),
    (
        "POST",
        "/spaces/{shop}/report",
        {"reason": "?"},
        400,
        "Choose what is wrong",
        "Dewiswch beth sydd o'i le",
    ),
    (
        "GET",
        "/training",
        {},
        200,
        "Safe spaces: a training pack for staff",
        "Lleoedd diogel: pecyn hyfforddi i staff",
    ),
]
WAYS_TO_ASK_FOR_WELSH = {"the lang parameter": ("?lang=cy", {}), "the browser": ("", WELSH_BROWSER)}


@pytest.mark.parametrize("way", WAYS_TO_ASK_FOR_WELSH)
@pytest.mark.parametrize(("method", "path", "form", "status", "english", "welsh"), PAGES)
def test_a_welsh_visitor_sees_each_page_in_welsh_with_999_and_the_way_out(
    client, shop, way, method, path, form, status, english, welsh
):
    query, headers = WAYS_TO_ASK_FOR_WELSH[way]
    got, page = visit(client, method, path.format(shop=shop) + query, headers, **form)
    assert got == status
    assert page.html["lang"] == "cy"
    assert page.select_one("#call-999").get_text() == CALL_999
    assert page.select_one("#quick-exit").get_text(strip=True) == EXIT
    assert page.h1.get_text(strip=True) == welsh


@pytest.mark.parametrize(("method", "path", "form", "status", "english", "welsh"), PAGES)
def test_an_english_visitor_sees_each_page_in_english_as_before(
    client, shop, method, path, form, status, english, welsh
):
    got, page = visit(client, method, path.format(shop=shop), {"Accept-Language": "en"}, **form)
    assert got == status
    assert page.html["lang"] == "en-GB"
    assert page.select_one("#call-999").get_text() == "Call 999"
    assert page.h1.get_text(strip=True) == english
    assert CALL_999 not in str(page) and EXIT not in str(page)


def test_the_welsh_place_page_says_its_hours_dates_and_report_buttons_in_welsh(client, shop):
    _, page = visit(client, "GET", f"/spaces/{shop}?lang=cy&at=2026-12-02T12:00")
    assert (
        page.select_one("#weekly-hours caption").get_text() == "Oriau agor o ddydd Llun 30 Tachwedd"
    )
    assert [th.get_text() for th in page.select("#weekly-hours thead th")] == ["Diwrnod", "Ar agor"]
    assert "2 Rhag (heddiw)" in page.select_one("#weekly-hours tr.today th").get_text()
    assert page.select_one("#how-to-ask").get_text().startswith("Sut i ofyn am help:")
    buttons = [b.get_text() for b in page.select("#report-problem-form button")]
    assert buttons[0] == "Roedd ar gau" and "Mae rhywbeth arall yn anghywir" in buttons
    assert page.select_one("#report-problem-form")["action"].endswith("/report?lang=cy")


def test_the_thanks_for_a_report_links_back_to_the_listing_in_welsh(client, shop):
    _, page = visit(client, "POST", f"/spaces/{shop}/report?lang=cy", reason="closed")
    back = page.select_one("main a")
    assert (back.get_text(), back["href"]) == ("Yn ôl i'r rhestriad", f"/spaces/{shop}?lang=cy")


def test_the_welsh_embed_sums_up_its_list_in_welsh_and_its_search_stays_welsh(client, shop):
    _, page = visit(client, "GET", "/embed?area=leeds&at=2026-12-02T12:00&lang=cy")
    summary = page.select_one("#results-summary").get_text(" ", strip=True)
    assert summary.startswith("2 o leoedd diogel ar agor")
    assert summary.endswith("yn Leeds, yr agosaf at ganol Leeds yn gyntaf.")
    assert page.select_one("#embed-search input[name=lang]")["value"] == "cy"
    switch = page.select_one("#language-switch")
    assert (switch.get_text(), switch["lang"]) == ("English", "en")


# -- error pages ---------------------------------------------------------------------------------


@pytest.fixture
def failing_client(app):
    """A client of the test app with a page path that fails with any status."""

    def fail_with(status: int):
        if status == 405:
            abort(405, valid_methods=["GET"])
        abort(status)

    app.add_url_rule("/test-errors/<int:status>", "fail", fail_with)
    return app.test_client()


@pytest.mark.parametrize(
    ("status", "heading", "message"),
    [
        (400, "Mae'n ddrwg gennym, mae problem gyda'r cais hwnnw", "Anfonodd y porwr"),
        (404, "Heb ddod o hyd i'r dudalen", "Does dim byd yn y cyfeiriad hwn."),
        (405, "Mae'n ddrwg gennym, does dim modd gwneud hynny yma", "Nid yw GET yn cael"),
        (413, "Mae hynny'n rhy fawr i'w anfon", "Mae'r data a anfonwyd yn fwy na'r terfyn."),
        (429, "Gormod o geisiadau", "Gormod o geisiadau: arhoswch funud"),
        (500, "Mae'n ddrwg gennym, aeth rhywbeth o'i le", "Os ydych chi mewn perygl, ffoniwch 999"),
    ],
)
def test_a_welsh_browser_gets_each_error_page_in_welsh(failing_client, status, heading, message):
    got, page = visit(failing_client, "GET", f"/test-errors/{status}", WELSH_BROWSER)
    assert got == status
    assert page.html["lang"] == "cy"
    assert page.select_one("#error-heading").get_text() == heading
    assert message in page.select_one("#error-message").get_text()
    assert page.select_one("#find-a-safe-space").get_text() == "Dod o hyd i le diogel"


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/v1/no-such-thing", 404, "There is nothing at this address."),
        ("/api/v1/spaces/not-a-number", 404, "There is nothing at this address."),
        ("/healthz", 405, "POST is not allowed here."),
    ],
)
def test_a_json_error_stays_english_for_a_welsh_browser(client, path, status, message):
    method = "POST" if status == 405 else "GET"
    with client.open(path, method=method, headers=WELSH_BROWSER) as response:
        assert response.status_code == status
        assert response.get_json()["error"]["message"] == message


def test_the_words_of_werkzeug_we_translate_are_still_its_own():
    described = {error.description for error in (BadRequest, Gone, RequestEntityTooLarge)}
    described.add(UnsupportedMediaType.description)
    assert described == set(errors.WERKZEUG_DESCRIPTIONS)


# -- the words scripts say ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "button", "words"),
    [
        (
            "/embed",
            "#embed-locate",
            {
                "finding": "Yn dod o hyd i'ch lleoliad…",
                "searching": "Yn chwilio am leoedd diogel yn agos atoch chi…",
                "failed": "Methon ni gael eich lleoliad.",
            },
        ),
        pytest.param(
            "/quick-exit",
            "#quick-exit",
            {
                "activated": "Wrthi'n gadael y dudalen hon",
                "loading": "Yn llwytho…",
                "pressed-1": "Pwyswyd Shift unwaith.",
                "pressed-2": "Pwyswyd Shift ddwywaith.",
                "expired": "Mae'r cyfrif i adael",
            },
        ),
    ],
)
def test_a_button_gives_its_script_the_words_to_say_in_welsh(client, path, button, words):
    _, page = visit(client, "GET", f"{path}?lang=cy")
    found = page.select_one(button)
    for name, start in words.items():
        assert found.get(f"data-{name}", "").startswith(start), name


@pytest.mark.parametrize("script", ["quick-exit.js", "embed.js", "no-trail.js"])
def test_the_scripts_hold_no_english_words_of_their_own(script):
    code = re.sub(r"^\s*//.*$", "", (STATIC / script).read_text(), flags=re.MULTILINE)
    # A sentence people read: a capital, then words, in quotes.
    assert not re.findall(r"[\"'][A-Z][a-z]+ [a-z]+[^\"']*[\"']", code)


# -- the training pack ---------------------------------------------------------------------------


def test_the_welsh_training_page_and_pdf_say_the_same_welsh_things(client):
    _, page = visit(client, "GET", "/training?lang=cy")
    shown = " ".join(page.select_one("main").get_text(" ").split())
    with client.get("/training.pdf?lang=cy") as response:
        pages = len(PdfReader(io.BytesIO(response.data)).pages)
        printed = pdf_text(response.data)
    pack = training.written(language.WELSH)
    assert [stage.heading for stage in pack.stages][:2] == [
        "Cam 1: Cynllunio",
        "Cam 2: Hyfforddi staff",
    ]
    for stage in pack.stages:
        for topic in stage.topics:
            assert topic.heading in shown and topic.heading in printed
    for number, scenario in enumerate(pack.scenarios, 1):
        assert f"Senario {number}: {scenario.title}" in shown
        assert f"Senario {number}: {scenario.title}" in printed
    assert "Mewn perygl? Ffoniwch 999" in printed and f"Tudalen 1 o {pages}" in printed
    assert "Stage 1" not in shown and "Stage 1" not in printed


def test_the_shipped_font_draws_every_letter_of_the_welsh_pack():
    charset = _ttf_charset(_font_dir())
    assert {ord(letter) for letter in "ŵŷŴŶâêîôûáéẁẃẅỳ"} <= charset
    pack = training.written(language.WELSH)
    words = [pack.title, pack.subtitle, *pack.intro, pack.credit, *pack.fill_in]
    for stage in pack.stages:
        words += [stage.heading, stage.summary]
        for topic in stage.topics:
            words += [topic.heading, *topic.text]
            words += [
                item for checklist in topic.lists for item in (checklist.label, *checklist.items)
            ]
    for scenario in pack.scenarios:
        words += [scenario.title, scenario.situation, *scenario.steps]
    assert any("ŵ" in text for text in words)
    for text in words:
        assert _printable(text, charset) == " ".join(text.split()), text


@pytest.mark.parametrize(
    ("asked", "spoken", "heading"),
    [
        (language.WELSH, language.ENGLISH, "Cam 1: Cynllunio"),
        (language.ENGLISH, language.WELSH, "Stage 1: Planning"),
    ],
)
def test_the_pdf_is_in_the_language_asked_whatever_is_spoken_when_it_is_made(
    asked, spoken, heading
):
    with language.speaking(spoken):
        made = training_pack_pdf("https://example.org/training", asked)
    assert heading in pdf_text(made)


@pytest.mark.parametrize(
    ("text", "english", "welsh"),
    [
        ("x" * 600, "Keep what you write to 500 characters", "Cadwch yr hyn"),
        (
            "The man at the till, John Smith, was rude",
            "must not identify anyone",
            "Rhaid i'r hyn rydych chi'n ei ysgrifennu beidio ag enwi neb",
        ),
    ],
)
def test_a_refused_report_is_explained_in_the_pages_language(client, shop, text, english, welsh):
    for suffix, expected in (("", english), ("?lang=cy", welsh)):
        status, page = visit(
            client, "POST", f"/spaces/{shop}/report{suffix}", reason="closed", text=text
        )
        assert status == 400
        assert expected in " ".join(page.get_text(" ").split())
