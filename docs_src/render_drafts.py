"""Render the Kalimantan Barat example as a Word file, a PDF/A-2b and a bilingual PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import mou_kit


def main(example: Path, out: Path) -> list[Path]:
    agreement = mou_kit.load(example)
    mou_kit.render_docx(agreement, out / "kalbar.docx", lang="id", folder=example)
    mou_kit.render_pdf(agreement, out / "kalbar.pdf", lang="id", folder=example, pdfa=True)
    mou_kit.render_pdf(agreement, out / "kalbar.id+en.pdf", lang="id+en", folder=example)
    return sorted(out.iterdir())


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
