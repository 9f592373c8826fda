"""The staff training pack as a printable A4 PDF, laid out from locator.domain.training.

The page at /training shows the same content (one text, two layouts), in the same language.
Fonts, character handling and the fixed creation date are those of the sticker and the staff
card (pdfs.py); DejaVu Sans draws Welsh letters such as ŵ and ŷ.
"""

from __future__ import annotations

import functools

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from locator.domain import language
from locator.domain import training as training_pack
from locator.domain.language import gettext as _
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

    def __init__(self, pack: training_pack.Pack) -> None:
        super().__init__(orientation="P", unit="mm", format=A4_MM)
        self.pack = pack
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
        self.set_title(pack.title)
        self.set_lang(language.current())
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
        title = self.pack.title + " \u00b7 " + _("In danger? Call 999")
        self.cell(self.epw / 2, line_h, self.text_of(title))
        page = _("Page %(page)s of %(pages)s", page=self.page_no(), pages="{nb}")
        self.cell(self.epw / 2, line_h, self.text_of(page), align="R")

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

    def checklist(self, checklist: training_pack.Checklist) -> None:
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
    for _number, when in doc.pack.numbers:
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
    doc.cell(
        0, title_h - 2, doc.text_of(doc.pack.numbers_heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    doc.ln(1)
    for (number, when), height in zip(doc.pack.numbers, heights, strict=True):
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
    doc.keep(len(doc.pack.fill_in) * (line_h + 5) + 12)
    doc.para(doc.pack.fill_in_intro, bold=True)
    label_w = 72.0
    doc.set_draw_color(*_GREY)
    for label in doc.pack.fill_in:
        doc.set_x(doc.l_margin)
        doc.use(_BODY)
        doc.cell(label_w, line_h + 4, doc.text_of(label + ":"))
        base = doc.get_y() + line_h + 3
        doc.line(doc.l_margin + label_w, base, doc.w - doc.r_margin, base)
        doc.ln(line_h + 5)
    doc.ln(2)


def _scenario(doc: _Pack, number: int, scenario: training_pack.Scenario) -> None:
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
    heading = _("Scenario %(number)s: %(title)s", number=number, title=scenario.title)
    doc.para(heading, size=_BODY + 1, bold=True)
    doc.para(scenario.situation)
    doc.ln(-0.5)
    doc.para(doc.pack.steps_heading, bold=True, colour=_GREEN)
    doc.ln(-1)
    for step_number, step in enumerate(scenario.steps, 1):
        doc.item(f"{step_number}.", step)
    doc.set_left_margin(_MARGIN)
    doc.set_fill_color(*_GREEN)
    doc.rect(_MARGIN, top, 1.5, doc.get_y() - top, style="F")
    doc.ln(4)


@functools.lru_cache(maxsize=4)  # an address or two, in each language: building takes 0.25 s
def training_pack_pdf(page_url: str, in_language: str = language.ENGLISH) -> bytes:
    """Return the staff training pack as an A4 PDF; `page_url` is where the same pack is online."""
    with language.speaking(in_language):
        return _laid_out(training_pack.written(), page_url)


def _laid_out(pack: training_pack.Pack, page_url: str) -> bytes:
    """Lay the pack out in the language being spoken (the footer's words are said as it prints)."""
    doc = _Pack(pack)
    doc.add_page()

    # Title band, bleeding to the page edges.
    doc.set_fill_color(*_GREEN)
    doc.rect(0, 0, doc.w, 36, style="F")
    doc.set_y(10)
    doc.use(22, bold=True, colour=_WHITE)
    doc.cell(0, 11, doc.text_of(pack.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.use(11, colour=_WHITE)
    doc.cell(0, 7, doc.text_of(pack.subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_y(44)

    for paragraph in pack.intro:
        doc.para(paragraph)
    doc.ln(1)
    _numbers_box(doc)

    doc.para(pack.stages_heading, size=13, bold=True, colour=_GREEN)
    for stage in pack.stages:
        doc.item(f"{stage.number}.", stage.summary, lead=stage.title + ":")
    doc.ln(2)
    _fill_in(doc)

    doc.add_page()
    for stage in pack.stages:
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
    _heading_band(doc, pack.scenarios_heading, 16)
    doc.para(pack.scenarios_intro, size=_BODY + 0.5, colour=_GREY)
    for number, scenario in enumerate(pack.scenarios, 1):
        _scenario(doc, number, scenario)

    doc.ln(2)
    doc.keep(40)
    doc.para(pack.source_heading, size=12.5, bold=True, colour=_GREEN)
    doc.para(pack.credit)
    doc.para(_("The guidance: %(address)s", address=pack.source.url), colour=_GREY)
    doc.para(_("This pack online: %(address)s", address=page_url.strip()), colour=_GREY)
    return bytes(doc.output())
