"""Page parts written in sentences (storyline.pageparts), on text written for these tests."""

from storyline.clean import clean_text
from storyline.pageparts import is_page_part

_STORY = "The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships, officials said."


def _body(*paragraphs: str) -> str:
    return clean_text("\n\n".join(paragraphs), want_title=False).text


def test_story_highlights_block_above_the_story_is_dropped() -> None:
    # The label runs into the first point; a point ending in "says" is joined to the next one.
    block = [
        'Story highlights Mayor: the harbor is "not safe for freight, not this year"',
        "Fishermen say the vote came as a surprise, their union says",
        "Ships will dock at Eastport from March",
        'Harbor master calls the decision "final"',  # a point closed by a quote looks like a sentence
    ]
    assert _body(*block, _STORY) == _STORY
    # only the lines right below the label are its points
    quoted = 'The mayor called the decision "final"'
    assert _body(block[0], _STORY, quoted) == f"{_STORY}\n\n{quoted}"
    assert is_page_part("Story highlights Ferry crews stop work, the harbor master says")


def test_highlights_in_processed_text_and_reporting_about_highlights_stay() -> None:
    # The processed release runs the lower-cased points into the story's first paragraph: that line stays.
    processed = f"Story highlights the harbor closes to freight ships {_STORY}"
    assert _body(processed) == processed
    prose = "Story highlights of the season included the harbor regatta, the council said."
    assert _body(prose) == prose
