"""Choosing the git backend, and what both backends must agree on: the same commit from the same input."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mou_kit import WorkspaceError
from mou_kit.workspace import Workspace, _backend as backend
from mou_kit.workspace._pygit2 import REF_LOCKS, available
from tests.builders import build

from .conftest import edited

WHEN = dt.datetime(2023, 7, 18, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
needs_pygit2 = pytest.mark.skipif(not available(), reason="pygit2 is not installed (pip install 'mou-kit[fast]')")


def test_import_mou_kit_loads_no_git_library(git_backend: str) -> None:
    if git_backend != "gitpython":
        pytest.skip("one fresh process is enough")
    code = "import sys, mou_kit, mou_kit.cli; print(sorted({'git', 'pygit2'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("value", "expected"), [("gitpython", "gitpython"), (" PyGit2 ", "pygit2")])
def test_the_variable_forces_a_backend(monkeypatch: pytest.MonkeyPatch, value: str, expected: str) -> None:
    if expected == "pygit2" and not available():
        pytest.skip("pygit2 is not installed")
    monkeypatch.setenv(backend.BACKEND_ENV, value)
    assert backend.backend_name() == expected


def test_without_the_variable_pygit2_is_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(backend.BACKEND_ENV, raising=False)
    assert backend.backend_name() == ("pygit2" if available() else "gitpython")
    monkeypatch.setattr("mou_kit.workspace._pygit2.available", lambda: False)
    assert backend.backend_name() == "gitpython"


@pytest.mark.parametrize(("value", "message"), [("dulwich", "names no git backend"),
                                                ("pygit2", "not installed")])
def test_a_wrong_choice_is_refused(monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    monkeypatch.setenv(backend.BACKEND_ENV, value)
    monkeypatch.setattr("mou_kit.workspace._pygit2.available", lambda: False)
    with pytest.raises(WorkspaceError, match=message):
        backend.backend_name()


@needs_pygit2
def test_both_backends_write_the_same_commits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Sekretariat")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "sekretariat@example.invalid")
    ids = {}
    for name in backend.BACKENDS:
        monkeypatch.setenv(backend.BACKEND_ENV, name)
        with Workspace.init(tmp_path / name, build("a1[c1,c2(p1,p2)] a2[c3]"), proposed_by="party-1",
                            when=WHEN) as ws:
            ws.commit(edited(ws, c3="Changed."), "Edit c3", proposed_by="party-2", when=WHEN)
            tag = ws.storage.write_tag(name="meeting/m1", target=ws.resolve("HEAD").id, message="m1\n", when=WHEN)
            ids[name] = ([r.id for r in ws.log()], tag, ws.storage.author())
    assert ids["pygit2"] == ids["gitpython"]


@needs_pygit2
def test_ref_locks_of_a_killed_writer_are_removed_by_the_next(monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    monkeypatch.setenv(backend.BACKEND_ENV, "pygit2")
    with Workspace.init(tmp_path / "mou", build("a1[c1] a2[c3]")) as ws:
        child = subprocess.Popen(["true"])
        child.wait()
        (ws.storage.git_dir / REF_LOCKS).mkdir(parents=True, exist_ok=True)
        (ws.storage.git_dir / REF_LOCKS / f"{child.pid}.json").write_text(json.dumps(["refs/heads/main"]))
        (ws.storage.git_dir / "refs" / "heads" / "main.lock").write_text("")
        ws.commit(edited(ws, c1="After the crash."), "after")
        assert not (ws.storage.git_dir / "refs" / "heads" / "main.lock").exists()
        assert list((ws.storage.git_dir / REF_LOCKS).iterdir()) == []


@needs_pygit2
def test_ref_locks_of_a_live_process_are_left_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(backend.BACKEND_ENV, "pygit2")
    with Workspace.init(tmp_path / "mou", build("a1[c1] a2[c3]")) as ws:
        lock = ws.storage.git_dir / "refs" / "heads" / "main.lock"
        note = ws.storage.git_dir / REF_LOCKS / f"{os.getppid()}.json"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(json.dumps(["refs/heads/main"]))
        lock.write_text("")
        assert ws.storage.update_refs([], message="nothing") is True
        assert lock.exists() and note.exists()
