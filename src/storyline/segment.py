"""Sentence segmentation with character spans.

BlingFire's sentence breaker (a finite-state model, ~2.7M words/s) is right on U.S., Gen., Sep. 11,
10 a.m., D.C., No. 1 and quotations; on top of it we split paragraphs first (a sentence never spans
a blank line in a cleaned article), trim datelines ("ISLAMABAD, Pakistan –", "WASHINGTON:") off the
front of a span, re-merge the rare split after an abbreviation it does not know, after a title before its name
("Gov." | "Chris Christie …", see ``_TITLE_END``) or inside a quoted
sentence ("Stop it!" he added.), and split sentences the scraper glued together (see ``_GLUED``) or that
BlingFire keeps together in processed text at a spaced quotation mark (see ``_SPACED_QUOTE``); sentences of scripts
that end them otherwise (the danda "।", Armenian "։", Burmese "။" …) are split at their stops (see ``_SCRIPT_STOP``).
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar

import numpy as np

from .model import Article, Sentence
from .vocabulary import ATTRIBUTION_VERBS

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# "WASHINGTON:", "ISLAMABAD, Pakistan –", "DOI INTHANON, Thailand (AP) _", "PKONWEB Report (Islamabad) —",
# "LONDON (Reuters) -", "KELBY, Sept 3 (Morrow Times) -" (the wire's date after the place, with or without its
# year): an upper-case place or agency, then a dash, colon or underscore. Two or more places
# joined by slashes may end in a comma instead ("PRETORIA/KHARTOUM, Sudanese President …", the agency's tag
# lost in scraping); one capitalised word before a comma is too often prose ("NASA, the agency, said …").
# A broadcaster's or agency's tag alone opens a sentence too: "(CNN) Sen. John McCain said Thursday …".
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"  # "WASHINGTON", "PORT ALDER"
# A broadcaster's tag after a place written in title case, glued to the sentence as CNN's pages print it:
# "Washington (CNN)President Donald Trump …", "Athens, Greece (AP) — …". Only before a known tag: a title-case
# word and a bracket open prose too ("Paris (the city) …"). The tag may name the agency's desk: "New York (CNN
# Business)", "(CNN Politics)", "(Reuters Health)", one or two capitalised words after the agency's name.
_AGENCY = r"(?:CNN|AP|AFP|Reuters|UPI|Bloomberg|CNBC)(?:\s+[A-Z][a-z]+){0,2}"
_TITLE_PLACE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s*[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?)?"
_DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}"
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:\s*,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?)?"
    r"(?:\s+Report)?(?:\s*\([^)]{1,40}\))?\s*(?:[-–—_:]|--)\s+"
    rf"|{_CAPS_PLACE}(?:/{_CAPS_PLACE})+,\s+(?=[A-Z])"
    rf"|(?:{_TITLE_PLACE}\s*)?\({_AGENCY}\)\s*(?:[-–—_:]\s*)?(?=[A-Z\"“]))"
)
# Abbreviations after which a break is almost always wrong in news text.
_NO_BREAK_AFTER = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Prof|St|Jr|Sr|No|Nos|Vol|vs|Inc|Corp|"
    r"Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|a\.m|p\.m)\.$"
)
# Titles before a name, as news prints them: a span that ends on one goes on with the capitalised name after it
# (blingfire breaks "Gov." | "Chris Christie of New Jersey …" and "Lt." | "Col." | "Alexander Vindman …" where the
# title opens a sentence), unless a word that opens sentences follows ("… on Elm Dr. He said …"). Written as in
# running text, capitalised: processed text's lower-cased "sgt." stays as it is broken.
_TITLE_END = re.compile(
    r"(?:^|(?<=[\s(\"“‘'—–-]))(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gens|Lt|Col|Maj|Brig|Sgt|Capt|Cmdr|Adm|Gov|Govs|Sen|Sens|"
    r"Rep|Reps|Rev|Supt|Insp|Cpl|Pvt|Fr|Msgr)\.$"
)
_TITLE_TAIL = 8
# Words that open a sentence and never a name after a title.
_OPENERS = frozenset(
    "The A An This That These Those It Its He She They We I You His Her Their Our But And Or So Yet In On At For "
    "With After Before As If When While Since Although Though Because Meanwhile However There Here What Who Why How "
    "Some Many Most".split()
)
# Scraped pages often lose the space between paragraphs: "...and beyond.Researchers with the USGS...",
# "...since the last quake.\"The stress is building,\" Graves said.Most earthquakes...". A sentence end glued
# to a capitalised word is a break; blingfire keeps the two sentences as one. Two lower-case letters
# before the mark, or an acronym, a number or a trailing-off (``_ends_sentence``, checked after the match: a
# pattern starting with them is 5x slower to scan), and a lower-case letter after the capital (or the word "I":
# '…knock it down."I think …') keep "Ph.D.", "U.S.Army" and "a.m.The" whole; a web address ("www.Example.com",
# "news@Site.org") is left alone.
_GLUED = re.compile(r"[.!?…](?=[\"“”’]?(?:[A-Z][a-z]|I\s))")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# A number of two digits or more ends a sentence as a word does: "… in September 1864.The Library of Congress
# …", "… in the summer of 1953.In the earliest letter …" (4 spots in dev_original, all breaks). A whole word of
# digits (and thousands' commas) only: "v2.Then", "No.12.The" and a list's "1.Open the box" stay whole (a
# decimal, "4.5", has a digit after its stop and is never a candidate).
# An amount of money ends one whatever its digits: "… the ticket cost $5.The fare rises …".
_NUMBER_END = re.compile(r"(?:(?:^|(?<=[\s(\"“‘'$£€]))\d[\d,]*\d|(?<=[$£€])\d)$")
# A dotted abbreviation of capitals ("U.S.", "U.K.", "D.C.") glued to a word that opens sentences and never a name
# ("… across the U.S.The company said …", "… in Washington, D.C.It was …") ends the sentence; before any other
# capitalised word it is kept whole ("U.S.Army", "J.K.Rowling"), as the name it usually is.
_DOTTED_END = re.compile(r"(?:^|(?<=[\s(\"“‘'$£€]))(?:[A-Z]\.){1,3}[A-Z]$")
_DOTTED_OPENERS = _OPENERS - {"A", "An", "Some", "Many", "Most", "Here", "There"}
_OPENER_WORD = re.compile(r"[\"“”’]?([A-Z][a-z]*)(?![\w-])")
# A trailing-off glued to a capitalised word ("… some money etc...Anyway, he …", "… push back….In light of …"):
# BlingFire breaks there when a space follows the marks, so it is a break without one too, after a lower-case
# letter.
_ELLIPSIS_MARKS = frozenset(".…")
# A sub-heading, a caption or a headline that the page flattened into the paragraph after it, with no stop:
# "… a story all by itself. The detectives go to work Researchers started with …", "… clean energy
# Tech, defying US reversal Although solar generation …". A lower-case word, then a capitalised word that opens
# sentences and is not a name (a conjunction, a pronoun, a question word, "Researchers"), then a lower-case word:
# a break. Not after a function word ("… by the Police and …"), nor before a capital ("Born This Way", "for the
# Last Great Kegger"), nor at an article or possessive, which open titles and names as often as sentences ("the
# band The Killers", "group A strep"), nor in processed (lower-cased) text, where no capital is left.
# The space comes first in the pattern, its letter checked behind it: a pattern that opens on a literal is
# scanned for that character, one that opens on a lookbehind is tried at every offset (twice as slow).
_RUN_IN = re.compile(
    r" (?=(?:But|However|Although|Though|While|When|After|Before|As|If|Because|Since|He|She|They|We|"
    r"This|These|Those|There|Researchers|Scientists|Officials|Authorities|What|Why|How|Meanwhile|Instead|"
    r"Many|Some|Most|Several) [a-z])(?<=[a-z] )"
)
_RUN_IN_NOT_AFTER = frozenset(
    "the a an of to in on and or but for with by from that as at is was were are be been his her their its our "
    "my your this these those than into over under about like if".split()
) | frozenset(  # words that name a title next: "the book Why We Sleep", "the song Because You Loved Me"
    "book books novel memoir song songs single album film films movie movies show series sitcom play musical "
    "ballad hit anthem poem essay podcast episode documentary track titled entitled called named dubbed".split()
)
# An opener and a small word that begin titles as often as sentences: "the song What a Wonderful World", "the
# film How to Train Your Dragon", "the series This is Us", "the ad When in Rome": no break before them.
_TITLE_LIKE = re.compile(r"(?:What an?|What is|How to|This is|When in|If only)\b")
# An acronym of capitals alone ends a sentence as a word does: "… a geophysicist with the USGS.Geologists studied
# …", "… a friend tells PEOPLE.Douglas, 68, …". Not a letter of a dotted one ("U.S.Army": the "S" follows a stop).
_ACRONYM_END = re.compile(r"(?:^|(?<=[\s(\"“‘']))[A-Z]{2,}$")
_ACRONYM_TAIL = 16
# A question, exclamation or trailing-off ("…", "...") that closes a quotation, then lower-case words that go on
# with the sentence ("…a total con!" he added.", "…a reservation?" the attorney tweeted.", "…Katie ..." one
# follower said."): BlingFire breaks there when the mark is a straight one.
_QUOTED_END = re.compile(r"(?:[?!]|\.\.\.|…)[\"”’]$")
# The stops of the scripts whose sentences do not end on ".", "?" or "!", which BlingFire does not break at: the
# danda and double danda of Hindi, Marathi, Nepali, Bengali, Punjabi… ("।", "॥"; Bengali keyboards often type the
# look-alike currency sign "৷" after a letter, Hindi ones a "|" glued to a word), Armenian "։", Ethiopic "።" and
# "፧", Burmese "။", Khmer "។" and "៕", Tibetan "།" and "༎", Mongolian "᠃", and the half-width
# and full-width CJK stops "｡" and "．" (not a full-width decimal point: "３．５", "३．५").
# Urdu's "۔" and Arabic's "؟" BlingFire breaks at before a space; they are here for a stop glued to the next word.
# Arabic's comma "،" and Burmese "၊" are no stops. A stop is one mark or a run of them ("।।", Tibetan's "། །") and any
# closing quotation marks or brackets after it. Thai and Lao have no stop: a space there ends a clause or a phrase
# as often as a sentence, and storyline is not made for them (their words are not spaced), so nothing is guessed.
_STOPS_ANYWHERE = "।॥۔؟։።፧။។៕།༎᠃｡"
SCRIPT_STOPS = _STOPS_ANYWHERE + "৷．"
_SCRIPT_STOP = re.compile(
    rf"(?:[{_STOPS_ANYWHERE}]|(?<=[\u0981-\u09e3])৷|(?<=[\u0900-\u0963])\|(?=\s)|．(?!\d))"
    r"(?:[ \t]*[।॥།༎])*[\"”’'»)\]」』]*"
)
# Only in a text written in those scripts, four in five of its letters or more, a name or a word in Latin letters
# aside: an English article keeps a foreign widget's text as BlingFire cuts it (a tweet's embed in Bengali with its
# English labels, "… Learn more হুম, সার্ভারে পৌঁছনোর একটি সমস্যা ছিল । পরে আবার চেষ্টা করবেন? … include tweet when logo
# is clicked", left alone as an "article" of a Multi-News training cluster three times: the shipped scorer was fitted
# on it), and a Hindi slogan quoted in an English story is not cut from its sentence.
_SCRIPT_SHARE = 4  # letters of those scripts for each Latin one
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_STOP_SCRIPTS_LETTER = re.compile(
    "[\u0530-\u058f\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0f00-\u109f\u1200-\u139f\u1780-\u18af"
    "\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]"
)
_WEB = re.compile(r"(?:www|https?|@)\S*$|^\S*\.(?:com|org|net|gov|edu|co\.uk)\b")
# Processed text (Multi-News: lower-cased and tokenised, every mark a word of its own) glues a sentence that ends
# a quotation, or the one before a quotation, to the next sentence: BlingFire never breaks at '. " ' before a
# lower-case word ("… restore security. " israel will act …", "… the conduit. " how old faithful works …").
# The mark either opens the next sentence's quotation (cut before it) or closes this one's (cut after it); see
# ``_opens``.
# A closing mark may be followed by its attribution instead (". " he said in a statement.", "? " gray asked."):
# a speech verb within the first words of a short clause, which stays with the quotation. The space before the
# mark keeps most ordinary text out ('… said "go home." then …'); what it lets in is the same glue
# ('… he said. "if Sen. McCain says …': one article of the dev sets).
_SPACED_QUOTE = re.compile(r'[.!?] "(?= ?[a-z])')
_CLAUSE_END = re.compile(r"[.,;:!?]| '|$")
# Word by word, so "according" stands for "according to" ('. " according to police.').
_SPEECH_VERBS = ATTRIBUTION_VERBS | {"according"}
_FIRST_SECOND_PERSON = frozenset("i me my we us our you your".split())
_SUBJECT_WORDS = 6  # words before the verb: "a pomona police department spokesman said"
_TAIL_WORDS = 3  # words after it: "he said in a statement.", "he told reporters monday."
# Whether that split is made. Only training turns it off (``without_spaced_quote_split``): the short-summary
# ensemble is fitted on the training text as BlingFire alone breaks it there (see ``storyline.learn.train``).
_SPACED_QUOTES: ContextVar[bool] = ContextVar("split_spaced_quotes", default=True)


@contextmanager
def _switched_off(rule: ContextVar[bool]) -> Iterator[None]:
    token = rule.set(False)
    try:
        yield
    finally:
        rule.reset(token)


def without_spaced_quote_split() -> AbstractContextManager[None]:
    """Segment as BlingFire and the other rules do, without splitting at spaced quotation marks."""
    return _switched_off(_SPACED_QUOTES)


# Whether a span ending on a title goes on with the name that opens the next one (``_title_goes_on``). Only
# training turns it off (``without_title_join``): the shipped scorer was fitted on the training text as it was
# segmented before that rule, and a refit is a new draw of every set's scores (docs/method-history.md).
_TITLE_JOIN: ContextVar[bool] = ContextVar("join_titles", default=True)


def without_title_join() -> AbstractContextManager[None]:
    """Segment as before the title rule: "Gov." | "Chris Christie …" stay two spans, as BlingFire cuts them."""
    return _switched_off(_TITLE_JOIN)


class _Scratch(threading.local):
    """Output buffers for blingfire, reused from call to call (one set per thread, grown on demand):
    allocating them, and ``ctypes.c_int32 * cap`` building a new ctypes type for every size, cost
    several times the segmentation itself on a paragraph."""

    size = 0

    def get(self, cap: int) -> _Buffers:
        """The text, start and end buffers (holding at least ``cap`` entries) and their addresses."""
        if self.size < cap:
            self.size = max(cap, 2 * self.size, 4096)
            out = np.empty(self.size, np.uint8)
            starts, ends = np.empty(self.size, np.int32), np.empty(self.size, np.int32)
            p_out, p_starts, p_ends = (ctypes.c_void_p(x.ctypes.data) for x in (out, starts, ends))
            self.buffers: _Buffers = (out, starts, ends, p_out, p_starts, p_ends)
        return self.buffers


_Buffers = tuple[np.ndarray, np.ndarray, np.ndarray, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
_SCRATCH = _Scratch()


_BREAKER: Callable[..., int] | None = None


def _breaker() -> Callable[..., int]:
    """blingfire's ``TextToSentencesWithOffsets``, looked up once rather than imported per paragraph."""
    global _BREAKER
    if _BREAKER is None:
        import blingfire

        _BREAKER = blingfire.blingfire.TextToSentencesWithOffsets
    return _BREAKER


def _blingfire_spans(text: str) -> tuple[list[int], list[int]]:
    """The starts and (exclusive) ends of the spans ``blingfire.text_to_sentences_and_offsets`` gives,
    whose byte-to-character mapping is a Python loop over every byte (most of the time of
    segmentation); here only the few offsets are converted, and only for text that is not ASCII."""
    data = text.encode("utf-8")
    n = len(data)
    if n == 0:
        return [], []
    cap = 2 * n
    _, starts, ends, p_out, p_starts, p_ends = _SCRATCH.get(cap)
    # ctypes passes bytes as ``char *`` and ints as ``int``: no wrapper objects to build per call
    got = _breaker()(data, n, p_out, p_starts, p_ends, cap)
    if got == -1 or got > cap:  # the fast path refused: take blingfire's own (slower) wrapper
        import blingfire

        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [int(x) for x, _ in offsets], [int(y) for _, y in offsets]
    # Sentences come out "\n"-separated, up to a NUL (or ``got`` bytes: what follows is an older call's).
    out = ctypes.string_at(p_out, got)
    nul = out.find(b"\0")
    count = out.count(b"\n", 0, got if nul < 0 else nul) + 1
    first, last = starts[:count].tolist(), ends[:count].tolist()  # ``last``: the inclusive last byte
    if len(text) == n:  # ASCII: byte offsets are character offsets
        return first, [b + 1 for b in last]
    # Multi-byte characters: a byte offset becomes the number of characters before it, by decoding the
    # bytes before it (a few offsets per paragraph; "ignore" drops a character cut in two, which then
    # counts as the one the offset is in).
    return [_chars_before(data, a) for a in first], [_chars_before(data, min(b + 1, n)) for b in last]


def _chars_before(data: bytes, offset: int) -> int:
    return len(data[:offset].decode("utf-8", "ignore"))


# The longest abbreviation ``_NO_BREAK_AFTER`` knows is four letters and its period, maybe before a final
# newline; with the character before it for ``\b``, eight characters of a span decide the match.
_ABBREVIATION_TAIL = 8


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """``_NO_BREAK_AFTER.search(text[start:end])``, on the span's tail only: a search for an end-anchored
    pattern tries it at every offset of the sentence."""
    return _NO_BREAK_AFTER.search(text[max(start, end - _ABBREVIATION_TAIL) : end]) is not None


def _title_goes_on(chunk: str, start: int, end: int, a: int) -> bool:
    """Does the span ``start:end`` end on a title (``_TITLE_END``) whose name is the capitalised word that opens the
    span at ``a``?"""
    if not _TITLE_END.search(chunk, max(start, end - _TITLE_TAIL), end):
        return False
    word = chunk[a : a + 12].split(maxsplit=1)[0] if chunk[a : a + 12].strip() else ""
    return chunk[a : a + 1].isupper() and word.rstrip(".,;:'’s") not in _OPENERS


def _ends_quoted_question(text: str, start: int, end: int) -> bool:
    """Does the span end a quotation on a question, an exclamation or a trailing-off (``_QUOTED_END``, tried
    on its last four characters only)?"""
    return _QUOTED_END.search(text, max(start, end - 4), end) is not None


_DASHES = frozenset("—–-")


def _dash_goes_on(chunk: str, end: int, a: int) -> bool:
    """Does the span at ``a``, which opens on a dash, go on with the one before it, which ends on an initial's
    stop? "CHARLOTTE, N.C. — The special election …", "… in Washington, D.C. – a city that …": blingfire
    breaks after the initials, and a sentence does not open on a dash."""
    before = chunk[end - 2 : end].rstrip()
    return (
        len(before) == 2 and before[1] == "." and before[0].isupper() and chunk[a + 1 : a + 2].isspace()
        and "\n" not in chunk[end:a]
    )


# A paragraph longer than this many characters is segmented a piece at a time: blingfire's output buffers take
# nine bytes per byte of input (a 20 MB file on one line held 360 MB of them, 900 MB at the peak), and a caller
# that stops early (``segment``'s ``limit``) has not had the whole paragraph read first.
_WINDOW = 100_000


def _pieces(para: str) -> Iterator[tuple[int, str]]:
    """``para`` in pieces of at most ``_WINDOW`` characters or so, with their offsets. Each is cut where
    blingfire starts a sentence on a capital within the window, not the window's last sentence (which may be
    cut at its edge): there no rule of ``split_spans`` joins two spans (each needs the second to start
    otherwise), so the pieces give the spans the whole paragraph gives (``_safe_starts``). A window with no
    such start (one sentence longer than the window) is cut at its last space."""
    pos = 0
    while len(para) - pos > _WINDOW:
        window = para[pos : pos + _WINDOW]
        starts, ends = _blingfire_spans(window)
        cut = next(_safe_starts(window, starts, ends), 0)
        if cut <= 0:
            cut = window.rfind(" ") + 1 or len(window)
        yield pos, para[pos : pos + cut]
        pos += cut
    yield pos, para[pos:]


def _safe_starts(window: str, starts: list[int], ends: list[int]) -> Iterator[int]:
    """The starts of the window's spans, last first, where a piece can begin: a sentence of four words or
    more opening on a capital after another such sentence (not "Gov." / "Chris Christie said …", which
    blingfire reads as one sentence when "Gov." opens the text), and not the window's last span."""
    for i in range(len(starts) - 2, 0, -1):
        a = starts[i]
        if (
            window[a : a + 1].isupper() and window.count(" ", a, ends[i]) >= 3
            and window.count(" ", starts[i - 1], ends[i - 1]) >= 3
        ):
            yield a


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of ``text``."""
    join_titles = _TITLE_JOIN.get()
    stops = not text.isascii() and _SCRIPT_STOP.search(text) is not None and _in_stop_script(text)
    for para in _PARA.finditer(text):
        if len(para.group()) > _WINDOW:
            for offset, piece in _pieces(para.group()):
                at = para.start() + offset
                yield from ((at + a, at + b) for a, b in _chunk_spans(piece, join_titles, stops))
        else:
            yield from ((para.start() + a, para.start() + b) for a, b in _chunk_spans(para.group(), join_titles, stops))


def _chunk_spans(chunk: str, join_titles: bool = True, script_stops: bool = False) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of one paragraph (``join_titles``: see ``_TITLE_JOIN``; ``script_stops``:
    whether the text is written in the scripts of ``_SCRIPT_STOP``, see ``_in_stop_script``)."""
    starts, ends = _blingfire_spans(chunk)
    merged_starts: list[int] = []
    merged_ends: list[int] = []
    for a, b in zip(starts, ends, strict=True):
        if merged_starts and (
            (_ends_in_abbreviation(chunk, merged_starts[-1], merged_ends[-1]) and not chunk[a : a + 1].isupper())
            or (chunk[a : a + 1].islower() and _ends_quoted_question(chunk, merged_starts[-1], merged_ends[-1]))
            or (chunk[a : a + 1] in _DASHES and _dash_goes_on(chunk, merged_ends[-1], a))
            or (join_titles and _title_goes_on(chunk, merged_starts[-1], merged_ends[-1], a))
        ):
            merged_ends[-1] = b
        else:
            merged_starts.append(a)
            merged_ends.append(b)
    spans: Iterable[tuple[int, int]] = zip(merged_starts, merged_ends, strict=True)
    if script_stops and _SCRIPT_STOP.search(chunk):
        spans = _split_script_stops(chunk, spans)
    if _GLUED.search(chunk):  # (on the spans so far: a script's stops stay cut)
        spans = _unglued(chunk, spans)
    if _SPACED_QUOTES.get() and _SPACED_QUOTE.search(chunk):
        spans = _split_spaced_quotes(chunk, spans)
    if _RUN_IN.search(chunk):
        spans = _split_run_in(chunk, spans)
    for a, b in spans:
        # blingfire's offsets are on the chunk it was given; strip whitespace to be safe.
        while a < b and chunk[a].isspace():
            a += 1
        while b > a and chunk[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b


def _in_stop_script(chunk: str) -> bool:
    """Is the text written in the scripts of ``_SCRIPT_STOP``, ``_SCRIPT_SHARE`` of their letters or more for each
    Latin one?"""
    latin = sum(1 for _ in _LATIN_LETTER.finditer(chunk))
    return sum(1 for _ in _STOP_SCRIPTS_LETTER.finditer(chunk)) >= max(1, _SCRIPT_SHARE * latin)


def _split_script_stops(chunk: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each cut after every stop of a script that BlingFire does not break at (see ``_SCRIPT_STOP``)."""
    for a, b in spans:
        for m in _SCRIPT_STOP.finditer(chunk, a, b):
            cut = m.end()
            if cut < b and not chunk[cut:b].isspace():
                yield a, cut
                a = cut
        yield a, b


def _unglued(chunk: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each cut after every sentence end glued to the next sentence (see ``_GLUED``)."""
    for a, b in spans:
        for m in _GLUED.finditer(chunk, a, b):
            at = m.start()
            if at - 2 < a:
                continue
            if _dotted_before_opener(chunk, a, at):  # "the U.S.The company said", not "the U.S.Army"
                pass
            elif not _ends_sentence(chunk, a, at) or _ends_in_abbreviation(chunk, a, at + 1):  # "Mrs.Clinton"
                continue
            cut = m.end()
            mark = chunk[cut]
            # a quotation mark between the two closes the first sentence's quotation or opens the next one
            if mark in "”’" or (mark == '"' and chunk.count('"', 0, cut) % 2 == 1):
                cut += 1
            before = chunk[max(a, chunk.rfind(" ", a, cut) + 1) : cut]
            word_end = chunk.find(" ", cut, b)
            after = chunk[cut : b if word_end < 0 else word_end]
            if _WEB.search(before) or _WEB.search(after):
                continue
            yield a, cut
            a = cut
        yield a, b


def _dotted_before_opener(chunk: str, a: int, at: int) -> bool:
    """Is the mark at ``at`` the last stop of a dotted abbreviation of capitals glued to a word that opens
    sentences (see ``_DOTTED_END``)?"""
    if chunk[at] != "." or not _DOTTED_END.search(chunk, max(a, at - 8), at):
        return False
    word = _OPENER_WORD.match(chunk, at + 1)
    return word is not None and word.group(1) in _DOTTED_OPENERS


def _ends_sentence(chunk: str, a: int, at: int) -> bool:
    """Does the mark at ``at``, glued to a capitalised word, end the sentence that opens at ``a``? After two
    lower-case letters, an acronym (``_ACRONYM_END``), a number (``_NUMBER_END``) or a trailing-off after a
    lower-case letter (``_ELLIPSIS_MARKS``); not after an initial ("J.K.Rowling", "U.S.Army", "a.m.The")."""
    if chunk[at - 1] in _LOWER and chunk[at - 2] in _LOWER:
        return True
    tail = max(a, at - _ACRONYM_TAIL)
    if _ACRONYM_END.search(chunk, tail, at) or _NUMBER_END.search(chunk, tail, at):
        return True
    if chunk[at] in _ELLIPSIS_MARKS:
        i = at
        while i > a and chunk[i - 1] in _ELLIPSIS_MARKS:
            i -= 1
        marks = chunk[i : at + 1]
        return ("…" in marks or len(marks) >= 3) and i > a and chunk[i - 1] in _LOWER
    return False


def _split_run_in(chunk: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each cut where a heading runs into the sentence after it (see ``_RUN_IN``)."""
    for a, b in spans:
        for m in _RUN_IN.finditer(chunk, a, b):
            at = m.start()
            word = chunk[max(a, chunk.rfind(" ", a, at) + 1) : at]
            if not word.isalpha() or not word.islower() or word in _RUN_IN_NOT_AFTER:
                continue
            if _TITLE_LIKE.match(chunk, at + 1):  # "the song What a Wonderful World", "the show This is Us"
                continue
            yield a, at
            a = at + 1
        yield a, b


def _split_spaced_quotes(chunk: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each cut where a sentence ending on '. "' goes on with a lower-case word (see
    ``_SPACED_QUOTE``): before the mark when it opens a quotation, after it when it closes one, not at all
    when the words after a closing mark are its attribution."""
    for a, b in spans:
        for m in _SPACED_QUOTE.finditer(chunk, a, b):
            mark = m.end() - 1
            if _opens(chunk, mark):
                cut = mark
            elif _is_attribution(chunk, mark + 1, b, after_full_stop=chunk[m.start()] == "."):
                continue
            else:
                cut = mark + 1
            yield a, cut
            a = cut
        yield a, b


def _opens(chunk: str, mark: int) -> bool:
    """Does the straight quotation mark at ``mark`` (spaced, after a sentence end) open a quotation? Glued to
    the word after it, yes; else its neighbours decide when one is sure: after a mark that closes a quotation
    on its attribution (', " he said. "'), or before one ('. " we will, " he said'), it opens; after a mark
    glued to the word after it (a quotation's opening one), it closes. Else the parity of the marks before it
    in the paragraph, which one stray mark upsets."""
    if chunk[mark + 1] != " ":
        return True
    before = chunk.rfind('"', 0, mark)
    if before >= 0:
        if _closes_on_attribution(chunk, before):
            return True
        if chunk[before + 1 : before + 2].isalnum():
            return False
    after = chunk.find('"', mark + 1)
    if after >= 0 and _closes_on_attribution(chunk, after):
        return True
    return chunk.count('"', 0, mark) % 2 == 0


def _closes_on_attribution(chunk: str, mark: int) -> bool:
    """Is the mark at ``mark`` a spaced one after a comma, question or exclamation mark, followed by an
    attribution (', " he said')?"""
    return chunk[mark - 2 : mark] in (", ", "? ", "! ") and _is_attribution(chunk, mark + 1, len(chunk))


def _is_attribution(chunk: str, start: int, end: int, after_full_stop: bool = False) -> bool:
    """Are the words from ``start`` up to the next punctuation a quotation's attribution: a speech verb after
    at most ``_SUBJECT_WORDS`` words and before at most ``_TAIL_WORDS`` ("he said.", "said mr smith,",
    "a spokesman told reporters on monday.", not "he said he expects the ruling will …")? After a quotation
    that ends on a full stop the clause must end the sentence too: '. " according to the report, the body …'
    and '. " the prince said: " …' open the next sentence ("…," he said is how an attribution follows)."""
    stop = _CLAUSE_END.search(chunk, start, end)
    if after_full_stop and stop and stop.group() not in (".", ""):
        return False
    words = chunk[start : stop.start() if stop else end].split()
    for i, word in enumerate(words[: _SUBJECT_WORDS + 1]):
        if word in _FIRST_SECOND_PERSON:  # quoted words ("let me just say, …"), not a speaker
            return False
        if word in _SPEECH_VERBS:
            return len(words) - i - 1 <= _TAIL_WORDS
    return False


def trim_dateline(text: str, start: int, end: int) -> int:
    """New start offset past a leading dateline, if the sentence starts with one."""
    m = _DATELINE.match(text[start:end])
    if m and end - start - m.end() > 20:
        return start + m.end()
    return start


def segment(article: Article, limit: int | None = None) -> tuple[Sentence, ...]:
    """The sentences of an article; ``article.text[s.start:s.end] == s.text`` for each. With ``limit``, no
    more than ``limit + 1`` of them: enough to tell that there are more than ``limit``, without reading the
    rest of a long text."""
    text = article.text
    out: list[Sentence] = []
    for i, (a, b) in enumerate(split_spans(text)):
        if limit is not None and i > limit:
            break
        if i == 0 or (a > 0 and text[a - 2 : a] == "\n\n" and len(out) < 3):
            a = trim_dateline(text, a, b)
        out.append(Sentence(article=article.id, index=len(out), start=a, end=b, text=text[a:b]))
    return tuple(out)
