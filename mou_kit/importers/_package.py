"""Whether an outside file is safe to open as a Word package: size, zip members, paths and XML.

Every check runs on the raw bytes before python-docx sees them, so a zip bomb, an entity
expansion, a huge part or an odd member path is refused within set limits with one line.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ErrorCode, SourceError


@dataclass(frozen=True, slots=True)
class Limits:
    """How much an imported package may hold; the defaults fit any real agreement many times over."""

    file_bytes: int = 50_000_000
    members: int = 2_000
    total_bytes: int = 200_000_000
    part_bytes: int = 50_000_000
    ratio: float = 200.0


DEFAULT_LIMITS = Limits()
"""The limits :func:`open_package` applies unless told otherwise."""


def _fail(source: str, message: str, code: ErrorCode) -> SourceError:
    return SourceError(f"{source}: {message}", code=code)


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Return the bytes of ``path``, refusing a file larger than the limit.

    :raises SourceError: the file is missing (``source-invalid``) or too large (``source-too-large``).
    """
    try:
        size = path.stat().st_size
    except OSError as e:
        raise _fail(str(path), f"cannot be read ({e.strerror or e}); check the path", "source-invalid") from e
    if size > limits.file_bytes:
        raise _fail(str(path), f"is {size:,} bytes, more than the {limits.file_bytes:,} a DOCX may have",
                    "source-too-large")
    return path.read_bytes()


def check_zip(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, int]:
    """Return the member names and uncompressed sizes of the zip ``data`` once every limit holds.

    :raises SourceError: not a zip (``source-not-docx``), too many members, too large in total or
        per member, too highly compressed (``source-too-large``), or a member path that is
        absolute, climbs with ``..`` or repeats (``source-unsafe``).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as e:
        raise _fail(source, "is not a Word .docx file (not a zip package); save it from Word as "
                            "'Word Document (.docx)'", "source-not-docx") from e
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise _fail(source, f"holds {len(infos)} zip members, more than {limits.members}", "source-too-large")
        sizes: dict[str, int] = {}
        total = 0
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                raise _fail(source, f"zip member {name!r} has an absolute or climbing path", "source-unsafe")
            if name in sizes:
                raise _fail(source, f"zip member {name!r} appears twice", "source-unsafe")
            if info.file_size > limits.part_bytes:
                raise _fail(source, f"part {name} unpacks to {info.file_size:,} bytes, more than "
                                    f"{limits.part_bytes:,}", "source-too-large")
            if info.file_size > 1_000_000 and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise _fail(source, f"part {name} is compressed more than {limits.ratio:g} to 1 "
                                    "(a zip bomb?)", "source-too-large")
            total += info.file_size
            if total > limits.total_bytes:
                raise _fail(source, f"unpacks to more than {limits.total_bytes:,} bytes", "source-too-large")
            sizes[name] = info.file_size
    return sizes


def read_part(data: bytes, name: str, source: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Return the bytes of member ``name``, reading no more than the part limit whatever the header says.

    :raises SourceError: the part unpacks to more than the limit (``source-too-large``).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as member:
        out = member.read(limits.part_bytes + 1)
    if len(out) > limits.part_bytes:
        raise _fail(source, f"part {name} unpacks to more than {limits.part_bytes:,} bytes", "source-too-large")
    return out


def parse_xml(data: bytes, name: str, source: str) -> Any:
    """Return the lxml root of the XML part ``data``, refusing a DOCTYPE and any entity.

    :raises SourceError: the part declares a DOCTYPE (``source-unsafe``) or is not well-formed
        XML (``source-not-docx``).
    """
    from lxml import etree

    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or head.startswith(b"<!"):
        raise _fail(source, f"part {name} declares a DOCTYPE or entities, which a Word file never does",
                    "source-unsafe")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise _fail(source, f"part {name} is not well-formed XML ({e.msg})", "source-not-docx") from e


def check_docx(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check that ``data`` is a safe Word package: limits, member paths, and every XML part.

    :raises SourceError: any check fails; the message names the file and the part.
    """
    sizes = check_zip(data, source, limits)
    if "[Content_Types].xml" not in sizes or "word/document.xml" not in sizes:
        hint = " (it looks like an OpenDocument file: save it as .docx)" if "content.xml" in sizes else ""
        raise _fail(source, f"is a zip but not a Word .docx file: word/document.xml is missing{hint}",
                    "source-not-docx")
    for name in sizes:
        if name.endswith((".xml", ".rels")):
            parse_xml(read_part(data, name, source, limits), name, source)
