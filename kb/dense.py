"""Dense vectors in FAISS (inner product on normalised vectors = cosine).

Exact search up to ``ann_threshold`` vectors (50,000): one matrix-vector product in numpy
over the (memory-mapped) vectors and a partial sort — a FAISS ``IndexFlatIP`` would copy
the vectors and, for one query on two cores, spends more on OpenMP threads than on the
product (2.1 vs 0.6 ms at 10k; 6.8 ms inside a busy process). Above it an HNSW
graph (``IndexHNSWFlat``, inner product) up to ``ivf_threshold`` (250,000), and an
inverted-file index with 8-bit scalar quantization (``IndexIVFScalarQuantizer``, 4·√n
lists, 48 probed; a quarter of the memory) above that, where an HNSW graph takes too
long to build on a small machine; chosen automatically at build. A
filter is applied before ranking: a small filtered set is searched exactly, a large one
through FAISS's ID selector, so a filtered search returns k hits when k exist.
Vectors are stored as ``.npy`` (no pickle) and memory-mapped on load.

Example::

    index = DenseIndex.build(vectors)           # (n, d) float32, rows normalised
    index.top(query_vector, k=10)               # [(row, cosine), …]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document, component

from kb.shared_document import rescored

__all__ = ["ANN_THRESHOLD", "DenseIndex", "DenseRetriever", "dense_text"]

ANN_THRESHOLD = 50_000
IVF_THRESHOLD = 250_000
IVF_PROBES = 48
_EXACT_SUBSET = 20_000


def dense_text(doc: Document) -> str:
    """The text a chunk is embedded as: its nearest heading, then its content."""
    section = doc.meta.get("section") or []
    head = section[-1] if section else ""
    content = doc.content or ""
    return f"{head}：{content}" if head and not content.startswith(head) else content


def _best(sims: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` largest values, largest first (ties in row order)."""
    if k < len(sims):
        part = np.argpartition(-sims, k - 1)[:k]
        part.sort()  # row order, so the stable sort below breaks ties by row
        return part[np.argsort(-sims[part], kind="stable")]
    return np.argsort(-sims, kind="stable")


class DenseIndex:
    """Vectors plus the FAISS index over them.

    :param vectors: ``(n, d)`` float32, L2-normalised rows (may be a memory map).
    :param ann: an HNSW or IVF index, or ``None`` for exact search in numpy.
    """

    def __init__(self, vectors: np.ndarray, ann: Any = None, ef_search: int = 512) -> None:
        self.vectors = vectors
        self.ann = ann
        self.ef_search = ef_search
        self.index = ann  # None: exact search in numpy (see module doc)
        if ann is not None:
            if hasattr(ann, "hnsw"):
                ann.hnsw.efSearch = ef_search
            else:
                ann.nprobe = IVF_PROBES

    @classmethod
    def exact_view(cls, vectors: np.ndarray) -> DenseIndex:
        """Exact search over ``vectors`` as given, never copied: for a slice of a larger
        index (one document's rows of a memory-mapped matrix)."""
        return cls(vectors)

    @property
    def kind(self) -> str:
        if self.ann is None:
            return "flat"
        return "hnsw" if hasattr(self.ann, "hnsw") else "ivf"

    @classmethod
    def build(
        cls,
        vectors: np.ndarray,
        ann_threshold: int = ANN_THRESHOLD,
        ivf_threshold: int = IVF_THRESHOLD,
        m: int = 32,
        ef_construction: int = 80,
    ) -> DenseIndex:
        """Exact up to ``ann_threshold`` rows, HNSW up to ``ivf_threshold``, IVF above."""
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = vectors.shape
        if n <= ann_threshold:
            return cls(vectors)
        if n <= ivf_threshold:
            ann = faiss.IndexHNSWFlat(dim, m, faiss.METRIC_INNER_PRODUCT)
            ann.hnsw.efConstruction = ef_construction
            ann.add(vectors)
            return cls(vectors, ann)
        nlist = int(4 * np.sqrt(n))
        ann = faiss.IndexIVFScalarQuantizer(
            faiss.IndexFlatIP(dim),
            dim,
            nlist,
            faiss.ScalarQuantizer.QT_8bit,
            faiss.METRIC_INNER_PRODUCT,
        )
        sample = np.random.default_rng(0).choice(n, size=min(n, 64 * nlist), replace=False)
        ann.train(vectors[np.sort(sample)])
        ann.add(vectors)
        return cls(vectors, ann)

    def save(self, folder: Path) -> None:
        import faiss

        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "vectors.npy", np.asarray(self.vectors), allow_pickle=False)
        if self.ann is not None:
            faiss.write_index(self.ann, str(folder / f"{self.kind}.faiss"))

    @classmethod
    def load(cls, folder: Path) -> DenseIndex:
        vectors = np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)
        ann = next(
            (folder / f for f in ("hnsw.faiss", "ivf.faiss") if (folder / f).is_file()), None
        )
        if ann is None:  # exact search needs no FAISS (nor its import time)
            return cls(vectors)
        import faiss

        return cls(vectors, faiss.read_index(str(ann)))

    def top(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` rows most similar to ``query``, among ``mask`` if given."""
        n = len(self.vectors)
        if n == 0 or k <= 0:
            return []
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        if self.index is None:  # exact: numpy over the (masked) rows
            ids = np.arange(n) if mask is None else np.flatnonzero(mask)
            sims = np.asarray(self.vectors if mask is None else self.vectors[ids]) @ q[0]
            return [(int(ids[i]), float(sims[i])) for i in _best(sims, k)]
        if mask is None:
            scores, rows = self.index.search(q, min(k, n))
        else:
            ids = np.flatnonzero(mask)
            if ids.size == 0:
                return []
            if ids.size <= _EXACT_SUBSET:
                sims = np.asarray(self.vectors[ids]) @ q[0]
                return [(int(ids[i]), float(sims[i])) for i in _best(sims, k)]
            import faiss

            selector = faiss.IDSelectorBatch(ids.astype(np.int64))
            if self.kind == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(self.ef_search, k))
            elif self.kind == "ivf":
                params = faiss.SearchParametersIVF(sel=selector, nprobe=IVF_PROBES)
            else:
                params = faiss.SearchParameters(sel=selector)
            scores, rows = self.index.search(q, min(k, ids.size), params=params)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]


@component
class DenseRetriever:
    """Haystack component: FAISS top-k chunks for a query vector, pre-filtered by a mask."""

    def __init__(self, index: DenseIndex, documents: list[Document]) -> None:
        self.index = index
        self.documents = documents

    @component.output_types(documents=list[Document])
    def run(self, embedding: Any, top_k: int = 10, mask: Any = None) -> dict[str, Any]:
        hits = self.index.top(embedding, top_k, mask)
        return {"documents": [rescored(self.documents[i], s) for i, s in hits]}
