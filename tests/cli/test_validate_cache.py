"""``mou validate`` of an unchanged folder answers from its remembered success without pydantic,
and any change to what the check reads makes it check again (ADR 0086)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mou_kit import _validated

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tppo-kalbar"


def _mou(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "mou_kit", "validate", "-C", str(folder), *args],
                          capture_output=True, text=True, check=False, env=env)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return done, imported


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "a", ignore=shutil.ignore_patterns("cache"))
    return tmp_path / "a"


def test_an_unchanged_folder_is_answered_without_pydantic_and_the_same(folder: Path) -> None:
    first, imported = _mou(folder)
    assert first.returncode == 0 and "pydantic" in imported
    assert (folder / ".mou/cache/.gitignore").read_text().splitlines()[-1] == "*"
    second, imported = _mou(folder)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert not {"pydantic", "typer", "yaml", "mou_kit.model"} & imported
    slow_json, _ = _mou(folder, "--json")
    shutil.rmtree(folder / ".mou/cache")
    _mou(folder)
    fast_json, imported = _mou(folder, "--json")
    assert fast_json.stdout == slow_json.stdout and json.loads(fast_json.stdout)["valid"] is True
    assert "pydantic" not in imported


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename"])
def test_any_change_to_the_folder_checks_again(folder: Path, change: str) -> None:
    assert _mou(folder)[0].returncode == 0
    article = sorted((folder / "articles").glob("*.yaml"))[0]
    if change == "edit":
        article.write_text(article.read_text().replace("text:", "txet:", 1))
    elif change == "add":
        (folder / "articles" / "zz-extra.yaml").write_text("not: [valid\n")
    elif change == "remove":
        article.unlink()
    else:
        article.rename(article.with_name("zz-" + article.name))
    done, imported = _mou(folder)
    assert "pydantic" in imported  # checked again, whatever the answer
    if change in ("edit", "add"):
        assert done.returncode != 0 and done.stdout == ""


def test_the_key_covers_version_environment_and_git(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _validated.key(str(folder))
    monkeypatch.setenv("MOU_SOMETHING", "1")
    assert _validated.key(str(folder)) != before
    monkeypatch.delenv("MOU_SOMETHING")
    monkeypatch.setattr("mou_kit.__version__", "9.9.9")
    assert _validated.key(str(folder)) != before
    monkeypatch.undo()
    (folder / ".git").mkdir()
    assert _validated.key(str(folder)) != before
    (folder / ".git").rmdir()
    assert _validated.key(str(folder)) == before
    (folder / ".mou" / "cache").mkdir(parents=True, exist_ok=True)
    (folder / ".mou" / "cache" / "other").write_text("x")  # the cache itself is not part of the key
    assert _validated.key(str(folder)) == before


def test_a_damaged_or_foreign_cache_is_ignored(folder: Path) -> None:
    assert _mou(folder)[0].returncode == 0
    stored = folder / ".mou/cache/validate.json"
    stored.write_text("{not json")
    assert "pydantic" in _mou(folder)[1]
    data = json.loads(stored.read_text())
    stored.write_text(json.dumps({**data, "key": "0" * 64}))
    done, imported = _mou(folder)
    assert done.returncode == 0 and "pydantic" in imported


def test_a_frozen_text_is_never_remembered(folder: Path) -> None:
    agreement = folder / "agreement.yaml"
    text = agreement.read_text()
    assert "\nstate:" not in text  # a draft
    agreement.write_text(text + "state: agreed\n")
    done, _ = _mou(folder)
    assert done.returncode == 0, done.stderr[-500:]
    assert not (folder / ".mou/cache/validate.json").exists()


def test_a_link_or_pipe_in_the_folder_is_always_checked_again(folder: Path) -> None:
    assert _validated.key(str(folder)) is not None
    article = sorted((folder / "articles").glob("*.yaml"))[0]
    (folder / "copy.yaml").symlink_to(article)
    assert _validated.key(str(folder)) is None
    (folder / "copy.yaml").unlink()
    os.link(article, folder / "hard.yaml")
    assert _validated.key(str(folder)) is None
    (folder / "hard.yaml").unlink()
    os.mkfifo(folder / "pipe")  # never opened: reading it would wait for a writer
    assert _validated.key(str(folder)) is None
