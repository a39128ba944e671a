"""The shared bigram index: hand-checked pairs, article counts and sentence bounds."""

from __future__ import annotations

import numpy as np

from storyline.api import load_articles, make_cluster
from storyline.methods.concepts import bigram_index
from storyline.represent import vectors

TEXTS = [
    "Storm winds toppled the harbour crane in Port Avery on Tuesday. Dock workers cleared broken glass.",
    "The harbour crane in Port Avery fell in storm winds on Tuesday. Fishing boats stayed in the quay.",
]


def _walk(terms: list[list[str]]) -> list[list[tuple[str, str]]]:
    """The reference: each sentence's distinct bigrams of consecutive terms, in first-seen order."""
    return [list(dict.fromkeys(zip(ts, ts[1:], strict=False))) for ts in terms]


def test_pairs_counts_and_bounds() -> None:
    cluster = make_cluster(load_articles(TEXTS))
    vecs = vectors(cluster)
    index = bigram_index(cluster, vecs)
    grams = _walk(vecs.terms)
    # one pair per distinct (sentence, bigram), sentence-major, in each sentence's first-seen order
    assert index.rows.tolist() == [i for i, gs in enumerate(grams) for _ in gs]
    assert index.counts.tolist() == [float(len(gs)) for gs in grams]
    assert index.bounds[-1] == index.rows.size
    names: dict[int, tuple[str, str]] = {}
    for i, gs in enumerate(grams):
        for g, c in zip(gs, index.cols[index.bounds[i] : index.bounds[i + 1]].tolist(), strict=True):
            assert names.setdefault(c, g) == g  # one number per bigram
    by_name = {g: c for c, g in names.items()}
    assert index.articles[by_name[("harbour", "crane")]] == 2.0  # both articles
    assert index.articles[by_name[("broken", "glass")]] == 1.0  # the first only
    # built once per representation
    assert bigram_index(cluster, vecs) is index


def test_empty_cluster() -> None:
    from storyline.model import Cluster

    empty = Cluster(articles=(), sentences=())
    index = bigram_index(empty, vectors(empty))
    assert index.rows.size == 0 and index.articles.size == 0
    assert np.array_equal(index.bounds, [0])


def test_numbers_follow_first_occurrence_and_repeats_count_once() -> None:
    texts = [
        "Crane crews said crane crews and harbour crews worked. Harbour crews rested while crane crews worked.",
        "Crane crews worked late in the harbour again. The harbour crews went home.",
    ]
    cluster = make_cluster(load_articles(texts))
    vecs = vectors(cluster)
    index = bigram_index(cluster, vecs)
    grams = _walk(vecs.terms)
    numbers: dict[tuple[str, str], int] = {}
    expected = [numbers.setdefault(g, len(numbers)) for gs in grams for g in gs]
    assert index.cols.tolist() == expected
    assert index.rows.tolist() == [i for i, gs in enumerate(grams) for _ in gs]
    articles = {g: len({cluster.sentences[i].article for i, gs in enumerate(grams) if g in gs}) for g in numbers}
    assert index.articles.tolist() == [float(articles[g]) for g in numbers]
