"""Training the scorer on a tiny synthetic corpus: the target, the table cache, ablations, determinism."""

from __future__ import annotations

import gzip
import json
import random

import numpy as np
import pytest
from support import toy_training_cluster

from storyline.errors import OptionsError
from storyline.learn.train import (
    ABLATIONS,
    HELD_OUT_FILE,
    LONG_FROM,
    ORACLE_SHARE,
    TRAIN_FILE,
    estimate_lexicon,
    mix_targets,
    oracle_labels,
    reference_key,
    same_fingerprint,
    sentence_gains,
    split_lines,
    table_fingerprint,
    train,
)
from storyline.methods.features import FEATURE_NAMES
from storyline.methods.learned import load_model

pytest.importorskip("lightgbm")
pytest.importorskip("nltk")

@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("data")
    path = root / TRAIN_FILE
    path.parent.mkdir(parents=True)
    rng = random.Random(5)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for k in range(60):
            fh.write(json.dumps(toy_training_cluster(k, rng, numbered=False)) + "\n")
    return root


def test_sentence_gains_hand_computed() -> None:
    # 3 tokens, 2 in the reference; 2 bigrams, 1 in the reference: (2/3 + 2 * 1/2) / 3
    gains = sentence_gains(["red fox ran", "blue sky"], "the red fox slept")
    assert gains[0] == pytest.approx((2 / 3 + 2 * 1 / 2) / 3)
    assert gains[1] == 0.0


def test_oracle_labels_mark_what_the_greedy_oracle_takes() -> None:
    sents = ["The red fox ran.", "Stocks fell on Monday.", "The red fox ran home."]
    # the oracle takes the sentence with the reference's words and stops when nothing adds
    assert oracle_labels(sents, "the red fox ran home", words=5).tolist() == [0.0, 0.0, 1.0]
    assert oracle_labels(sents, "the red fox ran home", words=0).tolist() == [0.0, 0.0, 0.0]
    # with 3 words the oracle takes "The red fox" cut from the first: not a sentence it took
    assert oracle_labels(sents, "the red fox ran home", words=3).tolist() == [0.0, 0.0, 0.0]
    assert oracle_labels(sents, "the red fox ran home", words=4).tolist() == [1.0, 0.0, 0.0]


def test_targets_mix_overlap_and_oracle_choice() -> None:
    sents = ["The red fox ran.", "Stocks fell on Monday.", "The red fox ran home."]
    ref = "the red fox ran home"
    gains, labels = sentence_gains(sents, ref), oracle_labels(sents, ref)
    assert mix_targets(gains, labels, 0.0).tolist() == gains.tolist()
    got = mix_targets(gains, labels, 0.25)
    assert got.tolist() == pytest.approx((0.75 * gains + 0.25 * labels).tolist())
    assert got[2] > got[0] > got[1] == 0.0  # taken by the oracle beats an equal overlap it did not take
    assert (ORACLE_SHARE, LONG_FROM) == (0.25, 150)  # the shipped long-summary ensemble (see the note on them)


def test_long_summary_ensemble_is_trained_on_the_oracle_mix(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meta = train(data_dir, tmp_path / "a.json", clusters=20, seed=3, rounds=5, long_from=150)
    model = load_model(tmp_path / "a.json")
    assert model is not None and [m for m, _ in model.longer] == [150]
    long = model.for_budget(150)
    assert long is not model and model.for_budget(149) is model and model.for_budget(None) is model
    assert long.lexicon is model.lexicon and long.features == model.features
    assert meta["longer"]["min_words"] == 150 and "oracle" in meta["longer"]["target"]
    assert 0 < meta["longer"]["oracle_chosen"] < 1 and "oracle" not in meta["target"]
    x = np.random.default_rng(0).random((50, len(FEATURE_NAMES)))
    assert not np.allclose(long.predict(x), model.predict(x))  # another target, other trees
    # the first ensemble does not depend on the second: the same trees with or without it
    train(data_dir, tmp_path / "b.json", clusters=20, seed=3, rounds=5, oracle_share=0.0)
    single = load_model(tmp_path / "b.json")
    assert single is not None and single.longer == ()
    assert (
        json.loads((tmp_path / "a.json").read_text())["trees"] == json.loads((tmp_path / "b.json").read_text())["trees"]
    )
    with pytest.raises(OptionsError):
        train(data_dir, tmp_path / "c.json", clusters=20, seed=3, rounds=5, oracle_share=1.5)
    with pytest.raises(OptionsError):
        train(data_dir, tmp_path / "c.json", clusters=20, seed=3, rounds=5, long_from=0)
    assert not (tmp_path / "c.json").exists()


def test_train_writes_a_loadable_deterministic_model(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "features.npz"
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    meta = train(data_dir, a, clusters=40, seed=3, rounds=20, table=table)
    assert table.exists() and meta["clusters"] == 40
    train(data_dir, b, clusters=40, seed=3, rounds=20, table=table)  # from the cached table
    assert json.loads(a.read_text())["trees"] == json.loads(b.read_text())["trees"]
    model = load_model(a)
    assert model is not None and model.features == FEATURE_NAMES
    assert any(t.feature.size for t in model.trees)  # it learned something from 40 clusters


def test_ablation_never_splits_on_the_blanked_group(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "features.npz"
    out = tmp_path / "no-position.json"
    meta = train(data_dir, out, clusters=40, seed=3, rounds=20, table=table, ablate=["position"])
    assert meta["ablated"] == ["position"]
    model = load_model(out)
    assert model is not None
    blanked = {FEATURE_NAMES.index(f) for f in ABLATIONS["position"]}
    used = {int(f) for t in model.trees for f in t.feature}
    assert used and not used & blanked
    train(data_dir, tmp_path / "full.json", clusters=40, seed=3, rounds=20, table=table)
    full = load_model(tmp_path / "full.json")
    assert full is not None
    assert {int(f) for t in full.trees for f in t.feature} & blanked  # position matters in this corpus
    with pytest.raises(OptionsError):
        train(data_dir, tmp_path / "x.json", clusters=40, seed=3, rounds=5, table=table, ablate=["colour"])


def test_table_cache_is_ignored_for_another_sample(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "features.npz"
    train(data_dir, tmp_path / "a.json", clusters=40, seed=3, rounds=5, table=table)
    meta = train(data_dir, tmp_path / "b.json", clusters=30, seed=3, rounds=5, table=table)
    assert meta["clusters"] == 30
    with np.load(table) as saved:
        assert saved["key"].tolist() == [30, 3, len(FEATURE_NAMES), 300]
        assert saved["labels"].shape == saved["y"].shape and set(saved["labels"].tolist()) == {0.0, 1.0}


def test_development_clusters_are_never_trained_on(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with gzip.open(data_dir / TRAIN_FILE, "rt", encoding="utf-8") as fh:
        clusters = [json.loads(line) for line in fh]
    # the development file holds two of the training clusters, re-cased and re-spaced as in the original release
    dev = data_dir.parent / "with-dev"
    (dev / TRAIN_FILE).parent.mkdir(parents=True)
    (dev / TRAIN_FILE).write_bytes((data_dir / TRAIN_FILE).read_bytes())
    held = [dict(c, summaries=["  " + c["summaries"][0].upper()]) for c in clusters[:2]]
    (dev / HELD_OUT_FILE).write_text("".join(json.dumps(c) + "\n" for c in held), encoding="utf-8")
    keys = {reference_key(c["summaries"][0]) for c in held}
    same = sum(reference_key(c["summaries"][0]) in keys for c in clusters)  # the corpus repeats some summaries
    assert same >= 2
    meta = train(dev, tmp_path / "m.json", clusters=40, seed=3, rounds=5)
    assert meta["held_out_clusters"] == same and meta["lexicon_clusters"] == 60 - same - 40
    scorer, rest, excluded = split_lines(dev / TRAIN_FILE, 40, 3, keys)
    assert excluded == same and len(scorer) == 40 and len(rest) == 20 - same
    assert not {reference_key(json.loads(ln)["summaries"][0]) for ln in scorer + rest} & keys
    assert not set(scorer) & set(rest)  # the lexicon never sees a cluster the trees are fitted on


def test_lexicon_is_the_smoothed_share_of_clusters_whose_reference_keeps_the_term() -> None:
    lines = [
        json.dumps({"documents": ["The warehouse fire spread fast."], "summaries": ["A warehouse burned."]}).encode()
    ] * 6 + [json.dumps({"documents": ["The warehouse was empty."], "summaries": ["Nobody was hurt."]}).encode()] * 4
    lexicon = estimate_lexicon(lines)
    # "warehous" is in all 10 clusters' articles and 6 references; "fire" in 6 articles, 0 references
    assert lexicon.weights["warehous"] == pytest.approx((6 + 10 * lexicon.prior) / 20, abs=1e-4)
    assert lexicon.weights["fire"] < lexicon.prior < lexicon.weights["warehous"]
    assert "hurt" not in lexicon.weights  # never in the articles


def test_shipped_model_carries_its_lexicon() -> None:
    model = load_model()
    assert model is not None and model.lexicon is not None
    assert len(model.lexicon.weights) > 1000 and 0 < model.lexicon.prior < 1
    assert model.meta and model.meta["held_out_clusters"] > 0  # trained without the development clusters


def test_fingerprint_recomputes_and_tells_changes_apart(data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.json"
    meta = train(data_dir, out, clusters=40, seed=3, rounds=5)
    model = load_model(out)
    assert model is not None and model.lexicon is not None
    recorded = meta["fingerprint"]
    assert recorded["sentences"] > 0 and len(recorded["x_sum"]) == len(FEATURE_NAMES)
    again = table_fingerprint(data_dir, meta["sample_clusters"], meta["seed"], model.lexicon)
    assert same_fingerprint(again, recorded)
    # the long-summary ensemble's table is segmented otherwise (see build_tables) and has its own record
    longer = meta["longer"]["fingerprint"]
    assert same_fingerprint(
        table_fingerprint(data_dir, meta["sample_clusters"], meta["seed"], model.lexicon, short=False), longer)
    moved = dict(recorded, x_sum=[v + 0.01 * (k == 3) for k, v in enumerate(recorded["x_sum"])])
    assert not same_fingerprint(moved, recorded)
    assert not same_fingerprint(dict(recorded, sentences=recorded["sentences"] + 1), recorded)
