"""Write the PNGs of docs/img that show ``mou serve``: each page of the workbench in headless Chromium.

Run by ``make pictures`` after changing a template or the stylesheet in mou_kit/web, then look at
them: docs/serve.md and the README's tour show them. Needs the ``web`` extra, the ``playwright``
package and Debian's ``chromium`` (Playwright's own browser download is not used).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mou_kit import Workspace, load  # noqa: E402
from mou_kit.demo.history import build_example_history  # noqa: E402
from mou_kit.web import create_app  # noqa: E402
from mou_kit.web.server import running  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
"""How every browser test and picture starts Debian's chromium: offline, no sandbox (CI runs as root)."""

PAGES = [
    ("web-portfolio", "/?lang=en"),
    ("web-agreement", "/a/nk-tppo?lang=en"),
    ("web-history", "/a/nk-tppo/node/lingkup-pencegahan"),
    ("web-edit", "/a/nk-tppo/edit/lingkup-pencegahan?party=bp3mi-kalbar"),
    ("web-meeting", "/a/nk-tppo/meeting"),
    ("web-timeline", "/a/nk-tppo/timeline?a=rapat-2023-07-18&b=rapat-2023-07-25"),
    ("web-import", "/a/nk-tppo/import"),
    ("web-documents", "/a/nk-tppo/documents"),
    ("web-agreement-id", "/a/nk-tppo?lang=id"),
]


def agreements(folder: Path) -> Path:
    """Return a folder of two agreements: the example's history with meetings, and the English research MoU."""
    build_example_history(ROOT / "examples" / "tppo-kalbar", folder / "nk-tppo")
    Workspace.init(folder / "research-mou", load(ROOT / "examples" / "research-mou-en"),
                   proposed_by=None).close()
    return folder


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp, running(create_app(agreements(Path(tmp) / "perjanjian"))) as url, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 820})
        for name, path in PAGES:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")
        browser.close()


if __name__ == "__main__":
    main()
