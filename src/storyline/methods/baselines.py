"""The classic baselines, each in a few lines over the shared representation.

- ``lead``: the first sentences of each article, round-robin (the strongest simple news baseline).
- ``centroid``: similarity to the TF-IDF centroid of the cluster (Radev et al., 2004, "Centroid-based
  summarization of multiple documents").
- ``lexrank``: PageRank on the graph of sentences whose TF-IDF cosine exceeds 0.1 (Erkan & Radev, 2004,
  "LexRank: graph-based lexical centrality as salience in text summarization").
- ``textrank``: PageRank on word-overlap similarity normalised by log lengths (Mihalcea & Tarau, 2004,
  "TextRank: bringing order into texts").
"""

from __future__ import annotations

import math

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors
from .base import SelectionPolicy, Selector, pagerank


class Lead(Selector):
    name = "lead"
    description = "first sentences of each article, round-robin"
    policy = SelectionPolicy(redundancy=0.9, order="rank")

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        rank = {a.id: k for k, a in enumerate(cluster.articles)}
        n = len(cluster.articles) + 1
        return np.array([-(s.index * n + rank[s.article]) for s in cluster.sentences], dtype=float)


class Centroid(Selector):
    name = "centroid"
    description = "cosine to the TF-IDF centroid (Radev et al., 2004)"

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        centroid = np.asarray(vecs.matrix.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        if norm == 0:
            return np.zeros(len(cluster.sentences))
        return np.asarray(vecs.matrix @ (centroid / norm)).ravel()


class LexRank(Selector):
    name = "lexrank"
    description = "LexRank with a 0.1 cosine threshold (Erkan & Radev, 2004)"
    threshold = 0.1

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        graph = (vecs.similarity > self.threshold).astype(float)
        return pagerank(graph)


class TextRank(Selector):
    name = "textrank"
    description = "TextRank on normalised word overlap (Mihalcea & Tarau, 2004)"

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        sets = [set(t) for t in vecs.terms]
        n = len(sets)
        weights = np.zeros((n, n))
        logs = [math.log(len(s)) if len(s) > 1 else 0.0 for s in sets]
        for i in range(n):
            if not sets[i]:
                continue
            for j in range(i + 1, n):
                denom = logs[i] + logs[j]
                if denom <= 0:
                    continue
                overlap = len(sets[i] & sets[j])
                if overlap:
                    weights[i, j] = weights[j, i] = overlap / denom
        return pagerank(weights)
