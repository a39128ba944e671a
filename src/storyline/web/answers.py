"""The JSON answers of the API's smaller routes, as OpenAPI schemas: what ``/openapi.json`` and ``/docs`` say a
route answers (they said only "an object"), so that a client made from the schema knows the fields. They describe
the answers, they do not make them: the routes build their dicts, and a test holds each answer to its model."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class StoryListItemOut(BaseModel):
    id: str
    created: str = Field(description="When it was made (UTC, ISO 8601)")
    updated: str | None = Field(description="When it was last edited; null: never")
    title: str
    article_count: int


class _Page(BaseModel):
    total: int = Field(description="How many there are in all")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last page")


class StoryListOut(_Page):
    """A page of the stories, newest first."""

    stories: list[StoryListItemOut]


class StoryEditedOut(BaseModel):
    """A story after an edit (renamed)."""

    id: str
    title: str
    article_count: int
    updated: str | None = Field(description="When it was last edited")


class StoryArticleAddedOut(StoryEditedOut):
    """A story after an article was added to it (or found in it already: ``repeated``)."""

    article: str = Field(description="The article's id in the story")
    repeated: bool = Field(description="The story had this article already (a retry): not added again")


class StoryArticleRemovedOut(StoryEditedOut):
    """A story after an article was removed from it."""

    article: str = Field(description="The id the removed article had in the story")
    removed: bool


class StoryDeletedOut(BaseModel):
    """The story deleted, as it was."""

    id: str
    title: str
    article_count: int
    deleted: bool


class PostedOut(BaseModel):
    """Where a stream article went."""

    article: str = Field(description="The article's id in the stream")
    story: int = Field(description="The stream story it is in, numbered from 1")
    new_story: bool = Field(description="It began that story")
    similarity: float = Field(description="How like the story it was (0 for a story it began)")
    story_articles: int = Field(description="The articles that story has now")
    repeated: bool = Field(description="Posted before exactly so (a retry): not stored again")


class CorrectedOut(BaseModel):
    """Where a corrected stream article went, and the story it was in before."""

    article: str
    story: int
    new_story: bool
    similarity: float
    story_articles: int
    previous_story: int
    previous_story_articles: int = Field(description="The articles that story has now (0: it is gone)")
    moved: bool
    changed: bool = Field(description="False when the correction left the article as it was stored")


class RemovedOut(BaseModel):
    """The story a stream article left."""

    article: str
    story: int
    story_articles: int = Field(description="The articles that story has left")
    story_removed: bool = Field(description="It had no other: it is no longer listed")


class StreamStoryArticleOut(BaseModel):
    """A stream article as its story's listing gives it: its place in the stream and its metadata, named as the
    summary JSON's ``articles`` name them (``author`` and ``words`` included), then its cleaned text."""

    id: str
    position: int = Field(description="Its place in the stream, from 1")
    created: str
    updated: str | None = Field(description="When it was corrected; null: never")
    title: str
    source: str
    url: str
    author: str = Field(description="Its author (a header's author:, a page's byline); empty: not given")
    date: str | None
    date_line: str | None = Field(description="The line of the page text its date was read from; null: none")
    similarity: float
    teaser: bool
    corrections: list[str]
    paged: bool
    words: int = Field(description="The words of its cleaned text, as the summary JSON's articles count them")
    text: str = Field("", description="The cleaned text the summary's spans point into; left out with text=false")


class StreamArticleOut(StreamStoryArticleOut):
    """A stream article, as its story's listing gives it, with the story it is in."""

    story: int
    text: str = Field(description="The cleaned text the summary's spans point into")


class StreamStoryOut(_Page):
    """A stream story: a page of its articles in arrival order and the summary of the whole story."""

    story: int
    article_count: int
    articles: list[StreamStoryArticleOut]
    summary: dict[str, Any] | None = Field(
        description="The summarize JSON with evidence (docs/usage.md, JSON output), each sentence with source_count "
                    "and corroborated_count; null when not even the latest article fits the cluster limit")
    summary_sources: Literal["page", "all"] = Field(
        description="Which articles the summary names: this page's and those its sentences come from, or all")
    summarized_articles: int = Field(description="How many of the latest articles the summary is of")
    note: str | None = Field(description="Why the summary is not of every article; null when it is")


class StreamStoryItemOut(BaseModel):
    story: int
    article_count: int
    first_title: str
    latest_title: str
    first_date: str | None
    latest_date: str | None
    created: str = Field(description="When its first article arrived")
    updated: str = Field(description="When its latest article arrived, or was corrected")


class StreamListOut(_Page):
    """A page of the stream's stories, newest first."""

    stories: list[StreamStoryItemOut]


class HealthOut(BaseModel):
    status: str
    queued: int = Field(description="Submissions queued or being summarized")
    queue_limit: int = Field(description="How many may be, past which a submission is a 503")
    storyline_version: str = Field(description="The storyline the server runs")
    schema_version: int = Field(description="The form of the JSON it answers with (docs/usage.md, JSON output)")


class SchemaListOut(BaseModel):
    schemas: list[str] = Field(description="The documents whose JSON Schema GET /api/schema/{name} gives")
    storyline_version: str = Field(description="The storyline the server runs")
    schema_version: int = Field(description="The form of the JSON it answers with (docs/usage.md, JSON output)")
