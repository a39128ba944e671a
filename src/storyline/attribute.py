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
    position = {(s.article, s.index): i for i, s in enumerate(cluster.sentences)}
    term_sets: dict[int, set[str]] = {}  # built on demand: most sentences are never compared by terms
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    by_article: dict[str, list[int]] = {}
    for j, other in enumerate(cluster.sentences):
        by_article.setdefault(other.article, []).append(j)

    def terms(j: int) -> set[str]:
        if j not in term_sets:
            term_sets[j] = set(vecs.terms[j])
        return term_sets[j]

    out = []
    for s in chosen:
        i = position[(s.article, s.index)]
        # One row of cosines, not the whole matrix: a fast method never builds it.
        cos = vecs.cosines(i).tolist()
        # Containment needs MIN_SHARED shared terms, so a sentence with fewer terms is judged by cosine.
        mine = terms(i) if len(vecs.terms[i]) >= MIN_SHARED else None
        sources = (s.article, *cluster.duplicates.get(s.article, ()))
        backers: list[str] = []
        # An article backs the sentence if any one of its sentences says the same thing.
        for aid, rows in by_article.items():
            if aid in sources or aid in backers:
                continue
            for j in rows:
                similar = cos[j] >= COSINE or (
                    mine is not None and len(vecs.terms[j]) >= MIN_SHARED and same_content(mine, terms(j), cos[j])
                )
                if similar and figures_agree(s.text, cluster.sentences[j].text):
                    backers.append(aid)
                    backers.extend(cluster.duplicates.get(aid, ()))
                    break
        ordered = tuple(sorted(set(backers), key=lambda aid: order[aid]))
        out.append(SummarySentence(sentence=s, sources=sources, corroborated_by=ordered))
    return tuple(out)
