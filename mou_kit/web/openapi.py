"""The OpenAPI 3.1 description of the JSON API, written by hand from one table the app's routes are built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import __version__

NAME = {"name": "name", "in": "path", "required": True, "description": "The agreement's folder name under ROOT.",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"}}


def _query(name: str, description: str, *, required: bool = False, enum: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"} | ({"enum": enum} if enum else {})
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


REF = _query("ref", "A revision: commit, tag, branch, meeting id or date (default: the draft's last revision).")
STRINGS = {"type": "array", "items": {"type": "string"}}


@dataclass(frozen=True, slots=True)
class Operation:
    """One route of the API: path, method, the handler in :mod:`mou_kit.web.api`, and what it takes and gives."""

    path: str
    method: str
    handler: str
    summary: str
    parameters: list[dict[str, Any]] = field(default_factory=list)
    body: dict[str, Any] | None = None
    media: str = "application/json"
    answers: str = "application/json"
    created: bool = False


def _object(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def _upload(**extra: Any) -> dict[str, Any]:
    return _object(["file"], file={"type": "string", "format": "binary"}, **extra)


S = {"type": "string"}
OPERATIONS = [
    Operation("/api/agreements", "GET", "agreements", "Every agreement under ROOT, most urgent first."),
    Operation("/api/agreements/{name}", "GET", "agreement",
              "The agreement: its data, numbered rows per language and lint findings.", [NAME, REF]),
    Operation("/api/agreements/{name}/revisions", "GET", "revisions",
              "Revisions of the draft, newest first; with node, those that changed it and its text then.",
              [NAME, _query("node", "A node id (clause, point, recital).")]),
    Operation("/api/agreements/{name}/meetings", "GET", "meetings", "The meetings recorded, with their revisions.",
              [NAME]),
    Operation("/api/agreements/{name}/edits", "POST", "edit",
              "Change a node's text as a party on its proposal branch; 409 when the node changed since read_at.",
              [NAME], _object(["node", "party", "texts", "read_at"], node=S, party=S, read_at=S, message=S,
                              texts={"type": "object", "additionalProperties": S}), created=True),
    Operation("/api/agreements/{name}/meetings", "POST", "record",
              "Record a meeting with the draft's last revision, tagged meeting/<id>.", [NAME],
              _object(["id", "date", "place"], id=S, date={"type": "string", "format": "date"}, place=S, title=S,
                      chair=S | {"description": "Name|Institution|Role"}, attendees=STRINGS, outcome=S,
                      decisions=STRINGS | {"description": "NODE=RESULT[/ASPECT]:TEXT, or TEXT"},
                      responses=STRINGS | {"description": "NODE=TEXT"}), created=True),
    Operation("/api/agreements/{name}/diff", "GET", "compare",
              "Two revisions compared: JSON diff, HTML report, DIM (HTML or DOCX) or redline DOCX.",
              [NAME, _query("a", "The old revision.", required=True), _query("b", "The new revision.", required=True),
               _query("format", "What to answer (default json).", enum=["json", "html", "dim", "dim-docx", "redline"])],
              answers="application/octet-stream"),
    Operation("/api/agreements/{name}/render", "GET", "render", "A signature-ready document of a revision.",
              [NAME, REF, _query("format", "The document (default pdf).", enum=["pdf", "pdfa", "docx", "bilingual"]),
               _query("lang", "id, en or id+en (default: the main language).")], answers="application/octet-stream"),
    Operation("/api/agreements/{name}/advance", "POST", "advance",
              "Move the agreement to another lifecycle state, checked against the guards.", [NAME],
              _object(["state"], state=S, reason=S, date={"type": "string", "format": "date"}, party=S), created=True),
    Operation("/api/agreements/{name}/import", "POST", "import_docx",
              "Read a counterpart's Word file against the draft: a preview, or with base (the preview's) the commit.",
              [NAME], _upload(party=S, mode={"type": "string", "enum": ["accept", "proposals"]}, base=S),
              media="multipart/form-data"),
    Operation("/api/agreements/{name}/verify", "POST", "verify",
              "Check a PDF's signatures and which revision of the agreement it is.", [NAME],
              _upload(trust={"type": "string", "format": "binary"}, allow_unsigned=S, allow_untrusted=S),
              media="multipart/form-data"),
    Operation("/api/openapi.json", "GET", "openapi", "This description."),
]
"""Every route of the JSON API; :func:`mou_kit.web.app.create_app` mounts exactly these."""

ERROR = _object(["error"], error=_object(["code", "message"], code=S, message=S, file=S, node=S, problems=STRINGS))


def _operation(op: Operation) -> dict[str, Any]:
    ok = "201" if op.created else "200"
    content = {"schema": {"type": "object"}} if op.answers == "application/json" else \
        {"schema": {"type": "string", "format": "binary"}}
    out: dict[str, Any] = {
        "operationId": f"{op.handler}_{op.method.lower()}", "summary": op.summary, "parameters": op.parameters,
        "responses": {ok: {"description": "Done.", "content": {op.answers: content}},
                      "4XX": {"description": "A user error: its code and one-line message.",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
    }
    if op.method == "POST":
        out["parameters"] = [*op.parameters, {"name": "X-Requested-With", "in": "header", "required": True,
                                              "description": "Any value; refused without it (CSRF).",
                                              "schema": {"type": "string"}}]
    if op.body is not None:
        out["requestBody"] = {"required": True, "content": {op.media: {"schema": op.body}}}
    return out


def document() -> dict[str, Any]:
    """Return the OpenAPI document of the API."""
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "mou_kit workbench API", "version": __version__,
                 "description": "Agreements under the ROOT of `mou serve`, through mou_kit's own API. With an access "
                                "token (a host other than loopback), send Authorization: Bearer TOKEN."},
        "paths": paths,
        "components": {"schemas": {"Error": ERROR},
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    }
