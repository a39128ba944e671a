"""``storyline group``: a stream of articles into stories, through the command line."""

import json
import re

import pytest
from click.testing import CliRunner

from storyline.cli import cli

# Two stories written for these tests, interleaved as they would arrive.
BRIDGE_1 = """---
source: Port Alder Gazette
title: Ship strikes Harbor Bridge
date: 2026-05-03
---
The Harbor Bridge in Port Alder was closed on Sunday after a container ship struck one of its piers.
Engineers began an inspection of the damaged pier on Monday morning.
"""
MAYOR_1 = (
    "Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years of council rule. "
    "Kessler won 54 percent of the vote.\n"
)
BRIDGE_2 = """---
source: Coast Radio
date: 2026-05-04
---
A container ship hit a pier of Port Alder's Harbor Bridge on Sunday night, and the bridge is closed.
Engineers are inspecting the damaged pier of the bridge.
"""
MAYOR_2 = "Ruth Kessler won the Lindenfeld mayoral election on Tuesday with 54 percent of the vote.\n"

EXPECTED_TEXT = """\
4 articles in 2 stories

Story 1 (2 articles, 2026-05-03 to 2026-05-04): “Ship strikes Harbor Bridge”
    1. Port Alder Gazette — “Ship strikes Harbor Bridge” (2026-05-03)
    3. Coast Radio (2026-05-04): A container ship hit a pier of Port Alder's Harbor Bridge on …

Story 2 (2 articles): Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years …
    2. 2-mayor.txt: Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years …
    4. 4-mayor.txt: Ruth Kessler won the Lindenfeld mayoral election on Tuesday with 54 percent …
"""


@pytest.fixture
def stream_dir(tmp_path, monkeypatch):
    for name, text in (("1-bridge.txt", BRIDGE_1), ("2-mayor.txt", MAYOR_1), ("3-bridge.txt", BRIDGE_2),
                       ("4-mayor.txt", MAYOR_2)):
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_exact_text_output_of_a_directory(stream_dir):
    result = run("group", ".")
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED_TEXT and result.stderr == ""


def test_files_in_the_order_given(stream_dir):
    result = run("group", "2-mayor.txt", "1-bridge.txt", "4-mayor.txt", "3-bridge.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert [[a["origin"] for a in s["articles"]] for s in data["stories"]] == [
        ["2-mayor.txt", "4-mayor.txt"], ["1-bridge.txt", "3-bridge.txt"]]
    assert [[a["id"] for a in s["articles"]] for s in data["stories"]] == [["1", "3"], ["2", "4"]]


def test_json_schema_with_summaries(stream_dir):
    result = run("group", ".", "--format", "json", "--summarize", "--words", "25", "--threshold", "0.3",
                 "--window-days", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"stories", "threshold", "window_days", "storyline_version", "schema_version"}
    assert set(data["stories"][0]) == {"story", "title", "first_date", "last_date", "latest_date", "articles",
                                       "summary"}
    assert (data["threshold"], data["window_days"]) == (0.3, 2)
    assert [s["story"] for s in data["stories"]] == [1, 2]
    first = data["stories"][0]
    assert set(first["articles"][0]) == {"id", "source", "title", "date", "date_line", "teaser", "paged", "corrections",
                                           "url", "author", "origin", "words"}
    summary = first["summary"]
    assert summary["words"] <= 25 and summary["sentences"]
    assert {a["id"] for a in summary["articles"]} == {a["id"] for a in first["articles"]}


def test_json_says_which_storyline_made_it_and_names_the_last_day_as_the_server_does(stream_dir):
    # The group JSON had no version of storyline nor of its own form, and named the story's last day `last_date`
    # where the server's stream listing, for the same day, says `latest_date`: both names are given now.
    import storyline

    data = json.loads(run("group", ".", "--format", "json", "--summarize", "--words", "25").stdout)
    assert (data["storyline_version"], data["schema_version"]) == (storyline.__version__, 1)
    for story in data["stories"]:
        assert story["latest_date"] == story["last_date"] == max((a["date"] for a in story["articles"] if a["date"]),
                                                                 default=None)
        assert story["summary"]["storyline_version"] == storyline.__version__


def test_text_and_markdown_summaries(stream_dir):
    result = run("group", "1-bridge.txt", "2-mayor.txt", "--summarize", "--words", "30")
    assert result.exit_code == 0, result.output
    # Two one-article stories: each has its summary, which says it is single-source (and stderr stays quiet), as a
    # story of the stream: two articles were given, not "only one".
    assert result.stdout.count("Summary (") == 2 and result.stdout.count("single-source story: no other article") == 2
    assert "only one article was given" not in result.stdout
    assert result.stdout.startswith("2 articles in 2 stories\n\nStory 1 (1 article, 2026-05-03): “Ship strikes Harbor "
                                    "Bridge”\nArticle 1 of the stream\n\nSources\n  [1] Port Alder Gazette")
    assert result.stdout.count("Port Alder Gazette") == 1  # the sources are listed once, by the summary
    assert "Harbor Bridge in Port Alder was closed on Sunday" in result.stdout and result.stderr == ""
    md = run("group", ".", "--summarize", "--format", "md").stdout
    # Markdown sources are footnotes, not [1] [2]: the line says so.
    assert md.startswith("# Story 1 (2 articles, 2026-05-03 to 2026-05-04): “Ship strikes Harbor Bridge”\n\nArticles "
                         "1, 3 of the stream; below, they are the footnotes of its summary\n")
    assert md.count("## Summary") == 2
    labels = re.findall(r"^\[\^([\w-]+)\]:", md, flags=re.M)
    assert labels and len(labels) == len(set(labels))  # each story's footnotes apart


def test_each_story_is_named_counted_and_dated(stream_dir):
    # A story is named by its first title (else its first article's opening words) and dated by its articles'
    # first and last day; the first line counts the stories and those of a single article.
    (stream_dir / "5-ferry.txt").write_text("The Gull Island ferry will run again on Friday after repairs.\n")
    text = run("group", ".").stdout
    assert text.startswith("5 articles in 3 stories (1 of a single article)\n\nStory 1 (2 articles, 2026-05-03 to "
                           "2026-05-04): “Ship strikes Harbor Bridge”\n")
    assert "\nStory 3 (1 article): The Gull Island ferry will run again on Friday after repairs.\n" in text
    data = json.loads(run("group", ".", "--format", "json").stdout)
    assert [(s["title"], s["first_date"], s["last_date"]) for s in data["stories"]] == [
        ("Ship strikes Harbor Bridge", "2026-05-03", "2026-05-04"),
        ("Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years …", None, None),
        ("The Gull Island ferry will run again on Friday after repairs.", None, None)]


def test_a_high_threshold_keeps_every_article_apart(stream_dir):
    data = json.loads(run("group", ".", "--threshold", "1", "--format", "json").stdout)
    assert [len(s["articles"]) for s in data["stories"]] == [1, 1, 1, 1]


def test_the_date_window_splits_a_story(stream_dir):
    (stream_dir / "3-bridge.txt").write_text(BRIDGE_2.replace("2026-05-04", "2026-06-20"))
    data = json.loads(run("group", ".", "--format", "json").stdout)
    assert len(data["stories"]) == 3
    off = json.loads(run("group", ".", "--format", "json", "--window-days", "0").stdout)
    assert len(off["stories"]) == 2


def test_date_dates_the_undated_articles_as_summarize_and_analyze_do(stream_dir):
    # "No such option '--date'": only PATH@DATE dated a stream's undated files, while summarize and analyze took both.
    data = json.loads(run("group", ".", "--date", "2026-05-04", "--format", "json").stdout)
    dates = {a["origin"]: a["date"] for s in data["stories"] for a in s["articles"]}
    assert dates == {"1-bridge.txt": "2026-05-03", "2-mayor.txt": "2026-05-04", "3-bridge.txt": "2026-05-04",
                     "4-mayor.txt": "2026-05-04"}  # a date of the article's own wins
    # The window compares it: the mayor's first article, dated months before, is kept apart from the second.
    split = json.loads(run("group", "2-mayor.txt@2026-01-05", "1-bridge.txt", "3-bridge.txt", "4-mayor.txt",
                           "--date", "2026-05-04", "--format", "json").stdout)
    assert len(split["stories"]) == 3
    bad = run("group", ".", "--date", "May 4")
    assert bad.exit_code == 2 and "is not a date like" in bad.stderr


def test_every_document_of_a_dataset_is_one_article_in_file_order(tmp_path):
    data = tmp_path / "d.jsonl"
    rows = [{"id": "a", "documents": [BRIDGE_1.split("---\n")[-1], MAYOR_1]},
            {"id": "b", "documents": [MAYOR_2, BRIDGE_2.split("---\n")[-1]]}]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    got = json.loads(run("group", str(data), "--format", "json").stdout)
    origins = [[a["origin"].rsplit(":", 1)[1] for a in s["articles"]] for s in got["stories"]]
    assert origins == [["1#1", "2#2"], ["1#2", "2#1"]]
    assert [[a["id"] for a in s["articles"]] for s in got["stories"]] == [["1", "4"], ["2", "3"]]


def test_stdin_and_output_file(stream_dir):
    out = stream_dir / "out" / "stories.txt"
    out.parent.mkdir()
    result = run("group", "-", "1-bridge.txt", "-o", str(out), input=BRIDGE_2.encode())
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text().startswith("2 articles in 1 story\n\nStory 1 (2 articles, 2026-05-03 to 2026-05-04): “Ship "
                                      "strikes Harbor Bridge”\n    1. Coast Radio (2026-05-04): A container ship hit")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.txt"], 3, "missing.txt: no such file or directory"),
        ([], 2, "no input"),
        ([".", "--threshold", "0"], 2, "the grouping threshold must be in (0, 1], not 0.0"),
        ([".", "--threshold", "1.5"], 2, "the grouping threshold must be in (0, 1]"),
        ([".", "--window-days", "-1"], 2, "the date window must be 0 (off) or more days"),
        ([".", "--words", "40"], 2, "--words only applies with --summarize"),
        ([".", "--method", "lead", "-w", "9"], 2, "--words and --method only apply with --summarize"),
        ([".", "--summarize", "--words", "0"], 2, "the word budget must be at least 1"),
        ([".", "--summarize", "--method", "nope"], 2, "unknown method 'nope'"),
        (["1-bridge.txt", "-o", "1-bridge.txt"], 2, "refusing to overwrite an input file"),
        ([".", "-o", "sub/x.txt"], 2, "inside the input directory"),
        (["1-bridge.txt", "-o", "nowhere/x.txt"], 8, "the directory nowhere does not exist"),
        (["empty.txt"], 5, "empty.txt: the file is empty"),
    ],
)
def test_bad_input_is_one_line_and_its_exit_code(stream_dir, args, code, message):
    (stream_dir / "sub").mkdir()
    (stream_dir / "empty.txt").write_text("")
    before = (stream_dir / "1-bridge.txt").read_text()
    result = run("group", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr and result.stdout == ""
    assert result.stderr.startswith("storyline: error: ") and result.stderr.count("\n") == 1
    assert (stream_dir / "1-bridge.txt").read_text() == before


def test_markdown_article_lines_are_not_nested_ordered_lists(stream_dir):
    md = run("group", ".", "--format", "md").stdout
    assert "- **1.** Port Alder Gazette — “Ship strikes Harbor Bridge” (2026-05-03)\n" in md
    assert "- **4.** 4-mayor.txt: Ruth Kessler won the Lindenfeld" in md and "- 1." not in md


def test_documents_left_out_of_a_dataset_stream_are_noted_and_numbered_by_their_place(tmp_path, monkeypatch):
    clutter = "Type to search\n\nLeave a Reply\n\nShare on Facebook\n"
    rows = [{"id": "a", "documents": ["  ", clutter, BRIDGE_1.split("---\n")[-1], MAYOR_1]},
            {"id": "b", "documents": [MAYOR_2, ""]}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    monkeypatch.chdir(tmp_path)
    result = run("group", "d.jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert sorted(a["origin"] for s in got["stories"] for a in s["articles"]) == [
        "d.jsonl:1#3", "d.jsonl:1#4", "d.jsonl:2#1"]
    assert result.stderr.splitlines() == [
        "storyline: note: skipped d.jsonl:1#1: is empty",
        "storyline: note: skipped d.jsonl:1#2: has no article text left after removing page clutter",
        "storyline: note: skipped d.jsonl:2#2: is empty",
    ]



def test_articles_left_out_of_a_file_of_one_article_per_line_are_noted_in_line_order(tmp_path, monkeypatch):
    # Such a file names an article by its line ("a.jsonl:3"), not "line#document": this used to crash.
    clutter = "Type to search\n\nLeave a Reply\n\nShare on Facebook\n"
    rows = [{"text": MAYOR_1}, {"text": ""}] + [{"text": MAYOR_2, "title": f"Copy {k}"} for k in range(7)]
    rows.append({"text": clutter, "source": "Clutter Daily"})
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    monkeypatch.chdir(tmp_path)
    result = run("group", "a.jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    assert sum(len(s["articles"]) for s in json.loads(result.stdout)["stories"]) == 8
    assert result.stderr.splitlines() == [
        "storyline: note: skipped a.jsonl:2: is empty",
        "storyline: note: skipped a.jsonl:10: has no article text left after removing page clutter",
    ]

HOSTILE = """---
source: Evil\x1b]0;pwned\x07 Wire
title: Ship \x1b[2J\x1b[31mstrikes\x9b1m bridge
date: 2026-05-03
---
The Harbor Bridge in Port Alder was closed on Sunday after a container ship struck one of its piers.
"""


@pytest.mark.parametrize("args", [[], ["--summarize"]])
@pytest.mark.parametrize("fmt", ["text", "md"])
def test_control_characters_of_an_article_never_reach_the_terminal(stream_dir, args, fmt):
    (stream_dir / "evil.txt").write_text(HOSTILE)
    result = run("group", "evil.txt", "2-mayor.txt", "--format", fmt, *args)
    assert result.exit_code == 0, result.output
    assert not any(c in result.stdout for c in "\x1b\x07\x9b")
    assert "Evil\ufffd" in result.stdout and "0;pwned\ufffd Wire" in result.stdout  # shown, not run
    data = json.loads(run("group", "evil.txt", "--format", "json", *args).stdout)
    assert data["stories"][0]["articles"][0]["source"] == "Evil\x1b]0;pwned\x07 Wire"  # JSON stays exact


def test_a_long_stream_shows_progress_on_a_terminal_only(stream_dir, monkeypatch):
    from storyline.cli import group as group_cli
    from storyline.cli import inputs

    assert run("group", ".", "--summarize").stderr == ""  # not a terminal: nothing
    monkeypatch.setattr(inputs, "on_terminal", lambda: True)
    assert "Grouping" not in run("group", ".").stderr  # four articles: done before a bar would say anything
    result = run("group", ".", "--summarize")
    assert "Summarizing" in result.stderr and result.stdout == run("group", ".", "--summarize").stdout
    monkeypatch.setattr(group_cli, "PROGRESS_FROM", 2)
    assert "Grouping" in run("group", ".").stderr


def test_a_story_over_the_sentence_limit_is_listed_without_summary_and_the_others_are_summarized(
    stream_dir, monkeypatch
):
    # A long stream can grow one story past the cluster limit: that story alone goes without a summary.
    from storyline import cluster

    monkeypatch.setattr(cluster, "MAX_SENTENCES", 3)  # the bridge story has 4 sentences, the mayor's 3
    result = run("group", ".", "--summarize", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    bridge, mayor = data["stories"]
    assert [a["id"] for a in bridge["articles"]] == ["1", "3"] and bridge["summary"] is None
    assert mayor["summary"]["sentences"]
    assert result.stderr == (
        "storyline: note: skipped the summary of story 1: 4 sentences or more in one cluster is more than the limit "
        "of 3; give fewer or shorter articles at once\n"
    )
    text = run("group", ".", "--summarize").stdout
    assert "2026-05-04): “Ship strikes Harbor Bridge”\n    1. Port Alder Gazette" in text
    assert ("Story 2 (2 articles): Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years …\n"
            "Articles 2, 4") in text


def test_notes_repeated_on_stderr_name_the_story_they_belong_to(stream_dir):
    # With -o a story's notes go to stderr too: "article [1] printed a correction" named no story, and the
    # article numbers are the story's own.
    (stream_dir / "5-mayor.txt").write_text(
        MAYOR_2 + "Correction: An earlier version of this article said Kessler won 45 percent of the vote.\n")
    result = run("group", "1-bridge.txt", "3-bridge.txt", "2-mayor.txt", "5-mayor.txt", "--summarize",
                 "-o", "stories.md")
    assert result.exit_code == 0, result.output
    assert "storyline: note: story 2: article [2] printed a correction" in result.stderr, result.stderr
