"""Attribution: which articles carry each chosen sentence, and who its speakers are.

``sources`` is the article the sentence was taken from plus those of its near-duplicate copies (same wire
story) that carry the sentence: its words, or an edited copy of it (``COPY_BIGRAMS`` of its word pairs, no other
figures). A copy is left out of the sentence pool (``cluster``), but an outlet's copy is often trimmed or edited,
so each copy is read for the chosen sentences themselves: one that lacks a sentence is not credited with it, one
that tells it in other words backs it, and one that carries a sentence its original lacks backs that one.
``corroborated_by`` are the other articles with a sentence that says the same thing: a TF-IDF
cosine above ``COSINE`` or, for a short statement quoted inside a longer sentence, most of the shorter
one's content terms found in the other (``CONTAINMENT``, with at least ``MIN_SHARED`` terms) — unless the
two state figures and share none of them: "about 45,000 vehicles" does not back "about 48,000 vehicles".
(Those disagreements are what ``storyline analyze`` reports.)

``introductions`` says who a speaker is when a chosen sentence names them by one word ("Chaudhry said …")
and no chosen sentence introduces them: the first words an article uses to ("Pakistan’s Information
Minister Fawad Chaudhry"), with their span, so that the reader can place the name and check it.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .methods.coverage import named_speaker
from .model import Cluster, Introduction, Sentence, SummarySentence
from .represent import STOPWORDS, content_terms, vectors
from .segment import segment

COSINE = 0.45
CONTAINMENT = 0.7
MIN_SHARED = 5


_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")
# Numbers written as words, one to ninety-nine ("six", "fourteen", "twenty-five", "forty two"): the one
# definition, which the analysis reads figures with too (:mod:`storyline.analysis.values`).
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: k for k, w in enumerate(_UNITS, 1)} | {w: k for k, w in enumerate(_TEENS, 10)}
NUMBER_WORDS |= {w: 10 * k for k, w in enumerate(_TENS, 2)}
NUMBER_WORD = re.compile(rf"\b(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_UNITS + _TEENS)})\b",
                         re.IGNORECASE)


def number_word(words: str) -> int:
    """The value of a number that :data:`NUMBER_WORD` matches: "twenty-five" → 25."""
    tens, _, unit = words.lower().replace("-", " ").partition(" ")
    return NUMBER_WORDS[tens] + (NUMBER_WORDS[unit] if unit else 0)


def figures(text: str) -> set[str]:
    """The figures the sentence states, normalised: in digits ("45,000" → "45000") and in words from two to
    ninety-nine ("three" → "3", "twenty-five" → "25"), so that "within two years" and "within three years"
    are seen to differ. "One" is left out: it is far more often a pronoun ("one of the", "no one") than a
    figure."""
    out = {m.group().replace(",", "") for m in _FIGURE.finditer(text)}
    out.update(str(number_word(m.group())) for m in NUMBER_WORD.finditer(text) if m.group().lower() != "one")
    return out


def figures_agree(a: str, b: str) -> bool:
    """False when both sentences state figures and none of them is the same."""
    fa, fb = figures(a), figures(b)
    return not (fa and fb) or bool(fa & fb)


def same_content(a: set[str], b: set[str], cosine: float) -> bool:
    if cosine >= COSINE:
        return True
    shared = len(a & b)
    return shared >= MIN_SHARED and shared / max(1, min(len(a), len(b))) >= CONTAINMENT


def attribute(cluster: Cluster, chosen: Sequence[Sentence]) -> tuple[SummarySentence, ...]:
    if not chosen:
        return ()
    vecs = vectors(cluster)
    sents = cluster.sentences
    position = {(s.article, s.index): i for i, s in enumerate(sents)}
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    n_terms = vecs.distinct_terms
    rows = [position[(s.article, s.index)] for s in chosen]
    # ``same_content`` of every chosen sentence with every sentence, as one array: a row of cosines for each,
    # and a row of shared terms for each with enough terms of its own (the comparisons once, not per row)
    similar = np.vstack([vecs.cosines(i) for i in rows]) >= COSINE
    wide = [k for k, i in enumerate(rows) if n_terms[i] >= MIN_SHARED]
    if wide:
        shared = np.vstack([vecs.shared_terms(rows[k]) for k in wide])
        smaller = np.maximum(1, np.minimum(n_terms[[rows[k] for k in wide]][:, None], n_terms))
        similar[wide] |= (shared >= MIN_SHARED) & (shared / smaller >= CONTAINMENT)
    held = copies(cluster)
    out = []
    for s, row in zip(chosen, similar, strict=True):
        own = cluster.duplicates.get(s.article, ())
        sources = (s.article, *(d for d in own if held.carries(d, s.text) == "copy"))
        # the copies left out of the sentence pool are each credited only with what their own text carries: an
        # edited copy may lack the sentence its original has, or carry one its original lacks
        backers: set[str] = set()
        for j in np.flatnonzero(row).tolist():
            other = sents[j]
            if other.article in sources or not figures_agree(s.text, other.text):
                continue
            backers.add(other.article)
            backers.update(d for d in cluster.duplicates.get(other.article, ())
                           if d not in backers and held.carries(d, other.text) == "copy")
        backers.update(d for d in held.hidden if d not in sources and d not in backers and held.carries(d, s.text))
        ordered = tuple(sorted(backers, key=lambda aid: order[aid]))
        out.append(SummarySentence(sentence=s, sources=sources, corroborated_by=ordered))
    return tuple(out)


# A sentence of a copy that holds this much of a chosen sentence's word pairs is that sentence, edited.
COPY_BIGRAMS = 0.6
# A quotation of fewer word pairs is found in a copy only word for word: a few pairs meet by chance in a long text.
MIN_QUOTE_PAIRS = 4
_WORDS = re.compile(r"\w+")


class Copies:
    """The near-duplicate copies that ``build_cluster`` left out of the sentence pool, read sentence by sentence
    (when first asked about), to tell which chosen sentences each one carries: by the tests the pool's sentences
    are held to, with TF-IDF weights from the pool's vocabulary. The analysis credits a copy by the same reading,
    section by section (a fact's, an event's or a figure's sentence, a quotation's words, a name as written):
    :func:`copies` gives the cluster's one instance, so that each copy is read once."""

    def __init__(self, cluster: Cluster) -> None:
        self._articles = {a.id: a for a in cluster.articles}
        self._duplicates = cluster.duplicates
        self.hidden = tuple(d for ds in cluster.duplicates.values() for d in ds)
        self._read: dict[str, list[_Read]] = {}
        self._whole: dict[str, tuple[str, set[tuple[str, str]]]] = {}  # a copy's words joined, and its word pairs
        self._vecs = vectors(cluster) if self.hidden else None

    def _of(self, text: str) -> _Read:
        terms = Counter(content_terms(text))
        weights = {}
        if self._vecs is not None:
            vocab, idf = self._vecs.vocab, self._vecs.idf
            unseen = math.log(len(self._vecs.terms) + 1) + 1.0  # a term no pooled sentence uses (df 0)
            weights = {t: (1.0 + math.log(n)) * (idf[vocab[t]] if t in vocab else unseen) for t, n in terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return _Read(text, _pairs(text), set(terms), {t: w / norm for t, w in weights.items()})

    def carries(self, aid: str, text: str) -> str | None:
        """``"copy"`` when the article has ``text`` or an edited copy of it (most of its word pairs, no other
        figures); ``"content"`` when a sentence of it says the same (``same_content``, figures agreeing); ``None``
        when it does not carry it."""
        found = self.where(aid, text)
        return None if found is None else found[0]

    def where(self, aid: str, text: str) -> tuple[str, str] | None:
        """How the article carries ``text`` (as :meth:`carries` says) and the words that carry it: ``text`` itself
        where the article has it word for word, else the article's sentence (an edited copy before one that says
        the same in other words). None when it does not carry it."""
        if text in self._articles[aid].text:
            return "copy", text
        if aid not in self._read:
            self._read[aid] = [self._of(t.text) for t in segment(self._articles[aid])]
        mine = self._of(text)
        found = None
        for other in self._read[aid]:
            if not figures_agree(text, other.text):
                continue
            if mine.pairs and len(mine.pairs & other.pairs) / len(mine.pairs) >= COPY_BIGRAMS:
                return "copy", other.text
            if found is None:
                cosine = sum(w * other.weights.get(t, 0.0) for t, w in mine.weights.items())
                if same_content(mine.terms, other.terms, cosine):
                    found = "content", other.text
        return found

    def carrying(self, aid: str, text: str, *, words: str = "", verbatim: bool = False) -> tuple[str, ...]:
        """The near-duplicate copies of ``aid`` (in ``cluster.duplicates``' order) whose own text carries its
        sentence ``text``: word for word or edited (only those when ``verbatim``), or in other words; with
        ``words`` (a date, a figure as ``aid`` writes it), only where the copy's words that carry the sentence
        hold them too: a copy that carries the sentence with another figure does not give that figure."""
        out = []
        for d in self._duplicates.get(aid, ()):
            found = self.where(d, text)
            if found is None or verbatim and found[0] != "copy":
                continue
            if words and not _holds(found[1], words):
                continue
            out.append(d)
        return tuple(out)

    def quoting(self, aid: str, quoted: str) -> tuple[str, ...]:
        """The near-duplicate copies of ``aid`` whose own text holds the quoted words ``quoted``: word for word
        (case and marks aside), or, for a quotation of ``MIN_QUOTE_PAIRS`` word pairs or more, ``COPY_BIGRAMS`` of
        its word pairs (an edited copy of it; a quotation may run over several sentences, so the copy's text is read
        whole)."""
        ws = _WORDS.findall(quoted.lower())
        if not ws:
            return ()
        pairs = set(zip(ws, ws[1:], strict=False))
        out = []
        for d in self._duplicates.get(aid, ()):
            if d not in self._whole:
                words = _WORDS.findall(self._articles[d].text.lower())
                self._whole[d] = (f" {' '.join(words)} ", set(zip(words, words[1:], strict=False)))
            joined, theirs = self._whole[d]
            if f" {' '.join(ws)} " in joined or (
                    len(pairs) >= MIN_QUOTE_PAIRS and len(pairs & theirs) / len(pairs) >= COPY_BIGRAMS):
                out.append(d)
        return tuple(out)

    def naming(self, aid: str, forms: Iterable[str]) -> tuple[str, ...]:
        """The near-duplicate copies of ``aid`` whose own text names one of ``forms`` (a name as ``aid`` writes
        it), as a whole word: an entity's mention."""
        wanted = [f for f in dict.fromkeys(forms) if f]
        return tuple(d for d in self._duplicates.get(aid, ())
                     if any(_holds(self._articles[d].text, f) for f in wanted))


@dataclass(frozen=True, slots=True)
class _Read:
    text: str
    pairs: set[tuple[str, str]]
    terms: set[str]
    weights: dict[str, float]  # L2-normalised TF-IDF


def _holds(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words (not "Ali" in "Alison", "12" in "112")."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and _WORD_CHAR.match(text, at - 1) and _WORD_CHAR.match(words)) and not (
                _WORD_CHAR.match(text, end) and _WORD_CHAR.match(words[-1])):
            return True
        at = text.find(words, at + 1)
    return False


def copies(cluster: Cluster) -> Copies:
    """The cluster's :class:`Copies`, made once per cluster (each copy is read once, whichever section asks)."""
    found = _COPIES.get(cluster)
    if found is None:
        found = _COPIES[cluster] = Copies(cluster)
    return found


_COPIES: weakref.WeakKeyDictionary[Cluster, Copies] = weakref.WeakKeyDictionary()


def _pairs(text: str) -> set[tuple[str, str]]:
    ws = _WORDS.findall(text.lower())
    return set(zip(ws, ws[1:], strict=False))


def introductions(cluster: Cluster, chosen: Sequence[Sentence]) -> tuple[Introduction, ...]:
    """For each speaker a chosen sentence names by one word, in reading order, and whom no chosen sentence
    introduces: where the cluster first introduces them (the speaker's own article first, then the others in
    the cluster's order). A name no article introduces gets nothing."""
    sents = cluster.sentences
    out: list[Introduction] = []
    seen: set[str] = set()
    for s in chosen:
        name = named_speaker(s.text)
        if not name or " " in name or name in seen or name.lower() in _BODY_WORDS:
            continue
        seen.add(name)
        if any(_introduction(c.text, name) for c in chosen):
            continue
        own = s.article
        for other in chain((x for x in sents if x.article == own), (x for x in sents if x.article != own)):
            span = _introduction(other.text, name)
            if span and _OF_BEFORE.search(other.text, span[0], span[1] - len(name)):
                break  # "Superintendent of Archaeology of Liguria": a place or a body, which the who's-who leaves out
            if span:
                a, b = span
                out.append(Introduction(name, other.text[a:b], other.article, other.start + a, other.start + b))
                break
    return tuple(out)


def _introduction(text: str, name: str) -> tuple[int, int] | None:
    """The span of the first place ``text`` gives ``name`` with capitalised words before it ("Information
    Minister Fawad Chaudhry", "Director of National Intelligence James Clapper"). "But Chaudhry" is no
    introduction, and neither is one capitalised word opening the sentence: it may be capitalised only for
    that ("Maybe Fox …", "Make America …")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        m = _CAPITALISED_BEFORE.search(text, 0, at) if not _WORD_CHAR.match(text, end) else None
        at = text.find(name, end)
        if m is None:
            continue
        words = m.group(1).split()
        start = m.start()
        while words and words[0].lower().rstrip(".") in STOPWORDS:  # "But", "When", "The" before the name
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        while text[start : start + 1].isspace():
            start += 1
        if not words or (len(words) == 1 and not text[:start].strip(_OPENERS)):
            continue
        return start, end
    return None


# The who's-who is of people: a one-word speaker that is a body's common noun ("Police said …", introduced as "Met
# Police") or a name that an introduction gives after "of" ("… of Liguria": a place) is no person, and is left out.
_BODY_WORDS = frozenset(
    "police government ministry army military navy council court party department agency authorities officials "
    "office commission committee board company group team club university school hospital service force embassy "
    "parliament congress senate union bank association federation church network".split()
)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?\Z")


# One to five capitalised words (with "of" or "of the" between them) running up to where the search stops:
# one pattern for every name, which ``_introduction`` ends at each place the name stands (a pattern
# built per name cost a compilation, ~1 ms, for each new name).
_CAPITALISED_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?){1,5})\Z")
_WORD_CHAR = re.compile(r"\w")


_OPENERS = " \t“\"‘'(["
