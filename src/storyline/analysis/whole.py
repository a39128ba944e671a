"""Whether a sentence reads as a whole statement when shown on its own: its quotation marks balance,
and it does not begin inside a quotation that an earlier sentence opened.

The segmenter cuts a quotation of several sentences at each full stop, so the sentences of one
quoted statement come apart: the first opens a mark it never closes (“He will not take part … .),
the last closes one it never opened (He walks away from bad deals.”), and those in between carry no
mark at all though every word is quoted. Shown as an agreement or as a statement only one article
makes, such a piece reads as a fragment. The sections that show sentences use :func:`is_whole` to
prefer a whole one, and :func:`quotation` to widen a piece to the sentences its quotation spans.

Marks are read as :mod:`storyline.quotemarks` reads them (by their shape; a paragraph break ends a quotation).

A page can cut a sentence too: a link or a box dropped in scraping leaves "William B. Becker, creator of the
online" run into the next sentence on the same line, and the segmenter ends it there (:func:`is_cut`). Such a
piece says nothing whole, though its words are those of a sentence of another article. A story truncated
mid-sentence (:func:`is_cut_short`) ends on such a piece too, which still tells most of what it says.
"""

from __future__ import annotations

import re

from ..model import Cluster, count_words
from ..quotemarks import balanced, opens_inside
from ..quotemarks import scan as _marks

__all__ = ["balanced", "is_cut", "is_cut_short", "is_tail", "is_whole", "opens_inside", "quotation"]

# A quotation longer than this is not shown whole (an item is read at a glance): its pieces are left as they are.
MAX_SENTENCES = 3
MAX_WORDS = 80  # the longest single sentences of news run about this long


def is_whole(cluster: Cluster, i: int) -> bool:
    """Sentence ``i`` of ``cluster`` reads as a whole statement: balanced marks, not inside a quotation."""
    s = cluster.sentences[i]
    return balanced(s.text) and not opens_inside(cluster.article(s.article).text, s)


# How a sentence may end: a stop, a question or exclamation mark, a trailing-off, a closing mark or bracket, a colon
# (a list's introduction), a dash. A letter, a digit or a comma is no end.
_OPEN_END = re.compile(r"[\w,]\s*$")
# A stop and what follows it: a wire slug or credit glued after a whole sentence ("… until Saturday. sf/vj") is no
# cut, if it is under ``_TAIL_WORDS`` words.
_STOP = re.compile(r"[.!?…][\"”’)]*\s+")
_TAIL_WORDS = 3


def is_cut(cluster: Cluster, i: int) -> bool:
    """Sentence ``i`` is a piece of a sentence cut mid-phrase (:func:`_open_ended`) that its article runs on after,
    on the same line: "William B. Becker, creator of the online" before "What photographs did Handy use …?". A
    piece that ends its article (:func:`is_cut_short`) is not one."""
    sents = cluster.sentences
    if not _open_ended(cluster, i):
        return False
    s = sents[i]
    if i + 1 >= len(sents) or sents[i + 1].article != s.article:
        return False
    return "\n" not in cluster.article(s.article).text[s.end : sents[i + 1].start]


def is_cut_short(cluster: Cluster, i: int) -> bool:
    """Sentence ``i`` ends its article mid-phrase (:func:`_open_ended`): a lead or a story truncated where a dataset
    or a feed cut it ("… in Washington, D.C on Monday night, angered"). It still tells most of what it says."""
    sents = cluster.sentences
    s = sents[i]
    last = i + 1 >= len(sents) or sents[i + 1].article != s.article
    return last and _open_ended(cluster, i) and not cluster.article(s.article).text[s.end :].strip()


def _open_ended(cluster: Cluster, i: int) -> bool:
    """Whether sentence ``i`` ends on a word or a comma, with no stop (nor one a few words before, as a slug after a
    stop: "… until Saturday. sf/vj"). An article's first sentence (a headline needs no stop) is not."""
    s = cluster.sentences[i]
    if s.index == 0 or not _OPEN_END.search(s.text):
        return False
    stops = list(_STOP.finditer(s.text))
    return not (stops and count_words(s.text[stops[-1].end() :]) < _TAIL_WORDS)


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
