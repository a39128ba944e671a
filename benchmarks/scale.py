"""Large inputs: wall time and peak memory of ``summarize``, ``summarize --analysis`` and ``group`` as inputs grow.

    python benchmarks/scale.py prepare DIR
    python benchmarks/scale.py run DIR --label before [--only NAME,...] [--record benchmarks/scale.jsonl]
    python benchmarks/scale.py table [--record benchmarks/scale.jsonl]

``prepare`` writes the inputs into DIR (outside the repository: they hold the datasets' text), from
``../shared/data/multinews`` and from generated text:

- ``articles-N`` (N = 10, 25, 50, 100, 200): a directory of the first N articles of Multi-News dev_original, the
  full-length pages (several stories: how each stage grows with the articles given at once);
- ``one-mb``: one article of 1 MB, dev_original's articles one after the other as paragraphs;
- ``dataset-20mb.jsonl``: a dataset file of 20 MB, Multi-News val clusters one a line (each summarized);
- ``tiny-1000``: an articles JSONL of 1,000 articles of one or two short generated sentences;
- ``identical-50``: a directory of 50 copies of one dev_original article (the near-duplicate merge's worst case);
- ``lines-10k``: one article of 10,000 one-line generated sentences, each a different fact.

``run`` times each input under ``/usr/bin/time -v`` with ``summarize``, ``summarize --analysis`` and ``group``
(``group --summarize`` for the stream inputs), one process at a time on one core, and appends one JSON line per
run to ``--record``: CPU and wall seconds, peak RSS, exit status, the sha256 of the output (its first 16 digits,
to see that two versions wrote the same). ``table`` writes ``benchmarks/scale_results.md`` from the record, the
labels side by side. Compare versions by running each with its ``src`` first on ``PYTHONPATH`` under its own
``--label``. Figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews"
RECORD = ROOT / "benchmarks" / "scale.jsonl"
RESULTS = ROOT / "benchmarks" / "scale_results.md"
GROWTH = (10, 25, 50, 100, 200)
# (input, what it is); the commands each is run with are in COMMANDS
INPUTS: tuple[tuple[str, str], ...] = (
    *((f"articles-{n}", f"{n} dev_original articles") for n in GROWTH),
    ("one-mb", "one 1 MB article"),
    ("dataset-20mb.jsonl", "20 MB dataset, val clusters"),
    ("tiny-1000", "1,000 tiny articles (JSONL)"),
    ("identical-50", "50 identical articles"),
    ("lines-10k", "one article, 10,000 one-line sentences"),
)
COMMANDS: dict[str, tuple[str, ...]] = {
    "summarize": ("summarize", "--format", "json"),
    "analysis": ("summarize", "--analysis", "--format", "json"),
    "group": ("group", "--summarize", "--format", "json"),
}
# what is not worth running: hours of analysis over 5,000 clusters
SKIP = {("dataset-20mb.jsonl", "analysis")}


def _dev_original() -> Iterator[str]:
    with open(DATA / "dev_original_format.jsonl", encoding="utf-8") as lines:
        for line in lines:
            yield from (d for d in json.loads(line)["documents"] if len(d.split()) >= 50)


def _facts(n: int, seed: int) -> Iterator[str]:
    """``n`` short generated sentences, each a different fact (names, places, numbers)."""
    rng = random.Random(seed)
    people = ["Ana Ruiz", "Tom Baker", "Lena Ortiz", "Omar Haddad", "Mei Chen", "Sam Cole", "Ida Berg", "Raj Patel"]
    places = ["Port Alder", "Valmora", "Eastside", "Northbay", "Kestrel", "Linwood", "Marrow Bay", "Old Quay"]
    verbs = ["said", "reported", "confirmed", "denied", "announced", "warned"]
    things = ["the bridge", "the ferry", "the council", "the budget", "the repairs", "the inquiry", "the port"]
    for k in range(n):
        yield (f"{rng.choice(people)} {rng.choice(verbs)} that {rng.choice(things)} in {rng.choice(places)} "
               f"would cost {rng.randint(2, 990)} million by {rng.choice(['May', 'June', 'July'])} {k % 28 + 1}.")


def prepare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    docs = list(_dev_original())
    for n in GROWTH:
        d = folder / f"articles-{n}"
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
        for k, text in enumerate(docs[:n]):
            (d / f"a{k:03d}.txt").write_text(text, encoding="utf-8")
    big, k = [], 0
    while sum(map(len, big)) < 1_000_000:
        big.append(docs[k % len(docs)])
        k += 1
    (folder / "one-mb.txt").write_text("\n\n".join(big)[:1_000_000].rsplit("\n\n", 1)[0], encoding="utf-8")
    with gzip.open(DATA / "val.jsonl.gz", "rt", encoding="utf-8") as lines, \
            open(folder / "dataset-20mb.jsonl", "w", encoding="utf-8") as out:
        size = 0
        for line in lines:
            if size + len(line.encode()) > 20_000_000:
                break
            out.write(line)
            size += len(line.encode())
    with open(folder / "tiny-1000.jsonl", "w", encoding="utf-8") as out:
        for k, fact in enumerate(_facts(1000, 1)):
            out.write(json.dumps({"text": fact, "title": f"Brief {k}", "source": f"Outlet {k % 40}"}) + "\n")
    d = folder / "identical-50"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir()
    for k in range(50):
        (d / f"a{k:03d}.txt").write_text(docs[0], encoding="utf-8")
    (folder / "lines-10k.txt").write_text("\n".join(_facts(10_000, 2)) + "\n", encoding="utf-8")


def _path(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / f"{name}.txt", folder / f"{name}.jsonl"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"{name}: not in {folder}; run prepare first")


def _timed(argv: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        done = subprocess.run(["/usr/bin/time", "-v", *argv, "-o", str(out)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1"})
        digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16] if out.exists() else ""
    fields = dict(re.findall(r"^\s*(.+?): (.+)$", done.stderr, re.MULTILINE))
    clock = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    wall = sum(float(p) * 60 ** k for k, p in enumerate(reversed(clock.split(":"))))
    # no message is kept: a note may quote the data (a correction an article printed), which stays out of the repo
    return {"rc": done.returncode, "wall_s": round(wall, 2), "rss_mb": round(int(fields["Maximum resident set size "
            "(kbytes)"]) / 1024), "cpu_s": round(float(fields["User time (seconds)"])
            + float(fields["System time (seconds)"]), 2), "output": digest}


def run(folder: Path, label: str, only: set[str], commands: set[str], record: Path) -> None:
    for name, _ in INPUTS:
        if only and name not in only:
            continue
        path = _path(folder, name)
        for command, args in COMMANDS.items():
            if (name, command) in SKIP or (command == "group" and name.startswith(("one-mb", "lines-"))):
                continue
            if commands and command not in commands:
                continue
            argv = [sys.executable, "-m", "storyline", *args, str(path)]
            result = {"label": label, "input": name, "command": command, **_timed(argv),
                      "load": round(os.getloadavg()[0], 2)}
            print(json.dumps(result), flush=True)
            with open(record, "a", encoding="utf-8") as out:
                out.write(json.dumps(result) + "\n")


def table(record: Path) -> None:
    runs = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = list(dict.fromkeys(r["label"] for r in runs))
    latest = {(r["label"], r["input"], r["command"]): r for r in runs}
    head = " | ".join(f"{label}: CPU s / wall s / peak MB" for label in labels)
    rows = [f"| input | command | {head} |", "|---|---|" + "---|" * len(labels)]
    for name, what in INPUTS:
        for command in COMMANDS:
            cells = []
            for label in labels:
                r = latest.get((label, name, command))
                cells.append("—" if r is None else f"{r['cpu_s']} / {r['wall_s']} / {r['rss_mb']}"
                             + ("" if r["rc"] == 0 else f" (exit {r['rc']})"))
            if any(c != "—" for c in cells):
                rows.append(f"| {what} | {command} | {' | '.join(cells)} |")
    text = (
        "# Large inputs: time and memory\n\n"
        "Written by `python benchmarks/scale.py table` from the runs in `benchmarks/scale.jsonl` "
        "(`benchmarks/scale.py run`; see its docstring and "
        "[docs/benchmarks.md](../docs/benchmarks.md#large-inputs)). Each run is one process under "
        "`/usr/bin/time -v`: CPU seconds (user + system), wall seconds and peak resident memory; on a machine "
        "shared with other work the wall time follows the load, the CPU time much less. `summarize` and `analysis` "
        "(`summarize --analysis`) write JSON; `group` is `group --summarize`. "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, shared with "
        "other work. Absolute figures depend on the machine.\n\n" + "\n".join(rows) + "\n")
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("folder", type=Path)
    r = sub.add_parser("run")
    r.add_argument("folder", type=Path)
    r.add_argument("--label", default="now")
    r.add_argument("--only", default="", help="the inputs to run, by name, comma-separated (default: all)")
    r.add_argument("--commands", default="", help="of summarize,analysis,group (default: all)")
    r.add_argument("--record", type=Path, default=RECORD)
    t = sub.add_parser("table")
    t.add_argument("--record", type=Path, default=RECORD)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.folder)
    elif args.command == "run":
        run(args.folder, args.label, {n for n in args.only.split(",") if n},
            {c for c in args.commands.split(",") if c}, args.record)
    else:
        table(args.record)


if __name__ == "__main__":
    main()
