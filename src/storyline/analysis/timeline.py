"""Timeline: dated statements in calendar order, with the articles that report them.

Date phrases are found and resolved by :mod:`.dates` against each article's own publication date; a
relative phrase in an undated article keeps its wording and no calendar date. A phrase that names a
period keeps its precision: "this week" is the ISO week (``2018-W23``), never one of its days. The same date in
aligned sentences (the same fact, :mod:`.align`) is one event credited to every article; so is the same
unresolved phrase ("on Monday" / "Monday") in aligned sentences of undated articles, or, for a phrase that names a
day, in loosely similar ones, as the same resolved day is. A weekday told beside the date it names ("Saturday,
April 15", "Saturday (March 29)") is one phrase, not two events."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..attribute import copies
from ..model import Cluster
from ..represent import vectors
from . import dates
from .align import Group
from .model import Event, Span

LOOSE = 0.2
SKIP = frozenset({"today"})  # the day of writing: true of every sentence, not an event
_DAY_KINDS = frozenset({"weekday", "mdy", "dmy", "iso", "rel"})  # phrases that name one day
_APPOSED = re.compile(r"\s*[,(]?\s*$")  # what may stand between a weekday and its date: "Saturday, April 15"
# The page's own stamps that the segmenter left at a sentence's start, run into the story: a byline's date ("By Karen
# Graham Oct 31, 2015 in Entertainment A famous photograph …") and an update line's ("Update, July 8th, 12:45AM ET:
# Article updated …"). They date the page, not an event.
_STAMP = re.compile(r"^\W*(?:(?:By\s+)+(?:[A-Z][\w.'’-]*\s+){1,4}|(?:Updated?|UPDATED?|Posted|Published|Last updated)\b"
                    r"[\s,:–—-]*(?:on\s+|at\s+)?)$")


def timeline(cluster: Cluster, groups: list[Group]) -> tuple[Event, ...]:
    group_of = {i: k for k, g in enumerate(groups) for i in g.members}
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    merged: dict[tuple, dict] = {}
    # the keys of ``merged`` by what the search below asks of an event first, its date or, undated, its wording,
    # in ``merged``'s order: a pass over every event for each date phrase was quadratic (10,000 dated lines: minutes)
    dated: dict[str, list[tuple]] = defaultdict(list)
    worded: dict[str, list[tuple]] = defaultdict(list)
    sim = vectors(cluster).similarity
    carried = copies(cluster)
    for i, s in enumerate(cluster.sentences):
        published = cluster.article(s.article).date
        for d in _phrases(s.text, published):
            if d.text.lower() in SKIP:
                continue
            wording = _wording(d.text)
            if i in group_of and d.resolved:
                key: tuple = (group_of[i], d.resolved)
            elif i in group_of:
                key = (group_of[i], None, wording)
            else:
                key = (i, d.start)
            if key not in merged and (d.resolved and len(d.resolved) == 10 or not d.resolved and d.kind in _DAY_KINDS):
                # The same day in loosely similar sentences of other articles is the same event; so is the same
                # phrase for a day that no publication date resolves ("on Friday" / "Friday" in undated reports).
                key = next((k for k in (dated[d.resolved] if d.resolved else worded[wording])
                            if merged[k]["articles"] != {s.article}
                            and max(float(sim[i, j]) for j in merged[k]["rows"]) >= LOOSE), key)
            if key not in merged:
                (dated[d.resolved] if d.resolved else worded[wording]).append(key)
            ev = merged.setdefault(key, {"date": d.resolved, "phrase": d.text, "text": s.text, "arts": [], "spans": [],
                                         "rows": [], "articles": set(), "wording": wording})
            # a near-duplicate copy reports the event where its own text carries the sentence with the date phrase
            # ("on Saturday" and an edited copy's "Saturday" are one day)
            ev["arts"] += [s.article, *carried.carrying(s.article, s.text, words=_ON.sub("", d.text))]
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


def _phrases(sentence: str, published: str | None) -> list[dates.DatePhrase]:
    """The sentence's date phrases, a weekday and the date it names right after it ("on Saturday, April 15",
    "Saturday (March 29)", "Tuesday, Oct. 30, 2012") taken as one phrase: the date's, as the date resolves it."""
    found = [d for d in dates.find(sentence, published) if not _stamp(sentence, d)]
    out: list[dates.DatePhrase] = []
    for d in found:
        if out and out[-1].kind == "weekday" and d.kind in ("mdy", "dmy", "iso") \
                and _APPOSED.fullmatch(sentence[out[-1].end : d.start]):
            day = out.pop()
            tail = ")" if sentence[d.end : d.end + 1] == ")" and "(" in sentence[day.end : d.start] else ""
            d = replace(d, text=sentence[day.start : d.end] + tail, start=day.start, end=d.end + len(tail))
        out.append(d)
    return out


def _stamp(sentence: str, d: dates.DatePhrase) -> bool:
    """Whether ``d`` is the page's stamp, not an event's day: a byline's or an update line's date at the sentence's
    start, or a date that is all its sentence says but for a credit ("(July 6) AP")."""
    rest = re.findall(r"[^\W\d_]+", sentence[: d.start] + " " + sentence[d.end :])
    return bool(_STAMP.match(sentence[: d.start])) or len(rest) <= 1


_ON = re.compile(r"^on\s+", re.IGNORECASE)


def _wording(phrase: str) -> str:
    """A date phrase as words to compare when no date resolves it: "on Monday" and "Monday" say one thing."""
    return re.sub(r"^on\s+", "", " ".join(phrase.lower().split()))
