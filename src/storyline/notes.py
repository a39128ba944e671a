"""Notes about the articles themselves, told beside both the summary and the analysis: a paywalled page read
only as its free teaser, one page of a story printed over several, an outlet's printed correction (taken out of
its story's text by ``clean``), a paragraph ``clean`` left out as no prose, an article that does not read as
English, an article that shares almost nothing with the others (another story given by mistake?), and an article
dated a month or more away from every other dated one (another event?)."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from .clean import MAX_RUN_CHARS
from .model import Article, Cluster
from .represent import article_cosines, words

# A paywalled page gives its free teaser only (``Article.teaser``): the reader of the summary, and of the analysis,
# whose agreement counts it among the sources, should know what is missing.
TEASER_NOTE = "{article} gave only the free teaser of a paywalled page: the rest of its story was not read"
# A story printed over several pages, given as one of them (``Article.paged``): what its other pages say is missing.
PAGED_NOTE = ("{article} is one page of a story printed over several pages: its other pages were not read (save the "
              "story's single-page or print view)")
# An outlet's correction of its own story is out of the story's text (``Article.corrections``), told here instead.
CORRECTION_NOTE = "{article} printed a correction: {correction}"
# storyline's scores and similarities are made for English news: a story in another language is weighed and matched
# poorly (its words are neither stemmed nor known to the scorer's lexicon).
FOREIGN_NOTE = ("{article} does not read as English: storyline is made for English news, so its sentences are "
                "weighed and matched poorly")

# A paragraph without a sentence end for ``MAX_RUN_CHARS`` characters is out of the article's text (``clean``): the
# rest of the article is summarized, but what was in that paragraph is not, and the reader should know.
NO_PROSE_NOTE = ("{article} had {paragraphs} that {run} {chars:,} characters or more without a sentence end: left "
                 "out as no prose (a minified page, a log or a data file?)")


# An article about another story (the wrong file saved from the same site, an outlet's front page, a related but
# different event) is summarized with the rest without a word otherwise: ``off_topic`` finds it by its best cosine to
# the other articles in the grouping's representation (``represent.article_cosines``).
OFF_TOPIC_NOTE = "{article} shares almost nothing with the other articles: is it about the same story?"
# Two articles that share almost nothing: which of them is the stray one, nothing tells.
OFF_TOPIC_PAIR_NOTE = "{first} and {second} share almost nothing: are they about the same story?"
OFF_TOPIC_COSINE = 0.02  # a best cosine under this is off the story in any cluster
OFF_TOPIC_NEAR = 0.04  # ... and under this, when it is under OFF_TOPIC_SHARE of what the others' best cosines are
OFF_TOPIC_SHARE = 0.2


# An article dated a month or more away from every other dated article (an older story saved with the new ones, a
# follow-up months later) reports another event, or an earlier or later stage of this one, and its days and figures
# are read beside the others' as one story's. The summary's note on the dates' span (``api.SPAN_NOTE_DAYS``) says
# that the dates spread, not which article stands apart.
DATED_APART_NOTE = "{article} is dated {date}, {days} days {side}: it may report {event} event"
DATED_APART_DAYS = 30
DATED_APART_MIN_OTHERS = 2  # of one other dated article, nothing tells which of the two stands apart


def article_notes(cluster: Cluster) -> tuple[str, ...]:
    """The paywalled pages read as their teaser, the pages of a story printed over several, the corrections the
    cluster's outlets printed, then the articles that lost a paragraph as no prose, then the articles that do not
    read as English, then the articles that share almost nothing with the others (``off_topic``), then those
    dated apart from the others (``dated_apart``)."""
    notes = tuple(TEASER_NOTE.format(article=numbered(k, a)) for k, a in enumerate(cluster.articles, 1) if a.teaser)
    notes += tuple(PAGED_NOTE.format(article=numbered(k, a)) for k, a in enumerate(cluster.articles, 1) if a.paged)
    notes += tuple(
        CORRECTION_NOTE.format(article=numbered(k, a), correction=c)
        for k, a in enumerate(cluster.articles, 1) for c in a.corrections
    )
    notes += tuple(
        NO_PROSE_NOTE.format(
            article=numbered(k, a), paragraphs="a paragraph" if a.no_prose == 1 else f"{a.no_prose} paragraphs",
            run="runs" if a.no_prose == 1 else "each run", chars=MAX_RUN_CHARS,
        )
        for k, a in enumerate(cluster.articles, 1) if a.no_prose
    )
    english = [reads_as_english(a.text) for a in cluster.articles]
    notes += tuple(
        FOREIGN_NOTE.format(article=numbered(k, a)) for k, a in enumerate(cluster.articles, 1) if not english[k - 1]
    )
    return notes + off_topic_notes(cluster, english) + dated_apart_notes(cluster)


def dated_apart(days: dict[int, dt.date]) -> tuple[int, ...]:
    """The indexes of the articles (``days``: ``_days``, their dates by index) whose date lies more than
    ``DATED_APART_DAYS`` from every other article's date, where ``DATED_APART_MIN_OTHERS`` other articles or more
    are dated and that many or more are not apart (three articles each 100 days from the others name none: nothing
    tells which one stands apart, and the span note says they are spread). Undated articles say nothing either
    way."""
    if len(days) <= DATED_APART_MIN_OTHERS:
        return ()
    apart = tuple(k for k, d in days.items()
                  if all(abs((d - o).days) > DATED_APART_DAYS for j, o in days.items() if j != k))
    return apart if len(days) - len(apart) >= DATED_APART_MIN_OTHERS else ()


def dated_apart_notes(cluster: Cluster) -> tuple[str, ...]:
    """``dated_apart``'s articles as notes: the days to the nearest other date, and the other articles' dates."""
    days = _days(cluster)
    out = []
    for k in dated_apart(days):
        d, others = days[k], sorted(o for j, o in days.items() if j != k)
        when = str(others[0]) if others[0] == others[-1] else f"{others[0]} to {others[-1]}"
        if d < others[0]:
            side, event = f"before every other article's date ({when})", "an earlier"
        elif d > others[-1]:
            side, event = f"after every other article's date ({when})", "a later"
        else:
            side, event = f"from the nearest of the other articles' dates ({when})", "another"
        out.append(DATED_APART_NOTE.format(article=numbered(k + 1, cluster.articles[k]), date=d,
                                           days=min(abs((d - o).days) for o in others), side=side, event=event))
    return tuple(out)


def _days(cluster: Cluster) -> dict[int, dt.date]:
    """The articles' dates, by index; an article without one (or with none that reads as a day) is left out."""
    out = {}
    for k, a in enumerate(cluster.articles):
        try:
            out[k] = dt.date.fromisoformat(a.date or "")
        except ValueError:
            continue
    return out


def off_topic(cluster: Cluster) -> tuple[int, ...]:
    """The indexes of the articles of ``cluster`` that share almost nothing with the others: whose best cosine to
    any other article (in the grouping's representation: ``represent.article_cosines``) is under
    ``OFF_TOPIC_COSINE``, or, among three articles or more, under ``OFF_TOPIC_NEAR`` and under ``OFF_TOPIC_SHARE``
    of the median of the other articles' best cosines (an article that the others' close match makes stand out:
    another story of the same week shares a few of its words, and with them a cosine of 0.02-0.04). None for a
    single article.

    The best cosine, not the mean: a loosely related article (an opinion piece, a follow-up) is close to one or
    two of the others at least, where the mean sank under 0.03 for on-topic articles of large, loose clusters.
    Chosen on half of the bench clusters (``storyline.evaluate.bench.SUITE``; the half by the CRC-32 of the
    cluster's id) and checked on the other half: ``benchmarks/off_topic.py`` measures them, docs/usage.md
    ("Inputs, duplicates and limits") gives the figures."""
    n = len(cluster.articles)
    if n < 2:
        return ()
    cos = article_cosines(cluster.articles)
    np.fill_diagonal(cos, -1.0)
    best = cos.max(axis=1)
    stray = []
    for k in range(n):
        others = np.delete(best, k)
        if best[k] < OFF_TOPIC_COSINE or (
            n > 2 and best[k] < OFF_TOPIC_NEAR and best[k] < OFF_TOPIC_SHARE * float(np.median(others))
        ):
            stray.append(k)
    return tuple(stray)


def off_topic_notes(cluster: Cluster, english: list[bool]) -> tuple[str, ...]:
    """``off_topic``'s articles as notes, but for those that do not read as English (their note says already
    that they are matched poorly). Of two articles, both are named in one note."""
    stray = off_topic(cluster)
    named = [numbered(k + 1, cluster.articles[k]) for k in stray]
    if len(cluster.articles) == 2 and stray:
        return (OFF_TOPIC_PAIR_NOTE.format(first=named[0], second=named[1]),) if all(english) else ()
    return tuple(OFF_TOPIC_NOTE.format(article=n) for k, n in zip(stray, named, strict=True) if english[k])


def numbered(k: int, article: Article) -> str:
    """An article as a note names it: by its number among the sources, and its outlet or title when it has one."""
    return f"article [{k}]" + (f" ({article.label})" if article.label != article.id else "")


def reads_as_english(text: str) -> bool:
    """Does ``text`` read as English? English prose is a third function words ("the", "of", "said"): on every
    article of 40 words or more of the dev sets (Multi-News, DUC, NeuS, MultiLing) at least 13%, and on all but
    47 of Multi-News val's 14,692 (French and Spanish pages, lists of place names) 10% or more; a German or French
    article has 0-3%. A text under ``_LANGUAGE_MIN_WORDS`` words is judged only by its script: most of its letters
    in another alphabet than the Latin (Arabic, Cyrillic, Greek...) is not English."""
    tokens = words(text)
    if len(tokens) < _LANGUAGE_MIN_WORDS:
        return not _in_another_script(text)
    return sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, tokens)) >= _ENGLISH_MIN_SHARE * len(tokens)


# Letters of the Latin alphabet (with its accented and extended forms): most of a text's letters outside them is
# another script (Arabic, Cyrillic, Greek, Hebrew, Hangul, Devanagari...), which is no English at any length: a
# short Arabic article was summarized without the note a German one of 40 words gets.
_NOT_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
_SCRIPT_MIN_LETTERS = 20


def _in_another_script(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return letters >= _SCRIPT_MIN_LETTERS and len(_NOT_LATIN.findall(text)) > letters / 2


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with he it as at by from his have be are has were an they not this but "
    "who will had their which been its after would she her".split()
)
_ENGLISH_MIN_SHARE = 0.1
_LANGUAGE_MIN_WORDS = 40
