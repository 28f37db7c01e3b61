"""The portfolio remembers each repository's status until its refs change, and only that long."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mou_kit import Workspace
from mou_kit.web import statuses
from tests.web.conftest import NAME


def test_a_status_is_read_again_only_when_the_repository_changed(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    real = statuses.agreement_status

    def counted(folder: Path, *, today: dt.date | None = None) -> statuses.Status:
        reads.append(folder)
        return real(folder, today=today)

    monkeypatch.setattr(statuses, "agreement_status", counted)
    memory = statuses.Statuses(root)
    today = dt.date(2024, 1, 1)
    first, _ = memory(today)
    memory(today)
    assert len(reads) == 1
    with Workspace.open(root / NAME) as ws:
        draft = ws.read()
        draft.set_text("maksud", "Maksud baru.", lang="id")
        ws.commit(draft, "an edit", proposed_by="polda-kalbar")
    second, _ = memory(today)
    assert len(reads) == 2 and second[0].revision != first[0].revision
    memory(dt.date(2024, 1, 2))  # deadlines count from the day
    assert len(reads) == 3
    Workspace.open(root / NAME).close()
    with Workspace.open(root / NAME) as ws:
        ws.add_meeting(ws.meetings()[0].model_copy(update={"id": "rapat-lagi"}))
    found, _ = memory(dt.date(2024, 1, 2))
    assert len(reads) == 4 and found[0].last_meeting is not None


def test_a_plain_folder_is_read_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tests.conftest import EXAMPLES

    shutil.copytree(EXAMPLES / "tppo-kalbar", tmp_path / "plain")
    assert statuses.refs_key(tmp_path / "plain") is None
    memory = statuses.Statuses(tmp_path)
    assert memory(dt.date(2024, 1, 1))[0][0].id == "tppo-kalbar"
