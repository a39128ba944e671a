"""The server's stream: articles posted one at a time, each put into a story as it arrives.

One :class:`storyline.group.StoryGrouper` holds the stream's state in memory; the store holds the articles.
At startup the grouper is rebuilt by adding the stored articles again in arrival order (the grouper decides
each article from the ones before it, so the same order gives the same stories). Posting an article assigns
it and stores it under one lock, so concurrent posts are decided one after another, each against all the
articles stored before it, and the grouper never holds an article the store does not.

One server process owns a database's stream: a second process on the same file would keep its own grouper.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Any

from ..group import GroupingOptions, StoryGrouper
from ..model import Article
from .store import Store, StreamArticle


@dataclass(frozen=True, slots=True)
class Posted:
    article: StreamArticle
    new_story: bool
    story_articles: int  # the story's articles, this one included

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.id,
            "story": self.article.story,
            "new_story": self.new_story,
            "similarity": self.article.similarity,
            "story_articles": self.story_articles,
        }


def _article(row: StreamArticle | dict[str, Any]) -> Article:
    """What the grouper sees of a stream article: built the same way when it is posted and when the grouper
    is rebuilt from the store."""
    d = row if isinstance(row, dict) else {k: getattr(row, k) for k in ("id", "text", "title", "source", "date", "url")}
    return Article(id=str(d["id"]), text=str(d["text"]), title=d.get("title") or "", source=d.get("source") or "",
                   date=d.get("date"), url=d.get("url") or "")


class Stream:
    """The stream of one store. ``post`` is safe to call from several threads at once."""

    def __init__(self, store: Store, options: GroupingOptions | None = None) -> None:
        self.store = store
        self.options = options or GroupingOptions()
        self._lock = threading.Lock()
        self._sizes: list[int] = []  # articles per story, by story number - 1
        self._grouper = self._rebuild()

    def _rebuild(self) -> StoryGrouper:
        """The grouper of the stored stream: every stored article back in its stored story, in arrival
        order (what was answered stands, even if a later version of the grouping would decide otherwise)."""
        grouper = StoryGrouper(self.options)
        sizes: list[int] = []
        for row in self.store.stream_articles():
            got = grouper.restore(_article(row), row.story - 1)
            if got.new:
                sizes.append(0)
            sizes[got.story] += 1
        self._sizes = sizes
        return grouper

    def post(self, cleaned: Article) -> Posted:
        """Assign a cleaned article to a story and store it; both happen, or neither."""
        row = {"id": secrets.token_hex(6), "text": cleaned.text, "title": cleaned.title, "source": cleaned.source,
               "url": cleaned.url, "date": cleaned.date, "origin": cleaned.origin}
        with self._lock:
            got = self._grouper.add(_article(row))
            try:
                stored = self.store.add_stream_article(row, story=got.story + 1, similarity=got.similarity)
            except BaseException:
                self._grouper = self._rebuild()  # the grouper took an article the store did not: start again
                raise
            if got.new:
                self._sizes.append(0)
            self._sizes[got.story] += 1
            return Posted(stored, got.new, self._sizes[got.story])

    def __len__(self) -> int:
        return len(self._grouper)
