"""Turn a plan into documents: Markdown here; DOCX and PDF build on the same section list.

Review flags are for the manager and HR, and may quote what was kept out of the plan, so
documents for the employee leave them out unless asked.
"""
from __future__ import annotations

from dataclasses import dataclass

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


def sections(plan: Plan, *, include_review: bool = False) -> list[Section]:
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
    return [(h["employee"], plan.employee.name or ""), (h["role"], plan.employee.role or ""), (h["manager"], plan.manager or ""),
            (h["interview"], plan.interview_date.isoformat() if plan.interview_date else ""), (h["period"], period)]


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
