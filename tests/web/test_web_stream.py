"""The stream over HTTP, in process: articles posted one at a time fall into stories, which survive a
restart, stay consistent under concurrent posts, and are summarized on request."""

from __future__ import annotations

import asyncio
import gc
import html
import json
import re
import sqlite3
import threading
import tracemalloc
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from articles import FERRY, MILLBROOK

from storyline.errors import OptionsError
from storyline.group import GroupingOptions, StoryGrouper
from storyline.web import app as web_app
from storyline.web import stream as stream_module
from storyline.web.app import WebSettings, create_app
from storyline.web.inputs import Limits
from storyline.web.store import SCHEMA, SCHEMA_VERSION, Store
from storyline.web.stream import Stream, _article, _received


def app_for(db: Path, **kw):
    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False, **kw))


def client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120)


async def post_all(app, articles: list[dict | str], *, together: bool = False) -> list[httpx.Response]:
    """Post each article (a dict, or a str of JSON sent as it is)."""
    async with client(app) as c:

        def send(a: dict | str):
            if isinstance(a, str):
                return c.post("/api/articles", content=a.encode(), headers={"content-type": "application/json"})
            return c.post("/api/articles", json=a)

        if together:
            return list(await asyncio.gather(*(send(a) for a in articles)))
        return [await send(a) for a in articles]


async def get(app, url: str, **params) -> httpx.Response:
    async with client(app) as c:
        return await c.get(url, params=params)


INTERLEAVED = [MILLBROOK[0], FERRY[0], MILLBROOK[1], FERRY[1], MILLBROOK[2]]


def _three_posted(db: Path) -> Stream:
    """A stream on a new store at ``db`` with the first three of INTERLEAVED posted (ids "0" to "2")."""
    stream = Stream(Store(db))
    for k, a in enumerate(INTERLEAVED[:3]):
        stream.post(_article({**a, "id": str(k)}))
    return stream


def test_interleaved_stories_end_up_apart(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    responses = asyncio.run(post_all(app, INTERLEAVED))
    assert [r.status_code for r in responses] == [201] * 5, responses[0].text
    got = [r.json() for r in responses]
    assert [(g["story"], g["new_story"], g["story_articles"]) for g in got] == [
        (1, True, 1), (2, True, 1), (1, False, 2), (2, False, 2), (1, False, 3)]
    assert got[0]["similarity"] == 0.0 and all(g["similarity"] >= 0.2 for g in got if not g["new_story"])
    assert responses[2].headers["location"] == "/api/stream/stories/1"
    assert len({g["article"] for g in got}) == 5

    listing = asyncio.run(get(app, "/api/stream/stories")).json()
    assert listing["total"] == 2 and listing["next_offset"] is None
    newest, oldest = listing["stories"]
    assert (newest["story"], newest["article_count"], newest["first_title"], newest["latest_title"]) == (
        2, 2, FERRY[0]["title"], FERRY[1]["title"])
    assert (oldest["story"], oldest["article_count"], oldest["first_date"], oldest["latest_date"]) == (
        1, 3, "2026-04-02", "2026-04-03")
    page = asyncio.run(get(app, "/api/stream/stories", limit=1, offset=1)).json()
    assert [s["story"] for s in page["stories"]] == [1] and page["next_offset"] is None


def test_a_story_with_its_summary(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, INTERLEAVED))]
    body = asyncio.run(get(app, "/api/stream/stories/1", words=60)).json()
    assert body["story"] == 1 and body["article_count"] == 3
    assert [a["id"] for a in body["articles"]] == [ids[0], ids[2], ids[4]]
    assert [a["position"] for a in body["articles"]] == [1, 3, 5]
    texts = {a["id"]: a["text"] for a in body["articles"]}
    summary = body["summary"]
    assert summary["sentences"] and summary["words"] <= 60
    for s in summary["sentences"]:  # spans point into the stored (cleaned) text the response carries
        assert texts[s["article"]][s["start"]:s["end"]] == s["text"]
    # each article the summary names is named by its stream id, as /api/stories names its article "1"
    # "article 1" (not "the article", which only a post's own error answer calls it)
    assert {a["id"]: a["origin"] for a in summary["articles"]} == {i: f"article {i}" for i in texts}
    assert asyncio.run(get(app, "/api/stream/stories/1", words=60)).json() == body  # cached, same answer
    assert asyncio.run(get(app, "/api/stream/stories/3")).status_code == 404
    missing = asyncio.run(get(app, "/api/stream/stories/0"))  # no story 0 is no story 3: a 404, not a 422
    assert missing.status_code == 404 and missing.json() == {"error": "no such story: the stream has no story 0"}


def test_a_one_article_story_is_summarized_too(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    asyncio.run(post_all(app, [FERRY[0]]))
    summary = asyncio.run(get(app, "/api/stream/stories/1")).json()["summary"]
    assert summary["sentences"] and any("single-source" in n for n in summary["notes"])
    # a story of the stream, not all that was given: "only one article was given" is not said of it (as group's)
    assert summary["notes"][0].startswith("single-source story: no other article of the stream tells it")


def test_a_restart_keeps_the_stories_and_continues_them(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = app_for(db)
    before = [r.json() for r in asyncio.run(post_all(first, INTERLEAVED[:4]))]
    again = app_for(db)  # a new server on the same database
    assert asyncio.run(get(again, "/api/stream/stories")).json() == asyncio.run(
        get(first, "/api/stream/stories")).json()
    after = asyncio.run(post_all(again, [MILLBROOK[2], {"text": "Lindenfeld elects a new mayor, Ruth Kessler, "
                                                                 "who won 54 percent of the vote on Tuesday."}]))
    joined, new = (r.json() for r in after)
    assert (joined["story"], joined["new_story"], joined["story_articles"]) == (1, False, 3)
    assert (new["story"], new["new_story"], new["story_articles"]) == (3, True, 1)
    assert before[0]["story"] == 1


def test_parallel_posts_are_all_stored_and_consistent(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    articles = [dict(a, title=f"{a['title']} ({k})") for k in range(4) for a in INTERLEAVED]
    responses = asyncio.run(post_all(app, articles, together=True))
    assert [r.status_code for r in responses] == [201] * len(articles)
    stored = app.state.store.stream_articles()
    assert sorted(a.position for a in stored) == list(range(1, len(articles) + 1))
    assert {r.json()["article"] for r in responses} == {a.id for a in stored}
    # Each answer is what the store says, and the store is what one grouper decides over the arrival order.
    by_id = {a.id: a for a in stored}
    for r in responses:
        assert by_id[r.json()["article"]].story == r.json()["story"]
    grouper = StoryGrouper()
    replay = [grouper.add(_article(a)).story + 1 for a in stored]
    assert replay == [a.story for a in stored]
    # A story's size grew by one with each of its articles, whatever order the posts were decided in.
    for story in {a.story for a in stored}:
        sizes = sorted(r.json()["story_articles"] for r in responses if r.json()["story"] == story)
        assert sizes == list(range(1, len(sizes) + 1))
    assert len(app.state.stream) == len(articles)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({}, 422, "text: required"),
        ({"text": "x", "colour": "red"}, 422, "colour"),
        ({"text": "The ferry stopped.", "date": "next week"}, 422, "date: must look like 2026-03-10"),
        ({"text": "The ferry stopped.", "url": "javascript:alert(1)"}, 422, "url: must start with http:// or https://"),
        ({"text": "The ferry stopped.", "title": "t" * 600}, 422, "title"),
        ('{"text": "\\ud800 lone"}', 422, "text: is not valid Unicode"),
        ({"text": "   "}, 400, "the article: is empty"),
        ({"text": "Share on Facebook\n\nLeave a Reply\n"}, 400, "no article text left"),
        ({"text": "x" * 3000}, 413, "larger than 2 KB"),
    ],
)
def test_bad_articles_are_refused_and_nothing_is_stored(tmp_path: Path, body, status, message) -> None:
    app = app_for(tmp_path / "s.db", limits=Limits(max_article=2048))
    (r,) = asyncio.run(post_all(app, [body]))
    assert r.status_code == status, r.text
    assert message in r.json()["error"]
    assert app.state.store.stream_articles() == [] and len(app.state.stream) == 0


def test_a_body_that_is_not_json_or_too_large(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db", limits=Limits(max_body=4096))

    async def send() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"}),
                    await c.post("/api/articles", content=b"", headers={"content-type": "application/json"}),
                    await c.post("/api/articles", json={"text": "word " * 2000})]

    bad, empty, large = asyncio.run(send())
    assert (bad.status_code, empty.status_code, large.status_code) == (400, 400, 413)
    assert app.state.store.stream_articles() == []


def test_stream_pages_escape_what_was_posted(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    hostile = {"title": "<script>alert(1)</script> Ferry", "source": "<b>Radio</b>", **{
        k: v for k, v in FERRY[0].items() if k not in ("title", "source")}}
    asyncio.run(post_all(app, [hostile, FERRY[1]]))
    listing = asyncio.run(get(app, "/stream"))
    assert listing.status_code == 200 and '<a href="/stream/1">' in listing.text
    assert "<script>alert(1)" not in listing.text and "&lt;script&gt;alert(1)&lt;/script&gt; Ferry" in listing.text
    story = asyncio.run(get(app, "/stream/1"))
    assert story.status_code == 200 and "<b>Radio</b>" not in story.text and "&lt;b&gt;Radio&lt;/b&gt;" in story.text
    assert "engine" in story.text and "<script" not in story.text
    missing = asyncio.run(get(app, "/stream/9"))
    assert missing.status_code == 404 and "no such story: the stream has no story 9" in missing.text


def test_a_version_1_database_gains_the_stream(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:  # what storyline wrote before the stream: the story tables, version 1
        db.executescript(SCHEMA)
        db.execute("PRAGMA application_id = 0x53544C4E")
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO stories VALUES ('abc', '2026-01-01T00:00:00Z', 'Old', 0, '{}', NULL, '[]')")
    db.close()
    app = app_for(path)
    assert app.state.store.get("abc") is not None
    (r,) = asyncio.run(post_all(app, [FERRY[0]]))
    assert r.status_code == 201 and r.json()["story"] == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    db.close()
    assert Store(path).stream_articles()[0].title == FERRY[0]["title"]  # and it opens again


def test_stored_stories_stand_when_the_grouping_changes(tmp_path: Path) -> None:
    # Stored with the default threshold; a server restarted with a threshold that would split everything still
    # shows (and extends) the stories it answered before, instead of regrouping them.
    from storyline.group import GroupingOptions

    db = tmp_path / "s.db"
    first = app_for(db)
    asyncio.run(post_all(first, INTERLEAVED[:4]))
    listed = asyncio.run(get(first, "/api/stream/stories")).json()
    strict = app_for(db, grouping=GroupingOptions(threshold=1.0))
    assert asyncio.run(get(strict, "/api/stream/stories")).json() == listed
    (late,) = asyncio.run(post_all(strict, [MILLBROOK[2]]))
    assert late.json()["new_story"] and late.json()["story"] == 3  # new decisions follow the new options


FERRY_LATE = {"title": "Gull Island ferry back in service", "source": "Harbor Radio", "date": "2026-04-09",
              "text": "The Gull Island ferry is running again after the replacement engine part arrived and the "
                      "ferry boat passed its engine checks."}


def test_a_story_over_the_sentence_limit_is_summarized_from_its_latest_articles(tmp_path: Path,
                                                                                monkeypatch) -> None:
    # The FERRY articles are two sentences and one, FERRY_LATE one: with a limit of two the story is too large.
    monkeypatch.setattr("storyline.cluster.MAX_SENTENCES", 2)
    app = app_for(tmp_path / "s.db")
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, FERRY))]
    r = asyncio.run(get(app, "/api/stream/stories/1", words=60))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [a["id"] for a in body["articles"]] == ids and body["article_count"] == 2  # every article, still
    assert body["summarized_articles"] == 1
    assert body["note"] == "summary of the latest 1 of 2 articles: the whole story is over the 2-sentence limit"
    assert body["summary"]["sentences"] and {s["article"] for s in body["summary"]["sentences"]} == {ids[1]}
    page = asyncio.run(get(app, "/stream/1"))
    assert page.status_code == 200 and "summary of the latest 1 of 2 articles" in page.text
    assert FERRY[0]["title"] in page.text and FERRY[1]["title"] in page.text

    # A new article is a new cache key: the summary is made again from the story as it now is.
    (late,) = asyncio.run(post_all(app, [FERRY_LATE]))
    assert late.json()["story"] == 1, late.text
    again = asyncio.run(get(app, "/api/stream/stories/1", words=60)).json()
    assert again["article_count"] == 3 and again["summarized_articles"] == 2
    assert again["note"].startswith("summary of the latest 2 of 3 articles")
    assert {s["article"] for s in again["summary"]["sentences"]} <= {ids[1], late.json()["article"]}

    # Without the limit's pressure the same story is summarized whole, with no note.
    monkeypatch.setattr("storyline.cluster.MAX_SENTENCES", 12_000)
    whole = asyncio.run(get(app, "/api/stream/stories/1", words=61)).json()
    assert whole["summarized_articles"] == 3 and whole["note"] is None


def test_a_story_whose_latest_article_alone_is_over_the_limit_still_lists_its_articles(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    huge = {"title": "Tug log", "text": " ".join(f"Tug {i} sank." for i in range(12_500))}  # under 200 KB
    (r,) = asyncio.run(post_all(app, [huge]))
    assert r.status_code == 201, r.text
    body = asyncio.run(get(app, "/api/stream/stories/1")).json()
    assert body["summary"] is None and body["summarized_articles"] == 0
    assert body["note"] == "no summary: the latest article alone is over the 12,000-sentence limit"
    assert [a["title"] for a in body["articles"]] == ["Tug log"]
    page = asyncio.run(get(app, "/stream/1"))
    assert page.status_code == 200 and "over the 12,000-sentence limit" in page.text and "Tug log" in page.text


# "9" * 5000: int() itself refuses a number of over 4,300 digits (a 500, not a 404)
@pytest.mark.parametrize("number", ["abc", "0", "-1", "1.5", "99999999999", "%C2%B2", "9" * 5000])
def test_a_stream_page_for_a_story_that_cannot_be_is_an_html_404(tmp_path: Path, number: str) -> None:
    app = app_for(tmp_path / "s.db")
    asyncio.run(post_all(app, [FERRY[0]]))
    r = asyncio.run(get(app, f"/stream/{number}"))
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no such story" in r.text
    # the API answers the same status, in one line of JSON
    api = asyncio.run(get(app, f"/api/stream/stories/{number}"))
    assert api.status_code == 404 and api.headers["content-type"] == "application/json"
    assert list(api.json()) == ["error"] and api.json()["error"].startswith("no such story")
    assert "\n" not in api.json()["error"]


def test_stream_pages_past_the_last_or_not_numbers_are_html_404s(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    assert asyncio.run(get(app, "/stream", page="1")).status_code == 200  # an empty stream has its one page
    asyncio.run(post_all(app, [FERRY[0]]))
    for listing in ("/stream", "/"):
        assert asyncio.run(get(app, listing, page="1")).status_code == 200
        for bad in ("2", "3", "abc", "0", "-1", "1.5", "9" * 30, "²"):
            r = asyncio.run(get(app, listing, page=bad))
            assert r.status_code == 404 and r.headers["content-type"].startswith("text/html"), (listing, bad)
            assert "no such page" in r.text and "No articles in the stream yet" not in r.text


def test_untitled_articles_are_labelled_alike_on_both_stream_pages(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    untitled = {k: v for k, v in FERRY[0].items() if k != "title"}
    (r,) = asyncio.run(post_all(app, [untitled]))
    snippet = " ".join(untitled["text"].split()[:12]) + " …"
    assert snippet in asyncio.run(get(app, "/stream")).text
    story = asyncio.run(get(app, "/stream/1")).text
    assert f"Harbor Radio — {snippet} (2026-04-02)" in story
    assert f"article {r.json()['article']}" not in story


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", 'send a JSON object such as {"text": "..."}'),
        (b'{"text": "caf\xe9 ferry"}', "the request body is not valid UTF-8 JSON"),
        (b'{"text": "The ferry stopped.", "date": "2026-04-01garbage"}', None),
    ],
)
def test_article_errors_speak_of_one_article(tmp_path: Path, body: bytes, message: str | None) -> None:
    app = app_for(tmp_path / "s.db")
    async def send() -> httpx.Response:
        async with client(app) as c:
            return await c.post("/api/articles", content=body, headers={"content-type": "application/json"})

    r = asyncio.run(send())
    assert r.status_code in (400, 422), r.text
    error = r.json()["error"]
    assert not error.startswith("article 1")
    if message:
        assert r.status_code == 400 and message in error


@pytest.mark.parametrize("value", ["2026-04-01garbage", "2026-04-01T99:99", "20260401", "2026-W14-3",
                                   "2026-02-30", "2026-04-01 ", "２０２６-04-01", "2026-04-01T10:00Zjunk"])
def test_dates_that_are_not_a_real_yyyy_mm_dd_are_refused_by_both_endpoints(tmp_path: Path, value: str) -> None:
    app = app_for(tmp_path / "s.db")

    async def send() -> list[httpx.Response]:
        async with client(app) as c:
            article = {"text": "The ferry stopped on Wednesday.", "date": value}
            return [await c.post("/api/articles", json=article), await c.post("/api/stories", json={
                "articles": [article]})]

    one, story = asyncio.run(send())
    if value == "2026-04-01 ":  # surrounding spaces are trimmed, as for every short field
        assert one.status_code == 201 and app.state.store.stream_articles()[0].date == "2026-04-01"
        return
    assert (one.status_code, story.status_code) == (422, 422), (one.text, story.text)
    assert one.json()["error"].startswith("date: must look like 2026-03-10")
    assert story.json()["error"].startswith("article 1: date: must look like 2026-03-10")
    assert app.state.store.stream_articles() == [] and app.state.store.count() == 0


def test_control_characters_are_stripped_from_short_fields(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    dirty = dict(FERRY[0], title="Ferry\x00 \x1b[31mstopped\x07\x9b", source="Harbor\tRadio\x85News\x7f",
                 url="https://example.com/\x1bferry")
    (r,) = asyncio.run(post_all(app, [dirty]))
    assert r.status_code == 201, r.text
    (stored,) = app.state.store.stream_articles()
    assert (stored.title, stored.source, stored.url) == ("Ferry [31mstopped", "Harbor\tRadio News",
                                                         "https://example.com/ferry")
    page = asyncio.run(get(app, "/stream/1")).text + asyncio.run(get(app, "/stream")).text
    assert not any(c in page for c in "\x00\x1b\x07\x9b\x85\x7f")


def test_a_body_that_is_not_utf8_is_a_400_on_both_endpoints(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")

    async def send() -> list[httpx.Response]:
        async with client(app) as c:
            headers = {"content-type": "application/json"}
            return [await c.post("/api/articles", content=b'{"text": "Caf\xe9 closes."}', headers=headers),
                    await c.post("/api/stories", content=b'{"articles": [{"text": "Caf\xe9 closes."}]}',
                                 headers=headers),
                    await c.post("/api/stories", content=b"", headers=headers)]

    one, story, empty = asyncio.run(send())
    for r in (one, story):
        assert (r.status_code, r.json()) == (400, {"error": "the request body is not valid UTF-8 JSON"})
    assert empty.json()["error"].endswith('send a JSON object such as {"articles": [...]}')


def test_a_retried_post_is_answered_again_not_stored_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    app = app_for(db)
    first, again, wire = asyncio.run(post_all(app, [FERRY[0], FERRY[0], dict(FERRY[0], source="Coast Wire")]))
    assert (first.status_code, again.status_code, wire.status_code) == (201, 200, 201)
    assert again.json() == dict(first.json(), repeated=True)
    assert again.headers["location"] == first.headers["location"]
    assert wire.json()["repeated"] is False and wire.json()["story_articles"] == 2  # another outlet's copy
    assert len(Store(db).stream_articles()) == 2
    # after a restart the stored article is still known
    (after,) = asyncio.run(post_all(app_for(db), [FERRY[0]]))
    assert after.status_code == 200 and after.json()["article"] == first.json()["article"]
    assert len(Store(db).stream_articles()) == 2


def test_what_the_stream_remembers_of_each_post_is_not_its_text(tmp_path: Path) -> None:
    # A long-running stream holds its live stories' terms, not the texts of all it stored: the answers kept
    # for retried posts are a few numbers each.
    store = Store(tmp_path / "s.db")
    body = " ".join(f"harbour{k % 40} crane storm quay" for k in range(3000))  # ~80 KB of 43 distinct terms
    for k in range(30):
        row = {"id": f"a{k}", "text": f"Report {k}. {body}", "title": "", "source": "", "url": "", "date": None,
               "origin": ""}
        store.add_stream_article(row, story=1, similarity=0.0)
    gc.collect()
    tracemalloc.start()
    try:
        stream = Stream(store)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(stream) == 30
    assert held < 5 * len(body)  # the 30 texts are 30 times that


def test_only_the_latest_posts_are_remembered_for_retries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.web import stream as stream_module

    monkeypatch.setattr(stream_module, "RETRY_WINDOW", 2)
    db = tmp_path / "s.db"
    app = app_for(db)
    statuses = [r.status_code for r in asyncio.run(post_all(app, [*FERRY, MILLBROOK[0], FERRY[1], FERRY[0]]))]
    # FERRY[1] is among the latest two when posted again; FERRY[0] was three posts back, so it is stored again
    assert statuses == [201, 201, 201, 200, 201]
    assert len(Store(db).stream_articles()) == 4


def test_wire_copies_dated_years_ahead_do_not_close_the_stream_stories(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Three outlets post the same wire story with a mistyped year. Received today, none of them can be dated
    # 2062, so however many there are the stream's clock stays, and the ferry story stays open, across a
    # restart too. (Looks for stories to close every 4 arrivals, and 2 recent articles are a bulk, so that a
    # few posts show it.)
    from datetime import UTC, datetime, timedelta

    from storyline.model import Article

    monkeypatch.setattr("storyline.group._CLOSE_EVERY", 4)
    monkeypatch.setattr("storyline.group._BULK", 2)
    day = datetime.now(UTC).date() - timedelta(days=10)
    store = Store(tmp_path / "s.db")
    stream = Stream(store)
    first = stream.post(Article(id="x", text=FERRY[0]["text"], date=day.isoformat()))
    for source in ("Wire One", "Wire Two", "Wire Three"):
        stream.post(Article(id="x", text="Lanterns lit the Quelmont quay for the autumn regatta on Friday.",
                            source=source, date=str(day.year + 36) + day.isoformat()[4:]))
    for k in range(6):
        stream.post(Article(id="x", text=f"Zorblat{k} quenbird{k} festival drew visitors to Vantor{k}.",
                            date=(day + timedelta(days=1)).isoformat()))
    assert stream.post(Article(id="x", text=FERRY[1]["text"], date=(day + timedelta(days=2)).isoformat())).story \
        == first.story
    again = Stream(store)  # rebuilt from the store: the same clock
    for k in range(6, 10):
        again.post(Article(id="x", text=f"Zorblat{k} quenbird{k} festival drew visitors to Vantor{k}.",
                           date=(day + timedelta(days=2)).isoformat()))
    late = again.post(Article(id="x", text="The Gull Island ferry engine part arrived; the ferry runs again.",
                              date=(day + timedelta(days=3)).isoformat()))
    assert late.story == first.story and not late.new_story


def test_a_page_with_a_time_zone_offset_of_a_day_or_more_is_read_by_both_endpoints(tmp_path: Path) -> None:
    """htmldate raised on "+25:00", trafilatura dropped the page, and both endpoints answered 400."""
    body = "".join(f"<p>{p}</p>" for p in FERRY[0]["text"].split(". "))
    page = ('<html><head><title>Ferry halted</title><meta property="article:published_time" '
            'content="2026-04-02T10:00:00+25:00"></head><body><article><h1>Ferry halted</h1>'
            f"{body}</article></body></html>")
    app = app_for(tmp_path / "s.db")
    (posted,) = asyncio.run(post_all(app, [{"text": page}]))
    assert posted.status_code == 201, posted.text
    (article,) = asyncio.run(get(app, "/api/stream/stories/1")).json()["articles"]
    assert article["date"] == "2026-04-02" and "replacement engine part" in article["text"]

    async def story() -> httpx.Response:
        async with client(app) as c:
            return await c.post("/api/stories", json={"articles": [{"text": page}], "words": 40})

    made = asyncio.run(story())
    assert made.status_code == 201, made.text
    assert made.json()["articles"][0]["date"] == "2026-04-02"


def test_a_stream_storys_articles_are_paged_and_can_be_listed_without_their_text(tmp_path: Path) -> None:
    """The route gave every article's full text in one answer: a story of 5,000 articles was many megabytes."""
    app = app_for(tmp_path / "s.db")
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, MILLBROOK))]
    whole = asyncio.run(get(app, "/api/stream/stories/1", words=60)).json()
    # a client written before the paging: a story within the default page comes whole, as it did
    assert [a["id"] for a in whole["articles"]] == ids and all(a["text"] for a in whole["articles"])
    assert (whole["total"], whole["offset"], whole["next_offset"], whole["article_count"]) == (3, 0, None, 3)
    first = asyncio.run(get(app, "/api/stream/stories/1", words=60, limit=2)).json()
    rest = asyncio.run(get(app, "/api/stream/stories/1", words=60, limit=2, offset=2)).json()
    assert [a["id"] for a in first["articles"]] == ids[:2] and first["next_offset"] == 2
    assert [a["id"] for a in rest["articles"]] == ids[2:] and rest["next_offset"] is None
    # the summary is of the whole story; what it names of the other pages' articles is asked for
    assert [asyncio.run(get(app, "/api/stream/stories/1", words=60, limit=2, offset=k, summary_sources="all"))
            .json()["summary"] for k in (0, 2)] == [whole["summary"]] * 2
    assert whole["summary_sources"] == first["summary_sources"] == "page"
    assert first["article_count"] == rest["article_count"] == first["total"] == 3
    bare = asyncio.run(get(app, "/api/stream/stories/1", words=60, text="false")).json()
    assert bare["articles"] == [{k: v for k, v in a.items() if k != "text"} for a in whole["articles"]]
    past = asyncio.run(get(app, "/api/stream/stories/1", words=60, offset=5)).json()
    assert past["articles"] == [] and past["total"] == 3 and past["next_offset"] is None
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}, {"offset": 10**9 + 1}):
        assert asyncio.run(get(app, "/api/stream/stories/1", **bad)).status_code == 422, bad
    assert asyncio.run(get(app, "/api/stream/stories/2", limit=1)).status_code == 404


def test_a_page_of_a_stream_storys_articles_names_only_its_own_in_the_summary(tmp_path: Path) -> None:
    """The summary named every article of the story (each sentence's sources and spans, every article's
    metadata), whatever the page: a 5,000-article story answered 1.7 MB for a page of 100 without text."""
    app = app_for(tmp_path / "s.db")
    copies = [{**MILLBROOK[0], "source": f"Wire {k}", "url": f"https://wire.example/{k}"} for k in range(4)]
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, [*MILLBROOK, *copies]))]
    assert asyncio.run(get(app, "/api/stream/stories/2")).status_code == 404  # all seven in one story
    whole = asyncio.run(get(app, "/api/stream/stories/1", words=120, summary_sources="all")).json()["summary"]
    assert len(whole["articles"]) == 7 and max(len(s["sources"]) for s in whole["sentences"]) >= 5
    answer = asyncio.run(get(app, "/api/stream/stories/1", words=120, limit=2, offset=5, text="false")).json()
    page, summary = {a["id"] for a in answer["articles"]}, answer["summary"]
    assert page == set(ids[5:]) and answer["summary_sources"] == "page"
    own = {s["article"] for s in summary["sentences"]} | {i["article"] for i in summary["introductions"]}
    named = {i for s in summary["sentences"] for i in s["sources"] + s["corroborated_by"]}
    named |= {e["article"] for spans in summary["evidence"] for e in spans}
    assert named <= page | own and {a["id"] for a in summary["articles"]} == page | own < set(ids)
    assert not set(ids[3:5]) & (named | {a["id"] for a in summary["articles"]})  # copies on another page
    for mine, theirs, spans, all_spans in zip(summary["sentences"], whole["sentences"], summary["evidence"],
                                              whole["evidence"], strict=True):
        assert mine["source_count"] == len(theirs["sources"]) and mine["corroborated_count"] == len(
            theirs["corroborated_by"])
        assert mine["sources"] == [i for i in theirs["sources"] if i in page | own]
        assert spans == [e for e in all_spans if e["article"] in page | own]
        assert {k: v for k, v in mine.items() if k not in ("sources", "corroborated_by", "source_count",
                                                            "corroborated_count")} == {
            k: v for k, v in theirs.items() if k not in ("sources", "corroborated_by", "source_count",
                                                         "corroborated_count")}
    # a story within the page comes whole: every article is on it
    assert asyncio.run(get(app, "/api/stream/stories/1", words=120)).json()["summary"] == whole
    assert asyncio.run(get(app, "/api/stream/stories/1", summary_sources="some")).status_code == 422


def test_a_stream_storys_page_lists_its_articles_a_page_at_a_time(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The page listed every article of the story: 5,000 articles were one page of 680 kB. It lists them a
    page at a time now, numbered across the pages, and the summary's citations link to the page of the
    article they cite."""
    monkeypatch.setattr(web_app, "STREAM_ARTICLES_PAGE", 2)
    app = app_for(tmp_path / "s.db")
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, MILLBROOK))]
    assert len(ids) == 3
    summary = asyncio.run(get(app, "/api/stream/stories/1", summary_sources="all")).json()["summary"]
    cited = [ids.index(i) + 1 for s in summary["sentences"] for i in s["sources"] + s["corroborated_by"]]
    pages = {n: asyncio.run(get(app, "/stream/1", **({"page": str(n)} if n > 1 else {}))) for n in (1, 2)}
    assert all(r.status_code == 200 for r in pages.values())
    one, two = (r.text for r in pages.values())
    assert '<ol class="sources" start="1">' in one and '<ol class="sources" start="3">' in two
    assert re.findall(r'<li id="a-(\d+)">', one) == ["1", "2"] and re.findall(r'<li id="a-(\d+)">', two) == ["3"]
    assert [t in one for t in ids] == [False] * 3  # labels, not ids
    assert "Page 1 of 2" in one and '<a href="/stream/1?page=2#sources-h" rel="next">Later</a>' in one
    assert "Page 2 of 2" in two and '<a href="/stream/1#sources-h" rel="prev">Earlier</a>' in two
    assert "rel=\"prev\"" not in one and "rel=\"next\"" not in two
    # the same summary on both pages; a citation links to the page of the article it cites, at the sentence
    for n, text in ((1, one), (2, two)):
        links = re.findall(r'<a href="([^"]*)"[^>]*>\[(\d+)\]</a>', text)
        assert [int(k) for _, k in links] == cited
        for href, k in links:
            assert re.fullmatch(rf"/stream/1/articles/{k}#s-\d+-\d+", href), (n, href)
    for bad in ("3", "0", "abc"):  # past the last page, or no page number: a 404 page, as the listings'
        r = asyncio.run(get(app, "/stream/1", page=bad))
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "no such page" in r.text
    monkeypatch.setattr(web_app, "STREAM_ARTICLES_PAGE", 100)
    whole = asyncio.run(get(app, "/stream/1")).text  # one page: no pager, as before
    assert re.findall(r'<li id="a-(\d+)">', whole) == ["1", "2", "3"] and "Page 1 of" not in whole


def test_a_stream_article_has_a_page_with_the_sentences_the_summary_cites_marked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream story's page listed its articles by label alone and its citations led to that label: the
    article a summary sentence came from could not be read anywhere on the site. Each article has a page now,
    as a story's article has on /stories, and a citation links to the sentence in it."""
    monkeypatch.setattr(web_app, "STREAM_ARTICLES_PAGE", 2)
    app = app_for(tmp_path / "s.db")
    hostile = {**MILLBROOK[2], "title": '<img src=x onerror="alert(1)">', "url": "https://x.example/?a=1&b=\"2"}
    ids = [r.json()["article"] for r in asyncio.run(post_all(app, [*MILLBROOK[:2], hostile]))]
    listing = asyncio.run(get(app, "/stream/1")).text
    links = re.findall(r'<a href="(/stream/1/articles/\d+#s-\d+-\d+)"[^>]*>\[(\d+)\]</a>', listing)
    assert links and re.findall(r'<li id="a-(\d+)"><a href="/stream/1/articles/(\d+)">', listing) == [
        ("1", "1"), ("2", "2")]
    summary = asyncio.run(get(app, "/api/stream/stories/1", summary_sources="all")).json()["summary"]
    for href, k in links:
        path, at = href.split("#")
        r = asyncio.run(get(app, path))
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        start, end = (int(x) for x in at.split("-")[1:])
        article = ids[int(k) - 1]
        stored = asyncio.run(get(app, "/api/stream/stories/1", offset=int(k) - 1, limit=1)).json()["articles"][0]
        marked = re.search(rf'<mark id="{at}" tabindex="-1">([^<]*)</mark>', r.text)
        assert marked and html.unescape(marked.group(1)) == stored["text"][start:end]
        assert any(e["article"] == article and (e["start"], e["end"]) == (start, end)
                   for row in summary["evidence"] for e in row)
        back = f"/stream/1{'?page=2' if int(k) > 2 else ''}#a-{k}"
        assert f'<p class="crumbs"><a href="{back}">← <bdi>Stream story 1</bdi></a></p>' in r.text
    third = asyncio.run(get(app, "/stream/1/articles/3")).text  # on the listing's second page
    assert "<img" not in third and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in third
    assert 'href="https://x.example/?a=1&amp;b=&#34;2"' in third and hostile["source"] in third
    assert html.unescape(re.sub(r"<[^>]+>", "", third.split('class="article-text">')[1].split("</div>")[0])).strip(
    ) == asyncio.run(get(app, "/api/stream/stories/1", offset=2)).json()["articles"][0]["text"]
    for bad in ("/stream/1/articles/0", "/stream/1/articles/4", "/stream/1/articles/abc",
                "/stream/1/articles/\u0663", "/stream/2/articles/1", "/stream/0/articles/1"):
        r = asyncio.run(get(app, bad))
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html"), bad
        assert "no such story" in r.text or "has no article" in r.text, bad


def test_a_sentence_many_articles_report_links_a_few_and_counts_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence that 68 of a story's 221 articles reported was followed by 68 links, a screenful of numbers
    on a phone (thousands in a story of thousands): the first few are linked now, and the rest counted."""
    monkeypatch.setattr(web_app, "CITES_SHOWN", 2)
    app = app_for(tmp_path / "s.db")
    text = ("The harbour wall at Penmarrow cracked in Tuesday's storm, and the council closed the quay to boats. "
            "Repairs could take a month, the council said.")
    posted = asyncio.run(post_all(app, [{"text": text, "source": f"Outlet {k}"} for k in range(1, 6)]))
    assert {r.json()["story"] for r in posted} == {1}
    summary = asyncio.run(get(app, "/api/stream/stories/1")).json()["summary"]
    page = asyncio.run(get(app, "/stream/1")).text
    items = re.findall(r"<li dir=\"ltr\"><span dir=\"auto\">(.*?)</li>", page)
    assert len(items) == len(summary["sentences"]) >= 1
    for item, sentence in zip(items, summary["sentences"], strict=True):
        ids = sentence["sources"] + sentence["corroborated_by"]
        assert len(ids) == 5  # every outlet printed every sentence
        assert re.findall(r"\[(\d+)\]</a>", item) == ["1", "2"]
        assert item.endswith('<span class="muted">and 3 more</span>')


def test_the_store_gives_the_places_of_articles_in_their_story(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    for k, story in enumerate([1, 2, 1, 1, 2], 1):
        store.add_stream_article({"id": f"a{k}", "text": "t"}, story=story, similarity=0.5)
    assert store.stream_places(1, ["a1", "a3", "a4"]) == {"a1": 1, "a3": 2, "a4": 3}
    assert store.stream_places(2, ["a5", "a1", "zz"]) == {"a5": 2}  # not in the story: not placed
    assert store.stream_places(1, []) == {}
    many = [f"x{k}" for k in range(300_000)] + ["a4"]  # more than SQLite takes parameters (32,766; 250,000 on Debian)
    assert store.stream_places(1, many) == {"a4": 3}


def test_a_restart_begins_from_the_state_saved_at_shutdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every start put every stored article back one by one (about 1.3 ms each: 2 minutes for 100,000); the
    state saved when the server stops is taken instead, and only the articles stored after it are put back."""
    db = tmp_path / "s.db"
    stream = _three_posted(db)
    stream.save()
    stream.post(_article({**INTERLEAVED[3], "id": "3"}))  # stored after the save (a server that stopped without saving)
    restored: list[str] = []
    restore = StoryGrouper.restore

    def counted(self, article, story, **kw):
        restored.append(article.title)
        return restore(self, article, story, **kw)

    monkeypatch.setattr(StoryGrouper, "restore", counted)
    again = Stream(Store(db))
    assert restored == [INTERLEAVED[3]["title"]] and again.restored == 1
    assert again._grouper.state() == stream._grouper.state()
    # with other options, or a saved state that no longer matches the stored stream: every article is put back
    restored.clear()
    Stream(Store(db), GroupingOptions(threshold=0.5))
    assert len(restored) == 4
    restored.clear()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE stream_state SET article = 'gone'")
    con.close()
    assert Stream(Store(db)).restored == 4 and len(restored) == 4
    # a retry of a post made before the restart is still recognised
    assert again.post(_article({**INTERLEAVED[0], "id": "x"})).repeated


def test_the_state_is_saved_every_so_many_articles_and_a_crash_catches_up_from_it(tmp_path: Path) -> None:
    """The state was saved only when the server stopped: a server that crashed put every stored article back
    at its next start (19 s for 14,000). It is saved in the background too, every ``save_every`` articles
    once ``save_interval`` seconds have passed, and a start after a crash puts back only the articles after it."""
    db = tmp_path / "s.db"
    stream = Stream(Store(db), save_every=2, save_interval=0)
    posted = [stream.post(_article({**a, "id": str(k)})) for k, a in enumerate(INTERLEAVED[:3])]
    assert stream._saver is not None
    stream._saver.join()
    position, _ = Store(db).stream_state()  # saved after the second article, not after the third
    assert position == 2
    crashed = Stream(Store(db))  # no save at shutdown: the process was killed
    assert crashed.restored == 1 and crashed._grouper.state() == stream._grouper.state()
    assert crashed.post(_article({**INTERLEAVED[3], "id": "x"})).story == 2 and posted[1].story == 2
    # not before save_interval has passed since the last save, however many articles came
    slow = Stream(Store(tmp_path / "slow.db"), save_every=1, save_interval=3600)
    for k, a in enumerate(INTERLEAVED[:3]):
        slow.post(_article({**a, "id": str(k)}))
    assert slow._saver is None and slow.store.stream_state() is None
    for bad in ({"save_every": -1}, {"save_every": 1.5}, {"save_interval": -1}, {"save_interval": float("nan")}):
        with pytest.raises(OptionsError):
            Stream(Store(tmp_path / "bad.db"), **bad)


def test_a_saved_state_that_does_not_hold_the_stored_stream_is_put_aside(tmp_path: Path) -> None:
    """A state is used only when it holds exactly the stored stream up to its article: one of more articles
    than the store has (a database put back from an older copy of its articles), or whose grouper holds
    another count than its position says, is not used; every article is put back instead, as without one."""
    db = tmp_path / "s.db"
    stream = _three_posted(db)
    stream.save()
    whole = stream._grouper.state()
    with sqlite3.connect(db) as con:  # the latest article gone from the store: the state holds one too many
        row = con.execute("SELECT * FROM stream_articles WHERE position = 3").fetchone()
        con.execute("DELETE FROM stream_articles WHERE position = 3")
    con.close()
    shorter = Stream(Store(db))
    assert shorter.restored == 2 and len(shorter) == 2
    with sqlite3.connect(db) as con:
        con.execute(f"INSERT INTO stream_articles VALUES ({', '.join('?' * len(row))})", row)
        state = stream_module._loads(con.execute("SELECT state FROM stream_state").fetchone()[0])
        state["n"] = 2  # a count that is not its position: not this stream's state
        con.execute("UPDATE stream_state SET state = ?", (stream_module._compressed(state),))
    con.close()
    again = Stream(Store(db))
    assert again.restored == 3 and again._grouper.state() == whole
    again.save()  # and the state saved now is of the whole stream again
    assert Stream(Store(db)).restored == 0


def test_concurrent_posts_and_background_saves_save_consistent_states(tmp_path: Path) -> None:
    """Each saved state is copied under the post lock: it is the grouper of exactly the articles stored up to
    its position, however the saves and posts interleave."""
    db = tmp_path / "s.db"
    stream = Stream(Store(db), save_every=1, save_interval=0)
    articles = [_article({**a, "id": f"{k}-{j}", "source": f"Outlet {j}"})
                for j in range(4) for k, a in enumerate(INTERLEAVED)]
    saves: list[tuple[int, str]] = []
    write = stream.store.save_stream_state

    threads: list[str] = []

    def recorded(position: int, article: str, state: str | bytes) -> None:
        saves.append((position, state))
        threads.append(threading.current_thread().name)
        write(position, article, state)

    stream.store.save_stream_state = recorded  # type: ignore[method-assign]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(stream.post, articles))
    stream.save()  # waits for a save under way, then saves the state of now (none when that one holds it all)
    # The first post always starts a background save; on a loaded machine it may copy the state only after the
    # last post, and then it is the one save (the explicit one finds nothing new): at least one, never two alike.
    assert "storyline-stream-save" in threads and saves[-1][0] == len(articles)
    assert [p for p, _ in saves] == sorted({p for p, _ in saves})  # each save newer than the one before
    rows = Store(db).stream_articles()
    for position, state in saves:  # the grouper of the stored articles up to its position, each one
        grouper = StoryGrouper()
        for row in rows[:position]:
            grouper.restore(_article(row), row.story - 1, received=_received(row.created))
        assert stream_module._loads(state) == json.loads(json.dumps(grouper.state())), position
    assert Stream(Store(db)).restored == 0


def test_the_server_saves_the_stream_state_when_it_stops(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    db = tmp_path / "s.db"
    with TestClient(app_for(db), base_url="http://localhost") as c:
        for a in INTERLEAVED[:2]:
            assert c.post("/api/articles", json=a).status_code == 201
    again = app_for(db)
    assert again.state.stream.restored == 0 and len(again.state.stream) == 2
    (answer,) = asyncio.run(post_all(again, [INTERLEAVED[0]]))
    assert answer.status_code == 200 and answer.json()["repeated"]


def test_the_state_is_written_a_piece_at_a_time_as_json_dumps_writes_it() -> None:
    # json.dumps of a 14,000-article state held the interpreter lock for 3 s: every post waited for it
    value = {"n": 5, "ids": ["a", "é", "c"], "index": [["t", [[1, 0.5]]], ["u", []], ["v", [[2, 1e-9]]]],
             "stories": [[[["x", 1.0]], ["a"], None, False]] * 5, "empty": [], "nested": {"k": [1, 2, 3]}}
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for piece in (1, 2, 100):
        assert "".join(stream_module._pieces(value, piece)) == expected
        # the long lists given as iterators (GroupingSnapshot.state_parts) are written as the lists they make,
        # and no piece is more than ``piece`` items of one of them: the whole is never one string
        def parts() -> dict:
            return {k: iter(v) if isinstance(v, list) else v for k, v in value.items()}

        pieces = list(stream_module._pieces(parts(), piece))
        assert "".join(pieces) == expected and len(pieces) > 2 * len(value)
        assert stream_module._loads(stream_module._compressed(parts(), piece)) == value


def test_the_state_is_saved_compressed_and_a_state_saved_as_text_is_still_read(tmp_path: Path) -> None:
    """The saved state was its JSON text (44 MB for 14,000 articles); it is saved compressed with zlib (18 MB),
    and a database whose state was saved as text before is still started from that state."""
    db = tmp_path / "s.db"
    stream = _three_posted(db)
    stream.save()
    whole = stream._grouper.state()
    with sqlite3.connect(db) as con:
        (saved,) = con.execute("SELECT state FROM stream_state").fetchone()
        assert isinstance(saved, bytes) and json.loads(zlib.decompress(saved)) == json.loads(json.dumps(whole))
        assert len(saved) < len(json.dumps(whole)) / 2
        con.execute("UPDATE stream_state SET state = ?", (json.dumps(whole, ensure_ascii=False),))  # as text
    con.close()
    again = Stream(Store(db))
    assert again.restored == 0 and again._grouper.state() == whole
    with sqlite3.connect(db) as con:  # damaged: every article is put back, as without a saved state
        con.execute("UPDATE stream_state SET state = ?", (saved[: len(saved) // 2] + b"x" * 10,))
    con.close()
    damaged = Stream(Store(db))
    assert damaged.restored == 3 and damaged._grouper.state() == whole


def test_a_stream_articles_correction_and_teaser_are_kept_and_told(tmp_path: Path) -> None:
    """The stream stored neither an article's printed correction (out of its cleaned text) nor whether its page
    gave only a paywall's teaser: its story's answer lost both, and its summary's notes did not tell them."""
    db = tmp_path / "s.db"
    correction = "An earlier version of this article said the ferry stopped on Tuesday."
    corrected = {**FERRY[0], "text": FERRY[0]["text"] + f"\n\nCorrection: {correction}\n"}
    paywall = (Path(__file__).parents[1] / "fixtures" / "html" / "paywall.html").read_text(encoding="utf-8")
    answers = asyncio.run(post_all(app_for(db), [corrected, FERRY[1], {"text": paywall}]))
    assert [r.json()["story"] for r in answers] == [1, 1, 2]
    for app in (app_for(db), app_for(db)):  # and after a restart, from the stored articles
        one, two = (asyncio.run(get(app, f"/api/stream/stories/{n}")).json() for n in (1, 2))
        assert [(a["teaser"], a["corrections"]) for a in one["articles"]] == [(False, [correction]), (False, [])]
        assert correction not in one["articles"][0]["text"]
        assert [a["corrections"] for a in one["summary"]["articles"]] == [[correction], []]
        assert any("printed a correction" in n and correction in n for n in one["summary"]["notes"])
        assert [a["teaser"] for a in two["articles"]] == [a["teaser"] for a in two["summary"]["articles"]] == [True]
        assert any("free teaser of a paywalled page" in n for n in two["summary"]["notes"])
        page = asyncio.run(get(app, "/stream/1")).text
        assert correction in page


@pytest.mark.parametrize(("version", "fields"), [
    ("1:12:32:10:128:1.1:256:32:1", 10),  # before the stories' cohesion: ten fields a story
    ("2:12:32:10:128:1.1:256:32:1", 11),  # before names weighed more and short streams compared every story
    ("3:12:32:10:128:1.1:256:32:1", 11),  # before names with an accented capital ("Łódź") weighed as names
])
def test_a_state_saved_by_the_former_grouping_is_put_aside_and_the_stories_stand(
        tmp_path: Path, version: str, fields: int) -> None:
    """A database whose state was saved by a former grouping (version 1, before the stories' cohesion; version
    2, before the names written with a capital weighed more, which changes every story's terms; version 3, before
    a capital in any script counted: "Émile", "Łódź") starts by
    putting every stored article back into its stored story, as a database without a state does; the next save
    is of this grouping."""
    from storyline.group import STATE_VERSION

    db = tmp_path / "s.db"
    stream = _three_posted(db)
    stream.save()
    stories = stream._grouper.stories
    with sqlite3.connect(db) as con:
        state = stream_module._loads(con.execute("SELECT state FROM stream_state").fetchone()[0])
        assert state["version"] == STATE_VERSION and not STATE_VERSION.startswith(version[:2])
        state["version"] = version
        state["stories"] = [story[:fields] for story in state["stories"]]
        con.execute("UPDATE stream_state SET state = ?", (json.dumps(state),))  # as that version saved it: text
    con.close()
    again = Stream(Store(db))
    assert again.restored == 3 and again._grouper.stories == stories
    assert again.post(_article({**INTERLEAVED[3], "id": "3"})).story == 2  # and it goes on: the ferry's second
    again.save()
    position, saved = Store(db).stream_state()
    assert position == 4 and stream_module._loads(saved)["version"] == STATE_VERSION


# A page whose date is a line of its text under the headline (written for these tests).
FERRY_DATELINED = {"title": "Gull Island ferry back on Friday", "source": "Harbor Radio", "text": (
    "Gull Island ferry back on Friday\n\nApril 08, 2026\n\nThe ferry to Gull Island will run again on Friday, the "
    "operator said, after the replacement engine part for the only ferry boat arrived from the mainland.\n\n"
    "Islanders had been without the ferry since an engine fault on Wednesday of last week.\n")}


def test_a_stream_article_keeps_where_its_date_came_from(tmp_path: Path) -> None:
    """The stream dropped ``Article.date_line``: its story's articles and summary could not say that a date was
    read from the page text, as the command line and a stored story's page do."""
    db = tmp_path / "s.db"
    answers = asyncio.run(post_all(app_for(db), [FERRY[0], FERRY_DATELINED]))
    assert [r.json()["story"] for r in answers] == [1, 1]
    for app in (app_for(db), app_for(db)):  # and after a restart, from the stored articles
        one = asyncio.run(get(app, "/api/stream/stories/1")).json()
        assert [(a["date"], a["date_line"]) for a in one["articles"]] == [("2026-04-02", None),
                                                                          ("2026-04-08", "April 08, 2026")]
        assert [a["date_line"] for a in one["summary"]["articles"]] == [None, "April 08, 2026"]
        page = asyncio.run(get(app, "/stream/1")).text
        assert "Gull Island ferry back on Friday (2026-04-08, read from the page text)" in page
        assert "Ferry service to Gull Island suspended (2026-04-02)<" in page


def test_a_stream_articles_paragraph_left_out_as_no_prose_is_kept_and_told(tmp_path: Path) -> None:
    """The stream did not keep ``Article.no_prose``: a story's summary, made from the stored (clean) text, lost the
    note that a run-on paragraph had been left out, which the command line and a posted story give."""
    from storyline.clean import MAX_RUN_CHARS

    db = tmp_path / "s.db"
    run_on = ("engine part due from the mainland and " * (MAX_RUN_CHARS // 38 + 1)).strip()
    with_run = {**FERRY[1], "text": f"{FERRY[1]['text']}\n\n{run_on}\n"}
    answers = asyncio.run(post_all(app_for(db), [FERRY[0], with_run]))
    assert [r.json()["story"] for r in answers] == [1, 1]
    assert [a.no_prose for a in Store(db).stream_articles()] == [0, 1]
    for app in (app_for(db), app_for(db)):  # and after a restart, from the stored articles
        one = asyncio.run(get(app, "/api/stream/stories/1")).json()
        assert run_on not in one["articles"][1]["text"]
        notes = [n for n in one["summary"]["notes"] if "without a sentence end" in n]
        assert notes and notes[0].startswith("article [2] (Island Times) had a paragraph that runs 100,000")


def test_a_closed_stream_lets_go_of_its_grouper_and_rebuilds_when_used(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    stream = _three_posted(db)
    stories = stream._grouper.stories
    stream.close()
    assert stream._grouper is None and Store(db).stream_state()[0] == 3  # saved, then let go
    assert stream._seen == {}
    assert stream.post(_article({**INTERLEAVED[3], "id": "3"})).story == 2  # rebuilt from the state just saved
    assert stream.post(_article({**INTERLEAVED[0], "id": "x"})).repeated  # and remembers the latest posts again
    assert stream.restored == 0 and stream._grouper.stories[0] == stories[0] and len(stream) == 4


def test_a_stopped_app_does_not_keep_its_streams_grouper(tmp_path: Path) -> None:
    """FastAPI keeps every app's routes in its caches, and with them the app's stream: a process that made app
    after app (one server start after another, tests) kept every stream's grouper, each start slower than the last
    (the garbage collector going through them all). Stopping an app saves its stream's state and lets go of it."""
    import weakref

    from fastapi.testclient import TestClient

    db = tmp_path / "s.db"
    asyncio.run(post_all(app_for(db), INTERLEAVED[:2]))
    app = app_for(db)
    grouper = weakref.ref(app.state.stream._grouper)
    with TestClient(app) as c:
        assert c.post("/api/articles", json=INTERLEAVED[2]).status_code == 201
    del c, app
    gc.collect()
    assert grouper() is None
    assert Store(db).stream_state()[0] == 3 and app_for(db).state.stream.restored == 0


def test_the_collector_is_paused_while_the_grouper_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    # A third of a start's time went to the cyclic garbage collector going again and again through the grouper
    # being rebuilt (12,000 articles: 3.2 s, 2.0 s without it).
    db = tmp_path / "s.db"
    _three_posted(db)
    seen: list[bool] = []
    restore = StoryGrouper.restore
    monkeypatch.setattr(StoryGrouper, "restore", lambda self, *a, **kw: (seen.append(gc.isenabled()),
                                                                         restore(self, *a, **kw))[1])
    assert gc.isenabled()
    assert Stream(Store(db)).restored == 3 and seen == [False] * 3 and gc.isenabled()
    gc.disable()
    try:
        Stream(Store(db))
        assert not gc.isenabled()  # as it was
    finally:
        gc.enable()


def test_a_stream_article_that_is_one_page_of_several_is_told_so(tmp_path: Path) -> None:
    # The stream kept no ``paged``: its story's summary did not say that the article's other pages were not read.
    db = tmp_path / "s.db"
    paged = (Path(__file__).parents[1] / "fixtures" / "html" / "paged.html").read_text(encoding="utf-8")
    (answer,) = asyncio.run(post_all(app_for(db), [{"text": paged}]))
    story = answer.json()["story"]
    for app in (app_for(db), app_for(db)):  # and after a restart, from the stored article
        got = asyncio.run(get(app, f"/api/stream/stories/{story}")).json()
        assert [a["paged"] for a in got["articles"]] == [a["paged"] for a in got["summary"]["articles"]] == [True]
        assert any("one page of a story printed over several pages" in n for n in got["summary"]["notes"])


def test_a_stream_articles_author_and_words_are_kept_and_listed_as_the_summary_lists_them(tmp_path: Path) -> None:
    # The stream stored no author (a header's author:, a page's byline), so its story's summary said "" where the
    # command line and a posted story name the author; its listings gave neither author nor words, which the
    # summary JSON's articles give for every article.
    from storyline.model import count_words

    db = tmp_path / "s.db"
    bylined = {**FERRY[1], "text": f"---\nauthor: Mara Ellison\n---\n{FERRY[1]['text']}"}
    answers = asyncio.run(post_all(app_for(db), [FERRY[0], bylined]))
    assert [r.json()["story"] for r in answers] == [1, 1]
    second = answers[1].json()["article"]
    for app in (app_for(db), app_for(db)):  # and after a restart, from the stored articles
        one = asyncio.run(get(app, "/api/stream/stories/1")).json()
        assert [a["author"] for a in one["articles"]] == [a["author"] for a in one["summary"]["articles"]] == [
            "", "Mara Ellison"]
        assert [a["words"] for a in one["articles"]] == [a["words"] for a in one["summary"]["articles"]] == [
            count_words(a["text"]) for a in one["articles"]]
        alone = asyncio.run(get(app, f"/api/articles/{second}")).json()
        assert (alone["author"], alone["words"]) == ("Mara Ellison", one["articles"][1]["words"])
        bare = asyncio.run(get(app, "/api/stream/stories/1", text="false")).json()
        assert [(a["author"], a["words"]) for a in bare["articles"]] == [
            (a["author"], a["words"]) for a in one["articles"]]
    # a correction that changes the author alone is a change, and is kept
    async def correct() -> httpx.Response:
        async with client(app_for(db)) as c:
            return await c.put(f"/api/articles/{second}", json={**bylined, "text": bylined["text"].replace(
                "Mara Ellison", "Tom Reyes")})
    fixed = asyncio.run(correct())
    assert fixed.status_code == 200 and fixed.json()["changed"] is True
    assert asyncio.run(get(app_for(db), f"/api/articles/{second}")).json()["author"] == "Tom Reyes"


def test_a_database_without_the_stream_authors_column_gains_it(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    asyncio.run(post_all(app_for(db), [FERRY[0]]))
    with sqlite3.connect(db) as con:  # as a storyline before the column left it
        con.execute("ALTER TABLE stream_articles DROP COLUMN author")
    con.close()
    one = asyncio.run(get(app_for(db), "/api/stream/stories/1")).json()
    assert one["articles"][0]["author"] == "" and one["summary"]["articles"][0]["author"] == ""
    assert [a.author for a in Store(db).stream_articles()] == [""]


def test_a_full_disk_is_a_507_that_stores_nothing_and_loses_nothing(tmp_path: Path, monkeypatch) -> None:
    # On a full disk SQLite rolls the transaction back itself; the store's ROLLBACK then failed ("no transaction
    # is active"), hiding the cause: a 500 "internal server error", and the server closed the connection. The
    # full disk is SQLite's max_page_count here: the database may not grow past the pages it has.
    db = tmp_path / "s.db"
    app = app_for(db)
    (first,) = asyncio.run(post_all(app, [MILLBROOK[0]]))
    assert first.status_code == 201
    stored = asyncio.run(get(app, f"/api/articles/{first.json()['article']}")).json()
    big = {"text": " ".join(f"Ferry {k} left the harbour at dawn on Monday, the port office said." for k in range(400)),
           "source": "Harbour Post"}
    opened, full = Store._open, [True]

    def open_full(self):
        con = opened(self)
        if full[0]:
            con.execute(f"PRAGMA max_page_count = {con.execute('PRAGMA page_count').fetchone()[0]}")
        return con

    monkeypatch.setattr(Store, "_open", open_full)

    async def tries() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.post("/api/articles", json=big),
                    await c.put(f"/api/articles/{first.json()['article']}", json=big),
                    await c.get("/api/stream/stories")]

    posted, corrected, listing = asyncio.run(tries())
    message = ("the story database cannot be written (the disk is full); nothing was stored or changed: send it "
               "again once it can be")
    assert (posted.status_code, posted.json()) == (507, {"error": message})
    assert (corrected.status_code, corrected.json()) == (507, {"error": message})
    assert listing.json()["total"] == 1 and listing.json()["stories"][0]["article_count"] == 1
    assert asyncio.run(get(app, f"/api/articles/{first.json()['article']}")).json() == stored
    full[0] = False  # room again: the same post is taken, as if the failed one had never come
    (again,) = asyncio.run(post_all(app, [big]))
    assert (again.status_code, again.json()["story"], again.json()["repeated"]) == (201, 2, False)
    restarted = app_for(db)
    listing = asyncio.run(get(restarted, "/api/stream/stories")).json()
    assert [(s["story"], s["article_count"]) for s in listing["stories"]] == [(2, 1), (1, 1)]
