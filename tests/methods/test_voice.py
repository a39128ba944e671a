"""Sentences in a voice a summary's reader cannot place (``methods/voice.py``): the writer's first person and an
interview transcript's turns, and the concept-coverage selection that leaves them out (texts written for
these tests)."""

from __future__ import annotations

import numpy as np

from storyline.api import load_articles, make_cluster
from storyline.methods.coverage import CoveragePolicy, coverage_fill
from storyline.methods.voice import first_person, voices
from storyline.represent import vectors


def test_first_person_outside_quotation_marks() -> None:
    for text in ("I base this, today at least, on what happened at the harbor on Thursday.",
                 "The crane, I'm told, was never inspected.", "I've seen the pier, and it will not hold.",
                 "Nobody will lose their job, the mayor said, and I believe her.",
                 "When I reached the quay, the crane had already fallen."):
        assert first_person(text), text
    for text in ("“I was on the pier when it fell,” Okafor said.", '"I was on the pier," said Okafor.',
                 "Okafor said: “My crew is safe.”", "The World War I memorial on the quay was spared.",
                 "Her son told reporters that nobody was hurt.",
                 'He said "I was there and', "Elizabeth I granted the harbor its charter.",
                 "I. M. Pei designed the terminal.", "Traffic on I-95 was backed up for miles after the crash.",
                 "It struck me that nobody had checked the pier."):  # "me", "my": no rule (see voice.py)
        assert not first_person(text), text


def test_first_person_reads_old_wire_marks() -> None:
    assert not first_person("``I was on the pier,'' Okafor said.")
    assert first_person("``It fell,'' Okafor said, and I saw it fall.")


_TRANSCRIPT = (
    "The harbor crane of Port Avery fell in a storm on Tuesday, and the port's engineers are still looking for "
    "the cause.\n\n"
    "Dana Reyes: You closed the harbor for a week. Why?\n\n"
    "Helen Okafor: We had no choice once the crane fell. Nobody could tell us whether the pier would hold.\n\n"
    "Dana Reyes: Who will pay for the repairs?\n\n"
    "Helen Okafor: The port's insurers will pay for most of them. The city will cover the rest from its reserve."
)


def test_an_interviewers_turns_are_unplaced_and_an_answers_later_sentences_follow() -> None:
    cluster = make_cluster(load_articles([_TRANSCRIPT]))
    texts = [s.text for s in cluster.sentences]
    unplaced, follows = voices(cluster)
    flagged = {t for t, u in zip(texts, unplaced, strict=True) if u}
    assert flagged == {t for t in texts if t.startswith(("Dana Reyes:", "Why?"))}
    following = {t for t, f in zip(texts, follows, strict=True) if f}
    assert following == {"Nobody could tell us whether the pier would hold.",
                         "The city will cover the rest from its reserve."}


def test_labels_that_name_no_speaker_make_no_transcript() -> None:
    text = ("Note: The harbor reopens on Monday.\n\nUpdate: Ferries run again.\n\nPhoto: A crane on the quay.\n\n"
            "The port said the crane was checked.")
    cluster = make_cluster(load_articles([text]))
    unplaced, follows = voices(cluster)
    assert not unplaced.any() and not follows.any()


def test_the_selection_takes_no_first_person_sentence_and_no_interviewers_question() -> None:
    column = (
        "I base this, today at least, on what happened to the harbor crane of Port Avery on Tuesday night. "
        "Storm winds toppled the harbor crane of Port Avery on Tuesday night and closed the ferry terminal. "
        "Engineers will inspect the damaged pier of the ferry terminal before it reopens next month."
    )
    cluster = make_cluster(load_articles([column, _TRANSCRIPT]))
    vecs = vectors(cluster)
    sents = list(cluster.sentences)
    # the first-person line and the interviewer's question score highest: only the rule keeps them out
    scores = np.array([5.0 if s.text.startswith(("I base", "Dana Reyes: You")) else 1.0 for s in sents])
    off = coverage_fill(cluster, vecs, scores, 60, CoveragePolicy(voice=False, order="rank"))
    assert any(s.text.startswith("I base") for s in off) and any(s.text.startswith("Dana Reyes:") for s in off)
    chosen = coverage_fill(cluster, vecs, scores, 60, CoveragePolicy(order="rank"))
    assert chosen
    assert not any(s.text.startswith(("I base", "Dana Reyes:", "Why?")) for s in chosen)
    chosen_at = {(s.article, s.index) for s in chosen}
    for s in chosen:  # an answer's second sentence only next to its labelled first
        if s.text.startswith(("Nobody could", "The city will")):
            assert (s.article, s.index - 1) in chosen_at
