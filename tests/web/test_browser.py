"""The secretariat's flow in a real browser: Playwright driving Debian's chromium against uvicorn on a free port.

Open the portfolio, edit a clause as BP3MI, record the meeting with a decision, view the DIM since
the previous meeting, download the PDF and read it with pypdf; then two browsers at once.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mou_kit import Workspace
from tests.web.conftest import NAME

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from docs_src.web_pictures import CHROMIUM_ARGS  # noqa: E402
from mou_kit.web import create_app  # noqa: E402
from mou_kit.web.server import running  # noqa: E402

pytestmark = pytest.mark.slow
DECISION = "Rumusan BP3MI disepakati dengan perbaikan redaksi."
BP3MI_TEXT = "pencegahan penempatan Pekerja Migran Indonesia secara nonprosedural;"


@pytest.fixture
def url(root: Path) -> Iterator[str]:
    with running(create_app(root)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _edit(page: Page, base: str, node: str, party: str) -> None:
    page.goto(f"{base}/a/{NAME}/edit/{node}?party={party}&lang=en")


def test_the_secretariats_flow(browser: Browser, url: str, root: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = browser.new_page(accept_downloads=True)
    page.goto(url + "/?lang=en")
    expect(page.locator("h1")).to_contain_text("Portfolio")
    page.click(f'a[href="/a/{NAME}"]')
    expect(page.locator("table.text")).to_contain_text("Article 2")

    page.click('tr#lingkup-pencegahan a:has-text("Edit")')
    with page.expect_navigation():
        page.select_option('select[name="party"]', "bp3mi-kalbar")  # the page's script submits the choice
    page.fill('textarea[name="text_id"]', BP3MI_TEXT)
    page.click('button:has-text("Save revision")')
    expect(page.locator(".ok")).to_contain_text("proposal/bp3mi-kalbar")

    page.click('nav.tabs a:has-text("Meeting")')
    page.fill('input[name="id"]', "rapat-2023-08-01")
    page.fill('input[name="date"]', "2023-08-01")
    page.fill('input[name="place"]', "Ruang Rapat Biro Operasi Polda Kalbar, Pontianak")
    page.fill('input[name="chair_name"]', "Kompol Abdul Rachman")
    page.fill('input[name="chair_institution"]', "Biro Operasi Polda Kalbar")
    page.fill('textarea[name="attendees"]', "Intan Hernia|BP3MI Kalbar|Perwakilan")
    first = page.locator("tr[data-row]").first
    first.locator('select[name="decision_node"]').select_option("lingkup-pencegahan")
    first.locator('select[name="decision_result"]').select_option("disepakati")
    first.locator('input[name="decision_text"]').fill(DECISION)
    page.click('button[type="submit"]:has-text("Record a meeting")')
    expect(page.locator(".ok")).to_contain_text("meeting/rapat-2023-08-01")

    page.click('nav.tabs a:has-text("Timeline")')
    page.click('a[data-preset="last"]')  # since the meeting before the one just recorded
    page.click('a[data-kind="dim"]')
    frame = page.frame_locator('iframe[name="view"]')
    expect(frame.locator("body")).to_contain_text("DAFTAR INVENTARISASI MASALAH")
    expect(frame.locator("body")).to_contain_text(DECISION)
    expect(frame.locator("body")).to_contain_text("nonprosedural")  # BP3MI's column, from its proposal branch

    page.click('nav.tabs a:has-text("Documents")')
    with page.expect_download() as waited:
        page.click('button[data-kind="pdf"]')
    saved = tmp_path / "downloaded.pdf"
    waited.value.save_as(saved)
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    assert "NOTA KESEPAHAMAN" in reader.pages[0].extract_text()
    with Workspace.open(root / NAME) as ws:
        assert ws.resolve("HEAD").meeting == "rapat-2023-08-01"
        assert reader.metadata is not None and ws.resolve("HEAD").short_id in str(dict(reader.metadata))
    page.close()


def _two_editors(browser: Browser, url: str, edits: list[tuple[str, str]]) -> list[Page]:
    """Open the edit form in two browser contexts (two people) on the same revision and type into each."""
    pages = [browser.new_context().new_page() for _ in edits]
    for page, (node, _) in zip(pages, edits, strict=True):
        _edit(page, url, node, "bp3mi-kalbar")
    for page, (_, words) in zip(pages, edits, strict=True):
        page.fill('textarea[name="text_id"]', words)
    return pages


def test_two_browsers_editing_different_clauses_both_land(browser: Browser, url: str, root: Path) -> None:
    one, two = _two_editors(browser, url, [("maksud", "Maksud menurut BP3MI."), ("tujuan", "Tujuan menurut BP3MI.")])
    one.click('button:has-text("Save revision")')
    two.click('button:has-text("Save revision")')
    expect(one.locator(".ok")).to_be_visible()
    expect(two.locator(".ok")).to_be_visible()
    with Workspace.open(root / NAME, branch="proposal/bp3mi-kalbar") as ws:
        draft = ws.read()
    assert draft.find("maksud").text["id"] == "Maksud menurut BP3MI."  # type: ignore[union-attr,index]
    assert draft.find("tujuan").text["id"] == "Tujuan menurut BP3MI."  # type: ignore[union-attr,index]


def test_two_browsers_editing_the_same_clause_the_second_is_told(browser: Browser, url: str, root: Path) -> None:
    one, two = _two_editors(browser, url, [("maksud", "Rumusan pertama."), ("maksud", "Rumusan kedua.")])
    one.click('button:has-text("Save revision")')
    expect(one.locator(".ok")).to_be_visible()
    two.click('button:has-text("Save revision")')
    alert = two.locator('[role="alert"]')
    expect(alert).to_contain_text("maksud")
    expect(alert).to_contain_text("merge-conflict")
    expect(two.locator('textarea[name="text_id"]')).to_have_value("Rumusan kedua.")  # the words are not lost
    with Workspace.open(root / NAME, branch="proposal/bp3mi-kalbar") as ws:
        assert ws.read().find("maksud").text["id"] == "Rumusan pertama."  # type: ignore[union-attr,index]
