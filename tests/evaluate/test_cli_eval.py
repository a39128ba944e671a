"""``storyline eval`` through click's runner: output shapes, exact tables, bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from schemacheck import schema_errors
from support import HARBOR, HARBOR_REF, duc_beside_models, toy_eval_jsonl

from storyline.cli import cli
from storyline.evaluate import report
from storyline.schema import json_schema
from storyline.version import SCHEMA_VERSION, __version__

REF = HARBOR_REF
ROOT = Path(__file__).parents[2]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return toy_eval_jsonl(tmp_path)


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["eval", *args])


def test_json_shape(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "lead,sumy-lexrank,oracle", "--format", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert {"dataset", "clusters", "words", "results", "seed", "versions"} <= set(d)
    assert d["clusters"] == 2 and d["words"] == 20 and d["seed"] == 0
    assert d["bootstrap_samples"] == 1000  # a reader of the intervals needs it; the Markdown says it too
    assert [r["method"] for r in d["results"]] == ["lead", "sumy-lexrank", "oracle"]
    for r in d["results"]:
        for key in ("rouge1", "rouge2", "rougeLsum", "rouge1_recall", "rouge2_recall", "seconds_per_cluster",
                    "peak_mb"):
            assert isinstance(r[key], float | int), key
        assert set(r["ci95"]) >= {"rouge1", "rouge2", "rougeLsum"}
        for low, high in r["ci95"].values():
            assert low <= high
        assert 0 <= r["rouge1"] <= 100
    assert "rouge-score" in d["versions"] and "sumy" in d["versions"]
    # every other JSON document storyline writes said which storyline, and which form of its JSON, made it; eval's
    # did not (its "versions" names the installed distribution, which a run from a checkout does not tell apart)
    assert (d["storyline_version"], d["schema_version"]) == (__version__, SCHEMA_VERSION)
    assert schema_errors(d, json_schema("eval")) == []  # held closed: a field added to the report is added there


def test_markdown_table_header_and_rows(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "lead,oracle", "--no-memory")
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == (
        "| method | R1 F1 [95% CI] | R2 F1 [95% CI] | RLsum F1 [95% CI] | R1 rec | R2 rec | s/cluster | total s "
        "| peak MB |"
    )
    assert lines[2].startswith("| lead | ") and lines[3].startswith("| oracle | ")
    assert lines[2].endswith(" | — |")  # no memory pass
    assert "peak MB: not measured (--no-memory)" in res.output and "tracemalloc" not in res.output
    measured = json.loads(_run(str(data), "--words", "20", "--methods", "lead", "--format", "json").output)
    unmeasured = json.loads(_run(str(data), "-w", "20", "--methods", "lead", "--format", "json", "--no-memory").output)
    assert measured["memory_clusters"] == 1 and unmeasured["memory_clusters"] == 0
    assert "tracemalloc peak" in report.markdown_table(measured)
    assert "2 clusters, every output cut to 20 words, seed 0 (of the sample and of the 1,000 bootstrap resamples " \
        "behind every interval). ROUGE" in res.output
    assert "paired bootstrap" not in res.output  # no default in the run: nothing to pair


def test_the_default_is_paired_with_every_other_method_but_the_oracle(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "default,lead,oracle", "--no-memory", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["paired"]
    assert [r["method"] for r in rows] == ["lead"]
    for m in ("rouge1", "rouge2"):
        low, high = rows[0][m]["ci95"]
        assert low <= rows[0][m]["lead"] <= high and 0.0 <= rows[0][m]["ahead"] <= 1.0
        assert 0.0 < rows[0][m]["p"] <= 1.0
    d = json.loads(res.output)
    assert d["permutation_samples"] == 10_000
    table = report.markdown_table(d)
    assert "| method | R1 lead [95% CI] | R2 lead [95% CI] | ahead R1 / R2 | p R1 / R2 |" in table
    p1, p2 = (report.p_cell(rows[0][m]) for m in ("rouge1", "rouge2"))
    assert f" | {p1} / {p2} |\n" in table.split("paired bootstrap")[1].split("\n| lead | ")[1]
    assert "paired randomization test (10,000 resamples" in table
    assert [report.p_cell({"p": p}) for p in (0.0004, 0.001, 0.0456, 1.0, None)] == [
        "<0.001", "0.001", "0.046", "1.000", "—"]


def test_csv_and_output_file_and_plot(data: Path, tmp_path: Path) -> None:
    out, png = tmp_path / "r.csv", tmp_path / "p.png"
    res = _run(str(data), "-w", "20", "--methods", "lead", "--format", "csv", "-o", str(out), "--plot", str(png))
    assert res.exit_code == 0, res.output
    assert res.output == ""
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("dataset,clusters,words,method,rouge1,rouge2,rougeLsum")
    assert rows[1].split(",")[3] == "lead"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_csv_leaves_an_unmeasured_peak_memory_empty(data: Path) -> None:
    res = _run(str(data), "-w", "20", "--methods", "lead", "--format", "csv", "--no-memory")
    assert res.exit_code == 0, res.output
    head, row = (line.split(",") for line in res.output.splitlines()[:2])
    assert row[head.index("peak_mb")] == "" and "nan" not in res.output  # JSON has null, Markdown a dash


def test_csv_carries_the_paired_columns_of_the_json(data: Path) -> None:
    # The lead, its interval and its p were in the Markdown and the JSON only: a spreadsheet had the means alone.
    import csv
    import io

    args = (str(data), "--words", "20", "--methods", "default,lead,textrank,oracle", "--no-memory")
    rows = list(csv.DictReader(io.StringIO(_run(*args, "--format", "csv").stdout)))
    paired = {r["method"]: r for r in json.loads(_run(*args, "--format", "json").stdout)["paired"]}
    assert [r["method"] for r in rows] == ["default", "lead", "textrank", "oracle"]
    for r in rows:
        if r["method"] not in paired:  # the paired method itself and the oracle
            assert r["paired_with"] == r["rouge1_lead"] == r["rouge2_p_holm"] == ""
            continue
        assert r["paired_with"] == "default"
        for m in ("rouge1", "rouge2"):
            cell = paired[r["method"]][m]
            assert float(r[f"{m}_lead"]) == cell["lead"]
            assert [float(r[f"{m}_lead_low"]), float(r[f"{m}_lead_high"])] == cell["ci95"]
            assert (float(r[f"{m}_ahead"]), float(r[f"{m}_p"]), float(r[f"{m}_p_holm"])) == (
                cell["ahead"], cell["p"], cell["p_holm"])
    alone = list(csv.DictReader(io.StringIO(_run(str(data), "-w", "20", "--methods", "lead", "--format", "csv",
                                                 "--no-memory").stdout)))
    assert "rouge1_p_holm" in alone[0] and alone[0]["rouge1_lead"] == ""  # the same columns, empty: nothing paired


def test_the_paired_p_values_are_also_given_holm_adjusted_over_the_table(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "default,lead,textrank,sumy-lexrank,oracle", "--no-memory",
               "--format", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert schema_errors(d, json_schema("eval")) == []
    for m in ("rouge1", "rouge2"):
        ps = [r[m]["p"] for r in d["paired"]]
        # Holm by hand: the i-th smallest of the 3 times (3 - i), capped at 1, never below the one before
        ranked = sorted(range(3), key=lambda k: ps[k])
        by_hand = [0.0] * 3
        running = 0.0
        for i, k in enumerate(ranked):
            running = max(running, min(1.0, (3 - i) * ps[k]))
            by_hand[k] = running
        assert [r[m]["p_holm"] for r in d["paired"]] == pytest.approx(by_hand, abs=2e-4)  # p is kept to 4 digits
        assert all(r[m]["p"] <= r[m]["p_holm"] <= 1.0 for r in d["paired"])
    table = report.markdown_table(d)
    assert "| ahead R1 / R2 | p R1 / R2 | p Holm R1 / R2 |\n|---|---|---|---|---|---|\n" in table
    assert "Holm's method over the 3 comparisons of each metric" in table
    lead = d["paired"][0]
    row = table.split("paired bootstrap")[1].split("\n| lead | ")[1].split("\n")[0]
    assert row.endswith(f" | {report.p_cell(lead['rouge1'], 'p_holm')} / {report.p_cell(lead['rouge2'], 'p_holm')} |")


def test_jobs_give_the_same_scores(data: Path) -> None:
    one = json.loads(_run(str(data), "-w", "20", "--methods", "lead", "--format", "json", "--no-memory").output)
    two = json.loads(_run(str(data), "-w", "20", "--methods", "lead", "--format", "json", "--no-memory",
                          "-j", "2").output)
    assert one["results"][0]["rouge1"] == two["results"][0]["rouge1"]
    assert one["results"][0]["ci95"] == two["results"][0]["ci95"]


def test_unknown_method_is_one_line_naming_it(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "lead,bogus")
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and "unknown method 'bogus'" in res.output
    assert "Traceback" not in res.output


def test_cluster_without_references_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"id": "x", "documents": HARBOR}) + "\n", encoding="utf-8")
    res = _run(str(p), "--words", "20", "--methods", "lead")
    assert res.exit_code == 6
    assert res.output.strip() == f"storyline: error: {p}, line 1: the cluster has no reference summaries"


def test_not_the_schema(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text("this is not json\n", encoding="utf-8")
    res = _run(str(p), "--words", "20")
    assert res.exit_code == 6 and "line 1: not valid JSON" in res.output


def test_bad_budget(data: Path) -> None:
    res = _run(str(data), "--words", "0", "--methods", "lead")
    assert res.exit_code == 2 and "word budget" in res.output


def test_markdown_table_renders_a_saved_report_exactly() -> None:
    d = {
        "dataset": "toy/set", "clusters": 2, "words": 20, "seed": 0,
        "results": [{
            "method": "lead", "rouge1": 41.5, "rouge2": 12.25, "rougeLsum": 38.0, "rouge1_recall": 40.0,
            "rouge2_recall": 11.0, "ci95": {"rouge1": [40.0, 43.0], "rouge2": [11.0, 13.5], "rougeLsum": [37.0, 39.0]},
            "seconds_per_cluster": 0.0123, "seconds_total": 0.5, "peak_mb": 1.25,
        }],
    }
    table = report.markdown_table(d).splitlines()
    assert table[2] == (
        "| lead | 41.50 [40.0, 43.0] | 12.25 [11.0, 13.5] | 38.00 [37.0, 39.0] | 40.00 | 11.00 | 0.012 | 0.5 | 1.3 |"
    )
    assert table[4] == "toy/set: 2 clusters, every output cut to 20 words, seed 0. ROUGE ×100 (rouge-score, " \
        "stemmed; references averaged)."


def test_markdown_rounds_the_saved_figures_half_up_as_the_unrounded_ones_would() -> None:
    # The JSON keeps 2 decimals (38.152 -> 38.15, a float just under 38.15): the 1-decimal interval bounds of the
    # Markdown read 38.2 as the unrounded value does, not 38.1 as formatting the float gave.
    d = {
        "dataset": "toy/set", "clusters": 2, "words": 20, "seed": 0,
        "results": [{
            "method": "lead", "rouge1": 41.5, "rouge2": 12.25, "rougeLsum": 38.0, "rouge1_recall": 40.0,
            "rouge2_recall": 11.0,
            "ci95": {"rouge1": [38.15, 43.05], "rouge2": [11.0, 13.5], "rougeLsum": [37.0, 39.0]},
            "seconds_per_cluster": 0.0123, "seconds_total": 0.5, "peak_mb": None,
        }],
        "paired_with": "default",
        "paired": [{"method": "lead", "rouge1": {"lead": 0.125, "ci95": [-0.05, 0.35], "ahead": 0.9},
                    "rouge2": {"lead": None, "ci95": [None, None], "ahead": 0.5}}],
    }
    text = report.markdown_table(d)
    assert "| 41.50 [38.2, 43.1] |" in text and "| 0.5 | — |" in text
    assert "| lead | +0.13 [-0.1, +0.4] | — | 0.90 / 0.50 |\n" in text and "p R1" not in text  # saved before p
    # saved with p, before p_holm: the p column alone
    for cell in d["paired"][0]["rouge1"], d["paired"][0]["rouge2"]:
        cell["p"] = 0.0123
    with_p = report.markdown_table(d)
    assert "| lead | +0.13 [-0.1, +0.4] | — | 0.90 / 0.50 | 0.012 / 0.012 |\n" in with_p and "Holm" not in with_p
    assert "toy/set: 2 clusters," in text and "toy/set: 1 cluster," in report.markdown_table({**d, "clusters": 1})


def test_multinews_release_files_with_references(tmp_path: Path) -> None:
    src, tgt = tmp_path / "val.src", tmp_path / "gold.txt"
    src.write_text(" ||||| ".join(HARBOR) + "\n", encoding="utf-8")
    tgt.write_text(f"– {REF}\n", encoding="utf-8")
    res = _run(str(src), "--references", str(tgt), "--words", "20", "--methods", "lead", "--format", "json",
               "--no-memory")
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["dataset"] == f"{tmp_path.name}/val" and d["clusters"] == 1


def test_eval_is_listed_in_help() -> None:
    res = CliRunner().invoke(cli, ["--help"])
    assert "eval" in res.output


def test_report_and_plot_may_not_share_a_file(data: Path, tmp_path: Path) -> None:
    same = tmp_path / "same.md"
    res = _run(str(data), "-w", "20", "--methods", "lead", "-o", str(same), "--plot", str(same))
    assert res.exit_code == 2 and not same.exists()
    assert res.output == (
        f"storyline: error: -o {same} and --plot {same} name the same file; give them different names\n"
    )
    for no_file in ("-", "", " "):  # not "(or - for standard output)", as -o '' is told
        res = _run(str(data), "-w", "20", "--methods", "lead", "--plot", no_file)
        assert res.exit_code == 2
        assert res.output == "storyline: error: --plot needs a file name: the PNG is not written to standard output\n"
    text = tmp_path / "scores.txt"  # PNG bytes in a .txt file would be a surprise: refused before the run
    res = _run(str(data), "-w", "20", "--methods", "lead", "--plot", str(text))
    assert res.exit_code == 2 and "give a file name ending in .png" in res.output and not text.exists()


def test_outputs_are_checked_before_the_evaluation(data: Path, tmp_path: Path) -> None:
    res = _run(str(data), "-w", "20", "--methods", "lead", "-o", str(data))
    assert res.exit_code == 2 and "refusing to overwrite an input file" in res.output
    res = _run(str(data), "-w", "20", "--methods", "lead", "--plot", str(tmp_path))
    assert res.exit_code == 8
    assert res.output == f"storyline: error: {tmp_path}: is a directory; give a file name for --plot\n"


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--seed", "-1", "--seed must be 0 or more (got -1)"),
    ("--jobs", "0", "--jobs must be at least 1 (got 0)"),
    ("--limit", "0", "--limit must be at least 1 (got 0)"),
    ("--words", "0", "the word budget must be at least 1 (got 0)"),
])
def test_run_numbers_are_checked_before_the_data_is_read(tmp_path: Path, option: str, value: str, message: str) -> None:
    absent = tmp_path / "absent.jsonl"  # never reached: the numbers are refused first
    args = ["-w", "20", option, value] if option != "--words" else [option, value]
    res = _run(str(absent), *args, "--methods", "lead")
    assert res.exit_code == 2 and res.output == f"storyline: error: {message}" + (
        "; try --words 100\n" if option == "--words" else "\n")


def test_pair_names_the_method_the_others_are_paired_with(data: Path) -> None:
    res = _run(str(data), "--words", "20", "--methods", "lead,textrank,oracle", "--no-memory", "--pair", "textrank")
    assert res.exit_code == 0, res.output
    assert "textrank against each method on the same clusters" in res.output
    assert "\n| lead | " in res.output.split("paired bootstrap")[1]
    for bad in ("oracle", "lexrank"):  # the oracle is no method; lexrank is not in the run
        res = _run(str(data), "--words", "20", "--methods", "lead,textrank,oracle", "--pair", bad)
        assert res.exit_code == 2 and "--pair" in res.output and "Traceback" not in res.output


def test_no_output_goes_into_the_model_summaries_found_beside_a_duc_directory(tmp_path: Path) -> None:
    """The report would be read as one more model summary of cluster d30001 by the next run."""
    docs, models = duc_beside_models(tmp_path, REF)
    for option in ("-o", "--plot"):
        target = models / ("D30001.md" if option == "-o" else "D30001.png")
        res = _run(str(docs), "-w", "20", "--methods", "lead", option, str(target))
        assert res.exit_code == 2 and not target.exists(), res.output
        assert res.output == (f"storyline: error: {target}: inside the input directory {models}, where a later "
                              f"run would read it as an article; write {option} elsewhere\n")
    res = _run(str(docs), "-w", "20", "--methods", "lead", "--no-memory", "--format", "json")
    assert res.exit_code == 0 and json.loads(res.output)["clusters"] == 1, res.output


def test_duc_references_that_are_a_file_are_named_as_such(tmp_path: Path) -> None:
    docs, models = duc_beside_models(tmp_path, REF)
    model = models / "D30001.M.100.T.A"
    res = _run(str(docs), "-w", "20", "--methods", "lead", "--references", str(model))
    assert res.exit_code == 2 and res.output == (
        f"storyline: error: {model}: not a directory; a DUC directory's --references is the directory of model "
        "summaries\n")


@pytest.mark.parametrize(("module", "args", "message"), [
    ("rouge_score", ("--methods", "lead"), "scoring needs rouge_score"),
    ("sumy", ("--methods", "lead,sumy-lexrank"), "a sumy-* method needs sumy"),
    ("matplotlib", ("--methods", "lead", "--plot", "p.png"), "--plot needs matplotlib"),
])
def test_a_missing_bench_package_is_exit_7_before_the_run(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, args: tuple[str, ...], message: str
) -> None:
    """Not an internal error (exit 70) in the middle of the run, or after it for the plot."""
    from storyline.evaluate import runner

    def no_run(*a: object, **k: object) -> None:
        raise AssertionError("the run started")

    monkeypatch.setattr(runner, "run_cluster", no_run)
    monkeypatch.setitem(sys.modules, module, None)  # what an install without the bench extra gives
    monkeypatch.chdir(tmp_path)
    res = _run(str(data), "-w", "20", *args)
    assert res.exit_code == 7 and not (tmp_path / "p.png").exists()
    assert res.output == f"storyline: error: {message}, which is not installed: pip install 'storyline[bench]'\n"


def test_progress_on_a_terminal_covers_the_reading_the_clusters_then_the_memory_pass(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.cli import inputs

    quiet = CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead,fast"])
    assert quiet.exit_code == 0 and quiet.stderr == ""  # not a terminal: nothing
    monkeypatch.setattr(inputs, "on_terminal", lambda: True)
    name = f"{data.parent.name}/toy"
    shown = CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead,fast"])
    # Reading the file came first and said nothing: Multi-News train took 8-20 s before the first bar.
    assert shown.exit_code == 0 and shown.stderr.split() == ["Reading", name, "Scoring", name, "Peak", "memory"]
    no_memory = CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead,fast", "--no-memory"])
    assert no_memory.stderr.split() == ["Reading", name, "Scoring", name]


def test_reading_an_eval_set_counts_every_cluster_of_the_file_also_under_a_limit(data: Path) -> None:
    from storyline.evaluate.datasets import load_eval_set

    counted: list[int] = []
    eval_set = load_eval_set(data, limit=1, progress=counted.append)
    assert len(eval_set.clusters) == 1 and sum(counted) == len(eval_set.file_ids) > 1


def test_the_report_format_follows_the_output_files_suffix_unless_given(data: Path, tmp_path: Path) -> None:
    common = (str(data), "--words", "20", "--methods", "lead", "--no-memory")
    assert _run(*common, "-o", str(tmp_path / "r.csv")).exit_code == 0
    assert (tmp_path / "r.csv").read_text().startswith("dataset,clusters,words,method,")
    assert _run(*common, "-o", str(tmp_path / "r.JSON")).exit_code == 0
    assert json.loads((tmp_path / "r.JSON").read_text())["clusters"] == 2
    assert _run(*common, "-o", str(tmp_path / "r.json"), "--format", "md").exit_code == 0
    assert (tmp_path / "r.json").read_text().startswith("| method |")
    assert _run(*common, "-o", str(tmp_path / "r.txt")).exit_code == 0  # no format of its own: md
    assert (tmp_path / "r.txt").read_text().startswith("| method |")


def test_standard_input_is_not_a_dataset_to_score() -> None:
    res = _run("-", "--words", "20")
    assert res.exit_code == 2
    assert res.stderr == (
        "storyline: error: storyline eval reads a dataset file, not standard input (-): give the file's path\n"
    )


def test_a_report_named_as_a_png_is_refused_before_the_run(data: Path, tmp_path: Path) -> None:
    # "-o scores.png" wrote the Markdown table into a .png file (the plot is --plot), after the whole run.
    png = tmp_path / "scores.png"
    res = _run(str(data), "-w", "20", "--methods", "lead", "-o", str(png))
    assert res.exit_code == 2 and not png.exists()
    assert res.output == (f"storyline: error: -o {png}: the report is md text, not an image; "
                          f"give the plot with --plot {png}\n")


def test_a_limit_over_the_datasets_size_is_told(data: Path) -> None:
    res = CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead", "--no-memory", "--limit", "50"])
    assert res.exit_code == 0, res.output
    n = json.loads(CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead", "--no-memory",
                                            "--format", "json"]).stdout)["clusters"]
    assert res.stderr == f"storyline: note: --limit 50: {data.parent.name}/toy has {n} clusters, all of them scored\n"


def test_list_methods_names_every_method_eval_takes_without_data_or_budget() -> None:
    # summarize --list-methods lists the registry alone: the sumy peers and the oracle were named only by the
    # error of an unknown method.
    from storyline import methods
    from storyline.evaluate.runner import resolve_methods

    res = _run("--list-methods")
    assert res.exit_code == 0 and res.stderr == "", res.output
    lines = res.stdout.splitlines()
    listed = [line.split()[0] for line in lines[:-1]]
    assert listed == resolve_methods("all")
    assert lines[listed.index("sumy-klsum")].split(None, 1)[1].startswith("sumy's KL-Sum (Haghighi & Vanderwende")
    assert lines[-1] == f"all: every one of them; ours: the first {len(methods.names())}; sumy: the sumy-* peers"


def test_a_budget_far_from_the_references_length_is_noted(data: Path) -> None:
    # The toy references run 11 words on average: 200 words is a budget of another dataset (ROUGE F1 halves at
    # 300 words against NeuS's 55-word references), said on stderr; 20 words is near theirs, said nothing of.
    res = _run(str(data), "-w", "200", "--methods", "lead", "--no-memory")
    assert res.exit_code == 0, res.output
    assert res.stderr == (f"storyline: note: --words 200, and the references of {data.parent.name}/toy run 11 words "
                          "on average: ROUGE F1 is for a budget near theirs (recall is reported too)\n")
    short = _run(str(data), "-w", "5", "--methods", "lead", "--no-memory")
    assert short.stderr.startswith("storyline: note: --words 5, and the references")
    assert _run(str(data), "-w", "20", "--methods", "lead", "--no-memory").stderr == ""


def test_per_cluster_writes_each_clusters_summaries_and_scores(data: Path, tmp_path: Path) -> None:
    # The report gave means and intervals only: a researcher's own test (a Wilcoxon, a permutation) and a look
    # at what each method chose need every cluster's summary and scores.
    outputs = tmp_path / "o.jsonl"
    outputs.write_text(json.dumps({"id": "harbor", "summary": [REF, REF]}) + "\n"
                       + json.dumps({"id": "harbor-2", "summary": "Ships must move."}) + "\n", encoding="utf-8")
    lines_path = tmp_path / "per.jsonl"
    res = _run(str(data), "-w", "20", "--methods", "lead,oracle", "--outputs", f"mine={outputs}", "--no-memory",
               "--format", "json", "--per-cluster", str(lines_path))
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    rows = [json.loads(line) for line in lines_path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["harbor", "harbor-2"] and rows[0]["cluster_words"] > 20
    # a failure is read against what the summary was scored against
    assert [r["references"] for r in rows] == [[REF], [REF, "Ships must move by March."]]
    assert [list(r["methods"]) for r in rows] == [["lead", "mine", "oracle"]] * 2
    assert rows[0]["methods"]["mine"]["summary"] == " ".join(f"{REF} {REF}".split()[:20])
    assert rows[1]["methods"]["mine"] == {**rows[1]["methods"]["mine"], "summary": "Ships must move.", "seconds": None}
    for result in d["results"]:
        per = [r["methods"][result["method"]] for r in rows]
        assert all(len(p["summary"].split()) <= 20 for p in per)
        for metric in ("rouge1", "rouge2", "rougeLsum", "rouge1_recall", "rouge2_recall"):
            assert sum(p[metric] for p in per) / len(per) == pytest.approx(result[metric], abs=0.006)
    assert rows[0]["methods"]["lead"]["seconds"] >= 0
    assert {(r["storyline_version"], r["schema_version"]) for r in rows} == {(__version__, SCHEMA_VERSION)}
    assert [schema_errors(r, json_schema("eval-cluster")) for r in rows] == [[], []]
    assert d["results"][1]["from"] and schema_errors(d, json_schema("eval")) == []  # --outputs: "from", nulls


def test_the_reports_make_bench_wrote_are_of_the_eval_schema() -> None:
    # make bench adds how it ran (command, date, wall_seconds, jobs, git); the reports under benchmarks/ were written
    # before the report carried storyline_version and schema_version, and lack only those
    reports = [ROOT / "benchmarks" / f"{name}.json" for name in ("multinews_val", "multinews_dev_original", "duc2003",
                                                                  "multiling2011", "neus_val")]
    stamp = ["$: lacks 'storyline_version'", "$: lacks 'schema_version'"]
    for path in reports:
        made = json.loads(path.read_text(encoding="utf-8"))
        assert made["paired"] and [e for e in schema_errors(made, json_schema("eval")) if e not in stamp] == [], path


def test_per_cluster_needs_a_file_of_its_own(data: Path, tmp_path: Path) -> None:
    for args in (["-o", str(tmp_path / "r.md"), "--per-cluster", str(tmp_path / "r.md")], ["--per-cluster", "-"],
                 ["--per-cluster", str(data)]):
        res = _run(str(data), "-w", "20", "--methods", "lead", "--no-memory", *args)
        assert res.exit_code == 2 and res.stderr.startswith("storyline: error: ") and res.stderr.count("\n") == 1
        assert "No such option" not in res.stderr
    assert not (tmp_path / "r.md").exists()


def test_off_a_terminal_a_long_run_writes_a_progress_line_now_and_then(data: Path, monkeypatch: pytest.MonkeyPatch
                                                                       ) -> None:
    # Under nohup or CI the bar is hidden, and a run of minutes said nothing until its end.
    from storyline.cli import lines

    ticks = iter(range(0, 10_000, 20))  # every reading of the clock 20 s after the one before
    monkeypatch.setattr(lines, "clock", lambda: float(next(ticks)))
    res = CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead,fast"])
    assert res.exit_code == 0, res.output
    said = [line.split(":", 2)[1:] for line in res.stderr.splitlines()]
    name = f" Reading {data.parent.name}/toy"
    scoring = f" Scoring {data.parent.name}/toy"
    assert said == [
        # a count with no total ends when the reading does, a reading of the clock after the last cluster's
        [name, " 1 cluster so far, 0:20 elapsed"], [name, " 2 clusters, done in 1:00"],
        [scoring, " 1 of 2 clusters (50%), 0:20 elapsed"], [scoring, " 2 of 2 clusters, done in 0:40"],
        # said to start after a long stage, then within 30 s of that: no line between
        [" Peak memory", " 0 of 2 methods, started"], [" Peak memory", " 2 of 2 methods, done in 0:40"],
    ], res.stderr
    assert all(line.startswith("storyline: ") for line in res.stderr.splitlines())
    assert json.loads(CliRunner().invoke(cli, ["eval", str(data), "-w", "20", "--methods", "lead", "--no-memory",
                                              "--format", "json"]).stdout)["clusters"] == 2  # stdout: the report alone
