"""The data of a story analysis: frozen dataclasses, each item carrying the sentence spans it comes
from, so ``article.text[span.start:span.end]`` is its evidence. No I/O, no logic that needs a model."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article
from .dates import precision


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A character span of ``Article.text``: the evidence for an item."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement several articles make: the sentences that say it, one per article at most, except for
    a statement quoted over several sentences (all of them, in each article).

    ``text`` is the representative sentence (the most central of the group that reads whole; for a
    quoted statement, of its first sentence), with the sentences of its article that its quotation runs
    over when the segmenter cut a short quotation apart (those are among ``spans`` too)."""

    text: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]
    total: int  # articles in the cluster, so support reads "4 of 5"

    @property
    def support(self) -> int:
        return len(self.articles)


@dataclass(frozen=True, slots=True)
class Value:
    """One side of a disagreement: the value as written, its normalised form, who gives it."""

    text: str
    normalized: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same fact reported with incompatible values. ``kind``: number, amount, count, time, date, name, place."""

    kind: str
    slot: str  # what the value measures or names ("casualties", "day", "foreign minister")
    values: tuple[Value, ...]
    reason: str
    fact: str  # a sentence of the aligned group, for context
    spans: tuple[Span, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for v in self.values for a in v.articles))


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, merged across the articles that carry it (fragments included).

    ``speaker`` is None for an unattributed quote. ``spans`` cover the quoted text itself."""

    text: str
    speaker: str | None
    title: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]

    @property
    def attributed(self) -> bool:
        return self.speaker is not None


@dataclass(frozen=True, slots=True)
class Action:
    """What an entity is reported to do: a short verb phrase and the sentence it comes from."""

    phrase: str
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place under its canonical name, with the other names it goes by."""

    name: str
    kind: str  # "person", "org", "place"
    aliases: tuple[str, ...]
    title: str
    articles: tuple[str, ...]
    mentions: int
    actions: tuple[Action, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: the date phrase as written and, when the article's publication date allows,
    the calendar date it stands for (ISO ``YYYY-MM-DD``; the ISO week ``YYYY-Www`` for "this week",
    ``YYYY-MM`` or ``YYYY`` for coarser phrases)."""

    date: str | None
    phrase: str
    text: str
    articles: tuple[str, ...]
    spans: tuple[Span, ...]

    @property
    def precision(self) -> str | None:
        """``day``, ``week``, ``month`` or ``year``: how much of the calendar ``date`` names (None when
        unresolved)."""
        return precision(self.date)


@dataclass(frozen=True, slots=True)
class OnlyHere:
    """A salient statement that a single article reports and no other: a sentence, or the few sentences
    of a quotation the segmenter cut apart (``span`` covers them all)."""

    text: str
    article: str
    span: Span
    # ``article`` and those of its near-duplicates (the same wire copy in another outlet) whose own text carries it:
    # "only here" is one report, but cited as [1] alone it denied the outlets that ran the copy (a trimmed copy that
    # cut it is not named)
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    timeline: tuple[Event, ...]
    only_here: tuple[OnlyHere, ...]
    notes: tuple[str, ...] = ()
    # running counts that later articles give higher ("rose from 12 to 20"): updates, not conflicts
    updates: tuple[Conflict, ...] = ()

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)

    @property
    def people(self) -> tuple[Entity, ...]:
        return self.of_kind("person")

    @property
    def organisations(self) -> tuple[Entity, ...]:
        return self.of_kind("org")

    @property
    def places(self) -> tuple[Entity, ...]:
        return self.of_kind("place")

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
