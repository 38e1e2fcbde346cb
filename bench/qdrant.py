"""``python -m bench --store qdrant``: the Qdrant store beside the embedded one, local mode.

For the plan and the corpus (plan + ``../shared/corpus-extra``) each store builds the
same documents (the Qdrant build reuses the embedded build's vectors, so build times
are compared without embedding), reopens, and answers the development queries in each
mode; the share of queries with the same top 10 is reported beside the timings. Then
synthetic scale settings (default 100k chunks) run in their own processes
(:mod:`bench.scale_qdrant`).

Every Qdrant figure here is **local mode**: Qdrant's Python implementation inside the
PolicyKB process, with brute-force search and one SQLite write per point. They say that
the Qdrant path is correct and what it costs on the client side; they are not a Qdrant
server's or a cluster's speed, which is not measured on these machines.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import time_calls
from kb import KnowledgeBase, Settings, build_index
from kb.qdrant import disconnect

ROOT = Path(__file__).resolve().parent.parent
MODES = ("bm25", "dense", "hybrid")
LOCAL_MODE = (
    "Qdrant figures are local mode (QdrantClient(path=…): in-process, brute-force search, "
    "one SQLite write per point), not a Qdrant server or cluster."
)


def _open_and_query(index: Path, queries: list[str]) -> tuple[dict, KnowledgeBase]:
    disconnect()  # a reader's first open: local mode loads its collections from disk
    t = time.perf_counter()
    kb = KnowledgeBase.open(index)
    out: dict = {"load_s": time.perf_counter() - t}
    kb.warm_up()
    for mode in MODES:
        out[f"{mode}_latency"] = time_calls(lambda q, m=mode: kb.search(q, k=10, mode=m), queries)
    return out, kb


def setting(paths: list[Path], queries: list[dict], repeat: int, tmp: Path, name: str) -> dict:
    """Build one real corpus into both stores; build, load and query times; agreement."""
    texts = [q["q"] for q in queries] * repeat
    out: dict = {}
    embedded, qdrant = tmp / f"{name}-embedded", tmp / f"{name}-qdrant"
    report = build_index(
        Settings.load(env={}, index_dir=embedded, corpus_dir=ROOT / "corpus"), paths
    )
    shutil.copytree(embedded, qdrant)  # its vectors are reused: builds compare without embedding
    config = Settings.load(env={}, index_dir=qdrant, corpus_dir=ROOT / "corpus", store="qdrant")
    reports = {"embedded": report, "qdrant": build_index(config, paths)}
    kbs = {}
    for store, index in (("embedded", embedded), ("qdrant", qdrant)):
        stages = reports[store].timings
        out[store], kbs[store] = _open_and_query(index, texts)
        out[store]["build_stages_s"] = stages
        out[store]["build_without_embedding_s"] = sum(stages.values()) - stages["embed"]
    out["chunks"] = report.chunk_count
    same = [
        [h.id for h in kbs["embedded"].search(q["q"], 10)]
        == [h.id for h in kbs["qdrant"].search(q["q"], 10)]
        for q in queries
    ]
    out["same_top10"] = sum(same) / len(same)
    disconnect()
    return out


def scale(n: int, queries: int) -> dict:
    cmd = [sys.executable, "-m", "bench.scale_qdrant", "--n", str(n), "--queries", str(queries)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        return {"n": n, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _p50(r: dict, mode: str) -> str:
    lat = r[f"{mode}_latency"]
    return f"{lat['p50_ms']:.1f} / {lat['p95_ms']:.1f}"


def markdown(results: dict) -> str:
    """The comparison as Markdown: real settings, then scale."""
    lines = [f"Run {results['date']} on {results['machine']}. {LOCAL_MODE}", ""]
    lines += [
        "| setting | chunks | store | build s (no embedding) | load s | bm25 p50/p95 ms "
        "| dense p50/p95 ms | hybrid p50/p95 ms | same top 10 |",
        "|" + "---|" * 9,
    ]
    for name in ("plan", "corpus"):
        r = results.get(name)
        for store in ("embedded", "qdrant") if r else ():
            s = r[store]
            lines.append(
                f"| {name} | {r['chunks']} | {store}{' (local)' if store == 'qdrant' else ''} "
                f"| {s['build_without_embedding_s']:.1f} | {s['load_s']:.2f} | {_p50(s, 'bm25')} "
                f"| {_p50(s, 'dense')} | {_p50(s, 'hybrid')} | {r['same_top10']:.0%} |"
            )
    lines += [
        "",
        "| scale | store | build s | disk MB | open s | bm25 p50 ms | dense p50 ms "
        "| hybrid p50/p95 ms | queries | same top 10 |",
        "|" + "---|" * 10,
    ]
    for r in results["scale"]:
        if "error" in r:
            lines.append(f"| {r['n']:,} | error: {r['error']} |" + " |" * 8)
            continue
        e, q = r["embedded"], r["qdrant"]
        lines.append(
            f"| {r['n']:,} | embedded | {e['build_s']:.1f} | – | – | "
            f"{e['bm25_latency']['p50_ms']:.1f} | {e['dense_latency']['p50_ms']:.1f} | "
            f"{_p50(e, 'hybrid')} | {r['queries']} | {r['same_top10']:.0%} |"
        )
        lines.append(
            f"| {r['n']:,} | qdrant (local) | {q['build_s']:.1f} | {q['disk_mb']:.0f} | "
            f"{q['open_s']:.1f} | {q['bm25_latency']['p50_ms']:.1f} | "
            f"{q['dense_latency']['p50_ms']:.1f} | {_p50(q, 'hybrid')} | {r['queries']} | |"
        )
    return "\n".join(lines)


def run(
    queries: list[dict], shared: Path, sizes: list[int], repeat: int, tmp: Path, meta: dict
) -> dict:
    """Every setting: plan, corpus (when ``shared`` has it), then the scale sizes."""
    results = {**meta, "store": "qdrant", "mode": "local", "note": LOCAL_MODE}
    results["plan"] = setting([ROOT / "corpus"], queries, repeat, tmp, "plan")
    extra = shared / "corpus-extra"
    if extra.is_dir():
        results["corpus"] = setting([ROOT / "corpus", extra], queries, repeat, tmp, "corpus")
    # local mode scores every point in Python: a subset of queries above 20k chunks
    results["scale"] = [scale(n, len(queries) if n <= 20_000 else 10) for n in sizes]
    return results
