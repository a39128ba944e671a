"""Evaluation sets: clusters with reference summaries, from three formats.

- the JSON Lines schema of ``../shared/data`` (``{"id", "documents", "summaries"}``), read by
  :func:`storyline.ingest.read_dataset`;
- the Multi-News release format (Fabbri et al., ACL 2019): one cluster per line of a ``.src`` file, its
  sources joined by ``|||||`` (the raw release) or `` story_separator_special_tag `` (the preprocessed and
  truncated ones) and line breaks written ``NEWLINE_CHAR``, the summaries on the same line of a parallel
  ``.tgt`` file;
- DUC SGML: a directory of cluster subdirectories (``d30001t/``) whose files hold ``<DOC>...<TEXT>...</TEXT>
  </DOC>`` records, and a directory of model summaries named by cluster (``D30001.M.100.T.A``).

``--limit K`` keeps a seeded sample of K clusters (numpy ``Generator``), in file order, so "1,000 clusters
of Multi-News val" means the same clusters on every machine.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import EmptyInputError, InputNotFoundError, MalformedDataError, OptionsError, StorylineError
from ..ingest import (
    MAX_DATASET_BYTES,
    DocumentSet,
    dataset_clusters,
    dataset_lines,
    decode,
    is_dataset_name,
    read_bytes,
    read_dataset,
)
from ..model import Article

# Between two sources of a cluster: "|||||" in the raw release, "story_separator_special_tag" in the
# preprocessed and truncated ones.
MULTINEWS_DOC_SEP = re.compile(r"\|\|\|\|\||\bstory_separator_special_tag\b")
_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_CLUSTER_KEY = re.compile(r"^[a-z]*\d+", re.I)


@dataclass(frozen=True, slots=True)
class EvalSet:
    """The clusters to score: ``name`` is a short label for reports."""

    name: str
    clusters: tuple[DocumentSet, ...]
    # every cluster id the file holds, in file order, sampled by --limit or not (empty: those of ``clusters``)
    file_ids: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.clusters)

    @property
    def all_ids(self) -> tuple[str, ...]:
        return self.file_ids or self.ids

    def reference_words(self) -> float:
        """The references' length in words, averaged over a cluster's references, then over the clusters."""
        per = [sum(len(r.split()) for r in c.summaries) / len(c.summaries) for c in self.clusters if c.summaries]
        return sum(per) / len(per) if per else 0.0

    def digest(self) -> str:
        """sha256 of the cluster ids, in order: a gate notices when its slice changes."""
        return hashlib.sha256("\n".join(self.ids).encode("utf-8")).hexdigest()


def dataset_name(path: Path) -> str:
    """``multinews/val`` for ``.../multinews/val.jsonl.gz``: the parent folder and the stem."""
    stem = path.name
    for suffix in (".gz", ".jsonl", ".json", ".src", ".txt"):
        stem = stem.removesuffix(suffix)
    return f"{path.parent.name}/{stem}" if path.parent.name else stem


def _check(ds: DocumentSet, where: str) -> DocumentSet:
    if not ds.articles:
        raise MalformedDataError(f"{where}: the cluster has no documents")
    if not ds.summaries:
        raise MalformedDataError(f"{where}: the cluster has no reference summaries")
    return ds


# ---------------------------------------------------------------------------------------------- Multi-News


def _multinews_text(text: str) -> str:
    return text.replace("NEWLINE_CHAR", "\n").strip()


def sibling_target(src: Path) -> Path | None:
    """``test.tgt`` next to ``test.src`` (the last ``src`` in the name becomes ``tgt``)."""
    name = src.name
    k = name.rfind("src")
    if k < 0:
        return None
    cand = src.with_name(name[:k] + "tgt" + name[k + 3 :])
    return cand if cand.is_file() else None


def _read_text(path: Path) -> str:
    return decode(read_bytes(path, max_bytes=MAX_DATASET_BYTES), str(path))


def read_multinews(src: Path, tgt: Path) -> list[DocumentSet]:
    """Clusters from a Multi-News ``.src`` file and its parallel ``.tgt`` file."""
    sources = _read_text(src).split("\n")
    targets = _read_text(tgt).split("\n")
    # A trailing newline leaves one empty last line in each file.
    while sources and not sources[-1].strip():
        sources.pop()
    while targets and not targets[-1].strip():
        targets.pop()
    if len(sources) != len(targets):
        raise MalformedDataError(
            f"{src}: {len(sources)} clusters but {tgt} has {len(targets)} summaries; the files must be parallel"
        )
    out = []
    for lineno, (line, summary) in enumerate(zip(sources, targets, strict=True), 1):
        docs = [_multinews_text(d) for d in MULTINEWS_DOC_SEP.split(line)]
        docs = [d for d in docs if d]
        articles = tuple(
            Article(id=str(i), text=d, origin=f"{src}:{lineno}#{i}") for i, d in enumerate(docs, 1)
        )
        refs = tuple(s for s in [_multinews_text(summary)] if s)
        if not articles:  # the .src line is blank (whatever its .tgt line holds)
            raise MalformedDataError(f"{src}, line {lineno}: the cluster has no documents")
        where = f"{tgt}, line {lineno}"
        out.append(_check(DocumentSet(id=f"{src.stem}_{lineno}", articles=articles, summaries=refs), where))
    if not out:
        raise EmptyInputError(f"{src}: no clusters in this file")
    return out


# ---------------------------------------------------------------------------------------------- DUC


def cluster_key(name: str) -> str:
    """``d30001`` for a documents folder ``d30001t`` and for a model file ``D30001.M.100.T.A``."""
    head = name.split(".")[0]
    m = _CLUSTER_KEY.match(head)
    return (m.group() if m else head).lower()


def _sgml_docs(text: str, where: str) -> list[tuple[str, str]]:
    """(docno, body) of every ``<DOC>`` record; a file without records is one document."""
    out = []
    records = _DOC.findall(text) or [text]
    for k, rec in enumerate(records, 1):
        m = _TEXT.search(rec)
        body = m.group(1) if m else (rec if not _DOC.search(text) else "")
        body = html.unescape(_TAG.sub(" ", body))
        body = "\n".join(" ".join(line.split()) for line in body.split("\n")).strip()
        if body:
            no = _DOCNO.search(rec)
            out.append((no.group(1) if no else f"{where}#{k}", body))
    return out


def _listed(names: Sequence[str], shown: int = 3) -> str:
    """``a.txt, b.md, c.html and 4 more``: the first ``shown`` of ``names``."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _cluster_dirs(docs_dir: Path) -> list[Path]:
    """The cluster folders of a DUC documents directory; else an error that says what eval expected of a
    directory and what this one holds (a folder of articles is to be summarized, not scored: it has no
    reference summaries)."""
    subdirs = sorted(p for p in docs_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not subdirs:
        files = sorted(p.name for p in docs_dir.iterdir() if p.is_file() and not p.name.startswith("."))
        datasets = [n for n in files if is_dataset_name(n) or n.lower().endswith((".src", ".tgt"))]
        if datasets:
            found = (f"{len(datasets)} dataset file{'s' if len(datasets) > 1 else ''} ({_listed(datasets)}): "
                     "give a .jsonl[.gz] or .src file by its own path")
        elif files:
            found = (f"{len(files)} file{'s' if len(files) > 1 else ''} ({_listed(files)}) and no cluster folder; "
                     "articles to summarize are for 'storyline summarize', eval needs reference summaries")
        else:
            found = "nothing in it"
        raise MalformedDataError(
            f"{docs_dir}: eval expected a dataset file (.jsonl[.gz], or a Multi-News .src) or a DUC documents "
            f"directory (one folder per cluster, e.g. d30001t/ with SGML files); found {found}"
        )
    return subdirs


def read_duc(docs_dir: Path, models_dir: Path) -> list[DocumentSet]:
    """Clusters from a DUC documents directory and a model-summaries directory, matched by cluster id."""
    if not models_dir.is_dir():
        if models_dir.exists():
            raise OptionsError(
                f"{models_dir}: not a directory; a DUC directory's --references is the directory of model summaries"
            )
        raise InputNotFoundError(f"{models_dir}: the model summaries directory does not exist")
    models: dict[str, list[str]] = {}
    for f in sorted(p for p in models_dir.rglob("*") if p.is_file() and not p.name.startswith(".")):
        text = _TAG.sub(" ", html.unescape(_read_text(f)))
        text = " ".join(text.split())
        if text:
            models.setdefault(cluster_key(f.name), []).append(text)
    subdirs = _cluster_dirs(docs_dir)
    out = []
    for sub in subdirs:
        docs: list[tuple[str, str]] = []
        for f in sorted(p for p in sub.rglob("*") if p.is_file() and not p.name.startswith(".")):
            docs.extend(_sgml_docs(_read_text(f), str(f)))
        key = cluster_key(sub.name)
        articles = tuple(
            Article(id=str(i), text=body, title="", origin=f"{sub}/{no}") for i, (no, body) in enumerate(docs, 1)
        )
        if not models.get(key):
            raise MalformedDataError(f"{sub}: no model summaries for cluster {key} in {models_dir}")
        out.append(_check(DocumentSet(id=key, articles=articles, summaries=tuple(models[key])), str(sub)))
    return out


# ---------------------------------------------------------------------------------------------- entry


def sample(clusters: Sequence[DocumentSet], limit: int | None, seed: int) -> tuple[DocumentSet, ...]:
    """A seeded sample of ``limit`` clusters, kept in file order (all of them when ``limit`` is None or
    not smaller than the set)."""
    if limit is not None and limit <= 0:
        raise OptionsError(f"--limit must be at least 1 (got {limit})")
    if limit is None or limit >= len(clusters):
        return tuple(clusters)
    return tuple(clusters[i] for i in sample_indices(len(clusters), limit, seed))


def sample_indices(n: int, limit: int, seed: int) -> list[int]:
    """The places, in file order, of the ``limit`` clusters of ``n`` that ``sample`` keeps (``limit < n``)."""
    return [int(i) for i in np.sort(np.random.default_rng(seed).choice(n, size=limit, replace=False))]


class UnknownIdsError(MalformedDataError):
    """``--ids`` names a cluster the dataset does not hold (exit 6)."""


@dataclass(frozen=True, slots=True)
class IdList:
    """The clusters a run is kept to (``--ids FILE``), in the order the file gives them; ``path`` for messages."""

    path: str
    ids: tuple[str, ...]


def read_ids(path: str | Path) -> IdList:
    """The cluster ids of a file: a JSON Lines file's ``"id"`` on every line (``.jsonl[.gz]``, ``.json``: a
    system's summaries for ``--outputs``, an earlier run's ``--per-cluster`` file, a dataset), else one id a line
    of plain text (blank lines skipped). An id given twice counts once."""
    where = str(path)
    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"--ids {where}: " + ("a directory; give the file of cluster ids" if p.is_dir()
                                                        else "no such file" if not p.exists()
                                                        else "not a regular file; give the file of cluster ids"))
    data = read_bytes(p, max_bytes=MAX_DATASET_BYTES)
    ids: list[str] = []
    if is_dataset_name(p.name):
        for lineno, obj in dataset_lines(data, where):
            cid = obj.get("id") if isinstance(obj, dict) else None
            if isinstance(cid, bool) or not isinstance(cid, str | int):
                raise MalformedDataError(f"{where}, line {lineno}: expected a JSON object with an 'id'")
            ids.append(str(cid))
    else:
        ids = [line.strip() for line in decode(data, where).splitlines() if line.strip()]
    if not ids:
        raise EmptyInputError(f"--ids {where}: no cluster ids in this file")
    return IdList(where, tuple(dict.fromkeys(ids)))


def chosen(ids: Sequence[str], limit: int | None, seed: int, only: IdList | None = None) -> list[int]:
    """The places, in file order, of the clusters a run keeps of those with ``ids``: the ones ``only`` names (an
    id it names that the file lacks is ``MalformedDataError``: a run on fewer clusters than asked for, unsaid, is
    a figure that does not compare), then a seeded sample of ``limit`` of those. Without ``only``, the clusters
    ``sample`` keeps."""
    if limit is not None and limit <= 0:
        raise OptionsError(f"--limit must be at least 1 (got {limit})")
    places = list(range(len(ids)))
    if only is not None:
        wanted = set(only.ids)
        places = [i for i in places if ids[i] in wanted]
        known = set(ids)
        missing = [i for i in only.ids if i not in known]
        if missing:
            raise UnknownIdsError(
                f"--ids {only.path}: {len(missing)} of its {len(only.ids)} ids name no cluster of the dataset, the "
                f"first {missing[0]!r} (the dataset's first is {ids[0]!r}; ids: see 'storyline eval --help')"
            )
    if limit is None or limit >= len(places):
        return places
    return [places[i] for i in sample_indices(len(places), limit, seed)]


# ---------------------------------------------------------------------------------------------- a sample, streamed


class _NotPlain(Exception):
    """The file is not plain UTF-8 JSON Lines: the whole-file reader, with its encodings and messages, reads it."""


def _jsonl_values(path: Path, wanted: set[int] | None = None) -> Iterator[tuple[int, object]]:
    """``(line number, JSON value)`` of a ``.jsonl[.gz]`` file read a line at a time (the lines in ``wanted``
    only, the others not parsed). ``_NotPlain`` where the whole-file reader could read it otherwise: a NUL, a
    line that is not UTF-8, a line break other than LF or CRLF (``str.splitlines`` breaks at U+2028 and a
    lone CR), or a line that is not JSON (so that its error is the one that reader gives)."""
    total = 0
    try:
        with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                total += len(raw)
                if total > MAX_DATASET_BYTES:
                    raise _NotPlain
                if wanted is not None and lineno not in wanted:
                    continue
                if b"\x00" in raw:
                    raise _NotPlain
                text = raw.decode("utf-8").removeprefix("\ufeff" if lineno == 1 else "")
                body = text.removesuffix("\n").removesuffix("\r")
                if len(body.splitlines()) > 1:
                    raise _NotPlain
                if body.strip():
                    yield lineno, json.loads(body)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError):
        raise _NotPlain from None


def _sampled_jsonl(
    path: Path, limit: int | None, seed: int, told: Callable[[int], None], only: IdList | None = None
) -> tuple[tuple[DocumentSet, ...], tuple[str, ...]] | None:
    """A ``--limit`` sample of a JSON Lines dataset, and every id of the file, holding only the sample's clusters:
    every cluster is read and checked as the whole-file reader checks it, then the sample's lines are read again
    (Multi-News train, 45,000 clusters: 1.6 GB of memory for 3 clusters, read whole). The same clusters as
    ``sample`` draws from the whole file. ``None`` where that reader is to read it (see ``_jsonl_values``), or
    to raise its own error."""
    name = str(path)
    lines: list[int] = []
    ids: list[str] = []
    at = [0]

    def noted(values: Iterator[tuple[int, object]]) -> Iterator[tuple[int, object]]:
        for lineno, value in values:  # a cluster is made of the last line read when it comes out
            at[0] = lineno
            yield lineno, value

    try:
        for k, ds in enumerate(dataset_clusters(noted(_jsonl_values(path)), name, need_summaries=True), 1):
            _check(ds, f"{path}, cluster {k} ({ds.id})")
            lines.append(at[0])
            ids.append(ds.id)
            told(1)
        keep = chosen(ids, limit, seed, only)
        if len(keep) == len(ids):
            return None  # every cluster is kept: nothing to save
        wanted = {lines[i] for i in keep}
        picked = tuple(dataset_clusters(_jsonl_values(path, wanted), name, need_summaries=True))
    except UnknownIdsError:
        raise  # the ids given, not the file: the whole-file reader would say the same after reading it all
    except (_NotPlain, StorylineError):
        return None
    if tuple(c.id for c in picked) != tuple(ids[i] for i in keep):
        raise MalformedDataError(f"{path}: the file changed while it was read; run again")
    return picked, tuple(ids)


def _after(skip: int, told: Callable[[int], None]) -> Callable[[int], None]:
    """``told``, silent for the first ``skip`` clusters."""
    left = [skip]

    def tell(n: int) -> None:
        quiet = min(n, left[0])
        left[0] -= quiet
        if n > quiet:
            told(n - quiet)

    return tell


# The model summaries of a DUC directory given without --references: a directory of one of these names beside it.
DUC_MODEL_DIRS = ("models", "model", "summaries")


def reference_path(path: str | Path, references: str | Path | None = None) -> Path | None:
    """The references a run over ``path`` reads besides it: ``references`` when given, else the ``.tgt`` file
    beside a Multi-News ``.src`` file or the model-summaries directory beside a DUC directory (``None`` when
    there is none, and for a JSONL file, which holds its own). No output may be written over or into them."""
    if references:
        return Path(references)
    path = Path(path)
    if path.is_dir():
        return next((path.parent / n for n in DUC_MODEL_DIRS if (path.parent / n).is_dir()), None)
    if not path.is_file() or is_dataset_name(path.name):
        return None
    return sibling_target(path)


def load_eval_set(
    path: str | Path, *, references: str | Path | None = None, limit: int | None = None, seed: int = 0,
    progress: Callable[[int], None] | None = None, only: IdList | None = None,
) -> EvalSet:
    """Read an evaluation set from a JSONL file, a Multi-News ``.src`` file or a DUC directory.

    ``progress(n)`` is told of the clusters read, as they are read: the whole file is read (and every cluster
    checked) even for a small ``limit``, since the sample is drawn from all of them (Multi-News train: 44,972
    clusters, 8-20 s); of a JSON Lines file, only the sample's clusters are kept (``_sampled_jsonl``)."""
    path = Path(path)
    told = progress or (lambda n: None)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        _cluster_dirs(path)  # a folder of dataset files is not DUC: say so before asking for model summaries
        models = reference_path(path, references)
        if models is None:
            raise OptionsError(f"{path}: a DUC directory needs --references MODELS_DIR (the model summaries)")
        clusters: Sequence[DocumentSet] = read_duc(path, models)
        told(len(clusters))
    elif is_dataset_name(path.name):
        if references:
            raise OptionsError("--references is for Multi-News .src files and DUC directories, not JSONL")
        read = 0

        def counted(n: int) -> None:
            nonlocal read
            read += n
            told(n)

        streamed = None
        # a regular file only: the whole-file reader refuses a FIFO or a device, which open() would wait on
        if (limit is not None or only is not None) and path.name.endswith((".jsonl", ".jsonl.gz")) and path.is_file():
            streamed = _sampled_jsonl(path, limit, seed, counted, only)
        if streamed is not None:
            picked, ids = streamed
            return EvalSet(name=dataset_name(path), clusters=picked, file_ids=ids)
        clusters = []
        told = _after(read, told)  # the clusters a streamed read gave up on were counted once already
        for k, ds in enumerate(read_dataset(path, need_summaries=True), 1):
            clusters.append(_check(ds, f"{path}, cluster {k} ({ds.id})"))
            told(1)
    else:
        tgt = reference_path(path, references)
        if tgt is None:
            raise OptionsError(
                f"{path}: not a .jsonl dataset; for Multi-News .src files give --references FILE.tgt"
            )
        clusters = read_multinews(path, tgt)
        told(len(clusters))
    file_ids = tuple(c.id for c in clusters)
    if only is None:
        return EvalSet(name=dataset_name(path), clusters=sample(clusters, limit, seed), file_ids=file_ids)
    kept = tuple(clusters[i] for i in chosen(file_ids, limit, seed, only))
    return EvalSet(name=dataset_name(path), clusters=kept, file_ids=file_ids)
