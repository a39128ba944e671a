"""Whether an article says one of its sentences again: a headline over the lead that says it at length,
or a recap of an earlier paragraph.

A sentence is restated by a longer sentence of its own article (more distinct terms; of as many, an earlier
one) that holds most of its terms (``RESTATED`` of them, or more) and every figure it gives ("as many as 1.2
million"): the longer one says all the shorter one says, so the two are one statement, and the longer one can
stand for both. A headline with a figure of its own is not restated: it adds that. Only-here
(:mod:`.onlyhere`) keeps the longer one as the article's item; Agreement (:mod:`.agreement`) reads a headline
and its lead as one fact, whichever of the two restates the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from ..model import Cluster
from .values import Quantity, compatible, quantities

RESTATED = 0.45  # share of a sentence's terms that a longer sentence of its own article holds: it says that again


def restaters(
    cluster: Cluster, shared: np.ndarray, n_terms: np.ndarray, i: int, candidates: Iterable[int]
) -> Iterator[int]:
    """The sentences of ``candidates`` (sentences of ``i``'s article, in order) that restate sentence ``i``:
    longer (more distinct terms, ``n_terms``; of as many, earlier), holding ``RESTATED`` of ``i``'s terms
    (``shared``: the terms ``i`` shares with each sentence) and every figure ``i`` gives."""
    own = max(1, int(n_terms[i]))
    figures: list[Quantity] | None = None
    for j in candidates:
        if j == i or shared[j] < RESTATED * own or n_terms[j] < n_terms[i] or (n_terms[j] == n_terms[i] and j > i):
            continue
        if figures is None:
            figures = quantities(cluster.sentences[i].text)
        theirs = quantities(cluster.sentences[j].text)
        if all(any(q.kind == t.kind and q.slot == t.slot and compatible(q, t) for t in theirs) for q in figures):
            yield j
