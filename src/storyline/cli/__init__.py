"""The ``storyline`` command: a thin shell over :mod:`storyline.api`.

The only place that prints or exits. Library errors (``StorylineError``) become one line on stderr and
the exit code their class names; nothing the user does shows a traceback.

Exit codes: 0 ok; 1 other error; 2 bad option or usage; 3 input missing or unreadable; 4 binary file
or unsupported encoding; 5 nothing to summarize (empty or all clutter); 6 malformed JSON/JSONL;
7 optional model not installed; 8 cannot write the output; 9 ``serve`` cannot listen on its address;
70 internal error; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..errors import StorylineError

EXIT_INTERNAL = 70


def fail(message: str, code: int) -> None:
    click.echo(f"storyline: error: {message}", err=True)
    sys.exit(code)


class StorylineGroup(click.Group):
    """Turns library errors into one-line messages and exit codes for every subcommand."""

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
    from . import summarize as _summarize  # noqa: F401  (registers its command)

    for name in ("analyze", "evaluate", "serve"):
        try:
            __import__(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


_register()


def main() -> None:
    from ..threads import single_blas_thread

    single_blas_thread()
    cli(prog_name="storyline")
