"""Sync with another party's repository: fetch, merge clause by clause, push with a lease, meeting tags."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mou_kit import Meeting, WorkspaceError
from mou_kit.workspace import Workspace
from mou_kit.workspace.remote import sync

from .conftest import edited


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def test_two_parties_sync_through_a_bare_server(ws: Workspace, tmp_path: Path) -> None:
    server = tmp_path / "server.git"
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(ws.path), "remote", "add", "origin", str(server))
    assert sync(ws).pushed
    git("clone", "-q", str(server), str(tmp_path / "other"))
    with Workspace.open(tmp_path / "other") as other:
        other.commit(edited(other, c3="Theirs."), "their edit", proposed_by="party-2")
        other.add_meeting(Meeting(id="rapat-1", date=dt.date(2023, 7, 18), place="Pontianak"))
        assert sync(other).pushed
    ws.commit(edited(ws, c1="Ours."), "our edit", proposed_by="party-1")
    report = sync(ws)
    assert report.merged is not None and report.pushed and not report.conflicts
    now = ws.read()
    assert (now.articles[0].clauses[0].text, now.articles[1].clauses[0].text) == ("Ours.", "Theirs.")
    assert "rapat-1" in ws.meeting_tags()
    assert git("-C", str(server), "tag", "-l") == "meeting/rapat-1\n"
    assert git("-C", str(server), "rev-parse", "main").strip() == ws.resolve("HEAD").id
    with Workspace.open(tmp_path / "other") as other:
        assert sync(other).fast_forward
        assert other.read() == now
    assert git("-C", str(ws.path), "status", "--porcelain") == ""


def test_push_with_a_stale_lease_changes_nothing_there(ws: Workspace, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    server = tmp_path / "server.git"
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(ws.path), "remote", "add", "origin", str(server))
    sync(ws)
    git("clone", "-q", str(server), str(tmp_path / "other"))
    ws.commit(edited(ws, c1="Ours."), "our edit")
    push = ws.storage.push

    def racing_push(*args: Any, **kwargs: Any) -> None:
        with Workspace.open(tmp_path / "other") as other:  # the other party pushes between our fetch and push
            other.commit(edited(other, c3="Theirs."), "their edit")
            sync(other)
        push(*args, **kwargs)

    monkeypatch.setattr(ws.storage, "push", racing_push)
    before = git("-C", str(server), "rev-parse", "main")
    with pytest.raises(WorkspaceError, match="someone pushed meanwhile") as info:
        sync(ws)
    assert info.value.code == "remote-rejected"
    assert git("-C", str(server), "rev-parse", "main") != before  # theirs landed, ours did not overwrite it
    monkeypatch.undo()
    assert sync(ws).pushed
    with Workspace.open(tmp_path / "other") as other:
        sync(other)
        assert [c.text for a in other.read().articles for c in a.clauses][0::2] == ["Ours.", "Theirs."]


def test_sync_stops_at_a_conflict(ws: Workspace, tmp_path: Path) -> None:
    server = tmp_path / "server.git"
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(ws.path), "remote", "add", "origin", str(server))
    sync(ws)
    git("clone", "-q", str(server), str(tmp_path / "other"))
    with Workspace.open(tmp_path / "other") as other:
        other.commit(edited(other, c1="Theirs."), "their edit")
        sync(other)
    ws.commit(edited(ws, c1="Ours."), "our edit")
    report = sync(ws)
    assert [c.node for c in report.conflicts] == ["c1"] and not report.pushed


def test_sync_never_merges_an_edit_into_a_text_agreed_on_the_other_side(ws: Workspace, tmp_path: Path) -> None:
    """Issue #20: the other side agreed the text meanwhile; our local edit is refused, nothing is pushed."""
    from mou_kit import LifecycleState
    from mou_kit.errors import MouKitError

    server = tmp_path / "server.git"
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(ws.path), "remote", "add", "origin", str(server))
    negotiation = ws.read()
    negotiation.state = LifecycleState.NEGOTIATION
    ws.commit(negotiation, "negotiation", stage="negotiation")
    assert sync(ws).pushed
    git("clone", "-q", str(server), str(tmp_path / "other"))
    with Workspace.open(tmp_path / "other") as other:
        agreed = other.read()
        agreed.state = LifecycleState.AGREED
        other.commit(agreed, "agreed", stage="agreed")
        assert sync(other).pushed
    ws.commit(edited(ws, c3="Our late edit."), "late edit", proposed_by="party-1")
    before, server_before = ws.resolve("HEAD").id, git("-C", str(server), "rev-parse", "main")
    with pytest.raises(MouKitError) as refused:
        sync(ws)
    assert refused.value.code == "text-frozen"
    assert ws.resolve("HEAD").id == before and git("-C", str(server), "rev-parse", "main") == server_before
