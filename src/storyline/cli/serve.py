"""``storyline serve``: the web page and REST API, one command, nothing else to start."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from ..errors import ModelUnavailableError, OptionsError
from . import cli


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="SQLite file for stories "
              "[default: stories.sqlite3 in the user data directory].")
@click.option("--workers", type=click.IntRange(1, 64), help="Summarization processes [default: CPUs - 1].")
@click.option("--queue-limit", default=64, show_default=True, type=click.IntRange(1, 100_000),
              help="Submissions queued or running before new ones get 503 + Retry-After.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host: str, port: int, db: Path | None, workers: int | None, queue_limit: int, log_level: str) -> None:
    """Serve the web page and the JSON API (docs at /docs, schema at /openapi.json)."""
    try:
        import uvicorn

        from ..web.app import WebSettings, create_app, default_db
    except ModuleNotFoundError as exc:
        raise ModelUnavailableError(
            f"the web extra is not installed ({exc.name} is missing): pip install 'storyline[web]'"
        ) from None
    path = db or default_db()
    try:
        settings = WebSettings(db=path, queue_limit=queue_limit)
        if workers:
            settings = dataclasses.replace(settings, workers=workers)
        app = create_app(settings)
    except OSError as exc:
        raise OptionsError(f"{path}: cannot open the story database ({exc.strerror or exc})") from None
    click.echo(f"storyline: stories are stored in {path}", err=True)
    click.echo(f"storyline: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, timeout_graceful_shutdown=30)
