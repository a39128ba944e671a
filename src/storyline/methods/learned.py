"""The learned sentence scorer: a gradient-boosted tree ensemble (Friedman, 2001; trained with LightGBM,
Ke et al., 2017) over ``features.FEATURE_NAMES``, shipped as a small JSON file and evaluated with numpy,
so the core install needs no LightGBM at run time.

File format (``storyline-trees/1``)::

    {"format": "storyline-trees/1", "features": [...], "base": 0.0, "meta": {...},
     "lexicon": {"prior": 0.28, "terms": {"stem": p, ...}},  # optional: see lexicon.py
     "trees": [{"feature": [...], "threshold": [...], "left": [...], "right": [...], "leaf": [...]}, ...],
     "longer": [{"min_words": 150, "base": 0.0, "meta": {...}, "trees": [...]}, ...]}  # optional

``longer``: ensembles over the same features and lexicon for summaries of at least ``min_words`` words
(``TreeEnsemble.for_budget``); the top-level trees serve shorter budgets, and every budget when absent.

Internal nodes are numbered from 0 (the root); a child ``c < 0`` is leaf ``~c``. A row goes left when
``x[feature] <= threshold``. The features never hold NaN, so LightGBM's missing-value routes are unused.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .features import FEATURE_NAMES
from .lexicon import COLUMNS as LEXICON_COLUMNS
from .lexicon import TermLexicon

log = logging.getLogger(__name__)

FORMAT = "storyline-trees/1"
# Rows evaluated together. The (nodes x rows) temporaries are ~17 bytes a cell: with 9,000 nodes, 24 rows
# keep each array under 2 MB, in cache. Measured per dev_original cluster: 16 rows 1.9 ms, 24 rows 1.8 ms,
# 32 rows 3.3 ms, 64 rows 4.2 ms, 256 rows 2.5 ms (and a 27 MB peak of memory on the largest cluster).
_BLOCK = 24
MODEL_NAME = "default-scorer.json"


@dataclass(frozen=True, slots=True, eq=False)
class Tree:
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray


@dataclass(frozen=True, slots=True, eq=False)
class _Packed:
    """All trees' internal nodes side by side, for the bit-vector evaluation of QuickScorer (Lucchese et
    al., 2015, "QuickScorer: a fast algorithm to rank documents with additive ensembles of regression
    trees"): each node carries the mask of the leaves that become unreachable when its test fails (the
    leaves of its left subtree); a row's exit leaf in a tree is the lowest leaf that none of the tree's
    failed tests ruled out. Leaves are numbered left to right, so bit ``k`` is leaf ``k``."""

    feature: np.ndarray  # (nodes,)
    threshold: np.ndarray  # (nodes,)
    ruled_out: np.ndarray  # (nodes,) uint32 (trees of up to 32 leaves) or uint64: the node's left subtree's leaves
    starts: np.ndarray  # first node of each tree with internal nodes
    leaves: np.ndarray  # (trees, max_leaves) leaf values, zero padded
    constant: float  # the sum of the single-leaf trees


def _pack(trees: tuple[Tree, ...]) -> _Packed | None:
    split = [t for t in trees if t.feature.size]
    if any(t.leaf.size > 64 for t in split):  # more leaves than bits: use the node-by-node walk
        return None
    feature: list[np.ndarray] = []
    threshold: list[np.ndarray] = []
    ruled_out: list[np.ndarray] = []
    starts: list[int] = []
    leaves = np.zeros((len(split), max((int(t.leaf.size) for t in split), default=1)))
    for k, t in enumerate(split):
        starts.append(sum(len(f) for f in feature))
        below = np.zeros(t.feature.size, dtype=np.uint64)

        def fill(node: int, t: Tree = t, below: np.ndarray = below) -> int:
            """Bits of the leaves under ``node`` (a leaf is ``~index``); records each node's left mask."""
            if node < 0:
                return 1 << (~node)
            left = fill(int(t.left[node]))
            below[node] = np.uint64(left)
            return left | fill(int(t.right[node]))

        fill(0)
        feature.append(t.feature)
        threshold.append(t.threshold)
        ruled_out.append(below)  # a failed test rules out the leaves of its left subtree
        leaves[k, : t.leaf.size] = t.leaf
    constant = float(sum(t.leaf[0] for t in trees if not t.feature.size))
    # LightGBM's 31 leaves fit 32 bits: half the memory to combine per row than 64 (predict ~15% faster)
    bits = np.uint32 if leaves.shape[1] <= 32 else np.uint64
    if not split:
        return _Packed(
            np.zeros(0, np.int64), np.zeros(0), np.zeros(0, bits), np.zeros(0, np.int64), leaves, constant
        )
    return _Packed(
        np.concatenate(feature),
        np.concatenate(threshold),
        np.concatenate(ruled_out).astype(bits),
        np.asarray(starts, np.int64),
        leaves,
        constant,
    )


@dataclass(frozen=True, slots=True, eq=False)
class TreeEnsemble:
    """A sum of regression trees over named features."""

    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    base: float = 0.0
    meta: dict | None = None
    lexicon: TermLexicon | None = None  # the term table the lexicon features were computed with
    # (min_words, ensemble) in ascending order: the ensemble to use for budgets of at least min_words words
    longer: tuple[tuple[int, TreeEnsemble], ...] = ()
    _packed: _Packed | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_packed", _pack(self.trees))
        bounds = [m for m, _ in self.longer]
        if bounds != sorted(set(bounds)) or any(m < 1 for m in bounds):
            raise ValueError(f"budget variants need distinct, ascending min_words >= 1, not {bounds}")
        if any(e.features != self.features or e.longer for _, e in self.longer):
            raise ValueError("a budget variant must score the same features and have no variants of its own")

    def for_budget(self, words: int | None) -> TreeEnsemble:
        """The ensemble for a summary of ``words`` words: the variant with the largest ``min_words`` not
        above it, else this one (also when ``words`` is None)."""
        chosen = self
        for min_words, ensemble in self.longer:
            if words is not None and words >= min_words:
                chosen = ensemble
        return chosen

    def predict(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != len(self.features):
            raise ValueError(f"expected {len(self.features)} feature columns, got shape {x.shape}")
        if self._packed is None:
            return self.predict_walk(x)
        p = self._packed
        out = np.full(x.shape[0], self.base + p.constant)
        if not p.starts.size:
            return out
        trees = np.arange(p.starts.size)[:, None]
        for a in range(0, x.shape[0], _BLOCK):  # rows in blocks: the (nodes x rows) arrays stay small
            # nodes down, rows across: gathering whole rows of x.T is much cheaper than columns of x
            failed = np.take(np.ascontiguousarray(x[a : a + _BLOCK].T), p.feature, axis=0) > p.threshold[:, None]
            # a leaf survives unless a failed test rules it out: OR the ruled-out sets of each tree
            ruled_out = np.bitwise_or.reduceat(p.ruled_out[:, None] * failed, p.starts, axis=0)
            alive = ~ruled_out
            lowest = alive & (~alive + alive.dtype.type(1))  # the lowest set bit
            leaf = np.log2(lowest.astype(np.float64)).astype(np.int64)  # exact: a power of two
            out[a : a + _BLOCK] += p.leaves[trees, leaf].sum(axis=0)
        return out

    def predict_walk(self, x: np.ndarray) -> np.ndarray:
        """The same sums, one tree and one level at a time (the reference for ``predict``)."""
        x = np.asarray(x, dtype=np.float64)
        n = x.shape[0]
        out = np.full(n, self.base)
        rows = np.arange(n)
        for t in self.trees:
            if t.feature.size == 0:  # a single-leaf tree
                out += t.leaf[0]
                continue
            node = np.zeros(n, dtype=np.int64)
            live = rows
            while live.size:
                nd = node[live]
                go_left = x[live, t.feature[nd]] <= t.threshold[nd]
                node[live] = np.where(go_left, t.left[nd], t.right[nd])
                live = live[node[live] >= 0]
            out += t.leaf[~node]
        return out

    def to_json(self) -> dict:
        out = {
            "format": FORMAT,
            "features": list(self.features),
            "base": self.base,
            "meta": self.meta or {},
            **({"lexicon": self.lexicon.to_json()} if self.lexicon else {}),
            "trees": _trees_to_json(self.trees),
        }
        if self.longer:
            out["longer"] = [
                {"min_words": m, "base": e.base, "meta": e.meta or {}, "trees": _trees_to_json(e.trees)}
                for m, e in self.longer
            ]
        return out

    @classmethod
    def from_json(cls, data: dict) -> TreeEnsemble:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model (format={data.get('format')!r})")
        features = tuple(data["features"])
        lexicon = TermLexicon.from_json(data["lexicon"]) if "lexicon" in data else None
        longer = tuple(
            (
                int(v["min_words"]),
                cls(features, _trees_from_json(v["trees"]), float(v.get("base", 0.0)), v.get("meta"), lexicon),
            )
            for v in data.get("longer", ())
        )
        return cls(
            features,
            _trees_from_json(data["trees"]),
            float(data.get("base", 0.0)),
            dict(data.get("meta") or {}),
            lexicon,
            longer,
        )


def _trees_to_json(trees: tuple[Tree, ...]) -> list[dict]:
    return [
        {
            "feature": t.feature.tolist(),
            "threshold": [float(f"{v:.9g}") for v in t.threshold.tolist()],
            "left": t.left.tolist(),
            "right": t.right.tolist(),
            "leaf": [float(f"{v:.7g}") for v in t.leaf.tolist()],
        }
        for t in trees
    ]


def _trees_from_json(trees: list[dict]) -> tuple[Tree, ...]:
    return tuple(
        Tree(
            feature=np.asarray(t["feature"], dtype=np.int64),
            threshold=np.asarray(t["threshold"], dtype=np.float64),
            left=np.asarray(t["left"], dtype=np.int64),
            right=np.asarray(t["right"], dtype=np.int64),
            leaf=np.asarray(t["leaf"], dtype=np.float64),
        )
        for t in trees
    )


def _flatten(root: dict) -> Tree:
    """One LightGBM tree (nested dicts) to the flat arrays of ``Tree``."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    leaf: list[float] = []

    def walk(node: dict) -> int:
        if "split_feature" not in node:
            leaf.append(float(node.get("leaf_value", 0.0)))
            return ~(len(leaf) - 1)
        if node.get("decision_type", "<=") != "<=":
            raise ValueError("only numerical '<=' splits are supported")
        k = len(feature)
        feature.append(int(node["split_feature"]))
        threshold.append(float(node["threshold"]))
        left.append(0)
        right.append(0)
        left[k] = walk(node["left_child"])
        right[k] = walk(node["right_child"])
        return k

    walk(root)
    return Tree(
        np.asarray(feature, dtype=np.int64),
        np.asarray(threshold, dtype=np.float64),
        np.asarray(left, dtype=np.int64),
        np.asarray(right, dtype=np.int64),
        np.asarray(leaf, dtype=np.float64),
    )


def from_lightgbm_dump(
    dump: dict,
    meta: dict | None = None,
    lexicon: TermLexicon | None = None,
    longer: tuple[tuple[int, TreeEnsemble], ...] = (),
) -> TreeEnsemble:
    """Convert ``lightgbm.Booster.dump_model()`` output (numerical splits only) to a ``TreeEnsemble``."""
    trees = tuple(_flatten(info["tree_structure"]) for info in dump["tree_info"])
    names = tuple(dump.get("feature_names") or FEATURE_NAMES)
    return TreeEnsemble(names, trees, 0.0, meta, lexicon, longer)


@lru_cache(maxsize=1)
def default_model_path() -> Path:
    """The shipped model's file (looked up once: ``importlib.resources`` costs ~80 µs a call)."""
    return Path(str(resources.files("storyline") / "data" / "models" / MODEL_NAME))


def load_model(path: str | Path | None = None) -> TreeEnsemble | None:
    """The shipped scorer, or ``None`` (with a logged warning) when it is missing, unreadable or was
    trained on other features than this version computes."""
    return _load(str(path or default_model_path()))


@lru_cache(maxsize=4)
def _load(path: str) -> TreeEnsemble | None:
    try:
        with open(path, encoding="utf-8") as fh:
            model = TreeEnsemble.from_json(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("learned scorer unavailable (%s: %s); using the hand-weighted blend", path, exc)
        return None
    if model.features != FEATURE_NAMES:
        log.warning("learned scorer %s was trained on other features; using the hand-weighted blend", path)
        return None
    if model.lexicon is None and any(f in model.features for f in LEXICON_COLUMNS):
        log.warning("learned scorer %s has no term lexicon for its lexicon features; using the blend", path)
        return None
    return model
