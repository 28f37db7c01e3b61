"""A document's name reads back: work, language and revision (the expression), format (the manifestation)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from mou_kit.errors import MouKitError
from mou_kit.model.identity import FORMATS, DocumentId

slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
revisions = st.text(min_size=1, max_size=20).filter(lambda r: "\x00" not in r)


@given(slugs, st.none() | st.sampled_from(["id", "en", "ind"]), st.none() | revisions,
       st.none() | st.sampled_from(FORMATS))
def test_every_name_reads_back_as_itself(work: str, lang: str | None, revision: str | None,
                                         format: str | None) -> None:
    name = DocumentId(work, lang, revision, format)
    assert DocumentId.parse(str(name)) == name
    assert name.manifestation("pdf").expression == name.expression


def test_the_names_a_reader_writes() -> None:
    assert str(DocumentId("tppo-kalbar", "id", "0a1b2c3d4e", "pdf")) == "/mou/tppo-kalbar/id@0a1b2c3d4e.pdf"
    assert DocumentId.parse("/mou/tppo-kalbar@rapat-2023-07-18") == DocumentId("tppo-kalbar", None,
                                                                                "rapat-2023-07-18")
    branch = DocumentId("tppo-kalbar", "en", "proposal/bp3mi.v2", "docx")
    assert str(branch) == "/mou/tppo-kalbar/en@proposal%2Fbp3mi%2Ev2.docx"


@pytest.mark.parametrize("text", ["/mou/Bad_Id", "mou/tppo", "/mou/tppo/english", "/mou/tppo@", "/mou/tppo.exe"])
def test_a_bad_name_says_how_to_write_one(text: str) -> None:
    with pytest.raises(MouKitError, match="/mou/<agreement>"):
        DocumentId.parse(text)


def test_a_document_names_itself() -> None:
    from mou_kit import load
    from mou_kit.render._document import document_info
    from tests.conftest import EXAMPLES

    info = document_info(load(EXAMPLES / "tppo-kalbar"), "id", revision="0a1b2c3d4e")
    assert info.identity is not None and str(info.identity.manifestation("pdf")).startswith("/mou/")
    assert DocumentId.parse(str(info.identity)).revision == "0a1b2c3d4e"
