"""Ten counterpart edits made with tracked changes, in our own DOCX and in an imported foreign one:
each revision shows exactly the edits made, and every other node keeps its id and its texts."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

import mou_kit
from mou_kit import Agreement
from mou_kit.demo.counterpart import find
from mou_kit.diff import ChangeKind, diff
from mou_kit.diff._nodes import flatten
from mou_kit.importers import import_docx
from mou_kit.importers._ooxml import W
from mou_kit.model import number
from mou_kit.workflow.importing import import_revision, new_from_file
from mou_kit.workspace import Workspace

from .corpus import build, specs
from .tracked import (
    delete_paragraph,
    insert_paragraph,
    join_paragraphs,
    move_paragraph,
    replace_text,
    split_paragraph,
)

EXAMPLE = Path(__file__).parents[2] / "examples" / "tppo-kalbar"
WHO = "BP3MI Kalbar"
Edit = Callable[[Any], None]


def _own(edit: Edit, tmp_path: Path) -> tuple[Agreement, Path]:
    base = mou_kit.load(EXAMPLE)
    path = tmp_path / "kalbar.docx"
    mou_kit.render_docx(base, path, lang="id", folder=EXAMPLE)
    document = docx.Document(str(path))
    edit(document)
    document.save(str(path))
    return base, path


def _changes(old: Agreement, new: Agreement) -> set[tuple[ChangeKind, str]]:
    return {(c.kind, c.node) for c in diff(old, new).changes if c.kind != ChangeKind.RENUMBERED}


def _untouched_keep_their_texts(old: Agreement, new: Agreement, edited: set[str]) -> None:
    """No node outside the edits changed id, text or the text of another language."""
    before = {n.id: n.text for n in flatten(old, number(old))}
    after = {n.id: n.text for n in flatten(new, number(new))}
    moved = [nid for nid in before if nid not in edited and after.get(nid) != before[nid]]
    assert moved == []


OWN: list[tuple[str, Edit, set[tuple[ChangeKind, str]]]] = [
    ("delete a clause (Pasal 4 ayat (2))",
     lambda d: delete_paragraph(find(d, "PARA PIHAK wajib melindungi data pribadi"), WHO),
     {(ChangeKind.REMOVED, "data-pelindungan")}),
    ("delete the last clause of an article (Pasal 7 ayat (2))",
     lambda d: delete_paragraph(find(d, "Hasil pemantauan dan evaluasi"), WHO),
     {(ChangeKind.REMOVED, "monev-laporan")}),
    ("delete a point", lambda d: delete_paragraph(find(d, "pemanfaatan sarana dan prasarana"), WHO),
     {(ChangeKind.REMOVED, "lingkup-sarana-prasarana")}),
    ("insert a clause", lambda d: insert_paragraph(find(d, "PARA PIHAK wajib melindungi data pribadi"),
                                                   "PARA PIHAK menunjuk petugas pengelola data.", WHO),
     {(ChangeKind.ADDED, "para-pihak-menunjuk-petugas-pengelola-da")}),
    ("move a point", lambda d: move_paragraph(find(d, "pemanfaatan sarana dan prasarana"),
                                              find(d, "pertukaran data dan informasi"), WHO),
     {(ChangeKind.MOVED, "lingkup-sarana-prasarana")}),
    ("move a clause to another article", lambda d: move_paragraph(
        find(d, "PARA PIHAK wajib melindungi data pribadi"), find(d, "PARA PIHAK melakukan pemantauan"), WHO),
     {(ChangeKind.MOVED, "data-pelindungan")}),
    ("join two clauses", lambda d: join_paragraphs(find(d, "Data dan informasi yang dipertukarkan"), WHO),
     {(ChangeKind.REWORDED, "data-penggunaan"), (ChangeKind.REMOVED, "data-pelindungan")}),
    ("split a clause", lambda d: split_paragraph(find(d, "Hasil pemantauan dan evaluasi"),
                                                 " dilaporkan kepada", WHO),
     {(ChangeKind.REWORDED, "monev-laporan"), (ChangeKind.ADDED, "dilaporkan-kepada-pimpinan-masing-masing")}),
    ("reword next to a cross-reference (ayat (1))",
     lambda d: replace_text(find(d, "Hasil pemantauan dan evaluasi"), "Hasil pemantauan", "Laporan hasil pemantauan",
                            WHO),
     {(ChangeKind.REWORDED, "monev-laporan")}),
    ("edit a number that came from a variable",  # written back: the term changes, every language follows
     lambda d: replace_text(find(d, "untuk jangka waktu 5 (lima)"), "5 (lima)", "3 (tiga)", WHO),
     {(ChangeKind.TERM_CHANGED, "term")}),
]


@pytest.mark.parametrize(("what", "edit", "expected"), OWN, ids=[o[0] for o in OWN])
def test_tracked_edits_in_our_own_docx_are_exactly_the_changes(tmp_path: Path, what: str, edit: Edit,
                                                               expected: set[tuple[ChangeKind, str]]) -> None:
    base, path = _own(edit, tmp_path)
    folder = tmp_path / "mou"
    Workspace.init(folder, base).close()
    import_revision(folder, path, proposed_by="bp3mi-kalbar")
    with Workspace.open(folder) as ws:
        old, new = ws.read("HEAD~1"), ws.read("HEAD")
    assert _changes(old, new) == expected
    _untouched_keep_their_texts(old, new, {node for _, node in expected})
    result = import_docx(path, base=base)
    assert result.original == base, "rejecting every tracked change gives the base back"


def test_a_cross_reference_next_to_an_edit_is_cited_once(tmp_path: Path) -> None:
    base, path = _own(next(o[1] for o in OWN if o[0].startswith("reword next to")), tmp_path)
    clause = next(c for a in import_docx(path, base=base).agreement.articles for c in a.clauses
                  if c.id == "monev-laporan")
    assert isinstance(clause.text, dict)
    assert clause.text["id"].startswith("Laporan hasil pemantauan dan evaluasi sebagaimana dimaksud dalam "
                                        "[[monev-berkala]] dilaporkan")
    assert clause.text["en"] == next(c for a in base.articles for c in a.clauses if c.id == "monev-laporan").text[
        "en"]  # type: ignore[index]


def test_an_edited_variable_value_updates_the_variable_in_every_language(tmp_path: Path) -> None:
    base, path = _own(next(o[1] for o in OWN if o[0].startswith("edit a number")), tmp_path)
    result = import_docx(path, base=base)
    assert base.term is not None and result.agreement.term is not None
    assert (base.term.duration_years, result.agreement.term.duration_years) == (5, 3)
    clause = next(c for a in result.agreement.articles for c in a.clauses if c.id == "jangka-waktu-berlaku")
    before = next(c for a in base.articles for c in a.clauses if c.id == "jangka-waktu-berlaku")
    assert clause.text == before.text, "the clause keeps its expression in both languages"
    printed = {lang: mou_kit.render_text(result.agreement, lang) for lang in ("id", "en")}
    assert "untuk jangka waktu 3 (tiga) tahun" in " ".join(printed["id"].split())
    assert "for a period of 3 (three) years" in " ".join(printed["en"].split())
    [edit] = result.variables
    assert (edit.node, edit.path, edit.old, edit.new) == ("jangka-waktu-berlaku", "term.duration_years", 5, 3)
    [line] = [x for x in result.report() if "term.duration_years" in x]
    assert line.endswith("jangka-waktu-berlaku: the edit shows '3 (tiga)' where term.duration_years printed "
                         "'5 (lima)': term.duration_years is now 3 (was 5), so every language and every text "
                         "using it follows")
    assert not [a for a in result.attention if "jangka-waktu-berlaku" in a]
    assert result.original == base, "rejecting the tracked change gives the old value back"


def test_an_edit_beyond_the_value_is_reported_not_left_to_drift(tmp_path: Path) -> None:
    """When the sentence around the number changed too, or the new words are no value the variable prints."""
    base, path = _own(lambda d: replace_text(find(d, "untuk jangka waktu 5 (lima)"), "5 (lima) tahun",
                                             "tiga tahun", WHO), tmp_path)
    result = import_docx(path, base=base)
    [note] = [a for a in result.attention if "jangka-waktu-berlaku" in a]
    assert "'5 (lima)'" in note and "term.duration_years" in note
    assert result.agreement.term == base.term and not result.variables
    assert any("jangka-waktu-berlaku" in line and "to do" in line for line in result.report())


def test_two_texts_giving_a_variable_different_values_change_nothing(tmp_path: Path) -> None:
    from mou_kit.importers._result import VariableEdit
    from mou_kit.importers._variables import apply_edits

    base = mou_kit.load(EXAMPLE)
    one = VariableEdit("a", 1, "term.duration_years", 5, 3, "5 (lima)", "3 (tiga)")
    other = VariableEdit("b", 2, "term.duration_years", 5, 4, "5 (lima)", "4 (empat)")
    assert apply_edits(base, [one, other]) == (base, [one, other])
    changed, refused = apply_edits(base, [one, one])
    assert changed.term is not None and changed.term.duration_years == 3 and refused == []


FOREIGN: list[tuple[str, Callable[[Any, Agreement], None], Callable[[Agreement], set[tuple[ChangeKind, str]]]]] = [
    ("delete a clause", lambda d, a: delete_paragraph(find(d, _text(a, 1, 0)), WHO),
     lambda a: {(ChangeKind.REMOVED, a.articles[1].clauses[0].id)}),
    ("insert a clause", lambda d, a: _insert_clause(find(d, _text(a, 2, 0))),
     lambda a: {(ChangeKind.ADDED, "the-customer-keeps-records")}),
    ("move a clause", lambda d, a: move_paragraph(find(d, _text(a, 0, 0)), find(d, _text(a, 0, 2)), WHO),
     lambda a: {(ChangeKind.MOVED, a.articles[0].clauses[0].id)}),
]
FOREIGN_FILES = ("article-en", "word-numbers-id-b", "headings-en-b")
"""Typed numbers; Word list numbering behind a cover table; Heading styles with unnumbered clauses."""


def _insert_clause(after: Any) -> None:
    numbered = after.find(f"{W}pPr/{W}numPr") is not None
    typed = "" if numbered or not after.xpath("string(.)")[:1].isdigit() else "2.9 "
    insert_paragraph(after, f"{typed}The Customer keeps records.", WHO)


def _text(agreement: Agreement, article: int, clause: int) -> str:
    return str(agreement.articles[article].clauses[clause].text)[:40]


@pytest.mark.parametrize("name", FOREIGN_FILES)
@pytest.mark.parametrize(("what", "edit", "expected"), FOREIGN, ids=[f[0] for f in FOREIGN])
def test_tracked_edits_in_an_imported_foreign_docx_are_exactly_the_changes(
        tmp_path: Path, name: str, what: str, edit: Callable[[Any, Agreement], None],
        expected: Callable[[Agreement], set[tuple[ChangeKind, str]]]) -> None:
    spec = next(s for s in specs() if s.name == name)
    path = tmp_path / "contract.docx"
    build(spec, path)
    folder = tmp_path / "mou"
    new_from_file(folder, path)
    with Workspace.open(folder) as ws:
        first = ws.read("HEAD")
    document = docx.Document(str(path))
    edit(document, first)
    document.save(str(path))
    import_revision(folder, path)
    with Workspace.open(folder) as ws:
        old, new = ws.read("HEAD~1"), ws.read("HEAD")
    wanted = expected(first)
    assert _changes(old, new) == wanted
    _untouched_keep_their_texts(old, new, {node for _, node in wanted})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_every_scenario_survives_a_round_trip_through_libreoffice(tmp_path: Path) -> None:
    """Slow (one LibreOffice run, ~10 s): the tracked files saved again by LibreOffice read the same."""
    cases: list[tuple[Path, Agreement, set[tuple[ChangeKind, str]]]] = []
    for k, (_, edit, expected) in enumerate(OWN):
        (tmp_path / f"own{k}").mkdir()
        base, path = _own(edit, tmp_path / f"own{k}")
        cases.append((path, base, expected))
    spec = next(s for s in specs() if s.name == "article-en")
    for k, (_, foreign_edit, foreign_expected) in enumerate(FOREIGN):
        path = tmp_path / f"foreign{k}" / "contract.docx"
        path.parent.mkdir()
        build(spec, path)
        first = import_docx(path).agreement
        document = docx.Document(str(path))
        foreign_edit(document, first)
        document.save(str(path))
        cases.append((path, first, foreign_expected(first)))
    sources = []
    for k, (path, _, _) in enumerate(cases):
        sources.append(path.rename(path.with_name(f"case{k}.docx")))
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, sources)],
                   check=True, capture_output=True, timeout=300)
    for k, (_, base, expected) in enumerate(cases):
        result = import_docx(out / f"case{k}.docx", base=base)
        assert _changes(base, result.agreement) == expected, f"case {k}"
        _untouched_keep_their_texts(base, result.agreement, {node for _, node in expected})
        assert result.original is not None, "LibreOffice kept the tracked changes"
        assert {c.author for c in result.changes} <= {WHO}
        assert _changes(base, result.original) == set(), "rejected, the file is the base again"


def _uno_python() -> str | None:
    """Return a Python that can import LibreOffice's ``uno`` module, else ``None``."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and shutil.which("soffice") and subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=60).returncode == 0:
            return candidate
    return None


UNO = _uno_python()


@pytest.mark.skipif(UNO is None, reason="LibreOffice with its Python-UNO bridge (python3-uno) is not installed")
def test_edits_made_by_libreoffice_itself_under_a_named_author(tmp_path: Path) -> None:
    """Slow (one LibreOffice session, ~5 s): LibreOffice deletes Pasal 7 ayat (2) whole and inserts a
    clause with change tracking on, as "BP3MI Kalbar" and "Polda Kalbar"."""
    base = mou_kit.load(EXAMPLE)
    source = tmp_path / "kalbar.docx"
    mou_kit.render_docx(base, source, lang="id", folder=EXAMPLE)
    jobs = [{"src": str(source), "dst": str(tmp_path / "deleted.docx"), "author": WHO, "action": "delete",
             "find": "Hasil pemantauan dan evaluasi", "text": ""},
            {"src": str(source), "dst": str(tmp_path / "inserted.docx"), "author": "Polda Kalbar", "action": "insert",
             "find": "PARA PIHAK wajib melindungi data pribadi", "text": "PARA PIHAK menunjuk petugas pengelola data."}]
    (tmp_path / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    assert UNO is not None
    subprocess.run([UNO, str(Path(__file__).with_name("uno_edit.py")), str(tmp_path / "profile"),
                    str(tmp_path / "jobs.json")], check=True, capture_output=True, timeout=300)
    for name, author, expected in (
            ("deleted.docx", WHO, {(ChangeKind.REMOVED, "monev-laporan")}),
            ("inserted.docx", "Polda Kalbar", {(ChangeKind.ADDED, "para-pihak-menunjuk-petugas-pengelola-da")})):
        result = import_docx(tmp_path / name, base=base)
        assert _changes(base, result.agreement) == expected, name
        _untouched_keep_their_texts(base, result.agreement, {node for _, node in expected})
        assert {c.author for c in result.changes} == {author}
        assert result.original == base
        [proposal] = result.proposals
        assert proposal.author == author
