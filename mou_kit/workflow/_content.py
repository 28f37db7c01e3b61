"""Whether a PDF shows the text of the revision it names: that revision rendered again, word for word.

The metadata (revision, fingerprint) only says which revision to compare with: a PDF rendered
from altered text with the labels of the agreed one names the agreed revision, and then its words
differ from the agreed revision's. Rendering is deterministic, so the same revision with the same
options (``/MouRender``) gives the same words; a PDF from before that entry is compared with each
language and layout the agreement can be printed in.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import MouKitError
from ..model import Agreement
from ..render.pdf import parse_render_options, render_pdf
from ..signing import DocumentMark

_CONTEXT = 6


def page_words(pdf: bytes) -> list[list[str]]:
    """Return the words of each page of ``pdf``, as a reader extracts them (the file is parsed once)."""
    from pypdf import PdfReader

    return [(page.extract_text() or "").split() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(pages: list[list[str]]) -> list[str]:
    return [word for page in pages for word in page]


def _candidates(agreement: Agreement, mark: DocumentMark) -> Iterator[dict[str, str]]:
    recorded = parse_render_options(mark.render or "")
    if recorded:
        yield recorded
        return
    langs = list(agreement.languages)
    for lang in langs:
        yield {"lang": lang}
    if len(langs) > 1:
        for layout in ("side-by-side", "sequential"):
            yield {"lang": "+".join(langs), "layout": layout}


def _render(agreement: Agreement, options: dict[str, str], revision: str | None) -> bytes:
    return render_pdf(agreement, lang=options.get("lang"), revision=revision, layout=options.get("layout"),
                      engine=options.get("engine", "typst"), pdfa=options.get("pdfa") == "yes")


def _difference(theirs: list[str], ours: list[str], *, most: int = 3) -> str:
    """Name the first few places the words differ, with a few words around each from both sides."""
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    places = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = " ".join(ours[max(0, i1 - _CONTEXT):i1])
        said = " ".join(theirs[j1:min(j2, j1 + 3 * _CONTEXT)]) or "(nothing)"
        meant = " ".join(ours[i1:min(i2, i1 + 3 * _CONTEXT)]) or "(nothing)"
        places.append(f"after '…{before}' it reads '{said}' where the revision reads '{meant}'")
        if len(places) == most:
            break
    return "; ".join(places) or "the words are the same but in another order"


def text_problem(pdf: bytes, agreement: Agreement, mark: DocumentMark, *, shown: str, short_id: str) -> str | None:
    """Return why ``pdf`` does not show ``agreement``'s text as mou_kit renders it, or ``None`` when it does.

    ``agreement`` is the revision the PDF's fingerprint names; annex pages appended after the
    agreement's own pages are not compared.
    """
    their_pages = page_words(pdf)
    first: tuple[list[str], list[str]] | None = None
    for options in _candidates(agreement, mark):
        try:
            fresh = page_words(_render(agreement, options, mark.revision))
        except MouKitError as e:
            return f"{Path(shown).name}: revision {short_id} cannot be rendered again to compare its text ({e})"
        ours = _flat(fresh)
        theirs = _flat(their_pages[:len(fresh)] if agreement.annexes else their_pages)
        if theirs == ours:
            return None
        first = first or (theirs, ours)
    if first is None:
        return f"{Path(shown).name}: no way to render revision {short_id} again was found"
    return (f"{Path(shown).name}: its text is not the text of revision {short_id}, whose fingerprint it carries: "
            f"{_difference(*first)}; it was altered or rendered from other content")
