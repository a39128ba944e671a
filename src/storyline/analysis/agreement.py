"""Agreement: the main facts of a story, each a group of aligned sentences, ranked by how many
articles report it ("reported by 4 of 5 sources"), ties broken by how early the fact appears (news
puts the main facts first: the inverted pyramid)."""

from __future__ import annotations

from ..model import Cluster
from .align import Group
from .model import Fact, Span

MAX_FACTS = 12


def facts(cluster: Cluster, groups: list[Group], *, limit: int = MAX_FACTS) -> tuple[Fact, ...]:
    sents = cluster.sentences
    total = len(cluster.articles)
    ranked = sorted(groups, key=lambda g: (-len(g.articles), min(sents[i].index for i in g.members)))
    out = []
    for g in ranked[:limit]:
        centre = sents[g.centre]
        out.append(
            Fact(
                text=centre.text,
                articles=g.articles,
                spans=tuple(Span(sents[i].article, sents[i].start, sents[i].end) for i in g.members),
                total=total,
            )
        )
    return tuple(out)
