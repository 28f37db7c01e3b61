"""The transition table: every allowed move, illegal moves named with the allowed ones, reasons."""

from __future__ import annotations

import pytest

from mou_kit.errors import LifecycleError
from mou_kit.lifecycle import TRANSITIONS, allowed, check_move
from mou_kit.model import LifecycleState as S


@pytest.mark.parametrize(("current", "target"), [(a, b) for a, targets in TRANSITIONS.items() for b in targets
                                                 if (a, b) not in {(S.AGREED, S.NEGOTIATION),
                                                                   (S.SIGNED, S.NEGOTIATION),
                                                                   (S.NEGOTIATION, S.DRAFT)}
                                                 and b != S.TERMINATED])
def test_allowed_moves_pass_without_reason(current: S, target: S) -> None:
    check_move(current, target)


@pytest.mark.parametrize(("current", "target", "message"), [
    (S.DRAFT, S.SIGNED, "cannot move from 'draft' to 'signed'; allowed from 'draft': negotiation"),
    (S.NEGOTIATION, S.IN_FORCE, "cannot move from 'negotiation' to 'in-force'; allowed from 'negotiation': "
                                "agreed, draft"),
    (S.TERMINATED, S.IN_FORCE, "cannot move from 'terminated' to 'in-force'; allowed from 'terminated': "
                               "none: it is a final state"),
    (S.AGREED, S.AGREED, "cannot move from 'agreed' to 'agreed'; allowed from 'agreed': signed, negotiation"),
])
def test_illegal_move_names_current_requested_and_allowed(current: S, target: S, message: str) -> None:
    with pytest.raises(LifecycleError) as caught:
        check_move(current, target)
    assert caught.value.message == message
    assert caught.value.code == "lifecycle-illegal"


@pytest.mark.parametrize(("current", "target"), [
    (S.AGREED, S.NEGOTIATION), (S.SIGNED, S.NEGOTIATION), (S.NEGOTIATION, S.DRAFT), (S.IN_FORCE, S.TERMINATED)])
def test_going_back_or_terminating_needs_a_reason(current: S, target: S) -> None:
    with pytest.raises(LifecycleError, match="needs a reason: pass --reason") as caught:
        check_move(current, target, reason="  ")
    assert caught.value.code == "lifecycle-guard"
    check_move(current, target, reason="Polda asks to reword Pasal 3")


def test_every_state_is_in_the_table() -> None:
    assert set(TRANSITIONS) == set(S)
    assert allowed(S.TERMINATED) == ()
