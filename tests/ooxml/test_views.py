"""The one OOXML layer: what the tracked-change writer writes, the accepted and rejected views read back."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings, strategies as st

from mou_kit.ooxml import tracked
from mou_kit.ooxml.names import W, qn
from mou_kit.ooxml.views import FIELD, Fields, accepted, change_of, present, project, rejected

words = st.text(alphabet="abcxyz ", min_size=1, max_size=6)
pieces = st.lists(st.tuples(st.sampled_from(["same", "ins", "del", "moveFrom", "moveTo"]), words),
                  min_size=1, max_size=8)


def _field_runs(instruction: str, cached: str) -> list[Any]:
    from docx.oxml import OxmlElement

    runs = []
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("t", cached), ("end", None)):
        r = OxmlElement("w:r")
        if kind == "instr":
            child = OxmlElement("w:instrText")
            child.text = text
        elif kind == "t":
            child = tracked.text_run(cached)[0]
        else:
            child = OxmlElement("w:fldChar")
            child.set(qn("w:fldCharType"), kind)
        r.append(child)
        runs.append(r)
    return runs


def _docx(parts: list[tuple[str, str]], *, with_field: bool = False) -> bytes:
    from docx import Document

    document = Document()
    body = document.element.body
    revisions = tracked.Revisions(author="BP3MI", date=None)
    p = tracked.new_paragraph(tracked.ParaFormat())
    for role, text in parts:
        run = tracked.text_run(text, deleted=role in ("del", "moveFrom"))
        p.append(run if role == "same" else tracked.wrap([run], role, revisions))  # type: ignore[arg-type]
    if with_field:
        for r in _field_runs("REF _Ref1 \\r \\h", "(2)"):
            p.append(r)
    body.find(qn("w:sectPr")).addprevious(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=30, deadline=None)
@given(pieces)
def test_accepting_keeps_inserted_text_and_rejecting_keeps_deleted_text(parts: list[tuple[str, str]]) -> None:
    data = _docx(parts)
    new = "".join(text for role, text in parts if role in ("same", "ins", "moveTo"))
    old = "".join(text for role, text in parts if role in ("same", "del", "moveFrom"))
    assert project(data, accept=True)[0].text == new
    assert project(data, accept=False)[0].text == old


def test_a_field_shows_once_and_its_cached_result_is_not_text() -> None:
    data = _docx([("same", "lihat ayat "), ("ins", "baru ")], with_field=True)
    assert project(data, accept=True)[0].text == f"lihat ayat baru {FIELD}"
    assert project(data, accept=False)[0].text == f"lihat ayat {FIELD}"


def test_fields_follow_begin_instruction_result_end() -> None:
    fields = Fields()
    kinds = [fields.feed(r[0]) for r in _field_runs("REF _Ref9", "(1)")[:2]]
    assert kinds == ["begin", "instr"] and fields.in_instruction and fields.instruction == "REF _Ref9"
    for r in _field_runs("REF _Ref9", "(1)")[2:4]:
        fields.feed(r[0])
    assert fields.in_result and not fields.in_instruction and fields.depth == 1
    fields.feed(_field_runs("", "")[4][0])
    assert fields.depth == 0 and fields.instruction == "" and not fields.in_result


def test_the_writer_marks_author_and_unique_ids_the_reader_finds() -> None:
    revisions = tracked.Revisions(author="Kanwil", date="2023-07-25T00:00:00Z")
    p = tracked.new_paragraph(tracked.ParaFormat())
    runs = [tracked.text_run("a"), tracked.text_run("b", deleted=True)]
    p.append(tracked.wrap([runs[0]], "ins", revisions))
    p.append(tracked.wrap([runs[1]], "del", revisions))
    marks = [change_of(r, p) for r in runs]
    assert [m.kind for m in marks if m] == ["ins", "del"]
    assert {m.author for m in marks if m} == {"Kanwil"} and {m.date for m in marks if m} == {"2023-07-25T00:00:00Z"}
    assert len({el.get(f"{W}id") for el in p.iter(f"{W}ins", f"{W}del")}) == 2
    assert present(marks[0], accepted) and not present(marks[0], rejected)
    assert present(marks[1], rejected) and not present(marks[1], accepted)


def test_qn_names_word_tags_as_python_docx_does() -> None:
    from docx.oxml.ns import qn as docx_qn

    for tag in ("w:p", "w:ins", "w:moveFromRangeStart", "w:id"):
        assert qn(tag) == docx_qn(tag)
