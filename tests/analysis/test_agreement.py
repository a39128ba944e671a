"""Agreement: a statement quoted over several sentences is one fact; facts more sources report come
first. Fictional articles written for these tests."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.model import Article

ONE = (
    "The Harlow Vale water board approved a new reservoir at Kestrel Hill on Tuesday after two years of drought.\n\n"
    "Residents of Harlow Vale have lived with hosepipe bans since last summer, and two wells ran dry in August.\n\n"
    "The Ministry of Water welcomed the decision in a statement. "
    "“The reservoir will secure water for the whole valley,” the statement said. "
    "“Construction of the dam will begin in the spring.” "
    "“Farmers along the river will be consulted on every stage of the work,” the statement added.\n\n"
    "The board's chair, Rosa Quint, will present the budget to the county council next month."
)
TWO = (
    "On Tuesday the Harlow Vale water board approved a new reservoir at Kestrel Hill after two years of drought.\n\n"
    "“The reservoir will secure water for the whole valley. Construction of the dam will begin in the spring. "
    "Farmers along the river will be consulted on every stage of the work,” said a statement from the Ministry "
    "of Water.\n\n"
    "Schools in the valley will close early on Friday for a teachers' conference, the county said."
)
THREE = (
    "A new reservoir at Kestrel Hill was approved by the Harlow Vale water board on Tuesday after two years of "
    "drought.\n\n"
    "Engineer Tomas Penhale, who designed the dam, said the valley would never run dry again."
)


@pytest.fixture(scope="module")
def an():
    texts = ((ONE, "Valley Courier"), (TWO, "Coast Herald"), (THREE, "Morning Ledger"))
    return analyze([Article(id=str(k), text=t, source=s, date="2025-04-10") for k, (t, s) in enumerate(texts, 1)])


def test_fact_all_sources_report_comes_first(an) -> None:
    assert an.facts[0].support == 3
    assert "reservoir at Kestrel Hill" in an.facts[0].text


def test_statement_quoted_sentence_by_sentence_is_one_fact(an) -> None:
    quoted = [f for f in an.facts if "“" in f.text]
    assert len(quoted) == 1, [f.text for f in an.facts]
    fact = quoted[0]
    assert fact.articles == ("1", "2")
    assert "secure water for the whole valley" in fact.text  # the statement's first sentence
    # Every quoted sentence of the statement is evidence, in each article.
    for aid in ("1", "2"):
        evidence = " ".join(an.article(aid).text[s.start : s.end] for s in fact.spans if s.article == aid)
        assert "secure water" in evidence and "consulted on every stage" in evidence


def test_quotes_of_different_speakers_stay_separate_facts() -> None:
    one = (
        "The Harlow Vale water board approved a new reservoir at Kestrel Hill on Tuesday.\n\n"
        "“The reservoir will secure water for the whole valley for fifty years,” said Rosa Quint, the board's "
        "chair.\n\n"
        "“Every farm along the river will lose some of its grazing land to the new lake,” said Bram Ashdown, "
        "a farmer."
    )
    two = (
        "On Tuesday the water board of Harlow Vale approved a new reservoir at Kestrel Hill.\n\n"
        "“The reservoir will secure water for the whole valley for fifty years,” the board's chair Rosa Quint said.\n\n"
        "Bram Ashdown, a farmer, said: “Every farm along the river will lose some of its grazing land to the new "
        "lake.”"
    )
    an = analyze([Article(id="1", text=one, source="Valley Courier"), Article(id="2", text=two, source="Coast Herald")])
    quoted = [f for f in an.facts if "secure water" in f.text or "grazing land" in f.text]
    assert len(quoted) == 2
