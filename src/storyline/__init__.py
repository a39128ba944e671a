"""storyline: sourced summaries of clusters of news articles.

Every summary sentence is a sentence of an input article, located by its character span, with the
articles it comes from and the others that report the same thing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .analysis.model import Analysis
    from .api import (
        AnalyzedSummary,
        analyze,
        group_stories,
        load_articles,
        sample_paths,
        summarize,
        summarize_with_analysis,
    )
    from .errors import StorylineError
    from .group import Assignment, GroupingOptions, StoryGrouper, group_articles
    from .model import Article, Cluster, Introduction, Sentence, Summary, SummarySentence
    from .options import SummarizeOptions
    from .schema import json_schema

# Where each public name lives. They are imported when first asked for (PEP 562), not by ``import storyline``:
# the command line imports this package before it can catch Ctrl-C, and the library behind these names takes
# half a second or more to load (a traceback for a Ctrl-C in the first second, found by the round-3 audits).
_HOMES = {
    "AnalyzedSummary": "api", "analyze": "api", "group_stories": "api", "load_articles": "api",
    "sample_paths": "api", "summarize": "api", "summarize_with_analysis": "api",
    "StorylineError": "errors",
    "Assignment": "group", "GroupingOptions": "group", "StoryGrouper": "group", "group_articles": "group",
    "Article": "model", "Cluster": "model", "Introduction": "model", "Sentence": "model", "Summary": "model",
    "SummarySentence": "model",
    "SummarizeOptions": "options",
    "json_schema": "schema",
    "Analysis": "analysis.model",
}

__all__ = [
    "analyze",
    "AnalyzedSummary",
    "Analysis",
    "Article",
    "Assignment",
    "group_stories",
    "group_articles",
    "json_schema",
    "GroupingOptions",
    "StoryGrouper",
    "Cluster",
    "Introduction",
    "Sentence",
    "Summary",
    "SummarySentence",
    "SummarizeOptions",
    "StorylineError",
    "load_articles",
    "sample_paths",
    "summarize",
    "summarize_with_analysis",
    "__version__",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first asked for (``storyline.Analysis`` included: the
    analysis package is loaded only then, as a summary needs none of it)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # asked once: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
