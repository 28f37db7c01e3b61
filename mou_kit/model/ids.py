"""Which strings are valid node ids: slugs, unique in an agreement and safe as file names."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
MAX_ID_LENGTH = 80


def check_slug(value: str) -> str:
    """Return ``value`` if it is a valid id, else raise ``ValueError`` saying why.

    :raises ValueError: the id is empty, too long, or holds characters other than a-z, 0-9 and
        single hyphens (so no ``/``, ``..``, spaces or capitals).
    """
    if not value:
        raise ValueError("an id must not be empty")
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"id {value!r} is longer than {MAX_ID_LENGTH} characters")
    if not _SLUG.match(value):
        raise ValueError(f"id {value!r} is not a slug (only a-z, 0-9 and single hyphens)")
    return value


def slugify(text: str) -> str:
    """Return ``text`` turned into a slug ("Ruang Lingkup" -> "ruang-lingkup")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")


Slug = Annotated[str, AfterValidator(check_slug)]
"""A node id: ``[a-z0-9]`` words joined by single hyphens, at most 80 characters."""


def check_relative_path(value: str) -> str:
    """Return ``value`` if it is a relative path inside the agreement folder, else raise.

    :raises ValueError: the path is absolute, climbs out with ``..``, or uses backslashes.
    """
    parts = value.split("/")
    if not value or value.startswith("/") or "\\" in value or ":" in parts[0] or ".." in parts or "" in parts:
        raise ValueError(
            f"path {value!r} must be relative to the agreement folder, like 'assets/logo.png' "
            "(no leading '/', no '..', no backslashes)"
        )
    return value


FolderPath = Annotated[str, AfterValidator(check_relative_path)]
"""A path inside the agreement folder, written with '/' (``assets/logo.png``)."""


def bookmark_name(lang: str, node_id: str) -> str:
    """Return the Word bookmark name of a node in one language's text.

    The DOCX writer puts it around every node and the importer reads node ids back from it,
    so a Word file of ours keeps its ids through the other side's edits (ADR 0061).
    """
    import hashlib

    return "_Ref" + hashlib.sha1(f"{lang}:{node_id}".encode()).hexdigest()[:12]
