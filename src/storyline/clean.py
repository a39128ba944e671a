"""Cleaning: from scraped text to an article body.

Scraped pages arrive as flattened text with the page's clutter in it: menus, share buttons, photo
credits and captions, comment and newsletter forms, "Also read:" links, cookie notices, date banners.
Lines are also broken in the middle of sentences (sometimes with a blank line inside a sentence).

The filter works on lines, because that is the unit the clutter comes in:
1. rejoin a line with the next when the sentence visibly continues (no final punctuation and the next
   line starts in lower case);
2. drop lines that match known clutter, look like credits, captions, menus or date banners, or are short
   lines repeated across several articles of the cluster (site furniture); paragraphs written in
   sentences that are still page parts (photo captions, teaser cards, embeds, promos) are recognised
   in ``pageparts``;
3. keep the rest as paragraphs separated by a blank line.

The first short unpunctuated line before the body is taken as the title when none is known; a known title
that the text repeats as its first paragraph ("Bridge closes after barge strike." above the story, as a
dataset's documents carry their ``document_titles``) leaves the body, since a headline is no sentence of
the story.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import chain, islice, pairwise

from .htmlpage import clock_label
from .model import MARKS, Article, count_words, has_words
from .pageparts import (
    bullet_item,
    cut_inline_parts,
    cut_points_label,
    drop_furniture_sentences,
    is_archive_note,
    is_highlight_point,
    is_highlights,
    is_page_part,
    is_page_turn,
    is_points_label,
    pages_missing,
    reads_as_release,
    report_before_credit,
    split_correction,
    trim_teaser,
)
from .segment import SCRIPT_STOPS, trim_dateline
from .stemmer import stem
from .textrepair import repair_mojibake
from .vocabulary import DATED_SPEECH, SPEAKER_VERBS, alternation

# Phrases that only ever appear in page furniture. Matched against the start of a normalised line,
# or anywhere for the ones that cannot occur in reporting.
_CLUTTER_START = (
    "type to search", "search for", "leave a reply", "leave a comment", "comments", "comment",
    "please enter your", "your email address will not be published", "required fields are marked",
    "by submitting this form", "sign me up", "subscribe", "sign up for", "sign up to", "newsletter",
    "also read", "read more", "read also", "related:", "related articles", "related stories", "share this",
    "share on", "share:", "tweet with a location", "you can add location information", "we use cookies",
    "this site uses cookies", "this website uses cookies", "accept cookies", "cookie", "advertisement",
    "posted on", "posted in", "categorized", "filed under", "donate to", "click here", "follow us",
    "please let us know if you", "image copyright", "image caption", "media playback", "photo:", "photo by",
    "photograph:", "file photo", "(ap photo", "skip to", "sign in", "log in", "login", "menu", "home",
    "copyright", "©", "all rights reserved", "this material may not be published", "loading", "watch:",
    "video:", "listen to this article", "recommended", "most popular", "trending", "email this",
    "print this", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "add to", "next article",
    "previous article", "next story", "previous story", "more from", "you may also like", "don't miss",
    "get the latest", "download the app", "open in app", "support our journalism", "become a member",
    "already a subscriber", "enjoy unlimited", "this article was originally published", "tags:", "topics:",
    "report an error", "editor's note:", "note to readers", "(function", "var ", "window.",
    # a comment form's login prompt, a wire's standards link, a donation or tip appeal below the story
    "you must be logged in", "our standards:", "thanks for reading", "please consider supporting",
    "do you have a story", "have a news tip", "got a news tip",
    # a newsletter's frame, a press release's end (an email saved or pasted as the article)
    "view this email in", "view in browser", "view in your browser", "view it in your browser",
    "forward this email", "you are receiving this", "you received this email", "ends. notes to editors",
    "notes to editors", "note to editors", "- ends -", "-ends-",
)
# Prefixes of ``_CLUTTER_START`` that are also words news opens a paragraph with ("Facebook removed 1.5 million
# videos …", "Home prices rose …", "Homeland Security said …", "Search for the missing hiker resumed …",
# "Comments by the mayor drew …"): such a line is clutter unless it reads as reporting (see ``_reads_as_reporting``).
_NEWS_WORD_START = (
    "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "home", "menu", "loading", "login", "cookie",
    "comment", "trending", "recommended", "search for", "add to", "more from", "posted on",
    # "Subscribers to the service will pay more from March, the company said."; "Subscribe to …" stays clutter
    "subscriber", "subscribed",
)
_CLUTTER_ANYWHERE = (
    "getty images", "receive emails", "marketing emails", "unsubscribe", "safeunsubscribe",
    "privacy policy", "terms of service", "terms of use", "cookie policy", "javascript is disabled",
    "enable javascript", "your browser does not support", "having issues with commenting",
    "notifications", "all rights reserved", "embedded from", "tweet with a location", "unable to fetch your friends",
    # consent banners and metered paywalls
    "our use of cookies", "our partners use cookies", "may not load without cookies", "already have an account?",
    "free account to continue", "limit of free articles", "support independent journalism",
)
# A newsletter sign-up form's consent notice (Constant Contact's): "By submitting this form, you are consenting to
# receive marketing emails from: <senders>, <postal address>. You can revoke your consent … SafeUnsubscribe® link …
# Emails are serviced by Constant Contact". The senders and the address make it long (57 words on a news site's
# page), past the 40 words that keep a paragraph of reporting from ``_CLUTTER_ANYWHERE``; it was summarized as a
# sentence of the story and its names read as a person ("Constant Contact") and places ("Desi", "Chicago").
_CONSENT_NOTICE = ("you are consenting to receive", "safeunsubscribe", "emails are serviced by constant contact")
_CONSENT_NOTICE_MAX_WORDS = 120
# A copyright notice run into the end of a paragraph of the story, after its last sentence: "… damaged about 200
# homes downstream. ©2026 The Associated Press. All rights reserved. This material may not be published, broadcast,
# rewritten or redistributed." The paragraph was dropped whole as clutter ("all rights reserved").
_COPYRIGHT_TAIL = re.compile(
    r"(?<=[.!?\"”’])\s+\(?(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:19|20)\d\d\b[^.]{0,80}\.\s*all rights reserved\.?"
    r"(?:\s*this material may not be [^.]{0,120}\.?)?\)?\s*$",
    re.I,
)
# "REUTERS/Mohsin Raza", "AFP/Getty Images", "(AP Photo/John Doe)": an agency credit ending a caption.
_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AP|AFP|EPA|UPI|Xinhua|Getty(?: Images)?|Shutterstock|Bloomberg|ANI|PTI)"
    r"\s*/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\)?\s*$)"
    r"|(?:\((?:Photo|Image|Credit)[^)]*\)\s*$)"
    # "Jane Roe / City Fire Department via Reuters": a handout's credit.
    r"|(?:/\s*[A-Z][^/]{1,60}\bvia\s+(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|UPI)\s*$)",
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_DATE_WORDS = set(_MONTHS) | set(_WEEKDAYS.split()) | {
    "updated", "published", "posted", "last", "am", "pm", "a.m", "p.m", "est", "edt", "gmt", "utc", "pkt",
    "ist", "bst", "cet", "pst", "pdt", "on", "at", "of", "th", "st", "nd", "rd", "today", "modified",
}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.]*|\d+")
# "By Jane Doe", "By Coastline Wire staff | Updated 7:15 a.m.", "Posted on March 10, 2026 by Tom Achebe"
_BYLINE = re.compile(r"^(?:by|written by|reporting by|posted by)\s+[A-Z][\w.'’-]*(?:\s+\S+){0,10}$", re.I)
_FINAL = tuple('.!?…"”’\')]:;')
_QUOTE_FOLD = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))
# A body paragraph with no final punctuation is rare; a line this long is kept regardless.
_LONG_LINE_WORDS = 30
# Short lines that recur across articles of a cluster are site furniture, not reporting.
_REPEATED_MAX_WORDS = 15
# A summary's point that reads as a sentence (four words, as a paragraph of the body): "About 300 homes were
# evacuated", not "Schools shut".
_POINT_MIN_WORDS = 4
_EDGE_HEAD, _EDGE_TAIL = 5, 8


def normalise_text(text: str) -> str:
    """Mojibake repaired where certain (``textrepair``), Unicode NFC, unified newlines, no control characters
    except newline and tab, no-break spaces made plain."""
    # before the no-break spaces go: "Ã\xa0" is "à" read as Windows-1252, "Ã " is nothing
    text = unicodedata.normalize("NFC", repair_mojibake(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    # Look each distinct character up once (a per-character scan was the slowest step of cleaning), and
    # only the ones outside printable ASCII, which has no control character but newline and tab; a regex
    # finds those in one C pass (``set(text)`` builds a string per character).
    odd = set(_NOT_PLAIN_ASCII.findall(text))
    drop = {ord(c): None for c in odd if unicodedata.category(c)[0] == "C"}
    return text.translate(drop) if drop else text


_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e\n\t]")


def _key(line: str) -> str:
    """The line lower-cased, quotes folded, whitespace collapsed: what clutter lists are matched against."""
    return " ".join(_fold(line).split())


def _fold(line: str) -> str:
    """The line lower-cased, quotes folded: the key of a line whose whitespace is already collapsed
    (as ``rejoin_lines`` leaves every line), without splitting and re-joining it."""
    line = line.lower()
    if not line.isascii():  # str.replace scans in C; translate() with a dict was 100 µs a paragraph
        for curly, plain in _QUOTE_FOLD:
            line = line.replace(curly, plain)
    return line


def is_date_banner(line: str) -> bool:
    """True for a line that is only a date or time ("Tuesday September 26, 2023", "Updated 10:30 GMT")."""
    low = line.lower()
    # A banner is all date words and numbers, so a line whose first token is neither is not one: one
    # regex step instead of eleven for nearly every line of prose.
    first = _TOKEN.search(low)
    if first is None or not (first.group().isdigit() or first.group().rstrip(".") in _DATE_WORDS):
        return False
    # Eleven tokens are enough to say no: a paragraph of prose is not tokenised whole.
    tokens = [m.group() for m in islice(_TOKEN.finditer(low), 11)]
    if not tokens or len(tokens) > 10:
        return False
    has_date = any(t.rstrip(".") in _MONTHS or (t.isdigit() and len(t) == 4) for t in tokens)
    rest = [t for t in tokens if not t.isdigit() and t.rstrip(".") not in _DATE_WORDS]
    return has_date and not rest


def is_clutter(line: str) -> bool:
    """Clutter judged from the line alone."""
    return _is_clutter(line, _key(line))


def _is_clutter(line: str, key: str) -> bool:
    if not key:
        return True
    if (
        key.startswith(_CLUTTER_START)
        and (not has_words(key, 25) or key.startswith(("©", "copyright")))
        and not (key.startswith(_NEWS_WORD_START) and _reads_as_reporting(line))
    ):
        return True
    # map() over the bound ``in`` test: the same scans as a generator expression, without its frames
    if any(map(key.__contains__, _CLUTTER_ANYWHERE)) and not has_words(key, 40):
        return True
    if any(map(key.__contains__, _CONSENT_NOTICE)) and not has_words(key, _CONSENT_NOTICE_MAX_WORDS):
        return True
    stripped = line.strip()
    if _credit(stripped) or _BYLINE.match(stripped) or _AGO.match(key) or _labelled_stamp(stripped, key):
        return True
    if (line.count(" | ") >= 2 or line.count("|") >= 3) and not _prose_with_bars(line):  # "Home | News | Sport": a menu
        return True
    return is_date_banner(line)


def _prose_with_bars(line: str) -> bool:
    """A paragraph of the story with a few bars in it, no menu: forty words or more, in sentences. A name's card run
    into a sentence ("… Ed Markey Overnight Energy: Senators introduce carbon tax bill | House panel …") has bars;
    the processed Multi-News release writes them "&#124;" (which hid them), and holds each article on one line."""
    return has_words(line, 40) and _reads_as_sentences(line)


def _reads_as_reporting(line: str) -> bool:
    """A sentence of reporting rather than a menu, a button or a share bar: six words or more, closed by a
    stop, a third of them lower-case ("Facebook Twitter Email Print" is not). Not in the processed Multi-News
    release (the scorer's training text), told by its spaced quotation marks ('banning " prominent'): there
    the rule stays as it was, so the training text is cleaned as the shipped model saw it."""
    words = line.split()
    if len(words) < 6 or not line.rstrip().rstrip("\"”’')").endswith((".", "!", "?")) or ' " ' in line:
        return False
    return sum(w[:1].islower() for w in words) >= len(words) // 3


def _credit(stripped: str) -> bool:
    """A credit ends the line with "Agency/Name" or "(Photo ...)": without a slash or a closing
    parenthesis there is none, and the regex (tried at every offset of a long paragraph) is skipped."""
    return ("/" in stripped or stripped.endswith(")")) and bool(_CREDIT.search(stripped))


def _is_credit(line: str, key: str) -> bool:
    return _credit(line.strip()) or key.startswith(("photo:", "photo by", "photograph:", "(photo"))


# A paragraph that opens on a quotation and then names its speaker: '"It is not safe," said the mayor.'
_QUOTED_SPEECH = re.compile(
    r"^[\"“][^\"“”]{8,}[,?!.]?[\"”],?\s+(?:[A-Z][\w.'’-]*\s+){0,4}?"
    rf"(?:{alternation(SPEAKER_VERBS | {'warned'})})\b",
    re.I,
)
_CREDIT_LABEL = re.compile(r"^\(?(?:photo(?:graph)?|image|picture)(?:\s+by)?\s*:?\s*", re.I)
_CAPTION_SENTENCE = re.compile(r"^(.+?[.!?])\s+\S")


# The time a live blog stamps on an entry, before a dash and the entry's capital: "08:02 - ", "9.45am – ",
# "14:10 GMT — " (not "2.50 - 3.00 euros", "1.20 - the score"); labelled too, as a page stamps an update run into its
# text: "Updated 10:42 am - Fire crews arrived …", "Last updated at 9.45pm GMT — …" (taken for the headline, stamp and
# all, or kept in the sentence).
_LIVE_STAMP = re.compile(
    r"^(?:(?:last |first )?(?:updated|published|posted|modified|edited)(?: on| at)?:?\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?-i:[A-Z]{2,4}\s*)?[-–—]\s+(?-i:(?=[A-Z\"\u201c\u2018']))", re.I
)


def _own_caption(line: str) -> bool:
    """A credit line that is a caption too: a sentence of four words or more before the credit."""
    m = _CAPTION_SENTENCE.match(_CREDIT_LABEL.sub("", line.strip(), count=1))
    return m is not None and has_words(m.group(1), 4)


# A comment's buttons, on a line of their own below its text: "Reply", "Like · Reply", "Reply ↓", "Report abuse".
_COMMENT_ACTION = re.compile(r"^(?:like\s*[·|•]?\s*)?reply(?:\s*[·|•]?\s*report)?\s*↓?$|^report (?:abuse|comment)$")
# A comment's time stamp in words: "2 hours ago".
_AGO = re.compile(r"^(?:an?|\d+) (?:second|minute|hour|day|week|month|year)s? ago$")
# A page's time stamp on a line of its own, labelled: "Updated 5 hours ago", "Last updated: 2 mins ago", "Published
# 3 hours ago.", "Updated 10:42 AM EST", "Posted at 9.45pm GMT, 3 March 2025".
# No headline, and no sentence of the story.
_STAMP_LABEL = re.compile(
    r"^(?:last |first )?(?:updated|published|posted|modified|edited)(?: on| at)?:? "
    r"(?:(?:an?|\d+) (?:second|sec|minute|min|hour|hr|day|week|month|year)s? ago|just now)\.?$"
)
_STAMP_TAIL = re.compile(r"\s*(?:[A-Z]{2,4}\b\.?)?\s*(?:[,;|–—-]\s*)?(.*)$")


def _labelled_stamp(line: str, key: str) -> bool:
    """Is ``line`` (``key`` its key) a labelled time stamp (``_STAMP_LABEL``), by the clock or in words?"""
    if not key.startswith(("updated", "published", "posted", "modified", "edited", "last ", "first ")):
        return False
    if _STAMP_LABEL.match(key):
        return True
    if key.startswith(("last ", "first ")):
        line = line.split(None, 1)[-1]
    label = clock_label(line)  # the line opens on a stamp's word, so the clock is labelled ("Updated 10:42")
    if label is None:
        return False
    rest = _STAMP_TAIL.match(line, label[1])
    tail = "" if rest is None else rest.group(1).rstrip(".").strip()
    return not tail or is_date_banner(tail)


# A comment's text lies between its time stamp and its buttons: two paragraphs at most (a story below a date line
# and over a stray "Reply" has more).
_COMMENT_MAX_LINES = _COMMENT_MAX_PARAGRAPHS = 2
# A commenter's name above the stamp: "riverfan99", "J. Smith", "Mary from Riverton".
_AUTHOR_NAME_WORDS = 4


def _caption_of(above: str, credit: str) -> bool:
    """Is ``above``, the paragraph right above the photo credit ``credit``, that photo's caption? A caption is
    short and says what the photo shows; a story's short lead above a photo that has no caption of its own
    reads as reporting instead (``_reads_as_report``). Not when the credit line carries its own caption."""
    return (
        count_words(above) < _LONG_LINE_WORDS and not _own_caption(credit) and not _QUOTED_SPEECH.match(above)
        and not _reads_as_report(above)
    )


# What a caption does not do: credit a source for what it says ("…, officials said", "according to police"), or
# speak of what has happened, will or might happen ("have been told to leave", "will stay closed"); a caption
# says what the photo shows, as it is seen or was taken.
_REPORTING = re.compile(
    rf"\b(?:{alternation(DATED_SPEECH | {'says', 'according to'})}"
    r"|will|would|could|might|has|have|had|won't|wouldn't|hasn't|haven't|hadn't)\b",
    re.I,
)


def _reads_as_report(paragraph: str) -> bool:
    """A paragraph of a story rather than a caption: it opens on a wire dateline ("RIVERTON —", "LONDON
    (Reuters) -"), which only a story's first paragraph carries, or it reports (``_REPORTING``)."""
    return trim_dateline(paragraph, 0, len(paragraph)) > 0 or _REPORTING.search(paragraph) is not None


def _ends_sentence(line: str) -> bool:
    r"""Does the line end like a sentence: a stop, then any closing quotes or brackets, or a closing
    quote alone (trailing whitespace aside)? The same as searching for
    ``[.!?…]["”’')\]]*\s*$|["”’]\s*$``, but a pattern that must reach the end of the line is tried at
    every offset of a paragraph, while stripping the tail is a few C calls."""
    tail = line.rstrip()
    return tail.endswith(_CLOSING_QUOTES) or tail.rstrip(_CLOSERS).endswith(_STOPS)


_STOPS = (".", "!", "?", "…", *SCRIPT_STOPS)  # and the stops of scripts that end sentences otherwise: "।", "։", "။"…
_CLOSERS = "\"”’')]"
_CLOSING_QUOTES = ('"', "”", "’")


def _continues(line: str, nxt: str, words_before: int = 0) -> bool:
    """Does ``nxt`` carry on the sentence that ``line`` leaves open? ``line`` may be the last run of a paragraph
    that has ``words_before`` words before it (a paragraph's words do not cross the space that joins its runs)."""
    if bullet_item(nxt, point=True) is not None:  # a list item starts a line of its own
        return False
    first = nxt.lstrip()[:1]
    if not first:
        return False
    if line.rstrip().endswith(_OPEN_QUOTE_ENDS) and first.isalpha():
        # '"… let the water out,"' / 'said Mira Castellan, …': a quotation closed on a comma waits for its
        # speaker; the closing mark is no sentence end.
        return True
    if _ends_sentence(line):
        return False
    if not words_before and not has_words(line, _LABEL_MAX_WORDS + 1) and is_clutter(line):
        # A menu's label that ends on a particle ("Log in", "Skip to") is no sentence left open: it took the
        # headline below it ("Log in Landslide: drivers describe …"), and both went as clutter.
        return False
    if first.islower():
        return True
    # "…said the president of the" / "…in the" then "United States…": a line ending in a function word
    # or a comma is open even when the next line starts with a capital.
    last = line.rstrip().split()[-1].lower() if line.split() else ""
    if last in _SPEECH_ENDS:
        # '"…was in prison being tortured," he said' / 'As soon as Romney wrapped up, …', 'Family supports
        # police' (a sub-heading), '"We will come," she said.': a paragraph that lost its stop after its
        # attribution, not a sentence broken before a capitalised word.
        return False
    return (
        line.rstrip().endswith((",", "-", "–", "—")) and has_words(line, _OPEN_COMMA_WORDS - words_before)
        or last in _OPEN_WORDS
    )


_OPEN_COMMA_WORDS = 8  # a paragraph this long that ends on a comma or a dash goes on
_LABEL_MAX_WORDS = 4  # a line of web furniture this short is a label, which opens no sentence


_OPEN_QUOTE_ENDS = (',"', ",”", ",’", ",'")
_OPEN_WORDS = {
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "but", "for", "with", "by", "from", "that",
    "as", "at", "his", "her", "their", "its", "is", "was", "were", "are", "said", "says",
}
_SPEECH_ENDS = frozenset({"said", "says"})  # open before a lower-case line only (see ``_continues``)


def _headline_case(line: str) -> bool:
    """Most longer words capitalised: a headline or a menu, not a wrapped line of prose."""
    long_words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _wrapped(line: str, nxt: str, width: int = 0) -> bool:
    """Hard-wrapped prose: ``line`` stops mid-sentence and ``nxt`` follows with no blank line between. In a text
    wrapped at ``width`` (``wrap_width``), a line that ends a sentence is wrapped too when the first word of
    ``nxt`` would not have fitted on it (a paragraph's last line stops short of the width), unless ``nxt`` opens
    as a paragraph does (``_opens_paragraph``): a paragraph that ends at the full width is no wrap."""
    return (
        (
            not _ends_sentence(line)
            or (width > 0 and len(line) + 1 + _first_word(nxt) > width and not _opens_paragraph(nxt))
        )
        and bullet_item(nxt, point=True) is None
        and len(line) >= _WRAP_MIN_CHARS
        and not _headline_case(line)
        and not is_clutter(line)
        and not is_clutter(nxt)
    )


def _opens_paragraph(line: str) -> bool:
    """Does ``line`` open as a paragraph does, and not as a sentence that a wrap put at a line's start may: a wire
    dateline ("LINDENFELD, March 3 (Wire) — ") or a numbered list's marker ("2. The council …"). A capital after
    a full stop is no such sign, nor is a quotation mark before it: the dev sets' articles wrapped at 70 columns
    with no blank line between paragraphs put a quotation that opens a paragraph at a full line's end 39 times,
    and one that goes on in the same paragraph (the speaker's next sentence) 36 times."""
    return _NUMBERED.match(line) is not None or trim_dateline(line, 0, len(line)) > 0


_NUMBERED = re.compile(r"\d{1,2}[.)]\s+[\"“‘]?[A-Z]")
_WRAP_MIN_CHARS = 40
# A text is hard-wrapped when at least this many of its lines are followed by another (no blank line between),
# the longest of most of them (``_WRAP_QUANTILE``) is at most ``_WRAP_MAX_WIDTH`` characters, and at least
# ``_WRAP_FULL_SHARE`` of them are full: the next line's first word would not have fitted. Lines of a scraped
# page (a paragraph each) are of every length, and few are full.
_WRAP_MIN_LINES = 4
_WRAP_MAX_WIDTH = 120
_WRAP_QUANTILE = 0.9
_WRAP_FULL_SHARE = 0.6
_WRAP_SAMPLE = 400  # lines followed by another that the profile reads


def _has_text(line: str) -> bool:
    return bool(line) and not line.isspace()


def _first_word(line: str) -> int:
    """The length of the line's first word, without splitting the line."""
    m = _FIRST_WORD.match(line)
    return len(m.group(1)) if m else 0


_FIRST_WORD = re.compile(r"\s*(\S*)")


def wrap_width(lines: Sequence[str]) -> int:
    """The width at which ``lines`` were hard-wrapped (a file saved from an e-mail, a terminal or a PDF, at ~70
    columns), or 0 when they do not read as hard-wrapped. Read from the lines' profile: the lines that another
    follows end near one width, because the wrap broke them where the next word would not fit."""
    pairs = islice(((a, b) for a, b in pairwise(lines) if _has_text(a) and _has_text(b)), _WRAP_SAMPLE)
    inner = [(len(a.rstrip()), _first_word(b)) for a, b in pairs]
    if len(inner) < _WRAP_MIN_LINES:
        return 0
    lengths = sorted(n for n, _ in inner)
    width = lengths[min(len(lengths) - 1, int(_WRAP_QUANTILE * len(lengths)))]
    if width > _WRAP_MAX_WIDTH:
        return 0
    full = sum(n + 1 + word > width for n, word in inner)
    return width if full >= _WRAP_FULL_SHARE * len(inner) else 0


_BROKEN_WORD = re.compile(r"(?:^|\s)([^\W\d_]+)-$")  # a line ending inside a word: "on Wednes-"
_WORD_START = re.compile(r"[^\W\d_A-Z]+(?=[\s.,;:!?’'\")-]|$)")  # its lower-case rest: "day", "year" of "year-old"
_WORDS = re.compile(r"[^\W\d_]+")
_FULL_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def known_word(word: str) -> bool:
    """Is the lower-case ``word`` an English word of news prose, written whole? Told by its stem: one of the
    19,000 that the shipped scorer's term lexicon holds (every content word seen in a few training clusters'
    articles: "overnight", "information", "nonprofit"; no "wellknown", "longterm" or "xray"), the one list of
    English words the package ships. False when the model file is missing or unreadable."""
    stems = _lexicon_stems()
    if not stems:
        return False
    return stem(word) in stems


@lru_cache(maxsize=1)
def _lexicon_stems() -> frozenset[str]:
    path = resources.files("storyline") / "data" / "models" / "default-scorer.json"
    try:
        with path.open("rb") as fh:
            terms = json.load(fh).get("lexicon", {}).get("terms", {})
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset(terms) if isinstance(terms, dict) else frozenset()


# whitespace inside a stripped line that ``" ".join(line.split())`` changes: any but a single space
_ODD_SPACE = re.compile(r"[^\S ]|  ")


_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")  # "well-known" written within a line


class Spellings:
    """How the texts of a cluster write their words, read when a word is first found broken at a line's end:
    whole ("spillway") or hyphenated within a line ("well-known"). The evidence for joining "spill-" / "way"
    that a lexicon of stems lacks: the other articles of the story often write the word."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._whole: set[str] | None = None
        self._hyphenated: set[str] | None = None

    def whole(self) -> set[str]:
        if self._whole is None:
            self._whole = set(_WORDS.findall("\n".join(self._texts).lower()))
        return self._whole

    def hyphenated(self) -> set[str]:
        if self._hyphenated is None:
            self._hyphenated = set(_HYPHENATED.findall("\n".join(self._texts).lower()))
        return self._hyphenated


def _join_broken_word(head: str, tail: str, own: Spellings, cluster: Spellings) -> bool:
    """Is "head-" / "tail", a word broken at a line's end, one word written whole? Yes when its text writes it
    whole elsewhere; no when a text of the cluster writes it with its hyphen ("well-known"); yes when another
    text writes it whole ("spillway"), it is a day or month, or the scorer's lexicon knows it ("overnight");
    else the hyphen stays (a compound: "well-" / "known")."""
    whole = f"{head}{tail}".lower()
    if whole in own.whole():
        return True
    if f"{head}-{tail}".lower() in cluster.hyphenated():
        return False
    return whole in cluster.whole() or whole in _FULL_DATE_WORDS or known_word(whole)


def rejoin_lines(lines: Sequence[str], cluster: Spellings | None = None) -> list[str]:
    """Join lines broken inside a sentence: hard-wrapped paragraphs, and sentences broken across a blank
    line (the second half starts in lower case, or the first ends on a comma or a function word). ``cluster``
    is how the other texts of the cluster spell their words (this text alone when not given)."""
    out: list[str] = []
    # The paragraph being built, as the runs of text it joins with a space: every test of whether the next line
    # goes on reads the paragraph's end (its last run) and the words before it, so that joining a line costs
    # the line, not the paragraph (a 1 MB log of 10,000 lines without a stop, one paragraph, took 3 minutes).
    runs: list[str] = []
    words_before = 0  # the words of ``runs[:-1]``, counted up to ``_OPEN_COMMA_WORDS``
    last_physical = ""
    blank_since = False
    # The last line read was no prose by itself (``runs_on``): a minified script or a log line saved with the story
    # is a paragraph of its own, dropped as such, never the start of the story's first paragraph (which ended
    # on "and", it took the story with it, and both were dropped as no prose) nor the end of one.
    alone = False
    own = Spellings(lines)
    cluster = cluster or own
    width = wrap_width(lines)
    for raw in lines:
        # whitespace collapsed; a line with none to collapse is kept as it is (splitting a 20 MB line into its
        # words held 200 MB)
        line = raw.strip()
        if _ODD_SPACE.search(line):
            line = " ".join(line.split())
        if not line:
            blank_since = True
            continue
        was_alone, alone = alone, runs_on(line)
        if runs and not (was_alone or alone) and (
            _continues(runs[-1], line, words_before)
            # an indented line opens a paragraph of a wrapped text
            or (not blank_since and _wrapped(last_physical, line, 0 if raw[:1].isspace() else width))
        ):
            tail = runs[-1]
            broken = _BROKEN_WORD.search(tail) if tail.endswith("-") else None
            rest = _WORD_START.match(line) if broken else None
            if broken and rest and rest.group()[0].islower():
                # "Wednes-" / "day": one word broken at the line's end (print and PDF text). The hyphen goes
                # when the word is written whole (``_join_broken_word``); else it stays, with no space.
                joined = _join_broken_word(broken.group(1), rest.group(), own, cluster)
                runs[-1] = f"{tail[:-1] if joined else tail}{line}"
            else:
                if words_before < _OPEN_COMMA_WORDS:
                    words_before += count_words(tail)
                runs.append(line)
        else:
            if runs:
                out.append(" ".join(runs))
            runs = [line]
            words_before = 0
        last_physical = line
        blank_since = False
    if runs:
        out.append(" ".join(runs))
    return out


# What may follow an entry's clock label on its line: a time zone ("ET", "GMT"), then nothing, or a dash or a colon
# before the entry's text ("10:42 am - The fire …"). Prose that opens on a time ("10:42 am was when …") is no stamp.
_STAMP_REST = re.compile(r"\s*(?:[A-Z]{2,4}\b\.?)?\s*(?:$|[-–—:|]\s+\S)")
# A live blog has this many entries at least (as ``htmlpage``'s): two in either order say nothing.
_MIN_ENTRIES = 3


def oldest_first(lines: list[str]) -> list[str]:
    """A plain-text live blog's lines with its entries turned to the order they were written, as ``htmlpage``
    turns an HTML page's. An entry starts at a line that opens on a clock label ("10:42 am", "Updated 3:15 p.m.
    ET", alone or before a dash and the entry's text) and runs to the next; the entries are turned only when
    there are three or more and each stamp is strictly earlier than the one above it (newest first): a tie, a
    stamp out of order or a day that passes midnight leaves the text as it is. The lines above the first entry
    (a headline, the blog's summary) stay first."""
    starts: list[int] = []
    minutes: list[int] = []
    for i, line in enumerate(lines):
        label = clock_label(line) if line[:1].isdigit() or line[:1] in "UuPp" else None
        if label is not None and _STAMP_REST.match(line, label[1]):
            starts.append(i)
            minutes.append(label[0])
    if len(starts) < _MIN_ENTRIES or any(a <= b for a, b in pairwise(minutes)):
        return lines
    bounds = [*starts, len(lines)]
    entries = [lines[a:b] for a, b in pairwise(bounds)]
    return lines[: starts[0]] + [line for entry in reversed(entries) for line in entry]


# A paragraph that runs this many characters without a sentence end is no prose: a minified page, a log or a data
# file saved as text, run into one paragraph. The segmenter reads a paragraph in windows of this size
# (``segment._WINDOW``) and cuts such a run into "sentences" of a window each, which no summary can take: a 20 MB
# file without a stop took 12 s and 600 MB to give an empty summary. It is dropped before anything else reads it.
MAX_RUN_CHARS = 100_000
_SENTENCE_END = re.compile(rf"[.!?…{SCRIPT_STOPS}][\"”’')\]]*(?=\s|$)")


def runs_on(text: str) -> bool:
    """Does ``text`` run ``MAX_RUN_CHARS`` characters or more without a sentence end (a stop before a space or
    its end; a line break ends nothing)?"""
    if len(text) < MAX_RUN_CHARS:
        return False
    last = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() - last >= MAX_RUN_CHARS:
            return True
        last = m.end()
    return len(text) - last >= MAX_RUN_CHARS


def _is_body(line: str) -> bool:
    """A paragraph of reporting: ends like a sentence, or is long enough to be prose anyway."""
    if _ends_sentence(line):  # then four words are enough (and thirty are not counted)
        return has_words(line, 4)
    return has_words(line, _LONG_LINE_WORDS)


# A headline of two or three words ("Storm hits coast", "Ferry halted") is as short as a page's label ("Most read",
# "Skip to content", "Local news"), which a headline of four words or more is not: it is the title only as the
# text's first line, set apart by a blank line from the story's first paragraph, when that paragraph says all of
# its words but one, and one of them no label's word (a label's words are not the story's: "Local news" above
# "Local officials said …" is no headline).
_SHORT_TITLE_WORDS = (2, 3)
_FIRST_LINE_APART = re.compile(r"\s*([^\n]+)\n[ \t]*\n")
_WORD = re.compile(rf"[^\W\d_][\w{MARKS}'’-]*")  # a title's word, with its combining marks as ``count_words`` reads it
_LABEL_WORDS = frozenset(
    "news live video videos photo photos gallery story stories read more latest top most related share print watch "
    "listen comment comments sign skip content article articles menu home search advertisement opinion politics world "
    "local sport sports business breaking follow subscribe newsletter view viewed shared popular trending".split()
)


def _short_headline(line: str, text: str, lead: str) -> bool:
    """Is ``line``, of two or three words and the first line of ``text``, the headline of the story whose first
    paragraph is ``lead`` (see ``_SHORT_TITLE_WORDS``)?"""
    words = [w.lower() for w in _WORD.findall(line)]
    if len(words) not in _SHORT_TITLE_WORDS or count_words(line) != len(words):
        return False
    m = _FIRST_LINE_APART.match(text)
    if m is None or " ".join(m.group(1).split()) != line:
        return False
    if text[m.end() : m.end() + 200].split()[:3] != lead.split()[:3]:  # the story's first paragraph comes next
        return False
    said = {stem(w.lower()) for w in _WORD.findall(lead)}
    found = [w for w in words if stem(w) in said]
    return len(found) >= len(words) - 1 and any(w not in _LABEL_WORDS for w in found)


def _reads_as_sentences(line: str) -> bool:
    """Does a line that does not end as a sentence read as prose all the same: a sentence of four words or more
    closed by a stop, then three words or more, a third of all its words in lower case, and not in headline case?
    Text pasted without its last full stop ("The bridge closed on Monday after a barge struck a pier. Repairs will
    take weeks, engineers said") is so; a headline with "U.S." or "Mr." in it is not. Asked only when nothing
    else of the text is body (``_clean_normalised``): such a line is read as the article, not its headline."""
    words = line.split()
    if len(words) < 7 or _headline_case(line) or sum(w[:1].islower() for w in words) < len(words) // 3:
        return False
    return any(has_words(line[: m.start()], 4) and has_words(line[m.end():], 3) for m in _SENTENCE_END.finditer(line))


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str
    dropped: tuple[str, ...]
    # the outlet's corrections and clarifications, out of the story's text (``pageparts.split_correction``)
    corrections: tuple[str, ...] = ()
    # paragraphs dropped as no prose (``runs_on``), told beside the summary (``notes``) when the rest is kept
    no_prose: int = 0
    # the text turns to another page of its story that it does not hold ("Continue reading on page 2")
    paged: bool = False


def clean_text(text: str, *, boilerplate: Iterable[str] = (), want_title: bool = True) -> Cleaned:
    """Clean one article's text. ``boilerplate`` are normalised lines known to be site furniture."""
    return _clean_normalised(normalise_text(text), set(boilerplate), want_title)


def _clean_normalised(
    text: str, furniture: set[str] | frozenset[str], want_title: bool, spellings: Spellings | None = None
) -> Cleaned:
    lines = oldest_first(rejoin_lines(text.split("\n"), spellings))
    kept: list[str] = []
    dropped: list[str] = []
    lines_seen: list[str] = []
    title = ""
    shared_title = ""  # a headline every copy of a wire story carries: the title when no other line is
    in_highlights = False  # below a "Story highlights" label, until the story's first paragraph
    in_points = False  # below a "Key points:" label, while its list goes on
    stamp: tuple[int, int] | None = None  # where the latest time stamp line was: (lines seen, paragraphs kept)
    corrections: list[str] = []
    release = reads_as_release(text)  # the scorer's training text: its notes and corrections stay in it
    no_prose = 0
    turns: list[str] = []  # the lines that turn to another page of the story
    unended: list[str] = []  # the lines neither clutter nor body (``_is_body``): headline candidates
    # how often each line is printed: a printout's running head ("TESSEL VALLEY TIMES  Thursday, 21 May 2026", text
    # copied from a PDF) is printed on every page, and is no headline (counted when a headline is first looked for)
    counts: Counter[str] | None = None
    short_title = ""  # a first line of two or three words, the title if the story says its words
    for line in lines:
        if runs_on(line):  # no prose (``MAX_RUN_CHARS``)
            dropped.append(line)
            no_prose += 1
            continue
        if is_page_turn(line):  # "Continue reading on page 2": the page's, and a sign the story goes on elsewhere
            dropped.append(line)
            lines_seen.append(line)
            turns.append(line)
            continue
        correction = None if release else split_correction(line)
        if correction is not None:  # told beside the summary, not summarized as the story's own sentence
            note, rest = correction
            corrections += [note] if note else []
            dropped.append(line[: len(line) - len(rest)].strip())
            if not rest:
                continue
            line = rest
        if in_highlights and is_highlight_point(line):
            dropped.append(line)
            continue
        in_highlights = is_highlights(line)
        point = in_points and bullet_item(line, point=True) is not None
        in_points = point or is_points_label(line)
        if in_points and not point:  # the label: no content of its own, and no headline
            dropped.append(line)
            lines_seen.append(line)
            continue
        if (prose := report_before_credit(line)) is not None:
            dropped.append(line[len(prose) :].strip())  # a photo's credit closing a paragraph of the story
            line = prose
        if not release and "ights" in line and (m := _COPYRIGHT_TAIL.search(line)) is not None:
            dropped.append(m.group().strip())  # a wire's notice run into the story's last paragraph: the notice goes
            line = line[: m.start()]
        key = _fold(line)  # ``rejoin_lines`` collapsed the whitespace already
        if (
            _COMMENT_ACTION.match(key) and stamp is not None and len(lines_seen) - stamp[0] <= _COMMENT_MAX_LINES
            and len(kept) - stamp[1] <= _COMMENT_MAX_PARAGRAPHS
        ):
            # A reader's comment: its author, its time stamp, its text, then "Reply". The text goes too.
            dropped.extend(kept[stamp[1]:])
            del kept[stamp[1]:]
            stamp = None
            dropped.append(line)
            lines_seen.append(line)
            continue
        clutter = _is_clutter(line, key)
        if clutter and lines_seen and count_words(lines_seen[-1]) <= _AUTHOR_NAME_WORDS and (
            _AGO.match(key) or is_date_banner(line)
        ):
            stamp = (len(lines_seen) + 1, len(kept))  # under its author's name: a comment's time stamp
        if (
            not clutter and key in furniture and want_title and not title and not shared_title and not kept
            and count_words(line) >= 4 and not _ends_sentence(line)
        ):
            shared_title = line  # dropped from the body like any repeated line, but kept as a title
        if clutter or key in furniture:
            # A caption sits right above its photo credit: "The ship is seen ... on Sunday." / "Photo: X/Y".
            # Not when the credit line carries its own caption ("Photo: Firefighters at the hall. (Name)"),
            # nor above a credit for a photo without one, when the paragraph is a quotation with its speaker
            # ('"It is not safe," the mayor said.') or reads as the story's lead ("RIVERTON — About 3,000 people
            # were told to leave …", "…, officials said."): a caption describes the photo, it does not report.
            if kept and kept[-1] is lines_seen[-1] and _is_credit(line, key) and _caption_of(kept[-1], line):
                dropped.append(kept.pop())
            dropped.append(line)
            lines_seen.append(line)
            continue
        lines_seen.append(line)
        # Captions, teaser cards, embeds and promos are written in sentences, so they pass the tests
        # above; their shapes are in ``pageparts``. A teaser's cut-off tail goes, its paragraph stays.
        trimmed = trim_teaser(cut_inline_parts(drop_furniture_sentences(line, notices=not release)))
        if not trimmed or is_page_part(trimmed):
            dropped.append(line)
            continue
        line = _LIVE_STAMP.sub("", trimmed, count=1)  # "08:02 - A fire destroyed …": a live blog's entry time
        if len(line) < len(trimmed) and not _ends_sentence(line) and has_words(line, _POINT_MIN_WORDS):
            line = f"{line}."  # "Updated 10:42 am - Fire crews arrived": an entry's news, no headline (none is stamped)
        line = cut_points_label(line)  # "Key points: About 300 people …": the label run into its first point
        item = bullet_item(line, point=point)
        if item is not None:  # "- About 300 homes were evacuated": the item reads without its marker, and a
            # summary's point as the sentence it is, closed by a stop
            line = f"{item}." if point and not _ends_sentence(item) and has_words(item, _POINT_MIN_WORDS) else item
        lines_seen[-1] = line
        if _is_body(line):
            kept.append(line)
            continue
        # A short unpunctuated line before the body: the headline if it looks like one, else a menu,
        # a caption or a byline.
        unended.append(line)
        if want_title and not title and not kept and count_words(line) >= 4:
            counts = counts if counts is not None else Counter(lines)  # once, not a pass over the text a line
            if counts[line] > 1:  # printed again on each page, a printout's running head is no headline
                dropped.append(line)
            else:
                title = line
        else:
            if want_title and not title and not kept and len(lines_seen) == 1 and not dropped:
                short_title = line  # the text's first line: a short headline? (``_short_headline``, once read)
            dropped.append(line)
    if short_title and not title and kept and _short_headline(short_title, text, kept[0]):
        title = short_title
        dropped.remove(short_title)
    told = [] if kept or release else [line for line in unended if _reads_as_sentences(line)]
    if told:  # no body else: the unended lines that read as sentences are the article, not its headline
        kept = told
        title = "" if title in told else title
        read = set(told)  # (a search of the list for each dropped line took 5 s on 32,000 lines)
        dropped = [line for line in dropped if line not in read]
    if not release:
        pulled = _pull_quotes(kept)
        if pulled:
            dropped.extend(kept[k] for k in sorted(pulled))
            kept = [line for k, line in enumerate(kept) if k not in pulled]
    title = title or shared_title
    body = "\n\n".join(kept)
    if body and is_archive_note(body):  # the page kept a web archive's note instead of the story
        return Cleaned(text="", title="", dropped=tuple(dropped + kept))
    return Cleaned(text=body, title=title, dropped=tuple(dropped), corrections=tuple(corrections), no_prose=no_prose,
                   paged=bool(turns) and pages_missing(turns))


# A quotation between straight or curly double quotes, and a paragraph that is one quotation and nothing else.
_QUOTATION = re.compile(r"[\"“]([^\"“”]{20,}?)[\"”]")
_WHOLE_QUOTATION = re.compile(r"^[\"“]([^\"“”]{20,})[\"”]$")
_QUOTE_EDGE = " .,;:!?…—–-"


def _quoted_key(text: str) -> str:
    return " ".join(text.split()).strip(_QUOTE_EDGE).casefold()


def _pull_quotes(paragraphs: list[str]) -> set[int]:
    """The paragraphs that are a pull quote: one quotation alone, which a paragraph of the story quotes with its
    speaker (the page sets it in large type beside the text, and the flattened text holds it twice: '"We are
    releasing water now …," Brandt said.' and '"We are releasing water now …."'). Found by a set of the story's
    quotations, not a search of the text for each."""
    whole = {k: _quoted_key(m[1]) for k, p in enumerate(paragraphs) if (m := _WHOLE_QUOTATION.match(p.strip()))}
    if not whole:
        return set()
    quoted = {_quoted_key(m[1]) for k, p in enumerate(paragraphs) if k not in whole for m in _QUOTATION.finditer(p)}
    return {k for k, key in whole.items() if key in quoted}


def _repeated_normalised(texts: Sequence[str], min_articles: int) -> set[str]:
    if len(texts) < min_articles:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        # Furniture sits above and below the story; lines in the middle are reporting, and wire copy
        # repeated across outlets must keep them.
        lines = text.split("\n")
        # the first and last non-blank lines, without testing every line in between
        head = islice((ln for ln in lines if ln.strip()), _EDGE_HEAD)
        tail = islice((ln for ln in reversed(lines) if ln.strip()), _EDGE_TAIL)
        keys = {_key(ln) for ln in chain(head, tail)}
        counts.update(k for k in keys if k and not has_words(k, _REPEATED_MAX_WORDS + 1))
    return {k for k, n in counts.items() if n >= min_articles}


def _title_key(text: str) -> str:
    return _fold(" ".join(text.split())).strip(" \"'").rstrip(".!?:;…").strip(" \"'")


def without_title(body: str, title: str) -> str:
    """``body`` without its first paragraph when that paragraph is the known ``title`` again (its case and
    closing stop aside): NeuS's documents open with their headline, written with a full stop ("Sanders sends
    Democratic establishment into panic mode."), which the selection read as the story's first sentence. A
    body that is nothing but the title keeps it."""
    if not title or not body:
        return body
    first, sep, rest = body.partition("\n\n")
    if sep and rest.strip() and _title_key(first) == _title_key(title):
        return rest
    return body


def clean_articles(articles: Sequence[Article], *, find_titles: bool = True) -> list[Article]:
    """Clean every article of a cluster; short lines repeated across articles count as clutter.

    Articles whose body is empty after cleaning are returned with empty text: the caller decides
    whether that is an error (it is for a single article, not for one of fifty in a dataset).
    """
    texts = [normalise_text(a.text) for a in articles]  # once per article, not once per use
    furniture = _repeated_normalised(texts, min_articles=max(2, min(3, len(articles))))
    spellings = Spellings(texts)  # how the cluster writes a word that one article breaks at a line's end
    out = []
    for article, text in zip(articles, texts, strict=True):
        want_title = find_titles and not article.title
        cleaned = _clean_normalised(text, furniture, want_title, spellings)
        if not cleaned.text and furniture:
            # Every line is shared with another article: a copy of it, not furniture.
            cleaned = _clean_normalised(text, set(), want_title, spellings)
        out.append(replace(
            article, text=without_title(cleaned.text, article.title), title=article.title or cleaned.title,
            corrections=article.corrections + cleaned.corrections, no_prose=article.no_prose + cleaned.no_prose,
            paged=article.paged or cleaned.paged,
        ))
    return out
