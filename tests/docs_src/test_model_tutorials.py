"""The examples in docs_src/model run and print what the docs say they print."""

from __future__ import annotations

from pathlib import Path

from docs_src.model import tutorial001_load_and_number, tutorial002_build_and_save

ROOT = Path(__file__).resolve().parents[2]


def test_tutorial001_prints_each_point_in_both_languages() -> None:
    lines = tutorial001_load_and_number.main(ROOT / "examples/tppo-kalbar")
    assert lines[0] == "lingkup-pertukaran-data: Pasal 2 huruf a / Article 2(a)"
    assert lines[-1] == "lingkup-lainnya: Pasal 2 huruf f / Article 2(f)"


def test_tutorial002_builds_saves_and_renders(tmp_path: Path) -> None:
    text = tutorial002_build_and_save.main(tmp_path / "kerja-sama-data")
    assert "Data sebagaimana dimaksud dalam Pasal 1 huruf a dipertukarkan secara elektronik." in text
    assert (tmp_path / "kerja-sama-data/articles/pelaksanaan.yaml").is_file()
