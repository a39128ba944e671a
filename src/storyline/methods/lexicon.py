"""Learned term importance: how likely a summary writer is to keep a word that the articles use.

Hong & Nenkova (2014), "Improving the estimation of word importance for news multi-document
summarization", showed that a word's *global* tendency to survive into human summaries is one of the
strongest signals of its importance in a new cluster, beyond its frequency there. We keep the simplest
form of it: for each stemmed content term, the share of training clusters whose reference summary uses the
term among those whose articles use it, smoothed towards the overall rate::

    p(t) = (in_reference(t) + m * prior) / (in_articles(t) + m)

Terms the training data saw fewer than a few times are left out and read as ``prior``. Outlet names and
news verbs ("report") score high; page furniture ("http", "enlarge", "getty") scores near zero, which also
helps on scraped pages. The table is estimated on training clusters that the scorer is *not* fitted on
(:mod:`storyline.learn.train`), so its values carry no trace of the targets the trees see, and it ships
inside the scorer's JSON file so that trees and table always match.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from types import MappingProxyType

import numpy as np

from ..represent import ClusterVectors

COLUMNS: tuple[str, ...] = (
    "lex_mean",  # mean p(t) over the sentence's distinct terms
    "lex_max",
    "lex_sum",  # expected number of its distinct terms a summary would keep
    "lex_unknown",  # share of its terms the table does not know (rare words, names, typos)
)


@dataclass(frozen=True, slots=True)
class TermLexicon:
    """``weights``: p(t) per stemmed content term (as :func:`storyline.represent.content_terms` spells
    them); ``prior``: the rate for any other term."""

    prior: float
    weights: Mapping[str, float] = field(default_factory=dict)
    # the same table as a plain dict: lookups through the read-only proxy cost twice as much
    _table: dict[str, float] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.prior <= 1.0:
            raise ValueError("prior must be in [0, 1]")
        table = {sys.intern(k): v for k, v in self.weights.items()}  # as represent.stem's terms are
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "weights", MappingProxyType(table))

    def lookup(self, terms: Iterable[str]) -> np.ndarray:
        """p(t) of each term, -1.0 where the table does not know it."""
        return np.fromiter(map(self._table.get, terms, repeat(-1.0)), dtype=np.float64)

    def to_json(self) -> dict:
        return {"prior": self.prior, "terms": dict(self.weights)}

    @classmethod
    def from_json(cls, data: Mapping) -> TermLexicon:
        return cls(float(data["prior"]), {str(k): float(v) for k, v in data["terms"].items()})


def lexicon_columns(vecs: ClusterVectors, lexicon: TermLexicon | None) -> np.ndarray:
    """(sentences x ``COLUMNS``) for the sentences of ``vecs``. Without a lexicon every term reads as
    unknown at rate 0 (a model trained with the lexicon should not be used that way).

    Computed over the cluster's distinct (sentence, term) pairs at once: one lexicon lookup per distinct
    term of the cluster, not per sentence."""
    rows, cols, _ = vecs.cells
    n = len(vecs.terms)
    out = np.zeros((n, len(COLUMNS)))
    if not rows.size:
        return out
    p = lexicon.lookup(vecs.vocab) if lexicon else np.full(len(vecs.vocab), -1.0)
    unknown = (p < 0).astype(np.float64)
    p[p < 0] = lexicon.prior if lexicon else 0.0
    counts = np.bincount(rows, minlength=n).astype(np.float64)
    has = counts > 0
    values = p[cols]
    out[:, 2] = np.bincount(rows, weights=values, minlength=n)
    out[has, 0] = out[has, 2] / counts[has]
    # rows are sentence-major, so each sentence's pairs are one run starting where its row first appears
    out[has, 1] = np.maximum.reduceat(values, np.searchsorted(rows, np.flatnonzero(has)))
    out[has, 3] = np.bincount(rows, weights=unknown[cols], minlength=n)[has] / counts[has]
    return out
