"""What must hold before an agreement enters a state, and which edits a state forbids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import LifecycleError
from ..model import Agreement, LifecycleState
from .transitions import FROZEN

LIFECYCLE_FIELDS = frozenset({"state", "date"})
"""Fields a lifecycle move sets; every other field is "the text" that ``agreed`` freezes."""


@dataclass(frozen=True, slots=True)
class OpenItems:
    """What is still open on an agreement, gathered by the caller from git and the linter."""

    conflicts: tuple[str, ...] = ()
    lint_errors: tuple[str, ...] = ()
    signed_by: frozenset[str] | None = field(default=None)
    """Party ids whose signature is known (``None``: not checked, e.g. a paper signing)."""


def missing_signatories(agreement: Agreement, signed_by: Collection[str] | None = None) -> list[str]:
    """Return the ids of parties without a signatory (or, with ``signed_by``, that have not signed)."""
    missing = [p.id for p in agreement.parties if p.signatory is None or not p.signatory.name.strip()]
    if signed_by is not None:
        missing += [p.id for p in agreement.parties if p.id not in signed_by and p.id not in missing]
    return missing


def check_entry(agreement: Agreement, target: LifecycleState, open_items: OpenItems,
                *, date: dt.date | None) -> None:
    """Return nothing when ``agreement`` may enter ``target`` on ``date``.

    :raises LifecycleError: "agreed" with unresolved merge conflicts or lint errors, or "signed"
        with a party lacking its signatory (or signature) or without the date of signing
        (code ``lifecycle-guard``).
    """
    if target == LifecycleState.AGREED:
        if open_items.conflicts:
            raise LifecycleError(_listed("cannot be agreed with unresolved merge conflicts on", open_items.conflicts,
                                         "resolve them and commit first"), code="lifecycle-guard")
        if open_items.lint_errors:
            raise LifecycleError(_listed("cannot be agreed with lint errors:", open_items.lint_errors,
                                         "fix them and commit first"), code="lifecycle-guard")
    if target == LifecycleState.SIGNED:
        missing = missing_signatories(agreement, open_items.signed_by)
        if missing:
            raise LifecycleError(_listed("cannot be signed: no signatory or signature for", missing,
                                         "add each party's signatory in agreement.yaml and sign"),
                                 code="lifecycle-guard")
        if date is None:
            raise LifecycleError("cannot be signed without the date of signing: pass --date YYYY-MM-DD",
                                 code="lifecycle-guard")


def _listed(what: str, items: Sequence[str], fix: str) -> str:
    shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
    return f"{what} {shown}; {fix}"


def text_changes(before: Agreement, after: Agreement) -> list[str]:
    """Return the names of the top-level fields (``articles``, ``title``…) whose content differs."""
    old, new = _text_of(before), _text_of(after)
    return sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def _text_of(agreement: Agreement) -> dict[str, Any]:
    data = agreement.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in LIFECYCLE_FIELDS}


def check_edit(before: Agreement, after: Agreement) -> None:
    """Return nothing when ``after`` may replace ``before``: the text is frozen from "agreed" on.

    Moving the state (and setting the date of signing) is always an allowed edit; the state
    move itself is checked by :func:`~mou_kit.lifecycle.transitions.check_move`. Going back to
    negotiation is a revision of its own, made before the text changes.

    :raises LifecycleError: ``before`` is agreed, signed or in force and ``after`` changes its
        text (code ``text-frozen``).
    """
    if before.state not in FROZEN:
        return
    changed = text_changes(before, after)
    if changed:
        raise LifecycleError(
            f"agreement {before.id!r} is {before.state.value}: its text is frozen, but this revision changes "
            f"{', '.join(changed)}; move it back to negotiation first (with a reason)",
            code="text-frozen")
