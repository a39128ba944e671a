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
from ..options import DEFAULT_WORDS, FORMATS, MAX_WORDS, SummarizeOptions
from ..version import stamp
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
              help=f"Most words in each summary (with --summarize): whole sentences, at most {MAX_WORDS}.")
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

    Inputs are those of summarize (.txt, .md, .html, .mhtml, .webarchive, .eml, directories, - for stdin; every
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
    # a long stream takes a while (about 1 ms an article, 45,895 undated articles in under a minute:
    # see docs/grouping.md)
    with progress(inputs.articles, "Grouping", at_least=PROGRESS_FROM) as articles:
        groups = group_articles(articles, options)
    with progress(groups if with_summary else [], "Summarizing") as each:
        summaries = [_summary(k, arts, summary_options) for k, arts in enumerate(each, 1)]
    stories: list[Story] = [(arts, summaries[k] if with_summary else None) for k, arts in enumerate(groups)]
    # A one-article story says so in its own summary; on stderr that note would only repeat itself.
    told = [(f"story {k}", [n for n in s.notes if n != api.STORY_SINGLE_NOTE] if s else []) for k, (_, s) in
            enumerate(stories, 1)]
    notes(told, inputs)
    emit(render_stories(stories, options, fmt), inputs)


def _summary(story: int, articles: Sequence[Article], options: SummarizeOptions) -> Summary | None:
    """The story's summary; None, with a note, for a story over the cluster sentence limit (a long stream
    can grow one past it), so that the other stories are still answered."""
    try:
        summary = api.summarize_cluster(api.make_cluster(articles), options)
    except InputTooLargeError as exc:
        skipped(f"the summary of story {story}: {exc}")
        return None
    return api.as_stream_story(summary)


# Streams shorter than this are grouped in well under a second: no progress bar.
PROGRESS_FROM = 500


def _count(n: int, one: str = "article", many: str = "articles") -> str:
    return f"{n} {one if n == 1 else many}"


def story_title(articles: Sequence[Article]) -> str:
    """What a story is called in the listing: the title of its first article that has one, else the opening
    words of its first article (a list of file names and numbers alone did not say which story was which)."""
    return next((a.title for a in articles if a.title), None) or render.opening(articles[0].text)


def story_dates(articles: Sequence[Article]) -> tuple[str, str] | None:
    """The first and last day of the story's dated articles; None when none is dated."""
    days = sorted(a.date[:10] for a in articles if a.date)
    return (days[0], days[-1]) if days else None


def _heading(k: int, articles: Sequence[Article]) -> str:
    """``Story 2 (4 articles, 2026-03-03 to 2026-03-09): “Ruth Kessler wins Lindenfeld mayoral race”``: a
    title in quotation marks, the opening words of an article (when none has a title) without."""
    about = [_count(len(articles))]
    dates = story_dates(articles)
    if dates:
        about.append(dates[0] if dates[0] == dates[1] else f"{dates[0]} to {dates[1]}")
    title = story_title(articles)
    return f"Story {k} ({', '.join(about)}): " + (f"“{title}”" if any(a.title for a in articles) else title)


def _article_line(article: Article) -> str:
    """An article as the listing names it: outlet, title and date, and the opening words of an article without
    a title (a file name alone says nothing of what it tells)."""
    line = render.describe(article)
    return line if article.title else f"{line}: {render.opening(article.text)}"


def render_stories(stories: Sequence[Story], options: GroupingOptions, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(stories_dict(stories, options), ensure_ascii=False, indent=2) + "\n"
    md = fmt == "md"
    n = sum(len(arts) for arts, _ in stories)
    alone = sum(len(arts) == 1 for arts, _ in stories)
    total = f"{_count(n)} in {_count(len(stories), 'story', 'stories')}"
    if alone and alone < len(stories):
        total += f" ({alone} of a single article)"
    parts = [] if md else [total + "\n"]  # (a Markdown document begins with its first story's heading)
    for k, (arts, summary) in enumerate(stories, 1):
        head = _heading(k, arts)
        lines = [f"# {render.md_escape(head)}", ""] if md else [head]
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
                lines.append(f"- **{a.id}.** {render.md_escape(_article_line(a))}" if md
                             else f"  {a.id:>3}. {_article_line(a)}")
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
                "title": story_title(arts),
                "first_date": (story_dates(arts) or (None, None))[0],
                "last_date": (story_dates(arts) or (None, None))[1],
                # the same day, by the name the server's stream listing (GET /api/stream/stories) gives it
                "latest_date": (story_dates(arts) or (None, None))[1],
                "articles": [render.article_dict(a) for a in arts],
                "summary": None if summary is None else render.to_dict(summary),
            }
            for k, (arts, summary) in enumerate(stories, 1)
        ],
        "threshold": options.threshold,
        "window_days": options.window_days,
        **stamp(),
    }
