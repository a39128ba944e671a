"""One exception hierarchy for the whole package.

Library code raises these; the shells (CLI, web) turn them into a one-line message and an exit code
or an HTTP status. Each class carries the exit code the CLI uses, so the mapping lives in one place.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error the library raises on purpose. ``str(error)`` is a complete, one-line message."""

    exit_code = 1
    http_status = 400


class OptionsError(StorylineError, ValueError):
    """An option is out of range or unknown (a budget of 0, an unknown method name)."""

    exit_code = 2
    http_status = 422  # an invalid field of the request


class InputNotFoundError(StorylineError):
    """A path does not exist or cannot be read."""

    exit_code = 3


class UnreadableInputError(StorylineError):
    """A file exists but is not text we can read: binary data, an unsupported encoding."""

    exit_code = 4


class InputTooLargeError(UnreadableInputError):
    """An input over one of the documented size limits (bytes per file or stdin, sentences per cluster)."""

    http_status = 413


class EmptyInputError(StorylineError):
    """Nothing usable is left: an empty article, one that is all clutter, an empty directory."""

    exit_code = 5


class MalformedDataError(StorylineError):
    """A JSON/JSONL file that does not follow the schema; the message names the line."""

    exit_code = 6


class ModelUnavailableError(StorylineError):
    """An optional model or extra is asked for but not installed."""

    exit_code = 7


class OutputError(StorylineError):
    """The output (a file given with ``-o``, or standard output) cannot be written."""

    exit_code = 8


class ListenError(StorylineError):
    """``serve`` cannot listen where it was asked: the port is in use, the address is not this machine's (or its
    name does not resolve here), or the port needs privileges."""

    exit_code = 9
