"""The default method: sentence importance from the whole cluster.

The scores come from a learned model (:mod:`storyline.methods.learned`): gradient-boosted trees over
position, centrality, graph degree, cross-article support and concept (word and bigram) article
frequency (:mod:`storyline.methods.features`), trained to predict each sentence's ROUGE overlap with
reference summaries of the Multi-News training split (for summaries of 150 words and more, an ensemble
whose target also counts the sentences a ROUGE oracle takes into a 300-word summary). The sentences are
then chosen by concept coverage (:mod:`storyline.methods.coverage`: Gillick & Favre, 2009; Lin & Bilmes,
2010): widely reported bigrams count once, plus the learned score of each sentence, greedily per word under
the budget. When the shipped model cannot be loaded, the hand-weighted blend below takes over (and a
warning is logged).

The blend: a sentence matters when several articles carry its content (cross-article support), when it is central
to the cluster (cosine to the centroid), and when it comes early in its article (news is written top
down). Redundant sentences are skipped and dangling openers ("He said...", "But...") are demoted, so a
better self-contained sentence wins when one exists. ``fast`` keeps position and term support only and
never builds the sentence-by-sentence similarity matrix for scoring.
"""

from __future__ import annotations

import numpy as np

from ..model import Cluster, Sentence
from ..represent import ClusterVectors, vectors
from .base import SelectionPolicy, Selector, greedy_fill
from .coverage import CoveragePolicy, coverage_fill
from .features import sentence_features
from .learned import load_model


def support(cluster: Cluster, vecs: ClusterVectors, threshold: float = 0.25) -> np.ndarray:
    """For each sentence, the summed best cosine to each *other* article, counting only matches above
    ``threshold``: how much of the rest of the cluster reports the same thing."""
    sim = vecs.similarity
    art = np.array([s.article for s in cluster.sentences])
    out = np.zeros(len(art))
    for a in dict.fromkeys(art):
        cols = np.flatnonzero(art == a)
        best = sim[:, cols].max(axis=1)
        best[art == a] = 0.0
        out += np.where(best >= threshold, best, 0.0)
    return out


def position(cluster: Cluster) -> np.ndarray:
    index = np.fromiter((s.index for s in cluster.sentences), dtype=float, count=len(cluster.sentences))
    return 1.0 / np.sqrt(1.0 + index)


def term_support(cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
    """Mean over a sentence's distinct terms of the share of articles using the term (weighted by idf):
    a cheap proxy for cross-article support."""
    n_articles = max(1, len(cluster.kept_ids))
    weight = (vecs.article_df / n_articles) * np.minimum(vecs.idf, 4.0)
    rows, cols, _ = vecs.cells  # one cell per distinct (sentence, term)
    n = len(cluster.sentences)
    total = np.bincount(rows, weights=weight[cols], minlength=n)
    return total / (vecs.distinct_terms + 4.0)


def _unit(x: np.ndarray) -> np.ndarray:
    hi = float(x.max()) if x.size else 0.0
    return x / hi if hi > 0 else x


def blend(cluster: Cluster, vecs: ClusterVectors, weights: tuple[float, float, float]) -> np.ndarray:
    """The model-free score: support, centrality and position, each scaled to [0, 1], weighted."""
    centroid = np.asarray(vecs.matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    central = np.asarray(vecs.matrix @ (centroid / norm)).ravel() if norm else np.zeros(len(cluster.sentences))
    w_sup, w_cen, w_pos = weights
    sup = support(cluster, vecs) if len(cluster.kept_ids) > 1 else np.zeros(len(cluster.sentences))
    return w_sup * _unit(sup) + w_cen * _unit(central) + w_pos * position(cluster)


class Default(Selector):
    name = "default"
    description = "learned sentence scores + coverage of widely reported concepts (Gillick & Favre, 2009)"
    # The model already sees the dangling-opener flag, so no extra penalty (a 0.5 penalty cost ~0.8 R2).
    policy = SelectionPolicy(redundancy=0.45, dangling_penalty=1.0)
    weights = (0.45, 0.25, 0.30)  # support, centrality, position: the fallback blend
    model_path: str | None = None  # None: the model shipped in the package

    coverage: CoveragePolicy | None = CoveragePolicy(quality=3.0, redundancy=0.45)  # None: plain greedy fill

    def select(self, cluster: Cluster, budget: int) -> list[Sentence]:
        if load_model(self.model_path) is None:  # the fallback keeps the policy it was tuned with
            return Blend().select(cluster, budget)
        if not cluster.sentences or budget <= 0:
            return []
        vecs = vectors(cluster)
        scores = self.score(cluster, vecs, budget)
        if self.coverage is None:
            return greedy_fill(cluster, vecs, scores, budget, self.policy)
        return coverage_fill(cluster, vecs, scores, budget, self.coverage)

    def score(self, cluster: Cluster, vecs: ClusterVectors, budget: int | None = None) -> np.ndarray:
        """The model's scores; a model with budget variants uses the one trained for ``budget`` words."""
        model = load_model(self.model_path)
        if model is None:
            return blend(cluster, vecs, self.weights)
        return model.for_budget(budget).predict(sentence_features(cluster, vecs, model.lexicon))


class Blend(Selector):
    """The hand-weighted blend on its own (the default method's model-free fallback)."""

    name = "blend"
    description = "cross-article support + centrality + position, hand-weighted"
    policy = SelectionPolicy(redundancy=0.45, dangling_penalty=0.5)
    weights = Default.weights

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        return blend(cluster, vecs, self.weights)


class Fast(Selector):
    """Position and term support, no model and no similarity matrix for the scores, chosen by the default's
    concept-coverage selection (with its rules: no fragments, no half quotations, no sentence that says a
    chosen one again). The plain greedy fill it used before was 20-30% cheaper but 0.6 R1 lower on
    dev_original and 2-2.5 R1 lower on DUC and MultiLing (docs/method-history.md, tenth round)."""

    name = "fast"
    description = "position + term support, concept-coverage selection; no model, no similarity matrix for scoring"
    coverage = CoveragePolicy(quality=3.0, redundancy=0.45)

    def select(self, cluster: Cluster, budget: int) -> list[Sentence]:
        if not cluster.sentences or budget <= 0:
            return []
        vecs = vectors(cluster)
        return coverage_fill(cluster, vecs, self.score(cluster, vecs), budget, self.coverage)

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        return 0.5 * _unit(term_support(cluster, vecs)) + 0.5 * position(cluster)
