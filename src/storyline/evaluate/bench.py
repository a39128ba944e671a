"""``make bench``: the development suite of ``../shared/data`` at the budgets of its README, every
registry method against every sumy peer and the oracle.

    python -m storyline.evaluate.bench [--data ../shared/data] [--out benchmarks] [--jobs 2] [--only duc2003]
    python -m storyline.evaluate.bench --summary    # the cross-dataset R1/R2 table of the saved results

Writes ``<out>/<name>.json`` and ``<out>/<name>.png`` per dataset, then ``<out>/results.md`` rebuilt from
every JSON present (so re-running one dataset with ``--only`` keeps the others' tables).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from ..errors import OptionsError
from ..files import write_atomic
from . import report
from .datasets import dataset_name, load_eval_set
from .runner import ORACLE, check_options, evaluate, resolve_methods


@dataclass(frozen=True, slots=True)
class BenchSet:
    name: str
    file: str  # relative to the data directory
    words: int
    limit: int | None = None
    title: str = ""


SUITE = (
    BenchSet("multinews_val", "multinews/val.jsonl.gz", 300, 1000, "Multi-News val (seeded sample of 1,000 clusters)"),
    BenchSet("multinews_dev_original", "multinews/dev_original_format.jsonl", 300, None,
             "Multi-News, original scraped format (92 clusters)"),
    BenchSet("duc2003", "duc2003/task2_clean.jsonl", 100, None, "DUC 2003 task 2 (recall is the DUC convention)"),
    BenchSet("multiling2011", "multiling2011_en/test.jsonl", 250, None, "MultiLing 2011 English"),
    BenchSet("neus_val", "neus_allsides/val.jsonl", 60, None, "NeuS / AllSides val"),
)

# The short names the measuring scripts under benchmarks/ take on their command lines.
BY_SHORT_NAME: dict[str, BenchSet] = dict(zip(("val", "original", "duc", "multiling", "neus"), SUITE, strict=True))


def command_for(b: BenchSet, data: str, out: str, seed: int, jobs: int, methods: str = "all") -> str:
    limit = f" --limit {b.limit}" if b.limit else ""
    return (
        f"storyline eval {data}/{b.file} --words {b.words}{limit} --seed {seed} --methods {methods} --jobs {jobs} "
        f"--format json -o {out}/{b.name}.json --plot {out}/{b.name}.png"
    )


def _saved(out: Path) -> list[tuple[BenchSet, dict]]:
    return [
        (b, json.loads((out / f"{b.name}.json").read_text(encoding="utf-8")))
        for b in SUITE
        if (out / f"{b.name}.json").is_file()
    ]


def summary_table(out: Path) -> str:
    """One row per method, one column per saved dataset: ROUGE-1 / ROUGE-2 F1 (×100)."""
    saved = _saved(out)
    if not saved:
        return ""
    order: list[str] = []
    for _, d in saved:
        order.extend(r["method"] for r in d["results"] if r["method"] not in order)
    head = "| method | " + " | ".join(f"{b.name} ({d['words']} w)" for b, d in saved) + " |\n"
    head += "|---" * (len(saved) + 1) + "|\n"
    rows = []
    for m in order:
        cells = []
        for _, d in saved:
            r = next((r for r in d["results"] if r["method"] == m), None)
            cells.append(f"{r['rouge1']:.2f} / {r['rouge2']:.2f}" if r else "—")
        rows.append(f"| {m} | " + " | ".join(cells) + " |\n")
    return head + "".join(rows)


# Ours, not baselines: the default's standing is measured against everything else but the oracle.
OURS = ("default", "fast")
SPEED_PEER = "sumy-lexrank"


def standing_table(out: Path) -> str:
    """Per saved dataset: the best baseline on R1 and on R2 (every method but ours and the oracle), the
    default's lead over it paired by cluster (``report.paired_rows``), and the default's and ``fast``'s median
    time against sumy's LexRank in the same run."""
    rows = []
    for b, d in _saved(out):
        pairs = {r["method"]: r for r in d.get("paired", [])}
        base = [r for r in d["results"] if r["method"] not in (*OURS, ORACLE) and r["method"] in pairs]
        if not base:
            continue
        cells = []
        for m in ("rouge1", "rouge2"):
            best = max(base, key=itemgetter(m))
            lead = pairs[best["method"]][m]
            low, high = lead["ci95"]
            cells.append(f"{best['method']} {best[m]:.2f}: {report.lead_cell(lead)}")
        secs = {r["method"]: r["seconds_per_cluster"] for r in d["results"]}
        peer = secs.get(SPEED_PEER)
        speed = "—"
        if peer and secs.get("default"):
            speed = f"{1000 * secs['default']:.2f} / {1000 * peer:.2f}"
            if secs.get("fast"):
                speed += f"; fast {peer / secs['fast']:.1f}x faster"
        rows.append(f"| {b.name} | {cells[0]} | {cells[1]} | {speed} |\n")
    if not rows:
        return ""
    return (
        "| dataset | best baseline R1: default's lead [95% CI] | best baseline R2: default's lead [95% CI] "
        f"| median ms default / {SPEED_PEER} |\n|---|---|---|---|\n" + "".join(rows)
    )


def results_markdown(out: Path) -> str:
    parts = [
        "# Benchmarks\n\n",
        "Made by `make bench` (`python -m storyline.evaluate.bench`); each table says the equivalent "
        "`storyline eval` command and when it ran. Scores are ROUGE F1 ×100 with seeded bootstrap 95% "
        "intervals; every output, the oracle's included, is cut to the same word budget.\n",
    ]
    summary = summary_table(out)
    if summary:
        parts.append("\n## Summary: ROUGE-1 / ROUGE-2 F1\n\n" + summary)
    standing = standing_table(out)
    if standing:
        parts.append(
            "\n## Where the default stands\n\nIts lead over the best baseline of each set (every method but "
            "`default`, `fast` and the oracle), paired by cluster (each bootstrap resample draws the same "
            "clusters for both), and its median CPU time per cluster against sumy's LexRank in the same run.\n\n"
            + standing
        )
    for b, d in _saved(out):
        parts.append(f"\n## {b.title or b.name}\n\n")
        git = f", tree `{d['git']}`" if d.get("git") else ""
        parts.append(f"`{d.get('command', '')}` — {d.get('date', '')}, wall {d.get('wall_seconds', 0):.0f} s{git}, "
                     f"`{d.get('ids_sha256', '')[:12]}` (sha256 of the cluster ids)\n\n")
        parts.append(report.markdown_table(d))
        parts.append(f"\n![{b.name}]({b.name}.png)\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m storyline.evaluate.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="benchmarks")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--methods", default="all")
    ap.add_argument("--only", default="", help="comma-separated dataset names: " + ", ".join(b.name for b in SUITE))
    ap.add_argument("--summary", action="store_true",
                    help="print the cross-dataset R1/R2 table of saved results and where the default stands")
    ap.add_argument("--no-memory", action="store_true",
                    help="skip the peak-memory pass (most of the wall time on the large sets, from sumy's KL-Sum)")
    ap.add_argument("--rebuild", action="store_true", help="only rewrite results.md from the saved JSON files")
    args = ap.parse_args(argv)
    if args.summary:
        standing = standing_table(Path(args.out))
        print(summary_table(Path(args.out)) + (f"\n{standing}" if standing else ""), end="")
        return 0
    if args.rebuild:
        write_atomic(Path(args.out) / "results.md", results_markdown(Path(args.out)))
        return 0
    try:  # checked before anything is read or written: one line, not a traceback after loading a dataset
        names = resolve_methods(args.methods)
        check_options(SUITE[0].words, jobs=args.jobs, seed=args.seed)
    except OptionsError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    data, out = Path(args.data), Path(args.out)
    if not data.is_dir():
        print(f"bench: skipped: {data} is absent (the evaluation data lives in ../shared/data)", file=sys.stderr)
        return 0
    out.mkdir(parents=True, exist_ok=True)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - {b.name for b in SUITE}
    if unknown:
        print(f"bench: unknown dataset {sorted(unknown)[0]!r}; choose from {[b.name for b in SUITE]}", file=sys.stderr)
        return 2
    # the command line's progress, so that make bench reports as storyline eval does (imported here: the bench's
    # --summary and --rebuild load no command line)
    from ..cli.lines import reading_progress, scoring_progress

    start = time.time()
    for b in SUITE:
        if only and b.name not in only:
            continue
        path = data / b.file
        if not path.exists():
            print(f"bench: {b.name}: {path} is absent, skipped", file=sys.stderr)
            continue
        t0 = time.time()
        with reading_progress(f"Reading {dataset_name(path)}") as reading:
            eval_set = load_eval_set(path, limit=b.limit, seed=args.seed, progress=reading.update)
        print(f"bench: {b.name}: {len(eval_set.clusters)} clusters × {len(names)} methods ...", file=sys.stderr)
        # storyline eval's progress: a bar on a terminal, off it (nohup, CI) a line now and then, where a bench of
        # ~11 minutes said nothing until the end of each dataset
        memory = 0 if args.no_memory else len(names)
        with scoring_progress(eval_set.name, len(eval_set.clusters), memory) as (scored, traced):
            ev = evaluate(eval_set, names, b.words, seed=args.seed, jobs=args.jobs, memory=not args.no_memory,
                          progress=scored, memory_progress=traced)
        wall = time.time() - t0
        extra = {
            "limit": b.limit,
            "command": command_for(b, args.data, args.out, args.seed, args.jobs, args.methods),
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "wall_seconds": round(wall, 1),
            "jobs": args.jobs,
            "git": _git_state(),
        }
        write_atomic(out / f"{b.name}.json", report.to_json(ev, extra=extra))
        write_atomic(out / f"{b.name}.png", report.plot(ev))
        write_atomic(out / "results.md", results_markdown(out))
        print(f"bench: {b.name}: done in {wall:.0f} s", file=sys.stderr)
    print(f"bench: all done in {time.time() - start:.0f} s; see {out / 'results.md'}", file=sys.stderr)
    return 0


def _git_state() -> str:
    """The commit the run measured (``-dirty``: with uncommitted changes in the tree)."""
    import subprocess

    try:
        res = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return res.stdout.strip() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
