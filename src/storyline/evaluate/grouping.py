"""How well articles are grouped into stories: B-cubed scoring and the grouping benchmark.

    python -m storyline.evaluate.grouping [--data ../shared/data] [--out benchmarks] [--clusters 1500]

Multi-News clusters are the stories: every article of a sample of clusters goes into one stream, in a seeded
random order (harder than arrival order, where a story's articles come close together), and the grouping is
scored against the clusters with B-cubed precision, recall and F1 (Bagga and Baldwin, 1998). The val split is
cut in two disjoint halves: the first tunes the thresholds (of storyline's grouping and of the baselines),
the second and the original scraped pages (``dev_original_format``) only report. storyline is measured as
``storyline group`` groups (the single pass, then the lone articles paired: ``StoryGrouper.paired``) and as the
server's stream answers (no pairing). Baselines: the same single-pass grouping on plain term frequencies (no IDF),
and batch average-link clustering (scipy) of the TF-IDF vectors, which sees the whole set at once and so is no
stream method: a reference, not a rival.
Writes ``grouping_results.md`` and ``grouping.png`` (F1 against the threshold on the tuning half).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..api import load_articles
from ..errors import StorylineError
from ..files import write_atomic
from ..group import GroupingOptions, StoryGrouper, article_terms
from ..model import Article
from .datasets import load_eval_set

VAL = "multinews/val.jsonl.gz"
ORIGINAL = "multinews/dev_original_format.jsonl"
GRID = (0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.35, 0.4)


def bcubed(predicted: Sequence[Sequence[str]], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a grouping against true labels: per article, the share of its
    predicted story that truly belongs with it, and the share of its true story that the predicted one
    holds; averaged over articles."""
    size_true = Counter(truth.values())
    p = r = 0.0
    n = 0
    for group in predicted:
        labels = Counter(truth[a] for a in group)
        for a in group:
            same = labels[truth[a]]
            p += same / len(group)
            r += same / size_true[truth[a]]
            n += 1
    if n == 0:
        return 0.0, 0.0, 0.0
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclasses.dataclass(frozen=True)
class Stream:
    name: str
    articles: tuple[Article, ...]
    truth: dict[str, str]  # article id -> its cluster


def make_stream(name: str, clusters: Sequence[Sequence[Article | str]], seed: int) -> Stream:
    """Every article of ``clusters`` (raw texts or articles), cleaned, with ids ``cluster-article``, shuffled."""
    arts: list[Article] = []
    truth: dict[str, str] = {}
    for k, docs in enumerate(clusters):
        try:
            loaded = load_articles(docs, strict=False)
        except StorylineError:
            continue
        for i, a in enumerate(loaded):
            a = dataclasses.replace(a, id=f"{k}-{i}")
            arts.append(a)
            truth[a.id] = str(k)
    random.Random(seed).shuffle(arts)
    return Stream(name, tuple(arts), truth)


class _PlainTF(StoryGrouper):
    """The baseline: the same single pass with every term weighing the same (no IDF)."""

    def _idf(self, term: str) -> float:
        return 1.0


def single_pass(stream: Stream, threshold: float, idf: bool = True, pair: bool = True) -> list[tuple[str, ...]]:
    """The stream's stories as ``group_articles`` (``storyline group``) gives them: the single pass, then the
    lone articles paired (``StoryGrouper.paired``); with ``pair=False`` as the server's stream answers them."""
    grouper = (StoryGrouper if idf else _PlainTF)(GroupingOptions(threshold=threshold))
    for a in stream.articles:
        grouper.add(a)
    return list(grouper.paired({a.id: a for a in stream.articles}) if pair else grouper.stories)


def average_link(stream: Stream, threshold: float) -> list[tuple[str, ...]]:
    """Batch average-link clustering of the articles' TF-IDF vectors (the same terms and weights as the
    grouping, IDF over the whole set), cut where the average cosine falls below ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix

    terms = [article_terms(a) for a in stream.articles]
    vocab = {t: j for j, t in enumerate(sorted({t for tf in terms for t in tf}))}
    df = Counter(t for tf in terms for t in tf)
    n = len(terms)
    rows, cols, vals = [], [], []
    for i, tf in enumerate(terms):
        for t, v in tf.items():
            rows.append(i)
            cols.append(vocab[t])
            vals.append(v * (np.log((n + 1) / (df[t] + 1)) + 1.0))
    m = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    m = csr_matrix(m.multiply(1.0 / np.maximum(norms, 1e-12)[:, None]))
    dist = np.clip(1.0 - (m @ m.T).toarray(), 0.0, 2.0)
    condensed = dist[np.triu_indices(n, 1)]
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[str]] = {}
    for a, lab in zip(stream.articles, labels, strict=True):
        groups.setdefault(int(lab), []).append(a.id)
    return [tuple(g) for g in groups.values()]


Method = Callable[[Stream, float], list[tuple[str, ...]]]
METHODS: dict[str, tuple[Method, str]] = {
    "storyline (single pass)": (single_pass, "stream"),
    "storyline, no pairing (server)": (lambda s, t: single_pass(s, t, pair=False), "stream"),
    "single pass, no IDF": (lambda s, t: single_pass(s, t, idf=False, pair=False), "stream"),
    "average link (batch)": (average_link, "batch"),
}


def run(method: Method, stream: Stream, threshold: float) -> dict[str, float]:
    t = time.process_time()
    groups = method(stream, threshold)
    seconds = time.process_time() - t
    p, r, f = bcubed(groups, stream.truth)
    return {
        "threshold": threshold,
        "precision": p,
        "recall": r,
        "f1": f,
        "stories": len(groups),
        "true_stories": len(set(stream.truth.values())),
        "ms_per_article": 1000 * seconds / max(len(stream.articles), 1),
    }


def benchmark(data: Path, clusters: int, seed: int, progress: Callable[[str], None]) -> dict:
    val = [c.articles for c in load_eval_set(data / VAL).clusters]
    random.Random(seed).shuffle(val)
    tune = make_stream("Multi-News val, tuning half", val[:clusters], seed)
    test = make_stream("Multi-News val, other half", val[clusters : 2 * clusters], seed)
    pages = [c.articles for c in load_eval_set(data / ORIGINAL).clusters]
    original = make_stream("Multi-News original pages", pages, seed)
    curves: dict[str, list[dict[str, float]]] = {}
    chosen: dict[str, float] = {}
    for name, (method, _) in METHODS.items():
        progress(f"grouping: tuning {name} on {len(tune.articles)} articles")
        curves[name] = [run(method, tune, th) for th in GRID]
        chosen[name] = max(curves[name], key=lambda row: row["f1"])["threshold"]
    for name in ("storyline (single pass)", "storyline, no pairing (server)"):
        chosen[name] = GroupingOptions().threshold  # what ships, whatever the grid says
    results = {}
    for stream in (test, original):
        progress(f"grouping: {stream.name}, {len(stream.articles)} articles")
        results[stream.name] = {name: run(m, stream, chosen[name]) for name, (m, _) in METHODS.items()}
    return {"curves": curves, "chosen": chosen, "results": results, "tune": tune.name,
            "sizes": {s.name: len(s.articles) for s in (tune, test, original)}, "seed": seed}


def report(bench: dict, seconds: float, command: str) -> str:
    out = ["# Grouping a stream of articles into stories", "",
           f"`{command}` ({seconds:.0f} s). Multi-News clusters are the stories; each stream is every article of "
           "its clusters in a seeded random order. B-cubed precision / recall / F1 ×100; stories found against "
           "the true number; CPU ms per article (the whole stream over its articles). Thresholds tuned on "
           f"{bench['tune']} ({bench['sizes'][bench['tune']]} articles); storyline's is the shipped default.", ""]
    for name, rows in bench["results"].items():
        out += [f"## {name} ({bench['sizes'][name]} articles, {next(iter(rows.values()))['true_stories']} stories)", "",
                "| method | kind | threshold | B³ precision | B³ recall | B³ F1 | stories | ms/article |",
                "|---|---|---|---|---|---|---|---|"]
        for m, row in rows.items():
            out.append(f"| {m} | {METHODS[m][1]} | {row['threshold']:.2f} | {100 * row['precision']:.1f} | "
                       f"{100 * row['recall']:.1f} | {100 * row['f1']:.1f} | {row['stories']} | "
                       f"{row['ms_per_article']:.2f} |")
        out.append("")
    out += [f"## Tuning curve ({bench['tune']})", "", "| threshold | " + " | ".join(bench["curves"]) + " |",
            "|---|" + "---|" * len(bench["curves"])]
    for i, th in enumerate(GRID):
        out.append(f"| {th:.2f} | " + " | ".join(f"{100 * c[i]['f1']:.1f}" for c in bench["curves"].values()) + " |")
    return "\n".join(out) + "\n"


def plot(bench: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for name, rows in bench["curves"].items():
        ax.plot([r["threshold"] for r in rows], [100 * r["f1"] for r in rows], marker="o", label=name)
    ax.axvline(bench["chosen"]["storyline (single pass)"], color="grey", linestyle=":", label="shipped threshold")
    ax.set_xlabel("threshold (cosine)")
    ax.set_ylabel("B-cubed F1 ×100")
    ax.set_title(f"Grouping into stories: {bench['tune']}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    tmp = path.with_name(path.name + ".tmp.png")
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("benchmarks"))
    ap.add_argument("--clusters", type=int, default=1500, help="clusters in each val half")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    if args.clusters < 1:  # a negative count had sliced off the end: the whole val set, for an hour
        ap.error(f"--clusters must be at least 1 (got {args.clusters})")
    if args.seed < 0:
        ap.error(f"--seed must be 0 or more (got {args.seed})")
    args.out.mkdir(parents=True, exist_ok=True)
    if not (args.data / VAL).exists():
        print(f"grouping: skipped, {args.data / VAL} not found", file=sys.stderr)
        return 0
    t = time.perf_counter()
    bench = benchmark(args.data, args.clusters, args.seed, lambda m: print(m, file=sys.stderr, flush=True))
    command = "python -m storyline.evaluate.grouping " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(bench, time.perf_counter() - t, command.strip())
    write_atomic(args.out / "grouping_results.md", text)
    plot(bench, args.out / "grouping.png")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
