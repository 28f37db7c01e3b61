"""``mou serve``: loopback by default, a warning and a token beyond it, one line without the web extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.web import server


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, server.Plan]]:
    """Record what ``mou serve`` would run instead of serving."""
    calls: list[tuple[Path, server.Plan]] = []
    monkeypatch.setattr(server, "run", lambda root, chosen: calls.append((Path(root), chosen)))
    return calls


def test_loopback_by_default_without_a_token(served: list[tuple[Path, server.Plan]], tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["serve", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert served[0][1] == server.Plan("127.0.0.1", 8421, None)
    assert "http://127.0.0.1:8421/" in done.output and "warning" not in done.output


def test_another_host_warns_and_makes_a_token(served: list[tuple[Path, server.Plan]], tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "0.0.0.0", "--port", "9000"])
    assert done.exit_code == 0, done.output
    chosen = served[0][1]
    assert chosen.token and len(chosen.token) >= 24 and chosen.exposed
    assert "warning: listening on 0.0.0.0" in done.output and f"?token={chosen.token}" in done.output
    given = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "192.168.1.5", "--token", "mine"])
    assert served[1][1].token == "mine" and "?token=mine" in given.output


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True),
                                                ("[::1]", True), ("localhost", True), ("0.0.0.0", False),
                                                ("10.0.0.1", False), ("example.org", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert server.is_loopback(host) is loopback


def test_without_the_web_extra_one_line_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from mou_kit.cli import serve

    monkeypatch.setattr(serve, "missing_web_packages", lambda: ["uvicorn"])
    done = CliRunner().invoke(app, ["serve", str(tmp_path)])
    assert done.exit_code == 1
    assert done.output == "error: mou serve needs uvicorn: install the 'web' extra (pip install 'mou_kit[web]')\n"


def test_neither_the_library_nor_the_cli_imports_the_web_stack() -> None:
    code = ("import sys, mou_kit, mou_kit.cli, mou_kit.cli.serve; from mou_kit import portfolio, Workspace; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'multipart', 'mou_kit.web') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["serve", str(tmp_path / "nope")])
    assert done.exit_code == 2 and "does not exist" in done.output
