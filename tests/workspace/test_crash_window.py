"""Issue #20, item 3: a process killed at any step of a commit, then a normal ``mou commit``, undoes nothing.

The kill is simulated by an exception no code catches, raised at each step of ``publish``: after
the journal is written (the branch has not moved), after the branch moved (the folder still holds
the revision before), and half-way through writing the folder. A new process then commits an edit
of another article made in the folder, as a user would.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mou_kit.workspace import Workspace, _publish as publish_module
from tests.workspace.conftest import edited


class Killed(BaseException):
    """The process died here (nothing catches a BaseException that is not an Exception)."""


def _after_journal(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    def update_refs(*args: Any, **kwargs: Any) -> bool:
        raise Killed

    monkeypatch.setattr(ws._storage, "update_refs", update_refs)


def _after_branch_moved(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    original = ws._storage.update_refs

    def update_refs(*args: Any, **kwargs: Any) -> bool:
        original(*args, **kwargs)
        raise Killed

    monkeypatch.setattr(ws._storage, "update_refs", update_refs)


def _half_written(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from mou_kit.files import write_files

    def write_worktree(storage: Any, changes: dict[str, bytes | None], **kwargs: Any) -> None:
        write_files(storage.work_tree, {path: data for path, data in list(changes.items())[:1] if data is not None})
        raise Killed  # the first file is written, the index and the journal are as they were

    monkeypatch.setattr(publish_module, "write_worktree", write_worktree)


STEPS: dict[str, tuple[Callable[[Workspace, pytest.MonkeyPatch], None], bool]] = {
    "after the journal": (_after_journal, False),
    "after the branch moved": (_after_branch_moved, True),
    "half-way through the folder": (_half_written, True),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_killed_commit_is_never_undone_by_the_next(ws: Workspace, step: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ws.path
    kill, moved = STEPS[step]
    with monkeypatch.context() as patch:
        kill(ws, patch)
        with pytest.raises(Killed):
            ws.commit(edited(ws, c1="Killed edit."), "killed", proposed_by="party-1", base="tip")
    ws.close()
    article = Path(folder) / "articles" / "a2.yaml"
    article.write_text(article.read_text().replace("Text of c3.", "Edit of c3."))
    with Workspace.open(folder) as after:
        after.commit_folder("next", proposed_by="party-2")
        texts = {c.id: c.text for a in after.read().articles for c in a.clauses}
        assert texts["c3"] == "Edit of c3."
        assert texts["c1"] == ("Killed edit." if moved else "Text of c1.")
    fsck = subprocess.run(["git", "-C", str(folder), "fsck", "--strict"], capture_output=True, text=True, check=False)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    status = subprocess.run(["git", "-C", str(folder), "status", "--porcelain"], capture_output=True, text=True,
                            check=True)
    assert status.stdout == ""
