"""Lifecycle moves as revisions, and the commit path refusing text changes once agreed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mou_kit.errors import LifecycleError
from mou_kit.model import LifecycleState as S
from mou_kit.workflow import advance_revision
from mou_kit.workflow.stages import lifecycle_events
from mou_kit.workspace import Workspace
from tests.builders import build


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace of a two-party agreement in negotiation."""
    with Workspace.init(tmp_path / "mou", build("a1[c1,c2]", state="negotiation"), proposed_by="party-1") as opened:
        yield opened


def _reworded(ws: Workspace, text: str = "Teks baru.") -> object:
    agreement = ws.read()
    agreement.articles[0].clauses[0].text = text
    return agreement


def test_advance_commits_the_state_with_a_stage_trailer(ws: Workspace) -> None:
    revision, event = advance_revision(ws, "agreed", date=dt.date(2023, 7, 25), actor="party-1")
    assert (revision.stage, revision.proposed_by, ws.read().state) == ("agreed", "party-1", S.AGREED)
    assert revision.summary == "Lifecycle: negotiation -> agreed on 2023-07-25"
    assert event.revision == revision.short_id


def test_no_text_change_after_agreed_until_back_in_negotiation(ws: Workspace) -> None:
    advance_revision(ws, "agreed")
    head = ws.resolve("HEAD").id
    with pytest.raises(LifecycleError) as caught:
        ws.commit(_reworded(ws), "Ubah ayat 1")  # type: ignore[arg-type]
    assert caught.value.code == "text-frozen"
    assert ws.resolve("HEAD").id == head  # nothing committed
    with pytest.raises(LifecycleError, match="needs a reason"):
        advance_revision(ws, "negotiation")
    back, _ = advance_revision(ws, "negotiation", reason="Pihak 2 meminta perubahan ayat 1")
    assert "Pihak 2 meminta perubahan ayat 1" in back.message
    ws.commit(_reworded(ws), "Ubah ayat 1")  # type: ignore[arg-type]
    assert ws.read().articles[0].clauses[0].text == "Teks baru."
    events = lifecycle_events(ws)
    assert [(e.previous.value, e.state.value, e.reason) for e in events] == [
        ("negotiation", "agreed", None), ("agreed", "negotiation", "Pihak 2 meminta perubahan ayat 1")]
    assert events[1].revision == back.short_id


def test_commit_folder_is_guarded_too(ws: Workspace) -> None:
    advance_revision(ws, "agreed")
    article = ws.path / "articles" / "a1.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("Text of c1.", "Teks diubah."), encoding="utf-8")
    with pytest.raises(LifecycleError, match="its text is frozen"):
        ws.commit_folder("Ubah dari folder")


def test_agreed_refused_with_a_lint_error(tmp_path: Path) -> None:
    with (Workspace.init(tmp_path / "mou", build(state="negotiation", title="Kerja Sama Uji.")) as ws,
          pytest.raises(LifecycleError, match="cannot be agreed with lint errors: MOU201")):
        advance_revision(ws, "agreed")


def test_signed_refused_without_date(ws: Workspace) -> None:
    advance_revision(ws, "agreed")
    with pytest.raises(LifecycleError, match="without the date of signing"):
        advance_revision(ws, "signed")
    revision, _ = advance_revision(ws, "signed", date=dt.date(2023, 8, 1))
    assert (revision.stage, str(ws.read().date)) == ("signed", "2023-08-01")


def test_agreed_refused_while_a_merge_has_conflicts(ws: Workspace) -> None:
    from mou_kit.workflow import agreement_status
    from mou_kit.workspace.proposals import merge_branch, propose, switch
    from tests.workspace.conftest import edited

    for party, text in (("party-1", "Satu."), ("party-2", "Dua.")):
        propose(ws, party)
        ws.commit(edited(ws, c1=text), f"usulan {party}", proposed_by=party)  # type: ignore[arg-type]
        switch(ws, "main")
    merge_branch(ws, "proposal/party-1")
    assert merge_branch(ws, "proposal/party-2").conflicts
    with pytest.raises(LifecycleError) as caught:
        advance_revision(ws, "agreed")
    assert caught.value.message == ("cannot be agreed with unresolved merge conflicts on c1; resolve them "
                                    "and commit first")
    assert "merge conflict on c1" in agreement_status(ws.path).open


def test_merging_an_older_proposal_into_an_agreed_branch_is_refused(ws: Workspace) -> None:
    from mou_kit.workspace.proposals import merge_branch, propose, switch
    from tests.workspace.conftest import edited

    propose(ws, "party-2")
    ws.commit(edited(ws, c1="Usulan lama."), "usulan", proposed_by="party-2")  # type: ignore[arg-type]
    switch(ws, "main")
    advance_revision(ws, "agreed")
    with pytest.raises(LifecycleError, match="its text is frozen, but this revision changes articles"):
        merge_branch(ws, "proposal/party-2")
    assert ws.read().articles[0].clauses[0].text == "Text of c1."
