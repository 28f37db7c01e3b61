"""``mou sign`` and ``mou verify`` through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.demo.signing import SignedDemo
from tests.demo_fixtures import changed_copy

runner = CliRunner()


def mou(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_sign_each_field_then_verify(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "nk.pdf"
    shutil.copy(signed_demo.pdf, pdf)
    certs = signed_demo.certificates
    for party in ("polda-kalbar", "bp3mi-kalbar", "kanwil-kemenkumham-kalbar"):
        code, out = mou("sign", str(pdf), "--field", party, "--pkcs12", str(certs / f"{party}.p12"),
                        "--passphrase", "mou-demo")
        assert code == 0, out
    code, out = mou("verify", str(pdf), "--trust", str(certs / "root.pem"), "-C", str(demo_repo))
    assert code == 0, out
    assert out.count("intact, trusted") == 3
    assert f"document: revision {signed_demo.agreed_revision} (agreed)" in out
    code, out = mou("verify", str(pdf), "--json", "--allow-untrusted", "-C", str(demo_repo))
    data = json.loads(out)
    assert data["ok"] and [s["trusted"] for s in data["signatures"]] == [None, None, None]


def test_verify_fails_on_a_changed_byte(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    pdf = changed_copy(signed_demo.signed_pdf, tmp_path / "changed.pdf")
    code, out = mou("verify", str(pdf), "-C", str(demo_repo))
    assert code == 1 and "changed after signing" in out


def test_sign_unknown_field_is_a_user_error(signed_demo: SignedDemo, tmp_path: Path) -> None:
    pdf = tmp_path / "nk.pdf"
    shutil.copy(signed_demo.pdf, pdf)
    code, out = mou("sign", str(pdf), "--field", "nobody", "--pkcs12",
                    str(signed_demo.certificates / "polda-kalbar.p12"), "--passphrase", "mou-demo")
    assert code == 1 and "no signature field for 'nobody'" in out
    assert pdf.read_bytes() == signed_demo.pdf.read_bytes()


def test_sign_and_verify_print_no_third_party_warning(signed_demo: SignedDemo, demo_repo: Path,
                                                      tmp_path: Path) -> None:
    """As a user runs them: a fresh process with Python's default warning filters, stderr read whole."""
    import os
    import subprocess
    import sys

    pdf = tmp_path / "nk.pdf"
    shutil.copy(signed_demo.pdf, pdf)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    run = [sys.executable, "-m", "mou_kit"]
    signed = subprocess.run([*run, "sign", str(pdf), "--field", "polda-kalbar", "--pkcs12",
                             str(signed_demo.certificates / "polda-kalbar.p12"), "--passphrase", "mou-demo"],
                            capture_output=True, text=True, env=env, check=False)
    assert signed.returncode == 0, signed.stderr
    verified = subprocess.run([*run, "verify", str(pdf), "-C", str(demo_repo)],
                              capture_output=True, text=True, env=env, check=False)
    assert "polda-kalbar" in verified.stdout
    for result in (signed, verified):
        assert "Warning" not in result.stderr, result.stderr


def test_sign_without_passphrase_is_one_line(signed_demo: SignedDemo, tmp_path: Path) -> None:
    pdf = tmp_path / "nk.pdf"
    shutil.copy(signed_demo.pdf, pdf)
    code, out = mou("sign", str(pdf), "--field", "polda-kalbar", "--pkcs12",
                    str(signed_demo.certificates / "polda-kalbar.p12"))
    assert code == 1 and "Traceback" not in out
    assert out.strip().splitlines() == [f"error: {signed_demo.certificates / 'polda-kalbar.p12'}: cannot open the "
                                        "PKCS#12 key file: no passphrase was given (it is needed when the file is "
                                        "protected) [signing-failed]"]
    assert pdf.read_bytes() == signed_demo.pdf.read_bytes()


def test_sign_date_must_match_the_opening(signed_demo: SignedDemo, tmp_path: Path) -> None:
    pdf = tmp_path / "nk.pdf"
    shutil.copy(signed_demo.pdf, pdf)
    key = str(signed_demo.certificates / "polda-kalbar.p12")
    code, out = mou("sign", str(pdf), "--party", "polda-kalbar", "--pkcs12", key, "--passphrase", "mou-demo",
                    "--date", "2023-08-02")
    assert code == 1 and "its opening states the date of signing 2023-08-01, not 2023-08-02" in out
    assert pdf.read_bytes() == signed_demo.pdf.read_bytes()
    code, out = mou("sign", str(pdf), "--party", "polda-kalbar", "--pkcs12", key, "--passphrase", "mou-demo",
                    "--date", "2023-08-01")
    assert code == 0, out
