"""The real example cluster in ../shared (skipped when absent): people, the shared quote, the Monday."""

from __future__ import annotations

import pytest
from support import EXAMPLE, needs_shared

from storyline import analyze, summarize, summarize_with_analysis


@pytest.fixture(scope="module")
def an():
    if not EXAMPLE.is_dir():
        pytest.skip("../shared/examples is not present")
    return analyze(sorted(EXAMPLE.glob("*.txt")), date="2018-12-03")


@needs_shared
def test_people_each_once(an) -> None:
    names = [e.name for e in an.people]
    for full in ("Donald Trump", "Imran Khan", "Fawad Chaudhry", "Zalmay Khalilzad"):
        assert names.count(full) == 1
        surname = full.split()[-1]
        assert surname not in names, f"{surname} split from {full}"


@needs_shared
def test_facilitation_quote_is_one_quote_for_every_article(an) -> None:
    carrying = {a.id for a in an.articles if "facilitation role in good faith" in a.text}
    hits = [q for q in an.quotes if "facilitation role in good faith" in q.text]
    assert len(hits) == 1
    assert set(hits[0].articles) == carrying and len(carrying) >= 2


@needs_shared
def test_letter_dated_to_the_monday(an) -> None:
    letter = [e for e in an.timeline if "letter" in e.text and "Monday" in e.phrase]
    assert letter and all(e.date == "2018-12-03" for e in letter)


@needs_shared
def test_no_conflict_for_mere_precision(an) -> None:
    for c in an.conflicts:
        texts = {v.text for v in c.values}
        assert not (any("billion" in t for t in texts) and any("trillion" in t for t in texts))
    assert all(c.kind not in ("amount", "count") for c in an.conflicts)


@needs_shared
def test_one_quoted_statement_is_one_agreement_item(an) -> None:
    # The Foreign Ministry's statement, quoted sentence by sentence by two outlets, is one fact.
    phrases = ("war had cost both", "facilitation role in good faith", "shared responsibility", "renew partnership")
    hits = [f for f in an.facts
            if any(p in an.article(s.article).text[s.start : s.end] for s in f.spans for p in phrases)]
    assert len(hits) == 1


@needs_shared
def test_the_letter_told_in_other_words_is_one_agreement_item(an) -> None:
    # "in a letter sent to the Pakistani prime minister on Monday, urged the country to assist" and "said Monday
    # that he had received a letter from President Donald Trump, asking for his government's help": one fact.
    hits = [f for f in an.facts if "urged the country to assist" in f.text]
    assert len(hits) == 1
    cited = " ".join(an.article(s.article).text[s.start : s.end] for s in hits[0].spans)
    assert "had received a letter from President Donald Trump" in cited
    assert hits[0].support >= 2


@needs_shared
def test_the_analysis_adds_a_source_to_the_letters_lead_sentence_as_the_docs_say() -> None:
    # docs/usage.md and docs/python.md: "the letter's lead sentence reads [2][1] with the analysis, [2] without it;
    # the sentences chosen are the same" (python.md had kept [1][2] / [1] from before the summary's lead changed)
    files = sorted(EXAMPLE.glob("*.txt"))
    plain = summarize(files, words=150)
    shown = summarize_with_analysis(files, 150, "default").summary
    assert [s.text for s in shown.sentences] == [s.text for s in plain.sentences]
    lead, lead_plain = shown.sentences[0], plain.sentences[0]
    assert "received a letter from President Donald Trump" in lead.text
    assert (lead_plain.sources, lead_plain.corroborated_by) == (("2",), ())
    assert (lead.sources, lead.corroborated_by) == (("2",), ("1",))
