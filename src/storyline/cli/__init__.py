"""The ``storyline`` command: a thin shell over :mod:`storyline.api`.

The only place that prints or exits. Library errors (``StorylineError``) become one line on stderr and
the exit code their class names; nothing the user does shows a traceback.

Exit codes: 0 ok; 1 other error (an eval --callable that raised); 2 bad option or usage (Click's usage errors
included); 3 input missing or unreadable; 4 binary file, unsupported encoding, or input over a size limit;
5 nothing to summarize (empty or all clutter); 6 malformed JSON/JSONL or header; 7 optional model not
installed; 8 cannot write the output (a file or standard output); 9 ``serve`` cannot listen on its address;
70 internal error; 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from ..errors import OutputError, StorylineError
from ..files import valid_text

EXIT_INTERNAL = 70


def fail(message: str, code: int) -> NoReturn:
    from ..render import printable  # a file name may hold control characters too

    click.echo(printable(f"storyline: error: {' '.join(message.split())}"), err=True)
    sys.exit(code)


def out(text: str) -> None:
    """Write to standard output. A full disk or a failing device is an output error (exit 8), not a
    crash; a reader that stops early (``| head``) is handled where every command is invoked."""
    if sys.stdout is None:  # started with standard output closed (">&-"): click would drop the text silently
        raise OutputError("standard output is closed; give -o FILE")
    try:
        click.echo(valid_text(text), nl=False)
    except BrokenPipeError:
        raise
    except OSError as exc:
        # What is left in the buffer would fail again when Python flushes it on the way out.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise OutputError(f"standard output: could not write ({exc.strerror or exc})") from None


def _usage_message(exc: click.ClickException) -> str:
    """Click's error as one line; a usage error says where the help is, as Click's own three lines do."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


class StorylineGroup(click.Group):
    """Turns library errors into one-line messages and exit codes for every subcommand, and Click's
    usage errors (bad option values, unknown options or commands) into the same one line, exit 2."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            # Not standalone: Click raises its errors instead of printing Usage/Try/Error itself, and
            # returns the exit code of --help, --version or ctx.exit().
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # "storyline" alone: the help, as Click prints it
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            fail(_usage_message(exc), exc.exit_code)
        except click.Abort:
            click.echo("storyline: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            click.echo("storyline: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # the last line of defence: a bug, reported without a traceback
            if os.environ.get("STORYLINE_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set STORYLINE_DEBUG=1 for details)", EXIT_INTERNAL)


@click.group(cls=StorylineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def cli() -> None:
    """Sourced summaries and analysis of news articles about one event."""


def _register() -> None:
    from . import group as _group  # noqa: F401  (registers its command)
    from . import summarize as _summarize  # noqa: F401

    for name in ("analyze", "evaluate", "serve"):
        try:
            __import__(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


try:
    _register()
except KeyboardInterrupt:  # Ctrl-C while the commands load (seconds on a busy machine): a run's line, no traceback
    click.echo("storyline: interrupted", err=True)
    sys.exit(130)


def main() -> None:
    from ..threads import single_blas_thread

    single_blas_thread()
    cli(prog_name="storyline")
