"""Plans as documents to hand over: Markdown, DOCX, PDF, and the plan's JSON.

`content` says what a document holds, in the plan's language, for the employee or for HR; `markdown`,
`word` (DOCX) and `pdf` lay it out. DOCX and PDF take the organisation's page size and carry a draft
mark until HR approves the plan. fpdf2 and python-docx take over a second to import, so `render`
imports them only when a DOCX or PDF is asked for.
"""
from __future__ import annotations

from ..errors import PlanCoachError
from ..schema import Plan
from .content import AUDIENCES, Audience, document, sections
from .markdown import to_markdown
from .page import PageSize

FORMATS = {"markdown": ".md", "docx": ".docx", "pdf": ".pdf", "json": ".json"}  # format -> file suffix

__all__ = ["AUDIENCES", "FORMATS", "Audience", "ExportError", "document", "render", "sections", "to_json",
           "to_markdown"]


class ExportError(PlanCoachError, RuntimeError):
    """A document could not be produced; the message says what is missing."""


def to_json(plan: Plan) -> str:
    """The plan itself, review flags and sources included: what `plancoach check` and other tools read back."""
    return plan.model_dump_json(indent=2) + "\n"


def render(plan: Plan, fmt: str, *, audience: Audience = "employee", approved: bool = False,
           page_size: PageSize = "A4") -> str | bytes:
    """The plan in one of FORMATS: text for Markdown and JSON, bytes for DOCX and PDF."""
    if fmt == "markdown":
        return to_markdown(plan, audience=audience, approved=approved)
    if fmt == "json":
        return to_json(plan)
    if fmt == "docx":
        from .word import to_docx

        return to_docx(plan, audience=audience, approved=approved, page_size=page_size)
    if fmt == "pdf":
        from .pdf import to_pdf

        return to_pdf(plan, audience=audience, approved=approved, page_size=page_size)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
