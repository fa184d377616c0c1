"""What an exported plan says, in the plan's language: title, draft mark, header, sections, acknowledgement.

The Markdown, DOCX and PDF renderers only lay this out, so the three say the same thing. There are two
versions: the employee's (the plan and the acknowledgement, what is handed over) and HR's, which adds the
sample plans and policy the draft drew on and the review notes. Review notes may quote what was kept out
of the plan, so the employee's version is the default everywhere.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from ..i18n import flags
from ..schema import OWNERS, Plan

Audience = Literal["employee", "hr"]
AUDIENCES: tuple[Audience, ...] = ("employee", "hr")

LABELS = {
    "en": {
        "title": "Performance improvement plan", "employee": "Employee", "role": "Role", "manager": "Manager",
        "interview": "Interview date", "period": "Plan period", "period_range": "{start} to {end}",
        "period_from": "from {start}", "period_until": "until {end}", "status": "Status",
        "deficiencies": "Deficiencies", "area": "Area", "id": "ID", "causes": "Root causes", "goals": "SMART goals",
        "responsibilities": "Responsibilities", "owner_heading": "{responsibilities} - {owner}",
        "employee_owner": "Employee", "manager_owner": "Manager", "organisation_owner": "Organisation",
        "check_ins": "Check-ins", "evidence": "Evidence", "goal": "Goal", "metric": "Metric", "baseline": "Baseline",
        "target": "Target", "deadline": "Deadline", "addresses": "For", "due": "due", "sources": "Drawn on",
        "sample": "sample plan", "policy": "policy",
        "review": "Review notes (for the manager and HR)", "suggestion": "Suggestion",
        "error": "Error", "warning": "Warning", "info": "Note",
        "ack": "Acknowledgement",
        "ack_text": "Signing confirms that this plan was discussed and received; it does not mean agreement.",
        "comments": "Employee comments", "signer": "{who} signature", "date": "Date", "hr": "HR",
        "insufficient": "The notes do not yet hold enough to draft a plan.", "see_review": " See the review notes.",
        "none": "None recorded.",
        "draft_mark": "DRAFT - not yet approved by HR",
        "copy_employee": "Employee's copy", "copy_hr": "HR copy: with the sources and review notes, not for the employee",
        "page": "Page {page} of {pages}",
        "colon": ": ", "list_sep": ", ", "open": " (", "close": ")", "space": " ",
    },
    "zh": {
        "title": "绩效改进计划", "employee": "员工", "role": "岗位", "manager": "经理", "interview": "面谈日期",
        "period": "计划期间", "period_range": "{start} 至 {end}", "period_from": "{start} 起",
        "period_until": "至 {end}", "status": "状态",
        "deficiencies": "问题与证据", "area": "方面", "id": "编号", "causes": "根本原因", "goals": "SMART目标",
        "responsibilities": "职责分工", "owner_heading": "{responsibilities}（{owner}）",
        "employee_owner": "员工", "manager_owner": "经理", "organisation_owner": "组织",
        "check_ins": "跟进检查", "evidence": "证据", "goal": "目标", "metric": "衡量指标", "baseline": "基线",
        "target": "目标值", "deadline": "截止日期", "addresses": "针对", "due": "截止", "sources": "参考资料",
        "sample": "示例计划", "policy": "制度",
        "review": "审阅提示（供经理和人力资源部）", "suggestion": "建议",
        "error": "错误", "warning": "警告", "info": "提示",
        "ack": "确认", "ack_text": "签字表示已讨论并收到本计划，不代表同意。",
        "comments": "员工意见", "signer": "{who}签字", "date": "日期", "hr": "人力资源部",
        "insufficient": "记录中的信息还不足以起草计划。", "see_review": "请查看审阅提示。", "none": "暂无记录。",
        "draft_mark": "草稿：尚未经人力资源部批准",
        "copy_employee": "员工版", "copy_hr": "人力资源版：含参考资料和审阅提示，不交给员工",
        "page": "第 {page} 页，共 {pages} 页",
        "colon": "：", "list_sep": "、", "open": "（", "close": "）", "space": "",
    },
}

# What each kind of review flag is about, as a reader of the plan would name it.
FLAG_KINDS = {
    "en": {"smart": "SMART", "grounding": "not in the notes", "bias": "bias", "wording": "wording", "sensitive": "sensitive",
           "injection": "instruction in the notes", "private": "private remark", "insufficient": "too little to go on",
           "coverage": "coverage", "policy": "policy", "assumption": "assumption", "schema": "structure"},
    "zh": {"smart": "SMART", "grounding": "记录中没有", "bias": "偏见", "wording": "措辞", "sensitive": "敏感信息",
           "injection": "记录中的指令", "private": "私人备注", "insufficient": "信息不足", "coverage": "覆盖",
           "policy": "制度", "assumption": "假设", "schema": "结构"},
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


@dataclass(frozen=True)
class Section:
    """A heading with either paragraphs or a table: what every document format renders."""

    title: str
    paragraphs: list[str]
    table: list[list[str]] | None = None  # first row is the header
    widths: tuple[float, ...] = ()  # the table's column widths, relative to each other


@dataclass(frozen=True)
class Acknowledgement:
    """The signature block: rendered as one piece, never split from its heading."""

    title: str
    text: str
    comments: str  # the label above the lines for the employee's comments
    signers: tuple[str, ...]  # "Employee signature", each with a line and a date
    date: str


@dataclass(frozen=True)
class Document:
    language: str
    title: str
    copy: str  # which version this is, said under the title
    draft_mark: str | None  # on every page until HR approves the plan
    header: list[tuple[str, str]]  # (label, value), filled values only
    sections: list[Section]
    acknowledgement: Acknowledgement
    footer: str  # the title and the employee, beside the page number
    page: str  # "Page {page} of {pages}"
    colon: str
    none: str  # what an empty table says

    def texts(self) -> list[str]:
        """Every piece of text in the document, for a renderer choosing its fonts."""
        ack = self.acknowledgement
        return [self.title, self.copy, self.draft_mark or "", self.footer, self.page, self.none,
                *(part for line in self.header for part in line), *(s.title for s in self.sections),
                *(p for s in self.sections for p in s.paragraphs),
                *(cell for s in self.sections for row in s.table or [] for cell in row),
                ack.title, ack.text, ack.comments, *ack.signers, ack.date]


def document(plan: Plan, *, audience: Audience = "employee", approved: bool = False) -> Document:
    h = labels(plan.language)
    name = plan.employee.name or ""
    return Document(
        language=plan.language, title=h["title"], copy=h[f"copy_{audience}"],
        draft_mark=None if approved else h["draft_mark"], header=[(k, visible(v)) for k, v in header_lines(plan)],
        sections=[_visible(section) for section in sections(plan, audience=audience)],
        acknowledgement=Acknowledgement(h["ack"], h["ack_text"], h["comments"],
                                        tuple(h["signer"].format(who=h[who]) for who in ("employee", "manager", "hr")),
                                        h["date"]),
        footer=visible(h["title"] + (f" · {name}" if name else "")), page=h["page"], colon=h["colon"], none=h["none"])


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")  # all but tab and line breaks


def visible(text: str) -> str:
    """Text without control characters (NUL, ESC, ...) typed or pasted into a plan: Word's XML cannot hold them."""
    return _CONTROL.sub("", text)


def _visible(section: Section) -> Section:
    return dataclasses.replace(section, title=visible(section.title), paragraphs=[visible(p) for p in section.paragraphs],
                               table=None if section.table is None else [[visible(c) for c in row] for row in section.table])


def sections(plan: Plan, *, audience: Audience = "employee") -> list[Section]:
    h = labels(plan.language)

    def refs(ids: list[str]) -> str:
        return f"{h['open']}{h['list_sep'].join(ids)}{h['close']}" if ids else ""

    out: list[Section] = []
    if plan.status != "draft":
        out.append(Section(h["status"], [h["insufficient"] + (h["see_review"] if audience == "hr" else "")]))
    out.append(Section(h["deficiencies"], [], [[h["id"], h["area"], h["evidence"]]]
                       + [[d.id, d.area, d.evidence] for d in plan.deficiencies], widths=(1.2, 4.5, 11.3)))
    out.append(Section(h["causes"], [c.cause + refs(c.deficiency_ids) for c in plan.root_causes] or [h["none"]]))
    out.append(Section(h["goals"], [], [[h["id"], h["goal"], h["metric"], h["baseline"], h["target"], h["deadline"],
                                         h["addresses"]]]
                       + [[g.id, g.description, g.metric or "", g.baseline or "", g.target or "",
                           g.deadline.isoformat() if g.deadline else "", h["list_sep"].join(g.deficiency_ids)]
                          for g in plan.goals], widths=(1.1, 5, 3, 2.1, 2.1, 2.4, 1.3)))
    for owner in OWNERS:
        lines = [f"{r.party}{h['colon']}{r.action}" + (f"{h['open']}{h['due']} {r.due.isoformat()}{h['close']}" if r.due else "")
                 for r in plan.responsibilities if r.owner == owner]
        title = h["owner_heading"].format(responsibilities=h["responsibilities"], owner=h[f"{owner}_owner"])
        out.append(Section(title, lines or [h["none"]]))
    out.append(Section(h["check_ins"], [f"{c.date.isoformat()}{h['colon']}{c.focus}" for c in plan.check_ins]
                       or [h["none"]]))
    if audience == "hr":
        if plan.sources:
            out.append(Section(h["sources"], [f"{s.title}{h['open']}{h[s.kind]}{h['close']}" for s in plan.sources]))
        if plan.review_flags:
            out.append(Section(h["review"], [review_note(f, plan.language) for f in plan.review_flags]))
    return out


def review_note(flag, language: str) -> str:
    """'Warning (coverage): D2 has no goal... Suggestion: add a goal...', in the plan's language (the check's words
    too, whatever language they were written in)."""
    h = labels(language)
    kind = FLAG_KINDS.get(language, FLAG_KINDS["en"])[flag.kind]
    note = f"{h[flag.severity]}{h['open']}{kind}{h['close']}{h['colon']}{flags.message(flag, language)}"
    return note + (f"{h['space']}{h['suggestion']}{h['colon']}{flags.suggestion(flag, language)}" if flag.suggestion else "")


def header_lines(plan: Plan) -> list[tuple[str, str]]:
    h = labels(plan.language)
    start, end = plan.period.start, plan.period.end
    period = ""
    if start or end:
        period = h["period_range" if start and end else "period_from" if start else "period_until"].format(start=start,
                                                                                                       end=end)
    lines = [(h["employee"], plan.employee.name or ""), (h["role"], plan.employee.role or ""),
             (h["manager"], plan.manager or ""),
             (h["interview"], plan.interview_date.isoformat() if plan.interview_date else ""),
             (h["period"], period)]
    return [(key, value) for key, value in lines if value]
