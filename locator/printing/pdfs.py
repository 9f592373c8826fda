"""Printable PDFs for a safe space's premises: a window sticker and a staff quick-reference card.

Domain code only (no Flask): each function takes a space as a mapping shaped like the API's
feature properties (``id, name, organisation, address, postcode, how_to_ask, phone,
facilities, demo``) and the public URL of its page, and returns the bytes of a one-page PDF
(``window_stickers_pdf`` takes many, for a page each).

Text and characters. Everything the business wrote (name, address, how to ask) is printed as
literal text: nothing is interpreted as markup. The PDFs embed DejaVu Sans, a Unicode TrueType
font shipped in ``locator/data/fonts`` with its licence, so Welsh (ŵ, ŷ),
Polish (ł), curly quotes and dashes print as written. A character that the font has no glyph
for is never left to print as an empty box: it becomes a close equivalent when one exists
(accents stripped, typographic punctuation made plain), symbols such as emoji are dropped,
and anything else becomes ``?``. Control characters are removed and runs of white space
become one space. If the font files cannot be found, the PDFs fall back to the built-in
Helvetica with the same rules applied for Latin-1, so the functions still never crash on text.

Long text never runs off the page: each block of business text has a fixed box; the text
shrinks to fit it, down to a minimum size, and is then cut short with an ellipsis.

The PDFs are deterministic: the creation date is fixed, so the same input gives the same
bytes.
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from locator.config import DATA_DIR
from locator.domain.helplines import STAFF_CARD, STAFF_CARD_CONTACTS
from locator.domain.vocabulary import CODEWORDS, FACILITIES

__all__ = ["A5_MM", "CARD_MM", "staff_card_pdf", "window_sticker_pdf", "window_stickers_pdf"]

A5_MM = (148.0, 210.0)
CARD_MM = A5_MM  # the staff card is A5 too: A6 would need type too small to read at a glance

_MARGIN = 10.0
_PT = 25.4 / 72  # millimetres in a point
_LINE = 1.25  # line height as a multiple of the font size
_FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
_MAX_INPUT = 2000  # characters of business text considered at all

# Colours (RGB): dark green for the scheme, red for emergencies, amber for the demo warning.
_GREEN = (20, 90, 50)
_RED = (176, 0, 32)
_AMBER = (255, 214, 0)
_BLACK = (0, 0, 0)
_WHITE = (255, 255, 255)
_GREY = (70, 70, 70)

_FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_CORE_FONT = "Helvetica"

_DEMO_NOTE = "Not a real safe space: demo data"

# Plain replacements for characters a font may lack (used only when the font lacks them).
_PLAIN = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "*",
    "\u20ac": "EUR",
    "\u0141": "L",
    "\u0142": "l",
    "\u00d8": "O",
    "\u00f8": "o",
    "\u0110": "D",
    "\u0111": "d",
    "\u00df": "ss",
    "\u00c6": "AE",
    "\u00e6": "ae",
    "\u0152": "OE",
    "\u0153": "oe",
    "\u2122": "TM",
    "\u00a9": "(c)",
    "\u00ae": "(R)",
}

# The numbers come from the one helpline table the chat uses too.
HELPLINES: tuple[tuple[str, str], ...] = tuple((label, line.phone) for label, line in STAFF_CARD)


# ---------------------------------------------------------------------------------------------
# Fonts and characters


@functools.cache
def _font_dir() -> Path | None:
    """Return the folder of the shipped DejaVu TTFs, or None when a file is missing."""
    folder = DATA_DIR / "fonts"
    if all((folder / name).is_file() for name in _FONT_FILES.values()):
        return folder
    return None


@functools.cache
def _ttf_charset(folder: Path) -> frozenset[int]:
    """Code points that every embedded style (regular and bold) has a glyph for."""
    from fontTools.ttLib import TTFont  # fpdf2 depends on fontTools

    sets = []
    for name in _FONT_FILES.values():
        with TTFont(folder / name, lazy=True) as font:
            sets.append(frozenset(font.getBestCmap()))
    return frozenset.intersection(*sets)


_LATIN1 = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))


def _printable(value: object, charset: frozenset[int]) -> str:
    """Return `value` as one line of literal text that the font can show (see module doc)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)[:_MAX_INPUT])
    out: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isspace():
            out.append(" ")
        elif 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF:
            continue  # variation selectors (e.g. after an emoji): invisible on their own
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # control, format (e.g. zero-width joiner), surrogate, private, unassigned
        elif ord(ch) in charset:
            out.append(ch)
        elif category.startswith("M"):
            continue  # a combining mark or variation selector the font cannot draw
        else:
            out.append(_substitute(ch, category, charset))
    return " ".join("".join(out).split())


def _substitute(ch: str, category: str, charset: frozenset[int]) -> str:
    """A close equivalent of `ch` made only of characters in `charset`."""
    candidates = [_PLAIN.get(ch, "")]
    decomposed = unicodedata.normalize("NFKD", ch)
    candidates.append("".join(c for c in decomposed if not unicodedata.category(c).startswith("M")))
    for candidate in candidates:
        if candidate and all(ord(c) in charset for c in candidate):
            return candidate
    if category.startswith("S"):
        return ""  # emoji and other pictographs: dropped rather than shown as '?'
    return "?"


# ---------------------------------------------------------------------------------------------
# Document helpers


class _Doc:
    """One page of one PDF, with the font set up and text helpers that never overflow."""

    def __init__(self, size_mm: tuple[float, float], title: str) -> None:
        pdf = FPDF(orientation="P", unit="mm", format=size_mm)
        pdf.set_creation_date(_FIXED_DATE)
        pdf.set_producer("Safe Spaces Locator")
        pdf.set_creator("Safe Spaces Locator")
        pdf.set_title(title)
        pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
        pdf.set_auto_page_break(False)
        pdf.c_margin = 0
        folder = _font_dir()
        if folder is not None:
            for style, name in _FONT_FILES.items():
                pdf.add_font(_FONT, style, folder / name)
            self.family = _FONT
            self.charset = _ttf_charset(folder)
        else:
            self.family = _CORE_FONT
            self.charset = _LATIN1
        pdf.add_page()
        self.pdf = pdf
        self.width = pdf.w - 2 * _MARGIN
        self.bottom = pdf.h - _MARGIN

    def text(self, value: object) -> str:
        return _printable(value, self.charset)

    def font(self, size: float, bold: bool = False) -> float:
        """Set the font; return the line height in mm."""
        self.pdf.set_font(self.family, "B" if bold else "", size)
        return size * _PT * _LINE

    def fit(
        self,
        text: str,
        *,
        max_h: float,
        size: float,
        min_size: float,
        bold: bool = False,
        width: float | None = None,
    ) -> tuple[float, list[str]]:
        """Largest size (down to min_size) at which `text` wraps into `max_h`; the lines.

        At min_size, lines that do not fit are cut and the last kept one ends with an ellipsis.
        """
        width = width or self.width
        text = self.text(text)
        sizes = [size - 0.5 * i for i in range(int((size - min_size) / 0.5) + 1)] or [size]

        def attempt(index: int) -> tuple[bool, float, list[str]]:
            line_h = self.font(sizes[index], bold)
            lines = self._wrap(text, width)
            return len(lines) * line_h <= max_h + 1e-6, line_h, lines

        # The largest size first (short text), then the smallest (long text), then a binary
        # search for the largest size whose wrapped text fits.
        fits, line_h, lines = attempt(0)
        if fits:
            return sizes[0], lines
        fits, line_h, lines = attempt(len(sizes) - 1)
        if fits:
            best = (sizes[-1], lines)
            low, high = 1, len(sizes) - 2
            while low <= high:
                mid = (low + high) // 2
                fits, _, mid_lines = attempt(mid)
                if fits:
                    best, high = (sizes[mid], mid_lines), mid - 1
                else:
                    low = mid + 1
            self.font(best[0], bold)
            return best
        max_lines = max(1, int((max_h + 1e-6) // line_h))
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self._ellipsize(lines[-1], width)
        return sizes[-1], lines

    def _wrap(self, text: str, width: float) -> list[str]:
        if not text:
            return []
        return list(self.pdf.multi_cell(width, 5, text, dry_run=True, output="LINES"))

    def _ellipsize(self, line: str, width: float) -> str:
        dots = "\u2026" if ord("\u2026") in self.charset else "..."
        line = line.rstrip()
        while line and self.pdf.get_string_width(line + dots) > width:
            line = line[:-1].rstrip()
        return line + dots

    def lines(
        self,
        lines: list[str],
        size: float,
        *,
        bold: bool = False,
        align: str = "C",
        colour: tuple[int, int, int] = _BLACK,
        x: float | None = None,
        width: float | None = None,
    ) -> float:
        """Draw already-wrapped lines from the current y; return the height used."""
        line_h = self.font(size, bold)
        self.pdf.set_text_color(*colour)
        x = _MARGIN if x is None else x
        width = width or self.width
        for line in lines:
            self.pdf.set_x(x)
            self.pdf.cell(
                width, line_h, self.text(line), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        return len(lines) * line_h

    def block(
        self,
        text: str,
        *,
        max_h: float,
        size: float,
        min_size: float,
        bold: bool = False,
        align: str = "C",
        colour: tuple[int, int, int] = _BLACK,
        x: float | None = None,
        width: float | None = None,
    ) -> float:
        """Fit `text` into a box of at most `max_h` and draw it; return the height used."""
        size, lines = self.fit(
            text, max_h=max_h, size=size, min_size=min_size, bold=bold, width=width
        )
        return self.lines(lines, size, bold=bold, align=align, colour=colour, x=x, width=width)

    def band(self, y: float, h: float, colour: tuple[int, int, int]) -> None:
        """A full-width coloured band (bleeds to the page edges)."""
        self.pdf.set_fill_color(*colour)
        self.pdf.rect(0, y, self.pdf.w, h, style="F")

    def demo_note(self) -> None:
        """The amber 'not a real safe space' box at the current y."""
        pdf = self.pdf
        line_h = self.font(12, bold=True)
        pdf.set_fill_color(*_AMBER)
        pdf.set_draw_color(*_BLACK)
        pdf.set_text_color(*_BLACK)
        pdf.set_x(_MARGIN)
        pdf.cell(
            self.width,
            line_h + 3,
            self.text(_DEMO_NOTE),
            border=1,
            align="C",
            fill=True,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(2)

    def output(self) -> bytes:
        return bytes(self.pdf.output())  # also closes the font files

    def discard(self) -> None:
        """Close the font files of a document that will not be output."""
        for font in self.pdf.fonts.values():
            close = getattr(font, "close", None)
            if close is not None:
                close()


def _qr_png(public_url: str, size_mm: float) -> io.BytesIO:
    """A QR code for `public_url` (error correction M or better, 4-module quiet zone) as PNG,
    with enough pixels per module to print sharply at `size_mm` (about 300 dpi)."""
    qr = segno.make(public_url, error="m", micro=False, boost_error=True)
    modules = qr.symbol_size(scale=1, border=4)[0]
    scale = max(4, math.ceil(size_mm / 25.4 * 300 / modules))
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=4, dark="black", light="white")
    buffer.seek(0)
    return buffer


def _check_url(public_url: str) -> str:
    if not isinstance(public_url, str) or not public_url.strip():
        raise ValueError("public_url must be a non-empty string")
    return public_url.strip()


def _is_demo(space: Mapping) -> bool:
    return space.get("demo") is True or str(space.get("demo")).lower() in ("1", "true")


# ---------------------------------------------------------------------------------------------
# The window sticker


def window_sticker_pdf(space: Mapping, public_url: str) -> bytes:
    """Return an A5 portrait window sticker: 'Safe Space', how to ask in the business's own
    words (space['how_to_ask'], else 'Ask any member of staff'), the premises name, a QR code
    (segno) that opens `public_url`, the URL in text, the codeword schemes the business joined
    (space['codewords']) and no others, 'In danger? Call 999', 'Not a real safe space: demo
    data' when space['demo'] is true, and that the QR code works after approval while
    space['status'] is pending."""
    return window_stickers_pdf([(space, public_url)])


def window_stickers_pdf(stickers: Sequence[tuple[Mapping, str]]) -> bytes:
    """Return one PDF with a page per (space, public_url): each the window_sticker_pdf sticker.

    One file for a whole estate prints in one go, and holds the font once, not once a store.
    """
    if not stickers:
        raise ValueError("stickers must name at least one space")
    checked = [(space, _check_url(public_url)) for space, public_url in stickers]
    title = "Safe Space window sticker" + ("s" if len(checked) > 1 else "")
    doc = _Doc(A5_MM, title)
    for number, (space, public_url) in enumerate(checked):
        if number:
            doc.pdf.add_page()
        _sticker_page(doc, space, public_url)
    return doc.output()


def _sticker_page(doc: _Doc, space: Mapping, public_url: str) -> None:
    """Draw one window sticker on the document's current page."""
    pdf = doc.pdf
    demo = _is_demo(space)

    # Top, flowing down.
    pdf.set_y(_MARGIN)
    if demo:
        doc.demo_note()
    band_top = pdf.get_y()
    doc.band(band_top, 30, _GREEN)
    pdf.set_y(band_top + 3)
    doc.block("Safe Space", max_h=16, size=44, min_size=30, bold=True, colour=_WHITE)
    how = doc.text(space.get("how_to_ask")) or "Ask any member of staff"
    doc.block(how, max_h=9, size=18, min_size=9, colour=_WHITE)
    pdf.set_y(band_top + 30 + 4)
    doc.block(doc.text(space.get("name")), max_h=22, size=24, min_size=9, bold=True)
    place = ", ".join(
        part for part in (doc.text(space.get("address")), doc.text(space.get("postcode"))) if part
    )
    if place:
        pdf.ln(1)
        doc.block(place, max_h=9, size=11, min_size=7, colour=_GREY)
    top_end = pdf.get_y() + 3

    # Bottom, built upwards: the 999 band, the codewords, the URL, the label over the URL.
    band_h = 26.0
    band_y = pdf.h - band_h
    joined = [CODEWORDS[code] for code in CODEWORDS if code in (space.get("codewords") or ())]
    # A codeword only where the business joined its scheme and trained for it.
    codeword_text = (
        "You can also say " + " or ".join(f"\u201c{name}\u201d" for name in joined) + "."
        if joined
        else ""
    )
    code_size, code_lines = (
        doc.fit(codeword_text, max_h=10, size=11, min_size=8) if joined else (11, [])
    )
    code_h = len(code_lines) * code_size * _PT * _LINE
    code_y = band_y - 4 - code_h
    url_size, url_lines = doc.fit(doc.text(public_url), max_h=10, size=10, min_size=6)
    url_h = len(url_lines) * url_size * _PT * _LINE
    url_y = code_y - 2 - url_h
    label = (
        "This code works once a moderator has approved the listing:"
        if space.get("status") == "pending"
        else "Scan for opening hours, what is here and directions:"
    )
    label_size, label_lines = doc.fit(label, max_h=5, size=10, min_size=7, bold=True)
    label_h = len(label_lines) * label_size * _PT * _LINE
    label_y = url_y - label_h

    # The QR code takes the space left between, up to 70 mm.
    qr_mm = max(30.0, min(70.0, label_y - 2 - top_end))
    qr_y = top_end + max(0.0, (label_y - 2 - top_end - qr_mm) / 2)
    pdf.image(
        _qr_png(public_url, qr_mm),
        x=(pdf.w - qr_mm) / 2,
        y=qr_y,
        w=qr_mm,
        h=qr_mm,
        alt_text="QR code: " + doc.text(public_url),
    )

    pdf.set_y(label_y)
    doc.lines(label_lines, label_size, bold=True)
    pdf.set_y(url_y)
    doc.lines(url_lines, url_size, colour=_GREY)
    pdf.set_y(code_y)
    doc.lines(code_lines, code_size)

    doc.band(band_y, band_h, _RED)
    pdf.set_y(band_y + 3)
    doc.block("In danger? Call 999", max_h=13, size=30, min_size=20, bold=True, colour=_WHITE)
    doc.block(
        "Can\u2019t speak? Call 999 from a mobile, then press 55.",
        max_h=6,
        size=12,
        min_size=8,
        colour=_WHITE,
    )


# ---------------------------------------------------------------------------------------------
# The staff card

_STEPS = (
    "Welcome them calmly and believe them. You don\u2019t need to know why they are here.",
    "Safety first: tell a colleague and stay where others can see you. If you feel unsafe, "
    "step back and get your manager.",
    "Take them to the safe space, away from the door and windows.",
    "Ask what they need. Don\u2019t press them for details.",
    "Let them charge their phone or use a phone. Give first aid only if you are trained to.",
    # The training pack's exit strategy: a short stay, handed over safely, closing time too.
    "Agree early how they will leave safely: someone they trust, a taxi, or the police (101) "
    "or an agency taking over before you close. Don\u2019t tell anyone who asks whether they "
    "are here.",
)
_CALL_999 = (
    "Call 999 if someone is in immediate danger, someone is hurt, or someone has followed "
    "them in or is waiting outside."
)
_CALL_101 = "Call 101 when it is not an emergency, or to report something afterwards."
_SILENT = (
    "Silent Solution: if they (or you) can\u2019t speak, call 999 from a mobile and press 55 "
    "when asked. From a landline, just stay on the line."
)
_ANI = (
    "\u201cAsk for ANI\u201d (Action Needed Immediately), mostly in pharmacies: the Home "
    "Office scheme for people facing domestic abuse. Offer a private space and a phone; help "
    "them call 999 or a helpline."
)
_ANGELA = (
    "\u201cAsk for Angela\u201d, in bars and venues: someone feels unsafe on a date or a night "
    "out. Help them discreetly: call them a taxi, or help them leave safely."
)
_CODEWORDS = {"ask_for_ani": _ANI, "ask_for_angela": _ANGELA}
_NO_CODEWORDS = (
    "We have not joined a codeword scheme (such as \u201cAsk for ANI\u201d or \u201cAsk for "
    "Angela\u201d). If someone uses a codeword, treat it as a request for help."
)
_OTHER_CODEWORDS = (
    "Someone may use the codeword of a scheme we have not joined: treat it as a request for help."
)
_AFTER = (
    "Afterwards: with their permission, record the visit in the usage log (date, part of "
    "day, help given). Never write names or descriptions. Tell your manager if it upset you."
)
_DESIGNATED = "Our designated person:"


def staff_card_pdf(space: Mapping, public_url: str) -> bytes:
    """Return an A5 portrait staff quick-reference card (see `CARD_MM`): what to do when
    someone asks for the safe space, when to call 999 or 101, the Silent Solution (55), the
    codeword schemes the business joined (space['codewords']), helpline numbers, up to
    `STAFF_CARD_CONTACTS` local contacts of its district (space['local_contacts']) and the usage
    log, with
    the premises name, how people ask there, a line to write the designated person on, and
    where the training pack is (see `training_url`)."""
    public_url = _check_url(public_url)
    # The fixed text fits at the first size; the smaller ones are a safety net.
    body, smallest = 9.5, 6.5
    doc = _staff_card(space, public_url, body)
    while doc.pdf.get_y() > doc.bottom + 1e-6 and body > smallest:
        # Too long (long business text): shrink the body text in proportion and try again.
        ratio = (doc.bottom - _MARGIN) / (doc.pdf.get_y() - _MARGIN)
        body = max(smallest, min(body - 0.5, math.floor(body * ratio * 2) / 2))
        doc.discard()
        doc = _staff_card(space, public_url, body)
    return doc.output()


def _staff_card(space: Mapping, public_url: str, body: float) -> _Doc:
    doc = _Doc(CARD_MM, "Safe Space staff quick-reference card")
    pdf = doc.pdf
    pdf.set_y(_MARGIN)
    if _is_demo(space):
        doc.demo_note()

    band_top = pdf.get_y()
    doc.band(band_top, 10, _GREEN)
    pdf.set_y(band_top + 2)
    doc.block(
        "Safe Space \u2014 staff quick reference",
        max_h=7,
        size=15,
        min_size=10,
        bold=True,
        colour=_WHITE,
    )
    pdf.set_y(band_top + 12)
    doc.block(doc.text(space.get("name")), max_h=11, size=14, min_size=8, bold=True)
    how = doc.text(space.get("how_to_ask")) or "Ask any member of staff."
    doc.block("How people ask here: " + how, max_h=11, size=body, min_size=6, align="L")
    _write_on_line(doc, _DESIGNATED, body)

    def heading(text: str, colour: tuple[int, int, int] = _GREEN) -> None:
        pdf.ln(1.2)
        doc.lines([text], body + 1.5, bold=True, align="L", colour=colour)

    def paragraph(text: str, bullet: str = "") -> None:
        indent = 4.0 if bullet else 0.0
        size, lines = doc.fit(text, max_h=30, size=body, min_size=body, width=doc.width - indent)
        if bullet:
            doc.font(size, bold=True)
            pdf.set_text_color(*_BLACK)
            pdf.set_x(_MARGIN)
            pdf.cell(indent, size * _PT * _LINE, doc.text(bullet))
        doc.lines(lines, size, align="L", x=_MARGIN + indent, width=doc.width - indent)

    heading("When someone asks for the safe space")
    for number, step in enumerate(_STEPS, 1):
        paragraph(step, f"{number}.")

    heading("Emergencies", _RED)
    paragraph(_CALL_999, "\u2022")
    paragraph(_CALL_101, "\u2022")
    paragraph(_SILENT, "\u2022")

    heading("Codewords")
    # Only the schemes this business joined (and trained for) are explained as its own.
    joined = [code for code in _CODEWORDS if code in (space.get("codewords") or ())]
    for code in joined:
        paragraph("We have joined: " + _CODEWORDS[code], "\u2022")
    paragraph(_OTHER_CODEWORDS if joined else _NO_CODEWORDS, "\u2022")

    heading("Helplines")
    line_h = doc.font(body)
    number_w = 28.0
    for label, number in HELPLINES:
        pdf.set_x(_MARGIN)
        doc.font(body)
        pdf.set_text_color(*_BLACK)
        pdf.cell(doc.width - number_w, line_h, doc.text(label))
        doc.font(body, bold=True)
        pdf.cell(number_w, line_h, number, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    local = contact_lines(list(space.get("local_contacts") or ()))
    if local:
        heading("Local contacts")
        for line in local:
            paragraph(line, "\u2022")

    facilities = [
        FACILITIES[code] for code in (space.get("facilities") or []) if code in FACILITIES
    ]
    if facilities:
        pdf.ln(1.2)
        doc.block(
            "We offer: " + ", ".join(facilities) + ".",
            max_h=8,
            size=body,
            min_size=6,
            align="L",
        )

    pdf.ln(1.2)
    doc.block(_AFTER, max_h=10, size=body, min_size=6, bold=True, align="L")
    if space.get("scheme") != "internal":  # an Internal safe space has no public page
        doc.block(
            "Our public page: " + doc.text(public_url),
            max_h=6,
            size=body - 1,
            min_size=5,
            align="L",
            colour=_GREY,
        )
    doc.block(
        "Training pack for staff: " + doc.text(training_url(public_url)),
        max_h=6,
        size=body - 1,
        min_size=5,
        align="L",
        colour=_GREY,
    )
    return doc


def contact_lines(contacts: Sequence[Mapping]) -> list[str]:
    """Return the card's lines for local contacts: name, phone and topics of the first few."""
    lines = []
    for contact in contacts[:STAFF_CARD_CONTACTS]:
        topics = ", ".join(contact.get("topic_labels") or contact.get("topics") or ())
        line = f"{contact.get('name')}: {contact.get('phone')}"
        lines.append(line + (f" ({topics})" if topics else ""))
    if len(contacts) > STAFF_CARD_CONTACTS:
        lines.append(f"{len(contacts) - STAFF_CARD_CONTACTS} more on your manage page.")
    return lines


def _write_on_line(doc: _Doc, label: str, size: float) -> None:
    """Print `label` in bold, then a blank line to the right margin to write on by hand."""
    pdf = doc.pdf
    pdf.ln(1)
    line_h = doc.font(size, bold=True)
    pdf.set_text_color(*_BLACK)
    pdf.set_x(_MARGIN)
    label_w = pdf.get_string_width(doc.text(label)) + 2
    pdf.cell(label_w, line_h + 2, doc.text(label))
    base = pdf.get_y() + line_h + 1.5
    pdf.set_draw_color(*_GREY)
    pdf.line(_MARGIN + label_w, base, _MARGIN + doc.width, base)
    pdf.ln(line_h + 2)


def training_url(public_url: str) -> str:
    """Return the training pack's address on the site whose listing page is `public_url`."""
    # Listing pages are <site>/spaces/<id> (web/links.py), so the site is what comes before.
    site, found, _ = public_url.rpartition("/spaces/")
    if not found:
        parts = urlsplit(public_url)
        site = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return site.rstrip("/") + "/training"
