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


@pytest.fixture(scope="module")
def by_subject():
    """The action phrase of each subject word of a text, keyed by that word."""
    pytest.importorskip("spacy")
    from storyline.analysis.actions import subject_actions
    from storyline.analysis.ner import _spacy_pipeline

    try:
        nlp = _spacy_pipeline(True)
    except OSError:
        pytest.skip("the spaCy model is not installed")

    def run(text: str) -> dict[str, str]:
        doc = nlp(text)
        return {doc.char_span(k, k + 1, alignment_mode="expand").text: p for k, p in subject_actions(doc).items()}
    return run


@pytest.mark.parametrize(("text", "subject"), [
    # a complaint, a contention, a hope, a perception: what someone says or thinks about the subject
    ("Governor Lind complained that Corvel had taken millions of crowns from the fund.", "Corvel"),
    ("The Herald said Ardent contends that Veldmark needs more seats on the council.", "Veldmark"),
    ("An aide told reporters that the ministry was hopeful that Corvel will sign the accord soon.", "Corvel"),
    ("Officials are playing down perceptions that Veldmark is helping Corvel.", "Veldmark"),
    ("Critics pointed to reports that Halvorsen had sold the harbour land for cash.", "Halvorsen"),
    # a condition, a question
    ("An official claimed that if Halvorsen won the vote, the port would close.", "Halvorsen"),
    ("The judge must decide whether it was lawful for Ardent to release the prisoners.", "Ardent"),
    # an advice or a possibility
    ("Ardent and Corvel should explore new ways to work together, the statement said.", "Ardent"),
    ("It is possible that Veldmark may rise in next year's rankings.", "Veldmark"),
    # what "no evidence", "no sign" or "no trace" denies did not happen, or is not known to have
    ("Officials also found no evidence of Halvorsen enduring any illness during his stay in the capital.",
     "Halvorsen"),
    ("Reporters said there was no sign that Mayor Lind had left the city before the storm.", "Lind"),
])
def test_no_action_from_a_claim_a_wish_or_a_condition(by_subject, text: str, subject: str) -> None:
    assert subject not in by_subject(text)


@pytest.mark.parametrize(("text", "subject", "want"), [
    # plain attribution reports a fact: the subject's action stays
    ("Minister Ada Kell said Corvel had sent two ships to the harbour.", "Corvel", "had sent two ships to the harbour"),
    ("Corvel sent two ships to the harbour, the ministry said.", "Corvel", "sent two ships to the harbour"),
    # the one who complains or hopes keeps that action
    ("Governor Lind complained that Corvel had taken millions of crowns.", "Lind", "complained that Corvel had taken"),
    # "could not" is what happened
    ("Halvorsen could not be reached for comment on Monday.", "Halvorsen", "could not be reached for comment"),
    # the one who found no evidence did find that
    ("Officials also found no evidence of Halvorsen enduring any illness.", "Officials", "found no evidence"),
    # "no mention of how X …" says that X did it
    ("The report made no mention of how Halvorsen expanded the powers of the harbour board.", "Halvorsen",
     "expanded the powers of the harbour board"),
])
def test_actions_reported_as_facts_stay(by_subject, text: str, subject: str, want: str) -> None:
    assert by_subject(text)[subject].startswith(want)


def test_a_transcript_label_is_no_subject(by_subject) -> None:
    """An interview's "Name: answer": the name labels the speaker; the answer's verb is not theirs."""
    assert "Halvorsen" not in by_subject("Jerry Halvorsen: Perpetually freeze the ground.")
    got = by_subject("Petra Lindqvist: Red dots mean the ground is sinking.")
    assert "Lindqvist" not in got and got["dots"] == "mean the ground is sinking"
    got = by_subject("Dan Sorensen: Ten years, you've never issued a subpoena before?")
    assert "Sorensen" not in got and got["you"] == "'ve never issued a subpoena before"


@pytest.mark.parametrize(("text", "subject"), [
    ("KESTRA, Valdonia—Harlow Biscuit Co., citing the collapse of the currency, said Tuesday it was closing "
     "its plant.", "Co."),
    ("KESTRA (Wire) - Harlow Biscuit Co on Tuesday said it was closing its plant.", "Co"),
    ("KESTRA, Valdonia — Harlow Mills, the biscuit maker, said on Monday it would close its plant.", "Mills"),
])
def test_a_wire_dateline_is_no_subject(by_subject, text: str, subject: str) -> None:
    # "CARACAS, Venezuela—Kellogg Co., … said Tuesday …": the parse made the dateline's city and country the
    # subject of what the company did
    got = by_subject(text)
    assert "KESTRA" not in got and "Valdonia" not in got, got
    assert got.get(subject, "").startswith("said"), got


@pytest.mark.parametrize(("text", "subject", "want"), [
    # the length limit after a participle: "… terminal starting" had lost what starts
    ("Mayor Ines Okoye said the town would run free shuttle buses from the Eastside terminal starting at 6 a.m. "
     "on Monday, officials said.", "Okoye", "said the town would run free shuttle buses from the Eastside terminal"),
    # the length limit inside a hyphened word: "… and it had re" of "re-opened"
    ("Ada Kell said on Monday that the mill closure was illegal and it had re-opened the plant.", "Kell",
     "said on Monday that the mill closure was illegal"),
])
def test_a_cut_phrase_ends_on_no_broken_word_or_bare_participle(by_subject, text: str, subject: str,
                                                                 want: str) -> None:
    assert by_subject(text)[subject] == want


def test_a_relative_clause_on_its_object_is_no_action(by_subject) -> None:
    # "the divisiveness that the president is setting" gave the president "is setting at the national level"
    got = by_subject("Critics blame the divisiveness that the governor is setting at the national level.")
    assert "governor" not in got, got
    assert "governor" not in by_subject("The plan which the governor announced on Monday will cost millions.")
    # a passive has no object to lose: a "that" the parse hangs on its verb is the conjunction
    got = by_subject("Navy officials said in a news release that Lind was helped to the edge of the pool on Friday.")
    assert got["Lind"].startswith("was helped to the edge of the pool"), got


@pytest.mark.parametrize(("text", "subject", "want"), [
    # the object itself is quoted: the phrase had stopped at the mark, the verb alone ("is seeking")
    ("The ministry said that Ada Kell is seeking Corvel’s “assistance and support in reaching a lasting "
     "settlement of the harbour dispute,” the Herald reported.", "Kell",
     "is seeking Corvel’s “assistance and support in reaching a lasting settlement …”"),
    # a short quoted object is closed at its own mark
    ("Mayor Oskar Lind promised “a full inquiry” into the fire.", "Lind", "promised “a full inquiry”"),
    ('Mayor Oskar Lind promised "a full inquiry" into the fire.', "Lind", 'promised "a full inquiry"'),
])
def test_a_quoted_object_stays_with_its_verb(by_subject, text: str, subject: str, want: str) -> None:
    got = by_subject(text)
    assert got[subject] == want, got


def test_a_quoted_verb_or_a_quoted_modifier_is_no_quoted_object(by_subject) -> None:
    # a straight mark glued to the word before it closes a quotation: the phrase opens none and closes none (it had
    # been 'likes" a loser …"')
    got = by_subject('Nobody "likes" a loser, Mayor Oskar Lind said.')
    assert not any(p.endswith('…"') for p in got.values()), got
    # a quotation that names a modifier of the object ends before the object's head: no quoted object
    got = by_subject("The new film follows the recent “Harbour”-inspired trend of comedies that trade in farce.")
    assert not any(p.endswith("…”") for p in got.values()), got


def test_a_quotation_in_a_clause_after_the_object_is_still_cut(by_subject) -> None:
    got = by_subject("Minister Ada Kell told Vale that relations with Corvel were “very important” to the talks.")
    assert got["Kell"] == "told Vale", got


@pytest.mark.timeout(60)
def test_a_long_paragraph_without_a_full_stop_is_read_in_time(parse) -> None:
    # The parser reads such a paragraph as one deep tree; each subject's phrase read its verb's whole subtree
    # and walked every clause above it, child by child: 8,000 words took 65 s of CPU, these 12,000 minutes.
    # Words written for this test, in a run a careless paste or a crafted page could give.
    words = "people Tuesday police bridge Tuesday report the ship report said "
    text = "Ada Kell said the bridge would stay shut. " + words * 1200
    got = parse(text)
    assert "said the bridge would stay shut" in got and all(len(p.split()) <= MAX_WORDS for p in got)
