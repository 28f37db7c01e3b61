"""Whether an outside file is safe to open as a Word package: size, zip members, paths and XML.

Every check runs on the raw bytes before python-docx sees them, so a zip bomb, an entity
expansion (in any encoding, in any part python-docx may parse), a huge part, corrupt compressed
data, an odd member path or a flood of paragraphs is refused within set limits with one line.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ErrorCode, SourceError
from ..ooxml.names import W


@dataclass(frozen=True, slots=True)
class Limits:
    """How much an imported package may hold; the defaults fit any real agreement many times over."""

    file_bytes: int = 50_000_000
    members: int = 2_000
    total_bytes: int = 200_000_000
    part_bytes: int = 50_000_000
    ratio: float = 200.0
    paragraphs: int = 10_000


DEFAULT_LIMITS = Limits()
"""The limits :func:`open_package` applies unless told otherwise."""


def _fail(source: str, message: str, code: ErrorCode) -> SourceError:
    return SourceError(f"{source}: {message}", code=code)


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Return the bytes of ``path``, refusing a file larger than the limit.

    :raises SourceError: the file is missing or not a plain file, so a named pipe cannot make the
        import wait (``source-invalid``), or too large (``source-too-large``).
    """
    try:
        info = path.stat()
    except OSError as e:
        raise _fail(str(path), f"cannot be read ({e.strerror or e}); check the path", "source-invalid") from e
    if not stat.S_ISREG(info.st_mode):
        raise _fail(str(path), "is not a plain file (a folder, pipe or device); give the path of the .docx",
                    "source-invalid")
    size = info.st_size
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
    except _CORRUPT as e:
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


_CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError,
            KeyError)
"""What reading a damaged, encrypted or oddly compressed zip member raises."""


def _why(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def read_part(data: bytes, name: str, source: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Return the bytes of member ``name``, reading no more than the part limit whatever the header says.

    :raises SourceError: the part unpacks to more than the limit (``source-too-large``).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as member:
            out = member.read(limits.part_bytes + 1)
    except _CORRUPT as e:
        raise _fail(source, f"part {name} cannot be unpacked ({_why(e)}): the file is damaged; save it again "
                            "from Word as 'Word Document (.docx)'", "source-not-docx") from None
    if len(out) > limits.part_bytes:
        raise _fail(source, f"part {name} unpacks to more than {limits.part_bytes:,} bytes", "source-too-large")
    return out


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_UNSAFE = ("<!DOCTYPE", "<!ENTITY")


def xml_text(data: bytes) -> str | None:
    """Return an XML part decoded as its byte-order mark or declaration says, ``None`` when it does not
    look like XML at all; unknown encodings are decoded as UTF-8 so the check still runs."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    for prefix, encoding in ((b"\0\0\0<", "utf-32-be"), (b"<\0\0\0", "utf-32-le"), (b"\0<", "utf-16-be"),
                             (b"<\0", "utf-16-le")):
        if data.startswith(prefix):
            return data.decode(encoding, errors="replace")
    head = data.lstrip()[:200]
    declared = _DECLARED.match(head)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return text if text.lstrip().startswith("<") else None


def parse_xml(data: bytes, name: str, source: str) -> Any:
    """Return the lxml root of the XML part ``data``, refusing a DOCTYPE and any entity in any encoding.

    :raises SourceError: the part declares a DOCTYPE or holds an entity (``source-unsafe``) or
        is not well-formed XML (``source-not-docx``).
    """
    from lxml import etree

    text = xml_text(data)
    folded = (text or "").upper()
    if any(mark in folded for mark in _UNSAFE) or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _unsafe(source, name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as e:
        reason = e.msg if isinstance(e, etree.XMLSyntaxError) else str(e)
        raise _fail(source, f"part {name} is not well-formed XML ({' '.join(str(reason).split())})",
                    "source-not-docx") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or next(root.iter(etree.Entity), None) is not None:
        raise _unsafe(source, name)
    return root


def _unsafe(source: str, name: str) -> SourceError:
    return _fail(source, f"part {name} declares a DOCTYPE or entities, which a Word file never does",
                 "source-unsafe")


_W_P = f"{W}p"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _xml_parts(parts: dict[str, bytes], types: Any) -> list[str]:
    """Return the members python-docx may parse as XML: by name, by declared content type, or by content."""
    defaults = {el.get("Extension", "").lower(): el.get("ContentType", "") for el in types.iter(_TYPES_NS + "Default")}
    overrides = {el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
                 for el in types.iter(_TYPES_NS + "Override")}
    out = []
    for name, data in parts.items():
        kind = overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
        if (name.endswith((".xml", ".rels")) or kind.endswith(("+xml", "/xml"))
                or xml_text(data[:4096]) is not None):
            out.append(name)
    return out


def check_docx(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check that ``data`` is a safe Word package: limits, member paths, every member unpacked, every
    part that may be parsed as XML checked, and the main document's paragraphs counted.

    :raises SourceError: any check fails; the message names the file and the part.
    """
    sizes = check_zip(data, source, limits)
    if "[Content_Types].xml" not in sizes or "word/document.xml" not in sizes:
        hint = " (it looks like an OpenDocument file: save it as .docx)" if "content.xml" in sizes else ""
        raise _fail(source, f"is a zip but not a Word .docx file: word/document.xml is missing{hint}",
                    "source-not-docx")
    parts = {name: read_part(data, name, source, limits) for name in sizes}
    types = parse_xml(parts["[Content_Types].xml"], "[Content_Types].xml", source)
    roots = {name: parse_xml(parts[name], name, source) for name in _xml_parts(parts, types)}
    count = sum(1 for _ in roots["word/document.xml"].iter(_W_P))
    if count > limits.paragraphs:
        raise _fail(source, f"has {count:,} paragraphs, more than the {limits.paragraphs:,} an agreement "
                            "import reads; split it or import the agreement without its annexes", "source-too-large")
