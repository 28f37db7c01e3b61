"""A signature shows the date of signing the PDF's opening states; the real signing time is never moved."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from typing import Any

import pytest

from mou_kit.errors import SigningError
from mou_kit.model import Agreement
from mou_kit.render import render_pdf
from mou_kit.signing import TestCertificates, check_signatures, sign_pdf
from mou_kit.signing._appearance import local_now
from tests.builders import build

DAY = dt.date(2023, 8, 1)


def _dated(day: dt.date | None, **fields: Any) -> Agreement:
    agreement = build("a1[c1,c2]", state="agreed", **fields)
    return agreement.model_copy(update={"date": day})


def appearance_lines(pdf: bytes, field: str) -> list[str]:
    """Return the lines of text the appearance of signature ``field`` draws, read with pypdf."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    def shown(stream: Any, reader: PdfReader) -> list[str]:
        stream = stream.get_object()
        lines = [str(ops[0]) for ops, op in ContentStream(stream, reader).operations if op == b"Tj"]
        xobjects = (stream.get("/Resources") or {}).get("/XObject") or {}
        for inner in xobjects.get_object().values() if xobjects else ():
            lines += shown(inner, reader)
        return lines

    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/T") == f"signature-{field}":
                return shown(annot["/AP"]["/N"], reader)
    raise AssertionError(f"no signature field for {field}")


def _signing_time(pdf: bytes) -> dt.datetime:
    from pyhanko.pdf_utils.reader import PdfFileReader

    found = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures[-1].self_reported_timestamp
    assert found is not None
    return found


def test_the_stated_date_is_shown_and_the_real_time_beside_it(certs: TestCertificates) -> None:
    pdf = sign_pdf(render_pdf(_dated(DAY), revision="abc1234567"), "party-1", certs.pkcs12["party-1"],
                   passphrase=certs.passphrase)
    lines = appearance_lines(pdf, "party-1")
    when = _signing_time(pdf)
    assert lines == ["Ditandatangani secara elektronik oleh:", "Pejabat 1", "Tanggal penandatanganan:",
                     "1 Agustus 2023", "Waktu tanda tangan elektronik:", f"{when:%Y-%m-%d %H:%M:%S %Z}"]
    assert abs(when - local_now()) < dt.timedelta(minutes=5)  # the CMS time is the clock's, not 2023
    [check] = [c for c in check_signatures(pdf, trust=[certs.root]) if c.party == "party-1"]
    assert check.intact and check.valid and check.trusted and check.time == when


def test_on_the_day_itself_one_date_is_shown(certs: TestCertificates) -> None:
    today = local_now().date()
    pdf = sign_pdf(render_pdf(_dated(today), revision="abc1234567"), "party-2", certs.pkcs12["party-2"],
                   passphrase=certs.passphrase)
    from mou_kit.model.words import long_date

    assert appearance_lines(pdf, "party-2") == ["Ditandatangani secara elektronik oleh:", "Pejabat 2",
                                                "Tanggal penandatanganan:", long_date(today, "id")]


def test_without_a_stated_date_the_date_given_else_today(certs: TestCertificates, unsigned: bytes) -> None:
    given = sign_pdf(unsigned, "party-1", certs.pkcs12["party-1"], passphrase=certs.passphrase,
                     date=dt.date(2023, 7, 31))
    assert appearance_lines(given, "party-1")[3] == "31 Juli 2023"
    default = sign_pdf(unsigned, "party-1", certs.pkcs12["party-1"], passphrase=certs.passphrase)
    assert len(appearance_lines(default, "party-1")) == 4


def test_bilingual_copy_labels_both_languages(certs: TestCertificates) -> None:
    agreement = _dated(DAY, languages=("id", "en"))
    pdf = sign_pdf(render_pdf(agreement, lang="id+en", revision="abc1234567"), "party-1", certs.pkcs12["party-1"],
                   passphrase=certs.passphrase)
    lines = appearance_lines(pdf, "party-1")
    assert lines[:4] == ["Ditandatangani secara elektronik oleh / Signed electronically by:", "Pejabat 1",
                         "Tanggal penandatanganan / Date of signing:", "1 Agustus 2023 / 1 August 2023"]


@pytest.mark.parametrize(("stated", "given", "message"), [
    (DAY, dt.date(2023, 8, 2), "<bytes>: its opening states the date of signing 2023-08-01, not 2023-08-02; "
                               "sign with that date, or record the new date of signing and render the PDF again"),
    (None, dt.date(2999, 1, 1), "<bytes>: the date of signing 2999-01-01 is after today"),
    (dt.date(2999, 1, 1), None, "<bytes>: the date of signing 2999-01-01 is after today"),
])
def test_a_date_that_contradicts_the_text_or_the_clock_is_refused(
        certs: TestCertificates, stated: dt.date | None, given: dt.date | None, message: str) -> None:
    pdf = render_pdf(_dated(stated), revision="abc1234567")
    with pytest.raises(SigningError) as caught:
        sign_pdf(pdf, "party-1", certs.pkcs12["party-1"], passphrase=certs.passphrase, date=given)
    assert caught.value.message.startswith(message)
    assert caught.value.code == "signing-failed"


def test_the_signed_file_passes_qpdf(certs: TestCertificates, tmp_path: Any) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    path = tmp_path / "signed.pdf"
    sign_pdf(render_pdf(_dated(DAY), revision="abc1234567"), "party-1", certs.pkcs12["party-1"],
             passphrase=certs.passphrase, output=path)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
