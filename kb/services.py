"""The services over one knowledge base, each built on first use under its settings.

Building a searcher loads the embedding model and the per-document BM25s; an answerer or
a fit checker builds on the searcher. :class:`~kb.knowledge_base.KnowledgeBase` keeps
one :class:`Services` and hands them out, so each is built once, by one thread, and
only when something asks for it.

Example::

    services = Services(kb)
    services.searcher() is services.searcher()      # True: built once
    services.warm_up(background=True).join()
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from kb.embed import Embedder, QueryCache, make_embedder
from kb.per_document import DocumentSearchers
from kb.scope import Scoper
from kb.scope_choice import ScopeChoice
from kb.search import Searcher
from kb.tokenize import Tokenizer

if TYPE_CHECKING:  # the services import the knowledge base's users; typed, not imported
    from kb.answer import Answerer
    from kb.fit import FitChecker
    from kb.generate import AnswerWriter
    from kb.knowledge_base import KnowledgeBase

__all__ = ["Services"]

T = TypeVar("T")


class Services:
    """The searchers, answerer, fit checker, answer writer and scope of one knowledge
    base, each built on first use (one thread builds it; the others wait for it).

    :param kb: the knowledge base they serve (its index and its settings).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._built: dict[str, Any] = {}  # the services, each built on first use
        self._lock = threading.RLock()

    def once(self, name: str, build: Callable[[], T]) -> T:
        """The service ``name``, built by ``build`` on first use."""
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return self._built[name]

    def searcher(self, embedder: Embedder | None = None) -> Searcher:
        """The searcher over the whole index, with the ``search`` settings."""
        kb = self.kb
        return self.once(
            "searcher",
            lambda: Searcher(
                kb.chunks,
                kb.sparse,
                kb.chars,
                kb.dense,
                Tokenizer(kb.terms),
                QueryCache(embedder or make_embedder(kb.embedder_name)),
                kb.settings.search,
                title=kb.documents[0].title if len(kb.documents) == 1 else "",
            ),
        )

    def per_document(self) -> DocumentSearchers:
        """Each document's own searcher (see :mod:`kb.per_document`)."""
        kb = self.kb
        whole = kb.searcher()
        folder = kb.index_dir / kb.generation
        return self.once(
            "per_document",
            lambda: DocumentSearchers(kb.chunks, kb.dense.vectors, whole, folder),
        )

    def warm_up(self, background: bool = False) -> threading.Thread | None:
        """Build the searchers and load the embedding model now (see
        :meth:`KnowledgeBase.warm_up <kb.knowledge_base.KnowledgeBase.warm_up>`)."""
        kb = self.kb
        searcher = kb.searcher()

        def work() -> None:
            searcher.embedder.embed_query("预热")
            if len(kb.documents) > 1:
                for d in kb.documents:
                    kb.document_searcher(d.doc)

        if not background:
            work()
            return None
        thread = threading.Thread(target=work, daemon=True, name="warm-up")
        thread.start()
        return thread

    def answerer(self) -> Answerer:
        """The :class:`~kb.answer.Answerer`, with the ``answer`` settings."""
        from kb.answer import Answerer

        return self.once("answerer", lambda: Answerer(self.kb, self.kb.settings.answer))

    def fit_checker(self) -> FitChecker:
        """The :class:`~kb.fit.FitChecker`, with the ``fit`` settings."""
        from kb.fit import FitChecker

        return self.once("fit", lambda: FitChecker(self.kb, self.kb.settings.fit))

    def writer(self) -> AnswerWriter | None:
        """The configured model's :class:`~kb.generate.AnswerWriter` (``None`` without a
        model)."""
        llm = self.kb.settings.llm
        if not llm.enabled:
            return None
        from kb.generate import AnswerWriter

        return self.once("writer", lambda: AnswerWriter(llm.url, llm.model, llm.timeout))

    def scoper(self) -> Scoper:
        """Which documents a question names (see :mod:`kb.scope`)."""
        kb = self.kb
        tokenizer = kb.searcher().tokenizer
        return self.once(
            "scoper",
            lambda: Scoper(
                kb.documents,
                frequency=tokenizer.general_frequency,
                tag=tokenizer.tag,
                cut=lambda text: tokenizer.spans(text, parts=False),
            ),
        )

    def choice(self) -> ScopeChoice:
        """The documents each question is answered from (see :mod:`kb.scope_choice`)."""
        return self.once("scope_choice", lambda: ScopeChoice(self.kb))
