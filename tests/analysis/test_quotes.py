"""Quotes whose speaker is named in the same sentence with no "said" next to the quote (self-written text)."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.analysis.quotes import is_title
from storyline.model import Article

A = (
    "Harbour Minister Tilda Marsh met the port workers' leader, Oren Falk, on Friday and discussed the "
    "\"need for a fair settlement before the season starts.\"\n\n"
    "The ministry welcomed the union's offer saying that it \"opens a path to reopening the docks within a week.\"\n\n"
    "Marsh also issued a statement calling on both sides to keep talking, hoping that \"cooler heads will "
    "carry the day on the waterfront.\"\n\n"
    "\"We have waited long enough for a decent contract,\" a union official said on Friday.\n\n"
    "The port authority welcomed the talks, saying \"the gates must open again soon.\" "
    "\"Every day the gates stay shut costs the town dearly,\" the official "
    "added."
)
B = (
    "Talks to end the strike at the port of Corvel resumed on Friday, with Tilda Marsh, the harbour minister, "
    "leading them.\n\n"
    "Oren Falk said the workers would not return until the new contract was signed."
)


@pytest.fixture(scope="module")
def by_text():
    an = analyze([Article(id="1", text=A), Article(id="2", text=B)])
    return {q.text.split()[0].strip("“\""): q for q in an.quotes}


def test_coordinated_verb_takes_the_subject_of_the_first_not_its_object(by_text) -> None:
    assert by_text["need"].speaker == "Tilda Marsh"


def test_a_body_named_by_a_common_noun_speaks(by_text) -> None:
    assert by_text["opens"].speaker == "ministry"


def test_hoping_that_attributes_to_the_subject(by_text) -> None:
    assert by_text["cooler"].speaker == "Tilda Marsh"


def test_the_official_continues_the_last_official_quoted(by_text) -> None:
    assert by_text["We"].speaker == "union official"
    assert by_text["the"].speaker == "port authority"
    assert by_text["Every"].speaker == "union official"


def test_a_quotation_over_several_paragraphs_is_one_quote_of_its_speaker() -> None:
    # News leaves each paragraph of a long quotation open and reopens the next; only the last closes.
    text = (
        "The harbour of Corvel reopened on Monday after the strike.\n\n"
        "Harbour Minister Tilda Marsh said: \"The gates are open again and the first ships are unloading.\n\n"
        "\"Every worker will be paid for the days of the strike.\n\n"
        "\"We will meet the union again in the spring to talk about the new contract.\"\n\n"
        "The union did not comment."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    mine = [q for q in an.quotes if "1" in q.articles]
    assert len(mine) == 1, [(q.text, q.speaker) for q in mine]
    q = mine[0]
    assert q.speaker == "Tilda Marsh"
    assert q.text.startswith("The gates are open") and "paid for the days" in q.text
    assert q.text.endswith("the new contract.")
    assert [text[s.start : s.end].split()[0] for s in q.spans] == ["The", "Every", "We"]


def test_an_unclosed_mark_before_a_paragraph_of_prose_quotes_nothing() -> None:
    text = (
        "The harbour of Corvel reopened on Monday after the strike.\n\n"
        "Harbour Minister Tilda Marsh called the deal \"a fair one for the workers of the town.\n\n"
        "The union did not comment on the minister's words on Monday."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    assert not [q for q in an.quotes if "1" in q.articles]


def test_a_show_or_a_slogan_in_quotation_marks_is_no_quote() -> None:
    text = (
        "Harbour Minister Tilda Marsh told “Morning Tide” on Sunday that the strike at Corvel was over.\n\n"
        "Her party's old slogan, “Open Gates for Corvel,” was painted on the dock wall.\n\n"
        "“Every worker will be paid for the days of the strike,” Marsh said."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    assert [(q.text, q.speaker) for q in an.quotes if "1" in q.articles] == [
        ("Every worker will be paid for the days of the strike", "Tilda Marsh")
    ]


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [("Face the Nation", True), ("Meet the Press.", True), ("60 Minutes", True), ("NO SURRENDER", True),
     ("utterly avoidable", False), ("Thank you", False), ("Bluff or mistake?", False), ("Corvel", False),
     ("Open Every Gate In The Whole Town", False)],
)
def test_is_title(quoted: str, expected: bool) -> None:
    assert is_title(quoted) is expected


def test_old_wire_marks_quote_like_curly_ones() -> None:
    text = (
        "The harbour of Corvel reopened on Monday after a three-week strike.\n\n"
        "``Every worker will be paid for the days of the strike,'' Harbour Minister Tilda Marsh said. "
        "``The gates are open again.''"
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    mine = [q for q in an.quotes if "1" in q.articles]
    assert [(q.text, q.speaker) for q in mine] == [
        ("Every worker will be paid for the days of the strike", "Tilda Marsh"),
        ("The gates are open again.", "Tilda Marsh"),
    ]
    assert [text[s.start : s.end] for q in mine for s in q.spans] == [q.text for q in mine]


def test_words_around_a_speaker_are_not_the_speaker() -> None:
    intro = "Harbour Minister Tilda Marsh visited the flooded quay in Corvel on Monday.\n\n"
    texts = [
        intro + "\"The water came up faster than anyone expected,\" she also said.",
        "Storms flooded the quay in Corvel on Monday.\n\n\"Corvel stands with every family that lost a boat,\" "
        "the president offered his thoughts and prayers.",
        "Storms flooded the quay in Corvel on Monday.\n\n\"Repairs to the quay will begin within a month,\" "
        "a senior port official briefed on the plans said.",
    ]
    an = analyze([Article(id=str(k), text=t) for k, t in enumerate(texts, 1)])
    speaker = {q.text.split()[1]: q.speaker for q in an.quotes}
    assert speaker["water"] == "Tilda Marsh"  # "she also" is she: the last person named
    assert speaker["stands"] is None  # a clause is no speaker ("president offered his thoughts and prayers")
    assert speaker["to"] == "senior port official"  # not "senior port official briefed"


def test_a_place_that_says_where_the_speaker_is_from_is_not_the_speaker() -> None:
    text = (
        "A federal judge in Ohio blocked the harbour tax on Friday, ruling that the levy showed \"plain hostility\" "
        "toward fishermen.\n\n"
        "\"There is no good answer here for the harbour board,\" one Ohio Labour organiser said.\n\n"
        "\"The tax will sink the small boats first,\" said Emily Dunmore, a Ohio-based economist.\n\n"
        "The port authority's lawyers disputed a video promoted by Helen Okafor's office, saying it showed nothing "
        "but \"routine cargo checks.\"\n\n"
        "Ohio said in a statement that \"the harbour will stay open.\""
    )
    other = "The harbour tax of Ohio was blocked by a judge on Friday, the port authority said."
    an = analyze([Article(id="1", text=text), Article(id="2", text=other)])
    speakers = {q.text.split()[0].strip("“\""): q.speaker for q in an.quotes}
    assert speakers["plain"] != "Ohio"
    assert speakers["There"] is None  # "one Ohio Labour organiser": no one the reader can name, and not Ohio
    assert speakers["The"] == "Emily Dunmore"  # "said Emily ...": a name, not an adverb ending in -ly
    assert speakers["routine"] != "Helen Okafor"  # the lawyers of the authority speak, not the owner of the office
    assert speakers["the"] == "Ohio"  # a place named as the one who speaks still speaks


def test_a_headline_name_and_colon_attribute_the_quotation_to_that_person() -> None:
    # 'Okoye: "We will not back down"' as an article's first line had been unattributed
    first = (
        "Okoye: \"We will not back down on the river tolls\"\n\n"
        "Governor Ruth Okoye of Tessaly told the council on Monday that the tolls would stay.\n\n"
        "Update: \"The council meets again in June,\" a spokesman said."
    )
    second = (
        "The council of Tessaly voted on Monday to keep the river tolls for another year.\n\n"
        "Tessaly: \"Tolls are the only money the town has left\"\n\n"
        "Ruth Okoye said the vote was a relief for the town."
    )
    an = analyze([Article(id="1", text=first), Article(id="2", text=second)])
    by = {q.text.split()[0].strip("“\""): q for q in an.quotes}
    assert by["We"].speaker == "Ruth Okoye"
    # a label that names no person of the cluster leaves the quotation as it was
    assert by["Tolls"].speaker is None
    assert by["The"].speaker == "spokesman"
