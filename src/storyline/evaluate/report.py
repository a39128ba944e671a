"""Reports of an :class:`~storyline.evaluate.runner.Evaluation`: Markdown, CSV, JSON and a PNG plot.

Scores are F1 (and recall) ×100; intervals are the seeded bootstrap 95% intervals over clusters.
"""

from __future__ import annotations

import csv
import io
import json
import math
import platform
from decimal import ROUND_HALF_UP, Decimal
from importlib import metadata
from typing import Any

import numpy as np

from ..version import stamp
from .rouge import BOOTSTRAP_SAMPLES, METRICS, PERMUTATION_SAMPLES, holm, paired
from .runner import MEMORY_CLUSTERS, ORACLE, Evaluation

MEMORY_NOTE = (
    "peak MB: largest tracemalloc peak (Python heap, numpy buffers included) while the method summarizes "
    "{which}, measured in a separate untimed pass"
)


def memory_note(clusters: int) -> str:
    if not clusters:  # a run with --no-memory: the column is all dashes
        return "peak MB: not measured (--no-memory)"
    which = "the largest cluster" if clusters == 1 else f"each of the {clusters} largest clusters"
    return MEMORY_NOTE.format(which=which)


TIME_NOTE = (
    "s/cluster: median CPU seconds (time.process_time) from raw document texts to summary "
    "(ingest, clean, segment, select), scoring excluded, the methods taking turns to run first on a cluster; "
    "total: summed over clusters"
)
PACKAGES = ("storyline", "rouge-score", "sumy", "numpy", "scipy", "blingfire", "nltk")
FORMATS = ("md", "csv", "json")
# The method every other one is paired with, cluster by cluster, unless the caller names another.
PAIRED_WITH = "default"
PAIRED_METRICS = ("rouge1", "rouge2")


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for p in PACKAGES:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "not installed"
    return out


def _num(x: float, digits: int) -> float | None:
    """``x`` rounded; None (JSON null) when not measured (NaN): summaries read from a file."""
    return None if math.isnan(x) else round(x, digits)


def _pct(x: float) -> float:
    return round(100 * x, 2) if not math.isnan(x) else None  # type: ignore[return-value]


def to_dict(ev: Evaluation, *, extra: dict[str, Any] | None = None, pair: str = PAIRED_WITH) -> dict[str, Any]:
    """The report as plain data; ``pair``: the method every other one is paired with (when it was run)."""
    results = []
    for r in ev.results:
        results.append(
            {
                "method": r.method,
                **{m: _pct(r.scores[m].mean) for m in METRICS},
                "ci95": {m: [_pct(r.scores[m].low), _pct(r.scores[m].high)] for m in METRICS},
                "seconds_per_cluster": _num(r.seconds_median, 5),
                "seconds_total": _num(r.seconds_total, 3),
                "peak_mb": _num(r.peak_mb, 2),
                **({"from": r.origin} if r.origin else {}),
            }
        )
    return {
        "dataset": ev.dataset,
        "clusters": len(ev.ids),
        "words": ev.words,
        "seed": ev.seed,
        "bootstrap_samples": BOOTSTRAP_SAMPLES,
        "ids_sha256": ev.digest,
        # 0: no memory pass ran (--no-memory), so no peak was measured
        # (summaries read from a file have no peak either way)
        "memory_clusters": 0 if any(r.timed and math.isnan(r.peak_mb) for r in ev.results) else MEMORY_CLUSTERS,
        "results": results,
        **({"paired_with": pair, "paired": comparisons, "permutation_samples": PERMUTATION_SAMPLES}
           if (comparisons := paired_rows(ev, pair)) else {}),
        "versions": versions(),
        **(extra or {}),
        **stamp(),  # which storyline, and which form of this JSON, made it, as every JSON document storyline writes
    }


def paired_rows(ev: Evaluation, pair: str = PAIRED_WITH) -> list[dict[str, Any]]:
    """``pair`` against every other method but the oracle, cluster by cluster (see ``rouge.paired``): its
    lead ×100 with the paired 95% interval, the share of resamples it leads in, the lead's two-sided p-value
    (``rouge.permutation_p``) and that p adjusted by Holm's method over the comparisons of the same metric
    (``p_holm``: the family is every row of this table, R1 and R2 each its own); empty when ``pair`` was not
    run or ran alone."""
    names = [r.method for r in ev.results]
    if pair not in names:
        return []
    mine = [run.scores[pair] for run in ev.per_cluster]
    others = [n for n in names if n not in (pair, ORACLE)]
    diffs = {
        m: [paired([x[m] for x in mine], [run.scores[other][m] for run in ev.per_cluster], seed=ev.seed)
            for other in others]
        for m in PAIRED_METRICS
    }
    adjusted = {m: holm([d.p for d in diffs[m]]) for m in PAIRED_METRICS}
    rows = []
    for k, other in enumerate(others):
        row: dict[str, Any] = {"method": other}
        for m in PAIRED_METRICS:
            d = diffs[m][k]
            row[m] = {"lead": _pct(d.mean), "ci95": [_pct(d.low), _pct(d.high)], "ahead": round(d.ahead, 3),
                      "p": _num(d.p, 4), "p_holm": _num(adjusted[m][k], 4)}
        rows.append(row)
    return rows


def to_json(ev: Evaluation, *, extra: dict[str, Any] | None = None, pair: str = PAIRED_WITH) -> str:
    return json.dumps(to_dict(ev, extra=extra, pair=pair), indent=2, ensure_ascii=False) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fmt(x: float | None, digits: int, sign: bool = False) -> str:
    """``x`` to ``digits`` decimals, half up from its decimal text: the tables re-render the JSON's 2-decimal
    figures, and 38.15 (a float just under it) must read 38.2 as the unrounded 38.152 would, not 38.1."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{q:+}" if sign else f"{q}"


def _ci(row: dict[str, Any], m: str) -> str:
    low, high = row["ci95"][m]
    return f"{_fmt(row[m], 2)} [{_fmt(low, 1)}, {_fmt(high, 1)}]"


def markdown_table(d: dict[str, Any]) -> str:
    """The Markdown table of a report in its JSON form (so saved reports re-render the same)."""
    head = (
        "| method | R1 F1 [95% CI] | R2 F1 [95% CI] | RLsum F1 [95% CI] | R1 rec | R2 rec "
        "| s/cluster | total s | peak MB |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = "".join(
        f"| {r['method']} | {_ci(r, 'rouge1')} | {_ci(r, 'rouge2')} | {_ci(r, 'rougeLsum')} "
        f"| {_fmt(r['rouge1_recall'], 2)} | {_fmt(r['rouge2_recall'], 2)} "
        f"| {_fmt(r['seconds_per_cluster'], 3)} | {_fmt(r['seconds_total'], 1)} | {_fmt(r['peak_mb'], 1)} |\n"
        for r in d["results"]
    )
    notes = (
        f"\n{d['dataset']}: {_count(d['clusters'], 'cluster')}"
        + (f" (those {d['ids_from']} names)" if d.get("ids_from") else "")
        + f", every output cut to {d['words']} words, "
        f"seed {d['seed']}{_resamples(d)}. "
        f"ROUGE ×100 (rouge-score, stemmed; references averaged).\n{TIME_NOTE}; "
        # reports saved before the key existed were measured on the 3 largest clusters
        f"{memory_note(d.get('memory_clusters', 3))}.\n"
    )
    return head + rows + notes + origins_note(d) + paired_table(d)


def _resamples(d: dict[str, Any]) -> str:
    """How many bootstrap resamples the intervals are of (a report saved before the key existed: not said)."""
    n = d.get("bootstrap_samples")
    return f" (of the sample and of the {n:,} bootstrap resamples behind every interval)" if n else ""


def origins_note(d: dict[str, Any]) -> str:
    """Where the outside methods of a run come from, and what "—" means for them ("" when it has none)."""
    rows = [r for r in d["results"] if r.get("from")]
    if not rows:
        return ""
    said = "; ".join(
        f"{r['method']}: {r['from']}"
        + (" (made elsewhere: CPU time and memory not measured, —)" if r["seconds_per_cluster"] is None
           else " (timed around the call, from the raw document texts)")
        for r in rows
    )
    return f"Outside methods: {said}.\n"


def lead_cell(cell: dict[str, Any]) -> str:
    """A paired lead and its interval, "+1.94 [+1.0, +2.9]" ("—" when none)."""
    low, high = cell["ci95"]
    if cell["lead"] is None:
        return "—"
    return f"{_fmt(cell['lead'], 2, True)} [{_fmt(low, 1, True)}, {_fmt(high, 1, True)}]"


def paired_table(d: dict[str, Any]) -> str:
    """One method's lead over each other method, paired by cluster ("" for a report without it)."""
    rows = d.get("paired")
    if not rows:
        return ""
    pair = d.get("paired_with", PAIRED_WITH)  # reports saved before the key existed paired the default
    with_p = "p" in rows[0]["rouge1"]  # reports saved before the p-value existed have none
    with_holm = "p_holm" in rows[0]["rouge1"]  # nor, before it existed, the adjusted one
    n = d.get("permutation_samples", PERMUTATION_SAMPLES)
    p_said = (f"; p: two-sided, of a paired randomization test ({n:,} resamples swapping the two methods' scores "
              "cluster by cluster), one comparison at a time: with many methods, some p under 0.05 come by chance"
              if with_p else "")
    if with_holm:
        p_said += (f"; p Holm: p adjusted by Holm's method over the {_count(len(rows), 'comparison')} of each metric: "
                   "those under 0.05 hold together, with at most a 5% chance that any of them is a difference by "
                   "chance")
    head = (
        f"\n{pair} against each method on the same clusters (paired bootstrap: every resample draws the "
        f"same clusters for both; lead = {pair} − method, ×100; ahead: share of resamples with a positive "
        f"lead{p_said}):\n\n"
        "| method | R1 lead [95% CI] | R2 lead [95% CI] | ahead R1 / R2 |" + (" p R1 / R2 |" if with_p else "")
        + (" p Holm R1 / R2 |" if with_holm else "")
        + "\n|---|---|---|---|" + ("---|" if with_p else "") + ("---|" if with_holm else "") + "\n"
    )
    body = "".join(
        f"| {r['method']} | {lead_cell(r['rouge1'])} | {lead_cell(r['rouge2'])} "
        f"| {r['rouge1']['ahead']:.2f} / {r['rouge2']['ahead']:.2f} |"
        + (f" {p_cell(r['rouge1'])} / {p_cell(r['rouge2'])} |" if with_p else "")
        + (f" {p_cell(r['rouge1'], 'p_holm')} / {p_cell(r['rouge2'], 'p_holm')} |" if with_holm else "") + "\n"
        for r in rows
    )
    return head + body


def p_cell(cell: dict[str, Any], key: str = "p") -> str:
    """A p-value as papers print one: "0.003", "<0.001" (10,000 resamples tell no smaller one apart), "—"."""
    p = cell.get(key)
    if p is None:
        return "—"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def to_markdown(ev: Evaluation, pair: str = PAIRED_WITH, *, extra: dict[str, Any] | None = None) -> str:
    return markdown_table(to_dict(ev, extra=extra, pair=pair))


# The paired columns of the CSV, per metric of PAIRED_METRICS: the JSON's "paired" cells, flattened.
PAIRED_COLUMNS = ("lead", "lead_low", "lead_high", "ahead", "p", "p_holm")


def _paired_cells(cell: dict[str, Any] | None) -> list[str]:
    """A method's paired cell of one metric as CSV fields (empty: not paired, or not measured)."""
    if cell is None:
        return [""] * len(PAIRED_COLUMNS)
    values = (cell["lead"], *cell["ci95"], cell["ahead"], cell["p"], cell["p_holm"])
    return ["" if v is None else f"{v:.{k}f}" for v, k in zip(values, (2, 2, 2, 3, 4, 4), strict=True)]


def to_csv(ev: Evaluation, pair: str = PAIRED_WITH) -> str:
    """A row per method, as the Markdown's first table, then its paired comparison with ``pair`` as the second
    table and the JSON's "paired" give it (``paired_with``, then per metric ``lead``, its 95% interval, ``ahead``,
    ``p`` and ``p_holm``), empty on the row of ``pair`` itself, of the oracle, and on every row when ``pair`` did
    not run beside others."""
    pairs = {r["method"]: r for r in paired_rows(ev, pair)}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        ["dataset", "clusters", "words", "method", *METRICS, *(f"{m}_{e}" for m in METRICS for e in ("low", "high")),
         "seconds_per_cluster", "seconds_total", "peak_mb", "paired_with",
         *(f"{m}_{c}" for m in PAIRED_METRICS for c in PAIRED_COLUMNS)]
    )
    for r in ev.results:
        row = pairs.get(r.method)
        w.writerow(
            [ev.dataset, len(ev.ids), ev.words, r.method, *(f"{100 * r.scores[m].mean:.2f}" for m in METRICS),
             *(f"{100 * getattr(r.scores[m], e):.2f}" for m in METRICS for e in ("low", "high")),
             *("" if math.isnan(x) else f"{x:.{k}f}" for x, k in ((r.seconds_median, 5), (r.seconds_total, 3))),
             "" if math.isnan(r.peak_mb) else f"{r.peak_mb:.2f}",  # not measured (--no-memory): empty, not "nan"
             pair if row else "", *(f for m in PAIRED_METRICS for f in _paired_cells(row[m] if row else None))]
        )
    return buf.getvalue()


def per_cluster_lines(ev: Evaluation) -> str:
    """One JSON line a cluster, in the set's order: its id, its size in words, the reference summaries scored
    against and, per method, the summary as scored (cut to the budget), its five scores ×100 and its CPU seconds
    (null: summaries read from a file), for a researcher's own tests and reading (``--per-cluster``)."""
    lines = []
    for run in ev.per_cluster:
        methods = {
            m: {"summary": run.summaries.get(m, ""), **{k: _num(100 * v, 4) for k, v in run.scores[m].items()},
                "seconds": _num(run.seconds[m], 5)}
            for m in run.scores
        }
        lines.append(json.dumps({"id": run.id, "cluster_words": run.words, "references": list(run.references),
                                 "methods": methods, **stamp()}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def render(ev: Evaluation, fmt: str, *, extra: dict[str, Any] | None = None, pair: str = PAIRED_WITH) -> str:
    if fmt == "json":
        return to_json(ev, extra=extra, pair=pair)
    if fmt == "csv":
        return to_csv(ev, pair)
    return to_markdown(ev, pair, extra=extra)


# The methods whose time per cluster the plot draws against cluster size (those of them the run has): the
# default, its fast variant and the peer the speed goal names. Thirteen clouds of points hide each other.
TIMED_AGAINST_SIZE = ("default", "fast", "sumy-lexrank")


def plot(ev: Evaluation) -> bytes:
    """``figure`` as a PNG."""
    import matplotlib.pyplot as plt

    fig = figure(ev)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def figure(ev: Evaluation) -> Any:
    """A matplotlib figure: R1 and R2 with 95% intervals per method; the median CPU time per cluster of each
    method with its interquartile range; and the time per cluster against cluster size for
    ``TIMED_AGAINST_SIZE`` and the timed outside methods (``--callable``; when the run has none of them, its first
    three methods)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    names = [r.method for r in ev.results]
    fig, (ax1, ax2, ax3) = plt.subplots(
        1, 3, figsize=(18, max(4.0, 0.35 * len(names) + 1.5)), gridspec_kw={"width_ratios": [1.1, 0.8, 1.0]}
    )
    ys = range(len(names))
    for off, metric, colour in ((-0.15, "rouge1", "tab:blue"), (0.15, "rouge2", "tab:orange")):
        means = [100 * r.scores[metric].mean for r in ev.results]
        lows = [100 * (r.scores[metric].mean - r.scores[metric].low) for r in ev.results]
        highs = [100 * (r.scores[metric].high - r.scores[metric].mean) for r in ev.results]
        ax1.errorbar(means, [y + off for y in ys], xerr=[lows, highs], fmt="o", color=colour, capsize=3,
                     label=metric.replace("rouge", "ROUGE-") + " F1")
    ax1.set_yticks(list(ys), names)
    # A free row above the first method holds the legend (in the rows it hid the bars of one or two methods)
    # and, in the time panel, the first median's label (it touched the frame).
    ax1.set_ylim(len(names) - 0.5, -1.5)
    ax1.set_xlabel("F1 ×100 (bootstrap 95% interval)")
    ax1.grid(axis="x", alpha=0.3)
    ax1.legend(loc="upper center", ncol=2, framealpha=0.9)
    ax1.set_title(f"{ev.dataset}: {_count(len(ev.ids), 'cluster')}, {ev.words} words")
    # summaries read from a file have no time: their row says so instead of a point
    timed = [y for y, r in zip(ys, ev.results, strict=True) if r.timed]
    quartiles = [
        np.percentile([max(s, 1e-5) * 1000 for s in ev.results[y].seconds] or [1e-2], [25, 50, 75]) for y in timed
    ]
    medians = [q[1] for q in quartiles]
    if timed:
        ax2.errorbar(medians, timed, xerr=[[q[1] - q[0] for q in quartiles], [q[2] - q[1] for q in quartiles]],
                     fmt="o", color="tab:green", capsize=3)
    for y, m in zip(timed, medians, strict=True):
        # "5690", not "5.69e+03" (KL-Sum on DUC)
        ax2.annotate(f"{m:.3g}" if m < 1000 else f"{m:.0f}", (m, y), textcoords="offset points", xytext=(0, 6),
                     ha="center", fontsize=7)
    for y in sorted(set(ys) - set(timed)):
        ax2.annotate("not measured", (0.02, y), xycoords=("axes fraction", "data"), va="center", fontsize=7,
                     color="grey")
    ax2.set_yticks(list(ys), names)
    ax2.set_ylim(len(names) - 0.5, -1.5)
    ax2.set_xscale("log")
    ax2.set_xlabel("CPU ms per cluster (log): median, interquartile range")
    ax2.grid(axis="x", alpha=0.3)
    ax2.set_title("time per cluster")
    timed_results = [r for r in ev.results if r.timed]
    # and a timed method of the researcher's own (--callable), whose speed against ours is what they came to see
    shown = [r for r in timed_results if r.method in TIMED_AGAINST_SIZE or r.origin] or timed_results[:3]
    cmap = plt.get_cmap("tab10")
    for k, r in enumerate(shown):
        secs = [max(s, 1e-5) * 1000 for s in r.seconds]
        ax3.scatter(ev.cluster_words, secs, s=10, alpha=0.5, color=cmap(k), marker="os^"[k % 3], label=r.method)
    ax3.set_yscale("log")
    ax3.set_xlabel("cluster size (words of the raw documents)")
    ax3.set_ylabel("CPU ms per cluster (log)")
    ax3.grid(alpha=0.3)
    if shown:
        ax3.legend(fontsize=8, markerscale=2)
    ax3.set_title("time against cluster size")
    plain = FuncFormatter(lambda v, _: f"{v:g}")  # "2", not "2 × 10⁰"
    for axis, (low, high) in ((ax2.xaxis, ax2.get_xlim()), (ax3.yaxis, ax3.get_ylim())):
        axis.set_major_formatter(plain)
        axis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))  # labels at 2 and 5 of each decade only
        # over more than two decades (10 ms to 10 s with sumy's KL-Sum on DUC) the 2 and 5 ran into the powers of
        # ten on either side ("5001000"): the decades alone are labelled
        axis.set_minor_formatter(plain if high <= 300 * max(low, 1e-9) else NullFormatter())
    fig.tight_layout()
    return fig
