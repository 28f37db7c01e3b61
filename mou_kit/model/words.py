"""Numbers and dates in words ("delapan belas", "3 (tiga)", "Selasa", "Juli") for each language.

num2words and Babel are imported on first use so that ``import mou_kit`` stays fast.
"""

from __future__ import annotations

import datetime as dt

from .locale import locale_for


def in_words(n: int, lang: str) -> str:
    """Return ``n`` as a cardinal in words: ``in_words(18, "id") == "delapan belas"``."""
    from num2words import num2words

    text: str = num2words(int(n), lang=locale_for(lang).num2words)
    return text.replace("min ", "minus ") if lang == "id" else text


def with_words(n: int, lang: str) -> str:
    """Return ``n`` as digits followed by words in brackets: "3 (tiga)", "5 (five)"."""
    return locale_for(lang).phrase("number_with_words", n=n, words=in_words(n, lang))


def weekday_name(day: dt.date, lang: str) -> str:
    """Return the name of the weekday of ``day``: "Selasa" for 18 July 2023 in Indonesian."""
    from babel.dates import format_date

    return str(format_date(day, "EEEE", locale=locale_for(lang).babel))


def month_name(day: dt.date, lang: str) -> str:
    """Return the name of the month of ``day``: "Juli", "July"."""
    from babel.dates import format_date

    return str(format_date(day, "MMMM", locale=locale_for(lang).babel))


def long_date(day: dt.date, lang: str) -> str:
    """Return ``day`` as written in running text: "18 Juli 2023", "18 July 2023"."""
    return f"{day.day} {month_name(day, lang)} {day.year}"


def opening_sentence(day: dt.date | None, place: str, lang: str, *, kind: str = "mou",
                     digits: bool = False) -> str:
    """Return the opening sentence with the date in words.

    Indonesian: "Pada hari ini Selasa, tanggal delapan belas, bulan Juli, tahun dua ribu dua
    puluh tiga, bertempat di Pontianak, yang bertanda tangan di bawah ini:". ``digits`` adds
    "(18-07-2023)" after the date, a house style some institutions use.
    """
    loc = locale_for(lang)
    running = loc.kinds[kind]["running"]
    if day is None:
        return loc.phrase("opening_undated", place=place, kind=running)
    return loc.phrase(
        "opening",
        weekday=weekday_name(day, lang),
        day=in_words(day.day, lang),
        day_digits=day.day,
        month=month_name(day, lang),
        year=in_words(day.year, lang),
        year_digits=day.year,
        digits=f" ({day:%d-%m-%Y})" if digits else "",
        place=place,
        kind=running,
    )
