"""Selection by concept coverage: the summary should cover as many of the cluster's widely reported
concepts as its word budget allows, with sentences the scorer rates highly.

The objective follows Gillick & Favre (2009), "A scalable global model for summarization": concepts are
the stemmed content-word bigrams of the cluster, weighted by the share of articles that use them (a
concept in one article only is worth nothing), and a concept counts once however many chosen sentences
carry it. To it we add ``quality`` times each chosen sentence's own score per word times its length, so
the learned scorer's view of a sentence still counts::

    F(S) = sum(w_c for c covered by S) + quality * sum(score_i * words_i for i in S)

``F`` is monotone submodular, and we maximise it under the word budget with the cost-scaled greedy of Lin &
Bilmes (2010), "Multi-document summarization via budgeted maximization of submodular functions": take the
sentence with the best gain per word that still fits. The shared rules of :mod:`.base` still apply: only
candidate sentences, no exact repeats, and a cosine cap to every chosen sentence (coverage alone lets a
paraphrase with one new bigram through); on top of them, no sentence that tells a chosen one's fact again in
other words (:mod:`.restate`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from ..model import Cluster, Sentence
from ..represent import ClusterVectors
from ..vocabulary import ATTRIBUTION_VERBS, OBJECT_VERBS, SPEAKER_VERBS, alternation
from .base import _MIN_WORDS, candidate, order_sentences, refers_back, text_key, typeset
from .concepts import bigram_index
from .restate import Restatements
from .voice import voices


@dataclass(frozen=True, slots=True)
class CoveragePolicy:
    """``quality``: weight of the sentence scores against concept coverage (0 = coverage alone).
    ``min_articles``: a concept counts when at least this many articles use it (lowered to 1 for a
    single-article cluster). ``redundancy``: the highest cosine allowed to a sentence already chosen.
    ``same_speaker_redundancy``: the lower cap between two sentences that report the same named speaker
    (a quotation and its paraphrase: "“We will not reopen…,” Mayor Okafor said" and "Okafor said the bridge
    would stay closed…" share few words but one statement). ``min_words``: shorter sentences are not
    candidates (besides the shared rules of :mod:`.base`): a six-word sentence ("The vote was seven to two.")
    scores high per word but rarely stands on its own. ``containment``: the largest share of a candidate's
    distinct content terms that one chosen sentence may already hold. The cosine misses a short sentence
    that restates part of a long one already chosen and adds a clause: the long sentence's other terms
    dilute the cosine, not the repetition the reader sees. ``subsumed``: the other way round, a chosen
    sentence with more than this share of its distinct terms in a longer sentence chosen after it leaves
    the summary (a headline or caption first, then the lead sentence that says it all again).
    ``short_below``: when no candidate is left that fits and the summary holds less than this share of its
    budget (a short article, two copies of one), a sentence under ``min_words`` (of ``SHORT_MIN_WORDS`` words
    or more, ending as a sentence ends, under every other rule) may fill it: "Repairs will take weeks,
    engineers said." after the lead of a two-sentence story. 0 never lets one in.
    ``restated``: also turn away a candidate that tells a chosen sentence's fact again in other words
    (:mod:`.restate`: "urged the country to assist" / "asking for his government's help"), unless it adds a
    figure or a name the chosen sentence lacks.
    ``voice``: take no sentence in a voice the reader cannot place (:mod:`.voice`): the first person singular
    outside quotation marks (a columnist's "I base this …", the middle of a long quotation), an interviewer's
    turn in a transcript; an answer's sentences after its labelled first one only follow the one before."""

    quality: float = 3.0
    min_articles: int = 2
    redundancy: float = 0.45
    same_speaker_redundancy: float = 0.3
    order: str = "position"
    min_words: int = 8
    containment: float = 0.45
    subsumed: float = 0.55
    restated: bool = True
    short_below: float = 0.5
    voice: bool = True

    def __post_init__(self) -> None:
        if self.quality < 0:
            raise ValueError("quality must be >= 0")
        if self.min_articles < 1:
            raise ValueError("min_articles must be >= 1")
        if self.min_words < 0:
            raise ValueError("min_words must be >= 0")
        if not (0.0 <= self.same_speaker_redundancy <= 1.0 and 0.0 <= self.redundancy <= 1.0):
            raise ValueError("redundancy caps are cosines: they must be in [0, 1]")
        if not (0.0 <= self.containment <= 1.0 and 0.0 <= self.subsumed <= 1.0):
            raise ValueError("containment and subsumed are shares of a sentence's terms: they must be in [0, 1]")
        if not 0.0 <= self.short_below <= 1.0:
            raise ValueError("short_below is a share of the budget: it must be in [0, 1]")


def concept_pairs(
    cluster: Cluster, vecs: ClusterVectors, min_articles: int = 2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (sentence, concept) pairs as two index arrays, sentence-major, and the concept weights: the
    share of the cluster's articles using each bigram, 0 below ``min_articles`` articles."""
    index = bigram_index(cluster, vecs)
    n_articles = max(1, len({s.article for s in cluster.sentences}))
    need = min(min_articles, n_articles)
    weight = np.where(index.articles >= need, index.articles / n_articles, 0.0)
    return index.rows, index.cols, weight


def concepts(cluster: Cluster, vecs: ClusterVectors, min_articles: int = 2) -> tuple[sparse.csr_matrix, np.ndarray]:
    """(sentences x concepts) 0/1 matrix and the concept weights (see :func:`concept_pairs`)."""
    rows, cols, weight = concept_pairs(cluster, vecs, min_articles)
    shape = (len(cluster.sentences), weight.size)
    return sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=shape, dtype=np.float64), weight


# "…, Mayor Helen Okafor told reporters" / "Helen Okafor said on Monday" / "said Helen Okafor": the speaker's
# last name, before or after a speech verb (a crude, cheap stand-in for analysis.quotes' attribution).
_NAME = r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)"
_SPEECH = "(?:" + alternation(SPEAKER_VERBS) + ")"
# After the verb the name is the speaker's ("…, said Helen Okafor"), but for "told" and "asked", whose object
# is the one spoken to ("the minister told Okafor …").
_SPEECH_BEFORE_NAME = "(?:" + alternation(SPEAKER_VERBS - OBJECT_VERBS) + ")"
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "who", "you"})
_SPEAKER = re.compile(rf"{_NAME},?\s+{_SPEECH}\b|\b{_SPEECH_BEFORE_NAME},?\s+{_NAME}")


@lru_cache(maxsize=4096)  # asked of every sentence by the selection, then of the chosen ones by attribution
def named_speaker(text: str) -> str | None:
    """The name of the person the sentence reports as speaking, as written ("Helen Okafor", "Okafor"), if it
    names one (not a pronoun)."""
    # the verbs first, as plain substrings (cheaper than a regex alternation tried at every character):
    # most sentences report no speech at all
    m = _SPEAKER.search(text) if any(map(text.__contains__, SPEAKER_VERBS)) else None
    if not m:
        return None
    name = m.group(1) or m.group(2)
    return None if name.split()[-1].lower() in _PRONOUNS else name


def speaker(text: str) -> str | None:
    """The last name of the person the sentence reports as speaking, if it names one."""
    name = named_speaker(text)
    return name.split()[-1].lower() if name else None


# 'Safety comes first," the mayor said.': the one straight mark of the sentence closes a quotation after its
# punctuation, and a short clause crediting it follows.
_CLOSED_THEN_CREDITED = re.compile(rf'^[^"]*[,.!?…]"\s+[^"]{{0,80}}?\b(?:{alternation(ATTRIBUTION_VERBS)})\b[^"]*$')


def continues_quote(text: str) -> bool:
    """Does the sentence close a quotation it did not open (“…” split across two sentences)? With straight
    marks, which look alike both ways: an odd number of them, the last one ending the sentence and none
    starting it ('Let's show them that potato salad loves the internet!!"'), or a single one closing the
    quotation before the clause that credits it ('Safety comes first," the mayor said.'). Old wire copy's
    ``marks'' are “ ”."""
    t = typeset(text.strip())
    close, open_ = t.find("”"), t.find("“")
    if close >= 0 and (open_ < 0 or close < open_):
        return True
    if t.startswith('"') or t.count('"') % 2 == 0:
        return False
    return t.endswith('"') or (t.count('"') == 1 and _CLOSED_THEN_CREDITED.match(t) is not None)


def opens_quote(text: str) -> bool:
    """Does the sentence open a quotation it does not close (the first half of a split “…”)? Scraped text
    often closes a curly quotation with a straight mark (“…," he said), so either mark closes it; old wire copy's
    ``marks'' are “ ”."""
    t = typeset(text.strip())
    return t.rfind("“") > max(t.rfind("”"), t.rfind('"'))


def quotation_closers(sents: Sequence[Sentence], leans: np.ndarray, before: np.ndarray) -> np.ndarray:
    """For each sentence that opens a quotation the next sentence closes, that next sentence's number; -1
    for every other sentence."""
    closer = np.full(len(sents), -1)
    for j in np.flatnonzero((before >= 0) & leans).tolist():
        b = int(before[j])
        if continues_quote(sents[j].text) and opens_quote(sents[b].text):
            closer[b] = j
    return closer


class _Repeats:
    """What the chosen sentences already say, to turn away a candidate that would say it again: its best
    cosine to a chosen sentence, the largest share of its distinct content terms held by one chosen
    sentence, its best cosine to a chosen sentence reporting the same named speaker, and (with
    ``policy.restated``) whether it restates a chosen sentence in other words (:mod:`.restate`)."""

    def __init__(
        self, sents: Sequence[Sentence], vecs: ClusterVectors, policy: CoveragePolicy, restatements: Restatements | None
    ) -> None:
        n = len(sents)
        self.restatements = restatements
        # sentence -> the chosen sentences its gist is close to (restated, unless it adds a figure or a name)
        self.close: dict[int, list[int]] = {}
        self.close_to_last = np.zeros(0, dtype=np.int64)  # after add(i): the sentences close to i
        self.vecs, self.policy, self.n = vecs, policy, n
        self.nearest = np.zeros(n)
        self.contained = np.zeros(n)
        self.same_speaker = np.zeros(n)
        self.speakers = np.array([speaker(s.text) or "" for s in sents], dtype=object)
        # the (sentence, term) cells are sentence-major: sentence i's terms are cols[bounds[i]:bounds[i + 1]]
        self.term_rows, self.term_cols, _ = vecs.cells
        self.term_bounds = np.searchsorted(self.term_rows, np.arange(n + 1))
        self.distinct = np.maximum(np.diff(self.term_bounds), 1)
        self._in_chosen = np.zeros(len(vecs.vocab))
        self.any_chosen = False
        # after add(i): for each sentence, the share of its distinct terms that sentence i holds
        self.held_by_last = np.zeros(n)

    def repeats(self, i: int) -> bool:
        p = self.policy
        return self.any_chosen and (
            self.nearest[i] > p.redundancy
            or self.contained[i] > p.containment
            or self.same_speaker[i] > p.same_speaker_redundancy
            or self.restated(i)
        )

    def restated(self, i: int) -> bool:
        """Does candidate ``i`` tell a chosen sentence's fact again in other words (:mod:`.restate`)?"""
        r = self.restatements
        return r is not None and any(r.restates(i, j) for j in self.close.get(i, ()))

    def reset(self, chosen: Sequence[int]) -> None:
        """Forget everything, then add ``chosen`` again (after a chosen sentence left the summary)."""
        for a in (self.nearest, self.contained, self.same_speaker):
            a.fill(0.0)
        self.close.clear()
        self.any_chosen = False
        for i in chosen:
            self.add(i)

    def add(self, i: int) -> None:
        self.any_chosen = True
        cos = self.vecs.cosines(i)
        np.maximum(self.nearest, cos, out=self.nearest)
        if self.policy.containment < 1.0 or self.policy.subsumed < 1.0:
            mine = self.term_cols[self.term_bounds[i] : self.term_bounds[i + 1]]
            self._in_chosen[mine] = 1.0
            held = np.bincount(self.term_rows, weights=self._in_chosen[self.term_cols], minlength=self.n)
            self.held_by_last = held / self.distinct
            np.maximum(self.contained, self.held_by_last, out=self.contained)
            self._in_chosen[mine] = 0.0
        if self.speakers[i]:
            same = self.speakers == self.speakers[i]
            np.maximum(self.same_speaker, np.where(same, cos, 0.0), out=self.same_speaker)
        if self.restatements is not None:
            self.close_to_last = self.restatements.close_to(i)
            for k in self.close_to_last.tolist():
                self.close.setdefault(k, []).append(i)


def _restating(restatements: Restatements, i: int, close: np.ndarray, chosen: Sequence[int]) -> list[int]:
    """The chosen sentences with fewer gist terms than ``i``, just taken, that restate it (``close``: the
    sentences close to it): told again with more, they may leave. Not one that names someone or something the
    rest of the summary does not (the story's cast no exception: leaving, it would take the name with it)."""
    size = restatements.size
    out = []
    near = set(close.tolist())
    for k in chosen:
        if k in near and size[k] < size[i]:
            named = frozenset().union(*(restatements.names_of(c) for c in chosen if c != k))
            if restatements.restates(k, i, named):
                out.append(k)
    return out


# The shortest sentence that may fill a summary far under its budget ("Nobody was hurt."), and how it must end: a
# fragment without a stop ("Photo: Reuters", "Share this") is no sentence.
SHORT_MIN_WORDS = 3
_SENTENCE_END = re.compile(r"[.!…][\"'”’)]*\s*$")


@dataclass(frozen=True, slots=True, eq=False)
class _Problem:
    """One cluster's selection problem: the concept pairs and weights, each sentence's own term of ``F``,
    length and unit (with the quotation half it must be taken with), and the rules that tie sentences."""

    rows: np.ndarray
    cols: np.ndarray
    weight: np.ndarray  # concept weights, before any are covered
    bounds: np.ndarray  # sentence i's pairs are bounds[i]:bounds[i + 1]
    lengths: np.ndarray
    own: np.ndarray
    unit: np.ndarray
    alive: np.ndarray  # candidates at the start
    short: np.ndarray  # sentences too short to be candidates that may fill a summary far under its budget
    leans: np.ndarray
    before: np.ndarray
    closer: np.ndarray
    restatements: Restatements | None  # with ``policy.restated``: the sentences read as gists, for both greedy runs

    def value(self, chosen: Sequence[int]) -> float:
        """``F`` of a set of sentences (each concept counted once)."""
        if not chosen:
            return 0.0
        covered = np.unique(np.concatenate([self.cols[self.bounds[i] : self.bounds[i + 1]] for i in chosen]))
        return float(self.weight[covered].sum() + self.own[list(chosen)].sum())


def _problem(cluster: Cluster, vecs: ClusterVectors, scores: np.ndarray, policy: CoveragePolicy) -> _Problem:
    sents = cluster.sentences
    n = len(sents)
    rows, cols, weight = concept_pairs(cluster, vecs, policy.min_articles)
    bounds = bigram_index(cluster, vecs).bounds
    counts = vecs.words
    lengths = counts.astype(np.float64)
    own = policy.quality * np.asarray(scores, dtype=np.float64) * lengths
    usable = np.array([candidate(s.text, k) for s, k in zip(sents, counts.tolist(), strict=True)])
    usable &= lengths >= policy.min_words
    short = ~usable & np.array([
        k < policy.min_words and candidate(s.text, k, SHORT_MIN_WORDS) and _SENTENCE_END.search(s.text) is not None
        for s, k in zip(sents, counts.tolist(), strict=True)
    ])
    # A sentence that leans on the one before it ("He said...", a bare quotation, the second half of a
    # quotation the segmenter split) waits until that one is chosen. It is never taken alone once the
    # summary has begun (the budget is left a little short instead); only when nothing else is usable.
    leans = np.array([refers_back(s) or continues_quote(s.text) for s in sents])
    if policy.voice:  # no writer's "I", no interviewer's question; an answer's later sentences after its first
        unplaced, follows = voices(cluster)
        usable &= ~unplaced
        short &= ~unplaced
        leans |= follows
    position = {(s.article, s.index): k for k, s in enumerate(sents)}
    before = np.array([position.get((s.article, s.index - 1), -1) for s in sents])
    # A sentence that opens a quotation the next one closes is taken with that next one, or not at all; one
    # whose quotation runs on longer is not taken: a summary must not leave a quotation open.
    closer = quotation_closers(sents, leans, before)
    # Such a pair that is nothing but the quotation ("“We will rebuild. The town deserves it.”") is a bare
    # quotation over two sentences: its speaker is named before it, so it waits for that sentence too.
    for i in np.flatnonzero(closer >= 0).tolist():
        if (typeset(sents[i].text.lstrip()).startswith(("“", '"'))
                and typeset(sents[int(closer[i])].text.rstrip()).endswith(("”", '"'))):
            leans[i] = True
    unit = lengths + np.where(closer >= 0, lengths[np.maximum(closer, 0)], 0.0)
    unclosed = np.array([closer[i] < 0 and opens_quote(s.text) for i, s in enumerate(sents)])
    alive = usable & ~unclosed
    short &= ~unclosed
    if not alive.any():  # a cluster of fragments: still say something
        alive = usable if usable.any() else np.ones(n, dtype=bool)
    restatements = Restatements(cluster, vecs) if policy.restated else None
    return _Problem(rows, cols, weight, bounds, lengths, own, unit, alive, short, leans, before, closer, restatements)


def coverage_fill(
    cluster: Cluster, vecs: ClusterVectors, scores: np.ndarray, budget: int, policy: CoveragePolicy
) -> list[Sentence]:
    """Budgeted maximisation of ``F`` (see the module docstring); ``scores`` are per word.

    As in Lin & Bilmes (2010, Algorithm 1; after Khuller et al., 1999), the cost-scaled greedy is compared
    with the best single sentence that fits: per-word gains favour short sentences, and under a small
    budget a few short ones ("…,” the statement noted.") can crowd out the one long sentence that carries
    the news. When that sentence alone is worth more than the greedy's whole summary, the greedy starts
    from it and fills the rest of the budget."""
    sents = cluster.sentences
    if not sents or budget <= 0:
        return []
    problem = _problem(cluster, vecs, scores, policy)
    alone = np.bincount(problem.rows, weights=problem.weight[problem.cols], minlength=len(sents)) + problem.own
    chosen, value = _greedy(sents, vecs, problem, budget, policy, alone)
    single = _best_single(problem, budget, alone)
    # ``alone`` summed over the pair bounds its ``F`` from above: the exact value only when it may win
    if single is not None and alone[single].sum() > value and problem.value(single) > value:
        chosen, _ = _greedy(sents, vecs, problem, budget, policy, alone, first=single)
    return order_sentences(cluster, chosen, policy.order)


def _best_single(problem: _Problem, budget: int, alone: np.ndarray) -> list[int] | None:
    """The sentence (with the quotation half it needs) of highest ``F`` on its own (``alone``) that may
    open a summary and fits the budget; ``None`` when there is none."""
    p = problem
    fits = p.alive & ~p.leans & (p.unit <= budget)
    if not fits.any():
        return None
    i = int(np.argmax(np.where(fits, alone, -np.inf)))
    return [i] if p.closer[i] < 0 else [i, int(p.closer[i])]


def _greedy(
    sents: Sequence[Sentence],
    vecs: ClusterVectors,
    problem: _Problem,
    budget: int,
    policy: CoveragePolicy,
    alone: np.ndarray,
    first: Sequence[int] = (),
) -> tuple[list[int], float]:
    """The cost-scaled greedy: the best gain per word that still fits, under the shared rules; ``first``
    is taken before anything else. ``alone``: each sentence's gain with nothing chosen. Returns the
    chosen sentences and their ``F``."""
    p = problem
    n = len(sents)
    rows, cols, bounds, lengths, own = p.rows, p.cols, p.bounds, p.lengths, p.own
    leans, before, closer, unit = p.leans, p.before, p.closer, p.unit
    weight = p.weight.copy()
    alive = p.alive.copy()
    picked = np.zeros(n, dtype=bool)
    said = _Repeats(sents, vecs, policy, p.restatements)
    chosen: list[int] = []
    seen: set[str] = set()
    used = 0.0
    short: np.ndarray | None = p.short if policy.short_below > 0 and p.short.any() else None

    changed = True  # ``weight`` or ``picked`` changed since ``gain`` and ``placed`` were computed

    def take(i: int, key: str) -> None:
        nonlocal used, changed
        changed = True
        chosen.append(i)
        picked[i] = True
        alive[i] = False
        seen.add(key)
        used += lengths[i]
        said.add(i)
        weight[cols[bounds[i] : bounds[i + 1]]] = 0.0
        # an earlier, shorter choice that this one says again leaves (unless another choice leans on it)
        if len(chosen) < 2 or (policy.subsumed >= 1.0 and said.restatements is None):
            return
        earlier = np.asarray(chosen)
        said_again = (said.held_by_last[earlier] > policy.subsumed) & (said.distinct[earlier] < said.distinct[i])
        if said.restatements is not None:  # or tells its fact again in other words, with more
            gone_too = set(_restating(said.restatements, i, said.close_to_last, chosen))
            said_again |= np.fromiter((k in gone_too for k in chosen), dtype=bool, count=len(chosen))
        gone = [j for j in earlier[said_again].tolist() if not _tied(j)]
        if gone:
            for j in gone:
                chosen.remove(j)
                picked[j] = False
                used -= lengths[j]
            weight[:] = p.weight
            for k in chosen:
                weight[cols[bounds[k] : bounds[k + 1]]] = 0.0
            said.reset(chosen)

    def let_short_in() -> bool:
        """Far under the budget with no candidate left: the short sentences become candidates (once)."""
        nonlocal short, changed
        if short is None or used >= policy.short_below * budget:
            return False
        more = short & ~picked & (unit <= budget - used)
        short = None
        alive[more] = True
        changed = True
        return bool(more.any())

    def _tied(j: int) -> bool:
        """Is ``j`` half of a quotation pair, or the sentence a chosen one leans on?"""
        return closer[j] >= 0 or bool(np.any(closer == j)) or any(leans[k] and before[k] == j for k in chosen)

    for i in first:
        take(i, text_key(sents[i].text))
    # the loop's constants, computed once
    free = ~leans  # may be taken whether or not the sentence before it is
    has_before, sentence_before = before >= 0, np.maximum(before, 0)
    per_word = np.maximum(lengths, 1.0)
    # a bincount over the (sentence, concept) pairs per step: far cheaper than a scipy product
    while True:
        alive &= unit <= budget - used
        if not alive.any():
            if let_short_in():
                continue
            break
        # only a choice changes the gains: a candidate turned away as a repeat leaves them as they were (on
        # 12,000 near-identical sentences, redoing this sum after each of thousands of those took 10 s)
        if changed:
            gain = np.bincount(rows, weights=weight[cols], minlength=n) + own if chosen else alone
            gain_per_word = gain / per_word
            placed = free | (has_before & picked[sentence_before])  # may be taken now, as far as leaning goes
            changed = False
        ready = alive & placed
        if not ready.any():
            if let_short_in():  # a short sentence that stands alone before one that leans
                continue
            if chosen:  # better a few words short than a sentence the reader cannot place
                break
            ready = alive
        # ties go to the earlier sentence (argmax takes the first), as in greedy_fill
        i = int(np.argmax(np.where(ready, gain_per_word, -np.inf)))
        alive[i] = False
        key = text_key(sents[i].text)
        if key in seen or said.repeats(i):
            continue
        take(i, key)
        j = int(closer[i])
        if j >= 0 and not picked[j]:
            take(j, text_key(sents[j].text))
        if budget - used < _MIN_WORDS:
            break
    return chosen, float(p.weight.sum() - weight.sum() + own[chosen].sum())
