"""Agreement: the main facts of a story, each a group of aligned sentences, ranked by how many
articles report it ("reported by 4 of 5 sources"), ties broken by how early the fact appears (news
puts the main facts first: the inverted pyramid). An article whose aligned sentence gives the fact
with an incompatible figure, day or name (a disagreement, :mod:`.conflicts`) disputes the fact rather
than reporting it: it is not counted, and a fact so left with one article is no agreement.

A statement quoted at length (a ministry's press release, a speech) is aligned sentence by sentence,
since each outlet quotes it sentence for sentence; listed as it is, one statement carried by the same
two outlets would fill the list. Aligned groups whose every sentence quotes the same speaker (or the
same unattributed quotation, :mod:`.quotes`), carried by the same articles, are therefore one fact:
its text is the statement's first aligned sentence, and its spans are all of the statement's
sentences.

A headline and its own lead, which says the headline again at length (:mod:`.restated`), can align with
different outlets: the headline with one, the lead with another. They are one fact, reported by all of
them, and are joined (only a headline, an article's first sentence: in long articles, a later sentence
that a longer one holds half of is as often another fact); a disagreement still keeps an article out. A
headline longer than its lead, which says it again in fewer words, is joined to the lead the same way.

The sentence shown must read whole (:mod:`.whole`): an article whose sentence is a piece of a quotation
the segmenter cut (“He will not take part … . or He walks away from bad deals.”) is passed over for
one whose marks balance. When every article gives only such a piece, the piece is shown with the
sentences its quotation runs over in that article (cited too), if they are few; a piece that cannot
be made whole and is the tail of a quotation heads no fact, nor does a quotation another fact shows.
A piece of a sentence the page cut mid-phrase (:func:`.whole.is_cut`: "William B. Becker, creator of the online"
run into the next sentence) reports nothing: its article is not counted for the fact it aligns with. A story's last
sentence cut short (:func:`.whole.is_cut_short`) still reports it, but is shown only when no whole sentence can be.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors, vectors
from .align import Group
from .conflicts import disputed_by
from .entities import EntityIndex
from .model import Fact, Quote, Span
from .restated import RESTATED, restaters
from .whole import is_cut, is_cut_short, is_tail, is_whole, quotation

MAX_FACTS = 12


def _statements(cluster: Cluster, quotes: Sequence[Quote]) -> dict[int, str | None]:
    """Sentence (index into ``cluster.sentences``) → the statement it quotes: the speaker, or the quotation
    itself when unattributed; None for a sentence that quotes two different statements."""
    sents = cluster.sentences
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        by_article.setdefault(s.article, []).append(i)
    starts = {a: [sents[i].start for i in idx] for a, idx in by_article.items()}
    out: dict[int, str | None] = {}
    for k, q in enumerate(quotes):
        key = f"speaker:{q.speaker}" if q.speaker is not None else f"quote:{k}"
        for sp in q.spans:
            idx = by_article.get(sp.article, [])
            pos = max(0, bisect.bisect_right(starts.get(sp.article, []), sp.start) - 1)
            while pos < len(idx) and sents[idx[pos]].start < sp.end:
                i = idx[pos]
                if sents[i].end > sp.start:
                    out[i] = key if out.get(i, key) == key else None
                pos += 1
    return out


def _statement_key(g: Group, statements: dict[int, str | None]) -> tuple[tuple[str, ...], str] | None:
    keys = {statements.get(i) for i in g.members}
    key = keys.pop() if len(keys) == 1 else None
    return None if key is None else (g.articles, key)


def facts(cluster: Cluster, groups: list[Group], *, quotes: Sequence[Quote] = (), index: EntityIndex | None = None,
          limit: int = MAX_FACTS) -> tuple[Fact, ...]:
    """The facts of ``groups``, most widely reported first. With ``index``, an article that contradicts a
    fact's figures (the same aligned fact with an incompatible value, :mod:`.conflicts`) does not count
    as reporting it, and a fact left with fewer than two articles is no agreement."""
    sents = cluster.sentences
    total = len(cluster.articles)
    first = lambda g: min(sents[i].index for i in g.members)  # noqa: E731
    statements = _statements(cluster, quotes)
    merged: list[list[Group]] = []
    at: dict[tuple[tuple[str, ...], str], int] = {}
    for g in sorted(groups, key=lambda g: (first(g), g.members)):
        key = _statement_key(g, statements)
        if key is not None and key in at:
            merged[at[key]].append(g)
            continue
        if key is not None:
            at[key] = len(merged)
        merged.append([g])
    candidates = [_supported(cluster, gs, index) for gs in merged]
    # each with the articles that dispute it (their aligned sentence gives an incompatible value)
    kept = [(first(gs[0]), *c, frozenset(a for g in gs for a in g.articles) - set(c[1]))
            for gs, c in zip(merged, candidates, strict=True) if len(c[1]) >= 2]
    ranked = sorted(_join_restated(cluster, kept), key=lambda x: (-len(x[2]), x[0]))
    out: list[Fact] = []
    seen: set[int] = set()  # sentences already shown: two sentences of one quotation show it once
    for _, shown, articles, cited, _ in ranked:
        if len(out) == limit:
            break
        unit = _whole_unit(cluster, shown)
        if unit is None or seen.intersection(unit):
            continue
        seen.update(unit)
        members = sorted(set(cited) | set(unit), key=lambda i: (sents[i].article, sents[i].start))
        out.append(
            Fact(
                text=" ".join(sents[i].text for i in unit),
                articles=articles,
                spans=tuple(Span(sents[i].article, sents[i].start, sents[i].end) for i in members),
                total=total,
            )
        )
    return tuple(out)


def _whole_unit(cluster: Cluster, i: int) -> tuple[int, ...] | None:
    """The sentences to show for sentence ``i``: itself when it reads whole, else with the sentences its
    quotation runs over; None for the tail of a quotation that cannot be made whole. The start of a
    long quotation is kept as it is: it begins the statement."""
    if is_whole(cluster, i):
        return (i,)
    unit = quotation(cluster, i)
    if unit is not None:
        return unit
    return None if is_tail(cluster, i) else (i,)


def _supported(cluster: Cluster, gs: list[Group], index: EntityIndex | None) -> tuple[int, tuple[str, ...], list[int]]:
    """The sentence to show for a fact, the articles that support it and the sentences to cite.

    An article that gives a figure, a day or a name of the fact incompatible with the shown sentence's
    (see :func:`.conflicts.disputed_by`) contradicts it, so it is not counted as reporting it. The
    sentence shown is the one the most articles support; on a tie, one that reads whole, then the group's
    centre."""
    sents = cluster.sentences
    head = gs[0]
    members = [i for g in gs for i in g.members]
    whole = {i: is_whole(cluster, i) and not is_cut(cluster, i) and not is_cut_short(cluster, i)
             for i in head.members}
    # An article whose every aligned sentence is a piece the page cut mid-phrase reports nothing of the fact.
    cut = {sents[i].article for i in members if is_cut(cluster, i)} - {
        sents[i].article for i in members if not is_cut(cluster, i)}
    silent = frozenset(cut).union(*(cluster.duplicates.get(a, ()) for a in cut))
    shown_from = [i for i in head.members if sents[i].article not in silent] or list(head.members)
    if index is None:
        shown = max(shown_from, key=lambda i: (whole[i], i == head.centre, -i))
        return (shown, tuple(a for a in head.articles if a not in silent),
                [i for i in members if sents[i].article not in silent])
    against = [disputed_by(cluster, g, index) for g in gs]
    disagree = [disputed_by(cluster, g, index, disagreeing=True) for g in gs]

    def torn(ref: str) -> frozenset[str]:
        """The articles that disagree with each other (a Disagreement, not the values of two things: "opened lower
        Wednesday after Cohn's resignation" and "his resignation on Tuesday" both report the resignation) where
        ``ref``'s sentence sides with neither (its "nearly 400,000" fits both "more than 100,000" and "more than
        320,000", its sentence gives no day against "on Friday" and "Sept. 23"): neither is credited through
        ``ref``, as a reader could not tell which one the fact is."""
        kept = {a for a in head.articles if not any(a in d.get(ref, ()) for d in against)}
        return frozenset(a for a in kept for d in disagree if d.get(a, frozenset()) & kept)

    torn_by = {a: torn(a) for a in dict.fromkeys(sents[i].article for i in shown_from)}
    shown = max(shown_from, key=lambda i: (sum(a not in against[0][sents[i].article] and a not in
                                               torn_by[sents[i].article] for a in head.articles),
                                           whole[i], i == head.centre, -i))
    ref = sents[shown].article
    dropped = silent.union(torn_by[ref], *(d.get(ref, frozenset()) for d in against))
    return (shown, tuple(a for a in head.articles if a not in dropped),
            [i for i in members if sents[i].article not in dropped])


# first position, sentence shown, articles, sentences cited, articles that dispute it
_Candidate = tuple[int, int, tuple[str, ...], list[int], frozenset[str]]


def _join_restated(cluster: Cluster, kept: list[_Candidate]) -> list[_Candidate]:
    """The facts with each headline joined to the fact its own lead gives: one outlet's headline aligned
    with a second outlet, and its lead, which says the headline again at length (:mod:`.restated`), with
    a third, are one fact that all three report, not two facts each of two.

    Only an article's first sentence is joined so, to the fact of the sentence that restates it best (the
    most terms shared; of as many, the earliest): in a long article a later sentence that a longer one
    holds half of is as often another fact (a quotation, a detail) as the same one, and a headline joins
    one fact, not each that echoes it. A headline longer than its lead joins the lead's fact when the lead
    (the sentence right below it) is what it restates (``_restated_lead``). A disagreement still counts:
    two facts are not joined when one credits an article that disputes the other
    (:func:`.conflicts.disputed_by`), and a fact a dispute left with fewer than two articles is not in
    ``kept``, so it joins nothing."""
    sents = cluster.sentences
    owner = {i: k for k, c in enumerate(kept) for i in c[3]}
    heads = [i for i in owner if sents[i].index == 0]
    if not heads:
        return kept
    vecs = vectors(cluster)
    n_terms = vecs.distinct_terms
    parent = list(range(len(kept)))
    credits = [set(c[2]) for c in kept]
    disputes = [set(c[4]) for c in kept]

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i in sorted(heads):
        shared = vecs.shared_terms(i)
        others = [j for j in owner if sents[j].article == sents[i].article and owner[j] != owner[i]]
        best = max(restaters(cluster, shared, n_terms, i, sorted(others)), key=lambda j: (shared[j], -j), default=None)
        if best is None:
            best = _restated_lead(cluster, vecs, n_terms, i, others)
        if best is not None:
            a, b = sorted((find(owner[i]), find(owner[best])))
            if a == b or credits[a] & disputes[b] or credits[b] & disputes[a]:
                continue
            parent[b] = a
            credits[a] |= credits[b]
            disputes[a] |= disputes[b]
    parts: dict[int, list[_Candidate]] = {}
    for k, c in enumerate(kept):
        parts.setdefault(find(k), []).append(c)
    return [_joined(cluster, p) if len(p) > 1 else p[0] for p in parts.values()]


def _restated_lead(
    cluster: Cluster, vecs: ClusterVectors, n_terms: np.ndarray, head: int, others: list[int]
) -> int | None:
    """The lead of ``head``'s article (its second sentence, of ``others``) when ``head`` says it again at
    greater length: a headline longer than its lead is the same fact as the lead, as a shorter one is. Only
    the sentence right below, and only a headline that adds little to it (the lead holds ``RESTATED`` of its
    terms too): one that adds a second clause ("…, unemployment rate hits 50-year low") may align with another
    outlet by that clause, a fact of its own. A later short sentence that the first holds half of is as often
    another fact."""
    lead = next((j for j in others if cluster.sentences[j].index == 1), None)
    if lead is None or vecs.shared_terms(head)[lead] < RESTATED * max(1, int(n_terms[head])):
        return None  # the headline says more than its lead (a second clause), and may align by that
    if next(restaters(cluster, vecs.shared_terms(lead), n_terms, lead, [head]), None) is None:
        return None
    return lead


def _joined(cluster: Cluster, parts: list[_Candidate]) -> _Candidate:
    """One fact of ``parts``: shown as the one the most articles support (on a tie, by the longer sentence that
    reads whole), crediting the articles each credits and citing the sentences each cites. Sentences of
    different parts are not set against each other for values: :mod:`.conflicts` compares only sentences
    aligned as the same fact, and a headline's lead and another outlet's sentence were not."""
    sents = cluster.sentences
    head = max(parts, key=lambda c: (len(c[2]), is_whole(cluster, c[1]), sents[c[1]].words, -c[0]))
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    credited = {a for c in parts for a in c[2]}
    return (min(c[0] for c in parts), head[1], tuple(sorted(credited, key=order.__getitem__)),
            sorted({i for c in parts for i in c[3]}), frozenset().union(*(c[4] for c in parts)))
