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
from ..represent import ClusterVectors


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
    ids: dict[tuple[str, str], int] = {}
    grams = vecs.distinct_bigrams
    cols = np.fromiter(
        (ids.setdefault(g, len(ids)) for gs in grams for g in gs), dtype=np.int64, count=sum(map(len, grams))
    )
    per_sentence = np.fromiter(map(len, grams), dtype=np.int64, count=len(grams))
    rows = np.repeat(np.arange(len(grams), dtype=np.int64), per_sentence)
    bounds = np.concatenate(([0], np.cumsum(per_sentence)))
    article_of: dict[str, int] = {}
    art = np.fromiter(
        (article_of.setdefault(s.article, len(article_of)) for s in cluster.sentences),
        dtype=np.int64,
        count=len(cluster.sentences),
    )
    width = max(1, len(article_of))
    used = np.unique(cols * width + art[rows]) // width  # one entry per distinct (bigram, article)
    articles = np.bincount(used, minlength=len(ids)).astype(np.float64)
    return BigramIndex(rows, cols, articles, bounds)
