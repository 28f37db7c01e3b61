"""The form of each language is data: party labels, phrases and unknown languages."""

from __future__ import annotations

import pytest

from mou_kit import MouKitError
from mou_kit.model import available_languages, locale_for


@pytest.mark.parametrize(
    ("lang", "index", "first", "label"),
    [
        ("id", 0, "KESATU", "PIHAK KESATU"),
        ("id", 0, "PERTAMA", "PIHAK PERTAMA"),
        ("id", 1, "PERTAMA", "PIHAK KEDUA"),
        ("id", 2, "KESATU", "PIHAK KETIGA"),
        ("id", 3, "KESATU", "PIHAK KEEMPAT"),
        ("en", 0, "KESATU", "FIRST PARTY"),
        ("en", 2, "KESATU", "THIRD PARTY"),
    ],
)
def test_party_labels(lang: str, index: int, first: str, label: str) -> None:
    assert locale_for(lang).label(index, first=first) == label


@pytest.mark.parametrize(("lang", "all_parties", "one"), [("id", "PARA PIHAK", "PIHAK"), ("en", "PARTIES", "PARTY")])
def test_collective_names(lang: str, all_parties: str, one: str) -> None:
    loc = locale_for(lang)
    assert (loc.all_parties, loc.one_party) == (all_parties, one)


def test_languages_are_the_locale_files() -> None:
    assert available_languages() == ["en", "id"]


def test_unknown_language_is_one_clear_error() -> None:
    with pytest.raises(MouKitError, match="language 'fr' has no form defined; use one of en, id") as caught:
        locale_for("fr")
    assert caught.value.code == "unknown-language"


def test_more_parties_than_ordinals() -> None:
    with pytest.raises(MouKitError, match="at most 10 parties"):
        locale_for("id").label(10)
