"""Removing and correcting stream articles (``DELETE``/``PUT /api/articles/{id}``, the article page's form): the
stories lose, regain and move articles as a restarted server would see them, their summaries are made again, and
the numbers of emptied stories are never given again."""

from __future__ import annotations

import asyncio
import random
import sqlite3
from datetime import date
from pathlib import Path

import httpx
import pytest
from articles import FERRY, MILLBROOK

import storyline.group as group_module
import storyline.web.stream as stream_module
from storyline.group import StoryGrouper
from storyline.web.store import EMPTIED_SCHEMA, SCHEMA, STATE_SCHEMA, STREAM_SCHEMA, Store
from storyline.web.stream import Stream, _article

# Of neither story: a correction to this begins a story of its own.
BEES = {"title": "Orchard bees return to Pell Valley", "source": "Valley Post", "date": "2026-04-03",
        "text": "Beekeepers in Pell Valley counted twice as many hives this spring as last year. The orchard "
                "growers credit a ban on one pesticide, and a wet winter that kept the clover growing."}
# Millbrook's library story told again: a correction to this moves a ferry article into that story.
LIBRARY = {"title": "Millbrook library open again", "source": "Island Times", "date": "2026-04-03",
           "text": "The Millbrook public library reopened on Wednesday after eight months of flood repairs to its "
                   "basement archive. Volunteers scanned more than 4,000 newspapers, librarian Dana Whitcombe said."}
INTERLEAVED = [MILLBROOK[0], FERRY[0], MILLBROOK[1], FERRY[1], MILLBROOK[2]]  # stories 1 (3 articles) and 2 (2)


def app_for(db: Path):
    from storyline.web.app import WebSettings, create_app

    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))


def client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120)


def send(app, *calls: tuple[str, str, dict | None]) -> list[httpx.Response]:
    """Each ``(method, url, json body or None)`` in turn."""

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.request(m, url, json=body) for m, url, body in calls]

    return asyncio.run(go())


def posted(app, articles: list[dict]) -> list[str]:
    """Post each article; their ids."""
    responses = send(app, *(("POST", "/api/articles", a) for a in articles))
    assert [r.status_code for r in responses] == [201] * len(articles)
    return [r.json()["article"] for r in responses]


def stories(store: Store) -> dict[int, list[str]]:
    """The stored stream's stories: each one's article ids in arrival order."""
    out: dict[int, list[str]] = {}
    for row in store.stream_articles():
        out.setdefault(row.story, []).append(row.id)
    return out


def grouped(stream: Stream) -> dict[int, list[str]]:
    """The stream grouper's stories, as ``stories`` gives the store's (empty ones left out)."""
    return {k: list(ids) for k, ids in enumerate(stream._live().stories, 1) if ids}


def test_a_removed_article_leaves_its_story_and_an_emptied_story_goes_for_good(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    m0, f0, m1, f1, m2 = posted(app, INTERLEAVED)
    gone, again, first_ferry, last_ferry = send(app, ("DELETE", f"/api/articles/{m1}", None),
                                                ("DELETE", f"/api/articles/{m1}", None),
                                                ("DELETE", f"/api/articles/{f0}", None),
                                                ("DELETE", f"/api/articles/{f1}", None))
    assert gone.status_code == 200
    assert gone.json() == {"article": m1, "story": 1, "story_articles": 2, "story_removed": False}
    assert again.status_code == 404 and again.json() == {"error": f"the stream has no article with id '{m1}'"}
    assert first_ferry.json()["story_articles"] == 1
    assert last_ferry.json() == {"article": f1, "story": 2, "story_articles": 0, "story_removed": True}
    store = app.state.store
    assert stories(store) == grouped(app.state.stream) == {1: [m0, m2]}
    story, missing, listing = send(app, ("GET", "/api/stream/stories/1", None), ("GET", "/api/stream/stories/2", None),
                                   ("GET", "/api/stream/stories", None))
    assert [a["id"] for a in story.json()["articles"]] == [m0, m2] and story.json()["article_count"] == 2
    named = {i for s in story.json()["summary"]["sentences"] for i in (*s["sources"], *s["corroborated_by"])}
    assert m1 not in named and named <= {m0, m2}
    assert missing.status_code == 404 and "every article of stream story 2 was removed" in missing.json()["error"]
    assert [s["story"] for s in listing.json()["stories"]] == [1] and listing.json()["total"] == 1
    # the next story is story 3: the number of the story that went is not given again
    (bees,) = send(app, ("POST", "/api/articles", BEES))
    assert bees.json()["story"] == 3 and bees.json()["new_story"]


def test_a_corrected_article_moves_to_the_story_it_now_belongs_to(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    m0, f0, m1, f1, m2 = posted(app, INTERLEAVED)
    moved, unchanged, own = send(app, ("PUT", f"/api/articles/{f1}", LIBRARY), ("PUT", f"/api/articles/{f1}", LIBRARY),
                                 ("PUT", f"/api/articles/{f0}", BEES))
    assert moved.status_code == 200 and moved.headers["location"] == "/api/stream/stories/1"
    body = moved.json()
    assert (body["article"], body["story"], body["new_story"], body["story_articles"]) == (f1, 1, False, 4)
    assert (body["previous_story"], body["previous_story_articles"], body["moved"], body["changed"]) == (2, 1, True,
                                                                                                       True)
    assert body["similarity"] >= 0.22  # decided again, against story 1 as it is now
    # sent again, a correction changes nothing
    assert unchanged.json()["changed"] is False and unchanged.json()["story"] == 1
    # the last ferry article, corrected to another event, begins a story: the ferry story is gone
    assert (own.json()["story"], own.json()["new_story"], own.json()["previous_story_articles"]) == (3, True, 0)
    store = app.state.store
    assert stories(store) == grouped(app.state.stream) == {1: [m0, m1, m2, f1], 3: [f0]}
    row = store.stream_article(f1)
    assert (row.title, row.source, row.date, row.text) == (LIBRARY["title"], LIBRARY["source"], LIBRARY["date"],
                                                           LIBRARY["text"])
    assert row.position == 6 and store.stream_article(f0).position == 7  # stored anew at the stream's end
    (story,) = send(app, ("GET", "/api/stream/stories/1", None))
    assert story.json()["articles"][-1]["title"] == LIBRARY["title"]


def test_a_changed_storys_summary_is_made_again_though_its_article_count_is_the_same(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    m0, m1 = posted(app, MILLBROOK[:2])
    (before,) = send(app, ("GET", "/api/stream/stories/1?summary_sources=all", None))
    # one out, one in: two articles again, not the two the summary kept was made of
    _, _, after = send(app, ("DELETE", f"/api/articles/{m0}", None), ("POST", "/api/articles", MILLBROOK[2]),
                       ("GET", "/api/stream/stories/1?summary_sources=all", None))
    assert before.json()["article_count"] == after.json()["article_count"] == 2
    ids = {a["id"] for a in after.json()["summary"]["articles"]}
    assert m0 not in ids and m1 in ids and len(ids) == 2


def test_removals_and_corrections_stand_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    stream = Stream(Store(db), save_every=0)
    for k, a in enumerate(INTERLEAVED):
        stream.post(_article({**a, "id": str(k)}))
    ids = [row.id for row in stream.store.stream_articles()]
    stream.save()
    assert stream.store.stream_state() is not None
    stream.remove(ids[2])  # an article the saved state holds: the state goes with it
    assert stream.store.stream_state() is None
    stream.correct(ids[4], _article({**LIBRARY, "id": "x"}))
    stream.remove(ids[3])
    stream.remove(ids[1])  # the ferry story is emptied
    state = stream._live().state()
    # a crash: the next start puts back every stored article, and the emptied story's number stays taken
    crashed = Stream(Store(db))
    assert crashed.restored == 2 and crashed._live().state() == state
    assert len(crashed._live().stories) == 2 and crashed._live().stories[1] == ()
    stream.close()  # a stop: the state is saved, and the next start begins from it
    restarted = Stream(Store(db))
    assert restarted.restored == 0 and restarted._live().state() == state
    # and the three go on deciding alike
    answers = {s._live().add(_article({**BEES, "id": "b"})) for s in (stream, crashed, restarted)}
    assert len(answers) == 1 and answers.pop().story == 2  # (from 0: story 3)


def test_after_a_change_the_stream_goes_on_as_a_restarted_one_would(tmp_path: Path) -> None:
    live = Stream(Store(tmp_path / "a.db"), save_every=0)
    for k, a in enumerate(INTERLEAVED[:4]):
        live.post(_article({**a, "id": str(k)}))
    first = live.store.stream_articles()[0].id
    live.save()
    later = live.post(_article({**INTERLEAVED[4], "id": "4"})).article
    live.remove(later)  # after the saved state: it stands, and the rebuild begins from it
    assert live.store.stream_state() is not None and live.restored == 0
    live.correct(first, _article({**FERRY[1], "id": "x", "text": FERRY[1]["text"] + " Repairs are under way."}))
    assert live.store.stream_state() is None  # it held the corrected article
    assert live._live().state() == Stream(Store(tmp_path / "a.db"))._live().state()


def test_two_removals_of_one_article_at_once_one_is_a_404(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    m0, m1, m2 = posted(app, MILLBROOK)

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return list(await asyncio.gather(c.delete(f"/api/articles/{m1}"), c.delete(f"/api/articles/{m1}"),
                                             c.post("/api/articles", json=FERRY[0]),
                                             c.put(f"/api/articles/{m2}", json=BEES)))

    one, other, ferry, bees = asyncio.run(go())
    assert sorted([one.status_code, other.status_code]) == [200, 404]
    assert ferry.status_code == 201 and bees.status_code == 200
    assert stories(app.state.store) == grouped(app.state.stream)
    assert sorted(i for ids in stories(app.state.store).values() for i in ids) == sorted(
        [m0, m2, ferry.json()["article"]])


@pytest.mark.parametrize(("method", "body", "status", "message"), [
    ("PUT", {"text": "Some text."}, 404, "the stream has no article with id 'nope'"),
    ("DELETE", None, 404, "the stream has no article with id 'nope'"),
])
def test_an_unknown_article_is_a_404(tmp_path: Path, method: str, body: dict | None, status: int,
                                     message: str) -> None:
    app = app_for(tmp_path / "s.db")
    posted(app, MILLBROOK[:1])
    (r,) = send(app, (method, "/api/articles/nope", body))
    assert (r.status_code, r.json()) == (status, {"error": message})


def test_a_bad_correction_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (m0,) = posted(app, MILLBROOK[:1])
    url = f"/api/articles/{m0}"
    sent_as_json = {"content-type": "application/json"}

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.put(url, json={"title": "No text"}), await c.put(url, json=["a list"]),
                    await c.put(url, json={"text": "x", "date": "2026-02-30"}),
                    await c.put(url, content=b"", headers=sent_as_json),
                    await c.put(url, content=b"{", headers=sent_as_json),
                    await c.put(url, content=b'{"text": "x"}', headers={"content-type": "text/plain"}),
                    await c.put(url, json={"text": "   "})]

    responses = asyncio.run(go())
    assert [r.status_code for r in responses] == [422, 422, 422, 400, 400, 415, 400]
    assert all(set(r.json()) == {"error"} for r in responses)
    assert responses[0].json() == {"error": "text: required"}
    assert responses[1].json()["error"].startswith('the request body must be a JSON object such as {"text"')
    assert [a.id for a in app.state.store.stream_articles()] == [m0]
    assert app.state.store.stream_article(m0).title == MILLBROOK[0]["title"]


def test_a_correction_that_repeats_another_stored_article_is_a_409_naming_it(tmp_path: Path) -> None:
    # It was stored as a second copy, where a post of the same article is answered "repeated" and not stored.
    app = app_for(tmp_path / "s.db")
    m0, f0 = posted(app, [MILLBROOK[0], FERRY[0]])
    store = app.state.store
    before = [(r.id, r.story, r.position, r.title, r.updated) for r in store.stream_articles()]
    live = app.state.stream._grouper
    (twin,) = send(app, ("PUT", f"/api/articles/{f0}", MILLBROOK[0]))
    assert twin.status_code == 409
    assert twin.json() == {"error": f"the correction of article {f0!r} repeats stream article {m0!r} (the same text, "
                                    "title, source, URL and date): nothing was changed; to keep one copy, delete the "
                                    "other"}
    assert [(r.id, r.story, r.position, r.title, r.updated) for r in store.stream_articles()] == before
    assert app.state.stream._grouper is live  # refused before anything changed: not rebuilt from the store
    assert stories(store) == grouped(app.state.stream) == {1: [m0], 2: [f0]}
    post, own, copy = send(app, ("POST", "/api/articles", MILLBROOK[0]),  # a post of it: "repeated", as before
                           ("PUT", f"/api/articles/{m0}", MILLBROOK[0]),  # its own text: no change, no conflict
                           ("PUT", f"/api/articles/{f0}", MILLBROOK[0] | {"source": "Other Outlet"}))
    assert (post.status_code, post.json()["article"], post.json()["repeated"]) == (200, m0, True)
    assert (own.status_code, own.json()["changed"]) == (200, False)
    # the same text from another outlet is another article (a wire copy), as a post of it is
    assert (copy.status_code, copy.json()["changed"], copy.json()["story"]) == (200, True, 1)
    assert stories(store) == grouped(app.state.stream) == {1: [m0, f0]}


def test_a_stream_article_is_read_back_by_its_id(tmp_path: Path) -> None:
    # A client that posted an article could not read it back: GET /api/articles/{id} was a 405 ("it answers
    # DELETE, PUT"), the article only in a page of its story's articles.
    app = app_for(tmp_path / "s.db")
    m0, f0 = posted(app, [MILLBROOK[0], FERRY[0]])
    (corrected,) = send(app, ("PUT", f"/api/articles/{f0}", LIBRARY))
    one, fixed, story, head, gone = send(
        app, ("GET", f"/api/articles/{m0}", None), ("GET", f"/api/articles/{f0}", None),
        ("GET", "/api/stream/stories/1?limit=1000", None), ("HEAD", f"/api/articles/{m0}", None),
        ("GET", "/api/articles/nope", None))
    assert one.status_code == 200 and one.json()["story"] == 1
    assert {k: v for k, v in one.json().items() if k != "story"} == story.json()["articles"][0]
    assert one.json()["text"].startswith("The Millbrook public library")
    assert (fixed.json()["story"], fixed.json()["title"]) == (corrected.json()["story"], LIBRARY["title"])
    assert fixed.json()["updated"] is not None
    assert head.status_code == 200 and head.content == b""
    assert (gone.status_code, gone.json()) == (404, {"error": "the stream has no article with id 'nope'"})
    send(app, ("DELETE", f"/api/articles/{m0}", None))
    assert send(app, ("GET", f"/api/articles/{m0}", None))[0].status_code == 404


def test_the_new_routes_are_in_the_openapi_schema_with_their_errors(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (schema,) = send(app, ("GET", "/openapi.json", None))
    ops = schema.json()["paths"]["/api/articles/{article_id}"]
    assert set(ops) == {"get", "put", "delete"}
    assert set(ops["get"]["responses"]) == {"200", "404"}
    assert set(ops["put"]["responses"]) == {"200", "400", "404", "409", "413", "415", "422", "507"}
    assert "repeats another stored stream article" in ops["put"]["responses"]["409"]["description"]
    assert set(ops["delete"]["responses"]) == {"200", "404", "507"}
    assert ops["delete"]["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert ops["put"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ArticleIn")


def test_an_article_page_removes_it_by_a_form_from_this_site_only(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    m0, f0, m1 = posted(app, INTERLEAVED[:3])
    page, link = send(app, ("GET", "/stream/1/articles/2", None), ("GET", f"/stream/articles/{m1}/remove", None))
    assert f'<form method="post" action="/stream/articles/{m1}/remove">' in page.text
    assert link.status_code == 405 and app.state.store.stream_article(m1) is not None  # no GET does it

    async def form(article: str, headers: dict[str, str]) -> httpx.Response:
        async with client(app) as c:
            return await c.post(f"/stream/articles/{article}/remove", headers=headers)

    refused = asyncio.run(form(m1, {"origin": "https://elsewhere.example", "sec-fetch-site": "cross-site"}))
    assert refused.status_code == 403 and app.state.store.stream_article(m1) is not None
    done = asyncio.run(form(m1, {"origin": "http://test", "sec-fetch-site": "same-origin"}))
    assert done.status_code == 303 and done.headers["location"] == "/stream/1?removed=1"
    assert app.state.store.stream_article(m1) is None
    (shown,) = send(app, ("GET", "/stream/1?removed=1", None))
    assert "The article was removed from the stream." in shown.text
    last = asyncio.run(form(f0, {"sec-fetch-site": "same-origin"}))  # its story's only article: to the stream
    assert last.headers["location"] == "/stream?removed=1"
    assert asyncio.run(form(f0, {})).status_code == 404


def test_a_version_6_database_gains_the_emptied_stories(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    with sqlite3.connect(path) as db:  # the tables as schema 6 made them (its note columns: added on opening)
        db.executescript(SCHEMA + STREAM_SCHEMA + STATE_SCHEMA)
        db.execute("PRAGMA application_id = 0x53544C4E")
        db.execute("PRAGMA user_version = 6")
    db.close()
    store = Store(path)
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert "stream_emptied" in tables and "stream_emptied" in EMPTIED_SCHEMA
    assert store.stream_story_count() == 0 and not store.stream_emptied(1)


def test_a_change_that_put_many_articles_back_saves_the_state_again(tmp_path: Path) -> None:
    stream = Stream(Store(tmp_path / "s.db"), save_every=2, save_interval=3600)
    for k, a in enumerate(INTERLEAVED):
        stream.post(_article({**a, "id": str(k)}))
    assert stream.store.stream_state() is None  # (not due yet: the interval)
    stream.remove(stream.store.stream_articles()[0].id)  # four put back one by one
    assert stream._saver is not None
    stream._saver.join(30)
    saved = stream.store.stream_state()
    assert saved is not None and saved[0] == stream.store.stream_end()[0]
    assert Stream(Store(tmp_path / "s.db")).restored == 0


def test_a_corrected_article_keeps_its_first_arrival_and_tells_when_it_was_corrected(tmp_path: Path) -> None:
    # A correction was stored with a new ``created``: the article's first arrival was lost.
    db = tmp_path / "s.db"
    app = app_for(db)
    m0, f0 = posted(app, [MILLBROOK[0], FERRY[0]])
    with sqlite3.connect(db) as conn:  # it came months before: the day the grouper is told matters then
        conn.execute("UPDATE stream_articles SET created = '2026-01-05T09:00:00.000000Z' WHERE id = ?", (f0,))
    conn.close()
    app = app_for(db)
    assert app.state.store.stream_article(f0).updated is None
    (done,) = send(app, ("PUT", f"/api/articles/{f0}", LIBRARY))
    row = app.state.store.stream_article(f0)
    assert row.created == "2026-01-05T09:00:00.000000Z" and row.updated is not None and row.updated > row.created
    story, listing = send(app, ("GET", f"/api/stream/stories/{done.json()['story']}", None),
                          ("GET", "/api/stream/stories", None))
    shown = {a["id"]: (a["created"], a["updated"]) for a in story.json()["articles"]}
    assert shown[f0] == (row.created, row.updated) and shown[m0][1] is None
    # the story's latest arrival is the correction's
    assert listing.json()["stories"][0]["updated"] == row.updated
    # a rebuild (a restart) tells the grouper the day it was decided again, as the live grouper was told
    assert Stream(Store(db))._live().state() == app.state.stream._live().state()


def _toy_stream(seed: int, count: int) -> list[dict]:
    """``count`` invented articles on 24 invented events (a few words of their own, and words every event uses),
    some dated over three weeks (which closes stories), some not, in a seeded random order."""
    rng = random.Random(seed)
    common = "council river harbour school market police road weather station bridge".split()
    events = [[f"{a}{b}" for b in ("ton", "vale", "mere", "ford", "wick")] for a in
              ("ash", "bel", "cor", "dun", "elm", "fen", "gar", "hal", "ink", "jor", "kel", "lun",
               "mor", "nel", "orv", "pel", "quin", "ros", "sel", "tam", "ulv", "ven", "wes", "yar")]
    out = []
    for k in range(count):
        e = rng.randrange(len(events))
        own = rng.sample(events[e], 3) + rng.sample(events[rng.randrange(len(events))], 1)
        words = own * 2 + rng.sample(common, 4)
        rng.shuffle(words)
        date = None if rng.random() < 0.3 else f"2026-04-{1 + e // 2 + rng.randrange(3):02d}"
        out.append({"title": f"{own[0].title()} report {k}", "text": " ".join(words).capitalize() + ".",
                    "date": date})
    return out


def _replayed(store: Store) -> StoryGrouper:
    """The grouper of the stored stream put back article by article from nothing (as a start without a saved
    state puts it back)."""
    grouper = StoryGrouper()
    for row in store.stream_articles():
        grouper.reserve(row.story - 1)
        grouper.restore(_article(row), row.story - 1, received=date.fromisoformat((row.updated or row.created)[:10]))
    grouper.reserve(store.stream_story_count())
    return grouper


@pytest.mark.parametrize("seed", [1, 2])
def test_changes_from_checkpoints_leave_the_grouper_a_full_replay_would(tmp_path: Path, seed: int,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A removal or correction goes back to the latest checkpoint before its article and puts back the articles
    after it: the grouper is then exactly the one putting back the whole stored stream gives (the same state,
    so the same decisions from there on), through posts, removals of the latest and of early articles,
    corrections, saves and restarts; and the stories are the ones a stream without checkpoints makes."""
    monkeypatch.setattr(stream_module, "CHECKPOINT_EVERY", 4)
    monkeypatch.setattr(stream_module, "CHECKPOINTS", 3)
    monkeypatch.setattr(group_module, "_CLOSE_EVERY", 8)  # (stories close within the stream)
    articles = iter(_toy_stream(seed, 400))
    rng = random.Random(seed)
    streams = [Stream(Store(tmp_path / "fast.db"), save_every=0), Stream(Store(tmp_path / "slow.db"), save_every=0)]
    monkeypatch.setattr(streams[1], "_from_checkpoint", lambda before: (None, 0))  # every change replays
    changes = from_checkpoint = 0
    for step in range(260):
        ops = rng.choices(["post", "remove", "correct", "save", "restart"], [60, 14, 14, 4, 2])[0]
        rows = streams[0].store.stream_articles()
        if ops == "post" or len(rows) < 3:
            a = next(articles)
            for s in streams:
                s.post(_article({**a, "id": "x"}))
            continue
        if ops in ("save", "restart"):
            for k, s in enumerate(streams):
                if ops == "save":
                    s.save()
                else:
                    s.close()
                    streams[k] = Stream(Store(s.store.path), save_every=0)
            monkeypatch.setattr(streams[1], "_from_checkpoint", lambda before: (None, 0))
            continue
        k = len(rows) - 1 - min(int(rng.expovariate(0.15)), len(rows) - 1)  # mostly late, some early
        slow_id = streams[1].store.stream_articles()[k].id
        if ops == "remove":
            streams[0].remove(rows[k].id)
            streams[1].remove(slow_id)
        else:
            fix = {**next(articles), "id": "x"}
            streams[0].correct(rows[k].id, _article(fix))
            streams[1].correct(slow_id, _article(fix))
        changes += 1
        from_checkpoint += streams[0].restored < len(streams[0])
        assert streams[0]._live().state() == _replayed(streams[0].store).state(), step
        assert titled(streams[0].store) == titled(streams[1].store), step
    assert changes > 60 and from_checkpoint > changes // 2  # (most changes went back to a checkpoint)


def titled(store: Store) -> dict[int, list[str]]:
    """The stored stream's stories, each as its articles' titles in arrival order."""
    out: dict[int, list[str]] = {}
    for row in store.stream_articles():
        out.setdefault(row.story, []).append(row.title)
    return out


def test_a_checkpoint_that_held_a_removed_article_is_not_used_when_its_position_is_given_again(
        tmp_path: Path) -> None:
    """The latest article removed, the next post takes its position: a checkpoint of that position held the removed
    article, though it holds as many articles as are stored up to there, and goes with it."""
    stream = Stream(Store(tmp_path / "s.db"), save_every=0)
    for k, a in enumerate(INTERLEAVED[:4]):
        stream.post(_article({**a, "id": str(k)}))
        if k >= 2:
            stream.save()  # (each save is a checkpoint too: at positions 3 and 4)
    stream.remove(stream.store.stream_articles()[-1].id)  # the checkpoint at position 4 held it
    stream.post(_article({**BEES, "id": "b"}))  # at position 4 again
    stream.remove(stream.post(_article({**LIBRARY, "id": "l"})).article)
    assert stream._live().state() == _replayed(stream.store).state()
