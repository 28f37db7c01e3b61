"""The example's history carried to signed by the demo, made once per test session (about 2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit.demo.history import build_example_history
from mou_kit.demo.signing import SignedDemo, sign_example
from tests.conftest import EXAMPLES


@pytest.fixture(scope="session")
def signed_demo(tmp_path_factory: pytest.TempPathFactory) -> SignedDemo:
    """The demo's signed PDF, certificates, calendar and repository (do not change them)."""
    root = tmp_path_factory.mktemp("signed-demo")
    history = build_example_history(EXAMPLES / "tppo-kalbar", root / "repo")
    return sign_example(history.path, root / "out")


@pytest.fixture
def demo_repo(signed_demo: SignedDemo) -> Path:
    """The repository the demo carried to signed."""
    return signed_demo.pdf.parent.parent / "repo"


def changed_copy(pdf: Path, target: Path, *, at: float = 0.3) -> Path:
    """Return ``target``: a copy of ``pdf`` with one bit flipped inside a content stream."""
    data = bytearray(pdf.read_bytes())
    where = data.index(b"stream", int(len(data) * at)) + 30
    data[where] ^= 0x20
    target.write_bytes(bytes(data))
    return target
