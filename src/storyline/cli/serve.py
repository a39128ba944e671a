"""``storyline serve``: the web page and REST API, one command, nothing else to start."""

from __future__ import annotations

import dataclasses
import errno
import ipaddress
import os
import re
import socket
from pathlib import Path

import click

from ..errors import ListenError, ModelUnavailableError, OptionsError
from ..group import GroupingOptions
from . import cli

_LISTEN_REASONS = {
    errno.EADDRINUSE: "address already in use",
    errno.EADDRNOTAVAIL: "not an address of this machine",
    errno.EACCES: "permission denied (ports below 1024 need privileges)",
}


def _where(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def is_loopback(host: str) -> bool:
    """Whether ``--host`` is this machine's loopback (the default): then only this machine's browser can reach
    the server, and it answers only requests addressed to localhost or an IP address (DNS rebinding)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# One label of a host name (RFC 1123): letters, digits and inner hyphens, at most 63.
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def is_host_name(host: str) -> bool:
    """Whether ``--host`` is written as a host name (``example.org``, ``my-box``): labels of letters, digits and
    hyphens, not all digits (``256.1.1.1`` is a mistyped address, not a name), at most 253 characters."""
    name = host[:-1] if host.endswith(".") else host
    labels = name.split(".")
    return (0 < len(name) <= 253 and all(_LABEL.fullmatch(label) for label in labels)
            and not all(label.isdigit() for label in labels))


def listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound before anything is announced, so that a port in use or a bad address is
    one line of error rather than a 'serving on' followed by the server's own failure."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # as uvicorn decides it
    # IPPROTO_TCP named, as getaddrinfo names it when uvicorn binds the address itself: asyncio sets TCP_NODELAY
    # only on connections of a socket that says it is TCP (proto 0 does not), and without it every answer after
    # the first on a kept-alive connection waited ~40 ms for the client's delayed ACK (Nagle's algorithm)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except socket.gaierror as exc:
        sock.close()
        if not is_host_name(host):
            raise OptionsError(f"cannot listen on {_where(host, port)}: not a valid host name or address") from None
        # a well-formed name this machine cannot look up: were it looked up, an address of elsewhere (exit 9 too)
        raise ListenError(f"cannot listen on {_where(host, port)}: cannot resolve {host} here "
                          f"({(exc.strerror or str(exc)).lower()}); give an address of this machine, such as "
                          "127.0.0.1 or 0.0.0.0") from None
    except OSError as exc:
        sock.close()
        reason = _LISTEN_REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
        raise ListenError(f"cannot listen on {_where(host, port)}: {reason}") from None
    except BaseException:
        sock.close()
        raise
    return sock


_GROUPING = GroupingOptions()


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="SQLite file for stories "
              "[default: stories.sqlite3 in the user data directory]; a new file, or one storyline made.")
@click.option("--workers", type=click.IntRange(1, 64), help="Summarization processes [default: CPUs - 1].")
@click.option("--queue-limit", default=64, show_default=True, type=click.IntRange(1, 100_000),
              help="Submissions queued or running at once; more get 503 + Retry-After.")
@click.option("--group-threshold", type=float, default=_GROUPING.threshold, show_default=True,
              help="The stream (POST /api/articles): least similarity for an article to join a story.")
@click.option("--group-window-days", type=int, default=_GROUPING.window_days, show_default=True,
              help="The stream: an article joins no story more than this many days from it (0: off).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(
    host: str,
    port: int,
    db: Path | None,
    workers: int | None,
    queue_limit: int,
    group_threshold: float,
    group_window_days: int,
    log_level: str,
) -> None:
    """Serve the web page and the JSON API (docs at /docs, schema at /openapi.json)."""
    grouping = GroupingOptions(threshold=group_threshold, window_days=group_window_days)  # checked first
    if db is not None and str(db) == ".":  # --db '' (a "." itself is refused by click as a directory)
        raise OptionsError("--db '' names no file; give a file such as stories.sqlite3")
    if db is not None and not db.parent.is_dir():  # a mistyped --db would make a new tree and an empty store
        raise OptionsError(f"{db}: the directory {db.parent} does not exist; give a file in an existing directory")
    try:
        import uvicorn

        from ..web.app import WebSettings, claim, create_app, default_db
    except ModuleNotFoundError as exc:
        raise ModelUnavailableError(
            f"the web extra is not installed ({exc.name} is missing): pip install 'storyline[web]'"
        ) from None
    path = db or default_db()
    sock = listen(host, port)
    held: int | None = None
    try:
        try:
            held = claim(path)  # (until the server stops)
            settings = WebSettings(db=path, queue_limit=queue_limit, grouping=grouping, local_only=is_loopback(host))
            if workers:
                settings = dataclasses.replace(settings, workers=workers)
            app = create_app(settings)
        except OSError as exc:
            raise OptionsError(f"{path}: cannot open the story database ({exc.strerror or exc})") from None
        bound = _where(host, sock.getsockname()[1])
        click.echo(f"storyline: stories are stored in {path}", err=True)
        click.echo(f"storyline: serving on http://{bound}/ (Ctrl+C to stop)", err=True)
        if not is_loopback(host):
            # There is no login: on another address than this machine's loopback, whoever reaches it may read,
            # add, change and delete stories. Said once at start, where it cannot be missed.
            click.echo(f"storyline: note: {host} is reachable from other machines, and the server has no login: "
                       "anyone who can reach it can read, add and delete stories (the default 127.0.0.1 is this "
                       "machine alone)", err=True)
        config = uvicorn.Config(app, log_level=log_level, server_header=False, timeout_graceful_shutdown=30)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        if held is not None:
            os.close(held)
