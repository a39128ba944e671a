"""The web app: server-rendered pages and a JSON API over the same library calls.

    storyline serve                       # or: uvicorn --factory storyline.web.app:app_from_env

Pages: ``/`` (the form and past stories), ``/stories/{id}`` (the sourced summary, with forms that delete the story:
``POST /stories/{id}/delete``, add an article: ``POST /stories/{id}/articles``, remove one:
``POST /stories/{id}/articles/{aid}/remove``, and rename it: ``POST /stories/{id}/title``),
``/stories/{id}/articles/{aid}`` (one source with the cited sentences marked),
``/stream``, ``/stream/{n}`` and ``/stream/{n}/articles/{k}`` (the stream's stories, one story, one of its articles).
API: ``/api/stories`` (POST, GET), ``/api/stories/{id}`` (GET, PATCH, DELETE), ``/api/stories/{id}/articles`` (POST),
``/api/stories/{id}/articles/{aid}`` (DELETE), the stream's routes, with the
OpenAPI schema at ``/openapi.json`` and a page describing it at ``/docs`` (FastAPI's own docs page loads its
scripts from a CDN, which this app's Content-Security-Policy and "no external requests" rule out).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import sys
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from functools import partial
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as Path_
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException

from ..errors import OptionsError, StorylineError
from ..group import GroupingOptions
from ..ingest import is_web_url as web_url
from ..model import count_words
from ..options import DEFAULT_WORDS, MAX_WORDS, SummarizeOptions
from ..schema import SCHEMAS, json_schema
from ..version import stamp
from . import answers, jobs, views
from .inputs import (
    ArticleIn,
    Limits,
    RequestError,
    StoryIn,
    StoryTitleIn,
    check_articles,
    form_boxes,
    is_json,
    one_line,
    require_json,
    size_text,
    upload_articles,
)
from .security import HEADERS, INTERNAL_ERROR, SecurityMiddleware, is_api_path, plain_page
from .store import ARTICLE_FIELDS, Store, StoryListItem, StoryRow, StreamArticle, claim, damaged
from .stream import Stream
from .stream import fields as stream_fields
from .workers import BusyError, Summarizer, default_workers

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
RENDER_CACHE = 256  # rendered stories kept in memory
MAX_OFFSET = 10**9  # far past any store this serves, and well inside SQLite's 64-bit integers
PER_PAGE = 20  # stories on a page of a listing
# A stream story's articles per answer of its API route, unless asked for fewer or more (up to the most): a
# story of thousands of articles is many megabytes of text in one answer. Most stories fit the default whole,
# so a client written before the paging gets every article of them, as it did.
STREAM_ARTICLES_PAGE = 100
MAX_STREAM_ARTICLES_PAGE = 1000
# what the story page says was done (?added=1), after its forms ("retitled": given back its automatic title)
STORY_CHANGES = ("added", "removed", "renamed", "retitled")
TITLE_LIMIT = 500  # a story's title, as an article's
CITES_SHOWN = 12  # the articles linked after a sentence on /stream/{n}; the rest are counted ("and 40 more")
NOT_UTF8_JSON = "the request body is not valid UTF-8 JSON"
NESTED_JSON = "the request body is nested too deeply to be read as JSON"
# Python reads no whole number of more than 4,300 digits (sys.get_int_max_str_digits): valid JSON, but unread
LONG_NUMBER_JSON = "the request body has a number too long to read (over 4,300 digits)"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSettings:
    """``db``: the SQLite file; ``workers``: summarization processes; ``queue_limit``: jobs queued or running
    before new ones get 503; ``processes``: False runs jobs in threads (tests); ``local_only``: answer only
    requests addressed to localhost or an IP address (421 otherwise), as ``storyline serve`` does on a loopback
    address, so that a site whose name was pointed at 127.0.0.1 (DNS rebinding) cannot read or add stories."""

    db: Path
    workers: int = field(default_factory=default_workers)
    queue_limit: int = 64
    limits: Limits = field(default_factory=Limits)
    processes: bool = True
    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    local_only: bool = False

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise OptionsError(f"workers must be at least 1 (got {self.workers})")
        if self.queue_limit < 1:
            raise OptionsError(f"the queue limit must be at least 1 (got {self.queue_limit})")


def _field_name(loc: list[Any]) -> str:
    """Where in the request a refused value is, as the other messages name it: ``article 2: title`` for
    ``articles.1.title`` (pydantic counts from 0), ``limit`` for a query's ``limit``."""
    if len(loc) > 2 and loc[0] == "articles" and isinstance(loc[1], int):
        return f"article {loc[1] + 1}: " + ".".join(str(p) for p in loc[2:])
    return ".".join(str(p) for p in loc)


class ErrorOut(BaseModel):
    """The body of every error of the JSON API."""

    error: str = Field(description="What was wrong with the request, in one line")


def _errors(limits: Limits, *codes: int, body: bool = False, missing: str = "No such story",
            conflict: str = "The story's only article: a story keeps at least one (delete the story instead)"
            ) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of the error statuses a route answers, each with the ``ErrorOut`` body
    (``body``: the route reads a JSON body; ``missing``: what its 404 did not find; ``conflict``: why its 409)."""
    why = {
        400: "The body is not valid UTF-8 JSON (or empty, or nested too deeply), or nothing is left to summarize",
        404: missing,
        409: conflict,
        413: f"The body is over {size_text(limits.max_body)}, an HTML page over {size_text(limits.max_page)} as "
             f"sent, an article's text over {size_text(limits.max_article)} (a page's: the text read out of it), "
             f"or more than {limits.max_articles} articles",
        415: "The body was not sent with Content-Type: application/json",
        422: "The body is not a JSON object, or one of its fields is invalid" if body else "A parameter is invalid",
        503: "Too many summaries queued: try again after the Retry-After header's seconds",
        507: "The story database cannot be written (the server's disk is full, or the file is read-only): nothing "
             "was stored or changed",
    }
    retry = {"Retry-After": {"description": "Seconds to wait before sending it again", "schema": {"type": "integer"}}}
    return {code: {"model": ErrorOut, "description": why[code], **({"headers": retry} if code == 503 else {})}
            for code in codes}


def _located(where: str, model: type[BaseModel] | None = None) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entry of a route's 201 with its ``Location`` header (``where``: what it names), and
    its body's ``model`` when given."""
    return {201: {"headers": {"Location": {"description": where, "schema": {"type": "string"}}},
                  **({"model": model} if model else {})}}


def _answer(model: type[BaseModel], description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entry of a route's 200 with its body's ``model`` (the route's ``response_model``
    is None: the model describes the answer, the route builds it)."""
    return {200: {"model": model, "description": description}}


def _without_fastapi_errors(make: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """The schema without FastAPI's ``HTTPValidationError``, which it adds as the 422 of every route with a
    parameter: this app answers every error as ``ErrorOut`` (routes name theirs with ``_errors``), and a route
    whose parameters cannot be invalid (a story id is any text) answers no 422."""

    def schema() -> dict[str, Any]:
        made = make()  # FastAPI keeps it (app.openapi_schema): a later call finds it cleared already
        for ops in made.get("paths", {}).values():
            for op in ops.values():
                if "HTTPValidationError" in json.dumps(op.get("responses", {}).get("422", {})):
                    del op["responses"]["422"]
        for name in ("HTTPValidationError", "ValidationError"):
            made.get("components", {}).get("schemas", {}).pop(name, None)
        return made

    return schema


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _is_api(request: Request) -> bool:
    return is_api_path(request.url.path)


# What each JSON body is called in an error message, and the smallest one of it.
BODY_NAMES: dict[type[BaseModel], str] = {StoryIn: "a story", ArticleIn: "an article", StoryTitleIn: "a new title"}
BODY_EXAMPLES: dict[type[BaseModel], str] = {StoryIn: '{"articles": [...]}', ArticleIn: '{"text": "..."}',
                                  StoryTitleIn: '{"title": "..."}'}


def _body_model(request: Request) -> type[BaseModel]:
    """The model of the JSON body the route asked for takes (``StoryIn`` when the route is not known): a story's
    article (``POST /api/stories/{id}/articles``) is an article, as a stream post is, and a rename a title."""
    field = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    return model if model in BODY_NAMES else StoryIn


def _example(request: Request) -> str:
    """The smallest body the JSON route asked for takes, for its error messages."""
    return BODY_EXAMPLES[_body_model(request)]


def _json_body(request: Request) -> None:
    """For the routes that read a JSON body: 415 for a body sent as anything else (text/plain, a form)."""
    require_json(request.headers.get("content-type"))


def story_json(story: StoryRow) -> dict[str, Any]:
    out = {"id": story.id, "created": story.created, "updated": story.updated, "title": story.title, **story.summary}
    out["analysis"] = story.analysis.get("json") if isinstance(story.analysis, dict) else None
    return out


def page_summary(summary: dict[str, Any], listed: set[str] | None) -> dict[str, Any]:
    """A stream story's summary as a page of its articles gives it. Each sentence gains ``source_count`` and
    ``corroborated_count``, its ``sources`` and ``corroborated_by`` in the whole story. With ``listed`` (the
    ids of the page's articles) the article ids the summary names (each sentence's ``sources`` and
    ``corroborated_by``, the ``evidence`` spans, the ``articles`` metadata) are narrowed to those and to the
    articles its sentences and introductions come from, so that every id it names is described in it: a
    sentence that all of a 5,000-article story carries named 5,000 ids, and the answer for a page of 100
    articles without their text was 1.7 MB, nearly all of it the other articles' metadata and spans."""
    keep = None if listed is None else (
        listed | {s["article"] for s in summary["sentences"]} | {i["article"] for i in summary["introductions"]})

    def kept(ids: list[str]) -> list[str]:
        return ids if keep is None else [a for a in ids if a in keep]

    out = dict(summary)
    out["sentences"] = [{**s, "sources": kept(s["sources"]), "corroborated_by": kept(s["corroborated_by"]),
                         "source_count": len(s["sources"]), "corroborated_count": len(s["corroborated_by"])}
                        for s in summary["sentences"]]
    if keep is not None:
        out["articles"] = [a for a in summary["articles"] if a["id"] in keep]
        if "evidence" in summary:
            out["evidence"] = [[e for e in spans if e["article"] in keep] for spans in summary["evidence"]]
    return out


def stream_article_json(a: StreamArticle) -> dict[str, Any]:
    """A stream article as its story's listing and ``GET /api/articles/{id}`` give it: its place in the stream and,
    named as the summary JSON's ``articles`` name them, its metadata, ``author`` and ``words`` (of its cleaned text)
    included, then that ``text``."""
    return {"id": a.id, "position": a.position, "created": a.created, "updated": a.updated, "title": a.title,
            "source": a.source, "url": a.url, "author": a.author, "date": a.date, "date_line": a.date_line or None,
            "similarity": a.similarity, "teaser": a.teaser, "corrections": list(a.corrections), "paged": a.paged,
            "words": count_words(a.text), "text": a.text}


@dataclass(frozen=True, slots=True)
class StreamStory:
    """A stream story and its summary: of all its articles, or of the latest ``summarized`` when the whole
    story is over the cluster sentence limit (``note`` says so; ``summary`` is None when not even the
    latest article fits)."""

    articles: list[StreamArticle]
    summary: dict[str, Any] | None
    summarized: int
    note: str | None

    @classmethod
    def of(cls, articles: list[StreamArticle], result: dict[str, Any]) -> StreamStory:
        summary = dict(result["summary"]) if result["summary"] is not None else None
        return cls(articles, summary, int(result["summarized"]), result.get("note"))


K = TypeVar("K")
V = TypeVar("V")


class _Recent(Generic[K, V]):
    """The values kept last or read last, at most ``size`` of them (the one least recently used goes first);
    safe to share between the server's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def drop(self, key: K) -> None:
        with self._lock:
            self._items.pop(key, None)

    def drop_where(self, which: Callable[[K], bool]) -> None:
        with self._lock:
            for key in [k for k in self._items if which(k)]:
                del self._items[key]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def create_app(settings: WebSettings) -> FastAPI:
    store = Store(settings.db)
    try:
        stream = Stream(store, settings.grouping)  # rebuilt from the stored stream, in arrival order
    except sqlite3.DatabaseError as exc:  # a page of the stream the header check did not read is damaged
        raise damaged(store.path, exc) from None
    summarizer = Summarizer(workers=settings.workers, queue_limit=settings.queue_limit, processes=settings.processes)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html
    templates.env.tests["web_url"] = web_url  # only http(s) addresses become links, stored ones too
    templates.env.filters.update(code_spans=views.code_spans, schema_facts=views.schema_facts)  # for /docs
    templates.env.filters.update(text_dir=views.direction, line_dir=views.line_direction)  # right-to-left text
    templates.env.filters.update(said_in=views.said_in)  # the language a piece of an article is in
    limits = settings.limits

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        summarizer.warm()
        yield
        await summarizer.drain()
        await run_in_threadpool(summarizer.close)
        # the next start puts back only the articles stored after the state saved now; the grouper is let go, and
        # the rendered pages and summaries: the web framework keeps the routes (and so this app) of every app made
        # in a process, and a process that made app after app kept every one's stream, each start slower than the
        # last (the garbage collector going through them all: 3.7 s, then 4.6, 6.1, 6.3, 8.2 for 12,000 articles)
        await run_in_threadpool(stream.close)
        rendered.clear()
        summaries.clear()

    app = FastAPI(
        title="storyline",
        summary="Sourced summaries of clusters of news articles",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.openapi = _without_fastapi_errors(app.openapi)  # type: ignore[method-assign]
    app.router.redirect_slashes = False  # a trailing slash is redirected by ``on_http``, to a relative address
    app.state.store = store
    app.state.stream = stream
    app.state.summarizer = summarizer
    def error_page(status: int, message: str, way_on: str = "", home: str = "") -> str:
        """An error page as a person sees it: the site's header, what happened, the way on (``security.ErrorPage``);
        without the templates (a bug in them), the same page written out by hand."""
        try:
            return templates.get_template("error.html").render(
                heading=views.error_heading(status), message=message, way_on=way_on, home=home)
        except Exception:  # noqa: BLE001 - an error page must be answered whatever broke
            log.exception("the error page could not be drawn")
            return plain_page(status, message, way_on, home)

    app.add_middleware(SecurityMiddleware, max_body=limits.max_body, local_only=settings.local_only,
                       error_page=error_page)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # ------------------------------------------------------------------------------------- errors

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    def failure(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        if _is_api(request):
            return _error(status, message, headers)
        response = page(request, "error.html", status, message=message, heading=views.error_heading(status))
        response.headers.update(headers or {})
        return response

    @app.exception_handler(StorylineError)
    async def on_library_error(request: Request, exc: StorylineError) -> Response:
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, BusyError) else None
        return failure(request, exc.http_status, str(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid":
            return _error(400, "the request body is not valid JSON")
        if first.get("type") == "missing" and tuple(first.get("loc", ())) == ("body",) and not await request.body():
            # FastAPI reports an empty body as a missing field; an empty body is no JSON document at all.
            return _error(400, f"the request body is empty; send a JSON object such as {_example(request)}")
        if first.get("type") == "model_attributes_type" and tuple(first.get("loc", ())) == ("body",):
            # A JSON array, string, number or null where the object goes.
            return _error(422, f"the request body must be a JSON object such as {_example(request)}")
        loc = [p for p in first.get("loc", ()) if p not in ("body", "query", "path")]
        where = _field_name(loc)
        msg = first.get("msg", "invalid value")
        given = first.get("input")
        in_address = tuple(first.get("loc", ("",)))[:1] in (("query",), ("path",))  # a query's "0" is no JSON string
        shown = given if in_address and isinstance(given, str) else json.dumps(given, ensure_ascii=False, default=str)
        got = shown[:40]
        bound = first.get("ctx") or {}
        if first.get("type") == "int_type":  # a strict int field given true, "150", 1.5, ...
            msg = f"must be a whole number written as a JSON number, such as 150 (got {got})"
        elif first.get("type") in ("bool_type", "bool_parsing"):  # "markdown" given "yes", 1; a query's ?text=maybe
            msg = f"must be true or false (got {got})"
        elif first.get("type") == "string_too_long":  # pydantic's "String should have at most 500 characters"
            length = len(given) if isinstance(given, str) else got
            msg = f"must be at most {bound.get('max_length')} characters (got {length})"
        elif first.get("type") == "literal_error":  # pydantic's "Input should be 'page' or 'all'"
            msg = f"must be {bound.get('expected')} (got {got})"
        elif first.get("type") == "greater_than_equal":  # pydantic's "Input should be greater than or equal to 1"
            msg = f"must be at least {bound.get('ge')} (got {got})"
        elif first.get("type") == "less_than_equal":
            msg = f"must be at most {bound.get('le')} (got {got})"
        elif first.get("type") == "string_type":  # pydantic's "Input should be a valid string"
            msg = f"must be a string (got {got})"
        elif first.get("type") == "list_type":
            msg = f"must be a list (got {got})"
        elif first.get("type") == "int_parsing":  # a query's ?limit=abc
            msg = f"must be a whole number (got {got})"
        elif first.get("type") == "extra_forbidden":  # pydantic's "Extra inputs are not permitted"
            model = ArticleIn if len(loc) > 1 else _body_model(request)  # an article's of a story's "articles"
            takes = ", ".join(model.model_fields)
            msg = f"no such field; {BODY_NAMES.get(model, 'the body')} takes {takes}"
        elif first.get("type") == "too_short":  # "List should have at least 1 item after validation, not 0"
            least = bound.get("min_length")
            msg = f"must hold at least {least} item{'' if least == 1 else 's'} (got {bound.get('actual_length')})"
        message = f"{where}: {msg}" if where else first.get("msg", "invalid request")
        return _error(422, message.replace("Field required", "required"))

    def methods_at(path: str) -> set[str]:
        """Every method some route answers at ``path`` (HEAD wherever GET is: the middleware answers it)."""
        found: set[str] = set()
        for route in app.router.routes:
            methods = getattr(route, "methods", None)
            regex = getattr(route, "path_regex", None)
            if methods and regex is not None and regex.match(path):
                found |= set(methods)
        return found | {"HEAD"} if "GET" in found else found

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> Response:
        path = request.url.path
        if exc.status_code == 404 and len(path) > 1 and path.endswith("/") and methods_at(path.rstrip("/")):
            # "/api/stories/" → "/api/stories": a relative address, never one built from the request's Host header
            target = path.rstrip("/") + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(target, status_code=307)
        if exc.status_code == 405:  # Starlette names the methods of the first route of the path only
            exc = HTTPException(405, exc.detail, {"Allow": ", ".join(sorted(methods_at(path)))})
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if message == "There was an error parsing the body" and _is_api(request):
            # FastAPI's answer when the JSON body cannot be parsed for another reason than its syntax: its bytes
            # are not UTF-8 text, or it nests deeper than the parser goes ([[[[...]]]]).
            cause = exc.__cause__
            message = (NOT_UTF8_JSON if isinstance(cause, UnicodeDecodeError)
                       else NESTED_JSON if isinstance(cause, RecursionError)
                       else LONG_NUMBER_JSON if isinstance(cause, ValueError) and "digits" in str(cause)
                       else "the request body is not valid JSON")
        if message == "Not Found":  # Starlette's words for an address no route answers
            at = repr(path[:80])
            message = (f"no such address: {at} (the API's addresses are listed at /docs)" if _is_api(request)
                       else f"there is no page at {at}")
        elif message == "Method Not Allowed":
            message = (f"{request.method[:10]} is not answered at {path[:80]!r}; it answers "
                       f"{', '.join(sorted(methods_at(path)))}")
        return failure(request, exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> Response:
        # Logged with its traceback on the server; the client learns nothing about the internals.
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        headers = {k.decode(): v.decode() for k, v in HEADERS}
        if _is_api(request):
            return _error(500, "internal server error", headers)
        return HTMLResponse(error_page(500, INTERNAL_ERROR), status_code=500, headers=headers)

    # ------------------------------------------------------------------------------------- work

    async def create_story(inputs: list[dict[str, Any]], words: int, method: str) -> StoryRow:
        SummarizeOptions(words=words, method=method)  # a bad option is refused before it takes a queue slot
        checked = check_articles(inputs, limits)

        async def save(result: dict[str, Any]) -> StoryRow:
            title = views.story_title(result["summary"], result["articles"])
            return await run_in_threadpool(
                lambda: store.add(
                    title=title,
                    summary=result["summary"],
                    articles=result["articles"],
                    inputs=[given(a) | {"article": str(k)} for k, a in enumerate(checked, 1)],
                    analysis=result["analysis"],
                )
            )

        story: StoryRow = await summarizer.submit(checked, words, method, save)
        return story

    # A story's rendered forms are kept (bounded, least recently used) per revision: an edit (an article added or
    # removed, a new title) counts one (``Store.revision``, read first by every render), so that a form rendered
    # before it is never served after it, nor one of a deleted story (its revision is None: a 404 before the cache
    # is looked at). A render read before a deletion or an edit is not kept after it: it is put in the cache, then
    # the revision is read again and the render dropped when it changed. No lock is held across a transaction: a
    # deletion drops the story's renders once its transaction is committed, so a render put before that is dropped
    # by the deletion, and one put after it finds the story gone when it reads the revision again. (Until
    # 2026-12-04 a lock ordered the two, held by the deletion for its whole transaction and taken by the event
    # loop's thread to keep a render: a story read then, any story not in the cache, stopped every request, the
    # health check's too, until the deletion ended.)
    rendered: _Recent[tuple[str, str, int], bytes] = _Recent(RENDER_CACHE)
    app.state.rendered = rendered

    async def cached(kind: str, story_id: str, make: Callable[[StoryRow], bytes]) -> bytes:
        """The story's ``kind`` of rendering (``make`` of the story as it is now, its summary made again when it
        changed since), from the cache when it holds the story's revision; a 404 for no such story."""
        # The revision is read here, in the event loop's thread (its own connection, ``Store.revision``), not through
        # the thread pool: the query takes microseconds, where the trip to a pool thread and back (a queue, a thread
        # woken, the interpreter's lock handed over twice, the loop woken) took about half of a cached read's CPU.
        # A query outside a transaction in WAL mode does not wait for a writer, and sees every write committed.
        revision = store.revision(story_id) if len(story_id) <= 64 else None
        if revision is None:
            raise no_such_story(story_id)
        if (data := rendered.get((kind, story_id, revision))) is not None:
            return data
        story = await current(await run_in_threadpool(get_or_404, story_id))
        data = await run_in_threadpool(make, story)
        key = (kind, story_id, story.revision)
        rendered.put(key, data)
        if store.revision(story_id) != story.revision:  # deleted or changed since it was read: not kept
            rendered.drop(key)
        return data

    async def current(story: StoryRow) -> StoryRow:
        """The story with a summary of its articles as they are: when they changed since it was made, it is made
        again by the worker queue from the stored articles (503 while the queue is full) and kept, unless the
        story changed again meanwhile; its title too, unless it was renamed."""
        if not story.stale:
            return story

        async def keep(result: dict[str, Any]) -> StoryRow:
            title = story.title if story.named else views.story_title(result["summary"], list(story.articles))
            await run_in_threadpool(store.save_summary, story, result["summary"], result["analysis"], title)
            return dc_replace(story, summary=result["summary"], analysis=result["analysis"], title=title,
                              summary_revision=story.revision)

        made: StoryRow = await summarizer.submit([dict(a) for a in story.articles], story.words, story.method, keep,
                                                 job=jobs.remake_story)
        return made

    def delete_story(story_id: str) -> StoryListItem | None:
        """Delete the story from the store, then its rendered forms from memory (``rendered``: a render kept while
        the deletion ran is dropped here, one kept after it by ``cached``); what it was, None if no story."""
        gone = store.delete(story_id) if len(story_id) <= 64 else None
        rendered.drop_where(lambda key: key[1] == story_id)
        return gone

    def given(article: dict[str, Any]) -> dict[str, Any]:
        """What a story keeps of a submitted article as given (``input_json``)."""
        return {k: v for k, v in article.items() if k not in ("html", "markdown", "saved_from", "max_text")}

    async def add_to_story(story_id: str, raw: dict[str, Any]) -> tuple[StoryRow, dict[str, Any], bool]:
        """Check, read and clean one article as a story's are on creation, and add it to the story (its summary is
        made again when the story is next read): the story then, the article stored, whether it was added (False:
        the story has it already)."""
        if (await run_in_threadpool(store.revision, story_id) if len(story_id) <= 64 else None) is None:
            raise no_such_story(story_id)  # before the work of reading it
        (checked,) = check_articles([raw], limits, single=True)
        checked["origin"] = "the article"  # names it in an error ("the article: is empty"), as a stream post's
        cleaned = await run_in_threadpool(jobs.clean_input, checked, "0")
        article = {f: getattr(cleaned, f) for f in ARTICLE_FIELDS} | {"corrections": list(cleaned.corrections)}
        added = await run_in_threadpool(lambda: store.add_article(story_id, article, given(checked),
                                                                  most=limits.max_articles))
        if added is None:
            raise no_such_story(story_id)
        return added

    async def remove_from_story(story_id: str, article_id: str) -> tuple[StoryRow, dict[str, Any]]:
        removed = await run_in_threadpool(store.remove_article, story_id, article_id) if len(story_id) <= 64 else None
        if removed is None:
            if len(story_id) > 64 or not await run_in_threadpool(store.exists, story_id):
                raise no_such_story(story_id)
            raise HTTPException(404, f"story {story_id} has no article {article_id[:20]!r}")
        return removed

    async def rename_story(story_id: str, title: str | None) -> StoryRow:
        """Rename the story; ``None`` gives it back its automatic title (its first article's, as when not renamed)."""
        if title is not None:
            title = one_line(title)[:TITLE_LIMIT]
            if not title:
                raise RequestError("title: must not be blank", 422)

        def automatic(story: StoryRow) -> str:
            return views.story_title(story.summary, list(story.articles))

        renamed = await run_in_threadpool(store.rename, story_id, title, automatic) if len(story_id) <= 64 else None
        if renamed is None:
            raise no_such_story(story_id)
        return renamed

    def no_such_story(story_id: str) -> HTTPException:
        # No trace of a deleted story is kept (see ``Store.delete``): the 404 cannot tell which it was.
        return HTTPException(404, f"no story with id {story_id[:64]!r}: it was deleted, or never existed")

    def get_or_404(story_id: str) -> StoryRow:
        story = store.get(story_id) if len(story_id) <= 64 else None
        if story is None:
            raise no_such_story(story_id)
        return story

    # ------------------------------------------------------------------------------------- API

    @app.post("/api/stories", status_code=201, tags=["stories"], summary="Summarize articles into a story",
              dependencies=[Depends(_json_body)], response_description="The story, stored",
              responses={**_located("The story's address, /api/stories/{id}"),
                         **_errors(limits, 400, 413, 415, 422, 503, 507, body=True)})
    async def api_create(body: StoryIn) -> JSONResponse:
        """Summarize the articles (only ``text`` is required) and store the story. Answers the summary JSON
        (as ``storyline summarize --format json``) with the story's ``id``."""
        story = await create_story([a.model_dump() for a in body.articles], body.words, body.method)
        return JSONResponse(story_json(story), status_code=201, headers={"Location": f"/api/stories/{story.id}"})

    @app.get("/api/stories", tags=["stories"], summary="List stories, newest first", response_model=None,
             responses={**_answer(answers.StoryListOut, "A page of the stories"), **_errors(limits, 422)})
    def api_list(limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        items, total = store.list(limit=limit, offset=offset)
        nxt = offset + limit if offset + limit < total else None
        return {
            "stories": [
                {"id": s.id, "created": s.created, "updated": s.updated, "title": s.title,
                 "article_count": s.article_count}
                for s in items
            ],
            "total": total,
            "limit": limit,
            "offset": offset,
            "next_offset": nxt,
        }

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story's summary JSON",
             response_model=dict[str, Any], responses=_errors(limits, 404, 503))
    async def api_get(story_id: str) -> Response:
        """The story's summary JSON, with ``updated`` (when an article was last added or removed, or it was renamed;
        null: never). A story whose articles changed since its summary was made is summarized again first."""
        body = await cached("json", story_id, lambda story: bytes(JSONResponse(story_json(story)).body))
        return Response(body, media_type="application/json")

    def edited(story: StoryRow) -> dict[str, Any]:
        return {"id": story.id, "title": story.title, "article_count": story.article_count, "updated": story.updated}

    @app.patch("/api/stories/{story_id}", tags=["stories"], summary="Rename a story",
               dependencies=[Depends(_json_body)], response_model=None,
               responses={**_answer(answers.StoryEditedOut, "Renamed: the story"),
                          **_errors(limits, 400, 404, 413, 415, 422, 507, body=True)})
    async def api_rename(story_id: str, body: StoryTitleIn) -> dict[str, Any]:
        """Give the story ``story_id`` the ``title`` in the body (one line, at most 500 characters; not blank). A
        summary made again after an edit keeps it. ``null`` gives it back its automatic title (its first article's
        title, else the start of its summary), which follows its articles again. Answers ``{"id", "title",
        "article_count", "updated"}``."""
        return edited(await rename_story(story_id, body.title))

    @app.post("/api/stories/{story_id}/articles", status_code=201, tags=["stories"],
              summary="Add an article to a story", dependencies=[Depends(_json_body)],
              response_description="Added: the story and the article's id",
              responses={**_located("The story's address, /api/stories/{id}", answers.StoryArticleAddedOut),
                         **_answer(answers.StoryArticleAddedOut,
                                   "The story has this article already (a retry): not added again"),
                         **_errors(limits, 400, 404, 413, 415, 422, 507, body=True)})
    async def api_add_to_story(story_id: str, body: ArticleIn) -> JSONResponse:
        """Add the article in the body (as ``POST /api/articles`` takes one: only ``text`` is required) to the story
        ``story_id``, read and cleaned as the story's own were, with the next article id of the story (ids are not
        given again). The summary and analysis are made again when the story is next read. Answers ``{"id",
        "title", "article_count", "updated", "article", "repeated"}``, ``article`` its id; an article the story has
        already (the same cleaned text, title, source, URL and date: a retry) is not added twice: ``200`` with its
        id and ``repeated`` true. A story has at most as many articles as one made at once (413 past that)."""
        story, article, added = await add_to_story(story_id, body.model_dump())
        return JSONResponse(edited(story) | {"article": article["id"], "repeated": not added},
                            status_code=201 if added else 200, headers={"Location": f"/api/stories/{story.id}"})

    @app.delete("/api/stories/{story_id}/articles/{article_id}", tags=["stories"],
                summary="Remove an article from a story", response_model=None,
                responses={**_answer(answers.StoryArticleRemovedOut, "Removed: the story left"),
                           **_errors(limits, 404, 409, 507, missing="No such story, or no such article in it")})
    async def api_remove_from_story(story_id: str, article_id: str) -> dict[str, Any]:
        """Take the article ``article_id`` (its id in the story's ``articles``) out of the story ``story_id``, with
        what was sent for it; the summary and analysis are made again when the story is next read. Answers
        ``{"id", "title", "article_count", "updated", "article", "removed": true}``. The story's only article is a
        409: delete the story instead."""
        story, article = await remove_from_story(story_id, article_id)
        return edited(story) | {"article": article["id"], "removed": True}

    @app.delete("/api/stories/{story_id}", tags=["stories"], summary="Delete a story", response_model=None,
                responses={**_answer(answers.StoryDeletedOut, "Deleted: the story it was"),
                           **_errors(limits, 404, 507)})
    async def api_delete(story_id: str) -> dict[str, Any]:
        """Delete the story ``story_id`` and its articles for good (nothing of it is kept). Answers
        ``{"id", "title", "article_count", "deleted": true}``; the story is no longer listed, and its addresses
        (this one, its page and its articles' pages) are a 404 from then on, as for an id that never existed."""
        gone = await run_in_threadpool(delete_story, story_id)
        if gone is None:
            raise no_such_story(story_id)
        return {"id": gone.id, "title": gone.title, "article_count": gone.article_count, "deleted": True}

    # Stream stories grow, so a summary is kept per (story, revision, article count, words): posts only ever
    # append to a story, and a removal or correction counts a revision of the stories it touches
    # (``Stream.revision``), so the two name the articles (and so which latest ones fit the sentence limit).
    summaries: _Recent[tuple[int, int, int, int], dict[str, Any]] = _Recent(RENDER_CACHE)

    def story_number(number: str) -> int:
        """A stream story's number from its address. Taken as text, so that one that cannot be a story's
        ("abc", "0", "1.5", "-1") is a 404, as a story that is not there yet: the page and the API alike."""
        n = _counted(number)
        if n is None:
            raise HTTPException(404, f"no such story: the stream has no story {_shown(number)}")
        return n

    def no_story(n: int) -> HTTPException:
        """The 404 of stream story ``n``: not there yet, or every article of it taken out of the stream."""
        if store.stream_emptied(n):
            return HTTPException(404, f"no such story: every article of stream story {n} was removed or moved "
                                      "to another story")
        return HTTPException(404, f"no such story: the stream has no story {n}")

    async def stream_summary(number: int, count: int, words: int) -> dict[str, Any]:
        """The summary result of the story's first ``count`` articles, from the cache, else made by the worker
        queue (of the articles read then: only those ``count``, since later ones may have come)."""
        key = (number, stream.revision(number), count, words)
        if (kept := summaries.get(key)) is not None:
            return kept

        async def keep(result: dict[str, Any]) -> dict[str, Any]:
            summaries.put(key, result)
            return result

        articles = (await run_in_threadpool(store.stream_articles, number))[:count]
        inputs = [stream_fields(a) for a in articles]
        return await summarizer.submit(inputs, words, "default", keep, job=jobs.summarize_stream)

    @app.post("/api/articles", status_code=201, tags=["stream"], summary="Add an article to the stream",
              dependencies=[Depends(_json_body)], response_description="Stored: where it went",
              responses={**_located("The address of the stream story it went into, /api/stream/stories/{n}",
                                    answers.PostedOut),
                         **_answer(answers.PostedOut, "Posted before exactly so (a retry): the stored article's "
                                                      "answer, not stored again"),
                         **_errors(limits, 400, 413, 415, 422, 507, body=True)})
    async def api_add_article(body: ArticleIn) -> JSONResponse:
        """Clean the article (only ``text`` is required), put it into the stream story it is most like (or a
        new one) and store it. Answers where it went: ``{"article", "story", "new_story", "similarity",
        "story_articles", "repeated"}``; an article posted again exactly as before (a retry) is not stored
        twice: ``200`` with the stored article's answer and ``repeated`` true."""
        (checked,) = check_articles([body.model_dump()], limits, single=True)
        checked["origin"] = "the article"  # names it in an error ("the article: is empty")
        cleaned = await run_in_threadpool(jobs.clean_input, checked, "0")
        posted = await run_in_threadpool(stream.post, cleaned)
        return JSONResponse(posted.to_json(), status_code=200 if posted.repeated else 201,
                            headers={"Location": f"/api/stream/stories/{posted.story}"})

    def no_article(article_id: str) -> HTTPException:
        return HTTPException(404, f"the stream has no article with id {article_id[:64]!r}")

    @app.put("/api/articles/{article_id}", tags=["stream"], summary="Correct a stream article",
             dependencies=[Depends(_json_body)],
             responses={**_answer(answers.CorrectedOut, "Corrected: where it is now"),
                        **_errors(limits, 400, 404, 409, 413, 415, 422, 507, body=True,
                                  missing="No stream article with this id",
                                  conflict="The correction repeats another stored stream article (the same text, "
                                           "title, source, URL and date), which the message names: nothing was "
                                           "changed")})
    async def api_correct_article(article_id: str, body: ArticleIn) -> JSONResponse:
        """Replace the stream article ``article_id`` (the id its post answered) with the article in the body,
        given whole as ``POST /api/articles`` takes it (only ``text`` is required; a field left out is blank
        now): cleaned the same way, then put into the story it is most like now, as if it arrived now (it may
        move to another story or begin one), and stored at the end of the stream with its id. Answers where it
        went as a post does, with ``previous_story`` and ``previous_story_articles`` (0: that story is gone)
        and ``moved``; sent again, it changes nothing (``changed`` false). A correction that makes it the same as
        another stored stream article (text, title, source, URL and date: what a post answers ``repeated`` for)
        is a ``409`` naming that article, and nothing is changed."""
        if await run_in_threadpool(store.stream_article, article_id) is None:  # before the work of cleaning it
            raise no_article(article_id)
        (checked,) = check_articles([body.model_dump()], limits, single=True)
        checked["origin"] = "the article"  # names it in an error ("the article: is empty"), as a post's
        cleaned = await run_in_threadpool(jobs.clean_input, checked, article_id)
        corrected = await run_in_threadpool(stream.correct, article_id, cleaned)
        if corrected is None:
            raise no_article(article_id)
        return JSONResponse(corrected.to_json(), headers={"Location": f"/api/stream/stories/{corrected.placed.story}"})

    @app.get("/api/articles/{article_id}", tags=["stream"], summary="One stream article", response_model=None,
             responses={**_answer(answers.StreamArticleOut, "The article and the story it is in"),
                        **_errors(limits, 404, missing="No stream article with this id")})
    def api_stream_article(article_id: str) -> dict[str, Any]:
        """The stream article ``article_id`` (the id its post answered) as its story's listing gives it, with the
        ``story`` it is in: ``id``, ``position`` (its place in the stream), ``created``, ``updated``, ``title``,
        ``source``, ``url``, ``author``, ``date``, ``date_line``, ``similarity``, ``teaser``, ``corrections``,
        ``paged``, ``words`` and the cleaned ``text``."""
        found = store.stream_article(article_id) if len(article_id) <= 64 else None
        if found is None:
            raise no_article(article_id)
        return {"story": found.story, **stream_article_json(found)}

    @app.delete("/api/articles/{article_id}", tags=["stream"], summary="Remove an article from the stream",
                response_model=None,
                responses={**_answer(answers.RemovedOut, "Removed: the story it left"),
                           **_errors(limits, 404, 507, missing="No stream article with this id")})
    async def api_remove_article(article_id: str) -> dict[str, Any]:
        """Take the stream article ``article_id`` (the id its post answered) out of the stream and its story.
        Answers ``{"article", "story", "story_articles", "story_removed"}``: the story and the articles it has
        left; a story left with none is no longer listed, and its number is not given to another story."""
        removed = await run_in_threadpool(stream.remove, article_id)
        if removed is None:
            raise no_article(article_id)
        return removed.to_json()

    @app.get("/api/stream/stories", tags=["stream"], summary="List the stream's stories, newest first",
             response_model=None, responses={**_answer(answers.StreamListOut, "A page of the stream's stories"),
                                             **_errors(limits, 422)})
    def api_stream_list(
        limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> dict[str, Any]:
        items, total = store.stream_stories(limit=limit, offset=offset)
        return {
            "stories": [
                {"story": s.story, "article_count": s.article_count, "first_title": s.first_title,
                 "latest_title": s.latest_title, "first_date": s.first_date, "latest_date": s.latest_date,
                 "created": s.created, "updated": s.updated}
                for s in items
            ],
            "total": total,
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None,
        }

    @app.get("/api/stream/stories/{number}", tags=["stream"], summary="One stream story and its summary",
             response_model=None, responses={**_answer(answers.StreamStoryOut, "A page of its articles, its summary"),
                                             **_errors(limits, 404, 422, 503)})
    async def api_stream_story(
        number: str = Path_(description="The story's number, from 1; any other is a 404, as a story not there"),
        words: int = Query(DEFAULT_WORDS, ge=1, le=MAX_WORDS),
        limit: int = Query(STREAM_ARTICLES_PAGE, ge=1, le=MAX_STREAM_ARTICLES_PAGE,
                           description="How many of the story's articles to list, in arrival order"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET, description="How many of its articles to skip first"),
        text: bool = Query(True, description="Give each listed article's cleaned text (false: its fields alone)"),
        summary_sources: Literal["page", "all"] = Query(
            "page", description="Which articles the summary names: those of this page and those its sentences "
                                "come from (page), or every article it covers (all)"),
    ) -> dict[str, Any]:
        """The story's articles in arrival order, a page of them (``limit``, ``offset``; ``total`` and
        ``next_offset`` as the other listings give them), each with its cleaned ``text`` (the summary's spans
        point into it) unless ``text=false``, and the sourced summary of the whole story (the summarize JSON
        with ``evidence``), made when first asked for. The article ids the summary names are those of the
        page and of the articles its sentences come from, unless ``summary_sources=all``: each sentence's
        ``source_count`` and ``corroborated_count`` count them in the whole story."""
        n = story_number(number)
        SummarizeOptions(words=words)
        articles, total = await run_in_threadpool(store.stream_story_page, n, limit=limit, offset=offset)
        if not total:
            raise await run_in_threadpool(no_story, n)
        made = StreamStory.of(articles, await stream_summary(n, total, words))
        listed = [stream_article_json(a) for a in made.articles]
        if not text:
            for item in listed:
                del item["text"]
        summary = None if made.summary is None else page_summary(
            made.summary, {a.id for a in made.articles} if summary_sources == "page" else None)
        return {"story": n, "article_count": total, "articles": listed, "summary": summary,
                "summary_sources": summary_sources, "summarized_articles": made.summarized, "note": made.note,
                "total": total, "limit": limit, "offset": offset,
                "next_offset": offset + limit if offset + limit < total else None}

    @app.get("/api/health", tags=["server"], summary="Liveness and queue depth", response_model=None,
             responses=_answer(answers.HealthOut, "The server answers, and its queue"))
    def api_health() -> dict[str, Any]:
        return {"status": "ok", "queued": summarizer.pending, "queue_limit": summarizer.queue_limit, **stamp()}

    @app.get("/api/schema", tags=["server"], summary="The JSON Schemas of the documents", response_model=None,
             responses=_answer(answers.SchemaListOut, "The names of the JSON Schemas, each at /api/schema/{name}"))
    def api_schemas() -> dict[str, Any]:
        return {"schemas": list(SCHEMAS), **stamp()}

    @app.get("/api/schema/{name}", tags=["server"], summary="One JSON Schema (Draft 2020-12)", response_model=None,
             responses={200: {"description": "The schema, with those it refers to bundled in",
                              "content": {"application/schema+json": {}}},
                        **_errors(limits, 404, missing="No schema of this name")})
    def api_schema(name: str) -> Response:
        """The JSON Schema (Draft 2020-12) of a document storyline writes: ``summary``, ``analysis``, ``group``,
        ``story`` (``/api/stories/{id}``) or ``stream-story`` (``/api/stream/stories/{n}``), as
        ``storyline.json_schema(name)`` gives it."""
        if name not in SCHEMAS:
            raise HTTPException(404, f"no JSON schema named {name[:64]!r}; storyline has {', '.join(SCHEMAS)}")
        return JSONResponse(json_schema(name), media_type="application/schema+json")

    # ------------------------------------------------------------------------------------- pages

    def page_number(request: Request) -> int:
        """The listing page asked for (``?page=``, 1 when absent); an HTML 404 for one that cannot exist."""
        raw = request.query_params.get("page", "1")
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 7 and int(raw) >= 1):
            raise HTTPException(404, f"no such page: {raw[:20]!r} (pages are numbered 1, 2, 3, ...)")
        return int(raw)

    def pages_of(page_no: int, total: int, per_page: int = PER_PAGE) -> int:
        """How many pages ``total`` stories (or articles) fill, ``per_page`` a page (one, empty, when there are
        none); an HTML 404 for a page past the last."""
        pages = max(1, -(-total // per_page))
        if page_no > pages:
            raise HTTPException(404, f"no such page: {page_no} (there {'is' if pages == 1 else 'are'} {pages})")
        return pages

    def index(request: Request, status: int = 200, **ctx: Any) -> Response:
        page_no = page_number(request) if status == 200 else 1
        items, total = store.list(limit=PER_PAGE, offset=(page_no - 1) * PER_PAGE)
        pages = pages_of(page_no, total) if status == 200 else max(1, -(-total // PER_PAGE))
        return page(request, "index.html", status, stories=items, total=total, page_no=page_no,
                    pages=pages, limits=limits, max_words=MAX_WORDS, **ctx)

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        return index(request, deleted=request.query_params.get("deleted") == "1")

    def cross_site(request: Request) -> Response | None:
        """The 403 page for a form sent from another site's page; None for one sent from this site's. A browser
        names the page a form was sent from: Origin (just "null" under this site's no-referrer policy, and from
        any page that asks for no referrer) and, more surely, Sec-Fetch-Site."""
        origin = request.headers.get("origin")
        site = request.headers.get("sec-fetch-site")
        if (origin and origin not in (f"{request.url.scheme}://{request.url.netloc}", "null")) or (
                site and site not in ("same-origin", "none")):
            return page(request, "error.html", 403, message="cross-site form submissions are refused",
                        heading=views.error_heading(403))
        return None

    @app.post("/stories", include_in_schema=False)
    async def form_create(request: Request) -> Response:
        if (refused := cross_site(request)) is not None:
            return refused
        if is_json(request.headers.get("content-type")):
            # a program's JSON sent to the page's form address (no browser form sends JSON) was read as a form
            # without fields: "no articles: paste at least one article", on the form's HTML page
            return _error(415, "this is the web page's form: send JSON to POST /api/stories (one story) or "
                               "POST /api/articles (the stream)")
        boxes: list[dict[str, Any]] = []
        typed_words = ""
        try:
            async with _parse_form(request, limits) as form:
                boxes = form_boxes(form)
                typed_words = str(form.get("words") or "")[:20]
                inputs = list(boxes)
                uploads = [up for up in form.getlist("files") if isinstance(up, UploadFile) and up.filename]
                if len(uploads) > limits.max_articles:
                    raise RequestError(
                        f"too many files: {len(uploads)} (at most {limits.max_articles} per story)", 413)
                for up in uploads:
                    inputs += upload_articles(up.filename or "", await up.read())
                words = _int(form.get("words"), 150)
                method = str(form.get("method") or "default")
            story = await create_story(inputs, words, method)
        except StorylineError as exc:
            # The form again, with what was typed and the error: a person reads this, not a program.
            status = exc.http_status if 400 <= exc.http_status < 600 else 422
            response = index(request, status, error=str(exc), boxes=boxes, words=typed_words)
            if isinstance(exc, BusyError):
                response.headers["Retry-After"] = str(exc.retry_after)
            return response
        return RedirectResponse(f"/stories/{story.id}", status_code=303)

    @app.get("/stories", include_in_schema=False)
    def stories_page() -> Response:
        # The address a refused form is shown at: asked for again (Enter in the address bar), it is the form.
        return RedirectResponse("/", status_code=303)

    def story_html(request: Request, story: StoryRow, **ctx: Any) -> bytes:
        langs = views.languages(story)
        return templates.get_template("story.html").render(
            request=request, story=story, lines=views.lines(story, langs), describe=views.describe,
            numbers=views.numbers(story), who=views.introductions(story, langs), limits=limits, langs=langs,
            title_lang=views.said_in(story.title, views.shared_language(story, langs)), open_most=views.OPEN_MOST,
            marked=partial(views.marked_line, story, sources=views.analysis_sources(story), langs=langs),
            **ctx).encode("utf-8")

    @app.get("/stories/{story_id}", include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> Response:
        done = next((d for d in STORY_CHANGES if request.query_params.get(d) == "1"), "")
        body = await cached(f"page{done}", story_id, lambda story: story_html(request, story, done=done))
        return Response(body, media_type="text/html; charset=utf-8")

    async def story_form_failed(request: Request, story_id: str, exc: StorylineError, **ctx: Any) -> Response:
        """The story page again, with a refused form's error (and what was typed): a person reads this."""
        story = await run_in_threadpool(store.get, story_id) if len(story_id) <= 64 else None
        if story is None:
            raise no_such_story(story_id)
        status = exc.http_status if 400 <= exc.http_status < 600 else 422
        with contextlib.suppress(BusyError):  # else shown with the summary it has
            story = await current(story)
        response = HTMLResponse(await run_in_threadpool(lambda: story_html(request, story, error=str(exc), **ctx)),
                                status_code=status)
        if isinstance(exc, BusyError):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.post("/stories/{story_id}/articles", include_in_schema=False)
    async def form_add(request: Request, story_id: str) -> Response:
        """The story page's "Add an article" form: then the story again, its summary made again. A POST from this
        site's pages only."""
        if (refused := cross_site(request)) is not None:
            return refused
        boxes: list[dict[str, Any]] = []
        try:
            async with _parse_form(request, limits) as form:
                boxes = form_boxes(form)
            if not boxes:
                raise RequestError("no article: paste its text", 422)
            story, article, _ = await add_to_story(story_id, boxes[0])
        except StorylineError as exc:
            return await story_form_failed(request, story_id, exc, typed=boxes[0] if boxes else {})
        return RedirectResponse(f"/stories/{story.id}?added=1#source-{article['id']}", status_code=303)

    @app.post("/stories/{story_id}/articles/{article_id}/remove", include_in_schema=False)
    async def form_remove_from_story(request: Request, story_id: str, article_id: str) -> Response:
        """A source's "Remove" button on the story page. A POST from this site's pages only."""
        if (refused := cross_site(request)) is not None:
            return refused
        try:
            story, _ = await remove_from_story(story_id, article_id)
        except StorylineError as exc:
            return await story_form_failed(request, story_id, exc)
        return RedirectResponse(f"/stories/{story.id}?removed=1", status_code=303)

    @app.post("/stories/{story_id}/title", include_in_schema=False)
    async def form_rename(request: Request, story_id: str) -> Response:
        """The story page's "Rename" form (its second button gives back the automatic title). A POST from this
        site's pages only."""
        if (refused := cross_site(request)) is not None:
            return refused
        title = ""
        try:
            async with _parse_form(request, limits) as form:
                title = str(form.get("title") or "")
                automatic = form.get("automatic") is not None  # "Use the automatic title": its articles' again
            story = await rename_story(story_id, None if automatic else title)
        except StorylineError as exc:
            return await story_form_failed(request, story_id, exc, typed_title=title[:TITLE_LIMIT])
        return RedirectResponse(f"/stories/{story.id}?{'retitled' if automatic else 'renamed'}=1", status_code=303)

    @app.get("/stories/{story_id}/articles/{article_id}", include_in_schema=False)
    async def article_page(request: Request, story_id: str, article_id: str) -> Response:
        """One of the story's articles with the sentences its summary cites marked: rendered once per revision of
        the story and kept with its other forms (``cached``); an article the story does not have is not kept."""

        def article_html(story: StoryRow) -> bytes:
            art = story.article(article_id)
            if art is None:
                raise HTTPException(404, f"story {story_id} has no article {article_id[:20]!r}")
            return templates.get_template("article.html").render(
                request=request, article=art, number=views.numbers(story)[article_id],
                heading=art.get("title") or views.describe(art), back_href=f"/stories/{story.id}",
                back_text=story.title, paragraphs=views.paragraphs(story, article_id),
                lang=views.text_language(art.get("text") or "")).encode("utf-8")

        body = await cached(f"article {article_id}", story_id, article_html)
        return Response(body, media_type="text/html; charset=utf-8")

    @app.post("/stories/{story_id}/delete", include_in_schema=False)
    async def form_delete(request: Request, story_id: str) -> Response:
        """The story page's form: delete the story, then show the form and the stories left. A POST from this
        site's pages only: nothing a link or another site can make."""
        if (refused := cross_site(request)) is not None:
            return refused
        if await run_in_threadpool(delete_story, story_id) is None:
            raise no_such_story(story_id)
        return RedirectResponse("/?deleted=1", status_code=303)

    @app.get("/stream", include_in_schema=False)
    def stream_page(request: Request) -> Response:
        page_no = page_number(request)
        items, total = store.stream_stories(limit=PER_PAGE, offset=(page_no - 1) * PER_PAGE)
        return page(request, "stream.html", stories=items, total=total, page_no=page_no,
                    pages=pages_of(page_no, total), removed=request.query_params.get("removed") == "1")

    @app.get("/stream/{number}", include_in_schema=False)
    async def stream_story_page(request: Request, number: str) -> Response:
        """A stream story's summary and a page of its articles (``?page=``, ``STREAM_ARTICLES_PAGE`` a page,
        numbered in arrival order across the pages): a story of 5,000 articles was one page of every label."""
        n, page_no = story_number(number), page_number(request)
        per = STREAM_ARTICLES_PAGE
        articles, total = await run_in_threadpool(store.stream_story_page, n, limit=per, offset=(page_no - 1) * per)
        if not total:
            raise await run_in_threadpool(no_story, n)
        pages = pages_of(page_no, total, per)
        made = StreamStory.of(articles, await stream_summary(n, total, DEFAULT_WORDS))
        sentences = made.summary["sentences"] if made.summary else []
        # a sentence that hundreds of a story's articles report named every one of them, a screenful of numbers
        # on a phone: the first few are linked, in arrival order (those it comes from first), the rest counted
        citing = [(s["sources"] + [i for i in s["corroborated_by"] if i not in s["sources"]]) for s in sentences]
        cited = {i for ids in citing for i in ids[:CITES_SHOWN]}
        places = await run_in_threadpool(store.stream_places, n, sorted(cited)) if cited else {}

        evidence = (made.summary.get("evidence") or []) if made.summary else []

        # what a screen reader says of a citation ("[3]" alone said nothing of the article): its outlet, else title
        named = {a["id"]: a.get("source") or a.get("title") or "" for a in
                 (made.summary.get("articles", []) if made.summary else [])}

        def cite(k: int, article: str) -> tuple[int, str, str]:
            # to the article's own page, at the sentence it carries (as a summary's citation on /stories)
            spans = evidence[k] if k < len(evidence) else []
            at = next((views.anchor(e["start"], e["end"]) for e in spans if e["article"] == article), "")
            href = f"/stream/{n}/articles/{places[article]}" + (f"#{at}" if at else "")
            return places[article], href, named.get(article, "")

        def cites(k: int, run: int) -> tuple[list[tuple[int, str, str]], int]:
            # sentence k's sources, linked to the first sentence (run) of those they are shown after
            ids = citing[k]
            return [cite(run, i) for i in ids[:CITES_SHOWN] if i in places], len(ids[CITES_SHOWN:])

        # One item a passage (the sentences of one quotation), read in the texts of this page's articles (a
        # sentence of an article on another page by its own marks), its sources after the sentences sharing them.
        texts = {a.id: a.text for a in made.articles}
        langs = {i: views.text_language(t) for i, t in texts.items()}  # a sentence of another page's article: none
        lines = []
        for passage in views.sentence_passages(sentences, texts):
            parts, run = [], None
            for i, text, with_cites in passage:
                run = i if run is None else run
                lang = views.said_in(text, langs.get(sentences[i]["article"]))
                parts.append((text, *(cites(i, run) if with_cites else ([], 0)), lang))
                run = None if with_cites else run
            lines.append(parts)
        labels = [views.stream_label(a.source, a.title, a.text, a.date, a.date_line) for a in made.articles]
        notes = ([made.note] if made.note else []) + list(made.summary.get("notes", []) if made.summary else [])
        first = (page_no - 1) * per + 1
        return page(request, "stream_story.html", number=n, total=total, page_no=page_no, pages=pages,
                    removed=request.query_params.get("removed") == "1",
                    first=first, articles=list(enumerate(zip(made.articles, labels, strict=True), first)),
                    lines=lines, notes=notes)

    @app.get("/stream/{number}/articles/{place}", include_in_schema=False)
    async def stream_article_page(request: Request, number: str, place: str) -> Response:
        """One article of a stream story (``place``: its number in the story, from 1 in arrival order, as
        ``/stream/{n}`` numbers it): its cleaned text with the sentences the story's summary cites marked."""
        n, k = story_number(number), _counted(place)
        articles, total = await run_in_threadpool(
            store.stream_story_page, n, limit=1, offset=(k or 1) - 1)
        if not total:
            raise await run_in_threadpool(no_story, n)
        if k is None or not articles:
            raise HTTPException(404, f"stream story {n} has no article {_shown(place)} (it has {total})")
        (a,) = articles
        try:
            summary = StreamStory.of(articles, await stream_summary(n, total, DEFAULT_WORDS)).summary
        except BusyError:  # the article is there to read all the same: without the summary's marks, for now
            summary = None
            busy = True
        else:
            busy = False
        article = {"id": a.id, "title": a.title, "source": a.source, "date": a.date, "date_line": a.date_line,
                   "url": a.url, "teaser": a.teaser, "corrections": list(a.corrections)}
        on = -(-k // STREAM_ARTICLES_PAGE)
        return page(request, "article.html", article=article, number=k, remove=(a.id, n),
                    heading=views.stream_label("", a.title, a.text, None),
                    back_href=f"/stream/{n}{f'?page={on}' if on > 1 else ''}#a-{k}", back_text=f"Stream story {n}",
                    paragraphs=views.marked_paragraphs(a.text, views.cited_spans(summary, a.id)), busy=busy,
                    lang=views.text_language(a.text))

    @app.post("/stream/articles/{article_id}/remove", include_in_schema=False)
    async def form_remove(request: Request, article_id: str) -> Response:
        """The article page's form: take the article out of the stream, then show its story (the stream when
        the story is gone). A POST from this site's pages only: nothing a link or another site can make."""
        if (refused := cross_site(request)) is not None:
            return refused
        removed = await run_in_threadpool(stream.remove, article_id)
        if removed is None:
            raise no_article(article_id)
        to = f"/stream/{removed.story}" if removed.story_articles else "/stream"
        return RedirectResponse(f"{to}?removed=1", status_code=303)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        return page(request, "docs.html", schema=app.openapi())

    return app


@asynccontextmanager
async def _parse_form(request: Request, limits: Limits) -> AsyncIterator[FormData]:
    """The submitted form. Starlette's limits on its parts are a hard stop, set above the number of files
    a story may have so that a few too many are counted by the route, which can still show what was typed.
    Going past them is a ``RequestError`` (413; 400 for a body that is not a form) shown on the page."""
    try:
        form = await request.form(max_files=limits.max_articles * 4, max_fields=limits.max_articles * 6 + 10,
                                  max_part_size=limits.max_body)
    except HTTPException as exc:
        detail = str(exc.detail)
        if detail.startswith("Too many files"):
            raise RequestError(f"too many files (at most {limits.max_articles} per story)", 413) from None
        if detail.startswith("Too many fields") or "exceeded maximum size" in detail:
            raise RequestError(f"the form is too large: {detail[:120]}", 413) from None
        raise RequestError(f"the form could not be read: {detail[:120]}", 400) from None
    try:
        yield form
    finally:
        await form.close()


def _counted(text: str) -> int | None:
    """A number from an address that counts from 1 (a stream story's, an article's place in it), else None:
    "abc", "0", "1.5", "-1", "١" (an Arabic-Indic digit) name nothing."""
    # (the length first: a number of over 4,300 digits is a ValueError of int() itself)
    if text.isascii() and text.isdigit() and len(text) <= 20 and 1 <= int(text) <= MAX_OFFSET:
        return int(text)
    return None


def _shown(text: str) -> str:
    """An address's number as an error message names it: as it is when made of digits, else quoted, cut."""
    return text if text.isascii() and text.isdigit() and len(text) <= 20 else repr(text[:20])


def _int(value: Any, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        return int(str(value))
    except ValueError:
        raise RequestError(f"words must be a whole number, not {str(value)[:20]!r}", 422) from None


def _version() -> str:
    from .. import __version__

    return __version__


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory``: the database from ``STORYLINE_DB`` (default: the user data directory).

    uvicorn, not this app, knows the address it binds, so the app answers only requests addressed to
    ``localhost`` or an IP address (``local_only``, as ``storyline serve`` on a loopback address) unless
    ``STORYLINE_ANY_HOST=1`` says it is served under other names (behind a proxy that checks them)."""
    any_host = os.environ.get("STORYLINE_ANY_HOST", "") == "1"
    db = Path(os.environ.get("STORYLINE_DB") or default_db())
    try:
        claim(db)  # (held until the process ends: ``uvicorn --workers 2`` is refused in its second process)
        return create_app(WebSettings(db=db, local_only=not any_host))
    except StorylineError as exc:
        # uvicorn prints the traceback of whatever its factory raises: this is the shell here, so it says what
        # ``storyline serve`` says of the same database (another program's, a newer storyline's), in one line
        sys.stderr.write(f"storyline: error: {exc}\n")
        raise SystemExit(exc.exit_code) from None


def default_db() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("storyline")) / "stories.sqlite3"
