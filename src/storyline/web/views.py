"""What the templates show, built from a stored story: plain data, no markup (the templates escape
everything they print, so article text stays text)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..model import Sentence
from ..pagedate import READ_FROM_PAGE
from ..render import passages, shown
from .jobs import FSI, PDI, context
from .language import language, written_in
from .store import StoryRow, label

_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Cite:
    number: int
    article: str
    label: str  # outlet — title (date)
    kind: str  # "source" (the sentence comes from it) or "corroborated" (it reports the same)
    href: str
    before: str = ""
    quote: str = ""
    after: str = ""
    lang: str = ""  # of the article's words shown around the sentence (``said_in``)


@dataclass(frozen=True, slots=True)
class Part:
    """A summary sentence as its passage shows it: ``index`` its place in the summary, ``text`` with “… or …”
    where the passage begins or ends inside a quotation, ``cites`` empty when the next sentence of the
    passage has the same sources (they are shown once, after the last one that has them)."""

    index: int
    text: str
    cites: tuple[Cite, ...]
    lang: str = ""  # its article's language, where known (``said_in``)


@dataclass(frozen=True, slots=True)
class Line:
    """A passage of the summary (``render.Passage``): one sentence, or the sentences of one quotation."""

    index: int  # its first sentence's place in the summary
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker the summary names by one word, and the words an article introduces them with."""

    name: str
    text: str
    number: int
    label: str
    href: str
    lang: str = ""  # of the article's words, ``text`` (and ``name`` in its script)
    name_lang: str = ""


# The page's own language (``base.html``): text in it needs no ``lang`` of its own.
PAGE_LANGUAGE = "en"


def text_language(text: str) -> str:
    """The ``lang`` an article's text is shown with: its language where the text tells it with confidence
    (``language.language``), ``""`` where it does not or where it is the page's own."""
    tag = language(text)
    return tag if tag is not None and tag != PAGE_LANGUAGE else ""


def languages(story: StoryRow) -> dict[str, str]:
    """``text_language`` of each of the story's articles that has one, by article id."""
    tags = {a["id"]: text_language(a["text"]) for a in story.articles if isinstance(a.get("text"), str)}
    return {i: tag for i, tag in tags.items() if tag}


def shared_language(story: StoryRow, langs: dict[str, str]) -> str:
    """The language all the story's articles are in (``languages``), ``""`` when they are not all in one."""
    tags = {langs.get(a["id"], "") for a in story.articles}
    return tags.pop() if len(tags) == 1 else ""


def said_in(text: str, tag: str | None) -> str:
    """``tag``, an article's language, for a piece of it (a sentence, a quotation, its title) that is written in
    that language's script; ``""`` (no ``lang``) otherwise: an English name in an Arabic article is not Arabic."""
    return tag if tag and written_in(text, tag) else ""


def introductions(story: StoryRow, langs: dict[str, str] | None = None) -> list[Who]:
    """The summary's "who's who" (stories stored before it existed have none); ``langs``: ``languages(story)``."""
    num = numbers(story)
    langs = languages(story) if langs is None else langs
    out = []
    for i in story.summary.get("introductions") or []:
        art = story.article(i["article"])
        if art is not None:
            tag = langs.get(i["article"])
            out.append(Who(i["name"], i["text"], num[i["article"]], describe(art),
                           f"/stories/{story.id}/articles/{i['article']}", said_in(i["text"], tag),
                           said_in(i["name"], tag)))
    return out


# What an error page is headed and titled, by its status: what happened, not "Sorry" and "Error".
_ERROR_HEADINGS = {
    400: "The request could not be read", 403: "The request was refused", 404: "Page not found",
    405: "Not answered at this address", 409: "The story cannot be changed so", 413: "Too much at once",
    415: "A file of a kind that is not read", 421: "Not served at this address", 422: "The input could not be used",
    429: "Too many requests",
    500: "Something went wrong on the server", 503: "The server is busy",
}


def error_heading(status: int) -> str:
    """The error page's heading and title for an HTTP ``status``."""
    return _ERROR_HEADINGS.get(status, "Something went wrong on the server" if status >= 500 else "The request failed")


def anchor(start: int, end: int) -> str:
    return f"s-{start}-{end}"


def describe(article: dict[str, Any]) -> str:
    """Outlet — title (date), saying so as the command line does when the date was read from the page text."""
    parts = [p for p in (article.get("source"), article.get("title")) if p]
    text = " — ".join(parts) or article.get("origin") or f"article {article['id']}"
    date = article.get("date")
    if not date:
        return text
    return f"{text} ({date}, {READ_FROM_PAGE})" if article.get("date_line") else f"{text} ({date})"


def stream_label(source: str, title: str, text: str, date: str | None, date_line: str = "") -> str:
    """A stream article as ``/stream/{n}`` lists it: outlet — title (date), the start of its text standing in
    for a missing title as on ``/stream``."""
    return describe({"source": source, "title": label(title, text), "date": date, "date_line": date_line, "id": ""})


def numbers(story: StoryRow) -> dict[str, int]:
    return {a["id"]: k for k, a in enumerate(story.articles, 1)}


def sentence_passages(sentences: list[dict[str, Any]], texts: dict[str, str]) -> list[list[tuple[int, str, bool]]]:
    """The summary JSON's ``sentences`` as :func:`storyline.render.passages` groups them, read in the articles'
    ``texts`` (id to text, those at hand): for each passage, each sentence's index, its text as shown, and
    whether its sources are shown after it (``render.shown``)."""
    keys = [(tuple(s.get("sources", [])), tuple(s.get("corroborated_by", []))) for s in sentences]
    shown_texts = [s["text"] for s in sentences]
    model = [Sentence(s["article"], s["index"], s["start"], s["end"], s["text"]) for s in sentences]
    return [shown(p, shown_texts, keys) for p in passages(model, texts)]


def _run_span(spans: list[dict[str, Any] | None], text: str) -> tuple[int, int] | None:
    """One article's spans of a run of sentences as one span, when they follow one another in its text with
    nothing but space between (the sentences of one quotation in its origin, or in a copy); else the first."""
    if not spans or spans[0] is None:
        return None
    start, end = spans[0]["start"], spans[0]["end"]
    for e in spans[1:]:
        if e is None or e["start"] < end or text[end : e["start"]].strip():
            return start, spans[0]["end"]
        end = e["end"]
    return start, end


def lines(story: StoryRow, langs: dict[str, str] | None = None) -> list[Line]:
    """The summary's passages (a sentence, or the sentences of one quotation), each sentence followed by a
    citation per article that carries it where the next one's differ and, where the store has its span, the
    words of that article around it (for the popover; around the whole run of sentences the citation is for,
    when that run is one stretch of the article); ``langs``: ``languages(story)``, made when not given."""
    num = numbers(story)
    evidence = story.summary.get("evidence") or []
    sentences = story.summary.get("sentences", [])
    texts = {a["id"]: a["text"] for a in story.articles if isinstance(a.get("text"), str)}
    langs = languages(story) if langs is None else langs
    out = []
    for passage in sentence_passages(sentences, texts):
        parts = []
        run: list[int] = []
        for i, text, with_cites in passage:
            run.append(i)
            lang = said_in(text, langs.get(sentences[i]["article"]))
            if not with_cites:
                parts.append(Part(i, text, (), lang))
                continue
            s = sentences[i]
            spans = [{e["article"]: e for e in (evidence[j] if j < len(evidence) else [])} for j in run]
            sources = set(s.get("sources", []))
            cites = []
            for aid in list(s.get("sources", [])) + [a for a in s.get("corroborated_by", []) if a not in sources]:
                art = story.article(aid)
                if art is None:
                    continue
                href = f"/stories/{story.id}/articles/{aid}"
                before = quote = after = ""
                first = spans[0].get(aid)
                if first is not None:  # the article page anchors each sentence's span: link the run's first
                    href += "#" + anchor(first["start"], first["end"])
                    whole = _run_span([sp.get(aid) for sp in spans], art["text"])
                    if whole is not None:
                        before, quote, after = context(art["text"], *whole)
                cites.append(
                    Cite(num[aid], aid, describe(art), "source" if aid in sources else "corroborated", href,
                         before, quote, after, said_in(quote, langs.get(aid)))
                )
            parts.append(Part(i, text, tuple(cites), lang))
            run = []
        out.append(Line(parts[0].index, tuple(parts)))
    return out


@dataclass(frozen=True, slots=True)
class Marked:
    """A piece of an analysis line: its text, or (``number`` > 0) one of its source markers ("[2]") as a link to
    the cited article, named as the summary's citations are."""

    text: str
    number: int = 0
    href: str = ""
    label: str = ""
    article: str = ""  # the id of the article a source marker names
    isolated: bool = False  # article text, shown in its own direction (``jobs.isolated``)
    lang: str = ""  # of that article text: its articles' language, where known (``said_in``)


# An analysis part of more lines than this is shown folded, its heading (with its count) a button that opens it: a
# story of twelve articles had 48 quotations, 67 dates and 33 facts told once, a page 15,000 px long. The lists of
# people, organisations and places are cut at 12 (``analysis.render.MAX_ENTITIES``) and stay open.
OPEN_MOST = 12


_ISOLATED = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")


def direction(text: str) -> str:
    """``"rtl"`` or ``"ltr"`` by the first letter of ``text`` that has a direction, as HTML's ``dir="auto"`` decides
    for an element; ``"auto"`` when none has. For an element whose text is in pieces that carry their own ``dir``
    (a summary sentence before its source numbers), which ``dir="auto"`` on it would pass over."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "auto"


def line_direction(line: str) -> str:
    """An analysis line's direction: that of its own words around the article text set apart in it ("reported
    by ..."), else, a line of article text alone, that text's (its source numbers then come after its end)."""
    own = direction(_ISOLATED.sub("", line))
    return own if own != "auto" else direction(line.replace(FSI, "").replace(PDI, ""))


def _pieces(text: str) -> list[Marked]:
    """Plain text of an analysis line, the article text set apart in it as pieces of their own."""
    out, last = [], 0
    for m in _ISOLATED.finditer(text):
        if m.start() > last:
            out.append(Marked(text[last:m.start()]))
        out.append(Marked(m.group(1), isolated=True))
        last = m.end()
    if last < len(text):
        out.append(Marked(text[last:]))
    return out


# A run of source markers as ``analysis.render`` writes them after a line's text: "[1][3]", before a space or the end.
_MARKERS = re.compile(r"(?<!\S)((?:\[\d{1,4}\])+)(?=\s|$)")
_MARKER = re.compile(r"\[(\d+)\]")


def analysis_sources(story: StoryRow) -> dict[int, str]:
    """The article id each of the analysis's source numbers stands for: its own list of articles, in the order it
    numbers them (the cluster's, the story's sources' too), else the story's."""
    analysis = story.analysis if isinstance(story.analysis, dict) else {}
    listed = analysis.get("json", {}).get("articles") if isinstance(analysis.get("json"), dict) else None
    ids = [a.get("id") for a in listed if isinstance(a, dict)] if isinstance(listed, list) else []
    if not ids or any(story.article(str(i)) is None for i in ids):
        ids = [a["id"] for a in story.articles]
    return {k: str(i) for k, i in enumerate(ids, 1)}


def marked_line(story: StoryRow, line: str, sources: dict[int, str],
                langs: dict[str, str] | None = None) -> list[Marked]:
    """An analysis line in pieces, each run of source markers ("[1][2]") cut into links to the articles cited
    (``sources``: ``analysis_sources``); a marker that names no article stays text. Each piece of article text
    set apart in it is said in the language (``langs``: ``languages``) of the articles its markers name."""
    pieces = _marked_pieces(story, line, sources)
    return [_said(pieces, k, langs) if p.isolated and langs is not None else p for k, p in enumerate(pieces)]


def _said(pieces: list[Marked], k: int, langs: dict[str, str]) -> Marked:
    """Piece ``k`` in the language of the articles cited by the first run of markers after it (a disagreement's
    values each have their own), else by the line's, when those whose language is known all have the same, else in
    its own if it tells it; in none unless it is written in that language's script (``said_in``)."""
    after = next((j for j in range(k + 1, len(pieces)) if pieces[j].number), None)
    if after is None:
        cited = [p.article for p in pieces if p.number]
    else:
        end = next((j for j in range(after, len(pieces)) if not pieces[j].number), len(pieces))
        cited = [p.article for p in pieces[after:end]]
    tags = {langs[a] for a in cited if a in langs}  # an article whose language is not sure tells nothing against it
    tag = tags.pop() if len(tags) == 1 else None
    own = tag if tag is not None else language(pieces[k].text)
    return Marked(pieces[k].text, isolated=True, lang=said_in(pieces[k].text, own if own != PAGE_LANGUAGE else None))


def _marked_pieces(story: StoryRow, line: str, sources: dict[int, str]) -> list[Marked]:
    out: list[Marked] = []
    last = 0
    for run in _MARKERS.finditer(line):
        numbers = [int(n) for n in _MARKER.findall(run.group(1))]
        if not all(n in sources for n in numbers):
            continue
        if run.start() > last:
            out += _pieces(line[last:run.start()].rstrip(" "))
        for n in numbers:
            art = story.article(sources[n]) or {}
            out.append(Marked("", n, f"/stories/{story.id}/articles/{sources[n]}", describe({"id": sources[n], **art}),
                              article=sources[n]))
        last = run.end()
    if last < len(line):
        out += _pieces(line[last:])
    return out


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marked: bool = False
    anchor: str = ""


def paragraphs(story: StoryRow, article_id: str) -> list[list[Piece]]:
    """An article's text in paragraphs, with every span the summary cites from it marked (the one a link
    points to is the ``:target``)."""
    art = story.article(article_id)
    if art is None:
        return []
    return marked_paragraphs(art["text"], cited_spans(story.summary, article_id))


def cited_spans(summary: dict[str, Any] | None, article_id: str) -> list[tuple[int, int]]:
    """The character spans of the article's text that the summary's ``evidence`` cites, in order."""
    rows = (summary or {}).get("evidence") or []
    return sorted({(e["start"], e["end"]) for row in rows for e in row if e["article"] == article_id})


def marked_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[list[Piece]]:
    """``text`` in paragraphs, the sorted ``spans`` marked, each with the anchor a citation links to."""
    paras = []
    pos = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        paras.append((pos, end))
        pos = m.end() if m else len(text)
    out = []
    for ps, pe in paras:
        pieces: list[Piece] = []
        cur = ps
        for a, b in spans:
            a2, b2 = max(a, cur), min(b, pe)
            if a2 >= b2:
                continue
            if a2 > cur:
                pieces.append(Piece(text[cur:a2]))
            pieces.append(Piece(text[a2:b2], True, anchor(a, b) if a2 == a else ""))
            cur = b2
        if cur < pe:
            pieces.append(Piece(text[cur:pe]))
        if pieces:
            out.append(pieces)
    return out


def story_title(summary: dict[str, Any], articles: list[dict[str, Any]]) -> str:
    """The first article title, else the start of the summary."""
    for a in articles:
        if a.get("title"):
            return str(a["title"])[:200]
    first = (summary.get("sentences") or [{"text": "Untitled story"}])[0]["text"]
    return first if len(first) <= 100 else first[:99].rsplit(" ", 1)[0] + "…"


def code_spans(text: str) -> list[tuple[str, bool]]:
    """A description from the API schema (a docstring) in pieces, each ``quoted`` one marked as code, for the
    /docs page: the quotes themselves are not shown."""
    return [(part, k % 2 == 1) for k, part in enumerate(text.split("``")) if part]


def schema_facts(spec: dict[str, Any]) -> str:
    """A parameter's or a body field's type, bounds and default as the /docs page gives them, from its
    schema: "integer, 1 to 100, default 20", "string of at most 500 characters or null, default \"\""."""
    kinds = [k for k in spec.get("anyOf") or [spec] if k.get("type") != "null"]
    said = []
    for kind in kinds:
        what = str(kind.get("type", "any"))
        if "items" in kind:
            what += " of " + str(kind["items"].get("$ref", kind["items"].get("type", "any"))).rsplit("/", 1)[-1]
        if "enum" in kind:
            what += ": " + " or ".join(json.dumps(v) for v in kind["enum"])
        if "minimum" in kind or "maximum" in kind:
            low, high = (_number(kind.get(b)) for b in ("minimum", "maximum"))
            what += f", {low} to {high}" if low and high else f", at least {low}" if low else f", at most {high}"
        if "maxLength" in kind:
            what += f" of at most {kind['maxLength']:,} characters"
        if "minItems" in kind:
            what += f", at least {kind['minItems']}"
        said.append(what)
    text = " or ".join(said + (["null"] if len(kinds) < len(spec.get("anyOf") or [spec]) else []))
    return text + (f", default {json.dumps(spec['default'])}" if "default" in spec else "")


def _number(value: Any) -> str:
    """A schema's bound as written in prose: 5000.0 is 5,000."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else str(value)
