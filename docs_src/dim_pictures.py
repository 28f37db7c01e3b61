"""Write docs/img/dim-docx.png and docs/img/dim-html.png: the DIM of the secretariat scenario (#15).

The DOCX goes through LibreOffice to PDF and pdftoppm to PNG; the HTML is shot by headless
Chromium (Debian: ``apt-get install chromium``). Run ``python docs_src/dim_pictures.py`` after
changing the DIM's layout, then look at both pictures: docs/secretariat.md shows them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mou_kit.render.diffs.dim import write_dim  # noqa: E402
from mou_kit.workspace import Workspace  # noqa: E402
from mou_kit.workspace.dim import dim  # noqa: E402
from tests import secretariat  # noqa: E402

DPI = 75


def docx_png(docx: Path, target: Path) -> None:
    """Write the first page of ``docx``, as LibreOffice lays it out, to ``target``."""
    folder = docx.parent
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                    "pdf", "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-singlefile", "-f", "1", "-l", "1",
                    str(docx.with_suffix(".pdf")), str(target.with_suffix(""))], check=True)


def html_png(html: Path, target: Path) -> None:
    """Write a screenshot of ``html`` in headless Chromium (a landscape A4's width) to ``target``."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("headless Chromium is needed: apt-get install chromium")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={html.parent / 'chromium'}", "--window-size=1120,900",
                    f"--screenshot={target}", html.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    out = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        scenario = secretariat.build(Path(tmp) / "repo")
        with Workspace.open(scenario.path) as ws:
            table = dim(ws, scenario.first, secretariat.MEETING)
        write_dim(table, Path(tmp) / "dim.docx")
        write_dim(table, Path(tmp) / "dim.html")
        docx_png(Path(tmp) / "dim.docx", out / "dim-docx.png")
        html_png(Path(tmp) / "dim.html", out / "dim-html.png")
    print(f"wrote {out / 'dim-docx.png'}, {out / 'dim-html.png'}")


if __name__ == "__main__":
    main()
