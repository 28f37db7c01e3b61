"""Untrusted files are refused before python-docx sees them, each with one line and a code."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from mou_kit.errors import SourceError
from mou_kit.importers import import_docx
from mou_kit.importers._package import Limits, check_docx

_CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


BOMB_XML = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>'


@pytest.mark.parametrize(("data", "code", "words"), [
    (b"%PDF-1.7 hello", "source-not-docx", "is a PDF, not a Word .docx file"),
    (b"plain text", "source-not-docx", "not a Word .docx file"),
    (_zip({"content.xml": b"<x/>", "mimetype": b"application/vnd.oasis.opendocument.text"}),
     "source-not-docx", "OpenDocument"),
    (_zip({"[Content_Types].xml": _CT, "word/document.xml": BOMB_XML}), "source-unsafe", "DOCTYPE"),
    (_zip({"[Content_Types].xml": _CT, "word/document.xml": b"<x/>", "../evil.xml": b"<x/>"}),
     "source-unsafe", "climbing path"),
    (_zip({"[Content_Types].xml": _CT, "word/document.xml": b"<x/>", "/abs.xml": b"<x/>"}),
     "source-unsafe", "absolute"),
    (_zip({"[Content_Types].xml": _CT, "word/document.xml": b"<x>" + b"a" * 3_000_000 + b"</x>"}),
     "source-too-large", "zip bomb"),
    (_zip({"[Content_Types].xml": _CT, "word/document.xml": b"<x><y></x>"}), "source-not-docx", "well-formed"),
])
def test_unsafe_files_are_refused_with_one_line(tmp_path: Path, data: bytes, code: str, words: str) -> None:
    path = tmp_path / "in.docx"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        import_docx(path)
    assert info.value.code == code
    assert words in str(info.value)
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("in.docx: ")


@pytest.mark.parametrize(("limits", "words"), [
    (Limits(members=2), "zip members"),
    (Limits(part_bytes=10), "unpacks to"),
    (Limits(total_bytes=10), "unpacks to more than"),
])
def test_limits(limits: Limits, words: str) -> None:
    data = _zip({"[Content_Types].xml": _CT, "word/document.xml": b"<x/>", "word/styles.xml": b"<y/>"})
    with pytest.raises(SourceError, match=words) as info:
        check_docx(data, "in.docx", limits)
    assert info.value.code == "source-too-large"


def test_a_file_too_large_is_not_read(tmp_path: Path) -> None:
    from mou_kit.importers._docx import DocxImporter

    path = tmp_path / "big.docx"
    path.write_bytes(b"PK\x03\x04" + b"0" * 100)
    with pytest.raises(SourceError, match="more than the 10 a DOCX may have") as info:
        DocxImporter(Limits(file_bytes=10)).read(path)
    assert info.value.code == "source-too-large"


# ---------------------------------------------------------------- issue 20


def _import_error(tmp_path: Path, data: bytes) -> SourceError:
    path = tmp_path / "in.docx"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        import_docx(path)
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize(("mutate", "code", "words"), [
    ("utf16_doctype", "source-unsafe", "word/document.xml declares a DOCTYPE"),
    ("main_part_not_xml", "source-unsafe", "word/main.bin declares a DOCTYPE"),
    ("many_paragraphs", "source-too-large", "100,003 paragraphs"),
])
def test_issue_20_packages_are_refused(tmp_path: Path, mutate: str, code: str, words: str) -> None:
    from tests.reliability import packages

    error = _import_error(tmp_path, packages.word_file(getattr(packages, mutate)))
    assert error.code == code
    assert words in str(error)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "latin-1", "cp1252"])
def test_a_doctype_in_any_encoding_is_found(encoding: str) -> None:
    from mou_kit.importers._package import parse_xml

    declared = encoding.replace("-sig", "").replace("-le", "").replace("-be", "")
    text = f'<?xml version="1.0" encoding="{declared}"?><!DOCTYPE x [<!ENTITY e "t">]><x>a &e; b</x>'
    data = text.encode(encoding)
    if encoding.startswith("utf-16-"):
        data = (b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff") + data
    with pytest.raises(SourceError, match="declares a DOCTYPE") as info:
        parse_xml(data, "word/document.xml", "in.docx")
    assert info.value.code == "source-unsafe"


def test_an_entity_the_byte_check_cannot_see_is_refused_after_parsing() -> None:
    """UTF-7 hides '<!DOCTYPE' from a byte search; the parsed tree still shows the DTD."""
    from mou_kit.importers._package import parse_xml

    data = '<?xml version="1.0" encoding="UTF-7"?>+ADw-+ACE-DOCTYPE x+AD4-<x/>'.encode("ascii")
    with pytest.raises(SourceError) as info:
        parse_xml(data, "word/document.xml", "in.docx")
    assert info.value.code in ("source-unsafe", "source-not-docx")


@pytest.mark.parametrize("damage", ["corrupt_deflate", "truncated"])
def test_a_damaged_zip_is_source_not_docx(tmp_path: Path, damage: str) -> None:
    from tests.reliability import packages

    good = packages.word_file()
    data = packages.corrupt_deflate(good) if damage == "corrupt_deflate" else good[:-200]
    assert _import_error(tmp_path, data).code == "source-not-docx"


def test_the_paragraph_cap_is_a_limit() -> None:
    from tests.reliability import packages

    data = packages.word_file()
    check_docx(data, "in.docx")
    with pytest.raises(SourceError, match="more than the 2 an agreement import reads") as info:
        check_docx(data, "in.docx", Limits(paragraphs=2))
    assert info.value.code == "source-too-large"


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "in.docx"
    os.mkfifo(pipe)
    with pytest.raises(SourceError, match="not a plain file") as info:
        import_docx(pipe)
    assert info.value.code == "source-invalid"
