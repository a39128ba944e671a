"""The quality gate: ROUGE floors on a small fixed development slice, in the spirit of trafilatura's
``tests/eval_gate.py``. Floors only move up.

``benchmarks/gate.json`` pins, per slice, the data file, sample size, seed, budget and the sha256 of the
slice's cluster ids (a changed slice is reported, not silently scored), and per method R1/R2 floors; a
score passes when it is at least ``floor - epsilon`` (a slice may carry its own epsilon: DUC's 9 clusters
are noisier than 30 Multi-News ones).

    python -m storyline.evaluate.gate            # check (what the pytest gate test does)
    python -m storyline.evaluate.gate --update   # raise floors to today's scores; never lowers one
    python -m storyline.evaluate.gate --update --force   # re-pin everything, lowering if need be
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import methods
from ..files import write_atomic
from .datasets import load_eval_set
from .runner import evaluate

GATE_METRICS = ("rouge1", "rouge2")
DEFAULT_EPSILON = 0.5  # points ×100; the slice is small and deterministic, so this is headroom for tiny edits
DEFAULT_SLICES: dict[str, dict[str, Any]] = {
    "multinews_val": {"file": "multinews/val.jsonl.gz", "limit": 30, "seed": 0, "words": 300},
    "duc2003": {"file": "duc2003/task2_clean.jsonl", "limit": None, "seed": 0, "words": 100, "epsilon": 1.0},
}


@dataclass(frozen=True, slots=True)
class Finding:
    slice: str
    method: str
    message: str


def measure(data: Path, spec: dict[str, Any], names: list[str]) -> tuple[str, dict[str, dict[str, float]]]:
    """The slice's id digest and each method's gate metrics (×100)."""
    es = load_eval_set(data / spec["file"], limit=spec.get("limit"), seed=spec.get("seed", 0))
    ev = evaluate(es, names, spec["words"], seed=spec.get("seed", 0), memory=False, lsum=False)
    scores = {r.method: {m: round(100 * r.scores[m].mean, 2) for m in GATE_METRICS} for r in ev.results}
    return ev.digest, scores


def check(gate: dict[str, Any], data: Path) -> list[Finding]:
    """Every way today's scores fall short of the pinned floors (empty: the gate passes)."""
    known = set(methods.names())
    out: list[Finding] = []
    for name, spec in gate["slices"].items():
        # A slice may set its own epsilon: on DUC's 9 clusters one summary moving 9 points moves the mean 1.
        eps = float(spec.get("epsilon", gate.get("epsilon", DEFAULT_EPSILON)))
        floors: dict[str, dict[str, float]] = spec.get("floors", {})
        missing = sorted(set(floors) - known)
        out.extend(Finding(name, m, "method is pinned in the gate but no longer registered") for m in missing)
        names = [m for m in floors if m in known]
        if not names:
            continue
        digest, scores = measure(data, spec, names)
        if digest != spec.get("digest"):
            out.append(Finding(name, "*", f"the slice changed (ids sha256 {digest[:12]} != pinned "
                                          f"{str(spec.get('digest'))[:12]}); re-pin with --update --force"))
            continue
        for m in names:
            for metric in GATE_METRICS:
                got, floor = scores[m][metric], floors[m][metric]
                if got < floor - eps:
                    out.append(Finding(name, m, f"{metric} {got:.2f} is below the floor {floor:.2f} - {eps}"))
    return out


def update(gate: dict[str, Any], data: Path, *, force: bool = False) -> tuple[dict[str, Any], list[str]]:
    """Floors raised to today's scores for every registered method; a floor that would go down is kept
    (and reported) unless ``force``."""
    notes: list[str] = []
    new_slices: dict[str, Any] = {}
    new = {"epsilon": gate.get("epsilon", DEFAULT_EPSILON), "slices": new_slices}
    slices: dict[str, dict[str, Any]] = gate.get("slices") or DEFAULT_SLICES
    for name, spec in slices.items():
        digest, scores = measure(data, spec, methods.names())
        old = spec.get("floors", {}) if spec.get("digest") == digest else {}
        if spec.get("digest") not in (None, digest) and not force:
            raise SystemExit(f"gate: {name}: the slice changed; use --force to re-pin it")
        floors: dict[str, dict[str, float]] = {}
        for m, got in scores.items():
            floors[m] = {}
            for metric in GATE_METRICS:
                prev = old.get(m, {}).get(metric, -math.inf)
                value = math.floor(got[metric] * 100) / 100
                if value < prev and not force:
                    notes.append(f"{name}/{m}: {metric} {value:.2f} is below the floor {prev:.2f}; kept the floor")
                    value = prev
                floors[m][metric] = value
        for m in set(old) - set(floors):
            if not force:
                floors[m] = old[m]
                notes.append(f"{name}/{m}: not registered any more; kept its floors (use --force to drop)")
        base = {k: v for k, v in spec.items() if k not in ("floors", "digest")}
        new_slices[name] = {**base, "digest": digest, "floors": floors}
    return new, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m storyline.evaluate.gate", description="ROUGE floors on a dev slice")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--gate", default="benchmarks/gate.json")
    ap.add_argument("--update", action="store_true", help="raise the floors to today's scores")
    ap.add_argument("--force", action="store_true", help="with --update: allow lowering floors")
    args = ap.parse_args(argv)
    data, path = Path(args.data), Path(args.gate)
    if not data.is_dir():
        print(f"gate: skipped: {data} is absent", file=sys.stderr)
        return 0
    if not path.is_file() and not args.update:  # a mistyped --gate must not pass with no floors to check
        print(f"gate: {path}: no such gate file; pin the floors first with --update", file=sys.stderr)
        return 2
    try:
        gate = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"slices": DEFAULT_SLICES}
        pinned = sum(len(spec.get("floors", {})) for spec in gate["slices"].values())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        what = exc if isinstance(exc, (OSError, ValueError)) else "no 'slices' object"
        print(f"gate: {path}: not a gate file ({what})", file=sys.stderr)
        return 2
    if not pinned and not args.update:
        print(f"gate: {path}: pins no floors, so it would pass anything; pin them with --update", file=sys.stderr)
        return 2
    if args.update:
        new, notes = update(gate, data, force=args.force)
        write_atomic(path, json.dumps(new, indent=2) + "\n")
        for n in notes:
            print(f"gate: {n}", file=sys.stderr)
        print(f"gate: floors written to {path}", file=sys.stderr)
        return 0
    findings = check(gate, data)
    for f in findings:
        print(f"gate: FAIL {f.slice}/{f.method}: {f.message}", file=sys.stderr)
    print("gate: passed" if not findings else f"gate: {len(findings)} failure(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
