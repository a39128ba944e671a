"""Scoring the story analysis on the labelled set in ``benchmarks/analysis/set.json``.

    python -m storyline.evaluate.analysis_bench [SET] [-o benchmarks/analysis_results.md]

Per section, precision and recall against the gold labels, for the development split and the
held-out split (the last 25% of clusters, scored only to report):
- quotes: a predicted quote matches a gold quote of the same article when most of the shorter text's
  words are in the other; attribution is right when the speaker's last name matches (None for an
  unattributed gold quote). Precision over attributed predictions, recall over attributed gold quotes.
- conflicts: a predicted conflict matches a gold one of the same kind (count/amount/percent are
  "number") whose articles it splits the same way. Equivalent figures planted as non-conflicts count
  as false positives when reported.
- timeline: a gold (article, phrase) found among the events, and its date exactly right.
- names: pairwise F1 over the gold surface forms of each person (same predicted entity or not).
- agreement / only-here: by the generator's per-sentence fact labels (generated clusters only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from ..analysis import analyze_cluster
from ..analysis.model import Analysis
from ..api import make_cluster
from ..files import write_atomic
from ..model import Article
from ..represent import stem, words

DEFAULT_SET = Path("benchmarks/analysis/set.json")
DEFAULT_OUT = Path("benchmarks/analysis_results.md")
NUMBER = {"amount", "count", "percent", "number"}


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def _overlap(a: str, b: str) -> bool:
    ta, tb = _terms(a), _terms(b)
    small = min(len(ta), len(tb))
    return small > 0 and len(ta & tb) / small >= 0.6


def _same_person(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return pred.split()[-1].lower() == gold.split()[-1].lower()


def score_quotes(an: Analysis, gold: list[dict], c: Counter) -> None:
    pred = [(s.article, q) for q in an.quotes for s in q.spans]
    for art, q in pred:
        text = an.article(art).text
        piece = " ".join(text[s.start : s.end] for s in q.spans if s.article == art)
        match = [g for g in gold if g["article"] == art and _overlap(piece, g["text"])]
        if q.speaker is not None:
            c["quote_pred"] += 1
            c["quote_tp"] += bool(match) and any(_same_person(q.speaker, g["speaker"]) for g in match)
    for g in gold:
        hits = [q for art, q in pred if art == g["article"]
                and _overlap(" ".join(an.article(art).text[s.start:s.end] for s in q.spans if s.article == art),
                             g["text"])]
        if g["speaker"] is None:
            c["unattr_gold"] += 1
            c["unattr_ok"] += bool(hits) and all(q.speaker is None for q in hits)
            continue
        c["quote_gold"] += 1
        c["quote_found"] += any(_same_person(q.speaker, g["speaker"]) for q in hits)


def score_conflicts(an: Analysis, gold: list[dict], c: Counter) -> None:
    used = set()
    for conf in an.conflicts:
        kind = "number" if conf.kind in NUMBER else conf.kind
        c["conf_pred"] += 1
        for k, g in enumerate(gold):
            odd = set(g["values"][1][1])
            if k not in used and g["kind"] == kind and any(set(v.articles) == odd for v in conf.values):
                used.add(k)
                c["conf_tp"] += 1
                break
    c["conf_gold"] += len(gold)


def score_timeline(an: Analysis, gold: list[dict], c: Counter) -> None:
    for g in gold:
        c["date_gold"] += 1
        # An event merged across articles keeps one phrase; its evidence is each article's sentence.
        # A near-duplicate article is credited without spans of its own: its copy's sentence is the evidence.
        found = [e for e in an.timeline for s in e.spans if g["article"] in e.articles
                 and (s.article == g["article"] or len(e.articles) > len({x.article for x in e.spans}))
                 and g["phrase"].lower() in an.article(s.article).text[s.start : s.end].lower()
                 and (g["phrase"].lower() in e.phrase.lower() or e.phrase.lower() in g["phrase"].lower()
                      or len(e.articles) > 1)]
        c["date_found"] += bool(found)
        c["date_exact"] += any(e.date == g["date"] for e in found)


def score_names(an: Analysis, gold: list[dict], c: Counter) -> None:
    where: dict[str, str] = {}
    for e in an.people:
        for form in (e.name, *e.aliases):
            where.setdefault(form.lower(), e.name)
    forms = [(f.lower(), p["name"]) for p in gold for f in p["forms"]]
    for i in range(len(forms)):
        for j in range(i + 1, len(forms)):
            same_gold = forms[i][1] == forms[j][1]
            a, b = where.get(forms[i][0]), where.get(forms[j][0])
            same_pred = a is not None and a == b
            c["pair_tp"] += same_gold and same_pred
            c["pair_pred"] += same_pred
            c["pair_gold"] += same_gold
    for f, _ in forms:  # a form no predicted person carries is a miss (counts as its own singleton)
        c["form_total"] += 1
        c["form_found"] += f in where


def score_sections(an: Analysis, labels: dict[str, list[dict]], c: Counter) -> None:
    def fact_at(art: str, start: int) -> str | None:
        for lab in labels.get(art, []):
            if lab["start"] <= start < lab["end"]:
                return lab["fact"]
        return None

    shared = {lab["fact"] for labs in labels.values() for lab in labs
              if sum(lab["fact"] in {x["fact"] for x in ls} for ls in labels.values()) >= 2}
    found = set()
    for f in an.facts:
        ids = {fact_at(s.article, s.start) for s in f.spans}
        c["agree_pred"] += 1
        if len(ids) == 1 and ids <= shared:
            c["agree_tp"] += 1
            found |= ids
    c["agree_gold"] += len(shared)
    c["agree_found"] += len(found)
    exclusive = {lab["fact"] for labs in labels.values() for lab in labs if lab["fact"].startswith("only_")}
    got = set()
    for o in an.only_here:
        c["only_pred"] += 1
        fid = fact_at(o.article, o.span.start)
        if fid in exclusive:
            c["only_tp"] += 1
            got.add(fid)
    c["only_gold"] += len(exclusive)
    c["only_found"] += len(got)


def evaluate(clusters: list[dict]) -> Counter:
    c: Counter = Counter()
    for cl in clusters:
        arts = [Article(id=a["id"], text=a["text"], source=a["source"], date=a["date"]) for a in cl["articles"]]
        an = analyze_cluster(make_cluster(arts))
        g = cl["gold"]
        score_quotes(an, g["quotes"], c)
        score_conflicts(an, g["conflicts"], c)
        score_timeline(an, g["timeline"], c)
        score_names(an, g["people"], c)
        if "sentences" in g:
            score_sections(an, g["sentences"], c)
        c["clusters"] += 1
    return c


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def rows(c: Counter) -> list[tuple[str, float, float, str]]:
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    pp, pr = _ratio(c["pair_tp"], c["pair_pred"]), _ratio(c["pair_tp"], c["pair_gold"])
    return [
        ("quote speaker attribution", _ratio(c["quote_tp"], c["quote_pred"]), _ratio(c["quote_found"], c["quote_gold"]),
         f"{c['quote_gold']} attributed gold quotes; unattributed marked right "
         f"{c['unattr_ok']}/{c['unattr_gold']}"),
        ("conflicts", _ratio(c["conf_tp"], c["conf_pred"]), _ratio(c["conf_tp"], c["conf_gold"]),
         f"{c['conf_gold']} gold, {c['conf_pred']} reported"),
        ("timeline dates (exact)", _ratio(c["date_exact"], c["date_found"]), _ratio(c["date_exact"], c["date_gold"]),
         f"exact over all gold dates = {_ratio(c['date_exact'], c['date_gold']):.3f} ({c['date_gold']} gold)"),
        ("canonical-name merging", pp, pr, f"pairwise F1 {f1(pp, pr):.3f}; forms found {c['form_found']}/"
         f"{c['form_total']}"),
        ("agreement (facts)", _ratio(c["agree_tp"], c["agree_pred"]), _ratio(c["agree_found"], c["agree_gold"]),
         "generated clusters only"),
        ("only here", _ratio(c["only_tp"], c["only_pred"]), _ratio(c["only_found"], c["only_gold"]),
         "generated clusters only"),
    ]


def report(dev: Counter, held: Counter, seconds: float, set_path: Path) -> str:
    lines = [
        "# Story analysis benchmark",
        "",
        f"Set: `{set_path}` ({dev['clusters']} development + {held['clusters']} held-out clusters, fictional, "
        "written by the project). Produced by `make bench-analysis`.",
        "",
        "| section | dev P | dev R | held-out P | held-out R | notes (dev) |",
        "|---|---|---|---|---|---|",
    ]
    for (name, p, r, note), (_, hp, hr, _) in zip(rows(dev), rows(held), strict=True):
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {hp:.3f} | {hr:.3f} | {note} |")
    lines += ["", "Targets: quote attribution P ≥ 0.9, R ≥ 0.8; conflicts P ≥ 0.8, R ≥ 0.7; timeline dates exact "
              "≥ 0.85; canonical-name merging F1 ≥ 0.9.", "", f"Run time: {seconds:.1f} s."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", type=Path, default=DEFAULT_SET)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    try:
        data = json.loads(args.set.read_text(encoding="utf-8"))["clusters"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        what = "no 'clusters' list" if isinstance(exc, (KeyError, TypeError)) else exc
        ap.error(f"{args.set}: not a labelled analysis set ({what})")
    t = time.perf_counter()
    dev = evaluate([c for c in data if c["split"] == "dev"])
    held = evaluate([c for c in data if c["split"] == "heldout"])
    text = report(dev, held, time.perf_counter() - t, args.set)
    write_atomic(args.output, text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
