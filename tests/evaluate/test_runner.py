"""The eval runner's timing order: every method runs first on a cluster equally often."""

from __future__ import annotations

import os
import signal

import pytest
from support import HARBOR

from storyline.errors import EmptyInputError
from storyline.evaluate import runner
from storyline.evaluate.datasets import EvalSet
from storyline.evaluate.rouge import METRICS
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


def test_no_method_finds_the_speakers_another_read_on_the_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.methods.coverage import named_speaker

    cached: list[int] = []

    def record(method: str, cluster: DocumentSet, words: int) -> str:
        cached.append(named_speaker.cache_info().currsize)
        named_speaker("“We will reopen it,” said Mara Quill, the harbor master.")
        return cluster.articles[0].text

    monkeypatch.setattr(runner, "summarize_with", record)
    runner.run_cluster(_cluster("c"), NAMES, 30, lsum=False)
    assert cached == [0, 0, 0]


def test_evaluate_rotates_the_first_method_over_the_clusters(calls: list[tuple[str, str]]) -> None:
    clusters = tuple(_cluster(f"c{k}") for k in range(4))
    eval_set = EvalSet(name="toy", clusters=clusters)
    ev = runner.evaluate(eval_set, NAMES, 30, memory=False, lsum=False)
    firsts = [next(m for c, m in calls if c == cl.id) for cl in clusters]
    assert firsts == ["default", "lead", "fast", "default"]
    assert [r.method for r in ev.results] == list(NAMES)
    assert all(len(r.seconds) == 4 for r in ev.results)


def _interrupted_work(job: tuple[int, DocumentSet]) -> runner.ClusterRun:
    """A worker's task that gets the SIGINT a terminal's Ctrl-C sends to the whole process group."""
    os.kill(os.getpid(), signal.SIGINT)
    index, cluster = job
    return runner.ClusterRun(cluster.id, 1, {"lead": 0.0}, {"lead": dict.fromkeys(METRICS, 0.5)})


@pytest.mark.timeout(60)
def test_workers_leave_a_ctrl_c_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each worker ignores SIGINT (the parent stops the run and says so in one line): before, a worker printed
    a KeyboardInterrupt traceback and died, and the run waited for its cluster for ever."""
    monkeypatch.setattr(runner, "_work", _interrupted_work)  # forked workers see it
    monkeypatch.setattr(runner, "warm_up", lambda names, words, external=None: None)
    eval_set = EvalSet(name="toy", clusters=tuple(_cluster(f"c{k}") for k in range(4)))
    ev = runner.evaluate(eval_set, ["lead"], 30, jobs=2, memory=False, lsum=False)
    assert [r.id for r in ev.per_cluster] == ["c0", "c1", "c2", "c3"]


def test_an_empty_set_is_refused_not_scored_as_nan() -> None:
    with pytest.raises(EmptyInputError, match="toy: no clusters to score"):
        runner.evaluate(EvalSet(name="toy", clusters=()), ["lead"], 30, memory=False)


def test_the_memory_pass_reports_each_method(calls: list[tuple[str, str]]) -> None:
    done: list[int] = []
    clusters = tuple(_cluster(f"c{k}") for k in range(2))
    ev = runner.evaluate(EvalSet(name="toy", clusters=clusters), NAMES, 30, lsum=False, memory_progress=done.append)
    assert done == [1, 1, 1] and all(r.peak_mb >= 0 for r in ev.results)
