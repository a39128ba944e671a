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

The sentence shown must read whole (:mod:`.whole`): an article whose sentence is a piece of a quotation
the segmenter cut (“He will not take part … . or He walks away from bad deals.”) is passed over for
one whose marks balance. When every article gives only such a piece, the piece is shown with the
sentences its quotation runs over in that article (cited too), if they are few; a piece that cannot
be made whole and is the tail of a quotation heads no fact, nor does a quotation another fact shows.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import Cluster
from .align import Group
from .conflicts import disputed_by
from .entities import EntityIndex
from .model import Fact, Quote, Span
from .whole import is_tail, is_whole, quotation

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
    kept = [(gs, c) for gs, c in zip(merged, candidates, strict=True) if len(c[1]) >= 2]
    ranked = sorted(kept, key=lambda x: (-len(x[1][1]), first(x[0][0])))
    out: list[Fact] = []
    seen: set[int] = set()  # sentences already shown: two sentences of one quotation show it once
    for _, (shown, articles, cited) in ranked:
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
    whole = {i: is_whole(cluster, i) for i in head.members}
    if index is None:
        return max(head.members, key=lambda i: (whole[i], i == head.centre, -i)), head.articles, members
    against = [disputed_by(cluster, g, index) for g in gs]
    shown = max(head.members, key=lambda i: (sum(a not in against[0][sents[i].article] for a in head.articles),
                                             whole[i], i == head.centre, -i))
    ref = sents[shown].article
    dropped = frozenset().union(*(d.get(ref, frozenset()) for d in against))
    return (shown, tuple(a for a in head.articles if a not in dropped),
            [i for i in members if sents[i].article not in dropped])
