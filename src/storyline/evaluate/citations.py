"""Are a summary's citations true? Each summary sentence names the articles that carry it (``sources``, then
``corroborated_by``); this checks every name against that article's own text, and every article left unnamed.

For a summary sentence and an article, the article's best match is classed in one of four bands:

- ``exact``: the sentence's words, in order, stand in the article (case, quote marks, dashes and spacing aside);
- ``near``: one sentence of the article holds at least ``NEAR`` of the summary sentence's word bigrams (an
  edited copy of the same sentence: a word changed, a clause cut);
- ``paraphrase``: one sentence (or two in a row) of the article holds at least ``PARAPHRASE`` of its stemmed
  content terms;

(for ``near`` and ``paraphrase``, a sentence that states figures, none of them the summary sentence's, does not
count: "at least 65 people" is an update of "at least 62 people", not a copy);
- ``none``: less.

A cited article in the band ``none`` is a false citation (precision); an article not cited in the band ``exact``
or ``near`` is a missed one (recall). Besides, each summary sentence is checked to be its article's text at its
span, and its words to stand in that order in the document as it was given (before cleaning: cleaning may only
delete), and its quotation marks to pair within the passage the summary shows it in (``quotemarks``, as the
renderers read them), and a passage of quoted words to name its speaker where its source does.

``python -m storyline.evaluate.citations`` runs it on the sets of ``../shared`` that are there and on the sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import api
from ..attribute import figures
from ..errors import EmptyInputError
from ..ingest import DocumentSet, read_dataset
from ..model import Article, Sentence, Summary
from ..options import SummarizeOptions
from ..quotemarks import balanced, ends_inside, opens_inside
from ..represent import content_terms
from ..segment import segment
from ..vocabulary import QUOTE_VERBS

NEAR = 0.6
PARAPHRASE = 0.5
BANDS = ("exact", "near", "paraphrase", "none")

_WORD = re.compile(r"\w+")


def word_list(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _bigrams(ws: Sequence[str]) -> Counter[tuple[str, str]]:
    return Counter(zip(ws, ws[1:], strict=False))


def _contained(part: Counter, whole: Counter) -> float:
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


@dataclass
class ArticleText:
    """An article as the check reads it: its words joined (for ``exact``) and its sentences."""

    joined: str
    sentences: list[tuple[Counter, Counter, set[str]]]  # bigrams, content terms, figures
    texts: list[str]  # the sentences, as the segmenter gives them

    @classmethod
    def of(cls, article: Article) -> ArticleText:
        sents = [s.text for s in segment(article)]
        rows = [(_bigrams(word_list(t)), Counter(content_terms(t)), figures(t)) for t in sents]
        # two sentences in a row, for a sentence that the article tells in two
        pairs = [(a[0] + b[0], a[1] + b[1], a[2] | b[2]) for a, b in zip(rows, rows[1:], strict=False)]
        return cls(" " + " ".join(word_list(article.text)) + " ", rows + pairs, sents)


def band(text: str, other: ArticleText) -> tuple[str, float]:
    """The band of ``other``'s best match for the summary sentence ``text``, and its score."""
    ws = word_list(text)
    if ws and f" {' '.join(ws)} " in other.joined:
        return "exact", 1.0
    grams, terms, figs = _bigrams(ws), Counter(content_terms(text)), figures(text)
    agree = [(k, g, t) for k, (g, t, f) in enumerate(other.sentences) if not (figs and f and not figs & f)]
    singles = len(other.texts)  # the rows after them are two sentences in a row: no copy of one sentence
    near = max((_contained(grams, g) for k, g, _ in agree if k < singles), default=0.0)
    if near >= NEAR:
        return "near", near
    para = max((_contained(terms, t) for _, _, t in agree), default=0.0)
    if para >= PARAPHRASE:
        return "paraphrase", para
    return "none", max(near, para)


def _subsequence(part: Sequence[str], whole: Sequence[str]) -> bool:
    it = iter(whole)
    return all(w in it for w in part)


@dataclass
class Finding:
    """One summary sentence's check."""

    dataset: str
    cluster: str
    method: str
    article: str
    index: int
    text: str
    cited: dict[str, tuple[str, float]] = field(default_factory=dict)  # article id -> (band, score)
    missed: dict[str, tuple[str, float]] = field(default_factory=dict)  # uncited article -> (band, score)
    span_ok: bool = True
    verbatim: str = "same"  # "same" | "deleted" (words cut, none added) | "added"
    # the quotation marks of the passage the sentence is shown in (``quotemarks``): "balanced"; "begun before" (it
    # begins inside a quotation its article opened earlier), "left open" (one runs on past it), "both" (the
    # renderers mark these with an ellipsis: “… and …”); or "stray" (marks that pair with nothing, in the source too)
    quotes: str = "balanced"
    # a passage made wholly of quoted words (it opens with a quotation mark), with no verb of saying or colon
    # that gives its speaker: "shown" when the source gives none either within a sentence of it, else "not shown"
    speaker: str = ""
    sources: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()  # the cluster's articles left out of the sentence pool as near-duplicates


def check_summary(
    dataset: str, cluster: str, summary: Summary, raw: dict[str, str], copies: Sequence[str] = ()
) -> list[Finding]:
    """Every sentence of ``summary`` checked against the articles' texts (``raw``: each article's text as given,
    before cleaning, by id)."""
    texts = {a.id: ArticleText.of(a) for a in summary.articles}
    raw_words = {k: word_list(v) for k, v in raw.items()}
    out = []
    chosen = summary.sentences
    for k, s in enumerate(chosen):
        sent = s.sentence
        f = Finding(dataset, cluster, summary.method, sent.article, sent.index, s.text, sources=s.sources,
                    copies=tuple(copies))
        cited = set(s.articles)
        for a in summary.articles:
            b = band(s.text, texts[a.id])
            if a.id in cited:
                f.cited[a.id] = b
            elif b[0] in ("exact", "near"):
                f.missed[a.id] = b
        f.span_ok = summary.article(sent.article).text[sent.start : sent.end] == s.text
        ws, rw = word_list(s.text), raw_words.get(sent.article)
        if rw is not None and f" {' '.join(ws)} " not in f" {' '.join(rw)} ":
            f.verbatim = "deleted" if _subsequence(ws, rw) else "added"
        lo, hi = _passage(chosen, k)
        passage = " ".join(c.text for c in chosen[lo : hi + 1])
        f.quotes = _quotes(summary.article(sent.article).text, chosen[lo].sentence, chosen[hi].sentence, passage)
        if _quoted(passage) and not _attributed(passage):
            near = texts[sent.article].texts[max(0, chosen[lo].sentence.index - 1) : chosen[hi].sentence.index + 2]
            f.speaker = "not shown" if _attributed(" ".join(near)) else "shown"
        out.append(f)
    return out


_QUOTE_WORD = re.compile(r"\b(?:" + "|".join(sorted(QUOTE_VERBS, key=len, reverse=True)) + r")\b|:\s*[“\"‘']")


def _quoted(passage: str) -> bool:
    return passage.lstrip()[:1] in ("“", '"') or passage.lstrip().startswith("``")


def _attributed(text: str) -> bool:
    return bool(_QUOTE_WORD.search(text.lower()))


def _quotes(text: str, first: Sentence, last: Sentence, passage: str) -> str:
    before, after = opens_inside(text, first), ends_inside(text, last)
    if before or after:
        return "both" if before and after else "begun before" if before else "left open"
    return "balanced" if balanced(passage) else "stray"


def _passage(chosen: Sequence, k: int) -> tuple[int, int]:
    """The run of chosen sentences around the ``k``-th that follow each other in one article: the renderers show
    a quotation over several sentences as one passage."""
    lo = hi = k
    while lo > 0 and _next(chosen[lo - 1].sentence, chosen[lo].sentence):
        lo -= 1
    while hi + 1 < len(chosen) and _next(chosen[hi].sentence, chosen[hi + 1].sentence):
        hi += 1
    return lo, hi


def _next(a, b) -> bool:
    return a.article == b.article and b.index == a.index + 1


# ------------------------------------------------------------------------------------------------- the sets


@dataclass(frozen=True)
class Set:
    name: str
    path: str  # relative to the shared folder; "" for the packaged sample
    words: int
    limit: int | None = None


SETS = (
    Set("multinews_val", "data/multinews/val.jsonl.gz", 300, 100),
    Set("multinews_dev_original", "data/multinews/dev_original_format.jsonl", 300, 100),
    Set("duc2003", "data/duc2003/task2_clean.jsonl", 100),
    Set("multiling2011", "data/multiling2011_en/test.jsonl", 250),
    Set("neus_val", "data/neus_allsides/val.jsonl", 60, 60),
    Set("example", "examples/trump-pakistan-letter", 150),
    Set("sample", "", 150),
)


def _first_lines(path: Path, limit: int) -> bytes:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        return b"".join(line for _, line in zip(range(limit), fh, strict=False))


def clusters_of(spec: Set, shared: Path) -> Iterator[DocumentSet]:
    """The clusters of one set: the first ``limit`` lines of a dataset file, a folder's files, or the sample."""
    if not spec.path:
        paths = api.sample_paths()
    else:
        path = shared / spec.path
        if path.is_dir():
            paths = api.read_paths([path])
        elif spec.limit:
            tmp = _first_lines(path, spec.limit)
            from ..ingest import parse_dataset

            yield from parse_dataset(tmp, str(path).removesuffix(".gz"))
            return
        else:
            yield from read_dataset(path)
            return
    articles = tuple(
        Article(id=str(k), text=p.read_text(encoding="utf-8"), origin=str(p)) for k, p in enumerate(paths, 1)
    )
    yield DocumentSet(id=spec.name, articles=articles)


def audit(sets: Iterable[Set], shared: Path, methods: Sequence[str], *, analysis: bool = False) -> list[Finding]:
    """The findings of every summary sentence of every cluster of ``sets``; with ``analysis``, of the summaries as
    ``summarize --analysis`` and the web page show them (sources widened by the analysis's Agreement facts)."""
    out = []
    for spec in sets:
        for ds in clusters_of(spec, shared):
            raw = {a.id: a.text for a in ds.articles}
            items = [Path(a.origin) if not spec.path or (shared / spec.path).is_dir() else a for a in ds.articles]
            try:
                articles = api.load_articles(items, strict=False)
            except EmptyInputError:  # every document was page clutter: no summary to check
                continue
            cluster = api.make_cluster(articles)
            for m in methods:
                options = SummarizeOptions(words=spec.words, method=m, strict=False)
                if analysis:
                    summary = api.summarize_with_analysis(cluster, options=options).summary
                else:
                    summary = api.summarize_cluster(cluster, options)
                hidden = [d for ds_ in cluster.duplicates.values() for d in ds_]
                out.extend(check_summary(spec.name, ds.id, summary, raw, hidden))
    return out


def table(findings: Sequence[Finding]) -> list[dict[str, object]]:
    """Per dataset and method: sentences, citations, and how many of each kind of fault."""
    keys = sorted({(f.dataset, f.method) for f in findings}, key=lambda k: (k[1], k[0]))
    rows = []
    for ds, m in keys:
        fs = [f for f in findings if (f.dataset, f.method) == (ds, m)]
        bands = Counter(b for f in fs for b, _ in f.cited.values())
        cites = sum(bands.values())
        rows.append({
            "dataset": ds, "method": m, "sentences": len(fs), "citations": cites,
            **{f"cited_{b}": bands[b] for b in BANDS},
            # of the citations besides the article each sentence was taken from (that one is its text, always)
            "precision": round(1 - bands["none"] / (cites - len(fs)), 4) if cites > len(fs) else 1.0,
            "missed": sum(len(f.missed) for f in fs),
            "sentences_missing_one": sum(1 for f in fs if f.missed),
            "span_wrong": sum(not f.span_ok for f in fs),
            "words_cut": sum(f.verbatim == "deleted" for f in fs),
            "words_added": sum(f.verbatim == "added" for f in fs),
            **{f"quotes_{q.replace(' ', '_')}": sum(f.quotes == q for f in fs)
               for q in ("begun before", "left open", "both", "stray")},
            "quote_speaker_not_shown": sum(f.speaker == "not shown" for f in fs),
        })
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storyline.evaluate.citations", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder (default ../shared)")
    parser.add_argument("--methods", default="default,fast")
    parser.add_argument("--sets", default=",".join(s.name for s in SETS))
    parser.add_argument("--dump", help="write every finding to this JSON Lines file")
    parser.add_argument("--analysis", action="store_true", help="the summaries with the analysis's sources")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    names = args.sets.split(",")
    sets = [s for s in SETS if s.name in names and (not s.path or (shared / s.path).exists())]
    findings = audit(sets, shared, args.methods.split(","), analysis=args.analysis)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for f in findings:
                fh.write(json.dumps(f.__dict__, ensure_ascii=False) + "\n")
    rows = table(findings)
    cols = list(rows[0]) if rows else []
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
