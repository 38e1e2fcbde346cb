"""What the services (answers, numbers, fit, compare, the reader) need of an index.

They are written against this Protocol, not against
:class:`~kb.knowledge_base.KnowledgeBase` itself, so each can be read (and tested) on its
own and none imports the class that builds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from haystack import Document

if TYPE_CHECKING:
    from ingest import Indicator, Tree
    from kb.dense import DenseIndex
    from kb.documents import DocumentInfo
    from kb.scope import Scope
    from kb.search import Hit, Searcher
    from kb.sparse import SparseIndex

__all__ = ["Index"]


class Index(Protocol):
    """A loaded index with its search (what :class:`KnowledgeBase` offers the services)."""

    chunks: list[Document]
    documents: list[DocumentInfo]
    trees: dict[str, Tree]
    sources: dict[str, str]
    sparse: SparseIndex
    chars: SparseIndex
    dense: DenseIndex

    def searcher(self) -> Searcher: ...

    def search(
        self,
        query: str,
        k: int = 10,
        doc: str | Sequence[str] | None = None,
        section: str | None = None,
        industry: str | None = None,
        mode: str = "hybrid",
        join: bool = True,
    ) -> list[Hit]: ...

    def scope(self, question: str) -> Scope | None: ...

    def document(self, doc: str) -> DocumentInfo: ...

    def chunk(self, chunk_id: str) -> Document: ...

    def opening(self, doc: str, node: str) -> Document | None: ...

    def indicators(self, doc: str | None = None) -> list[Indicator]: ...
