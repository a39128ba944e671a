"""The quality gate: today's scores against the floors pinned in benchmarks/gate.json, and the rules for
moving floors (only up, unless forced)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import DATA, ROOT, needs_data

from storyline.evaluate import gate

GATE_FILE = ROOT / "benchmarks" / "gate.json"


@needs_data
@pytest.mark.shared
def test_dev_slice_scores_stay_above_the_floors() -> None:
    pinned = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    findings = gate.check(pinned, DATA)
    assert not findings, "\n".join(f"{f.slice}/{f.method}: {f.message}" for f in findings)


def _fake_gate(floor: float) -> dict:
    return {"epsilon": 0.5, "slices": {"s": {"file": "x.jsonl", "words": 10, "digest": "abc",
                                             "floors": {"lead": {"rouge1": floor, "rouge2": floor}}}}}


@pytest.fixture
def fake_measure(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    scores = {"lead": {"rouge1": 30.0, "rouge2": 10.0}}
    monkeypatch.setattr(gate, "measure", lambda data, spec, names: ("abc", {m: scores["lead"] for m in names}))
    monkeypatch.setattr(gate.methods, "names", lambda: ["lead"])
    return scores


def test_check_passes_within_epsilon_and_fails_below(fake_measure) -> None:  # type: ignore[no-untyped-def]
    assert gate.check(_fake_gate(10.4), Path(".")) == []
    failed = gate.check(_fake_gate(10.6), Path("."))
    assert [(f.method, f.message.split()[0]) for f in failed] == [("lead", "rouge2")]


def test_check_reports_a_changed_slice(fake_measure) -> None:  # type: ignore[no-untyped-def]
    g = _fake_gate(1.0)
    g["slices"]["s"]["digest"] = "other"
    (finding,) = gate.check(g, Path("."))
    assert "slice changed" in finding.message


def test_check_reports_a_pinned_method_that_disappeared(fake_measure) -> None:  # type: ignore[no-untyped-def]
    g = _fake_gate(1.0)
    g["slices"]["s"]["floors"]["gone"] = {"rouge1": 1.0, "rouge2": 1.0}
    (finding,) = gate.check(g, Path("."))
    assert finding.method == "gone"


def test_update_raises_floors_but_never_lowers_them(fake_measure) -> None:  # type: ignore[no-untyped-def]
    new, notes = gate.update(_fake_gate(5.0), Path("."))
    assert new["slices"]["s"]["floors"]["lead"] == {"rouge1": 30.0, "rouge2": 10.0}
    kept, notes = gate.update(_fake_gate(20.0), Path("."))
    assert kept["slices"]["s"]["floors"]["lead"] == {"rouge1": 30.0, "rouge2": 20.0}
    assert any("kept the floor" in n for n in notes)
    forced, _ = gate.update(_fake_gate(20.0), Path("."), force=True)
    assert forced["slices"]["s"]["floors"]["lead"]["rouge2"] == 10.0


def test_gate_file_pins_both_slices_with_digests() -> None:
    pinned = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    assert set(pinned["slices"]) == {"multinews_val", "duc2003"}
    for spec in pinned["slices"].values():
        assert len(spec["digest"]) == 64 and "default" in spec["floors"]


def test_a_slice_epsilon_overrides_the_global_one(fake_measure) -> None:  # type: ignore[no-untyped-def]
    g = _fake_gate(10.6)
    g["slices"]["s"]["epsilon"] = 1.0
    assert gate.check(g, Path(".")) == []


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such gate file; pin the floors first with --update"),
    ("not json", "not a gate file (Expecting value"),
    ('{"floors": {}}', "not a gate file (no 'slices' object)"),
    ('{"slices": {"s": {"file": "x.jsonl", "words": 10}}}', "pins no floors, so it would pass anything"),
])
def test_a_gate_file_that_is_absent_malformed_or_empty_fails_instead_of_passing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    path = tmp_path / "gate.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert gate.main(["--data", str(tmp_path), "--gate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gate: {path}: {message}") and err.count("\n") == 1
    assert "passed" not in err
