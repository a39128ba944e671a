"""Rules the test suite keeps: speed is measured by the benchmark commands, never by a test that times itself (the
machines are noisy). A test that guards against quadratic work coming back counts the work instead."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).parent
_TIME = ("time", "time_ns", "perf_counter", "perf_counter_ns", "process_time", "process_time_ns", "monotonic",
         "monotonic_ns", "thread_time", "thread_time_ns", "clock_gettime", "clock_gettime_ns")
# The time module's clocks and timeit's timings: an assert on a reading of one (or on a name set from one, however
# many assignments away) times the test. A name a ``timeit.Timer(...)`` is assigned to reads as ``timeit.Timer()``.
CLOCKS = frozenset({f"time.{name}" for name in _TIME} | {"timeit.default_timer", "timeit.timeit", "timeit.repeat"}
                   | {f"timeit.Timer().{method}" for method in ("timeit", "repeat", "autorange")})
# Wall-clock dates: a test may well take today's date for its fixtures, and assert on values made from it. It times
# itself when it subtracts or compares two separate readings (an elapsed time; a deadline taken before the work).
DATE_CLOCKS = frozenset({"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
                         "datetime.date.today"})


def _imported_names(tree: ast.AST) -> dict[str, str]:
    """What each imported name stands for: ``import time as t`` binds ``t`` to ``time``, ``from datetime import
    datetime`` binds ``datetime`` to ``datetime.datetime``; then ``x = timeit.Timer(...)`` binds ``x`` too."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.asname, a.name) if a.asname else (a.name.split(".")[0],) * 2 for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update((a.asname or a.name, f"{node.module}.{a.name}") for a in node.names if a.name != "*")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and _dotted(node.value, names) == "timeit.Timer()"):
            names[node.targets[0].id] = "timeit.Timer()"
    return names


def _dotted(node: ast.AST, names: dict[str, str]) -> str:
    """``node``'s dotted name with the imports resolved (``t.monotonic_ns`` -> ``time.monotonic_ns``); ``()`` for a
    call; '' for anything else. A bare clock name that no import binds is time's (a snippet, ``import *``)."""
    if isinstance(node, ast.Name):
        return names.get(node.id, f"time.{node.id}" if node.id in _TIME[1:] else node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, names)
        return f"{base}.{node.attr}" if base else ""
    if isinstance(node, ast.Call):
        base = _dotted(node.func, names)
        return f"{base}()" if base else ""
    return ""


def _readings(node: ast.AST, names: dict[str, str], clocks: frozenset[str], held: dict[str, set[tuple[int, int]]],
              ) -> set[tuple[int, int]]:
    """The calls of ``clocks`` (by place) that ``node`` reads, directly or through the names in ``held``."""
    found: set[tuple[int, int]] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _dotted(sub.func, names) in clocks:
            found.add((sub.lineno, sub.col_offset))
        elif isinstance(sub, ast.Name) and sub.id in held:
            found |= held[sub.id]
    return found


def _assignments(tree: ast.AST) -> list[tuple[list[str], ast.AST]]:
    """Each assignment's target names and value (an augmented one reads its target too)."""
    out: list[tuple[list[str], ast.AST]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            out.append(([n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)], node.value))
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            out.append(([node.target.id] if isinstance(node.target, ast.Name) else [], node.value))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            out.append(([node.target.id], ast.BinOp(node.target, node.op, node.value)))
    return out


def _held(assigned: list[tuple[list[str], ast.AST]], reads: Callable[[ast.AST, dict], set]) -> dict[str, set]:
    """What each name holds (``reads`` of its values, through other names too), to a fixed point."""
    held: dict[str, set] = {}
    while True:
        grown = False
        for targets, value in assigned:
            got = reads(value, held)
            for name in targets:
                if not got <= held.get(name, set()):
                    held[name] = held.get(name, set()) | got
                    grown = True
        if not grown:
            return held


def timed_assertions(source: str) -> list[int]:
    """The lines of ``source``'s asserts that time the test: they read a clock of ``CLOCKS``, directly or through
    names set from one; or they subtract or compare two separate readings of a ``DATE_CLOCKS`` clock (directly,
    or through a name set from such a difference)."""
    tree = ast.parse(source)
    names = _imported_names(tree)
    assigned = _assignments(tree)
    timed = _held(assigned, lambda value, held: _readings(value, names, CLOCKS, held))
    dated = _held(assigned, lambda value, held: _readings(value, names, DATE_CLOCKS, held))

    def elapsed(node: ast.AST, held: dict[str, set]) -> set[bool]:
        for sub in ast.walk(node):
            if isinstance(sub, ast.BinOp | ast.Compare):
                sides = [sub.left, sub.right] if isinstance(sub, ast.BinOp) else [sub.left, *sub.comparators]
                read = [r for side in sides if (r := _readings(side, names, DATE_CLOCKS, dated))]
                if (isinstance(sub, ast.Compare) or isinstance(sub.op, ast.Sub)) and len(read) > 1 \
                        and len(set().union(*read)) > 1:
                    return {True}
            elif isinstance(sub, ast.Name) and held.get(sub.id):
                return {True}
        return set()

    spans = _held(assigned, elapsed)
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)
            and (_readings(node.test, names, CLOCKS, timed) or elapsed(node.test, spans))]


def test_the_scan_finds_an_assertion_on_elapsed_time() -> None:
    assert timed_assertions("import time\nt = time.perf_counter()\nwork()\nassert time.perf_counter() - t < 5\n") == [4]
    assert timed_assertions("import time\nt = time.monotonic()\nwork()\nspent = time.monotonic() - t\n"
                            "assert spent < 5.0\n") == [5]
    assert timed_assertions("from time import process_time\nassert process_time() < 5\n") == [2]
    # a server is waited for until a deadline: no assertion on how long it took
    assert timed_assertions("import time\nend = time.monotonic() + 60\nwhile time.monotonic() < end:\n"
                            "    time.sleep(0.2)\nassert up()\n") == []


def _scan(*lines: str) -> list[int]:
    return timed_assertions("\n".join(lines) + "\n")


def test_the_scan_finds_other_clocks_and_names_for_them() -> None:
    # time's clocks under other names, and a reading several assignments from the assert
    assert _scan("import time as t", "start = t.monotonic_ns()", "work()", "assert t.monotonic_ns() - start < 9") == [4]
    assert _scan("from time import perf_counter_ns as ns", "start = ns()", "work()", "spent = ns() - start",
                 "ms = spent / 1e6", "ms += 1", "assert ms < 50") == [7]
    assert _scan("import time", "assert time.clock_gettime(time.CLOCK_MONOTONIC) > 0") == [2]
    # timeit, as a function, a default timer and a Timer
    assert _scan("import timeit", "assert timeit.timeit(work, number=3) < 1") == [2]
    assert _scan("from timeit import default_timer as clock", "t = clock()", "work()", "assert clock() - t < 1") == [4]
    assert _scan("import timeit", "timer = timeit.Timer(work)", "assert min(timer.repeat(3, 1)) < 0.5") == [3]
    assert _scan("from timeit import Timer", "assert Timer(work).autorange()[1] < 1") == [2]
    # the wall clock: an elapsed time, however it is written, and a deadline taken before the work
    assert _scan("from datetime import datetime", "start = datetime.now()", "work()",
                 "assert (datetime.now() - start).total_seconds() < 2") == [4]
    assert _scan("import datetime", "t0 = datetime.datetime.utcnow()", "work()",
                 "elapsed = datetime.datetime.utcnow() - t0", "assert elapsed < datetime.timedelta(seconds=2)") == [5]
    assert _scan("from datetime import datetime as dt, timedelta", "deadline = dt.now() + timedelta(seconds=5)",
                 "work()", "assert dt.now() < deadline") == [4]
    assert _scan("from datetime import date", "begun = date.today()", "work()", "assert date.today() == begun") == [4]


def test_the_scan_leaves_dates_in_fixtures_and_deadline_loops_alone() -> None:
    # today's date taken once and assertions on values made from it: no second reading, nothing timed
    assert _scan("from datetime import date, timedelta", "today = date.today()",
                 "yesterday = today - timedelta(days=1)", "assert parse('yesterday', today) == yesterday",
                 "assert (today - yesterday).days == 1", "assert yesterday < today") == []
    assert _scan("from datetime import UTC, datetime, timedelta",
                 "day = datetime.now(UTC).date() - timedelta(days=10)", "first = post(day)",
                 "assert post(day + timedelta(days=1)).story == first.story") == []
    assert _scan("import datetime", "assert parse('today') == datetime.date.today()") == []
    # a server waited for under another name of the clock; datetime's time class is not the time module
    assert _scan("import time as t", "end = t.monotonic() + 60", "while t.monotonic() < end:", "    t.sleep(0.2)",
                 "assert up()") == []
    assert _scan("from datetime import time", "assert time(10, 30).hour == 10",
                 "assert time.fromisoformat('10:30') == time(10, 30)") == []


def test_no_test_asserts_on_elapsed_time() -> None:
    found = {str(path.relative_to(TESTS)): lines for path in sorted(TESTS.rglob("*.py"))
             if (lines := timed_assertions(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_hypothesis_sets_no_deadline_on_an_example() -> None:
    # Hypothesis fails an example that runs over 200 ms by default (and one whose data takes long to draw): a
    # timed assertion on every property test. conftest.py loads a profile without them.
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
