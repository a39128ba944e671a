"""``storyline serve`` refusing what it cannot serve: one line on stderr, a documented exit code, and the
user's files left as they were. No server is started here (each case fails before it would listen)."""

import hashlib
import os
import re
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each case must fail before the server runs; if one ever got that far, fail it rather than serve."""
    import uvicorn

    def run(self, sockets=None):
        raise AssertionError("storyline serve went on to serve")

    monkeypatch.setattr(uvicorn.Server, "run", run)


def serve(*args: str):
    return CliRunner().invoke(cli, ["serve", *args], catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    db.close()
    before = digest(other)
    result = serve("--db", str(other), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: {other}: a SQLite database with other tables (contacts), not a "
                             "storyline story database; give a new file or a storyline story database\n")
    assert digest(other) == before and [p.name for p in tmp_path.iterdir()] == ["other.db"]


def test_a_database_of_a_newer_schema_is_refused_in_one_line_and_left_alone(tmp_path: Path) -> None:
    from storyline.web.store import SCHEMA_VERSION, Store

    newer = Store(tmp_path / "newer.db").path
    with sqlite3.connect(newer) as db:  # as a storyline of the next schema would leave it
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.execute("CREATE TABLE stream_clock (day TEXT)")
    db.close()
    before = digest(newer)
    result = serve("--db", str(newer), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: {newer}: written by a newer storyline (schema {SCHEMA_VERSION + 1});"
                             " upgrade storyline\n")
    assert digest(newer) == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The ferry ran late on Monday, the harbour office said.\n")
    result = serve("--db", str(article), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: {article}: not a SQLite database; "
                             "give a new file or a storyline story database\n")
    assert article.read_text() == "The ferry ran late on Monday, the harbour office said.\n"


@pytest.mark.parametrize("damage", ["stream page", "truncated"])
def test_a_damaged_database_is_one_line_and_left_alone(tmp_path: Path, damage: str) -> None:
    # A page of the stream overwritten was exit code 70, "internal error: DatabaseError: database disk image is
    # malformed", from the stream's rebuild (the header check reads no stream page); a truncated file was
    # "cannot open it (database disk image is malformed)".
    from storyline.web.store import Store

    db = tmp_path / "s.db"
    store = Store(db)
    for k in range(40):
        store.add_stream_article({"id": f"a{k}", "text": f"Ferry {k} left the harbour at dawn, the port said. " * 60,
                                  "origin": f"article a{k}"}, story=k + 1, similarity=0.0)
    with sqlite3.connect(db) as con:
        (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'stream_articles'").fetchone()
        (size,) = con.execute("PRAGMA page_size").fetchone()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as f:
        if damage == "truncated":
            f.truncate(db.stat().st_size // 2)
        else:
            f.seek((root - 1) * size)
            f.write(b"\xff" * size)
    before = digest(db)
    result = serve("--db", str(db), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: {db}: the story database is damaged (database disk image is "
                             "malformed); restore it from a backup (sqlite3's .recover saves what it can), or give "
                             "another file\n")
    assert digest(db) == before


def test_a_db_in_a_directory_that_does_not_exist_is_refused_not_made(tmp_path: Path) -> None:
    typo = tmp_path / "storie" / "s.db"
    result = serve("--db", str(typo), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: {typo}: the directory {typo.parent} does not exist; "
                             "give a file in an existing directory\n")
    assert list(tmp_path.iterdir()) == []  # no directory made, no empty store left behind


def test_an_empty_db_name_is_refused_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # it was taken as the current directory: "storyline: error: .: cannot open it (unable to open database file)"
    monkeypatch.chdir(tmp_path)
    for empty in ("", "."):
        result = serve("--db", empty, "--port", "0")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert result.stderr.startswith("storyline: error: ") and "cannot open" not in result.stderr
    assert serve("--db", "", "--port", "0").stderr == (
        "storyline: error: --db '' names no file; give a file such as stories.sqlite3\n")
    assert list(tmp_path.iterdir()) == []


def test_a_port_in_use_is_one_line_before_anything_is_announced(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--db", str(tmp_path / "s.db"), "--port", str(port))
    assert result.exit_code == 9
    assert result.stderr == f"storyline: error: cannot listen on 127.0.0.1:{port}: address already in use\n"
    assert not (tmp_path / "s.db").exists()


def test_the_servers_connections_send_without_waiting_for_acks() -> None:
    """The socket ``serve`` binds is handed to uvicorn's asyncio server, which turns Nagle's algorithm off
    (TCP_NODELAY) on each connection only when the socket says it is TCP. Without it an answer's body waited for
    the client's delayed ACK of its headers: every answer after the first on a kept-alive connection took ~40 ms
    more (a stream fed through one connection: 75 ms a post instead of 30)."""
    import asyncio

    from storyline.cli.serve import listen

    async def accepted_nodelay() -> int:
        made: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                made.set_result(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP,
                                                                              socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listen("127.0.0.1", 0))
        async with server:
            port = server.sockets[0].getsockname()[1]
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                return await asyncio.wait_for(made, 30)
            finally:
                writer.close()

    assert asyncio.run(accepted_nodelay()) != 0


def test_a_database_another_server_holds_is_one_line_and_left_alone(tmp_path: Path) -> None:
    from storyline.web.store import Store, claim

    db = tmp_path / "s.db"
    Store(db)
    before = digest(db)
    held = claim(db)  # as the server already serving it holds it
    assert held is not None
    try:
        result = serve("--db", str(db), "--port", "0")
    finally:
        os.close(held)
    assert result.exit_code == 9
    assert result.stderr == (f"storyline: error: {db}: another storyline server is using this story database (one "
                             "server per database: each groups the stream alone); stop it, or give another --db\n")
    assert digest(db) == before


def test_a_bad_host_is_one_line(tmp_path: Path) -> None:
    result = serve("--db", str(tmp_path / "s.db"), "--host", "256.1.1.1", "--port", "8000")
    assert result.exit_code == 2
    assert result.stderr == "storyline: error: cannot listen on 256.1.1.1:8000: not a valid host name or address\n"


def test_exit_code_9_and_the_queue_limit_are_documented_as_they_behave() -> None:
    for page in ("README.md", "docs/usage.md"):  # the front page's table of exit codes and the full one
        assert re.search(r"^\| 9 \| .*cannot listen", (ROOT / page).read_text(encoding="utf-8"), re.M), page
    # The queue limit counts submissions queued or running (tests/web/test_web_queue.py pins the behaviour).
    assert "queued or running" in serve("--help").stdout
    prose = " ".join((ROOT / "docs" / "web.md").read_text(encoding="utf-8").split())
    assert "503 with `Retry-After` when `--queue-limit` submissions are already queued or running" in prose
    assert "submissions are waiting" not in prose


def test_grouping_options_are_checked_first_and_reach_the_app(tmp_path: Path, monkeypatch) -> None:
    result = serve("--db", str(tmp_path / "s.db"), "--port", "0", "--group-threshold", "0")
    assert result.exit_code == 2 and result.stderr.startswith("storyline: error: the grouping threshold")
    assert not (tmp_path / "s.db").exists()  # refused before the database was made
    import storyline.web.app as webapp

    seen = {}
    real = webapp.create_app

    def spy(settings):
        seen["grouping"] = settings.grouping
        return real(settings)

    monkeypatch.setattr(webapp, "create_app", spy)
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)  # return at once instead
    result = serve("--db", str(tmp_path / "s.db"), "--port", "0",
                   "--group-threshold", "0.3", "--group-window-days", "2")
    assert result.exit_code == 0, result.output
    assert (seen["grouping"].threshold, seen["grouping"].window_days) == (0.3, 2)


@pytest.mark.parametrize(("host", "local"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.0.2.7", False), ("example.org", False)])
def test_serve_on_loopback_answers_only_requests_addressed_to_this_machine(host: str, local: bool) -> None:
    from storyline.cli.serve import is_loopback

    assert is_loopback(host) is local


def test_the_default_serve_turns_on_the_host_check(tmp_path: Path, monkeypatch) -> None:
    import uvicorn

    import storyline.web.app as webapp

    seen = {}
    real = webapp.create_app
    monkeypatch.setattr(webapp, "create_app", lambda settings: seen.setdefault("s", settings) and real(settings))
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    result = serve("--db", str(tmp_path / "s.db"), "--port", "0")
    assert result.exit_code == 0, result.output
    assert seen["s"].local_only is True


@pytest.mark.parametrize("host", ["no-such-host.invalid", "example.invalid."])
def test_a_host_name_that_does_not_resolve_is_not_called_invalid(tmp_path: Path, host: str) -> None:
    # "--host example.org" said "not a valid host name or address": it is a valid name this machine could not
    # resolve (.invalid never resolves, RFC 2606), which is a listen failure like an address of elsewhere.
    result = serve("--db", str(tmp_path / "s.db"), "--host", host, "--port", "8000")
    assert result.exit_code == 9
    assert result.stderr.startswith(f"storyline: error: cannot listen on {host}:8000: cannot resolve {host} here (")
    assert result.stderr.endswith("); give an address of this machine, such as 127.0.0.1 or 0.0.0.0\n")
    assert result.stderr.count("\n") == 1 and not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("host", ["256.1.1.1", "bad host!", "-x.org", "a..b"])
def test_a_host_that_is_no_name_nor_address_is_a_usage_error(tmp_path: Path, host: str) -> None:
    result = serve("--db", str(tmp_path / "s.db"), "--host", host, "--port", "8000")
    assert result.exit_code == 2
    assert result.stderr == f"storyline: error: cannot listen on {host}:8000: not a valid host name or address\n"


@pytest.mark.parametrize(("host", "told"), [("127.0.0.1", False), ("0.0.0.0", True)])
def test_serving_beyond_this_machine_says_there_is_no_login(tmp_path: Path, monkeypatch, host: str,
                                                            told: bool) -> None:
    # --host 0.0.0.0 opened every story to the network (read, add, delete) without a word
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    result = serve("--db", str(tmp_path / "s.db"), "--port", "0", "--host", host)
    assert result.exit_code == 0, result.output
    note = (f"storyline: note: {host} is reachable from other machines, and the server has no login: anyone who "
            "can reach it can read, add and delete stories")
    assert (note in result.stderr) is told, result.stderr
