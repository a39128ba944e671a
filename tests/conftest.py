"""Shared fixtures; constants and skip markers live in ``support``."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import EXAMPLE, HARBOR


@pytest.fixture
def harbor_texts() -> list[str]:
    return list(HARBOR)


@pytest.fixture
def example_paths() -> list[Path]:
    if not EXAMPLE.is_dir():
        pytest.skip("../shared/examples is not present")
    return sorted(EXAMPLE.glob("*.txt"))
