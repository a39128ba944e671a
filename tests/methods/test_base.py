"""The rules every selection method shares (``methods/base.py``): openers that lean on an earlier sentence,
and the sentences that are never candidates (texts written for these tests)."""

from __future__ import annotations

import pytest

from storyline.methods.base import candidate, dangling, headline, refers_back
from storyline.model import Sentence


def sent(text: str) -> Sentence:
    return Sentence(article="a", index=1, start=0, end=len(text), text=text)


def test_dangling_covers_openers_and_bare_quotes():
    assert dangling(sent("He said the plan would work."))
    assert dangling(sent("“However, there is much more work to be done.”"))
    assert dangling(sent("Other officials have called for talks as well."))  # other than whom?
    assert dangling(sent("Another 20 people were hurt."))
    assert not dangling(sent("“We will win,” the mayor said on Tuesday."))
    assert not dangling(sent("The mayor said the plan would work."))


def test_refers_back_adds_definite_role_nouns_and_list_items_to_dangling_openers() -> None:
    for text in ("The company said no fuel had spilled.", "“The agency will review it,” she said.", "He left.",
                 "_People ages 40 to 75 with diabetes.", "• Schools closed.", "- Roads shut.",
                 "The same can't be said for the port."):
        assert refers_back(sent(text))
    assert not dangling(sent("The company said no fuel had spilled."))  # the scorer's feature is unchanged
    for text in ("The Coast Guard opened an investigation.", "The companys' shares fell.", "Tessaline said so.",
                 "-5 degrees was the low."):
        assert not refers_back(sent(text))


def test_a_quotation_credited_to_a_definite_role_noun_refers_back() -> None:
    for text in ("“The bridge will reopen in May,” the statement noted.", '"We are ready," the agency said on Friday.',
                 "“Costs have doubled,” the minister also told reporters.",
                 "“Costs have doubled,” the minister warned.", "“Not again,” the minister quipped."):
        assert refers_back(sent(text))
    # a named speaker, or a pronoun (measured: holding those back cost dev_original 0.2 R1 / 0.35 R2), stands
    for text in ("“The bridge will reopen in May,” Mayor Okafor said.", "“We are ready,” said Okafor.",
                 "“We are ready,” she said.", "Officials noted that “costs have doubled” since May."):
        assert not refers_back(sent(text))


def test_a_pronoun_after_an_opening_phrase_refers_back() -> None:
    for text in ("In the mausoleum, both his grandfather and his father lie in state.",
                 "On Monday, they voted to close the harbor.", "After the storm, her office reopened.",
                 "When the fog rolls in over the bay, the towers live up to the name.",
                 "The latter was never inspected."):
        assert refers_back(sent(text)), text
        assert not dangling(sent(text))  # the scorer's feature is unchanged
    # the phrase names whom the pronoun stands for, or "the name" is given
    for text in ("When Okafor arrived at the quay, she ordered it closed.",
                 "After the mayor spoke, he left the hall.", "In Port Avery, they voted to close the harbor.",
                 "The name of the ship was never released.", "Storm winds, he said, toppled the crane.",
                 "The pope called for peace throughout the former Yugoslavia.",
                 "“In the end, they will rebuild,” Okafor said."):
        assert not refers_back(sent(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbor Bridge Stays Closed As Engineers Inspect The Damaged Pier.", True),
        ("Port Alder Mayor Is Running For Governor In 2027.", True),
        ("Helen Okafor of Port Alder has closed the Harbor Bridge to traffic.", False),  # names, not a headline
        ("The mayor said the bridge would stay closed until the pier was checked.", False),
    ],
)
def test_title_case_headlines_are_not_candidates(text: str, expected: bool) -> None:
    assert headline(text) is expected
    assert candidate(text, len(text.split())) is not expected
