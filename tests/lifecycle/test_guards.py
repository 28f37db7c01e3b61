"""Guards: agreed needs no conflicts and no lint errors; signed needs signatories and a date; frozen text."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_kit.errors import LifecycleError
from mou_kit.lifecycle import OpenItems, advance, check_edit
from mou_kit.lifecycle.guards import text_changes
from mou_kit.model import LifecycleState as S
from tests.builders import build

DAY = dt.date(2023, 8, 1)


@pytest.mark.parametrize(("items", "message"), [
    (OpenItems(conflicts=("c1", "p2")), "cannot be agreed with unresolved merge conflicts on c1, p2; resolve them "
                                        "and commit first"),
    (OpenItems(lint_errors=("MOU201 title",)), "cannot be agreed with lint errors: MOU201 title; fix them "
                                               "and commit first"),
])
def test_agreed_refused_while_something_is_open(items: OpenItems, message: str) -> None:
    with pytest.raises(LifecycleError) as caught:
        advance(build(state="negotiation"), S.AGREED, open_items=items)
    assert caught.value.message == message
    assert caught.value.code == "lifecycle-guard"


def test_signed_needs_every_signatory() -> None:
    agreement = build(state="agreed")
    agreement.parties[1].signatory = None
    with pytest.raises(LifecycleError) as caught:
        advance(agreement, S.SIGNED, date=DAY)
    assert caught.value.message == ("cannot be signed: no signatory or signature for party-2; add each party's "
                                    "signatory in agreement.yaml and sign")


def test_signed_needs_every_signature_when_signatures_are_known() -> None:
    with pytest.raises(LifecycleError, match="no signatory or signature for party-2"):
        advance(build(state="agreed"), S.SIGNED, date=DAY, open_items=OpenItems(signed_by=frozenset({"party-1"})))


def test_signed_needs_the_date_of_signing() -> None:
    with pytest.raises(LifecycleError) as caught:
        advance(build(state="agreed"), S.SIGNED)
    assert caught.value.message == "cannot be signed without the date of signing: pass --date YYYY-MM-DD"


def test_signing_sets_state_and_date_and_records_the_event() -> None:
    moved, event = advance(build(state="agreed"), S.SIGNED, date=DAY, actor="party-1",
                           open_items=OpenItems(signed_by=frozenset({"party-1", "party-2"})))
    assert (moved.state, moved.date) == (S.SIGNED, DAY)
    assert {"state", "date"} <= moved.model_fields_set
    assert (event.previous, event.state, event.date, event.actor) == (S.AGREED, S.SIGNED, DAY, "party-1")


@pytest.mark.parametrize("state", ["agreed", "signed", "in-force"])
def test_text_is_frozen_from_agreed_on(state: str) -> None:
    before = build("a1[c1,c2]", state=state, texts={"c1": "Teks lama."})
    after = build("a1[c1,c2]", state=state, texts={"c1": "Teks baru."})
    with pytest.raises(LifecycleError) as caught:
        check_edit(before, after)
    assert caught.value.code == "text-frozen"
    assert caught.value.message == (
        f"agreement 'test-agreement' is {state}: its text is frozen, but this revision changes articles; "
        "move it back to negotiation first (with a reason)")


@pytest.mark.parametrize(("before", "after"), [
    (build(state="negotiation"), build(state="negotiation", title="Judul Lain")),
    (build(state="agreed"), build(state="signed", date=DAY)),
    (build(state="agreed"), build(state="negotiation")),
])
def test_allowed_edits(before: object, after: object) -> None:
    check_edit(before, after)  # type: ignore[arg-type]


def test_text_changes_ignore_state_and_date() -> None:
    assert text_changes(build(state="agreed"), build(state="signed", date=DAY, title="Lain")) == ["title"]


def test_agreed_records_the_date_set_for_signing_and_signed_defaults_to_it() -> None:
    agreed, event = advance(build(state="negotiation"), S.AGREED, date=dt.date(2023, 7, 25), signing_date=DAY)
    assert (agreed.state, agreed.date, event.date) == (S.AGREED, DAY, dt.date(2023, 7, 25))
    assert "date" in agreed.model_dump(exclude_unset=True)
    signed, event = advance(agreed, S.SIGNED)
    assert (signed.date, event.date) == (DAY, DAY)
    moved, _ = advance(agreed, S.SIGNED, date=dt.date(2023, 8, 2))  # the ceremony moved: the move says so
    assert moved.date == dt.date(2023, 8, 2)


def test_the_date_set_for_signing_belongs_to_the_agreed_move() -> None:
    with pytest.raises(LifecycleError) as caught:
        advance(build(state="draft"), S.NEGOTIATION, signing_date=DAY)
    assert caught.value.message.startswith("the date set for signing is recorded when the text is agreed")
    assert caught.value.code == "lifecycle-guard"
