"""Tiny builders that turn a short literal into an Agreement, so a test case fits on one line.

``build("a1[c1,c2(p1,p2(s1))] a2[c3]")`` is an agreement with two articles: ``a1`` holding
clauses ``c1`` and ``c2`` (with points ``p1`` and ``p2``, and sub-point ``s1`` under ``p2``),
and ``a2`` holding ``c3``. Every text is "Text of <id>." unless ``texts`` says otherwise.
"""

from __future__ import annotations

from typing import Any

from mou_kit import Agreement


def _split(spec: str, sep: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in spec:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == sep and depth == 0:
            if cur.strip():
                out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def _points(spec: str, texts: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for item in _split(spec, ","):
        node_id, _, rest = item.partition("(")
        out.append({"id": node_id, "text": texts.get(node_id, f"Text of {node_id}."),
                    "points": _points(rest[:-1], texts) if rest else []})
    return out


def articles(spec: str, texts: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Return the articles described by ``spec`` as plain data."""
    texts = texts or {}
    out = []
    for item in _split(spec, " "):
        article_id, _, rest = item.partition("[")
        clauses = []
        for clause in _split(rest[:-1], ","):
            clause_id, _, prest = clause.partition("(")
            clauses.append({"id": clause_id, "text": texts.get(clause_id, f"Text of {clause_id}."),
                            "points": _points(prest[:-1], texts) if prest else []})
        out.append({"id": article_id, "heading": texts.get(article_id, f"Heading {article_id}"),
                    "clauses": clauses})
    return out


def data(spec: str = "a1[c1]", *, texts: dict[str, Any] | None = None, parties: int = 2,
         languages: tuple[str, ...] = ("id",), **fields: Any) -> dict[str, Any]:
    """Return the plain data of an agreement built from ``spec``, before validation."""
    base: dict[str, Any] = {
        "id": "test-agreement",
        "languages": list(languages),
        "title": "Kerja Sama Uji",
        "place": "Pontianak",
        "parties": [
            {"id": f"party-{i}", "name": f"Instansi {i}", "short_name": f"I{i}",
             "signatory": {"name": f"Pejabat {i}", "position": f"Kepala Instansi {i}"}}
            for i in range(1, parties + 1)
        ],
        "articles": articles(spec, texts),
    }
    base.update(fields)
    return base


def build(spec: str = "a1[c1]", **kwargs: Any) -> Agreement:
    """Return a validated Agreement built from ``spec`` (see the module docstring)."""
    return Agreement.model_validate(data(spec, **kwargs))
