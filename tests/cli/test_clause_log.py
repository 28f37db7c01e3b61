"""``mou log --clause`` answered before typer loads prints exactly what the full command prints, and
falls through to it whenever it cannot be sure (ADR 0088)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from mou_kit import _clause_log, _node_cache
from mou_kit.cli import app

SAFE = st.text(alphabet="abcdefghij XYZ-.,()é", min_size=1, max_size=12).map(str.strip).filter(bool)
OTHERWISE = ["\x1b[31mmerah\x1b[0m", "a\x1b]8;;x\x1b\\b"]
"""Summaries click prints otherwise than they are written where the output is no terminal (escape codes)."""
RICH = st.sampled_from([*OTHERWISE, "ok: fine: yes", "[bold]tebal[/bold]", "[draf] a [ b ]", "[/cyan]x[#f00]",
                        "setuju :smile: ya", "a\\", "[b]a\\[/b]", "tab\there", "cr\rhere"])
"""Summaries with what a printer might read as markup, emoji codes, escapes or control characters."""
_COLOUR_ENV = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "MOU_GIT_BACKEND")


Articles = dict[str, list[tuple[str, str, bool]]]
Step = tuple[str, list[Articles], str, str]
"""``(kind, articles after it (for ``side``: the side's, main's, then the merge's), message, zone)``."""


def _article(article: str, clauses: list[tuple[str, str, bool]]) -> bytes:
    data = {"id": article, "heading": {"id": f"Pasal {article}"},
            "clauses": [{"id": c, "text": {"id": t}, **({"points": [{"id": f"{c}-p1", "text": "x"}]} if p else {})}
                        for c, t, p in clauses]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


class History:
    """A git repository of article files written by ``git fast-import``: commits on main, and merges."""

    def __init__(self, path: Path) -> None:
        self.path, self.out, self.n, self.marks = path, [b"reset refs/heads/main\n"], 0, 0

    def commit(self, articles: Articles, message: str, *, branch: str = "main",
               parent: int | None = None, merge: int | None = None, zone: str = "+0700") -> int:
        self.n += 1
        body = message.encode()
        out = [f"commit refs/heads/{branch}\nmark :{self.n}\n".encode(),
               b"committer T <t@example.invalid> %d %s\n" % (1_690_000_000 + self.n * 3600, zone.encode()),
               b"data %d\n" % len(body) + body + b"\n"]
        if parent is not None:
            out.append(f"from :{parent}\n".encode())
        if merge is not None:
            out.append(f"merge :{merge}\n".encode())
        out.append(b"deleteall\n")
        for name, clauses in sorted(articles.items()):
            content = _article(name, clauses)
            out.append(f"M 100644 inline articles/{name}.yaml\n".encode() + b"data %d\n" % len(content) + content)
        self.out += out
        return self.n

    def write(self) -> None:
        subprocess.run(["git", "init", "-q", "-b", "main", str(self.path)], check=True)
        subprocess.run(["git", "-C", str(self.path), "fast-import", "--quiet"], input=b"".join(self.out), check=True)
        subprocess.run(["git", "-C", str(self.path), "checkout", "-q", "-f", "main"], check=True)


@st.composite
def histories(draw: st.DrawFn) -> list[Step]:
    """Return steps ``(kind, articles after it, message, zone)``: edits, clauses added, removed, moved
    between articles and reordered, and a side branch's edit merged with one on main (``side``:
    the side's articles, main's, then the merge's)."""
    state: Articles = {"a1": [("a1-c1", "satu", False), ("a1-c2", "dua", True)], "a2": [("a2-c1", "tiga", False)]}
    steps: list[Step] = [("commit", [_copy(state)], "awal\n\nProposed-by: pihak-1\n", "+0700")]
    fresh = iter(range(3, 100))

    def edit(articles: Articles) -> None:
        clauses = articles[draw(st.sampled_from(sorted(articles)))]
        if clauses:
            i = draw(st.integers(0, len(clauses) - 1))
            clauses[i] = (clauses[i][0], draw(SAFE), draw(st.booleans()))

    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["edit", "edit", "add", "remove", "move", "reorder", "side"]))
        article = draw(st.sampled_from(sorted(state)))
        clauses = state[article]
        trees = []
        if kind == "side":
            side, main = _copy(state), _copy(state)
            edit(side)
            edit(main)
            for name in state:  # the merge takes each clause from the side that changed it
                state[name] = [s if s != b else m for s, m, b in zip(side[name], main[name], state[name], strict=True)]
            trees = [side, main]
        elif kind == "edit":
            edit(state)
        elif kind == "add":
            clauses.insert(draw(st.integers(0, len(clauses))), (f"{article}-c{next(fresh)}", draw(SAFE), False))
        elif kind == "remove" and len(clauses) > 1:
            clauses.pop(draw(st.integers(0, len(clauses) - 1)))
        elif kind == "move" and len(clauses) > 1:
            target = "a2" if article == "a1" else "a1"
            state[target].append(clauses.pop(draw(st.integers(0, len(clauses) - 1))))
        elif kind == "reorder":
            clauses.reverse()
        summary = draw(st.one_of(SAFE, SAFE, SAFE, RICH))
        trailers = draw(st.sampled_from(["", "\n\nProposed-by: pihak-2\n", "\n\nMeeting: rapat-1\n",
                                         "\n\nProposed-by: pihak-1\nMeeting: rapat-2\n", "\n\nSigned-off-by: x\n"]))
        zone = draw(st.sampled_from(["+0700", "-0300", "+0000"]))
        steps.append((kind, [*trees, _copy(state)], f"{summary}\n{trailers}", zone))
    return steps


def _copy(articles: Articles) -> Articles:
    return {k: list(v) for k, v in articles.items()}


def _build(path: Path, steps: list[Step]) -> None:
    history = History(path)
    tip: int | None = None
    for kind, trees, message, zone in steps:
        if kind == "side" and tip is not None:
            side = history.commit(trees[0], f"side {message}", branch="side", parent=tip, zone=zone)
            main = history.commit(trees[1], f"main {message}", parent=tip, zone=zone)
            tip = history.commit(trees[2], f"Merge side\n\n{message}", parent=main, merge=side, zone=zone)
        else:
            tip = history.commit(trees[-1], message, parent=tip, zone=zone)
    history.write()


@contextmanager
def _plain_env() -> Iterator[None]:
    saved = {k: os.environ.pop(k) for k in _COLOUR_ENV if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _full(folder: Path, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, ["log", *args, "-C", str(folder)])
    return done.exit_code, done.stdout


def _fast(folder: Path, *args: str) -> str | None:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with redirect_stdout(out):
        answered = _clause_log.answer([*args, "-C", str(folder)])
    out.flush()
    return out.buffer.getvalue().decode() if answered else None  # type: ignore[attr-defined]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=histories(), limit=st.one_of(st.none(), st.integers(0, 3)))
def test_the_start_up_answer_is_the_full_commands_output(steps: list[Step], limit: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp, _plain_env():
        folder = Path(tmp) / "h"
        _build(folder, steps)
        last = steps[-1][1][-1]
        nodes = sorted({c for clauses in last.values() for c, _, p in clauses}
                       | {f"{c}-p1" for clauses in last.values() for c, _, p in clauses if p}
                       | set(last) | {"a1-c1", "zz-none"})
        extra = [] if limit is None else ["-n", str(limit)]
        assert _fast(folder, "--clause", nodes[0], *extra) is None  # nothing remembered yet
        otherwise = any(text in message for _, _, message, _ in steps for text in OTHERWISE)
        for node in nodes:
            code, text = _full(folder, "--clause", node, *extra)
            fast = _fast(folder, "--clause", node, *extra)
            if code != 0:
                assert fast is None, f"{node}: the full command failed ({text!r}) but the start-up path answered"
            elif fast is None:  # fell through: only for a text click would print otherwise
                assert otherwise, f"{node}: not answered from the cache"
            else:
                assert fast == text, node


def _small(path: Path, message: str = "ubah\n\nProposed-by: pihak-2\n") -> Path:
    history = History(path)
    one = history.commit({"a1": [("a1-c1", "satu", False)], "a2": [("a2-c1", "dua", False)]}, "awal\n")
    history.commit({"a1": [("a1-c1", "satu!", False)], "a2": [("a2-c1", "dua", False)]}, message, parent=one)
    history.write()
    return path


def _mou(folder: Path, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                                               set[str]]:
    clean = {k: v for k, v in os.environ.items() if k not in _COLOUR_ENV} | (env or {})
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "mou_kit", "log", *args, "-C", str(folder)],
                          capture_output=True, text=True, check=False, env=clean)
    return done, {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}


def test_the_whole_command_answers_without_typer_pydantic_or_pygit2(tmp_path: Path) -> None:
    folder = _small(tmp_path / "h")
    first, imported = _mou(folder, "--clause", "a1-c1")
    assert first.returncode == 0 and "typer" in imported and first.stdout.count("\n") == 2
    assert "pihak-2" in first.stdout and "party unknown" in first.stdout
    second, imported = _mou(folder, "--clause", "a1-c1")
    assert second.returncode == 0 and second.stdout == first.stdout
    assert not {"typer", "click", "rich", "pydantic", "pygit2", "yaml", "subprocess"} & imported
    for spelling in (["--clause=a1-c1", "-n", "1"], ["-n1", "--clause", "a1-c1", "HEAD"]):
        done, imported = _mou(folder, *spelling)
        assert done.stdout == first.stdout.splitlines(keepends=True)[0] and "typer" not in imported


@pytest.mark.parametrize("args", [["--clause", "a1-c1", "--json"], ["--clause", "a1-c1", "main"],
                                  ["--clause", "a1-c1", "-n", "-1"], ["--clause", "a1-c1", "--bogus"],
                                  ["--clause", "zz-none"], ["--clause", "a1-c1", "--clause", "a2-c1"]])
def test_what_the_start_up_path_does_not_read_goes_to_the_full_command(tmp_path: Path, args: list[str]) -> None:
    folder = _small(tmp_path / "h")
    _mou(folder, "--clause", "a1-c1")  # remembered
    done, imported = _mou(folder, *args)
    assert "typer" in imported
    with _plain_env():
        assert (done.returncode, done.stdout) == _full(folder, *args)


def test_a_detached_head_a_clause_in_two_articles_or_an_escape_go_to_the_full_command(tmp_path: Path) -> None:
    folder = _small(tmp_path / "h", message="\x1b[31mmerah\x1b[0m [bold]x[/bold] :smile:\n")
    assert _mou(folder, "--clause", "a1-c1")[0].returncode == 0
    done, imported = _mou(folder, "--clause", "a1-c1")
    assert "typer" in imported and "merah [bold]x[/bold] :smile:" in done.stdout  # click strips the colour codes
    twice = _small(tmp_path / "twice")
    (twice / "articles" / "a2.yaml").write_text((twice / "articles" / "a1.yaml").read_text().replace("a1\n", "a2\n"))
    subprocess.run(["git", "-C", str(twice), "commit", "-qam", "dua kali"], check=True)
    _mou(twice, "--clause", "a1-c1")
    assert "typer" in _mou(twice, "--clause", "a1-c1")[1]
    subprocess.run(["git", "-C", str(folder), "checkout", "-q", "--detach"], check=True)
    done, imported = _mou(folder, "--clause", "a1-c1")
    assert done.returncode != 0 and "detached" in done.stderr and "typer" in imported


def test_a_damaged_or_foreign_cache_is_never_trusted(tmp_path: Path) -> None:
    folder = _small(tmp_path / "h")
    first, _ = _mou(folder, "--clause", "a1-c1")
    [base] = (folder / ".git" / _node_cache.FOLDER).iterdir()  # the one folder of the code that ran
    packs = sorted((base / _node_cache.PACKS).iterdir())
    assert len(packs) == 2 and (base / _node_cache.TIP).is_file()
    a1 = next(p for p in packs if b"pack articles/a1.yaml" in p.read_bytes())
    whole = a1.read_bytes()
    digest = whole.split(b"\t")[0].rsplit(b"\n", 1)[-1]
    for damaged in (whole[:-4], whole.replace(digest, b"0" * len(digest)), b"\xff\xfe not utf-8"):
        a1.write_bytes(damaged)  # torn, a digest changed (the checksum no longer holds), garbage
        done, imported = _mou(folder, "--clause", "a1-c1")
        assert (done.returncode, done.stdout) == (0, first.stdout) and "typer" in imported  # read again, in full
        again, imported = _mou(folder, "--clause", "a1-c1")
        assert again.stdout == first.stdout and "typer" not in imported  # and remembered again
    other = next(p for p in packs if p != a1)
    a1.write_bytes(other.read_bytes())  # another path's pack under this one's name
    done, imported = _mou(folder, "--clause", "a1-c1")
    assert done.stdout == first.stdout and "typer" in imported
    (base / _node_cache.TIP).write_bytes(b"garbage")
    done, imported = _mou(folder, "--clause", "a1-c1")
    assert done.stdout == first.stdout and "typer" in imported


def test_colours_on_a_terminal_are_the_ones_click_writes(tmp_path: Path) -> None:
    folder = _small(tmp_path / "h", message="ubah\n\nProposed-by: pihak-2\nMeeting: rapat-1\n")

    def on_terminal(**extra: str) -> tuple[bytes, bool]:
        primary, secondary = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k not in _COLOUR_ENV} | {"TERM": "xterm-256color"} | extra
        with subprocess.Popen([sys.executable, "-X", "importtime", "-m", "mou_kit", "log", "--clause", "a1-c1",
                               "-C", str(folder)], stdout=secondary, stderr=subprocess.PIPE, env=env) as process:
            os.close(secondary)
            chunks = []
            while True:
                try:
                    chunk = os.read(primary, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            typer = b"typer" in process.communicate()[1]
        os.close(primary)
        return b"".join(chunks), typer

    full = on_terminal(GIT_CEILING_DIRECTORIES="/nonexistent")  # a variable the start-up path leaves to git
    fast = on_terminal()
    assert b"\x1b[36mpihak-2\x1b[0m \x1b[35mmeeting rapat-1\x1b[0m" in full[0] and full[1]
    assert fast == (full[0], False)


def test_a_commit_keeps_the_next_log_answered_at_start_up(tmp_path: Path) -> None:
    """``mou log --clause`` right after a commit (by folder or by the API) needs no full command: the commit
    remembers its articles from what was remembered of its parent, reading only the articles it changed."""
    from mou_kit import Workspace
    from tests.builders import build

    with Workspace.init(tmp_path / "mou", build("a1[c1,c2] a2[c3]"), proposed_by="party-1") as ws, _plain_env():
        assert _fast(ws.path, "--clause", "c1") is None and _full(ws.path, "--clause", "c1")[0] == 0  # remembers
        article = ws.path / "articles" / "a1.yaml"
        edited = ws.read()
        edited.articles[0].clauses[0].text = "Teks yang diubah."
        ws.commit(edited, "ubah c1", proposed_by="party-2")
        for node in ("c1", "c2", "c3", "a2"):
            fast = _fast(ws.path, "--clause", node)
            assert fast is not None, f"{node}: not answered at start-up after a commit by the API"
            assert fast == _full(ws.path, "--clause", node)[1]
        article.write_text(article.read_text(encoding="utf-8").replace("Teks yang diubah.", "Teks lain."),
                           encoding="utf-8")
        ws.commit_folder("ubah lagi", proposed_by="party-1")
        fast = _fast(ws.path, "--clause", "c1")
        assert fast is not None and fast == _full(ws.path, "--clause", "c1")[1] and fast.count("ubah") == 2
