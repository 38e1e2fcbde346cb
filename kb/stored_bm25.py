"""A saved bm25s index scored straight from its files, without importing bm25s.

Importing bm25s imports scipy (~0.4 s), which a search does not need: a saved index is
a CSC score matrix (``data``, ``indices``, ``indptr``) plus a vocabulary. Scoring here
follows ``bm25s.BM25.get_scores_from_ids`` with its numpy backend step for step, so the
scores are identical (``tests/kb/test_sparse_build.py`` checks).

Example::

    params = json.loads((folder / "params.index.json").read_text())
    if StoredBM25.readable(params):
        StoredBM25(folder, params, mmap=True).get_scores_from_ids([3, 17])
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["StoredBM25"]


class StoredBM25:
    """A saved bm25s index read straight from its files, scored as bm25s scores it
    (float32 sums in query-token order). Only for methods without a non-occurrence
    array (``lucene``, ``robertson``, ``atire``).

    :param folder: the saved index.
    :param params: its ``params.index.json``.
    :param mmap: memory-map the arrays.
    """

    METHODS = ("lucene", "robertson", "atire")

    def __init__(self, folder: Path, params: dict[str, Any], mmap: bool) -> None:
        mode = "r" if mmap else None
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.int_dtype = np.dtype(params.get("int_dtype", "int32"))
        vocab = (folder / "vocab.index.json").read_text(encoding="utf-8")
        self.vocab_dict: dict[str, int] = json.loads(vocab)
        self.scores = {
            name: np.load(folder / f"{name}.csc.index.npy", mmap_mode=mode, allow_pickle=False)
            for name in ("data", "indices", "indptr")
        }
        self.scores["num_docs"] = params["num_docs"]

    @classmethod
    def readable(cls, params: dict[str, Any]) -> bool:
        """Does this class score the index exactly as bm25s would?

        :param params: the saved ``params.index.json``.
        :returns: numpy backend, a method without non-occurrence scores, a doc count.
        """
        return (
            params.get("method") in cls.METHODS
            and params.get("backend", "numpy") == "numpy"
            and isinstance(params.get("num_docs"), int)
        )

    def get_scores_from_ids(self, query_tokens_ids: list[int]) -> np.ndarray:
        """BM25 score of every document for these token ids.

        :param query_tokens_ids: vocabulary ids (repeats count again, as in bm25s).
        :returns: ``(num_docs,)`` scores.
        :raises ValueError: an id beyond the score matrix (as bm25s raises).
        """
        return self.score(self.scores, query_tokens_ids, self.dtype)

    @staticmethod
    def score(arrays: dict[str, Any], query_tokens_ids: list[int], dtype: np.dtype) -> np.ndarray:
        """Sum the score columns of these token ids (bm25s's numpy scoring).

        :param arrays: ``data``, ``indices``, ``indptr`` (CSC by token) and ``num_docs``.
        :raises ValueError: an id beyond the score matrix.
        """
        data, indices, indptr = (arrays[k] for k in ("data", "indices", "indptr"))
        ids = np.asarray(query_tokens_ids, dtype=indices.dtype)
        if int(ids.max(initial=0)) >= len(indptr) - 1:
            raise ValueError(f"token id {int(ids.max())} is beyond the index's {len(indptr)}")
        scores = np.zeros(arrays["num_docs"], dtype=dtype)
        for start, end in zip(indptr[ids].tolist(), indptr[ids + 1].tolist(), strict=True):
            # one token's rows are distinct, so this equals bm25s's np.add.at
            scores[indices[start:end]] += data[start:end]
        return scores
