"""What an outside-in audit of the pages and the API found, in process: addresses that must never become
links, HTTP methods and paths a client may use, request bodies that are not what they should be, and a
refused form that keeps what was typed."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from articles import MILLBROOK

from storyline.web.app import WebSettings, create_app


def app_for(db: Path):
    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))


async def call(app, *requests: tuple) -> list[httpx.Response]:
    """Each request as ``(method, path, kwargs)``, one after another."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:
        return [await c.request(method, path, **kw) for method, path, kw in requests]


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


# Written for these tests: a pasted text whose header names a script or data address as its URL.
HOSTILE_HEADER = (
    "---\nsource: Quayside Post\nurl: {url}\ndate: 2026-05-02\n---\n"
    "The lock gates at Quayside jammed open on Friday, draining the upper basin. The canal trust said divers "
    "would inspect the gates on Monday. Two narrowboats were left resting on the mud overnight."
)


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"])
def test_an_address_from_an_article_header_that_is_not_http_is_dropped(tmp_path: Path, url: str) -> None:
    # The form and the API refuse such a URL typed in its field, but a text's own header went through as
    # the article's URL, and every page showed it as a clickable "original" link.
    app = app_for(tmp_path / "s.db")
    text = HOSTILE_HEADER.format(url=url)
    story, one = asyncio.run(call(app, ("POST", "/api/stories", {"json": {"articles": [{"text": text}, MILLBROOK[1]]}}),
                                  ("POST", "/api/articles", {"json": {"text": text}})))
    assert (story.status_code, one.status_code) == (201, 201), (story.text, one.text)
    assert story.json()["articles"][0]["source"] == "Quayside Post"  # the rest of the header is still read
    assert story.json()["articles"][0]["url"] == ""
    sid, n = story.json()["id"], one.json()["story"]
    pages = asyncio.run(call(app, ("GET", f"/stories/{sid}", {}), ("GET", f"/stories/{sid}/articles/1", {}),
                             ("GET", f"/api/stream/stories/{n}", {}), ("GET", f"/stream/{n}", {})))
    assert [p.status_code for p in pages] == [200] * 4
    assert pages[2].json()["articles"][0]["url"] == ""
    for p in (pages[0], pages[1], pages[3]):
        assert not [h for h in hrefs(p.text) if not h.startswith(("/", "#", "http://", "https://"))], p.url


def test_a_stored_address_that_is_not_http_is_shown_as_no_link(tmp_path: Path) -> None:
    # A story stored before addresses were checked keeps its URL in the data; the pages link only http(s).
    app = app_for(tmp_path / "s.db")
    article = {"id": "1", "source": "Quayside Post", "title": "Lock gates jam", "date": None,
               "url": "javascript:alert(1)", "author": "", "origin": "article 1",
               "text": "The lock gates jammed open on Friday."}
    summary = {"articles": [dict(article, date_line=None, words=7)], "words": 7, "budget": 150, "method": "default",
               "notes": [], "sentences": [{"text": article["text"], "article": "1", "index": 0, "start": 0,
                                           "end": len(article["text"]), "sources": ["1"], "corroborated_by": []}]}
    row = app.state.store.add(title="Lock gates jam", summary=summary, articles=[article], inputs=[])
    story, one = asyncio.run(call(app, ("GET", f"/stories/{row.id}", {}), ("GET", f"/stories/{row.id}/articles/1", {})))
    for page in (story, one):
        assert page.status_code == 200
        assert "Quayside Post" in page.text
        assert not [h for h in hrefs(page.text) if "javascript" in h.lower()]


def test_head_is_answered_wherever_get_is(tmp_path: Path) -> None:
    # HEAD (link checkers, monitors, curl -I) was a 405 on every page and API route but /static.
    app = app_for(tmp_path / "s.db")
    paths = ["/", "/stream", "/docs", "/api/stories", "/api/stream/stories", "/api/health", "/openapi.json",
             "/static/style.css"]
    gets = asyncio.run(call(app, *(("GET", p, {}) for p in paths)))
    heads = asyncio.run(call(app, *(("HEAD", p, {}) for p in paths)))
    for path, get, head in zip(paths, gets, heads, strict=True):
        assert (head.status_code, get.status_code) == (200, 200), path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers["content-length"] == str(len(get.content)), path
        assert "frame-ancestors 'none'" in head.headers["content-security-policy"], path
    missing, post_only = asyncio.run(call(app, ("HEAD", "/stories/nope", {}), ("HEAD", "/api/articles", {})))
    assert (missing.status_code, missing.content) == (404, b"")
    assert (post_only.status_code, post_only.headers["allow"]) == (405, "POST")


@pytest.mark.parametrize(("words", "shown"), [("80", 'value="80"'),
                                              ('80"><b id=x>', 'value="80&#34;&gt;&lt;b id=x&gt;"')])
def test_a_refused_form_keeps_the_word_budget_that_was_typed(tmp_path: Path, words: str, shown: str) -> None:
    # The boxes came back as typed, but the summary length was reset to 150.
    app = app_for(tmp_path / "s.db")
    form = {"text": [MILLBROOK[0]["text"], MILLBROOK[1]["text"]], "title": ["", ""], "source": ["", ""],
            "url": ["", ""], "date": ["2026-02-30", ""], "words": words}
    (r,) = asyncio.run(call(app, ("POST", "/stories", {"data": form})))
    assert r.status_code == 422 and 'role="alert"' in r.text
    assert re.search(r'<input id="words"[^>]*' + re.escape(shown), r.text), r.text[-2500:]
    assert "Millbrook public library reopened" in r.text
    assert app.state.store.count() == 0


def test_the_address_a_refused_form_leaves_is_the_form(tmp_path: Path) -> None:
    # A refused form is shown at /stories; asking for that address again was a 405 "Method Not Allowed" page.
    app = app_for(tmp_path / "s.db")
    plain, slash = asyncio.run(call(app, ("GET", "/stories", {}), ("GET", "/stories/", {"follow_redirects": True})))
    assert (plain.status_code, plain.headers["location"]) == (303, "/")
    assert slash.status_code == 200 and 'id="story-form"' in slash.text


def test_a_trailing_slash_redirects_to_a_relative_address_not_the_host_header(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    hdr = {"headers": {"host": "evil.example"}}
    api, page, none = asyncio.run(call(app, ("GET", "/api/stories/?limit=2", hdr), ("GET", "/stream/", hdr),
                                       ("GET", "/nowhere/", hdr)))
    assert (api.status_code, api.headers["location"]) == (307, "/api/stories?limit=2")
    assert (page.status_code, page.headers["location"]) == (307, "/stream")
    assert none.status_code == 404


@pytest.mark.parametrize(("method", "path", "allow"), [
    ("DELETE", "/api/stories", "GET, HEAD, POST"), ("PUT", "/", "GET, HEAD"), ("GET", "/api/articles", "POST"),
])
def test_a_405_names_every_method_of_the_path(tmp_path: Path, method: str, path: str, allow: str) -> None:
    # Starlette named the first route's methods only: DELETE /api/stories answered "Allow: POST".
    (r,) = asyncio.run(call(app_for(tmp_path / "s.db"), (method, path, {})))
    assert (r.status_code, r.headers["allow"]) == (405, allow)


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles"])
def test_a_body_nested_too_deeply_is_not_called_invalid_utf8(tmp_path: Path, path: str) -> None:
    # Valid UTF-8, so "the request body is not valid UTF-8 JSON" sent the client looking in the wrong place.
    app = app_for(tmp_path / "s.db")
    body = b'{"articles": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (r,) = asyncio.run(call(app, ("POST", path, {"content": body, "headers": {"content-type": "application/json"}})))
    assert (r.status_code, r.json()) == (400, {"error": "the request body is nested too deeply to be read as JSON"})


@pytest.mark.parametrize("body", [b"[]", b'"text"', b"null", b"5", b'[{"text": "The bridge is shut."}]'])
@pytest.mark.parametrize(("path", "example"), [("/api/stories", '{"articles": [...]}'),
                                               ("/api/articles", '{"text": "..."}')])
def test_a_body_that_is_not_an_object_says_so(tmp_path: Path, body: bytes, path: str, example: str) -> None:
    # Was "Input should be a valid dictionary or object to extract fields from", naming nothing.
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(call(app, ("POST", path, {"content": body, "headers": {"content-type": "application/json"}})))
    assert (r.status_code, r.json()) == (422, {"error": f"the request body must be a JSON object such as {example}"})


@pytest.mark.parametrize(("headers", "status"), [
    ({"origin": "null", "sec-fetch-site": "cross-site"}, 403),  # another site's page that asks for no referrer
    ({"origin": "null", "sec-fetch-site": "same-site"}, 403),
    ({"sec-fetch-site": "cross-site"}, 403),
    ({"origin": "https://elsewhere.example"}, 403),
    ({"origin": "null", "sec-fetch-site": "same-origin"}, 303),  # this site's own form, under no-referrer
    ({"origin": "http://test"}, 303),
    ({}, 303),  # curl
])
def test_a_form_sent_from_another_site_is_refused(tmp_path: Path, headers: dict[str, str], status: int) -> None:
    # Origin: null was taken as this site's own form, but any page can send it: a page with
    # <meta name="referrer" content="no-referrer"> that submits a form here created a story.
    app = app_for(tmp_path / "s.db")
    form = {"text": [MILLBROOK[0]["text"]], "title": [""], "source": [""], "url": [""], "date": [""]}
    (r,) = asyncio.run(call(app, ("POST", "/stories", {"data": form, "headers": headers})))
    assert r.status_code == status, r.text
    assert app.state.store.count() == (1 if status == 303 else 0)


def test_a_title_or_outlet_from_an_article_header_is_one_line_without_controls(tmp_path: Path) -> None:
    # The title, source and url fields drop control characters; a text's own header went around them.
    app = app_for(tmp_path / "s.db")
    text = ("---\ntitle: Lock gates \u202ejam open\nsource: Quayside\u2066 Post\x1b[31m\n---\n"
            + HOSTILE_HEADER.split("---\n", 2)[2])
    story, one = asyncio.run(call(app, ("POST", "/api/stories", {"json": {"articles": [{"text": text}]}}),
                                  ("POST", "/api/articles", {"json": {"text": text}})))
    assert (story.status_code, one.status_code) == (201, 201), (story.text, one.text)
    (stored,) = story.json()["articles"]
    (streamed,) = app.state.store.stream_articles()
    for got in ((stored["title"], stored["source"]), (streamed.title, streamed.source)):
        assert got == ("Lock gates jam open", "Quayside Post[31m")


def test_the_form_takes_the_word_budgets_the_server_takes(tmp_path: Path) -> None:
    # The form's box allowed 20-1000 words where the API and the form's handler take 1 to MAX_WORDS; and the
    # library's refusal of 0 told a web user to "try --words 150", a command-line flag.
    from storyline.options import MAX_WORDS

    app = app_for(tmp_path / "s.db")
    form = {"text": [MILLBROOK[0]["text"]], "title": [""], "source": [""], "url": [""], "date": [""], "words": "0"}
    page, refused = asyncio.run(call(app, ("GET", "/", {}), ("POST", "/stories", {"data": form})))
    assert re.search(rf'<input id="words"[^>]* min="1" max="{MAX_WORDS}"', page.text)
    assert refused.status_code in (400, 422) and "--words" not in refused.text


@pytest.mark.parametrize(("host", "status"), [
    ("evil.example:8765", 421),  # a site whose name now points at 127.0.0.1 (DNS rebinding)
    ("127.0.0.1.evil.example", 421),
    ("localhost.evil.example:80", 421),
    ("localhost:8765", 200),
    ("LOCALHOST.", 200),
    ("app.localhost:8765", 200),
    ("127.0.0.1:8765", 200),
    ("[::1]:8765", 200),
    ("192.168.1.20", 200),  # an address cannot be rebound: the page's origin is the address itself
])
def test_a_server_on_loopback_answers_only_requests_addressed_to_this_machine(
        tmp_path: Path, host: str, status: int) -> None:
    # A page on evil.example whose DNS answer turned to 127.0.0.1 is same-origin with the server under that
    # name: without this check it read /api/stories and posted stories (Origin and Host both evil.example).
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False, local_only=True))
    body = {"articles": [{"text": MILLBROOK[0]["text"]}]}
    answers = asyncio.run(call(app, ("GET", "/api/stories", {"headers": {"host": host}}),
                               ("GET", "/", {"headers": {"host": host}}),
                               ("POST", "/api/stories", {"headers": {"host": host}, "json": body})))
    assert [r.status_code for r in answers] == [status, status, 201 if status == 200 else status]
    if status == 421:
        assert "localhost" in answers[0].json()["error"] and "<script" not in answers[1].text
        assert app.state.store.count() == 0
    # Off by default (a server bound to every address is reached by names this one cannot know).
    (r,) = asyncio.run(call(app_for(tmp_path / "t.db"), ("GET", "/api/stories", {"headers": {"host": host}})))
    assert r.status_code == 200


def test_a_host_headers_answer_is_kept_for_a_bounded_number_of_names() -> None:
    # Every request asks whether its Host header names this machine (~8 us to parse): the answer is kept, per
    # header, for the latest HOSTS_KEPT of them, so that a client sending a new name each time grows nothing.
    from storyline.web.security import HOSTS_KEPT, is_local_host

    is_local_host.cache_clear()
    for _ in range(3):
        assert [is_local_host(h) for h in ("127.0.0.1:8000", "evil.example", "localhost:8000")] == [True, False, True]
    assert is_local_host.cache_info().hits == 6
    names = [f"n{k}.example" for k in range(HOSTS_KEPT * 4)] + [f"10.0.{k // 250}.{k % 250}" for k in range(300)]
    assert [is_local_host(h) for h in names] == [False] * (HOSTS_KEPT * 4) + [True] * 300
    assert is_local_host.cache_info().currsize == HOSTS_KEPT
    assert is_local_host("evil.example") is False and is_local_host("[::1]:80") is True


@pytest.mark.parametrize(("any_host", "status"), [("", 421), ("1", 200)])
def test_the_uvicorn_factory_checks_the_host_unless_told_it_is_served_under_other_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, any_host: str, status: int) -> None:
    from storyline.web.app import app_from_env

    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "f.db"))
    monkeypatch.setenv("STORYLINE_ANY_HOST", any_host)
    app = app_from_env()
    (r, local) = asyncio.run(call(app, ("GET", "/api/stories", {"headers": {"host": "evil.example"}}),
                                  ("GET", "/api/stories", {"headers": {"host": "127.0.0.1:8000"}})))
    assert (r.status_code, local.status_code) == (status, 200)
