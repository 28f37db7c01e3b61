"""The JSON API: its OpenAPI description covers every route, and each route does what its page does."""

from __future__ import annotations

import io
import json
from pathlib import Path

from starlette.routing import Route
from starlette.testclient import TestClient

from mou_kit import Workspace, render_pdf
from mou_kit.web import create_app
from mou_kit.web.openapi import document
from tests.web.conftest import FIRST_MEETING, LAST_MEETING, NAME

HEADERS = {"X-Requested-With": "test"}


def test_openapi_is_json_and_names_every_api_route(client: TestClient, root: Path) -> None:
    answer = client.get("/api/openapi.json")
    described = json.loads(answer.text)
    assert described["openapi"].startswith("3.1") and described == json.loads(json.dumps(document()))
    served = {(r.path, m) for r in create_app(root).routes if isinstance(r, Route) and r.path.startswith("/api/")
              for m in (r.methods or ()) if m != "HEAD"}
    listed = {(path, method.upper()) for path, ops in described["paths"].items() for method in ops}
    assert served == listed
    for ops in described["paths"].values():
        for op in ops.values():
            assert op["summary"] and "4XX" in op["responses"]
            assert all(p["in"] in ("path", "query", "header") for p in op["parameters"])
            refs = json.dumps(op).count("#/components/schemas/")
            assert refs == json.dumps(op).count("#/components/schemas/Error")


def test_agreement_rows_in_both_languages_and_findings(client: TestClient) -> None:
    found = client.get(f"/api/agreements/{NAME}").json()
    rows = {r["node"]: r for r in found["rows"]}
    assert rows["maksud-dan-tujuan"]["labels"] == {"id": "Pasal 1", "en": "Article 1"}
    assert rows["maksud"]["texts"]["id"].startswith("Nota Kesepahaman ini dimaksudkan")
    assert any(f["name"] == "term-capitalisation" for f in found["findings"])
    assert found["agreement"]["id"] == "tppo-kalbar" and len(found["revision"]["id"]) == 40


def test_portfolio_revisions_meetings_and_history(client: TestClient) -> None:
    portfolio = client.get("/api/agreements").json()
    assert [a["name"] for a in portfolio["agreements"]] == [NAME]
    log = client.get(f"/api/agreements/{NAME}/revisions").json()
    assert log["branch"] == "main" and log["revisions"][0]["meeting"] == LAST_MEETING
    node = client.get(f"/api/agreements/{NAME}/revisions?node=lingkup-pencegahan").json()["revisions"]
    assert node and all("text" in r for r in node)
    meetings = client.get(f"/api/agreements/{NAME}/meetings").json()["meetings"]
    assert [m["meeting"]["id"] for m in meetings] == [FIRST_MEETING, LAST_MEETING]


def test_meeting_diff_and_advance(client: TestClient) -> None:
    made = client.post(f"/api/agreements/{NAME}/meetings", headers=HEADERS, json={
        "id": "rapat-2023-08-01", "date": "2023-08-01", "place": "Pontianak",
        "decisions": ["lingkup-pencegahan=disepakati:Diterima."]})
    assert made.status_code == 201 and made.json()["tag"] == "meeting/rapat-2023-08-01"
    diff = client.get(f"/api/agreements/{NAME}/diff?a={FIRST_MEETING}&b={LAST_MEETING}").json()
    assert diff["changes"]
    bad = client.post(f"/api/agreements/{NAME}/meetings", headers=HEADERS, json={"id": "x", "date": "soon"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] in ("missing-key", "invalid-value")
    moved = client.post(f"/api/agreements/{NAME}/advance", headers=HEADERS, json={"state": "negotiation"})
    assert moved.status_code == 201 and moved.json()["state"] == "negotiation"
    assert client.post(f"/api/agreements/{NAME}/advance", headers=HEADERS, content=b"[1]").status_code == 422


def test_render_and_verify_an_unsigned_copy(client: TestClient, root: Path) -> None:
    from pypdf import PdfReader

    pdf = client.get(f"/api/agreements/{NAME}/render?format=pdf")
    assert pdf.status_code == 200 and PdfReader(io.BytesIO(pdf.content)).pages
    checked = client.post(f"/api/agreements/{NAME}/verify", headers=HEADERS, data={"allow_unsigned": "1"},
                          files={"file": ("copy.pdf", pdf.content)})
    with Workspace.open(root / NAME) as ws:
        tip = ws.log(limit=1)[0].id
    assert checked.status_code == 200 and checked.json()["revision"] == tip, checked.text
    with Workspace.open(root / NAME) as ws:
        earlier, settled = ws.read(FIRST_MEETING), ws.resolve(FIRST_MEETING).id
    found = client.post(f"/api/agreements/{NAME}/verify", headers=HEADERS, data={"allow_unsigned": "1"},
                        files={"file": ("x.pdf", render_pdf(earlier, lang="id", revision=settled[:10]))})
    assert found.json()["revision"] == settled
    earlier.set_text("maksud", "Teks yang tidak pernah dibahas.", lang="id")
    stranger = client.post(f"/api/agreements/{NAME}/verify", headers=HEADERS, data={"allow_unsigned": "1"},
                           files={"file": ("x.pdf", render_pdf(earlier, lang="id"))})
    assert stranger.json()["ok"] is False and stranger.json()["revision"] is None and stranger.json()["problems"]
