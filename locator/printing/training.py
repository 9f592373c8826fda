"""The staff training pack as a printable A4 PDF, laid out from locator.domain.training.

The page at /training shows the same content (one text, two layouts). Fonts, character
handling and the fixed creation date are those of the sticker and the staff card (pdfs.py).
"""

from __future__ import annotations

import functools

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from locator.domain import training as pack
from locator.printing.pdfs import (
    _BLACK,
    _CORE_FONT,
    _FIXED_DATE,
    _FONT,
    _FONT_FILES,
    _GREEN,
    _GREY,
    _LATIN1,
    _LINE,
    _PT,
    _RED,
    _WHITE,
    _font_dir,
    _printable,
    _ttf_charset,
)

__all__ = ["A4_MM", "training_pack_pdf"]

A4_MM = (210.0, 297.0)
_MARGIN = 18.0
_FOOT = 12.0  # room kept at the bottom of each page for the footer
_BODY = 10.5
_INDENT = 6.0
_PALE_RED = (253, 236, 238)


class _Pack(FPDF):
    """An A4 document whose pages all end with the title, the 999 line and the page number."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format=A4_MM)
        folder = _font_dir()
        if folder is not None:
            for style, name in _FONT_FILES.items():
                self.add_font(_FONT, style, folder / name)
            self.family, self.charset = _FONT, _ttf_charset(folder)
        else:
            self.family, self.charset = _CORE_FONT, _LATIN1
        self.set_creation_date(_FIXED_DATE)
        self.set_producer("Safe Spaces Locator")
        self.set_creator("Safe Spaces Locator")
        self.set_title(pack.TITLE)
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, _MARGIN + _FOOT)
        self.c_margin = 0

    def text_of(self, value: str) -> str:
        return _printable(value, self.charset)

    def use(self, size: float, bold: bool = False, colour=_BLACK) -> float:
        """Set the font and colour; return the line height in mm."""
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*colour)
        return size * _PT * _LINE

    def footer(self) -> None:
        self.set_y(-(_MARGIN + _FOOT) + 6)
        self.set_draw_color(*_GREY)
        self.line(_MARGIN, self.get_y(), self.w - _MARGIN, self.get_y())
        self.ln(1.5)
        line_h = self.use(8, colour=_GREY)
        self.cell(self.epw / 2, line_h, self.text_of(pack.TITLE + " \u00b7 In danger? Call 999"))
        self.cell(self.epw / 2, line_h, f"Page {self.page_no()} of {{nb}}", align="R")

    @property
    def room(self) -> float:
        """Millimetres left above the footer on this page."""
        return self.page_break_trigger - self.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm fit on this one."""
        if self.room < height:
            self.add_page()

    def para(self, text: str, size: float = _BODY, bold: bool = False, colour=_BLACK) -> None:
        line_h = self.use(size, bold, colour)
        self.set_x(self.l_margin)
        self.multi_cell(
            0, line_h, self.text_of(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(1.5)

    def item(self, marker: str, text: str, colour=_BLACK, lead: str = "") -> None:
        """One list item with a hanging indent, starting with `lead` in bold when given."""
        line_h = self.use(_BODY, bold=True, colour=colour)
        self.keep(line_h * 2)
        self.set_x(self.l_margin + 1)
        self.cell(_INDENT - 1, line_h, self.text_of(marker))
        self.use(_BODY)
        self.multi_cell(
            self.epw - _INDENT,
            line_h,
            # Our own lead words are the only markup: the rest never holds ** or __.
            f"**{self.text_of(lead)}** {self.text_of(text)}" if lead else self.text_of(text),
            align="L",
            markdown=bool(lead),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(0.8)

    def checklist(self, checklist: pack.Checklist) -> None:
        if checklist.label:
            colour = _RED if checklist.warning else _GREEN
            self.keep(15)
            self.para(checklist.label, size=_BODY + 0.5, bold=True, colour=colour)
            self.ln(-1)
        for number, text in enumerate(checklist.items, 1):
            self.item(f"{number}." if checklist.numbered else "\u2022", text)
        self.ln(1)


def _heading_band(doc: _Pack, text: str, size: float) -> None:
    """A green band across the text width with the heading in white."""
    line_h = size * _PT * _LINE
    doc.keep(line_h + 4 + 30)  # a heading never ends a page on its own
    if doc.get_y() > doc.t_margin + 1:
        doc.ln(5)
    doc.set_fill_color(*_GREEN)
    doc.set_x(doc.l_margin)
    doc.use(size, bold=True, colour=_WHITE)
    doc.cell(
        0,
        line_h + 4,
        "  " + doc.text_of(text),
        fill=True,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    doc.ln(2.5)


def _numbers_box(doc: _Pack) -> None:
    """The numbers to know, in a red-edged box."""
    line_h = doc.use(_BODY)
    number_w = 36.0
    heights = []
    for _number, when in pack.NUMBERS:
        lines = doc.multi_cell(
            doc.epw - number_w - 8, line_h, doc.text_of(when), dry_run=True, output="LINES"
        )
        heights.append(len(lines) * line_h + 1.5)
    title_h = doc.use(13, bold=True) + 2
    box_h = title_h + sum(heights) + 5
    doc.keep(box_h + 2)
    top = doc.get_y()
    doc.set_fill_color(*_PALE_RED)
    doc.set_draw_color(*_RED)
    doc.set_line_width(0.8)
    doc.rect(doc.l_margin, top, doc.epw, box_h, style="DF")
    doc.set_line_width(0.2)
    doc.set_xy(doc.l_margin + 4, top + 3)
    doc.use(13, bold=True, colour=_RED)
    doc.cell(0, title_h - 2, pack.NUMBERS_HEADING, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.ln(1)
    for (number, when), height in zip(pack.NUMBERS, heights, strict=True):
        y = doc.get_y()
        doc.set_xy(doc.l_margin + 4, y)
        doc.use(_BODY + 1, bold=True, colour=_RED)
        doc.cell(number_w, line_h, doc.text_of(number))
        doc.use(_BODY)
        doc.multi_cell(doc.epw - number_w - 8, line_h, doc.text_of(when), align="L")
        doc.set_y(y + height)
    doc.set_y(top + box_h + 4)


def _fill_in(doc: _Pack) -> None:
    """Lines to write on: who to call in this shop."""
    line_h = doc.use(_BODY)
    doc.keep(len(pack.FILL_IN) * (line_h + 5) + 12)
    doc.para(pack.FILL_IN_INTRO, bold=True)
    label_w = 72.0
    doc.set_draw_color(*_GREY)
    for label in pack.FILL_IN:
        doc.set_x(doc.l_margin)
        doc.use(_BODY)
        doc.cell(label_w, line_h + 4, doc.text_of(label + ":"))
        base = doc.get_y() + line_h + 3
        doc.line(doc.l_margin + label_w, base, doc.w - doc.r_margin, base)
        doc.ln(line_h + 5)
    doc.ln(2)


def _scenario(doc: _Pack, number: int, scenario: pack.Scenario) -> None:
    """One scenario, kept on one page, with a green rule down its left side."""
    line_h = doc.use(_BODY)
    width = doc.epw - 4 - _INDENT
    lines = 0
    for text, text_w in [(scenario.situation, doc.epw - 4)] + [(s, width) for s in scenario.steps]:
        lines += len(
            doc.multi_cell(text_w, line_h, doc.text_of(text), dry_run=True, output="LINES")
        )
    doc.keep(line_h * (lines + 2) + 12)
    top = doc.get_y()
    doc.set_left_margin(_MARGIN + 4)
    doc.para(f"Scenario {number}: {scenario.title}", size=_BODY + 1, bold=True)
    doc.para(scenario.situation)
    doc.ln(-0.5)
    doc.para(pack.STEPS_HEADING, bold=True, colour=_GREEN)
    doc.ln(-1)
    for step_number, step in enumerate(scenario.steps, 1):
        doc.item(f"{step_number}.", step)
    doc.set_left_margin(_MARGIN)
    doc.set_fill_color(*_GREEN)
    doc.rect(_MARGIN, top, 1.5, doc.get_y() - top, style="F")
    doc.ln(4)


@functools.lru_cache(maxsize=4)  # one address or a few: building it takes a quarter second
def training_pack_pdf(page_url: str) -> bytes:
    """Return the staff training pack as an A4 PDF; `page_url` is where the same pack is online."""
    doc = _Pack()
    doc.add_page()

    # Title band, bleeding to the page edges.
    doc.set_fill_color(*_GREEN)
    doc.rect(0, 0, doc.w, 36, style="F")
    doc.set_y(10)
    doc.use(22, bold=True, colour=_WHITE)
    doc.cell(0, 11, doc.text_of(pack.TITLE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.use(11, colour=_WHITE)
    doc.cell(0, 7, doc.text_of(pack.SUBTITLE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_y(44)

    for paragraph in pack.INTRO:
        doc.para(paragraph)
    doc.ln(1)
    _numbers_box(doc)

    doc.para(pack.STAGES_HEADING, size=13, bold=True, colour=_GREEN)
    for stage in pack.STAGES:
        doc.item(f"{stage.number}.", stage.summary, lead=stage.title + ":")
    doc.ln(2)
    _fill_in(doc)

    doc.add_page()
    for stage in pack.STAGES:
        # Stages follow on, to save paper; each starts on a new page only near the bottom.
        doc.keep(80)
        _heading_band(doc, stage.heading, 16)
        doc.para(stage.summary, size=_BODY + 0.5, colour=_GREY)
        for topic in stage.topics:
            doc.ln(1)
            doc.keep(25)
            doc.para(topic.heading, size=12.5, bold=True, colour=_GREEN)
            doc.ln(-0.5)
            for paragraph in topic.text:
                doc.para(paragraph)
            for checklist in topic.lists:
                doc.checklist(checklist)

    doc.keep(80)
    _heading_band(doc, pack.SCENARIOS_HEADING, 16)
    doc.para(pack.SCENARIOS_INTRO, size=_BODY + 0.5, colour=_GREY)
    for number, scenario in enumerate(pack.SCENARIOS, 1):
        _scenario(doc, number, scenario)

    doc.ln(2)
    doc.keep(40)
    doc.para(pack.SOURCE_HEADING, size=12.5, bold=True, colour=_GREEN)
    doc.para(pack.CREDIT)
    doc.para("The guidance: " + pack.SOURCE.url, colour=_GREY)
    doc.para("This pack online: " + page_url.strip(), colour=_GREY)
    return bytes(doc.output())
