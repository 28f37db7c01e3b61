"""Packaging glue pyproject.toml cannot express: the clause library ships inside mou_kit.

The templates live in ``clause_library/`` at the top of the repository, where analysts find
and edit them; installed, they are the data package ``mou_kit.clause_library``
(docs/adr/0040-clause-library-as-package-data.md).
"""

from setuptools import find_namespace_packages, setup

LIBRARY = "mou_kit.clause_library"

setup(
    packages=[
        *find_namespace_packages(include=["mou_kit", "mou_kit.*"], exclude=["*.__pycache__"]),
        LIBRARY,
        *(f"{LIBRARY}.{name}" for name in find_namespace_packages(where="clause_library")),
    ],
    package_dir={LIBRARY: "clause_library"},
)
