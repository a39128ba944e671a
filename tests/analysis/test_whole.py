"""Whether a sentence reads whole: quotation marks by their shape, quotations the segmenter cut apart.
Fictional texts written for these tests."""

from __future__ import annotations

import pytest

from storyline.analysis.whole import balanced, is_cut, is_cut_short, is_tail, is_whole, quotation
from storyline.api import make_cluster
from storyline.model import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry left Port Adra at noon.", True),
        ("“The ferry is safe,” the captain said.", True),
        ('"The ferry is safe," the captain said.', True),
        ('“The ferry is safe," the captain said.', True),  # mixed marks, as scraped text has them
        ('She called the plan "a good start" on Monday.', True),
        ("The suspect is 6’2” tall and wore a grey coat.", True),  # inches, not a quotation
        ("“The ferry will sail again on Monday.", False),  # a quotation cut at its first full stop
        ("The crossing takes two hours.”", False),  # the tail of one
        ('The crossing takes two hours."', False),
        ('He said: "The crossing takes two hours.', False),
    ],
)
def test_balanced_reads_marks_by_their_shape(text: str, expected: bool) -> None:
    assert balanced(text) is expected


TEXT = (
    "The ferry to Port Adra sailed again on Tuesday after a month in dock.\n\n"
    "“We checked every weld on the hull. We replaced both engines. The ferry is as good as new,” said "
    "the harbour master, Lena Okafor.\n\n"
    "“Passengers will not notice a thing. The timetable is the same,” she added. “Fares are the same too.”\n\n"
    "“It took a month. It took a lot of work. It took every worker we have. It was worth it.”"
)


@pytest.fixture(scope="module")
def cluster():
    return make_cluster([Article(id="1", text=TEXT, source="Adra Post")])


def _index(cluster, start: str) -> int:
    return next(k for k, s in enumerate(cluster.sentences) if s.text.startswith(start))


def test_sentences_of_a_cut_quotation_are_not_whole_and_its_tail_is_a_tail(cluster) -> None:
    texts = [s.text for s in cluster.sentences]
    assert is_whole(cluster, 0), texts
    first, middle, last = (_index(cluster, w) for w in ("“We checked", "We replaced", "The ferry is as"))
    assert not is_whole(cluster, first) and not is_tail(cluster, first)
    assert not is_whole(cluster, middle) and is_tail(cluster, middle)  # no mark of its own, yet quoted
    assert not is_whole(cluster, last) and is_tail(cluster, last)


def test_quotation_is_the_sentences_a_cut_quotation_runs_over(cluster) -> None:
    first, last = _index(cluster, "“We checked"), _index(cluster, "The ferry is as")
    whole = tuple(range(first, last + 1))
    assert quotation(cluster, first) == whole
    assert quotation(cluster, last) == whole
    shown = " ".join(cluster.sentences[i].text for i in whole)
    assert balanced(shown) and shown.endswith("Lena Okafor.")


def test_a_quotation_stops_at_its_paragraph_and_at_the_limit(cluster) -> None:
    fares = _index(cluster, "“Fares")
    assert is_whole(cluster, fares)  # the next paragraph's quotation opens afresh
    passengers = _index(cluster, "“Passengers")
    assert quotation(cluster, passengers) == (passengers, passengers + 1)
    assert quotation(cluster, _index(cluster, "It was worth")) is None  # four sentences: too long


def test_a_quotation_too_long_to_read_at_a_glance_is_not_shown_whole() -> None:
    long = " ".join(["the ferry sailed past the harbour wall"] * 6)
    text = f"Okafor said: “On the first day {long}. On the second day {long}.”"
    c = make_cluster([Article(id="1", text=text, source="Adra Post")])
    assert len(c.sentences) == 2
    assert quotation(c, 0) is None and quotation(c, 1) is None


def test_old_wire_marks_balance_like_curly_ones() -> None:
    assert balanced("``The ferry is safe,'' the captain said.")
    assert not balanced("The crossing takes two hours,'' the captain said.")


def test_a_paragraph_break_written_with_spaces_ends_a_quotation() -> None:
    # " \n \n " (a line of spaces) is a paragraph break as "\n\n" is: the mark left open there is not open after it
    assert balanced("Marsh said: \"The gates are open.\n\nThe union did not comment.")
    assert balanced("Marsh said: \"The gates are open. \n \n The union did not comment.")


def test_a_sentence_the_page_cut_mid_phrase_is_cut() -> None:
    # A link dropped in scraping left "founder of the online" run into the next sentence on the same line.
    cluster = make_cluster([Article(id="1", text=(
        "Ferry Saint Ives sold for scrap\n\n"
        "Its owners said repairs would cost more than a new ship. Ines Marlow, founder of the online What the crew "
        "will do now is not clear.\n\n"
        "Sub-heading of its own\n\n"
        "Its last crossing is set for Saturday. pa/kd\n\n"
        "The ferry was built in 1961, the year the crossing opened, and"))])
    texts = [s.text for s in cluster.sentences]
    cut = [s.text for k, s in enumerate(cluster.sentences) if is_cut(cluster, k)]
    short = [s.text for k, s in enumerate(cluster.sentences) if is_cut_short(cluster, k)]
    assert "Ines Marlow, founder of the online" in texts, texts
    assert cut == ["Ines Marlow, founder of the online"], texts
    assert short == ["The ferry was built in 1961, the year the crossing opened, and"], texts
