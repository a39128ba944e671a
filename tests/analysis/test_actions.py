"""What each entity is reported to do ends at a clause or phrase boundary, never mid-phrase
(self-written text)."""

from __future__ import annotations

import pytest

from storyline.analysis.actions import MAX_WORDS, verb_phrase


@pytest.mark.parametrize(("after", "want"), [
    # a quotation mark inside a clause: the broken clause goes, not just its last word
    (" said the president had told Vale that relations with Veld were “vital” to the talks.",
     "said the president had told Vale"),
    # the length limit inside a prepositional phrase: back to before the phrase
    (" has met with Lorn leaders, regional officials and village elders in the hills over the past several months",
     "has met with Lorn leaders"),
    # half of a pair after "between"
    (" said he continued to advocate strong ties between Ardent and Corvel as Veld is important.",
     "said he continued to advocate strong ties"),
    # a participle left without its complement
    (" issued a statement calling on the Lorn to respond favorably hoping to see the whole matter settled soon",
     "issued a statement calling on the Lorn to respond favorably"),
    # a quote after a complete phrase: nothing to cut
    (" urged the country to assist Veld “in achieving a settlement”", "urged the country to assist Veld"),
    (" said that the ministry would send aid to “the worst hit” towns", "said that the ministry would send aid"),
])
def test_rule_phrases_end_cleanly(after: str, want: str) -> None:
    got = verb_phrase(after)
    assert got == want and len(got.split()) <= MAX_WORDS


@pytest.fixture(scope="module")
def parse():
    pytest.importorskip("spacy")
    from storyline.analysis.actions import subject_actions
    from storyline.analysis.ner import _spacy_pipeline

    try:
        nlp = _spacy_pipeline(True)
    except OSError:
        pytest.skip("the spaCy model is not installed")
    return lambda text: set(subject_actions(nlp(text)).values())


def test_parsed_phrases_end_at_a_clause_boundary(parse) -> None:
    got = parse("Mr Lorne said he continued to advocate a strong relationship between Ardent and Corvel as Veld "
                "was an important country of the region.")
    assert "said he continued to advocate a strong relationship between Ardent and Corvel" in got
    got = parse("Minister Ada Kell said the governor had told Vale that relations with Corvel were “very "
                "important” to the peace talks.")
    assert "said the governor had told Vale" in got
    got = parse("Ada Kell has met with Lorn leaders and a variety of regional officials over the past several "
                "months, but there has been no breakthrough.")
    assert "has met with Lorn leaders and a variety of regional officials" in got
    for phrases in (got,):
        assert not any(p.split()[-1] in ("the", "past", "with", "as", "that") for p in phrases)


def test_a_parsed_phrase_stops_at_its_paragraph_end(parse) -> None:
    got = parse("Fire chief Oskar Lind, 58, said the roof collapsed at about 3 a.m.\n\n"
                "Mayor Sanna Berg said the town would rebuild the hall.")
    assert "said the roof collapsed at about 3 a.m." in got
    assert not any("\n" in p or p != p.strip() for p in got), got
