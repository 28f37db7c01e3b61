"""Issue #20, item 2: a text changed with plain git after signing is reported by status and verify."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mou_kit.demo.signing import SignedDemo
from mou_kit.workflow import agreement_status, verify_document


def _plain_git_edit(repo: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    article = clone / "articles" / "pembiayaan.yaml"
    article.write_text(article.read_text().replace("anggaran masing-masing PIHAK", "anggaran PIHAK KEDUA"))
    subprocess.run(["git", "-C", str(clone), "commit", "-q", "-am", "quiet change"], check=True)
    return clone


def test_status_reports_a_text_changed_after_signing(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    assert not any("changed after it was agreed" in item for item in agreement_status(demo_repo).open)
    clone = _plain_git_edit(demo_repo, tmp_path)
    found = agreement_status(clone)
    assert any(item.startswith(f"the text changed after it was agreed at revision {signed_demo.agreed_revision} "
                               "(articles)") for item in found.open), found.open


def test_verify_reports_it_too(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    clone = _plain_git_edit(demo_repo, tmp_path)
    found = verify_document(signed_demo.signed_pdf, trust=[signed_demo.certificates / "root.pem"], repository=clone)
    assert any("the text changed after it was agreed" in p for p in found.problems), found.problems


def test_validate_and_lint_report_it(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from mou_kit.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["validate", "-C", str(demo_repo)]).exit_code == 0
    clone = _plain_git_edit(demo_repo, tmp_path)
    validated = runner.invoke(app, ["validate", "-C", str(clone)])
    assert validated.exit_code == 1
    assert "the text changed after it was agreed" in validated.output and "[text-frozen]" in validated.output
    linted = runner.invoke(app, ["lint", "-C", str(clone)])
    assert linted.exit_code == 1 and "MOU310" in linted.output
