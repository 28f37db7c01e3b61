"""Every page of the workbench answers in both interface languages and shows what the library holds."""

from __future__ import annotations

import io
import re

import pytest
from starlette.testclient import TestClient

from mou_kit import Workspace
from tests.web.conftest import FIRST_MEETING, LAST_MEETING, NAME

PAGES = ["/", f"/a/{NAME}", f"/a/{NAME}/node/maksud", f"/a/{NAME}/timeline", f"/a/{NAME}/meeting",
         f"/a/{NAME}/import", f"/a/{NAME}/documents", f"/a/{NAME}/edit/maksud?party=bp3mi-kalbar"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_in_both_languages(client: TestClient, url: str) -> None:
    english = client.get(url + ("&" if "?" in url else "?") + "lang=en")
    assert english.status_code == 200 and 'lang="en"' in english.text and "Portfolio" in english.text
    kept = client.get(url)  # the choice is kept in a cookie
    assert 'lang="en"' in kept.text
    indonesian = client.get(url + ("&" if "?" in url else "?") + "lang=id")
    assert indonesian.status_code == 200 and "Portofolio" in indonesian.text


def test_portfolio_lists_the_agreement_with_its_last_meeting(client: TestClient) -> None:
    page = client.get("/").text
    assert f'href="/a/{NAME}"' in page and LAST_MEETING in page and "draft" in page


def test_agreement_shows_both_languages_numbered_with_history_and_edit_links(client: TestClient) -> None:
    page = client.get(f"/a/{NAME}").text
    assert "Pasal 1" in page and "Article 1" in page
    assert 'href="/a/nk-tppo/node/lingkup-pencegahan"' in page and 'href="/a/nk-tppo/edit/lingkup-pencegahan"' in page
    assert "term-capitalisation" in page  # the example's lint finding, shown on the page


def test_a_lint_finding_about_a_clause_sits_under_it(client: TestClient, root: object) -> None:
    from pathlib import Path

    with Workspace.open(Path(str(root)) / NAME) as ws:
        draft = ws.read()
        draft.set_text("maksud", "Masing-masing PIHAK melakukan monitoring bersama.", lang="id")
        ws.commit(draft, "wording the linter flags", proposed_by="polda-kalbar")
    page = client.get(f"/a/{NAME}").text
    row = page.index('id="maksud"')
    finding = page.index("masing-masing-pihak", row)
    assert finding < page.index('id="tujuan"') and "loanword-monitoring" in page[row:page.index('id="tujuan"')]


def test_history_of_a_clause_names_revisions_parties_and_meetings(client: TestClient) -> None:
    page = client.get(f"/a/{NAME}/node/lingkup-pencegahan?lang=en").text
    assert "bp3mi-kalbar" in page and "History of" in page
    assert re.search(r"<code>[0-9a-f]{10}</code>", page)


def test_timeline_offers_since_the_last_meeting(client: TestClient) -> None:
    page = client.get(f"/a/{NAME}/timeline").text
    assert f"a={FIRST_MEETING}&amp;b={LAST_MEETING}" in page  # the last meeting settled the tip: the one before it
    assert 'data-kind="dim-docx"' in page and 'data-kind="redline"' in page


def test_comparisons_are_real_documents(client: TestClient) -> None:
    from docx import Document

    base = f"/a/{NAME}/compare?a={FIRST_MEETING}&b={LAST_MEETING}&kind="
    report = client.get(base + "html")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "Kompol Abdul Rachman" in report.text  # who attended, as mou diff --format html shows it
    dim = client.get(base + "dim")
    assert "DAFTAR INVENTARISASI MASALAH" in dim.text
    for kind in ("dim-docx", "redline"):
        answer = client.get(base + kind)
        assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
        assert Document(io.BytesIO(answer.content)).paragraphs is not None


def test_documents_page_downloads_a_pdf_of_a_revision(client: TestClient) -> None:
    from pypdf import PdfReader

    with Workspace.open(client.app.state.root.folder(NAME)) as ws:  # type: ignore[attr-defined]
        first = ws.log()[-1]
    answer = client.get(f"/a/{NAME}/render?ref={first.id}&kind=pdf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(answer.content))
    assert "NOTA KESEPAHAMAN" in reader.pages[0].extract_text()
    assert first.short_id in answer.headers["content-disposition"]


def test_static_files_and_no_outside_script(client: TestClient) -> None:
    page = client.get(f"/a/{NAME}").text
    assert re.findall(r'<script src="([^"]+)"', page) == ["/static/app.js"]
    assert client.get("/static/style.css").status_code == 200


def test_both_interface_languages_have_the_same_words() -> None:
    from mou_kit.web.strings import LANGUAGES, strings

    english, indonesian = (strings(lang) for lang in LANGUAGES[::-1])
    assert set(english) == set(indonesian) and all(english.values()) and all(indonesian.values())


def test_every_word_a_template_uses_is_in_the_locale_files() -> None:
    from importlib import resources

    from mou_kit.web.strings import strings

    folder = resources.files("mou_kit.web") / "templates"
    used = {m for f in folder.iterdir() if f.name.endswith(".html") for m in re.findall(r"\bt\.(\w+)", f.read_text())}
    assert used and used <= set(strings("id"))


@pytest.mark.parametrize(("kind", "check"), [("pdfa", b"pdfaid"), ("bilingual", b"%PDF"), ("docx", b"PK")])
def test_every_document_kind_downloads(client: TestClient, kind: str, check: bytes) -> None:
    answer = client.get(f"/a/{NAME}/render?kind={kind}")
    assert answer.status_code == 200 and check in answer.content[:4096] + answer.content[-200_000:]
    if kind == "bilingual":
        from pypdf import PdfReader

        words = PdfReader(io.BytesIO(answer.content)).pages[0].extract_text()
        assert "NOTA KESEPAHAMAN" in words and "MEMORANDUM OF UNDERSTANDING" in words
