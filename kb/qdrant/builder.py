"""A build's retrieval side on Qdrant (the ``qdrant`` store of :mod:`kb.stores`).

The build (:func:`kb.build.build_index`) parses, tokenises and embeds as for the
embedded store, then hands the token lists and vectors here: the vocabularies are
counted (``tokenize`` stage), the collection is written and checked (``index`` stage),
the vocabularies are saved in the new generation and the manifest names the collection
(``write`` stage), and once the generation is current the alias is switched
(:meth:`QdrantIndexBuilder.publish`). The rest of the generation (chunks, documents and
their trees, sources, terms) is written as for the embedded store: everything but
retrieval stays in the index folder.

Example::

    builder = QdrantIndexBuilder(Settings.load(store="qdrant"))
    builder.sparse(words, chars)
    builder.dense(chunks, vectors)
    manifest_part = builder.write(index_writer)
    index_writer.commit(manifest={..., **manifest_part})
    builder.publish()
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document

from kb.errors import StoreUnavailable
from kb.qdrant.connection import connect
from kb.qdrant.filters import ADDRESS, address
from kb.qdrant.indexes import CHARS, DENSE, WORDS
from kb.qdrant.settings import QdrantSettings
from kb.qdrant.vocabulary import Vocabulary
from kb.qdrant.writer import CollectionWriter
from kb.settings import Settings
from kb.store import IndexWriter

__all__ = ["FOLDER", "QdrantIndexBuilder"]

FOLDER = "vocabulary"  # inside a generation: words.json, chars.json


class QdrantIndexBuilder:
    """Writes a build's indexes into a new Qdrant collection.

    :param config: ``qdrant_*`` settings (location, alias, shards, replicas) and the
        ANN threshold (at or below it dense search is exact, as in the embedded store).
    :param progress: called as ``progress("upload", done, total)``.
    """

    def __init__(self, config: Settings, progress: Any = None) -> None:
        self.settings = QdrantSettings.from_config(config)
        self.index_dir = Path(config.paths.index_dir)
        self.ann_threshold = config.index.ann_threshold
        self.progress = progress
        # Qdrant's IDF modifier counts documents per shard; several shards: IDF from here.
        self.client_idf = self.settings.shards > 1
        self._tokens: tuple[list[list[str]], list[list[str]]] = ([], [])
        self._vocabularies: tuple[Vocabulary, Vocabulary] | None = None
        self._writer: CollectionWriter | None = None
        self._previous: str | None = None
        self._size = 0

    @property
    def collection(self) -> str | None:
        """The new collection's name, once :meth:`dense` has created it."""
        return self._writer.name if self._writer is not None else None

    @property
    def vocabularies(self) -> tuple[Vocabulary, Vocabulary] | None:
        """The word and character vocabularies, once :meth:`sparse` has counted them."""
        return self._vocabularies

    def sparse(self, words: list[list[str]], chars: list[list[str]]) -> None:
        """Count the two BM25 fields' vocabularies (rows follow chunk order)."""
        self._tokens = (words, chars)
        self._vocabularies = (Vocabulary.build(words), Vocabulary.build(chars))

    def dense(self, chunks: list[Document], vectors: np.ndarray) -> None:
        """Write every chunk into a new collection and check it holds them all.

        :raises StoreUnavailable: Qdrant cannot be reached, or lost points.
        :raises MissingExtra: the ``qdrant`` extra is not installed.
        """
        if self._vocabularies is None:
            raise RuntimeError("QdrantIndexBuilder.sparse() must come before dense()")
        self._writer = CollectionWriter(connect(self.settings), self.settings)
        self._writer.create(int(vectors.shape[1]), self.client_idf)
        self._writer.upload(self._points(chunks, vectors), len(chunks), self.progress)
        self._writer.verify(len(chunks))
        self._size = len(chunks)

    def _points(self, chunks: list[Document], vectors: np.ndarray) -> Iterator[Any]:
        from qdrant_client import models

        assert self._vocabularies is not None
        (words, chars), (wv, cv) = self._tokens, self._vocabularies
        for row, chunk in enumerate(chunks):
            sparse = {
                name: models.SparseVector(indices=indices, values=values)
                for name, (indices, values) in (
                    (WORDS, wv.document(words[row])),
                    (CHARS, cv.document(chars[row])),
                )
            }
            yield models.PointStruct(
                id=row,
                vector={DENSE: vectors[row].tolist(), **sparse},
                payload={
                    "id": chunk.id,
                    "content": chunk.content,
                    "meta": chunk.meta,
                    ADDRESS: address(chunk.meta),
                },
            )

    def write(self, writer: IndexWriter) -> dict[str, Any]:
        """Save the vocabularies into the new generation; the manifest's part.

        Also notes the collection the current generation names, which :meth:`publish`
        keeps for readers still on it.
        """
        if self._writer is None or self._vocabularies is None:
            raise RuntimeError("QdrantIndexBuilder.dense() must come before write()")
        folder = writer.folder(FOLDER)
        self._vocabularies[0].save(folder / "words.json")
        self._vocabularies[1].save(folder / "chars.json")
        old = writer.previous("manifest.json")
        if old is not None:
            try:
                self._previous = (
                    json.loads(old.read_text("utf-8")).get("store", {}).get("collection")
                )
            except (OSError, ValueError, AttributeError):
                self._previous = None
        return {
            "dense_index": "qdrant",
            "store": {
                "kind": "qdrant",
                "collection": self._writer.name,
                "alias": self.settings.collection,
                **self.settings.record(self.index_dir),
                "points": self._size,
                "client_idf": self.client_idf,
                "exact": self._size <= self.ann_threshold,
                "shards": self.settings.shards,
                "replicas": self.settings.replicas,
            },
        }

    def publish(self) -> list[str]:
        """Switch the alias to the new collection; drop older ones but the previous.

        :returns: a warning when Qdrant failed meanwhile: the build is committed and
            answers (readers use the collection its manifest names), the alias is stale
            until the next build.
        """
        if self._writer is None:
            return []
        try:
            self._writer.publish(keep={self._previous} if self._previous else set())
        except StoreUnavailable as exc:
            return [
                f"the index is built and answers, but the alias {self.settings.collection!r} "
                f"still names the previous collection ({exc}); the next `policykb ingest "
                "--store qdrant` switches it."
            ]
        return []

    def discard(self) -> None:
        """Delete the new collection (the build failed before it was committed)."""
        if self._writer is not None:
            self._writer.discard()
