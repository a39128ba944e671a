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


def test_pieces_cut_a_long_text_at_line_then_sentence_ends_and_join_back_to_it() -> None:
    from storyline.analysis.ner import pieces

    text = "Mayor Edda Lorn spoke.\nThe council met. Engineers left early on Tuesday evening" * 3
    cut = pieces(text, limit=40)
    assert "".join(p for _, p in cut) == text
    assert all(len(p) <= 40 for _, p in cut) and all(text[o : o + len(p)] == p for o, p in cut)
    assert cut[0][1].endswith("\n")  # a line end before a sentence end
    assert pieces("short", limit=40) == [(0, "short")]


def test_an_article_longer_than_spacy_takes_at_once_is_read_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy refuses a text over nlp.max_length (E088); the recogniser reads it in pieces, offsets kept.
    pytest.importorskip("spacy")
    from storyline.analysis import ner

    try:
        rec = ner.SpacyRecognizer()
    except OSError:
        pytest.skip("the spaCy model is not installed")
    line = "Mayor Edda Lorn met engineers in Tessaly on Tuesday, the council said.\n"
    text = line * 40
    monkeypatch.setattr(ner, "PIECE_CHARS", len(line) * 3 + 5)
    monkeypatch.setattr(rec._nlp, "max_length", 400)  # the whole text at once would raise E088
    found = rec.recognize(text)
    assert {text[m.start : m.end] for m in found} >= {"Edda Lorn", "Tessaly"}
    assert all(text[m.start : m.end] == m.text for m in found)
    assert len([m for m in found if m.text == "Tessaly"]) == 40
    acts = rec.actions(text)
    assert acts is not None and max(acts) > len(line) * 30


@pytest.mark.timeout(90)
def test_a_long_run_of_punctuation_does_not_stall_the_recogniser() -> None:
    # spaCy's tokenizer strips affixes one at a time and searches the rest of the word after each: 5,000 opening
    # quotes took 30 s, these 20,000 several minutes. Such a run is given to spaCy as spaces, offsets kept.
    pytest.importorskip("spacy")
    from storyline.analysis.ner import SpacyRecognizer

    try:
        rec = SpacyRecognizer(parse=False)
    except OSError:
        pytest.skip("the spaCy model is not installed")
    text = "Mayor Edda Lorn met engineers in Tessaly on Tuesday. " + "“" * 20_000 + " The council met in Tessaly."
    found = rec.recognize(text)
    assert [m.text for m in found if m.text == "Tessaly"] == ["Tessaly", "Tessaly"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_only_runs_longer_than_any_word_are_blanked_for_spacy() -> None:
    from storyline.analysis.ner import LONGEST_WORD, without_long_words

    word, run = "x" * LONGEST_WORD, "—" * (LONGEST_WORD + 1)
    text = f"A {word} and\u00a0{run}.\nNext https://example.com/{'a' * 80} line."
    blanked = without_long_words(text)
    assert len(blanked) == len(text)
    url = f"https://example.com/{'a' * 80}"
    assert blanked == text.replace(run + ".", " " * (len(run) + 1)).replace(url, " " * len(url))
