"""Shared fixtures; constants and skip markers live in ``support``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from support import EXAMPLE, HARBOR

# Speed is measured by the benchmark commands, never by a test's clock: Hypothesis's deadline (200 ms an example)
# and its too-slow health check (time taken to draw the data) are timed assertions on a noisy machine.
settings.register_profile("storyline", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("storyline")


@pytest.fixture(autouse=True)
def _progress_lines_clock_stands_still(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off a terminal a long run writes a progress line now and then (``storyline.cli.lines``): a loaded machine
    must not make a test's exact stderr depend on how long it ran. The tests of those lines set a clock of their own."""
    from storyline.cli import lines

    monkeypatch.setattr(lines, "clock", lambda: 0.0)


@pytest.fixture
def harbor_texts() -> list[str]:
    return list(HARBOR)


@pytest.fixture
def example_paths() -> list[Path]:
    if not EXAMPLE.is_dir():
        pytest.skip("../shared/examples is not present")
    return sorted(EXAMPLE.glob("*.txt"))
