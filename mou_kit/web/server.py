"""Running the workbench: which hosts count as this machine only, and uvicorn serving the app."""

from __future__ import annotations

import ipaddress
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8421


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


@dataclass(frozen=True, slots=True)
class Plan:
    """How the server will listen: where, with which access token (``None``: none needed), and its URL."""

    host: str
    port: int
    token: str | None

    @property
    def url(self) -> str:
        """The address to open, with the token once (the server then keeps it in a cookie)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/" + (f"?token={self.token}" if self.token else "")

    @property
    def exposed(self) -> bool:
        """Whether other machines may reach it."""
        return not is_loopback(self.host)


def plan(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None) -> Plan:
    """Return how to listen: beyond loopback a token is required, and made here when none is given."""
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(24)
    return Plan(host, port, token or None)


def run(root: str | Path, chosen: Plan) -> None:
    """Serve the agreements in ``root`` until interrupted (Ctrl+C).

    :raises MouKitError: ``root`` is not a folder.
    """
    import uvicorn

    from .app import LOOPBACK_HOSTS, create_app

    app = create_app(root, token=chosen.token, hosts=["*"] if chosen.exposed else LOOPBACK_HOSTS, warm=True)
    uvicorn.run(app, host=chosen.host, port=chosen.port, log_level="warning", server_header=False)


@contextmanager
def running(app: Any, host: str = DEFAULT_HOST) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free port of ``host`` in a background thread; yield its base URL.

    For tests, screenshots and programs that embed the workbench; the server stops on exit.
    """
    import socket
    import threading

    import uvicorn

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="mou-serve", daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            time.sleep(0.01)
        else:
            raise RuntimeError(f"uvicorn did not start on {host}:{port}")
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
