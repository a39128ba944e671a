"""What every command that reads articles shares: turning PATHS into clusters (read and cleaned once),
the ``--date`` option, and writing the result (stdout, or ``-o FILE`` atomically, never over an input).

A PATH is a text/HTML file, a dataset file (.json/.jsonl, one cluster per line), a directory of those,
``-`` for standard input, or ``PATH@YYYY-MM-DD`` to give one file its publication date.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import api
from ..errors import OptionsError
from ..files import write_atomic
from ..ingest import DocumentSet, decode, is_dataset_name, parse_dataset, read_dataset
from ..model import Article, Cluster

T = TypeVar("T")

# The publication date given to undated inputs: the base for relative dates ("Monday", "last year").
date_option = click.option(
    "--date", "date", metavar="YYYY-MM-DD",
    help="Publication date of undated inputs: the base for relative dates in the analysis.",
)
_AT_DATE = re.compile(r"^(?P<path>.+)@(?P<date>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Inputs:
    """The clusters named on the command line (the loose articles form one, each dataset line another)
    and the files read, which ``-o`` must never overwrite."""

    clusters: list[tuple[str, Cluster]]
    files: list[Path]


def split_dates(paths: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """``PATH@YYYY-MM-DD`` → the path, and its date keyed by path (a real file named so wins)."""
    plain, dated = [], {}
    for p in paths:
        m = _AT_DATE.match(p)
        if m and not Path(p).exists():
            api.with_date([], m.group("date"))  # raises OptionsError for an impossible date
            plain.append(m.group("path"))
            dated[m.group("path")] = m.group("date")
        else:
            plain.append(p)
    return plain, dated


def _read_stdin() -> tuple[list[DocumentSet], list[api.ArticleLike]]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise OptionsError("standard input is empty")
    if data.lstrip()[:1] in (b"{", b"["):
        return list(parse_dataset(data, "<stdin>.jsonl")), []
    return [], [decode(data, "<stdin>")]


def gather(paths: Sequence[str]) -> tuple[list[DocumentSet], list[api.ArticleLike], list[Path]]:
    """Split the command line into dataset clusters and loose articles (one cluster)."""
    sets: list[DocumentSet] = []
    loose: list[api.ArticleLike] = []
    files: list[Path] = []
    for p in paths:
        if p == "-":
            s, a = _read_stdin()
            sets += s
            loose += a
            continue
        for f in api.read_paths([p]):
            files.append(f)
            if is_dataset_name(f.name):
                sets.extend(read_dataset(f))
            else:
                loose.append(f)
    if sets and loose:
        raise OptionsError("give either dataset files (.json/.jsonl) or article files, not both at once")
    return sets, loose, files


def _dated(articles: list[Article], by_origin: dict[str, str], date: str | None) -> list[Article]:
    articles = [replace(a, date=by_origin[a.origin]) if a.origin in by_origin else a for a in articles]
    return api.with_date(articles, date)


def read_inputs(paths: Sequence[str], *, sample: bool = False, date: str | None = None) -> Inputs:
    """Read, clean and cluster everything named on the command line, once."""
    if date is not None:
        api.with_date([], date)  # an impossible date fails before any work
    if sample:
        paths = [*paths, *(str(p) for p in api.sample_paths())]
    if not paths:
        raise OptionsError("no input: give article files, a directory, - for stdin, or --sample")
    plain, dated = split_dates(paths)
    sets, loose, files = gather(plain)
    by_origin = {str(f): d for p, d in dated.items() for f in api.read_paths([p])}
    clusters: list[tuple[str, Cluster]] = []
    if loose:
        clusters.append(("articles", api.make_cluster(_dated(api.load_articles(loose), by_origin, date))))
    # Many clusters take a while: show progress on a terminal, stay silent in pipes and logs.
    show = len(sets) > 1 and sys.stderr.isatty()
    with click.progressbar(sets, label="Reading", file=sys.stderr, hidden=not show) as bar:
        for ds in bar:
            # In a dataset, an article that cleaning empties is skipped, not fatal.
            articles = _dated(api.load_articles(ds.articles, strict=False), by_origin, date)
            clusters.append((ds.id, api.make_cluster(articles)))
    return Inputs(clusters, files)


def render_many(
    results: list[tuple[str, T]], fmt: str, render_one: Callable[[T, str], str], to_dict: Callable[[T], dict[str, Any]]
) -> str:
    """One result as the format asks; several as sections (text, md) or JSON Lines with their ids."""
    if len(results) == 1:
        return render_one(results[0][1], fmt)
    if fmt == "json":
        return "".join(json.dumps({"id": cid, **to_dict(r)}, ensure_ascii=False) + "\n" for cid, r in results)
    head = "# {}\n\n" if fmt == "md" else "=== {} ===\n"
    return "\n".join(head.format(cid) + render_one(r, fmt) for cid, r in results)


def emit(text: str, output: str | None, inputs: Inputs) -> None:
    if output:
        write_atomic(output, text, protect=inputs.files)
    else:
        click.echo(text, nl=False)


def notes(messages: Sequence[str]) -> None:
    for note in dict.fromkeys(messages):
        click.echo(f"storyline: note: {note}", err=True)
