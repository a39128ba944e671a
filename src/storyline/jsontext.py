"""JSON read from input the user gave (a dataset file, standard input, an upload, a page's JSON-LD).

Python's parser recurses once per level of nesting and raises ``RecursionError``, not ``JSONDecodeError``, on a
value nested deeper than the interpreter's recursion limit (``[[[…]]]`` a few thousand deep, a few kilobytes):
every caller's "not valid JSON" branch missed it and the command stopped with an internal error.
"""

from __future__ import annotations

import json
from typing import Any

TOO_DEEP = "nested too deeply"


def loads(text: str | bytes) -> Any:
    """``json.loads(text)``; a value nested too deeply for the parser is a ``json.JSONDecodeError`` too."""
    try:
        return json.loads(text)
    except RecursionError:
        doc = text if isinstance(text, str) else text.decode("utf-8", "replace")
        raise json.JSONDecodeError(TOO_DEEP, doc, 0) from None
