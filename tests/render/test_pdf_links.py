"""Cross-references in the PDF are links to their target's page; the template's markers leave no trace."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from mou_kit import load, render_pdf
from tests.builders import build
from tests.conftest import EXAMPLES

KALBAR = EXAMPLES / "tppo-kalbar"


def links(pdf: bytes) -> list[tuple[int, int | None, str]]:
    """Return (page, destination page or None, /Contents) of every link annotation, in page order."""
    reader = PdfReader(io.BytesIO(pdf))
    index = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}  # type: ignore[union-attr]
    out = []
    for n, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            assert "/A" not in annot, "no link may keep an action"
            dest = annot.get("/Dest")
            target = index[dest[0].idnum] if isinstance(dest, ArrayObject) else None
            out.append((n, target, str(annot.get("/Contents", ""))))
    return out


@pytest.mark.parametrize("lang", ["id", "en", "id+en"])
def test_every_cross_reference_of_the_example_links_to_its_page(lang: str) -> None:
    pdf = render_pdf(load(KALBAR), lang=lang, folder=KALBAR)
    assert b"mou:" not in pdf
    resolved = [(page, target, words) for page, target, words in links(pdf) if target is not None]
    assert len(resolved) >= 2
    for _, target, words in resolved:
        assert words.split()[-1] == str(target) and words.split()[0] in ("halaman", "page")


def test_a_reference_lands_where_its_target_is() -> None:
    texts = {"c1": "Lihat [[c9]].", "c9": "Sasaran rujukan."}
    filler = {f"f{k}": "Isi pengisi yang panjang. " * 40 for k in range(12)}
    agreement = build("a1[c1] a2[" + ",".join(filler) + "] a3[c9]", texts={**texts, **filler})
    pdf = render_pdf(agreement)
    reader = PdfReader(io.BytesIO(pdf))
    target_page = next(n for n, page in enumerate(reader.pages, start=1)
                       if "Sasaran rujukan" in page.extract_text())
    (page, target, _), = [link for link in links(pdf) if link[1] is not None]
    assert page == 1 and target == target_page > 1


def test_a_reference_to_an_unnumbered_clause_links_to_it() -> None:
    agreement = build("a1[c1,c2] a2[c9]", texts={"c1": "Lihat [[c9]].", "c9": "Satu-satunya ayat."})
    resolved = [link for link in links(render_pdf(agreement)) if link[1] is not None]
    assert len(resolved) == 1


def test_clause_text_cannot_make_a_marker() -> None:
    text = "Alamat mou:ref:id:a1 dan mou:sig:polda hanyalah teks."
    pdf = render_pdf(build("a1[c1,c2]", texts={"c1": text}))
    plain = render_pdf(build("a1[c1,c2]", texts={"c1": "Alamat biasa saja."}))
    assert links(pdf) == links(plain)  # the signature markers only, made inert
    assert "mou:ref:id:a1" in re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_one_signature_field_per_party_when_the_languages_follow_each_other() -> None:
    pdf = render_pdf(load(KALBAR), lang="id+en", folder=KALBAR, layout="sequential")
    reader = PdfReader(io.BytesIO(pdf))
    fields = [(n, str(a.get_object()["/T"])) for n, page in enumerate(reader.pages, start=1)
              for a in page.get("/Annots", []) or [] if a.get_object().get("/FT") == "/Sig"]
    names = [name for _, name in fields]
    assert len(names) == len(set(names)) == len(load(KALBAR).parties)
    assert {n for n, _ in fields} == {min(n for n, _ in fields)}  # on the first signature page
