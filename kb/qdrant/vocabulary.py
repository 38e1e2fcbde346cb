"""BM25 as Qdrant sparse vectors: the term-frequency part stored, IDF at query time.

bm25s (the embedded store, method ``lucene``) scores a document ``d`` for query tokens
``q`` as ``Σ idf(t) · tf / (tf + k1 · (1 − b + b · |d| / avgdl))`` with
``idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))``. Split the same way for Qdrant:

- document side (stored): for each token, ``tf / (tf + k1 · (1 − b + b · |d| / avgdl))``,
  with ``|d|`` the number of tokens and ``avgdl`` their mean over the collection;
- query side: each token's weight (1, an expansion weight, or ``1/len`` for a rendering
  of an English phrase) — Qdrant's ``Modifier.IDF`` multiplies it by
  ``ln((N − df + 0.5) / (df + 0.5) + 1)``, the same IDF, with ``N`` the points that have
  the vector (every chunk: an empty one is indexed as the token ``""``, as bm25s does).

Qdrant computes that IDF per shard, so on a collection of several shards the weights
are multiplied by the collection-wide IDF here instead (``client_idf``), from the
document frequencies kept with the vocabulary, and the vector has no modifier.

The vocabulary (token → sparse index, with document frequencies) is saved in the index
generation beside the chunks, as JSON.

Example::

    vocab = Vocabulary.build([["氢能", "制氢"], ["煤炭"]])
    vocab.document(["氢能", "制氢"])        # ([0, 1], [0.43…, 0.43…])
    vocab.query({"氢能": 1.0})               # ([0], [1.0])
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

__all__ = ["Vocabulary", "lucene_idf"]


def lucene_idf(df: np.ndarray | int, n: int) -> np.ndarray:
    """``ln(1 + (N − df + 0.5) / (df + 0.5))``: bm25s's ``lucene`` IDF and Qdrant's."""
    df = np.asarray(df, dtype=np.float64)
    return np.log1p((n - df + 0.5) / (df + 0.5))


class Vocabulary:
    """Tokens of one BM25 field, their sparse indices and document frequencies.

    :param tokens: every token, in sparse-index order.
    :param df: documents holding each token (same order).
    :param n: number of documents; ``avgdl``: their mean length in tokens.
    """

    def __init__(
        self,
        tokens: list[str],
        df: Iterable[int],
        n: int,
        avgdl: float,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.tokens = tokens
        self.df = np.asarray(list(df), dtype=np.int64)
        self.n, self.avgdl, self.k1, self.b = n, avgdl, k1, b
        self.vocab: dict[str, int] = {t: i for i, t in enumerate(tokens)}
        self.size = n

    @classmethod
    def build(
        cls, corpus_tokens: Iterable[list[str]], k1: float = 1.2, b: float = 0.75
    ) -> Vocabulary:
        """Count a corpus (rows follow chunk order; an empty row counts as ``[""]``)."""
        df: Counter[str] = Counter()
        n = total = 0
        for tokens in corpus_tokens:
            tokens = tokens or [""]
            df.update(set(tokens))
            n += 1
            total += len(tokens)
        order = sorted(df)
        return cls(order, (df[t] for t in order), n, total / max(n, 1), k1, b)

    def document(self, tokens: list[str]) -> tuple[list[int], list[float]]:
        """A chunk's stored vector: each token's BM25 term-frequency part.

        :raises KeyError: a token the vocabulary was not built with.
        """
        tokens = tokens or [""]
        norm = self.k1 * (1 - self.b + self.b * len(tokens) / self.avgdl)
        counts = Counter(tokens)
        indices = sorted(self.vocab[t] for t in counts)
        values = [counts[self.tokens[i]] / (counts[self.tokens[i]] + norm) for i in indices]
        return indices, values

    def query(
        self, weights: Mapping[str, float], client_idf: bool = False
    ) -> tuple[list[int], list[float]]:
        """A query vector from token weights (tokens not in the vocabulary are dropped).

        :param client_idf: multiply by the collection-wide IDF here (for a vector
            without Qdrant's IDF modifier).
        """
        known = {self.vocab[t]: w for t, w in weights.items() if t in self.vocab and w > 0}
        indices = sorted(known)
        values = [float(known[i]) for i in indices]
        if client_idf and indices:
            values = (np.asarray(values) * self.idf(indices)).tolist()
        return indices, values

    def idf(self, indices: list[int]) -> np.ndarray:
        """Collection-wide IDF of tokens by sparse index."""
        return lucene_idf(self.df[indices], self.n)

    def document_frequencies(self) -> dict[str, int]:
        """Documents holding each token (what :class:`~kb.coverage.Coverage` weighs)."""
        return dict(zip(self.tokens, self.df.tolist(), strict=True))

    def save(self, path: Path) -> None:
        payload = {
            "tokens": self.tokens,
            "df": self.df.tolist(),
            "n": self.n,
            "avgdl": self.avgdl,
            "k1": self.k1,
            "b": self.b,
        }
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        """:raises ValueError, KeyError: not a vocabulary file (the caller reports it)."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not math.isfinite(raw["avgdl"]) or len(raw["tokens"]) != len(raw["df"]):
            raise ValueError(f"{path} is not a consistent vocabulary")
        return cls(raw["tokens"], raw["df"], raw["n"], raw["avgdl"], raw["k1"], raw["b"])
