"""``storyline analyze``: agreement, disagreement, quotes, people, timeline and only-here content.

Inputs are those of ``summarize``. Relative dates need a publication date: ``--date 2018-12-03``
applies to every undated input, and ``PATH@2018-12-03`` dates one file (it wins over ``--date``).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import click

from .. import api, render
from ..analysis import analyze_cluster
from ..analysis import render as arender
from ..analysis.model import Analysis
from ..errors import OptionsError
from ..files import write_atomic
from ..ingest import DocumentSet
from ..model import Summary
from ..options import FORMATS
from . import cli
from .summarize import date_option, gather

_AT_DATE = re.compile(r"^(?P<path>.+)@(?P<date>\d{4}-\d{2}-\d{2})$")


def split_dates(paths: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str]]:
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
    return tuple(plain), dated


def analyses(paths: tuple[str, ...], date: str | None) -> list[tuple[str, Analysis]]:
    """One analysis per cluster on the command line: the loose articles, then each dataset cluster."""
    if date is not None:
        api.with_date([], date)
    plain, dated = split_dates(paths)
    for d in dated.values():
        api.with_date([], d)
    sets, loose, _ = gather(plain)
    by_origin = {}
    for p, d in dated.items():
        for f in api.read_paths([p]):
            by_origin[str(f)] = d
    return analyses_of(sets, loose, date, by_origin)


def analyses_of(
    sets: list[DocumentSet], loose: list[api.ArticleLike], date: str | None, by_origin: dict[str, str] | None = None
) -> list[tuple[str, Analysis]]:
    """Analyses of what :func:`gather` read: the loose articles as one cluster, then each dataset cluster.
    ``by_origin`` dates single files (by path); ``date`` dates every other undated article."""
    out = []
    if loose:
        articles = api.load_articles(loose)
        articles = [a if a.origin not in (by_origin or {}) else replace(a, date=by_origin[a.origin])  # type: ignore[index]
                    for a in articles]
        out.append(("articles", analyze_cluster(api.make_cluster(api.with_date(articles, date)))))
    for ds in sets:
        articles = api.with_date(api.load_articles(ds.articles), date)
        out.append((ds.id, analyze_cluster(api.make_cluster(articles))))
    return out


def render_many(results: list[tuple[str, Analysis]], fmt: str) -> str:
    if len(results) == 1:
        return arender.render(results[0][1], fmt)
    if fmt == "json":
        return "".join(json.dumps({"id": c, **arender.to_dict(a)}, ensure_ascii=False) + "\n" for c, a in results)
    head = "# {}\n\n" if fmt == "md" else "=== {} ===\n"
    return "\n".join(head.format(c) + arender.render(a, fmt) for c, a in results)


def with_summaries(summaries: list[tuple[str, Summary]], found: list[tuple[str, Analysis]], fmt: str) -> str:
    """``summarize --analysis``: each summary followed by its analysis; in JSON under "analysis"."""
    pairs = list(zip(summaries, found, strict=True))
    if fmt == "json":
        docs = [{"id": cid, **render.to_dict(s), "analysis": arender.to_dict(a)} for (cid, s), (_, a) in pairs]
        if len(docs) == 1:
            docs[0].pop("id")
            return json.dumps(docs[0], ensure_ascii=False, indent=2)
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    head = "# {}\n\n" if fmt == "md" else "=== {} ===\n"
    parts = [render.render(s, fmt) + "\n" + arender.render(a, fmt) for (_, s), (_, a) in pairs]
    if len(parts) == 1:
        return parts[0]
    return "\n".join(head.format(cid) + p for ((cid, _), p) in zip(summaries, parts, strict=True))


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@date_option
@click.option("--sample", is_flag=True, help="Analyze the sample cluster shipped with storyline.")
def analyze(paths: tuple[str, ...], fmt: str, output: str | None, date: str | None, sample: bool) -> None:
    """Analyze the articles in PATHS: what they agree on, where they disagree, who is quoted, who and
    what is involved, when things happened, and what only one article reports.

    Every item is marked with the sources that carry it, like [1][3].
    """
    if sample:
        paths = paths + tuple(str(p) for p in api.sample_paths())
    if not paths:
        raise OptionsError("no input: give article files, a directory, - for stdin, or --sample")
    results = analyses(paths, date)
    for _, a in results:
        for note in a.notes:
            click.echo(f"storyline: note: {note}", err=True)
    text = render_many(results, fmt)
    if output:
        files = api.read_paths([p for p in split_dates(paths)[0] if p != "-"])
        write_atomic(output, text, protect=files)
    else:
        click.echo(text, nl=False)
