"""``-`` as a file name: stdin for every file a command reads, stdout for every ``-o``; diff markers off a tty."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from typer.testing import CliRunner

import mou_kit
from mou_kit.cli import app
from mou_kit.demo.signing import SignedDemo

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
MOU = [sys.executable, "-m", "mou_kit"]


@pytest.fixture
def pair(examples: Path, tmp_path: Path) -> tuple[str, str]:
    """Two agreement folders, the second with one word of Pasal 5 changed."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(examples / "tppo-kalbar", old)
    shutil.copytree(old, new)
    target = new / "articles" / "kerahasiaan.yaml"
    target.write_text(target.read_text().replace("Setiap PIHAK", "Tiap-tiap PIHAK", 1))
    return str(old), str(new)


@pytest.fixture
def repo(examples: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "nk"
    assert runner.invoke(app, ["new", str(folder), "--from", str(examples / "tppo-kalbar")]).exit_code == 0
    return folder


def test_dash_output_writes_stdout_and_no_file_named_dash(pair: tuple[str, str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    markdown = runner.invoke(app, ["render", "-f", "md", "-o", "-", "-C", pair[0]])
    assert markdown.exit_code == 0, markdown.output
    assert "Pasal 5" in markdown.stdout and markdown.stderr == ""
    pdf = runner.invoke(app, ["render", "-o", "-", "-C", pair[0]])
    assert pdf.stdout_bytes.startswith(b"%PDF") and len(PdfReader(io.BytesIO(pdf.stdout_bytes)).pages) > 1
    redline = runner.invoke(app, ["diff", *pair, "--format", "redline", "-o", "-"])
    assert redline.exit_code == 0, redline.output
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(redline.stdout_bytes)).namelist()
    text = runner.invoke(app, ["diff", *pair, "-o", "-"])
    assert "[-Setiap-]{+Tiap-tiap+}" in text.stdout
    assert not (tmp_path / "-").exists()


def test_calendar_and_portfolio_to_stdout(repo: Path) -> None:
    ics = runner.invoke(app, ["calendar", "-o", "-", "-C", str(repo)])
    assert ics.exit_code == 0, ics.output
    assert Calendar.from_ical(ics.stdout_bytes).name == "VCALENDAR" and "wrote <stdout>" in ics.stderr
    portfolio = runner.invoke(app, ["portfolio", str(repo.parent), "--html", "-o", "-"])
    assert portfolio.stdout.lstrip().lower().startswith("<!doctype html")


def test_assemble_and_meeting_and_import_read_stdin(examples: Path, repo: Path) -> None:
    answers = (examples / "tppo-kalbar.answers.yaml").read_bytes()
    drafted = runner.invoke(app, ["assemble", "-", "--lang", "en"], input=answers)
    assert drafted.exit_code == 0, drafted.output
    assert "MEMORANDUM OF UNDERSTANDING" in drafted.stdout
    meeting = b"id: rapat-1\ndate: 2023-07-25\nplace: Pontianak\nagenda: [Finalisasi]\n"
    recorded = runner.invoke(app, ["meeting", "add", "--from", "-", "-C", str(repo)], input=meeting)
    assert recorded.exit_code == 0, recorded.output
    assert "tagged meeting/rapat-1" in recorded.stderr and recorded.stdout == ""
    document = mou_kit.render_docx(mou_kit.load(repo), lang="id", folder=repo)
    imported = runner.invoke(app, ["import", "-", "--dry-run", "-C", str(repo)], input=document)
    assert imported.exit_code == 0, imported.output
    assert "0 perubahan" in imported.stdout and "dry run: nothing committed" in imported.stderr


def test_missing_input_file_is_still_a_usage_error(repo: Path) -> None:
    result = runner.invoke(app, ["import", "nowhere.docx", "-C", str(repo)])
    assert result.exit_code == 2 and "file 'nowhere.docx' does not exist" in result.output


def test_sign_from_stdin_to_stdout_then_verify_from_stdin(signed_demo: SignedDemo, demo_repo: Path) -> None:
    certs = signed_demo.certificates
    signed = runner.invoke(app, ["sign", "-", "--party", "polda-kalbar", "--pkcs12", str(certs / "polda-kalbar.p12"),
                                 "--passphrase", "mou-demo"], input=signed_demo.pdf.read_bytes())
    assert signed.exit_code == 0, signed.output
    assert signed.stdout_bytes.startswith(b"%PDF") and "signed field of polda-kalbar in <stdout>" in signed.stderr
    verified = runner.invoke(app, ["verify", "-", "--trust", str(certs / "root.pem"), "--allow-unsigned", "-C",
                                   str(demo_repo)], input=signed.stdout_bytes)
    assert verified.exit_code == 0, verified.output
    assert "ok polda-kalbar" in verified.stdout


def _through_pty(args: list[str], cwd: str, term: str = "xterm-256color") -> bytes:
    """Return what ``args`` prints when its stdout is a terminal of the kind ``term``."""
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")} | {"TERM": term}
    process = subprocess.Popen(args, stdout=slave, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed when the process ended
            break
        if not chunk:
            break
        out += chunk
    process.wait()
    os.close(master)
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_diff_keeps_markers_in_a_pipe_and_colours_only_a_terminal(pair: tuple[str, str]) -> None:
    piped = subprocess.run([*MOU, "diff", *pair], capture_output=True, check=True).stdout.decode()
    assert "[-Setiap-]{+Tiap-tiap+} PIHAK" in piped and "\x1b[" not in piped
    shown = _through_pty([*MOU, "diff", *pair], str(ROOT)).decode()
    assert "\x1b[" in shown and "[-Setiap-]" not in shown and "Tiap-tiap" in shown
    dumb = _through_pty([*MOU, "diff", *pair], str(ROOT), term="dumb").decode()
    assert "[-Setiap-]{+Tiap-tiap+}" in dumb and "\x1b[" not in dumb


def test_answers_from_stdin_for_assemble_and_lint(examples: Path, tmp_path: Path) -> None:
    answers = examples / "tppo-kalbar.answers.yaml"
    out = tmp_path / "draft"
    assembled = runner.invoke(app, ["assemble", "-", "-o", str(out)], input=answers.read_bytes())
    assert assembled.exit_code == 0, assembled.output
    assert (out / ".mou/answers.yaml").read_bytes() == answers.read_bytes()
    from_file = runner.invoke(app, ["lint", "--json", "--answers", str(answers), "-C", str(out)])
    from_stdin = runner.invoke(app, ["lint", "--json", "--answers", "-", "-C", str(out)], input=answers.read_bytes())
    assert from_stdin.exit_code == from_file.exit_code == 0
    assert from_stdin.stdout == from_file.stdout and '"warning": 1' in from_stdin.stdout


def test_key_and_trust_root_from_stdin(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    certs = signed_demo.certificates
    out = tmp_path / "signed.pdf"
    signed = runner.invoke(app, ["sign", str(signed_demo.pdf), "--party", "polda-kalbar", "--pkcs12", "-",
                                 "--passphrase", "mou-demo", "-o", str(out)],
                           input=(certs / "polda-kalbar.p12").read_bytes())
    assert signed.exit_code == 0, signed.output
    verified = runner.invoke(app, ["verify", str(out), "--trust", "-", "--allow-unsigned", "-C", str(demo_repo)],
                             input=(certs / "root.pem").read_bytes())
    assert verified.exit_code == 0, verified.output
    assert "ok polda-kalbar" in verified.stdout and "trusted" in verified.stdout
    both = runner.invoke(app, ["verify", "-", "--trust", "-"], input=b"")
    assert both.exit_code == 2 and "only one file can come from stdin" in both.output
