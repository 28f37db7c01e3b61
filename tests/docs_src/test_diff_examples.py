"""The diff example in docs_src runs and writes what docs/diff.md says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mou_kit import load
from mou_kit.files import save
from tests.conftest import EXAMPLES, ROOT


def test_compare_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("compare_drafts", ROOT / "docs_src" / "diff" / "compare_drafts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    agreement = load(EXAMPLES / "tppo-kalbar")
    changed = agreement.model_copy(deep=True)
    changed.articles[0].clauses[0].text = {"id": "Rumusan baru.", "en": "New wording."}
    save(changed, tmp_path / "new")
    paths = module.main(str(EXAMPLES / "tppo-kalbar"), str(tmp_path / "new"), str(tmp_path / "out"))
    assert [p.name for p in paths] == ["diff.html", "matrix.docx", "matrix.html", "redline.docx"]
    assert "Pasal 1 ayat (1)  diubah" in capsys.readouterr().out
