"""Regressions for mistakes seen on real news, on self-written text (see quality_fixtures)."""

from __future__ import annotations

import pytest
from quality_fixtures import articles

from storyline import analyze


@pytest.fixture(scope="module")
def an():
    return analyze(articles())


def _quote(an, start: str):
    return next(q for q in an.quotes if q.text.startswith(start))


def _kinds(an) -> dict[str, str]:
    return {e.name: e.kind for e in an.entities}


def test_speaker_before_a_participial_phrase_is_the_subject(an) -> None:
    assert _quote(an, "We will keep the ferry").speaker == "Lena Okoro"


def test_long_name_is_not_cut_short(an) -> None:
    assert _quote(an, "The meeting of the two").speaker == "Shah Mahmood Qureshi"
    people = {e.name: e for e in an.people}
    assert "Shah Mahmood" not in people
    assert "Qureshi" in people["Shah Mahmood Qureshi"].aliases


def test_surname_with_particle_joins_the_full_name(an) -> None:
    people = {e.name: e for e in an.people}
    assert "Bin Rashid" not in people
    assert "Bin Rashid" in people["Khalid bin Rashid"].aliases


def test_outlet_named_like_a_person_is_an_organisation(an) -> None:
    assert _kinds(an).get("Aurora") == "org"


def test_coordinated_names_are_split(an) -> None:
    kinds = _kinds(an)
    assert kinds.get("Transport Ministry") == "org"
    assert not any(" and " in name for name in kinds)


def test_hyphenated_places_and_networks(an) -> None:
    kinds = _kinds(an)
    assert not any("-" in name for name in kinds)
    assert kinds.get("Crimson Network") == "org"
    assert "Victor Hale" in kinds and "Norway Victor Hale" not in kinds


ACTIONS = (
    "Both Norway and Chile were at the talks. As Norway wants, the ferry will run. "
    "Mayor Lena Okoro visited the harbour on Monday, and later she met the ferry crews. "
    "The council said Okoro had approved the budget for the new quay because the old one was failing."
)


@pytest.mark.parametrize("recognizer", ["spacy", "rules"])
def test_actions_are_verb_phrases_of_subjects_cut_at_clause_ends(recognizer) -> None:
    from storyline.analysis import RuleRecognizer, analyze_cluster, default_recognizer
    from storyline.api import make_cluster
    from storyline.model import Article

    rec = RuleRecognizer() if recognizer == "rules" else default_recognizer()
    an = analyze_cluster(make_cluster([Article(id="1", text=ACTIONS, date="2023-10-12")]), recognizer=rec)
    acts = {e.name: [a.phrase for a in e.actions] for e in an.entities}
    assert acts.get("Norway", []) == []  # "were", "wants": a copula and a bare verb are no action
    okoro = acts["Lena Okoro"]
    assert "visited the harbour on Monday" in okoro
    assert any(p.startswith("had approved the budget") and "because" not in p for p in okoro)
    assert all(len(p.split()) >= 2 for p in okoro)


ONLY = [
    "Storm waves damaged the Harbour Board pier in Saltby on Sunday, the Harbour Board said. "
    "Repairs to the Harbour Board pier will take months, engineers said.",
    "The Harbour Board pier in Saltby was damaged by storm waves on Sunday. "
    "Engineers said repairs to the pier will take months. "
    "Volunteers from three nearby villages brought blankets and hot food to the shelter.",
    "Storm waves damaged the pier of the Harbour Board in Saltby on Sunday. "
    "A spokesperson for the Harbour Board declined to say whether insurance would cover the pier repairs.",
]


def test_only_here_counts_figures_in_words_and_news_beside_shared_names() -> None:
    from storyline.model import Article

    an = analyze([Article(id=str(k), text=t, date="2024-01-08") for k, t in enumerate(ONLY, 1)])
    got = {o.article: o.text for o in an.only_here}
    assert "three nearby villages" in got.get("2", "")
    assert "insurance" in got.get("3", "")
    assert "1" not in got  # everything article 1 says, the others say too


def test_pronoun_skips_a_person_in_a_participial_phrase_and_outlets_and_naming_verbs_attribute() -> None:
    from storyline.model import Article

    text = ("Governor Ruth Amsel, meeting cooperative chairman Joss Hale on Monday, said the fund would pay out. "
            "“Nobody will lose a farm over this,” she said. Hale called the promise “a good start.” "
            "Locals called the plan “a long time coming.” "
            "“The contract was cancelled because the costs doubled,” Aurora newspaper reported. "
            "The ministry said that Rossi wanted “a clean break,” Aurora newspaper reported.")
    an = analyze([Article(id="1", text=text, date="2023-09-14")])
    speakers = {q.text.rstrip("."): q.speaker for q in an.quotes}
    assert speakers["Nobody will lose a farm over this"] == "Ruth Amsel"
    assert speakers["a good start"] == "Joss Hale"
    assert speakers["a long time coming"] is None
    assert speakers["The contract was cancelled because the costs doubled"] == "Aurora"
    assert speakers["a clean break"] != "Aurora"  # the outlet relays the ministry's words
