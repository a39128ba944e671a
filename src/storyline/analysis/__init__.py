"""Story analysis of a cluster: what the articles agree on, where they disagree, who is quoted, who
and what is involved, when things happened, and what only one article reports.

    >>> import storyline
    >>> analysis = storyline.analyze([Path("a.txt"), Path("b.txt")])
    >>> analysis.conflicts[0].reason

Each section lives in its own module; every item carries the spans of the sentences it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Cluster
from ..notes import article_notes

# Only the data model and the recognizers are imported with the package, so that ``storyline.api`` can name
# ``Analysis`` in its signatures (``typing.get_type_hints(storyline.analyze)`` resolves) without loading the analysis
# itself (half a second; a summary needs none of it): ``analyze_cluster`` imports the sections when first called.
from .model import Action, Analysis, Conflict, Entity, Event, Fact, OnlyHere, Quote, Span, Value
from .ner import EntityRecognizer, RuleRecognizer, SpacyRecognizer, default_recognizer

SINGLE_SOURCE_NOTE = "single article: nothing can be corroborated or contradicted"
# Each shell says how its users give a date (the command line's --date, the web form's date field).
UNDATED_NOTE = "no publication date given: relative dates (Monday, last year) are left unresolved"
_UNDATED_START = "no publication date given"

__all__ = [
    "Action", "Analysis", "Conflict", "Entity", "EntityRecognizer", "Event", "Fact", "OnlyHere", "Quote",
    "RuleRecognizer", "Span", "SpacyRecognizer", "UNDATED_NOTE", "Value", "analyze_cluster", "default_recognizer",
    "with_date_hint",
]


def analyze_cluster(
    cluster: Cluster, *, recognizer: EntityRecognizer | None = None, progress: Callable[[int], None] | None = None
) -> Analysis:
    """The analysis of ``cluster``. ``progress(1)`` is called as each article's names are read (most of the time:
    the named-entity model reads each article in turn; 60 articles take about 30 s)."""
    from .agreement import facts
    from .align import align
    from .conflicts import conflicts, updates
    from .entities import EntityIndex
    from .onlyhere import only_here
    from .paraphrase import join_paraphrases
    from .quotes import quotes
    from .timeline import timeline

    index = EntityIndex(cluster, recognizer or default_recognizer(), progress=progress)
    groups = join_paraphrases(cluster, align(cluster), index)
    events = timeline(cluster, groups)
    notes = []
    if len(cluster.kept_ids) < 2:
        notes.append(SINGLE_SOURCE_NOTE)
    undated = [k for k, a in enumerate(cluster.articles, 1) if not a.date]
    if any(e.date is None for e in events) and undated:
        notes.append(undated_note(undated, len(cluster.articles)))
    notes += article_notes(cluster)  # an outlet's printed correction is news about the story's disagreements too
    said = quotes(cluster, index)
    return Analysis(
        articles=cluster.articles,
        facts=facts(cluster, groups, quotes=said, index=index),
        conflicts=conflicts(cluster, groups, index),
        quotes=said,
        entities=index.entities(),
        timeline=events,
        only_here=only_here(cluster),
        notes=tuple(notes),
        updates=updates(cluster, groups, index),
    )


def undated_note(undated: list[int], n_articles: int) -> str:
    """The note for articles without a date, by their numbers (from 1) when some others have one."""
    if len(undated) == n_articles:
        return UNDATED_NOTE
    which = ", ".join(f"[{k}]" for k in undated)
    return (f"no publication date given for {which}: relative dates (Monday, last year) in "
            f"{'it' if len(undated) == 1 else 'them'} are left unresolved")


def with_date_hint(analysis: Analysis, hint: str) -> Analysis:
    """The analysis with ``hint`` (how the caller's shell gives a date) after its undated-article note."""
    hinted = tuple(n + hint if n.startswith(_UNDATED_START) else n for n in analysis.notes)
    return analysis if hinted == analysis.notes else replace(analysis, notes=hinted)
