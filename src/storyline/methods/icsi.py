"""``icsi``: the concept-based integer linear program of Gillick & Favre (2009), "A scalable global model for
summarization" (the ICSI system of TAC 2008-2009), as a baseline.

Concepts are word bigrams: consecutive lower-cased, stemmed words of a sentence, a bigram of two stopwords left
out. A concept's weight is the number of articles that use it, and only concepts used by enough articles count
(``min_articles``: three for DUC/TAC's ten-article clusters, as in the paper; 30% of the articles here, and never
fewer than two, so that a three-article cluster still has concepts). The summary is the set of sentences that
maximises the total weight of the concepts it covers, each counted once, within the word budget:

    maximise  Σ_i w_i c_i   subject to   Σ_j l_j s_j ≤ L,   s_j ≤ c_i where sentence j has concept i,
              Σ_j s_j ≥ c_i over the sentences j with concept i,   c_i, s_j ∈ {0, 1},

solved with HiGHS (``scipy.optimize.milp``) to its default relative gap, 1e-4 of the objective (a few hundredths).
On DUC's ten-article clusters the weighted concepts fill the budget; on two or three short articles they run out
after a few sentences, and the program, with nothing left to gain, would stop there (188 words of 300 on Multi-News
val, 41.8 R1). So the other concepts, those of fewer articles, take part too with weights that together stay under
1, less than the least weighted concept's: at the optimum they never trade against it, they only choose among the
summaries of the best weight the one that covers most else, and it fills the budget (val 45.2 R1; DUC level, 38.8
/ 11.3) (``fill``; the strongest form of the baseline, which is the one to compare with). Within the gap, the
answer may cover a few fill concepts fewer than the best (with no gap, 15 of the 92 Multi-News dev summaries would
differ); it gives up a weighted concept only if a summary without it covered nearly every fill concept of the
cluster, which no budget short of the whole cluster allows, so the weighted total is the optimum. Only sentences
the shared candidate filter accepts (:mod:`.base`: 6 to 80 words, no question, no headline) and with a concept
take part; the chosen ones are put in reading order. Redundancy needs no threshold: a sentence that repeats chosen
concepts adds no weight. A cluster with no concept used by enough articles (one article, or articles that share
no wording) is filled by position (the lead), as the ILP would have nothing to maximise.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..model import Cluster, Sentence
from ..represent import STOPWORDS, ClusterVectors, stems, vectors, words
from .base import Selector, candidate, order_sentences
from .baselines import Lead

if TYPE_CHECKING:  # scipy.optimize is imported when a program is built
    from scipy.optimize import LinearConstraint

# HiGHS reaches its gap on DUC's and Multi-News's clusters in well under a second; a pathological cluster
# stops here with the best summary found so far.
TIME_LIMIT_S = 10.0


def concepts(text: str) -> set[tuple[str, str]]:
    """The distinct concept bigrams of a sentence (stemmed, lower-cased, not both stopwords)."""
    tokens = words(text)
    stemmed = stems(tokens)
    return {
        (stemmed[k], stemmed[k + 1])
        for k in range(len(tokens) - 1)
        if not (tokens[k] in STOPWORDS and tokens[k + 1] in STOPWORDS)
    }


class Icsi(Selector):
    name = "icsi"
    description = "concept-coverage ILP over bigrams weighted by article count (Gillick & Favre, 2009)"
    article_share = 0.3  # a concept counts when this share of the articles use it ...
    least_articles = 2  # ... and never fewer than this many
    fill = True  # the other concepts break ties, so that the summary fills its budget

    def min_articles(self, n_articles: int) -> int:
        return max(self.least_articles, math.ceil(self.article_share * n_articles - 1e-9))

    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        """Not used for the choice (the ILP makes it); the lead's order, for the fallback."""
        return Lead().score(cluster, vecs)

    def select(self, cluster: Cluster, budget: int) -> list[Sentence]:
        if not cluster.sentences or budget <= 0:
            return []
        vecs = vectors(cluster)
        sents = cluster.sentences
        lengths = vecs.words.tolist()
        bags = [concepts(s.text) for s in sents]
        used_by: dict[tuple[str, str], set[str]] = {}
        for s, bag in zip(sents, bags, strict=True):
            for c in bag:
                used_by.setdefault(c, set()).add(s.article)
        least = self.min_articles(len(cluster.kept_ids))
        weight: dict[tuple[str, str], float] = {c: len(arts) for c, arts in used_by.items() if len(arts) >= least}
        if weight and self.fill:
            # the rest, together worth less than the least weighted concept: they only decide among the
            # summaries of the best weight, which then fill the budget instead of stopping where it is reached
            rest = [c for c in used_by if c not in weight]
            weight |= dict.fromkeys(rest, 1.0 / (len(rest) + 1))
        pool = [i for i, s in enumerate(sents)
                if candidate(s.text, lengths[i]) and lengths[i] <= budget and bags[i] & weight.keys()]
        if not pool:
            return Lead().select(cluster, budget)
        chosen = _solve(pool, [bags[i] & weight.keys() for i in pool], [lengths[i] for i in pool], weight, budget)
        return order_sentences(cluster, chosen) if chosen else Lead().select(cluster, budget)


@dataclass(frozen=True, slots=True, eq=False)
class Program:
    """The integer program of one cluster: variables are the concepts ``0 .. n_concepts-1``, then the
    sentences; minimise ``cost · x`` (the concepts' weights, negated) under ``constraints``."""

    cost: np.ndarray
    constraints: tuple[LinearConstraint, ...]
    n_concepts: int


def program(bags: list[set[tuple[str, str]]], lengths: list[int], weight: dict[tuple[str, str], float],
            budget: int) -> Program:
    """The program for sentences with these concept ``bags`` and ``lengths``. Concepts are numbered in sorted
    order and each sentence's in that order too: the same program, row for row, in every process (a set's
    order varies with ``PYTHONHASHSEED``, and HiGHS may answer a program with its rows in another order with
    another of the summaries of equal weight)."""
    from scipy.optimize import LinearConstraint
    from scipy.sparse import coo_array

    names = sorted({c for bag in bags for c in bag})
    number = {c: k for k, c in enumerate(names)}
    n_c, n_s = len(names), len(bags)
    cost = np.concatenate([-np.array([weight[c] for c in names], dtype=float), np.zeros(n_s)])
    occ_rows: list[int] = []
    occ_cols: list[int] = []
    for j, bag in enumerate(bags):
        for k in sorted(number[c] for c in bag):
            occ_rows.append(k)
            occ_cols.append(j)
    m = len(occ_rows)
    r = np.arange(m)
    # s_j - c_i <= 0 for each occurrence: a chosen sentence covers its concepts
    link = coo_array((np.concatenate([np.ones(m), -np.ones(m)]),
                      (np.concatenate([r, r]), np.concatenate([n_c + np.array(occ_cols), occ_rows]))),
                     shape=(m, n_c + n_s))
    # c_i - Σ_j s_j <= 0: a covered concept is in a chosen sentence
    cover = coo_array((np.concatenate([np.ones(n_c), -np.ones(m)]),
                       (np.concatenate([np.arange(n_c), occ_rows]),
                        np.concatenate([np.arange(n_c), n_c + np.array(occ_cols)]))),
                      shape=(n_c, n_c + n_s))
    length = coo_array((np.array(lengths, dtype=float), (np.zeros(n_s, dtype=int), n_c + np.arange(n_s))),
                       shape=(1, n_c + n_s))
    return Program(cost, (LinearConstraint(link.tocsr(), -np.inf, 0.0),
                          LinearConstraint(cover.tocsr(), -np.inf, 0.0),
                          LinearConstraint(length.tocsr(), -np.inf, float(budget))), n_c)


def _solve(pool: list[int], bags: list[set[tuple[str, str]]], lengths: list[int],
           weight: dict[tuple[str, str], float], budget: int) -> list[int]:
    """The sentences of ``pool`` (their concept ``bags`` and ``lengths``) the ILP chooses."""
    from scipy.optimize import Bounds, milp

    p = program(bags, lengths, weight, budget)
    with _solver_output_caught():
        result = milp(
            p.cost,
            constraints=list(p.constraints),
            integrality=np.ones(p.cost.size),
            bounds=Bounds(0, 1),
            options={"time_limit": TIME_LIMIT_S, "presolve": True},
        )
    if result.x is None:
        return []
    picked = np.flatnonzero(result.x[p.n_concepts:] > 0.5)
    return [pool[j] for j in picked.tolist()]


_REDIRECT = threading.Lock()  # one solve at a time moves the process's standard output

# HiGHS's own debugging lines name one of its classes: "HighsMipSolverData::transformNewIntegerFeasibleSolution
# tmpSolver.run();".
_SOLVER_LINE = re.compile(rb"^Highs\w*::.*(?:\n|$)", re.M)


@contextlib.contextmanager
def _solver_output_caught() -> Iterator[None]:
    """The process's standard output (file descriptor 1) caught in a temporary file meanwhile. HiGHS, as scipy
    bundles it, now and then prints a debugging line ("HighsMipSolverData::transformNewIntegerFeasibleSolution
    tmpSolver.run();", ERGO-Code/HiGHS#2783) with no option to silence it, on the standard output where
    ``storyline summarize --format json`` writes its JSON (1 of 400 Multi-News val clusters: invalid JSON), and,
    sent to standard error instead, among ``storyline eval``'s progress. Such lines are dropped; anything else
    written to the descriptor meanwhile (another thread's output) goes on to standard error afterwards, never
    into the output. Python's own output is flushed first, so nothing of it is moved. Where the descriptors
    cannot be moved the solve runs as it is."""
    with _REDIRECT, contextlib.ExitStack() as stack:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
            caught = stack.enter_context(tempfile.TemporaryFile())
            saved = os.dup(1)
        except (OSError, ValueError):
            yield
            return
        try:
            os.dup2(caught.fileno(), 1)
            yield
        finally:
            _flush_c_stdout()
            os.dup2(saved, 1)
            os.close(saved)
        caught.seek(0)
        _pass_on(_SOLVER_LINE.sub(b"", caught.read()))


def _pass_on(other: bytes) -> None:
    """What was written to standard output during a solve that is not the solver's: to standard error."""
    if other and sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
            os.write(2, other)


def _flush_c_stdout() -> None:
    """Flush the C library's buffered output, so that what HiGHS printed leaves while it still goes to the file."""
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError, TypeError):  # no C library to reach (Windows): its buffer flushes itself
        pass
