"""Speed and size of PolicyKB on the bundled plan: build, load, query latency, disk.

Run ``python -m bench.speed`` (add ``--json`` for machine-readable output). Prints a
Markdown table: index build time by stage, load time (excluding Python imports),
first-query time (model load), warm query p50/p95 per mode over the development
queries, and the index size on disk.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

from kb import Config, KnowledgeBase, build_index
from kb.evaluate import load_queries

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ROOT.parent / "shared" / "eval" / "dev_queries.jsonl"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(corpus: list[Path], queries: list[str], repeat: int) -> dict:
    """Build, load and query an index of ``corpus`` in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Config.load(env={}, index_dir=Path(tmp) / "index")
        t = time.perf_counter()
        report = build_index(config, corpus)
        build = time.perf_counter() - t
        t = time.perf_counter()
        kb = KnowledgeBase.open(config.index_dir)
        load = time.perf_counter() - t
        t = time.perf_counter()
        kb.search(queries[0], k=10)
        first = time.perf_counter() - t
        latency = {}
        for mode in ("bm25", "dense", "hybrid"):
            times = []
            for _ in range(repeat):
                for q in queries:
                    t = time.perf_counter()
                    kb.search(q, k=10, mode=mode)
                    times.append((time.perf_counter() - t) * 1000)
            latency[mode] = {
                "p50_ms": statistics.median(times),
                "p95_ms": _percentile(times, 0.95),
                "n": len(times),
            }
        return {
            "documents": len(report.documents),
            "chunks": report.chunk_count,
            "build_s": build,
            "build_stages_s": report.timings,
            "load_s": load,
            "first_query_s": first,
            "latency": latency,
            "index_bytes": _size(config.index_dir),
        }


def to_markdown(name: str, r: dict) -> str:
    stages = ", ".join(f"{k} {v:.2f}" for k, v in r["build_stages_s"].items())
    lines = [
        f"| {name} | value |",
        "|---|---|",
        f"| documents / chunks | {r['documents']} / {r['chunks']} |",
        f"| index build | {r['build_s']:.2f} s ({stages}) |",
        f"| load a built index | {r['load_s'] * 1000:.0f} ms |",
        f"| first query (loads tokenizer and model) | {r['first_query_s'] * 1000:.0f} ms |",
    ]
    for mode, s in r["latency"].items():
        lines.append(
            f"| warm query {mode}, k=10 | p50 {s['p50_ms']:.2f} ms, p95 {s['p95_ms']:.2f} ms "
            f"({s['n']} queries) |"
        )
    lines.append(f"| index on disk | {r['index_bytes'] / 1e6:.2f} MB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__)
    parser.add_argument("--corpus", nargs="*", type=Path, default=[ROOT / "corpus"])
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the queries")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.queries.is_file():
        print(f"bench.speed: no query file at {args.queries}; pass --queries", file=sys.stderr)
        return 2
    queries = [q["q"] for q in load_queries(args.queries)]
    result = measure(args.corpus, queries, args.repeat)
    print(json.dumps(result, indent=2) if args.json else to_markdown("plan", result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
