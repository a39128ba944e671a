"""Sentence alignment: groups of sentences from different articles that say the same thing.

Pairs are judged with the attribution test (:func:`storyline.attribute.same_content`: TF-IDF cosine,
or containment of a short statement in a longer one), then merged best-first, single-link, under the
constraint that a group holds at most one sentence per article. The constraint is what keeps
single-link clustering from chaining unrelated sentences (the known weakness of single-link, see
Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, 2008, ch. 17).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..attribute import same_content
from ..model import Cluster, Sentence
from ..represent import vectors

# A sentence this short ("He said no.") matches too much by accident to anchor a fact.
MIN_TERMS = 4


@dataclass(frozen=True, slots=True)
class Group:
    """Aligned sentences (indices into ``cluster.sentences``), one per article, and the credited
    articles (near-duplicate copies of a member article count as reporting it too)."""

    members: tuple[int, ...]
    articles: tuple[str, ...]
    centre: int  # the member most similar to the others


def align(cluster: Cluster) -> list[Group]:
    """Every group of two or more aligned sentences, largest first."""
    vecs = vectors(cluster)
    sim = vecs.similarity
    sents = cluster.sentences
    term_sets = [set(t) for t in vecs.terms]
    pairs: list[tuple[float, int, int]] = []
    for i in range(len(sents)):
        if len(term_sets[i]) < MIN_TERMS:
            continue
        for j in range(i + 1, len(sents)):
            if sents[i].article == sents[j].article or len(term_sets[j]) < MIN_TERMS:
                continue
            s = float(sim[i, j])
            if same_content(term_sets[i], term_sets[j], s):
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    parent = list(range(len(sents)))
    arts: dict[int, set[str]] = {i: {s.article} for i, s in enumerate(sents)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or arts[ri] & arts[rj]:
            continue
        parent[rj] = ri
        arts[ri] |= arts.pop(rj)
    members: dict[int, list[int]] = {}
    for i in range(len(sents)):
        members.setdefault(find(i), []).append(i)
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    groups = []
    for idx in members.values():
        if len(idx) < 2:
            continue
        centre = max(idx, key=lambda i: (sum(float(sim[i, j]) for j in idx if j != i), -i))
        credited: set[str] = set()
        for i in idx:
            credited.add(sents[i].article)
            credited.update(cluster.duplicates.get(sents[i].article, ()))
        groups.append(Group(tuple(idx), tuple(sorted(credited, key=order.__getitem__)), centre))
    groups.sort(key=lambda g: (-len(g.articles), g.members[0]))
    return groups


def matched(cluster: Cluster, groups: list[Group]) -> set[int]:
    return {i for g in groups for i in g.members}


def sentence_at(cluster: Cluster, i: int) -> Sentence:
    return cluster.sentences[i]
