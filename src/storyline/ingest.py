"""Ingestion: one reader per format, each turning bytes into ``Article`` objects with raw text.

Formats: plain text (``.txt``, ``.md``), HTML (``.html``, ``.htm``, ``.shtml``, ``.xhtml``; body and metadata by
trafilatura), and the dataset schema of ``../shared/data`` (``.json``, ``.jsonl``, ``.jsonl.gz``: one cluster per
line, ``{"id", "documents": [...], "summaries": [...]}``). Encodings are detected, never assumed.
Cleaning happens in :mod:`storyline.clean`; this module only reads.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, TypeGuard

from . import eightbit, htmlpage, jsontext, mailtext
from .errors import (
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    MalformedDataError,
    OptionsError,
    UnreadableInputError,
)
from .model import Article
from .textrepair import unescape_entities

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")  # .shtml: a page served with server-side includes
DATA_SUFFIXES = (".jsonl", ".json", ".jsonl.gz", ".json.gz")
# A page saved as one file ("Webpage, Single File"): a MIME archive of the page and its images.
MHTML_SUFFIXES = (".mhtml", ".mht")
# Safari's "Web Archive", its default way to save a page: a binary property list holding the page and its images.
WEBARCHIVE_SUFFIXES = (".webarchive",)
# A message a mail program saved whole (a press release sent to the desk): read as text is (:mod:`.mailtext`).
MAIL_SUFFIXES = (".eml",)
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES + MAIL_SUFFIXES + DATA_SUFFIXES
# An article file (or standard input) larger than this is not news; a dataset file holds many clusters.
MAX_BYTES = 20_000_000
MAX_DATASET_BYTES = 2_000_000_000
# A saved web archive carries the page's images as well as its text.
MAX_MHTML_BYTES = 100_000_000

_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
# A whole HTML document, whatever the file is called: a page saved or fetched under a .txt name. (A text file
# may open with a tag it quotes; it does not open with a doctype or <html>.)
_HTML_DOCUMENT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html[\s>])", re.I | re.S)


@dataclass(frozen=True, slots=True)
class DocumentSet:
    """A cluster as read from a source: its articles and, for datasets, reference summaries."""

    id: str
    articles: tuple[Article, ...]
    summaries: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()  # origins of the documents left out because they are empty (datasets)
    article_lines: bool = False  # a file of one article per line (the web upload's), not clusters of documents


# ---------------------------------------------------------------------------------------------- bytes


# Documents a user may give for an article that are not text storyline can read: their first bytes and what they
# are. (RTF is text, but its markup would be summarized: TextEdit saves a pasted article so by default.)
_DOCUMENT_FORMATS = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx, an OpenDocument or an e-book file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (a Word .doc)"),
    (b"{\\rtf", "an RTF document"),
)


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOMs honoured, UTF-8 tried first, then a page's declared ``<meta charset>``, UTF-8 with stray
    bytes, Windows-1252 and the 8-bit Latin encodings read by their letters (:mod:`storyline.eightbit`); otherwise
    detected by charset-normalizer.

    Raises ``UnreadableInputError`` for binary data and for text in an encoding we cannot identify, and for a
    document format that is no article text (a PDF, a Word file, RTF), saying how to give it instead.
    """
    for magic, kind in _DOCUMENT_FORMATS:
        if data.startswith(magic):
            raise UnreadableInputError(
                f"{name}: {kind}, which storyline does not read; save the article as a web page (.html) or its "
                "text as plain text (.txt)"
            )
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableInputError(f"{name}: broken {codec.upper()} text ({exc.reason})") from None
    if b"\x00" not in data[:4096]:  # NUL is valid UTF-8 but never in text: UTF-16/32 or binary
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = eightbit.declared_charset(data)  # a page's <meta charset>, when it is not UTF-8
        if declared is not None:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        repaired = _utf8_with_stray_bytes(data)
        if repaired is not None:
            return repaired
        western = _windows_1252(data)
        if western is not None and not _another_language(western):
            return western
        latin = eightbit.latin_8bit(data)  # a short text, whose few bytes leave the detector guessing
        if latin is not None:
            return latin
        if western is not None:
            return western
    from charset_normalizer import from_bytes

    # NUL bytes: UTF-16/32 without a byte-order mark, or a binary file.
    candidates = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"] if b"\x00" in data[:4096] else None
    found = from_bytes(data, cp_isolation=candidates)
    best = found.best()
    if best is not None and best.encoding != "cp1252":
        # Windows-1252 when it reads the bytes as well as the best guess does: the encoding the web takes for a page
        # that names none (WHATWG), where charset-normalizer ranks its ties by name and read "Daño" as "Dańo"
        # (Windows-1250) in a page that is all Western European.
        best = next((m for m in found if m.encoding == "cp1252" and m.chaos <= best.chaos
                     and m.coherence >= best.coherence), best)
    if best is None or best.encoding is None:
        if candidates:
            raise UnreadableInputError(f"{name}: looks like a binary file, not text")
        raise UnreadableInputError(f"{name}: unsupported or unrecognised text encoding")
    text = str(best)
    if candidates and _tiny_wide_guess(data, text):
        raise UnreadableInputError(f"{name}: looks like a binary file, not text")
    if _control_ratio(text) > 0.05:
        raise UnreadableInputError(f"{name}: looks like a binary file, not text")
    if _garbage_ratio(text) > 0.1:
        raise UnreadableInputError(
            f"{name}: unsupported or unrecognised text encoding (best guess {best.encoding} gives gibberish); "
            "convert it to UTF-8"
        )
    return text


# What an English (or Western European) text saved by a Windows tool holds beyond ASCII, read as Windows-1252:
# typographic marks, currency, degrees, accented Latin letters. Left out are the characters that the letters of
# other 8-bit encodings become, so that such text still goes to the detector: Polish "ł" "ą" "ż" read as "³" "¹"
# "¿", Czech and Croatian "š" "ž" (Windows-1250, where they are the same bytes), "ř" "ě" "ć" as "ø" "ì" "æ" and
# ISO-8859-2's "š" "ž" as "¹" "¾", Hungarian "ő" "ű" as "õ" "û", Turkish "ş" "ğ" as "þ" "ð", Mac Roman's "’" and
# "é" as "Õ" "Ž".
_WESTERN = frozenset(
    "€‚„…†‡‰‹›‘’“”•–—˜™ŒœŸ\u00a0¢£¥§©«®°·»½×"
    "ÀÁÂÃÄÅÇÈÉÊËÍÎÏÑÒÓÔÖÙÚÜÝßàáâãäåçèéêëíîïñòóôöùúüýÿ"
)
_ASCII = bytes(range(0x80))
_WESTERN_LETTERS = "".join(sorted({c.lower() for c in _WESTERN if c.isalpha()}))


def _windows_1252(data: bytes) -> str | None:
    """Mostly ASCII text whose other bytes are, in Windows-1252 (Latin-1's superset), all characters English
    news uses ("£200,000", "café", curly quotes, "3°C"): read so. None otherwise, left to the detector. On a
    short text the detector guessed an encoding from a byte or two: "£" came out "Ł" (ISO-8859-2) and "€" as
    "Ç" (cp850) in a report's figure."""
    high = data.translate(None, _ASCII)  # the bytes beyond ASCII, each one character in Windows-1252
    if len(high) > 0.1 * len(data):  # Cyrillic, Greek, East Asian: most of the text is beyond ASCII
        return None
    try:
        if not set(high.decode("cp1252")) <= _WESTERN:
            return None
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined
        return None
    text = data.decode("cp1252")
    # each in its place: not "£ódŸ" ("Łódź" in Windows-1250), a pound sign before a small letter, a capital after one
    return text if eightbit.reads_as_letters(text, _WESTERN_LETTERS) else None


# English naming people and places abroad spells few of its words with a letter beyond ASCII; a text in another
# language many ("Uostas Klaipėdoje ... pirmadienį, sakė", Lithuanian in Windows-1257, is "Klaipëdoje",
# "pirmadiená", "sakë" in Windows-1252, each letter one English borrows): such a text is read by its letters first.
# Two such words are a sentence naming two places ("Officials in Zürich and Ångström met").
_NAMES_SHARE = 0.2
_NAMES_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


_LANGUAGE_SAMPLE = 20_000  # characters: a text's opening tells its language (8 MB read whole took 0.4 s more)


def _another_language(text: str) -> bool:
    words = _WORD.findall(text, 0, _LANGUAGE_SAMPLE)
    beyond = sum(not w.isascii() for w in words)
    return beyond >= _NAMES_WORDS and beyond > _NAMES_SHARE * len(words)


# A character UTF-8 spells in two to four bytes: what text in another 8-bit encoding (Windows-1252, Latin-1)
# almost never contains by chance (a capital accented letter followed by a typographic mark).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf4][\x80-\xbf]{3}"
)


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 text with a few bytes that are not UTF-8 (a "café" pasted from a Windows-1252 page, a character
    cut in half), read as UTF-8 with a stray byte read as Windows-1252 and a cut character as U+FFFD. None
    when the bytes that are not UTF-8 outnumber the characters UTF-8 spells in several bytes: text in another
    encoding, left to the detector. Detecting the encoding of the whole file instead read every curly quote of
    such an article as gibberish ("‚Äú" for "“")."""
    spelled = len(_UTF8_MULTIBYTE.findall(data))
    if not spelled:
        return None
    text = data.decode("utf-8", errors="surrogateescape")  # each stray byte b as the lone surrogate 0xDC00 + b
    if len(_STRAY.findall(text)) > spelled:
        return None
    return _STRAY_RUN.sub(lambda m: _read_stray(bytes(ord(c) - 0xDC00 for c in m.group())), text)


_STRAY = re.compile("[\udc80-\udcff]")
_STRAY_RUN = re.compile("[\udc80-\udcff]+")


def _read_stray(run: bytes) -> str:
    out, i = [], 0
    while i < len(run):
        j = i + 1
        if 0xC2 <= run[i] <= 0xF4:  # a lead byte with the continuation bytes it kept: a character cut short
            while j < len(run) and 0x80 <= run[j] <= 0xBF and j - i < 3:
                j += 1
        out.append("\ufffd" if j - i > 1 else run[i:j].decode("cp1252", errors="replace"))
        i = j
    return "".join(out)


def _garbage_ratio(text: str) -> float:
    """Share of symbols, private-use and unassigned characters: high when bytes were decoded with the
    wrong table."""
    import unicodedata

    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) in ("So", "Co", "Cn", "Cs") or c == "\ufffd")
    return bad / len(text)


# A UTF-16/32 guess without a byte-order mark from fewer bytes than this is told from binary by what it reads: a
# few bytes with NULs read as a few letters ("\x00a\x00b\x00c" as "abc") or as CJK characters run together.
_TINY_WIDE_BYTES = 64
_TINY_WIDE_LETTERS = 8
_CJK_STOPS = frozenset("，。、！？：；「」『』（）")


def _tiny_wide_guess(data: bytes, text: str) -> bool:
    """Is ``text``, read from ``data`` (NULs in it, no byte-order mark) as UTF-16/32, too little to be text: from
    fewer than ``_TINY_WIDE_BYTES`` bytes, under ``_TINY_WIDE_LETTERS`` letters, or mostly CJK and unassigned
    characters without a CJK punctuation mark? A real sentence, English or Chinese, is more."""
    import unicodedata

    if len(data) >= _TINY_WIDE_BYTES or _common_cjk(text):
        return False
    if sum(c.isalpha() for c in text) < _TINY_WIDE_LETTERS:
        return True
    wide = sum(1 for c in text
               if unicodedata.category(c) in ("Cn", "Co", "Cs") or unicodedata.east_asian_width(c) == "W")
    return wide * 2 > len(text) and not any(c in _CJK_STOPS for c in text)


# How many common characters of Chinese, Japanese or Korean tell a short UTF-16 text from a binary file's bytes: a
# random pair of bytes is one of GB2312's 6,763 Chinese characters, KS X 1001's 2,350 Hangul syllables or the kana
# about one time in seven, four in a row one in 2,500, and every other character of the text must be ASCII or CJK
# punctuation too.
_CJK_MIN_CHARS = 4
# The common characters of each language, as its national standard lists them: the codec that spells them in two
# bytes and the lead bytes of their rows (GB2312's Chinese characters, KS X 1001's Hangul syllables).
_COMMON_ROWS = (("gb2312", 0xB0, 0xF7), ("euc_kr", 0xB0, 0xC8))


def _common_cjk(text: str) -> bool:
    """Is ``text`` Chinese, Japanese or Korean written with common characters: four or more of GB2312's Chinese
    characters, of the kana or of KS X 1001's Hangul syllables, the rest ASCII or CJK punctuation ("北京2026年3月9日电",
    "今天下午一点北京下大雨", "서울에서 오늘 큰 비가 내렸다")? Such a line is text without a punctuation mark, refused
    for its language or read as a headline, not as a binary file."""
    common = 0
    for c in text:
        if c.isascii() and (c.isprintable() or c.isspace()) or c in _CJK_STOPS:
            continue
        if "\u3040" <= c <= "\u30ff" or any(_in_rows(c, *rows) for rows in _COMMON_ROWS):
            common += 1
            continue
        return False
    return common >= _CJK_MIN_CHARS


def _in_rows(c: str, codec: str, first: int, last: int) -> bool:
    """Does ``codec`` spell ``c`` in two bytes, the first from ``first`` to ``last``?"""
    try:
        code = c.encode(codec)
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and first <= code[0] <= last


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(text)


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a one-line ``StorylineError`` saying why not.

    Only regular files are read: a device (``/dev/zero``), a FIFO or a socket never ends or blocks.
    At most ``max_bytes`` are read from an article file and ``MAX_DATASET_BYTES`` from a dataset file
    (it holds many clusters); the size is checked on what is read, not on what ``stat`` claims."""
    if is_dataset_name(path.name):
        limit, what = MAX_DATASET_BYTES, "a dataset file"
    else:
        limit, what = max_bytes, "one article" if max_bytes == MAX_BYTES else "this kind of file"
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before we can look at it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputNotFoundError(f"{path}: no such file") from None
    except PermissionError:
        raise InputNotFoundError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputNotFoundError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read ({exc.strerror})") from None
    except ValueError:  # os.open's "embedded null byte": a name no file system holds (the Python API can give one)
        raise InputNotFoundError(f"{os.fspath(path)!r}: no file has a NUL character in its name") from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):  # before fdopen, which refuses a directory with its own error
        os.close(fd)
        raise InputNotFoundError(f"{path}: is a directory; give the article files in it")
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(info.st_mode):
            raise InputNotFoundError(
                f"{path}: not a regular file (a device, FIFO or socket); save it to a file, or pipe it in as -"
            )
        if info.st_size > limit:  # known too large: say so without reading it
            raise InputTooLargeError(f"{path}: more than {_size(limit)}, the limit for {what}")
        try:
            return read_limited(fh, str(path), limit, what=what)
        except OSError as exc:
            raise InputNotFoundError(f"{path}: cannot read ({exc.strerror})") from None


def read_limited(
    stream: BinaryIO | io.BufferedIOBase, name: str, limit: int = MAX_BYTES, *, what: str = "one article"
) -> bytes:
    """All of ``stream``, or ``InputTooLargeError`` once more than ``limit`` bytes have come (the rest
    is never read, so an endless stream costs ``limit`` bytes of memory, not all of it)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"{name}: more than {_size(limit)}, the limit for {what}")
    return data


def _size(n: int) -> str:
    return f"{n / 1e9:g} GB" if n >= 1e9 else f"{n / 1e6:g} MB"


# ---------------------------------------------------------------------------------------------- formats


def looks_like_html(data: bytes | str, *, document: bool = False) -> bool:
    """Whether ``data`` opens as HTML; with ``document``, as a whole page (a doctype or ``<html>``)."""
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "replace")
    return bool(_HTML_DOCUMENT.search(head) or (not document and _HTML_SNIFF.search(head)))


# A block element closed: markup, where a text that opens with a tag it quotes ("<p> is the paragraph tag") has none.
_CLOSED_BLOCK = re.compile(r"</(?:p|div|article|section|main|body)\s*>", re.I)


def _html_fragment(text: str) -> bool:
    """A plain-text file that holds a piece of a page's markup (the story's ``<div>`` copied from the page source,
    a CMS export): it opens as HTML and closes a block element. Read as text, its tags were summary sentences
    ('<div class="article-body"><p>The bridge reopened …</p>'). Standard input and the API sniff the same text as
    HTML already."""
    return looks_like_html(text) and _CLOSED_BLOCK.search(text, 0, 200_000) is not None


def looks_like_mhtml(data: bytes) -> bool:
    """A MIME web archive (.mhtml): mail-style headers, then the parts of a ``multipart/related`` page."""
    head = data[:4096].lstrip().lower()
    return head.startswith((b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:",
                            b"snapshot-content-location:")) and b"multipart/related" in head


def _mime_head(data: bytes) -> bytes:
    """The header lines of a MIME message or part, up to the blank line that ends them."""
    end = re.search(rb"\r?\n\r?\n", data[:65536])
    return data[: end.end()] if end else data[:65536]


def article_from_mhtml(data: bytes, *, id: str, origin: str = "") -> Article:
    """The article of a page saved as a web archive (MHTML, a browser's "Webpage, Single File"): its HTML
    part, read as an HTML file is, with the address it was saved from as its URL when the page gives none.
    Read as plain text, its quoted-printable HTML was summarized markup and all."""
    html, where = page_of_mhtml(data, origin or id)
    article = article_from_html(html, id=id, origin=origin)
    return article if article.url else replace(article, url=page_url(where))


def page_of_mhtml(data: bytes, name: str) -> tuple[str, str]:
    """The HTML page of a saved MHTML web archive, as text, and the address it was saved from (``""`` when it
    records none): what :func:`article_from_mhtml` reads, and the web upload hands to its worker. Raises
    ``EmptyInputError`` for an archive without a page, ``InputTooLargeError`` for a page over ``MAX_BYTES``."""
    from email import policy
    from email.parser import BytesParser

    parse = BytesParser(policy=policy.compat32).parsebytes
    message = parse(_mime_head(data), headersonly=True)
    where = str(message.get("Snapshot-Content-Location") or message.get("Content-Location") or "").strip()
    boundary = message.get_boundary()
    # Only the HTML parts are parsed whole: a page's images, as large as 100 MB in all, are passed over.
    chunks = data.split(b"--" + boundary.encode("ascii", "replace")) if boundary else []
    pages = [
        parse(chunk.lstrip(b"\r\n"))
        for chunk in chunks[1:]
        if not chunk.startswith(b"--") and parse(_mime_head(chunk.lstrip(b"\r\n")), headersonly=True)
        .get_content_type() == "text/html"
    ]
    if not pages:  # nested parts, or no boundary: the whole archive parsed
        pages = [part for part in parse(data).walk() if part.get_content_type() == "text/html"]
    if not pages:
        raise EmptyInputError(f"{name}: no HTML page in this saved web archive (MHTML)")
    page = next((p for p in pages if where and str(p.get("Content-Location") or "").strip() == where), pages[0])
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise EmptyInputError(f"{name}: the page in this saved web archive (MHTML) is empty")
    if len(payload) > MAX_BYTES:
        raise InputTooLargeError(f"{name}: its page is more than {_size(MAX_BYTES)}, the limit for one article")
    charset = page.get_content_charset()
    try:
        html = payload.decode(charset) if charset else decode(payload, name)
    except (LookupError, UnicodeDecodeError):  # a charset Python does not know, or the page is not in it
        html = decode(payload, name)
    return html, where


_BINARY_PLIST = b"bplist00"


def article_from_webarchive(data: bytes, *, id: str, origin: str = "") -> Article:
    """The article of a page Safari saved as a Web Archive: its main resource, read as an HTML file is, with
    the address it was saved from as its URL when the page gives none. It was refused as a binary file."""
    html, where = page_of_webarchive(data, origin or id)
    article = article_from_html(html, id=id, origin=origin)
    return article if article.url or not where else replace(article, url=page_url(where))


def page_of_webarchive(data: bytes, name: str) -> tuple[str, str]:
    """The HTML page of a Safari web archive (its main resource), as text, and the address it was saved from
    (``""`` when it records none): what :func:`article_from_webarchive` reads, and the web upload hands to its
    worker. Raises ``UnreadableInputError`` for a broken archive, ``EmptyInputError`` for one without a page,
    ``InputTooLargeError`` for a page over ``MAX_BYTES``."""
    import plistlib

    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise UnreadableInputError(f"{name}: a broken Safari web archive (.webarchive)") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        main = {}
    page = main.get("WebResourceData")
    if not isinstance(page, bytes) or not page.strip():
        raise EmptyInputError(f"{name}: no page in this Safari web archive (.webarchive)")
    if len(page) > MAX_BYTES:
        raise InputTooLargeError(f"{name}: its page is more than {_size(MAX_BYTES)}, the limit for one article")
    charset = main.get("WebResourceTextEncodingName")
    try:
        html = page.decode(charset) if isinstance(charset, str) and charset else decode(page, name)
    except (LookupError, UnicodeDecodeError):
        html = decode(page, name)
    where = main.get("WebResourceURL")
    return html, where if isinstance(where, str) else ""


def _extracted(tree: Any, *, precise: bool) -> tuple[Any, dict[str, Any]]:
    """trafilatura's story and metadata of ``tree`` (its document and that as a dict; ``{}`` for none), the date
    from the page's markup alone; ``precise``: favouring precision, as every page is read first."""
    import trafilatura
    from trafilatura.settings import set_date_params

    mark = htmlpage.mark_ampersands(tree)  # trafilatura unescapes the parser's text once more
    try:
        doc = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=precise,
            date_extraction_params=set_date_params(extensive=False),
        )
    finally:
        htmlpage.unmark_ampersands(tree, mark)
    return doc, _unmarked((doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}, mark)


def _metadata(tree: Any) -> dict[str, Any]:
    """trafilatura's metadata of ``tree`` alone (a page whose story is only in its JSON-LD), as a dict."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params

    mark = htmlpage.mark_ampersands(tree)
    try:
        found = extract_metadata(tree, date_config=set_date_params(extensive=False))
    finally:
        htmlpage.unmark_ampersands(tree, mark)
    return _unmarked(found.as_dict(), mark)


def _unmarked(meta: dict[str, Any], mark: str) -> dict[str, Any]:
    """trafilatura's fields with ``htmlpage.mark_ampersands``'s mark read back as "&"."""
    if not mark:
        return meta
    return {k: v.replace(mark, "&") if isinstance(v, str) else
            [x.replace(mark, "&") if isinstance(x, str) else x for x in v] if isinstance(v, list) else v
            for k, v in meta.items()}


def article_from_html(html: str, *, id: str, origin: str = "") -> Article:
    """The body and metadata of an HTML page, via trafilatura (navigation, captions, comments dropped),
    with what :mod:`storyline.htmlpage` reads from the markup: the dates of other stories hidden from the
    date search, the site's name cut from the title, teasers and a paywall's prompt out of the body."""
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    name = origin or id
    tree = load_html(html)
    if tree is None:
        raise EmptyInputError(f"{name}: no article text found in this HTML page")
    heads = htmlpage.headlines(tree)
    marks = (*htmlpage.site_marks(tree), *htmlpage.title_marks(tree, heads))
    teasers = htmlpage.teasers(tree)
    facts = htmlpage.fact_items(tree)  # a list of the story's facts between its paragraphs
    # a live blog's entries, read before their <time>s of updates are emptied, and its key points above them, which
    # trafilatura may leave out
    entries, lead = htmlpage.live_blog(tree)
    htmlpage.hide_other_dates(tree)
    htmlpage.drop_pull_quotes(tree)  # a line of the story set again beside it
    htmlpage.drop_footnote_marks(tree)  # "…to passengers.1 It was …": a mark's digit read into the sentence
    bodies = htmlpage.json_ld_bodies(tree)  # read before trafilatura's pass, which may prune scripts
    live_title, live_body = htmlpage.json_ld_live_blog(tree)  # a live blog's entries, each a posting of its own
    walled = htmlpage.has_paywall_prompt(tree)  # and the prompt, which it often leaves out of the text
    marked = htmlpage.json_ld_paywalled(tree)  # "isAccessibleForFree": false (the text may be a subscriber's)
    paged = htmlpage.is_paged(tree)  # a link to its next page: one page of a story printed over several
    readers = htmlpage.commenters(tree)  # names that sign comments, which are no byline of the story
    printed = htmlpage.printed_url(tree)  # a print view's "URL: https://…" footer, when the page names no address
    signed = htmlpage.submitted_line(tree)  # a CMS's "Submitted by NAME on DATE" (Drupal)
    described = htmlpage.json_ld_url(tree)  # the address its JSON-LD gives the story (a page drawn by a script)
    publication = htmlpage.platform_publication(tree)  # a Medium or Substack post's publication
    htmlpage.mend_dates(tree)  # an impossible day or offset would give a false date, or no page at all
    dating = htmlpage.headline_dates_mended(tree)  # (a copy, before trafilatura's pass may prune the tree)
    # The date only from the page's markup (meta tags, <time>, JSON-LD, the URL, a byline): htmldate's
    # extensive search falls back on a copyright notice and gives "Copyright 2019" as 2019-01-01, a false
    # publication date that moves relative dates and story grouping. A date printed in the text is still
    # read later (``pagedate``).
    doc, meta = _extracted(tree, precise=True)
    if not (meta.get("text") or "").strip() and not bodies:
        # An old site's template lays the page out in a <table> (the story a cell of <br>-separated lines), which
        # trafilatura's precise pass leaves out with the page's tables: read once more without favouring precision
        # (a fresh tree: the first pass pruned this one). Cleaning drops the menus and footers it keeps.
        again = load_html(html)
        if again is not None:
            htmlpage.hide_other_dates(again)
            htmlpage.drop_footnote_marks(again)
            htmlpage.mend_dates(again)
            found_again, more = _extracted(again, precise=False)
            if htmlpage.reads_as_story(more.get("text") or ""):  # not a notice alone ("enable JavaScript")
                doc, meta = found_again, more
    if not (meta.get("text") or "").strip():
        if not bodies:
            _refuse_notice(html, name, walled)
            raise EmptyInputError(
                f"{name}: no article text found in this HTML page (if the site draws its story with JavaScript, "
                "save the page once the browser shows it)"
            )
        # The page gives its story only in its JSON-LD (drawn by a script): that text, and the page's metadata.
        if doc is None:
            meta = _metadata(tree)
        meta["text"] = live_body or max(bodies, key=len)
        meta["title"] = live_title or meta.get("title")  # not the headline of one of its entries
        marked = False  # the body given to search engines is the whole story, paywalled or not
    if dating is not None:  # the headline holds an impossible date: the date as the page is read without it
        from htmldate import find_date

        meta["date"] = find_date(dating, **set_date_params(extensive=False), url=meta.get("url"))
    if not meta.get("date") and signed is not None and signed.date:
        meta["date"] = signed.date
    site = (meta.get("sitename") or "").strip()
    title = htmlpage.story_title(tree, meta.get("title") or "", heads, site, marks)
    if not site or htmlpage.is_domain(site):  # the name the <title> gives beats a host name
        site = htmlpage.title_site(tree, (title, *heads) if title else heads, marks=marks) or site
    if not site or htmlpage.is_domain(site):  # else the owner a copyright line at the page's foot names
        site = htmlpage.copyright_owner(tree) or site
    if htmlpage.is_platform(site):  # "Medium": the publication the post is in, when it is in one
        site = publication or site
    # trafilatura puts one paragraph per line; make paragraphs explicit so cleaning never merges a
    # heading into the paragraph below it, and drop the headline (or the site's name) it repeats at the top of
    # the body.
    paragraphs = [p.strip() for p in (meta.get("text") or "").split("\n") if p.strip()]
    paragraphs = htmlpage.oldest_first(paragraphs, entries)  # a live blog printed newest first
    if lead and not {"".join(p.split()) for p in lead} & {"".join(p.split()) for p in paragraphs}:
        paragraphs = [*lead, *paragraphs]  # trafilatura took the entries' container for the whole story
    if paragraphs and title and " ".join(paragraphs[0].split()) == title:
        paragraphs = paragraphs[1:]
    if paragraphs and htmlpage.is_site_name(paragraphs[0], site, marks):  # the masthead's <h1>, when it is one
        paragraphs = paragraphs[1:]
    paragraphs = htmlpage.facts_as_sentences(paragraphs, facts)
    paragraphs = htmlpage.without_author_box(paragraphs)  # "Written by NAME" and a line about them, at the end
    if signed is not None:  # Drupal's "Submitted by NAME on DATE": the story's byline and date, not its text
        paragraphs = [p for p in paragraphs if " ".join(p.split()) != signed.line]
    author = "; ".join(n for n in _byline_names(meta.get("author") or "").split("; ")
                       if n and " ".join(n.split()).casefold() not in readers)
    if not author:  # a byline the page marks as nothing, printed as the story's first paragraph
        at, names = htmlpage.byline_paragraph(paragraphs)
        if at >= 0 and (author := _byline_names(names)):
            paragraphs = paragraphs[:at] + paragraphs[at + 1:]
    if not author and signed is not None and htmlpage.is_person_name(signed.name):  # not a user name, "admin"
        author = signed.name
    # an author that is the outlet (a page's meta author set to the site's name) is no author
    author = "; ".join(n for n in author.split("; ") if not htmlpage.is_site_name(n, site, marks)) if author else ""
    own = [p for p in paragraphs if " ".join(p.split()) not in teasers.paragraphs]
    if teasers.count >= htmlpage.MIN_INDEX_TEASERS and paragraphs and not own:
        raise EmptyInputError(
            f"{name}: a page of {teasers.count} headlines (a section front or index), not an article; "
            "save the article's own page"
        )
    kept = [p for p in own if not htmlpage.is_paywall_prompt(p)]
    if own and not kept:  # the prompt to subscribe alone
        raise EmptyInputError(f"{name}: only a paywall's prompt to subscribe, no story; save the page as a subscriber "
                              "sees it")
    if notice := htmlpage.notice_page(f"{meta.get('title') or ''} {title}", kept):
        raise EmptyInputError(f"{name}: {notice}, not an article; save the article's page once it shows the story")
    text = "\n\n".join(kept)
    return Article(
        id=id,
        text=text,
        source=site or meta.get("hostname") or "",
        title=title,
        date=meta.get("date") or None,
        url=page_url(meta.get("url")) or page_url(described) or page_url(printed),
        author=author,
        origin=origin,
        teaser=(walled or marked or len(kept) < len(own)) and len(text.split()) <= htmlpage.TEASER_MAX_WORDS,
        paged=paged,
    )


def _refuse_notice(html: str, name: str, walled: bool) -> None:
    """Say what a page without a story is, when it is a notice saved in its place (an error page, a consent wall, a
    robot check, a paywall's prompt): the story-less page's usual error speaks of JavaScript, which is not why."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return
    title = " ".join(tree.xpath("//title//text()"))
    if notice := htmlpage.notice_page(title, htmlpage.notice_lines(tree)):
        raise EmptyInputError(f"{name}: {notice}, not an article; save the article's page once it shows the story")
    if walled:
        raise EmptyInputError(f"{name}: only a paywall's prompt to subscribe, no story; save the page as a subscriber "
                              "sees it")


# A part of a byline that is a date or time, not a name: "April 1", "1 April 2026", "10:30", "2026-04-01".
_DATE_PART = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"\b(?:updated|published|posted)\b",
    re.IGNORECASE,
)


# A part of a byline that is a role or a news agency, not a name: "Business Reporter", "Staff writer",
# "Northline Press". A role is its noun with qualifiers before it, so that a name is never taken for one
# ("Sam Reporter").
_ROLE_QUALIFIERS = (
    "staff|senior|chief|deputy|associate|assistant|managing|contributing|special|freelance|local|democracy|"
    "political|politics|business|health|crime|court|city|sports?|science|education|environment|transport|"
    "foreign|home|affairs|economics|technology|arts|data|investigations|investigative|digital|community|news"
)
_ROLE_PART = re.compile(
    rf"^(?:(?:{_ROLE_QUALIFIERS})\s+)*(?:reporter|correspondent|editor|writer|journalist|columnist|"
    r"contributor|photographer|producer|staff)s?$",
    re.IGNORECASE,
)
# An agency after the author's name ("Ana Ruiz, Northline Press"); alone it may be a name ("Eyal Press").
_AGENCY_PART = re.compile(r"\s(?:press|agency|wire|news service)$", re.IGNORECASE)
# What a byline puts between a name and what follows it ("Rhys Callan • 13 May 2026" comes as
# "Rhys Callan •").
_BYLINE_PUNCTUATION = " \t•·|–—-,:;/"


# What parts a byline: trafilatura's ";", and the dot, bullet or bar a page sets between the name and the date
# ("By Ana Lopes · April 16, 2026" comes as "Ana Lopes · April").
_BYLINE_SEPARATOR = re.compile(r"\s*[;·•|]\s*")
# A wire service named after the writer with no separator but a space or a comma, as a newspaper that republishes a
# wire story prints its byline ("By KAREN OSEI Associated Press", "By Karen Osei, Reuters"); the name alone is the
# author's. Not "Eyal Press": only the services' own names.
_WIRE_TAIL = re.compile(
    r"(?:\s*,\s*|\s+)(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP|Agence\s+France-Presse|Bloomberg(?:\s+News)?|"
    r"Press\s+Association|PA\s+Media|(?:The\s+)?Canadian\s+Press|UPI|United\s+Press\s+International)\s*$"
)
# A month or weekday alone, what is left of a date trafilatura cut before its day ("April" of "April 16, 2026").
_CALENDAR_WORD = re.compile(
    r"(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|"
    r"october|oct|november|nov|december|dec|monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|"
    r"fri|saturday|sat|sunday|sun)\.?$",
    re.IGNORECASE,
)


def _byline_names(author: str) -> str:
    """trafilatura's author field without the date, the role and the agency it sometimes takes from the
    byline: "By Sam Reporter | April 1, 2026" comes as "Sam Reporter; April 1", "By Owen Tarrant,
    Business Reporter" as "Owen Tarrant; Business Reporter". A name in capitals is given in title case."""
    cut = _WIRE_TAIL.sub("", author)  # "KAREN OSEI Associated Press", a wire story's byline on a member's site
    if len(cut.split()) >= 2:
        author = cut
    names = [p.strip(_BYLINE_PUNCTUATION) for p in _BYLINE_SEPARATOR.split(author)]
    names = [p for p in names
             if p and not _DATE_PART.search(p) and not _ROLE_PART.search(p) and not _CALENDAR_WORD.match(p)]
    # an outlet after the author's name ("Mara Ellison, Harbor Radio News"); first, it may be a name ("Sam Post")
    people = [p for k, p in enumerate(names) if not _AGENCY_PART.search(p) and not (k and _outlet_name(p))]
    # a byline set in capitals ("By LEA BRANDT and SAM ORR") names its people as they write their names; a desk or
    # an outlet in capitals ("BBC NEWS", "NPR STAFF", "REUTERS") is left as it is written ("Bbc News" is no name)
    people = [p.title() if _capitals_name(p) else p for p in people] or names
    return "; ".join(people)  # an agency-like name alone is the author's ("Eyal Press")


# Words that make a byline in capitals a desk or an outlet rather than a person's name.
_MEDIA_WORDS = frozenset(
    "news today staff wire press times post report reports desk agency tv radio online digital editor editors "
    "editorial bureau network herald journal tribune guardian telegraph mail daily weekly media team".split()
)


def _outlet_name(part: str) -> bool:
    """Does ``part`` read as an outlet's name: two words or more, the last a word of a desk or an outlet
    (``_MEDIA_WORDS``: "Harbor Radio News", "Valley Times")?"""
    words = part.split()
    return len(words) >= 2 and words[-1].strip(".,").lower() in _MEDIA_WORDS


def _capitals_name(part: str) -> bool:
    """Is ``part`` a person's name set in capitals ("LEA BRANDT"): two to four words, in capitals, none of them a
    word of a desk or an outlet (``_MEDIA_WORDS``)?"""
    words = part.split()
    return (part.isupper() and 2 <= len(words) <= 4
            and not any(w.strip(".,").lower() in _MEDIA_WORDS for w in words))


# Windows line endings (CRLF) too: a header saved on Windows was read as the article's first lines.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
# A line of a header: "key: value" (a key of one word), or a YAML list item or continuation under a key (a blog's
# "tags:" followed by "  - flood"). A block between two "---" lines with any other line is no header: it was read
# as one, and its prose dropped from the article unread.
_HEADER_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:|[ \t]|-[ \t]")
_FRONT_KEYS = {"source": "source", "outlet": "source", "site": "source", "title": "title", "date": "date",
               "url": "url", "author": "author"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What may follow the date in a header: a time ("T08:00", " 08:00:00+02:00"), checked by ``fromisoformat``.
_ISO_TIME = re.compile(r"^[T ]\d{2}:\d{2}")
# A URL given where a path belongs ("http://...", "https://...", "ftp://..."); ``Path`` would fold its "//".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def front_matter(text: str, name: str = "") -> tuple[dict[str, str], str]:
    """Metadata from an optional header block at the top of a text file, and the text after it::

        ---
        source: Alder Gazette
        date: 2026-03-09
        ---

    Keys: source (or outlet, site), title, date (ISO, YYYY-MM-DD), url, author; others are ignored.
    """
    m = _FRONT_MATTER.match(text)
    if not m or not all(_HEADER_LINE.match(line) for line in m.group(1).splitlines() if line.strip()):
        return {}, text  # no header, or prose between two rules ("---"), which is the article's text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        if sep and field and value.strip():
            meta[field] = value.strip().strip("\"'")
    if "date" in meta:
        meta["date"] = _header_date(meta["date"], name or "front matter")
    return meta, text[m.end():]


def is_iso_date(value: object) -> bool:
    """A real date written ``YYYY-MM-DD`` (not ``20181203``, which ``fromisoformat`` also takes)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _header_date(value: str, name: str, what: str = "header date") -> str:
    """The ``YYYY-MM-DD`` of a header date, checked to be a real date as ``--date`` is: ``2026-13-45``
    and ``2026-02-30`` are errors, not dates shown as given. Only an ISO time may follow the date (it is
    dropped: ``2024-02-29T08:00``); anything else after it (``2026-04-01garbage``) is an error."""
    rest = value[10:]
    try:
        if not is_iso_date(value[:10]) or (rest and not _ISO_TIME.match(rest)):
            raise ValueError(value)
        if rest:
            datetime.fromisoformat(value)
    except ValueError:
        raise MalformedDataError(f"{name}: {what} {value!r} is not a real date (YYYY-MM-DD)") from None
    return value[:10]


_WEB_URL = re.compile(r"https?://[^\s/]", re.I)


def is_web_url(value: str | None) -> bool:
    """An ``http(s)://`` address: the only kind of URL an article keeps and any output links (never
    ``javascript:``, ``data:``, ``file:``, ...)."""
    return bool(_WEB_URL.match(value or ""))


# The address of a page reached through a web archive or a search engine's cache: the Wayback Machine's
# "https://web.archive.org/web/20260514093012/https://site.example/story" (an "id_" or "if_" after the time stamp
# too), Google's "https://webcache.googleusercontent.com/search?q=cache:KEY:https://site.example/story".
_ARCHIVED_URL = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/\d{4,14}(?:[a-z]{2}_)?/(?P<wayback>.+)$"
    r"|^https?://webcache\.googleusercontent\.com/search\?q=cache:(?:[\w-]+:)?(?P<cache>[^&\s]+)",
    re.I,
)


def page_url(value: str | None) -> str:
    """A page's own address (:func:`_web_url`), the story's and not the archive's it was saved from: the address a
    Wayback Machine or Google cache copy wraps, so that the copy and the page are one source (``http://`` added to a
    wrapped address without its scheme, as the Wayback Machine writes some)."""
    url = _web_url(value)
    m = _ARCHIVED_URL.match(url)
    if m is None:
        return url
    from urllib.parse import unquote

    inner = m["wayback"] or unquote(m["cache"])
    inner = inner if re.match(r"^https?://", inner, re.I) else f"http://{inner}"
    return _web_url(inner) or url


def _web_url(value: str | None) -> str:
    """A URL read from a file's header, a page's metadata or a line of JSON, kept only when it is an
    http(s) address: the text is untrusted, and every output (Markdown, JSON, the web page) links it."""
    value = (value or "").strip()
    return value if is_web_url(value) else ""


# A day in an address's path, as news sites write one: "/news/2026/03/11/port-reopens", "/2026-03-11/port-reopens".
_URL_DAY = re.compile(r"/((?:19|20)\d\d)([/-])(\d{1,2})\2(\d{1,2})(?=[/_.-]|$)")


def url_day(url: str) -> str | None:
    """The publication day a news address writes in its path (``YYYY-MM-DD``), or None: none, or one that is no
    day (``/2026/02/30/``) or after today."""
    m = _URL_DAY.search(url.split("?", 1)[0].split("#", 1)[0])
    if m is None:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
    return day.isoformat() if day <= date.today() else None


def dated_by_url(article: Article) -> Article:
    """``article``, when it has no date and its address writes a day (:func:`url_day`), dated so: the fields given
    with an article (a JSONL line's, an API request's) replace what reading its text found, the address too, so
    the day is read again from the address it ends with."""
    day = None if article.date or not article.url else url_day(article.url)
    return replace(article, date=day) if day else article


# Markdown (a .md file): the syntax around the words, which read as text was summarized with them ("The
# **Harbor Bridge** ... [Marisol Star](https://...)", a title "# Bridge closed").
_MD_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_MD_DROP_LINE = re.compile(
    r"^\s{0,3}(?:(?:[-*_]\s*){3,}|=+|-+)\s*$"  # a rule, or a heading's underline
    r"|^\s{0,3}\[[^\]]+\]:\s+\S+(?:\s+[\"'(].*)?$"  # a link's reference: [1]: https://...
    r"|^\s*!\[[^\]]*\]\([^)]*\)\s*$"  # an image alone on its line: its alt text is a caption
)
# a heading's hashes, a quote's marks, a list item's bullet or number
_MD_LINE_START = re.compile(r"^\s{0,3}(?:#{1,6}(?=\s|$)\s*|(?:>\s?)+)|^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # "\*" written for a plain "*" (any ASCII punctuation)
# An escaped character is held in a private use plane (never in news text) while the syntax around it goes.
_MD_HELD = 0x100000
_MD_HELD_CHAR = re.compile("[\U00100000-\U0010007f]")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # an image
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[\"'(][^)]*)?\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # `code`
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # **strong**
    (re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])"), r"\2"),  # *emphasis*
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)


def markdown_text(body: str) -> str:
    """The words of a Markdown text: headings, quotes and list items as lines of their own, links as their
    words, images, rules, code blocks and HTML comments out. Lines and paragraphs stay where they were."""
    out: list[str] = []
    fenced = False
    for line in body.split("\n"):
        if _MD_FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        if fenced or _MD_DROP_LINE.match(line):
            out.append("")
            continue
        line = _MD_ESCAPED.sub(lambda m: chr(_MD_HELD + ord(m.group(1))), line)
        heading = line.lstrip().startswith("#")
        for _ in range(3):  # "> - a quoted item"
            line, n = _MD_LINE_START.subn("", line, count=1)
            if not n:
                break
        if heading:
            line = _MD_CLOSING_HASHES.sub("", line)
        for pattern, repl in _MD_INLINE:
            line = pattern.sub(repl, line)
        out.append(_MD_HELD_CHAR.sub(lambda m: chr(ord(m.group()) - _MD_HELD), line))
    return "\n".join(out)


_MD_TITLE = re.compile(r"^\s{0,3}#\s+(\S.*)$")


def _markdown_title(body: str) -> str:
    """The heading a Markdown text opens with ("# Dam overflows"), as words: the writer marked it as the title,
    however short (a plain line is taken for the headline only from four words, as menus are shorter)."""
    first = next((line for line in body.split("\n") if line.strip()), "")
    return " ".join(markdown_text(first).split()) if _MD_TITLE.match(first) else ""


# An RSS or Atom feed (a news site's, saved as .xml or .rss): its root element after the XML declaration and comments.
_FEED = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*<(?P<root>rss|feed|rdf:RDF)\b", re.S
)
_FEED_ITEM = re.compile(r"<(?:item|entry)\b")


def refuse_feed(text: str, name: str) -> None:
    """Raise ``UnreadableInputError`` when ``text`` is an RSS or Atom feed. It was read as plain text: its XML
    declaration for the title and its markup summarized. A feed lists many stories, most of them by their
    headline and a line of teaser, where storyline reads one story per article: the user is told to save each
    article's page instead (a feed item's ``<link>``)."""
    m = _FEED.match(text[:4096])
    if m is None:
        return
    kind = "an Atom feed" if m["root"] == "feed" else "an RSS feed"
    items = len(_FEED_ITEM.findall(text))
    raise UnreadableInputError(
        f"{name}: {kind} ({items} item{'' if items == 1 else 's'}), not an article; storyline reads one story per "
        "article: save each item's page (its <link>) and give those"
    )


# A DUC or TREC newswire document, as DUC's clusters hold them (one file per document): one ``<DOC>`` record whose
# ``<TEXT>`` is the story and whose ``<HEADLINE>``, when it has one, its headline; the record's other fields
# (``<DOCNO>``, ``<DOCTYPE>``, ``<DATE_TIME>``, ``<SLUG>``, ...) are no part of the story. Read as plain text, its field
# "<DOCTYPE> NEWS STORY </DOCTYPE>" had been the article's title (the first line of four words or more).
_SGML_RECORD = re.compile(r"\A\ufeff?\s*<DOC>(?P<record>.*?)</DOC>\s*\Z", re.S | re.I)
_SGML_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_SGML_HEADLINE = re.compile(r"<HEADLINE>(.*?)</HEADLINE>", re.S | re.I)
_SGML_TAG = re.compile(r"</?[A-Za-z][\w.-]*\s*>")


def sgml_story(text: str) -> tuple[str, str] | None:
    """The story and the headline ("" when none) of a text that is one DUC/TREC ``<DOC>`` record with a ``<TEXT>``
    (:data:`_SGML_RECORD`), its paragraph tags (``<P>``) taken out and its lines kept; None for any other text (a
    file of several records is read as it was)."""
    m = _SGML_RECORD.match(text)
    if m is None or re.search(r"<DOC>", m["record"], re.I):
        return None
    story = _SGML_TEXT.search(m["record"])
    if story is None:
        return None
    head = _SGML_HEADLINE.search(m["record"])
    body = "\n".join(line.rstrip() for line in _SGML_TAG.sub("", story.group(1)).split("\n")).strip("\n")
    return body, " ".join(_SGML_TAG.sub(" ", head.group(1)).split()) if head else ""


def article_from_text(
    text: str, *, id: str, origin: str = "", title: str = "", markdown: bool = False
) -> Article:
    """An article from plain text (Markdown with ``markdown``), after its ``---`` header, or an email's header
    (:mod:`storyline.mailtext`: its subject the title, its date the date), without the message a reply quotes; of a
    DUC/TREC ``<DOC>`` record, its ``<TEXT>`` under its ``<HEADLINE>`` (:func:`sgml_story`). An RSS or Atom feed is
    refused (:func:`refuse_feed`)."""
    refuse_feed(text, origin or id)
    if (sgml := sgml_story(text)) is not None:
        text, title = sgml[0], title or sgml[1]
    meta, body = front_matter(text, origin)
    saved = None if meta else mailtext.saved_message(body)
    if saved is not None:  # a message saved whole (.eml): its decoded body, an HTML one read as a page
        meta, body, html = saved
        if html:
            page = article_from_html(body, id=id, origin=origin)
            return replace(page, title=meta.get("title") or page.title, date=meta.get("date") or page.date)
    elif not meta:  # an email's header: its subject and date, no part of the story
        meta, body = mailtext.mail_header(body)
    body = mailtext.without_quoted_reply(body)  # a reply's quotation of the message it answers
    if markdown:
        title = title or _markdown_title(body)
        body = markdown_text(body)
    # an entity a scraper or an export left in plain text ("Smith &amp; Wesson", "&#124;"), read once; a page's
    # parser unescaped its text already, so this is for text alone
    body = unescape_entities(body)
    author = meta.get("author", "")
    if not author:  # "By Mara Ellison" on a line of its own under the headline, as a page prints its byline
        author, body = _text_byline(body)
    url = _web_url(meta.get("url"))
    return Article(
        id=id,
        text=body,
        title=unescape_entities(meta.get("title", title)),
        source=meta.get("source", ""),
        # a header's address that writes the day, as a page's does (its date read from the URL): undated, the
        # timeline left "Wednesday" unresolved in a text whose url: said when
        date=meta.get("date") or url_day(url),
        url=url,
        author=author,
        origin=origin,
    )


# How many lines of a text a byline is looked for in: the headline, a standfirst, a date line, the byline.
_BYLINE_LINES = 4


def _text_byline(body: str) -> tuple[str, str]:
    """The names of a byline on a line of its own under a text's headline, above its first paragraph ("By Mara Ellison",
    "By Mara Ellison, Harbor Radio News": "Mara Ellison"), and the text with that line left blank, as a page's byline
    paragraph is read (:func:`htmlpage.byline_paragraph`); ``("", body)`` when there is none. Cleaning dropped the
    line as clutter, and the author went unread. Blank, not taken out: the headline above it, with no line between,
    was joined to the story's first line as a line broken in two."""
    lines = body.split("\n", 64)  # the top of the text is enough (blank lines between paragraphs count)
    heads = [k for k, line in enumerate(lines[:64]) if line.strip()][:_BYLINE_LINES]
    # the first line is the headline: one that opens on "By" ("By Land and Sea", "By The Numbers") is no byline
    at, names = htmlpage.byline_paragraph([lines[k] for k in heads], skip=1)
    if at < 0 or not (author := _byline_names(names)):
        return "", body
    return author, "\n".join(lines[: heads[at]] + [""] + lines[heads[at] + 1:])


def dataset_lines(data: bytes, name: str) -> Iterator[tuple[int, dict]]:
    """``(line number, value)`` for each JSON value of a dataset file's bytes: one a line (blank lines skipped),
    or a ``.json`` file's one object or list of them (numbered from 1). ``.gz`` is decompressed within
    ``MAX_DATASET_BYTES`` and the text decoded as every input is; a line that is not JSON is a
    ``MalformedDataError`` naming ``name`` and the line. The values are not validated: the caller knows its
    schema (clusters here, a system's summaries in :mod:`storyline.evaluate.external`)."""
    if name.endswith(".gz"):
        try:  # decompressed a piece at a time, so a small bomb stops at the limit instead of filling memory
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = read_limited(fh, name, MAX_DATASET_BYTES, what="a dataset file, decompressed")
        except (OSError, EOFError) as exc:
            raise MalformedDataError(f"{name}: not a valid gzip file ({exc})") from None
    text = decode(data, name)
    stripped = text.lstrip()
    # A .json file may hold one object (or a list of them) over several lines.
    if name.endswith((".json", ".json.gz")) and stripped[:1] in "[{":
        try:
            value = jsontext.loads(text)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, dict):
            yield 1, value
            return
        if isinstance(value, list):
            yield from enumerate(value, 1)
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, jsontext.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedDataError(f"{name}, line {lineno}: not valid JSON ({exc.msg})") from None


def read_dataset(path: str | Path, *, need_summaries: bool = False) -> Iterator[DocumentSet]:
    """Clusters from a file in the ``../shared/data`` schema, one per line, validated as they are read."""
    path = Path(path)
    data = read_bytes(path)
    yield from parse_dataset(data, str(path), need_summaries=need_summaries)


def parse_dataset(data: bytes, name: str, *, need_summaries: bool = False) -> Iterator[DocumentSet]:
    """The clusters of a dataset file, one per line (``{"id", "documents": [...], "summaries": [...]}``);
    or, when the first line is an article (``{"text", "title", "source", "url", "date", "author"}``, as
    the web page's upload takes), the file's articles as one cluster named after the file."""
    yield from dataset_clusters(dataset_lines(data, name), name, need_summaries=need_summaries)


def dataset_clusters(
    values: Iterable[tuple[int, object]], name: str, *, need_summaries: bool = False
) -> Iterator[DocumentSet]:
    """``parse_dataset`` on a file's ``(line number, JSON value)`` pairs, read by whichever reader (a caller that
    streams a large file line by line gives them one at a time)."""
    lines = iter(values)
    first = next(lines, None)
    if first is not None and _is_article_line(first[1]):
        if need_summaries:
            raise MalformedDataError(
                f"{name}: one article per line, with no reference summaries: scoring needs clusters in the "
                "dataset schema ({\"documents\": [...], \"summaries\": [...]})"
            )
        yield _article_lines(chain([first], lines), name)
        return
    seen = 0
    for lineno, obj in chain([first] if first else [], lines):
        where = f"{name}, line {lineno}"
        if not isinstance(obj, dict):
            raise MalformedDataError(f"{where}: expected a JSON object with a 'documents' list")
        docs = obj.get("documents")
        if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
            raise MalformedDataError(f"{where}: 'documents' must be a list of article texts")
        if not any(d.strip() for d in docs):
            raise MalformedDataError(f"{where}: the cluster has no documents")
        sums = obj.get("summaries", [])
        if not isinstance(sums, list) or not all(isinstance(s, str) for s in sums):
            raise MalformedDataError(f"{where}: 'summaries' must be a list of strings")
        if need_summaries and not any(s.strip() for s in sums):
            raise MalformedDataError(f"{where}: the cluster has no reference summaries")
        titles = obj.get("document_titles") or []
        cid = str(obj.get("id") or f"{Path(name).name}:{lineno}")
        # A document is numbered by its place in "documents" (1-based), empty ones counted: "f.jsonl:6#4"
        # is the fourth document of line 6 whatever was left out before it.
        articles = tuple(
            Article(
                id=str(i),
                # a document is plain text, its entities read once; a page's markup given as one is left as written
                text=d if looks_like_html(d) else unescape_entities(d),
                title=unescape_entities(titles[i - 1]) if i - 1 < len(titles) and isinstance(titles[i - 1], str)
                else "",
                origin=f"{name}:{lineno}#{i}",
            )
            for i, d in enumerate(docs, 1)
            if d.strip()
        )
        empty = tuple(f"{name}:{lineno}#{i}" for i, d in enumerate(docs, 1) if not d.strip())
        seen += 1
        yield DocumentSet(id=cid, articles=articles, summaries=tuple(s for s in sums if s.strip()), empty=empty)
    if seen == 0:
        raise EmptyInputError(f"{name}: no clusters in this file")


_ARTICLE_FIELDS = ("title", "source", "url", "author")


def _is_article_line(obj: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(obj, dict) and "documents" not in obj and isinstance(obj.get("text"), str)


def _article_lines(lines: Iterable[tuple[int, object]], name: str) -> DocumentSet:
    """A file of one article per line: one cluster, its articles numbered by line (empty ones noted)."""
    articles, empty = [], []
    for lineno, obj in lines:
        where = f"{name}, line {lineno}"
        if not _is_article_line(obj):
            raise MalformedDataError(f"{where}: expected an article, an object with a 'text' string, as on line 1")
        meta = {}
        for key in _ARTICLE_FIELDS:
            value = obj.get(key)
            if value is not None and not isinstance(value, str):
                raise MalformedDataError(f"{where}: '{key}' must be a string")
            # One line, as a header's fields and the web upload's are: a line break in a title or an outlet
            # would break the text listing of sources and start new blocks in the Markdown (a list item, a
            # heading), and one in a URL would end its Markdown link.
            value = " ".join((value or "").split())
            meta[key] = _web_url(value) if key == "url" else value
        date = obj.get("date")
        if date is not None and not isinstance(date, str):
            raise MalformedDataError(f"{where}: 'date' must be a string (YYYY-MM-DD)")
        origin = f"{name}:{lineno}"
        if not obj["text"].strip():
            empty.append(origin)
            continue
        # The text is read as a file's would be, and as the web page's upload reads the same line: an HTML
        # page through trafilatura, plain text with its header (source, date, ...); the fields given on
        # the line win over what the text says about itself.
        text = obj["text"]
        read = article_from_html if looks_like_html(text) else article_from_text
        base = read(text, id=str(lineno), origin=origin)
        given: dict[str, Any] = {k: v for k, v in meta.items() if v}
        if date and date.strip():
            given["date"] = _header_date(date, where, "the date field")  # the line's own, not a text header
        articles.append(dated_by_url(replace(base, **given)))  # undated, its url's day, as a text header's url
    if not articles:
        raise EmptyInputError(f"{name}: every article in this file is empty")
    return DocumentSet(id=Path(name).name, articles=tuple(articles), empty=tuple(empty), article_lines=True)


def is_dataset_name(name: str) -> bool:
    return name.lower().endswith(DATA_SUFFIXES)


# A document id of the AQUAINT newswire that DUC's clusters are drawn from: the source (APW, NYT, XIE), the day it was
# sent (YYYYMMDD) and a number ("APW19981023.0123"). DUC files are named by it and give it as their <DOCNO>.
DOC_ID = re.compile(r"(?:APW|NYT|XIE)(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)\.\d{4}")
_DOCNO = re.compile(r"<DOCNO>\s*([^<>\s]*)\s*</DOCNO>", re.I)


def doc_id_day(doc_id: str) -> str | None:
    """The day (``YYYY-MM-DD``) a DUC document id of the known shape (:data:`DOC_ID`) writes, or None: another id, a
    day that does not exist, or one after today."""
    m = DOC_ID.fullmatch(doc_id.strip())
    if m is None:
        return None
    try:
        day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return day.isoformat() if day <= date.today() else None


def with_doc_id(article: Article, text: str, path: Path) -> Article:
    """``article`` with the DUC document id its file gives (``Article.doc_id``): the one ``<DOCNO>`` of its SGML
    text, else its file's name (with or without a suffix storyline reads: "APW19981023.0123", "APW19981023.0123.txt");
    only an id of the known shape (:data:`DOC_ID`), and none from a file of several documents with different ids.
    Cleaning dates an undated article by it, after its page text (:func:`storyline.pagedate.with_page_date`)."""
    ids = set(_DOCNO.findall(text)) - {""}
    name = path.name
    for suffix in SUPPORTED:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    doc_id = ids.pop() if len(ids) == 1 else "" if ids else name
    return replace(article, doc_id=doc_id) if doc_id_day(doc_id) else article


def read_article(path: Path, *, id: str) -> Article:
    """One article from a text or HTML file (by suffix, else by sniffing the content), with the DUC document id its
    file gives (:func:`with_doc_id`)."""
    archive = path.name.lower().endswith(MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES)
    data = read_bytes(path, max_bytes=MAX_MHTML_BYTES if archive else MAX_BYTES)
    if not data.strip():
        raise EmptyInputError(f"{path}: the file is empty")
    lower = path.name.lower()
    if lower.endswith(WEBARCHIVE_SUFFIXES) or (data.startswith(_BINARY_PLIST) and b"WebMainResource" in data):
        return article_from_webarchive(data, id=id, origin=str(path))
    if lower.endswith(MHTML_SUFFIXES) or (not lower.endswith(TEXT_SUFFIXES + HTML_SUFFIXES) and looks_like_mhtml(data)):
        return article_from_mhtml(data, id=id, origin=str(path))
    text = decode(data, str(path))
    markdown = path.name.lower().endswith(MARKDOWN_SUFFIXES)
    if (path.name.lower().endswith(HTML_SUFFIXES)
            or looks_like_html(text, document=path.name.lower().endswith(TEXT_SUFFIXES))
            or (not markdown and _html_fragment(text))):
        return with_doc_id(article_from_html(text, id=id, origin=str(path)), text, path)
    return with_doc_id(article_from_text(text, id=id, origin=str(path), markdown=markdown), text, path)


# The folder a browser saves a page's resources in ("Save Page As", "Web Page, complete"): "story_files/" beside
# "story.html" (Chrome; Firefox in its language: "story-Dateien", "story_fichiers", ...). Its .html files are the
# page's frames (an embedded post, an advertisement, a comment widget), not articles.
_RESOURCES_DIR = re.compile(
    r"^(?P<stem>.+?)[_-](?:files|dateien|fichiers|archivos|arquivos|bestanden|file|filer|pliki|soubory|tiedostot)$",
    re.IGNORECASE,
)


def _in_saved_resources(file: Path, root: Path) -> bool:
    """Whether ``file`` lies in the resource folder a browser saved beside a page, below ``root``."""
    folder = root
    for part in file.relative_to(root).parts[:-1]:
        m = _RESOURCES_DIR.match(part)
        if m and any((folder / f"{m.group('stem')}{suffix}").is_file() for suffix in HTML_SUFFIXES):
            return True
        folder = folder / part
    return False


# Documents a reporter keeps beside saved pages that storyline does not read (see ``_DOCUMENT_FORMATS``): a
# directory's are not among its articles, and ``unread_documents`` names them, so that a PDF left out is not
# taken for one that was read.
UNREAD_DOCUMENTS = {".pdf": "a PDF file", ".doc": "a Word document", ".docx": "a Word document",
                    ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".pages": "a Pages document"}


def _is_file(path: Path) -> bool:
    """Whether a path found in a directory is a file; one that cannot be looked at (a link into a place this user
    may not enter, as /proc holds) is not, where its PermissionError ended the command as an internal error."""
    try:
        return path.is_file()
    except OSError:
        return False


def _in_directory(file: Path, root: Path) -> bool:
    """Whether a file found below ``root`` is one of its own: not hidden (``.git/``, ``.cache/``) and not in the
    resource folder a browser saved beside a page."""
    hidden = any(part.startswith(".") for part in file.relative_to(root).parts)
    return not hidden and not _in_saved_resources(file, root)


def unread_documents(directory: Path) -> list[tuple[Path, str]]:
    """The documents below ``directory`` (by suffix, in any case) that storyline does not read, each with what
    it is ("a PDF file"), in path order."""
    found = (f for f in directory.rglob("*") if f.suffix.lower() in UNREAD_DOCUMENTS and _is_file(f))
    return [(f, UNREAD_DOCUMENTS[f.suffix.lower()]) for f in sorted(found) if _in_directory(f, directory)]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named directly, plus the supported files inside named directories (sorted, recursive), and the files
    there named by a DUC document id (:data:`DOC_ID`)."""
    out: list[Path] = []
    for p in paths:
        path, url = Path(p), _URL.match(os.fspath(p)) is not None
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # a name too long for the file system was an internal error (exit 70), not exit 3
            if not url:
                raise InputNotFoundError(f"{path}: cannot read ({exc.strerror})") from None
            is_dir = exists = False
        if url and not exists:
            raise OptionsError(f"{os.fspath(p)}: storyline does not fetch URLs; save the page and give the saved file")
        if is_dir:
            found = sorted(  # and DUC's files, named by their document id ("APW19981023.0123", no suffix)
                f for f in path.rglob("*")
                if _is_file(f) and (f.name.lower().endswith(SUPPORTED) or DOC_ID.fullmatch(f.name))
                and _in_directory(f, path)
            )
            if not found:
                n = len(unread_documents(path))
                looked = f"looked for {', '.join(SUPPORTED)}"
                if n:
                    raise EmptyInputError(
                        f"{path}: no readable articles in this directory: {'its' if n > 1 else 'the'} {n} PDF, Word "
                        f"or RTF document{'s are' if n > 1 else ' is'} not read (save each article as .html or .txt); "
                        f"{looked}"
                    )
                raise EmptyInputError(f"{path}: no readable articles in this directory ({looked})")
            out.extend(found)
        elif exists:
            out.append(path)
        else:
            raise InputNotFoundError(f"{path}: {_why_missing(path)}")
    return out


_GLOB = re.compile(r"[*?\[]")


def _why_missing(path: Path) -> str:
    """Why a path named on the command line is not there, in the words a user can act on: a shell pattern that
    matched nothing reaches us as written ("*.txt"), and a symbolic link that loops or points nowhere is there
    as a name; "no such file or directory" said neither."""
    if path.is_symlink():
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link that leads back to itself (a loop), not a file"
        return f"a symbolic link to {os.readlink(path)}, which does not exist"
    if _GLOB.search(os.fspath(path)):
        return "no file matches this pattern (the shell passes on a pattern that matches nothing as it was written)"
    return "no such file or directory"
