"""Store, input checks and page views, without a server."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from articles import MILLBROOK

from storyline.web.inputs import UPLOAD_SUFFIXES, Limits, RequestError, check_articles, upload_articles
from storyline.web.jobs import context, run
from storyline.web.store import APPLICATION_ID, SCHEMA, SCHEMA_VERSION, STREAM_PAGE, Store, StoreError, claim, label
from storyline.web.views import lines, paragraphs


def stored(tmp_path: Path):
    store = Store(tmp_path / "s.db")
    result = run(check_articles(MILLBROOK, Limits()), 60, "default")
    return store, store.add(title="t", summary=result["summary"], articles=result["articles"], inputs=MILLBROOK)


def test_store_round_trip_and_wal(tmp_path: Path) -> None:
    store, story = stored(tmp_path)
    assert store.get(story.id) == story
    items, total = store.list()
    assert total == 1 and items[0].id == story.id and items[0].article_count == 3
    assert store.get("missing") is None
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    twins = [{"id": "1", "text": "a"}, {"id": "1", "text": "b"}]  # the second violates the primary key
    with pytest.raises(sqlite3.IntegrityError):
        store.add(title="x", summary={}, articles=twins, inputs=[])
    assert store.count() == 0
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_a_storys_revision_is_read_without_a_connection_per_call(tmp_path: Path, monkeypatch) -> None:
    # Every story request reads the revision (the rendered-page cache's key): opening a connection for each, with
    # its pragmas, cost ~100 times the query and halved the server's requests/s on a cached story.
    store = Store(tmp_path / "s.db")
    story = store.add(title="x", summary={}, articles=[{"id": "1", "text": "a"}], inputs=[])
    opened = []
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(a) or connect(*a, **k))
    assert [store.revision(story.id) for _ in range(20)] == [story.revision] * 20
    assert len(opened) <= 1


def test_a_storys_revision_follows_writes_from_other_threads(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = Store(tmp_path / "s.db")
    story = store.add(title="x", summary={}, articles=[{"id": "1", "text": "a"}], inputs=[])
    assert store.revision(story.id) == story.revision  # (this thread's connection is open from here on)
    with ThreadPoolExecutor(1) as pool:
        renamed = pool.submit(store.rename, story.id, "y", lambda s: "auto").result()
        assert renamed is not None and renamed.revision > story.revision
        assert store.revision(story.id) == renamed.revision
        assert pool.submit(store.revision, story.id).result() == renamed.revision  # (its own connection)
        assert pool.submit(store.delete, story.id).result() is not None
    assert store.revision(story.id) is None
    assert store.revision("missing") is None


def test_a_cached_story_read_takes_no_trip_through_the_thread_pool(tmp_path: Path, monkeypatch) -> None:
    # A cached story read sent its revision query to the thread pool: the trip there and back cost about half of the
    # read's CPU (in-process, 300 -> 140 us a request without it), for a query of microseconds.
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    app = create_app(WebSettings(db=tmp_path / "s.db"))
    with TestClient(app) as client:
        sid = client.post("/api/stories", json={"articles": [DATELINED, UNDATED], "words": 60}).json()["id"]
        paths = [f"/stories/{sid}", f"/api/stories/{sid}"]
        assert [client.get(path).status_code for path in paths] == [200, 200]  # rendered, and kept
        hops: list[object] = []
        run_sync = anyio.to_thread.run_sync
        monkeypatch.setattr(anyio.to_thread, "run_sync", lambda f, *a, **k: hops.append(f) or run_sync(f, *a, **k))
        assert [client.get(path).status_code for path in paths * 3] == [200] * 6
        assert hops == []
        # a write through another connection, from another thread, is seen by the next read
        Store(tmp_path / "s.db").rename(sid, "Renamed elsewhere", lambda s: "auto")
        assert client.get(f"/api/stories/{sid}").json()["title"] == "Renamed elsewhere"
        assert "Renamed elsewhere" in client.get(f"/stories/{sid}").text
        assert client.get("/api/stories/" + "0" * 12).status_code == 404


def test_an_articles_page_is_kept_with_its_storys_renders(tmp_path: Path, monkeypatch) -> None:
    # The page of one of a story's articles was read from the store and rendered on every request, through the
    # thread pool; it is kept per revision of its story as the story's page is, and follows its edits and deletion.
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    app = create_app(WebSettings(db=tmp_path / "s.db"))
    with TestClient(app) as client:
        sid = client.post("/api/stories", json={"articles": [DATELINED, UNDATED], "words": 60}).json()["id"]
        first = client.get(f"/stories/{sid}/articles/1")
        assert first.status_code == 200 and first.headers["content-type"] == "text/html; charset=utf-8"
        assert "Kellmouth" in first.text and f'href="/stories/{sid}"' in first.text
        hops: list[object] = []
        run_sync = anyio.to_thread.run_sync
        monkeypatch.setattr(anyio.to_thread, "run_sync", lambda f, *a, **k: hops.append(f) or run_sync(f, *a, **k))
        again = [client.get(f"/stories/{sid}/articles/1") for _ in range(3)]
        assert [r.text for r in again] == [first.text] * 3 and hops == []
        assert client.head(f"/stories/{sid}/articles/1").status_code == 200
        # an article the story does not have is a 404 each time, and nothing is kept for it
        missing = [client.get(f"/stories/{sid}/articles/{aid}") for aid in ("9", "9", "x" * 300)]
        assert [r.status_code for r in missing] == [404] * 3 and "has no article &#39;9&#39;" in missing[0].text
        assert {key[0] for key in app.state.rendered._items} == {"article 1"}
        # renamed elsewhere (another connection): the page's way back names the story as it is called now
        Store(tmp_path / "s.db").rename(sid, "Renamed elsewhere", lambda s: "auto")
        assert "Renamed elsewhere" in client.get(f"/stories/{sid}/articles/1").text
        assert client.delete(f"/api/stories/{sid}").status_code == 200
        gone = client.get(f"/stories/{sid}/articles/1")
        assert gone.status_code == 404 and "it was deleted, or never existed" in gone.text
        assert not app.state.rendered._items


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_is_marked_as_ours(tmp_path: Path) -> None:
    store = Store(tmp_path / "new" / "s.db")
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    Store(store.path)  # and opens again


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Ada', '555-0100')")
    db.close()
    before = _digest(other)
    with pytest.raises(StoreError, match=r"other tables \(contacts\), not a storyline story database"):
        Store(other)
    assert _digest(other) == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_database_marked_by_another_program_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "marked.db"
    with sqlite3.connect(other) as db:
        db.execute("PRAGMA application_id = 1234")
    db.close()
    with pytest.raises(StoreError, match="another program"):
        Store(other)


def test_a_store_from_a_newer_storyline_is_refused(tmp_path: Path) -> None:
    path = Store(tmp_path / "s.db").path
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer storyline"):
        Store(path)


def _newer(tmp_path: Path) -> Path:
    """A story database as a storyline of the next schema would leave it (this one cannot know its tables)."""
    path = Store(tmp_path / "newer.db").path
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.execute("CREATE TABLE stream_clock (day TEXT)")
    db.close()
    return path


def test_the_uvicorn_factory_refuses_a_newer_database_in_one_line(tmp_path: Path) -> None:
    # uvicorn printed a 40-line traceback of the factory's StoreError, exit code 1
    path = _newer(tmp_path)
    before = _digest(path)
    env = {**os.environ, "STORYLINE_DB": str(path)}
    done = subprocess.run([sys.executable, "-m", "uvicorn", "--factory", "storyline.web.app:app_from_env",
                           "--port", "0"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr == (f"storyline: error: {path}: written by a newer storyline (schema {SCHEMA_VERSION + 1}); "
                           "upgrade storyline\n")
    assert _digest(path) == before


def test_the_uvicorn_factory_refuses_a_database_another_server_holds(tmp_path: Path) -> None:
    # uvicorn --workers 2 --factory: each worker process made its own app, and its own stream, on one database
    path = tmp_path / "s.db"
    Store(path)
    held = claim(path)
    try:
        env = {**os.environ, "STORYLINE_DB": str(path)}
        done = subprocess.run([sys.executable, "-m", "uvicorn", "--factory", "storyline.web.app:app_from_env",
                               "--port", "0"], env=env, capture_output=True, text=True, timeout=120)
    finally:
        if held is not None:
            os.close(held)
    assert done.returncode == 9, done.stderr
    assert done.stderr == (f"storyline: error: {path}: another storyline server is using this story database (one "
                           "server per database: each groups the stream alone); stop it, or give another --db\n")


def test_a_database_that_cannot_be_written_at_start_is_named_in_one_line(tmp_path: Path, monkeypatch) -> None:
    # A read-only file (here: SQLite's query_only, the same SQLITE_READONLY) at start is the file's to change,
    # not a request's to send again: the error names it, exit code 2.
    opened = Store._open

    def read_only(self):
        con = opened(self)
        con.execute("PRAGMA query_only = ON")
        return con

    monkeypatch.setattr(Store, "_open", read_only)
    path = tmp_path / "s.db"
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(err.value) == (f"{path}: cannot be written (the file is read-only); give a file storyline may "
                              "write, on a disk with room")
    assert err.value.exit_code == 2


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The ferry ran late on Monday, the harbour office said.\n" * 40)
    before = _digest(article)
    with pytest.raises(StoreError, match="not a SQLite database") as err:
        Store(article)
    assert err.value.exit_code == 2 and "\n" not in str(err.value)
    assert _digest(article) == before and sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


def test_a_store_from_before_the_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # what earlier versions wrote: the tables, no header mark
        db.executescript(SCHEMA)
        db.execute("INSERT INTO stories VALUES ('abc', '2026-01-01T00:00:00Z', 'Old', 0, '{}', NULL, '[]')")
    db.close()
    store = Store(path)
    assert store.get("abc") is not None and store.count() == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def _stream_of(store: Store, n: int, seed: int) -> list[dict]:
    """``n`` stream articles in stories that go on side by side (each article in one of the latest few stories
    or a new one), some untitled, some undated."""
    import random

    rng = random.Random(seed)
    rows, story = [], 0
    for k in range(n):
        story = rng.randint(max(1, story - 5), story + 1) if story else 1
        row = {"id": f"a{k}", "text": f"Report {k} on the harbour works. " * 3, "title": rng.choice(["", f"T{k}"]),
               "source": "", "url": "", "date": rng.choice([None, f"2026-03-{rng.randint(1, 28):02d}"]),
               "origin": ""}
        rows.append(store.add_stream_article(row, story=story, similarity=0.5))
        story = max(r.story for r in rows)
    return rows


def test_a_stream_listing_page_is_each_storys_first_latest_and_dates(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    rows = _stream_of(store, 300, seed=4)
    stories = sorted({r.story for r in rows}, reverse=True)
    want = []
    for s in stories:
        mine = [r for r in rows if r.story == s]
        dates = [r.date for r in mine if r.date]
        want.append((s, len(mine), label(mine[0].title, mine[0].text), label(mine[-1].title, mine[-1].text),
                     min(dates, default=None), max(dates, default=None), mine[0].created, mine[-1].created))
    for limit, offset in ((20, 0), (7, 13), (100, len(stories) - 3), (5, len(stories) + 2)):
        items, total = store.stream_stories(limit=limit, offset=offset)
        assert total == len(stories)
        got = [(i.story, i.article_count, i.first_title, i.latest_title, i.first_date, i.latest_date, i.created,
                i.updated) for i in items]
        assert got == want[offset:offset + limit]


def test_a_stream_listing_reads_only_its_pages_articles(tmp_path: Path) -> None:
    # It summed up every stored article (its date) before taking the page: 750 ms a page at 100,000 articles.
    # Now the only pass over the whole stream is over the story index, which holds what it needs.
    store = Store(tmp_path / "s.db")
    _stream_of(store, 40, seed=5)
    with sqlite3.connect(store.path) as db:
        plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + STREAM_PAGE, (20, 0))]
    db.close()
    tables = ("stream_articles", "a", "f", "l")  # the table and its aliases in the query
    scans = [step for step in plan if step.startswith("SCAN ") and step.split()[1] in tables]
    assert scans and all("COVERING INDEX" in step for step in scans), plan


def test_evidence_spans_point_at_the_cited_words(tmp_path: Path) -> None:
    _, story = stored(tmp_path)
    texts = {a["id"]: a["text"] for a in story.articles}
    for sentence, spans in zip(story.summary["sentences"], story.summary["evidence"], strict=True):
        origin = next(e for e in spans if e["article"] == sentence["article"])
        assert texts[origin["article"]][origin["start"]:origin["end"]] == sentence["text"]
    view = lines(story)
    assert view and all(c.quote for line in view for part in line.parts for c in part.cites)
    first = view[0].parts[0].cites[0]
    assert first.kind == "source" and first.quote == view[0].parts[0].text and first.href.endswith(
        f"#s-{story.summary['sentences'][0]['start']}-{story.summary['sentences'][0]['end']}")


def test_article_paragraphs_mark_the_cited_spans(tmp_path: Path) -> None:
    _, story = stored(tmp_path)
    s = story.summary["sentences"][0]
    pieces = [p for para in paragraphs(story, s["article"]) for p in para]
    target = [p for p in pieces if p.anchor == f"s-{s['start']}-{s['end']}"]
    assert len(target) == 1 and target[0].marked and target[0].text == s["text"]
    assert "".join(p.text for p in pieces).replace(" ", "") == next(
        a["text"] for a in story.articles if a["id"] == s["article"]).replace("\n", "").replace(" ", "")


def test_context_cuts_at_word_boundaries() -> None:
    text = "alpha beta gamma delta. The cited sentence. epsilon zeta eta theta"
    start = text.index("The")
    before, quote, after = context(text, start, start + len("The cited sentence."), chars=12)
    assert quote == "The cited sentence."
    assert before.startswith("…") and not before[1:].startswith(("lpha", "eta", "amma"))
    assert after.endswith("…") and after.startswith(" epsilon")


def test_input_checks() -> None:
    limits = Limits(max_article=100, max_articles=2)
    ok = check_articles([{"text": "x", "date": "2026-03-10T08:00:00Z", "url": "https://a.example/x"}], limits)
    assert ok[0]["date"] == "2026-03-10"
    for bad, status in [
        ([{"text": "x" * 101}], 413),
        ([{"text": "x"}] * 3, 413),
        ([{"text": "x", "url": "file:///etc/passwd"}], 422),
        ([{"text": "x", "date": "soon"}], 422),
        ([{"title": "no text"}], 422),
        ([{"text": "x\ud800"}], 422),
        ([{"text": "x", "source": "\udfff"}], 422),
        ([{"text": "x", "url": "https://a.example/\ud800"}], 422),
        ([], 422),
    ]:
        with pytest.raises(RequestError) as err:
            check_articles(bad, limits)
        assert err.value.http_status == status


def test_an_article_over_the_limit_says_how_much_of_it_fits() -> None:
    # 150,000 characters of Greek were "larger than 200 KB": a person who counted characters could not tell why,
    # nor how much to cut (the limit is of UTF-8 bytes, two a Greek letter)
    greek = "Η γέφυρα έκλεισε. " * 8_400
    with pytest.raises(RequestError) as err:
        check_articles([{"text": greek}], Limits())
    assert err.value.http_status == 413
    assert str(err.value) == ("article 1: larger than 200 KB, the limit for one article's text (its 151,200 characters "
                              "are 263 KB in UTF-8; about 115,000 of them fit): give a part of it")
    assert len(greek[:115_000].encode()) <= Limits().max_article < len(greek[:116_000].encode())


def test_uploads() -> None:
    lines_ = b'{"text": "One.", "title": "T", "source": "S"}\n\n{"documents": ["Two.", "Three."]}\n'
    got = upload_articles("cluster.jsonl", lines_)
    assert [a["text"] for a in got] == ["One.", "Two.", "Three."] and got[0]["title"] == "T"
    assert upload_articles("../../etc/a.html", b"<html><body><p>Hi.</p></body></html>")[0]["html"] is True
    assert "/" not in upload_articles("../../etc/a.txt", b"Hello.")[0]["origin"]
    for name, data, status in [("x.exe", b"MZ", 415), ("x.txt", b"  ", 422), ("x.jsonl", b"{bad", 400),
                               ("x.jsonl", b"[" * 10_000 + b"]" * 10_000, 400),  # had been a RecursionError
                               ("x.jsonl", b'{"other": 1}', 422), ("x.txt", b"\x00\x01\x02" * 100, 415)]:
        with pytest.raises(RequestError) as err:
            upload_articles(name, data)
        assert err.value.http_status == status, name


def test_an_upload_takes_the_suffixes_the_command_line_reads_as_articles() -> None:
    page = b"<div><p>The ferry to Orn Island stayed in port on Monday.</p></div>"
    for name in ("a.shtml", "a.xhtml", "a.HTM"):
        assert upload_articles(name, page)[0]["html"] is True, name
    assert upload_articles("a.markdown", b"# Ferry\n\nThe ferry stayed in port.")[0]["markdown"] is True
    assert upload_articles("a.text", b"The ferry stayed in port.")[0]["html"] is False
    # the form's file picker offers the same
    from importlib.resources import files

    form = (files("storyline.web") / "templates" / "index.html").read_text(encoding="utf-8")
    assert f'accept="{",".join(UPLOAD_SUFFIXES)}"' in form


FIXTURE_PAGE = Path(__file__).parents[1] / "fixtures" / "html" / "paras.html"
SAVED_FROM = "https://brellin-observer.example/news/mill-road-fire"


def _saved_archives(page: bytes) -> dict[str, bytes]:
    """The page saved as one file: as an MHTML archive (Chrome's "Webpage, Single File") and as Safari's Web Archive,
    each recording the address it was saved from, each with an image beside the page."""
    import email.message
    import email.policy
    import plistlib

    mime = email.message.EmailMessage(policy=email.policy.SMTP)
    mime["Snapshot-Content-Location"] = SAVED_FROM
    mime.make_related()
    html = email.message.EmailMessage(policy=email.policy.SMTP)
    html.set_content(page, maintype="text", subtype="html", cte="quoted-printable")
    html["Content-Location"] = SAVED_FROM
    image = email.message.EmailMessage(policy=email.policy.SMTP)
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(500), maintype="image", subtype="png")
    mime.attach(html)
    mime.attach(image)
    archive = {"WebMainResource": {"WebResourceData": page, "WebResourceMIMEType": "text/html",
                                   "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": SAVED_FROM}}
    return {"fire.mhtml": mime.as_bytes(), "fire.webarchive": plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)}


@pytest.mark.parametrize("name", ["fire.mhtml", "fire.webarchive"])
def test_an_uploaded_web_archive_is_read_as_the_command_line_reads_it(tmp_path: Path, name: str) -> None:
    # The upload refused .mhtml and .webarchive files ("unsupported file type"), which the command line reads.
    from storyline.api import load_articles

    data = _saved_archives(FIXTURE_PAGE.read_bytes())[name]
    (raw,) = check_articles(upload_articles(name, data), Limits())
    assert raw["html"] is True and raw["saved_from"] == SAVED_FROM
    (article,) = run([raw], 60, "default")["articles"]
    (saved := tmp_path / name).write_bytes(data)
    (cli,) = load_articles([saved])
    assert (article["title"], article["source"], article["url"], article["text"]) == (
        cli.title, cli.source, cli.url, cli.text)
    assert article["url"] == SAVED_FROM and cli.text.startswith("A fire that destroyed the Corvane")


def test_a_broken_or_empty_web_archive_upload_is_refused_with_the_command_lines_message(tmp_path: Path) -> None:
    import plistlib

    from storyline.errors import StorylineError
    from storyline.ingest import read_article

    mhtml = _saved_archives(FIXTURE_PAGE.read_bytes())["fire.mhtml"].replace(b"text/html", b"text/plain")
    for name, data, status in [("broken.webarchive", b"bplist00" + bytes(40), 415),
                               ("nopage.mhtml", mhtml, 422),
                               ("nopage.webarchive", plistlib.dumps({"WebMainResource": {}}, fmt=plistlib.FMT_BINARY),
                                422)]:
        (path := tmp_path / name).write_bytes(data)
        with pytest.raises(StorylineError) as cli:
            read_article(path, id="1")
        with pytest.raises(RequestError) as web:
            upload_articles(name, data)
        assert (str(web.value), web.value.http_status) == (str(cli.value).replace(str(tmp_path) + "/", ""), status)
    # the same limit as any uploaded page: its page counts against one page's
    (raw,) = upload_articles("fire.mhtml", _saved_archives(FIXTURE_PAGE.read_bytes() * 2)["fire.mhtml"])
    with pytest.raises(RequestError, match="the limit for one HTML page") as err:
        check_articles([raw], Limits(max_page=len(FIXTURE_PAGE.read_bytes())))
    assert err.value.http_status == 413


def test_an_uploaded_markdown_file_is_read_as_markdown_as_the_command_line_reads_it() -> None:
    # The upload took a .md file for plain text: its title kept the "# " and a quoted paragraph its "> ", in
    # the summary too ('> "We will not reopen it," the mayor said.').
    md = (b"# Quarry shut after landslide\n\n"
          b"The **Millbrook quarry** closed on Monday after a landslide buried its [access road](https://a.example).\n\n"
          b'> "We will not reopen it until the slope is safe," the owner said on Monday afternoon.\n')
    (raw,) = check_articles(upload_articles("quarry.md", md), Limits())
    result = run([raw], 60, "default")
    (article,) = result["articles"]
    assert article["title"] == "Quarry shut after landslide"
    texts = [s["text"] for s in result["summary"]["sentences"]]
    assert texts == ["The Millbrook quarry closed on Monday after a landslide buried its access road.",
                     '"We will not reopen it until the slope is safe," the owner said on Monday afternoon.']
    # a .txt upload stays plain text, as the command line reads a .txt file
    (plain,) = check_articles(upload_articles("quarry.txt", md), Limits())
    assert plain["markdown"] is False


def test_a_jsonl_upload_reads_a_line_said_to_be_markdown_as_the_api_does() -> None:
    # A line's "markdown" key was dropped: its text was read as plain text, "# " and "**" and all, where
    # POST /api/articles and /api/stories read the same field.
    md = "# Quarry shut after landslide\n\nThe **Millbrook quarry** closed on Monday after a landslide."
    lines_ = "\n".join(json.dumps(line) for line in ({"text": md, "markdown": True}, {"text": md},
                                                    {"text": md, "markdown": False, "title": "Given"}))
    said, unsaid, off = check_articles(upload_articles("quarry.jsonl", lines_.encode()), Limits())
    assert [said["markdown"], unsaid["markdown"], off["markdown"]] == [True, False, False]
    (article,) = run([said], 60, "default")["articles"]
    assert article["title"] == "Quarry shut after landslide"
    assert article["text"] == "The Millbrook quarry closed on Monday after a landslide."
    with pytest.raises(RequestError, match='quarry.jsonl:1: markdown must be true or false \\(got "yes"\\)') as err:
        upload_articles("quarry.jsonl", json.dumps({"text": md, "markdown": "yes"}).encode())
    assert err.value.http_status == 422


def test_an_undated_jsonl_upload_line_takes_the_day_its_url_writes_as_the_command_line_does() -> None:
    text = "The Millbrook quarry closed on Monday after a landslide, the owners said in a statement."
    rows = [{"text": text, "url": "https://millbrook.example/news/2026/03/11/quarry-shut"},
            {"text": text, "url": "https://millbrook.example/news/2026/03/11/quarry", "date": "2026-03-12"}]
    got = check_articles(upload_articles("quarry.jsonl", "\n".join(map(json.dumps, rows)).encode()), Limits())
    assert [a["date"] for a in run(got, 60, "default")["articles"]] == ["2026-03-11", "2026-03-12"]


def test_an_upload_of_several_clusters_is_refused_not_merged_into_one_story() -> None:
    two = (b'{"id": "a", "documents": ["The quarry closed on Monday."], "summaries": ["x"]}\n'
           b'{"id": "b", "documents": ["A zeppelin landed on Friday."], "summaries": ["y"]}\n')
    with pytest.raises(RequestError, match=r"several clusters \(lines 1 and 2\)") as err:
        upload_articles("pair.jsonl", two)
    assert err.value.http_status == 422
    one = b'{"text": "A note from the editor."}\n{"id": "a", "documents": ["The quarry closed on Monday."]}\n'
    assert len(upload_articles("one.jsonl", one)) == 2  # one cluster beside article lines is still one story


def test_a_cluster_over_the_sentence_limit_is_a_413(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import cluster
    from storyline.errors import InputTooLargeError

    monkeypatch.setattr(cluster, "MAX_SENTENCES", 3)
    with pytest.raises(InputTooLargeError, match="more than the limit of 3") as caught:
        run([dict(a) for a in MILLBROOK], 60, "default")
    assert caught.value.http_status == 413


DATELINED = {"title": "Harbour levy plan divided Kellmouth councillors", "text": (
    "Harbour levy plan divided Kellmouth councillors\n\nJune 09, 2018\n\nKELLMOUTH: The Kellmouth council this "
    "week proposed a harbour levy to pay for the new breakwater, and councillors who opposed it said on Thursday "
    "that they would force a second vote.\n\nThe levy would add a small charge to every berth in the harbour.\n")}
UNDATED = {"text": ("Councillors opposed to the harbour levy said on Thursday that they would force a second vote on "
                    "the plan for the new Kellmouth breakwater.\n\nThe levy would add a small charge to every berth "
                    "in the harbour, the council said.\n")}


def test_the_web_says_where_a_date_came_from_and_how_to_give_one(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=tmp_path / "s.db"))) as client:
        r = client.post("/api/stories", json={"articles": [DATELINED, UNDATED], "words": 60})
        assert r.status_code == 201, r.text
        body = r.json()
        assert [(a["date"], a["date_line"]) for a in body["articles"]] == [("2018-06-09", "June 09, 2018"),
                                                                           (None, None)]
        (note,) = [n for n in body["analysis"]["notes"] if "no publication date" in n]
        assert "--date" not in note and "the Date field of the form" in note and '"date"' in note
        page = client.get(f"/stories/{body['id']}").text
        assert "read from the page text: “June 09, 2018”" in page
        assert "week 2018-06-04 to 2018-06-10" in page and "the Date field of the form" in page


def test_who_is_who_links_each_introduction_to_its_article(tmp_path: Path) -> None:
    from dataclasses import replace

    from storyline.web.views import introductions

    _, story = stored(tmp_path)
    assert introductions(story) == [] or all(w.href.startswith(f"/stories/{story.id}/articles/")
                                             for w in introductions(story))
    second = story.articles[1]
    summary = {**story.summary, "introductions": [
        {"name": "Okoro", "text": "Mayor Lena Okoro", "article": second["id"], "start": 0, "end": 16},
        {"name": "Gone", "text": "Chief Gone", "article": "no-such-article", "start": 0, "end": 10}]}
    (who,) = introductions(replace(story, summary=summary))  # an unknown article is left out
    assert (who.name, who.text, who.number) == ("Okoro", "Mayor Lena Okoro", 2)
    assert who.href == f"/stories/{story.id}/articles/{second['id']}"


def test_the_story_page_tells_a_correction_once(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    corrected = {"title": "Harbor Bridge to reopen", "text": (
        "The Harbor Bridge in Port Alder will reopen on Friday after engineers checked the pier, the city said."
        "\n\nCorrection: An earlier version of this article said the bridge carries 84,000 vehicles a day. "
        "It carries about 48,000.\n")}
    other = {"text": "The Harbor Bridge in Port Alder reopens on Friday, city officials said, after engineers "
                     "finished checking the damaged pier.\n"}
    with TestClient(create_app(WebSettings(db=tmp_path / "s.db"))) as client:
        r = client.post("/api/stories", json={"articles": [corrected, other], "words": 60})
        assert r.status_code == 201, r.text
        body = r.json()
        assert any("printed a correction" in n for n in body["notes"])
        assert any("printed a correction" in n for n in body["analysis"]["notes"])
        page = client.get(f"/stories/{body['id']}").text
        assert page.count("printed a correction") == 1


def test_an_articles_teaser_and_corrections_are_kept_by_the_store(tmp_path: Path) -> None:
    # The store kept neither: a story's or a stream's article read back had lost the outlet's printed
    # correction (taken out of its text by cleaning) and whether the page gave only a paywall's teaser.
    store = Store(tmp_path / "s.db")
    articles = [{"id": "1", "text": "Body one.", "teaser": True, "corrections": ("It was 2007, not 2009.",)},
                {"id": "2", "text": "Body two."}]
    story = store.add(title="t", summary={}, articles=articles, inputs=[])
    for read in (story, store.get(story.id)):  # as stored, and read back
        assert [(a["teaser"], a["corrections"]) for a in read.articles] == [(True, ["It was 2007, not 2009."]),
                                                                           (False, [])]
    row = store.add_stream_article({"id": "s1", "text": "Stream body.", "teaser": True,
                                    "corrections": ["The mayor’s name was misspelled."]}, story=1, similarity=0.0)
    plain = store.add_stream_article({"id": "s2", "text": "Another body."}, story=1, similarity=0.5)
    assert (row.teaser, row.corrections, plain.teaser, plain.corrections) == (
        True, ("The mayor’s name was misspelled.",), False, ())
    assert store.stream_articles() == [row, plain] == store.stream_story_page(1, limit=10)[0]
    assert [r for r, _ in store.stream_latest(5)] == [row, plain]


def test_a_schema_3_database_opens_with_its_stories_stream_and_state(tmp_path: Path) -> None:
    import json

    from storyline.web.store import STATE_SCHEMA, STREAM_SCHEMA

    path = tmp_path / "v3.db"
    summary = {"articles": [{"id": "1", "teaser": False, "corrections": ["It carries about 48,000."]},
                            {"id": "2", "teaser": True, "corrections": []}], "sentences": []}
    with sqlite3.connect(path) as db:  # the tables as schema 3 made them, and what it stored in them
        db.executescript(SCHEMA + STREAM_SCHEMA + STATE_SCHEMA)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 3")
        db.execute("INSERT INTO stories VALUES ('abc', '2026-01-01T00:00:00Z', 'Old', 2, ?, NULL, '[]')",
                   (json.dumps(summary),))
        db.execute("INSERT INTO stories VALUES ('odd', '2026-01-02T00:00:00Z', 'Odd', 0, '[]', NULL, '[]')")
        for k in (1, 2):
            db.execute("INSERT INTO articles VALUES ('abc', ?, ?, 'Outlet', 'Title', NULL, '', '', 'a', 'Body.')",
                       (k, str(k)))
        db.execute("INSERT INTO stream_articles VALUES ('s1', 1, 1, 0.0, '2026-01-01T00:00:00Z', 'T', '', '', NULL,"
                   " '', 'Stream body.')")
        db.execute("INSERT INTO stream_state VALUES (1, 1, 's1', '{}')")
    db.close()
    store = Store(path)
    # a story's articles take theirs from its summary, which had them; a stream article has none
    assert [(a["id"], a["teaser"], a["corrections"]) for a in store.get("abc").articles] == [
        ("1", False, ["It carries about 48,000."]), ("2", True, [])]
    assert store.get("odd") is not None and store.count() == 2
    (s1,) = store.stream_articles()
    assert (s1.id, s1.text, s1.teaser, s1.corrections) == ("s1", "Stream body.", False, ())
    assert store.stream_state() == (1, "{}")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    db.close()
    assert Store(path).get("abc") == store.get("abc")  # and it opens again as it is


def test_a_stored_articles_page_shows_its_correction(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    correction = ("An earlier version of this article said the bridge carries 84,000 vehicles a day. "
                  "It carries about 48,000.")
    corrected = {"title": "Harbor Bridge to reopen", "text": (
        "The Harbor Bridge in Port Alder will reopen on Friday after engineers checked the pier, the city said."
        f"\n\nCorrection: {correction}\n")}
    other = {"text": "The Harbor Bridge in Port Alder reopens on Friday, city officials said, after engineers "
                     "finished checking the damaged pier.\n"}
    app = create_app(WebSettings(db=tmp_path / "s.db"))
    with TestClient(app) as client:
        body = client.post("/api/stories", json={"articles": [corrected, other], "words": 60}).json()
        assert [a["corrections"] for a in body["articles"]] == [[correction], []]
        stored = app.state.store.get(body["id"])
        assert [a["corrections"] for a in stored.articles] == [[correction], []]
        page = client.get(f"/stories/{body['id']}/articles/{stored.articles[0]['id']}").text
        assert "Correction printed by the outlet" in page and "84,000 vehicles" in page
        assert "printed by the outlet" not in client.get(f"/stories/{body['id']}/articles/2").text


def test_a_stored_story_keeps_where_each_date_came_from(tmp_path: Path) -> None:
    """The store dropped ``Article.date_line``: a story's articles read back (its article pages, the labels of its
    citations) could not say that a date was read from the page text, as the summary's sources list does."""
    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app
    from storyline.web.views import describe

    app = create_app(WebSettings(db=tmp_path / "s.db"))
    with TestClient(app) as client:
        body = client.post("/api/stories", json={"articles": [DATELINED, UNDATED], "words": 60}).json()
        stored = app.state.store.get(body["id"])
        assert [(a["date"], a["date_line"]) for a in stored.articles] == [("2018-06-09", "June 09, 2018"),
                                                                          (None, "")]
        assert describe(stored.articles[0]) == ("Harbour levy plan divided Kellmouth councillors "
                                                "(2018-06-09, read from the page text)")
        page = client.get(f"/stories/{body['id']}/articles/{stored.articles[0]['id']}").text
        assert "(read from the page text: “June 09, 2018”)" in page
        assert "read from the page text" not in client.get(f"/stories/{body['id']}/articles/2").text


def test_a_schema_4_database_gains_the_date_lines(tmp_path: Path) -> None:
    import json

    from storyline.web.store import STATE_SCHEMA, STREAM_SCHEMA

    path = tmp_path / "v4.db"
    summary = {"articles": [{"id": "1", "date": "2018-06-09", "date_line": "June 09, 2018", "teaser": False,
                             "corrections": []},
                            {"id": "2", "date": None, "date_line": None, "teaser": True, "corrections": []}]}
    with sqlite3.connect(path) as db:  # the tables as schema 4 made them, and what it stored in them
        db.executescript(SCHEMA + STREAM_SCHEMA + STATE_SCHEMA)
        for table in ("articles", "stream_articles"):
            db.execute(f"ALTER TABLE {table} ADD COLUMN teaser INTEGER NOT NULL DEFAULT 0")
            db.execute(f"ALTER TABLE {table} ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]'")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 4")
        db.execute("INSERT INTO stories VALUES ('abc', '2026-01-01T00:00:00Z', 'Old', 2, ?, NULL, '[]')",
                   (json.dumps(summary),))
        db.execute("INSERT INTO articles VALUES ('abc', 1, '1', '', 'T', '2018-06-09', '', '', 'a', 'Body.', 0,"
                   " '[\"Fixed.\"]')")  # its own corrections stand: only the new column is taken from the summary
        db.execute("INSERT INTO articles VALUES ('abc', 2, '2', '', 'T', NULL, '', '', 'b', 'Body.', 1, '[]')")
        db.execute("INSERT INTO stream_articles VALUES ('s1', 1, 1, 0.0, '2026-01-01T00:00:00Z', 'T', '', '',"
                   " '2018-06-09', '', 'Stream body.', 0, '[]')")
    db.close()
    store = Store(path)
    assert [(a["id"], a["date_line"], a["teaser"], a["corrections"]) for a in store.get("abc").articles] == [
        ("1", "June 09, 2018", False, ["Fixed."]), ("2", "", True, [])]
    (s1,) = store.stream_articles()
    assert (s1.id, s1.date, s1.date_line) == ("s1", "2018-06-09", "")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    db.close()
    assert Store(path).get("abc") == store.get("abc")  # and it opens again as it is


def test_a_schema_5_database_gains_the_no_prose_counts(tmp_path: Path) -> None:
    from storyline.web.store import NOTE_COLUMNS, STATE_SCHEMA, STREAM_SCHEMA

    path = tmp_path / "v5.db"
    with sqlite3.connect(path) as db:  # the tables as schema 5 made them, and what it stored in them
        db.executescript(SCHEMA + STREAM_SCHEMA + STATE_SCHEMA)
        for table in ("articles", "stream_articles"):
            for column in ("teaser", "corrections", "date_line"):
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {NOTE_COLUMNS[column]}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 5")
        db.execute("INSERT INTO stories VALUES ('abc', '2026-01-01T00:00:00Z', 'Old', 1, '{\"articles\": []}', NULL,"
                   " '[]')")
        db.execute("INSERT INTO articles VALUES ('abc', 1, '1', '', 'T', '2018-06-09', '', '', 'a', 'Body.', 1,"
                   " '[\"Fixed.\"]', 'June 09, 2018')")
        db.execute("INSERT INTO stream_articles VALUES ('s1', 1, 1, 0.0, '2026-01-01T00:00:00Z', 'T', '', '',"
                   " '2018-06-09', '', 'Stream body.', 1, '[]', 'June 09, 2018')")
    db.close()
    store = Store(path)
    (a,) = store.get("abc").articles
    assert (a["teaser"], a["corrections"], a["date_line"], a["no_prose"]) == (True, ["Fixed."], "June 09, 2018", 0)
    (s1,) = store.stream_articles()
    assert (s1.teaser, s1.date_line, s1.no_prose) == (True, "June 09, 2018", 0)
    # and a new stream article keeps its count
    kept = store.add_stream_article({"id": "s2", "text": "Body.", "no_prose": 2}, story=1, similarity=0.5)
    assert kept.no_prose == 2 and store.stream_articles()[-1] == kept
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    db.close()
    assert Store(path).get("abc") == store.get("abc")  # and it opens again as it is


def test_the_apps_caches_keep_the_values_used_last() -> None:
    # The rendered stories and the stream summaries are kept in two caches of one kind: at most `size` values,
    # the one least recently kept or read going first.
    from storyline.web.app import _Recent

    recent: _Recent[str, bytes] = _Recent(2)
    recent.put("a", b"A")
    recent.put("b", b"")  # an empty value is kept like any other
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (b"A", b"", None)
    assert recent.get("a") == b"A"  # read last: "b" is now the least recently used
    recent.put("c", b"C")
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (b"A", None, b"C")
    recent.clear()
    assert (recent.get("a"), recent.get("c")) == (None, None)


def test_the_form_names_the_kinds_of_file_it_takes(tmp_path: Path) -> None:
    # The upload's hint said ".txt, .html, .jsonl" while Markdown and .json files were taken too.
    import re

    from fastapi.testclient import TestClient

    from storyline.web.app import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=tmp_path / "s.db"))) as client:
        page = client.get("/").text
    (accept,) = re.findall(r'id="files"[^>]* accept="([^"]+)"', page)
    assert set(accept.split(",")) == set(UPLOAD_SUFFIXES)
    (hint,) = re.findall(r'<label for="files">Or upload files <span class="hint">\(([^;]+);', page)
    assert hint == ".txt, .md, .html, .json/.jsonl, saved pages .mhtml/.webarchive"


def test_the_docs_name_every_kind_of_file_the_upload_takes() -> None:
    # docs/web.md's upload list left out `.text` and `.markdown`, which the form and the server take
    import re

    doc = (Path(__file__).parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    (upload,) = re.findall(r"or upload (.+?) files \(one", doc, re.S)
    assert [s for s in UPLOAD_SUFFIXES if not re.search(rf"`{re.escape(s)}`", upload)] == []


def test_a_paste_box_ticked_markdown_is_read_as_markdown_and_the_others_as_plain_text() -> None:
    # The page's paste boxes had no Markdown switch: a pasted Markdown article kept its "# " and "**".
    from starlette.datastructures import FormData

    from storyline.web.inputs import form_boxes

    md = "# Quarry shut after landslide\n\nThe **Millbrook quarry** closed on Monday after a landslide."
    # three boxes, the second left blank, the third ticked: an unticked checkbox is not sent at all
    form = FormData([("text", md), ("text", ""), ("text", md), ("title", ""), ("title", ""), ("title", ""),
                     ("markdown", "3")])
    plain, ticked = check_articles(form_boxes(form), Limits())
    assert (plain["origin"], plain["markdown"], ticked["origin"], ticked["markdown"]) == (
        "article 1", False, "article 3", True)
    first, third = run([plain, ticked], 60, "default")["articles"]
    assert first["title"] == "# Quarry shut after landslide" and third["title"] == "Quarry shut after landslide"


def test_the_api_answers_say_which_storyline_and_form_of_json_made_them(tmp_path: Path) -> None:
    # A client of the REST API could not tell which storyline answered nor made a stored story's summary and
    # analysis; the summaries, the analysis and /api/health now say (docs/usage.md, JSON output).
    import asyncio

    import httpx

    import storyline
    from storyline.web.app import WebSettings, create_app

    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=8, processes=False))

    async def go() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:
            made = await c.post("/api/stories", json={"articles": MILLBROOK[:2], "words": 60})
            posted = await c.post("/api/articles", json=MILLBROOK[0])
            stream = await c.get(f"/api/stream/stories/{posted.json()['story']}")
            return [made, await c.get(f"/api/stories/{made.json()['id']}"), stream, await c.get("/api/health")]

    made, read, stream, health = (r.json() for r in asyncio.run(go()))
    stamp = {"storyline_version": storyline.__version__, "schema_version": 1}
    for answer in (made, read, made["analysis"], stream["summary"], health):
        assert {k: answer.get(k) for k in stamp} == stamp
