"""Workspaces built from a one-line agreement spec, closed after each test, on each git backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mou_kit.workspace import Workspace
from mou_kit.workspace._pygit2 import available
from tests.builders import build

BACKENDS = ["gitpython", pytest.param("pygit2", marks=pytest.mark.skipif(
    not available(), reason="pygit2 is not installed (pip install 'mou-kit[fast]')"))]


@pytest.fixture(autouse=True, params=BACKENDS)
def git_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every workspace test once per git backend (child processes inherit the choice)."""
    monkeypatch.setenv("MOU_GIT_BACKEND", request.param)
    return str(request.param)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace whose first revision is ``a1[c1,c2(p1,p2)] a2[c3]`` proposed by party-1."""
    with Workspace.init(tmp_path / "mou", build("a1[c1,c2(p1,p2)] a2[c3]"), proposed_by="party-1") as opened:
        yield opened


def edited(ws: Workspace, **texts: str) -> object:
    """Return the agreement at HEAD with the clause/point texts in ``texts`` replaced."""
    agreement = ws.read()
    for article in agreement.articles:
        for clause in article.clauses:
            if clause.id in texts:
                clause.text = texts[clause.id]
            for point in clause.points:
                if point.id in texts:
                    point.text = texts[point.id]
    return agreement
