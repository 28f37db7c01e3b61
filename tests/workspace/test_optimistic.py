"""Optimistic concurrency by default: an agreement remembers the revision it was read at, and commit merges on it."""

from __future__ import annotations

import pickle

import pytest

from mou_kit import Agreement
from mou_kit.errors import MouKitError, WorkspaceError
from mou_kit.workspace import Workspace
from mou_kit.workspace.workspace import agreement_data
from tests.builders import build


def clause_texts(agreement: Agreement) -> dict[str, object]:
    return {c.id: c.text for a in agreement.articles for c in a.clauses}


def test_the_natural_read_edit_commit_reverts_no_other_edit(ws: Workspace) -> None:
    a, b = ws.read(), ws.read()
    a.find("c1").text = "A's edit."  # type: ignore[union-attr]
    ws.commit(a, "A")
    b.find("c3").text = "B's edit."  # type: ignore[union-attr]
    ws.commit(b, "B")
    assert clause_texts(ws.read()) == {"c1": "A's edit.", "c2": "Text of c2.", "c3": "B's edit."}


def test_a_real_conflict_names_the_clause(ws: Workspace) -> None:
    a, b = ws.read(), ws.read()
    a.find("c1").text = "A's edit."  # type: ignore[union-attr]
    b.find("c1").text = "B's edit."  # type: ignore[union-attr]
    ws.commit(a, "A")
    with pytest.raises(WorkspaceError, match="changed c1 differently") as caught:
        ws.commit(b, "B")
    assert (caught.value.code, caught.value.node) == ("merge-conflict", "c1")
    assert clause_texts(ws.read())["c1"] == "A's edit."


def test_read_at_follows_the_agreement_through_copies_commits_and_pickling(ws: Workspace) -> None:
    head = ws.resolve("HEAD").id
    agreement = ws.read()
    assert agreement.read_at == head
    assert agreement.model_copy(deep=True).read_at == head
    assert pickle.loads(pickle.dumps(agreement)).read_at == head
    assert agreement == Agreement.model_validate(agreement_data(agreement))  # equality ignores where it came from
    agreement.find("c2").text = "Once."  # type: ignore[union-attr]
    first = ws.commit(agreement, "once")
    assert agreement.read_at == first.id
    agreement.find("c2").text = "Twice."  # type: ignore[union-attr]
    assert ws.commit(agreement, "twice").parents == (first.id,)


def test_an_agreement_merged_on_commit_keeps_its_base_and_later_commits_still_merge(ws: Workspace) -> None:
    mine, theirs = ws.read(), ws.read()
    theirs.find("c3").text = "Theirs."  # type: ignore[union-attr]
    ws.commit(theirs, "theirs")
    mine.find("c1").text = "Mine."  # type: ignore[union-attr]
    ws.commit(mine, "mine (merged)")
    mine.find("c2").text = "Mine again."  # type: ignore[union-attr]
    ws.commit(mine, "mine again")
    assert clause_texts(ws.read()) == {"c1": "Mine.", "c2": "Mine again.", "c3": "Theirs."}


def test_an_agreement_from_elsewhere_needs_a_base_or_tip_by_name(ws: Workspace) -> None:
    built = build("a1[c1,c2(p1,p2)] a2[c3]", texts={"c3": "Replaced."})
    with pytest.raises(WorkspaceError, match="not read from this workspace") as caught:
        ws.commit(built, "overwrite?")
    assert caught.value.code == "base-unknown"
    ws.commit(built, "overwrite on purpose", base="tip")
    assert clause_texts(ws.read())["c3"] == "Replaced."


def test_an_unknown_base_is_revision_unknown(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as caught:
        ws.commit(ws.read(), "x", base="no-such-thing")
    assert caught.value.code == "revision-unknown"


def test_a_plain_string_on_a_bilingual_text_is_refused_and_set_text_keeps_the_other_language(
        tmp_path: object) -> None:
    bilingual = build("a1[c1,c2] a2[c3]", texts={"c1": {"id": "Teks.", "en": "Text."}})
    bilingual = bilingual.model_copy(update={"languages": ["id", "en"]})
    with Workspace.init(tmp_path / "bi", bilingual) as ws:  # type: ignore[operator]
        draft = ws.read()
        draft.find("c1").text = "Teks baru."  # type: ignore[union-attr]
        with pytest.raises(WorkspaceError, match="would lose its en version") as caught:
            ws.commit(draft, "drops English")
        assert (caught.value.code, caught.value.node) == ("language-dropped", "c1")
        draft = ws.read()
        draft.set_text("c1", "Teks baru.")
        ws.commit(draft, "per language")
        assert ws.read().find("c1").text == {"id": "Teks baru.", "en": "Text."}  # type: ignore[union-attr]


def test_find_returns_every_kind_of_node_or_none(ws: Workspace) -> None:
    agreement = ws.read()
    assert agreement.find("a2") is agreement.articles[1]
    assert agreement.find("p2") is agreement.articles[0].clauses[1].points[1]
    assert agreement.find("party-1") is agreement.parties[0]
    assert agreement.find("nothing") is None
    with pytest.raises(MouKitError, match=r"no node with the id .nothing."):
        agreement.set_text("nothing", "x")


def test_a_second_parent_that_names_nothing_is_refused_and_the_branch_stays(ws: Workspace) -> None:
    import subprocess

    head = ws.resolve("HEAD").id
    target = ws.path / "articles" / "a1.yaml"
    target.write_text(target.read_text().replace("Text of c1.", "Edited in the folder."))
    with pytest.raises(WorkspaceError) as caught:
        ws.commit_folder("merge", extra_parent="el")
    assert caught.value.code == "revision-unknown"
    assert ws.resolve("HEAD").id == head
    assert subprocess.run(["git", "-C", str(ws.path), "fsck", "--strict"], capture_output=True).returncode == 0
