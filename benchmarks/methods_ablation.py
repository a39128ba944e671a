"""Ablation of the default method: the full method, then one ingredient taken away at a time.

    .venv/bin/python benchmarks/methods_ablation.py original --models-dir /tmp/ablation
    .venv/bin/python benchmarks/methods_ablation.py val --n 300 --models-dir /tmp/ablation

The feature-group variants need scorers trained without that group, made once with
``python -m storyline.learn.train --table /tmp/features.npz --ablate GROUP --out DIR/no-GROUP.json`` for
GROUP in support, position, concepts, lexicon (the table cache makes the second and later runs take seconds);
a variant whose model file is missing is skipped. Scoring as in ``methods_dev.py``. The last row is no method
but the headroom of the scorer: the same selection driven by each sentence's true overlap with the references.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from methods_dev import DATA, SETS, add_mean, cluster_of, cut, row, score  # noqa: E402

from storyline.ingest import read_dataset  # noqa: E402
from storyline.methods.base import dangling  # noqa: E402
from storyline.methods.default import Default, blend  # noqa: E402
from storyline.model import Cluster  # noqa: E402
from storyline.represent import ClusterVectors  # noqa: E402


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
    print(f"{'variant':30s} {'R1':>6s} {'R2':>6s} {'RLs':>6s} {'R2rec':>6s}")
    for name, method in variants(args.models_dir).items():
        totals: dict[str, float] = {}
        for cluster, refs in clusters:
            if isinstance(method, ReferenceScores):
                method.references = refs
            summary = cut([s.text for s in method.select(cluster, budget)], budget)
            add_mean(totals, score(summary, refs), len(clusters))
        print(row(name, totals, 30), flush=True)


if __name__ == "__main__":
    main()
