"""The verbs of saying: the shape of the lists and the relations between them that their readers rely on."""

import re

import pytest

from storyline.vocabulary import (
    AFTER_QUOTE_ONLY,
    ATTRIBUTION_VERBS,
    DATED_SPEECH,
    OBJECT_VERBS,
    QUOTE_VERBS,
    RELAY_VERBS,
    SAID_FEATURE,
    SAYING,
    SPEAKER_VERBS,
    alternation,
)

LISTS = {
    "SAYING": SAYING, "SAID_FEATURE": SAID_FEATURE, "SPEAKER_VERBS": SPEAKER_VERBS, "OBJECT_VERBS": OBJECT_VERBS,
    "ATTRIBUTION_VERBS": ATTRIBUTION_VERBS, "AFTER_QUOTE_ONLY": AFTER_QUOTE_ONLY, "QUOTE_VERBS": QUOTE_VERBS,
    "RELAY_VERBS": RELAY_VERBS, "DATED_SPEECH": DATED_SPEECH,
}


@pytest.mark.parametrize("name", LISTS)
def test_words_are_lower_case_letters_without_repeats(name):
    words = LISTS[name]
    assert isinstance(words, frozenset | tuple)
    assert len(set(words)) == len(words), name
    for w in words:
        assert re.fullmatch(r"[a-z]+(?: [a-z]+)?", w), (name, w)


def test_word_lists_hold_single_words():
    # segment and ner compare one token at a time, entities and coverage follow the verb with \b
    for words in (SPEAKER_VERBS, ATTRIBUTION_VERBS, DATED_SPEECH):
        assert all(" " not in w for w in words)


def test_the_lists_nest():
    assert SAYING < SPEAKER_VERBS < ATTRIBUTION_VERBS
    assert SPEAKER_VERBS < QUOTE_VERBS
    assert OBJECT_VERBS < SPEAKER_VERBS  # coverage takes them out of the speaker-after-verb pattern
    assert AFTER_QUOTE_ONLY < ATTRIBUTION_VERBS
    assert not AFTER_QUOTE_ONLY & QUOTE_VERBS
    assert ATTRIBUTION_VERBS - AFTER_QUOTE_ONLY < QUOTE_VERBS
    assert RELAY_VERBS < QUOTE_VERBS  # quotes asks whether the verb it found is a relay
    assert DATED_SPEECH < QUOTE_VERBS
    assert "told" in DATED_SPEECH  # dates gives "told" a pattern of its own ("told reporters on Monday")


def test_said_feature_is_the_one_the_shipped_model_was_trained_with():
    assert SAID_FEATURE == ("said", "says", "told", "according to")


def test_alternation_matches_whole_words_longest_first():
    pattern = re.compile(rf"\b(?:{alternation(['say', 'saying', 'according to', 'says'])})\b")
    assert [m.group() for m in pattern.finditer("saying, says, say; according to her")] == [
        "saying", "says", "say", "according to"]
    assert re.fullmatch(alternation(["a.b"]), "a.b") and not re.fullmatch(alternation(["a.b"]), "axb")
    assert alternation(["told", "said"]) == alternation(["said", "told"])  # the same whatever the hash seed
