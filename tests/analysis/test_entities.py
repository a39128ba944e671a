"""Entities (entities.py): no mention, title or alias is read across a sentence boundary. Fictional text
written for these tests."""

from __future__ import annotations

import pytest

from storyline.analysis import RuleRecognizer, SpacyRecognizer, analyze_cluster
from storyline.api import make_cluster
from storyline.model import Article

ONE = (
    "Schools in Harlow Vale stayed closed until late in the evening. Governor Ruth Okoye said the state would "
    "pay for the repairs.\n\n"
    "The flood barrier failed on Tuesday. Governor Ruth Okoye ordered an inquiry into the barrier."
)
TWO = (
    "The governor, Ruth Okoye, visited the shelters on Wednesday. The governor said the barrier would be rebuilt "
    "before the winter."
)


def _recognizers() -> list:
    out: list = [RuleRecognizer()]
    try:
        import spacy  # noqa: F401

        out.append(SpacyRecognizer())
    except ImportError:
        pass
    return out


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_no_alias_or_title_spans_a_sentence_boundary(recognizer) -> None:
    arts = [Article(id="1", text=ONE, source="Valley Courier", date="2026-04-01"),
            Article(id="2", text=TWO, source="Coast Herald", date="2026-04-01")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    okoye = people["Ruth Okoye"]
    assert okoye.title.lower() == "governor"
    assert "the governor" in [a.lower() for a in okoye.aliases]  # the one governor of the cluster
    for e in an.entities:
        for form in (e.name, e.title, *e.aliases):
            assert ". " not in form, (e.name, form)



@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_a_dateline_in_capitals_is_the_place_the_cluster_names(recognizer) -> None:
    one = ("VARNHOLT — The river Ossel burst its banks on Monday, forcing officials to close the bridge in "
           "Varnholt. Mayor Ingrid Solberg said the town would rebuild.")
    two = "Officials in Varnholt closed the bridge on Monday after the river burst its banks, police said."
    arts = [Article(id="1", text=one, source="Varnholt Courier", date="2024-04-15"),
            Article(id="2", text=two, source="Nordic Wire", date="2024-04-16")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    named = {e.name: e for e in an.entities}
    assert "VARNHOLT" not in named
    town = named["Varnholt"]
    assert town.kind == "place" and "VARNHOLT" in town.aliases and town.articles == ("1", "2")
