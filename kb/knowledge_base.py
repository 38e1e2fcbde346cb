"""A loaded index: documents, trees, chunks and sources, read-only after load.

Example::

    kb = KnowledgeBase.open(Path(".policykb"))
    kb.outline()["documents"][0]["title"]
    [i.name for i in kb.indicators()][:2]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haystack import Document

from ingest import Indicator, Tree, indicators
from kb.errors import IndexCorrupt, UnknownDocument
from kb.store import read_manifest, verify_index

__all__ = ["DocumentInfo", "KnowledgeBase"]


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document's metadata."""

    doc: str
    title: str
    path: str
    encoding: str
    format: str
    sha256: str
    meta: dict


class KnowledgeBase:
    """Everything in an index, loaded once and shared read-only.

    :param index_dir: the folder written by ``policykb ingest``.
    """

    def __init__(
        self,
        index_dir: Path,
        manifest: dict[str, Any],
        documents: list[DocumentInfo],
        trees: dict[str, Tree],
        chunks: list[Document],
        sources: dict[str, str],
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self.documents = documents
        self.trees = trees
        self.chunks = chunks
        self.sources = sources
        self._by_id = {c.id: c for c in chunks}

    @classmethod
    def open(cls, index_dir: str | Path, verify: bool = True) -> KnowledgeBase:
        """Load the index at ``index_dir``.

        :param verify: check every file's checksum against the manifest.
        :raises IndexMissing: no index there.
        :raises IndexCorrupt: a file fails its checksum or cannot be parsed.
        """
        index_dir = Path(index_dir)
        manifest = read_manifest(index_dir)
        if verify:
            verify_index(index_dir, manifest)
        try:
            raw_docs = json.loads((index_dir / "documents.json").read_text(encoding="utf-8"))
            with (index_dir / "chunks.jsonl").open(encoding="utf-8") as fh:
                chunks = [
                    Document(id=r["id"], content=r["content"], meta=r["meta"])
                    for r in map(json.loads, fh)
                ]
            documents = [
                DocumentInfo(**{k: d[k] for k in DocumentInfo.__dataclass_fields__})
                for d in raw_docs
            ]
            trees = {d["doc"]: Tree.from_dict(d["tree"]) for d in raw_docs}
            sources = {
                d.doc: (index_dir / "sources" / f"{d.doc}.txt").read_text(encoding="utf-8")
                for d in documents
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexCorrupt(
                f"the index at {index_dir} cannot be read ({exc}); "
                "re-run `policykb ingest` to rebuild."
            ) from exc
        return cls(index_dir, manifest, documents, trees, chunks, sources)

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
