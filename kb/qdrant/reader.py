"""Opening a generation's Qdrant collection as the retrievers' three indexes.

The generation's manifest names the collection it was built with (not the alias: a
reader stays on the build whose chunks it loaded, however many builds follow), and
where it lives; :class:`~kb.qdrant.settings.QdrantSettings` lets the configuration
override the location. The collection must exist and hold exactly the generation's
chunks, else the index is reported damaged with the command that rebuilds it.

Example::

    words, chars, dense = open_collection(generation, manifest, chunks, index_dir)
    words.top(["氢能"], k=3)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document

from kb.errors import IndexCorrupt
from kb.qdrant.builder import FOLDER
from kb.qdrant.connection import connect
from kb.qdrant.filters import PayloadFilters
from kb.qdrant.indexes import (
    CHARS,
    WORDS,
    QdrantDenseIndex,
    QdrantSparseIndex,
    SearchCollection,
)
from kb.qdrant.settings import QdrantSettings
from kb.qdrant.vocabulary import Vocabulary
from kb.settings import QdrantPlace

__all__ = ["open_collection", "stored_vectors"]

REBUILD = "re-run `policykb ingest --store qdrant` to rebuild"


def _collection(
    manifest: dict[str, Any], index_dir: Path, place: QdrantPlace | None = None
) -> SearchCollection:
    """The manifest's collection, checked to hold the generation's chunks.

    :raises IndexCorrupt: missing, or another number of points.
    :raises StoreUnavailable: Qdrant cannot be reached.
    """
    record = manifest.get("store") or {}
    name = record.get("collection")
    if not name:
        raise IndexCorrupt(
            f"the manifest of the index at {index_dir} names no collection; {REBUILD}."
        )
    settings = QdrantSettings.for_reader(record, index_dir, place)
    connection = connect(settings)
    with connection.use(f"open collection {name}") as client:
        found = client.count(name, exact=True).count if client.collection_exists(name) else None
    expected = int(manifest.get("chunk_count", -1))
    if found != expected:
        state = "does not exist" if found is None else f"holds {found} points"
        raise IndexCorrupt(
            f"Qdrant collection {name} at {settings.where} {state}; the index at {index_dir} "
            f"expects {expected} chunks: {REBUILD}."
        )
    return SearchCollection(connection, name, PayloadFilters([]), found, bool(record.get("exact")))


def open_collection(
    generation: Path,
    manifest: dict[str, Any],
    chunks: list[Document],
    index_dir: Path,
    place: QdrantPlace | None = None,
) -> tuple[QdrantSparseIndex, QdrantSparseIndex, QdrantDenseIndex]:
    """The word BM25, character BM25 and dense indexes of a Qdrant generation.

    :raises IndexCorrupt: the collection or a vocabulary is missing or does not match.
    :raises StoreUnavailable: Qdrant cannot be reached.
    :raises MissingExtra: the ``qdrant`` extra is not installed.
    """
    try:
        words = Vocabulary.load(generation / FOLDER / "words.json")
        chars = Vocabulary.load(generation / FOLDER / "chars.json")
    except FileNotFoundError as exc:
        raise IndexCorrupt(f"index file {exc.filename} is missing; {REBUILD}.") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(
            f"a vocabulary of the index at {index_dir} is damaged ({exc}); {REBUILD}."
        ) from exc
    collection = _collection(manifest, index_dir, place)
    collection.filters = PayloadFilters(chunks)
    client_idf = bool(manifest["store"].get("client_idf"))
    dim = int(manifest.get("embedder", {}).get("dim", 0))
    return (
        QdrantSparseIndex(collection, WORDS, words, client_idf),
        QdrantSparseIndex(collection, CHARS, chars, client_idf),
        QdrantDenseIndex(collection, dim),
    )


def stored_vectors(manifest: dict[str, Any], index_dir: Path) -> np.ndarray:
    """Every dense vector of a generation's collection, by row (to reuse in a rebuild).

    :raises IndexCorrupt, StoreUnavailable: the collection cannot be read.
    """
    collection = _collection(manifest, index_dir)
    dim = int(manifest.get("embedder", {}).get("dim", 0))
    return np.asarray(QdrantDenseIndex(collection, dim).vectors)
