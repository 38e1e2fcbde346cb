"""Cut a parsed document into citable chunks (Haystack ``Document`` objects).

One chunk per item, sub-item, paragraph, table row and glossary term. A long text is
split at sentence ends (。！？) and, inside an over-long sentence, at clause ends (；),
then packed greedily so that each chunk is a few sentences and never ends
mid-sentence. Whatever the punctuation, no chunk is longer than ``hard_max_chars``: a
run-on clause past it is cut at ，、 and, failing those, at that length (a 40 MB file
without a full stop still becomes many small chunks, not one). Every chunk's
``meta["start"]``/``meta["end"]`` slice the original text to exactly its ``content``.

Example::

    docs = chunk(tree, source)
    d = docs[0]
    source.text[d.meta["start"]:d.meta["end"]] == d.content   # True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from haystack import Document

from ingest.read import SourceText
from ingest.tree import Node, Tree

__all__ = ["ChunkOptions", "chunk", "section_of", "split_spans", "trim_span"]

_SENTENCE = re.compile(r"[。！？!?]+[”’」』）)]*")
_CLAUSE = re.compile(r"[；;]+[”’」』）)]*")
_PHRASE = re.compile(r"[，,、]+[”’」』）)]*")


@dataclass(frozen=True)
class ChunkOptions:
    """How long a chunk may grow.

    :param max_chars: a chunk is packed from whole sentences up to this length (a
        single sentence longer than this is split at ；).
    :param min_chars: a trailing piece shorter than this joins the previous chunk.
    :param hard_max_chars: no chunk is longer: a longer clause is cut at ，、 and, where
        there are none, at this length.
    """

    max_chars: int = 160
    min_chars: int = 40
    hard_max_chars: int = 480

    def __post_init__(self) -> None:
        if (
            self.max_chars < 20
            or not 0 <= self.min_chars < self.max_chars
            or self.hard_max_chars < self.max_chars
        ):
            raise ValueError(
                f"ChunkOptions(max_chars={self.max_chars}, min_chars={self.min_chars}, "
                f"hard_max_chars={self.hard_max_chars}): need max_chars >= 20, "
                "0 <= min_chars < max_chars and hard_max_chars >= max_chars."
            )


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in pattern.finditer(text, start, end):
        spans.append((pos, m.end()))
        pos = m.end()
    if text[pos:end].strip():
        spans.append((pos, end))
    elif spans:
        spans[-1] = (spans[-1][0], end)
    return spans or [(start, end)]


def _units(text: str, start: int, end: int, options: ChunkOptions) -> list[tuple[int, int]]:
    """Sentences; over-long ones cut at ；, then past the hard bound at ，、, then by length."""
    units: list[tuple[int, int]] = []
    hard = options.hard_max_chars
    for s, e in _cut(text, start, end, _SENTENCE):
        for cs, ce in _cut(text, s, e, _CLAUSE) if e - s > options.max_chars else [(s, e)]:
            for ps, pe in _cut(text, cs, ce, _PHRASE) if ce - cs > hard else [(cs, ce)]:
                units.extend((i, min(i + hard, pe)) for i in range(ps, pe, hard))
    return units


def split_spans(text: str, start: int, end: int, options: ChunkOptions) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into chunk spans at sentence, then clause, boundaries.

    :returns: contiguous spans covering ``[start, end)`` exactly, none longer than
        ``options.hard_max_chars``.
    """
    if end - start <= options.max_chars:
        return [(start, end)]
    packed: list[tuple[int, int]] = []
    for s, e in _units(text, start, end, options):
        if packed and e - packed[-1][0] <= options.max_chars:
            packed[-1] = (packed[-1][0], e)
        else:
            packed.append((s, e))
    short = len(packed) > 1 and packed[-1][1] - packed[-1][0] < options.min_chars
    if short and packed[-1][1] - packed[-2][0] <= options.hard_max_chars:
        last = packed.pop()
        packed[-1] = (packed[-1][0], last[1])
    return packed


def section_of(node: Node, ancestors: tuple[Node, ...]) -> list[str]:
    """The address of a node: headings from the chapter down to the node itself."""
    return [n.heading for n in (*ancestors, node) if n.heading and n.kind != "table"]


def trim_span(
    text: str, s: int, e: int, lead: str = " \t\u3000\n", tail: str = " \t\u3000\n"
) -> tuple[int, int]:
    """Narrow ``[s, e)`` past leading characters in ``lead`` and trailing ones in ``tail``."""
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in tail:
        e -= 1
    return s, e


def chunk(tree: Tree, source: SourceText, options: ChunkOptions | None = None) -> list[Document]:
    """Cut a document into citable chunks.

    :param tree: the document's tree from :func:`ingest.parse`.
    :param source: the same document as read; its text is what chunks quote.
    :param options: chunk sizes; defaults to :class:`ChunkOptions()`.
    :returns: Haystack documents in reading order, ids ``{doc}:{node id}[.cN]``.
    """
    options = options or ChunkOptions()
    docs: list[Document] = []
    for node, ancestors in tree.root.walk():
        if node.body is None:
            continue
        start, end = node.body
        pieces = (
            [(start, end)]
            if node.kind == "table_row"
            else split_spans(source.text, start, end, options)
        )
        section = section_of(node, ancestors)
        for k, (s, e) in enumerate(pieces, start=1):
            s, e = trim_span(source.text, s, e)
            suffix = f".c{k}" if len(pieces) > 1 else ""
            meta = {
                "id": f"{tree.doc}:{node.id}{suffix}",
                "doc": tree.doc,
                "doc_title": tree.title,
                "section": section,
                "kind": node.kind,
                "industry": node.industry,
                "title": node.title,
                "node": node.id,
                "start": s,
                "end": e,
                "order": len(docs),
            }
            if node.kind == "table_row":
                meta["cells"] = node.data["cells"]
                meta["header"] = node.data["header"]
            docs.append(Document(id=meta["id"], content=source.text[s:e], meta=meta))
    return docs
