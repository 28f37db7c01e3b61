"""What history remembers of each article blob: digests equal exactly when Python finds the data equal,
entries written whole, bounded, and never read for another blob or other code (ADR 0088)."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from mou_kit import _node_cache
from mou_kit._node_cache import node_digests
from mou_kit.errors import WorkspaceError
from mou_kit.workspace import Workspace

SCALARS = st.sampled_from([None, 0, 1, 2, True, False, 1.0, 0.0, -0.0, 2.5, 1e20, 10**20, "", "1", "a", "A",
                           b"a", math.inf, dt.date(2024, 1, 1), dt.datetime(2024, 1, 1),
                           dt.datetime(2024, 1, 1, 7, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                           dt.datetime(2024, 1, 1, tzinfo=dt.UTC)])
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(st.sampled_from(["id", "text", 1, True, 0]), inner, max_size=3)), max_leaves=8)


@given(VALUES, VALUES)
def test_digests_are_equal_exactly_when_the_data_is(a: Any, b: Any) -> None:
    one, two = node_digests({"id": "n", "v": a}, "b1"), node_digests({"id": "n", "v": b}, "b2")
    assert (one == two) == ({"id": "n", "v": a} == {"id": "n", "v": b})


def test_nan_differs_between_blobs_but_not_within_one() -> None:
    data = {"id": "a1", "clauses": [{"id": "a1-c1", "v": math.nan}, {"id": "a1-c2", "v": 1}]}
    one, two = node_digests(data, "b1"), node_digests(data, "b2")
    assert one["a1-c1"] != two["a1-c1"] and one["a1-c2"] == two["a1-c2"]
    assert node_digests(data, "b1") == one


def test_nodes_are_found_clauses_first_and_the_first_of_a_repeated_id_kept() -> None:
    data = {"id": "a1", "points": [{"id": "x", "v": "point"}], "clauses": [{"id": "x", "v": "clause"},
                                                                             "not a node", {"id": 3}]}
    found = node_digests(data, "b")
    assert set(found) == {"a1", "x"}
    assert found["x"] == node_digests({"id": "x", "v": "clause"}, "c")["x"]
    assert node_digests(None, "b") == {} and node_digests(["id"], "b") == {}


def test_packs_are_read_back_only_whole_and_for_their_path(tmp_path: Path) -> None:
    base = str(tmp_path / "nodes")
    blob, other = "ab" * 20, "cd" * 20
    packs = _node_cache.Packs(base)
    packs.add("articles/a1.yaml", blob, {"a1": "d1", "a1-c1": "?x", "tab\tid": "d3", "@at": "d4"})
    packs.add("articles/a1.yaml", other, {"line\nbreak": "d"})  # cannot be written on one line: left out
    packs.flush(tip=("c" * 40, {"articles/a1.yaml": ["a1", "a1-c1"]}))
    assert _node_cache.read_pack(base, "articles/a1.yaml") == {
        blob: {"a1": "d1", "a1-c1": "?x", "tab\tid": "d3", "@at": "d4"}}
    assert _node_cache.read_pack(base, "articles/a2.yaml") == {}
    assert _node_cache.read_tip(base, "c" * 40) == {"articles/a1.yaml": ["a1", "a1-c1"]}
    assert _node_cache.read_tip(base, "d" * 40) is None
    again = _node_cache.Packs(base)
    again.add("articles/a1.yaml", other, {"a1": "d9"})
    again.flush()
    assert _node_cache.read_pack(base, "articles/a1.yaml") == {blob: {"a1": "d1", "a1-c1": "?x", "tab\tid": "d3",
                                                                     "@at": "d4"}, other: {"a1": "d9"}}
    pack = next(Path(base, _node_cache.PACKS).iterdir())
    for damaged in (pack.read_bytes()[:-3], pack.read_bytes().replace(b"d9", b"d8"), b"", b"\xff\nend x\n"):
        pack.write_bytes(damaged)
        assert _node_cache.read_pack(base, "articles/a1.yaml") == {}
    tip = Path(base, _node_cache.TIP)
    tip.write_bytes(tip.read_bytes().replace(b"a1-c1", b"a1-c2"))
    assert _node_cache.read_tip(base, "c" * 40) is None


def test_a_full_folder_is_emptied_and_other_codes_folders_removed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    gitdir = tmp_path / "git"
    stale = gitdir / _node_cache.FOLDER / ("0" * 24)
    stale.mkdir(parents=True)
    base = _node_cache.folder(gitdir)
    monkeypatch.setattr(_node_cache, "MAX_PACKS", 3)
    packs = _node_cache.Packs(base)
    for n in range(4):
        packs.add(f"articles/a{n}.yaml", "ab" * 20, {"a": "d"})
    packs.flush()
    assert not stale.exists() and len(list(Path(base, _node_cache.PACKS).iterdir())) == 4
    packs.add("articles/z.yaml", "ab" * 20, {"a": "d"})
    packs.flush()
    assert len(list(Path(base, _node_cache.PACKS).iterdir())) == 1
    assert _node_cache.read_pack(base, "articles/z.yaml") == {"ab" * 20: {"a": "d"}}
    monkeypatch.setenv("MOU_OTHER", "1")
    assert _node_cache.folder(gitdir) != base  # keyed by the running code, MOU* variables included


def test_history_streams_git_log_and_a_reader_that_stops_stops_git(ws: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.workspace.conftest import edited

    for n in range(3):
        ws.commit(edited(ws, c1=f"Rumusan {n}."), f"ubah {n}")
    storage = ws._storage  # the backend itself is what is tested
    head = ws.resolve("HEAD").id
    assert list(storage.history(head, "articles/a1.yaml")) == storage.log(head, paths=["articles/a1.yaml"])
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", popen)
    commits = storage.history(head, "articles/a1.yaml")
    assert next(commits).sha == head
    commits.close()
    assert started and started[-1].returncode is not None  # git is not left running
    with pytest.raises(WorkspaceError):
        list(storage.history("0" * 40, "articles/a1.yaml"))
