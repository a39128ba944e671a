"""The library's front door: the only module the shells (CLI, web, evaluation) call.

    >>> import storyline
    >>> summary = storyline.summarize(["First article text ...", Path("b.html")], words=120)
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from . import cluster as clustering
from . import methods
from .analysis.model import Analysis, Span
from .attribute import attribute, introductions
from .clean import MAX_RUN_CHARS, clean_articles, is_clutter, runs_on
from .cluster import build_cluster, check_size
from .cluster import latest_that_fit as latest_that_fit
from .errors import EmptyInputError, OptionsError
from .group import GroupingOptions, group_articles
from .ingest import (
    DocumentSet,
    article_from_html,
    article_from_text,
    expand_paths,
    is_dataset_name,
    is_iso_date,
    looks_like_html,
    read_article,
)
from .model import Article, Cluster, Summary, count_words
from .notes import CORRECTION_NOTE as CORRECTION_NOTE  # re-exported: the notes a caller may look for
from .notes import FOREIGN_NOTE as FOREIGN_NOTE
from .notes import NO_PROSE_NOTE as NO_PROSE_NOTE
from .notes import OFF_TOPIC_NOTE as OFF_TOPIC_NOTE
from .notes import OFF_TOPIC_PAIR_NOTE as OFF_TOPIC_PAIR_NOTE
from .notes import TEASER_NOTE as TEASER_NOTE
from .notes import article_notes
from .notes import reads_as_english as reads_as_english
from .options import DEFAULT_WORDS, SummarizeOptions
from .pagedate import with_page_date
from .segment import SCRIPT_STOPS

ArticleLike = str | os.PathLike[str] | Article

SINGLE_SOURCE_NOTE = "single-source summary: only one article was given, so nothing is corroborated"
# The same when others were given but skipped as empty or all page clutter (``strict=False``).
SKIPPED_SINGLE_NOTE = "single-source summary: only one of the articles had text, so nothing is corroborated"
# A story of one article in a stream of several (``storyline group --summarize``): more articles were given, but
# no other one tells this story, which "only one article was given" denied.
STORY_SINGLE_NOTE = "single-source story: no other article of the stream tells it, so nothing is corroborated"
# Dated articles further apart than this are likely to report more than one event: the summary says so.
SPAN_NOTE_DAYS = 30


def as_stream_story(summary: Summary) -> Summary:
    """A story's summary as a stream tells it (``storyline group --summarize``, the web stream): a story of one
    article says that no other article of the stream tells it, not that only one article was given."""
    told = tuple(STORY_SINGLE_NOTE if n == SINGLE_SOURCE_NOTE else n for n in summary.notes)
    return summary if told == summary.notes else replace(summary, notes=told)



def _as_article(item: ArticleLike, number: int) -> Article:
    aid = str(number)
    if isinstance(item, Article):
        return _checked(item)
    if isinstance(item, os.PathLike):
        path = Path(item)
        if is_dataset_name(path.name):  # read as one article, its JSON would be summarized as prose
            raise OptionsError(
                f"{path}: a dataset file (.json/.jsonl) holds articles, not one article: read its clusters with "
                f"storyline.ingest.read_dataset and summarize each one's .articles"
            )
        return read_article(path, id=aid)
    if isinstance(item, str):
        if looks_like_html(item):
            return article_from_html(item, id=aid, origin=f"<text {number}>")
        return article_from_text(item, id=aid, origin=f"<text {number}>")
    raise OptionsError(f"an article must be a str, a path or an Article, not {type(item).__name__}")


def load_articles(
    items: Iterable[ArticleLike], *, strict: bool = True, skip: Callable[[Article, str], bool] | None = None
) -> list[Article]:
    """Read and clean articles: strings are article text (plain or HTML), paths are files, and
    ``Article`` objects keep their metadata. Cleaning is applied to all of them (it leaves clean prose
    alone). With ``strict``, an article left empty by cleaning is an error; otherwise it is skipped.
    ``skip(article, message)``, when given, is asked first about every such article: ``True`` skips it
    even when strict (the CLI skips files it found in a directory, and notes why; it notes the documents
    of a dataset it skips too)."""
    items = _listed(items)
    if not items:
        raise EmptyInputError("no articles given")
    chosen = [isinstance(item, Article) and bool(item.id) for item in items]  # ids the caller chose
    ids = [item.id for item in items if isinstance(item, Article) and item.id]
    twice = _first_repeat(ids)
    if twice is not None:  # renaming it would break the caller's link from the id to the article
        raise OptionsError(f"article id {twice!r} is given twice: each article needs its own id")
    _refuse_repeated_files(items)
    raw = [_as_article(item, k) for k, item in enumerate(items, 1)]
    out: list[tuple[Article, bool]] = []
    for item, a, c, own in zip(items, raw, clean_articles(raw), chosen, strict=True):
        c = with_page_date(a, c)
        if not c.text.strip():
            what = (
                "is empty" if not a.text.strip()
                else f"runs {MAX_RUN_CHARS:,} characters without a sentence end: no prose (a minified page, a log "
                "or a data file?)" if runs_on(a.text)
                else _unspaced_message(a.text)
                or "has no article text left after removing page clutter" + _no_stop_hint(a.text)
            )
            message = f"{a.origin or 'article ' + a.id}: {what}{_path_hint(item)}"
            if not (skip and skip(a, message)) and strict:
                raise EmptyInputError(message)
            continue
        out.append((c, own))
    if not out:
        raise EmptyInputError("no article text left: every article was empty or page clutter")
    return _unique_ids(out)


def _listed(items: Iterable[ArticleLike]) -> list[ArticleLike]:
    """The articles given as a list, one article given alone (a text, a path, an ``Article``) a list of it: a text
    would otherwise be read character by character; anything else that is not a collection of them (``None``, a
    number) is refused."""
    if isinstance(items, (str, Article, os.PathLike)):
        return [items]
    try:
        return list(items)
    except TypeError:
        raise OptionsError(
            f"articles must be a list of texts, paths or Articles, not {type(items).__name__}"
        ) from None


def _refuse_repeated_files(items: Sequence[ArticleLike]) -> None:
    """One file given twice (the same path, another path to it, a link) would be read as two articles, each
    naming the other as a source of every sentence, as if two outlets had reported the story: refused."""
    seen: dict[tuple[int, int], os.PathLike[str]] = {}
    for item in items:
        if not isinstance(item, os.PathLike):
            continue
        try:
            info = os.stat(item)
        except (OSError, ValueError):  # reading it says why
            continue
        key = (info.st_dev, info.st_ino)
        if key not in seen:
            seen[key] = item
        else:
            first = seen[key]
            again = "" if os.fspath(first) == os.fspath(item) else f" (as {os.fspath(first)} before)"
            raise OptionsError(f"{os.fspath(item)}: the file is given twice{again}: give each article once")


# Writing systems that put no space between words: (first, last code point, language), the first that
# matches names the text's language (kana before the Han characters Japanese shares with Chinese).
_UNSPACED = (
    (0x3040, 0x30FF, "Japanese"), (0x31F0, 0x31FF, "Japanese"), (0xFF66, 0xFF9F, "Japanese"),
    (0x3400, 0x4DBF, "Chinese"), (0x4E00, 0x9FFF, "Chinese"), (0xF900, 0xFAFF, "Chinese"),
    (0x20000, 0x3134F, "Chinese"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"), (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Burmese"), (0x1780, 0x17FF, "Khmer"),
)

_SCRIPT_SAMPLE = 100_000  # characters read to tell the script (a 20 MB file is one script throughout)
# Any character of those scripts: a text without one (nearly every text left empty by cleaning) is told at once, not
# letter by letter in Python (70 ms for a page of clutter; the dev set's load took 5% longer).
_UNSPACED_CHAR = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in _UNSPACED) + "]")


def unspaced_language(text: str) -> str | None:
    """The language of a text written mostly (half its letters or more) in a script without spaces between
    words, such as Chinese, Japanese or Thai; ``None`` for any other text."""
    if _UNSPACED_CHAR.search(text, 0, _SCRIPT_SAMPLE) is None:
        return None
    letters = [ord(ch) for ch in text[:_SCRIPT_SAMPLE] if ch.isalpha()]
    found: list[str] = []
    for code in letters:
        found.extend(lang for lo, hi, lang in _UNSPACED if lo <= code <= hi)
    if not letters or 2 * len(found) < len(letters):
        return None
    return "Japanese" if "Japanese" in found else max(set(found), key=found.count)


def _unspaced_message(text: str) -> str:
    """Why an article in Chinese, Japanese, Thai… left nothing: not page clutter, a language storyline cannot
    read (its lines end in none of the stops it knows, so the cleaner took them for headlines; its words, counted
    by spaces, would have been whole sentences)."""
    language = unspaced_language(text)
    if language is None:
        return ""
    return (f"is written in {language}, which storyline cannot read: it reads languages that put spaces between "
            "words (the word budget, the sentence breaks and the comparisons go by them)")


_SENTENCE_END = re.compile(rf"[.!?…{SCRIPT_STOPS}][\"'”’)\]]*(?:\s|$)")


def _no_stop_hint(text: str) -> str:
    """Why a text of a line or two left nothing, when no sentence in it ends: the cleaner reads a line without a
    full stop, question or exclamation mark as a headline ("Flood warning issued for the valley as rain
    continues" posted alone was refused with the clutter message only, and a user could not tell why)."""
    # A headline of three words or more is named too ("Bridge reopens after repairs" alone said only "page
    # clutter"); a line that is clutter ("Share on Facebook", a menu's "Home | News | Sport") is what it says.
    if _SENTENCE_END.search(text) or not any(
        len(line.split()) >= 6 or (len(line.split()) >= 3 and not is_clutter(line)) for line in text.splitlines()
    ):
        return ""  # a sentence ended, or only clutter and short lines: clutter says it
    return " (no sentence in it ends with . ? or !: a line without one is read as a headline)"


def _path_hint(item: ArticleLike) -> str:
    """For a string that names a file (``summarize(["a.txt"])``): a string is article text, a file a Path."""
    if isinstance(item, str) and "\n" not in item and len(item) < 4096:
        try:
            if os.path.isfile(item):
                return f" (a string is article text; to read the file {item!r}, give Path({item!r}))"
        except (OSError, ValueError):
            pass
    return ""


def _first_repeat(ids: Iterable[str]) -> str | None:
    """The first id that was seen before, or ``None`` (in linear time: a stream may hold many articles)."""
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            return i
        seen.add(i)
    return None


def _unique_ids(articles: list[tuple[Article, bool]]) -> list[Article]:
    """Every article with its own id. The ids the caller chose (the flag; ``load_articles`` refuses one given
    twice) are kept; the numbers given to texts and files give way to them, and a repeat gets a prime."""
    reserved = {a.id for a, own in articles if own}
    seen: set[str] = set()
    out = []
    for k, (a, own) in enumerate(articles, 1):
        keep = bool(a.id) and a.id not in seen and (own or a.id not in reserved)
        aid = a.id if keep else str(k)
        while aid in seen or (not keep and aid in reserved):
            aid += "'"
        seen.add(aid)
        out.append(a if aid == a.id else replace(a, id=aid))
    return out


def max_sentences() -> int:
    """The most sentences one cluster may have (``make_cluster`` refuses more: ``InputTooLargeError``); a story of
    more is summarized from its latest articles that fit (``latest_that_fit``)."""
    return clustering.MAX_SENTENCES


def make_cluster(articles: Sequence[Article], *, merge_duplicates: bool = True) -> Cluster:
    return build_cluster(articles, merge_duplicates=merge_duplicates)


def summarize_cluster(cluster: Cluster, options: SummarizeOptions) -> Summary:
    check_size(cluster)  # a cluster built by hand has not been through build_cluster's check
    chosen = methods.get(options.method).select(cluster, options.words)
    notes: tuple[str, ...] = (SINGLE_SOURCE_NOTE,) if len(cluster.articles) == 1 else ()
    if not chosen and cluster.sentences:
        notes += (_too_short_note(cluster, options.words),)
    span = _date_span_note(cluster)
    if span:
        notes += (span,)
    notes += article_notes(cluster)
    return Summary(
        articles=cluster.articles,
        sentences=attribute(cluster, chosen),
        method=options.method,
        budget=options.words,
        notes=notes,
        introductions=introductions(cluster, chosen),
    )


def _date_span_note(cluster: Cluster) -> str | None:
    """A warning when the articles' publication dates lie more than ``SPAN_NOTE_DAYS`` apart: they are
    summarized as one story, and a reader should know that they may tell more than one."""
    dates = sorted({a.date for a in cluster.articles if a.date})
    if len(dates) < 2:
        return None
    first, last = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
    days = (last - first).days
    if days <= SPAN_NOTE_DAYS:
        return None
    return f"the articles' dates span {days} days ({first} to {last}): they may report more than one event"


def _too_short_note(cluster: Cluster, words: int) -> str:
    """Why a summary came out empty: whole sentences only, and none fits the budget."""
    budget = f"{words} word{'s' if words != 1 else ''}"
    shortest = min(count_words(s.text) for s in cluster.sentences)
    if shortest > words:
        return (f"the summary is empty: no sentence fits in {budget} (summaries take whole sentences, and the "
                f"shortest has {shortest} words); raise the word budget")
    return f"the summary is empty: no sentence the method would choose fits in {budget}; raise the word budget"


def summarize(
    articles: Iterable[ArticleLike] | Cluster,
    words: int | None = None,
    method: str | None = None,
    *,
    options: SummarizeOptions | None = None,
) -> Summary:
    """A sourced summary of at most ``words`` words (150 when not given) of a cluster of articles about one
    event, chosen by ``method`` ("default"; ``storyline.methods.names()`` lists them); or as ``options`` say
    (then give neither).

    Each article is a ``str`` (its text, plain or HTML: not a file name), a path (``pathlib.Path``: a text,
    Markdown or HTML file; not a directory or a dataset, see ``storyline.ingest.read_dataset``) or an
    ``Article``. Every error is a ``StorylineError``: ``OptionsError`` (a bad option or item),
    ``EmptyInputError`` (nothing left after cleaning), ``InputTooLargeError`` (over 12,000 sentences), ...
    ``storyline.render.to_json(summary)`` gives the command line's JSON.

        >>> summary = storyline.summarize([Path("a.html"), Path("b.txt")], words=100)
        >>> for s in summary.sentences:
        ...     print(s.text, s.sources, s.corroborated_by)
    """
    opts = _summarize_options(words, method, options)
    if isinstance(articles, Cluster):
        return summarize_cluster(articles, opts)
    if isinstance(articles, (str, Article, os.PathLike)):
        articles = [articles]
    return _summarize_items(articles, opts)


def _summarize_options(words: int | None, method: str | None, options: SummarizeOptions | None) -> SummarizeOptions:
    if isinstance(words, SummarizeOptions):  # summarize(articles, SummarizeOptions(...))
        raise OptionsError("give SummarizeOptions as options=..., not in place of words")
    if options is not None and not isinstance(options, SummarizeOptions):  # a dict was an AttributeError
        raise OptionsError(f"options must be SummarizeOptions, not {type(options).__name__}")
    if options is not None and (words is not None or method is not None):
        raise OptionsError("give either options or words and method, not both")
    return options or SummarizeOptions(
        words=DEFAULT_WORDS if words is None else words, method="default" if method is None else method
    )


def _summarize_items(items: Iterable[ArticleLike], opts: SummarizeOptions) -> Summary:
    """Load, cluster and summarize ``items``; with ``strict=False`` the notes name each article skipped."""
    return _summarized_items(items, opts, None)[1]


def _summarized_items(
    items: Iterable[ArticleLike], opts: SummarizeOptions, date: str | None
) -> tuple[Cluster, Summary]:
    """``items`` loaded (undated ones given ``date``) and clustered, and the cluster's summary; with
    ``strict=False`` the notes name each article skipped."""
    skipped: list[str] = []  # with strict=False: what was left out, and why (the summary's notes say so)

    def note(_: Article, message: str) -> bool:
        skipped.append(message)
        return False  # not skipped for this reason alone: strict decides

    loaded = with_date(load_articles(items, strict=opts.strict, skip=note), date)
    cluster = make_cluster(loaded, merge_duplicates=opts.merge_duplicates)
    summary = summarize_cluster(cluster, opts)
    if not skipped:
        return cluster, summary
    kept = tuple(SKIPPED_SINGLE_NOTE if n == SINGLE_SOURCE_NOTE else n for n in summary.notes)
    return cluster, replace(summary, notes=(*(f"skipped {m}" for m in skipped), *kept))


_GROUPING = GroupingOptions()


def group_stories(
    items: Iterable[ArticleLike],
    *,
    threshold: float | None = None,
    window_days: int | None = None,
    options: GroupingOptions | None = None,
) -> list[tuple[Article, ...]]:
    """Group articles into stories, taking them as a stream in the order given (see
    :mod:`storyline.group`). Inputs are those of :func:`summarize` (text, paths, ``Article`` objects),
    read and cleaned the same way. Returns the stories in order of their first article, each a tuple of
    its articles in arrival order; summarize one with ``summarize(story)``.

        >>> for story in storyline.group_stories(paths, threshold=0.25):
        ...     print(len(story), story[0].title)
    """
    if options is not None and (threshold is not None or window_days is not None):
        raise OptionsError("give either options or threshold and window_days, not both")
    if options is not None and not isinstance(options, GroupingOptions):  # {} passed as "no options" unnoticed
        raise OptionsError(f"options must be GroupingOptions, not {type(options).__name__}")
    opts = options or GroupingOptions(  # checked before anything is read
        threshold=_GROUPING.threshold if threshold is None else threshold,
        window_days=_GROUPING.window_days if window_days is None else window_days,
    )
    if isinstance(items, (str, Article, os.PathLike)):
        items = [items]
    items = _listed(items)
    if not items:  # as summarize's and analyze's: nothing to read, not a bad option
        raise EmptyInputError("no articles given")
    twice = _first_repeat(item.id for item in items if isinstance(item, Article) and item.id)
    if twice is not None:
        raise OptionsError(f"article id {twice!r} is given twice: each article of a stream needs its own id")
    return group_articles(load_articles(items), opts)


def summarize_documents(docs: DocumentSet, options: SummarizeOptions) -> Summary:
    """Summarize a dataset cluster (its documents are raw article texts), as :func:`summarize` does."""
    return _summarize_items(docs.articles, options)


def sample_paths() -> list[Path]:
    """The sample cluster shipped in the package (fictional articles written by the project)."""
    root = resources.files("storyline") / "data" / "sample"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".txt", ".html")))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files the paths name, in the order given; a directory's supported files (found recursively) in
    natural order, numbers by their value: ``a2`` before ``a10``, where text order read a1, a10, a100, a11…
    One path given alone is a list of it (a string was read a character at a time: ``"/tmp/a"`` read ``/``, the
    whole file system)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    elif isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise OptionsError(f"paths must be a list of paths, not {type(paths).__name__}")
    paths = list(paths)
    bad = [p for p in paths if not isinstance(p, (str, os.PathLike))]
    if bad:
        raise OptionsError(f"a path must be a str or a pathlib.Path, not {type(bad[0]).__name__}")
    out: list[Path] = []
    for p in paths:
        found = expand_paths([p])
        root = Path(p)
        if root.is_dir():
            found.sort(key=lambda f: tuple(map(natural_key, f.relative_to(root).parts)))
        out.extend(found)
    return out


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[str | tuple[int, str], ...]:
    """``name`` split into its runs of digits, each read as its number (then as written, so that ``a01`` and
    ``a1`` keep one order), and the text between them: ``a2`` sorts before ``a10``."""
    return tuple((int(run), run) if k % 2 else run for k, run in enumerate(_DIGITS.split(name)))


# A publication date as the API takes it: ``"2018-12-03"``, or a ``datetime.date`` (a ``datetime``: its day).
DateLike = str | dt.date


def _iso_date(date: DateLike | None) -> str | None:
    """``date`` written ``YYYY-MM-DD`` (``None`` stays ``None``); anything else is an ``OptionsError``."""
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return date.isoformat()
    if date is not None and not isinstance(date, str):
        raise OptionsError(f"publication date must be a str YYYY-MM-DD or a datetime.date, not {date!r}")
    if date is not None and not is_iso_date(date):
        raise OptionsError(f"publication date {date!r} is not a date like 2018-12-03{_no_such_day(date)}")
    return date


def _no_such_day(date: str) -> str:
    """What is wrong with a date written ``YYYY-MM-DD`` that is no day ("2026-02-29": ", as February 2026 has no day
    29"): written as asked, it was refused with the bare message, which left the user to find the fault."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m is None:
        return ""
    year, month, day = map(int, m.groups())
    if year < dt.MINYEAR:
        return f", as there is no year {year}"
    if not 1 <= month <= 12:
        return f", as there is no month {month}"
    return f", as {dt.date(year, month, 1):%B %Y} has no day {day}"


def with_date(articles: Sequence[Article], date: DateLike | None) -> list[Article]:
    """Give undated articles a publication date (ISO ``YYYY-MM-DD`` or a ``datetime.date``), the base for
    relative dates."""
    iso = _iso_date(date)
    if iso is None:
        return list(articles)
    return [a if a.date else replace(a, date=iso) for a in articles]


def _checked(article: Article) -> Article:
    """An ``Article`` the caller built, refused up front when a field that holds text is no string or its date no
    date (as the stream's ``StoryGrouper.add`` refuses it). An int id was taken, and came out of the JSON as the
    number 5, not "5"; an int title, source, URL or origin was an AttributeError or TypeError of the cleaning or
    the rendering."""
    for name in ("id", "text", "title", "source", "url", "author", "origin", "date_line"):
        value = getattr(article, name)
        if not isinstance(value, str):
            raise OptionsError(f"article {article.id!r}: its {name} must be a str, not {type(value).__name__}")
    if article.date is not None and not is_iso_date(article.date):
        raise OptionsError(f"article {article.id!r}: date {article.date!r} is not a date like 2018-12-03")
    return article


def analyze(
    articles: Iterable[ArticleLike] | Cluster, *, date: DateLike | None = None, merge_duplicates: bool = True
) -> Analysis:
    """Agreement, disagreement, quotes, entities, timeline and only-here content of a cluster (the articles
    as :func:`summarize` takes them).

    ``date`` is the publication date (``"YYYY-MM-DD"`` or a ``datetime.date``) of articles that carry none:
    relative dates ("Monday", "last year") are resolved against it. ``merge_duplicates`` leaves a near-duplicate
    copy (one wire story in two outlets) out of the sentence pool, as :func:`summarize` does.
    ``storyline.analysis.render.to_json(analysis)`` gives the command line's JSON."""
    from .analysis import analyze_cluster

    date = _iso_date(date)  # refused before anything is read
    if isinstance(articles, Cluster):
        cluster = check_size(articles)
        if date is not None:
            cluster = make_cluster(with_date(cluster.articles, date), merge_duplicates=merge_duplicates)
        return analyze_cluster(cluster)
    if isinstance(articles, (str, Article, os.PathLike)):
        articles = [articles]
    loaded = with_date(load_articles(articles), date)
    return analyze_cluster(make_cluster(loaded, merge_duplicates=merge_duplicates))


@dataclass(frozen=True, slots=True)
class AnalyzedSummary:
    """A summary and the analysis of one cluster, made from one reading and one segmentation of its articles
    (:func:`summarize_with_analysis`). ``summary``'s sentences name, in ``corroborated_by``, the articles the
    analysis finds telling the same fact in other words too (:func:`storyline.analysis.corroborate.corroborate`):
    shown together, the two never tell the reader different things about who reports what. ``analysis`` is as
    :func:`analyze` gives it, its notes included (a note both tell, an outlet's correction, is in each)."""

    cluster: Cluster
    summary: Summary
    analysis: Analysis

    def evidence(self) -> tuple[tuple[Span, ...], ...]:
        """For each summary sentence, the span of each of its articles (``sources`` and ``corroborated_by``)
        that says it: see :func:`evidence`."""
        return evidence(self.cluster, self.summary, self.analysis)


def summarize_with_analysis(
    articles: Iterable[ArticleLike] | Cluster,
    words: int | None = None,
    method: str | None = None,
    *,
    options: SummarizeOptions | None = None,
    date: DateLike | None = None,
    progress: Callable[[int], None] | None = None,
) -> AnalyzedSummary:
    """:func:`summarize` and :func:`analyze` of the same articles, read, cleaned and segmented once: the summary
    (``words``, ``method`` or ``options`` as :func:`summarize` takes them) with the sources the analysis adds,
    and the analysis. ``date`` is the publication date (ISO) of the articles that carry none (see
    :func:`analyze`); the summary is made of the same dated articles. ``progress(1)`` is called as the analysis
    reads each article's names (most of its time).

        >>> both = storyline.summarize_with_analysis(paths, words=120)
        >>> both.summary.sentences[0].corroborated_by, both.analysis.conflicts"""
    from .analysis import analyze_cluster
    from .analysis.corroborate import corroborate

    opts = _summarize_options(words, method, options)
    date = _iso_date(date)  # refused before anything is read
    if isinstance(articles, Cluster):
        cluster = check_size(articles)
        if date is not None:
            cluster = make_cluster(with_date(cluster.articles, date), merge_duplicates=opts.merge_duplicates)
        summary = summarize_cluster(cluster, opts)
    else:
        if isinstance(articles, (str, Article, os.PathLike)):
            articles = [articles]
        cluster, summary = _summarized_items(articles, opts, date)
    analysis = analyze_cluster(cluster, progress=progress)
    return AnalyzedSummary(cluster, corroborate(summary, analysis), analysis)


def evidence(cluster: Cluster, summary: Summary, analysis: Analysis | None = None) -> tuple[tuple[Span, ...], ...]:
    """For each sentence of ``summary`` (of ``cluster``), where each article that carries it says so: the
    sentence itself in the article it was taken from, the same words in a wire copy, the sentence of the same
    fact in an article ``analysis`` (when given) found telling it in other words, else the article's sentence
    most like it (:func:`storyline.analysis.corroborate.evidence`)."""
    from .analysis.corroborate import evidence as spans

    return spans(cluster, summary, analysis)
