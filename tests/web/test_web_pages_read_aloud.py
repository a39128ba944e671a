"""What the pages and their errors say, in process: the names of links whose text alone says little, and an
address no route answers told in words."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
from articles import FERRY, sample_articles

from storyline.web.app import WebSettings, create_app


def app_for(db: Path):
    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))


async def _post_then_get(app, posts: list[dict], url: str) -> httpx.Response:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost", timeout=120) as c:
            for body in posts:
                assert (await c.post("/api/articles", json=body)).status_code == 201
            return await c.get(url)


def test_a_stream_storys_citations_name_their_article(tmp_path: Path) -> None:
    # A stream story's summary cited "[1]" "[2]": a screen reader said "link, left bracket, 1", nothing of the
    # article (a story's page on /stories names each: "Source 2: Island Times — ...")
    page = asyncio.run(_post_then_get(app_for(tmp_path / "s.db"), FERRY, "/stream/1"))
    assert page.status_code == 200
    cites = re.findall(r'<a href="/stream/1/articles/(\d)[^"]*" aria-label="([^"]*)">\[(\d)\]</a>', page.text)
    assert cites, page.text
    outlets = {"1": "Harbor Radio", "2": "Island Times"}
    assert all(label == f"Article {n}: {outlets[n]}" and shown == n for n, label, shown in cites), cites


def test_an_address_no_route_answers_says_which_in_words(tmp_path: Path) -> None:
    # Starlette's "Not Found" and "Method Not Allowed" were the whole message, under a page headed "Sorry"
    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app_for(tmp_path / "s.db"))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return [await c.get("/nope"), await c.get("/api/nope"), await c.patch("/api/stories")]

    page, api, method = asyncio.run(ask())
    assert page.status_code == 404 and "there is no page at &#39;/nope&#39;" in page.text
    assert (api.status_code, api.json()) == (404, {"error": "no such address: '/api/nope' (the API's addresses are "
                                                            "listed at /docs)"})
    assert (method.status_code, method.json()) == (405, {"error": "PATCH is not answered at '/api/stories'; it "
                                                                  "answers GET, HEAD, POST"})
    assert method.headers["allow"] == "GET, HEAD, POST"


def test_an_article_box_does_not_say_it_is_required(tmp_path: Path) -> None:
    # Each box's text was named "Text (plain text or HTML, required)": a screen reader told a user with one article
    # that the second box had to be filled too; one article, or files alone, is a story
    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app_for(tmp_path / "s.db"))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return await c.get("/")

    page = asyncio.run(ask()).text
    labels = re.findall(r'<label for="text-(\d)">(.*?)</label>', page)
    assert [n for n, _ in labels] == ["1", "2"]
    assert all("required" not in label and "a box left empty is skipped" in label for _, label in labels)


def test_a_storys_analysis_cites_its_sources_as_links_named_by_their_article(tmp_path: Path) -> None:
    # The analysis sections' "[1][2]" were plain text, where the summary's numbers are links named by the article
    async def ask() -> tuple[httpx.Response, httpx.Response]:
        app = app_for(tmp_path / "s.db")
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost", timeout=300) as c:
                made = await c.post("/api/stories", json={"articles": sample_articles(), "words": 120})
                assert made.status_code == 201, made.text
                sid = made.json()["id"]
                return await c.get(f"/stories/{sid}"), await c.get(f"/api/stories/{sid}")

    page, story = asyncio.run(ask())
    analysis = page.text.split('<h2 id="analysis-h">', 1)[1].split('<h2 id="edit-h">', 1)[0]
    assert "[1]" not in analysis and "[2]" not in analysis
    cites = re.findall(r'<a class="mark source" href="/stories/\w+/articles/([^"]+)" aria-label="Source (\d+): '
                       r'([^"]*)">(\d+)</a>', analysis)
    assert len(cites) >= 10, analysis
    outlets = {str(k): a.get("source") or a.get("title") for k, a in enumerate(story.json()["articles"], 1)}
    ids = {str(k): a["id"] for k, a in enumerate(story.json()["articles"], 1)}
    assert all(aid == ids[n] and shown == n and label.startswith(outlets[n]) for aid, n, label, shown in cites), cites


def test_an_error_page_is_headed_and_titled_by_what_happened(tmp_path: Path) -> None:
    # It was headed "Sorry" and titled "Error" whatever the error: a tab or a screen reader said nothing of it
    async def ask() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app_for(tmp_path / "s.db"))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return [await c.get("/stories/nope"), await c.request("PATCH", "/stories/nope")]

    missing, refused = asyncio.run(ask())
    assert missing.status_code == 404
    assert "<title>Page not found · storyline</title>" in missing.text and "<h1>Page not found</h1>" in missing.text
    assert "Sorry" not in missing.text and "<title>Error" not in missing.text
    assert refused.status_code == 405 and "<h1>Not answered at this address</h1>" in refused.text
