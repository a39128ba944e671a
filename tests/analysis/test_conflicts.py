"""Disagreement on figures written as magnitude words ("hundreds of millions" vs "billions"): reported
only for sentences aligned as the same fact, and only when the ranges do not meet. Fictional text."""

from __future__ import annotations

from storyline import analyze
from storyline.model import Article


def _cluster(figure_one: str, figure_two: str):
    one = ("The Harlow Vale water board approved a new reservoir at Kestrel Hill on Tuesday after two years of "
           f"drought.\n\nThe county said it had spent {figure_one} on water pipes in the valley since the drought "
           "began.\n\nResidents have lived with hosepipe bans since last summer, and two wells ran dry in August.")
    two = ("Farmers in Harlow Vale cheered on Tuesday as the water board approved a reservoir at Kestrel Hill.\n\n"
           f"The county said it had spent {figure_two} on water pipes in the valley since the drought began, a "
           "spokesman confirmed.\n\nSchools in the valley will close early on Friday for a teachers' conference.")
    return analyze([Article(id="1", text=one, source="Valley Courier"),
                    Article(id="2", text=two, source="Coast Herald")])


def test_hundreds_of_millions_against_billions_is_a_conflict() -> None:
    an = _cluster("hundreds of millions of dollars", "billions of dollars")
    amounts = [c for c in an.conflicts if c.kind == "amount"]
    assert len(amounts) == 1
    assert {v.text for v in amounts[0].values} == {"hundreds of millions of dollars", "billions of dollars"}


def test_a_figure_inside_the_range_is_not_a_conflict() -> None:
    an = _cluster("hundreds of millions of dollars", "$400 million")
    assert not [c for c in an.conflicts if c.kind == "amount"]
