"""The timeline's events: one per happening, whatever the outlets' wording, on self-written articles."""

from __future__ import annotations

from analysis_fixtures import articles

from storyline import analyze
from storyline.analysis import RuleRecognizer, analyze_cluster
from storyline.api import make_cluster
from storyline.model import Article


def _analysis(texts: list[str], date: str | None = None):
    cluster = make_cluster([Article(id=str(k), text=t, source=f"Outlet {k}", date=date)
                            for k, t in enumerate(texts, 1)])
    return analyze_cluster(cluster, recognizer=RuleRecognizer())


def test_one_day_that_undated_outlets_report_is_one_event_credited_to_each() -> None:
    an = analyze(articles(dated=False))
    monday = [e for e in an.timeline if "Monday" in e.phrase]
    assert len(monday) == 1 and monday[0].date is None and monday[0].articles == ("1", "2", "3")
    assert len(monday[0].spans) == 3


def test_undated_reports_in_other_words_merge_by_the_day_they_name() -> None:
    an = _analysis([
        "The Harlow county board approved the new bus depot on Tuesday after a long debate.\n\n"
        "Residents of Penmoor had opposed the depot for two years.",
        "Harlow county board members voted Tuesday to approve a bus depot near Penmoor.\n\n"
        "The vote came after a four-hour hearing.",
    ])
    tuesday = [e for e in an.timeline if "Tuesday" in e.phrase]
    assert [(e.date, e.articles) for e in tuesday] == [(None, ("1", "2"))]


def test_the_same_weekday_in_unrelated_undated_sentences_stays_two_events() -> None:
    an = _analysis([
        "The Harlow county board approved the new bus depot on Tuesday after a long debate.\n\n"
        "Residents of Penmoor had opposed the depot for two years.",
        "A storm closed the ferry to Orn Island on Tuesday, the harbour office said.\n\n"
        "The Harlow county board had approved a bus depot near Penmoor after a long debate.",
    ])
    assert [e.articles for e in an.timeline if "Tuesday" in e.phrase] == [("1",), ("2",)]


def test_a_weekday_told_beside_its_date_is_one_event() -> None:
    an = _analysis([
        "The singer announced the tour at the Harlow festival on Saturday, April 15, before 40,000 people.\n\n"
        "The documentary will air Saturday (April 29) on the Penmoor channel.",
        "Tickets for the tour sold out within an hour, the promoter said.\n\n"
        "The festival drew its biggest crowd in a decade.",
    ], date="2023-04-17")
    assert [(e.phrase, e.date) for e in an.timeline] == [
        ("on Saturday, April 15", "2023-04-15"), ("Saturday (April 29)", "2023-04-29")]


def test_a_byline_or_an_update_line_run_into_a_sentence_dates_no_event() -> None:
    an = _analysis([
        "By Mara Quell Oct 31, 2015 in Harlow The old mill on the Penmoor road burned down on Tuesday night.\n\n"
        "Update, Nov. 2, 10:45AM ET: Article updated to name the mill's owner.\n\n"
        "(Nov. 2) AP",
        "The old mill on the Penmoor road was destroyed by a fire on Tuesday night, the fire service said.\n\n"
        "The mill was built in 1950 and had stood empty since 1990.",
    ], date="2015-11-02")
    phrases = [e.phrase for e in an.timeline]
    assert "Oct 31, 2015" not in phrases and "Nov. 2" not in phrases
    assert {"on Tuesday", "in 1950", "since 1990"} <= set(phrases)


def test_the_dates_of_a_long_cluster_are_merged_in_linear_work() -> None:
    # Each date phrase looked through every event found so far for one of its date: quadratic in the dates of a
    # cluster (10,000 dated lines took minutes). Events are now found by their date; twice the dates is about twice
    # the work, not four times.
    from support import python_steps_in

    months = ["January", "March", "May", "July", "September", "November"]

    def work(lines: int) -> int:
        text = "\n".join(f"The council met on {months[k % 6]} {k % 27 + 1}, {1900 + k // 6}." for k in range(lines))
        cluster = make_cluster([Article(id="1", text=text, source="Wire", date="2026-04-01"),
                                Article(id="2", text="The council met again in the spring.", source="Post")])
        return python_steps_in("analysis/timeline.py", lambda: analyze_cluster(cluster, recognizer=RuleRecognizer()))

    small, large = work(150), work(300)
    assert large < 2.4 * small, (small, large)
