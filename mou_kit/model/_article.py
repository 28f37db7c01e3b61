"""The body of an agreement: articles (Pasal), their clauses (ayat) and points (huruf, angka)."""

from __future__ import annotations

from pydantic import Field

from .ids import Slug
from .record import Record
from .text import Text


class Point(Record):
    """A listed point (huruf a., then angka 1. below it); numbers are computed, never stored."""

    id: Slug
    text: Text
    points: list[Point] = Field(default_factory=list, description="Sub-points (angka, then a lower level).")


class Clause(Record):
    """A clause (ayat): a text, optionally leading in to a list of points.

    An article with a single clause prints it without a number, as Indonesian and
    international practice both do.
    """

    id: Slug
    text: Text
    points: list[Point] = Field(default_factory=list)
    source: str | None = Field(
        default=None, description="The library template it came from, as 'library-id@version'."
    )


class Article(Record):
    """An article (Pasal) with its heading and clauses, stored as ``articles/<id>.yaml``."""

    id: Slug
    heading: Text
    clauses: list[Clause] = Field(min_length=1)
    source: str | None = Field(
        default=None, description="The library template it came from, as 'library-id@version'."
    )
