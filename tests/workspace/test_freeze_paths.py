"""Issue #20, item 2: one freeze guard on every path that commits; the state moves only as a lifecycle move."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit.errors import LifecycleError, MouKitError
from mou_kit.model import LifecycleState
from mou_kit.workspace import Workspace
from mou_kit.workspace.proposals import merge_branch, propose, switch
from tests.workspace.conftest import edited


def _tip(ws: Workspace) -> str:
    return ws.resolve("HEAD").id


@pytest.mark.parametrize("state", ["in-force", "agreed", "terminated"])
def test_a_state_edited_into_the_folder_is_not_a_move(ws: Workspace, state: str) -> None:
    before = _tip(ws)
    file = Path(ws.path) / "agreement.yaml"
    text = file.read_text()
    file.write_text(text.replace("state: draft", f"state: {state}") if "state:" in text else text + f"state: {state}\n")
    with pytest.raises(LifecycleError) as refused:
        ws.commit_folder("skip the lifecycle", proposed_by="party-1")
    assert refused.value.code == "lifecycle-illegal" and f"draft -> {state}" in str(refused.value)
    assert _tip(ws) == before


def test_a_state_set_in_code_is_not_a_move(ws: Workspace) -> None:
    agreement = ws.read()
    agreement.state = LifecycleState.SIGNED
    with pytest.raises(LifecycleError):
        ws.commit(agreement, "signed, says who")


def test_a_recorded_move_still_commits(ws: Workspace) -> None:
    agreement = ws.read()
    agreement.state = LifecycleState.NEGOTIATION
    ws.commit(agreement, "Lifecycle: draft -> negotiation", stage="negotiation")
    assert ws.read().state is LifecycleState.NEGOTIATION


def test_merging_an_edit_into_an_agreed_text_is_refused(ws: Workspace) -> None:
    """The sync case: our branch edited the text while theirs became agreed; the merged result is checked."""
    base = ws.read()
    base.state = LifecycleState.NEGOTIATION
    ws.commit(base, "negotiation", stage="negotiation")
    propose(ws, "party-2")
    ws.commit(edited(ws, c3="Our late edit."), "edit", proposed_by="party-2")
    switch(ws, "main")
    agreed = ws.read()
    agreed.state = LifecycleState.AGREED
    ws.commit(agreed, "agreed", stage="agreed")
    switch(ws, "proposal/party-2")
    before = _tip(ws)
    with pytest.raises(MouKitError) as refused:
        merge_branch(ws, "main")
    assert refused.value.code == "text-frozen" and "changes articles" in str(refused.value)
    assert _tip(ws) == before


def test_a_bad_revision_made_with_plain_git_is_named(ws: Workspace) -> None:
    import subprocess

    from mou_kit.errors import ValidationFailed

    folder = Path(ws.path)
    file = folder / "agreement.yaml"
    file.write_text(file.read_text() + "plase: Pontianak\n")
    subprocess.run(["git", "-C", str(folder), "commit", "-qam", "by hand"], check=True)
    sha = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True,
                         check=True).stdout.strip()
    with Workspace.open(folder) as fresh, pytest.raises(ValidationFailed) as failed:
        fresh.read()
    assert str(failed.value).startswith(f"{sha[:10]}:agreement.yaml:") and "plase" in str(failed.value)
