"""Which document a file is: the agreement (the work), the revision of its text in one language (the
expression) and the rendered file (the manifestation), written as one name that reads back.

As cobalt and Akoma Ntoso name documents with FRBR URIs (``/akn/za/act/2009/1/eng@2012-01-01.pdf``),
``/mou/tppo-kalbar/id@0a1b2c3d4e.pdf`` names the PDF in Indonesian of revision ``0a1b2c3d4e`` of the
agreement ``tppo-kalbar``; ``str`` writes it and :meth:`DocumentId.parse` reads it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from ..errors import MouKitError

FORMATS = ("pdf", "docx", "html", "md", "txt", "json")
"""The manifestations a name may end in."""

_NAME = re.compile(
    r"^/mou/(?P<work>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:/(?P<lang>[a-z]{2,3}))?"
    r"(?:@(?P<revision>[^/@\s.]+))?"
    rf"(?:\.(?P<format>{'|'.join(FORMATS)}))?$")


@dataclass(frozen=True, slots=True)
class DocumentId:
    """The name of a document: work (agreement id), language and revision (the expression), format."""

    work: str
    lang: str | None = None
    revision: str | None = None
    format: str | None = None

    def __post_init__(self) -> None:
        if DocumentId._parts(str(self)) != (self.work, self.lang, self.revision, self.format):
            raise MouKitError(f"{self!r} cannot be written as a document name: the work is a slug, the "
                              f"language two or three letters, the revision not empty, the format one of "
                              f"{', '.join(FORMATS)}", code="invalid-value")

    def __str__(self) -> str:
        out = f"/mou/{self.work}"
        if self.lang is not None:
            out += f"/{self.lang}"
        if self.revision is not None:  # any revision name: a branch "proposal/bp3mi", "HEAD~2", "v1.2"
            out += "@" + quote(self.revision, safe="~-_!").replace(".", "%2E")
        if self.format is not None:
            out += f".{self.format}"
        return out

    @staticmethod
    def _parts(text: str) -> tuple[str, str | None, str | None, str | None] | None:
        found = _NAME.match(text)
        if found is None:
            return None
        revision = unquote(found["revision"]) if found["revision"] is not None else None
        return found["work"], found["lang"], revision, found["format"]

    @classmethod
    def parse(cls, text: str) -> DocumentId:
        """Return the document ``text`` names (``/mou/<work>[/<lang>][@<revision>][.<format>]``).

        :raises MouKitError: ``text`` is not such a name (code ``invalid-value``).
        """
        parts = cls._parts(text)
        if parts is None:
            raise MouKitError(f"{text!r} is not a document name: write /mou/<agreement>[/<language>]"
                              f"[@<revision>][.<format>], e.g. /mou/tppo-kalbar/id@0a1b2c3d4e.pdf",
                              code="invalid-value")
        return cls(*parts)

    @property
    def expression(self) -> DocumentId:
        """The text this document is a rendering of (the name without its format)."""
        return DocumentId(self.work, self.lang, self.revision)

    def manifestation(self, format: str) -> DocumentId:
        """Return the name of this text rendered as ``format`` ("pdf", "docx")."""
        return DocumentId(self.work, self.lang, self.revision, format)
