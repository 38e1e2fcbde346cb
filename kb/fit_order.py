"""Which of a document's priority items a fit report shows first: those whose clauses
name the project's terms (in evidence order), fused with the order of a search for what
the project does and of closeness in meaning to the whole description; and the items
only that search finds, when they are also close in meaning.

Example::

    order = FitOrder(kb)
    does = said_of_project(terms.project, description)
    found = order.searched(does, "liupanshui-14th-fyp-sci-tech", rows)
    order.nearest_first(does, shown, rows, found)  # rows, best first
"""

from __future__ import annotations

import numpy as np

from kb.fit_quotes import title_only
from kb.protocols import Index

__all__ = ["FitOrder", "said_of_project"]

#: Reciprocal-rank constant of the matches' two orders (evidence, closeness): small, as
#: the lists are short (a few dozen items) and their first places matter.
_FUSE_K = 10
#: The part of a project's sentences a search for its items reads (a long description's
#: first sentences say what it does).
_SEARCHED_CHARS = 400
#: A row the search found that names none of the project's terms is a match only when it
#: is also among this many items closest to the whole description (both orders agree).
_NEAR = 10


def said_of_project(project: str, description: str) -> str:
    """What a project does, as its search and its closeness read it: the sentences about
    the project (not the company), else the whole description, up to a limit — one text,
    so one embedding serves both."""
    return (project.strip() or description)[:_SEARCHED_CHARS]


class FitOrder:
    """Orders a document's priority items for a fit report (module doc).

    :param kb: the knowledge base (chunks, dense vectors, search).
    """

    def __init__(self, kb: Index) -> None:
        self.kb = kb

    def searched(self, project: str, doc: str, rows: frozenset[int], k: int = 5) -> list[int]:
        """The document's priority items a hybrid search for the project's own sentences
        ranks first (the search users get: jieba BM25 and dense, fused): the item about
        the work in other words (掘锚一体机 … 进尺 → 快速掘进) that names none of its terms.

        :param project: what the project does (:func:`said_of_project`).
        :returns: up to ``k`` rows of ``rows``, best first.
        """
        if not project.strip():
            return []
        ids = {self.kb.chunks[r].id: r for r in rows}
        hits = self.kb.search(project, k=8 * k, doc=doc, join=False)
        said = [h for h in hits if h.id in ids and not title_only(h.text, h.section)]
        return [ids[h.id] for h in said][:k]

    def nearest_first(
        self, description: str, shown: list[int], rows: frozenset[int], searched: list[int] = ()
    ) -> list[int]:
        """Matching rows (``shown``, in evidence order), then the rows only a search for
        the project found (``searched``) that are also among the ten closest in meaning,
        each group ordered by reciprocal ranks of the evidence order, the search order and
        each row's rank by closeness to the whole description among all the document's
        priority items. Of the items that name the project's terms, the one about what it
        does comes first (a mushroom grower's substrate project: 5．食用菌产业 before the
        items that also name 刺梨); items that name none come after them all.

        :param description: the project description, embedded (by the index's query
            embedder, which remembers it for the next document) only when there are two
            rows or more to order.
        :param rows: the document's priority items (``shown`` and ``searched`` are among them).
        """
        pool = list(dict.fromkeys([*shown, *searched]))
        if len(pool) < 2:
            return pool
        items = sorted(rows)
        close = self.kb.dense.vectors[items] @ self.kb.searcher().embedder.embed_query(description)
        near = {items[i]: n for n, i in enumerate(np.argsort(-close, kind="stable"))}
        searched = [r for r in searched if r in shown or near[r] < _NEAR]
        pool = list(dict.fromkeys([*shown, *searched]))
        fused = {r: 1 / (_FUSE_K + near[r]) for r in pool}
        for order in (shown, searched):
            for n, r in enumerate(order):
                fused[r] += 1 / (_FUSE_K + n)
        return sorted(pool, key=lambda r: (r not in shown, -fused[r]))
