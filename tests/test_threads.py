"""The shells run with one BLAS thread."""

from __future__ import annotations

import pytest

from storyline.threads import single_blas_thread

threadpoolctl = pytest.importorskip("threadpoolctl")


def test_single_blas_thread_limits_every_blas_pool() -> None:
    import numpy as np

    np.ones((4, 4)) @ np.ones((4, 4))  # BLAS is loaded
    before = threadpoolctl.threadpool_info()
    try:
        single_blas_thread()
        pools = [p for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
        assert pools and all(p["num_threads"] == 1 for p in pools)
    finally:
        for p in before:  # give the test process its threads back
            if p["user_api"] == "blas":
                threadpoolctl.threadpool_limits(limits=p["num_threads"], user_api="blas")
