"""``storyline eval``: score methods against baselines on a dataset with reference summaries."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import OptionsError
from ..files import is_stdout, output_target, write_atomic
from ..render import printable
from . import cli, out
from .inputs import output_format
from .lines import reading_progress, scoring_progress

_FORMATS = ("md", "csv", "json")


def _list_methods(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--list-methods``: every name --methods takes, then exit (before DATA and --words are asked for)."""
    if not value or ctx.resilient_parsing:
        return
    from ..evaluate.runner import describe_methods

    described = describe_methods()
    width = max(len(n) for n, _ in described)
    groups = "all: every one of them; ours: the first {}; sumy: the sumy-* peers".format(
        sum(1 for n, _ in described if not n.startswith("sumy-") and n != "oracle"))
    out("".join(f"{n:{width}}  {d}\n" for n, d in described) + groups + "\n")
    ctx.exit(0)


@cli.command("eval")
@click.argument("data")
@click.option("--words", "-w", type=int, required=True, help="Word budget; every output is cut to it.")
@click.option("--methods", "method_spec", default="all", show_default=True,
              help="Comma-separated methods: registry names, sumy-*, oracle, the NAMEs of --outputs and --callable; "
                   "or all, ours, sumy.")
@click.option("--references", metavar="PATH", help="Multi-News .tgt file, or DUC model-summaries directory.")
@click.option("--limit", type=int, help="Score a fixed seeded sample of this many clusters.")
@click.option("--ids", "ids_file", metavar="FILE",
              help='Score only the clusters this file names: one id a line, or a JSONL file\'s "id"s (an --outputs '
                   "file, an earlier run's --per-cluster file); --limit samples among them.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample and the bootstrap.")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes over clusters.")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="md", show_default=True,
              help="With no --format, -o FILE.csv writes csv and -o FILE.json json.")
@click.option("--output", "-o", metavar="FILE", help="Write the report here (atomically); - is stdout.")
@click.option("--plot", "plot_path", metavar="FILE.png", help="Also write a PNG plot here.")
@click.option("--per-cluster", "per_cluster", metavar="FILE.jsonl",
              help="Also write each cluster's summaries (as scored, cut to --words), scores and references here, a "
                   "JSON line a cluster.")
@click.option("--no-memory", is_flag=True, help="Skip the peak-memory pass.")
@click.option("--pair", "pair", metavar="METHOD",
              help="Pair this method with every other one, cluster by cluster (default: default, when run).")
@click.option("--outputs", "outputs", multiple=True, metavar="NAME=PATH",
              help='Also score a system\'s summaries as method NAME: a JSONL file of {"id": CLUSTER_ID, "summary": '
                   'TEXT or [SENTENCE, ...]} lines, one for every cluster scored, or give --ids PATH (repeatable). '
                   "Cluster ids: a JSONL dataset's \"id\"; STEM_LINE for a Multi-News STEM.src file (val_1); d30001 "
                   "for a DUC folder d30001t.")
@click.option("--callable", "callables", multiple=True, metavar="NAME=MODULE:FUNCTION",
              help="Also score FUNCTION(documents: list[str], words: int) -> str or list[str] as method NAME, timed "
                   "like ours (repeatable; MODULE is imported from the current directory and sys.path).")
@click.option("--list-methods", is_flag=True, is_eager=True, expose_value=False, callback=_list_methods,
              help="List the methods --methods takes (storyline's, sumy's, the oracle) and exit.")
def evaluate_command(
    data: str, words: int, method_spec: str, references: str | None, limit: int | None, seed: int, jobs: int,
    fmt: str, output: str | None, plot_path: str | None, per_cluster: str | None, no_memory: bool, pair: str | None,
    outputs: tuple[str, ...], callables: tuple[str, ...], ids_file: str | None,
) -> None:
    """Score methods on DATA (.jsonl[.gz] in the shared schema, a Multi-News .src file, or a DUC directory).

    ROUGE-1/2/Lsum F1 with seeded bootstrap 95% intervals, R1/R2 recall, CPU seconds per cluster and
    peak memory, for storyline's methods, sumy's peers, a greedy ROUGE oracle and your own (--outputs,
    --callable); and one method's lead over each other method, paired by cluster, with its interval, its p-value
    and that p Holm-adjusted over the comparisons.
    """
    from ..evaluate import report
    from ..evaluate.datasets import dataset_name, load_eval_set, read_ids, reference_path
    from ..evaluate.external import (
        ExternalMethod,
        SystemOutputs,
        callable_method,
        check_names,
        parse_spec,
        read_outputs,
    )
    from ..evaluate.runner import (
        ORACLE,
        available,
        check_external,
        check_options,
        evaluate,
        require_extras,
        resolve_methods,
        waited,
    )

    check_options(words, jobs=jobs, limit=limit, seed=seed)  # before any data is read
    if data == "-":  # "-: no such file or directory" said nothing of why
        raise OptionsError("storyline eval reads a dataset file, not standard input (-): give the file's path")
    fmt = output_format(fmt, output, _FORMATS)
    files = [parse_spec(s, "--outputs") for s in outputs]
    functions = [parse_spec(s, "--callable") for s in callables]
    check_names([n for n, _ in files + functions], available())  # a clash, before anything is read or imported
    names = resolve_methods(method_spec, [n for n, _ in files + functions])  # an unknown name too
    if pair is not None and (pair not in names or pair == ORACLE):
        raise OptionsError(f"--pair {pair}: pair a method the run scores (not the oracle); it runs {', '.join(names)}")
    # What the run reads, which no output may overwrite or join: the data and its references (given, or the
    # .tgt beside a Multi-News .src file, or the model summaries beside a DUC directory).
    inputs = [Path(data), *[r for r in [reference_path(data, references)] if r], *(Path(f) for _, f in files),
              *([Path(ids_file)] if ids_file is not None else [])]
    report_to = output_target(output, inputs=inputs)
    if plot_path is not None and (is_stdout(plot_path) or not plot_path.strip()):
        raise OptionsError("--plot needs a file name: the PNG is not written to standard output")
    plot_to = output_target(plot_path, inputs=inputs, option="--plot")
    if report_to and plot_to and report_to == plot_to:
        raise OptionsError(f"-o {output} and --plot {plot_path} name the same file; give them different names")
    if per_cluster is not None and (is_stdout(per_cluster) or not per_cluster.strip()):
        raise OptionsError("--per-cluster needs a file name: the report is what goes to standard output")
    lines_to = output_target(per_cluster, inputs=inputs, option="--per-cluster")
    if lines_to and lines_to in (report_to, plot_to):
        raise OptionsError(f"--per-cluster {per_cluster} names the file of -o or --plot; give it a name of its own")
    if plot_path is not None and not plot_path.lower().endswith(".png"):
        raise OptionsError(f"--plot {plot_path}: the plot is a PNG image; give a file name ending in .png")
    if output is not None and output.lower().endswith(".png"):  # the report is text: it made a .png no viewer opens
        raise OptionsError(f"-o {output}: the report is {fmt} text, not an image; give the plot with --plot {output}")
    require_extras(names, plot=plot_path is not None)
    if functions and os.getcwd() not in sys.path:
        # as uvicorn and gunicorn do: the console script's sys.path holds its own folder, not the one it runs in
        sys.path.insert(0, os.getcwd())
    external: list[ExternalMethod] = [callable_method(n, t) for n, t in functions]
    external += [read_outputs(n, f) for n, f in files]
    only = read_ids(ids_file) if ids_file is not None else None
    # The whole file is read before the sample is drawn: Multi-News train took 8-20 s without a word on a terminal.
    label = f"Reading {dataset_name(Path(data))}"
    with reading_progress(label) as reading:
        eval_set = load_eval_set(data, references=references, limit=limit, seed=seed, progress=reading.update,
                                 only=only)
    if limit is not None and limit > len(eval_set.clusters):  # the report says how many; a reader may not look
        has = f"--ids {ids_file} names" if only else f"{eval_set.name} has"
        n = len(eval_set.clusters)
        click.echo(printable(f"storyline: note: --limit {limit}: {has} {n} cluster{'s' if n != 1 else ''}, "
                             f"{'all of them scored' if n != 1 else 'and it is scored'}"), err=True)
    refs = eval_set.reference_words()
    if not refs / 2 <= words <= 2 * refs:  # F1 against 55-word references falls by half at 300 words, silently
        click.echo(printable(f"storyline: note: --words {words}, and the references of {eval_set.name} run "
                             f"{refs:.0f} words on average: ROUGE F1 is for a budget near theirs (recall is "
                             "reported too)"), err=True)
    for name, ignored in check_external(eval_set, external).items():
        if ignored:
            what = "summary" if ignored == 1 else "summaries"
            click.echo(printable(f"storyline: note: --outputs {name}: {ignored} {what} for ids not in "
                                 f"{eval_set.name} ignored"), err=True)
    for e in external:
        if isinstance(e, SystemOutputs) and (over := e.over_budget(eval_set.ids, words)):
            click.echo(printable(f"storyline: note: --outputs {e.name}: {over} of the {len(eval_set.ids)} summaries "
                                 f"scored run over --words {words} and are cut to it, as every method's are"), err=True)
        # a system that failed on a cluster (an API error, a timeout) often leaves "": scored 0, it drags the mean
        if isinstance(e, SystemOutputs) and (empty := e.empty(eval_set.ids)):
            click.echo(printable(f"storyline: note: --outputs {e.name}: {len(empty)} of the {len(eval_set.ids)} "
                                 f"summaries {'is' if len(empty) == 1 else 'are'} empty and scored 0, the first "
                                 f"{empty[0]!r}"), err=True)
    with scoring_progress(eval_set.name, len(eval_set.clusters), 0 if no_memory else len(names)) as (done, traced):
        ev = evaluate(eval_set, names, words, external=external, seed=seed, jobs=jobs, memory=not no_memory,
                      progress=done, memory_progress=traced, warn_ignored=False)  # noted above
    for fname, _ in functions:
        wall, cpu = waited(ev, fname)
        # mostly waiting (a loaded machine stretches CPU-bound work 2x, not 4x): the CPU time is not what it costs
        if wall - cpu > max(1.0, 3 * cpu):
            click.echo(printable(f"storyline: note: --callable {fname}: {wall:.1f} s of wall-clock time for "
                                 f"{cpu:.1f} s of CPU time over the {len(ev.ids)} clusters: it waits on what CPU time "
                                 "does not count (a network, a GPU, another process), so its s/cluster is not its "
                                 "cost"), err=True)
    extra = {"limit": limit, **({"ids_from": ids_file} if ids_file is not None else {})}
    text = report.render(ev, fmt, extra=extra, pair=pair or report.PAIRED_WITH)
    if plot_path:
        write_atomic(plot_path, report.plot(ev), protect=inputs)
    if per_cluster:
        write_atomic(per_cluster, report.per_cluster_lines(ev), protect=inputs)
    if report_to:
        write_atomic(report_to, text, protect=inputs)
    else:
        out(text)
