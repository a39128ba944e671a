"""Attribution: which articles carry each chosen sentence.

``sources`` is the article the sentence was taken from plus its near-duplicate copies (same wire
story). ``corroborated_by`` are the other articles with a sentence that says the same thing: a TF-IDF
cosine above ``COSINE`` or, for a short statement quoted inside a longer sentence, most of the shorter
one's content terms found in the other (``CONTAINMENT``, with at least ``MIN_SHARED`` terms).
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Cluster, Sentence, SummarySentence
from .represent import vectors

COSINE = 0.45
CONTAINMENT = 0.7
MIN_SHARED = 5


def same_content(a: set[str], b: set[str], cosine: float) -> bool:
    if cosine >= COSINE:
        return True
    shared = len(a & b)
    return shared >= MIN_SHARED and shared / max(1, min(len(a), len(b))) >= CONTAINMENT


def attribute(cluster: Cluster, chosen: Sequence[Sentence]) -> tuple[SummarySentence, ...]:
    vecs = vectors(cluster)
    sim = vecs.similarity
    position = {(s.article, s.index): i for i, s in enumerate(cluster.sentences)}
    term_sets = [set(t) for t in vecs.terms]
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    out = []
    for s in chosen:
        i = position[(s.article, s.index)]
        sources = (s.article, *cluster.duplicates.get(s.article, ()))
        backers: list[str] = []
        for j, other in enumerate(cluster.sentences):
            if other.article in sources or other.article in backers:
                continue
            if same_content(term_sets[i], term_sets[j], float(sim[i, j])):
                backers.append(other.article)
                backers.extend(cluster.duplicates.get(other.article, ()))
        ordered = tuple(sorted(set(backers), key=lambda aid: order[aid]))
        out.append(SummarySentence(sentence=s, sources=sources, corroborated_by=ordered))
    return tuple(out)
