"""Editing a clause as a party: a revision on its proposal branch, and never an overwrite of another's edit."""

from __future__ import annotations

import html
import re
from pathlib import Path

from starlette.testclient import TestClient

from mou_kit import Workspace
from tests.web.conftest import NAME, csrf, post

NEW_ID = "Para Pihak saling bertukar data, informasi, dan dokumen secara berkala."


def _read_at(client: TestClient, node: str, party: str) -> str:
    page = client.get(f"/a/{NAME}/edit/{node}?party={party}").text
    found = re.search(r'name="read_at" value="([0-9a-f]{40})"', page)
    assert found, page
    return found.group(1)


def _edit(client: TestClient, node: str, party: str, read_at: str, text: str) -> object:
    return post(client, f"/a/{NAME}/edit/{node}", {"party": party, "read_at": read_at, "text_id": text})


def test_an_edit_is_a_revision_on_the_partys_branch_and_leaves_the_folder_alone(client: TestClient,
                                                                               root: Path) -> None:
    folder = root / NAME
    before = {p: p.read_bytes() for p in (folder / "articles").iterdir()}
    answer = _edit(client, "maksud", "bp3mi-kalbar", _read_at(client, "maksud", "bp3mi-kalbar"), NEW_ID)
    assert answer.status_code == 303  # type: ignore[attr-defined]
    with Workspace.open(folder) as ws:
        assert ws.branch == "main"  # nothing was checked out
        main_text = ws.read().find("maksud").text  # type: ignore[union-attr]
        revision = ws.resolve("proposal/bp3mi-kalbar")
        mine = ws.read(revision.id).find("maksud").text  # type: ignore[union-attr]
    assert revision.proposed_by == "bp3mi-kalbar"
    assert isinstance(mine, dict) and mine["id"] == NEW_ID and mine["en"] == main_text["en"]  # type: ignore[index]
    assert {p: p.read_bytes() for p in (folder / "articles").iterdir()} == before
    shown = client.get(answer.headers["location"]).text  # type: ignore[attr-defined]
    assert revision.short_id in shown and NEW_ID in shown


def test_two_editors_of_different_clauses_both_land(client: TestClient, root: Path) -> None:
    first, second = (_read_at(client, node, "bp3mi-kalbar") for node in ("maksud", "tujuan"))
    assert first == second  # both opened the same revision
    assert _edit(client, "maksud", "bp3mi-kalbar", first, NEW_ID).status_code == 303  # type: ignore[attr-defined]
    assert _edit(client, "tujuan", "bp3mi-kalbar", second, "Tujuan baru.").status_code == 303  # type: ignore[attr-defined]
    with Workspace.open(root / NAME, branch="proposal/bp3mi-kalbar") as ws:
        draft = ws.read()
    assert draft.find("maksud").text["id"] == NEW_ID  # type: ignore[union-attr,index]
    assert draft.find("tujuan").text["id"] == "Tujuan baru."  # type: ignore[union-attr,index]


def test_the_same_clause_twice_refuses_the_second_naming_it_and_keeps_its_words(client: TestClient,
                                                                                root: Path) -> None:
    read_at = _read_at(client, "maksud", "bp3mi-kalbar")
    assert _edit(client, "maksud", "bp3mi-kalbar", read_at, NEW_ID).status_code == 303  # type: ignore[attr-defined]
    late = _edit(client, "maksud", "bp3mi-kalbar", read_at, "Rumusan yang terlambat.")
    assert late.status_code == 409  # type: ignore[attr-defined]
    text = late.text  # type: ignore[attr-defined]
    assert "maksud" in text and "merge-conflict" in text and "Rumusan yang terlambat." in text
    assert "Pasal 1 ayat (1) (maksud) telah diubah orang lain" in text
    assert "Traceback" not in text
    with Workspace.open(root / NAME, branch="proposal/bp3mi-kalbar") as ws:
        assert ws.read().find("maksud").text["id"] == NEW_ID  # type: ignore[union-attr,index]


def test_parties_edit_their_own_branches(client: TestClient, root: Path) -> None:
    for party, words in (("bp3mi-kalbar", "Usulan BP3MI."), ("kanwil-kemenkumham-kalbar", "Usulan Kanwil.")):
        assert _edit(client, "maksud", party, _read_at(client, "maksud", party), words).status_code == 303  # type: ignore[attr-defined]
    with Workspace.open(root / NAME) as ws:
        assert ws.read("proposal/bp3mi-kalbar").find("maksud").text["id"] == "Usulan BP3MI."  # type: ignore[union-attr,index]
        assert ws.read("proposal/kanwil-kemenkumham-kalbar").find("maksud").text["id"] == "Usulan Kanwil."  # type: ignore[union-attr,index]


def test_an_unknown_party_or_empty_edit_is_one_line(client: TestClient) -> None:
    read_at = _read_at(client, "maksud", "bp3mi-kalbar")
    stranger = _edit(client, "maksud", "nobody", read_at, NEW_ID)
    assert stranger.status_code == 422 and "'nobody' is not a party" in html.unescape(stranger.text)  # type: ignore[attr-defined]
    same = _edit(client, "maksud", "bp3mi-kalbar", read_at, "")
    assert same.status_code == 409 and "nothing-to-commit" in same.text  # type: ignore[attr-defined]


def test_api_edit_conflict_is_409_naming_the_node(client: TestClient) -> None:
    read_at = _read_at(client, "maksud", "bp3mi-kalbar")
    headers = {"X-Requested-With": "test"}
    body = {"node": "maksud", "party": "bp3mi-kalbar", "read_at": read_at, "texts": {"id": NEW_ID}}
    made = client.post(f"/api/agreements/{NAME}/edits", json=body, headers=headers)
    assert made.status_code == 201 and made.json()["revision"]["proposed_by"] == "bp3mi-kalbar"
    late = client.post(f"/api/agreements/{NAME}/edits", json=body | {"texts": {"id": "Lain."}}, headers=headers)
    assert late.status_code == 409 and late.json()["error"] | {"message": ""} == {
        "code": "merge-conflict", "message": "", "node": "maksud"}
    assert csrf(client)  # the API needs no form token, only the header
