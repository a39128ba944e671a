"""The summarization job the web server runs in its worker processes.

Plain data in, plain data out (dicts of str/int/list), so the job crosses a process boundary and the
result goes straight into the store. Everything CPU-heavy happens here, never on the event loop:
HTML extraction, cleaning, segmentation, selection, attribution and analysis, each through the library's front
door (``storyline.api``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Any

log = logging.getLogger(__name__)

CONTEXT_CHARS = 240  # how much text around a sentence the popover shows, each side


def _article(raw: dict[str, Any], number: int) -> Any:
    """An ``Article`` from a submitted one: HTML bodies go through trafilatura, and the metadata the
    user typed wins over what the page says about itself."""
    from ..errors import InputTooLargeError
    from ..ingest import article_from_html, article_from_text, dated_by_url, is_web_url, looks_like_html
    from .inputs import one_line, page_text_too_large

    aid = str(number)
    origin = raw.get("origin") or f"article {number}"
    text = raw["text"]
    if raw.get("html") or looks_like_html(text):
        base = article_from_html(text, id=aid, origin=origin)
        # the page was held to the page limit as sent; the text read out of it is held to the text limit, as a
        # pasted text is (``web.inputs.check_articles``), since that is what summarizing takes time over
        if raw.get("max_text") and (why := page_text_too_large(base.text, raw["max_text"])):
            raise InputTooLargeError(f"{origin}: {why}")
    else:  # plain text (an uploaded .md file as Markdown), with its front matter (source, date, ...) as metadata
        base = article_from_text(text, id=aid, origin=origin, markdown=bool(raw.get("markdown")))
    if not base.url and is_web_url(raw.get("saved_from")):  # a saved web archive's address, as the CLI reads it
        base = dataclasses.replace(base, url=raw["saved_from"].strip())
    given = {k: raw[k] for k in ("title", "source", "url", "date") if raw.get(k)}
    article = dated_by_url(dataclasses.replace(base, **given))  # undated: the day its url writes, as the CLI reads it
    # What a text's header or a page's metadata gave is held to what the API's fields are: one line without
    # control characters (reading it kept its URL only if it is an http(s) address, ``ingest._web_url``).
    return dataclasses.replace(article, title=one_line(article.title), source=one_line(article.source),
                               url=one_line(article.url))


def evidence(spans: Any) -> list[list[dict[str, Any]]]:
    """The evidence spans of a summary's sentences (``storyline.api.evidence``) as its JSON carries them: for
    each sentence, ``{"article", "start", "end"}`` for each article that says it."""
    return [[{"article": e.article, "start": e.start, "end": e.end} for e in row] for row in spans]


def context(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """The text before a span, the span, and the text after it, cut at word boundaries."""
    a = max(0, start - chars)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    b = min(len(text), end + chars)
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    before = ("…" if a > 0 else "") + text[a:start]
    after = text[end:b] + ("…" if b < len(text) else "")
    return before, text[start:end], after


# What the undated-article note tells a user of the web page or the API to do about it.
DATE_HINT = "; give each article its date (the Date field of the form, \"date\" of each article in the API)"


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON values (lists, not tuples; strings for anything else)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


# Article text inside an analysis line ("… — reported by 3 of 4 sources") is set apart between FSI and PDI, Unicode's
# isolates: the page shows each such piece in its own direction (a Hebrew fact inside an English line), where the
# line's direction was the first letter's and the English words around a Hebrew fact were drawn out of order.
FSI, PDI = "\u2068", "\u2069"


def isolated(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else text


def _shown(analysis: Any) -> dict[str, Any] | None:
    """An analysis as the store keeps it: ``{"json": its JSON form, "sections": [[heading, [line]]]}`` (its
    readable lines, for the page); ``None`` for none."""
    if analysis is None:
        return None
    from ..analysis import render as arender
    from ..analysis import with_date_hint

    try:
        hinted = with_date_hint(analysis, DATE_HINT)
        return {"json": jsonable(arender.to_dict(hinted)), "sections": jsonable(arender.sections(hinted, isolated))}
    except Exception:  # the story stands without its analysis
        log.exception("rendering the analysis failed; the story is stored without it")
        return None


def run(inputs: list[dict[str, Any]], words: int, method: str) -> dict[str, Any]:
    """Summarize submitted articles. Raises ``StorylineError`` for bad input (empty, all clutter,
    bad options); returns the summary JSON, the cleaned articles, evidence spans and the analysis."""
    from .. import api
    from ..options import SummarizeOptions

    options = SummarizeOptions(words=words, method=method)
    loaded = api.load_articles([_article(raw, k) for k, raw in enumerate(inputs, 1)])
    return _summarized(api.make_cluster(loaded), options)


def _summarized(cluster: Any, options: Any) -> dict[str, Any]:
    """A cluster's summary JSON with evidence spans, its articles as the store keeps them, and its analysis."""
    from .. import api, render
    from ..errors import StorylineError
    from .store import ARTICLE_FIELDS

    analysis = None
    try:  # the page shows both: the summary names the sources the analysis finds
        both = api.summarize_with_analysis(cluster, options=options)
    except StorylineError:
        raise
    except Exception:  # a fault of the analysis: the story stands without it
        log.exception("analysis failed; the story is stored without it")
        summary = api.summarize_cluster(cluster, options)
        spans = api.evidence(cluster, summary)
    else:
        summary, analysis, spans = both.summary, both.analysis, both.evidence()
    data = render.to_dict(summary)
    data["evidence"] = evidence(spans)
    return {
        "summary": data,
        # What the store keeps of each article (``date_line``: the page text's line its date was read from;
        # ``no_prose``: the paragraphs left out as no prose, which the summary's notes tell).
        "articles": [
            {f: getattr(a, f) for f in ARTICLE_FIELDS} | {"corrections": list(a.corrections)}
            for a in summary.articles
        ],
        "analysis": _shown(analysis),
    }


def remake_story(inputs: list[dict[str, Any]], words: int, method: str) -> dict[str, Any]:
    """The summary and analysis of a story whose articles changed (``POST``/``DELETE /api/stories/{id}/articles``),
    as ``run`` makes them, from its stored articles (``store.ARTICLE_FIELDS``): already clean, summarized as they are,
    ids kept, so the character spans point into the stored text. Articles added to a story past the cluster sentence
    limit: the summary is of its latest articles that fit, and its notes say so (as a stream story's)."""
    from .. import api
    from ..errors import InputTooLargeError
    from ..model import Article
    from ..options import SummarizeOptions

    articles = [Article(**{k: v for k, v in a.items() if k in Article.__dataclass_fields__}
                        | {"corrections": tuple(a.get("corrections") or ())}) for a in inputs]
    try:
        cluster, note = api.make_cluster(articles), None
    except InputTooLargeError:
        limit = api.max_sentences()
        latest = api.latest_that_fit(articles, limit)
        if not latest:
            raise
        cluster = api.make_cluster(latest)
        note = (f"summary of the latest {len(latest)} of {len(articles)} articles: the whole story is over the "
                f"{limit:,}-sentence limit")
    made = _summarized(cluster, SummarizeOptions(words=words, method=method))
    if note:
        made["summary"]["notes"] = [note, *made["summary"].get("notes", [])]
    return made


def clean_input(raw: dict[str, Any], article_id: str) -> Any:
    """One submitted article (checked by ``web.inputs.check_articles``) read and cleaned as a story's
    articles are; ``EmptyInputError`` when nothing is left of it."""
    from .. import api

    (article,) = api.load_articles([_article(raw, 1)])
    return dataclasses.replace(article, id=article_id)


def summarize_stream(inputs: list[dict[str, Any]], words: int, method: str) -> dict[str, Any]:
    """The summary JSON (with evidence spans) of a stream story: its stored articles are already clean,
    so they are summarized as they are (``storyline.summarize`` of their cluster, ids kept) and the
    character spans point into the stored text. A story grown past the cluster sentence limit
    (``cluster.MAX_SENTENCES``) is summarized from its latest articles that fit, with a ``note`` saying so,
    or not at all (``summary`` None) when even its latest article is over the limit. ``summarized``: how
    many of the latest articles the summary covers."""
    from .. import api, render
    from ..errors import InputTooLargeError
    from ..options import SummarizeOptions
    from .stream import stored_article

    articles = [stored_article(a) for a in inputs]
    note = None
    try:
        cluster = api.make_cluster(articles)
    except InputTooLargeError:
        limit = api.max_sentences()
        latest = api.latest_that_fit(articles, limit)
        if not latest:
            return {"summary": None, "summarized": 0,
                    "note": f"no summary: the latest article alone is over the {limit:,}-sentence limit"}
        note = (f"summary of the latest {len(latest)} of {len(articles)} articles: the whole story is over the "
                f"{limit:,}-sentence limit")
        cluster = api.make_cluster(latest)
    summary = api.as_stream_story(api.summarize(cluster, options=SummarizeOptions(words=words, method=method)))
    data = render.to_dict(summary)
    data["evidence"] = evidence(api.evidence(cluster, summary))
    return {"summary": data, "summarized": len(cluster.articles), "note": note}


def warm() -> None:
    """Import the pipeline (and its first-use caches) in a fresh worker process."""
    from .. import api, render  # noqa: F401
    from ..model import Article

    api.make_cluster([Article(id="0", text="Warm up. The worker is ready.")])
