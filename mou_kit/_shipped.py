"""Folders of data that ship inside the wheel but live at the top of the repository.

``clause_library/`` and ``examples/`` are where analysts find and edit them; setup.py maps each to a
data package (``mou_kit.clause_library``, ``mou_kit.examples``) so a wheel carries them
(docs/adr/0040-clause-library-as-package-data.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def shipped_folder(package: str, folder: str) -> Path:
    """Return the folder of the data package ``package``: installed, its own folder; in an editable
    install or a source checkout, ``folder`` at the top of the repository."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            if Path(location).is_dir():
                return Path(location)
    return Path(__file__).resolve().parents[1] / folder
