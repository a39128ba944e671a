"""Sentence representations shared by every method: tokens, TF-IDF vectors, one similarity API.

Computed once per cluster and cached (weakly, by cluster identity), so selection, attribution and
analysis never tokenise the same text twice.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import AnyStr

import numpy as np
from scipy import sparse

from .model import Article, Cluster, word_counts
from .stemmer import stem, stems

# A token outside ASCII: runs of letters and digits, two of them joined by one apostrophe. A combining mark parts a
# token here ("पुराने" gives "प", "र", "न"), unlike ``model.WORD_RUN``, which the word counts use: the shipped scorer's
# term lexicon was estimated with these tokens, so they change only with a refit (``make train``; the fresh-train
# check, tests/evaluate/test_fresh_train.py, re-estimates the lexicon and fails on any difference).
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


# ASCII characters that are neither letters, digits nor the apostrophe: word boundaries, made spaces
# (as a ``str.translate`` table and as a ``bytes.translate`` one).
_ASCII_BREAKS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "'")}
_BYTE_BREAKS = bytes(ord(_ASCII_BREAKS.get(c, chr(c))) for c in range(128)) + bytes(range(128, 256))
# ``_WORD`` on ASCII text whose other characters have been made spaces by ``_BYTE_BREAKS``.
_BYTE_WORD = re.compile(rb"[^ ']+(?:'[^ ']+)?")
# Punctuation outside ASCII that news text is full of and that is never part of a word.
_WIDE_BREAKS = ("“", "”", "‘", "—", "–", "…")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes folded), punctuation dropped: the matches of ``_WORD``,
    runs of letters and digits, two of them joined by one apostrophe ("don't").

    The pattern costs ~200 ns a word; on ASCII text the same tokens come from a ``bytes.translate`` (every
    character that is not a letter, digit or apostrophe made a space; ``str.translate`` with the same table
    looks each character up in a dict and took four times as long as the rest together) and ``split``. The
    usual curly quotes and dashes are made spaces first, so nearly every sentence is ASCII by then."""
    low = _fold(text.lower())
    if not low.isascii():
        return _WORD.findall(low)
    spaced = low.encode("ascii").translate(_BYTE_BREAKS).decode("ascii")
    at = spaced.find("'")
    if at < 0:
        return spaced.split()
    # Only the runs that hold an apostrophe are split by hand; the text between them is split in C (a
    # step per word of the whole text took as long as the rest of a long article's tokenising).
    out: list[str] = []
    done = 0
    while at >= 0:
        start = spaced.rfind(" ", 0, at) + 1  # the run around the apostrophe: every break is a space now
        end = spaced.find(" ", at)
        if end < 0:
            end = len(spaced)
        out += spaced[done:start].split()
        out += _split_apostrophes(spaced[start:end], "'")
        done = end
        at = spaced.find("'", end)
    out += spaced[done:].split()
    return out


def _fold(low: str) -> str:
    """The lower-cased text with ’ made ' (the pattern treats them alike, so folding the text first gives
    the same tokens as folding each) and the usual wide punctuation made spaces."""
    if low.isascii():
        return low
    low = low.replace("’", "'")
    for mark in _WIDE_BREAKS:
        if mark in low:
            low = low.replace(mark, " ")
    return low


def _split_apostrophes(chunk: AnyStr, mark: AnyStr) -> list[AnyStr]:
    """The ``_WORD`` matches in a run of letters, digits and apostrophes (``mark``): an apostrophe joins
    the runs on either side of it, once per word ("rock'n'roll" is "rock'n", "roll"); others are dropped."""
    parts = chunk.split(mark)
    out = []
    k = 0
    while k < len(parts):
        if not parts[k]:
            k += 1
        elif k + 1 < len(parts) and parts[k + 1]:
            out.append(mark.join((parts[k], parts[k + 1])))
            k += 2
        else:
            out.append(parts[k])
            k += 1
    return out


# The words ``_is_term`` rejects, UTF-8 encoded, but for single digits outside ASCII.
_NOT_TERMS = frozenset(w.encode() for w in STOPWORDS) | frozenset(str(d).encode() for d in range(10))


def _is_term(word: str) -> bool:
    return word not in STOPWORDS and not (len(word) == 1 and word.isdigit())


def content_terms(text: str) -> list[str]:
    """Stemmed words without stopwords: the terms TF-IDF and overlap measures work on."""
    return [stem(w) for w in words(text) if _is_term(w)]


def content_terms_of(texts: Iterable[str]) -> list[list[str]]:
    """``content_terms`` of each text, for a whole cluster at once, with no Python-level step per word:
    the words of ASCII text are split as bytes (a 256-entry ``bytes.translate`` table, several times
    faster than ``str.translate``), and the distinct words are decoded and stemmed through ``map``."""
    token_lists = []
    digits: set[bytes] = set()  # single digits outside ASCII ("٣"): words, but no terms
    for text in texts:
        low = _fold(text.lower())
        if low.isascii():
            token_lists.append(_split_ascii(low.encode("ascii").translate(_BYTE_BREAKS)))
        else:
            tokens = _WORD.findall(low)
            digits.update(w.encode() for w in tokens if len(w) == 1 and w.isdigit())
            token_lists.append([w.encode() for w in tokens])
    distinct = set().union(*token_lists)
    # stopwords and digits map to "", so that ``filter`` drops them below
    not_terms = _NOT_TERMS | digits
    term_of = dict.fromkeys(distinct.intersection(not_terms), "")
    kept = list(distinct.difference(not_terms))
    decoded = b"\n".join(kept).decode().split("\n")  # no word holds a newline
    stemmed = stems(decoded)
    if not all(stemmed):  # a word that stems to nothing is still a term: the exact path
        return [[stem(w.decode()) for w in tokens if _is_term(w.decode())] for tokens in token_lists]
    term_of.update(zip(kept, stemmed, strict=True))
    return [list(filter(None, map(term_of.__getitem__, tokens))) for tokens in token_lists]


def _split_ascii(spaced: bytes) -> list[bytes]:
    """The ``_WORD`` matches of ASCII text whose characters other than letters, digits and the
    apostrophe have been made spaces."""
    marks = spaced.count(b"'")
    if marks == 0:
        return spaced.split()
    if marks == 1:  # it joins two runs or it is dropped
        at = spaced.index(b"'")
        if not (0 < at < len(spaced) - 1 and spaced[at - 1] != _SPACE and spaced[at + 1] != _SPACE):
            spaced = spaced.replace(b"'", b" ")
        return spaced.split()
    return _BYTE_WORD.findall(spaced)  # an apostrophe joins two runs only once per word


_SPACE = ord(" ")


# Above this many sentence x term cells a dense matrix would cost more memory than it saves time (8 MB
# of float64): ``dense`` is not built.
DENSE_CELLS = 1_000_000
# Above this many, a row of cosines (or of shared terms) costs less from the term index than from a dense
# product: ~10 µs a row against ~3 ns a cell (measured on Multi-News clusters).
ROW_CELLS = 50_000


@dataclass(eq=False)
class ClusterVectors:
    """TF-IDF rows (L2-normalised) for the sentences of a cluster, in ``cluster.sentences`` order.

    ``idf`` is computed over sentences, as LexRank does (Erkan & Radev, 2004); ``article_df`` counts how
    many articles use a term, the basis of cross-article support. ``cells`` are the distinct (sentence,
    term) pairs, sentence-major, with the term's count in the sentence.

    The sparse ``matrix`` and the ``similarity`` matrix are built on first use: a fast method that only
    needs a few rows of cosines (the redundancy check, attribution) never pays for either. Those rows
    come from dense products on a small cluster and, on a large one, from the term index (which
    sentences use each term), so that only the sentences sharing a term with the one asked about are
    touched. A user that reduces every row once (the features of a large cluster) reads ``similarity_blocks``:
    the same rows, a block at a time, never all n x n of them (10,000 sentences: 800 MB) unless they were built.
    """

    terms: list[list[str]]
    vocab: dict[str, int]
    idf: np.ndarray
    article_df: np.ndarray
    cells: tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, term frequencies
    words: np.ndarray  # each sentence's word count (``model.count_words``), int64, counted once for all users
    tokens: tuple[np.ndarray, np.ndarray]  # every term occurrence in reading order: (sentence, term id)
    _matrix: sparse.csr_matrix | None = field(default=None, repr=False)
    _dense: np.ndarray | None = field(default=None, repr=False)
    _rows: dict[int, np.ndarray] = field(default_factory=dict, repr=False)  # cosine rows of the lean path
    _sim: np.ndarray | None = field(default=None, repr=False)
    _index: _TermIndex | None = field(default=None, repr=False)
    _postings_of: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)
    _present: np.ndarray | None = field(default=None, repr=False)  # 0/1 sentence x term, small clusters
    _dense_sim: np.ndarray | None = field(default=None, repr=False)  # all cosines from ``dense``, once asked for

    @property
    def matrix(self) -> sparse.csr_matrix:
        if self._matrix is None:
            self._matrix = _tfidf_matrix(self.cells, len(self.terms), len(self.vocab), self.idf)
        return self._matrix

    @property
    def similarity(self) -> np.ndarray:
        """Dense cosine similarity between all sentence pairs (computed on first use)."""
        if self._sim is None:
            self._sim = _similarity(self.matrix)
        return self._sim

    @property
    def similarity_built(self) -> bool:
        """Whether ``similarity`` has been computed (a user that can go a block at a time then reads it instead)."""
        return self._sim is not None

    def similarity_blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        """The rows of ``similarity`` a block at a time, ``(first row, rows)``, in order: the same numbers, without
        holding all n x n of them when the full matrix has not been built (a block is at most
        ``_BLOCK_CELLS`` cells, or the whole matrix when that is smaller). A block is read-only to its user."""
        if self._sim is not None:
            yield 0, self._sim
            return
        yield from _similarity_blocks(self.matrix, _BLOCK_CELLS)

    def cosines(self, i: int) -> np.ndarray:
        """Cosine of sentence ``i`` to every sentence: a row of ``similarity``, computed alone when the
        full matrix has not been built (a fast method need never build it)."""
        if self._sim is not None:
            return self._sim[i]
        if self._dense_sim is not None:
            return self._dense_sim[i]
        row = self._rows.get(i)  # the chosen sentences' rows are asked for twice: redundancy, attribution
        if row is None:
            dense = self._dense  # a method may have built it for its own products: its cosines, then
            if dense is None and self._small:
                dense = self.dense  # built now (unless the sparse matrix exists)
            if dense is not None:
                # one dense matrix-vector product, none of scipy's per-call set-up cost (which is most of
                # the time on a 20-sentence cluster)
                row = np.clip(dense @ dense[i], 0.0, 1.0)
            else:
                rows, values, weights = self._postings(i)
                # each sentence's products summed in term order, as the sparse matrix-vector product does
                row = np.bincount(rows, weights=values * weights, minlength=len(self.terms))
                # float even for a sentence with no content terms (an empty bincount comes back as int)
                row = np.clip(row.astype(np.float64, copy=False), 0.0, 1.0)
            self._rows[i] = row
        return row

    def dense_similarity(self) -> np.ndarray | None:
        """All cosines of a small cluster as one product of ``dense`` (None for a large one): what a
        method that reads every pair wants; from then on ``cosines`` reads its rows (the selection's
        row products after the features' full one cost ~10 µs a row)."""
        if self._dense_sim is None and self._sim is None:
            dense = self.dense
            if dense is not None:
                self._dense_sim = np.clip(dense @ dense.T, 0.0, 1.0)
                self._dense_sim.flags.writeable = False  # its rows are handed out as ``cosines``
        return self._dense_sim

    @property
    def distinct_terms(self) -> np.ndarray:
        """How many distinct content terms each sentence has (one cell per distinct sentence-term pair)."""
        return np.bincount(self.cells[0], minlength=len(self.terms))

    def shared_terms(self, i: int) -> np.ndarray:
        """How many distinct terms sentence ``i`` shares with each sentence (itself included)."""
        if self._small:
            if self._present is None:
                rows, cols, _ = self.cells
                self._present = np.zeros((len(self.terms), len(self.vocab)))
                self._present[rows, cols] = 1.0
            return self._present @ self._present[i]
        rows, _, _ = self._postings(i)
        return np.bincount(rows, minlength=len(self.terms))

    @property
    def _small(self) -> bool:
        """Few enough sentence x term cells for a dense product per row to beat the term index."""
        return len(self.terms) * len(self.vocab) <= ROW_CELLS

    def _postings(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        got = self._postings_of.get(i)
        if got is None:
            if self._index is None:
                self._index = _TermIndex.build(self.cells, len(self.terms), len(self.vocab), self.idf)
            got = self._postings_of[i] = self._index.postings(i)
        return got

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

Cells = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True, slots=True)
class _TermIndex:
    """The TF-IDF cells twice: by sentence (``row_start``: where each sentence's cells begin in
    ``cols``/``values``) and by term (``term_start``: where each term's sentences begin in
    ``term_rows``/``term_values``). A sentence's cosines or shared-term counts then gather the sentences
    of its own few terms, instead of a product over the whole vocabulary."""

    row_start: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    term_start: np.ndarray
    term_rows: np.ndarray
    term_values: np.ndarray

    @classmethod
    def build(cls, cells: Cells, n_rows: int, width: int, idf: np.ndarray) -> _TermIndex:
        rows, cols, values = _tfidf_cells(cells, n_rows, idf)  # sentence-major, as the cells are
        by_term = np.argsort(cols, kind="stable")  # within a term, sentences stay in order
        return cls(
            row_start=_starts(rows, n_rows),
            cols=cols,
            values=values,
            term_start=_starts(cols, width),
            term_rows=rows[by_term],
            term_values=values[by_term],
        )

    def postings(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For every term of sentence ``i`` (in term-id order) and every sentence using it: that
        sentence, its TF-IDF value for the term, and sentence ``i``'s value for it."""
        a, b = self.row_start[i], self.row_start[i + 1]
        terms, weights = self.cols[a:b], self.values[a:b]
        first, last = self.term_start[terms], self.term_start[terms + 1]
        counts = last - first
        # the concatenated ranges first[k]:last[k], as one index array
        offsets = np.cumsum(counts) - counts
        picks = np.arange(int(counts.sum())) + np.repeat(first - offsets, counts)
        return self.term_rows[picks], self.term_values[picks], np.repeat(weights, counts)


def _starts(keys: np.ndarray, n: int) -> np.ndarray:
    """Where each of the keys ``0..n-1`` begins in sorted ``keys`` (``n + 1`` entries, the last the end)."""
    out = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=out[1:])
    return out


def _token_ids(terms: Sequence[Sequence[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(sentence, term id) of every term occurrence, in reading order. Every term must be in ``vocab``."""
    rows = np.repeat(np.arange(len(terms), dtype=np.int64), [len(ts) for ts in terms])
    cols = np.fromiter(map(vocab.__getitem__, chain.from_iterable(terms)), dtype=np.int64, count=rows.size)
    return rows, cols


def _count_cells(tokens: tuple[np.ndarray, np.ndarray], width: int) -> Cells:
    """Distinct (row, term id) pairs in row-then-term order, with counts: numpy rather than a Counter
    per row."""
    rows, cols = tokens
    width = max(1, width)
    cells, tf = np.unique(rows * width + cols, return_counts=True)
    r, c = np.divmod(cells, width)
    return r, c, tf


def distinct_keys(keys: np.ndarray) -> np.ndarray:
    """``np.unique(keys)`` by a sort: numpy 2 answers a plain ``unique`` with a hash table, several times
    slower on a few thousand integers."""
    keys = np.sort(keys)
    # ``np.concatenate``, not ``np.r_``: its index parsing is Python, ~25 µs a call (several per cluster)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if keys.size else keys


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


# Rows of the similarity matrix computed per sparse product: alike sentences make the product as dense
# as the result, so one product over a large cluster would hold the n x n matrix twice (sparse and dense).
_SIMILARITY_CELLS = 4_000_000


def _similarity(matrix: sparse.csr_matrix) -> np.ndarray:
    """Cosines of all row pairs of an L2-normalised matrix, clipped to [0, 1]. Large matrices go a block
    of rows at a time (each row of a sparse product is summed on its own, so the values are the same)."""
    n = matrix.shape[0]
    sim: np.ndarray | None = None
    for start, rows in _similarity_blocks(matrix):
        if start == 0 and rows.shape[0] == n:
            return rows
        if sim is None:
            sim = np.empty((n, n), dtype=np.float64)
        sim[start : start + rows.shape[0]] = rows
    return np.zeros((n, n)) if sim is None else sim


# The cells of a block of ``ClusterVectors.similarity_blocks``, which no one holds all of: 8 MB of float64, besides
# the sparse product it comes from (as dense as the block where the sentences are alike).
_BLOCK_CELLS = 1_000_000


def _similarity_blocks(matrix: sparse.csr_matrix, cells: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
    """``_similarity``'s rows a block at a time, ``(first row, rows)``: the same products, clipped the same way
    (one block, the whole matrix, when it has at most ``cells`` cells, ``_SIMILARITY_CELLS`` unless given; each
    row of a sparse product is summed on its own, so the size of the blocks changes no value)."""
    n = matrix.shape[0]
    block = max(1, (_SIMILARITY_CELLS if cells is None else cells) // max(n, 1))
    if block >= n:
        if n:
            sim = (matrix @ matrix.T).toarray()
            yield 0, np.clip(sim, 0.0, 1.0, out=sim)
        return
    right = matrix.T.tocsr()
    for start in range(0, n, block):
        rows = (matrix[start : start + block] @ right).toarray()
        yield start, np.clip(rows, 0.0, 1.0, out=rows)


def build_vectors(cluster: Cluster) -> ClusterVectors:
    terms = content_terms_of(s.text for s in cluster.sentences)
    # term ids in order of first use
    vocab = {t: k for k, t in enumerate(dict.fromkeys(chain.from_iterable(terms)))}
    n = max(1, len(terms))
    tokens = _token_ids(terms, vocab)
    cells = _count_cells(tokens, len(vocab))
    rows, cols, _ = cells
    width = len(vocab)
    # document frequencies from the distinct (sentence, term) and (article, term) pairs
    df = np.bincount(cols, minlength=width).astype(float)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    article_of = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in cluster.sentences))}
    art = np.fromiter((article_of[s.article] for s in cluster.sentences), dtype=np.int64, count=len(terms))
    pairs = distinct_keys(art[rows] * max(1, width) + cols) % max(1, width)
    article_df = np.bincount(pairs, minlength=width).astype(float)
    counts = word_counts([s.text for s in cluster.sentences])
    return ClusterVectors(terms, vocab, idf, article_df, cells, counts, tokens)


_CACHE: weakref.WeakKeyDictionary[Cluster, ClusterVectors] = weakref.WeakKeyDictionary()


def vectors(cluster: Cluster) -> ClusterVectors:
    """The cluster's vectors, built once."""
    v = _CACHE.get(cluster)
    if v is None:
        v = build_vectors(cluster)
        _CACHE[cluster] = v
    return v


# A word written with a capital after a lower-case word, a figure or a comma inside a sentence: a name (a
# sentence's first word, capitalised whatever it is, is left out); and the calendar's, which are no event's.
# Capitals and lower case in any script ("in Łódź", "said Émile", "Özil"): the pattern finds the words that may
# begin with one (an ASCII capital or any other letter, after a word character or ,;:) and a space), and
# ``_names`` keeps those whose first letter is a capital and whose previous character is a lower-case letter,
# a figure or ,;:). ``[A-Z]`` alone had left every accented capital out.
_NAME = re.compile(r"(?<=[\w,;:)] )[^\W\d_a-z][\w'’-]+")
_NAME_AFTER = frozenset(",;:)")
_CALENDAR = frozenset(content_terms(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December"))


def article_terms(article: Article) -> Counter[str]:
    """The article's terms with sublinear frequencies; the title's terms count twice (a title names the
    story in the fewest words), and a term of a name written with a capital inside a sentence once more for
    each such mention (the names of the people, places and bodies of an event are what articles telling it
    in other words share: on the original Multi-News pages B-cubed F1 90.3 -> 91.2 in the benchmark's
    order; Multi-News val's processed text is in lower case but for each sentence's first word, so there the
    grouping is as it was)."""
    counts = Counter(content_terms(article.text))
    if article.title:
        counts.update({t: 2 * n for t, n in Counter(content_terms(article.title)).items()})
    names = content_terms(" ".join(_names(article.text)))
    counts.update(t for t in names if t not in _CALENDAR)
    return Counter({t: 1.0 + math.log(n) for t, n in counts.items()})


def _names(text: str) -> list[str]:
    """The words of ``text`` written with a capital inside a sentence (see ``_NAME``), in any script."""
    found = []
    for m in _NAME.finditer(text):
        before = text[m.start() - 2]
        if m.group()[0].isupper() and (before.islower() or before.isdigit() or before in _NAME_AFTER):
            found.append(m.group())
    return found


def article_cosines(articles: Sequence[Article]) -> np.ndarray:
    """The cosine of each pair of ``articles`` in the grouping's representation (:func:`article_terms`), weighted
    with an IDF of the articles themselves as ``storyline.group`` weighs a stream's (``log((n + 1) / (df + 1)) + 1``):
    a square matrix, 1 on the diagonal (0 for an article without a term)."""
    terms = [article_terms(a) for a in articles]
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, tf in enumerate(terms):
        for t, v in tf.items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(v)
    n = len(articles)
    matrix = sparse.csr_matrix((np.array(vals, dtype=float), (rows, cols)), shape=(n, len(vocab)))
    df = np.bincount(np.array(cols, dtype=np.int64), minlength=len(vocab))
    matrix = matrix.multiply(np.log((n + 1) / (df + 1)) + 1.0).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    unit = sparse.diags(np.divide(1.0, norms, out=np.zeros(n), where=norms > 0)) @ matrix
    return np.asarray((unit @ unit.T).todense())
