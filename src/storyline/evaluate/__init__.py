"""Evaluation: score any method against baselines (sumy peers, a greedy ROUGE oracle) on standard
datasets, with seeded bootstrap intervals, CPU time and memory; the bench driver and the quality gate.

Split like rouge_score: :mod:`.datasets` reads clusters with references, :mod:`.rouge` scores and
aggregates, :mod:`.runner` runs methods, ours and those of :mod:`.external` (a system's summaries read from a
file, a callable), :mod:`.report` writes tables and plots. Nothing in the library imports this package.
"""

from __future__ import annotations

from .datasets import EvalSet, IdList, load_eval_set, read_ids
from .external import CallableMethod, SystemOutputs, callable_method, read_outputs
from .runner import Evaluation, available, evaluate, resolve_methods

__all__ = [
    "CallableMethod", "EvalSet", "Evaluation", "IdList", "SystemOutputs", "available", "callable_method", "evaluate",
    "load_eval_set", "read_ids", "read_outputs", "resolve_methods",
]
