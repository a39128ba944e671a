"""Text damaged before storyline read it: mojibake and HTML entities left in plain text.

Mojibake is UTF-8 that someone upstream (a scraper, a database export) decoded as Windows-1252 or Latin-1: "’"
became "â€™", "é" "Ã©", "–" "â\\x80\\x93" (Latin-1 keeps the byte 0x80 as an invisible control character, which
cleaning then dropped, gluing "â" to the next word). The repair follows ftfy's round trip (Speer, 2019), without
the dependency: a run of characters is encoded back to the bytes it was read from (Windows-1252, Latin-1 for the
five bytes Windows-1252 leaves undefined) and decoded as UTF-8. It is made only where it is certain:

- the bytes form whole UTF-8 sequences, each decoding to a printable character (one character for every two to
  four: the text only gets shorter);
- and the run is two sequences or more ("Ã¼Ã§" for "üç", "ä¸­æ–‡" for "中文"), or one that opens on "Â", "Ã",
  "â" or "ð" (the Latin-1 supplement, general punctuation and emoji: "Â£", "Ã©", "â€™", "ðŸ˜€"), or one that holds
  an invisible control character (no text holds one); or any run, once one of those shows the text has mojibake
  ("Å™" for "ř" in "DvoÅ™Ã¡k").

An accented capital before a curly quote ("CAFÉ’S", "JOSÉ”") is also a valid UTF-8 sequence; it is one sequence
that opens on neither of those letters, and stays as written in a text without mojibake. A text encoded twice
("Ã¢â‚¬â„¢") is repaired twice. A control character left alone between ordinary characters is a Windows-1252 byte
read as Latin-1 ("don\\x92t"): it is read as Windows-1252 ("don’t"), as browsers read it.

HTML entities ("&amp;", "&quot;", "&#39;") are unescaped once, in plain text only (a text file, a dataset's document,
a JSON line's text): an HTML page's text comes out of its parser unescaped already, and "&amp;lt;" in plain text is
a text about "&lt;", not "<". Only an entity closed by ";" is one:
"AT&T", "R&D" and "&copy" without it stay as written (``html.unescape`` alone reads "&notice" as "¬ice").
"""

from __future__ import annotations

import html
import re
import unicodedata

# Each byte 0x80-0xFF as a Windows-1252 reading shows it (Latin-1 where Windows-1252 has no character), and the
# Latin-1 reading of 0x80-0x9F besides: the characters of a mojibake run, mapped back to their bytes.
_HIGH = {bytes([b]).decode("cp1252", errors="ignore") or chr(b): b for b in range(0x80, 0x100)}
_TO_BYTE = {**{chr(b): b for b in range(0x80, 0x100)}, **_HIGH}
_CONTINUATION = "".join(sorted(c for c, b in _TO_BYTE.items() if b < 0xC0))
_CONT = f"[{re.escape(_CONTINUATION)}]"
# A UTF-8 sequence as Windows-1252 / Latin-1 shows it: a lead byte (0xC2-0xDF, 0xE0-0xEF, 0xF0-0xF4) and its
# continuation bytes (0x80-0xBF).
_SEQUENCE = f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
_SEQUENCES = re.compile(f"(?:{_SEQUENCE})+")
_ONE_SEQUENCE = re.compile(_SEQUENCE)
# Leads whose single sequence is mojibake wherever it stands: no text writes "Ã©", "Â£", "â€" or "ðŸ".
_SURE_LEADS = frozenset("ÂÃâð")
# "Â\x80\x98": "â\x80\x98" (‘) after a sentence-case pass capitalised its first letter, as the processed Multi-News
# release did (a control character after "Â" is no character of Latin-1's supplement: the sequence is not "Â…").
_CAPITALISED = re.compile(f"Â([\u0080-\u009f]{_CONT})")
# "â€" is the start of every mojibake of general punctuation (’ “ ” – — … •: U+2000-U+203F, bytes E2 80 xx) and of no
# word. A tokenizer that split it from its third character ("gosselinâ€ ™s"), a reading in Windows-1250 ("â€ś" for
# "“"), a "?" written for the byte Windows-1252 leaves undefined ("selfâ€?" for "self”") or a straight quote put for
# a curly one, as the processed Multi-News release did to its "â€”" ("look â€ " what else"), still leave one
# character that says which: read here alone, after the round trip.
_PUNCT_TAIL = re.compile(f"[âÂ]€ ?({_CONT}|[\u0080-\u00ff\u0100-\u02ff\"?])")
_CP1250 = {bytes([b]).decode("cp1250", errors="ignore"): b for b in range(0x80, 0xC0)}
_LOST_BYTE = {"?": 0x9D, '"': 0x94}
_C1 = re.compile("[\u0080-\u009f]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A text encoded three times over is not worth a fourth look.
_MAX_ROUNDS = 3


def _utf8(chars: str) -> str | None:
    """``chars`` encoded back to bytes and decoded as UTF-8: printable characters, or None."""
    try:
        text = bytes(_TO_BYTE[c] for c in chars).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    return text if all(unicodedata.category(c)[0] != "C" for c in text) else None


def _repaired(run: str, *, evident: bool) -> str | None:
    """The run read as UTF-8 when that is certain (``evident``: the text has mojibake elsewhere), else None."""
    pieces = [s.group() for s in _ONE_SEQUENCE.finditer(run)]
    fixed = [_utf8(p) for p in pieces]
    if any(f is None for f in fixed):  # one piece that is no character: not a reading to trust
        return None
    sure = evident or len(pieces) > 1 or run[0] in _SURE_LEADS or _C1.search(run) is not None
    return "".join(f or "" for f in fixed) if sure else None


def _repair_runs(text: str) -> str:
    """Each run repaired when it is certain alone; then, when one was, the others too: "Dvořák" read as Windows-1252
    is "DvoÅ™Ã¡k", whose "Å™" alone could be an accented capital before a mark, and is "ř" beside "Ã¡"."""
    runs = list(_SEQUENCES.finditer(text))
    if not runs:
        return text
    fixed = [_repaired(m.group(), evident=False) for m in runs]
    if all(f is None for f in fixed):
        return text
    fixed = [f if f is not None else _repaired(m.group(), evident=True) for m, f in zip(runs, fixed, strict=True)]
    out, at = [], 0
    for m, f in zip(runs, fixed, strict=True):
        out += [text[at : m.start()], m.group() if f is None else f]
        at = m.end()
    return "".join(out) + text[at:]


def _punct_tail(m: re.Match[str]) -> str:
    c = m.group(1)
    byte = _TO_BYTE.get(c) or _CP1250.get(c) or _LOST_BYTE.get(c)
    if byte is None or not 0x80 <= byte < 0xC0:
        return m.group()
    try:
        return bytes([0xE2, 0x80, byte]).decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover - every continuation byte after E2 80 is a character
        return m.group()


def _lone_c1(m: re.Match[str]) -> str:
    """A control character between characters that are no part of a mojibake run: a Windows-1252 byte."""
    c, text, at = m.group(), m.string, m.start()
    beside = text[at - 1 : at] + text[at + 1 : at + 2]
    if any("\u0080" <= b <= "\u00ff" for b in beside):
        return c  # a broken sequence's remains: dropped with the other control characters by cleaning
    return bytes([ord(c)]).decode("cp1252", errors="ignore") or c


def repair_mojibake(text: str) -> str:
    """``text`` with its mojibake repaired where the repair is certain (see the module's docstring); text that
    has none, Chinese, Arabic and accented Latin alike, is returned as it is."""
    if _NOT_ASCII.search(text) is None:
        return text
    for _ in range(_MAX_ROUNDS):
        fixed = _CAPITALISED.sub(lambda m: _utf8("â" + m.group(1)) or m.group(), text)
        fixed = _repair_runs(fixed)
        if fixed == text:
            break
        text = fixed
    if "€" in text:
        text = _PUNCT_TAIL.sub(_punct_tail, text)
    return _C1.sub(_lone_c1, text) if _C1.search(text) else text


def unescape_entities(text: str) -> str:
    """The HTML entities of a plain text unescaped once: "&amp;lt;" is "&lt;" (a text about the entity), not "<"."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)
