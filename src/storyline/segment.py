"""Sentence segmentation with character spans.

BlingFire's sentence breaker (a finite-state model, ~2.7M words/s) is right on U.S., Gen., Sep. 11,
10 a.m., D.C., No. 1 and quotations; on top of it we split paragraphs first (a sentence never spans
a blank line in a cleaned article), trim datelines ("ISLAMABAD, Pakistan –", "WASHINGTON:") off the
front of a span, and re-merge the rare split after an abbreviation it does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Article, Sentence

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# "WASHINGTON:", "ISLAMABAD, Pakistan –", "DOI INTHANON, Thailand (AP) _", "PKONWEB Report (Islamabad) —",
# "LONDON (Reuters) -": an upper-case place or agency, then a dash, colon or underscore.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:\s+Report)?(?:\s*\([^)]{1,40}\))?\s*(?:[-–—_:]|--)\s+)"
)
# Abbreviations after which a break is almost always wrong in news text.
_NO_BREAK_AFTER = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Prof|St|Jr|Sr|No|Nos|Vol|vs|Inc|Corp|"
    r"Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|a\.m|p\.m)\.$"
)


def _blingfire_spans(text: str) -> list[tuple[int, int]]:
    import blingfire

    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    return [(int(a), int(b)) for a, b in offsets]


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of ``text``."""
    for para in _PARA.finditer(text):
        base = para.start()
        chunk = para.group()
        merged: list[list[int]] = []
        for a, b in _blingfire_spans(chunk):
            previous = chunk[merged[-1][0] : merged[-1][1]] if merged else ""
            if previous and _NO_BREAK_AFTER.search(previous) and not chunk[a : a + 1].isupper():
                merged[-1][1] = b
            else:
                merged.append([a, b])
        for a, b in merged:
            # blingfire's offsets are on the chunk it was given; strip whitespace to be safe.
            while a < b and chunk[a].isspace():
                a += 1
            while b > a and chunk[b - 1].isspace():
                b -= 1
            if b > a:
                yield base + a, base + b


def trim_dateline(text: str, start: int, end: int) -> int:
    """New start offset past a leading dateline, if the sentence starts with one."""
    m = _DATELINE.match(text[start:end])
    if m and end - start - m.end() > 20:
        return start + m.end()
    return start


def segment(article: Article) -> tuple[Sentence, ...]:
    """The sentences of an article; ``article.text[s.start:s.end] == s.text`` for each."""
    text = article.text
    out: list[Sentence] = []
    for i, (a, b) in enumerate(split_spans(text)):
        if i == 0 or (a > 0 and text[a - 2 : a] == "\n\n" and len(out) < 3):
            a = trim_dateline(text, a, b)
        out.append(Sentence(article=article.id, index=len(out), start=a, end=b, text=text[a:b]))
    return tuple(out)
