"""The plan as a PDF (fpdf2).

The page is the organisation's size; the draft mark heads every page and the page number ends it.
A heading never ends a page: it moves to the next page with the start of what follows it, and the
acknowledgement (heading, comment lines, signature lines) moves there whole when it does not fit.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from ..schema import Plan
from . import ExportError
from .content import Audience, Document, Section, document
from .page import MARGIN_MM, PageSize, page_mm

# Fonts, first found wins: a CJK font for Chinese plans (Debian's fonts-wqy-zenhei, which `scripts/*.sh`
# install), DejaVu for the rest with the CJK font as fallback for Chinese names; fpdf2's core font last.
CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LATIN_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# WenQuanYi's bitmap strikes cannot be subset and are left out of the PDF, which fontTools reports on every export.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

INK, HEADING, GREY, RED = (20, 20, 20), (23, 54, 93), (90, 90, 90), (192, 0, 0)
TABLE_HEAD = (230, 236, 245)
BODY, SMALL, TABLE = 10, 8, 8.5  # font sizes in points
LINE = 5.2  # body line height in mm
HEADING_HEIGHT = 3 + 7 + 0.5  # space above, one line, space below
BULLET_INDENT = 5
RULE_STEP = 9  # a line to write on: its height on the page
ACK_GAP = 4  # space above the acknowledgement
TABLE_LINE, PAD_Y, PAD_X = 4.5, 1, 1.2  # a table's line height and its cells' padding


def to_pdf(plan: Plan, *, audience: Audience = "employee", approved: bool = False, page_size: PageSize = "A4") -> bytes:
    pdf = PlanPDF(document(plan, audience=audience, approved=approved), page_size)
    pdf.render()
    return bytes(pdf.output())


class PlanPDF(FPDF):
    def __init__(self, doc: Document, page_size: PageSize):
        super().__init__(unit="mm", format=page_mm(page_size))
        self.doc = doc
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=MARGIN_MM)
        self.set_title(doc.footer)
        self.set_lang("zh-CN" if doc.language == "zh" else "en")
        self.set_creator("PlanCoach")
        self.family, self.bold = self._fonts()

    def _fonts(self) -> tuple[str, str]:
        """The font family and the style for bold ('B', or '' when only a regular face is installed).

        The CJK font is loaded (~1 s) only for text that needs it: a Chinese plan, or a Chinese name in another."""
        wide = self.doc.language == "zh" or any(ord(c) >= 0x2E80 for text in self.doc.texts() for c in text)
        if wide:
            cjk = next((f for f in CJK_FONTS if Path(f).exists()), None)
            if not cjk:
                raise ExportError("No Chinese font for the PDF: install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei).")
            self.add_font("cjk", "", cjk)
        if self.doc.language == "zh" or (wide and not Path(LATIN_FONT).exists()):
            return "cjk", ""
        if not Path(LATIN_FONT).exists():
            return "helvetica", "B"
        self.add_font("latin", "", LATIN_FONT)
        bold = Path(LATIN_BOLD).exists()
        if bold:
            self.add_font("latin", "B", LATIN_BOLD)
        if wide:
            self.set_fallback_fonts(["cjk"], exact_match=False)
        return "latin", "B" if bold else ""

    # ------------------------------------------------------------ every page

    def header(self) -> None:
        if self.doc.draft_mark:
            self.set_y(MARGIN_MM / 2 - 2)
            self.style(10, RED, bold=True)
            self.cell(0, 5, self.safe(self.doc.draft_mark), align="C")
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-MARGIN_MM / 2 - 2)
        self.style(SMALL, GREY)
        page = self.doc.page.format(page=self.page_no(), pages=self.str_alias_nb_pages)
        self.cell(0, 4, self.safe(f"{self.doc.footer} · {page}"), align="C")

    # ------------------------------------------------------------ the plan

    def render(self) -> None:
        doc = self.doc
        self.add_page()
        self.style(18, HEADING, bold=True)
        self.para(doc.title, height=9)
        self.style(9, GREY)
        self.para(doc.copy)
        self.ln(2)
        for key, value in doc.header:
            self.labelled(key, value)
        for section in doc.sections:
            self.section(section)
        self.acknowledgement()

    def section(self, section: Section) -> None:
        """The heading moves to the next page with the start of its content: a bullet, or a table's first row."""
        self.style(BODY)
        table = section.table
        if table is not None and len(table) > 1:
            start = self.row_height(table, section.widths, 0) + self.row_height(table, section.widths, 1)
        elif table is not None:
            start = LINE
        else:
            start = self.text_height(section.paragraphs[0], self.epw - BULLET_INDENT) if section.paragraphs else 0
        if self.will_page_break(HEADING_HEIGHT + start):
            self.add_page()
        self.heading(section.title)
        if table is not None and len(table) > 1:
            self.table_of(table, section.widths)
        elif table is not None:
            self.style(BODY)
            self.para(self.doc.none)
        for text in section.paragraphs:
            self.bullet(text)

    def acknowledgement(self) -> None:
        """Heading, text, comment lines and signature lines on one page: a new page first when they do not fit."""
        ack, width = self.doc.acknowledgement, self.epw
        self.style(BODY)
        height = ACK_GAP + HEADING_HEIGHT + self.text_height(ack.text, width) + LINE + 3 * RULE_STEP + 3 \
            + len(ack.signers) * RULE_STEP
        if self.will_page_break(height):
            self.add_page()
        else:
            self.ln(ACK_GAP)
        self.heading(ack.title)
        self.style(BODY)
        self.para(ack.text)
        self.style(BODY, bold=True)
        self.para(f"{ack.comments}{self.doc.colon.strip()}")
        for _ in range(3):
            self.rule("", width)
        self.ln(3)
        for signer in ack.signers:
            self.rule(f"{signer}{self.doc.colon}", width * 0.62, f"  {ack.date}{self.doc.colon}", width)

    # ------------------------------------------------------------ pieces

    def heading(self, title: str) -> None:
        self.ln(3)
        self.style(13, HEADING, bold=True)
        self.para(title, height=7)
        self.ln(0.5)

    def labelled(self, key: str, value: str) -> None:
        self.style(BODY, bold=True)
        label = self.safe(f"{key}{self.doc.colon}")
        self.cell(self.get_string_width(label), LINE, label)
        self.style(BODY)
        self.multi_cell(0, LINE, self.safe(value), align="L", new_x="LMARGIN", new_y="NEXT")

    def bullet(self, text: str) -> None:
        """A dot drawn, not typed (the CJK font has no '•'), and the text indented after it."""
        self.style(BODY)
        if self.will_page_break(self.text_height(text, self.epw - BULLET_INDENT)):  # an item stays on one page
            self.add_page()
        with self.local_context(fill_color=INK):
            self.ellipse(self.l_margin + 1, self.get_y() + LINE / 2 - 0.6, 1.2, 1.2, style="F")
        self.set_x(self.l_margin + BULLET_INDENT)
        self.multi_cell(self.epw - BULLET_INDENT, LINE, self.safe(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def para(self, text: str, height: float = LINE) -> None:
        self.multi_cell(self.epw, height, self.safe(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def text_height(self, text: str, width: float, height: float = LINE) -> float:
        """How tall `text` will be in the current font, wrapped at `width` mm."""
        # output="HEIGHT" returns the height alone; fpdf2 types the result as every output it can give.
        return self.multi_cell(width, height, self.safe(text), align="L", dry_run=True, output="HEIGHT")  # type: ignore[return-value]

    def rule(self, label: str, until: float, label2: str = "", until2: float = 0) -> None:
        """A line to write on: a label, then a rule up to `until` mm from the margin (and a second pair)."""
        self.style(BODY)
        y = self.get_y() + RULE_STEP - 1
        self.set_y(y - LINE + 1)
        for text, end in ((label, until), (label2, until2)):
            if not end:
                continue
            if text:
                self.cell(self.get_string_width(self.safe(text)) + 1, LINE, self.safe(text))
            self.line(self.get_x(), y, self.l_margin + end, y)
            self.set_x(self.l_margin + end)
        self.set_xy(self.l_margin, y + 1)

    def table_of(self, rows: list[list[str]], widths: tuple[float, ...]) -> None:
        self.style(TABLE)
        head = FontFace(emphasis="BOLD" if self.bold else None, fill_color=TABLE_HEAD, color=INK)
        with self.table(text_align="LEFT", line_height=TABLE_LINE, col_widths=widths or None, headings_style=head,
                        width=self.epw, padding=(PAD_Y, PAD_X)) as table:
            for row in rows:
                cells = table.row()
                for value in row:
                    cells.cell(self.safe(value))

    def row_height(self, rows: list[list[str]], widths: tuple[float, ...], index: int) -> float:
        """How tall a table row will be: its tallest cell, wrapped at the column's width."""
        self.style(TABLE, bold=index == 0)
        widths = widths or (1,) * len(rows[0])
        tallest = max(self.text_height(value, self.epw * w / sum(widths) - 2 * PAD_X, TABLE_LINE)
                      for value, w in zip(rows[index], widths))
        return tallest + 2 * PAD_Y

    def style(self, size: float, color: tuple[int, int, int] = INK, *, bold: bool = False) -> None:
        self.set_font(self.family, self.bold if bold else "", size)
        self.set_text_color(*color)

    def safe(self, text: str) -> str:
        """The text as the font can draw it: fpdf2's core font knows Latin-1 only."""
        return text.encode("latin-1", "replace").decode("latin-1") if self.family == "helvetica" else text
