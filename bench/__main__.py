"""``python -m bench [--quick]``: speed, memory and scale, beside Haystack's default.

Prints Markdown tables and writes JSON (``--json``, default ``bench/out/results.json``):

- plan and corpus (plan + ``../shared/corpus-extra``): build time by stage, index size,
  load time, query latency p50/p95 per mode, ``ask`` and ``fit`` latency, peak RSS of
  a serving process, and retrieval quality beside Haystack's default pipeline;
- scale: synthetic 10k / 100k / 1M chunks (``--quick``: 10k), each in its own process
  (:mod:`bench.scale`), with the Haystack default pipeline timed on the same chunks
  where it is practical (up to 100k);
- embedding throughput of the default embedder and of a sentence-transformers model
  (a tiny one built locally: the mechanics, not a quality figure).

``python -m bench --store qdrant`` instead sets the Qdrant store beside the embedded one
(plan, corpus, and 100k synthetic chunks; ``--quick``: 10k), in Qdrant's local mode —
in-process, not a server (see :mod:`bench.qdrant`); JSON default ``bench/out/qdrant.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import time_calls
from kb import KnowledgeBase, Settings, build_index
from kb.baseline import HaystackBaseline
from kb.evaluate import evaluate, load_queries

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
QUERIES = SHARED / "eval" / "dev_queries.jsonl"
FIT = SHARED / "eval" / "dev_fit.jsonl"


def setting(paths: list[Path], queries: list[dict], repeat: int, tmp: Path, name: str) -> dict:
    """Build, load, query, ask, fit and measure one real corpus."""
    index = tmp / name
    config = Settings.load(env={}, index_dir=index)
    t = time.perf_counter()
    report = build_index(config, paths)
    out: dict = {
        "documents": len(report.documents),
        "chunks": report.chunk_count,
        "build_s": time.perf_counter() - t,
        "build_stages_s": report.timings,
        "index_mb": sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) / 1e6,
    }
    t = time.perf_counter()
    kb = KnowledgeBase.open(index)
    out["load_s"] = time.perf_counter() - t
    kb.warm_up()
    texts = [q["q"] for q in queries] * repeat
    for mode in ("bm25", "dense", "hybrid"):
        out[f"{mode}_latency"] = time_calls(lambda q, m=mode: kb.search(q, k=10, mode=m), texts)
    out["ask_latency"] = time_calls(kb.ask, [q["q"] for q in queries])
    fits = [
        json.loads(line)["text"] for line in FIT.read_text("utf-8").splitlines() if line.strip()
    ]
    out["fit_latency"] = time_calls(kb.fit, fits)
    for key, extra in (("serving", []), ("serving_with_torch", ["--allow-torch"])):
        served = subprocess.run(
            [sys.executable, "-m", "bench.serving", "--index", str(index), *extra],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        out[key] = json.loads(served.stdout.strip().splitlines()[-1])
    ours = evaluate(queries, lambda q, k: [h.text for h in kb.search(q, k)])
    base = HaystackBaseline(kb.chunks, kb.searcher().embedder, vectors=kb.dense.vectors)
    out["baseline_latency"] = {
        mode: time_calls(lambda q, m=mode: base.search(q, k=10, mode=m), texts)
        for mode in ("bm25", "hybrid")
    }
    theirs = evaluate(queries, lambda q, k: [d.content or "" for d in base.search(q, k, "hybrid")])
    pick = lambda r: {lang: round(v["mrr@10"], 3) for lang, v in r.items() if lang != "queries"}  # noqa: E731
    out["quality_mrr@10"] = {"policykb": pick(ours), "haystack_default_same_chunks": pick(theirs)}
    return out


def scale(n: int, repeat: int, baseline: bool) -> dict:
    cmd = [sys.executable, "-m", "bench.scale", "--n", str(n), "--repeat", str(repeat)]
    proc = subprocess.run(
        [*cmd, *(["--baseline"] if baseline else [])], capture_output=True, text=True, cwd=ROOT
    )
    if proc.returncode != 0:
        return {"n": n, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def throughput(tmp: Path) -> dict:
    from kb.embed import USEEmbedder

    texts = [c.content for c in KnowledgeBase.open(tmp / "plan").chunks] * 2
    out = {}
    t = time.perf_counter()
    USEEmbedder(batch_size=64).embed_documents(texts)
    out["use-multilingual"] = {"chunks_per_s": len(texts) / (time.perf_counter() - t), "batch": 64}
    try:
        from bench.tiny_model import tiny_static_model
        from kb.embed import SentenceTransformersEmbedder

        model = tiny_static_model(tmp / "tiny-model")
        emb = SentenceTransformersEmbedder(str(model))
        emb.embed_documents(texts[:8])
        t = time.perf_counter()
        emb.embed_documents(texts)
        out["sentence-transformers (tiny local StaticEmbedding)"] = {
            "chunks_per_s": len(texts) / (time.perf_counter() - t),
            "batch": 32,
        }
    except ImportError as exc:
        out["sentence-transformers"] = {"skipped": str(exc)}
    return out


def _lat(r: dict, key: str) -> str:
    return f"{r[key]['p50_ms']:.1f} / {r[key]['p95_ms']:.1f}"


def _recall(r: dict) -> str:
    recall = r.get("ann_recall@10")
    return "exact" if recall is None else f"{recall:.3f}"


def _scale_row(r: dict) -> str:
    if "error" in r:
        return f"| {r['n']:,} | error: {r['error']} |" + " |" * 9
    base = r.get("baseline", {}).get("hybrid_latency", {}).get("p50_ms")
    theirs = (
        f"{base:.1f} | {r['hybrid_latency']['p50_ms'] / base:.3f}" if base else "impractical | –"
    )
    builds = f"{r['bm25_build_s']:.1f} / {r['chars_build_s']:.1f} / {r['dense_build_s']:.1f}"
    return (
        f"| {r['n']:,} | {r['dense_index']} | {builds} | {r['disk_mb']:.0f} | {r['load_s']:.2f} | "
        f"{r['bm25_latency']['p50_ms']:.1f} | {_lat(r, 'hybrid_latency')} | "
        f"{_recall(r)} | "
        f"{r['serving_rss_mb']:.0f} / {r['build_peak_rss_mb']:.0f} | {theirs} |"
    )


def markdown(results: dict) -> str:
    """The results as Markdown tables (real settings, scale, embedding throughput)."""
    lines = [f"Run {results['date']} on {results['machine']}.", ""]
    lines += [
        "| setting | chunks | build s | index MB | load ms | bm25 p50/p95 ms | dense p50/p95 ms "
        "| hybrid p50/p95 ms | ask p50 ms | fit p50 ms | serving RSS MB (no torch / torch) |",
        "|" + "---|" * 11,
    ]
    for name in ("plan", "corpus"):
        r = results.get(name)
        if r:
            lines.append(
                f"| {name} | {r['chunks']} | {r['build_s']:.1f} | {r['index_mb']:.1f} | "
                f"{r['load_s'] * 1000:.0f} | {_lat(r, 'bm25_latency')} | "
                f"{_lat(r, 'dense_latency')} | {_lat(r, 'hybrid_latency')} | "
                f"{r['ask_latency']['p50_ms']:.0f} | "
                f"{r['fit_latency']['p50_ms']:.0f} | {r['serving']['rss_mb']:.0f} / "
                f"{r.get('serving_with_torch', {}).get('rss_mb', float('nan')):.0f} |"
            )
    lines += [
        "",
        "| scale | dense index | build s (bm25 / chars / dense) | disk MB | load s | "
        "bm25 p50 ms | hybrid p50/p95 ms | ANN recall@10 | RSS MB serving / build peak | "
        "Haystack hybrid "
        "p50 ms | ours ÷ theirs |",
        "|" + "---|" * 11,
    ]
    lines += [_scale_row(r) for r in results["scale"]]
    lines += ["", "| embedder | chunks/s | batch |", "|---|---|---|"]
    for name, r in results["embedding"].items():
        lines.append(f"| {name} | {r.get('chunks_per_s', 0):.0f} | {r.get('batch', '–')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small settings (CI, < 2 min)")
    parser.add_argument("--sizes", type=int, nargs="*", help="scale sizes (default 10k 100k 1M)")
    parser.add_argument("--json", type=Path, help="default bench/out/results.json (qdrant.json)")
    parser.add_argument(
        "--store",
        choices=("embedded", "qdrant"),
        default="embedded",
        help="qdrant: the Qdrant store (local mode) beside the embedded one",
    )
    args = parser.parse_args(argv)
    if not QUERIES.is_file():
        print(f"bench: the development queries are missing ({QUERIES})", file=sys.stderr)
        return 2
    repeat = 1 if args.quick else 5
    queries = load_queries(QUERIES)
    results: dict = {
        "date": time.strftime("%Y-%m-%d"),
        "quick": args.quick,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}",
    }
    out = (
        args.json
        or ROOT / "bench" / "out" / f"{'qdrant' if args.store == 'qdrant' else 'results'}.json"
    )
    if args.store == "qdrant":
        from bench import qdrant

        sizes = args.sizes or ([10_000] if args.quick else [100_000])
        with tempfile.TemporaryDirectory() as tmp:
            results = qdrant.run(queries, SHARED, sizes, repeat, Path(tmp), results)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
        print(qdrant.markdown(results))
        return 0
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000, 1_000_000])
    with tempfile.TemporaryDirectory() as tmp:
        results["plan"] = setting([ROOT / "corpus"], queries, repeat, Path(tmp), "plan")
        extra = SHARED / "corpus-extra"
        if extra.is_dir():
            results["corpus"] = setting(
                [ROOT / "corpus", extra], queries, repeat, Path(tmp), "corpus"
            )
        results["scale"] = [scale(n, 1 if args.quick else 2, baseline=n <= 100_000) for n in sizes]
        results["embedding"] = throughput(Path(tmp))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
