"""Evaluation: score any method against baselines (sumy peers, a greedy ROUGE oracle) on standard
datasets, with seeded bootstrap intervals, CPU time and memory; the bench driver and the quality gate.

Split like rouge_score: :mod:`.datasets` reads clusters with references, :mod:`.rouge` scores and
aggregates, :mod:`.runner` runs methods, :mod:`.report` writes tables and plots. Nothing in the library
imports this package.
"""

from __future__ import annotations

from .datasets import EvalSet, load_eval_set
from .runner import Evaluation, available, evaluate, resolve_methods

__all__ = ["EvalSet", "Evaluation", "available", "evaluate", "load_eval_set", "resolve_methods"]
