"""Date phrases in a sentence, found by our own patterns, and resolved against the article's
publication date.

Searching whole texts for dates with a general parser invents dates ("after 17 years" became 2035
with ``dateparser.search_dates``), so phrases are found by patterns that only match what news uses
for dates, and only the matched phrase is resolved. Weekdays follow the newsroom convention: a bare
"Monday" in a report is the most recent Monday on or before the publication date (the day itself
included, which dateparser's ``PREFER_DATES_FROM='past'`` excludes), or the next one when the verb is
future ("will meet on Tuesday") or a verb of schedule in the present ("the council meets Tuesday",
"schools reopen Monday"; on the day itself when it is the publication's weekday). Explicit dates go
through ``dateparser.parse`` with the publication date as ``RELATIVE_BASE`` when dateparser is installed,
through ``strptime`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta

from ..attribute import NUMBER_WORD, number_word
from ..vocabulary import DATED_SPEECH, alternation

MONTHS = {m: k for k, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: k for m, k in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: k for k, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MON = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|" \
       r"August|September|October|November|December"
_WD = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_N = rf"\d+|a|an|{NUMBER_WORD.pattern}"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>\d{{4}}))?\b")),
    # The preposition may open the sentence ("In November, ..."); the month keeps its capital ("may").
    ("my", re.compile(rf"\b(?i:in|since|until|by|from|of|last|next|this|early|late|mid-)\s*(?P<mon>{_MON})"
                      rf"(?:\s+(?P<y>\d{{4}}))?\b(?!\s+\d)")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|on|since|until|by))\s+)?(?P<wd>{_WD})\b")),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("last", re.compile(r"\b(?P<rel>last|next|this|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)),
    ("rel", re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.I)),
    ("year", re.compile(r"\b(?i:in|since|until|by|of|from|during)\s+(?P<y>(?:19|20)\d\d)\b(?!-)")),
]
# Verbs that point a bare weekday or date forward: "will", and the verbs of expectation and schedule
# ("more rain was expected on Thursday", "talks are set to resume on Monday"). A bare "due to" is
# left out ("closed on Monday due to flooding" gives a cause), and so is the noun "a/the forecast".
_FUTURE = re.compile(
    r"\b(?:will|is to|are to|(?:is|are|was|were) due|due(?!\s+to\b)|expect(?:s|ed)?|scheduled|set to|planned|"
    r"plans? to|(?<!the )(?<!an )(?<!a )forecasts?|next)\b",
    re.I,
)
# A deadline a modal sets ahead: "the inspection could take until Thursday", "it would stay shut until Friday",
# "the repairs may be done by Monday". Without the modal the bound is past: "the road was closed until Monday".
_MODAL_BOUND = re.compile(r"\b(?:would|could|may|might|should|must|can)\b", re.I)
_BOUNDS = frozenset({"until", "by"})
# A start ahead: "buses would run … starting on Wednesday", "the fares rise beginning Monday", "it would reopen on
# Friday" (a future told in the past: "would", not "would have"). A bare "from Monday" follows its verb's tense.
_STARTING = re.compile(r"\b(?:starting|beginning|effective)\s+(?:from\s+)?$", re.I)
_WOULD = re.compile(r"\bwould\b(?!\s+(?:not\s+)?have\b)", re.I)
# A date that a past verb of saying takes ("..., the mayor said on Monday", "officials announced Tuesday")
# is the day it was said, whatever the statement says of the future: "The bridge will reopen next week,
# the mayor said on Monday" was said last Monday.
_SAID_BEFORE = re.compile(
    rf"\b(?:told(?:\s+(?:reporters|journalists|the\s+\w+|\w+))?|{alternation(DATED_SPEECH - {'told'})})"
    r"\s+(?:(?:on|late|early)\s+)*$",
    re.I,
)
# A weekday that is part of a name is no day to resolve: a holiday or a named day ("Super Tuesday", "Good Friday",
# "Black Friday"), a programme or a film ("Fox News Sunday", "Freaky Friday", "Saturday Night Live", "Monday Night
# Football"), a greeting ("Good Wednesday morning").
# The present tense of a verb of schedule points a date forward too ("the council meets Tuesday", "schools reopen on
# Monday", "the team is playing Sunday"): the nearest verb before the date in its clause, read word by word back from
# the date (:func:`_present`). The verbs are those news uses for what is on a calendar, each as its third person and
# its base form; a verb of saying in the present ("officials say Tuesday") dates the saying, not what is said.
_SCHEDULE = frozenset(
    "meet vote open reopen close begin start end resume return head go take face play host hold arrive leave visit "
    "travel launch kick debate decide rule release testify appear speak address convene gather sit hear mark "
    "celebrate expire fly sail depart land come move stand run unveil present graduate marry wed".split())
_THIRD_PERSON = {w + ("es" if w.endswith(("s", "sh", "ch", "x", "o")) else "s"): w for w in _SCHEDULE} | {
    "testifies": "testify", "flies": "fly"}
_PRESENT_SPEECH = frozenset("say says tell tells announce announces confirm confirms report reports add adds "
                            "state states write writes declare declares tweet tweets insist insists warn warns".split())
# Irregular past forms (regular ones end in "-ed"); forms the present shares ("hit", "put", "set", "cut") are left out.
_PAST = frozenset(
    "was were had did said met went came took made told found held left began won lost fell rose struck ran gave "
    "saw spoke wrote sent brought bought caught fought thought kept led paid shot stood sat felt got knew grew flew "
    "drew threw broke chose froze wore rode drove sank sang rang became forgot withdrew sought taught built spent "
    "heard sold fled fed hid lit slid swung dug shone overcame".split())
# Words before a noun: "the vote on Tuesday", "its visits on Monday", "two starts Sunday" are no verbs.
_DETERMINERS = frozenset(
    "the a an its their his her our my your this that these those whose of for in on at by with from to no any each "
    "every another one two three four five six several many some first last next".split())
_AUXILIARY = re.compile(r"^(?:is|are|am|isn't|aren't|'s|'re|’s|’re)$", re.I)
_NOT_PAST_ED = frozenset({"scheduled", "expected", "planned", "slated", "need", "speed", "feed", "seed", "bleed",
                          "breed", "proceed", "succeed", "exceed"})
_PRESENT_WINDOW = 10  # words back from the date in which its verb is looked for
# Words in "-s" that are no plural subject of a base form ("the vote was close on Tuesday" has no verb "close");
# words in "-ss", "-us" and "-is" ("boss", "campus", "this", "crisis") are none either.
_NO_PLURAL = frozenset("was has does its as always perhaps news whereas besides towards afterwards sometimes yes "
                       "series species".split())
_NAMED_DAY = re.compile(r"\b(?:Super|Black|Good|Cyber|Easter|Palm|Ash|Bloody|Maundy|Holy|Freaky|Giving|Fox News)\s+$")
_NAMED_AFTER = re.compile(r"\s+Night\s+(?:Live|Football|Fights?)\b")


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date phrase in a sentence: offsets in the sentence, the kind of pattern, the resolved date
    (ISO; ``YYYY-Www`` for a calendar week, ``YYYY-MM`` or ``YYYY`` when the phrase names no day; None
    when it cannot be resolved)."""

    text: str
    start: int
    end: int
    kind: str
    resolved: str | None


def find(sentence: str, published: str | None) -> list[DatePhrase]:
    base = _parse_iso(published)
    plain = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group()), sentence)  # quotes have their own tense
    out: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "mdy" and m.group("mon") == "May" and not m.group("y") and sentence[m.end():m.end() + 1] == "%":
                continue
            if kind == "weekday" and (not m.group("rel") and _NAMED_DAY.search(sentence[: m.start()][-20:])
                                      or _NAMED_AFTER.match(sentence, m.end())):
                continue
            taken.append((m.start(), m.end()))
            before = plain[max(0, m.start() - 60) : m.start()]
            bound = kind == "weekday" and (m.group("rel") or "").lower() in _BOUNDS and _MODAL_BOUND.search(before)
            ahead = (bound or _FUTURE.search(plain[max(0, m.start() - 60) : m.end() + 10])
                     or _WOULD.search(_clause_before(plain, m.start()))
                     or (kind == "weekday" and _STARTING.search(before)))
            # "the council meets Wednesday" in a paper of Wednesday meets that day; "will meet" keeps a week ahead
            present = not ahead and kind != "year" and _present(_clause_before(plain, m.start()))
            future = bool(ahead or present) and not _SAID_BEFORE.search(plain[max(0, m.start() - 40) : m.start()])
            out.append(DatePhrase(m.group(), m.start(), m.end(), kind, _resolve(kind, m, base, future, present)))
    return sorted(out, key=lambda d: d.start)


def said_on(sentence: str, start: int) -> bool:
    """Whether the date phrase at ``start`` is the day a past verb of saying takes ("…, the mayor said on Monday",
    "officials told reporters Tuesday"): the day of a statement, not of what it tells."""
    return _SAID_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


def _clause_before(text: str, end: int) -> str:
    """The words before ``end`` back to the start of their clause (a comma, a semicolon or the sentence's start),
    at most 100 characters: "… the city would run free shuttle buses from the terminal starting on"."""
    window = text[max(0, end - 100) : end]
    return re.split(r"[,;:]", window)[-1]


def _present(clause: str) -> bool:
    """Whether the nearest verb before a date, in the words of its clause (``clause`` ends at the date), is a verb
    of schedule in the present tense (:data:`_SCHEDULE`): "the council meets", "schools reopen" (a base form after a
    plural noun or a pronoun), "the team is playing" (any verb in "-ing" after "is" or "are"). A past verb nearer the
    date ("police say the man died"), a verb of saying in the present, or a noun ("the vote on") says no."""
    words = re.findall(r"[\w'’]+", clause)[-_PRESENT_WINDOW:]
    for k in range(len(words) - 1, -1, -1):
        w = words[k].lower()
        before = words[k - 1].lower() if k else ""
        if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED) or w in _PRESENT_SPEECH:
            return False
        if w.endswith("ing") and len(w) > 5 and _AUXILIARY.match(before):
            return True
        if w in _THIRD_PERSON and before and before not in _DETERMINERS:
            return True
        if w in _SCHEDULE and (before in ("they", "we", "i", "you") or _plural(before)):
            return True
    return False


def _plural(word: str) -> bool:
    """Whether ``word`` (lower case) may be a plural noun, the subject of a base form: "schools", "voters"."""
    return (word.endswith("s") and len(word) > 3 and word not in _NO_PLURAL and word not in _DETERMINERS
            and word not in _PAST and not word.endswith(("ss", "us", "is", "'s", "’s")))


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _resolve(kind: str, m: re.Match[str], base: date | None, future: bool, present: bool = False) -> str | None:
    try:
        return _resolved(kind, m, base, future, present)
    except OverflowError:  # a day before year 1 or after 9999: "on Monday" in a text dated 9999-12-31 (--date)
        return None


def _resolved(kind: str, m: re.Match[str], base: date | None, future: bool, present: bool = False) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if kind in ("mdy", "dmy"):
            return _explicit(m.group(), _month(g["mon"]), int(g["d"]), g.get("y"), base, future)
        if kind == "year":
            return g["y"]
        if kind == "my":
            mon = _month(g["mon"])
            if g.get("y"):
                return f"{int(g['y']):04d}-{mon:02d}"
            if base is None:
                return None
            year = base.year
            ahead = future or m.group().lower().startswith("next")
            if ahead and mon < base.month:
                year += 1
            elif not ahead and mon > base.month:
                year -= 1
            if not MINYEAR <= year <= MAXYEAR:
                raise OverflowError(f"year {year} is out of range")
            return f"{year:04d}-{mon:02d}"
    except (ValueError, KeyError):
        return None
    if base is None:
        return None
    if kind == "weekday":
        return _weekday(WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower(), base, future, present).isoformat()
    if kind == "ago":
        word = g["n"].lower()
        n = int(word) if word.isdigit() else 1 if word in ("a", "an") else number_word(word)
        return _shift(base, g["unit"].lower(), -n)
    if kind == "last":
        step = {"last": -1, "next": 1}.get(g["rel"].lower().split()[0], 0)
        if g["unit"].lower() == "week":  # "this week" names a calendar week, not the day of writing
            return _iso_week(base + timedelta(weeks=step))
        return _shift(base, g["unit"].lower(), step)
    if kind == "rel":
        return (base + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()])).isoformat()
    return None


def _weekday(wd: int, rel: str, base: date, future: bool, today: bool = False) -> date:
    """The weekday ``wd`` as ``rel`` and the tense place it: on or before ``base``, or after it when ``future`` (on
    ``base`` itself too when ``today``: a present tense, "meets Wednesday" in a paper of that Wednesday)."""
    back = (base.weekday() - wd) % 7
    if rel == "last":
        return base - timedelta(days=back or 7)
    if rel == "next" or (future and rel != "since"):
        return base + timedelta(days=((wd - base.weekday()) % 7) or (0 if today and rel != "next" else 7))
    return base - timedelta(days=back)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def precision(resolved: str | None) -> str | None:
    """How much of the calendar a resolved date names: ``day`` (``2018-06-09``), ``week`` (the ISO week
    ``2018-W23``), ``month`` (``2018-06``) or ``year`` (``2018``); None for an unresolved phrase."""
    if not resolved:
        return None
    if "W" in resolved:
        return "week"
    return {4: "year", 7: "month"}.get(len(resolved), "day")


def first_day(resolved: str) -> date:
    """The first day of the period a resolved date names (the Monday of an ISO week)."""
    if "W" in resolved:
        year, _, week = resolved.partition("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in resolved.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def period(resolved: str) -> tuple[date, date]:
    """The first and last day of the period a resolved date names."""
    first = first_day(resolved)
    kind = precision(resolved)
    if kind == "day":
        return first, first
    if kind == "week":
        return first, first + timedelta(days=6)
    if kind == "month":
        after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, after - timedelta(days=1)
    return first, date(first.year, 12, 31)


def sort_key(resolved: str) -> str:
    """Resolved dates in calendar order: ISO strings sort as dates (a year before its months, a month
    before its days), but an ISO week sorts by its Monday."""
    return first_day(resolved).isoformat() if "W" in resolved else resolved


def label(resolved: str | None) -> str:
    """A resolved date as a reader should see it: a week as the week it is, never as one of its days."""
    if not resolved:
        return "(unresolved)"
    if precision(resolved) == "week":
        monday, sunday = period(resolved)
        return f"week {monday.isoformat()} to {sunday.isoformat()}"
    return resolved


def _shift(base: date, unit: str, n: int) -> str:
    if unit == "day":
        return (base + timedelta(days=n)).isoformat()
    if unit == "week":
        return (base + timedelta(weeks=n)).isoformat()
    year = base.year + n if unit == "year" else (base.year * 12 + base.month - 1 + n) // 12
    if not MINYEAR <= year <= MAXYEAR:  # "5,000 years ago": no year a date can have ("-2982")
        raise OverflowError(f"year {year} is out of range")
    if unit == "month":
        return f"{year:04d}-{(base.month - 1 + n) % 12 + 1:02d}"
    return f"{year:04d}"


def _explicit(phrase: str, mon: int, day: int, year: str | None, base: date | None, future: bool) -> str | None:
    if year:
        parsed = _dateparser(phrase, base)
        return parsed or date(int(year), mon, day).isoformat()
    if base is None:
        return None
    d = date(base.year, mon, day)
    # A date without a year is the nearest one in the direction the sentence points.
    if not future and d > base + timedelta(days=7):
        d = date(base.year - 1, mon, day)
    elif future and d < base - timedelta(days=7):
        d = date(base.year + 1, mon, day)
    return d.isoformat()


def _dateparser(phrase: str, base: date | None) -> str | None:
    try:
        import dateparser
    except ImportError:
        return None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(phrase.replace("Sept.", "Sep.").replace("Sept ", "Sep "), languages=["en"],
                              settings=settings)
    return parsed.date().isoformat() if parsed else None
