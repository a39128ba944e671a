"""The repairs of recognised names (``storyline.analysis.repair``). Fictional text."""

from __future__ import annotations

import pytest

from storyline.analysis.ner import Mention
from storyline.analysis.repair import repair


def _one(text: str, surface: str, kind: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), kind, surface)


@pytest.mark.parametrize(("text", "cut", "kind", "whole"), [
    ("Two crew were taken to Saint Brendan's Hospital.", "Saint Brendan's", "person", "Saint Brendan's Hospital"),
    ("She called the Tessaly County Police Department at noon.", "Tessaly County", "place",
     "Tessaly County Police Department"),
    ("Shares of Orwen Motors Corp. fell.", "Orwen", "org", "Orwen Motors Corp."),
])
def test_a_name_cut_before_an_organisations_head_noun_is_that_organisation(
        text: str, cut: str, kind: str, whole: str) -> None:
    (m,) = repair(text, [_one(text, cut, kind)])
    assert (m.text, m.kind) == (whole, "org")
    assert text[m.start : m.end] == whole


def test_a_name_followed_by_no_head_noun_at_the_runs_end_stays() -> None:
    text = "Hikers crossed Tessaly's Front Range on Monday."
    m = _one(text, "Tessaly", "place")
    assert repair(text, [m]) == [m]


def test_head_words_that_start_the_next_mention_are_left_to_it() -> None:
    text = "The Orwen Hospital Trust said the ward would reopen."
    place, body = _one(text, "Orwen", "place"), _one(text, "Hospital Trust", "org")
    assert repair(text, [place, body]) == [place, body]


@pytest.mark.parametrize(("text", "tagged", "kind", "want"), [
    ("The warehouse fire in Dunmarsh Saturday left the town in shock.", "Dunmarsh Saturday", "place", "Dunmarsh"),
    ("Mayor Ada Lind Monday ordered an inquiry.", "Ada Lind Monday", "person", "Ada Lind"),
    ("Prime Minister Theresa May spoke first.", "Theresa May", "person", "Theresa May"),  # a month may end a name
    ("Police closed Sunday Street.", "Sunday Street", "place", "Sunday Street"),
])
def test_no_name_ends_in_a_weekday(text: str, tagged: str, kind: str, want: str) -> None:
    (m,) = repair(text, [_one(text, tagged, kind)])
    assert m.text == want == text[m.start : m.end]


@pytest.mark.parametrize(("text", "tagged", "name"), [
    ("The site was a cemetery. Said Miller: \"My father said no one should build there.\"", "Said Miller", "Miller"),
    ("Added Tilda Marsh, \"We will not build on it.\"", "Added Tilda Marsh", "Tilda Marsh"),
    ("Said Ouzani, a dock worker, joined the strike.", "Said Ouzani", "Said Ouzani"),  # a name, not a verb
    ("The guard Said Ouzani joined the strike.", "Said Ouzani", "Said Ouzani"),
])
def test_a_verb_of_saying_inverted_before_a_label_s_name_is_no_part_of_it(text: str, tagged: str, name: str) -> None:
    # "Said Miller:" was a person "Said Miller", and the speaker of the quotation after it
    (m,) = repair(text, [_one(text, tagged, "person")])
    assert m.text == name and text[m.start : m.end] == name


@pytest.mark.parametrize(("text", "tagged", "kind", "want"), [
    # a city's state abbreviation at a sentence's end, read into the name that opens the next one
    ("He was carjacked near the stadium in Harlow, D.C. Tomas Veld died later.", "D.C. Tomas Veld", "person",
     [("D.C.", "place"), ("Tomas Veld", "person")]),
    ("The crash closed a road in Corvel, Calif. Ana Ruiz Ortega saw it.", "Calif. Ana Ruiz Ortega", "person",
     [("Calif.", "place"), ("Ana Ruiz Ortega", "person")]),
    ("Officers of the D.C. Metropolitan Police came.", "D.C. Metropolitan Police", "org",
     [("D.C. Metropolitan Police", "org")]),  # a body's name keeps its place
    ("D.C. Veld scored twice.", "D.C. Veld", "person", [("D.C. Veld", "person")]),  # initials, maybe
])
def test_a_place_abbreviation_does_not_start_a_longer_name(
        text: str, tagged: str, kind: str, want: list[tuple[str, str]]) -> None:
    # "D.C. Mohammad Anwar" had made a person of "D.C." (then every "Washington, D.C." of the story was one)
    got = repair(text, [_one(text, tagged, kind)])
    assert [(m.text, m.kind) for m in got] == want
    assert all(text[m.start : m.end] == m.text for m in got)


@pytest.mark.parametrize(("text", "tagged", "kind", "want"), [
    ("Tilda Marsh wrote on Twitter that the port would reopen.", "Twitter", "person", [("Twitter", "org")]),
    ("A video on TikTok showed the gates.", "TikTok", "place", [("TikTok", "org")]),
    ("Many of Tilda Marsh’s Facebook friends left.", "Tilda Marsh’s Facebook", "person",
     [("Tilda Marsh", "person"), ("Facebook", "org")]),
])
def test_a_website_or_an_app_is_no_person(text: str, tagged: str, kind: str, want: list[tuple[str, str]]) -> None:
    # "Twitter" was a person in 30 of the 399 NeuS val and Multi-News dev clusters, "Mitt Romney’s Facebook" one with
    # every "Facebook" of its story
    got = repair(text, [_one(text, tagged, kind)])
    assert [(m.text, m.kind) for m in got] == want
    assert all(text[m.start : m.end] == m.text for m in got)


@pytest.mark.parametrize(("tagged", "kind", "want"), [
    ("Ines Idowu Replay", "person", "Ines Idowu"),
    ("MUST WATCH Tomas Marlow", "person", "Tomas Marlow"),
    ("Tomas Marlow Video", "person", "Tomas Marlow"),
    ("Replay More Videos", "person", None),
    ("Harbour Watch Replay", "org", "Harbour Watch"),  # an organisation's "Watch" is its name's
])
def test_a_video_players_words_are_no_part_of_a_name(tagged: str, kind: str, want: str | None) -> None:
    text = f"JUST WATCHED Strike ends at port {tagged} More Videos ... MUST WATCH Strike ends at port 01:12"
    got = repair(text, [_one(text, tagged, kind)])
    assert [(m.text, text[m.start : m.end]) for m in got] == ([(want, want)] if want else [])
