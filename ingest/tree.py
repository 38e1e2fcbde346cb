"""The document tree: nodes with kind, heading, spans and children.

A node's ``id`` is its path from the root (``ch4.s1.ss1.box1.i2``), so it is stable
for the same input and unique even where box numbering restarts (专栏1 appears in
第三章 and 第四章). Spans are offsets into the original text (``SourceText.text``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["HEADING_KINDS", "TEXT_KINDS", "Node", "Tree"]

# Kinds whose node is a heading that holds other nodes.
HEADING_KINDS = (
    "chapter",
    "section",
    "subsection",
    "box",
    "appendix",
    "glossary",
    "table",
    "preamble",
)
# Kinds whose node carries citable text of its own.
TEXT_KINDS = ("paragraph", "item", "subitem", "term", "table_row")


@dataclass
class Node:
    """One unit of a document's structure.

    :param kind: ``document``, ``preamble``, ``chapter``, ``section``, ``subsection``,
        ``box``, ``item``, ``subitem``, ``paragraph``, ``table``, ``table_row``,
        ``appendix``, ``glossary`` or ``term``.
    :param id: path id, unique within the document.
    :param title: the title without its number (``能源产业``), or a paragraph's lead
        phrase (``加强组织领导``); empty when the plan gives none.
    :param number: the number as written (``四``, ``1``, ``11``), empty if none.
    :param heading: the heading as written in the plan (``（一）能源产业``,
        ``2．氢能源``), used in section addresses.
    :param head: original span of the heading text, if the node has one.
    :param body: original span of the node's own citable text, if any.
    :param data: extra structure (a table row's ``cells`` and ``header``).
    """

    kind: str
    id: str
    title: str = ""
    number: str = ""
    heading: str = ""
    head: tuple[int, int] | None = None
    body: tuple[int, int] | None = None
    industry: str | None = None
    data: dict = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        """The extent of the node and all its descendants in the original text."""
        points = [p for s in (self.head, self.body) if s for p in s]
        for child in self.children:
            points.extend(child.span)
        return (min(points), max(points)) if points else (0, 0)

    def walk(self, ancestors: tuple[Node, ...] = ()) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Yield ``(node, ancestors)`` depth-first in document order."""
        yield self, ancestors
        for child in self.children:
            yield from child.walk((*ancestors, self))

    def to_outline(self) -> dict:
        """The node as an outline entry (headings, items, rows, terms; no paragraphs)."""
        entry = {"id": self.id, "title": self.heading or self.title, "kind": self.kind}
        entry["children"] = [
            c.to_outline() for c in self.children if c.kind != "paragraph" or c.title
        ]
        return entry

    def to_dict(self) -> dict:
        """A JSON-ready dict of the whole subtree (for persistence)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "number": self.number,
            "heading": self.heading,
            "head": list(self.head) if self.head else None,
            "body": list(self.body) if self.body else None,
            "industry": self.industry,
            "data": self.data,
            "children": [c.to_dict() for c in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict) -> Node:
        """Rebuild a subtree saved by :meth:`to_dict`."""
        return cls(
            kind=d["kind"],
            id=d["id"],
            title=d["title"],
            number=d["number"],
            heading=d["heading"],
            head=tuple(d["head"]) if d["head"] else None,
            body=tuple(d["body"]) if d["body"] else None,
            industry=d["industry"],
            data=d["data"],
            children=[cls.from_dict(c) for c in d["children"]],
        )


@dataclass
class Tree:
    """A parsed document: its id, title and root node.

    Example::

        tree = parse(read("corpus/liupanshui-14th-fyp-sci-tech.txt"))
        [n.heading for n in tree.find("chapter")][:2]
        # ['第一章 “十三五”科技创新发展回顾', '第二章 “十四五”时期面临的形势分析']
    """

    doc: str
    title: str
    root: Node

    def find(self, kind: str) -> list[Node]:
        """All nodes of one kind, in document order."""
        return [n for n, _ in self.root.walk() if n.kind == kind]

    def get(self, node_id: str) -> Node:
        """The node with this id.

        :raises KeyError: no such node; the message names the id and the document.
        """
        for node, _ in self.root.walk():
            if node.id == node_id:
                return node
        raise KeyError(f"no node {node_id!r} in document {self.doc!r}")

    def to_dict(self) -> dict:
        return {"doc": self.doc, "title": self.title, "root": self.root.to_dict()}

    @classmethod
    def from_dict(cls, d: dict) -> Tree:
        return cls(doc=d["doc"], title=d["title"], root=Node.from_dict(d["root"]))
