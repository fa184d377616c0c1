"""Interface labels, read from the language files (`assistant/i18n/en.toml`, `zh.toml`). Plan headings follow
the notes' language (see export/)."""
from __future__ import annotations

from ..i18n import text


def label(lang: str, key: str) -> str:
    return text(lang, f"labels.{key}")


def export_versions(lang: str) -> list[tuple[str, str]]:
    """The choice beside the download: the employee's copy or HR's."""
    return [(label(lang, "copy_employee"), "employee"), (label(lang, "copy_hr"), "hr")]


def drafted_by(drafter: str, lang: str) -> str:
    """What drew the plan, as a manager would say it: this computer (the embedded drafter, no AI service) or the AI
    model by its name (`Plan.drafter`: 'embedded', 'llm:MODEL', 'embedded (fallback: llm:MODEL failed)')."""
    if drafter.startswith("llm:"):
        return text(lang, "status.by_model", model=drafter.removeprefix("llm:"))
    if "fallback:" in drafter:
        model = drafter.split("fallback:", 1)[1].removesuffix("failed)").strip().removeprefix("llm:")
        return text(lang, "status.by_fallback", model=model)
    return text(lang, "status.by_computer")
