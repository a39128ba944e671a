"""Group a stream of articles into stories, one article at a time.

An article joins the story most similar to it, when that similarity reaches a threshold (and the dates, where
both are known, lie within a window); otherwise it starts a new story. The similarity is the article's mean
cosine to the story's articles (average link), computed without them: the cosine to the story's centroid
times the story's cohesion (see below). This is the
single-pass clustering of the TDT "topic detection and tracking" tradition (Allan et al., 1998): each
article is decided once, when it arrives, so a store can take articles as they come and never re-cluster.

Representation (:func:`storyline.represent.article_terms`): the article's content terms (stemmed, no stopwords),
its title's terms counted twice and the terms of the names its text writes with a capital inside a sentence ("…
drivers on the Tarrow Pass", "… told the BBC": a person, a place, a body, the words of an event that articles in
other words share most surely) once more for each such mention, with sublinear term frequency ``1 + log tf`` and
an IDF from the document frequencies of the stream so far (a term in every article weighs nothing; one seen
first weighs most). A story's centroid is the sum of its articles' term-frequency vectors, weighted with a
recent IDF (a joining article's terms with that of the moment; the whole centroid again once the stream has
grown by 10% since), so early stories are not frozen with the IDF of a short stream. Each article counts in it
as its unit vector (its term frequencies over its weighted norm on arrival), however long it is.

Cohesion: the length of the sum of a story's unit vectors over their number, the mean cosine of its articles
to their centroid (1 for one article), kept as one number per story from each article's cosine to the story
when it joined (``|S + u|^2 = |S|^2 + 2 |S| cos(u, S) + 1``), so it neither needs the articles' vectors nor
drifts with the IDF. Centroid cosine times cohesion is the mean cosine to the articles. A centroid cosine
alone favoured the stories that had spread over several events: their centroid lies near an article of any
of them, though the article is like only a few of the story's articles, so they took more and more (B-cubed
precision 88.1 against the batch average link's 91.7 on Multi-News val at the same recall).

Scale: the work per article is bounded, not grown with the stream. Each story is indexed under the
``_INDEX_TERMS`` heaviest terms of its weighted centroid; an article looks up its ``_KEY_TERMS`` heaviest
terms there, at most ``_POSTINGS`` stories under each (the ones indexed last: a story is indexed anew when
it takes an article or is reweighted), ranks them by the part of the similarity those terms make, and
computes the full similarity for the best ``_SHORTLIST`` only (the candidate ranking of an inverted index with a
partial score, as in Zobel and Moffat, "Inverted files for text search engines", 2006). Before, every story
sharing one of the article's heavy terms got the full cosine, and a term like a president's name is shared
by thousands of stories of a long stream.

Near misses: once the stream is over, :meth:`StoryGrouper.paired` (``group_articles``, ``storyline group``) joins
two stories of one article each whose articles share a term that no other article uses and come within
``_PAIR_MARGIN`` of the threshold: a term's rarity is known only at the end, too late for the single pass.

The threshold was tuned on Multi-News val articles (clusters as stories) and checked on other clusters
and on the original scraped pages: see ``benchmarks/grouping.py`` and ``docs/grouping.md``.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .errors import EmptyInputError, OptionsError
from .ingest import is_iso_date
from .model import Article
from .represent import article_terms as article_terms  # the grouping's representation, re-exported

_KEY_TERMS = 12  # an article is looked up in the story index under its heaviest terms
_INDEX_TERMS = 32  # a story is indexed under the heaviest terms of its weighted centroid
_SHORTLIST = 10  # the stories that score best over the key terms alone get the full similarity
_POSTINGS = 128  # the most stories looked at under one term: those indexed last
_REWEIGHT = 1.1  # a story's weighted centroid is redone when the stream has grown by 10%
_CLOSE_EVERY = 256  # arrivals between two looks for stories to close
_RECENT = 32  # the latest dated arrivals the clock looks at before it jumps ahead
_BULK = _RECENT // 2  # how many of them must reach a far date for the clock to jump there
# Two lone articles sharing a term no other article uses are paired (``StoryGrouper.paired``) from this far under
# the threshold up: a cosine of 0.14 at the default 0.22 (chosen on the tuning half of val: 0.10-0.20 measured).
_PAIR_MARGIN = 0.08
_LEAD_DAYS = 1  # a date this many days past its arrival's (UTC) day can be real (a local day ahead of UTC)
# The version of the grouping's state (``StoryGrouper.state``): a saved state is used only by the grouping it
# was saved by. Change it with anything that changes how a state is built or read: the representation, the
# constants above, the order of the steps.
STATE_VERSION = (f"4:{_KEY_TERMS}:{_INDEX_TERMS}:{_SHORTLIST}:{_POSTINGS}:{_REWEIGHT}:{_CLOSE_EVERY}:{_RECENT}:"
                 f"{_LEAD_DAYS}")


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """``threshold``: the least similarity of an article to a story (its mean cosine to the story's
    articles: see the module docstring) for the article to join it. ``window_days``: an article joins no
    story whose articles are all more than this many days from it (only when both sides have dates; 0 turns
    the window off). ``idle_articles``: a story that no article
    joined in this many arrivals is closed (0: never), and so is a dated story whose latest article is more
    than ``window_days`` older than the stream's clock (its newest date, where a date far ahead counts only
    as far as most recent dated articles reach: see ``StoryGrouper``): a closed story keeps its articles
    but is no longer compared with new ones, so a long-running stream holds only its live stories in memory."""

    threshold: float = 0.22
    window_days: int = 7
    idle_articles: int = 50_000

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float)):
            raise OptionsError(f"the grouping threshold must be a number, not {self.threshold!r}")
        for name in ("window_days", "idle_articles"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise OptionsError(f"{name} must be a whole number, not {value!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise OptionsError(f"the grouping threshold must be in (0, 1], not {self.threshold}")
        if self.window_days < 0:
            raise OptionsError(f"the date window must be 0 (off) or more days, not {self.window_days}")
        if self.idle_articles < 0:
            raise OptionsError(f"idle_articles must be 0 (never close) or more, not {self.idle_articles}")


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: the story's number (0 for the first story of the stream, in order of
    creation), whether the article started it, and its similarity to the story when it joined (the cosine
    to its centroid times its cohesion: see the module docstring; 0.0 for a new story)."""

    article: str
    story: int
    new: bool
    similarity: float


@dataclass(slots=True)
class _Story:
    tf: Counter[str] = field(default_factory=Counter)  # its articles' sublinear tf, each over its weighted norm
    articles: list[str] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    # the centroid weighted with the IDF of a recent moment, and the stream length at that moment
    vec: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    weighted_at: int = -1
    # the squared length of the sum of its articles' unit vectors, each added at its cosine to the story when
    # it joined: the story's cohesion is that length over its article count (1 for one article)
    spread: float = 0.0
    keys: tuple[str, ...] = ()  # the terms the story is indexed under (of its latest weighting)
    last_arrival: int = 0  # the stream length when its latest article came
    closed: bool = False
    shared: bool = False  # its tf and vec are a snapshot's too: copied before they are changed (``snapshot``)


def _day(article: Article) -> date | None:
    if not article.date:
        return None
    try:
        return date.fromisoformat(article.date[:10])
    except ValueError:
        return None


class StoryGrouper:
    """Single-pass story detection over a stream of articles (see the module docstring).

    ``add`` decides one article and returns its ``Assignment``; ``stories`` lists the article ids of each
    story so far. The state is the articles seen, so a store rebuilds it by adding its articles again in
    the order they came (the result is the same).

    The stream's clock (its "now", which closes dated stories) is its newest date, with two guards against
    dates that are wrong (a mistyped year, "2062" for "2026", a "9999-12-31" placeholder), which would
    otherwise close every ongoing story at the next look: a date more than ``window_days`` ahead of the
    clock moves it only as far as at least half of the latest ``_RECENT`` dated arrivals reach (a run of new
    dates, as when the stream resumes after a gap, gets there within ``_BULK`` articles; a wrong date, even
    copied by several outlets, stays a minority), and a date more than a day past the day the
    article was received (``received``, when the caller knows it: the server does) never moves it. When
    the caller does not know that day (``group_articles``, ``storyline group``), a date more than a day
    ahead of the clock is far: nothing vouches for it but the other articles."""

    def __init__(self, options: GroupingOptions | None = None) -> None:
        if options is not None and not isinstance(options, GroupingOptions):
            raise OptionsError(f"options must be GroupingOptions, not {type(options).__name__}")
        self.options = options or GroupingOptions()
        self._stories: list[_Story] = []
        self._df: Counter[str] = Counter()  # articles using each term
        self._n = 0
        # term -> {story: the term's weight in the story's unit centroid}, for the stories indexed under it
        self._index: dict[str, dict[int, float]] = {}
        # the terms whose story list in ``_index`` is this grouper's alone, not shared with a snapshot taken since
        # it was made or copied (the others are copied before they change: ``_holders``)
        self._own: set[str] = set()
        # the stories as the latest snapshot holds them (one tuple each), and the ones changed since: a snapshot
        # makes tuples for those alone (and for new stories)
        self._shot: list[tuple[Any, ...]] | None = None
        self._dirty: set[int] = set()
        self._ids: set[str] = set()
        # The stream's clock, which closes dated stories (see ``_advance_clock``), and the dates of the latest
        # dated arrivals that may move it.
        self._newest: date | None = None
        self._recent: deque[date] = deque(maxlen=_RECENT)

    def __len__(self) -> int:
        return self._n

    @property
    def stories(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(s.articles) for s in self._stories)

    def _idf(self, term: str) -> float:
        return math.log((self._n + 1) / (self._df[term] + 1)) + 1.0

    def _weighted(self, tf: Counter[str]) -> tuple[dict[str, float], float]:
        vec = {t: v * self._idf(t) for t, v in tf.items()}
        return vec, math.sqrt(sum(v * v for v in vec.values()))

    def _centroid(self, k: int) -> tuple[dict[str, float], float]:
        """Story ``k``'s weighted centroid, recomputed when the story is new or the stream has grown by more
        than ``_REWEIGHT`` since (the IDF of a long stream moves slowly), and the story indexed anew."""
        story = self._stories[k]
        if story.weighted_at < 0 or self._n > story.weighted_at * _REWEIGHT:
            story.vec, story.norm = self._weighted(story.tf)
            story.weighted_at = self._n
            self._dirty.add(k)
            self._reindex(k, _heaviest(story.vec, _INDEX_TERMS))
        return story.vec, story.norm

    def _join(self, k: int, tf: Counter[str], norm: float) -> None:
        """Add an article's terms to story ``k``, each over ``norm`` (the article's weighted norm: each article
        counts as its unit vector, however long it is). Unless a reweighting is due, only those terms are
        weighted again (with the IDF of now; the others keep theirs until the next reweighting), and the story's
        index terms are picked again from its former ones and the article's: a story of thousands of terms
        would otherwise be weighted whole for each article it takes."""
        story = self._stories[k]
        if story.shared:  # (a snapshot's too: see ``snapshot``)
            story.tf, story.vec, story.shared = story.tf.copy(), story.vec.copy(), False
        tf = Counter({t: v / norm for t, v in tf.items()})
        story.tf.update(tf)
        if story.weighted_at < 0 or self._n > story.weighted_at * _REWEIGHT:
            self._centroid(k)
            return
        vec = story.vec
        squares = story.norm * story.norm
        for t in tf:
            w = story.tf[t] * self._idf(t)
            squares += w * w - vec.get(t, 0.0) ** 2
            vec[t] = w
        story.norm = math.sqrt(max(squares, 0.0))
        self._reindex(k, _heaviest({t: vec[t] for t in (*story.keys, *tf)}, _INDEX_TERMS))

    def _reindex(self, k: int, keys: tuple[str, ...]) -> None:
        """Index story ``k`` under ``keys`` only, with each term's weight in its unit centroid."""
        self._unindex(k)
        story = self._stories[k]
        if story.norm > 0:
            story.keys = keys
            index, own = self._index, self._own
            for t in keys:
                holders = index[t] if t in own else self._holders(t)
                holders[k] = story.vec[t] / story.norm * self._cohesion(story)

    def _holders(self, term: str) -> dict[int, float]:
        """The stories indexed under ``term``, to be changed: a new list when there is none, a copy (in its place)
        when it is a snapshot's too. (A term is in ``_own`` only while it is in the index.)"""
        holders = self._index.get(term)
        if holders is None or term not in self._own:
            self._index[term] = holders = {} if holders is None else holders.copy()
            self._own.add(term)
        return holders

    def _unindex(self, k: int) -> None:
        story = self._stories[k]
        self._dirty.add(k)  # (its keys change: so does anything else of it when it is unindexed)
        index, own = self._index, self._own
        for t in story.keys:
            holders = index[t] if t in own else self._holders(t)
            del holders[k]
            if not holders:
                del index[t]
                own.discard(t)
        story.keys = ()

    @staticmethod
    def _cohesion(story: _Story) -> float:
        """How close together the story's articles are: the length of the sum of their unit vectors over their
        number (1 for one article; the mean cosine of the articles to their centroid), as far as their cosines
        on joining tell. A story's centroid cosines are multiplied by it, which makes them the mean cosine to
        the story's articles (average link): a story of articles that are alike takes an article as like its
        centroid more readily than one that has spread over several events, whose centroid is near articles
        that are like few of its own. (Its square root in its place, or its cube root's square: B-cubed F1
        83.5 and 83.6 at best on the tuning half, against 83.7.)"""
        if not story.articles or story.spread <= 0:
            return 1.0
        return math.sqrt(story.spread) / len(story.articles)

    def _cosine(self, vec: dict[str, float], norm: float, k: int) -> float:
        cvec, cnorm = self._centroid(k)
        if norm == 0 or cnorm == 0:
            return 0.0
        return sum(v * cvec[t] for t, v in vec.items() if t in cvec) / (norm * cnorm)

    def _shortlist(self, vec: dict[str, float], day: date | None) -> list[int]:
        """The stories worth a full similarity, best first: of those indexed under one of the article's
        ``_KEY_TERMS`` heaviest terms (the last ``_POSTINGS`` under each), the ``_SHORTLIST`` that score
        best over these terms alone, with each story's weights of its latest weighting; ties by story
        number. A story sharing none of the article's heaviest terms with its own heaviest cannot reach
        the threshold in practice. While the stream has no more stories than the shortlist holds, it is
        every open one (in the order they began): a full comparison costs no more then, and in a short stream
        of one event, whose own words are in every article and weigh least, an article's heaviest terms are
        its own details, which a story of the same event need not be indexed under."""
        if len(self._stories) <= _SHORTLIST:
            return [k for k, s in enumerate(self._stories) if not s.closed and self._in_window(s, day)]
        partial: dict[int, float] = {}
        for t in _heaviest(vec, _KEY_TERMS):
            w = vec[t]
            for k, c in itertools.islice(reversed(self._index.get(t, {}).items()), _POSTINGS):
                partial[k] = partial.get(k, 0.0) + w * c
        live: Iterable[int] = partial
        if day is not None and self.options.window_days:
            live = (k for k in partial if self._in_window(self._stories[k], day))
        return heapq.nsmallest(_SHORTLIST, live, key=lambda k: (-partial[k], k))

    def _in_window(self, story: _Story, day: date | None) -> bool:
        w = self.options.window_days
        if not w or day is None or story.first is None or story.last is None:
            return True
        return (story.first - day).days <= w and (day - story.last).days <= w

    def add(self, article: Article, *, received: date | None = None) -> Assignment:
        """Decide where ``article`` goes, and put it there. ``received``: the (UTC) day it arrived, when known;
        its date counts for the stream's clock only if it is at most a day later."""
        return self._place(article, None, received)

    def restore(self, article: Article, story: int, *, received: date | None = None) -> Assignment:
        """Put ``article`` into story ``story`` as decided earlier (a store rebuilding its stream: what was
        stored stands, even if today's grouping would decide otherwise). ``story`` is an existing story's
        number or the next new one. A stream rebuilt this way with the options (and ``received`` days) it ran
        with goes on deciding exactly as if it had never stopped."""
        if isinstance(story, bool) or not isinstance(story, int):
            raise OptionsError(f"a story is given by its number, not {story!r}")
        if not 0 <= story <= len(self._stories):
            raise OptionsError(f"story {story} does not exist (the stream has {len(self._stories)})")
        return self._place(article, story, received)

    def _place(self, article: Article, story_given: int | None, received: date | None) -> Assignment:
        """Checks everything before the stream changes, so a refused article leaves no trace."""
        if not isinstance(article, Article):
            raise OptionsError(f"the stream takes Article objects, not {type(article).__name__}")
        if received is not None and (isinstance(received, datetime) or not isinstance(received, date)):
            raise OptionsError(f"received must be a date, not {type(received).__name__}")
        for name in ("id", "text", "title"):
            value = getattr(article, name)
            if not isinstance(value, str):
                raise OptionsError(f"article {article.id!r}: its {name} must be a str, not {type(value).__name__}")
        if article.date is not None and not is_iso_date(article.date):  # else the date window would pass it by
            raise OptionsError(f"article {article.id!r}: date {article.date!r} is not a date like 2018-12-03")
        if not article.text.strip():
            raise EmptyInputError(f"article {article.id!r} has no text")
        if article.id in self._ids:
            raise OptionsError(f"article {article.id!r} is already in the stream")
        tf = article_terms(article)
        self._n += 1
        self._df.update(tf.keys())
        self._ids.add(article.id)
        day = _day(article)
        vec, norm = self._weighted(tf)
        best, best_sim, best_cos = -1, 0.0, 0.0
        if norm > 0:
            # A restore compares what ``add`` would have compared (and ignores the result): which centroids
            # are weighted, and stories indexed anew, when and in which order is part of the state, so a
            # stream rebuilt by ``restore`` goes on deciding as the stream that was never interrupted.
            for k in self._shortlist(vec, day):
                cos = self._cosine(vec, norm, k)
                sim = cos * self._cohesion(self._stories[k])
                if sim > best_sim or (sim == best_sim and best >= 0 and k < best):
                    best, best_sim, best_cos = k, sim, cos
        if story_given is not None:
            new = story_given == len(self._stories)
            if not new:
                best_cos = self._cosine(vec, norm, story_given)
                best, best_sim = story_given, best_cos * self._cohesion(self._stories[story_given])
        else:
            new = best < 0 or best_sim < self.options.threshold
        if new:
            best, best_sim = len(self._stories), 0.0
            self._stories.append(_Story())
        story = self._stories[best]
        self._dirty.add(best)
        story.closed = False  # (only a restore can reach a closed story)
        # |S + u|^2 = |S|^2 + 2 |S| cos(u, S) + 1 for the sum S of the story's unit vectors and the article's u,
        # with the article's cosine to the story's centroid for cos(u, S) (1 for the article starting it)
        story.spread += 2.0 * math.sqrt(story.spread) * (1.0 if new else best_cos) + 1.0
        story.articles.append(article.id)
        self._join(best, tf, norm or 1.0)  # (a norm of 0 is an article without terms)
        story.last_arrival = self._n
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
        if day is not None and (received is None or (day - received).days <= _LEAD_DAYS):
            self._advance_clock(day, received is not None)
        if self._n % _CLOSE_EVERY == 0:
            self._close_stale()
        return Assignment(article.id, best, new, round(best_sim, 4))

    def _advance_clock(self, day: date, received: bool) -> None:
        """Move the clock to ``day`` when it is later. A date far ahead of the clock (or any date while there is
        no clock) moves it no further than ``_BULK`` of the latest ``_RECENT`` dated arrivals (this one
        included) all reach: one mistyped year ("2062" for "2026") or a placeholder ("9999-12-31"), or a few
        copies of it, would otherwise close every dated story at each look, splitting every story that goes on
        after it; a stream that has moved on, fast or one article a day, takes the clock with it once
        ``_BULK`` articles have. Holding the clock back only keeps stories open longer (the date window still
        keeps far articles out of them). Far is more than ``window_days`` ahead for a date at most a day past
        the day it was ``received`` (the caller's own clock vouches for it), and more than ``_LEAD_DAYS`` ahead
        when that day is not known: there a few articles dated six days ahead each had moved the clock six
        days, closing the stories of the days before."""
        self._recent.append(day)
        newest, w = self._newest, self.options.window_days
        if newest is not None and day <= newest:
            return
        if not w or (newest is not None and (day - newest).days <= (w if received else min(w, _LEAD_DAYS))):
            self._newest = day
            return
        if len(self._recent) >= _BULK:
            reached = heapq.nlargest(_BULK, self._recent)[-1]  # as far as _BULK recent arrivals all reach
            if newest is None or reached > newest:
                self._newest = reached

    def reserve(self, stories: int) -> None:
        """Make the stream hold at least ``stories`` stories, the missing ones added empty and closed: the numbers
        of stories whose every article was taken out (a store rebuilding a stream it removed articles from), so
        that the stories after one keep their numbers and the next new story gets a number never given before.
        An empty story is never compared with an article."""
        if isinstance(stories, bool) or not isinstance(stories, int) or stories < 0:
            raise OptionsError(f"a count of stories is a whole number of 0 or more, not {stories!r}")
        while len(self._stories) < stories:
            self._stories.append(_Story(closed=True))

    def size(self, story: int) -> int:
        """How many articles story ``story`` holds."""
        if isinstance(story, bool) or not isinstance(story, int) or not 0 <= story < len(self._stories):
            raise OptionsError(f"story {story!r} does not exist (the stream has {len(self._stories)})")
        return len(self._stories[story].articles)

    @property
    def open_stories(self) -> int:
        return sum(not s.closed for s in self._stories)

    def _close_stale(self) -> None:
        """Close the stories that no article can join any more, or that none has joined for a long time
        (see ``GroupingOptions``): their terms leave the candidate lists and their vectors are freed."""
        idle, window, newest = self.options.idle_articles, self.options.window_days, self._newest
        for k, story in enumerate(self._stories):
            if story.closed:
                continue
            stale = bool(idle) and self._n - story.last_arrival >= idle
            if window and newest is not None and story.last is not None:
                stale = stale or (newest - story.last).days > window
            if stale:
                self._unindex(k)
                story.tf, story.vec, story.norm, story.weighted_at, story.closed = Counter(), {}, 0.0, -1, True
                story.shared = False


    def paired(self, articles: Mapping[str, Article]) -> tuple[tuple[str, ...], ...]:
        """The stories, with lone articles paired once the stream is over (the second pass of
        ``group_articles``; a server that has answered each article's story keeps ``stories``): two stories of
        one article each become one when their articles share a term that no other article of the stream
        uses (with the IDF of the whole stream, the rarest there is: a name, a place, a figure of one event)
        and their cosine is at most ``_PAIR_MARGIN`` under the threshold (0.14 at the default 0.22: a near
        miss), the closest pairs first, each article in one pair at
        most, and their dates (where both have one) no more than ``window_days`` apart. ``articles``: the
        stream's articles by id. The pair is the story of the earlier article, the later's story is gone.

        The missed pairs of the benchmark are mostly two articles of one event alone in their stories,
        under the threshold (docs/method-history.md, nineteenth round); a term only those two use is the
        evidence the stream could not have when the second one came, since a term's rarity is known only
        at the end."""
        lone = [k for k, s in enumerate(self._stories) if len(s.articles) == 1]
        by_term: dict[str, list[int]] = {}
        vectors: dict[int, tuple[dict[str, float], float]] = {}
        for k in lone:
            tf = article_terms(articles[self._stories[k].articles[0]])
            vectors[k] = self._weighted(tf)
            for t in tf:
                if self._df[t] == 2:  # this article's and one other's
                    by_term.setdefault(t, []).append(k)
        candidates: dict[tuple[int, int], float] = {}
        for ks in by_term.values():
            if len(ks) == 2 and tuple(ks) not in candidates:
                a, b = ks
                if self._dates_apart(self._stories[a], self._stories[b]):
                    continue
                (va, na), (vb, nb) = vectors[a], vectors[b]
                if na and nb:
                    candidates[(a, b)] = sum(v * vb[t] for t, v in va.items() if t in vb) / (na * nb)
        joined: dict[int, int] = {}  # the later story -> the earlier
        taken: set[int] = set()
        for (a, b), cos in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0])):
            if cos < self.options.threshold - _PAIR_MARGIN:
                break
            if a not in taken and b not in taken:
                taken.update((a, b))
                joined[b] = a
        stories = [list(s.articles) for s in self._stories]
        for b, a in joined.items():
            stories[a] += stories[b]
        return tuple(tuple(ids) for k, ids in enumerate(stories) if k not in joined)

    def _dates_apart(self, one: _Story, other: _Story) -> bool:
        w = self.options.window_days
        return bool(w) and one.first is not None and other.first is not None and abs((one.first - other.first).days) > w

    # ---------------------------------------------------------------------------------- snapshots

    def state(self) -> dict[str, Any]:
        """The grouper's whole state as plain JSON values, from which :meth:`from_state` makes a grouper that
        goes on deciding exactly as this one (a server restarting from its last snapshot instead of putting
        every stored article back with :meth:`restore`). The order of every mapping is kept: it decides ties
        (the stories looked at under a term are the ones indexed last) and the order of float sums."""
        return self.snapshot().state()

    def snapshot(self) -> GroupingSnapshot:
        """The grouper's state at this moment, which nothing the grouper does later changes, made for a caller that
        holds its lock while taking it and writes it out (``GroupingSnapshot.state``) after, while the grouper
        takes more articles, or that keeps it to go back to (``from_snapshot``). Copy on write: the snapshot
        shares the stories' term dicts and the index's story lists with the grouper, which copies one before it
        first changes it (``_join``, ``_holders``), and the stories unchanged since the latest snapshot are
        that one's tuples: taking a snapshot makes a tuple for each story changed since, and copies the document
        frequencies, the ids and the index's term table (0.4 s for 14,000 articles when every dict was copied); a
        snapshot kept costs the memory of what changed since."""
        shot = [] if self._shot is None else self._shot
        old = len(shot)
        shot.extend(self._entry(s) for s in self._stories[old:])
        for k in self._dirty:
            if k < old:
                shot[k] = self._entry(self._stories[k])
        self._shot, self._dirty, self._own = shot, set(), set()
        return GroupingSnapshot(
            options=self.options, n=self._n, df=dict.copy(self._df), ids=frozenset(self._ids), newest=self._newest,
            recent=tuple(self._recent), index=dict.copy(self._index), stories=tuple(shot),
        )

    @staticmethod
    def _entry(s: _Story) -> tuple[Any, ...]:
        """Story ``s`` as a snapshot holds it, its dicts from now on shared with it."""
        s.shared = True
        return (s.tf, tuple(s.articles), s.first, s.last, s.vec, s.norm, s.weighted_at, s.keys, s.last_arrival,
                s.closed, s.spread)

    @classmethod
    def from_snapshot(cls, snapshot: GroupingSnapshot) -> StoryGrouper:
        """A grouper that goes on exactly as the one ``snapshot`` was taken of did from that moment (its state
        is the snapshot's), sharing the snapshot's dicts until it changes them (see ``snapshot``): the way back
        to an earlier moment of the stream without the JSON of ``from_state``."""
        if not isinstance(snapshot, GroupingSnapshot):
            raise OptionsError(f"a grouper is made from a GroupingSnapshot, not {type(snapshot).__name__}")
        grouper = cls(snapshot.options)
        grouper._n, grouper._df, grouper._ids = snapshot.n, Counter(snapshot.df), set(snapshot.ids)
        grouper._newest, grouper._recent = snapshot.newest, deque(snapshot.recent, maxlen=_RECENT)
        grouper._index, grouper._shot = dict.copy(snapshot.index), list(snapshot.stories)
        grouper._stories = [
            _Story(tf=tf, articles=list(articles), first=first, last=last, vec=vec, norm=norm, weighted_at=weighted_at,
                   keys=keys, last_arrival=last_arrival, closed=closed, spread=spread, shared=True)
            for tf, articles, first, last, vec, norm, weighted_at, keys, last_arrival, closed, spread
            in snapshot.stories
        ]
        return grouper

    @classmethod
    def from_state(cls, state: dict[str, Any], options: GroupingOptions | None = None) -> StoryGrouper:
        """The grouper that :meth:`state` described. Refused (``OptionsError``) when it was made by another
        version of the grouping or with other options: its stories would not be the ones these would make."""
        grouper = cls(options)
        opts = grouper.options
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise OptionsError("the grouping state was saved by another version of the grouping")
        if state.get("options") != [opts.threshold, opts.window_days, opts.idle_articles]:
            raise OptionsError("the grouping state was saved with other grouping options")
        try:
            grouper._n = int(state["n"])
            grouper._df = Counter(dict(state["df"]))
            grouper._ids = set(state["ids"])
            grouper._newest = _from_iso(state["newest"])
            grouper._recent = deque((date.fromisoformat(d) for d in state["recent"]), maxlen=_RECENT)
            grouper._index = {t: {int(k): float(w) for k, w in holders} for t, holders in state["index"]}
            grouper._own = set(grouper._index)
            grouper._stories = [
                _Story(tf=Counter(dict(tf)), articles=list(articles), first=_from_iso(first), last=_from_iso(last),
                       vec=dict(vec), norm=float(norm), weighted_at=int(weighted_at), keys=tuple(keys),
                       last_arrival=int(last_arrival), closed=bool(closed), spread=float(spread))
                for tf, articles, first, last, vec, norm, weighted_at, keys, last_arrival, closed, spread
                in state["stories"]
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise OptionsError(f"the grouping state is damaged ({exc})") from None
        return grouper


@dataclass(frozen=True, slots=True)
class GroupingSnapshot:
    """A :class:`StoryGrouper`'s state at one moment (``StoryGrouper.snapshot``): never changed; its dicts are
    shared with the grouper (and with the groupers made from it, ``StoryGrouper.from_snapshot``) until they change
    them, which they do on copies."""

    options: GroupingOptions
    n: int
    df: dict[str, int]
    ids: frozenset[str]
    newest: date | None
    recent: tuple[date, ...]
    index: dict[str, dict[int, float]]
    # per story: tf, articles, first, last, vec, norm, weighted_at, keys, last_arrival, closed, spread
    stories: tuple[tuple[Any, ...], ...]

    def state(self) -> dict[str, Any]:
        """The state as plain JSON values (``StoryGrouper.state``)."""
        return {k: list(v) if isinstance(v, Iterator) else v for k, v in self.state_parts().items()}

    def state_parts(self) -> dict[str, Any]:
        """The state as :meth:`state` gives it, but its three long lists (``df``, ``index``, ``stories``) as
        iterators that make each item as it is read, for a writer that writes each item as it comes
        (``web.stream``): the state of 14,000 articles is millions of small lists, all alive at once while it
        is written when they are made first, and so many new objects set off the interpreter's full garbage
        collections, which stop every thread."""
        return {
            "version": STATE_VERSION,
            "options": [self.options.threshold, self.options.window_days, self.options.idle_articles],
            "n": self.n,
            "df": iter(self.df.items()),
            "ids": sorted(self.ids),
            "newest": _iso(self.newest),
            "recent": [d.isoformat() for d in self.recent],
            "index": ([t, list(holders.items())] for t, holders in self.index.items()),
            "stories": (
                [list(tf.items()), list(articles), _iso(first), _iso(last), list(vec.items()), norm, weighted_at,
                 list(keys), last_arrival, closed, spread]
                for tf, articles, first, last, vec, norm, weighted_at, keys, last_arrival, closed, spread
                in self.stories
            ),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _from_iso(day: str | None) -> date | None:
    return date.fromisoformat(day) if day else None


def _heaviest(vec: dict[str, float], n: int) -> tuple[str, ...]:
    """The ``n`` terms of ``vec`` with the largest weights, the heaviest first (ties by term: no dependence
    on the order the terms came in)."""
    return tuple(heapq.nsmallest(n, vec, key=lambda t: (-vec[t], t)))


def group_articles(articles: Iterable[Article], options: GroupingOptions | None = None) -> list[tuple[Article, ...]]:
    """The stories of ``articles`` taken as a stream in the order given, with the lone articles paired at the end
    (``StoryGrouper.paired``): each story's articles in arrival order, stories in order of their first article."""
    grouper = StoryGrouper(options)
    by_id: dict[str, Article] = {}
    for a in articles:
        grouper.add(a)
        by_id[a.id] = a
    return [tuple(by_id[i] for i in ids) for ids in grouper.paired(by_id)]

