"""Deleting a story made with ``POST /api/stories`` (``DELETE /api/stories/{id}``, the story page's form): it leaves
the store, the listings and the render cache, and its addresses are a 404 from then on, after a restart too."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import httpx
from articles import FERRY, MILLBROOK

from storyline.web.store import Store

GONE = "it was deleted, or never existed"
MARK = "Quillfeather"  # a word of one story's text, to look for in the database file once it is deleted


def app_for(db: Path):
    from storyline.web.app import WebSettings, create_app

    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))


def client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120)


def send(app, *calls: tuple[str, str]) -> list[httpx.Response]:
    """Each ``(method, url)`` in turn."""

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.request(m, url) for m, url in calls]

    return asyncio.run(go())


def made(app, *clusters: list[dict]) -> list[str]:
    """A story of each cluster, by ``POST /api/stories``; their ids."""

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.post("/api/stories", json={"articles": cluster, "words": 60}) for cluster in clusters]

    responses = asyncio.run(go())
    assert [r.status_code for r in responses] == [201] * len(clusters)
    return [r.json()["id"] for r in responses]


def marked(articles: list[dict]) -> list[dict]:
    return [{**a, "text": a["text"] + f" The {MARK} trust paid for the work."} for a in articles]


def on_disk(db: Path) -> bytes:
    """The database file's bytes once its write-ahead log is put into it."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_deleted_story_is_gone_from_its_addresses_the_listings_and_the_cache(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    mill, ferry = made(app, MILLBROOK, FERRY)
    article = app.state.store.get(mill).articles[0]["id"]
    page, api = send(app, ("GET", f"/stories/{mill}"), ("GET", f"/api/stories/{mill}"))  # rendered: now cached
    assert page.status_code == api.status_code == 200
    (deleted,) = send(app, ("DELETE", f"/api/stories/{mill}"))
    assert deleted.status_code == 200
    assert deleted.json() == {"id": mill, "title": api.json()["title"], "article_count": len(MILLBROOK),
                              "deleted": True}
    after = send(app, ("GET", f"/stories/{mill}"), ("GET", f"/api/stories/{mill}"),
                 ("GET", f"/stories/{mill}/articles/{article}"), ("GET", "/api/stories"), ("GET", "/"))
    assert [r.status_code for r in after] == [404, 404, 404, 200, 200]
    assert after[1].json() == {"error": f"no story with id {mill!r}: {GONE}"}
    assert GONE in after[0].text and GONE in after[2].text and "text/html" in after[2].headers["content-type"]
    listed = after[3].json()
    assert [s["id"] for s in listed["stories"]] == [ferry] and listed["total"] == 1
    assert f"/stories/{mill}" not in after[4].text and f"/stories/{ferry}" in after[4].text
    assert app.state.store.get(mill) is None and app.state.store.get(ferry) is not None
    with sqlite3.connect(tmp_path / "s.db") as db:  # its articles went with it
        assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id = ?", (mill,)).fetchone()[0] == 0
    db.close()


def test_an_unknown_story_is_a_404_and_nothing_changes(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (mill,) = made(app, MILLBROOK)
    unknown, long = send(app, ("DELETE", "/api/stories/nope"), ("DELETE", "/api/stories/" + "x" * 100))
    assert (unknown.status_code, unknown.json()) == (404, {"error": f"no story with id 'nope': {GONE}"})
    assert long.status_code == 404 and set(long.json()) == {"error"}
    assert [s.id for s in app.state.store.list()[0]] == [mill]


def test_two_deletions_at_once_one_is_a_404(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    mill, ferry = made(app, MILLBROOK, FERRY)

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return list(await asyncio.gather(c.delete(f"/api/stories/{mill}"), c.delete(f"/api/stories/{mill}"),
                                             c.get(f"/stories/{mill}"), c.get(f"/api/stories/{ferry}")))

    one, other, page, kept = asyncio.run(go())
    assert sorted([one.status_code, other.status_code]) == [200, 404]
    assert page.status_code in (200, 404) and kept.status_code == 200
    # a page rendered while it was deleted is not kept: the story is gone from every address
    assert [r.status_code for r in send(app, ("GET", f"/stories/{mill}"), ("GET", f"/api/stories/{mill}"))] == [
        404, 404]
    assert [s.id for s in app.state.store.list()[0]] == [ferry]


def test_a_render_made_while_the_story_was_deleted_is_not_kept(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (mill,) = made(app, MILLBROOK)
    store = app.state.store
    real_get = store.get

    def get_then_deleted(story_id: str):  # the story is read, then deleted before its render is kept
        row = real_get(story_id)
        Store.delete(store, story_id)
        return row

    store.get = get_then_deleted
    (page,) = send(app, ("GET", f"/stories/{mill}"))
    store.get = real_get
    assert page.status_code == 200  # the request began before the deletion
    assert send(app, ("GET", f"/stories/{mill}"))[0].status_code == 404
    assert not [key for key in app.state.rendered._items if key[1] == mill]  # nor is it left in memory


def test_a_deletion_stands_after_a_restart_and_leaves_no_text_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    app = app_for(db)
    mill, ferry = made(app, marked(MILLBROOK), FERRY)
    assert MARK.encode() in on_disk(db)  # (so that its absence below is the deletion's doing)
    assert send(app, ("DELETE", f"/api/stories/{mill}"))[0].status_code == 200
    restarted = app_for(db)
    again = send(restarted, ("GET", f"/api/stories/{mill}"), ("GET", "/api/stories"),
                 ("DELETE", f"/api/stories/{mill}"))
    assert [r.status_code for r in again] == [404, 200, 404]
    assert [s["id"] for s in again[1].json()["stories"]] == [ferry]
    assert MARK.encode() not in on_disk(db)  # overwritten as it was freed (secure_delete), not left in free pages


def test_the_story_page_deletes_it_by_a_form_from_this_site_only(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    mill, ferry = made(app, MILLBROOK, FERRY)
    page, link = send(app, ("GET", f"/stories/{mill}"), ("GET", f"/stories/{mill}/delete"))
    assert f'<form method="post" action="/stories/{mill}/delete">' in page.text
    assert link.status_code == 405 and link.headers["allow"] == "POST"  # no GET (a link, a prefetch) does it
    assert app.state.store.get(mill) is not None

    async def form(story: str, headers: dict[str, str]) -> httpx.Response:
        async with client(app) as c:
            return await c.post(f"/stories/{story}/delete", headers=headers)

    for elsewhere in ({"origin": "https://elsewhere.example", "sec-fetch-site": "cross-site"},
                      {"sec-fetch-site": "same-site"}, {"origin": "https://elsewhere.example"}):
        refused = asyncio.run(form(mill, elsewhere))
        assert refused.status_code == 403 and "cross-site form submissions are refused" in refused.text
    assert app.state.store.get(mill) is not None
    done = asyncio.run(form(mill, {"origin": "http://test", "sec-fetch-site": "same-origin"}))
    assert done.status_code == 303 and done.headers["location"] == "/?deleted=1"
    assert app.state.store.get(mill) is None
    (shown,) = send(app, ("GET", "/?deleted=1"))
    assert "The story was deleted." in shown.text and f"/stories/{mill}" not in shown.text
    assert "The story was deleted." not in send(app, ("GET", "/"))[0].text
    again = asyncio.run(form(mill, {"sec-fetch-site": "same-origin"}))
    assert again.status_code == 404 and GONE in again.text and "text/html" in again.headers["content-type"]
    assert app.state.store.get(ferry) is not None


def test_the_route_is_in_the_openapi_schema_with_its_errors(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (schema,) = send(app, ("GET", "/openapi.json"))
    ops = schema.json()["paths"]["/api/stories/{story_id}"]
    assert set(ops) == {"get", "delete", "patch"}  # (patch: tests/web/test_web_story_edit.py)
    assert set(ops["delete"]["responses"]) == {"200", "404", "507"}
    assert ops["delete"]["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert "/stories/{story_id}/delete" not in schema.json()["paths"]  # the page's form is no API


def test_a_deletion_in_progress_stops_no_other_request(tmp_path: Path) -> None:
    # The deletion's transaction is held open (its ``DELETE FROM articles`` waits for the test's word, as a large
    # story's deletion takes its time zeroing the pages it frees) while the server is asked for its health, for
    # another story not rendered yet and for the story being deleted. Until 2026-12-04 a render not in the cache
    # took a lock the deletion held for its whole transaction, in the event loop's thread: every request stopped
    # until the deletion ended, here until the deletion's wait gave up. Nothing is timed: the order tells.
    app = app_for(tmp_path / "s.db")
    mill, ferry = made(app, MILLBROOK, FERRY)
    store = app.state.store
    started, release = threading.Event(), threading.Event()
    order: list[str] = []
    real_open = store._open

    def hold(statement: str) -> None:
        if statement.startswith("DELETE FROM articles WHERE story_id") and not started.is_set():
            started.set()  # inside the deletion's transaction: the story and its articles are still there
            order.append("deletion released" if release.wait(60) else "deletion gave up waiting")

    def opened() -> sqlite3.Connection:
        db = real_open()
        db.set_trace_callback(hold)
        return db

    store._open = opened

    async def go() -> tuple[list[httpx.Response], httpx.Response]:
        async with client(app) as c:
            deletion = asyncio.create_task(c.delete(f"/api/stories/{mill}"))
            while not started.is_set() and not deletion.done():  # (it reaches its transaction in a pool thread)
                await asyncio.sleep(0.01)
            during = []
            for url in ("/api/health", f"/stories/{ferry}", f"/api/stories/{ferry}", f"/stories/{mill}",
                        f"/api/stories/{mill}", "/api/health"):
                during.append(await c.get(url))
                order.append(f"answered {url}")
            release.set()
            return during, await deletion

    try:
        during, deleted = asyncio.run(go())
    finally:
        release.set()
        store._open = real_open
    assert order[-1] == "deletion released", order  # every request was answered while the deletion was held
    assert [r.status_code for r in during] == [200] * 6  # the story being deleted is still whole until it ends
    assert during[4].json()["id"] == mill and len(during[4].json()["articles"]) == len(MILLBROOK)
    assert deleted.status_code == 200
    # once the deletion has answered, the story is gone, the renders made while it ran included
    after = send(app, ("GET", f"/stories/{mill}"), ("GET", f"/api/stories/{mill}"), ("GET", f"/stories/{ferry}"))
    assert [r.status_code for r in after] == [404, 404, 200]
    assert not [key for key in app.state.rendered._items if key[1] == mill]

