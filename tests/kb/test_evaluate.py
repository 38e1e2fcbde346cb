"""Retrieval metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import BadQuery
from kb.evaluate import evaluate, load_queries, score_query


def test_score_query_counts_recall_rank_and_reading_budget() -> None:
    texts = ["无关内容" * 80, "质子交换膜 研究", "可再生能源制氢"]
    m = score_query(texts, ["质子交换膜", "可再生能源制氢", "氢冶金"])
    assert m["recall@10"] == pytest.approx(2 / 3)
    assert m["mrr@10"] == pytest.approx(1 / 2)
    assert m["recall@300ch"] == 0.0  # the first 300 characters are all unrelated


def test_anchor_whitespace_is_ignored() -> None:
    assert score_query(["高新技术企业 达 180 家"], ["高新技术企业达180家"])["mrr@10"] == 1.0


def test_evaluate_groups_by_language() -> None:
    queries = [
        {"q": "a", "lang": "zh", "anchors": ["甲"]},
        {"q": "b", "lang": "en", "anchors": ["乙"]},
    ]
    report = evaluate(queries, lambda q, k: ["甲"] if q == "a" else ["丙"])
    assert report["zh"]["mrr@10"] == 1.0 and report["en"]["mrr@10"] == 0.0
    assert report["overall"]["n"] == 2


def test_load_queries_skips_queries_without_anchors_and_rejects_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"q": "x", "anchors": ["甲"]}\n{"q": "y", "anchors": []}\n\n', "utf-8")
    assert [q["q"] for q in load_queries(good)] == ["x"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "x", "anchors": ["甲"]}\nnot json\n', "utf-8")
    with pytest.raises(BadQuery, match=r"bad\.jsonl:2"):
        load_queries(bad)
