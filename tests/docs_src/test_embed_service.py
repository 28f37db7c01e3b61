"""The embedding example of docs/api.md: a stdlib HTTP service that renders, diffs, imports and signs from bytes,
with concurrent requests on 127.0.0.1, and whose code passes ``mypy --strict``."""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import re
import subprocess
import sys
import textwrap
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest

import mou_kit
from mou_kit.signing import make_test_certificates
from tests.builders import build
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs_src" / "embed_service.py"


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("embed_service", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    server = _module().serve(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


def folder(agreement: mou_kit.Agreement) -> dict[str, str]:
    return {path: data.decode() for path, data in mou_kit.dump_agreement(agreement).items()}


OLD = build("a1[c1,c2] a2[c3]")
NEW = build("a1[c1,c2] a2[c3]", texts={"c3": "Text of c3, as the other party would have it."})


def test_render_then_sign_then_verify_from_bytes(url: str, tmp_path: Path) -> None:
    status, kind, pdf = post(f"{url}/render?lang=id", json.dumps(folder(OLD)).encode())
    assert (status, kind) == (200, "application/pdf")
    assert "Text of c3." in "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    certs = make_test_certificates(tmp_path, [("party-1", "Pejabat 1")])
    key = base64.b64encode(certs.pkcs12["party-1"].read_bytes()).decode()
    status, kind, signed = post(f"{url}/sign?field=party-1", pdf,
                                {"X-Key": key, "X-Passphrase": certs.passphrase.decode()})
    assert (status, kind) == (200, "application/pdf") and signed.startswith(pdf)
    status, _, found = post(f"{url}/verify", signed)
    checked = json.loads(found)
    assert status == 200 and [(s["party"], s["ok"]) for s in checked["signatures"]] == [("party-1", True)]


def test_diff_in_every_format(url: str) -> None:
    body = json.dumps({"old": folder(OLD), "new": folder(NEW)}).encode()
    answers = {fmt: post(f"{url}/diff?format={fmt}", body) for fmt in ("text", "json", "html", "matrix", "redline")}
    assert all(status == 200 for status, _, _ in answers.values())
    assert b"as the other party would have it" in answers["text"][2]
    assert [c["node"] for c in json.loads(answers["json"][2])["changes"]] == ["c3"]
    assert answers["html"][2].startswith(b"<!DOCTYPE html>") or b"<html" in answers["html"][2][:200]
    for fmt in ("matrix", "redline"):
        document = docx.Document(io.BytesIO(answers[fmt][2]))
        assert document.paragraphs or document.tables


def test_import_a_word_file_from_bytes(url: str) -> None:
    received = mou_kit.render_docx(NEW, lang="id")
    body = json.dumps({"docx": base64.b64encode(received).decode(), "name": "dari-pihak-2.docx",
                       "base": folder(OLD)}).encode()
    status, _, data = post(f"{url}/import", body)
    assert status == 200
    assert [(c["kind"], c["node"]) for c in json.loads(data)["changes"]] == [("reworded", "c3")]


def test_errors_are_422_with_code_and_the_uploads_own_name(url: str) -> None:
    body = json.dumps({"docx": base64.b64encode(b"not a word file").decode(), "name": "kontrak.docx"}).encode()
    status, kind, data = post(f"{url}/import", body)
    problem = json.loads(data)
    assert (status, kind, problem["code"], problem["file"]) == (422, "application/json", "source-not-docx",
                                                                "kontrak.docx")
    status, _, data = post(f"{url}/verify", b"%PDF-1.7 damaged", {"X-File-Name": "scan.pdf"})
    assert status == 422 and json.loads(data)["code"] == "pdf-damaged" and "scan.pdf" in json.loads(data)["message"]


def test_concurrent_requests(url: str) -> None:
    body = json.dumps({"old": folder(OLD), "new": folder(NEW)}).encode()
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: post(f"{url}/diff?format=json", body), range(8)))
    assert {status for status, _, _ in answers} == {200}
    assert len({data for _, _, data in answers}) == 1


@pytest.mark.slow
def test_the_examples_pass_mypy_strict(tmp_path: Path) -> None:
    """The service and the code blocks of docs/api.md, checked as an embedder's type checker sees mou_kit."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.S)
    assert blocks
    page = tmp_path / "api_md_blocks.py"
    page.write_text("\n\n".join(f"def block_{i}() -> None:\n" + textwrap.indent(b, "    ")
                                 for i, b in enumerate(blocks)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(EXAMPLE), str(page)],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
