"""Fixtures for the web tests: a real server on a free loopback port with a temporary database."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
# The helpers beside this file (the suite runs with --import-mode=importlib, which adds no test dirs).
sys.path.insert(0, str(Path(__file__).parent))

from webserver import Server  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("web") / "stories.sqlite3").start()
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(tmp_path / "stories.sqlite3")
    yield srv
    srv.stop()
