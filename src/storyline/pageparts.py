"""Page parts that read like prose: photo captions, teaser cards, embeds, promos, taglines.

``clean.py`` drops lines that look like furniture (menus, credits, banners). What survives it and still
reaches summaries are parts of the page that are written in sentences but are not the article:

- photo captions. Wire captions follow a fixed style (AP Stylebook, "Captions"): a present-tense
  sentence saying who does what where, then the date set off by commas, with the year because the
  photo outlives the news ("A man rides through a flooded street in Lindenfeld, Tuesday, Oct. 30,
  2029."), often opened by "FILE -" or "In this photo taken ...", or closed by a credit;
- photo galleries flattened into one line ("Image 3 of 12 ...");
- teaser cards that pair a caption with the first words of a story, cut mid-sentence and followed by
  the agency's name ("... collapsing homes... (Wire Service)"), and teasers cut at a character limit;
- embedded posts, whose fallback text ends with "— Name (@handle) Month D, YYYY";
- promos and taglines: "click here", newsletter prompts and sign-up forms, "[Photos: ...]" links, "(Quiz: ...)",
  "X contributed to this report.";
- a news site's summary points above the story ("Story highlights ...").

Every rule looks at one paragraph (a line after ``clean.rejoin_lines``) and is bounded in length: a
caption, a card or a prompt is short, and a long paragraph of reporting is never dropped for matching
one of these shapes. Dates inside prose survive: a caption's date is appended to the sentence (after a
comma or straight after a place), whereas prose introduces it ("took effect on Monday, May 7, 2029"),
and a sentence in the past tense is not read as a caption unless the date is set off by a comma.

Flattening also runs page parts into the sentences around them: a caption and its credit before the story
in one paragraph, an ad slot's "Advertisement" label between two sentences, a BBC image's "Image copyright
… Image caption" labels, a gallery's player, a newsletter chooser. ``cut_inline_parts`` deletes those words
and keeps the reporting around them.

A paged story's line that turns to its next page ("Continue reading on page 2", "Page 1 of 3") is the page's too
(``is_page_turn``), and a sign that the story's other pages were not read (``pages_missing``).

One rule looks at a whole article instead: a web archive's note on its crawls ("Crawl of outlinks from
…"), which scrapers keep in place of a story reached through the Wayback Machine (``is_archive_note``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import count_words, has_words
from .segment import split_spans

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|"
    r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_FULL_DATE = rf"{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d"
# The caption's date closes the sentence, optionally followed by a short ", in Place." tail.
_PLACE_TAIL = r"(?:,?\s+in\s+[A-Z][\w.' -]{1,40}?(?:,\s*[A-Z][\w.' -]{1,25})?)?"
# The final period is required: a headline ("Quake hits the coast as the king is crowned Saturday, March
# 13, 2029") has none and is the article's title, not a caption.
_DATE_END = re.compile(rf"(?P<lead>[,\w.)])?\s*(?P<weekday>{_WEEKDAY},?\s+)?{_FULL_DATE}{_PLACE_TAIL}\s*\.\s*$")
# Words that put a sentence in the past (or in reported speech): prose, not a caption.
_PAST = re.compile(r"\b(?:was|were|had|has been|have been|did|said|says|told|would|will)\b", re.I)
_CAPTION_MAX_WORDS = 50
_YEAR = re.compile(r"(?:19|20)\d\d\b")

# "... the first words of a story, cut... (Wire Service)": a teaser card credited to its source.
_CARD = re.compile(r"[\w,;]\s?(?:\.{3}|…)\s*\([A-Z][^()]{1,40}\)\s*$")
# Cards, embedded posts and galleries of one or two photos are short; nothing longer is judged here.
_CARD_MAX_WORDS = 80
# A gallery's counter: "Image 3 of 12", "Hide Caption 7 of 40", "Photo 2 of / 9".
_GALLERY = re.compile(r"\b(?:Caption|Image|Photo|Picture|Slide)\s+\d{1,3}\s+of\s+/?\s*\d{1,3}\b", re.I)
_GALLERY_SHORT_WORDS = 80
_GALLERY_WORDS = ("caption", "image", "photo", "picture", "slide")
# "FILE - ...", "In this undated photo released by ...", "A handout photo provided by ... shows ...".
_PHOTO_INTRO = re.compile(
    r"^(?:FILE(?:\s+PHOTO)?\s*(?:[-–—:]|--)"
    r"|In (?:this|a|an|the)\b[^,.]{0,50}?\b(?:photos?|images?|pictures?|frame grab|video still|still)\b"
    r"[^,]{0,60}?\b(?:taken|released|provided|made available|dated|undated|file|handout|courtesy|shot|"
    rf"obtained|from|by|{_MONTH})"
    r"|(?:A|An|This|The)\s+(?:[\w-]+\s+){0,3}?(?:photo|image|picture|frame grab|still)\s+"
    r"(?:taken|released|provided|made available|dated|obtained|from|by|courtesy)\b[^.]{0,120}?\bshows?\b"
    r"|(?:A|An|This)\s+(?:undated|handout|file)\s+(?:[\w-]+\s+){0,2}?(?:photo|image|picture)\b)"
)
_PHOTO_INTRO_MAX_WORDS = 60
# The fallback text of an embedded post ends with its signature: "— Name (@handle) Month D, YYYY".
_EMBED_SIGNATURE = re.compile(rf"[—–-]\s*[^()]{{1,60}}\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$")
# The end-of-story tagline crediting other reporters.
_TAGLINE = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))\b|^(?:additional )?reporting by\b", re.I
)
_TAGLINE_MAX_WORDS = 40
# A whole paragraph in brackets or parentheses: a related-story link, a quiz, a correction note.
_BRACKETED = re.compile(r"^(?:\[[^\[\]]*\]|\([^()]*\))$")
_BRACKETED_MAX_WORDS = 25
# Prompts to the reader: never reporting in a short paragraph. The site speaks of its own newsletter ("Want more
# local news? Sign up for our free newsletter and get the top stories in your inbox every morning.").
_PROMPTS = (
    "click here", "click for more", "sign up now", "to your inbox", "in your inbox", "log in to continue",
    "sign in to continue", "subscribe now", "subscribe today", "download our app", "sign up for our",
    "subscribe to our",
)
_PROMPT_MAX_WORDS = 30
# A sign-up form flattened into a paragraph: several of its stock phrases together. Reporting about
# newsletters may use one or two; four distinct ones in one short paragraph are the form itself.
_FORM_MARKERS = (
    "newsletter", "sign up", "subscrib", "inbox", "email address", "opt-out", "opt out", "special offers",
    "privacy policy", "you can unsubscribe",
)
_FORM_MIN_MARKERS = 4
_FORM_MAX_WORDS = 120
_FOLLOW = re.compile(r"\bfollow (?:him|her|them|me|us) (?:on|at) (?:twitter|facebook|instagram)\b", re.I)
# A writer's or a site's tagline: "Follow Jane Roe on Twitter.", "Follow @janeroe for more news from Lindenfeld.",
# "Follow us @harborsci, Facebook & Google+." A short paragraph opening with "Follow" that names a platform or a
# handle. Matched as pages print it, with a capital after the first word that no stop explains: the processed
# Multi-News release (the scorer's training text) lower-cases names and platforms, and its taglines stay.
_FOLLOW_LINE = re.compile(r"^Follow (?=.*(?:@\w|\b(?:Twitter|Facebook|Instagram|Google\+|LinkedIn|Threads)\b))")
_FOLLOW_LINE_MAX_WORDS = 20
# A writer's note with an address to write to: "Tomas Verlaine covers the environment for the Post. Email him at
# tv@example.org.", "To contact the reporter on this story: Jane Roe in Lindenfeld at jroe@example.org". The writer
# or the site is the one to reach ("him", "us", "the reporter"), not a source of the story ("contact police at …").
_CONTACT = re.compile(
    r"\b(?:(?:e-?mail|contact|reach|write to) (?:him|her|them|me|us)|(?:to )?contact the (?:reporter|writer|"
    r"author|editor|correspondent)s?\b)[^@]{0,80}?[\w.+-]+@[\w-]+\.\w",
    re.I,
)
_CONTACT_MAX_WORDS = 40
# Reporting that a flattened page ran the note into: "… resigned, according to a message from his office. To
# contact the editor …" is no note of its own.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.I)


def _is_writers_note(line: str) -> bool:
    """A writer's note (``_CONTACT``) as a page prints it: with a capitalised name or word that no stop explains
    (the processed Multi-News release, the scorer's training text, is lower-cased: there it stays, as the
    ``_FOLLOW_LINE`` taglines do), and no reporting in it."""
    return (
        _CONTACT.search(line) is not None and _PAGE_CASED.search(line, 1) is not None
        and _REPORTED.search(line) is None
    )
# "Skip Twitter post by @name", "Skip Advertisement": markers a page leaves around embeds and ads; the
# embed's text follows on the same line (a post is short).
_SKIP_MARKER = re.compile(r"^(?:skip|end of) (?:[\w-]+ ){0,2}(?:post|advertisement|content|ad)\b", re.I)
# A caption carries its photo's credit: "... in the park. (Photo: Jane Roe, Wire)" inside the
# paragraph, or "... in the park. Photo: Jane Roe / The Gazette" at its end.
_INLINE_CREDIT = re.compile(r"\((?:AP |AFP |Reuters )?(?:Photo|Image|Picture|Photograph|Credit)s?\b[^()]{0,60}\)")
_END_CREDIT = re.compile(r"\b(?:Photo|Image|Picture|Photograph|Credit)s?:\s*[A-Z][^.!?:]{1,60}$")
# The same credit inside a paragraph that flattening joined to the caption before it and the story after it
# ("... police said. (Photo: Surprise Police Department) A person who was ..."). Capitalised as pages print
# it: the processed Multi-News release, lower-cased, keeps its credits (and so does the scorer's training
# text, which the summarized text must resemble).
# An agency's credit after a label, without parentheses, between a caption's sentence and the story ("… Guidel
# in Brittany. Photo: AFP "For the region, …") is the same credit: the agency's name is the credit's end.
_AGENCIES = r"(?:AFP|AP|REUTERS|Reuters|EPA|EPA-EFE|UPI|Xinhua|Getty Images|Associated Press|Bloomberg)"
_CREDIT_IN_TEXT = re.compile(
    r"\(\s*(?:AP |AFP |Reuters )?(?:Photo|Image|Picture|Photograph|Credit)s?\s*(?::|/|\s+(?:by|courtesy|via)\b)"
    r"[^()]{0,60}\)\s*"
    rf"|(?<=[.!?] )(?:Photo|Image|Picture|Photograph)s?:\s*{_AGENCIES}(?:\s*/\s*{_AGENCIES})?\s+(?=[\"“A-Z])"
)
# A credit needs this many words after it to be read as a caption joined to the story that follows.
_STORY_AFTER_CREDIT_WORDS = 6
# A credit that closes a paragraph, in parentheses or after a label: "… the mayor said. (Photo: Jane Roe/Alder
# Gazette)", "… the mayor said. Photo: Jane Roe / The Gazette" (not a related link: "[Photos: The Ten …]").
# The agency's name alone in parentheses after the last sentence ("… in the 2016 election. (Reuters)") is a credit
# too; before the sentence's stop it is the agency named in the sentence ("… reported by the Associated Press (AP)").
_AGENCY_CREDIT = rf"(?<=[.!?\"”’])\s*\({_AGENCIES}\)"
_CLOSING_CREDIT = re.compile(
    r"\s*(?:\((?:AP |AFP |Reuters )?(?:Photo|Image|Picture|Photograph|Credit)s?\b[^()]{0,60}\)"
    rf"|{_AGENCY_CREDIT}"
    r"|(?<![\w\[(])(?:Photo|Image|Picture|Photograph|Credit)s?:\s*[A-Z][^.!?:()\[\]]{1,60})\s*$"
)
_AGENCY_CLOSING = re.compile(rf"{_AGENCY_CREDIT}\s*$")
# What a caption says and reporting does not: the photo and who is in it, seen, shown or posing ("Workers are
# seen at the pier", "Mayor Okafor, pictured, said …", "(left)", "from left").
_CAPTION_WORDS = re.compile(
    r"\b(?:pictured|seen|shown|poses|posing|photo(?:graph)?s?|image|from left)\b|\((?:left|right|cent(?:er|re))\)",
    re.I,
)
# A footnote's reference mark glued to the word or the stop before it ("… close on Thursday.[1]", "the 1988 sale[2]
# was"): the sentence ended in "]" and was read as no sentence of the story, dropped; and the note's own label at the
# head of the note ("[1] Two private schools …"). A bracket after a space ("the [mayor's] office") is an editor's
# insertion, not a mark, and so is a bracketed letter anywhere: a quotation's changed capital ('"[w]e did not
# arrest'), a plural ('dog[s]'); cutting "[a]"-style marks cut those letters out of MultiLing's quotations.
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_]|[.!?…\"”’),;:])\[(?:\d{1,3}|citation needed)\](?![^\W_])")
_FOOTNOTE_LABEL = re.compile(r"^\[\d{1,3}\]\s+(?=[A-Z\"“])")
# "Advertisement" left between two sentences where an ad slot was ("... the vote. Advertisement The mayor
# said ..."): the slot's label, flattened into the text. The next word must be capitalised: "Advertisement
# spending rose" is a sentence about advertising, and in the sentence-cased processed Multi-News release
# (the scorer's training text) the label's next word never is.
_AD_SLOT = re.compile(
    r"(?:^|(?<=[.!?\"”’)] ))(?:Advertisement|ADVERTISEMENT)\s+(?:Continue reading the main story\s+)?(?=[A-Z])"
)
# A BBC page flattened: "Image copyright AFP Image caption Mexican troops guard ...": the two labels and the
# rights holder between them (the caption's own words cannot be told from the story's and stay).
_IMAGE_LABELS = re.compile(r"\bImage copyright\s+(?:\S+\s+){1,5}?Image caption\s+")
# A photo gallery's player flattened into the text: its counter and buttons, the captions and credits of its
# photos, and the countdown to the next one ("1 of 62 Full Screen Autoplay Close Skip Ad × ... Buy Photo Wait 1
# second to continue."). Everything from the counter to the countdown is the gallery. Capitalised as pages print
# the buttons (the processed Multi-News release, lower-cased, keeps them: the scorer's training text).
_GALLERY_PLAYER = re.compile(
    r"(?:\b\d{1,3} of \d{1,3} )?Full Screen Autoplay Close\b.{0,2000}?\bWait \d+ seconds? to continue\.?\s*"
)
# A newsletter chooser flattened into the text: a prompt, then each newsletter's name and blurb with the
# confirmation its button shows ("Get our newsletter daily. Business Your guide to ... You will now receive the
# Business newsletter Markets ... You will now receive the Markets newsletter"). From the sentence that first
# names a newsletter to the last confirmation; the story that runs on after it stays.
_CHOOSER = re.compile(
    r"(?:(?<=^)|(?<=[.!?\"”] ))[^.!?]{0,120}\b[Nn]ewsletter\b.{0,2000}You will now receive the "
    r"(?:[A-Z][\w&'-]*\s){1,4}?newsletter\b\s*"
)
# The card a page shows on a person's name, flattened after it ("… Intelligence James Clapper James Robert
# ClapperClapper: It's getting 'harder …' Trump didn't know … Furor grows over … MORE said on Sunday"): the
# person's full name, its surname glued to the first of the linked headlines, the headlines and the "MORE"
# button. Everything from the full name to the button goes; the name before it and the story after it stay.
# Capitalised as pages print it, and the surname written before the card too.
_NAME_CARD = re.compile(
    r"\b(?P<surname>[A-Z][a-z’'-]+) (?:[A-Z][\w.’'-]*\s+){1,3}(?P=surname)(?=[A-Z])[^\n]{1,600}?\sMORE(?=[\s’',.])"
)
# End-anchored patterns are tried on the paragraph's tail only: searching a whole paragraph for a
# pattern anchored at its end tries it at every offset (cleaning took three times as long).
_TAIL = 160

# A teaser cut at a character limit ends in an ellipsis straight after a word (no closing quote:
# a quotation trailing off closes its quote, "I don't know...").
_TRUNCATED = re.compile(r"[\w,;]\s?(?:\.{3}|…)\s*$")
# A lone truncated sentence this short is a headline or a caption teaser; a longer one keeps enough
# reporting (a paywalled lede) to stay.
_LONE_TEASER_MAX_WORDS = 15
# Gannett's video players ("CLOSE Police departments across the country responded to …"): the button's label
# flattened into the description. Reporting never opens a sentence with the word in capitals.
_PLAYER_CLOSE = re.compile(r"^CLOSE\s+(?=[A-Z\"“‘'])")
# CNN's "Story highlights": the label, then three or four one-line points that restate the story, above its
# first paragraph. Flattened, the label runs into the first point (and a point ending in "says" into the next
# one). The points are the story's summary, not its reporting. Matched as pages print it, the label on a
# line of its own and the point capitalised: in the processed Multi-News release (the scorer's training text)
# the label, lower-cased points and the story's first paragraph are one line, which stays.
_HIGHLIGHTS = re.compile(r"^(?:Story highlights|Story Highlights|STORY HIGHLIGHTS)\s+(?=[\"“‘']?[A-Z0-9])")
_HIGHLIGHTS_MAX_WORDS = 80
# A live blog's or an explainer's label over its own summary: "Key points:", "Key events", "Summary", "At a
# glance", "What we know so far". A label, with no content of its own: alone on its line it is dropped, run
# into its first point ("Key points: About 300 people …") it is cut from the sentence. Unlike CNN's
# highlights, the points stay: a live blog's summary of updates that are short and many. Matched as pages print
# it, capitalised, and followed by a capitalised point (not "Summary judgment was granted", nor the processed
# Multi-News release's lower-cased "Summary: armed workers …", which stays as the shipped model saw it).
_POINTS_LABEL = re.compile(
    r"^(?:Key (?:points|Points|events|Events|facts|Facts|developments|Developments)|KEY (?:POINTS|EVENTS|FACTS)|"
    r"Summary|SUMMARY|At a glance|At a Glance|Highlights|HIGHLIGHTS|What we know(?: so far)?|What We Know)"
)
_POINTS_LABEL_END = re.compile(r"\s*[:–—-]?\s*$")
# Run into its first point, the label ends on a colon or a dash: without one, "Summary Judgment Granted", "What
# We Know About the Flood" and "Highlights Magazine named …" are a headline and a sentence that open on its words.
_POINTS_LABEL_LEAD = re.compile(r"\s*[:–—-]\s+(?=[\"“‘']?[A-Z])")
# "- ", "• ", "* ", "▪ ": a list item's marker at the start of a line (trafilatura prints ``<li>`` with "- "),
# before the item's capital, as pages print it: in the processed Multi-News release (the scorer's training
# text, lower-cased) a document that opens on "- hillsborough county …" or "• 1.8m users …" keeps its mark,
# and is cleaned as the shipped model saw it. Below a summary's label a point may open on a figure too.
_BULLET = re.compile(r"^[-•*–·▪●■◦]\s+(?=[\"“‘']?[A-Z])")
_POINT = re.compile(r"^[-•*–·▪●■◦]\s+(?=[\"“‘'$£€]?[A-Z0-9])")
# "... said on Tuesday. [Photos: The Ten Tallest Bridges]": a related-link in brackets after a sentence.
_TRAILING_LINK = re.compile(r"(?<=[.!?\"”’])\s+\[[^\[\]]{3,120}\]\s*$")


def is_caption(line: str) -> bool:
    """A photo caption standing as a paragraph: a short sentence ending with a full date (with year),
    appended as captions do. The date set off by a comma ("in Lindenfeld, Tuesday, Oct. 30, 2029.")
    is enough; a date straight after a place ("in Lindenfeld Tuesday, Oct. 30, 2029.") also needs
    the weekday and a present-tense sentence with no past tense or reported speech in it. A date
    introduced by a preposition ("on", "since") is prose."""
    if not line.endswith(".") or line[:1] in "\"“‘'" or _tokens(line) > _CAPTION_MAX_WORDS:
        return False
    offset = max(0, len(line) - _TAIL)
    if not _YEAR.search(line, offset):  # most paragraphs: no year near the end, no caption date
        return False
    m = _DATE_END.search(line, offset)
    if not m or m.start() == 0:
        return False
    before = line[: m.start() + (1 if m.group("lead") else 0)].rstrip()
    if _ends_in_sentence_break(before):  # the date stands alone after a sentence: a dateline stamp
        return False
    if before.endswith(","):
        return True
    last = before.rsplit(None, 1)[-1].lower() if before else ""
    if last in _DATE_PREPOSITIONS or not m.group("weekday"):
        return False
    return not _PAST.search(line) and _present_verb(line)


# "A bus drives", "Crowds are": a caption's verb is in the present, early in the sentence. Irregular
# past forms ("left") cannot be told from other words, so without a present verb it is prose.
_PRESENT = re.compile(r"^(?:is|are|[a-z]{2,}[^s\W]s)$")
_NOT_VERBS = {"this", "thus", "news", "always", "perhaps", "its", "was", "has", "does", "series", "means"}


def _present_verb(line: str) -> bool:
    words = line.split()[1:9]
    return any(_PRESENT.match(w) and w not in _NOT_VERBS for w in words)


_DATE_PREPOSITIONS = {
    "on", "since", "until", "till", "by", "before", "after", "from", "of", "to", "through", "between",
    "and", "or", "than", "born", "dated", "starting", "beginning", "ending", "effective",
}


def _tokens(line: str) -> int:
    """Words and stray punctuation of a whitespace-collapsed line: the bound every rule here is given
    (counting words with a regex on every paragraph of every article was most of the cost)."""
    return line.count(" ") + 1


def _ends_in_sentence_break(text: str) -> bool:
    return not text or text[-1] in ".!?:;"


def is_page_part(line: str) -> bool:
    """True for a paragraph that is part of the page around the article (see the module docstring).
    ``line`` is one paragraph with its whitespace collapsed."""
    if not line:
        return False
    low = line.lower()
    gallery = 0
    # map() over the bound ``in`` test: the same scans as a generator expression, without its frames
    has = low.__contains__
    if " of " in low and any(map(has, _GALLERY_WORDS)):
        gallery = len(_GALLERY.findall(line))
    n = _tokens(line)
    if n <= _FORM_MAX_WORDS and sum(map(has, _FORM_MARKERS)) >= _FORM_MIN_MARKERS:
        return True
    if n > _CARD_MAX_WORDS:  # a long paragraph is reporting, or a whole gallery
        return gallery >= 2
    if gallery and (gallery >= 2 or n <= _GALLERY_SHORT_WORDS):
        return True
    tail = line[-_TAIL:]
    if line.endswith(")") and ("..." in tail or "…" in tail) and _CARD.search(tail):
        return True
    if "(@" in tail and _EMBED_SIGNATURE.search(tail):
        return True
    if n <= _PHOTO_INTRO_MAX_WORDS and _PHOTO_INTRO.match(line):
        return True
    if n <= _TAGLINE_MAX_WORDS and ("contribut" in low or "reporting by" in low) and _TAGLINE.search(line):
        return True
    if n <= _BRACKETED_MAX_WORDS and line[0] in "[(" and _BRACKETED.match(line):
        return True
    if n <= _PROMPT_MAX_WORDS and (any(map(has, _PROMPTS)) or ("follow" in low and _FOLLOW.search(line))):
        return True
    if n <= _FOLLOW_LINE_MAX_WORDS and _FOLLOW_LINE.match(line) and _PAGE_CASED.search(line, 7):
        return True
    if _SKIP_MARKER.match(line):
        return True
    if n <= _CONTACT_MAX_WORDS and "@" in line and _is_writers_note(line):
        return True
    if is_highlights(line):
        return True
    if n <= _CAPTION_MAX_WORDS and (
        ("(" in line and _INLINE_CREDIT.search(line)) or (":" in tail and _END_CREDIT.search(tail))
        or (line.endswith(")") and _AGENCY_CLOSING.search(tail))
    ):
        return True
    return is_caption(line)


def is_highlights(line: str) -> bool:
    """Is ``line`` a "Story highlights" label with its first point (see ``_HIGHLIGHTS``)? The points after
    it are lines of their own, none closed by a stop (``is_highlight_point``)."""
    return line.startswith(("Story ", "STORY ")) and _tokens(line) <= _HIGHLIGHTS_MAX_WORDS and bool(
        _HIGHLIGHTS.match(line)
    )


def is_highlight_point(line: str) -> bool:
    """Can ``line``, just below a highlights label, be one of its points: short, and not closed by a stop (a
    point may end on a closing quote: 'chief calls him "gentleman"'), where the story's paragraphs are."""
    return _tokens(line) <= _HIGHLIGHTS_MAX_WORDS and not line.rstrip("\"”’')]").endswith((".", "!", "?", "…"))


def is_points_label(line: str) -> bool:
    """Is ``line`` a summary's label alone ("Key points:", "Key events", see ``_POINTS_LABEL``)?"""
    m = _POINTS_LABEL.match(line.strip())
    return m is not None and bool(_POINTS_LABEL_END.match(line.strip(), m.end()))


def cut_points_label(line: str) -> str:
    """``line`` without a summary's label run into its first point: "Key points: About 300 people were
    evacuated." is "About 300 people were evacuated."; a line that does not open on one, with its colon or
    dash, is returned as it is."""
    m = _POINTS_LABEL.match(line)
    lead = _POINTS_LABEL_LEAD.match(line, m.end()) if m else None
    return line[lead.end():] if lead else line


def bullet_item(line: str, *, point: bool = False) -> str | None:
    """The text of a list item printed with its marker ("- About 300 homes were evacuated"), else ``None``;
    with ``point`` (below a summary's label), one that opens on a figure too ("- 300 homes evacuated")."""
    m = (_POINT if point else _BULLET).match(line)
    return line[m.end():] if m else None


def report_before_credit(line: str) -> str | None:
    """The paragraph ``line`` without the photo credit that closes it (``_CLOSING_CREDIT``), when what the credit
    closes is the story's reporting, not the photo's caption; None for any other paragraph (one that a credit
    closes is dropped whole as a caption). A caption says what the photo shows in a sentence or two; reporting
    credits its source ("…, the mayor said", ``_REPORTED``) over two sentences or more, without a caption's
    words (``_CAPTION_WORDS``) or a caption's dated sentence (``_DATE_END``)."""
    if not (line.endswith(")") or ":" in line[-_TAIL:]):
        return None
    m = _CLOSING_CREDIT.search(line, max(0, len(line) - _TAIL))
    if m is None:
        return None
    prose = line[: m.start()]
    if not _REPORTED.search(prose) or _CAPTION_WORDS.search(prose):
        return None
    spans = list(split_spans(prose))
    # a wire caption's dated sentence ("… in Lindenfeld, Monday, Oct. 29, 2029.") with a sentence of background
    # after it ("The mayor said Monday that …") is a caption still
    if len(spans) < 2 or any(_DATE_END.search(prose, a, b) for a, b in spans):
        return None
    return prose


def cut_inline_parts(line: str) -> str:
    """``line`` without the page parts that flattening ran into its sentences: a photo credit in
    parentheses with its caption, the one sentence before it (when that sentence is caption-sized; a
    longer one keeps and only the credit goes), an "Advertisement" label between two sentences, a
    flattened BBC image's labels, a gallery's player, a newsletter chooser, a name's card with its linked
    headlines (after the name, which stays) and a footnote's reference marks ("[1]"). Words are only deleted; a
    paragraph without any is returned as it is."""
    if "(" in line or ": " in line:
        m = _CREDIT_IN_TEXT.search(line)
        while m:
            after = line[m.end() :]
            if not has_words(after, _STORY_AFTER_CREDIT_WORDS):
                break  # the credit closes the paragraph: ``is_page_part`` judges the whole of it
            before = line[: m.start()]
            spans = list(split_spans(before))
            if spans and _tokens(before[spans[-1][0] :].strip()) <= _CAPTION_MAX_WORDS:
                before = before[: spans[-1][0]]  # the caption; the reporting before it stays
            line = before + after
            m = _CREDIT_IN_TEXT.search(line)
    if "Advertisement" in line or "ADVERTISEMENT" in line:
        line = _AD_SLOT.sub("", line)
    if "Image caption" in line:
        line = _IMAGE_LABELS.sub("", line)
    if "Full Screen Autoplay" in line:
        line = _GALLERY_PLAYER.sub("", line)
    if "You will now receive the " in line:
        line = _CHOOSER.sub("", line)
    if " MORE" in line:
        line = _NAME_CARD.sub(lambda m: m.group("surname"), line)
    if "[" in line:
        line = _FOOTNOTE_MARK.sub("", _FOOTNOTE_LABEL.sub("", line, count=1))
    return line


def trim_teaser(line: str) -> str:
    """``line`` without the parts a page adds to a paragraph: the "CLOSE" button of a video player before
    the video's description, a related-story link in brackets after the last sentence, and a trailing
    sentence cut off by an ellipsis. A paragraph that is only a short cut-off sentence (a headline teaser)
    becomes empty; a long one is kept whole."""
    if line.startswith("CLOSE "):
        line = _PLAYER_CLOSE.sub("", line, count=1)
    if line.endswith("]"):
        link = _TRAILING_LINK.search(line, max(0, len(line) - _TAIL))
        if link:
            line = line[: link.start()]
    if not line.endswith(("...", "…")) or not _TRUNCATED.search(line, max(0, len(line) - 8)):
        return line
    spans = list(split_spans(line))  # the segmenter knows "Mr." and "U.S." are not sentence ends
    if len(spans) > 1:
        return line[: spans[-2][1]].rstrip()
    return "" if count_words(line) <= _LONE_TEASER_MAX_WORDS else line


# Sentences of web furniture that pages carry inside a paragraph and scrapers flatten into the text, where
# no line-level test can drop them without the reporting around them: the Internet Archive's notes on its
# crawls (news datasets reach many pages through the Wayback Machine), Twitter's location notice, comment
# and e-mail forms, video players, reprint notices. Each phrase is one that reporting does not use.
_FURNITURE_PHRASES = (
    "crawls are part of an effort to archive pages",
    "archive the pages that they refer to",
    "as the pages that are referenced are changed or taken from the web",
    "a link to the version that was live when the page was written",
    "the internet archive hopes that references to these archived pages",
    "the goal is to fix all broken links on the web",
    "crawls of supported",
    "these data are added to the wayback machine after an embargo",
    "has been donating their crawl data to the internet archive",
    "focused crawls are collections of frequently-updated webcrawl data",
    "the seed for this crawl was a list of every host in the wayback machine",
    "using the archive-it service of the internet archive",
    "add location information to your tweets",
    "delete your tweet location history",
    "always have the option to delete your location history",
    "when you tweet with a location, twitter stores that location",
    "would you like to proceed to legacy twitter",
    "get breaking news alerts and special reports",
    "this will appear next to all of your comments",
    "this will not appear anywhere on newser",
    "rating is available when the video has been rented",
    "this feature is not available right now",
    "the interactive transcript could not be loaded",
    "the news and stories that matter, delivered weekday mornings",
    "this copy is for your personal, non-commercial use only",
    "use the order reprints tool",
    "there was a problem saving your notification",
    "email notifications are only sent once a day",
    "we have sent you a verification email",
    "check your spam or junk folder",
    "click on the link to activate your profile",
    "add as an interest to stay up to date",
    "subscribe to our free newsletters",
    "javascript is disabled in your browser",
)


# A page's note on where and when the story itself was published: "This article is reproduced with permission
# from Climate Central. The article was first published on June 15, 2017.", "— This story was last updated at
# 3:39 p.m.", "First published April 25, 8:32 p.m. PT.", "(Published Wednesday, July 26, 2017)". The story
# speaks of itself ("This article", or "The article was first ..."); a report on a study or another paper's
# article ("The article was published in Nature") is not matched. A note must carry what a page prints and
# the processed Multi-News release (the scorer's training text, lower-cased, "3: 39") does not: a capitalised
# name or date after its first word, or a time written "3:39"; there it stays.
_SELF_NOTE = re.compile(
    r"^[(\[—–-]*\s*(?:"
    r"(?:This (?:article|story|post|piece|column|essay|interview|version)|The (?:article|story|post|piece)"
    r"(?= was (?:first|originally)\b))(?: was| is| has been| had been)?(?: first| originally| also| last)?"
    r" (?:published|republished|reproduced|reprinted|posted|updated|adapted|excerpted|appeared|syndicated)\b"
    # or a stamp that is nothing but the date and time
    r"|(?:(?:First|Originally|Last) (?:published|posted|updated)|Published|Updated|Posted):?"
    rf"(?: on)?(?: {_WEEKDAY},?)? {_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?"
    r"(?:,?(?: at)? \d{1,2}(?::\d\d)? ?[ap]\.?m\.?(?: [A-Z]{2,4})?)?\.?\)?$)"
)
# where a note can start: a search for these is all a paragraph without one costs
_SELF_NOTE_CUE = re.compile(
    r"\b(?:This (?:article|story|post|piece|column|essay|interview|version)|The (?:article|story|post|piece) was"
    r"|(?:First|Originally|Last) (?:published|posted|updated)|Published|Updated|Posted)\b"
)
_SELF_NOTE_MAX_WORDS = 30
# words without which no note matches, looked for as substrings before the cue's alternation is tried at every
# offset of the paragraph (that search alone took ~0.2 ms of a scraped cluster's cleaning)
_SELF_NOTE_WORDS = ("This ", "ublished", "pdated", "osted", " was first", " was originally")
# a capital that does not follow a stop (the processed release capitalises after "p.m." and "sen."), or "3:39": a
# page's case, per sentence here and in the first 3,000 characters of a text for ``reads_as_release``
_PAGE_CASED = re.compile(r"(?<![.!?:;])\s[(\"“‘']?[A-Z]|\d:\d\d")


# A notice that the story was updated, alone in its sentence: "This story has been updated.", "This post has been
# updated to include a response from Mayor Okafor.", "(This article was updated at 3:15 p.m.)". It says nothing of
# the event (what changed is in the story); a bare one goes even where ``_SELF_NOTE`` needs a page's capital, as
# the processed Multi-News release (the scorer's training text) has no other words for it.
_UPDATE_NOTICE = re.compile(
    r"^[(\[—–*-]*\s*(?:(?:note|update|editor'?s note)\s*:\s*)?(?:this|the) (?:story|article|post|report|piece|page)"
    r" (?:has been|was|is being|will be|had been) updated"
    # when, or what for, but no news of its own ("updated to indicate that the singer deleted another photo")
    rf"(?P<tail>,? (?:at|on|since|throughout|with|to|in|(?:{_MONTH})|\d)\b"
    r"(?:(?!\bthat\b)[^.!?]|\b[ap]\.m\.|\b[A-Z]\.)*)?"
    r"[.!?]?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_UPDATE_NOTICE_MAX_WORDS = 30


def is_update_notice(sentence: str) -> bool:
    """Is the sentence only a notice that the story has been updated (``_UPDATE_NOTICE``)? Bare ("This story has
    been updated."), or saying when or why as a page prints it (``_PAGE_CASED``: "at 3:15 p.m.", "with comment
    from Mayor Okafor"); the processed release's "updated at 4: 15 p.m. Et with comment …" stays, as its other
    notes do (``_is_self_note``)."""
    if _tokens(sentence) > _UPDATE_NOTICE_MAX_WORDS:
        return False
    m = _UPDATE_NOTICE.match(sentence)
    return m is not None and (not m["tail"] or _PAGE_CASED.search(sentence.lstrip("([—–*- "), 1) is not None)


# A correction or clarification that the outlet appended to its story: "Correction: An earlier version of this
# article said …", "CORRECTION (March 10, 2026): …", "Clarification: …", an editor's note that corrects ("Editor's
# note: An earlier version of this story misstated …"), or the sentence alone ("An earlier version of this story
# gave the wrong date …"). It is about the article, not the event, and carries the wrong figure beside the right
# one: as a sentence of the story it would be summarized, and its wrong figure read as a source's claim. It is
# kept apart (``Article.corrections``) and told beside the summary, where it warns the reader.
_CORRECTION_LABEL = re.compile(
    r"^[(\[*]*\s*(?P<label>corrections?|clarifications?|editor'?s note)"
    # then only a date or a note in brackets before the colon: "CORRECTION (March 10, 2026):", "Correction, May 3:";
    # not "Corrections officers said: …"
    rf"(?:\s*\([^()]{{0,40}}\)|[\s,]+(?:and clarifications?|appended|{_MONTH}|{_WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?)\b)*"
    r"[\s,]*:\s*",
    re.IGNORECASE,
)
_EARLIER_VERSION = re.compile(
    r"^[(\[*]*\s*(?:an?|the) (?:earlier|previous|prior|original) version of this (?:story|article|post|report|piece)",
    re.IGNORECASE,
)
_CORRECTING = re.compile(
    r"\b(?:(?:earlier|previous|prior|original) version of this|incorrectly|misstated|misidentified|misspelled|"
    r"mischaracterized|misquoted|erroneously)\b",
    re.IGNORECASE,
)
# A correction is a short paragraph of its own; in a longer one (a page flattened to one line, as the processed
# release prints "Correction: … Kfc is facing …") only its first sentence is the correction.
_CORRECTION_MAX_WORDS = 80
# after its first sentence there, a sentence this short goes with it ("It was 2007, not 2009.")
_CORRECTION_TAIL_WORDS = 8


_RELEASE_HEAD = 3_000
# Signs of a writer's text that the release never shows. Its sentences all open on a capital after a full stop
# ("… the river. The water …"), where a text typed in lower case opens them on a small letter ("… the river. the
# water …"); and its quotation marks stand apart from the words they enclose (" we are seeing … "), where a writer
# glues them to the words ('"We are seeing …," she said').
_LOWER_START = re.compile(r"[a-z]{3}\.\s+[a-z]")
_UPPER_START = re.compile(r"[a-z]{3}\.\s+[A-Z]")
_GLUED_QUOTE = re.compile(r"[\w,.!?][\"”](?=\s|$)")
_SPACED_QUOTE = re.compile(r"\s[\"”](?=\s|$)")
_RELEASE_MIN_SIGNS = 2


def reads_as_release(text: str) -> bool:
    """Does ``text`` read as the processed Multi-News release (the shipped scorer's training text), which
    lower-cases every word but a sentence's first and spaces its quotation marks? In its first 3,000 characters:
    no capital inside a sentence, no time written "3:39" (``_PAGE_CASED``: the release writes "3: 39"), and no two
    sentences opening in lower case after a word's full stop with none in upper case (a text typed in lower case),
    nor two closing quotation marks glued to a word, more than stand apart ('said, "It will."'). Every document of
    val and train reads so (140,171; the last two signs are found in none of them), and no page of the other dev
    sets but a 20-word reader's comment and a "page not available" notice. Its notes and corrections stay in its
    text, so that the training text is cleaned as the shipped scorer saw it (``_is_self_note`` keeps its notes by
    the same sign); a user's text in lower case or sentence case, with its quotations as written, is cleaned as a
    page is."""
    if _PAGE_CASED.search(text, 1, _RELEASE_HEAD) is not None:
        return False
    lower = len(_LOWER_START.findall(text, 0, _RELEASE_HEAD))
    if lower >= _RELEASE_MIN_SIGNS and _UPPER_START.search(text, 0, _RELEASE_HEAD) is None:
        return False
    glued = len(_GLUED_QUOTE.findall(text, 0, _RELEASE_HEAD))
    return glued < _RELEASE_MIN_SIGNS or glued <= len(_SPACED_QUOTE.findall(text, 0, _RELEASE_HEAD))


def split_correction(paragraph: str) -> tuple[str, str] | None:
    """``(correction, rest)`` when ``paragraph`` opens on an outlet's correction (``_CORRECTION_LABEL``, an
    editor's note only when it corrects, or ``_EARLIER_VERSION``), else None. ``correction`` is its text without
    the label ("" when no sentence follows the label: "Correction: March 10, 2026"), ``rest`` what follows it
    in a long paragraph."""
    m = _CORRECTION_LABEL.match(paragraph)
    if m is None:
        if _EARLIER_VERSION.match(paragraph) is None:
            return None
        text = paragraph
    else:
        text = paragraph[m.end():]
        if m["label"].lower().startswith("editor") and _CORRECTING.search(text, 0, 400) is None:
            return None
    rest = ""
    if has_words(text, _CORRECTION_MAX_WORDS + 1):
        spans = split_spans(text)
        end = next(spans, (0, 0))[1]
        if _CORRECTING.search(text, 0, end) is None:  # a story that opens on the word ("Corrections officers …")
            return None
        for a, b in spans:  # what goes on with it: "It was 2007, not 2009."; a sentence the release cut in two
            if not (text[a:a + 1].islower() or _tokens(text[a:b]) <= _CORRECTION_TAIL_WORDS):
                break
            end = b
        text, rest = text[:end], text[end:].strip()
    text = text.strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1].strip()
    return (text if has_words(text, 4) and _STOP_END.search(text) else "", rest)


_STOP_END = re.compile(r"[.!?][\"”’')\]]*$")


def _furniture(sentence: str) -> bool:
    return any(map(sentence.lower().__contains__, _FURNITURE_PHRASES))


def _is_self_note(sentence: str) -> bool:
    return (
        _tokens(sentence) <= _SELF_NOTE_MAX_WORDS
        and _SELF_NOTE.match(sentence) is not None
        and _PAGE_CASED.search(sentence.lstrip("([—–- "), 1) is not None
        and _NEWS_IN_NOTE.search(sentence) is None
    )


# A note on an update that tells the news it added: "This post has been updated to indicate that the singer deleted
# another photo from her trip." It stays, a sentence of the story.
_NEWS_IN_NOTE = re.compile(r"\bupdated to \w+ that\b")


def drop_furniture_sentences(line: str, *, notices: bool = True) -> str:
    """``line`` without its sentences of web furniture and its notes on its own publication (``""`` when
    nothing else is left); a paragraph without any is returned as it is, unsplit. ``notices=False`` keeps the
    notices of an update (``is_update_notice``), as the processed release's text keeps them (``reads_as_release``)."""
    low = line.lower()
    phrases = any(map(low.__contains__, _FURNITURE_PHRASES))
    updated = notices and "updated" in low
    if not phrases and not updated and not (
        any(map(line.__contains__, _SELF_NOTE_WORDS)) and _SELF_NOTE_CUE.search(line)
    ):
        return line
    spans = list(split_spans(line))
    kept = [
        line[a:b] for a, b in spans
        if not (phrases and _furniture(line[a:b])) and not _is_self_note(line[a:b])
        and not (updated and is_update_notice(line[a:b]))
    ]
    return line if len(kept) == len(spans) else " ".join(kept)


# A web archive's note standing in for a story: news datasets reach many pages through the Wayback Machine,
# and what the scraper kept is then the Internet Archive's description of the crawl or collection that
# captured the page ("Crawl of outlinks from wikipedia.org started March, 2016. ... Turned off duplicate
# detection."), an Archive-It partner's page, the Wayback toolbar or the Archive's fundraising banner: 684 of
# the ~15,000 documents of Multi-News val. Each names a crawl, the Archive or the Wayback Machine in words a
# story about crawling toddlers or insects does not use, and most of its sentences speak of crawls,
# collections, captures and partners. Bounded in length: a long story that mentions the Archive stays.
_ARCHIVE_NAMES = re.compile(
    r"internet archive|archive-it|wayback machine|\bwarcs?\b|\bseed ?list|webcrawl|web crawling|"
    r"\b(?:this|these|web|domain|focused|daily|survey\W{0,3}) crawls?\b|\bcrawls? (?:of|data|performed|start)\b|"
    r"\bcrawled (?:regularly|on behalf)|continuous crawling|end of term archive|about this capture|\bwide\d{5}\b",
    re.IGNORECASE,
)
_ARCHIVE_TERMS = re.compile(
    r"\b(?:crawl\w*|webcrawl\w*|seed(?:s|list)?|warcs?|collections?|captures?|archive-it|wayback|partner since|"
    r"publicly accessible|outlinks|embargo|on behalf of|internet archive|web archiv\w*)\b",
    re.IGNORECASE,
)
_ARCHIVE_CUES = ("crawl", "archive", "wayback", "warc", "capture", "wide0")
_ARCHIVE_NOTE_MAX_WORDS = 400
_ARCHIVE_NOTE_SHARE = 0.5


def is_archive_note(text: str) -> bool:
    """Is ``text`` (an article's body) a web archive's note about its crawls, not a story? It names a crawl,
    the Internet Archive or the Wayback Machine, has at most 400 words, and at least half of its sentences
    (of three words or more) use the vocabulary of web archiving."""
    low = text.lower()
    if not any(map(low.__contains__, _ARCHIVE_CUES)):
        return False
    # the length first: the names' search, case-folded and tried at every offset, took ~3 ms on a long story
    # that merely says "captured" or "archives"; matching the first 401 words stops early
    if has_words(text, _ARCHIVE_NOTE_MAX_WORDS + 1) or not _ARCHIVE_NAMES.search(text):
        return False
    sentences = [text[a:b] for a, b in split_spans(text)]
    sentences = [t for t in sentences if count_words(t) >= 3] or sentences
    hits = sum(1 for t in sentences if _ARCHIVE_TERMS.search(t))
    return hits >= _ARCHIVE_NOTE_SHARE * len(sentences)


# A story printed over several pages says so where a page ends or begins: "Continue reading on page 2",
# "Continued on next page", "Next page »", "Page 1 of 3", a row of page numbers ("Page 1 2 3 Next", "« Prev 1 2 3
# Next »"). The line is the page's, not the story's; that it is there means the rest of the story was not read (the
# page's markup saying so is ``htmlpage.is_paged``'s). The row of numbers is atomic ("(?>…)"), read once as far as
# it goes: free to split "1234" into pages every way (1 2 3 4, 12 3 4, …) and a space between either "\s*", the
# regex took seconds on a line of 28 figures, minutes on 40.
_PAGE_NUMBERS = r"(?>\d{1,3}(?:\s*[|·,]?\s*(?:\d{1,3}|…|\.\.\.))+)"
_NEXT = r"(?:next(?:\s+page)?|more)\s*(?:[›»>→]+)?"
_PAGE_TURN = re.compile(
    r"^(?:"
    rf"(?:story\s+|article\s+)?continue[ds]?(?:\s+reading)?\s+(?:on|to|at)\s+(?:page\s+\d{{1,3}}|(?:the\s+)?next\s+page)"
    rf"|(?:read|go\s+to|view)\s+(?:page\s+\d{{1,3}}|the\s+next\s+page)"
    rf"|next\s+page(?:\s*[›»>→]+|\s*[:–—-].{{0,80}})?"
    rf"|(?:(?:[‹«<←]+\s*)?(?:prev(?:ious)?|back)(?:\s+page)?\s*)?page\s+\d{{1,3}}\s*(?:of|/)\s*\d{{1,3}}(?:\s+{_NEXT})?"
    rf"|(?:(?:[‹«<←]+\s*)?(?:prev(?:ious)?|back)(?:\s+page)?\s*)?(?:pages?:?\s*)?{_PAGE_NUMBERS}\s+{_NEXT}"
    rf"|pages?:?\s*{_PAGE_NUMBERS}(?:\s+{_NEXT})?"
    r")\s*[.:]?$",
    re.I,
)
_PAGE_TURN_MAX_CHARS = 120


_PAGE_OF = re.compile(r"page\s+(\d{1,3})\s*(?:of|/)\s*(\d{1,3})", re.I)
_NEXT_WORD = re.compile(r"\b(?:next|more)\b|[›»>→]", re.I)


def is_page_turn(line: str) -> bool:
    """Is ``line`` (one paragraph, whitespace collapsed) a paged story's turn to its next page ("Continue reading on
    page 2", "Next page »", "Page 1 of 3", "Page 1 2 3 Next")? A paragraph of the story never is: the line is
    short and is nothing else."""
    return len(line) <= _PAGE_TURN_MAX_CHARS and _PAGE_TURN.match(line.strip()) is not None


def pages_missing(turns: Iterable[str]) -> bool:
    """Do the page turns of a text (lines ``is_page_turn`` took) say that pages of its story are missing? Yes for a
    turn to another page ("Continue reading on page 2", "Next page"); a printout's running footer ("Page 1 of 3",
    "Page 2 of 3", "Page 3 of 3") only when its last page is not there, as text copied from a PDF holds them all."""
    last = total = 0
    for line in turns:
        m = _PAGE_OF.search(line)
        if m is None or _NEXT_WORD.search(line):
            return True
        last, total = max(last, int(m.group(1))), max(total, int(m.group(2)))
    return last < total
