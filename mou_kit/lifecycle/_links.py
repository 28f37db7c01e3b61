"""How agreements lean on each other: a PKS implements an MoU, an addendum amends an agreement."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Agreement, LifecycleState

_ENDED = frozenset({LifecycleState.EXPIRED, LifecycleState.TERMINATED})
_BINDING = frozenset({LifecycleState.SIGNED, LifecycleState.IN_FORCE, LifecycleState.RENEWED})


def parent_of(agreement: Agreement) -> tuple[str, str] | None:
    """Return ``("implements" | "amends", id)`` for a PKS or an addendum, or ``None``."""
    if agreement.implements:
        return "implements", agreement.implements
    if agreement.amends:
        return "amends", agreement.amends
    return None


def link_problems(agreement: Agreement, states: Mapping[str, LifecycleState]) -> list[str]:
    """Return what is wrong with the agreement's link, given the states of the agreements known by id.

    A PKS or addendum whose parent is unknown, has ended, or is not yet signed while the child
    is signed or later, is reported; an agreement without a parent has no problems.
    """
    return problems_of_link(parent_of(agreement), agreement.state, states)


def problems_of_link(link: tuple[str, str] | None, own: LifecycleState,
                     states: Mapping[str, LifecycleState]) -> list[str]:
    """Return :func:`link_problems` from the link and the agreement's own state (a cached status has no agreement)."""
    if link is None:
        return []
    verb, parent = link
    state = states.get(parent)
    if state is None:
        return [f"{verb} {parent}, which is not in this portfolio"]
    if state in _ENDED and own not in _ENDED:
        return [f"{verb} {parent}, which is {state.value}"]
    if own in _BINDING and state not in _BINDING:
        return [f"{verb} {parent}, which is only {state.value}: it must be signed first"]
    return []
