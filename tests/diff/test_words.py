"""Word-level diff inside one text: tokens, readable operations, bounded cost."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, strategies as st

from mou_kit.diff.words import apply_ops, tokens, word_ops


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("informasi;", ["informasi", ";"]),
        ("peraturan perundang-undangan.", ["peraturan", " ", "perundang-undangan", "."]),
        ("3 (tiga)", ["3", " ", "(", "tiga", ")"]),
    ],
)
def test_punctuation_is_its_own_token(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_operations_read_as_phrases() -> None:
    ops = word_ops("pertukaran data dan informasi terkait", "pertukaran data, informasi, dan dokumen terkait")
    assert [(o.op.value, o.text) for o in ops] == [
        ("equal", "pertukaran data"), ("delete", " dan informasi"),
        ("insert", ", informasi, dan dokumen"), ("equal", " terkait")]


@given(st.text(alphabet="ab .;\n", max_size=60), st.text(alphabet="ab .;\n", max_size=60))
def test_operations_rebuild_both_texts(old: str, new: str) -> None:
    ops = word_ops(old, new)
    assert apply_ops(ops, accept=True) == new
    assert apply_ops(ops, accept=False) == old


def test_a_200_kb_repetitive_clause_does_not_hang() -> None:
    old = " ".join(["PARA PIHAK sepakat dan setuju."] * 7000)
    new = old.replace("setuju.", "setuju;", 50)[: len(old) // 2] + " sisipan " + old[len(old) // 2:]
    assert len(old) > 200_000
    start = time.perf_counter()
    ops = word_ops(old, new)
    assert time.perf_counter() - start < 10
    assert apply_ops(ops, accept=True) == new
