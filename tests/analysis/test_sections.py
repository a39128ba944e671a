"""Agreement, disagreement, quotes, people, timeline and only-here on a self-written cluster."""

from __future__ import annotations

import pytest
from analysis_fixtures import articles

from storyline import analyze
from storyline.analysis import RuleRecognizer, analyze_cluster
from storyline.api import make_cluster


@pytest.fixture(scope="module")
def an():
    return analyze(articles())


def test_every_span_is_evidence_from_its_article(an) -> None:
    items = [*an.facts, *an.quotes, *an.entities, *an.timeline, *an.conflicts]
    for item in items:
        for s in item.spans:
            assert 0 <= s.start < s.end <= len(an.article(s.article).text)
    for q in an.quotes:
        assert q.text.split(" … ")[0] in an.article(q.spans[0].article).text


def test_agreement_ranks_the_fact_all_three_report_first(an) -> None:
    top = an.facts[0]
    assert top.support == 3 and top.total == 3
    assert [f.support for f in an.facts] == sorted((f.support for f in an.facts), reverse=True)


def test_agreement_does_not_count_the_article_that_gives_another_figure(an) -> None:
    # All three report the warehouse fire, but article 2 says 19 injured where 1 and 3 say 14.
    fire = next(f for f in an.facts if "warehouse" in f.text)
    assert "14 people" in fire.text
    assert fire.articles == ("1", "3") and {s.article for s in fire.spans} == {"1", "3"}


def test_conflicting_count_reported_and_equivalent_amounts_are_not(an) -> None:
    counts = [c for c in an.conflicts if c.kind == "count"]
    assert len(counts) == 1
    by_value = {v.normalized: set(v.articles) for v in counts[0].values}
    assert by_value == {"14": {"1", "3"}, "19": {"2"}}
    assert "cannot both be right" in counts[0].reason
    assert not [c for c in an.conflicts if c.kind == "amount"]  # $20 million ~ about $20 million ~ millions


def test_quotes_speakers_forms_and_merging(an) -> None:
    by_text = {q.text.split(" … ")[0]: q for q in an.quotes}
    shared = by_text["We are doing everything we can to find out what went wrong"]
    assert shared.speaker == "Ana Marlow" and shared.articles == ("1", "2")
    assert "Nobody should have to live through this twice" in shared.text  # split quote joined
    assert by_text["I heard a bang and then the whole street went dark."].speaker == "Tomas Quint"  # said-before
    assert by_text["They were brave beyond words"].speaker == "Ana Marlow"  # pronoun
    assert by_text["a disaster waiting to happen."].speaker is None  # unattributed


def test_people_are_merged_by_surname_and_title(an) -> None:
    marlow = [e for e in an.people if "Marlow" in e.name]
    assert len(marlow) == 1
    assert marlow[0].name == "Ana Marlow" and marlow[0].articles == ("1", "2", "3")
    assert "Marlow" in marlow[0].aliases
    assert any(p.phrase.startswith("said") or p.phrase.startswith("told") for p in marlow[0].actions)


def test_timeline_resolves_against_publication_dates(an) -> None:
    dates = {(e.phrase, e.date) for e in an.timeline}
    assert ("on Monday", "2024-03-04") in dates
    assert ("two weeks ago", "2024-02-21") in dates
    monday = [e for e in an.timeline if e.date == "2024-03-04"]
    assert len(monday) == 1 and set(monday[0].articles) == {"1", "2", "3"}


def test_undated_articles_keep_relative_dates_unresolved() -> None:
    an = analyze(articles(dated=False))
    assert all(e.date is None for e in an.timeline if "Monday" in e.phrase)
    assert any("publication date" in n for n in an.notes)


def test_only_here_finds_the_single_source_statement(an) -> None:
    texts = [o.text for o in an.only_here]
    assert any("charity appeal" in t for t in texts)
    assert all("warehouse in Lowhaven" not in t for t in texts)


def test_rule_based_fallback_finds_the_same_people() -> None:
    an = analyze_cluster(make_cluster(articles()), recognizer=RuleRecognizer())
    names = {e.name for e in an.people}
    assert {"Ana Marlow", "Tomas Quint"} <= names
    assert not any(n == "Marlow" for n in names)


def test_a_wire_dateline_opens_no_fact_and_no_timeline_event() -> None:
    from storyline.model import Article

    texts = [
        "KELBY, Sept 3 (Morrow Times) - A fire destroyed the old grain store on the Kelby quay on Tuesday night, "
        "the harbour office said.\n\nNobody was hurt, and the night watchman raised the alarm at once.",
        "KELBY, Sept 3 (Coast Wire) – The old grain store on the Kelby quay was destroyed by a fire on Tuesday "
        "night, according to the harbour office.\n\nThe quay will stay closed to boats until the wreck is cleared, "
        "and the ferry to Orn Island will leave from the beach.",
    ]
    an = analyze([Article(id=str(k), text=t, source=f"Outlet {k}", date="2025-09-03") for k, t in enumerate(texts, 1)])
    assert [f.text.split(" ")[:3] for f in an.facts] == [["A", "fire", "destroyed"]]
    assert an.timeline and all("KELBY" not in e.text for e in an.timeline)
