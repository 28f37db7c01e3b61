"""The pure three-way merge: node by node, field by field, the order of lists as a list."""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from mou_kit.workspace.merge import ORDER, merge, merge_order, set_at
from tests.builders import data


def doc(spec: str = "a1[c1,c2(p1,p2)] a2[c3]", **texts: str) -> dict[str, Any]:
    return data(spec, texts=texts)


@pytest.mark.parametrize(("base", "ours", "theirs", "expected"), [
    (doc(), doc(c1="O"), doc(c3="T"), doc(c1="O", c3="T")),
    (doc(), doc(c1="O"), doc(), doc(c1="O")),
    (doc(), doc(), doc(p2="T"), doc(p2="T")),
    (doc(), doc(c1="S"), doc(c1="S"), doc(c1="S")),
    (doc(), doc("a1[c1,c2(p1,p2)] a2[c3,c4]"), doc("a1[c0,c1,c2(p1,p2)] a2[c3]"),
     doc("a1[c0,c1,c2(p1,p2)] a2[c3,c4]")),
    (doc(), doc("a1[c1,c2(p1,p2)]"), doc(c1="T"), doc("a1[c1,c2(p1,p2)]", c1="T")),
    (doc(), doc("a2[c3] a1[c1,c2(p1,p2)]"), doc(c3="T"), doc("a2[c3] a1[c1,c2(p1,p2)]", c3="T")),
    (doc(), doc("a1[c2(p1,p2),c1] a2[c3]"), doc("a1[c1,c2(p1,p2)] a2[c3,c9]"),
     doc("a1[c2(p1,p2),c1] a2[c3,c9]")),
], ids=["both-sides", "ours-only", "theirs-point", "same-change", "adds", "delete-other-unchanged",
        "article-order", "clause-order-and-add"])
def test_clean_merges(base: Any, ours: Any, theirs: Any, expected: Any) -> None:
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    assert result.data == expected


def test_conflict_names_node_and_holds_three_texts() -> None:
    result = merge(doc(), doc(c2="O"), doc(c2="T"))
    [c] = result.conflicts
    assert (c.node, c.field, c.base, c.ours, c.theirs) == ("c2", "text", "Text of c2.", "O", "T")
    assert c.path == ("articles", "a1", "clauses", "c2", "text")
    assert result.data == doc(c2="O")


def test_deleted_on_one_side_changed_on_other_is_a_conflict_on_the_node() -> None:
    [c] = merge(doc(), doc("a1[c1,c2(p1,p2)]"), doc(c3="T")).conflicts
    assert (c.node, c.field, c.ours, c.theirs["heading"]) == ("a2", "", None, "Heading a2")


def test_fields_of_one_node_merge_separately() -> None:
    base = doc("a1[c1(p1)]")
    ours = copy.deepcopy(base)
    ours["articles"][0]["clauses"][0]["text"] = "O"
    theirs = copy.deepcopy(base)
    theirs["articles"][0]["clauses"][0]["points"][0]["text"] = "T"
    expected = copy.deepcopy(ours)
    expected["articles"][0]["clauses"][0]["points"][0]["text"] = "T"
    assert merge(base, ours, theirs).data == expected


def test_languages_of_a_text_merge_separately() -> None:
    base = doc(c1={"id": "a", "en": "b"})  # type: ignore[arg-type]
    result = merge(base, doc(c1={"id": "A", "en": "b"}), doc(c1={"id": "a", "en": "B"}))  # type: ignore[arg-type]
    assert result.conflicts == []
    assert result.data == doc(c1={"id": "A", "en": "B"})  # type: ignore[arg-type]


def test_both_reordered_differently_is_an_order_conflict() -> None:
    base, ours, theirs = doc("a1[c1] a2[c3] a3[c4]"), doc("a3[c4] a1[c1] a2[c3]"), doc("a2[c3] a1[c1] a3[c4]")
    [c] = merge(base, ours, theirs).conflicts
    assert (c.node, c.path, c.ours, c.theirs) == ("agreement", ("articles", ORDER), ["a3", "a1", "a2"],
                                                   ["a2", "a1", "a3"])


@pytest.mark.parametrize(("base", "ours", "theirs", "expected"), [
    (["a", "b", "c"], ["a", "b", "c"], ["c", "a", "b"], ["c", "a", "b"]),
    (["a", "b"], ["a", "x", "b"], ["b", "a"], ["b", "a", "x"]),
    (["a", "b", "c"], ["b", "a", "c"], ["a", "c", "b"], None),
])
def test_merge_order(base: list[str], ours: list[str], theirs: list[str], expected: list[str] | None) -> None:
    assert merge_order(base, ours, theirs, set(ours) | set(theirs)) == expected


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("articles", "a1", "clauses", "c1", "text"), "New", doc("a1[c1] a2[c3]", c1="New")),
    (("articles", "a2"), None, doc("a1[c1]")),
    (("articles", ORDER), ["a2", "a1"], doc("a2[c3] a1[c1]")),
])
def test_set_at(path: tuple[str, ...], value: Any, expected: Any) -> None:
    assert set_at(doc("a1[c1] a2[c3]"), path, value) == expected


def test_set_at_puts_a_node_back_after_its_predecessor() -> None:
    article = doc("a1[c2]")["articles"][0]["clauses"][0]
    got = set_at(doc("a1[c1,c3]"), ("articles", "a1", "clauses", "c2"), article, order_hint=["c1", "c2", "c3"])
    assert got == doc("a1[c1,c2,c3]")


# ---------------------------------------------------------------- property: nothing is silently lost

CLAUSES = [f"c{i}" for i in range(8)]
SPEC = "a1[c0,c1,c2(p0,p1)] a2[c3,c4(p2)] a3[c5,c6,c7]"
Edit = st.tuples(st.sampled_from([*CLAUSES, "p0", "p1", "p2"]), st.sampled_from(["edit", "edit", "delete"]),
                 st.sampled_from(["X", "Y", "Z"]))


def _apply(base: dict[str, Any], edits: list[tuple[str, str, str]]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for node, kind, text in edits:
        for article in out["articles"]:
            for clause in list(article["clauses"]):
                targets = [clause] if clause["id"] == node else [p for p in clause["points"] if p["id"] == node]
                for target in targets:
                    if kind == "edit":
                        target["text"] = text
                    elif target is clause and len(article["clauses"]) > 1:
                        article["clauses"].remove(clause)
                    elif target is not clause:
                        clause["points"].remove(target)
    return out


def _nodes(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for article in d["articles"]:
        for clause in article["clauses"]:
            out[clause["id"]] = clause
            for point in clause["points"]:
                out[point["id"]] = point
    return out


def _parent(node: str) -> str | None:
    return {"p0": "c2", "p1": "c2", "p2": "c4"}.get(node)


@settings(max_examples=int(os.environ.get("MOU_EXAMPLES", "200")), deadline=None)
@given(st.lists(Edit, max_size=6), st.lists(Edit, max_size=6))
def test_merge_keeps_every_one_sided_change_and_reports_exactly_the_two_sided_ones(
        ours_edits: list[tuple[str, str, str]], theirs_edits: list[tuple[str, str, str]]) -> None:
    base = doc(SPEC)
    ours, theirs = _apply(base, ours_edits), _apply(base, theirs_edits)
    result = merge(base, ours, theirs)
    b, o, t, m = (_nodes(x) for x in (base, ours, theirs, result.data))

    def text(n: dict[str, Any], node: str) -> Any:
        return n[node]["text"] if node in n else None

    expected: set[str] = set()
    whole: set[str] = set()  # nodes in conflict as a whole (deleted on one side, changed on the other)
    for node in b:
        bt, ot, tt = text(b, node), text(o, node), text(t, node)
        deleted_o, deleted_t = node not in o, node not in t
        if deleted_o != deleted_t:
            kept = t if deleted_o else o
            if _subtree(kept, node) != _subtree(b, node) and _parent(node) not in whole:
                whole.add(node)
            continue
        if not deleted_o and bt != ot and bt != tt and ot != tt:
            expected.add(node)
    expected |= whole
    assert {c.node for c in result.conflicts} == expected
    conflicted = {c.node for c in result.conflicts}
    for node in b:
        if node in conflicted or _parent(node) in whole:
            continue
        for side, other in ((o, t), (t, o)):
            if node in b and (node in side) != (node in b) and _subtree(other, node) == _subtree(b, node):
                assert node not in m  # a one-sided deletion is kept
            elif node in side and text(side, node) != text(b, node) and text(other, node) == text(b, node):
                assert text(m, node) == text(side, node)  # a one-sided edit is kept


def _subtree(nodes: dict[str, Any], node: str) -> Any:
    return nodes.get(node)
