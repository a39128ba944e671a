"""From cleaned articles to a ``Cluster``: sentences segmented, near-duplicate articles merged.

Two outlets often run the same wire story. Keeping both would make the summary quote one of them
at random and double every centrality score, so the copy is left out of the sentence pool and
credited next to the article that stays (``Cluster.duplicates``). Near-duplicates are found by the
containment of word 5-shingles: Broder (1997), "On the resemblance and containment of documents".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .errors import InputTooLargeError
from .model import Article, Cluster, Sentence
from .segment import segment

_SHINGLE = 5
# An article whose shingles are this much contained in another one is a copy of it (edited wire copy
# keeps well above this; two reports of one event share far less).
DUPLICATE_CONTAINMENT = 0.6
# The most sentences one cluster may have. Selection and analysis compare every sentence with every
# other (a dense n x n similarity matrix, and a sparse product that is as dense when the sentences are
# alike), so memory grows with the square: 50 long articles of 200 sentences fit, a 17 MB dump of
# near-identical lines does not.
MAX_SENTENCES = 12_000


_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0x85EBCA77C2B2AE63],
    dtype=np.uint64,
)


# ASCII bytes that are not word characters (``\w``) become spaces; the rest, and every byte of a
# multi-byte UTF-8 character, stay.
_ASCII_WORD_BYTES = bytes(b if chr(b).isalnum() or chr(b) == "_" else ord(" ") for b in range(128)) + bytes(
    range(128, 256)
)


def shingle_words(text: str) -> list[bytes]:
    r"""The words of ``text`` lower-cased, UTF-8 encoded: the same runs of word characters as
    ``re.findall(r"\w+", text.lower())``. A regex builds a string per word and is most of the cost of
    shingling an article; here the few distinct characters outside ASCII that are not word characters
    (curly quotes, dashes) are replaced by spaces, the rest is one C-level byte translation and a split."""
    low = text.lower()
    if not low.isascii():
        codes = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        for code in set(codes[codes > 127].tolist()):  # the few distinct ones (order does not matter)
            char = chr(code)
            if not char.isalnum():  # what ``\w`` means outside ASCII (the underscore is ASCII)
                low = low.replace(char, " ")
    return low.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split()


def shingles(text: str, k: int = _SHINGLE) -> frozenset[int]:
    """Hashes of the word ``k``-grams of ``text`` (see ``shingle_keys``)."""
    return frozenset(shingle_keys(text, k).tolist())


def shingle_keys(text: str, k: int = _SHINGLE) -> np.ndarray:
    """The distinct hashes of the word ``k``-grams of ``text``, sorted (``uint64``): each word hashed
    once, then the ``k`` word hashes of a window mixed with numpy (64 bits, so a collision is as unlikely
    as with hashing the joined text, at a fraction of the cost). A text of fewer than ``k`` words has
    one shingle, all of it."""
    words = shingle_words(text)
    if len(words) < k:
        whole = [hash(b" ".join(words))] if words else []
        return np.array(whole, dtype=np.int64).view(np.uint64)
    ids = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
    n = len(words) - k + 1
    mixed = ids[:n] * _MIX[0]
    for j in range(1, k):
        mixed = (mixed ^ (mixed >> np.uint64(29))) + ids[j : j + n] * _MIX[j % _MIX.size]
    # sorted arrays rather than sets: numpy sorts a few thousand keys in microseconds, while a set
    # costs a Python int per key
    mixed.sort()
    return mixed[np.concatenate(([True], mixed[1:] != mixed[:-1]))]  # not ``np.r_``: ~25 µs of Python a call


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many keys two sorted arrays of distinct keys have in common."""
    if not a.size or not b.size:
        return 0
    at = np.minimum(np.searchsorted(b, a), b.size - 1)
    return int(np.count_nonzero(b[at] == a))


def find_duplicates(articles: Sequence[Article]) -> dict[str, tuple[str, ...]]:
    """Map each kept article id to the ids of its near-duplicates. The longer article of a pair stays
    (it has more to offer); ties keep the earlier one."""
    sh = [shingle_keys(a.text) for a in articles]
    order = sorted(range(len(articles)), key=lambda i: (-sh[i].size, i))
    kept: list[int] = []
    merged: dict[int, list[int]] = {}
    for i in order:
        home = None
        for k in kept:
            if sh[i].size and shared_count(sh[i], sh[k]) / sh[i].size >= DUPLICATE_CONTAINMENT:
                home = k
                break
        if home is None:
            kept.append(i)
            merged[i] = []
        else:
            merged[home].append(i)
    return {
        articles[k].id: tuple(articles[j].id for j in sorted(v)) for k, v in merged.items() if v
    }


def build_cluster(articles: Sequence[Article], *, merge_duplicates: bool = True) -> Cluster:
    """Segment every article; leave near-duplicate copies out of the sentence pool."""
    dups = find_duplicates(articles) if merge_duplicates and len(articles) > 1 else {}
    hidden = {d for ds in dups.values() for d in ds}
    sentences: list[Sentence] = []
    for a in articles:
        if a.id not in hidden:
            # segmenting stops one sentence past the limit: a 20 MB article is refused without reading it all
            alone = not sentences
            sentences += segment(a, limit=MAX_SENTENCES - len(sentences))
            if len(sentences) > MAX_SENTENCES and alone:
                # "give fewer articles" is no help when this one is over the limit by itself
                name = a.origin or f"article {a.id}"
                raise InputTooLargeError(
                    f"{name}: {MAX_SENTENCES + 1:,} sentences or more in this one article, more than the limit of "
                    f"{MAX_SENTENCES:,} per cluster; give a part of it"
                )
            if len(sentences) > MAX_SENTENCES:
                raise _too_large(f"{MAX_SENTENCES + 1:,} sentences or more")
    return check_size(Cluster(articles=tuple(articles), sentences=tuple(sentences), duplicates=dups))


def check_size(cluster: Cluster) -> Cluster:
    """The cluster, or ``InputTooLargeError`` when it has more than ``MAX_SENTENCES`` sentences: raised
    before any work that grows with the square of the count."""
    n = len(cluster.sentences)
    if n > MAX_SENTENCES:
        raise _too_large(f"{n:,} sentences")
    return cluster


def latest_that_fit(articles: Sequence[Article], limit: int | None = None) -> list[Article]:
    """The most recent of ``articles`` (given oldest first) whose sentences, counted newest first, stay within
    ``limit`` (``MAX_SENTENCES`` when not given), in the order given: a story grown past the limit is summarized
    from its latest articles. Merging near-duplicates only removes sentences, so their cluster is within the limit
    too."""
    limit = MAX_SENTENCES if limit is None else limit
    total = 0
    taken: list[Article] = []
    for article in reversed(articles):
        total += len(segment(article))
        if total > limit:
            break
        taken.append(article)
    return taken[::-1]


def _too_large(count: str) -> InputTooLargeError:
    return InputTooLargeError(
        f"{count} in one cluster is more than the limit of {MAX_SENTENCES:,}; give fewer or shorter articles at once"
    )
