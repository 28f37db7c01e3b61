"""Align once: the diff's alignment is the one the redline and the importer follow."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from mou_kit import Agreement, diff
from mou_kit.diff import Alignment, ChangeKind
from mou_kit.diff.match import align
from mou_kit.render.diffs.diff_documents import diff_redline
from mou_kit.render.diffs.redline import write_redline
from mou_kit.render.diffs.redline_proof import revision_stats
from tests.diff.edits import Edits, edited
from tests.diff.pairs import all_kinds


def test_diff_carries_the_alignment_its_changes_come_from() -> None:
    old, new = all_kinds()
    result = diff(old, new)
    assert result.alignment is not None
    assert result.alignment == align(old, new)
    moved = {c.node for c in result if c.kind == ChangeKind.MOVED}
    assert moved and moved == set(result.alignment.moved)
    paired = {c.node for c in result if c.old_node is not None}
    assert paired == {new_id for new_id in result.alignment.renamed.values()}


@settings(max_examples=15, deadline=None)
@given(edited())
def test_alignment_of_a_diff_pairs_kept_nodes_and_names_the_moves(case: tuple[Agreement, Agreement, Edits]) -> None:
    old, new, edits = case
    alignment = diff(old, new).alignment
    assert alignment is not None
    assert all(alignment.new_of[o] == n for n, o in alignment.old_of.items())
    assert alignment.moved == edits.moved
    assert not set(alignment.old_of) & edits.added


def test_redline_follows_the_alignment_it_is_given(tmp_path: Path) -> None:
    from tests.builders import data

    same = Agreement.model_validate(data("a1[c1,c2] a2[c3]"))
    write_redline(same, same, tmp_path / "plain.docx")
    assert revision_stats(tmp_path / "plain.docx").total == 0
    # an alignment that says c2 moved: the redline shows a move although the texts are equal
    told = Alignment(new_of={n: n for n in ("a1", "c1", "c2", "a2", "c3")},
                     old_of={n: n for n in ("a1", "c1", "c2", "a2", "c3")}, moved=frozenset({"c2"}))
    from mou_kit.render.diffs.redline import build_redline

    build_redline(same, same, alignment=told).save(tmp_path / "told.docx")
    stats = revision_stats(tmp_path / "told.docx")
    assert stats.counts["moveFrom"] and stats.counts["moveTo"] and stats.moves_paired


def _document_xml(docx: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as z:  # the zip's own dates may differ by a second
        return z.read("word/document.xml")


def test_redline_from_a_diff_equals_the_redline_aligned_again() -> None:
    old, new = all_kinds()
    given = _document_xml(diff_redline(old, new, result=diff(old, new)))
    assert given == _document_xml(diff_redline(old, new))
