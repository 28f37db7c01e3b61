"""Splitting a printed cross-reference into words and the numbers of the nodes it cites."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from mou_kit.render._citation import chains, split_citation
from mou_kit.render.outline import outline
from tests.builders import build

ID_CHAIN = [("a3", "Pasal 3"), ("c2", "(2)"), ("p2", "b."), ("s1", "1.")]
EN_CHAIN = [("a3", "Article 3"), ("c2", "3.2"), ("p1", "(a)")]


@pytest.mark.parametrize(("text", "chain", "expected"), [
    ("Pasal 3", ID_CHAIN[:1], [("Pasal 3", "a3")]),
    ("Pasal 3 ayat (2)", ID_CHAIN[:2], [("Pasal 3", "a3"), (" ayat ", None), ("(2)", "c2")]),
    ("ayat (2) huruf b", ID_CHAIN[:3], [("ayat ", None), ("(2)", "c2"), (" huruf ", None), ("b", "p2")]),
    ("huruf b angka 1", ID_CHAIN, [("huruf ", None), ("b", "p2"), (" angka ", None), ("1", "s1")]),
    ("Pasal 3 ayat (2) huruf a angka 1", [("a3", "Pasal 3"), ("c2", "(2)"), ("p1", "a."), ("s1", "1.")],
     [("Pasal 3", "a3"), (" ayat ", None), ("(2)", "c2"), (" huruf ", None), ("a", "p1"), (" angka ", None),
      ("1", "s1")]),
    ("Article 3.2(a)", EN_CHAIN, [("Article ", None), ("3.2", "c2"), ("(a)", "p1")]),
    ("clause 3.2", EN_CHAIN[:2], [("clause ", None), ("3.2", "c2")]),
    ("PIHAK KESATU", [], [("PIHAK KESATU", None)]),
])
def test_split_citation(text: str, chain: list[tuple[str, str]], expected: list[tuple[str, str | None]]) -> None:
    assert split_citation(text, chain) == expected
    assert "".join(t for t, _ in split_citation(text, chain)) == text


def test_chains_follow_the_outline() -> None:
    doc = outline(build("a1[c1] a2[c2,c3(p1(s1))]"), "id")
    assert chains(doc)["s1"] == [("a2", "Pasal 2"), ("c3", "(2)"), ("p1", "a."), ("s1", "1.")]
    assert chains(doc)["c1"] == [("a1", "Pasal 1")]


@given(st.text(alphabet="Pasl ayt()hruf.bc123", max_size=40),
       st.lists(st.sampled_from(["Pasal 3", "(2)", "b.", "1.", "3.2", "(a)"]), max_size=4))
def test_split_citation_keeps_every_character(text: str, labels: list[str]) -> None:
    pieces = split_citation(text, [(f"n{i}", label) for i, label in enumerate(labels)])
    assert "".join(t for t, _ in pieces) == text
    assert all(t for t, _ in pieces)
