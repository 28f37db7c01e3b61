"""Which old node is which new node, and which ones moved: the one alignment every diff consumer reads.

The diff computes it once (:func:`mou_kit.diff.match.align`) and carries it in
:class:`~mou_kit.diff.AgreementDiff`, so the redline and the importer pair nodes exactly as the
diff did instead of pairing them again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairing of an old and a new agreement's nodes: built by the diff, not by hand.

    ``new_of`` maps an old node id to its new id, ``old_of`` the reverse; ``moved`` holds the new
    ids of paired nodes that left their parent or their siblings' order; ``confidence`` the score
    (below 1) of each new id paired by similar text rather than by id.
    """

    new_of: Mapping[str, str] = field(default_factory=dict)
    old_of: Mapping[str, str] = field(default_factory=dict)
    moved: frozenset[str] = frozenset()
    confidence: Mapping[str, float] = field(default_factory=dict)
    by_similarity: int = 0
    skipped: bool = False

    @property
    def renamed(self) -> dict[str, str]:
        """Old id -> new id for the nodes paired by similarity under another id (empty when ids all held)."""
        return {old: new for old, new in self.new_of.items() if old != new}
