"""Methods from outside the package, scored beside storyline's: a system's summaries read from a file
(``--outputs NAME=PATH``) or a Python callable imported by its path (``--callable NAME=module:function``).

Both go through the runner like every other method: the same cut to the budget, the same ROUGE, intervals,
paired comparison and plot. A callable is timed and memory-traced exactly as the registry's methods are
(around the call, from the raw document texts to the summary); summaries read from a file were made
elsewhere, so their CPU time and memory are not measured (NaN, "—" in the tables), never 0.

Cluster ids, which a file's lines are matched by: a JSONL dataset's ``"id"`` (its line's ``FILE:LINE`` when it
has none), ``STEM_LINE`` for line LINE of a Multi-News ``STEM.src`` file (``val_1``), and the lower-case
folder name without its trailing letters for a DUC cluster folder (``d30001`` for ``d30001t/``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputNotFoundError, MalformedDataError, OptionsError, StorylineError
from ..ingest import MAX_DATASET_BYTES, DocumentSet, dataset_lines, read_bytes

# A method's name in tables, --methods and --pair: no comma (it separates --methods), no "=".
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")
# The names --methods expands; no outside method may take one.
RESERVED = ("all", "ours", "sumy")


class CallableFailedError(StorylineError):
    """A ``--callable`` method raised, or returned no summary, on a cluster (exit 1)."""


@dataclass(frozen=True, slots=True)
class SystemOutputs:
    """A system's summaries by cluster id, read from ``path`` (``read_outputs``); not timed."""

    name: str
    path: str
    summaries: Mapping[str, str]
    timed = False

    def summarize(self, cluster: DocumentSet, words: int) -> str:
        return self.summaries[cluster.id]

    def over_budget(self, ids: Sequence[str], words: int) -> int:
        """How many of the summaries of clusters ``ids`` run over ``words`` words (cut to them when scored)."""
        return sum(1 for i in ids if i in self.summaries and len(self.summaries[i].split()) > words)

    def empty(self, ids: Sequence[str]) -> list[str]:
        """The clusters of ``ids`` whose summary here holds no word (scored 0, as an empty summary is)."""
        return [i for i in ids if i in self.summaries and not self.summaries[i].split()]

    def check_ids(self, ids: Sequence[str], known: Iterable[str]) -> int:
        """Raise ``MalformedDataError`` when a cluster of the run (``ids``) has no summary here; return how many
        ids here name no cluster of the dataset (``known``: every id it holds, sampled or not), ignored."""
        missing = [i for i in ids if i not in self.summaries]
        known = set(known)
        if missing and known.isdisjoint(self.summaries):  # another naming of the clusters, not a few left out
            first = next(iter(self.summaries))
            raise MalformedDataError(
                f"--outputs {self.name}={self.path}: none of its {len(self.summaries)} ids is a cluster id of the "
                f"dataset (its first {first!r}, the dataset's {ids[0]!r}; ids: see 'storyline eval --help')"
            )
        if missing:
            raise MalformedDataError(
                f"--outputs {self.name}={self.path}: no summary for {len(missing)} of the {len(ids)} clusters "
                f"scored, the first {missing[0]!r}; to score the clusters it has, add --ids {self.path}"
            )
        return len(set(self.summaries) - known)


def summary_text(value: Any) -> str | None:
    """A summary given as a string or a list of sentence strings, as one text (None: neither)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and all(isinstance(s, str) for s in value):
        # One sentence a line; ROUGE-Lsum splits every output into sentences the same way whatever its breaks.
        return "\n".join(s.strip() for s in value)
    return None


def read_outputs(name: str, path: str | Path) -> SystemOutputs:
    """The summaries of a JSONL file, ``{"id": CLUSTER_ID, "summary": "text" or ["sentence", ...]}`` a line
    (``.gz`` read too). A malformed line and an id given twice are ``MalformedDataError`` naming the line."""
    check_name(name)
    where = str(path)
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"--outputs {name}={where}: no such file")
    if not p.is_file():  # the article reader's "or pipe it in as -" is no way to give --outputs
        kind = "a directory" if p.is_dir() else "not a regular file (a device, FIFO or socket)"
        raise InputNotFoundError(f"--outputs {name}={where}: {kind}; give the JSONL file of the summaries")
    out: dict[str, str] = {}
    line_of: dict[str, int] = {}
    # the dataset reader's line reader: the same gzip, encoding and size rules, "FILE, line N" in its errors
    for lineno, obj in dataset_lines(read_bytes(p, max_bytes=MAX_DATASET_BYTES), where):
        at = f"{where}, line {lineno}"
        if not isinstance(obj, dict) or "id" not in obj or "summary" not in obj:
            raise MalformedDataError(f"{at}: expected a JSON object with an 'id' and a 'summary'")
        cid = obj["id"]
        if isinstance(cid, bool) or not isinstance(cid, str | int):
            raise MalformedDataError(f"{at}: 'id' must be a cluster id (a string)")
        cid = str(cid)
        text = summary_text(obj["summary"])
        if text is None:
            raise MalformedDataError(f"{at}: 'summary' must be a string or a list of sentence strings")
        if cid in out:
            raise MalformedDataError(f"{at}: id {cid!r} again (first on line {line_of[cid]}); one summary a cluster")
        out[cid] = text
        line_of[cid] = lineno
    if not out:
        raise MalformedDataError(f"{where}: no summaries in this file")
    return SystemOutputs(name=name, path=where, summaries=out)


def load_function(target: str, name: str = "") -> Callable[..., Any]:
    """The object ``module.path:function`` names (dots after the colon reach attributes), imported now; an
    ``OptionsError`` when the import or an attribute fails or the object is not callable."""
    opt = f"--callable {name}={target}" if name else target
    module_name, sep, attr = target.partition(":")
    if not sep or not module_name or not attr:
        raise OptionsError(f"{opt}: give the function as module.path:function")
    try:
        obj: Any = importlib.import_module(module_name)
    except Exception as exc:  # noqa: BLE001 - any error of the user's module at import time, said in one line
        raise OptionsError(f"{opt}: cannot import {module_name} ({type(exc).__name__}: {first_line(exc)})") from None
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise OptionsError(f"{opt}: {module_name} has no attribute {attr}") from None
    if not callable(obj):
        raise OptionsError(f"{opt}: {attr} is a {type(obj).__name__}, not a function")
    return obj  # type: ignore[no-any-return]


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


@dataclass(frozen=True, slots=True)
class CallableMethod:
    """``function(documents: list[str], words: int) -> str | list[str]``, the cluster's raw document texts and the
    word budget in, the summary out; timed and memory-traced like the registry's methods. Made by
    ``callable_method`` (from a ``module:function`` path) or directly with a function object (Python API)."""

    name: str
    function: Callable[[list[str], int], Any]
    target: str = ""  # module:function, when it was imported by its path
    timed = True

    def summarize(self, cluster: DocumentSet, words: int) -> str:
        try:
            value = self.function([a.text for a in cluster.articles], words)
        except Exception as exc:  # noqa: BLE001 - the user's code: any error is theirs, named with the cluster
            raise CallableFailedError(
                f"--callable {self.name} failed on cluster {cluster.id!r}: {type(exc).__name__}: {first_line(exc)}"
            ) from None
        text = summary_text(value)
        if text is None:
            raise CallableFailedError(
                f"--callable {self.name} returned {_a_value_of(value)} on cluster {cluster.id!r}; "
                "return the summary as a string or a list of sentence strings"
            )
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent to a worker process by its path (imported there), so a function object need not pickle.
        if self.target:
            return (callable_method, (self.name, self.target))
        return (CallableMethod, (self.name, self.function, self.target))


def _a_value_of(value: object) -> str:
    """What a function returned, named as a sentence does: "None", "an int", "a dict"."""
    if value is None:
        return "None"
    kind = type(value).__name__
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def callable_method(name: str, target: str) -> CallableMethod:
    """The method ``name`` that calls the function at ``target`` (``module.path:function``), imported now."""
    check_name(name)
    return CallableMethod(name=name, function=load_function(target, name), target=target)


ExternalMethod = SystemOutputs | CallableMethod


def check_name(name: str) -> None:
    if not _NAME.match(name):
        raise OptionsError(
            f"{name!r}: a method name is letters, digits and _ . + - (no comma or space); e.g. --outputs mine=out.jsonl"
        )


def check_names(names: Sequence[str], taken: Iterable[str]) -> None:
    """No outside method takes the name of one of ours (``taken``), of ``all``/``ours``/``sumy``, or of another."""
    taken = set(taken)
    seen: set[str] = set()
    for name in names:
        check_name(name)
        if name in taken or name in RESERVED:
            raise OptionsError(f"{name!r} is one of storyline's method names; give your method another name")
        if name in seen:
            raise OptionsError(f"{name!r} names two outside methods; give each its own name")
        seen.add(name)


def parse_spec(spec: str, option: str) -> tuple[str, str]:
    """``NAME=VALUE`` of ``--outputs``/``--callable``, split."""
    name, sep, value = spec.partition("=")
    if not sep or not name.strip() or not value.strip():
        example = "mine=outputs.jsonl" if option == "--outputs" else "mine=mypackage.summarizer:summarize"
        raise OptionsError(f"{option} {spec}: give NAME=VALUE, e.g. {option} {example}")
    return name.strip(), value.strip()
