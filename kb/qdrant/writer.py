"""Writing one build's collection, then switching the alias to it.

Every build writes a new collection ``<alias>-<stamp>-<id>``: points with ids = row
numbers, three named vectors (dense ``text-dense``, word BM25 ``text-sparse``,
character BM25 ``text-chars``) and the chunk as payload (``id``, ``content``, ``meta``
as Haystack's ``QdrantDocumentStore`` keeps them, plus ``address`` for section
filters). Readers never see it until the build is committed: the index generation
names the collection it goes with, and only after that generation is current is the
alias switched (one ``update_collection_aliases`` call: delete and create together).
A build that fails deletes its collection; one that is killed leaves it, and the next
build removes every collection of this alias but the current and the previous one.

Example::

    writer = CollectionWriter(connection, settings)
    writer.create(dim=512, client_idf=False)
    writer.upload(points)
    writer.verify(len(chunks))
    # … commit the generation …
    writer.publish(keep={previous_collection})
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterable
from typing import Any

from kb.errors import StoreUnavailable
from kb.qdrant.connection import Connection
from kb.qdrant.filters import ADDRESS
from kb.qdrant.indexes import CHARS, DENSE, WORDS
from kb.qdrant.settings import QdrantSettings

__all__ = ["BATCH", "KEYWORD_FIELDS", "CollectionWriter"]

BATCH = 256
KEYWORD_FIELDS = ("meta.doc", "meta.section", "meta.node", "meta.industry", ADDRESS)


class CollectionWriter:
    """Creates, fills and publishes one build's collection.

    :param connection: the Qdrant connection.
    :param settings: the alias name, shards and replicas.
    """

    def __init__(self, connection: Connection, settings: QdrantSettings) -> None:
        self.connection, self.settings = connection, settings
        stamp = time.strftime("%Y%m%dT%H%M%S")
        self.name = f"{settings.collection}-{stamp}-{uuid.uuid4().hex[:8]}"
        self.ours = re.compile(rf"^{re.escape(settings.collection)}-\d{{8}}T\d{{6}}-[0-9a-f]{{8}}$")
        self.created = False

    def create(self, dim: int, client_idf: bool) -> None:
        """Create the empty collection (and, on a server, keyword indexes for the filters).

        :param client_idf: no IDF modifier on the sparse vectors (the query carries it).
        """
        from qdrant_client import models

        modifier = None if client_idf else models.Modifier.IDF
        with self.connection.use(f"create collection {self.name}") as client:
            client.create_collection(
                self.name,
                vectors_config={
                    DENSE: models.VectorParams(
                        size=dim,
                        distance=models.Distance.DOT,
                        hnsw_config=models.HnswConfigDiff(m=32, ef_construct=100),
                    )
                },
                sparse_vectors_config={
                    name: models.SparseVectorParams(modifier=modifier) for name in (WORDS, CHARS)
                },
                shard_number=self.settings.shards,
                replication_factor=self.settings.replicas,
                on_disk_payload=True,
            )
            self.created = True
            if not self.connection.local:  # local mode has no payload indexes (and says so)
                for field in KEYWORD_FIELDS:
                    client.create_payload_index(
                        self.name, field, models.PayloadSchemaType.KEYWORD, wait=True
                    )

    def upload(self, points: Iterable[Any], total: int, progress: Any = None) -> None:
        """Upsert ``PointStruct`` points in batches, each acknowledged before the next."""
        batch: list[Any] = []
        done = 0
        for point in points:
            batch.append(point)
            if len(batch) == BATCH:
                done += self._upsert(batch)
                batch = []
                if progress:
                    progress("upload", done, total)
        if batch:
            done += self._upsert(batch)
            if progress:
                progress("upload", done, total)

    def _upsert(self, batch: list[Any]) -> int:
        with self.connection.use(f"write points into {self.name}") as client:
            client.upsert(self.name, points=batch, wait=True)
        return len(batch)

    def verify(self, expected: int) -> None:
        """:raises StoreUnavailable: the collection does not hold ``expected`` points."""
        with self.connection.use(f"count points of {self.name}") as client:
            found = client.count(self.name, exact=True).count
        if found != expected:
            raise StoreUnavailable(
                f"Qdrant collection {self.name} at {self.settings.where} holds {found} points "
                f"after the upload, not {expected}; the build was not published. Run "
                "`policykb ingest --store qdrant` again."
            )

    def publish(self, keep: Iterable[str] = ()) -> None:
        """Point the alias at this collection, then drop this alias's other collections
        but ``keep`` (the previous build's, which readers may still be using)."""
        from qdrant_client import models

        alias = self.settings.collection
        with self.connection.use(f"switch alias {alias} to {self.name}") as client:
            current = {a.alias_name: a.collection_name for a in client.get_aliases().aliases}
            operations: list[Any] = []
            if alias in current:
                operations.append(
                    models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=alias))
                )
            operations.append(
                models.CreateAliasOperation(
                    create_alias=models.CreateAlias(collection_name=self.name, alias_name=alias)
                )
            )
            client.update_collection_aliases(change_aliases_operations=operations)
        self.clean({self.name, *keep})

    def clean(self, keep: set[str]) -> list[str]:
        """Delete this alias's collections not in ``keep`` and not aliased; their names."""
        with self.connection.use(f"list collections of {self.settings.collection}") as client:
            aliased = {a.collection_name for a in client.get_aliases().aliases}
            names = [c.name for c in client.get_collections().collections]
            gone = [n for n in names if self.ours.match(n) and n not in keep | aliased]
            for name in gone:
                client.delete_collection(name)
        return gone

    def discard(self) -> None:
        """Delete this build's collection (a failed build); errors are left to the next
        build's clean-up."""
        if not self.created:
            return
        try:
            with self.connection.use(f"delete collection {self.name}") as client:
                client.delete_collection(self.name)
        except StoreUnavailable:
            pass
