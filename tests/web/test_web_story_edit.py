"""Editing a story made with ``POST /api/stories``: an article added (``POST /api/stories/{id}/articles``) or removed
(``DELETE /api/stories/{id}/articles/{n}``), the story renamed (``PATCH /api/stories/{id}``), and the story page's
forms that do the same. The summary is made again from the stored articles when the story is next read; the
rendered forms are kept per revision; the edits stand after a restart; a version 7 database gains what they need."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import httpx
import pytest
from articles import FERRY, MILLBROOK
from webserver import Server

from storyline.web.inputs import Limits
from storyline.web.jobs import remake_story, run
from storyline.web.store import SCHEMA, SCHEMA_VERSION, STREAM_SCHEMA, Store

GONE = "it was deleted, or never existed"
# Written for these tests: Millbrook's library story once more, from another outlet.
PUMP = {"title": "New pump guards Millbrook library archive", "source": "Millbrook Post", "date": "2026-04-04",
        "text": "The Millbrook public library reopened on Wednesday, eight months after a burst water main flooded "
                "its basement archive. A new pump system now guards the basement archive. Engineers "
                "fitted the pump after the flood, and it sounds an alarm in the librarian's office when water "
                "rises. The archive reopens to researchers in June."}


def app_for(db: Path, **limits: int):
    from storyline.web.app import WebSettings, create_app

    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False, limits=Limits(**limits)))


def client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120)


def send(app, *calls: tuple) -> list[httpx.Response]:
    """Each ``(method, url)`` or ``(method, url, json body)`` in turn."""

    async def go() -> list[httpx.Response]:
        async with client(app) as c:
            return [await c.request(m, url, json=rest[0] if rest else None) for m, url, *rest in calls]

    return asyncio.run(go())


def made(app, articles: list[dict]) -> str:
    (r,) = send(app, ("POST", "/api/stories", {"articles": articles, "words": 60}))
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def cited(story: dict) -> set[str]:
    """The article ids the summary's sentences come from or are reported by."""
    return {a for s in story["sentences"] for a in s["sources"] + s["corroborated_by"]}


def test_an_added_article_joins_the_story_and_its_summary_made_again_on_the_next_read(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    before, page = send(app, ("GET", f"/api/stories/{sid}"), ("GET", f"/stories/{sid}"))  # rendered: now cached
    assert before.json()["updated"] is None and "Millbrook Post" not in page.text
    added, again, after, page = send(app, ("POST", f"/api/stories/{sid}/articles", PUMP),
                                     ("POST", f"/api/stories/{sid}/articles", PUMP),
                                     ("GET", f"/api/stories/{sid}"), ("GET", f"/stories/{sid}"))
    assert added.status_code == 201 and added.headers["location"] == f"/api/stories/{sid}"
    body = added.json()
    assert body == {"id": sid, "title": MILLBROOK[0]["title"], "article_count": 3, "updated": body["updated"],
                    "article": "3", "repeated": False}
    # sent again (a client's retry): not added twice
    assert again.status_code == 200 and again.json() == body | {"repeated": True}
    story = after.json()
    assert story["updated"] == body["updated"] and story["created"] == before.json()["created"]
    assert [(a["id"], a["source"], a["origin"]) for a in story["articles"]][2] == ("3", "Millbrook Post", "article 3")
    assert "3" in cited(story)  # the summary was made again: it names the new article
    assert story["sentences"] != before.json()["sentences"] and story["budget"] == 60
    assert "Millbrook Post" in page.text  # not the page rendered before
    # the summary made again is kept: read again, nothing is made
    row = app.state.store.get(sid)
    assert not row.stale and row.summary == {k: v for k, v in story.items()
                                             if k not in ("id", "created", "updated", "title", "analysis")}
    assert [s["article_count"] for s in send(app, ("GET", "/api/stories"))[0].json()["stories"]] == [3]


def test_a_removed_article_leaves_the_story_and_its_id_is_not_given_again(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, [*MILLBROOK, PUMP])
    removed, again, other, unknown, after = send(
        app, ("DELETE", f"/api/stories/{sid}/articles/4"), ("DELETE", f"/api/stories/{sid}/articles/4"),
        ("DELETE", f"/api/stories/{sid}/articles/x"), ("DELETE", "/api/stories/nope/articles/1"),
        ("GET", f"/api/stories/{sid}"))
    assert removed.status_code == 200
    assert removed.json() == {"id": sid, "title": MILLBROOK[0]["title"], "article_count": 3,
                              "updated": removed.json()["updated"], "article": "4", "removed": True}
    assert (again.status_code, again.json()) == (404, {"error": f"story {sid} has no article '4'"})
    assert other.status_code == 404
    assert (unknown.status_code, unknown.json()) == (404, {"error": f"no story with id 'nope': {GONE}"})
    story = after.json()
    assert [a["id"] for a in story["articles"]] == ["1", "2", "3"] and "4" not in cited(story)
    assert all(e["article"] != "4" for spans in story["evidence"] for e in spans)
    # what was sent for it goes too
    with sqlite3.connect(tmp_path / "s.db") as db:
        (inputs,) = db.execute("SELECT input_json FROM stories WHERE id = ?", (sid,)).fetchone()
    db.close()
    assert [i["article"] for i in json.loads(inputs)] == ["1", "2", "3"] and PUMP["text"] not in inputs
    # an article added after it takes the next id: "4" named the removed one
    (added,) = send(app, ("POST", f"/api/stories/{sid}/articles", PUMP))
    assert added.json()["article"] == "5"
    assert send(app, ("GET", f"/stories/{sid}/articles/4"))[0].status_code == 404


def test_the_last_article_is_not_removed_and_bad_additions_change_nothing(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db", max_articles=3, max_article=2000)
    sid = made(app, MILLBROOK[:1])
    long = {"text": "The pump hummed. " * 200}
    last, empty, bad_date, not_json, too_long, unknown = send(
        app, ("DELETE", f"/api/stories/{sid}/articles/1"), ("POST", f"/api/stories/{sid}/articles", {"text": " "}),
        ("POST", f"/api/stories/{sid}/articles", {"text": "x", "date": "2026-02-30"}),
        ("POST", f"/api/stories/{sid}/articles", [PUMP]), ("POST", f"/api/stories/{sid}/articles", long),
        ("POST", "/api/stories/nope/articles", PUMP))
    assert last.status_code == 409
    assert last.json() == {"error": "article 1 is the story's only article: a story keeps at least one; delete the "
                                    f"story instead (DELETE /api/stories/{sid})"}
    assert (empty.status_code, empty.json()) == (400, {"error": "the article: is empty"})
    assert bad_date.status_code == 422 and "date: must look like 2026-03-10" in bad_date.json()["error"]
    assert not_json.status_code == 422 and "must be a JSON object" in not_json.json()["error"]
    assert too_long.status_code == 413
    assert "larger than 2 KB, the limit for one article's text" in too_long.json()["error"]
    assert (unknown.status_code, unknown.json()) == (404, {"error": f"no story with id 'nope': {GONE}"})
    form = asyncio.run(_post(app, f"/api/stories/{sid}/articles", data={"text": "x"}))
    assert form.status_code == 415
    # at most as many articles as a story made at once may have
    ok = send(app, ("POST", f"/api/stories/{sid}/articles", MILLBROOK[1]),
              ("POST", f"/api/stories/{sid}/articles", MILLBROOK[2]), ("POST", f"/api/stories/{sid}/articles", PUMP))
    assert [r.status_code for r in ok] == [201, 201, 413]
    assert ok[2].json() == {"error": "too many articles: the story has 3, the most a story may have (at most 3 per "
                                     "story)"}
    row = app.state.store.get(sid)
    assert row.article_count == 3 and row.revision == 2


async def _post(app, url: str, **kwargs) -> httpx.Response:
    async with client(app) as c:
        return await c.post(url, **kwargs)


def test_a_renamed_story_keeps_its_title_when_its_summary_is_made_again(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    send(app, ("GET", f"/stories/{sid}"))  # cached under the old title
    renamed, blank, missing, extra, page = send(
        app, ("PATCH", f"/api/stories/{sid}", {"title": " The library\nreopens\u202e "}),
        ("PATCH", f"/api/stories/{sid}", {"title": " \t"}), ("PATCH", f"/api/stories/{sid}", {}),
        ("PATCH", f"/api/stories/{sid}", {"title": "x", "words": 5}), ("GET", f"/stories/{sid}"))
    assert renamed.status_code == 200
    assert renamed.json() == {"id": sid, "title": "The library reopens", "article_count": 2,
                              "updated": renamed.json()["updated"]}
    assert (blank.status_code, blank.json()) == (422, {"error": "title: must not be blank"})
    assert (missing.status_code, missing.json()) == (422, {"error": "title: required"})
    assert extra.status_code == 422
    assert "<h1 dir=\"auto\">The library reopens</h1>" in page.text
    assert not app.state.store.get(sid).stale  # a rename leaves the summary as it was: nothing to make again
    # an article removed (its title was the story's before the rename): the summary is made again, the title kept
    removed, story, listed = send(app, ("DELETE", f"/api/stories/{sid}/articles/1"), ("GET", f"/api/stories/{sid}"),
                                  ("GET", "/api/stories"))
    assert removed.json()["title"] == story.json()["title"] == "The library reopens"
    assert listed.json()["stories"][0]["title"] == "The library reopens"
    assert send(app, ("PATCH", "/api/stories/nope", {"title": "x"}))[0].status_code == 404


def test_a_story_not_renamed_takes_its_title_from_its_articles_again(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    _, story = send(app, ("DELETE", f"/api/stories/{sid}/articles/1"), ("GET", f"/api/stories/{sid}"))
    assert story.json()["title"] == MILLBROOK[1]["title"]


def test_a_renamed_story_takes_its_automatic_title_again_with_a_null_title(tmp_path: Path) -> None:
    # A rename could not be undone: null was "title: must be a string (got null)", and the title stayed put.
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    named, automatic, listed = send(app, ("PATCH", f"/api/stories/{sid}", {"title": "The library reopens"}),
                                    ("PATCH", f"/api/stories/{sid}", {"title": None}), ("GET", "/api/stories"))
    assert (named.json()["title"], automatic.status_code) == ("The library reopens", 200)
    assert automatic.json() == {"id": sid, "title": MILLBROOK[0]["title"], "article_count": 2,
                                "updated": automatic.json()["updated"]}
    assert listed.json()["stories"][0]["title"] == MILLBROOK[0]["title"]
    # and it follows the articles again, as a story never renamed does
    _, story = send(app, ("DELETE", f"/api/stories/{sid}/articles/1"), ("GET", f"/api/stories/{sid}"))
    assert story.json()["title"] == MILLBROOK[1]["title"]
    # the page's rename form has a button for it, shown once the story was renamed
    here = {"sec-fetch-site": "same-origin"}
    (page,) = send(app, ("GET", f"/stories/{sid}"))
    assert 'id="automatic-title"' not in page.text
    asyncio.run(_post(app, f"/stories/{sid}/title", data={"title": "Pumps"}, headers=here))
    (page,) = send(app, ("GET", f"/stories/{sid}"))
    assert 'name="automatic" value="1"' in page.text
    back = asyncio.run(_post(app, f"/stories/{sid}/title", data={"title": "Pumps", "automatic": "1"}, headers=here))
    assert back.status_code == 303 and back.headers["location"] == f"/stories/{sid}?retitled=1"
    assert app.state.store.get(sid).title == MILLBROOK[1]["title"]
    (shown,) = send(app, ("GET", f"/stories/{sid}?retitled=1"))
    assert "The story has its automatic title again." in shown.text


def test_the_story_listing_and_page_give_when_a_story_was_last_edited(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    edited, untouched = made(app, MILLBROOK[:2]), made(app, FERRY)
    (renamed,) = send(app, ("PATCH", f"/api/stories/{edited}", {"title": "Library"}))
    (listed,) = send(app, ("GET", "/api/stories"))
    updated = {s["id"]: s["updated"] for s in listed.json()["stories"]}
    assert updated == {edited: renamed.json()["updated"], untouched: None}
    assert renamed.json()["updated"] is not None
    # and the story page says when it was edited (it gave only when it was made)
    when = renamed.json()["updated"]
    page, other = send(app, ("GET", f"/stories/{edited}"), ("GET", f"/stories/{untouched}"))
    assert f' · edited <time datetime="{when}">{when[:16].replace("T", " ")} UTC</time>' in page.text
    assert "edited" not in other.text.split("<h2", 1)[0]


def test_a_summary_made_again_of_unchanged_articles_is_the_one_made_first() -> None:
    # The story's summary is made again from its stored (cleaned) articles, not from what was sent: the same.
    from storyline.web.inputs import check_articles

    first = run(check_articles([dict(a) for a in MILLBROOK], Limits()), 60, "default")
    again = remake_story(first["articles"], 60, "default")
    assert again["summary"] == first["summary"] and again["analysis"] == first["analysis"]


def test_edits_stand_after_a_restart_and_a_summary_not_made_yet_is_made_then(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    app = app_for(db)
    sid, other = made(app, MILLBROOK[:2]), made(app, FERRY)
    send(app, ("POST", f"/api/stories/{sid}/articles", PUMP), ("DELETE", f"/api/stories/{sid}/articles/2"),
         ("PATCH", f"/api/stories/{other}", {"title": "Gull Island ferry"}))
    assert app.state.store.get(sid).stale  # not read since
    restarted = app_for(db)
    story, ferry = send(restarted, ("GET", f"/api/stories/{sid}"), ("GET", f"/api/stories/{other}"))
    assert [a["id"] for a in story.json()["articles"]] == ["1", "3"] and cited(story.json()) <= {"1", "3"}
    assert "3" in cited(story.json()) and ferry.json()["title"] == "Gull Island ferry"
    assert not Store(db).get(sid).stale
    (added,) = send(restarted, ("POST", f"/api/stories/{sid}/articles", MILLBROOK[2]))
    assert added.json()["article"] == "4"


def test_the_story_page_edits_it_by_forms_from_this_site_only(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    (page,) = send(app, ("GET", f"/stories/{sid}"))
    assert f'<form method="post" action="/stories/{sid}/articles" enctype="multipart/form-data"' in page.text
    assert f'action="/stories/{sid}/articles/2/remove"' in page.text
    assert f'<form method="post" action="/stories/{sid}/title"' in page.text
    links = send(app, ("GET", f"/stories/{sid}/articles/2/remove"), ("GET", f"/stories/{sid}/title"))
    assert [r.status_code for r in links] == [405, 405]  # no GET (a link, a prefetch) does it
    elsewhere = {"origin": "https://elsewhere.example", "sec-fetch-site": "cross-site"}
    here = {"origin": "http://test", "sec-fetch-site": "same-origin"}
    box = {"text": PUMP["text"], "title": PUMP["title"], "source": PUMP["source"], "date": PUMP["date"]}
    refused = [asyncio.run(_post(app, f"/stories/{sid}/articles", data=box, headers=elsewhere)),
               asyncio.run(_post(app, f"/stories/{sid}/articles/2/remove", headers=elsewhere)),
               asyncio.run(_post(app, f"/stories/{sid}/title", data={"title": "x"}, headers=elsewhere))]
    assert [r.status_code for r in refused] == [403] * 3
    assert all("cross-site form submissions are refused" in r.text for r in refused)
    assert app.state.store.get(sid).revision == 0
    added = asyncio.run(_post(app, f"/stories/{sid}/articles", data=box, headers=here))
    assert added.status_code == 303 and added.headers["location"] == f"/stories/{sid}?added=1#source-3"
    (shown,) = send(app, ("GET", f"/stories/{sid}?added=1"))
    assert "The article was added, and the summary made again." in shown.text and "Millbrook Post" in shown.text
    removed = asyncio.run(_post(app, f"/stories/{sid}/articles/1/remove", headers=here))
    assert removed.status_code == 303 and removed.headers["location"] == f"/stories/{sid}?removed=1"
    renamed = asyncio.run(_post(app, f"/stories/{sid}/title", data={"title": "Pumps & <archives>"}, headers=here))
    assert renamed.status_code == 303 and renamed.headers["location"] == f"/stories/{sid}?renamed=1"
    (shown,) = send(app, ("GET", f"/stories/{sid}?renamed=1"))
    assert "The story was renamed." in shown.text and "Pumps &amp; &lt;archives&gt;" in shown.text
    assert [a["id"] for a in app.state.store.get(sid).articles] == ["2", "3"]
    # a refused form is the story page again, with the error and what was typed
    bad = asyncio.run(_post(app, f"/stories/{sid}/articles", data={"text": "", "title": "Kept <title>"},
                            headers=here))
    assert bad.status_code == 400 and "Could not change the story" in bad.text and "the article: is empty" in bad.text
    assert 'value="Kept &lt;title&gt;"' in bad.text
    blank = asyncio.run(_post(app, f"/stories/{sid}/title", data={"title": "  "}, headers=here))
    assert blank.status_code == 422 and "title: must not be blank" in blank.text
    gone = asyncio.run(_post(app, "/stories/nope/articles/1/remove", headers=here))
    assert gone.status_code == 404 and GONE in gone.text and "text/html" in gone.headers["content-type"]


def test_a_markdown_box_of_the_add_form_is_read_as_markdown(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    text = "# Pump fitted at the library\n\nThe **new pump** was fitted on Friday, the librarian said."
    done = asyncio.run(_post(app, f"/stories/{sid}/articles", data={"text": text, "markdown": "1"},
                             headers={"sec-fetch-site": "same-origin"}))
    assert done.status_code == 303
    added = app.state.store.get(sid).article("3")
    assert added["title"] == "Pump fitted at the library"
    assert added["text"] == "The new pump was fitted on Friday, the librarian said."


def test_a_version_7_database_gains_the_edits_and_its_stream_origins(tmp_path: Path) -> None:
    path = tmp_path / "v7.db"
    with sqlite3.connect(path) as db:  # as schema 7 made it (its later tables and note columns: added on opening)
        db.executescript(SCHEMA + STREAM_SCHEMA)
        db.execute("PRAGMA application_id = 0x53544C4E")
        db.execute("PRAGMA user_version = 7")
        summary = {"articles": [], "sentences": [], "budget": 60, "method": "default", "notes": []}
        db.execute("INSERT INTO stories VALUES ('s1', '2026-04-02T08:00:00Z', 'Library', 2, ?, NULL, ?)",
                   (json.dumps(summary), json.dumps([{"text": "one"}, {"text": "two"}])))
        for k in ("1", "2"):
            db.execute("INSERT INTO articles VALUES ('s1', ?, ?, '', '', NULL, '', '', ?, 'Some text.')",
                       (int(k), k, f"article {k}"))
        db.execute("INSERT INTO stream_articles VALUES ('ab12', 1, 1, 0.0, '2026-04-02T08:00:00Z', '', '', '', NULL,"
                   " 'the article', 'Text.')")
    db.close()
    store = Store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
        edits = db.execute("SELECT next_article, revision, summary_revision, named, updated FROM stories").fetchone()
        assert edits == (3, 0, 0, 0, None)
    db.close()
    (row,) = store.stream_articles()
    assert (row.origin, row.updated) == ("article ab12", None)
    story, article, added = store.add_article("s1", {"text": "Three.", "title": "T"}, {"text": "Three."}, most=50)
    assert added and article["id"] == "3" and story.stale
    with sqlite3.connect(path) as db:
        (inputs,) = db.execute("SELECT input_json FROM stories").fetchone()
    db.close()
    assert json.loads(inputs) == [{"article": "1", "text": "one"}, {"article": "2", "text": "two"},
                                  {"article": "3", "text": "Three."}]


@pytest.mark.timeout(300)
def test_edits_over_http_against_a_real_server(fresh_server: Server) -> None:
    url = fresh_server.start().url
    with httpx.Client(base_url=url, timeout=120) as c:
        sid = c.post("/api/stories", json={"articles": MILLBROOK[:2], "words": 60}).json()["id"]
        assert c.post(f"/api/stories/{sid}/articles", json=PUMP).status_code == 201
        assert c.delete(f"/api/stories/{sid}/articles/1").json()["article_count"] == 2
        assert c.patch(f"/api/stories/{sid}", json={"title": "Pumps"}).json()["title"] == "Pumps"
        story = c.get(f"/api/stories/{sid}").json()
        assert story["title"] == "Pumps" and [a["id"] for a in story["articles"]] == ["2", "3"]
        assert "3" in cited(story) and "1" not in cited(story)
        schema = c.get("/openapi.json").json()["paths"]
        assert set(schema["/api/stories/{story_id}/articles"]) == {"post"}
        assert set(schema["/api/stories/{story_id}/articles/{article_id}"]) == {"delete"}
        assert "patch" in schema["/api/stories/{story_id}"]
    fresh_server.stop()
    with httpx.Client(base_url=fresh_server.start().url, timeout=120) as c:  # after a restart
        assert c.get(f"/api/stories/{sid}").json()["title"] == "Pumps"


def test_a_story_grown_past_the_sentence_limit_is_summarized_from_its_latest_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(tmp_path / "s.db")
    sid = made(app, MILLBROOK[:2])
    monkeypatch.setattr("storyline.cluster.MAX_SENTENCES", 10)  # the two have 10 sentences: a third is too many
    (added,) = send(app, ("POST", f"/api/stories/{sid}/articles", MILLBROOK[2]))
    assert added.status_code == 201
    (story,) = send(app, ("GET", f"/api/stories/{sid}"))
    body = story.json()
    assert story.status_code == 200 and [a["id"] for a in body["articles"]] != ["1", "2", "3"]
    assert body["notes"][0].startswith("summary of the latest ") and "of 3 articles" in body["notes"][0]
    assert "3" in cited(body) and "1" not in cited(body)


def test_a_paged_articles_note_outlasts_an_edit(tmp_path: Path) -> None:
    # The store did not keep ``paged``: the story's first summary told it, the one made again after an edit did not.
    paged = (Path(__file__).parents[1] / "fixtures" / "html" / "paged.html").read_text(encoding="utf-8")
    app = app_for(tmp_path / "s.db")
    sid = made(app, [{"text": paged}, MILLBROOK[0]])
    (first,) = send(app, ("GET", f"/api/stories/{sid}"))
    assert [a["paged"] for a in first.json()["articles"]] == [True, False]
    added, again = send(app, ("POST", f"/api/stories/{sid}/articles", PUMP), ("GET", f"/api/stories/{sid}"))
    assert added.status_code == 201
    story = again.json()
    assert [a["paged"] for a in story["articles"]] == [True, False, False]
    assert any("one page of a story printed over several pages" in n for n in story["notes"])


def test_an_article_about_another_story_is_noted_on_the_page_and_in_the_json(tmp_path: Path) -> None:
    # The ferry's article among the library's three: the summary's notes say so, on the page as in the JSON.
    app = app_for(tmp_path / "s.db")
    sid = made(app, [*MILLBROOK, FERRY[0]])
    story, page = send(app, ("GET", f"/api/stories/{sid}"), ("GET", f"/stories/{sid}"))
    note = "article [4] (Harbor Radio) shares almost nothing with the other articles: is it about the same story?"
    assert story.json()["notes"] == [note]
    assert page.text.count(f"Note: {note}") == 1  # the analysis tells it too: shown once
