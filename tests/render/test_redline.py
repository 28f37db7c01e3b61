"""The redline: accepting every change gives the new text, rejecting gives the old; ids are unique."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings

from mou_kit import Agreement, load
from mou_kit.diff import RevisionInfo
from mou_kit.render.diffs.redline import write_redline
from mou_kit.render.diffs.redline_proof import expected, expected_labels, project, revision_stats
from tests.conftest import EXAMPLES
from tests.diff.edits import Edits, edited
from tests.diff.pairs import all_kinds

INFO = RevisionInfo("r2", dt.date(2023, 7, 25), "party-2", "rapat-2")
PROBE = Path(__file__).resolve().parents[2] / "mou_kit" / "render" / "diffs" / "_lo_redline_probe.py"


@pytest.fixture(scope="module")
def redline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    old, new = all_kinds()
    path = tmp_path_factory.mktemp("redline") / "redline.docx"
    write_redline(old, new, path, revision=INFO)
    return path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_accept_gives_new_and_reject_gives_old(lang: str, tmp_path: Path) -> None:
    old, new = all_kinds()
    path = tmp_path / "r.docx"
    write_redline(old, new, path, revision=INFO, lang=lang)
    assert project(path, accept=True) == expected(new, lang)
    assert project(path, accept=False) == expected(old, lang, cite=new)


def test_example_against_itself_has_no_revisions(tmp_path: Path) -> None:
    agreement = load(EXAMPLES / "tppo-kalbar")
    write_redline(agreement, agreement, tmp_path / "same.docx")
    assert revision_stats(tmp_path / "same.docx").total == 0


def test_ids_unique_moves_paired_author_and_date(redline: Path) -> None:
    stats = revision_stats(redline)
    assert stats.ids_unique and stats.moves_paired
    assert stats.counts["moveFrom"] and stats.counts["moveTo"] and stats.counts["ins"] and stats.counts["del"]
    assert stats.authors == {"I2"}
    assert stats.dates == {"2023-07-25T00:00:00Z"}


def test_renumbering_alone_makes_no_revision(tmp_path: Path) -> None:
    from tests.builders import data

    old_raw = data("a1[c1] a2[c2,c3] a3[c4]")
    new_raw = data("a1[c1] a2[c2,c3] a3[c4]")
    new_raw["articles"].insert(0, {"id": "a0", "heading": "Baru", "clauses": [{"id": "c0", "text": "Baru."}]})
    write_redline(Agreement.model_validate(old_raw), Agreement.model_validate(new_raw), tmp_path / "r.docx")
    stats = revision_stats(tmp_path / "r.docx")
    assert stats.groups == 1


def _probe(path: Path, action: str, tmp_path: Path) -> dict[str, object]:
    # a pipe name of its own: a fixed one is shared by every test run on the machine, and a run
    # then talks to another run's LibreOffice (or waits for one that is shutting down)
    pipe = f"mou-test-{action}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    run = subprocess.run(["/usr/bin/python3", str(PROBE), str(path), action, pipe,
                          str(tmp_path / f"profile-{action}")], capture_output=True, text=True, timeout=180,
                         check=True)
    result: dict[str, object] = json.loads(run.stdout)
    return result


@pytest.mark.skipif(shutil.which("soffice") is None or not Path("/usr/bin/python3").exists(),
                    reason="LibreOffice (soffice) and its Python bridge are not installed")
@pytest.mark.parametrize("action", ["accept", "reject"])
def test_libreoffice_accept_and_reject_all(action: str, redline: Path, tmp_path: Path) -> None:
    """Slow (LibreOffice): LO's own accept-all / reject-all gives the new / old agreement, labels included."""
    check = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True)
    if check.returncode != 0:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    old, new = all_kinds()
    out = _probe(redline, action, tmp_path)
    seen = [(p["label"], p["text"]) for p in out["paragraphs"]]  # type: ignore[attr-defined]
    target = new if action == "accept" else old
    want = expected_labels(target, "id", cite=new if action == "reject" else None)
    assert [text for _, text in seen] == [text for _, text in want]
    assert out["changes"] and not out["left"]
    assert {c["author"] for c in out["changes"]} == {"I2"}  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.xfail(reason="LibreOffice 7.4 joins a moved paragraph (w:moveFrom/w:moveTo) keeping the moved "
                          "paragraph's list level, and restores a w:pPrChange list membership at level 0; texts are "
                          "right (test above), list labels next to moves and single<->numbered clauses are not",
                   strict=False)
def test_libreoffice_list_labels_after_accept(redline: Path, tmp_path: Path) -> None:
    """Slow (LibreOffice): list labels after accept-all match the new agreement's numbering."""
    _old, new = all_kinds()
    out = _probe(redline, "accept", tmp_path)
    seen = [(p["label"], p["text"]) for p in out["paragraphs"]]  # type: ignore[attr-defined]
    assert seen == expected_labels(new, "id")


@settings(max_examples=25, deadline=None)
@given(edited())
def test_random_edits_accept_and_reject(case: tuple[Agreement, Agreement, Edits]) -> None:
    old, new, _ = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.docx"
        write_redline(old, new, path)
        assert project(path, accept=True) == expected(new, "id")
        assert project(path, accept=False) == expected(old, "id", cite=new)
        stats = revision_stats(path)
        assert stats.ids_unique and stats.moves_paired


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("action", ["accept", "reject"])
def test_libreoffice_labels_for_insertions_deletions_rewordings(action: str, tmp_path: Path) -> None:
    """Slow (LibreOffice): without moves or single<->numbered clauses, labels are the new/old numbering."""
    from tests.builders import data

    old = Agreement.model_validate(data("a1[c1,c2(p1,p2),c7] a2[c3,c4] a3[c5]"))
    raw = data("a1[c1,c7] a2[c3,c4] a3[c5]", texts={"c3": "Rumusan baru ayat c3."})
    raw["articles"].insert(0, {"id": "a0", "heading": "Baru", "clauses": [{"id": "c0", "text": "Baru."}]})
    raw["articles"][2]["clauses"].insert(1, {"id": "c6", "text": "Ayat sisipan."})
    new = Agreement.model_validate(raw)
    path = tmp_path / "r.docx"
    write_redline(old, new, path)
    out = _probe(path, action, tmp_path)
    seen = [(p["label"], p["text"]) for p in out["paragraphs"]]  # type: ignore[attr-defined]
    target, cite = (new, None) if action == "accept" else (old, new)
    assert seen == expected_labels(target, "id", cite=cite)
