"""Running summaries off the event loop.

Summarizing is CPU-bound Python: on the event loop it would stall every request, and in threads it would
fight the readers for the GIL. It runs in a small pool of worker processes instead; the pool's queue
holds submissions beyond the workers, so a burst is queued, not lost, and pages keep being served.
Once ``queue_limit`` jobs are queued or running (running ones count: they hold memory too), a further
submission is turned away (503 with Retry-After), so memory stays bounded.

A job and the write of its result are one task shielded from the request: a client that hangs up after
submitting still gets its story stored.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import StorylineError
from . import jobs

log = logging.getLogger(__name__)


class BusyError(StorylineError):
    """The queue is full (or a worker died): try again in a few seconds."""

    http_status = 503

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def default_workers() -> int:
    """Leave a core for the server itself: summaries must not starve the readers."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def _start_worker(parent: int, every: float = 2.0) -> None:
    """In a worker: one BLAS thread (the workers already use the cores), and exit when the server that
    started it is gone. A server killed outright (SIGKILL, OOM) never shuts its pool down, and its idle
    workers would otherwise live on as orphans."""
    import threading
    import time

    from ..threads import single_blas_thread

    single_blas_thread()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="storyline-parent-watch", daemon=True).start()


class Summarizer:
    """A bounded queue in front of a pool of workers that run :func:`storyline.web.jobs.run`."""

    def __init__(self, *, workers: int, queue_limit: int, processes: bool = True) -> None:
        self.workers = workers
        self.queue_limit = queue_limit
        self.processes = processes
        self.pending = 0  # submitted and not yet finished (queued + running); event-loop only
        self._tasks: set[asyncio.Task[Any]] = set()
        self._pool = self._new_pool()

    def _new_pool(self) -> Executor:
        if not self.processes:
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="storyline-job")
        # spawn, not fork: the server has threads, and forking a threaded process can copy held locks.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )

    def warm(self) -> None:
        """Start the workers and import the pipeline in them now, not on the first submission."""
        for _ in range(self.workers):
            self._pool.submit(jobs.warm)

    def retry_after(self) -> int:
        """A rough wait in seconds: a second or so per queued job and worker."""
        return max(1, min(120, self.pending // max(1, self.workers) + 1))

    async def submit(
        self, inputs: list[dict[str, Any]], words: int, method: str, then: Callable[[dict[str, Any]], Awaitable[Any]],
        *, job: Callable[[list[dict[str, Any]], int, str], dict[str, Any]] | None = None,
    ) -> Any:
        """Run a job (``job``, a module-level function of ``jobs``, default ``jobs.run``), then
        ``then(result)`` (the store write); both complete even if the caller is cancelled."""
        if self.pending >= self.queue_limit:
            # a person reads this on the form's page, which has no Retry-After to show: the wait is in the words
            wait = self.retry_after()
            queued = "1 story is" if self.pending == 1 else f"{self.pending} stories are"
            raise BusyError(f"the server is busy: {queued} queued or running; try again in {wait} "
                            f"second{'' if wait == 1 else 's'}", wait)
        self.pending += 1
        task = asyncio.ensure_future(self._run(job or jobs.run, inputs, words, method, then))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return await asyncio.shield(task)

    async def _run(
        self, job: Callable[[list[dict[str, Any]], int, str], dict[str, Any]], inputs: list[dict[str, Any]],
        words: int, method: str, then: Callable[[dict[str, Any]], Awaitable[Any]],
    ) -> Any:
        try:
            loop = asyncio.get_running_loop()
            try:
                result = await loop.run_in_executor(self._pool, job, inputs, words, method)
            except BrokenProcessPool:
                # A worker died (out of memory, killed): replace the pool; this job is reported, not retried.
                log.error("a summarization worker died; restarting the pool")
                self._pool = self._new_pool()
                raise BusyError("a summarization worker stopped unexpectedly; try again", 5) from None
            return await then(result)
        finally:
            self.pending -= 1

    async def drain(self) -> None:
        """Wait for accepted jobs (on shutdown: what was accepted gets stored)."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
