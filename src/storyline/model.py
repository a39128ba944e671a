"""The data model every stage shares: frozen dataclasses with provenance, no I/O and no imports
from the rest of the package.

Invariant: for every sentence ``s`` of an article ``a``, ``a.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

# The combining marks (Unicode categories Mn, Mc and Me) as the body of a ``re`` character class: the vowel signs
# of Devanagari, Bengali, Tamil and the other Indic scripts, the vowels and tone marks of Thai, Lao, Khmer and Burmese,
# the accents of Latin text in decomposed form ("e" + U+0301). ``\w`` holds none of them, so ``\w+`` cut a Hindi word
# at each of its vowel signs (a text of 130 words counted 217). Written out here because ``re`` has no ``\p{M}`` and
# reading them from ``unicodedata`` at import takes longer than the rest of this module;
# ``tests/test_represent.py`` checks them against ``unicodedata`` (MARKS_UNICODE is the version they were read from).
# In two parts: ``re`` looks a character of the Basic Multilingual Plane up in one table, but tries the ranges beyond
# it one by one (110 of them: a word's end took twice as long to find when they stood in the class).
MARKS_UNICODE = "14.0.0"
BMP_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd"
    "\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd"
    "\u09d7\u09e2\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42\u0a47\u0a48\u0a4b-\u0a4d\u0a51\u0a70\u0a71\u0a75"
    "\u0a81-\u0a83\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c"
    "\u0b3e-\u0b44\u0b47\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd"
    "\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55\u0c56\u0c62\u0c63\u0c81-\u0c83\u0cbc"
    "\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5\u0cd6\u0ce2\u0ce3\u0d00-\u0d03\u0d3b\u0d3c\u0d3e-\u0d44"
    "\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0df2\u0df3"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e\u0f3f"
    "\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060"
    "\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715"
    "\u1732-\u1734\u1752\u1753\u1772\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885\u1886\u18a9\u1920-\u192b"
    "\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b04\u1b34-\u1b44"
    "\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4"
    "\u1cf7-\u1cf9\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a"
    "\ua66f-\ua672\ua674-\ua67d\ua69e\ua69f\ua6f0\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c\ua880\ua881"
    "\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36"
    "\uaa43\uaa4c\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7\uaab8\uaabe\uaabf\uaac1\uaaeb-\uaaef\uaaf5\uaaf6"
    "\uabe3-\uabea\uabec\uabed\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
ASTRAL_MARKS = (  # beyond U+FFFF: Brahmi, Chakma, Sharada, Adlam and the other scripts of the supplementary planes
    "\U000101fd\U000102e0\U00010376-\U0001037a\U00010a01-\U00010a03\U00010a05\U00010a06\U00010a0c-\U00010a0f"
    "\U00010a38-\U00010a3a\U00010a3f\U00010ae5\U00010ae6\U00010d24-\U00010d27\U00010eab\U00010eac"
    "\U00010f46-\U00010f50\U00010f82-\U00010f85\U00011000-\U00011002\U00011038-\U00011046\U00011070"
    "\U00011073\U00011074\U0001107f-\U00011082\U000110b0-\U000110ba\U000110c2\U00011100-\U00011102"
    "\U00011127-\U00011134\U00011145\U00011146\U00011173\U00011180-\U00011182\U000111b3-\U000111c0"
    "\U000111c9-\U000111cc\U000111ce\U000111cf\U0001122c-\U00011237\U0001123e\U000112df-\U000112ea"
    "\U00011300-\U00011303\U0001133b\U0001133c\U0001133e-\U00011344\U00011347\U00011348\U0001134b-\U0001134d"
    "\U00011357\U00011362\U00011363\U00011366-\U0001136c\U00011370-\U00011374\U00011435-\U00011446\U0001145e"
    "\U000114b0-\U000114c3\U000115af-\U000115b5\U000115b8-\U000115c0\U000115dc\U000115dd\U00011630-\U00011640"
    "\U000116ab-\U000116b7\U0001171d-\U0001172b\U0001182c-\U0001183a\U00011930-\U00011935\U00011937\U00011938"
    "\U0001193b-\U0001193e\U00011940\U00011942\U00011943\U000119d1-\U000119d7\U000119da-\U000119e0\U000119e4"
    "\U00011a01-\U00011a0a\U00011a33-\U00011a39\U00011a3b-\U00011a3e\U00011a47\U00011a51-\U00011a5b"
    "\U00011a8a-\U00011a99\U00011c2f-\U00011c36\U00011c38-\U00011c3f\U00011c92-\U00011ca7\U00011ca9-\U00011cb6"
    "\U00011d31-\U00011d36\U00011d3a\U00011d3c\U00011d3d\U00011d3f-\U00011d45\U00011d47\U00011d8a-\U00011d8e"
    "\U00011d90\U00011d91\U00011d93-\U00011d97\U00011ef3-\U00011ef6\U00016af0-\U00016af4\U00016b30-\U00016b36"
    "\U00016f4f\U00016f51-\U00016f87\U00016f8f-\U00016f92\U00016fe4\U00016ff0\U00016ff1\U0001bc9d\U0001bc9e"
    "\U0001cf00-\U0001cf2d\U0001cf30-\U0001cf46\U0001d165-\U0001d169\U0001d16d-\U0001d172\U0001d17b-\U0001d182"
    "\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244\U0001da00-\U0001da36\U0001da3b-\U0001da6c"
    "\U0001da75\U0001da84\U0001da9b-\U0001da9f\U0001daa1-\U0001daaf\U0001e000-\U0001e006\U0001e008-\U0001e018"
    "\U0001e01b-\U0001e021\U0001e023\U0001e024\U0001e026-\U0001e02a\U0001e130-\U0001e136\U0001e2ae"
    "\U0001e2ec-\U0001e2ef\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a\U000e0100-\U000e01ef"
)
MARKS = BMP_MARKS + ASTRAL_MARKS
# A word: a word character (``\w``: a letter, digit or underscore) and the word characters and combining marks
# after it; words joined by one hyphen, apostrophe or full stop are one ("state-of-the-art", "don't", "U.S."). A mark
# never starts a word: one left over at the start of a text or after a space belongs to no word. The marks beyond
# U+FFFF are tried only after a character beyond it (the lookahead: one range), so the end of a word of any other
# text costs one table lookup more than ``\w+``'s.
WORD_RUN = rf"\w[\w{BMP_MARKS}]*(?:(?=[\U00010000-\U0010ffff])[\w{ASTRAL_MARKS}]+[\w{BMP_MARKS}]*)*"
_WORD = re.compile(rf"{WORD_RUN}(?:[-'’.]{WORD_RUN})*", re.UNICODE)


def count_words(text: str) -> int:
    """Words as a reader counts them (and as the budget is enforced): runs of letters/digits with their combining
    marks (``WORD_RUN``), so "हिंदी" and "café" written with a combining accent are one word each."""
    return len(_WORD.findall(text))


# The character classes of ``_WORD``: 1 a word character (``\w``), 2 a joiner (``[-'’.]``), 3 a combining mark
# (``MARKS``, none of them ASCII), 0 none of these.
_ASCII_CLASSES = np.array(
    [1 if chr(c).isalnum() or chr(c) == "_" else 2 if chr(c) in "-'." else 0 for c in range(128)], dtype=np.int8
)
_MARK = re.compile(f"[{MARKS}]")


def _wide_kind(char: str) -> int:
    """The class (as in ``_ASCII_CLASSES``) of a character outside ASCII."""
    return 1 if char.isalnum() else 2 if char == "’" else 3 if _MARK.match(char) else 0


def word_counts(texts: Sequence[str]) -> np.ndarray:
    """``count_words`` of each text, in one vectorised pass over all of them: a word starts at a word
    character that follows neither a word character nor a single joiner after one, where a combining mark
    counts as a word character when the last character before it that is no mark is one (and as nothing
    otherwise). The regex builds a string per word, ~200 ns each, to count sentences that are only measured."""
    if not texts:
        return np.zeros(0, dtype=np.int64)
    joined = "\n".join(texts)  # a newline is neither a word character nor a joiner: no word spans two texts
    if joined.isascii():
        kind = _ASCII_CLASSES[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    else:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kind = _ASCII_CLASSES[np.minimum(codes, 127)]  # DEL (127) is neither; the few wide ones follow
        at = np.flatnonzero(codes > 127)
        wide, inverse = np.unique(codes[at], return_inverse=True)
        wide_kinds = [_wide_kind(chr(c)) for c in wide.tolist()]
        kind[at] = np.array(wide_kinds, dtype=np.int8)[inverse]
        mark = kind == 3
        if mark.any():
            # the last character at or before each one that is no mark: its kind is the marks' after it
            last = np.maximum.accumulate(np.where(mark, 0, np.arange(kind.size)))
            kind[mark] = np.where(kind[last[mark]] == 1, 1, 0)
    word = kind == 1
    start = word.copy()
    start[1:] &= ~word[:-1]
    start[2:] &= ~((kind[1:-1] == 2) & word[:-2])
    starts_before = np.zeros(start.size + 1, dtype=np.int64)
    np.cumsum(start, out=starts_before[1:])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    first = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=first[1:])
    return starts_before[first + lengths] - starts_before[first]


_AT_LEAST: dict[int, re.Pattern[str]] = {}


def has_words(text: str, n: int) -> bool:
    """``count_words(text) >= n``, without tokenising all of a long paragraph: one regex match of ``n``
    words, each an atomic group (so a word is never split in two to make up the count) that skips the
    non-word gap before it exactly as ``findall`` does."""
    if n <= 0:
        return True
    pattern = _AT_LEAST.get(n)
    if pattern is None:
        pattern = _AT_LEAST[n] = re.compile(rf"(?>\W*{_WORD.pattern}){{{n}}}", re.UNICODE)
    return pattern.match(text) is not None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingestion and cleaning. ``text`` is the cleaned body."""

    id: str
    text: str
    source: str = ""
    title: str = ""
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str = ""
    author: str = ""
    origin: str = ""  # where it was read from: a path, "<stdin>", "data.jsonl:3#2"
    # The line of the page text ``date`` was read from ("June 09, 2018"), when no header, metadata or
    # caller gave the article a date; empty otherwise.
    date_line: str = ""
    # The page was paywalled: ``text`` is only the free teaser above the prompt to subscribe.
    teaser: bool = False
    # The outlet's corrections and clarifications of its own story ("An earlier version of this article said …"),
    # kept out of ``text``: they speak of the article, not the event, and carry the wrong figure with the right one.
    corrections: tuple[str, ...] = ()
    # Paragraphs left out of ``text`` as no prose: each ran ``clean.MAX_RUN_CHARS`` characters without a sentence
    # end (a minified script, a log or a table of data saved with the story).
    no_prose: int = 0
    # The page is one page of a story printed over several ("Continue reading on page 2", a row of page numbers, a
    # link to the next page): the other pages were not read.
    paged: bool = False
    # The DUC document id its file gives ("APW19981023.0123": its <DOCNO>, else its name), when of the known shape
    # (``ingest.DOC_ID``); an article nothing else dates is dated by the day it writes (``pagedate.with_page_date``).
    doc_id: str = ""

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def label(self) -> str:
        """A short human name: the outlet, else the title, else the id."""
        return self.source or self.title or self.id


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, located by character span in ``Article.text``."""

    article: str  # Article.id
    index: int  # position within the article, 0-based
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return count_words(self.text)


def _frozen_map(value: Mapping[str, tuple[str, ...]] | None) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Cluster:
    """The articles of one story and their sentences.

    ``duplicates`` maps the id of a kept article to the ids of near-duplicates (the same wire copy in
    another outlet) whose sentences were left out of the pool and which are credited with it.
    Clusters compare by identity, so derived data (vectors, similarities) can be cached per cluster.
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    duplicates: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _frozen_map(None))
    # each article by its id (the first of an id), and its sentences: asked for by id in the loops of the analysis,
    # where a pass over the articles for each question was quadratic (1,000 short articles: a minute)
    _by_id: Mapping[str, Article] = field(init=False, repr=False)
    _sentences_by_id: Mapping[str, tuple[Sentence, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "duplicates", _frozen_map(self.duplicates))
        by_id: dict[str, Article] = {}
        for a in self.articles:
            by_id.setdefault(a.id, a)
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        of: dict[str, list[Sentence]] = {}
        for sent in self.sentences:
            of.setdefault(sent.article, []).append(sent)
        object.__setattr__(self, "_sentences_by_id", MappingProxyType({k: tuple(v) for k, v in of.items()}))

    def article(self, article_id: str) -> Article:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(article_id) from None

    @property
    def kept_ids(self) -> tuple[str, ...]:
        """Ids of articles whose sentences are in the pool (duplicates excluded)."""
        merged = {d for ds in self.duplicates.values() for d in ds}
        return tuple(a.id for a in self.articles if a.id not in merged)

    def sentences_of(self, article_id: str) -> tuple[Sentence, ...]:
        return self._sentences_by_id.get(article_id, ())


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A chosen sentence with its attribution.

    ``sources``: the article it was taken from, then those of its near-duplicate copies that carry the sentence.
    ``corroborated_by``: other articles that report the same content (found by similarity; where the summary is
    shown with its analysis, also the articles of an Agreement fact it belongs to, ``analysis.corroborate``).
    """

    sentence: Sentence
    sources: tuple[str, ...]
    corroborated_by: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def articles(self) -> tuple[str, ...]:
        """Every article that carries this sentence's content, the origin first."""
        return self.sources + tuple(a for a in self.corroborated_by if a not in self.sources)


@dataclass(frozen=True, slots=True)
class Introduction:
    """Who a speaker the summary names by one word is ("Chaudhry said …"), as an article introduces them:
    ``text`` is ``article``'s text at ``start:end`` ("Pakistan’s Information Minister Fawad Chaudhry"), in a
    sentence the summary does not carry."""

    name: str
    text: str
    article: str  # Article.id
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Summary:
    articles: tuple[Article, ...]
    sentences: tuple[SummarySentence, ...]
    method: str
    budget: int
    notes: tuple[str, ...] = ()
    introductions: tuple[Introduction, ...] = ()  # "who's who" for speakers named by one word

    @property
    def words(self) -> int:
        return sum(s.sentence.words for s in self.sentences)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
