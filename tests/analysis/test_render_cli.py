from __future__ import annotations

import json

from analysis_fixtures import A, B, C
from click.testing import CliRunner

from storyline.cli import cli


def write(tmp_path):
    paths = []
    for k, t in enumerate((A, B, C), 1):
        p = tmp_path / f"a{k}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(str(p))
    return paths


def test_analyze_text_has_every_section(tmp_path) -> None:
    r = CliRunner().invoke(cli, ["analyze", *write(tmp_path), "--date", "2024-03-06"])
    assert r.exit_code == 0, r.output
    for head in ("Agreement", "Disagreement", "Quotes", "People", "Organisations", "Places", "Timeline", "Only here"):
        assert f"\n{head} (" in r.output
    assert "2024-03-04  “on Monday”" in r.output


def test_path_at_date_and_json(tmp_path) -> None:
    paths = write(tmp_path)
    r = CliRunner().invoke(cli, ["analyze", f"{paths[0]}@2024-03-06", *paths[1:], "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert [a["date"] for a in d["articles"]] == ["2024-03-06", None, None]
    assert {"facts", "conflicts", "quotes", "entities", "timeline", "only_here"} <= set(d)


def test_bad_input_fails_like_summarize(tmp_path) -> None:
    r = CliRunner().invoke(cli, ["analyze", str(tmp_path / "missing.txt")])
    assert r.exit_code == 3 and "no such file" in r.output
    r = CliRunner().invoke(cli, ["analyze", *write(tmp_path), "--date", "2024-13-40"])
    assert r.exit_code == 2
    r = CliRunner().invoke(cli, ["analyze"])
    assert r.exit_code == 2


def test_summarize_analysis_flag(tmp_path) -> None:
    paths = write(tmp_path)
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert "sentences" in d and "quotes" in d["analysis"]
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "-o", str(tmp_path / "out.md"), "--format", "md"])
    assert r.exit_code == 0
    assert "### Quotes" in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_summarize_analysis_takes_the_date_option_of_analyze(tmp_path) -> None:
    paths = write(tmp_path)
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "--date", "2024-03-06", "--format", "json"])
    assert r.exit_code == 0, r.output
    dates = {(e["phrase"], e["date"]) for e in json.loads(r.stdout)["analysis"]["timeline"]}
    assert ("on Monday", "2024-03-04") in dates
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "--date", "2024-02-31"])
    assert r.exit_code == 2 and "not a date" in r.output
