"""The summary's sources, read with the analysis: a summary sentence that heads or joins an Agreement fact is
also reported by that fact's other articles.

Attribution (:mod:`storyline.attribute`) credits the articles whose sentences say a chosen sentence again in
much the same words. The analysis also joins sentences that tell one fact in other words
(:mod:`.paraphrase`: "in a letter sent to the prime minister, urged the country to assist" / "said he had
received a letter … asking for his government's help"), and lists them under Agreement as "reported by 2 of
5 sources". Where a summary and its analysis are shown together (``storyline summarize --analysis``, the web
page), the summary sentence names those sources too, so that the two never tell the reader different things
about who reports what. An article that disputes the fact (:mod:`.conflicts`) is not among a fact's articles,
so it is never added; nor is one whose sentence of the fact gives other figures, or another day of the week, than
the summary sentence (:func:`same_values`: "at least 65 dead" and "at least 62 dead" may both be true, and join
one fact, but the first is no source for the figure 62).

:func:`evidence` locates, for each summary sentence, where each of its articles says it (the spans a page
marks), reading a corroborating article's sentence of the same fact from the analysis when there is one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..attribute import figures_agree
from ..model import Cluster, Sentence, Summary, SummarySentence
from ..represent import vectors
from . import dates
from .dates import WEEKDAYS
from .model import Analysis, Fact, Span


def corroborate(summary: Summary, analysis: Analysis) -> Summary:
    """``summary`` with each sentence's ``corroborated_by`` widened by the articles of every Agreement fact
    that one of the sentence's own spans belongs to (the sentence itself, in the article it was taken from),
    in the order the articles were given; but for an article whose sentence of the fact states figures and none
    of the summary sentence's (:func:`storyline.attribute.figures_agree`, the rule attribution credits by)."""
    order = {a.id: k for k, a in enumerate(summary.articles)}
    texts = {a.id: a.text for a in summary.articles}
    sentences = tuple(_widened(ss, analysis.facts, order, texts) for ss in summary.sentences)
    return summary if sentences == summary.sentences else replace(summary, sentences=sentences)


def _holds(fact: Fact, s: Sentence) -> bool:
    return any(sp.article == s.article and sp.start < s.end and s.start < sp.end for sp in fact.spans)


def _agrees(fact: Fact, s: Sentence, article: str, texts: dict[str, str]) -> bool:
    """Whether ``article`` tells fact ``fact`` with the figures and days of sentence ``s`` (:func:`same_values`):
    one of its sentences of the fact does (for a near-duplicate copy, which has none of its own, one of those of the
    fact that its text carries word for word, else of all of them). The analysis joins sentences that tell one fact
    in other words, and an update's "at least 65 dead" tells the fact of "at least 62 dead" (both may be true), but
    it is no source for the figure 62."""
    said = [(sp.article, texts[sp.article][sp.start : sp.end]) for sp in fact.spans if sp.article in texts]
    own = [t for a, t in said if a == article]
    if not own:
        own = [t for _, t in said if t in texts.get(article, "")] or [t for _, t in said]
    return any(same_values(s.text, t) for t in own)


def same_values(a: str, b: str) -> bool:
    """False when the two sentences both state figures and none of the one's is the other's
    (:func:`storyline.attribute.figures_agree`, the rule attribution credits by), or both name days of the week and
    none the same: "at least 65 people" does not back "at least 62 people", nor "until Sunday" "until Saturday".
    The figures of a date ("in November 2015", "on Nov. 10") are the date's, compared as days only: they are no
    disagreement with "three suspects" or "the two companies"."""
    if not figures_agree(_undated(a), _undated(b)):
        return False
    da, db = set(_WEEKDAY.findall(a.lower())), set(_WEEKDAY.findall(b.lower()))
    return not (da and db) or bool(da & db)


_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")


def _undated(text: str) -> str:
    """``text`` without its date phrases (:func:`.dates.find`)."""
    out, at = [], 0
    for d in sorted(dates.find(text, None), key=lambda d: d.start):
        if d.start >= at:
            out.append(text[at : d.start])
            at = d.end
    return " ".join([*out, text[at:]])


def fact_span(analysis: Analysis, s: Sentence, article: str) -> Span | None:
    """Where ``article`` tells the Agreement fact that sentence ``s`` belongs to (its first span there), if
    ``s`` belongs to one that ``article`` reports: the evidence for a source that :func:`corroborate` added."""
    for fact in analysis.facts:
        if article in fact.articles and _holds(fact, s):
            return next((sp for sp in fact.spans if sp.article == article), None)
    return None


def _widened(ss: SummarySentence, facts: tuple[Fact, ...], order: dict[str, int],
             texts: dict[str, str]) -> SummarySentence:
    s = ss.sentence
    known = set(ss.articles)
    extra: set[str] = set()
    for fact in facts:
        if _holds(fact, s):
            extra.update(a for a in fact.articles if a not in known and _agrees(fact, s, a, texts))
    if not extra:
        return ss
    added = sorted(extra, key=lambda a: order.get(a, len(order)))
    return replace(ss, corroborated_by=(*ss.corroborated_by, *added))


def evidence(cluster: Cluster, summary: Summary, analysis: Analysis | None = None) -> tuple[tuple[Span, ...], ...]:
    """For each summary sentence, where each article that carries it says so: the chosen sentence itself for its
    origin, the same words in a wire copy, for an article the analysis found telling the same fact in other words
    (``analysis``: :func:`fact_span`) its sentence of that fact, and for another corroborating article its
    sentence most similar to the chosen one (TF-IDF cosine, the measure attribution used to credit it). An
    article without any of these (no sentence of its own) has no span."""
    sim = vectors(cluster).similarity
    position = {(s.article, s.index): i for i, s in enumerate(cluster.sentences)}
    out: list[tuple[Span, ...]] = []
    for ss in summary.sentences:
        s = ss.sentence
        i = position.get((s.article, s.index))
        spans: list[Span] = []
        for aid in ss.articles:
            span = _evidence_span(cluster, s, aid, i, sim, analysis)
            if span is not None:
                spans.append(span)
        out.append(tuple(spans))
    return tuple(out)


def _evidence_span(cluster: Cluster, s: Sentence, aid: str, i: int | None, sim: Any,
                   analysis: Analysis | None) -> Span | None:
    if aid == s.article:
        return Span(aid, s.start, s.end)
    at = cluster.article(aid).text.find(s.text)
    if at >= 0:
        return Span(aid, at, at + len(s.text))
    told = None if analysis is None else fact_span(analysis, s, aid)
    if told is not None:
        return Span(aid, told.start, told.end)
    if i is None:
        return None
    best = max((j for j, o in enumerate(cluster.sentences) if o.article == aid), key=lambda j: float(sim[i, j]),
               default=None)
    if best is None:
        return None
    o = cluster.sentences[best]
    return Span(aid, o.start, o.end)
