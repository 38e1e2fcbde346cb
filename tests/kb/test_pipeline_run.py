"""OrderedRun: a search pipeline run in order gives what Haystack's own run gives."""

from __future__ import annotations

import pytest
from haystack import Document, Pipeline, component
from haystack.components.joiners import DocumentJoiner

from kb.knowledge_base import KnowledgeBase
from kb.pipeline_run import OrderedRun, UnsupportedPipeline


@component
class Emit:
    """Emits documents scored by a list of numbers."""

    @component.output_types(documents=list[Document])
    def run(self, scores: list[float]) -> dict:
        return {"documents": [Document(id=str(s), content=str(s), score=s) for s in scores]}


@component
class Halve:
    """Halves every score."""

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict:
        return {
            "documents": [
                Document(id=d.id, content=d.content, score=d.score / 2) for d in documents
            ]
        }


@pytest.mark.parametrize("query", ["氢能", "研发经费投入强度", "hydrogen fuel cells", "煤矿智能化"])
def test_ordered_run_gives_the_same_ranking_as_pipeline_run(
    plan_kb: KnowledgeBase, query: str
) -> None:
    searcher = plan_kb.searcher()
    name = "hybrid_en" if query.isascii() else "hybrid"
    pipeline = searcher._runs[name].pipeline
    data = {
        "analyze": {"query": query},
        **{c: {"top_k": 50, "mask": None} for c in ("sparse", "chars", "dense")},
        "fuse": {"top_k": 50},
        "evidence": {"top_k": 50},
        "prior": {"top_k": 50},
        "siblings": {"top_k": 10},
    }
    ours = OrderedRun(pipeline).run(data)["siblings"]["documents"]
    theirs = pipeline.run(data)["siblings"]["documents"]
    assert len(ours) == 10
    assert [(d.id, d.score) for d in ours] == [(d.id, d.score) for d in theirs]


def test_ordered_run_returns_leaves_and_the_outputs_asked_for() -> None:
    p = Pipeline()
    p.add_component("emit", Emit())
    p.add_component("halve", Halve())
    p.connect("emit.documents", "halve.documents")
    out = OrderedRun(p).run({"emit": {"scores": [1.0, 4.0]}}, include_outputs_from={"emit"})
    assert [d.score for d in out["halve"]["documents"]] == [0.5, 2.0]
    assert [d.score for d in out["emit"]["documents"]] == [1.0, 4.0]


def test_ordered_run_with_a_variadic_input_raises() -> None:
    p = Pipeline()
    p.add_component("emit", Emit())
    p.add_component("join", DocumentJoiner())
    p.connect("emit.documents", "join.documents")
    with pytest.raises(UnsupportedPipeline, match=r"join\.documents is variadic"):
        OrderedRun(p)


def test_ordered_run_with_a_loop_raises() -> None:
    p = Pipeline()
    p.add_component("a", Halve())
    p.add_component("b", Halve())
    p.connect("a.documents", "b.documents")
    p.connect("b.documents", "a.documents")
    with pytest.raises(UnsupportedPipeline, match="loop"):
        OrderedRun(p)
