"""How a diff of two revision names is made: the seam between the diff and any store of revisions.

The git workspace implements :class:`RevisionSource`; the diff needs nothing else from it,
so it stays pure and can be tested with a fake.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from ..model import Agreement
from ._agreement import diff
from .change import AgreementDiff, RevisionInfo


@runtime_checkable
class RevisionSource(Protocol):
    """Anything that reads an agreement at a revision name (commit, tag, branch, meeting id)."""

    def read(self, name: str) -> Agreement:
        """Return the agreement as it was at ``name``.

        :raises MouKitError: the name does not resolve (the message lists the closest names).
        """
        ...

    def revision_info(self, name: str) -> RevisionInfo:
        """Return the revision ``name`` resolves to: its id, date, proposing party and meeting.

        :raises MouKitError: the name does not resolve.
        """
        ...


@runtime_checkable
class AttributingSource(RevisionSource, Protocol):
    """A revision source that also knows which party last changed each node (a git history)."""

    def proposers(self, old: str, new: str, nodes: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Return node id -> ids of the parties whose proposals, after ``old`` and up to ``new``, gave
        the node its text (several for a compromise); nodes without a known party are left out."""
        ...


def diff_revisions(source: RevisionSource, old: str, new: str, *, lang: str | None = None,
                   attribute: bool = True) -> AgreementDiff:
    """Return the diff between the revisions ``old`` and ``new`` of ``source``, with their revision facts.

    With ``attribute`` (and a source that knows its history) each change also names the parties
    whose proposals made it; leave it off when nothing will show that, as it walks the history.

    :raises MouKitError: a name does not resolve, or ``lang`` has no form defined.
    """
    old_info, new_info = source.revision_info(old), source.revision_info(new)
    result = diff(source.read(old), source.read(new), lang=lang, old_revision=old_info, new_revision=new_info)
    if attribute and isinstance(source, AttributingSource):
        nodes = sorted({c.node for c in result.real})
        result = dataclasses.replace(result, proposers=source.proposers(old, new, nodes))
    return result
