"""Per-document searchers: scoped search ignores other documents; unscoped keeps each
document's own order; built once, thread-safe, vectors viewed not copied."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from kb import KnowledgeBase

SCOPED_QUERIES = [
    "种质资源库建设",
    "农膜降解",
    "民族村寨保护",
    "提高水稻玉米等作物产量",
    "rural sewage",
]


@pytest.mark.parametrize("query", SCOPED_QUERIES)
def test_search_scoped_to_a_document_ignores_the_other_documents(
    plan_kb: KnowledgeBase, two_doc_kb: KnowledgeBase, query: str
) -> None:
    doc = "liupanshui-14th-fyp-sci-tech"
    alone = [(h.id, round(h.score, 4)) for h in plan_kb.search(query, k=10)]
    scoped = [(h.id, round(h.score, 4)) for h in two_doc_kb.search(query, k=10, doc=doc)]
    assert scoped == alone


def test_scoped_search_with_a_section_filter_returns_k_hits_inside_it(
    two_doc_kb: KnowledgeBase,
) -> None:
    hits = two_doc_kb.search("技术", k=5, doc="liupanshui-14th-fyp-sci-tech", section="第四章")
    assert len(hits) == 5
    assert all(h.section[0].startswith("第四章") and h.doc.startswith("liupanshui") for h in hits)


def test_unscoped_search_over_two_documents_can_return_both(two_doc_kb: KnowledgeBase) -> None:
    docs = {h.doc for h in two_doc_kb.search("农村人居环境整治", k=10)}
    assert len(docs) == 2


@pytest.mark.parametrize("query", ["农村人居环境整治", "科技人才", "农业科技"])
def test_unscoped_search_lists_each_document_in_its_own_scoped_order(
    two_doc_kb: KnowledgeBase, query: str
) -> None:
    hits = two_doc_kb.search(query, k=10)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert len({h.id for h in hits}) == len(hits)
    for doc in {h.doc for h in hits}:
        mine = [h.id for h in hits if h.doc == doc]
        scoped = [h.id for h in two_doc_kb.search(query, k=10, doc=doc)]
        assert mine == scoped[: len(mine)]


def test_document_searcher_is_built_once_even_when_threads_race(two_doc_kb: KnowledgeBase) -> None:
    doc = "opinion_central_rural_revitalization_2018"
    got: list = []
    threads = [
        threading.Thread(target=lambda: got.append(two_doc_kb.document_searcher(doc)[0]))
        for _ in range(4)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len({id(s) for s in got}) == 1


def test_document_searcher_views_the_vectors_and_knows_its_rows(two_doc_kb: KnowledgeBase) -> None:
    doc = "liupanshui-14th-fyp-sci-tech"
    searcher, rows = two_doc_kb.document_searcher(doc)
    assert [two_doc_kb.chunks[i].meta["doc"] for i in rows] == [doc] * len(rows)
    assert np.shares_memory(searcher.dense.vectors, two_doc_kb.dense.vectors)
    assert len(searcher.documents) == len(rows)


def test_document_searcher_of_an_unknown_document_raises(two_doc_kb: KnowledgeBase) -> None:
    from kb.errors import UnknownDocument

    with pytest.raises(UnknownDocument, match="nope"):
        two_doc_kb.document_searcher("nope")


def test_ingest_stores_each_documents_own_indexes_and_queries_open_them(
    two_doc_kb: KnowledgeBase,
) -> None:
    stored = two_doc_kb.index_dir / two_doc_kb.generation / "per_doc"
    assert sorted(p.name for p in stored.iterdir()) == sorted(d.doc for d in two_doc_kb.documents)
    checked = [name for name in two_doc_kb.manifest["files"] if name.startswith("per_doc/")]
    assert {name.split("/")[1] for name in checked} == {d.doc for d in two_doc_kb.documents}
    searcher, _ = two_doc_kb.document_searcher("liupanshui-14th-fyp-sci-tech")
    assert searcher is not None
    assert isinstance(searcher.sparse.bm25.scores["data"], np.memmap)  # opened, not built


def test_stored_document_indexes_rank_exactly_as_indexes_built_from_the_chunks(
    two_doc_kb: KnowledgeBase,
) -> None:
    from kb.per_document import DocumentSearchers

    built = DocumentSearchers(two_doc_kb.chunks, two_doc_kb.dense.vectors, two_doc_kb.searcher())
    doc = "liupanshui-14th-fyp-sci-tech"
    for query in SCOPED_QUERIES:
        own = [(h.id, round(h.score, 5)) for h in two_doc_kb.search(query, k=10, doc=doc)]
        fresh = [(h.id, round(h.score, 5)) for h in built.search_in(doc, query, 10)]
        assert own == fresh
