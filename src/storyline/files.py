"""Writing output files safely: atomically (a temporary file in the same directory, flushed, then
renamed over the target) and never over one of the user's inputs."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OptionsError, StorylineError


class OutputError(StorylineError):
    exit_code = 8


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, protect: Iterable[Path] = ()) -> None:
    target = Path(path)
    for p in protect:
        with contextlib.suppress(OSError):
            if p.exists() and target.exists() and os.path.samefile(p, target):
                raise OptionsError(f"{target}: refusing to overwrite an input file; choose another -o path")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name for -o")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{target}: the directory {directory} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: could not write ({exc.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
