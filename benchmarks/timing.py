"""Timing for the benchmarks that measure one stage on one core."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` runs of `work`, in milliseconds of this process's CPU time.

    CPU time, not wall time: the work runs on one core, and machines shared with other work
    would otherwise make the ratios swing from run to run.
    """
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000)
    return min(times)
