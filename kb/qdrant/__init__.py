"""The Qdrant store: the same search on a Qdrant server, cluster or local folder.

Needs the ``qdrant`` extra (``pip install "policykb[qdrant]"``); nothing here imports
``qdrant_client`` until a build or a reader uses it. See ``docs/operations-qdrant.md``.

- :mod:`kb.qdrant.settings`: where the store lives (the ``qdrant_*`` settings);
- :mod:`kb.qdrant.connection`: one client per location, errors that say what to do;
- :mod:`kb.qdrant.vocabulary`: BM25 split into stored term frequencies and query IDF;
- :mod:`kb.qdrant.filters`: row masks as payload filters;
- :mod:`kb.qdrant.indexes`, :mod:`kb.qdrant.structured`: the retrievers' indexes;
- :mod:`kb.qdrant.writer`, :mod:`kb.qdrant.builder`: a build's collection and alias;
- :mod:`kb.qdrant.reader`: a generation's collection, opened for search.
"""

from kb.qdrant.connection import connect, disconnect
from kb.qdrant.settings import QdrantSettings

__all__ = ["QdrantSettings", "connect", "disconnect"]
