"""Typed numbers at the start of a paragraph: which are labels, and of which kind."""

from __future__ import annotations

import pytest

from mou_kit.importers._lines import normalise, typed_label


@pytest.mark.parametrize(("text", "expected"), [
    ("(1) Satu.", ("(1)", "1", "Satu.")),
    ("12. Dua belas.", ("1.", "12", "Dua belas.")),
    ("1.1 One.", ("1.1", "1.1", "One.")),
    ("2.10. Ten.", ("1.1.", "2.10", "Ten.")),
    ("a. alfa;", ("a.", "a", "alfa;")),
    ("b) beta;", ("a)", "b", "beta;")),
    ("(c) gamma;", ("(a)", "c", "gamma;")),
    ("(iv) four;", ("(i)", "iv", "four;")),
    ("(A) Whereas;", ("(A)", "A", "Whereas;")),
    ("a\tTab.", None),
    ("Pasal 1", None),
    ("(1 unclosed", None),
    ("1.5 kg of rice", ("1.1", "1.5", "kg of rice")),
    ("abc. not a label", None),
])
def test_typed_label(text: str, expected: tuple[str, str, str] | None) -> None:
    assert typed_label(text) == expected


@pytest.mark.parametrize(("signature", "expected"), [("3.1", "1.1"), ("(1)", "(1)"), ("a.", "a.")])
def test_normalise(signature: str, expected: str) -> None:
    assert normalise(signature) == expected
