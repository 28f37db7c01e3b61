"""Shared test settings: a git identity for tests that commit, and where the examples live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.demo_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

for key, value in {
    "GIT_AUTHOR_NAME": "mou_kit tests", "GIT_AUTHOR_EMAIL": "tests@mou-kit.invalid",
    "GIT_COMMITTER_NAME": "mou_kit tests", "GIT_COMMITTER_EMAIL": "tests@mou-kit.invalid",
}.items():
    os.environ.setdefault(key, value)


@pytest.fixture
def examples() -> Path:
    """The folder holding the bundled example agreements."""
    return EXAMPLES
