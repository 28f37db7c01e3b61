"""A document names the revision it was made from by the model's revision type, whatever the caller passed."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from mou_kit import load, render_docx
from mou_kit.model import Revision, RevisionInfo
from mou_kit.render._document import WORKING, document_info
from tests.conftest import EXAMPLES

COMMIT = Revision(id="0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", short_id="0a1b2c3d4e",
                  date=dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC), author="Budi", message="Pasal 3",
                  proposed_by="bp3mi", meeting="rapat-1")


@pytest.mark.parametrize(("given", "named"), [
    (None, WORKING),
    ("v1", "v1"),
    (COMMIT, "0a1b2c3d4e"),
    (RevisionInfo(id="rapat-1"), "rapat-1"),
])
def test_every_form_of_a_revision_names_the_same_document(given: str | Revision | RevisionInfo | None,
                                                          named: str) -> None:
    info = document_info(load(EXAMPLES / "tppo-kalbar"), "id", revision=given)
    assert isinstance(info.revision, RevisionInfo) and info.revision.id == named
    assert info.keywords.startswith(f"revision={named}; ")
    assert info.identity is not None and info.identity.revision == named


def test_a_commit_keeps_its_day_party_and_meeting() -> None:
    info = document_info(load(EXAMPLES / "tppo-kalbar"), "id", revision=COMMIT)
    assert info.revision == COMMIT.info() == RevisionInfo("0a1b2c3d4e", dt.date(2026, 11, 28), "bp3mi", "rapat-1")


def test_a_word_file_carries_the_revision_a_commit_names() -> None:
    data = render_docx(load(EXAMPLES / "tppo-kalbar"), lang="id", revision=COMMIT, pages_like_pdf=False)
    assert docx.Document(io.BytesIO(data)).core_properties.version == "0a1b2c3d4e"
