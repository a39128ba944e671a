"""The eval runner's timing order: every method runs first on a cluster equally often."""

from __future__ import annotations

import pytest
from support import HARBOR

from storyline.evaluate import runner
from storyline.evaluate.datasets import EvalSet
from storyline.ingest import DocumentSet
from storyline.model import Article

NAMES = ("default", "lead", "fast")


def _cluster(cid: str) -> DocumentSet:
    arts = tuple(Article(id=str(i), text=t) for i, t in enumerate(HARBOR, 1))
    return DocumentSet(id=cid, articles=arts, summaries=("The council closed the old harbor to freight ships.",))


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (cluster, method) the runner summarizes, in order; each summary is the cluster's first text."""
    seen: list[tuple[str, str]] = []

    def record(method: str, cluster: DocumentSet, words: int) -> str:
        seen.append((cluster.id, method))
        return cluster.articles[0].text

    monkeypatch.setattr(runner, "summarize_with", record)
    return seen


def test_run_cluster_starts_at_the_rotation_and_reports_in_the_given_order(calls: list[tuple[str, str]]) -> None:
    run = runner.run_cluster(_cluster("c"), NAMES, 30, lsum=False, first=4)  # 4 % 3: starts at "lead"
    assert [m for _, m in calls] == ["lead", "fast", "default"]
    assert list(run.seconds) == list(NAMES) and list(run.scores) == list(NAMES)


def test_evaluate_rotates_the_first_method_over_the_clusters(calls: list[tuple[str, str]]) -> None:
    clusters = tuple(_cluster(f"c{k}") for k in range(4))
    eval_set = EvalSet(name="toy", clusters=clusters)
    ev = runner.evaluate(eval_set, NAMES, 30, memory=False, lsum=False)
    firsts = [next(m for c, m in calls if c == cl.id) for cl in clusters]
    assert firsts == ["default", "lead", "fast", "default"]
    assert [r.method for r in ev.results] == list(NAMES)
    assert all(len(r.seconds) == 4 for r in ev.results)
