"""An agreement loaded from its files as bytes (an upload, a database), with the same checks as a folder."""

from __future__ import annotations

import pytest

import mou_kit
from mou_kit.errors import MouKitError, ValidationFailed
from mou_kit.files._uploaded import agreement_files
from tests.builders import build


def test_load_from_a_mapping_of_paths_to_bytes_round_trips() -> None:
    agreement = build("a1[c1,c2(p1)] a2[c3]")
    assert mou_kit.load(mou_kit.dump_agreement(agreement)) == agreement


def test_a_mapping_is_checked_like_a_folder() -> None:
    files = mou_kit.dump_agreement(build("a1[c1] a2[c2]"))
    del files["articles/a2.yaml"]
    with pytest.raises(ValidationFailed) as caught:
        mou_kit.load(files)
    assert caught.value.code == "article-file-missing"
    with pytest.raises(ValidationFailed) as caught:
        mou_kit.load({"agreement.yaml": b"id: [unclosed"})
    assert (caught.value.code, caught.value.file) == ("yaml-syntax", "agreement.yaml")
    with pytest.raises(MouKitError) as caught:
        mou_kit.load({"agreement.yaml": "text, not bytes"})  # type: ignore[dict-item]
    assert caught.value.code == "invalid-value"
    with pytest.raises(ValidationFailed) as caught:
        agreement_files({"agreement.yaml": "text, not bytes"})  # type: ignore[dict-item]
    assert caught.value.code == "file-unreadable"


def test_an_oversized_file_in_a_mapping_is_refused_before_parsing() -> None:
    files = mou_kit.dump_agreement(build("a1[c1]"))
    files["articles/a1.yaml"] = b"#" * 3_000_000
    with pytest.raises(ValidationFailed) as caught:
        mou_kit.load(files)
    assert any(p.code == "file-too-large" for p in caught.value.problems)
