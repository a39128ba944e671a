"""The web shell: a FastAPI app (pages and a JSON API) over :mod:`storyline.api`, with a SQLite store.

Imported lazily: the worker processes import :mod:`storyline.web.jobs` without FastAPI.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    from .app import create_app as _create

    return _create(*args, **kwargs)
