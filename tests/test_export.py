"""Exports as the employee and HR receive them: Markdown read as text, DOCX read back with python-docx,
PDF rendered with poppler (pdfinfo, pdftotext, and pages drawn to PNG and looked at with Pillow).

The plans are drafted from the sample notes in docs/samples/, which scripts/export_samples.py also renders.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.export import document, sections, to_markdown
from assistant.export.content import LABELS
from assistant.pipeline import draft_plan
from assistant.schema import Responsibility

from .conftest import ROOT, TRAINER_NOTES

SAMPLES = ROOT / "docs" / "samples"
POINTS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}  # page sizes in points, as pdfinfo gives them

poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                             reason="poppler-utils not installed (scripts/test.sh installs it)")


@pytest.fixture(scope="module")
def plans():
    """The sample notes' plans: English with a sick-leave remark, Chinese with a family-illness remark."""
    return {lang: draft_plan((SAMPLES / f"notes-{lang}.txt").read_text(encoding="utf-8")).plan for lang in ("en", "zh")}


def squash(text: str) -> str:
    """Text with every space and line break removed: how wrapped lines, in either language, are compared."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- what the documents say

def test_markdown_holds_the_whole_plan_and_an_acknowledgement():
    plan = draft_plan(TRAINER_NOTES).plan
    md = to_markdown(plan)
    for text in [plan.deficiencies[0].evidence.split(":")[0], plan.goals[0].target, plan.check_ins[-1].date.isoformat(),
                 "## Responsibilities - Organisation", "Employee comments", "Employee signature", "HR signature"]:
        assert text in md
    assert "Review notes" not in md


def test_the_employee_copy_leaves_out_the_sources_and_review_notes_that_the_hr_copy_has(plans):
    plan = plans["en"]
    assert any(f.kind == "sensitive" for f in plan.review_flags) and plan.sources
    employee, hr = to_markdown(plan), to_markdown(plan, audience="hr")
    assert "## Drawn on" not in employee and "## Review notes" not in employee and "off sick" not in employee
    assert "## Drawn on" in hr and "## Review notes" in hr and "off sick" in hr  # the flag quotes what was kept out
    assert "_Employee's copy_" in employee and "_HR copy" in hr


def test_the_employee_copy_of_too_thin_notes_points_to_no_review_notes_it_does_not_have():
    plan = draft_plan("Talked with Sam on 2026-03-02. Things were not great.").plan
    assert plan.status == "insufficient_information" and plan.period.end is None
    employee, hr = to_markdown(plan), to_markdown(plan, audience="hr")
    assert "- The notes do not yet hold enough to draft a plan.\n" in employee and "review notes" not in employee.lower()
    assert "See the review notes." in hr
    assert "- **Plan period:** from 2026-03-02" in employee


def test_a_draft_says_so_until_it_is_approved(plans):
    assert "**DRAFT - not yet approved by HR**" in to_markdown(plans["en"])
    assert "DRAFT" not in to_markdown(plans["en"], approved=True)
    assert "草稿" in to_markdown(plans["zh"]) and "草稿" not in to_markdown(plans["zh"], approved=True)


def test_chinese_plans_get_chinese_headings():
    plan = draft_plan("面谈 2026-04-30 前台主管 王磊\n问题：投诉12起。\n目标：5月底前投诉降到4起以下。").plan
    titles = [s.title for s in sections(plan)]
    assert "问题与证据" in titles and "SMART目标" in titles and "职责分工（经理）" in titles
    assert to_markdown(plan).startswith("# 绩效改进计划")


def english_labels_in(text: str, plan) -> set[str]:
    """The English export labels found in `text`, apart from words the plan's own content holds."""
    content = plan.model_dump_json()
    words = {v for v in LABELS["en"].values() if "{" not in v and len(v) > 3 and v not in content}
    return {w for w in words if w in text}


def test_a_chinese_plan_has_no_english_label_in_any_format(plans, tmp_path):
    from docx import Document

    from assistant.export.word import to_docx

    plan = plans["zh"]
    assert english_labels_in(to_markdown(plan), plan) == set()
    doc = Document(io.BytesIO(to_docx(plan)))
    docx_text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
                          + [p.text for p in doc.sections[0].header.paragraphs + doc.sections[0].footer.paragraphs])
    assert english_labels_in(docx_text, plan) == set() and "员工签字" in docx_text
    if shutil.which("pdftotext"):
        pdf = render_pdf(plan, tmp_path)
        assert english_labels_in("\n".join(pdf.pages), plan) == set() and "第 1 页，共" in pdf.pages[0]
    assert english_labels_in(to_markdown(plans["en"]), plans["en"]) != set()  # the check finds English labels


# ---------------------------------------------------------------- DOCX, read back

def read_docx(plan, **options):
    from docx import Document

    from assistant.export.word import to_docx

    return Document(io.BytesIO(to_docx(plan, **options)))


def headings_of(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_docx_pages_are_the_organisations_size(plans, size):
    section = read_docx(plans["en"], page_size=size).sections[0]
    width, height = POINTS[size]
    assert abs(section.page_width.pt - width) < 0.5 and abs(section.page_height.pt - height) < 0.5


def test_docx_employee_and_hr_copies_and_the_draft_mark(plans):
    employee, hr = read_docx(plans["en"]), read_docx(plans["en"], audience="hr")
    assert headings_of(employee) == ["Deficiencies", "Root causes", "SMART goals", "Responsibilities - Employee",
                                     "Responsibilities - Manager", "Responsibilities - Organisation", "Check-ins",
                                     "Acknowledgement"]
    assert headings_of(hr)[-3:] == ["Drawn on", "Review notes (for the manager and HR)", "Acknowledgement"]
    assert "Drawn on" not in "\n".join(p.text for p in employee.paragraphs)
    assert employee.sections[0].header.paragraphs[0].text == "DRAFT - not yet approved by HR"
    assert read_docx(plans["en"], approved=True).sections[0].header.paragraphs[0].text == ""
    cells = "\n".join(c.text for t in employee.tables for row in t.rows for c in row.cells)
    assert ">= 75%" in cells and "2026-04-30" in cells


def test_docx_keeps_the_signature_block_with_its_heading(plans):
    doc = read_docx(plans["en"])
    start = next(i for i, p in enumerate(doc.paragraphs) if p.text == "Acknowledgement")
    block = doc.paragraphs[start:]
    assert [p.text.split(":")[0] for p in block[-3:]] == ["Employee signature", "Manager signature", "HR signature"]
    assert all(p.paragraph_format.keep_with_next for p in block[:-1])  # each holds on to the next: one block
    assert not block[-1].paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_together for p in block)
    assert all(doc.paragraphs[i].paragraph_format.keep_with_next
               for i, p in enumerate(doc.paragraphs) if p.style.name == "Heading 1")


def test_docx_of_a_chinese_plan_is_chinese_and_set_in_a_chinese_font(plans):
    from docx.oxml.ns import qn

    doc = read_docx(plans["zh"], audience="hr")
    assert headings_of(doc)[:3] == ["问题与证据", "根本原因", "SMART目标"] and "确认" in headings_of(doc)
    assert doc.sections[0].header.paragraphs[0].text.startswith("草稿")
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei" and fonts.get(qn("w:eastAsiaTheme")) is None
    assert doc.core_properties.language == "zh-CN"


# ---------------------------------------------------------------- PDF, rendered and looked at

@dataclass
class RenderedPDF:
    pages: list[str]  # each page's text, laid out as on the page
    raw: str  # the whole text in drawing order, for finding wrapped text
    size: tuple[float, float]  # the first page's width and height in points
    images: list  # each page drawn at 72 dpi (one pixel a point), as a Pillow image


def render_pdf(plan, folder: Path, **options) -> RenderedPDF:
    from PIL import Image

    from assistant.export.pdf import to_pdf

    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "plan.pdf"
    pdf.write_bytes(to_pdf(plan, **options))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())

    def text(*args: str) -> str:
        return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout

    pages = [text("-layout", "-f", str(n), "-l", str(n)) for n in range(1, count + 1)]
    subprocess.run(["pdftoppm", "-png", "-r", "72", str(pdf), str(folder / "page")], check=True)
    images = [Image.open(p).convert("RGB") for p in sorted(folder.glob("page-*.png"))]
    assert len(images) == count
    return RenderedPDF(pages, text("-raw"), (width, height), images)


def red_pixels(image, top: int, bottom: int) -> int:
    """Pixels of the draft mark's red between two heights (in pixels, which are points here)."""
    colours = image.crop((0, top, image.width, bottom)).getcolors(maxcolors=1 << 24)
    return sum(count for count, (r, g, b) in colours if r > 150 and g < 90 and b < 90)


@poppler
@pytest.mark.parametrize("lang,size", [("en", "A4"), ("zh", "Letter")])
def test_pdf_pages_are_the_organisations_size_and_marked_draft_at_the_top(plans, tmp_path, lang, size):
    pdf = render_pdf(plans[lang], tmp_path, page_size=size)
    assert pdf.size == pytest.approx(POINTS[size], abs=0.5)
    mark = "DRAFT - not yet approved by HR" if lang == "en" else "草稿：尚未经人力资源部批准"
    for text, image in zip(pdf.pages, pdf.images):
        assert image.size == pytest.approx(POINTS[size], abs=1)
        assert mark in text.replace("  ", " ")
        assert red_pixels(image, 0, 57) > 100  # the mark, drawn in red inside the top margin (20 mm = 57 pt)
        assert red_pixels(image, 57, image.height) == 0
    approved = render_pdf(plans[lang], tmp_path / "approved", page_size=size, approved=True)
    assert all(mark not in text and red_pixels(image, 0, image.height) == 0
               for text, image in zip(approved.pages, approved.images))


@poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_shows_every_word_of_the_plan_with_its_glyphs(plans, tmp_path, lang):
    """Nothing clipped or lost: every header value, cell and paragraph is in the PDF's text, in order of drawing."""
    doc = document(plans[lang], audience="hr")
    pdf = render_pdf(plans[lang], tmp_path, audience="hr")
    drawn = squash(pdf.raw)
    pieces = [value for _, value in doc.header] + [s.title for s in doc.sections] + \
        [p for s in doc.sections for p in s.paragraphs] + [c for s in doc.sections for row in s.table or [] for c in row]
    assert [p for p in pieces if squash(p) not in drawn] == []
    assert "\ufffd" not in pdf.raw and "?" * 3 not in pdf.raw  # no glyph replaced


def body_lines(page: str) -> list[str]:
    """A page's lines of text, without the draft mark at the top and the page number at the bottom."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines if not line.startswith("DRAFT") and "Page " not in line]


def pdf_pages(plan, path: Path) -> list[str]:
    """Each page's text, laid out as on the page (no images: for tests that render many PDFs)."""
    from assistant.export.pdf import to_pdf

    path.write_bytes(to_pdf(plan))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


@poppler
def test_pdf_never_leaves_a_heading_or_the_signature_block_at_the_foot_of_a_page(plans, tmp_path):
    """The plan grows three responsibilities at a time, over a page's height, so that the acknowledgement and
    the headings fall at every height of a page: the signature lines stay on their heading's page, and no page
    ends with a heading."""
    plan = plans["en"]
    moved = 0
    for extra in range(0, 54, 3):
        more = [Responsibility(owner="employee", party="Daniel Okafor", action=f"Extra agreed step number {i + 1}")
                for i in range(extra)]
        grown = plan.model_copy(update={"responsibilities": plan.responsibilities + more})
        pages = pdf_pages(grown, tmp_path / f"{extra}.pdf")
        titles = {s.title for s in document(grown).sections} | {"Acknowledgement"}
        for number, page in enumerate(pages[:-1], 1):
            assert body_lines(page)[-1] not in titles, f"{extra} extra lines: page {number} ends with a heading"
        with_heading = [n for n, page in enumerate(pages) if "Acknowledgement" in body_lines(page)]
        with_signatures = [n for n, page in enumerate(pages) if "Employee signature:" in page and "HR signature:" in page]
        assert with_heading == with_signatures == [len(pages) - 1], f"{extra} extra lines"
        moved += body_lines(pages[-1])[0] == "Acknowledgement"  # the block began a page of its own
    assert moved >= 2  # at some heights the block had to move


# ---------------------------------------------------------------- from the workspace

def test_the_workspace_exports_either_copy_on_the_organisations_paper_and_drops_the_mark_once_approved(tmp_path):
    from docx import Document

    from assistant.access import ALONE
    from assistant.settings import get_settings
    from assistant.storage import PlanStore
    from assistant.workspace import Workspace

    ws = Workspace(get_settings().model_copy(update={"page_size": "Letter"}), PlanStore(f"sqlite:///{tmp_path / 'p.db'}"))
    plan_id, _, _ = ws.draft(ALONE, TRAINER_NOTES)
    employee = ws.export(ALONE, plan_id, "docx", tmp_path)
    hr = ws.export(ALONE, plan_id, "docx", tmp_path, audience="hr")
    assert (employee.name, hr.name) == ("improvement-plan-Li-Na-employee.docx", "improvement-plan-Li-Na-hr.docx")
    first, second = Document(str(employee)), Document(str(hr))
    assert round(first.sections[0].page_width.inches, 2) == 8.5 and round(first.sections[0].page_height.inches, 2) == 11
    assert "Drawn on" not in [p.text for p in first.paragraphs] and "Drawn on" in [p.text for p in second.paragraphs]
    assert first.sections[0].header.paragraphs[0].text.startswith("DRAFT")

    ws.store.set_status(plan_id, "submitted", "manager")
    assert "DRAFT" in ws.export(ALONE, plan_id, "markdown", tmp_path).read_text(encoding="utf-8")
    ws.store.set_status(plan_id, "approved", "HR Lee")
    approved = ws.export(ALONE, plan_id, "docx", tmp_path)
    assert Document(str(approved)).sections[0].header.paragraphs[0].text == ""
