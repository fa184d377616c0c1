"""Draft the sample notes in docs/samples/ and write every export of them beside the notes.

For the English and the Chinese notes: the employee's and HR's copy as PDF, DOCX and Markdown, drafted by the
embedded drafter, on the organisation's page size (PLANCOACH_PAGE_SIZE, A4 by default). Run it from the
repository's root after a change to the exports:

    .venv/bin/python scripts/export_samples.py [--png DIR]

--png also draws every page of the PDFs to PNG files in DIR (poppler's pdftoppm), to look at them.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.export import AUDIENCES, FORMATS, render  # noqa: E402
from assistant.output import write_atomic  # noqa: E402
from assistant.pipeline import draft_plan  # noqa: E402
from assistant.settings import get_settings  # noqa: E402

SAMPLES = ROOT / "docs" / "samples"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--png", type=Path, help="also draw every PDF page to a PNG in this folder")
    args = parser.parse_args()
    settings = get_settings()
    for notes in sorted(SAMPLES.glob("notes-*.txt")):
        language = notes.stem.removeprefix("notes-")
        plan = draft_plan(notes.read_text(encoding="utf-8"), drafter="embedded", settings=settings).plan
        for audience in AUDIENCES:
            for fmt in ("pdf", "docx", "markdown"):
                path = SAMPLES / f"{language}-{audience}{FORMATS[fmt]}"
                write_atomic(path, render(plan, fmt, audience=audience, page_size=settings.page_size))
                print(path.relative_to(ROOT))
                if fmt == "pdf" and args.png:
                    args.png.mkdir(parents=True, exist_ok=True)
                    subprocess.run(["pdftoppm", "-png", "-r", "80", str(path), str(args.png / path.stem)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
