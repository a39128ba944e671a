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
