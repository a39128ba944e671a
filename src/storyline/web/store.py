"""Stories on disk: one SQLite file, nothing to install or start.

Each story is written in one transaction (the story row and its articles together), in WAL mode with
``synchronous=FULL``: a commit is on disk before the client hears 201, and a crash mid-write leaves the
database as it was before that write began, never half a story. Readers do not block the writer.

A connection is opened per operation: SQLite connections are cheap, and this keeps the store safe to use
from the server's thread pool without sharing a connection across threads.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import OptionsError

# Written into the file header of every database this module creates ("STLN"), with the schema version in
# user_version: the mark that tells a story database from any other SQLite file before a byte is written.
APPLICATION_ID = 0x53544C4E
SCHEMA_VERSION = 1
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

ARTICLE_FIELDS = ("id", "source", "title", "date", "url", "author", "origin", "text")
# The tables as SCHEMA makes them, to recognise a store written before the header mark was introduced.
COLUMNS = {
    "stories": ("id", "created", "title", "article_count", "summary_json", "analysis_json", "input_json"),
    "articles": ("story_id", "position", *ARTICLE_FIELDS),
}


class StoreError(OptionsError):
    """The file given for the stories is not a story database: not SQLite at all, or another program's
    database. It is refused untouched."""


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

    def article(self, article_id: str) -> dict[str, Any] | None:
        return next((a for a in self.articles if a["id"] == article_id), None)


@dataclass(frozen=True, slots=True)
class StoryListItem:
    id: str
    created: str
    title: str
    article_count: int


class Store:
    """The SQLite store of stories. ``path`` is created (with its directory) on first use; an existing file
    is used only if it is a story database (``StoreError`` otherwise, and the file is left as it was)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connect() as db:
                self._check(db)
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(
                    f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA application_id = {APPLICATION_ID};"
                    f" PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
        except sqlite3.DatabaseError as exc:
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
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        sid,
                        created,
                        title,
                        len(articles),
                        json.dumps(summary, ensure_ascii=False),
                        None if analysis is None else json.dumps(analysis, ensure_ascii=False),
                        json.dumps(inputs, ensure_ascii=False),
                    ),
                )
                db.executemany(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (sid, k, *(a.get(f) if f == "date" else (a.get(f) or "") for f in ARTICLE_FIELDS))
                        for k, a in enumerate(articles)
                    ],
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return StoryRow(sid, created, title, len(articles), summary, analysis, tuple(articles))

    def get(self, story_id: str) -> StoryRow | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT id, created, title, article_count, summary_json, analysis_json FROM stories WHERE id = ?",
                (story_id,),
            ).fetchone()
            if row is None:
                return None
            arts = db.execute(
                f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE story_id = ? ORDER BY position",
                (story_id,),
            ).fetchall()
        return StoryRow(
            id=row[0],
            created=row[1],
            title=row[2],
            article_count=row[3],
            summary=json.loads(row[4]),
            analysis=None if row[5] is None else json.loads(row[5]),
            articles=tuple(dict(zip(ARTICLE_FIELDS, a, strict=True)) for a in arts),
        )

    def list(self, *, limit: int = 20, offset: int = 0) -> tuple[list[StoryListItem], int]:
        """The newest stories first, and how many there are in all."""
        with self._connect() as db:
            total = db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            rows = db.execute(
                "SELECT id, created, title, article_count FROM stories ORDER BY created DESC, id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [StoryListItem(*r) for r in rows], total

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
