"""Which storyline, and which form of its JSON, made an output: every JSON document the command line writes and
the REST API answers carries both, so that a consumer can tell what it reads (docs/usage.md, "JSON output")."""

from __future__ import annotations

__version__ = "0.1.0"  # pyproject.toml's [project] version (tests/test_packaging.py checks they agree)

# The JSON's form (not the web database's schema, which store.py numbers apart). Raised when a field is renamed or
# removed or changes meaning; fields are added without raising it, so a consumer should ignore fields it does not
# know.
SCHEMA_VERSION = 1


def stamp() -> dict[str, object]:
    """The fields that say which storyline, and which form of its JSON, made a JSON document."""
    return {"storyline_version": __version__, "schema_version": SCHEMA_VERSION}
