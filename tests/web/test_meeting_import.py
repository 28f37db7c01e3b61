"""Recording a meeting, importing a counterpart's Word file (preview, commit, discard), moving the lifecycle."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from starlette.testclient import TestClient

from mou_kit import Workspace, render_docx
from tests.web.conftest import LAST_MEETING, NAME, post

DECISION = "Usulan BP3MI diterima dengan perbaikan redaksi."


def _meeting_form(**extra: object) -> dict[str, object]:
    return {"id": "rapat-2023-08-01", "date": "2023-08-01", "place": "Aula Polda Kalbar, Pontianak",
            "title": "Rapat ketiga", "chair_name": "Kompol Abdul Rachman", "chair_institution": "Biro Operasi Polda "
            "Kalbar", "chair_role": "Kabag Kerja Sama",
            "attendees": "Intan Hernia|BP3MI Kalbar|Perwakilan\nHarniati|Kanwil Kemenkumham Kalbar|Plh Kakanwil",
            "decision_node": ["lingkup-pencegahan", ""], "decision_result": ["disepakati", ""],
            "decision_aspect": ["redaksional", ""], "decision_text": [DECISION, ""],
            "decision_response": ["Polda Kalbar menerima.", ""]} | extra


def test_a_meeting_is_recorded_with_its_decisions_and_tagged(client: TestClient, root: Path) -> None:
    answer = post(client, f"/a/{NAME}/meeting", _meeting_form())
    assert answer.status_code == 303  # type: ignore[attr-defined]
    with Workspace.open(root / NAME) as ws:
        meeting, revision = ws.meeting("rapat-2023-08-01")
        assert ws.meeting_tags()["rapat-2023-08-01"] == revision.id
    decision = meeting.decided()["lingkup-pencegahan"]
    assert (decision.result, decision.aspect, decision.text, decision.response) == (
        "agreed", "wording", DECISION, "Polda Kalbar menerima.")
    assert meeting.chair is not None and meeting.chair.name == "Kompol Abdul Rachman"
    assert [a.party for a in meeting.attendees] == ["bp3mi-kalbar", "kanwil-kemenkumham-kalbar"]
    dim = client.get(f"/a/{NAME}/compare?a={LAST_MEETING}&b=rapat-2023-08-01&kind=dim").text
    assert DECISION in html.unescape(dim)


def test_a_meeting_recorded_twice_or_about_an_unknown_clause_is_refused(client: TestClient) -> None:
    assert post(client, f"/a/{NAME}/meeting", _meeting_form()).status_code == 303  # type: ignore[attr-defined]
    again = post(client, f"/a/{NAME}/meeting", _meeting_form())
    assert again.status_code == 409 and "meeting-exists" in again.text  # type: ignore[attr-defined]
    unknown = post(client, f"/a/{NAME}/meeting", _meeting_form(id="rapat-lain", decision_node=["lingkup-pencegahn"]))
    assert unknown.status_code == 422 and "did you mean lingkup-pencegahan" in unknown.text  # type: ignore[attr-defined]
    bad_date = post(client, f"/a/{NAME}/meeting", _meeting_form(id="rapat-x", date="1 Agustus"))
    assert bad_date.status_code == 422 and "is not a date" in html.unescape(bad_date.text)  # type: ignore[attr-defined]


def _counterpart(root: Path) -> bytes:
    with Workspace.open(root / NAME) as ws:
        draft = ws.read()
    draft.set_text("maksud", "Maksud Nota Kesepahaman ini menurut usulan Kanwil.", lang="id")
    return render_docx(draft, lang="id")


def _leftovers() -> set[str]:
    return {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("mou-serve-")}


def test_import_preview_commits_nothing_then_commit_does(client: TestClient, root: Path) -> None:
    with Workspace.open(root / NAME) as ws:
        tip = ws.log(limit=1)[0].id
    files = {"file": ("dari-kanwil.docx", _counterpart(root))}
    before = _leftovers()
    preview = post(client, f"/a/{NAME}/import", {"party": "kanwil-kemenkumham-kalbar", "mode": "accept"},
                   files=files)
    assert preview.status_code == 200 and "menurut usulan Kanwil" in preview.text  # type: ignore[attr-defined]
    assert _leftovers() == before  # the upload lived only for the request
    with Workspace.open(root / NAME) as ws:
        assert ws.log(limit=1)[0].id == tip
    fields = dict(_hidden(preview.text))  # type: ignore[attr-defined]
    assert fields["base"] == tip
    done = post(client, f"/a/{NAME}/import/commit", fields | {"action": "commit"})
    assert done.status_code == 303  # type: ignore[attr-defined]
    with Workspace.open(root / NAME) as ws:
        head = ws.log(limit=1)[0]
        assert head.proposed_by == "kanwil-kemenkumham-kalbar" and "dari-kanwil.docx" in head.summary
        assert "menurut usulan Kanwil" in ws.read().find("maksud").text["id"]  # type: ignore[union-attr,index]
    stale = post(client, f"/a/{NAME}/import/commit", fields | {"action": "commit"})
    assert stale.status_code == 409 and "preview the file again" in stale.text  # type: ignore[attr-defined]


def test_discarding_a_preview_commits_nothing(client: TestClient, root: Path) -> None:
    preview = post(client, f"/a/{NAME}/import", {"mode": "accept"}, files={"file": ("x.docx", _counterpart(root))})
    with Workspace.open(root / NAME) as ws:
        tip = ws.log(limit=1)[0].id
    done = post(client, f"/a/{NAME}/import/commit", dict(_hidden(preview.text)) | {"action": "discard"})  # type: ignore[attr-defined]
    assert done.status_code == 303 and "discarded" in done.headers["location"]  # type: ignore[attr-defined]
    with Workspace.open(root / NAME) as ws:
        assert ws.log(limit=1)[0].id == tip


def test_a_file_that_is_not_docx_is_one_line(client: TestClient) -> None:
    answer = post(client, f"/a/{NAME}/import", {"mode": "accept"}, files={"file": ("x.docx", b"not a zip")})
    assert answer.status_code == 422 and "Traceback" not in answer.text  # type: ignore[attr-defined]
    assert answer.text.count('class="line"') == 1  # type: ignore[attr-defined]


def test_advance_with_guards_and_reasons(client: TestClient, root: Path) -> None:
    moved = post(client, f"/a/{NAME}/advance", {"state": "negotiation"})
    assert moved.status_code == 303 and "draft-%3Enegotiation" in moved.headers["location"]  # type: ignore[attr-defined]
    back = post(client, f"/a/{NAME}/advance", {"state": "draft"})
    assert back.status_code in (409, 422) and "reason" in back.text  # type: ignore[attr-defined]
    with Workspace.open(root / NAME) as ws:
        assert ws.read().state.value == "negotiation"


def _hidden(page: str) -> list[tuple[str, str]]:
    import re

    return [(m.group(1), html.unescape(m.group(2)))
            for m in re.finditer(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page)]
