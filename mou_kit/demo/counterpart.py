"""Edits the other side might make to a Word file, made to the XML as Word would make them.

Used by the demo and the tests to stand in for a counterpart: plain edits (reword, insert a
point, delete a clause) and tracked ones (``w:ins``/``w:del`` with an author and a date).
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from ..ooxml.names import XML_SPACE, W
from ..ooxml.tracked import Revisions, wrap

DATE = "2026-11-28T10:00:00Z"


def find(document: Any, start: str) -> Any:
    """Return the first body paragraph (``w:p``) whose text contains ``start``.

    :raises LookupError: no paragraph holds that text.
    """
    for p in document.element.body.iter(f"{W}p"):
        if start in "".join(t.text or "" for t in p.iter(f"{W}t")):
            return p
    raise LookupError(f"no paragraph holds {start!r}")


def _split(p: Any, anchor: str) -> tuple[Any, int]:
    """Return the run holding ``anchor`` and the anchor's offset in its one ``w:t``."""
    for t in p.iter(f"{W}t"):
        if t.text and anchor in t.text:
            return t.getparent(), t.text.index(anchor)
    raise LookupError(f"no single run holds {anchor!r}")


def _run(like: Any, text: str, *, deleted: bool = False) -> Any:
    run = copy.deepcopy(like)
    for child in list(run):
        if child.tag != f"{W}rPr":
            run.remove(child)
    t = run.makeelement(f"{W}delText" if deleted else f"{W}t", {})
    t.set(XML_SPACE, "preserve")
    t.text = text
    run.append(t)
    return run


def reword(p: Any, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in paragraph ``p`` (an untracked edit)."""
    run, at = _split(p, old)
    t = run.find(f"{W}t")
    t.text = t.text[:at] + new + t.text[at + len(old):]


def _tracked(p: Any, anchor: str, text: str, kind: Literal["ins", "del"], author: str, id_: int) -> None:
    run, at = _split(p, anchor)
    full = run.find(f"{W}t").text
    rest = full[at + (len(text) if kind == "del" else 0):]
    run.find(f"{W}t").text = full[:at]
    run.find(f"{W}t").set(XML_SPACE, "preserve")
    wrapper = wrap([_run(run, text, deleted=kind == "del")], kind, Revisions(author, DATE, next_id=id_))
    run.addnext(wrapper)
    wrapper.addnext(_run(run, rest))


def track_insert(p: Any, before: str, text: str, author: str, id_: int = 9001) -> None:
    """Insert ``text`` just before ``before`` in ``p`` as a tracked insertion by ``author``."""
    _tracked(p, before, text, "ins", author, id_)


def track_delete(p: Any, text: str, author: str, id_: int = 9002) -> None:
    """Delete ``text`` from ``p`` as a tracked deletion by ``author``."""
    _tracked(p, text, text, "del", author, id_)


def insert_after(p: Any, text: str) -> Any:
    """Return a new paragraph after ``p`` formatted as ``p`` (same list) holding ``text``."""
    new = copy.deepcopy(p)
    for child in list(new):
        if child.tag != f"{W}pPr":
            new.remove(child)
    first = next(p.iter(f"{W}r"))
    new.append(_run(first, text))
    p.addnext(new)
    return new


def delete(p: Any) -> None:
    """Remove paragraph ``p`` (an untracked deletion)."""
    p.getparent().remove(p)


def counterpart_edits(document: Any, author: str) -> list[str]:
    """Make the other side's edits to the rendered TPPO Kalbar example; return what was done.

    One reword, one inserted point, one deleted clause (untracked), then a tracked insertion
    and a tracked deletion by ``author``.

    :raises LookupError: the document is not the example as rendered in Indonesian.
    """
    reword(find(document, "Setiap PIHAK wajib menjaga"), "data dan informasi yang diterima",
           "data, informasi, dan dokumen yang diterima")
    insert_after(find(document, "pemanfaatan sarana dan prasarana;"), "pelatihan bersama aparat penegak hukum;")
    delete(find(document, "PARA PIHAK wajib melindungi data pribadi"))
    track_insert(find(document, "Segala biaya yang timbul"), ".", " yang berlaku", author)
    track_delete(find(document, "PARA PIHAK melakukan pemantauan"), " secara bersama-sama", author)
    return ["reworded kerahasiaan-umum", "inserted a point after ruang-lingkup huruf d",
            "deleted data-pelindungan", f"tracked insertion by {author} in pembiayaan-anggaran",
            f"tracked deletion by {author} in monev-berkala"]
