"""Parity: the Qdrant store (local mode) answers the development queries as the embedded one.

Done when, on the plan and on the plan beside ../shared/corpus-extra, the top 10 ids are
the same for at least 95% of the development queries and MRR@10 is within 0.01 on every
language of the set. Each test prints its figures (``pytest -s``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kb import Hit, KnowledgeBase
from kb.evaluate import evaluate, load_queries

Search = Callable[[KnowledgeBase, str, int], list[Hit]]

WAYS: dict[str, Search] = {
    # as `policykb search` answers: kept to the documents the question names, or the home ones
    "scoped": lambda kb, q, k: kb.search_scoped(q, k)[0],
    # every document (--all-docs): the whole index ranks, each document in its own order
    "all-docs": lambda kb, q, k: kb.search(q, k),
    # the whole-index pipeline alone: every retriever on Qdrant
    "searcher": lambda kb, q, k: kb.searcher().search(q, k=k),
    "bm25": lambda kb, q, k: kb.searcher().search(q, k=k, mode="bm25"),
    "dense": lambda kb, q, k: kb.searcher().search(q, k=k, mode="dense"),
}


def _queries(shared_dir: Path, multidoc: bool = False) -> list[dict]:
    rows = load_queries(shared_dir / "eval" / "dev_queries.jsonl")
    if multidoc:
        path = shared_dir / "eval" / "dev_multidoc.jsonl"
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def _parity(embedded: KnowledgeBase, qdrant: KnowledgeBase, rows: list[dict], way: str) -> dict:
    """Share of queries with the same top 10, and each store's MRR@10 per language."""
    search = WAYS[way]
    hits = {
        name: {r["q"]: search(kb, r["q"], 10) for r in rows}
        for name, kb in (("embedded", embedded), ("qdrant", qdrant))
    }
    same = [
        [h.id for h in hits["embedded"][r["q"]]] == [h.id for h in hits["qdrant"][r["q"]]]
        for r in rows
    ]

    def mrr(name: str) -> dict[str, float]:  # over the queries with anchors (rank needs one)
        anchored = [r for r in rows if r.get("anchors")]
        report = evaluate(anchored, lambda q, k: [h.text for h in hits[name][q][:k]])
        return {lang: s["mrr@10"] for lang, s in report.items() if lang != "queries"}

    ours, theirs = mrr("embedded"), mrr("qdrant")
    result = {
        "way": way,
        "same_top10": sum(same) / len(same),
        "n": len(same),
        "mrr_embedded": ours,
        "mrr_qdrant": theirs,
        "mrr_gap": max(abs(ours[lang] - theirs[lang]) for lang in ours),
    }
    print(json.dumps(result, ensure_ascii=False))
    return result


def _assert_parity(result: dict) -> None:
    assert result["same_top10"] >= 0.95, result
    assert result["mrr_gap"] <= 0.01, result


@pytest.mark.parametrize("way", ["scoped", "bm25", "dense"])
def test_qdrant_store_returns_the_embedded_top_ten_on_the_plan(
    plan_kb: KnowledgeBase, plan_qdrant_index: Path, shared_dir: Path, way: str
) -> None:
    qdrant = KnowledgeBase.open(plan_qdrant_index)
    assert qdrant.manifest["store"]["kind"] == "qdrant"
    _assert_parity(_parity(plan_kb, qdrant, _queries(shared_dir), way))


@pytest.mark.parametrize("way", ["scoped", "searcher"])
def test_qdrant_store_returns_the_embedded_top_ten_beside_the_extra_corpus(
    all_kb: KnowledgeBase, all_qdrant_index: Path, shared_dir: Path, way: str
) -> None:
    qdrant = KnowledgeBase.open(all_qdrant_index)
    _assert_parity(_parity(all_kb, qdrant, _queries(shared_dir), way))


@pytest.mark.slow
@pytest.mark.parametrize("way", list(WAYS))
def test_qdrant_store_answers_every_way_and_named_documents_as_the_embedded_one(
    all_kb: KnowledgeBase, all_qdrant_index: Path, shared_dir: Path, way: str
) -> None:
    qdrant = KnowledgeBase.open(all_qdrant_index)
    _assert_parity(_parity(all_kb, qdrant, _queries(shared_dir, multidoc=True), way))


def test_ask_and_fit_answer_as_with_the_embedded_store(
    plan_kb: KnowledgeBase, plan_qdrant_index: Path, shared_dir: Path
) -> None:
    qdrant = KnowledgeBase.open(plan_qdrant_index)
    eval_dir = shared_dir / "eval"
    for name, check, n in (("dev_numbers.jsonl", "ask", 5), ("dev_fit.jsonl", "fit", 8)):
        cases = [json.loads(ln) for ln in (eval_dir / name).read_text("utf-8").splitlines() if ln]
        for case in cases[:n]:  # a sample: each case runs several searches on both stores
            if check == "ask":
                want, got = plan_kb.ask(case["q"]), qdrant.ask(case["q"])
                assert got.answer == want.answer, case["q"]
            else:
                want, got = plan_kb.fit(case["text"]), qdrant.fit(case["text"])
                assert (got.verdict, [m.text for m in got.matches]) == (
                    want.verdict,
                    [m.text for m in want.matches],
                ), case["text"][:40]
