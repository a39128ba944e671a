"""The numpy tree evaluator agrees with LightGBM and round-trips through JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyline.methods.learned import Tree, TreeEnsemble, from_lightgbm_dump


def test_hand_built_tree() -> None:
    # x0 <= 1 ? (x1 <= 0 ? 10 : 20) : 30
    tree = Tree(
        feature=np.array([0, 1]), threshold=np.array([1.0, 0.0]),
        left=np.array([1, ~0]), right=np.array([~2, ~1]), leaf=np.array([10.0, 20.0, 30.0]),
    )
    model = TreeEnsemble(("a", "b"), (tree,), base=0.5)
    x = np.array([[0.0, -1.0], [1.0, 1.0], [2.0, 0.0]])
    assert model.predict(x).tolist() == [10.5, 20.5, 30.5]
    again = TreeEnsemble.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict(x).tolist() == [10.5, 20.5, 30.5]
    with pytest.raises(ValueError):
        model.predict(np.zeros((2, 3)))


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
