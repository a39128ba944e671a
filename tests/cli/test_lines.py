"""``cli.lines``: progress off a terminal, a sparse line now and then, read through a clock the tests set."""

from __future__ import annotations

import io

import pytest

from storyline.cli import lines


class Clock:
    """A clock that reads what the test sets."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(lines, "clock", fake)
    return fake


def test_a_short_stage_says_nothing(clock: Clock) -> None:
    out = io.StringIO()
    with lines.ProgressLines("Scoring toy", 3, "clusters", file=out) as bar:
        for _ in range(3):
            clock.now += lines.FIRST_AFTER / 4
            bar.update(1)
    assert out.getvalue() == ""


def test_a_long_stage_says_where_it_is_sparsely_with_the_time_left_then_that_it_is_done(clock: Clock) -> None:
    out = io.StringIO()
    with lines.ProgressLines("Scoring multinews/val", 100, "clusters", file=out) as bar:
        clock.now += 4.0  # the first cluster bears the warm-up: not counted in the rate
        bar.update(1)
        for _ in range(99):
            clock.now += 1.0
            bar.update(1)
    assert out.getvalue().splitlines() == [
        # 10 s in: 6 clusters after the first in 6 s, 1 s each (not 10 / 7), and 93 left
        "storyline: Scoring multinews/val: 7 of 100 clusters (7%), 0:10 elapsed, about 1:33 left",
        "storyline: Scoring multinews/val: 37 of 100 clusters (37%), 0:40 elapsed, about 1:03 left",
        "storyline: Scoring multinews/val: 67 of 100 clusters (67%), 1:10 elapsed, about 0:33 left",
        "storyline: Scoring multinews/val: 97 of 100 clusters (97%), 1:40 elapsed, about 0:03 left",
        "storyline: Scoring multinews/val: 100 of 100 clusters, done in 1:43",
    ]


def test_a_stage_of_one_long_step_says_it_is_done(clock: Clock) -> None:
    out = io.StringIO()
    with lines.ProgressLines("Scoring duc2003/task2_clean", 1, "clusters", file=out) as bar:
        clock.now += 75.0
        bar.update(1)
    assert out.getvalue() == "storyline: Scoring duc2003/task2_clean: 1 of 1 clusters, done in 1:15\n"


def test_a_count_without_a_total_and_a_second_stage_counted_from_its_own_start(clock: Clock) -> None:
    out = io.StringIO()
    with lines.ProgressLines("Reading multinews/train", None, "clusters", file=out) as bar:
        for _ in range(3):
            clock.now += 6.0
            bar.update(10_000)
    with lines.ProgressLines("Scoring x", 2, "clusters", file=out) as bar:
        bar.update(2)
        bar.stage("Peak memory", 2, "methods")
        clock.now += 12.0
        bar.update(1)
        bar.update(1)
    assert out.getvalue().splitlines() == [
        "storyline: Reading multinews/train: 20,000 clusters so far, 0:12 elapsed",
        "storyline: Reading multinews/train: 30,000 clusters, done in 0:18",
        "storyline: Peak memory: 1 of 2 methods (50%), 0:12 elapsed",
        "storyline: Peak memory: 2 of 2 methods, done in 0:12",
    ]


def test_after_a_long_stage_the_next_says_it_has_started(clock: Clock) -> None:
    # On DUC the memory pass traced sumy's KL-Sum for 12 minutes after "Scoring ...: done": the log seemed stuck.
    out = io.StringIO()
    with lines.ProgressLines("Scoring duc2003/task2_clean", 9, "clusters", file=out) as bar:
        clock.now += 30.0
        bar.update(9)
        bar.stage("Peak memory", 3, "methods")
        clock.now += 2.0
        bar.update(3)
    assert out.getvalue().splitlines() == [
        "storyline: Scoring duc2003/task2_clean: 9 of 9 clusters, done in 0:30",
        "storyline: Peak memory: 0 of 3 methods, started",
        "storyline: Peak memory: 3 of 3 methods, done in 0:02",  # said to start: said to end, however soon
    ]


def test_an_error_ends_a_stage_without_saying_it_is_done(clock: Clock) -> None:
    out = io.StringIO()
    with pytest.raises(KeyboardInterrupt), lines.ProgressLines("Scoring x", 5, "clusters", file=out) as bar:
        clock.now += 11.0
        bar.update(1)
        raise KeyboardInterrupt
    assert out.getvalue() == "storyline: Scoring x: 1 of 5 clusters (20%), 0:11 elapsed\n"


@pytest.mark.parametrize(("seconds", "said"), [(0, "0:00"), (41.4, "0:41"), (303, "5:03"), (3729, "1:02:09")])
def test_durations_read_as_a_clock_does(seconds: float, said: str) -> None:
    assert lines.duration(seconds) == said
