"""Train the default method's sentence scorer from the Multi-News training split.

    python -m storyline.learn.train [--data ../shared/data] [--clusters 12000] [--seed 2019]
        [--table features.npz] [--ablate support|position|concepts] [--out model.json]

Each sentence of a seeded sample of training clusters (Fabbri et al., 2019, "Multi-News") gets the
features of :mod:`storyline.methods.features` and a target: how much of the sentence is in the
reference, ``(P1 + P2) / 2`` where ``Pn`` is the share of the sentence's n-grams found in the reference
with ROUGE's tokenisation and Porter stemming (Lin, 2004). Precision, not F1 or recall: the summary is
filled to a word budget, so what pays is reference content per word (on the dev sets F1 as the target
favoured long sentences and scored about one ROUGE-2 point lower). A LightGBM regressor (Ke et al.,
2017) is fitted on one thread with fixed seeds, so the same data gives the same trees, and exported to
the JSON format that :mod:`storyline.methods.learned` evaluates with numpy.
Needs the ``bench`` extra (lightgbm, rouge-score).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import InputNotFoundError, ModelUnavailableError, OptionsError

log = logging.getLogger(__name__)

TRAIN_FILE = "multinews/train.jsonl.gz"
PARAMS = {
    "objective": "regression",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "seed": 2019,
    "verbose": -1,
}
ROUNDS = 300
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem import porter

    return porter.PorterStemmer()


@lru_cache(maxsize=500_000)
def _stem(token: str) -> str:
    return _porter().stem(token) if len(token) > 3 else token


def rouge_tokens(text: str) -> list[str]:
    """ROUGE's tokens: lower case, alphanumeric runs, Porter-stemmed when longer than 3 letters."""
    return [_stem(t) for t in _NON_ALNUM.sub(" ", text.lower()).split()]


def sentence_gains(sentences: Sequence[str], reference: str) -> np.ndarray:
    """(P1 + P2) / 2: the share of each sentence's unigrams and bigrams found in the reference (clipped
    counts, as ROUGE counts them)."""
    ref = rouge_tokens(reference)
    ref1, ref2 = Counter(ref), Counter(zip(ref, ref[1:], strict=False))
    out = np.zeros(len(sentences))
    for i, s in enumerate(sentences):
        toks = rouge_tokens(s)
        c1, c2 = Counter(toks), Counter(zip(toks, toks[1:], strict=False))
        o1 = sum(min(n, ref1[t]) for t, n in c1.items())
        o2 = sum(min(n, ref2[t]) for t, n in c2.items())
        out[i] = (o1 / max(1, len(toks)) + o2 / max(1, len(toks) - 1)) / 2
    return out


def sample_lines(path: Path, n: int, seed: int) -> list[bytes]:
    """``n`` lines of a gzip JSONL file, chosen by a seeded generator, in file order."""
    with gzip.open(path, "rb") as fh:
        lines = fh.readlines()
    pick = sorted(random.Random(seed).sample(range(len(lines)), min(n, len(lines))))
    return [lines[i] for i in pick]


def build_table(lines: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, targets and cluster numbers for every sentence of the given dataset lines."""
    from ..api import load_articles, make_cluster
    from ..errors import StorylineError
    from ..ingest import parse_dataset
    from ..methods.features import sentence_features
    from ..represent import vectors

    xs, ys, groups = [], [], []
    for k, docs in enumerate(parse_dataset(b"\n".join(lines), "train.jsonl", need_summaries=True)):
        try:
            cluster = make_cluster(load_articles(docs.articles, strict=False))
        except StorylineError:
            continue
        if len(cluster.sentences) < 2:
            continue
        xs.append(sentence_features(cluster, vectors(cluster)))
        ys.append(sentence_gains([s.text for s in cluster.sentences], docs.summaries[0]))
        groups.append(np.full(len(cluster.sentences), k))
        if k % 500 == 0:
            log.info("featurised %d clusters", k)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)


def fit(x: np.ndarray, y: np.ndarray, rounds: int = ROUNDS, seed: int = 2019) -> dict:
    """LightGBM on one thread; returns ``Booster.dump_model()``."""
    try:
        import lightgbm as lgb
    except ImportError:
        raise ModelUnavailableError("training needs lightgbm: pip install 'storyline[bench]'") from None
    from ..methods.features import FEATURE_NAMES

    params = dict(PARAMS, seed=seed)
    booster = lgb.train(params, lgb.Dataset(x, y, feature_name=list(FEATURE_NAMES)), num_boost_round=rounds)
    return booster.dump_model()


# Feature groups that ``--ablate`` blanks (set to 0, so no tree can split on them), for the ablation table.
ABLATIONS = {
    "support": ("support", "support_pct", "support_articles", "best_other", "lead_sim"),
    "position": ("index", "inv_sqrt_index", "article_rank", "lead_sim"),
    "concepts": ("term_mass", "term_mass_pct", "bigram_mass", "bigram_sum", "bigram_pct"),
}


def load_or_build_table(
    path: Path, clusters: int, seed: int, table: Path | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The training table, read from ``table`` when it holds one for the same sample, else built (and
    saved there when ``table`` is given): feature extraction is most of the training time."""
    key = np.array([clusters, seed])
    if table is not None and table.exists():
        with np.load(table) as saved:
            if np.array_equal(saved["key"], key):
                log.info("features from %s", table)
                return saved["x"], saved["y"], saved["g"]
    x, y, g = build_table(sample_lines(path, clusters, seed))
    if table is not None:
        with open(table, "wb") as fh:
            np.savez(fh, x=x, y=y, g=g, key=key)
    return x, y, g


def train(
    data: Path,
    out: Path,
    *,
    clusters: int = 12000,
    seed: int = 2019,
    rounds: int = ROUNDS,
    table: Path | None = None,
    ablate: Sequence[str] = (),
) -> dict:
    """Rebuild the shipped scorer (or an ablated one); returns its metadata."""
    from ..files import write_atomic
    from ..methods.features import FEATURE_NAMES
    from ..methods.learned import from_lightgbm_dump

    path = Path(data) / TRAIN_FILE
    if not path.exists():
        raise InputNotFoundError(f"{path}: training data not found (expected ../shared/data)")
    unknown = [a for a in ablate if a not in ABLATIONS]
    if unknown:
        raise OptionsError(f"unknown ablation {unknown[0]!r}; choose from: {', '.join(ABLATIONS)}")
    t0 = time.perf_counter()
    x, y, g = load_or_build_table(path, clusters, seed, table)
    blank = sorted({FEATURE_NAMES.index(f) for a in ablate for f in ABLATIONS[a]})
    if blank:
        x = x.copy()
        x[:, blank] = 0.0
    t1 = time.perf_counter()
    dump = fit(x, y, rounds, seed)
    t2 = time.perf_counter()
    meta = {
        "data": TRAIN_FILE,
        "clusters": int(len(np.unique(g))),
        "sentences": int(len(y)),
        "seed": seed,
        "rounds": rounds,
        "target": "(P1 + P2) / 2: share of the sentence's unigrams and bigrams in the reference",
        "seconds_features": round(t1 - t0, 1),
        "seconds_fit": round(t2 - t1, 1),
    }
    if ablate:
        meta["ablated"] = sorted(ablate)
    model = from_lightgbm_dump(dump, meta)
    write_atomic(out, json.dumps(model.to_json(), separators=(",", ":")))
    log.info("wrote %s (%d trees, %d sentences) in %.0f s", out, len(model.trees), len(y), t2 - t0)
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    from ..errors import StorylineError
    from ..methods.learned import default_model_path

    ap = argparse.ArgumentParser(prog="python -m storyline.learn.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=default_model_path())
    ap.add_argument("--clusters", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--table", type=Path, help="cache of the feature table (.npz): read if it matches, else written")
    ap.add_argument("--ablate", action="append", default=[], choices=sorted(ABLATIONS), help="blank a feature group")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        meta = train(
            args.data,
            args.out,
            clusters=args.clusters,
            seed=args.seed,
            rounds=args.rounds,
            table=args.table,
            ablate=args.ablate,
        )
    except StorylineError as exc:
        log.error("%s", exc)
        return 1
    log.info("%s", json.dumps(meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
