"""Every ``mou ... --json`` prints one document that matches its published JSON Schema, failures included."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import mou_kit
from mou_kit.cli import COMMANDS, build
from mou_kit.cli._json import VERSIONS, schema_id
from mou_kit.cli._schema_docs import markdown
from mou_kit.cli._schemas import DOCUMENTS, schema_file, schema_text
from mou_kit.demo.signing import SignedDemo

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
runner = CliRunner()


def published(command: str) -> dict[str, Any]:
    """Return the JSON Schema of ``command`` as docs/cli-json/ publishes it."""
    schema: dict[str, Any] = json.loads((DOCS / "cli-json" / schema_file(command)).read_text(encoding="utf-8"))
    return schema


class Checked:
    """Runs commands with --json and checks each document against its schema; remembers which forms it saw."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, command: str, *args: str, code: int = 0, form: str | None = None,
                 stdin: bytes | None = None) -> dict[str, Any]:
        result = runner.invoke(build_app(), [*command.split(), *args, "--json"], input=stdin)
        assert result.exit_code == code, (command, result.output)
        data: dict[str, Any] = json.loads(result.stdout)
        form = form or command
        assert (data["schema"], data["version"]) == (schema_id(form), VERSIONS[form])
        Draft202012Validator(published(form)).validate(data)
        DOCUMENTS[form].model_validate(data)
        self.seen.add(form)
        return data


def build_app() -> Any:
    from mou_kit.cli import app

    return app


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def test_docs_page_and_schema_files_are_written_from_the_models() -> None:
    assert (DOCS / "cli-json.md").read_text(encoding="utf-8") == markdown(), \
        "stale: run python -m mou_kit.cli._schemas docs"
    for command in DOCUMENTS:
        assert (DOCS / "cli-json" / schema_file(command)).read_text(encoding="utf-8") == schema_text(command)
    assert sorted(p.name for p in (DOCS / "cli-json").iterdir()) == sorted(schema_file(c) for c in DOCUMENTS)


def test_every_command_with_json_has_a_schema_and_every_schema_a_command() -> None:
    with_json = set()
    for name in COMMANDS:
        command = build(name)
        subs = getattr(command, "commands", None)
        for full, cmd in ([(f"{name} {s}", c) for s, c in subs.items()] if subs else [(name, command)]):
            if any("--json" in p.opts for p in cmd.params if hasattr(p, "opts")):
                with_json.add(full)
    assert with_json == set(DOCUMENTS) - {"error"}


def test_every_command_prints_its_document(examples: Path, tmp_path: Path, signed_demo: SignedDemo,
                                           demo_repo: Path) -> None:
    check = Checked()
    tppo = str(examples / "tppo-kalbar")
    check("validate", "-C", tppo)
    check("lint", "-C", tppo)
    shown = check("show", "-C", tppo, "--lang", "en")
    assert shown["lang"] == "en" and "Article 2" in shown["text"] and shown["agreement"]["id"] == "tppo-kalbar"
    assert check("library list")["templates"]
    assert check("library search", "force", "majeure")["templates"][0]["id"] == "keadaan-kahar"
    assert check("library show", "kerahasiaan")["template"]["id"] == "kerahasiaan"
    answers = str(examples / "tppo-kalbar.answers.yaml")
    printed = check("assemble", answers)
    assert (printed["output"], printed["files"], printed["agreement"]["id"]) == (None, [], "tppo-kalbar")
    drafted = check("assemble", answers, "-o", str(tmp_path / "drafted"))
    assert ".mou/answers.yaml" in drafted["files"] and drafted["output"] == str(tmp_path / "drafted")
    updated = check("library update", "kerahasiaan", "-C", str(tmp_path / "drafted"))
    assert (updated["changed"], updated["revision"]) == ([], None)

    folder = tmp_path / "nk"
    c = ("-C", str(folder))
    created = check("new", str(folder), "--from", tppo, "--party", "polda-kalbar")
    assert created["revision"]["proposed_by"] == "polda-kalbar" and created["branch"] == "main"
    target = folder / "articles" / "kerahasiaan.yaml"
    target.write_text(target.read_text().replace("data dan informasi yang diterima",
                                                 "data, informasi, dan dokumen yang diterima", 1))
    committed = check("commit", "-m", "Ubah kerahasiaan", "--party", "bp3mi-kalbar", *c)
    assert committed["revision"]["proposed_by"] == "bp3mi-kalbar"
    assert len(check("log", *c)["revisions"]) == 2
    assert check("blame", *c)["entries"]
    changes = check("diff", "HEAD~1", "HEAD", *c)["changes"]
    assert any(ch["kind"] == "reworded" for ch in changes)
    assert check("diff", "HEAD~1", "HEAD", "--format", "json", *c)["changes"] == changes
    added = check("meeting add", "--id", "rapat-1", "--date", "2023-07-18", "--place", "Pontianak", *c)
    assert added["tag"] == "meeting/rapat-1"
    assert [m["meeting"]["id"] for m in check("meeting list", *c)["meetings"]] == ["rapat-1"]
    assert check("meeting show", "rapat-1", *c)["revision"] == added["revision"]["id"]
    assert check("status", *c)["state"] == "draft"
    moved = check("advance", "negotiation", "--party", "polda-kalbar", "--date", "2023-07-19", *c)
    assert (moved["previous"], moved["state"], moved["party"]) == ("draft", "negotiation", "polda-kalbar")
    calendar = check("calendar", "-o", str(tmp_path / "nk.ics"), *c)
    assert calendar["events"] == [] and (tmp_path / "nk.ics").is_file()  # no dates before signing
    rendered = check("render", "-f", "md", "-o", str(tmp_path / "nk.md"), *c)
    assert rendered["bytes"] == (tmp_path / "nk.md").stat().st_size > 0
    portfolio = check("portfolio", str(tmp_path))
    assert sorted(a["id"] for a in portfolio["agreements"]) == ["tppo-kalbar", "tppo-kalbar"]

    # proposals: a conflict, settled from stdin
    assert check("propose", "bp3mi-kalbar", *c)["branch"] == "proposal/bp3mi-kalbar"
    target.write_text(target.read_text().replace("Setiap PIHAK", "Para PIHAK", 1))
    check("commit", "-m", "usulan", *c)
    git("-C", str(folder), "switch", "-q", "main")
    target.write_text(target.read_text().replace("Setiap PIHAK", "Tiap-tiap PIHAK", 1))
    check("commit", "-m", "usulan lain", *c)
    merged = check("merge", "proposal/bp3mi-kalbar", *c, code=1)
    node = merged["conflicts"][0]["node"]
    settled = check("resolve", node, "--take", "-", *c, stdin=merged["conflicts"][0]["theirs"].encode())
    assert settled == {"schema": "mou-kit/resolve", "version": 1, "node": node, "take": "-", "pending": []}
    check("commit", "-m", "merged", *c)
    server = tmp_path / "server.git"
    git("init", "-q", "--bare", "-b", "main", str(server))
    git("-C", str(folder), "remote", "add", "origin", str(server))
    assert check("sync", *c)["pushed"] is True

    # a counterpart's Word file, read from stdin
    docx = mou_kit.render_docx(mou_kit.load(folder), lang="id", folder=folder)
    imported = check("import", "-", "--dry-run", *c, stdin=docx)
    assert imported["dry_run"] is True and imported["revisions"] == []

    # signing: from a file to a file, then verified from stdin
    pdf = tmp_path / "signed.pdf"
    certs = signed_demo.certificates
    signed = check("sign", str(signed_demo.pdf), "--party", "polda-kalbar", "--pkcs12",
                   str(certs / "polda-kalbar.p12"), "--passphrase", "mou-demo", "-o", str(pdf))
    assert signed["bytes"] == pdf.stat().st_size
    verified = check("verify", "-", "--trust", str(certs / "root.pem"), "--allow-unsigned", "-C", str(demo_repo),
                     stdin=pdf.read_bytes())
    assert verified["file"] == "-" and [s["party"] for s in verified["signatures"]] == ["polda-kalbar"]

    assert check.seen == set(DOCUMENTS) - {"error"}


@pytest.mark.parametrize("args", [["lint"], ["show"], ["log"], ["meeting", "list"], ["status"], ["render"]])
def test_a_failure_with_json_is_the_error_document_on_stdout(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(build_app(), [*args, "--json", "-C", str(tmp_path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    Draft202012Validator(published("error")).validate(data)
    assert data["command"] == " ".join(args) and data["code"] in ("not-an-agreement", "not-a-repository")
    assert result.stderr == ""


def test_validate_json_on_an_invalid_folder_lists_every_problem(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(examples / "tppo-kalbar", folder)
    (folder / "articles/pembiayaan.yaml").unlink()
    agreement = folder / "agreement.yaml"
    agreement.write_text(agreement.read_text().replace("place: Pontianak", "place: Pontianak\nplase: x"))
    check = Checked()
    outside = check("validate", "-C", str(tmp_path), code=1)
    assert not outside["valid"] and [p["code"] for p in outside["problems"]] == ["not-an-agreement"]
    data = check("validate", "-C", str(folder), code=1)
    assert data["valid"] is False and [p["code"] for p in data["problems"]] == ["unknown-key", "article-file-missing"]
    assert data["problems"][0]["file"] == "agreement.yaml" and data["problems"][0]["line"] == 15
    error = check("lint", "-C", str(folder), code=1, form="error")
    assert error["command"] == "lint" and len(error["problems"]) == 2


def test_an_os_error_with_json_is_the_error_document_too(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    assert runner.invoke(build_app(), ["new", str(folder), "--from", str(examples / "tppo-kalbar")]).exit_code == 0
    check = Checked()
    error = check("calendar", "-o", str(tmp_path / "no" / "such" / "nk.ics"), "-C", str(folder), code=1, form="error")
    assert (error["command"], error["code"]) == ("calendar", "file-missing") and "nk.ics" in error["message"]
    text = runner.invoke(build_app(), ["calendar", "-o", str(tmp_path / "no" / "nk.ics"), "-C", str(folder)])
    assert text.exit_code == 1 and text.stderr.startswith("error: ") and "[file-missing]" in text.stderr
