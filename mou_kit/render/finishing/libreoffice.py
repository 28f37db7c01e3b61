"""How a PDF is made from the DOCX by LibreOffice headless, the high-fidelity engine where ``soffice`` exists."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import RenderError
from .laid import SignatureSpot

TIMEOUT = 180
"""Seconds LibreOffice may take to convert one document."""


def soffice() -> str:
    """Return the path of the ``soffice`` program.

    :raises RenderError: LibreOffice is not installed (code ``engine-missing``).
    """
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise RenderError("LibreOffice (soffice) is not installed; install it or use --engine typst",
                          code="engine-missing")
    return found


PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""LibreOffice's PDF export asked for PDF/A-2b."""


def convert(docx: bytes, *, profile: Path | None = None, pdfa: bool = False) -> bytes:
    """Return the PDF LibreOffice makes of the DOCX bytes ``docx``.

    LibreOffice runs with the user profile folder ``profile`` (default: a fresh private one, so
    it never clashes with a LibreOffice the user has open).

    :raises RenderError: LibreOffice is missing, failed, or took longer than ``TIMEOUT`` seconds.
    """
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="mou-lo-") as tmp:
        root = Path(tmp)
        source = root / "agreement.docx"
        source.write_bytes(docx)
        command = [program, f"-env:UserInstallation={(profile or root / 'profile').resolve().as_uri()}", "--headless",
                   "--convert-to", PDFA_FILTER if pdfa else "pdf", "--outdir", str(root), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as e:
            raise RenderError(f"LibreOffice took longer than {TIMEOUT} s to convert the DOCX",
                              code="render-failed") from e
        target = root / "agreement.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
            raise RenderError(f"LibreOffice could not convert the DOCX: {detail[-1] if detail else 'no output'}",
                              code="render-failed")
        return target.read_bytes()


def find_spots(pdf: bytes, names: list[tuple[str, str]], *, width: float = 212.0,
               height: float = 74.0) -> list[SignatureSpot]:
    """Return a signature spot above the last place each signatory's printed name appears.

    ``names`` are (party id, printed name) pairs; a name not found gets no spot.
    """
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, SignatureSpot] = {}
    for number, page in enumerate(reader.pages, 1):
        top = float(page.mediabox.height)
        hits: list[tuple[str, float, float]] = []

        def visit(text: str, cm: object, tm: list[float], font: object, size: object,
                  hits: list[tuple[str, float, float]] = hits) -> None:
            if text.strip():
                hits.append((text, float(tm[4]), float(tm[5])))

        page.extract_text(visitor_text=visit)
        for party, name in names:
            for text, x, y in hits:
                shown = text.strip()
                if name and len(shown) >= 4 and (name in shown or name.startswith(shown)):
                    found[party] = SignatureSpot(party, number, max(x - 20.0, 0.0), top - y - height - 4.0,
                                                 width, height)
    return [found[p] for p, _ in names if p in found]
