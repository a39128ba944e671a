"""Sentence features for the learned scorer: one row per sentence of a cluster, one column per name in
``FEATURE_NAMES``.

Every feature is case-blind (the training text is lower-cased and sentence-cased, the text we summarize
is not) and most are relative to the cluster (a percentile, a share of the other articles), so that a
model fitted on the processed Multi-News release carries over to full-length scraped articles.

The ingredients are the classic signals of extractive multi-document summarization: position (Edmundson,
1969; the lead baseline), centrality to the cluster centroid (Radev et al., 2004), graph degree (Erkan &
Radev, 2004), how many articles carry a sentence's words and bigrams (the concept weights of Gillick &
Favre, 2009), cross-article support (the same fact reported by several outlets), and how likely summary
writers are to keep the sentence's words at all (Hong & Nenkova, 2014; :mod:`.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors
from ..vocabulary import SAID_FEATURE, alternation
from .base import dangling
from .concepts import bigram_index
from .lexicon import COLUMNS, TermLexicon, lexicon_columns

FEATURE_NAMES: tuple[str, ...] = (
    "index",  # position in its article, 0-based
    "inv_sqrt_index",
    "article_rank",  # order of its article in the cluster, as a share of the articles
    "n_articles",  # articles whose sentences are in the pool
    "words",
    "content_terms",
    "centroid_cos",
    "centroid_pct",
    "article_centroid_cos",  # cosine to the centroid of its own article
    "degree",  # share of the cluster's sentences with cosine > 0.1 (LexRank's graph)
    "degree_pct",
    "support",  # summed best cosine (>= 0.25) to each other article, per other article
    "support_pct",
    "support_articles",  # share of other articles with a sentence of cosine >= 0.25
    "best_other",  # best cosine to any sentence of another article
    "term_mass",  # mean share of articles that use each of its terms
    "term_mass_pct",
    "bigram_mass",  # mean share of articles that use each of its bigrams
    "bigram_sum",  # summed share of articles over its bigrams that occur in 2+ articles
    "bigram_pct",
    "lead_sim",  # mean over the other articles of the best cosine to one of their first two sentences
    "digits",
    "quote",
    "dangling",
    "said",
    "stop_share",  # share of its words that are not content terms
    *COLUMNS,  # learned term importance (lexicon.py)
    "lex_pct",  # percentile of lex_mean within the cluster
)

_QUOTE = re.compile(r"[\"“”]")
_DIGIT = re.compile(r"\d")
_SAID = re.compile(rf"\b(?:{alternation(SAID_FEATURE)})\b", re.IGNORECASE)


def _says(text: str) -> bool:
    """``_SAID`` finds a match; the words are looked for as substrings first (the case-blind regex is
    tried at every character). Text outside ASCII goes to the regex: its case folding is wider."""
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in SAID_FEATURE):
            return False
    return _SAID.search(text) is not None


def percentile(x: np.ndarray) -> np.ndarray:
    """Percentile rank within the cluster (0 lowest, 1 highest; ties share the mean rank). Values equal
    to 12 decimals are ties: two copies of one sentence must rank alike even when their cosines were
    summed in another order and differ in the last bit."""
    n = x.size
    if n <= 1:
        return np.ones(n)
    x = np.round(x, 12)
    ordered = np.sort(x)
    # tied values occupy the ranks left..right-1 of the sorted order; each gets their mean
    left = np.searchsorted(ordered, x, side="left")
    right = np.searchsorted(ordered, x, side="right")
    return (left + right - 1) / 2 / (n - 1)


# Up to this many sentences ``percentiles`` counts with one (columns x n x n) comparison instead of a sort
# per column: on a small cluster numpy's per-call set-up, not the work, is the cost.
_PAIRWISE_RANKS = 64


def percentiles(*columns: np.ndarray) -> np.ndarray:
    """``percentile`` of each column, as the rows of one array: the same numbers (ranks are counts)."""
    x = np.round(np.stack(columns), 12)
    k, n = x.shape
    if n <= 1:
        return np.ones((k, n))
    if n > _PAIRWISE_RANKS or np.isnan(x).any():  # NaN: the sort's order, which comparisons do not give
        return np.stack([percentile(c) for c in columns])
    # for each value, how many of its column lie below it (``left``) and how many not above it (``right``)
    left = (x[:, None, :] < x[:, :, None]).sum(axis=2)
    right = (x[:, None, :] <= x[:, :, None]).sum(axis=2)
    return (left + right - 1) / 2 / (n - 1)


def _centroid_cos(matrix) -> np.ndarray:  # type: ignore[no-untyped-def]
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(matrix.shape[0])
    return np.asarray(matrix @ (centroid / norm)).ravel()


def _own_centroid_cos(sim: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Cosine of each sentence of ``rows`` to the centroid of those sentences, from the cosine matrix
    of L2-normalised rows: ``x_i . c = mean_j sim_ij`` and ``|c|^2 = mean_jk sim_jk`` (a sparse row slice
    per article cost more than the rest of the features on small clusters)."""
    lo, hi = int(rows[0]), int(rows[-1]) + 1
    # an article's sentences are one run of the cluster's (as ``build_cluster`` makes them): a slice's copy,
    # the same array as the fancy index gives, for less; no copy at all when the run is every sentence (one
    # article: the slice is ``sim`` itself, contiguous, so its means are the copy's, and a copy would double
    # the peak memory, 800 MB more for 10,000 sentences)
    if hi - lo == rows.size:
        sub = sim[lo:hi, lo:hi]
        if not sub.flags.c_contiguous:
            sub = sub.copy()
    else:
        sub = sim[np.ix_(rows, rows)]
    norm2 = float(sub.mean()) if sub.size else 0.0
    if norm2 <= 0:
        return np.zeros(sub.shape[0])
    return sub.mean(axis=1) / np.sqrt(norm2)


# Cells of the boolean comparison ``_above`` makes at a time: a large cluster's whole matrix would be another n x n
# array (100 MB for 10,000 sentences) for a count per row.
_ABOVE_CELLS = 4_000_000


def _above(sim: np.ndarray, threshold: float) -> np.ndarray:
    """How many entries of each row of ``sim`` are above ``threshold``, a block of rows at a time."""
    n = sim.shape[0]
    block = max(1, _ABOVE_CELLS // max(1, sim.shape[1]))
    if block >= n:
        return np.count_nonzero(sim > threshold, axis=1)
    out = np.empty(n, dtype=np.intp)
    for start in range(0, n, block):
        out[start : start + block] = np.count_nonzero(sim[start : start + block] > threshold, axis=1)
    return out


def _article_max(sim: np.ndarray, art: np.ndarray, ids: list[str]) -> np.ndarray:
    """(sentences x articles): best cosine of each sentence to a sentence of each article; a sentence's
    own article is set to -1 so it never counts as support."""
    out = np.empty((sim.shape[0], len(ids)))
    for k, a in enumerate(ids):
        cols = art == a
        (where,) = np.nonzero(cols)
        if where.size and where[-1] - where[0] + 1 == where.size:
            # an article's sentences are one run of the cluster's (as ``build_cluster`` makes them): a view, where
            # the mask copied its columns (one article of 10,000 sentences: 800 MB more, and seconds)
            out[:, k] = sim[:, where[0] : where[-1] + 1].max(axis=1)
        else:
            out[:, k] = sim[:, cols].max(axis=1) if cols.any() else 0.0
        out[cols, k] = -1.0
    return out


def _whole(sim: np.ndarray, art: np.ndarray, ids: list[str], lead_rows: np.ndarray) -> tuple[np.ndarray, ...]:
    """From the whole cosine matrix: each sentence's cosine to its own article's centroid, its count of cosines above
    0.1, its best cosine to each article (``_article_max``) and its summed best cosine to the lead sentences of each
    other article (not yet divided by their number)."""
    n = sim.shape[0]
    own = np.zeros(n)
    for a in ids:
        rows = np.flatnonzero(art == a)
        own[rows] = _own_centroid_cos(sim, rows)
    lead_sim = np.zeros(n)
    if len(ids) > 1:
        for a in ids:
            cols = lead_rows & (art == a)
            if cols.any():
                best = sim[:, cols].max(axis=1)
                best[art == a] = 0.0
                lead_sim += best
    return own, _above(sim, 0.1), _article_max(sim, art, ids), lead_sim


def _streamed(vecs: ClusterVectors, art: np.ndarray, ids: list[str], lead_rows: np.ndarray) -> tuple[np.ndarray, ...]:
    """``_whole``'s figures from ``vecs.similarity_blocks()``, bit for bit, holding one block of rows at a time: the
    maxima and counts are the same whatever the order; each sentence's sum over its own article's columns is
    numpy's of that row of the article's block; and the sum over the whole block that ``_own_centroid_cos`` takes
    (numpy's pairwise summation of it, flattened) is replayed from the same pieces (``_PairwiseSum``)."""
    n = len(art)
    runs = [np.flatnonzero(art == a) for a in ids]
    spans = [(int(r[0]), int(r[-1]) + 1) if r[-1] - r[0] + 1 == r.size else None for r in runs]
    leads = [np.flatnonzero(lead_rows & (art == a)) for a in ids]
    own_sums = np.zeros(n)
    totals = [_PairwiseSum(r.size * r.size) for r in runs]
    above = np.empty(n, dtype=np.intp)
    amax = np.empty((n, len(ids)))
    lead_sim = np.zeros(n)
    for start, block in vecs.similarity_blocks():
        stop = start + block.shape[0]
        above[start:stop] = _above(block, 0.1)
        for k, (rows, span) in enumerate(zip(runs, spans, strict=True)):
            cols = block[:, span[0] : span[1]] if span else block[:, rows]
            amax[start:stop, k] = cols.max(axis=1)
            mine = rows[(rows >= start) & (rows < stop)]  # this article's rows in the block, in order
            if mine.size:
                # as ``_own_centroid_cos`` reads them: the article's own block, row-major, contiguous (a view of
                # the block when the article is every sentence)
                got = cols[mine[0] - start : mine[-1] - start + 1] if span else cols[mine - start]
                part = np.ascontiguousarray(got)
                own_sums[mine] = np.add.reduce(part, axis=1)
                totals[k].add(part.ravel())
        if len(ids) > 1:
            for k, lead in enumerate(leads):
                if lead.size:
                    best = block[:, lead].max(axis=1)
                    best[art[start:stop] == ids[k]] = 0.0
                    lead_sim[start:stop] += best
    own = np.zeros(n)
    for k, rows in enumerate(runs):
        amax[rows, k] = -1.0
        norm2 = float(totals[k].total() / (rows.size * rows.size))
        if norm2 > 0:
            own[rows] = own_sums[rows] / rows.size / np.sqrt(norm2)
    return own, above, amax, lead_sim


class _PairwiseSum:
    """``np.add.reduce`` of a contiguous float64 array of ``size`` values handed in a piece at a time, in order, with
    the same result: numpy sums such an array pairwise (the first half, rounded down to a multiple of 8, and the
    rest, each summed the same way), so the array is cut where that recursion cuts it, down to pieces of at most
    ``LEAF`` values (at least 128: numpy sums up to 128 values in one go); each piece is summed by numpy as it
    comes, and the pieces' sums are added as the recursion adds them."""

    LEAF = 1 << 20

    def __init__(self, size: int) -> None:
        self.size = size
        self.cuts = self._cuts(0, size) if size else []  # the leaves' ends, in order
        self.sums: list[float] = []
        self.pending: list[np.ndarray] = []
        self.held = 0

    def _cuts(self, lo: int, hi: int) -> list[int]:
        if hi - lo <= self.LEAF:
            return [hi]
        half = (hi - lo) // 2
        half -= half % 8
        return self._cuts(lo, lo + half) + self._cuts(lo + half, hi)

    def add(self, piece: np.ndarray) -> None:
        if piece.size:
            self.pending.append(piece)
            self.held += piece.size
        done = self.cuts[len(self.sums) - 1] if self.sums else 0
        while len(self.sums) < len(self.cuts) and self.held >= self.cuts[len(self.sums)] - done:
            take = self.cuts[len(self.sums)] - done
            if self.pending[0].size >= take:  # a view of the piece: no copy
                leaf = self.pending[0][:take]
            else:  # the leaf spans pieces: only its own values are copied together
                parts, need = [], take
                for p in self.pending:
                    parts.append(p[:need])
                    need -= parts[-1].size
                    if not need:
                        break
                leaf = np.concatenate(parts)
            self.sums.append(np.add.reduce(leaf))
            rest, drop = [], take
            for p in self.pending:  # the values not yet summed
                if drop >= p.size:
                    drop -= p.size
                    continue
                rest.append(p[drop:])
                drop = 0
            self.pending = rest
            self.held -= take
            done += take

    def total(self) -> float:
        leaves = iter(self.sums)
        return self._combine(0, self.size, leaves) if self.size else 0.0

    def _combine(self, lo: int, hi: int, leaves: Iterator[float]) -> float:
        if hi - lo <= self.LEAF:
            return next(leaves)
        half = (hi - lo) // 2
        half -= half % 8
        return self._combine(lo, lo + half, leaves) + self._combine(lo + half, hi, leaves)


def _bigram_features(cluster: Cluster, vecs: ClusterVectors, n_art: int) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the mean share of articles using its bigrams (smoothed by 2), and the summed share
    over those of its bigrams that occur in 2+ articles."""
    index = bigram_index(cluster, vecs)
    n = len(cluster.sentences)
    share = index.articles[index.cols] / n_art
    mass = np.bincount(index.rows, weights=share, minlength=n) / (index.counts + 2.0)
    total = np.bincount(index.rows, weights=np.where(index.articles[index.cols] > 1, share, 0.0), minlength=n)
    return mass, total


def sentence_features(cluster: Cluster, vecs: ClusterVectors, lexicon: TermLexicon | None = None) -> np.ndarray:
    """The feature matrix (``len(cluster.sentences)`` x ``len(FEATURE_NAMES)``), float64, no NaN.
    ``lexicon``: the term-importance table the scorer was trained with (it ships in the model file)."""
    sents = cluster.sentences
    n = len(sents)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    kept = list(cluster.kept_ids) or list(dict.fromkeys(s.article for s in sents))
    ids = list(dict.fromkeys(s.article for s in sents))
    n_art = max(1, len(kept))
    art = np.array([s.article for s in sents])
    rank = {a.id: k for k, a in enumerate(cluster.articles)}
    index = np.array([s.index for s in sents], dtype=float)
    words = vecs.words.astype(float)
    n_terms = np.array([len(t) for t in vecs.terms], dtype=float)

    lead_rows = index < 2
    others = max(1, len(ids) - 1)
    dense_sim = vecs.dense_similarity()
    if dense_sim is None:  # a large cluster: the sparse rows
        centroid = _centroid_cos(vecs.matrix)
        sim = vecs.similarity if vecs.similarity_built else None
    else:  # a small one: plain array products, none of scipy's per-call set-up (most of the time here)
        sim, centroid = dense_sim, _centroid_cos(vecs.dense)
    if sim is None:  # nothing has asked for all n x n cosines: the same figures from blocks of rows, never all held
        own, above, amax, lead_sim = _streamed(vecs, art, ids, lead_rows)
    else:
        own, above, amax, lead_sim = _whole(sim, art, ids, lead_rows)
    degree = (above - 1) / max(1, n - 1)
    support = np.where(amax >= 0.25, amax, 0.0).sum(axis=1) / others
    support_articles = (amax >= 0.25).sum(axis=1) / others
    best_other = amax.max(axis=1).clip(min=0.0) if len(ids) > 1 else np.zeros(n)

    # mean share of articles over each sentence's distinct terms (smoothed by 2), from the (sentence, term) cells
    cell_rows, cell_cols, _ = vecs.cells
    weight = vecs.article_df / n_art
    distinct = np.bincount(cell_rows, minlength=n)
    term_mass = np.bincount(cell_rows, weights=weight[cell_cols], minlength=n) / (distinct + 2.0)
    bigram_mass, bigram_sum = _bigram_features(cluster, vecs, n_art)
    if len(ids) > 1:
        lead_sim /= others

    flags = np.array(
        [
            (bool(_DIGIT.search(s.text)), bool(_QUOTE.search(s.text)), dangling(s), _says(s.text))
            for s in sents
        ],
        dtype=float,
    )
    lex = lexicon_columns(vecs, lexicon)
    ranks = percentiles(centroid, degree, support, term_mass, bigram_sum, lex[:, 0])
    cols = [
        index,
        1.0 / np.sqrt(1.0 + index),
        np.array([rank.get(s.article, 0) for s in sents], dtype=float) / max(1, len(cluster.articles)),
        np.full(n, float(n_art)),
        words,
        n_terms,
        centroid,
        ranks[0],
        own,
        degree,
        ranks[1],
        support,
        ranks[2],
        support_articles,
        best_other,
        term_mass,
        ranks[3],
        bigram_mass,
        bigram_sum,
        ranks[4],
        lead_sim,
        flags[:, 0],
        flags[:, 1],
        flags[:, 2],
        flags[:, 3],
        1.0 - n_terms / np.maximum(words, 1.0),
    ]
    out = np.empty((n, len(FEATURE_NAMES)))
    for k, col in enumerate(cols):  # filled in place: column_stack's copies cost more than the columns
        out[:, k] = col
    out[:, len(cols) : len(cols) + lex.shape[1]] = lex
    out[:, -1] = ranks[5]
    if np.isfinite(out).all():  # the usual case: no pass to replace what is not there
        return out
    return np.nan_to_num(out, copy=False, nan=0.0, posinf=0.0, neginf=0.0)
