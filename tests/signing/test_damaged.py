"""Damaged PDFs: every one-byte flip of a signed PDF is a report or one error line, never a traceback."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.errors import MouKitError
from mou_kit.signing import (
    TestCertificates,
    check_signatures,
    check_signatures_async,
    sign_pdf,
    sign_pdf_async,
    signature_fields,
)
from mou_kit.workflow import verify_document

runner = CliRunner()
FLIPS = 200


def flipped(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]


@pytest.mark.slow
def test_verify_on_200_one_byte_flips_prints_a_report_or_one_line(both: bytes, tmp_path: Path) -> None:
    rng = random.Random(14)
    target = tmp_path / "signed.pdf"
    damaged = 0
    for _ in range(FLIPS):
        target.write_bytes(flipped(both, rng))
        result = runner.invoke(app, ["verify", str(target)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1), result.output
        if "[pdf-damaged]" in result.output:
            damaged += 1
            assert result.output.count("\n") == 1, result.output
    assert damaged > 0  # the flips reach the file's structure, not only signed bytes


def test_damaged_pdf_is_pdf_damaged_from_the_api(both: bytes) -> None:
    cut = both[: len(both) // 3]
    for call in (lambda: check_signatures(cut, name="cut.pdf"), lambda: verify_document(cut, name="cut.pdf"),
                 lambda: signature_fields(b"%PDF-1.7\n" + b"\x00" * 50)):
        with pytest.raises(MouKitError) as caught:
            call()
        assert caught.value.code == "pdf-damaged"
    with pytest.raises(MouKitError) as caught:
        verify_document(b"not a pdf", name="upload.pdf")
    assert (caught.value.code, caught.value.file) == ("pdf-damaged", "upload.pdf")
    assert caught.value.message == "upload.pdf: not a PDF file"


def test_signing_and_checking_from_bytes_and_streams(unsigned: bytes, certs: TestCertificates) -> None:
    with certs.pkcs12["party-1"].open("rb") as key:
        signed = sign_pdf(unsigned, "party-1", key, passphrase=certs.passphrase)
    checks = check_signatures(signed, trust=[certs.root.read_bytes()])
    assert [(c.party, c.ok, c.trusted) for c in checks] == [("party-1", True, True)]


def test_signing_and_verifying_work_inside_a_running_event_loop(unsigned: bytes, certs: TestCertificates) -> None:
    key = certs.pkcs12["party-1"].read_bytes()

    async def handler() -> tuple[bool, bool, bool]:
        signed = sign_pdf(unsigned, "party-1", key, passphrase=certs.passphrase)  # the sync call, in a loop
        both = await sign_pdf_async(signed, "party-2", certs.pkcs12["party-2"], passphrase=certs.passphrase)
        sync_checks = check_signatures(both, trust=[certs.root])
        async_checks = await check_signatures_async(both, trust=[certs.root])
        found = verify_document(both, trust=[certs.root])
        return (all(c.ok for c in sync_checks), [c.field for c in async_checks] == [c.field for c in sync_checks],
                len(found.signatures) == 2)

    assert asyncio.run(handler()) == (True, True, True)
