"""The staff training pack (/training and /training.pdf) and the staff card that follows it."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from locator.domain import training as pack
from locator.listings import accounts
from locator.printing.pdfs import staff_card_pdf, training_url
from locator.printing.training import training_pack_pdf

from builders import READY_CHECKLIST, write_csv
from conftest import premises_row

A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)
STAGE_HEADINGS = (
    "Stage 1: Planning",
    "Stage 2: Staff training",
    "Stage 3: Physical safe space",
    "Stage 4: Response",
    "Stage 5: Record and review",
)
# What a member of staff must come away with, whichever form of the pack they read.
MUST_SAY = (
    *STAGE_HEADINGS,
    "Numbers to know",
    "999",
    "101",
    "press 55",
    "Do\u2019s and don\u2019ts",
    "Safety first",
    "dynamic risk assessment",
    "Your own safety and exit strategy",
    "At closing time",
    "Escalation: who to call",
    "designated person",
    "security control room",
    "Ask for ANI",
    "Ask for Angela",
    "has joined that scheme",
    "Misuse and repeat visitors",
    "Young people and safeguarding",
    "Recording with permission",
    "Never write a name",
    "Looking after yourself afterwards",
    "Operation Portum \u2013 Creating Safe Spaces in Retail",
)
SITE = "https://safespaces.example.org"
A_SPACE = {
    "id": 42,
    "name": "Boots Piccadilly",
    "address": "32 Market Street, Manchester",
    "postcode": "M1 1PL",
    "how_to_ask": "Ask at the pharmacy counter.",
    "facilities": ["phone_charging"],
    "demo": False,
}


def flat(text: str) -> str:
    """Text with every run of white space made one space (PDF lines break anywhere)."""
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture(scope="module")
def printed_pack() -> bytes:
    return training_pack_pdf(f"{SITE}/training")


def page_of(client, path: str) -> BeautifulSoup:
    with client.get(path) as response:
        assert response.status_code == 200, path
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


# -- the printed pack -----------------------------------------------------------------------------


def test_the_printed_pack_is_a4_portrait_and_has_text_on_every_page(printed_pack):
    reader = PdfReader(io.BytesIO(printed_pack))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(A4_POINTS[0], abs=1)
        assert height == pytest.approx(A4_POINTS[1], abs=1)
        assert len(page.extract_text().strip()) > 200


@pytest.mark.parametrize("phrase", MUST_SAY)
def test_the_printed_pack_covers_every_stage_and_topic(printed_pack, phrase):
    assert phrase in pdf_text(printed_pack)


def test_the_printed_pack_has_every_scenario_with_what_to_do(printed_pack):
    text = pdf_text(printed_pack)
    assert 4 <= len(pack.SCENARIOS) <= 6
    for number, scenario in enumerate(pack.SCENARIOS, 1):
        assert f"Scenario {number}: {scenario.title}" in text
        assert flat(scenario.steps[0]) in text
    assert text.count("What to do") >= len(pack.SCENARIOS)


def test_the_printed_pack_credits_the_guidance_and_says_where_it_is_online(printed_pack):
    text = pdf_text(printed_pack)
    assert "National Business Crime Centre" in text
    assert pack.SOURCE.url in text
    assert f"{SITE}/training" in text


def test_without_the_unicode_font_the_pack_still_prints_in_plain_latin_1(monkeypatch):
    from locator.printing import training as printing_training

    monkeypatch.setattr(printing_training, "_font_dir", lambda: None)
    text = pdf_text(printing_training.training_pack_pdf.__wrapped__(f"{SITE}/fallback"))
    assert "Stage 4: Response" in text and "Don't" in text and f"{SITE}/fallback" in text


def test_every_page_of_the_printed_pack_ends_with_999_and_its_page_number(printed_pack):
    pages = PdfReader(io.BytesIO(printed_pack)).pages
    for number, page in enumerate(pages, 1):
        text = flat(page.extract_text())
        assert "In danger? Call 999" in text
        assert f"Page {number} of {len(pages)}" in text


# -- the staff card -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def card_text() -> str:
    return pdf_text(staff_card_pdf(A_SPACE, f"{SITE}/spaces/42"))


def test_the_staff_card_no_longer_says_never_make_them_leave(card_text):
    assert "never make them leave" not in card_text.lower()
    assert "leave safely" in card_text and "before you close" in card_text


def test_the_staff_card_points_to_the_training_pack_on_the_same_site(card_text):
    assert f"Training pack for staff: {SITE}/training" in card_text


def test_the_staff_card_has_a_line_to_write_the_designated_person_on(card_text):
    assert "Our designated person:" in card_text


def test_the_staff_card_is_still_one_page_with_long_business_text():
    long = "Gofynnwch wrth y cownter am yr ystafell dawel, diolch yn fawr iawn. " * 12
    card = staff_card_pdf(dict(A_SPACE, name=long, how_to_ask=long, demo=True), SITE + "/spaces/1")
    assert len(PdfReader(io.BytesIO(card)).pages) == 1
    assert "Training pack for staff" in pdf_text(card)


@pytest.mark.parametrize(
    ("public_url", "training"),
    [
        ("https://safespaces.example.org/spaces/42", "https://safespaces.example.org/training"),
        ("http://localhost/spaces/7?src=sticker", "http://localhost/training"),
        ("https://council.example/safe/spaces/3", "https://council.example/safe/training"),
        ("https://safespaces.example.org/elsewhere", "https://safespaces.example.org/training"),
    ],
)
def test_the_training_address_is_found_from_a_listing_address(public_url, training):
    assert training_url(public_url) == training


# -- the page and the links to it ---------------------------------------------------------------


def test_the_training_page_covers_every_stage_and_topic(client):
    page = page_of(client, "/training")
    text = flat(page.select_one("main").get_text(" "))
    for phrase in MUST_SAY:
        assert phrase in text, phrase
    headings = [flat(h.get_text()) for h in page.select("main h2")]
    for heading in STAGE_HEADINGS:
        assert heading in headings


def test_the_page_and_the_printed_pack_say_the_same_things(client, printed_pack):
    page = flat(page_of(client, "/training").select_one("main").get_text(" "))
    printed = pdf_text(printed_pack)
    for stage in pack.STAGES:
        for topic in stage.topics:
            assert topic.heading in page and topic.heading in printed
            for paragraph in topic.text:
                assert flat(paragraph) in page and flat(paragraph) in printed
    for scenario in pack.SCENARIOS:
        for step in scenario.steps:
            assert flat(step) in page and flat(step) in printed


def test_the_training_page_keeps_the_999_bar_and_exit_button_and_links_to_its_sources(client):
    page = page_of(client, "/training")
    assert page.select_one("#call-999")["href"] == "tel:999"
    assert page.select_one("#quick-exit")
    assert page.select_one("#training-pdf")["href"] == "/training.pdf"
    guidance = page.select_one("#guidance-link")
    assert guidance["href"] == pack.SOURCE.url
    assert "Creating Safe Spaces in Retail" in guidance.get_text()


def test_the_training_pdf_opens_in_the_browser_with_the_sites_own_address(client):
    with client.get("/training.pdf") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"].startswith("inline;")
        assert "http://localhost/training" in pdf_text(response.data)


def test_the_footer_links_businesses_to_the_training_pack(client):
    footer = page_of(client, "/quick-exit").select_one("footer")
    assert "/training" in [a["href"] for a in footer.select("a")]


def test_the_manage_page_links_to_the_training_pack_and_its_card_points_there(client):
    body = {
        "name": "Corner Shop",
        "organisation": "Corner Shops Ltd",
        "address": "1 Briggate, Leeds",
        "postcode": "LS1 6HD",
        "lat": 53.7965,
        "lon": -1.5478,
        "opening_hours": "Mo-Su 08:00-20:00",
        "facilities": ["phone_charging"],
        "scheme": "external",
        "contact_email": "manager@corner.example",
        "checklist": READY_CHECKLIST,
    }
    with client.post("/api/v1/registrations", json=body) as response:
        assert response.status_code == 201, response.get_json()
        manage = "/manage/" + response.get_json()["manage_url"].rsplit("/", 1)[1]
    page = page_of(client, manage)
    assert page.select_one("#training-pack")["href"] == "/training"
    with client.get(manage + "/staff-card.pdf") as card:
        assert "Training pack for staff: http://localhost/training" in pdf_text(card.data)


def csrf(client, path: str) -> str:
    return page_of(client, path).select_one("input[name=csrf_token]")["value"]


def test_a_head_offices_premises_page_links_to_the_training_pack(app, locator, tmp_path):
    accounts.create_organisation(locator.store, "Big Chemist", "hq@chemist.example", "p" * 14)
    head_office = app.test_client()
    form = {"email": "hq@chemist.example", "password": "p" * 14}
    form["csrf_token"] = csrf(head_office, "/business/login")
    with head_office.post("/business/login", data=form) as response:
        assert response.status_code == 302
    estate = write_csv(tmp_path / "estate.csv", [premises_row("store-1", 53.7965, -1.5478)])
    form = {
        "csrf_token": csrf(head_office, "/business"),
        "action": "check",
        "file": (io.BytesIO(estate.read_bytes()), "estate.csv"),
    }
    with head_office.post("/business/upload", data=form) as checked:
        token = BeautifulSoup(checked.get_data(as_text=True), "html.parser").select_one(
            "#confirm-upload input[name=token]"
        )["value"]
    form = {"csrf_token": csrf(head_office, "/business"), "action": "confirm", "token": token}
    head_office.post("/business/upload", data=form).close()
    home = page_of(head_office, "/business")
    assert home.select_one("#training-pack")["href"] == "/training"
    premises = home.select_one("#estate a")["href"]
    assert page_of(head_office, premises).select_one("#training-pack")["href"] == "/training"
