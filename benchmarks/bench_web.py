"""mou serve: the agreement page of a 300-clause agreement and a portfolio of 200 copies of one repository.

Server time: each request goes through the whole ASGI app (guard, routing, templates) in process,
without a network. The 200 repositories are copies of one history (the example's), so each status
costs the same; a real portfolio's first-ever scan scales with its agreements' sizes. Run alone
with ``python benchmarks/bench_web.py``; ``run()`` returns rows for ``benchmarks/run.py``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import synthetic
from benchmarks.timing import ROOT, median_seconds, row
from mou_kit import Workspace
from mou_kit.demo.history import build_example_history

PORTFOLIO = 200


def _get(client: object, url: str) -> None:
    answer = client.get(url)  # type: ignore[attr-defined]
    assert answer.status_code == 200, answer.text[:300]


def run() -> list[dict[str, str]]:
    """Return the web figures as rows (benchmark, figure, target, note)."""
    from starlette.testclient import TestClient

    from mou_kit.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big"
        Workspace.init(big / "nk-300", synthetic(30, 10), proposed_by=None).close()
        with TestClient(create_app(big, hosts=["testserver"])) as client:
            page = median_seconds(lambda: _get(client, "/a/nk-300"), repeat=15)
            timeline = median_seconds(lambda: _get(client, "/a/nk-300/timeline"), repeat=7)
        many = Path(tmp) / "many"
        history = build_example_history(ROOT / "examples" / "tppo-kalbar", Path(tmp) / "history")
        for i in range(PORTFOLIO):
            shutil.copytree(history.path, many / f"nk-{i:03d}", symlinks=True)
        with TestClient(create_app(many, hosts=["testserver"])) as client:
            started = time.perf_counter()
            _get(client, "/")
            cold = time.perf_counter() - started
            warm = median_seconds(lambda: _get(client, "/"), repeat=7, warmup=1)
            with Workspace.open(many / "nk-007") as ws:
                draft = ws.read()
                draft.set_text("maksud", "Maksud yang diubah.", lang="id")
                ws.commit(draft, "one change", proposed_by="polda-kalbar")
            started = time.perf_counter()
            _get(client, "/")
            one_changed = time.perf_counter() - started
        with TestClient(create_app(many, hosts=["testserver"])) as client:  # a restarted server
            started = time.perf_counter()
            _get(client, "/")
            restarted = time.perf_counter() - started
    return [
        row("agreement page, 300-clause agreement (id + en side by side, lint)", page, "< 200 ms",
            "GET /a/NAME, server time in process"),
        row("timeline page, 300-clause agreement", timeline, "", "revisions and meetings"),
        row(f"portfolio page of {PORTFOLIO} repositories, unchanged since last shown", warm, "< 1000 ms",
            "each repository's status kept until its refs change"),
        row(f"portfolio page of {PORTFOLIO} repositories, one changed", one_changed, "< 1000 ms",
            "that one read again"),
        row(f"portfolio page of {PORTFOLIO} repositories, first after a restart", restarted, "< 1000 ms",
            "a new server: each status from its repository's cache (.git/mou/status.json)"),
        row(f"portfolio page of {PORTFOLIO} repositories, first ever (no cache)", cold, "",
            "every status read: agreement, lint, log (as the first mou portfolio does)"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']}: {r['figure']} ({r['note']})")
