"""The public API: every exported name resolves, lazily, to what the type checker sees."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import mou_kit

INIT = Path(mou_kit.__file__)


def _type_checking_imports() -> dict[str, str]:
    """Return name -> module of the ``if TYPE_CHECKING:`` imports in mou_kit/__init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.asname or alias.name: "." + (node.module or "")
            for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names}


def test_lazy_table_matches_the_typed_imports() -> None:
    assert _type_checking_imports() == mou_kit._HOME


@pytest.mark.parametrize("name", sorted(mou_kit._HOME))
def test_every_public_name_resolves(name: str) -> None:
    import typing

    value = getattr(mou_kit, name)
    if typing.get_origin(value) is typing.Literal:  # a type alias: the values a field takes
        assert typing.get_args(value) and all(isinstance(v, str) for v in typing.get_args(value))
    else:
        assert getattr(value, "__name__", name) == name
    assert name in dir(mou_kit)


def test_the_dim_from_the_top_level(tmp_path: Path) -> None:
    """The secretariat's DIM as an embedder builds it: two revisions, a meeting's decision, DOCX and HTML bytes."""
    import datetime as dt
    import io

    from docx import Document

    from tests.builders import build

    with mou_kit.Workspace.init(tmp_path / "repo", build("a1[c1,c2]")) as ws:
        first = ws.log()[0].id
        edited = ws.read()
        edited.set_text("c1", "Teks baru.")
        ws.commit(edited, "Usul party-1", proposed_by="party-1")
        ws.add_meeting(mou_kit.Meeting(id="rapat-1", date=dt.date(2023, 7, 18), place="Pontianak", decisions=[
            mou_kit.Decision(node="c1", result="agreed", aspect="wording", text="Disepakati rumusan baru.")]))
        table = mou_kit.dim(ws, first, "HEAD")
    assert isinstance(table, mou_kit.Dim)
    [row] = [r for r in table.rows if r.node == "c1"]
    assert isinstance(row, mou_kit.DimRow) and (row.agreed, row.result, row.decision) == (
        "Teks baru.", "agreed", "Disepakati rumusan baru.")
    assert [p.party for p in row.proposals if p.proposed] == ["party-1"]
    html = mou_kit.write_dim(table, format="html")
    assert b"Disepakati rumusan baru." in html and b"Pontianak" in html
    docx = mou_kit.write_dim(table, tmp_path / "dim.docx")
    assert (tmp_path / "dim.docx").read_bytes() == docx
    cells = [c.text for t in Document(io.BytesIO(docx)).tables for r in t.rows for c in r.cells]
    assert any("Teks baru." in c for c in cells) and any("Disepakati rumusan baru." in c for c in cells)
    pure = mou_kit.build_dim(build("a1[c1,c2]"), build("a1[c1,c2]", texts={"c2": "Lain."}))
    assert [r.node for r in pure.rows if r.changed] == ["c2"]
    with pytest.raises(mou_kit.MouKitError, match="format must be"):
        mou_kit.write_dim(pure, format="pdf")  # type: ignore[arg-type]


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = mou_kit.nothing_here  # type: ignore[attr-defined]


def test_import_loads_no_layer_until_a_name_is_used() -> None:
    code = ("import sys, mou_kit; before = sorted(m for m in sys.modules if m.startswith('mou_kit.')); "
            "from mou_kit import render_pdf; "
            "print(before, 'mou_kit.workspace' in sys.modules, 'mou_kit.render.pdf' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["['mou_kit._lazy']", "False", "True"]  # the loader of first-use names, no layer


def test_a_subpackage_import_never_hides_the_function_of_its_name() -> None:
    code = ("import mou_kit.diff.change, mou_kit.lint._terms, mou_kit.assemble._answers, mou_kit; "
            "print(*(type(getattr(mou_kit, n)).__name__ for n in ('diff', 'lint', 'assemble')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["function"] * 3


def test_the_library_runs_without_the_command_lines_packages() -> None:
    code = ("import sys, mou_kit; from tests.builders import build; a = build('a1[c1]'); "
            "b = build('a1[c1]', texts={'c1': 'New.'}); "
            "out = mou_kit.diff_text(mou_kit.diff(a, b)) + mou_kit.diff_text(mou_kit.diff(a, b), markup=True); "
            "mou_kit.render_markdown(b); print(b'New' in out, 'typer' in sys.modules, 'rich' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.split() == ["True", "False", "False"]


def test_mou_without_the_cli_extra_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    from mou_kit import _entry

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "typer" else real(name, *a))
    monkeypatch.setattr(sys, "argv", ["mou", "schema"])
    with pytest.raises(SystemExit) as caught:
        _entry.main()
    assert caught.value.code == 1
    assert capsys.readouterr().err == ("error: the mou command needs typer: install the 'cli' extra "
                                       "(pip install 'mou-kit[cli]')\n")
