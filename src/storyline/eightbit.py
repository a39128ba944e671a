"""Short Latin-script texts in an 8-bit encoding, read without guessing from byte statistics: a page's declared
charset, and Central European text (Polish, Czech, Slovak, Hungarian, Slovene, Croatian, Romanian) saved as
Windows-1250 or ISO-8859-2, Turkish saved as Windows-1254, and Baltic text (Lithuanian, Latvian, Estonian) saved as
Windows-1257.

The detector (charset-normalizer) judges an encoding by how its characters are spread, which a sentence or two
cannot show: "Łódź" in Windows-1250 came out "ꏳ撟" (a Chinese encoding), "Sąd w Gdańsku" as "S¹d w Gdañsku"
(Windows-1252), "őszig" as "§szig" (a DOS code page). Here an encoding is taken when its reading of the bytes is
made of the letters of one language, in words that mostly hold plain ASCII letters too, and of typographic marks
that stand where marks stand; otherwise the detector is left to judge. Windows-1252 comes first when it reads the
text as one Western European language, as the web reads a page that names no charset.

Measured 2026-12-03 on texts written for the purpose: 40 Central European ones (17 sentences and names in seven
languages and 3 English sentences naming Czech, Polish and Hungarian people and places, each in Windows-1250 and
ISO-8859-2) read right 11 times before, 40 after; 37 others (Western European, Nordic and Portuguese names,
fractions, Russian, Greek, Mac Roman, Turkish, Lithuanian) 31 before, 36 after (Windows-1257 then wrong); 400
English sentences with foreign names and marks mixed at random, in Windows-1252, 347 before, 381 after (the rest
mix the names of several languages, "Zürich" beside "Øresund", and go to the detector as before). Windows-1257,
measured 2026-12-03 on 19 Lithuanian, Latvian and Estonian sentences and names written for the purpose: 5 read right
before, 19 after; 3,353 English sentences naming places of all these languages, in each encoding they fit: 2,490
before, 2,536 after, none read right before read wrong after.
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
# Baltic languages, in Windows-1257 (ISO-8859-13 places these letters alike). Each of their letters is another in the
# tables above: Lithuanian "ė", "ų", "į" are Windows-1250's "ë", "ř", "á"; Latvian "ā", "ī", "ē", "ž" are "â", "î",
# "ç", "ţ" (Romanian and Turkish letters, and French ones in Windows-1252); Estonian "š" and "ž" are "đ" and "ţ".
_BALTIC_ALPHABETS = (
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äöõüšž",  # Estonian
)
# For a text read as a language in both groups: letters that a sentence of each language seldom goes without (Romanian
# "ă" or "ş", Turkish "ı", "ğ" or "ş", Latvian "ā", "ē", "ī" or "ū"). The Romanian reading of Latvian "Žurnālisti
# jautāja" ("Ţurnâlisti jautâja") has none of Romanian's; "ă" and "ş" are no Baltic letters in Windows-1257.
_HALLMARKS = dict(
    zip(
        _ALPHABETS + _BALTIC_ALPHABETS,
        ("ąęłśżź", "ěřůčšž", "äčďľňôŕšťž", "őűöü", "čćšž", "ăşș", "ığş", "ąęėįųū", "āēīū", "õäöü"),
        strict=True,
    )
)
# Windows-1250 before ISO-8859-2: the encoding Windows tools save such text in. Each reads the other's bytes as
# controls (0x80-0x9F: Windows-1250's "š", "ś", "ž", "ź", "ť"), symbols ("±", "¦", "©" for ISO's "ą", "ś", "Š") or
# a letter another language owns, so that at most one of them reads a real text as one language.
_CANDIDATES = ("cp1250", "iso8859_2", "cp1254")
# After them, Windows-1252 for a text whose letters are all among those English news borrows (as ``ingest`` reads a
# mostly-ASCII text): "Señor Muñoz" is also Windows-1250's "Seńor Muńoz". Left out are letters Central European
# ones become ("ø" for "ř", "õ" for "ő"; "è" for "č" is kept: French and Italian need it).
_WESTERN = "àáâãäåçèéêëíîïñòóôöùúüýÿßœšž"
# The alphabets of Western European languages: Windows-1252 all the same for a text whose letters beyond ASCII are
# all of one of them, when it has letters the list above leaves out (Danish "Øresund", Icelandic "Sigurðsson"), but
# not for one that mixes them ("Dvoøák", Windows-1250's "Dvořák", mixes Danish "ø" and Spanish "á"). Portuguese
# "õ" only beside another letter of Portuguese ("Simões" in "São Paulo"): alone it is Hungarian "ő" in Windows-1250
# ("õszig", "Gyõr").
_WESTERN_ALPHABETS = (
    "àâçéèêëîïôœùûüÿ",  # French (its rare "æ" is Polish and Croatian "ć" in Windows-1250)
    "áéíóúñü",  # Spanish
    "áâãàçéêíóôú",  # Portuguese
    "àèéìíòóù",  # Italian
    "äöüßé",  # German
    "æøåäöé",  # Danish, Norwegian, Swedish (a story on the Øresund names Malmö)
    "áðéíóúýþæö",  # Icelandic
    "àçèéíïòóú",  # Catalan
)
_PORTUGUESE = ("áâãàçéêíóôõú", frozenset("ãçêôÃÇÊÔ"))
# Typographic marks an article holds (quotation marks, dashes, currency, degrees, a no-break space).
_MARKS = frozenset("€‚„…†‡‰‹›‘’“”•–—™\u00a0°§©®«»·×£¥¢¼½¾")
# A fraction stands beside a figure or a space ("2¾%", "by ¼ point"), never inside a word: Windows-1250's "poľa" is
# "po¾a" in Windows-1252.
_FRACTIONS = frozenset("¼½¾")
# Marks that may stand right before a lower-case letter: an opening quotation mark, a dash, an ellipsis. Another
# mark there ("®iline", "©ibenik") is a letter read with the wrong table.
_BEFORE_LETTER = frozenset("‚„‹›‘’“”«»–—…\u00a0°")  # "°" too: "35°c"
# Letters no word of their language begins with: "ąe" is ISO-8859-2's "še" read as Windows-1250.
_NEVER_FIRST = frozenset("ąęńěůň")
# Words spelled without an ASCII letter ("Żółć") are few in a Latin-script text: a fifth of those beyond ASCII at
# most (or one). Cyrillic or Greek in an 8-bit encoding is nearly all such words.
_MAX_UNLIKE_SHARE = 0.2
_LETTER = re.compile(r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be]")  # a letter, not "¾" or "²"
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


# A news text is mostly letters; 400 bytes read as "¢¢¢…" is none (marks and figures alone are left to the detector).
_MIN_LETTER_SHARE = 0.5


def latin_8bit(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when it reads as one Western European language ("Daño" came out "慄濱"), else
    as Windows-1250, ISO-8859-2 or Windows-1254 when one of them reads it as one Central European language or
    Turkish, or as Windows-1257 when it reads as Lithuanian, Latvian or Estonian, else as Windows-1252 when its
    letters are those English news borrows (see the module's docstring); else None. Cyrillic or Greek in an 8-bit
    encoding reads as words without an ASCII letter, and is left to the detector."""
    text = _latin_8bit(data)
    if text is None or sum(map(str.isalpha, text)) < _MIN_LETTER_SHARE * (len(text) - sum(map(str.isspace, text))):
        return None  # 400 bytes of "¢" are marks only: no text of any of these languages
    return text


def _latin_8bit(data: bytes) -> str | None:
    if data.isascii():
        return None
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (
        any(reads_as_letters(western, alphabet) for alphabet in _WESTERN_ALPHABETS)
        or (not _PORTUGUESE[1].isdisjoint(western) and reads_as_letters(western, _PORTUGUESE[0]))
    ):
        return western
    central = _reading(data, _CANDIDATES, _ALPHABETS)
    baltic = _reading(data, ("cp1257",), _BALTIC_ALPHABETS)
    reading = central or baltic
    # Read both ways ("Ţurnâlisti jautâja", Romanian, is Latvian "Žurnālisti jautāja"): the Baltic reading when only it
    # holds a hallmark of its language, else the Central European one, as before.
    if central is not None and baltic is not None and _hallmarked(baltic) and not _hallmarked(central):
        reading = baltic
    if reading is not None:
        return reading[0]
    if western is not None and reads_as_letters(western, _WESTERN):  # English with a name from here and there
        return western
    return None


def _reading(data: bytes, codecs: tuple[str, ...], alphabets: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """The first of ``codecs`` to read ``data`` as one of ``alphabets`` (with ``_SHARED``): the text and the
    alphabets it reads as."""
    for codec in codecs:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        fits = [alphabet for alphabet in alphabets if reads_as_letters(text, alphabet + _SHARED)]
        if fits:
            return text, fits
    return None


def _hallmarked(reading: tuple[str, list[str]]) -> bool:
    """Does the text hold a letter that a sentence of a language it reads as seldom goes without?"""
    text = reading[0].lower()
    return any(not frozenset(_HALLMARKS[alphabet]).isdisjoint(text) for alphabet in reading[1])


def reads_as_letters(text: str, alphabet: str) -> bool:
    """Is every character of ``text`` beyond ASCII a letter of ``alphabet`` (either case) or a typographic mark
    where one stands, with few words spelled without an ASCII letter? A capital after a small letter ("ódŸ"), a
    letter no word begins with at a word's start, a letter beside a figure, a control character or a stray symbol
    is a sign of the wrong table."""
    for m in _BEYOND_ASCII.finditer(text):  # the regex skips the ASCII (a Python loop over 4 MB of it took 3 s)
        k, c = m.start(), m.group()
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if c in _MARKS:
            if after.isalpha() and after.islower() and c not in _BEFORE_LETTER:
                return False
            if c in _FRACTIONS and (before.isalpha() or after.isalpha()):
                return False
            continue
        if c.lower() not in alphabet or not c.isalpha() or before.isdigit() or after.isdigit():
            return False  # a letter glued to a figure ("2ľ%") is a fraction or a symbol read with the wrong table
    beyond = unlike = 0  # words with a letter beyond ASCII; of them, those with no ASCII letter
    end = 0  # where the last word read ends
    for m in _BEYOND_ASCII.finditer(text):  # each word with a letter beyond ASCII, found from that letter
        if m.start() < end or _LETTER.match(text, m.start()) is None:
            continue  # a letter of the word just read, or a mark
        start = end = m.start()
        while start and _LETTER.match(text, start - 1) is not None:
            start -= 1
        while end < len(text) and _LETTER.match(text, end) is not None:
            end += 1
        word = text[start:end]
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
    ``http-equiv`` form), as Python's codec name, when Python knows it as a text encoding and it is no form of Unicode
    (a page that says UTF-8 but is not is left to the caller's detection); else None."""
    m = _DECLARED.search(data[:_HEAD_BYTES])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
        b"a".decode(name)  # a codec of bytes to bytes ("base64", "hex", "rot13") reads no text: LookupError
    except (LookupError, UnicodeError):
        return None
    name = name.replace("-", "_").replace("iso_8859", "iso8859")
    if name.startswith(("utf", "mbcs")):
        return None
    return _WEB_ALIASES.get(name, name)
