"""Numbers and references computed from the tree, in Indonesian and English."""

from __future__ import annotations

import pytest

from mou_kit.model import Address, number
from mou_kit.model.numbering import counter
from tests.builders import build

SPEC = "a1[c1,c2(p1,p2(s1,s2(t1)))] a2[c3(p3,p4)] a3[c4,c5]"


@pytest.mark.parametrize(
    ("node", "lang", "label"),
    [
        ("a1", "id", "Pasal 1"),
        ("c2", "id", "(2)"),
        ("p2", "id", "b."),
        ("s2", "id", "2."),
        ("t1", "id", "a)"),
        ("c3", "id", ""),
        ("p4", "id", "b."),
        ("a2", "en", "Article 2"),
        ("c2", "en", "1.2"),
        ("p2", "en", "(b)"),
        ("s2", "en", "(ii)"),
        ("t1", "en", "(A)"),
        ("c5", "en", "3.2"),
    ],
)
def test_label(node: str, lang: str, label: str) -> None:
    assert number(build(SPEC)).label(node, lang) == label


@pytest.mark.parametrize(
    ("target", "context", "lang", "ref"),
    [
        ("a2", None, "id", "Pasal 2"),
        ("c2", None, "id", "Pasal 1 ayat (2)"),
        ("p2", None, "id", "Pasal 1 ayat (2) huruf b"),
        ("s1", None, "id", "Pasal 1 ayat (2) huruf b angka 1"),
        ("c2", "c1", "id", "ayat (2)"),
        ("p2", "c1", "id", "ayat (2) huruf b"),
        ("p2", "p1", "id", "huruf b"),
        ("s2", "s1", "id", "angka 2"),
        ("p3", None, "id", "Pasal 2 huruf a"),
        ("p3", "c1", "id", "Pasal 2 huruf a"),
        ("p4", "p3", "id", "huruf b"),
        ("a1", "c1", "id", "Pasal 1"),
        ("c2", None, "en", "Article 1.2"),
        ("p2", None, "en", "Article 1.2(b)"),
        ("s2", None, "en", "Article 1.2(b)(ii)"),
        ("p2", "c1", "en", "clause 1.2(b)"),
        ("p3", None, "en", "Article 2(a)"),
        ("a3", "c1", "en", "Article 3"),
        ("party-2", None, "id", "PIHAK KEDUA"),
        ("party-1", None, "en", "FIRST PARTY"),
    ],
)
def test_ref(target: str, context: str | None, lang: str, ref: str) -> None:
    assert number(build(SPEC)).ref(target, lang, context=context) == ref


def test_first_party_house_style() -> None:
    agreement = build(SPEC, style={"first_party_label": "PERTAMA"})
    assert number(agreement).ref("party-1", "id") == "PIHAK PERTAMA"
    assert number(agreement).ref("party-2", "id") == "PIHAK KEDUA"


@pytest.mark.parametrize(
    ("n", "style", "text"),
    [(1, "alpha", "a"), (26, "alpha", "z"), (27, "alpha", "aa"), (4, "roman", "iv"),
     (14, "roman", "xiv"), (3, "upper-alpha", "C"), (12, "arabic", "12")],
)
def test_counter(n: int, style: str, text: str) -> None:
    assert counter(n, style) == text


@pytest.mark.parametrize("text", ["3", "3.2", "3.2.1.4"])
def test_address_round_trips(text: str) -> None:
    assert str(Address.parse(text)) == text


@pytest.mark.parametrize("text", ["", "3..1", "0", "a.b", "-1"])
def test_address_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid address"):
        Address.parse(text)
