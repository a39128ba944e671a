"""The summarization job the web server runs in its worker processes.

Plain data in, plain data out (dicts of str/int/list), so the job crosses a process boundary and the
result goes straight into the store. Everything CPU-heavy happens here, never on the event loop:
HTML extraction, cleaning, segmentation, selection, attribution and, when the library has it, analysis.
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
    from ..ingest import article_from_html, article_from_text, is_web_url, looks_like_html
    from .inputs import one_line

    aid = str(number)
    origin = raw.get("origin") or f"article {number}"
    text = raw["text"]
    if raw.get("html") or looks_like_html(text):
        base = article_from_html(text, id=aid, origin=origin)
    else:  # plain text (an uploaded .md file as Markdown), with its front matter (source, date, ...) as metadata
        base = article_from_text(text, id=aid, origin=origin, markdown=bool(raw.get("markdown")))
    if not base.url and is_web_url(raw.get("saved_from")):  # a saved web archive's address, as the CLI reads it
        base = dataclasses.replace(base, url=raw["saved_from"].strip())
    given = {k: raw[k] for k in ("title", "source", "url", "date") if raw.get(k)}
    article = dataclasses.replace(base, **given)
    # What a text's header or a page's metadata gave is held to what the API's fields are: one line without
    # control characters (reading it kept its URL only if it is an http(s) address, ``ingest._web_url``).
    return dataclasses.replace(article, title=one_line(article.title), source=one_line(article.source),
                               url=one_line(article.url))


def _find_span(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def evidence(cluster: Any, summary: Any, analysis: Any = None) -> list[list[dict[str, Any]]]:
    """For each summary sentence, where each article that carries it says so: the chosen sentence itself
    for its origin, the same words in a wire copy, for an article the analysis found telling the same fact
    in other words (``analysis``, :func:`storyline.analysis.corroborate.corroborate`) its sentence of that
    fact, and for another corroborating article its sentence most similar to the chosen one (TF-IDF cosine,
    the measure attribution used to credit it)."""
    from ..analysis.corroborate import fact_span
    from ..represent import vectors

    sim = vectors(cluster).similarity
    position = {(s.article, s.index): i for i, s in enumerate(cluster.sentences)}
    out: list[list[dict[str, Any]]] = []
    for ss in summary.sentences:
        s = ss.sentence
        i = position.get((s.article, s.index))
        spans: list[dict[str, Any]] = []
        for aid in ss.articles:
            art = cluster.article(aid)
            span: tuple[int, int] | None
            if aid == s.article:
                span = (s.start, s.end)
            else:
                span = _find_span(art.text, s.text)
                told = None if span is not None or analysis is None else fact_span(analysis, s, aid)
                if told is not None:
                    span = (told.start, told.end)
                if span is None and i is not None:
                    best = max(
                        (j for j, o in enumerate(cluster.sentences) if o.article == aid),
                        key=lambda j: float(sim[i, j]),
                        default=None,
                    )
                    if best is not None:
                        o = cluster.sentences[best]
                        span = (o.start, o.end)
            if span is not None:
                spans.append({"article": aid, "start": span[0], "end": span[1]})
        out.append(spans)
    return out


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
    """The JSON form of whatever ``storyline.analyze`` returns (its ``to_dict()`` when it has one)."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _analyze(cluster: Any, articles: list[Any]) -> Any:
    """The library's analysis of the story, or ``None`` when the library has none or it fails (the story
    stands without it)."""
    import storyline

    analyze = getattr(storyline, "analyze", None)
    if analyze is None:
        return None
    try:
        try:
            return analyze(cluster)
        except TypeError:
            return analyze(articles)
    except Exception:
        log.exception("analysis failed; the story is stored without it")
        return None


def _shown(result: Any) -> dict[str, Any] | None:
    """An analysis as the store keeps it: ``{"json": its JSON form, "sections": [[heading, [line]]]}`` (the
    readable lines when the library renders them, for the page); ``None`` for none."""
    if result is None:
        return None
    try:
        try:
            from ..analysis import render as arender
            from ..analysis import with_date_hint

            result = with_date_hint(result, DATE_HINT)
            data, sections = arender.to_dict(result), arender.sections(result)
        except (ImportError, AttributeError, TypeError):  # not the library's Analysis: shown generically
            data, sections = jsonable(result), None
        return {"json": jsonable(data), "sections": jsonable(sections)}
    except Exception:  # the story stands without its analysis
        log.exception("analysis failed; the story is stored without it")
        return None


def run(inputs: list[dict[str, Any]], words: int, method: str) -> dict[str, Any]:
    """Summarize submitted articles. Raises ``StorylineError`` for bad input (empty, all clutter,
    bad options); returns the summary JSON, the cleaned articles, evidence spans and the analysis."""
    from .. import api, render
    from ..analysis import Analysis
    from ..analysis.corroborate import corroborate
    from ..options import SummarizeOptions
    from .store import ARTICLE_FIELDS

    options = SummarizeOptions(words=words, method=method)
    loaded = api.load_articles([_article(raw, k) for k, raw in enumerate(inputs, 1)])
    cluster = api.make_cluster(loaded)
    summary = api.summarize_cluster(cluster, options)
    analysis = _analyze(cluster, loaded)
    ours = analysis if isinstance(analysis, Analysis) else None  # the library's, not a stand-in's
    if ours is not None:  # the page shows both: the summary names the sources the analysis finds
        summary = corroborate(summary, ours)
    data = render.to_dict(summary)
    data["evidence"] = evidence(cluster, summary, ours)
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


def clean_input(raw: dict[str, Any], article_id: str) -> Any:
    """One submitted article (checked by ``web.inputs.check_articles``) read and cleaned as a story's
    articles are; ``EmptyInputError`` when nothing is left of it."""
    from .. import api

    (article,) = api.load_articles([_article(raw, 1)])
    return dataclasses.replace(article, id=article_id)


def _latest_that_fit(articles: list[Any], limit: int) -> list[Any]:
    """The most recent articles whose sentences, counted newest first, stay within ``limit`` (in arrival
    order). Merging near-duplicates only removes sentences, so their cluster is within the limit too."""
    from ..segment import segment

    total = 0
    taken: list[Any] = []
    for article in reversed(articles):
        total += len(segment(article))
        if total > limit:
            break
        taken.append(article)
    return taken[::-1]


def summarize_stream(inputs: list[dict[str, Any]], words: int, method: str) -> dict[str, Any]:
    """The summary JSON (with evidence spans) of a stream story: its stored articles are already clean,
    so they are summarized as they are (``storyline.summarize`` of their cluster, ids kept) and the
    character spans point into the stored text. A story grown past the cluster sentence limit
    (``cluster.MAX_SENTENCES``) is summarized from its latest articles that fit, with a ``note`` saying so,
    or not at all (``summary`` None) when even its latest article is over the limit. ``summarized``: how
    many of the latest articles the summary covers."""
    from .. import api, render
    from .. import cluster as clustering
    from ..errors import InputTooLargeError
    from ..options import SummarizeOptions
    from .stream import stored_article

    articles = [stored_article(a) for a in inputs]
    note = None
    try:
        cluster = api.make_cluster(articles)
    except InputTooLargeError:
        limit = clustering.MAX_SENTENCES
        latest = _latest_that_fit(articles, limit)
        if not latest:
            return {"summary": None, "summarized": 0,
                    "note": f"no summary: the latest article alone is over the {limit:,}-sentence limit"}
        note = (f"summary of the latest {len(latest)} of {len(articles)} articles: the whole story is over the "
                f"{limit:,}-sentence limit")
        cluster = api.make_cluster(latest)
    summary = api.summarize(cluster, options=SummarizeOptions(words=words, method=method))
    data = render.to_dict(summary)
    data["evidence"] = evidence(cluster, summary)
    return {"summary": data, "summarized": len(cluster.articles), "note": note}


def warm() -> None:
    """Import the pipeline (and its first-use caches) in a fresh worker process."""
    from .. import api, render  # noqa: F401
    from ..model import Article
    from ..segment import segment

    segment(Article(id="0", text="Warm up. The worker is ready."))
