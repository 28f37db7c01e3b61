"""The examples of docs/templates.md (files under docs_src/templates/) work as written."""

from __future__ import annotations

from pathlib import Path

from mou_kit.assemble import assemble_file, load_library
from mou_kit.assemble.assembly import render_example
from mou_kit.lint import lint

DOCS_SRC = Path(__file__).resolve().parents[2] / "docs_src" / "templates"


def test_the_own_template_loads_beside_the_bundled_library_and_renders() -> None:
    library = load_library([DOCS_SRC / "library"])
    article = render_example(library.article("pertukaran-pegawai"))
    assert article.clauses[0].text == {
        "id": "PARA PIHAK dapat saling menempatkan pegawai di bidang teknologi informasi untuk paling lama "
              "6 (enam) bulan setiap penempatan.",
        "en": "The PARTIES may place staff with each other in information technology for up to 6 (six) months "
              "per placement.",
    }


def test_the_answers_assemble_a_draft_that_lints_without_errors() -> None:
    agreement = assemble_file(DOCS_SRC / "answers.yaml")
    assert [a.id for a in agreement.articles] == [
        "maksud-dan-tujuan", "ruang-lingkup", "pertukaran-pegawai", "jangka-waktu", "bahasa", "ketentuan-penutup"]
    assert agreement.articles[2].source == "pertukaran-pegawai@1.0.0"
    assert [f.rule for f in lint(agreement) if f.severity == "error"] == []
