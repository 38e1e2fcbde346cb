"""Chunks stored by column and memory-mapped: a chunk becomes a ``Document`` when read.

Loading a million chunks from JSON lines took 23 s and several GB: every chunk was
parsed and held as a Haystack document, though a query reads a few hundred. Here each
field is a UTF-8 blob with an ``int64`` offset per chunk (``ids``, ``content``, and
``meta`` as one JSON object per chunk), and the document id of every row is an
``int32`` code into ``docs.json`` (what row filters read for all rows at once). Opening
maps the files; a row's meta is decoded when that row is read. Arrays are ``.npy``
written with ``allow_pickle=False``; blobs are raw bytes.

Example::

    write_chunks(Path("/tmp/chunks"), chunks)          # any iterable, streamed
    store = ChunkStore(Path("/tmp/chunks"))
    len(store), store[0].meta["doc"], store.doc_codes[:3]
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

import numpy as np
from haystack import Document

from kb.shared_document import SharedDocument

__all__ = ["FIELDS", "ChunkStore", "ChunkStoreMissing", "write_chunks"]

FIELDS = ("ids", "content", "meta")


class ChunkStoreMissing(FileNotFoundError):
    """A chunk store's file is not there."""


def _files(field: str) -> tuple[str, str]:
    return f"{field}.bin", f"{field}.offsets.npy"


def write_chunks(folder: Path, chunks: Iterable[Document]) -> list[str]:
    """Write chunks as columns, one chunk at a time (nothing but offsets is kept).

    :param folder: created if needed.
    :param chunks: in row order; each needs ``meta["doc"]``.
    :returns: the file names written (relative to ``folder``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    blobs = {f: (folder / _files(f)[0]).open("wb") for f in FIELDS}
    offsets: dict[str, list[int]] = {f: [0] for f in FIELDS}
    codes: dict[str, int] = {}
    rows: list[int] = []
    try:
        for chunk in chunks:
            values = {
                "ids": chunk.id,
                "content": chunk.content or "",
                "meta": json.dumps(chunk.meta, ensure_ascii=False),
            }
            for f, value in values.items():
                data = value.encode("utf-8")
                blobs[f].write(data)
                offsets[f].append(offsets[f][-1] + len(data))
            rows.append(codes.setdefault(chunk.meta["doc"], len(codes)))
    finally:
        for fh in blobs.values():
            fh.close()
    for f in FIELDS:
        np.save(folder / _files(f)[1], np.array(offsets[f], np.int64), allow_pickle=False)
    np.save(folder / "doc_codes.npy", np.array(rows, np.int32), allow_pickle=False)
    (folder / "docs.json").write_text(json.dumps(list(codes), ensure_ascii=False), "utf-8")
    return [*(name for f in FIELDS for name in _files(f)), "doc_codes.npy", "docs.json"]


class ChunkStore(Sequence[Document]):
    """A read-only sequence of chunks over the files :func:`write_chunks` wrote.

    ``store[i]`` builds the ``i``-th chunk (a :class:`~kb.shared_document.SharedDocument`)
    from its bytes; a slice gives a list; iteration reads rows in order. Nothing is
    parsed at opening but ``docs.json``.

    :param folder: the store's folder.
    :param keep: keep each chunk once built (the same object on every read), for
        callers that read every row again and again; a row is built at most once per
        thread race, never wrongly (chunks are equal and never mutated).
    :raises ChunkStoreMissing: a file is missing (the message names it).
    """

    def __init__(self, folder: Path, keep: bool = False) -> None:
        self.folder = folder
        try:
            self._blobs = {f: self._map(folder / _files(f)[0]) for f in FIELDS}
            self._offsets = {  # plain views of the mappings: no np.memmap per-item overhead
                f: np.asarray(np.load(folder / _files(f)[1], mmap_mode="r", allow_pickle=False))
                for f in FIELDS
            }
            codes = np.load(folder / "doc_codes.npy", mmap_mode="r", allow_pickle=False)
            names = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ChunkStoreMissing(
                f"chunk store file {exc.filename} is missing; re-run `policykb ingest`."
            ) from exc
        self.doc_codes: np.ndarray = codes
        self.doc_names: list[str] = names
        self._size = len(self._offsets["ids"]) - 1
        self._kept: list[Document | None] | None = [None] * self._size if keep else None

    @staticmethod
    def _map(path: Path) -> mmap.mmap | bytes:
        with path.open("rb") as fh:  # raises FileNotFoundError naming the file
            if path.stat().st_size == 0:  # mmap refuses empty files
                return b""
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def __len__(self) -> int:
        return self._size

    def _text(self, field: str, row: int) -> str:
        offsets = self._offsets[field]
        start, end = int(offsets[row]), int(offsets[row + 1])
        return self._blobs[field][start:end].decode("utf-8")

    def _row(self, row: int) -> Document:
        if self._kept is None:
            return self._build(row)
        doc = self._kept[row]
        if doc is None:
            doc = self._kept[row] = self._build(row)
        return doc

    def _build(self, row: int) -> Document:
        return SharedDocument(
            id=self._text("ids", row),
            content=self._text("content", row),
            meta=json.loads(self._text("meta", row)),
        )

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(self._size))]
        row = int(index)
        if row < 0:
            row += self._size
        if not 0 <= row < self._size:
            raise IndexError(f"chunk row {index} is outside 0..{self._size - 1}")
        return self._row(row)

    def __iter__(self) -> Iterator[Document]:
        return (self._row(i) for i in range(self._size))

    def ids(self) -> list[str]:
        """Every chunk's id, in row order (decoded without building documents)."""
        return [self._text("ids", i) for i in range(self._size)]

    def rows_of(self, docs: Iterable[str]) -> np.ndarray:
        """A boolean mask of the rows of these documents, from the codes alone.

        :param docs: document ids; unknown ones match no row.
        :returns: ``(len(self),)`` booleans.
        """
        asked = set(docs)
        wanted = [i for i, name in enumerate(self.doc_names) if name in asked]
        return np.isin(self.doc_codes, np.array(wanted, np.int32))
