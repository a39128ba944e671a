"""The publication date a page prints near its top, for an article whose header or metadata gives none.

Cleaning drops a line that is only a date (``clean.is_date_banner``): it is not reporting. But one such
line is the article's own dateline ("June 09, 2018" under the headline), the base that "Monday" and
"last year" are resolved against. This module reads it from the raw page text as metadata, beside
cleaning (the cleaned text is left exactly as it was), and says which line it came from.

A page can show other dates up there: the site's banner with the day the page was viewed ("Tuesday
September 26, 2023" above the masthead) and the day it was updated. What tells them apart:

- position: a dateline sits below the headline, with the byline; a banner sits above it. When the
  headline is found among the lines before the body, only date lines below it count;
- wording: an "Updated" or "Modified" line gives the day of a later edit, not of publication;
- consistency: a weekday that is not the date's own weekday, or a date after today (no page was
  published after it was read), is not trusted;
- order: of the date lines left, the earliest is the publication date (a page is viewed and updated
  on or after the day it appeared).

Nothing is compared across the articles of a cluster: a story's articles may be years apart (a
follow-up), so a date later than the others' is no sign of a banner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .clean import is_clutter, is_date_banner, normalise_text
from .htmlpage import signed_line
from .ingest import doc_id_day
from .model import Article

_MONTH_NUMBERS = {m: k for k, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_NUMBERS.update({m[:3]: k for m, k in list(_MONTH_NUMBERS.items())})
_MONTH_NUMBERS["sept"] = 9
_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_FULL_DATES = (
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+(?P<y>\d{{4}})\b"),  # June 09, 2018
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+(?P<y>\d{{4}})\b"),  # 9 June 2018
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),  # 2018-06-09
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?", re.I)
_EDITED = re.compile(r"\b(?:updated|modified|edited|last)\b", re.I)
# The top of a page: the lines before the first paragraph of prose, and never more than these.
_HEAD_LINES = 10
_PROSE_WORDS = 20
# A line of the raw page, whatever its line break ("\r\n", "\r" or "\n"; blank lines are skipped anyway).
_LINE = re.compile(r"[^\r\n]+")
# What the outputs say of a date read this way, beside it.
READ_FROM_PAGE = "read from the page text"


@dataclass(frozen=True, slots=True)
class PageDate:
    """A publication date read from the page text: the ISO date and the line it was read from."""

    date: str
    line: str


def page_date(text: str, title: str = "", *, today: date | None = None) -> PageDate | None:
    """The publication date printed near the top of a page (``text`` as scraped, before cleaning),
    or None when the page shows none that can be trusted. ``title`` is the article's headline, which
    separates a banner above it from a dateline below it."""
    head = _head(text)
    wanted = " ".join(title.split()).lower()
    below = next((k + 1 for k, line in enumerate(head) if wanted and line.lower() == wanted), 0)
    limit = today or date.today()
    found = [d for line in head[below:] if (d := _dateline(line)) and d.date <= limit.isoformat()]
    return min(found, key=lambda d: d.date, default=None)


_HEAD_LINE_CHARS = 1_000


def _head(text: str) -> list[str]:
    """The page's first lines (normalised, whitespace collapsed), up to its first paragraph of prose. Read one
    line at a time, so that the rest of a long page is never normalised: normalising is line by line
    (a line break composes with nothing), and what it drops (control characters) never breaks a line."""
    lines: list[str] = []
    for m in _LINE.finditer(text):
        # a line's first characters are enough to tell a date line from prose (splitting a 20 MB line took 2 s)
        line = " ".join(normalise_text(m.group()[:_HEAD_LINE_CHARS]).split())
        if not line or (line.count(" ") + 1 >= _PROSE_WORDS and is_clutter(line)):
            # a cookie banner of 20 words or more, copied above the headline, is no first paragraph of prose: the
            # page's dateline below the headline was not read
            continue
        if line.count(" ") + 1 >= _PROSE_WORDS or len(lines) == _HEAD_LINES:
            break
        lines.append(line)
    return lines


# A dateline run into the line above it: a page that sets its headline and "Posted <date>" apart with ``<br>`` in
# one block (an old hand-made site) comes out of the extraction as one line, "Bridge shut after flood Posted
# Tuesday, April 14, 2026". Only a label written as one (a capital, after a space) opens such a dateline.
_LABELLED_TAIL = re.compile(r"(?<=\s)(?:Posted|Published)\b(?!.*\s(?:Posted|Published)\b)")


def _dateline(line: str) -> PageDate | None:
    """The date of a line that is only a date (with "Published", "Posted on", a time), or that ends on a
    labelled one ("… Posted Tuesday, April 14, 2026"), else None."""
    if (signed := signed_line(line)) is not None:  # Drupal's "Submitted by NAME on Tue, 04/21/2026 - 16:05"
        return PageDate(signed.date, line) if signed.date else None
    if not is_date_banner(line):
        tail = _LABELLED_TAIL.search(line)
        if tail is None:
            return None
        line = line[tail.start():]
    if not is_date_banner(line) or _EDITED.search(line):
        return None
    days = {d for pattern in _FULL_DATES for m in pattern.finditer(line) if (d := _calendar_day(m))}
    if len(days) != 1:
        return None
    (day,) = days
    weekdays = {m.group(1).lower() for m in _WEEKDAY.finditer(line)}
    if weekdays and weekdays != {_WEEKDAYS[day.weekday()]}:
        return None
    return PageDate(day.isoformat(), line)


def _calendar_day(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        month = int(g["m"]) if g.get("m") else _MONTH_NUMBERS[g["mon"].lower()]
        return date(int(g["y"]), month, int(g["d"]))
    except (KeyError, ValueError):
        return None


def with_page_date(raw: Article, cleaned: Article) -> Article:
    """``cleaned`` dated from ``raw``'s page text when no header, metadata or caller gave it a date; else, when the
    text prints no date either, by the day its DUC document id writes (``Article.doc_id``: "APW19981023.0123" is
    1998-10-23)."""
    if cleaned.date:  # dated otherwise: its document id dates nothing (nor is the date said to be read from it)
        return replace(cleaned, doc_id="") if cleaned.doc_id else cleaned
    found = page_date(raw.text, cleaned.title)
    if found is None:
        day = doc_id_day(raw.doc_id) if raw.doc_id else None
        return replace(cleaned, date=day) if day else cleaned
    return replace(cleaned, date=found.date, date_line=found.line, doc_id="")

