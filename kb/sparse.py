"""BM25 over jieba tokens (bm25s), with headings as a weighted field.

A chunk is indexed as its content's tokens plus its nearest headings' tokens repeated
``heading_weight`` times, so an item under ``2．氢能源`` ranks for 氢能 even where its own
sentence does not say it. Saved with ``allow_pickle=False``.

Example::

    index = SparseIndex.build([["氢能", "制氢"], ["煤炭", "开采"]])
    index.top(["制氢"], k=1)     # [(0, 0.69…)]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document, component

from kb.shared_document import rescored
from kb.sparse_build import build_bm25
from kb.stored_bm25 import StoredBM25
from kb.tokenize import Tokenizer, char_ngrams, harvest_terms

__all__ = [
    "MaxNormalizer",
    "SparseIndex",
    "SparseRetriever",
    "corpus_terms",
    "index_chars",
    "index_tokens",
]


def _own_heading(doc: Document) -> bool:
    """Is the last heading the chunk's own title (an item's, row's or term's)?

    True for every piece of a split item, not only the first one, which begins with it.
    """
    section = doc.meta.get("section") or []
    if not section:
        return False
    title = doc.meta.get("title")
    return (doc.content or "").startswith(section[-1]) or bool(title and title in section[-1])


def index_tokens(doc: Document, tokenizer: Tokenizer, heading_weight: int = 2) -> list[str]:
    """The tokens a chunk is indexed under: content, then weighted headings.

    The nearest heading above the chunk's own counts ``heading_weight`` times, the one
    above that once. A chunk's own title (an item's ``2．氢能源``) counts once, as part of
    its text: the first piece of a split item begins with it, and the later pieces get
    it once too, so no piece of an item outweighs another on the title alone.
    """
    section = list(doc.meta.get("section") or [])
    content = doc.content or ""
    tokens = tokenizer.tokens(content)
    if _own_heading(doc):
        if not content.startswith(section[-1]):
            tokens += tokenizer.tokens(section[-1])
        section = section[:-1]
    if section:
        tokens += tokenizer.tokens(section[-1]) * heading_weight
    if len(section) > 1:
        tokens += tokenizer.tokens(section[-2])
    return tokens


def index_chars(doc: Document) -> list[str]:
    """Character n-grams a chunk is indexed under: its text and its nearest headings."""
    section = [
        h for h in (doc.meta.get("section") or [])[-2:] if not (doc.content or "").startswith(h)
    ]
    return char_ngrams(" ".join([doc.content or "", *section]))


class SparseIndex:
    """A BM25 index (built here, or saved by bm25s) plus its vocabulary."""

    def __init__(self, bm25: Any) -> None:
        self.bm25 = bm25
        self.vocab: dict[str, int] = bm25.vocab_dict
        self.size = int(bm25.scores["num_docs"])

    @classmethod
    def build(
        cls,
        corpus_tokens: Iterable[list[str]],
        k1: float = 1.2,
        b: float = 0.75,
        folder: Path | None = None,
    ) -> SparseIndex:
        """Index tokenised documents (rows follow chunk order), streaming them in blocks.

        Scores are bm25s's (see :mod:`kb.sparse_build`); a document without tokens is
        indexed as the one empty token.

        :param corpus_tokens: each chunk's tokens, read once (a generator is best).
        :param folder: write the index there as it is built (as :meth:`save` would).
        :returns: the index.
        """
        arrays = build_bm25((t or [""] for t in corpus_tokens), folder, k1, b)
        if folder is not None:
            arrays.save(folder)
        return cls(arrays)

    def document_frequencies(self) -> dict[str, int]:
        """Chunks holding each token (what :class:`~kb.coverage.Coverage` weighs)."""
        scores = self.bm25.scores  # CSC by token; bm25s keeps no trailing indptr entry
        counts = np.diff(np.append(np.asarray(scores["indptr"]), len(scores["data"])))
        return {token: int(counts[i]) for token, i in self.vocab.items()}

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, mmap: bool = False) -> SparseIndex:
        """Load a saved index: read as arrays when bm25s would score it with numpy.

        :param folder: where :meth:`save` wrote it.
        :param mmap: memory-map the score arrays.
        :returns: the index.
        """
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if StoredBM25.readable(params):
            return cls(StoredBM25(folder, params, mmap))
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=mmap, allow_pickle=False))

    def _scores(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def scores(
        self, tokens: list[str], expansion: list[str] = (), expansion_weight: float = 0.5
    ) -> np.ndarray:
        """BM25 score of every document: query tokens, plus expansion tokens weighted.

        Each distinct token counts once; an expansion token already in the query is not
        counted again.
        """
        ids = list(dict.fromkeys(self.vocab[t] for t in tokens if t in self.vocab))
        extra = [i for i in dict.fromkeys(self.vocab[t] for t in expansion if t in self.vocab)]
        extra = [i for i in extra if i not in set(ids)]
        scores = self._scores(ids)
        if extra and expansion_weight > 0:
            scores = scores + expansion_weight * self._scores(extra)
        return scores

    def group_scores(self, groups: list[list[list[str]]], others: float = 0.2) -> np.ndarray:
        """BM25 of a structured query: per group, its best rendering plus ``others`` × the rest.

        A group holds the renderings of one idea (``hydrogen`` → 氢能, 制氢, 储氢…), each
        rendering a list of tokens scored by their mean (现代煤化工 splits into five
        search-mode tokens and would otherwise outweigh 煤制烯烃's two). Counting mainly
        the best rendering keeps a chunk that repeats generic renderings (科学, 科技) from
        outranking one with the specific term (科普): translations count about once.
        """
        total = np.zeros(self.size, dtype=np.float32)
        for group in groups:
            best = np.zeros(self.size, dtype=np.float32)
            rest = np.zeros(self.size, dtype=np.float32)
            for term in group:
                ids = list(dict.fromkeys(self.vocab[t] for t in term if t in self.vocab))
                if ids:  # a rendering is one term however jieba splits it: mean, not sum
                    s = self._scores(ids) / len(ids)
                    rest += np.minimum(best, s)
                    best = np.maximum(best, s)
            total += best + others * rest
        return total

    def top(
        self,
        tokens: list[str],
        k: int,
        mask: np.ndarray | None = None,
        expansion: list[str] = (),
        expansion_weight: float = 0.5,
        groups: list[list[list[str]]] | None = None,
        others: float = 0.2,
    ) -> list[tuple[int, float]]:
        """The ``k`` best rows with a positive score, among ``mask`` if given.

        With ``groups`` the query is scored as a structured query (see
        :meth:`group_scores`) and ``tokens``/``expansion`` are ignored.
        """
        if groups:
            scores = self.group_scores(groups, others)
        else:
            scores = self.scores(tokens, expansion, expansion_weight)
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

    def __init__(
        self, index: SparseIndex, documents: list[Document], group_others: float = 0.2
    ) -> None:
        self.index = index
        self.documents = documents
        self.group_others = group_others

    @component.output_types(documents=list[Document])
    def run(
        self,
        tokens: list[str],
        expansion: list[str] | None = None,
        expansion_weight: float = 0.5,
        top_k: int = 10,
        mask: Any = None,
        groups: list[list[list[str]]] | None = None,
    ) -> dict[str, Any]:
        hits = self.index.top(
            tokens, top_k, mask, expansion or [], expansion_weight, groups, self.group_others
        )
        return {"documents": [rescored(self.documents[i], s) for i, s in hits]}


@component
class MaxNormalizer:
    """Haystack component: divides a list's scores by its best score (to 0–1), for fusion."""

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        top = max((d.score or 0.0 for d in documents), default=0.0)
        if top <= 0:
            return {"documents": documents}
        return {"documents": [rescored(d, (d.score or 0.0) / top) for d in documents]}


def corpus_terms(chunks: list[Document]) -> set[str]:
    """Domain terms for the tokenizer: enumeration members and short titles."""
    titles = {c.meta.get("title") or "" for c in chunks}
    return harvest_terms(c.content or "" for c in chunks) | {t for t in titles if 2 <= len(t) <= 8}
