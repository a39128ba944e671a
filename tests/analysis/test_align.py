"""Sentence alignment: the array-judged pairs are the pairs the attribution test accepts."""

from __future__ import annotations

import importlib
import random

import pytest

from storyline.analysis.align import MIN_TERMS, align
from storyline.attribute import same_content
from storyline.cluster import build_cluster
from storyline.model import Article
from storyline.represent import vectors

# the module (the package's ``align`` is the function)
align_module = importlib.import_module("storyline.analysis.align")

_NAMES = ["Ruth Kessler", "Anton Weiss", "Mara Lund", "Piet Horn", "Ilse Brandt"]
_PLACES = ["Lindenfeld", "the old harbor", "the new port", "the waterfront"]
_TEMPLATES = [
    "{name} said on Tuesday that freight ships would leave {place} by March.",
    "The council voted by {n} votes to two to close {place} to freight traffic.",
    "Fishermen in {place} welcomed the vote, {name} said.",
    "About {n} jobs could be lost when {place} closes, critics warned.",
    "{name} told reporters the plan for {place} would cost {n} million euros.",
]


def _cluster(articles: int, sentences: int, seed: int = 3):
    rng = random.Random(seed)
    texts = []
    for _ in range(articles):
        texts.append(" ".join(
            rng.choice(_TEMPLATES).format(name=rng.choice(_NAMES), place=rng.choice(_PLACES), n=rng.randint(3, 9))
            for _ in range(sentences)
        ))
    return build_cluster([Article(id=str(k + 1), text=t) for k, t in enumerate(texts)], merge_duplicates=False)


def _reference_groups(cluster):
    """The pairwise loop the alignment is defined by: every pair judged by ``same_content``, merged
    best-first under the one-sentence-per-article constraint."""
    vecs = vectors(cluster)
    sim, sents = vecs.similarity, cluster.sentences
    terms = [set(t) for t in vecs.terms]
    pairs = sorted(
        (-float(sim[i, j]), i, j)
        for i in range(len(sents)) for j in range(i + 1, len(sents))
        if len(terms[i]) >= MIN_TERMS and len(terms[j]) >= MIN_TERMS and sents[i].article != sents[j].article
        and same_content(terms[i], terms[j], float(sim[i, j]))
    )
    parent = list(range(len(sents)))
    arts = {i: {s.article} for i, s in enumerate(sents)}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj and not arts[ri] & arts[rj]:
            parent[rj] = ri
            arts[ri] |= arts.pop(rj)
    groups: dict[int, list[int]] = {}
    for i in range(len(sents)):
        groups.setdefault(find(i), []).append(i)
    return sorted(tuple(g) for g in groups.values() if len(g) > 1)


@pytest.mark.parametrize("block_cells", [align_module.BLOCK_CELLS, 50])
def test_groups_are_those_of_the_pairwise_test(monkeypatch, block_cells) -> None:
    # 50 cells: blocks of a row or two, so that pairs found across many blocks are put together right.
    monkeypatch.setattr(align_module, "BLOCK_CELLS", block_cells)
    monkeypatch.setattr(align_module, "_CHUNK", 7)
    cluster = _cluster(6, 12)
    got = sorted(g.members for g in align(cluster))
    assert got == _reference_groups(cluster)
    assert len(got) > 3  # the templates repeat: there is something to align


def test_pairs_are_judged_as_arrays_not_one_by_one(monkeypatch) -> None:
    # A loop over the n²/2 pairs in Python took 30 s of a 60 s analysis of 10,000 sentences.
    def judged_one_by_one(*args):
        raise AssertionError("align judged a pair in Python")

    monkeypatch.setattr("storyline.attribute.same_content", judged_one_by_one)
    monkeypatch.setattr(align_module, "same_content", judged_one_by_one, raising=False)
    assert align(_cluster(3, 8))
