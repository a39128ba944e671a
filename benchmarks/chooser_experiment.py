"""A learned chooser among several selections per cluster (a summary-level reranker), measured.

    .venv/bin/python benchmarks/chooser_experiment.py table --split train --n 6000 --budgets 100,300  # ~7 min, 2 jobs
    .venv/bin/python benchmarks/chooser_experiment.py table --split original        # and val, duc, multiling, neus
    .venv/bin/python benchmarks/chooser_experiment.py report --subsets 0+1+2+7 [--objective lambdarank]

For each cluster the default method's pipeline makes K candidate summaries (``SETTINGS``: the coverage
selection's quality weight, concept threshold and redundancy caps varied, the other ensemble's scores, the
default's scores plus a share of ``fast``'s), each described by reference-free summary-level features
(``summary_features``: the learned scores of the chosen sentences, the weighted concepts they cover, their
redundancy, positions, the share of articles they draw on, the words used, the setting, and each candidate's
consensus with the others, as in minimum-Bayes-risk reranking). A LightGBM
regressor fitted on Multi-News *training* clusters (those the sentence scorer's trees were not fitted on:
the lexicon's share of ``learn.train.split_lines``) predicts each candidate's ROUGE ((R1 + R2) / 2 F1)
relative to the mean of its cluster's candidates; the chooser takes the best predicted candidate, or keeps
the default's unless another is predicted to be ahead by a margin (chosen on two folds of the training
clusters, never on the development sets). ``report`` prints, per development set, the default, the chooser and
the oracle ceiling (the best candidate by R1 + R2, read from the references), as means over the clusters with
two sentences or more (``storyline eval`` also counts the others, as 0: multiply by kept / all to compare with
its figures), and the cost of the settings against the default's selection alone.

Tables are cached under ``--cache`` (default /tmp/chooser). Reads ../shared/data; exits with a message when
it is absent. The result is recorded in docs/method-history.md (fifteenth round, tried and not shipped).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from scipy import sparse

from storyline.api import load_articles, make_cluster
from storyline.errors import EmptyInputError
from storyline.evaluate.rouge import score_summary
from storyline.ingest import parse_dataset, read_dataset
from storyline.methods.coverage import CoveragePolicy, concept_pairs, coverage_fill
from storyline.methods.default import Default, _unit, position, term_support
from storyline.methods.features import sentence_features
from storyline.methods.learned import load_model
from storyline.model import Cluster
from storyline.represent import vectors

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {
    "original": ("multinews/dev_original_format.jsonl", 300, 0),
    "val": ("multinews/val.jsonl.gz", 300, 300),  # the first 300 clusters, as `storyline eval --limit 300`
    "duc": ("duc2003/task2_clean.jsonl", 100, 0),
    "multiling": ("multiling2011_en/test.jsonl", 250, 0),
    "neus": ("neus_allsides/val.jsonl", 60, 0),
}
BASE = Default.coverage or CoveragePolicy()


@dataclass(frozen=True)
class Setting:
    name: str
    policy: CoveragePolicy
    scores: str = "own"  # own: the ensemble for the budget; other: the other ensemble; fast: own + 0.15 fast


SETTINGS = (
    Setting("default", BASE),
    Setting("quality 1.5", replace(BASE, quality=1.5)),
    Setting("quality 6", replace(BASE, quality=6.0)),
    Setting("concepts from 3 articles", replace(BASE, min_articles=3)),
    Setting("redundancy 0.35, containment 0.35", replace(BASE, redundancy=0.35, containment=0.35)),
    Setting("quality 0.5", replace(BASE, quality=0.5)),
    Setting("other ensemble", BASE, "other"),
    Setting("+0.15 fast scores", BASE, "fast"),
    Setting("min words 12", replace(BASE, min_words=12)),
)
K = len(SETTINGS)
SUMMARY_FEATURES = (
    "concepts",
    "concepts_share",
    "score_mean",
    "score_sum",
    "objective",
    "words_share",
    "sentences",
    "mean_index",
    "first_share",
    "max_index",
    "articles_share",
    "redundancy_max",
    "redundancy_mean",
    "centroid_cos",
    "fast_mean",
    "overlap_default",
    "mean_words",
    "lead_cover",
    "js_cluster",
    "js_leads",
    "lead_terms_recall",
    "lead_concepts_recall",
    "terms_support",
    "consensus_terms",
    "consensus_concepts",
)
CLUSTER_FEATURES = ("budget", "articles", "log_sentences", "log_words")


def cluster_of(docs) -> Cluster:  # type: ignore[no-untyped-def]
    try:
        return make_cluster(load_articles(docs.articles, strict=False))
    except EmptyInputError:
        return Cluster(articles=(), sentences=())


def candidates(cluster: Cluster, budget: int) -> tuple[list[list[int]], np.ndarray, np.ndarray, float, float]:
    """The K candidates (sentence numbers), their summary features, the cluster features, and the time of
    the default's selection alone and of all K (seconds)."""
    t0 = time.perf_counter()
    vecs = vectors(cluster)
    model = load_model(None)
    assert model is not None, "the shipped scorer is needed"
    feats = sentence_features(cluster, vecs, model.lexicon)
    own = model.for_budget(budget).predict(feats)
    index = {id(s): k for k, s in enumerate(cluster.sentences)}
    first = [index[id(s)] for s in coverage_fill(cluster, vecs, own, budget, BASE)]
    t_default = time.perf_counter() - t0
    other = model.for_budget(100 if budget >= 150 else 300).predict(feats)
    fast = _unit(0.5 * _unit(term_support(cluster, vecs)) + 0.5 * position(cluster))
    scores = {"own": own, "other": other, "fast": own + 0.15 * fast}
    chosen = [first]
    for s in SETTINGS[1:]:
        chosen.append([index[id(x)] for x in coverage_fill(cluster, vecs, scores[s.scores], budget, s.policy)])
    t_all = time.perf_counter() - t0
    return (
        chosen,
        summary_features(cluster, vecs, chosen, own, fast, budget),
        cluster_features(cluster, budget),
        t_default,
        t_all,
    )


def cluster_features(cluster: Cluster, budget: int) -> np.ndarray:
    n_words = sum(len(s.text.split()) for s in cluster.sentences)
    return np.array([budget, len(cluster.kept_ids), np.log1p(len(cluster.sentences)), np.log1p(n_words)])


def summary_features(cluster, vecs, chosen, own, fast, budget) -> np.ndarray:  # type: ignore[no-untyped-def]
    rows, cols, weight = concept_pairs(cluster, vecs, BASE.min_articles)
    bounds = np.searchsorted(rows, np.arange(len(cluster.sentences) + 1))
    lengths = vecs.words.astype(float)
    total_w = float(weight.sum()) or 1.0
    n_art = max(1, len(cluster.kept_ids))
    matrix = vecs.matrix
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    cnorm = np.linalg.norm(centroid) or 1.0
    base = set(chosen[0])
    leads = {s.article for s in cluster.sentences if s.index == 0}
    # the sentences' term counts; the cluster's and its articles' first three sentences' (a pseudo-reference)
    t_rows, t_cols, t_tf = vecs.cells
    counts = sparse.csr_matrix((t_tf.astype(float), (t_rows, t_cols)), shape=(len(cluster.sentences), len(vecs.vocab)))
    lead_rows = np.array([s.index < 3 for s in cluster.sentences])
    all_counts = np.asarray(counts.sum(axis=0)).ravel()
    lead_counts = np.asarray(counts[lead_rows].sum(axis=0)).ravel()
    term_w = vecs.article_df / n_art
    lead_terms = lead_counts > 0
    lead_concepts = np.unique(cols[np.isin(rows, np.flatnonzero(lead_rows))])
    lead_cw = float(weight[lead_concepts].sum()) or 1.0
    out = []
    for ch in chosen:
        if not ch:
            out.append(np.zeros(len(SUMMARY_FEATURES)))
            continue
        idx = np.asarray(ch)
        covered = np.unique(np.concatenate([cols[bounds[i] : bounds[i + 1]] for i in ch]))
        cov = float(weight[covered].sum())
        words = float(lengths[idx].sum())
        ssum = float((own[idx] * lengths[idx]).sum())
        pos = np.array([cluster.sentences[i].index for i in ch], dtype=float)
        arts = {cluster.sentences[i].article for i in ch}
        if len(ch) > 1:
            sims = np.array([vecs.cosines(i)[idx] for i in ch])
            np.fill_diagonal(sims, 0.0)
            rmax, rmean = float(sims.max()), float(sims.max(axis=1).mean())
        else:
            rmax = rmean = 0.0
        vec = np.asarray(matrix[idx].sum(axis=0)).ravel()
        vnorm = np.linalg.norm(vec) or 1.0
        out.append(
            np.array(
                [
                    cov,
                    cov / total_w,
                    ssum / max(words, 1.0),
                    ssum,
                    cov + BASE.quality * ssum,
                    words / budget,
                    len(ch),
                    pos.mean(),
                    float((pos == 0).mean()),
                    pos.max(),
                    len(arts) / n_art,
                    rmax,
                    rmean,
                    float(vec @ centroid) / (vnorm * cnorm),
                    float(fast[idx].mean()),
                    len(base & set(ch)) / max(len(base | set(ch)), 1),
                    words / len(ch),
                    len({cluster.sentences[i].article for i in ch if cluster.sentences[i].index == 0})
                    / max(len(leads), 1),
                    *_summary_terms(
                        counts,
                        idx,
                        all_counts,
                        lead_counts,
                        term_w,
                        lead_terms,
                        covered,
                        lead_concepts,
                        weight,
                        lead_cw,
                    ),
                ]
            )
        )
    return np.concatenate([np.array(out), _consensus(counts, chosen, cols, bounds)], axis=1)


def _consensus(counts, chosen, cols, bounds) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Minimum-Bayes-risk features (Kumar & Byrne, 2004): each candidate's mean F1 against the other
    candidates, over term counts and over the concepts (bigrams) it covers."""
    k = len(chosen)
    terms = [np.asarray(counts[ch].sum(axis=0)).ravel() if ch else np.zeros(counts.shape[1]) for ch in chosen]
    sets = [
        set(np.concatenate([cols[bounds[i] : bounds[i + 1]] for i in ch]).tolist()) if ch else set() for ch in chosen
    ]
    out = np.zeros((k, 2))
    for a in range(k):
        f_t, f_c = [], []
        for b in range(k):
            if a == b:
                continue
            both = float(np.minimum(terms[a], terms[b]).sum())
            f_t.append(2 * both / (float(terms[a].sum() + terms[b].sum()) or 1.0))
            f_c.append(2 * len(sets[a] & sets[b]) / (len(sets[a]) + len(sets[b]) or 1))
        out[a] = (np.mean(f_t), np.mean(f_c)) if f_t else (0.0, 0.0)
    return out


def _js(p: np.ndarray, q: np.ndarray) -> float:
    """Jensen-Shannon divergence of two count vectors (as distributions), in bits."""
    p = p / (p.sum() or 1.0)
    q = q / (q.sum() or 1.0)
    m = (p + q) / 2

    def kl(a: np.ndarray) -> float:
        nz = a > 0
        return float((a[nz] * np.log2(a[nz] / m[nz])).sum())

    return (kl(p) + kl(q)) / 2


def _summary_terms(
    counts, idx, all_counts, lead_counts, term_w, lead_terms, covered, lead_concepts, weight, lead_cw
) -> list[float]:  # type: ignore[no-untyped-def]
    mine = np.asarray(counts[idx].sum(axis=0)).ravel()
    has = mine > 0
    return [
        _js(mine, all_counts),
        _js(mine, lead_counts),
        float(term_w[has & lead_terms].sum() / (term_w[lead_terms].sum() or 1.0)),
        float(weight[np.intersect1d(covered, lead_concepts)].sum() / lead_cw),
        float(term_w[has].sum() / (term_w.sum() or 1.0)),
    ]


def _work(job: tuple[bytes | None, int, list[int]]) -> dict | None:
    line, budget, _ = job
    docs = next(iter(parse_dataset(line, "x.jsonl", need_summaries=True)))  # type: ignore[arg-type]
    return _one(docs, budget)


def _one(docs, budget: int) -> dict | None:  # type: ignore[no-untyped-def]
    cluster = cluster_of(docs)
    if len(cluster.sentences) < 2:
        return None
    chosen, sf, cf, t_def, t_all = candidates(cluster, budget)
    r1, r2, r2rec = [], [], []
    for ch in chosen:
        ordered = sorted(ch, key=lambda i: (cluster.sentences[i].article, cluster.sentences[i].index))
        text = " ".join(cluster.sentences[i].text for i in ordered)
        s = score_summary(text, docs.summaries, budget, lsum=False)
        r1.append(s["rouge1"])
        r2.append(s["rouge2"])
        r2rec.append(s["rouge2_recall"])
    return {"sf": sf, "cf": cf, "r1": r1, "r2": r2, "r2rec": r2rec, "t": (t_def, t_all)}


def _store(results: list[dict | None], path: Path) -> None:
    res = [r for r in results if r is not None]
    np.savez(
        path,
        sf=np.stack([r["sf"] for r in res]),
        cf=np.stack([r["cf"] for r in res]),
        r1=np.array([r["r1"] for r in res]),
        r2=np.array([r["r2"] for r in res]),
        r2rec=np.array([r["r2rec"] for r in res]),
        t=np.array([r["t"] for r in res]),
    )
    print(f"{path}: {len(res)} clusters", file=sys.stderr)


def table(args: argparse.Namespace) -> None:
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.split == "train":
        from storyline.learn.train import TRAIN_FILE, held_out_keys, split_lines

        _, rest, _ = split_lines(DATA / TRAIN_FILE, 30000, 2019, held_out_keys(DATA))  # as `make train` splits
        lines = rest[: args.n]
        for budget in (int(b) for b in args.budgets.split(",")):
            with Pool(args.jobs) as pool:
                res = pool.map(_work, [(ln, budget, []) for ln in lines], chunksize=8)
            _store(res, args.cache / f"train-{budget}.npz")
        return
    rel, budget, limit = SETS[args.split]
    docs = list(read_dataset(DATA / rel, need_summaries=True))
    if limit:
        docs = docs[:limit]
    _store([_one(d, budget) for d in docs], args.cache / f"{args.split}.npz")


def design(d: dict) -> np.ndarray:
    """Rows (cluster x candidate) of: the setting (one-hot), the summary features, the same less their
    cluster's mean over candidates, and the cluster features."""
    sf, cf = d["sf"], d["cf"]
    n = sf.shape[0]
    rel = sf - sf.mean(axis=1, keepdims=True)
    onehot = np.broadcast_to(np.eye(K), (n, K, K))
    cfk = np.broadcast_to(cf[:, None, :], (n, K, cf.shape[1]))
    return np.concatenate([onehot, sf, rel, cfk], axis=2).reshape(n * K, -1)


def target(d: dict) -> np.ndarray:
    y = (d["r1"] + d["r2"]) / 2
    return (y - y.mean(axis=1, keepdims=True)).ravel()


OBJECTIVE = "regression"  # or "lambdarank" (--objective)


def fit(train: list[dict], settings: list[int], seed: int = 2019):  # type: ignore[no-untyped-def]
    import lightgbm as lgb

    x = np.concatenate(
        [design(d).reshape(d["sf"].shape[0], K, -1)[:, settings].reshape(-1, design(d).shape[1]) for d in train]
    )
    params = {
        "objective": OBJECTIVE,
        "learning_rate": 0.05,
        "num_leaves": 15,
        "min_data_in_leaf": 50,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "num_threads": 1,
        "seed": seed,
        "verbose": -1,
    }
    if OBJECTIVE == "lambdarank":
        # graded relevance: each candidate's rank within its cluster (0 = worst), ties sharing the lower rank
        rel = np.concatenate([_rel(d, settings) for d in train])
        y = np.stack([np.searchsorted(np.sort(r), r) for r in rel]).ravel()
        params |= {"label_gain": list(range(len(settings))), "lambdarank_truncation_level": len(settings)}
        ds = lgb.Dataset(x, y, group=[len(settings)] * rel.shape[0])
    else:
        ds = lgb.Dataset(x, np.concatenate([_rel(d, settings).ravel() for d in train]))
    return lgb.train(params, ds, num_boost_round=300)


def _rel(d: dict, settings: list[int]) -> np.ndarray:
    y = ((d["r1"] + d["r2"]) / 2)[:, settings]
    return y - y.mean(axis=1, keepdims=True)


def choose(booster, d: dict, settings: list[int], margin: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    n = d["sf"].shape[0]
    x = design(d).reshape(n, K, -1)[:, settings].reshape(n * len(settings), -1)
    p = booster.predict(x).reshape(n, len(settings))
    best = p.argmax(axis=1)
    keep = p[np.arange(n), best] - p[:, 0] < margin  # settings[0] is the default
    return np.where(keep, 0, best)


def report(args: argparse.Namespace) -> None:
    budgets = [int(b) for b in args.budgets.split(",")]
    train = [dict(np.load(args.cache / f"train-{b}.npz")) for b in budgets]
    subsets = {"all": list(range(K))}
    for spec in args.subsets:
        subsets[spec] = [int(k) for k in spec.split("+")]
    print(f"training clusters: {[d['sf'].shape[0] for d in train]} at budgets {budgets}; K = {K}")
    for k, s in enumerate(SETTINGS):
        print(f"  setting {k}: {s.name}")
    for name, settings in subsets.items():
        # the margin is chosen on held-out training clusters (two folds), never on the development sets
        folds = [
            ({k: v[: len(v) // 2] for k, v in d.items()}, {k: v[len(v) // 2 :] for k, v in d.items()}) for d in train
        ]
        margins = (0.0, 0.0025, 0.005, 0.01)
        gain = dict.fromkeys(margins, 0.0)
        for a, b in ((0, 1), (1, 0)):
            booster = fit([f[a] for f in folds], settings)
            for m in margins:
                for f in folds:
                    held = f[b]
                    pick = choose(booster, held, settings, m)
                    y = ((held["r1"] + held["r2"]) / 2)[:, settings]
                    gain[m] += float((y[np.arange(len(pick)), pick] - y[:, 0]).mean())
        margin = max(margins, key=lambda m: gain[m])
        booster = fit(train, settings)
        print(
            f"\n== settings {name} {settings}; margin {margin} (training folds' gain in (R1+R2)/2 x100: "
            + ", ".join(f"{m}: {100 * g / 2 / len(train):+.3f}" for m, g in gain.items())
            + ")"
        )
        print(
            f"{'set':10s} {'n':>4s} {'default R1/R2':>14s} {'chooser R1/R2':>14s} {'oracle R1/R2':>14s} "
            f"{'R2rec def/ch':>13s} {'switched':>8s} {'time x':>6s}"
        )
        for split in args.sets:
            path = args.cache / f"{split}.npz"
            if not path.exists():
                continue
            d = dict(np.load(path))
            n = d["sf"].shape[0]
            pick = choose(booster, d, settings, margin)
            cols = np.array(settings)[pick]
            y = (d["r1"] + d["r2"])[:, settings]
            orc = np.array(settings)[y.argmax(axis=1)]
            rows = np.arange(n)

            def fmt(c: np.ndarray, d: dict = d, rows: np.ndarray = rows) -> str:
                return f"{100 * d['r1'][rows, c].mean():6.2f}/{100 * d['r2'][rows, c].mean():5.2f}"

            t = d["t"]
            # the cost of the chosen settings: the default's selection plus each extra setting's share
            cost = 1 + (np.median(t[:, 1]) / np.median(t[:, 0]) - 1) * (len(settings) - 1) / (K - 1)
            print(
                f"{split:10s} {n:4d} {fmt(np.zeros(n, int)):>14s} {fmt(cols):>14s} {fmt(orc):>14s} "
                f"{100 * d['r2rec'][:, 0].mean():6.2f}/{100 * d['r2rec'][rows, cols].mean():5.2f} "
                f"{(cols != 0).mean():8.2f} {cost:6.2f}"
            )
    if args.per_setting:
        print("\nper setting, R1/R2 on each set:")
        for split in args.sets:
            path = args.cache / f"{split}.npz"
            if path.exists():
                d = dict(np.load(path))
                print(
                    f"{split:10s} "
                    + " ".join(f"{100 * d['r1'][:, k].mean():5.2f}/{100 * d['r2'][:, k].mean():5.2f}" for k in range(K))
                )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("table", "report"))
    ap.add_argument("--split", choices=("train", *SETS), default="train")
    ap.add_argument("--n", type=int, default=2000, help="training clusters (table --split train)")
    ap.add_argument("--budgets", default="100,300", help="training budgets")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/chooser"))
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("--subsets", nargs="*", default=[], help="setting subsets to try, e.g. 0+2+6")
    ap.add_argument("--per-setting", action="store_true")
    ap.add_argument("--objective", choices=("regression", "lambdarank"), default="regression")
    args = ap.parse_args()
    if not (DATA / SETS["original"][0]).exists():
        print(f"chooser_experiment: {DATA} not found; skipped", file=sys.stderr)
        return 0
    global OBJECTIVE
    OBJECTIVE = args.objective
    table(args) if args.command == "table" else report(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
