"""The signing example of docs/lifecycle.md runs and proves the signed PDF is the agreed revision."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from mou_kit import LifecycleState, Workspace, load
from tests.conftest import EXAMPLES, ROOT


def test_lifecycle_sign_example(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("lifecycle_sign", ROOT / "docs_src" / "lifecycle_sign.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    agreement = load(EXAMPLES / "tppo-kalbar")
    agreement.state = LifecycleState.NEGOTIATION
    Workspace.init(tmp_path / "repo", agreement).close()
    found = module.main(tmp_path / "repo", tmp_path)
    assert found.ok, found.problems
    assert len(found.signatures) == 3 and found.state is not None and found.state.value == "agreed"
