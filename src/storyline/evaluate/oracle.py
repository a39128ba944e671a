"""The greedy ROUGE oracle: a ceiling for extractive selection.

Following the extractive "oracle" labels of Nallapati et al. (2017), "SummaRuNNer", and Kedzie et al.
(2018): repeatedly add the sentence that most increases ROUGE-1 F1 + ROUGE-2 F1 against the references
(averaged over references), until the word budget is reached or no sentence helps. A sentence that does
not fit whole may end the summary cut to the budget, as every output is cut in scoring anyway.

N-grams are counted here, incrementally, with rouge_score's own tokenizer and Porter stemmer, so the
oracle optimises what the scorer measures (bigrams across a sentence boundary aside).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .rouge import tokenizer


def tokens(text: str) -> list[str]:
    return tokenizer().tokenize(text)


@dataclass(frozen=True, slots=True)
class Grams:
    uni: Counter[str]
    bi: Counter[tuple[str, str]]

    @classmethod
    def of(cls, toks: Sequence[str]) -> Grams:
        return cls(Counter(toks), Counter(zip(toks, toks[1:], strict=False)))


def _f1(overlap: int, pred: int, ref: int) -> float:
    if overlap == 0 or pred == 0 or ref == 0:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


class _State:
    """Overlap counts of the summary so far with one reference."""

    def __init__(self, ref: Grams) -> None:
        self.ref = ref
        self.ref_uni = sum(ref.uni.values())
        self.ref_bi = sum(ref.bi.values())
        self.uni: Counter[str] = Counter()
        self.bi: Counter[tuple[str, str]] = Counter()
        self.ov_uni = 0
        self.ov_bi = 0

    def gain(self, cand: Grams) -> tuple[int, int]:
        du = sum(
            min(self.ref.uni[g], self.uni[g] + n) - min(self.ref.uni[g], self.uni[g])
            for g, n in cand.uni.items()
            if g in self.ref.uni
        )
        db = sum(
            min(self.ref.bi[g], self.bi[g] + n) - min(self.ref.bi[g], self.bi[g])
            for g, n in cand.bi.items()
            if g in self.ref.bi
        )
        return du, db

    def add(self, cand: Grams) -> None:
        du, db = self.gain(cand)
        self.ov_uni += du
        self.ov_bi += db
        self.uni.update(cand.uni)
        self.bi.update(cand.bi)


def greedy_oracle(sentences: Sequence[str], references: Sequence[str], words: int) -> str:
    """The oracle summary (sentences in the order chosen, the last possibly cut) of at most ``words``
    whitespace words."""
    return " ".join(text for _, text in oracle_picks(sentences, references, words))


def oracle_picks(sentences: Sequence[str], references: Sequence[str], words: int) -> list[tuple[int, str]]:
    """The oracle's choices in order: (index into ``sentences``, the text taken, cut when it is the last
    and did not fit whole). Training uses the indices as labels (:mod:`storyline.learn.train`)."""
    refs = [Grams.of(tokens(r)) for r in references]
    states = [_State(r) for r in refs]
    # rouge_score's tokenizer splits on every non-alphanumeric character, so a text's tokens are the
    # concatenation of its whitespace words' tokens: a cut sentence needs no new tokenizing.
    word_tokens = [[tokens(w) for w in s.split()] for s in sentences]
    grams = [Grams.of([t for ts in wt for t in ts]) for wt in word_tokens]
    lengths = [len(wt) for wt in word_tokens]
    chosen: list[tuple[int, str]] = []
    used_uni = used_bi = 0
    used_words = 0
    best_score = 0.0
    remaining = set(range(len(sentences)))
    while remaining and used_words < words:
        room = words - used_words
        best: tuple[float, int, Grams, str] | None = None
        for i in sorted(remaining):
            text, g = sentences[i], grams[i]
            if lengths[i] > room:  # only a cut copy fits
                text = " ".join(sentences[i].split()[:room])
                g = Grams.of([t for ts in word_tokens[i][:room] for t in ts])
            n_uni = used_uni + sum(g.uni.values())
            n_bi = used_bi + sum(g.bi.values())
            score = 0.0
            for st in states:
                du, db = st.gain(g)
                score += _f1(st.ov_uni + du, n_uni, st.ref_uni) + _f1(st.ov_bi + db, n_bi, st.ref_bi)
            score /= len(states)
            if best is None or score > best[0]:
                best = (score, i, g, text)
        if best is None or best[0] <= best_score:
            break
        best_score, i, g, text = best
        for st in states:
            st.add(g)
        used_uni += sum(g.uni.values())
        used_bi += sum(g.bi.values())
        used_words += len(text.split())
        chosen.append((i, text))
        remaining.discard(i)
    return chosen
