"""Rules the test suite keeps: speed is measured by the benchmark commands, never by a test that times itself (the
machines are noisy). A test that guards against quadratic work coming back counts the work instead."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).parent
# time's clocks: a test that asserts on one of them (or on a name it set from one) times itself
CLOCKS = frozenset({"time", "time_ns", "perf_counter", "perf_counter_ns", "process_time", "process_time_ns",
                    "monotonic", "monotonic_ns", "thread_time", "thread_time_ns"})


def _reads_a_clock(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            f = sub.func
            if (isinstance(f, ast.Attribute) and f.attr in CLOCKS and isinstance(f.value, ast.Name)
                    and f.value.id == "time") or (isinstance(f, ast.Name) and f.id in CLOCKS - {"time"}):
                return True
    return False


def timed_assertions(source: str) -> list[int]:
    """The lines of ``source``'s asserts that read a clock, directly or through a name set from one."""
    tree = ast.parse(source)
    timed = {t.id for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
             and node.value is not None and _reads_a_clock(node.value)
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)}
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)
            and (_reads_a_clock(node.test)
                 or any(isinstance(n, ast.Name) and n.id in timed for n in ast.walk(node.test)))]


def test_the_scan_finds_an_assertion_on_elapsed_time() -> None:
    assert timed_assertions("import time\nt = time.perf_counter()\nwork()\nassert time.perf_counter() - t < 5\n") == [4]
    assert timed_assertions("import time\nt = time.monotonic()\nwork()\nspent = time.monotonic() - t\n"
                            "assert spent < 5.0\n") == [5]
    assert timed_assertions("from time import process_time\nassert process_time() < 5\n") == [2]
    # a server is waited for until a deadline: no assertion on how long it took
    assert timed_assertions("import time\nend = time.monotonic() + 60\nwhile time.monotonic() < end:\n"
                            "    time.sleep(0.2)\nassert up()\n") == []


def test_no_test_asserts_on_elapsed_time() -> None:
    found = {str(path.relative_to(TESTS)): lines for path in sorted(TESTS.rglob("*.py"))
             if (lines := timed_assertions(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_hypothesis_sets_no_deadline_on_an_example() -> None:
    # Hypothesis fails an example that runs over 200 ms by default (and one whose data takes long to draw): a
    # timed assertion on every property test. conftest.py loads a profile without them.
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
