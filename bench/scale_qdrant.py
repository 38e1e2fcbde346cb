"""One scale setting on both stores: N synthetic chunks, embedded beside Qdrant local mode.

``python -m bench.scale_qdrant --n 100000`` (run by ``python -m bench --store qdrant``)
builds the same synthetic chunks as :mod:`bench.scale` into the embedded indexes and into
a Qdrant collection in **local mode** (``QdrantClient(path=…)``: Qdrant's Python
implementation inside this process, brute-force search, points pickled into SQLite one
by one), then times reopening and the development queries on each, and how often they
agree. Local mode measures correctness and the client-side overhead of the Qdrant path,
not what a Qdrant server or cluster does: a server keeps inverted indexes and HNSW
graphs in Rust and answers over the network.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.scale import QUERIES, real_parts, synthesize
from bench.timing import time_calls
from kb import Settings
from kb.dense import DenseIndex
from kb.embed import QueryCache, USEEmbedder
from kb.qdrant import connect, disconnect
from kb.qdrant.builder import QdrantIndexBuilder
from kb.qdrant.filters import PayloadFilters
from kb.qdrant.indexes import CHARS, WORDS, QdrantDenseIndex, QdrantSparseIndex, SearchCollection
from kb.search import Searcher
from kb.sparse import SparseIndex
from kb.tokenize import Tokenizer

MODES = ("bm25", "dense", "hybrid")


def _latencies(searcher: Searcher, queries: list[str]) -> dict:
    searcher.search("预热", k=10)
    return {
        f"{mode}_latency": time_calls(lambda q, m=mode: searcher.search(q, k=10, mode=m), queries)
        for mode in MODES
    }


def run(n: int, queries_n: int, cache: Path) -> dict:
    chunks, words, chars, vectors, terms = real_parts(cache)
    rows = [json.loads(ln) for ln in QUERIES.read_text("utf-8").splitlines() if ln.strip()]
    queries = [r["q"] for r in rows][:queries_n]
    docs, w, c, vecs = synthesize(n, chunks, words, chars, vectors)
    tokenizer, embedder = Tokenizer(terms), QueryCache(USEEmbedder())
    out: dict = {"n": n, "queries": len(queries)}

    t = time.perf_counter()
    embedded = Searcher(
        docs,
        SparseIndex.build(w),
        SparseIndex.build(c),
        DenseIndex.build(vecs),
        tokenizer,
        embedder,
    )
    out["embedded"] = {"build_s": time.perf_counter() - t, **_latencies(embedded, queries)}

    with tempfile.TemporaryDirectory() as tmp:
        config = Settings.load(env={}, index_dir=Path(tmp), store="qdrant")
        builder = QdrantIndexBuilder(config)
        t = time.perf_counter()
        builder.sparse(w, c)
        out["qdrant"] = {"vocabulary_s": time.perf_counter() - t}
        t = time.perf_counter()
        builder.dense(docs, vecs)
        out["qdrant"]["upload_s"] = time.perf_counter() - t
        out["qdrant"]["build_s"] = out["qdrant"]["vocabulary_s"] + out["qdrant"]["upload_s"]
        out["qdrant"]["disk_mb"] = (
            sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 1e6
        )
        disconnect()  # reopen as a reader would: local mode loads every point into memory
        t = time.perf_counter()
        connection = connect(builder.settings)
        out["qdrant"]["open_s"] = time.perf_counter() - t
        assert builder.collection is not None and builder.vocabularies is not None
        collection = SearchCollection(
            connection,
            builder.collection,
            PayloadFilters(docs),
            n,
            exact=n <= config.index.ann_threshold,
        )
        words_vocab, chars_vocab = builder.vocabularies
        qdrant = Searcher(
            docs,
            QdrantSparseIndex(collection, WORDS, words_vocab),
            QdrantSparseIndex(collection, CHARS, chars_vocab),
            QdrantDenseIndex(collection, int(vecs.shape[1])),
            tokenizer,
            embedder,
        )
        out["qdrant"].update(_latencies(qdrant, queries))
        same = [
            [h.id for h in embedded.search(q, k=10)] == [h.id for h in qdrant.search(q, k=10)]
            for q in queries
        ]
        out["same_top10"] = sum(same) / len(same)
        disconnect()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_qdrant")
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--queries", type=int, default=38, help="first N development queries")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "policykb-bench"
    )
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(args.n, args.queries, args.cache)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
