"""Paraphrase alignment: the same fact told in other words, joined to the groups wording aligned (:mod:`.align`).

Wording finds "sent a letter asking for help" in "sent a letter to ask for help", not in "wrote to the prime
minister, urging him to assist". Two reports of one fact share its anchors instead: the people, organisations
and places it is about (however each article names them: "the Pakistani prime minister" is Imran Khan once the
entity index says so, a title before a name is part of the name, "Pakistani" is Pakistan), its day and figures,
and what happened, in one of a few words news uses for it ("urged" / "asked", "assist" / "help", "detained" /
"arrested"; :data:`PARAPHRASES`; "lives lost" is "died"). A figure is one anchor however written ("$1.6B" /
"$1.6 billion"). How a report is framed ("said", "told CNN") is no anchor.

Inside one story every sentence names the same people, so a shared name is no evidence by itself: a pair is
taken when its sentences, each read as its anchors and other content terms, have a TF-IDF cosine of at least
``COSINE`` and share at least ``MIN_SHARED`` of them, of which one or more is a named entity and ``MIN_OTHER``
or more are neither a name nor a word of time ("X met Y on Monday" and "X criticised Y on Monday" share X, Y
and the day). Two sentences that each say when, with no time in common ("on Monday" / "last year"), are other
events; two that each name, with a title, a person the other does not are other facts about what they share. A
headline (an article's first sentence) says its fact in few words: with it, ``HEADLINE_SHARED`` shared items are
enough when they are ``HEADLINE_COVER`` of the headline's own, still ``MIN_OTHER`` of them no name; a
headline in title case is read word by word (a recogniser reads "Trump Vetoes Defense-Spending" as one name).
Only the lead of each article (its first ``LEAD`` sentences) is read: there news tells the story's main
facts, and further down, sentences that share a story's names and words were as often different details (on
the 92 Multi-News dev clusters, 15 of the 18 pairs judged wrong or unclear by hand lay past the sixth sentence,
and 24 of the 41 right).
Pairs are merged best-first after every wording pair, under the same one-sentence-per-article constraint, and
not when an article on one side gives a figure, a day or a name that contradicts the other side
(:func:`.conflicts.disputed_by`): a paraphrase never makes a disagreement.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

import numpy as np
from scipy import sparse

from ..attribute import NUMBER_WORD
from ..model import Cluster
from ..represent import STOPWORDS, stem, words
from ..vocabulary import PARAPHRASE_CLASSES, QUOTE_VERBS
from . import dates
from .align import BLOCK_CELLS, MIN_TERMS, Group, groups_of
from .conflicts import disputed_by
from .entities import EntityIndex, title_of
from .values import Quantity, quantities

COSINE = 0.35  # of the anchor vectors; wording alone takes pairs from 0.45 on (``attribute.COSINE``)
MIN_SHARED = 5  # anchors and terms the two sentences share
MIN_OTHER = 3  # of them, not named entities: what the sentences say of those they name
HEADLINE_SHARED = 4  # a pair with an article's first sentence (a headline) may share fewer, still MIN_OTHER of
HEADLINE_COVER = 0.6  # them not names, when they are this share of the headline's own (of the shorter of two)
LEAD = 6  # sentences of an article's lead, where news tells its main facts: the only ones paraphrases align
ENTITY_KINDS = ("person", "org", "place")

PARAPHRASES: dict[str, str] = {stem(w): f"#{line.split()[0]}" for line in PARAPHRASE_CLASSES for w in line.split()}
"""A term's stem → its paraphrase class (named by the class's first word): words news uses for one thing.
Kept to words with one reading in news prose: "fire" (dismiss, blaze), "press", "strike", "charge" ("in charge"),
"appeal" (a court's), "drop" ("dropped off") or "bar" are left out. So are the words for the kind of event a story is
about ("plane" / "airliner", "storm" / "hurricane"): there every sentence says it, and a class of them makes a rarer,
telling word common (on DUC 2003 two reports of an airliner's 229 dead lost their pair)."""

_PHRASES: dict[tuple[str, str], str] = {
    (stem("lives"), stem("lost")): "#kill",  # "lives (were) lost"
    (stem("lost"), stem("lives")): "#kill",  # "lost their lives"
    (stem("passed"), stem("away")): "#kill",
}
"""Two terms in a row (stopwords left out) that say what a class's word says: "lives lost" is "died"."""

FRAME = frozenset(stem(w) for phrase in QUOTE_VERBS for w in phrase.split()) | {stem("according")}
"""Verbs of saying: how a report is framed ("…, the ministry said", "told CNN"), no part of the fact. Left out."""

WHEN = frozenset(stem(w) for w in """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    day week month year morning afternoon evening night last next earlier later ago""".split())
"""Words of a day or time: kept (a day both give is an anchor), but not counted among ``MIN_OTHER``: most
sentences of a story happen on its one day."""

# suffixes of an adjective of a place ("Pakistani", "Chinese", "Iranian", "Mexican", "British")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|an|i|n)$")
_MIN_PLACE = 4
_DEMONYM_MAX_CUT = 4  # letters of a place's name its adjective's stem may lack: "Brit(ain)", "Chin(a)"


def join_paraphrases(cluster: Cluster, groups: list[Group], index: EntityIndex) -> list[Group]:
    """``groups`` (from :func:`.align.align`) with the paraphrase pairs merged in, largest first."""
    sents = cluster.sentences
    n = len(sents)
    if n < 2:
        return groups
    names = _Names.of(index)
    starts = {aid: [m.start for m in ms] for aid, ms in index.mentions.items()}
    bags = [_anchors(cluster, index, starts, i, names) for i in range(n)]
    pairs = _pairs(cluster, bags, [_people(cluster, index, starts, i) for i in range(n)])
    if not pairs:
        return groups
    parent = list(range(n))
    for g in groups:
        for i in g.members[1:]:
            parent[i] = g.members[0]
    part: dict[int, list[int]] = {g.members[0]: list(g.members) for g in groups}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def members(r: int) -> list[int]:
        return part.get(r, [r])

    # Two sides found to contradict, by their roots and sizes (a side only grows): the many pairs between two
    # large groups ask once, not once a pair (for 80 articles in two wordings of two figures, 87 s).
    refused: set[tuple[int, int, int, int]] = set()
    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = members(ri), members(rj)
        sides = (min(ri, rj), len(members(min(ri, rj))), max(ri, rj), len(members(max(ri, rj))))
        if sides in refused or {sents[k].article for k in a} & {sents[k].article for k in b}:
            continue
        if _contradicts(cluster, a, b, index):
            refused.add(sides)
            continue
        parent[rj] = ri
        part[ri] = sorted(a + b)
        part.pop(rj, None)
    if len(part) == len(groups) and all(len(part.get(g.members[0], ())) == len(g.members) for g in groups):
        return groups
    return groups_of(cluster, [m for m in part.values() if len(m) > 1])


def _contradicts(cluster: Cluster, a: list[int], b: list[int], index: EntityIndex) -> bool:
    """Whether an article of one side gives a value (figure, day, name) that contradicts the other side."""
    sents = cluster.sentences
    merged = sorted(a + b)
    against = disputed_by(cluster, Group(tuple(merged), (), merged[0]), index)
    side_a = {sents[k].article for k in a}
    side_b = {sents[k].article for k in b}
    return any(against.get(x, frozenset()) & side_b for x in side_a) or any(
        against.get(x, frozenset()) & side_a for x in side_b)


def _anchors(cluster: Cluster, index: EntityIndex, starts: dict[str, list[int]], i: int, names: _Names) -> list[str]:
    """Sentence ``i`` as anchors and terms: each entity it names as ``@name``, each other content word stemmed
    (its paraphrase class instead, ``#class``; a place's adjective as the place), each figure as its value.
    ``starts``: the start of each mention of ``index``, by article, where the sentence's own are looked up (not
    scanned for).

    A headline in title case ("Trump Vetoes Defense-Spending Bill") is read word by word: there the recogniser
    takes capitalised words for names ("Trump Vetoes Defense-Spending"), so a name of several words that the
    cluster gives nowhere else is no entity, and a word that is the last word of one of the cluster's entities
    ("Trump") is that entity."""
    s = cluster.sentences[i]
    text = cluster.article(s.article).text
    at_article = starts.get(s.article, [])
    mentions = index.mentions.get(s.article, [])[bisect_left(at_article, s.start) : bisect_left(at_article, s.end)]
    sentence, figures = _figures(text[s.start : s.end])
    headline = s.index == 0 and _title_cased(sentence)
    places = names.places
    out: list[str] = []
    at = s.start
    rest: list[str] = []
    titles: list[str] = []  # "President", "Pakistan's foreign minister": part of how a person is named
    for m in mentions:
        if m.end > s.end or m.kind not in ENTITY_KINDS or m.start < at:
            continue
        if headline and m.name in names.once and " " in m.name:
            continue
        rest.append(sentence[at - s.start : m.start - s.start])
        out.append("@" + m.name)
        if m.kind == "person":
            titles.extend(stem(w) for w in words(title_of(text[s.start : s.end], m.start - s.start, m.end - s.start)))
        at = m.end
    rest.append(sentence[at - s.start :])
    terms: list[str] = []
    for w in words(" ".join(rest)):
        if w in STOPWORDS or w.isdigit() and len(w) == 1 or w in _SMALL_NUMBERS:
            continue
        st = stem(w)
        if st in titles:
            titles.remove(st)
            continue
        if st in FRAME and st not in PARAPHRASES:  # "urged", "asked": what was said, not how it is reported
            continue
        named = names.last_words.get(w) if headline else None
        terms.append(named or PARAPHRASES.get(st) or places.names.get(w) or places.demonym(w) or st)
    k = 0
    while k < len(terms):  # "lives lost": two words of one class
        phrase = _PHRASES.get((terms[k], terms[k + 1])) if k + 1 < len(terms) else None
        out.append(phrase or terms[k])
        k += 2 if phrase else 1
    return out + figures


_SCALES = r"\b(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?|bn|mn)\b"
# the numerals of a figure ("$", "1.6B", "45,000", "billion", "forty-one"), not its noun ("people", "jobs")
_NUMERAL = re.compile(rf"[$€£¥]|\b\d[\d,.]*(?:[kmbt]n?)?\b|{_SCALES}|{NUMBER_WORD.pattern}", re.IGNORECASE)
_MIN_COUNT = 10  # a smaller count ("two councils", "3 people") anchors nothing: it was a stopword or one digit
# a numeral of 10 or more: only a sentence with one is read for figures (most have none; reading costs ~0.3 ms)
_MAY_HAVE_FIGURE = re.compile(
    rf"\d|{_SCALES}|\b(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)\b", re.IGNORECASE)
_SMALL_NUMBERS = frozenset("one two three four five six seven eight nine".split())


def _figures(sentence: str) -> tuple[str, list[str]]:
    """``sentence`` with the numerals of its figures blanked out, and each figure as one term, its value and
    kind (``=1.6e+09 amount``): "$1.6B" and "$1.6 billion" are one figure, not the terms "6b" and "billion". A
    time of day is left as it is written; a count under ``_MIN_COUNT`` is no term."""
    found = [q for q in quantities(sentence) if q.kind != "time"] if _MAY_HAVE_FIGURE.search(sentence) else []
    if not found:
        return sentence, []
    chars = list(sentence)
    for q in found:
        for m in _NUMERAL.finditer(sentence, q.start, q.end):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    kept = [q for q in found if q.kind != "count" or abs(_value(q)) >= _MIN_COUNT]  # "minus 15 degrees" too
    return "".join(chars), [f"={_rounded(_value(q))} {q.kind}" for q in kept]


def _value(q: Quantity) -> float:
    """The figure a sentence states: its estimate when hedged ("about 45,000"), else its least value."""
    return q.estimate if q.estimate is not None else q.lo


def _rounded(x: float) -> str:
    """``x`` to two significant figures: "$1.37 trillion" and "$1.4 trillion" are one figure, as
    :func:`.values.compatible` reads them; a pair that gives two figures still meets the dispute test."""
    return f"{float(f'{x:.2g}'):g}" if math.isfinite(x) else str(x)


_CAPITALISED = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")  # a word of four letters or more: "to", "of" stay small


def _title_cased(sentence: str) -> bool:
    """Whether a sentence is written in title case, as some outlets write headlines: of its words of four letters
    or more (at least three), nine in ten or more begin with a capital."""
    found = _CAPITALISED.findall(sentence)
    return len(found) >= 3 and sum(w[0].isupper() for w in found) >= 0.9 * len(found)


class _Names:
    """How the cluster's entities are looked up by a word: its places (:class:`_Places`), its entities by the
    last word of their name ("trump" → "@Donald Trump", when no other entity's name ends so; of the names given
    below a headline), and the names given only once in the cluster (a title-case headline's "Trump Vetoes
    Defense-Spending")."""

    def __init__(self, places: _Places, last_words: dict[str, str], once: frozenset[str]) -> None:
        self.places = places
        self.last_words = last_words
        self.once = once

    @classmethod
    def of(cls, index: EntityIndex) -> _Names:
        headline_end = {s.article: s.end for s in index.cluster.sentences if s.index == 0}
        counts: dict[str, int] = {}
        by_last: dict[str, set[str]] = {}
        for aid, ms in index.mentions.items():
            for m in ms:
                if m.kind not in ENTITY_KINDS:
                    continue
                counts[m.name] = counts.get(m.name, 0) + 1
                if m.start >= headline_end.get(aid, 0):  # a name a headline alone gives may be its words
                    by_last.setdefault(m.name.split()[-1].lower(), set()).add(m.name)
        last_words = {w: "@" + next(iter(ns)) for w, ns in by_last.items() if len(ns) == 1}
        return cls(_Places.of(index), last_words, frozenset(n for n, k in counts.items() if k == 1))


class _Places:
    """The cluster's places by their lower-cased one-word names ("pakistan" → "@Pakistan"), and by the
    beginnings an adjective of one keeps ("pakistan", "brit"): a word is looked up, not matched against every
    place, so that a cluster of many places costs no more per word than one of few."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        prefixes: dict[str, list[str]] = {}
        for name, place in names.items():
            for k in range(max(_MIN_PLACE, len(name) - _DEMONYM_MAX_CUT), len(name) + 1):
                prefixes.setdefault(name[:k], []).append(place)
        self.prefixes = prefixes

    @classmethod
    def of(cls, index: EntityIndex) -> _Places:
        return cls({m.name.lower(): "@" + m.name for ms in index.mentions.values() for m in ms
                    if m.kind == "place" and " " not in m.name and len(m.name) >= _MIN_PLACE})

    def demonym(self, word: str) -> str | None:
        """The place an adjective names ("pakistani" → Pakistan, "british" → Britain): its stem without the
        suffix begins one place of the cluster, which is at most ``_DEMONYM_MAX_CUT`` letters longer ("afghan",
        "afgh", is too far from Afghanistan)."""
        base = _DEMONYM.sub("", word)
        if len(base) < _MIN_PLACE or base == word:
            return None
        hits = self.prefixes.get(base, ())
        return hits[0] if len(hits) == 1 else None


def _other_times(times: list[dates.DatePhrase], others: list[dates.DatePhrase]) -> bool:
    """Whether two sentences, of the times ``times`` and ``others`` (:func:`_times`), both say when and no time
    of one agrees with a time of the other ("on Monday" / "last year"): the same people on other days are other
    events. Resolved dates agree when their periods overlap ("last week" and the Thursday in it); unresolved ones
    when they read alike or name one weekday."""
    if not times or not others:
        return False
    return not any(_same_time(x, y) for x in times for y in others)


def _times(cluster: Cluster, i: int, found: dict[int, list[dates.DatePhrase]]) -> list[dates.DatePhrase]:
    """The dates sentence ``i`` gives, read once (``found``) however many pairs it is in."""
    if i not in found:
        s = cluster.sentences[i]
        found[i] = dates.find(s.text, cluster.article(s.article).date)
    return found[i]


def _same_time(x: dates.DatePhrase, y: dates.DatePhrase) -> bool:
    if x.resolved and y.resolved:
        (s1, e1), (s2, e2) = dates.period(x.resolved), dates.period(y.resolved)
        return s1 <= e2 and s2 <= e1
    words_x, words_y = _time_words(x.text), _time_words(y.text)
    return words_x == words_y or bool(words_x & words_y & _WEEKDAYS)


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_QUALIFIERS = frozenset("on in at by since until early mid late this the of".split())


def _time_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _QUALIFIERS)


def _people(cluster: Cluster, index: EntityIndex, starts: dict[str, list[int]], i: int) -> tuple[frozenset[str],
                                                                                                frozenset[str]]:
    """The people sentence ``i`` names, and those of them it gives a title ("Inspector General Michael Horowitz"):
    a title makes sure a name is a person's, which a recogniser's label alone does not ("Marrow Bay")."""
    s = cluster.sentences[i]
    text = cluster.article(s.article).text
    at = starts.get(s.article, [])
    ms = [m for m in index.mentions.get(s.article, [])[bisect_left(at, s.start) : bisect_left(at, s.end)]
          if m.kind == "person" and m.end <= s.end]
    titled = (m.name for m in ms if title_of(text[s.start : s.end], m.start - s.start, m.end - s.start))
    return frozenset(m.name for m in ms), frozenset(titled)


def _other_people(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether each of two sentences names, with a title, a person the other does not name (:func:`_people`)."""
    return bool(a[1] - b[0]) and bool(b[1] - a[0])


def _pairs(cluster: Cluster, bags: list[list[str]],
           people: list[tuple[frozenset[str], frozenset[str]]]) -> list[tuple[float, int, int]]:
    """(cosine, i, j) of the lead sentences' pairs (of different articles) that pass the anchor test, best first,
    and that neither say when with no time in common (:func:`_other_times`) nor each name, with a title, a person
    the other does not (:func:`_other_people`; ``people``, each sentence's): "Inspector General Michael Horowitz's
    inquiry into the FBI's handling of the Clinton email probe" and "the report criticized former Attorney General
    Loretta Lynch for her handling of the probe into Clinton's email" are two facts about one probe. The weights
    are TF-IDF over every sentence of the cluster: a word of every paragraph anchors nothing."""
    sents = cluster.sentences
    n = len(sents)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, bag in enumerate(bags):
        for t in set(bag):
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    if not vocab:
        return []
    r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    present = sparse.csr_matrix((np.ones(r.size), (r, c)), shape=(n, len(vocab)))
    df = np.bincount(c, minlength=len(vocab)).astype(float)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    size = np.asarray(present.sum(axis=1)).ravel()
    lead = np.flatnonzero((size >= MIN_TERMS) & np.fromiter((s.index < LEAD for s in sents), dtype=bool, count=n))
    if lead.size < 2:
        return []
    present = present[lead]
    weighted = present.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    unit = sparse.csr_matrix(weighted.multiply(1.0 / norms[:, None]))
    entity = np.array([t.startswith("@") for t in vocab], dtype=float)
    when = np.array([t in WHEN for t in vocab], dtype=float)
    present_t = present.T.tocsr()
    entity_t = present.multiply(entity[None, :]).T.tocsr()
    when_t = present.multiply(when[None, :]).T.tocsr()
    article_of = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in sents))}
    art = np.fromiter((article_of[sents[i].article] for i in lead.tolist()), dtype=np.int64, count=lead.size)
    # a headline's count of distinct anchors; no bar for a pair without one
    head_size = np.where(np.fromiter((sents[i].index == 0 for i in lead.tolist()), dtype=bool, count=lead.size),
                         size[lead], np.inf)
    m = lead.size
    block = max(1, BLOCK_CELLS // m)
    out: list[tuple[float, int, int]] = []
    found: dict[int, list[dates.DatePhrase]] = {}
    for start in range(0, m, block):
        stop = min(m, start + block)
        cos = (unit[start:stop] @ unit.T).toarray()
        ok = cos >= COSINE
        ok &= art[start:stop, None] != art[None, :]
        ok &= np.arange(start, stop)[:, None] < np.arange(m)[None, :]
        if not ok.any():
            continue
        shared = (present[start:stop] @ present_t).toarray()
        named = (present[start:stop] @ entity_t).toarray()
        dated = (present[start:stop] @ when_t).toarray()
        other = shared - named - dated
        heads = np.minimum(head_size[start:stop, None], head_size[None, :])
        ok &= (named >= 1) & (other >= MIN_OTHER)
        ok &= (shared >= MIN_SHARED) | ((shared >= HEADLINE_SHARED) & (shared >= HEADLINE_COVER * heads))
        for i, j in zip(*np.nonzero(ok), strict=True):
            a, b = int(lead[i + start]), int(lead[j])
            if not _other_times(_times(cluster, a, found), _times(cluster, b, found)) and not _other_people(
                    people[a], people[b]):
                out.append((float(cos[i, j]), a, b))
    out.sort(key=lambda p: (-p[0], p[1], p[2]))
    return out
