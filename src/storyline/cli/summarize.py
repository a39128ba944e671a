"""``storyline summarize``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import api, render
from ..errors import OptionsError
from ..files import write_atomic
from ..ingest import DocumentSet, decode, is_dataset_name, parse_dataset, read_dataset
from ..model import Summary
from ..options import DEFAULT_WORDS, FORMATS, SummarizeOptions
from . import cli

# One --date for every command that analyses: the publication date given to undated inputs, the base
# for relative dates ("Monday", "last year").
date_option = click.option(
    "--date", "date", metavar="YYYY-MM-DD",
    help="Publication date of undated inputs: the base for relative dates in the analysis.",
)


def _read_stdin() -> tuple[list[DocumentSet], list[api.ArticleLike]]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise OptionsError("standard input is empty")
    if data.lstrip()[:1] in (b"{", b"["):
        return list(parse_dataset(data, "<stdin>.jsonl")), []
    return [], [decode(data, "<stdin>")]


def gather(paths: tuple[str, ...]) -> tuple[list[DocumentSet], list[api.ArticleLike], list[Path]]:
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


def _render_many(results: list[tuple[str, Summary]], fmt: str) -> str:
    if len(results) == 1:
        return render.render(results[0][1], fmt)
    if fmt == "json":
        import json

        return "".join(json.dumps({"id": cid, **render.to_dict(s)}, ensure_ascii=False) + "\n" for cid, s in results)
    head = "# {}\n\n" if fmt == "md" else "=== {} ===\n"
    return "\n".join(head.format(cid) + render.render(s, fmt) for cid, s in results)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--words", "-w", type=int, default=DEFAULT_WORDS, show_default=True, help="Most words in the summary.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--method", "-m", default="default", show_default=True, help="Selection method (see --list-methods).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--sample", is_flag=True, help="Summarize the sample cluster shipped with storyline.")
@click.option("--list-methods", is_flag=True, help="List the selection methods and exit.")
@click.option("--analysis", "with_analysis", is_flag=True, help="Add the story analysis (see storyline analyze).")
@date_option
def summarize(
    paths: tuple[str, ...], words: int, fmt: str, method: str, output: str | None, sample: bool, list_methods: bool,
    with_analysis: bool = False, date: str | None = None,
) -> None:
    """Summarize the articles in PATHS (.txt, .md, .html, .json/.jsonl, directories, or - for stdin).

    Every sentence is marked with the sources that carry it, like [1][3].
    """
    from .. import methods

    if list_methods:
        for name in methods.names():
            click.echo(f"{name:10} {methods.get(name).description}")
        return
    options = SummarizeOptions(words=words, method=method)
    if date is not None:
        api.with_date([], date)  # an impossible date fails before any work, with or without --analysis
    if sample:
        paths = paths + tuple(str(p) for p in api.sample_paths())
    if not paths:
        raise OptionsError("no input: give article files, a directory, - for stdin, or --sample")
    sets, loose, files = gather(paths)
    results: list[tuple[str, Summary]] = []
    if loose:
        results.append(("articles", api.summarize(loose, options=options)))
    # Many clusters take a while: show progress on a terminal, stay silent in pipes and logs.
    show = len(sets) > 1 and sys.stderr.isatty()
    with click.progressbar(sets, label="Summarizing", file=sys.stderr, hidden=not show) as bar:
        for ds in bar:
            results.append((ds.id, api.summarize_documents(ds, options)))
    for _, s in results:
        for note in s.notes:
            click.echo(f"storyline: note: {note}", err=True)
    if with_analysis:
        from .analyze import analyses_of, with_summaries

        text = with_summaries(results, analyses_of(sets, loose, date), fmt)
    else:
        text = _render_many(results, fmt)
    if output:
        write_atomic(output, text, protect=files)
    else:
        click.echo(text, nl=False)
