"""Proposals as branches: propose, merge clause by clause, resolve conflicts, finish the merge."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mou_kit import WorkspaceError
from mou_kit.workspace import Workspace
from mou_kit.workspace.proposals import (
    commit_working_tree,
    merge_branch,
    pending,
    propose,
    resolve_conflict,
    switch,
)

from .conftest import edited


def status(path: Path) -> str:
    return subprocess.run(["git", "-C", str(path), "status", "--porcelain"], capture_output=True, text=True,
                          check=True).stdout


def two_proposals(ws: Workspace, ours: dict[str, str], theirs: dict[str, str]) -> None:
    propose(ws, "party-1")
    ws.commit(edited(ws, **ours), "proposal 1", proposed_by="party-1")
    switch(ws, "main")
    propose(ws, "party-2")
    ws.commit(edited(ws, **theirs), "proposal 2", proposed_by="party-2")
    switch(ws, "main")


def test_propose_starts_a_branch_for_a_party(ws: Workspace) -> None:
    assert propose(ws, "party-2") == "proposal/party-2"
    assert ws.branch == "proposal/party-2"
    with pytest.raises(WorkspaceError, match="not a party of the agreement; parties: party-1, party-2"):
        propose(ws, "party-9")


def test_merge_fast_forwards_then_merges_clause_by_clause(ws: Workspace) -> None:
    two_proposals(ws, {"c1": "One."}, {"c3": "Three."})
    first = merge_branch(ws, "proposal/party-1")
    assert first.fast_forward
    second = merge_branch(ws, "proposal/party-2")
    assert second.revision is not None and len(second.revision.parents) == 2
    now = ws.read()
    assert (now.articles[0].clauses[0].text, now.articles[1].clauses[0].text) == ("One.", "Three.")
    assert status(ws.path) == ""
    assert merge_branch(ws, "proposal/party-2").up_to_date
    assert [r.proposed_by for r in ws.log("c3")] == ["party-2", "party-1"]


@pytest.mark.parametrize(("take", "expected"), [("ours", "One."), ("theirs", "Two."), ("file", "From a file.")])
def test_conflict_blocks_commit_until_resolved(ws: Workspace, tmp_path: Path, take: str, expected: str) -> None:
    two_proposals(ws, {"c1": "One.", "c2": "Ours only."}, {"c1": "Two.", "c3": "Theirs only."})
    merge_branch(ws, "proposal/party-1")
    outcome = merge_branch(ws, "proposal/party-2")
    assert [(c.node, c.base, c.ours, c.theirs) for c in outcome.conflicts] == [("c1", "Text of c1.", "One.", "Two.")]
    with pytest.raises(WorkspaceError, match="still has conflicts in c1") as info:
        commit_working_tree(ws, "try")
    assert info.value.code == "merge-pending"
    with pytest.raises(WorkspaceError, match="'c3' has no pending conflict; pending: c1"):
        resolve_conflict(ws, "c3", "ours")
    choice: object = take
    if take == "file":
        (tmp_path / "text.txt").write_text("From a file.\n")
        choice = tmp_path / "text.txt"
    assert resolve_conflict(ws, "c1", choice) == []  # type: ignore[arg-type]
    revision = commit_working_tree(ws, None)
    assert len(revision.parents) == 2 and pending(ws) is None
    now = ws.read()
    assert [c.text for a in now.articles for c in a.clauses] == [expected, "Ours only.", "Theirs only."]
    assert status(ws.path) == ""


def test_second_merge_while_one_is_pending_is_refused(ws: Workspace) -> None:
    two_proposals(ws, {"c1": "One."}, {"c1": "Two."})
    merge_branch(ws, "proposal/party-1")
    merge_branch(ws, "proposal/party-2")
    with pytest.raises(WorkspaceError, match="already in progress"):
        merge_branch(ws, "proposal/party-2")
