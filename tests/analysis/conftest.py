"""The analysis tests' own fixtures module sits beside this file (the suite uses --import-mode=importlib)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
