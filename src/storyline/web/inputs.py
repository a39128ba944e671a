"""What users send, checked before any work is queued: the JSON API's models, the HTML form's boxes and
uploaded files, and the limits on all of them. Everything here is untrusted; nothing here fetches a URL
(a URL is kept as metadata and shown as a link, never requested: no SSRF surface).
"""

from __future__ import annotations

import email.message
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from .. import jsontext
from ..errors import EmptyInputError, InputTooLargeError, StorylineError
from ..ingest import (
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MHTML_SUFFIXES,
    TEXT_SUFFIXES,
    WEBARCHIVE_SUFFIXES,
    decode,
    is_iso_date,
    is_web_url,
    looks_like_html,
    page_of_mhtml,
    page_of_webarchive,
    page_url,
)
from ..options import DEFAULT_WORDS, MAX_WORDS

# One article's TEXT (a page's, once its article is read out of it): what bounds the time to summarize it (a text of
# 200,000 characters took about 40 s). A page as a browser saves it is mostly markup, scripts and styles around an
# article of 5-30 KB, and is commonly 0.3-2 MB: it has a limit of its own, which bounds the time to read its article
# out of it (measured 2026-12-03 on 2 cores: a 2 MB page 6.5 s and 130 MB, a 5 MB page 17.6 s and 210 MB, a 10 MB
# page 45 s and 330 MB). A request's body has room for a few such pages.
MAX_BODY = 12 * 1024 * 1024
MAX_ARTICLE = 200 * 1024
MAX_PAGE = 5 * 1024 * 1024
MAX_ARTICLES = 50
# the command line's article suffixes: a page saved as one file (.mhtml, Safari's .webarchive) too
UPLOAD_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *MHTML_SUFFIXES, *WEBARCHIVE_SUFFIXES, ".jsonl", ".json")
_META_LIMIT = 500


class RequestError(StorylineError):
    """A request the server will not take; ``http_status`` says why (400, 413, 415, 422)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.http_status = status


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Bounds on one submission, so one request cannot take the server's memory or time."""

    max_body: int = MAX_BODY
    max_article: int = MAX_ARTICLE  # of one article's text; a page's, of the text read out of it
    max_page: int = MAX_PAGE  # of one HTML page as sent
    max_articles: int = MAX_ARTICLES


def _nullable_optionals(schema: dict[str, Any]) -> None:
    """The schema says what ``_Body`` takes: ``null`` for every optional field (``title: null`` as well as
    ``date: null``), alongside the field's own type."""
    required = set(schema.get("required", ()))
    for name, spec in schema.get("properties", {}).items():
        if name in required or "anyOf" in spec:
            continue
        inner = {k: spec.pop(k) for k in list(spec) if k not in ("title", "description", "default")}
        spec["anyOf"] = [inner, {"type": "null"}]


class _Body(BaseModel):
    """A JSON request body: unknown fields are refused, and ``null`` for an optional field is the same as
    leaving it out (its default applies). Required fields stay required: ``"text": null`` is refused."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_nullable_optionals)

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {k: v for k, v in data.items() if v is not None or k not in fields or fields[k].is_required()}


class ArticleIn(_Body):
    """One article. Only ``text`` is required; it may be plain text or an HTML page. ``null`` for any other
    field is the same as leaving it out."""

    text: str = Field(description=f"The article body: plain text (up to {MAX_ARTICLE // 1024} KB of UTF-8) or an HTML "
                                  f"page (up to {MAX_PAGE // (1024 * 1024)} MB as sent, the article's text read out "
                                  f"of it up to {MAX_ARTICLE // 1024} KB)")
    title: str = Field("", max_length=_META_LIMIT)
    source: str = Field("", max_length=_META_LIMIT, description="The outlet, e.g. 'Harbor Radio News'")
    url: str = Field("", max_length=2000, description="Kept as a link; never fetched")
    date: str | None = Field(None, max_length=40, description="YYYY-MM-DD")
    # Said, not guessed: text is read as the command line reads a .txt file or standard input (as it is, where "# ",
    # "*" and "> " may be the text's own), and as Markdown where the client says so, as the command line reads a .md
    # file (an uploaded .md file is read so by its name).
    markdown: StrictBool = Field(False, description="The text is Markdown: read without its syntax (# headings, "
                                                    "emphasis, > quotes, links), its first heading its title, as "
                                                    "the command line reads a .md file")


class StoryIn(_Body):
    """Articles to summarize into one story. Only ``articles`` is required; ``null`` for ``words`` or
    ``method`` is the same as leaving it out."""

    articles: list[ArticleIn] = Field(min_length=1)
    # Strict: a JSON number only. A lax int takes true as 1 (a one-word budget, an empty summary) and "150".
    words: StrictInt = Field(DEFAULT_WORDS, ge=1, le=MAX_WORDS, description="Most words in the summary")
    method: str = Field("default", max_length=40, description="A selection method name")


class StoryTitleIn(_Body):
    """A story's new title (``PATCH /api/stories/{id}``)."""

    title: str | None = Field(max_length=_META_LIMIT, description="One line, not blank; control characters are "
                                                                  "dropped; null: the automatic title again")


def is_json(content_type: str | None) -> bool:
    """Is a body of this ``Content-Type`` JSON: ``application/json``, or a ``+json`` type, as FastAPI reads them."""
    message = email.message.Message()
    message["content-type"] = content_type or ""
    subtype = message.get_content_subtype()
    return bool(content_type) and message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json"))


def require_json(content_type: str | None) -> None:
    """A JSON endpoint's body must be sent as JSON; anything else is a 415 that says so, rather than a 422
    about a body that was never read."""
    if is_json(content_type):
        return
    got = f"got {content_type.split(';')[0].strip()[:60]!r}" if content_type else "got no Content-Type"
    raise RequestError(f"send the body as JSON with Content-Type: application/json ({got})", 415)


# A full ISO 8601 timestamp (what feeds and JSONL dumps carry) is taken for its day, once the whole of it
# has been checked to be a real moment; anything else after the day ("2026-04-01garbage") is refused.
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?")


def size_text(size: int) -> str:
    """A size in KB (rounded up) below 1 MB, in MB (to a tenth) from there: "200 KB", "5 MB", "6.3 MB"."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024):,} KB"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def text_too_large(text: str, limit: int) -> str | None:
    """Why an article's text is over ``limit`` bytes, said with how much of it would fit; None when it is not. The
    limit is of its UTF-8 bytes, and a letter of Greek, Cyrillic, Arabic or Hebrew takes two of them, of Devanagari
    three, so 120,000 characters of Arabic are over a limit that a person counting characters took for 200,000."""
    size = len(text.encode("utf-8"))
    if size <= limit:
        return None
    fit = len(text) * limit // size
    fit = fit // 1000 * 1000 if fit >= 10_000 else fit
    return (f"larger than {size_text(limit)}, the limit for one article's text (its {len(text):,} characters are "
            f"{size_text(size)} in UTF-8; about {fit:,} of them fit): give a part of it")


def page_text_too_large(text: str, limit: int) -> str | None:
    """Why the article read out of an HTML page is over the text limit; None when it is not."""
    why = text_too_large(text, limit)
    return None if why is None else f"the article read from this page is {why}"


def _page_too_large(size: int, limits: Limits) -> str:
    return (f"the page is {size_text(size)}, larger than {size_text(limits.max_page)}, the limit for one HTML page "
            f"(its article's text may be up to {size_text(limits.max_article)}): save the page again without its "
            "images and media (\"Web Page, HTML Only\"), or paste the article's text")


def _at(where: str, message: str) -> str:
    """The message, after the name of the article it is about when there is one."""
    return f"{where}: {message}" if where else message


def _clean_date(value: str | None, where: str) -> str | None:
    """``YYYY-MM-DD``, a real date (or a full ISO timestamp, reduced to its day); ``None`` when blank."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if is_iso_date(value):
            return value
        if _TIMESTAMP.fullmatch(value):
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    raise RequestError(_at(where, f"date: must look like 2026-03-10, a real date, YYYY-MM-DD "
                                  f"(got {value[:40]!r})"), 422)


def _clean_url(value: str, where: str) -> str:
    value = (value or "").strip()
    if value and not is_web_url(value):
        raise RequestError(_at(where, "url: must start with http:// or https://"), 422)
    return value


# C0 and C1 control characters (and DEL), tab excepted: a title, source or URL is one short line, so line
# breaks become spaces and the rest (NUL, ESC, BEL, ...) are dropped before anything is stored or shown. So
# are the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): one left
# open in a title ran on into the page around it, showing the date beside it backwards.
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(value: str | None) -> str:
    """A title, source or URL as it is stored and shown: one line, without control characters."""
    return _CONTROLS.sub("", _BREAKS.sub(" ", value or "")).strip()


ARTICLE_TEXT_FIELDS = ("text", "title", "source", "url", "date")


def _check_unicode(value: Any, name: str, where: str) -> None:
    """JSON can spell a lone surrogate (``"\\ud800"``), which is no character at all: such a string cannot
    be encoded, summarized or stored, so it is refused here rather than failing deep in the pipeline."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            message = f"{name}: is not valid Unicode text (it has a lone surrogate)"
            raise RequestError(_at(where, message), 422) from None


def check_articles(raw: list[dict[str, Any]], limits: Limits, *, single: bool = False) -> list[dict[str, Any]]:
    """Validate submitted articles (dicts with text, title, source, url, date, and for uploads origin, html
    and markdown) and return them normalised: title, source and url without control characters. Empty text is left
    for the library to reject with its own message. ``single``: the request is one article, so its errors
    are not prefixed with "article 1"."""
    if not raw:
        raise RequestError("no articles: paste at least one article or upload a file", 422)
    if len(raw) > limits.max_articles:
        raise RequestError(f"too many articles: {len(raw)} (at most {limits.max_articles} per story)", 413)
    out = []
    for k, a in enumerate(raw, 1):
        where = a.get("origin") or ("" if single else f"article {k}")
        text = a.get("text")
        if not isinstance(text, str):
            raise RequestError(_at(where, "text is required"), 422)
        for name in ARTICLE_TEXT_FIELDS:
            if a.get(name) is not None and not isinstance(a.get(name), str):  # a JSONL upload's "date": 5
                raise RequestError(_at(where, f"{name} must be a string"), 422)
            _check_unicode(a.get(name), name, where)
        # A page is held to the page limit as it is sent, and to the text limit once its article is read out of it
        # (``jobs``): the markup around an article is no work to summarize. Text is held to the text limit here.
        page = bool(a.get("html")) or looks_like_html(text)
        if page and (size := len(text.encode("utf-8"))) > limits.max_page:
            raise RequestError(_at(where, _page_too_large(size, limits)), 413)
        if not page and (why := text_too_large(text, limits.max_article)):
            raise RequestError(_at(where, why), 413)
        out.append(
            {
                "text": text,
                "title": one_line(a.get("title"))[:_META_LIMIT],
                "source": one_line(a.get("source"))[:_META_LIMIT],
                "url": _clean_url(one_line(a.get("url")), where),
                "date": _clean_date(a.get("date"), where),
                "origin": where,
                "html": page,
                "markdown": bool(a.get("markdown")),
                # the limit on the text read out of a page (``jobs``), which runs where the limits are not known
                "max_text": limits.max_article,
                # the address a saved web archive (.mhtml, .webarchive) was saved from: its URL when the page gives none
                "saved_from": one_line(a.get("saved_from")) if isinstance(a.get("saved_from"), str) else "",
            }
        )
    return out


def _jsonl_articles(data: str, name: str) -> list[dict[str, Any]]:
    """A .jsonl upload: one article per line (``{"text", "title", ...}``, ``"markdown": true`` for Markdown
    text, as the API reads it) or one cluster in the dataset
    schema (``{"documents": [...]}``). A story is one event: a file of several clusters is refused rather
    than summarized as one story."""
    out: list[dict[str, Any]] = []
    cluster_lines: list[int] = []
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = jsontext.loads(line)
        except json.JSONDecodeError as exc:
            raise RequestError(f"{name}, line {lineno}: not valid JSON ({exc.msg})", 400) from None
        where = f"{name}:{lineno}"
        if isinstance(obj, dict) and isinstance(obj.get("text"), str):
            # "markdown": true reads the line's text as Markdown, as POST /api/articles and /api/stories read it
            markdown = obj.get("markdown")
            if markdown is not None and not isinstance(markdown, bool):
                shown = json.dumps(markdown, ensure_ascii=False)[:40]
                raise RequestError(f"{where}: markdown must be true or false (got {shown})", 422)
            out.append({k: obj.get(k) for k in ("text", "title", "source", "url", "date")}
                       | {"origin": where, "markdown": bool(markdown)})
        elif isinstance(obj, dict) and isinstance(obj.get("documents"), list):
            cluster_lines.append(lineno)
            if len(cluster_lines) > 1:
                raise RequestError(
                    f"{name}: several clusters (lines {cluster_lines[0]} and {lineno}): a story is one cluster; "
                    "upload one cluster per story, or post the articles to /api/articles to sort them into stories",
                    422,
                )
            for i, doc in enumerate(obj["documents"], 1):
                if isinstance(doc, str) and doc.strip():
                    out.append({"text": doc, "origin": f"{where}#{i}"})
        else:
            raise RequestError(f"{where}: expected an object with 'text' (or a 'documents' list)", 422)
    if not out:
        raise RequestError(f"{name}: no articles in this file", 422)
    return out


def upload_articles(name: str, data: bytes) -> list[dict[str, Any]]:
    """Articles from one uploaded file, by its suffix. The name is only ever shown, never used as a path."""
    name = re.sub(r"[^\w.\- ]", "_", name)[-100:] or "upload"
    lower = name.lower()
    if not lower.endswith(UPLOAD_SUFFIXES):
        raise RequestError(f"{name}: unsupported file type (use {', '.join(UPLOAD_SUFFIXES)})", 415)
    if not data.strip():
        raise RequestError(f"{name}: the file is empty", 422)
    if lower.endswith(MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES):
        # its page read out of it as the command line reads it (the worker reads the page as an .html upload), with
        # the address it was saved from, the article's URL when the page gives none
        try:
            html, where = (page_of_mhtml if lower.endswith(MHTML_SUFFIXES) else page_of_webarchive)(data, name)
        except InputTooLargeError as exc:
            raise RequestError(str(exc), 413) from None
        except EmptyInputError as exc:
            raise RequestError(str(exc), 422) from None
        except StorylineError as exc:
            raise RequestError(str(exc), 415) from None
        return [{"text": html, "origin": name, "html": True, "markdown": False,
                 "saved_from": page_url(where)}]
    try:
        text = decode(data, name)
    except StorylineError as exc:
        raise RequestError(str(exc), 415) from None
    if lower.endswith((".jsonl", ".json")):
        return _jsonl_articles(text, name)
    # A .md file is read as the command line reads it: its words without the Markdown syntax ("# ", "> ").
    return [{"text": text, "origin": name, "html": lower.endswith(HTML_SUFFIXES),
             "markdown": lower.endswith(MARKDOWN_SUFFIXES)}]


FORM_FIELDS = ARTICLE_TEXT_FIELDS


def form_boxes(form: Any) -> list[dict[str, Any]]:
    """The article boxes of the HTML form, in order; boxes left entirely blank are dropped. A box's "Markdown"
    checkbox (``markdown``, valued with the box's number: an unticked one is not sent at all) reads its text as
    Markdown, as the command line reads a ``.md`` file and the API reads ``"markdown": true``."""
    columns = {f: [v if isinstance(v, str) else "" for v in form.getlist(f)] for f in FORM_FIELDS}
    ticked = {v for v in form.getlist("markdown") if isinstance(v, str)}
    n = max((len(v) for v in columns.values()), default=0)
    boxes: list[dict[str, Any]] = []
    for i in range(n):
        box = {f: (columns[f][i] if i < len(columns[f]) else "") for f in FORM_FIELDS}
        if any(v.strip() for v in box.values()):
            boxes.append(box | {"origin": f"article {i + 1}", "markdown": str(i + 1) in ticked})
    return boxes
