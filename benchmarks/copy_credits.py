"""Do the analysis's sections credit a near-duplicate copy only with what the copy's own text carries?

A copy of an article (the same wire story in another outlet) is left out of the sentence pool (``Cluster.duplicates``)
and credited beside its original; an outlet's copy is often trimmed or edited, so it may lack an item its original
gives. For every item of every section (Agreement facts, Disagreement values, quotes, entities, timeline events,
only-here), each credited article that has no span of its own in the item (a copy) is read for the item, by the
citation audit's own bands (:func:`storyline.evaluate.citations.band`), independently of the analysis's code:

- facts, only-here: the item's sentences; carried when the copy's best match is ``exact``, ``near`` or
  ``paraphrase``;
- timeline events: the same, and the date phrase as written (but for an "on" before it) stands in the copy;
- Disagreement values: the value's sentences so, and the value as written stands in the copy;
- quotes: the quoted words, in order (``exact``), or 60% of their word pairs in the copy's text (``near``);
- entities: the entity's name, or one of the names it goes by, as a whole word in the copy.

    PYTHONPATH=src .venv/bin/python benchmarks/copy_credits.py [--shared ../shared] [--show]

Runs on the citation audit's clusters (``storyline.evaluate.citations.SETS``: val's first 100, dev_original's
first 100, DUC, MultiLing, NeuS val's first 60, the example, the sample); only clusters with a copy are analysed.
Prints per section the credits to copies and how many of them the copy does not carry; ``--show`` lists those.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from storyline import api
from storyline.analysis import analyze_cluster
from storyline.analysis.model import Analysis, Span
from storyline.errors import EmptyInputError
from storyline.evaluate.citations import SETS, ArticleText, band, clusters_of, word_list
from storyline.model import Cluster

SECTIONS = ("facts", "conflicts", "quotes", "entities", "timeline", "only_here")


def _bigrams(ws: list[str]) -> set[tuple[str, str]]:
    return set(zip(ws, ws[1:], strict=False))


def _span_text(cluster: Cluster, sp: Span) -> str:
    return cluster.article(sp.article).text[sp.start : sp.end]


def _sentences_carried(texts: list[str], copy: ArticleText) -> bool:
    return any(band(t, copy)[0] != "none" for t in texts)


def _words_in(phrase: str, copy_words: str) -> bool:
    ws = word_list(phrase)
    if ws[:1] == ["on"]:  # "on Saturday" is one event's phrase, "Saturday's" another article's
        ws = ws[1:]
    return not ws or f" {' '.join(ws)} " in copy_words


def _quote_carried(quoted: list[str], copy: ArticleText, copy_pairs: set[tuple[str, str]]) -> bool:
    for q in quoted:
        ws = word_list(q)
        if f" {' '.join(ws)} " in copy.joined:
            return True
        pairs = _bigrams(ws)
        if pairs and len(pairs & copy_pairs) / len(pairs) >= 0.6:
            return True
    return False


def _name_carried(names: list[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names if n)


def check(cluster: Cluster, analysis: Analysis) -> list[tuple[str, str, str, bool]]:
    """(section, copy id, item text, carried) for every credit of a copy in ``analysis``."""
    hidden = {d for ds in cluster.duplicates.values() for d in ds}
    read = {d: ArticleText.of(cluster.article(d)) for d in hidden}
    pairs = {d: _bigrams(word_list(cluster.article(d).text)) for d in hidden}
    out: list[tuple[str, str, str, bool]] = []

    def copies_of(articles: tuple[str, ...], spans: tuple[Span, ...]) -> list[str]:
        own = {sp.article for sp in spans}
        return [a for a in articles if a in hidden and a not in own]

    for f in analysis.facts:
        texts = [_span_text(cluster, sp) for sp in f.spans]
        out += [("facts", d, f.text, _sentences_carried(texts, read[d])) for d in copies_of(f.articles, f.spans)]
    for c in analysis.conflicts:
        for v in c.values:
            texts = [_span_text(cluster, sp) for sp in v.spans]
            out += [("conflicts", d, f"{v.text}: {c.fact}",
                     _sentences_carried(texts, read[d]) and _words_in(v.text, read[d].joined))
                    for d in copies_of(v.articles, v.spans)]
    for q in analysis.quotes:
        quoted = [_span_text(cluster, sp) for sp in q.spans]
        out += [("quotes", d, q.text, _quote_carried(quoted, read[d], pairs[d]))
                for d in copies_of(q.articles, q.spans)]
    for e in analysis.entities:
        names = [e.name, *e.aliases]
        out += [("entities", d, e.name, _name_carried(names, cluster.article(d).text))
                for d in copies_of(e.articles, e.spans)]
    for ev in analysis.timeline:
        texts = [_span_text(cluster, sp) for sp in ev.spans]
        out += [("timeline", d, f"{ev.phrase}: {ev.text}",
                 _sentences_carried(texts, read[d]) and _words_in(ev.phrase, read[d].joined))
                for d in copies_of(ev.articles, ev.spans)]
    for o in analysis.only_here:
        out += [("only_here", d, o.text, _sentences_carried([o.text], read[d]))
                for d in copies_of(o.articles, (o.span,))]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder (default ../shared)")
    parser.add_argument("--show", action="store_true", help="list the credits the copy does not carry")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    sets = [s for s in SETS if not s.path or (shared / s.path).exists()]
    if not any(s.path for s in sets):
        print(f"no data sets under {shared / 'data'}: only the sample is read", file=sys.stderr)
    credits: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    n_clusters = n_copies = 0
    for spec in sets:
        for ds in clusters_of(spec, shared):
            items = [Path(a.origin) if not spec.path or (shared / spec.path).is_dir() else a for a in ds.articles]
            try:
                articles = api.load_articles(items, strict=False)
            except EmptyInputError:
                continue
            cluster = api.make_cluster(articles)
            if not cluster.duplicates:
                continue
            n_clusters += 1
            n_copies += sum(len(ds_) for ds_ in cluster.duplicates.values())
            for section, copy, text, carried in check(cluster, analyze_cluster(cluster)):
                credits[section] += 1
                if not carried:
                    missing[section] += 1
                    if args.show:
                        print(f"{spec.name} {ds.id} {section} copy {copy}: {text[:160]!r}")
    print(f"{n_clusters} clusters with copies, {n_copies} copies")
    print("| section | credits to copies | not carried |")
    print("|---|---|---|")
    for section in SECTIONS:
        print(f"| {section} | {credits[section]} | {missing[section]} |")
    print(f"| all | {sum(credits.values())} | {sum(missing.values())} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
