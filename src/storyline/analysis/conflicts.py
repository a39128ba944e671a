"""Disagreement: the same fact reported with incompatible values.

Only sentences aligned as the same fact (:mod:`.align`) are compared, so "12 killed" in one story
and "40 injured" in another sentence are never set against each other. In an aligned group, values
are compared slot by slot (the counted noun, the currency, the day of an event, the person holding a
title, the place introduced by "in", the time of day): compatible values form one reading (see
:func:`storyline.analysis.values.compatible`: a hedged or vague figure agrees with a precise one it
contains), and a conflict is two readings that some articles give and others do not. Two readings that
one article gives together in its sentence are two different things, not two versions of one ("the $1.9
trillion bill, with $1,400 checks"; "near Nationals Park in southeast Washington"): they never conflict.
For names and places, an article that names the person or place anywhere in its sentence gives it too
("Illinois became the 11th state in the U.S. to …" against "… in Illinois").
Values of two things are not two versions of one (:func:`_two_things`): a total and its part ("4 million litres
to Kenya and Uganda" against "2.5 million litres went to Kenya"; "46 people were killed in the U.S., 23 of them in
New York" against "10 people in New York City"), the bound of a period and a day ("killed since 2003" against
"warrants issued in 2009"), the day of an event and that of an earlier one ("opened lower Wednesday after Cohn's
resignation" against "his resignation … on Tuesday") or of one that goes with it ("arrived on Nov. 16 with
temperatures dipping to minus 26" against "minus 26 was recorded on Sunday"), a duration of one thing and of another
("sentenced to nine years' jail" against "his wife of 10 years"), what each of two different sets has ("A and B
earned three nominations each" against "C and D … five nominations each"), a lead and a deficit ("ahead by six
points" against "losing the South by 22 points"), the years of a series, each with its own figure ("more than 63,000
died in 2016" against "more than 72,000 … in 2017"). They are no disagreement, but neither article is credited with
the other's value in Agreement (:func:`disputed_by`). Nor does an article dispute a figure that it gives itself in
another sentence, in words like those around it (:func:`_given_elsewhere`: "awarded $5.7 million" against "awarded $2.1
million in compensatory damages" from an article that wrote "a jury awarded $5.7 million" a sentence before).
A running count that a later article gives higher (the dead, the injured, the missing, the arrested, the evacuated:
"six drownings" in an article of 23 October, "18 drownings" in one of the 24th) is an update, not a disagreement
(:func:`_update`): :func:`updates` lists it ("rose from 6 (1998-10-23) to 18 (1998-10-24)"), not :func:`conflicts`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from ..attribute import copies
from ..model import Cluster
from ..represent import content_terms
from . import dates
from .align import Group
from .entities import EntityIndex, Resolved, role_key, title_of
from .model import Conflict, Span, Value
from .values import ROUNDED_HOUR, TIME_TOLERANCE, Quantity, compatible, quantities, stated

_LOCATIVE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class _Item:
    kind: str
    slot: str
    value: Quantity | str
    text: str
    article: str
    span: Span
    weekday: str = ""
    # a date: the word that makes it a bound of a period ("since 2003", "until Friday"), "said" for the day a verb of
    # saying takes ("officials said on Monday": a statement's day), or ""
    bound: str = ""
    # a date followed by "after …" or by "with" and a clause of its own: the terms of its sentence before the word and
    # after it (the other event), and whether the other event came earlier ("after") or goes with it ("with")
    clauses: tuple[frozenset[str], frozenset[str], bool] | None = None
    sentence: str = ""  # the text of the sentence (a figure's, a date's)


def _same(a: _Item, b: _Item) -> bool:
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        return compatible(a.value, b.value)
    if a.kind == "place" and isinstance(a.value, str) and isinstance(b.value, str):
        # a place with its state or country after a comma is that place: "Washington, DC" and "Washington"
        return (a.value == b.value or a.value.startswith(b.value + ",") or b.value.startswith(a.value + ",")
                or _part_of(a.value, b.value) or _part_of(b.value, a.value))
    # The same weekday name is the same day even when tense moved one resolution a week away.
    return a.value == b.value or bool(a.weekday and a.weekday == b.weekday)


# "East Nashville", "Northern Syria", "downtown Cleveland": a part of the place named after the word, except where
# the whole name is a state or country of its own.
_QUARTER = re.compile(r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|"
                      r"eastern|western|central|downtown|greater|upper|lower)\s+(?P<place>.+)", re.I)
_NOT_A_PART = frozenset({"west virginia", "north carolina", "south carolina", "north dakota", "south dakota",
                         "north korea", "south korea", "south sudan", "northern ireland", "east timor",
                         # "America" in news is the United States, which these are not in
                         "south america", "central america"})


def _part_of(part: str, whole: str) -> bool:
    """Whether the place ``part`` is named as a quarter of ``whole``: "East Nashville" of "Nashville"."""
    m = _QUARTER.fullmatch(part)
    return m is not None and m.group("place") == whole and part.lower() not in _NOT_A_PART


def _named(cluster: Cluster, index: EntityIndex, i: int) -> set[str]:
    """The people and places sentence ``i`` names, in any role."""
    s = cluster.sentences[i]
    return {m.name for m in index.mentions.get(s.article, [])
            if m.kind in ("person", "place") and s.start <= m.start and m.end <= s.end}


# A date after these is a bound of a period, not the day of an event: "300,000 killed since 2003" and "warrants
# issued in 2009" give no two years of one event. Bounds conflict only with bounds of the same word.
_BOUNDS = frozenset({"since", "until", "by", "from"})
# A date that a verb of beginning takes is the start of a period too ("the storm, which began Monday"; "the cold
# began Nov. 16"): a day in that period ("the lowest reading was early Sunday") is no other version of it.
_BEGAN = re.compile(r"\b(?:began|begun|begins|begin|started|starts|start)\s+(?:on\s+|in\s+)?$", re.I)
# "U.S. stocks opened lower Wednesday after Cohn's resignation …": the day is the opening's; the resignation came
# earlier, and another article may give its day ("his resignation … on Tuesday").
# "The cold front arrived on Nov. 16 with temperatures dipping as low as minus 26 Celsius": "with", a subject and a
# participle make a clause of its own (an absolute clause), an event that goes with the dated one, not the dated one;
# another article may give the day of the dip ("minus 26 Celsius was recorded early Sunday"). "With" before a noun
# alone ("met on Monday with Iranian officials") adds no event.
_OTHER_EVENT = re.compile(
    r"\b(?:(?P<after>after|following|in the wake of)|with(?=\s+(?:[\w'’.-]+\s+){1,4}?[a-z]+(?:ing|ed)\b))\b", re.I)
_RESOLVED = re.compile(r"\d{4}")  # a resolved date (ISO), which orders as a string; "wednesday" does not
_CALENDAR_TERMS = frozenset(content_terms(" ".join(dates.MONTHS) + " " + " ".join(dates.WEEKDAYS)))


def _clauses(sentence: str, date_end: int) -> tuple[frozenset[str], frozenset[str], bool] | None:
    """The terms of ``sentence`` before and after the "after" (or the "with" of an absolute clause,
    :data:`_OTHER_EVENT`) that follows a date ending at ``date_end``, no day or month names among them, and whether
    it was "after"; None when neither follows the date."""
    m = _OTHER_EVENT.search(sentence, date_end)
    if m is None:
        return None
    return (frozenset(content_terms(sentence[: m.start()])) - _CALENDAR_TERMS,
            frozenset(content_terms(sentence[m.end() :])) - _CALENDAR_TERMS, m.group("after") is not None)


def _other_event(a: _Item, b: _Item) -> bool:
    """Whether ``a`` dates an event that its sentence joins to another ("opened lower Wednesday after Cohn's
    resignation", "arrived on Nov. 16 with temperatures dipping to minus 26") and ``b``'s sentence, without such a
    clause, is about that other event (it shares more terms with the clause after "after" or "with" than with the
    rest); after "after", on a day that is not later (or of an unknown order: unresolved weekdays)."""
    if a.clauses is None or b.clauses is not None:
        return False
    main, other_event, earlier = a.clauses
    other = set(content_terms(b.sentence)) - _CALENDAR_TERMS
    if len(other & other_event) <= len(other & main):
        return False
    va, vb = str(a.value), str(b.value)
    return not (earlier and _RESOLVED.match(va) and _RESOLVED.match(vb) and vb > va)


_DATE_QUALIFIERS = re.compile(r"^(?:(?:on|last|next|this|since|until|by|in|early|mid|late)(?:\s+|-))+")


def _items(cluster: Cluster, index: EntityIndex, i: int) -> list[_Item]:
    s = cluster.sentences[i]
    span = Span(s.article, s.start, s.end)
    out = [_Item(q.kind, q.slot, q, q.text, s.article, span, sentence=s.text) for q in quantities(s.text)]
    published = cluster.article(s.article).date
    for d in dates.find(s.text, published):
        slot = {"weekday": "day", "mdy": "day", "dmy": "day", "iso": "day", "my": "month", "year": "year"}.get(d.kind)
        if slot:
            # unresolved (no publication date), the words as written without the preposition or a part of the
            # month: "late January" and "in January" are one month
            value = d.resolved or _DATE_QUALIFIERS.sub("", d.text.lower())
            wd = d.text.split()[-1].lower() if d.kind == "weekday" else ""
            first = d.text.split()[0].lower()
            bound = (first if first in _BOUNDS else "began" if _BEGAN.search(s.text, 0, d.start)
                     else "said" if dates.said_on(s.text, d.start) else "")
            out.append(_Item("date", slot, value, d.text, s.article, span, wd, bound, _clauses(s.text, d.end),
                             s.text))
    text = cluster.article(s.article).text
    for m in index.mentions.get(s.article, []):
        if not (s.start <= m.start and m.end <= s.end):
            continue
        if m.kind == "person":
            # the title this sentence gives the person, before the name or after it
            title = title_of(text[s.start : s.end], m.start - s.start, m.end - s.start)
            if title:
                out.append(_Item("name", role_key(title), m.name, m.name, s.article, span))
        elif m.kind == "place" and _LOCATIVE.search(text[max(s.start, m.start - 40) : m.start]):
            out.append(_Item("place", "location", m.name, m.name, s.article, span))
    return out


# What joins two names of a list ("Kenya and Uganda", "Kenya, Uganda and Tanzania", "the Red Cross or the UN"); a
# list needs a conjunction, so a city with its state after a comma ("Oakland, California") is no list of two.
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:and|or|as well as|plus|&))\s+(?:the\s+)?", re.I)
_CONJUNCTION = re.compile(r"\b(?:and|or|as well as|plus)\b|&", re.I)
# Words before a figure that make it one of what something includes: "the dead included two children".
_INCLUDED = re.compile(r"\b(?:includ(?:e|es|ed|ing)|among (?:them|whom|those|the dead|the victims))\b", re.I)
# Words after a figure that give parts of it: "46 people were killed, 23 of them in New York, including 18 in ..."
_BREAKDOWN = re.compile(r"\b(?:of them|of whom|of which|including|among them|among whom)\b", re.I)


@dataclass(frozen=True)
class _Scope:
    """The places and organisations the sentence of a figure names (``named``; ``places``, the places alone),
    those it lists together (joined by "and", "or", commas before one), and the places it names only after a
    breakdown of its figure (``parts``: "23 of them in New York, including 18 in New York City")."""

    named: frozenset[str]
    places: frozenset[str]
    listed: frozenset[str]
    parts: frozenset[str]


def _scope(cluster: Cluster, index: EntityIndex, it: _Item) -> _Scope:
    text = cluster.article(it.article).text
    ms = [m for m in index.mentions.get(it.article, [])
          if m.kind in ("place", "org") and it.span.start <= m.start and m.end <= it.span.end]
    listed: set[str] = set()
    runs: list[list[Resolved]] = []
    for k, m in enumerate(ms):
        if k and _LIST_JOIN.fullmatch(text, ms[k - 1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) > 1 and _CONJUNCTION.search(text, run[0].end, run[-1].start):
            listed.update(r.name for r in run)
    parts: frozenset[str] = frozenset()
    figure_end = it.span.start + it.value.end if isinstance(it.value, Quantity) else it.span.start
    if bd := _BREAKDOWN.search(text, figure_end, it.span.end):
        before = {m.name for m in ms if m.start < bd.start()}
        parts = frozenset(m.name for m in ms if m.start >= bd.end() and m.kind == "place") - before
    return _Scope(frozenset(m.name for m in ms), frozenset(m.name for m in ms if m.kind == "place"),
                  frozenset(listed), parts)


def _two_things(cluster: Cluster, index: EntityIndex, a: list[_Item], b: list[_Item]) -> bool:
    """Whether two readings of a slot, though they differ, are values of two things, not two versions of one: a
    total and its part (:func:`_total_and_part`), a bound of a period and a day (every article of one reading
    writes "since", "until", "by", "from" or a verb of beginning before it, none of the other the same word), the
    day of a statement and that of an event, or of two statements in articles of different dates ("killed 12,
    officials said on Monday" in Monday's paper, "killed 20, officials said on Wednesday" in Wednesday's), the
    day of an event and the day of another one its sentence names (:func:`_other_event`), figures that their words
    tie to two things (:func:`_of_two_things`, every figure of one reading against every one of the other)."""
    if a[0].kind == "date":
        return (all(x.bound != y.bound or x.bound == "said" and _published(cluster, x) != _published(cluster, y)
                    for x in a for y in b)
                or any(_other_event(x, y) or _other_event(y, x) for x in a for y in b)
                or a[0].slot in _PERIODS and all(_series(x, y) for x in a for y in b))
    return _total_and_part(cluster, index, a, b) or all(
        _of_two_things(x, y) or _each_of_others(x, y) or _lead_and_deficit(x, y) for x in a for y in b)


def _published(cluster: Cluster, it: _Item) -> str | None:
    return cluster.article(it.article).date


def _stated(q: Quantity) -> float:
    """The figure as written, without its hedge: "about 45,000" and "more than 45,000" state 45,000."""
    if q.estimate is not None:
        return q.estimate
    return q.lo if q.lo > 0 and not math.isinf(q.lo) else q.hi


# Dates that are periods, over which a figure is counted ("in 2016", "in March"), unlike the day of an event.
_PERIODS = frozenset({"year", "month"})


def _series(x: _Item, y: _Item) -> bool:
    """Whether two years or months are the periods of two measurements of a series: their sentences state a figure of
    one unit each, and different ones ("more than 63,000 Americans died of overdoses in 2016" against "more than
    72,000 … in 2017"): a figure for each period, not two dates of one event. (Two days with two figures, "nine
    climbers were rescued on Wednesday" against "eleven … on Thursday", are two disagreements about one event.)"""
    fx = {q.slot: q for q in quantities(x.sentence) if q.kind != "time"}
    fy = {q.slot: q for q in quantities(y.sentence) if q.kind != "time"}
    return any(_stated(fx[k]) != _stated(fy[k]) for k in fx.keys() & fy.keys())


_EACH = re.compile(r"\s*,?\s*(?:each|apiece)\b", re.I)


def _each_of_others(x: _Item, y: _Item) -> bool:
    """Whether two figures are what each of two different sets of people or things has: both are given "each" or
    "apiece", and the words before them (who has the figure) differ ("A and B earned three nominations each"
    against "C and D picked up five nominations each"): fewer than half the terms of either are the other's."""
    qx, qy = x.value, y.value
    if not isinstance(qx, Quantity) or not isinstance(qy, Quantity):
        return False
    if not (_EACH.match(x.sentence, qx.end) and _EACH.match(y.sentence, qy.end)):
        return False
    who_x, who_y = set(content_terms(x.sentence[: qx.start])), set(content_terms(y.sentence[: qy.start]))
    return 2 * len(who_x & who_y) < min(len(who_x), len(who_y))


# The side of a margin: ahead ("leads by six points", "ahead by seven") or behind ("trails by 3", "losing the South by
# 22 points"). A lead and a deficit are two margins (overall and in a region, of one candidate and of another).
# "Up" and "down" are no sides: "sales were up 5%" and "down 3%" are two versions of one change.
_AHEAD = re.compile(r"\b(?:ahead|leads|leading)\b", re.I)
_BEHIND = re.compile(r"\b(?:behind|trails?|trailing|trailed|losing)\b", re.I)
_SIDE_WINDOW = 60  # characters before a figure in which its side is told


def _lead_and_deficit(x: _Item, y: _Item) -> bool:
    """Whether one figure is a lead and the other a deficit: the words just before it (``_SIDE_WINDOW``) say it is
    ahead, and not behind, the other's the opposite."""
    qx, qy = x.value, y.value
    if not isinstance(qx, Quantity) or not isinstance(qy, Quantity):
        return False

    def side(it: _Item, q: Quantity) -> int:
        before = it.sentence[max(0, q.start - _SIDE_WINDOW) : q.start]
        ahead, behind = bool(_AHEAD.search(before)), bool(_BEHIND.search(before))
        return 0 if ahead == behind else (1 if ahead else -1)

    return side(x, qx) * side(y, qy) == -1


def _of_two_things(x: _Item, y: _Item) -> bool:
    """Whether two figures of one unit are figures of two things, as their words tell: one is of a noun (a duration
    that a noun before "of" takes, "his wife of 10 years"; a hyphenated count, "a two-day summit", see
    :attr:`.values.Quantity.of`) that neither the other's noun nor the words next to the other name ("sentenced to
    nine years' jail"); when both are of a noun, none is of both ("a 33-year-old father", "a one-year-old boy").
    "a nine-year sentence" and "sentenced to 10 years" are of one thing."""
    qx, qy = x.value, y.value
    if not isinstance(qx, Quantity) or not isinstance(qy, Quantity) or not (qx.of or qy.of):
        return False
    if qx.of and qy.of:  # both say what they are of: "his 33-year-old father", "a one-year-old boy"
        return not qx.of & qy.of
    return not (qx.of & _context(y)) and not (qy.of & _context(x))


def _included(it: _Item) -> bool:
    """Whether the figure of ``it`` is one of what something includes ("the dead included two children")."""
    assert isinstance(it.value, Quantity)
    return _INCLUDED.search(it.sentence[: it.value.start]) is not None


def _total_and_part(cluster: Cluster, index: EntityIndex, a: list[_Item], b: list[_Item]) -> bool:
    """Whether one reading of a count or an amount is a total and the other a part of it: an article with the
    larger figure lists places or organisations ("4 million litres to Kenya and Uganda") of which an article with
    the smaller names some, not all ("2.5 million litres went to Kenya"), the smaller, not the larger, is one of
    what something includes ("the fatalities included six drownings, two people hit by falling trees, …" against
    "at least 69 people died"), or the larger breaks its figure down into parts
    ("46 people were killed in the U.S., 23 of them in New York") and the smaller figure is given for places of
    those parts alone ("10 people in New York City"), or the larger is "worth of" things it lists, of which the
    smaller's names some ("12.5 billion pesos worth of roads, crops and other property" against "4 billion
    pesos worth of crops", :func:`_worth_of`). Both are true at once: two scopes, not two versions."""
    if a[0].kind not in ("count", "amount"):
        return False

    def size(c: list[_Item]) -> tuple[float, float]:
        q = c[0].value
        assert isinstance(q, Quantity)
        return q.lo, q.hi

    total, part = (a, b) if size(a) > size(b) else (b, a)
    if any(map(_included, part)) and not all(map(_included, total)):
        return True
    worth = [_worth_of(p) for p in part]
    for whole in total:
        listed = _worth_of(whole)
        for own in filter(None, worth):
            # every thing the part is worth of is one the total lists, and the total lists more
            if all(any(o & t for t in listed) for o in own) and sum(any(t & o for o in own) for t in listed) < len(
                    listed):
                return True
    pieces = [_scope(cluster, index, piece) for piece in part]
    for whole in total:
        w = _scope(cluster, index, whole)
        for p in pieces:
            if p.named & w.listed and not w.listed <= p.named:
                return True
            if p.places and p.places <= w.parts:
                return True
    return False


# What a figure is worth of, right after it (past a converted figure in brackets): "4 billion pesos (dlrs 100
# million) worth of crops", "worth of infrastructure, crops and other property"
_THING = r"(?!(?:and|or)\b)[a-z]+(?:\s+(?!(?:and|or)\b)[a-z]+)?"  # a word or two, no "and"
_WORTH_OF = re.compile(rf"\s*(?:\([^()]{{0,40}}\)\s*)?\)?\s*(?:worth|in\s+damage\s+to|in\s+losses\s+to)\s+"
                       rf"(?:of\s+)?(?P<what>{_THING}(?:\s*,\s*{_THING})*\s*,?\s+(?:and|or)\s+{_THING}|{_THING})",
                       re.I)  # a list ends with "and" or "or": "crops, the office said" is "crops"
_LIST_PARTS = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def _worth_of(it: _Item) -> frozenset[frozenset[str]]:
    """The things a figure is said to be worth of, each as its terms ("other property" is "property"); empty when no
    "worth of" follows it."""
    q = it.value
    assert isinstance(q, Quantity)
    m = _WORTH_OF.match(it.sentence, q.end)
    if m is None:
        return frozenset()
    parts = (frozenset(content_terms(w)) - {"other"} for w in _LIST_PARTS.split(m.group("what")))
    return frozenset(p for p in parts if p)


def _loose(it: _Item) -> bool:
    """Whether the item is a figure that allows a span, not one value: a bound ("up to 160 kph", "more than 40"), a
    range ("10-12 people") or a magnitude ("hundreds"). An estimate ("about 45,000") is a stated figure."""
    q = it.value
    return isinstance(q, Quantity) and q.lo != q.hi and q.estimate is None


def _readings(items: list[_Item]) -> list[list[_Item]]:
    """The values of one slot, in classes of compatible values (each class agrees with all its members), in the
    order of their first item. Stated figures go first; a loose one (:func:`_loose`) joins the one class it fits,
    makes a class of its own when it fits none, and is left out when it fits several: "gusts of up to 160 kph" fits
    both "120 kph" and "130 kph" winds, and would otherwise put its article among the 120's, so that the article's
    "130 kph" no longer clashed with the 120 (an article that gives both readings gives two things)."""
    classes: list[list[_Item]] = []
    position = {id(it): k for k, it in enumerate(items)}
    for it in sorted(items, key=_loose):  # stable: stated figures first, each in order
        fits = [c for c in classes if all(_same(it, o) for o in c)]
        if len(fits) > 1 and _loose(it):
            continue
        if fits:
            fits[0].append(it)
        else:
            classes.append([it])
    for c in classes:
        c.sort(key=lambda it: position[id(it)])
    return sorted(classes, key=lambda c: position[id(c[0])])


_HYPHENATED = re.compile(r"^[\w.-]+?-(?P<unit>[a-z]+)(?P<old>-old)?$", re.I)


def _counted(text: str) -> str:
    """What a count as written counts, for readers: its last word ("12 people" → "people"), the unit of a hyphenated
    count ("a three-year sentence" → "years"; "a 10-year-old" → "years of age")."""
    noun = text.split()[-1].lower()
    m = _HYPHENATED.match(noun)
    if m is None:
        return noun
    return m.group("unit") + "s" + (" of age" if m.group("old") else "")


def _reason(kind: str, slot: str, a: _Item, b: _Item) -> str:
    if kind in ("amount", "count", "percent", "time"):
        qa, qb = a.value, b.value
        assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
        if kind == "time":
            what, estimates = "the time of day", f"estimates more than {TIME_TOLERANCE} minutes apart"
            allowing = (f" (a hedge such as “about” allows {TIME_TOLERANCE} minutes either way, a time on the hour"
                        f" up to {ROUNDED_HOUR - 1})")
        else:
            noun = _counted(a.text) if kind == "count" else ""
            what = {"count": f"the number of {noun}", "amount": "the amount"}.get(kind, "the percentage")
            estimates, allowing = "different estimates", ", even allowing for rounding and hedges"
        if qa.estimate is not None and qb.estimate is not None:
            return (f"{what} differs: the articles give {estimates}, “{a.text}” and “{b.text}” "
                    f"({qa.normalized} vs {qb.normalized})")
        if qa.bound and qa.bound == qb.bound:  # both may hold, but they are two tallies, not one
            return (f"{what} differs: the articles give different {qa.bound} bounds, “{a.text}” and “{b.text}” "
                    f"({qa.normalized} vs {qb.normalized})")
        return (f"{what} differs: “{a.text}” ({qa.normalized}) and “{b.text}” ({qb.normalized}) "
                f"cannot both be right{allowing}")
    if kind == "date":
        return f"different {slot}s given for the same event: {a.value} vs {b.value}"
    if kind == "name":
        return f"different people named as {slot}: {a.value} vs {b.value}"
    return f"different places given for the same event: {a.value} vs {b.value}"


@dataclass(frozen=True)
class _Dispute:
    """The readings of one slot that take part in a conflict, and which pairs of them (indices) clash."""

    kind: str
    slot: str
    readings: list[list[_Item]]
    clashes: frozenset[tuple[int, int]]

    def clash(self, a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in self.clashes


_FIGURES = frozenset({"count", "amount", "percent"})


def _given_elsewhere(cluster: Cluster, g: Group, reading: list[_Item], figures: dict[str, list[_Item]]) -> set[str]:
    """The articles of ``g`` that give the figure of ``reading`` in another of their sentences, as a stated figure
    (no bound: "at least 21 people" is no report of 36), told in words like
    those of the reading (:func:`_context` shares a term): "A jury on Friday awarded $5.7 million to …" in an article
    whose sentence of the group reads "The jury awarded $2.1 million in compensatory damages …", unless the two
    sentences give other figures that differ (:func:`_beside_other_figures`). Such an article reports both figures,
    as one that gives both in its sentence does: two things, no dispute. ``figures`` caches each article's figures
    outside the group."""
    first = reading[0]
    own = {it.article for it in reading}
    around = frozenset().union(*(_context(it) for it in reading))
    out = set()
    for art in dict.fromkeys(cluster.sentences[i].article for i in g.members):
        if art in own:
            continue
        if art not in figures:
            inside = {cluster.sentences[i].start for i in g.members if cluster.sentences[i].article == art}
            figures[art] = [_Item(q.kind, q.slot, q, q.text, art, Span(art, s.start, s.end), sentence=s.text)
                            for s in cluster.sentences_of(art) if s.start not in inside for q in quantities(s.text)
                            if q.kind in _FIGURES]
        if any(it.kind == first.kind and it.slot == first.slot and not _loose(it) and all(_same(it, o) for o in reading)
               and _context(it) & around and not any(_beside_other_figures(it, o) for o in reading)
               for it in figures[art]):
            out.add(art)
    return out


def _beside_other_figures(x: _Item, y: _Item) -> bool:
    """Whether two figures are each told next to another figure (``_BEFORE`` characters before them, in brackets
    after them) and those differ: the figures are then of two things ("minus 20 degrees Celsius (minus 4
    Fahrenheit)" is not "minus 26 Celsius (minus 4 Fahrenheit)")."""
    near_x, near_y = _neighbour(x), _neighbour(y)
    return near_x is not None and near_y is not None and near_x.kind == near_y.kind and not compatible(
        replace(near_x, slot=""), replace(near_y, slot=""))


def _neighbour(it: _Item) -> Quantity | None:
    """The figure told right before ``it``'s (within ``_BEFORE`` characters), if any."""
    q = it.value
    assert isinstance(q, Quantity)
    before = [o for o in quantities(it.sentence) if o.end <= q.start and q.start - o.end <= _BEFORE]
    return before[-1] if before else None


def _disputes(cluster: Cluster, g: Group, index: EntityIndex, *, two_things: bool = False,
              updated: bool = False) -> list[_Dispute]:
    """The values on which the sentences of ``g`` disagree; with ``two_things``, also the values of two things
    (:func:`_two_things`: a total and its part) and the updates of a running count (:func:`_update`), which do not
    disagree but are not one value either; with ``updated``, the updates alone."""
    by_slot: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    named: dict[str, set[str]] = {}
    figures: dict[str, list[_Item]] = {}  # per article, the figures of its sentences outside the group, when asked
    for i in g.members:
        named[cluster.sentences[i].article] = _named(cluster, index, i)
        for it in _items(cluster, index, i):
            by_slot[(it.kind, it.slot)].append(it)
    out = []
    for (kind, slot), items in by_slot.items():
        if len({it.article for it in items}) < 2:
            continue
        classes = _readings(items)
        arts = [{it.article for it in c} for c in classes]
        if kind in ("name", "place"):
            arts = [a | {art for art, names in named.items() if c[0].value in names} for a, c in zip(arts, classes,
                                                                                                   strict=True)]
        if kind in _FIGURES and len(classes) > 1 and not two_things:  # no article is credited with the other's
            arts = [a | _given_elsewhere(cluster, g, c, figures) for a, c in zip(arts, classes, strict=True)]
        # Two readings conflict when no article gives both: one article giving both reports two things.
        # Nor do the values of two things (a total and its part, see _two_things).
        pairs = [(a, b) for a in range(len(classes)) for b in range(a + 1, len(classes))
                 if not arts[a] & arts[b] and (two_things or not _two_things(cluster, index, classes[a], classes[b])
                                               and _update(cluster, classes[a], classes[b]) == updated)]
        if not pairs:
            continue
        live = sorted({k for p in pairs for k in p})
        at = {k: n for n, k in enumerate(live)}
        out.append(_Dispute(kind, slot, [classes[k] for k in live], frozenset((at[a], at[b]) for a, b in pairs)))
    return out


# Words of a count that only grows as a story goes on, near its figure ("32 people died", "the death toll rose to 20",
# "six drownings", "killed at least 12", "killing at least 500 people", "40 were arrested", "2,000 evacuated"): a later,
# higher figure updates it.
_RUNNING = re.compile(
    r"\b(?:dead|deaths?|died|killed|killing|toll|fatalit(?:y|ies)|casualt(?:y|ies)|victims|bodies|drown(?:ed|ings?)|"
    r"injur(?:ed|ies)|wounded|hurt|missing|unaccounted|arrest(?:s|ed)|detained|evacuat(?:ed|ions)|evacuees|"
    r"displaced|rescued|hospitali[sz]ed|infections|infected|cases|sickened)\b", re.I)


def _running(it: _Item) -> bool:
    """Whether ``it`` is a running count: a count whose noun or nearby words (``_BEFORE`` characters before it,
    ``_AFTER`` after it) say it counts the dead, the hurt, the missing, the arrested, the evacuated, ..."""
    q = it.value
    if it.kind != "count" or not isinstance(q, Quantity):
        return False
    return _RUNNING.search(it.sentence[max(0, q.start - _BEFORE) : q.end + _AFTER]) is not None


def _update(cluster: Cluster, a: list[_Item], b: list[_Item]) -> bool:
    """Whether two readings of a count are one running count (:func:`_running`) told on different days: every
    article of the smaller figure is dated before every article of the larger ("12 dead" on Monday, "20 dead" on
    Wednesday). Undated articles, the same day, or a later figure that is smaller are no update."""
    if not all(map(_running, a + b)):
        return False
    small, large = sorted((a, b), key=lambda c: (_figure(c[0]), _bounds(c[0])))
    if not _rises(small[0].value, large[0].value):
        return False
    days_small = [_published(cluster, it) for it in small]
    days_large = [_published(cluster, it) for it in large]
    if not all(days_small) or not all(days_large):
        return False
    return max(str(d)[:10] for d in days_small) < min(str(d)[:10] for d in days_large)


def _rises(small: Quantity | str, large: Quantity | str) -> bool:
    """Whether ``large`` is a higher count than ``small``: its whole interval above, or, of two bounds of one side, a
    higher figure stated ("at least 62 dead" on Monday, "at least 65 dead" on Tuesday: the toll rose)."""
    assert isinstance(small, Quantity) and isinstance(large, Quantity)
    if small.bound and small.bound == large.bound:
        return stated(small) < stated(large)
    return small.hi < large.lo


def _figure(it: _Item) -> float:
    """The figure ``it`` states (:func:`.values.stated`)."""
    assert isinstance(it.value, Quantity)
    return stated(it.value)


def _bounds(it: _Item) -> tuple[float, float]:
    q = it.value
    assert isinstance(q, Quantity)
    return q.lo, q.hi


def disputed_by(cluster: Cluster, g: Group, index: EntityIndex, *,
                disagreeing: bool = False) -> dict[str, frozenset[str]]:
    """For each article with a sentence in ``g``: the articles that contradict that sentence, i.e. give a
    value of the fact (a figure, a day, a name) only in readings incompatible with every reading the
    sentence gives. A near-duplicate copy of a contradicting article contradicts it too where its own text gives the
value (:func:`_copies_giving`). An article whose
    sentence gives no value in a disputed slot is contradicted by no one on that slot. The values of two things
    (:func:`_two_things`) count here, though they are no disagreement: "4 million litres to Kenya and Uganda" and
    "2.5 million litres to Kenya" are both true, but neither article reports the other's figure. With ``disagreeing``,
    only the values that disagree (those :func:`conflicts` lists), not those of two things nor a running count's
    updates."""
    disputes = _disputes(cluster, g, index, two_things=not disagreeing)
    # each dispute's articles by reading, found once, not once for each sentence of the group (a group of 1,000
    # articles' sentences took minutes)
    articles_of = [[{it.article for it in c} for c in d.readings] for d in disputes]
    out: dict[str, frozenset[str]] = {}
    for i in g.members:
        own = cluster.sentences[i].article
        against: set[str] = set()
        for d, arts in zip(disputes, articles_of, strict=True):
            mine = [k for k, a in enumerate(arts) if own in a]
            if not mine:
                continue
            shared = set().union(*(arts[k] for k in mine))
            for k, a in enumerate(arts):
                if any(d.clash(k, m) for m in mine):
                    against.update(a - shared)
                    against.update(c for it in d.readings[k] if it.article not in shared
                                   for c in _copies_giving(cluster, it))
        out[own] = frozenset(against)
    return out


def _copies_giving(cluster: Cluster, it: _Item) -> tuple[str, ...]:
    """The near-duplicate copies of ``it``'s article that give its value: their own text carries its sentence with the
    value as written there (a trimmed copy may have cut the sentence, an updated one changed the figure)."""
    if not cluster.duplicates.get(it.article):
        return ()
    sentence = cluster.article(it.article).text[it.span.start : it.span.end]
    return copies(cluster).carrying(it.article, sentence, words=it.text if it.text in sentence else "")


_BEFORE, _AFTER = 30, 15  # characters either side of a figure in which its role is told ("winds of 120 kph")


def _context(it: _Item) -> frozenset[str]:
    """The words next to a figure in its sentence, whole words only and no figures ("sustained winds of" 120 kph
    against "moving northwest at" 9 kph): what the figure is a figure of."""
    q = it.value
    assert isinstance(q, Quantity)
    before = it.sentence[max(0, q.start - _BEFORE): q.start]
    after = it.sentence[q.end: q.end + _AFTER]
    if q.start > _BEFORE:
        before = before.partition(" ")[2]  # no word cut at the window's edge
    if q.end + _AFTER < len(it.sentence):
        after = after.rpartition(" ")[0]
    return frozenset(w for w in content_terms(before + " " + after) if not any(ch.isdigit() for ch in w))


def _shown_clash(readings: list[list[_Item]], clashes: frozenset[tuple[int, int]]) -> tuple[int, int]:
    """The two readings the reason names: of the clashing pairs of figures, the one whose figures are told in the
    most alike words (the same role: "winds of 120 kph" / "winds of 130 kph", not "moving at 9 kph"), the first
    pair on a tie; for days, names and places the first pair."""
    if len(clashes) == 1 or not all(isinstance(c[0].value, Quantity) for c in readings):
        return min(clashes)
    around = [frozenset().union(*(_context(it) for it in c)) for c in readings]

    def alike(pair: tuple[int, int]) -> float:
        a, b = around[pair[0]], around[pair[1]]
        return len(a & b) / len(a | b) if a | b else 0.0

    return max(sorted(clashes), key=alike)


def updates(cluster: Cluster, groups: list[Group], index: EntityIndex) -> tuple[Conflict, ...]:
    """Running counts that later articles give higher (:func:`_update`), each as its readings in the order of their
    articles' dates, with a ``reason`` that tells the rise: "the number of drownings rose from 6 (1998-10-23) to 18
    (1998-10-24)". Not disagreements: :func:`conflicts` leaves them out."""
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    out = []
    for g in groups:
        for d in _disputes(cluster, g, index, updated=True):
            readings = sorted(d.readings, key=lambda c: (_first_day(cluster, c), _bounds(c[0])))
            values = tuple(_value(cluster, c, order) for c in readings)
            noun = _counted(readings[0][0].text)
            steps = " to ".join(f"{v.normalized} ({_first_day(cluster, c)})"
                                for v, c in zip(values, readings, strict=True))
            out.append(Conflict(d.kind, noun, values, f"the number of {noun} rose from {steps}: a running count that a "
                                f"later article gives higher, not a disagreement", cluster.sentences[g.centre].text,
                                tuple(dict.fromkeys(it.span for c in readings for it in c))))
    return tuple(out)


def _first_day(cluster: Cluster, c: list[_Item]) -> str:
    """The day of the earliest article that gives a reading (all are dated: :func:`_update`)."""
    return min(str(_published(cluster, it))[:10] for it in c)


def _value(cluster: Cluster, c: list[_Item], order: dict[str, int]) -> Value:
    """One reading as a :class:`Value`: its first item's words, credited to its articles and their copies that give
    it (:func:`_copies_giving`)."""
    credited = set()
    for it in c:
        credited.add(it.article)
        credited.update(_copies_giving(cluster, it))
    norm = c[0].value.normalized if isinstance(c[0].value, Quantity) else str(c[0].value)
    return Value(c[0].text, norm, tuple(sorted(credited, key=order.__getitem__)),
                 tuple(dict.fromkeys(it.span for it in c)))


def conflicts(cluster: Cluster, groups: list[Group], index: EntityIndex) -> tuple[Conflict, ...]:
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    out = []
    for g in groups:
        for d in _disputes(cluster, g, index):
            kind, slot, readings = d.kind, d.slot, d.readings
            values = [_value(cluster, c, order) for c in readings]
            first, second = _shown_clash(readings, d.clashes)
            a, b = readings[first][0], readings[second][0]
            # Counts are matched on the stemmed noun; readers get the noun as written.
            shown = _counted(a.text) if kind == "count" else slot
            out.append(Conflict(kind, shown, tuple(values), _reason(kind, slot, a, b), cluster.sentences[g.centre].text,
                                tuple(dict.fromkeys(it.span for c in readings for it in c))))
    return tuple(out)
