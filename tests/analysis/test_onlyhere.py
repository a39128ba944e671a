"""Only here: statements one article makes, shown whole. Fictional articles written for these tests."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.analysis.whole import balanced
from storyline.model import Article

SHARED = (
    "The Kestrel ferry between Port Adra and Vell Island returned to service on Tuesday after a month in dock. "
    "Engineers replaced both of its engines during the repairs."
)
ONE = (
    SHARED + "\n\n"
    "Harbour master Lena Okafor said: “The Kestrel carried 4,000 passengers in its first week back. Bookings "
    "for August are already twice those of last summer.”\n\n"
    "Okafor added: “Crews from Marsh Yard worked nights. They slept aboard. They rebuilt the galley. Fishermen "
    "at Vell brought them breakfast every morning for thirty days.”"
)
TWO = (
    SHARED + "\n\n"
    "A second ferry, the Plover, will join the route in October once its crew has been trained in Norland."
)


@pytest.fixture(scope="module")
def an():
    return analyze([Article(id="1", text=ONE, source="Adra Post"), Article(id="2", text=TWO, source="Vell Times")])


def test_a_cut_quotation_is_one_whole_item(an) -> None:
    mine = [o for o in an.only_here if o.article == "1"]
    passengers = [o for o in mine if "4,000 passengers" in o.text or "twice those" in o.text]
    assert len(passengers) == 1, [o.text for o in mine]
    item = passengers[0]
    assert item.text.startswith("Harbour master") and item.text.endswith("last summer.”")
    assert an.article("1").text[item.span.start : item.span.end] == item.text


def test_a_piece_of_a_long_quotation_is_passed_over(an) -> None:
    assert all(balanced(o.text) for o in an.only_here), [o.text for o in an.only_here]
    assert not [o.text for o in an.only_here if "breakfast" in o.text or "Marsh Yard" in o.text]
    assert any("Plover" in o.text for o in an.only_here)
