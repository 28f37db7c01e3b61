"""The structural diff: every kind of change, matching by id and by similarity, and its JSON form."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from mou_kit import Agreement, DiffError
from mou_kit.diff import AgreementDiff, ChangeKind, diff
from tests.builders import build, data
from tests.diff.edits import Edits, edited
from tests.diff.pairs import all_kinds


def _kinds(result: AgreementDiff) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for change in result:
        out.setdefault(change.kind.value, set()).add(change.node)
    return out


@pytest.mark.parametrize(
    ("kind", "node"),
    [
        ("added", "a9"), ("removed", "p3"), ("reworded", "p2"), ("reworded", "r1"), ("moved", "c5"),
        ("renumbered", "a2"), ("renumbered", "c6"), ("variable-changed", "masa"),
        ("party-changed", "party-2"), ("signatory-changed", "party-1"), ("date-changed", "date"),
        ("term-changed", "term"), ("title-changed", "title"),
    ],
)
def test_every_kind_of_change_is_reported(kind: str, node: str) -> None:
    assert node in _kinds(diff(*all_kinds())).get(kind, set())


def test_every_kind_in_the_enum_is_emitted_by_the_sample_pair() -> None:
    assert set(_kinds(diff(*all_kinds()))) == {k.value for k in ChangeKind}


def test_renumbered_change_carries_both_addresses_and_citations() -> None:
    change = next(c for c in diff(*all_kinds()) if c.node == "c6")
    assert (change.old_address, change.new_address) == ("4.1", "5.1")
    assert (change.old_ref, change.new_ref) == ("Pasal 4", "Pasal 5 ayat (1)")


def test_reworded_change_has_word_operations() -> None:
    change = next(c for c in diff(*all_kinds()) if c.node == "r1")
    assert [(o.op.value, o.text) for o in change.ops if o.op.value != "equal"] == [("insert", "sangat ")]
    assert change.old_ref == "Konsiderans huruf a"


def test_a_citation_that_only_renumbers_is_not_a_rewording() -> None:
    result = diff(*all_kinds())
    assert next(c for c in result if c.node == "c4").kind == ChangeKind.RENUMBERED


def test_english_citations() -> None:
    change = next(c for c in diff(*all_kinds(), lang="en") if c.node == "p2")
    assert change.new_ref == "Article 1.2(b)"


def test_same_agreement_has_no_changes() -> None:
    old, _ = all_kinds()
    assert not diff(old, old)


def test_nodes_without_shared_ids_pair_by_similarity() -> None:
    texts = {"c1": "Para pihak sepakat bertukar data dan informasi secara berkala.",
             "c2": "Biaya pelaksanaan ditanggung oleh masing-masing pihak sesuai anggaran."}
    old = build("a1[c1,c2]", texts=texts)
    new_texts = {"x1": texts["c2"], "x2": texts["c1"].replace("berkala", "bulanan")}
    new = build("a1[x1,x2]", texts=new_texts)
    result = diff(old, new)
    moved = {c.node: c for c in result}
    assert moved["x2"].old_node == "c1" and moved["x2"].kind == ChangeKind.REWORDED
    assert 0.6 < moved["x2"].confidence < 1.0
    assert any("similar text" in w for w in result.warnings)


def test_unrelated_agreements_still_diff_with_a_warning() -> None:
    old = build("a1[c1]", texts={"c1": "Satu dua tiga.", "a1": "Ruang Lingkup"})
    new = Agreement.model_validate(data("b1[d1]", texts={"d1": "Zebra kuda nil.", "b1": "Ketentuan Lain"},
                                        id="lain"))
    result = diff(old, new)
    assert {c.kind for c in result} == {ChangeKind.ADDED, ChangeKind.REMOVED}
    assert any("look unrelated" in w for w in result.warnings)
    assert any("two different agreements" in w for w in result.warnings)


def test_json_round_trip_with_fixed_key_order() -> None:
    result = diff(*all_kinds())
    data_ = json.loads(json.dumps(result.to_dict()))
    assert list(data_) == ["schema", "version", "old", "new", "lang", "party_names", "proposers", "warnings", "changes"]
    assert AgreementDiff.from_dict(data_) == result


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(extra=1), "unknown key 'extra' in diff"),
        (lambda d: d["changes"][0].update(colour="red"), "unknown key 'colour' in changes[0]"),
        (lambda d: d["changes"][0].update(kind="exploded"), "'exploded' at changes[0].kind is not one of"),
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d.pop("lang"), "missing key 'lang'"),
    ],
)
def test_from_dict_rejects_bad_json(mutate: object, message: str) -> None:
    payload = diff(*all_kinds()).to_dict()
    mutate(payload)  # type: ignore[operator]
    with pytest.raises(DiffError, match=re.escape(message)) as info:
        AgreementDiff.from_dict(payload)
    assert info.value.code == "diff-json-invalid"


_SPEC = "a1[c1,c2(p1,p2)] a2[c3,c4] a3[c5(p3)] a4[c6,c7]"
_EDITABLE = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "p1", "p2", "p3"]


@settings(max_examples=30, deadline=None)
@given(st.sets(st.sampled_from(_EDITABLE)), st.integers(min_value=0, max_value=4))
def test_random_rewordings_are_exactly_the_nodes_edited(edited: set[str], insert_at: int) -> None:
    old = build(_SPEC)
    raw = data(_SPEC, texts={n: f"Teks {n} yang diubah." for n in edited})
    raw["articles"].insert(insert_at, {"id": "new", "heading": "Baru", "clauses": [{"id": "cn", "text": "Baru."}]})
    result = diff(old, Agreement.model_validate(raw))
    assert {c.node for c in result if c.kind == ChangeKind.REWORDED} == edited
    assert {c.node for c in result if c.kind == ChangeKind.ADDED} == {"new"}
    assert not [c for c in result if c.kind == ChangeKind.MOVED]


@settings(max_examples=30, deadline=None)
@given(st.permutations(["a1", "a2", "a3", "a4"]))
def test_reordering_never_reports_rewordings(order: list[str]) -> None:
    old = build(_SPEC)
    raw = data(_SPEC)
    by_id = {a["id"]: a for a in raw["articles"]}
    raw["articles"] = [by_id[i] for i in order]
    result = diff(old, Agreement.model_validate(raw))
    assert all(c.kind in (ChangeKind.MOVED, ChangeKind.RENUMBERED) for c in result)
    assert not [c for c in result if c.also_reworded]


@settings(max_examples=40, deadline=None)
@given(edited())
def test_random_edits_are_reported_exactly(case: tuple[Agreement, Agreement, Edits]) -> None:
    old, new, edits = case
    result = diff(old, new)
    by_kind = _kinds(result)
    assert by_kind.get("removed", set()) == edits.removed
    assert by_kind.get("added", set()) == edits.added
    assert by_kind.get("moved", set()) == edits.moved
    reworded = by_kind.get("reworded", set()) | {c.node for c in result if c.also_reworded}
    assert reworded == edits.reworded


@settings(max_examples=30, deadline=None)
@given(edited())
def test_an_agreement_against_itself_is_empty(case: tuple[Agreement, Agreement, Edits]) -> None:
    _, new, _ = case
    assert not diff(new, new)
    assert not diff(new, new.model_copy(deep=True)).warnings
