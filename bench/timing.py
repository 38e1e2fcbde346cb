"""Timing and memory helpers shared by the benchmark scripts."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["current_rss_mb", "peak_rss_mb", "percentiles", "time_calls"]


def percentiles(values_ms: list[float]) -> dict:
    """p50 and p95 of millisecond timings."""
    ordered = sorted(values_ms)
    return {"p50_ms": statistics.median(ordered), "p95_ms": ordered[int(0.95 * (len(ordered) - 1))]}


def time_calls(fn: Callable[[object], object], items: Iterable) -> dict:
    """Call ``fn`` on each item; p50/p95 in ms and the count."""
    times = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t) * 1000)
    return {**percentiles(times), "n": len(times)}


def _status_mb(field: str) -> float | None:
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    return next((int(ln.split()[1]) / 1024 for ln in lines if ln.startswith(f"{field}:")), None)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (VmHWM).

    Not ``getrusage``'s ``ru_maxrss``: Linux carries that over from the parent across
    fork and exec, so a small child started by a large benchmark process would report
    the parent's peak.
    """
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now (VmRSS)."""
    now = _status_mb("VmRSS")
    return now if now is not None else float("nan")
