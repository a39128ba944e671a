"""Peer systems from sumy (the reference implementations of six classic extractive methods), run on the
same cleaned article text as storyline's methods so that the comparison is about selection alone.

- ``sumy-lexrank``: Erkan & Radev (2004), "LexRank: graph-based lexical centrality as salience".
- ``sumy-textrank``: Mihalcea & Tarau (2004), "TextRank: bringing order into texts".
- ``sumy-lsa``: Steinberger & Ježek (2004), "Using latent semantic analysis in text summarization".
- ``sumy-luhn``: Luhn (1958), "The automatic creation of literature abstracts".
- ``sumy-sumbasic``: Nenkova & Vanderwende (2005), "The impact of frequency on summarization".
- ``sumy-klsum``: Haghighi & Vanderwende (2009), "Exploring content models for multi-document summarization".

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here, so the parser gets a
tokenizer built on storyline's segmenter and word tokenizer. Its English stemmer is NLTK's Snowball
stemmer, which is pure code and needs no data.

sumy picks a sentence *count*; we want a word budget. Its summarizers rank every sentence and then keep
the first ``count(ranked)`` of them when ``count`` is callable, so one call with a callable that takes
the best-ranked sentences until their words reach the budget is the same as growing k one by one. sumy
returns them in document order; the caller then cuts the text to the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from ..represent import words as word_tokens
from ..segment import split_spans

SUMY_PEERS = {
    "sumy-lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "sumy-textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "sumy-lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "sumy-luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "sumy-sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "sumy-klsum": ("sumy.summarizers.kl", "KLSummarizer"),
}
# What ``storyline eval --list-methods`` says of each.
SUMY_DESCRIPTIONS = {
    "sumy-lexrank": "sumy's LexRank (Erkan & Radev, 2004), on storyline's cleaned text",
    "sumy-textrank": "sumy's TextRank (Mihalcea & Tarau, 2004), on storyline's cleaned text",
    "sumy-lsa": "sumy's latent semantic analysis (Steinberger & Jezek, 2004), on storyline's cleaned text",
    "sumy-luhn": "sumy's Luhn (1958), on storyline's cleaned text",
    "sumy-sumbasic": "sumy's SumBasic (Nenkova & Vanderwende, 2005), on storyline's cleaned text",
    "sumy-klsum": "sumy's KL-Sum (Haghighi & Vanderwende, 2009), on storyline's cleaned text",
}


class StorylineTokenizer:
    """The tokenizer interface sumy's parsers call, on storyline's segmenter and word tokenizer."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b] for a, b in split_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        # sumy's own word tokenizer keeps only tokens with a letter; do the same.
        return tuple(w for w in word_tokens(sentence) if any(c.isalpha() for c in w))


@cache
def _summarizer(name: str) -> Any:
    import importlib

    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, cls = SUMY_PEERS[name]
    summarizer_class = getattr(importlib.import_module(module), cls)
    if name == "sumy-lsa":
        summarizer_class = _sorted_lsa(summarizer_class)
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def _sorted_lsa(lsa: type) -> type:
    """sumy's LSA with its term rows in sorted order. sumy numbers the rows in the iteration order of a
    ``frozenset`` of strings, which changes with Python's hash seed from process to process: the SVD then
    sums in another order, near-ties among sentences break another way, and the scores moved by up to 0.5
    between runs on the same clusters. The method is unchanged; only the row order is fixed."""

    class SortedLsaSummarizer(lsa):  # type: ignore[misc, valid-type]
        def _create_dictionary(self, document: Any) -> dict[str, int]:
            return {w: i for i, w in enumerate(sorted(super()._create_dictionary(document)))}

    return SortedLsaSummarizer


def budget_count(words: int) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A sumy ``count``: the best-ranked sentences until their words reach ``words``."""

    def take(ranked: Sequence[Any]) -> Sequence[Any]:
        used = 0
        for k, info in enumerate(ranked, 1):
            used += len(str(info.sentence).split())
            if used >= words:
                return ranked[:k]
        return ranked

    return take


def sumy_summary(name: str, texts: Sequence[str], words: int) -> str:
    """The summary of one sumy peer for the cleaned articles ``texts`` (not yet cut to ``words``)."""
    import warnings

    from sumy.parsers.plaintext import PlaintextParser

    # Paragraphs of an article are separated by blank lines already; articles by one more.
    parser = PlaintextParser.from_string("\n\n".join(texts), StorylineTokenizer())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LSA warns when a cluster has fewer words than sentences
        chosen = _summarizer(name)(parser.document, budget_count(words))
    return " ".join(str(s) for s in chosen)
