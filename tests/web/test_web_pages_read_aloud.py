"""What the pages and their errors say, in process: the names of links whose text alone says little, and an
address no route answers told in words."""

from __future__ import annotations

import asyncio
import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
from articles import FERRY, MILLBROOK, sample_articles

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


class _LinkNames(HTMLParser):
    """The accessible name of every link inside ``<ol class="sources">``: its aria-label, else its text."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_list = False
        self._link: list[str] | None = None
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        got = dict(attrs)
        if tag == "ol" and "sources" in (got.get("class") or ""):
            self._in_list = True
        elif tag == "a" and self._in_list:
            self._link, self._label = [], got.get("aria-label")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._in_list = False
        elif tag == "a" and self._link is not None:
            self.names.append(self._label or " ".join("".join(self._link).split()))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)


def _source_link_names(page: str) -> list[str]:
    parser = _LinkNames()
    parser.feed(page)
    return parser.names


def test_the_links_to_the_originals_have_names_of_their_own(tmp_path: Path) -> None:
    # Every source's link to its page was named "original": a screen reader's list of links read "original,
    # original, original", nothing to tell them apart. Two outlets here give one title, as wire copy does.
    articles = [dict(a, url=f"https://news{k}.example/library", title="Library reopens")
                for k, a in enumerate(MILLBROOK, 1)]
    stream = [dict(a, url=f"https://ferry{k}.example/news") for k, a in enumerate(FERRY, 1)]

    async def ask() -> tuple[httpx.Response, httpx.Response]:
        app = app_for(tmp_path / "s.db")
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost", timeout=300) as c:
                made = await c.post("/api/stories", json={"articles": articles, "words": 60})
                assert made.status_code == 201, made.text
                for body in stream:
                    assert (await c.post("/api/articles", json=body)).status_code == 201
                return await c.get(f"/stories/{made.json()['id']}"), await c.get("/stream/1")

    story, stream_story = asyncio.run(ask())
    names = _source_link_names(story.text)
    originals = [n for n in names if n.startswith("original")]
    assert originals == [f"original of source {k}: {a['source']} — Library reopens" for k, a in enumerate(MILLBROOK, 1)]
    assert len(set(names)) == len(names) == 6, names
    names = _source_link_names(stream_story.text)
    assert [n for n in names if n.startswith("original")] == [
        f"original of article {k}: {a['source']} — {a['title']} ({a['date']})" for k, a in enumerate(FERRY, 1)]
    assert len(set(names)) == len(names) == 4, names
