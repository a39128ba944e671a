"""Entity recognition (``storyline.analysis.ner``): what the spaCy recogniser keeps. Fictional text."""

from __future__ import annotations

import pytest


def test_a_common_noun_capitalised_at_a_sentence_start_is_no_entity() -> None:
    pytest.importorskip("spacy")
    from storyline.analysis.ner import SpacyRecognizer

    try:
        rec = SpacyRecognizer()
    except OSError:
        pytest.skip("the spaCy model is not installed")
    text = ("About 48,000 vehicles use the bridge on a typical weekday, the transport department said. Commuters "
            "were advised to use the North Ferry. Commuters in Port Alder faced detours of up to an hour.")
    found = {m.text for m in rec.recognize(text)}
    assert "Commuters" not in found and "Port Alder" in found


def test_the_recogniser_without_the_parser_reads_a_one_word_entity() -> None:
    # parse=False (the NER alone) has no sentence starts; asking one of a one-word entity raised ValueError.
    pytest.importorskip("spacy")
    from storyline.analysis.ner import SpacyRecognizer

    try:
        rec = SpacyRecognizer(parse=False)
    except OSError:
        pytest.skip("the spaCy model is not installed")
    found = rec.recognize("Mayor Edda Lorn met engineers in Tessaly on Tuesday, the council said.")
    assert "Tessaly" in {m.text for m in found} and rec.actions("anything") is None
