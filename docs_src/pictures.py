"""Write the PNGs of docs/img that show the PDF layout: first page and signature page of each example.

Run ``make pictures`` (or ``python docs_src/pictures.py``) after changing the typst template, then
look at them: docs/rendering.md and the README show them. Needs ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mou_kit import load, render_pdf  # noqa: E402

SHOTS = [("tppo-kalbar", "id"), ("tppo-kalbar", "en"), ("tppo-kalbar", "id+en"), ("research-mou-en", "en")]


def signature_page(pdf: bytes) -> int:
    """Return the 1-based number of the first page that holds a signature field."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        if any(a.get_object().get("/FT") == "/Sig" for a in page.get("/Annots", [])):
            return number
    raise ValueError("the PDF has no signature field")


def png(pdf: Path, page: int, target: Path) -> None:
    """Write ``page`` of ``pdf`` to ``target`` at 60 dpi, the size the docs show."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True)


def main() -> None:
    out = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        for example, lang in SHOTS:
            folder = ROOT / "examples" / example
            pdf = Path(tmp) / f"{example}.{lang}.pdf"
            data = render_pdf(load(folder), pdf, lang=lang, folder=folder)
            prefix = f"{example}-{lang}" if example == "tppo-kalbar" else example
            png(pdf, 1, out / f"{prefix}-first.png")
            png(pdf, signature_page(data), out / f"{prefix}-signatures.png")
            print(f"wrote {out / prefix}-first.png, -signatures.png")


if __name__ == "__main__":
    main()
