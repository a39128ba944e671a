"""The JSON Schemas (Draft 2020-12) of the JSON documents storyline writes, shipped in the package
(``storyline/data/schema/NAME.schema.json``): ``summary`` (``summarize --format json``), ``analysis`` (``analyze
--format json``), ``group`` (``group --format json``), the REST API's ``story`` (``/api/stories/{id}``) and
``stream-story`` (``/api/stream/stories/{n}``), and ``eval`` (``eval --format json``) with ``eval-cluster`` (a line of
its ``--per-cluster`` file).

Each file names itself by a URN (``urn:storyline:schema:summary``) and refers to the others by theirs;
:func:`json_schema` gives one bundled with every schema it refers to (under ``$defs``, each with its ``$id``, as
Draft 2020-12 bundles them), so that it validates alone. The schemas leave objects open: a later storyline adds
fields without a new ``schema_version`` (docs/usage.md, "JSON output"), and a consumer should ignore those it does
not know. The tests hold storyline's own output to them closed, so a field added to the output is added here too.

    >>> import storyline
    >>> storyline.json_schema("summary")["title"]
    'storyline summary'
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from .errors import OptionsError

SCHEMAS = ("summary", "analysis", "group", "story", "stream-story", "eval", "eval-cluster")
URN = "urn:storyline:schema:"


@cache
def _load(name: str) -> dict[str, Any]:
    text = (resources.files("storyline") / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _refers_to(node: Any) -> set[str]:
    """The names of the storyline schemas ``node`` refers to (its ``$ref``s by URN, at any depth)."""
    if isinstance(node, dict):
        found = set().union(*(_refers_to(v) for v in node.values())) if node else set()
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(URN):
            found.add(ref[len(URN):].partition("#")[0])
        return found
    if isinstance(node, list):
        return set().union(*(_refers_to(v) for v in node)) if node else set()
    return set()


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of the document ``name`` (one of ``SCHEMAS``), with the schemas it refers
    to bundled in (a fresh copy: the caller may change it). An unknown name is an ``OptionsError``."""
    if name not in SCHEMAS:
        raise OptionsError(f"no JSON schema named {name!r}; storyline has {', '.join(SCHEMAS)}")
    schema = copy.deepcopy(_load(name))
    needed: list[str] = []
    todo = sorted(_refers_to(schema) - {name})
    while todo:
        other = todo.pop(0)
        if other in needed:
            continue
        needed.append(other)
        todo += sorted(_refers_to(_load(other)) - {name, *needed})
    for other in needed:
        schema.setdefault("$defs", {})[f"storyline-{other}"] = copy.deepcopy(_load(other))
    return schema
