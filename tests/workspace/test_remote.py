"""Sync with another party's repository: fetch, merge clause by clause, push with a lease, meeting tags."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from mou_kit import Meeting
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
