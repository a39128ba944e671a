"""Term-importance lexicon: the per-sentence columns, hand-computed, and the JSON round trip."""

from __future__ import annotations

import pytest

from storyline.api import load_articles, make_cluster
from storyline.methods.lexicon import COLUMNS, TermLexicon, lexicon_columns
from storyline.represent import content_terms, vectors

TEXTS = [
    "The harbour crane fell in storm winds on Tuesday. Dock workers cleared the glass.",
    "Storm winds toppled the harbour crane on Tuesday. Nobody was hurt, the port said.",
]


def test_columns_are_mean_max_sum_and_unknown_share_over_distinct_terms() -> None:
    cluster = make_cluster(load_articles(TEXTS))
    vecs = vectors(cluster)
    crane, storm, harbour = (content_terms(w)[0] for w in ("crane", "storm", "harbour"))
    lexicon = TermLexicon(0.2, {crane: 0.9, storm: 0.5, harbour: 0.6})
    got = lexicon_columns(vecs, lexicon)
    assert got.shape == (len(cluster.sentences), len(COLUMNS))
    for row, terms in zip(got, vecs.terms, strict=True):
        distinct = list(dict.fromkeys(terms))
        p = [lexicon.weights.get(t, lexicon.prior) for t in distinct]
        assert row[0] == pytest.approx(sum(p) / len(p))
        assert row[1] == pytest.approx(max(p))
        assert row[2] == pytest.approx(sum(p))
        assert row[3] == pytest.approx(sum(t not in lexicon.weights for t in distinct) / len(distinct))
    first = got[0]  # "harbour crane fell storm winds tuesday": 3 known of 6 distinct terms
    assert first[1] == pytest.approx(0.9) and first[3] == pytest.approx(0.5)


def test_no_lexicon_reads_every_term_as_unknown_at_zero() -> None:
    cluster = make_cluster(load_articles(TEXTS))
    got = lexicon_columns(vectors(cluster), None)
    assert (got[:, :3] == 0).all() and (got[:, 3] == 1).all()


def test_json_round_trip_and_validation() -> None:
    lexicon = TermLexicon(0.28, {"report": 0.87, "enlarg": 0.02})
    assert TermLexicon.from_json(lexicon.to_json()) == lexicon
    with pytest.raises(ValueError):
        TermLexicon(1.5)


def test_lookup_marks_unknown_terms() -> None:
    lexicon = TermLexicon(0.28, {"report": 0.87, "enlarg": 0.02})
    assert lexicon.lookup(["enlarg", "zzz", "report"]).tolist() == [0.02, -1.0, 0.87]
    assert dict(lexicon.weights) == {"report": 0.87, "enlarg": 0.02}
