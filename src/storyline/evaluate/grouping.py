"""Scoring a grouping of articles into stories against the true stories (B-cubed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def bcubed(predicted: Sequence[Sequence[str]], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin, 1998) of a grouping against true labels: per
    article, the share of its predicted story that truly belongs with it, and the share of its true story
    that the predicted one holds; averaged over articles."""
    size_true = Counter(truth.values())
    p = r = 0.0
    n = 0
    for group in predicted:
        labels = Counter(truth[a] for a in group)
        for a in group:
            same = labels[truth[a]]
            p += same / len(group)
            r += same / size_true[truth[a]]
            n += 1
    if n == 0:
        return 0.0, 0.0, 0.0
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
