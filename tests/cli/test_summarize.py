import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli

EXPECTED_LEAD = """\
Sources
  [1] 1.txt
  [2] 2.txt
  [3] 3.txt

Summary (38 words from 3 articles, method: lead)

The city council of Lindenfeld voted on Tuesday to close the old harbor to freight ships. [1][2][3]
Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic. [2][1][3]
Councillors approved the plan by seven votes to two. [2]
"""


@pytest.fixture
def harbor_dir(tmp_path, harbor_texts, monkeypatch):
    for i, t in enumerate(harbor_texts, 1):
        (tmp_path / f"{i}.txt").write_text(t)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_exact_text_output(harbor_dir):
    result = run("summarize", "1.txt", "2.txt", "3.txt", "--method", "lead", "--words", "40")
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_LEAD


def test_json_output_schema(harbor_dir):
    result = run("summarize", ".", "--format", "json", "--words", "50")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"] == "default" and data["words"] <= 50
    assert [a["id"] for a in data["articles"]] == ["1", "2", "3"]
    for s in data["sentences"]:
        assert s["sources"][0] == s["article"]
        text = (harbor_dir / f"{s['article']}.txt").read_text()
        assert s["text"] in text


def test_markdown_and_stdin(harbor_texts):
    result = run("summarize", "-", "--format", "md", "--words", "30", input=harbor_texts[0].encode())
    assert result.exit_code == 0
    assert result.stdout.startswith("## Summary")
    assert "single-source summary" in result.stdout and result.stderr == ""


def test_a_piped_headline_of_three_words_titles_the_article():
    text = "Storm hits coast\n\nA storm hit the coast of Lindenfeld on Monday night and closed the harbor.\n"
    result = run("summarize", "-", "--format", "json", input=text.encode())
    assert result.exit_code == 0, result.output
    assert [a["title"] for a in json.loads(result.stdout)["articles"]] == ["Storm hits coast"]


def test_output_file_is_written_atomically_and_inputs_are_protected(harbor_dir):
    out = harbor_dir / "out.json"
    out.write_text("previous")
    result = run("summarize", "1.txt", "2.txt", "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["sentences"]
    assert not [p for p in os.listdir(harbor_dir) if p.endswith(".tmp")]
    before = (harbor_dir / "1.txt").read_text()
    result = run("summarize", "1.txt", "2.txt", "-o", "1.txt")
    assert result.exit_code == 2 and "refusing to overwrite an input" in result.stderr
    assert (harbor_dir / "1.txt").read_text() == before


def test_jsonl_clusters_are_summarized_each(tmp_path, harbor_texts):
    data = tmp_path / "d.jsonl"
    rows = [{"id": "a", "documents": harbor_texts[:2]}, {"id": "b", "documents": harbor_texts[1:]}]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("summarize", str(data), "--format", "json", "--words", "30")
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    # one cluster keeps its id too: the same shape whatever the number of clusters
    data.write_text(json.dumps(rows[0]) + "\n")
    one = run("summarize", str(data), "--format", "json", "--words", "30")
    assert one.exit_code == 0 and json.loads(one.stdout)["id"] == "a"
    loose = run("summarize", "--sample", "--format", "json", "--words", "30")  # loose articles: no id
    assert "id" not in json.loads(loose.stdout)


def test_several_clusters_show_progress_on_a_terminal_only(tmp_path, harbor_texts, monkeypatch):
    from storyline.cli import inputs

    data = tmp_path / "d.jsonl"
    rows = [{"id": "a", "documents": harbor_texts[:2]}, {"id": "b", "documents": harbor_texts[1:]}]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    quiet = run("summarize", str(data), "--analysis")
    assert quiet.exit_code == 0 and quiet.stderr == ""  # not a terminal: nothing
    monkeypatch.setattr(inputs, "on_terminal", lambda: True)
    shown = run("summarize", str(data), "--analysis")
    # one pass makes each cluster's summary and analysis (``storyline.summarize_with_analysis``)
    assert all(label in shown.stderr for label in ("Reading", "Summarizing and analyzing"))
    assert shown.stdout == quiet.stdout  # the bars go to standard error only


def test_one_cluster_of_many_articles_shows_progress_of_its_analysis_on_a_terminal(harbor_texts, monkeypatch):
    # One cluster got no bar (a bar counted clusters): 60 articles analyzed for 30 s with nothing on the terminal.
    from storyline.cli import inputs

    monkeypatch.setattr(inputs, "on_terminal", lambda: True)
    monkeypatch.setattr(inputs, "ANALYZE_BAR_ARTICLES", 3)
    for command in (["analyze"], ["summarize", "--analysis"]):
        many = run(*command, "--sample")  # five articles
        assert many.exit_code == 0 and many.stderr.split() == ["Analyzing"], many.stderr
        few = run(*command, "-", input=harbor_texts[0].encode())  # one article, under the least for a bar
        assert few.exit_code == 0 and few.stderr == ""


def test_one_long_article_shows_progress_of_its_analysis_on_a_terminal(harbor_texts, monkeypatch):
    # A bar needed five articles: one article of 1 MB was analyzed for two minutes with nothing on the terminal.
    # An article of ANALYZE_BAR_SENTENCES sentences or more gets the bar, which names the work going on.
    from storyline.cli import inputs

    monkeypatch.setattr(inputs, "on_terminal", lambda: True)
    sentences = len(harbor_texts[0].split(". "))
    for command in (["analyze"], ["summarize", "--analysis"]):
        monkeypatch.setattr(inputs, "ANALYZE_BAR_SENTENCES", 2)
        long = run(*command, "-", input=harbor_texts[0].encode())
        assert long.exit_code == 0 and long.stderr.split() == ["Analyzing"], long.stderr
        monkeypatch.setattr(inputs, "ANALYZE_BAR_SENTENCES", sentences + 100)
        short = run(*command, "-", input=harbor_texts[0].encode())
        assert short.exit_code == 0 and short.stderr == ""


def test_a_dataset_cluster_that_is_all_clutter_is_skipped_with_a_note(tmp_path, harbor_texts):
    data = tmp_path / "d.jsonl"
    clutter = ["Subscribe to our newsletter", "Share this article\nAdvertisement"]
    rows = [{"id": "a", "documents": harbor_texts[:2]}, {"id": "junk", "documents": clutter},
            {"id": "b", "documents": harbor_texts[1:]}]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(cli, ["summarize", str(data), "--format", "json", "--words", "30"])
    assert result.exit_code == 0
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a", "b"]
    assert "storyline: note: skipped cluster junk:" in result.stderr
    grouped = CliRunner().invoke(cli, ["group", str(data), "--format", "json"])
    assert grouped.exit_code == 0 and "skipped cluster junk" in grouped.stderr
    # nothing but clutter: the usual error, exit 5
    only = tmp_path / "only.jsonl"
    only.write_text(json.dumps(rows[1]) + "\n" + json.dumps(dict(rows[1], id="junk2")) + "\n")
    result = CliRunner().invoke(cli, ["summarize", str(only)])
    assert result.exit_code == 5 and "every cluster was skipped" in result.stderr


@pytest.mark.parametrize("shape", ["article lines", "dataset"])
def test_an_article_left_out_of_a_jsonl_cluster_is_noted_and_the_summary_says_it_was_given(tmp_path, shape):
    # summarize left it out silently (group noted it), and the summary said "only one article was given" of two
    clutter = "Type to search\n\nLeave a Reply\n\nShare on Facebook\n"
    story = ("The Kelby bridge closed on Monday after a barge struck one of its piers during the night. "
             "Engineers said repairs would take several weeks.")
    lines = [{"text": story}, {"text": clutter}]
    rows = lines if shape == "article lines" else [{"id": "k", "documents": [story, clutter]}]
    (tmp_path / "k.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(cli, ["summarize", str(tmp_path / "k.jsonl"), "--words", "40"])
    assert result.exit_code == 0, result.output
    where = "k.jsonl:2" if shape == "article lines" else "k.jsonl:1#2"
    assert result.stderr == (f"storyline: note: skipped {tmp_path / where}: has no article text left after removing "
                             "page clutter\n")
    assert ("Note: single-source summary: only one of the articles had text, so nothing is corroborated\n"
            in result.stdout)
    assert "only one article was given" not in result.stdout
    both = CliRunner().invoke(cli, ["summarize", str(tmp_path / "k.jsonl"), "--words", "40", "--analysis"])
    assert both.exit_code == 0 and "only one of the articles had text" in both.stdout


def test_sample_and_list_methods():
    result = run("summarize", "--sample", "--words", "80")
    assert result.exit_code == 0
    assert "Harbor Bridge" in result.stdout and "[1]" in result.stdout
    listing = run("summarize", "--list-methods").stdout
    for name in ("default", "lead", "lexrank", "textrank", "centroid", "fast"):
        assert name in listing


# One test per bad input: a one-line message on stderr, the documented exit code, no traceback.
def _bad_cases(tmp: "os.PathLike[str]"):
    from pathlib import Path

    tmp = Path(tmp)
    (tmp / "empty").mkdir()
    (tmp / "junk").mkdir()
    (tmp / "junk" / "x.png").write_bytes(b"\x89PNG")
    (tmp / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp / "nul.txt").write_bytes(b"\x00a\x00b\x00c\x00d\x00e")  # ten bytes with NULs: no UTF-16 text
    (tmp / "zh.txt").write_bytes("北京2026年3月9日电".encode("utf-16-le"))  # 24 bytes with NULs: Chinese, no binary
    (tmp / "ko.txt").write_bytes("서울에서 오늘 큰 비가 내렸다".encode("utf-16-le"))  # 32 bytes: Korean
    (tmp / "empty.txt").write_text("")
    (tmp / "clutter.txt").write_text("Type to search\n\nLeave a Reply\n\nShare on Facebook\n")
    import random

    (tmp / "enc.txt").write_bytes(bytes(random.Random(1).randrange(128, 256) for _ in range(400)))
    (tmp / "bad.jsonl").write_text('{"documents": ["A text about the harbor."]}\n{"documents": [1, 2]}\n')
    (tmp / "ok.txt").write_text("The council voted on Tuesday to close the old harbor to freight ships.")
    (tmp / "log.txt").write_text("".join(f"dock gate {i} open at the harbor and\n" for i in range(4_000)))
    (tmp / "loop1.txt").symlink_to("loop2.txt")
    (tmp / "loop2.txt").symlink_to("loop1.txt")
    (tmp / "gone.txt").symlink_to("moved/story.txt")
    return [
        (["missing.txt"], 3, "missing.txt: no such file or directory"),
        (["empty"], 5, "no readable articles in this directory"),
        (["junk"], 5, "no readable articles in this directory"),
        (["bin.txt"], 4, "looks like a binary file"),
        (["nul.txt"], 4, "nul.txt: looks like a binary file, not text"),
        (["zh.txt"], 5, "zh.txt: is written in Chinese, which storyline cannot read"),
        (["ko.txt"], 5, "ko.txt: has no article text left after removing page clutter (no sentence in it ends"),
        (["empty.txt"], 5, "empty.txt: the file is empty"),
        (["clutter.txt", "ok.txt"], 5, "clutter.txt: has no article text left after removing page clutter"),
        (["enc.txt"], 4, "unsupported or unrecognised text encoding"),
        (["bad.jsonl"], 6, "bad.jsonl, line 2: 'documents' must be a list of article texts"),
        (["log.txt"], 5, "log.txt: runs 100,000 characters without a sentence end: no prose"),
        (["ok.txt", "--words", "0"], 2, "the word budget must be at least 1"),
        (["ok.txt", "--words", "-3"], 2, "the word budget must be at least 1"),
        (["ok.txt", "--method", "nope"], 2, "unknown method 'nope'"),
        ([], 2, "no input"),
        # each said "no such file or directory": a shell glob that matched nothing reaches us as written, and a link
        # that loops or points nowhere is there as a name
        (["stories/*.txt"], 3, "stories/*.txt: no file matches this pattern (the shell passes on a pattern"),
        (["loop1.txt"], 3, "loop1.txt: a symbolic link that leads back to itself (a loop), not a file"),
        (["gone.txt"], 3, "gone.txt: a symbolic link to moved/story.txt, which does not exist"),
    ]


_BAD_CASES = 19


def test_every_bad_case_is_run(tmp_path):
    # the count below the list had fallen behind it: its last case (a link to nowhere) was never run
    assert len(_bad_cases(tmp_path)) == _BAD_CASES


@pytest.mark.parametrize("case", range(_BAD_CASES))
def test_bad_input(tmp_path, monkeypatch, case):
    args, code, message = _bad_cases(tmp_path)[case]
    monkeypatch.chdir(tmp_path)
    result = run("summarize", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stderr.startswith("storyline: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_single_article_works_and_says_so(harbor_dir):
    result = run("summarize", "1.txt", "--words", "30")
    assert result.exit_code == 0
    note = "single-source summary: only one article was given, so nothing is corroborated"
    assert f"Note: {note}\n" in result.stdout and result.stderr == ""  # once, in the output
    written = run("summarize", "1.txt", "--words", "30", "-o", "out.txt")
    assert written.stdout == "" and written.stderr == f"storyline: note: {note}\n"  # the terminal sees it once


def test_console_script_runs_as_a_process(harbor_dir):
    exe = os.path.join(os.path.dirname(sys.executable), "storyline")
    proc = subprocess.run([exe, "summarize", "missing.txt"], capture_output=True, text=True)
    assert proc.returncode == 3
    assert proc.stderr == "storyline: error: missing.txt: no such file or directory\n"


@pytest.mark.parametrize("module", ["storyline", "storyline.cli"])
def test_python_dash_m_runs_the_command(harbor_dir, module):
    # "python -m storyline" said "'storyline' is a package and cannot be directly executed"
    import storyline

    env = {**os.environ, "PYTHONPATH": str(Path(storyline.__file__).parents[1])}
    proc = subprocess.run([sys.executable, "-m", module, "summarize", "missing.txt"], capture_output=True, text=True,
                          env=env)
    assert (proc.returncode, proc.stderr) == (3, "storyline: error: missing.txt: no such file or directory\n")
    help = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, env=env)
    assert help.returncode == 0 and help.stdout.startswith("Usage: storyline [OPTIONS] COMMAND")


def test_the_docs_show_what_the_sample_prints():
    """The example output on the front page and in docs/usage.md is the real output of
    `storyline summarize --sample --words 120` (regenerate both blocks when the scorer or the sample changes)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = run("summarize", "--sample", "--words", "120")
    assert result.exit_code == 0
    command = "$ storyline summarize --sample --words 120\n"
    for page in ("README.md", "docs/usage.md"):
        text = (root / page).read_text(encoding="utf-8")
        assert command in text, page
        start = text.index(command) + len(command)
        assert result.stdout == text[start : text.index("```", start)], page


def test_control_characters_are_shown_not_sent_to_the_terminal(tmp_path, monkeypatch, harbor_texts):
    header = "---\nsource: Evil\x1b]0;pwned\x07 Wire \u202egnp.exe\n---\n"  # OSC, BEL, a right-to-left override
    hostile = header + harbor_texts[0].replace(" ", " \x1b[31m", 3)
    (tmp_path / "a.txt").write_text(hostile)
    (tmp_path / "b.txt").write_text(harbor_texts[1])
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "md"):
        result = run("summarize", "a.txt", "b.txt", "--format", fmt, "--analysis")
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
        assert "\ufffd" in result.stdout
    data = json.loads(run("summarize", "a.txt", "b.txt", "--format", "json").stdout)
    assert data["articles"][0]["source"] == "Evil\x1b]0;pwned\x07 Wire \u202egnp.exe"  # JSON stays exact
    rows = [{"id": "x\x1b]0;t\x07", "documents": harbor_texts[:2]}, {"id": "y", "documents": harbor_texts[1:]}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("summarize", "d.jsonl", "--words", "30")
    assert result.exit_code == 0 and "=== x\ufffd]0;t\ufffd ===" in result.stdout and "\x1b" not in result.stdout


def test_markdown_of_several_clusters_keeps_each_clusters_footnotes(tmp_path, harbor_texts):
    import re

    data = tmp_path / "d.jsonl"
    rows = [{"id": "a", "documents": harbor_texts[:2]}, {"id": "b", "documents": harbor_texts[1:]}]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    md = run("summarize", str(data), "--format", "md", "--words", "40").stdout
    labels = re.findall(r"^\[\^([\w-]+)\]:", md, flags=re.M)
    assert labels and len(labels) == len(set(labels))  # no footnote defined twice
    first, second = md.split("# b\n")
    assert "[^1-" in first and "[^2-" not in first and "[^2-" in second and "[^1-" not in second


def test_a_file_of_one_article_per_line_is_summarized_as_one_cluster(tmp_path, harbor_texts):
    data = tmp_path / "arts.jsonl"
    rows = [{"text": t, "source": f"Outlet {k}", "title": None} for k, t in enumerate(harbor_texts, 1)]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("summarize", str(data), "--format", "json", "--words", "40")
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert got["id"] == "arts.jsonl" and [a["source"] for a in got["articles"]] == [r["source"] for r in rows]


def test_the_undated_note_of_a_dataset_cluster_offers_only_what_a_dataset_takes(tmp_path, harbor_texts, monkeypatch):
    # PATH@DATE is refused for a dataset file (exit 2), yet the note on its undated clusters offered it.
    monkeypatch.chdir(tmp_path)
    Path("d.jsonl").write_text(json.dumps({"id": "a", "documents": harbor_texts}) + "\n")
    for command in (("analyze",), ("summarize", "--analysis")):
        result = run(*command, "d.jsonl", "-o", "out.md")
        assert result.exit_code == 0, result.output
        assert "give one with --date YYYY-MM-DD (every undated input)\n" in result.stderr
        assert "PATH@YYYY-MM-DD" not in result.stderr + Path("out.md").read_text()
        assert run(*command, "d.jsonl@2026-03-09").exit_code == 2  # as the note no longer suggests
    for i, t in enumerate(harbor_texts, 1):  # loose article files take both
        Path(f"{i}.txt").write_text(t)
    result = run("analyze", "1.txt", "2.txt", "-o", "loose.md")
    assert "or PATH@YYYY-MM-DD (one file)" in result.stderr


def test_the_docs_quote_the_undated_note_as_it_is_printed(tmp_path, harbor_texts, monkeypatch):
    """docs/analysis.md's example of the note on undated articles is what `storyline analyze` prints."""
    import re

    page = (Path(__file__).resolve().parents[2] / "docs" / "analysis.md").read_text(encoding="utf-8")
    shown = re.search(r"`(Note: no publication date given:[^`]*)`", page)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    for i, t in enumerate(harbor_texts[:2], 1):  # no header: undated
        Path(f"{i}.txt").write_text(t.split("---\n", 2)[-1])
    result = run("analyze", "1.txt", "2.txt")
    assert result.exit_code == 0, result.output
    assert " ".join(shown.group(1).split()) in result.stdout.splitlines()


def test_a_correction_is_told_once_beside_summary_and_analysis(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(
        "---\nsource: Alder Gazette\n---\nThe Harbor Bridge in Port Alder will reopen on Friday after engineers "
        "checked the pier, the city said.\n\nCorrection: An earlier version of this article said the bridge "
        "carries 84,000 vehicles a day. It carries about 48,000.\n"
    )
    Path("b.txt").write_text("The Harbor Bridge in Port Alder reopens on Friday, city officials said, after "
                             "engineers finished checking the damaged pier.\n")
    assert run("analyze", "a.txt", "b.txt").output.count("printed a correction") == 1
    result = run("summarize", "--analysis", "a.txt", "b.txt")
    assert result.exit_code == 0, result.output
    assert result.output.count("article [1] (Alder Gazette) printed a correction: An earlier version") == 1


def test_notes_repeated_on_stderr_name_the_cluster_they_belong_to(tmp_path, harbor_texts, monkeypatch):
    # With -o the notes go to stderr too; of a dataset's clusters they named none ("single-source summary: ..."
    # of which cluster?), and one cluster's note stood for the same words of every other.
    monkeypatch.chdir(tmp_path)
    rows = [{"id": "a", "documents": harbor_texts[:1]}, {"id": "b", "documents": harbor_texts[1:2]},
            {"id": "c", "documents": harbor_texts[1:]}]
    Path("d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("summarize", "d.jsonl", "--words", "30", "-o", "out.json")
    assert result.exit_code == 0, result.output
    single = "single-source summary: only one article was given"
    assert f"storyline: note: cluster a: {single}" in result.stderr
    assert f"storyline: note: cluster b: {single}" in result.stderr
    assert "cluster c: single-source" not in result.stderr
    # one cluster's notes are told as before, with no cluster named
    Path("one.jsonl").write_text(json.dumps(rows[0]) + "\n")
    alone = run("summarize", "one.jsonl", "--words", "30", "-o", "one.json")
    assert alone.exit_code == 0 and f"storyline: note: {single}" in alone.stderr


@pytest.mark.parametrize("command", ["summarize", "analyze"])
def test_the_sample_is_not_mixed_into_the_users_articles(harbor_dir, command):
    # "summarize --sample mine.txt" read the fictional sample's five articles as five more reports of the user's
    # story, and cited them beside it, without a word
    result = run(command, "--sample", "1.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("storyline: error: --sample ") and result.stderr.count("\n") == 1
    assert "the fictional sample cluster alone: give it without PATHS (got 1.txt)" in result.stderr


def test_documents_a_directory_holds_but_storyline_does_not_read_are_named(harbor_dir):
    # A PDF or Word file among the saved pages was left out without a word: the reporter took it for read.
    (harbor_dir / "story.pdf").write_bytes(b"%PDF-1.4\n")
    (harbor_dir / "notes.DOCX").write_bytes(b"PK\x03\x04")
    (harbor_dir / ".trash").mkdir()
    (harbor_dir / ".trash" / "old.pdf").write_bytes(b"%PDF-1.4\n")  # hidden, as its articles would be
    result = run("summarize", ".", "--words", "30")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "storyline: note: skipped notes.DOCX: a Word document, which storyline does not read (save the article as "
        ".html or .txt)\n"
        "storyline: note: skipped story.pdf: a PDF file, which storyline does not read (save the article as .html "
        "or .txt)\n"
    )
    only = harbor_dir / "pdfs"
    only.mkdir()
    (only / "story.pdf").write_bytes(b"%PDF-1.4\n")
    result = run("summarize", "pdfs")
    assert result.exit_code == 5 and result.stderr.startswith(
        "storyline: error: pdfs: no readable articles in this directory: the 1 PDF, Word or RTF document is not read "
        "(save each article as .html or .txt); looked for .txt,")


def test_a_directory_reads_its_saved_emails(harbor_dir):
    # A press release saved from a mail program (.eml) beside the pages was left out of the directory's articles.
    (harbor_dir / "release.eml").write_text(
        "From: City Hall <press@city.example>\nSubject: PRESS RELEASE: Shuttle buses for commuters\n"
        "Date: Tue, 10 Mar 2026 09:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "The city will run free shuttle buses across the harbor while the Harbor Bridge is closed, the mayor said.\n"
    )
    result = run("summarize", ".", "--format", "json")
    assert result.exit_code == 0, result.output
    release = [a for a in json.loads(result.stdout)["articles"] if a["origin"] == "release.eml"]
    assert [(a["title"], a["date"]) for a in release] == [("Shuttle buses for commuters", "2026-03-10")]


# Text written for the test: a Hindi story of short paragraphs, each sentence closed by a danda ("।") or a double
# danda ("॥"), none by ". ? !".
_HINDI = """नदी पर नया पुल बनकर तैयार

राज्य सरकार ने सोमवार को शहर की नदी पर बने नए पुल को जनता के लिए खोल दिया। \
इस पुल की लंबाई लगभग दो किलोमीटर है और इसे बनाने में तीन साल लगे। \
अधिकारियों का कहना है कि इससे रोज़ाना हज़ारों लोगों का समय बचेगा।

परिवहन मंत्री ने कहा कि पुल पर भारी वाहनों के लिए अलग लेन बनाई गई है। \
स्थानीय व्यापारियों ने इस फ़ैसले का स्वागत किया।

अगले महीने से पुल पर बस सेवा भी शुरू होगी॥
"""


def test_an_article_whose_sentences_end_on_a_danda_is_summarized_in_sentences(tmp_path, monkeypatch):
    # the danda was no sentence end: each paragraph was one "sentence" longer than 60 words, and the summary was empty
    (tmp_path / "hi.txt").write_text(_HINDI, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("summarize", "hi.txt", "-w", "60", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"][0]["title"] == "नदी पर नया पुल बनकर तैयार"
    chosen = data["sentences"]
    assert len(chosen) >= 2
    for s in chosen:
        assert s["sources"] == ["1"]
        assert s["text"].endswith(("।", "॥")) and s["text"].count("।") <= 1
        assert s["text"] in _HINDI
    text = run("summarize", "hi.txt", "-w", "60")
    assert text.exit_code == 0 and "the summary is empty" not in text.output
    assert chosen[0]["text"] + " [1]" in text.output
    analysis = run("analyze", "hi.txt", "--format", "json")
    assert analysis.exit_code == 0 and "Traceback" not in analysis.output


def test_a_hindi_summary_fills_its_budget_of_words(tmp_path, monkeypatch):
    # A word was cut at each vowel sign ("पुराने" counted 3), so a 60-word summary of ``_HINDI`` held three sentences,
    # 30 words (it said 54); its words are counted as a reader counts them (a space apart here), the budget too.
    (tmp_path / "hi.txt").write_text(_HINDI, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("summarize", "hi.txt", "-w", "60", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    spaced = sum(len(s["text"].split()) for s in data["sentences"])
    assert data["words"] == spaced
    assert 45 <= spaced <= 60
