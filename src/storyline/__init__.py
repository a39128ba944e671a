"""storyline: sourced summaries of clusters of news articles.

Every summary sentence is a sentence of an input article, located by its character span, with the
articles it comes from and the others that report the same thing.
"""

from __future__ import annotations

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

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "AnalyzedSummary",
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
