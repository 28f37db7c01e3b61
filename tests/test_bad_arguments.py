"""Every public function, driven with bad arguments, fails only with a ``MouKitError`` (never a crash inside).

Hypothesis draws each argument from values a caller gets wrong: wrong types, empty and bogus
names, missing paths, folders where files belong, damaged bytes; valid objects are in the pool
too, so a call reaches past its first argument. Calls run in a scratch folder, so whatever a
call writes stays there.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import Iterator
from pathlib import Path
from types import FunctionType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import mou_kit
from mou_kit import Agreement, MouKitError, Workspace
from tests.builders import build

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "tppo-kalbar.answers.yaml"
PUBLIC = sorted(n for n in mou_kit._HOME if isinstance(getattr(mou_kit, n), FunctionType))
SAFE_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ ", min_size=0, max_size=12)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A scratch folder holding a workspace, a file, a folder and a damaged PDF; the current folder meanwhile."""
    base = tmp_path_factory.mktemp("bad-arguments")
    agreement = build("a1[c1,c2(p1,p2)] a2[c3]")
    (base / "text.txt").write_text("not an agreement\n")
    (base / "folder").mkdir()
    before = os.getcwd()
    os.chdir(base)
    try:
        with Workspace.init(base / "repo", agreement) as ws:
            edited = ws.read()
            edited.set_text("c1", "Edited.")
            valid = {"Agreement": agreement, "Workspace": ws, "RevisionSource": ws,
                     "AgreementDiff": mou_kit.diff(agreement, edited), "Answers": mou_kit.read_answers(ANSWERS),
                     "Library": mou_kit.load_library()}
            yield {"ws": ws, "agreement": agreement, "base": base, "valid": valid}
    finally:
        os.chdir(before)


def pool(scratch: dict[str, Any]) -> st.SearchStrategy[Any]:
    base: Path = scratch["base"]
    fixed = [None, 0, -1, 2.5, True, "", "bogus", "HEAD~99", "..", b"", b"%PDF-1.7\n%%EOF", b"PK\x03\x04junk", [],
             ["bogus"], {}, {"agreement.yaml": b"id: [unclosed"}, {"agreement.yaml": 3}, object(),
             base / "missing" / "x.pdf", base / "folder", base / "text.txt", str(base / "text.txt"),
             base / "repo", scratch["agreement"], scratch["ws"]]
    return st.one_of(st.sampled_from(fixed), SAFE_NAME, st.binary(max_size=40), st.integers(-3, 3))


def argument(scratch: dict[str, Any], annotation: str) -> st.SearchStrategy[Any]:
    """Return the values drawn for a parameter: mostly a valid object where it takes one, else the bad pool."""
    valid = [v for kind, v in scratch["valid"].items() if kind in annotation.replace("AgreementDiff", "")
             or (kind == "AgreementDiff" and kind in annotation)]
    if not valid:
        return pool(scratch)
    return st.one_of(st.sampled_from(valid), st.sampled_from(valid), pool(scratch))


def drive(function: Any, scratch: dict[str, Any], examples: int) -> None:
    """Call ``function`` ``examples`` times with drawn arguments; fail on anything but a clear ``MouKitError``."""
    params = [p for p in inspect.signature(function).parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.data())
    def run(data: st.DataObject) -> None:
        args = {p.name: data.draw(argument(scratch, str(p.annotation)), label=p.name) for p in params
                if p.default is p.empty or data.draw(st.booleans(), label=f"give {p.name}")}
        try:
            result = function(**args)
            if inspect.iscoroutine(result):
                asyncio.run(result)
        except MouKitError as e:
            assert e.code and e.message, e
            assert "'mou " not in e.message, f"library messages name no CLI command: {e.message}"

    run()


@pytest.mark.slow
@pytest.mark.parametrize("name", PUBLIC)
def test_only_mou_kit_errors_escape(name: str, scratch: dict[str, Any]) -> None:
    drive(getattr(mou_kit, name), scratch, examples=40)


WORKSPACE_METHODS = sorted(n for n, v in vars(Workspace).items() if not n.startswith("_") and n != "close"
                           and (inspect.isfunction(v) or isinstance(v, classmethod)))


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKSPACE_METHODS)
def test_only_mou_kit_errors_escape_from_workspace_methods(name: str, scratch: dict[str, Any]) -> None:
    drive(getattr(scratch["ws"], name), scratch, examples=25)


def test_workspace_and_agreement_methods_with_bad_arguments(scratch: dict[str, Any]) -> None:
    ws: Workspace = scratch["ws"]
    agreement: Agreement = ws.read()
    calls = [
        lambda: ws.read("no-such-revision"), lambda: ws.read(3),  # type: ignore[arg-type]
        lambda: ws.read(""), lambda: ws.log(node="nothing"), lambda: ws.log(ref="bogus"),
        lambda: ws.resolve("2001-01-01"), lambda: ws.resolve("9999-99-99"), lambda: ws.meeting("none"),
        lambda: ws.commit("text", "m"),  # type: ignore[arg-type]
        lambda: ws.commit(agreement, "same"), lambda: ws.commit(build("a1[c1]"), "no base"),
        lambda: ws.commit(agreement, "m", base="nothing"), lambda: ws.blame("bogus"),
        lambda: Workspace.open(scratch["base"] / "folder"), lambda: Workspace.open(scratch["base"] / "missing"),
        lambda: Workspace.init(scratch["base"] / "repo", agreement),
        lambda: Workspace.init(scratch["base"] / "text.txt", agreement),
        lambda: Workspace.init(scratch["base"] / "new", "agreement"),  # type: ignore[arg-type]
    ]
    codes = []
    for bad in calls:
        with pytest.raises(MouKitError) as caught:
            bad()
        codes.append(caught.value.code)
    assert codes == ["revision-unknown", "invalid-value", "revision-unknown"] + ["revision-unknown"] * 5 + [
        "invalid-value", "nothing-to-commit", "base-unknown", "revision-unknown", "revision-unknown",
        "not-a-repository", "not-a-repository", "exists", "exists", "invalid-value"]
    assert agreement.find(3) is None  # type: ignore[arg-type]
    # after every bad call above (and the drawn ones before, on the same repository) it is still whole
    import subprocess

    fsck = subprocess.run(["git", "-C", str(ws.path), "fsck", "--strict"], capture_output=True, text=True)
    assert fsck.returncode == 0, fsck.stderr
