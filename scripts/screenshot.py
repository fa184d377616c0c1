"""The README's screenshot: the workspace after drafting the bundled English example, in Debian's chromium.

    python scripts/screenshot.py            # writes docs/screenshot.png
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import running_app  # noqa: E402


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        print("Debian's chromium is needed: apt-get install chromium", file=sys.stderr)
        return 1
    notes = (ROOT / "examples" / "training-specialist.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 1500})
        page.goto(url)
        page.fill("#pc-notes textarea", notes)
        page.click("#pc-draft")
        page.wait_for_function("() => (document.querySelector('#pc-status')?.innerText || '').includes('Drafted')",
                               timeout=120_000)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        browser.close()
    print("docs/screenshot.png written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
