"""Which git backend a workspace uses: pygit2 when installed, else GitPython, or what ``MOU_GIT_BACKEND`` says."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import WorkspaceError
from ._storage import Storage

BACKEND_ENV = "MOU_GIT_BACKEND"
BACKENDS = ("pygit2", "gitpython")


def backend_name() -> str:
    """Return the backend to use: ``MOU_GIT_BACKEND`` when set, else ``pygit2`` if importable, else ``gitpython``.

    :raises WorkspaceError: ``MOU_GIT_BACKEND`` names an unknown backend, or pygit2 when it is not installed.
    """
    from ._pygit2 import available

    choice = os.environ.get(BACKEND_ENV, "").strip().lower()
    if not choice:
        return "pygit2" if available() else "gitpython"
    if choice not in BACKENDS:
        raise WorkspaceError(f"{BACKEND_ENV}={choice!r} names no git backend; set it to pygit2 or gitpython")
    if choice == "pygit2" and not available():
        raise WorkspaceError(f"{BACKEND_ENV}=pygit2 but pygit2 1.19 or later is not installed; install it with "
                             "pip install 'mou-kit[fast]', or unset the variable")
    return choice


def init_storage(path: Path, *, branch: str) -> Storage:
    """Return a new repository with a working tree at ``path``, opened with the chosen backend.

    :raises WorkspaceError: the backend cannot create it, or the backend choice is wrong.
    """
    if backend_name() == "pygit2":
        from ._pygit2 import Pygit2Storage

        return Pygit2Storage.init(path, branch=branch)
    from ._gitpython import GitPythonStorage

    return GitPythonStorage.init(path, branch=branch)


def open_storage(path: Path) -> Storage:
    """Return the repository at ``path``, opened with the chosen backend.

    :raises WorkspaceError: there is no repository at ``path``, or the backend choice is wrong.
    """
    if backend_name() == "pygit2":
        from ._pygit2 import Pygit2Storage

        return Pygit2Storage.open(path)
    from ._gitpython import GitPythonStorage

    return GitPythonStorage.open(path)
