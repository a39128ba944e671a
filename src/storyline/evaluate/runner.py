"""Run methods over an evaluation set: summaries, scores, CPU time per cluster and peak memory.

Each cluster is handled whole by one process: every method reads the raw document texts, cleans,
segments and selects (the path a user's call takes), timed with ``time.process_time`` around exactly
that, then the summary is scored. ``jobs > 1`` spreads clusters over worker processes; CPU time per
cluster stays meaningful because it is measured inside the worker that does the work.

Methods from outside the package (:mod:`.external`: a system's summaries read from a file, a callable
imported by its path) run beside the others; a callable is timed and traced the same way, summaries read
from a file are neither (NaN).

Peak memory is measured in a separate pass, so that tracing does not slow the timed runs: the peak of
Python's traced heap (``tracemalloc``, which also sees numpy's buffers) while a method summarizes each
of the largest cluster, after a warm-up run so that imports and caches do not count.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import math
import multiprocessing
import signal
import statistics
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .. import api, methods
from ..errors import EmptyInputError, MalformedDataError, ModelUnavailableError, OptionsError
from ..ingest import DocumentSet
from ..methods.coverage import named_speaker
from ..model import Article
from ..options import SummarizeOptions
from ..threads import single_blas_thread
from .datasets import EvalSet
from .external import CallableFailedError, ExternalMethod, SystemOutputs, check_names
from .oracle import greedy_oracle
from .peers import SUMY_DESCRIPTIONS, SUMY_PEERS, sumy_summary
from .rouge import Aggregate, aggregate, score_summary, truncate_words

ORACLE = "oracle"
# The largest cluster only: tracing makes pure-Python peers such as KL-Sum several times slower, and on
# 8,000-word clusters three traced runs per method took most of a 14-minute DUC bench.
MEMORY_CLUSTERS = 1
log = logging.getLogger(__name__)
# Beside the CPU time: a --callable that waits on a network, a GPU or another process spends wall-clock time the CPU
# time does not count (a test sets a clock of its own).
wall_clock: Callable[[], float] = time.perf_counter


def available() -> list[str]:
    """Every method name ``eval`` accepts: the registry's, the sumy peers, the oracle."""
    return [*methods.names(), *SUMY_PEERS, ORACLE]


def describe_methods() -> list[tuple[str, str]]:
    """``(name, description)`` of every method ``eval`` accepts, in the order ``all`` runs them."""
    described = [(n, methods.get(n).description) for n in methods.names()]
    described += [(n, SUMY_DESCRIPTIONS[n]) for n in SUMY_PEERS]
    return [*described, (ORACLE, "greedy ROUGE-1 + ROUGE-2 against the references: a ceiling, not a method")]


def resolve_methods(spec: str | Sequence[str], external: Sequence[str] = ()) -> list[str]:
    """Method names from a comma-separated list; ``all``, ``ours`` (the registry) and ``sumy`` expand. The
    names of outside methods (``external``) are accepted where the list places them, and those it leaves out
    are added, before the oracle when it runs (the ceiling stays the last row)."""
    parts = [p.strip() for p in (spec.split(",") if isinstance(spec, str) else spec) if p.strip()]
    if not parts and external:
        return list(external)
    if not parts:
        raise OptionsError("no methods given; e.g. --methods default,lead,sumy-lexrank,oracle")
    out: list[str] = []
    for p in parts:
        if p == "all":
            names = available()
        elif p == "ours":
            names = methods.names()
        elif p == "sumy":
            names = list(SUMY_PEERS)
        elif p in available() or p in external:
            names = [p]
        else:
            raise OptionsError(
                f"unknown method {p!r}; choose from: {', '.join(available())} (or all, ours, sumy)"
            )
        out.extend(n for n in names if n not in out)
    rest = [n for n in external if n not in out]
    k = out.index(ORACLE) if ORACLE in out else len(out)
    return [*out[:k], *rest, *out[k:]]


def summarize_with(method: str, cluster: DocumentSet, words: int) -> str:
    """The summary text of ``method`` for a cluster of raw documents (before the budget cut)."""
    try:
        if method in SUMY_PEERS:
            texts = [a.text for a in api.load_articles(cluster.articles, strict=False)]
            return sumy_summary(method, texts, words)
        if method == ORACLE:
            articles = api.load_articles(cluster.articles, strict=False)
            pool = api.make_cluster(articles, merge_duplicates=False).sentences
            return greedy_oracle([s.text for s in pool], cluster.summaries, words)
        options = SummarizeOptions(words=words, method=method, strict=False)
        return api.summarize_documents(cluster, options).text
    except EmptyInputError:
        return ""  # every article was page clutter: an empty summary, scored as such


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """One cluster: its size and, per method, the CPU seconds, the scores and the summary; its references."""

    id: str
    words: int
    seconds: dict[str, float]
    scores: dict[str, dict[str, float]]
    summaries: dict[str, str] = field(default_factory=dict)  # per method, as scored: cut to the budget
    references: tuple[str, ...] = ()  # what they were scored against
    wall: dict[str, float] = field(default_factory=dict)  # per method, wall-clock seconds around the same call


def run_cluster(
    cluster: DocumentSet, names: Sequence[str], words: int, lsum: bool = True, first: int = 0,
    external: Mapping[str, ExternalMethod] | None = None,
) -> ClusterRun:
    """Every method on one cluster, timed and scored, in the order of ``names`` rotated to start at index
    ``first`` (``evaluate`` rotates by the cluster's place in the set). The first method to read a cluster
    brings its text into the caches and its new words into the shared stem cache: in a fixed order that
    cost fell on the first method every time (on 300 val clusters with seven methods, the default listed
    first: 7.6 and 8.1 ms median in two runs with a fixed order, 7.0 and 7.3 rotated; sumy LexRank 6.3
    both ways); rotated, every method runs first equally often. The speakers the selection reads from each
    sentence (``coverage.named_speaker``, cached by the sentence's text) are forgotten before each method, so
    that ``default`` and ``fast`` do not find each other's on the same cluster, which sumy's methods could not.
    A name in ``external`` is that outside method (a callable is timed the same way; read summaries: NaN)."""
    external = external or {}
    seconds: dict[str, float] = {}
    wall: dict[str, float] = {}
    scores: dict[str, dict[str, float]] = {}
    summaries: dict[str, str] = {}
    k = first % len(names) if names else 0
    for m in (*names[k:], *names[:k]):
        named_speaker.cache_clear()
        ext = external.get(m)
        t0, w0 = time.process_time(), wall_clock()
        text = ext.summarize(cluster, words) if ext else summarize_with(m, cluster, words)
        seconds[m] = time.process_time() - t0 if ext is None or ext.timed else math.nan
        wall[m] = wall_clock() - w0 if ext is None or ext.timed else math.nan
        scores[m] = score_summary(text, cluster.summaries, words, lsum=lsum)
        summaries[m] = truncate_words(text, words)
    scores = {m: scores[m] for m in names}  # the reports' order, whichever ran first
    seconds = {m: seconds[m] for m in names}
    size = sum(len(a.text.split()) for a in cluster.articles)
    return ClusterRun(cluster.id, size, seconds, scores, {m: summaries[m] for m in names}, tuple(cluster.summaries),
                      {m: wall[m] for m in names})


_WARM_TEXTS = (
    "The city council approved the new budget on Monday after a long debate. Members said the plan "
    "would fund schools and roads. The mayor welcomed the vote and promised quick action.",
    "Council members voted on Monday to approve the budget. The plan sets aside money for schools. "
    "Critics said the roads deserved more money than the plan gives them.",
)


def warm_up(names: Sequence[str], words: int, external: Mapping[str, ExternalMethod] | None = None) -> None:
    """Run each method once on a tiny cluster written here, so imports and lazy loading are not timed (not the
    summaries read from a file: they hold no summary of it)."""
    external = external or {}
    arts = tuple(Article(id=str(i), text=t) for i, t in enumerate(_WARM_TEXTS, 1))
    ds = DocumentSet(id="warm-up", articles=arts, summaries=("The council approved the budget.",))
    runs = [n for n in names if n not in external or external[n].timed]
    try:
        run_cluster(ds, runs, words, external=external)
    except CallableFailedError as exc:
        raise CallableFailedError(f"{exc} (storyline's own two-text cluster, run once before the timing)") from None


# Worker state for multiprocessing (set once per worker by the initializer).
_JOB: tuple[tuple[str, ...], int, bool, Mapping[str, ExternalMethod]] = ((), 0, True, {})


def _init_worker(names: tuple[str, ...], words: int, lsum: bool, external: Mapping[str, ExternalMethod]) -> None:
    global _JOB
    # A terminal's Ctrl-C reaches the whole process group: the parent stops the run (its pool terminates the
    # workers) and says so in one line; a worker interrupted mid-cluster would print its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _JOB = (names, words, lsum, external)
    single_blas_thread()
    # The parent's warm-up passed; an outside callable that fails here only would, raised from an
    # initializer, have the pool start new workers forever: its failure shows on a cluster instead.
    with contextlib.suppress(CallableFailedError):
        warm_up(names, words, external)
    settle_heap()


def settle_heap() -> None:
    """Leave what imports and the warm-up built (some 140,000 objects of numpy, scipy, sumy, rouge-score, the
    models) out of every later garbage collection (``gc.freeze``), as a long-running service does after
    start-up. Otherwise a collection that happens to fall inside one method's timing walks them all and
    charges that method for the libraries every method loaded: the methods that allocate most (ours) the
    most, and by what ran before them in the same process (in a run of six methods on 400 val clusters the
    default's median went from 5.5 to 4.7 ms, sumy's LexRank from 5.8 to 5.3, lead from 2.3 to 2.05)."""
    gc.collect()
    gc.freeze()


def _work(job: tuple[int, DocumentSet]) -> ClusterRun:
    index, cluster = job
    names, words, lsum, external = _JOB
    return run_cluster(cluster, names, words, lsum, first=index, external=external)


def peak_memory_mb(
    clusters: Sequence[DocumentSet], method: str, words: int, external: Mapping[str, ExternalMethod] | None = None
) -> float:
    """Largest tracemalloc peak (MB) of ``method`` over ``clusters`` (NaN for summaries read from a file)."""
    ext = (external or {}).get(method)
    if ext is not None and not ext.timed:
        return math.nan
    peak = 0
    for c in clusters:
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            ext.summarize(c, words) if ext else summarize_with(method, c, words)
            peak = max(peak, tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    return peak / 1e6


@dataclass(frozen=True, slots=True)
class MethodResult:
    method: str
    scores: dict[str, Aggregate]
    seconds: tuple[float, ...]  # per cluster, in set order
    peak_mb: float
    origin: str = ""  # where an outside method comes from: "outputs PATH", "callable module:function"

    @property
    def timed(self) -> bool:
        return not any(math.isnan(s) for s in self.seconds)

    @property
    def seconds_median(self) -> float:
        if not self.timed:
            return math.nan
        return statistics.median(self.seconds) if self.seconds else 0.0

    @property
    def seconds_total(self) -> float:
        return sum(self.seconds) if self.timed else math.nan


@dataclass(frozen=True, slots=True)
class Evaluation:
    dataset: str
    words: int
    seed: int
    ids: tuple[str, ...]
    digest: str
    cluster_words: tuple[int, ...]
    results: tuple[MethodResult, ...]
    per_cluster: tuple[ClusterRun, ...]


def waited(ev: Evaluation, method: str) -> tuple[float, float]:
    """``method``'s wall-clock and CPU seconds, summed over the clusters of ``ev`` (NaN when it was not timed)."""
    runs = ev.per_cluster
    return sum(r.wall.get(method, math.nan) for r in runs), sum(r.seconds[method] for r in runs)


def origin(method: ExternalMethod) -> str:
    if isinstance(method, SystemOutputs):
        return f"outputs {method.path}"
    return f"callable {method.target or getattr(method.function, '__qualname__', repr(method.function))}"


# What a run imports from the bench extra, and what for.
_EXTRAS = (("rouge_score", "scoring"), ("sumy", "a sumy-* method"), ("matplotlib", "--plot"))


def require_extras(names: Sequence[str], *, plot: bool = False) -> None:
    """The bench extra's packages that a run of ``names`` (and its ``plot``) needs, imported now: a missing one
    is a ``ModelUnavailableError`` before any work, not an internal error in the middle of the run (scoring)
    or after it (the plot)."""
    import importlib

    needed = {"rouge_score": True, "sumy": any(n in SUMY_PEERS for n in names), "matplotlib": plot}
    for module, what in _EXTRAS:
        if not needed[module]:
            continue
        try:
            importlib.import_module(module)
        except ImportError:
            raise ModelUnavailableError(
                f"{what} needs {module}, which is not installed: pip install 'storyline[bench]'"
            ) from None


def check_options(words: int, *, jobs: int = 1, limit: int | None = None, seed: int = 0) -> None:
    """The run's numbers, checked before any data is read (the command line calls it first)."""
    if words <= 0:
        raise OptionsError(f"the word budget must be at least 1 (got {words}); try --words 100")
    if jobs < 1:
        raise OptionsError(f"--jobs must be at least 1 (got {jobs})")
    if limit is not None and limit <= 0:
        raise OptionsError(f"--limit must be at least 1 (got {limit})")
    if seed < 0:  # numpy's generators take none, and the bootstrap would fail only after the whole run
        raise OptionsError(f"--seed must be 0 or more (got {seed})")


def check_external(eval_set: EvalSet, external: Sequence[ExternalMethod]) -> dict[str, int]:
    """Outside methods against the set: their names (none of ours, none twice) and, for summaries read from a
    file, one for every cluster scored (``MalformedDataError`` naming how many are missing and the first; a
    sample needs its own ids only). Returns, per such file, how many of its ids name no cluster of the file's
    dataset (ignored)."""
    check_names([e.name for e in external], available())
    files = [e for e in external if isinstance(e, SystemOutputs)]
    if files:
        seen: set[str] = set()
        for i in eval_set.all_ids:
            if i in seen:
                raise MalformedDataError(
                    f"{eval_set.name}: cluster id {i!r} is given twice, so --outputs cannot tell its clusters apart"
                )
            seen.add(i)
    return {e.name: e.check_ids(eval_set.ids, eval_set.all_ids) for e in files}


def evaluate(
    eval_set: EvalSet,
    names: Sequence[str],
    words: int,
    *,
    external: Sequence[ExternalMethod] = (),
    seed: int = 0,
    jobs: int = 1,
    memory: bool = True,
    lsum: bool = True,
    progress: Callable[[int], None] | None = None,
    memory_progress: Callable[[int], None] | None = None,
    warn_ignored: bool = True,
) -> Evaluation:
    """Score ``names`` on every cluster of ``eval_set`` at a budget of ``words`` words (``lsum=False``:
    no ROUGE-Lsum, reported as NaN; ``memory=False``: no peak-memory pass). ``external``: methods from outside
    the package (:mod:`.external`), scored beside ``names`` (which may place them by name). ``progress(1)`` is
    called as each cluster is done, ``memory_progress(1)`` as each method's peak memory is measured. Ids of a
    ``--outputs`` file that name no cluster of the set are a logged warning (``warn_ignored=False``: not, for a
    caller that said so itself, as the command line does before the run)."""
    check_options(words, jobs=jobs, seed=seed)
    for name, ignored in check_external(eval_set, external).items():
        if ignored and warn_ignored:
            log.warning("%s: %d summaries for ids not in %s ignored", name, ignored, eval_set.name)
    by_name = {e.name: e for e in external}
    names = tuple(resolve_methods(names, list(by_name)))
    require_extras(names)
    # BLAS threads left spinning after one method's matrix product would count in the CPU time of the next
    single_blas_thread()
    clusters = eval_set.clusters
    if not clusters:
        raise EmptyInputError(f"{eval_set.name}: no clusters to score")
    runs: list[ClusterRun] = []
    if jobs == 1 or len(clusters) < 2:
        warm_up(names, words, by_name)
        settle_heap()
        try:
            for i, c in enumerate(clusters):
                runs.append(run_cluster(c, names, words, lsum, first=i, external=by_name))
                if progress:
                    progress(1)
        finally:
            gc.unfreeze()
    else:
        # Load every method (lazy models, caches) here first, so that all workers, of this pool and of
        # later ones, fork the same code and state even if files in the tree change during a long run.
        warm_up(names, words, by_name)
        ctx = multiprocessing.get_context("fork")
        pool_args = (names, words, lsum, by_name)
        with ctx.Pool(min(jobs, len(clusters)), initializer=_init_worker, initargs=pool_args) as pool:
            for run in pool.imap(_work, enumerate(clusters), chunksize=1):
                runs.append(run)
                if progress:
                    progress(1)
    biggest = sorted(clusters, key=lambda c: -sum(len(a.text.split()) for a in c.articles))[:MEMORY_CLUSTERS]
    peaks = dict.fromkeys(names, float("nan"))
    if memory and biggest:
        warm_up(names, words, by_name)
        for m in names:
            peaks[m] = peak_memory_mb(biggest, m, words, by_name)
            if memory_progress:
                memory_progress(1)
    results = tuple(
        MethodResult(
            method=m,
            scores=aggregate([r.scores[m] for r in runs], seed=seed),
            seconds=tuple(r.seconds[m] for r in runs),
            peak_mb=peaks[m],
            origin=origin(by_name[m]) if m in by_name else "",
        )
        for m in names
    )
    return Evaluation(
        dataset=eval_set.name,
        words=words,
        seed=seed,
        ids=eval_set.ids,
        digest=eval_set.digest(),
        cluster_words=tuple(r.words for r in runs),
        results=results,
        per_cluster=tuple(runs),
    )
