"""Stories on disk: one SQLite file, nothing to install or start.

Each story is written in one transaction (the story row and its articles together), in WAL mode with
``synchronous=FULL``: a commit is on disk before the client hears 201, and a crash mid-write leaves the
database as it was before that write began, never half a story. Readers do not block the writer.

A connection is opened per operation, which keeps the store safe to use from the server's thread pool without
sharing a connection across threads; but for the one read every story request makes (``Store.revision``, which
the rendered-page cache is keyed by), each thread keeps a connection of its own: opening one (with its pragmas)
cost ~460 us, a hundred times the query, and halved the requests/s of a cached story page or JSON.
"""

from __future__ import annotations

import builtins
import json
import logging
import os
import secrets
import sqlite3
import threading
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ListenError, OptionsError, StorylineError
from ..render import opening

# Written into the file header of every database this module creates ("STLN"), with the schema version in
# user_version: the mark that tells a story database from any other SQLite file before a byte is written.
APPLICATION_ID = 0x53544C4E
SCHEMA_VERSION = 8
SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id            TEXT PRIMARY KEY,
    created       TEXT NOT NULL,
    title         TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    summary_json  TEXT NOT NULL,
    analysis_json TEXT,
    input_json    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_created ON stories (created DESC, id);
CREATE TABLE IF NOT EXISTS articles (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id       TEXT NOT NULL,
    source   TEXT NOT NULL,
    title    TEXT NOT NULL,
    date     TEXT,
    url      TEXT NOT NULL,
    author   TEXT NOT NULL,
    origin   TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (story_id, id)
);
"""

# Version 2 adds the stream: articles posted one at a time, each assigned to a stream story on arrival.
# A version 1 database gains the (empty) table when it is opened; its stories are untouched.
STREAM_SCHEMA = """
CREATE TABLE IF NOT EXISTS stream_articles (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL UNIQUE,
    story      INTEGER NOT NULL,
    similarity REAL NOT NULL,
    created    TEXT NOT NULL,
    title      TEXT NOT NULL,
    source     TEXT NOT NULL,
    url        TEXT NOT NULL,
    date       TEXT,
    origin     TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stream_articles_story ON stream_articles (story, position);
"""

# Version 3 adds the stream grouper's latest saved state (``StoryGrouper.state``: its JSON compressed with zlib, a
# BLOB, or as text as the first servers of version 3 saved it), saved when the server
# stops: the next start takes it and puts back only the articles stored after it, instead of every stored
# article. ``position`` and ``article`` name the last article it holds (a state that does not match the
# stored stream is not used). A version 2 database gains the (empty) table when it is opened.
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS stream_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    article  TEXT NOT NULL,
    state    TEXT NOT NULL
);
"""

# Version 4 keeps what cleaning tells of an article beside its text (``Article.teaser``: the page gave only a
# paywall's free teaser; ``Article.corrections``: the outlet's printed corrections, taken out of the text, as a
# JSON list), for a story's articles and the stream's alike. An older database gains the columns when it is
# opened; its stories' articles take theirs from the story's summary JSON, which always had them, and its stream
# articles have none (they were not kept).
#
# Version 5 keeps the line of the page text an article's date was read from (``Article.date_line``: '' when the
# date came from elsewhere or there is none), so that a stream story's summary, and a story's article page, can say
# so as the command line does. An older database gains the column as it gains version 4's: a story's articles
# take theirs from its summary JSON, which always had it; stream articles have none.
#
# Version 6 keeps how many of an article's paragraphs cleaning left out as no prose (``Article.no_prose``: a
# paragraph that runs ``clean.MAX_RUN_CHARS`` characters without a sentence end), so that a stream story's summary
# tells it in its notes as the command line does. An older database gains the column as it gains version 5's; its
# articles have 0 (a story's summary JSON told it in its notes, not per article; the stream had not kept it).
#
# Version 7 lets a stream article be removed (``DELETE /api/articles/{id}``) or corrected (``PUT``): a corrected
# article is stored anew at the end of the stream (its id kept), as the grouper decided it then. A story whose
# every article was removed or moved out is written into ``stream_emptied``: it is no longer listed, and its
# number is never given to another story (a rebuilt grouper keeps it, empty). A grouper state that holds an
# article removed or corrected since is deleted with it. A version 6 database gains the (empty) table when it is
# opened; an older storyline refuses a version 7 one, whose stream may skip story numbers (it could not rebuild it).
EMPTIED_SCHEMA = """
CREATE TABLE IF NOT EXISTS stream_emptied (
    story   INTEGER PRIMARY KEY,
    emptied TEXT NOT NULL
);
"""
# Version 8 lets a story of ``POST /api/stories`` be edited: an article added (``POST /api/stories/{id}/articles``) or
# removed, and the story renamed (``PATCH``). ``revision`` counts its changes and ``summary_revision`` is the one its
# stored summary and analysis were made at: an older one is made again from the stored articles when the story is
# next read. ``next_article`` is the id its next added article takes (ids are never given again in a story),
# ``named`` says its title was given by a rename (a summary made again keeps it), ``updated`` when it last changed
# (NULL: never). A stream article corrected (``PUT /api/articles/{id}``) keeps its first ``created`` and gains
# ``updated``; the stream's rows whose ``origin`` was stored as "the article" take their id's ("article 3f9c..."),
# as every row stored since. A version 7 database gains the columns when it is opened (its stories' ``next_article``
# after their highest article id; a corrected stream article's ``created`` stays the time of its correction, its
# first one not kept then); an older storyline refuses a version 8 one (it would overwrite edited stories'
# articles' ids and serve their summaries made before the edits).
EDIT_COLUMNS = {
    "stories": {"revision": "INTEGER NOT NULL DEFAULT 0", "summary_revision": "INTEGER NOT NULL DEFAULT 0",
                "next_article": "INTEGER NOT NULL DEFAULT 1", "named": "INTEGER NOT NULL DEFAULT 0",
                "updated": "TEXT"},
    "stream_articles": {"updated": "TEXT"},
}
# ``paged`` (``Article.paged``: the page was one page of a story printed over several) joined them in version 8,
# without a new version: a database gains the column when it is opened, as above, and a build that does not know it
# reads and writes the other columns by name (its rows get 0).
NOTE_COLUMNS = {"teaser": "INTEGER NOT NULL DEFAULT 0", "corrections": "TEXT NOT NULL DEFAULT '[]'",
                "date_line": "TEXT NOT NULL DEFAULT ''", "no_prose": "INTEGER NOT NULL DEFAULT 0",
                "paged": "INTEGER NOT NULL DEFAULT 0"}
NOTE_FIELDS = tuple(NOTE_COLUMNS)
# A stream article's ``author`` (``Article.author``: a header's ``author:``, a page's byline) joined them in version
# 8 too, the same way: a database gains the column when it is opened, its stream articles with none (the byline was
# taken out of the stored text, so it cannot be read again), and a build that does not know it writes ''. A story's
# articles kept theirs from the first schema.
STREAM_COLUMNS = {"author": "TEXT NOT NULL DEFAULT ''"}

# An article's fields as SCHEMA and STREAM_SCHEMA make them, then with NOTE_FIELDS.
PLAIN_ARTICLE_FIELDS = ("id", "source", "title", "date", "url", "author", "origin", "text")
PLAIN_STREAM_FIELDS = ("id", "position", "story", "similarity", "created", "title", "source", "url", "date", "origin",
                       "text")
ARTICLE_FIELDS = (*PLAIN_ARTICLE_FIELDS, *NOTE_FIELDS)
STREAM_FIELDS = (*PLAIN_STREAM_FIELDS, *NOTE_FIELDS, "updated", *STREAM_COLUMNS)
# A story row as ``StoryRow`` reads it.
STORY_FIELDS = ("id", "created", "title", "article_count", "summary_json", "analysis_json", "revision",
                "summary_revision", "named", "updated")
# The tables as SCHEMA makes them, to recognise a store written before the header mark was introduced.
COLUMNS = {
    "stories": ("id", "created", "title", "article_count", "summary_json", "analysis_json", "input_json"),
    "articles": ("story_id", "position", *PLAIN_ARTICLE_FIELDS),
}

# A page of the stream's stories, newest first: the page's story numbers from the story index, then only
# their articles summed up (``CROSS JOIN`` keeps the page as the outer loop), so that a listing reads the index
# and the page's articles, not every stored article (100,000 articles: 15 ms rather than 750).
STREAM_PAGE = """
WITH page AS (SELECT DISTINCT story FROM stream_articles ORDER BY story DESC LIMIT ? OFFSET ?)
SELECT s.story, s.n, f.title, substr(f.text, 1, 400), l.title, substr(l.text, 1, 400),
       s.d0, s.d1, f.created, COALESCE(l.updated, l.created)
FROM (SELECT a.story, COUNT(*) AS n, MIN(a.position) AS fp, MAX(a.position) AS lp,
             MIN(a.date) AS d0, MAX(a.date) AS d1
      FROM page CROSS JOIN stream_articles AS a ON a.story = page.story GROUP BY a.story) AS s
JOIN stream_articles AS f ON f.position = s.fp
JOIN stream_articles AS l ON l.position = s.lp
ORDER BY s.story DESC
"""

log = logging.getLogger(__name__)


class StoryFullError(StorylineError):
    """An article added to a story that has as many as a story may have."""

    http_status = 413


class LastArticleError(StorylineError):
    """The only article of a story asked to be removed: a story keeps one (deleting it is deleting the story)."""

    http_status = 409


class StoreError(OptionsError):
    """The file given for the stories is not a story database: not SQLite at all, or another program's
    database. It is refused untouched."""


class StoreWriteError(StorylineError):
    """The story database cannot be written: the disk is full, the file is read-only, or the disk failed. The
    transaction was rolled back: nothing of the request was stored, and nothing stored before is lost."""

    http_status = 507  # Insufficient Storage: the server could not store what the request needed stored

    def __init__(self, reason: str) -> None:
        super().__init__(f"the story database cannot be written ({reason}); nothing was stored or changed: send it "
                         "again once it can be")
        self.reason = reason


# SQLite's primary result codes (the low byte of an extended one) for a write the disk or the file refused
_UNWRITABLE = {13: "the disk is full", 8: "the file is read-only", 10: "a disk input/output error"}


_CORRUPT = 11  # SQLITE_CORRUPT: "database disk image is malformed"


def damaged(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """The one-line error for a story database SQLite finds damaged (truncated, overwritten): the server does not
    start on it rather than serve part of it."""
    return StoreError(f"{path}: the story database is damaged ({exc}); restore it from a backup (sqlite3's "
                      ".recover saves what it can), or give another file")


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back the connection's transaction, if SQLite has not already: it rolls back by itself on a full disk
    or an I/O error, and a ROLLBACK then ('no transaction is active') hid the error that caused it."""
    if db.in_transaction:
        db.execute("ROLLBACK")


class StoreInUseError(ListenError):
    """The story database is served already, by another ``storyline serve`` (or ``uvicorn --factory`` process)."""


def claim(path: str | Path) -> int | None:
    """Hold the story database ``path`` for this process's server: the file descriptor holding an exclusive
    ``flock`` on it, until it is closed or the process ends (None where the system has no ``flock``). A second
    server on the same file is refused (``StoreInUseError``) before it reads anything: each server groups the
    stream alone, so two gave the same story number to unrelated articles, each its own, and wrote both into the
    one stream. The lock is the open file's, not SQLite's (whose locks are byte ranges taken and let go per
    transaction), and goes with the process however it ends, ``kill -9`` included. A file that does not exist
    yet is made empty (an empty file is a new story database), its directory too, as ``Store`` makes them."""
    try:
        import fcntl
    except ImportError:  # (not on Windows: one server per database is then the user's to keep)
        return None
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreInUseError(f"{path}: another storyline server is using this story database (one server per "
                              "database: each groups the stream alone); stop it, or give another --db") from None
    except BaseException:
        os.close(fd)
        raise
    return fd


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A stored story: the summary JSON (``storyline.render.to_dict`` plus the web's extras), the
    cleaned articles the summary's character spans point into, and the analysis when there was one."""

    id: str
    created: str
    title: str
    article_count: int
    summary: dict[str, Any]
    analysis: Any
    articles: tuple[dict[str, Any], ...]
    revision: int = 0  # its changes since it was made (articles added or removed, renamed)
    summary_revision: int = 0  # the revision its summary and analysis were made at
    named: bool = False  # its title was given by a rename, not taken from its articles
    updated: str | None = None  # when it last changed; None: never

    def article(self, article_id: str) -> dict[str, Any] | None:
        return next((a for a in self.articles if a["id"] == article_id), None)

    @property
    def stale(self) -> bool:
        """Its summary was made before its articles last changed: it is made again when the story is read."""
        return self.summary_revision < self.revision

    @property
    def words(self) -> int:
        """The word budget it was summarized with (its summary's ``budget``), for a summary made again."""
        return int(self.summary.get("budget") or self.summary.get("words") or 150)

    @property
    def method(self) -> str:
        return str(self.summary.get("method") or "default")


def _story(row: tuple[Any, ...], articles: tuple[dict[str, Any], ...]) -> StoryRow:
    named = dict(zip(STORY_FIELDS, row, strict=True))
    return StoryRow(id=named["id"], created=named["created"], title=named["title"],
                    article_count=named["article_count"], summary=json.loads(named["summary_json"]),
                    analysis=None if named["analysis_json"] is None else json.loads(named["analysis_json"]),
                    articles=articles, revision=named["revision"], summary_revision=named["summary_revision"],
                    named=bool(named["named"]), updated=named["updated"])


@dataclass(frozen=True, slots=True)
class StreamArticle:
    """An article of the stream as stored: the cleaned text and metadata the grouper saw, its place in
    the stream (``position``, from 1), its story (``story``, from 1), its similarity when it joined, and what
    cleaning told of it (``teaser``, ``corrections``, ``date_line``, ``no_prose``: ``Article``'s)."""

    id: str
    position: int
    story: int
    similarity: float
    created: str
    title: str
    source: str
    url: str
    date: str | None
    origin: str
    text: str
    teaser: bool = False  # the page gave only a paywall's free teaser
    corrections: tuple[str, ...] = ()  # the outlet's printed corrections, out of ``text``
    date_line: str = ""  # the page text's line ``date`` was read from
    no_prose: int = 0  # paragraphs left out of ``text`` as no prose (a run without a sentence end)
    paged: bool = False  # the page was one page of a story printed over several
    updated: str | None = None  # when it was last corrected (``created``: its first arrival); None: never
    author: str = ""  # ``Article.author``: a header's ``author:``, a page's byline


def _notes(article: Any) -> dict[str, Any]:
    """An article's ``NOTE_FIELDS`` (a dict's or a ``StreamArticle``'s) as a story's article is read back:
    ``teaser`` a bool, ``corrections`` a list, ``date_line`` a string, ``no_prose`` an int, ``paged`` a bool."""
    get = article.get if isinstance(article, dict) else lambda f: getattr(article, f)
    return {"teaser": bool(get("teaser")), "corrections": list(get("corrections") or ()),
            "date_line": get("date_line") or "", "no_prose": int(get("no_prose") or 0), "paged": bool(get("paged"))}


def _stored_notes(article: Any) -> tuple[int, str, str, int, int]:
    """An article's ``NOTE_FIELDS`` as the tables keep them (a dict's or a ``StreamArticle``'s)."""
    notes = _notes(article)
    return (int(notes["teaser"]), json.dumps(notes["corrections"], ensure_ascii=False), str(notes["date_line"]),
            notes["no_prose"], int(notes["paged"]))


def _stored_article(fields: tuple[str, ...], row: tuple[Any, ...]) -> dict[str, Any]:
    """A row of ``articles`` or ``stream_articles`` (its ``fields``: ``ARTICLE_FIELDS`` or ``STREAM_FIELDS``) by
    field name, its notes read back from ``_stored_notes``'s: ``teaser`` a bool, ``corrections`` a list."""
    named = dict(zip(fields, row, strict=True))
    named["teaser"], named["corrections"] = bool(named["teaser"]), json.loads(named["corrections"])
    named["paged"] = bool(named["paged"])
    return named


def _stream_article(row: tuple[Any, ...]) -> StreamArticle:
    named = _stored_article(STREAM_FIELDS, row)
    return StreamArticle(**named | {"corrections": tuple(named["corrections"])})


@dataclass(frozen=True, slots=True)
class StreamStoryItem:
    """One stream story in a listing: its number, size, first and latest articles' titles (or the start of
    their text when untitled), the span of its articles' dates, and when its first and latest arrived."""

    story: int
    article_count: int
    first_title: str
    latest_title: str
    first_date: str | None
    latest_date: str | None
    created: str
    updated: str


def now() -> str:
    """The moment, as stories and stream articles record their arrival (UTC, microseconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def label(title: str, text: str) -> str:
    """An article's title, or the start of its text when it has none (the stream's pages and listing)."""
    return title or opening(text)


@dataclass(frozen=True, slots=True)
class StoryListItem:
    id: str
    created: str
    title: str
    article_count: int
    updated: str | None = None  # when it last changed (an article added or removed, renamed); None: never


class Store:
    """The SQLite store of stories. ``path`` is created (with its directory) on first use; an existing file
    is used only if it is a story database (``StoreError`` otherwise, and the file is left as it was)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._readers = threading.local()
        try:
            with self._connect() as db:
                self._check(db)
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(f"BEGIN IMMEDIATE; {SCHEMA} {STREAM_SCHEMA} {STATE_SCHEMA} {EMPTIED_SCHEMA}")
                try:
                    self._add_note_columns(db)
                    self._add_edit_columns(db)
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    db.execute("COMMIT")
                except BaseException:
                    _rollback(db)
                    raise
        except StoreWriteError as exc:  # (at start: the file, not a request, is what to change)
            raise StoreError(f"{self.path}: cannot be written ({exc.reason}); give a file storyline may write, "
                             "on a disk with room") from None
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _CORRUPT:
                raise damaged(self.path, exc) from None
            reason = "not a SQLite database" if "not a database" in str(exc) else f"cannot open it ({exc})"
            raise StoreError(f"{self.path}: {reason}; give a new file or a storyline story database") from None

    def _check(self, db: sqlite3.Connection) -> None:
        """Refuse, before anything is written, a database that is neither new, nor marked as a story
        database, nor a story database from before the mark (the same two tables, the same columns)."""
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id == APPLICATION_ID:
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer storyline (schema {version}); upgrade storyline")
            return
        if app_id != 0:
            raise StoreError(f"{self.path}: another program's SQLite database (application id {app_id:#x}); "
                             "give a new file or a storyline story database")
        tables = sorted(
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        )
        if not tables:
            return  # new or empty: ours to set up
        if set(tables) == set(COLUMNS) and all(
            tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})")) == columns
            for table, columns in COLUMNS.items()
        ):
            return
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(f"{self.path}: a SQLite database with other tables ({shown}), not a storyline "
                         "story database; give a new file or a storyline story database")

    @staticmethod
    def _add_note_columns(db: sqlite3.Connection) -> None:
        """Schemas 4 to 6 (``NOTE_COLUMNS``) on a database without them, in the transaction that opens it: the
        columns it lacks, and each stored story's articles' values of those from its summary JSON's ``articles``."""
        for table in ("articles", "stream_articles"):
            have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            added = [column for column in NOTE_COLUMNS if column not in have]
            for column in added:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {NOTE_COLUMNS[column]}")
            if table == "articles" and added:
                Store._notes_from_summaries(db, added)

    @staticmethod
    def _add_edit_columns(db: sqlite3.Connection) -> None:
        """Schema 8 (``EDIT_COLUMNS``) on a database without it, in the transaction that opens it: the columns,
        each story's ``next_article`` after its highest article id, and the stream's rows stored with the origin
        "the article" given their id's (``stream.origin``)."""
        # (with the stream's ``author``, STREAM_COLUMNS, which came beside them in the same version)
        for table, columns in (*EDIT_COLUMNS.items(), ("stream_articles", STREAM_COLUMNS)):
            have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            for column, kind in columns.items():
                if column not in have:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
                    if (table, column) == ("stories", "next_article"):
                        db.execute("UPDATE stories SET next_article = 1 + (SELECT COALESCE(MAX(CAST(a.id AS INTEGER)),"
                                   " 0) FROM articles AS a WHERE a.story_id = stories.id)")
                    if (table, column) == ("stream_articles", "updated"):
                        db.execute("UPDATE stream_articles SET origin = 'article ' || id WHERE origin = 'the article'")

    @staticmethod
    def _notes_from_summaries(db: sqlite3.Connection, columns: builtins.list[str]) -> None:
        which = [NOTE_FIELDS.index(c) for c in columns]
        update = f"UPDATE articles SET {', '.join(f'{c} = ?' for c in columns)} WHERE story_id = ? AND id = ?"
        for story_id, summary in db.execute("SELECT id, summary_json FROM stories").fetchall():
            notes = []
            try:
                for a in json.loads(summary).get("articles") or []:
                    if isinstance(a, dict) and any(a.get(c) for c in columns):
                        values = _stored_notes(a)
                        notes.append((*(values[k] for k in which), story_id, a["id"]))
            except (ValueError, AttributeError, KeyError, TypeError):  # not a summary this version wrote
                continue
            db.executemany(update, notes)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA busy_timeout=30000")
        return db

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = self._open()
        try:
            yield db
        except sqlite3.OperationalError as exc:
            reason = _UNWRITABLE.get(getattr(exc, "sqlite_errorcode", 0) & 0xFF)
            if reason is None:
                raise
            log.error("the story database %s cannot be written: %s", self.path, exc)
            raise StoreWriteError(reason) from None
        finally:
            db.close()

    def add(
        self,
        *,
        title: str,
        summary: dict[str, Any],
        articles: list[dict[str, Any]],
        inputs: list[dict[str, Any]],
        analysis: Any = None,
    ) -> StoryRow:
        """Store a story in one transaction; returns it with its new id."""
        sid = secrets.token_hex(6)
        created = now()
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    f"INSERT INTO stories ({', '.join(COLUMNS['stories'])}, next_article)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        sid,
                        created,
                        title,
                        len(articles),
                        json.dumps(summary, ensure_ascii=False),
                        None if analysis is None else json.dumps(analysis, ensure_ascii=False),
                        json.dumps(inputs, ensure_ascii=False),
                        1 + max((int(a["id"]) for a in articles if str(a["id"]).isdigit()), default=0),
                    ),
                )
                db.executemany(
                    f"INSERT INTO articles (story_id, position, {', '.join(ARTICLE_FIELDS)})"
                    f" VALUES ({', '.join('?' * (len(ARTICLE_FIELDS) + 2))})",
                    [
                        (sid, k, *(a.get(f) if f == "date" else (a.get(f) or "") for f in PLAIN_ARTICLE_FIELDS),
                         *_stored_notes(a))
                        for k, a in enumerate(articles)
                    ],
                )
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        kept = tuple({**a, **_notes(a)} for a in articles)  # as ``get`` reads them back
        return StoryRow(sid, created, title, len(articles), summary, analysis, kept)

    def get(self, story_id: str) -> StoryRow | None:
        with self._connect() as db:
            db.execute("BEGIN")  # the story and its articles as one change left them
            try:
                row = db.execute(f"SELECT {', '.join(STORY_FIELDS)} FROM stories WHERE id = ?", (story_id,)).fetchone()
                if row is None:
                    return None
                arts = db.execute(
                    f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE story_id = ? ORDER BY position",
                    (story_id,),
                ).fetchall()
            finally:
                db.execute("COMMIT")
        return _story(row, tuple(_stored_article(ARTICLE_FIELDS, a) for a in arts))

    def revision(self, story_id: str) -> int | None:
        """The story's revision (``StoryRow.revision``), None when there is no story with this id. Read on every
        story request, through this thread's own connection (``_reader``): each SELECT outside a transaction is
        one of its own, so it sees every write committed before it, by any connection."""
        db = self._reader()
        try:
            row = db.execute("SELECT revision FROM stories WHERE id = ?", (story_id,)).fetchone()
        except BaseException:
            self._readers.db = None  # (a connection that failed is not used again)
            db.close()
            raise
        return None if row is None else int(row[0])

    def _reader(self) -> sqlite3.Connection:
        """This thread's read connection, opened on first use (and closed with the thread's local state)."""
        db: sqlite3.Connection | None = getattr(self._readers, "db", None)
        if db is None:
            db = self._readers.db = self._open()
        return db

    def delete(self, story_id: str) -> StoryListItem | None:
        """Delete the story ``story_id`` and its articles, in one transaction; returns what it was (as a listing
        gives it), None when there is none with this id (nothing changes). No trace of it is kept: story ids are
        random, never given again in practice, so nothing needs to remember it. SQLite's ``secure_delete``
        overwrites the freed rows with zeros, so that its text is not left in the file's free pages."""
        with self._connect() as db:
            db.execute("PRAGMA secure_delete=ON")
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT id, created, title, article_count, updated FROM stories WHERE id = ?",
                                 (story_id,)).fetchone()
                if row is None:
                    db.execute("ROLLBACK")
                    return None
                db.execute("DELETE FROM articles WHERE story_id = ?", (story_id,))
                db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        return StoryListItem(*row)

    def exists(self, story_id: str) -> bool:
        with self._connect() as db:
            return db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None

    # ------------------------------------------------------------------------------------ story edits

    @contextmanager
    def _editing(self, story_id: str) -> Iterator[tuple[sqlite3.Connection, StoryRow] | None]:
        """One transaction over the story ``story_id`` as it is now (None: no such story, nothing changes)."""
        with self._connect() as db:
            db.execute("PRAGMA secure_delete=ON")  # (an article removed leaves no text in the file's free pages)
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute(f"SELECT {', '.join(STORY_FIELDS)} FROM stories WHERE id = ?", (story_id,)).fetchone()
                if row is None:
                    db.execute("ROLLBACK")
                    yield None
                    return
                arts = db.execute(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE story_id = ?"
                                  " ORDER BY position", (story_id,)).fetchall()
                yield db, _story(row, tuple(_stored_article(ARTICLE_FIELDS, a) for a in arts))
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise

    @staticmethod
    def _inputs(db: sqlite3.Connection, story_id: str) -> builtins.list[dict[str, Any]]:
        """The story's inputs as given (``input_json``), each with the id of the article it became (``article``):
        the inputs of its making are its articles "1", "2", ... in order (an edit names every one it writes)."""
        (raw,) = db.execute("SELECT input_json FROM stories WHERE id = ?", (story_id,)).fetchone()
        inputs = json.loads(raw)
        return [{"article": str(k)} | i for k, i in enumerate(inputs, 1)]

    def add_article(self, story_id: str, article: dict[str, Any], given: dict[str, Any], *, most: int
                    ) -> tuple[StoryRow, dict[str, Any], bool] | None:
        """Add ``article`` (cleaned: ``ARTICLE_FIELDS``, its ``id`` given here) to the story, in one transaction,
        with ``given`` (what was sent) among its inputs; its summary is made again when it is next read. An article
        the story has already (the same text, title, source, URL and date: a client's retry) is not added again.
        Returns the story as it is now, the article as stored and whether it was added; None: no such story.
        ``StoryFullError`` when the story has ``most`` articles already."""
        same = ("text", "title", "source", "url", "date")
        with self._editing(story_id) as editing:
            if editing is None:
                return None
            db, story = editing
            for a in story.articles:
                if all((a.get(k) or "") == (article.get(k) or "") for k in same):
                    return story, a, False
            if story.article_count >= most:
                raise StoryFullError(f"too many articles: the story has {story.article_count}, the most a story may "
                                     f"have (at most {most} per story)")
            (number,) = db.execute("SELECT next_article FROM stories WHERE id = ?", (story_id,)).fetchone()
            aid = str(number)
            (position,) = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM articles WHERE story_id = ?",
                                     (story_id,)).fetchone()
            stored = {f: article.get(f) if f == "date" else (article.get(f) or "") for f in PLAIN_ARTICLE_FIELDS}
            stored["id"], stored["origin"] = aid, f"article {aid}"  # as a story names its articles "1", "2", ...
            db.execute(f"INSERT INTO articles (story_id, position, {', '.join(ARTICLE_FIELDS)})"
                       f" VALUES ({', '.join('?' * (len(ARTICLE_FIELDS) + 2))})",
                       (story_id, position, *(stored[f] for f in PLAIN_ARTICLE_FIELDS), *_stored_notes(article)))
            inputs = self._inputs(db, story_id) + [given | {"article": aid}]
            changed = now()
            db.execute("UPDATE stories SET article_count = article_count + 1, revision = revision + 1,"
                       " next_article = ?, updated = ?, input_json = ? WHERE id = ?",
                       (number + 1, changed, json.dumps(inputs, ensure_ascii=False), story_id))
            kept = stored | _notes(article)
            now_story = replace(story, articles=(*story.articles, kept), article_count=story.article_count + 1,
                                revision=story.revision + 1, updated=changed)
        return now_story, kept, True

    def remove_article(self, story_id: str, article_id: str) -> tuple[StoryRow, dict[str, Any]] | None:
        """Take the article ``article_id`` out of the story, and what was given for it out of its inputs, in one
        transaction (SQLite's ``secure_delete`` zeroes what it frees); its summary is made again when it is next
        read. Returns the story as it is now and the article removed; None when there is no such story, or no such
        article in it (``StoryRow`` or not: ``exists`` tells). ``LastArticleError`` for the story's only article."""
        with self._editing(story_id) as editing:
            if editing is None:
                return None
            db, story = editing
            gone = story.article(article_id)
            if gone is None:
                return None
            if story.article_count <= 1:
                raise LastArticleError(f"article {article_id} is the story's only article: a story keeps at least "
                                       f"one; delete the story instead (DELETE /api/stories/{story_id})")
            db.execute("DELETE FROM articles WHERE story_id = ? AND id = ?", (story_id, article_id))
            inputs = [i for i in self._inputs(db, story_id) if i["article"] != article_id]
            changed = now()
            db.execute("UPDATE stories SET article_count = article_count - 1, revision = revision + 1, updated = ?,"
                       " input_json = ? WHERE id = ?", (changed, json.dumps(inputs, ensure_ascii=False), story_id))
            left = tuple(a for a in story.articles if a["id"] != article_id)
            now_story = replace(story, articles=left, article_count=len(left), revision=story.revision + 1,
                                updated=changed)
        return now_story, gone

    def rename(self, story_id: str, title: str | None, automatic: Callable[[StoryRow], str]) -> StoryRow | None:
        """Give the story the title ``title`` (a summary made again keeps it), or with ``None`` its automatic title
        again (``automatic(story)`` now, and what a summary made again gives from then on); None when there is no
        such story. Its summary stands: a new revision, its summary's too when it was of the one before."""
        with self._editing(story_id) as editing:
            if editing is None:
                return None
            db, story = editing
            named = title is not None
            title = title if title is not None else automatic(story)
            changed = now()
            fresh = not story.stale
            db.execute("UPDATE stories SET title = ?, named = ?, revision = revision + 1, updated = ?,"
                       " summary_revision = CASE WHEN ? THEN revision + 1 ELSE summary_revision END WHERE id = ?",
                       (title, named, changed, fresh, story_id))
            renamed = replace(story, title=title, named=named, revision=story.revision + 1, updated=changed,
                              summary_revision=story.revision + 1 if fresh else story.summary_revision)
        return renamed

    def save_summary(self, story: StoryRow, summary: dict[str, Any], analysis: Any, title: str) -> bool:
        """Keep the summary and analysis made again of ``story`` (as read at its revision), and its title from
        them unless it was renamed; nothing when the story changed or went since (False)."""
        with self._connect() as db:
            done = db.execute(
                "UPDATE stories SET summary_json = ?, analysis_json = ?, summary_revision = revision,"
                " title = CASE WHEN named THEN title ELSE ? END WHERE id = ? AND revision = ?",
                (json.dumps(summary, ensure_ascii=False),
                 None if analysis is None else json.dumps(analysis, ensure_ascii=False), title, story.id,
                 story.revision)).rowcount
        return bool(done)

    def list(self, *, limit: int = 20, offset: int = 0) -> tuple[list[StoryListItem], int]:
        """The newest stories first, and how many there are in all."""
        with self._connect() as db:
            total = db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            rows = db.execute(
                "SELECT id, created, title, article_count, updated FROM stories ORDER BY created DESC, id"
                " LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [StoryListItem(*r) for r in rows], total

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    # ----------------------------------------------------------------------------------------- stream

    def add_stream_article(self, article: dict[str, Any], *, story: int, similarity: float) -> StreamArticle:
        """Store one stream article (``id``, ``text``, ``title``, ``source``, ``url``, ``date``, ``origin``, and
        ``created``, its arrival, when the caller took it: now otherwise; ``updated`` for a corrected one) at the
        end of the stream, in one transaction; returns it with its position."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = self._append(db, article, story, similarity)
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        return row

    @staticmethod
    def _append(db: sqlite3.Connection, article: dict[str, Any], story: int, similarity: float) -> StreamArticle:
        """Insert ``article`` at the end of the stream (in the caller's transaction)."""
        position = db.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM stream_articles").fetchone()[0]
        notes = _notes(article)
        row = StreamArticle(
            id=article["id"], position=position, story=story, similarity=similarity,
            created=article.get("created") or now(), title=article.get("title") or "",
            source=article.get("source") or "", url=article.get("url") or "", date=article.get("date"),
            origin=article.get("origin") or "", text=article["text"],
            **notes | {"corrections": tuple(notes["corrections"])}, updated=article.get("updated"),
            author=article.get("author") or "",
        )
        db.execute(f"INSERT INTO stream_articles ({', '.join(STREAM_FIELDS)}) VALUES "
                   f"({', '.join('?' * len(STREAM_FIELDS))})",
                   (*(getattr(row, f) for f in PLAIN_STREAM_FIELDS), *_stored_notes(row), row.updated, row.author))
        return row

    def stream_article(self, article_id: str) -> StreamArticle | None:
        """The stream article with this id, or None."""
        with self._connect() as db:
            row = db.execute(f"SELECT {', '.join(STREAM_FIELDS)} FROM stream_articles WHERE id = ?",
                             (article_id,)).fetchone()
        return None if row is None else _stream_article(row)

    def remove_stream_article(self, article_id: str) -> StreamArticle | None:
        """Take the stream article ``article_id`` out of the stream, in one transaction: its story, left without
        articles, goes into ``stream_emptied``, and the grouper state saved last goes when it holds the article.
        Returns the article removed; None when there is none with this id (nothing changes)."""
        return self._change(article_id, None)

    def replace_stream_article(self, article_id: str, article: dict[str, Any], *, story: int,
                               similarity: float) -> tuple[StreamArticle, StreamArticle] | None:
        """Store ``article`` (as ``add_stream_article`` takes it) in place of the stream article ``article_id``,
        in one transaction: at the end of the stream, with that id, in story ``story``; its former story, left
        without articles, goes into ``stream_emptied``, and the grouper state saved last goes when it holds the
        former article. Returns the former article and the new one; None when there is none with this id."""
        return self._change(article_id, (article | {"id": article_id}, story, similarity))

    @typing.overload
    def _change(self, article_id: str, new: None) -> StreamArticle | None: ...

    @typing.overload
    def _change(self, article_id: str, new: tuple[dict[str, Any], int, float]
                ) -> tuple[StreamArticle, StreamArticle] | None: ...

    def _change(self, article_id: str, new: tuple[dict[str, Any], int, float] | None) -> Any:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                found = db.execute(f"SELECT {', '.join(STREAM_FIELDS)} FROM stream_articles WHERE id = ?",
                                   (article_id,)).fetchone()
                if found is None:
                    db.execute("ROLLBACK")
                    return None
                old = _stream_article(found)
                db.execute("DELETE FROM stream_articles WHERE id = ?", (article_id,))
                added = None if new is None else self._append(db, *new)
                left = db.execute("SELECT 1 FROM stream_articles WHERE story = ? LIMIT 1", (old.story,)).fetchone()
                if left is None:
                    db.execute("INSERT OR REPLACE INTO stream_emptied (story, emptied) VALUES (?, ?)",
                               (old.story, now()))
                db.execute("DELETE FROM stream_state WHERE position >= ?", (old.position,))
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        return old if added is None else (old, added)

    def stream_count(self, *, up_to: int) -> int:
        """How many stream articles are stored at positions up to ``up_to``."""
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM stream_articles WHERE position <= ?", (up_to,)).fetchone()[0])

    def stream_story_count(self) -> int:
        """The number of the stream's latest story (its stories are numbered from 1), emptied ones counted."""
        with self._connect() as db:
            return int(db.execute("SELECT MAX(COALESCE((SELECT MAX(story) FROM stream_articles), 0),"
                                  " COALESCE((SELECT MAX(story) FROM stream_emptied), 0))").fetchone()[0])

    def stream_emptied(self, story: int) -> bool:
        """Whether stream story ``story`` had articles, every one of them removed or moved out since."""
        with self._connect() as db:
            return db.execute("SELECT 1 FROM stream_emptied WHERE story = ?", (story,)).fetchone() is not None

    def stream_articles(self, story: int | None = None, *, after: int = 0) -> builtins.list[StreamArticle]:
        """The stream's articles in arrival order: all of them (those after position ``after``), or one story's."""
        query = f"SELECT {', '.join(STREAM_FIELDS)} FROM stream_articles"
        with self._connect() as db:
            if story is None:
                rows = db.execute(query + " WHERE position > ? ORDER BY position", (after,)).fetchall()
            else:
                rows = db.execute(query + " WHERE story = ? ORDER BY position", (story,)).fetchall()
        return [_stream_article(r) for r in rows]

    def stream_latest(self, n: int) -> builtins.list[tuple[StreamArticle, bool]]:
        """The stream's latest ``n`` articles in arrival order, each with whether it began its story."""
        fields = ", ".join(f"a.{f}" for f in STREAM_FIELDS)
        query = (f"SELECT {fields}, a.position = (SELECT MIN(b.position) FROM stream_articles AS b"
                 " WHERE b.story = a.story) FROM stream_articles AS a WHERE a.position > "
                 "(SELECT COALESCE(MAX(position), 0) FROM stream_articles) - ? ORDER BY a.position")
        with self._connect() as db:
            rows = db.execute(query, (n,)).fetchall()
        return [(_stream_article(r[:-1]), bool(r[-1])) for r in rows]

    def stream_end(self) -> tuple[int, str | None]:
        """The position and id of the stream's latest article: ``(0, None)`` for an empty stream."""
        with self._connect() as db:
            row = db.execute("SELECT position, id FROM stream_articles ORDER BY position DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, None)

    def save_stream_state(self, position: int, article: str, state: str | bytes) -> None:
        """Keep the grouper's state of the stream up to the article at ``position``, the one saved last: its
        JSON, compressed (bytes) or as text."""
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO stream_state (id, position, article, state) VALUES (1, ?, ?, ?)",
                       (position, article, state))

    def stream_state(self) -> tuple[int, str | bytes] | None:
        """The saved grouper state and the position of the last article it holds, when it still matches the
        stored stream (the article saved with it is at that position); else None."""
        with self._connect() as db:
            row = db.execute("SELECT s.position, s.state FROM stream_state AS s JOIN stream_articles AS a"
                             " ON a.position = s.position AND a.id = s.article").fetchone()
        return (row[0], row[1]) if row else None

    def stream_story_page(
        self, story: int, *, limit: int, offset: int = 0
    ) -> tuple[builtins.list[StreamArticle], int]:
        """``limit`` of one story's articles in arrival order from ``offset``, and how many it has: both
        read in one transaction, so the count is of the same story the page was read from."""
        query = (f"SELECT {', '.join(STREAM_FIELDS)} FROM stream_articles WHERE story = ?"
                 " ORDER BY position LIMIT ? OFFSET ?")
        with self._connect() as db:
            db.execute("BEGIN")
            try:
                total = db.execute("SELECT COUNT(*) FROM stream_articles WHERE story = ?", (story,)).fetchone()[0]
                rows = db.execute(query, (story, limit, offset)).fetchall() if total > offset else []
            finally:
                db.execute("COMMIT")
        return [_stream_article(r) for r in rows], total

    def stream_places(self, story: int, ids: builtins.list[str]) -> dict[str, int]:
        """The place (from 1, in arrival order) in story ``story`` of each of ``ids`` that it holds: read from
        the story index for these articles alone, not by listing the story."""
        places: dict[str, int] = {}
        with self._connect() as db:
            for k in range(0, len(ids), 500):  # (SQLite takes a limited number of parameters in one statement)
                some = ids[k:k + 500]
                query = ("SELECT a.id, (SELECT COUNT(*) FROM stream_articles AS b WHERE b.story = a.story"
                         " AND b.position <= a.position) FROM stream_articles AS a"
                         f" WHERE a.story = ? AND a.id IN ({', '.join('?' * len(some))})")
                places.update((i, int(place)) for i, place in db.execute(query, (story, *some)))
        return places

    def stream_stories(self, *, limit: int = 20, offset: int = 0) -> tuple[builtins.list[StreamStoryItem], int]:
        """The stream's stories, newest first, and how many there are. Only the page's stories are
        summed up (their numbers come from the story index): a listing does not read every stored article."""
        with self._connect() as db:
            total = db.execute("SELECT COUNT(DISTINCT story) FROM stream_articles").fetchone()[0]
            rows = db.execute(STREAM_PAGE, (limit, offset)).fetchall()
        return [
            StreamStoryItem(story, n, label(ft, ftext), label(lt, ltext), d0, d1, c0, c1)
            for story, n, ft, ftext, lt, ltext, d0, d1, c0, c1 in rows
        ], total
