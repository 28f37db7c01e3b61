"""``mou propose``, ``mou merge``, ``mou resolve``, ``mou sync`` through the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app

runner = CliRunner()


def mou(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def edit(folder: Path, old: str, new: str) -> None:
    target = folder / "articles" / "maksud-dan-tujuan.yaml"
    target.write_text(target.read_text().replace(old, new))


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def test_propose_merge_conflict_resolve_commit(tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    mou("new", str(folder))
    c = ("-C", str(folder))
    assert mou("propose", "pihak-2", *c)[0] == 0
    edit(folder, "dimaksudkan sebagai ...", "dimaksudkan sebagai dasar kerja sama.")
    assert mou("commit", "-m", "usulan 2", "--proposed-by", "pihak-2", *c)[0] == 0
    git("-C", str(folder), "switch", "-q", "main")
    edit(folder, "dimaksudkan sebagai ...", "dimaksudkan sebagai pedoman.")
    assert mou("commit", "-m", "usulan 1", "--proposed-by", "pihak-1", *c)[0] == 0
    code, out = mou("merge", "proposal/pihak-2", *c)
    assert code == 1 and "maksud (text)" in out and "ours: Nota Kesepahaman ini dimaksudkan sebagai pedoman." in out
    code, out = mou("commit", "-m", "too early", *c)
    assert code == 1 and "still has conflicts in maksud" in out
    assert mou("resolve", "maksud", "--take", "theirs", *c) == (
        0, "resolved maksud; no conflicts left: record the merge with 'mou commit'\n")
    code, out = mou("commit", *c)
    assert code == 0, out
    assert "dasar kerja sama" in (folder / "articles" / "maksud-dan-tujuan.yaml").read_text()
    assert git("-C", str(folder), "status", "--porcelain") == ""


def test_sync_with_a_bare_server(tmp_path: Path) -> None:
    folder, server = tmp_path / "nk", tmp_path / "server.git"
    mou("new", str(folder))
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(folder), "remote", "add", "origin", str(server))
    code, out = mou("sync", "-C", str(folder))
    assert (code, out) == (0, "origin/main: pushed\n")
    assert mou("sync", "nowhere", "-C", str(folder))[1].startswith("error: no remote named 'nowhere'")
