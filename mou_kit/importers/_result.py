"""What an import gives back: the agreement read, and everything about the file worth reporting.

The model has no place for comments, tracked-change authors or text that fitted nowhere, so
they travel beside the agreement in an :class:`ImportResult` (ADR 0060).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..model import Agreement


@dataclass(frozen=True, slots=True)
class Note:
    """A comment from the file: on which node, by whom, and where in the file (paragraph number)."""

    node: str | None
    author: str
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class VariableEdit:
    """A variable's new value read from an edited text: where, which variable, before and after."""

    node: str
    paragraph: int
    path: str
    """``term.duration_years`` or the name of an entry of ``variables``."""
    old: object
    new: object
    printed_old: str
    printed_new: str


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Text that fitted no node of the model: kept on ``node`` (``None``: not kept) and reported."""

    paragraph: int
    text: str
    node: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """A tracked insertion or deletion in the file: kind (``ins``/``del``), author, date, text, node."""

    kind: str
    author: str
    date: str | None
    text: str
    paragraph: int
    node: str | None


@dataclass(slots=True)
class WordCount:
    """The words of the file (every tracked change accepted): in all, placed in the model, and noted."""

    source: int = 0
    placed: int = 0
    noted: int = 0

    @property
    def share_placed(self) -> float:
        """Return the share of the source's words placed in the model (1.0 for an empty file)."""
        return self.placed / self.source if self.source else 1.0


@dataclass(frozen=True, slots=True)
class Proposal:
    """The agreement with one more author's tracked changes accepted, and that author's party."""

    author: str
    party: str | None
    agreement: Agreement


@dataclass(slots=True)
class ImportResult:
    """The agreement read from an outside file, with its notes, unplaced text and tracked changes.

    ``agreement`` is the accepted view (every tracked change applied). ``original`` is the view
    with every tracked change rejected, and ``proposals`` adds the authors' changes one author
    at a time; both are ``None``/empty when the file has no tracked changes. Built by the
    importers; not meant to be constructed by users.
    """

    agreement: Agreement
    source: str
    lang: str
    notes: list[Note] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    changes: list[TrackedChange] = field(default_factory=list)
    original: Agreement | None = None
    proposals: list[Proposal] = field(default_factory=list)
    matched_by_id: int = 0
    matched_by_similarity: int = 0
    new_nodes: int = 0
    words: WordCount = field(default_factory=WordCount)
    attention: list[str] = field(default_factory=list)
    """What a human must still fill in or check (placeholders named), for an import without a base."""
    variables: list[VariableEdit] = field(default_factory=list)
    """Variables the file's edits changed (written into the agreement, so every language follows)."""

    def report(self) -> list[str]:
        """Return one line per note, unplaced text and tracked change, each with its paragraph number."""
        lines = [f"{self.source} ¶{u.paragraph}: {u.reason}: {u.text!r}" + (f" (kept on {u.node})" if u.node else "")
                 for u in self.unplaced]
        lines += [f"{self.source} ¶{n.paragraph}: comment by {n.author} on {n.node or 'the agreement'}: {n.text}"
                  for n in self.notes]
        lines += [f"{self.source} ¶{c.paragraph}: tracked {'insertion' if c.kind == 'ins' else 'deletion'} "
                  f"by {c.author} in {c.node or 'the agreement'}: {c.text!r}" for c in self.changes]
        lines += [f"{self.source} ¶{v.paragraph}: {v.node}: the edit shows {v.printed_new!r} where {v.path} printed "
                  f"{v.printed_old!r}: {v.path} is now {v.new!r} (was {v.old!r}), so every language and every text "
                  "using it follows" for v in self.variables]
        lines += [f"{self.source}: to do: {a}" for a in self.attention]
        return lines


class Importer(Protocol):
    """Reads one source format into the model; one module of ``mou_kit.importers`` per format."""

    def read(self, source: Path, *, base: Agreement | None = None, lang: str | None = None) -> ImportResult:
        """Return the agreement in ``source``, its nodes matched to ``base`` when given.

        :raises SourceError: the file is unsafe, not of this format, or holds no agreement.
        """
        ...
