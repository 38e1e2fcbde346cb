"""Build a BM25 score matrix from a stream of token lists, in bounded memory.

bm25s holds every document's tokens as Python lists, then every (document, token) pair
three times over while it scores them: at a million chunks of character n-grams that
was most of an 18.7 GB build. This builder reads the token lists in blocks; a block
becomes numpy arrays (token ids and term frequencies of each distinct token of each
document, int32) that go to a spill file, so only one block's Python lists are alive
at a time. When the stream ends, document frequencies and the average length give the
scores, and a counting sort by token writes the CSC arrays block by block.

The result is what ``bm25s.BM25(k1, b, method).index(tokens)`` computes, score for
score (float32; the formulas are bm25s's, operation for operation), saved in the files
``bm25s.BM25.save`` writes, so :class:`~kb.stored_bm25.StoredBM25` reads either. Token ids
follow first appearance (bm25s numbers them in set order, which varies by run).

Example::

    arrays = build_bm25(iter([["氢能", "制氢"], ["煤炭"]]))
    arrays.vocab["制氢"], arrays.num_docs      # (1, 2)
    arrays.save(Path("/tmp/bm25"))             # readable by SparseIndex.load
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["BM25Arrays", "UnknownMethod", "build_bm25"]

METHODS = ("lucene", "robertson", "atire")
FILES = {"data": "data.csc.index.npy", "indices": "indices.csc.index.npy"}
FILES["indptr"] = "indptr.csc.index.npy"


class UnknownMethod(ValueError):
    """A BM25 variant this builder does not compute."""


@dataclass
class BM25Arrays:
    """A built BM25 index: the CSC score matrix by token, and the vocabulary.

    ``data``/``indices`` may be memory-mapped files in the folder given to
    :func:`build_bm25`; ``scores`` is the dict :class:`~kb.stored_bm25.StoredBM25` and bm25s
    keep (``data``, ``indices``, ``indptr``, ``num_docs``).
    """

    vocab_dict: dict[str, int]
    scores: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def vocab(self) -> dict[str, int]:
        """Token → column (first appearance order)."""
        return self.vocab_dict

    @property
    def num_docs(self) -> int:
        return int(self.scores["num_docs"])

    def save(self, folder: Path, allow_pickle: bool = False) -> None:
        """Write the files ``bm25s.BM25.save`` writes (arrays already there stay).

        :param folder: the index folder (created).
        :param allow_pickle: must be ``False``: indexes are never pickled.
        """
        if allow_pickle:
            raise ValueError("BM25 indexes are saved without pickle; leave allow_pickle False.")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, file in FILES.items():
            array = self.scores[name]
            if Path(getattr(array, "filename", "") or "") != (folder / file).resolve():
                np.save(folder / file, np.asarray(array), allow_pickle=False)
        text = json.dumps(self.vocab_dict, ensure_ascii=False)
        (folder / "vocab.index.json").write_text(text, encoding="utf-8")
        params = {**self.params, "num_docs": self.num_docs}
        (folder / "params.index.json").write_text(json.dumps(params, indent=4), "utf-8")

    def get_scores_from_ids(self, query_tokens_ids: list[int]) -> np.ndarray:
        """Score every document, as :meth:`kb.stored_bm25.StoredBM25.get_scores_from_ids`."""
        from kb.stored_bm25 import StoredBM25

        return StoredBM25.score(self.scores, query_tokens_ids, np.dtype(np.float32))


def _idf(method: str, df: int, n: int) -> float:
    """bm25s's idf of one token (``bm25s.scoring._score_idf_*``), in Python floats."""
    if method == "atire":
        return math.log(n / df)
    inner = (n - df + 0.5) / (df + 0.5)
    if method == "lucene":
        return math.log(1 + inner)
    return math.log(max(inner, 1))


def _tfc(
    method: str, tf: np.ndarray, length: np.ndarray, avgdl: np.float64, k1: float, b: float
) -> np.ndarray:
    """bm25s's term-frequency component, with its dtypes (float32 tf, float64 norm)."""
    norm = k1 * ((1 - b) + b * length / avgdl)
    if method == "atire":
        return (tf * np.float32(k1 + 1)) / (tf + norm)
    return tf / (norm + tf)


class _Spill:
    """Per-document distinct token ids and term frequencies, appended to a file."""

    def __init__(self, folder: str) -> None:
        self.path = Path(folder) / "pairs.bin"
        self.fh = self.path.open("wb")
        self.blocks: list[tuple[int, int]] = []  # (documents, pairs) per block

    def add(self, counts: np.ndarray, tokens: np.ndarray, tf: np.ndarray) -> None:
        self.fh.write(counts.astype(np.int32).tobytes())
        self.fh.write(tokens.astype(np.int32).tobytes())
        self.fh.write(tf.astype(np.int32).tobytes())
        self.blocks.append((len(counts), len(tokens)))

    def read(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Yield ``(counts, tokens, tf)`` per block, in order."""
        self.fh.close()
        with self.path.open("rb") as fh:
            for docs, pairs in self.blocks:
                counts = np.fromfile(fh, np.int32, docs)
                yield counts, np.fromfile(fh, np.int32, pairs), np.fromfile(fh, np.int32, pairs)


def _block(
    tokens: list[list[str]], vocab: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Lengths, distinct-token counts, token ids and term frequencies of one block."""
    lengths = np.fromiter((len(t) for t in tokens), np.int64, len(tokens))
    ids = np.fromiter(
        (vocab.setdefault(tok, len(vocab)) for t in tokens for tok in t), np.int64, lengths.sum()
    )
    rows = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    keys, tf = np.unique((rows << 32) | ids, return_counts=True)
    counts = np.bincount(keys >> 32, minlength=len(tokens))
    return lengths, counts, keys & 0xFFFFFFFF, tf


def build_bm25(
    corpus_tokens: Iterable[list[str]],
    folder: Path | None = None,
    k1: float = 1.2,
    b: float = 0.75,
    method: str = "lucene",
    block: int = 8192,
) -> BM25Arrays:
    """BM25 scores of a stream of tokenised documents (rows follow the stream's order).

    :param corpus_tokens: each document's tokens; read once, ``block`` at a time.
    :param folder: write the score arrays as memory-mapped files there (the saved
        index, with :meth:`BM25Arrays.save`); ``None``: in memory.
    :param k1: bm25s's ``k1``; ``b`` its ``b``; ``method`` one of lucene, robertson, atire.
    :param block: documents per block (memory holds one block's token lists).
    :returns: the index, scored as bm25s scores it; ``""`` is in the vocabulary (last
        when no document holds it), as bm25s adds it.
    :raises UnknownMethod: ``method`` is not one of the three.
    """
    if method not in METHODS:
        raise UnknownMethod(f"BM25 method {method!r} is not one of {', '.join(METHODS)}.")
    vocab: dict[str, int] = {}
    df = np.zeros(0, np.int64)
    all_lengths: list[np.ndarray] = []
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:  # the spill, beside the index
        spill = _Spill(tmp)
        for tokens in _blocks(corpus_tokens, block):
            lengths, counts, ids, tf = _block(tokens, vocab)
            grown = np.bincount(ids, minlength=len(vocab))
            grown[: len(df)] += df
            df = grown
            all_lengths.append(lengths.astype(np.int32))
            spill.add(counts, ids, tf)
        lengths = np.concatenate(all_lengths) if all_lengths else np.zeros(0, np.int32)
        scores = _score(spill, df, lengths, folder, k1, b, method)
    if "" not in vocab:
        vocab[""] = len(vocab)
    params = {"k1": k1, "b": b, "delta": 0.5, "method": method, "idf_method": method}
    params |= {"dtype": "float32", "int_dtype": "int32", "backend": "numpy"}
    return BM25Arrays(vocab, scores, params)


def _blocks(corpus_tokens: Iterable[list[str]], size: int) -> Iterator[list[list[str]]]:
    batch: list[list[str]] = []
    for tokens in corpus_tokens:
        batch.append(tokens)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _score(
    spill: _Spill,
    df: np.ndarray,
    lengths: np.ndarray,
    folder: Path | None,
    k1: float,
    b: float,
    method: str,
) -> dict[str, Any]:
    """Score every pair and lay the pairs out by token (CSC), one block at a time."""
    n_docs, nnz = len(lengths), int(df.sum())
    # bm25s: np.array(lengths).mean(); an exact integer sum, then one division
    avgdl = np.float64(int(lengths.sum(dtype=np.int64))) / n_docs if n_docs else np.float64(0)
    idf = np.zeros(len(df), np.float32)
    values, inverse = np.unique(df, return_inverse=True)
    idf[:] = np.array([_idf(method, int(v), n_docs) if v else 0.0 for v in values])[inverse]
    indptr = np.zeros(len(df) + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    data, indices = _outputs(folder, nnz)
    heads = indptr[:-1].copy()
    row = 0
    for counts, ids, tf in spill.read():
        if folder is not None:  # mapped per block: written pages leave the RSS
            data, indices = _outputs(folder, None)
        rows = np.repeat(np.arange(row, row + len(counts), dtype=np.int32), counts)
        length = lengths[rows].astype(np.int64)
        tfc = _tfc(method, tf.astype(np.float32), length, avgdl, k1, b)
        block_scores = (idf[ids] * tfc).astype(np.float32)
        order = np.argsort(ids, kind="stable")  # rows stay ascending within a token
        ids_sorted = ids[order]
        starts = np.searchsorted(ids_sorted, ids_sorted, side="left")
        place = heads[ids_sorted] + (np.arange(len(ids_sorted)) - starts)
        data[place] = block_scores[order]
        indices[place] = rows[order]
        heads += np.bincount(ids, minlength=len(heads))
        row += len(counts)
        if folder is not None:
            data.flush()
            indices.flush()
    if folder is not None:
        data, indices = _outputs(folder, None, "r")
    return {"data": data, "indices": indices, "indptr": indptr, "num_docs": n_docs}


def _outputs(folder: Path | None, nnz: int | None, mode: str = "r+") -> tuple[Any, Any]:
    """The ``data`` and ``indices`` arrays: in memory, or mapped from the folder's files.

    :param nnz: create them with this many entries; ``None``: map the existing files.
    """
    if folder is None:
        return np.zeros(nnz or 0, np.float32), np.zeros(nnz or 0, np.int32)
    if nnz is None:
        return tuple(np.load(folder / FILES[k], mmap_mode=mode) for k in ("data", "indices"))
    folder.mkdir(parents=True, exist_ok=True)
    open_memmap = np.lib.format.open_memmap
    return (
        open_memmap(folder / FILES["data"], "w+", np.float32, (nnz,)),
        open_memmap(folder / FILES["indices"], "w+", np.int32, (nnz,)),
    )
