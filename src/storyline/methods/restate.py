"""Restatement: a sentence that tells a chosen sentence's fact again in other words.

The selection's redundancy rules (:mod:`.coverage`) read wording: a cosine on terms and the share of a
sentence's terms one chosen sentence holds. Two reports of one fact often share their names and little else
("Trump, in a letter sent to the Pakistani prime minister, urged the country to assist" / "Imran Khan said he
had received a letter from Trump, asking for his government's help"). Here each sentence is read as its
*gist*: its content terms, with the words news uses for one thing made one (the classes of
:data:`storyline.vocabulary.PARAPHRASE_CLASSES`: "urged" / "asking", "assist" / "help"), a place's adjective
made the place ("Pakistani" is Pakistan, when the cluster writes both capitalised), and the verbs that frame a
report ("said", "told") left out. A sentence restates another when, read so, it is close to it: they share
``MIN_SHARED`` gist terms or more, and their TF-IDF cosine is ``COSINE`` or more or the shared terms are
``COVER`` of the sentence's own (a headline that the other's longer report holds). It is new information,
however close, when it states a figure the other does not ("12 were hurt" after "nine were hurt"), or names
someone or something (a capitalised word past its first) that the other does not and that is not one of the
story's cast (named by half its articles: a sentence that names them again adds no one). Of 22 pairs it
flagged in the default's summaries of Multi-News dev and val and NeuS, read by hand, 17 were a plain restatement,
3 a restatement with a detail more, 1 a restatement whose leaving took a name out of the summary (a shorter choice
that names someone the rest of the summary does not now stays) and 1 another fact (docs/method-history.md,
fourteenth round).

The check is cheap: the gist terms are the cluster's term cells relabelled (built once, on the selection's
first question), and a candidate is compared with the chosen sentences in one small product; figures and
names are read only for a pair that is close.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..model import Cluster
from ..represent import ClusterVectors, distinct_keys, stem, stems
from ..vocabulary import PARAPHRASE_CLASSES, QUOTE_VERBS

COSINE = 0.4  # of the gist vectors, TF-IDF weighted over the cluster's sentences
COVER = 0.6  # share of a candidate's distinct gist terms that one chosen sentence holds
MIN_SHARED = 4  # gist terms the two sentences share, at least

_CLASS_OF: dict[str, str] = {stem(w): f"#{line.split()[0]}" for line in PARAPHRASE_CLASSES for w in line.split()}
_FRAME = frozenset(stem(w) for phrase in QUOTE_VERBS for w in phrase.split()) | {stem("according")}
_FRAME -= frozenset(_CLASS_OF)  # "urged", "asked": what was said, not how it is reported

# a capitalised word: a name, a place, an organisation (or a sentence's first word, which is left out)
_CAPITAL = re.compile(r"[A-Z][\w'’.-]*\w")
_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "i")  # "Iranian", "Korean", "Chinese", "British", "Pakistani"
_MIN_PLACE = 4
_DEMONYM_MAX_CUT = 4  # letters of a place's name its adjective may lack: "Brit(ain)", "Chin(a)"
# a figure: digits ("45,000", "1.6") or a number word from three up (one and two are as often pronouns)
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)"
    r"teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|"
    r"half|quarter|first|second|third|fourth|fifth)\b", re.IGNORECASE)
_WEEKDAYS = frozenset(stem(d) for d in "monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass(frozen=True, slots=True)
class _Gist:
    """The sentences as gist terms (ids below ``width``): the distinct (sentence, term) cells ``rows`` and ``cols``,
    sentence-major (sentence ``i``'s terms are ``cols[row_start[i]:row_start[i + 1]]``); each term's ``idf``, each
    sentence's TF-IDF ``norm`` and its number of distinct terms (``size``)."""

    rows: np.ndarray
    cols: np.ndarray
    row_start: np.ndarray
    idf: np.ndarray
    norm: np.ndarray
    size: np.ndarray
    width: int


class Restatements:
    """The cluster's sentences read as gists: which sentences are close to one (:meth:`close_to`), and whether a
    close one restates it (:meth:`restates`)."""

    def __init__(self, cluster: Cluster, vecs: ClusterVectors) -> None:
        self.cluster = cluster
        self.vecs = vecs
        self._names: dict[int, frozenset[str]] = {}
        self._figures: dict[int, frozenset[str]] = {}

    @cached_property
    def _gist(self) -> _Gist:
        vecs = self.vecs
        n = len(vecs.terms)
        vocab = vecs.vocab
        # each term is its own gist term but for the few the tables name (looked up, not the whole vocabulary
        # walked): a class's word is the class's first word of the cluster, a place's adjective the place, a
        # frame verb nothing
        column = np.arange(len(vocab), dtype=np.int64)
        first: dict[str, int] = {}
        for term, key in (*_CLASS_OF.items(), *self._places_by_stem.items()):
            k = vocab.get(term)
            if k is not None:
                column[k] = first.setdefault(key, k) if key.startswith("#") else vocab.get(key, k)
        for term in _FRAME:
            k = vocab.get(term)
            if k is not None:
                column[k] = -1
        rows, cols, _ = vecs.cells
        mapped = column[cols]
        keep = mapped >= 0
        width = max(1, len(vocab))
        # distinct (sentence, gist term) pairs, sentence-major: two terms of one class in a sentence are one
        keys = distinct_keys(rows[keep] * width + mapped[keep])
        g_rows, g_cols = keys // width, keys % width
        df = np.bincount(g_cols, minlength=width).astype(float)
        idf = np.log((n + 1) / (df + 1)) + 1.0
        norm = np.sqrt(np.bincount(g_rows, weights=idf[g_cols] ** 2, minlength=n))
        return _Gist(g_rows, g_cols, np.searchsorted(g_rows, np.arange(n + 1)), idf, np.maximum(norm, 1e-12),
                     np.bincount(g_rows, minlength=n), width)

    def close_to(self, j: int) -> np.ndarray:
        """The sentences whose gists are close to sentence ``j``'s, as a restatement of it is (``MIN_SHARED`` terms
        shared, and the cosine or the cover test), in the cluster's order: those that :meth:`restates` then reads
        for figures and names. One pass over the cluster's gist cells."""
        g = self._gist
        theirs = g.cols[g.row_start[j] : g.row_start[j + 1]]
        if theirs.size < MIN_SHARED:
            return np.zeros(0, dtype=np.int64)
        weight = self._weight
        weight[theirs] = g.idf[theirs] ** 2
        held = weight[g.cols]
        weight[theirs] = 0.0
        hit = np.flatnonzero(held)  # the cells of j's terms, in every sentence
        users = g.rows[hit]
        shared = np.bincount(users, minlength=g.size.size)
        near = np.flatnonzero(shared >= MIN_SHARED)
        cos = np.bincount(users, weights=held[hit], minlength=g.size.size)[near] / (g.norm[near] * g.norm[j])
        close = near[(cos >= COSINE) | (shared[near] >= COVER * g.size[near])]
        return close[close != j]

    def restated(self, i: int, j: int) -> bool:
        """Whether sentence ``i`` restates sentence ``j``: close to it (:meth:`close_to`) and adding nothing
        (:meth:`restates`)."""
        return bool(np.isin(i, self.close_to(j))) and self.restates(i, j)

    def restates(self, i: int, j: int, known: frozenset[str] | None = None) -> bool:
        """Whether sentence ``i``, close to ``j`` as a gist (:meth:`close_to`), adds no figure ``j`` lacks and no
        name ``j`` lacks but those ``known`` (by default the story's cast)."""
        if not self._figures_of(i) <= self._figures_of(j):
            return False
        return not (self.names_of(i) - self.names_of(j) - (self._cast if known is None else known))

    @cached_property
    def _weight(self) -> np.ndarray:
        """A zero row over the gist terms, which :meth:`close_to` fills and empties again."""
        return np.zeros(self._gist.width)

    @property
    def size(self) -> np.ndarray:
        """Each sentence's number of distinct gist terms."""
        return self._gist.size

    def names_of(self, i: int) -> frozenset[str]:
        """The names sentence ``i`` gives (:func:`_names`), read once."""
        got = self._names.get(i)
        if got is None:
            got = self._names[i] = _names(self.cluster.sentences[i].text, self._places_by_stem)
        return got

    def _figures_of(self, i: int) -> frozenset[str]:
        got = self._figures.get(i)
        if got is None:
            got = self._figures[i] = _figures(self.cluster.sentences[i].text)
        return got

    @cached_property
    def _capitalised(self) -> list[frozenset[str]]:
        """Each article's capitalised words (as :func:`_names` normalises them, not yet stemmed)."""
        return [frozenset(map(_name_word, set(_CAPITAL.findall(a.text)))) for a in self.cluster.articles]

    @cached_property
    def _places_by_stem(self) -> dict[str, str]:
        """The stem of a place's adjective → the stem of the place ("pakistani" → "pakistan"), of the words the
        cluster writes capitalised: an adjective whose stem, a suffix cut, begins exactly one other capitalised
        word of the cluster, at most ``_DEMONYM_MAX_CUT`` letters longer."""
        known = sorted(frozenset().union(*self._capitalised)) if self._capitalised else []
        out: dict[str, str] = {}
        for word in known:
            if not word.endswith(_SUFFIXES):  # most words: no adjective's ending to try
                continue
            for suffix in _SUFFIXES:
                base = word[: -len(suffix)]
                if not word.endswith(suffix) or len(base) < _MIN_PLACE or not base.isalpha():
                    continue
                hits = []
                at = bisect_left(known, base)
                while at < len(known) and known[at].startswith(base):
                    w = known[at]
                    # not the word's own forms ("Pakistanis" for "Pakistani")
                    if len(w) <= len(base) + _DEMONYM_MAX_CUT and not w.startswith(word):
                        hits.append(w)
                    at += 1
                if len(hits) == 1:
                    out[stem(word)] = stem(hits[0])
                    break
        return out

    @cached_property
    def _cast(self) -> frozenset[str]:
        """The names (as :func:`_names` reads them) that at least half the cluster's articles, two or more, use:
        the story's cast, whom a sentence that names them again tells the reader nothing new about. A day of
        the week is never one ("on Tuesday" after "on Monday" is another event)."""
        counts: dict[str, int] = {}
        places = self._places_by_stem
        for found in self._capitalised:
            for name in {places.get(st, st) for st in stems(list(found))}:
                counts[name] = counts.get(name, 0) + 1
        need = max(2, (len(self.cluster.articles) + 1) // 2)
        return frozenset(k for k, c in counts.items() if c >= need) - _WEEKDAYS


_NUMBER_WORDS = {w: str(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())} | {w: str(10 * k) for k, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}


def _figures(text: str) -> frozenset[str]:
    """The figures a sentence states, a number word as its digits ("eleven" is "11")."""
    found = (m.group().lower().replace(",", "") for m in _FIGURE.finditer(text))
    return frozenset(_NUMBER_WORDS.get(f, f) for f in found)


def _name_word(word: str) -> str:
    """A capitalised word lower-cased, "U.S." as "us" and "Pakistan's" as "pakistan"."""
    w = word.lower().replace(".", "")
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _name_words(text: str) -> list[str]:
    """The capitalised words of a sentence (:func:`_name_word`) but its first and those that open a quotation,
    capitalised for where they stand."""
    return [_name_word(m.group()) for m in _CAPITAL.finditer(text)
            if m.start() > 0 and text[m.start() - 1] not in "“\"‘'"]


def _names(text: str, places: dict[str, str]) -> frozenset[str]:
    """The stems of a sentence's names (:func:`_name_words`), a place's adjective read as the place."""
    return frozenset(places.get(st, st) for st in stems(_name_words(text)))
