import shutil

import pytest

from assistant.export import sections, to_markdown
from assistant.pipeline import draft_plan

from .conftest import TRAINER_NOTES


def test_markdown_holds_the_whole_plan_and_an_acknowledgement():
    plan = draft_plan(TRAINER_NOTES).plan
    md = to_markdown(plan, include_review=False)
    for text in [plan.deficiencies[0].evidence.split(":")[0], plan.goals[0].target, plan.check_ins[-1].date.isoformat(),
                 "## Responsibilities - Organisation", "Employee comments", "Signature"]:
        assert text in md
    assert "Review notes" not in md


def test_review_notes_only_when_asked():
    plan = draft_plan(TRAINER_NOTES + "\nHR manager's comment: she is too emotional.").plan
    assert "too emotional" not in to_markdown(plan, include_review=False)
    assert "Review notes" in to_markdown(plan, include_review=True)


def test_chinese_plans_get_chinese_headings():
    plan = draft_plan("面谈 2026-04-30 前台主管 王磊\n问题：投诉12起。\n目标：5月底前投诉降到4起以下。").plan
    titles = [s.title for s in sections(plan)]
    assert "问题与证据" in titles and "SMART目标" in titles
    assert to_markdown(plan).startswith("# 绩效改进计划")


# ---------------------------------------------------------------- DOCX and PDF, opened and rendered

def _plan(notes_file: str):
    from pathlib import Path

    from assistant.pipeline import draft_plan

    return draft_plan((Path(__file__).resolve().parents[1] / "examples" / notes_file).read_text(encoding="utf-8")).plan


def test_docx_holds_the_whole_plan_and_the_acknowledgement(tmp_path):
    import io

    from docx import Document

    from assistant.export import to_docx

    plan = _plan("training-specialist.txt")
    doc = Document(io.BytesIO(to_docx(plan)))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for heading in ("Deficiencies", "Root causes", "SMART goals", "Responsibilities - Manager", "Check-ins",
                    "Acknowledgement", "Employee comments"):
        assert heading in text
    assert ">= 90%" in cells and "2026-08-31" in cells and "14 of 20" in cells
    assert text.count("Signature") == 3 and "HR Minister" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed (scripts/test.sh installs it)")
@pytest.mark.parametrize("notes_file,words", [("training-specialist.txt", ["Performance improvement plan", ">= 90%",
                                                                            "Acknowledgement"]),
                                              ("zh-front-desk.txt", ["绩效改进计划", "跟进检查", "员工意见"])])
def test_pdf_renders_with_its_text_in_the_notes_language(tmp_path, notes_file, words):
    import subprocess

    from assistant.export import to_pdf

    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(to_pdf(_plan(notes_file)))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in words:
        assert word in text.replace(" ", "") or word in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 5_000  # a rendered page with content, not a blank sheet
