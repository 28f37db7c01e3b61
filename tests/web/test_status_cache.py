"""The status cache in a repository's git directory: read back only while nothing it depends on changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import mou_kit
from mou_kit import Workspace, load
from mou_kit.lifecycle import Deadline, Event
from mou_kit.model import LifecycleState
from mou_kit.workflow import agreement_status, portfolio
from mou_kit.workflow._status_cache import CACHE_FILE, LIMIT, cache_key, git_dir
from mou_kit.workflow.status import Status
from tests.web.conftest import NAME

DAY = dt.date(2024, 1, 1)


def _cached(repo: Path) -> dict[str, object]:
    gitdir = git_dir(repo)
    assert gitdir is not None
    data = json.loads((gitdir / CACHE_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_cached_status_equals_a_fresh_one(root: Path) -> None:
    repo = root / NAME
    first = agreement_status(repo, today=DAY)
    assert first.agreement is not None  # read from the repository, then written down
    again = agreement_status(repo, today=DAY)
    assert again.agreement is None  # from the cache
    fresh = agreement_status(repo, today=DAY, cache=False)
    assert again == fresh and again.to_dict() == fresh.to_dict() and again.path == repo
    assert fresh.last_meeting is not None and again.last_meeting == fresh.last_meeting
    assert not subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], check=True,
                              capture_output=True, text=True).stdout  # never part of the working tree


def test_a_record_round_trips_every_field(root: Path) -> None:
    status = agreement_status(root / NAME, today=DAY, cache=False)
    deadlines = [Deadline("effective", DAY, "takes effect"), Deadline("expiry", dt.date(2028, 12, 31), "last day")]
    full = dataclasses.replace(status, link=("implements", "mou-induk"), since=Event(
        state=LifecycleState.NEGOTIATION, previous=LifecycleState.DRAFT, date=DAY, actor="bp3mi",
        reason="dibuka", revision="abc1234"), deadlines=deadlines, next_deadline=deadlines[0])
    record = json.loads(json.dumps(full.to_record()))
    back = Status.from_record(record, path=full.path, today=DAY)
    assert back == full and back.to_dict() == full.to_dict()
    later = Status.from_record(record, path=full.path, today=DAY + dt.timedelta(days=1))
    assert later.next_deadline == deadlines[1]  # the one field that depends on the day is found again
    assert Status.from_record(record, path=full.path, today=dt.date(2029, 1, 1)).next_deadline is None


def _commit(repo: Path) -> None:
    with Workspace.open(repo) as ws:
        draft = ws.read()
        draft.set_text("maksud", "Maksud baru.", lang="id")
        ws.commit(draft, "an edit", proposed_by="polda-kalbar")


def _meeting(repo: Path) -> None:
    with Workspace.open(repo) as ws:
        ws.add_meeting(ws.meetings()[0].model_copy(update={"id": "rapat-lagi"}))


def _branch(repo: Path) -> None:
    subprocess.run(["git", "-C", str(repo), "branch", "proposal/lain"], check=True, capture_output=True)


def _merge_state(repo: Path) -> None:
    gitdir = git_dir(repo)
    assert gitdir is not None
    (gitdir / "mou" / "merge.json").write_text('{"conflicts": []}', encoding="utf-8")


@pytest.mark.parametrize("change", [_commit, _meeting, _branch, _merge_state], ids=lambda f: f.__name__)
def test_any_change_to_the_refs_reads_the_repository_again(root: Path, change: Callable[[Path], None]) -> None:
    repo = root / NAME
    agreement_status(repo, today=DAY)
    gitdir = git_dir(repo)
    assert gitdir is not None
    before = cache_key(gitdir)
    change(repo)
    assert cache_key(gitdir) != before
    found = agreement_status(repo, today=DAY)
    assert found.agreement is not None and found == agreement_status(repo, today=DAY, cache=False)
    assert _cached(repo)["key"] == cache_key(gitdir)


def test_another_day_counts_its_deadline_from_the_cache(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    agreement = load(EXAMPLES / "tppo-kalbar")
    assert agreement.term is not None
    agreement.term = agreement.term.model_copy(update={"effective_date": dt.date(2023, 8, 1)})
    Workspace.init(tmp_path / "dated", agreement, proposed_by=None).close()
    repo = tmp_path / "dated"
    days = [dt.date(2024, 1, 1), dt.date(2024, 9, 1), dt.date(2040, 1, 1)]
    assert agreement_status(repo, today=days[0]).agreement is not None
    for day in days:
        cached, fresh = agreement_status(repo, today=day), agreement_status(repo, today=day, cache=False)
        assert cached.agreement is None and cached == fresh
    assert len({agreement_status(repo, today=day).next_deadline for day in days}) == 3


def test_another_version_reads_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = root / NAME
    agreement_status(repo, today=DAY)
    assert agreement_status(repo, today=DAY).agreement is None
    monkeypatch.setattr(mou_kit, "__version__", "99.0")
    assert agreement_status(repo, today=DAY).agreement is not None
    assert agreement_status(repo, today=DAY).agreement is None


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"key": "x"}', b"\xff\xfe",
                                     b'{"key": "KEY", "status": {"id": 1}}',
                                     b'{"key": "KEY", "status": {}, "pad": "' + b"x" * LIMIT + b'"}'],
                         ids=["broken", "list", "other-key", "not-utf8", "bad-record", "oversized"])
def test_a_bad_cache_file_is_ignored_and_written_again(root: Path, content: bytes) -> None:
    repo = root / NAME
    expected = agreement_status(repo, today=DAY)
    gitdir = git_dir(repo)
    assert gitdir is not None
    (gitdir / CACHE_FILE).write_bytes(content.replace(b"KEY", cache_key(gitdir).encode()))
    found = agreement_status(repo, today=DAY)
    assert found.agreement is not None and found == expected
    assert _cached(repo)["key"] == cache_key(gitdir)
    assert agreement_status(repo, today=DAY).agreement is None


def test_two_threads_read_and_write_safely(root: Path) -> None:
    repo = root / NAME
    expected = agreement_status(repo, today=DAY, cache=False)
    found: list[Status] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for day in (DAY, DAY + dt.timedelta(days=1)) * 4:
                status = agreement_status(repo, today=day)
                if day == DAY:
                    found.append(status)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(found) == 8 and all(s == expected for s in found)
    gitdir = git_dir(repo)
    assert gitdir is not None and [p.name for p in (gitdir / "mou").iterdir() if p.suffix == ".tmp"] == []
    json.loads((gitdir / CACHE_FILE).read_text(encoding="utf-8"))


def test_a_portfolio_from_the_cache_still_checks_links(root: Path) -> None:
    repo = root / NAME
    with Workspace.open(repo) as ws:
        draft = ws.read()
        draft.implements = "mou-induk"
        ws.commit(draft, "a PKS of an MoU elsewhere", proposed_by="polda-kalbar")
    first, _ = portfolio(root, today=DAY)
    again, _ = portfolio(root, today=DAY)
    assert again[0].agreement is None and again[0].link == ("implements", "mou-induk")
    assert again[0].open == first[0].open and "implements mou-induk, which is not in this portfolio" in again[0].open
