"""BM25 over jieba tokens (bm25s), with headings as a weighted field.

A chunk is indexed as its content's tokens plus its nearest headings' tokens repeated
``heading_weight`` times, so an item under ``2．氢能源`` ranks for 氢能 even where its own
sentence does not say it. Saved with ``allow_pickle=False``.

Example::

    index = SparseIndex.build([["氢能", "制氢"], ["煤炭", "开采"]])
    index.top(["制氢"], k=1)     # [(0, 0.69…)]
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document, component

from kb.tokenize import Tokenizer

__all__ = ["SparseIndex", "SparseRetriever", "index_tokens"]


def index_tokens(doc: Document, tokenizer: Tokenizer, heading_weight: int = 2) -> list[str]:
    """The tokens a chunk is indexed under: content, then weighted headings."""
    section = doc.meta.get("section") or []
    tokens = tokenizer.tokens(doc.content or "")
    if section:
        tokens += tokenizer.tokens(section[-1]) * heading_weight
    if len(section) > 1:
        tokens += tokenizer.tokens(section[-2])
    if doc.meta.get("industry"):
        tokens += tokenizer.tokens(doc.meta["industry"])
    return tokens


class SparseIndex:
    """A bm25s index plus its vocabulary."""

    def __init__(self, bm25: Any) -> None:
        self.bm25 = bm25
        self.vocab: dict[str, int] = bm25.vocab_dict
        self.size = int(bm25.scores["num_docs"])

    @classmethod
    def build(cls, corpus_tokens: list[list[str]], k1: float = 1.2, b: float = 0.75) -> SparseIndex:
        """Index tokenised documents (rows follow chunk order)."""
        import bm25s

        bm25 = bm25s.BM25(k1=k1, b=b)
        bm25.index([t or [""] for t in corpus_tokens], show_progress=False)
        return cls(bm25)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, mmap: bool = False) -> SparseIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=mmap, allow_pickle=False))

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every document for the (deduplicated) query tokens."""
        ids = list(dict.fromkeys(self.vocab[t] for t in tokens if t in self.vocab))
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def top(
        self, tokens: list[str], k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` best rows with a positive score, among ``mask`` if given."""
        scores = self.scores(tokens)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if positive.size > k:
            positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        order = positive[np.argsort(-scores[positive], kind="stable")]
        return [(int(i), float(scores[i])) for i in order]


@component
class SparseRetriever:
    """Haystack component: BM25 top-k chunks for query tokens, pre-filtered by a mask."""

    def __init__(self, index: SparseIndex, documents: list[Document]) -> None:
        self.index = index
        self.documents = documents

    @component.output_types(documents=list[Document])
    def run(self, tokens: list[str], top_k: int = 10, mask: Any = None) -> dict[str, Any]:
        hits = self.index.top(tokens, top_k, mask)
        return {"documents": [replace(self.documents[i], score=s) for i, s in hits]}
