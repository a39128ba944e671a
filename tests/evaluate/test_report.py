"""The eval report's plot: what each panel shows."""

from __future__ import annotations

import statistics

import matplotlib.pyplot as plt
import pytest
from support import HARBOR

from storyline.evaluate import report
from storyline.evaluate.datasets import EvalSet
from storyline.evaluate.runner import evaluate
from storyline.ingest import DocumentSet
from storyline.model import Article


def _set() -> EvalSet:
    arts = tuple(Article(id=str(i), text=t) for i, t in enumerate(HARBOR, 1))
    clusters = tuple(
        DocumentSet(id=f"c{k}", articles=arts[k:], summaries=("The council closed the old harbor to freight.",))
        for k in range(3)  # three: a median that is not the mean
    )
    return EvalSet(name="toy", clusters=clusters)


@pytest.mark.parametrize(("methods", "against_size"), [("lead,fast,default", ["fast", "default"]),
                                                         ("lead,lexrank", ["lead", "lexrank"])])
def test_the_time_panels_show_each_methods_median_and_the_speed_goals_methods_by_size(
    methods: str, against_size: list[str]
) -> None:
    ev = evaluate(_set(), methods, 30, memory=False, lsum=False)
    fig = report.figure(ev)
    try:
        _, times, by_size = fig.axes
        medians = [float(t.get_text()) for t in times.texts]  # the annotation beside each point, 3 digits
        assert medians == pytest.approx([statistics.median(r.seconds) * 1000 for r in ev.results], rel=6e-3)
        assert [t.get_text() for t in times.get_yticklabels()] == [r.method for r in ev.results]
        assert [t.get_text() for t in by_size.get_legend().get_texts()] == against_size
    finally:
        plt.close(fig)
    assert report.plot(ev)[:8] == b"\x89PNG\r\n\x1a\n"
