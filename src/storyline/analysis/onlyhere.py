"""Only here: salient statements that one article reports and no other article matches.

A sentence qualifies when no sentence of another article is even loosely similar to it (cosine
below ``LOOSE``, well under the alignment threshold, so paraphrases are not mistaken for news), and
it carries content: enough terms, and a name or a figure. Ranked by the summed TF-IDF weight of the
terms that no other article uses, a simple salience score in the spirit of Luhn (1958)."""

from __future__ import annotations

import re

import numpy as np

from ..model import Cluster
from ..represent import vectors
from .model import OnlyHere, Span

LOOSE = 0.25
MIN_WORDS = 8
PER_ARTICLE = 3
_CONTENT = re.compile(r"\d|(?<![.!?“\"]\s)(?<!^)\b[A-Z][a-z]+")


def only_here(cluster: Cluster, *, per_article: int = PER_ARTICLE) -> tuple[OnlyHere, ...]:
    if len(cluster.kept_ids) < 2:
        return ()
    vecs = vectors(cluster)
    sim = vecs.similarity
    sents = cluster.sentences
    art = np.array([s.article for s in sents])
    out: list[OnlyHere] = []
    for aid in cluster.kept_ids:
        mine = np.flatnonzero(art == aid)
        others = np.flatnonzero(art != aid)
        scored = []
        for i in map(int, mine):
            s = sents[i]
            if s.words < MIN_WORDS or s.text.rstrip().endswith("?") or not _CONTENT.search(s.text):
                continue
            if others.size and float(sim[i, others].max()) >= LOOSE:
                continue
            own = {t for t in vecs.terms[i] if vecs.article_df[vecs.vocab[t]] == 1}
            score = sum(float(vecs.idf[vecs.vocab[t]]) for t in own)
            scored.append((score, int(i)))
        scored.sort(key=lambda p: (-p[0], p[1]))
        for _, i in sorted(scored[:per_article], key=lambda p: p[1]):
            s = sents[i]
            out.append(OnlyHere(text=s.text, article=s.article, span=Span(s.article, s.start, s.end)))
    return tuple(out)
