"""The submission queue, in process (no sockets): bursts are queued and stored, 503 only past the cap."""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

import httpx
from articles import MILLBROOK

from storyline.web import jobs
from storyline.web.app import WebSettings, create_app


def client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120)


def test_burst_is_queued_and_all_stored(tmp_path: Path) -> None:
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=64, processes=False))

    async def burst() -> list[httpx.Response]:
        async with client(app) as c:
            bodies = [{"articles": MILLBROOK[k % 3:] + MILLBROOK[: k % 3], "words": 30 + k} for k in range(12)]
            return await asyncio.gather(*(c.post("/api/stories", json=b) for b in bodies))

    responses = asyncio.run(burst())
    assert [r.status_code for r in responses] == [201] * 12
    ids = {r.json()["id"] for r in responses}
    assert len(ids) == 12 and app.state.store.count() == 12
    assert app.state.summarizer.pending == 0


def hold_jobs(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Make every story job wait until ``release`` is set; ``started`` is set when the first one runs."""
    release = threading.Event()
    started = threading.Event()
    real_run = jobs.run

    def slow_run(*args):
        started.set()
        release.wait(30)
        return real_run(*args)

    monkeypatch.setattr(jobs, "run", slow_run)
    return started, release


def test_503_with_retry_after_only_beyond_the_cap(tmp_path: Path, monkeypatch) -> None:
    started, release = hold_jobs(monkeypatch)
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=1, processes=False))

    async def scenario() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        async with client(app) as c:
            first = asyncio.create_task(c.post("/api/stories", json={"articles": MILLBROOK}))
            while not started.is_set():
                await asyncio.sleep(0.01)
            second = await c.post("/api/stories", json={"articles": MILLBROOK})
            health = await c.get("/api/health")  # reads are served while the worker is busy
            release.set()
            return await first, second, health

    first, second, health = asyncio.run(scenario())
    assert first.status_code == 201
    assert second.status_code == 503 and int(second.headers["retry-after"]) >= 1
    # said as a person reads it on the form's page, which shows no Retry-After header: it said "1 stories are
    # queued or running; try again shortly"
    wait = second.headers["retry-after"]
    assert second.json()["error"] == (f"the server is busy: 1 story is queued or running; try again in {wait} "
                                      f"second{'' if wait == '1' else 's'}")
    assert health.json()["queued"] == 1
    assert app.state.store.count() == 1


def test_the_queue_limit_counts_running_and_queued_submissions(tmp_path: Path, monkeypatch) -> None:
    # --workers 1 --queue-limit 2: one story running and one waiting fill the queue; the third is refused,
    # as JSON for the API and as the form page again (with Retry-After) for a person using the form.
    started, release = hold_jobs(monkeypatch)
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=2, processes=False))

    async def scenario() -> tuple[list[httpx.Response], httpx.Response, httpx.Response, int]:
        async with client(app) as c:
            running = asyncio.create_task(c.post("/api/stories", json={"articles": MILLBROOK}))
            while not started.is_set():
                await asyncio.sleep(0.01)
            waiting = asyncio.create_task(c.post("/api/stories", json={"articles": MILLBROOK[1:]}))
            while app.state.summarizer.pending < 2:
                await asyncio.sleep(0.01)
            refused = await c.post("/api/stories", json={"articles": MILLBROOK})
            form = await c.post("/stories", data={"text": MILLBROOK[0]["text"], "title": "Typed <i>title</i>"})
            pending = app.state.summarizer.pending
            release.set()
            return list(await asyncio.gather(running, waiting)), refused, form, pending

    accepted, refused, form, pending = asyncio.run(scenario())
    assert pending == 2
    assert [r.status_code for r in accepted] == [201, 201]
    assert refused.status_code == 503 and int(refused.headers["retry-after"]) >= 1 and "busy" in refused.json()["error"]
    assert form.status_code == 503 and int(form.headers["retry-after"]) >= 1
    assert form.headers["content-type"].startswith("text/html") and 'id="form-error"' in form.text
    assert "Typed &lt;i&gt;title&lt;/i&gt;" in form.text
    assert app.state.store.count() == 2


def test_internal_errors_are_generic(tmp_path: Path, monkeypatch) -> None:
    def broken(*args):
        raise RuntimeError("secret internal detail at /srv/x.py")

    monkeypatch.setattr(jobs, "run", broken)
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False))

    async def go() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            bad = await c.post("/api/stories", json={"articles": MILLBROOK})
            form = await c.post("/stories", data={"text": MILLBROOK[0]["text"]})
            return bad, form, await c.get("/api/health")

    bad, form, health = asyncio.run(go())
    assert bad.status_code == 500 and bad.json() == {"error": "internal server error"}
    assert "secret" not in bad.text and "content-security-policy" in bad.headers
    # a person who posted the form gets a page, not JSON
    assert form.status_code == 500 and form.headers["content-type"].startswith("text/html")
    assert "secret" not in form.text and 'role="alert"' in form.text and "content-security-policy" in form.headers
    assert health.status_code == 200


def _story_page(app) -> tuple[dict, str]:
    async def go() -> tuple[dict, str]:
        async with client(app) as c:
            made = (await c.post("/api/stories", json={"articles": MILLBROOK, "words": 60})).json()
            page = await c.get(f"/stories/{made['id']}")
            assert page.status_code == 200
            return made, page.text

    return asyncio.run(go())


def test_story_page_without_the_analysis(tmp_path: Path, monkeypatch) -> None:
    # a fault of the analysis (not of the input) leaves the story stored and shown without it
    import storyline.analysis

    def broken(cluster, **kwargs):
        raise RuntimeError("the analysis broke")

    monkeypatch.setattr(storyline.analysis, "analyze_cluster", broken)
    made, html = _story_page(create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False)))
    assert made["analysis"] is None and made["sentences"] and len(made["evidence"]) == len(made["sentences"])
    assert 'id="summary-h"' in html and 'id="analysis-h"' not in html


def test_a_stored_analysis_without_readable_lines_is_shown_escaped(tmp_path: Path) -> None:
    # a story stored with an analysis as plain JSON (no "sections") is shown key by key, its text escaped
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False))
    made, _ = _story_page(app)
    row = app.state.store.get(made["id"])
    other = app.state.store.add(title=row.title, summary=row.summary, articles=list(row.articles), inputs=[],
                                analysis={"json": {"quotes": [{"text": "A <b>quote</b>"}]}, "sections": None})

    async def go() -> str:
        async with client(app) as c:
            return (await c.get(f"/stories/{other.id}")).text

    html = asyncio.run(go())
    assert 'id="analysis-h"' in html and "<b>quote</b>" not in html and "A &lt;b&gt;quote&lt;/b&gt;" in html


def test_story_page_headings_give_the_true_counts(tmp_path: Path) -> None:
    made, html = _story_page(create_app(WebSettings(db=tmp_path / "s.db", workers=1, processes=False)))
    assert made["analysis"] is not None
    heads = re.findall(r"<h3>([^<]*)(?:<span[^>]*>([^<]*)</span>)?</h3>", html)
    assert any(h.startswith("People (") for h, _ in heads)
    assert all(re.search(r"\(\d+(?:; \d+ shown)?\)$", h) and not extra for h, extra in heads)  # counted once


def test_a_stream_article_can_be_read_while_the_queue_is_full(tmp_path: Path, monkeypatch) -> None:
    # Its page waits on the story's summary for the sentences to mark: with the queue full it was a 503 page,
    # though the article's text was there to show
    started, release = hold_jobs(monkeypatch)
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=1, processes=False))

    async def scenario() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        async with client(app) as c:  # (posting to the stream takes no place in the queue)
            for article in MILLBROOK[:2]:
                assert (await c.post("/api/articles", json=article)).status_code == 201
            running = asyncio.create_task(c.post("/api/stories", json={"articles": MILLBROOK}))
            while not started.is_set():
                await asyncio.sleep(0.01)
            busy = await c.get("/stream/1/articles/2")
            release.set()
            await running
            return busy, await c.get("/stream/1/articles/2"), await c.get("/stream/1")

    busy, later, story = asyncio.run(scenario())
    assert busy.status_code == 200 and "Dana Whitcombe" in busy.text
    assert "The server is busy" in busy.text and "<mark id=" not in busy.text
    assert later.status_code == 200 and "The server is busy" not in later.text and story.status_code == 200
