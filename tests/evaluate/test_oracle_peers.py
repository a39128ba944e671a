"""The greedy oracle and the sumy peers on a toy cluster written for these tests."""

from __future__ import annotations

import pytest
from support import HARBOR

from storyline import methods
from storyline.evaluate.oracle import greedy_oracle
from storyline.evaluate.peers import SUMY_PEERS, StorylineTokenizer, budget_count, sumy_summary
from storyline.evaluate.runner import ORACLE, available, resolve_methods, run_cluster
from storyline.ingest import DocumentSet
from storyline.model import Article

REFERENCE = (
    "Lindenfeld's council voted on Tuesday to close the old harbor to freight ships. "
    "Freight companies must move to the new port by March."
)


def _toy() -> DocumentSet:
    return DocumentSet(
        id="harbor",
        articles=tuple(Article(id=str(i), text=t) for i, t in enumerate(HARBOR, 1)),
        summaries=(REFERENCE,),
    )


def test_oracle_picks_the_sentence_that_is_the_reference() -> None:
    sents = ["Dogs bark at night in the old town.", "The cat sat on the mat.", "Birds sing in spring."]
    assert greedy_oracle(sents, ["the cat sat on the mat"], 20) == "The cat sat on the mat."


def test_oracle_stays_within_budget_and_cuts_the_last_sentence() -> None:
    sents = ["The cat sat on the mat all day long.", "Dogs bark."]
    out = greedy_oracle(sents, ["the cat sat on the mat"], 6)
    assert out == "The cat sat on the mat"


def test_oracle_beats_every_method_on_a_toy_cluster() -> None:
    run = run_cluster(_toy(), available(), 30)
    best = run.scores[ORACLE]["rouge1"] + run.scores[ORACLE]["rouge2"]
    for name, s in run.scores.items():
        assert best >= s["rouge1"] + s["rouge2"] - 1e-9, name
    assert set(run.seconds) == set(available())


def test_tokenizer_for_sumy_uses_storyline_segmenter() -> None:
    tok = StorylineTokenizer()
    assert tok.to_sentences("Mr. Kessler spoke. The vote passed.") == ("Mr. Kessler spoke.", "The vote passed.")
    assert tok.to_words("The 7 votes, counted.") == ("the", "votes", "counted")


def test_budget_count_takes_ranked_sentences_until_the_budget() -> None:
    class Info:
        def __init__(self, text: str) -> None:
            self.sentence = text

    ranked = [Info("one two three"), Info("four five"), Info("six")]
    assert len(budget_count(4)(ranked)) == 2
    assert len(budget_count(3)(ranked)) == 1
    assert len(budget_count(100)(ranked)) == 3


@pytest.mark.parametrize("name", list(SUMY_PEERS))
def test_each_sumy_peer_returns_input_sentences_reaching_the_budget(name: str) -> None:
    out = sumy_summary(name, HARBOR, 25)
    assert len(out.split()) >= 25
    joined = " ".join(HARBOR)
    assert all(s in joined for s in StorylineTokenizer().to_sentences(out))


def test_resolve_methods_groups_and_unknown_names() -> None:
    from storyline.errors import OptionsError

    assert resolve_methods("sumy") == list(SUMY_PEERS)
    assert resolve_methods("ours") == methods.names()
    assert resolve_methods("lead, oracle,lead") == ["lead", "oracle"]
    with pytest.raises(OptionsError, match="unknown method 'nope'"):
        resolve_methods("lead,nope")


def test_sumy_lsa_numbers_its_term_rows_in_sorted_order() -> None:
    # sumy numbers LSA's term rows in a frozenset's order, which follows the per-process hash seed (its
    # scores moved by up to 0.5 between runs); the peer sorts them, so every process builds the same matrix.
    from sumy.parsers.plaintext import PlaintextParser

    from storyline.evaluate.peers import _summarizer

    document = PlaintextParser.from_string("\n\n".join(HARBOR), StorylineTokenizer()).document
    rows = _summarizer("sumy-lsa")._create_dictionary(document)
    assert len(rows) > 20
    assert list(rows) == sorted(rows) and list(rows.values()) == list(range(len(rows)))
