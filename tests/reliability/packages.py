"""Word packages of issue 20's corpus: a small valid DOCX and the ways it is made unsafe or damaged."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable


def word_file(mutate: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in ("Pasal 1", "Maksud dan Tujuan", "Teks ayat satu tentang kerja sama."):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    if mutate is None:
        return out.getvalue()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source:
        members = mutate({info.filename: source.read(info.filename) for info in source.infolist()})
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return packed.getvalue()


def _without_declaration(xml: bytes) -> str:
    text = xml.decode("utf-8")
    return text[text.index("?>") + 2:] if text.startswith("<?xml") else text


def utf16_doctype(members: dict[str, bytes]) -> dict[str, bytes]:
    """document.xml in UTF-16 with a DOCTYPE whose entity sits inside the clause text."""
    body = _without_declaration(members["word/document.xml"]).replace("ayat satu", "ayat &e; satu")
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY e "rahasia">]>' + body
    members["word/document.xml"] = text.encode("utf-16")
    return members


def main_part_not_xml(members: dict[str, bytes]) -> dict[str, bytes]:
    """The main document moved to word/main.bin (content type by override) with a DOCTYPE and entity."""
    body = _without_declaration(members.pop("word/document.xml")).replace("ayat satu", "ayat &e; satu")
    members["word/main.bin"] = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e "x">]>' + body).encode()
    members["word/document.xml"] = b'<?xml version="1.0"?><x/>'
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/main.bin")
    members["_rels/.rels"] = members["_rels/.rels"].replace(b"word/document.xml", b"word/main.bin")
    rels = members.pop("word/_rels/document.xml.rels")
    members["word/_rels/main.bin.rels"] = rels
    return members


def many_paragraphs(members: dict[str, bytes]) -> dict[str, bytes]:
    """100,000 paragraphs after the article (each one would be a note line)."""
    text = members["word/document.xml"].decode()
    extra = "".join(f"<w:p><w:r><w:t>baris {n}</w:t></w:r></w:p>" for n in range(100_000))
    members["word/document.xml"] = text.replace("<w:body>", "<w:body>" + extra, 1).encode()
    return members


def corrupt_deflate(data: bytes) -> bytes:
    """Flip the bytes of document.xml's compressed data (zlib.error or a CRC error on reading)."""
    out = bytearray(data)
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    for i in range(start + 8, start + 60):
        out[i] ^= 0xA5
    return bytes(out)
