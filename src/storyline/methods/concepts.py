"""The cluster's concepts: each sentence's distinct content-word bigrams, and how many articles use each.

Concepts in the sense of Gillick & Favre (2009): the default method's features count how widely a
sentence's bigrams are reported (:mod:`.features`) and its selection covers the widely reported ones
(:mod:`.coverage`). Both read the same index, built once per cluster representation.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors, distinct_keys


@dataclass(frozen=True, slots=True, eq=False)
class BigramIndex:
    """The distinct (sentence, bigram) pairs of a cluster, sentence-major and in first-seen order within
    each sentence (so sums over them come out the same in every process), and per bigram the number of
    articles whose sentences use it. ``bounds[i]:bounds[i + 1]`` are sentence ``i``'s pairs."""

    rows: np.ndarray  # (pairs,) sentence number
    cols: np.ndarray  # (pairs,) bigram number
    articles: np.ndarray  # (bigrams,) articles using the bigram, as float
    bounds: np.ndarray  # (sentences + 1,)

    @property
    def counts(self) -> np.ndarray:
        """Distinct bigrams per sentence."""
        return np.diff(self.bounds).astype(np.float64)


_CACHE: weakref.WeakKeyDictionary[ClusterVectors, BigramIndex] = weakref.WeakKeyDictionary()


def bigram_index(cluster: Cluster, vecs: ClusterVectors) -> BigramIndex:
    """The cluster's bigram index (built on first use, then shared by features and selection)."""
    index = _CACHE.get(vecs)
    if index is None:
        index = _CACHE[vecs] = _build(cluster, vecs)
    return index


def _build(cluster: Cluster, vecs: ClusterVectors) -> BigramIndex:
    """From the term occurrences in reading order, with numpy: a bigram is two consecutive terms of one
    sentence; pairs and bigram numbers come out in first-seen order, as a walk over the sentences would
    give them (the Python walk cost a third of the default's features on a Multi-News cluster)."""
    rows_all, ids_all = vecs.tokens
    n = len(cluster.sentences)
    width = max(1, len(vecs.vocab))
    same = rows_all[:-1] == rows_all[1:]
    sent = rows_all[:-1][same]
    pair = ids_all[:-1][same] * width + ids_all[1:][same]
    # distinct (sentence, bigram) pairs, kept in order of first occurrence
    order, new_key = _sorted_runs(sent * (width * width) + pair)
    first = np.sort(order[new_key])
    rows, pair = sent[first], pair[first]
    # bigram numbers in order of first occurrence
    order, new_key = _sorted_runs(pair)
    first_of = order[new_key]  # each bigram's first pair, in bigram order
    number = np.empty(first_of.size, dtype=np.int64)
    number[np.argsort(first_of, kind="stable")] = np.arange(first_of.size)
    cols = np.empty(pair.size, dtype=np.int64)
    cols[order] = number[np.cumsum(new_key) - 1]
    bounds = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=bounds[1:])
    article_of: dict[str, int] = {}
    art = np.fromiter(
        (article_of.setdefault(s.article, len(article_of)) for s in cluster.sentences), dtype=np.int64, count=n
    )
    arts = max(1, len(article_of))
    used = distinct_keys(cols * arts + art[rows]) // arts  # one entry per distinct (bigram, article)
    articles = np.bincount(used, minlength=first_of.size).astype(np.float64)
    return BigramIndex(rows, cols, articles, bounds)


def _sorted_runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stable sort order of ``keys`` and, along it, where a new key begins: ``order[new_key]`` is the
    first position of each distinct key, in key order (``np.unique``'s ``return_index``, without its
    Python-level set-up, which cost more than the sorting on a cluster's few hundred pairs)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new_key = np.empty(ordered.size, dtype=bool)
    if ordered.size:
        new_key[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=new_key[1:])
    return order, new_key
