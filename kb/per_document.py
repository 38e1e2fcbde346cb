"""One searcher per document, and results that keep each document's own order.

A search scoped to a document weighs words by how rare they are *in that document* and
splits them with that document's own domain terms, so its results do not shift when
unrelated documents are indexed beside it (a word common in twenty work reports is
still telling inside the plan). An unscoped search over several documents lets the
whole index decide which document each rank goes to, and each document fills its ranks
with its own best chunks, in the order a search scoped to it would give.

Each document's own BM25 indexes (words, with a tokenizer derived from the whole
index's and the document's own domain terms, and characters) are built by ``ingest``
and stored in the generation (``per_doc/<doc>/``), so no query builds them; an index
without them (one document, or an older build) gets them on first use. A searcher
over a document shares the whole index's embedder and a view of its vectors (no copy);
``KnowledgeBase.warm_up`` opens them all.

Example::

    searchers = DocumentSearchers(kb.chunks, kb.dense.vectors, kb.searcher())
    searchers.search_in("liupanshui-14th-fyp-sci-tech", "氢能", k=5)
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
from haystack import Document

from kb.dense import DenseIndex
from kb.search import Hit, Searcher
from kb.sparse import SparseIndex, corpus_terms, index_chars, index_tokens
from kb.store import IndexWriter
from kb.tokenize import Tokenizer

__all__ = ["DocumentSearchers", "document_indexes", "save_document_indexes"]

FOLDER = "per_doc"


def _by_document(chunks: list[Document]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        rows.setdefault(c.meta["doc"], []).append(i)
    return rows


def _indexes(
    chunks: list[Document], tokenizer: Tokenizer, chars: list[list[str]] | None = None
) -> tuple[SparseIndex, SparseIndex]:
    """A document's word and character BM25, its words split with its own terms.

    :param chars: the chunks' character n-grams when already computed (they do not
        depend on the document).
    """
    own = tokenizer.derive(corpus_terms(chunks))
    return (
        SparseIndex.build([index_tokens(c, own) for c in chunks]),
        SparseIndex.build(chars if chars is not None else [index_chars(c) for c in chunks]),
    )


def document_indexes(
    chunks: list[Document], tokenizer: Tokenizer, chars: list[list[str]]
) -> dict[str, tuple[SparseIndex, SparseIndex]]:
    """Every document's own word and character BM25 (what a build stores).

    :param tokenizer: the whole index's tokenizer (each document's is derived from it).
    :param chars: every chunk's character n-grams, in chunk order (the build's own).
    """
    return {
        doc: _indexes([chunks[i] for i in rows], tokenizer, [chars[i] for i in rows])
        for doc, rows in _by_document(chunks).items()
    }


def save_document_indexes(
    writer: IndexWriter, indexes: dict[str, tuple[SparseIndex, SparseIndex]]
) -> None:
    """Write them into the new generation (``per_doc/<doc>/bm25`` and ``chars``)."""
    for doc, (words, chars) in indexes.items():
        words.save(writer.folder(f"{FOLDER}/{doc}/bm25"))
        chars.save(writer.folder(f"{FOLDER}/{doc}/chars"))


def _rows_of(matrix: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``matrix[rows]``, as a view (no copy) when the rows are consecutive."""
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
        return matrix[rows[0] : rows[-1] + 1]
    return matrix[rows]


class DocumentSearchers:
    """Searchers over single documents of an index, built once each, thread-safe.

    :param chunks: every chunk, in index row order.
    :param vectors: the index's vectors, same rows.
    :param whole: the whole index's searcher (its tokenizer, embedder and settings
        are shared).
    :param stored: the generation's folder, where a build stored each document's BM25
        (``None``, or a document missing there: built from the chunks).
    """

    def __init__(
        self,
        chunks: list[Document],
        vectors: np.ndarray,
        whole: Searcher,
        stored: Path | None = None,
    ) -> None:
        self.chunks = chunks
        self.vectors = vectors
        self.whole = whole
        self.stored = stored
        self._built: dict[str, tuple[Searcher | None, np.ndarray]] = {}
        self._lock = threading.Lock()

    def get(self, doc: str) -> tuple[Searcher | None, np.ndarray]:
        """The searcher over ``doc``'s chunks and those chunks' rows in the whole index.

        The searcher is ``None`` for a document without chunks (headings only).
        """
        with self._lock:
            if doc not in self._built:
                rows = np.array(
                    [i for i, c in enumerate(self.chunks) if c.meta["doc"] == doc], dtype=np.int64
                )
                if not len(rows):
                    self._built[doc] = (None, rows)
                    return self._built[doc]
                chunks = [self.chunks[i] for i in rows]
                tokenizer = self.whole.tokenizer.derive(corpus_terms(chunks))
                words, chars = self._open(doc, chunks)
                searcher = Searcher(
                    chunks,
                    words,
                    chars,
                    DenseIndex.exact_view(_rows_of(self.vectors, rows)),
                    tokenizer,
                    self.whole.embedder,
                    self.whole.settings,
                    self.whole.expander,
                    self.whole.sense_vectors,
                    chunks[0].meta.get("doc_title", ""),
                )
                self._built[doc] = (searcher, rows)
            return self._built[doc]

    def _open(self, doc: str, chunks: list[Document]) -> tuple[SparseIndex, SparseIndex]:
        """The stored indexes (memory-mapped) when the build wrote them, else built now."""
        folder = self.stored / FOLDER / doc if self.stored else None
        if folder is not None and (folder / "bm25").is_dir() and (folder / "chars").is_dir():
            words = SparseIndex.load(folder / "bm25", mmap=True)
            chars = SparseIndex.load(folder / "chars", mmap=True)
            if words.size == chars.size == len(chunks):
                return words, chars
        return _indexes(chunks, self.whole.tokenizer)

    def search_in(
        self,
        doc: str,
        query: str,
        k: int,
        mask: np.ndarray | None = None,
        mode: str = "hybrid",
        join: bool = True,
    ) -> list[Hit]:
        """``doc``'s best ``k`` chunks on its own statistics, among ``mask`` (whole-index rows)."""
        searcher, rows = self.get(doc)
        if searcher is None:
            return []
        inner = None if mask is None or mask[rows].all() else mask[rows]
        return searcher.search(query, k=k, mask=inner, mode=mode, join=join)

    def in_own_order(
        self,
        hits: list[Hit],
        query: str,
        mask: np.ndarray | None = None,
        mode: str = "hybrid",
        join: bool = True,
    ) -> list[Hit]:
        """``hits`` with each document's ranks refilled from its own search, in its order.

        Which document holds each rank stays as the whole index ranked it; a chunk
        never appears twice; ranks are renumbered from 1.
        """
        own: dict[str, Iterator[Hit]] = {}
        ordered: list[Hit] = []
        seen: set[str] = set()
        for hit in hits:
            if hit.doc not in own:
                own[hit.doc] = iter(self.search_in(hit.doc, query, len(hits), mask, mode, join))
            pick = next((h for h in own[hit.doc] if h.id not in seen), hit)
            if pick.id not in seen:
                seen.add(pick.id)
                ordered.append(replace(pick, rank=len(ordered) + 1))
        return ordered
