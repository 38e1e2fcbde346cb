"""Hybrid search: a Haystack pipeline of small components.

::

    query ─ analyze ─┬─ tokens ─────────── sparse (BM25, pre-filtered) ─┐
                     └─ text ─ embed ─ vector ─ dense (FAISS, pre-filtered) ─ join (RRF) ─ hits

English queries are expanded with Chinese domain terms for the sparse side; the dense
side reads the query as written (the embedder is multilingual). Models and indexes are
built once by :class:`Searcher` and reused for every query.

Example::

    searcher = kb.searcher()
    [h.text for h in searcher.search("氢能", k=3, section="第四章")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from haystack import Document, Pipeline, component
from haystack.components.joiners import DocumentJoiner

from kb.dense import DenseIndex, DenseRetriever
from kb.embed import Embedder
from kb.errors import BadQuery
from kb.sparse import SparseIndex, SparseRetriever
from kb.tokenize import EnglishExpander, Tokenizer, clean_query, is_english

__all__ = ["MODES", "Hit", "SearchSettings", "Searcher"]

MODES = ("hybrid", "bm25", "dense")


@dataclass(frozen=True)
class SearchSettings:
    """Fusion and query settings (tuned on the development set; see README).

    :param sparse_weight: weight of the BM25 list in reciprocal-rank fusion.
    :param dense_weight: weight of the dense list.
    :param english_sparse_weight: BM25 weight for English queries (expanded terms only).
    :param candidates: how many hits each retriever passes to fusion (at least ``k``).
    :param max_query_chars: longer queries are refused with a clear error.
    """

    sparse_weight: float = 0.6
    dense_weight: float = 0.4
    english_sparse_weight: float = 0.4
    candidates: int = 50
    max_query_chars: int = 1000


@dataclass(frozen=True)
class Hit:
    """One search result: a chunk, its rank and fused score, and matched query terms."""

    rank: int
    id: str
    doc: str
    doc_title: str
    section: list[str]
    kind: str
    text: str
    score: float
    start: int
    end: int
    industry: str | None = None
    matched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of a result."""
        keys = ("rank", "id", "doc", "doc_title", "section", "kind", "text", "score")
        return {**{k: getattr(self, k) for k in keys}, "start": self.start, "end": self.end}


@component
class QueryAnalyzer:
    """Turns a query into BM25 tokens (with English expansion) and text to embed."""

    def __init__(self, tokenizer: Tokenizer, expander: EnglishExpander) -> None:
        self.tokenizer = tokenizer
        self.expander = expander

    @component.output_types(tokens=list[str], text=str)
    def run(self, query: str) -> dict[str, Any]:
        tokens = self.tokenizer.tokens(query)
        if is_english(query):
            for term in self.expander.expand(query):
                tokens += self.tokenizer.tokens(term)
        return {"tokens": tokens, "text": query}


@component
class QueryEmbedder:
    """Embeds the query text with the index's embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    @component.output_types(embedding=np.ndarray)
    def run(self, text: str) -> dict[str, Any]:
        return {"embedding": self.embedder.embed_query(text)}


class Searcher:
    """Runs queries against one loaded index.

    :param documents: the chunks, in index row order.
    :param tokenizer: the index's tokenizer (same dictionary as at ingest).
    :param embedder: the index's embedder.
    """

    def __init__(
        self,
        documents: list[Document],
        sparse: SparseIndex,
        dense: DenseIndex,
        tokenizer: Tokenizer,
        embedder: Embedder,
        settings: SearchSettings | None = None,
    ) -> None:
        self.documents = documents
        self.sparse = sparse
        self.dense = dense
        self.tokenizer = tokenizer
        self.embedder = embedder
        self.settings = settings or SearchSettings()
        self.expander = EnglishExpander()
        st = self.settings
        self._pipelines = {
            "hybrid": self._pipeline("hybrid", [st.sparse_weight, st.dense_weight]),
            "hybrid_en": self._pipeline("hybrid", [st.english_sparse_weight, st.dense_weight]),
            "bm25": self._pipeline("bm25"),
            "dense": self._pipeline("dense"),
        }
        self._analyzer = QueryAnalyzer(tokenizer, self.expander)

    def _pipeline(self, mode: str, weights: list[float] | None = None) -> Pipeline:
        """A pipeline for one mode; components hold no per-query state (thread-safe)."""
        p = Pipeline()
        p.add_component("analyze", QueryAnalyzer(self.tokenizer, self.expander))
        if mode in ("hybrid", "dense"):
            p.add_component("embed", QueryEmbedder(self.embedder))
            p.add_component("dense", DenseRetriever(self.dense, self.documents))
            p.connect("analyze.text", "embed.text")
            p.connect("embed.embedding", "dense.embedding")
        if mode in ("hybrid", "bm25"):
            p.add_component("sparse", SparseRetriever(self.sparse, self.documents))
            p.connect("analyze.tokens", "sparse.tokens")
        if mode == "hybrid":
            p.add_component(
                "join", DocumentJoiner(join_mode="reciprocal_rank_fusion", weights=weights)
            )
            p.connect("sparse.documents", "join.documents")
            p.connect("dense.documents", "join.documents")
        return p

    def query_tokens(self, query: str) -> list[str]:
        """The BM25 tokens of a query (for highlighting matched terms)."""
        return self._analyzer.run(query)["tokens"]

    def search(
        self, query: str, k: int = 10, mask: np.ndarray | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query`` among the rows allowed by ``mask``.

        :raises BadQuery: empty, too long, ``k`` < 1, or an unknown mode.
        :returns: hits best first; empty when the query has no searchable characters.
        """
        if mode not in MODES:
            raise BadQuery(f"mode {mode!r} is not one of {', '.join(MODES)}.")
        if k < 1:
            raise BadQuery(f"k={k} must be at least 1.")
        text = clean_query(query)
        if not text:
            raise BadQuery("the query is empty; type a few words or a question.")
        limit = self.settings.max_query_chars
        if len(text) > limit:
            raise BadQuery(
                f"the query is {len(text):,} characters; the limit is {limit:,} "
                "(POLICYKB_MAX_QUERY_CHARS). Shorten it, or use `policykb fit` for a "
                "project description."
            )
        if not re.search(r"\w", text):
            return []
        n = max(self.settings.candidates, k)
        data: dict[str, Any] = {"analyze": {"query": text}}
        if mode in ("hybrid", "bm25"):
            data["sparse"] = {"top_k": n if mode == "hybrid" else k, "mask": mask}
        if mode in ("hybrid", "dense"):
            data["dense"] = {"top_k": n if mode == "hybrid" else k, "mask": mask}
        pipeline = mode
        if mode == "hybrid":
            data["join"] = {"top_k": k}
            pipeline = "hybrid_en" if is_english(text) else "hybrid"
        out = self._pipelines[pipeline].run(data, include_outputs_from={"analyze"})
        docs = out[{"hybrid": "join", "bm25": "sparse", "dense": "dense"}[mode]]["documents"]
        tokens = out["analyze"]["tokens"]
        return [self._hit(rank, d, tokens) for rank, d in enumerate(docs[:k], start=1)]

    @staticmethod
    def _hit(rank: int, doc: Document, tokens: list[str]) -> Hit:
        m = doc.meta
        text = doc.content or ""
        matched = sorted({t for t in tokens if len(t) > 1 and t in text.lower()}, key=len)
        return Hit(
            rank=rank,
            id=doc.id,
            doc=m["doc"],
            doc_title=m["doc_title"],
            section=list(m["section"]),
            kind=m["kind"],
            text=text,
            score=float(doc.score or 0.0),
            start=int(m["start"]),
            end=int(m["end"]),
            industry=m.get("industry"),
            matched=matched[::-1],
        )
