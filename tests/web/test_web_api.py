"""The JSON API through real HTTP against a running ``storyline serve``."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from articles import MILLBROOK, sample_articles
from webserver import Server

from storyline.web.inputs import MAX_BODY

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


def create(server: Server, articles: list[dict], **extra) -> httpx.Response:
    return httpx.post(server.url + "/api/stories", json={"articles": articles, **extra}, timeout=120)


def assert_alive(server: Server) -> None:
    assert httpx.get(server.url + "/api/health", timeout=10).json()["status"] == "ok"


def test_create_get_and_list(server: Server) -> None:
    r = create(server, sample_articles(), words=100)
    assert r.status_code == 201, r.text
    body = r.json()
    sid = body["id"]
    assert r.headers["location"] == f"/api/stories/{sid}"
    assert body["sentences"] and body["words"] <= 100 and body["method"] == "default"
    ids = {a["id"] for a in body["articles"]}
    for s in body["sentences"]:
        assert s["article"] in ids and set(s["sources"]) <= ids and s["start"] < s["end"]
    got = httpx.get(f"{server.url}/api/stories/{sid}").json()
    assert got == body
    listing = httpx.get(server.url + "/api/stories", params={"limit": 100}).json()
    mine = [s for s in listing["stories"] if s["id"] == sid]
    assert mine and mine[0]["article_count"] == len(body["articles"]) and mine[0]["title"] == body["title"]
    assert listing["total"] >= 1 and set(mine[0]) == {"id", "created", "updated", "title", "article_count"}
    assert mine[0]["updated"] is None  # never edited


def test_metadata_is_kept(server: Server) -> None:
    r = create(server, MILLBROOK, words=60)
    assert r.status_code == 201, r.text
    first = r.json()["articles"][0]
    assert (first["title"], first["source"], first["date"], first["url"]) == (
        MILLBROOK[0]["title"], "Millbrook Courier", "2026-04-02", "https://courier.example/millbrook-library")
    assert r.json()["title"] == MILLBROOK[0]["title"]


def test_pagination(server: Server) -> None:
    for _ in range(2):
        assert create(server, MILLBROOK[:2], words=40).status_code == 201
    page1 = httpx.get(server.url + "/api/stories", params={"limit": 1}).json()
    page2 = httpx.get(server.url + "/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(page1["stories"]) == 1 and page1["next_offset"] == 1
    assert page1["stories"][0]["id"] != page2["stories"][0]["id"]
    assert page1["stories"][0]["created"] >= page2["stories"][0]["created"]
    assert httpx.get(server.url + "/api/stories", params={"limit": 0}).status_code == 422


BAD_REQUESTS = [
    (b"{not json", 400, "not valid JSON"),
    (b'{"articles": [{"title": "no text"}]}', 422, "text"),
    (b'{"articles": [{"text": "   "}]}', 400, "empty"),
    (b'{"articles": [{"text": "Home | News | Login\\nSubscribe\\nCookie settings"}]}', 400, "clutter"),
    (b'{"articles": []}', 422, "articles"),
    (b'{"articles": "text"}', 422, "articles"),
    (b'{"articles": [{"text": "A sentence here."}], "words": 0}', 422, "words"),
    (b'{"articles": [{"text": "A sentence here."}], "words": true}', 422, "words: must be a whole number"),
    (b'{"articles": [{"text": "A sentence here."}], "method": "nope"}', 422, "unknown method"),
    (b'{"articles": [{"text": "A sentence here.", "url": "javascript:alert(1)"}]}', 422, "url"),
    (b'{"articles": [{"text": "A sentence here.", "date": "yesterday"}]}', 422, "date"),
    (b'{"articles": [{"text": "A sentence here.", "extra": 1}]}', 422, "extra"),
    (b"[]", 422, ""),
    (b"", 400, "empty"),
    (b'{"articles": [{"text": "A sentence here.", "words": 150}], "words": "many"}', 422, "words"),
]


@pytest.mark.parametrize(("body", "status", "words"), BAD_REQUESTS)
def test_bad_requests_get_json_errors(server: Server, body: bytes, status: int, words: str) -> None:
    r = httpx.post(server.url + "/api/stories", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    assert set(r.json()) == {"error"} and words.lower() in r.json()["error"].lower()
    assert "Traceback" not in r.text and "File \"" not in r.text
    assert_alive(server)


def test_size_and_count_limits(server: Server) -> None:
    r = httpx.post(server.url + "/api/stories", content=b"x" * (MAX_BODY + 1),
                   headers={"content-type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]
    big = "Word " * 50_000 + "end."
    r = create(server, [{"text": big}])
    assert r.status_code == 413 and "KB" in r.json()["error"]
    r = create(server, [{"text": "One short article."}] * 51)
    assert r.status_code == 413 and "at most 50" in r.json()["error"]
    assert_alive(server)


@pytest.mark.parametrize("field", ["text", "title", "source", "url"])
def test_a_lone_surrogate_in_any_field_is_refused(server: Server, field: str) -> None:
    article = {"text": "The ferry ran late on Monday.", "url": "https://news.example/ferry"}
    article[field] = article.get(field, "") + "\ud800"
    body = json.dumps({"articles": [article]}).encode()
    assert b'\\ud800"' in body  # JSON's spelling of a lone surrogate, which decodes to no character
    r = httpx.post(server.url + "/api/stories", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert set(r.json()) == {"error"} and field in r.json()["error"]
    assert_alive(server)


def test_offset_is_bounded(server: Server) -> None:
    r = httpx.get(server.url + "/api/stories", params={"offset": "99999999999999999999999"})
    assert r.status_code == 422 and r.json()["error"].startswith("offset:")
    r = httpx.get(server.url + "/api/stories", params={"offset": 10**9})
    assert r.status_code == 200 and r.json()["stories"] == [] and r.json()["next_offset"] is None
    assert_alive(server)


def _chunks(total: int, size: int = 64 * 1024):
    for start in range(0, total, size):
        yield b" " * min(size, total - start)


def test_a_chunked_body_over_the_cap_gets_413(server: Server) -> None:
    # A generator body goes out with Transfer-Encoding: chunked and no Content-Length.
    for total in (MAX_BODY + 1, MAX_BODY + 3 * 1024 * 1024):
        r = httpx.post(server.url + "/api/stories", content=_chunks(total),
                       headers={"content-type": "application/json"}, timeout=60)
        assert r.request.headers.get("transfer-encoding") == "chunked" and "content-length" not in r.request.headers
        assert r.status_code == 413, r.text
        assert r.json() == {"error": "request body too large (the limit is 12 MB)"}
    # The form's page gets a page back, not JSON, whichever way the size is found out.
    for content in (_chunks(MAX_BODY + 1024), b" " * (MAX_BODY + 1024)):
        r = httpx.post(server.url + "/stories", content=content, timeout=60,
                       headers={"content-type": "multipart/form-data; boundary=x"})
        assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
        assert "request body too large (the limit is 12 MB)" in r.text
    # The page is a phone's width (it was drawn 980 px wide and shrunk) and says how to get back what was pasted:
    # its link alone gave a blank form, and it spoke of files to a person who had pasted text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in r.text
    assert "paste or upload less" in r.text and "Back button returns to the form with what you typed" in r.text
    # Under the cap, a chunked body reaches the app whole.
    payload = b'{"articles": [{"text": "A sentence here."}], "method": "nope"}'
    r = httpx.post(server.url + "/api/stories", content=iter([payload[:10], payload[10:]]),
                   headers={"content-type": "application/json"})
    assert r.status_code == 422 and "unknown method" in r.json()["error"]
    assert_alive(server)


def test_too_many_files_on_the_form_shows_the_form_with_413(server: Server) -> None:
    files = [("files", (f"part{k}.txt", b"The ferry ran late on Monday.", "text/plain")) for k in range(52)]
    r = httpx.post(server.url + "/stories", files=files, data={"text": "Kept <b>box</b> text."}, timeout=60)
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html")
    assert 'id="form-error"' in r.text and "too many files: 52 (at most 50 per story)" in r.text
    assert "Kept &lt;b&gt;box&lt;/b&gt; text." in r.text  # what was typed comes back, escaped
    files = [("files", (f"part{k}.txt", b"Short.", "text/plain")) for k in range(201)]
    r = httpx.post(server.url + "/stories", files=files, timeout=60)  # past the parser's own hard stop
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "too many files (at most 50 per story)" in r.text
    assert_alive(server)


def test_pages_answer_html_errors_and_the_api_json(server: Server) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    for path in (f"/stories/{hostile}", f"/stories/{hostile}/articles/1", "/no/such/page"):
        r = httpx.get(server.url + path)  # no Accept header, as curl sends it
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html"), path
        assert hostile not in r.text and "<h1>Page not found</h1>" in r.text
    assert "no story with id &#39;&lt;img src=x onerror=alert(1)&gt;&#39;" in httpx.get(
        server.url + f"/stories/{hostile}").text
    for path in (f"/api/stories/{hostile}", "/api/nothing-here"):
        r = httpx.get(server.url + path, headers={"accept": "text/html"})
        assert r.status_code == 404 and set(r.json()) == {"error"}, path


def test_headers_and_errors_on_pages(server: Server) -> None:
    for path, status in [("/", 200), ("/api/stories", 200), ("/no/such/page", 404), ("/api/stories/zzz", 404)]:
        r = httpx.get(server.url + path, headers={"accept": "text/html"})
        assert r.status_code == status
        for h in SECURITY_HEADERS:
            assert h in r.headers, (path, h)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "'unsafe-inline'" not in r.headers["content-security-policy"]
    assert httpx.get(server.url + "/api/stories/zzz").json() == {
        "error": "no story with id 'zzz': it was deleted, or never existed"}
    schema = httpx.get(server.url + "/openapi.json").json()
    assert "/api/stories" in schema["paths"] and "/api/stories/{story_id}" in schema["paths"]
    assert "StoryIn" in httpx.get(server.url + "/docs").text


def _workers_of(pid: int) -> list[int]:
    """Pids of the pool workers (multiprocessing spawn children) of process ``pid``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmd = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"spawn_main" in cmd:
            found.append(int(stat.parent.name))
    return found


def test_restart_keeps_stories(fresh_server: Server) -> None:
    srv = fresh_server.start()
    made = create(srv, MILLBROOK, words=50).json()
    srv.stop()  # graceful
    srv.start()
    assert httpx.get(f"{srv.url}/api/stories/{made['id']}").json() == made
    second = create(srv, MILLBROOK[1:], words=40).json()
    assert srv.proc is not None
    workers = _workers_of(srv.proc.pid)
    assert workers  # the summaries ran in worker processes
    srv.stop(signal.SIGKILL)  # a crash: what was answered 201 must still be there
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "workers outlived the killed server"
    srv.start()
    for story in (made, second):
        assert httpx.get(f"{srv.url}/api/stories/{story['id']}").json() == story
    assert httpx.get(srv.url + "/api/stories").json()["total"] == 2
    with sqlite3.connect(srv.db) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_second_server_on_a_served_database_is_refused(fresh_server: Server) -> None:
    # Two servers on one database each grouped the stream alone: both gave story 1 to their first article, two
    # unrelated articles in one stream story. The second is refused before it reads the database.
    srv = fresh_server.start()
    first = httpx.post(srv.url + "/api/articles", json=MILLBROOK[0], timeout=60).json()
    second = Server(srv.db)
    with pytest.raises(RuntimeError, match="server exited with 9") as refused:
        second.start()
    assert (f"storyline: error: {srv.db}: another storyline server is using this story database (one server per "
            "database: each groups the stream alone); stop it, or give another --db") in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert httpx.get(f"{srv.url}/api/articles/{first['article']}", timeout=30).json()["story"] == 1
    srv.stop(signal.SIGKILL)  # however the first ends, the database is free again
    second.start()
    try:
        assert httpx.get(f"{second.url}/api/articles/{first['article']}", timeout=30).json()["story"] == 1
    finally:
        second.stop()


# Written for this test: the summary quotes "Quint said …" from one outlet; the other introduces her.
QUINT = [
    {"text": "Divers will inspect the Kestrel pier in Harlow on Tuesday after a grain ship struck it late on Sunday "
             "night. The ship, the Marta Vale, was carrying wheat to the mills at Eastport. Its crew of twelve was "
             "unhurt. The harbour was closed to all traffic on Monday. Harbour Master Ines Quint visited the pier on "
             "Monday afternoon.", "source": "Harlow Post"},
    {"text": "Quint said the Kestrel pier in Harlow would reopen to small boats on Wednesday after divers inspect it "
             "on Tuesday. A grain ship struck the pier late on Sunday night. The ship was carrying wheat to the mills "
             "at Eastport.", "source": "Coast Wire"},
]


def test_the_story_says_who_a_speaker_named_by_surname_is(server: Server) -> None:
    r = create(server, QUINT, words=40)
    assert r.status_code == 201, r.text
    body = r.json()
    texts = " ".join(s["text"] for s in body["sentences"])
    assert "Quint said" in texts and "Ines Quint" not in texts  # the case this test is about
    (who,) = body["introductions"]
    post = next(a for a in body["articles"] if a["source"] == "Harlow Post")
    assert (who["name"], who["text"], who["article"]) == ("Quint", "Harbour Master Ines Quint", post["id"])
    page = httpx.get(f"{server.url}/stories/{body['id']}").text
    assert "Who&#39;s who" in page or "Who's who" in page
    assert "<strong><bdi>Quint</bdi></strong>: <bdi>Harbour Master Ines Quint</bdi>" in page
