"""Sentence alignment: groups of sentences from different articles that say the same thing.

Pairs are judged with the attribution test (:func:`storyline.attribute.same_content`: TF-IDF cosine,
or containment of a short statement in a longer one), then merged best-first, single-link, under the
constraint that a group holds at most one sentence per article. The constraint is what keeps
single-link clustering from chaining unrelated sentences (the known weakness of single-link, see
Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, 2008, ch. 17).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..attribute import CONTAINMENT, COSINE, MIN_SHARED, copies
from ..model import Cluster
from ..represent import ClusterVectors, vectors

# A sentence this short ("He said no.") matches too much by accident to anchor a fact.
MIN_TERMS = 4


@dataclass(frozen=True, slots=True)
class Group:
    """Aligned sentences (indices into ``cluster.sentences``), one per article, and the credited
    articles (a near-duplicate copy of a member article counts as reporting it too, where its text carries the
    member)."""

    members: tuple[int, ...]
    articles: tuple[str, ...]
    centre: int  # the member most similar to the others


def align(cluster: Cluster) -> list[Group]:
    """Every group of two or more aligned sentences, largest first."""
    vecs = vectors(cluster)
    sents = cluster.sentences
    scores, firsts, seconds = _pairs(cluster, vecs)
    # best first; ties by position, as sorting the (-score, i, j) tuples would
    best_first = np.lexsort((seconds, firsts, -scores))
    firsts, seconds = firsts[best_first], seconds[best_first]
    del scores, best_first
    parent = list(range(len(sents)))
    arts: dict[int, set[str]] = {i: {s.article} for i, s in enumerate(sents)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for lo in range(0, len(firsts), _CHUNK):  # as Python ints a chunk at a time: n² of them would not fit
        for i, j in zip(firsts[lo : lo + _CHUNK].tolist(), seconds[lo : lo + _CHUNK].tolist(), strict=True):
            ri, rj = find(i), find(j)
            if ri == rj or arts[ri] & arts[rj]:
                continue
            parent[rj] = ri
            arts[ri] |= arts.pop(rj)
    members: dict[int, list[int]] = {}
    for i in range(len(sents)):
        members.setdefault(find(i), []).append(i)
    return groups_of(cluster, [idx for idx in members.values() if len(idx) > 1])


def groups_of(cluster: Cluster, parts: list[list[int]]) -> list[Group]:
    """A group of each list of aligned sentences (ascending indices), crediting each member's article and those of
    its near-duplicate copies that carry the member (``attribute.Copies``), the groups reported by the most
    articles first (ties by their first sentence)."""
    sents = cluster.sentences
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    carried = copies(cluster)
    groups = []
    for idx in parts:
        credited: set[str] = set()
        for i in idx:
            credited.add(sents[i].article)
            # a copy is often trimmed or edited: it is credited with the sentence only where its text carries it
            credited.update(carried.carrying(sents[i].article, sents[i].text))
        groups.append(Group(tuple(idx), tuple(sorted(credited, key=order.__getitem__)), centre_of(cluster, idx)))
    groups.sort(key=lambda g: (-len(g.articles), g.members[0]))
    return groups


def centre_of(cluster: Cluster, idx: list[int]) -> int:
    """The member of ``idx`` most similar in wording to the others (of as similar, the first)."""
    sim = vectors(cluster).similarity
    return max(idx, key=lambda i: (sum(float(sim[i, j]) for j in idx if j != i), -i))


# Pairs judged per block of rows: a block of cosines and one of shared-term counts (float64 each), ~64 MB. The
# paraphrase pairs (:mod:`.paraphrase`) are judged in blocks of the same size.
BLOCK_CELLS = 4_000_000
# Pairs merged per chunk of Python ints.
_CHUNK = 1_000_000


def _pairs(cluster: Cluster, vecs: ClusterVectors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cosine, first and second sentence of every pair (first < second) from different articles, each of
    ``MIN_TERMS`` distinct terms or more, that :func:`storyline.attribute.same_content` holds to say the
    same thing.

    Judged a block of rows at a time with array operations: a loop over the n²/2 pairs in Python took
    30 s on a 10,000-sentence cluster. The tests are those of ``same_content``, on the same values."""
    sim = vecs.similarity
    n = len(cluster.sentences)
    rows, cols, _ = vecs.cells
    n_terms = vecs.distinct_terms
    article_of = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in cluster.sentences))}
    art = np.fromiter((article_of[s.article] for s in cluster.sentences), dtype=np.int64, count=n)
    present = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, max(1, len(vecs.vocab))))
    present_t = present.T.tocsr()
    able = n_terms >= MIN_TERMS
    block = max(1, BLOCK_CELLS // max(n, 1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, block):
        stop = min(n, start + block)
        cos = sim[start:stop]
        shared = (present[start:stop] @ present_t).toarray()
        smaller = np.maximum(1, np.minimum(n_terms[start:stop, None], n_terms[None, :]))
        ok = (cos >= COSINE) | ((shared >= MIN_SHARED) & (shared / smaller >= CONTAINMENT))
        ok &= able[start:stop, None] & able[None, :]
        ok &= art[start:stop, None] != art[None, :]
        ok &= np.arange(start, stop)[:, None] < np.arange(n)[None, :]  # each pair once, first < second
        i, j = np.nonzero(ok)
        found.append((cos[i, j], (i + start).astype(np.int32), j.astype(np.int32)))
    if not found:
        return np.zeros(0), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]),
            np.concatenate([f[2] for f in found]))


def matched(cluster: Cluster, groups: list[Group]) -> set[int]:
    return {i for g in groups for i in g.members}
