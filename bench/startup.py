"""``python -m bench.startup [--index-dir DIR] [--runs 5]``: speed from the first keystroke.

- **cold**: wall time of a whole ``policykb search 氢能 --json`` process (interpreter
  start, imports, index load, model load, search, output), median of ``--runs``
  subprocess runs after one untimed run (which fills the OS page cache, the model
  cache of :mod:`kb.cache` and Python's bytecode cache, as any second run finds them);
- **warm**: hybrid search latency in one process after ``warm_up``, p50/p95 over the
  distinct queries of the evaluation sets (:func:`bench.snapshot.queries`, up to 200):
  ``new`` embeds each query (first time asked), ``repeated`` asks them again (query
  vectors cached, as for a user paging through results).

Without ``--index-dir`` the plan (``corpus/``) is indexed into a temporary folder first.
Prints a Markdown table and a last line of JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import percentiles

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["cli_command", "cold_search", "main", "warm_latency"]


def cli_command() -> list[str]:
    """How to run the ``policykb`` command with this interpreter.

    :returns: ``[python, -m, cli]``.
    """
    return [sys.executable, "-m", "cli"]


def cold_search(index_dir: Path, runs: int = 5, query: str = "氢能") -> dict:
    """Wall time of whole ``policykb search`` processes.

    :param index_dir: the index to search.
    :param runs: timed runs (after one untimed run).
    :param query: the query.
    :returns: ``median_s``, ``min_s``, ``max_s`` and every run's ``runs_s``.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPATH", str(ROOT))
    command = [*cli_command(), "search", query, "--index-dir", str(index_dir), "--json"]
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
        if i:
            times.append(time.perf_counter() - t)
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "runs_s": times,
    }


def warm_latency(index_dir: Path, limit: int = 200) -> dict:
    """Hybrid latency in a warmed-up process, for new and for repeated queries.

    :param index_dir: the index to search.
    :param limit: how many distinct queries.
    :returns: ``{"new": {p50_ms, p95_ms}, "repeated": {...}, "n": queries}``.
    """
    from bench.snapshot import queries
    from kb import KnowledgeBase

    kb = KnowledgeBase.open(index_dir)
    kb.warm_up()
    texts = queries()[:limit]
    out: dict = {"n": len(texts)}
    for name in ("new", "repeated"):
        times = []
        for q in texts:
            t = time.perf_counter()
            kb.search(q, k=10)
            times.append((time.perf_counter() - t) * 1000)
        out[name] = percentiles(times)
    return out


def markdown(result: dict) -> str:
    """The figures as a Markdown table.

    :param result: from :func:`cold_search` and :func:`warm_latency` (``cold``, ``warm``).
    :returns: the table.
    """
    cold, warm = result["cold"], result["warm"]
    runs = ", ".join(f"{t:.2f}" for t in cold["runs_s"])
    return "\n".join(
        [
            "| figure | value |",
            "|---|---|",
            f"| cold `policykb search` wall, median of {len(cold['runs_s'])} | "
            f"{cold['median_s']:.2f} s ({runs}) |",
            f"| warm hybrid, new queries p50 / p95 (n={warm['n']}) | "
            f"{warm['new']['p50_ms']:.2f} / {warm['new']['p95_ms']:.2f} ms |",
            f"| warm hybrid, repeated queries p50 / p95 | "
            f"{warm['repeated']['p50_ms']:.2f} / {warm['repeated']['p95_ms']:.2f} ms |",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Measure and print.

    :returns: 0.
    """
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--index-dir", type=Path, help="default: index corpus/ into a temp dir")
    parser.add_argument("--runs", type=int, default=5, help="timed cold runs (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index_dir
        if index is None:
            from kb import Settings, build_index

            index = Path(tmp) / "plan"
            build_index(Settings.load(env={}, index_dir=index), [ROOT / "corpus"])
        result = {"cold": cold_search(index, args.runs), "warm": warm_latency(index)}
    print(markdown(result))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
