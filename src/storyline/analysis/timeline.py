"""Timeline: dated statements in calendar order, with the articles that report them.

Date phrases are found and resolved by :mod:`.dates` against each article's own publication date; a
relative phrase in an undated article keeps its wording and no calendar date. A phrase that names a
period keeps its precision: "this week" is the ISO week (``2018-W23``), never one of its days. The same date in
aligned sentences (the same fact, :mod:`.align`) is one event credited to every article."""

from __future__ import annotations

from ..model import Cluster
from ..represent import vectors
from . import dates
from .align import Group
from .model import Event, Span

LOOSE = 0.2
SKIP = frozenset({"today"})  # the day of writing: true of every sentence, not an event


def timeline(cluster: Cluster, groups: list[Group]) -> tuple[Event, ...]:
    group_of = {i: k for k, g in enumerate(groups) for i in g.members}
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    merged: dict[tuple, dict] = {}
    sim = vectors(cluster).similarity
    for i, s in enumerate(cluster.sentences):
        published = cluster.article(s.article).date
        for d in dates.find(s.text, published):
            if d.text.lower() in SKIP:
                continue
            key = (group_of[i], d.resolved) if i in group_of and d.resolved else (i, d.start)
            if key not in merged and d.resolved and len(d.resolved) == 10:
                # The same day in loosely similar sentences of other articles is the same event.
                key = next((k for k, e in merged.items() if e["date"] == d.resolved and e["articles"] != {s.article}
                            and max(float(sim[i, j]) for j in e["rows"]) >= LOOSE), key)
            ev = merged.setdefault(key, {"date": d.resolved, "phrase": d.text, "text": s.text, "arts": [], "spans": [],
                                             "rows": [], "articles": set()})
            ev["arts"] += [s.article, *cluster.duplicates.get(s.article, ())]
            ev["rows"].append(i)
            ev["articles"].add(s.article)
            ev["spans"].append(Span(s.article, s.start, s.end))
    events = [
        Event(e["date"], e["phrase"], e["text"], tuple(sorted(set(e["arts"]), key=order.__getitem__)),
              tuple(dict.fromkeys(e["spans"])))
        for e in merged.values()
    ]
    events.sort(key=lambda e: (e.date is None, dates.sort_key(e.date) if e.date else "", order[e.articles[0]],
                               e.spans[0].start))
    return tuple(events)
