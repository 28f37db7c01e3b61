"""Commands on signed PDFs: sign a party's field, verify signatures and which revision a PDF is."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ._common import EXIT_USER_ERROR, JsonFlag, console, status
from ._json import emit
from ._streams import DASH, all_existing, existing, input_path, is_dash, read_bytes, write

PdfFile = Annotated[Path, typer.Argument(help="The PDF file (- for stdin).", dir_okay=False, allow_dash=True,
                                         callback=existing)]


def sign(
    pdf: PdfFile,
    field: Annotated[str, typer.Option("--party", "--field", metavar="PARTY",
                                       help="The party (id) whose field to sign.")],
    pkcs12: Annotated[Path, typer.Option("--pkcs12", help="The signer's key and certificate (.p12/.pfx; - for "
                                         "stdin).", dir_okay=False, allow_dash=True, callback=existing)],
    passphrase: Annotated[str | None, typer.Option("--passphrase", envvar="MOU_PKCS12_PASSPHRASE",
                                                   help="The passphrase of the PKCS#12 file.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: the PDF itself, "
                                                "appended to; stdout when the PDF is stdin; - for stdout).",
                                                dir_okay=False, allow_dash=True)] = None,
    as_json: JsonFlag = False,
    force: Annotated[bool, typer.Option("--force", help="Sign even with an expired or not yet valid certificate "
                                                        "(the signature will not validate).")] = False,
    date: Annotated[str | None, typer.Option("--date", help="The date of signing the signature shows (YYYY-MM-DD; "
                                             "default: the one the PDF's opening states, else today).")] = None,
) -> None:
    """Sign a party's signature field of a PDF; earlier signatures stay intact."""
    from ..signing import sign_pdf
    from .lifecycle import parse_date

    target = output or pdf
    if as_json and is_dash(target):
        raise typer.BadParameter("--json prints the report on stdout: give -o FILE for the signed PDF",
                                 param_hint="-o")
    _one_stdin(pdf, [pkcs12])
    source: Path | bytes = read_bytes(DASH) if is_dash(pdf) else pdf
    key: Path | bytes = read_bytes(DASH) if is_dash(pkcs12) else pkcs12
    signed = sign_pdf(source, field, key, passphrase=passphrase.encode() if passphrase is not None else None,
                      force=force, pkcs12_name="<stdin>" if is_dash(pkcs12) else None,
                      date=parse_date(date, "--date"))
    if is_dash(target):
        write(target, signed)
    else:
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(signed)
        os.replace(partial, target)
    if as_json:
        emit("sign", {"path": str(target), "party": field, "bytes": len(signed)})
    status("signed", f"field of {field} in {'<stdout>' if is_dash(target) else target}")


def _one_stdin(pdf: Path, others: list[Path]) -> None:
    """Standard input can be read once: the PDF or one of the other files, not two of them."""
    if sum(is_dash(p) for p in [pdf, *others]) > 1:
        raise typer.BadParameter("only one file can come from stdin (-); give the others as files")


def _quiet_pyhanko() -> None:
    """Keep pyHanko's own log (tracebacks of failed path building) off the terminal: the report says it."""
    import logging

    logger = logging.getLogger("pyhanko")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


def verify(
    pdf: PdfFile,
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", metavar="FILE", help="A trusted root certificate (PEM/DER; - for stdin); repeat for several.",
        dir_okay=False, allow_dash=True, callback=all_existing)] = None,
    directory: Annotated[Path | None, typer.Option("-C", "--directory", file_okay=False, help=(
        "The agreement repository to match the PDF against (default: the current folder, when it is one)."))] = None,
    expect: Annotated[str | None, typer.Option("--expect", help="The revision the PDF must be.")] = None,
    party: Annotated[list[str] | None, typer.Option(
        "--party", metavar="PARTY", help="A party (id) that must have signed; repeat.")] = None,
    crl: Annotated[list[Path] | None, typer.Option(
        "--crl", metavar="FILE", help="A revocation list (DER) from the parties' CA; repeat. Never fetched.",
        exists=True, dir_okay=False)] = None,
    allow_unsigned: Annotated[bool, typer.Option(
        "--allow-unsigned", help="Check a copy not every party has signed (a draft, or partly signed).")] = False,
    allow_untrusted: Annotated[bool, typer.Option(
        "--allow-untrusted", help="Accept signers whose certificates are not checked against a --trust root.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Check each signature of a PDF and which revision of the agreement it is; exit 1 on any problem."""
    from rich.markup import escape

    from ..workflow import verify_document

    _quiet_pyhanko()
    repo = directory if directory is not None else (Path.cwd() if (Path.cwd() / ".git").exists() else None)
    _one_stdin(pdf, list(trust or []))
    roots: list[Path | bytes] = [read_bytes(DASH) if is_dash(t) else t for t in trust or []]
    with input_path(pdf, ".pdf") as path:
        found = verify_document(path, trust=roots, repository=repo, expect=expect, parties=party or [],
                                allow_unsigned=allow_unsigned, allow_untrusted=allow_untrusted, crls=crl or [])
    if as_json:
        emit("verify", {"file": str(pdf) if is_dash(pdf) else str(found.path), "ok": found.ok,
                        "revision_in_metadata": found.mark.revision,
                    "fingerprint": found.mark.fingerprint,
                    "revision": found.revision.id if found.revision else None,
                    "state": found.state.value if found.state else None,
                    "signatures": [{"field": c.field, "party": c.party, "signer": c.signer,
                                    "time": c.time.isoformat() if c.time else None, "intact": c.intact,
                                    "valid": c.valid, "trusted": c.trusted, "later_changes": c.later_changes,
                                    "ok": c.ok} for c in found.signatures],
                    "problems": found.problems})
    else:
        out = console()
        if not found.signatures:
            out.print("no signatures")
        for c in found.signatures:
            mark = "[green]ok[/green]" if c.ok else "[red]FAILED[/red]"
            trusted = c.certificate_problem or \
                {True: "trusted", False: "NOT trusted", None: "trust not checked (give --trust)"}[c.trusted]
            out.print(f"{mark} {escape(c.party)}: {escape(c.signer)}, {c.time:%Y-%m-%d %H:%M %Z}, "
                      f"{'intact' if c.intact else 'CHANGED'}, {trusted}" if c.time else
                      f"{mark} {escape(c.party)}: {escape(c.signer)}")
        if found.revision is not None:
            out.print(f"document: revision [yellow]{found.revision.short_id}[/yellow] "
                      f"({found.state.value if found.state else '?'}), sha256:{(found.mark.fingerprint or '')[:16]}")
        elif found.mark.fingerprint:
            out.print(f"document: revision {found.mark.revision} (metadata), sha256:{found.mark.fingerprint[:16]}")
        for problem in found.problems:
            console(stderr=True).print(f"[red]error:[/red] {escape(problem)}")
    if not found.ok:
        raise typer.Exit(EXIT_USER_ERROR)
