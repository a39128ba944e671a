"""The package's one stemmer: Porter2 (Snowball English), with a cache of every word stemmed so far.

It imports nothing from the package, so any stage may use it however low it sits: ``represent`` builds its terms
with it, and ``clean`` asks it whether a word broken across a line is one the term lexicon knows.
"""

from __future__ import annotations

import sys
from functools import lru_cache

__all__ = ["stem", "stems"]

# Every word stemmed so far, and its stem: one dict lookup for a word seen before (cleared when full).
_STEMS: dict[str, str] = {}
_MAX_STEMS = 200_000


def stem(word: str) -> str:
    got = _STEMS.get(word)
    return got if got is not None else _stem_new([word])[0]


def stems(words: list[str]) -> list[str]:
    """``stem`` of each word; the words not seen before go to the stemmer in one call."""
    got = list(map(_STEMS.get, words))
    if None not in got:
        return got  # type: ignore[return-value]
    missing = [w for w, s in zip(words, got, strict=True) if s is None]
    new = dict(zip(missing, _stem_new(missing), strict=True))
    return [s if s is not None else new[w] for w, s in zip(words, got, strict=True)]


def _stem_new(words: list[str]) -> list[str]:
    # Interned, as the term lexicon's keys are: a lookup then matches the key by identity instead of
    # comparing the strings, whose memory is cold when other work ran in between (0.2-0.5 ms a cluster).
    out = [sys.intern(s) for s in _stemmer().stemWords(words)]
    if len(_STEMS) + len(out) > _MAX_STEMS:
        _STEMS.clear()
    _STEMS.update(zip(words, out, strict=True))
    return out


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """The Porter2 (Snowball English) stemmer: PyStemmer's C build when installed (~20x faster, the
    same algorithm; it differed on 10 of 16,411 dev words), else the pure-Python snowballstemmer.
    PyStemmer's own cache is off (``_STEMS`` is the cache): its bookkeeping made a new word cost ~3 µs
    instead of ~0.5."""
    try:
        import Stemmer

        return Stemmer.Stemmer("english", 0)
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")
