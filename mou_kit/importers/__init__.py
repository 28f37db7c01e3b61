"""Outside files into the model: one importer per source format, listed in one explicit table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from .._io import Input
from ..model import Agreement
from ._detect import SourceFormat as SourceFormat, detect as detect
from ._docx import DocxImporter
from ._package import DEFAULT_LIMITS as DEFAULT_LIMITS, Limits as Limits, read_source
from ._result import Importer as Importer, ImportResult as ImportResult

IMPORTERS: Mapping[SourceFormat, Callable[[], Importer]] = MappingProxyType({"docx": DocxImporter})
"""Every importer, by the format :func:`~mou_kit.importers._detect.detect` names."""


def import_file(path: str | Path, *, base: Agreement | None = None, lang: str | None = None) -> ImportResult:
    """Return the agreement in the outside file ``path``, its format detected from its bytes.

    :raises SourceError: the format is not one of :data:`IMPORTERS`, or the file cannot be read.
    """
    source = Path(path)
    fmt = detect(read_source(source), source=source.name)
    return IMPORTERS[fmt]().read(source, base=base, lang=lang)


def import_docx(path: Input, *, base: Agreement | None = None, lang: str | None = None,
                name: str | None = None) -> ImportResult:
    """Return the agreement in the Word file ``path``, nodes matched to ``base`` (the revision it came from).

    ``path`` may also be the file's ``bytes`` or a binary file object; ``name`` is what messages
    call it (an upload's own name rather than a temporary file's).

    :raises SourceError: the file is unsafe, not a DOCX, or holds no article headings.
    """
    from ._docx import read_docx

    return read_docx(path, base=base, lang=lang, limits=DocxImporter().limits, name=name)
