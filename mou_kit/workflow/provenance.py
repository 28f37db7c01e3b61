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
        if c.certificate_problem is not None and c.intact:
            out.append(f"signature {c.field} ({c.signer}): {c.certificate_problem} when it signed")
        elif not c.intact:
            out.append(f"signature {c.field} ({c.signer}): the signed bytes were changed after signing")
        elif not c.valid:
            out.append(f"signature {c.field} ({c.signer}): the signature does not match its certificate")
        elif c.trusted is False:
            out.append(f"signature {c.field} ({c.signer}): the certificate does not chain to the given root")
        elif not c.ok:
            out.append(f"signature {c.field} ({c.signer}): content other than signatures was added after it "
                       f"({c.later_changes})")
    return out


def _unsigned_problems(data: bytes, shown: str, checks: Sequence[SignatureCheck], trust: Sequence[Input], *,
                       allow_unsigned: bool, allow_untrusted: bool) -> list[str]:
    """A copy is verified only when every field is signed and every signer chains to a trusted root."""
    from ..signing.sign import signature_fields

    out: list[str] = []
    if not allow_unsigned:
        fields = signature_fields(data, name=shown)
        missing = sorted(f for f, signed in fields.items() if not signed)
        if not checks:
            out.append(f"{Path(shown).name} carries no signature; a copy nobody signed proves nothing "
                       "(allow it explicitly to check an unsigned draft)")
        elif missing:
            out.append(f"{Path(shown).name}: not signed in {', '.join(missing)}; every party signs before the copy "
                       "counts (allow it explicitly to check a partly signed copy)")
    if checks and not trust and not allow_untrusted:
        out.append("no trusted root was given, so any certificate would pass: give the root certificate of the "
                   "parties' CA (--trust ROOT.pem), or allow untrusted signers explicitly")
    return out


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _binding_problems(checks: Sequence[SignatureCheck], agreement: Agreement) -> list[str]:
    """Each signature must be by the party's own signatory: the certificate the agreement records, or its name."""
    out = []
    parties = {p.id: p for p in agreement.parties}
    for c in checks:
        party = parties.get(c.party)
        if party is None:
            out.append(f"signature {c.field} ({c.signer}): the agreement has no party {c.party!r}")
            continue
        signatory = party.signatory
        if signatory is None:
            out.append(f"signature {c.field} ({c.signer}): party {c.party} has no signatory in the agreement")
            continue
        wanted = signatory.certificate
        if wanted is not None:
            matches = all(_norm(want) == _norm(have) for want, have in
                          ((wanted.common_name, c.signer), (wanted.organisation, c.organisation)) if want)
            named = ", ".join(f"{k} '{v}'" for k, v in (("CN", wanted.common_name), ("O", wanted.organisation)) if v)
        else:
            matches = _norm(signatory.name) == _norm(c.signer)
            named = f"CN '{signatory.name}'"
        if not matches:
            out.append(f"signature {c.field}: signed by '{c.signer}'"
                       f"{f' ({c.organisation})' if c.organisation else ''}, not by the signatory of {c.party} "
                       f"({named}); if this certificate is right, record it as parties[{c.party}].signatory."
                       "certificate in agreement.yaml")
    return out


def verify_document(pdf: Input, *, trust: Sequence[Input] = (),
                    repository: str | os.PathLike[str] | None = None, expect: str | None = None,
                    parties: Sequence[str] | None = None, name: str | None = None,
                    allow_unsigned: bool = False, allow_untrusted: bool = False,
                    crls: Sequence[Input] = ()) -> Verification:
    """Return the verification of the PDF ``pdf``: signatures, and with ``repository``, its revision.

    ``pdf`` and each of ``trust`` are a path, ``bytes`` or a binary file object; ``name`` is
    what messages call the PDF (default: its path). Every signature field must be signed
    (unless ``allow_unsigned``) and every signer chain to a root in ``trust`` (unless
    ``allow_untrusted``); an expired, not yet valid or (given ``crls``, revocation lists) revoked
    certificate is named as such. The PDF's
    fingerprint (in its metadata) must be the content of a revision of ``repository``, and its
    words the words of that revision rendered again (a label copied onto other text fails); each
    signature must be by its party's signatory (the certificate recorded in the agreement, else
    the signatory's name as the certificate's CN). When ``expect`` names a revision, the PDF must
    be that revision's content; when the branch is agreed or later, an agreed revision with the
    branch's text. ``parties`` (ids) must each have a valid signature. Works inside a running
    event loop.

    :raises SigningError: pyHanko is missing, the file cannot be read, or is not a readable PDF
        (``pdf-damaged``).
    :raises WorkspaceError: ``repository`` or ``expect`` cannot be read.
    """
    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    path = Path(shown)
    checks = check_signatures(data, trust=trust, name=shown, crls=crls)
    mark = document_mark(data, as_signed=True, name=shown)
    problems = _signature_problems(checks)
    problems += _unsigned_problems(data, shown, checks, trust, allow_unsigned=allow_unsigned,
                                   allow_untrusted=allow_untrusted)
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
        problems += _binding_problems(checks, agreement)
        from ._content import text_problem

        altered = text_problem(data, agreement, mark, shown=shown, short_id=revision.short_id)
        if altered is not None:
            problems.append(altered)
        if expect is not None and fingerprint(ws.read(expect)) != mark.fingerprint:
            problems.append(f"{path.name} is revision {revision.short_id} ({agreement.state.value}), not the "
                            f"expected revision {expect}; render the PDF from {expect}")
        head = ws.read()
        from .stages import frozen_text_drift

        drift = frozen_text_drift(ws, head)
        if drift is not None:
            problems.append(f"{Path(repository).name}: {drift}")
        if head.state in FROZEN and (agreement.state not in FROZEN or text_changes(agreement, head)):
            problems.append(f"{path.name} is revision {revision.short_id} ({agreement.state.value}), not the "
                            f"agreed text of {head.id}; render the PDF from the agreed revision")
        elif head.state in FROZEN and head.date is not None and head.date != agreement.date:
            stated = f"the date of signing {agreement.date}" if agreement.date else "no date of signing (dots)"
            problems.append(f"{path.name} states {stated}, but the lifecycle of {head.id} records "
                            f"{head.date}; record the date of signing with 'agreed' and render the PDF again")
    return Verification(path, checks, mark, revision=revision, state=agreement.state, problems=problems)


async def verify_document_async(pdf: Input, *, trust: Sequence[Input] = (),
                                repository: str | os.PathLike[str] | None = None, expect: str | None = None,
                                parties: Sequence[str] | None = None, name: str | None = None,
                                allow_unsigned: bool = False, allow_untrusted: bool = False,
                                crls: Sequence[Input] = ()) -> Verification:
    """Return :func:`verify_document`'s verification without blocking the event loop (it runs on a worker thread).

    Reading the repository is blocking file and git work, so the whole check runs off the loop.
    """
    import asyncio

    return await asyncio.to_thread(verify_document, pdf, trust=trust, repository=repository, expect=expect,
                                   parties=parties, name=name, allow_unsigned=allow_unsigned,
                                   allow_untrusted=allow_untrusted, crls=crls)
