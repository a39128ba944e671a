"""storyline: sourced summaries of clusters of news articles.

Every summary sentence is a sentence of an input article, located by its character span, with the
articles it comes from and the others that report the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from .group import GroupingOptions, StoryGrouper, group_articles
from .model import Article, Cluster, Sentence, Summary, SummarySentence
from .options import SummarizeOptions

if TYPE_CHECKING:
    from .analysis.model import Analysis

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "AnalyzedSummary",
    "Analysis",
    "Article",
    "group_stories",
    "group_articles",
    "GroupingOptions",
    "StoryGrouper",
    "Cluster",
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
    """``storyline.Analysis``, what :func:`analyze` returns, imported when first asked for: the analysis package
    is not loaded by ``import storyline`` (a summary needs none of it)."""
    if name == "Analysis":
        from .analysis.model import Analysis

        return Analysis
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
