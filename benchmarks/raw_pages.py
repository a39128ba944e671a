"""What the cleaning of scraped pages is worth: every method on the pages as they come, and on our cleaned text.

    .venv/bin/python benchmarks/raw_pages.py original            # Multi-News in its original, cluttered form
    .venv/bin/python benchmarks/raw_pages.py val --n 300          # the processed release (little clutter left)
    .venv/bin/python benchmarks/raw_pages.py original -o benchmarks/raw_pages.md

``storyline eval`` and ``make bench`` give every baseline and sumy peer the text our cleaning leaves
(``api.load_articles``), so that their tables compare sentence selection alone. A user who runs sumy or a
LexRank script on scraped pages gives it the pages as they come: this script measures that too. "raw" is the
dataset's document text with nothing removed (Multi-News's ``NEWLINE_CHAR`` markers turned into line breaks, as
the reader does for every method); for our methods it goes straight to segmentation (``make_cluster``), which
is also the default's ablation without its cleaning. Scored as ``storyline eval`` scores (``evaluate.rouge``:
every summary cut to the same budget, references averaged), with paired bootstrap intervals against the default
on cleaned text. Reads ``../shared/data`` (absent: the script says so and stops).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from storyline import methods
from storyline.api import load_articles, make_cluster
from storyline.errors import EmptyInputError
from storyline.evaluate.bench import BY_SHORT_NAME
from storyline.evaluate.peers import SUMY_PEERS, sumy_summary
from storyline.evaluate.rouge import paired, score_summary
from storyline.files import write_atomic
from storyline.ingest import DocumentSet, read_dataset
from storyline.model import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {name: (b.file, b.words) for name, b in BY_SHORT_NAME.items()}
OURS = ("default", "lead", "lexrank", "textrank", "centroid", "icsi", "submodular")
Summarizer = Callable[[Sequence[Article], int], str]


def _ours(name: str) -> Summarizer:
    def run(articles: Sequence[Article], words: int) -> str:
        try:
            cluster = make_cluster(articles)
        except EmptyInputError:
            return ""
        return " ".join(s.text for s in methods.get(name).select(cluster, words))

    return run


def _sumy(name: str) -> Summarizer:
    def run(articles: Sequence[Article], words: int) -> str:
        texts = [a.text for a in articles if a.text.strip()]
        return sumy_summary(name, texts, words) if texts else ""

    return run


def cleaned(docs: DocumentSet) -> list[Article]:
    try:
        return load_articles(docs.articles, strict=False)
    except EmptyInputError:
        return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", choices=SETS)
    ap.add_argument("--n", type=int, default=0, help="seeded sample of N clusters (0: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("-o", "--output", type=Path, help="write the Markdown table here (atomically)")
    args = ap.parse_args(argv)
    rel, words = SETS[args.dataset]
    if not (DATA / rel).exists():
        print(f"raw_pages: {DATA / rel} not found (the datasets live in ../shared/data)", file=sys.stderr)
        return 2
    sets = list(read_dataset(DATA / rel, need_summaries=True))
    if args.n and args.n < len(sets):
        sets = random.Random(args.seed).sample(sets, args.n)
    runners = {name: _ours(name) for name in OURS} | {name: _sumy(name) for name in SUMY_PEERS}
    r1: dict[tuple[str, str], list[float]] = {}
    r2: dict[tuple[str, str], list[float]] = {}
    for k, docs in enumerate(sets, 1):
        inputs = {"cleaned": cleaned(docs), "raw": list(docs.articles)}
        for name, run in runners.items():
            for form, articles in inputs.items():
                s = score_summary(run(articles, words), docs.summaries, words, lsum=False)
                r1.setdefault((name, form), []).append(100 * s["rouge1"])
                r2.setdefault((name, form), []).append(100 * s["rouge2"])
        print(f"\r{args.dataset}: {k}/{len(sets)} clusters", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs)

    ref = ("default", "cleaned")
    lines = [
        f"{args.dataset} ({len(sets)} clusters, {words} words): R1 / R2 F1; the last columns are the default on "
        "cleaned text minus the method, paired bootstrap 95% interval",
        "",
        "| method | cleaned | raw | default (cleaned) − raw: R1 | R2 |",
        "|---|---|---|---|---|",
    ]
    for name in runners:
        c, r = (name, "cleaned"), (name, "raw")
        d1, d2 = paired(r1[ref], r1[r]), paired(r2[ref], r2[r])
        lines.append(
            f"| {name} | {mean(r1[c]):.2f} / {mean(r2[c]):.2f} | {mean(r1[r]):.2f} / {mean(r2[r]):.2f} "
            f"| {d1.mean:+.2f} [{d1.low:+.1f}, {d1.high:+.1f}] | {d2.mean:+.2f} [{d2.low:+.1f}, {d2.high:+.1f}] |"
        )
    baselines = [n for n in runners if n != "default"]
    best = {form: max(baselines, key=lambda n: mean(r1[(n, form)])) for form in ("cleaned", "raw")}
    for form, name in best.items():
        d1, d2 = paired(r1[ref], r1[(name, form)]), paired(r2[ref], r2[(name, form)])
        lines.append("")
        lines.append(
            f"Best baseline on {form} text: {name} {mean(r1[(name, form)]):.2f} / {mean(r2[(name, form)]):.2f}; "
            f"the default (cleaned) leads it by {d1.mean:+.2f} [{d1.low:+.1f}, {d1.high:+.1f}] R1 and "
            f"{d2.mean:+.2f} [{d2.low:+.1f}, {d2.high:+.1f}] R2."
        )
    table = "\n".join(lines) + "\n"
    print(table)
    if args.output:
        write_atomic(args.output, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
