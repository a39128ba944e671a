"""The eval report's plot: what each panel shows."""

from __future__ import annotations

import statistics

import matplotlib.pyplot as plt
import pytest
from support import HARBOR

from storyline.evaluate import report
from storyline.evaluate.datasets import EvalSet
from storyline.evaluate.rouge import METRICS, Aggregate
from storyline.evaluate.runner import ClusterRun, Evaluation, MethodResult, evaluate
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


def _first_sentence(documents: list[str], words: int) -> str:
    return documents[0].split(". ")[0] + "."


def test_the_time_against_size_panel_shows_the_researchers_own_timed_method_too() -> None:
    # A --callable was timed like ours, but the panel drew the default alone beside it; summaries read from a file
    # have no time to draw.
    from storyline.evaluate import CallableMethod, SystemOutputs

    es = _set()
    read = SystemOutputs("read", "read.jsonl", {c.id: "The council closed the harbor." for c in es.clusters})
    ev = evaluate(es, "lead,default", 30, memory=False, lsum=False,
                  external=[CallableMethod("mine", _first_sentence), read])
    fig = report.figure(ev)
    try:
        legend = fig.axes[2].get_legend()
        assert [t.get_text() for t in legend.get_texts()] == ["default", "mine"]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("methods", [1, 5, 13])
def test_the_score_legend_hides_no_method_and_the_median_labels_stay_inside(methods: int) -> None:
    """The legend sits in a row of its own above the methods (``loc="best"`` put it over the bars of one or
    two methods, the 13 of ``--methods all`` among them); each median's label lies inside the time panel."""
    names = [f"method-{k}" for k in range(methods)]
    agg = {m: Aggregate(0.40 + 0.01 * k, 0.30, 0.55) for k, m in enumerate(METRICS)}
    results = tuple(MethodResult(m, agg, (0.004, 0.006, 0.009), 1.0) for m in names)
    runs = tuple(ClusterRun(f"c{k}", 300 * (k + 1), {}, {}) for k in range(3))
    ev = Evaluation("toy", 100, 0, ("c0", "c1", "c2"), "x", (300, 600, 900), results, runs)
    fig = report.figure(ev)
    try:
        fig.canvas.draw()
        scores, times, _ = fig.axes
        legend = scores.get_legend().get_window_extent()
        for y in range(methods):
            for off in (-0.15, 0.15):  # the R1 and R2 bars of a method
                row = scores.transData.transform((0.45, y + off))[1]
                assert not legend.y0 <= row <= legend.y1, (y, off)
        frame = times.get_window_extent()
        for label in times.texts:
            box = label.get_window_extent()
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, label.get_text()
    finally:
        plt.close(fig)


def test_time_labels_do_not_run_into_each_other_over_many_decades() -> None:
    # sumy's KL-Sum on DUC takes seconds a cluster, lead milliseconds: the 2 and 5 of each decade were labelled
    # too, and met the powers of ten beside them ("5001000"); the median read "5.69e+03".
    agg = {m: Aggregate(0.40, 0.30, 0.55) for m in METRICS}
    secs = {"lead": (0.009, 0.012, 0.015), "icsi": (0.2, 0.23, 0.3), "sumy-klsum": (3.0, 5.69, 12.0)}
    results = tuple(MethodResult(m, agg, s, 1.0) for m, s in secs.items())
    runs = tuple(ClusterRun(f"c{k}", 300 * (k + 1), {}, {}) for k in range(3))
    ev = Evaluation("toy", 100, 0, ("c0", "c1", "c2"), "x", (300, 600, 900), results, runs)
    fig = report.figure(ev)
    try:
        fig.canvas.draw()
        _, times, _ = fig.axes
        assert [t.get_text() for t in times.texts] == ["12", "230", "5690"]
        axis = times.xaxis
        low, high = times.get_xlim()
        boxes = sorted(
            (t.label1.get_window_extent().x0, t.label1.get_window_extent().x1, t.label1.get_text())
            for t in [*axis.get_major_ticks(), *axis.get_minor_ticks()]
            if t.label1.get_visible() and t.label1.get_text() and low <= t.get_loc() <= high
        )
        assert len(boxes) >= 3
        for (_, end, a), (start, _, b) in zip(boxes, boxes[1:], strict=False):
            assert end < start, (a, b)
    finally:
        plt.close(fig)
