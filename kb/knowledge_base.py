"""A loaded index: documents, trees, chunks and sources, read-only after load.

Example::

    kb = KnowledgeBase.open(Path(".policykb"))
    kb.outline()["documents"][0]["title"]
    [i.name for i in kb.indicators()][:2]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from haystack import Document

from ingest import Indicator
from kb.documents import DocumentInfo
from kb.embed import Embedder
from kb.errors import BadQuery
from kb.filters import MaskCache
from kb.home import with_home
from kb.index import LoadedIndex, changes, load_index
from kb.scope import Scope, Scoper
from kb.search import Hit, Searcher
from kb.services import Services
from kb.settings import Settings
from kb.tense import DEMOTE, by_tense, report_tense

if TYPE_CHECKING:  # the services import this module's users; typed, not imported
    from kb.answer import Answerer
    from kb.citation import Answer
    from kb.fit import FitChecker
    from kb.fit_report import FitReport

__all__ = ["DocumentInfo", "KnowledgeBase"]

Docs = str | Sequence[str] | None


def _docs(doc: Docs) -> list[str] | None:
    """A document filter as a list of ids (``None``: every document)."""
    if not doc:
        return None
    return [doc] if isinstance(doc, str) else list(doc)


class KnowledgeBase:
    """Everything in an index, loaded once and shared read-only, with the services
    (search, answers, fit, scope) built on first use under the settings it was opened with.

    :param index: the loaded files (see :func:`kb.index.load_index`).
    :param settings: the settings tree; its ``search``, ``answer`` and ``fit`` sections
        configure the services (defaults when omitted); ``paths.home``, when set,
        overrides the home documents the index recorded (see :mod:`kb.home`).
    :raises UnknownDocument: ``paths.home`` names a document the index does not have.

    Example::

        kb = KnowledgeBase.open(".policykb", settings=Settings.load(fusion="rrf"))
        kb.search("氢能", k=3)[0].section
    """

    def __init__(self, index: LoadedIndex, settings: Settings | None = None) -> None:
        self.index = index
        self.settings = settings or Settings()
        self.index_dir = index.index_dir
        self.manifest = index.manifest
        self.documents = with_home(index.documents, self.settings.paths.home)
        self.trees = index.trees
        self.chunks = index.chunks
        self.sources = index.sources
        self.sparse = index.sparse
        self.chars = index.chars
        self.dense = index.dense
        self.terms = index.terms
        self.generation = index.generation  # the on-disk generation it was loaded from
        self._services = Services(self)  # each built on first use (see kb.services)
        self._masks = MaskCache(index.chunks)  # filters -> rows, built once each

    @classmethod
    def open(
        cls, index_dir: str | Path, verify: bool = True, settings: Settings | None = None
    ) -> KnowledgeBase:
        """Load the index at ``index_dir``: one consistent generation of it.

        A build running meanwhile never shows half of itself (see :func:`load_index`).

        :param verify: check every file's checksum against the manifest.
        :param settings: the settings tree the services use (defaults when omitted).
        :raises IndexMissing: no index there.
        :raises IndexCorrupt: a file fails its checksum or cannot be parsed.
        """
        settings = settings or Settings()
        return cls(load_index(Path(index_dir), verify, settings.qdrant), settings)

    # -- freshness -------------------------------------------------------------
    @property
    def embedder_name(self) -> str:
        """The embedder the index was built with."""
        return self.index.embedder_name

    def check_embedder(self, name: str) -> None:
        """See :meth:`LoadedIndex.check_embedder`."""
        self.index.check_embedder(name)

    def changes(self, corpus_dir: Path | None = None) -> list[str]:
        """How the documents on disk differ from the index (see :func:`kb.index.changes`)."""
        return changes(self.documents, corpus_dir)

    # -- search ----------------------------------------------------------------
    def searcher(self, embedder: Embedder | None = None) -> Searcher:
        """The searcher over this index, built once with the ``search`` settings.

        :param embedder: a query embedder to use instead of the index's own (tests).
        """
        return self._services.searcher(embedder)

    def document_searcher(self, doc: str) -> tuple[Searcher | None, np.ndarray]:
        """The searcher over one document, on its own statistics (see :mod:`kb.per_document`).

        :returns: the searcher (``None`` for a document without chunks) and the
            document's rows in the whole index.
        :raises UnknownDocument: ``doc`` is not indexed.
        """
        self.document(doc)
        return self._services.per_document().get(doc)

    def warm_up(self, background: bool = False) -> threading.Thread | None:
        """Build the searchers and load the embedding model now, not at the first query.

        With several documents, each document's own searcher is built too.

        :param background: do it in a daemon thread and return it (a query arriving
            meanwhile waits for what it needs instead of building it twice).
        """
        return self._services.warm_up(background)

    def answerer(self) -> Answerer:
        """The :class:`~kb.answer.Answerer` over this index, built once."""
        return self._services.answerer()

    def fit_checker(self) -> FitChecker:
        """The :class:`~kb.fit.FitChecker` over this index, built once."""
        return self._services.fit_checker()

    def ask(self, question: str, doc: Docs = None, generative: bool = True) -> Answer:
        """A cited answer: extractive (see :mod:`kb.answer`), rewritten as prose by the
        configured model when the ``llm`` settings name one and ``generative`` is true
        (see :mod:`kb.generate`: its citations are checked; on failure the extractive
        answer comes back with a notice)."""
        answer = self.answerer().ask(question, doc=doc)
        writer = self._services.writer() if generative else None
        return writer.write(answer) if writer is not None else answer

    def fit(self, text: str, doc: Docs = None) -> FitReport:
        """A project-fit report (see :mod:`kb.fit`), against ``doc`` or every document."""
        return self.fit_checker().check(text, doc)

    def scoper(self) -> Scoper:
        """Which documents a question names (see :mod:`kb.scope`), built once."""
        return self._services.scoper()

    def scope(self, question: str) -> Scope | None:
        """The documents a question should be answered from, and why (see
        :class:`~kb.scope_choice.ScopeChoice`): the ones it names; if it names none, the
        corpus's own documents when they cover it; else ``None`` (all)."""
        return self._services.choice().choose(question)

    def unhomed(self, question: str) -> dict[str, list[str]]:
        """Places the question names that no indexed document is about, with their names
        (see :meth:`ScopeChoice.unhomed <kb.scope_choice.ScopeChoice.unhomed>`)."""
        return self._services.choice().unhomed(question)

    def elsewhere(self, question: str) -> list[str]:
        """Places the question names that no indexed document is about or mentions
        (see :meth:`ScopeChoice.elsewhere <kb.scope_choice.ScopeChoice.elsewhere>`)."""
        return self._services.choice().elsewhere(question)

    def search_scoped(
        self,
        query: str,
        k: int = 10,
        doc: Docs = None,
        section: str | None = None,
        industry: str | None = None,
        mode: str = "hybrid",
    ) -> tuple[list[Hit], Scope | None]:
        """:meth:`search` as a user gets it: with no ``doc``, kept to the documents the
        query names, or to the home ones (see :meth:`scope`), and without the words that
        named them; kept to one work report, its part of the tense asked (last year's
        review, this year's aims) first (see :mod:`kb.tense`). A section or industry filter
        the home documents do not have widens a home scope to every document.

        :returns: the hits and the scope (``None``: every document, or ``doc``).
        """
        scope = None if doc else self.scope(query)
        if scope is not None and scope.home and (section or industry):
            try:  # a filter only other documents have (低空经济): search them all for it
                self.mask(scope.docs, section, industry)
            except BadQuery:
                scope = None
        if scope is None:
            return self.search(query, k, doc, section, industry, mode), None
        text = scope.query(query)
        tense = report_tense(text, [self.document(d) for d in scope.docs])
        hits = self.search(text, k + (DEMOTE if tense else 0), scope.docs, section, industry, mode)
        return (by_tense(hits, tense, k) if tense else hits), scope

    def mask(
        self, doc: Docs = None, section: str | None = None, industry: str | None = None
    ) -> np.ndarray | None:
        """Rows allowed by the filters, or ``None`` for no filter.

        :param doc: a document id, or several.
        :param section: a prefix of the section address (``第四章``, ``（一）能源产业``,
            or a node id prefix such as ``ch4.s1``).
        :param industry: an industry name (``能源产业``); a part of a name also matches.
        :raises UnknownDocument: ``doc`` is not indexed.
        :raises BadQuery: nothing has that section or industry; the message lists options.
        """
        docs = _docs(doc)
        for d in docs or ():
            self.document(d)
        return self._masks.get(docs, section, industry)

    def search(
        self,
        query: str,
        k: int = 10,
        doc: Docs = None,
        section: str | None = None,
        industry: str | None = None,
        mode: str = "hybrid",
        join: bool = True,
    ) -> list[Hit]:
        """Search the index (see :meth:`Searcher.search`), with filters applied first.

        With several documents indexed, each document's chunks come in that document's
        own order (see :mod:`kb.per_document`): scoped to one document, the search runs
        on its own statistics; otherwise the index decides which document each rank
        goes to and each document fills its ranks in its own order.

        :param doc: a document id, or several (a :class:`~kb.scope.Scope`'s ``docs``).
        """
        docs = _docs(doc)
        mask = self.mask(docs, section, industry)
        if len(self.documents) < 2:
            return self.searcher().search(query, k=k, mask=mask, mode=mode, join=join)
        if docs and len(docs) == 1:
            return self._services.per_document().search_in(docs[0], query, k, mask, mode, join)
        hits = self.searcher().search(query, k=k, mask=mask, mode=mode, join=join)
        return self._services.per_document().in_own_order(hits, query, mask, mode, join)

    # -- lookups (see :class:`~kb.index.LoadedIndex`) -------------------------------
    def document(self, doc: str) -> DocumentInfo:
        """Metadata of one document; :raises UnknownDocument: not indexed."""
        return self.index.document(doc)

    def chunk(self, chunk_id: str) -> Document:
        """The chunk with this id; :raises KeyError: no such chunk."""
        return self.index.chunk(chunk_id)

    def opening(self, doc: str, node: str) -> Document | None:
        """See :meth:`LoadedIndex.opening`."""
        return self.index.opening(doc, node)

    def outline(self, doc: str | None = None) -> dict[str, Any]:
        """The documents' trees (see :meth:`LoadedIndex.outline`)."""
        return self.index.outline(doc)

    def indicators(self, doc: str | None = None) -> list[Indicator]:
        """Rows of every targets table (see :meth:`LoadedIndex.indicators`)."""
        return self.index.indicators(doc)
