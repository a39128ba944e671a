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


def test_an_article_that_gives_another_figure_does_not_support_the_fact() -> None:
    # The first sentences align as one fact, but the depths disagree: that is a disagreement, not agreement.
    one = (
        "Officials said the river peaked at 8.2 metres on Tuesday.\n\n"
        "Emergency crews built a wall of sandbags along the promenade to protect the old market square.\n\n"
        "The bakery on Mill Lane handed out bread to volunteers, its owner said."
    )
    two = (
        "Officials said the river peaked at 9.1 metres on Tuesday.\n\n"
        "Emergency crews built a wall of sandbags along the promenade to protect the old market square.\n\n"
        "About 300 homes were emptied overnight, police said, and the fire brigade used boats to reach residents."
    )
    an = analyze([Article(id="1", text=one, source="Valley Courier", date="2026-04-01"),
                  Article(id="2", text=two, source="Coast Herald", date="2026-04-01")])
    assert [c.slot for c in an.conflicts] == ["metres"]
    assert not [f for f in an.facts if "peaked" in f.text], [f.text for f in an.facts]
    assert [f.text for f in an.facts] == [
        "Emergency crews built a wall of sandbags along the promenade to protect the old market square."
    ]


def test_the_fact_is_shown_as_most_articles_give_it() -> None:
    # Two of three give 8.2 metres: the fact reads 8.2 and is credited to those two only.
    one = "Officials said the river peaked at 8.2 metres on Tuesday after two days of heavy rain."
    two = "The river peaked at 9.1 metres on Tuesday after two days of heavy rain, officials said."
    three = "After two days of heavy rain the river peaked on Tuesday at 8.2 metres, officials said."
    an = analyze([Article(id=str(k), text=t, source=s, date="2026-04-01")
                  for k, (t, s) in enumerate(((one, "A"), (two, "B"), (three, "C")), 1)])
    peaked = [f for f in an.facts if "peaked" in f.text]
    assert len(peaked) == 1
    assert "8.2 metres" in peaked[0].text
    assert peaked[0].articles == ("1", "3") and {s.article for s in peaked[0].spans} == {"1", "3"}


def _bridge(*texts: str):
    return analyze([Article(id=str(k), text=t, source=f"Outlet {k}", date="2025-04-10")
                    for k, t in enumerate(texts, 1)])


def test_the_fact_is_shown_from_an_article_that_gives_it_whole() -> None:
    # Article 1 quotes the statement over two sentences, so its aligned sentence opens a quotation it
    # never closes; article 2 gives the same fact as a whole sentence.
    an = _bridge(
        "Officials of Tellin county said on Tuesday: “The Marrow Bridge across the Tellin river will reopen "
        "to traffic on Monday after three months of repairs. The work cost the county four million crowns.”\n\n"
        "Ferries will stop running once the bridge reopens.",
        "The Marrow Bridge across the Tellin river will reopen to traffic on Monday after three months of "
        "repairs, officials of Tellin county said.\n\n"
        "Shops on the south bank have lost half their trade since the bridge closed in January.",
    )
    bridge = next(f for f in an.facts if "Marrow Bridge" in f.text)
    assert bridge.text.startswith("The Marrow Bridge across") and bridge.articles == ("1", "2")
    assert {s.article for s in bridge.spans} == {"1", "2"}


def test_a_fact_given_only_as_the_tail_of_quotations_shows_the_quotation() -> None:
    an = _bridge(
        "The Marrow Bridge reopened on Monday.\n\n"
        "Engineer Pavel Ostrow said: “Our crews worked through the night for three weeks. The Marrow Bridge "
        "over the Tellin is safe for heavy lorries again.”",
        "Traffic crossed the Marrow Bridge on Monday for the first time since January.\n\n"
        "“Every cable and every bolt was tested twice. The Marrow Bridge over the Tellin is safe for heavy "
        "lorries again,” said Pavel Ostrow, the county engineer.",
    )
    lorries = [f for f in an.facts if "heavy lorries" in f.text]
    assert len(lorries) == 1, [f.text for f in an.facts]
    fact = lorries[0]
    assert fact.text in (
        "Engineer Pavel Ostrow said: “Our crews worked through the night for three weeks. The Marrow Bridge "
        "over the Tellin is safe for heavy lorries again.”",
        "“Every cable and every bolt was tested twice. The Marrow Bridge over the Tellin is safe for heavy "
        "lorries again,” said Pavel Ostrow, the county engineer.",
    )
    shown = next(a for a in ("1", "2") if fact.text.split(". ")[0] in an.article(a).text)
    evidence = [an.article(s.article).text[s.start : s.end] for s in fact.spans if s.article == shown]
    assert " ".join(evidence) == fact.text  # every sentence shown is cited


def test_the_tail_of_a_long_quotation_heads_no_fact() -> None:
    an = _bridge(
        "Engineer Pavel Ostrow spoke on Monday. “Our crews worked through the night. They slept in tents. "
        "They ate on the deck. The Marrow Bridge over the Tellin is safe for heavy lorries again.”",
        "Pavel Ostrow was proud. “Every cable was tested. Every bolt was tested twice. Nothing was left to "
        "chance. The Marrow Bridge over the Tellin is safe for heavy lorries again.”",
    )
    assert not [f.text for f in an.facts if "heavy lorries" in f.text]


def test_a_sentence_the_page_cut_mid_phrase_is_no_fact() -> None:
    # Article 1's page lost a link: "founder of the online" runs into the next sentence, and the segmenter ends the
    # piece there. Its words are all in article 2's sentence, which it aligns with, but it reports nothing of it.
    an = _bridge(
        "The old ferry Saint Ives was sold for scrap on Monday after sixty years on the Port Adra crossing.\n\n"
        "Its owners said repairs would cost more than a new ship. Ines Marlow, founder of the online What the crew "
        "will do now is not clear. The ferry was built in 1961 in Glasgow.",
        "The ferry Saint Ives, which served the Port Adra crossing for sixty years, was sold for scrap on Monday.\n\n"
        "It carried four million passengers, says Ines Marlow, founder of the online Museum of Coastal Shipping.\n\n"
        "The ferry was built in Glasgow in 1961.",
    )
    texts = [f.text for f in an.facts]
    assert not [t for t in texts if "Marlow" in t], texts
    assert len(texts) == 2, texts  # the sale and the year it was built


def test_a_story_cut_short_still_reports_its_last_fact_but_a_whole_sentence_shows_it() -> None:
    # Article 1 was truncated mid-sentence, as a dataset cuts a story (Multi-News, one paragraph): its last sentence
    # still tells the fact, so it is counted, but the fact is shown from article 2's whole sentence.
    an = _bridge(
        "The old ferry Saint Ives was sold for scrap on Monday after sixty years on the Port Adra crossing. "
        "Its owners said repairs would cost more than a new ship. Tessaline Shipping bought the vessel from a Glasgow "
        "yard for two million crowns in 1994, when the",
        "The ferry Saint Ives, which served the Port Adra crossing for sixty years, was sold for scrap on Monday.\n\n"
        "Tessaline Shipping bought the vessel from a Glasgow yard for two million crowns in 1994, its owners said.",
    )
    fact = next(f for f in an.facts if "Glasgow" in f.text)
    assert fact.text.endswith("its owners said.") and fact.articles == ("1", "2"), an.facts


# One outlet's headline aligns with a second outlet's short report, its lead (which says the headline again
# at length) with a third outlet's lead: one fact, reported by all three.
_HEADLINE = "Harlow Vale board approves Kestrel Hill reservoir.\n\n"
_LEAD = ("The Harlow Vale water board on Tuesday approved a reservoir at Kestrel Hill that will hold four billion "
         "litres, ending a two-year fight over the valley's water supply.")
_SHORT = ("The Harlow Vale board has approved the Kestrel Hill reservoir, officials said.\n\n"
          "Anglers on the river Ash fear for the trout that spawn below the planned dam.")
_LONG = ("On Tuesday the Harlow Vale water board approved a reservoir at Kestrel Hill that will hold four billion "
         "litres, ending a two-year fight over the water supply of the valley.\n\n"
         "Farmers downstream asked the county for a share of the water in dry summers.")


def _valley(*texts: str):
    return analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(texts, 1)])


def test_a_headline_and_its_own_lead_do_not_split_a_fact_in_two() -> None:
    an = _valley(_HEADLINE + _LEAD, _SHORT, _LONG)
    reservoir = [f for f in an.facts if "reservoir" in f.text]
    assert len(reservoir) == 1, [(f.text, f.articles) for f in an.facts]
    fact = reservoir[0]
    assert fact.articles == ("1", "2", "3") and fact.support == 3
    assert fact.text == _LEAD  # the longer whole sentence, of two facts as well supported
    # both sentences of article 1 stay evidence, beside the other outlets'
    cited = [an.article(s.article).text[s.start : s.end] for s in fact.spans]
    assert cited[:2] == [_HEADLINE.strip(), _LEAD] and {s.article for s in fact.spans} == {"1", "2", "3"}


_LONG_HEAD = "The Harlow Vale water board approved a reservoir at Kestrel Hill on Tuesday after a two-year fight."
_SHORT_LEAD = "The Harlow Vale board approved the Kestrel Hill reservoir after a long fight."
_HEARING = "The county will hold a hearing on the dam in May, a spokesman said."


def test_a_headline_longer_than_its_lead_is_one_fact_with_it() -> None:
    # Article 1's headline gives the approval with its day (aligned with article 3), its lead says it again in
    # fewer words (aligned with article 2): the lead is restated by the headline, and the two are one fact.
    two = ("The Harlow Vale board has approved the Kestrel Hill reservoir after a long fight, officials said.\n\n"
           "Anglers on the river Ash fear for the trout that spawn below the planned dam.")
    three = ("On Tuesday the Harlow Vale water board approved a reservoir at Kestrel Hill, ending a two-year fight."
             "\n\nFarmers downstream asked the county for a share of the water in dry summers.")
    an = _valley(f"{_LONG_HEAD}\n\n{_SHORT_LEAD}\n\n{_HEARING}", two, three)
    reservoir = [f for f in an.facts if "reservoir" in f.text]
    assert [(f.articles, f.text) for f in reservoir] == [(("1", "2", "3"), _LONG_HEAD)]
    # only the sentence right below the headline is so joined: the same line further down stays apart
    later = _valley(f"{_LONG_HEAD}\n\n{_HEARING}\n\n{_SHORT_LEAD}", two, three)
    assert len([f for f in later.facts if "reservoir" in f.text]) == 2


def test_a_headline_with_a_clause_its_lead_lacks_keeps_that_fact() -> None:
    # The headline adds the farmers' share, which article 2 reports: joined to the lead's approval, that fact
    # would be lost in it.
    head = "Kestrel Hill reservoir approved, downstream farmers to get a share of its water in dry summers."
    one = f"{head}\n\nThe Harlow Vale board approved the Kestrel Hill reservoir on Tuesday.\n\n{_HEARING}"
    two = ("The Harlow Vale board has approved the Kestrel Hill reservoir, officials said.\n\n"
           "Farmers downstream will get a share of the water in dry summers, the board said.")
    three = ("On Tuesday the Harlow Vale board approved the reservoir at Kestrel Hill.\n\n"
             "Anglers on the river Ash fear for the trout that spawn below the planned dam.")
    an = _valley(one, two, three)
    assert (("1", "2"), head) in [(f.articles, f.text) for f in an.facts]


def test_an_article_that_disputes_the_lead_is_not_credited_through_the_headline() -> None:
    # Article 4 gives the lead's reservoir as three billion litres: it disputes that fact, so joining the
    # headline's fact to it must not credit article 4.
    four = ("A reservoir at Kestrel Hill holding three billion litres was approved by the Harlow Vale water board "
            "on Tuesday, ending a two-year fight over the valley's water supply.\n\n"
            "The county's planning office will publish the tender for the dam in the autumn, a spokesman said.")
    an = _valley(_HEADLINE + _LEAD, _SHORT, _LONG, four)
    reservoir = [f for f in an.facts if "reservoir" in f.text]
    assert [f.articles for f in reservoir] == [("1", "2", "3")], [(f.text, f.articles) for f in an.facts]
    assert "4" not in {s.article for s in reservoir[0].spans}


def test_a_later_sentence_a_longer_one_holds_half_of_stays_a_fact_of_its_own() -> None:
    # Only a headline (an article's first sentence) is joined to the fact its lead gives: in article 1 the
    # engineer's line shares half its terms with the longer cost sentence, yet says something else.
    one = (_HEADLINE + _LEAD + "\n\n"
           "The dam will be built by Carrow Engineering and will cost forty million crowns, the board said.\n\n"
           "Carrow Engineering built the Ash dam in 1998.")
    two = (_SHORT + "\n\nThe dam will be built by Carrow Engineering and will cost the county forty million "
           "crowns, according to the board.")
    three = _LONG + "\n\nCarrow Engineering, which built the Ash dam in 1998, will build this one too."
    an = _valley(one, two, three)
    assert any(f.articles == ("1", "3") and "1998" in f.text for f in an.facts), [(f.text, f.articles)
                                                                                  for f in an.facts]
