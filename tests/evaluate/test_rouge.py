"""ROUGE scoring and aggregation against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.evaluate.rouge import (
    aggregate,
    bootstrap,
    score_summary,
    sentence_lines,
    tokenizer,
    truncate_words,
)


def test_truncate_words_counts_whitespace_words() -> None:
    assert truncate_words("a  b\nc d e", 3) == "a b c"
    assert truncate_words("a b", 10) == "a b"


def test_sentence_lines_puts_one_sentence_per_line() -> None:
    assert sentence_lines("The vote  passed.\nThe mayor left the U.S. on Monday. Critics spoke.") == (
        "The vote passed.\nThe mayor left the U.S. on Monday.\nCritics spoke."
    )


def test_tokenizer_matches_rouge_score_default() -> None:
    from rouge_score.tokenizers import DefaultTokenizer

    text = "Running dogs were RUNNING faster; the U.S. economy's 3.5% growth, café"
    assert tokenizer().tokenize(text) == DefaultTokenizer(use_stemmer=True).tokenize(text)


def test_single_reference_hand_computed() -> None:
    # unigrams: the×2, cat, on, mat shared -> 5/6 both ways; bigrams: the-cat, on-the, the-mat -> 3/5.
    s = score_summary("the cat sat on the mat", ["the cat lay on the mat"], 100)
    assert s["rouge1"] == pytest.approx(5 / 6)
    assert s["rouge1_recall"] == pytest.approx(5 / 6)
    assert s["rouge2"] == pytest.approx(3 / 5)
    assert s["rouge2_recall"] == pytest.approx(3 / 5)
    # one sentence each: LCS = the cat on the mat = 5 of 6
    assert s["rougeLsum"] == pytest.approx(5 / 6)


def test_recall_and_precision_differ_when_lengths_differ() -> None:
    # pred 2 tokens, both in the 4-token reference: P = 1, R = 1/2, F = 2/3
    s = score_summary("cat mat", ["the cat the mat"], 100)
    assert s["rouge1_recall"] == pytest.approx(0.5)
    assert s["rouge1"] == pytest.approx(2 / 3)


def test_several_references_are_averaged() -> None:
    s = score_summary("the cat sat on the mat", ["the cat sat on the mat", "a dog barked"], 100)
    assert s["rouge1"] == pytest.approx(0.5)
    assert s["rouge2"] == pytest.approx(0.5)


def test_summary_is_cut_to_the_budget_before_scoring() -> None:
    full = score_summary("the cat sat on the mat and then many other words followed", ["the cat sat on the mat"], 6)
    assert full["rouge1"] == pytest.approx(1.0)


def test_stemming_is_on() -> None:
    assert score_summary("running dogs", ["runs dog"], 10)["rouge1"] == pytest.approx(1.0)


def test_bootstrap_is_deterministic_for_a_seed() -> None:
    values = [0.1, 0.5, 0.3, 0.9, 0.2, 0.4, 0.8]
    a, b = bootstrap(values, seed=7), bootstrap(values, seed=7)
    assert a == b
    assert a.mean == pytest.approx(np.mean(values))
    assert a.low <= a.mean <= a.high
    assert bootstrap(values, seed=8) != a


def test_bootstrap_of_constant_values_is_a_point() -> None:
    agg = bootstrap([0.25] * 5, seed=0)
    assert (agg.low, agg.mean, agg.high) == pytest.approx((0.25, 0.25, 0.25))


def test_aggregate_covers_every_metric() -> None:
    rows = [score_summary("the cat sat", ["the cat sat"], 10), score_summary("a dog", ["the cat sat"], 10)]
    agg = aggregate(rows, seed=0)
    assert set(agg) == {"rouge1", "rouge2", "rougeLsum", "rouge1_recall", "rouge2_recall"}
    assert agg["rouge1"].mean == pytest.approx(0.5)


def test_without_lsum_the_other_metrics_are_unchanged() -> None:
    full = score_summary("the cat sat on the mat. A dog.", ["the cat lay on the mat"], 100)
    fast = score_summary("the cat sat on the mat. A dog.", ["the cat lay on the mat"], 100, lsum=False)
    assert np.isnan(fast.pop("rougeLsum"))
    assert fast == {k: v for k, v in full.items() if k != "rougeLsum"}


def _textbook_lcs_table(ref: list[str], can: list[str]) -> list[list[int]]:
    t = [[0] * (len(can) + 1) for _ in range(len(ref) + 1)]
    for i in range(1, len(ref) + 1):
        for j in range(1, len(can) + 1):
            t[i][j] = t[i - 1][j - 1] + 1 if ref[i - 1] == can[j - 1] else max(t[i - 1][j], t[i][j - 1])
    return t


def test_fast_lcs_table_equals_the_textbook_table() -> None:
    import random

    from storyline.evaluate.rouge import _lcs_table

    rng = random.Random(0)
    for _ in range(300):
        ref = [rng.choice("abcde") for _ in range(rng.randint(0, 12))]
        can = [rng.choice("abcdef") for _ in range(rng.randint(0, 12))]
        assert _lcs_table(ref, can) == _textbook_lcs_table(ref, can)


def test_rougelsum_hand_computed_over_two_sentences() -> None:
    # reference sentences: "a b c" / "d e"; summary: "a c x" / "d"; union LCS hits: a, c, d = 3;
    # recall 3/5, precision 3/4.
    s = score_summary("Alpha gamma xray. Delta.", ["Alpha beta gamma. Delta echo."], 100)
    r, p = 3 / 5, 3 / 4
    assert s["rougeLsum"] == pytest.approx(2 * p * r / (p + r))


def test_paired_difference_sees_a_steady_lead_that_separate_intervals_hide() -> None:
    from storyline.evaluate.rouge import paired

    rng = np.random.default_rng(3)
    base = rng.uniform(0.2, 0.6, size=40)  # clusters differ a lot from one another
    better = base + 0.01  # a small lead on every cluster
    d = paired(better, base, seed=0)
    assert d.mean == pytest.approx(0.01) and d.low == pytest.approx(0.01) and d.ahead == 1.0
    a, b = bootstrap(better, seed=0), bootstrap(base, seed=0)
    assert a.low < b.high  # the two separate intervals overlap
    # no lead at all: the interval straddles zero and about half the resamples lead
    noise = base + rng.normal(0, 0.05, size=40)
    d = paired(noise - noise.mean() + base.mean(), base, seed=0)
    assert d.low < 0 < d.high and 0.2 < d.ahead < 0.8


def test_a_paired_p_value_is_that_of_swapping_the_two_methods_scores_cluster_by_cluster() -> None:
    # "ahead" (the share of bootstrap resamples with a positive lead) is no p-value, and two methods with the same
    # summaries read "ahead 0.00" as if one trailed on every resample.
    import itertools

    from storyline.evaluate.rouge import paired, permutation_p

    d = np.array([0.03, -0.01, 0.02, 0.05, 0.0, -0.02, 0.04, 0.01])
    # every one of the 2^8 sign flips, counted by hand: the exact two-sided p of the mean difference
    flips = [np.mean(np.array(s) * d) for s in itertools.product((-1, 1), repeat=d.size)]
    exact = sum(abs(m) >= abs(d.mean()) - 1e-12 for m in flips) / len(flips)
    assert permutation_p(d, seed=0) == pytest.approx(exact, abs=0.01)
    assert permutation_p(d, seed=0) == permutation_p(d, seed=0) != permutation_p(d, seed=1)  # seeded
    assert permutation_p(np.zeros(12)) == 1.0  # the same scores: no evidence either way
    assert paired([0.4, 0.3, 0.5], [0.4, 0.3, 0.5]).p == 1.0
    steady = permutation_p(np.full(40, 0.01))  # the same lead on 40 clusters: only the observed flip reaches it
    assert steady == 1 / 10_001
    rng = np.random.default_rng(5)
    base = rng.uniform(0.2, 0.6, size=40)
    other = base + rng.normal(0, 0.05, size=40)
    assert 0.05 < paired(other, base).p <= 1.0 and paired(base + 0.01, base).p < 0.001


def test_holm_adjusts_a_family_of_p_values_as_by_hand() -> None:
    from storyline.evaluate.rouge import holm

    # m = 4, sorted 0.005 < 0.01 < 0.03 < 0.04: 4 x 0.005, 3 x 0.01, 2 x 0.03, then 1 x 0.04 = 0.04 raised to the
    # 0.06 before it (step-down: never below an adjusted p of a smaller raw p); in the order given
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.6, 0.7]) == [1.0, 1.0]  # 2 x 0.6 capped at 1; 0.7 held up to it
    assert holm([0.5, 0.4]) == pytest.approx([0.8, 0.8])
    nan, *rest = holm([float("nan"), 0.02, 0.03])  # no comparison: NaN, and not one of the m
    assert np.isnan(nan) and rest == pytest.approx([0.04, 0.04])
    assert holm([0.2]) == [0.2] and holm([]) == []
