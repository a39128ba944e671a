"""Every error page a person can land on is the site's page: its header and navigation, what happened in one line,
and a way on; nothing from the request in it unescaped. In process."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from articles import MILLBROOK

from storyline.web import jobs
from storyline.web.app import WebSettings, create_app
from storyline.web.inputs import MAX_BODY
from storyline.web.security import plain_page

NAV = ('<nav aria-label="Site"><a href="{home}/">New story</a> <a href="{home}/#past">Past stories</a> '
       '<a href="{home}/stream">Stream</a> <a href="{home}/docs">API</a></nav>')
HOSTILE = "<script>alert(1)</script>"


def _is_the_sites_page(page: httpx.Response, heading: str, home: str = "") -> None:
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    assert f'<a class="brand" href="{home}/">storyline</a>' in text and NAV.format(home=home) in text
    assert f"<title>{heading} · storyline</title>" in text and f"<h1>{heading}</h1>" in text
    assert len(re.findall(r'<p role="alert">[^<\n]+</p>', text)) == 1  # one line says what happened
    assert re.search(rf'<a href="{re.escape(home)}/">[^<]+</a></p>\s*</main>', text)  # and the way on
    assert "<script>" not in text and 'class="site"' in text.split("</header>")[0]


def test_the_servers_own_refusals_are_the_sites_pages(tmp_path: Path) -> None:
    # A 413 (a form over the body limit) and a 421 (a name pointed at 127.0.0.1) were bare pages headed "Sorry",
    # without the site's header: the only way on was the browser's Back button. The 421's link to "/" asked the refused
    # name again, another 421.
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False, local_only=True))

    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8765") as c:
            big = await c.post("/stories", content=b" " * (MAX_BODY + 1),
                               headers={"content-type": "multipart/form-data; boundary=x"})
            wrong = await c.get("/", headers={"host": f"evil.example{HOSTILE}"})
            api = await c.get("/api/stories", headers={"host": "evil.example"})
            return [big, wrong, api]

    big, wrong, api = asyncio.run(ask())
    assert big.status_code == 413
    _is_the_sites_page(big, "Too much at once")
    assert "Back button returns to the form with what you typed" in big.text
    assert wrong.status_code == 421
    _is_the_sites_page(wrong, "Not served at this address", home="http://127.0.0.1:8765")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in wrong.text  # the name it was asked by, escaped
    assert "open it as http://127.0.0.1:8765/" in wrong.text
    # drawn at the refused name, the page takes its style from the server's own address (and nothing else)
    policy = wrong.headers["content-security-policy"]
    assert "style-src 'self' http://127.0.0.1:8765;" in policy and "script-src 'self';" in policy
    assert api.status_code == 421 and "open it as http://127.0.0.1:8765/" in api.json()["error"]
    assert "http://127.0.0.1" not in big.headers["content-security-policy"]


def test_an_internal_error_is_the_sites_page_and_says_nothing_of_the_cause(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args):
        raise RuntimeError(f"secret detail {HOSTILE}")

    monkeypatch.setattr(jobs, "run", broken)
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False))

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return await c.post("/stories", data={"text": MILLBROOK[0]["text"]})

    page = asyncio.run(ask())
    assert page.status_code == 500
    _is_the_sites_page(page, "Something went wrong on the server")
    assert "secret" not in page.text and "content-security-policy" in page.headers


def test_the_apps_error_pages_are_the_sites_pages_and_escape_the_address(tmp_path: Path) -> None:
    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_app(WebSettings(db=tmp_path / "s.db", workers=1,
                                                                   processes=False)))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return [await c.get(f"/nope/{HOSTILE}"), await c.get("/stories/nope"), await c.patch("/stories/x"),
                    await c.get("/stream/0")]

    missing, story, method, stream = asyncio.run(ask())
    for page in (missing, story, stream):
        assert page.status_code == 404
        _is_the_sites_page(page, "Page not found")
    assert "&lt;script&gt;" in missing.text
    assert method.status_code == 405
    _is_the_sites_page(method, "Not answered at this address")


def test_the_page_written_out_by_hand_is_the_sites_page_too() -> None:
    # what the middleware answers without the app's templates, and the app when drawing its template fails
    home = "http://127.0.0.1:8765"
    page = plain_page(421, f"not to {HOSTILE!r}", "", home)
    response = httpx.Response(421, html=page)
    _is_the_sites_page(response, "Not served at this address", home=home)
    assert "&lt;script&gt;" in page and f'<link rel="stylesheet" href="{home}/static/style.css">' in page
    page = plain_page(413, "request body too large", "Your browser's Back button returns to the form")
    _is_the_sites_page(httpx.Response(413, html=page), "Too much at once")
    assert "<p>Your browser&#x27;s Back button returns to the form</p>" in page
