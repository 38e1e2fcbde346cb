"""Tables laid out one cell per line, and the plan's targets (indicators) table.

Plans exported to text (and .docx tables as :mod:`ingest.read` lays them out) put
each cell on its own line and separate rows with a blank line::

    指标名称 / 2020年完成值 / 2025年目标值        (header block)
    高新技术企业（家） / 54 / 180                 (one block per row)

A table is two or more such blocks of the same size (≥ 2 cells), every cell short and
without sentence punctuation, the first block being the header.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.tree import Node, Tree

__all__ = ["Indicator", "Line", "TableScanner", "indicators", "table_node"]

_MAX_CELL = 40
_MAX_COLUMNS = 12  # a longer run of short lines is a list, not a table row


@dataclass(frozen=True)
class Line:
    """A stripped line of normalised text and its normalised ``[start, end)``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Indicator:
    """One row of a targets table: 2020 value and 2025 target.

    :param name: the indicator without its unit (``高新技术企业``).
    :param unit: the unit from the name's brackets (``家``, ``%``, ``人/万人``).
    :param row_id: the table row's chunk id, to cite it.
    """

    name: str
    unit: str
    value_2020: float | int
    target_2025: float | int
    section: tuple[str, ...]
    row_id: str
    doc: str

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "unit": self.unit,
            "value_2020": self.value_2020,
            "target_2025": self.target_2025,
            "section": list(self.section),
            "id": self.row_id,
            "doc": self.doc,
        }


def _is_cell(text: str, is_structural: Callable[[str], bool]) -> bool:
    return (
        0 < len(text) <= _MAX_CELL and not re.search(r"[。；;]", text) and not is_structural(text)
    )


class TableScanner:
    """Finds tables (see module doc) in one document's lines, in linear time overall.

    Each line is classified once; for each line, where the run of cell lines starting
    there ends and where the next non-blank line is are precomputed, so asking
    :meth:`at` for every line costs O(1) per line plus the lines of the tables found.

    :param lines: all lines of the document.
    :param is_structural: tells a heading or item line, which is never a cell.
    """

    def __init__(self, lines: list[Line], is_structural: Callable[[str], bool]) -> None:
        self.lines = lines
        n = len(lines)
        self.run_end = [n] * (n + 1)  # first index >= j that is not a cell line
        self.next_text = [n] * (n + 1)  # first index >= j whose line is not blank
        for j in range(n - 1, -1, -1):
            cell = bool(lines[j].text) and _is_cell(lines[j].text, is_structural)
            self.run_end[j] = self.run_end[j + 1] if cell else j
            self.next_text[j] = j if lines[j].text else self.next_text[j + 1]

    def at(self, i: int) -> tuple[int, list[list[Line]]] | None:
        """The table starting at line ``i``: ``(index after it, blocks of cell lines)``,
        or ``None``. Rows have 2 to ``_MAX_COLUMNS`` cells, all rows as many as the header.
        """
        n = len(self.lines)
        blocks: list[tuple[int, int]] = []
        j = i
        while j < n:
            end = self.run_end[j]
            size = end - j
            ended_on_text = end < n and bool(self.lines[end].text)
            width = blocks[0][1] - blocks[0][0] if blocks else size
            if not 2 <= size <= _MAX_COLUMNS or size != width or ended_on_text:
                break
            blocks.append((j, end))
            j = self.next_text[end]
        if len(blocks) < 2:
            return None
        return blocks[-1][1], [self.lines[s:e] for s, e in blocks]


def table_node(
    blocks: list[list[Line]],
    parent: Node,
    node_id: str,
    orig: Callable[[int, int], tuple[int, int]],
    text: Callable[[tuple[int, int]], str],
) -> Node:
    """A ``table`` node whose children are ``table_row`` nodes with their cells."""
    header = [text(orig(c.start, c.end)) for c in blocks[0]]
    node = Node(
        kind="table",
        id=node_id,
        title=" | ".join(header),
        heading=" | ".join(header),
        head=orig(blocks[0][0].start, blocks[0][-1].end),
        data={"header": header},
    )
    for n, block in enumerate(blocks[1:], start=1):
        cells = [text(orig(c.start, c.end)) for c in block]
        node.children.append(
            Node(
                kind="table_row",
                id=f"{node_id}.r{n}",
                title=cells[0],
                heading=cells[0],
                body=orig(block[0].start, block[-1].end),
                data={"cells": cells, "header": header},
            )
        )
    return node


def _number(cell: str) -> float | int | None:
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*", cell)
    if not m:
        return None
    value = float(m.group(1))
    return int(value) if value.is_integer() and "." not in m.group(1) else value


def _year_column(header: list[str], year: str) -> int | None:
    return next((k for k, h in enumerate(header) if year in h), None)


def indicators(tree: Tree) -> list[Indicator]:
    """The rows of every table whose header has a 2020 and a 2025 column.

    :param tree: a parsed document.
    :returns: indicators in table order; rows whose values are not numbers are skipped.
    """
    found = []
    for node, ancestors in tree.root.walk():
        if node.kind != "table":
            continue
        header = node.data["header"]
        c2020, c2025 = _year_column(header, "2020"), _year_column(header, "2025")
        if c2020 is None or c2025 is None:
            continue
        section = tuple(a.heading for a in ancestors if a.heading)
        for row in node.children:
            cells = row.data["cells"]
            v2020, v2025 = _number(cells[c2020]), _number(cells[c2025])
            if v2020 is None or v2025 is None:
                continue
            m = re.fullmatch(r"(.+?)[（(]([^（）()]+)[）)]", cells[0])
            name, unit = (m.group(1), m.group(2)) if m else (cells[0], "")
            found.append(
                Indicator(name, unit, v2020, v2025, section, f"{tree.doc}:{row.id}", tree.doc)
            )
    return found
