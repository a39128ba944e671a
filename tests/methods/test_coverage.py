"""Concept-coverage selection: hand-computed concept weights, the budget, and that a covered concept
stops paying."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.api import load_articles, make_cluster
from storyline.methods.coverage import CoveragePolicy, concepts, coverage_fill
from storyline.represent import vectors

TEXTS = [
    "Storm winds toppled the harbour crane in Port Avery on Tuesday morning. "
    "Dock workers cleared broken glass from the ferry terminal for hours.",
    "The harbour crane in Port Avery fell during storm winds on Tuesday. "
    "Fishing boats stayed tied up along the northern quay all week.",
    "Port Avery lost its harbour crane to storm winds early on Tuesday. "
    "A local bakery handed out free bread to stranded ferry passengers.",
]


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    return make_cluster(load_articles(TEXTS))


def test_concept_weights_are_article_shares(cluster) -> None:  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    matrix, weight = concepts(cluster, vecs, min_articles=2)
    assert matrix.shape == (len(cluster.sentences), weight.size)
    # "harbour crane" is a bigram of the first sentence of all three articles: weight 3/3
    texts = [s.text for s in cluster.sentences]
    first = texts.index(TEXTS[0].split(". ")[0] + ".")
    terms = vecs.terms[first]
    grams = list(zip(terms, terms[1:], strict=False))
    assert ("harbour", "crane") in grams
    row = matrix[first].toarray().ravel()
    assert weight[row > 0].max() == pytest.approx(1.0)
    # a sentence found in one article only carries no weighted concept
    bakery = next(i for i, t in enumerate(texts) if "bakery" in t)
    assert weight[matrix[bakery].toarray().ravel() > 0].sum() == 0.0
    # with min_articles=1 every bigram counts, at 1/3 for one article
    _, all_weights = concepts(cluster, vecs, min_articles=1)
    assert all_weights.min() == pytest.approx(1 / 3)


def test_covered_concepts_stop_paying(cluster) -> None:  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    # coverage alone, no redundancy cap: after one crane sentence, the other two have little left to add,
    # so the second pick is not another crane sentence
    policy = CoveragePolicy(quality=0.0, redundancy=1.0, order="rank")
    chosen = coverage_fill(cluster, vecs, np.zeros(len(cluster.sentences)), 20, policy)
    assert len(chosen) >= 1
    assert "crane" in chosen[0].text
    if len(chosen) > 1:
        assert "crane" not in chosen[1].text


def test_quality_follows_the_scores_when_it_dominates(cluster) -> None:  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    texts = [s.text for s in cluster.sentences]
    scores = np.zeros(len(texts))
    bakery = next(i for i, t in enumerate(texts) if "bakery" in t)
    scores[bakery] = 1.0
    chosen = coverage_fill(cluster, vecs, scores, 15, CoveragePolicy(quality=1000.0, order="rank"))
    assert chosen[0].text == texts[bakery]


@pytest.mark.parametrize("budget", [0, 5, 12, 30, 200])
def test_within_budget_unique_and_from_the_input(cluster, budget: int) -> None:  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    chosen = coverage_fill(cluster, vecs, np.ones(len(cluster.sentences)), budget, CoveragePolicy())
    assert sum(s.words for s in chosen) <= budget
    assert len(set(chosen)) == len(chosen)
    assert all(s in set(cluster.sentences) for s in chosen)


def test_policy_is_validated() -> None:
    with pytest.raises(ValueError):
        CoveragePolicy(quality=-1.0)
    with pytest.raises(ValueError):
        CoveragePolicy(min_articles=0)
    with pytest.raises(ValueError):
        CoveragePolicy(min_words=-1)
    with pytest.raises(ValueError):
        CoveragePolicy(same_speaker_redundancy=1.5)


def test_a_sentence_leaning_on_another_waits_for_it():
    import storyline

    texts = [
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships. "
        "“There is much more work to be done on the waterfront,” the mayor said afterwards. "
        "“However, nobody will lose their job over this decision.”",
        "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic. "
        "However, nobody will lose their job over this decision, the mayor promised. "
        "Shipping firms must move to the new port by March, officials said.",
    ]
    from storyline.methods.base import dangling

    for words in (15, 30, 40, 60):
        summary = storyline.summarize(texts, words=words)
        chosen = {(s.sentence.article, s.sentence.index) for s in summary.sentences}
        for s in summary.sentences:
            if dangling(s.sentence):  # only ever next to the sentence it leans on
                assert (s.sentence.article, s.sentence.index - 1) in chosen, (words, summary.text)


def test_continues_quote_spots_the_second_half_of_a_split_quotation():
    from storyline.methods.coverage import continues_quote

    assert continues_quote("Nobody will lose their job over this.” ")
    assert continues_quote("The harbor stays open.” “We will see,” he said.")
    assert not continues_quote("“We will win,” the mayor said.")
    assert not continues_quote("“Nobody will lose their job over this decision.")  # opens it: it leans on nothing
    assert not continues_quote("The council voted on Tuesday.")
    # straight marks: an odd count ending the sentence closes a quotation opened before it
    assert continues_quote('Let us show them that the harbor can work!"')
    assert not continues_quote('"We will win," the mayor said.')
    assert not continues_quote('He called it "a good day."')
    # one straight mark closing the quotation before the clause that credits it
    assert continues_quote('Safety comes first and the cracks are deep," Mayor Lena Ortiz said on Monday.')
    assert continues_quote('I think that keeping the ferry running matters," he added.')
    assert not continues_quote('It was, she said, a "very good" deal for the harbor.')
    assert not continues_quote('The new 7" screens are brighter, the company said.')
    assert not continues_quote('"Nobody will lose their job."')


def test_a_split_quotation_is_never_ended_alone():
    import storyline

    texts = [
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships after a long debate. "
        "“We have waited for this day for a very long time. Every family on the waterfront will feel the "
        "difference by the summer,” the mayor told reporters.",
        "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic after a debate. "
        "Shipping firms must move their boats to the new deep-water port by March, officials said.",
    ]
    ended = 0
    for words in (20, 35, 50, 80):
        summary = storyline.summarize(texts, words=words)
        places = [(s.sentence.article, s.sentence.index) for s in summary.sentences]
        for k, s in enumerate(summary.sentences):
            if s.text.rstrip().endswith("the mayor told reporters."):
                ended += 1
                # its first half is in, and right before it (runs of one article are read together)
                assert k > 0 and places[k - 1] == (s.sentence.article, s.sentence.index - 1), (words, summary.text)
    assert ended  # the second half is worth choosing once its first half is in


def test_short_sentences_are_not_candidates(cluster):  # type: ignore[no-untyped-def]
    vecs = vectors(cluster)
    scores = np.array([5.0 if s.words < 12 else 0.0 for s in cluster.sentences])  # make the short ones tempting
    texts = [s.text for s in coverage_fill(cluster, vecs, scores, 60, CoveragePolicy(min_words=12))]
    # the few long ones leave the summary far under its budget: short ones come in after them
    assert any(len(t.split()) >= 12 for t in texts) and any(len(t.split()) < 12 for t in texts)
    policy = CoveragePolicy(min_words=12, short_below=0.0)  # never
    texts = [s.text for s in coverage_fill(cluster, vecs, scores, 60, policy)]
    assert texts and all(len(t.split()) >= 12 for t in texts)


def test_speaker_is_the_named_person_next_to_a_speech_verb():
    from storyline.methods.coverage import speaker

    assert speaker("“We will not reopen the bridge,” Mayor Ada Lindqvist told reporters on Monday.") == "lindqvist"
    assert speaker("Ada Lindqvist said on Monday that the bridge would stay shut.") == "lindqvist"
    assert speaker("The bridge stays shut for now, said Ada Lindqvist.") == "lindqvist"
    assert speaker("He said the bridge stays shut.") is None  # a pronoun names nobody
    assert speaker("The mayor said the bridge stays shut.") is None
    assert speaker("The bridge was closed on Monday.") is None
    # the one told is no speaker: not the outlet a pronoun spoke to, not the person a minister told
    assert speaker("“The bridge stays shut,” she told Reuters on Monday.") is None
    assert speaker("The minister told Lindqvist that the bridge would stay shut.") is None


def test_speaker_verbs_are_the_shared_vocabulary():
    from storyline.methods.coverage import speaker

    assert speaker("“The bridge stays shut,” wrote Ada Lindqvist in a letter.") == "lindqvist"
    assert speaker("Ada Lindqvist asked whether the bridge could reopen.") == "lindqvist"
    assert speaker("The minister asked Lindqvist to keep the bridge shut.") is None  # the one asked


def test_a_quotation_and_its_paraphrase_by_one_speaker_are_not_both_chosen():
    import storyline
    from storyline.methods.coverage import speaker

    texts = [
        "A fishing boat hit the Kestrel Bridge in Wendham on Sunday night, and the bridge has been shut since then. "
        "“We will not reopen the bridge until every bolt has been checked,” Mayor Ada Lindqvist told reporters on "
        "Monday. The mayor also said free buses would run across the river from the main station on Wednesday.",
        "The Kestrel Bridge in Wendham has been shut since a fishing boat hit it on Sunday night. Ada Lindqvist said "
        "on Monday that the bridge would stay shut until every part of the damaged pier had been checked by "
        "engineers. Ada Lindqvist said the town council would pay for free ferry rides until the bridge reopens.",
    ]
    summary = storyline.summarize(texts, words=200)
    said = [s.text for s in summary.sentences if speaker(s.text) == "lindqvist"]
    assert not any("every bolt" in t for t in said) or not any("every part" in t for t in said), summary.text
    assert any("ferry" in t for t in said), summary.text  # another statement of hers is still welcome


def test_opens_quote_spots_the_first_half_of_a_split_quotation():
    from storyline.methods.coverage import opens_quote

    assert opens_quote("“We have waited for this day for a very long time.")
    assert opens_quote("The mayor said: “We have waited for this day.")
    assert not opens_quote("“We will win,” the mayor said.")
    assert not opens_quote("“We will win,\" the mayor said.")  # closed by a straight mark, as scraped text does
    assert not opens_quote("The council voted on Tuesday.")


def test_a_split_quotation_is_never_left_open():
    import storyline
    from storyline.methods.coverage import opens_quote

    texts = [
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships after a long debate. "
        "“We have waited for this day for a very long time, and the whole waterfront knows it. Every family "
        "will feel it,” the mayor told reporters. Shipping firms must leave by March, officials said.",
        "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic after a long debate. "
        "Shipping firms must move their boats to the new deep-water port by March, officials said.",
    ]
    opened = 0
    for words in (20, 30, 40, 50, 60, 80):
        summary = storyline.summarize(texts, words=words)
        places = [(s.sentence.article, s.sentence.index) for s in summary.sentences]
        for k, s in enumerate(summary.sentences):
            if opens_quote(s.text):
                opened += 1  # its second half follows it, whatever the budget
                assert k + 1 < len(places) and places[k + 1] == (s.sentence.article, s.sentence.index + 1), (
                    words,
                    summary.text,
                )
    assert opened  # the quotation is worth choosing when both halves fit


def test_a_quotation_over_three_sentences_is_not_opened():
    import storyline
    from storyline.methods.coverage import opens_quote

    texts = [
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships after a long debate. "
        "“We have waited for this day for a very long time on the harbor front. The families will feel it by "
        "the summer. Nobody will lose their job,” the mayor told reporters.",
        "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic after a long debate. "
        "Shipping firms must move their boats to the new deep-water port by March, officials said.",
    ]
    for words in (20, 40, 60, 80):
        summary = storyline.summarize(texts, words=words)
        assert not any(opens_quote(s.text) for s in summary.sentences), (words, summary.text)


def _ranked(texts: list[str], first: str, second: str):  # type: ignore[no-untyped-def]
    """The cluster of ``texts``, its vectors and sentences, the numbers of the sentences starting with ``first``
    and ``second``, and scores that rank those two first and second (every other sentence 1.0)."""
    cluster = make_cluster(load_articles(texts))
    sents = list(cluster.sentences)
    a = next(i for i, s in enumerate(sents) if s.text.startswith(first))
    b = next(i for i, s in enumerate(sents) if s.text.startswith(second))
    scores = np.array([3.0 if i == a else 2.0 if i == b else 1.0 for i in range(len(sents))])
    return cluster, vectors(cluster), sents, (a, b), scores


def test_a_sentence_mostly_contained_in_a_chosen_one_is_skipped():
    texts = [
        "Storm winds toppled the old harbour crane in Port Avery early on Tuesday morning, flattening two sheds, "
        "closing the ferry terminal, cutting power to the northern quay and stranding forty passengers overnight.",
        "The harbour crane in Port Avery was toppled by storm winds, the port authority said in a statement.",
        "Fishing boats stayed tied up along the quay all week while engineers inspected the damaged cranes.",
    ]
    cluster, vecs, sents, (long_one, restated), scores = _ranked(texts, "Storm winds", "The harbour crane")
    assert vecs.cosines(long_one)[restated] < 0.45  # the cosine cap alone lets it through
    loose = CoveragePolicy(quality=5.0, containment=1.0, restated=False, order="rank")  # gists hold it too
    strict = CoveragePolicy(quality=5.0, order="rank")  # the default cap, 0.45
    assert sents[restated] in coverage_fill(cluster, vecs, scores, 200, loose)
    chosen = coverage_fill(cluster, vecs, scores, 200, strict)
    assert chosen[0] == sents[long_one] and sents[restated] not in chosen
    with pytest.raises(ValueError):
        CoveragePolicy(containment=1.5)


def test_a_chosen_sentence_that_a_longer_later_choice_says_again_leaves() -> None:
    texts = [
        "Harbour crane toppled by storm in Port Avery.",  # a caption: scored first, then said again in full
        "Storm winds toppled the harbour crane in Port Avery early on Tuesday, flattening two sheds, closing "
        "the ferry terminal, cutting power to the northern quay and stranding forty passengers overnight.",
        "Fishing boats stayed tied up along the quay all week while engineers inspected the damaged cranes.",
    ]
    cluster, vecs, sents, (caption, full), scores = _ranked(texts, "Harbour crane", "Storm winds")
    assert vecs.cosines(full)[caption] < 0.45  # neither cap turns the full sentence away (see `kept`)
    kept = CoveragePolicy(quality=5.0, subsumed=1.0, restated=False, min_words=0, order="rank")
    assert coverage_fill(cluster, vecs, scores, 200, kept)[:2] == [sents[caption], sents[full]]
    chosen = coverage_fill(cluster, vecs, scores, 200, CoveragePolicy(quality=5.0, min_words=0, order="rank"))
    assert sents[full] in chosen and sents[caption] not in chosen
    assert len(chosen) == len(sents) - 1  # the freed words went to the next sentence
    with pytest.raises(ValueError):
        CoveragePolicy(subsumed=-0.1)


def test_quotation_closers_pair_an_opening_sentence_with_the_one_that_closes_it():
    from storyline.methods.coverage import quotation_closers
    from storyline.model import Sentence

    texts = ["“We waited a long time.", "Every family will feel it,” the mayor said.", "“We will win,” she said."]
    sents = [Sentence(article="a", index=k, start=0, end=len(t), text=t) for k, t in enumerate(texts)]
    leans = np.array([False, True, False])
    before = np.array([-1, 0, 1])
    assert quotation_closers(sents, leans, before).tolist() == [1, -1, -1]


def test_one_long_sentence_worth_more_than_the_greedy_summary_opens_it() -> None:
    # Per word, the three short statements pay more than the long lead; under a 32-word budget the greedy
    # alone takes all three and the lead no longer fits. The lead alone is worth more (Lin & Bilmes 2010,
    # Algorithm 1), so it opens the summary and the rest of the budget is filled after it.
    lead = (
        "The Maple County council voted on Thursday to close the old Harlow river bridge for a full year "
        "of repairs after inspectors found deep cracks in its steel supports."
    )
    texts = [
        lead + " Officials praised the quick work of the inspectors today.",
        "Shops near the bridge expect fewer customers this winter. The county will pay for extra bus routes.",
    ]
    cluster = make_cluster(load_articles(texts))
    vecs = vectors(cluster)
    sents = [s.text for s in cluster.sentences]
    per_word = np.array([1.0 if t == lead else 1.05 for t in sents])
    # the scores dominate the (small) concept weights: lead alone 30 x 29 > 30 x 1.05 x 26 for the others
    policy = CoveragePolicy(quality=30.0, min_articles=2, redundancy=1.0, min_words=0, order="rank")
    words = dict(zip(sents, vecs.words.tolist(), strict=True))
    assert len(sents) == 4 and words[lead] == 29 and sum(w for t, w in words.items() if t != lead) == 26
    chosen = [s.text for s in coverage_fill(cluster, vecs, per_word, 32, policy)]
    assert chosen == [lead]
    # the greedy's own choice stands when it is worth more: the same budget with the lead scored lower
    lower = np.where(per_word == 1.0, 0.8, per_word)
    assert lead not in [s.text for s in coverage_fill(cluster, vecs, lower, 32, policy)]
    # with room for everything the greedy's own choice stands
    roomy = [s.text for s in coverage_fill(cluster, vecs, per_word, 80, policy)]
    assert set(roomy) == set(sents)


def test_a_bare_quotation_over_two_sentences_waits_for_its_speaker() -> None:
    import storyline

    texts = [
        "Councillor Ada Brenn announced on Tuesday that Lindenfeld will close its old harbor to freight ships. "
        "Brenn told a packed town hall that the decision came after ten years of complaints from residents. "
        "“We have waited for this day for a very long time. Every family on the waterfront will feel it.”",
        "Lindenfeld will close its old harbor to freight ships, councillor Ada Brenn announced on Tuesday. "
        "Shipping firms must move their boats to the new deep-water port by March, officials said.",
    ]
    for words in (20, 35, 50, 80, 120):
        summary = storyline.summarize(texts, words=words)
        places = [(s.sentence.article, s.sentence.index) for s in summary.sentences]
        for k, s in enumerate(summary.sentences):
            if s.text.startswith("“We have waited"):
                # the sentence before it (which names the speaker) is in, right before it
                assert k > 0 and places[k - 1] == (s.sentence.article, s.sentence.index - 1), (words, summary.text)


def test_gains_are_summed_again_only_after_a_choice(monkeypatch):  # type: ignore[no-untyped-def]
    # Near-identical sentences are turned away as repeats one after another: the gains they leave as they
    # were were summed over every (sentence, concept) pair again each time (10 s of 22 s on 12,000).
    import random

    from storyline.methods import coverage

    rng = random.Random(4)
    names = ["Ada Lind", "Piet Horn", "Mara Lund", "Ilse Brandt", "Anton Weiss"]
    texts = [
        " ".join(f"{rng.choice(names)} said on Monday that the Kestrel Bridge in Wendham would stay shut for at "
                 f"least {rng.randint(2, 99)} days." for _ in range(30))
        for _ in range(4)
    ]
    cluster = make_cluster(load_articles(texts))
    vecs = vectors(cluster)
    scores = np.ones(len(cluster.sentences))
    policy = CoveragePolicy()
    problem = coverage._problem(cluster, vecs, scores, policy)
    sums = 0
    real = np.bincount

    def counting(x, weights=None, minlength=0):  # type: ignore[no-untyped-def]
        nonlocal sums
        sums += weights is not None and len(weights) == len(problem.rows)  # a sum of gains
        return real(x, weights=weights, minlength=minlength)

    monkeypatch.setattr(coverage.np, "bincount", counting)
    alone = real(problem.rows, weights=problem.weight[problem.cols], minlength=len(cluster.sentences)) + problem.own
    chosen, _ = coverage._greedy(cluster.sentences, vecs, problem, 150, policy, alone)
    assert chosen and sums <= len(chosen)


# One fact in other words ("arrested" / "detained", "blast" / "explosion", "injured" / "wounded"): the wording
# shares two terms of eight, under every cap of the wording rules.
_LEAD = "Police arrested two men after a blast injured eleven workers at the Kestrel chemical plant on Tuesday."
_OTHER_WORDS = "Officers detained suspects after an explosion wounded eleven at the Kestrel factory."
_NEW = "The Kestrel plant had failed a fire-safety inspection in March, city records show."


def _story(*openers: str) -> list[str]:
    return [
        _LEAD + " The plant makes paint and glue for builders across the region.",
        *(o + " Residents of nearby streets were told to keep their windows shut." for o in openers),
        _NEW + " Its owners have not said when it will reopen.",
    ]


def test_a_fact_told_again_in_other_words_is_skipped_and_a_new_fact_kept() -> None:
    cluster, vecs, sents, (lead, other), scores = _ranked(_story(_OTHER_WORDS), _LEAD, _OTHER_WORDS)
    new = next(i for i, s in enumerate(sents) if s.text == _NEW)
    scores[new] = 1.5  # the next best
    assert vecs.cosines(lead)[other] < 0.45  # the wording rules let it through
    budget = 32  # the lead and one more sentence
    wording = CoveragePolicy(quality=5.0, restated=False, order="rank")
    wording_only = coverage_fill(cluster, vecs, scores, budget, wording)
    assert wording_only == [sents[lead], sents[other]]
    chosen = coverage_fill(cluster, vecs, scores, budget, CoveragePolicy(quality=5.0, order="rank"))
    assert chosen == [sents[lead], sents[new]]  # the words went to the new fact


def test_a_shorter_choice_that_a_longer_one_tells_again_in_other_words_leaves() -> None:
    cluster, vecs, sents, (other, lead), scores = _ranked(_story(_OTHER_WORDS), _OTHER_WORDS, _LEAD)
    kept = coverage_fill(cluster, vecs, scores, 45, CoveragePolicy(quality=5.0, restated=False, order="rank"))
    assert kept[:2] == [sents[other], sents[lead]]
    chosen = coverage_fill(cluster, vecs, scores, 45, CoveragePolicy(quality=5.0, order="rank"))
    assert sents[lead] in chosen and sents[other] not in chosen


def test_a_near_restatement_with_another_figure_or_actor_is_kept() -> None:
    more = "Police arrested two men after a blast injured 40 workers at the Kestrel chemical plant."
    elsewhere = "Police arrested two men after a blast injured eleven workers at the Marlow chemical plant."
    same = "Police arrested two men after a blast injured eleven workers at the Kestrel chemical plant."
    cluster = make_cluster(load_articles(_story(more, elsewhere, same)), merge_duplicates=False)
    vecs = vectors(cluster)
    sents = list(cluster.sentences)
    scores = np.array([3.0 if s.text in (_LEAD, more, elsewhere, same) else 1.0 for s in sents])
    # the wording rules off: only the restatement check turns a sentence away
    policy = CoveragePolicy(quality=5.0, redundancy=1.0, containment=1.0, subsumed=1.0, same_speaker_redundancy=1.0)
    chosen = {s.text for s in coverage_fill(cluster, vecs, scores, 200, policy)}
    assert {_LEAD, more, elsewhere} <= chosen and same not in chosen


def test_old_wire_marks_open_and_close_quotations():
    from storyline.methods.coverage import continues_quote, opens_quote

    assert continues_quote("You could hear the wind howling over the harbor in their phones.''")
    assert opens_quote("``We were the only link these people had,'' Ostrander said. ``They were calling all night.")
    assert not opens_quote("``We were the only link these people had,'' Ostrander said.")
    assert not continues_quote("``We were the only link these people had,'' Ostrander said.")


def test_a_bare_quotation_in_old_wire_marks_refers_back():
    from storyline.methods.base import refers_back
    from storyline.model import Sentence

    def sentence(text: str) -> Sentence:
        return Sentence(text=text, article="1", index=3, start=0, end=len(text))

    assert refers_back(sentence("``There is much more work to be done on the harbor road.''"))
    assert refers_back(sentence("``The war cost both countries dearly,'' the statement noted."))
    assert not refers_back(sentence("``We will rebuild the harbor road,'' Mayor Ines Ostrander said."))


def test_no_half_of_a_quotation_in_old_wire_marks_is_chosen_alone():
    # Wire copy's ``marks'': the closing half of a quotation the segmenter cut is the most tempting sentence; it
    # is taken only right after the sentence before it, and an opening half only with the closing one.
    quoted = ("Ferries in Kessburg stopped on Friday as the storm hit the harbor, officials said.\n"
              "``We were the only link these people had with the harbor,'' Ostrander said. ``They were calling "
              "us all night from the harbor road. They were asking how high the storm water would get. "
              "You could hear storm water flooding the harbor road in their phones.''\n"
              "The radio station in Kessburg stayed on the air.\n``We had no warning at all, and the water rose "
              "fast. Storm water flooded the harbor road and the ferry terminal on Friday.''")
    texts = [quoted,
             "Storm water flooded the harbor road and the ferry terminal in Kessburg on Friday, officials said.",
             "The storm flooded the ferry terminal and the harbor road in Kessburg on Friday."]
    cluster = make_cluster(load_articles(texts))
    tails = [s for s in cluster.sentences if s.text.endswith("''") and "``" not in s.text]
    opener = next(s for s in cluster.sentences if s.text.startswith("``We had no warning"))
    assert len(tails) == 2
    vecs = vectors(cluster)
    scores = np.array([5.0 if s in tails else 1.0 for s in cluster.sentences])
    taken = 0
    for words in (15, 30, 45, 60, 90):
        chosen = coverage_fill(cluster, vecs, scores, words, CoveragePolicy())
        place = {(s.article, s.index): k for k, s in enumerate(chosen)}
        assert chosen, words
        for k, s in enumerate(chosen):
            if s in tails:  # right after the sentence before it
                taken += 1
                assert place.get((s.article, s.index - 1)) == k - 1, (words, [c.text for c in chosen])
            if s == opener:  # with its closing half right after it
                assert place.get((s.article, s.index + 1)) == k + 1, (words, [c.text for c in chosen])
    assert taken  # a closing half is still worth taking with its opening half


KELBY = ("The Kelby bridge closed on Monday after a barge struck one of its piers during the night. "
         "Repairs will take weeks, engineers said.")


@pytest.mark.parametrize("method", ["default", "fast"])
@pytest.mark.parametrize("copies", [1, 2])
def test_a_short_sentence_fills_a_summary_far_under_its_budget(method: str, copies: int) -> None:
    import storyline

    # the second sentence has 6 words, under ``min_words``: it was left out of a 150-word budget, the summary 17
    # words long, although it is all the story has left
    summary = storyline.summarize([KELBY] * copies, words=150, method=method)
    assert [s.text for s in summary.sentences] == [
        "The Kelby bridge closed on Monday after a barge struck one of its piers during the night.",
        "Repairs will take weeks, engineers said.",
    ]


def test_a_short_sentence_waits_while_the_summary_holds_half_its_budget() -> None:
    import storyline

    # 17 words of 30 is more than half: the 6-word sentence fits but stays out; of 40, it comes in
    assert len(storyline.summarize([KELBY], words=30).sentences) == 1
    assert len(storyline.summarize([KELBY], words=40).sentences) == 2


def test_short_sentences_stay_fragments_and_may_be_kept_out() -> None:
    cluster = make_cluster(load_articles([KELBY + " Nobody hurt. Traffic now uses the ferry."]))
    vecs = vectors(cluster)
    scores = np.ones(len(cluster.sentences))
    chosen = [s.text for s in coverage_fill(cluster, vecs, scores, 150, CoveragePolicy())]
    assert "Traffic now uses the ferry." in chosen  # 5 words: in
    assert "Nobody hurt." not in chosen  # 2 words: under ``SHORT_MIN_WORDS``, a fragment
    never = [s.text for s in coverage_fill(cluster, vecs, scores, 150, CoveragePolicy(short_below=0.0))]
    assert never == [KELBY.split(". ")[0] + "."]
    with pytest.raises(ValueError):
        CoveragePolicy(short_below=1.5)
