"""The scorer shipped in the package is the one ``make train`` builds from ../shared/data with this code:
the features of the first training clusters, recomputed now, match the fingerprint the model file recorded.
A change to cleaning, segmentation or the features that moves them fails here until the model is retrained."""

from __future__ import annotations

import pytest
from support import DATA

from storyline.methods.learned import load_model

pytest.importorskip("nltk")
train = pytest.importorskip("storyline.learn.train")


@pytest.mark.skipif(not (DATA / "multinews" / "train.jsonl.gz").exists(), reason="../shared/data is not present")
def test_shipped_scorer_matches_the_features_this_code_computes() -> None:
    model = load_model()
    assert model is not None and model.meta and model.lexicon is not None
    meta = model.meta
    assert meta.get("held_out_clusters", 0) > 0  # trained without the development clusters
    for short, recorded in ((True, meta["fingerprint"]), (False, model.longer[0][1].meta["fingerprint"])):
        got = train.table_fingerprint(DATA, meta["sample_clusters"], meta["seed"], model.lexicon, short=short)
        assert train.same_fingerprint(got, recorded), (
            f"the shipped scorer's {'short' if short else 'long'}-summary ensemble was trained on other features "
            f"than this code computes ({got['sentences']} vs {recorded['sentences']} sentences in the first "
            "clusters): run make train"
        )


@pytest.mark.skipif(not (DATA / "multinews" / "train.jsonl.gz").exists(), reason="../shared/data is not present")
@pytest.mark.parametrize("short", [True, False], ids=["short-summary ensemble", "long-summary ensemble"])
def test_shipped_scorer_was_fitted_on_the_text_this_code_segments(short: bool) -> None:
    # every training sentence, not the first clusters' only: a segmentation change that moved four sentence
    # pairs in 5 of 29,897 clusters had left the fingerprint above as it was
    model = load_model()
    assert model is not None and model.meta
    meta = model.meta if short else model.longer[0][1].meta
    recorded = meta.get("text")
    assert recorded, "the model file records no digest of its training text: run make train"
    got = train.segmentation_digest(DATA, model.meta["sample_clusters"], model.meta["seed"], short=short)
    assert got == recorded, (
        f"the shipped scorer's {'short' if short else 'long'}-summary ensemble was fitted on other sentences than "
        f"this code cleans and segments ({got['sentences']} vs {recorded['sentences']}): run make train"
    )
