"""Serve a saved synthetic index in a fresh process and report its memory and latency.

``python -m bench.scale_serve FOLDER`` opens ``chunks/`` (a memory-mapped
:class:`~kb.chunk_store.ChunkStore`), ``bm25/``, ``chars/`` and ``dense/`` from FOLDER
(written by :mod:`bench.scale`), runs the development queries and prints JSON: load
time, latency per mode, and the process's RSS (what a server holding this index needs,
without the build's leftovers).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.timing import current_rss_mb, time_calls
from kb.chunk_store import ChunkStore
from kb.dense import DenseIndex
from kb.embed import USEEmbedder
from kb.search import Searcher
from kb.sparse import SparseIndex
from kb.tokenize import Tokenizer


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    folder, repeat = Path(args[0]), int(args[1]) if len(args) > 1 else 2
    setup = json.loads((folder / "setup.json").read_text("utf-8"))
    t = time.perf_counter()
    docs = ChunkStore(folder / "chunks", keep=True)  # as the index opens it: a row built once
    sparse = SparseIndex.load(folder / "bm25", mmap=True)
    chars = SparseIndex.load(folder / "chars", mmap=True)
    dense = DenseIndex.load(folder / "dense")
    out: dict = {"load_s": time.perf_counter() - t}
    searcher = Searcher(docs, sparse, chars, dense, Tokenizer(setup["terms"]), USEEmbedder())
    searcher.search("预热", k=10)
    queries = setup["queries"] * repeat
    for mode in ("bm25", "dense", "hybrid"):
        out[f"{mode}_latency"] = time_calls(
            lambda q, m=mode: searcher.search(q, k=10, mode=m), queries
        )
    out["serving_rss_mb"] = current_rss_mb()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
