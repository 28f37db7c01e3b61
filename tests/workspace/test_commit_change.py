"""A commit of the folder on top of a revision mou made reads only the changed files, and ends as the whole read does.

Each case edits two identical repositories the same way; one commits with the stored facts of
its tip (ADR 0089), the other with the store removed, which reads the whole folder. Both must
make the same tree, or refuse with the same problems.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from mou_kit import ValidationFailed, WorkspaceError
from mou_kit.workspace import Workspace
from mou_kit.workspace._checked import STORE
from tests.builders import build

Edit = Callable[[Path], None]


def _agreement() -> object:
    return build("a1[c1,c2(p1,p2)] a2[c3] a3[c4]", variables={"jumlah": {"type": "integer", "value": 5}},
                 texts={"c3": "Sebagaimana dimaksud dalam [[c2]].", "c4": "Sebanyak {{ 100 // jumlah }} orang."})


def _replace(rel: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert re.search(old, text), f"{old!r} not in {rel}"
        path.write_text(re.sub(old, new, text, count=1), encoding="utf-8")
    return edit


def _remove_article(root: Path) -> None:
    (root / "articles" / "a3.yaml").unlink()
    _replace("agreement.yaml", r", a3\]", "]")(root)


def _rename_article(root: Path) -> None:
    text = (root / "articles" / "a3.yaml").read_text(encoding="utf-8").replace("id: a3", "id: a9")
    (root / "articles" / "a3.yaml").unlink()
    (root / "articles" / "a9.yaml").write_text(text, encoding="utf-8")
    _replace("agreement.yaml", r"a3\]", "a9]")(root)


def _unlisted(root: Path) -> None:
    (root / "articles" / "a8.yaml").write_text("id: a8\nheading: X\nclauses:\n- id: c8\n  text: Y.\n", encoding="utf-8")


CASES: dict[str, list[Edit]] = {
    "reword": [_replace("articles/a1.yaml", r"Text of c1\.", "Teks baru c1.")],
    "comment only": [_replace("articles/a2.yaml", r"\nclauses:", "\n# catatan\nclauses:")],
    "cited clause removed": [_replace("articles/a1.yaml", r"- id: c2\n(.*\n)*", "")],
    "duplicate id": [_replace("articles/a2.yaml", r"id: c3", "id: c1")],
    "reference out": [_replace("articles/a1.yaml", r"Text of c1\.", "Lihat [[c4]] dan [[hilang]].")],
    "article removed": [_remove_article],
    "article renamed": [_rename_article],
    "file not listed": [_unlisted],
    "variable removed": [_replace("agreement.yaml", r"variables:\n(  .*\n)+", "")],
    "value breaks a text": [_replace("agreement.yaml", r"value: 5", "value: 0")],
    "bad yaml": [_replace("articles/a2.yaml", r"heading:", "heading: [")],
    "heading and head": [_replace("articles/a2.yaml", r"Heading a2", "Judul"),
                         _replace("agreement.yaml", r"title: Kerja Sama Uji", "title: Kerja Sama Baru")],
}


REFUSED = {"cited clause removed", "duplicate id", "reference out", "file not listed", "variable removed",
           "value breaks a text", "bad yaml"}


def _outcome(ws: Workspace, edits: list[Edit]) -> tuple[str, object]:
    for edit in edits:
        edit(ws.path)
    try:
        ws.commit_folder("edit", proposed_by="party-1")
    except (ValidationFailed, WorkspaceError) as e:
        return "refused", [str(p) for p in e.problems] if isinstance(e, ValidationFailed) else str(e)
    tree = subprocess.run(["git", "-C", str(ws.path), "rev-parse", "HEAD^{tree}"], capture_output=True, text=True,
                          check=True).stdout.strip()
    status = subprocess.run(["git", "-C", str(ws.path), "status", "--porcelain"], capture_output=True, text=True,
                            check=True).stdout
    return "committed", (tree, status)


@pytest.mark.parametrize("case", list(CASES))
def test_a_commit_of_the_changed_files_ends_as_a_commit_of_the_whole_folder(tmp_path: Path, case: str) -> None:
    when = __import__("datetime").datetime(2024, 1, 2, 3, 4, 5).astimezone()
    outcomes = []
    for name, keep in (("quick", True), ("whole", False)):
        with Workspace.init(tmp_path / name, _agreement(), proposed_by="party-1", when=when) as ws:  # type: ignore[arg-type]
            assert (ws.storage.git_dir / STORE).is_file()
            if not keep:
                (ws.storage.git_dir / STORE).unlink()
            outcomes.append(_outcome(ws, CASES[case]))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == ("refused" if case in REFUSED else "committed")


def test_unchanged_article_files_are_not_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mou_kit.files import folder

    with Workspace.init(tmp_path / "mou", _agreement(), proposed_by="party-1") as ws:  # type: ignore[arg-type]
        _replace("articles/a1.yaml", r"Text of c1\.", "Teks baru c1.")(ws.path)
        read: list[str] = []
        parse = folder.parse_yaml
        monkeypatch.setattr(folder, "parse_yaml", lambda data, name: read.append(name) or parse(data, name))
        ws.commit_folder("edit", proposed_by="party-1")
        assert set(read) == {"agreement.yaml", "articles/a1.yaml"}
        # the next commit builds on the facts this one stored
        _replace("articles/a2.yaml", r"Heading a2", "Judul")(ws.path)
        read.clear()
        ws.commit_folder("edit", proposed_by="party-1")
        assert set(read) == {"agreement.yaml", "articles/a2.yaml"}


def test_a_commit_made_elsewhere_makes_the_next_one_read_the_whole_folder(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from mou_kit.files import folder

    with Workspace.init(tmp_path / "mou", _agreement(), proposed_by="party-1") as ws:  # type: ignore[arg-type]
        agreement = ws.read()
        agreement.articles[1].clauses[0].text = "Diubah lewat API."
        ws.commit(agreement, "api")  # stores no facts: the store describes another commit now
        _replace("articles/a1.yaml", r"Text of c1\.", "Teks baru c1.")(ws.path)
        read: list[str] = []
        parse = folder.parse_yaml
        monkeypatch.setattr(folder, "parse_yaml", lambda data, name: read.append(name) or parse(data, name))
        ws.commit_folder("edit", proposed_by="party-1")
        assert sorted(r for r in read if r.startswith("articles/")) == [f"articles/a{i}.yaml" for i in (1, 2, 3)]
        assert ws.read().articles[1].clauses[0].text == "Diubah lewat API."
