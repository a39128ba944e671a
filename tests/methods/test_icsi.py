"""The ICSI baseline (Gillick & Favre, 2009): its concepts, its article threshold, and that the integer program
finds the best summary there is (checked against every subset of the candidates). Fictional articles."""

from __future__ import annotations

import os
from itertools import combinations

import pytest
from support import PORT_AVERY, outputs_under_hash_seeds

from storyline.api import load_articles, make_cluster
from storyline.methods import get
from storyline.methods.icsi import Icsi, concepts
from storyline.represent import vectors

TEXTS = PORT_AVERY


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    return make_cluster(load_articles(TEXTS))


def test_concepts_are_stemmed_bigrams_without_two_stopwords() -> None:
    got = concepts("The cranes of the harbour fell")
    assert ("crane", "of") in got and ("harbour", "fell") in got
    assert ("of", "the") not in got  # two stopwords


@pytest.mark.parametrize(("articles", "least"), [(1, 2), (2, 2), (3, 2), (7, 3), (10, 3), (20, 6)])
def test_a_concept_counts_from_thirty_percent_of_the_articles(articles: int, least: int) -> None:
    assert Icsi().min_articles(articles) == least


def _value(cluster, chosen, least: int) -> int:  # type: ignore[no-untyped-def]
    """The objective of a set of sentences: the article counts of the distinct concepts they cover."""
    used: dict[tuple[str, str], set[str]] = {}
    for s in cluster.sentences:
        for c in concepts(s.text):
            used.setdefault(c, set()).add(s.article)
    covered = set().union(*(concepts(s.text) for s in chosen)) if chosen else set()
    return sum(len(used[c]) for c in covered if len(used[c]) >= least)


@pytest.mark.parametrize("budget", [20, 35, 50])
def test_the_program_finds_the_best_summary_within_the_budget(cluster, budget: int) -> None:  # type: ignore[no-untyped-def]
    method = Icsi()
    chosen = method.select(cluster, budget)
    lengths = vectors(cluster).words.tolist()
    by_text = {s.text: i for i, s in enumerate(cluster.sentences)}
    assert sum(lengths[by_text[s.text]] for s in chosen) <= budget
    least = method.min_articles(len(cluster.articles))
    best = max(
        _value(cluster, subset, least)
        for k in range(len(cluster.sentences) + 1)
        for subset in combinations(cluster.sentences, k)
        if sum(lengths[by_text[s.text]] for s in subset) <= budget
    )
    assert best > 0 and _value(cluster, chosen, least) == best


def test_the_summary_is_in_reading_order_and_registered(cluster) -> None:  # type: ignore[no-untyped-def]
    chosen = get("icsi").select(cluster, 50)
    assert chosen
    for article in {s.article for s in chosen}:  # each article's sentences in the order it tells them
        told = [s.index for s in chosen if s.article == article]
        assert told == sorted(told)


def test_a_small_cluster_fills_its_budget_after_the_shared_concepts() -> None:
    two = make_cluster(load_articles(TEXTS[:2]))
    lengths = {s.text: n for s, n in zip(two.sentences, vectors(two).words.tolist(), strict=True)}
    plain = type("Plain", (Icsi,), {"fill": False})()
    shared_only = sum(lengths[s.text] for s in plain.select(two, 60))
    filled = sum(lengths[s.text] for s in Icsi().select(two, 60))
    assert shared_only < filled <= 60
    least = Icsi().min_articles(2)  # and the filling never costs a shared concept
    assert _value(two, Icsi().select(two, 60), least) == _value(two, plain.select(two, 60), least)


def test_one_article_has_no_shared_concept_and_gets_its_lead() -> None:
    one = make_cluster(load_articles([TEXTS[0]]))
    chosen = Icsi().select(one, 25)
    assert chosen and chosen[0].index == 0


def test_the_program_is_the_same_row_for_row_whatever_the_hash_seed() -> None:
    # HiGHS may answer a program given in another row order with another summary of the same weight
    script = f"""
import hashlib
from storyline.api import load_articles, make_cluster
from storyline.methods.icsi import concepts, program
bags = [concepts(s.text) for s in make_cluster(load_articles({TEXTS!r})).sentences]
p = program(bags, [10] * len(bags), dict.fromkeys(set().union(*bags), 1.0), 40)
h = hashlib.sha256(p.cost.tobytes())
for c in p.constraints:
    h.update(c.A.indices.tobytes() + c.A.indptr.tobytes() + c.A.data.tobytes())
print(h.hexdigest())
"""
    assert len(outputs_under_hash_seeds(script)) == 1


def test_what_the_solver_prints_is_silenced_and_kept_out_of_the_output(cluster, monkeypatch, capfd) -> None:  # type: ignore[no-untyped-def]
    # HiGHS prints a debugging line on the C standard output now and then (ERGO-Code/HiGHS#2783), where
    # `summarize --format json` writes its JSON: it must reach neither that nor `storyline eval`'s standard error;
    # anything else written on the descriptor meanwhile (another thread's output) goes on to standard error
    import scipy.optimize

    real = scipy.optimize.milp

    def noisy(*args, **kwargs):  # type: ignore[no-untyped-def]
        os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();\n")
        os.write(1, b"a line of another thread\n")
        return real(*args, **kwargs)

    expected = Icsi().select(cluster, 50)
    monkeypatch.setattr(scipy.optimize, "milp", noisy)
    print("before", flush=True)
    assert Icsi().select(cluster, 50) == expected
    print("after", flush=True)
    out, err = capfd.readouterr()
    assert out == "before\nafter\n"
    assert "tmpSolver.run();" not in err and "Highs" not in err
    assert err == "a line of another thread\n"
