"""The import example of docs/import.md runs and lists the edits the page shows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import docx

import mou_kit
from mou_kit.demo.counterpart import counterpart_edits
from tests.conftest import EXAMPLES, ROOT


def test_import_docx_example(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("import_docx", ROOT / "docs_src" / "import_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    received = tmp_path / "dari-bp3mi.docx"
    mou_kit.render_docx(mou_kit.load(EXAMPLES / "tppo-kalbar"), received, lang="id")
    document = docx.Document(str(received))
    counterpart_edits(document, "BP3MI Kalbar")
    document.save(str(received))
    lines = module.main(EXAMPLES / "tppo-kalbar", received)
    assert lines == [
        "added pelatihan-bersama-aparat-penegak-hukum",
        "removed data-pelindungan",
        "reworded kerahasiaan-umum",
        "reworded pembiayaan-anggaran",
        "reworded monev-berkala",
        "dari-bp3mi.docx ¶55: tracked insertion by BP3MI Kalbar in pembiayaan-anggaran: ' yang berlaku'",
        "dari-bp3mi.docx ¶58: tracked deletion by BP3MI Kalbar in monev-berkala: ' secara bersama-sama'",
    ]
