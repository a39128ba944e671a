"""Restatement: one fact told again in other words is found; another figure or another actor is new."""

from __future__ import annotations

from storyline.api import load_articles, make_cluster
from storyline.methods.restate import Restatements, _figures
from storyline.represent import vectors

LEAD = "Police arrested two men after a blast injured eleven workers at the Kestrel chemical plant on Tuesday."
OTHER_WORDS = "Officers detained suspects after an explosion wounded eleven at the Kestrel factory."


def _restatements(*candidates: str) -> tuple[Restatements, list[str]]:
    """A three-article story about the Kestrel plant, its lead in the first article and each candidate opening
    an article of its own."""
    texts = [
        LEAD + " The plant makes paint and glue for builders across the region.",
        *(c + " Residents of nearby streets were told to keep their windows shut." for c in candidates),
        "The Kestrel plant had failed a fire-safety inspection in March, city records show. "
        "Its owners have not said when it will reopen.",
    ]
    cluster = make_cluster(load_articles(texts), merge_duplicates=False)  # some candidates are near copies
    return Restatements(cluster, vectors(cluster)), [s.text for s in cluster.sentences]


def test_the_same_fact_in_other_words_is_a_restatement() -> None:
    r, texts = _restatements(OTHER_WORDS)
    lead, other = texts.index(LEAD), texts.index(OTHER_WORDS)
    # "detained" / "arrested", "explosion" / "blast", "wounded" / "injured": the wording shares two terms in eight
    assert r.restated(other, lead)
    assert not r.restated(lead, other)  # the lead says when (Tuesday): more than the other gives


def test_another_figure_or_another_actor_is_new() -> None:
    same = "Police arrested two men after a blast injured eleven workers at the Kestrel chemical plant."
    more = "Police arrested two men after a blast injured 40 workers at the Kestrel chemical plant."
    elsewhere = "Police arrested two men after a blast injured eleven workers at the Marlow chemical plant."
    r, texts = _restatements(same, more, elsewhere)
    lead = texts.index(LEAD)
    assert r.restated(texts.index(same), lead)
    assert not r.restated(texts.index(more), lead)  # 40 hurt is not eleven
    assert not r.restated(texts.index(elsewhere), lead)  # Marlow: a plant this story has not named


def test_another_event_with_the_same_names_is_new() -> None:
    killed = "Officers detained suspects after an explosion killed eleven at the Kestrel factory."
    r, texts = _restatements(killed)
    assert not r.restated(texts.index(killed), texts.index(LEAD))  # killed, not injured


def test_a_figure_is_one_however_written() -> None:
    assert _figures("eleven were hurt") == _figures("11 were hurt") == {"11"}
    assert _figures("45,000 cars") == {"45000"}


def test_a_place_and_its_adjective_are_one() -> None:
    texts = [
        "Chile's prime minister asked Sweden for help with the Kestrel Bridge repairs.",
        "The Chilean government sought Swedish assistance to repair the Kestrel Bridge.",
        "Chile closed the Kestrel Bridge last month after a barge struck one of its piers.",
    ]
    cluster = make_cluster(load_articles(texts))
    r = Restatements(cluster, vectors(cluster))
    assert r._places_by_stem == {"chilean": "chile", "swedish": "sweden"}
    assert r.restated(1, 0)
