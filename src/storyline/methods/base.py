"""What every selection method shares: candidate filtering, the word budget, redundancy control,
dangling openers and the reading order. A method only says how important each sentence is.

The greedy fill follows Carbonell & Goldstein (1998) "The use of MMR, diversity-based reranking":
take the best remaining sentence unless it repeats one already chosen, until the budget is spent.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..model import Cluster, Sentence
from ..represent import ClusterVectors, vectors
from ..vocabulary import ATTRIBUTION_VERBS, alternation

# A sentence opening with one of these leans on one before it that the reader may not have.
_DANGLING = re.compile(
    r"^[\"“‘']?(?:he|she|it|they|them|his|her|its|their|this|these|those|that|such|but|and|or|so|also|"
    r"however|meanwhile|moreover|furthermore|still|yet|instead|then|thus|therefore|besides|nevertheless|"
    r"nonetheless|additionally|likewise|similarly|otherwise|later|earlier|the two|both|there|other|others|"
    r"another)\b",
    re.IGNORECASE,
)
_MIN_WORDS, _MAX_WORDS = 6, 80


# A sentence that is nothing but a quotation ("“There is much more work to be done.”"): its speaker is
# named in another sentence, so alone it tells the reader nothing they can check.
_BARE_QUOTE = re.compile(r"^[\"“][^\"“”]*[.!?…,]?[\"”]$")


def dangling(sentence: Sentence) -> bool:
    """Does the sentence lean on another one: an opening pronoun or connective whose antecedent is
    elsewhere, or a bare quotation whose speaker is named elsewhere?"""
    text = sentence.text.strip()
    return bool(_DANGLING.match(text) or _BARE_QUOTE.match(text))


# "The company said…", "The agency added…": a definite role noun names someone the reader met in an earlier
# sentence ("The same can't be said for…" points back as well). Only the concept-coverage selection holds
# these back (see ``refers_back``); the scorer's ``dangling`` feature and the simpler methods keep the
# pronoun-and-connective rule above.
_ROLE = (
    r"the (?:company|firm|agency|group|man|woman|boy|girl|couple|suspect|victim|officials?|spokes(?:man|"
    r"woman|person)|statement|report|study|researchers|team|move|decision|incident|bill|plan|deal|pair|singer|"
    r"actor|actress|star|lawmaker|senator|congressman|network|newspaper|paper|station|school|hospital|"
    r"university|airline|carrier|retailer|bank|giant|startup|president|minister|leader|country|nation|same)\b"
)
_DEFINITE = re.compile(rf"^[\"“‘']?{_ROLE}", re.IGNORECASE)
# "“The war cost both countries,” the statement noted." / "“…,” he said.": a quotation credited to a pronoun
# or a definite role noun after it; like an opener, that speaker was named in an earlier sentence.
_CREDITED_BACK = re.compile(
    rf"^[\"“].*[\"”],?\s+{_ROLE}(?:\s+\w+)?\s+"
    rf"(?:{alternation(ATTRIBUTION_VERBS)})\b[^\"“”]*$",
    re.IGNORECASE,
)


# "In the mausoleum, both his grandfather and his father lie in state.", "On Monday, they voted …": a personal
# pronoun after a short opening phrase (one that opens on a preposition, a conjunction or a word of time: "The
# poet was ill, but his driver …" names its man) leans on an earlier sentence as an opening pronoun does, unless
# the phrase names someone it can stand for ("When Okafor arrived, she …": a capitalised word after the first that
# is no day or month, or a noun for a person). Not "Storm winds, he said, …": credited to a pronoun, it stands as
# "“…,” he said." does; and not in a quotation, whose "they" is its speaker's.
_PHRASE_THEN_PRONOUN = re.compile(
    r"^((?i:in|on|at|after|before|when|whenever|while|as|since|during|despite|although|though|because|if|once|"
    r"until|around|by|for|from|with|without|within|over|under|following|amid|among|across|upon|unlike|throughout|"
    r"through|later|earlier|last|next|early|late|shortly|moments|minutes|hours|days|weeks|months|years|decades|"
    r"now|today|yesterday|tonight|soon|back|according)\b[^,;:\"“”()]{0,56}),\s+"
    r"(?i:(?:both|and|but|all|only|even|then)\s+)?(?i:he|she|him|his|her|they|them|their)\b"
    rf"(?!\s+(?i:{alternation(ATTRIBUTION_VERBS)})\b)"
)
_NOT_ANTECEDENTS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split()
)
_PEOPLE = re.compile(
    r"\b(?:man|men|woman|women|boy|girl|child|children|people|person|police|officers?|officials?|mayor|president|"
    r"minister|leader|family|families|parents?|mother|father|wife|husband|son|daughter|couple|friends?|voters?|"
    r"residents?|workers?|students?|members?|fans?|players?|team|victims?|suspects?|lawmakers?|who)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
# "The latter was never inspected.", "… live up to the name.": a pronoun's work, not "the former Yugoslavia" or
# "the name of the ship".
_POINTS_BACK = re.compile(
    r"\bthe (?:former|latter)(?=\s*[,.;:]|\s+(?:is|was|has|had|are|were|will|would|said|says)\b)"
    r"|\bthe name\b(?!\s+(?:of|[\"“‘']))",
    re.IGNORECASE,
)


def pronoun_after_phrase(text: str) -> bool:
    """Does a pronoun after a short opening phrase, or "the former"/"the latter"/"the name", point to someone
    or something of an earlier sentence (see ``_PHRASE_THEN_PRONOUN``)?"""
    if text.startswith(("\"", "“", "‘", "'", "``")):
        return False
    if _POINTS_BACK.search(text):
        return True
    m = _PHRASE_THEN_PRONOUN.match(text)
    if m is None:
        return False
    later = _CAPITALISED.findall(m.group(1))[1:]
    return not _PEOPLE.search(m.group(1)) and all(w in _NOT_ANTECEDENTS for w in later)


# "_People ages 40 to 75 with Type 2 diabetes.", "• Schools closed.": an item of a list, which needs the
# sentence that introduces the list.
_LIST_ITEM = re.compile(r"^(?:[_•*·▪‣◦]|[-–—]{1,2}\s)")


def typeset(text: str) -> str:
    """``text`` with old wire copy's quotation marks (``like this'') as “ and ”, as the analysis reads them."""
    return text.replace("``", "“").replace("''", "”") if "``" in text or "''" in text else text


def refers_back(sentence: Sentence) -> bool:
    """``dangling``, an opening definite role noun ("The company said…") that points to an earlier
    mention, a quotation credited to a pronoun or such a noun ("“…,” the statement noted."), an item
    of a list, or a pronoun after a short opening phrase ("In the mausoleum, both his grandfather …",
    ``pronoun_after_phrase``). Old wire copy's ``marks'' are quotation marks too (``dangling``, a feature of
    the trained scorer, reads “ ” and straight marks only)."""
    text = sentence.text.strip()
    marked = typeset(text)
    return dangling(sentence) or bool(_DEFINITE.match(text) or _LIST_ITEM.match(text) or _CREDITED_BACK.match(marked)
                                      or _BARE_QUOTE.match(marked)) or pronoun_after_phrase(text)


def text_key(text: str) -> str:
    """The sentence lower-cased with its whitespace collapsed: two copies of one sentence share it."""
    return " ".join(text.lower().split())


def candidate(text: str, n_words: int, min_words: int = _MIN_WORDS) -> bool:
    """May this sentence be chosen at all? Fragments (under ``min_words`` words), headlines without a verb-like
    length, questions to the reader and very long run-ons are never chosen."""
    if n_words < min_words or n_words > _MAX_WORDS:
        return False
    return not text.rstrip().endswith(("?", ":")) and not headline(text)


# A headline in title case ("North Korea Ramps Up International Rancor With H-Bomb Threat."): a small word that
# running text keeps in lower case is capitalised after the first word, and most longer words are capitalised.
# Names alone ("Alberto Contador of Spain has won the Tour") do not make a headline.
_SMALL_WORDS = frozenset(
    "With Over For In Of The And To Is Are Has Its On At By From As An Up Out After About Into Could Will May How "
    "What Why Who New Not Be".split()
)
_CAPITALISED_SHORT = re.compile(r"\s([A-Z][a-z]{0,4})(?=\s)")  # then looked up: half the cost of one alternation
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def headline(text: str) -> bool:
    """Is the sentence a title-case headline (a page's title or a teaser run into the text)?"""
    if _SMALL_WORDS.isdisjoint(_CAPITALISED_SHORT.findall(text)):  # the group's words, no match objects
        return False
    long_words = _TITLE_WORD.findall(text)
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


@dataclass(frozen=True, slots=True)
class SelectionPolicy:
    """The shared knobs. ``redundancy``: the highest cosine allowed to a sentence already chosen.
    ``dangling_penalty``: multiplier on the score of a dangling opener (1.0 leaves it alone)."""

    redundancy: float = 0.5
    dangling_penalty: float = 1.0
    order: str = "position"  # "position" (reading order) or "rank"


class Selector(ABC):
    """A summarization method: ``select(cluster, budget)`` returns the chosen sentences in reading order."""

    name: str = ""
    description: str = ""
    policy = SelectionPolicy()

    @abstractmethod
    def score(self, cluster: Cluster, vecs: ClusterVectors) -> np.ndarray:
        """Importance of each sentence of ``cluster.sentences`` (higher is better)."""

    def select(self, cluster: Cluster, budget: int) -> list[Sentence]:
        if not cluster.sentences or budget <= 0:
            return []
        vecs = vectors(cluster)
        scores = np.asarray(self.score(cluster, vecs), dtype=float)
        return greedy_fill(cluster, vecs, scores, budget, self.policy)


def greedy_fill(
    cluster: Cluster, vecs: ClusterVectors, scores: np.ndarray, budget: int, policy: SelectionPolicy
) -> list[Sentence]:
    sents = cluster.sentences
    adjusted = scores.copy()
    if policy.dangling_penalty != 1.0:
        for i, s in enumerate(sents):
            if dangling(s):
                adjusted[i] *= policy.dangling_penalty if adjusted[i] > 0 else 1.0 / policy.dangling_penalty
    # Best first, ties in reading order (a stable sort of the negated scores).
    order = np.argsort(-adjusted, kind="stable").tolist()
    lengths = vecs.words.tolist()  # counted once per cluster (Sentence.words would tokenise at every use)
    candidates = [i for i in order if candidate(sents[i].text, lengths[i])]
    if not candidates:  # a cluster of fragments: still say something
        candidates = order
    chosen: list[int] = []
    used = 0
    seen_texts: set[str] = set()
    check = policy.redundancy < 1.0
    # Best cosine of each sentence to one already chosen, updated a row at a time: the full similarity
    # matrix is never needed for this.
    nearest = np.zeros(len(sents))
    for i in candidates:
        n = lengths[i]
        if used + n > budget:
            continue
        key = text_key(sents[i].text)
        if key in seen_texts:
            continue
        if check and chosen and nearest[i] > policy.redundancy:
            continue
        chosen.append(i)
        if check:
            np.maximum(nearest, vecs.cosines(i), out=nearest)
        seen_texts.add(key)
        used += n
        if budget - used < _MIN_WORDS:
            break
    return order_sentences(cluster, chosen, policy.order)


def order_sentences(cluster: Cluster, chosen: list[int], how: str = "position") -> list[Sentence]:
    """Reading order: earlier in its article first (leads before details), then article order; a run of
    consecutive sentences of one article stays together, so a quotation split over two sentences or a
    sentence and the "He said..." that follows it are never separated. ``rank`` keeps the order of choice."""
    sents = cluster.sentences
    if how == "rank":
        return [sents[i] for i in chosen]
    article_rank = {a.id: k for k, a in enumerate(cluster.articles)}
    counts = Counter(s.article for s in sents)
    length = {a.id: max(1, counts[a.id]) for a in cluster.articles}
    # each chosen sentence joins the run of the chosen sentence just before it in its article
    by_place = {(sents[i].article, sents[i].index): i for i in chosen}
    head: dict[int, int] = {}
    for i in sorted(chosen, key=lambda i: (sents[i].article, sents[i].index)):
        before = by_place.get((sents[i].article, sents[i].index - 1))
        head[i] = head[before] if before is not None else i
    return [
        sents[i]
        for i in sorted(
            chosen,
            key=lambda i: (
                sents[head[i]].index / length[sents[i].article],
                article_rank[sents[i].article],
                sents[i].index,
            ),
        )
    ]


def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 100) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph (Page et al., 1999), by power
    iteration; rows with no edges jump uniformly."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    row = weights.sum(axis=1, keepdims=True)
    trans = np.divide(weights, row, out=np.full_like(weights, 1.0 / n), where=row > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        nxt = (1 - damping) / n + damping * (trans.T @ p)
        if np.abs(nxt - p).sum() < tol:
            return nxt
        p = nxt
    return p
