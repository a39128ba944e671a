"""People, organisations and places under canonical names, with what each is reported to do.

Mentions come from an :class:`~storyline.analysis.ner.EntityRecognizer`. Within the cluster they are
joined into entities the way a reader does: a bare surname ("Khan") or first name is the full name
used elsewhere ("Imran Khan"), whatever label the tagger gave it (spaCy often tags a bare surname ORG
after the full name: the full name's label wins); "the prime minister" is the one person the cluster
introduces with that title; "the Foreign Ministry" and "Foreign Ministry" are one organisation.
This is the "one sense per discourse" heuristic of Gale, Church & Yarowsky (1992) applied to names.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..attribute import copies
from ..model import Cluster
from ..vocabulary import SPEAKER_VERBS, alternation
from .actions import verb_phrase
from .model import Action, Entity, Span
from .names import (
    COUNTRY_OF,
    FACILITY_HEADS,
    NAME_HEADS,
    SYNONYMS,
    body_key,
    company_stem,
    defined_acronym,
    initials,
    is_disease,
    is_event,
    is_facility,
    is_generic,
    is_news_agency,
    is_outlet_or_body,
    is_thoroughfare,
    synonym,
    variant_targets,
)
from .ner import PERSON_TITLES, EntityRecognizer, Mention
from .repair import repair

_POSSESSIVE = re.compile(r"(?:['’]s?|\s+)$")
_LEADING = re.compile(rf"^(?:the\s+|The\s+|(?:{PERSON_TITLES})\s+)+")
# ... and a nickname's epithet before a first name and a surname ("Crooked Hillary Clinton", "Sleepy Joe Biden") is no
# part of it (but of a place's or a body's name: "Sleepy Hollow Road", "Crooked Media Group")
_EPITHET = re.compile(r"^(?:Crooked|Sleepy|Lyin[’']?)\s+(?=[A-Z][a-z]+\s+[A-Z][\w’'-]+$)")
_TITLE_HEAD = (
    r"(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|[Ss]ecretary of [Ss]tate|[Cc]hief [Jj]ustice|[Ss]peaker|"
    r"[Ss]ecretary|[Ss]enator|[Gg]overnor|[Mm]ayor|[Cc]hancellor|"
    r"[Ss]pokes(?:wo)?man|[Aa]mbassador|[Ee]nvoy|[Cc]hief of [Ss]taff|[Cc]hief|[Dd]irector|[Cc]ommissioner|"
    r"[Gg]eneral|[Jj]udge|"
    r"[Cc]oach|[Cc]hair(?:wo)?man|[Cc]aptain|[Ss]uperintendent|[Ss]heriff|[Rr]epresentative|[Oo]fficer|"
    r"[Mm]aster|[Ll]eader|[Ee]xecutive|[Cc]ouncill?or|[Ff]irst [Ll]ady)"
)
# "Harbour Master Ines Idowu" (a title the tagger kept inside the name)
# ... and a royal, religious or academic title ("Crown Prince Mohammed bin Salman", "First Lady Melania Trump"), before
# a first name and a surname, a particle between them or not
_RANKS_BEFORE_NAME = r"Prince|Princess|King|Queen|Sheikh|Sheik|Emir|Lady|Pope|Archbishop|Bishop|Cardinal|Rabbi|Imam|" \
    r"Professor|Emeritus"
_TITLE_IN = re.compile(
    rf"^(?:[A-Z][\w.]*\s+){{0,2}}(?:{_TITLE_HEAD}|Master|Leader|Executive|{_RANKS_BEFORE_NAME})\s+"
    rf"(?=[A-Z][a-z]+\s+(?:(?:bin|ibn|bint|al|el|de|van|von)\s+)?[A-Z][a-z])"
)
# "Pakistan's Information Minister Fawad Chaudhry", "U.S. President Donald Trump"
_TITLE_BEFORE = re.compile(rf"((?:[A-Z][\w.]*\s+){{0,3}}{_TITLE_HEAD})\s+$")
# "Shah Qureshi, Pakistan's foreign minister," / "Ana Ruiz, the city's mayor,"; an owner's title is the owner's, and
# the title the apposition gives is the noun the owner possesses: "Daniel Ortiz, Mayor Tom Baker's chief of staff," is
# Baker's chief of staff (no mayor), "Ivanka Trump, the president's daughter," no president; the apposition's lower-case
# words after the head, up to its comma, are the title's too ("the station's general manager,", "chief medical
# examiner,").
_TITLE_AFTER = re.compile(rf"^,\s+((?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.-]*\s+){{0,3}}?[\w.-]+['’]s\s+)?"
                          rf"(?:[\w-]+\s+){{0,3}}?{_TITLE_HEAD}(?:(?:\s+[a-z][\w-]*){{1,2}}(?=\s*[,;)]))?)\b(?!['’])")
# "former President", "ex-president", "Obama, a former president": an office held before, no more
# Between a name and the apposition after it ("Vic Gerden, the chief crash investigator")
_APPOSED = re.compile(r",[ \t]*")
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)(?:\s+|(?<=-))")
_THE_TITLE = re.compile(rf"\b[Tt]he\s+(?:[A-Za-z][\w.]*\s+)?({_TITLE_HEAD}(?:\s+of\s+[A-Z]\w+)?)\b")
MAX_ACTIONS = 5
_STRONG_TITLES = frozenset("president prime minister minister mayor governor secretary senator chancellor ambassador "
                           "envoy speaker".split()) | {"prime minister", "first lady", "vice president",
                                                       "attorney general", "secretary of state", "chief justice",
                                                       "lieutenant governor"}
_OFFICE = re.compile(rf"{_TITLE_HEAD}$")
# Offices of more than one word, read whole: "Vice President" is not "President", "Attorney General" no general.
_COMPOUND_OFFICES = ("secretary of state", "speaker of the house", "prime minister", "first minister",
                     "attorney general", "solicitor general", "inspector general", "surgeon general",
                     "secretary general", "secretary-general", "chief justice", "chief executive", "house speaker",
                     "majority leader", "minority leader", "first lady", "lieutenant governor", "chief of staff")
_SAME_OFFICE = {"speaker of the house": "speaker", "house speaker": "speaker", "secretary-general": "secretary general"}
# A rank before an office makes another office: a vice president, a deputy minister, an under secretary.
_RANKS = frozenset("vice deputy lieutenant assistant under associate".split())
_SPELLED = {"lt.": "lieutenant", "gov.": "governor", "sen.": "senator", "pres.": "president", "v.p.": "vice president"}
# An office written abbreviated before a name ("Gov. Tom Harlan", "Sen. Harlan", "Pres. Okoye"), as news writes
# governors and senators; a lieutenant governor's is another office ("Lt. Gov. Kathy Hochul").
_ABBREVIATED = frozenset({"gov.", "sen.", "pres.", "lt. gov."})  # office() spells each out (_SPELLED)
_ABBREVIATED_BEFORE = re.compile(r"(?<![\w.])((?:Lt\.\s+)?(?:Gov|Sen|Pres)\.)\s+$")
_ABBREVIATED_IN = re.compile(r"((?:Lt\.\s+)?(?:Gov|Sen|Pres)\.)\s+(?=[A-Z])")


def office(title: str) -> str:
    """The office a title names, read whole and in lower case, without its owner or a portfolio: "Vice President"
    → "vice president", "U.S. President" → "president", "Attorney General" → "attorney general", "Pakistan's
    Prime Minister" → "prime minister", "Foreign Minister" → "minister", "Deputy Foreign Minister" → "deputy
    minister", "House Speaker" → "speaker", "Lt. Gov." → "lieutenant governor"; "" for no title."""
    words = [_SPELLED.get(w, w) for w in re.sub(r"^.*['’]s\s+", "", " ".join(title.lower().split())).split()]
    words = " ".join(words).split()
    text = " ".join(words)
    if " of " in text:
        # a portfolio after the office: "secretary of transportation" is a secretary, "director of the FBI" a director;
        # an office whose name holds that "of" keeps it ("secretary of state for health", "deputy chief of staff to
        # the president": a secretary of state, a deputy chief of staff), and an office in the portfolio is not the
        # title's ("chief of staff to the secretary of state": a chief of staff)
        at = text.index(" of ")
        text = text[: max((m.end() for c in _COMPOUND_OFFICES if " of " in c
                           for m in re.finditer(rf"(?<!\S){re.escape(c)}(?!\S)", text) if m.start() < at < m.end()),
                          default=at)]
        words = text.split()
    compound = next((c for c in _COMPOUND_OFFICES if text == c or text.endswith(" " + c)), None)
    base = _SAME_OFFICE.get(compound, compound) if compound else (words[-1] if words else "")
    before = words[: len(words) - (len(compound.split()) if compound else 1)]
    ranks = [w for w in before if w in _RANKS]
    if ranks and base == "governor" and ranks[-1] == "lieutenant":
        ranks, base = ranks[:-1], "lieutenant governor"
    return " ".join([*ranks, base]) if base else ""


def _rankless(held: str) -> str:
    """An office without the ranks before it ("deputy prime minister" → "prime minister")."""
    words = held.split()
    while len(words) > 1 and words[0] in _RANKS:
        words.pop(0)
    return " ".join(words)


def offices(titles: Iterable[str]) -> frozenset[str]:
    """The offices among ``titles`` (:data:`_STRONG_TITLES`: "President", "Foreign Minister", "first lady"), each
    read whole by :func:`office` ("Vice President" holds no presidency, "Prime Minister" is no other minister); no
    descriptive title ("leader", "chief")."""
    return frozenset(held for held in map(office, titles) if _rankless(held) in _STRONG_TITLES)


def _fits(held: str, office_: str) -> bool:
    """Whether a title's office ``held`` names the office ``office_`` the cluster gives someone: the same one, or its
    first word ("Secretary Kerry" is "Secretary of State John Kerry"); never another rank ("President" is no "vice
    president") nor a compound's last word ("Minister" is no "prime minister")."""
    return held == office_ or office_.startswith(held + " of ")


def by_office(candidates: list[str], held: frozenset[str], office_of: Mapping[str, frozenset[str]]) -> list[str]:
    """Of the people a surname may be, those a title it is given allows: "President Biden" is the one of them the
    cluster gives that office ("President Joe Biden"), else one it gives no other office ("Joe Biden"), but never
    "first lady Jill Biden"; when several the cluster gives no office could be it, none. Without an office given,
    all ``candidates``."""
    if not held:
        return candidates
    holders = [c for c in candidates if any(_fits(h, o) for h in held for o in office_of.get(c, frozenset()))]
    if holders:
        return holders
    free = [c for c in candidates if not office_of.get(c)]
    return free if len(free) == 1 else []


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention mapped to its entity: the index used by quotes (speakers, pronouns)."""

    start: int
    end: int
    kind: str
    name: str


_ARTICLES = re.compile(r"^(?:the\s+|The\s+)+")


def clean_surface(text: str) -> str:
    # an editor's brackets are no part of a name: "[Vladimir] Putin", which a tagger reads as "Vladimir] Putin"
    text = " ".join(re.sub(r"[\[\]]", "", text).split()) if "[" in text or "]" in text else text
    # ... nor a slash ("Victoria Walker/" of a photo credit "(Victoria Walker/The Washington Post)")
    text = _POSSESSIVE.sub("", text.strip(" \t\n,;:“”\"'/"))
    if (epithet := _EPITHET.match(text)) and text.split()[-1] not in NAME_HEADS | FACILITY_HEADS:
        text = text[epithet.end() :]
    bare = _LEADING.sub("", text).strip()
    # A title word that begins the name of a body is part of it: "Justice Department", "General Motors" (not
    # "Department", "Motors"); a person's title is not ("President Ruth Okoye").
    text = _ARTICLES.sub("", text).strip() if bare and bare.split()[-1] in NAME_HEADS and " " not in bare else bare
    text = _TITLE_IN.sub("", text)
    return synonym(text)


def _is_abbreviated(title: str) -> bool:
    return " ".join(title.lower().split()) in _ABBREVIATED


def abbreviated_office(text: str, start: int, end: int) -> str:
    """The office abbreviated right before the name at ``start:end``, or at the start of its span, as written
    ("Gov.", "Sen."); "" when there is none."""
    m = _ABBREVIATED_IN.match(text, start, end) or _ABBREVIATED_BEFORE.search(text, max(0, start - 16), start)
    return m.group(1) if m else ""


def title_of(text: str, start: int, end: int) -> str:
    """The title ``text`` gives the person named at ``start:end``, as written: before the name ("Information
    Minister Fawad Chaudhry", "Harbour Master Ines Idowu", whether or not the span takes the title in), or
    after it ("Shah Qureshi, Pakistan's foreign minister,"); "" when there is none."""
    inside = _TITLE_IN.match(text[start:end])
    if inside:
        # the span may start inside an office of two words: "First Lady Melania Trump" tagged from "Lady"
        whole = _TITLE_BEFORE.search(text[max(0, start - 50) : start] + inside.group())
        if whole and whole.group(1).endswith(inside.group().strip()) and len(whole.group(1)) > len(inside.group()):
            return re.sub(r"^(?:[A-Z][\w.]*['’]s\s+)", "", whole.group(1))
        return inside.group().strip()
    before = _TITLE_BEFORE.search(text[max(0, start - 50) : start])
    if before:
        return re.sub(r"^(?:[A-Z][\w.]*['’]s\s+)", "", before.group(1))
    after = _TITLE_AFTER.match(text[end : end + 80])
    if after:
        return _then_title(after.group(1))
    return ""


# An adverb of time before an apposition's title: "Rick Bright, previously the director of …" was the director;
# "X, now the chairman" is the chairman.
_TIME_BEFORE_TITLE = re.compile(r"^(?:(previously|formerly|once)|now|currently|still)\s+(?=\S+\s)")


def _then_title(title: str) -> str:
    """An apposition's title without its article; an adverb that says the office was held before makes it a
    former one ("previously the director" is "former director"), another adverb of time is dropped."""
    when = _TIME_BEFORE_TITLE.match(title)
    rest = re.sub(r"^(?:the|an?)\s+", "", title[when.end() :] if when else title)
    return f"former {rest}" if when and when.group(1) else rest


def title_after(text: str, end: int) -> re.Match[str] | None:
    """The title in an apposition right after a name that ends at ``end`` (", Pakistan's foreign minister", ",
    president of CNN Worldwide": the match ends at the title's head noun), else None."""
    return _TITLE_AFTER.match(text[end : end + 80])


def role_key(title: str) -> str:
    """A title as a slot to compare across articles: lower case, without an article or an owner
    ("Pakistan's foreign minister" and "Foreign Minister" are one role)."""
    return re.sub(r"^(?:the\s+|a\s+)?(?:(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s\s+)?", "", " ".join(title.lower().split()))


_SPOKE = re.compile(rf"^\s*(?:,\s+[^,]{{3,60}},\s*)?(?:{alternation(SPEAKER_VERBS)})\b")


def _looks_personal(text: str, m: Mention) -> bool:
    if _TITLE_BEFORE.search(text[max(0, m.start - 50) : m.start]) or _TITLE_IN.match(m.text):
        return True
    return bool(_SPOKE.match(text[m.end : m.end + 90]) or re.search(r"\bsaid\s+$", text[max(0, m.start - 6) : m.start]))


# Lower-case name particles: "Osama bin Laden" is "Bin Laden" at the start of a sentence.
PARTICLES = frozenset("bin ibn bint al el da de del della der di dos du la le van von ter ten".split())
# A particle joined to the surname by a hyphen ("Omar al-Bashir", "Al-Bashir" at a sentence's start, "Zia
# ul-Haq"); news writes the surname without it too ("Bashir"). Arabic's article takes the sound of the
# letter after it ("ash-Shami", "ad-Din").
_HYPHENED = re.compile(
    rf"^({'|'.join(sorted(PARTICLES | {'ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ul', 'ud'}))})-(?=[A-Z])",
    re.IGNORECASE)
# An outlet, not a person: "Aurora newspaper reported", "told the Sentinel daily".
_OUTLET_NOUN = re.compile(r"^\s+(?:newspaper|daily|weekly|news\s+agency|news\s+channel|TV|television|radio|"
                          r"magazine|website|broadcaster)\b")
_OUTLET_VERB = re.compile(r"^[,”\"]?\s+(?:reported|reports|quoted|cited)\b")
# A wire dateline after a place in capitals at a paragraph's start: "SPLIT, Croatia (AP) _", "ZAGREB, Croatia -".
_DATELINE_AFTER = re.compile(r"^,(?:\s+[A-Z][\w.]*){1,3}\s*(?:\((?:AP|AFP|Reuters|UPI|dpa|Xinhua)\)\s*)?[_—–-]")
# The agency's name closing a wire dateline: "(Northern Wire) -", "(Morrow Times) —".
_AGENCY_CLOSE = re.compile(r"\)\s*(?:[-–—_:]|--)\s")
# The credit of a wire dateline opening a paragraph: "LONDON, April 14 (Reuters) -", "WASHINGTON (AP) —",
# "AMATRICE, Italy (AP) —", "Washington (CNN)President …", "(CNN) Sen. …": a place (in capitals or not, with
# its country or state and the wire's date), then the agency or broadcaster in brackets and a dash, or the
# sentence's first capital. The agency is the outlet's byline, not an organisation in the story.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_CREDIT = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?"
    rf"(?:,[ \t]*{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?)?[ \t]*)?"
    r"\(([^()\n]{1,40})\)[ \t]*(?:[-–—_:]|--|(?=[A-Z\"“]))",
    re.MULTILINE)
_OUTLET_BEFORE = re.compile(r"(?:\btold|\baccording\s+to|\bquoted\s+by|\breported\s+by|\binterview\s+with)\s+$")
# ... and the one that publishes a book or runs a survey or a poll ("published next month by Portfolio", "analysts
# surveyed by Refinitiv", "a poll conducted by Quinnipiac"): a body, as the outlet of a report is.
_BODY_AGENT = re.compile(
    r"\b(?:published|surveyed|polled|compiled|conducted|commissioned)\b(?:\s+[\w-]+){0,5}?\s+by\s+$"
    # ... and one the text introduces as a business ("a company called Knightscope", "a startup named Vexa")
    r"|\b(?:company|firm|startup|start-up|maker|manufacturer|business|retailer|chain|brand)\s+(?:called|named)\s+$")
# A crime's slot ("guilty of Treason", "committing Treason", "charged with Sedition"): a word the tagger reads as a
# person there, capitalised by a headline or for emphasis, is the crime, not someone.
_CRIME_BEFORE = re.compile(
    r"\b(?:guilty\s+of|committing|committed|accused\s+of|charged\s+with|convicted\s+of|suspected\s+of)\s+$",
    re.IGNORECASE)
# What may open a sentence before its first word: a sentence's first capital is no sign of a name.
_OPENERS = " \t\n\"“‘'(["
# The sun and the moon, which news may capitalise as astronomy does ("its orbit around the Sun"): bodies of the sky,
# no organisation or place (not an outlet named so: "The Sun reported", "the Toronto Sun").
_CELESTIAL = frozenset({"Sun", "Moon"})
_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he\s+$")
# A model's name with a digit right after its maker's ("the Knightscope K5", "an Orwen V8"): the maker's product.
_MAKER_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w&.-]*)\s+$")
# A one-word name right after a place and a comma, ending the clause ("in Rothley, Leics."): the county or state of
# that place, whatever the tagger took it for; not a name of a list ("her children, Ivanka, Eric, and …").
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$)")
_IN_LIST = re.compile(r",\s+(?:and\s+|or\s+)?|,\s*$")
# A place's slot: "in Niger", "near Rieti", "the town of Moonachie", "the Lazio region", "the Mali border". One
# word that the tagger reads as a person there is a place (unless it is a person's name elsewhere in the cluster).
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|into|across|throughout|home\s+to)|\b(?:city|town|village|county|province|"
                           r"region|state|country|coast|island|capital|district|suburb|outskirts|municipality)\s+of)\s+$")
_PLACE_AFTER = re.compile(r"^\s+(?:region|province|county|border|coast|district|valley|countryside)\b")
# The first pronoun of the third person after a name in its clause, before any other name
_PRONOUN_AFTER = re.compile(r"\b(she|he|her|his|him|it|its)\b", re.IGNORECASE)
MIN_PERSONAL_PRONOUNS = 2
# The indefinite article right before a name ("a Magen David on a tile"; "A" opening a sentence too), and the end
# of its noun phrase right after the name: the name is the phrase's head, a thing. A name before a noun modifies it
# and may well be someone's ("an Obama appointee", "a Bernie Sanders progressive").
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'-])(?:a|an|A|An)\s+$")
# ... and a capitalised noun and "of" before a one-word name ("a Star of David", "the City of David"): the name ends
# a longer one, a thing's or a place's
_OF_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][a-z]+\s+of\s+$")
_HEAD_END = re.compile(r"\s*[,.;:)]|\s+(?:on|in|of|at|with|from|for|to|and|or|that|which|is|was)\b")
# A rank and one word, which also names towns ("Prince George", "Port Alder", "Fort Worth", "Saint Paul")
# A person's title right before a name, abbreviated or not ("Capt. Ron Johnson")
_TITLE_RIGHT_BEFORE = re.compile(rf"\b(?:{PERSON_TITLES})\s+$")
# ... after a preposition, an article, a number or a comma (not a verb's subject, "Longoria leads"), and not one of
# people ("interviewing Obama officials", "with Obama aides": a person's)
_PLURAL_AFTER = re.compile(r"\s+(?!(?:officials|supporters|voters|aides|staffers|allies|loyalists|appointees|advisers|"
                           r"fans|brothers|sisters|sons|daughters|children|lawyers|officers|followers|critics|backers|"
                           r"friends|relatives|cousins|administrations|years)\b)[a-z]{3,}[^s\W]s\b(?![’'])")
_BEFORE_BRAND = re.compile(r"(?:\b(?:on|with|of|in|at|from|for|by|about|against|the|a|an|and|or|million|billion|"
                           r"thousand|\d[\d,.]*)|,)\s+$")
_ARCHAIC_PRONOUNS = frozenset({"Thou", "Thee", "Thy", "Thine", "Ye"})
_RANK_NAMED = re.compile(r"(?:Prince|Princess|King|Queen|Lady|Saint|St\.|Fort|Port|Mount|Lake)\s+[A-Z][\w'’-]+")
# The names the synonyms give ("United States" for "U.S."): a speech verb after them makes no person.
_SYNONYM_NAMES = frozenset(SYNONYMS.values())
# An owner's possessive that opens a person's name: "Politico’s Shane Goldmacher", "CNN's Jake Tapper".
_OWNER_BEFORE_NAME = re.compile(r"[A-Z][\w.&-]*['’]s\s+(?=[A-Z][\w.'’-]*\s+[A-Z])")
# A vessel's common noun right before a name: "the container ship Marisol Star", "the tanker Ever Given".
_VESSEL_BEFORE = re.compile(r"\b(?:ship|vessel|tanker|freighter|boat|yacht|ferry|liner|barge|tugboat|trawler|"
                            r"submarine|warship|destroyer|frigate|carrier)\s+$")
# A common noun after a one-word name that makes it the part of a town a thing is in ("the Eastside terminal").
_LOCALITY_AFTER = re.compile(r"\s+(?:terminal|pier|wharf|neighbou?rhood|district|quarter|suburb)s?\b")
_COUNTRIES = frozenset(COUNTRY_OF.values()) | frozenset(SYNONYMS.values()) - {"United Nations"}


def _is_country(word: str) -> bool:
    """Whether ``word`` is a country's name, or one of its short forms ("America", "UK")."""
    return synonym(word) in _COUNTRIES


def _credits(text: str) -> list[tuple[int, int]]:
    """The spans of the agencies credited by the wire datelines of a text (see ``_DATELINE_CREDIT``)."""
    return [m.span(1) for m in _DATELINE_CREDIT.finditer(text)]


def _bounds(cluster: Cluster, aid: str) -> list[int]:
    """Every sentence start and end of an article, in order: where no mention, title or alias may cross."""
    return sorted({k for s in cluster.sentences_of(aid) for k in (s.start, s.end)})


def _crosses(bounds: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_right(bounds, start)
    return k < len(bounds) and bounds[k] < end


def _clause(bounds: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """The stretch of text between the sentence boundaries around ``start:end``: the sentence of a
    mention (or the dateline before the first sentence), so that no title is read across a full stop
    ("late in the evening. Governor Ruth Okoye" gives the evening no title)."""
    k = bisect.bisect_right(bounds, start)
    lo = bounds[k - 1] if k > 0 else 0
    k = bisect.bisect_left(bounds, end)
    return lo, bounds[k] if k < len(bounds) else size


# A generational or regnal suffix is no part of the name to match by: "John Paul II" is "John Paul", whose
# last name is "Paul"; "II" alone is nobody (and is in "World War II").
SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV V VI".split())
# ... but "Jr." and "Sr." tell a son from his father, whom news names in one story: "Donald Trump Jr." is not
# "Donald Trump" (a regnal number is written or dropped at will: "Pope Leo II", "Pope Leo").
_GENERATIONS = {"Jr": "jr", "Jr.": "jr", "Sr": "sr", "Sr.": "sr"}
# "Donald Trump, Jr.'s new book": the suffix a tagger leaves out of the name
_GENERATION_AFTER = re.compile(r",?[ \t]+(?:Jr|Sr)\b\.?")


def _name_words(form: str) -> list[str]:
    words = form.replace(",", " ").split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words


def _generation(form: str) -> str:
    """"jr" for "Donald Trump Jr." (or "Trump, Jr"), "sr" for a "Sr.", "" for a name without either."""
    words = form.replace(",", " ").split()
    return next((_GENERATIONS[w] for w in reversed(words[1:]) if w in _GENERATIONS), "")


def _prefer_generation(candidates: list[str], form: str) -> list[str]:
    """Of the full names a surname or a first name ``form`` may be, those of its generation: a bare "Trump" is
    "Donald Trump", not "Donald Trump Jr.", when the cluster names both; either when it names only one."""
    same = [c for c in candidates if _generation(c) == _generation(form)]
    return same or candidates


def _name_initials(form: str) -> str:
    """"John F. Kennedy" → "JFK"; "Martin Luther King Jr." → "MLK" (no suffix)."""
    return initials(" ".join(_name_words(form)))


def _name_tokens(form: str) -> list[str]:
    return list(_tokens_of(form))


# A cluster asks for the tokens and the spelling of its few hundred names hundreds of thousands of times (every pair
# of names is compared); bounded, as a server analyses cluster after cluster.
@lru_cache(maxsize=1 << 14)
def _tokens_of(form: str) -> tuple[str, ...]:
    return tuple(t.lower() if t.lower() in PARTICLES else _HYPHENED.sub(lambda m: m.group(1).lower() + "-", t)
                 for t in _name_words(form))


# The formal first names a short one stands for, as news writes one person both ways in a story ("Matt Lesser" and
# "Matthew Lesser", "Mike Flynn" and "Michael Flynn", "Don Trump Jr." and "Donald Trump Jr."): the common English
# hypocorisms only, so that no two people of one family ("Sam" and "Samantha", "Paul" and "Paula") are made one.
_FORMAL = {short: frozenset(full.split("/")) for short, full in (pair.split(":") for pair in """
    don:donald matt:matthew mike:michael mick:michael ed:edward ted:edward bill:william will:william
    bob:robert rob:robert bobby:robert jim:james jimmy:james joe:joseph tom:thomas tommy:thomas dick:richard
    rick:richard rich:richard chuck:charles dan:daniel danny:daniel dave:david steve:stephen/steven tony:anthony
    andy:andrew ben:benjamin chris:christopher nick:nicholas/nicolas tim:timothy sam:samuel jon:jonathan
    pat:patrick greg:gregory jeff:jeffrey/jeffery jerry:gerald/jerome larry:lawrence/laurence ron:ronald
    ken:kenneth fred:frederick alex:alexander phil:philip/phillip pete:peter doug:douglas jake:jacob
    nate:nathan/nathaniel zach:zachary zack:zachary gabe:gabriel jack:john liz:elizabeth beth:elizabeth
    betsy:elizabeth kate:katherine/catherine/kathryn katie:katherine/catherine/kathryn kathy:katherine/kathleen
    cathy:catherine sue:susan jenny:jennifer jen:jennifer meg:margaret peggy:margaret maggie:margaret
    debbie:deborah deb:deborah patty:patricia becky:rebecca vicky:victoria mandy:amanda""".split())}


def _short_for(a: str, b: str) -> bool:
    """Whether one of two first names is the other's common short form ("Matt" of "Matthew")."""
    a, b = a.lower(), b.lower()
    return b in _FORMAL.get(a, ()) or a in _FORMAL.get(b, ())


def _bare(word: str) -> str:
    """A surname without its hyphened particle: "al-Bashir" → "Bashir"."""
    return _HYPHENED.sub("", word)


@lru_cache(maxsize=1 << 14)
def _spelling(form: str) -> tuple[str, ...]:
    """A name's words as spelled whatever its case and hyphens: "Kim Jong-un", "Kim Jong Un" and "KIM JONG-UN" →
    ("kim", "jong", "un"), "Yulín" as "yulin"; a regnal suffix left out ("John Paul II" → ("john", "paul")), a
    generation's kept ("Donald Trump Jr." → ("donald", "trump", "jr"))."""
    # ... and with or without its accents ("Yulín Cruz", "Yulin Cruz"), which a copy desk or a keyboard drops
    plain = "".join(c for c in unicodedata.normalize("NFKD", " ".join(_name_tokens(form)))
                    if not unicodedata.combining(c))
    spelled = tuple(re.sub(r"[-‐‑]", " ", plain).lower().split())
    return (*spelled, _generation(form)) if _generation(form) else spelled


def _surname_of(name: str, form: str) -> bool:
    """Whether ``form`` is the surname of the full name ``name`` ("Khan" of "Imran Khan", "Bashir" of "Omar
    al-Bashir", "bin Laden" of "Osama bin Laden"), or that surname in capitals ("CLINTON:" of a transcript)."""
    key = " ".join(_name_tokens(form))
    last, surname = _bare(_name_words(name)[-1]), _surname(name)
    if form.isupper():
        key, last, surname = key.lower(), last.lower(), surname.lower()
    return last == _bare(key) or surname == key


def _surname(form: str) -> str:
    """"Osama bin Laden" → "bin Laden"; "Imran Khan" → "Khan"."""
    toks = _name_tokens(form)
    k = len(toks) - 1
    while k > 0 and toks[k - 1] in PARTICLES:
        k -= 1
    return " ".join(toks[k:])


def _is_surname_form(form: str) -> bool:
    """"Bin Laden": a particle first, so a surname, not a first and last name."""
    return len(form.split()) > 1 and form.split()[0].lower() in PARTICLES


def _middle(form: str) -> str:
    """The initials of a full name's middle names, particles left out: "John F. Kennedy" → "f", "George H.W. Bush"
    and "George H. W. Bush" → "hw", "John Kennedy" → ""."""
    toks = _name_tokens(form)[1:-1]
    return "".join(re.sub(r"[^a-z]", "", t.lower())[:1] if not re.fullmatch(r"(?:[A-Za-z]\.)+", t)
                   else t.replace(".", "").lower() for t in toks if t.lower() not in PARTICLES)


def _other_middle(a: str, b: str) -> bool:
    """Whether two full names of one first and last name give different middle names ("George H. W. Bush" and
    "George W. Bush", "John F. Kennedy" and "John A. Kennedy"): two people. "John Fitzgerald Kennedy" and "John F.
    Kennedy", or "John Kennedy" (no middle name), are not told apart so."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta[0].lower() != tb[0].lower() or _bare(ta[-1]).lower() != _bare(tb[-1]).lower():
        return False
    ma, mb = _middle(a), _middle(b)
    return bool(ma and mb and ma != mb)


def _two_middles(form: str, full: list[str]) -> bool:
    """Whether two full names of ``full`` with ``form``'s first and last name give it different middle names."""
    toks = _name_tokens(form)
    fits = [g for g in full if _middle(g) and (t := _name_tokens(g))[0].lower() == toks[0].lower()
            and _bare(t[-1]).lower() == _bare(toks[-1]).lower()]
    return any(_other_middle(g, h) for g in fits for h in fits)


def _group_people(forms: Counter[str], titles: Mapping[str, Counter[str]] | None = None) -> dict[str, str]:
    """Map every person form to its canonical full name; a surname or first name given an office (``titles``, per
    form) goes to a full name only as :func:`by_office` allows."""
    titles = titles or {}
    # One name with and without its suffix ("John Paul II", "John Paul"), with a hyphen or a space, in capitals or
    # not ("Kim Jong-un", "Kim Jong Un", "KIM JONG UN") counts as one, shown with the suffix, as written most, and
    # in capitals only when never written otherwise.
    same: Counter[tuple[str, ...]] = Counter()
    for f in forms:
        same[_spelling(f)] += forms[f]
    full = sorted((f for f in forms if len(f.split()) > 1 and not _is_surname_form(f)),
                  key=lambda f: (len(_name_words(f)) < 2 and bool(_generation(f)), -same[_spelling(f)], f.isupper(),
                                 len(_name_words(f)) == len(f.split()), -forms[f], "," in f,
                                 -len(f), f))
    canon: dict[str, str] = {}
    # each canonical name → the forms given it so far, in ``canon``'s order (a pass over ``canon`` for each pair of
    # names made this cubic in the people of a cluster)
    members: dict[str, list[str]] = {}
    # "John Kennedy" beside a "John F. Kennedy" and a "John A. Kennedy" (two people: :func:`_other_middle`) may be
    # either: it stays a name of its own, and neither joins it.
    ambiguous = {f for f in full if not _middle(f) and _two_middles(f, full)}
    for f in full:
        toks = _name_tokens(f)
        for c in [] if f in ambiguous else list(members):
            ct = _name_tokens(c)
            if c in ambiguous or any(_other_middle(g, f) for g in members[c]):
                continue  # "George W. Bush" is not "George H. W. Bush"
            if _generation(c) != _generation(f):
                continue  # "Donald Trump Jr." is not "Donald Trump"
            if _spelling(c) == _spelling(f) or _bare(ct[-1]) == _bare(toks[-1]) and (
                    ct[0] == toks[0] or set(toks) <= set(ct) or set(ct) <= set(toks)
                    or (len(toks) == len(ct) and toks[1:] == ct[1:] and _short_for(toks[0], ct[0]))) or (
                    len(toks) == 1 and _generation(f) and (ct[0] == toks[0] or _short_for(toks[0], ct[0]))):
                # "Donald Jr." (or "Don Jr.") of "Donald Trump Jr."
                canon[f] = c
                members[c].append(f)
                break
        else:
            canon[f] = f
            members[f] = [f]
    heads = list(members)
    office_of: dict[str, frozenset[str]] = defaultdict(frozenset)
    for f, c in canon.items():
        office_of[c] |= offices(titles.get(f, ()))
    for f in forms:
        if f in canon:
            continue
        by_initials = _initials_of(f, canon)
        if by_initials is not None:
            canon[f] = by_initials  # "JFK" is "John F. Kennedy"
            continue
        by_last = _prefer_generation([c for c in heads if _surname_of(c, f)], f)
        by_first = _prefer_generation([c for c in heads if _name_words(c)[0] == f], f)
        held = offices(titles.get(f, ()))
        # "President Trump" is no "Donald Trump Jr." the cluster gives no office, though no other Trump is named in full
        match = by_office([c for c in by_last or by_first if not held or office_of.get(c)
                           or _generation(c) == _generation(f)], held, office_of)
        canon[f] = max(match, key=lambda c: sum(forms[g] for g in canon if canon[g] == c)) if match else f
    return canon


# A person called by initials: three to five capitals, with or without full stops ("JFK", "L.B.J.").
_INITIALS = re.compile(r"(?:[A-Z]\.?){3,5}")


def _initials_of(form: str, canon: Mapping[str, str]) -> str | None:
    """The one person of the cluster whose full name ``form`` gives the initials of ("JFK" of "John F. Kennedy",
    "AOC" of "Alexandria Ocasio-Cortez", a suffix left out); None when no one's or two people's ("TJM" of both
    "Tomas J. Marlow" and "Tilda J. Marsh")."""
    if not _INITIALS.fullmatch(form):
        return None
    letters = form.replace(".", "")
    fits = _prefer_generation(sorted({c for f, c in canon.items()
                                      if len(_name_words(f)) > 1 and _name_initials(f) == letters}), form)
    return fits[0] if len(fits) == 1 else None  # "JFK" is "John F. Kennedy", not "John F. Kennedy Jr."


def _surname_sharers(canon: dict[str, str], forms: Counter[str]) -> dict[str, list[str]]:
    """Each bare surname that two or more full names of the cluster end on ("Khan" of "Zulfiqar Khan" and
    "A. Q. Khan") → those names, in ``canon``'s order; and a bare word that two or more full names open with, a
    surname written first ("Chen" of "Chen Guangcheng" and his nephew "Chen Kegui") or a first name. A full name
    the cluster writes once is no rival: as often a tagger's slip ("Obama, Conard", "Attacking Romney") or a variant
    ("Matthew Lesser") as a second person (and one written once with a title as often the same person's other
    spelling, "Qasem Soleimani" beside "Qassem Soleimani", or a wife's, "first lady Jill Biden", beside a "Biden"
    who is the president)."""
    full: Counter[str] = Counter()
    for f, c in canon.items():
        if len(f.split()) > 1 and not _is_surname_form(f):
            full[c] += forms[f]
    heads = [c for c in dict.fromkeys(canon.values()) if full[c] > 1]
    out: dict[str, list[str]] = {}
    for f in canon:
        if len(f.split()) > 1 and not _is_surname_form(f):
            continue
        owners = [c for c in heads if _surname_of(c, f)]
        if not owners and len(first := [c for c in heads if _name_words(c)[0] == f]) > 1:
            owners = first
        if owners and canon[f] not in owners:
            owners.append(canon[f])  # the one it goes to without evidence is always a candidate
        owners = _prefer_generation(owners, f)  # a bare "Trump" is no "Donald Trump Jr."
        if len(owners) > 1:
            out[f] = owners
    return out


def _person_name(form: str, kind_of: Mapping[str, str]) -> bool:
    """Whether ``form``, tagged a person, may be one: no digit in it, and a single word in capitals only as the name
    of a person the cluster writes in normal case ("CLINTON:" of a transcript, "Clinton") or their initials ("JFK")."""
    if re.search(r"\d", form):
        return False
    if " " in form or not form.isupper() or len(form.replace(".", "")) < 2:
        return True
    people = [f for f, k in kind_of.items() if k == "person" and not f.isupper()]
    return (any(form.lower() == w.lower() for f in people for w in _name_words(f))
            or any(form.replace(".", "") == _name_initials(f) for f in people if len(_name_words(f)) > 1))


def _group_named(form: str, group_words: set[str], surnames: set[str]) -> bool:
    """Whether ``form`` names a group, as the recogniser tagged it somewhere in the cluster (a nationality, a
    religious or political group): a plural ("Serbs", "Democrats"; spaCy tags surnames so too: "Romney"), alone
    or after other group words ("Orthodox Serbs"), that is no one's surname here ("Donald Yeomans")."""
    words = form.split()
    last = words[-1]
    return (len(last) > 3 and last.endswith("s") and last not in surnames
            and all(w in group_words for w in words))


# A line written in Title Case (a headline): at least three words of four letters or more, all capitalised, or at
# least six, all but one ("Ruth Okoye did not appear on Monday." is prose).
_LONG_WORD = re.compile(r"\b[A-Za-z][\w’'-]{3,}")
MIN_TITLE_CASE_WORDS = 3
MIN_TITLE_CASE_WORDS_ONE_LOWER = 6


def _line(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def title_case_line(line: str) -> bool:
    """Whether ``line`` is written in Title Case, as headlines are ("Okoye Slams Port Deal After Strike Ends")."""
    long_words = _LONG_WORD.findall(line)
    lower = sum(not w[0].isupper() for w in long_words)
    return len(long_words) >= (MIN_TITLE_CASE_WORDS if not lower else MIN_TITLE_CASE_WORDS_ONE_LOWER) and lower <= 1


# A capitalised word inside a sentence, after a lower-case word, a comma or a hyphen ("the Biden-Harris team", "said
# Harris"): a proper noun as the prose writes it, whether or not the tagger found a name there.
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;] |[a-z]-)[A-Z][\w’']+")


# A credit line names its reporters and photographers ("Reporting by …; Editing by …", "Scott Wong and Jesse Byrnes
# contributed"): names, whatever the prose writes.
_CREDIT = re.compile(r"\b(?:[Bb]y|BY|[Cc]ontribut\w*|CONTRIBUT\w*|[Cc]redit)\b")


def _prose_names(cluster: Cluster, repaired: Mapping[str, list[Mention]]) -> tuple[set[str], set[str]]:
    """The names of any kind the cluster writes outside Title-Case lines (headlines), whole, and the words of those
    names and of the proper nouns the prose writes (:data:`_CAPITALISED_INSIDE`): a tagger often reads a bare surname
    as an organisation, so any kind counts."""
    names: set[str] = set()
    prose: set[str] = set()
    for aid, ms in repaired.items():
        text = cluster.article(aid).text
        for line in text.split("\n"):
            if not title_case_line(line):
                prose.update(m.group().removesuffix("’s").removesuffix("'s")
                             for m in _CAPITALISED_INSIDE.finditer(line))
        for m in ms:
            if not title_case_line(_line(text, m.start)):
                words = _mention_words(m)
                prose.update(words)
                names.add(" ".join(words))
    return names, prose


def _mention_words(m: Mention) -> list[str]:
    """The words of a mention, without the quotation marks or the possessive a tagger takes in ("Kim Jong-un’s")."""
    return re.sub(r"['’]s$", "", m.text.strip(" '’\"“”,;:")).split()


def _headline_name(text: str, m: Mention, names: set[str], prose: set[str],
                   common: frozenset[str] = frozenset()) -> Mention | None:
    """A person's name in a Title-Case line (a headline), where a tagger reads the headline's capitalised verbs and
    nouns into names ("Trump Seemed To Suggest North Carolina …", "Barr Declares NYC …", "… Officer Shoots Black
    Man"): cut to its longest beginning that the cluster writes as a name in prose when the word after it is no word
    of a name there ("Trump", "Barr"), and dropped when neither its first nor its last word is one, nor a proper noun
    of the prose ("Black" of "… Officer Shoots Black Man" is), nor the name it is coordinated with ("Shoots Black
    Man", "… Federal Judge Finds"); not in a credit line (:data:`_CREDIT`). A name the prose writes whole, or one
    with a word of a prose name after the cut, is kept. An organisation there that is only words of the headline
    run together (:func:`_headline_fragment`) is none."""
    words = _mention_words(m)
    if m.kind == "org" and words and title_case_line(_line(text, m.start)):
        return None if _headline_fragment(words, names, prose, common) else m
    if m.kind != "person" or not words or not title_case_line(_line(text, m.start)):
        return m
    owner = next((k for k, w in enumerate(words[:-1]) if re.search(r".['’]s$", w)), None)
    if owner is not None:
        # "Donald J. Trump’s Impeachment Trial Begins": the name ends at its possessive
        cut = m.text.index(words[owner]) + len(words[owner]) - 2
        return _headline_name(text, Mention(m.start, m.start + cut, m.kind, m.text[:cut]), names, prose, common)
    if " ".join(words) in names:
        return m
    for k in range(len(words) - 1, 0, -1):
        # ... or, a word alone, the surname of a full name the prose writes ("Mulvaney Slams Dems' 'Lies'": Mick
        # Mulvaney's)
        if (" ".join(words[:k]) in names or (k == 1 and any(n.endswith(" " + words[0]) for n in names))) and (
                words[k] not in prose):
            end = 0
            for w in words[:k]:
                end = m.text.index(w, end) + len(w)
            return Mention(m.start, m.start + end, m.kind, m.text[:end])
    if words[0] in prose or words[-1] in prose or _CREDIT.search(_line(text, m.start)):
        return m
    # "(PHOTOS: Beyoncé and Jay-Z in Cuba)", "Joe Biden and Kamala Harris Announce …": coordinated with a name of the
    # prose, a name too
    after = re.match(r"\s+(?:and|&)\s+([\w’'-]+)", text[m.end : m.end + 40])
    before = re.search(r"([\w’'-]+)\s+(?:and|&)\s+$", text[max(0, m.start - 40) : m.start])
    return m if any(c and re.sub(r"['’]s$", "", c.group(1)) in prose for c in (after, before)) else None


def _headline_fragment(words: list[str], names: set[str], prose: set[str], common: frozenset[str]) -> bool:
    """Whether an "organisation" of a Title-Case headline is the headline's words run together: the prose never
    writes it whole, at least one of its words is a name the prose writes alone ("Trump", "Ukraine") or in a run of
    them ("South Korea" of "South Korea Trashes …"), and each of the others is one too, a word the cluster writes in
    lower case or one the prose never capitalises ("… After Trump’s Call With Ukraine Leader", "Biden to Tell Putin
    U.S. Won’t …"). Not a name ending in a body's head noun ("Trump Foundation")."""
    if " ".join(words) in names or words[-1] in NAME_HEADS:
        return False
    alone = [False] * len(words)
    for i, j in itertools.combinations(range(len(words) + 1), 2):
        if " ".join(words[i:j]) in names:
            alone[i:j] = [True] * (j - i)
    return any(alone) and all(a or w.lower() in common or w not in prose for a, w in zip(alone, words, strict=True))


def _product(form: str, before: str, names: set[str], places: set[str]) -> bool:
    """Whether ``form`` is a model a maker names ("the Knightscope K5", or "K5" after "Knightscope"): one word of
    letters and digits after the name of a person or an organisation of the cluster (``before`` is the text before
    ``form``), no place ("France 24" is an outlet, and "Trump 2020" a campaign: no letter in it)."""
    words = form.split()
    model = words[-1]
    if not (re.search(r"\d", model) and re.search(r"[A-Za-z]", model)):
        return False
    maker = " ".join(words[:-1]) if len(words) > 1 else (m.group(1) if (m := _MAKER_BEFORE.search(before)) else "")
    return bool(maker) and maker in names and maker not in places and not is_disease(model)


def _run_together(form: str, lone_people: set[str], places: set[str]) -> bool:
    """Whether a name is a person's surname and a place, both named alone in the cluster, that a headline runs
    together ("Trump Ukraine", "Tell Putin U.S."): the last word is a place and a word before it a person."""
    words = form.split()
    return len(words) > 1 and clean_surface(words[-1]) in places and words[-1] not in lone_people and any(
        w in lone_people and w not in places for w in words[:-1])


# Words that news capitalises as a name but that name no one of the story: family words used as a name ("Mom and
# Dad"), and a page's labels for its pictures ("Photo" alone on its line)
_NAMELESS = frozenset(
    "Mom Dad Mum Mommy Daddy Grandma Grandpa Granny Photo Photos Image Images Picture Caption".split()
)
# A word of a trade or a role that a sentence opens with, before a name ("Lawyer Kila Baldwin, with …"):
# capitalised only because it comes first, it is no part of the name. Not words that are first names or surnames
# too ("Baker", "Marine", "Judge", "Star").
_JOBS = frozenset(
    """Lawyer Lawyers Attorney Attorneys Screenwriter Writer Author Novelist Poet Journalist Reporter Columnist
    Photographer Filmmaker Producer Actor Actress Comedian Rapper Singer Songwriter Musician Artist Designer Model
    Chef Businessman Businesswoman Billionaire Entrepreneur Activist Analyst Economist Scientist Researcher
    Professor Doctor Nurse Surgeon Pastor Detective Sergeant Trooper Deputy Prosecutor Candidate Challenger
    Congressman Congresswoman Councilman Councilwoman Assemblyman Assemblywoman Lawmaker Legislator Quarterback
    Pitcher Teammate Coach Teacher Principal Founder Cofounder Co-founder Spokesperson Survivor Victim Suspect
    Defendant Plaintiff Witness Host Anchor Blogger Historian Biographer Astronaut Veteran""".split()
)


# A word in lower case, not of an address, a handle or a hashtag ("@beyonce", "mallen@politico.com", "#metoo")
_LOWER_WORD = re.compile(r"(?<![\w’'./@#-])[a-z][a-z’'-]*[a-z]\b(?![./@][\w])")


def _common_words(cluster: Cluster) -> frozenset[str]:
    """The words the cluster writes in lower case somewhere: common words, whatever capitalises them elsewhere."""
    return frozenset(re.sub(r"['’]s$", "", w) for aid in cluster.kept_ids
                     for w in _LOWER_WORD.findall(cluster.article(aid).text))


def _common_noun(form: str, common: frozenset[str]) -> bool:
    """Whether a one-word person ``form`` is a common word: one of :data:`_NAMELESS`, or written in lower case
    in the cluster ("aspirin")."""
    return " " not in form and (form in _NAMELESS or (form.lower() in common and not form.isupper()))


def _without_job(form: str, common: frozenset[str], people: set[str]) -> str | None:
    """The name in a person ``form`` of three words or more that opens with a trade (:data:`_JOBS`: "Lawyer Kila
    Baldwin"), or with a word the cluster writes in lower case before a name it writes alone ("Endorses Joe Biden"
    beside "Joe Biden", in a headline); None when it opens with neither."""
    first, _, rest = form.partition(" ")
    if len(rest.split()) < 2 or not rest[:1].isupper():
        return None
    if first in _JOBS or (first.lower() in common and rest in people):
        return rest
    return None



_RANK_ABBREVIATIONS = frozenset("Lt Sgt Capt Col Gen Det Cpl Pvt Adm Cmdr Supt Insp Gov Sen Rep Dr Prof".split())


def _no_person(form: str, kind_of: dict[str, str], kinds: dict[str, Counter[str]],
               raw: dict[str, list[Mention]]) -> None:
    """``form``, tagged a person, is none: it takes the other kind the tagger gives it elsewhere in the cluster, if
    any (the most often given), else it is no entity and its mentions go."""
    other = Counter({k: n for k, n in kinds[form].items() if k != "person" and n})
    if other:
        kind_of[form] = other.most_common(1)[0][0]
        return
    del kind_of[form]
    for aid in raw:
        raw[aid] = [m for m in raw[aid] if m.text != form]

class EntityIndex:
    """Entities of a cluster and every resolved mention, per article, in text order."""

    def __init__(
        self, cluster: Cluster, recognizer: EntityRecognizer, *, progress: Callable[[int], None] | None = None
    ) -> None:
        self.cluster = cluster
        # Subjects and their verb phrases from a parse, per article, when the recogniser parses.
        self.parsed: dict[str, dict[int, str]] = {}
        raw: dict[str, list[Mention]] = {}
        titles: dict[str, Counter[str]] = defaultdict(Counter)
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        outlet_cue: set[str] = set()
        defined: dict[str, str] = {}  # "(UVL)" after "United Veld Lines": acronym → full name
        recognized: dict[str, list[Mention]] = {}
        held: dict[tuple[str, int], str] = {}  # the title a person's mention is given, by article and start
        formerly: dict[str, set[str]] = defaultdict(set)  # a person's form → the offices it is said to have held
        group_words: set[str] = set()  # "Serbs", "Democrats": tagged as groups somewhere in the cluster
        vessels: set[str] = set()  # the names the cluster gives a ship or a boat
        products: set[str] = set()  # ... and a maker's product ("the Knightscope K5")
        crime: Counter[str] = Counter()  # a person's form → its mentions in a crime's slot ("guilty of Treason")
        # a one-word name's mentions where a capital is no name's: opening a sentence, the cluster writing the word in
        # lower case elsewhere, or a celestial body's ("the Sun")
        common_slot: Counter[str] = Counter()
        indefinite: Counter[str] = Counter()  # a person's form → its mentions right after "a" or "an"
        brand: Counter[str] = Counter()  # ... and those of one word before a plural noun ("Suzuki motorcycles")
        referred: dict[str, Counter[bool]] = defaultdict(Counter)  # an organisation's last word → "he"/"she" or "it"
        for aid in cluster.kept_ids:
            text = cluster.article(aid).text
            recognized[aid] = recognizer.recognize(text)
            parse = getattr(recognizer, "actions", None)
            acts = parse(text) if parse is not None else None
            if acts is not None:
                self.parsed[aid] = acts
            groups = getattr(recognizer, "groups", None)
            group_words.update(groups(text) if groups is not None else ())
            if progress is not None:
                progress(1)
        surnames = {m.text.split()[-1] for ms in recognized.values() for m in ms
                    if m.kind == "person" and len(m.text.split()) > 1 and m.text.split()[0] not in group_words}
        repaired = {aid: repair(cluster.article(aid).text, recognized[aid]) for aid in cluster.kept_ids}
        prose_names, prose_words = _prose_names(cluster, repaired)
        common = _common_words(cluster)
        person_forms = {clean_surface(m.text) for ms in repaired.values() for m in ms if m.kind == "person"}
        lone_people = {f for f in person_forms if " " not in f}
        places = {clean_surface(m.text) for ms in repaired.values() for m in ms if m.kind == "place"}
        org_forms = {clean_surface(m.text) for ms in repaired.values() for m in ms if m.kind == "org"}
        for aid in cluster.kept_ids:
            text = cluster.article(aid).text
            bounds = _bounds(cluster, aid)
            credits = _credits(text)
            found: list[Mention] = []
            # What the mentions loop below asks of the article's other mentions, indexed once (a pass over them for
            # each mention was quadratic in the names of one article: 10,000 sentences took minutes): the starts
            # of its full names of people, and the running greatest start, in the tagger's order, whose first
            # reach of a position is the first mention (in that order) to start there or after.
            full_person_starts = {x.start for x in repaired[aid] if x.kind == "person" and len(x.text.split()) > 1}
            reach = list(itertools.accumulate((x.start for x in repaired[aid]), max))
            for m in (_headline_name(text, m, prose_names, prose_words, common) for m in repaired[aid]):
                if m is None:
                    continue
                if any(a <= m.start and m.end <= b for a, b in credits):
                    continue  # "LONDON (Reuters) -": the wire that sent the story, no organisation in it
                if _crosses(bounds, m.start, m.end):
                    continue  # "Tuesday. Governor Ruth": the tagger read across a full stop
                if m.kind == "person" and (jr := _GENERATION_AFTER.match(text, m.end)):
                    m = Mention(m.start, jr.end(), m.kind, text[m.start : jr.end()])  # "Donald Trump, Jr.'s"
                lo, hi = _clause(bounds, m.start, m.end, len(text))
                form = clean_surface(m.text)
                if m.kind == "person" and (rest := _without_job(form, common, person_forms)):
                    # "Lawyer Kila Baldwin" opening a sentence: the name is "Kila Baldwin"
                    m = Mention(m.end - len(rest), m.end, m.kind, rest) if m.text.endswith(rest) else m
                    form = rest
                if m.kind == "person" and (owned := _OWNER_BEFORE_NAME.match(form)):
                    # "Politico’s Shane Goldmacher": the outlet or body whose person it is, no part of the name
                    form = form[owned.end() :]
                    m = Mention(m.end - len(form), m.end, m.kind, form) if m.text.endswith(form) else m
                if len(form) < 2 or not form[0].isupper() or form in SUFFIXES:
                    continue
                if (m.kind == "person" and " " not in form and text[m.end : m.end + 1] == " "
                        and m.end + 1 in full_person_starts):
                    continue  # "revive Seaman James Derek Lovelace": a rank the tagger cut off before a full name
                if (m.kind in ("person", "org") and len(words := form.split()) == 2 and words[1] in lone_people
                        and any(o.endswith(" " + words[0]) for o in org_forms)):
                    continue  # "… Library of Congress Becker says": a picture's credit run into the sentence after it
                if m.kind in ("person", "org") and _run_together(form, lone_people, places):
                    continue  # "Trump Ukraine adviser to testify", "Biden to Tell Putin U.S. Won’t …": two names
                if _VESSEL_BEFORE.search(text[max(0, m.start - 30) : m.start]):
                    vessels.add(form)  # "the container ship Marisol Star": a ship, none of the three kinds
                if _product(form, text[max(0, m.start - 40) : m.start], person_forms | org_forms, places):
                    products.update({form, form.split()[-1]})  # "the Knightscope K5" (and "K5"): a maker's model
                if is_generic(form, text[max(0, m.start - 40) : m.start], text[m.end : m.end + 3]):
                    continue  # "South" of "South and Central Asia", "State" of "Secretary of State"
                if is_disease(form):
                    continue  # "COVID-19", "the Coronavirus", "Zika virus": a disease, none of the three kinds
                kind = m.kind
                if (kind != "person" and len(form.split()) in (2, 3) and not is_outlet_or_body(m.text)
                        and not is_outlet_or_body(form) and form not in _SYNONYM_NAMES
                        and _looks_personal(text[lo:hi], Mention(m.start - lo, m.end - lo, m.kind, m.text))):
                    kind = "person"  # a title before it or a speech verb next to it: a person, whatever the tag
                if kind == "person" and (form.split()[-1] in NAME_HEADS or is_news_agency(form)):
                    kind = "org"  # "Tessaline Shipping", "Saint Brendan's Hospital", "Yonhap": a body, whatever the tag
                if (kind == "person" and is_facility(form)
                        and not _looks_personal(text[lo:hi], Mention(m.start - lo, m.end - lo, m.kind, m.text))):
                    kind = "place"  # "Linda Vista Avenue", "Salesforce Tower" (but "Mayor Ines Tower said")
                if kind == "org" and is_thoroughfare(form):
                    kind = "place"  # "Terra Bella Avenue", "London Bridge": a street, whatever the tag
                if (kind == "person" and " " not in form and text[m.end : m.end + 1] not in ("'", "’")
                        and (_PLACE_BEFORE.search(text[max(0, m.start - 30) : m.start])
                             or _PLACE_AFTER.match(text[m.end : m.end + 15]))):
                    kind = "place"  # "in Niger", "the Lazio region" (a possessive is anyone's: "in Lind's office")
                    whole = _ARTICLES.sub("", _POSSESSIVE.sub("", m.text.strip()))
                    if whole.endswith(" " + form) and _RANK_NAMED.fullmatch(whole):
                        form = whole  # "home to Prince George": the city, not a "George" titled prince
                if (kind == "person" and " " not in form and found and found[-1].kind == "place"
                        and text[found[-1].end : m.start] == ", " and _CLAUSE_END.match(text, m.end)
                        and not _IN_LIST.search(text, max(0, found[-1].start - 2), found[-1].start)
                        and not _IN_LIST.match(text, m.end)):
                    kind = "place"  # "in Rothley, Leics.": the county of the place before it (not a list's name)
                if kind == "person" and _group_named(form, group_words, surnames) and not title_of(
                        text[lo:hi], m.start - lo, m.end - lo):
                    continue  # "Orthodox Serbs", "Croats": a people, which the tagger read as a person elsewhere
                if form.isupper() and (m.start == 0 or text[m.start - 1] == "\n") and _DATELINE_AFTER.match(
                        text[m.end : m.end + 60]):
                    kind = "place"  # a dateline's city, which the tagger reads as an organisation
                if text[m.start - 1 : m.start] == "(" and _AGENCY_CLOSE.match(text, m.end):
                    kind = "org"  # "RIVERTON, May 12 (Northern Wire) -": the wire agency of a dateline
                if kind != "place" and " " not in form and _LOCALITY_AFTER.match(text, m.end):
                    kind = "place"  # "the Eastside terminal", "the Riverside neighborhood": the part of town it is in
                if kind == "place" and is_event(form):
                    kind = "org"  # "the Veld Process": a process or a meeting named after a place
                if kind != "person":
                    acr = defined_acronym(form, text[m.end : m.end + 14])
                    if acr:
                        defined.setdefault(acr, form)
                if _OUTLET_NOUN.match(text[m.end : m.end + 20]):
                    kind = "org"  # "Aurora newspaper": whatever the name looks like, an outlet
                elif len(form.split()) == 1 and (_OUTLET_VERB.match(text[m.end : m.end + 20])
                                                 or _OUTLET_BEFORE.search(text[max(0, m.start - 20) : m.start])
                                                 or _BODY_AGENT.search(text[max(0, m.start - 80) : m.start])):
                    outlet_cue.add(form)
                found.append(Mention(m.start, m.end, kind, form))
                kinds[form][kind] += 1
                after = bisect.bisect_left(reach, m.end)  # the first mention from the end of this one on
                if kind == "org" and (pronoun := _PRONOUN_AFTER.search(
                        text, m.end, min(hi, repaired[aid][after].start if after < len(reach) else hi))):
                    referred[form.split()[-1]][pronoun.group(1).lower() in ("it", "its")] += 1
                if (kind == "person" and _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start)
                        and _HEAD_END.match(text, m.end)):
                    indefinite[form] += 1  # "a Magen David on a tile": a thing, not someone
                elif kind == "person" and " " not in form and _OF_NAME_BEFORE.search(text, max(0, m.start - 20),
                                                                                      m.start):
                    indefinite[form] += 1  # "stamped with a Star of David": the end of a thing's name, no one
                elif kind == "person" and " " not in form and re.match(r"-[a-z]{1,3}-", text[m.end : m.end + 5]):
                    # "his Mar-a-Lago resort": the start of a name the tagger cut, no one (not "Obama-era", which is
                    # Obama's)
                    indefinite[form] += 1
                if (kind == "person" and " " not in form and _PLURAL_AFTER.match(text, m.end)
                        and _BEFORE_BRAND.search(text, max(0, m.start - 20), m.start)):
                    brand[form] += 1
                if kind == "person" and " " not in form and _CRIME_BEFORE.search(text, max(0, m.start - 20), m.start):
                    crime[form] += 1
                if kind != "person" and " " not in form and (
                        (form.lower() in common and not text[lo : m.start].strip(_OPENERS))
                        or (form in _CELESTIAL and _THE_BEFORE.search(text, max(0, m.start - 4), m.start)
                            and not _OUTLET_NOUN.match(text[m.end : m.end + 20]))):
                    common_slot[form] += 1  # "Drunken japes aside" beside "a drunken man"; "orbit around the Sun"
                if kind == "person":
                    t = title_of(text[lo:hi], m.start - lo, m.end - lo) or abbreviated_office(text, m.start, m.end)
                    if t:
                        titles[form][t] += 1
                        held[(aid, m.start)] = t
                        if _FORMER.search(t) or re.search(rf"{_FORMER.pattern}\s*{re.escape(t)}\s*$",
                                                           text[max(0, m.start - 80) : m.start]):
                            formerly[form].add(office(t))  # "former President Ana Ruiz", "Ruiz, a former president"
            raw[aid] = found
        kind_of = {f: c.most_common(1)[0][0] for f, c in kinds.items()}
        # A name in capitals ("VARNHOLT —", a dateline) is tagged an organisation; written normally elsewhere
        # in the cluster ("in Varnholt"), that form says what it is, and the two are then one entity.
        written: dict[str, set[str]] = defaultdict(set)
        for f, k in kind_of.items():
            if not f.isupper() and k != "person":
                written[f.lower()].add(k)
        for f in kind_of:
            if f.isupper() and kind_of[f] != "person" and len(written.get(f.lower(), ())) == 1:
                kind_of[f] = next(iter(written[f.lower()]))
        # But a city that heads a wire dateline ("SPLIT, Croatia (AP) _") is a place, in capitals and written
        # normally, whatever the tagger took it for ("Split was untouched by the fighting": a person).
        datelines = {f.lower() for f, c in kinds.items() if f.isupper() and c["place"]}
        for f in kind_of:
            if f.lower() in datelines and f not in titles:
                kind_of[f] = "place"
        # A name with a digit ("COVID-19", "MS-13", "MI6") or one word in capitals that is no person's name written
        # normally in the cluster ("COVID", "KMOV") nor the initials of one ("JFK" of "John F. Kennedy"): a disease,
        # a product, a gang or a station, which the tagger reads as an organisation elsewhere, never a person: the
        # other kind the cluster tags it, else an organisation.
        for f in [f for f, k in kind_of.items() if k == "person" and not _person_name(f, kind_of)]:
            other = Counter({k: n for k, n in kinds[f].items() if k != "person" and n})
            kind_of[f] = other.most_common(1)[0][0] if other else "org"
        country_bodies: dict[str, str] = {}  # "Oxfam" → "Oxfam America"
        # A "person" whose last word is a country the cluster names alone and never as a person ("Oxfam America",
        # "Santé Publique France") is a body named after the country it works in, not someone of that surname.
        for f in [f for f, k in kind_of.items() if k == "person" and len(f.split()) > 1 and f not in titles]:
            last = f.split()[-1]
            if _is_country(last) and kind_of.get(synonym(last)) in ("place", "org"):
                kind_of[f] = "org"
                stem = f.rsplit(" ", 1)[0]  # "Oxfam" alone is the body too, whatever the tagger read it as
                if kind_of.get(stem, "person") != "person":
                    country_bodies[stem] = f
                    kind_of[stem] = "org"
        # A ship's name ("the container ship Marisol Star", "The Marisol Star drifted …") is no person, body or place.
        for f in (vessels | products) - titles.keys():
            kind_of.pop(f, None)
            for aid in raw:
                raw[aid] = [m for m in raw[aid] if m.text != f]
        # A company named with its legal form ("Clorox Co") is the company the bare name is, whatever the
        # tagger took that for ("Clorox", a place).
        for f, k in list(kind_of.items()):
            stem = company_stem(f)
            if k == "org" and stem != f and kind_of.get(stem) == "place":
                kind_of[stem] = "org"
                kinds[stem]["org"] += kinds[stem].pop("place")
        # A "person" the cluster names only as the head of a noun phrase after "a" or "an" ("a Magen David on a
        # tile") is a thing named like someone: the other kind the tagger gives it, else no entity. Not one with a
        # title (an office is no thing).
        for f in [f for f, k in kind_of.items() if k == "person" and indefinite[f] == sum(kinds[f].values())
                  and f not in titles]:
            _no_person(f, kind_of, kinds, raw)
        # An archaic pronoun that opens a sentence ("Thou shall not …") is no one.
        for f in [f for f, k in kind_of.items() if k == "person" and f in _ARCHAIC_PRONOUNS]:
            _no_person(f, kind_of, kinds, raw)
        # A one-word "person" that no other name of a person holds and that opens the name of a street the cluster
        # names ("a cafe off Madison" beside "Madison Avenue") is that street, no one.
        streets = {f.split()[0] for f, k in kind_of.items() if k != "person" and is_thoroughfare(f)}
        held_words = {w for f, k in kind_of.items() if k == "person" and " " in f for w in f.split()}
        for f in [f for f, k in kind_of.items() if k == "person" and f in streets and f not in held_words]:
            _no_person(f, kind_of, kinds, raw)
        # ... and one the cluster names only before a plural noun, untitled ("police patrol on Suzuki motorcycles"),
        # is a maker's brand: someone's family is named so ("the Kennedy brothers") once their full names are given.
        for f in [f for f, k in kind_of.items() if k == "person" and brand[f] == sum(kinds[f].values())
                  and f not in held_words and f not in titles]:
            _no_person(f, kind_of, kinds, raw)
        # ... and one the cluster names only in a crime's slot ("guilty of Treason", "committing Treason") is the crime.
        for f in [f for f, k in kind_of.items() if k == "person" and crime[f] == sum(kinds[f].values())
                  and f not in held_words and f not in titles]:
            _no_person(f, kind_of, kinds, raw)
        # A one-word organisation or place whose every mention is a common word's capital (:data:`_OPENERS`,
        # :data:`_CELESTIAL`) is none: "Drunken japes aside" beside "an allegedly drunken man", "the Sun". Not a word
        # of a longer name of the cluster ("Times has the best headline" beside "The New York Times", "Time" beside
        # "Time Magazine"), an outlet's or a body's head noun, nor a country.
        name_words = {w for f, k in kind_of.items() if k != "person" and " " in f for w in f.split()}
        for f in [f for f, k in kind_of.items() if k != "person" and common_slot[f] == sum(kinds[f].values())
                  and f not in outlet_cue and f not in held_words and f not in defined.values()
                  and f not in name_words and f not in NAME_HEADS and not _is_country(f)]:
            del kind_of[f]
            for aid in raw:
                raw[aid] = [m for m in raw[aid] if m.text != f]
        # A "person" that ends in an abbreviated rank ("Marine Safety Lt" of "said Marine Safety Lt. John Sandmeyer",
        # the segmenter having ended a sentence at the rank's full stop) is the title of the name after it, no one.
        for f in [f for f, k in kind_of.items() if k == "person" and len(f.split()) > 1
                  and f.split()[-1].rstrip(".") in _RANK_ABBREVIATIONS]:
            _no_person(f, kind_of, kinds, raw)
        # An "organisation" whose last word the cluster tags as a person too and which its sentences go on calling
        # "she" or "he" more than "it" ("Stormy Daniels … Daniels was quick to respond, citing what she called …",
        # which the tagger reads as a body) is a person.
        tagged_people = {f.split()[-1] for f, c in kinds.items() if c["person"]}
        for f in [f for f, k in kind_of.items() if k == "org" and f.split()[-1] in tagged_people and "," not in f]:
            votes = referred[f.split()[-1]]
            if (votes[False] >= MIN_PERSONAL_PRONOUNS and votes[False] > votes[True] and f not in defined.values()
                    and f.split()[-1] not in NAME_HEADS and not is_outlet_or_body(f) and f not in _SYNONYM_NAMES):
                kind_of[f] = "person"
        people = Counter({f: sum(kinds[f].values()) for f, k in kind_of.items() if k == "person"})
        # A bare surname or first name of a full person name is that person, whatever its label.
        parts = {t for f in people if len(_name_words(f)) > 1
                 for t in (_name_words(f)[0], _name_words(f)[-1], _bare(_name_words(f)[-1]))}
        # A one-word "person" never seen with a first name or a title, next to "reported" or after
        # "according to": an outlet ("… the talks, Aurora reported"); or one that publishes or polls (_BODY_AGENT).
        for f in outlet_cue - parts:
            if kind_of.get(f) == "person" and f not in titles:
                kind_of[f] = "org"
                del people[f]
        for f in kind_of:
            if f in parts and len(f.split()) == 1:
                kind_of[f] = "person"
                people[f] += sum(kinds[f].values())
        # A one-word "person" that no full name or title of the cluster gives, and that is a common noun ("Photo"
        # alone on a page's line, "the moon", "Mom and Dad"), is no person: the other kind the tagger gives it
        # elsewhere, if any (a company it tags as one too), else no entity.
        for f in [f for f in people if _common_noun(f, common) and f not in parts and f not in titles]:
            del people[f]
            _no_person(f, kind_of, kinds, raw)
        self.canon = _group_people(people, titles)
        # the offices the cluster gives each person by their full name ("President Joe Biden": president)
        self.offices: dict[str, frozenset[str]] = defaultdict(frozenset)
        for form, person in self.canon.items():
            if len(form.split()) > 1 and not _is_surname_form(form):
                self.offices[person] |= offices(titles.get(form, ()))
        # One organisation under one name: "Ministry of Foreign Affairs" is the "Foreign Ministry"; a
        # plural, a bare name, a qualified name or an acronym of one is that name (see names.py).
        variant = variant_targets({f: k for f, k in kind_of.items() if k != "person"}, defined, set(people))
        by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        for f, k in kind_of.items():
            if k != "person":
                head = variant.get(f, f)
                by_key[(kind_of[head], body_key(head, kind_of))].append(f)
        for forms in by_key.values():
            names = [f for f in forms if f not in variant] or forms
            best = max(names, key=lambda f: (not f.isupper(), kinds[f][kind_of[f]], -len(f), f))  # "Split", not "SPLIT"
            for f in forms:
                self.canon[f] = best
        for stem, body in country_bodies.items():
            self.canon[stem] = self.canon[body]
        self.kind = {c: "person" for c in dict.fromkeys(self.canon[f] for f in people)}  # in order: no hash seed
        for f, k in kind_of.items():
            self.kind.setdefault(self.canon[f], kind_of.get(self.canon[f], k))
        self.title: dict[str, str] = {}
        # a title written out ("chairman") before an abbreviated office ("Sen."), which names no role to look for
        for abbreviated in (False, True):
            for f, c in titles.items():
                kept = Counter({t: n for t, n in c.items() if abbreviated or not _is_abbreviated(t)})
                if f in self.canon and kept:
                    self.title.setdefault(self.canon[f], kept.most_common(1)[0][0])
        # ... read whole: a title that is the first word of an office the cluster gives the same person is that office
        # ("Secretary Pompeo" first, "Secretary of State Mike Pompeo" later: the secretary of state, not "Secretary")
        titles_of: dict[str, Counter[str]] = defaultdict(Counter)
        for f, c in titles.items():
            if f in self.canon:
                titles_of[self.canon[f]].update(c)
        for person, t in self.title.items():
            cut = office(t)
            fuller = [u for u, _ in titles_of[person].most_common() if office(u) != cut and _fits(cut, office(u))]
            if cut and fuller:
                self.title[person] = fuller[0]
        # the offices the cluster says each person held before ("former President Barack Obama": president)
        self.former: dict[str, frozenset[str]] = defaultdict(frozenset)
        for f, held_before in formerly.items():
            if f in self.canon:
                self.former[self.canon[f]] |= held_before
        self.mentions: dict[str, list[Resolved]] = {}
        self.sharers = sharers = _surname_sharers({f: self.canon[f] for f in people}, people)
        self.shared_forms: dict[str, set[str]] = defaultdict(set)  # a person → the shared surnames given them
        for aid, found in raw.items():
            res = [Resolved(m.start, m.end, kind_of[m.text], self.canon[m.text]) for m in found]
            starts = [s.start for s in cluster.sentences_of(aid)]
            if sharers:
                res = self._resolve_shared(found, res, sharers, starts, [held.get((aid, m.start), "") for m in found])
            text = cluster.article(aid).text
            given = {m.start for m in found if (aid, m.start) in held
                     or _TITLE_RIGHT_BEFORE.search(text, max(0, m.start - 20), m.start)}
            res = self._resolve_namesakes(found, res, sharers, starts, given)
            res += self._extra_mentions(cluster.article(aid).text, _bounds(cluster, aid), res)
            self.mentions[aid] = sorted(res, key=lambda r: r.start)

    def _resolve_shared(self, found: list[Mention], res: list[Resolved], sharers: dict[str, list[str]],
                        starts: list[int], given: list[str]) -> list[Resolved]:
        """Give a bare surname that two people share ("Khan") to the one of them the article names first:
        news introduces its subject in full, then calls them by surname, and names anyone else of that
        surname in full to tell them apart ("Abdul Qadeer Khan … Khan said … retired Lt. Gen. Zulfiqar Khan").
        Nearest preceding mention (recency) fails exactly there: every "Khan" after the general's one line
        went to him. Where both are first named in one sentence, the surname stays a mention of its own;
        in an article that names neither, it goes to the one the cluster names most. A surname given an office
        (``given``, per mention: "President Biden") is only one of them that :func:`by_office` allows."""
        named: dict[str, int] = {}  # a person → the sentence the article first names them in
        for m, r in zip(found, res, strict=True):
            if m.text not in sharers:
                named.setdefault(r.name, bisect.bisect_right(starts, m.start))
        out = []
        for m, r, title in zip(found, res, given, strict=True):
            owners = sharers.get(m.text) if r.kind == "person" else None
            if not owners:
                out.append(r)
                continue
            fitting = by_office([c for c in owners if c != m.text], offices([title]), self.offices)
            here = sorted((named[c], c) for c in fitting if c in named)
            name = r.name if fitting or not title else m.text
            if title and len(fitting) == 1:
                name = fitting[0]
            elif here:
                name = m.text if len(here) > 1 and here[0][0] == here[1][0] else here[0][1]
            if name == m.text:
                self.kind.setdefault(name, "person")
            else:
                self.shared_forms[name].add(m.text)
            out.append(Resolved(r.start, r.end, r.kind, name))
        return out

    def _resolve_namesakes(self, found: list[Mention], res: list[Resolved], sharers: dict[str, list[str]],
                           starts: list[int], titled: set[int]) -> list[Resolved]:
        """A bare surname of two full names that one article writes, one of them given a title there (``titled``:
        where the mentions given one start) and written only once in the cluster, so no rival of the cluster's
        (:func:`_surname_sharers`): "Missouri State Highway Patrol Capt. Ron Johnson … Johnson said" beside Dorian
        Johnson, a witness, whom the cluster gives no title. After one of them only, that one; after both, the one
        named in full in its sentence or the one before, else a mention of its own (nothing says which; it had gone
        to the one the cluster writes most, every time). Not beside one the cluster gives a title: "Trump" after
        "President Donald Trump and first lady Melania Trump" is the president."""
        full = [(m.start, r.name) for m, r in zip(found, res, strict=True)
                if r.kind == "person" and len(m.text.split()) > 1 and not _is_surname_form(m.text)]
        by_last: dict[str, set[str]] = defaultdict(set)
        for _, name in full:
            by_last[_bare(_name_words(name)[-1])].add(name)
        given = {n for at, n in full if at in titled}
        if not any(len(v) > 1 and v & given for v in by_last.values()):
            return res
        out = []
        for m, r in zip(found, res, strict=True):
            rivals = by_last.get(_bare(m.text), set())
            if (r.kind != "person" or " " in m.text or m.text in sharers or len(rivals) < 2 or not rivals & given
                    or r.name in self.title or r.name not in rivals):
                out.append(r)
                continue
            before = [(at, n) for at, n in full if at < m.start and n in rivals]
            named = {n for _, n in before}
            if len(named) > 1:
                k = bisect.bisect_right(starts, m.start) - 1
                named = {n for at, n in before if bisect.bisect_right(starts, at) - 1 >= k - 1}
                named = named if len(named) == 1 else {m.text}
            name = named.pop() if named else r.name
            if name == m.text:
                self.kind.setdefault(name, "person")
            elif name != r.name:
                self.shared_forms[name].add(m.text)
            out.append(Resolved(r.start, r.end, r.kind, name))
        return out

    def _extra_mentions(self, text: str, bounds: list[int], have: list[Resolved]) -> list[Resolved]:
        """Surnames the tagger missed, and "the prime minister" for the one person with that title."""
        # The characters the article's mentions take, marked (a pass over every mention for each surname found
        # was quadratic in the mentions of one article); an empty or reversed span, which marks nothing, is kept
        # apart and asked as before, as is an empty one asked for (no match is).
        extra: list[Resolved] = []
        spans: list[tuple[int, int]] = []
        taken = bytearray(max([len(text), *(r.end for r in have)]) + 1)
        odd: list[tuple[int, int]] = []

        def take(a: int, b: int) -> None:
            spans.append((a, b))
            if a < b:
                taken[a:b] = b"\x01" * (b - a)
            else:
                odd.append((a, b))

        def free(a: int, b: int) -> bool:
            if a >= b:
                return all(b <= s or a >= e for s, e in spans)
            return taken.find(1, a, b) < 0 and all(b <= s or a >= e for s, e in odd)

        for r in have:
            take(r.start, r.end)

        people = [c for c, k in self.kind.items() if k == "person" and len(_name_words(c)) > 1]
        shared = {s for s, n in Counter(_name_words(c)[-1] for c in people).items() if n > 1}
        # ... and in capitals, when the cluster writes the name so too ("BROOKS:" of a transcript's "SUSAN BROOKS"):
        # the names so written, found once (the forms the loop below adds are of a name it has passed already),
        # not by a pass over every form for each person, which was most of an analysis of 100 articles at once
        in_capitals = {v for f, v in self.canon.items() if f.isupper() and _spelling(f) == _spelling(v)}
        for c in people:
            if _name_words(c)[-1] in shared or self.canon.get(_name_words(c)[-1], c) != c:
                continue  # "Arkwright" alone, with Helen and Tomas Arkwright in the story: either of them; "Biden"
                # kept apart from "first lady Jill Biden" (a president): not hers
            capitals = c in in_capitals
            word = _name_words(c)[-1]
            if word not in text and not (capitals and word.upper() in text):
                continue  # no match, found without a scan of the regular expression: a long cluster's people are
                # mostly not in this article
            last = re.escape(word)
            for m in re.finditer(rf"\b(?:{last}|{last.upper()})\b" if capitals else rf"\b{last}\b", text):
                if free(m.start(), m.end()):
                    extra.append(Resolved(m.start(), m.end(), "person", c))
                    take(m.start(), m.end())
                    self.canon.setdefault(m.group(), c)
        by_title: dict[str, list[str]] = defaultdict(list)
        for person, t in self.title.items():
            if _OFFICE.search(t):
                by_title[office(t)].append(person)
        for m in _THE_TITLE.finditer(text):
            if _crosses(bounds, m.start(), m.end()):
                continue  # "the evening. Governor": two sentences, no title
            modifier = m.group()[4 : m.start(1) - m.start()].strip().lower()
            head = office(f"{modifier} {m.group(1)}")  # "the vice president" is no president, nor he the president
            # "the Pakistani leader" is not the al-Qaeda leader: a weak title needs its own modifier.
            who = [p for p in by_title.get(head, [])
                   if not modifier or _rankless(head) in _STRONG_TITLES or modifier in self.title.get(p, "").lower()]
            was = bool(_FORMER.match(modifier + " "))
            if was or len(who) > 1:
                # "the former president" is the one the cluster calls so ("former President Ana Ruiz"), "the
                # president" the other one, when the cluster gives the office to both
                who = [p for p in who if (head in self.former.get(p, ())) == was]
            if len(who) == 1 and free(m.start(), m.end()) and not any(
                    r.kind == "person" and r.name != who[0] and _APPOSED.fullmatch(text, r.end, m.start())
                    and (apposed := title_after(text, r.end)) and office(_then_title(apposed.group(1))) != head
                    for r in have):
                # ("Vic Gerden, the chief crash investigator": Gerden's apposition names another office, and its "the
                # chief" is no other chief's mention; "Ivy Lane, the president's daughter" and "tweeting about Daniels,
                # the president went after Warren" name the president)
                extra.append(Resolved(m.start(), m.end(), "person", who[0]))
                self.canon.setdefault(m.group(), who[0])  # "the minister" is one of their names
        return extra

    def action(self, aid: str, r: Resolved, sent_start: int, sent_end: int) -> str:
        """What the mention ``r`` is the subject of: from the parse when there is one, else by rule."""
        parsed = self.parsed.get(aid)
        if parsed is not None:
            return next((parsed[k] for k in range(r.start, r.end) if k in parsed), "")
        text = self.cluster.article(aid).text
        return verb_phrase(text[r.end : sent_end], text[sent_start : r.start])

    def entities(self) -> tuple[Entity, ...]:
        cluster = self.cluster
        starts = {aid: [s.start for s in cluster.sentences_of(aid)] for aid in cluster.kept_ids}
        sents = {aid: cluster.sentences_of(aid) for aid in cluster.kept_ids}
        by_name: dict[str, list[tuple[str, Resolved]]] = defaultdict(list)
        for aid, res in self.mentions.items():
            for r in res:
                by_name[r.name].append((aid, r))
        order = {a.id: k for k, a in enumerate(cluster.articles)}
        carried = copies(cluster)
        naming: dict[tuple[str, str], tuple[str, ...]] = {}  # (article, a name as it writes it) -> its copies that do
        forms: dict[str, list[str]] = defaultdict(list)  # each name's forms, found once, not once per entity
        for f, c in self.canon.items():
            forms[c].append(f)
        out = []
        for name, ms in by_name.items():
            arts: set[str] = set()
            spans: dict[Span, None] = {}
            actions: list[Action] = []
            mentions = 0
            for aid, r in ms:
                # a near-duplicate copy names the entity where its own text has the name as the article writes it (a
                # trimmed copy may have cut the paragraph it stood in); it counts in ``articles`` and ``mentions``
                form = (aid, cluster.article(aid).text[r.start : r.end])
                if form not in naming:
                    naming[form] = carried.naming(aid, [form[1]]) if cluster.duplicates.get(aid) else ()
                arts.add(aid)
                arts.update(naming[form])
                mentions += 1 + len(naming[form])
                k = bisect.bisect_right(starts[aid], r.start) - 1
                if k < 0:
                    continue
                s = sents[aid][k]
                span = Span(aid, s.start, s.end)
                spans[span] = None
                phrase = self.action(aid, r, s.start, s.end)
                if phrase and len(actions) < MAX_ACTIONS and all(a.phrase != phrase for a in actions):
                    actions.append(Action(phrase, span))
            aliases = sorted({f for f in forms.get(name, ()) if f != name and f not in self.sharers}
                             | self.shared_forms.get(name, set()))
            out.append(
                Entity(
                    name=name,
                    kind=self.kind.get(name, "org"),
                    aliases=tuple(aliases),
                    title=self.title.get(name, ""),
                    articles=tuple(sorted(arts, key=order.__getitem__)),
                    mentions=mentions,
                    actions=tuple(actions),
                    spans=tuple(spans),
                )
            )
        out.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
        return tuple(out)
