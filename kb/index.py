"""An index's files read into memory, and how the documents on disk differ from them.

Loading is one consistent generation (see :mod:`kb.store`): a build running meanwhile
never shows half of itself; if it retires the generation being read, the new one is
read instead. :class:`~kb.knowledge_base.KnowledgeBase` builds its services on top.

Example::

    index = load_index(Path(".policykb"))
    len(index.chunks), index.generation
    changes(index.documents, Path("corpus"))     # [] when the corpus is in step
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from haystack import Document

from ingest import Indicator, Tree, indicators
from kb.chunk_store import ChunkStore
from kb.dense import DenseIndex
from kb.documents import DocumentInfo
from kb.errors import IndexCorrupt, IndexStale, UnknownDocument
from kb.settings import QdrantPlace
from kb.shared_document import SharedDocument
from kb.sparse import SparseIndex
from kb.store import FORMAT_VERSION, MANIFEST, file_sha256, open_generation
from kb.stores import open_indexes

__all__ = ["LoadedIndex", "changes", "load_index", "read_manifest", "verify_index"]


@dataclass(frozen=True)
class LoadedIndex:
    """Everything one generation of an index holds.

    :param index_dir: the index folder; ``generation`` the name of the one read.
    :param chunks: every chunk, in row order (the row numbers of ``sparse``,
        ``chars`` and ``dense``): a :class:`~kb.chunk_store.ChunkStore`, or a list
        for an index written before it.
    :param sources: each document's decoded text (every offset indexes it).
    :param terms: the domain terms jieba was given at build time.
    """

    index_dir: Path
    manifest: dict[str, Any]
    documents: list[DocumentInfo]
    trees: dict[str, Tree]
    chunks: Sequence[Document]
    sources: dict[str, str]
    sparse: SparseIndex
    chars: SparseIndex
    dense: DenseIndex
    terms: list[str]
    generation: str = ""

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        return {c.id: c for c in self.chunks}

    @cached_property
    def _openings(self) -> dict[tuple[str, str], str]:
        """(doc, node id) → the id of the first chunk in or under the node, built on first
        use in one pass (a heading with no text of its own opens at its first descendant's
        chunk)."""
        first: dict[tuple[str, str], str] = {}
        for chunk in self.chunks:
            parts = chunk.meta["node"].split(".")
            for i in range(1, len(parts) + 1):
                first.setdefault((chunk.meta["doc"], ".".join(parts[:i])), chunk.id)
        return first

    def opening(self, doc: str, node: str) -> Document | None:
        """The first chunk in or under a node of ``doc`` (``None`` for a node with none)."""
        found = self._openings.get((doc, node))
        return self._by_id[found] if found is not None else None

    @property
    def embedder_name(self) -> str:
        return self.manifest.get("embedder", {}).get("name", "")

    def check_embedder(self, name: str) -> None:
        """Refuse to query with another embedder than the index was built with.

        :raises IndexStale: the names differ; the message says how to rebuild.
        """
        if name and name != self.embedder_name:
            raise IndexStale(
                f"the index at {self.index_dir} was built with embedder "
                f"{self.embedder_name!r}, not {name!r}; run `policykb ingest --embedder "
                f"{name}` to rebuild it (unchanged chunks keep no vectors across embedders)."
            )

    def document(self, doc: str) -> DocumentInfo:
        """Metadata of one document.

        :raises UnknownDocument: ``doc`` is not indexed; the message lists those that are.
        """
        for info in self.documents:
            if info.doc == doc:
                return info
        known = ", ".join(d.doc for d in self.documents)
        raise UnknownDocument(f"no document {doc!r} in the index; known: {known}.")

    def chunk(self, chunk_id: str) -> Document:
        """The chunk with this id.

        :raises KeyError: no such chunk.
        """
        try:
            return self._by_id[chunk_id]
        except KeyError:
            raise KeyError(f"no chunk {chunk_id!r} in the index") from None

    def outline(self, doc: str | None = None) -> dict[str, Any]:
        """The documents' trees as ``{"documents": [{"doc", "title", "nodes"}]}``.

        :raises UnknownDocument: ``doc`` is given and not indexed.
        """
        docs = [self.document(doc)] if doc else self.documents
        return {
            "documents": [
                {
                    "doc": d.doc,
                    "title": d.title,
                    "nodes": [n.to_outline() for n in self.trees[d.doc].root.children],
                }
                for d in docs
            ]
        }

    def indicators(self, doc: str | None = None) -> list[Indicator]:
        """Rows of every targets table (2020 value vs 2025 target).

        :raises UnknownDocument: ``doc`` is given and not indexed.
        """
        docs = [self.document(doc)] if doc else self.documents
        return [row for d in docs for row in indicators(self.trees[d.doc])]


def load_index(
    index_dir: Path, verify: bool = True, place: QdrantPlace | None = None
) -> LoadedIndex:
    """Read the index at ``index_dir`` whole.

    :param verify: check every file's checksum against the manifest.
    :param place: where a Qdrant index's collection is, when the settings say.
    :raises IndexMissing: no index there.
    :raises IndexCorrupt: a file fails its checksum, is missing or cannot be parsed.
    """
    return open_generation(index_dir, lambda gen: _read(index_dir, gen, verify, place))


def _read(
    index_dir: Path, generation: Path, verify: bool, place: QdrantPlace | None
) -> LoadedIndex:
    manifest = read_manifest(generation)
    if verify:
        verify_index(generation, manifest)
    try:
        raw_docs = json.loads((generation / "documents.json").read_text(encoding="utf-8"))
        chunks = _chunks(generation)
        documents = [
            DocumentInfo(**{k: d[k] for k in DocumentInfo.__dataclass_fields__ if k in d})
            for d in raw_docs
        ]
        trees = {d["doc"]: Tree.from_dict(d["tree"]) for d in raw_docs}
        sources = {
            d.doc: (generation / "sources" / f"{d.doc}.txt").read_text(encoding="utf-8")
            for d in documents
        }
        sparse, chars, dense = open_indexes(generation, manifest, chunks, index_dir, place)
        terms = (generation / "terms.txt").read_text(encoding="utf-8").split("\n")
    except FileNotFoundError as exc:
        raise IndexCorrupt(
            f"index file {exc.filename} is missing; re-run `policykb ingest` to rebuild."
        ) from exc
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(
            f"the index at {index_dir} cannot be read ({exc}); re-run `policykb ingest` to rebuild."
        ) from exc
    if not sparse.size == chars.size == len(dense.vectors) == len(chunks):
        raise IndexCorrupt(
            f"the index at {index_dir} has {len(chunks)} chunks but "
            f"{sparse.size} BM25 rows and {len(dense.vectors)} vectors; "
            "re-run `policykb ingest` to rebuild."
        )
    return LoadedIndex(
        index_dir, manifest, documents, trees, chunks, sources, sparse, chars, dense, terms,
        generation.name,
    )  # fmt: skip


def _chunks(generation: Path) -> Sequence[Document]:
    """The chunks of a generation: its column store, or an older index's JSON lines.

    The store is read row by row as chunks are asked for (each kept once built); an
    index written before the store (``chunks.jsonl``) is still read whole.
    """
    if (generation / "chunks").is_dir():
        return ChunkStore(generation / "chunks", keep=True)
    with (generation / "chunks.jsonl").open(encoding="utf-8") as fh:
        return [
            SharedDocument(id=r["id"], content=r["content"], meta=r["meta"])
            for r in map(json.loads, fh)
        ]


def changes(documents: list[DocumentInfo], corpus_dir: Path | None = None) -> list[str]:
    """How the documents on disk differ from the index (empty when in step).

    Never raises: this is advice beside a search, and an intact index answers whatever
    happened to the corpus folder since (a file gone or unreadable, a link out of the
    folder) — each such thing is one more note.

    :param corpus_dir: also report supported files there that are not indexed.
    """
    notes = []
    for doc in documents:
        path = Path(doc.path)
        try:
            if not path.is_file():
                notes.append(f"{doc.path}: indexed but no longer on disk")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256:
                notes.append(f"{doc.path}: changed since the index was built")
        except OSError as exc:
            notes.append(f"{doc.path}: cannot be read ({exc.strerror})")
    if corpus_dir is not None and Path(corpus_dir).is_dir():
        from ingest import IngestError, discover

        known = {Path(d.path).resolve() for d in documents}
        try:
            found = discover([corpus_dir])
        except (IngestError, OSError) as exc:
            return [*notes, f"{corpus_dir}: {exc}"]
        new = [p for p in found if p.resolve() not in known]
        notes += [f"{p}: in the corpus but not indexed" for p in new]
    return notes


def read_manifest(generation: Path) -> dict[str, Any]:
    """The manifest of one generation (see :func:`current_generation`).

    :raises IndexCorrupt: missing, not JSON, or another format version.
    """
    path = Path(generation) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IndexCorrupt(f"{path} is missing; re-run `policykb ingest` to rebuild.") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise IndexCorrupt(
            f"{path} is not valid JSON ({exc}); re-run `policykb ingest` to rebuild."
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        found = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexCorrupt(
            f"{path}: index format {found!r}, this PolicyKB reads format "
            f"{FORMAT_VERSION}; re-run `policykb ingest` to rebuild."
        )
    return manifest


def verify_index(generation: Path, manifest: dict[str, Any]) -> None:
    """Check every file of a generation against the manifest's checksums.

    :raises IndexCorrupt: a file is missing or its bytes changed.
    """
    for name, digest in manifest.get("files", {}).items():
        path = Path(generation) / name
        if not path.is_file():
            raise IndexCorrupt(
                f"index file {path} is missing; re-run `policykb ingest` to rebuild."
            )
        if file_sha256(path) != digest:
            raise IndexCorrupt(
                f"index file {path} fails its checksum (truncated or altered); "
                "re-run `policykb ingest` to rebuild."
            )
