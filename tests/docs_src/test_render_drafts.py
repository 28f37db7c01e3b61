"""The rendering example of docs/rendering.md runs and writes what the page says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT


def test_render_drafts_example(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("render_drafts", ROOT / "docs_src" / "render_drafts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.main(EXAMPLES / "tppo-kalbar", tmp_path)
    assert [p.name for p in written] == ["kalbar.docx", "kalbar.id+en.pdf", "kalbar.pdf"]
