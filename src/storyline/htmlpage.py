"""What a saved news page says about its own story, read from its markup, beside trafilatura's extraction.

``ingest.article_from_html`` hands the page to trafilatura for the body and the metadata. A news page
also carries parts about *other* stories and about the site, which trafilatura reads as the story's own:

- the dates of other stories: a "Related" or "Most read" box, a sidebar or a comment thread dates its
  items with ``<time datetime>``; when the article's own date is not in the page's metadata, htmldate
  takes the earliest ``<time>`` on the page, the date of an older related story. A ``<time>`` marked as
  the day of an update is no publication date either (``hide_other_dates``);
- the site's name in the title: ``og:title`` often repeats the ``<title>``, "Headline | Site" or "Site |
  Headline" (``page_title``), the site's name that the metadata may lack; the masthead names the site
  (``site_marks``: a link to the front page, a logo, which some themes set in the page's ``<h1>``);
- a section front or index page: ten teasers, each a linked headline and a line of standfirst, which
  trafilatura returns as the body (``Teasers``);
- a paywall's prompt beside the free teaser ("This article is for subscribers only",
  ``is_paywall_prompt``), found in the markup too where trafilatura leaves it out (``has_paywall_prompt``);
- a live blog that prints its entries newest first (``live_entries``): its lead is the latest update, not
  the story's start, until the entries are read in the order they were written (``oldest_first``).

- dates that are no dates: an impossible day ("2026-02-30") that htmldate reads as the first of its month,
  and a time zone offset of a day or more ("+25:00") on which htmldate raises and trafilatura drops the
  whole page (``mend_dates``);
- the story's text in the page's JSON-LD (``json_ld_bodies``): a site that draws its article with
  JavaScript, saved before the script ran, has its body there (schema.org ``articleBody``) and nowhere
  else; it is read only when trafilatura finds no text in the page.

- an entity the page's source escaped ("&amp;amp;", the text "&amp;"), which trafilatura unescapes a second
  time (``mark_ampersands``).

Everything here reads the parsed page once, before trafilatura's own pass over the same tree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, pairwise
from typing import TYPE_CHECKING

from . import jsontext
from .vocabulary import SPEAKER_VERBS, alternation

if TYPE_CHECKING:  # lxml comes with trafilatura, imported when a page is read
    from lxml.html import HtmlElement

# A container of other stories, or of what readers wrote: its ``<time>`` dates something else. Not an
# opinion piece's own frame ("commentary-body", "commentator"), which dates the story, nor Drupal's story
# promoted to the front page ("node node-article node-promoted").
_ELSEWHERE_TAGS = frozenset({"aside", "nav"})
_ELSEWHERE = re.compile(
    r"related|more-?on|most-?(?:read|popular|viewed|shared)|popular|recommend|recirc|teaser|sidebar|"
    r"widget|comment(?!ary|ator)|disqus|trending|promo(?!ted)|read-?more|archive",
    re.I,
)
# A ``<time>`` of an edit: WordPress marks it ``class="updated"`` (and its never-edited posts
# ``class="entry-date published updated"``, which is the publication date).
_UPDATED = re.compile(r"updated|modified", re.I)
_PUBLISHED = re.compile(r"published|entry-date|datePublished", re.I)


def hide_other_dates(tree: HtmlElement) -> None:
    """Empty the ``<time>`` elements that date other stories, comments or an update, so that the date
    search reads only the article's own. Their date goes, attributes and text: the text of a ``<time>``
    is never part of the body trafilatura extracts, and a date left in any form (a ``<span
    class="updated">``) is one that htmldate's search would find."""
    theirs = {el for story in _other_stories(tree) for el in story.iter("time")}
    headed = _headed(tree)
    for el in list(tree.iter("time")):
        marks = " ".join(filter(None, (el.get("class"), el.get("itemprop"))))
        if (_UPDATED.search(marks) and not _PUBLISHED.search(marks)) or el in theirs or _elsewhere(el, headed):
            tail = el.tail
            el.clear()
            el.tail = tail


# A numeric date in a date attribute, in the forms htmldate reads: year first (2026-02-30, 2026/02/30,
# 2026.02.30) or day first (30.02.2026, 30/02/26).
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})(?P<s1>[-/.])(?P<m>\d{1,2})(?P=s1)(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})(?P<s2>[-/.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}|\d{2}))(?!\d)"
)
# A year and month alone ("2026-02"): htmldate gives it the day of the month it is read on (dateutil's
# default), a different day each day.
_MONTH_ONLY = re.compile(r"\d{4}[-/.]\d{1,2}")
# A time zone offset after a clock time: "10:00:00+25:00", "10:00 -2400".
_OFFSET = re.compile(r"(?<=\d:\d\d)(?P<sec>(?::\d\d(?:[.,]\d+)?)?)\s*(?P<off>[+-](?P<h>\d\d):?(?P<min>\d\d))(?!\d)")
# The words an element's text may have beside an impossible date for the date to be taken out of it: a date
# line ("Published: 30.02.2026 10:15", "By Jane Roe, 30.02.2026"), not a sentence, which is left as written.
_DATE_LINE_WORDS = 4
# Elements whose text is left as written whatever it holds: the headline, which the title is read from.
_AS_WRITTEN = frozenset({"title", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "textarea", "pre", "code"})
# Attributes that hold no date: an address (a date in a URL's path is htmldate's to judge, and it checks it),
# and the names and styles trafilatura reads the page's layout by, which are left exactly as they were.
_NOT_DATES = frozenset({"href", "src", "srcset", "action", "cite", "data-src", "class", "id", "style"})
# What every date and offset above holds: digits either side of a separator ("2026-02", "10:00"). A value without
# it is passed over: most of a large page's attributes and texts are no date.
_DATE_CUE = re.compile(r"\d[-/.:]\d")


def mend_dates(tree: HtmlElement) -> None:
    """Take out of the markup the dates that are no dates, before htmldate's search reads them.

    - An impossible day ("2026-02-30", "31/04/2026") is not read by htmldate as itself: it falls back on
      the year and month, "2026-02-01", a real date the page never gave. Such an attribute goes, and so does
      the text of a ``<time>`` that holds one (a ``<time>``'s text is never part of the body trafilatura
      extracts), so the page is read as undated unless it dates itself elsewhere.
    - The same date as the text of an element that is a date line and no sentence (``<span class="date">
      30.02.2026</span>``, "By Jane Roe, 31/04/2026"), which htmldate reads as it reads a ``<time>``: the
      impossible date goes from the text, the words beside it stay. A sentence, the headline and the
      ``<title>`` are left as written.
    - A year and month alone ("2026-02") is read as a day of that month, the one it is read on: it goes too.
    - A time zone offset of a day or more ("2024-03-05T10:00:00+25:00") makes htmldate raise, and
      trafilatura then drops the whole page as having no text. The date is read without its offset, as
      the day and time it writes (htmldate gives the day as written, whatever the offset).
    """
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in list(el.attrib.items()):
            if name.lower() in _NOT_DATES or "://" in value or not _DATE_CUE.search(value):
                continue
            if _has_impossible_date(value):
                del el.attrib[name]
            elif (mended := _without_bad_offset(value)) != value:
                el.set(name, mended)
        text = el.text
        if not text or not _DATE_CUE.search(text):
            pass
        elif el.tag == "time":
            if _has_impossible_date(text):
                el.text = None
            else:
                el.text = _without_bad_offset(text)
        elif el.tag not in _AS_WRITTEN and _is_impossible_date_line(text):
            el.text = _without_impossible_dates(text)
        if el.tail and _DATE_CUE.search(el.tail) and _is_impossible_date_line(el.tail) and el.getparent() is not None \
                and el.getparent().tag not in _AS_WRITTEN:
            el.tail = _without_impossible_dates(el.tail)


# The elements htmldate reads as a date candidate whatever else they hold (its ``.//title|.//h1``), and the other
# headings, which ``mend_dates`` leaves as written: the title is read from them.
_HEADLINES = frozenset({"title", "h1", "h2", "h3", "h4", "h5", "h6"})


def headline_dates_mended(tree: HtmlElement) -> HtmlElement | None:
    """A copy of the page for the date search alone, with the impossible dates taken out of its ``<title>``
    and headings, or None when they hold none. htmldate reads a date in the headline as it reads a
    ``<time>``: "Storm of 31/02/2026 hits coast" dated the page 2026-02-01, the first of the month. The
    page itself keeps its headline as written (its title is read from it), so the date is looked for
    again in this copy, as the rest of the page is mended (``mend_dates``)."""
    if not any(_has_impossible_date(el.text_content()) for el in tree.iter(*_HEADLINES)):
        return None
    from copy import deepcopy

    copy = deepcopy(tree)
    for head in copy.iter(*_HEADLINES):
        for el in head.iter():
            if el.text:
                el.text = _without_any_impossible_date(el.text)
            if el is not head and el.tail:
                el.tail = _without_any_impossible_date(el.tail)
    return copy


def _without_any_impossible_date(text: str) -> str:
    if _MONTH_ONLY.fullmatch(text.strip()):
        return ""
    return _NUMERIC_DATE.sub(lambda m: m[0] if _real_day(m) else "", text)


def _is_impossible_date_line(text: str) -> bool:
    """A piece of text that is an impossible date and at most a few words besides ("30.02.2026", "Published:
    31/04/2026 10:15"): what a date element (``<span class="date">``, a byline) holds, not a sentence. Only a
    date with a four-digit year: "2.40.15" in a text is a race time as often as a date."""
    if _MONTH_ONLY.fullmatch(text.strip()):
        return True
    return (any(_is_text_date(m) and not _real_day(m) for m in _NUMERIC_DATE.finditer(text))
            and len(_NUMERIC_DATE.sub(" ", text).split()) <= _DATE_LINE_WORDS)


def _is_text_date(m: re.Match[str]) -> bool:
    return len(m["y"] or m["y2"]) == 4


def _without_impossible_dates(text: str) -> str:
    if _MONTH_ONLY.fullmatch(text.strip()):
        return ""
    return _NUMERIC_DATE.sub(lambda m: "" if _is_text_date(m) and not _real_day(m) else m[0], text)


def _has_impossible_date(value: str) -> bool:
    return bool(_MONTH_ONLY.fullmatch(value.strip())) or any(not _real_day(m) for m in _NUMERIC_DATE.finditer(value))


def _real_day(m: re.Match[str]) -> bool:
    """Is the numeric date a real day? Day first is read either way round (htmldate swaps day and month
    when the month cannot be one), so "02/30/2026" is real only if one of its readings is."""
    if m["y"]:
        return _is_day(int(m["y"]), int(m["m"]), int(m["d"]))
    year = int(m["y2"]) if len(m["y2"]) == 4 else 2000 + int(m["y2"])
    first, second = int(m["d2"]), int(m["m2"])
    return _is_day(year, second, first) or _is_day(year, first, second)


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _without_bad_offset(value: str) -> str:
    """``value`` with a time zone offset that is no offset (a day or more, or 60 minutes or more) cut."""
    return _OFFSET.sub(lambda m: m["sec"] if int(m["h"]) >= 24 or int(m["min"]) >= 60 else m[0], value)


def _other_stories(tree: HtmlElement) -> list[HtmlElement]:
    """The other stories a page carries whole, below its own (a site that loads the next story as the reader
    scrolls, saved so): ``<article>``s, none inside another, each with its own ``<h1>``. The page's own is the
    one whose ``<h1>`` its title names (``og:title``, else ``<title>``), else the first."""
    stories = [a for a in tree.iter("article")
               if next(a.iterancestors("article"), None) is None and next(a.iter("h1"), None) is not None]
    if len(stories) < 2:
        return []
    titles = [m.get("content") or "" for m in tree.xpath(_TITLE_METAS)] + [t.text_content() for t in tree.iter("title")]
    titled = " ".join(_flat(t).casefold() for t in titles)

    def named(story: HtmlElement) -> bool:
        return any((h := _flat(h1.text_content()).casefold()) and h in titled for h1 in story.iter("h1"))

    own = next((story for story in stories if named(story)), stories[0])
    return [story for story in stories if story is not own]


def _headed(tree: HtmlElement) -> set[HtmlElement]:
    """The elements that hold an ``<h1>`` (for ``_elsewhere``)."""
    return {node for h1 in tree.iter("h1") for node in h1.iterancestors()}


def _elsewhere(el: HtmlElement, headed: set[HtmlElement]) -> bool:
    """Is ``el`` inside a container of other stories or comments? Only containers below the page's frame
    count: the walk up stops at ``<body>`` and at the first container that holds an ``<h1>`` (the story's
    own heading), whose classes name the layout ("has-sidebar", "comments-open" on a theme's wrapper), not
    a box of other stories. ``headed``: those containers (``_headed``), found once by the caller (looking for
    an ``<h1>`` in each container on the way up read the whole page each time: on a 3 MB page of nested
    ``<div>``s with 1,128 ``<time>``s, ``hide_other_dates`` took 6 s of CPU)."""
    for node in el.iterancestors():
        if node.tag in ("body", "html") or node in headed:
            return False
        if node.tag in _ELSEWHERE_TAGS:
            return True
        if _ELSEWHERE.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


# A pull quote: a line of the story set again in large type beside it (WordPress's "wp-block-pullquote", Medium's
# and many themes' "pull-quote"), which the extraction reads as one more paragraph, the sentence twice over.
_PULL_QUOTE = re.compile(r"pull-?quote", re.I)
_PULL_QUOTE_EDGE = " \"“”'‘’.,;:!?…—–-"


def drop_pull_quotes(tree: HtmlElement) -> None:
    """Take out the page's pull quotes whose words the page prints elsewhere too (a box so named that holds a
    quotation found nowhere else stays: it is the story's)."""
    boxes = [el for el in tree.xpath("//*[contains(translate(@class, 'PULQOTE', 'pulqote'), 'pull')]")
             if _PULL_QUOTE.search(el.get("class") or "")]
    boxes = [el for el in boxes if not any(a in boxes for a in el.iterancestors())]  # (a box inside a box: once)
    if not boxes:
        return
    page = _flat(tree.text_content()).casefold()
    for el in boxes:
        words = _flat(el.text_content()).strip(_PULL_QUOTE_EDGE).casefold()
        if len(words.split()) >= _PULL_QUOTE_MIN_WORDS and page.count(words) >= 2:
            parent = el.getparent()
            if parent is not None:
                el.drop_tree()  # its tail, the text after it, stays


_PULL_QUOTE_MIN_WORDS = 5


# --------------------------------------------------------------------------------------- entities

# The parser reads a page's entities once ("&amp;amp;" is the text "&amp;"); trafilatura unescapes its text and its
# metadata (title, author, site name) once more, which read that text as "&", and "Terms&notice" as "Terms¬ice".
# Such an "&" is handed to trafilatura as a mark it leaves alone (punctuation, as "&" is, one character for one),
# and read back as "&" in what it returns. The mark is one the page does not hold.
_AMPERSAND_MARKS = ("\u2042", "\u2051", "\u2e0e", "\u2e19", "\ua60f")
# Where trafilatura reads text: the elements' text (not a script's or a style's: JSON-LD is no parsed text, and its
# entities are read once, by trafilatura) and the ``content`` of a ``<meta>`` (an address aside, which is normalised).
_RAW_TEXT = frozenset({"script", "style"})


def mark_ampersands(tree: HtmlElement) -> str:
    """Put a mark (returned) in place of each "&" of a text of the page that trafilatura's unescaping would change
    ("&amp;", "&lt;", "&copy" as the page's text); ``""`` when there is none. :func:`unmark_ampersands` takes the
    marks out of the tree again, and ``str.replace(mark, "&")`` out of what trafilatura read."""
    texts: list[tuple[HtmlElement, str]] = []
    for text in tree.xpath("//text()[contains(., '&')]"):  # (a text and a tail each are one node)
        el = text.getparent()  # the element whose text or tail it is
        if el is not None and _unescaped(text) and (text.is_tail or el.tag not in _RAW_TEXT):
            texts.append((el, "tail" if text.is_tail else "text"))
    metas = [m for m in tree.iter("meta") if (c := m.get("content")) and "://" not in c and _unescaped(c)]
    if not texts and not metas:
        return ""
    mark = next((c for c in _AMPERSAND_MARKS if not _holds(tree, c)), "")
    if not mark:  # a page that holds every mark: read as trafilatura reads it
        return ""
    for el, part in texts:
        setattr(el, part, getattr(el, part).replace("&", mark))
    for m in metas:
        m.set("content", (m.get("content") or "").replace("&", mark))
    return mark


def unmark_ampersands(tree: HtmlElement, mark: str) -> None:
    """Take :func:`mark_ampersands`'s ``mark`` out of the tree's texts and ``<meta>`` contents, each an "&" again."""
    if not mark:
        return
    for el in tree.iter():
        if isinstance(el.tag, str) and el.text and mark in el.text:
            el.text = el.text.replace(mark, "&")
        if el.tail and mark in el.tail:
            el.tail = el.tail.replace(mark, "&")
    for m in tree.iter("meta"):
        if mark in (content := m.get("content") or ""):
            m.set("content", content.replace(mark, "&"))


def _unescaped(text: str) -> bool:
    """Would ``html.unescape`` change ``text``?"""
    return "&" in text and html.unescape(text) != text


def _holds(tree: HtmlElement, char: str) -> bool:
    return bool(tree.xpath("boolean(//text()[contains(., $c)])", c=char)
                or tree.xpath("boolean(//@*[contains(., $c)])", c=char))


# --------------------------------------------------------------------------------------- live blogs

# An entry's clock label where no ``<time datetime>`` stamps it: "Updated 10:42", "09:12", "9.45pm", "14:10 GMT".
# A time with a dot is a clock's only with "am"/"pm" or after "Updated": "2.50 euros" opens a line of prices.
_CLOCK_LABEL = re.compile(
    r"^(?:(?P<label>(?:updated|posted|published)(?: at)?:?\s+))?(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>\d{2})"
    r"(?:\s*(?P<half>[ap])\.?m\b\.?)?(?!\d|[:.]\d)",
    re.I,
)
# A live blog has this many entries at least: two in either order say nothing.
_MIN_ENTRIES = 3


def live_entries(tree: HtmlElement) -> tuple[str, ...]:
    """The texts of a live blog's entries, whitespace removed (the keys :func:`oldest_first` matches
    paragraphs by), in the page's order, when the page prints them newest first; else ``()``.

    Entries are sibling elements of one kind (tag and class) that each carry a stamp: the first ``<time
    datetime>`` in it, else a clock label opening its text ("Updated 10:42", "09:12"). They are a live blog
    printed newest first only when there are three or more, every stamp parses (the ``datetime``s all with a
    time zone or all without one), and each is strictly earlier than the one above it: anything else (a tie,
    one stamp out of order, a day that passes midnight under clock labels) leaves the page as it is. Siblings
    inside a box of other stories or comments are no entries (``_elsewhere``). Read before
    :func:`hide_other_dates` empties the ``<time>`` elements of updates."""
    return _entry_keys(_live_entries(tree))


def live_blog(tree: HtmlElement) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`live_entries` and :func:`live_lead` of one search for the entries (each search reads the whole page)."""
    kids = _live_entries(tree)
    return _entry_keys(kids), _lead(tree, kids)


def _entry_keys(kids: list[HtmlElement]) -> tuple[str, ...]:
    return tuple(_key(el.text_content()) for el in kids)


def _live_entries(tree: HtmlElement) -> list[HtmlElement]:
    headed: set[HtmlElement] | None = None
    # Only an element with three children or more can hold entries: the XPath finds them in lxml's C code, where a
    # walk over every element and its children in Python took a 2 MB page's reading half its time.
    # the elements that hold a <time datetime> (or are one): another has no stamp of that kind, known without
    # reading it (a thread of nested replies read whole at each level of its nesting)
    timed = {node for time in tree.iter("time") if time.get("datetime") for node in (time, *time.iterancestors())}
    for parent in tree.xpath(f"descendant-or-self::*[count(*) >= {_MIN_ENTRIES}]"):
        groups: dict[tuple[str, str], list[HtmlElement]] = {}
        for child in parent.iterchildren("*"):
            groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for kids in groups.values():
            if len(kids) >= _MIN_ENTRIES and _newest_first(kids, timed):
                headed = _headed(tree) if headed is None else headed
                if not _elsewhere(kids[0], headed):
                    return kids
    return []


_LEAD_TAGS = ("p", "li", "h2", "h3", "h4")


def live_lead(tree: HtmlElement) -> tuple[str, ...]:
    """The blocks a newest-first live blog (:func:`live_entries`) prints above its entries, in the story's frame
    (the container of the entries that holds the page's ``<h1>``): its key points or summary, each a paragraph
    as trafilatura writes one (a list item as "- item"). trafilatura takes a container of entries whose class it
    knows ("entry", "post") for the whole body and leaves these out; the reader wants them first. Not a block
    of the page's frame (header, nav, footer, aside, a form), a box of other stories, a block inside another
    one, nor one that is all link (a menu). Read before trafilatura's pass, which may prune the tree."""
    return _lead(tree, _live_entries(tree))


def _lead(tree: HtmlElement, kids: list[HtmlElement]) -> tuple[str, ...]:
    if not kids:
        return ()
    box = kids[0].getparent()
    frame = next((node for node in box.iterancestors() if next(node.iter("h1"), None) is not None), None)
    if frame is None:
        return ()
    order = {el: k for k, el in enumerate(frame.iter())}
    start = order.get(box, 0)
    out: list[str] = []
    taken: set[HtmlElement] = set()
    headed = _headed(tree)
    for el in frame.iter(*_LEAD_TAGS):
        if order[el] >= start:
            break
        text = _flat(el.text_content())
        if not text or any(node in taken for node in el.iterancestors()):
            continue
        if any(node.tag in _FRAME_TAGS for node in el.iterancestors()) or _elsewhere(el, headed):
            continue
        if _flat(" ".join(a.text_content() for a in el.iter("a"))) == text:  # a menu's link
            continue
        taken.add(el)
        out.append(f"- {text}" if el.tag == "li" else text)
    return tuple(out)


def _newest_first(entries: list[HtmlElement], timed: set[HtmlElement]) -> bool:
    """Do the entries' stamps parse and each run strictly earlier than the one before it? ``timed``: the elements
    that hold a ``<time datetime>``."""
    def time_stamp(el: HtmlElement) -> datetime | None:
        return _stamp(el) if el in timed else None

    for read in (time_stamp, _clock, _signed_minute):  # the first kind of stamp that every entry has
        stamps: list[datetime | int] = []
        for el in entries:
            if (stamp := read(el)) is None:  # (a menu's hundred links: the first has none, the rest are not read)
                break
            stamps.append(stamp)
        else:
            try:
                return all(a > b for a, b in pairwise(stamps))  # type: ignore[operator]
            except TypeError:  # a time zone on some stamps and not on others: no order to read
                return False
    return False


def _stamp(entry: HtmlElement) -> datetime | None:
    time = next((t for t in entry.iter("time") if t.get("datetime")), None)
    if time is None:
        return None
    try:
        return datetime.fromisoformat((time.get("datetime") or "").strip())
    except ValueError:
        return None


def _clock(entry: HtmlElement) -> int | None:
    """The minute of the day an entry's opening clock label gives ("Updated 10:42", "9.45pm")."""
    label = clock_label(_opening(entry))
    return None if label is None else label[0]


# The time after a signed line's date: "Posted by Sam Reed on March 18, 2026 at 16:40", "… - 4:40pm".
_SIGNED_TIME = re.compile(
    r"(?:\bat|[-–—,])\s+(?P<h>\d{1,2})(?P<sep>:)(?P<m>\d{2})(?:\s*(?P<half>[ap])\.?m\b\.?)?\s*$", re.I
)
_SIGNED_OPENING = 120


def _signed_minute(entry: HtmlElement) -> int | None:
    """The minute an entry that opens on a signed line with a date and a time ("Posted by Sam Reed on March 18,
    2026 at 16:40", a live blog's entries in WordPress's plugins) was posted, counted from year 1."""
    first = next((c for c in entry if isinstance(c.tag, str)), entry)  # the line is the entry's first block
    found = signed_line(_opening(first, _SIGNED_OPENING)[:_SIGNED_OPENING])
    m = None if found is None or not found.date else _SIGNED_TIME.search(found.line)
    minute = None if m is None else _minute(m)  # (its separator a colon: no "label" group is asked for)
    return None if found is None or minute is None else date.fromisoformat(found.date).toordinal() * 1440 + minute


def clock_label(text: str) -> tuple[int, int] | None:
    """The minute of the day that the clock label opening ``text`` gives ("Updated 10:42", "9.45pm"), and where
    the label ends; None when ``text`` opens on none."""
    m = _CLOCK_LABEL.match(text)
    minute = None if m is None else _minute(m)
    return None if m is None or minute is None else (minute, m.end())


def _minute(m: re.Match[str]) -> int | None:
    if m["sep"] == "." and not (m["half"] or m["label"]):
        return None
    hour, minute, half = int(m["h"]), int(m["m"]), (m["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute if hour < 24 and minute < 60 else None


def _opening(el: HtmlElement, chars: int = 40) -> str:
    """The first ``chars`` or so characters of ``el``'s text, whitespace collapsed, without reading all of it."""
    parts: list[str] = []
    seen = 0
    for text in el.itertext():
        parts.append(text)
        seen += len(text)
        if seen >= chars:
            break
    return _flat(" ".join(parts))


def oldest_first(paragraphs: list[str], entries: tuple[str, ...]) -> list[str]:
    """The extracted ``paragraphs`` with a newest-first live blog's ``entries`` (:func:`live_entries`) turned
    to the order they were written. A paragraph belongs to the entry whose text holds it (when several do, the
    one the paragraph before it is in, else the next after that one). What belongs to no entry and comes
    before the last entry's paragraphs (the blog's summary or key points, the standfirst) leads, in its
    order; the entries follow, oldest first, each with its paragraphs in their order; what comes after them
    stays last."""
    if not entries:
        return paragraphs
    owner: list[int | None] = []
    current = 0
    for p in paragraphs:
        key = _key(p)
        # the entry the last paragraph was in, else the next that holds it (entries come in the page's order)
        order = chain(range(current, len(entries)), range(current))
        found = next((i for i in order if key and key in entries[i]), None)
        current = current if found is None else found
        owner.append(found)
    placed = [i for i, o in enumerate(owner) if o is not None]
    if not placed:
        return paragraphs
    last = placed[-1]
    lead = [p for i, (p, o) in enumerate(zip(paragraphs, owner, strict=True)) if o is None and i < last]
    tail = [p for i, (p, o) in enumerate(zip(paragraphs, owner, strict=True)) if o is None and i > last]
    body = [p for e in reversed(range(len(entries))) for p, o in zip(paragraphs, owner, strict=True) if o == e]
    return lead + body + tail


def _key(text: str) -> str:
    """``text`` without its whitespace: an extracted paragraph's text as it is found in its element's, where
    ``text_content`` joins a heading to the paragraph after it with no space."""
    return "".join(text.split())


def headlines(tree: HtmlElement) -> tuple[str, ...]:
    """The texts of the page's ``<h1>`` elements, whitespace collapsed."""
    return tuple(t for el in tree.iter("h1") if (t := _flat(el.text_content())))


# The separator between a headline and a site's name in a page title: "Headline | Site", "Headline - Site".
_SEPARATOR = re.compile(r"\s+(?:[|–—•·»]|-{1,2}|::)\s+")
_SITE_MAX_WORDS = 6
# A masthead's element: WordPress themes write the site's name in ``<h1 class="site-title">`` on some pages.
_MASTHEAD = re.compile(r"logo|brand|masthead|site-?(?:title|name)", re.I)
_FRONT_PAGE = re.compile(r"^(?:(?:https?:)?//[^/?#]+)?/?(?:index\.(?:html?|php))?$", re.I)


def site_marks(tree: HtmlElement) -> tuple[str, ...]:
    """The site's name as the page's masthead writes it: the text (or its image's ``alt``) of a link to
    the site's front page ("/", ``rel="home"``) or of an element marked as the logo ("site-title", "logo",
    "brand"), when it is short enough to be a name. What a page title's part is matched against, so that
    a logo in an ``<h1>`` is not taken for the headline."""
    found: dict[str, None] = {}
    for el in tree.iter("a"):
        href = (el.get("href") or "").strip()
        if (href and _FRONT_PAGE.match(href)) or "home" in (el.get("rel") or "").split():
            found.setdefault(_label(el))
    for el in tree.xpath("//body//*[@class or @id]"):
        if _MASTHEAD.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            found.setdefault(_label(el))
    return tuple(n for n in found if n and len(n.split()) <= _SITE_MAX_WORDS)


# Words a site's name has in lower case ("Voice of America", "Mail & Guardian"); any other is a headline's.
_NAME_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "de", "la", "el"})


def title_marks(tree: HtmlElement, heads: tuple[str, ...]) -> tuple[str, ...]:
    """The page's ``<h1>``s (``heads``) that its titles show to be the site's name: a page title (the
    ``<title>``, ``og:title``, ``twitter:title``) whose first or last part is the ``<h1>``, written as a name
    (a few words, each capitalised but "of", "and", ...), and whose part at the other end is a headline: four
    words or more, twice the ``<h1>``'s, written as a sentence (a lower-case word that a name does not have:
    "Brellin Courier | Bridge shut after flood") or longer than a name runs. The evidence that the ``<h1>`` is
    the masthead when the page marks no logo (:func:`site_marks`) and gives no ``og:site_name``; its headline
    is then the title's other end (:func:`page_title`). A title with separators of two kinds is not read:
    "Headline | Site - a tagline" has the tagline at its other end."""
    titles = [el.text_content() for el in tree.iterfind(".//head//title")]
    titles += [m.get("content") or "" for m in tree.xpath(_TITLE_METAS)]
    found: dict[str, None] = {}
    for title in titles:
        flat = _flat(title)
        cuts = list(_SEPARATOR.finditer(flat))
        if not cuts or len({m.group().strip() for m in cuts}) > 1:  # "Headline | Site - tagline": no ends to read
            continue
        first, last = flat[: cuts[0].start()], flat[cuts[-1].end():]
        for head in heads:
            if not _written_as_name(head):
                continue
            words = len(_WORD.findall(head))
            for name, other in ((first, last), (last, first)):
                if name.casefold() == head.casefold() and _headline_beside(other, words):
                    found.setdefault(head)
    return tuple(found)


_TITLE_METAS = '//head/meta[@property="og:title" or @name="twitter:title" or @property="twitter:title"]'


def _written_as_name(text: str) -> bool:
    """A few words, each capitalised or a digit but the small words of a name: "Brellin Courier", "Voice of
    the Valley", not "Bridge shut"."""
    words = _WORD.findall(text)
    return 0 < len(words) <= _SITE_MAX_WORDS and all(w[0].isupper() or w[0].isdigit() or w in _NAME_WORDS
                                                     for w in words)


def _headline_beside(text: str, name_words: int) -> bool:
    """Is ``text``, beside a name of ``name_words`` words in a page title, a headline (see ``title_marks``)?"""
    words = _WORD.findall(text)
    if len(words) < max(4, 2 * name_words):
        return False
    return len(words) > _SITE_MAX_WORDS or any(w[0].islower() and w not in _NAME_WORDS for w in words)


_WORD = re.compile(r"[^\W_][\w'’.&-]*")


def _label(el: HtmlElement) -> str:
    text = _flat(el.text_content())
    if text:
        return text
    img = next(el.iter("img"), None)
    return "" if img is None else _flat(img.get("alt") or "")


def page_title(title: str, heads: tuple[str, ...], site: str, *, marks: tuple[str, ...] = ()) -> tuple[str, str]:
    """The headline of a page title that adds the site's name ("Headline | Site", or "Site | Headline"),
    and the name it adds (else ``""``). A part is the headline when it is the page's ``<h1>``, unless that
    is the site's name: ``site`` (the name the metadata gives) or one of ``marks`` (the masthead's,
    :func:`site_marks`), as a logo set in an ``<h1>`` is. Without such an ``<h1>``, the site's name is cut
    when it is the first or the last part and one of those names."""
    flat = _flat(title)
    names = _site_names(site, marks)
    wanted = {h.casefold() for h in heads} - names
    if not flat or flat.casefold() in wanted:
        return flat, ""
    cuts = list(_SEPARATOR.finditer(flat))
    if not cuts:
        return flat, ""
    first, last = flat[: cuts[0].start()], flat[cuts[-1].end():]
    for m in cuts:
        head, tail = flat[: m.start()], flat[m.end():]
        if head.casefold() in wanted:
            return head, _site_name(last)
        if tail.casefold() in wanted:
            return tail, _site_name(first)
    if last.casefold() in names:
        return flat[: cuts[-1].start()], last
    if first.casefold() in names:
        return flat[cuts[0].end():], first
    return flat, ""


def is_site_name(text: str, site: str, marks: tuple[str, ...]) -> bool:
    """Is ``text`` the site's name, as the metadata (``site``) or the masthead (``marks``) gives it?"""
    folded = _flat(text).casefold()
    return bool(folded) and folded in _site_names(site, marks)


def _site_names(site: str, marks: tuple[str, ...]) -> set[str]:
    """The site's names, folded: the metadata's (``site``) and the masthead's (``marks``)."""
    return {n.casefold() for n in (_flat(site), *marks) if n}


def story_title(tree: HtmlElement, found: str, heads: tuple[str, ...], site: str, marks: tuple[str, ...]) -> str:
    """The story's headline: ``found`` (trafilatura's title: ``og:title``, JSON-LD's headline, the page's one
    ``<h1>``, else a part of the ``<title>``) without the site's name it adds.

    trafilatura cuts a ``<title>`` at its last separator and takes the part before it: the site's name of
    "Site | Headline". Such a part, where no markup gives it as the headline, is decided here on the whole
    ``<title>`` (``page_title``), and without evidence either way the part that runs to twice the other's
    words is the headline (a site's name is short). When the title is only the site's name (a logo in the
    one ``<h1>``), it is the headline beside it in the ``<title>``; else ``""``: a site's name is no
    headline, and cleaning may find the story's (:func:`storyline.clean.clean_text`)."""
    element = tree.find(".//head//title")
    whole = "" if element is None else _flat(element.text_content())
    decided = page_title(whole, heads, site, marks=marks)[0]  # the <title>'s headline, read once
    flat = _flat(found)
    if whole and flat in _cut_parts(whole) and flat.casefold() not in _declared(tree, heads):
        found = decided if decided != whole else _longer_part(whole) or found
        flat = _flat(found)
    title = decided if flat == whole else page_title(found, heads, site, marks=marks)[0]
    if not is_site_name(title, site, marks):
        return title
    return "" if is_site_name(decided, site, marks) else decided


def _cut_parts(title: str) -> tuple[str, str]:
    """The parts of a page title either side of its last separator, as trafilatura cuts it."""
    cuts = list(_SEPARATOR.finditer(title))
    return (title[: cuts[-1].start()], title[cuts[-1].end():]) if cuts else ("", "")


def _declared(tree: HtmlElement, heads: tuple[str, ...]) -> set[str]:
    """The titles the markup gives the story (``og:title``, ``twitter:title``, ``<h1>``, ``<h2>``), folded."""
    metas = tree.xpath(_TITLE_METAS)
    texts = [m.get("content") or "" for m in metas]
    texts += [el.text_content() for el in tree.iter("h2")]
    return {_flat(t).casefold() for t in (*texts, *heads) if t.strip()}


def _longer_part(title: str) -> str:
    """The headline of "Site | Headline" or "Headline | Site" told by length alone: the first or last part
    when it has four words or more and twice the other's, with what lies between; else ``""``."""
    cuts = list(_SEPARATOR.finditer(title))
    if not cuts:
        return ""
    first, last = len(title[: cuts[0].start()].split()), len(title[cuts[-1].end():].split())
    if first >= max(4, 2 * last):
        return title[: cuts[-1].start()]
    if last >= max(4, 2 * first):
        return title[cuts[0].end():]
    return ""


def title_site(tree: HtmlElement, heads: tuple[str, ...], *, marks: tuple[str, ...] = ()) -> str:
    """The site's name that the ``<title>`` element adds to the headline ("Headline | Site", "Site |
    Headline"), or is when the masthead gives that name too, else ``""``. ``heads`` are the headline's
    candidates, the likeliest first (the story's title before the page's ``<h1>``s, one of which may be a
    logo); ``marks`` the masthead's names."""
    element = tree.find(".//head//title")
    if element is None:
        return ""
    text = element.text_content()
    if is_site_name(text, "", marks):  # the <title> is the name alone
        return _flat(text)
    for head in heads:
        if name := page_title(text, (head,), "", marks=marks)[1]:
            return name
    return page_title(text, (), "", marks=marks)[1]


def _site_name(part: str) -> str:
    """``part`` of a page title as a site's name: a few words, with a letter or a digit ("|", "-" are none)."""
    return part if len(part.split()) <= _SITE_MAX_WORDS and any(c.isalnum() for c in part) else ""


def is_domain(name: str) -> bool:
    """A host name standing in for a site's name ("example.org"), as trafilatura gives without one."""
    return "." in name and " " not in name.strip()


# A copyright line: "© 2026 Orrin Coast Gazette. All rights reserved.", "Copyright (c) 2019-2026 Orrin Coast
# Gazette Ltd", "Copyright © Orrin Coast Gazette 2026": the owner's name after the years, or before them.
_YEARS = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?"
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))*\s*"
    rf"(?:{_YEARS}\s*,?\s*(?P<after>[^.,|;:©()\n]+)|(?P<before>[^.,|;:©()\d\n]+?)\s*,?\s*{_YEARS})",
    re.I,
)
_RIGHTS = re.compile(r"\s*\b(?:all rights reserved|some rights reserved)\b.*$", re.I)
_COMPANY = re.compile(r"\s*,?\s*\b(?:ltd|limited|inc|llc|plc|corp|corporation|gmbh|pty)\.?$", re.I)
_COPYRIGHT_MAX_WORDS = 30


def copyright_owner(tree: HtmlElement) -> str:
    """The name a copyright line at the page's foot gives ("© 2026 Orrin Coast Gazette. All rights reserved."):
    the outlet, for a page whose metadata and title do not name it (a page of ``<br>``-separated lines from an
    old site's template). The last such line of the page, short (a line, not a story that reports on a
    copyright), whose name is written as one (:func:`_written_as_name`, a company's "Ltd" or "Inc." cut); else
    ``""``."""
    found = ""
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "title"):
            continue
        # an element's own text, with the inline markup inside a short one ("© 2026 <a>Gazette</a>"); a tail
        # (the text after a <br>) alone
        for piece, whole in ((el.text, True), (el.tail, False)):
            if not piece or not _COPYRIGHT_CUE.search(piece):
                continue
            if whole and len(content := el.text_content().split()) <= _COPYRIGHT_MAX_WORDS:
                piece = " ".join(content)
            if name := _owner(piece):
                found = name
    return found


_COPYRIGHT_CUE = re.compile(r"©|\(c\)|copyright", re.I)


def _owner(text: str) -> str:
    flat = _flat(text)
    if len(flat.split()) > _COPYRIGHT_MAX_WORDS:
        return ""
    m = _COPYRIGHT.search(flat)
    if m is None:
        return ""
    name = _COMPANY.sub("", _RIGHTS.sub("", m["after"] or m["before"] or "")).strip(" -–—")
    return name if _written_as_name(name) else ""


# --------------------------------------------------------------------------------------- fact lists

# A list of the story's facts between its paragraphs ("212 passengers and 14 crew were on board"): items of a few
# words each, none of them a link, all or mostly (a list of links is a menu or a box of other stories).
_FACT_MIN_WORDS = 3
_FACT_MAX_WORDS = 60


def fact_items(tree: HtmlElement) -> frozenset[str]:
    """The items, whitespace collapsed, of the lists on the page that can be the story's facts: two items or more,
    each of three to sixty words and none of them mostly a link, outside the page's frame (header, nav, footer,
    aside, a form) and boxes of other stories. Where such a list stands between the story's paragraphs, its items
    are the story's (:func:`facts_as_sentences`)."""
    found: set[str] = set()
    headed = _headed(tree)
    for lst in tree.iter("ul", "ol"):
        items = [li for li in lst if isinstance(li.tag, str) and li.tag == "li"]
        if len(items) < 2:
            continue
        texts = [_flat(li.text_content()) for li in items]
        if not all(_FACT_MIN_WORDS <= len(t.split()) <= _FACT_MAX_WORDS for t in texts):
            continue
        if any(_all_link(li, t) for li, t in zip(items, texts, strict=True)):
            continue
        if any(node.tag in _FRAME_TAGS for node in lst.iterancestors()) or _elsewhere(lst, headed):
            continue
        found.update(texts)
    return frozenset(found)


def _all_link(el: HtmlElement, text: str) -> bool:
    """Is the list item a link, all of it or most of its words (a related story's headline with its date)?"""
    linked = sum(len(a.text_content().split()) for a in el.iter("a"))
    return linked * 2 >= len(text.split())


_PROSE_MIN_WORDS = 8


def facts_as_sentences(paragraphs: list[str], facts: frozenset[str]) -> list[str]:
    """The extracted ``paragraphs`` with the items of a fact list (:func:`fact_items`, printed by trafilatura as
    "- item") that stands between two paragraphs of prose written as the sentences they are: without the list's
    marker, closed by a stop ("212 passengers and 14 crew were on board."). Cleaning drops a short line without a
    stop as a menu's or a caption's, and dropped the story's facts with them. A list above the story's first
    paragraph (its key points, which cleaning reads by their label) or below its last is left as it is."""
    prose = [i for i, p in enumerate(paragraphs) if not p.startswith("- ") and _ends_in_stop(p)
             and len(p.split()) >= _PROSE_MIN_WORDS]
    if len(prose) < 2:
        return paragraphs
    first, last = prose[0], prose[-1]
    out = list(paragraphs)
    for i, p in enumerate(paragraphs):
        if first < i < last and p.startswith("- ") and (item := _flat(p[2:])) in facts:
            out[i] = item if _ends_in_stop(item) else f"{item}."
    return out


_STORY_MIN_PARAGRAPHS = 2


def reads_as_story(text: str) -> bool:
    """Does ``text`` (trafilatura's, a paragraph a line) hold a story's prose: two paragraphs of eight words or more
    that end in a stop? Not a page's notice alone ("You need to enable JavaScript to run this app.")."""
    prose = (p for p in text.split("\n") if _ends_in_stop(p) and len(p.split()) >= _PROSE_MIN_WORDS)
    return sum(1 for _ in zip(prose, range(_STORY_MIN_PARAGRAPHS), strict=False)) >= _STORY_MIN_PARAGRAPHS


def _ends_in_stop(text: str) -> bool:
    return text.rstrip().rstrip("\"”’')]").endswith((".", "!", "?", "…"))


# A byline printed as a paragraph of the story ("By Ines Farrow", "By Ines Farrow and Tom Reed, Transport
# Correspondents"), which trafilatura reads when the page marks it as nothing (a ``<div class="para">``), or a text
# file's line under its headline. A byline set in capitals has "AND" between its names ("By KAREN OSEI AND TOM REYES").
_BYLINE = re.compile(r"^(?:By|BY|Written by|Words by)\s+(?P<names>[A-Z][^.!?]{2,120})$")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\b(?:and|AND)\b|&|\||•|·|[-–—]\s)\s*")


def byline_paragraph(paragraphs: list[str], *, skip: int = 0) -> tuple[int, str]:
    """Where a byline paragraph stands above the story's first paragraph of prose, and the names it gives
    ("By Ines Farrow, Transport Correspondent": "Ines Farrow"), as parts separated by "; " for the caller to read
    its roles and dates off; ``(-1, "")`` when there is none. The first ``skip`` paragraphs are no byline (a text's
    headline, "By The Numbers"), but one of prose among them ends the search as any does."""
    for i, p in enumerate(paragraphs[:4]):
        if _ends_in_stop(p) and len(p.split()) >= _PROSE_MIN_WORDS:
            break
        m = None if i < skip else _BYLINE.match(_flat(p))
        if m is None:
            continue
        parts = [t for t in _BYLINE_SPLIT.split(m["names"]) if t]
        if parts and is_person_name(parts[0]):
            return i, "; ".join(parts)
    return -1, ""


def is_person_name(text: str) -> bool:
    """Two to six words written as a name ("Ines Farrow"), not a user name ("odunn", "admin")."""
    return _written_as_name(text) and len(_WORD.findall(text)) >= 2


# A CMS's line that signs a story: Drupal's node template prints "Submitted by NAME on DATE" (its default date
# format "Tue, 04/21/2026 - 16:05", month first), older themes and forums "Posted by NAME on DATE". trafilatura
# takes neither the name nor the date from it, and may keep it as the story's first line.
_SUBMITTED = re.compile(r"^(?:Submitted|Posted) by (?P<name>[^\W\d_][^<>]{0,80}?) on (?P<date>[^<>]{6,60})$")
_SUBMITTED_CUE = "//text()[contains(., 'Submitted by') or contains(., 'Posted by')]"
_SUBMITTED_LEVELS = 3  # the name and the date are often in elements of their own inside the line's
_SUBMITTED_TRIES = 20
_SUBMITTED_MAX_CHARS = 400
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = {m: k for k, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_SIGNED_DATES = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),  # month first, as Drupal writes it
    re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})\b"),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})\b"),
)


@dataclass(frozen=True, slots=True)
class Signed:
    """A "Submitted by NAME on DATE" line: the line (whitespace collapsed), the name, the ISO date ("" when the
    date cannot be read or is no day)."""

    line: str
    name: str
    date: str


def submitted_line(tree: HtmlElement) -> Signed | None:
    """The story's "Submitted by NAME on DATE" line, outside a comment thread or a box of other stories."""
    headed = _headed(tree)
    for node in tree.xpath(_SUBMITTED_CUE)[:_SUBMITTED_TRIES]:  # a forum's hundred "Posted by" lines: the story's first
        el = node.getparent()
        for _ in range(_SUBMITTED_LEVELS):
            if el is None:
                break
            text = el.text_content()
            if len(text) > _SUBMITTED_MAX_CHARS:  # a block of the page, no line
                break
            found = signed_line(_flat(text))
            if found is not None:
                if _elsewhere(el, headed):  # a comment's, or another story's
                    break
                return found
            el = el.getparent()
    return None


def signed_line(line: str) -> Signed | None:
    """``line`` (whitespace collapsed) read as "Submitted by NAME on DATE", else None."""
    m = _SUBMITTED.match(line)
    return None if m is None else Signed(m.group(), m["name"].strip(" ,"), _signed_date(m["date"]))


def _signed_date(text: str) -> str:
    """The ISO day of a signed line's date ("Tue, 04/21/2026 - 16:05"), "" when none can be read or its weekday
    is not the day's. Month first, as Drupal writes it, unless the first figure is no month ("21/04/2026") or
    the weekday says the day comes first."""
    weekday = next((w for w in _WEEKDAY_NAMES if re.search(rf"\b{w}[a-z]*\b", text, re.I)), None)
    for pattern in _SIGNED_DATES:
        m = pattern.search(text)
        if m is None:
            continue
        g = m.groupdict()
        if g.get("a"):
            orders = [(int(g["a"]), int(g["b"])), (int(g["b"]), int(g["a"]))]
        else:
            month = int(g["m"]) if g.get("m") else _MONTHS.get(g["mon"][:3].lower(), 0)
            orders = [(month, int(g["d"]))]
        for month, day in orders:
            try:
                found = date(int(g["y"]), month, day)
            except ValueError:
                continue
            if weekday is None or _WEEKDAY_NAMES[found.weekday()] == weekday:
                return found.isoformat()
        return ""
    return ""


# --------------------------------------------------------------------------------------- teasers

_HEADINGS = ("h2", "h3", "h4")
# A teaser block is small: a linked headline, a line or two of standfirst, a date.
_TEASER_MAX_PARAGRAPHS = 2
_TEASER_MAX_WORDS = 60
# This many teasers whose standfirsts make up the whole body are an index page, not an article.
MIN_INDEX_TEASERS = 3


@dataclass(frozen=True, slots=True)
class Teasers:
    """The standfirsts of a page's teaser blocks (a heading that links to another page, and a short
    paragraph beside it), whitespace collapsed, and how many blocks there are."""

    paragraphs: frozenset[str]
    count: int


def teasers(tree: HtmlElement) -> Teasers:
    found: set[str] = set()
    count = 0
    for tag in _HEADINGS:
        for heading in tree.iter(tag):
            if not _links_away(heading):
                continue
            block = heading.getparent()
            if block is None:
                continue
            paragraphs = [t for p in block.iter("p") if (t := _flat(p.text_content()))]
            words = sum(len(t.split()) for t in paragraphs)
            if 0 < len(paragraphs) <= _TEASER_MAX_PARAGRAPHS and words <= _TEASER_MAX_WORDS:
                found.update(paragraphs)
                count += 1
    return Teasers(frozenset(found), count)


def _links_away(heading: HtmlElement) -> bool:
    """A heading that is a link to another page (not an anchor within this one), all of its text."""
    text = _flat(heading.text_content())
    links = [a for a in heading.iter("a") if not (a.get("href") or "#").startswith("#")]
    return bool(text) and bool(links) and _flat(" ".join(a.text_content() for a in links)) == text


# --------------------------------------------------------------------------------------- paywall

# A paywall's prompt in so many words: it asks the reader to pay, or offers a price.
_PAYWALL = re.compile(
    r"\b(?:subscribe (?:now )?to (?:continue|read|unlock)|"
    r"to continue reading|continue reading with|already (?:a subscriber|subscribed)|"
    # an offer, with its price or its call to subscribe: reporting says "inspectors have unlimited access"
    r"unlimited (?:digital )?access\b[^.!?]{0,40}?\b(?:from|for) (?:just |only )?(?:[£$€]|\d+p\b)|"
    r"(?:subscribe|sign up|register)(?: now| today)? for unlimited|"
    r"become a (?:subscriber|member) to)\b",
    re.I,
)
# Words a prompt shares with reporting: "This article is for subscribers only" is a prompt, "The council's
# minutes are for subscribers only, the clerk said" a statement of the story, as is a streaming service's
# "content for subscribers only". They are a prompt only where the paragraph speaks to the reader or of the
# page itself (``_READER``), is the label alone ("Subscribers only"), or asks the reader to act
# (``_CALL_TO_ACT``), and does not report what someone said.
_MEMBERS_ONLY = re.compile(
    r"\b(?:for (?:our )?(?:paying )?subscribers only|subscribers?[- ]only|exclusive to (?:our )?subscribers|"
    r"to read (?:the|this) (?:full|rest|whole))\b",
    re.I,
)
_READER = re.compile(
    r"\b(?:you|your|this (?:article|story|content|page|piece|feature|report|post|newsletter|podcast|video|"
    r"section)|our (?:subscribers|members|journalism))\b",
    re.I,
)
# An imperative: at the start of a sentence or clause, or after "or", "and", "please" ("Sign in or subscribe"),
# not a verb of the story ("viewers can subscribe for $5 a month").
_CALL_TO_ACT = re.compile(
    r"(?:^|[.!?:;,–—|]\s*|\b(?:or|and|please)\s+)(?:subscribe|sign in|sign up|log ?in|register|unlock|"
    r"start (?:your )?(?:free )?trial|click here|join (?:now|today|us)|get (?:full|unlimited|instant) access)\b",
    re.I,
)
# A paragraph that reports what someone said or wrote ("…, the clerk said", "…, she wrote to the council"):
# the speaker's verbs, and a relay's. Not the wider ``vocabulary.QUOTE_VERBS``, whose "reports", "notes",
# "continued" or "warning" a prompt writes as nouns and adjectives ("Exclusive reports for subscribers only").
_REPORTED = re.compile(rf"\b(?:{alternation(SPEAKER_VERBS | {'according to', 'reported', 'announced'})})\b", re.I)
_LABEL_MAX_WORDS = 8
_PAYWALL_MAX_WORDS = 40
# A page that kept a paywall's prompt is a teaser when what is left is this short: a full story can carry a
# subscription promo ("Unlimited digital access from £1") below it and is no teaser.
TEASER_MAX_WORDS = 200


def is_paywall_prompt(paragraph: str) -> bool:
    """A short paragraph of a paywall's prompt ("This article is for subscribers only. Get unlimited
    access from just £1 a week."): reporting on subscriptions runs longer, or says it otherwise."""
    words = len(paragraph.split())
    if words > _PAYWALL_MAX_WORDS:
        return False
    if _PAYWALL.search(paragraph):
        return True
    m = _MEMBERS_ONLY.search(paragraph)
    if m is None or _REPORTED.search(paragraph):
        return False
    label = m.start() == len(paragraph) - len(paragraph.lstrip()) and words <= _LABEL_MAX_WORDS
    return label or bool(_READER.search(paragraph) or _CALL_TO_ACT.search(paragraph))


# Where a page prompts for money that is not the story's paywall: its frame (a "Subscribe" button in the
# masthead, an offer in the footer) and boxes of promotions.
_FRAME_TAGS = frozenset({"header", "nav", "footer", "aside", "form"})
_PROMPT_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "div", "span")


def has_paywall_prompt(tree: HtmlElement) -> bool:
    """Does the page's story hold a paywall's prompt ("Subscribe to continue reading", "Already a subscriber?
    Log in")? trafilatura often leaves the prompt out of the text it extracts (a story in ``<div
    class="article-body">`` with the wall a sibling of it), and then only the markup tells that the text is the
    free teaser. A prompt in the page's frame (a masthead's "Subscribe" button, a footer's offer) or in a box of
    promotions is no wall; an element is read alone, without the blocks inside it."""
    headed: set[HtmlElement] | None = None
    for el in tree.iter(*_PROMPT_TAGS):
        if el.tag in ("div", "span") and any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
            continue
        text = _flat(el.text_content())
        if not text or not is_paywall_prompt(text):
            continue
        headed = _headed(tree) if headed is None else headed
        if any(node.tag in _FRAME_TAGS for node in el.iterancestors()) or _elsewhere(el, headed):
            continue
        return True
    return False


_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section", "article"})


def _flat(text: str) -> str:
    return " ".join(text.split())


def _marks_any(tree: HtmlElement, names: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """Does any value of the attributes ``names`` on the page match ``pattern`` (whose matches hold no space, so that
    a label of several attributes joined by spaces matches only where one of them does)? Read as plain strings, one
    attribute at a time (an XPath union of attributes sorts them, which took longer than the walk it saves)."""
    return any(pattern.search(v) for n in names for v in tree.xpath(f"descendant-or-self::*/@{n}", smart_strings=False))


# ------------------------------------------------------------------------------------- JSON-LD body

# schema.org types of a story: NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Article ...
_STORY_TYPE = re.compile(r"(?:article|posting)$", re.I)
_LD_MAX_DEPTH = 8


def json_ld_bodies(tree: HtmlElement) -> tuple[str, ...]:
    """The ``articleBody`` texts of the stories the page's JSON-LD describes, in page order, as plain text
    with a paragraph a line (markup inside one, which some sites leave there, read as HTML)."""
    bodies = (obj.get("articleBody") for obj in _ld_stories(tree))
    return tuple(text for body in bodies if isinstance(body, str) and body.strip() and (text := _ld_text(body)))


def json_ld_live_blog(tree: HtmlElement) -> tuple[str, str]:
    """The headline and text of a live blog the page's JSON-LD gives whole (schema.org ``LiveBlogPosting`` with its
    ``liveBlogUpdate`` entries): the entries' bodies oldest first (by ``datePublished``, when every one has a date
    that parses with its offset, as a stamp without one does not compare; else as listed), a paragraph each;
    ``("", "")`` when there is none. Each entry is a posting of its own, which ``json_ld_bodies`` gives apart: the
    longest alone was read, under its headline."""
    for obj in _ld_stories(tree):
        updates = obj.get("liveBlogUpdate")
        updates = [u for u in (updates if isinstance(updates, list) else [updates]) if isinstance(u, dict)]
        texts = [(u.get("datePublished"), _ld_text(b)) for u in updates
                 if isinstance(b := u.get("articleBody"), str) and b.strip()]
        if not texts:
            continue
        stamps = [s for t, _ in texts if (s := _ld_time(t)) is not None]
        if len(stamps) == len(texts):
            texts = [t for _, t in sorted(zip(stamps, texts, strict=True), key=lambda pair: pair[0])]
        headline = obj.get("headline")
        return (headline.strip() if isinstance(headline, str) else ""), "\n".join(t for _, t in texts if t)
    return "", ""


def _ld_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else None  # naive and aware stamps do not compare


def json_ld_paywalled(tree: HtmlElement) -> bool:
    """Does the page's JSON-LD say its story is not free to read (schema.org ``isAccessibleForFree: false``, as
    sites mark paywalled content for search engines)? The text a reader without a subscription saved is then
    the free teaser, when it is short; the wall itself may be drawn by a script and not be in the page."""
    return any(str(obj.get("isAccessibleForFree", "")).strip().lower() == "false" for obj in _ld_stories(tree))


def json_ld_url(tree: HtmlElement) -> str:
    """The address the page's JSON-LD gives its story (``url``, else ``mainEntityOfPage``, a string or an object's
    ``@id``), when it describes one story; '' otherwise. A page drawn by a script may name its address nowhere else."""
    stories = _ld_stories(tree)
    if len(stories) != 1:
        return ""
    for value in (stories[0].get("url"), stories[0].get("mainEntityOfPage")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


# Blog platforms whose name a post's metadata gives as its site (Medium's ``og:site_name``): the outlet is the
# publication on the platform, which the JSON-LD's publisher names, or the ``<title>`` after its byline:
# "Headline | by Owen Dunn | The Coastline Review | Medium", "Headline - by Mara Ellison - Harbor Notes".
_PLATFORMS = frozenset({"medium", "substack", "medium.com", "substack.com"})
_TITLE_BYLINE = re.compile(r"^by\s+\S", re.I)


def is_platform(site: str) -> bool:
    """Is ``site`` a blog platform's name ("Medium", "Substack"), not a publication's?"""
    return _flat(site).casefold() in _PLATFORMS


def platform_publication(tree: HtmlElement) -> str:
    """The publication a post on a blog platform belongs to (see ``_PLATFORMS``): the JSON-LD publisher's name of
    the one story the page describes, else the part of the ``<title>`` after "by AUTHOR"; ``""`` when neither
    names one other than the platform (a post on a writer's own Medium page)."""
    stories = _ld_stories(tree)
    publisher = stories[0].get("publisher") if len(stories) == 1 else None
    name = publisher.get("name") if isinstance(publisher, dict) else None
    if isinstance(name, str) and _site_name(_flat(name)) and not is_platform(name):
        return _flat(name)
    element = tree.find(".//head//title")
    parts = [p for p in _SEPARATOR.split(_flat(element.text_content()))] if element is not None else []
    for k, part in enumerate(parts[:-1]):
        if _TITLE_BYLINE.match(part) and not is_platform(parts[k + 1]):
            return _site_name(parts[k + 1])
    return ""


# A footnote's mark that links to its note ("…to passengers.<a class="footnote-anchor" href="#footnote-1">1</a>",
# Substack's; "<sup><a href="#fn2">2</a></sup>"), and the note's number that links back: their digits were read
# into the sentence ("…to passengers.1 It was …"), or ended it ("… in January.2": no stop, dropped as no prose).
_FOOTNOTE_LINKS = (
    '//a[starts-with(@href, "#footnote") or starts-with(@href, "#fn") or contains(@class, "footnote-anchor")'
    ' or contains(@class, "footnote-number")]'
)
_MARK_TEXT = re.compile(r"^\[?\d{1,3}\]?$")


def drop_footnote_marks(tree: HtmlElement) -> None:
    """Take the page's footnote marks and the notes' numbers out (see ``_FOOTNOTE_LINKS``); the notes' words
    stay, as a text's "[1] " label goes and its note stays (``pageparts.cut_inline_parts``)."""
    for a in tree.xpath(_FOOTNOTE_LINKS):
        if _MARK_TEXT.match(_flat(a.text_content())) and a.getparent() is not None:
            parent = a.getparent()
            if parent.tag == "sup" and _flat(parent.text_content()) == _flat(a.text_content()):
                a = parent  # the superscript around the mark goes with it
            a.drop_tree()  # its tail, the text after it, stays


def _ld_stories(tree: HtmlElement) -> list[dict]:
    """The JSON objects of the page's JSON-LD that describe a story (``_STORY_TYPE``), in page order. A script
    that is not valid JSON is passed over."""
    stories: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = jsontext.loads(script.text or "")
        except ValueError:
            continue
        for obj in _ld_objects(data, 0):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and _STORY_TYPE.search(k) for k in kinds):
                stories.append(obj)
    return stories


def _ld_objects(data: object, depth: int) -> list[dict]:
    """Every JSON object in a JSON-LD value (its ``@graph`` and lists included), outermost first."""
    if depth > _LD_MAX_DEPTH:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _ld_objects(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    inner = [o for value in data.values() if isinstance(value, (dict, list)) for o in _ld_objects(value, depth + 1)]
    return [data, *inner]


def _ld_text(body: str) -> str:
    if re.search(r"<(?:p|br|div)\b", body, re.I):
        from lxml import html as lxml_html

        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
        for br in fragment.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for block in fragment.iter("p", "div", "li", "h2", "h3", "h4", "blockquote"):
            block.tail = "\n" + (block.tail or "")
        body = fragment.text_content()  # its entities read by the parser
    else:
        body = html.unescape(body)  # a JSON string: the entities a site escaped its text with
    lines = (" ".join(line.split()) for line in body.splitlines())
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------------------- paged stories

# The markup of a paged story: a link to its next page (``rel="next"``, which a blog also sets on its link to the
# next post: only a link to this story's own address with a page number counts), or a row of page links in a
# container named for it (WordPress's "page-links", "pagination", "pager") whose links go to page 2 or "Next".
_PAGER = re.compile(r"paginat|pager\b|paging|page-?(?:links|nav|numbers|list)|pages-?nav|multi-?page|article-?pages",
                    re.I)
_NOT_PAGER = re.compile(r"comment|gallery|slide|carousel|search|archive|result|related", re.I)
_PAGE_LINK_TEXT = re.compile(r"^\s*(?:[2-9]|\d{2})\s*$|^\s*next(?:\s+page)?\s*[›»>→]*\s*$", re.I)
# A page number in an address: "?page=2", "/page/2", "-page-2", "/2/" after the story's own path.
_PAGE_QUERY = re.compile(r"(?:^|(?<=[&;]))(?:page|pg|pagenum|pagina|seite|strona|pn)=(\d{1,3})(?:&|$)", re.I)
_PAGE_PATH = re.compile(r"(?:/page/?|[-_]page[-_]?)(\d{1,3})(?:\.s?html?)?/?$", re.I)
_NUMBER_PATH = re.compile(r"/(\d{1,2})/?$")
_OWN_URL = '//head/link[@rel="canonical"]/@href|//head/meta[@property="og:url"]/@content'


def is_paged(tree: HtmlElement) -> bool:
    """Does the page's markup show it is one page of a story printed over several: a ``rel="next"`` link to a
    later page of its own address, or a row of page links in the story (not a comment thread's, a gallery's, a
    box of other stories')?"""
    own = next((str(u).strip() for u in tree.xpath(_OWN_URL) if str(u).strip()), "")
    for el in tree.xpath('//link[@href] | //a[@href]'):
        if "next" in (el.get("rel") or "").lower().split() and _later_page(el.get("href") or "", own):
            return True
    headed = _headed(tree)
    # (most pages have no such row: their elements are not walked one by one)
    for el in tree.xpath("descendant-or-self::*[@class or @id]") if _marks_any(tree, ("class", "id"), _PAGER) else ():
        if el.tag in ("html", "body", "head"):
            continue
        label = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _PAGER.search(label) or _NOT_PAGER.search(label) or _elsewhere(el, headed):
            continue
        if any(_PAGE_LINK_TEXT.match(a.text_content()) for a in el.iter("a") if a.get("href")):
            return True
    return False


def _later_page(href: str, own: str) -> bool:
    """Is ``href`` page 2 or later of the story at ``own`` (its address; '' when the page gives none)? A page
    number in the query or a "/page/N" path is one wherever it points on the site when the page's address is
    unknown; a bare "/N/" only after the story's own path."""
    from urllib.parse import urlsplit

    try:
        link, page = urlsplit(href.strip()), urlsplit(own)
    except ValueError:  # "http://[oops/…": an unclosed IPv6 bracket, no address to compare
        return False
    if link.netloc and page.netloc and link.netloc.lower() != page.netloc.lower():
        return False
    path = link.path or page.path
    for pattern, in_query in ((_PAGE_QUERY, True), (_PAGE_PATH, False), (_NUMBER_PATH, False)):
        m = pattern.search(link.query if in_query else path)
        if m is None or int(m.group(1)) < 2:
            continue
        base = path if in_query else path[: m.start()]
        if own:
            return base.rstrip("/") == page.path.rstrip("/")
        return pattern is not _NUMBER_PATH
    return False


# --------------------------------------------------------------------------------------- print views

# A print view (or a browser's printout saved as a page) names the story's address in a footer where the page has
# no <link rel="canonical"> or og:url: "URL: https://…", "Printed from site.example: https://…", "Article link:
# https://…", "Source URL: https://…".
_PRINTED_URL = re.compile(
    r"(?:\b(?:(?:source|article|story|page|original)\s+)?url|\b(?:article|story)\s+(?:link|address)"
    r"|\bprinted\s+from(?:\s+\S+\s+at)?|\bretrieved\s+from|\bread\s+(?:this\s+)?(?:story|article)\s+online\s+at)"
    r"\s*:?\s*<?(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:)])",
    re.I,
)
_PRINT_FOOTER_MAX_WORDS = 60


def printed_url(tree: HtmlElement) -> str:
    """The address a print view's footer gives for its story ("URL: https://…"), the last such footer's; '' when
    there is none. Only a short block of text counts (a footer, not a paragraph of the story that quotes a link)."""
    found = ""
    headed: set[HtmlElement] | None = None
    # The address is written in one piece of text (the pieces are joined with spaces): only the blocks that hold a
    # piece with "://" are read, not the text of every block of the page.
    linked = {node for el in tree.xpath("descendant-or-self::text()[contains(., '://')]/..")
              for node in (el, *el.iterancestors())}
    if not linked:
        return ""
    for el in tree.iter("p", "div", "footer", "span", "td", "small", "address"):
        if el not in linked or next(el.iterdescendants(*_BLOCKS), None) is not None:
            continue  # a container: its blocks are read one by one (not a page's text once per wrapper around it)
        text = " ".join(" ".join(el.itertext()).split())  # a <br> ends the address: "1.884.<br>©" is no "1.884.©"
        if not text or len(text.split()) > _PRINT_FOOTER_MAX_WORDS:
            continue
        if (m := _PRINTED_URL.search(text)) is None:
            continue
        headed = _headed(tree) if headed is None else headed
        if not _elsewhere(el, headed):
            found = m.group("url")
    return found


# --------------------------------------------------------------------------------------- notices

# A page saved in place of the story: the site's error page, a cookie consent wall, a robot check. Each is a
# notice of a sentence or two, which trafilatura's looser pass (``ingest``: for a page whose story sits in a table)
# reads as prose, and which a summary would give as the story.
_NOTICES = (
    ("an error page", re.compile(
        r"\b(?:page|article|story|content|file)\b[^.!?]{0,40}\b(?:(?:was|is|could ?n[o']t be|can ?n[o']t be|"
        r"could not be|cannot be) found|not found|(?:does not|doesn't|no longer) exists?|(?:is )?no longer available)"
        r"|\b(?:404|403|500|502|503)\b[^.!?]{0,20}\b(?:error|not found|forbidden)\b|^(?:error )?40[34]\b|\bnot found$"
        r"|\bsomething went wrong\b|\b(?:internal )?server error\b|\bservice (?:is )?(?:temporarily )?unavailable\b"
        r"|\baccess (?:is )?denied\b|\bpermission to access\b|\b(?:been|was) (?:moved|removed|deleted)\b"
        r"|\btry (?:again later|searching)\b|\breturn to the home ?page\b|^reference #", re.I)),
    ("a cookie consent page", re.compile(
        r"\bwe value your privacy\b|\b(?:store|use) (?:and|or) access information on (?:a|your) device\b"
        r"|\bcookies? (?:settings|preferences|consent|policy)\b|\baccept (?:all|cookies)\b|\breject all\b"
        r"|\bmanage (?:your )?(?:options|choices|preferences|settings)\b|^before you continue\b"
        r"|\bpersonali[sz]ed (?:ads|advertising)\b", re.I)),
    ("a robot check", re.compile(
        r"\bnot a robot\b|\bverify (?:that )?you(?: a|')re (?:a )?human\b|\bare you a (?:robot|human)\b"
        r"|\bunusual (?:activity|traffic)\b|\bcaptcha\b|\bchecking your browser\b|\bplease (?:enable|allow) "
        r"(?:javascript and )?cookies\b|\bverify you are human\b", re.I)),
)
# A notice page is short; a story that mentions a "404 error" or a cookie policy runs longer.
_NOTICE_MAX_WORDS = 80
# A notice speaks to the reader ("The page you requested …", "We value your privacy", "Please try again") or is a
# label ("Page not found.", "Access Denied"); a story reports ("… were told to try again later, a spokesman said").
_TO_READER = re.compile(r"\b(?:you|your|we|our|us|please|sorry|oops)\b", re.I)
_NOTICE_LABEL_WORDS = 6


def notice_page(title: str, paragraphs: list[str]) -> str:
    """What the page is when it is a notice saved in place of a story ("an error page", "a cookie consent page",
    "a robot check"), else '': its text short, and half its paragraphs or more, two at least (or its title and one
    paragraph), of that notice, each a label or speaking to the reader, none reporting what someone said."""
    if not paragraphs or sum(len(p.split()) for p in paragraphs) > _NOTICE_MAX_WORDS:
        return ""
    lines = [" ".join(p.split()) for p in paragraphs]
    lines = [p for p in lines if not _REPORTED.search(p)
             and (len(p.split()) <= _NOTICE_LABEL_WORDS or _TO_READER.search(p))]
    for kind, pattern in _NOTICES:
        hits = sum(1 for p in lines if pattern.search(p))
        if (2 * hits >= len(paragraphs) and hits >= min(2, len(paragraphs))) or (
            hits and pattern.search(" ".join(title.split()))
        ):
            return kind
    return ""


def notice_lines(tree: HtmlElement) -> list[str]:
    """The lines a page without a story shows outside its frame (headings, paragraphs, cells), for
    ``notice_page``."""
    lines = []
    for el in tree.iter("h1", "h2", "h3", "p", "li", "td"):
        if next((a for a in el.iterancestors() if a.tag in _FRAME_TAGS), None) is not None:
            continue
        if el.tag == "td" and next(el.iter("p", "h1", "h2", "h3", "li", "table"), None) is not None:
            continue  # a cell of blocks: its blocks are lines of their own
        if text := " ".join(" ".join(el.itertext()).split()):
            lines.append(text)
    return lines


# --------------------------------------------------------------------------------------- commenters

# A name in a comment thread ("<span class="author">readerJoe</span> 2 hours ago"), which trafilatura's author
# search takes for the story's byline where the page marks none of its own.
_NAME_CLASS = re.compile(r"author|user-?name|byline|commenter|\bname\b", re.I)
_NAME_MAX_WORDS = 5


def commenters(tree: HtmlElement) -> frozenset[str]:
    """The names (case-folded, whitespace collapsed) that the page marks as an author only inside a comment
    thread or another box of what is not the story (``_elsewhere``), never in the story's own byline."""
    inside: set[str] = set()
    outside: set[str] = set()
    headed = _headed(tree)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('itemprop') or ''} {el.get('rel') or ''}"
        if not _NAME_CLASS.search(marks):
            continue
        name = " ".join(el.text_content().split()).casefold()
        if name and len(name.split()) <= _NAME_MAX_WORDS:
            (inside if _elsewhere(el, headed) else outside).add(name)
    for meta in tree.xpath('//head/meta[@name="author" or @property="article:author"]/@content'):
        outside.add(" ".join(str(meta).split()).casefold())
    return frozenset(inside - outside)


# --------------------------------------------------------------------------------------- author box

# A blog platform's box about the writer below the story (Medium's "Written by NAME" and a line of biography, "About
# the author"), which trafilatura keeps as the story's last paragraphs.
_AUTHOR_BOX = re.compile(r"^(?:written by|about the (?:author|writer)|more from)\b[^.!?]{0,60}$", re.I)
_AUTHOR_BOX_MAX_PARAGRAPHS = 3
_AUTHOR_BOX_MAX_WORDS = 40


def without_author_box(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without a box about the writer at their end: its heading ("Written by Ilse Marrow") and the
    few short paragraphs below it."""
    for k in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 2 - _AUTHOR_BOX_MAX_PARAGRAPHS), -1):
        if k > 0 and _AUTHOR_BOX.match(paragraphs[k].strip()) and all(
            len(p.split()) <= _AUTHOR_BOX_MAX_WORDS for p in paragraphs[k + 1:]
        ):
            return paragraphs[:k]
    return paragraphs
