"""The measuring scripts under benchmarks/ (not part of the package) still run against the library's API."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from support import ROOT


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ARTICLE = (
    "Home | News | Sport\n\nThe Brellin council shut the old river bridge on Tuesday after flood water damaged "
    "its supports. Engineers said the bridge could stay closed for three weeks while divers inspect the piers. "
    "Traffic was sent over the northern ring road, and buses ran a reduced timetable.\n\nSign up for our newsletter"
)


def test_raw_pages_scores_every_method_on_raw_and_cleaned_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    raw_pages = _script("raw_pages")
    data = tmp_path / "data" / "neus_allsides"
    data.mkdir(parents=True)
    other = _ARTICLE.replace("Tuesday", "Tuesday morning").replace("three weeks", "about three weeks")
    row = {"id": "c1", "documents": [_ARTICLE, other],
           "summaries": ["The council shut the river bridge after flood damage; it may stay closed for weeks."]}
    (data / "val.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    monkeypatch.setattr(raw_pages, "DATA", tmp_path / "data")
    out = tmp_path / "table.md"
    assert raw_pages.main(["neus", "-o", str(out)]) == 0
    table = out.read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| method")]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == [*raw_pages.OURS, *raw_pages.SUMY_PEERS]
    assert "Best baseline on raw text" in table
    assert "Best baseline on cleaned text" in capsys.readouterr().out  # printed as well as written


def test_raw_pages_says_when_the_data_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    raw_pages = _script("raw_pages")
    monkeypatch.setattr(raw_pages, "DATA", tmp_path)
    assert raw_pages.main(["neus"]) == 2
    assert "not found" in capsys.readouterr().err
