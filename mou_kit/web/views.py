"""Pages as HTML: the Jinja2 templates shipped in the package, the form reader with its CSRF check,
and every error as its one line on a page with a 4xx status (never a stack trace)."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..errors import MouKitError, ValidationFailed
from .guard import CSRF_COOKIE, CSRF_FIELD, Refused, same
from .strings import COOKIE, LANGUAGES, chosen, strings

LOG = logging.getLogger("mou_kit.web")
STATUS = {"merge-conflict": 409, "meeting-exists": 409, "exists": 409, "nothing-to-commit": 409,
          "text-frozen": 409, "lifecycle-guard": 409, "lifecycle-illegal": 409, "merge-pending": 409,
          "file-missing": 404, "revision-unknown": 404, "not-a-repository": 404,
          "file-too-large": 413, "source-too-large": 413}
"""The HTTP status of an error code; any other user error is 422."""
HINTS = {"merge-conflict": "open the clause again: it shows the text as it is now; redo the edit there",
         "text-frozen": "move the agreement back to negotiation on the documents page first"}
"""What to do, said the way the web page does it (the library's messages name no front end)."""


@cache
def environment() -> SandboxedEnvironment:
    """Return the template environment: autoescaped, undefined names an error, templates from the package."""
    from importlib import resources

    folder = resources.files("mou_kit.web") / "templates"
    env = SandboxedEnvironment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True),
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def pick(value: str | dict[str, str] | None, lang: str) -> str:
    """Return a text of the agreement in the interface's language, else in its first language ("" for none)."""
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()), "")
    return value or ""


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return ``template`` rendered for ``request`` in the interface language it asks for."""
    lang, now = chosen(request)
    values = {"t": strings(lang), "lang": lang, "languages": LANGUAGES, "csrf": request.state.csrf,
              "path": request.url.path, "params": dict(request.query_params), "pick": lambda v: pick(v, lang),
              "lang_url": lambda code: str(request.url.include_query_params(lang=code).replace(scheme="", netloc=""))}
    values |= context
    response = HTMLResponse(environment().get_template(template).render(values), status_code=status)
    if now:
        response.set_cookie(COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="strict")
    return response


async def posted(request: Request, *, part_size: int = 1024 * 1024) -> FormData:
    """Return the form POSTed with ``request``, refused unless its CSRF field matches this browser's cookie.

    :raises Refused: status 403 for a missing or wrong token.
    """
    form = await request.form(max_part_size=part_size)
    field = form.get(CSRF_FIELD)
    if not same(field if isinstance(field, str) else None, request.cookies.get(CSRF_COOKIE)):
        await form.close()  # uploads spooled to temporary files go at once
        raise Refused("the form is stale or came from another site (its CSRF token does not match): open the page "
                      "again and send it again", 403)
    return form


def text(form: FormData, name: str) -> str | None:
    """Return the text field ``name`` of ``form`` stripped, or ``None`` when it is missing or empty."""
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


def lines(error: MouKitError) -> list[str]:
    """Return the error as the lines the page shows: one per problem, the code and a hint where one helps."""
    if isinstance(error, ValidationFailed):
        return [str(p) for p in error.problems]
    hint = HINTS.get(error.code)
    return [f"{error.message} [{error.code}]" + (f"; {hint}" if hint else "")]


def status_of(error: MouKitError) -> int:
    """Return the HTTP status answering ``error``."""
    return error.status if isinstance(error, Refused) else STATUS.get(error.code, 422)


def error_document(error: MouKitError) -> dict[str, Any]:
    """Return the JSON body the API answers an error with (code, message, and the place where there is one)."""
    body: dict[str, Any] = {"code": error.code, "message": error.message}
    for key in ("file", "node", "line"):
        value = getattr(error, key, None)
        if value is not None:
            body[key] = value
    if isinstance(error, ValidationFailed):
        body["problems"] = [str(p) for p in error.problems]
    return {"error": body}


def failure(request: Request, error: MouKitError) -> Response:
    """Answer a user error: JSON under /api/, else the page with the error's line(s)."""
    status = status_of(error)
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_document(error), status_code=status)
    return page(request, "error.html", status=status, lines=lines(error), code=error.code)


async def on_error(request: Request, error: Exception) -> Response:
    """Exception handler: a MouKitError as its line, an HTTP error as its reason, anything else as a 500 line."""
    if isinstance(error, MouKitError):
        return failure(request, error)
    if isinstance(error, HTTPException):
        message = str(error.detail) if error.status_code != 404 else f"no page at {request.url.path}"
        return failure(request, Refused(message, error.status_code))
    LOG.exception("internal error on %s", request.url.path)
    return failure(request, Refused("the server failed on this request (a bug, logged by mou serve); the "
                                    "repositories are as they were", 500))
