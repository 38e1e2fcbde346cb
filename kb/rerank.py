"""Re-scoring after fusion: document evidence and a prior by kind of chunk.

Both are Haystack components that take fused candidates and return them re-scored and
re-sorted; neither keeps per-query state.

Example::

    KindPrior(item=1.1, table_row=0.8).run(documents, top_k=10)["documents"]
"""

from __future__ import annotations

import re
from typing import Any

from haystack import Document, component

from ingest.lines import CHINESE_DIGITS
from kb.shared_document import rescored

__all__ = ["DocumentEvidence", "KindPrior"]


@component
class DocumentEvidence:
    """Re-scores fused chunks by the evidence their whole document gives for the query.

    ``score × (1 + weight × E(doc) / max E)``, where ``E(doc)`` is the sum of the
    document's ``top`` best fused scores among the candidates. With one document the
    factor is the same for every chunk and the order does not change.
    """

    def __init__(self, weight: float, top: int = 5) -> None:
        self.weight = weight
        self.top = top

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document], top_k: int = 10) -> dict[str, Any]:
        per_doc: dict[str, list[float]] = {}
        for d in documents:
            per_doc.setdefault(d.meta["doc"], []).append(d.score or 0.0)
        evidence = {doc: sum(sorted(v, reverse=True)[: self.top]) for doc, v in per_doc.items()}
        best = max(evidence.values(), default=0.0) or 1.0
        out = [
            rescored(d, (d.score or 0.0) * (1 + self.weight * evidence[d.meta["doc"]] / best))
            for d in documents
        ]
        out.sort(key=lambda d: -(d.score or 0.0))
        return {"documents": out[:top_k]}


#: A chapter or section marker; a chunk holding three or more is a table of contents.
_MARKER = re.compile(rf"第[{CHINESE_DIGITS}\d]+[章节]")


def _plain(text: str) -> str:
    """Text without spaces and punctuation, to compare a chunk with a title."""
    return re.sub(r"[\W_]+", "", text)


@component
class KindPrior:
    """Multiplies a chunk's score by a factor for its kind, then re-sorts.

    Measured on the development and held-out query sets (see README): a list item is the
    plan's own concrete wording and beats the summary paragraph above its box when both
    match; a bare table row needs its header to be read, so the sentence that states the
    same figure in words comes first when the two are close. Kinds not named keep 1.0.

    :param item: factor for ``item`` and ``subitem`` chunks.
    :param table_row: factor for ``table_row`` chunks.
    :param title: factor for a chunk whose whole text is part of its document's title
        (国务院关于印发“十三五”生态环境保护规划的通知 above the plan it sends), and for
        a table of contents (第一章 … 第一节 … 第二节 …).
    """

    def __init__(self, item: float = 1.1, table_row: float = 0.8, title: float = 0.5) -> None:
        self.factors = {"item": item, "subitem": item, "table_row": table_row}
        self.title = title
        self._navigation: dict[str, bool] = {}  # chunk id -> title or contents, found once

    def _is_title_or_contents(self, doc: Document) -> bool:
        """Is the chunk only its document's title, or a table of contents (a list of
        chapter and section headings: where things are, not what they say)?"""
        if doc.id not in self._navigation:  # chunks are fixed: decided once per chunk
            text = _plain(doc.content or "")
            title = bool(text) and text in _plain(doc.meta.get("doc_title") or "")
            self._navigation[doc.id] = title or len(_MARKER.findall(text)) >= 3
        return self._navigation[doc.id]

    def _factor(self, doc: Document) -> float:
        if self._is_title_or_contents(doc):
            return self.title
        return self.factors.get(doc.meta.get("kind"), 1.0)

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document], top_k: int = 10) -> dict[str, Any]:
        out = [rescored(d, (d.score or 0.0) * self._factor(d)) for d in documents]
        out.sort(key=lambda d: -(d.score or 0.0))
        return {"documents": out[:top_k]}
