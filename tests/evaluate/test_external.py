"""Outside methods in ``storyline eval``: --outputs (summaries read from a file) and --callable (a function)."""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import DATA, HARBOR, HARBOR_REF, duc_beside_models, needs_data, toy_eval_jsonl

from storyline.cli import cli
from storyline.evaluate import CallableMethod, EvalSet, callable_method, evaluate, load_eval_set, read_outputs
from storyline.evaluate.external import CallableFailedError
from storyline.evaluate.runner import summarize_with

REF = HARBOR_REF
SCORES = ("rouge1", "rouge2", "rougeLsum", "rouge1_recall", "rouge2_recall", "ci95")

# A summarizer as a researcher would write one, and ways for one to go wrong (imported by the tests from tmp_path).
MODULE = '''
def first_two(documents, words):
    """The first two lines of the first document."""
    return documents[0].split("\\n")[:2]

def as_text(documents, words):
    return " ".join(documents[0].split()[:words])

def explode(documents, words):
    if documents[0].startswith("The city council of Lindenfeld"):
        raise ValueError("no summary today\\nsecond line of the message")
    return documents[0]

def number(documents, words):
    return 42

def forgot_return(documents, words):
    documents[0].split()

NOT_A_FUNCTION = 3
'''


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return toy_eval_jsonl(tmp_path)


@pytest.fixture
def mod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The name of a module written in tmp_path, importable from the current directory (as a user runs it)."""
    name = f"summarizer_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(MODULE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the CLI puts the current directory on it
    return name


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["eval", *args])


def _lines(path: Path, rows: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _lead_file(data: Path, path: Path, words: int = 20) -> Path:
    """lead's summaries of every cluster of ``data``, written out as a system's outputs."""
    clusters = load_eval_set(data).clusters
    return _lines(path, [{"id": c.id, "summary": summarize_with("lead", c, words)} for c in clusters])


def _json(res) -> dict:  # type: ignore[no-untyped-def, type-arg]
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- --outputs


def test_a_methods_summaries_read_from_a_file_score_exactly_as_the_method(data: Path, tmp_path: Path) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--format", "json"))
    lead, mine = d["results"]
    assert mine["method"] == "mine" and mine["from"] == f"outputs {outputs}" and "from" not in lead
    assert {k: mine[k] for k in SCORES} == {k: lead[k] for k in SCORES}
    # made elsewhere: no time, no memory (null, not 0)
    assert mine["seconds_per_cluster"] is None and mine["seconds_total"] is None and mine["peak_mb"] is None
    assert lead["seconds_per_cluster"] is not None and lead["peak_mb"] is not None


def test_an_unmeasured_time_reads_as_a_dash_and_an_empty_csv_cell(data: Path, tmp_path: Path) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}")
    assert res.exit_code == 0, res.output
    row = next(line for line in res.stdout.splitlines() if line.startswith("| mine |"))
    assert row.endswith(" | — | — | — |")
    note = f"Outside methods: mine: outputs {outputs} (made elsewhere: CPU time and memory not measured, —)."
    assert note in res.stdout
    csv = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--format", "csv")
    assert csv.stdout.splitlines()[2].endswith(",,,")  # seconds, total, peak: empty


def test_a_summary_may_be_a_list_of_sentences(data: Path, tmp_path: Path) -> None:
    text = [{"id": i, "summary": "The council closed the harbor. Ships must move by March."}
            for i in ("harbor", "harbor-2")]
    listed = [{"id": i, "summary": ["The council closed the harbor.", "Ships must move by March."]}
              for i in ("harbor", "harbor-2")]
    a = _lines(tmp_path / "a.jsonl", text)
    b = _lines(tmp_path / "b.jsonl", listed)
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"a={a}", "--outputs", f"b={b}",
                   "--format", "json", "--no-memory"))
    ra, rb = d["results"][1:]
    assert [ra["method"], rb["method"]] == ["a", "b"]
    assert {k: ra[k] for k in SCORES} == {k: rb[k] for k in SCORES}


def test_outputs_are_cut_to_the_budget_like_every_method(data: Path, tmp_path: Path) -> None:
    long = _lines(tmp_path / "long.jsonl", [{"id": i, "summary": REF + " " + "filler words " * 200}
                                            for i in ("harbor", "harbor-2")])
    short = _lines(tmp_path / "short.jsonl", [{"id": i, "summary": REF} for i in ("harbor", "harbor-2")])
    d = _json(_run(str(data), "-w", "13", "--methods", "lead", "--outputs", f"long={long}",
                   "--outputs", f"short={short}", "--format", "json", "--no-memory"))
    assert len(REF.split()) == 13
    assert d["results"][1]["rouge1"] == d["results"][2]["rouge1"]


def test_a_cluster_without_a_summary_is_one_line_naming_how_many_and_the_first(data: Path, tmp_path: Path) -> None:
    outputs = _lines(tmp_path / "o.jsonl", [{"id": "harbor", "summary": REF}])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "-o", str(tmp_path / "r.md"))
    assert res.exit_code == 6 and not (tmp_path / "r.md").exists()
    assert res.output == (f"storyline: error: --outputs mine={outputs}: no summary for 1 of the 2 clusters scored, "
                          f"the first 'harbor-2'; to score the clusters it has, add --ids {outputs}\n")


def test_ids_score_the_clusters_a_system_has_summaries_for_beside_the_baselines(data: Path, tmp_path: Path) -> None:
    # A system run on some clusters of a large set (an LLM on 50 of Multi-News val's 5,622) could not be scored:
    # every cluster needed its summary, and --limit draws a sample of its own.
    outputs = _lines(tmp_path / "o.jsonl", [{"id": "harbor-2", "summary": REF}])
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--ids", str(outputs),
                   "--format", "json", "--no-memory", "--pair", "mine"))
    assert d["clusters"] == 1 and d["ids_from"] == str(outputs) and d["results"][1]["method"] == "mine"
    lines = tmp_path / "pc.jsonl"
    assert _run(str(data), "-w", "20", "--methods", "lead", "--ids", str(outputs), "--no-memory", "--per-cluster",
                str(lines), "-o", str(tmp_path / "r.md")).exit_code == 0
    assert f"/toy: 1 cluster (those {outputs} names), every output cut" in (tmp_path / "r.md").read_text()
    assert [json.loads(x)["id"] for x in lines.read_text().splitlines()] == ["harbor-2"]
    # an earlier run's --per-cluster file names the same clusters again
    again = _json(_run(str(data), "-w", "20", "--methods", "lead", "--ids", str(lines), "--format", "json",
                       "--no-memory"))
    assert again["ids_sha256"] == d["ids_sha256"]
    res = _run(str(data), "-w", "20", "--methods", "lead", "--ids", str(outputs), "--limit", "5", "--no-memory")
    assert res.exit_code == 0 and res.stderr.splitlines()[0] == (
        f"storyline: note: --limit 5: --ids {outputs} names 1 cluster, and it is scored")
    stray = _lines(tmp_path / "stray.jsonl", [{"id": "harbor", "summary": REF}, {"id": "elsewhere", "summary": REF}])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--ids", str(stray), "-o", str(tmp_path / "x.md"))
    assert res.exit_code == 6 and not (tmp_path / "x.md").exists()
    assert res.stderr == (f"storyline: error: --ids {stray}: 1 of its 2 ids name no cluster of the dataset, the first "
                          "'elsewhere' (the dataset's first is 'harbor'; ids: see 'storyline eval --help')\n")
    res = _run(str(data), "-w", "20", "--methods", "lead", "--ids", str(outputs), "-o", str(outputs))
    assert res.exit_code == 2 and "refusing to overwrite an input file" in res.stderr


def test_a_file_whose_ids_name_no_cluster_says_so_with_an_id_of_each(data: Path, tmp_path: Path) -> None:
    # "no summary for 2 of the 2 clusters scored, the first 'harbor'" left the reader to find that the file numbers
    # its clusters another way (a line number, another split's ids).
    outputs = _lines(tmp_path / "o.jsonl", [{"id": i, "summary": REF} for i in (1, 2)])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}")
    assert res.exit_code == 6
    assert res.stderr == (f"storyline: error: --outputs mine={outputs}: none of its 2 ids is a cluster id of the "
                          "dataset (its first '1', the dataset's 'harbor'; ids: see 'storyline eval --help')\n")


def test_a_sample_needs_the_summaries_of_its_own_clusters_only(data: Path, tmp_path: Path) -> None:
    picked = load_eval_set(data, limit=1, seed=0).ids
    outputs = _lines(tmp_path / "o.jsonl", [{"id": picked[0], "summary": REF}])
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--limit", "1",
                   "--format", "json", "--no-memory"))
    assert d["clusters"] == 1 and d["results"][1]["rouge1"] > 0


def test_ids_not_in_the_dataset_are_ignored_and_counted(data: Path, tmp_path: Path) -> None:
    rows = [{"id": i, "summary": REF} for i in ("harbor", "harbor-2", "elsewhere", "nowhere")]
    outputs = _lines(tmp_path / "o.jsonl", rows)
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--no-memory")
    assert res.exit_code == 0, res.output
    assert res.stderr == f"storyline: note: --outputs mine: 2 summaries for ids not in {data.parent.name}/toy ignored\n"
    # a cluster left out of a sample is no unknown id
    picked = load_eval_set(data, limit=1, seed=0).ids
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--limit", "1",
               "--no-memory")
    assert res.exit_code == 0 and "2 summaries" in res.stderr and len(picked) == 1


def test_ids_not_in_the_dataset_are_noted_once(data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The command's note is the one line: the runner's logged warning of the same ids reached a terminal
    # too (Python's last-resort handler), as a second, unprefixed line. The library still warns.
    outputs = _lines(tmp_path / "o.jsonl", [{"id": i, "summary": REF} for i in ("harbor", "harbor-2", "elsewhere")])
    with caplog.at_level("WARNING", logger="storyline"):
        res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--no-memory")
    assert res.exit_code == 0, res.output
    assert res.stderr.count("ignored") == 1 and caplog.messages == []
    with caplog.at_level("WARNING", logger="storyline"):
        evaluate(load_eval_set(data), ["lead"], 20, external=[read_outputs("mine", outputs)], memory=False)
    assert caplog.messages == [f"mine: 1 summaries for ids not in {data.parent.name}/toy ignored"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2: not valid JSON"),
        ('{"id": "harbor-2"}', "line 2: expected a JSON object with an 'id' and a 'summary'"),
        ('{"id": "harbor-2", "summary": 3}', "line 2: 'summary' must be a string or a list of sentence strings"),
        ('{"id": "harbor-2", "summary": ["a", 3]}', "line 2: 'summary' must be a string or a list of sentence"),
        ('{"id": null, "summary": "x"}', "line 2: 'id' must be a cluster id (a string)"),
        ('{"id": "harbor", "summary": "again"}', "line 2: id 'harbor' again (first on line 1); one summary a cluster"),
    ],
)
def test_a_malformed_line_is_exit_6_naming_the_file_and_line(
    data: Path, tmp_path: Path, line: str, message: str
) -> None:
    outputs = tmp_path / "o.jsonl"
    outputs.write_text(json.dumps({"id": "harbor", "summary": REF}) + "\n" + line + "\n", encoding="utf-8")
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}")
    assert res.exit_code == 6 and res.output.startswith(f"storyline: error: {outputs}, {message}"), res.output
    assert len(res.output.splitlines()) == 1


def test_a_dataset_with_an_id_twice_cannot_be_matched_by_id(tmp_path: Path) -> None:
    data = _lines(tmp_path / "twice.jsonl", [{"id": "x", "documents": HARBOR, "summaries": [REF]}] * 2)
    outputs = _lines(tmp_path / "o.jsonl", [{"id": "x", "summary": REF}])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}")
    assert res.exit_code == 6 and "cluster id 'x' is given twice" in res.output


@pytest.mark.parametrize("name", ["lead", "default", "oracle", "sumy-lexrank", "all", "ours", "sumy"])
def test_a_name_of_ours_is_refused(data: Path, tmp_path: Path, name: str) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    res = _run(str(data), "-w", "20", "--outputs", f"{name}={outputs}")
    assert res.exit_code == 2
    said = f"'{name}' is one of storyline's method names; give your method another name"
    assert res.output == f"storyline: error: {said}\n"


def test_two_outside_methods_may_not_share_a_name_and_a_name_is_a_word(data: Path, tmp_path: Path, mod: str) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    res = _run(str(data), "-w", "20", "--outputs", f"mine={outputs}", "--callable", f"mine={mod}:first_two")
    assert res.exit_code == 2 and "'mine' names two outside methods" in res.output
    for spec in (f"my,own={outputs}", f"={outputs}", "mine", "mine="):
        res = _run(str(data), "-w", "20", "--outputs", spec)
        assert res.exit_code == 2 and res.output.startswith("storyline: error: "), (spec, res.output)


def test_the_report_may_not_overwrite_the_outputs_file(data: Path, tmp_path: Path) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    before = outputs.read_text(encoding="utf-8")
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "-o", str(outputs))
    assert res.exit_code == 2 and outputs.read_text(encoding="utf-8") == before


def test_outside_methods_take_their_place_in_methods_and_may_be_paired(data: Path, tmp_path: Path) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    d = _json(_run(str(data), "-w", "20", "--methods", "mine,lead,oracle", "--outputs", f"mine={outputs}",
                   "--pair", "mine", "--format", "json", "--no-memory"))
    assert [r["method"] for r in d["results"]] == ["mine", "lead", "oracle"]
    assert d["paired_with"] == "mine" and [r["method"] for r in d["paired"]] == ["lead"]
    assert d["paired"][0]["rouge1"]["lead"] == 0.0  # the same summaries
    assert d["paired"][0]["rouge1"]["p"] == d["paired"][0]["rouge2"]["p"] == 1.0  # no evidence either way
    d = _json(_run(str(data), "-w", "20", "--methods", "lead,oracle", "--outputs", f"mine={outputs}",
                   "--format", "json", "--no-memory"))
    assert [r["method"] for r in d["results"]] == ["lead", "mine", "oracle"]  # the ceiling stays last


def test_a_plot_leaves_an_unmeasured_time_out(data: Path, tmp_path: Path) -> None:
    outputs = _lead_file(data, tmp_path / "lead.jsonl")
    plot = tmp_path / "p.png"
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--plot", str(plot),
               "--no-memory")
    assert res.exit_code == 0, res.output
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _src_and_duc(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "val.src"
    src.write_text(" ||||| ".join(HARBOR) + "\n" + " ||||| ".join(HARBOR[1:]) + "\n", encoding="utf-8")
    (tmp_path / "val.tgt").write_text(f"{REF}\n{REF}\n", encoding="utf-8")
    docs, _ = duc_beside_models(tmp_path, REF)
    return src, docs


def test_the_ids_of_multinews_and_duc_clusters_are_the_documented_ones(tmp_path: Path) -> None:
    src, docs = _src_and_duc(tmp_path)
    assert load_eval_set(src).ids == ("val_1", "val_2")
    assert load_eval_set(docs).ids == ("d30001",)
    for data, ids in ((src, ("val_1", "val_2")), (docs, ("d30001",))):
        outputs = _lines(tmp_path / "o.jsonl", [{"id": i, "summary": REF} for i in ids])
        d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--format", "json",
                       "--no-memory"))
        assert d["results"][1]["rouge1"] == 100.0
    help_text = _run("--help").output
    assert "STEM_LINE" in help_text and "d30001" in help_text


# ---------------------------------------------------------------------------------------------- --callable


def test_a_callable_is_scored_timed_and_traced(data: Path, mod: str) -> None:
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--callable", f"two={mod}:first_two",
                   "--format", "json"))
    two = d["results"][1]
    assert two["method"] == "two" and two["from"] == f"callable {mod}:first_two"
    assert two["seconds_per_cluster"] is not None and two["seconds_per_cluster"] >= 0
    assert two["peak_mb"] is not None and two["rouge1"] > 0


def test_a_callable_gives_the_scores_of_the_same_summaries_read_from_a_file(
    data: Path, tmp_path: Path, mod: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import import_module

    monkeypatch.syspath_prepend(tmp_path)
    fn = import_module(mod).as_text
    clusters = load_eval_set(data).clusters
    outputs = _lines(tmp_path / "o.jsonl", [{"id": c.id, "summary": fn([a.text for a in c.articles], 20)}
                                            for c in clusters])
    d = _json(_run(str(data), "-w", "20", "--methods", "lead", "--callable", f"fn={mod}:as_text",
                   "--outputs", f"file={outputs}", "--format", "json", "--no-memory"))
    by = {r["method"]: r for r in d["results"]}
    assert {k: by["fn"][k] for k in SCORES} == {k: by["file"][k] for k in SCORES}


def test_a_callable_runs_in_worker_processes(data: Path, mod: str) -> None:
    args = (str(data), "-w", "20", "--methods", "lead", "--callable", f"two={mod}:first_two", "--format", "json",
            "--no-memory")
    one, two = _json(_run(*args)), _json(_run(*args, "--jobs", "2"))
    assert [r["rouge1"] for r in one["results"]] == [r["rouge1"] for r in two["results"]]


def test_a_callable_goes_to_another_process_by_its_path(mod: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(".")
    m = callable_method("two", f"{mod}:first_two")
    back = pickle.loads(pickle.dumps(m))
    assert back.name == "two" and back.target == f"{mod}:first_two" and back.function is m.function


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no_such_module_here:fn", "cannot import no_such_module_here (ModuleNotFoundError: No module named"),
        ("{mod}:missing", "{mod} has no attribute missing"),
        ("{mod}:NOT_A_FUNCTION", "NOT_A_FUNCTION is a int, not a function"),
        ("{mod}", "give the function as module.path:function"),
    ],
)
def test_a_callable_that_cannot_be_had_is_exit_2_before_the_run(data: Path, mod: str, target: str,
                                                                  message: str) -> None:
    target, message = target.format(mod=mod), message.format(mod=mod)
    res = _run(str(data), "-w", "20", "--methods", "lead", "--callable", f"mine={target}")
    assert res.exit_code == 2 and res.output.startswith(f"storyline: error: --callable mine={target}: {message}")
    assert len(res.output.splitlines()) == 1


def test_a_callable_that_mostly_waits_is_noted_its_cpu_time_is_not_its_cost(
    data: Path, mod: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A summarizer that calls an API or a GPU spends wall-clock time that time.process_time does not count: the table
    # gave it 0.000 s/cluster beside ours without a word.
    from storyline.evaluate import runner

    args = ["-w", "20", "--methods", "lead", "--callable", f"mine={mod}:as_text", "--no-memory", "--format", "json"]
    assert _run(str(data), *args).stderr == ""  # a callable that computes: nothing to say
    ticks = iter(range(0, 10_000, 3))  # every reading of the wall clock 3 s after the one before
    monkeypatch.setattr(runner, "wall_clock", lambda: float(next(ticks)))
    res = _run(str(data), *args)
    assert res.exit_code == 0, res.output
    note = res.stderr.splitlines()
    assert len(note) == 1 and note[0].startswith("storyline: note: --callable mine: 6.0 s of wall-clock time for 0.")
    assert note[0].endswith(" s of CPU time over the 2 clusters: it waits on what CPU time does not count (a network, "
                            "a GPU, another process), so its s/cluster is not its cost")


def test_a_callable_that_raises_names_the_cluster_and_leaves_no_output(data: Path, tmp_path: Path, mod: str) -> None:
    report, plot = tmp_path / "r.md", tmp_path / "p.png"
    for jobs in ("1", "2"):
        res = _run(str(data), "-w", "20", "--methods", "lead", "--callable", f"x={mod}:explode", "-o", str(report),
                   "--plot", str(plot), "--jobs", jobs)
        assert res.exit_code == 1, res.output
        assert res.output == ("storyline: error: --callable x failed on cluster 'harbor': ValueError: no summary "
                              "today\n")
        assert not report.exists() and not plot.exists()


def test_a_callable_that_returns_no_summary_is_named(data: Path, mod: str) -> None:
    res = _run(str(data), "-w", "20", "--methods", "lead", "--callable", f"n={mod}:number")
    assert res.exit_code == 1
    assert res.output == ("storyline: error: --callable n returned an int on cluster 'warm-up'; return the summary as "
                          "a string or a list of sentence strings (storyline's own two-text cluster, run once before "
                          "the timing)\n")
    res = _run(str(data), "-w", "20", "--methods", "lead", "--callable", f"n={mod}:forgot_return")
    assert res.exit_code == 1 and res.output.startswith("storyline: error: --callable n returned None on cluster")


# ---------------------------------------------------------------------------------------------- Python API


def test_the_python_api_takes_a_function_and_a_file(data: Path, tmp_path: Path) -> None:
    eval_set: EvalSet = load_eval_set(data)
    outputs = read_outputs("file", _lead_file(data, tmp_path / "lead.jsonl"))
    first = CallableMethod("first", lambda documents, words: documents[0])
    ev = evaluate(eval_set, ["lead"], 20, external=[first, outputs], memory=False)
    assert [r.method for r in ev.results] == ["lead", "first", "file"]
    lead, fn, file = ev.results
    assert file.scores["rouge1"] == lead.scores["rouge1"] and not file.timed and fn.timed
    assert fn.origin.startswith("callable ") and file.origin == f"outputs {tmp_path / 'lead.jsonl'}"
    broken = CallableMethod("broken", lambda documents, words: 1 / 0)
    with pytest.raises(CallableFailedError, match="--callable broken failed on cluster 'warm-up': ZeroDivisionError"):
        evaluate(eval_set, ["lead"], 20, external=[broken], memory=False)


def test_empty_summaries_are_noted_with_the_first(data: Path, tmp_path: Path) -> None:
    # An LLM's failed calls leave "" (or a list of no sentences): scored 0 without a word, they pulled the mean down.
    outputs = _lines(tmp_path / "o.jsonl", [{"id": "harbor", "summary": " \n"}, {"id": "harbor-2", "summary": REF}])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={outputs}", "--no-memory",
               "--format", "json")
    assert res.exit_code == 0, res.output
    assert res.stderr == ("storyline: note: --outputs mine: 1 of the 2 summaries is empty and scored 0, the first "
                          "'harbor'\n")
    assert json.loads(res.stdout)["results"][1]["rouge1"] < json.loads(res.stdout)["results"][0]["rouge1"]
    both = _lines(tmp_path / "e.jsonl", [{"id": "harbor", "summary": []}, {"id": "harbor-2", "summary": ""}])
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={both}", "--no-memory")
    assert res.stderr.startswith("storyline: note: --outputs mine: 2 of the 2 summaries are empty and scored 0, ")


# ---------------------------------------------------------------------------------------------- shared data


@needs_data
def test_lead_read_back_from_a_file_scores_as_lead_on_duc(tmp_path: Path) -> None:
    duc = DATA / "duc2003" / "task2_clean.jsonl"
    outputs = _lead_file(duc, tmp_path / "lead.jsonl", words=100)
    d = _json(_run(str(duc), "-w", "100", "--methods", "lead", "--outputs", f"file={outputs}", "--format", "json",
                   "--no-memory"))
    lead, file = d["results"]
    assert {k: file[k] for k in SCORES} == {k: lead[k] for k in SCORES}


def test_a_missing_outputs_file_is_exit_3_before_the_data_is_read(tmp_path: Path) -> None:
    res = _run(str(tmp_path / "no-data.jsonl"), "-w", "20", "--outputs", f"mine={tmp_path / 'none.jsonl'}")
    assert res.exit_code == 3
    assert res.output == f"storyline: error: --outputs mine={tmp_path / 'none.jsonl'}: no such file\n"


def test_summaries_over_the_budget_are_noted(data: Path, tmp_path: Path) -> None:
    # A system's 300-word summaries scored at 100 words are cut without a word: its own figures would not match.
    rows = [{"id": "harbor", "summary": f"{REF} {REF}"}, {"id": "harbor-2", "summary": REF}]
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={_lines(tmp_path / 'o.jsonl', rows)}",
               "--no-memory")
    assert res.exit_code == 0, res.output
    assert res.stderr == ("storyline: note: --outputs mine: 1 of the 2 summaries scored run over --words 20 and are "
                          "cut to it, as every method's are\n")
    within = _lines(tmp_path / "w.jsonl", [{**rows[0], "summary": REF}, rows[1]])
    assert _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={within}", "--no-memory").stderr == ""


@pytest.mark.parametrize(("path", "kind"), [(os.devnull, "not a regular file (a device, FIFO or socket)"),
                                            (".", "a directory")])
def test_outputs_that_are_no_file_say_what_to_give(data: Path, path: str, kind: str) -> None:
    # A device was told "save it to a file, or pipe it in as -", the article reader's way out, which --outputs lacks.
    res = _run(str(data), "-w", "20", "--methods", "lead", "--outputs", f"mine={path}")
    assert res.exit_code == 3
    assert res.stderr == f"storyline: error: --outputs mine={path}: {kind}; give the JSONL file of the summaries\n"
