"""The store seam: which retrieval indexes a build writes and a reader opens.

Two stores serve the same three indexes (word BM25, character BM25, dense vectors) to
:class:`~kb.search.Searcher`: ``embedded`` (bm25s and FAISS files inside the index
generation, the default) and ``qdrant`` (one Qdrant collection per build, see
:mod:`kb.qdrant`). A build picks the store from :class:`~kb.settings.Settings`; a reader
follows the generation's manifest (``store`` section; none means embedded), so an
index is always read with what wrote it. Everything that is not retrieval — chunks,
documents and trees, sources, terms, manifest — is in the generation either way.

Example::

    builder = index_builder(config)              # EmbeddedBuilder or QdrantIndexBuilder
    sparse, chars, dense = open_indexes(generation, manifest, chunks, index_dir)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from haystack import Document

from kb.dense import DenseIndex
from kb.errors import KBError
from kb.settings import QdrantPlace, Settings
from kb.sparse import SparseIndex
from kb.store import IndexWriter

__all__ = [
    "EmbeddedBuilder",
    "IndexBuilder",
    "discard_on_failure",
    "index_builder",
    "open_indexes",
    "previous_vectors",
]


class IndexBuilder(Protocol):
    """What a build asks of a store, in this order (then ``discard`` on failure)."""

    def sparse(self, words: list[list[str]], chars: list[list[str]]) -> None:
        """Index the word and character tokens of every chunk (rows in chunk order)."""

    def dense(self, chunks: list[Document], vectors: np.ndarray) -> None:
        """Index the vectors (and, for a remote store, write everything)."""

    def write(self, writer: IndexWriter) -> dict[str, Any]:
        """Write files into the new generation; returns the manifest's part."""

    def publish(self) -> list[str]:
        """After the generation is committed (switch an alias, clean up); warnings."""

    def discard(self) -> None:
        """The build failed before it was committed: undo what is outside the generation."""


class EmbeddedBuilder:
    """bm25s and FAISS files in the generation (``bm25/``, ``chars/``, ``dense/``).

    :param ann_threshold: above this many chunks the dense index is approximate.
    """

    def __init__(self, ann_threshold: int) -> None:
        self.ann_threshold = ann_threshold
        self.indexes: tuple[SparseIndex, SparseIndex] | None = None
        self.dense_index: DenseIndex | None = None

    def sparse(self, words: list[list[str]], chars: list[list[str]]) -> None:
        self.indexes = (SparseIndex.build(words), SparseIndex.build(chars))

    def dense(self, chunks: list[Document], vectors: np.ndarray) -> None:
        self.dense_index = DenseIndex.build(vectors, ann_threshold=self.ann_threshold)

    def write(self, writer: IndexWriter) -> dict[str, Any]:
        if self.indexes is None or self.dense_index is None:
            raise RuntimeError("EmbeddedBuilder.sparse() and dense() must come before write()")
        self.indexes[0].save(writer.folder("bm25"))
        self.indexes[1].save(writer.folder("chars"))
        self.dense_index.save(writer.folder("dense"))
        return {"dense_index": self.dense_index.kind}

    def publish(self) -> list[str]:
        """Nothing: the generation is the whole index."""
        return []

    def discard(self) -> None:
        """Nothing: the writer removes the unfinished generation."""


def index_builder(config: Settings, progress: Any = None) -> IndexBuilder:
    """The builder of ``config.index.store``.

    :raises MissingExtra: ``qdrant`` without the ``qdrant`` extra installed.
    """
    if config.index.store == "qdrant":
        from kb.qdrant.connection import require_client

        require_client()
        from kb.qdrant.builder import QdrantIndexBuilder

        return QdrantIndexBuilder(config, progress)
    return EmbeddedBuilder(config.index.ann_threshold)


@contextmanager
def discard_on_failure(builder: IndexBuilder, writer: IndexWriter) -> Iterator[None]:
    """Undo a store's work outside the generation when the build fails before its commit."""
    try:
        yield
    except BaseException:
        if not writer.committed:
            builder.discard()
        raise


def _kind(manifest: dict[str, Any]) -> str:
    return (manifest.get("store") or {}).get("kind", "embedded")


def open_indexes(
    generation: Path,
    manifest: dict[str, Any],
    chunks: list[Document],
    index_dir: Path,
    place: QdrantPlace | None = None,
) -> tuple[Any, Any, Any]:
    """The word BM25, character BM25 and dense indexes of one generation.

    :raises FileNotFoundError, OSError, ValueError: embedded files missing or unreadable
        (:class:`~kb.knowledge_base.KnowledgeBase` reports them as a damaged index).
    :raises IndexCorrupt, StoreUnavailable, MissingExtra: a Qdrant generation whose
        collection cannot be used.
    """
    if _kind(manifest) == "qdrant":
        from kb.qdrant.reader import open_collection

        return open_collection(generation, manifest, chunks, index_dir, place)
    # Memory-mapped: the score matrices stay in the page cache, not in the process.
    return (
        SparseIndex.load(generation / "bm25", mmap=True),
        SparseIndex.load(generation / "chars", mmap=True),
        DenseIndex.load(generation / "dense"),
    )


def previous_vectors(writer: IndexWriter, embedder: str) -> dict[str, np.ndarray]:
    """Vectors of the index being replaced, by key, if it used the same embedder.

    Read from its ``dense/vectors.npy`` (embedded) or from its collection (Qdrant); an
    old index that cannot be read is simply not reused.
    """
    manifest_file, keys = writer.previous("manifest.json"), writer.previous("dense/keys.json")
    if not (manifest_file and keys):
        return {}
    try:
        manifest = json.loads(manifest_file.read_text("utf-8"))
        if manifest.get("embedder", {}).get("name") != embedder:
            return {}
        vectors = writer.previous("dense/vectors.npy")
        if vectors is not None:
            old = np.load(vectors, allow_pickle=False)
        elif _kind(manifest) == "qdrant":
            from kb.qdrant.reader import stored_vectors

            old = stored_vectors(manifest, writer.index_dir)
        else:
            return {}
        return dict(zip(json.loads(keys.read_text("utf-8")), old, strict=True))
    except (OSError, ValueError, KBError):
        return {}
