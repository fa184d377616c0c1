"""Interface labels, read from the language files (`assistant/i18n/en.toml`, `zh.toml`). Plan headings follow
the notes' language (see export/)."""
from __future__ import annotations

from ..i18n import text


def label(lang: str, key: str) -> str:
    return text(lang, f"labels.{key}")


def export_versions(lang: str) -> list[tuple[str, str]]:
    """The choice beside the download: the employee's copy or HR's."""
    return [(label(lang, "copy_employee"), "employee"), (label(lang, "copy_hr"), "hr")]
