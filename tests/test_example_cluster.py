"""The real example cluster in ../shared (skipped when absent): clutter out, everything attributed."""

from __future__ import annotations

from support import needs_shared

import storyline
from storyline.represent import content_terms

CLUTTER = ("Getty Images", "REUTERS/", "Type to search", "Leave a", "Please enter", "Also read",
           "newsletter", "Sign me up", "Tweet with", "September 26, 2023", "Donate", "COMMENTS",
           "email address", "Posted on", "Categorized")


@needs_shared
def test_example_summary_is_clean_and_attributed(example_paths):
    summary = storyline.summarize(example_paths, words=120)
    assert 0 < summary.words <= 120
    for s in summary.sentences:
        for junk in CLUTTER:
            assert junk not in s.text, (junk, s.text)
        assert s.sources and s.sources[0] == s.sentence.article
    # every article body is free of clutter too
    for a in summary.articles:
        for junk in CLUTTER:
            assert junk not in a.text, (a.id, junk)


@needs_shared
def test_foreign_ministry_statement_is_credited_to_every_article_carrying_it(example_paths):
    cluster_articles = storyline.load_articles(example_paths)
    statement = "Pakistan reiterates its commitment to play a facilitation role in good faith"
    carriers = {a.id for a in cluster_articles if statement in a.text}
    assert len(carriers) >= 2
    from storyline.api import make_cluster
    from storyline.attribute import attribute

    cluster = make_cluster(cluster_articles)
    chosen = [s for s in cluster.sentences if statement in s.text]
    for attributed in attribute(cluster, chosen):
        assert carriers <= set(attributed.articles)


@needs_shared
def test_every_sentence_is_credited_to_articles_that_say_the_same(example_paths):
    summary = storyline.summarize(example_paths, words=120)
    for s in summary.sentences:
        mine = set(content_terms(s.text))
        for a in summary.articles:
            for other in a.text.split("\n\n"):
                theirs = set(content_terms(other))
                if len(mine) >= 6 and len(mine & theirs) >= 0.9 * len(mine):
                    assert a.id in s.articles, (s.text, a.id)


@needs_shared
def test_the_statement_quoted_over_two_sentences_is_one_line_with_its_marks_once(example_paths):
    from storyline.render import to_text

    summary = storyline.summarize(example_paths)
    lines = to_text(summary).splitlines()
    joined = [line for line in lines if line.startswith("“Pakistan reiterates its commitment")]
    assert len(joined) == 1
    assert "good faith. Peace and stability in Afghanistan remains a shared responsibility.” [" in joined[0]
    assert joined[0].count("[2]") == 1
    assert not any(line.startswith("Peace and stability") for line in lines)
