"""Whether a sentence reads as a whole statement when shown on its own: its quotation marks balance,
and it does not begin inside a quotation that an earlier sentence opened.

The segmenter cuts a quotation of several sentences at each full stop, so the sentences of one
quoted statement come apart: the first opens a mark it never closes (“He will not take part … .),
the last closes one it never opened (He walks away from bad deals.”), and those in between carry no
mark at all though every word is quoted. Shown as an agreement or as a statement only one article
makes, such a piece reads as a fragment. The sections that show sentences use :func:`is_whole` to
prefer a whole one, and :func:`quotation` to widen a piece to the sentences its quotation spans.

Marks are read by their shape, as typesetters set them: “ opens and ” closes; a straight mark opens
after a space or at the start of a text and closes after a word or punctuation. An opening mark met
while a quotation is open restarts it (nested quotations take single marks, so a second double mark
is a stray one, as :func:`.quotes.quote_spans` reads it too), and a paragraph break ends a quotation
(news reopens it at the next paragraph). A closing mark right after a digit with nothing open is a
measure in inches (6’2”), not a quotation mark. Old wire copy's ``marks'' are read as “ and ”.
"""

from __future__ import annotations

import re

from ..model import Cluster, Sentence, count_words

_OPENERS_BEFORE = " \t\n([{—–-/:‘"
# A quotation longer than this is not shown whole (an item is read at a glance): its pieces are left as they are.
MAX_SENTENCES = 3
MAX_WORDS = 80  # the longest single sentences of news run about this long


# A paragraph break: an empty line, or a line of spaces only (" \n \n ", as some scraped datasets write it).
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_break(text: str, k: int) -> bool:
    """Whether the line break at ``text[k]`` ends a paragraph (an empty or blank line follows)."""
    return _BREAK.match(text, k) is not None


def straight_mark(text: str, k: int, open_: bool) -> str:
    """The straight mark ``text[k]`` (") read by its shape: “ after a space or at the start and before a word,
    ” after a word or punctuation; between spaces, it closes whatever is ``open_``."""
    before = text[k - 1] if k else " "
    after = text[k + 1 : k + 2] or " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "“"
    if not before.isspace():
        return "”"
    return "”" if open_ else "“"


def _marks(text: str, open_: bool = False) -> tuple[bool, int]:
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
    left_open, orphans = _marks(text)
    return not left_open and not orphans


def _paragraph_start(text: str, pos: int) -> int:
    k = text.rfind("\n\n", 0, pos)
    return 0 if k < 0 else k + 2


def opens_inside(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` begins inside a quotation that an earlier sentence of its paragraph opened
    (one that begins with an opening mark starts a quotation of its own)."""
    if sentence.text.lstrip().startswith(("“", "\"")):
        return False
    left_open, _ = _marks(text[_paragraph_start(text, sentence.start) : sentence.start])
    return left_open


def is_whole(cluster: Cluster, i: int) -> bool:
    """Sentence ``i`` of ``cluster`` reads as a whole statement: balanced marks, not inside a quotation."""
    s = cluster.sentences[i]
    return balanced(s.text) and not opens_inside(cluster.article(s.article).text, s)


def is_tail(cluster: Cluster, i: int) -> bool:
    """Sentence ``i`` continues a quotation an earlier sentence opened: it begins inside one, or closes
    a mark it never opened."""
    s = cluster.sentences[i]
    return opens_inside(cluster.article(s.article).text, s) or _marks(s.text)[1] > 0


def quotation(cluster: Cluster, i: int, limit: int = MAX_SENTENCES) -> tuple[int, ...] | None:
    """Sentence ``i`` with the sentences of its article that its quotation runs over (indices into
    ``cluster.sentences``, in order) when together they read as a whole statement of at most ``limit``
    sentences and ``MAX_WORDS`` words; None when they do not (a longer quotation, or marks that never
    balance)."""
    sents = cluster.sentences
    s = sents[i]
    text = cluster.article(s.article).text
    lo = hi = i
    while opens_inside(text, sents[lo]):
        if lo == 0 or sents[lo - 1].article != s.article or hi - lo + 1 >= limit:
            return None
        lo -= 1
    while True:
        piece = text[sents[lo].start : sents[hi].end]
        left_open, orphans = _marks(piece)
        if orphans:
            return None
        if not left_open:
            return tuple(range(lo, hi + 1)) if lo == hi or count_words(piece) <= MAX_WORDS else None
        if (hi + 1 >= len(sents) or sents[hi + 1].article != s.article or hi - lo + 1 >= limit
                or "\n\n" in text[sents[hi].end : sents[hi + 1].start]):
            return None
        hi += 1
