"""A summary shown with its analysis names the sources of the Agreement facts its sentences belong to (one fact
told in other words, which attribution by wording misses). Fictional articles written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from support import FERRY_OTHER, FERRY_WIRE

from storyline import analyze, api
from storyline.analysis.corroborate import corroborate, fact_span
from storyline.analysis.model import Fact, Span
from storyline.attribute import attribute
from storyline.cli import cli
from storyline.model import Article, Cluster, Summary
from storyline.options import SummarizeOptions
from storyline.web.jobs import run

# The minister's letter to the river authority, told by each outlet in its own words.
LETTER = ("Minister Clara Voss, in a letter sent to the Halden river authority on Tuesday, urged its engineers "
          "to assist the district in ending the canal closure.")
RECEIVED = ("Pieter Laan, who heads the Ostrian river authority, said Tuesday that he had received a letter from "
            "Minister Clara Voss asking for help to reopen the blocked canal.")
ONE = ("Barges have been stuck at the Halden locks since a gate failed in April. "
       "Grain merchants say their silos are almost full. "
       "Repairs to the gate could take until the autumn, according to the operator.")
TWO = ("The closure has cost shippers millions in detours. "
       "Farmers upstream have begun moving their harvest by road. "
       "The operator has promised a temporary gate within weeks.")
TEXTS = (LETTER + "\n\n" + ONE, RECEIVED + "\n\n" + TWO)


def _cluster() -> Cluster:
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}", date="2025-05-06") for k, t in enumerate(TEXTS, 1)]
    return api.make_cluster(api.load_articles(arts))


def _summary(cluster: Cluster) -> Summary:
    return api.summarize_cluster(cluster, SummarizeOptions(words=80))


def test_a_paraphrased_fact_adds_its_other_source() -> None:
    cluster = _cluster()
    summary = _summary(cluster)
    letter = next(ss for ss in summary.sentences if ss.text == LETTER)
    assert letter.articles == ("1",)  # attribution by wording does not see article 2 tell it
    widened = corroborate(summary, analyze(cluster))
    letter = next(ss for ss in widened.sentences if ss.text == LETTER)
    assert letter.sources == ("1",) and letter.corroborated_by == ("2",)
    # sentences of no Agreement fact keep what attribution gave them
    rest = [(a.text, a.articles) for a in widened.sentences if a.text != LETTER]
    assert rest == [(a.text, a.articles) for a in summary.sentences if a.text != LETTER]


def test_nothing_is_added_without_a_fact_or_twice() -> None:
    cluster = _cluster()
    summary = _summary(cluster)
    an = analyze(cluster)
    assert corroborate(summary, replace(an, facts=())) is summary
    once = corroborate(summary, an)
    assert corroborate(once, an) is once  # a source already named is not named again


def test_the_evidence_of_an_added_source_is_its_sentence_of_the_fact() -> None:
    cluster = _cluster()
    an = analyze(cluster)
    letter = next(s for s in cluster.sentences if s.text == LETTER)
    span = fact_span(an, letter, "2")
    assert span is not None and cluster.article("2").text[span.start : span.end] == RECEIVED
    other = next(s for s in cluster.sentences if s.text.startswith("Grain merchants"))
    assert fact_span(an, other, "2") is None


def test_summarize_with_analysis_names_the_fact_sources(tmp_path: Path) -> None:
    paths = []
    for k, text in enumerate(TEXTS, 1):
        (p := tmp_path / f"{k}.txt").write_text(text, encoding="utf-8")
        paths.append(str(p))
    plain = CliRunner().invoke(cli, ["summarize", *paths, "--words", "80", "--format", "json"])
    both = CliRunner().invoke(cli, ["summarize", *paths, "--words", "80", "--analysis", "--format", "json"])
    assert plain.exit_code == 0 and both.exit_code == 0, plain.output + both.output

    def sources(output: str) -> list[str]:
        line = next(s for s in json.loads(output)["sentences"] if s["text"] == LETTER)
        return line["sources"] + line["corroborated_by"]

    assert sources(plain.stdout) == ["1"]
    assert sources(both.stdout) == ["1", "2"]


def test_the_web_story_names_them_and_points_at_the_evidence() -> None:
    result = run([{"text": t} for t in TEXTS], 80, "default")
    k, line = next((k, s) for k, s in enumerate(result["summary"]["sentences"]) if s["text"] == LETTER)
    assert line["corroborated_by"] == ["2"]
    second = next(e for e in result["summary"]["evidence"][k] if e["article"] == "2")
    stored = next(a for a in result["articles"] if a["id"] == "2")
    assert stored["text"][second["start"] : second["end"]] == RECEIVED


def test_a_trimmed_copy_is_no_source_of_a_fact_it_cut():
    """An outlet's copy of a wire story that cut its last sentence was credited with every Agreement fact of its
    original, and so named beside that sentence in a summary shown with its analysis."""
    wire, other = FERRY_WIRE, FERRY_OTHER
    both = api.summarize_with_analysis([" ".join(wire), " ".join(wire[:5]), other], words=200)
    assert dict(both.cluster.duplicates) == {"1": ("2",)}
    (fact,) = [f for f in both.analysis.facts if "refloat" in f.text]
    assert fact.articles == ("1", "3")
    (salvage,) = [s for s in both.summary.sentences if "refloat" in s.text]
    assert set(salvage.articles) == {"1", "3"}


COLD = "An Arctic cold wave has killed at least 62 people across Europe, police said on Monday."
COLD_LATER = "The cold snap has now killed at least 65 people in Europe, officials in Bucharest said."
COLD_WORDS = "Officials in Bucharest said the cold snap had claimed lives right across Europe."


def test_a_fact_source_that_gives_another_figure_is_no_source_of_the_figure() -> None:
    """An Agreement fact may join two sentences that state the fact with different figures (an update's 65 dead
    and 62); the sentence that says 62 is not corroborated by the article that says 65, as attribution holds too.
    One that states no figure still is."""
    filler = " Schools in the capital closed early. Trains ran late all week."
    for other, added in ((COLD_LATER, ()), (COLD_WORDS, ("2",))):
        arts = [Article(id=str(k), text=t + filler, source=f"Outlet {k}") for k, t in enumerate((COLD, other), 1)]
        cluster = api.make_cluster(api.load_articles(arts))
        first, second = (next(s for s in cluster.sentences if s.text == t) for t in (COLD, other))
        summary = replace(_summary(cluster), sentences=attribute(cluster, [first]))  # the summary of COLD alone
        assert summary.sentences[0].articles == ("1",)  # attribution: 65 does not back 62, nor other words
        fact = Fact(text=COLD, articles=("1", "2"), spans=(Span("1", first.start, first.end),
                                                          Span("2", second.start, second.end)), total=2)
        widened = corroborate(summary, replace(analyze(cluster), facts=(fact,)))
        assert next(ss for ss in widened.sentences if ss.text == COLD).corroborated_by == added


def test_same_values_reads_figures_days_and_dates() -> None:
    from storyline.analysis.corroborate import same_values

    assert not same_values(COLD, COLD_LATER)
    assert same_values(COLD, COLD_WORDS)  # no figure: the same claim may be told without it
    assert not same_values("Results are not expected until Saturday.", "Results are not expected until Sunday.")
    # a date's figures are no count's: "three suspects" are not disputed by "November 2015"
    assert same_values("Police seek three suspects.", "Police seek the robbers, who began in November 2015.")
    assert not same_values("He was convicted of 19 counts.", "He was charged with assaulting 6 children.")
