"""Ablation of the default method: the full method, then one ingredient taken away at a time.

    .venv/bin/python benchmarks/methods_ablation.py original --models-dir /tmp/ablation
    .venv/bin/python benchmarks/methods_ablation.py val --n 300 --models-dir /tmp/ablation

The feature-group variants need scorers trained without that group, made once with
``python -m storyline.learn.train --table /tmp/features.npz --ablate GROUP --out DIR/no-GROUP.json`` for
GROUP in support, position, concepts, lexicon (the table cache makes the second and later runs take seconds);
a variant whose model file is missing is skipped. Scored as ``storyline eval`` scores (``evaluate.rouge``: every
summary cut to the same budget, references averaged). The last row is no method
but the headroom of the scorer: the same selection driven by each sentence's true overlap with the references.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from storyline.api import load_articles, make_cluster
from storyline.errors import EmptyInputError
from storyline.evaluate.bench import BY_SHORT_NAME
from storyline.evaluate.rouge import score_summary
from storyline.ingest import read_dataset
from storyline.methods.base import dangling
from storyline.methods.default import Default, blend
from storyline.model import Cluster
from storyline.represent import ClusterVectors

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {name: (BY_SHORT_NAME[name].file, BY_SHORT_NAME[name].words)
        for name in ("original", "duc", "val", "multiling")}
COLUMNS = (("R1", "rouge1"), ("R2", "rouge2"), ("RLs", "rougeLsum"), ("R2rec", "rouge2_recall"))


def cluster_of(docs) -> Cluster:  # type: ignore[no-untyped-def]
    """The cleaned cluster of a dataset entry; an empty one when every article was page clutter (its
    summary is then empty and scored as such, as ``storyline eval`` does)."""
    try:
        return make_cluster(load_articles(docs.articles, strict=False))
    except EmptyInputError:
        return Cluster(articles=(), sentences=())


class BlendScores(Default):
    """Concept coverage over the hand-weighted blend's scores: the method without its model."""

    def score(self, cluster: Cluster, vecs: ClusterVectors, budget: int | None = None) -> np.ndarray:
        return blend(cluster, vecs, self.weights)


class DanglingPenalty(Default):
    """The default with dangling openers' scores halved (the model already sees the flag)."""

    def score(self, cluster: Cluster, vecs: ClusterVectors, budget: int | None = None) -> np.ndarray:
        s = super().score(cluster, vecs, budget)
        return s * np.array([0.5 if dangling(x) else 1.0 for x in cluster.sentences])


class OneEnsemble(Default):
    """The default with the overlap ensemble at every budget (no long-summary ensemble)."""

    def score(self, cluster: Cluster, vecs: ClusterVectors, budget: int | None = None) -> np.ndarray:
        return super().score(cluster, vecs, None)


class NoDefiniteOpeners(Default):
    """The default with only pronoun and connective openers held back ("The company said…", "_People ages…"
    taken alone)."""

    def select(self, cluster: Cluster, budget: int):  # type: ignore[no-untyped-def]
        from storyline.methods import coverage

        saved, coverage.refers_back = coverage.refers_back, dangling
        try:
            return super().select(cluster, budget)
        finally:
            coverage.refers_back = saved


class ReferenceScores(Default):
    """The ceiling of any sentence scorer in this selection: each sentence scored by its true overlap with
    the cluster's references (the training target, averaged over references). Not a method: it reads the
    answer, so it only says how much better scores alone could make the default."""

    references: tuple[str, ...] = ()

    def score(self, cluster: Cluster, vecs: ClusterVectors, budget: int | None = None) -> np.ndarray:
        from storyline.learn.train import sentence_gains

        texts = [s.text for s in cluster.sentences]
        return np.mean([sentence_gains(texts, r) for r in self.references], axis=0)


def variants(models: Path | None) -> dict[str, Default]:
    cov = Default.coverage
    assert cov is not None
    out: dict[str, Default] = {"default (full)": Default()}
    for group in ("support", "position", "concepts", "lexicon"):
        path = models / f"no-{group}.json" if models else None
        if path and path.exists():
            out[f"- {group} features"] = type(f"No{group}", (Default,), {"model_path": str(path)})()
    out["- long-summary ensemble (overlap ensemble only)"] = OneEnsemble()
    out["- model (blend scores)"] = BlendScores()
    out["- concept coverage (greedy)"] = type("NoCoverage", (Default,), {"coverage": None})()
    out["- 8-word minimum (6, as for every method)"] = type(
        "NoMinWords", (Default,), {"coverage": replace(cov, min_words=0)}
    )()
    out["- redundancy cap (cosine)"] = type("NoRedundancy", (Default,), {"coverage": replace(cov, redundancy=1.0)})()
    out["- containment cap"] = type("NoContainment", (Default,), {"coverage": replace(cov, containment=1.0)})()
    out["- subsumed rule"] = type("NoSubsumed", (Default,), {"coverage": replace(cov, subsumed=1.0)})()
    out["- gist restatement rule"] = type("NoRestated", (Default,), {"coverage": replace(cov, restated=False)})()
    out["- definite and list-item openers"] = NoDefiniteOpeners()
    out["+ dangling penalty 0.5"] = DanglingPenalty()
    out["ceiling: true overlap as scores"] = ReferenceScores()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", choices=SETS)
    ap.add_argument("--n", type=int, default=0, help="seeded sample size (0: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--models-dir", type=Path, help="folder with no-support.json, no-position.json, ...")
    args = ap.parse_args()
    rel, budget = SETS[args.dataset]
    docs = list(read_dataset(DATA / rel, need_summaries=True))
    if args.n and args.n < len(docs):
        docs = random.Random(args.seed).sample(docs, args.n)
    clusters = [(cluster_of(d), d.summaries) for d in docs]
    print(f"{args.dataset}: {len(clusters)} clusters, {budget} words", file=sys.stderr)
    print(f"{'variant':48s}" + "".join(f" {label:>6s}" for label, _ in COLUMNS))
    for name, method in variants(args.models_dir).items():
        totals = dict.fromkeys((key for _, key in COLUMNS), 0.0)
        for cluster, refs in clusters:
            if isinstance(method, ReferenceScores):
                method.references = refs
            summary = " ".join(s.text for s in method.select(cluster, budget))
            scores = score_summary(summary, refs, budget)
            for key in totals:
                totals[key] += 100 * scores[key] / len(clusters)
        print(f"{name:48s}" + "".join(f" {totals[key]:6.2f}" for _, key in COLUMNS), flush=True)


if __name__ == "__main__":
    main()
