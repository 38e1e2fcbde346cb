"""Pieces of one paragraph shown as one hit.

A long paragraph is cut into chunks of about 160 characters. When a query matches two
pieces of the same paragraph, the one that scores best is often not the one with the
words a reader needs (the issue's "near-misses": a neighbouring piece of the same item
ranked first). :class:`JoinSiblings` gives each hit the pieces of its paragraph that
are also among the candidates and touch it, as one hit with the paragraph's exact words
and span, up to ``max_chars``; the pieces it absorbs leave the list.

Example::

    JoinSiblings(max_chars=480).run(candidates, top_k=10)["documents"]
"""

from __future__ import annotations

from typing import Any

from haystack import Document, component

from kb.shared_document import SharedDocument

__all__ = ["JoinSiblings"]


def _key(doc: Document) -> tuple[str, str]:
    return doc.meta.get("doc", ""), doc.meta.get("node", "")


@component
class JoinSiblings:
    """Joins each hit with the touching pieces of its paragraph among the candidates.

    :param max_chars: the longest joined text; pieces beyond it stay separate hits.
    """

    def __init__(self, max_chars: int = 480) -> None:
        self.max_chars = max_chars

    def _run_of(self, best: Document, pieces: list[Document]) -> list[Document]:
        """The pieces touching ``best`` on either side, nearest first, within the limit."""
        by_start = {int(p.meta["start"]): p for p in pieces}
        by_end = {int(p.meta["end"]): p for p in pieces}
        run, size = [best], len(best.content or "")
        while True:
            before = by_end.get(int(run[0].meta["start"]))
            after = by_start.get(int(run[-1].meta["end"]))
            grown = False
            for piece, left in ((before, True), (after, False)):
                if piece is not None and size + len(piece.content or "") <= self.max_chars:
                    run = [piece, *run] if left else [*run, piece]
                    size += len(piece.content or "")
                    grown = True
            if not grown:
                return run

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document], top_k: int = 10, join: bool = True) -> dict[str, Any]:
        if not join:  # chunk by chunk (answers cite single chunks)
            return {"documents": documents[:top_k]}
        groups: dict[tuple[str, str], list[Document]] = {}
        for d in documents:
            if d.meta.get("node") and "start" in d.meta:
                groups.setdefault(_key(d), []).append(d)
        used: set[str] = set()
        out: list[Document] = []
        for d in documents:
            if d.id in used:
                continue
            pieces = [p for p in groups.get(_key(d), []) if p.id not in used]
            run = self._run_of(d, pieces) if len(pieces) > 1 else [d]
            used.update(p.id for p in run)
            out.append(d if len(run) == 1 else _joined(d, run))
            if len(out) == top_k:
                break
        return {"documents": out}


def _joined(best: Document, run: list[Document]) -> Document:
    """One hit for a run of touching pieces: the best piece's id and score, their words."""
    meta = {**best.meta, "start": run[0].meta["start"], "end": run[-1].meta["end"]}
    text = "".join(p.content or "" for p in run)
    return SharedDocument(id=best.id, content=text, meta=meta, score=best.score)
