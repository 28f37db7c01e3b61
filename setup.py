"""Packaging glue pyproject.toml cannot express: the clause library and the examples ship inside mou_kit.

The templates live in ``clause_library/`` and the example agreements in ``examples/`` at the top of
the repository, where analysts find and edit them; installed, they are the data packages
``mou_kit.clause_library`` and ``mou_kit.examples`` (docs/adr/0040-clause-library-as-package-data.md).
"""

from setuptools import find_namespace_packages, setup

LIBRARY = "mou_kit.clause_library"
EXAMPLES = "mou_kit.examples"

setup(
    packages=[
        *find_namespace_packages(include=["mou_kit", "mou_kit.*"], exclude=["*.__pycache__"]),
        LIBRARY,
        *(f"{LIBRARY}.{name}" for name in find_namespace_packages(where="clause_library")),
        EXAMPLES,
    ],
    package_dir={LIBRARY: "clause_library", EXAMPLES: "examples"},
)
