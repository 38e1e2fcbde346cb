"""A search as a user asks it: kept to the documents the query names, and honest about
places no indexed document covers.

The CLI's ``search``, the API's ``/search`` and the app's search page all show the same
three things — the hits, the documents the search was kept to (and why), and the places
the query names that no indexed document is about (青海… over Liupanshui's plan, 新疆
beside provinces' reports: the hits may not answer it). They get them here, decided once.

Example::

    found = search_as_asked(kb, "山东高新技术企业数量", k=5)
    found.scope.because, found.elsewhere     # ('山东', [])
    found.to_dict()["results"][0]["doc"]     # 'gwr_shandong_2025'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kb.scope import Scope
from kb.search import Hit

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase

__all__ = ["ScopedSearch", "search_as_asked"]


@dataclass(frozen=True)
class ScopedSearch:
    """What one search found, and over which documents.

    :param query: the query as asked.
    :param hits: the results, best first.
    :param scope: the documents the search was kept to and why; ``None`` when it ran over
        every document or the one asked for.
    :param elsewhere: places the query names that no indexed document is about (only for
        a search over every document): its hits may only mention them, or not even that.
    """

    query: str
    hits: list[Hit]
    scope: Scope | None
    elsewhere: list[str]

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape: ``{"query", "scope", "elsewhere", "results"}``."""
        return {
            "query": self.query,
            "scope": self.scope.to_dict() if self.scope else None,
            "elsewhere": self.elsewhere,
            "results": [h.to_dict() for h in self.hits],
        }


def search_as_asked(
    kb: KnowledgeBase,
    query: str,
    k: int = 10,
    doc: str | None = None,
    section: str | None = None,
    industry: str | None = None,
    mode: str = "hybrid",
    all_docs: bool = False,
) -> ScopedSearch:
    """Search ``doc`` if given, every document with ``all_docs``, else the documents the
    query names (see :meth:`KnowledgeBase.search_scoped
    <kb.knowledge_base.KnowledgeBase.search_scoped>`).

    :raises BadQuery: an empty or over-long query, an unknown section or industry.
    :raises UnknownDocument: ``doc`` is not indexed.
    """
    if doc or all_docs:
        hits, scope = kb.search(query, k, doc, section, industry, mode), None
    else:
        hits, scope = kb.search_scoped(query, k, None, section, industry, mode)
    places = list(kb.unhomed(query)) if scope is None and not doc else []
    return ScopedSearch(query, hits, scope, places)
