"""Paraphrase alignment: one fact told in other words joins the Agreement section; sentences that name the same
people but report other things do not. Fictional articles written for these tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from storyline import analyze
from storyline.analysis import paraphrase
from storyline.analysis.align import align
from storyline.analysis.entities import EntityIndex
from storyline.analysis.ner import RuleRecognizer
from storyline.analysis.paraphrase import LEAD, _anchors, _figures, _Names, _Places, join_paraphrases
from storyline.cluster import build_cluster
from storyline.model import Article
from storyline.represent import vectors

# One fact (the governor's letter asking the board for help), in other words: wording shares too little of it.
URGED = ("Governor Ruth Okoye, in a letter sent to the Marrow Bay port authority on Monday, urged its directors "
         "to assist the province in ending the freight stoppage.")
ASKED = ("Tomas Penhale, who heads the Valdorian port authority, said Monday that he had received a letter from "
         "Governor Ruth Okoye asking for help to settle the dockers' walkout.")
FILLER_ONE = ("Dockers at Marrow Bay walked out in March over pay and shifts. "
              "Shipping lines have since moved cargo to the northern ports. "
              "Local traders say stocks of flour and fuel are running low.")
FILLER_TWO = ("The strike has now lasted eleven weeks. "
              "Union leaders have rejected two pay offers from the port operator. "
              "A court hearing on the dispute is set for next month.")


def _articles(*texts: str) -> list[Article]:
    return [Article(id=str(k), text=t, source=f"Outlet {k}", date="2025-05-06") for k, t in enumerate(texts, 1)]


def _fact_with(an, *phrases: str):
    return [f for f in an.facts
            if all(any(p in an.article(s.article).text[s.start : s.end] for s in f.spans) for p in phrases)]


def test_paraphrased_fact_is_one_agreement_item() -> None:
    arts = _articles(URGED + "\n\n" + FILLER_ONE, ASKED + "\n\n" + FILLER_TWO)
    cluster = build_cluster(arts, merge_duplicates=False)
    first, second = (next(i for i, s in enumerate(cluster.sentences) if s.text.startswith(t[:20]))
                     for t in (URGED, ASKED))
    # wording alone does not align them (cosine below the attribution test's 0.45) ...
    assert float(vectors(cluster).similarity[first, second]) < 0.45
    assert not any({first, second} <= set(g.members) for g in align(cluster))
    # ... their anchors do: the governor, the port authority, the day, the letter, asking for help
    an = analyze(arts)
    hits = _fact_with(an, "urged its directors", "asking for help")
    assert len(hits) == 1 and hits[0].support == 2


def _joined(first: str, second: str, *, above_first: str = "", above_second: str = "") -> bool:
    """Whether paraphrase alignment alone (no wording groups) puts the two articles' sentences ``first`` and
    ``second`` together: each article's first sentence, or its second below ``above_first`` / ``above_second``."""
    return _read(first, second, above_first, above_second)[0]


def _read(first: str, second: str, above_first: str = "", above_second: str = "") -> tuple[bool, list[str], list[str]]:
    """Whether the two sentences are joined (:func:`_joined`), and each read as anchors and terms."""
    arts = _articles(above_first + first + "\n\n" + FILLER_ONE, above_second + second + "\n\n" + FILLER_TWO)
    cluster = build_cluster(arts, merge_duplicates=False)
    a, b = (next(i for i, s in enumerate(cluster.sentences) if s.article == k and s.index == int(bool(above)))
            for k, above in (("1", above_first), ("2", above_second)))
    index = EntityIndex(cluster, RuleRecognizer())
    groups = join_paraphrases(cluster, [], index)
    names = _Names.of(index)
    starts = {aid: [m.start for m in ms] for aid, ms in index.mentions.items()}
    return (any({a, b} <= set(g.members) for g in groups), _anchors(cluster, index, starts, a, names),
            _anchors(cluster, index, starts, b, names))


def test_paraphrase_alone_joins_the_pair() -> None:
    assert _joined(URGED, ASKED)


def test_same_people_on_another_day_is_another_event() -> None:
    # Both name the governor, the port authority's head and its freight: other events, a year apart.
    met = ("Governor Ruth Okoye met Tomas Penhale, the head of the port authority, in Marrow Bay on Monday to "
           "discuss the freight stoppage.")
    accused = "Last year Governor Ruth Okoye accused Tomas Penhale of hiding the port authority's freight losses."
    assert not _joined(met, accused)
    assert _joined(met, accused.replace("Last year ", "On Monday "))  # the same anchors on the same day


def test_same_people_doing_other_things_is_no_agreement() -> None:
    met = "Governor Ruth Okoye met Tomas Penhale in Marrow Bay on Monday to discuss the freight stoppage."
    fired = "Governor Ruth Okoye dismissed Tomas Penhale on Monday, saying the province needed new leadership."
    assert not _joined(met, fired)


def test_paraphrase_with_another_figure_is_not_joined() -> None:
    # The pair that aligns, but the articles give different counts of the ships held up: a paraphrase never
    # makes a disagreement, so the two stay apart, and nothing is reported as disputed.
    urged = URGED.replace("stoppage.", "stoppage that holds 40 ships.")
    asked = ASKED.replace("walkout.", "walkout that holds 65 ships.")
    assert _joined(urged, asked.replace("65", "40"))
    assert not _joined(urged, asked)
    an = analyze(_articles(urged + "\n\n" + FILLER_ONE, asked + "\n\n" + FILLER_TWO))
    assert not _fact_with(an, "urged its directors", "asking for help")
    assert not an.conflicts


def test_paraphrase_past_the_lead_is_not_aligned() -> None:
    # Deep in an article, sentences that share a story's names and words are as often other details.
    later = " ".join(f"Paragraph {k} tells of the harbour's history and its cranes." for k in range(LEAD))
    an = analyze(_articles(later + "\n\n" + URGED, later.replace("cranes", "warehouses") + "\n\n" + ASKED))
    assert not _fact_with(an, "urged its directors", "asking for help")


def test_join_keeps_wording_groups() -> None:
    arts = _articles(URGED + "\n\n" + FILLER_ONE, ASKED + "\n\n" + FILLER_TWO, FILLER_ONE)
    cluster = build_cluster(arts, merge_duplicates=False)
    groups = align(cluster)
    joined = join_paraphrases(cluster, groups, EntityIndex(cluster, RuleRecognizer()))
    assert {g.members for g in groups} < {g.members for g in joined}


def test_a_place_adjective_names_the_place() -> None:
    places = _Places({"valdoria": "@Valdoria", "marrowland": "@Marrowland"})
    assert places.demonym("valdorian") == "@Valdoria"
    assert places.demonym("marrowlandi") == "@Marrowland"
    assert places.demonym("val") is None  # too short to tell
    assert places.demonym("harbour") is None
    # of two places it may name, none: "Valdoria" and "Valdorin"
    assert _Places({"valdoria": "@Valdoria", "valdorin": "@Valdorin"}).demonym("valdorian") is None
    assert _Places({"britain": "@Britain"}).demonym("british") == "@Britain"
    assert _Places({"afghanistan": "@Afghanistan"}).demonym("afghan") is None  # "afgh" lacks 7 letters: too many


def test_a_place_adjective_is_looked_up_not_matched_against_every_place() -> None:
    # A cluster of many places (a long live blog, a roundup) costs no more per word than one of few: each
    # word's adjective reading had been tested against every place's name (20,000 x 20,000: minutes). The work is
    # counted, not timed: the places' names are read once, however many words are looked up.
    read: list[str] = []

    class Names(Mapping[str, str]):
        def __init__(self, names: dict[str, str]) -> None:
            self.names = names

        def __getitem__(self, name: str) -> str:
            return self.names[name]

        def __iter__(self) -> Iterator[str]:
            for name in self.names:
                read.append(name)
                yield name

        def __len__(self) -> int:
            return len(self.names)

    n = 2_000
    names = Names({f"placename{k:05d}": f"@Placename{k:05d}" for k in range(n)})
    places = _Places(names)  # type: ignore[arg-type]
    found = [places.demonym(f"placename{k:05d}ian") for k in range(n)]
    assert found == [f"@Placename{k:05d}" for k in range(n)]
    assert len(read) <= n  # each word tested against every place: n x n, 4,000,000


def test_two_groups_that_contradict_are_asked_once(monkeypatch) -> None:
    # Three outlets run one wording (40 ships), three another (65 ships): each wording is a group, and every pair
    # across them aligns by its anchors. Whether the two sides contradict is asked once, not once a pair (which
    # had made a cluster of 80 such articles cost 87 s).
    urged = URGED.replace("stoppage.", "stoppage that holds 40 ships.")
    asked = ASKED.replace("walkout.", "walkout that holds 65 ships.")
    fillers = (FILLER_ONE, FILLER_TWO)
    arts = _articles(*(f"{urged if k < 3 else asked}\n\n{fillers[k % 2]}" for k in range(6)))
    cluster = build_cluster(arts, merge_duplicates=False)
    groups = align(cluster)
    firsts = {i for i, s in enumerate(cluster.sentences) if s.index == 0}
    assert sorted(len(set(g.members) & firsts) for g in groups if set(g.members) & firsts) == [3, 3]
    asked_about: list[tuple[list[int], list[int]]] = []
    contradicts = paraphrase._contradicts

    def counted(cluster, a, b, index):  # type: ignore[no-untyped-def]
        asked_about.append((a, b))
        return contradicts(cluster, a, b, index)

    monkeypatch.setattr(paraphrase, "_contradicts", counted)
    joined = join_paraphrases(cluster, groups, EntityIndex(cluster, RuleRecognizer()))
    assert {g.members for g in joined} == {g.members for g in groups}  # 40 ships and 65 ships stay apart
    assert len(asked_about) == 1


def test_a_figure_is_one_term_however_written() -> None:
    # "$1.6B" had been the terms "6b" and nothing ("1"), "$1.6 billion" the term "billion": no figure in common.
    assert _figures("Veldmark Lines sues the port for $1.6B.")[1] == _figures("a claim of $1.6 billion")[1]
    assert _figures("about 45,000 people")[1] == _figures("45,000 people")[1]
    # as the dispute test reads them, "$1.37 trillion" may round to "$1.4 trillion"
    assert _figures("a $1.37 trillion bill")[1] == _figures("a $1.4 trillion bill")[1]
    assert _figures("a $1.4 trillion bill")[1] != _figures("a $1.5 trillion bill")[1]
    # a small count is no anchor (as one digit or a number word it was none before); a time of day is left as it is
    assert _figures("two councils")[1] == [] and _figures("3 ships")[1] == []
    text, found = _figures("The ferry left at 3 p.m. with 41 passengers.")
    assert found == ["=41 count"] and "3 p.m." in text and "41" not in text


def test_lives_lost_is_a_death() -> None:
    # "lives lost" is "died": with the figure, the sinking's anchors are enough (before, 2 of the 3 terms
    # that are not names: the figure and the ferry).
    lost = ("Forty-one lives were lost when the Veldmark ferry Saint Oda sank off Corran Point on Sunday, the coast "
            "guard said.")
    died = "Forty-one passengers died when the ferry Saint Oda went down off Corran Point on Sunday."
    joined, read_lost, read_died = _read(lost, died, "Ferry news. ", "Ferry news. ")
    assert "#kill" in read_lost and "#kill" in read_died
    assert joined
    # the same words, no death: "lost" alone (an election, a job) is no death
    assert "#kill" not in _read("Coldwater lost the vote on the harbour, the council said.", died)[1]


def test_a_title_case_headline_is_read_word_by_word() -> None:
    # A recogniser takes the capitalised words of such a headline for one name ("Okoye Meets Penhale Over Port
    # Strike" had been an organisation); read word by word, the governor, the harbour chief and the meeting are there.
    joined, headline, _ = _read("Okoye Meets Penhale Over Port Strike.",
                                "Governor Ruth Okoye met Tomas Penhale on Monday over the Marrow Bay port strike.",
                                above_second="Port news. ")
    assert {"@Ruth Okoye", "@Tomas Penhale", "#meet", "strike"} <= set(headline)
    assert joined


def test_a_headline_and_a_lead_that_tell_one_fact() -> None:
    # A headline says its fact in few words: 4 anchors shared (the place, the fishermen, the rescue, the trawler),
    # most of the headline's, join it to another outlet's lead; two lead sentences need 5.
    headline = "Fishermen Rescued Off Corran Point After Trawler Sinks."
    lead = ("Twelve fishermen were rescued on Sunday after their trawler sank off Corran Point, the Veldmark coast "
            "guard said.")
    assert _joined(headline, lead, above_second="Sea news. ")
    assert not _joined(headline, lead, above_first="Sea news. ", above_second="Sea news. ")
    # on another day, another event
    assert not _joined(headline.replace(".", " in 2019."), lead, above_second="Sea news. ")
    # the same 4 are too few of a headline that says more (half of its 8)
    assert not _joined("Fishermen Rescued Off Corran Point After Trawler Sinks; Dockers Strike.", lead,
                       above_second="Sea news. ")


def test_a_headline_about_the_same_people_doing_another_thing_is_not_joined() -> None:
    lead = "Governor Ruth Okoye dismissed Tomas Penhale on Monday over the Marrow Bay port strike."
    # the governor, the harbour chief and the strike are not enough: what she did to him differs
    assert not _joined("Okoye Meets Penhale Over Port Strike.", lead, above_second="Port news. ")
    # one kind of event, other victims
    assert not _joined("Bomb Kills Tomas Penhale, Coldwater Harbour Master.",
                       "A bomb killed Ines Quint, the mayor of Coldwater, outside her office on Monday.",
                       above_second="Port news. ")


def test_pairs_judged_in_small_blocks_are_the_same(monkeypatch) -> None:
    # The pairs are judged a block of rows at a time (align.BLOCK_CELLS cells); blocks of a row or two find the same.
    arts = _articles(*(f"{URGED if k % 2 else ASKED}\n\n{FILLER_ONE if k % 3 else FILLER_TWO}" for k in range(5)))
    cluster = build_cluster(arts, merge_duplicates=False)
    index = EntityIndex(cluster, RuleRecognizer())
    whole = join_paraphrases(cluster, align(cluster), index)
    monkeypatch.setattr(paraphrase, "BLOCK_CELLS", 20)
    assert join_paraphrases(cluster, align(cluster), index) == whole
    assert any(len(g.members) == 5 for g in whole)


def test_sentences_that_each_name_a_person_the_other_does_not_are_other_facts() -> None:
    # "Horowitz's inquiry into the FBI's handling of the Clinton email probe" was joined to "the report criticized
    # Loretta Lynch for her handling of the probe into Clinton's email": two facts about one probe
    inquiry = ("The report will close Inspector General Lina Holt's inquiry into the port authority's handling of the "
               "freight audit of Governor Ruth Okoye's private shipping accounts in Marrow Bay on Monday.")
    faulted = ("The report also faulted former Mayor Tomas Penhale for his handling of the freight audit into "
               "Governor Ruth Okoye's private shipping accounts in Marrow Bay on Monday.")
    assert not _joined(inquiry, faulted)
    # with the person of one of them only, one fact told in other words
    assert _joined(inquiry, faulted.replace("former Mayor Tomas Penhale for his", "the port authority for its"))
    # nor does a name the recogniser takes for a person's, given no title, keep the pair apart
    assert _joined(inquiry, faulted.replace("former Mayor Tomas Penhale", "Tomas Penhale"))
