"""The default method: sentence importance from the whole cluster.

A sentence matters when several articles carry its content (cross-article support), when it is central
to the cluster (cosine to the centroid), and when it comes early in its article (news is written top
down). Redundant sentences are skipped and dangling openers ("He said...", "But...") are demoted, so a
better self-contained sentence wins when one exists. ``fast`` keeps position and term support only and
never builds the sentence-by-sentence similarity matrix for scoring.
"""

from __future__ import annotations

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors
from .base import SelectionPolicy, Selector


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
    return np.array([1.0 / (1.0 + s.index) ** 0.5 for s in cluster.sentences])


def term_support(cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
    """Mean over a sentence's distinct terms of the share of articles using the term (weighted by idf):
    a cheap proxy for cross-article support."""
    n_articles = max(1, len(cluster.kept_ids))
    weight = (vecs.article_df / n_articles) * np.minimum(vecs.idf, 4.0)
    out = np.zeros(len(cluster.sentences))
    for i, ts in enumerate(vecs.terms):
        ids = {vecs.vocab[t] for t in ts}
        if ids:
            w = weight[list(ids)]
            out[i] = w.sum() / (len(ids) + 4.0)
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    hi = float(x.max()) if x.size else 0.0
    return x / hi if hi > 0 else x


class Default(Selector):
    name = "default"
    description = "cross-article support + centrality + position, redundancy-aware"
    policy = SelectionPolicy(redundancy=0.45, dangling_penalty=0.5)
    weights = (0.45, 0.25, 0.30)  # support, centrality, position

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        centroid = np.asarray(vecs.matrix.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        central = np.asarray(vecs.matrix @ (centroid / norm)).ravel() if norm else np.zeros(len(cluster.sentences))
        w_sup, w_cen, w_pos = self.weights
        sup = support(cluster, vecs) if len(cluster.kept_ids) > 1 else np.zeros(len(cluster.sentences))
        return w_sup * _unit(sup) + w_cen * _unit(central) + w_pos * position(cluster)


class Fast(Selector):
    name = "fast"
    description = "position + term support; no similarity matrix for scoring"
    policy = SelectionPolicy(redundancy=0.5, dangling_penalty=0.5)

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        return 0.5 * _unit(term_support(cluster, vecs)) + 0.5 * position(cluster)
