"""``submodular``: coverage plus a diversity reward, Lin & Bilmes (2011), "A class of submodular functions for
document summarization", as a baseline.

With ``w_ij`` the TF-IDF cosine of sentences ``i`` and ``j`` and ``N`` the sentences of the cluster, the
summary ``S`` maximises ``F(S) = L(S) + λ R(S)``:

- coverage ``L(S) = Σ_i min(C_i(S), α C_i(V))``, where ``C_i(S) = Σ_{j∈S} w_ij``: every sentence of the cluster
  wants to be represented, up to a share ``α = a / N`` of what the whole cluster gives it, after which more of
  the same pays nothing;
- diversity ``R(S) = Σ_k sqrt(Σ_{j∈S∩P_k} r_j)``, where ``P_1 … P_K`` cluster the sentences (k-means on their
  TF-IDF vectors, ``K = N / 5``) and ``r_j = Σ_i w_ij / N`` is a sentence's own worth: a second sentence from
  a part already represented is worth less than a first from another.

``F`` is monotone submodular; it is maximised under the word budget by the paper's cost-scaled greedy (the
gain per ``words^r``), compared with the best single sentence that fits. ``λ = 6`` and ``r = 0.3`` are the
paper's; ``a = 10`` was chosen on DUC 2003, as the paper chose its settings, from 5 / 10 / 20 / 50 (R1 / R2 35.5
/ 9.1, 38.4 / 10.4, 37.1 / 9.9, 36.8 / 9.8; on dev_original 45.6, 45.5 and 46.1 R1 for 5 / 10 / 20). Only sentences
the shared candidate filter accepts (:mod:`.base`) are chosen, and no two copies of one sentence; the summary
is put in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Cluster, Sentence
from ..represent import ClusterVectors, vectors
from .base import Selector, candidate, order_sentences, text_key
from .baselines import Centroid, Lead

SEED = 0  # k-means starts: the same parts, and summary, on every run
_BLOCK = 256  # candidates whose coverage gains are computed together


class Submodular(Selector):
    name = "submodular"
    description = "coverage + diversity reward, cost-scaled greedy (Lin & Bilmes, 2011)"
    a = 10.0  # α = a / N
    diversity = 6.0  # λ
    cost_power = 0.3  # r
    part_size = 5  # sentences per k-means part: K = N / part_size

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        """Not used for the choice (the greedy over ``F`` makes it): the centroid's, as a sentence's worth."""
        return Centroid().score(cluster, vecs)

    def objective(self, cluster: Cluster) -> Objective:
        """``F`` on this cluster's sentences."""
        vecs = vectors(cluster)
        n = len(cluster.sentences)
        w = vecs.similarity  # TF-IDF cosines, already in [0, 1]: shared with the cache, never written
        total = w.sum(axis=0)
        return Objective(w, (self.a / n) * total, total / n, _parts(vecs, max(1, n // self.part_size)),
                         self.diversity)

    def select(self, cluster: Cluster, budget: int) -> list[Sentence]:
        if not cluster.sentences or budget <= 0:
            return []
        sents = cluster.sentences
        lengths = vectors(cluster).words.astype(float)
        pool = [i for i, s in enumerate(sents) if candidate(s.text, int(lengths[i])) and lengths[i] <= budget]
        if not pool:  # a cluster of fragments: still say something, as every method does
            return Lead().select(cluster, budget)
        f = self.objective(cluster)
        cover = np.zeros(len(sents))  # C_i(S)
        mass = np.zeros(f.n_parts)  # Σ r_j over the chosen sentences of each part
        chosen: list[int] = []
        seen: set[str] = set()
        used = 0.0
        left = list(pool)
        while left := [j for j in left if used + lengths[j] <= budget]:
            cand = np.array(left)
            gain = f.gains(cover, mass, cand) / np.power(lengths[cand], self.cost_power)
            k = int(cand[int(np.argmax(gain))])
            left.remove(k)
            key = text_key(sents[k].text)
            if key in seen:
                continue
            chosen.append(k)
            seen.add(key)
            used += lengths[k]
            cover += f.w[:, k]
            mass[f.parts[k]] += f.singleton[k]
        # Lin & Bilmes's Algorithm 1: the greedy's summary, or the best single sentence when that alone is worth more
        best = max(pool, key=lambda j: f.value([j]))
        if f.value([best]) > f.value(chosen):
            chosen = [best]
        return order_sentences(cluster, chosen)


@dataclass(frozen=True, slots=True, eq=False)
class Objective:
    """``F(S) = Σ_i min(C_i(S), cap_i) + λ Σ_k sqrt(Σ_{j∈S∩P_k} r_j)`` on one cluster's sentences."""

    w: np.ndarray  # (n, n) cosines, negatives made 0
    cap: np.ndarray  # (n,) α C_i(V)
    singleton: np.ndarray  # (n,) r_j
    parts: np.ndarray  # (n,) each sentence's k-means part
    diversity: float  # λ

    @property
    def n_parts(self) -> int:
        return int(self.parts.max()) + 1 if self.parts.size else 0

    def value(self, chosen: list[int]) -> float:
        cover = self.w[:, chosen].sum(axis=1)
        mass = np.bincount(self.parts[chosen], self.singleton[chosen], minlength=self.n_parts)
        return float(np.minimum(cover, self.cap).sum() + self.diversity * np.sqrt(mass).sum())

    def gains(self, cover: np.ndarray, mass: np.ndarray, cand: np.ndarray) -> np.ndarray:
        """What adding each of ``cand`` to a summary with coverage ``cover`` and part masses ``mass`` adds to F."""
        base = np.minimum(cover, self.cap)[:, None]
        coverage = np.empty(cand.size)
        for at in range(0, cand.size, _BLOCK):  # a block of candidates at a time: n x block floats, not n x n
            block = cand[at : at + _BLOCK]
            coverage[at : at + _BLOCK] = (np.minimum(cover[:, None] + self.w[:, block], self.cap[:, None])
                                          - base).sum(axis=0)
        p = self.parts[cand]
        return coverage + self.diversity * (np.sqrt(mass[p] + self.singleton[cand]) - np.sqrt(mass[p]))


# k-means runs on the TF-IDF vectors projected to this many dimensions (a seeded Gaussian projection keeps
# their cosines to within a few hundredths): a cluster's vocabulary runs to thousands of words.
DIMENSIONS = 256
KMEANS_ROUNDS = 10  # Lloyd's rounds after the seeding


def _parts(vecs: ClusterVectors, k: int) -> np.ndarray:
    """Each sentence's part: k-means on the sentences' TF-IDF vectors, seeded by k-means++ (Arthur &
    Vassilvitskii, 2007) with the fixed ``SEED``. The same parts as ``scipy.cluster.vq.kmeans2(data, k,
    minit="++", seed=SEED, iter=10)``, which this replaces: its seeding measures every point against every
    centre chosen so far at each step (k²·n distances: 50 s on 3,000 sentences), where one distance per point
    to the newest centre is enough; and it warns on stderr when points run out (fewer distinct sentences than
    parts) or a part empties, where here the seeding stops and an empty part keeps its centre."""
    matrix = vecs.matrix
    n, width = matrix.shape
    if k <= 1 or n <= k:
        return np.zeros(n, dtype=np.int64) if k <= 1 else np.arange(n, dtype=np.int64)
    if width > DIMENSIONS:
        rng = np.random.default_rng(SEED)
        data = np.asarray(matrix @ rng.standard_normal((width, DIMENSIONS)) / np.sqrt(DIMENSIONS))
    else:
        data = matrix.toarray()
    return _lloyd(data, _seeds(data, k))


def _seeds(data: np.ndarray, k: int) -> np.ndarray:
    """Up to ``k`` k-means++ centres: each next one a point drawn with probability its squared distance to the
    nearest centre so far. The draws are those of scipy's seeding with ``seed=SEED`` (a legacy ``RandomState``),
    so the centres are the same; fewer when every point already is a centre."""
    from scipy.spatial.distance import cdist

    rng = np.random.RandomState(SEED)
    picked = [int(rng.randint(data.shape[0], dtype=np.int64))]
    nearest = cdist(data[picked[0]][None, :], data, metric="sqeuclidean")[0]
    while len(picked) < k:
        total = nearest.sum()
        if not total > 0:  # every point is at a centre: no more distinct parts
            break
        at = int(np.searchsorted(np.cumsum(nearest / total), rng.uniform()))
        picked.append(at)
        np.minimum(nearest, cdist(data[at][None, :], data, metric="sqeuclidean")[0], out=nearest)
    return data[picked].copy()


def _lloyd(data: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Each point's part after ``KMEANS_ROUNDS`` rounds of Lloyd's algorithm from ``centres`` (a part left
    empty keeps its centre)."""
    from scipy.cluster.vq import vq

    k = centres.shape[0]
    labels = np.zeros(data.shape[0], dtype=np.int64)
    for _ in range(KMEANS_ROUNDS):
        labels = np.asarray(vq(data, centres)[0], dtype=np.int64)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, data)
        counts = np.bincount(labels, minlength=k)
        held = counts > 0
        centres = centres.copy()
        centres[held] = sums[held] / counts[held, None]
    return labels
