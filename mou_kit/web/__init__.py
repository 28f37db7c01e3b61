"""``mou serve``: a local web workbench over a folder of agreements, a thin skin over mou_kit's API.

Needs the ``web`` extra (Starlette, uvicorn, python-multipart); the library and the ``mou``
command never import this package unless ``mou serve`` runs. :func:`create_app` returns the
ASGI application; :func:`mou_kit.web.server.serve` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app as create_app
