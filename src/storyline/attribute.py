"""Attribution: which articles carry each chosen sentence.

``sources`` is the article the sentence was taken from plus its near-duplicate copies (same wire
story). ``corroborated_by`` are the other articles with a sentence that says the same thing: a TF-IDF
cosine above ``COSINE`` or, for a short statement quoted inside a longer sentence, most of the shorter
one's content terms found in the other (``CONTAINMENT``, with at least ``MIN_SHARED`` terms) — unless the
two state figures and share none of them: "about 45,000 vehicles" does not back "about 48,000 vehicles".
(Those disagreements are what ``storyline analyze`` reports.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .model import Cluster, Sentence, SummarySentence
from .represent import vectors

COSINE = 0.45
CONTAINMENT = 0.7
MIN_SHARED = 5


_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


def figures(text: str) -> set[str]:
    """The figures written in digits, normalised ("45,000" → "45000")."""
    return {m.group().replace(",", "") for m in _FIGURE.finditer(text)}


def figures_agree(a: str, b: str) -> bool:
    """False when both sentences state figures and none of them is the same."""
    fa, fb = figures(a), figures(b)
    return not (fa and fb) or bool(fa & fb)


def same_content(a: set[str], b: set[str], cosine: float) -> bool:
    if cosine >= COSINE:
        return True
    shared = len(a & b)
    return shared >= MIN_SHARED and shared / max(1, min(len(a), len(b))) >= CONTAINMENT


def attribute(cluster: Cluster, chosen: Sequence[Sentence]) -> tuple[SummarySentence, ...]:
    vecs = vectors(cluster)
    sents = cluster.sentences
    position = {(s.article, s.index): i for i, s in enumerate(sents)}
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    n_terms = np.bincount(vecs.cells[0], minlength=len(sents))  # distinct terms per sentence
    out = []
    for s in chosen:
        i = position[(s.article, s.index)]
        # ``same_content`` for every sentence at once, from one row of cosines and one of shared terms.
        similar = vecs.cosines(i) >= COSINE
        if n_terms[i] >= MIN_SHARED:
            shared = vecs.shared_terms(i)
            smaller = np.maximum(1, np.minimum(n_terms[i], n_terms))
            similar |= (shared >= MIN_SHARED) & (shared / smaller >= CONTAINMENT)
        sources = (s.article, *cluster.duplicates.get(s.article, ()))
        backers: list[str] = []
        for j in np.flatnonzero(similar).tolist():
            other = sents[j]
            if other.article in sources or other.article in backers:
                continue
            if figures_agree(s.text, other.text):
                backers.append(other.article)
                backers.extend(cluster.duplicates.get(other.article, ()))
        ordered = tuple(sorted(set(backers), key=lambda aid: order[aid]))
        out.append(SummarySentence(sentence=s, sources=sources, corroborated_by=ordered))
    return tuple(out)
