"""Paper: the organisation's page size (`PLANCOACH_PAGE_SIZE`) and the margins every DOCX and PDF export uses."""
from __future__ import annotations

from typing import Literal

PageSize = Literal["A4", "Letter"]

# Width and height in millimetres; in points (1/72 in) A4 is 595.3 x 841.9 and Letter 612 x 792.
PAGE_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
MARGIN_MM = 20.0


def page_mm(size: str) -> tuple[float, float]:
    if size not in PAGE_MM:
        raise ValueError(f"unknown page size {size!r}: use {' or '.join(PAGE_MM)}")
    return PAGE_MM[size]
