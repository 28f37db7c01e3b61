"""The web application of ``mou serve``: its routes, the guard in front of them and the error pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import MouKitError
from ..importers import DEFAULT_LIMITS
from ..signing import PDF_LIMIT
from . import api, pages_read as read, pages_write as write
from .folders import Root
from .guard import Guard, Limits
from .openapi import OPERATIONS
from .statuses import Statuses
from .views import on_error

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]

PAGES = [
    Route("/", read.portfolio, name="portfolio"),
    Route("/a/{name}", read.agreement, name="agreement"),
    Route("/a/{name}/node/{node}", read.node_history, name="history"),
    Route("/a/{name}/edit/{node}", write.edit, name="edit"),
    Route("/a/{name}/edit/{node}", write.edit_post, methods=["POST"], name="edit_post"),
    Route("/a/{name}/timeline", read.timeline, name="timeline"),
    Route("/a/{name}/compare", read.compare, name="compare"),
    Route("/a/{name}/meeting", write.meeting, name="meeting"),
    Route("/a/{name}/meeting", write.meeting_post, methods=["POST"], name="meeting_post"),
    Route("/a/{name}/import", write.importer, name="importer"),
    Route("/a/{name}/import", write.import_preview, methods=["POST"], name="import_preview"),
    Route("/a/{name}/import/commit", write.import_commit, methods=["POST"], name="import_commit"),
    Route("/a/{name}/documents", read.documents, name="documents"),
    Route("/a/{name}/render", read.render, name="render"),
    Route("/a/{name}/advance", write.advance, methods=["POST"], name="advance"),
    Route("/a/{name}/verify", write.verify, methods=["POST"], name="verify"),
]
"""The pages; their forms POST to the same path (or a sub-path) with the CSRF field."""


def create_app(root: str | Path, *, token: str | None = None, hosts: list[str] | None = None,
               limits: Limits | None = None, warm: bool = False) -> Starlette:
    """Return the workbench over the agreements in ``root``.

    ``token``: every request must carry it (``?token=`` once, then a cookie; or ``Authorization:
    Bearer``), as ``mou serve`` requires when it listens beyond loopback. ``hosts``: the Host
    headers accepted (default: loopback names, which keeps pages of other sites from reaching the
    server through a DNS name they control); ``["*"]`` for any. ``limits``: the largest request
    bodies (default: the importers' and the verifier's own limits). ``warm``: read every
    agreement's status on a background thread at start-up, so the first portfolio page is quick.

    :raises MouKitError: ``root`` is not a folder.
    """
    folder = Root.at(root)
    routes: list[BaseRoute] = [*PAGES]
    routes += [Route(op.path, getattr(api, op.handler), methods=[op.method], name=f"api_{op.handler}")
               for op in OPERATIONS]
    static = Path(__file__).with_name("static")
    routes.append(Mount("/static", app=StaticFiles(directory=static), name="static"))
    limits = limits or Limits(docx=DEFAULT_LIMITS.file_bytes, pdf=PDF_LIMIT)
    statuses = Statuses(folder.path)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:
            statuses.warm()
        yield

    app = Starlette(
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts or LOOPBACK_HOSTS),
                    Middleware(Guard, token=token, limits=limits)],
        lifespan=lifespan,
        exception_handlers={MouKitError: on_error, Exception: on_error, 404: on_error, 405: on_error,
                            400: on_error, 413: on_error},
    )
    app.state.root = folder
    app.state.limits = limits
    app.state.statuses = statuses
    return app
