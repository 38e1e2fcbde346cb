"""What a reader view needs: an outline whose entries open a chunk, and the window of
text around a cited chunk (its chapter), with the chunk's span to highlight.

Example::

    for depth, title, chunk_id in outline_entries(kb, doc):
        ...
    window = reading_window(kb, chunk_id)     # ReadingWindow(doc, start, end, mark)
    for entry in outline(kb, doc):            # OutlineEntry(depth, heading, node, chunk)
        ...
    window = heading_window(kb, doc, entry.node)   # its chapter, its heading marked
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest import Node
from kb.protocols import Index

__all__ = [
    "OutlineEntry",
    "ReadingWindow",
    "TableView",
    "heading_window",
    "outline",
    "outline_entries",
    "reading_window",
    "tables_in",
]

_OUTLINE_KINDS = (
    "preamble",
    "chapter",
    "section",
    "subsection",
    "box",
    "item",
    "appendix",
    "glossary",
)


@dataclass(frozen=True)
class ReadingWindow:
    """Text to show (``start``–``end`` of the document) and the span to mark in it."""

    doc: str
    start: int
    end: int
    mark: tuple[int, int] | None
    heading: str


@dataclass(frozen=True)
class OutlineEntry:
    """A heading of the outline: its depth, text, node id and the chunk that opens it."""

    depth: int
    heading: str
    node: str
    chunk: str


def outline(kb: Index, doc: str) -> list[OutlineEntry]:
    """The headings and items of a document, in reading order, with their node ids.

    :raises UnknownDocument: ``doc`` is not indexed.
    """
    kb.document(doc)
    entries = []

    def walk(node: Node, depth: int) -> None:
        for child in node.children:
            opens = kb.opening(doc, child.id) if child.kind in _OUTLINE_KINDS else None
            if opens is not None:  # a heading with no chunk in or under it is not shown
                heading = child.heading or child.title or child.kind
                entries.append(OutlineEntry(depth, heading, child.id, opens.id))
                walk(child, depth + 1)

    walk(kb.trees[doc].root, 0)
    return entries


def outline_entries(kb: Index, doc: str) -> list[tuple[int, str, str]]:
    """``(depth, heading, chunk id to open)`` for the headings and items of a document.

    :raises UnknownDocument: ``doc`` is not indexed.
    """
    return [(e.depth, e.heading, e.chunk) for e in outline(kb, doc)]


def heading_window(kb: Index, doc: str, node_id: str) -> ReadingWindow:
    """The chapter holding node ``node_id``, with the node's heading as the span to mark
    (``None`` for a node without a heading of its own, such as a preamble).

    :raises KeyError: no such node in ``doc``.
    :raises UnknownDocument: an unknown document.
    """
    kb.document(doc)
    root = kb.trees[doc].root
    found = next((n for n, _ in root.walk() if n.id == node_id and n is not root), None)
    if found is None:
        raise KeyError(f"no node {node_id!r} in document {doc!r}")
    top = node_id.split(".")[0]
    chapter = next(c for c in root.children if c.id == top)
    start, end = chapter.span
    return ReadingWindow(doc, start, end, found.head, chapter.heading or chapter.title)


def reading_window(kb: Index, chunk_id: str | None, doc: str | None = None) -> ReadingWindow:
    """The chapter holding ``chunk_id`` (or the document's first chapter), span marked.

    :raises KeyError: an unknown chunk id.
    :raises UnknownDocument: an unknown document.
    """
    if chunk_id:
        chunk = kb.chunk(chunk_id)
        doc, mark = chunk.meta["doc"], (chunk.meta["start"], chunk.meta["end"])
        top = chunk.meta["node"].split(".")[0]
    else:
        doc = doc or kb.documents[0].doc
        kb.document(doc)
        mark, top = None, None
    root = kb.trees[doc].root
    node = next((c for c in root.children if c.id == top), None) or (
        root.children[0] if root.children else root
    )
    start, end = node.span
    return ReadingWindow(doc, start, end, mark, node.heading or node.title)


@dataclass(frozen=True)
class TableView:
    """A table inside a reading window, to show as a table rather than as its source's
    lines (a plan's .txt writes each cell on a line of its own).

    :param start: where the table starts in the document (its header line).
    :param end: where its last row ends.
    :param rows: each row's span in the document and its cells.
    """

    start: int
    end: int
    header: list[str]
    rows: list[tuple[int, int, list[str]]]


def tables_in(kb: Index, window: ReadingWindow) -> list[TableView]:
    """The tables wholly inside ``window``, in document order."""
    found = []
    for node, _ in kb.trees[window.doc].root.walk():
        start, end = node.span
        if node.kind != "table" or start < window.start or end > window.end:
            continue
        rows = [(*r.span, list(r.data.get("cells", []))) for r in node.children]
        found.append(TableView(start, end, list(node.data.get("header", [])), rows))
    return found
