"""Quick dev scoring of the selection methods against the classical baselines (not a test).

    .venv/bin/python benchmarks/methods_dev.py original         # dev_original_format, 92 clusters, 300 words
    .venv/bin/python benchmarks/methods_dev.py duc              # DUC 2003 task 2, 9 clusters, 100 words
    .venv/bin/python benchmarks/methods_dev.py val --n 300      # seeded sample of Multi-News val, 300 words

Scoring follows ../shared/data/README.md: rouge-score with the Porter stemmer, F1 x100, references
averaged, every output cut to the same word budget. The sumy peers get the same cleaned articles,
segmented by our segmenter, and are cut to the same budget. Times are per cluster, from raw text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from rouge_score import rouge_scorer

from storyline.api import load_articles, make_cluster
from storyline.errors import EmptyInputError
from storyline.ingest import read_dataset
from storyline.methods import get
from storyline.model import Cluster
from storyline.segment import split_spans

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {
    "original": ("multinews/dev_original_format.jsonl", 300),
    "duc": ("duc2003/task2_clean.jsonl", 100),
    "val": ("multinews/val.jsonl.gz", 300),
    "multiling": ("multiling2011_en/test.jsonl", 250),
}
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def cut(sentences: list[str], budget: int) -> str:
    """One sentence per line (for rougeLsum), cut to ``budget`` whitespace words."""
    out, used = [], 0
    for s in sentences:
        w = s.split()
        if used + len(w) > budget:
            w = w[: budget - used]
        if w:
            out.append(" ".join(w))
        used += len(w)
        if used >= budget:
            break
    return "\n".join(out)


def score(summary: str, refs: tuple[str, ...]) -> dict[str, float]:
    acc: dict[str, float] = {}
    for ref in refs:
        ref_lines = "\n".join(ref[a:b] for a, b in split_spans(ref))
        for k, v in SCORER.score(ref_lines, summary).items():
            acc[k + "_f"] = acc.get(k + "_f", 0.0) + 100 * v.fmeasure / len(refs)
            acc[k + "_r"] = acc.get(k + "_r", 0.0) + 100 * v.recall / len(refs)
    return acc


class _Tok:
    """The tokenizer object sumy's PlaintextParser wants, without NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph[a:b] for a, b in split_spans(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        import re

        return re.findall(r"\w+", sentence)


def add_mean(totals: dict[str, float], scores: dict[str, float], n: int) -> None:
    """Accumulate one cluster's scores into a running mean over ``n`` clusters."""
    for k, v in scores.items():
        totals[k] = totals.get(k, 0.0) + v / n


def row(name: str, totals: dict[str, float], width: int, extra: str = "") -> str:
    return (f"{name:{width}s} {totals['rouge1_f']:6.2f} {totals['rouge2_f']:6.2f} {totals['rougeLsum_f']:6.2f} "
            f"{totals['rouge2_r']:6.2f}{extra}")


def sumy_peer(name: str):  # type: ignore[no-untyped-def]
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.utils import get_stop_words

    cls = {"sumy-lexrank": LexRankSummarizer, "sumy-sumbasic": SumBasicSummarizer}[name]
    s = cls(Stemmer("english"))
    s.stop_words = get_stop_words("english")
    return s


def cluster_of(docs) -> Cluster:  # type: ignore[no-untyped-def]
    """The cleaned cluster of a dataset entry; an empty one when every article was page clutter (its
    summary is then empty and scored as such, as ``storyline eval`` does)."""
    try:
        return make_cluster(load_articles(docs.articles, strict=False))
    except EmptyInputError:
        return Cluster(articles=(), sentences=())


def run_sumy(name: str, docs, budget: int) -> list[str]:  # type: ignore[no-untyped-def]
    from sumy.parsers.plaintext import PlaintextParser

    try:
        arts = load_articles(docs.articles, strict=False)
    except EmptyInputError:
        return []
    text = "\n\n".join(a.text for a in arts)
    doc = PlaintextParser.from_string(text, _Tok()).document
    summarizer = sumy_peer(name)

    def take(infos):  # type: ignore[no-untyped-def]
        out, used = [], 0
        for i in infos:
            out.append(i)
            used += len(str(i.sentence).split())
            if used >= budget:
                break
        return out

    return [str(s) for s in summarizer(doc, take)]


def run_ours(method: str, docs, budget: int) -> list[str]:  # type: ignore[no-untyped-def]
    cluster = cluster_of(docs)
    if method == "blend":
        from storyline.methods.default import Blend

        return [s.text for s in Blend().select(cluster, budget)]
    return [s.text for s in get(method).select(cluster, budget)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", choices=SETS)
    ap.add_argument("--n", type=int, default=0, help="seeded sample size (0: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--model", help="scorer JSON for the default method (else the shipped one)")
    ap.add_argument("--redundancy", type=float, help="override the default method's redundancy cap")
    ap.add_argument("--dangling", type=float, help="override the default method's dangling penalty")
    ap.add_argument("--methods", default="lead,lexrank,textrank,centroid,fast,default,sumy-lexrank,sumy-sumbasic")
    args = ap.parse_args()
    rel, budget = SETS[args.dataset]
    from dataclasses import replace

    from storyline.methods.default import Default

    if args.model:
        Default.model_path = args.model
    if args.redundancy is not None:
        Default.policy = replace(Default.policy, redundancy=args.redundancy)
    if args.dangling is not None:
        Default.policy = replace(Default.policy, dangling_penalty=args.dangling)
    clusters = list(read_dataset(DATA / rel, need_summaries=True))
    if args.n and args.n < len(clusters):
        clusters = random.Random(args.seed).sample(clusters, args.n)
    print(f"{args.dataset}: {len(clusters)} clusters, {budget} words", file=sys.stderr)
    header = f"{'method':15s} {'R1':>6s} {'R2':>6s} {'RLs':>6s} {'R2rec':>6s} {'med s':>7s}"
    print(header)
    for m in args.methods.split(","):
        totals: dict[str, float] = {}
        times = []
        for docs in clusters:
            t0 = time.perf_counter()
            sents = run_sumy(m, docs, budget) if m.startswith("sumy") else run_ours(m, docs, budget)
            times.append(time.perf_counter() - t0)
            add_mean(totals, score(cut(sents, budget), docs.summaries), len(clusters))
        print(row(m, totals, 15, f" {statistics.median(times):7.4f}"), flush=True)


if __name__ == "__main__":
    main()
