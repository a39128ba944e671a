"""What every command that reads articles shares: turning PATHS into clusters (read and cleaned once),
the ``--date`` option, and writing the result (stdout, or ``-o FILE`` atomically, never over an input).

A PATH is a text/HTML file, a dataset file (.json/.jsonl, one cluster per line), a directory of those,
``-`` for standard input, or ``PATH@YYYY-MM-DD`` to give one file its publication date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .. import api, jsontext
from ..analysis import Analysis
from ..analysis import with_date_hint as analysis_date_hint
from ..errors import (
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    OptionsError,
    StorylineError,
    UnreadableInputError,
)
from ..files import output_target, write_atomic
from ..ingest import (
    MAX_BYTES,
    MAX_DATASET_BYTES,
    DocumentSet,
    article_from_html,
    article_from_mhtml,
    article_from_text,
    decode,
    is_dataset_name,
    looks_like_html,
    looks_like_mhtml,
    parse_dataset,
    read_article,
    read_dataset,
    unread_documents,
)
from ..model import Article, Cluster, Summary
from ..options import FORMATS, SummarizeOptions
from ..render import footnotes_apart, printable
from . import out

T = TypeVar("T")

# The publication date given to undated inputs: the base for relative dates ("Monday", "last year").
date_option = click.option(
    "--date", "date", metavar="YYYY-MM-DD",
    help="Publication date of undated inputs: the base for relative dates in the analysis.",
)
# What --format and -o mean to every command that writes a summary, an analysis or stories (``output_format``
# reads the format from the file's suffix when --format is not given).
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="With no --format, -o FILE.md writes md and -o FILE.json json.",
)
output_option = click.option(
    "--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout; - is stdout.",
)
# The settings of the commands that take PATHS: an unknown option is passed on as a path, so that
# ``-@2018-12-03`` (standard input, dated) is one; ``split_dates`` refuses every other.
PATHS_COMMAND = {"ignore_unknown_options": True}
_AT_DATE = re.compile(r"^(?P<path>.+)@(?P<date>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Inputs:
    """The clusters named on the command line (the loose articles form one, each dataset line another),
    or for a stream its articles; the files and directories read (``-o`` must never overwrite them); and
    the checked output path (``None``: standard output)."""

    clusters: list[tuple[str, Cluster]]
    files: list[Path]
    output: str | None = None
    articles: list[Article] = field(default_factory=list)  # a stream (``read_stream``), not clustered
    # the clusters (their ids) an article was left out of, as empty or all clutter: each got a "skipped" note
    left_out: frozenset[str] = frozenset()


def split_dates(paths: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """``PATH@YYYY-MM-DD`` → the path, and its date keyed by path (a real file named so wins).

    A date belongs to article files (one, or those of a directory), not to a dataset file: its clusters
    hold many articles, which may carry their own dates; one given there is refused, not ignored."""
    plain: list[str] = []
    dated: dict[str, str] = {}
    for p in paths:
        # The commands let click pass unknown options through (``PATHS_COMMAND``) so that ``-@DATE``, standard
        # input with a date, reaches here; any other word starting with "-" is still no path, unless it names a
        # file (given after "--": ``-- -notes.txt``).
        if p.startswith("-") and p != "-" and not p.startswith("-@") and not Path(p).exists():
            _no_such_option(p.partition("=")[0])
        m = _AT_DATE.match(p)
        if m and not Path(p).exists():
            try:
                api.with_date([], m.group("date"))
            except OptionsError as exc:  # an impossible date, named with its path: which of several was it?
                raise OptionsError(f"{p}: {exc}") from None
            if is_dataset_name(m.group("path")) and not Path(m.group("path")).is_dir():
                _refuse_dated_dataset(p, m.group("path"))
            _one_date(m.group("path"), m.group("date"), plain, dated)
            note_odd_date(p, m.group("date"))
            plain.append(m.group("path"))
            dated[m.group("path")] = m.group("date")
        else:
            head, at, when = p.rpartition("@")
            if at and head and not Path(p).exists() and (head == "-" or Path(head).exists()):
                # "a.txt@14/04/2026", "a.txt@tomorrow": read as a file of that name, "no such file" said nothing
                # of the date
                raise OptionsError(f"{p}: {when!r} is not a date written YYYY-MM-DD (PATH@YYYY-MM-DD dates a file)")
            _one_date(p, None, plain, dated)
            plain.append(p)
    if plain.count("-") > 1:
        raise OptionsError("- (standard input) is given more than once; it can be read only once")
    return plain, dated


def _one_date(path: str, date: str | None, plain: list[str], dated: dict[str, str]) -> None:
    """Refuse ``path`` (with ``date``, or undated) when it was given before with another date: dates are kept by
    path, so ``a.txt@2026-03-10 a.txt@2026-03-11`` would read the file once with the last date, as if asked."""
    if path in plain and path != "-" and dated.get(path) != date:
        before = f"{path}@{dated[path]}" if path in dated else f"{path}, undated"
        again = f"{path}@{date}" if date else path
        raise OptionsError(f"{again}: given already ({before}); give each file once, with one date")


def _no_such_option(name: str) -> NoReturn:
    """Click's own error for an unknown option, with its "Did you mean" for a near miss."""
    import difflib

    ctx = click.get_current_context(silent=True)
    known = [o for param in ctx.command.params for o in param.opts] if ctx else []
    raise click.NoSuchOption(name, possibilities=difflib.get_close_matches(name, known), ctx=ctx)


def _refuse_dated_dataset(given: str, dataset: str) -> None:
    raise OptionsError(
        f"{given}: a date applies to article files and directories of them, not to a dataset file "
        f"({dataset}); give it without @DATE"
    )


_GZIP = b"\x1f\x8b"  # the magic number a gzip stream opens with


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _read_stdin(id: str) -> tuple[list[DocumentSet], list[api.ArticleLike]]:
    if sys.stdin is None:  # started with standard input closed ("<&-")
        raise InputNotFoundError("- (standard input): standard input is closed; give the article as a file")
    if _stdin_is_terminal():
        # "-" with nothing piped in reads what is typed: without a word the command seemed to hang.
        click.echo("storyline: reading an article from standard input: paste or type it, then press Ctrl-D on a "
                   "line of its own (Ctrl-C to stop)", err=True)
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # an article is refused here; a dataset (JSON) may be as large as a dataset file
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"[") and not data.startswith(_GZIP):
            raise InputTooLargeError(f"standard input: more than {MAX_BYTES / 1e6:g} MB, the limit for one article")
        data += sys.stdin.buffer.read(MAX_DATASET_BYTES + 1 - len(data))
        if len(data) > MAX_DATASET_BYTES:
            raise InputTooLargeError(
                f"standard input: more than {MAX_DATASET_BYTES / 1e9:g} GB, the limit for a dataset"
            )
    if not data.strip():
        raise EmptyInputError("standard input is empty")
    if data.startswith(_GZIP):  # a dataset piped in as it is stored (.jsonl.gz)
        return list(parse_dataset(data, "<stdin>.jsonl.gz")), []
    if looks_like_mhtml(data):  # a page saved as a web archive
        return [], [article_from_mhtml(data, id=id, origin="<stdin>")]
    text = decode(data, "<stdin>")  # first: a byte-order mark (or UTF-16) may stand before a dataset's "{"
    if text.lstrip()[:1] in ("{", "["):
        return list(parse_dataset(data, _stdin_dataset_name(text))), []
    read = article_from_html if looks_like_html(text) else article_from_text
    return [], [read(text, id=id, origin="<stdin>")]


def _stdin_dataset_name(text: str) -> str:
    """How JSON on standard input is read: as a .jsonl file (one object a line), unless it is one JSON
    value over several lines (``jq``'s pretty output, a saved .json file), which is read as a .json file is."""
    if "\n" in text.strip():
        try:
            jsontext.loads(text)  # JSON Lines of two objects or more stop at the second: "Extra data"
        except ValueError:
            return "<stdin>.jsonl"
        return "<stdin>.json"
    return "<stdin>.jsonl"


@dataclass
class _Gathered:
    sets: list[DocumentSet] = field(default_factory=list)
    loose: list[api.ArticleLike] = field(default_factory=list)
    found_in_directory: set[str] = field(default_factory=set)  # origins of files a directory gave us
    stdin_dataset: bool = False  # standard input held a dataset
    dataset_origin: str = ""  # the first file (or standard input) that gave dataset clusters


def skipped(message: str) -> None:
    click.echo(printable(f"storyline: note: skipped {message}"), err=True)


# A publication date this far from today is more likely a typing slip ("2099" for "2019") than a wanted base for
# relative dates: a note says so, and the date is used as given.
_FAR_FUTURE_DAYS = 366
_EARLIEST_YEAR = 1900


def note_odd_date(given: str, date: str) -> None:
    """A note on stderr when ``date`` (valid, ``YYYY-MM-DD``; ``given`` is how the user wrote the option) lies more
    than a year after today or before 1900; nothing otherwise."""
    day = dt.date.fromisoformat(date)
    if day.year < _EARLIEST_YEAR:
        why = f"is before {_EARLIEST_YEAR}"
    elif (day - dt.date.today()).days > _FAR_FUTURE_DAYS:
        why = "is more than a year from now"
    else:
        return
    click.echo(printable(f"storyline: note: {given} {why}; it is used as given, the base for relative dates "
                         '("Monday", "last year")'), err=True)


def gather(listing: Sequence[tuple[str, list[Path] | None]], dated: dict[str, str] | None = None) -> _Gathered:
    """Read what the command line names: dataset clusters, and loose articles (one cluster).

    A file found by expanding a directory that cannot be read (empty, binary, malformed, a stray
    README) is skipped with a note; a file named explicitly is an error. A directory given a date
    (``dated``, by PATH) that holds a dataset is refused once its file reads as one: a stray ``.json``
    that is no dataset (``package.json``, a page's metadata) is skipped with its note, as without the date."""
    got = _Gathered()
    dated = dated or {}
    for p, files in listing:
        if files is None:  # "-"
            s, a = _read_stdin(id=str(len(got.loose) + 1))
            got.stdin_dataset = bool(s)
            got.dataset_origin = got.dataset_origin or ("standard input" if s else "")
            got.sets += s
            got.loose += a
            continue
        in_directory = Path(p).is_dir()
        for f in files:
            try:
                if is_dataset_name(f.name):
                    clusters = list(read_dataset(f))  # validated now, so a bad one can be skipped
                else:
                    got.loose.append(read_article(f, id=str(len(got.loose) + 1)))
            except StorylineError as exc:
                if not in_directory:
                    raise
                skipped(str(exc))
                continue
            if is_dataset_name(f.name):
                if p in dated:
                    _refuse_dated_dataset(f"{p}@{dated[p]}", str(f))
                got.sets.extend(clusters)
                got.dataset_origin = got.dataset_origin or str(f)
            if in_directory:
                got.found_in_directory.add(str(f))
    if got.sets and got.loose:
        article = next((a.origin for a in got.loose if isinstance(a, Article)), "an article")
        # a file of articles as JSON lines is a cluster of its own, not "a dataset": the user who wrote it so (as the
        # web page's upload takes them) was told it was something else
        what = "articles as JSON lines, a cluster of its own," if got.sets[0].article_lines else "a dataset (JSON)"
        raise OptionsError(
            f"{got.dataset_origin} holds {what} and {article} an article: give either dataset files "
            "(.json/.jsonl) or article files, not both at once"
        )
    if not got.sets and not got.loose:
        raise EmptyInputError("nothing to summarize: every file found was skipped")
    return got


def _dated(articles: list[Article], by_origin: dict[str, str], date: str | None) -> list[Article]:
    # A date given on the command line wins over one read from the page text (``date_line`` goes with it).
    articles = [replace(a, date=by_origin[a.origin], date_line="") if a.origin in by_origin else a for a in articles]
    return api.with_date(articles, date)


@dataclass(frozen=True)
class _Checked:
    """The command line checked before any article is read: each plain PATH with the files it names
    (``None`` for stdin), the paths named, the dates given per PATH, and the ``-o`` path to write."""

    listing: list[tuple[str, list[Path] | None]]
    named: list[Path]
    dated: dict[str, str]
    output: str | None


STDIN_FILE = Path("/dev/stdin")


def check_inputs(paths: Sequence[str], *, sample: bool, date: str | None, output: str | None) -> _Checked:
    """Everything that can be checked without reading an article (dates, that the paths exist, the ``-o`` path
    against the inputs), so a mistake fails at once. (A dated directory holding a dataset is refused by
    ``gather``: whether a ``.json`` file in it is a dataset is known only once it is read.)"""
    if date is not None:
        api.with_date([], date)  # an impossible date fails before any work
        note_odd_date(f"--date {date}", date)
    if sample:
        paths = [*paths, *(str(p) for p in api.sample_paths())]
    if not paths:
        raise OptionsError("no input: give article files, a directory, - for stdin, or --sample")
    plain, dated = split_dates(paths)
    listed = [(p, None if p == "-" else api.read_paths([p])) for p in plain]
    named = [Path(p) for p in plain if p != "-"]
    # before the listing's notes ("skipped d/a.txt: given again"): a refused -o came after them, as if the files
    # had been read. The file standard input reads ("- < a.txt -o a.txt", named by /dev/stdin where the system
    # has it) is an input too: it had been replaced by the summary of itself.
    target = output_target(output, inputs=[*named, *([STDIN_FILE] if "-" in plain else [])])
    for p in named:
        if p.is_dir():  # left out of the listing: without a word, a PDF among the pages looked read
            for f, kind in unread_documents(p):
                skipped(f"{f}: {kind}, which storyline does not read (save the article as .html or .txt)")
    listing = _each_file_once(listed, dated)
    return _Checked(listing, named, dated, output if target else None)


def _each_file_once(
    listing: list[tuple[str, list[Path] | None]], dated: dict[str, str]
) -> list[tuple[str, list[Path] | None]]:
    """The listing with every file in it once. A file named again (the same path twice, ``./a.txt`` beside
    ``a.txt``, a link to it, a directory holding a file also named, overlapping globs) would be read as
    another article, and every sentence of it would name both as sources, as if two outlets had reported
    it: it is read where it first comes, and each repeat is noted. A repeat that gives the file another
    date than its first mention is refused (which one is meant cannot be told)."""
    seen: dict[tuple[int, int], tuple[Path, str]] = {}
    out: list[tuple[str, list[Path] | None]] = []
    for p, files in listing:
        if files is None:  # standard input
            out.append((p, files))
            continue
        kept = []
        for f in files:
            try:
                info = f.stat()
            except OSError:  # gone or unreadable: reading it says why
                kept.append(f)
                continue
            key = (info.st_dev, info.st_ino)
            if key not in seen:
                seen[key] = (f, p)
                kept.append(f)
                continue
            first = seen[key]
            if p in dated and dated[p] != dated.get(first[1]):
                before = f"{first[0]}@{dated[first[1]]}" if first[1] in dated else f"{first[0]}, undated"
                raise OptionsError(f"{f}@{dated[p]}: given already ({before}); give each file once, with one date")
            skipped(f"{f}: given again, read once" if f == first[0] else f"{f}: the same file as {first[0]}, read once")
        out.append((p, kept))
    return out


def _origin_dates(checked: _Checked) -> dict[str, str]:
    """The date given on the command line for each file (by ``Article.origin``) that has one."""
    by_origin = {str(f): checked.dated[p] for p, fs in checked.listing if p in checked.dated for f in fs or ()}
    if "-" in checked.dated:
        by_origin["<stdin>"] = checked.dated["-"]
    return by_origin


def _load_loose(got: _Gathered, left_out: set[str]) -> list[Article]:
    """The loose articles, cleaned; one found in a directory that cleaning empties is skipped with a note (and
    ``LOOSE`` added to ``left_out``)."""

    def skip(article: Article, message: str) -> bool:
        if article.origin not in got.found_in_directory:
            return False
        skipped(message)
        left_out.add(LOOSE)
        return True

    return _one_copy_of_each_page(api.load_articles(got.loose, skip=skip))


def _one_copy_of_each_page(articles: list[Article]) -> list[Article]:
    """The articles without a second copy of one page: the same text, title, outlet, address and date, with an
    outlet or an address to tell the page by ("story.html" and "story (1).html", the page downloaded twice).
    A copy that lacks the address the other gives is the same page too, with its outlet: saved as one file
    (``.mhtml``, which records the address) and as ``.html`` (which may not). Kept, the copy would be a second
    source of every sentence of the page, as if a second outlet had reported it. Identical text alone is not a
    copy: two outlets may run the same wire story (their sources, merged)."""
    first: dict[tuple[str, ...], list[Article]] = {}
    kept = []
    for a in articles:
        page = (a.text, a.title, a.source, a.date or "")
        same = next((f for f in first.get(page, ()) if f.url == a.url or (a.source and not (f.url and a.url))), None)
        if (a.source or a.url) and same is not None:
            skipped(f"{a.origin}: the same page as {same.origin}, read once")
            continue
        first.setdefault(page, []).append(a)
        kept.append(a)
    return kept


def _load_dataset_cluster(ds: DocumentSet, left_out: set[str]) -> list[Article]:
    """One dataset cluster's articles, cleaned: an article that cleaning empties is left out with a note each
    (and the cluster's id added to ``left_out``), under every command: without it ``summarize`` said "only one
    article was given" of a cluster of two; a cluster left with none raises ``EmptyInputError``."""
    dropped = {origin: f"{origin}: is empty" for origin in ds.empty}

    def note(article: Article, message: str) -> bool:
        dropped[article.origin] = message
        return True

    try:
        return api.load_articles(ds.articles, strict=False, skip=note)
    finally:
        for origin in sorted(dropped, key=_document_number):
            skipped(dropped[origin])
        if dropped:
            left_out.add(ds.id)


def read_article_sets(
    paths: Sequence[str],
    *,
    sample: bool = False,
    date: str | None = None,
    output: str | None = None,
    build: Callable[[list[Article]], T],
) -> tuple[list[tuple[str, T]], list[Path], str | None, frozenset[str]]:
    """Check the options (``check_inputs``), then read and clean everything named on the command line,
    once: the loose articles as one set (``"articles"``), each dataset cluster as another, each passed
    through ``build`` as it is read. Returns those, the files and directories read, the checked ``-o``
    path, and the ids of the sets an article was left out of.

    Each document of a dataset left out as empty or all clutter gets a note, as a file skipped in a directory
    does."""
    checked = check_inputs(paths, sample=sample, date=date, output=output)
    got = gather(checked.listing, checked.dated)
    if "-" in checked.dated and got.stdin_dataset:
        _refuse_dated_dataset(f"-@{checked.dated['-']}", "standard input")
    by_origin = _origin_dates(checked)
    sets: list[tuple[str, T]] = []
    left_out: set[str] = set()
    if got.loose:
        sets.append((LOOSE, build(_dated(_load_loose(got, left_out), by_origin, date))))
    with progress(got.sets, "Reading") as bar:
        for ds in bar:
            # In a dataset, a whole cluster that is all clutter (or over a limit) is skipped with a note:
            # the other clusters are still answered.
            try:
                loaded = _load_dataset_cluster(ds, left_out)
                sets.append((ds.id, build(_dated(loaded, by_origin, date))))
            except (EmptyInputError, UnreadableInputError) as exc:
                if len(got.sets) == 1 and not got.loose:
                    raise
                skipped(f"cluster {ds.id}: {exc}")
    if not sets:
        raise EmptyInputError("nothing to summarize: every cluster was skipped")
    files = [f for _, fs in checked.listing for f in fs or ()]
    return sets, [*files, *checked.named], checked.output, frozenset(left_out)


# A single cluster of this many articles or more gets a bar over its articles while it is analyzed (on a terminal);
# so does one of fewer articles that hold this many sentences: one article of 1 MB (about 8,000) is read for about
# two minutes, which showed nothing.
ANALYZE_BAR_ARTICLES = 5
ANALYZE_BAR_SENTENCES = 2_000


def _least_for_a_bar(cluster: Cluster) -> int:
    return 1 if len(cluster.sentences) >= ANALYZE_BAR_SENTENCES else ANALYZE_BAR_ARTICLES


def analyze_all(clusters: list[tuple[str, Cluster]]) -> list[tuple[str, Analysis]]:
    """Each cluster's analysis, its undated-article note saying how to give a date. On a terminal a bar counts
    the clusters, or, for one cluster of ``ANALYZE_BAR_ARTICLES`` articles or more, its articles: the
    named-entity model reads each in turn (60 articles: about 30 s, which showed nothing)."""
    from ..analysis import analyze_cluster

    if len(clusters) == 1:
        cid, cluster = clusters[0]
        articles = range(len(cluster.kept_ids))
        with progress(articles, "Analyzing", at_least=_least_for_a_bar(cluster)) as bar:
            return [(cid, with_date_hint(analyze_cluster(cluster, progress=bar.update), cid))]
    with progress(clusters, "Analyzing") as each:
        return [(cid, with_date_hint(analyze_cluster(c), cid)) for cid, c in each]


def summarize_and_analyze_all(
    clusters: list[tuple[str, Cluster]], options: SummarizeOptions
) -> list[tuple[str, api.AnalyzedSummary]]:
    """Each cluster's summary with its analysis (``api.summarize_with_analysis``), with the bars of
    ``analyze_all``: the clusters, or one cluster's articles as the analysis reads them."""
    if len(clusters) == 1:
        cid, cluster = clusters[0]
        with progress(range(len(cluster.kept_ids)), "Analyzing", at_least=_least_for_a_bar(cluster)) as bar:
            return [(cid, api.summarize_with_analysis(cluster, options=options, progress=bar.update))]
    with progress(clusters, "Summarizing and analyzing") as each:
        return [(cid, api.summarize_with_analysis(c, options=options)) for cid, c in each]


def on_terminal() -> bool:
    return sys.stderr.isatty()


def progress(items: Sequence[T], label: str, *, at_least: int = 2) -> Any:
    """A progress bar over ``items`` on standard error, shown only on a terminal and for at least ``at_least``
    items (many clusters, a long stream take a while; pipes and logs stay silent). Use as a context manager
    that yields the items."""
    return click.progressbar(items, label=label, file=sys.stderr, hidden=not on_terminal() or len(items) < at_least)


def counting(label: str) -> Any:
    """A progress line for a count of items not known in advance (the clusters of a dataset file, read one at a
    time): the number so far beside a moving mark, on a terminal only. Use as a context manager; ``update(n)``
    counts ``n`` more."""
    return click.progressbar((_ for _ in ()), label=label, file=sys.stderr, hidden=not on_terminal(), show_pos=True)


def _document_number(origin: str) -> tuple[int, ...]:
    """Where a document lies in its file: ``(6, 4)`` for ``f.jsonl:6#4`` (a dataset's cluster on line 6, its
    fourth document), ``(3,)`` for ``f.jsonl:3`` (line 3 of a file of one article per line)."""
    return tuple(int(n) for n in origin.rpartition(":")[2].split("#"))


def read_inputs(
    paths: Sequence[str], *, sample: bool = False, date: str | None = None, output: str | None = None
) -> Inputs:
    """The clusters named on the command line (see ``read_article_sets``). ``--sample`` is the sample cluster
    alone: beside PATHS its fictional articles would be read as more reports of the user's story, and every
    summary sentence could cite them (``storyline group --sample`` adds it to a stream, where it is a story of
    its own)."""
    if sample and paths:
        ctx = click.get_current_context(silent=True)
        doing = {"analyze": "analyzes"}.get(ctx.command.name if ctx and ctx.command.name else "", "summarizes")
        raise click.UsageError(
            f"--sample {doing} the fictional sample cluster alone: give it without PATHS (got {paths[0]}), or "
            "PATHS without it", ctx)
    clusters, files, out_path, left_out = read_article_sets(paths, sample=sample, date=date, output=output,
                                                            build=api.make_cluster)
    return Inputs(clusters, files, out_path, left_out=left_out)


def read_stream(
    paths: Sequence[str], *, sample: bool = False, date: str | None = None, output: str | None = None
) -> Inputs:
    """Every article named on the command line as one stream, in the order given (a directory's files
    sorted, a dataset's clusters and documents in file order), numbered 1, 2, ... in that order: the
    inputs of ``storyline group``. ``clusters`` holds no cluster here; ``articles`` holds the stream."""
    sets, files, out_path, _ = read_article_sets(paths, sample=sample, date=date, output=output, build=list)
    stream = [a for _, articles in sets for a in articles]
    return Inputs([], files, out_path, [replace(a, id=str(k)) for k, a in enumerate(stream, 1)])


# The id of the cluster the loose articles of a command line form (a dataset's clusters have their own).
LOOSE = "articles"


def render_many(
    results: list[tuple[str, T]], fmt: str, render_one: Callable[[T, str], str], to_dict: Callable[[T], dict[str, Any]]
) -> str:
    """One result as the format asks; several as sections (text, md) or JSON Lines with their ids."""
    if len(results) == 1:
        cid, result = results[0]
        if fmt == "json" and cid != LOOSE:  # a dataset's cluster keeps its id, as when there are several
            return json.dumps({"id": cid, **to_dict(result)}, ensure_ascii=False, indent=2)
        return render_one(result, fmt)
    if fmt == "json":
        return "".join(json.dumps({"id": cid, **to_dict(r)}, ensure_ascii=False) + "\n" for cid, r in results)
    head = "# {}\n\n" if fmt == "md" else "=== {} ===\n"
    # A cluster's id comes from the dataset: no control character in it may reach a terminal.
    parts = [render_one(r, fmt) for _, r in results]
    if fmt == "md":  # each cluster's footnotes labelled apart, or every [^1] would be the first cluster's
        parts = [footnotes_apart(p, str(k)) for k, p in enumerate(parts, 1)]
    return "\n".join(printable(head.format(cid)) + p for (cid, _), p in zip(results, parts, strict=True))


# The format an ``-o`` file's name asks for when ``--format`` is not given: ``-o brief.json`` writes JSON, not
# text under a .json name (an explicit ``--format`` wins; a suffix the command has no format for changes nothing).
_SUFFIX_FORMATS = {".json": "json", ".jsonl": "json", ".md": "md", ".markdown": "md", ".csv": "csv", ".txt": "text"}


_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


def output_format(fmt: str, output: str | None, formats: Sequence[str]) -> str:
    """``fmt``, or the format the ``-o`` file's suffix names when ``--format`` was left at its default; an ``.html``
    name without ``--format`` is refused (no format is HTML)."""
    ctx = click.get_current_context(silent=True)
    if output is None or ctx is None or ctx.get_parameter_source("fmt") is not click.core.ParameterSource.DEFAULT:
        return fmt
    suffix = Path(output).suffix.lower()
    if suffix in _PAGE_SUFFIXES:
        # A browser shows text or Markdown under an .html name as one run-on paragraph: none of them is HTML.
        raise click.UsageError(
            f"-o {output}: storyline writes {', '.join(formats[:-1])} or {formats[-1]}, not an HTML page; name the "
            f"file .md (Markdown) or .json, or give --format to write that format under this name", ctx)
    wanted = _SUFFIX_FORMATS.get(suffix)
    return wanted if wanted is not None and wanted in formats else fmt


def emit(text: str, inputs: Inputs) -> None:
    """The result to the ``-o`` file checked by ``read_inputs`` (atomically), or to standard output."""
    if inputs.output is not None:
        write_atomic(inputs.output, text, protect=inputs.files)
    else:
        out(text)


def told_left_out(cid: str, summary: Summary, inputs: Inputs) -> Summary:
    """The summary of cluster ``cid``, its single-source note saying that other articles were given but left out
    (noted as skipped) when one was, as ``storyline.summarize`` says it, not that only one article was given."""
    if cid not in inputs.left_out:
        return summary
    told = tuple(api.SKIPPED_SINGLE_NOTE if n == api.SINGLE_SOURCE_NOTE else n for n in summary.notes)
    return replace(summary, notes=told)


def cluster_label(cid: str) -> str:
    """How a note on stderr names the cluster it belongs to, when there are several (a dataset's)."""
    return f"cluster {cid}"


def notes(each: Sequence[tuple[str, Sequence[str]]], inputs: Inputs) -> None:
    """The notes of the results (undated articles, a single source, ...), given as ``(label, notes)`` per result
    (a cluster's id, "story 3"). They are part of the document (its "Note:" lines, "> " in Markdown, ``notes`` in
    JSON), so they are repeated on stderr only when the document goes to a file (``-o``): on a terminal every note
    shows once. With several results each note names its own ("cluster b: article [2] printed a correction: ...");
    alone, "article [2]" of which cluster, and one cluster's note stood for the same words of every other."""
    if inputs.output is None:
        return
    several = len(each) > 1
    told = [f"{label}: {note}" if several else note for label, messages in each for note in messages]
    for note in dict.fromkeys(told):
        click.echo(printable(f"storyline: note: {note}"), err=True)


# What the undated-article note tells a user of the command line to do about it.
DATE_HINT = "; give one with --date YYYY-MM-DD (every undated input) or PATH@YYYY-MM-DD (one file)"
# A dataset file's cluster: PATH@DATE is refused for a dataset file, so only --date is offered.
DATASET_DATE_HINT = "; give one with --date YYYY-MM-DD (every undated input)"


def with_date_hint(analysis: Analysis, cluster_id: str = LOOSE) -> Analysis:
    """The analysis with its undated-article note saying how the command line gives a date to the articles
    of the cluster ``cluster_id`` (the loose articles', or a dataset's)."""
    return analysis_date_hint(analysis, DATE_HINT if cluster_id == LOOSE else DATASET_DATE_HINT)
