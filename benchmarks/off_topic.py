"""How often the note on an article that shares almost nothing with the others (``notes.off_topic``) is told: the
figures behind the note's paragraph in ``docs/usage.md`` ("Inputs, duplicates and limits").

    .venv/bin/python benchmarks/off_topic.py              # every set of the bench suite, both halves
    .venv/bin/python benchmarks/off_topic.py --show val   # also print the noted articles' openings, to judge them

Per set of ``storyline.evaluate.bench.SUITE`` (its bench sample) and per half (0: the clusters the thresholds were
chosen on, 1: the rest; the half is the CRC-32 of the cluster's id, mod 2): the clusters of two articles or more,
those with a note (false alarms, as far as the set's clusters are each about one story: read them with ``--show``,
Multi-News's often hold pages that are not news of the story), and the detection: one article of another cluster
of the same set, drawn with a seeded generator, added to each cluster, counted when it is the one article noted.
The articles are read as ``storyline eval`` reads them (``load_articles`` with ``strict=False``), without the
merge of duplicates that a summary makes. Reads ``../shared/data`` (absent: the script says so and stops).
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from pathlib import Path

from storyline import api
from storyline.errors import StorylineError
from storyline.evaluate.bench import BY_SHORT_NAME, SUITE
from storyline.evaluate.datasets import load_eval_set
from storyline.model import Article, Cluster
from storyline.notes import off_topic

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def noted(articles: list[Article]) -> tuple[int, ...]:
    # off_topic reads the articles alone: a cluster without sentences is enough
    return off_topic(Cluster(articles=tuple(articles), sentences=()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", choices=sorted(BY_SHORT_NAME), help="print the noted articles of this set")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is not present", file=sys.stderr)
        return 1
    print("| set | half | clusters | with a note | added article noted alone |\n|---|---|---|---|---|")
    for b in SUITE:
        clusters = []
        for ds in load_eval_set(DATA / b.file, limit=b.limit, seed=0).clusters:
            try:
                clusters.append((ds.id, api.load_articles(ds.articles, strict=False)))
            except StorylineError:
                continue
        rng = random.Random(args.seed)
        counts = {h: [0, 0, 0] for h in (0, 1)}
        for k, (cid, articles) in enumerate(clusters):
            if len(articles) < 2:
                continue
            half = counts[zlib.crc32(cid.encode()) % 2]
            half[0] += 1
            stray = noted(articles)
            half[1] += bool(stray)
            if stray and args.show and BY_SHORT_NAME[args.show] is b:
                for j in stray:
                    print(f"  {cid} [{j + 1}] of {len(articles)}: {articles[j].text[:150]!r}")
            other = rng.choice([c for j, c in enumerate(clusters) if j != k])[1]
            half[2] += noted([*articles, rng.choice(other)]) == (len(articles),)
        for h, (n, flagged, detected) in counts.items():
            if n:
                print(f"| {b.name} | {h} | {n} | {flagged} ({100 * flagged / n:.1f}%) | {detected} "
                      f"({100 * detected / n:.1f}%) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
