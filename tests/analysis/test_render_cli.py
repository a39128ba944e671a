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
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "### Quotes" in md and md.count("## Sources") == 1  # the summary's footnotes, not a second list
    text = CliRunner().invoke(cli, ["summarize", *paths, "--analysis"]).stdout
    assert text.count("Sources\n") == 1 and text.count("  [1] ") == 1 and "\nQuotes" in text


def test_summarize_analysis_takes_the_date_option_of_analyze(tmp_path) -> None:
    paths = write(tmp_path)
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "--date", "2024-03-06", "--format", "json"])
    assert r.exit_code == 0, r.output
    dates = {(e["phrase"], e["date"]) for e in json.loads(r.stdout)["analysis"]["timeline"]}
    assert ("on Monday", "2024-03-04") in dates
    r = CliRunner().invoke(cli, ["summarize", *paths, "--analysis", "--date", "2024-02-31"])
    assert r.exit_code == 2 and "not a date" in r.output


DATELINED = """Harbour levy plan divided Kellmouth councillors

June 09, 2018

KELLMOUTH: The Kellmouth council this week proposed a harbour levy to pay for the new breakwater, and \
councillors who opposed it said on Thursday that they would force a second vote.

In November, the council had rejected a smaller levy by two votes.
"""
UNDATED = """Kellmouth breakwater levy faces second vote

Councillors opposed to the harbour levy said on Thursday that they would force a second vote on the plan \
for the new Kellmouth breakwater.
"""


def test_a_dateline_of_the_page_dates_its_article_and_says_so(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(DATELINED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    r = CliRunner().invoke(cli, ["analyze", a, b])
    assert r.exit_code == 0, r.output
    assert "[1] “Harbour levy plan divided Kellmouth councillors” (2018-06-09, read from the page text)" in r.stdout
    assert "week 2018-06-04 to 2018-06-10  “this week”" in r.stdout  # a week, not the 9th
    assert "2018-06-07  “on Thursday”" in r.stdout and "2017-11  “In November”" in r.stdout
    # The undated second article: the note is in the output once, with the command line's way to date it.
    note = ("Note: no publication date given for [2]: relative dates (Monday, last year) in it are left "
            "unresolved; give one with --date")
    assert r.stdout.count(note) == 1 and r.stderr == ""
    d = json.loads(CliRunner().invoke(cli, ["analyze", a, b, "--format", "json"]).stdout)
    assert [(x["date"], x["date_line"]) for x in d["articles"]] == [("2018-06-09", "June 09, 2018"), (None, None)]
    week = next(e for e in d["timeline"] if e["phrase"] == "this week")
    assert (week["date"], week["precision"]) == ("2018-W23", "week")
    md = CliRunner().invoke(cli, ["analyze", a, b, "--format", "md"]).stdout
    assert "- week 2018-06-04 to 2018-06-10  “this week”" in md
    # A date given on the command line wins, and the output no longer says the page gave it.
    d = json.loads(CliRunner().invoke(cli, ["analyze", f"{a}@2018-06-11", b, "--format", "json"]).stdout)
    assert (d["articles"][0]["date"], d["articles"][0]["date_line"]) == ("2018-06-11", None)


def test_notes_go_to_stderr_only_when_the_output_goes_to_a_file(tmp_path) -> None:
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    r = CliRunner().invoke(cli, ["analyze", str(tmp_path / "b.txt"), "-o", str(tmp_path / "out.txt")])
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.count("storyline: note: no publication date given") == 1
    assert "no publication date given" in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_the_json_articles_carry_the_summary_json_article_fields(tmp_path) -> None:
    # `analyze --format json` alone says where each article came from: its url and author too, as summarize's.
    (tmp_path / "a.txt").write_text("---\nurl: https://ledger.example/levy\nauthor: Ana Ruiz\n---\n"
                                    + DATELINED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    analyzed = json.loads(CliRunner().invoke(cli, ["analyze", *paths, "--format", "json"]).stdout)["articles"]
    summarized = json.loads(CliRunner().invoke(cli, ["summarize", *paths, "--format", "json"]).stdout)["articles"]
    assert analyzed == summarized
    assert (analyzed[0]["url"], analyzed[0]["author"]) == ("https://ledger.example/levy", "Ana Ruiz")
