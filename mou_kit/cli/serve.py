"""The ``mou serve`` command: the web workbench over a folder of agreements (the ``web`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import EXIT_USER_ERROR, status

WEB_PACKAGES = {"starlette": "starlette", "uvicorn": "uvicorn", "multipart": "python-multipart"}
"""The ``web`` extra: import name -> package name."""


def missing_web_packages() -> list[str]:
    """Return the packages of the ``web`` extra that are not installed (looked up without importing them)."""
    import importlib.util

    return [package for name, package in WEB_PACKAGES.items() if importlib.util.find_spec(name) is None]


def serve(
    root: Annotated[Path, typer.Argument(help="A folder of agreement folders, or one agreement folder.",
                                         file_okay=False, exists=True)] = Path("."),
    host: Annotated[str, typer.Option(help="The address to listen on; anything but loopback needs a token.")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8421,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="MOU_SERVE_TOKEN", help="The access token every request must carry (made and printed "
        "when --host is not loopback and none is given).", show_default=False)] = None,
) -> None:
    """Serve a web workbench over the agreements in ROOT: text, history, meetings, DIM, import, documents."""
    missing = missing_web_packages()
    if missing:
        typer.echo(f"error: mou serve needs {' and '.join(missing)}: install the 'web' extra "
                   "(pip install 'mou_kit[web]')", err=True)
        raise typer.Exit(EXIT_USER_ERROR)
    from ..web.server import plan, run

    chosen = plan(host, port, token)
    if chosen.exposed:
        status("warning:", f"listening on {host}, reachable from other machines; every request needs the access "
               "token, and the connection is not encrypted (put it behind an HTTPS proxy)", colour="yellow")
    status("serving", f"{root.resolve()} at {chosen.url} (Ctrl+C stops)")
    run(root, chosen)
