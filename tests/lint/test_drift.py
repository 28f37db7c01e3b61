"""Template drift: an article whose template has a newer version is reported, shown and updated."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit import load
from mou_kit.assemble import load_library
from mou_kit.errors import TemplateError, ValidationFailed
from mou_kit.lint._drift import Source
from mou_kit.workflow.drafting import assemble_to_folder, lint_folder, update_from_library

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ANSWERS = EXAMPLES / "tppo-kalbar.answers.yaml"


def _newer_library(tmp_path: Path) -> Path:
    old = Path(load_library().files["kerahasiaan@1.0.1"]).read_text(encoding="utf-8")
    new = old.replace("version: 1.0.1", "version: 1.1.0", 1).replace(
        "  - {version: 1.0.0, note: {id: Versi pertama., en: First version.}}",
        "  - {version: 1.0.0, note: {id: Versi pertama., en: First version.}}\n"
        "  - {version: 1.1.0, note: {id: Menyebut dokumen., en: Names documents.}}", 1).replace(
        "menjaga kerahasiaan data dan informasi yang diterima", "menjaga kerahasiaan data, informasi, dan dokumen "
        "yang diterima", 1)
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "kerahasiaan.yaml").write_text(new, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("text", "parsed"), [
    ("kerahasiaan@1.0.0", Source("kerahasiaan", "1.0.0")),
    ("kerahasiaan@1.0.0#strict", Source("kerahasiaan", "1.0.0", "strict")),
    ("kerahasiaan", None),
])
def test_sources_round_trip(text: str, parsed: Source | None) -> None:
    assert Source.parse(text) == parsed
    if parsed is not None:
        assert str(parsed) == text


def test_lint_reports_a_newer_template_and_what_it_changes(tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    assemble_to_folder(ANSWERS, folder)
    assert [f.rule for f in lint_folder(folder).findings] == ["MOU104"]
    report = lint_folder(folder, library_paths=[_newer_library(tmp_path)])
    drift = [f for f in report.findings if f.rule == "MOU301"]
    assert len(drift) == 1 and drift[0].node == "kerahasiaan"
    assert drift[0].message == "article 'kerahasiaan' came from kerahasiaan@1.0.1; version 1.1.0 is available"
    assert drift[0].details == (
        "1.1.0: Menyebut dokumen.",
        "clause 'kerahasiaan-umum' is re-worded: [-data-]{+data, informasi,+}; [-informasi-]{+dokumen+}",
    )


def test_update_brings_the_new_version_into_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    assemble_to_folder(ANSWERS, folder)
    library = _newer_library(tmp_path)
    result = update_from_library(folder, "kerahasiaan-umum", library_paths=[library])
    assert result.changed == ["articles/kerahasiaan.yaml"] and result.revision is None
    article = load(folder).articles[4]
    assert article.source == "kerahasiaan@1.1.0"
    assert "data, informasi, dan dokumen" in str(article.clauses[0].text)
    assert not [f for f in lint_folder(folder, library_paths=[library]).findings if f.rule == "MOU301"]


def test_update_without_answers_says_how_to_give_them(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as e:
        update_from_library(EXAMPLES / "tppo-kalbar", "kerahasiaan")
    assert "no answers are known for this agreement" in str(e.value)
    assert "pass --answers FILE" in str(e.value)


def test_update_of_a_hand_written_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as e:
        update_from_library(EXAMPLES / "tppo-kalbar", "kerahasiaan", answers_path=ANSWERS)
    assert e.value.message == "article 'kerahasiaan' was not made from a library template (it has no 'source')"


def test_update_in_a_repository_is_a_revision(tmp_path: Path) -> None:
    from mou_kit.workspace import Workspace

    draft = tmp_path / "draft"
    assemble_to_folder(ANSWERS, draft)
    folder = tmp_path / "repo"
    Workspace.init(folder, load(draft)).close()
    result = update_from_library(folder, "kerahasiaan-umum", library_paths=[_newer_library(tmp_path)],
                                 answers_path=ANSWERS)
    assert result.changed == ["articles/kerahasiaan.yaml"] and result.revision
    with Workspace.open(folder) as ws:
        head = ws.log()[0]
        assert head.short_id == result.revision
        assert head.summary == "Update kerahasiaan-umum from the clause library (kerahasiaan@1.1.0)"
        assert ws.read("HEAD").articles[4].source == "kerahasiaan@1.1.0"
