"""Sentence representations shared by every method: tokens, TF-IDF vectors, one similarity API.

Computed once per cluster and cached (weakly, by cluster identity), so selection, attribution and
analysis never tokenise the same text twice.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from .model import Cluster

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
    each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
    herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me
    more most mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over
    own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
    themselves then there there's these they they'd they'll they're they've this those through to too under
    until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your
    yours yourself yourselves said says say would could also one two mr mrs ms s t""".split()
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """The Porter2 (Snowball English) stemmer: PyStemmer's C build when installed (~20x faster, the
    same algorithm; it differed on 10 of 16,411 dev words), else the pure-Python snowballstemmer."""
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes folded), punctuation dropped."""
    # The pattern treats ’ and ' alike, so folding the text first gives the same tokens as folding each.
    return _WORD.findall(text.lower().replace("’", "'"))


def content_terms(text: str) -> list[str]:
    """Stemmed words without stopwords: the terms TF-IDF and overlap measures work on."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and not (len(w) == 1 and w.isdigit())]


def bigrams(terms: Sequence[str]) -> list[tuple[str, str]]:
    return list(zip(terms, terms[1:], strict=False))


# Above this many sentence x term cells the lean path's dense matrix would cost more memory than it saves
# time (8 MB of float64), so ``cosines`` goes through the sparse matrix instead.
DENSE_CELLS = 1_000_000


@dataclass(eq=False)
class ClusterVectors:
    """TF-IDF rows (L2-normalised) for the sentences of a cluster, in ``cluster.sentences`` order.

    ``idf`` is computed over sentences, as LexRank does (Erkan & Radev, 2004); ``article_df`` counts how
    many articles use a term, the basis of cross-article support. ``cells`` are the distinct (sentence,
    term) pairs, sentence-major, with the term's count in the sentence.

    The sparse ``matrix`` and the ``similarity`` matrix are built on first use: a fast method that only
    needs a few rows of cosines (the redundancy check, attribution) never pays for either.
    """

    terms: list[list[str]]
    vocab: dict[str, int]
    idf: np.ndarray
    article_df: np.ndarray
    cells: tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, term frequencies
    _matrix: sparse.csr_matrix | None = field(default=None, repr=False)
    _dense: np.ndarray | None = field(default=None, repr=False)
    _rows: dict[int, np.ndarray] = field(default_factory=dict, repr=False)  # cosine rows of the lean path
    _sim: np.ndarray | None = field(default=None, repr=False)
    _bigrams: list[list[tuple[str, str]]] | None = field(default=None, repr=False)

    @property
    def matrix(self) -> sparse.csr_matrix:
        if self._matrix is None:
            self._matrix = _tfidf_matrix(self.cells, len(self.terms), len(self.vocab), self.idf)
        return self._matrix

    @property
    def distinct_bigrams(self) -> list[list[tuple[str, str]]]:
        """Each sentence's distinct content-word bigrams in first-seen order (the concepts of the default
        method's features and of its coverage selection, computed once for both)."""
        if self._bigrams is None:
            self._bigrams = [list(dict.fromkeys(bigrams(ts))) for ts in self.terms]
        return self._bigrams

    @property
    def similarity(self) -> np.ndarray:
        """Dense cosine similarity between all sentence pairs (computed on first use)."""
        if self._sim is None:
            sim = (self.matrix @ self.matrix.T).toarray()
            np.clip(sim, 0.0, 1.0, out=sim)
            self._sim = sim
        return self._sim

    def cosines(self, i: int) -> np.ndarray:
        """Cosine of sentence ``i`` to every sentence: a row of ``similarity``, computed alone when the
        full matrix has not been built (a fast method need never build it)."""
        if self._sim is not None:
            return self._sim[i]
        if self.dense is not None:
            # A small cluster: one dense matrix-vector product, none of scipy's per-call set-up cost
            # (which is most of the time on a 20-sentence cluster). The rows of the chosen sentences are
            # asked for twice (redundancy check, then attribution), so they are kept.
            row = self._rows.get(i)
            if row is None:
                row = self._rows[i] = np.clip(self.dense @ self.dense[i], 0.0, 1.0)
            return row
        # sparse matrix times a dense vector: one C loop, none of the sparse-times-sparse set-up cost
        m = self.matrix
        a, b = m.indptr[i], m.indptr[i + 1]
        dense = np.zeros(m.shape[1])
        dense[m.indices[a:b]] = m.data[a:b]
        row = np.asarray(m @ dense, dtype=np.float64)
        return np.clip(row, 0.0, 1.0, out=row)

    @property
    def dense(self) -> np.ndarray | None:
        """The TF-IDF rows as a dense array, for a cluster small enough (``None`` otherwise, or once the
        sparse matrix exists: then that one is used, so that every cosine comes from one computation)."""
        n, width = len(self.terms), len(self.vocab)
        if self._dense is None and self._matrix is None and n * width <= DENSE_CELLS:
            rows, cols, vals = _tfidf_cells(self.cells, n, self.idf)
            self._dense = np.zeros((n, width))
            self._dense[rows, cols] = vals
        return self._dense

    def vectorize(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """TF-IDF rows for other texts in this cluster's vocabulary (unknown terms dropped)."""
        terms = [[t for t in content_terms(text) if t in self.vocab] for text in texts]
        return _tfidf_matrix(_count_cells(terms, self.vocab), len(terms), len(self.vocab), self.idf)


Cells = tuple[np.ndarray, np.ndarray, np.ndarray]


def _count_cells(terms: Sequence[Sequence[str]], vocab: dict[str, int]) -> Cells:
    """Distinct (row, term id) pairs in row-then-term order, with counts: numpy rather than a Counter
    per row. Every term must be in ``vocab``."""
    width = max(1, len(vocab))
    rows = np.repeat(np.arange(len(terms), dtype=np.int64), [len(ts) for ts in terms])
    cols = np.fromiter((vocab[t] for ts in terms for t in ts), dtype=np.int64, count=rows.size)
    cells, tf = np.unique(rows * width + cols, return_counts=True)
    r, c = np.divmod(cells, width)
    return r, c, tf


def _tfidf_cells(cells: Cells, n_rows: int, idf: np.ndarray) -> Cells:
    """Values (1 + log tf) * idf of each cell, each row L2-normalised."""
    r, c, tf = cells
    vals = (1.0 + np.log(tf)) * idf[c] if c.size else np.zeros(0)
    norms = np.sqrt(np.bincount(r, weights=vals * vals, minlength=n_rows))
    norms[norms == 0] = 1.0
    return r, c, vals / norms[r]


def _tfidf_matrix(cells: Cells, n_rows: int, width: int, idf: np.ndarray) -> sparse.csr_matrix:
    r, c, vals = _tfidf_cells(cells, n_rows, idf)
    return sparse.csr_matrix((vals, (r, c)), shape=(n_rows, width), dtype=np.float64)


def build_vectors(cluster: Cluster) -> ClusterVectors:
    terms = [content_terms(s.text) for s in cluster.sentences]
    vocab: dict[str, int] = {}
    for ts in terms:
        for t in ts:
            vocab.setdefault(t, len(vocab))
    n = max(1, len(terms))
    cells = _count_cells(terms, vocab)
    rows, cols, _ = cells
    width = len(vocab)
    # document frequencies from the distinct (sentence, term) and (article, term) pairs
    df = np.bincount(cols, minlength=width).astype(float)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    article_of = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in cluster.sentences))}
    art = np.fromiter((article_of[s.article] for s in cluster.sentences), dtype=np.int64, count=len(terms))
    pairs = np.unique(art[rows] * max(1, width) + cols) % max(1, width)
    article_df = np.bincount(pairs, minlength=width).astype(float)
    return ClusterVectors(terms, vocab, idf, article_df, cells)


_CACHE: weakref.WeakKeyDictionary[Cluster, ClusterVectors] = weakref.WeakKeyDictionary()


def vectors(cluster: Cluster) -> ClusterVectors:
    """The cluster's vectors, built once."""
    v = _CACHE.get(cluster)
    if v is None:
        v = build_vectors(cluster)
        _CACHE[cluster] = v
    return v
