"""What every request passes before a page sees it: the access token, the API's CSRF header, body limits,
and the headers that keep pages from being framed or sniffed; and the form's CSRF check.

Forms carry a double-submit token: a random cookie set on the first answer and the same value in
a hidden field, compared on every POST; a page elsewhere can send the cookie but cannot read it.
The JSON API takes no form posts: every POST must carry an ``X-Requested-With`` header, which a
page on another site cannot add without a CORS pre-flight this server never grants.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ..errors import MouKitError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "mou_csrf"
CSRF_FIELD = "csrf"
TOKEN_COOKIE = "mou_token"
API_HEADER = b"x-requested-with"
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                 b"frame-ancestors 'self'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class Refused(MouKitError):
    """A request the server refuses before any page runs: its HTTP status and the one line saying why."""

    def __init__(self, message: str, status: int, code: Any = "invalid-value") -> None:
        super().__init__(message, code=code)
        self.status = status


FIELDS = 64 * 1024
"""Room for a form's other fields and multipart headers beside an upload."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The largest request body per kind of page: uploads as the importers and the verifier allow."""

    docx: int
    pdf: int
    form: int = 4 * 1024 * 1024

    def for_path(self, path: str) -> int:
        """Return the body limit of a request to ``path``."""
        if path.endswith(("/import", "/import/commit")):
            return self.docx * 4 // 3 + FIELDS  # the preview sends the file back as base64, with its fields
        if path.endswith("/verify"):
            return self.pdf * 2 + FIELDS  # the PDF and the trusted root
        return self.form


def _cookies(scope: Scope) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no cookie
                continue
    return {key: morsel.value for key, morsel in jar.items()}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def same(a: str | None, b: str | None) -> bool:
    """Whether two secrets are equal, compared in constant time (neither missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


class Guard:
    """The ASGI middleware in front of every route."""

    def __init__(self, app: App, *, token: str | None, limits: Limits) -> None:
        self.app, self.token, self.limits = app, token, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = _cookies(scope)
        csrf = cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = csrf
        set_cookies = [] if CSRF_COOKIE in cookies else [f"{CSRF_COOKIE}={csrf}; Path=/; HttpOnly; SameSite=Strict"]
        try:
            redirect = self._check_token(scope, cookies)
            if redirect is not None:
                await _answer(send, 303, b"", [(b"location", redirect.encode("latin-1")),
                                               (b"set-cookie", self._token_cookie().encode("latin-1"))])
                return
            path: str = scope["path"]
            if scope["method"] == "POST" and path.startswith("/api/") and not _header(scope, API_HEADER):
                raise Refused("a POST to the API needs the header X-Requested-With (any value), so a page on "
                              "another site cannot make it", 403)
            limit = self.limits.for_path(path)
            length = _header(scope, b"content-length")
            if length is not None and length.isdigit() and int(length) > limit:
                raise _too_large(limit)
        except Refused as refused:
            await _refuse(scope, send, refused)
            return

        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _too_large(limit)
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS,
                                      *((b"set-cookie", c.encode("latin-1")) for c in set_cookies)]
            await send(message)

        await self.app(scope, counted, with_headers)

    def _token_cookie(self) -> str:
        return f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"

    def _check_token(self, scope: Scope, cookies: dict[str, str]) -> str | None:
        """Refuse a request without the access token; return where to go after a ``?token=`` link."""
        if self.token is None:
            return None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        given = dict(query).get("token")
        if same(given, self.token):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            return str(scope["path"]) + (f"?{rest}" if rest else "")
        bearer = (_header(scope, b"authorization") or "").removeprefix("Bearer ").strip()
        if same(cookies.get(TOKEN_COOKIE), self.token) or same(bearer, self.token):
            return None
        raise Refused("this server needs its access token: open the link mou serve printed (?token=...), or send "
                      "Authorization: Bearer TOKEN", 401)


def _too_large(limit: int) -> Refused:
    return Refused(f"the request is larger than {limit:,} bytes, the limit for this page",
                   413, code="file-too-large")


async def _answer(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", str(len(body)).encode()), *headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _refuse(scope: Scope, send: Send, refused: Refused) -> None:
    """Answer a refused request with its one line: JSON under /api/, plain text elsewhere."""
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": refused.code, "message": refused.message}}).encode()
        kind = b"application/json"
    else:
        body = f"error: {refused.message} [{refused.code}]\n".encode()
        kind = b"text/plain; charset=utf-8"
    await _answer(send, refused.status, body, [(b"content-type", kind)])
