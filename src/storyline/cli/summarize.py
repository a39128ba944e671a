"""``storyline summarize``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from .. import api, render
from ..model import Summary
from ..options import DEFAULT_WORDS, FORMATS, MAX_WORDS, SummarizeOptions
from . import cli, out
from .inputs import (
    PATHS_COMMAND,
    cluster_label,
    date_option,
    emit,
    format_option,
    notes,
    output_format,
    output_option,
    progress,
    read_inputs,
    render_many,
    summarize_and_analyze_all,
    told_left_out,
    with_date_hint,
)


@cli.command(context_settings=PATHS_COMMAND)
@click.argument("paths", nargs=-1)
@click.option("--words", "-w", type=int, default=DEFAULT_WORDS, show_default=True,
              help=f"Most words in the summary: whole sentences, at most {MAX_WORDS}.")
@format_option
@click.option("--method", "-m", default="default", show_default=True, help="Selection method (see --list-methods).")
@output_option
@click.option("--sample", is_flag=True, help="Summarize the sample cluster shipped with storyline (no PATHS).")
@click.option("--list-methods", is_flag=True, help="List the selection methods and exit.")
@click.option("--analysis", "with_analysis", is_flag=True,
              help="Add the story analysis (see storyline analyze); its Agreement may add sources to the sentences.")
@date_option
def summarize(
    paths: tuple[str, ...], words: int, fmt: str, method: str, output: str | None, sample: bool, list_methods: bool,
    with_analysis: bool = False, date: str | None = None,
) -> None:
    """Summarize the articles in PATHS (.txt, .md, .html, .json/.jsonl, directories, or - for stdin).

    A page saved whole (.mhtml, Safari's .webarchive) is read as its HTML. Every sentence is marked with
    the sources that carry it, like [1][3]. PATH@YYYY-MM-DD gives an article file (a directory's article
    files, or -) its publication date. An email saved whole (.eml) is read as its message.
    """
    from .. import methods

    if list_methods:
        out("".join(f"{name:10} {methods.get(name).description}\n" for name in methods.names()))
        return
    fmt = output_format(fmt, output, FORMATS)
    options = SummarizeOptions(words=words, method=method)
    inputs = read_inputs(paths, sample=sample, date=date, output=output)
    if not with_analysis:
        with progress(inputs.clusters, "Summarizing") as clusters:
            results = [(cid, told_left_out(cid, api.summarize_cluster(c, options), inputs)) for cid, c in clusters]
        notes([(cluster_label(cid), s.notes) for cid, s in results], inputs)
        emit(render_many(results, fmt, render.render, render.to_dict), inputs)
        return
    from ..analysis import render as arender

    # The summary names the sources the analysis finds for its sentences too (``api.summarize_with_analysis``);
    # a note both tell (an outlet's correction) is told once, by the summary.
    made = summarize_and_analyze_all(inputs.clusters, options)
    told = [(cid, told_left_out(cid, m.summary, inputs), m.analysis) for cid, m in made]
    both = [(cid, (s, _told_once(with_date_hint(a, cid), s))) for cid, s, a in told]
    # The document carries the analysis's notes too (an undated article): with -o, stderr repeats them all.
    notes([(cluster_label(cid), (*s.notes, *a.notes)) for cid, (s, a) in both], inputs)

    def one(pair: tuple[Any, Any], f: str) -> str:
        summary, analysis = pair
        if f == "json":
            import json

            return json.dumps(combined(pair), ensure_ascii=False, indent=2)
        # The summary lists the sources; the analysis numbers them the same way (the cluster's order).
        return render.render(summary, f) + "\n" + arender.render(analysis, f, sources=False)

    def combined(pair: tuple[Summary, Any]) -> dict[str, Any]:
        return {**render.to_dict(pair[0]), "analysis": arender.to_dict(pair[1])}

    emit(render_many(both, fmt, one, combined), inputs)


def _told_once(analysis: Any, summary: Summary) -> Any:
    """The analysis without the notes the summary shown above it tells already."""
    return replace(analysis, notes=tuple(n for n in analysis.notes if n not in summary.notes))
