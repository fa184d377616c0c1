"""Turn a plan into documents: Markdown here; DOCX and PDF build on the same section list.

Review flags are for the manager and HR, and may quote what was kept out of the plan, so
documents for the employee leave them out unless asked. Control characters (NUL, ESC, ...) typed or
pasted into a plan are left out of every document: Word's XML cannot hold them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .errors import PlanCoachError
from .schema import Plan

HEADINGS = {
    "en": {
        "title": "Performance improvement plan", "employee": "Employee", "role": "Role", "manager": "Manager",
        "interview": "Interview date", "period": "Plan period", "status": "Status", "deficiencies": "Deficiencies",
        "causes": "Root causes", "goals": "SMART goals", "responsibilities": "Responsibilities",
        "employee_owner": "Employee", "manager_owner": "Manager", "organisation_owner": "Organisation",
        "check_ins": "Check-ins", "evidence": "Evidence", "goal": "Goal", "metric": "Metric", "baseline": "Baseline",
        "target": "Target", "deadline": "Deadline", "addresses": "Addresses", "due": "due", "sources": "Drawn on",
        "review": "Review notes (for the manager and HR)", "ack": "Acknowledgement",
        "ack_text": "Signing confirms that this plan was discussed and received; it does not mean agreement.",
        "comments": "Employee comments", "signature": "Signature", "date": "Date", "hr": "HR",
        "insufficient": "The notes do not yet hold enough to draft a plan; see the review notes.",
        "none": "None recorded.",
    },
    "zh": {
        "title": "绩效改进计划", "employee": "员工", "role": "岗位", "manager": "经理", "interview": "面谈日期",
        "period": "计划期间", "status": "状态", "deficiencies": "问题与证据", "causes": "根本原因", "goals": "SMART目标",
        "responsibilities": "职责分工", "employee_owner": "员工", "manager_owner": "经理", "organisation_owner": "组织",
        "check_ins": "跟进检查", "evidence": "证据", "goal": "目标", "metric": "衡量指标", "baseline": "基线",
        "target": "目标值", "deadline": "截止日期", "addresses": "针对", "due": "截止", "sources": "参考资料",
        "review": "审阅提示（供经理和人力资源部）", "ack": "确认", "ack_text": "签字表示已讨论并收到本计划，不代表同意。",
        "comments": "员工意见", "signature": "签字", "date": "日期", "hr": "人力资源部",
        "insufficient": "记录中的信息还不足以起草计划，请查看审阅提示。", "none": "暂无记录。",
    },
}


def headings(plan: Plan) -> dict[str, str]:
    return HEADINGS.get(plan.language, HEADINGS["en"])


@dataclass
class Section:
    """A heading with either paragraphs or a table: what every document format renders."""

    title: str
    paragraphs: list[str]
    table: list[list[str]] | None = None  # first row is the header


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")  # all but tab and line breaks


def visible(text: str) -> str:
    return _CONTROL.sub("", text)


def sections(plan: Plan, *, include_review: bool = False) -> list[Section]:
    """The plan's sections, every text without control characters."""
    return [replace(s, title=visible(s.title), paragraphs=[visible(p) for p in s.paragraphs],
                    table=None if s.table is None else [[visible(c) for c in row] for row in s.table])
            for s in _sections(plan, include_review)]


def _sections(plan: Plan, include_review: bool) -> list[Section]:
    h = headings(plan)
    out: list[Section] = []
    if plan.status != "draft":
        out.append(Section(h["status"], [h["insufficient"]]))
    out.append(Section(h["deficiencies"], [], [[ "ID", h["deficiencies"], h["evidence"]]]
                       + [[d.id, d.area, d.evidence] for d in plan.deficiencies]))
    out.append(Section(h["causes"], [
        c.cause + (f" ({', '.join(c.deficiency_ids)})" if c.deficiency_ids else "") for c in plan.root_causes
    ] or [h["none"]]))
    out.append(Section(h["goals"], [], [["ID", h["goal"], h["metric"], h["baseline"], h["target"], h["deadline"], h["addresses"]]]
                       + [[g.id, g.description, g.metric or "", g.baseline or "", g.target or "",
                           g.deadline.isoformat() if g.deadline else "", ", ".join(g.deficiency_ids)] for g in plan.goals]))
    for owner in ("employee", "manager", "organisation"):
        rows = [r for r in plan.responsibilities if r.owner == owner]
        lines = [f"{r.party}: {r.action}" + (f" ({h['due']} {r.due.isoformat()})" if r.due else "") for r in rows]
        out.append(Section(f"{h['responsibilities']} - {h[owner + '_owner']}", lines or [h["none"]]))
    out.append(Section(h["check_ins"], [f"{c.date.isoformat()}: {c.focus}" for c in plan.check_ins] or [h["none"]]))
    if plan.sources:
        out.append(Section(h["sources"], [f"{s.title} ({s.kind})" for s in plan.sources]))
    if include_review and plan.review_flags:
        out.append(Section(h["review"], [f"[{f.severity}/{f.kind}] {f.message}" + (f" -> {f.suggestion}" if f.suggestion else "")
                                         for f in plan.review_flags]))
    return out


def header_lines(plan: Plan) -> list[tuple[str, str]]:
    h = headings(plan)
    period = ""
    if plan.period.start or plan.period.end:
        period = f"{plan.period.start or ''} - {plan.period.end or ''}"
    lines = [(h["employee"], plan.employee.name or ""), (h["role"], plan.employee.role or ""), (h["manager"], plan.manager or ""),
             (h["interview"], plan.interview_date.isoformat() if plan.interview_date else ""), (h["period"], period)]
    return [(key, visible(value)) for key, value in lines]


def to_markdown(plan: Plan, *, include_review: bool = True) -> str:
    h = headings(plan)
    lines = [f"# {h['title']}", ""]
    lines += [f"- **{k}:** {v}" for k, v in header_lines(plan) if v]
    for section in sections(plan, include_review=include_review):
        lines += ["", f"## {section.title}", ""]
        if section.table is not None:
            if len(section.table) == 1:
                lines.append(h["none"])
            else:
                lines.append("| " + " | ".join(section.table[0]) + " |")
                lines.append("|" + "---|" * len(section.table[0]))
                lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.table[1:]]
        lines += [f"- {p}" for p in section.paragraphs]
    lines += ["", f"## {h['ack']}", "", h["ack_text"], "", f"**{h['comments']}:**", "", "_" * 60, "", "_" * 60, ""]
    for who in (h["employee"], h["manager"], h["hr"]):
        lines.append(f"{who} — {h['signature']}: ______________________  {h['date']}: ____________")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_json(plan: Plan) -> str:
    """The plan itself: what `plancoach check` and other tools read back."""
    return plan.model_dump_json(indent=2) + "\n"


def to_docx(plan: Plan, *, include_review: bool = False) -> bytes:
    import io

    from docx import Document
    from docx.shared import Pt

    h = headings(plan)
    doc = Document()
    doc.add_heading(h["title"], level=0)
    for key, value in header_lines(plan):
        if value:
            p = doc.add_paragraph()
            p.add_run(f"{key}: ").bold = True
            p.add_run(value)
    for section in sections(plan, include_review=include_review):
        doc.add_heading(section.title, level=1)
        if section.table is not None:
            if len(section.table) == 1:
                doc.add_paragraph(h["none"])
            else:
                table = doc.add_table(rows=0, cols=len(section.table[0]))
                table.style = "Table Grid"
                for i, row in enumerate(section.table):
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row):
                        cell.text = text
                        if i == 0:
                            for run in cell.paragraphs[0].runs:
                                run.bold = True
        for text in section.paragraphs:
            doc.add_paragraph(text, style="List Bullet")
    doc.add_heading(h["ack"], level=1)
    doc.add_paragraph(h["ack_text"])
    doc.add_paragraph(f"{h['comments']}:").runs[0].bold = True
    for _ in range(4):
        doc.add_paragraph("_" * 70)
    for who in (h["employee"], h["manager"], h["hr"]):
        doc.add_paragraph(f"{who} - {h['signature']}: ________________________    {h['date']}: ______________")
    for p in doc.paragraphs:
        for run in p.runs:
            run.font.size = run.font.size or Pt(10.5)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# Fonts tried for PDF, first found wins: a CJK font for Chinese plans (Debian's fonts-wqy-zenhei,
# which `scripts/*.sh` install), DejaVu for everything else; fpdf2's core font as the last resort.
_PDF_FONTS = {
    "zh": ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
    "en": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"],
}


class ExportError(PlanCoachError, RuntimeError):
    """A document could not be produced; the message says what is missing."""


def to_pdf(plan: Plan, *, include_review: bool = False) -> bytes:
    from pathlib import Path

    from fpdf import FPDF
    from fpdf.fonts import FontFace

    h = headings(plan)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    font = next((f for f in _PDF_FONTS.get(plan.language, _PDF_FONTS["en"]) if Path(f).exists()), None)
    if font:
        pdf.add_font("body", "", font)
        family = "body"
    elif plan.language == "zh":
        raise ExportError("No Chinese font for the PDF: install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei).")
    else:
        family = "helvetica"
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def text(value: str, size: float = 10, height: float = 5.5) -> None:
        pdf.set_font(family, size=size)
        if family == "helvetica":
            value = value.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(width, height, value, new_x="LMARGIN", new_y="NEXT")

    text(h["title"], 18, 10)
    for key, value in header_lines(plan):
        if value:
            text(f"{key}: {value}")
    for section in sections(plan, include_review=include_review):
        pdf.ln(3)
        text(section.title, 13, 7)
        if section.table is not None:
            if len(section.table) == 1:
                text(h["none"])
            else:
                pdf.set_font(family, size=8.5)
                widths = {3: (8, 30, 62), 7: (7, 30, 18, 12, 12, 13, 8)}.get(len(section.table[0]))
                with pdf.table(text_align="LEFT", line_height=4.5, col_widths=widths, headings_style=FontFace(emphasis=None,
                                                                                             fill_color=(230, 236, 245))) as table:
                    for row in section.table:
                        cells = table.row()
                        for value in row:
                            cells.cell(value if family != "helvetica" else value.encode("latin-1", "replace").decode("latin-1"))
        for para in section.paragraphs:
            text(f"- {para}")
    pdf.ln(4)
    text(h["ack"], 13, 7)
    text(h["ack_text"])
    text(f"{h['comments']}:")
    for _ in range(4):
        text("_" * 80, height=8)
    pdf.ln(2)
    for who in (h["employee"], h["manager"], h["hr"]):
        text(f"{who} - {h['signature']}: ________________________   {h['date']}: ______________", height=9)
    return bytes(pdf.output())
