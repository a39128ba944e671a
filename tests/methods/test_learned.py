"""The numpy tree evaluator agrees with LightGBM and round-trips through JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyline.methods.learned import Tree, TreeEnsemble, from_lightgbm_dump


def test_hand_built_tree() -> None:
    # x0 <= 1 ? (x1 <= 0 ? 10 : 20) : 30
    tree = Tree(
        feature=np.array([0, 1]),
        threshold=np.array([1.0, 0.0]),
        left=np.array([1, ~0]),
        right=np.array([~2, ~1]),
        leaf=np.array([10.0, 20.0, 30.0]),
    )
    model = TreeEnsemble(("a", "b"), (tree,), base=0.5)
    x = np.array([[0.0, -1.0], [1.0, 1.0], [2.0, 0.0]])
    assert model.predict(x).tolist() == [10.5, 20.5, 30.5]
    again = TreeEnsemble.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict(x).tolist() == [10.5, 20.5, 30.5]
    with pytest.raises(ValueError):
        model.predict(np.zeros((2, 3)))


def _constant(value: float, features: tuple[str, ...] = ("a", "b")) -> TreeEnsemble:
    empty = np.zeros(0, dtype=np.int64)
    return TreeEnsemble(features, (Tree(empty, np.zeros(0), empty, empty, np.array([value])),))


def test_budget_variants_pick_by_summary_length_and_round_trip() -> None:
    model = TreeEnsemble(("a", "b"), _constant(1.0).trees, longer=((100, _constant(2.0)), (300, _constant(3.0))))
    x = np.zeros((2, 2))
    chosen = {w: model.for_budget(w).predict(x)[0] for w in (None, 0, 99, 100, 299, 300, 5000)}
    assert chosen == {None: 1.0, 0: 1.0, 99: 1.0, 100: 2.0, 299: 2.0, 300: 3.0, 5000: 3.0}
    again = TreeEnsemble.from_json(json.loads(json.dumps(model.to_json())))
    assert [m for m, _ in again.longer] == [100, 300]
    assert again.for_budget(150).predict(x).tolist() == [2.0, 2.0]
    assert "longer" not in _constant(1.0).to_json()  # a single ensemble writes the format as before


@pytest.mark.parametrize(
    "longer",
    [
        ((300, _constant(3.0)), (100, _constant(2.0))),  # not ascending
        ((100, _constant(2.0)), (100, _constant(3.0))),  # twice the same bound
        ((0, _constant(2.0)),),  # a bound below one word
        ((100, _constant(2.0, ("a", "c"))),),  # other features
        ((100, TreeEnsemble(("a", "b"), (), longer=((200, _constant(1.0)),))),),  # nested variants
    ],
)
def test_budget_variants_are_checked(longer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        TreeEnsemble(("a", "b"), (), longer=longer)


def test_matches_lightgbm() -> None:
    lgb = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 4))
    y = x[:, 0] * 2 + np.sin(x[:, 1]) + (x[:, 2] > 0.3)
    params = {"objective": "regression", "num_leaves": 7, "verbose": -1, "num_threads": 1, "seed": 1}
    booster = lgb.train(params, lgb.Dataset(x, y), num_boost_round=20)
    ours = from_lightgbm_dump(booster.dump_model())
    test = rng.normal(size=(100, 4))
    assert np.allclose(ours.predict(test), booster.predict(test), atol=1e-6)


def _random_tree(rng: np.random.Generator, leaves: int, n_features: int) -> Tree:
    """A random binary tree with ``leaves`` leaves, in the flat format (children < 0 are leaves)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    values: list[float] = []

    def grow(k: int) -> int:
        if k == 1:
            values.append(float(rng.normal()))
            return ~(len(values) - 1)
        node = len(feature)
        feature.append(int(rng.integers(n_features)))
        threshold.append(float(rng.normal()))
        left.append(0)
        right.append(0)
        cut = int(rng.integers(1, k))
        left[node] = grow(cut)
        right[node] = grow(k - cut)
        return node

    grow(leaves)
    return Tree(np.array(feature), np.array(threshold), np.array(left), np.array(right), np.array(values))


@pytest.mark.parametrize("leaves", [2, 31, 64, 65])
def test_bit_vector_evaluation_matches_the_walk(leaves: int) -> None:
    rng = np.random.default_rng(leaves)
    trees = tuple(_random_tree(rng, leaves, 5) for _ in range(12))
    single = Tree(*(np.zeros(0, dtype=np.int64),) * 4, np.array([0.25]))
    model = TreeEnsemble(tuple("abcde"), (*trees, single), base=1.0)
    x = rng.normal(size=(700, 5))  # more rows than one evaluation block
    x[:10, 0] = trees[0].threshold[0]  # ties go left in both
    assert np.allclose(model.predict(x), model.predict_walk(x), rtol=0, atol=1e-12)
