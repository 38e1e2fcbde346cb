"""Haystack's default pipeline, as a user would first build it: the comparison baseline.

``InMemoryDocumentStore`` with ``InMemoryBM25Retriever`` (its default tokenizer splits
Chinese into single characters) over one document per non-empty line of each source,
and optionally ``InMemoryEmbeddingRetriever`` with the same embedder, fused with
``DocumentJoiner`` (reciprocal rank fusion). ``policykb eval --baseline`` and the
benchmarks measure it in the same run as PolicyKB.

Example::

    base = HaystackBaseline.from_sources(kb.sources)
    [d.content for d in base.search("氢能", k=3)]
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from haystack import Document, Pipeline
from haystack.components.joiners import DocumentJoiner
from haystack.components.retrievers.in_memory import (
    InMemoryBM25Retriever,
    InMemoryEmbeddingRetriever,
)
from haystack.document_stores.in_memory import InMemoryDocumentStore

from kb.embed import Embedder

__all__ = ["HaystackBaseline", "line_documents"]


def line_documents(sources: dict[str, str]) -> list[Document]:
    """One Haystack document per non-empty line of each source text."""
    return [
        Document(content=line.strip(), meta={"doc": doc, "line": n})
        for doc, text in sources.items()
        for n, line in enumerate(text.split("\n"))
        if line.strip()
    ]


class HaystackBaseline:
    """The default Haystack retrieval setup over given documents.

    :param documents: what to index (lines, or PolicyKB's own chunks for a fair
        like-for-like comparison).
    :param embedder: when given, documents are embedded and ``hybrid``/``dense`` work.
    :param vectors: the documents' vectors, when already computed (benchmarks).
    """

    def __init__(
        self,
        documents: list[Document],
        embedder: Embedder | None = None,
        vectors: np.ndarray | None = None,
    ) -> None:
        self.store = InMemoryDocumentStore()
        self.embedder = embedder
        docs = [Document(content=d.content, meta=dict(d.meta), id=d.id) for d in documents]
        if embedder is not None:
            if vectors is None:
                vectors = embedder.embed_documents([d.content or "" for d in docs])
            docs = [replace(d, embedding=v.tolist()) for d, v in zip(docs, vectors, strict=True)]
        self.store.write_documents(docs)
        self.bm25 = InMemoryBM25Retriever(self.store)
        self.dense = InMemoryEmbeddingRetriever(self.store) if embedder else None
        self.hybrid: Pipeline | None = None
        if embedder is not None:
            p = Pipeline()
            p.add_component("bm25", InMemoryBM25Retriever(self.store))
            p.add_component("dense", InMemoryEmbeddingRetriever(self.store))
            p.add_component("join", DocumentJoiner(join_mode="reciprocal_rank_fusion"))
            p.connect("bm25.documents", "join.documents")
            p.connect("dense.documents", "join.documents")
            self.hybrid = p

    @classmethod
    def from_sources(
        cls, sources: dict[str, str], embedder: Embedder | None = None
    ) -> HaystackBaseline:
        """The baseline over one document per line of each source."""
        return cls(line_documents(sources), embedder)

    def search(self, query: str, k: int = 10, mode: str = "bm25") -> list[Document]:
        """Top ``k`` documents by ``bm25``, ``dense`` or ``hybrid``.

        :raises ValueError: ``dense``/``hybrid`` without an embedder, or another mode.
        """
        if mode == "bm25":
            return self.bm25.run(query=query, top_k=k)["documents"]
        if self.embedder is None or self.dense is None or self.hybrid is None:
            raise ValueError(f"mode {mode!r} needs an embedder; give one to HaystackBaseline.")
        vector = self.embedder.embed_query(query).tolist()
        if mode == "dense":
            return self.dense.run(query_embedding=vector, top_k=k)["documents"]
        if mode == "hybrid":
            out = self.hybrid.run(
                {
                    "bm25": {"query": query, "top_k": k},
                    "dense": {"query_embedding": vector, "top_k": k},
                    "join": {"top_k": k},
                }
            )
            return out["join"]["documents"]
        raise ValueError(f"mode {mode!r} is not one of bm25, dense, hybrid.")
