"""What history remembers of each article blob: digests equal exactly when Python finds the data equal,
entries written whole, bounded, and never read for another blob or other code (ADR 0088)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from mou_kit import _node_cache
from mou_kit._node_cache import node_digests

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


def test_entries_are_read_back_only_whole_and_for_their_blob(tmp_path: Path) -> None:
    base = str(tmp_path / "nodes")
    blob, other = "ab" * 20, "cd" * 20
    writer = _node_cache.Writer(base)
    writer.write(blob, {"a1": "d1", "a1-c1": "?x", "tab\tid": "d3"})
    assert _node_cache.read(base, blob) == {"a1": "d1", "a1-c1": "?x", "tab\tid": "d3"}
    assert _node_cache.read(base, other) is None
    entry = Path(base, blob[:2], blob[2:])
    entry.write_bytes(entry.read_bytes()[:-4])
    assert _node_cache.read(base, blob) is None
    Path(base, other[:2]).mkdir()
    Path(base, other[:2], other[2:]).write_bytes(entry.read_bytes() + b"end\n")  # another blob's entry
    assert _node_cache.read(base, other) is None
    writer.write(other, {"line\nbreak": "d"})  # cannot be written on one line: left out
    assert _node_cache.read(base, other) is None


def test_a_full_folder_is_emptied_and_other_codes_folders_removed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    gitdir = tmp_path / "git"
    stale = gitdir / _node_cache.FOLDER / ("0" * 24)
    stale.mkdir(parents=True)
    base = _node_cache.folder(gitdir)
    monkeypatch.setattr(_node_cache, "MAX_ENTRIES", 3)
    first = _node_cache.Writer(base)
    for n in range(4):
        first.write(f"{n:02d}" * 20, {"a": "d"})
    assert not stale.exists() and len(list(Path(base).glob("??/*"))) == 4  # counted once per process
    _node_cache.Writer(base).write("ff" * 20, {"a": "d"})
    assert [p.parent.name + p.name for p in Path(base).glob("??/*")] == ["ff" * 20]
    monkeypatch.setenv("MOU_OTHER", "1")
    assert _node_cache.folder(gitdir) != base  # keyed by the running code, MOU* variables included


def test_the_listing_is_remembered_for_one_commit(tmp_path: Path) -> None:
    base = str(tmp_path)
    _node_cache.write_listing(base, "a" * 40, "100644 blob x\tarticles/a1.yaml\0")
    assert _node_cache.read_listing(base, "a" * 40) == "100644 blob x\tarticles/a1.yaml\0"
    assert _node_cache.read_listing(base, "b" * 40) is None
    Path(base, _node_cache.LISTING).write_bytes(b"mou-nodes 1 " + b"a" * 40 + b"\ntorn")
    assert _node_cache.read_listing(base, "a" * 40) is None
