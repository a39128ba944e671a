"""Typed values in a sentence (amounts, counts, percentages, times of day) as intervals, so two reports
can be checked for compatibility rather than string equality.

Hedges widen a value into the range a careful reader allows: "about 75,000" is 75,000 ± 10%,
"more than 75,000" is [75,000, ∞), "billions of dollars" is [2 billion, 1 trillion). Two values
conflict only when their intervals do not meet: a vague figure never contradicts a precise one it
contains, which is how newsroom fact-checkers treat rounding and hedging. Two bounds of one side that state
different figures ("at least 62 dead" / "at least 65 dead", "up to 40" / "as many as 60") are two tallies, not
one, though both may hold (:attr:`Quantity.bound`), as two estimates are. A range ("10-12 people", "between
10 and 12 people") is the interval between its figures. Counts include durations ("six hours", "two years"; "two
years ago" is a date, :mod:`.dates`) and counts joined to their noun by a hyphen ("a three-year sentence", "a
10-year-old boy"), with what they are of when the words say (:attr:`Quantity.of`), and "three others" counts what
the count before it counts. A share of the vote counted ("with 22 percent of the vote counted") is no figure.

A time of day ("3 a.m.", "4:30 p.m.") is not a figure that rounds by a share of itself: it is read in
minutes after midnight, and a hedge widens it by ``TIME_TOLERANCE`` minutes, not 10%: "about 3 a.m." is
2:30 to 3:30, "shortly after 3 a.m." 3:00 to 3:30, "before 3 a.m." any time up to 3:00. Two hedged times
agree when they are at most ``TIME_TOLERANCE`` minutes apart ("about 3 a.m." / "around 3:30 a.m."), so
"about 3 a.m." and "about 4 a.m." disagree. A time on the hour without a hedge ("3 a.m.", "at noon") is read as
rounded: it agrees with any time less than ``ROUNDED_HOUR`` minutes away ("3:20 a.m."), not with the next hour's;
other unhedged times agree only when they are the same minute. "noon", "midday" and "midnight" are times of day,
and so are 24-hour times that cannot be anything else ("14:30", "0300 GMT"). A time zone written after the time
("3 a.m. ET", "0800 GMT") is part of what is measured (the ``slot``): times in different zones are never
compared, since "3 a.m. EST" and "8 a.m. GMT" are one moment. Times compare around the clock: "about midnight"
and "11:50 p.m." agree.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..attribute import NUMBER_WORD, number_word
from ..represent import STOPWORDS, content_terms, stem
from .dates import MONTHS

# Numbers written as words are read as the summary's corroboration check reads them
# (:data:`storyline.attribute.NUMBER_WORD`, one to ninety-nine), plus two phrases.
_NUMBER_PHRASES = {"a dozen": 12, "a hundred": 100}
SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
         "tn": 1e12, "k": 1e3, "b": 1e9, "t": 1e12}
VAGUE = {  # plural scale words used as quantities
    "dozens": (24, 100), "scores": (40, 200), "hundreds": (200, 1e3), "thousands": (2e3, 1e6),
    "tens of thousands": (2e4, 1e5), "hundreds of thousands": (2e5, 1e6), "millions": (2e6, 1e9),
    "tens of millions": (2e7, 1e8), "hundreds of millions": (2e8, 1e9), "billions": (2e9, 1e12),
    "trillions": (2e12, 1e15),
}
HEDGE = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "roughly": (0.9, 1.1), "approximately": (0.9, 1.1),
    "some": (0.9, 1.1), "an estimated": (0.9, 1.1), "nearly": (0.9, 1.0), "almost": (0.9, 1.0),
    "close to": (0.9, 1.0), "more than": (1.0, math.inf), "over": (1.0, math.inf), "at least": (1.0, math.inf),
    "upwards of": (1.0, math.inf), "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "under": (0.0, 1.0),
    "up to": (0.0, 1.0), "at most": (0.0, 1.0), "as many as": (0.0, 1.0),
}
CURRENCY = {
    "$": "USD", "us$": "USD", "dlrs": "USD", "dlrs.": "USD", "€": "EUR", "£": "GBP", "rs": "PKR", "rs.": "PKR",
    "dollars": "USD",
    "euros": "EUR", "pounds": "GBP", "rupees": "PKR", "yen": "JPY",
}
TOLERANCE = 0.01  # exact figures within 1% are the same figure rounded
# Hedges that give an estimate rather than a bound. Two outlets that each give an estimate ("about 45,000",
# "about 48,000") report different figures, even though each hedge alone would stretch to cover the other.
APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated"})

_H = "|".join(sorted((re.escape(h) for h in HEDGE), key=len, reverse=True))
_V = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_NUM = rf"(?:\d[\d,]*(?<!,)(?:\.\d+)?|{'|'.join(_NUMBER_PHRASES)}|{NUMBER_WORD.pattern})"


def _scale(group: str, letters: str = "bkt") -> str:
    """A scale after a number, captured as ``group``: a word ("2 million", "$2m", "$3 bn"; a scale word spelled out
    may be joined by a hyphen, as some outlets print amounts: "$1-billion", "US$2.5-million"), or a letter written
    against the number, as headlines abbreviate ("$1.6B", "$1.9T", "20.5M jobs", "$50K"); a lone letter after a
    space ("5 b") is no scale. ``letters``: the letters that scale (counts leave out "t": "a 40t lorry")."""
    return (rf"(?:(?:\s*|-(?=(?:thousand|million|billion|trillion)\b))"
            rf"(?P<{group}>thousand|million|billion|trillion|bn|mn|tn|m)\b|(?P<{group}_x>[{letters}])\b)?")


AMOUNT = re.compile(
    # "Rs" and "dlrs" (the wire services' dollars) are words of their own: "dlrs 252.8 million" is no rupees
    # a range of amounts written with one scale: "$5-10 million", "$5-$10 million" are $5 to $10 million
    rf"(?:(?P<h>{_H})\s+)?(?:(?P<cur>US\$|\$|€|£|(?<![a-z])(?:Rs|dlrs)\.?)\s?"
    rf"(?:(?P<lo>\d[\d,]*(?<!,)(?:\.\d+)?)\s?[-–]\s?(?:US\$|\$|€|£)?(?=\d))?(?P<n>{_NUM}){_scale('sc')}"
    rf"|(?P<n2>{_NUM}){_scale('sc2')}\s+(?P<cur2>dollars|euros|pounds|rupees|yen)"
    rf"|(?P<v>{_V})\s+of\s+(?P<cur3>dollars|euros|pounds|rupees))",
    re.I,
)
COUNT = re.compile(
    rf"(?:(?P<h>{_H})\s+)?(?:(?P<n>{_NUM}){_scale('sc', 'bk')}|(?P<v>{_V})\s+of)\s+"
    rf"(?P<w1>[a-z-]{{3,}})(?:\s+(?P<w2>[a-z-]{{3,}}))?",
    re.I,
)
PERCENT = re.compile(rf"(?:(?P<h>{_H})\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)
# A share of what has been counted or has reported, not a result: "with 22 percent of the vote counted", "with 90%
# of precincts reporting", "after 40 percent of ballots had been tallied", "with 95% counted". After "with", "after",
# "once", "when" or "as", or of units that report (precincts, polling stations), never of a candidate's share ("won
# 51 percent of the votes counted" is a result).
_COUNTED = (r"(?:(?:had|has|have|were|was)\s+(?:been\s+)?|being\s+)?"
            r"(?:counted|reporting|reported|tallied|processed|declared|returned|in(?!\s+(?:the\s+)?(?-i:[A-Z])))\b")
_TALLIED = r"(?:votes?|ballots?|returns|results)"
_REPORTING_UNITS = r"(?:precincts|polling\s+(?:stations|places|centres|centers)|districts|constituencies|counties)"
_PROGRESS_AFTER = re.compile(
    rf"\s+(?:of\s+(?:the\s+|all\s+)?(?:(?P<what>(?:\w+\s+){{0,2}}?{_TALLIED})|{_REPORTING_UNITS})\s+)?{_COUNTED}",
    re.I)
_PROGRESS_BEFORE = re.compile(r"\b(?:with|after|once|when|as|by\s+the\s+time)\s+(?:only\s+|just\s+)?$", re.I)


def _counting_progress(text: str, m: re.Match[str]) -> bool:
    """Whether the percentage ``m`` says how much has been counted or has reported (:data:`_PROGRESS_AFTER`)."""
    after = _PROGRESS_AFTER.match(text, m.end())
    if after is None:
        return False
    of = after.group().lstrip().lower().startswith("of")
    if not of and after.group().lower().endswith("in"):
        return False  # "with 5 percent in savings": "in" says what is counted only of votes ("of the vote in")
    return _PROGRESS_BEFORE.search(text, max(0, m.start() - 20), m.start()) is not None or (
        of and after.group("what") is None)


_VERBISH = frozenset("was has is were does goes makes takes this thus plus less unless across".split())
# ... nor is a month ("21 July 2015" is a day, :mod:`.dates`), nor a function word: "three for Bryson Tiller" (an
# award's count, the noun left out), "five each", "15 below", "two since Monday" count no "for", "each", "below" or
# "since"; such a count is dropped. ("others" and "more" count what the count before them counts, :data:`_SAME_KIND`.)
_NOT_COUNT_NOUN = (frozenset("percent per cent am pm of and or to the out".split()) | frozenset(MONTHS)
                   | (STOPWORDS - {"other", "more"}) | _VERBISH
                   | frozenset("apiece respectively since among amid per via onto upon toward towards within without "
                               "despite beyond behind near yesterday today tonight tomorrow including".split()))
# A sign before a count's number: "minus 15 Fahrenheit", "negative 3 points", "-15 degrees" (a hyphen written against
# the number, not ending a word, a figure or a range: "F-15", "10-15 degrees" are no sign).
_MINUS = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|(?<=[\s(\[]))(?<!\d\s)[-\u2212])$", re.I)
_HEDGE_BEFORE = re.compile(rf"\b(?P<h>{_H})\s+$", re.I)
# "15 below zero", "15 degrees below zero": a temperature under zero, in degrees of an unnamed scale
_BELOW_ZERO = re.compile(r"\s+below\s+zero\b", re.I)
# The scales of a temperature: "15 degrees Fahrenheit" is "15 Fahrenheit" ("centigrade" is Celsius)
_TEMPERATURE_SCALES = {"fahrenheit": "fahrenheit", "celsius": "celsius", "centigrade": "celsius"}
# "others" and "more" as the counted word ("three others", "12 more"; not "12 more than") count what the count
# before them in the text counts.
_SAME_KIND = frozenset({"other", "more"})
TIME_TOLERANCE = 30  # minutes: how far a hedged time of day reaches, and how far apart two such times agree
ROUNDED_HOUR = 30  # minutes: an unhedged time on the hour agrees with times less than this away
_DAY = 24 * 60
_TIME_HEDGE = {  # minutes before and after the time given
    "about": (TIME_TOLERANCE, TIME_TOLERANCE), "around": (TIME_TOLERANCE, TIME_TOLERANCE),
    "roughly": (TIME_TOLERANCE, TIME_TOLERANCE), "approximately": (TIME_TOLERANCE, TIME_TOLERANCE),
    "shortly after": (0, TIME_TOLERANCE), "just after": (0, TIME_TOLERANCE), "soon after": (0, TIME_TOLERANCE),
    "shortly before": (TIME_TOLERANCE, 0), "just before": (TIME_TOLERANCE, 0),
    "after": (0, math.inf), "since": (0, math.inf), "before": (math.inf, 0), "by": (math.inf, 0),
    "until": (math.inf, 0),
}
_TH = "|".join(sorted((re.escape(h) for h in _TIME_HEDGE), key=len, reverse=True))
# A zone written after a time; the US zones are one zone whatever their daylight letter ("EST", "EDT", "ET").
_ZONE = r"(?P<zone>GMT|UTC|BST|CET|CEST|IST|PKT|[ECMP][SD]?T|local time)\b"
_ZONES = {"est": "ET", "edt": "ET", "et": "ET", "cst": "CT", "cdt": "CT", "ct": "CT", "mst": "MT", "mdt": "MT",
          "mt": "MT", "pst": "PT", "pdt": "PT", "pt": "PT", "utc": "GMT", "gmt": "GMT"}
_CLOCK_WORDS = {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}
TIME = re.compile(
    rf"(?:\b(?P<h>{_TH})\s+)?(?:\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap])(?:\.m\.?|m)"
    rf"(?![a-z])|(?<![\w:.])(?P<h24>[01]\d|2[0-3])[:.]?(?P<m24>[0-5]\d)(?=\s*(?:GMT|UTC)\b)"
    rf"|(?<![\w:.])(?P<h24c>1[3-9]|2[0-3]):(?P<m24c>[0-5]\d)(?![\w:]|\.\d)"
    rf"|\b(?P<word>noon|midday|midnight)\b)(?:\s*{_ZONE})?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a sentence: ``kind`` amount/count/percent/time, ``slot`` what it measures (currency, the
    counted noun), ``lo``/``hi`` the interval it allows (a time: in minutes after midnight), ``text`` as
    written, ``start``/``end`` in the sentence."""

    kind: str
    slot: str
    lo: float
    hi: float
    text: str
    start: int
    end: int
    estimate: float | None = None  # the stated figure, when hedged as an estimate ("about 45,000")
    # how far either way the figure as written may have been rounded: a time, the minutes an unhedged time on the
    # hour stands for; an amount or count, half a unit of the last decimal of a scaled figure ("$1.4 trillion")
    rounding: float = 0
    # what the figure is of, when its words tie it to a noun (stems): a duration that a noun before "of" takes ("his
    # wife of 10 years": the marriage's length, no prison term), or the noun a hyphenated count describes ("a
    # three-year prison sentence"); empty when the sentence does not say (:func:`_duration_of`, :data:`HYPHENATED`)
    of: frozenset[str] = frozenset()
    # a figure given as one bound by its hedge: "lower" ("at least 62", "more than 60"), "upper" ("up to 100", "fewer
    # than 40"); "" for any other (exact, an estimate, a range, a magnitude). Two bounds of one side that state
    # different figures are two figures (:func:`compatible`).
    bound: str = ""

    @property
    def normalized(self) -> str:
        fmt = _clock if self.kind == "time" else _fmt
        if self.estimate is not None:
            return f"~{fmt(self.estimate)}"
        if self.lo == self.hi:
            return fmt(self.lo)
        if math.isinf(self.hi):
            return f">={fmt(self.lo)}"
        if math.isinf(self.lo) or self.bound == "upper":
            return f"<={fmt(self.hi)}"
        return f"{fmt(self.lo)}..{fmt(self.hi)}"


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def _clock(minutes: float) -> str:
    return f"{int(minutes) // 60 % 24:02d}:{int(minutes) % 60:02d}"


def _clock_minutes(m: re.Match[str], hedge: str) -> tuple[int, bool]:
    """A TIME match in minutes after midnight, and whether it is on the hour (no minutes written). Midnight
    is the end of the day after a hedge that looks back ("before midnight"), else its start."""
    if m.group("word"):
        word = m.group("word").lower()
        if word == "midnight" and _TIME_HEDGE.get(hedge, (0, 0))[0] > 0:
            return _DAY, True
        return _CLOCK_WORDS[word], True
    if m.group("hour"):
        pm = m.group("ap").lower() == "p"
        return int(m.group("hour")) % 12 * 60 + int(m.group("min") or 0) + (720 if pm else 0), not m.group("min")
    hour, minute = (m.group("h24"), m.group("m24")) if m.group("h24") else (m.group("h24c"), m.group("m24c"))
    return int(hour) * 60 + int(minute), False


def _number(raw: str) -> float | None:
    raw = raw.lower().strip()
    if raw in _NUMBER_PHRASES:
        return float(_NUMBER_PHRASES[raw])
    if NUMBER_WORD.fullmatch(raw):
        return float(number_word(raw))
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _estimate(m: re.Match[str], iv: tuple[float, float]) -> float | None:
    h = (m.groupdict().get("h") or "").lower()
    ranged = m.groupdict().get("v") or m.groupdict().get("lo")  # a magnitude or a range is no stated figure
    return (iv[0] + iv[1]) / 2 if h in APPROXIMATE and not ranged else None


def _bound(hedge: str | None, lo: float, hi: float, ranged: bool = False) -> str:
    """The side a hedge makes a figure a bound of: "lower" for "at least", "more than", "over", "upwards of";
    "upper" for "up to", "fewer than", "under", "at most", "as many as"; "" for other hedges, none, a range or a
    magnitude ("dozens"), and a figure under zero."""
    if not hedge or ranged or lo < 0 or hi < 0:
        return ""
    lo_f, hi_f = HEDGE[hedge.lower()]
    return "lower" if math.isinf(hi_f) else "upper" if lo_f == 0 else ""


def stated(q: Quantity) -> float:
    """The figure a bound states: its least value for a lower bound ("at least 62" states 62), its greatest for an
    upper one ("up to 100"); for any other figure its estimate when hedged so, else its least value."""
    if q.bound == "upper":
        return q.hi
    return q.estimate if q.estimate is not None else q.lo


def _rounding(m: re.Match[str], n_group: str) -> float:
    """Half a unit of the last decimal of a figure written with decimals and a scale: "$1.4 trillion" stands
    for anything from $1.35 to $1.45 trillion, and "$1.37 trillion" is the same figure more precisely. A
    whole figure ("$2 million") and an unscaled one ("1,400") are read as written."""
    n = m.groupdict().get(n_group) or ""
    sc = "sc2" if n_group == "n2" else "sc"
    scale = m.groupdict().get(sc) or m.groupdict().get(f"{sc}_x")
    if not scale or "." not in n:
        return 0.0
    decimals = len(n) - n.index(".") - 1
    return 0.5 * 10.0**-decimals * SCALE[scale.lower()]


def _interval(m: re.Match[str], n_group: str) -> tuple[float, float] | None:
    v = m.groupdict().get("v")
    if v:
        return VAGUE[v.lower()]
    n = _number(m.group(n_group))
    if n is None:
        return None
    sc = "sc2" if n_group == "n2" else "sc"
    scale = m.group(sc) or m.group(f"{sc}_x")
    if scale:
        n *= SCALE[scale.lower()]
    h = m.group("h")
    lo_f, hi_f = HEDGE[h.lower()] if h else (1.0, 1.0)
    low = _number(m.groupdict().get("lo") or "")
    if low is not None and scale:
        low *= SCALE[scale.lower()]
    if low is not None and low < n:  # "$5-10 million": from $5 million to $10 million
        return low * lo_f, n * hi_f
    return n * lo_f, n * hi_f


# A number that is part of a name or a date, not a count of what follows: "Covid-19 cases", "F-35 jets", "the
# 9/11 hijackers", "24/7 shifts", "a Jan. 29 memo", "on March 3 protesters marched".
_NAME_OR_DATE_HEAD = re.compile(
    r"(?:[A-Za-z]-|/|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)$"
)
# "157 of 338 seats", "three out of 10 voters", "1,750 of the world's 4,800 rhinos": the count is the part, the
# number before "of", with its hedge ("about 160 of 338 seats").
_OF_TOTAL = re.compile(rf"(?:(?P<h>{_H})\s+)?(?P<n>\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+[a-z]+['’]s\s+)?$", re.I)


def _part_of_a_name_or_date(text: str, start: int, end: int) -> bool:
    return _NAME_OR_DATE_HEAD.search(text, max(0, start - 12), start) is not None or text[end : end + 1] == "/"


# How far before a count's number the words that end at it are looked for ("between 10 and", "157 of", "a 5-"):
# far more than they take, and a bound, so that a sentence of many figures is read in time linear in its length
# (searched from its start, a 10,000-character sentence of 300 figures had taken 0.7 s, one of 50,000 18 s).
_LOOKBACK = 200


def _lookback(m: re.Match[str]) -> int:
    """Where to start looking for the words before ``m``'s number that end at it (``_LOOKBACK``)."""
    return max(0, m.start("n") - _LOOKBACK)


_TALLY_HEAD = re.compile(r"(?<![\w.,])(\d+)(?:\s?[-–]\s?|\s+to\s+)$")


def _is_tally(text: str, m: re.Match[str]) -> bool:
    """Is the count's number the second half of a tally ("a 5-4 vote", "a 2-2 draw", "a 5 to 4 ruling")? Winners
    come first, so its first half is as large or larger; a range ("10-12 people") rises. A tally has no scale:
    "500 to 2 million people" is 2 million people."""
    if m.group("h") or m.group("sc") or m.group("sc_x"):
        return False
    head = _TALLY_HEAD.search(text, _lookback(m), m.start("n"))
    n = _number(m.group("n"))
    return head is not None and n is not None and float(head.group(1)) >= n


def _counts_what_follows(text: str, m: re.Match[str], noun: str, after: str) -> bool:
    """Whether a COUNT match counts ``noun``: its number is no year ("in 2011 the town grew"), no tally's second
    half ("a 5-4 vote"), no part of a name or a date ("Covid-19 cases", "the 9/11 hijackers", "a Jan. 29 memo"),
    its noun is a word that can be counted ("percent", "of" and "to" cannot) and no "ago" follows ("two years
    ago" is a date, which :mod:`.dates` reads)."""
    if noun in _NOT_COUNT_NOUN or after == "ago":
        return False
    n = m.group("n")
    if not n:
        return True  # a magnitude word ("dozens of"), no number
    return not (re.fullmatch(r"(1[89]|20)\d\d", n) or _is_tally(text, m)
                or _part_of_a_name_or_date(text, m.start("n"), m.end("n")))


# The first figure and the word of a range before a count's number: "10-12 people", "10 to 12 people", "two or
# three days", "between 10 and 12 people", with a hedge of the whole range before it ("about 10-12 people"). "From 10
# to 12" is a change more often than a range ("the toll rose from 10 to 12"): it is read as its second figure. The
# first figure of a range in words may carry a sign ("between -5 and -15 degrees", "minus 5 to minus 15 degrees",
# "-5 to 10 degrees"); the hyphen form ("10-12") has none (a minus there is read as the range's dash).
_SIGN = r"(?:(?:minus|negative)\s+|(?<![\w.,])[-\u2212])"
_RANGE_HEAD = re.compile(
    rf"(?:(?P<h>{_H})\s+)?(?:\bbetween\s+(?P<neg>{_SIGN})?(?P<lo>{_NUM})\s+and\s+|(?<!\bfrom\s)(?<![\w.,])"
    rf"(?:(?P<lo2>\d[\d,]*(?:\.\d+)?)\s?[-–]\s?|(?:(?P<neg3>{_SIGN})|(?<![-\u2212]))(?P<lo3>{_NUM})\s+(?:to|or)\s+))$",
    re.I,
)


def _range(text: str, m: re.Match[str], hi: float, until: int, negative: bool) -> tuple[re.Match[str], float] | None:
    """The range a count's number ends, as its head match and its first figure, signed and scaled as the number is
    ("2-3 million people", "between -5 and -15 degrees"), when the range's words end at ``until`` (the number, or
    the sign before it, when ``negative``); None when the number ends no range. Unsigned, the first figure must be
    the smaller ("5 to 4" is a tally's or a change's); a range under zero is written either way ("between -5 and
    -15", "between -15 and -5")."""
    if m.group("h"):
        return None
    head = _RANGE_HEAD.search(text, max(0, until - _LOOKBACK), until)
    if head is None:
        return None
    lo = _number(head.group("lo") or head.group("lo2") or head.group("lo3"))
    n = _number(m.group("n"))
    if lo is None or n is None or n == 0:
        return None
    signed = bool(head.group("neg") or head.group("neg3"))
    if not signed and not negative:
        return (head, lo * hi / n) if lo < n else None
    lo, n = -lo if signed else lo, -n if negative else n
    return (head, lo * abs(hi) / abs(n)) if lo != n else None


def _widened(value: float, hedge: str | None) -> tuple[float, float]:
    """The interval a hedge allows around a figure, widened away from zero under zero as above it."""
    lo_f, hi_f = HEDGE[hedge.lower()] if hedge else (1.0, 1.0)
    return (value * lo_f, value * hi_f) if value >= 0 else (value * hi_f, value * lo_f)


# A count written as an adjective, joined to its noun by a hyphen: "a three-year prison sentence", "a 10-year-old
# boy" (an age: "year-old"), "a two-day summit", with the noun it describes (up to two words). The number is no
# part of a name ("F-16", "Covid-19") or of an amount ("$1-billion").
HYPHENATED = re.compile(
    rf"(?<![\w$€£.,/-])(?P<figure>(?P<n>\d+(?:\.\d+)?|{NUMBER_WORD.pattern})-(?P<unit>[a-z]{{3,}})(?P<old>-old)?)"
    rf"(?![\w-])(?P<what>(?:\s+[a-z]{{3,}}){{0,2}})",
    re.I,
)
# Words after a hyphenated number that are no unit counted: fractions ("two-thirds"), manners ("one-sided",
# "three-way", "five-fold"), and scales ("10-million").
_NOT_HYPHEN_UNIT = frozenset(
    "third thirds quarter quarters half halves fifth fifths fold way sided off party".split()
) | frozenset(SCALE)
# The units of a duration: of such a count, a possessed noun before "of" says what lasted ("his wife of 10 years")
_DURATIONS = frozenset(stem(w) for w in
                       "seconds minutes hours days nights weeks months years decades centuries".split())
# "his wife of 10 years", "Kalala's de facto wife of 10 years", "their home of 20 years": how long the possessor has
# had what the noun names. Without the possessive the noun is most often the event that lasted ("a fire of five
# hours", "a sentence of nine years").
_POSSESSED_OF = re.compile(
    r"(?:\b(?:his|her|their|its|my|your|our)|\w['’]s?)\s+(?:[a-z]+\s+){0,2}?(?P<head>[a-z]+)\s+of\s+$", re.I)


def _duration_of(text: str, start: int) -> frozenset[str]:
    """What a duration starting at ``start`` is of, when a possessed noun before "of" takes it: "his wife of 10
    years" is the length of a marriage, not of a prison term. Empty for "a fire of five hours", "three years of
    drought"."""
    m = _POSSESSED_OF.search(text, max(0, start - 60), start)
    return frozenset(content_terms(m.group("head"))) if m else frozenset()


class _Spans:
    """The spans of a text read so far, which never overlap: kept in order, so whether a span is still free is
    found by a binary search, not by comparing it with every span taken (a flattened table of 2,000 figures had
    taken seconds)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` meets no span taken. The spans taken are disjoint and not empty, so their ends rise
        as their starts do: of those that end after ``a``, the first starts first."""
        i = bisect_right(self.ends, a)
        return i == len(self.starts) or self.starts[i] >= b

    def add(self, a: int, b: int) -> None:
        """Take ``[a, b)``, a span not empty that is :meth:`free`."""
        i = bisect_right(self.ends, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def quantities(text: str) -> list[Quantity]:
    """Times of day, amounts, counts and percentages in ``text``; a span is read by the most specific
    pattern only."""
    out: list[Quantity] = []
    taken = _Spans()
    free = taken.free

    for m in TIME.finditer(text):
        h = (m.group("h") or "").lower()
        t, on_the_hour = _clock_minutes(m, h)
        before, after = _TIME_HEDGE.get(h, (0, 0))
        zone = (m.group("zone") or "").lower()
        zone = _ZONES.get(zone, zone.upper()) if zone and zone != "local time" else ""
        out.append(Quantity("time", f"time of day {zone}".strip(), t - before, t + after, m.group(), m.start(),
                            m.end(), float(t) if h in APPROXIMATE else None,
                            ROUNDED_HOUR - 1 if on_the_hour and not h else 0))
        taken.add(m.start(), m.end())
    for m in AMOUNT.finditer(text):
        if not free(m.start(), m.end()):
            continue
        n_group = "n" if m.group("n") else "n2"
        iv = _interval(m, n_group)
        if iv is None:
            continue
        cur = (m.group("cur") or m.group("cur2") or m.group("cur3") or "").lower()
        out.append(Quantity("amount", CURRENCY.get(cur, cur), iv[0], iv[1], m.group(), m.start(), m.end(),
                            _estimate(m, iv), _rounding(m, n_group),
                            bound=_bound(m.group("h"), iv[0], iv[1], bool(m.group("lo") or m.group("v")))))
        taken.add(m.start(), m.end())
    for m in PERCENT.finditer(text):
        if free(m.start(), m.end()) and _counting_progress(text, m):
            taken.add(m.start(), m.end())  # no result: how far the count has got
        elif free(m.start(), m.end()):
            n = float(m.group("n"))
            lo_f, hi_f = HEDGE[m.group("h").lower()] if m.group("h") else (1.0, 1.0)
            out.append(Quantity("percent", "percent", n * lo_f, n * hi_f, m.group(), m.start(), m.end(),
                                _estimate(m, (n * lo_f, n * hi_f)), bound=_bound(m.group("h"), n, n)))
            taken.add(m.start(), m.end())
    for m in HYPHENATED.finditer(text):
        unit = m.group("unit").lower()
        if not free(m.start(), m.end("figure")) or unit in _NOT_HYPHEN_UNIT or NUMBER_WORD.fullmatch(unit):
            continue  # "two-thirds", "forty-six" (read whole by COUNT)
        figure = _number(m.group("n"))
        if figure is None:
            continue
        slot = stem(unit + (m.group("old") or "").lower())
        out.append(Quantity("count", slot, figure, figure, m.group("figure"), m.start(), m.end("figure"),
                            of=frozenset(content_terms(m.group("what") or ""))))
        taken.add(m.start(), m.end("figure"))
    counted: list[str] = []  # the slots of the counts so far (not of hyphenated ones, read first)
    for m in COUNT.finditer(text):
        w1, w2 = m.group("w1").lower(), (m.group("w2") or "").lower()
        below_zero = w1 == "below" and w2 == "zero"  # "15 below zero": degrees, under zero
        # "15 degrees Fahrenheit" counts in Fahrenheit, as "15 Fahrenheit" does
        two = (w2.endswith("s") and w2 not in _VERBISH and not w1.endswith("s")
               or w1 == "degrees" and w2 in _TEMPERATURE_SCALES)
        noun = "degrees" if below_zero else w2 if two else w1
        if not free(m.start(), m.end()) or not _counts_what_follows(text, m, noun, w2):
            continue
        iv = _interval(m, "n")
        if iv is None:
            continue
        start, estimate, rounding = m.start(), _estimate(m, iv), _rounding(m, "n")
        hedge_word = m.group("h")  # the hedge that may make the figure a bound (:func:`_bound`)
        # a value under zero keeps its sign: "minus 15 Fahrenheit" and "-15 degrees Fahrenheit" are -15, not 15
        sign = m.group("n") and _MINUS.search(text, max(0, m.start("n") - 12), m.start("n"))
        until = sign.start() if sign else m.start("n")
        signed_range = False
        if m.group("n") and (span := _range(text, m, iv[1], until, bool(sign))):
            head, lo = span  # "10-12 people": from 10 to 12, with the range's hedge at both ends
            hi = -iv[1] if sign else iv[1]
            ends = _widened(lo, head.group("h")) + _widened(hi, head.group("h"))
            iv, start, estimate, hedge_word = (min(ends), max(ends)), head.start(), None, None
            signed_range = bool(sign or head.group("neg") or head.group("neg3"))
            if signed_range:
                sign = None  # read with the range: "between -5 and -15 degrees" is -15 to -5
        elif m.group("n") and not m.group("h") and (whole := _OF_TOTAL.search(text, _lookback(m), m.start("n"))):
            part = _number(whole.group("n"))  # "157 of 338 seats": 157 seats, of a whole of 338
            if part is not None:
                lo_f, hi_f = HEDGE[whole.group("h").lower()] if whole.group("h") else (1.0, 1.0)
                iv, start, rounding, hedge_word = (part * lo_f, part * hi_f), whole.start(), 0.0, whole.group("h")
                estimate = _estimate(whole, iv)
        end = m.end("w2") if two or below_zero else m.end("w1")
        if not below_zero and not signed_range and (under := _BELOW_ZERO.match(text, end)):
            below_zero, end = True, under.end()
        if sign and not m.group("h") and (hedge := _HEDGE_BEFORE.search(text, max(0, sign.start() - 20),
                                                                          sign.start())):
            h = hedge.group("h").lower()  # "about minus 15": the hedge before the sign
            iv, start = (iv[0] * HEDGE[h][0], iv[1] * HEDGE[h][1]), hedge.start()
            estimate = (iv[0] + iv[1]) / 2 if h in APPROXIMATE else None
        elif sign:
            start = sign.start()
        if (sign or below_zero) and not signed_range:
            iv = (-iv[1], -iv[0])  # a hedge widens the magnitude: "about minus 15" is -16.5 to -13.5
            estimate = None if estimate is None else -estimate
        slot = _TEMPERATURE_SCALES.get(noun, stem(noun))
        if slot in _SAME_KIND and w2 != "than" and counted:
            slot = counted[-1]  # "7 Republicans voted no, while three others voted present": three Republicans
        counted.append(slot)
        out.append(Quantity("count", slot, iv[0], iv[1], text[start:end].strip(), start, end, estimate, rounding,
                            _duration_of(text, start) if slot in _DURATIONS else frozenset(),
                            _bound(hedge_word, iv[0], iv[1], bool(m.group("v")))))
        taken.add(m.start(), m.end())
    return sorted(out, key=lambda q: q.start)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether both figures can be true at once (intervals meet, exact figures within ``TOLERANCE``).
    Two estimates are compared as stated figures: "about 45,000" and "about 48,000" disagree; so are two bounds of
    one side (:attr:`Quantity.bound`): "at least 62 dead" and "at least 65 dead" give two tallies. Times of
    day are compared in minutes, without the relative tolerance: two estimates agree within ``TIME_TOLERANCE``."""
    if a.kind == "time" or b.kind == "time":
        # around the clock: "about midnight" (23:30..00:30) and "11:50 p.m." meet a day apart
        return any(_times_meet(a, b, shift) for shift in (0, -_DAY, _DAY))
    if a.bound and a.bound == b.bound:
        # two bounds of one side: "at least 62 dead" and "at least 65 dead" state two tallies, though both may hold
        x, y = stated(a), stated(b)
        return abs(x - y) < a.rounding + b.rounding or abs(x - y) <= TOLERANCE * max(abs(x), abs(y))
    if (a.rounding or b.rounding) and _rounded_meet(a, b):
        return True
    if a.estimate is not None and b.estimate is not None:
        return abs(a.estimate - b.estimate) <= TOLERANCE * max(abs(a.estimate), abs(b.estimate))
    lo_a, hi_a = a.lo - TOLERANCE * abs(a.lo), a.hi + TOLERANCE * abs(a.hi)  # outwards, under zero too
    return lo_a <= b.hi and b.lo <= hi_a


def _rounded_meet(a: Quantity, b: Quantity) -> bool:
    """A figure rounded as written stands for a half-open interval around it: "$1.4 trillion" and "$1.37
    trillion" meet; "$1.4 trillion" and "$1.5 trillion" only touch, which is no meeting."""
    if a.estimate is not None and b.estimate is not None:
        return abs(a.estimate - b.estimate) < a.rounding + b.rounding
    return a.lo - a.rounding < b.hi + b.rounding and b.lo - b.rounding < a.hi + a.rounding


def _times_meet(a: Quantity, b: Quantity, shift: int) -> bool:
    if a.estimate is not None and b.estimate is not None:
        return abs(a.estimate - (b.estimate + shift)) <= TIME_TOLERANCE
    slack = a.rounding + b.rounding
    return a.lo - slack <= b.hi + shift and b.lo + shift <= a.hi + slack
