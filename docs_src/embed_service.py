"""A small HTTP service embedding mou_kit with the standard library only: render, diff, import and sign from bytes.

Every request carries its files in the body, every answer is bytes; nothing is written to disk
and no temporary file's name reaches a message (each call is given the upload's own name).
A ``MouKitError`` becomes a 422 answer holding its code, message and place as JSON.

    POST /render?lang=id     body: the agreement folder as JSON {path: text}      -> the PDF
    POST /diff?format=html   body: {"old": folder, "new": folder}                 -> text, json, html, matrix, redline
    POST /import             body: {"docx": base64, "name": ..., "base": folder}  -> the edits as JSON
    POST /sign?field=PARTY   body: a PDF; headers X-Key (PKCS#12, base64), X-Passphrase -> the signed PDF
    POST /verify             body: a PDF                                          -> the signatures as JSON

Run it with ``python docs_src/embed_service.py 8000`` and try
``curl --data-binary @draft.json 'http://127.0.0.1:8000/render' -o draft.pdf``.
"""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import mou_kit

MAX_BODY = 20_000_000
Answer = tuple[str, bytes]


def agreement_of(files: dict[str, str]) -> mou_kit.Agreement:
    """Return the agreement held in an uploaded folder ``{relative path: YAML text}``."""
    return mou_kit.load({path: text.encode() for path, text in files.items()})


def render(body: bytes, query: dict[str, str], headers: dict[str, str]) -> Answer:
    agreement = agreement_of(json.loads(body))
    return "application/pdf", mou_kit.render_pdf(agreement, lang=query.get("lang"))


def diff(body: bytes, query: dict[str, str], headers: dict[str, str]) -> Answer:
    sides = json.loads(body)
    old, new = agreement_of(sides["old"]), agreement_of(sides["new"])
    result = mou_kit.diff(old, new)
    writers: dict[str, Callable[[], Answer]] = {
        "text": lambda: ("text/plain; charset=utf-8", mou_kit.diff_text(result)),
        "json": lambda: ("application/json", mou_kit.diff_json(result)),
        "html": lambda: ("text/html; charset=utf-8", mou_kit.diff_html(result)),
        "matrix": lambda: (DOCX, mou_kit.diff_matrix(result)),
        "redline": lambda: (DOCX, mou_kit.diff_redline(old, new, result=result)),
    }
    chosen = query.get("format", "text")
    if chosen not in writers:
        raise mou_kit.MouKitError(f"format {chosen!r} is not one of {', '.join(writers)}", code="invalid-value")
    return writers[chosen]()


def import_docx(body: bytes, query: dict[str, str], headers: dict[str, str]) -> Answer:
    upload = json.loads(body)
    base = agreement_of(upload["base"]) if "base" in upload else None
    result = mou_kit.import_docx(base64.b64decode(upload["docx"]), base=base, name=upload.get("name", "upload.docx"))
    edits = mou_kit.diff(base, result.agreement) if base is not None else None
    data: dict[str, Any] = {
        "id": result.agreement.id,
        "changes": [{"kind": c.kind.value, "node": c.node} for c in edits.changes] if edits else [],
        "report": result.report(),
    }
    return "application/json", json.dumps(data, ensure_ascii=False).encode()


def sign(body: bytes, query: dict[str, str], headers: dict[str, str]) -> Answer:
    key = base64.b64decode(headers.get("x-key", ""))
    passphrase = headers["x-passphrase"].encode() if "x-passphrase" in headers else None
    signed = mou_kit.sign_pdf(body, query.get("field", ""), key, passphrase=passphrase,
                              name=headers.get("x-file-name", "upload.pdf"), pkcs12_name="the uploaded key")
    return "application/pdf", signed


def verify(body: bytes, query: dict[str, str], headers: dict[str, str]) -> Answer:
    found = mou_kit.verify_document(body, name=headers.get("x-file-name", "upload.pdf"))
    data = {"ok": found.ok, "revision": found.mark.revision, "problems": found.problems,
            "signatures": [{"party": c.party, "signer": c.signer, "ok": c.ok} for c in found.signatures]}
    return "application/json", json.dumps(data, ensure_ascii=False).encode()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ROUTES: dict[str, Callable[[bytes, dict[str, str], dict[str, str]], Answer]] = {
    "/render": render, "/diff": diff, "/import": import_docx, "/sign": sign, "/verify": verify,
}


class Handler(BaseHTTPRequestHandler):
    """One request: read the body, call mou_kit, answer bytes; a MouKitError is a 422 with its code."""

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        route = ROUTES.get(url.path)
        if route is None:
            self.answer(HTTPStatus.NOT_FOUND, "text/plain", b"no such route\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain", b"too large\n")
            return
        body = self.rfile.read(length)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            kind, data = route(body, query, headers)
        except mou_kit.MouKitError as e:
            problem = {"code": e.code, "message": e.message, "file": e.file, "node": e.node, "line": e.line}
            self.answer(HTTPStatus.UNPROCESSABLE_ENTITY, "application/json", json.dumps(problem).encode())
            return
        except (ValueError, KeyError, TypeError) as e:  # the request itself: not JSON, a key missing
            self.answer(HTTPStatus.BAD_REQUEST, "text/plain", f"bad request: {e}\n".encode())
            return
        self.answer(HTTPStatus.OK, kind, data)

    def answer(self, status: HTTPStatus, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: a service logs its own way
        pass


def serve(port: int = 0) -> ThreadingHTTPServer:
    """Return the service listening on 127.0.0.1 (``port`` 0: any free port); call ``serve_forever()``."""
    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


if __name__ == "__main__":
    server = serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
    print(f"mou_kit service on http://127.0.0.1:{server.server_address[1]}")
    server.serve_forever()
