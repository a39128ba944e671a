"""``-o``: checked before any work, written atomically through links, never over or among the inputs;
standard output that cannot be written is an output error, not a crash."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.fixture
def articles(tmp_path, harbor_texts, monkeypatch):
    d = tmp_path / "arts"
    d.mkdir()
    for i, t in enumerate(harbor_texts, 1):
        (d / f"{i}.txt").write_text(t)
    monkeypatch.chdir(tmp_path)
    return d


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def assert_one_line_error(result, code: int, message: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("storyline: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_a_directory_as_output_is_the_projects_output_error(articles):
    assert_one_line_error(run("summarize", "arts", "-o", "arts"), 8, "arts: is a directory; give a file name for -o")


def test_an_empty_output_name_is_refused_not_taken_for_stdout(articles):
    result = run("summarize", "arts", "-o", "")
    assert_one_line_error(result, 2, "-o needs a file name (or - for standard output)")
    assert result.stdout == ""


def test_dash_is_standard_output(articles):
    result = run("summarize", "arts", "--words", "30", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("Sources\n")
    assert not Path("-").exists()


def test_output_is_checked_before_any_input_is_read(articles):
    # bin.txt would fail with exit 4 once read: the missing directory must be reported first
    (articles.parent / "bin.txt").write_bytes(BINARY)
    result = run("summarize", "bin.txt", "-o", "nodir/brief.md")
    assert_one_line_error(result, 8, "nodir/brief.md: the directory nodir does not exist")
    assert_one_line_error(run("summarize", "bin.txt", "-o", "bin.txt"), 2, "refusing to overwrite an input file")


def test_a_refused_output_comes_before_any_note_on_the_files(articles):
    # A link to one of the directory's files is noted as read once, but only once -o is found good: the refusal
    # came after that note, as if the files had been read.
    (articles / "again.txt").symlink_to("1.txt")
    assert_one_line_error(run("summarize", "arts", "-o", "arts/brief.md"), 2, "inside the input directory arts")
    assert_one_line_error(run("group", "arts", "-o", "nodir/b.md"), 8, "the directory nodir does not exist")


def test_output_inside_an_input_directory_is_refused(articles):
    result = run("summarize", "arts", "-o", "arts/brief.md")
    assert_one_line_error(result, 2, "arts/brief.md: inside the input directory arts")
    assert not (articles / "brief.md").exists()
    assert_one_line_error(run("analyze", "arts", "-o", "arts/sub/../brief.md"), 2, "inside the input directory arts")


def test_output_through_a_symlink_updates_its_target_and_keeps_the_link(articles):
    real = articles.parent / "real.md"
    real.write_text("stale")
    link = articles.parent / "link.md"
    link.symlink_to("real.md")
    result = run("summarize", "arts", "--words", "30", "--format", "md", "-o", "link.md")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert real.read_text().startswith("## Summary")
    assert not [p for p in os.listdir(articles.parent) if p.endswith(".tmp")]


def test_a_symlink_to_an_input_is_refused(articles):
    (articles.parent / "alias.txt").symlink_to(articles / "1.txt")
    before = (articles / "1.txt").read_text()
    result = run("summarize", "arts/1.txt", "arts/2.txt", "-o", "alias.txt")
    assert_one_line_error(result, 2, "refusing to overwrite an input")
    assert (articles / "1.txt").read_text() == before and (articles.parent / "alias.txt").is_symlink()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_on_stdout_is_an_output_error(articles):
    exe = os.path.join(os.path.dirname(sys.executable), "storyline")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([exe, "summarize", "arts"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 8
    assert proc.stderr == "storyline: error: standard output: could not write (No space left on device)\n"


def test_dev_stdout_is_standard_output_and_dev_stderr_is_refused(articles):
    plain = run("summarize", "arts", "--words", "30")
    result = run("summarize", "arts", "--words", "30", "-o", "/dev/stdout")
    assert result.exit_code == 0, result.output
    assert result.stdout == plain.stdout and result.stderr == ""
    for name in ("/dev/stderr", "/dev/fd/2"):
        result = run("summarize", "arts", "-o", name)
        assert_one_line_error(result, 2, f"-o {name}: the output goes to a file or to standard output (-), not to "
                                  "standard error")
        assert result.stdout == ""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_another_device_as_output_is_refused_before_any_work(articles):
    result = run("group", "arts", "-o", "/dev/zero")
    assert_one_line_error(result, 8, "/dev/zero: not a regular file (a device, FIFO or socket); -o writes a file")


@pytest.mark.skipif(os.devnull != "/dev/null", reason="needs /dev/null")
@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_the_null_device_throws_the_output_away_and_stays_a_device(articles, command):
    dated = ("--date", "2026-03-09") if command != "group" else ()  # no note on stderr
    result = run(command, "arts", "-o", "/dev/null", *dated)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert not os.path.isfile("/dev/null")  # nothing was renamed over it


@pytest.mark.parametrize("mask", [0o077, 0o022])
def test_a_new_output_file_follows_the_umask(articles, mask):
    from storyline.files import write_atomic

    old = os.umask(mask)
    try:
        write_atomic(f"out-{mask:o}.md", "brief\n")
    finally:
        os.umask(old)
    assert Path(f"out-{mask:o}.md").stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_the_format_follows_the_output_files_suffix_unless_given(articles, command):
    import json

    assert run(command, "arts", "-o", "out.json").exit_code == 0
    assert isinstance(json.loads(Path("out.json").read_text()), dict)  # JSON, not text under a .json name
    assert run(command, "arts", "-o", "out.MD").exit_code == 0
    assert Path("out.MD").read_text().startswith("#")
    assert run(command, "arts", "-o", "out.json", "--format", "text").exit_code == 0  # given: it wins
    assert not Path("out.json").read_text().startswith("{")
    assert run(command, "arts", "-o", "out.csv").exit_code == 0  # no such format here: text
    assert run(command, "arts", "--format", "text").stdout == Path("out.csv").read_text()


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_an_html_output_name_without_a_format_is_refused(articles, command):
    # -o brief.html wrote plain text under an .html name, which a browser shows as one run-on paragraph
    result = run(command, "arts", "-o", "brief.html")
    assert_one_line_error(result, 2, "-o brief.html: storyline writes text, md or json, not an HTML page; name the "
                                     "file .md (Markdown) or .json, or give --format")
    assert not Path("brief.html").exists()
    assert run(command, "arts", "-o", "brief.html", "--format", "md").exit_code == 0  # said: written as asked
    assert Path("brief.html").read_text().startswith("#")


def test_a_closed_standard_output_is_an_output_error_not_a_silent_success(articles):
    # Started with ">&-", Python has no sys.stdout and click would drop the summary without a word.
    proc = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "summarize", "arts"], stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 8
    assert proc.stderr == "storyline: error: standard output is closed; give -o FILE\n"
    proc = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "summarize", "arts", "-o", "brief.txt"], stderr=subprocess.PIPE,
        text=True, preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 0 and Path("brief.txt").read_text().startswith("Sources")


def test_the_file_standard_input_reads_is_an_input_that_output_may_not_replace(articles):
    # "- < arts/1.txt -o arts/1.txt": the article was read, then replaced by its own summary.
    before = (articles / "1.txt").read_text()
    for given in ("-", "-@2026-03-09"):
        with open(articles / "1.txt", "rb") as stdin:
            proc = subprocess.run([sys.executable, "-m", "storyline.cli", "summarize", given, "arts/2.txt", "-o",
                                   "arts/1.txt"], stdin=stdin, stderr=subprocess.PIPE, text=True)
        assert proc.returncode == 2
        assert proc.stderr == (
            "storyline: error: arts/1.txt: refusing to overwrite an input file; choose another -o path\n")
        assert (articles / "1.txt").read_text() == before
    with open(articles / "1.txt", "rb") as stdin:  # another name is written as ever
        proc = subprocess.run([sys.executable, "-m", "storyline.cli", "summarize", "-", "arts/2.txt", "-o",
                               "brief.txt"], stdin=stdin, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 0 and Path("brief.txt").read_text().startswith("Sources")


def test_a_closed_standard_input_is_an_unreadable_input_not_an_internal_error(articles):
    # Started with "<&-", Python has no sys.stdin: "-" was an internal error (exit 70).
    proc = subprocess.run([sys.executable, "-m", "storyline.cli", "summarize", "-"], stderr=subprocess.PIPE,
                          text=True, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 3
    assert proc.stderr == (
        "storyline: error: - (standard input): standard input is closed; give the article as a file\n")


def test_an_output_path_ending_in_a_slash_or_under_a_file_is_refused_before_work(articles):
    # "-o briefs/" wrote a file named "briefs": the user asked for a directory.
    assert_one_line_error(run("summarize", "arts", "-o", "briefs/"), 8,
                          "briefs/: names a directory (it ends in /), and there is none; give a file name for -o")
    assert not Path("briefs").exists()
    Path("notes.txt").write_text("mine")
    assert_one_line_error(run("summarize", "arts", "-o", "notes.txt/brief.md"), 8,
                          "notes.txt/brief.md: notes.txt is a file, not a directory")
    assert Path("notes.txt").read_text() == "mine"


def test_a_read_only_output_file_is_not_replaced(articles, monkeypatch):
    # Written atomically, the output is renamed over the file, which needs only the directory to be writable:
    # a file the user made read-only would have been replaced. (Simulated: root may write any file.)
    Path("kept.md").write_text("the user's own")
    Path("kept.md").chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p).endswith("kept.md") and mode & os.W_OK
                        else real_access(p, mode, **kw))
    assert_one_line_error(run("summarize", "arts", "-o", "kept.md"), 8,
                          "kept.md: the file is read-only; give another name for -o, or make it writable")
    assert Path("kept.md").read_text() == "the user's own"


def test_a_read_only_output_file_is_kept_even_for_root(articles):
    # os.access() answers yes to root for any file, so a file chmod 444 made read-only was replaced when the
    # run was root's (a container's usual user): its mode, with no write bit for anyone, says read-only too.
    Path("kept.md").write_text("the user's own")
    Path("kept.md").chmod(0o444)
    assert_one_line_error(run("summarize", "arts", "-o", "kept.md"), 8,
                          "kept.md: the file is read-only; give another name for -o, or make it writable")
    assert Path("kept.md").read_text() == "the user's own"
    Path("kept.md").chmod(0o644)  # writable again: replaced as asked
    assert run("summarize", "arts", "-o", "kept.md").exit_code == 0
    assert Path("kept.md").read_text() != "the user's own"


def test_summarize_with_analysis_to_a_file_repeats_the_analysis_notes_on_stderr(articles):
    # The notes the written document carries are repeated on stderr with -o; summarize --analysis wrote the
    # analysis's undated-article note into the file and said nothing of it, as analyze -o does.
    result = run("summarize", "arts", "--analysis", "-o", "brief.md")
    assert result.exit_code == 0, result.output
    written = Path("brief.md").read_text()
    assert "> no publication date given" in written
    assert "storyline: note: no publication date given" in result.stderr
    assert result.stderr == run("analyze", "arts", "-o", "analysis.md").stderr


def test_a_file_name_that_is_not_utf8_leaves_the_output_valid_utf8(articles):
    # Its bytes come as lone surrogates: written with -o they crashed the run (exit 70), on standard output
    # they went out raw and the JSON was no UTF-8.
    import json

    try:
        (articles / os.fsdecode(b"caf\xe9.txt")).write_text((articles / "1.txt").read_text())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses a name that is not UTF-8")
    (articles / "1.txt").unlink()
    assert run("summarize", "arts", "--format", "json", "-o", "out.json").exit_code == 0
    origins = [a["origin"] for a in json.loads(Path("out.json").read_bytes().decode("utf-8"))["articles"]]
    assert "arts/caf\ufffd.txt" in origins
    printed = CliRunner().invoke(cli, ["summarize", "arts", "--format", "json"], catch_exceptions=False)
    assert printed.exit_code == 0
    assert "arts/caf\ufffd.txt" in [a["origin"] for a in json.loads(printed.stdout_bytes.decode("utf-8"))["articles"]]
