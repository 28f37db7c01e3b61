"""Which revision a (signed) PDF is: its signatures checked, its fingerprint matched against the repository."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._io import Input, read_input
from ..errors import SigningError, WorkspaceError
from ..lifecycle.guards import text_changes
from ..lifecycle.transitions import FROZEN
from ..model import Agreement, LifecycleState
from ..render import fingerprint
from ..signing import DocumentMark, SignatureCheck, check_signatures, document_mark
from ..signing.sign import PDF_LIMIT
from ..workspace import Revision, Workspace


@dataclass(frozen=True, slots=True)
class Verification:
    """What ``mou verify`` found: the signatures, the revision the PDF is, and every problem."""

    path: Path
    signatures: list[SignatureCheck]
    mark: DocumentMark
    revision: Revision | None = None
    state: LifecycleState | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every signature holds and the document is the revision it should be."""
        return not self.problems


def _matching(ws: Workspace, mark: DocumentMark) -> tuple[Revision, Agreement] | None:
    """Return the revision whose content has the PDF's fingerprint: the one its metadata names first, then the log."""
    tried: set[str] = set()
    if mark.revision:
        try:
            named = ws.resolve(mark.revision)
        except WorkspaceError:  # an unknown name (another repository's id): look through the log
            named = None
        if named is not None:
            tried.add(named.id)
            agreement = ws.read(named.id)
            if fingerprint(agreement) == mark.fingerprint:
                return named, agreement
    for revision in ws.log():
        if revision.id in tried:
            continue
        agreement = ws.read(revision.id)
        if fingerprint(agreement) == mark.fingerprint:
            return revision, agreement
    return None


def _signature_problems(checks: Sequence[SignatureCheck]) -> list[str]:
    out = []
    for c in checks:
        if not c.intact:
            out.append(f"signature {c.field} ({c.signer}): the signed bytes were changed after signing")
        elif not c.valid:
            out.append(f"signature {c.field} ({c.signer}): the signature does not match its certificate")
        elif c.trusted is False:
            out.append(f"signature {c.field} ({c.signer}): the certificate does not chain to the given root")
        elif not c.ok:
            out.append(f"signature {c.field} ({c.signer}): content other than signatures was added after it "
                       f"({c.later_changes})")
    return out


def verify_document(pdf: Input, *, trust: Sequence[Input] = (),
                    repository: str | os.PathLike[str] | None = None, expect: str | None = None,
                    parties: Sequence[str] | None = None, name: str | None = None) -> Verification:
    """Return the verification of the PDF ``pdf``: signatures, and with ``repository``, its revision.

    ``pdf`` and each of ``trust`` are a path, ``bytes`` or a binary file object; ``name`` is
    what messages call the PDF (default: its path). The PDF's fingerprint (in its metadata)
    must be the content of a revision of ``repository``; when ``expect`` names a revision, it
    must be that revision's content; when the branch is agreed or later, it must be an agreed
    revision with the branch's text. ``parties`` (ids) must each have a valid signature. Works
    inside a running event loop.

    :raises SigningError: pyHanko is missing, the file cannot be read, or is not a readable PDF
        (``pdf-damaged``).
    :raises WorkspaceError: ``repository`` or ``expect`` cannot be read.
    """
    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    path = Path(shown)
    checks = check_signatures(data, trust=trust, name=shown)
    mark = document_mark(data, as_signed=True, name=shown)
    problems = _signature_problems(checks)
    if document_mark(data, name=shown) != mark:
        problems.append(f"{path.name}: the revision or fingerprint in its metadata was changed after signing; "
                        "only the signed metadata counts")
    for party in parties or ():
        if not any(c.party == party and c.ok for c in checks):
            problems.append(f"no valid signature in the field of {party}")
    if mark.fingerprint is None:
        problems.append(f"{path.name} carries no mou fingerprint in its metadata; render it with mou_kit")
        return Verification(path, checks, mark, problems=problems)
    if repository is None:
        return Verification(path, checks, mark, problems=problems)
    with Workspace.open(repository) as ws:
        found = _matching(ws, mark)
        if found is None:
            problems.append(f"{path.name}: its content (sha256:{mark.fingerprint[:16]}, revision {mark.revision}) "
                            f"is no revision of {repository}; it was rendered from other content or altered")
            return Verification(path, checks, mark, problems=problems)
        revision, agreement = found
        if expect is not None and fingerprint(ws.read(expect)) != mark.fingerprint:
            problems.append(f"{path.name} is revision {revision.short_id} ({agreement.state.value}), not the "
                            f"expected revision {expect}; render the PDF from {expect}")
        head = ws.read()
        if head.state in FROZEN and (agreement.state not in FROZEN or text_changes(agreement, head)):
            problems.append(f"{path.name} is revision {revision.short_id} ({agreement.state.value}), not the "
                            f"agreed text of {head.id}; render the PDF from the agreed revision")
    return Verification(path, checks, mark, revision=revision, state=agreement.state, problems=problems)


async def verify_document_async(pdf: Input, *, trust: Sequence[Input] = (),
                                repository: str | os.PathLike[str] | None = None, expect: str | None = None,
                                parties: Sequence[str] | None = None, name: str | None = None) -> Verification:
    """Return :func:`verify_document`'s verification without blocking the event loop (it runs on a worker thread).

    Reading the repository is blocking file and git work, so the whole check runs off the loop.
    """
    import asyncio

    return await asyncio.to_thread(verify_document, pdf, trust=trust, repository=repository, expect=expect,
                                   parties=parties, name=name)
