"""Reading quotation marks in news text: whether a quotation is open at a place, and whether a piece of
text closes one it never opened. Pure text functions, shared by the analysis (:mod:`.analysis.whole`,
:mod:`.analysis.quotes`) and the renderers (:mod:`.render`, which shows a quotation the summary carries
over several sentences as one passage).

Marks are read by their shape, as typesetters set them: “ opens and ” closes; a straight mark opens
after a space or at the start of a text and closes after a word or punctuation, before a comma or a stop
(processed text spaces its marks: 'a " wedge issue ", he said') and at the end of a text; between a sentence's
end and a capital (a scraped page glues its paragraphs: '… he wrote."I am …'), or between spaces, it closes a
quotation that is open and else opens one. An opening mark met
while a quotation is open restarts it (nested quotations take single marks, so a second double mark
is a stray one, as :func:`.analysis.quotes.quote_spans` reads it too), and a paragraph break ends a quotation
(news reopens it at the next paragraph). A closing mark right after a digit with nothing open is a
measure in inches (6’2”), not a quotation mark. Old wire copy's ``marks'' are read as “ and ”.
"""

from __future__ import annotations

import re

from .model import Sentence

_OPENERS_BEFORE = " \t\n([{—–-/:‘"

# A paragraph break: an empty line, or a line of spaces only (" \n \n ", as some scraped datasets write it).
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_break(text: str, k: int) -> bool:
    """Whether the line break at ``text[k]`` ends a paragraph (an empty or blank line follows)."""
    return _BREAK.match(text, k) is not None


# What may follow a closing mark but never opens a quotation: a clause's end ('… a "wedge issue ", said …' in
# processed text, whose marks stand apart from the words they close). A full stop opens one as an ellipsis ('"...').
_CLAUSE_ENDS = frozenset(",;:!?)]}")


def _ends_clause(text: str, k: int) -> bool:
    c = text[k : k + 1]
    return c in _CLAUSE_ENDS if c != "." else text[k : k + 3] != "..."


def straight_mark(text: str, k: int, open_: bool) -> str:
    """The straight mark ``text[k]`` (") read by its shape: “ after a space or at the start and before a word,
    ” after a word or punctuation, before a clause's end (a comma, a full stop: ' ",' where processed text
    spaces its marks) or at the end of ``text``; between spaces, or glued between a sentence's end and a capital, it
    closes whatever is ``open_``."""
    before = text[k - 1] if k else " "
    after = text[k + 1 : k + 2] or " "
    if k + 1 == len(text) or _ends_clause(text, k + 1):  # nothing to quote after it
        return "”"
    if before in ".!?" and after.isupper():  # glued between two sentences: '… he wrote."I am anxious …'
        return "”" if open_ else "“"
    if before in _OPENERS_BEFORE and not after.isspace():
        return "“"
    if not before.isspace():
        return "”"
    return "”" if open_ else "“"


def scan(text: str, open_: bool = False) -> tuple[bool, int]:
    """Scan ``text`` from a state where a quotation is ``open_`` or not: whether one is open at its end,
    and how many closing marks it has that close nothing (the tail of a quotation opened before it)."""
    orphans = 0
    text = text.replace("``", "“").replace("''", "”")  # old wire copy's marks
    for k, c in enumerate(text):
        if c == "\n" and paragraph_break(text, k):
            open_ = False
            continue
        if c == '"':
            c = straight_mark(text, k, open_)
        if c == "“":
            open_ = True
        elif c == "”":
            if open_:
                open_ = False
            elif not (k and text[k - 1].isdigit()):
                orphans += 1
    return open_, orphans


def balanced(text: str) -> bool:
    """Every quotation ``text`` opens it closes, and it closes none it did not open."""
    left_open, orphans = scan(text)
    return not left_open and not orphans


def paragraph_start(text: str, pos: int) -> int:
    k = text.rfind("\n\n", 0, pos)
    return 0 if k < 0 else k + 2


def opens_inside(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` (of the article whose text is ``text``) begins inside a quotation that an earlier
    sentence of its paragraph opened (one that begins with an opening mark starts a quotation of its own)."""
    if sentence.text.lstrip().startswith(("“", "\"")):
        return False
    left_open, _ = scan(text[paragraph_start(text, sentence.start) : sentence.start])
    return left_open


def ends_inside(text: str, sentence: Sentence) -> bool:
    """Whether a quotation is still open where ``sentence`` (of the article whose text is ``text``) ends: it
    or an earlier sentence of its paragraph opened one that runs on past it."""
    left_open, _ = scan(text[paragraph_start(text, sentence.start) : sentence.end])
    return left_open
