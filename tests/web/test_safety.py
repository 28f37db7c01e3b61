"""The guard: CSRF on every form, the API's header, body limits, names that cannot leave ROOT, the access
token beyond loopback, the Host check, and every error as one line with a 4xx status and no traceback."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from starlette.routing import Route
from starlette.testclient import TestClient

from mou_kit import MouKitError
from mou_kit.web import create_app
from mou_kit.web.folders import Root
from mou_kit.web.guard import Limits
from tests.web.conftest import NAME, csrf, post

FORM_POSTS = [r.path.replace("{name}", NAME).replace("{node}", "maksud")
              for r in create_app(Path(__file__).parent).routes
              if isinstance(r, Route) and "POST" in (r.methods or ()) and not r.path.startswith("/api/")]


def _tips(folder: Path) -> list[str]:
    from mou_kit import Workspace

    with Workspace.open(folder) as ws:
        return [ws.resolve(name).id for name in ("main", "proposal/bp3mi-kalbar")]


def test_every_form_is_csrf_checked(client: TestClient, root: Path) -> None:
    assert len(FORM_POSTS) == 6
    before = _tips(root / NAME)
    for url in FORM_POSTS:
        for fields in ({}, {"csrf": "forged"}):
            answer = client.post(url, data=fields | {"party": "bp3mi-kalbar", "state": "negotiation"},
                                 follow_redirects=False)
            assert answer.status_code == 403 and "CSRF" in answer.text, url
    assert _tips(root / NAME) == before


def test_the_csrf_cookie_is_httponly_and_strict(root: Path) -> None:
    with TestClient(create_app(root, hosts=["testserver"])) as fresh:
        cookie = fresh.get("/").headers["set-cookie"]
    assert "mou_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_api_posts_need_the_header(client: TestClient) -> None:
    answer = client.post(f"/api/agreements/{NAME}/advance", json={"state": "negotiation"})
    assert answer.status_code == 403 and answer.json()["error"]["message"].startswith("a POST to the API needs")


def test_uploads_beyond_the_import_limit_are_refused_before_reading_them(root: Path) -> None:
    small = Limits(docx=3000, pdf=3000, form=3000)
    with TestClient(create_app(root, hosts=["testserver"], limits=small)) as c:
        c.get("/")
        big = post(c, f"/a/{NAME}/import", {}, files={"file": ("big.docx", os.urandom(200_000))})
        assert big.status_code == 413 and "larger than" in big.text  # type: ignore[attr-defined]
        api = c.post(f"/api/agreements/{NAME}/verify", files={"file": ("x.pdf", b"%PDF" + b"0" * 200_000)},
                     headers={"X-Requested-With": "t"})
        assert api.status_code == 413 and api.json()["error"]["code"] == "file-too-large"


@pytest.mark.parametrize("name", ["..", "...", ".git", "nk-tppo/..", "%2e%2e", "a b", "nk-tppo%2f..%2f..", "x" * 300])
def test_names_cannot_leave_root(client: TestClient, name: str) -> None:
    answer = client.get(f"/a/{name}")
    normalised = answer.url.path in ("/", "/a/")  # the client itself resolved the dots
    assert (400 <= answer.status_code < 500 or normalised) and "Traceback" not in answer.text
    assert "agreement.yaml" not in answer.text


def test_a_symbolic_link_out_of_root_is_no_agreement(client: TestClient, root: Path, tmp_path: Path) -> None:
    import shutil

    outside = tmp_path / "outside"
    shutil.copytree(root / NAME, outside)
    (root / "link").symlink_to(outside)
    answer = client.get("/a/link")
    assert answer.status_code == 404 and "no agreement named 'link'" in html.unescape(answer.text)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=st.sampled_from("ab.-_/\\%:~ \x00"), max_size=12))
def test_any_name_is_a_folder_directly_under_root_or_refused(root: Path, name: str) -> None:
    found = Root.at(root)
    try:
        folder = found.folder(name)
    except MouKitError as e:
        assert e.code in ("bad-id", "file-missing")
    else:
        assert folder.resolve().parent == root.resolve()


def test_a_token_is_needed_beyond_loopback(root: Path) -> None:
    with TestClient(create_app(root, token="s3cret", hosts=["*"])) as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/agreements").status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        entry = c.get("/a/nk-tppo?token=s3cret&lang=en", follow_redirects=False)
        assert entry.status_code == 303 and entry.headers["location"] == "/a/nk-tppo?lang=en"
        assert c.get("/").status_code == 200  # the cookie carries it now
    with TestClient(create_app(root, token="s3cret", hosts=["*"])) as api:
        assert api.get("/api/agreements", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_other_host_names_are_refused_on_loopback(root: Path) -> None:
    with TestClient(create_app(root), base_url="http://evil.example") as c:
        assert c.get("/").status_code == 400
    with TestClient(create_app(root), base_url="http://127.0.0.1:8421") as c:
        assert c.get("/").status_code == 200


@pytest.mark.parametrize(("url", "status", "words"), [
    (f"/a/{NAME}?ref=no-such-revision", 404, "no-such-revision"),
    (f"/a/{NAME}/node/no-such-node", 404, "no-such-node"),
    (f"/a/{NAME}/compare?a=HEAD&b=nowhere&kind=dim", 404, "nowhere"),
    (f"/a/{NAME}/compare?a=HEAD&b=HEAD&kind=pptx", 422, "pptx"),
    (f"/a/{NAME}/render?kind=odt", 422, "odt"),
    ("/a/missing", 404, "missing"),
    ("/no/such/page", 404, "/no/such/page"),
])
def test_forced_errors_are_one_line_with_a_4xx(client: TestClient, url: str, status: int, words: str) -> None:
    answer = client.get(url)
    assert answer.status_code == status
    text = html.unescape(answer.text)
    assert text.count('class="line"') == 1 and words in text and "Traceback" not in text


def test_a_bug_is_a_500_line_without_a_traceback(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mou_kit.web import actions

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(actions, "read", broken)
    with TestClient(create_app(root, hosts=["testserver"]), raise_server_exceptions=False) as c:
        answer = c.get(f"/a/{NAME}")
    assert answer.status_code == 500 and "secret internals" not in answer.text and "Traceback" not in answer.text
    assert "a bug, logged by mou serve" in answer.text


def test_pages_carry_protective_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_a_restarted_server_shows_the_same_and_takes_the_same_forms(root: Path, client: TestClient) -> None:
    token = csrf(client)
    first = client.get(f"/a/{NAME}/timeline").text
    with TestClient(create_app(root, hosts=["testserver"]), cookies={"mou_csrf": token}) as again:
        assert again.get(f"/a/{NAME}/timeline").text == first
        answer = post(again, f"/a/{NAME}/advance", {"state": "negotiation"})
        assert answer.status_code == 303  # type: ignore[attr-defined]
