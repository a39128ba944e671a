"""``storyline group``: a stream of articles sorted into stories, each optionally summarized."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from .. import api, render
from ..errors import InputTooLargeError
from ..group import GroupingOptions, group_articles
from ..model import Article, Summary
from ..options import DEFAULT_WORDS, FORMATS, SummarizeOptions
from . import cli
from .inputs import (
    PATHS_COMMAND,
    emit,
    format_option,
    notes,
    output_format,
    output_option,
    progress,
    read_stream,
    skipped,
)

_DEFAULTS = GroupingOptions()

Story = tuple[tuple[Article, ...], Summary | None]


@cli.command(context_settings=PATHS_COMMAND)
@click.argument("paths", nargs=-1)
@click.option("--threshold", type=float, default=_DEFAULTS.threshold, show_default=True,
              help="Least similarity (0-1] for an article to join a story; higher splits more.")
@click.option("--window-days", type=int, default=_DEFAULTS.window_days, show_default=True,
              help="An article joins no story more than this many days from it (dated articles; 0: off).")
@click.option("--summarize", "with_summary", is_flag=True, help="Add each story's sourced summary.")
@click.option("--words", "-w", type=int, default=DEFAULT_WORDS, show_default=True,
              help="Most words in each summary (with --summarize).")
@click.option("--method", "-m", default="default", show_default=True,
              help="Selection method of the summaries (with --summarize; see summarize --list-methods).")
@format_option
@output_option
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Publication date of undated inputs (--window-days compares dates).")
@click.option("--sample", is_flag=True, help="Add the sample cluster shipped with storyline to the stream.")
@click.pass_context
def group(
    ctx: click.Context, paths: tuple[str, ...], threshold: float, window_days: int, with_summary: bool, words: int,
    method: str, fmt: str, output: str | None, date: str | None, sample: bool,
) -> None:
    """Sort the articles in PATHS into stories, taking them as a stream in the order given.

    Inputs are those of summarize (.txt, .md, .html, .mhtml, .webarchive, directories, - for stdin; every
    document of a .json/.jsonl dataset is one article of the stream, in file order). An article joins the story it is
    most similar to, or starts a new one. PATH@YYYY-MM-DD gives an article file (a directory's article
    files, or -) its publication date.
    """
    fmt = output_format(fmt, output, FORMATS)
    options = GroupingOptions(threshold=threshold, window_days=window_days)
    summary_options = SummarizeOptions(words=words, method=method)
    if not with_summary:
        given = [f"--{name}" for name in ("words", "method")
                 if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT]
        if given:
            raise click.UsageError(
                f"{' and '.join(given)} only appl{'y' if len(given) > 1 else 'ies'} with --summarize", ctx)
    inputs = read_stream(paths, sample=sample, date=date, output=output)
    # a long stream takes a while (about 1 ms an article, 45,895 undated articles in under a minute: see README)
    with progress(inputs.articles, "Grouping", at_least=PROGRESS_FROM) as articles:
        groups = group_articles(articles, options)
    with progress(groups if with_summary else [], "Summarizing") as each:
        summaries = [_summary(k, arts, summary_options) for k, arts in enumerate(each, 1)]
    stories: list[Story] = [(arts, summaries[k] if with_summary else None) for k, arts in enumerate(groups)]
    # A one-article story says so in its own summary; on stderr that note would only repeat itself.
    notes([n for _, s in stories if s for n in s.notes if n != api.SINGLE_SOURCE_NOTE], inputs)
    emit(render_stories(stories, options, fmt), inputs)


def _summary(story: int, articles: Sequence[Article], options: SummarizeOptions) -> Summary | None:
    """The story's summary; None, with a note, for a story over the cluster sentence limit (a long stream
    can grow one past it), so that the other stories are still answered."""
    try:
        return api.summarize_cluster(api.make_cluster(articles), options)
    except InputTooLargeError as exc:
        skipped(f"the summary of story {story}: {exc}")
        return None


# Streams shorter than this are grouped in well under a second: no progress bar.
PROGRESS_FROM = 500


def _count(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def render_stories(stories: Sequence[Story], options: GroupingOptions, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(stories_dict(stories, options), ensure_ascii=False, indent=2) + "\n"
    md = fmt == "md"
    parts = []
    for k, (arts, summary) in enumerate(stories, 1):
        head = f"# Story {k} — {_count(len(arts))}" if md else f"Story {k} — {_count(len(arts))}"
        lines = [head, ""] if md else [head]
        if summary is not None:  # the summary lists the sources itself, numbered within the story
            ids = ", ".join(a.id for a in arts)
            if len(arts) == 1:
                lines.append(f"Article {ids} of the stream")
            elif md:  # Markdown sources are footnotes
                lines.append(f"Articles {ids} of the stream; below, they are the footnotes of its summary")
            else:
                lines.append(f"Articles {ids} of the stream; below, its sources are numbered [1] to [{len(arts)}]")
        else:
            # In Markdown "- 1. ..." would be an ordered list inside a bullet: the number is bold text.
            for a in arts:
                lines.append(f"- **{a.id}.** {render.md_escape(render.describe(a))}" if md
                             else f"  {a.id:>3}. {render.describe(a)}")
        # Titles and sources come from the articles: no control character in them may reach a terminal.
        part = render.printable("\n".join(lines) + "\n")
        if summary is not None:
            rendered = render.render(summary, fmt)
            part += "\n" + (render.footnotes_apart(rendered, str(k)) if md else rendered)
        parts.append(part)
    return "\n".join(parts)


def stories_dict(stories: Sequence[Story], options: GroupingOptions) -> dict[str, Any]:
    return {
        "stories": [
            {
                "story": k,
                "articles": [render.article_dict(a) for a in arts],
                "summary": None if summary is None else render.to_dict(summary),
            }
            for k, (arts, summary) in enumerate(stories, 1)
        ],
        "threshold": options.threshold,
        "window_days": options.window_days,
    }
