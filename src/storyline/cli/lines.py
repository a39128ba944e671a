"""Progress off a terminal: a sparse line on standard error now and then, for a long run under ``nohup``, CI or a
log file, where a progress bar is hidden (its redrawn line would fill the log) and a run of several minutes was
silent until its end.

A line is written when a step ends at least ``FIRST_AFTER`` seconds after the start (a short run says nothing, as
before), then no more often than every ``EVERY`` seconds, and once at the end of a stage that took as long::

    storyline: Scoring multinews/val: 120 of 1000 clusters (12%), 0:41 elapsed, about 5:00 left
    storyline: Scoring multinews/val: 1000 of 1000 clusters, done in 5:43

The clock is read through ``clock`` (``time.monotonic``), which a test replaces.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import click

from ..render import printable
from . import inputs as shell

FIRST_AFTER = 10.0
EVERY = 30.0
clock: Callable[[], float] = time.monotonic


def duration(seconds: float) -> str:
    """``0:41``, ``5:03``, ``1:02:09``: a duration as a log reader reads it."""
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02}:{rest % 60:02}" if h else f"{rest // 60}:{rest % 60:02}"


class ProgressLines:
    """The part of click's progress bar the commands use (``update(n)``, ``pos``, a context manager), written as
    sparse lines. ``length`` None: a count of items not known in advance (the clusters of a file as it is read).
    ``stage`` starts the next stage (eval's peak-memory pass after its clusters), counted from where it starts."""

    def __init__(self, label: str, length: int | None, unit: str = "", file: TextIO | None = None) -> None:
        self.pos = 0
        self._file = file
        self._stage(label, length, unit)

    def _stage(self, label: str, length: int | None, unit: str) -> None:
        self._label = label
        self._unit = f" {unit}" if unit else ""
        self._start_pos = self.pos
        self._length = length
        self._start = clock()
        self._said_at: float | None = None
        self._first: tuple[float, int] | None = None  # when the stage's first step ended, and its size
        self._done = False
        self._spoke = False  # whether its end was said

    def stage(self, label: str, length: int | None, unit: str = "") -> None:
        """End the stage under way (its last line, when it took long enough) and start ``label``, said at once after
        a long one: its first step may take minutes (eval's memory pass traces a slow method over the largest
        cluster), and the log would seem to stop at the end of the last stage."""
        self._finish()
        long = self._spoke
        self._stage(label, length, unit)
        if long:
            self._said_at = self._start  # a stage said to have started is said to end, however soon
            self._say(f"0 of {length:,}{self._unit}, started" if length is not None else "started")

    def __enter__(self) -> ProgressLines:
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        if kind is None:
            self._finish()

    def update(self, n: int) -> None:
        self.pos += n
        done = self.pos - self._start_pos
        now = clock()
        if self._first is None:
            self._first = (now, done)
        if self._length is not None and done >= self._length:
            self._finish(now)
            return
        since = self._start if self._said_at is None else self._said_at
        if now - since >= (FIRST_AFTER if self._said_at is None else EVERY):
            self._said_at = now
            self._say(self._counted(done, now))

    def _counted(self, done: int, now: float) -> str:
        elapsed = now - self._start
        if self._length is None:
            return f"{done:,}{self._units(done)} so far, {duration(elapsed)} elapsed"
        # the rate of the steps after the first, which bore the warm-up (imports, models loaded, caches filled)
        at, first = self._first or (now, done)
        rate = (now - at) / (done - first) if done > first else None
        left = f", about {duration(rate * (self._length - done))} left" if rate is not None else ""
        share = 100 * done // self._length
        return f"{done:,} of {self._length:,}{self._unit} ({share}%), {duration(elapsed)} elapsed{left}"

    def _finish(self, now: float | None = None) -> None:
        if self._done:
            return
        self._done = True
        now = clock() if now is None else now
        if self._said_at is None and now - self._start < FIRST_AFTER:  # a short stage: nothing said of it
            return
        done = self.pos - self._start_pos
        total = f"{done:,}{self._units(done)}" if self._length is None else f"{done:,} of {self._length:,}{self._unit}"
        self._say(f"{total}, done in {duration(now - self._start)}")
        self._spoke = True

    def _units(self, n: int) -> str:
        """The unit after a count alone: "1 cluster", "2 clusters"."""
        return self._unit.removesuffix("s") if n == 1 else self._unit

    def _say(self, what: str) -> None:
        click.echo(printable(f"storyline: {self._label}: {what}"), file=self._file or sys.stderr)


def reading_progress(label: str) -> Any:
    """A count of the clusters of a dataset file as it is read (their number not known in advance): on a terminal
    a moving count, off it a sparse line. A context manager whose ``update(n)`` counts ``n`` more."""
    return shell.counting(label) if shell.on_terminal() else ProgressLines(label, None, "clusters")


@contextlib.contextmanager
def scoring_progress(name: str, clusters: int, methods: int) -> Iterator[tuple[Callable[[int], None], ...]]:
    """An evaluation's progress (``storyline eval``, ``make bench``): the clusters scored, then the peak-memory pass
    (a method at a time, traced: on DUC it takes longer than the scoring; ``methods`` 0: no such pass). On a
    terminal one bar; off it (nohup, CI, a log) a sparse line now and then, where a run of minutes said nothing
    until its end. Yields the callbacks of a cluster and of a method done (``runner.evaluate``'s ``progress`` and
    ``memory_progress``)."""
    if not shell.on_terminal():
        with ProgressLines(f"Scoring {name}", clusters, "clusters") as lines:

            def scored(n: int) -> None:
                lines.update(n)
                if lines.pos == clusters and methods:
                    lines.stage("Peak memory", methods, "methods")

            yield scored, lines.update
        return
    steps = clusters + methods
    with shell.progress(range(steps), f"Scoring {name}", at_least=1) as bar:

        def cluster_done(n: int) -> None:
            bar.update(n)
            if bar.pos == clusters < steps:
                bar.label = "Peak memory"
                bar.render_progress()

        yield cluster_done, bar.update
