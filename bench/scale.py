"""One scale setting: N synthetic chunks, built, queried and measured in this process.

Run by :mod:`bench` in a subprocess per setting (``python -m bench.scale --n 100000``),
so that the peak RSS it prints belongs to that setting alone. Synthetic chunks are real
clauses recombined: each joins one real chunk of the corpus (the plan and
``../shared/corpus-extra``) with the tail of another, under new document ids; its BM25
tokens are the two chunks' tokens (tokenised once, then reused), and its vector is the
two real USE vectors mixed with noise and normalised, so neighbourhoods look like real
data (purely random 512-d vectors have none, and ANN recall on them means nothing).
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from haystack import Document

from bench.timing import peak_rss_mb, time_calls
from kb import Settings
from kb.build import ingest_documents
from kb.chunk_store import write_chunks
from kb.dense import DenseIndex, dense_text
from kb.embed import USEEmbedder
from kb.sparse import SparseIndex, corpus_terms, index_chars, index_tokens
from kb.tokenize import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT.parent / "shared" / "corpus-extra"
QUERIES = ROOT.parent / "shared" / "eval" / "dev_queries.jsonl"


def real_parts(
    cache: Path,
) -> tuple[list[Document], list[list[str]], list[list[str]], np.ndarray, list[str]]:
    """Real chunks, their word and character tokens and USE vectors (cached on disk)."""
    config = Settings.load(env={})
    parsed = ingest_documents([ROOT / "corpus", *([EXTRA] if EXTRA.is_dir() else [])], config)
    chunks = [c for p in parsed for c in p.chunks]
    terms = sorted(corpus_terms(chunks))
    tokenizer = Tokenizer(terms)
    words = [index_tokens(c, tokenizer) for c in chunks]
    chars = [index_chars(c) for c in chunks]
    vec_file = cache / f"real-vectors-{len(chunks)}.npy"
    if vec_file.is_file():
        vectors = np.load(vec_file, allow_pickle=False)
    else:
        vectors = USEEmbedder().embed_documents([dense_text(c) for c in chunks])
        np.save(vec_file, vectors, allow_pickle=False)
    return chunks, words, chars, vectors, terms


class Synthetic:
    """N recombined chunks, made on demand: documents, word and char tokens, vectors.

    Chunk ``i`` joins real chunk ``a[i]`` with the second half of real chunk ``b[i]``;
    each stream is a generator, so a million chunks are never held as Python objects.
    """

    def __init__(self, n: int, chunks, words, chars, vectors, seed: int = 0) -> None:
        self.n, self.chunks, self.words, self.chars, self.vectors = n, chunks, words, chars, vectors
        self.rng = np.random.default_rng(seed)
        self.a, self.b = self.rng.integers(0, len(chunks), n), self.rng.integers(0, len(chunks), n)

    def _pairs(self):
        return zip(self.a.tolist(), self.b.tolist(), strict=True)

    def documents(self):
        for i, (x, y) in enumerate(self._pairs()):
            tail = self.chunks[y].content[len(self.chunks[y].content) // 2 :]
            meta = {**self.chunks[x].meta, "doc": f"synthetic-{i // 1000}", "id": f"s{i}"}
            yield Document(id=f"s{i}", content=self.chunks[x].content + tail, meta=meta)

    def word_tokens(self):
        w = self.words
        return (w[x] + w[y][len(w[y]) // 2 :] for x, y in self._pairs())

    def char_tokens(self):
        c = self.chars
        return (c[x] + c[y][len(c[y]) // 2 :] for x, y in self._pairs())

    def mixed_vectors(self, block: int = 65536) -> np.ndarray:
        """Real vectors mixed 0.7/0.3 with noise, normalised (filled block by block)."""
        out = np.empty((self.n, self.vectors.shape[1]), np.float32)
        for s in range(0, self.n, block):
            e = min(s + block, self.n)
            mixed = 0.7 * self.vectors[self.a[s:e]] + 0.3 * self.vectors[self.b[s:e]]
            mixed += 0.05 * self.rng.standard_normal(mixed.shape).astype(np.float32)
            mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
            out[s:e] = mixed
        return out


def _baseline(docs, vecs, embedder, queries: list[str]) -> dict:
    """Haystack's InMemory BM25 + embedding retrievers, RRF-joined, on the same chunks."""
    from kb.baseline import HaystackBaseline

    t = time.perf_counter()
    base = HaystackBaseline(docs, embedder, vectors=vecs)
    out: dict = {"build_s": time.perf_counter() - t}
    sample = queries[: max(5, min(len(queries), 200_000 // max(len(docs), 1)))]
    for mode in ("bm25", "hybrid"):
        out[f"{mode}_latency"] = time_calls(lambda q, m=mode: base.search(q, k=10, mode=m), sample)
    return out


def run(n: int, repeat: int, cache: Path, baseline: bool = False, keep: Path | None = None) -> dict:
    chunks, words, chars, vectors, terms = real_parts(cache)
    queries = [
        json.loads(line)["q"] for line in QUERIES.read_text("utf-8").splitlines() if line.strip()
    ]
    tmp = tempfile.TemporaryDirectory()
    folder = keep or Path(tmp.name)
    t = time.perf_counter()
    synth = Synthetic(n, chunks, words, chars, vectors)
    vecs = synth.mixed_vectors()
    out: dict = {"n": n, "synthesize_s": time.perf_counter() - t}
    t = time.perf_counter()
    SparseIndex.build(synth.word_tokens(), folder=folder / "bm25")
    out["bm25_build_s"] = time.perf_counter() - t
    t = time.perf_counter()
    SparseIndex.build(synth.char_tokens(), folder=folder / "chars")
    out["chars_build_s"] = time.perf_counter() - t
    t = time.perf_counter()
    dense = DenseIndex.build(vecs)
    out["dense_build_s"] = time.perf_counter() - t
    out["dense_index"] = dense.kind
    t = time.perf_counter()
    dense.save(folder / "dense")
    write_chunks(folder / "chunks", synth.documents())
    out["save_s"] = time.perf_counter() - t
    out["disk_mb"] = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    (folder / "setup.json").write_text(json.dumps({"terms": terms, "queries": queries}), "utf-8")
    out["build_peak_rss_mb"] = peak_rss_mb()
    embedder = USEEmbedder()
    if dense.kind != "flat":  # ANN recall against exact search on the same vectors
        exact = DenseIndex(vecs)
        qv = [embedder.embed_query(q) for q in queries]
        out["ann_recall@10"] = float(
            np.mean(
                [
                    len({r for r, _ in dense.top(v, 10)} & {r for r, _ in exact.top(v, 10)}) / 10
                    for v in qv
                ]
            )
        )
        del exact
    del dense
    gc.collect()
    # Serve from disk in a fresh process, as a server would (no leftovers of the build).
    served = subprocess.run(
        [sys.executable, "-m", "bench.scale_serve", str(folder), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    out.update(json.loads(served.stdout.strip().splitlines()[-1]))
    if baseline:
        out["baseline"] = _baseline(list(synth.documents()), vecs, embedder, queries)
    tmp.cleanup()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="also Haystack's default")
    parser.add_argument(
        "--keep", type=Path, help="build the index in this folder and keep it (for scale_serve)"
    )
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "policykb-bench"
    )
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(args.n, args.repeat, args.cache, args.baseline, args.keep)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
