"""A ROOT holding the example's history (two meetings, two proposal branches) and a client of the workbench."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")

from starlette.testclient import TestClient

from mou_kit.demo.history import build_example_history
from mou_kit.web import create_app
from tests.conftest import EXAMPLES

NAME = "nk-tppo"
FIRST_MEETING, LAST_MEETING = "rapat-2023-07-18", "rapat-2023-07-25"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's history, built once; tests work on copies."""
    folder = tmp_path_factory.mktemp("web-built") / NAME
    build_example_history(EXAMPLES / "tppo-kalbar", folder)
    return folder


@pytest.fixture
def root(tmp_path: Path, built: Path) -> Path:
    """A ROOT folder with one agreement repository, ``nk-tppo``, of its own."""
    folder = tmp_path / "agreements"
    shutil.copytree(built, folder / NAME, symlinks=True)
    return folder


@pytest.fixture
def client(root: Path) -> Iterator[TestClient]:
    """A client of the workbench over ``root``, holding the CSRF cookie after its first page."""
    with TestClient(create_app(root, hosts=["testserver"])) as c:
        c.get("/")
        yield c


def csrf(client: TestClient) -> str:
    """Return the CSRF token the browser holds (the cookie the forms repeat)."""
    return str(client.cookies["mou_csrf"])


def post(client: TestClient, url: str, data: dict[str, object], **kwargs: object) -> object:
    """POST a form as the page would: with the CSRF field, not following the redirect."""
    return client.post(url, data={"csrf": csrf(client), **data}, follow_redirects=False, **kwargs)  # type: ignore[arg-type]
