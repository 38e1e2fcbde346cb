"""Re-scoring after fusion: the kind prior and document evidence, on tiny fixtures."""

from __future__ import annotations

import pytest
from haystack import Document

from kb.rerank import DocumentEvidence, KindPrior
from kb.settings import Settings


def _doc(id_: str, score: float, kind: str = "paragraph", doc: str = "a") -> Document:
    return Document(id=id_, content=id_, score=score, meta={"kind": kind, "doc": doc})


@pytest.mark.parametrize(
    ("kind", "factor"), [("item", 1.1), ("subitem", 1.1), ("table_row", 0.8), ("term", 1.0)]
)
def test_kind_prior_multiplies_score_by_kind(kind: str, factor: float) -> None:
    out = KindPrior(item=1.1, table_row=0.8).run([_doc("x", 2.0, kind)])["documents"]
    assert out[0].score == pytest.approx(2.0 * factor)


def test_kind_prior_lifts_an_item_over_a_close_paragraph_but_not_a_clear_winner() -> None:
    docs = [_doc("summary", 1.05), _doc("item", 1.0, "item"), _doc("far", 0.5, "item")]
    assert [d.id for d in KindPrior().run(docs)["documents"]] == ["item", "summary", "far"]
    docs = [_doc("summary", 1.5), _doc("item", 1.0, "item")]
    assert [d.id for d in KindPrior().run(docs)["documents"]] == ["summary", "item"]


def test_kind_prior_puts_prose_before_a_bare_table_row_stating_the_same_figure() -> None:
    docs = [_doc("row", 1.1, "table_row"), _doc("prose", 1.0)]
    assert [d.id for d in KindPrior().run(docs, top_k=1)["documents"]] == ["prose"]


def test_kind_prior_of_one_keeps_the_order() -> None:
    docs = [_doc("a", 1.0), _doc("b", 0.9, "item"), _doc("c", 0.8, "table_row")]
    out = KindPrior(item=1.0, table_row=1.0).run(docs)["documents"]
    assert [d.id for d in out] == ["a", "b", "c"]


def test_document_evidence_with_one_document_keeps_the_order() -> None:
    docs = [_doc("a", 1.0), _doc("b", 0.7), _doc("c", 0.2)]
    assert [d.id for d in DocumentEvidence(1.0).run(docs)["documents"]] == ["a", "b", "c"]


def test_document_evidence_prefers_the_document_that_matches_throughout() -> None:
    docs = [_doc("stray", 1.0, doc="other")] + [_doc(f"m{i}", 0.9, doc="main") for i in range(4)]
    assert DocumentEvidence(1.0).run(docs)["documents"][0].meta["doc"] == "main"


def test_priors_are_configurable_from_the_environment() -> None:
    env = {"POLICYKB_ITEM_PRIOR": "1.0", "POLICYKB_TABLE_ROW_PRIOR": "1.0"}
    settings = Settings.load(env=env).search
    assert (settings.item_prior, settings.table_row_prior) == (1.0, 1.0)
    assert Settings.load(env={}).search.item_prior == pytest.approx(1.1)


def test_kind_prior_lowers_a_chunk_that_only_repeats_its_documents_title() -> None:
    title = "“十三五”生态环境保护规划（含《国务院关于印发“十三五”生态环境保护规划的通知》）"
    meta = {"kind": "paragraph", "doc_title": title}
    notice = Document(
        id="t", content="国务院关于印发“十三五”生态环境保护规划的通知", meta=meta, score=1.0
    )
    answer = Document(id="a", content="全国森林覆盖率提高至21.66%。", meta=meta, score=0.6)
    ranked = KindPrior(title=0.5).run([notice, answer])["documents"]
    assert [d.id for d in ranked] == ["a", "t"] and ranked[1].score == 0.5


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("第一章　全国生态环境保护形势　第一节　取得积极进展　第二节　突出短板", True),
        ("第四章 加快推进重点产业关键技术攻关", False),  # one heading is not a contents list
        ("按照第一章和第二章的部署推进森林覆盖率提升。", False),
    ],
)
def test_kind_prior_lowers_a_table_of_contents(text: str, lowered: bool) -> None:
    meta = {"kind": "paragraph", "doc_title": "某规划"}
    chunk = Document(id="c", content=text, meta=meta, score=1.0)
    (ranked,) = KindPrior(title=0.5).run([chunk])["documents"]
    assert ranked.score == (0.5 if lowered else 1.0)
