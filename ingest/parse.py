"""Parse a policy document into a :class:`~ingest.tree.Tree`.

The parser reads the normalised text line by line. Each line is a heading
(第X章 / 第X节 / 一、 / （一） / 专栏N / 附录 / 名词解释 / Markdown ``#``), a numbered
item (1． / １． / 1. / 1、), a sub-item （1）, a table (cells one per line, rows
separated by blank lines), or a paragraph. A stack of open headings places each node:
a new heading closes every open node of the same or a lower rank.

Example::

    tree = parse(read("corpus/liupanshui-14th-fyp-sci-tech.txt"))
    len(tree.find("chapter")), len(tree.find("box"))   # (7, 18)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.lines import (
    GLOSSARY_TITLES,
    PATTERNS,
    classify,
    cn_number,
    continued,
    heads_a_list,
    split_lines,
)
from ingest.normalize import Normalized, normalize
from ingest.read import SourceText
from ingest.table import Line, TableScanner, table_node
from ingest.tree import Node, Tree

__all__ = ["parse"]

#: The longest first sentence read as the title of a heading that runs into its paragraph.
_RUN_IN = 50
_RANK = {"chapter": 1, "appendix": 1, "section": 2, "glossary": 2, "subsection": 3, "box": 4}
_ITEM_RANK = {"item": 5, "term": 5, "subitem": 6}
_SEGMENT = {
    "chapter": "ch",
    "section": "s",
    "subsection": "ss",
    "box": "box",
    "item": "i",
    "subitem": "p",
    "term": "t",
    "appendix": "app",
    "glossary": "gloss",
    "paragraph": "para",
    "table": "table",
    "preamble": "pre",
}
_MD_KIND = {1: "chapter", 2: "section"}
#: A paragraph of numbered points, each with its own lead (… 一是财政资金投入力度加大。… 二是
#: …。三是向上争取支持大幅提升。…): each point is a paragraph of its own (and what comes
#: before the first, another), so a clause is cited under its own point's lead.
_POINT = re.compile(r"(?:^|(?<=[。；]))\s*(([一二三四五六七八九十])是[^。；，,]{2,24}。)")


def _points(text: str) -> list[int]:
    """Where the numbered points of a paragraph start: 一是, 二是, … in order, at least
    two of them; empty when it has none."""
    starts: list[int] = []
    for m in _POINT.finditer(text):
        if cn_number(m.group(2)) == len(starts) + 1:
            starts.append(m.start(1))
    return starts if len(starts) >= 2 else []


def _lead(rest: str, limit: int, colon_limit: int = 0, allow: str = "") -> int:
    """Length of a short lead phrase ending in 。 (or ：) at the start of ``rest``, or 0.

    ``allow`` lets the lead hold some of the marks that otherwise end it: 、 for an item
    titled ``安全生产、防灾减灾``; 、，“” for a heading that runs into its paragraph
    (``（三）转型升级步伐加快、提质增效。注重…``).
    """
    forbidden = "[" + "".join(ch for ch in "，,；;。、“”" if ch not in allow) + "]"
    for stop, lim in (("。", limit), ("：", colon_limit), (":", colon_limit)):
        idx = rest.find(stop)
        if 0 < idx <= lim and not re.search(forbidden, rest[:idx]):
            return idx
    return 0


@dataclass
class _Builder:
    source: SourceText
    norm: Normalized

    def __post_init__(self) -> None:
        self.root = Node(kind="document", id="", title=self.source.title)
        self.stack: list[tuple[int, Node]] = [(0, self.root)]
        self.counters: dict[tuple[str, str], int] = {}
        self.used: set[str] = set()

    # -- ids and spans ---------------------------------------------------------
    def _id(self, parent: Node, kind: str, number: str) -> str:
        seg = _SEGMENT.get(kind, kind)
        if number:
            seg += str(cn_number(number)) if not number.startswith("#") else ""
        if not number or number.startswith("#"):
            key = (parent.id, seg)
            self.counters[key] = self.counters.get(key, 0) + 1
            seg += str(self.counters[key])
        node_id = f"{parent.id}.{seg}" if parent.id else seg
        base, n = node_id, 1
        while node_id in self.used:  # numbering restarts within one parent
            n += 1
            node_id = f"{base}_{n}"
        self.used.add(node_id)
        return node_id

    def _orig(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.original_span(start, end)

    def _text(self, span: tuple[int, int]) -> str:
        return self.source.text[span[0] : span[1]]

    # -- placing nodes ---------------------------------------------------------
    def _container(self) -> Node:
        """The node a paragraph belongs to: the innermost open non-item heading."""
        while self.stack[-1][0] >= 5:
            self.stack.pop()
        top = self.stack[-1][1]
        if top is self.root:
            pre = self.root.children[0] if self.root.children else None
            if pre is None or pre.kind != "preamble":
                pre = Node(kind="preamble", id="pre", heading="前言", data={"synthetic": True})
                self.used.add("pre")
                self.root.children.insert(0, pre)
            return pre
        return top

    def _open(self, rank: int, kind: str, number: str) -> Node:
        while self.stack[-1][0] >= rank:
            self.stack.pop()
        parent = self.stack[-1][1]
        node = Node(kind=kind, id=self._id(parent, kind, number), number=number)
        parent.children.append(node)
        self.stack.append((rank, node))
        return node

    def _in_glossary(self) -> bool:
        return any(node.kind == "glossary" for _, node in self.stack)

    # -- line handlers ---------------------------------------------------------
    def paragraph(self, line: Line) -> None:
        parent = self._container()
        points = _points(line.text)
        cuts = sorted({0, *points, len(line.text)})
        for a, b in itertools.pairwise(cuts):  # 一是…。二是…。: one node each
            text = line.text[a:b].rstrip()
            node = Node(kind="paragraph", id=self._id(parent, "paragraph", ""))
            node.body = self._orig(line.start + a, line.start + a + len(text))
            if a in points:  # a point's lead may run longer and quote a name (“科技银行”)
                lead = _lead(text, limit=24, colon_limit=8, allow="“”")
            else:
                lead = _lead(text, limit=12, colon_limit=8)
            if lead and len(text) > lead + 1:
                node.title = text[:lead]
                node.head = self._orig(line.start + a, line.start + a + lead)
                node.heading = self._text(node.head)
            parent.children.append(node)

    def heading(self, kind: str, number: str, line: Line, prefix: int) -> None:
        rest = line.text[prefix:]
        marker = next((pat for k, pat in PATTERNS if k == kind), None)
        is_toc = (
            marker is not None
            and kind in ("chapter", "section")
            and any(
                marker.match(rest, m.start())
                for m in re.finditer(r"第|[一二三四五六七八九十]、", rest)
            )
        )
        if is_toc or (kind == "appendix" and len(rest) > 30):
            return self.paragraph(line)  # a table-of-contents line, or prose
        if kind == "markdown":
            level = len(number)
            kind, rank, number = _MD_KIND.get(level, "subsection"), min(level, 3), "#"
        elif line.text in GLOSSARY_TITLES:
            kind, rank, number = "glossary", _RANK["glossary"], ""
        elif kind == "part":
            kind, rank = "section", _RANK["section"]
        else:
            rank = _RANK[kind]
        node = self._open(rank, kind, "" if kind in ("appendix", "glossary") else number)
        if "。" not in rest.rstrip("。") and len(rest) <= 40:
            node.title = rest.rstrip("。 ")
            node.head = self._orig(line.start, line.end)
            node.heading = self._text(node.head).replace("\n", "")  # a heading on two lines
            return None
        lead = _lead(rest, limit=30)
        cut = prefix + lead + 1 if lead else prefix
        run_in = 0 if lead else _lead(rest, limit=_RUN_IN, allow="、，,“”")
        if run_in:  # the title is the paragraph's first sentence, which stays in the paragraph
            node.title = rest[:run_in]
            node.head = self._orig(line.start, line.start + prefix + run_in)
        else:
            node.title = rest[:lead] if lead else ""
            node.head = self._orig(line.start, line.start + cut)
        node.heading = self._text(node.head).rstrip("。")
        body = Line(
            line.text[cut:].lstrip(" "), line.end - len(line.text[cut:].lstrip(" ")), line.end
        )
        if body.text:
            self.paragraph(body)
        return None

    def item(self, kind: str, number: str, line: Line, prefix: int) -> None:
        if kind == "item" and self._in_glossary():
            kind = "term"
        node = self._open(_ITEM_RANK[kind], kind, number)
        rest = line.text[prefix:]
        if kind == "term":
            idx = re.search(r"[：:]", rest)
            lead = idx.start() if idx and idx.start() <= 30 else 0
        else:
            lead = _lead(rest, limit=16, colon_limit=16, allow="、")
        node.title = rest[:lead] if lead else ""
        title_end = line.start + prefix + lead
        node.head = self._orig(line.start, title_end if lead else line.start + prefix)
        node.heading = self._text(node.head).rstrip(" ")
        own = rest[lead + 1 :] if lead else rest
        if own.strip(" 。"):
            node.body = self._orig(line.start, line.end)
        elif lead:  # a title-only item such as “3．煤炭加工。”
            node.head = self._orig(line.start, line.end)

    def table(self, blocks: list[list[Line]]) -> None:
        parent = self._container()
        node = table_node(blocks, parent, self._id(parent, "table", ""), self._orig, self._text)
        parent.children.append(node)


def _assign_industry(node: Node, current: str | None = None) -> None:
    boxes = [c for c in node.children if c.kind == "box" and c.title.endswith("攻关")]
    if node.kind == "subsection" and (boxes or node.title.endswith("产业")):
        current = node.title
    elif node.kind == "box" and current is None and node.title.endswith("技术攻关"):
        current = node.title.removesuffix("技术攻关")
    node.industry = current
    for child in node.children:
        _assign_industry(child, current)


def parse(source: SourceText) -> Tree:
    """Parse a document's text into its structure tree.

    :param source: the document as read by :func:`ingest.read`.
    :returns: the tree; every node's spans index ``source.text``.
    """
    norm = normalize(source.text)
    builder = _Builder(source, norm)
    lines = split_lines(norm.text)
    tables = TableScanner(lines, is_structural=lambda t: classify(t) is not None)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text:
            i += 1
            continue
        found = tables.at(i)
        if found:
            end, blocks = found
            builder.table(blocks)
            i = end
            continue
        kind = classify(line.text)
        if kind is not None and kind[0] in _RANK and continued(line.text[kind[2] :], lines, i):
            following = lines[i + 1]  # 三、持续提升政府 / 治理效能和服务水平: one heading
            line = Line(line.text + following.text, line.start, following.end)
            i += 1
        if kind is None and heads_a_list(line.text, lines, i):
            kind = ("part", "", 0)
        if kind is None:
            builder.paragraph(line)
        elif kind[0] in ("item", "subitem"):
            builder.item(kind[0], kind[1], line, kind[2])
        else:
            builder.heading(kind[0], kind[1], line, kind[2])
        i += 1
    _assign_industry(builder.root)
    return Tree(doc=source.doc, title=source.title, root=builder.root)
