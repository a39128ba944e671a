"""The server's stream: articles posted one at a time, each put into a story as it arrives.

One :class:`storyline.group.StoryGrouper` holds the stream's state in memory; the store holds the articles.
At startup the grouper is rebuilt by putting each stored article back into its stored story, in arrival order
(``StoryGrouper.restore``: what was answered stands), from the grouper's state the server saved when it last
stopped (``Stream.save``), when there is one: only the articles stored after it are put back (a restore
replays the comparisons each article made, about 1.3 ms an article, minutes for a stream of 100,000).
Posting an article assigns it and stores it under one lock, so concurrent posts are decided one after
another, each against all the articles stored before it, and the grouper never holds an article the store does not.

An article posted again with the same cleaned text, title, source, URL and date (a client retrying a post
whose answer it did not get) is not stored twice: the answer is the stored article's, marked ``repeated``.
The same text from another outlet or under another URL is another article (a wire copy, which summaries
merge as a near-duplicate).

The grouper is told the day each article arrived (the store's ``created``, taken once for both), so that a
date far past it (a mistyped year) does not move the stream's clock, before or after a restart.

One server process owns a database's stream: a second process on the same file would keep its own grouper.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import OptionsError
from ..group import GroupingOptions, StoryGrouper
from ..model import Article
from .store import Store, StreamArticle, now


@dataclass(frozen=True, slots=True)
class Posted:
    """Where a posted article went: its id, its story (from 1) and similarity, whether it began the story, the
    story's articles now (this one included), and whether it had been stored before (a retry)."""

    article: str
    story: int
    similarity: float
    new_story: bool
    story_articles: int
    repeated: bool = False  # the same article was stored before: nothing was stored now

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "story": self.story,
            "new_story": self.new_story,
            "similarity": self.similarity,
            "story_articles": self.story_articles,
            "repeated": self.repeated,
        }


FIELDS = ("id", "text", "title", "source", "url", "date", "origin")  # what a stream article is made of


def fields(row: StreamArticle) -> dict[str, Any]:
    """The stored article's ``FIELDS`` (what a worker process is sent to summarize it)."""
    return {k: getattr(row, k) for k in FIELDS}


def stored_article(d: Mapping[str, Any]) -> Article:
    """The ``Article`` of a stream article's ``FIELDS``: built the same way when it is posted, when the grouper
    is rebuilt from the store and when a story is summarized (its text is already clean)."""
    return Article(id=str(d["id"]), text=str(d["text"]), title=d.get("title") or "", source=d.get("source") or "",
                   date=d.get("date") or None, url=d.get("url") or "", origin=d.get("origin") or "")


def _article(row: StreamArticle | Mapping[str, Any]) -> Article:
    return stored_article(row if isinstance(row, Mapping) else fields(row))


_SAME = ("text", "title", "source", "url", "date")  # an article posted again has all of these alike
# A retry comes soon after the post it repeats: the latest this many stored articles are recognised (about
# 150 bytes each), one posted again after that many others is stored again.
RETRY_WINDOW = 10_000


def _received(created: str) -> date:
    """The (UTC) day of a stored arrival: an article dated more than a day after it is dated wrong, and its
    date does not move the stream's clock (``StoryGrouper``)."""
    return date.fromisoformat(created[:10])


def _digest(row: StreamArticle | Mapping[str, Any]) -> bytes:
    values = [row.get(k) if isinstance(row, Mapping) else getattr(row, k) for k in _SAME]
    return hashlib.sha256(json.dumps([v or "" for v in values], ensure_ascii=False).encode()).digest()


class Stream:
    """The stream of one store. ``post`` is safe to call from several threads at once."""

    def __init__(self, store: Store, options: GroupingOptions | None = None) -> None:
        self.store = store
        self.options = options or GroupingOptions()
        self._lock = threading.Lock()
        # what each of the latest ``RETRY_WINDOW`` stored articles' posts answered, by its digest (``_SAME``):
        # a few numbers, not the article, and not for every article ever stored, so that a long-running
        # stream's memory stays that of its live stories
        self._seen: OrderedDict[bytes, Posted] = OrderedDict()
        self.restored = 0  # the stored articles the latest rebuild put back one by one (not in a saved state)
        self._grouper = self._rebuild()

    def _rebuild(self) -> StoryGrouper:
        """The grouper of the stored stream: the state saved last (``save``), when it still matches the stored
        stream and was saved by this grouping with these options, then every stored article after it back in
        its stored story, in arrival order (what was answered stands, even if a later version of the grouping
        would decide otherwise). Without a usable saved state, every stored article is put back."""
        grouper, after = self._saved()
        for row in self.store.stream_articles(after=after):
            grouper.restore(_article(row), row.story - 1, received=_received(row.created))
        self.restored = self.store.stream_end()[0] - after
        self._seen = OrderedDict()
        for row, began in self.store.stream_latest(RETRY_WINDOW):
            self._remember(_digest(row), Posted(row.id, row.story, row.similarity, began, 0))
        return grouper

    def _saved(self) -> tuple[StoryGrouper, int]:
        """The saved grouper and the position of the last article it holds; else a new one and 0."""
        saved = self.store.stream_state()
        if saved is not None:
            position, state = saved
            try:
                grouper = StoryGrouper.from_state(json.loads(state), self.options)
            except (OptionsError, ValueError):  # another grouping or other options: put every article back
                pass
            else:
                if len(grouper) == position:
                    return grouper, position
        return StoryGrouper(self.options), 0

    def save(self) -> None:
        """Save the grouper's state in the store, for the next start to begin from (see ``_rebuild``)."""
        with self._lock:
            position, article = self.store.stream_end()
            if article is None:
                return
            state = json.dumps(self._grouper.state(), ensure_ascii=False, separators=(",", ":"))
            self.store.save_stream_state(position, article, state)

    def _remember(self, key: bytes, posted: Posted) -> None:
        if key not in self._seen:
            self._seen[key] = posted
            if len(self._seen) > RETRY_WINDOW:
                self._seen.popitem(last=False)

    def post(self, cleaned: Article) -> Posted:
        """Assign a cleaned article to a story and store it; both happen, or neither."""
        row = {"id": secrets.token_hex(6), "text": cleaned.text, "title": cleaned.title, "source": cleaned.source,
               "url": cleaned.url, "date": cleaned.date, "origin": cleaned.origin}
        with self._lock:
            if (earlier := self._seen.get(key := _digest(row))) is not None:
                return replace(earlier, story_articles=self._grouper.size(earlier.story - 1), repeated=True)
            # the arrival the store records is the one the grouper sees, so that a rebuild decides the same
            row["created"] = arrived = now()
            got = self._grouper.add(_article(row), received=_received(arrived))
            try:
                stored = self.store.add_stream_article(row, story=got.story + 1, similarity=got.similarity)
            except BaseException:
                self._grouper = self._rebuild()  # the grouper took an article the store did not: start again
                raise
            posted = Posted(stored.id, stored.story, stored.similarity, got.new, self._grouper.size(got.story))
            self._remember(key, posted)
            return posted

    def __len__(self) -> int:
        return len(self._grouper)
