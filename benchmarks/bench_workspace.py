"""Benchmarks of the git workspace on a 300-clause synthetic agreement (targets from issue #3).

Run alone with ``python benchmarks/bench_workspace.py``; ``run()`` returns rows for
``benchmarks/run.py``. Commits and reads are measured on each git backend installed (pygit2,
GitPython). The 1,000-revision history is built with ``git fast-import`` (setup,
not measured); every measured step goes through mou_kit's own API or the ``mou`` command.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import synthetic

BACKEND_ENV = "MOU_GIT_BACKEND"

REVISIONS = 1000


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _edit(agreement: Any, rng: random.Random, count: int, tag: str) -> list[str]:
    clauses = [c for a in agreement.articles for c in a.clauses]
    chosen = rng.sample(clauses, count)
    for clause in chosen:
        clause.text = f"{str(clause.text).rstrip('.:')} {tag}."
    return [c.id for c in chosen]


def bench_commit(root: Path, backend: str) -> tuple[float, float, float]:
    """Return median ms with ``backend``: commit of 3 clauses, read at a revision, commit in a bare repository."""
    from mou_kit.workspace import Workspace
    from mou_kit.workspace._snapshot import Snapshots

    rng = random.Random(11)
    times: list[float] = []
    reads: list[float] = []
    bare: list[float] = []
    before = os.environ.get(BACKEND_ENV)
    os.environ[BACKEND_ENV] = backend
    try:
        with Workspace.init(root / f"commit-{backend}", synthetic()) as ws:
            agreement = ws.read()
            for i in range(40):
                _edit(agreement, rng, 3, f"r{i}")
                start = time.perf_counter()
                ws.commit(agreement, f"edit {i}", proposed_by="pihak-1")
                times.append(time.perf_counter() - start)
            shas = [r.id for r in ws.log()]
            for _ in range(15):
                ws._snapshots = Snapshots(ws.storage)  # a cold cache: nothing read before
                sha = rng.choice(shas)
                start = time.perf_counter()
                ws.read(sha)
                reads.append(time.perf_counter() - start)
            subprocess.run(["git", "clone", "-q", "--bare", str(ws.path), str(root / f"bare-{backend}.git")],
                           check=True)
        with Workspace.open(root / f"bare-{backend}.git") as ws:
            agreement = ws.read()
            for i in range(40):
                _edit(agreement, rng, 3, f"b{i}")
                start = time.perf_counter()
                ws.commit(agreement, f"bare edit {i}", proposed_by="pihak-1")
                bare.append(time.perf_counter() - start)
    finally:
        if before is None:
            os.environ.pop(BACKEND_ENV, None)
        else:
            os.environ[BACKEND_ENV] = before
    return _median_ms(times), _median_ms(reads), _median_ms(bare)


def bench_validation() -> tuple[float, float]:
    """Return median ms of validation + YAML of 3 changed articles: as a commit does it, and the whole agreement.

    A commit compares every article with the base revision's and revalidates the head and
    the changed articles only (``unchanged=``); ``model.check()`` runs on the whole agreement
    in both figures.
    """
    from mou_kit.files import dump_agreement

    rng = random.Random(13)
    agreement = synthetic()
    changed_only: list[float] = []
    whole: list[float] = []
    for i in range(40):
        changed = _edit(agreement, rng, 3, f"v{i}")
        edited = {a.id for a in agreement.articles if any(c.id in changed for c in a.clauses)}
        paths = {f"articles/{a}.yaml" for a in edited}
        same = [a.id for a in agreement.articles if a.id not in edited]
        start = time.perf_counter()
        dump_agreement(agreement, only=paths, unchanged=same)
        changed_only.append(time.perf_counter() - start)
        start = time.perf_counter()
        dump_agreement(agreement, only=paths)
        whole.append(time.perf_counter() - start)
    return _median_ms(changed_only), _median_ms(whole)


def _build_history(path: Path) -> str:
    """Return the id of a clause, after writing ``REVISIONS`` revisions of 3 edited clauses each at ``path``."""
    import yaml

    from mou_kit.files import dump_agreement

    agreement = synthetic()
    files = dump_agreement(agreement)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    data = {a.id: a.model_dump(mode="json", exclude_unset=True) for a in agreement.articles}
    rng = random.Random(5)
    out: list[bytes] = []

    def blob(content: bytes) -> None:
        out.append(b"data %d\n" % len(content) + content + b"\n")

    for i in range(REVISIONS):
        message = f"edit {i}\n\nProposed-by: pihak-{i % 3 + 1}\n".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(b"committer Bench <bench@example.invalid> %d +0700\n" % (1_690_000_000 + i * 60))
        out.append(b"data %d\n" % len(message) + message)
        if i == 0:
            for rel, content in files.items():
                out.append(f"M 100644 inline {rel}\n".encode())
                blob(content)
            continue
        # sorted: a set of strings iterates in PYTHONHASHSEED's order, which would change the history
        for article_id in sorted({rng.choice(list(data)) for _ in range(3)}):
            article = data[article_id]
            clause = rng.choice(article["clauses"])
            clause["text"] = f"{clause['text'].split(' #')[0]} #{i}."
            content = b"# yaml-language-server: $schema=../.mou/schema/article.json\n" + yaml.safe_dump(
                article, allow_unicode=True, sort_keys=False, width=100_000).encode()
            out.append(f"M 100644 inline articles/{article_id}.yaml\n".encode())
            blob(content)
    subprocess.run(["git", "-C", str(path), "fast-import", "--quiet"], input=b"".join(out), check=True)
    subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard"], check=True)
    return "a7-c3"


def bench_meeting_diff(path: Path, fmt: str = "html") -> float:
    """Return ms for ``mou diff A B --format FMT`` between two meetings of the history at ``path``."""
    for name, ref in (("rapat-a", f"HEAD~{REVISIONS // 2}"), ("rapat-b", "HEAD")):
        if subprocess.run(["git", "-C", str(path), "rev-parse", "-q", "--verify", f"refs/tags/meeting/{name}"],
                          capture_output=True).returncode != 0:
            subprocess.run(["git", "-C", str(path), "tag", "-a", f"meeting/{name}", ref, "-m", name], check=True)
    mou = shutil.which("mou") or str(Path(sys.executable).with_name("mou"))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        target = path.parent / ("d.html" if fmt == "html" else "d.docx")
        subprocess.run([mou, "diff", "rapat-a", "rapat-b", "--format", fmt, "-o", str(target),
                        "-C", str(path)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return _median_ms(times)


def bench_history(root: Path) -> tuple[float, float, float, float, int]:
    """Return ms for one clause's history, ``ws.log()``, ``mou log`` and ``ws.blame()`` over ``REVISIONS``
    revisions."""
    from mou_kit.workspace import Workspace

    path = root / "history"
    clause = _build_history(path)
    with Workspace.open(path) as ws:
        samples, logs = [], []
        found = 0
        for _ in range(3):
            start = time.perf_counter()
            found = len(ws.log(clause))
            samples.append(time.perf_counter() - start)
            ws._snapshots.__init__(ws.storage)  # type: ignore[misc]  # cold cache for the next run
            start = time.perf_counter()
            assert len(ws.log()) == REVISIONS
            logs.append(time.perf_counter() - start)
        blames = []
        for _ in range(3):
            start = time.perf_counter()
            ws.blame()
            blames.append(time.perf_counter() - start)
    mou = shutil.which("mou") or str(Path(sys.executable).with_name("mou"))
    cli = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([mou, "log", "-C", str(path)], check=True, capture_output=True)
        cli.append(time.perf_counter() - start)
    return _median_ms(samples), _median_ms(logs), _median_ms(cli), _median_ms(blames), found


def _backends() -> list[str]:
    from mou_kit.workspace._pygit2 import available

    return ["pygit2", "gitpython"] if available() else ["gitpython"]


def run() -> list[dict[str, str]]:
    """Return the workspace benchmark rows (benchmark, figure, target, note), one set per git backend."""
    rows: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for backend in _backends():
            commit_ms, read_ms, bare_ms = bench_commit(root, backend)
            steps = ("loose objects, ref transaction and index in-process" if backend == "pygit2" else
                     "loose objects via gitdb, git update-ref and git update-index processes")
            rows += [
                {"benchmark": f"commit changing 3 clauses (300-clause agreement, median of 40, warm, in-process), "
                              f"{backend}",
                 "figure": f"{commit_ms:.1f} ms", "target": "<= 20 ms",
                 "note": f"validation of head + changed articles + check(), YAML of 3 articles, {steps}, "
                         "folder update"},
                {"benchmark": f"commit changing 3 clauses in a bare repository (no folder), {backend}",
                 "figure": f"{bare_ms:.1f} ms", "target": "<= 20 ms", "note": "as above without the folder and index"},
                {"benchmark": f"read the agreement at a revision (cold cache, median of 15), {backend}",
                 "figure": f"{read_ms:.1f} ms", "target": "<= 50 ms",
                 "note": "31 blobs read + parse and validation"},
            ]
        changed_ms, whole_ms = bench_validation()
        rows += [
            {"benchmark": "of a commit: validate + YAML of 3 changed articles, as a commit does (no git)",
             "figure": f"{changed_ms:.1f} ms", "target": "-",
             "note": "head and changed articles validated field by field, model.check() on the whole agreement"},
            {"benchmark": "for comparison: the same revalidating all 300 clauses (dump_agreement without unchanged=)",
             "figure": f"{whole_ms:.1f} ms", "target": "-", "note": "what commits cost before ADR 0015"},
        ]
        clause_ms, log_ms, cli_ms, blame_ms, found = bench_history(root)
        diff_ms = bench_meeting_diff(root / "history")
        matrix_ms = bench_meeting_diff(root / "history", "matrix")
    return [
        *rows,
        {"benchmark": f"history of one clause over {REVISIONS} revisions (warm, in-process)",
         "figure": f"{clause_ms:.0f} ms", "target": "<= 300 ms",
         "note": f"Workspace.log(clause): one git log --raw of its article file, each version's nodes as "
                 f"remembered per blob (ADR 0088); {found} revisions found; for embedders"},
        {"benchmark": f"blame of every clause over {REVISIONS} revisions (warm, in-process)",
         "figure": f"{blame_ms:.0f} ms", "target": "-",
         "note": "Workspace.blame(): git log read as it streams, stopped once every clause has its newest change; "
                 "whole commands side by side with git blame: bench_commands"},
        {"benchmark": f"Workspace.log() of {REVISIONS} revisions", "figure": f"{log_ms:.0f} ms",
         "target": "<= 1 s", "note": "one git log process, trailers parsed in Python"},
        {"benchmark": f"mou log of {REVISIONS} revisions (whole command)", "figure": f"{cli_ms:.0f} ms",
         "target": "<= 1 s", "note": "includes Python start-up and printing"},
        {"benchmark": f"mou diff meeting-a meeting-b --format html, {REVISIONS}-revision repository",
         "figure": f"{diff_ms:.0f} ms", "target": "<= 1 s",
         "note": "whole command: start-up, two reads at tags, diff, HTML; meetings 500 revisions apart"},
        {"benchmark": f"mou diff meeting-a meeting-b --format matrix, {REVISIONS}-revision repository",
         "figure": f"{matrix_ms:.0f} ms", "target": "-",
         "note": "as above, plus the proposing party of each of ~300 changed clauses from the history"},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['figure']} (target {row['target']}) - {row['note']}")
