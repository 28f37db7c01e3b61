"""Workspace: init, read without checkout, commit with trailers, log, resolve, blame."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from mou_kit import ValidationFailed, WorkspaceError
from mou_kit.workspace import Workspace
from tests.builders import build

from .conftest import edited


def git(path: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True, check=True).stdout


def test_init_makes_first_revision_and_clean_status(ws: Workspace) -> None:
    [first] = ws.log()
    assert (first.proposed_by, first.stage, first.message) == ("party-1", "draft", "First draft")
    assert git(ws.path, "status", "--porcelain") == ""
    assert (ws.path / "articles" / "a1.yaml").is_file()
    assert ws.read() == build("a1[c1,c2(p1,p2)] a2[c3]")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("hi")
    with pytest.raises(WorkspaceError, match="not empty"):
        Workspace.init(tmp_path, build())


def test_open_refuses_a_folder_without_repository(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="not a mou repository"):
        Workspace.open(tmp_path)


def test_commit_records_trailers_and_reads_back_every_revision(ws: Workspace) -> None:
    first = ws.resolve("HEAD")
    rev = ws.commit(edited(ws, c1="Teks baru."), "Ubah c1", proposed_by="party-2", stage="negotiation")
    assert (rev.proposed_by, rev.stage, rev.meeting, rev.parents) == ("party-2", "negotiation", None, (first.id,))
    assert "Proposed-by: party-2" in git(ws.path, "log", "-1", "--format=%B")
    assert ws.read().articles[0].clauses[0].text == "Teks baru."
    assert ws.read(first.id).articles[0].clauses[0].text == "Text of c1."
    assert git(ws.path, "status", "--porcelain") == ""
    assert git(ws.path, "show", "--stat", "--format=", "HEAD").split()[0] == "articles/a1.yaml"


def test_invalid_agreement_is_never_committed(ws: Workspace) -> None:
    bad = ws.read()
    bad.articles[0].clauses[0].text = "See [[nowhere]]."
    with pytest.raises(ValidationFailed, match="nowhere"):
        ws.commit(bad, "broken")
    assert len(ws.log()) == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("id", "c1", "c1"),  # the same id as a clause of the unchanged article a1: a rule across articles
    ("id", "Not A Slug", "clauses"),  # a field of the changed article
    ("text", "", "text"),
])
def test_an_edit_beside_unchanged_articles_is_validated(ws: Workspace, field: str, value: str,
                                                         message: str) -> None:
    bad = ws.read()
    setattr(bad.articles[1].clauses[0], field, value)
    with pytest.raises(ValidationFailed, match=message):
        ws.commit(bad, "broken")
    assert len(ws.log()) == 1
    assert git(ws.path, "status", "--porcelain") == ""


def test_commit_without_change_is_refused(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="nothing changed"):
        ws.commit(ws.read(), "same")


def test_stale_base_merges_clause_by_clause(ws: Workspace) -> None:
    base = ws.resolve("HEAD").id
    mine = edited(ws, c1="Mine.")
    ws.commit(edited(ws, c3="Theirs."), "other writer")
    ws.commit(mine, "mine", base=base)
    now = ws.read()
    assert (now.articles[0].clauses[0].text, now.articles[1].clauses[0].text) == ("Mine.", "Theirs.")


def test_stale_base_with_the_same_node_changed_is_a_conflict(ws: Workspace) -> None:
    base = ws.resolve("HEAD").id
    mine = edited(ws, c1="Mine.")
    ws.commit(edited(ws, c1="Theirs."), "other writer")
    with pytest.raises(WorkspaceError, match="changed c1 differently") as info:
        ws.commit(mine, "mine", base=base)
    assert info.value.code == "merge-conflict"


def test_uncommitted_edit_in_the_folder_is_not_overwritten(ws: Workspace) -> None:
    target = ws.path / "articles" / "a1.yaml"
    target.write_text(target.read_text().replace("Text of c1.", "Hand edit."))
    with pytest.raises(WorkspaceError, match="uncommitted edits"):
        ws.commit(edited(ws, c2="Other."), "api edit")
    assert "Hand edit." in target.read_text()
    assert len(ws.log()) == 1


@pytest.mark.parametrize(("name", "expected"), [
    ("HEAD", 2), ("HEAD~1", 1), ("main", 2), ("2099-12-31", 2), ("v1", 1),
])
def test_resolve_names(ws: Workspace, name: str, expected: int) -> None:
    git(ws.path, "tag", "v1")
    ws.commit(edited(ws, c1="Two."), "two")
    assert ws.resolve(name).id == ws.log()[-expected].id


def test_resolve_date_before_first_revision_fails(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="no revision on or before 2000-01-01"):
        ws.resolve("2000-01-01")


@pytest.mark.parametrize(("name", "hint"), [("mian", "did you mean main"), ("--all", "named '--all'")])
def test_unknown_name_lists_closest(ws: Workspace, name: str, hint: str) -> None:
    with pytest.raises(WorkspaceError, match=hint):
        ws.resolve(name)


def test_log_of_one_node_and_blame(ws: Workspace) -> None:
    first = ws.resolve("HEAD")
    two = ws.commit(edited(ws, p2="Point two changed."), "p2", proposed_by="party-2")
    three = ws.commit(edited(ws, c3="Three."), "c3")
    assert [r.id for r in ws.log("p2")] == [two.id, first.id]
    assert [r.id for r in ws.log("c2")] == [two.id, first.id]
    assert [r.id for r in ws.log("c1")] == [first.id]
    assert [r.id for r in ws.log()] == [three.id, two.id, first.id]
    blame = {e.node: e.revision.id for e in ws.blame()}
    assert blame == {"c1": first.id, "c2": two.id, "c3": three.id}


def test_log_of_unknown_node(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="no article, clause or point has the id 'zz'"):
        ws.log("zz")


def test_revision_exposes_no_git_objects(ws: Workspace) -> None:
    rev = ws.resolve("HEAD")
    assert {type(v).__module__.split(".")[0] for v in rev.model_dump().values()} <= {"builtins", "datetime"}


def test_what_a_user_staged_elsewhere_stays_staged(ws: Workspace) -> None:
    (ws.path / "notes.txt").write_text("catatan\n")
    git(ws.path, "add", "notes.txt")
    ws.commit(edited(ws, c1="Changed."), "c1")
    assert git(ws.path, "status", "--porcelain") == "A  notes.txt\n"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.sampled_from(["c1", "p1", "p2", "c3", "c1+c3", "none"]), min_size=1, max_size=6))
def test_blame_is_the_newest_change_of_each_clause_in_its_whole_history(ws: Workspace, edits: list[str]) -> None:
    # blame stops reading an article's history once each clause has its newest change; it must
    # name the same revision as the first entry of the clause's full history (ws.log(node))
    for n, what in enumerate(edits):
        tip = ws.resolve("HEAD").id
        texts = {} if what == "none" else {node: f"Text {node} {n} {tip}." for node in what.split("+")}
        if texts:
            ws.commit(edited(ws, **texts), f"edit {n}")
    blame = {e.node: e.revision.id for e in ws.blame()}
    assert blame == {node: ws.log(node)[0].id for node in ("c1", "c2", "c3")}
