"""A near-duplicate copy (the same wire story in another outlet, left out of the sentence pool) is credited by each
section of the analysis only with what its own text carries: an outlet's copy is often trimmed or edited, and was
credited with every quotation, name, dated event, figure and only-here statement of its original."""

from __future__ import annotations

from support import FERRY_OTHER, FERRY_WIRE

from storyline import api
from storyline.analysis import RuleRecognizer, analyze_cluster
from storyline.model import Article, Cluster

QUOTE = "“We were lucky the sea was so calm,” said Captain Ines Morrow, who commanded the Morning Tern."
HARBOUR = FERRY_WIRE[4]  # the harbour master's closure of the channel
DIVERS = FERRY_WIRE[3]  # the divers' inspection "on Friday afternoon": no other outlet reports it
# the wire story in full, and an outlet's copy that cut the captain's quotation, the divers and the harbour master
WIRE = [*FERRY_WIRE[:3], QUOTE, *FERRY_WIRE[3:]]
TRIMMED = [s for s in WIRE if s not in (QUOTE, DIVERS, HARBOUR)]


def _analysed(*texts: str) -> tuple[Cluster, object]:
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}", date="2026-03-06") for k, t in enumerate(texts, 1)]
    cluster = api.make_cluster(api.load_articles(arts))
    return cluster, analyze_cluster(cluster, recognizer=RuleRecognizer())


def _trimmed():
    cluster, analysis = _analysed(" ".join(WIRE), " ".join(TRIMMED), FERRY_OTHER)
    assert dict(cluster.duplicates) == {"1": ("2",)}
    return analysis


def test_a_copy_that_cut_a_quotation_is_not_credited_with_it():
    (quote,) = [q for q in _trimmed().quotes if "sea was so calm" in q.text]
    assert quote.articles == ("1",)


def test_a_copy_that_cut_a_quotation_kept_is_credited_with_it():
    """The copy that keeps the quotation is credited as before."""
    cluster, analysis = _analysed(" ".join(WIRE), " ".join(s for s in WIRE if s != HARBOUR), FERRY_OTHER)
    assert dict(cluster.duplicates) == {"1": ("2",)}
    (quote,) = [q for q in analysis.quotes if "sea was so calm" in q.text]
    assert quote.articles == ("1", "2")


def test_a_copy_is_credited_with_the_names_it_gives():
    entities = {e.name: e for e in _trimmed().entities}
    morrow = next(e for name, e in entities.items() if "Morrow" in name)
    assert morrow.articles == ("1",)
    assert morrow.mentions == 1
    brightwater = next(e for name, e in entities.items() if "Brightwater" in name)
    assert brightwater.articles == ("1", "2")  # the copy kept the owner's sentence
    assert brightwater.mentions == 2


def test_a_copy_that_cut_a_dated_sentence_does_not_report_its_event():
    events = _trimmed().timeline
    (divers,) = [e for e in events if "Divers" in e.text]
    assert divers.articles == ("1",)
    (aground,) = [e for e in events if "ran aground" in e.text]
    assert aground.articles == ("1", "2")


def test_only_here_names_the_copy_only_when_it_carries_the_statement():
    (divers,) = [o for o in _trimmed().only_here if "Divers" in o.text]
    assert divers.articles == ("1",)
    cluster, analysis = _analysed(" ".join(WIRE), " ".join(s for s in WIRE if s != QUOTE), FERRY_OTHER)
    assert dict(cluster.duplicates) == {"1": ("2",)}
    (divers,) = [o for o in analysis.only_here if "Divers" in o.text]
    assert divers.articles == ("1", "2")


def test_a_copy_that_updated_a_figure_does_not_give_the_old_one():
    """The wire's 212 passengers, its update's 214 and another outlet's 230: the update is no source of 212."""
    updated = [WIRE[0].replace("212", "214"), *WIRE[1:]]
    other = ("The Morning Tern ran aground off Gullsby island early on Friday with 230 passengers on board, the "
             "coastguard said. " + FERRY_OTHER)
    cluster, analysis = _analysed(" ".join(WIRE), " ".join(updated), other)
    assert dict(cluster.duplicates) == {"1": ("2",)}
    (conflict,) = [c for c in analysis.conflicts if any(v.normalized.startswith("212") for v in c.values)]
    given = {v.normalized.split()[0]: v.articles for v in conflict.values}
    assert given == {"212": ("1",), "230": ("3",)}
