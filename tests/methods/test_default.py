"""The default method: learned scorer, its fallback, determinism and the budget."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from storyline.api import load_articles, make_cluster
from storyline.methods import get
from storyline.methods.default import Blend, Default
from storyline.methods.features import FEATURE_NAMES, sentence_features
from storyline.methods.learned import Tree, TreeEnsemble, default_model_path, load_model
from storyline.represent import vectors

ARTICLES = [
    "The city council of Eastbrook voted on Monday to close the old river bridge after engineers found deep "
    "cracks in two of its steel supports. The vote was seven to two. Traffic will be sent over the northern "
    "bypass, which adds about ten minutes to a trip downtown. Mayor Lena Ortiz said the repairs could take a "
    "year and would cost about 14 million dollars. Shop owners near the bridge said they feared losing "
    "customers during the closure.",
    "Eastbrook will close its river bridge after inspectors found cracks in two steel supports, the city "
    "council decided on Monday. Engineers warned that the cracks had grown since the last inspection in the "
    "spring. Mayor Lena Ortiz said repairs would take about a year and cost roughly 14 million dollars. "
    "Buses will use the northern bypass while the bridge is closed. The council also approved a new budget "
    "for the public library.",
    "Cracks in the steel supports of the Eastbrook river bridge have forced the city to shut it for a year. "
    "The council voted seven to two for the closure on Monday evening. Residents who spoke at the meeting "
    "asked for a free shuttle across the river. The state transport agency said it would help pay for the "
    "repairs. He added that the work would start in the autumn.",
]


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    return make_cluster(load_articles(ARTICLES))


def test_shipped_model_loads_with_the_current_features() -> None:
    model = load_model()
    assert model is not None, f"no usable model at {default_model_path()}"
    assert model.features == FEATURE_NAMES
    assert len(model.trees) > 10
    assert default_model_path().stat().st_size < 2_000_000


def test_default_uses_the_model(cluster) -> None:  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    model = load_model()
    assert model is not None
    expected = model.predict(sentence_features(cluster, vecs, model.lexicon))
    assert np.allclose(Default().score(cluster, vecs), expected)


def test_long_summaries_use_the_long_summary_ensemble(cluster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shipped = load_model()
    assert shipped is not None and [m for m, _ in shipped.longer] == [150]
    vecs = vectors(cluster)
    x = sentence_features(cluster, vecs, shipped.lexicon)
    long = shipped.for_budget(150)
    assert not np.allclose(long.predict(x), shipped.predict(x))
    assert np.allclose(Default().score(cluster, vecs, 300), long.predict(x))
    assert np.allclose(Default().score(cluster, vecs, 149), shipped.predict(x))
    # the selection follows the budget: a model whose variant from 50 words prefers the opposite sentences
    negated = tuple(Tree(t.feature, t.threshold, t.left, t.right, -t.leaf) for t in shipped.trees)
    variant = TreeEnsemble(shipped.features, negated, -shipped.base, lexicon=shipped.lexicon)
    flipped = TreeEnsemble(
        shipped.features, shipped.trees, shipped.base, shipped.meta, shipped.lexicon, ((50, variant),)
    )
    path = tmp_path / "flipped.json"
    path.write_text(json.dumps(flipped.to_json()))

    class Flipped(Default):
        model_path = str(path)

    def texts(method: Default, budget: int) -> list[str]:
        return [s.text for s in method.select(cluster, budget)]

    assert texts(Flipped(), 40) == texts(Default(), 40)
    assert texts(Flipped(), 60) != texts(Default(), 60)


def test_missing_model_falls_back_to_the_blend(cluster, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    class NoModel(Default):
        model_path = str(tmp_path / "absent.json")

    with caplog.at_level(logging.WARNING, logger="storyline.methods.learned"):
        scores = NoModel().score(cluster, vectors(cluster))
    assert np.allclose(scores, Blend().score(cluster, vectors(cluster)))
    assert "hand-weighted blend" in caplog.text
    assert NoModel().select(cluster, 60)


def test_model_with_other_features_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stale = TreeEnsemble(("index",), (Tree(*(np.zeros(0, dtype=np.int64),) * 4, np.array([1.0])),))
    path = tmp_path / "stale.json"
    path.write_text(json.dumps(stale.to_json()))
    assert load_model(path) is None
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert load_model(broken) is None


@pytest.mark.parametrize("budget", [8, 25, 60, 300])
@pytest.mark.parametrize("method", ["default", "fast"])
def test_within_budget_and_from_the_input(cluster, method: str, budget: int) -> None:  # type: ignore[no-untyped-def]
    chosen = get(method).select(cluster, budget)
    assert sum(s.words for s in chosen) <= budget
    pool = set(cluster.sentences)
    assert all(s in pool for s in chosen)
    for s in chosen:
        assert cluster.article(s.article).text[s.start : s.end] == s.text


def test_deterministic() -> None:
    a = [s.text for s in get("default").select(make_cluster(load_articles(ARTICLES)), 70)]
    b = [s.text for s in get("default").select(make_cluster(load_articles(ARTICLES)), 70)]
    assert a == b and a


def test_prefers_the_corroborated_fact_over_the_aside(cluster) -> None:  # type: ignore[no-untyped-def]
    texts = [s.text for s in get("default").select(cluster, 40)]
    assert any("crack" in t for t in texts)
    assert not any("library" in t for t in texts)


# Each article opens with a quotation that the segmenter splits in two: its first half names no speaker.
SPLIT_QUOTES = [
    "“We will not reopen the river bridge this year, whatever the pressure from shop owners along the quay. "
    "Safety comes first and the cracks are deep,” Mayor Lena Ortiz said on Monday. The council voted seven to "
    "two to close the bridge after engineers found cracks in two steel supports. Repairs will cost about 14 "
    "million dollars and take a year.",
    "“We will not reopen the river bridge this year, whatever the pressure from shop owners along the quay. "
    "The engineers were clear with us,” Mayor Lena Ortiz told reporters. Engineers found cracks in two steel "
    "supports of the bridge, and the council voted to close it. Buses will use the northern bypass while the "
    "bridge is shut.",
]


@pytest.mark.parametrize("budget", [20, 30, 40, 60])
@pytest.mark.parametrize("method", ["default", "fast"])
def test_no_quotation_is_left_open(method: str, budget: int) -> None:
    """The first half of a split quotation is taken with its second half (which names the speaker) or not
    at all: ``fast`` shares the default's selection rules (its plain greedy fill took the first half alone)."""
    cluster = make_cluster(load_articles(SPLIT_QUOTES))
    chosen = {(s.article, s.index) for s in get(method).select(cluster, budget)}
    assert chosen
    for article, index in chosen:
        if index == 0:
            assert (article, 1) in chosen
