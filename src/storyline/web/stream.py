"""The server's stream: articles posted one at a time, each put into a story as it arrives.

One :class:`storyline.group.StoryGrouper` holds the stream's state in memory; the store holds the articles.
At startup the grouper is rebuilt by putting each stored article back into its stored story, in arrival order
(``StoryGrouper.restore``: what was answered stands), from the grouper's state saved last (``Stream.save``),
when there is one: only the articles stored after it are put back (a restore replays the comparisons each
article made, about 1.3 ms an article, minutes for a stream of 100,000). The state is saved when the server
stops, and in a background thread once ``SAVE_EVERY`` articles were stored since the last save and
``SAVE_INTERVAL`` seconds have passed since it began, so that a server that crashed or was killed puts back
only the articles of its last minutes. Posts wait while the state's snapshot is taken (under the lock: copy on
write, ``StoryGrouper.snapshot``, which also makes the checkpoints of removals and corrections); they go on while
its JSON is made and compressed, but not while the compressed state is written into the database: SQLite takes
one writer at a time, and a post that comes then waits for that write to end before storing its article (about
0.2-0.3 s for the 19 MB state of 12,000 articles on 2 cores; every post behind it waits for the lock meanwhile).
When the server stops, the state is saved and the grouper let go (``close``): a process that makes app after app
(tests) does not keep every stopped one's grouper, which the web framework's caches of its routes hold on to.
Posting an article assigns it and stores it under one lock, so concurrent posts are decided one after
another, each against all the articles stored before it, and the grouper never holds an article the store does not.

An article posted again with the same cleaned text, title, source, URL and date (a client retrying a post
whose answer it did not get) is not stored twice: the answer is the stored article's, marked ``repeated``.
The same text from another outlet or under another URL is another article (a wire copy, which summaries
merge as a near-duplicate).

The grouper is told the day each article arrived (the store's ``created``, taken once for both), so that a
date far past it (a mistyped year) does not move the stream's clock, before or after a restart.

An article can be taken out of the stream (``remove``: retracted, wrong, a duplicate) or corrected (``correct``:
its text, title, outlet, address or date; it is cleaned and decided again, as if it arrived now, and may move to
another story; it keeps its first arrival, ``created``, and ``updated`` is the day a rebuild tells the grouper; a
correction that would make it the same as another stored article, which a post would be answered ``repeated`` for, is
refused, ``RepeatedArticleError``).
Either way the grouper is then made again as the rebuild at a start makes it from the store: a
state that holds nothing the change touched, then the stored articles after it put back one by one (about 1.3 ms
an article, posts waiting meanwhile), so that the stream goes on exactly as a restarted server's would. That
state is the newest of the grouper's checkpoints (``CHECKPOINT_EVERY``: a copy-on-write snapshot kept in memory,
the grouper as it was then) before the changed article, else the state saved in the store, else none (every
article is put back). A removal or correction of one of the latest articles puts back a few hundred; one of an
article older than the checkpoints still puts back every article after it: taking an article out changes the
document frequencies every later article was weighed with, so no subtraction gives the grouper a replay gives
(``tests/web/test_web_stream_changes.py`` checks the grouper against a full replay after each of many changes).
A story left without articles is no longer listed, and keeps its number (``Store.stream_emptied``). Each change
counts a revision of the stories it touched (``revision``), for the server's caches of their summaries.

One server process owns a database's stream: a second process on the same file would keep its own grouper.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import secrets
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import Any

from ..errors import OptionsError, StorylineError
from ..group import GroupingOptions, GroupingSnapshot, StoryGrouper
from ..model import Article
from .store import Store, StreamArticle, now

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class Removed:
    """A stream article taken out of the stream: its id, its story (from 1), and the articles the story has
    left (0: the story is gone from the stream, its number never given to another)."""

    article: str
    story: int
    story_articles: int

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "story": self.story, "story_articles": self.story_articles,
                "story_removed": self.story_articles == 0}


@dataclass(frozen=True, slots=True)
class Corrected:
    """A stream article corrected: where it went (``placed``, as a post's answer), the story it was in before
    and the articles that story has now (0: gone from the stream), and whether anything changed (a correction
    that leaves the article as it was stored changes nothing, and is answered where the article is)."""

    placed: Posted
    previous_story: int
    previous_story_articles: int
    changed: bool

    def to_json(self) -> dict[str, Any]:
        out = self.placed.to_json()
        del out["repeated"]
        return out | {"previous_story": self.previous_story, "previous_story_articles": self.previous_story_articles,
                      "moved": self.placed.story != self.previous_story, "changed": self.changed}


class RepeatedArticleError(StorylineError):
    """A correction that would make a stream article the same as another stored one (``_SAME``: text, title,
    source, URL and date), which a post of it is answered with (``repeated``) and not stored twice: refused, and
    nothing changed, naming the article it repeats (``repeats``)."""

    http_status = 409

    def __init__(self, article_id: str, repeats: str) -> None:
        super().__init__(f"the correction of article {article_id!r} repeats stream article {repeats!r} (the same "
                         "text, title, source, URL and date): nothing was changed; to keep one copy, delete the other")
        self.repeats = repeats


# what a stream article is made of: its cleaned text and metadata, and what cleaning told of it (a paywall's
# teaser, the outlet's corrections, the page text's line its date was read from, the paragraphs left out as no
# prose, a page of a story printed over several), which its story's summary tells
FIELDS = ("id", "text", "title", "source", "url", "date", "author", "origin", "teaser", "corrections", "date_line",
          "no_prose", "paged")


def fields(row: StreamArticle) -> dict[str, Any]:
    """The stored article's ``FIELDS`` (what a worker process is sent to summarize it)."""
    return {k: getattr(row, k) for k in FIELDS}


def origin(article_id: str) -> str:
    """What names a stream article where a story names its articles (the summary JSON's ``origin``, a message):
    its stream id, as ``/api/stories`` names its article ``"1"`` "article 1" (a post's "the article" only names
    it in the post's own error answer)."""
    return f"article {article_id}"


def stored_article(d: Mapping[str, Any]) -> Article:
    """The ``Article`` of a stream article's ``FIELDS``: built the same way when it is posted, when the grouper
    is rebuilt from the store and when a story is summarized (its text is already clean). Its ``origin`` is
    its id's (``origin``), as stored (schema 8 gave their id's to the rows stored as "the article")."""
    return Article(id=str(d["id"]), text=str(d["text"]), title=d.get("title") or "", source=d.get("source") or "",
                   date=d.get("date") or None, url=d.get("url") or "", author=d.get("author") or "",
                   origin=d.get("origin") or origin(str(d["id"])),
                   teaser=bool(d.get("teaser")), corrections=tuple(d.get("corrections") or ()),
                   date_line=d.get("date_line") or "", no_prose=int(d.get("no_prose") or 0), paged=bool(d.get("paged")))


def _article(row: StreamArticle | Mapping[str, Any]) -> Article:
    return stored_article(row if isinstance(row, Mapping) else fields(row))


_SAME = ("text", "title", "source", "url", "date")  # an article posted again has all of these alike
# A retry comes soon after the post it repeats: the latest this many stored articles are recognised (about
# 150 bytes each), one posted again after that many others is stored again.
RETRY_WINDOW = 10_000


# The grouper's state is saved in the background once this many articles were stored since it was last saved
# and this many seconds have passed since that save began: a restart after a crash puts back those articles
# (about 1.3 ms each) instead of the whole stream. Measured on 2 cores with 14,000 articles: a save holds posts
# back while it copies the state (0.1-0.5 s, under the lock; a copy-on-write snapshot since, about 20 ms at 8,000
# articles on a loaded machine: ``StoryGrouper.snapshot``), then writes its JSON (44 MB) a piece at a time into
# zlib (18.6 MB) in the background for 2.5-8 s, while posts go on (but for the database write at its end, about
# 0.25 s, which a post waits for: one writer at a time), its own peak 99 MB (364 MB when the JSON was
# one string; ``benchmarks/web/stream_save.py``, two threads posting, on a machine loaded 4 deep the longest post
# waited 0.4-1.7 s, 1.1-2.2 s before): at most once in SAVE_INTERVAL, a few per cent of a core.
SAVE_EVERY = 1000
SAVE_INTERVAL = 300.0

# The grouper keeps a checkpoint (``StoryGrouper.snapshot``, copy on write) every this many stored articles, and
# the latest this many of them: a removal or correction goes back to the latest one before the article it
# changes and puts back only the articles after it (see ``Stream.remove``), not every article after the state
# saved in the store (a second or more to read) or the whole stream when that state holds the article.
CHECKPOINT_EVERY = 200
CHECKPOINTS = 5


def _pieces(value: Any, piece: int = 100) -> Iterator[str]:
    """``value`` as compact JSON (as ``json.dumps`` writes it), a piece at a time: a mapping key by key, and a long
    list or an iterator (``GroupingSnapshot.state_parts``) ``piece`` items at a time, as it makes them.
    ``json.dumps`` of the whole holds the interpreter lock until it is done, 3 s for the state of 14,000 articles,
    and every post waited that long for a background save; and the whole is one string of 44 MB."""
    if isinstance(value, dict):
        yield "{"
        for k, (key, item) in enumerate(value.items()):
            yield ("," if k else "") + _compact(key) + ":"
            yield from _pieces(item, piece)
        yield "}"
    elif isinstance(value, Iterator) or (isinstance(value, list) and len(value) > piece):
        items, gap = iter(value), ""
        yield "["
        while some := list(islice(items, piece)):
            yield gap + _compact(some)[1:-1]
            gap = ","
        yield "]"
    else:
        yield _compact(value)


def _compressed(value: Any, piece: int = 100) -> bytes:
    """``value``'s compact JSON compressed with zlib at its fastest level, each piece as it is made: the JSON of
    14,000 articles' state is never one 44 MB string, and its 18 MB compressed are quicker for the database to
    write while posts wait. zlib lets the other threads run while it compresses."""
    packer = zlib.compressobj(1)
    out = [packer.compress(p.encode()) for p in _pieces(value, piece)]
    out.append(packer.flush())
    return b"".join(out)


def _loads(state: str | bytes) -> Any:
    """A saved state's JSON value: compressed (``_compressed``), or the JSON text the first servers of schema 3
    saved. ``ValueError`` when it is neither (``zlib.error`` is not one)."""
    try:
        return json.loads(zlib.decompress(state) if isinstance(state, bytes) else state)
    except zlib.error as exc:
        raise ValueError(f"the grouping state is damaged ({exc})") from None


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _received(created: str) -> date:
    """The (UTC) day of a stored arrival: an article dated more than a day after it is dated wrong, and its
    date does not move the stream's clock (``StoryGrouper``)."""
    return date.fromisoformat(created[:10])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off meanwhile (as it was after): rebuilding the grouper makes hundreds of
    thousands of lists and dicts that live on, and the collector went through all of them again and again, a third
    of a start's time (12,000 articles from their saved state: 3.2 s, 2.0 s without it)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _digest(row: StreamArticle | Mapping[str, Any]) -> bytes:
    values = [row.get(k) if isinstance(row, Mapping) else getattr(row, k) for k in _SAME]
    return hashlib.sha256(json.dumps([v or "" for v in values], ensure_ascii=False).encode()).digest()


class Stream:
    """The stream of one store. ``post`` is safe to call from several threads at once."""

    def __init__(self, store: Store, options: GroupingOptions | None = None, *, save_every: int = SAVE_EVERY,
                 save_interval: float = SAVE_INTERVAL) -> None:
        if isinstance(save_every, bool) or not isinstance(save_every, int) or save_every < 0:
            raise OptionsError(f"save_every must be 0 (save only when asked) or more articles, not {save_every!r}")
        if isinstance(save_interval, bool) or not isinstance(save_interval, (int, float)) or not save_interval >= 0:
            raise OptionsError(f"save_interval must be 0 or more seconds, not {save_interval!r}")
        self.store = store
        self.options = options or GroupingOptions()
        self.save_every, self.save_interval = save_every, float(save_interval)
        self._saved_at = time.monotonic()  # when the latest save began (the start counts as one)
        self._lock = threading.Lock()
        # One save at a time, each copying the state after the one before it did: the state saved last is the
        # newest. Held by a background save from its start to its end (released by its thread).
        self._save_lock = threading.Lock()
        self._saver: threading.Thread | None = None
        self._unsaved = 0  # articles stored since the state was last copied to be saved
        self._end: tuple[int, str | None] = (0, None)  # the position and id of the latest stored article
        self._saved_up_to = 0  # the position of the latest article the state saved last holds
        # what each of the latest ``RETRY_WINDOW`` stored articles' posts answered, by its digest (``_SAME``):
        # a few numbers, not the article, and not for every article ever stored, so that a long-running
        # stream's memory stays that of its live stories
        self._seen: OrderedDict[bytes, Posted] = OrderedDict()
        self.restored = 0  # the stored articles the latest rebuild put back one by one (not in a saved state)
        self._revisions: dict[int, int] = {}  # the changes (removals, corrections) to each story so far
        # the grouper's latest checkpoints, each with the position of the latest article it holds, in their order
        self._checkpoints: list[tuple[int, GroupingSnapshot]] = []
        self._since_checkpoint = 0  # articles stored since the latest checkpoint
        self._grouper: StoryGrouper | None = self._rebuild()  # None once closed: rebuilt when used again

    def _live(self) -> StoryGrouper:
        """The grouper (under the lock), rebuilt from the store when the stream was closed."""
        if self._grouper is None:
            self._grouper = self._rebuild()
        return self._grouper

    def _rebuild(self, without: StreamArticle | None = None) -> StoryGrouper:
        with _collector_paused():
            return self._rebuilt(without)

    def _rebuilt(self, without: StreamArticle | None = None) -> StoryGrouper:
        """The grouper of the stored stream: the state saved last (``save``), when it still matches the stored
        stream and was saved by this grouping with these options, then every stored article after it back in
        its stored story, in arrival order (what was answered stands, even if a later version of the grouping
        would decide otherwise). Without a usable saved state, every stored article is put back. The numbers of
        emptied stories (``Store.stream_emptied``) stay taken. ``without``: the grouper of the stream without
        that stored article (one being corrected), from the saved state only when it does not hold it."""
        before = without.position if without else None
        grouper, after = self._from_checkpoint(before)
        if grouper is None:
            grouper, after = self._saved(before)
            self._saved_up_to = after
            if after:
                self._checkpoint(after, grouper)
        restored = self._since_checkpoint = 0
        rows = self.store.stream_articles(after=after)
        tail = len(rows) - CHECKPOINTS * CHECKPOINT_EVERY  # (the checkpoints before it would not be kept)
        for k, row in enumerate(rows):
            if without is None or row.id != without.id:
                grouper.reserve(row.story - 1)  # (the emptied stories before it)
                grouper.restore(_article(row), row.story - 1, received=_received(row.updated or row.created))
                restored += 1
                if k >= tail:
                    self._counted(row.position, grouper)
        grouper.reserve(self.store.stream_story_count())
        self._end = self.store.stream_end()
        self.restored = restored
        # the stored articles the state saved in the store does not hold
        self._unsaved = len(grouper) - (self.store.stream_count(up_to=self._saved_up_to) if self._saved_up_to else 0)
        self._recall()
        return grouper

    def _checkpoint(self, position: int, grouper: StoryGrouper) -> GroupingSnapshot:
        """Keep ``grouper``'s state, which holds the stored articles up to ``position``, as the newest checkpoint
        (the latest ``CHECKPOINTS`` are kept), and return it."""
        snapshot = grouper.snapshot()
        kept = [c for c in self._checkpoints if c[0] < position]  # (any after it is of a stream changed since)
        self._checkpoints = [*kept[max(0, len(kept) - CHECKPOINTS + 1):], (position, snapshot)]
        self._since_checkpoint = 0
        return snapshot

    def _counted(self, position: int, grouper: StoryGrouper) -> None:
        """One more stored article in ``grouper`` (the latest, at ``position``): a checkpoint when one is due."""
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint(position, grouper)

    def _from_checkpoint(self, before: int | None) -> tuple[StoryGrouper | None, int]:
        """The grouper of the newest checkpoint that holds no article at position ``before`` or after (any, when
        None) and still holds exactly the stored articles up to its position (a change drops the ones that hold
        its article: ``_forget``), and that position; else None and 0. A checkpoint is the grouper as it was
        then: the same state as one saved in the store then and read back, without the reading."""
        for position, snapshot in reversed(self._checkpoints):
            if (before is None or position < before) and snapshot.n == self.store.stream_count(up_to=position):
                return StoryGrouper.from_snapshot(snapshot), position
        return None, 0

    def _forget(self, position: int) -> None:
        """Drop what held the stored article at ``position``, being taken out of the stream: the checkpoints and
        the note of the state saved in the store (which the store drops with it) from there on."""
        self._checkpoints = [c for c in self._checkpoints if c[0] < position]
        if self._saved_up_to >= position:
            self._saved_up_to = 0

    def _recall(self) -> None:
        """Remember what the latest ``RETRY_WINDOW`` stored articles' posts answered (``_seen``), from the store."""
        self._seen = OrderedDict()
        for row, began in self.store.stream_latest(RETRY_WINDOW):
            self._remember(_digest(row), Posted(row.id, row.story, row.similarity, began, 0))

    def _saved(self, before: int | None = None) -> tuple[StoryGrouper, int]:
        """The saved grouper and the position of the last article it holds (one before position ``before``,
        when given); else a new one and 0."""
        saved = self.store.stream_state()
        if saved is not None and (before is None or saved[0] < before):
            position, state = saved
            try:
                grouper = StoryGrouper.from_state(_loads(state), self.options)
            except (OptionsError, ValueError):  # another grouping or other options: put every article back
                pass
            else:
                if len(grouper) == self.store.stream_count(up_to=position):  # (removals leave gaps in positions)
                    return grouper, position
        return StoryGrouper(self.options), 0

    def save(self) -> None:
        """Save the grouper's state in the store, for the next start to begin from (see ``_rebuild``): waits for
        a save in progress, then saves the state of now, unless the state saved last holds every stored article."""
        with self._save_lock:
            self._write(self._snapshot())

    def close(self) -> None:
        """Save the state (``save``), then let go of the grouper: the memory of a stopped server's stream is freed
        even where its app is kept (a test's, or a program's that makes several). Used again, the stream rebuilds
        itself from the store, from the state just saved."""
        with self._save_lock:
            self._write(self._snapshot())
            with self._lock:
                self._grouper, self._seen = None, OrderedDict()  # (a rebuild remembers the latest posts again)
                self._checkpoints = []

    def _snapshot(self) -> tuple[int, str, GroupingSnapshot] | None:
        """A copy of the grouper's state and the position and id of the latest article it holds, taken together
        under the lock (the grouper holds exactly the stored articles then); None for an empty stream, or one
        whose state saved last is of now."""
        with self._lock:
            position, article = self._end
            self._unsaved, self._saved_at = 0, time.monotonic()
            if article is None or position == self._saved_up_to:
                return None
            return position, article, self._checkpoint(position, self._live())  # (a checkpoint too)

    def _write(self, snapshot: tuple[int, str, GroupingSnapshot] | None) -> None:
        if snapshot is not None:
            position, article, copied = snapshot
            self.store.save_stream_state(position, article, _compressed(copied.state_parts()))
            self._saved_up_to = position

    def _save_in_background(self) -> None:
        """Start a save in a thread unless one is under way (the next post that finds a save due tries again)."""
        if not self._save_lock.acquire(blocking=False):
            return

        def run() -> None:
            try:
                self._write(self._snapshot())
            except Exception:  # the stream goes on; the next save (or the one at shutdown) tries again
                log.exception("saving the stream's grouping state failed")
            finally:
                self._save_lock.release()

        self._saver = threading.Thread(target=run, name="storyline-stream-save", daemon=True)
        self._saver.start()

    def _remember(self, key: bytes, posted: Posted) -> None:
        if key not in self._seen:
            self._seen[key] = posted
            if len(self._seen) > RETRY_WINDOW:
                self._seen.popitem(last=False)

    def post(self, cleaned: Article) -> Posted:
        """Assign a cleaned article to a story and store it; both happen, or neither."""
        row = {"id": (aid := secrets.token_hex(6)), "text": cleaned.text, "title": cleaned.title,
               "source": cleaned.source, "url": cleaned.url, "date": cleaned.date, "author": cleaned.author,
               "origin": origin(aid),
               "teaser": cleaned.teaser, "corrections": cleaned.corrections, "date_line": cleaned.date_line,
               "no_prose": cleaned.no_prose, "paged": cleaned.paged}
        with self._lock:
            grouper = self._live()
            if (earlier := self._seen.get(key := _digest(row))) is not None:
                return replace(earlier, story_articles=grouper.size(earlier.story - 1), repeated=True)
            # the arrival the store records is the one the grouper sees, so that a rebuild decides the same
            row["created"] = arrived = now()
            got = grouper.add(_article(row), received=_received(arrived))
            try:
                stored = self.store.add_stream_article(row, story=got.story + 1, similarity=got.similarity)
            except BaseException:
                self._grouper = self._rebuild()  # the grouper took an article the store did not: start again
                raise
            posted = Posted(stored.id, stored.story, stored.similarity, got.new, grouper.size(got.story))
            self._remember(key, posted)
            self._end = (stored.position, stored.id)
            self._unsaved += 1
            self._counted(stored.position, grouper)
            due = (bool(self.save_every) and self._unsaved >= self.save_every
                   and time.monotonic() - self._saved_at >= self.save_interval)
        if due:
            self._save_in_background()
        return posted

    def revision(self, story: int) -> int:
        """How many times story ``story`` lost or gained an article other than by a post (``remove``,
        ``correct``) since the server started: with its article count, it names the story's articles."""
        return self._revisions.get(story, 0)

    @contextmanager
    def _changing(self) -> Iterator[StoryGrouper]:
        """The live grouper, for a change to the stored stream: after any save under way (one that copied the
        state before the change must not be written after it: it would hold the change's article), posts
        waiting meanwhile. A change that fails on the way leaves the grouper to be rebuilt from the store."""
        with self._save_lock, self._lock:
            grouper = self._live()
            try:
                yield grouper
            except RepeatedArticleError:  # refused before anything changed: the grouper stands
                raise
            except BaseException:
                self._grouper, self._checkpoints = None, []
                raise

    def remove(self, article_id: str) -> Removed | None:
        """Take the stored article ``article_id`` out of the stream and out of its story; None when the stream
        has no such article (two removals of one article: the second finds none)."""
        with self._changing():
            row = self.store.remove_stream_article(article_id)
            if row is None:
                return None
            self._forget(row.position)
            self._grouper = grouper = self._rebuild()
            self._revisions[row.story] = self.revision(row.story) + 1
            removed = Removed(row.id, row.story, grouper.size(row.story - 1))
        self._save_if_replayed()
        return removed

    def _save_if_replayed(self) -> None:
        """After a change that left ``save_every`` articles or more outside the state saved in the store (the
        store drops a state holding the changed article): a save in the background, so that the next start
        begins from a state again."""
        if self.save_every and self._unsaved >= self.save_every:
            self._save_in_background()

    def correct(self, article_id: str, cleaned: Article) -> Corrected | None:
        """Put ``cleaned`` (the corrected article, cleaned as a post's) in place of the stored article
        ``article_id``: decided again as if it arrived now (it may move to another story, or begin one) and
        stored at the end of the stream with its id. None when the stream has no such article. A correction that
        changes nothing the article is made of (``FIELDS``) is answered where it is, and nothing is stored. One that
        makes it the same as another of the latest ``RETRY_WINDOW`` stored articles, as a post of it would be
        answered ``repeated``, is refused (``RepeatedArticleError``): a second copy was stored."""
        row = {k: getattr(cleaned, k) for k in FIELDS} | {"id": article_id, "origin": origin(article_id)}
        with self._changing() as grouper:
            old = self.store.stream_article(article_id)
            if old is None:
                return None
            if all(fields(old)[k] == (tuple(row[k]) if k == "corrections" else row[k]) for k in FIELDS
                   if k != "origin"):  # its id's, as it was (one stored before: "the article")
                size = grouper.size(old.story - 1)
                return Corrected(Posted(old.id, old.story, old.similarity, False, size), old.story, size, False)
            if (twin := self._seen.get(_digest(row))) is not None and twin.article != article_id:
                raise RepeatedArticleError(article_id, twin.article)
            self._forget(old.position)
            grouper = self._rebuild(without=old)
            # decided as if it arrived now (the day the grouper is told, as a rebuild tells it: ``updated``), its
            # first arrival kept
            row["created"], row["updated"] = old.created, (arrived := now())
            got = grouper.add(_article(row), received=_received(arrived))
            changed = self.store.replace_stream_article(article_id, row, story=got.story + 1,
                                                        similarity=got.similarity)
            if changed is None:  # (only this stream changes the store: not reached)
                raise RuntimeError(f"stream article {article_id!r} went while it was corrected")
            _, stored = changed
            self._grouper = grouper
            self._end, self._unsaved = (stored.position, stored.id), self._unsaved + 1
            self._counted(stored.position, grouper)
            self._recall()
            for story in {old.story, stored.story}:
                self._revisions[story] = self.revision(story) + 1
            placed = Posted(stored.id, stored.story, stored.similarity, got.new, grouper.size(got.story))
            corrected = Corrected(placed, old.story, grouper.size(old.story - 1), True)
        self._save_if_replayed()
        return corrected

    def __len__(self) -> int:
        with self._lock:
            return len(self._live())
