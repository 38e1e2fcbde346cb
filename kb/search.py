"""Hybrid search: a Haystack pipeline of small components.

::

    query ─ analyze ─┬─ words, expansion ─ sparse (jieba BM25) ───────┐
                     ├─ char n-grams ───── chars  (character BM25) ────┼─ fuse ─ evidence ─ hits
                     └─ text ─ embed ─ vector ─ dense (FAISS) ─────────┘

Every retriever applies the filter mask before ranking. English queries are expanded
with Chinese domain terms, Chinese queries in everyday words with the plan's official
terms (sparse side only); the dense side reads the query as written (the embedder is
multilingual). The character field matches a user's own wording where jieba's
segmentation differs. Fusion is a Haystack ``DocumentJoiner``: ``merge`` (default), a
weighted sum of BM25 scores scaled to the best hit and cosine similarities, or
``rrf`` (reciprocal-rank fusion). Then document evidence: a chunk's score grows with
how strongly its whole document matches the query (the sum of that document's best
fused scores), so with many documents indexed a passage from the document that is
about the question outranks a stray mention elsewhere; and a prior by kind of chunk (list
items a little up, bare table rows down; see :mod:`kb.rerank`). Indexes and models are built once by
:class:`Searcher`; components keep no per-query state, so one searcher serves many
threads.

Example::

    searcher = kb.searcher()
    [h.text for h in searcher.search("氢能", k=3)]
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
from kb.errors import BadQuery, InputTooLong
from kb.pipeline_run import OrderedRun
from kb.query import QueryAnalyzer, QueryEmbedder
from kb.rerank import DocumentEvidence, KindPrior
from kb.senses import Senses, SenseVectors
from kb.settings import SearchSettings
from kb.siblings import JoinSiblings
from kb.sparse import MaxNormalizer, SparseIndex, SparseRetriever
from kb.tokenize import QueryExpander, Tokenizer, clean_query, is_english

__all__ = ["FUSIONS", "MODES", "Hit", "SearchSettings", "Searcher"]

MODES = ("hybrid", "bm25", "dense")
FUSIONS = {"merge": "merge", "rrf": "reciprocal_rank_fusion"}


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

    @classmethod
    def from_chunk(
        cls, chunk: Document, rank: int = 1, score: float = 1.0, matched: list[str] | None = None
    ) -> Hit:
        """The hit for one chunk (its meta carries doc, section, kind and offsets)."""
        m = chunk.meta
        return cls(
            rank=rank,
            id=chunk.id,
            doc=m["doc"],
            doc_title=m["doc_title"],
            section=list(m["section"]),
            kind=m["kind"],
            text=chunk.content or "",
            score=score,
            start=int(m["start"]),
            end=int(m["end"]),
            industry=m.get("industry"),
            matched=matched or [],
        )

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of a result."""
        keys = ("rank", "id", "doc", "doc_title", "section", "kind", "text", "score")
        return {**{k: getattr(self, k) for k in keys}, "start": self.start, "end": self.end}


@component
class Fuse:
    """Joins the word, character and dense lists with a ``DocumentJoiner``, in that order.

    A joiner's variadic input does not keep connection order, so its weights could land
    on the wrong list; named inputs make ``weights=[words, chars, dense]`` explicit. In
    ``merge`` mode BM25 scores are first scaled to the best hit (0–1), like cosine.
    """

    def __init__(self, join_mode: str, weights: list[float]) -> None:
        self.joiner = DocumentJoiner(join_mode=join_mode, weights=weights)

    @component.output_types(documents=list[Document])
    def run(
        self, sparse: list[Document], chars: list[Document], dense: list[Document], top_k: int = 10
    ) -> dict[str, Any]:
        if self.joiner.join_mode.value == "merge":
            sparse = MaxNormalizer().run(sparse)["documents"]
            chars = MaxNormalizer().run(chars)["documents"]
        return self.joiner.run(documents=[sparse, chars, dense], top_k=top_k)


class Searcher:
    """Runs queries against one loaded index.

    :param documents: the chunks, in index row order.
    :param sparse: word BM25 index; ``chars``: character BM25 index; ``dense``: vectors.
    :param tokenizer: the index's tokenizer (same dictionary as at ingest).
    :param embedder: the index's embedder.
    :param expander: the query expander to share (read-only; one document's searcher
        uses the whole index's); a new one when omitted.
    :param sense_vectors: the dictionary senses' embeddings to share (likewise).
    :param title: the title of the one document searched, whose words the query's
        analysis drops (see :mod:`kb.query`); empty: several documents.
    :raises BadQuery: an unknown fusion setting.
    """

    def __init__(
        self,
        documents: list[Document],
        sparse: SparseIndex,
        chars: SparseIndex,
        dense: DenseIndex,
        tokenizer: Tokenizer,
        embedder: Embedder,
        settings: SearchSettings | None = None,
        expander: QueryExpander | None = None,
        sense_vectors: SenseVectors | None = None,
        title: str = "",
    ) -> None:
        self.documents = documents
        self.title = title
        self.sparse, self.chars, self.dense = sparse, chars, dense
        self.tokenizer = tokenizer
        self.embedder = embedder
        self.settings = st = settings or SearchSettings()
        if st.fusion not in FUSIONS:
            raise BadQuery(
                f"fusion {st.fusion!r} is not one of {', '.join(FUSIONS)} (POLICYKB_FUSION)."
            )
        self.expander = expander or QueryExpander()
        self.sense_vectors = sense_vectors or SenseVectors(embedder)
        #: dictionary senses of the English words the glossary lacks (``None``: off)
        self.senses = (
            Senses(
                self.sense_vectors,
                tokenizer.tokens,
                sparse.document_frequencies,
                len(documents),
                st.english_senses,
            )
            if st.english_senses > 0
            else None
        )
        english = [st.english_sparse_weight, 0.0, 1.0 - st.english_sparse_weight]
        pipelines = {
            "hybrid": self._pipeline("hybrid", [st.sparse_weight, st.char_weight, st.dense_weight]),
            "hybrid_en": self._pipeline("hybrid", english),
            "bm25": self._pipeline("bm25"),
            "dense": self._pipeline("dense"),
        }
        self._runs = {name: OrderedRun(p) for name, p in pipelines.items()}  # .pipeline: each
        self._analyzer = self._analyze()

    def _analyze(self) -> QueryAnalyzer:
        return QueryAnalyzer(
            self.tokenizer, self.expander, self.settings.synonym_weight, self.senses, self.title
        )

    def _pipeline(self, mode: str, weights: list[float] | None = None) -> Pipeline:
        p = Pipeline()
        p.add_component("analyze", self._analyze())
        if mode in ("hybrid", "dense"):
            p.add_component("embed", QueryEmbedder(self.embedder))
            p.add_component("dense", DenseRetriever(self.dense, self.documents))
            p.connect("analyze.text", "embed.text")
            p.connect("embed.embedding", "dense.embedding")
        if mode in ("hybrid", "bm25"):
            p.add_component(
                "sparse",
                SparseRetriever(self.sparse, self.documents, self.settings.translation_others),
            )
            for name in ("tokens", "expansion", "expansion_weight", "groups"):
                p.connect(f"analyze.{name}", f"sparse.{name}")
        if mode == "hybrid":
            p.add_component("chars", SparseRetriever(self.chars, self.documents))
            p.connect("analyze.chars", "chars.tokens")
            p.add_component("fuse", Fuse(FUSIONS[self.settings.fusion], weights or [1, 1, 1]))
            for name in ("sparse", "chars", "dense"):
                p.connect(f"{name}.documents", f"fuse.{name}")
            p.add_component("evidence", DocumentEvidence(self.settings.doc_evidence))
            p.connect("fuse.documents", "evidence.documents")
            st = self.settings
            prior = KindPrior(
                item=st.item_prior, table_row=st.table_row_prior, title=st.title_prior
            )
            p.add_component("prior", prior)
            p.connect("evidence.documents", "prior.documents")
            p.add_component("siblings", JoinSiblings(st.sibling_chars))
            p.connect("prior.documents", "siblings.documents")
        return p

    def query_tokens(self, query: str) -> list[str]:
        """The word tokens of a query and its expansion (for highlighting)."""
        out = self._analyzer.run(query)
        return out["tokens"] + out["expansion"]

    def checked(self, query: str) -> str:
        """The query as searched (:func:`clean_query`), checked before any work on it.

        :raises BadQuery: empty; :class:`InputTooLong` (a ``BadQuery``): longer than
            ``max_query_chars`` (the message says the limit and how to raise it).
        """
        text = clean_query(query)
        if not text:
            raise BadQuery("the query is empty; type a few words or a question.")
        limit = self.settings.max_query_chars
        if len(text) > limit:
            raise InputTooLong(
                f"the query is {len(text):,} characters; the limit is {limit:,} "
                "(POLICYKB_MAX_QUERY_CHARS). Shorten it, or use `policykb fit` for a "
                "project description.",
                len(text),
                limit,
            )
        return text

    def search(
        self,
        query: str,
        k: int = 10,
        mask: np.ndarray | None = None,
        mode: str = "hybrid",
        join: bool = True,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query`` among the rows allowed by ``mask``.

        :param join: a hit brings the touching pieces of its paragraph that are also
            candidates (:mod:`kb.siblings`); ``False``: one chunk per hit (hybrid mode).

        :raises BadQuery: empty, too long, ``k`` < 1, or an unknown mode.
        :returns: hits best first; empty when the query has no searchable characters.
        """
        if mode not in MODES:
            raise BadQuery(f"mode {mode!r} is not one of {', '.join(MODES)}.")
        if k < 1:
            raise BadQuery(f"k={k} must be at least 1.")
        text = self.checked(query)
        if not re.search(r"\w", text):
            return []
        n = max(self.settings.candidates, k) if mode == "hybrid" else k
        data: dict[str, Any] = {"analyze": {"query": text}}
        for name in {"hybrid": ("sparse", "chars", "dense"), "bm25": ("sparse",)}.get(
            mode, ("dense",)
        ):
            data[name] = {"top_k": n, "mask": mask}
        pipeline, last = mode, {"bm25": "sparse", "dense": "dense"}.get(mode, "siblings")
        if mode == "hybrid":
            data["fuse"] = {"top_k": n}
            data["evidence"] = {"top_k": n}
            data["prior"] = {"top_k": n}
            data["siblings"] = {"top_k": k, "join": join}
            pipeline = "hybrid_en" if is_english(text) else "hybrid"
        out = self._runs[pipeline].run(data, include_outputs_from={"analyze"})
        tokens = out["analyze"]["tokens"] + out["analyze"]["expansion"]
        return [self._hit(rank, d, tokens) for rank, d in enumerate(out[last]["documents"][:k], 1)]

    @staticmethod
    def _hit(rank: int, doc: Document, tokens: list[str]) -> Hit:
        text = (doc.content or "").lower()
        matched = sorted({t for t in tokens if len(t) > 1 and t in text}, key=len)
        return Hit.from_chunk(doc, rank, float(doc.score or 0.0), matched[::-1])
