"""Numbers and dates in words, checked against the facts in reference/indonesian-mou.md §4."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_kit.model.words import in_words, month_name, opening_sentence, weekday_name, with_words

JULY_18 = dt.date(2023, 7, 18)


@pytest.mark.parametrize(
    ("n", "lang", "words"),
    [
        (18, "id", "delapan belas"),
        (2023, "id", "dua ribu dua puluh tiga"),
        (11, "id", "sebelas"),
        (100, "id", "seratus"),
        (111, "id", "seratus sebelas"),
        (1000, "id", "seribu"),
        (1945, "id", "seribu sembilan ratus empat puluh lima"),
        (1_000_000, "id", "satu juta"),
        (-3, "id", "minus tiga"),
        (18, "en", "eighteen"),
    ],
)
def test_in_words(n: int, lang: str, words: str) -> None:
    assert in_words(n, lang) == words


@pytest.mark.parametrize(
    ("n", "lang", "text"), [(3, "id", "3 (tiga)"), (5, "en", "5 (five)"), (90, "id", "90 (sembilan puluh)")])
def test_with_words(n: int, lang: str, text: str) -> None:
    assert with_words(n, lang) == text


@pytest.mark.parametrize(
    ("day", "weekday", "month"),
    [
        (JULY_18, "Selasa", "Juli"),
        (dt.date(2023, 8, 4), "Jumat", "Agustus"),
        (dt.date(2023, 11, 5), "Minggu", "November"),
        (dt.date(2023, 12, 25), "Senin", "Desember"),
    ],
)
def test_weekday_and_month_in_indonesian(day: dt.date, weekday: str, month: str) -> None:
    assert weekday_name(day, "id") == weekday
    assert month_name(day, "id") == month


def test_opening_sentence_in_indonesian() -> None:
    assert opening_sentence(JULY_18, "Pontianak", "id") == (
        "Pada hari ini Selasa, tanggal delapan belas, bulan Juli, tahun dua ribu dua puluh tiga, "
        "bertempat di Pontianak, yang bertanda tangan di bawah ini:"
    )


def test_opening_sentence_with_digits_house_style() -> None:
    assert "tahun dua ribu dua puluh tiga (18-07-2023), bertempat" in opening_sentence(
        JULY_18, "Pontianak", "id", digits=True)


def test_opening_sentence_in_english() -> None:
    assert opening_sentence(JULY_18, "Pontianak", "en") == (
        "This Memorandum of Understanding is made on Tuesday, 18 July 2023, in Pontianak, by and between:"
    )


def test_undated_opening_leaves_blanks() -> None:
    assert opening_sentence(None, "Pontianak", "id").startswith("Pada hari ini ........, tanggal ........")
