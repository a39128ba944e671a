"""The fresh-clusters benchmark (``benchmarks/fresh_train.py``, a script beside the package): make train's split,
the pool, the sample and its halves, the lexicon re-estimated without the sample, and a whole run on invented
clusters."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest
from support import DATA, HARBOR, ROOT, toy_training_cluster

from storyline.errors import OptionsError
from storyline.evaluate.runner import summarize_with
from storyline.ingest import parse_dataset
from storyline.learn.train import HELD_OUT_FILE, TRAIN_FILE, estimate_lexicon, split_lines
from storyline.methods.learned import default_model_path


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fresh_train", ROOT / "benchmarks" / "fresh_train.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fresh_train"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fresh = _load_script()
@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 invented training clusters, two of them also in the development file (as a re-cased copy)."""
    root = tmp_path_factory.mktemp("data")
    rng = random.Random(11)
    clusters = [toy_training_cluster(k, rng, numbered=True) for k in range(60)]
    (root / TRAIN_FILE).parent.mkdir(parents=True)
    with gzip.open(root / TRAIN_FILE, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c) + "\n" for c in clusters)
    dev = [dict(c, summaries=[c["summaries"][0].upper()]) for c in clusters[5:7]]
    (root / HELD_OUT_FILE).write_text("".join(json.dumps(c) + "\n" for c in dev), encoding="utf-8")
    return root


def _ids(lines: tuple[bytes, ...] | list[bytes]) -> list[str]:
    return [json.loads(ln)["id"] for ln in lines]


def test_training_use_is_make_trains_split(data_dir: Path) -> None:
    use = fresh.training_use(data_dir, 30, 4)
    scorer, rest, excluded = split_lines(data_dir / TRAIN_FILE, 30, 4, set())
    assert (use.total, use.excluded, len(use.scorer), len(use.lexicon)) == (60, 2, 30, 28)
    assert use.unused == 0  # make train reads every cluster it does not drop: the trees or the lexicon
    assert not {"toy_5", "toy_6"} & set(_ids(use.scorer) + _ids(use.lexicon))
    assert not set(use.scorer) & set(use.lexicon)
    assert len(scorer) == 30 and excluded == 0  # without the development file nothing is dropped
    assert fresh.training_use(data_dir, 30, 4) == use  # seeded


def test_the_pool_leaves_out_what_the_chooser_experiment_read(data_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    use = fresh.training_use(data_dir, 30, 4)
    monkeypatch.setattr(fresh, "CHOOSER_CLUSTERS", 10)
    pool = fresh.fresh_pool(use)
    assert pool == use.lexicon[10:] and len(pool) == 18
    assert not set(pool) & set(use.scorer)


def test_draw_is_seeded_in_pool_order_and_capped() -> None:
    pool = tuple(f"line {k}".encode() for k in range(50))
    a = fresh.draw(pool, 10, 3)
    assert a == fresh.draw(pool, 10, 3) and len(set(a)) == 10
    assert list(a) == sorted(a, key=pool.index)
    assert fresh.draw(pool, 10, 4) != a
    assert fresh.draw(pool, 80, 3) == pool  # fewer in the pool than asked: all of it
    with pytest.raises(OptionsError):
        fresh.draw(pool, 0, 3)


def test_halves_split_the_sample_in_two_in_order() -> None:
    ids = [f"c{k}" for k in range(11)]
    first, second = fresh.halves(ids, 5)
    assert len(first) == 5 and len(second) == 6
    assert sorted(first + second) == sorted(ids) and not set(first) & set(second)
    assert list(first) == [i for i in ids if i in first]
    assert fresh.halves(ids, 5) == (first, second) and fresh.halves(ids, 6) != (first, second)


def test_the_callable_default_is_evals_default() -> None:
    docs = next(parse_dataset(json.dumps({"id": "h", "documents": HARBOR, "summaries": ["x"]}).encode(), "t.jsonl"))
    shipped = fresh.summarize_with_model(str(default_model_path()), list(HARBOR), 40)
    assert shipped and shipped == summarize_with("default", docs, 40)
    assert fresh.summarize_with_model(str(default_model_path()), ["", "   "], 40) == ""


def test_unseen_model_re_estimates_the_lexicon_without_the_sample(data_dir: Path, tmp_path: Path) -> None:
    use = fresh.training_use(data_dir, 30, 4)
    sample = fresh.draw(use.lexicon, 5, 1)
    out = fresh.unseen_model(default_model_path(), use.lexicon, sample, tmp_path / "m.json")
    model, shipped = json.loads(out.read_text()), json.loads(default_model_path().read_text())
    kept = [ln for ln in use.lexicon if ln not in sample]
    assert model["lexicon"] == estimate_lexicon(kept).to_json() != estimate_lexicon(use.lexicon).to_json()
    assert model["trees"] == shipped["trees"] and model["longer"] == shipped["longer"]


def test_check_split_names_what_differs_from_the_model(data_dir: Path, tmp_path: Path) -> None:
    use = fresh.training_use(data_dir, 30, 4)
    model = json.loads(default_model_path().read_text())
    model["meta"] = dict(model["meta"], held_out_clusters=2, lexicon_clusters=28)
    model["lexicon"] = estimate_lexicon(use.lexicon).to_json()
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(model))
    assert fresh.check_split(use, path) == []
    model["meta"]["lexicon_clusters"] = 29
    model["lexicon"]["prior"] = 0.5
    path.write_text(json.dumps(model))
    wrong = fresh.check_split(use, path)
    assert len(wrong) == 2 and "28 lexicon clusters, the model says 29" in wrong[0] and "lexicon" in wrong[1]


def test_a_whole_run_on_invented_clusters(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("rouge_score")
    pytest.importorskip("sumy")
    use = fresh.training_use(data_dir, 30, 2019)
    model = json.loads(default_model_path().read_text())
    model["meta"] = dict(model["meta"], sample_clusters=30, seed=2019, held_out_clusters=2, lexicon_clusters=28)
    model["lexicon"] = estimate_lexicon(use.lexicon).to_json()
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(model))
    monkeypatch.setattr(fresh, "CHOOSER_CLUSTERS", 8)
    done: list[int] = []
    d = fresh.run(data_dir, n=6, seed=1, jobs=1, memory=False, command="cmd", model_path=path,
                  progress=lambda total: done.append)
    assert d is not None and d["clusters"] == 6 and len(done) == 6
    sample = _ids(fresh.draw(use.lexicon[8:], 6, 1))
    assert d["ids_sha256"] == hashlib.sha256("\n".join(sample).encode()).hexdigest()
    assert d["split"] == {
        "total": 60, "excluded": 2, "scorer": 30, "lexicon": 28, "unused": 0, "chooser": 8, "pool": 20,
        "mismatch": [], "model_seed": 2019, "model_sample_clusters": 30}
    methods = [r["method"] for r in d["results"]]
    assert methods[:2] == ["default", "fast"] and fresh.UNSEEN in methods and methods[-1] == "oracle"
    assert [h["clusters"] for h in d["halves"]] == [3, 3]
    for part in (d, *d["halves"]):
        for s in part["standing"]:
            for m in ("rouge1", "rouge2"):
                assert s[m]["best"] not in (*fresh.OURS, "oracle")
                assert s[m]["ci95"][0] <= s[m]["lead"] <= s[m]["ci95"][1]
    text = fresh.results_markdown(d)
    assert "0 unused" in text and "| half 2 (3) | default-unseen |" in text


def test_subset_recomputes_the_aggregates(data_dir: Path) -> None:
    pytest.importorskip("rouge_score")
    from storyline.evaluate.datasets import EvalSet
    from storyline.evaluate.runner import evaluate

    lines = fresh.training_use(data_dir, 30, 4).lexicon[:4]
    ev = evaluate(EvalSet("toy", tuple(parse_dataset(b"\n".join(lines), "t.jsonl"))), ["lead", "fast"], 20,
                  memory=False)
    whole = fresh.subset(ev, ev.ids)
    assert [r.scores["rouge1"].mean for r in whole.results] == [r.scores["rouge1"].mean for r in ev.results]
    one = fresh.subset(ev, ev.ids[:1])
    assert one.ids == ev.ids[:1] and len(one.per_cluster) == 1
    assert one.results[0].scores["rouge1"].mean == ev.per_cluster[0].scores["lead"]["rouge1"]


def test_main_skips_without_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fresh.main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert "skipped" in capsys.readouterr().err and not (tmp_path / "out").exists()
    assert fresh.main(["--data", str(tmp_path), "--n", "0"]) == 2


@pytest.mark.skipif(not (DATA / TRAIN_FILE).exists(), reason="../shared/data is not present")
def test_the_real_split_is_the_shipped_models() -> None:
    meta = json.loads(default_model_path().read_text())["meta"]
    use = fresh.training_use(DATA, meta["sample_clusters"], meta["seed"])
    assert use.unused == 0 and fresh.check_split(use, default_model_path()) == []
