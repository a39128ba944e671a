"""Writing output files safely: checked before any work (``output_target``), then written atomically
(a temporary file in the target's directory, flushed to disk, then renamed over the target) and never
over one of the user's inputs.

A symbolic link is written through: the file it points to gets the new content and the link stays,
so ``-o latest.md`` where ``latest.md -> briefs/monday.md`` updates ``briefs/monday.md``.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OptionsError, OutputError

__all__ = ["STDOUT", "OutputError", "is_stdout", "output_target", "valid_text", "write_atomic"]

STDOUT = "-"  # as an output path: standard output
# Names of the standard streams as files: standard output is written as ``-`` is; standard error is refused
# (the output is the result, not a message), as is any other device, FIFO or socket.
_STDOUT_NAMES = (STDOUT, "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
_STDERR_NAMES = ("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2")


# A file name that is not UTF-8 comes into Python with its bytes as lone surrogates ("caf\udce9.txt"), and goes
# into the output with an article's origin: written as UTF-8 they fail, written back as the raw bytes they make
# the output (JSON above all) invalid UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """``text`` with every lone surrogate as U+FFFD, so that it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def is_stdout(path: str) -> bool:
    """Whether an output path means standard output: ``-``, or ``/dev/stdout`` and its other names."""
    return path in _STDOUT_NAMES


def _final(path: str | os.PathLike[str]) -> Path:
    """The file that writing ``path`` changes: symbolic links followed to their end (a dangling link's
    target is created)."""
    return Path(os.path.realpath(path))


DEVNULL = Path(os.devnull)


def output_target(
    path: str | None, *, inputs: Iterable[Path] = (), option: str = "-o"
) -> Path | None:
    """Check an output path before any work is done; ``None`` means standard output (no path, ``-`` or
    ``/dev/stdout``).

    ``/dev/null`` throws the output away (``DEVNULL``). Refused: an empty name, standard error, and a name
    that is an input file or lies inside an input directory (usage errors, exit 2: a later run over that
    directory would read the output as an article), a directory, another device, FIFO or socket, and a
    file whose directory does not exist or cannot be written (output errors, exit 8)."""
    if path is None or is_stdout(path):
        return None
    if not path.strip():
        raise OptionsError(f"{option} needs a file name (or - for standard output)")
    if path in _STDERR_NAMES:
        raise OptionsError(
            f"{option} {path}: the output goes to a file or to standard output (-), not to standard error"
        )
    target = _final(path)
    if target == DEVNULL:
        return DEVNULL  # output thrown away, as asked (written to directly: nothing is ever renamed over it)
    _refuse_inputs(path, target, inputs, option)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for {option}")
    if path.endswith(("/", os.sep)):  # "out/" means a directory: a file named "out" is not what was asked
        raise OutputError(f"{path}: names a directory (it ends in /), and there is none; give a file name for {option}")
    if target.exists() and not target.is_file():
        raise OutputError(
            f"{path}: not a regular file (a device, FIFO or socket); {option} writes a file (- for standard output)"
        )
    directory = target.parent
    if not directory.is_dir():
        given = Path(path).parent  # as the user wrote it, unless a link leads elsewhere
        shown = given if _final(given) == directory else directory
        if directory.exists():
            raise OutputError(f"{path}: {shown} is a file, not a directory")
        raise OutputError(f"{path}: the directory {shown} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write in {directory} (permission denied)")
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
        # The rename would replace it all the same (it needs only the directory): a read-only file is kept.
        # Its mode is read too: root may write any file, so access() says yes to one chmod 444 made read-only.
        raise OutputError(f"{path}: the file is read-only; give another name for {option}, or make it writable")
    return target


def _refuse_inputs(shown: str, target: Path, inputs: Iterable[Path], option: str) -> None:
    for p in inputs:
        real = _final(p)
        if real.is_dir():
            if target.is_relative_to(real) and target != real:
                raise OptionsError(
                    f"{shown}: inside the input directory {p}, where a later run would read it as an article; "
                    f"write {option} elsewhere"
                )
        elif real == target or _same_file(real, target):
            raise OptionsError(f"{shown}: refusing to overwrite an input file; choose another {option} path")


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and os.path.samefile(a, b)
    return False


def _umask() -> int:
    """The process's file mode creation mask: read from /proc where Linux shows it, else set and restored
    (which is not thread-safe, hence the first way)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii", errors="replace") as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, protect: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` atomically, through a symbolic link, never over a file in ``protect``."""
    shown = os.fspath(path)
    target = _final(path)
    if target == DEVNULL:
        return  # thrown away: a rename over the null device would replace it with a file
    for p in protect:
        if _same_file(p, target):
            raise OptionsError(f"{shown}: refusing to overwrite an input file; choose another -o path")
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory; give a file name for -o")
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{shown}: the directory {directory} does not exist")
    payload = valid_text(data).encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:  # as open() would have made it (mkstemp's file is 0600)
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{shown}: could not write ({exc.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
