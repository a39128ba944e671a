"""``storyline analyze``: agreement, disagreement, quotes, people, timeline and only-here content.

Inputs are those of ``summarize``. Relative dates need a publication date: ``--date 2018-12-03``
applies to every undated input, and ``PATH@2018-12-03`` dates one file (it wins over ``--date``).
"""

from __future__ import annotations

import click

from ..analysis import render as arender
from ..options import FORMATS
from . import cli
from .inputs import (
    PATHS_COMMAND,
    analyze_all,
    cluster_label,
    date_option,
    emit,
    format_option,
    notes,
    output_format,
    output_option,
    read_inputs,
    render_many,
)


@cli.command(context_settings=PATHS_COMMAND)
@click.argument("paths", nargs=-1)
@format_option
@output_option
@date_option
@click.option("--sample", is_flag=True, help="Analyze the sample cluster shipped with storyline (alone: no PATHS).")
def analyze(paths: tuple[str, ...], fmt: str, output: str | None, date: str | None, sample: bool) -> None:
    """Analyze the articles in PATHS: what they agree on, where they disagree, who is quoted, who and
    what is involved, when things happened, and what only one article reports.

    Inputs are those of summarize (.txt, .md, .html, .mhtml, .webarchive, .eml, .json/.jsonl, directories, or -
    for stdin).
    PATH@YYYY-MM-DD gives an article file (a directory's article files, or -) its publication date;
    --date dates every input that has none.

    Every item is marked with the sources that carry it, like [1][3].
    """
    fmt = output_format(fmt, output, FORMATS)
    inputs = read_inputs(paths, sample=sample, date=date, output=output)
    results = analyze_all(inputs.clusters)
    notes([(cluster_label(cid), a.notes) for cid, a in results], inputs)
    emit(render_many(results, fmt, arender.render, arender.to_dict), inputs)
