"""Reading quotation marks (quotemarks): where a quotation is open."""

from __future__ import annotations

from storyline.model import Sentence
from storyline.quotemarks import ends_inside, opens_inside, scan

TEXT = 'He said: "We stay. We build." Then he left. “It is old.\n\n“It will go,” she said. Height 6\'2".'


def _sentence(piece: str) -> Sentence:
    at = TEXT.index(piece)
    return Sentence("1", 0, at, at + len(piece), piece)


def test_a_quotation_is_open_inside_its_sentences_and_closed_after():
    first, second, after = _sentence('He said: "We stay.'), _sentence('We build."'), _sentence("Then he left.")
    assert ends_inside(TEXT, first) and opens_inside(TEXT, second)
    assert not ends_inside(TEXT, second) and not opens_inside(TEXT, after)


def test_a_paragraph_break_ends_a_quotation_and_a_measure_closes_nothing():
    left = _sentence("“It is old.")
    assert ends_inside(TEXT, left)  # left open for the next paragraph to reopen
    assert not opens_inside(TEXT, _sentence("“It will go,” she said."))
    assert scan("Height 6'2\".") == (False, 0)


def test_a_spaced_mark_before_a_clause_end_closes_a_quotation():
    # Processed text (Multi-News's lower-cased, tokenised articles) sets every mark apart from its words: the mark
    # after "equivalency" comes after a space, and a space before a word once made it an opening one, so the
    # quotation ran on over the rest of the article. Before a comma or a stop it closes.
    assert scan('bots posted messages to create " false equivalency ", the study found.') == (False, 0)
    assert scan('they called it a " wedge issue ". it was not.') == (False, 0)
    assert scan('he said " we will see ". then " we will go ", she said.') == (False, 0)
    # an opening quotation may start with an ellipsis: that stop opens it
    assert scan('He said: "...and then we left the harbor.') == (True, 0)


def test_a_mark_that_ends_the_text_closes():
    # '… born and raised. "': a mark with nothing after it quotes nothing; it closes (here nothing: one orphan)
    assert scan('this is the place where i was born and raised. "') == (False, 1)
    assert scan('" this is the place where i was born and raised. "') == (False, 0)


def test_a_mark_glued_between_two_sentences_closes_an_open_quotation_and_else_opens_one():
    # a scraped page that lost the space between its paragraphs: '… he wrote."I am …' opens a quotation, and
    # '… where you shall be."According to …' closes one
    opened = '"Could you make me a reservation?" he wrote."I am anxious to see you.'
    assert scan(opened) == (True, 0)
    closed = 'He wrote: "Send me your address in Alder where you shall be."According to her, they met.'
    assert scan(closed) == (False, 0)
