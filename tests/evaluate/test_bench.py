"""The bench driver: skips without data, rebuilds results.md from saved reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluate import bench


def test_bench_skips_cleanly_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path / "out")]) == 0
    assert "skipped" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bench_rejects_unknown_dataset(tmp_path: Path) -> None:
    assert bench.main(["--data", str(tmp_path), "--out", str(tmp_path), "--only", "nope"]) == 2


@pytest.mark.parametrize(("option", "message"), [
    (["--methods", "default,bogus"], "bench: unknown method 'bogus'"),
    (["--jobs", "0"], "bench: --jobs must be at least 1 (got 0)"),
    (["--seed", "-1"], "bench: --seed must be 0 or more (got -1)"),
])
def test_bench_refuses_bad_options_in_one_line_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    assert bench.main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path / "out"), *option]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_results_markdown_has_one_table_per_saved_dataset(tmp_path: Path) -> None:
    d = {
        "dataset": "duc2003/task2_clean", "clusters": 9, "words": 100, "seed": 0, "ids_sha256": "ab" * 32,
        "command": "storyline eval x --words 100", "date": "2026-01-01 00:00 UTC", "wall_seconds": 12.0,
        "results": [{"method": "lead", "rouge1": 30.0, "rouge2": 8.0, "rougeLsum": 27.0, "rouge1_recall": 29.0,
                     "rouge2_recall": 7.5, "ci95": {m: [1.0, 2.0] for m in ("rouge1", "rouge2", "rougeLsum")},
                     "seconds_per_cluster": 0.1, "seconds_total": 0.9, "peak_mb": 2.0}],
    }
    (tmp_path / "duc2003.json").write_text(json.dumps(d), encoding="utf-8")
    md = bench.results_markdown(tmp_path)
    assert md.count("\n| method |") == 2  # the cross-dataset summary, then the dataset's own table
    assert "| lead | 30.00 / 8.00 |" in md
    assert "`storyline eval x --words 100` — 2026-01-01 00:00 UTC" in md
    assert "| lead | 30.00 [1.0, 2.0]" in md
    assert "![duc2003](duc2003.png)" in md


def test_suite_budgets_follow_the_data_readme() -> None:
    budgets = {b.name: (b.words, b.limit) for b in bench.SUITE}
    assert budgets == {
        "multinews_val": (300, 1000), "multinews_dev_original": (300, None), "duc2003": (100, None),
        "multiling2011": (250, None), "neus_val": (60, None),
    }


def test_standing_names_the_best_baseline_per_metric_and_the_paired_lead(tmp_path: Path) -> None:
    def row(method: str, r1: float, r2: float, secs: float) -> dict:
        return {"method": method, "rouge1": r1, "rouge2": r2, "rougeLsum": 0.0, "rouge1_recall": 0.0,
                "rouge2_recall": 0.0, "ci95": {m: [0.0, 1.0] for m in ("rouge1", "rouge2", "rougeLsum")},
                "seconds_per_cluster": secs, "seconds_total": 1.0, "peak_mb": 1.0}

    def lead(method: str, r1: float, r2: float) -> dict:
        return {"method": method, "rouge1": {"lead": r1, "ci95": [r1 - 1, r1 + 1], "ahead": 0.9},
                "rouge2": {"lead": r2, "ci95": [r2 - 1, r2 + 1], "ahead": 0.9}}

    d = {
        "dataset": "duc2003/task2_clean", "clusters": 9, "words": 100, "seed": 0, "ids_sha256": "ab" * 32,
        "results": [row("default", 40.0, 12.0, 0.004), row("fast", 35.0, 9.0, 0.001), row("lead", 38.0, 9.0, 0.002),
                    row("sumy-lexrank", 36.0, 10.5, 0.008), row("oracle", 50.0, 20.0, 0.01)],
        "paired": [lead("fast", 5.0, 3.0), lead("lead", 2.0, 3.0), lead("sumy-lexrank", 4.0, 1.5)],
    }
    (tmp_path / "duc2003.json").write_text(json.dumps(d), encoding="utf-8")
    table = bench.standing_table(tmp_path)
    # R1: lead is the best baseline (fast is ours, the oracle is no method); R2: sumy's LexRank
    assert "| duc2003 | lead 38.00: +2.00 [+1.0, +3.0] | sumy-lexrank 10.50: +1.50 [+0.5, +2.5] " in table
    assert "| 4.00 / 8.00; fast 8.0x faster |" in table
    assert "## Where the default stands" in bench.results_markdown(tmp_path)
    # a report saved before pairs were recorded has no standing row
    del d["paired"]
    (tmp_path / "duc2003.json").write_text(json.dumps(d), encoding="utf-8")
    assert bench.standing_table(tmp_path) == ""


def test_off_a_terminal_the_bench_says_where_it_is_as_storyline_eval_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under nohup or in CI the bench wrote only its own start and end lines: ~11 minutes with nothing between.
    from support import toy_eval_jsonl

    from storyline.cli import lines

    data = tmp_path / "data"
    (data / "neus_allsides").mkdir(parents=True)
    toy_eval_jsonl(data / "neus_allsides").rename(data / "neus_allsides" / "val.jsonl")
    ticks = iter(range(0, 10_000, 20))  # every reading of the clock 20 s after the one before
    monkeypatch.setattr(lines, "clock", lambda: float(next(ticks)))
    out = tmp_path / "out"
    assert bench.main(["--data", str(data), "--out", str(out), "--only", "neus_val", "--methods", "lead,fast",
                       "--jobs", "1"]) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if line.startswith("storyline: ")]
    assert said == [
        "storyline: Reading neus_allsides/val: 1 cluster so far, 0:20 elapsed",
        "storyline: Reading neus_allsides/val: 2 clusters, done in 1:00",
        "storyline: Scoring neus_allsides/val: 1 of 2 clusters (50%), 0:20 elapsed",
        "storyline: Scoring neus_allsides/val: 2 of 2 clusters, done in 0:40",
        "storyline: Peak memory: 0 of 2 methods, started",
        "storyline: Peak memory: 2 of 2 methods, done in 0:40",
    ]
    assert json.loads((out / "neus_val.json").read_text(encoding="utf-8"))["clusters"] == 2


def test_the_saved_reports_written_before_p_holm_still_make_their_tables(tmp_path: Path) -> None:
    # reports written before p_holm (and before p), as benchmarks/*.json were until the twenty-fourth round: the
    # saved reports with those fields taken out
    out = tmp_path
    saved = []
    for b in bench.SUITE:
        report = json.loads((Path(__file__).parents[2] / "benchmarks" / f"{b.name}.json").read_text(encoding="utf-8"))
        for row in report["paired"]:
            for metric in ("rouge1", "rouge2"):
                for key in ("p", "p_holm"):
                    row[metric].pop(key, None)
        report.pop("permutation_samples", None)
        (out / f"{b.name}.json").write_text(json.dumps(report), encoding="utf-8")
        saved.append(report)
    assert bench.summary_table(out).count("\n") == 2 + len(saved[0]["results"])
    assert bench.standing_table(out).count("\n") == 2 + len(saved)
    md = bench.results_markdown(out)
    assert md.count("| ahead R1 / R2 |\n") == len(saved) and "Holm" not in md
