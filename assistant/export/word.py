"""The plan as a Word document (python-docx).

The page is the organisation's size; the draft mark is in every page's header and the page number in
its footer; headings stay with what follows them, and the acknowledgement (its heading, the comment
lines and the signature lines) is chained with keep-with-next so that it moves to a new page whole.
"""
from __future__ import annotations

import io
import re

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..schema import Plan
from .content import Audience, Document, document
from .page import MARGIN_MM, PageSize, page_mm

EAST_ASIAN_FONT = "Microsoft YaHei"  # Word's Chinese sans; LibreOffice substitutes an installed CJK font
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x59, 0x59, 0x59)
TABLE_HEAD = "E6ECF5"  # the PDF's table heading colour


def to_docx(plan: Plan, *, audience: Audience = "employee", approved: bool = False, page_size: PageSize = "A4") -> bytes:
    doc = document(plan, audience=audience, approved=approved)
    word = WordDocument()
    width_mm = _page(word, page_size)
    _fonts(word)
    _header_and_footer(word, doc)
    props = word.core_properties
    props.title = doc.footer[:255]  # a document property holds at most 255 characters
    props.author, props.language = "PlanCoach", "zh-CN" if doc.language == "zh" else "en"

    word.add_heading(doc.title, level=0)
    copy = word.add_paragraph().add_run(doc.copy)
    copy.italic, copy.font.color.rgb = True, GREY
    for key, value in doc.header:
        p = word.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{key}{doc.colon}").bold = True
        p.add_run(value)
    for section in doc.sections:
        word.add_heading(section.title, level=1).paragraph_format.keep_with_next = True
        if section.table is not None:
            if len(section.table) == 1:
                word.add_paragraph(doc.none)
            else:
                _table(word, section.table, section.widths, width_mm)
        for text in section.paragraphs:
            word.add_paragraph(text, style="List Bullet")
    _acknowledgement(word, doc, width_mm)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page(word, page_size: PageSize) -> float:
    """Size and margins of the (only) section; returns the width between the margins, in mm."""
    width, height = page_mm(page_size)
    section = word.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(MARGIN_MM / 2)
    return width - 2 * MARGIN_MM


def _fonts(word) -> None:
    """10.5 pt text, and Chinese set in a Chinese font: the template's theme would pick a Japanese one."""
    word.styles["Normal"].font.size = Pt(10.5)
    for style in ("Normal", "Title", "Heading 1"):
        fonts = word.styles[style].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    lang = word.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    lang.set(qn("w:eastAsia"), "zh-CN")
    word.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")


def _header_and_footer(word, doc: Document) -> None:
    section = word.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.draft_mark:
        mark = header.add_run(doc.draft_mark)
        mark.bold, mark.font.size, mark.font.color.rgb = True, Pt(11), DRAFT_RED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(footer.add_run(f"{doc.footer} · "))
    for part in re.split(r"(\{pages?\})", doc.page):
        if part in ("{page}", "{pages}"):
            _field(footer, "PAGE" if part == "{page}" else "NUMPAGES")
        elif part:
            _small(footer.add_run(part))


def _small(run) -> None:
    run.font.size, run.font.color.rgb = Pt(8), GREY


def _field(paragraph, instruction: str) -> None:
    """A field Word fills in when it lays out the page (the page number, the number of pages)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color, size = OxmlElement("w:color"), OxmlElement("w:sz")
    color.set(qn("w:val"), str(GREY))
    size.set(qn("w:val"), "16")  # half-points: 8 pt, as _small
    props.extend([color, size])
    text = OxmlElement("w:t")
    text.text = "1"
    run.extend([props, text])
    field.append(run)
    paragraph._p.append(field)


def _table(word, rows: list[list[str]], widths: tuple[float, ...], width_mm: float) -> None:
    table = word.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    mm = [width_mm * w / sum(widths) for w in widths] if widths else [width_mm / len(rows[0])] * len(rows[0])
    for column, w in zip(table.columns, mm):
        column.width = Mm(w)
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, text, w in zip(cells, row, mm):
            cell.width = Mm(w)
            cell.text = text
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(1.5)
            for run in paragraph.runs:
                run.font.size = Pt(9)
                run.bold = i == 0
            if i == 0:
                _shade(cell, TABLE_HEAD)


def _shade(cell, fill: str) -> None:
    """A cell's background colour (hex RGB), as the PDF's table headings have."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _acknowledgement(word, doc: Document, width_mm: float) -> None:
    """Heading, text, comment lines and signature lines, each kept with the next: one block, never split."""
    ack = doc.acknowledgement
    block = [word.add_heading(ack.title, level=1), word.add_paragraph(ack.text)]
    comments = word.add_paragraph()
    comments.add_run(f"{ack.comments}{doc.colon.strip()}").bold = True
    block.append(comments)
    for _ in range(3):
        block.append(_ruled(word, [(width_mm, "")]))
    for signer in ack.signers:
        block.append(_ruled(word, [(width_mm * 0.62, f"{signer}{doc.colon}"), (width_mm, f"  {ack.date}{doc.colon}")]))
    for p in block:
        p.paragraph_format.keep_together = True
        p.paragraph_format.keep_with_next = p is not block[-1]


def _ruled(word, stops: list[tuple[float, str]]):
    """A line of text followed by ruled space up to each tab stop (position in mm from the margin)."""
    p = word.add_paragraph()
    p.paragraph_format.space_before = Pt(10)
    for position, text in stops:
        p.paragraph_format.tab_stops.add_tab_stop(Mm(position), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        p.add_run(f"{text}\t")
    return p
