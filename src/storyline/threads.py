"""One BLAS thread per process for the shells (CLI, web workers, evaluation).

storyline's matrices have a few hundred rows. A multithreaded BLAS gains nothing on them, but after each
product its idle worker threads spin for a while: on a 2-core machine that burns the other core, makes
web workers fight each other, and counts in the CPU time (``time.process_time``) that the benchmarks
report, for whichever method runs next. The library itself leaves a caller's process alone; the shells
call :func:`single_blas_thread` when they start.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def single_blas_thread() -> None:
    """Limit the BLAS libraries loaded in this process (OpenBLAS, MKL, BLIS) to one thread from now on."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # a broken install: slower CPU accounting, the same results
        log.debug("threadpoolctl is not installed; BLAS keeps its threads")
        return
    import numpy  # noqa: F401  (load numpy's BLAS first, so that there is a pool to limit)

    threadpool_limits(limits=1, user_api="blas")
