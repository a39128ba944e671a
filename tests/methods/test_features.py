"""Sentence features: shape, ranges and hand-checked values."""

from __future__ import annotations

import numpy as np
import pytest
from support import outputs_under_hash_seeds

from storyline.api import load_articles, make_cluster
from storyline.methods.features import FEATURE_NAMES, percentile, percentiles, sentence_features
from storyline.represent import vectors

TEXTS = [
    "Heavy rain flooded the market square of Dunmore on Friday. Firefighters pumped water out of twelve shops. "
    "He said the drains had not been cleaned for years.",
    "Flooding hit the market square of Dunmore on Friday after heavy rain. A bakery owner said she lost a week "
    "of stock to the water.",
]


def _features() -> tuple[np.ndarray, object]:
    cluster = make_cluster(load_articles(TEXTS))
    return sentence_features(cluster, vectors(cluster)), cluster


def col(x: np.ndarray, name: str) -> np.ndarray:
    return x[:, FEATURE_NAMES.index(name)]


def test_shape_and_finite() -> None:
    x, cluster = _features()
    assert x.shape == (len(cluster.sentences), len(FEATURE_NAMES))  # type: ignore[attr-defined]
    assert np.isfinite(x).all()


def test_position_and_flags() -> None:
    x, cluster = _features()
    assert col(x, "index").tolist() == [s.index for s in cluster.sentences]  # type: ignore[attr-defined]
    assert col(x, "n_articles").tolist() == [2.0] * len(cluster.sentences)  # type: ignore[attr-defined]
    texts = [s.text for s in cluster.sentences]  # type: ignore[attr-defined]
    assert col(x, "dangling")[texts.index("He said the drains had not been cleaned for years.")] == 1.0
    assert col(x, "digits").sum() == 0.0
    assert col(x, "said").sum() == 2.0


def test_support_marks_the_shared_fact() -> None:
    x, cluster = _features()
    texts = [s.text for s in cluster.sentences]  # type: ignore[attr-defined]
    lead = texts.index("Heavy rain flooded the market square of Dunmore on Friday.")
    aside = texts.index("Firefighters pumped water out of twelve shops.")
    assert col(x, "support")[lead] > 0.25
    assert col(x, "support")[aside] == 0.0
    assert col(x, "support_articles")[lead] == 1.0
    assert col(x, "bigram_sum")[lead] > col(x, "bigram_sum")[aside]


def test_percentile_ranks() -> None:
    assert percentile(np.array([3.0, 1.0, 2.0])).tolist() == [1.0, 0.0, 0.5]
    assert percentile(np.array([1.0, 1.0, 2.0])).tolist() == [0.25, 0.25, 1.0]
    assert percentile(np.array([5.0])).tolist() == [1.0]


@pytest.mark.parametrize("nan", [False, True])
@pytest.mark.parametrize("n", [1, 2, 7, 64, 65, 300])
def test_percentiles_of_several_columns_are_each_columns_percentile(n: int, nan: bool) -> None:
    rng = np.random.default_rng(n)
    columns = [np.round(rng.random(n) * 4, 1) for _ in range(5)]  # many ties
    columns.append(columns[0] + 1e-15)  # equal to 12 decimals: ties too
    if nan:
        columns[1][0] = np.nan  # takes the sort's order, as percentile does
    got = percentiles(*columns)
    assert got.shape == (6, n)
    assert np.array_equal(got, np.stack([percentile(c) for c in columns]), equal_nan=True)


def test_empty_cluster_has_no_rows() -> None:
    from storyline.model import Cluster

    empty = Cluster(articles=(), sentences=())
    assert sentence_features(empty, vectors(empty)).shape == (0, len(FEATURE_NAMES))


THREE = [
    "Storm winds toppled the harbour crane in Port Avery on Tuesday morning, the port authority said. "
    "Dock workers cleared broken glass from the ferry terminal for hours after the crane fell.",
    "The harbour crane in Port Avery fell during storm winds on Tuesday, port officials said. "
    "Fishing boats stayed tied up along the northern quay while the ferry terminal was repaired.",
    "Port Avery lost its harbour crane to storm winds early on Tuesday, the port authority confirmed. "
    "A local bakery handed out free bread to stranded ferry passengers at the terminal.",
]


def test_features_and_choice_do_not_depend_on_the_hash_seed() -> None:
    """String hashing is seeded per process; a set-ordered float sum once made ``make train`` differ
    from run to run."""

    code = (
        "import hashlib, sys\n"
        "from storyline.api import load_articles, make_cluster\n"
        "from storyline.methods import get\n"
        "from storyline.methods.features import sentence_features\n"
        "from storyline.represent import vectors\n"
        f"c = make_cluster(load_articles({THREE!r}))\n"
        "x = sentence_features(c, vectors(c))\n"
        "chosen = [s.text for s in get('default').select(c, 25)]\n"
        "print(hashlib.sha256(x.tobytes()).hexdigest(), chosen)\n"
    )
    outs = outputs_under_hash_seeds(code, ("1", "2", "3"))
    assert len(outs) == 1, outs


def test_each_articles_best_match_reads_its_columns_in_place() -> None:
    # The best cosine of each sentence to each article copied the article's columns of the similarity matrix out
    # by a mask: one article of 10,000 sentences copied all 800 MB of it. An article's sentences are one run of
    # the cluster's, read as a view; the figures are the mask's, and a run out of order still reads by the mask.
    from storyline.methods.features import _article_max

    class Watched(np.ndarray):
        masked = 0

        def __getitem__(self, key):  # type: ignore[no-untyped-def]
            if isinstance(key, tuple) and any(isinstance(k, np.ndarray) and k.dtype == bool for k in key):
                Watched.masked += 1
            return super().__getitem__(key)

    sim = np.random.default_rng(0).random((7, 7))
    for art in (np.array(["a", "a", "a", "b", "b", "c", "c"]), np.array(["a", "b", "a", "b", "c", "c", "a"])):
        expected = np.stack([np.where(art == a, -1.0, sim[:, art == a].max(axis=1)) for a in "abc"], axis=1)
        Watched.masked = 0
        got = _article_max(sim.view(Watched), art, ["a", "b", "c"])
        assert np.array_equal(np.asarray(got), expected)
        assert Watched.masked == (0 if art[1] == "a" else 2)  # "a" and "b" apart; "c" one run


def test_one_articles_centroid_cosines_read_the_matrix_in_place() -> None:
    # The cosine of each sentence to its own article's centroid copied the article's block of the similarity
    # matrix; for one article that block is the whole matrix (10,000 sentences: 800 MB more at the peak). The whole
    # matrix is read in place, with the figures of the copy; a block inside it is still a copy.
    import tracemalloc

    from storyline.methods.features import _own_centroid_cos

    rng = np.random.default_rng(1)
    sim = rng.random((600, 600))
    sim = (sim + sim.T) / 2
    whole = np.arange(600)
    expected = sim.copy().mean(axis=1) / np.sqrt(float(sim.copy().mean()))
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        got = _own_centroid_cos(sim, whole)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert np.array_equal(got, expected)
    assert peak < sim.nbytes / 4  # a row of means, no second matrix
    part = np.arange(100, 400)
    block = sim[100:400, 100:400].copy()
    assert np.array_equal(_own_centroid_cos(sim, part), block.mean(axis=1) / np.sqrt(float(block.mean())))


def test_degree_counts_go_a_block_of_rows_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # The degree feature compared the whole similarity matrix with its threshold at once: a boolean n x n array
    # (100 MB for 10,000 sentences). Blocks of rows give the same counts.
    from storyline.methods import features

    sim = np.random.default_rng(2).random((53, 53))
    expected = (sim > 0.1).sum(axis=1)
    assert np.array_equal(features._above(sim, 0.1), expected)
    monkeypatch.setattr(features, "_ABOVE_CELLS", 53 * 4)
    assert np.array_equal(features._above(sim, 0.1), expected)
    monkeypatch.setattr(features, "_ABOVE_CELLS", 1)
    assert np.array_equal(features._above(sim, 0.1), expected)


@pytest.mark.parametrize("seed", range(6))
def test_a_large_clusters_pair_features_go_a_block_of_rows_at_a_time(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large cluster's features held all n x n cosines (10,000 sentences: 800 MB). When nothing else has built the
    # matrix, they read it a block of rows at a time and come out bit for bit the same, whatever the blocks' size,
    # articles in one run or not; ``_PairwiseSum`` replays numpy's pairwise sum of an article's block from pieces.
    import random

    from storyline import represent
    from storyline.methods import features

    rng = random.Random(seed)
    pool = "flood rain market square bakery firefighters drains council bridge ferry budget repairs port mayor".split()

    def text(k: int) -> str:
        return " ".join(" ".join(rng.choice(pool) for _ in range(rng.randint(4, 12))).capitalize() + "."
                        for _ in range(k))

    cluster = make_cluster(load_articles([text(rng.randint(3, 40)) for _ in range(rng.randint(1, 5))]))
    vecs = vectors(cluster)
    art = np.array([s.article for s in cluster.sentences])
    if seed % 2:  # the articles' sentences interleaved: no article is one run
        art = np.array(sorted(set(art.tolist()))[:2] * len(art))[: len(art)]
    ids = list(dict.fromkeys(art.tolist()))
    lead = np.array([s.index for s in cluster.sentences]) < 2
    expected = features._whole(represent._similarity(vecs.matrix), art, ids, lead)
    n = len(art)
    for cells, leaf in ((4_000_000, 1 << 20), (3 * n, 256), (1, 128)):
        monkeypatch.setattr(represent, "_BLOCK_CELLS", cells)
        monkeypatch.setattr(features._PairwiseSum, "LEAF", leaf)
        got = features._streamed(vecs, art, ids, lead)
        assert all(np.array_equal(g, e) for g, e in zip(got, expected, strict=True)), (cells, leaf)
    assert not vecs.similarity_built


@pytest.mark.parametrize("size", [0, 1, 7, 128, 129, 1000, 40_000])
def test_pairwise_sum_of_pieces_is_numpys_sum(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.methods.features import _PairwiseSum

    values = np.random.default_rng(size).random(size) * 1e3
    monkeypatch.setattr(_PairwiseSum, "LEAF", 256)
    acc = _PairwiseSum(size)
    for piece in np.array_split(values, 13):
        acc.add(piece)
    assert acc.total() == np.add.reduce(values)


def test_a_large_clusters_features_do_not_build_the_similarity_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    # Past the dense products (``DENSE_CELLS``), the features built and kept all n x n cosines; they now go a block at
    # a time unless the matrix is already there (the analysis builds it), and are the same either way.
    from storyline import represent

    monkeypatch.setattr(represent, "DENSE_CELLS", 0)  # every cluster is a large one
    monkeypatch.setattr(represent, "_BLOCK_CELLS", 1)  # a row a block
    cluster = make_cluster(load_articles(TEXTS * 3))
    lean, full = represent.build_vectors(cluster), represent.build_vectors(cluster)
    assert full.similarity is not None
    got = sentence_features(cluster, lean)
    assert not lean.similarity_built and lean._dense is None
    assert np.array_equal(got, sentence_features(cluster, full))
