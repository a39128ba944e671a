"""Only here: statements one article makes, shown whole. Fictional articles written for these tests."""

from __future__ import annotations

import pytest
from support import DATA, needs_data, outputs_under_hash_seeds

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


@needs_data
def test_only_here_does_not_depend_on_the_hash_seed() -> None:
    """A sentence's score summed the IDF of its own terms in the order of a set, which follows
    PYTHONHASHSEED: the last bit of the sum changed from run to run and near-ties went another way (two
    DUC 2003 and MultiLing clusters picked other sentences in two runs of the same code)."""

    script = (
        "from storyline import api\n"
        "from storyline.analysis.onlyhere import only_here\n"
        "from storyline.evaluate.datasets import load_eval_set\n"
        f"for rel in ('duc2003/task2_clean.jsonl', 'multiling2011_en/test.jsonl'):\n"
        f"    for c in load_eval_set({str(DATA)!r} + '/' + rel).clusters:\n"
        "        cluster = api.make_cluster(api.load_articles(c.articles, strict=False))\n"
        "        print(c.id, [(o.article, o.span.start) for o in only_here(cluster)])\n"
    )
    assert len(outputs_under_hash_seeds(script, ("1", "2", "3", "4"))) == 1


# Three outlets on one event, each a headline over its lead (as NeuS gives them). The third outlet's headline
# says its lead again in fewer words; the second's headline gives a figure its lead does not.
_OUTLETS = (
    "Vell Island ferry back in service after month-long repairs.\n\n"
    "The Kestrel ferry between Port Adra and Vell Island returned to service on Tuesday after a month in dock, "
    "the operator said.",
    "Islanders cheer calmer Kestrel crossing as 4,000 passengers sail in a week.\n\n"
    "Islanders on Vell cheered a calmer crossing on the Kestrel this week, and said the long wait for the "
    "new engines had been worth it.",
    "Harbour master Lena Okafor blames Norland shipyard for ferry delay.\n\n"
    "Harbour master Lena Okafor said the Norland shipyard that rebuilt the ferry's engines had delayed the "
    "repairs by two weeks, and that the island had paid for the delay in lost trade.",
)


def test_a_headline_its_own_lead_says_again_is_not_a_second_item() -> None:
    an = analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(_OUTLETS, 1)])
    third = [o.text for o in an.only_here if o.article == "3"]
    assert third == [_OUTLETS[2].split("\n\n")[1]]


def test_a_lead_its_own_longer_headline_says_again_is_not_a_second_item() -> None:
    # the same rule the other way round: the longer sentence stands for both, whichever comes first
    first, second = _OUTLETS[2].split("\n\n")
    outlets = (*_OUTLETS[:2], f"{second}\n\n{first}")
    an = analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(outlets, 1)])
    assert [o.text for o in an.only_here if o.article == "3"] == [second]


def test_a_headline_with_a_figure_its_lead_lacks_is_kept() -> None:
    an = analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(_OUTLETS, 1)])
    assert any("4,000 passengers" in o.text for o in an.only_here if o.article == "2")


# Written for this test: one wire story run by two outlets word for word, and a third outlet's own report.
_WIRE = (
    "The port of Selmar reopened on Wednesday after a three-day strike by dock workers ended with a pay deal, the "
    "port authority said. About 40 ships had waited offshore during the strike. The union said its members had "
    "accepted a 6 percent rise over two years."
)
_OWN = (
    "Dock workers in Selmar ended their three-day strike on Wednesday, and the port reopened. The port authority "
    "said about 40 ships had waited offshore during the strike."
)


def test_an_item_of_a_wire_story_cites_every_outlet_that_ran_it() -> None:
    # "Only here" is one report, but the two outlets that carry it word for word both print it: cited [1] alone, the
    # item told the reader that the Coast Times never said it.
    from storyline.analysis.render import to_text

    arts = [Article(id="1", text=_WIRE, source="Selmar Herald"), Article(id="2", text=_WIRE, source="Coast Times"),
            Article(id="3", text=_OWN, source="Port Weekly")]
    an = analyze(arts)
    (item,) = [o for o in an.only_here if "6 percent" in o.text]
    assert (item.article, item.articles) == ("1", ("1", "2"))
    assert "accepted a 6 percent rise over two years. [1][2]" in to_text(an)
