"""What lies outside the body of a file written elsewhere: title, parties, cover page and signatures.

Without a base revision the agreement's head is read from the file: the title block (or the first
line in capitals), the party names (title block, "between X and Y", or the signature table), a
cover or term table as an annex, and signatories from the signature table. What has no place in
the model is noted with its paragraph; what a human must still fill in is listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.ids import slugify
from ..model.locale import locale_for
from ._build import placeholder_party, read_title
from ._lines import Line
from ._structure import Layout

_BETWEEN = re.compile(r"\b(?:between|antara)\b\s*:?\s*(?P<rest>.+)$", re.I | re.S)
_AND = re.compile(r"\s+(?:and|dan|dengan)\s+", re.I)
_SHORT = re.compile(r"[(\u201c\"]+\s*(?:the\s+)?[\u201c\"]?(?P<short>[A-Z][^\u201d\")]{0,40})[\u201d\"]")
_NAME = re.compile(r"^(?:name|nama)\s*:\s*(?P<v>.*)$", re.I)
_POSITION = re.compile(r"^(?:title|position|jabatan)\s*:\s*(?P<v>.*)$", re.I)
_FORM = re.compile(r"^(?:by|oleh|date|tanggal|signature|tanda tangan)\s*:?[\s_.]*$", re.I)
_BLANK = re.compile(r"^[_.\s\u2026-]+$")


@dataclass(slots=True)
class Front:
    """The head data of an agreement read without a base, the lines noted, and what needs a human."""

    data: dict[str, Any]
    noted: list[tuple[Line, str]] = field(default_factory=list)
    structure: list[Line] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)


def front(layout: Layout, lang: str) -> Front:
    """Return the head of the agreement ``layout`` describes, read from the file alone."""
    data, unused = read_title(layout, lang)
    out = Front(data)
    for line in unused:
        out.noted.append((line, "a line of the title block the agreement has no place for"))
    if data["title"] == "Imported agreement":
        out.attention.append("no title found: the title is 'Imported agreement'; set 'title' in agreement.yaml")
    elif str(data["title"]).upper() in {k["title"] for k in locale_for(lang).kinds.values()}:
        out.attention.append(f"the title is the document's heading '{data['title']}', which names its kind, not "
                             "its subject: set 'title' in agreement.yaml to what it is about")
    placeholders = all(placeholder_party(p["name"]) for p in data["parties"])
    written = {name.casefold(): (name, short) for name, short in _between([r.text for r in layout.recitals])}
    for party in data["parties"]:
        _, short = written.get(str(party["name"]).casefold(), (None, None))
        if short:
            # the title block prints the name in capitals; the text defines its short name
            party["short_name"] = short
    if placeholders:
        names = _between([r.text for r in layout.recitals]) or _party_lines(layout.parties)
        if len(names) >= 2:
            data["parties"] = _parties(names)
            out.attention.append("party names read from the text (" + ", ".join(n for n, _ in names) +
                                 "): check them and their short names")
    for line in layout.parties:
        out.noted.append((line, "a party's description: the model prints it from the party's data"))
    if layout.cover:
        loc_title = "Halaman Sampul" if lang == "id" else "Cover page"
        data["annexes"] = [{"id": "cover-page", "title": loc_title,
                            "text": "\n".join(line.text for line in layout.cover)}]
        out.attention.append(f"the cover page or term table (¶{layout.cover[0].index}-¶{layout.cover[-1].index}) is "
                             "kept as the annex 'cover-page': move its terms where they belong")
    for line in layout.prose:
        out.noted.append((line, "a lead-in or heading before the articles: the form prints its own"))
    _tail(layout.tail, data, out, lang)
    if all(placeholder_party(p["name"]) for p in data["parties"]):
        out.attention.append("no party names found: the parties are 'PARTY 1' and 'PARTY 2'; name them")
    for party in data["parties"]:
        if "signatory" not in party:
            out.attention.append(f"party {party['id']}: no signatory found; add its name and position")
    return out


def _between(texts: list[str]) -> list[tuple[str, str | None]]:
    """Return the party names of the first "between A and B" sentence, else an empty list."""
    for text in texts[:6]:
        m = _BETWEEN.search(text)
        if m is None:
            continue
        rest, depth, parts, current = m.group("rest"), 0, [], ""
        for piece in re.split(r"([()])", rest):
            if piece == "(":
                depth += 1
            elif piece == ")":
                depth -= 1
            if depth == 0 and piece not in "()":
                split = _AND.split(piece)
                current += split[0]
                for more in split[1:]:
                    parts.append(current)
                    current = more
            else:
                current += piece
        parts.append(current)
        names = [(_name_of(p), _short_of(p)) for p in parts]
        found = [n for n in names if n[0]]
        if len(found) >= 2:
            return found
    return []


def _short_of(part: str) -> str | None:
    """Return the short name a party is defined as ("Acme" in '... ("Acme")'), else ``None``."""
    m = _SHORT.search(part)
    return m.group("short").strip() if m else None


def _name_of(part: str) -> str:
    name = re.split(r"[,(;]|\s+(?:a|an|the|yang)\s+(?:company|corporation|limited|body|institution)\b", part)[0]
    name = re.sub(r"[.\s]+$", "", name).strip(" \"\u201c\u201d")
    return name if 0 < len(name.split()) <= 12 else ""


def _party_lines(lines: list[Line]) -> list[tuple[str, str | None]]:
    return [(n, _short_of(line.text)) for line in lines if (n := _name_of(line.text))]


def _parties(names: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    out, seen = [], set()
    for name, short in names:
        pid = slugify(short or name)[:40].strip("-") or "party"
        while pid in seen:
            pid = f"{pid}-x"
        seen.add(pid)
        out.append({"id": pid, "name": name, "short_name": short or name})
    return out


def _tail(tail: list[Line], data: dict[str, Any], out: Front, lang: str) -> None:
    """Read the closing and a signature table after it: signatories, and the closing's words and the
    block's lines as the agreement's own when they are not the form's (so rendering prints them back)."""
    columns: dict[int, list[Line]] = {}
    loose: list[Line] = []
    for line in tail:
        if line.in_table:
            columns.setdefault(line.column or 0, []).append(line)
        else:
            loose.append(line)
    if loose and not _forms_closing(loose[0].text, lang):
        data.setdefault("closing", {})["text"] = loose[0].text.strip()
        out.structure.append(loose[0])
        loose = loose[1:]
    for line in loose:
        out.noted.append((line, "the closing: the form prints its own"))
    parties = data["parties"]
    for k, (_, cells) in enumerate(sorted(columns.items())):
        name = position = None
        used: list[Line] = []
        for line in cells:
            if (m := _NAME.match(line.text)) and m.group("v").strip() and not _BLANK.match(m.group("v")):
                name = m.group("v").strip()
                used.append(line)
            elif (m := _POSITION.match(line.text)) and m.group("v").strip() and not _BLANK.match(m.group("v")):
                position = m.group("v").strip()
                used.append(line)
            elif _FORM.match(line.text) or _BLANK.match(line.text):
                out.structure.append(line)
            elif any(line.text.casefold() == str(p["name"]).casefold() for p in parties):
                out.structure.append(line)  # the party's name heading its signature block
        party = parties[k] if k < len(parties) else None
        if party is not None and name and position:
            party["signatory"] = {"name": name, "position": position}
            out.structure += used
    lines = _signature_lines([cells for _, cells in sorted(columns.items())], parties, lang)
    if lines is not None:
        data.setdefault("closing", {})["signature_lines"] = lines
        out.structure += [line for cells in columns.values() for line in cells if line not in out.structure]
    for cells in columns.values():
        for line in cells:
            if line not in out.structure:
                out.noted.append((line, "a signature block line: the form prints its own"))


def _forms_closing(text: str, lang: str) -> bool:
    """Whether ``text`` is the closing the form prints itself ("Demikian Nota Kesepahaman ini dibuat ...")."""
    pattern = re.escape(" ".join(locale_for(lang).phrases["closing"].split()))
    pattern = re.sub(r"\\\{\w+\\\}", ".*?", pattern).replace(r"\ ", r"\s*")
    return re.fullmatch(pattern, " ".join(text.replace("\x01", "").replace("\x02", "").split()), re.I) is not None


def _signature_lines(columns: list[list[Line]], parties: list[dict[str, Any]], lang: str) -> list[str] | None:
    """Return the lines every party's signature block shares, its own values as fields ("Name: {name}"),
    or ``None`` when the blocks differ, are the form's own ("PIHAK KESATU,"), or a party lacks its signatory."""
    if not columns or len(columns) != len(parties):
        return None
    loc = locale_for(lang)
    shapes = []
    for k, (cells, party) in enumerate(zip(columns, parties, strict=True)):
        signatory = party.get("signatory")
        texts = [line.text.strip() for line in cells]
        if signatory is None or not texts or any(c in t for t in texts for c in "{}"):
            return None
        if texts[0].rstrip(",").upper() == loc.label(k).upper():
            return None  # the form's own block: rendering prints it
        shapes.append([_as_field(t, party, signatory) for t in texts])
    return shapes[0] if all(shape == shapes[0] for shape in shapes) else None


def _as_field(text: str, party: dict[str, Any], signatory: dict[str, str]) -> str:
    """Return a signature line with the party's own values replaced by their fields."""
    name = str(party["name"])
    if text.casefold() == name.casefold():
        return "{party}" if text == name else "{PARTY}" if text == name.upper() else text
    for pattern, key in ((_NAME, "name"), (_POSITION, "position")):
        m = pattern.match(text)
        if m and m.group("v").strip() == signatory[key]:
            return text[:m.start("v")] + "{" + key + "}"
    return text
