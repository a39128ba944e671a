"""``make bench-fresh``: the default against every baseline on Multi-News *training* clusters that no fit and no
tuning read, to check that its lead on the development sets is not the development sets'.

    .venv/bin/python benchmarks/fresh_train.py [--data ../shared/data] [--out benchmarks] [--n 1000] [--seed 0]
        [--jobs 2] [--memory]

A script beside the package, not in it: it reproduces ``make train``'s split with :mod:`storyline.learn.train`'s
own functions and scores with :mod:`storyline.evaluate`'s, and those two shells of the package do not import each
other (tests/test_layers.py).

Which training clusters ``make train`` uses (:mod:`storyline.learn.train`, ``split_lines``): every cluster of
``multinews/train.jsonl.gz`` whose reference is also a ``dev_original_format`` cluster is dropped (81); of the
rest, ``random.Random(seed).sample`` of ``sample_clusters`` indices (30,000, seed 2019: both read from the shipped
model's metadata here) fits the trees, and *every* cluster left over (14,891) estimates the term lexicon. So no
training cluster is unused: the 81 dropped are development clusters. The freshest there are are the lexicon's
share, less the first ``CHOOSER_CLUSTERS`` of it, which ``benchmarks/chooser_experiment.py`` fitted and chose a
margin on (tried, not shipped). The trees never saw those clusters, but the lexicon counted their references
(each term's weight is a smoothed share over ~15,000 clusters; a rare term's weight can carry one cluster's
reference). So the run scores two defaults: ``default`` (the shipped model) and ``default-unseen``: the same
trees with the lexicon re-estimated, as ``make train`` estimates it, from the lexicon's share *less the sample*;
nothing that made ``default-unseen`` read a sampled cluster's reference. The gap between the two is what the
lexicon's sight of these clusters is worth.

Before sampling, the split is checked against the shipped model (the excluded count, the lexicon's cluster count,
and the lexicon re-estimated from the split equal to the shipped one, term by term); a mismatch stops the run.
A seeded sample of ``--n`` (file order) is scored at 300 words (the Multi-News budget) with the bench's methods and
sumy's peers, paired with ``default`` and ``default-unseen``; a seeded split of it into two halves gives each
half's leads, to show their spread. Writes ``<out>/fresh_train.json`` and ``<out>/fresh_train_results.md``. The
clusters are read from ``--data`` at run time (nothing of their text is kept); without it the command says so and
exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from storyline.errors import EmptyInputError, OptionsError, StorylineError
from storyline.evaluate import report
from storyline.evaluate.datasets import EvalSet
from storyline.evaluate.external import CallableMethod
from storyline.evaluate.peers import SUMY_PEERS
from storyline.evaluate.rouge import aggregate
from storyline.evaluate.runner import ORACLE, Evaluation, MethodResult, check_options, evaluate
from storyline.files import write_atomic
from storyline.ingest import parse_dataset

NAME = "fresh_train"
WORDS = 300  # the Multi-News budget (../shared/data/README.md)
# The first clusters of the lexicon's share, read by benchmarks/chooser_experiment.py (``table --split train
# --n 6000``: it fitted a chooser and picked its margin on them): not fresh.
CHOOSER_CLUSTERS = 6000
UNSEEN = "default-unseen"  # the shipped trees with a lexicon that never counted a sampled cluster
METHODS = ("default", "fast", "lead", "lexrank", "textrank", "centroid", "icsi", "submodular", *SUMY_PEERS, ORACLE)
OURS = ("default", "fast", UNSEEN)  # not baselines


@dataclass(frozen=True)
class TrainingUse:
    """How ``make train`` splits the training file (``learn.train.split_lines``): ``total`` clusters, ``excluded``
    of them dropped as development clusters, the ``scorer`` lines the trees are fitted on and the ``lexicon``
    lines (in file order) the term lexicon is estimated from."""

    total: int
    excluded: int
    scorer: tuple[bytes, ...]
    lexicon: tuple[bytes, ...]

    @property
    def unused(self) -> int:
        """Training clusters neither dropped as development clusters nor read by the trees or the lexicon."""
        return self.total - self.excluded - len(self.scorer) - len(self.lexicon)


def training_use(data: Path, clusters: int, seed: int) -> TrainingUse:
    """The split ``make train --clusters CLUSTERS --seed SEED`` makes of ``data``'s training file."""
    from storyline.learn.train import TRAIN_FILE, held_out_keys, split_lines

    scorer, rest, excluded = split_lines(Path(data) / TRAIN_FILE, clusters, seed, held_out_keys(Path(data)))
    return TrainingUse(len(scorer) + len(rest) + excluded, excluded, tuple(scorer), tuple(rest))


def fresh_pool(use: TrainingUse) -> tuple[bytes, ...]:
    """The training clusters no fit of the trees and no tuning read: the lexicon's share less the chooser
    experiment's (``CHOOSER_CLUSTERS``). Every other cluster is development, tree-fitted or chooser data."""
    return use.lexicon[CHOOSER_CLUSTERS:]


def draw(pool: Sequence[bytes], n: int, seed: int) -> tuple[bytes, ...]:
    """A seeded sample of ``n`` lines of ``pool`` (all of them when it holds fewer), kept in pool order."""
    if n < 1:
        raise OptionsError(f"--n must be a number of clusters of at least 1, not {n}")
    pick = set(random.Random(seed).sample(range(len(pool)), min(n, len(pool))))
    return tuple(ln for i, ln in enumerate(pool) if i in pick)


def halves(ids: Sequence[str], seed: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``ids`` split at random (seeded) into two halves, each kept in the order of ``ids``."""
    order = list(range(len(ids)))
    random.Random(seed).shuffle(order)
    first = set(order[: len(ids) // 2])
    return (tuple(c for i, c in enumerate(ids) if i in first), tuple(c for i, c in enumerate(ids) if i not in first))


def unseen_model(model_path: Path, lexicon_lines: Sequence[bytes], sample: Sequence[bytes], out: Path) -> Path:
    """The model at ``model_path`` with its term lexicon re-estimated from ``lexicon_lines`` less ``sample``
    (as ``make train`` estimates it), written to ``out``."""
    from storyline.learn.train import estimate_lexicon, segmented_as_fitted

    held = set(sample)
    with segmented_as_fitted(short=False):
        lexicon = estimate_lexicon([ln for ln in lexicon_lines if ln not in held])
    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    model["lexicon"] = lexicon.to_json()
    write_atomic(out, json.dumps(model, separators=(",", ":")))
    return out


def check_split(use: TrainingUse, model_path: Path) -> list[str]:
    """What of ``use`` disagrees with the model at ``model_path`` (empty: the split is the one it was trained on):
    the excluded and lexicon cluster counts of its metadata, and its lexicon re-estimated from the split."""
    from storyline.learn.train import estimate_lexicon, segmented_as_fitted

    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    meta = model.get("meta", {})
    wrong = []
    if meta.get("held_out_clusters") != use.excluded:
        wrong.append(f"{use.excluded} development clusters dropped, the model says {meta.get('held_out_clusters')}")
    if meta.get("lexicon_clusters") != len(use.lexicon):
        wrong.append(f"{len(use.lexicon)} lexicon clusters, the model says {meta.get('lexicon_clusters')}")
    with segmented_as_fitted(short=False):
        lexicon = estimate_lexicon(use.lexicon)
    if lexicon.to_json() != model.get("lexicon"):
        wrong.append("the lexicon re-estimated from the split differs from the model's")
    return wrong


def summarize_with_model(model_path: str, documents: list[str], words: int) -> str:
    """The default method's summary text of raw ``documents`` in ``words`` words, scored by the model at
    ``model_path`` (the path ``storyline eval`` takes for ``default``: load, clean, cluster, select, attribute)."""
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import attribute
    from storyline.methods.default import Default

    selector = Default()
    selector.model_path = model_path
    try:
        cluster = make_cluster(load_articles(documents, strict=False))
    except EmptyInputError:
        return ""  # every article was page clutter, as runner.summarize_with scores it
    return " ".join(s.text for s in attribute(cluster, selector.select(cluster, words)))


def subset(ev: Evaluation, ids: Sequence[str]) -> Evaluation:
    """``ev`` restricted to the clusters ``ids`` (aggregates and intervals recomputed with ``ev``'s seed)."""
    keep = set(ids)
    runs = tuple(r for r in ev.per_cluster if r.id in keep)
    results = tuple(
        replace(
            r,
            scores=aggregate([run.scores[r.method] for run in runs], seed=ev.seed),
            seconds=tuple(run.seconds[r.method] for run in runs),
        )
        for r in ev.results
    )
    return replace(
        ev,
        ids=tuple(r.id for r in runs),
        cluster_words=tuple(r.words for r in runs),
        results=results,
        per_cluster=runs,
        digest="",
    )


def standing(ev: Evaluation, mine: str) -> dict[str, Any]:
    """``mine``'s lead over the best baseline on R1 and on R2 (every method but ``OURS`` and the oracle), paired
    by cluster: ``{"rouge1": {"best": METHOD, "score": .., "lead": .., "ci95": [..], "ahead": ..}, ...}``."""
    rows = {r["method"]: r for r in report.paired_rows(ev, mine)}
    scores = {r.method: r for r in ev.results}
    base = [m for m in rows if m not in OURS]
    out: dict[str, Any] = {"method": mine}
    for metric in report.PAIRED_METRICS:
        best = max(base, key=lambda m: scores[m].scores[metric].mean)
        out[metric] = {"best": best, "score": round(100 * scores[best].scores[metric].mean, 2), **rows[best][metric]}
    return out


def _result(r: MethodResult) -> tuple[str, float, float]:
    return r.method, 100 * r.scores["rouge1"].mean, 100 * r.scores["rouge2"].mean


def results_markdown(d: dict[str, Any]) -> str:
    """The Markdown report of a ``fresh_train.json`` dictionary."""
    split = d["split"]
    lines = [
        "# The default on Multi-News training clusters nothing was fitted or tuned on\n\n",
        f"`{d['command']}` — {d['date']}, wall {d['wall_seconds']:.0f} s, tree `{d.get('git', '')}`, "
        f"`{d['ids_sha256'][:12]}` (sha256 of the cluster ids)\n\n",
        f"`make train`'s split of the {split['total']:,} training clusters (checked against the shipped model: "
        f"{'the same' if not split['mismatch'] else '; '.join(split['mismatch'])}): {split['excluded']} dropped as "
        f"development clusters, {split['scorer']:,} for the trees, {split['lexicon']:,} for the lexicon; "
        f"{split['unused']} unused. Drawn from the lexicon's share less the {split['chooser']:,} the chooser "
        f"experiment read ({split['pool']:,} clusters): {d['clusters']:,} clusters, seed {d['seed']}, at "
        f"{d['words']} words. `{UNSEEN}`: the shipped trees with the lexicon re-estimated without the sample.\n\n",
        report.markdown_table(d),
        "\n## The default's lead over the best baseline, paired by cluster\n\n",
        "| clusters | method | best baseline R1: lead [95% CI] | best baseline R2: lead [95% CI] |\n",
        "|---|---|---|---|\n",
    ]
    for label, part in [("all", d), *(
        (f"half {k + 1}", h) for k, h in enumerate(d.get("halves", []))
    )]:
        for s in part["standing"]:
            cells = [f"{s[m]['best']} {s[m]['score']:.2f}: {report.lead_cell(s[m])}" for m in report.PAIRED_METRICS]
            lines.append(f"| {label} ({part['clusters']}) | {s['method']} | {cells[0]} | {cells[1]} |\n")
    return "".join(lines)


def run(data: Path, *, n: int, seed: int, jobs: int, memory: bool, command: str,
        progress: Callable[[int], Callable[[int], None]] | None = None,
        model_path: Path | None = None) -> dict[str, Any] | None:
    """The whole benchmark; returns the report's dictionary (``None``: no training file under ``data``).
    ``progress(total)`` makes the callback told of each cluster done."""
    from storyline.learn.train import TRAIN_FILE
    from storyline.methods.learned import default_model_path

    if not (Path(data) / TRAIN_FILE).exists():
        return None
    model_path = Path(model_path or default_model_path())
    meta = json.loads(model_path.read_text(encoding="utf-8")).get("meta", {})
    t0 = time.time()
    use = training_use(data, int(meta.get("sample_clusters", 30000)), int(meta.get("seed", 2019)))
    mismatch = check_split(use, model_path)
    if mismatch:
        raise StorylineError(f"{model_path}: not trained on this split ({'; '.join(mismatch)})")
    pool = fresh_pool(use)
    sample = draw(pool, n, seed)
    clusters = tuple(parse_dataset(b"\n".join(sample), "train.jsonl", need_summaries=True))
    eval_set = EvalSet(NAME, clusters)
    _say(f"{NAME}: {use.unused} training clusters unused; {len(clusters)} drawn from {len(pool)} (the lexicon's share "
         f"less the chooser experiment's); lexicon re-estimated without them ...")
    with tempfile.TemporaryDirectory(prefix="storyline-fresh-") as tmp:
        unseen = unseen_model(model_path, use.lexicon, sample, Path(tmp) / "unseen.json")
        method = CallableMethod(UNSEEN, partial(summarize_with_model, str(unseen)))
        _say(f"{NAME}: {len(clusters)} clusters x {len(METHODS) + 1} methods ...")
        ev = evaluate(eval_set, METHODS, WORDS, external=[method], seed=seed, jobs=jobs, memory=memory,
                      progress=progress(len(clusters)) if progress else None)
    first, second = halves(ev.ids, seed)
    parts = [subset(ev, first), subset(ev, second)]
    d = report.to_dict(ev)
    d["results"] = [dict(r, **({"from": "the shipped trees, the lexicon re-estimated without the sample"}
                               if r["method"] == UNSEEN else {})) for r in d["results"]]
    d.update(
        {
            "standing": [standing(ev, "default"), standing(ev, UNSEEN)],
            "halves": [
                {"clusters": len(p.ids), "ids_sha256": _digest(p.ids), "standing": [standing(p, "default"),
                                                                                    standing(p, UNSEEN)]}
                for p in parts
            ],
            "split": {
                "total": use.total, "excluded": use.excluded, "scorer": len(use.scorer), "lexicon": len(use.lexicon),
                "unused": use.unused, "chooser": CHOOSER_CLUSTERS, "pool": len(pool), "mismatch": mismatch,
                "model_seed": meta.get("seed"), "model_sample_clusters": meta.get("sample_clusters"),
            },
            "command": command,
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "wall_seconds": round(time.time() - t0, 1),
            "jobs": jobs,
            "git": _git_state(),
        }
    )
    return d


def _digest(ids: Sequence[str]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def _git_state() -> str:
    from storyline.evaluate.bench import _git_state as state

    return state()


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _progress(total: int, every: int = 50) -> Callable[[int], None]:
    """A bar on a terminal; elsewhere (a log) a line every ``every`` clusters with the time left."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(total=total, unit="cluster", file=sys.stderr).update  # type: ignore[no-any-return]
    start, done = time.time(), [0]

    def step(k: int) -> None:
        done[0] += k
        if done[0] % every == 0 or done[0] == total:
            spent = time.time() - start
            left = spent / done[0] * (total - done[0])
            _say(f"{NAME}: {done[0]}/{total} clusters, {spent:.0f} s, about {math.ceil(left)} s left")

    return step


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="benchmarks/fresh_train.py", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="benchmarks")
    ap.add_argument("--n", type=int, default=1000, help="clusters to draw (all of the pool when it holds fewer)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the sample, the halves and the bootstrap")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--memory", action="store_true", help="also run the peak-memory pass (off: the bench has it)")
    args = ap.parse_args(argv)
    try:
        check_options(WORDS, jobs=args.jobs, seed=args.seed)
        if args.n < 1:
            raise OptionsError(f"--n must be a number of clusters of at least 1, not {args.n}")
    except OptionsError as exc:
        print(f"fresh: {exc}", file=sys.stderr)
        return 2
    command = (f"python benchmarks/fresh_train.py --data {args.data} --out {args.out} --n {args.n} "
               f"--seed {args.seed} --jobs {args.jobs}{' --memory' if args.memory else ''}")
    out = Path(args.out)
    try:
        d = run(Path(args.data), n=args.n, seed=args.seed, jobs=args.jobs, memory=args.memory, command=command,
                progress=_progress)
    except StorylineError as exc:
        print(f"fresh: {exc}", file=sys.stderr)
        return 1
    if d is None:
        print(f"fresh: skipped: {Path(args.data) / 'multinews/train.jsonl.gz'} is absent "
              "(the training data lives in ../shared/data)", file=sys.stderr)
        return 0
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(out / f"{NAME}.json", json.dumps(d, indent=2, ensure_ascii=False) + "\n")
    write_atomic(out / f"{NAME}_results.md", results_markdown(d))
    for s in d["standing"]:
        _say(f"{NAME}: {s['method']}: " + ", ".join(
            f"{m} {s[m]['lead']:+.2f} [{s[m]['ci95'][0]:+.2f}, {s[m]['ci95'][1]:+.2f}] over {s[m]['best']}"
            for m in report.PAIRED_METRICS))
    _say(f"{NAME}: done in {d['wall_seconds']:.0f} s; see {out / (NAME + '_results.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
