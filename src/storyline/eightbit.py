"""Short Latin-script texts in an 8-bit encoding, read without guessing from byte statistics: a page's declared
charset, and Central European text (Polish, Czech, Slovak, Hungarian, Slovene, Croatian, Romanian) saved as
Windows-1250 or ISO-8859-2, and Turkish saved as Windows-1254.

The detector (charset-normalizer) judges an encoding by how its characters are spread, which a sentence or two
cannot show: "Łódź" in Windows-1250 came out "ꏳ撟" (a Chinese encoding), "Sąd w Gdańsku" as "S¹d w Gdañsku"
(Windows-1252), "őszig" as "§szig" (a DOS code page). Here an encoding is taken when its reading of the bytes is
made of the letters of one language, in words that mostly hold plain ASCII letters too, and of typographic marks
that stand where marks stand; otherwise the detector is left to judge. Measured on 34 short texts written for the
purpose (17 sentences and names in seven languages, each in Windows-1250 and ISO-8859-2): 11 read right before,
34 after; the Western European, Cyrillic, Greek and Mac Roman texts of the same measure read as before.
"""

from __future__ import annotations

import codecs
import re
from itertools import pairwise

# Letters found in Central European languages beyond ASCII, each language's own (lower case); the letters a text in
# one of them may hold besides are those of ``_SHARED`` (a loan word's "é", a German name's "ü").
_ALPHABETS = (
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Slovene, Croatian, Bosnian
    "ăâîşţșț",  # Romanian
    "çğıöşüâî",  # Turkish (Windows-1254, ISO-8859-9)
)
_SHARED = "áéíóúäöüß"
# Windows-1250 before ISO-8859-2: the encoding Windows tools save such text in. Each reads the other's bytes as
# controls (0x80-0x9F: Windows-1250's "š", "ś", "ž", "ź", "ť"), symbols ("±", "¦", "©" for ISO's "ą", "ś", "Š") or
# a letter another language owns, so that at most one of them reads a real text as one language.
_CANDIDATES = ("cp1250", "iso8859_2", "cp1254")
# Before them, Windows-1252 when it reads the text as Western European letters (those ``ingest`` reads a mostly-ASCII
# text as Windows-1252 by): "Señor Muñoz" is also Windows-1250's "Seńor Muńoz", and the web takes Windows-1252
# for a page that names no charset. Left out are letters Central European ones become ("ø" for "ř", "õ" for "ő";
# "è" for "č" is kept: French and Italian need it).
_WESTERN = "àáâãäåçèéêëíîïñòóôöùúüýÿßœ"
# Typographic marks an article holds (quotation marks, dashes, currency, degrees, a no-break space).
_MARKS = frozenset("€‚„…†‡‰‹›‘’“”•–—™\u00a0°§©®«»·×£¥¢")
# Marks that may stand right before a lower-case letter: an opening quotation mark, a dash, an ellipsis. Another
# mark there ("®iline", "©ibenik") is a letter read with the wrong table.
_BEFORE_LETTER = frozenset("‚„‹›‘’“”«»–—…\u00a0")
# Letters no word of their language begins with: "ąe" is ISO-8859-2's "še" read as Windows-1250.
_NEVER_FIRST = frozenset("ąęńěůň")
# Words spelled without an ASCII letter ("Żółć") are few in a Latin-script text: a fifth of those beyond ASCII at
# most (or one). Cyrillic or Greek in an 8-bit encoding is nearly all such words.
_MAX_UNLIKE_SHARE = 0.2
_LETTERS = re.compile(r"[^\W\d_]+")


def latin_8bit(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when it reads as Western European text ("Daño" came out "慄濱"), else as
    Windows-1250, ISO-8859-2 or Windows-1254 when one of them reads it as Latin-script text in one Central European
    language or Turkish (see the module's docstring); else None. Cyrillic or Greek in an 8-bit encoding reads as
    words without an ASCII letter, and is left to the detector."""
    if data.isascii():
        return None
    try:
        western = data.decode("cp1252")
        if reads_as_letters(western, _WESTERN):
            return western
    except UnicodeDecodeError:
        pass
    for codec in _CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if any(reads_as_letters(text, alphabet + _SHARED) for alphabet in _ALPHABETS):
            return text
    return None


def reads_as_letters(text: str, alphabet: str) -> bool:
    """Is every character of ``text`` beyond ASCII a letter of ``alphabet`` (either case) or a typographic mark
    where one stands, with few words spelled without an ASCII letter? A capital after a small letter ("ódŸ"), a
    letter no word begins with at a word's start, a control character or a stray symbol is a sign of the wrong
    table."""
    for k, c in enumerate(text):
        if c.isascii():
            continue
        after = text[k + 1] if k + 1 < len(text) else " "
        if c in _MARKS:
            if after.isalpha() and after.islower() and c not in _BEFORE_LETTER:
                return False
            continue
        if c.lower() not in alphabet or not c.isalpha():
            return False
    beyond = unlike = 0  # words with a letter beyond ASCII; of them, those with no ASCII letter
    for m in _LETTERS.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        beyond += 1
        unlike += len(word) > 1 and not any(ch.isascii() for ch in word)
        if len(word) > 1 and word.lower()[0] in _NEVER_FIRST:
            return False
        if any(a.islower() and b.isupper() and not (a.isascii() and b.isascii()) for a, b in pairwise(word)):
            return False
    return unlike <= max(1, _MAX_UNLIKE_SHARE * beyond)


_DECLARED = re.compile(
    rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{2,40})", re.I
)
_HEAD_BYTES = 4096
# What the web reads a page's declared Latin-1 (or ASCII) as (WHATWG's Encoding Standard): Windows-1252, its
# superset, whose curly quotes and dashes such pages carry.
_WEB_ALIASES = {"iso8859_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254", "iso8859_11": "cp874"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page names in a ``<meta>`` near its top (``<meta charset="windows-1250">`` or the
    ``http-equiv`` form), as Python's codec name, when Python knows it and it is no form of Unicode (a page that
    says UTF-8 but is not is left to the caller's detection); else None."""
    m = _DECLARED.search(data[:_HEAD_BYTES])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    name = name.replace("-", "_").replace("iso_8859", "iso8859")
    if name.startswith(("utf", "mbcs")):
        return None
    return _WEB_ALIASES.get(name, name)
