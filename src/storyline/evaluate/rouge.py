"""ROUGE as the project measures it (``../shared/data/README.md``), split like rouge_score itself:
tokenize (rouge_score's tokenizer with its Porter stemmer) → score one summary → aggregate over clusters.

- ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (Lin, 2004, "ROUGE: a package for automatic evaluation of
  summaries"), plus ROUGE-1/2 recall, the DUC convention.
- Several references: the per-reference scores are averaged.
- ROUGE-Lsum: one sentence per line in both texts, split with storyline's segmenter.
- Every output is first cut to the same budget of whitespace words.
- The 95% interval is a percentile bootstrap over clusters (Efron & Tibshirani, 1993) drawn from a
  seeded numpy ``Generator``; rouge_score's own bootstrap uses global randomness and cannot be repeated.
- Two methods on the same clusters: the paired bootstrap interval of the lead, and the two-sided p-value of a
  paired approximate randomization test (Noreen, 1989; Riezler & Maxwell, 2005), seeded the same way; over
  several such comparisons, Holm's adjustment of their p-values (Holm, 1979).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..segment import split_spans

METRICS = ("rouge1", "rouge2", "rougeLsum", "rouge1_recall", "rouge2_recall")
BOOTSTRAP_SAMPLES = 1000
# A p-value's resolution is 1 / (samples + 1): 10,000 tell 0.001 apart from 0.01.
PERMUTATION_SAMPLES = 10_000


def truncate_words(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, joined by single spaces."""
    return " ".join(text.split()[:words])


def sentence_lines(text: str) -> str:
    """One sentence per line (storyline's segmenter), as rougeLsum expects."""
    flat = " ".join(text.split())
    return "\n".join(flat[a:b] for a, b in split_spans(flat))


class _CachedStemmer:
    """rouge_score's Porter stemmer with a memo: stemming is most of the cost of scoring, and the same
    words come back in every summary and reference."""

    def __init__(self) -> None:
        from nltk.stem import porter

        self.stem = lru_cache(maxsize=500_000)(porter.PorterStemmer().stem)


class RougeTokenizer:
    """rouge_score's default tokenizer (lower-case, alphanumeric runs, Porter stems of words of more than
    three letters), with the stemmer memoised: the same tokens, faster."""

    def __init__(self) -> None:
        self._stemmer = _CachedStemmer()

    def tokenize(self, text: str) -> list[str]:
        from rouge_score import tokenize

        return list(tokenize.tokenize(text, self._stemmer))


@lru_cache(maxsize=1)
def tokenizer() -> RougeTokenizer:
    return RougeTokenizer()


def _lcs_table(ref: Sequence[str], can: Sequence[str]) -> list[list[int]]:
    """The same table as rouge_score's ``_lcs_table`` (so the same LCS is read out of it), built faster:
    a row whose reference token is absent from the candidate equals the row above (rows never decrease
    left to right), and the inner loop avoids ``max()`` and double indexing. ROUGE-Lsum's table is most
    of the cost of scoring a 300-word summary."""
    cols = len(can)
    present = set(can)
    prev = [0] * (cols + 1)
    table = [prev]
    for r in ref:
        if r not in present:
            cur = prev[:]
        else:
            cur = [0] * (cols + 1)
            left = 0
            for j, c in enumerate(can, 1):
                if r == c:
                    left = prev[j - 1] + 1
                else:
                    up = prev[j]
                    if up > left:
                        left = up
                cur[j] = left
        table.append(cur)
        prev = cur
    return table


@lru_cache(maxsize=1)
def scorer():  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    # rouge-score is pinned (0.1.2): swap in the equivalent, faster table (tests compare the two).
    rouge_scorer._lcs_table = _lcs_table
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], tokenizer=tokenizer())


@lru_cache(maxsize=1)
def scorer_n():  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=tokenizer())


def score_summary(summary: str, references: Sequence[str], words: int, *, lsum: bool = True) -> dict[str, float]:
    """The five metrics (fractions, not ×100) of one summary cut to ``words`` words, averaged over
    ``references``. ``lsum=False`` skips ROUGE-Lsum (its pure-Python LCS is most of the cost) and
    reports it as NaN: the gate needs R1 and R2 only."""
    if not references:
        raise ValueError("no references to score against")
    # rouge1/rouge2 ignore line breaks, so the sentence split is only needed for rougeLsum.
    lines = sentence_lines if lsum else str
    pred = lines(truncate_words(summary, words))
    total = dict.fromkeys(METRICS, 0.0)
    for ref in references:
        s = (scorer() if lsum else scorer_n()).score(lines(ref), pred)
        total["rouge1"] += s["rouge1"].fmeasure
        total["rouge2"] += s["rouge2"].fmeasure
        total["rougeLsum"] += s["rougeLsum"].fmeasure if lsum else float("nan")
        total["rouge1_recall"] += s["rouge1"].recall
        total["rouge2_recall"] += s["rouge2"].recall
    return {k: v / len(references) for k, v in total.items()}


@dataclass(frozen=True, slots=True)
class Aggregate:
    """Mean of a metric over clusters with its bootstrap 95% interval (fractions)."""

    mean: float
    low: float
    high: float


def bootstrap(values: Sequence[float], *, seed: int = 0, samples: int = BOOTSTRAP_SAMPLES) -> Aggregate:
    """Mean and percentile-bootstrap 95% interval over clusters, reproducible for a given ``seed``."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return Aggregate(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(samples, x.size))
    means = x[idx].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Aggregate(float(x.mean()), float(low), float(high))


@dataclass(frozen=True, slots=True)
class Difference:
    """A method's mean lead over another on the same clusters, its paired bootstrap 95% interval, the share of
    resamples in which the lead is positive (fractions), and the two-sided p-value of the lead
    (:func:`permutation_p`)."""

    mean: float
    low: float
    high: float
    ahead: float
    p: float = float("nan")


def paired(a: Sequence[float], b: Sequence[float], *, seed: int = 0, samples: int = BOOTSTRAP_SAMPLES) -> Difference:
    """``a`` minus ``b``, cluster by cluster, resampled as :func:`bootstrap` resamples (the same clusters for
    both methods in each resample: a paired test, far tighter than comparing two separate intervals)."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if d.size == 0:
        return Difference(float("nan"), float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = d[rng.integers(0, d.size, size=(samples, d.size))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Difference(float(d.mean()), float(low), float(high), float((means > 0).mean()), permutation_p(d, seed=seed))


def permutation_p(d: Sequence[float] | np.ndarray, *, seed: int = 0, samples: int = PERMUTATION_SAMPLES) -> float:
    """The two-sided p-value of a mean per-cluster difference ``d`` (one method's score minus another's on each
    cluster) by approximate randomization (Noreen, 1989; Riezler & Maxwell, 2005): each resample swaps the two
    methods' scores of each cluster with probability 1/2, which flips the sign of its difference, and p is the
    share of resamples whose mean is as far from zero as the one observed, counting the observed one
    (``(1 + hits) / (1 + samples)``, never 0). Two methods with the same scores on every cluster get 1."""
    x = np.asarray(d, dtype=float)
    if x.size == 0:
        return float("nan")
    observed = abs(float(x.mean()))
    # a resample's mean equal to the observed one up to rounding counts as hitting it (ties, a constant lead)
    bar = observed - 1e-12 * max(1.0, observed)
    rng = np.random.default_rng(seed)
    hits = 0
    for start in range(0, samples, 1000):  # 1,000 resamples at a time: 5,622 clusters x 10,000 would be 450 MB
        signs = rng.integers(0, 2, size=(min(1000, samples - start), x.size)) * 2 - 1
        hits += int((np.abs((signs * x).mean(axis=1)) >= bar).sum())
    return (1 + hits) / (1 + samples)


def holm(ps: Sequence[float]) -> list[float]:
    """Holm's step-down adjustment of a family of p-values (Holm, 1979, "A simple sequentially rejective multiple
    test procedure"), in the order given: the i-th smallest of m is multiplied by m - i + 1, capped at 1, and made
    no smaller than the adjusted p before it. An adjusted p under a level α rejects that comparison with a
    chance of at most α that any of the family's true nulls is rejected (the familywise error), whatever their
    dependence. NaN (no comparison) stays NaN and is not counted in m."""
    order = sorted((k for k, p in enumerate(ps) if not np.isnan(p)), key=lambda k: ps[k])
    out = [float("nan")] * len(ps)
    running = 0.0
    for i, k in enumerate(order):
        running = max(running, min(1.0, (len(order) - i) * ps[k]))
        out[k] = running
    return out


def aggregate(per_cluster: Sequence[dict[str, float]], *, seed: int = 0) -> dict[str, Aggregate]:
    """Every metric aggregated; the same resampled clusters for every metric and method (one seed)."""
    return {m: bootstrap([c[m] for c in per_cluster], seed=seed) for m in METRICS}
