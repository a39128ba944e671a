"""Only here: salient statements that one article reports and no other article matches.

A sentence qualifies when no sentence of another article is even loosely similar to it (cosine
below ``LOOSE``, well under the alignment threshold, so paraphrases are not mistaken for news), or
when what it shares with the closest one is only the story's own names: a cosine still under the
alignment threshold while most of its terms appear in no other article ("A spokesperson for the
Harbour Board declined to comment on insurance" beside other articles naming the Harbour Board).
It must carry content: enough terms, and a name or a figure (in digits or in words). (Admitting
sentences with only several terms of their own and neither found more of the planted facts of the
benchmark set, but admitted scare quotes and background in equal number: not worth it.)
Ranked by the summed TF-IDF weight of the terms that no other article uses, a simple salience score
in the spirit of Luhn (1958).

A sentence whose terms and figures a longer sentence of its own article mostly holds (a headline over the
lead that says it again, :mod:`.restated`) is no item of its own: the longer one stands for both.

A sentence that is only a piece of a quotation the segmenter cut (:mod:`.whole`) is shown with the
sentences its quotation runs over, as one statement, when they are few; otherwise it is passed over."""

from __future__ import annotations

import math
import re

import numpy as np

from ..attribute import COSINE, copies
from ..model import Cluster
from ..represent import vectors
from .model import OnlyHere, Span
from .restated import restaters
from .whole import is_whole, quotation

LOOSE = 0.25
MIN_WORDS = 8
PER_ARTICLE = 3
NOVEL = 0.5  # share of a sentence's terms no other article uses, for it to count as new despite names
_CONTENT = re.compile(
    r"\d|(?<![.!?“\"]\s)(?<!^)\b[A-Z][a-z]+|\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter)\b"
)


def only_here(cluster: Cluster, *, per_article: int = PER_ARTICLE) -> tuple[OnlyHere, ...]:
    if len(cluster.kept_ids) < 2:
        return ()
    vecs = vectors(cluster)
    sim = vecs.similarity
    sents = cluster.sentences
    art = np.array([s.article for s in sents])
    n_terms = vecs.distinct_terms
    carried = copies(cluster)
    out: list[OnlyHere] = []
    for aid in cluster.kept_ids:
        mine = np.flatnonzero(art == aid)
        others = np.flatnonzero(art != aid)
        scored = []
        for i in map(int, mine):
            s = sents[i]
            if s.words < MIN_WORDS or s.text.rstrip().endswith("?"):
                continue
            if not _CONTENT.search(s.text):
                continue
            terms = set(vecs.terms[i])
            own = {t for t in terms if vecs.article_df[vecs.vocab[t]] == 1}
            closest = float(sim[i, others].max()) if others.size else 0.0
            if closest >= COSINE or (closest >= LOOSE and len(own) < NOVEL * len(terms)):
                continue
            # fsum is exact, so the score does not depend on the set's (hash-seeded) order: a plain sum
            # rounded differently from run to run and broke near-ties another way
            score = math.fsum(float(vecs.idf[vecs.vocab[t]]) for t in own)
            scored.append((score, int(i)))
        scored.sort(key=lambda p: (-p[0], p[1]))
        units: list[tuple[int, ...]] = []
        for _, i in scored:
            if len(units) == per_article:
                break
            # a headline or recap that a longer sentence of its own article says again: that one stands for
            # both (it is only here or, when another article says it, neither is)
            if next(restaters(cluster, vecs.shared_terms(i), n_terms, i, map(int, mine)), None) is not None:
                continue
            unit = (i,) if is_whole(cluster, i) else quotation(cluster, i)
            if unit is not None and not any(set(unit) & set(u) for u in units):
                units.append(unit)
        for unit in sorted(units):
            first, last = sents[unit[0]], sents[unit[-1]]
            # the copies that carry every sentence of it (a trimmed copy may have cut it)
            ran = set.intersection(*(set(carried.carrying(first.article, sents[i].text)) for i in unit))
            out.append(OnlyHere(text=" ".join(sents[i].text for i in unit), article=first.article,
                                span=Span(first.article, first.start, last.end),
                                articles=(first.article, *(a.id for a in cluster.articles if a.id in ran))))
    return tuple(out)

