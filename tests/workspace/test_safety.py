"""Safety of writes: concurrent writers, processes killed mid-commit, no leaked processes, plain git beside mou.

The full size of the concurrency test (4 x 100 commits) runs with ``MOU_STRESS=1``; the
default run uses 4 x 25 so the suite stays fast on a shared machine. The kill test always runs 50 times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mou_kit.workspace import Workspace
from tests.builders import build

from .conftest import edited

STRESS = os.environ.get("MOU_STRESS") == "1"
ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from mou_kit.workspace import Workspace
path, clause, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Workspace.open(path) as ws:
    for i in range(count):
        agreement = ws.read()  # the natural call: no base= threaded through by hand
        agreement.find(clause).text = f"{clause} edit {i}."
        ws.commit(agreement, f"{clause} edit {i}", proposed_by="party-1")
"""


def git(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True, check=False)


def texts(ws: Workspace, ref: str) -> dict[str, str]:
    return {c.id: str(c.text) for a in ws.read(ref).articles for c in a.clauses}


def test_concurrent_writers_lose_nothing_and_revert_nothing(tmp_path: Path) -> None:
    count = 100 if STRESS else 25
    clauses = ["c1", "c2", "c3", "c4"]
    with Workspace.init(tmp_path / "mou", build("a1[c1,c2] a2[c3,c4]")) as ws:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(ws.path), c, str(count)], env=env,
                                  stderr=subprocess.PIPE, text=True) for c in clauses]
        errors = [p.communicate(timeout=600)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
        log = ws.log()
        assert len(log) == 1 + len(clauses) * count
        for revision in log[:-1]:
            before, after = texts(ws, revision.parents[0]), texts(ws, revision.id)
            changed = [c for c in clauses if before[c] != after[c]]
            assert changed == [revision.message.split()[0]], revision.message  # no edit reverted
        assert texts(ws, "HEAD") == {c: f"{c} edit {count - 1}." for c in clauses}
        assert sorted(r.message for r in log[:-1]) == sorted(f"{c} edit {i}" for c in clauses for i in range(count))
        assert git(ws.path, "status", "--porcelain").stdout == ""
        fsck = git(ws.path, "fsck", "--strict")
        assert fsck.returncode == 0 and "error" not in fsck.stderr + fsck.stdout, fsck.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills forked writers; needs os.fork (POSIX)")
def test_killed_writers_leave_old_or_new_revision(tmp_path: Path) -> None:
    runs = 50
    rng = random.Random(3)
    with Workspace.init(tmp_path / "mou", build("a1[c1,c2] a2[c3]")) as ws:
        path = ws.path
    for run in range(runs):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child is killed
            os.close(read_fd)
            try:
                with Workspace.open(path) as child:
                    os.write(write_fd, b"ready")
                    i = 0
                    while True:
                        i += 1
                        child.commit(edited(child, c1=f"run {run} edit {i}.", c3=f"c3 {i}."), f"run {run} {i}")
            except BaseException as error:
                (tmp_path / "child-error").write_text(repr(error))
                os._exit(1)
        os.close(write_fd)
        os.read(read_fd, 5)
        os.close(read_fd)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert not (tmp_path / "child-error").exists(), (tmp_path / "child-error").read_text()
        fsck = git(path, "fsck", "--no-progress", "--no-dangling")
        assert fsck.returncode == 0 and "error" not in fsck.stderr.lower(), fsck.stderr
        with Workspace.open(path) as ws:
            refs = git(path, "for-each-ref", "--format=%(refname)").stdout.split()
            for ref in refs:
                assert ws.read(ref).articles[0].clauses[0].id == "c1"
    with Workspace.open(path) as ws:
        assert ws.read().articles[0].clauses[1].text == "Text of c2."
        ws.commit(edited(ws, c2="After the kills."), "after")  # finishes any half-done folder update
    assert git(path, "status", "--porcelain").stdout == ""


def _children() -> list[str]:
    me = str(os.getpid())
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if stat.rsplit(")", 1)[1].split()[1] == me:
                out.append(stat)
    return out


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count processes and files")
def test_a_thousand_operations_leave_no_processes_or_open_files(tmp_path: Path) -> None:
    with Workspace.init(tmp_path / "mou", build("a1[c1,c2] a2[c3]")):
        pass
    fds = len(os.listdir("/proc/self/fd"))
    children = len(_children())
    operations = 0
    for i in range(100):
        with Workspace.open(tmp_path / "mou") as ws:
            operations += 1
            for _ in range(5):
                ws.read()
            ws.resolve("HEAD")
            ws.resolve("main")
            ws.log(limit=3)
            ws.meetings()
            operations += 9
            if i % 10 == 0:
                ws.commit(edited(ws, c1=f"edit {i}."), f"edit {i}")
                operations += 1
    assert operations >= 1000
    assert len(_children()) == children
    assert len(os.listdir("/proc/self/fd")) == fds


def test_plain_git_beside_mou(ws: Workspace, tmp_path: Path) -> None:
    target = ws.path / "articles" / "a2.yaml"
    target.write_text(target.read_text().replace("Text of c3.", "Edited by hand."))
    assert git(ws.path, "commit", "-qam", "Hand edit").returncode == 0
    hand = ws.log()[0]
    assert (hand.message, hand.proposed_by, hand.meeting) == ("Hand edit", None, None)
    assert texts(ws, "HEAD")["c3"] == "Edited by hand."
    assert ws.log("c3")[0].id == hand.id
    assert "Edited by hand." in git(ws.path, "show", "HEAD:articles/a2.yaml").stdout
    assert "Proposed-by: party-1" in git(ws.path, "log", "--format=%B").stdout
    assert git(ws.path, "clone", "-q", str(ws.path), str(tmp_path / "clone")).returncode == 0
    with Workspace.open(tmp_path / "clone") as clone:
        assert clone.read() == ws.read()
        clone.commit(edited(clone, c1="In the clone."), "clone edit")
    assert git(tmp_path / "clone", "status", "--porcelain").stdout == ""


INIT = """
import sys
from mou_kit.errors import WorkspaceError
from mou_kit.workspace import Workspace
from tests.builders import build
try:
    Workspace.init(sys.argv[1], build("a1[c1]")).close()
    print("made")
except WorkspaceError as e:
    print(e.code)
"""


def test_concurrent_inits_make_one_repository(tmp_path: Path) -> None:
    target = tmp_path / "mou"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", INIT, str(target)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert sorted(out.strip() for out, _ in outs) == ["exists", "exists", "exists", "made"], outs
    with Workspace.open(target) as ws:
        assert [r.message for r in ws.log()] == ["First draft"]
    assert git(target, "fsck", "--strict").returncode == 0
