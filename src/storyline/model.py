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

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


def count_words(text: str) -> int:
    """Words as a reader counts them (and as the budget is enforced): runs of letters/digits."""
    return len(_WORD.findall(text))


# The character classes of ``_WORD``: 1 a word character (``\w``), 2 a joiner (``[-'’.]``), 0 neither.
_ASCII_CLASSES = np.array(
    [1 if chr(c).isalnum() or chr(c) == "_" else 2 if chr(c) in "-'." else 0 for c in range(128)], dtype=np.int8
)


def word_counts(texts: Sequence[str]) -> np.ndarray:
    """``count_words`` of each text, in one vectorised pass over all of them: a word starts at a word
    character that follows neither a word character nor a single joiner after one (the regex builds a
    string per word, ~200 ns each, to count sentences that are only measured)."""
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
        wide_kinds = [1 if chr(c).isalnum() else 2 if chr(c) == "’" else 0 for c in wide.tolist()]
        kind[at] = np.array(wide_kinds, dtype=np.int8)[inverse]
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
