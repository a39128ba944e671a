"""How the JSON endpoints read a request body, in process: strict whole numbers, null as an absent optional
field, and 415 for a body not sent as JSON."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx
import pytest
from articles import MILLBROOK

from storyline.web.app import WebSettings, create_app

# Written for these tests.
BRIDGE = {
    "text": "The swing bridge at Tollerton stayed shut on Thursday after a gearbox failed during the morning "
            "opening. Council engineers said the bridge would reopen to cars on Saturday once a new gearbox was "
            "fitted. Boats can still pass underneath while the span is closed.",
    "title": "Tollerton swing bridge shut by gearbox failure",
    "source": "Tollerton Gazette",
    "url": "https://gazette.example/tollerton-bridge",
    "date": "2026-05-14",
}


def app_for(db: Path):
    return create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))


async def send(app, *requests: tuple[str, bytes, dict[str, str]]) -> list[httpx.Response]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:
        return [await c.post(path, content=body, headers=headers) for path, body, headers in requests]


def as_json(path: str, body: object) -> tuple[str, bytes, dict[str, str]]:
    return path, json.dumps(body).encode(), {"content-type": "application/json"}


@pytest.mark.parametrize(("words", "shown"), [(True, "true"), (False, "false"), ("150", '"150"'),
                                              (120.0, "120.0"), (99.5, "99.5")])
def test_words_must_be_a_json_whole_number(tmp_path: Path, words: object, shown: str) -> None:
    # Lax ints took true as a budget of 1 word: a 201 and a stored story with an empty summary.
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, as_json("/api/stories", {"articles": [BRIDGE], "words": words})))
    assert r.status_code == 422, r.text
    assert r.json() == {"error": f"words: must be a whole number written as a JSON number, such as 150 (got {shown})"}
    assert app.state.store.count() == 0


@pytest.mark.parametrize(("body", "error"), [
    ({"articles": []}, "articles: must hold at least 1 item (got 0)"),  # pydantic: "List should have at least 1
    ({"articles": [BRIDGE], "words": 0}, "words: must be at least 1 (got 0)"),  # item after validation, not 0"
    ({"articles": [BRIDGE], "words": 5001}, "words: must be at most 5000 (got 5001)"),
])
def test_a_value_out_of_range_is_told_as_the_command_line_tells_it(tmp_path: Path, body: dict, error: str) -> None:
    (r,) = asyncio.run(send(app_for(tmp_path / "s.db"), as_json("/api/stories", body)))
    assert r.status_code == 422 and r.json() == {"error": error}


def test_a_query_value_out_of_range_is_shown_as_given(tmp_path: Path) -> None:
    async def get(*paths: str) -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app_for(tmp_path / "s.db"))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return [await c.get(p) for p in paths]

    answers = asyncio.run(get("/api/stories?limit=0", "/api/stories?limit=1000", "/api/stream/stories?offset=-1",
                              "/api/stories?limit=abc"))
    assert [r.json()["error"] for r in answers] == ["limit: must be at least 1 (got 0)",
                                                    "limit: must be at most 100 (got 1000)",
                                                    "offset: must be at least 0 (got -1)",
                                                    # was "Input should be a valid integer, unable to parse ..."
                                                    "limit: must be a whole number (got abc)"]


def test_a_whole_number_of_words_is_still_taken(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, as_json("/api/stories", {"articles": [BRIDGE], "words": 30})))
    assert r.status_code == 201, r.text
    assert 0 < r.json()["words"] <= 30 and r.json()["sentences"]


def test_null_is_an_absent_optional_field_on_both_endpoints(tmp_path: Path) -> None:
    app = app_for(tmp_path / "s.db")
    article = dict(BRIDGE, title=None, source=None, url=None, date=None)
    story, one = asyncio.run(send(app, as_json("/api/stories", {"articles": [article], "words": None, "method": None}),
                                  as_json("/api/articles", article)))
    assert (story.status_code, one.status_code) == (201, 201), (story.text, one.text)
    body = story.json()
    assert body["method"] == "default" and 0 < body["words"] <= 150  # the defaults, as when left out
    (stored,) = body["articles"]
    assert (stored["title"], stored["source"], stored["url"], stored["date"]) == ("", "", "", None)
    (streamed,) = app.state.store.stream_articles()
    assert (streamed.title, streamed.source, streamed.url, streamed.date) == ("", "", "", None)


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/api/stories", {"articles": None}, "articles: must be a list (got null)"),
        ("/api/stories", {"articles": [{"text": None}]}, "article 1: text: must be a string (got null)"),
        ("/api/articles", {"text": None}, "text: must be a string (got null)"),
        ("/api/articles", {"text": "The bridge is shut.", "colour": None},
         "colour: no such field; an article takes text, title, source, url, date, markdown"),
    ],
)
def test_null_does_not_stand_for_a_required_or_unknown_field(tmp_path: Path, path: str, body: dict,
                                                             message: str) -> None:
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, as_json(path, body)))
    assert (r.status_code, r.json()) == (422, {"error": message})


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        # pydantic's words, and its count from 0 ("articles.1.title: Input should be a valid string"), where the
        # other refusals say "article 2: url: must start with http:// or https://"
        ("/api/stories", {"articles": [{"text": "A."}, {"text": "B.", "title": ["x"]}]},
         "article 2: title: must be a string (got [\"x\"])"),
        ("/api/stories", {"articles": [{"text": "A.", "bogus": 1}]},
         "article 1: bogus: no such field; an article takes text, title, source, url, date, markdown"),
        ("/api/stories", {"articles": [{"text": "A."}], "lenght": 50},
         "lenght: no such field; a story takes articles, words, method"),
        ("/api/articles", {"text": 12}, "text: must be a string (got 12)"),
        # pydantic's "String should have at most 500 characters"
        ("/api/stories", {"articles": [{"text": "A.", "title": "t" * 600}]},
         "article 1: title: must be at most 500 characters (got 600)"),
        ("/api/articles", {"text": "A.", "date": "2026-01-01" + "x" * 40},
         "date: must be at most 40 characters (got 50)"),
        # the checks of a field's value read the same: its name, a colon, what it must be
        ("/api/stories", {"articles": [{"text": "A."}, {"text": "B.", "url": "ftp://x.example/a"}]},
         "article 2: url: must start with http:// or https://"),
        ("/api/articles", {"text": "A.", "date": "next week"},
         "date: must look like 2026-03-10, a real date, YYYY-MM-DD (got 'next week')"),
    ],
)
def test_a_refused_field_is_named_and_told_as_the_other_refusals_are(tmp_path: Path, path: str, body: dict,
                                                                    message: str) -> None:
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, as_json(path, body)))
    assert (r.status_code, r.json()) == (422, {"error": message})


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        # a story's new article and its new title were told "a story takes articles, words, method"
        ("POST", "/api/stories/nope/articles", {"text": "The bridge is shut.", "bogus": 1},
         "bogus: no such field; an article takes text, title, source, url, date, markdown"),
        ("PATCH", "/api/stories/nope", {"title": "Bridge", "words": 5},
         "words: no such field; a new title takes title"),
        ("PUT", "/api/articles/nope", {"text": "The bridge is shut.", "bogus": 1},
         "bogus: no such field; an article takes text, title, source, url, date, markdown"),
        # and to send '{"articles": [...]}'
        ("POST", "/api/stories/nope/articles", [], 'the request body must be a JSON object such as {"text": "..."}'),
        ("PATCH", "/api/stories/nope", "Bridge", 'the request body must be a JSON object such as {"title": "..."}'),
    ],
)
def test_an_edit_refused_names_the_body_its_route_takes(tmp_path: Path, method: str, path: str, body: object,
                                                        message: str) -> None:
    app = app_for(tmp_path / "s.db")

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return await c.request(method, path, json=body)

    r = asyncio.run(go())
    assert (r.status_code, r.json()) == (422, {"error": message})


@pytest.mark.parametrize(
    ("query", "message"),
    [  # pydantic's "Input should be a valid boolean, unable to interpret input" and "Input should be 'page' or 'all'"
        ("text=maybe", "text: must be true or false (got maybe)"),
        ("summary_sources=every", "summary_sources: must be 'page' or 'all' (got every)"),
    ],
)
def test_a_refused_query_value_is_told_as_the_other_refusals_are(tmp_path: Path, query: str, message: str) -> None:
    app = app_for(tmp_path / "s.db")

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return await c.get(f"/api/stream/stories/1?{query}")

    r = asyncio.run(go())
    assert (r.status_code, r.json()) == (422, {"error": message})


def test_the_schema_says_optional_fields_take_null(tmp_path: Path) -> None:
    schema = create_app(WebSettings(db=tmp_path / "s.db", processes=False)).openapi()["components"]["schemas"]
    for name, fields in (("ArticleIn", ("title", "source", "url", "date", "markdown")),
                         ("StoryIn", ("words", "method"))):
        for field in fields:
            assert {"type": "null"} in schema[name]["properties"][field]["anyOf"], (name, field)
    assert schema["ArticleIn"]["properties"]["text"] == {
        "type": "string", "title": "Text", "description": "The article body: plain text (up to 200 KB of UTF-8) or an "
        "HTML page (up to 5 MB as sent, the article's text read out of it up to 200 KB)"}
    assert schema["StoryIn"]["properties"]["words"]["anyOf"][0] == {"type": "integer", "minimum": 1, "maximum": 5000}


def test_the_schema_gives_the_error_body_the_api_sends(tmp_path: Path) -> None:
    """The schema gave every route FastAPI's 422 body, ``{"detail": [{"loc", "msg", "type"}]}``, which this
    API never sends, and named no other error: a client made from /openapi.json read errors that are not
    there. Each route names the statuses it answers with their ``{"error": "..."}`` body now."""
    app = app_for(tmp_path / "s.db")
    schema = app.openapi()
    assert "ValidationError" not in json.dumps(schema) and "detail" not in json.dumps(schema)
    assert schema["components"]["schemas"]["ErrorOut"]["required"] == ["error"]
    assert schema["components"]["schemas"]["ErrorOut"]["properties"]["error"]["type"] == "string"
    declared = {(method.upper(), path): sorted(int(c) for c in op["responses"] if c >= "400")
                for path, ops in schema["paths"].items() for method, op in ops.items()}
    assert declared == {
        ("POST", "/api/stories"): [400, 413, 415, 422, 503, 507], ("GET", "/api/stories"): [422],
        ("GET", "/api/stories/{story_id}"): [404, 503], ("DELETE", "/api/stories/{story_id}"): [404, 507],
        ("PATCH", "/api/stories/{story_id}"): [400, 404, 413, 415, 422, 507],
        ("POST", "/api/stories/{story_id}/articles"): [400, 404, 413, 415, 422, 507],
        ("DELETE", "/api/stories/{story_id}/articles/{article_id}"): [404, 409, 507],
        ("POST", "/api/articles"): [400, 413, 415, 422, 507],
        ("GET", "/api/stream/stories"): [422], ("GET", "/api/stream/stories/{number}"): [404, 422, 503],
        ("PUT", "/api/articles/{article_id}"): [400, 404, 409, 413, 415, 422, 507],
        ("DELETE", "/api/articles/{article_id}"): [404, 507], ("GET", "/api/articles/{article_id}"): [404],
        ("GET", "/api/health"): [], ("GET", "/api/schema"): [], ("GET", "/api/schema/{name}"): [404]}
    for (method, path), codes in declared.items():
        for code in codes:
            body = schema["paths"][path][method.lower()]["responses"][str(code)]["content"]["application/json"]
            assert body["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (path, code)

    async def answers() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return [await c.get("/api/stories", params={"limit": 0}), await c.get("/api/stories/nope"),
                    await c.get("/api/stream/stories", params={"offset": -1}), await c.get("/api/stream/stories/1"),
                    await c.get("/api/stream/stories/1", params={"words": "many"})]

    got = asyncio.run(answers()) + asyncio.run(send(app, ("/api/articles", b"{", {"content-type": "application/json"}),
                                                    as_json("/api/stories", {"articles": []})))
    assert [r.status_code for r in got] == [422, 404, 422, 404, 422, 400, 422]
    assert all(list(r.json()) == ["error"] and isinstance(r.json()["error"], str) for r in got)


def test_the_schema_and_the_docs_page_give_the_headers_and_every_body_the_routes_take(tmp_path: Path) -> None:
    # A 201's Location and a 503's Retry-After were sent but not in /openapi.json, and /docs linked PATCH's body
    # to "#schema-StoryTitleIn", a section it did not have (it showed StoryIn and ArticleIn only).
    app = app_for(tmp_path / "s.db")
    schema = app.openapi()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for code, answer in op["responses"].items():
                if code in ("201", "503"):
                    header = "Location" if code == "201" else "Retry-After"
                    assert answer["headers"][header]["description"], (method, path, code)

    async def docs() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return await c.get("/docs")

    page = asyncio.run(docs()).text
    linked = set(re.findall(r'href="#(schema-[A-Za-z]+)"', page))
    assert {"schema-StoryIn", "schema-ArticleIn", "schema-StoryTitleIn", "schema-PostedOut"} <= linked
    assert all(f'id="{anchor}"' in page for anchor in linked)
    assert "<code>Location</code>: The story&#39;s address, /api/stories/{id}" in page


def test_the_docs_page_gives_types_bounds_defaults_and_answers(tmp_path: Path) -> None:
    """/docs showed a docstring's ``quotes`` as typed, and of a parameter only its name: not its type, bounds
    or default, nor what a route answers."""
    app = app_for(tmp_path / "s.db")

    async def docs() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return await c.get("/docs")

    page = asyncio.run(docs()).text
    assert "``" not in page and "(only <code>text</code> is required)" in page
    assert "<code>limit</code> (query; integer, 1 to 100, default 20)" in page
    assert "<code>limit</code> (query; integer, 1 to 1,000, default 100): How many of the story&#39;s articles" in page
    assert ("<code>summary_sources</code> (query; string: &#34;page&#34; or &#34;all&#34;, default &#34;page&#34;)"
            in page)
    assert "<code>title</code> (string of at most 500 characters or null, default &#34;&#34;)" in page
    assert "<code>articles</code> (required; array of ArticleIn, at least 1)" in page
    assert "<code>words</code> (integer, 1 to 5,000 or null, default 150)" in page
    assert '<li><code>404</code> No such story: <code>{"error": "..."}</code></li>' in page
    assert "<li><code>415</code> The body was not sent with Content-Type: application/json" in page
    assert "<li><code>200</code> Posted before exactly so (a retry)" in page
    assert '<a href="#schema-StoryIn"><code>StoryIn</code></a>' in page and 'id="schema-StoryIn"' in page


def test_json_sent_to_the_forms_address_is_pointed_to_the_api(tmp_path: Path) -> None:
    # It was read as a form with no fields: a 422 HTML page of the form, "no articles: paste at least one article"
    app = app_for(tmp_path / "s.db")
    for content_type in ("application/json", "application/json; charset=utf-8", "application/ld+json"):
        (r,) = asyncio.run(send(app, ("/stories", json.dumps({"articles": [BRIDGE]}).encode(),
                                      {"content-type": content_type})))
        assert r.status_code == 415 and r.headers["content-type"] == "application/json", r.text
        assert r.json() == {"error": "this is the web page's form: send JSON to POST /api/stories (one story) or "
                                     "POST /api/articles (the stream)"}
    assert app.state.store.count() == 0


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles"])
def test_a_number_too_long_to_read_is_named(tmp_path: Path, path: str) -> None:
    # Valid JSON that Python will not read (a whole number of over 4,300 digits) was "not valid JSON"
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, (path, b'{"words": ' + b"9" * 5000 + b"}", {"content-type": "application/json"})))
    assert (r.status_code, r.json()) == (400, {"error": "the request body has a number too long to read "
                                                        "(over 4,300 digits)"})


@pytest.mark.parametrize(("content_type", "got"), [
    ("text/plain", "got 'text/plain'"),
    ("text/plain; charset=utf-8", "got 'text/plain'"),
    ("application/x-www-form-urlencoded", "got 'application/x-www-form-urlencoded'"),  # curl -d without -H
    (None, "got no Content-Type"),
])
def test_a_body_not_sent_as_json_is_a_415_on_both_endpoints(tmp_path: Path, content_type: str | None,
                                                             got: str) -> None:
    app = app_for(tmp_path / "s.db")
    headers = {"content-type": content_type} if content_type else {}
    story, one, empty = asyncio.run(send(app, ("/api/stories", json.dumps({"articles": [BRIDGE]}).encode(), headers),
                                         ("/api/articles", json.dumps(BRIDGE).encode(), headers),
                                         ("/api/stories", b"", headers)))
    for r in (story, one, empty):
        assert r.status_code == 415, r.text
        assert r.json() == {"error": f"send the body as JSON with Content-Type: application/json ({got})"}
    assert app.state.store.count() == 0 and app.state.store.stream_articles() == []


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON",
                                          "application/vnd.storyline+json"])
def test_json_content_types_are_taken(tmp_path: Path, content_type: str) -> None:
    app = app_for(tmp_path / "s.db")
    (r,) = asyncio.run(send(app, ("/api/articles", json.dumps(BRIDGE).encode(), {"content-type": content_type})))
    assert r.status_code == 201, r.text


QUARRY_MD = ("# Quarry shut after landslide\n\n"
             "The **Millbrook quarry** closed on Monday after a landslide buried its [access road](https://a.example).\n\n"
             '> "We will not reopen it until the slope is safe," the owner said on Monday afternoon.\n')


def test_posted_text_said_to_be_markdown_is_read_as_the_command_line_reads_a_md_file(tmp_path: Path) -> None:
    # Markdown posted to the API kept its syntax: the story and the stream story titled "# Quarry shut ...".
    # Text is read as it is unless the client says it is Markdown (a .txt file's "# " stays too, on the command line).
    app = app_for(tmp_path / "s.db")
    story, plain, posted, bad = asyncio.run(send(
        app, as_json("/api/stories", {"articles": [{"text": QUARRY_MD, "markdown": True}]}),
        as_json("/api/stories", {"articles": [{"text": QUARRY_MD}]}),
        as_json("/api/articles", {"text": QUARRY_MD, "markdown": True}),
        as_json("/api/articles", {"text": QUARRY_MD, "markdown": "yes"})))
    assert story.status_code == 201, story.text
    body = story.json()
    assert body["title"] == body["articles"][0]["title"] == "Quarry shut after landslide"
    assert [s["text"] for s in body["sentences"]] == [
        "The Millbrook quarry closed on Monday after a landslide buried its access road.",
        '"We will not reopen it until the slope is safe," the owner said on Monday afternoon.']
    assert plain.json()["title"] == "# Quarry shut after landslide"
    assert posted.status_code == 201, posted.text
    (listed,) = app.state.store.stream_stories(limit=1, offset=0)[0]
    assert listed.first_title == "Quarry shut after landslide"
    assert bad.status_code == 422 and bad.json() == {"error": 'markdown: must be true or false (got "yes")'}


def test_each_answer_has_the_fields_the_schema_gives_it(tmp_path: Path) -> None:
    # The schema said of these routes' answers only "an object": a client made from it knew no field. Each has
    # its model now; the answers are held to them here, so that the schema stays true.
    from storyline.web import answers

    app = app_for(tmp_path / "s.db")
    schema = app.openapi()

    def documented(method: str, path: str, status: int) -> type:
        ref = schema["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
        return getattr(answers, ref["$ref"].rsplit("/", 1)[1])

    async def go() -> list[tuple[str, str, httpx.Response]]:
        out: list[tuple[str, str, httpx.Response]] = []
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:

            async def call(method: str, path: str, url: str, body: object = None) -> dict:
                out.append((method, path, await c.request(method.upper(), url, json=body)))
                return out[-1][2].json()

            sid = (await c.post("/api/stories", json={"articles": MILLBROOK[:2], "words": 60})).json()["id"]
            story, articles = "/api/stories/{story_id}", "/api/stories/{story_id}/articles"
            await call("get", "/api/stories", "/api/stories")
            await call("patch", story, f"/api/stories/{sid}", {"title": "Library"})
            for _ in range(2):  # added, then found there already (200)
                await call("post", articles, f"/api/stories/{sid}/articles", MILLBROOK[2])
            await call("delete", articles + "/{article_id}", f"/api/stories/{sid}/articles/3")
            for _ in range(2):  # stored, then a retry (200)
                aid = (await call("post", "/api/articles", "/api/articles", MILLBROOK[0]))["article"]
            one = "/api/articles/{article_id}"
            await call("get", one, f"/api/articles/{aid}")
            stream_story = "/api/stream/stories/{number}"
            await call("get", stream_story, "/api/stream/stories/1")
            await call("get", stream_story, "/api/stream/stories/1?text=false")
            await call("put", one, f"/api/articles/{aid}", MILLBROOK[1])
            await call("get", "/api/stream/stories", "/api/stream/stories")
            await call("get", "/api/health", "/api/health")
            await call("get", "/api/schema", "/api/schema")
            await call("delete", one, f"/api/articles/{aid}")
            await call("delete", story, f"/api/stories/{sid}")
        return out

    answered = asyncio.run(go())
    assert sorted({r.status_code for _, _, r in answered}) == [200, 201]
    for method, path, r in answered:
        model = documented(method, path, r.status_code)
        body = r.json()
        assert set(body) == set(model.model_fields), (method, path, model.__name__)
        model.model_validate(body)
        for listed in body.get("stories", []):
            assert set(listed) == set(model.model_fields["stories"].annotation.__args__[0].model_fields)
        for listed in body.get("articles", []) if isinstance(body.get("articles"), list) else []:
            item = model.model_fields["articles"].annotation.__args__[0]
            assert set(listed) | {"text"} == set(item.model_fields), (method, path)  # text=false leaves text out


def test_the_apis_json_documents_validate_against_the_schemas_it_serves(tmp_path: Path) -> None:
    # There was no schema of the JSON documents: a client could only read docs/usage.md. Each is served at
    # /api/schema/{name} (storyline.json_schema), and the answers are held to them closed: a field added to an
    # answer and not to its schema fails here.
    from schemacheck import schema_errors

    import storyline
    from storyline.schema import SCHEMAS

    app = app_for(tmp_path / "s.db")

    async def go() -> dict[str, httpx.Response]:
        got: dict[str, httpx.Response] = {}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:
            got["made"] = await c.post("/api/stories", json={"articles": MILLBROOK, "words": 60})
            got["read"] = await c.get(f"/api/stories/{got['made'].json()['id']}")
            for a in MILLBROOK:
                got["posted"] = await c.post("/api/articles", json=a)
            got["stream"] = await c.get("/api/stream/stories/1", params={"words": 60})
            got["bare"] = await c.get("/api/stream/stories/1", params={"text": "false", "limit": 1})
            got["all"] = await c.get("/api/stream/stories/1", params={"summary_sources": "all"})
            got["list"] = await c.get("/api/schema")
            for name in SCHEMAS:
                got[name] = await c.get(f"/api/schema/{name}")
            got["unknown"] = await c.get("/api/schema/summaries")
        return got

    got = asyncio.run(go())
    assert got["list"].json()["schemas"] == list(SCHEMAS)
    for name in SCHEMAS:
        assert got[name].headers["content-type"] == "application/schema+json"
        assert got[name].json() == storyline.json_schema(name)
    assert got["unknown"].status_code == 404
    assert got["unknown"].json() == {"error": "no JSON schema named 'summaries'; storyline has summary, analysis, "
                                              "group, story, stream-story, eval, eval-cluster"}
    assert got["made"].status_code == 201 and got["made"].json()["analysis"]
    for key in ("made", "read"):
        assert schema_errors(got[key].json(), storyline.json_schema("story")) == [], key
    for key in ("stream", "bare", "all"):
        assert got[key].json()["summary"]["sentences"], key
        assert schema_errors(got[key].json(), storyline.json_schema("stream-story")) == [], key
    # the story schema is the summary's and more: what it adds fails against the summary's alone, closed
    assert schema_errors(got["read"].json(), storyline.json_schema("summary")) == [
        f"$: {name!r} is not in the schema" for name in ("created", "title", "updated")]
