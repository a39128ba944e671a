"""The submodular baseline (Lin & Bilmes, 2011): its objective's saturation and diversity, and that the greedy
gets close to the best summary there is (checked against every subset of a small cluster). Fictional articles."""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pytest
from scipy import sparse
from scipy.cluster.vq import kmeans2
from support import PORT_AVERY

from storyline.api import load_articles, make_cluster
from storyline.methods import get
from storyline.methods.submodular import SEED, Submodular, _parts
from storyline.represent import vectors

TEXTS = PORT_AVERY


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    return make_cluster(load_articles(TEXTS))


def test_coverage_saturates_and_diversity_pays_less_for_a_second_sentence_of_one_part(cluster) -> None:  # type: ignore[no-untyped-def]
    f = Submodular().objective(cluster)
    n = len(cluster.sentences)
    assert f.value([]) == 0.0
    everything = f.value(list(range(n)))
    assert everything == pytest.approx(np.minimum(f.w.sum(axis=1), f.cap).sum()
                                       + f.diversity * np.sqrt(np.bincount(f.parts, f.singleton)).sum())
    # submodular: a sentence adds no more to a larger summary than to a smaller one
    for k in range(n):
        small, large = [j for j in range(1) if j != k], [j for j in range(n // 2) if j != k]
        assert f.value([*large, k]) - f.value(large) <= f.value([*small, k]) - f.value(small) + 1e-9


@pytest.mark.parametrize("budget", [25, 40])
def test_the_greedy_comes_close_to_the_best_summary(cluster, budget: int) -> None:  # type: ignore[no-untyped-def]
    method = Submodular()
    f = method.objective(cluster)
    lengths = vectors(cluster).words.tolist()
    index = {s.text: i for i, s in enumerate(cluster.sentences)}
    chosen = [index[s.text] for s in method.select(cluster, budget)]
    assert chosen and sum(lengths[i] for i in chosen) <= budget
    best = max(f.value(list(sub)) for k in range(1, len(lengths) + 1)
               for sub in combinations(range(len(lengths)), k) if sum(lengths[i] for i in sub) <= budget)
    assert f.value(chosen) >= 0.9 * best


def test_registered_and_the_same_on_every_run(cluster) -> None:  # type: ignore[no-untyped-def]
    first = [s.text for s in get("submodular").select(cluster, 40)]
    assert first == [s.text for s in get("submodular").select(make_cluster(load_articles(TEXTS)), 40)]
    for article in {s.article for s in get("submodular").select(cluster, 40)}:
        told = [s.index for s in get("submodular").select(cluster, 40) if s.article == article]
        assert told == sorted(told)


@pytest.mark.parametrize("name", ["submodular", "icsi"])
def test_a_cluster_of_fragments_still_gets_a_summary(name: str) -> None:
    fragments = ["Port closed. Crane down. Storm winds.", "Crane down in storm. Port shut. Winds high."]
    cluster = make_cluster(load_articles(fragments))
    assert get(name).select(cluster, 20)


class _Vectors:
    def __init__(self, rows: np.ndarray) -> None:
        self.matrix = sparse.csr_matrix(rows)


def test_the_parts_are_scipys_kmeans_plus_plus_parts() -> None:
    rng = np.random.default_rng(5)
    rows = rng.random((300, 40)) * (rng.random((300, 40)) < 0.2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy's own warnings on an empty part
        expected = kmeans2(rows, 60, minit="++", seed=SEED, iter=10)[1]
    assert np.array_equal(_parts(_Vectors(rows), 60), expected)  # type: ignore[arg-type]


def test_fewer_distinct_sentences_than_parts_is_no_warning() -> None:
    rows = np.zeros((20, 5))
    rows[:, 0] = 1.0
    rows[10:, 1] = 1.0  # two distinct points for four parts
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # scipy's seeding divided 0 by 0 and warned of empty parts on stderr
        parts = _parts(_Vectors(rows), 4)  # type: ignore[arg-type]
    assert parts.tolist() == [1] * 10 + [0] * 10


def test_many_parts_are_seeded_with_one_distance_per_point_to_each_new_centre(monkeypatch) -> None:
    # scipy's k-means++ seeding measured every point against every centre chosen so far at each step (k²·n/2
    # distances: 15 s for 400 parts of 2,000 points); one distance per point to the newest centre is enough. The
    # work is counted, not timed: the distances cdist computes, wherever scipy's modules look it up.
    import scipy.cluster.vq
    import scipy.spatial.distance

    measured: list[int] = []
    original = scipy.spatial.distance.cdist

    def counted(xa, xb, *args, **kwargs):  # type: ignore[no-untyped-def]
        measured.append(len(xa) * len(xb))
        return original(xa, xb, *args, **kwargs)

    monkeypatch.setattr(scipy.spatial.distance, "cdist", counted)
    monkeypatch.setattr(scipy.cluster.vq, "cdist", counted)  # kmeans2's own seeding, which _parts replaced
    n, k = 1000, 200
    rows = np.random.default_rng(3).random((n, 256))
    parts = _parts(_Vectors(rows), k)  # type: ignore[arg-type]
    assert len(set(parts.tolist())) > 150
    assert n <= sum(measured) <= n * k  # the old seeding: about n·k²/2, 20 million
