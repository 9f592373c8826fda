"""Tests for the printable window sticker and staff card PDFs (no Flask app needed)."""

import io

import pytest
import zxingcpp
from pypdf import PdfReader

from locator.printing import pdfs as printing
from locator.printing.pdfs import staff_card_pdf, window_sticker_pdf

URL = "https://safespaces.example.org/spaces/42?src=sticker"
A5_POINTS = (148 / 25.4 * 72, 210 / 25.4 * 72)
HELPLINE_NUMBERS = (
    "0808 2000 247",  # National Domestic Abuse Helpline
    "0808 801 0327",  # Men's Advice Line
    "116 123",  # Samaritans
    "0808 500 2222",  # Rape Crisis
    "0808 800 4444",  # Shelter
    "0800 1111",  # Childline
    "111",  # NHS
    "101",  # police, not an emergency
    "999",  # emergencies
)
HOSTILE_NAME = "<script>alert(1)</script> Siop Ŵyn & Łódź 😀🏳️‍🌈 “Caffi” ŷ"
DEMO_NOTE = "Not a real safe space: demo data"
LONG_URL = URL + "&" + "x" * 200


def a_space(**changes):
    space = {
        "id": 42,
        "name": "Boots Piccadilly",
        "organisation": "Boots",
        "address": "32 Market Street, Manchester",
        "postcode": "M1 1PL",
        "how_to_ask": "Ask at the pharmacy counter for the consultation room.",
        "phone": "0161 000 0000",
        "facilities": ["phone_charging", "first_aid", "private_room"],
        "demo": False,
    }
    space.update(changes)
    return space


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF")
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


@pytest.fixture(scope="module")
def sticker() -> bytes:
    return window_sticker_pdf(a_space(), URL)


@pytest.fixture(scope="module")
def card() -> bytes:
    return staff_card_pdf(a_space(), URL)


@pytest.fixture(scope="module")
def long_demo() -> dict[str, bytes]:
    """Demo premises whose name, address and how to ask are 500 characters long."""
    long = ("Siop Gymunedol Llanfairpwllgwyngyll ŵ ł “quoted” " * 20)[:500]
    space = a_space(name=long, how_to_ask=long, address=long, demo=True)
    return {"sticker": window_sticker_pdf(space, LONG_URL), "card": staff_card_pdf(space, URL)}


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    space = a_space(name=HOSTILE_NAME, how_to_ask="<b>Ask</b> at the till — diolch ŵ")
    return {"sticker": window_sticker_pdf(space, URL), "card": staff_card_pdf(space, URL)}


def test_the_sticker_qr_code_decodes_to_the_premises_public_url(sticker):
    images = read(sticker).pages[0].images
    assert len(images) == 1
    codes = zxingcpp.read_barcodes(images[0].image)
    assert [code.text for code in codes] == [URL]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    assert codes[0].ec_level in ("M", "Q", "H")


def test_the_sticker_is_one_a5_portrait_page(sticker):
    pages = read(sticker).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A5_POINTS, abs=0.5)


def test_many_stickers_are_one_a5_page_each_whose_qr_code_opens_its_own_premises():
    spaces = [
        a_space(id=n, name=f"Store {n}", status=s) for n, s in ((1, "published"), (2, "pending"))
    ]
    urls = [f"https://safespaces.example.org/spaces/{space['id']}" for space in spaces]
    pages = read(printing.window_stickers_pdf(list(zip(spaces, urls, strict=True)))).pages
    assert len(pages) == 2
    for page, space, url in zip(pages, spaces, urls, strict=True):
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A5_POINTS, abs=0.5)
        assert space["name"] in page.extract_text()
        [image] = page.images
        assert [code.text for code in zxingcpp.read_barcodes(image.image)] == [url]
    assert "works once a moderator has approved" in pages[1].extract_text()


def test_a_pdf_of_no_stickers_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        printing.window_stickers_pdf([])


def test_the_staff_card_is_one_page_of_the_card_size(card):
    pages = read(card).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    expected = tuple(mm / 25.4 * 72 for mm in printing.CARD_MM)
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.5)
    assert expected == pytest.approx(A5_POINTS, abs=0.5)


def test_the_sticker_says_safe_space_the_name_the_url_and_999_with_55(sticker):
    text = " ".join(text_of(sticker).split())
    for phrase in (
        "Safe Space",
        "Ask at the pharmacy counter for the consultation room.",
        "Boots Piccadilly",
        "32 Market Street, Manchester, M1 1PL",
        URL,
        "In danger? Call 999",
        "press 55",
    ):
        assert phrase in text


@pytest.mark.parametrize(
    ("codewords", "named", "not_named"),
    [
        ([], [], ["Ask for ANI", "Ask for Angela"]),
        (["ask_for_ani"], ["Ask for ANI"], ["Ask for Angela"]),
        (["ask_for_angela"], ["Ask for Angela"], ["Ask for ANI"]),
        (["ask_for_ani", "ask_for_angela"], ["Ask for ANI", "Ask for Angela"], []),
    ],
)
def test_the_sticker_names_only_the_codeword_schemes_the_business_joined(
    codewords, named, not_named
):
    text = " ".join(text_of(window_sticker_pdf(a_space(codewords=codewords), URL)).split())
    for name in named:
        assert name in text
    for name in not_named:
        assert name not in text


def test_a_sticker_without_how_to_ask_says_ask_any_member_of_staff():
    text = " ".join(text_of(window_sticker_pdf(a_space(how_to_ask=None), URL)).split())
    assert "Ask any member of staff" in text


def test_a_sticker_for_a_listing_awaiting_approval_says_its_code_works_after_approval():
    text = " ".join(text_of(window_sticker_pdf(a_space(status="pending"), URL)).split())
    assert "works once a moderator has approved the listing" in text


def test_the_staff_card_has_the_name_how_to_ask_codewords_and_every_helpline(card):
    text = " ".join(text_of(card).split())
    for phrase in (
        "Boots Piccadilly",
        "Ask at the pharmacy counter for the consultation room.",
        "999",
        "press 55",
        "Silent Solution",
        "not joined a codeword scheme",
        "Call 101",
        "usage log",
        "names",
        "Phone charging, First aid, A quiet private room",
        *HELPLINE_NUMBERS,
    ):
        assert phrase in text, phrase


def test_the_demo_note_appears_only_for_demo_premises(sticker, card, long_demo):
    assert DEMO_NOTE not in text_of(sticker)
    assert DEMO_NOTE not in text_of(card)
    assert DEMO_NOTE in text_of(long_demo["sticker"])
    assert DEMO_NOTE in text_of(long_demo["card"])


def test_html_emoji_and_welsh_or_polish_letters_print_as_literal_text(hostile):
    sticker_text = text_of(hostile["sticker"])
    card_text = " ".join(text_of(hostile["card"]).split())
    for text in (sticker_text, card_text):
        assert "<script>alert(1)</script>" in text
        assert "Ŵyn & Łódź" in text
        assert "“Caffi” ŷ" in text
        assert "🏳" not in text  # no glyph in the font: dropped, never a blank box
    assert "<b>Ask</b> at the till — diolch ŵ" in card_text


def test_without_the_unicode_font_text_falls_back_to_close_latin_1(monkeypatch):
    monkeypatch.setattr(printing, "_font_dir", lambda: None)
    space = a_space(name=HOSTILE_NAME, demo=True)
    for pdf in (window_sticker_pdf(space, URL), staff_card_pdf(space, URL)):
        text = " ".join(text_of(pdf).split())
        assert len(read(pdf).pages) == 1
        assert "<script>alert(1)</script> Siop Wyn & Lódz" in text
        assert '"Caffi" y' in text
        assert DEMO_NOTE in text


def test_printable_text_replaces_what_a_font_cannot_show():
    latin1 = printing._LATIN1
    assert printing._printable("Łódź “x” — ok…", latin1) == 'Lódz "x" - ok...'
    assert printing._printable("Caffi 😀\u200d ŵ\x00\nend", latin1) == "Caffi w end"
    assert printing._printable("漢字", latin1) == "??"
    assert printing._printable(None, latin1) == ""


def test_a_500_character_name_and_how_to_ask_still_fit_on_one_page_each(long_demo):
    sticker, card = long_demo["sticker"], long_demo["card"]
    assert len(read(sticker).pages) == 1
    assert len(read(card).pages) == 1
    assert "Siop Gymunedol" in text_of(sticker)
    assert "…" in text_of(card)  # cut short rather than run off the page
    codes = zxingcpp.read_barcodes(read(sticker).pages[0].images[0].image)
    assert [code.text for code in codes] == [LONG_URL]


def test_the_same_premises_give_the_same_bytes(sticker):
    assert window_sticker_pdf(a_space(), URL) == sticker


def test_missing_optional_fields_still_print():
    text = text_of(staff_card_pdf({"id": 1, "name": "Corner Shop"}, URL))
    assert "Corner Shop" in text
    assert "How people ask here: Ask any member of staff." in text


def test_an_empty_public_url_is_refused():
    with pytest.raises(ValueError):
        window_sticker_pdf(a_space(), " ")


def test_the_staff_card_explains_only_the_codeword_schemes_joined_as_its_own():
    card = " ".join(text_of(staff_card_pdf(a_space(codewords=["ask_for_ani"]), URL)).split())
    assert "We have joined: “Ask for ANI” (Action Needed Immediately)" in card
    assert "We have joined: “Ask for Angela”" not in card
    assert "codeword of a scheme we have not joined" in card


def test_an_internal_safe_spaces_staff_card_names_no_public_page():
    card = " ".join(text_of(staff_card_pdf(a_space(scheme="internal"), URL)).split())
    assert "Our public page" not in card and URL not in card
    assert "Training pack for staff" in card
