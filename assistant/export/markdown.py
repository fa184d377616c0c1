"""The plan as Markdown: the workspace's preview, the HR review tab, the diff and `plancoach draft --format markdown`.
Text that came from notes or people goes through `markdown_text`, so it shows as written and never renders."""
from __future__ import annotations

from ..schema import Plan
from ..textutil import markdown_text
from .content import Audience, document

LINE = "_" * 60


def to_markdown(plan: Plan, *, audience: Audience = "employee", approved: bool = False) -> str:
    doc = document(plan, audience=audience, approved=approved)
    lines = [f"# {doc.title}", ""]
    if doc.draft_mark:
        lines += [f"**{doc.draft_mark}**", ""]
    lines += [f"_{doc.copy}_", ""]
    lines += [f"- **{key}{doc.colon.strip()}** {markdown_text(value)}" for key, value in doc.header]
    for section in doc.sections:
        lines += ["", f"## {section.title}", ""]
        if section.table is not None:
            if len(section.table) == 1:
                lines.append(doc.none)
            else:
                lines.append("| " + " | ".join(section.table[0]) + " |")
                lines.append("|" + "---|" * len(section.table[0]))
                lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.table[1:]]
        lines += [f"- {markdown_text(p)}" for p in section.paragraphs]
    ack = doc.acknowledgement
    lines += ["", f"## {ack.title}", "", ack.text, "", f"**{ack.comments}{doc.colon.strip()}**", "", LINE, "", LINE, ""]
    for signer in ack.signers:
        lines += [f"{signer}{doc.colon}______________________  {ack.date}{doc.colon}____________", ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """A table cell: text from notes or people cannot start markup (`markdown_text`) or end the cell."""
    return markdown_text(text).replace("|", "\\|").replace("\n", " ")
