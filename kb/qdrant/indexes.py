"""The retrievers' indexes, served by a Qdrant collection.

:class:`QdrantSparseIndex` and :class:`QdrantDenseIndex` have the interface the
retrievers and the rest of ``kb`` use of :class:`~kb.sparse.SparseIndex` and
:class:`~kb.dense.DenseIndex` — ``top(…)`` returning ``[(row, score)]``, ``size``,
``vocab``, ``document_frequencies()``, ``vectors`` — so :class:`~kb.search.Searcher`
and everything above it run unchanged. Point ids are row numbers; a row mask becomes a
payload filter (:mod:`kb.qdrant.filters`) applied by the engine before ranking.

Example::

    collection = SearchCollection(connection, "policykb-20261201T120000-1a2b3c4d", filters, 223)
    words = QdrantSparseIndex(collection, WORDS, Vocabulary.load(path))
    words.top(["氢能"], k=5)        # [(row, score), …] as SparseIndex.top
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from kb.qdrant.connection import Connection
from kb.qdrant.filters import PayloadFilters
from kb.qdrant.structured import structured_top
from kb.qdrant.vocabulary import Vocabulary

__all__ = [
    "CHARS",
    "DENSE",
    "WORDS",
    "QdrantDenseIndex",
    "QdrantSparseIndex",
    "RowVectors",
    "SearchCollection",
]

# Vector names: the integration's (QdrantDocumentStore reads the collection), plus chars.
DENSE, WORDS, CHARS = "text-dense", "text-sparse", "text-chars"
HNSW_EF = 512
_FETCH = 1024


def _ranked(points: Sequence[Any], positive: bool) -> list[tuple[int, float]]:
    """Scores best first, ties by row (as the embedded store breaks them)."""
    hits = [(int(p.id), float(p.score)) for p in points if p.score > 0 or not positive]
    return sorted(hits, key=lambda hit: (-hit[1], hit[0]))


class SearchCollection:
    """One collection as the indexes query it.

    :param connection: the Qdrant connection.
    :param name: the collection (never the alias: a reader stays on the build it loaded).
    :param filters: turns row masks into payload filters.
    :param size: number of points (chunks).
    :param exact: exact dense search (as the embedded store below its ANN threshold).
    """

    def __init__(
        self,
        connection: Connection,
        name: str,
        filters: PayloadFilters,
        size: int,
        exact: bool = True,
    ) -> None:
        self.connection, self.name, self.filters = connection, name, filters
        self.size, self.exact = size, exact

    def query(
        self,
        using: str,
        vectors: Sequence[Any],
        limit: int,
        mask: np.ndarray | None = None,
        ids: Sequence[int] | None = None,
        positive: bool = True,
    ) -> list[list[tuple[int, float]]]:
        """Each query vector's best ``limit`` rows among ``mask`` (or among ``ids``).

        :param positive: keep only positive scores (BM25; cosines may be negative).
        """
        from qdrant_client import models

        if ids is not None:
            where = models.Filter(must=[models.HasIdCondition(has_id=list(ids))])
        else:
            where = self.filters.build(mask)
        params = (  # local mode always searches exactly (and warns about parameters)
            None
            if self.connection.local
            else models.SearchParams(exact=self.exact, hnsw_ef=max(HNSW_EF, limit))
        )
        requests = [
            models.QueryRequest(
                query=v, using=using, filter=where, limit=limit, params=params, with_payload=False
            )
            for v in vectors
        ]
        with self.connection.use(f"search {using} in {self.name}") as client:
            answers = client.query_batch_points(self.name, requests=requests)
        return [_ranked(answer.points, positive) for answer in answers]


class QdrantSparseIndex:
    """A BM25 field as a sparse vector: :class:`~kb.sparse.SparseIndex`'s interface.

    :param collection: where it is stored.
    :param using: the sparse vector's name (:data:`WORDS` or :data:`CHARS`).
    :param vocabulary: its tokens, sparse indices and document frequencies.
    :param client_idf: the vector has no IDF modifier; weights carry the IDF.
    """

    def __init__(
        self,
        collection: SearchCollection,
        using: str,
        vocabulary: Vocabulary,
        client_idf: bool = False,
    ) -> None:
        self.collection, self.using = collection, using
        self.vocabulary, self.client_idf = vocabulary, client_idf
        self.vocab = vocabulary.vocab
        self.size = vocabulary.n

    def document_frequencies(self) -> dict[str, int]:
        """Chunks holding each token."""
        return self.vocabulary.document_frequencies()

    def _vector(self, weights: dict[str, float]) -> Any:
        from qdrant_client import models

        indices, values = self.vocabulary.query(weights, self.client_idf)
        return models.SparseVector(indices=indices, values=values) if indices else None

    def _search(
        self, vectors: Sequence[Any], limit: int, ids: Sequence[int] | None, mask: Any
    ) -> list[list[tuple[int, float]]]:
        return self.collection.query(self.using, vectors, limit, mask, ids)

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

        As :meth:`kb.sparse.SparseIndex.top`: query tokens weigh 1, expansion tokens
        not already in the query ``expansion_weight``; with ``groups``, a structured
        query (:mod:`kb.qdrant.structured`) and ``tokens``/``expansion`` are ignored.
        """
        if k < 1:
            return []
        if groups:
            vectors = [
                [v for term in group if (v := self._rendering(term)) is not None]
                for group in groups
            ]
            return structured_top(
                lambda vs, limit, ids: self._search(vs, limit, ids, mask),
                [g for g in vectors if g],
                k,
                others,
                self.size,
            )
        weights = dict.fromkeys((t for t in tokens if t in self.vocab), 1.0)
        if expansion_weight > 0:
            for t in expansion:
                if t in self.vocab and t not in weights:
                    weights[t] = expansion_weight
        vector = self._vector(weights)
        return [] if vector is None else self._search([vector], k, None, mask)[0]

    def _rendering(self, term: list[str]) -> Any:
        """One rendering's query: its known tokens, each weighing ``1/len`` (their mean)."""
        known = list(dict.fromkeys(t for t in term if t in self.vocab))
        return self._vector({t: 1.0 / len(known) for t in known}) if known else None


class RowVectors:
    """The dense vectors of a collection by row, fetched when sliced (``vectors[rows]``).

    Stands in for the embedded store's memory-mapped matrix where code takes one
    document's rows (:mod:`kb.per_document`); ``np.asarray`` fetches them all.
    """

    def __init__(self, collection: SearchCollection, dim: int) -> None:
        self.collection, self.dim = collection, dim
        self.shape = (collection.size, dim)

    def __len__(self) -> int:
        return self.collection.size

    def __getitem__(self, rows: Any) -> np.ndarray:
        if isinstance(rows, slice):
            wanted = list(range(*rows.indices(len(self))))
        else:
            wanted = np.asarray(rows, dtype=np.int64).reshape(-1).tolist()
        out = np.zeros((len(wanted), self.dim), dtype=np.float32)
        where = {row: i for i, row in enumerate(wanted)}
        for start in range(0, len(wanted), _FETCH):
            batch = wanted[start : start + _FETCH]
            with self.collection.connection.use(f"read vectors of {self.collection.name}") as c:
                points = c.retrieve(self.collection.name, ids=batch, with_vectors=[DENSE])
            for point in points:
                out[where[int(point.id)]] = point.vector[DENSE]
        return out

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        whole = self[0 : len(self)]
        return whole if dtype is None else whole.astype(dtype)


class QdrantDenseIndex:
    """Dense vectors as a named vector: :class:`~kb.dense.DenseIndex`'s interface.

    Inner product (``Distance.DOT``) on the normalised vectors, as FAISS; exact search
    up to the build's ANN threshold, HNSW (``ef`` 512) above it on a server.
    """

    def __init__(self, collection: SearchCollection, dim: int) -> None:
        self.collection = collection
        self.vectors = RowVectors(collection, dim)
        self.kind = "qdrant"

    def top(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` rows most similar to ``query``, among ``mask`` if given."""
        if k <= 0 or self.collection.size == 0:
            return []
        vector = np.asarray(query, dtype=np.float32).reshape(-1).tolist()
        return self.collection.query(DENSE, [vector], k, mask, positive=False)[0]
