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
