"""Click's own usage errors look like every other error: one line, ``storyline: error: ...``, exit 2."""

import pytest
from click.testing import CliRunner

from storyline.cli import cli

USAGE_ERRORS = [
    (["summarize", "x.txt", "--format", "xml"], "Invalid value for '--format': 'xml' is not one of"),
    (["summarize", "x.txt", "--words", "abc"], "'abc' is not a valid integer"),
    (["summarize", "--bogus"], "No such option '--bogus'"),
    (["summarize", "a.txt", "--wrods", "5"], "No such option '--wrods'. Did you mean '--words'?"),
    (["analyze", "a.txt", "-x=3"], "No such option '-x'"),
    (["group", "--bogus", "a.txt"], "No such option '--bogus'"),
    (["frob"], "No such command 'frob'"),
    (["eval", "x.jsonl", "--words", "10", "--format", "xml"], "'xml' is not one of 'md', 'csv', 'json'"),
    (["eval", "x.jsonl"], "Missing option '--words'"),
    (["serve", "--port", "99999"], "99999 is not in the range 0<=x<=65535"),
    (["serve", "--workers", "0"], "0 is not in the range 1<=x<=64"),
    (["analyze", "--format"], "Option '--format' requires an argument"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_error_is_one_line_with_exit_2(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("storyline: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr


def test_usage_error_names_the_help_of_its_command():
    result = CliRunner().invoke(cli, ["summarize", "--bogus"], prog_name="storyline")
    assert result.stderr == (
        "storyline: error: No such option '--bogus'. (see 'storyline summarize --help')\n"
    )


@pytest.mark.parametrize("args", [["--help"], ["summarize", "--help"], ["eval", "-h"], ["serve", "--help"]])
def test_help_still_works(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and result.stderr == ""


def test_the_command_alone_shows_its_help_not_one_squashed_line():
    # Click raises its help as a usage error; flattened to one line it read "storyline: error: Usage: ..."
    result = CliRunner().invoke(cli, [], prog_name="storyline")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Usage: storyline [OPTIONS] COMMAND [ARGS]...\n")
    assert "\nCommands:\n" in result.stderr and "  summarize  " in result.stderr


def test_version_still_works():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "version" in result.stdout


def test_python_dash_m_runs_the_command():
    """``python -m storyline.cli`` is the command without its installed script (a clone's own venv)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "summarize", "--bogus"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stderr == "storyline: error: No such option '--bogus'. (see 'storyline summarize --help')\n"


@pytest.mark.parametrize("command", ["summarize", "analyze", "group"])
def test_help_says_what_path_at_date_dates(command):
    """PATH@DATE dates a file, a directory's files or standard input, on every command that reads articles."""
    result = CliRunner().invoke(cli, [command, "--help"], terminal_width=200)
    assert "PATH@YYYY-MM-DD gives an article file (a directory's article files, or -) its publication date" in " ".join(
        result.stdout.split())


@pytest.mark.parametrize("command", ["summarize", "group"])
def test_help_gives_the_word_budgets_cap(command):
    # "Most words in the summary." said nothing of the cap that refuses --words 5001, nor of whole sentences
    from storyline.options import MAX_WORDS

    result = CliRunner().invoke(cli, [command, "--help"], terminal_width=200)
    assert f"whole sentences, at most {MAX_WORDS}." in " ".join(result.stdout.split())


def test_format_and_output_mean_the_same_in_every_command_that_writes_a_story() -> None:
    # One shared option each (cli.inputs.format_option, output_option): the same name, choices, default and help.
    def described(command: str, name: str) -> dict:
        (param,) = [p for p in cli.commands[command].params if p.name == name]
        return param.to_info_dict()

    for name in ("fmt", "output"):
        assert described("summarize", name) == described("analyze", name) == described("group", name)


def _readme_synopses() -> dict[str, list[str]]:
    """Each command's option lists as the README and the docs/ pages write them: its ``storyline CMD ...`` lines
    in code (the README's usage block, its Commands list, and the synopsis in backticks that opens a command's
    page or section in docs/)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    block = re.search(r"## Usage\n\n```\n(.*?)```", readme, re.S)
    assert block is not None
    for line in block.group(1).splitlines():
        if m := re.match(r"(?:cat \S+ \| )?storyline (\w+)(.*?)(?:#|$)", line):
            found.setdefault(m.group(1), []).append(m.group(2))
    for page in (root / "README.md", *sorted((root / "docs").glob("*.md"))):
        for m in re.finditer(r"`storyline (\w+) ([^`]*)`", page.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), []).append(m.group(2))
    return found


def test_the_readme_names_every_option_of_every_command_and_no_other() -> None:
    """The README's usage drifted from the commands: an option only ``--help`` told of, a synopsis without one.
    The front page names every option itself; the synopses checked are its own and those of docs/."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    synopses = _readme_synopses()
    for name, command in cli.commands.items():
        options = {o for p in command.params for o in p.opts if o.startswith("--")} - {"--help"}
        missing = sorted(o for o in options if not re.search(rf"`[^`]*{re.escape(o)}\b", readme))
        assert not missing, (name, missing)
        for synopsis in synopses.get(name, []):
            unknown = sorted(set(re.findall(r"(?<![\w-])--[a-z][\w-]*", synopsis)) - options)
            assert not unknown, (name, synopsis, unknown)
    assert "storyline --version" in readme


def test_the_defaults_a_readme_synopsis_shows_are_the_commands() -> None:
    import re

    compared = set()
    for name, command in cli.commands.items():
        defaults = {o: p.default for p in command.params for o in p.opts if o.startswith("--")}
        for synopsis in _readme_synopses().get(name, []):
            for option, shown in re.findall(r"\[(--[a-z][\w-]*) ([\w.]+)\]", synopsis):
                if shown != shown.lower():  # a placeholder ("N", "PATH", "FILE.png"), not a value
                    continue
                assert str(defaults[option]) == shown, (name, option, shown, defaults[option])
                compared.add(option)
    assert {"--port", "--queue-limit", "--group-threshold", "--group-window-days"} <= compared


def test_the_front_page_commands_list_gives_each_command_all_its_options() -> None:
    """``group --date`` came and the Commands list's synopsis of group went on without it: the README named
    ``--date`` elsewhere (for summarize), so the check above passed."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^- `storyline (\w+) ([^`]*)`", readme, re.M))
    assert set(listed) == set(cli.commands)
    for name, command in cli.commands.items():
        options = {o for p in command.params for o in p.opts if o.startswith("--")} - {"--help"}
        given = set(re.findall(r"(?<![\w-])--[a-z][\w-]*", listed[name]))
        assert given == options, (name, sorted(options - given), sorted(given - options))


@pytest.mark.parametrize("loading", ["storyline.cli.summarize", "storyline.api", "storyline.model"])
def test_ctrl_c_while_the_commands_load_is_one_line_not_a_traceback(loading):
    """Ctrl-C in the first seconds of a run (a wrong option seen at once) fell in the import of the commands and
    printed a traceback through a dozen modules; a run interrupted later says one line and exits 130. The library
    behind ``import storyline`` (storyline.api, storyline.model) was loaded by the package itself, before the
    command line could catch anything: its names are now imported when first asked for."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "class Stop:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {loading!r}:\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Stop())\n"
        "from storyline.cli import main\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (130, "storyline: interrupted\n")


def _usage_block_commands() -> list[str]:
    """The command lines of the README's usage block, without their comments."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Usage\n\n```\n(.*?)```", readme, re.S)
    assert block is not None
    return [line.split(" #")[0].strip() for line in block.group(1).splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_every_command_of_the_readme_usage_block_runs_as_written(tmp_path, monkeypatch) -> None:
    """The front page's usage block, run as a new user would in a folder holding the files it names (made from the
    sample): each command ends with exit 0. The options were checked by name alone; a line whose arguments no
    longer parse (PATH@DATE, -@DATE beside a file, -o with --format) would pass that check. ``serve`` (it runs
    until stopped) and ``eval`` of ../shared's data (minutes) are left out."""
    import json
    import shlex

    from storyline.api import sample_paths

    alder, coastline, northbay, radio, eastside = sample_paths()
    for name, source in (("a.txt", alder), ("b.html", radio), ("c.txt", coastline), ("b.txt", eastside),
                         ("page.html", radio)):
        (tmp_path / name).write_bytes(source.read_bytes())
    (tmp_path / "articles").mkdir()
    for source in sample_paths():
        (tmp_path / "articles" / source.name).write_bytes(source.read_bytes())
    texts = [p.read_text(encoding="utf-8").split("---\n", 2)[-1] for p in (alder, coastline, eastside)]
    (tmp_path / "cluster.jsonl").write_text(
        json.dumps({"id": "bridge", "documents": texts}) + "\n" + json.dumps({"id": "two", "documents": texts[:2]})
        + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ran = []
    for line in _usage_block_commands():
        piped, _, command = line.rpartition("| ")
        args = shlex.split(command)
        assert args[0] == "storyline", line
        if args[1:2] == ["serve"] or any(a.startswith("../shared/") for a in args):
            continue
        stdin = (tmp_path / shlex.split(piped)[1]).read_bytes() if piped else None
        result = CliRunner().invoke(cli, args[1:], input=stdin, prog_name="storyline")
        assert result.exit_code == 0, (line, result.stderr)
        assert "error" not in result.stderr, (line, result.stderr)
        ran.append(args[1])
    assert (tmp_path / "brief.md").read_text(encoding="utf-8").startswith("## Summary")
    assert {"summarize", "analyze", "group", "eval", "--version"} <= set(ran)
