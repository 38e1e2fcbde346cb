"""What each endpoint asks the knowledge base, answered in the CLI's ``--json`` shapes.

Plain functions over :class:`~kb.knowledge_base.KnowledgeBase`'s public API, free of
HTTP, so the same shapes can be checked against the CLI without a server. Each runs
in the API's thread pool.

Example::

    search(kb, "哪些氢能技术被列为重点？", k=5)["results"][0]["section"]
"""

from __future__ import annotations

from typing import Any

from kb.knowledge_base import KnowledgeBase
from kb.scoped_search import search_as_asked

__all__ = ["ask", "compare", "documents", "fit", "indicators", "outline", "search"]

JSON = dict[str, Any]


def search(kb: KnowledgeBase, query: str, **options: Any) -> JSON:
    """``policykb search --json``: ``{"query", "scope", "elsewhere", "results"}``.

    :param options: ``k``, ``doc``, ``section``, ``industry``, ``mode``, ``all_docs``, as
        :func:`~kb.scoped_search.search_as_asked` takes them (the route's model checks
        them). With ``doc`` or ``all_docs`` the search is not kept to the documents the
        query names (``scope`` is then ``null``); ``elsewhere``: the places the query
        names that no indexed document is about (its hits may not answer it).
    :raises BadQuery: an empty or over-long query, an unknown section or industry.
    :raises UnknownDocument: ``doc`` is not indexed.
    """
    return search_as_asked(kb, query, **options).to_dict()


def ask(kb: KnowledgeBase, question: str, doc: str | None = None, all_docs: bool = False) -> JSON:
    """``policykb ask --extractive --json``: the answer, its citations and scope.

    :raises BadQuery: an empty or over-long question.
    :raises UnknownDocument: ``doc`` is not indexed.
    """
    every = [d.doc for d in kb.documents] if all_docs and not doc else None
    result: JSON = kb.ask(question, doc=doc or every).to_dict()
    return result


def fit(kb: KnowledgeBase, text: str, doc: str | list[str] | None = None) -> JSON:
    """``policykb fit --json``: verdict, score, matches and measures, per document.

    :param doc: one id, ids comma-separated (as ``--doc``), or a list.
    :raises BadQuery: an empty or over-long description.
    :raises UnknownDocument: a document is not indexed.
    """
    docs = doc.split(",") if isinstance(doc, str) else doc
    result: JSON = kb.fit(text, doc=docs or None).to_dict()
    return result


def compare(
    kb: KnowledgeBase, topic: str, docs: list[str] | None = None, kind: str | None = None
) -> JSON:
    """``policykb compare --json``: what each document says on ``topic``.

    :raises BadQuery: an empty topic, or no document of that kind.
    :raises UnknownDocument: a document is not indexed.
    """
    from kb.compare import compare as compare_documents

    return compare_documents(kb, topic, docs=docs or None, kind=kind).to_dict()


def outline(kb: KnowledgeBase, doc: str | None = None) -> JSON:
    """``policykb outline --json``: each document's tree.

    :raises UnknownDocument: ``doc`` is not indexed.
    """
    return kb.outline(doc)


def indicators(kb: KnowledgeBase, doc: str | None = None) -> JSON:
    """``policykb indicators --json``: ``{"indicators": [...]}``.

    :raises UnknownDocument: ``doc`` is not indexed.
    """
    return {"indicators": [row.to_dict() for row in kb.indicators(doc)]}


def documents(kb: KnowledgeBase) -> JSON:
    """``policykb docs --json``: ``{"documents": [...]}``."""
    return {"documents": [d.to_dict() for d in kb.documents]}
