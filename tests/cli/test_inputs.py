"""What the command line reads: directories (bad files skipped with a note), limits on what is read,
URLs, header dates, and a budget no sentence fits."""

import json
import os

import pytest
from click.testing import CliRunner

from storyline.cli import cli

CLUTTER = "Type to search\n\nLeave a Reply\n\nShare on Facebook\n"


@pytest.fixture
def folder(tmp_path, harbor_texts, monkeypatch):
    d = tmp_path / "d"
    (d / "more").mkdir(parents=True)
    (d / "1.txt").write_text(harbor_texts[0])
    (d / "more" / "2.txt").write_text(harbor_texts[1])  # directories are searched recursively
    (d / ".3.txt").write_text(harbor_texts[2])  # hidden files are not read
    monkeypatch.chdir(tmp_path)
    return d


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_unreadable_files_found_in_a_directory_are_skipped_with_a_note(folder):
    (folder / "empty.txt").write_text("")
    (folder / "meta.json").write_text('{"pages": 3}')
    (folder / "menu.html").write_text(f"<html><body><p>{CLUTTER}</p></body></html>")
    (folder / "clutter.txt").write_text(CLUTTER)
    result = run("summarize", "d", "--words", "40", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["origin"] for a in json.loads(result.stdout)["articles"]] == ["d/1.txt", "d/more/2.txt"]
    notes = result.stderr.splitlines()
    assert "storyline: note: skipped d/empty.txt: the file is empty" in notes
    assert "storyline: note: skipped d/meta.json, line 1: 'documents' must be a list of article texts" in notes
    assert "storyline: note: skipped d/clutter.txt: has no article text left after removing page clutter" in notes
    assert any(n.startswith("storyline: note: skipped d/menu.html: ") for n in notes)


def test_a_directory_left_with_one_readable_file_says_the_others_were_given(folder):
    (folder / "more" / "2.txt").unlink()
    (folder / "clutter.txt").write_text(CLUTTER)
    result = run("summarize", "d", "--words", "40")
    assert result.exit_code == 0, result.output
    assert "skipped d/clutter.txt: has no article text left" in result.stderr
    assert ("Note: single-source summary: only one of the articles had text, so nothing is corroborated\n"
            in result.stdout)


def test_an_article_in_chinese_is_named_as_such(folder):
    # skipped with a note in a directory, an error when named (exit 5, as any article with nothing to read)
    (folder / "zh.txt").write_text("凯尔比大桥周一关闭，原因是一艘驳船在夜间撞上了一个桥墩。工程师说，维修需要几周。\n")
    why = "is written in Chinese, which storyline cannot read: it reads languages that put spaces between words"
    result = run("summarize", "d", "--words", "40")
    assert result.exit_code == 0
    assert any(n.startswith(f"storyline: note: skipped d/zh.txt: {why}") for n in result.stderr.splitlines())
    result = run("summarize", "d/1.txt", "d/zh.txt")
    assert result.exit_code == 5 and result.stderr.startswith(f"storyline: error: d/zh.txt: {why}")


def test_an_explicit_bad_file_is_still_an_error(folder):
    (folder / "empty.txt").write_text("")
    result = run("summarize", "d/1.txt", "d/empty.txt")
    assert result.exit_code == 5 and result.stderr == "storyline: error: d/empty.txt: the file is empty\n"


def test_a_directory_with_nothing_readable_is_an_error_after_the_notes(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "empty.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    result = run("summarize", "d")
    assert result.exit_code == 5
    assert result.stderr == (
        "storyline: note: skipped d/empty.txt: the file is empty\n"
        "storyline: error: nothing to summarize: every file found was skipped\n"
    )


def test_a_url_is_not_fetched_and_says_so():
    result = run("summarize", "http://127.0.0.1:8799/a.html")
    assert result.exit_code == 2
    assert result.stderr == (
        "storyline: error: http://127.0.0.1:8799/a.html: storyline does not fetch URLs; "
        "save the page and give the saved file\n"
    )


@pytest.mark.parametrize(
    ("command", "bad", "why"),
    [
        ("summarize", "2026-13-45", "header date '2026-13-45' is not a real date (YYYY-MM-DD)"),
        ("summarize", "2026-02-30", "header date '2026-02-30' is not a real date (YYYY-MM-DD)"),
        ("group", "2026-04-01garbage", "header date '2026-04-01garbage' is not a real date (YYYY-MM-DD)"),
        ("group", "2026-04-01 or so", "header date '2026-04-01 or so' is not a real date (YYYY-MM-DD)"),
        ("group", "2026-04-01T25:00", "header date '2026-04-01T25:00' is not a real date (YYYY-MM-DD)"),
    ],
)
def test_a_header_date_that_is_not_a_real_date_is_an_error_naming_the_file(tmp_path, monkeypatch, command, bad, why):
    (tmp_path / "a.txt").write_text(f"---\ndate: {bad}\n---\nThe council voted on Tuesday to close the harbor.\n")
    monkeypatch.chdir(tmp_path)
    result = run(command, "a.txt")
    assert result.exit_code == 6
    assert result.stderr == f"storyline: error: a.txt: {why}\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "pipe")
    monkeypatch.chdir(tmp_path)
    result = run("summarize", "pipe")
    assert result.exit_code == 3
    assert "pipe: not a regular file (a device, FIFO or socket)" in result.stderr


def test_a_name_too_long_for_the_file_system_is_exit_3_not_an_internal_error(tmp_path, monkeypatch):
    # Path.exists() raises ENAMETOOLONG (it ignores only "no such file"): that was exit 70, "internal error: OSError".
    monkeypatch.chdir(tmp_path)
    for name in ("a" * 5000, "d/" * 3000, "https://" + "a" * 5000):
        result = run("summarize", name)
        assert result.exit_code in (2, 3) and "internal error" not in result.stderr, result.stderr
        assert result.exit_code == (2 if name.startswith("https") else 3)
        assert result.stderr.count("\n") == 1


def test_standard_input_is_read_up_to_the_limit(monkeypatch, harbor_texts):
    monkeypatch.setattr("storyline.cli.inputs.MAX_BYTES", 100)
    result = run("summarize", "-", input=harbor_texts[0].encode())
    assert result.exit_code == 4
    assert result.stderr == "storyline: error: standard input: more than 0.0001 MB, the limit for one article\n"


def test_a_budget_no_sentence_fits_says_so_in_the_output(tmp_path, monkeypatch, harbor_texts):
    for i, t in enumerate(harbor_texts, 1):
        (tmp_path / f"{i}.txt").write_text(t)
    monkeypatch.chdir(tmp_path)
    note = ("the summary is empty: no sentence fits in 5 words (summaries take whole sentences, and the shortest "
            "has 9 words); raise the word budget")
    text = run("summarize", "1.txt", "2.txt", "3.txt", "--words", "5")
    assert text.exit_code == 0
    # The note is part of the output; on stderr it would show twice on a terminal.
    assert f"Note: {note}\n" in text.stdout and text.stderr == ""
    as_json = json.loads(run("summarize", "1.txt", "2.txt", "3.txt", "--words", "5", "--format", "json").stdout)
    assert as_json["sentences"] == [] and as_json["notes"] == [note]


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_a_date_on_a_dataset_file_is_refused_not_ignored(tmp_path, monkeypatch, harbor_texts, command):
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "a", "documents": harbor_texts}) + "\n")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "e.jsonl").write_text(json.dumps({"id": "b", "documents": harbor_texts}) + "\n")
    monkeypatch.chdir(tmp_path)
    result = run(command, "d.jsonl@2026-01-01")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "storyline: error: d.jsonl@2026-01-01: a date applies to article files and directories of them, "
        "not to a dataset file (d.jsonl); give it without @DATE\n"
    )
    result = run(command, "more@2026-01-01")  # a directory holding one
    assert result.exit_code == 2 and "not to a dataset file (more/e.jsonl)" in result.stderr
    dataset = json.dumps({"id": "a", "documents": harbor_texts}).encode()
    result = run(command, "--", "-@2026-01-01", input=dataset)  # "--": not an option
    assert result.exit_code == 2 and "not to a dataset file (standard input)" in result.stderr


@pytest.mark.parametrize("when", ["14/04/2026", "tomorrow", "2026-4-14"])
def test_a_date_after_a_path_not_written_yyyy_mm_dd_is_named_as_one(folder, when):
    # It was taken for part of a file name: "d/1.txt@14/04/2026: no such file or directory", exit 3.
    result = run("summarize", f"d/1.txt@{when}")
    assert result.exit_code == 2
    assert result.stderr == (f"storyline: error: d/1.txt@{when}: '{when}' is not a date written YYYY-MM-DD "
                             "(PATH@YYYY-MM-DD dates a file)\n")
    (folder / "x@y.txt").write_text("The harbour closed on Monday after the storm, the port authority said.\n")
    assert run("summarize", "d/x@y.txt").exit_code == 0  # a file with "@" in its name is still read


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
@pytest.mark.parametrize(("given", "why"), [
    (["--date", "2099-01-01"], "--date 2099-01-01 is more than a year from now"),
    (["--date", "1850-05-01"], "--date 1850-05-01 is before 1900"),
    (["d/1.txt@2099-01-01"], "d/1.txt@2099-01-01 is more than a year from now"),
])
def test_a_date_far_in_the_future_or_before_1900_is_used_with_a_note(folder, command, given, why):
    # a typing slip ("2099" for "2019") had been taken silently as the base for relative dates
    result = run(command, *given, "d/1.txt" if given[0] == "--date" else "d/more/2.txt")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"storyline: note: {why}; it is used as given, the base for relative dates "
                             '("Monday", "last year")\n')


@pytest.mark.parametrize("given", [["--date", "2026-03-10"], ["--date", "1900-01-01"], ["d/1.txt@2018-12-03"]])
def test_an_ordinary_date_gets_no_note(folder, given):
    result = run("analyze", *given, "d/1.txt" if given[0] == "--date" else "d/more/2.txt")
    assert result.exit_code == 0 and result.stderr == ""


def test_an_impossible_date_after_a_path_names_the_path(folder):
    result = run("summarize", "d/1.txt@2026-03-01", "d/more/2.txt@2026-02-30")
    assert result.exit_code == 2
    assert result.stderr == ("storyline: error: d/more/2.txt@2026-02-30: publication date '2026-02-30' is not a date "
                             "like 2018-12-03, as February 2026 has no day 30\n")


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_a_dated_directory_with_a_stray_json_file_is_read_not_refused(folder, command):
    # A .json file that is no dataset is skipped with a note in a directory; dating the directory refused it all
    # the same, naming the file a dataset file.
    (folder / "package.json").write_text('{"name": "site", "version": "1.0.0"}')
    result = run(command, "d@2026-01-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "storyline: note: skipped d/package.json, line 1: 'documents' must be a list" in result.stderr
    assert "not to a dataset file" not in result.stderr


@pytest.mark.parametrize("words", [["--", "-@2026-01-01"], ["-@2026-01-01"]])  # "--" no longer needed
def test_a_date_on_standard_input_dates_its_article(harbor_texts, words):
    result = run("summarize", "--format", "json", *words, input=harbor_texts[0].encode())
    assert result.exit_code == 0, result.output
    assert [a["date"] for a in json.loads(result.stdout)["articles"]] == ["2026-01-01"]


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_standard_input_given_twice_is_a_usage_error(harbor_texts, command):
    result = run(command, "-", "-", input=harbor_texts[0].encode())
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "storyline: error: - (standard input) is given more than once; it can be read only once\n"




def test_empty_standard_input_is_nothing_to_summarize():
    result = run("summarize", "-", input=b"  \n")
    assert result.exit_code == 5 and result.stderr == "storyline: error: standard input is empty\n"


def test_a_file_whose_name_starts_with_a_dash_is_read_after_double_dash(tmp_path, monkeypatch, harbor_texts):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-notes.txt").write_text(harbor_texts[0])
    result = run("summarize", "--format", "json", "--", "-notes.txt")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["origin"].endswith("-notes.txt")


SECTION_FRONT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "html", "section.html")


def test_a_section_front_is_skipped_in_a_directory_and_an_error_when_named(folder):
    with open(SECTION_FRONT, encoding="utf-8") as fh:
        (folder / "local-news.html").write_text(fh.read())
    result = run("summarize", "d", "--words", "40", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["origin"] for a in json.loads(result.stdout)["articles"]] == ["d/1.txt", "d/more/2.txt"]
    assert ("storyline: note: skipped d/local-news.html: a page of 10 headlines (a section front or index), not an "
            "article; save the article's own page") in result.stderr.splitlines()
    result = run("summarize", "d/local-news.html")
    assert result.exit_code != 0
    assert result.stderr.startswith("storyline: error: d/local-news.html: a page of 10 headlines")
    assert "Traceback" not in result.output and len(result.stderr.splitlines()) == 1


def test_a_file_named_again_is_read_once_with_a_note(folder):
    # "d d/1.txt", "1.txt ./1.txt", a link to it: one article, not two sources of every sentence.
    (folder / "link.txt").symlink_to(folder / "1.txt")
    result = run("summarize", "d", "d/1.txt", "./d/more/2.txt", "--words", "40", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["origin"] for a in json.loads(result.stdout)["articles"]] == ["d/1.txt", "d/more/2.txt"]
    assert result.stderr.splitlines() == [
        "storyline: note: skipped d/link.txt: the same file as d/1.txt, read once",
        "storyline: note: skipped d/1.txt: given again, read once",
        "storyline: note: skipped d/more/2.txt: given again, read once",
    ]
    stream = run("group", "d/1.txt", "d/1.txt", "--format", "json")
    assert stream.exit_code == 0 and len(json.loads(stream.stdout)["stories"][0]["articles"]) == 1
    assert stream.stderr == "storyline: note: skipped d/1.txt: given again, read once\n"


def test_a_file_named_again_with_another_date_is_refused(folder):
    result = run("summarize", "d/1.txt@2026-03-09", "./d/1.txt@2026-03-10", "d/more/2.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "storyline: error: d/1.txt@2026-03-10: given already (d/1.txt@2026-03-09); "
        "give each file once, with one date\n"
    )
    # the same path twice, with two dates or once undated: the dates were kept by path, the last one winning
    for first, again, before in [
        ("d/1.txt@2026-03-09", "d/1.txt@2026-03-10", "d/1.txt@2026-03-09"),
        ("d/1.txt", "d/1.txt@2026-03-10", "d/1.txt, undated"),
        ("d/1.txt@2026-03-09", "d/1.txt", "d/1.txt@2026-03-09"),
    ]:
        result = run("summarize", first, again)
        assert result.exit_code == 2, (first, again)
        assert result.stderr == (
            f"storyline: error: {again}: given already ({before}); give each file once, with one date\n"
        )
    same = run("summarize", "d/1.txt@2026-03-09", "d/1.txt@2026-03-09", "--format", "json")
    assert same.exit_code == 0 and json.loads(same.stdout)["articles"][0]["date"] == "2026-03-09"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: ("\ufeff" + text).encode("utf-8"),  # a byte-order mark, as Windows tools write
        lambda text: text.encode("utf-16"),
        lambda text: json.dumps(json.loads(text), indent=2).encode(),  # one object over lines: jq's output
    ],
    ids=["bom", "utf-16", "pretty"],
)
def test_json_on_standard_input_is_read_as_a_dataset_however_it_is_written(harbor_texts, encode):
    line = json.dumps({"id": "harbor", "documents": harbor_texts[:2]})
    result = run("summarize", "-", "--words", "40", "--format", "json", input=encode(line))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "harbor" and len(data["articles"]) == 2


def test_json_lines_and_a_json_list_on_standard_input(harbor_texts):
    lines = "".join(json.dumps({"text": t, "source": f"Outlet {k}"}) + "\n" for k, t in enumerate(harbor_texts, 1))
    result = run("summarize", "-", "--words", "40", "--format", "json", input=lines.encode())
    assert result.exit_code == 0, result.output
    assert [a["source"] for a in json.loads(result.stdout)["articles"]] == ["Outlet 1", "Outlet 2", "Outlet 3"]
    listed = json.dumps([json.loads(x) for x in lines.splitlines()], indent=1).encode()
    result = run("summarize", "-", "--words", "40", "--format", "json", input=listed)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 3
    bad = run("summarize", "-", input=(lines + "{oops\n").encode())
    assert bad.exit_code == 6 and "<stdin>.jsonl, line 4: not valid JSON" in bad.stderr


@pytest.mark.parametrize("lines", [1, 2])
def test_json_nested_too_deeply_on_standard_input_is_malformed_json(lines):
    # A RecursionError from Python's parser had been an internal error (exit 70), in deciding whether standard
    # input is one JSON value (over several lines) and in reading it.
    deep = "[" * 10_000 + "\n" * (lines - 1) + "]" * 10_000
    result = CliRunner().invoke(cli, ["summarize", "-"], input=deep.encode())
    assert result.exit_code == 6, result.output
    assert "not valid JSON (nested too deeply)" in result.stderr and len(result.stderr.splitlines()) == 1


def test_datasets_and_articles_together_are_refused_naming_one_of_each(folder, harbor_texts):
    (folder / "0meta.json").write_text('{"pages": 3}')  # skipped: not what the error names
    (folder / "more" / "cluster.jsonl").write_text(json.dumps({"id": "c", "documents": harbor_texts}) + "\n")
    result = run("summarize", "d")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "storyline: error: d/more/cluster.jsonl holds a dataset (JSON) and d/1.txt an article: give either "
        "dataset files (.json/.jsonl) or article files, not both at once"
    )
    piped = run("summarize", "d/1.txt", "-", input=(json.dumps({"documents": harbor_texts}) + "\n").encode())
    assert piped.exit_code == 2 and piped.stderr.startswith("storyline: error: standard input holds a dataset")
    # a file of articles, one a line (the web upload's), is no dataset: the error called it one
    (folder / "more" / "cluster.jsonl").write_text(json.dumps({"text": harbor_texts[0], "source": "Gazette"}) + "\n")
    assert run("summarize", "d").stderr.splitlines()[-1] == (
        "storyline: error: d/more/cluster.jsonl holds articles as JSON lines, a cluster of its own, and d/1.txt an "
        "article: give either dataset files (.json/.jsonl) or article files, not both at once"
    )


def test_a_web_archive_on_standard_input_is_read_as_its_page(tmp_path):
    import email.message
    import email.policy

    archive = email.message.EmailMessage(policy=email.policy.SMTP)
    archive["From"] = "<Saved by Blink>"
    archive.make_related()
    page = email.message.EmailMessage(policy=email.policy.SMTP)
    page.set_content("<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>"
                     "<p>The north quay reopened on Friday after three weeks of repairs, the port said.</p>"
                     "<p>Ferries will use it again from Monday morning, a spokeswoman added.</p>"
                     "</article></body></html>", subtype="html", cte="quoted-printable")
    archive.attach(page)
    result = run("summarize", "-", "--format", "json", input=archive.as_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"][0]["title"] == "Quay reopens"
    assert [s["text"] for s in data["sentences"]][0] == (
        "The north quay reopened on Friday after three weeks of repairs, the port said.")


def test_an_unreadable_file_is_an_error_when_named_and_a_note_in_a_directory(folder, monkeypatch):
    # chmod 000 does not stop root (the test may run as root): the refusal is simulated where the file is opened.
    import storyline.ingest

    real_open = os.open

    def guarded(path, flags, *args):
        if str(path).endswith("1.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(storyline.ingest.os, "open", guarded)
    named = run("summarize", "d/1.txt", "d/more/2.txt")
    assert named.exit_code == 3 and named.stderr == "storyline: error: d/1.txt: permission denied\n"
    (folder / "3.txt").write_text((folder / "more" / "2.txt").read_text())
    found = run("summarize", "d", "--words", "40", "--format", "json")
    assert found.exit_code == 0, found.output
    assert found.stderr == "storyline: note: skipped d/1.txt: permission denied\n"
    assert [a["origin"] for a in json.loads(found.stdout)["articles"]] == ["d/3.txt", "d/more/2.txt"]


def test_a_page_downloaded_twice_is_one_source_but_the_same_wire_text_from_two_files_is_two(tmp_path, monkeypatch,
                                                                                            harbor_texts):
    monkeypatch.chdir(tmp_path)
    page = ("<html><head><title>Harbor closes to freight | Lindenfeld Post</title>"
            '<meta property="og:site_name" content="Lindenfeld Post"></head><body><article>'
            "<h1>Harbor closes to freight</h1>"
            + "".join(f"<p>{p}</p>" for p in harbor_texts[0].split("\n\n")) + "</article></body></html>")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "harbor.html").write_text(page)
    (tmp_path / "d" / "harbor (1).html").write_text(page)  # the browser's name for a second download
    (tmp_path / "d" / "wire-a.txt").write_text(harbor_texts[1])  # one wire story, two files without a header:
    (tmp_path / "d" / "wire-b.txt").write_text(harbor_texts[1])  # two outlets may have run it
    result = run("summarize", "d", "--format", "json")
    assert result.exit_code == 0, result.output
    origins = [a["origin"] for a in json.loads(result.stdout)["articles"]]
    assert origins == ["d/harbor (1).html", "d/wire-a.txt", "d/wire-b.txt"]
    assert result.stderr == "storyline: note: skipped d/harbor.html: the same page as d/harbor (1).html, read once\n"


def test_a_page_saved_as_html_and_as_mhtml_is_one_source(tmp_path, monkeypatch, harbor_texts):
    # The .mhtml records the address it was saved from, the .html (no og:url, no canonical link) does not: still
    # the same page of one outlet, not a second outlet that carries every sentence.
    import email.message
    import email.policy

    monkeypatch.chdir(tmp_path)
    page = ("<html><head><title>Harbor closes to freight | Lindenfeld Post</title>"
            '<meta property="og:site_name" content="Lindenfeld Post"></head><body><article>'
            "<h1>Harbor closes to freight</h1>"
            + "".join(f"<p>{p}</p>" for p in harbor_texts[0].split("\n\n")) + "</article></body></html>")
    saved = email.message.EmailMessage(policy=email.policy.SMTP)
    saved["Snapshot-Content-Location"] = "https://lindenfeldpost.example/harbor"
    saved.set_content(page, subtype="html", cte="quoted-printable")
    (tmp_path / "harbor.mhtml").write_bytes(saved.as_bytes())
    (tmp_path / "harbor.html").write_text(page)
    (tmp_path / "other.txt").write_text(harbor_texts[1])
    result = run("summarize", "harbor.mhtml", "harbor.html", "other.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    assert [(a["origin"], a["url"]) for a in articles] == [
        ("harbor.mhtml", "https://lindenfeldpost.example/harbor"), ("other.txt", "")]
    assert result.stderr == "storyline: note: skipped harbor.html: the same page as harbor.mhtml, read once\n"


def test_a_dataset_on_standard_input_may_be_larger_than_an_article(monkeypatch, harbor_texts):
    # JSON Lines of many clusters were refused at 20 MB as "the limit for one article"; a dataset file may hold 2 GB.
    monkeypatch.setattr("storyline.cli.inputs.MAX_BYTES", 100)
    lines = "".join(json.dumps({"id": f"c{k}", "documents": harbor_texts}) + "\n" for k in range(3))
    result = run("summarize", "-", "--words", "30", "--format", "json", input=lines.encode())
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["c0", "c1", "c2"]
    monkeypatch.setattr("storyline.cli.inputs.MAX_DATASET_BYTES", 1000)
    result = run("summarize", "-", input=lines.encode())
    assert result.exit_code == 4
    assert result.stderr == "storyline: error: standard input: more than 1e-06 GB, the limit for a dataset\n"


def test_a_gzipped_dataset_on_standard_input_is_read_as_its_file_would_be(harbor_texts):
    import gzip

    lines = "".join(json.dumps({"id": f"c{k}", "documents": harbor_texts}) + "\n" for k in range(2))
    result = run("summarize", "-", "--words", "30", "--format", "json", input=gzip.compress(lines.encode()))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["c0", "c1"]


def test_standard_input_on_a_terminal_says_what_it_waits_for(harbor_texts, monkeypatch):
    # "storyline summarize -" typed with nothing piped in waited for the article without a word: it seemed to hang
    from storyline.cli import inputs

    monkeypatch.setattr(inputs, "_stdin_is_terminal", lambda: True)
    typed = run("summarize", "-", "--words", "30", input=harbor_texts[0].encode())
    assert typed.exit_code == 0, typed.output
    assert typed.stderr.startswith("storyline: reading an article from standard input: paste or type it, then "
                                   "press Ctrl-D on a line of its own")
    monkeypatch.setattr(inputs, "_stdin_is_terminal", lambda: False)
    piped = run("summarize", "-", "--words", "30", input=harbor_texts[0].encode())
    assert piped.exit_code == 0 and piped.stderr == "" and piped.stdout == typed.stdout  # a pipe: nothing said


PAGED = os.path.join(os.path.dirname(__file__), "..", "fixtures", "html", "paged.html")


def test_one_page_of_a_paged_story_is_told_in_the_text_and_the_json(tmp_path):
    note = ("article [1] (Midshire Echo) is one page of a story printed over several pages: its other pages were not "
            "read (save the story's single-page or print view)")
    result = run("summarize", PAGED, "--words", "40")
    assert result.exit_code == 0, result.output
    assert f"Note: {note}" in result.stdout.splitlines()
    data = json.loads(run("summarize", PAGED, "--words", "40", "--format", "json").stdout)
    assert data["articles"][0]["paged"] is True and note in data["notes"]


def test_an_error_page_is_refused_in_one_line(tmp_path):
    page = tmp_path / "missing.html"
    page.write_text("<html><head><title>Page not found</title></head><body><table><tr><td><p>Page not found.</p>"
                    "<p>The page you requested does not exist.</p></td></tr></table></body></html>")
    result = run("summarize", str(page))
    assert result.exit_code == 5
    assert result.stderr == (f"storyline: error: {page}: an error page, not an article; save the article's page once "
                             "it shows the story\n")
