"""Restated sentences: a headline whose terms and figures a longer sentence of its own article holds.
Fictional articles written for these tests."""

from __future__ import annotations

import numpy as np

from storyline.analysis.restated import restaters
from storyline.api import make_cluster
from storyline.model import Article
from storyline.represent import vectors

TEXT = (
    "Dunmore council closes Pellow Bridge for repairs.\n\n"
    "The Dunmore council closed the Pellow Bridge over the river Ash on Monday for repairs that will take "
    "three months, sending traffic on a detour through Carrow.\n\n"
    "Shops in Carrow expect more customers while the work goes on.\n\n"
    "Dunmore council closes Pellow Bridge for 9 months, the notice said."
)
OTHER = "Lorry drivers on the Ash valley road were told to plan for a longer route through Carrow this spring."


def _restaters(i: int) -> list[int]:
    cluster = make_cluster([Article(id="1", text=TEXT, source="Ash Echo"), Article(id="2", text=OTHER, source="B")])
    vecs = vectors(cluster)
    n_terms = np.bincount(vecs.cells[0], minlength=len(cluster.sentences))
    mine = [k for k, s in enumerate(cluster.sentences) if s.article == "1"]
    return list(restaters(cluster, vecs.shared_terms(i), n_terms, i, mine))


def test_the_lead_restates_its_headline() -> None:
    # the notice's line holds the headline too: every longer sentence that says it again, in order
    assert _restaters(0) == [1, 3]


def test_a_longer_sentence_restates_nothing_shorter_says_less() -> None:
    assert _restaters(1) == []  # the headline is shorter: it cannot stand for the lead
    assert _restaters(2) == []  # the shops share Carrow with the lead, and little else


def test_a_figure_the_longer_sentence_does_not_give_keeps_a_sentence_its_own() -> None:
    assert _restaters(3) == []  # nine months, where the lead says three
