"""A loaded index: documents, trees, chunks and sources, read-only after load.

Example::

    kb = KnowledgeBase.open(Path(".policykb"))
    kb.outline()["documents"][0]["title"]
    [i.name for i in kb.indicators()][:2]
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document

from ingest import Indicator, Tree, indicators
from kb.dense import DenseIndex
from kb.documents import DocumentInfo
from kb.embed import Embedder, QueryCache, make_embedder
from kb.errors import IndexCorrupt, IndexStale, UnknownDocument
from kb.filters import filter_mask
from kb.per_document import DocumentSearchers
from kb.scope import Scope, Scoper
from kb.search import Hit, Searcher, SearchSettings, SharedDocument
from kb.sparse import SparseIndex
from kb.store import open_generation, read_manifest, verify_index
from kb.stores import open_indexes
from kb.tokenize import Tokenizer

__all__ = ["DocumentInfo", "KnowledgeBase"]


Docs = str | Sequence[str] | None


def _docs(doc: Docs) -> list[str] | None:
    """A document filter as a list of ids (``None``: every document)."""
    if not doc:
        return None
    return [doc] if isinstance(doc, str) else list(doc)


class KnowledgeBase:
    """Everything in an index, loaded once and shared read-only.

    :param index_dir: the folder written by ``policykb ingest``.
    """

    def __init__(
        self,
        index_dir: Path,
        manifest: dict[str, Any],
        documents: list[DocumentInfo],
        trees: dict[str, Tree],
        chunks: list[Document],
        sources: dict[str, str],
        sparse: SparseIndex,
        chars: SparseIndex,
        dense: DenseIndex,
        terms: list[str],
        generation: str = "",
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self.documents = documents
        self.trees = trees
        self.chunks = chunks
        self.sources = sources
        self.sparse = sparse
        self.chars = chars
        self.dense = dense
        self.terms = terms
        self._by_id = {c.id: c for c in chunks}
        self._searcher: Searcher | None = None
        self._doc_searchers: DocumentSearchers | None = None
        self._answerer: Any = None
        self._fit: Any = None
        self._scoper: Scoper | None = None
        self._lock = threading.RLock()
        self.generation = generation  # the on-disk generation it was loaded from (kb.store)

    @classmethod
    def open(cls, index_dir: str | Path, verify: bool = True) -> KnowledgeBase:
        """Load the index at ``index_dir``: one consistent generation of it.

        A build running meanwhile never shows half of itself: the generation named by
        the index's pointer is read whole, and if a build retires it while it is being
        read, the new one is read instead (see :mod:`kb.store`).

        :param verify: check every file's checksum against the manifest.
        :raises IndexMissing: no index there.
        :raises IndexCorrupt: a file fails its checksum or cannot be parsed.
        """
        index_dir = Path(index_dir)
        return open_generation(index_dir, lambda gen: cls._load(index_dir, gen, verify))

    @classmethod
    def _load(cls, index_dir: Path, generation: Path, verify: bool) -> KnowledgeBase:
        manifest = read_manifest(generation)
        if verify:
            verify_index(generation, manifest)
        try:
            raw_docs = json.loads((generation / "documents.json").read_text(encoding="utf-8"))
            with (generation / "chunks.jsonl").open(encoding="utf-8") as fh:
                chunks = [
                    SharedDocument(id=r["id"], content=r["content"], meta=r["meta"])
                    for r in map(json.loads, fh)
                ]
            documents = [
                DocumentInfo(**{k: d[k] for k in DocumentInfo.__dataclass_fields__ if k in d})
                for d in raw_docs
            ]
            trees = {d["doc"]: Tree.from_dict(d["tree"]) for d in raw_docs}
            sources = {
                d.doc: (generation / "sources" / f"{d.doc}.txt").read_text(encoding="utf-8")
                for d in documents
            }
            sparse, chars, dense = open_indexes(generation, manifest, chunks, index_dir)
            terms = (generation / "terms.txt").read_text(encoding="utf-8").split("\n")
        except FileNotFoundError as exc:
            raise IndexCorrupt(
                f"index file {exc.filename} is missing; re-run `policykb ingest` to rebuild."
            ) from exc
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexCorrupt(
                f"the index at {index_dir} cannot be read ({exc}); "
                "re-run `policykb ingest` to rebuild."
            ) from exc
        if not sparse.size == chars.size == len(dense.vectors) == len(chunks):
            raise IndexCorrupt(
                f"the index at {index_dir} has {len(chunks)} chunks but "
                f"{sparse.size} BM25 rows and {len(dense.vectors)} vectors; "
                "re-run `policykb ingest` to rebuild."
            )
        return cls(
            index_dir,
            manifest,
            documents,
            trees,
            chunks,
            sources,
            sparse,
            chars,
            dense,
            terms,
            generation.name,
        )

    # -- freshness -------------------------------------------------------------
    @property
    def embedder_name(self) -> str:
        return self.manifest.get("embedder", {}).get("name", "")

    def check_embedder(self, name: str) -> None:
        """Refuse to query with another embedder than the index was built with.

        :raises IndexStale: the names differ; the message says how to rebuild.
        """
        if name and name != self.embedder_name:
            raise IndexStale(
                f"the index at {self.index_dir} was built with embedder "
                f"{self.embedder_name!r}, not {name!r}; run `policykb ingest --embedder "
                f"{name}` to rebuild it (unchanged chunks keep no vectors across embedders)."
            )

    def changes(self, corpus_dir: Path | None = None) -> list[str]:
        """How the documents on disk differ from the index (empty when in step).

        Never raises: this is advice beside a search, and an intact index answers
        whatever happened to the corpus folder since (a file gone or unreadable, a link
        out of the folder) — each such thing is one more note.

        :param corpus_dir: also report supported files there that are not indexed.
        """
        notes = []
        for doc in self.documents:
            path = Path(doc.path)
            try:
                if not path.is_file():
                    notes.append(f"{doc.path}: indexed but no longer on disk")
                elif hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256:
                    notes.append(f"{doc.path}: changed since the index was built")
            except OSError as exc:
                notes.append(f"{doc.path}: cannot be read ({exc.strerror})")
        if corpus_dir is not None and Path(corpus_dir).is_dir():
            from ingest import IngestError, discover

            known = {Path(d.path).resolve() for d in self.documents}
            try:
                found = discover([corpus_dir])
            except (IngestError, OSError) as exc:
                return [*notes, f"{corpus_dir}: {exc}"]
            new = [p for p in found if p.resolve() not in known]
            notes += [f"{p}: in the corpus but not indexed" for p in new]
        return notes

    # -- search ----------------------------------------------------------------
    def searcher(
        self, settings: SearchSettings | None = None, embedder: Embedder | None = None
    ) -> Searcher:
        """The searcher over this index, built once (tokenizer, embedder, pipelines)."""
        with self._lock:
            if self._searcher is None:
                self._searcher = Searcher(
                    self.chunks,
                    self.sparse,
                    self.chars,
                    self.dense,
                    Tokenizer(self.terms),
                    QueryCache(embedder or make_embedder(self.embedder_name)),
                    settings,
                )
            return self._searcher

    def document_searcher(self, doc: str) -> tuple[Searcher | None, np.ndarray]:
        """The searcher over one document, on its own statistics (see :mod:`kb.per_document`).

        :returns: the searcher (``None`` for a document without chunks) and the
            document's rows in the whole index.
        :raises UnknownDocument: ``doc`` is not indexed.
        """
        self.document(doc)
        return self._per_document().get(doc)

    def _per_document(self) -> DocumentSearchers:
        whole = self.searcher()
        with self._lock:
            if self._doc_searchers is None:
                self._doc_searchers = DocumentSearchers(self.chunks, self.dense.vectors, whole)
            return self._doc_searchers

    def warm_up(self, background: bool = False) -> threading.Thread | None:
        """Build the searchers and load the embedding model now, not at the first query.

        With several documents, each document's own searcher is built too.

        :param background: do it in a daemon thread and return it (a query arriving
            meanwhile waits for what it needs instead of building it twice).
        """
        searcher = self.searcher()

        def work() -> None:
            searcher.embedder.embed_query("预热")
            if len(self.documents) > 1:
                for d in self.documents:
                    self.document_searcher(d.doc)

        if not background:
            work()
            return None
        thread = threading.Thread(target=work, daemon=True, name="warm-up")
        thread.start()
        return thread

    def answerer(self) -> Any:
        """The :class:`~kb.answer.Answerer` over this index, built once."""
        from kb.answer import Answerer

        with self._lock:
            if self._answerer is None:
                self._answerer = Answerer(self)
            return self._answerer

    def fit_checker(self) -> Any:
        """The :class:`~kb.fit.FitChecker` over this index, built once."""
        from kb.fit import FitChecker

        with self._lock:
            if self._fit is None:
                self._fit = FitChecker(self)
            return self._fit

    def ask(self, question: str, doc: Docs = None) -> Any:
        """An extractive, cited answer (see :mod:`kb.answer`)."""
        return self.answerer().ask(question, doc=doc)

    def fit(self, text: str, doc: Docs = None) -> Any:
        """A project-fit report (see :mod:`kb.fit`), against ``doc`` or every document."""
        return self.fit_checker().check(text, doc)

    def scoper(self) -> Scoper:
        """Which documents a question names (see :mod:`kb.scope`), built once."""
        with self._lock:
            if self._scoper is None:
                self._scoper = Scoper(self.documents)
            return self._scoper

    def scope(self, question: str) -> Scope | None:
        """The documents a question should be answered from, and why.

        The ones it names (a place, an issuer, a kind, a year); if it names none, the
        corpus's own documents (``home``) when they cover the question, so the plan's
        questions stay on the plan beside many other documents; else ``None`` (all).
        """
        named = self.scoper().detect(question)
        home = [d.doc for d in self.documents if d.home]
        if named is not None and named.kind_only and set(home) & set(named.docs):
            # "规划的基本原则": of several plans, the corpus's own is "the plan"
            return replace(named, docs=[d for d in named.docs if d in home], home=True)
        if named is not None:
            return named
        if not home or len(home) == len(self.documents):
            return None
        answerer = self.answerer()
        hits = self.search(question, k=5, doc=home)
        if answerer.relevant(answerer.coverage.focus(question), hits):
            return Scope(home, "", home=True)
        return None

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
        named them.

        :returns: the hits and the scope (``None``: every document, or ``doc``).
        """
        scope = None if doc else self.scope(query)
        if scope is None:
            return self.search(query, k, doc, section, industry, mode), None
        return self.search(scope.query(query), k, scope.docs, section, industry, mode), scope

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
        return filter_mask(self.chunks, docs, section, industry)

    def search(
        self,
        query: str,
        k: int = 10,
        doc: Docs = None,
        section: str | None = None,
        industry: str | None = None,
        mode: str = "hybrid",
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
            return self.searcher().search(query, k=k, mask=mask, mode=mode)
        if docs and len(docs) == 1:
            return self._per_document().search_in(docs[0], query, k, mask, mode)
        hits = self.searcher().search(query, k=k, mask=mask, mode=mode)
        return self._per_document().in_own_order(hits, query, mask, mode)

    def document(self, doc: str) -> DocumentInfo:
        """Metadata of one document.

        :raises UnknownDocument: ``doc`` is not indexed; the message lists those that are.
        """
        for info in self.documents:
            if info.doc == doc:
                return info
        known = ", ".join(d.doc for d in self.documents)
        raise UnknownDocument(f"no document {doc!r} in the index; known: {known}.")

    def chunk(self, chunk_id: str) -> Document:
        """The chunk with this id.

        :raises KeyError: no such chunk.
        """
        try:
            return self._by_id[chunk_id]
        except KeyError:
            raise KeyError(f"no chunk {chunk_id!r} in the index") from None

    def outline(self, doc: str | None = None) -> dict[str, Any]:
        """The documents' trees as ``{"documents": [{"doc", "title", "nodes"}]}``.

        :raises UnknownDocument: ``doc`` is given and not indexed.
        """
        docs = [self.document(doc)] if doc else self.documents
        return {
            "documents": [
                {
                    "doc": d.doc,
                    "title": d.title,
                    "nodes": [n.to_outline() for n in self.trees[d.doc].root.children],
                }
                for d in docs
            ]
        }

    def indicators(self, doc: str | None = None) -> list[Indicator]:
        """Rows of every targets table (2020 value vs 2025 target).

        :raises UnknownDocument: ``doc`` is given and not indexed.
        """
        docs = [self.document(doc)] if doc else self.documents
        return [row for d in docs for row in indicators(self.trees[d.doc])]
